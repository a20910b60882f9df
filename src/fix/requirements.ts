/**
 * Fixing pins in a pip requirements file (a `-r` include is fixed in its own file, where the
 * Dependency's location points). The file is read into pip's logical lines by the same code the
 * collector uses, and every offset in a logical line maps back to its physical line, across
 * `\` continuations: only the version text (and, on a hashed line, the `--hash` values) change.
 * Comments, markers, extras, spacing and line endings (CRLF too) are copied as they are.
 */
import { parseRequirement, RequirementSyntaxError } from '../deps/pep508.js'
import { OptionError, shellSplit, splitRequirementLine } from '../deps/requirements-options.js'
import { logicalLines, type LogicalLine } from '../deps/requirements-text.js'
import { applyEdits, bomLength, lineStarts, offsetAt } from './edits.js'
import { admittingConstraint, changeSpecifier, specifierSpan } from './specifier.js'
import type { FixNote, FixTarget, FixedDeclaration, TextEdit } from './types.js'

/** Python's str.splitlines() boundaries, which pip (and so requirements-text.ts) splits on. */
// eslint-disable-next-line no-control-regex -- \x1c-\x1e are line breaks to Python
const LINE_BREAK = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/
/** `--hash` and the abbreviations optparse accepts for it (no other option starts `--h`). */
const HASH_OPTION = /^--h(?:a(?:sh?)?)?$/
/** What may separate two `--hash` options: spaces, and `\` continuations. */
const HASH_SEPARATOR = /^(?:[ \t]|\\(?:\r\n|\r|\n))+$/
const SEPARATOR_BEFORE = /(?:[ \t]*\\(?:\r\n|\r|\n)[ \t]*|[ \t]+)$/

/** A vulnerable pin, declared by the logical line that starts at `line`. */
export interface RequirementsSite {
  target: FixTarget
  line: number
}

/** The new release's sha256 digests from the index, or why there are none. */
export type HashAnswer = { sha256: string[] } | { unavailable: string }

export interface RequirementsFixOptions {
  /** `fix: ranges`: a range that excludes the fix is widened. */
  widen: boolean
  /** The digests of `target.fixVersion`, for lines that carry `--hash`. */
  hashes: (target: FixTarget) => HashAnswer
}

/** What fixing one file comes to: its new text, and a word on each site. */
export interface FilePlan {
  text: string
  /** The edits that made `text`: everything outside them is the file as it was. */
  edits: TextEdit[]
  fixed: FixedDeclaration[]
  notes: FixNote[]
}

/** One `--hash` option as written: where it starts, where its value starts and ends. */
interface HashItem {
  start: number
  valueStart: number
  end: number
}

/** The sites whose line carries `--hash`: their fix needs the new release's digests. */
export function sitesWithHashes(text: string, sites: readonly RequirementsSite[]): FixTarget[] {
  const lines = logicalLinesAt(text.slice(bomLength(text)), sites)
  return sites
    .filter(site => {
      const logical = lines.get(site.line)
      if (!logical) return false
      const items = hashItems(logical)
      return typeof items === 'string' || items.length > 0
    })
    .map(site => site.target)
}

export function planRequirementsFix(
  text: string,
  file: string,
  sites: readonly RequirementsSite[],
  options: RequirementsFixOptions
): FilePlan {
  const base = bomLength(text)
  const content = text.slice(base)
  const starts = lineStarts(content, LINE_BREAK)
  const lines = logicalLinesAt(content, sites)
  const edits: TextEdit[] = []
  const fixed: FixedDeclaration[] = []
  const notes: FixNote[] = []
  for (const site of sites) {
    const location = { file, line: site.line }
    const { target } = site
    const note = (kind: FixNote['kind'], detail: string, constraint?: string): void => {
      notes.push({
        kind,
        name: target.name,
        version: target.version,
        fixVersion: target.fixVersion,
        location,
        detail,
        ...(constraint ? { constraint } : {})
      })
    }
    const logical = lines.get(site.line)
    if (!logical) {
      note('needs-hand', `line ${site.line} holds no requirement`)
      continue
    }
    const map = (start: number, end: number) => fileRange(logical, start, end, starts, base)
    const outcome = planLine(logical, target, options, map, content, base)
    if ('needsHand' in outcome) note('needs-hand', outcome.needsHand)
    else if (outcome.kind === 'admits') note('range-admits', `${outcome.range} admits it`)
    else if (outcome.kind !== 'rewrite') {
      note(
        'range-excludes',
        `${outcome.range} excludes it; fix: ranges widens it`,
        admittingConstraint(target.name, target.fixVersion)
      )
    } else {
      edits.push(...outcome.edits)
      fixed.push({
        kind: outcome.widened ? 'range' : 'pin',
        name: target.name,
        version: target.version,
        fixVersion: target.fixVersion,
        before: outcome.before,
        after: outcome.after,
        location
      })
    }
  }
  return { text: applyEdits(text, edits), edits, fixed, notes }
}

type LineOutcome =
  | { needsHand: string }
  | { kind: 'admits' | 'excludes'; range: string }
  | { kind: 'rewrite'; edits: TextEdit[]; before: string; after: string; widened: boolean }

type RangeMap = (start: number, end: number) => { start: number; end: number } | undefined

