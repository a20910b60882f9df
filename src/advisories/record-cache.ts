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
import { readFileSync, rename, unlink, unlinkSync, writeFile } from 'node:fs'
import { mkdir } from 'node:fs/promises'
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
  private readonly pending = new Set<Promise<void>>()
  private dirReady: Promise<unknown> | undefined

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

  put(record: OsvRecord): void {
    if (this.onDisk.get(record.id) === record.modified) return
    this.onDisk.set(record.id, record.modified)
    this.stats.written++
    const write = this.write(record).catch((error: unknown) => {
      this.onDisk.delete(record.id)
      this.stats.written--
      this.logger.debug(`Record cache: could not write ${record.id}: ${messageOf(error)}`)
    })
    this.pending.add(write)
    void write.finally(() => this.pending.delete(write))
  }

  /** Resolves once every write started so far is on disk (or given up). Never rejects. */
  async flush(): Promise<void> {
    while (this.pending.size > 0) await Promise.all(this.pending)
  }

  private async write(record: OsvRecord): Promise<void> {
    this.dirReady ??= mkdir(this.dir, { recursive: true })
    await this.dirReady
    const file = path.join(this.dir, recordFileName(record.id))
    const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
    const content: CacheFile = {
      format: FORMAT,
      id: record.id,
      modified: record.modified,
      record,
      scores: recordVectorScores(record)
    }
    await writeThenRename(temp, file, JSON.stringify(content))
  }

  private discard(file: string, id: string): void {
    this.stats.discarded++
    this.logger.debug(`Record cache: discarded an unreadable file for ${id}`)
    try {
      unlinkSync(file)
    } catch {
      // Already gone, or not ours to delete: either way it is not used.
    }
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

/**
 * The callback API on purpose: fs/promises' writeFile makes one promise round trip per open,
 * write and close, which took 2-3 times longer on the main thread for a cold run's 516 files.
 */
function writeThenRename(temp: string, file: string, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const fail = (error: Error): void => unlink(temp, () => reject(error))
    writeFile(temp, text, written => {
      if (written) return fail(written)
      rename(temp, file, renamed => (renamed ? fail(renamed) : resolve()))
    })
  })
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
