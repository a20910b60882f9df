import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { InputError, PyauditError } from '../shared/errors.js'
import type { Logger } from '../shared/log.js'
import { detectDependencyFiles, formatOfFile, type DetectedFile } from './detect.js'
import { checkRunDependencyCount } from './limits.js'
import { narrowedEnvironment, type TargetPlatform } from './markers.js'
import { readDependencyFile, type FileRead } from './read-file.js'
import type { SourceResult } from './types.js'
import { repositoryPath } from '../shared/paths.js'

/** The Python version of a reference environment where one is needed (package checks, tests). */
export const DEFAULT_PYTHON_VERSION = '3.12'

/** What to collect, as the user says it (the configuration keeps it in this form too). */
export interface DependencySources {
  /**
   * Absolute files or directories; empty means detect in workingDirectory (unless only `python`
   * is given).
   */
  paths: string[]
  /** Interpreter path, virtualenv directory or command name; its environment is audited. */
  python?: string
  /**
   * With `platform`, the target the audit is narrowed to: pins whose markers are false for it
   * are left out. Neither: every pin is audited whatever its marker (`python` alone does not
   * narrow; with resolve: pip, pip evaluates markers for its own interpreter).
   */
  pythonVersion?: string
  platform?: TargetPlatform
  resolve: 'none' | 'pip'
  indexUrl?: string
  extraIndexUrls: string[]
}

export interface CollectOptions extends DependencySources {
  workingDirectory: string
  /** Files must lie here (or in the directory of a path named explicitly), symlinks resolved. */
  repositoryRoot?: string
  env: NodeJS.ProcessEnv
  logger: Logger
}

/**
 * Every dependency the options point at: files (read, or resolved with pip), and the
 * installed environment of `python` when no resolution is asked for. What runs Python (child
 * processes, wheel archives) loads only when `python` or `resolve: pip` asks for it.
 */
export async function collectDependencies(options: CollectOptions): Promise<SourceResult[]> {
  const { logger } = options
  const directory = await fs.stat(options.workingDirectory).catch(() => undefined)
  if (!directory?.isDirectory()) {
    throw new InputError('working-directory', `${options.workingDirectory} is not a directory`)
  }
  const readsEnvironment = options.python !== undefined && options.resolve === 'none'
  const markerEnvironment = narrowedEnvironment({
    ...(options.pythonVersion !== undefined && { pythonVersion: options.pythonVersion }),
    ...(options.platform !== undefined && { platform: options.platform })
  })
  const context = {
    ...(markerEnvironment && { markerEnvironment }),
    displayPath: (file: string) => repositoryPath(file, options.workingDirectory),
    allowedRoots: await allowedRoots(options)
  }
  if (markerEnvironment)
    logger.info(`Auditing only what is installed on ${describeTarget(options)}`)
  const files = readsEnvironment && options.paths.length === 0 ? [] : await filesToRead(options)
  const reads = []
  for (const detected of files)
    reads.push({ detected, fileRead: await readDependencyFile(detected, context) })
  // A file another one includes (-r) belongs to that one: reading it again would report it twice.
  const included = new Set(
    reads.flatMap(({ detected, fileRead }) =>
      fileRead.filesRead.filter(file => file !== detected.file)
    )
  )
  const seen = new Set<string>()
  const sources: SourceResult[] = []
  for (const { detected, fileRead } of reads) {
    if (included.has(detected.file) || seen.has(detected.file)) continue
    seen.add(detected.file)
    const resolvable = fileRead.requirements !== undefined || fileRead.declarations !== undefined
    const source =
      options.resolve === 'pip' && resolvable
        ? await resolveWithPip(fileRead, options)
        : fileRead.source
    logger.info(
      `${context.displayPath(detected.file)} (${source.format}): ${describeCounts(source)}`
    )
    sources.push(source)
    checkRunDependencyCount(sources, context.displayPath)
  }
  if (readsEnvironment && options.python) {
    const { readEnvironment } = await import('./environment.js')
    const environment = await readEnvironment(options.python, {
      cwd: options.workingDirectory,
      env: options.env,
      logger
    })
    logger.info(
      `Python environment ${environment.file}: ${environment.dependencies.length} installed distributions`
    )
    sources.push(environment)
    checkRunDependencyCount(sources, context.displayPath)
  }
  if (sources.length === 0) {
    throw new PyauditError(
      `No dependency files found in ${options.workingDirectory}: set 'paths' to your requirements files or lockfiles, or 'python' to audit an environment`
    )
  }
  return sources
}

/** "Python 3.12 on windows", "Python 3.9 (any platform)", "windows (any Python)". */
function describeTarget(options: CollectOptions): string {
  const { pythonVersion, platform } = options
  if (pythonVersion === undefined) return `${platform} (any Python version)`
  return `Python ${pythonVersion} ${platform ? `on ${platform}` : '(any platform)'}`
}

async function resolveWithPip(fileRead: FileRead, options: CollectOptions): Promise<SourceResult> {
  const { resolveFile } = await import('./resolve.js')
  return resolveFile(fileRead, {
    python: options.python ?? 'python3',
    ...(options.indexUrl ? { indexUrl: options.indexUrl } : {}),
    extraIndexUrls: options.extraIndexUrls,
    cwd: options.workingDirectory,
    env: options.env,
    logger: options.logger
  })
}

async function filesToRead(options: CollectOptions): Promise<DetectedFile[]> {
  if (options.paths.length === 0) {
    const found = await detectDependencyFiles(options.workingDirectory, options.logger)
    const names = found.map(f => repositoryPath(f.file, options.workingDirectory)).join(', ')
    options.logger.info(
      `Detected ${found.length} dependency file(s) in ${options.workingDirectory}${names ? `: ${names}` : ''}`
    )
    return found
  }
  const files: DetectedFile[] = []
  for (const target of options.paths) {
    const stat = await fs.stat(target).catch(() => undefined)
    if (!stat) {
      throw new InputError(
        'paths',
        `${repositoryPath(target, options.workingDirectory)} does not exist`
      )
    }
    if (stat.isDirectory()) files.push(...(await detectDependencyFiles(target, options.logger)))
    else files.push({ file: target, format: formatOfFile(target) })
  }
  return files
}

/** The repository, the working directory, and the directory of each path named explicitly. */
async function allowedRoots(options: CollectOptions): Promise<string[]> {
  const roots = [
    options.repositoryRoot ?? options.workingDirectory,
    options.workingDirectory,
    ...options.paths.map(p => path.dirname(p))
  ]
  const real = await Promise.all(
    roots.map(root => fs.realpath(root).catch(() => path.resolve(root)))
  )
  return [...new Set(real)]
}

function describeCounts(source: SourceResult): string {
  return `${source.dependencies.length} pinned, ${source.skipped.length} skipped`
}
