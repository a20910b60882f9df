/**
 * The package indexes' answers, kept beside the advisory records in the cache directory so
 * that a warm run asks each project page conditionally (If-None-Match, If-Modified-Since): a
 * 304 costs no body and no parsing, and reuses the facts read from the page last time.
 *
 * The cache never answers in the index's place. Every run asks the index; only the index's
 * 304 lets the kept facts stand, and anything else (a new page, a 404, a failure) replaces or
 * drops them, so a status the index now reports (a quarantine, a yank) always shows. An answer
 * without an ETag or Last-Modified is not kept: it could not be revalidated.
 *
 * One file, `package-index.json`, read once and written once at the end of the lookup in one
 * atomic rename (a killed run leaves the old file whole); of two runs writing at once, the
 * later merges what the earlier wrote. It holds at most `maxEntries` answers and `maxBytes`;
 * the least recently used go first. The facts are stored as the JSON they are (ProjectFacts
 * is plain data), under a revision that changes with their shape: a file of another revision,
 * or one that does not read, is ignored and replaced, never trusted and never fatal. The
 * directory is the advisory cache's, with its rules (0700, nobody else's; cache-dir.ts).
 */
import { closeSync, fstatSync, openSync, readFileSync, statSync, type Stats } from 'node:fs'
import path from 'node:path'
import { removeStaleTemps, writeFileAtomically } from '../advisories/atomic-file.js'
import { preparePrivateDir, unsafeOwnership } from '../advisories/cache-dir.js'
import { fileIdentity } from '../advisories/record-pack.js'
import { messageOf } from '../shared/errors.js'
import { isObject } from '../shared/json-shape.js'
import { silentLogger, type Logger } from '../shared/log.js'
import { saneValidator, type Validators } from './index-http.js'
import { projectFacts } from './project-facts.js'
import type { ProjectFacts } from './types.js'

export const INDEX_CACHE_FILE = 'package-index.json'
/** Bumped when the file's layout changes; the facts' own shape is checked apart (SHAPE). */
const FORMAT = 1
export const DEFAULT_MAX_ENTRIES = 20_000
export const DEFAULT_MAX_BYTES = 16 * 1024 * 1024
/** Versions remembered per answer: a name pinned at more versions is read afresh. */
const MAX_ASKED = 64
const STALE_TEMP_MS = 60 * 60 * 1000
const DAY_MS = 24 * 60 * 60 * 1000

/** One kept answer: the facts read for `asked` versions, and what revalidates them. */
export interface KeptAnswer {
  asked: string[]
  validators: Validators
  facts: ProjectFacts
}

interface Entry extends KeptAnswer {
  index: string
  name: string
  /** Days since the epoch (UTC) when a run last used or wrote it. */
  day: number
}

export interface IndexCacheStats {
  /** Kept answers the index confirmed (304). */
  revalidated: number
  /** Answers kept or replaced in this run. */
  stored: number
  /** Kept answers dropped: the index answered otherwise, or they did not read back. */
  dropped: number
}

export interface IndexCacheOptions {
  logger?: Logger
  maxEntries?: number
  maxBytes?: number
  /** The clock that dates each answer's last use (tests move it). */
  now?: () => number
}

export class IndexCache {
  readonly file: string
  readonly stats: IndexCacheStats = { revalidated: 0, stored: 0, dropped: 0 }
  private readonly logger: Logger
  private readonly maxEntries: number
  private readonly maxBytes: number
  private readonly now: () => number
  private readonly usable: boolean
  private loaded: { entries: Map<string, Entry>; identity: string } | undefined
  /** What this run learnt: an entry to write, or undefined for one to remove. */
  private readonly changes = new Map<string, Entry | undefined>()
  private readonly used = new Set<string>()

  constructor(cacheDir: string, options: IndexCacheOptions = {}) {
    this.file = path.join(cacheDir, INDEX_CACHE_FILE)
    this.logger = options.logger ?? silentLogger
    this.maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
    this.now = options.now ?? Date.now
    // The advisory cache warns about a directory it refuses; once is enough.
    const refused = preparePrivateDir(cacheDir)
    if (refused) this.logger.debug(`Index cache: ${refused.message}; running without it`)
    this.usable = refused === undefined
  }

  /** The kept answer of `name` on `index` when it covers every one of `versions`. */
  get(index: string, name: string, versions: readonly string[]): KeptAnswer | undefined {
    const entry = this.entries().get(keyOf(index, name))
    if (entry === undefined || !versions.every(version => entry.asked.includes(version))) {
      return undefined
    }
    return { asked: entry.asked, validators: entry.validators, facts: entry.facts }
  }

