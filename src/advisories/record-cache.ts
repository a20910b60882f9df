/**
 * Full OSV records on disk, keyed by (id, modified), so a warm run asks the OSV API only
 * which advisories apply (one /v1/querybatch) and reads the records it already holds. One
 * file per advisory; a file is trusted only when it parses, names the id asked for and has
 * the shape of a record: anything else is deleted and fetched again. Writes go to a temp
 * file renamed into place, so a reader never sees half a record. The cache only ever saves
 * time: a file it cannot read or write is a miss, and a write that fails is a debug line.
 * Each file also keeps the CVSS scores of its record's vectors, the costliest thing to work
 * out again about a record.
 */
import { createHash, randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { silentLogger, type Logger } from '../log.js'
import type { RecordStore } from './osv-api.js'
import type { OsvRecord } from './osv.js'
import { isObject } from '../json-shape.js'
import { recordVectorScores, rememberVectorScores } from './severity.js'

/** Bumped when the file layout changes: files of another format are never read. */
const FORMAT = 2
const RECORDS_DIR = 'osv-records'
/** Temp files carry the process and a random tag, so concurrent runs never share one. */
const TEMP_SUFFIX = `${process.pid}.${randomBytes(4).toString('hex')}`

interface CacheFile {
  format: typeof FORMAT
  id: string
  modified: string
  record: OsvRecord
  /** The CVSS base scores of the record's vectors (see recordVectorScores). */
  scores: Record<string, number | null>
}

export interface RecordCacheStats {
  hits: number
  /** Not on disk, or on disk at another `modified`. */
  misses: number
  /** Files deleted because they could not be trusted. */
  discarded: number
  /** Records written, or being written, by put. */
  written: number
}

/**
 * The cache directory when the `cache-dir` input is empty: the runner's tool cache on
 * GitHub runners (kept on self-hosted ones, and what actions/cache saves on hosted ones),
 * else the user's cache directory.
 */
export function defaultCacheDir(env: NodeJS.ProcessEnv, home: string = os.homedir()): string {
  if (env.RUNNER_TOOL_CACHE) return path.join(env.RUNNER_TOOL_CACHE, 'pyaudit')
  const xdg = env.XDG_CACHE_HOME
  if (xdg && path.isAbsolute(xdg)) return path.join(xdg, 'pyaudit')
  return path.join(home, '.cache', 'pyaudit')
}

/**
 * A file name for any id, safe on every runner's file system: the id's harmless characters
 * for people to read, and a hash of the exact id so that ids differing only in case or in
 * replaced characters never share a file.
 */
export function recordFileName(id: string): string {
  // No leading dot: such files are hidden, and '.' and '..' mean something else.
  const readable = id
    .replace(/[^A-Za-z0-9._-]/g, '_')
    .replace(/^\./, '_')
    .slice(0, 100)
  const hash = createHash('sha256').update(id).digest('hex').slice(0, 16)
  return `${readable}.${hash}.json`
}

export class DiskRecordCache implements RecordStore {
  readonly dir: string
  readonly stats: RecordCacheStats = { hits: 0, misses: 0, discarded: 0, written: 0 }
  private readonly logger: Logger
  /** What is known to be on disk: id -> modified. Spares rewriting a record just read. */
  private readonly onDisk = new Map<string, string>()
  private readonly queued = new Map<string, OsvRecord>()

  constructor(cacheDir: string, options: { logger?: Logger } = {}) {
    this.dir = path.join(cacheDir, RECORDS_DIR)
    this.logger = options.logger ?? silentLogger
  }

  /** True once something new was written: only then is the cache worth saving. */
  get changed(): boolean {
    return this.stats.written > 0
  }

  get(id: string, modified: string): OsvRecord | undefined {
    const file = path.join(this.dir, recordFileName(id))
    let text: string
    try {
      text = readFileSync(file, 'utf8')
    } catch {
      this.stats.misses++
      return undefined
    }
    const stored = parseCacheFile(text, id)
    if (stored === undefined) {
      this.discard(file, id)
      this.stats.misses++
      return undefined
    }
    if (stored.modified !== modified) {
      this.stats.misses++
      return undefined
    }
    this.onDisk.set(id, modified)
    this.stats.hits++
    return stored.record
  }

  /** Queues the record; flush writes the queue. */
  put(record: OsvRecord): void {
    if (this.onDisk.get(record.id) === record.modified) return
    this.onDisk.set(record.id, record.modified)
    this.stats.written++
    this.queued.set(record.id, record)
  }

  /**
   * Writes every queued record, each to a temp file renamed into place. Synchronously and
   * after the lookup on purpose: 516 writes in flight beside the lookup took ~230 ms of a
   * cold 200-pin run on two cores, and the same writes in one synchronous batch ~95 ms (a
   * third of it scoring CVSS vectors, which assessment then finds memoised).
   * Never throws: a record that cannot be written is a debug line.
   */
  async flush(): Promise<void> {
    const records = [...this.queued.values()]
    this.queued.clear()
    if (records.length === 0) return
    try {
      mkdirSync(this.dir, { recursive: true })
    } catch {
      // Reported per record below.
    }
    for (const record of records) {
      const file = path.join(this.dir, recordFileName(record.id))
      const temp = `${file}.${TEMP_SUFFIX}.${this.stats.written}.tmp`
      const content: CacheFile = {
        format: FORMAT,
        id: record.id,
        modified: record.modified,
        record,
        scores: recordVectorScores(record)
      }
      try {
        writeFileSync(temp, JSON.stringify(content))
        renameSync(temp, file)
      } catch (error) {
        removeQuietly(temp)
        this.onDisk.delete(record.id)
        this.stats.written--
        this.logger.debug(`Record cache: could not write ${record.id}: ${messageOf(error)}`)
      }
    }
  }

  private discard(file: string, id: string): void {
    this.stats.discarded++
    this.logger.debug(`Record cache: discarded an unreadable file for ${id}`)
    removeQuietly(file)
  }
}

/** The file's record when the file is whole and is about `id`; else undefined. */
function parseCacheFile(text: string, id: string): CacheFile | undefined {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return undefined
  }
  if (!isObject(value) || value.format !== FORMAT || value.id !== id) return undefined
  const { modified, record } = value
  if (typeof modified !== 'string' || !isRecord(record)) return undefined
  if (record.id !== id || record.modified !== modified) return undefined
  if (!rememberVectorScores(record, value.scores)) return undefined
  return value as unknown as CacheFile
}

/** The shape the rest of the tool relies on (see toVulnerability and the matcher). */
function isRecord(value: unknown): value is OsvRecord {
  if (!isObject(value) || typeof value.id !== 'string' || typeof value.modified !== 'string') {
    return false
  }
  const { affected, aliases, withdrawn } = value
  if (withdrawn !== undefined && typeof withdrawn !== 'string') return false
  if (aliases !== undefined && !isStringList(aliases)) return false
  if (affected === undefined) return true
  return (
    Array.isArray(affected) &&
    affected.every(
      entry =>
        isObject(entry) &&
        (entry.ranges === undefined ||
          (Array.isArray(entry.ranges) &&
            entry.ranges.every(range => isObject(range) && Array.isArray(range.events)))) &&
        (entry.versions === undefined || isStringList(entry.versions))
    )
  )
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every(item => typeof item === 'string')
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file)
  } catch {
    // Already gone, or not ours to delete: either way it is not used.
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
