/**
 * pip requirements files (`-r`): the whole syntax pip accepts, includes and constraints
 * included, read the way pip's req_file.py reads it. I/O lives here; the line-level work is in
 * requirements-text, requirements-options and requirements-kind.
 */
import { realpath } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ParseError } from '../shared/errors.js'
import {
  checkFileDependencyCount,
  fileSizeReason,
  markerComparisonsReason,
  MAX_DEPENDENCY_FILE_BYTES
} from './limits.js'
import { normalizeMarkerText } from './marker-text.js'
import {
  evaluateMarker,
  MarkerComparisons,
  MarkerLimitError,
  type PartialMarkerEnvironment
} from './markers.js'
import { RequirementSyntaxError, type Requirement } from './pep508.js'
import { classifyRequirement, type ClassifiedRequirement } from './requirements-kind.js'
import { OptionError, parseLineOptions, splitRequirementLine } from './requirements-options.js'
import { excerpt } from './requirements-syntax.js'
import {
  decodeRequirementsBytes,
  describeReferences,
  environmentReferences,
  logicalLines,
  type LogicalLine
} from './requirements-text.js'
import type { Location } from './types.js'

import { isInside, OUTSIDE_REASON, readDependencyBytes } from './containment.js'
export { requirementsToSource } from './requirements-source.js'

export interface RequirementsOptions {
  /**
   * The target the audit is narrowed to: lines whose marker is false for it do not apply.
   * Undefined: every line applies whatever its marker (markers are still checked).
   */
  markerEnvironment?: PartialMarkerEnvironment
  /** How errors name files (default: as given). */
  displayPath?: (absolutePath: string) => string
  /** Real paths that files (after symlinks) must lie in; unset: anywhere, as pip reads. */
  allowedRoots?: readonly string[]
}

/** One logical requirement line, after includes and continuations; ${VAR} is never expanded. */
export interface RequirementLine {
  /** Absent for URL/path/editable lines that are not PEP 508. */
  requirement?: Requirement
  /** The requirement text (without options), for passing to pip later. */
  raw: string
  /** Absolute file and 1-based line where the logical line starts. */
  location: Location
  editable: boolean
  hashes: string[]
  /** Came from a -c file. */
  constraint: boolean
  /** False when its marker is false for the target environment (never without one). */
  markerApplies: boolean
  /** Its environment marker, whitespace normalised, when it has one. */
  marker?: string
  /**
   * The environment variables its requirement text names (`${NAME}`), which pip expands when it
   * reads the file. Set: the line has no `requirement` and is never audited (what it installs
   * is unknown), since reading the runner's environment could put a secret in the results.
   */
  variables?: string[]
}

export interface ParsedRequirementsFile {
  lines: RequirementLine[]
  /** Global options found. */
  options: { indexUrl?: string; extraIndexUrls: string[]; findLinks: string[]; other: string[] }
  /** Every file read, in order (the root and its includes), each once. */
  files: string[]
}

/** pip has no limit but Python's recursion limit; a chain this deep is a mistake or an attack. */
const MAX_INCLUDE_DEPTH = 64

export async function parseRequirementsFile(
  absolutePath: string,
  options: RequirementsOptions
): Promise<ParsedRequirementsFile> {
  const walk = new IncludeWalk(options)
  const root = path.resolve(absolutePath)
  const fail = (error: unknown): never => {
    throw new ParseError(
      { file: walk.display(root) },
      `cannot read the requirements file: ${fsReason(error)}`
    )
  }
  const real = await realpath(root).catch(fail)
  if (options.allowedRoots && !isInside(real, options.allowedRoots)) {
    throw new ParseError({ file: walk.display(root) }, OUTSIDE_REASON)
  }
  await walk.visit(root, real, await readDependencyBytes(real).catch(fail), false, [])
  return walk.result
}

interface ChainEntry {
  real: string
  file: string
}

class IncludeWalk {
  readonly result: ParsedRequirementsFile = {
    lines: [],
    options: { extraIndexUrls: [], findLinks: [], other: [] },
    files: []
  }
  /** Files already read in a mode: reading them again adds nothing, and diamonds stay linear. */
  private readonly expanded = new Set<string>()
  private readonly filesSeen = new Set<string>()
  /** Include targets by directory and name, located once. */
  private readonly targets = new Map<string, Promise<{ resolved: string; real: string }>>()
  /** Real paths by the path an include resolves to. */
  private readonly realPaths = new Map<string, Promise<string>>()
  /** Bytes of every file read: a file and its includes together are held to one file's limit. */
  private bytesRead = 0
  /** Logical lines of every file read (MAX_DEPENDENCIES at most). */
  private linesRead = 0
  private readonly markerComparisons = new MarkerComparisons()

