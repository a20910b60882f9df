/**
 * An index of an offline database, cached on disk between runs, so that a run reads only the
 * members holding the records of the packages it looks up instead of inflating and parsing
 * every record. It is keyed by the database's exact content (a fingerprint), the index format
 * and the zip limits; anything else (another fingerprint, a file that does not parse, has the
 * wrong shape, fails its checksum or names members the database does not hold) is ignored and
 * rebuilt by a full load. Reading and writing the index only ever saves time: failures are
 * reasons to rebuild, or debug lines.
 */
import { createHash } from 'node:crypto'
import { statSync } from 'node:fs'
import { mkdir, readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { normalizeName } from '../deps/names.js'
import { isObject, isStringList } from '../shared/json-shape.js'
import { writeFileAtomically } from './atomic-file.js'
import type { Catalogue, CatalogueEntry, Tally } from './offline-catalogue.js'
import type { RecordSource } from './offline-source.js'
import type { ZipLimits } from './zip-reader.js'

/** Bumped whenever the file layout or what goes into it changes. */
const FORMAT = 1
const INDEX_DIR = 'offline-index'
/** Far above what OSV's whole PyPI export needs (about 0.6 MB): a bigger file is not ours. */
const MAX_INDEX_BYTES = 64 * 1024 * 1024

/** What an index is valid for: a mismatch in any part means rebuild. */
export interface IndexKey {
  location: string
  kind: RecordSource['kind']
  fingerprint: string
  limits: ZipLimits
}

/** The file's `index`: one column per entry field, for a smaller file and a faster parse. */
interface StoredIndex {
  key: IndexKey
  members: string[]
  ids: string[]
  modified: string[]
  packages: Record<string, number[]>
  duplicates: [number, string] | null
  unsupported: [number, string] | null
  withoutPypi: number
}

/** `{"format":N,"checksum":"<sha-256 of the index's JSON text>","index":{...}}` */
const HEAD = /^\{"format":(\d+),"checksum":"([0-9a-f]{64})","index":/

export function offlineIndexDir(cacheDir: string): string {
  return path.join(cacheDir, INDEX_DIR)
}

/** One file per database path: a database replaced in place replaces its index. */
export function indexFile(indexDir: string, key: IndexKey): string {
  return path.join(indexDir, `${sha256(key.location)}.json`)
}

/**
 * Changes whenever any record could have: for a zip, its central directory (every member's
 * name, sizes and CRC-32) and its size; for a directory, each JSON file's path, size and mtime.
 */
export function indexKey(source: RecordSource, limits: ZipLimits): IndexKey {
  const hash = createHash('sha256')
  if (source.kind === 'zip') {
    hash.update(`zip ${source.archive.size}\n`).update(source.archive.centralDirectory)
  } else {
    // One synchronous stat after another: over 7,000 files, several times faster than
    // thousands of promises queued on libuv's four threads.
    for (const member of source.members) {
      const { size, mtimeMs } = statSync(path.join(source.location, member))
      hash.update(`${JSON.stringify(member)} ${size} ${mtimeMs}\n`)
    }
  }
  const { maxEntries, maxEntryBytes, maxTotalBytes } = limits
  return {
    location: source.realLocation,
    kind: source.kind,
    fingerprint: hash.digest('hex'),
    limits: { maxEntries, maxEntryBytes, maxTotalBytes }
  }
}

/** The catalogue stored for `key`, or why there is none to use. */
export async function readIndex(
  file: string,
  key: IndexKey,
  members: readonly string[]
): Promise<{ catalogue: Catalogue } | { reason: string }> {
  let text: string
  try {
    if ((await stat(file)).size > MAX_INDEX_BYTES) return { reason: 'too large' }
    text = await readFile(file, 'utf8')
  } catch {
    return { reason: 'absent' }
  }
  // The checksum covers the index's text exactly as written, so it is checked before parsing.
  const head = HEAD.exec(text)
  if (head === null) return { reason: 'not an index' }
  if (Number(head[1]) !== FORMAT) return { reason: 'another format' }
  const body = text.slice(head[0].length, -1)
  if (!text.endsWith('}') || sha256(body) !== head[2]) return { reason: 'checksum mismatch' }
  let index: unknown
  try {
    index = JSON.parse(body)
  } catch {
    return { reason: 'not JSON' }
  }
  if (!isObject(index)) return { reason: 'ill-shaped (not an object)' }
  if (JSON.stringify(index.key) !== JSON.stringify(key)) return { reason: 'stale' }
  const catalogue = toCatalogue(index, new Set(members))
  return typeof catalogue === 'string' ? { reason: `ill-shaped (${catalogue})` } : { catalogue }
}

/** Writes the index through a temporary file, so a reader never sees half of one. */
export async function writeIndex(file: string, key: IndexKey, catalogue: Catalogue): Promise<void> {
  const tally = (t: Tally | undefined): [number, string] | null => (t ? [t.count, t.first] : null)
  const index: StoredIndex = {
    key,
    members: catalogue.entries.map(entry => entry.member),
    ids: catalogue.entries.map(entry => entry.id),
    modified: catalogue.entries.map(entry => entry.modified),
    packages: Object.fromEntries(catalogue.packages),
    duplicates: tally(catalogue.duplicates),
    unsupported: tally(catalogue.unsupported),
    withoutPypi: catalogue.withoutPypi
  }
  const body = JSON.stringify(index)
  const text = `{"format":${FORMAT},"checksum":"${sha256(body)}","index":${body}}`
  await mkdir(path.dirname(file), { recursive: true })
  writeFileAtomically(file, text)
}

/** The catalogue when every part of the stored index is well formed and consistent. */
function toCatalogue(
  stored: Record<string, unknown>,
  members: ReadonlySet<string>
): Catalogue | string {
  const { members: memberColumn, ids, modified, packages: byName, withoutPypi } = stored
  if (!isStringList(memberColumn) || !isStringList(ids) || !isStringList(modified)) {
    return 'entries'
  }
  if (ids.length !== memberColumn.length || modified.length !== memberColumn.length) {
    return 'entries'
  }
  if (!isObject(byName)) return 'packages'
  if (!isCount(withoutPypi)) return 'withoutPypi'
  const duplicates = toTally(stored.duplicates)
  const unsupported = toTally(stored.unsupported)
  if (duplicates === false || unsupported === false) return 'tallies'

  const entries: CatalogueEntry[] = []
  const seenMembers = new Set<string>()
  const seenIds = new Set<string>()
  for (const [i, member] of memberColumn.entries()) {
    if (!members.has(member) || seenMembers.has(member)) {
      return 'a member the database does not hold'
    }
    const id = ids[i]!
    if (id === '' || seenIds.has(id)) return 'an id'
    const time = Date.parse(modified[i]!)
    if (Number.isNaN(time)) return 'a modified date'
    seenMembers.add(member)
    seenIds.add(id)
    entries.push({ member, id, modified: modified[i]!, time })
  }

  const packages = new Map<string, number[]>()
  const named = new Array<boolean>(entries.length).fill(false)
  for (const [name, positions] of Object.entries(byName)) {
    if (name === '' || normalizeName(name) !== name) return 'a package name'
    if (!Array.isArray(positions) || positions.length === 0) return 'a package'
    let previous = -1
    for (const position of positions as unknown[]) {
      if (!Number.isInteger(position) || (position as number) <= previous) return 'a position'
      if ((position as number) >= entries.length) return 'a position'
      previous = position as number
      named[previous] = true
    }
    packages.set(name, positions as number[])
  }
  // Only records naming a PyPI package are entries, so each is some package's.
  if (named.includes(false)) return 'an entry no package names'
  return {
    entries,
    packages,
    ...(duplicates ? { duplicates } : {}),
    ...(unsupported ? { unsupported } : {}),
    withoutPypi
  }
}

/** undefined for null, false for anything but a [count, first id] pair. */
function toTally(value: unknown): Tally | undefined | false {
  if (value === null) return undefined
  if (!Array.isArray(value) || value.length !== 2) return false
  const [count, first] = value as unknown[]
  if (!isCount(count) || count === 0 || typeof first !== 'string' || first === '') return false
  return { count, first }
}

function isCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}
