/**
 * Resolving requirements with the user's own pip: `pip install --dry-run --ignore-installed
 * --report` answers "what would be installed in an empty environment", with each package's
 * metadata, without installing anything.
 *
 * SECURITY: resolving can download source distributions and build them to learn their
 * metadata, which runs code from the package index (setup.py, build backends). Do not resolve
 * requirements of untrusted pull requests in a privileged context (`pull_request_target`);
 * `onlyBinary` (`--only-binary :all:`) keeps pip to wheels and avoids builds.
 *
 * pip runs as `python -I -m pip`: `-I` keeps the working directory (the checked-out project)
 * off sys.path, so a `pip.py` in the project cannot stand in for pip. PIP_* variables in `env`
 * still configure pip as usual.
 */
import * as fs from 'node:fs/promises'
import * as os from 'node:os'
import * as path from 'node:path'
import { InputError, ParseError, PyauditError } from '../shared/errors.js'
import { normalizeName } from './names.js'
import { lastLines, locateInterpreter, PYTHON_INPUT, runPython } from './python.js'
import type {
  Dependency,
  Location,
  PackageMetadata,
  SkippedDependency,
  SourceResult
} from './types.js'
import { isObject } from '../shared/json-shape.js'

export interface PipResolveRequest {
  /** Interpreter or virtualenv whose pip resolves (input `python`). */
  python: string
  /** PEP 508 requirement strings, and requirement / constraint files as '-r', path / '-c', path. */
  requirements: string[]
  indexUrl?: string
  extraIndexUrls?: string[]
  /** Environment for pip (PIP_* variables configure it); defaults to process.env. */
  env?: NodeJS.ProcessEnv
  /** Relative requirement files and local paths are resolved from here. */
  cwd: string
  timeoutMs?: number
  /** Wheels only: never build a source distribution (which would run its code). */
  onlyBinary?: boolean
  /**
   * Lines, exactly as written, that pip reads from a temporary requirements file (`-r`) so it
   * expands their `${VAR}` itself: pip expands variables only in files, never in arguments.
   */
  requirementsFileLines?: string[]
  /**
   * Variables those lines name: their values (read from `env` only for this) are masked in
   * pip's error lines, which can quote an expanded line.
   */
  maskedVariables?: string[]
}

/** Where pip took a package from when it was not a release on an index or --find-links. */
export interface DirectSource {
  kind: 'vcs' | 'directory' | 'archive'
  /** The URL with any credentials masked. */
  url: string
  editable: boolean
}

export interface ResolvedPackage {
  /** PEP 503 normalised name. */
  name: string
  version: string
  metadata: PackageMetadata
  requiresDist: string[]
  /**
   * A top-level requirement (pip's `requested`). pip's report has no dependency graph, so a
   * transitive package does not say which requirement pulled it in.
   */
  requested: boolean
  requestedExtras: string[]
  /** Set for packages from a URL, VCS or local directory: their version is not an index release. */
  direct?: DirectSource
}

export interface PipResolution {
  pipVersion: string
  /** PEP 508 marker environment pip resolved for. */
  environment: Record<string, string>
  dependencies: ResolvedPackage[]
}

const DEFAULT_TIMEOUT_MS = 10 * 60_000
const REPORT_SOURCE = 'pip installation report'

export async function resolveWithPip(request: PipResolveRequest): Promise<PipResolution> {
  const command = await locateInterpreter(request.python, request.cwd)
  const reportDir = await fs.mkdtemp(path.join(os.tmpdir(), 'pyaudit-pip-'))
  const reportFile = path.join(reportDir, 'report.json')
  try {
    const requirementsFile = await writeRequirementsFile(reportDir, request.requirementsFileLines)
    const args = pipInstallArguments(request, reportFile, requirementsFile)
    const result = await runPython(command, args, {
      cwd: request.cwd,
      env: request.env ?? process.env,
      timeoutMs: request.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      displayName: request.python,
      activity: 'pip install --dry-run'
    })
    if (result.exitCode !== 0) {
      const output = maskValues(result.stderr || result.stdout, request)
      throw pipFailure(result.exitCode, output)
    }
    const report = await fs.readFile(reportFile, 'utf8').catch(() => undefined)
    if (report === undefined) {
      throw new PyauditError(
        `pip exited successfully but wrote no installation report (pip 22.2 or newer is needed)`
      )
    }
    return parseInstallationReport(report)
  } finally {
    await fs.rm(reportDir, { recursive: true, force: true })
  }
}