function planLine(
  logical: LogicalLine,
  target: FixTarget,
  options: RequirementsFixOptions,
  map: RangeMap,
  content: string,
  base: number
): LineOutcome {
  const { args } = splitRequirementLine(logical.text)
  const region = specifierRegion(args, target.name)
  if (typeof region === 'string') return { needsHand: region }
  const specifier = args.slice(region.start, region.end)
  const change = changeSpecifier(specifier, 'pep440', target.version, target.fixVersion, {
    pinsAreFixed: true,
    widen: options.widen
  })
  switch (change.kind) {
    case 'unreadable':
      return { needsHand: `its version specifier cannot be rewritten: ${change.reason}` }
    case 'other-pin':
      return { needsHand: `it pins another version than ${target.version}` }
    case 'admits':
    case 'excludes':
      return { kind: change.kind, range: `'${specifier}'` }
  }
  const versionRange = map(region.start + change.start, region.start + change.end)
  if (!versionRange) return { needsHand: 'its version is split across lines' }
  const edits: TextEdit[] = [{ ...versionRange, text: change.text }]
  const items = hashItems(logical)
  if (typeof items === 'string') return { needsHand: items }
  if (items.length > 0) {
    const answer = options.hashes(target)
    if ('unavailable' in answer) {
      return { needsHand: `it carries --hash, and ${answer.unavailable}` }
    }
    const hashEdit = rewriteHashes(items, answer.sha256, map, content, base)
    if (typeof hashEdit === 'string') return { needsHand: hashEdit }
    edits.push(hashEdit)
  }
  const after = specifier.slice(0, change.start) + change.text + specifier.slice(change.end)
  return { kind: 'rewrite', edits, before: specifier, after, widened: change.widened }
}

/**
 * Where the version specifier of `args` is (after the name and extras, before a marker),
 * without parentheses; a reason when the line is not a requirement of `name`.
 */
function specifierRegion(args: string, name: string): { start: number; end: number } | string {
  let requirement
  try {
    requirement = parseRequirement(args)
  } catch (error) {
    if (!(error instanceof RequirementSyntaxError)) throw error
    return `it does not read as a requirement (${error.message})`
  }
  if (requirement.normalizedName !== name) return `it declares ${requirement.normalizedName}`
  if (requirement.url !== undefined) return 'it names a URL, not a version'
  return specifierSpan(args, requirement)
}

/** The `--hash` options of a line, in order; a reason when they cannot be rewritten in place. */
function hashItems(logical: LogicalLine): HashItem[] | string {
  const { optionsOffset } = splitRequirementLine(logical.text)
  let tokens
  try {
    tokens = shellSplit(logical.text.slice(optionsOffset), optionsOffset)
  } catch (error) {
    if (error instanceof OptionError) return `its options do not read (${error.message})`
    throw error
  }
  const items: Array<HashItem | 'other'> = []
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!
    const equals = token.value.indexOf('=')
    const option = equals === -1 ? token.value : token.value.slice(0, equals)
    if (!HASH_OPTION.test(option)) {
      items.push('other')
      continue
    }
    const value = equals === -1 ? tokens[++index] : token
    const valueStart = equals === -1 ? value?.offset : token.offset + equals + 1
    if (!value || valueStart === undefined || !logical.text.startsWith(value.value, value.offset)) {
      return 'its --hash options are quoted or escaped'
    }
    items.push({ start: token.offset, valueStart, end: value.offset + value.value.length })
  }
  const first = items.findIndex(item => item !== 'other')
  if (first === -1) return []
  const last = items.length - 1 - [...items].reverse().findIndex(item => item !== 'other')
  const run = items.slice(first, last + 1)
  if (run.includes('other')) return 'other options sit between its --hash options'
  return run as HashItem[]
}

/** The `--hash` options replaced by one per new digest, laid out as the old ones were. */
function rewriteHashes(
  items: readonly HashItem[],
  digests: readonly string[],
  map: RangeMap,
  content: string,
  base: number
): TextEdit | string {
  if (digests.length === 0) return 'the index lists no digest for the new version'
  const ranges = items.map(item => ({
    whole: map(item.start, item.end),
    prefix: map(item.start, item.valueStart)
  }))
  if (ranges.some(range => !range.whole || !range.prefix)) {
    return 'its --hash options are split across lines'
  }
  const first = ranges[0]!.whole!
  const last = ranges.at(-1)!.whole!
  const text = (start: number, end: number): string => content.slice(start - base, end - base)
  let separator: string
  if (ranges.length > 1) {
    separator = text(first.end, ranges[1]!.whole!.start)
    if (!HASH_SEPARATOR.test(separator)) return 'its --hash options are laid out unusually'
  } else {
    separator = SEPARATOR_BEFORE.exec(text(base, first.start))?.[0] ?? ' '
  }
  const prefix = text(ranges[0]!.prefix!.start, ranges[0]!.prefix!.end)
  const options = digests.map(digest => `${prefix}sha256:${digest}`)
  return { start: first.start, end: last.end, text: options.join(separator) }
}

/** The file range of `[start, end)` of a logical line, if it lies on one physical line. */
function fileRange(
  logical: LogicalLine,
  start: number,
  end: number,
  starts: readonly number[],
  base: number
): { start: number; end: number } | undefined {
  const at = (offset: number): number | undefined => {
    const { line, column } = logical.position(offset)
    const found = offsetAt(starts, line, column)
    return found === undefined ? undefined : found + base
  }
  const from = at(start)
  if (from === undefined) return undefined
  if (end === start) return { start: from, end: from }
  const lastChar = at(end - 1)
  if (lastChar === undefined || lastChar - from !== end - 1 - start) return undefined
  return { start: from, end: lastChar + 1 }
}

/** The logical lines that start on the sites' lines, by line. */
function logicalLinesAt(
  content: string,
  sites: readonly RequirementsSite[]
): Map<number, LogicalLine> {
  const wanted = new Set(sites.map(site => site.line))
  const found = new Map<number, LogicalLine>()
  for (const logical of logicalLines(content)) {
    if (wanted.has(logical.line)) found.set(logical.line, logical)
  }
  return found
}
