/**
 * Full OSV records on disk, keyed by (id, modified), so a warm run asks the OSV API only
 * which advisories apply (one /v1/querybatch) and reads the records it already holds. One
 * file per advisory; a file is trusted only when it parses, names the id asked for and has
 * the shape of a record: anything else is deleted and fetched again. Writes go to a temp
 * file renamed into place, so a reader never sees half a record. The cache only ever saves
 * time: a file it cannot read or write is a miss, and a write that fails is a debug line.
 * Each file also keeps the CVSS scores of its record's vectors, the costliest thing to work
 * out again about a record.
 *
 * While the /v1/querybatch of a warm run is on the wire, the records its pins matched last
 * time (see match-hints.ts) are read ahead, so that waiting and reading overlap.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { messageOf } from '../shared/errors.js'
import { silentLogger, type Logger } from '../shared/log.js'
import { removeQuietly, writeFileAtomically } from './atomic-file.js'
import { attachVersions, detachVersions } from './lazy-versions.js'
import { MatchHints } from './match-hints.js'
import type { RecordStore, VulnRef } from './osv-api.js'
import type { OsvRecord, PackageVersion } from './osv.js'
import type { UpgradeAdviceStore } from './upgrade.js'
import { isObject, isStringList } from '../shared/json-shape.js'
import { recordVectorScores, rememberVectorScores } from './severity.js'

/** Bumped when the file layout changes: files of another format are never read. */
const FORMAT = 3
const RECORDS_DIR = 'osv-records'
const HINTS_FILE = 'osv-match-hints.json'
/**
 * Read-ahead works in slices this long and then lets the event loop run, so that the answer
 * it waits beside is taken in as soon as it arrives. Timed with Date.now: the global
 * `performance` loads perf_hooks on first use, ~2 ms for a clock this coarse.
 */
const READ_AHEAD_SLICE_MS = 2

interface CacheFile {
  format: typeof FORMAT
  id: string
  modified: string
  /** Without its `versions` lists, which follow as text (see lazy-versions.ts). */
  record: OsvRecord
  listedEntries: number[]
  listed: string | null
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
  /** Hits that were read ahead, while the querybatch was in flight. */
  readAhead: number
}

/** A record file as read: whole and about its id, missing, or not to be trusted. */
type ReadResult = CacheFile | 'absent' | 'unusable'

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
  readonly stats: RecordCacheStats = {
    hits: 0,
    misses: 0,
    discarded: 0,
    written: 0,
    readAhead: 0
  }
  private readonly logger: Logger
  /** What is known to be on disk: id -> modified. Spares rewriting a record just read. */
  private readonly onDisk = new Map<string, string>()
  private readonly queued = new Map<string, OsvRecord>()
  private readonly hints: MatchHints
  private hintsWritten = false
  /** Files read ahead and not asked for yet. */
  private readonly readEarly = new Map<string, ReadResult>()
  /** Upgrades recommended in earlier runs, kept with the match hints of each pin. */
  readonly upgradeAdvice: UpgradeAdviceStore

  constructor(cacheDir: string, options: { logger?: Logger } = {}) {
    this.dir = path.join(cacheDir, RECORDS_DIR)
    this.logger = options.logger ?? silentLogger
    const hints = new MatchHints(path.join(cacheDir, HINTS_FILE))
    this.hints = hints
    this.upgradeAdvice = {
      get: (pin, fingerprint) => hints.adviceFor(pin, fingerprint),
      set: (pin, fingerprint, upgrade) => hints.rememberAdvice(pin, fingerprint, upgrade)
    }
  }

  /** True once something new was written: only then is the cache worth saving. */
  get changed(): boolean {
    return this.stats.written > 0 || this.hintsWritten
  }

  get(id: string, modified: string): OsvRecord | undefined {
    const early = this.readEarly.get(id)
    if (early !== undefined) this.readEarly.delete(id)
    const stored = early ?? this.read(id)
    if (stored === 'absent' || stored === 'unusable' || stored.modified !== modified) {
      this.stats.misses++
      return undefined
    }
    this.onDisk.set(id, modified)
    this.stats.hits++
    if (early !== undefined) this.stats.readAhead++
    return stored.record
  }

  /**
   * Starts reading the records these pins matched in earlier runs, a slice at a time between
   * turns of the event loop; returns the function that stops it. What was read waits for
   * `get`, which still checks each against the (id, modified) the querybatch names.
   */
  readAhead(pins: readonly PackageVersion[]): () => void {
    let stopped = false
    let ids: string[] | undefined
    let next = 0
    const slice = (): void => {
      if (stopped) return
      ids ??= this.hints.idsFor(pins)
      const until = Date.now() + READ_AHEAD_SLICE_MS
      while (next < ids.length && Date.now() < until) {
        const id = ids[next++] as string
        if (!this.readEarly.has(id)) this.readEarly.set(id, this.read(id))
      }
      if (next < ids.length) setImmediate(slice)
    }
    setImmediate(slice)
    return () => {
      stopped = true
    }
  }

  /** What each pin matched in this run, so that the next run can read ahead. */
  noteMatches(pins: readonly PackageVersion[], refs: readonly (readonly VulnRef[])[]): void {
    this.hints.remember(
      pins,
      refs.map(listed => listed.map(ref => ref.id))
    )
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
    if (records.length === 0 && !this.hints.dirty) return
    try {
      mkdirSync(this.dir, { recursive: true })
    } catch {
      // Reported per record below.
    }
    this.saveHints()
    for (const record of records) {
      const detached = detachVersions(record)
      if (detached === undefined) {
        // The reader would refuse it: a versions list that is not a list of strings.
        this.unqueue(record.id, 'a malformed versions list')
        continue
      }
      const content: CacheFile = {
        format: FORMAT,
        id: record.id,
        modified: record.modified,
        record: detached.record,
        listedEntries: detached.entries,
        listed: detached.listed,
        scores: recordVectorScores(record)
      }
      try {
        writeFileAtomically(path.join(this.dir, recordFileName(record.id)), JSON.stringify(content))
      } catch (error) {
        this.unqueue(record.id, messageOf(error))
      }
    }
  }

  private unqueue(id: string, why: string): void {
    this.onDisk.delete(id)
    this.stats.written--
    this.logger.debug(`Record cache: could not write ${id}: ${why}`)
  }

  private saveHints(): void {
    if (!this.hints.dirty) return
    try {
      this.hints.save()
      this.hintsWritten = true
    } catch (error) {
      this.logger.debug(`Record cache: could not write the match hints: ${messageOf(error)}`)
    }
  }

  /** Reads one record file; one that cannot be trusted is deleted on the spot. */
  private read(id: string): ReadResult {
    const file = path.join(this.dir, recordFileName(id))
    let text: string
    try {
      text = readFileSync(file, 'utf8')
    } catch {
      return 'absent'
    }
    const stored = parseCacheFile(text, id)
    if (stored !== undefined) return stored
    this.stats.discarded++
    this.logger.debug(`Record cache: discarded an unreadable file for ${id}`)
    removeQuietly(file)
    return 'unusable'
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
  if (!attachVersions(record, { entries: value.listedEntries, listed: value.listed })) {
    return undefined
  }
  // Last: it keeps the scores for the whole run, so only a file found whole may give them.
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
