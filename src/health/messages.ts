/**
 * The words of each package-health finding: what the index said, what it means, and what to
 * do. Index names are shown without credentials (IndexLocation.display); reasons from an
 * index were flattened to one short line when the page was read.
 */
import type { ProjectStatus } from './types.js'

/** "https://pypi.org/simple/", or "a and b", or "a, b and c". */
export function indexList(indexes: readonly string[]): string {
  if (indexes.length <= 1) return indexes[0] ?? 'the index'
  return `${indexes.slice(0, -1).join(', ')} and ${indexes.at(-1)}`
}

export function notFoundMessage(name: string, indexes: readonly string[]): string {
  const where = indexes.length > 1 ? `any of ${indexList(indexes)}` : indexList(indexes)
  return (
    `${name} is not on ${where}: no project of that name. Either the name is misspelt (a typo such as ` +
    `'requets' for 'requests'), or it is a private package that this index does not serve, ` +
    `and then anyone may register the name there and pip would install theirs (dependency ` +
    `confusion). Fix the name; or set index-url to the private index that serves it; or, ` +
    `if this is intended, list it in package-check-ignore with a reason.`
  )
}

const STATUS_MEANING: Record<Exclude<ProjectStatus['status'], 'active'>, string> = {
  quarantined:
    'the index considers it unsafe to use (for example malware) and serves none of its files',
  archived: 'its maintainers expect no further releases, so no fixes will come',
  deprecated: 'it is considered obsolete and may have been replaced by another project'
}

export function statusMessage(
  name: string,
  status: Exclude<ProjectStatus['status'], 'active'>,
  reason: string | undefined,
  indexes: readonly string[]
): string {
  const given = reason ? ` The index gives the reason: "${reason}".` : ''
  const action =
    status === 'quarantined'
      ? ' Remove it, and check the machines that installed it.'
      : ' Plan a move to a maintained alternative.'
  return `${name} is ${status} on ${indexList(indexes)} (PEP 792): ${STATUS_MEANING[status]}.${given}${action}`
}

export function yankedMessage(
  name: string,
  version: string,
  reason: string | undefined,
  indexes: readonly string[]
): string {
  const given = reason ? `, with the reason "${reason}"` : ', without a reason'
  return (
    `${name} ${version} was yanked from ${indexList(indexes)}${given} (PEP 592): its ` +
    `maintainers withdrew it, and pip installs it only because it is pinned exactly. Move ` +
    `to another release.`
  )
}

export function hashMismatchMessage(
  name: string,
  version: string,
  digests: readonly string[],
  releaseFiles: number,
  indexes: readonly string[]
): string {
  const shown = digests.map(digest => `sha256:${digest}`).join(', ')
  const which = digests.length === 1 ? 'a digest that no file' : 'digests that no file'
  const files =
    releaseFiles === 0
      ? ` (the index lists no files of ${version} at all)`
      : ` (it lists ${releaseFiles} file${releaseFiles === 1 ? '' : 's'} of ${version})`
  return (
    `${name} ${version} is pinned with ${which} of this release on ${indexList(indexes)} ` +
    `has: ${shown}${files}. Either an artifact was replaced after the lock was written, or ` +
    `the lock was made against another index. Re-lock against the index you install from, ` +
    `and find out which it is before trusting the new digests.`
  )
}
