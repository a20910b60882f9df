import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import type { Logger } from '../log.js'
import type { SourceFormat } from './types.js'

export interface DetectedFile {
  file: string
  format: SourceFormat
}

const LOCKFILES: ReadonlyArray<[RegExp, SourceFormat]> = [
  [/^pylock(\.[^.]+)?\.toml$/, 'pylock.toml'],
  [/^uv\.lock$/, 'uv.lock'],
  [/^poetry\.lock$/, 'poetry.lock'],
  [/^pdm\.lock$/, 'pdm.lock'],
  [/^Pipfile\.lock$/, 'Pipfile.lock']
]

/** Directories that hold installed or vendored code, never a project's own declarations. */
const IGNORED_DIRECTORIES = new Set([
  '.git',
  'node_modules',
  '.venv',
  'venv',
  '.tox',
  '.nox',
  '__pycache__',
  'site-packages',
  '__pypackages__',
  '.mypy_cache',
  'build',
  'dist'
])
const MAX_DEPTH = 6

/** The format of a file the user named explicitly; anything unknown is read as requirements, as `pip -r` would. */
export function formatOfFile(file: string): SourceFormat {
  const base = path.basename(file)
  for (const [pattern, format] of LOCKFILES) if (pattern.test(base)) return format
  if (base === 'pyproject.toml') return 'pyproject'
  return 'requirements'
}

function isRequirementsName(base: string): boolean {
  return (
    /^requirements.*\.(txt|in)$/i.test(base) ||
    /^(dev|test|constraints)-?requirements.*\.txt$/i.test(base)
  )
}

/**
 * Finds the dependency files of every project below `root`. In one directory a lockfile
 * wins over the manifest it locks (pyproject.toml), and a compiled requirements*.txt over
 * its requirements*.in, because the locked versions are what gets installed.
 */
export async function detectDependencyFiles(root: string, logger: Logger): Promise<DetectedFile[]> {
  const found: DetectedFile[] = []
  await walk(root, 0, found, logger)
  return found
}

async function walk(
  dir: string,
  depth: number,
  found: DetectedFile[],
  logger: Logger
): Promise<void> {
  const entries = await fs.readdir(dir, { withFileTypes: true })
  const files = entries
    .filter(e => e.isFile())
    .map(e => e.name)
    .sort()
  const lockfiles = files.filter(name => LOCKFILES.some(([pattern]) => pattern.test(name)))
  const requirements = files.filter(isRequirementsName)
  const compiled = new Set(requirements.filter(n => n.endsWith('.txt')).map(n => n.slice(0, -4)))

  for (const name of lockfiles)
    found.push({ file: path.join(dir, name), format: formatOfFile(name) })
  if (files.includes('pyproject.toml')) {
    if (lockfiles.length > 0) {
      logger.info(
        `${path.join(dir, 'pyproject.toml')}: using ${lockfiles.join(', ')} instead, which pins what it declares`
      )
    } else {
      found.push({ file: path.join(dir, 'pyproject.toml'), format: 'pyproject' })
    }
  }
  for (const name of requirements) {
    if (name.endsWith('.in') && compiled.has(name.slice(0, -3))) {
      logger.info(
        `${path.join(dir, name)}: using ${name.slice(0, -3)}.txt instead, which pins what it declares`
      )
      continue
    }
    found.push({ file: path.join(dir, name), format: 'requirements' })
  }
  if (depth >= MAX_DEPTH) return
  const subdirectories = entries
    .filter(e => e.isDirectory() && !IGNORED_DIRECTORIES.has(e.name) && !e.name.startsWith('.'))
    .map(e => e.name)
    .sort()
  for (const name of subdirectories) await walk(path.join(dir, name), depth + 1, found, logger)
}
