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