  /** The versions the kept answer was read for, to read a new page for them too. */
  askedBefore(index: string, name: string): readonly string[] {
    return this.entries().get(keyOf(index, name))?.asked ?? []
  }

  /** The index answered 304 for the kept answer: it stands, and is dated today. */
  confirmed(index: string, name: string): void {
    this.stats.revalidated++
    this.used.add(keyOf(index, name))
  }

  /** A new answer: kept when it can be revalidated, else the old one goes. */
  store(
    index: string,
    name: string,
    asked: readonly string[],
    validators: Validators | undefined,
    facts: ProjectFacts
  ): void {
    const key = keyOf(index, name)
    if (validators === undefined || asked.length > MAX_ASKED) return this.forget(index, name)
    const day = today(this.now())
    this.changes.set(key, { index, name, asked: [...asked], validators, facts, day })
    this.stats.stored++
  }

  /** The index no longer gives what was kept (a 404, a page without validators). */
  forget(index: string, name: string): void {
    const key = keyOf(index, name)
    if (!this.entries().has(key) && this.changes.get(key) === undefined) return
    this.stats.dropped++
    this.changes.set(key, undefined)
  }

  /**
   * Writes the file when this run changed anything in it (or dated an entry anew), merged
   * with what another run wrote meanwhile; says whether it did. Never throws: a file that
   * cannot be written is a debug line, and the next run asks the index in full.
   */
  save(): boolean {
    if (!this.usable) return false
    const loaded = this.load()
    const day = today(this.now())
    const dated = [...this.used].some(key => (loaded.entries.get(key)?.day ?? day) < day)
    if (this.changes.size === 0 && !dated) return false
    const merged = new Map(this.onDisk(loaded))
    for (const key of this.used) {
      const entry = loaded.entries.get(key)
      if (entry) merged.set(key, { ...entry, day })
    }
    for (const [key, entry] of this.changes) {
      if (entry) merged.set(key, entry)
      else merged.delete(key)
    }
    try {
      writeFileAtomically(this.file, this.serialise(merged))
    } catch (error) {
      this.logger.debug(`Index cache: could not write ${this.file}: ${messageOf(error)}`)
      return false
    }
    removeStaleTemps(this.file, STALE_TEMP_MS, this.now())
    this.loaded = undefined
    this.changes.clear()
    this.used.clear()
    return true
  }

  private entries(): Map<string, Entry> {
    return this.load().entries
  }

  private load(): { entries: Map<string, Entry>; identity: string } {
    this.loaded ??= this.usable ? this.read() : { entries: new Map(), identity: 'unused' }
    return this.loaded
  }

  /** The file as it is now: its entries that read back whole, or none. */
  private read(): { entries: Map<string, Entry>; identity: string } {
    const entries = new Map<string, Entry>()
    let fd: number
    try {
      fd = openSync(this.file, 'r')
    } catch {
      return { entries, identity: 'absent' }
    }
    let identity = 'unreadable'
    try {
      const stats = fstatSync(fd)
      identity = fileIdentity(stats)
      const refused = this.refusal(stats)
      if (refused !== undefined) {
        this.logger.debug(`Index cache: ${this.file} not read (${refused}); starting afresh`)
        return { entries, identity }
      }
      const parsed: unknown = JSON.parse(readFileSync(fd, 'utf8'))
      if (!isObject(parsed) || parsed.format !== FORMAT || parsed.shape !== SHAPE) {
        this.logger.debug(`Index cache: ${this.file} is of another revision; starting afresh`)
        return { entries, identity }
      }
      const listed = Array.isArray(parsed.entries) ? parsed.entries : []
      for (const item of listed) {
        const entry = readEntry(item)
        if (entry) entries.set(keyOf(entry.index, entry.name), entry)
        else this.stats.dropped++
      }
    } catch (error) {
      this.logger.debug(`Index cache: ${this.file} not read (${messageOf(error)}); starting afresh`)
      entries.clear()
    } finally {
      closeSync(fd)
    }
    return { entries, identity }
  }

  private refusal(stats: Stats): string | undefined {
    const unsafe = unsafeOwnership(stats)
    if (unsafe !== undefined) return unsafe
    if (stats.size > 2 * this.maxBytes) return 'larger than the cache can grow'
    return undefined
  }

  /** What is on disk now: the entries read earlier, unless another run replaced the file. */
  private onDisk(loaded: { entries: Map<string, Entry>; identity: string }): Map<string, Entry> {
    let identity = 'absent'
    try {
      identity = fileIdentity(statSync(this.file))
    } catch {
      // Not there (any more).
    }
    return identity === loaded.identity ? loaded.entries : this.read().entries
  }

