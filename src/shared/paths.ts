import * as path from 'node:path'

/** A path relative to the repository root with '/' separators, as GitHub annotations want it. */
export function repositoryPath(file: string, repositoryRoot: string): string {
  const relative = path.relative(repositoryRoot, file)
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return file
  return relative.split(path.sep).join('/')
}

/** The page that describes an advisory. */
export function advisoryUrl(id: string): string {
  return `https://osv.dev/vulnerability/${encodeURIComponent(id)}`
}
