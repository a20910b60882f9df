/**
 * The `versions` lists of a cached record, kept apart from it as one plain text and turned
 * back into arrays only when something reads them. PyPA records list every affected release
 * (a fifth of the cache's bytes, 71,000 strings for 200 pins), yet a warm run reads none of
 * them: the querybatch says which records apply and the upgrades come from the cache (see
 * upgrade.ts). Parsing them anyway cost ~5% of a warm run's instructions, most of it in GC.
 *
 * The text is the lists joined by line feeds, their versions by tabs: it needs no JSON escapes,
 * so the file parses fast, and it splits back exactly because a record is only detached when
 * no version is empty or holds a tab, a line feed or anything else JSON would escape. Any
 * other record keeps its lists inline, as OSV sent them.
 */
import { isStringList } from '../shared/json-shape.js'
import type { OsvAffected, OsvRecord } from './osv.js'

export interface DetachedVersions {
  /** The record, without `versions` in its affected entries when `listed` holds them. */
  record: OsvRecord
  /** Indexes of the affected entries whose lists `listed` holds, ascending. */
  entries: number[]
  listed: string | null
}

const LIST_SEPARATOR = '\n'
const VERSION_SEPARATOR = '\t'

/** Undefined when a list is not a list of strings: such a record is not cached at all. */
export function detachVersions(record: OsvRecord): DetachedVersions | undefined {
  const affected = record.affected ?? []
  const entries = affected.flatMap((entry, index) => (entry.versions === undefined ? [] : [index]))
  const lists = entries.map(index => affected[index]!.versions)
  if (!lists.every(isStringList)) return undefined
  if (entries.length === 0 || !lists.every(list => list.every(isPlainVersion))) {
    return { record, entries: [], listed: null }
  }
  return {
    record: { ...record, affected: affected.map(({ versions: _, ...entry }) => entry) },
    entries,
    listed: lists.map(list => list.join(VERSION_SEPARATOR)).join(LIST_SEPARATOR)
  }
}

/**
 * Gives the listed affected entries of `record` (as read back) a `versions` that is split
 * from `listed` on first read. False, changing nothing, when the stored fields are not what
 * detachVersions writes for a record of this shape.
 */
export function attachVersions(
  record: OsvRecord,
  stored: { entries: unknown; listed: unknown }
): boolean {
  const { entries, listed } = stored
  const affected = record.affected ?? []
  if (!isIndexList(entries, affected.length)) return false
  if (listed === null) return entries.length === 0
  if (typeof listed !== 'string' || entries.length === 0) return false
  if (entries.some(index => affected[index]!.versions !== undefined)) return false
  if (countOf(listed, LIST_SEPARATOR) !== entries.length - 1) return false
  let lists: string[][] | undefined
  const materialise = (): string[][] =>
    (lists ??= listed
      .split(LIST_SEPARATOR)
      .map(text => (text === '' ? [] : text.split(VERSION_SEPARATOR))))
  entries.forEach((index, at) => defineLazyVersions(affected[index]!, () => materialise()[at]!))
  return true
}

function defineLazyVersions(entry: OsvAffected, list: () => string[]): void {
  Object.defineProperty(entry, 'versions', {
    configurable: true,
    enumerable: true,
    get(): string[] {
      const versions = list()
      // From now on a plain property, as if it had been parsed with the record.
      Object.defineProperty(entry, 'versions', {
        value: versions,
        writable: true,
        configurable: true,
        enumerable: true
      })
      return versions
    }
  })
}

/**
 * A version that survives the round trip: not empty, and none of what JSON.stringify escapes
 * (quote, backslash, control characters, which include both separators, lone surrogates).
 */
function isPlainVersion(version: string): boolean {
  if (version === '') return false
  for (let i = 0; i < version.length; i++) {
    const code = version.charCodeAt(i)
    if (code < 0x20 || code === 0x22 || code === 0x5c || (code >= 0xd800 && code <= 0xdfff)) {
      return false
    }
  }
  return true
}

function countOf(text: string, separator: string): number {
  let count = 0
  for (let at = text.indexOf(separator); at !== -1; at = text.indexOf(separator, at + 1)) count++
  return count
}

/** Distinct indexes into a list of `length`, ascending. */
function isIndexList(value: unknown, length: number): value is number[] {
  return (
    Array.isArray(value) &&
    value.every(
      (index, i) =>
        Number.isInteger(index) && index >= 0 && index < length && (i === 0 || index > value[i - 1])
    )
  )
}