  /** The most recently used entries, as many as the bounds allow, as the file's text. */
  private serialise(entries: Map<string, Entry>): string {
    const newestFirst = [...entries.values()].sort((a, b) => b.day - a.day)
    const kept: string[] = []
    let bytes = 0
    for (const entry of newestFirst) {
      if (kept.length >= this.maxEntries) break
      const text = JSON.stringify(entry)
      if (bytes + text.length > this.maxBytes) continue
      bytes += text.length + 2
      kept.push(text)
    }
    return `{"format":${FORMAT},"shape":${JSON.stringify(SHAPE)},"entries":[\n${kept.join(',\n')}\n]}\n`
  }
}

function keyOf(index: string, name: string): string {
  return `${index}\n${name}`
}

function today(nowMs: number): number {
  return Math.floor(nowMs / DAY_MS)
}

function isStrings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every(item => typeof item === 'string')
}

/** An entry as stored, when it reads back whole; its facts have the shape this build makes. */
function readEntry(item: unknown): Entry | undefined {
  if (!isObject(item)) return undefined
  const { index, name, asked, validators, facts, day } = item
  if (typeof index !== 'string' || typeof name !== 'string' || !isStrings(asked)) return undefined
  if (typeof day !== 'number' || !Number.isInteger(day) || !isObject(validators)) return undefined
  // Sent back as headers: a value undici would refuse must not fail the run.
  const etag = saneValidator(validators.etag)
  const lastModified = saneValidator(validators.lastModified)
  if (etag !== validators.etag || lastModified !== validators.lastModified) return undefined
  if (etag === undefined && lastModified === undefined) return undefined
  if (!sameShape(facts, FULL, BARE)) return undefined
  return {
    index,
    name,
    asked,
    validators: { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) },
    facts: facts as unknown as ProjectFacts,
    day
  }
}

/**
 * What projectFacts makes, once with every field it can fill and once with none it may leave
 * out: the facts are kept as the JSON they are, and read back only when they have this shape
 * (sameShape). A field added to ProjectFacts changes SHAPE, so files written before it are not
 * read at all.
 */
const FULL: unknown = plain(
  projectFacts(
    'sample',
    [{ filename: 'sample-1.0-py3-none-any.whl', sha256: '0'.repeat(64), yanked: 'reason' }],
    { status: 'archived', reason: 'reason' },
    ['1.0']
  )
)
const BARE: unknown = plain(projectFacts('sample', [], { status: 'active' }, ['1.0']))
const SHAPE = `${shapeOf(FULL)} ${shapeOf(BARE)}`
/** Index-given text is one line and short when read (cleanText); kept text must be too. */
const MAX_TEXT = 1024
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/

function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value))
}

/** The kinds of a JSON value's fields, as text: `{a:string,b:[{c:number}]}`. */
function shapeOf(value: unknown): string {
  if (Array.isArray(value)) return `[${value.length > 0 ? shapeOf(value[0]) : ''}]`
  if (isObject(value)) {
    const fields = Object.keys(value).sort()
    return `{${fields.map(field => `${field}:${shapeOf(value[field])}`).join(',')}}`
  }
  return value === null ? 'null' : typeof value
}

/**
 * Whether `value` is shaped like the samples: every field `bare` has, and any of the others
 * `full` has, of the same kind, recursively (each element of an array against the samples'
 * first); text one line and short, in fields neither sample has too.
 */
function sameShape(value: unknown, full: unknown, bare: unknown = full): boolean {
  if (Array.isArray(full)) {
    if (!Array.isArray(value)) return false
    const [fullItem] = full
    const bareItem = Array.isArray(bare) && bare.length > 0 ? bare[0] : fullItem
    if (fullItem === undefined) return value.every(safeText)
    // The version lists: thousands of items in a warm run's file, checked in one loop.
    if (typeof fullItem === 'string') return value.every(safeString)
    return value.every(item => sameShape(item, fullItem, bareItem))
  }
  if (isObject(full)) {
    if (!isObject(value)) return false
    const required = isObject(bare) ? bare : full
    const known = Object.keys(value).every(field => {
      if (!(field in full)) return safeText(value[field])
      const bareField = field in required ? required[field] : full[field]
      return sameShape(value[field], full[field], bareField)
    })
    return known && Object.keys(required).every(field => field in value)
  }
  if (typeof value === 'string') return typeof full === 'string' && safeString(value)
  return typeof value === typeof full
}

/** Text anywhere in `value` is one line and short, as cleanText leaves what indexes say. */
function safeText(value: unknown): boolean {
  if (typeof value === 'string') return safeString(value)
  if (Array.isArray(value)) return value.every(safeText)
  if (isObject(value)) return Object.values(value).every(safeText)
  return true
}

function safeString(value: unknown): boolean {
  return typeof value === 'string' && value.length <= MAX_TEXT && !CONTROL.test(value)
}