  constructor(private readonly options: RequirementsOptions) {}

  display(file: string): string {
    return this.options.displayPath ? this.options.displayPath(file) : file
  }

  async visit(
    file: string,
    real: string,
    bytes: Uint8Array,
    constraint: boolean,
    chain: ChainEntry[]
  ): Promise<void> {
    const key = expandedKey(real, constraint)
    if (this.expanded.has(key)) return
    this.expanded.add(key)
    this.bytesRead += bytes.length
    if (!this.filesSeen.has(file)) {
      this.filesSeen.add(file)
      this.result.files.push(file)
    }
    const content = decodeRequirementsBytes(bytes, this.display(file))
    const here = [...chain, { real, file }]
    for (const line of logicalLines(content)) {
      // Each line costs a parse, whatever it holds: options and includes count as much as pins.
      checkFileDependencyCount(
        ++this.linesRead,
        { file: this.display(file), line: line.line },
        'requirement, option and include lines'
      )
      const include = this.handleLine(file, line, constraint)
      if (include) await this.include(file, line, include, here)
    }
  }

  private fail(file: string, line: LogicalLine, offset: number, message: string): never {
    throw new ParseError({ file: this.display(file), ...line.position(offset) }, message)
  }

  /** Records the line; returns the file it includes, if it is an include line. */
  private handleLine(file: string, line: LogicalLine, constraint: boolean): Include | undefined {
    const { args, optionsOffset } = splitRequirementLine(line.text)
    let options
    try {
      options = parseLineOptions(line.text, optionsOffset)
    } catch (error) {
      if (error instanceof OptionError) this.fail(file, line, error.offset, error.message)
      throw error
    }
    const location = { file, line: line.line }
    const variables = args === '' ? [] : environmentReferences(args)
    if (variables.length > 0) {
      this.result.lines.push({
        raw: args.trim(),
        location,
        editable: false,
        hashes: options.hashes,
        constraint,
        markerApplies: true,
        variables
      })
      return undefined
    }
    if (args !== '') {
      const classified = this.classify(file, line, args)
      const entry: RequirementLine = {
        raw: args.trim(),
        location,
        editable: false,
        hashes: options.hashes,
        constraint,
        markerApplies: this.markerApplies(file, line, args, classified)
      }
      if (classified.requirement) entry.requirement = classified.requirement
      const marker = classified.requirement?.marker ?? classified.marker?.text
      if (marker !== undefined) entry.marker = normalizeMarkerText(marker)
      this.result.lines.push(entry)
      return undefined // pip ignores -r/-c and global options on a requirement line
    }
    if (options.editables.length > 0) {
      // Only the first -e counts, and pip ignores markers on editables (shlex eats them as arguments).
      const raw = options.editables[0]!
      this.result.lines.push({
        raw,
        location,
        editable: true,
        hashes: options.hashes,
        constraint,
        markerApplies: true
      })
      return undefined
    }
    const global = this.result.options
    if (options.indexUrl !== undefined) global.indexUrl = options.indexUrl
    global.extraIndexUrls.push(...options.extraIndexUrls)
    global.findLinks.push(...options.findLinks)
    global.other.push(...options.other)
    // Like pip, only the first -r of a line is followed, and -c only when there is no -r.
    const [target, nested] =
      options.requirements.length > 0
        ? [options.requirements[0]!, false]
        : [options.constraints[0], true]
    if (target === undefined) return undefined
    const key = nested ? 'constraints' : 'requirements'
    return { target, constraint: nested, offset: options.firstOffset[key] ?? 0 }
  }

  private classify(file: string, line: LogicalLine, args: string): ClassifiedRequirement {
    try {
      return classifyRequirement(args)
    } catch (error) {
      if (!(error instanceof RequirementSyntaxError)) throw error
      return this.fail(
        file,
        line,
        error.column - 1,
        `invalid requirement ${excerpt(args.trim())}: ${error.message}`
      )
    }
  }

