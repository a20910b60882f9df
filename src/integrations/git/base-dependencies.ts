/**
 * The dependencies of the base commit, read by the same readers as the work tree: the base's
 * dependency files are copied out of git into a private directory with the repository's layout
 * (base-tree.ts), collected there with the run's own options, and every path in the result is
 * mapped back to where the file lies in the work tree, so both sides name files alike.
 */
import * as fs from 'node:fs/promises'
import * as os from 'node:os'
import * as path from 'node:path'
import { collectDependencies, type CollectOptions } from '../../deps/collect.js'
import { detectDependencyFiles } from '../../deps/detect.js'
import type { SourceResult } from '../../deps/types.js'
import { messageOf, PyauditError } from '../../shared/errors.js'
import { silentLogger, type Logger } from '../../shared/log.js'
import type { BaseCommit } from './base-commit.js'
import { materialiseCommitFiles, type MaterialiseLimits } from './base-tree.js'
import { gitComplaint, GitError, runGit } from './run-git.js'

export type BaseDependencies =
  | { ok: true; sources: SourceResult[] }
  /** The base could not be read: the run judges every dependency, and says so. */
  | { ok: false; warning: string }

export interface BaseReadOptions {
  limits?: Partial<MaterialiseLimits>
}

/** Requirements files and their includes (any *.txt or *.in), pyproject.toml and the lockfiles. */
const DEPENDENCY_FILE =
  /(?:^|\/)(?:[^/]+\.(?:txt|in)|pyproject\.toml|pylock(?:\.[^./]+)?\.toml|uv\.lock|poetry\.lock|pdm\.lock|Pipfile\.lock)$/i
/** Installed or vendored code: never a project's own declarations, and often large. */
const SKIPPED_DIRECTORY =
  /(?:^|\/)(?:\.git|node_modules|\.venv|venv|site-packages|__pypackages__|\.tox|\.nox|__pycache__|\.mypy_cache)\//

/**
 * Collects the base like the head: same paths (those absent at the base are left out: their
 * pins are all added), same detection, same resolution with pip. The installed environment of
 * `python` has no base and is not read. Never throws: a base that cannot be read comes back as
 * a warning, and the caller judges every dependency.
 */
