/**
 * Full OSV records on disk, keyed by (id, modified), so a warm run asks the OSV API only which
 * advisories apply (one /v1/querybatch) and reads the records it already holds. They all live
 * in one pack file (record-pack.ts), read with one open and written once, at the end of the
 * run, in one atomic rename: a killed run leaves the old pack whole, and of two runs writing at
 * once, the later one merges what the earlier one wrote. The pack holds at most `maxRecords`
 * records and `maxBytes` of them; the least recently used go first.
 *
 * The cache only ever saves time: a pack or a record it cannot read is a miss (fetched again),
 * and a write that fails is a debug line. It is not trusted for anything the record itself does
 * not say: no score or verdict is kept, a cached record that claims to be withdrawn is refetched
 * (only the feed may withdraw a finding), and a directory other users can write is not used at
 * all (cache-dir.ts, docs/security.md).
 *
 * While the /v1/querybatch of a warm run is on the wire, the records its pins matched last time
 * (match-hints.ts) are read ahead and scored, so that waiting and working overlap.
 */
import { rmSync, statSync, type Stats } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { messageOf } from '../shared/errors.js'
import { silentLogger, type Logger } from '../shared/log.js'
import { removeStaleTemps, writeFileAtomically } from './atomic-file.js'
import { preparePrivateDir, unsafeOwnership, type RefusedDir } from './cache-dir.js'
import { MatchHints } from './match-hints.js'
import type { RecordStore, VulnRef } from './osv-api.js'
import type { OsvRecord, PackageVersion } from './osv.js'
import { severityOf } from './severity.js'
import {
  bodyBytes,
  fileIdentity,
  mostRecentlyUsed,
  packChunks,
  parseBody,
  readPack,
  recordBody,
  type Pack,
  type PackEntry,
  type PackItem
} from './record-pack.js'
import type { UpgradeAdviceStore } from './upgrade.js'

const PACK_FILE = 'osv-records.pack'
/** What older releases kept in the cache directory: removed once the pack is written. */
const OLD_LAYOUT = ['osv-records', 'osv-match-hints.json', 'offline-index']
/** The whole of PyPA's PyPI advisories is ~7,100 records and 29 MB. */
export const DEFAULT_MAX_RECORDS = 20_000
export const DEFAULT_MAX_BYTES = 32 * 1024 * 1024
/** A temp file this old belongs to a run that was killed while writing. */
const STALE_TEMP_MS = 60 * 60 * 1000
const DAY_MS = 24 * 60 * 60 * 1000
/**
 * Read-ahead and the making of bodies work in slices this long and then let the event loop
 * run, so that an answer they work beside is taken in as soon as it arrives. Timed with
 * Date.now: the global `performance` loads perf_hooks on first use, ~2 ms for a clock this
 * coarse.
 */
const SLICE_MS = 2

export interface RecordCacheStats {
  hits: number
  /** Not in the pack, or there at another `modified`. */
  misses: number
  /** Records dropped because they could not be trusted. */
  discarded: number
  /** Records written, or to be written, by flush. */
  written: number
  /** Hits that were read ahead, while the querybatch was in flight. */
  readAhead: number
}

export interface RecordCacheOptions {
  logger?: Logger
  maxRecords?: number
  maxBytes?: number
  /** The clock that dates each record's last use (tests move it). */
  now?: () => number
}

/** A record as read: whole and what the pack says it is, not there, or not to be trusted. */
type ReadResult = OsvRecord | 'absent' | 'unusable'

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

export class DiskRecordCache implements RecordStore {
  readonly dir: string
  readonly file: string
  readonly stats: RecordCacheStats = { hits: 0, misses: 0, discarded: 0, written: 0, readAhead: 0 }
  /** Upgrades recommended in earlier runs, kept with the match hints of each pin. */
  readonly upgradeAdvice: UpgradeAdviceStore
  private readonly logger: Logger
  private readonly maxRecords: number
  private readonly maxBytes: number
  private readonly now: () => number
  /** Why the directory is not used, when it is not. */
  private readonly refused: RefusedDir | undefined
  private pack: Pack | undefined
  private hints: MatchHints | undefined
  /** Records fetched in this run, and the bodies flush writes once made (makeBodies). */
  private readonly fresh = new Map<string, FreshRecord>()
  /** Ids in `fresh` whose bodies are still to be made, in the order they came. */
  private unmade: string[] = []
  private makingBodies = false
  /** Ids of the pack's records this run used. */
  private readonly used = new Set<string>()
  /** Ids of the pack's records that could not be trusted. */
  private readonly dropped = new Set<string>()
  /** Records read ahead and not asked for yet. */
  private readonly readEarly = new Map<string, ReadResult>()
  private saved = false

