import { readFile, stat } from 'node:fs/promises'
import * as path from 'node:path'

/**
 * Whether `realFile` (symlinks already resolved) lies inside one of `roots` (also real paths).
 * A pull request controls the dependency files: a symlink or an include through `..` must not
 * make the tool read, and quote in an error, a file outside the repository (a secret, a key).
 */
export function isInside(realFile: string, roots: readonly string[]): boolean {
  return roots.some(root => {
    const relative = path.relative(root, realFile)
    return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))
  })
}

export const OUTSIDE_REASON =
  'refusing to read it: it resolves (through a symlink or ..) to a file outside the repository'

/** No real dependency file comes near this (a 5,000-package uv.lock is ~12 MiB). */
export const MAX_DEPENDENCY_FILE_BYTES = 64 * 1024 * 1024

/**
 * Reads a dependency file, refusing one over the size limit before reading it: a lockfile
 * "with ten million packages" is rejected at once instead of being parsed for minutes.
 */
export async function readDependencyBytes(file: string): Promise<Buffer> {
  const { size } = await stat(file)
  if (size > MAX_DEPENDENCY_FILE_BYTES) {
    throw Object.assign(
      new Error(
        `the file is ${Math.round(size / 2 ** 20)} MiB, over the ${MAX_DEPENDENCY_FILE_BYTES / 2 ** 20} MiB limit`
      ),
      { code: 'EFBIG' }
    )
  }
  return readFile(file)
}
