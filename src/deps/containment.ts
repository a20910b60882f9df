import { readFile, stat } from 'node:fs/promises'
import * as path from 'node:path'
import { fileSizeReason, MAX_DEPENDENCY_FILE_BYTES } from './limits.js'

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

export { MAX_DEPENDENCY_FILE_BYTES } from './limits.js'

/**
 * Reads a dependency file, refusing one over the size limit before reading it: a lockfile
 * "with ten million packages" is rejected at once instead of being parsed for minutes.
 */
export async function readDependencyBytes(file: string): Promise<Buffer> {
  const { size } = await stat(file)
  if (size > MAX_DEPENDENCY_FILE_BYTES) {
    throw Object.assign(new Error(fileSizeReason(size)), { code: 'EFBIG' })
  }
  return readFile(file)
}
