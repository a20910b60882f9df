/**
 * The advisory cache on disk: one file, read with one open and written in one atomic rename.
 * A header line lists every record (id, `modified`, length of its body, the day it was last
 * used) and carries the match hints; the bodies follow, each a JSON text and a line feed:
 *
 *   {"format":4,"records":[["PYSEC-2018-28","2024-...",4211,20431],...],"pins":{...}}\n
 *   {"record":{...},"entries":[0],"listed":"2.0\t2.1"}\n
 *   ...
 *
 * A run parses the header and then only the bodies it needs; bodies it does not need are copied
 * to the next pack as bytes, never parsed. A file whose header does not parse, or whose size is
 * not what the header adds up to, is not read at all; a body that does not read back as the
 * record the header names is dropped on its own (see record-cache.ts).
 */
import { closeSync, fstatSync, openSync, readSync, type Stats } from 'node:fs'
import { messageOf } from '../shared/errors.js'
import { isObject } from '../shared/json-shape.js'
import { attachVersions, detachVersions } from './lazy-versions.js'
import { readOsvRecord, type OsvRecord } from './osv.js'

/** Bumped when the layout changes: a pack of another format is never read. */
export const PACK_FORMAT = 4
const LINE_FEED = 0x0a
const NEWLINE = Buffer.from('\n')

/** One record's place in a pack. */
export interface PackEntry {
  id: string
  modified: string
  /** Days since the epoch (UTC) when a run last used or wrote the record. */
  day: number
  /** The file's bytes and where the body lies in them. */
  source: Buffer
  start: number
  end: number
}

export interface Pack {
  entries: Map<string, PackEntry>
  /** The match hints as stored (match-hints.ts checks them). */
  pins: unknown
  /** Changes whenever the file is replaced: a concurrent run's write shows here. */
  identity: string
}

/** One record for writePack: its body as bytes, and its day. */
export interface PackItem {
  id: string
  modified: string
  day: number
  body: Uint8Array
}

/** What a pack file holds, 'absent', or why it cannot be read. */
export type PackRead = Pack | 'absent' | { unreadable: string; identity?: string }

/** Changes whenever the file is replaced (a rename gives it another inode and time). */
export function fileIdentity(stats: Stats): string {
  return `${stats.ino}:${stats.size}:${stats.mtimeMs}`
}

/**
 * Reads the pack at `file` with one open. `check` sees the open file's stats first and may
 * refuse it (a file other users can write, one far too large).
 */
export function readPack(file: string, check: (stats: Stats) => string | undefined): PackRead {
  let fd: number
  try {
    fd = openSync(file, 'r')
  } catch {
    return 'absent'
  }
  let identity: string | undefined
  try {
    const stats = fstatSync(fd)
    identity = fileIdentity(stats)
    const refused = check(stats)
    if (refused !== undefined) return { unreadable: refused, identity }
    const source = Buffer.allocUnsafe(stats.size)
    let read = 0
    while (read < source.length) {
      const got = readSync(fd, source, read, source.length - read, read)
      if (got === 0) break
      read += got
    }
    const pack = parsePack(source.subarray(0, read), identity)
    return typeof pack === 'string' ? { unreadable: pack, identity } : pack
  } catch (error) {
    return { unreadable: messageOf(error), ...(identity === undefined ? {} : { identity }) }
  } finally {
    closeSync(fd)
  }
}

/** The pack in `source`, or why it is not one. */
export function parsePack(source: Buffer, identity: string): Pack | string {
  const headerEnd = source.indexOf(LINE_FEED)
  if (headerEnd < 0) return 'no header'
  let header: unknown
  try {
    header = JSON.parse(source.toString('utf8', 0, headerEnd))
  } catch {
    return 'a header that is not JSON'
  }
  if (!isObject(header) || header.format !== PACK_FORMAT) return 'another format'
  const { records, pins } = header
  if (!Array.isArray(records)) return 'no list of records'
  const entries = new Map<string, PackEntry>()
  let at = headerEnd + 1
  for (const item of records as unknown[]) {
    if (!isListing(item) || entries.has(item[0])) return 'a record listed wrongly'
    const [id, modified, length, day] = item
    const end = at + length
    if (end >= source.length || source[end] !== LINE_FEED) return 'a size that does not add up'
    entries.set(id, { id, modified, day, source, start: at, end })
    at = end + 1
  }
  if (at !== source.length) return 'a size that does not add up'
  return { entries, pins, identity }
}

