/**
 * A PEP 691 JSON project page (`application/vnd.pypi.simple.v1+json`): `meta.api-version`
 * 1.x, `files[]` with `filename`, `hashes` and PEP 592's `yanked` (false, true or a reason),
 * and PEP 792's `project-status` `{status, reason}`; PEP 700's `versions[]` (api-version 1.1)
 * when given, as the list of the versions the index has. A file's version comes from its
 * name, as pip reads it.
 */
import { isObject } from '../shared/json-shape.js'
import { excerpt } from '../shared/text.js'
import {
  PageFormatError,
  projectFactsOf,
  readProjectStatus,
  readSha256,
  type FileList,
  type ListedFile
} from './project-facts.js'
import type { ProjectFacts } from './types.js'

export function parseJsonProjectPage(
  body: string,
  normalizedName: string,
  wanted: readonly string[]
): ProjectFacts {
  let page: unknown
  try {
    page = JSON.parse(body)
  } catch (error) {
    const detail = error instanceof Error ? ` (${excerpt(error.message, 100)})` : ''
    throw new PageFormatError(`malformed JSON${detail}`)
  }
  if (!isObject(page)) throw new PageFormatError('the JSON page is not an object')
  checkApiVersion(isObject(page.meta) ? page.meta['api-version'] : undefined)
  if (!Array.isArray(page.files)) throw new PageFormatError("the JSON page has no 'files' list")
  const files: FileList<unknown> = {
    entries: page.files as unknown[],
    filename: filenameOf,
    yanked: entry => isYanked((entry as Record<string, unknown>).yanked),
    file: readFile
  }
  const statusField = page['project-status']
  const status = isObject(statusField)
    ? readProjectStatus(statusField.status, statusField.reason)
    : readProjectStatus(undefined, undefined)
  return projectFactsOf(normalizedName, files, status, wanted, listedVersions(page.versions))
}

/** PEP 700's `versions[]`: strings; anything else there is not a list to trust. */
function listedVersions(versions: unknown): string[] | undefined {
  if (!Array.isArray(versions)) return undefined
  if (!versions.every(version => typeof version === 'string')) {
    throw new PageFormatError("the JSON page's 'versions' list holds something not a string")
  }
  return versions as string[]
}

/**
 * PEP 629 / 691: a client fails on a major version it does not know, and reads any 1.x
 * (minor versions only add fields).
 */
export function checkApiVersion(version: unknown): void {
  if (typeof version !== 'string' || !/^\d+\.\d+$/.test(version.trim())) {
    throw new PageFormatError('the page gives no api-version (PEP 691 requires meta.api-version)')
  }
  const major = version.trim().split('.')[0]
  if (major !== '1') {
    throw new PageFormatError(
      `api-version ${excerpt(version, 20)} is not supported (this tool reads 1.x)`
    )
  }
}

/** Every entry is checked for a name, whichever version it is of. */
function filenameOf(entry: unknown, index: number): string {
  if (!isObject(entry) || typeof entry.filename !== 'string') {
    throw new PageFormatError(`files[${index}] has no filename`)
  }
  return entry.filename
}

/** PEP 592: true, or a reason (possibly empty), is yanked. */
function isYanked(yanked: unknown): boolean {
  return typeof yanked === 'string' || yanked === true
}

function readFile(entry: unknown, index: number): ListedFile {
  if (!isObject(entry) || typeof entry.filename !== 'string') {
    throw new PageFormatError(`files[${index}] has no filename`)
  }
  const hashes = isObject(entry.hashes) ? entry.hashes : {}
  const sha256 = readSha256(hashes.sha256)
  const yanked = entry.yanked
  return {
    filename: entry.filename,
    ...(sha256 === undefined ? {} : { sha256 }),
    yanked: typeof yanked === 'string' ? yanked : yanked === true ? '' : false
  }
}