  private markerApplies(
    file: string,
    line: LogicalLine,
    args: string,
    classified: ClassifiedRequirement
  ): boolean {
    const marker = classified.requirement?.marker
    const text = marker ?? classified.marker?.text
    if (text === undefined) return true
    // A PEP 508 marker is always the tail of the requirement text.
    const offset =
      marker !== undefined ? args.trimEnd().length - marker.length : classified.marker!.offset
    const target = this.options.markerEnvironment
    try {
      // Evaluated even without a target: a marker pip would reject is an error either way.
      const applies = evaluateMarker(text, target ?? {}, '', this.markerComparisons)
      return target === undefined || applies
    } catch (error) {
      if (error instanceof MarkerLimitError)
        this.fail(file, line, offset, markerComparisonsReason())
      if (!(error instanceof RequirementSyntaxError)) throw error
      return this.fail(
        file,
        line,
        offset + error.column - 1,
        `invalid marker ${excerpt(text)}: ${error.message}`
      )
    }
  }

  async include(
    file: string,
    line: LogicalLine,
    include: Include,
    chain: ChainEntry[]
  ): Promise<void> {
    const { target, offset } = include
    const fail = (message: string): never => this.fail(file, line, offset, message)
    // A file may include the same target 100,000 times: it is located (and checked) once.
    const key = `${path.dirname(file)}\0${target}`
    let located = this.targets.get(key)
    if (located === undefined) {
      located = this.locate(file, target)
      this.targets.set(key, located)
    }
    const { resolved, real } = await located.catch((error: Error) => fail(error.message))
    if (chain.length >= MAX_INCLUDE_DEPTH)
      fail(`requirements files are included more than ${MAX_INCLUDE_DEPTH} levels deep`)
    const loopStart = chain.findIndex(entry => entry.real === real)
    if (loopStart >= 0) {
      const names = [...chain.slice(loopStart).map(entry => entry.file), resolved].map(f =>
        this.display(f)
      )
      const shown = names.length > 6 ? [...names.slice(0, 3), '...', ...names.slice(-2)] : names
      fail(`requirements files include each other in a loop (${shown.join(' -> ')}); not followed`)
    }
    if (this.expanded.has(expandedKey(real, include.constraint))) return
    const bytes = await readDependencyBytes(real).catch((error: unknown) =>
      fail(`cannot read the included file ${excerpt(target)}: ${fsReason(error)}`)
    )
    if (this.bytesRead + bytes.length > MAX_DEPENDENCY_FILE_BYTES) {
      const read = 'with it, the requirements files read'
      fail(
        `refusing to read ${excerpt(target)}: ${fileSizeReason(this.bytesRead + bytes.length, read)}`
      )
    }
    await this.visit(resolved, real, bytes, include.constraint, chain)
  }

  /** Where an include's target is, or why it is not followed (an Error with the message). */
  private async locate(file: string, target: string): Promise<{ resolved: string; real: string }> {
    const refuse = (message: string): never => {
      throw new Error(message)
    }
    const variables = environmentReferences(target)
    if (variables.length > 0) {
      refuse(
        `cannot follow ${excerpt(target)}: ${describeReferences(variables)}, which pip expands but this audit never reads (the environment holds secrets); name the file as it is`
      )
    }
    if (/^https?:/i.test(target)) {
      refuse(
        `remote requirements file ${excerpt(target)} is not supported: download it and list the local copy`
      )
    }
    let resolved: string
    try {
      resolved = /^file:/i.test(target)
        ? fileURLToPath(target)
        : path.resolve(path.dirname(file), target)
    } catch {
      return refuse(`${excerpt(target)} is not a usable file: URL`)
    }
    const real = await this.realPathOf(resolved).catch((error: unknown) =>
      refuse(`cannot read the included file ${excerpt(target)}: ${fsReason(error)}`)
    )
    if (this.options.allowedRoots && !isInside(real, this.options.allowedRoots)) {
      refuse(`the included file ${excerpt(target)}: ${OUTSIDE_REASON}`)
    }
    return { resolved, real }
  }

  /**
   * One realpath per file, however its includes spell it (`x.txt`, `./d/../x.txt`): a file
   * can name one target 100,000 ways, and each call is a system call per path segment.
   */
  private realPathOf(resolved: string): Promise<string> {
    let real = this.realPaths.get(resolved)
    if (real === undefined) {
      real = realpath(resolved)
      this.realPaths.set(resolved, real)
    }
    return real
  }
}

function expandedKey(real: string, constraint: boolean): string {
  return `${constraint ? 'c' : 'r'}:${real}`
}

interface Include {
  target: string
  constraint: boolean
  /** Offset in the line of the -r/-c token. */
  offset: number
}

function fsReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'no such file'
  if (code === 'EISDIR') return 'it is a directory'
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  if (code === 'ELOOP') return 'too many levels of symbolic links'
  if (code === 'EFBIG') return (error as Error).message
  return code ?? String(error)
}