function isListing(value: unknown): value is [string, string, number, number] {
  return (
    Array.isArray(value) &&
    value.length === 4 &&
    typeof value[0] === 'string' &&
    value[0] !== '' &&
    typeof value[1] === 'string' &&
    Number.isSafeInteger(value[2]) &&
    (value[2] as number) >= 0 &&
    Number.isSafeInteger(value[3])
  )
}

/** Where a body lies. */
type BodyAt = Pick<PackEntry, 'source' | 'start' | 'end'>

/** The body of an entry as text. */
export function bodyText(entry: BodyAt): string {
  return entry.source.toString('utf8', entry.start, entry.end)
}

/** The body of an entry as bytes, for the next pack. */
export function bodyBytes(entry: BodyAt): Uint8Array {
  return entry.source.subarray(entry.start, entry.end)
}

/**
 * What the next pack holds: `current` (this run's records) first, then the other records of
 * `disk` that are not `untrusted`, most recently used first, cut where the count or the size
 * would pass its bound (so the least recently used go first).
 */
export function mostRecentlyUsed(
  current: readonly PackItem[],
  disk: Pack,
  untrusted: (entry: PackEntry) => boolean,
  limits: { maxRecords: number; maxBytes: number }
): PackItem[] {
  const taken = new Set(current.map(item => item.id))
  const rest = [...disk.entries.values()]
    .filter(entry => !taken.has(entry.id) && !untrusted(entry))
    .sort((a, b) => b.day - a.day)
    .map(({ id, modified, day, ...entry }) => ({ id, modified, day, body: bodyBytes(entry) }))
  const kept: PackItem[] = []
  let bytes = 0
  for (const item of [...current, ...rest]) {
    bytes += item.body.byteLength + 1
    if (kept.length >= limits.maxRecords || bytes > limits.maxBytes) break
    kept.push(item)
  }
  return kept
}

/** The chunks of a pack file holding `items` in this order, and `pins`. */
export function packChunks(items: readonly PackItem[], pins: unknown): Uint8Array[] {
  const records = items.map(item => [item.id, item.modified, item.body.byteLength, item.day])
  const header = JSON.stringify({ format: PACK_FORMAT, records, pins })
  const chunks: Uint8Array[] = [Buffer.from(`${header}\n`)]
  for (const item of items) chunks.push(item.body, NEWLINE)
  return chunks
}

/**
 * The body flush writes for `record`: the record with its versions lists as text (see
 * lazy-versions.ts). Undefined when a list is not a list of strings: such a record is not kept.
 */
export function recordBody(record: OsvRecord): Buffer | undefined {
  const detached = detachVersions(record)
  if (detached === undefined) return undefined
  const { entries, listed } = detached
  return Buffer.from(JSON.stringify({ record: detached.record, entries, listed }))
}

/**
 * The record in a body when the body reads back as what flush writes for the record the header
 * names, and the record is one the feed reads whole (readOsvRecord: the feed keeps no other);
 * else undefined. A record that carries `withdrawn` was not written by flush, which never keeps
 * one: it would turn a finding off on the cache's word alone.
 */
export function parseBody(entry: PackEntry): OsvRecord | undefined {
  let value: unknown
  try {
    value = JSON.parse(bodyText(entry))
  } catch {
    return undefined
  }
  if (!isObject(value) || !isObject(value.record)) return undefined
  const held = value.record
  if (held.id !== entry.id || held.modified !== entry.modified || held.withdrawn != null) {
    return undefined
  }
  // Before the versions lists are attached: they are whole by construction, and reading them
  // is what keeping them as text saves.
  const { record, unreadable } = readOsvRecord(held, entry.id, entry.modified)
  if (unreadable.length > 0) return undefined
  return attachVersions(record, { entries: value.entries, listed: value.listed })
    ? record
    : undefined
}