/**
 * The lines in a file only pip and this user can read (a fresh mkdtemp directory, mode 0600),
 * removed with that directory. A line that could end early or start an option is refused.
 */
async function writeRequirementsFile(
  dir: string,
  lines: readonly string[] | undefined
): Promise<string | undefined> {
  if (!lines || lines.length === 0) return undefined
  for (const line of lines) {
    if (/[\r\n\0]/.test(line) || line.trim() === '') {
      throw new InputError('requirements', 'a requirements-file line must be one non-empty line')
    }
  }
  const file = path.join(dir, 'requirements.txt')
  await fs.writeFile(file, lines.join('\n') + '\n', { mode: 0o600, flag: 'wx' })
  return file
}

/** pip's output with the values of the variables it expanded masked (values under 3 characters stay). */
function maskValues(output: string, request: PipResolveRequest): string {
  const env = request.env ?? process.env
  const values = (request.maskedVariables ?? [])
    .map(name => env[name])
    .filter((value): value is string => value !== undefined && value.length >= 3)
    .sort((a, b) => b.length - a.length)
  return values.reduce((text, value) => text.split(value).join('***'), output)
}

/** The arguments after the interpreter; requirement strings can never be read as options. */
export function pipInstallArguments(
  request: PipResolveRequest,
  reportFile: string,
  requirementsFile?: string
): string[] {
  const args = ['-I', '-m', 'pip', 'install', '--dry-run', '--ignore-installed', '--quiet']
  args.push('--report', reportFile, '--disable-pip-version-check', '--no-input')
  if (request.indexUrl) args.push('--index-url', request.indexUrl)
  for (const url of request.extraIndexUrls ?? []) args.push('--extra-index-url', url)
  if (request.onlyBinary) args.push('--only-binary', ':all:')
  if (requirementsFile !== undefined) args.push('-r', requirementsFile)
  const specifiers: string[] = []
  const { requirements } = request
  for (let index = 0; index < requirements.length; index++) {
    const item = requirements[index]!
    if (['-r', '--requirement', '-c', '--constraint'].includes(item)) {
      const file = requirements[++index]
      if (file === undefined || file === '') {
        throw new InputError('requirements', `${item} must be followed by a file path`)
      }
      args.push(item, file)
    } else if (item.trimStart().startsWith('-')) {
      throw new InputError('requirements', `'${item}' is an option, not a requirement`)
    } else if (item.trim() !== '') {
      specifiers.push(item)
    }
  }
  if (specifiers.length === 0 && !args.some(arg => arg === '-r' || arg === '--requirement')) {
    throw new InputError('requirements', 'nothing to resolve: no requirement or requirements file')
  }
  if (specifiers.length > 0) args.push('--', ...specifiers)
  return args
}

function pipFailure(exitCode: number, output: string): PyauditError {
  const lines = maskCredentials(lastLines(output, 20))
  if (/No module named pip\b/.test(lines)) {
    return new InputError(PYTHON_INPUT, `pip is not installed for this interpreter:\n${lines}`)
  }
  return new PyauditError(
    `pip could not resolve the requirements (exit code ${exitCode}):\n${lines}`
  )
}

/** `scheme://user:password@` -> `scheme://user:***@`; a lone token (`scheme://token@`) -> `***@`. */
export function maskCredentials(text: string): string {
  return text.replace(
    /\b([a-z][a-z0-9+.-]*:\/\/)([^\s/:]*)(:[^\s/]*)?@/gi,
    (_match, scheme: string, user: string, password: string | undefined) =>
      password === undefined ? `${scheme}***@` : `${scheme}${user}:***@`
  )
}