export async function readBaseDependencies(
  base: BaseCommit,
  options: CollectOptions,
  readOptions: BaseReadOptions = {}
): Promise<BaseDependencies> {
  let scratch: string | undefined
  try {
    const top = await repositoryTop(options)
    const headWorkdir = await fs.realpath(options.workingDirectory)
    const inRepository = (file: string) => relativeInside(top, file)
    const workdirInRepo = inRepository(headWorkdir)
    if (workdirInRepo === undefined) {
      throw new PyauditError(`${options.workingDirectory} is not inside the git clone ${top}`)
    }
    const explicit = await Promise.all(options.paths.map(p => realOrResolved(p)))
    const explicitInRepo = explicit.map(inRepository)
    // A file named in `paths` is read whatever its name; a directory is searched like the head.
    const namedFiles = new Set(
      (await existingFiles(explicit)).map(inRepository).filter(p => p !== undefined)
    )
    scratch = await fs.mkdtemp(path.join(options.env.RUNNER_TEMP || os.tmpdir(), 'pyaudit-base-'))
    const tree = path.join(scratch, 'tree')
    const { tooLarge } = await materialiseCommitFiles(base.sha, {
      repositoryTop: top,
      env: options.env,
      destination: tree,
      wanted: file =>
        namedFiles.has(file) || (DEPENDENCY_FILE.test(file) && !SKIPPED_DIRECTORY.test(file)),
      ...(readOptions.limits ? { limits: readOptions.limits } : {})
    })
    const baseWorkdir = path.join(tree, workdirInRepo)
    // Messages name the base's files where the user has them, not in the private copy.
    const logger = prefixed(options.logger, `Base ${base.ref}`, [baseWorkdir, headWorkdir])
    for (const file of tooLarge) logger.info(`${file} is too large to read, so it counts as absent`)

    const toHead = (file: string) =>
      path.join(options.workingDirectory, path.relative(baseWorkdir, file))
    const paths = await existing(
      explicitInRepo.flatMap(p => (p === undefined ? [] : [path.join(tree, p)]))
    )
    const readsEnvironment = options.python !== undefined && options.resolve === 'none'
    if (!(await isDirectory(baseWorkdir))) return { ok: true, sources: [] }
    if (options.paths.length > 0 && paths.length === 0) return { ok: true, sources: [] }
    if (options.paths.length === 0) {
      if (readsEnvironment) return { ok: true, sources: [] }
      if ((await detectDependencyFiles(baseWorkdir, silentLogger)).length === 0) {
        return { ok: true, sources: [] }
      }
    }
    const repositoryRoot = relativeInside(
      top,
      await realOrResolved(options.repositoryRoot ?? headWorkdir)
    )
    const sources = await collectDependencies({
      ...options,
      paths,
      workingDirectory: baseWorkdir,
      repositoryRoot: repositoryRoot === undefined ? tree : path.join(tree, repositoryRoot),
      // The environment has no base; the files are read for the same target as the head's.
      ...(readsEnvironment ? { python: undefined } : {}),
      logger
    })
    return { ok: true, sources: sources.map(source => mapSource(source, toHead)) }
  } catch (error) {
    return {
      ok: false,
      warning: `Could not read the dependency files of the base ${base.ref} (${base.sha.slice(0, 12)}): ${messageOf(error)}. Judging every dependency (scope: all).`
    }
  } finally {
    if (scratch) await fs.rm(scratch, { recursive: true, force: true })
  }
}

async function repositoryTop(options: CollectOptions): Promise<string> {
  const result = await runGit(['rev-parse', '--show-toplevel'], {
    cwd: options.workingDirectory,
    env: options.env
  })
  if (result.exitCode !== 0) throw new GitError(`not a git clone: ${gitComplaint(result)}`)
  return fs.realpath(result.stdout.toString('utf8').trim())
}

function mapSource(source: SourceResult, toHead: (file: string) => string): SourceResult {
  return {
    ...source,
    file: toHead(source.file),
    dependencies: source.dependencies.map(dep => ({
      ...dep,
      location: { ...dep.location, file: toHead(dep.location.file) }
    })),
    skipped: source.skipped.map(skip => ({
      ...skip,
      location: { ...skip.location, file: toHead(skip.location.file) }
    }))
  }
}

function prefixed(logger: Logger, prefix: string, [copy, original]: [string, string]): Logger {
  const shown = (message: string) => `${prefix}: ${message.split(copy).join(original)}`
  return {
    debug: message => logger.debug(shown(message)),
    info: message => logger.info(shown(message)),
    warning: message => logger.warning(shown(message))
  }
}

/** `file` relative to `root` with '/' separators, or undefined when it lies outside. */
function relativeInside(root: string, file: string): string | undefined {
  const relative = path.relative(root, file)
  if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined
  return relative.split(path.sep).join('/')
}

async function realOrResolved(file: string): Promise<string> {
  return fs.realpath(file).catch(() => path.resolve(file))
}

async function existing(files: string[]): Promise<string[]> {
  const found = await Promise.all(
    files.map(file =>
      fs.stat(file).then(
        () => file,
        () => undefined
      )
    )
  )
  return found.filter((file): file is string => file !== undefined)
}

async function existingFiles(files: string[]): Promise<string[]> {
  const stats = await Promise.all(files.map(file => fs.stat(file).catch(() => undefined)))
  return files.filter((_file, index) => stats[index]?.isFile())
}

async function isDirectory(directory: string): Promise<boolean> {
  return (await fs.stat(directory).catch(() => undefined))?.isDirectory() ?? false
}