  constructor(cacheDir: string, options: RecordCacheOptions = {}) {
    this.dir = cacheDir
    this.file = path.join(cacheDir, PACK_FILE)
    this.logger = options.logger ?? silentLogger
    this.maxRecords = options.maxRecords ?? DEFAULT_MAX_RECORDS
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
    this.now = options.now ?? Date.now
    this.refused = preparePrivateDir(cacheDir)
    if (this.refused?.unsafe) this.logger.warning(this.refused.message)
    else if (this.refused) this.logger.debug(`${this.refused.message}; running without it`)
    this.upgradeAdvice = {
      get: (pin, fingerprint) => this.matchHints().adviceFor(pin, fingerprint),
      set: (pin, fingerprint, upgrade, passed) =>
        this.matchHints().rememberAdvice(pin, fingerprint, upgrade, passed),
      asked: pin => this.matchHints().askedFor(pin)
    }
  }

  /** True once something new was written: only then is the cache worth saving elsewhere. */
  get changed(): boolean {
    return this.saved
  }

  get(id: string, modified: string): OsvRecord | undefined {
    const early = this.readEarly.get(id)
    if (early !== undefined) this.readEarly.delete(id)
    const stored = early ?? this.read(id, modified)
    if (typeof stored === 'string' || stored.modified !== modified) {
      this.stats.misses++
      return undefined
    }
    this.used.add(id)
    this.stats.hits++
    if (early !== undefined) this.stats.readAhead++
    return stored
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
      ids ??= this.matchHints().idsFor(pins)
      const until = Date.now() + SLICE_MS
      while (next < ids.length && Date.now() < until) {
        const id = ids[next++] as string
        if (this.readEarly.has(id)) continue
        const record = this.read(id)
        this.readEarly.set(id, record)
        if (typeof record === 'object') severityOf(record)
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
    this.matchHints().remember(
      pins,
      refs.map(listed => listed.map(ref => ref.id))
    )
  }

  /**
   * Keeps the record for flush. A withdrawn one is not kept: only the feed may say so.
   * Records arrive while other requests are still on the wire, so this is where its body for
   * the pack is made, once. Its score is not worked out here: the assessment does it while
   * the recommended upgrades are asked about, when the run has nothing else to do.
   */
  put(record: OsvRecord): void {
    if (record.withdrawn != null) return
    if (this.refused !== undefined) return
    if (this.fresh.get(record.id)?.modified === record.modified) return
    const entry = this.load().entries.get(record.id)
    if (entry?.modified === record.modified && !this.dropped.has(record.id)) return
    if (!this.fresh.has(record.id)) this.stats.written++
    this.fresh.set(record.id, { modified: record.modified, record })
    this.unmade.push(record.id)
  }

  /**
   * Starts making the bodies flush writes, a slice at a time between turns of the event loop:
   * for when the run waits on the feed with nothing else to do (the bodies of a cold run's
   * 1,300 records take ~30-50 ms, and while the records come in, taking them in comes first).
   * Whatever is left when flush comes is made then.
   */
  prepareFlush(): void {
    if (this.makingBodies || this.unmade.length === 0) return
    this.makingBodies = true
    setImmediate(this.bodiesSlice)
  }

  private readonly bodiesSlice = (): void => {
    this.makeBodies(Date.now() + SLICE_MS)
    if (this.unmade.length > 0) setImmediate(this.bodiesSlice)
    else this.makingBodies = false
  }

  /** The bodies of fresh records not made yet, until the clock passes `until`. */
  private makeBodies(until: number): void {
    let next = 0
    while (next < this.unmade.length && Date.now() <= until) {
      const id = this.unmade[next++] as string
      const fresh = this.fresh.get(id)
      if (fresh === undefined || fresh.body !== undefined) continue
      fresh.body = recordBody(fresh.record)
      if (fresh.body !== undefined) continue
      this.fresh.delete(id)
      this.stats.written--
      this.logger.debug(`Record cache: could not write ${id}: a malformed versions list`)
    }
    this.unmade = this.unmade.slice(next)
  }

  /**
   * Writes the pack when this run changed anything in it: records fetched, hints learnt,
   * records dropped, or records used that were last used on an earlier day (their date keeps
   * the least recently used last). Never throws: a pack that cannot be written is a debug line.
   */
  async flush(): Promise<void> {
    if (this.refused !== undefined) return
    const pack = this.load()
    const hints = this.matchHints()
    this.makeBodies(Infinity)
    const today = Math.floor(this.now() / DAY_MS)
    const dated = [...this.used].some(id => (pack.entries.get(id)?.day ?? today) < today)
    if (this.fresh.size === 0 && !hints.dirty && this.dropped.size === 0 && !dated) return
    const fresh = [...this.fresh].map(([id, { modified, body }]) => ({
      id,
      modified,
      day: today,
      body: body!
    }))
    const disk = this.onDisk(pack)
    // A record dropped as untrusted stays out, unless another run has written it since.
    const untrusted = (entry: PackEntry) =>
      this.dropped.has(entry.id) && pack.entries.get(entry.id) === entry
    const items = mostRecentlyUsed([...fresh, ...this.usedItems(pack, today)], disk, untrusted, {
      maxRecords: this.maxRecords,
      maxBytes: this.maxBytes
    })
    try {
      const pins = hints.toStored(disk === pack ? undefined : disk.pins)
      writeFileAtomically(this.file, packChunks(items, pins))
    } catch (error) {
      this.stats.written -= fresh.length
      this.logger.debug(`Record cache: could not write ${this.file}: ${messageOf(error)}`)
      return
    }
    this.saved ||= fresh.length > 0 || hints.dirty
    this.cleanUp()
    // The next read sees the pack as written.
    this.pack = undefined
    this.hints = undefined
    for (const kept of [this.fresh, this.used, this.dropped, this.readEarly]) kept.clear()
  }

  /** The pack as read at the first use in this run (empty when there is none to trust). */
  private load(): Pack {
    if (this.pack !== undefined) return this.pack
    const read = readPack(this.file, stats => this.refusal(stats))
    if (read === 'absent') {
      this.pack = emptyPack('absent')
    } else if ('unreadable' in read) {
      this.logger.debug(`Record cache: ${this.file} not read (${read.unreadable}); starting afresh`)
      this.pack = emptyPack(read.identity ?? 'unreadable')
    } else {
      this.pack = read
    }
    return this.pack
  }

  private refusal(stats: Stats): string | undefined {
    const unsafe = unsafeOwnership(stats)
    if (unsafe !== undefined) {
      this.logger.warning(
        `Advisory cache ${this.file} is not read: ${unsafe}. Its records are fetched again ` +
          'and the file replaced.'
      )
      return unsafe
    }
    // Bodies, their line feeds and a header of 50,000 hinted pins stay far below this.
    if (stats.size > 2 * this.maxBytes + 64 * 1024 * 1024) return 'larger than a pack can grow'
    return undefined
  }

  private matchHints(): MatchHints {
    this.hints ??= new MatchHints(this.refused === undefined ? this.load().pins : undefined)
    return this.hints
  }

  /** Reads one record; with `modified`, only when the pack holds that version. */
  private read(id: string, modified?: string): ReadResult {
    if (this.refused !== undefined) return 'absent'
    const entry = this.load().entries.get(id)
    if (entry === undefined || this.dropped.has(id)) return 'absent'
    if (modified !== undefined && entry.modified !== modified) return 'absent'
    const record = parseBody(entry)
    if (record !== undefined) return record
    this.stats.discarded++
    this.dropped.add(id)
    this.logger.debug(
      `Record cache: discarded the cached record of ${id}, which does not read back`
    )
    return 'unusable'
  }

  /** The pack's records this run used (and did not fetch again), dated today. */
  private usedItems(pack: Pack, today: number): PackItem[] {
    const items: PackItem[] = []
    for (const id of this.used) {
      const entry = pack.entries.get(id)
      if (entry === undefined || this.fresh.has(id) || this.dropped.has(id)) continue
      items.push({ id, modified: entry.modified, day: today, body: bodyBytes(entry) })
    }
    return items
  }

  /**
   * The pack on disk now: the one read earlier, unless another run replaced it since; then
   * that run's pack, so that what it wrote is merged rather than lost.
   */
  private onDisk(pack: Pack): Pack {
    let identity = 'absent'
    try {
      identity = fileIdentity(statSync(this.file))
    } catch {
      // Not there (any more).
    }
    if (identity === pack.identity) return pack
    const read = readPack(this.file, stats => this.refusal(stats))
    return typeof read === 'object' && 'entries' in read ? read : emptyPack(identity)
  }

  /** Temp files of killed runs, and the layout of older releases (one file per record). */
  private cleanUp(): void {
    removeStaleTemps(this.file, STALE_TEMP_MS, this.now())
    for (const name of OLD_LAYOUT) {
      try {
        rmSync(path.join(this.dir, name), { recursive: true, force: true })
      } catch (error) {
        this.logger.debug(`Record cache: could not remove ${name}: ${messageOf(error)}`)
      }
    }
  }
}

/** A record fetched in this run; its body is made soon after (record-cache.ts put). */
interface FreshRecord {
  modified: string
  record: OsvRecord
  body?: Buffer
}

function emptyPack(identity: string): Pack {
  return { entries: new Map(), pins: undefined, identity }
}