/** Pure: pip's installation report (format version 1) to resolved packages. */
export function parseInstallationReport(json: string): PipResolution {
  let report: unknown
  try {
    report = JSON.parse(json)
  } catch (error) {
    throw new ParseError({ file: REPORT_SOURCE }, `not JSON: ${(error as Error).message}`)
  }
  if (!isObject(report)) throw new ParseError({ file: REPORT_SOURCE }, 'not a JSON object')
  if (report.version !== '1') {
    throw new ParseError(
      { file: REPORT_SOURCE },
      `format version ${JSON.stringify(report.version)} is not supported (only "1", pip 23.0 or newer)`
    )
  }
  if (!Array.isArray(report.install)) {
    throw new ParseError({ file: REPORT_SOURCE }, "no 'install' array")
  }
  return {
    pipVersion: typeof report.pip_version === 'string' ? report.pip_version : 'unknown',
    environment: isObject(report.environment) ? stringValues(report.environment) : {},
    dependencies: report.install.map((item: unknown, index: number) => resolvedPackage(item, index))
  }
}

function resolvedPackage(item: unknown, index: number): ResolvedPackage {
  const where = `install[${index}]`
  if (!isObject(item) || !isObject(item.metadata)) {
    throw new ParseError({ file: REPORT_SOURCE }, `${where} has no metadata`)
  }
  const { metadata } = item
  const name = metadata.name
  const version = metadata.version
  if (typeof name !== 'string' || typeof version !== 'string') {
    throw new ParseError({ file: REPORT_SOURCE }, `${where} metadata lacks a name or version`)
  }
  const packageMetadata: PackageMetadata = { classifiers: stringList(metadata.classifier) }
  if (typeof metadata.license === 'string') packageMetadata.license = metadata.license
  if (typeof metadata.license_expression === 'string') {
    packageMetadata.licenseExpression = metadata.license_expression
  }
  const resolved: ResolvedPackage = {
    name: normalizeName(name),
    version,
    metadata: packageMetadata,
    requiresDist: stringList(metadata.requires_dist),
    requested: item.requested === true,
    requestedExtras: stringList(item.requested_extras)
  }
  const direct = directSource(item)
  if (direct) resolved.direct = direct
  return resolved
}

/** PEP 610 download_info: vcs_info and dir_info, or an archive the user named by URL (is_direct). */
function directSource(item: Record<string, unknown>): DirectSource | undefined {
  const info = isObject(item.download_info) ? item.download_info : {}
  const url = maskCredentials(typeof info.url === 'string' ? info.url : '(no URL)')
  if (isObject(info.vcs_info)) return { kind: 'vcs', url, editable: false }
  if (isObject(info.dir_info)) {
    return { kind: 'directory', url, editable: info.dir_info.editable === true }
  }
  if (item.is_direct === true) return { kind: 'archive', url, editable: false }
  return undefined
}

/**
 * Resolved packages as a source: index releases become 'pip-report' dependencies, direct
 * ones are skipped with the reason. A requested (top-level) package is placed where `locate`
 * finds its requirement (e.g. its line in requirements.txt); everything else - transitive
 * packages, whose origin pip does not report - at `file`, line 0.
 */
export function resolvedToSource(
  resolution: PipResolution,
  options: { file: string; locate?: (name: string) => Location | undefined }
): SourceResult {
  const dependencies: Dependency[] = []
  const skipped: SkippedDependency[] = []
  for (const resolved of resolution.dependencies) {
    const location = (resolved.requested ? options.locate?.(resolved.name) : undefined) ?? {
      file: options.file,
      line: 0
    }
    const { name, version, direct } = resolved
    if (direct) {
      skipped.push({ name, version, reason: directReason(direct), location, format: 'pip-report' })
    } else {
      dependencies.push({
        name,
        version,
        location,
        format: 'pip-report',
        metadata: resolved.metadata
      })
    }
  }
  return { file: options.file, format: 'pip-report', dependencies, skipped }
}

function directReason(direct: DirectSource): string {
  const origin = {
    vcs: 'a version control checkout',
    directory: direct.editable ? 'an editable local directory' : 'a local directory',
    archive: 'a direct URL'
  }[direct.kind]
  return `installed from ${origin} (${direct.url}), not a release from a package index, so advisories cannot be matched to its version`
}

function stringList(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((entry): entry is string => typeof entry === 'string')
    : []
}

function stringValues(record: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(record).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string'
    )
  )
}
