/**
 * An advisory feed read from local OSV JSON: a directory of records, or a zip laid out like
 * OSV's per-ecosystem all.zip. Everything is loaded and indexed by package name up front, so
 * lookups never touch the disk.
 */
import { open, readdir, realpath, stat, type FileHandle } from 'node:fs/promises'
import path from 'node:path'
import { normalizeName } from '../deps/names.js'
import { FeedError, ParseError, PyauditError, type FilePosition } from '../errors.js'
import { silentLogger, type Logger } from '../log.js'
import { recordAffects } from './match.js'
import type { AdvisoryFeed, OsvRecord, PackageVersion } from './osv.js'
import { isSupportedSchema } from './vulnerability.js'
import { DEFAULT_ZIP_LIMITS, readZipMembers, type ZipLimits } from './zip-reader.js'

export interface OfflineDatabaseOptions {
  logger?: Logger
  /** Zip-bomb limits; a directory is held to the same file count and sizes. */
  limits?: Partial<ZipLimits>
  /** The clock used to spot `modified` dates in the future (tests pin it). */
  now?: Date
  /** How reports name the database (e.g. relative to the repository); default: its path. */
  label?: string
}

/** Clock skew we tolerate before calling a `modified` date a typo from the future. */
const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000
const READ_CONCURRENCY = 16
const byId = new Intl.Collator('en', { numeric: true })

export class OfflineDatabase implements AdvisoryFeed {
  readonly name: string
  private readonly byName = new Map<string, OsvRecord[]>()
  private newest: number | undefined
  private count = 0

  private constructor(location: string, label: string = location) {
    this.name = `offline database ${label}`
  }

  static async load(
    location: string,
    options: OfflineDatabaseOptions = {}
  ): Promise<OfflineDatabase> {
    const logger = options.logger ?? silentLogger
    const started = performance.now()
    const db = new OfflineDatabase(location, options.label)
    const limits = { ...DEFAULT_ZIP_LIMITS, ...options.limits }
    db.add(await readRecords(location, limits, logger), location, logger, options.now ?? new Date())
    const ms = Math.round(performance.now() - started)
    logger.debug(`Loaded ${db.recordCount} PyPI advisories from ${location} in ${ms} ms`)
    return db
  }

  async lookup(packages: readonly PackageVersion[]): Promise<OsvRecord[][]> {
    return packages.map(({ name, version }) => {
      const normalized = normalizeName(name)
      const candidates = this.byName.get(normalized) ?? []
      return candidates.filter(record => recordAffects(record, normalized, version))
    })
  }

  /**
   * Every advisory, withdrawn ones left out, that names `name` (normalised here) as a PyPI
   * package, whatever version it affects: what a recommended upgrade is computed from.
   */
  recordsFor(name: string): readonly OsvRecord[] {
    const records = this.byName.get(normalizeName(name)) ?? []
    return records.filter(record => record.withdrawn == null)
  }

  /** PyPI advisories held (withdrawn ones included). */
  get recordCount(): number {
    return this.count
  }

  /** The latest `modified` date of any advisory, ignoring dates in the future (typos). */
  newestModified(): Date | undefined {
    return this.newest === undefined ? undefined : new Date(this.newest)
  }

  private add(records: OsvRecord[], location: string, logger: Logger, now: Date): void {
    const future: OsvRecord[] = []
    const unsupported: OsvRecord[] = []
    // Sorted so results come out in the same order from a directory and from a zip.
    for (const record of records.sort((a, b) => byId.compare(a.id, b.id))) {
      const names = new Set<string>()
      for (const affected of record.affected ?? []) {
        if (affected.package?.ecosystem === 'PyPI') names.add(normalizeName(affected.package.name))
      }
      if (names.size === 0) continue
      this.count++
      for (const name of names) {
        const list = this.byName.get(name)
        if (list === undefined) this.byName.set(name, [record])
        else list.push(record)
      }
      if (!isSupportedSchema(record)) unsupported.push(record)
      const modified = Date.parse(record.modified)
      if (modified > now.getTime() + FUTURE_TOLERANCE_MS) future.push(record)
      else this.newest = Math.max(this.newest ?? modified, modified)
    }
    if (unsupported.length > 0) {
      logger.warning(
        `${unsupported.length} advisories in ${location} use an OSV schema version other than ` +
          `1.x (first: ${unsupported[0]!.id}); like pip-audit, they are not reported`
      )
    }
    if (future.length > 0) {
      logger.debug(
        `${future.length} advisories in ${location} are dated in the future (first: ` +
          `${future[0]!.id}, ${future[0]!.modified}); left out of the database's age`
      )
    }
    logger.debug(`${records.length - this.count} advisories have no PyPI package; ignored`)
  }
}

/** Every record in the directory or zip, one per id (the most recently modified copy). */
async function readRecords(location: string, limits: ZipLimits, log: Logger): Promise<OsvRecord[]> {
  const records = new Map<string, OsvRecord>()
  const duplicates: string[] = []
  const keep = (record: OsvRecord): void => {
    const previous = records.get(record.id)
    if (previous !== undefined) duplicates.push(record.id)
    if (previous === undefined || Date.parse(record.modified) > Date.parse(previous.modified)) {
      records.set(record.id, record)
    }
  }
  try {
    if ((await stat(location)).isDirectory()) {
      await readDirectory(location, limits, (file, data) => keep(parseRecord(data, { file })))
    } else {
      const fromMember = (member: string, data: Buffer) =>
        keep(parseRecord(data, { file: location }, member))
      await readZipMembers(location, isRecordPath, fromMember, limits)
    }
  } catch (error) {
    if (error instanceof PyauditError) throw error
    // I/O failures (missing path, permissions): the feed cannot answer, so the run fails.
    const reason = error instanceof Error ? error.message : String(error)
    throw new FeedError(`offline database ${location}`, reason, { cause: error })
  }
  if (duplicates.length > 0) {
    log.warning(
      `${duplicates.length} advisories appear more than once in ${location} (first: ` +
        `${duplicates[0]}); the most recently modified copy of each is used`
    )
  }
  return [...records.values()]
}

/** `*.json`, leaving out hidden files and folders (`.github/`, macOS `__MACOSX/._x.json`). */
function isRecordPath(name: string): boolean {
  const parts = name.split(/[\\/]/)
  return (
    name.toLowerCase().endsWith('.json') &&
    !parts.some(part => part.startsWith('.') || part === '__MACOSX')
  )
}

async function readDirectory(
  root: string,
  limits: ZipLimits,
  onFile: (file: string, data: Buffer) => void
): Promise<void> {
  const files: string[] = []
  const visited = new Set<string>()
  const walk = async (dir: string): Promise<void> => {
    const real = await realpath(dir)
    if (visited.has(real)) return // a symlink loop
    visited.add(real)
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue
      const full = path.join(dir, entry.name)
      const kind = entry.isSymbolicLink() ? await stat(full) : entry
      if (kind.isDirectory()) await walk(full)
      else if (kind.isFile() && isRecordPath(entry.name)) files.push(full)
    }
    if (files.length > limits.maxEntries) {
      throw new ParseError({ file: root }, `holds more than ${limits.maxEntries} JSON files`)
    }
  }
  await walk(root)
  files.sort()

  let total = 0
  let next = 0
  const tooBig = (file: string, detail: string) => new ParseError({ file }, detail)
  const readOne = async (file: string, handle: FileHandle): Promise<void> => {
    const { size } = await handle.stat()
    if (size > limits.maxEntryBytes) {
      throw tooBig(
        file,
        `is ${size} bytes, over the per-file limit of ${limits.maxEntryBytes} bytes`
      )
    }
    total += size
    if (total > limits.maxTotalBytes) {
      throw tooBig(root, `holds more JSON than the total limit of ${limits.maxTotalBytes} bytes`)
    }
    onFile(file, await handle.readFile())
  }
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const file = files[next++]!
      const handle = await open(file)
      // On a failure, stop the other workers too.
      await readOne(file, handle)
        .catch(error => {
          next = files.length
          throw error
        })
        .finally(() => handle.close())
    }
  }
  await Promise.all(Array.from({ length: READ_CONCURRENCY }, worker))
}

/** One OSV record from JSON bytes, or a ParseError naming the file (and zip member). */
export function parseRecord(data: Buffer, where: FilePosition, member?: string): OsvRecord {
  const prefix = member === undefined ? '' : `member ${JSON.stringify(member)}: `
  const text = data.toString('utf8').replace(/^\uFEFF/, '')
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    const { line, column, reason } = describeJsonError(error, text)
    // Inside a zip the line and column belong to the member, so they go in the message.
    if (member !== undefined || line === undefined) {
      const at = line === undefined ? '' : ` at line ${line}, column ${column}`
      throw new ParseError(where, `${prefix}invalid JSON${at} (${reason})`)
    }
    throw new ParseError({ ...where, line, column }, `invalid JSON (${reason})`)
  }
  const problem = shapeProblem(value)
  if (problem !== undefined) throw new ParseError(where, `${prefix}not an OSV record: ${problem}`)
  return value as OsvRecord
}

/**
 * V8 reports where JSON broke in one of two forms depending on the Node version ("at position
 * N" or "(line L column C)"), and sometimes quotes the text around it. We keep the position and
 * the reason but never echo the file's own text.
 */
function describeJsonError(
  error: unknown,
  text: string
): { line?: number; column?: number; reason: string } {
  const message = error instanceof Error ? error.message : String(error)
  const reason = message.split(/, "| in JSON| \(line /)[0]!.trim()
  const lineColumn = /line (\d+) column (\d+)/.exec(message)
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]), reason }
  const position = /at position (\d+)/.exec(message)
  if (!position) return { reason }
  const before = text.slice(0, Number(position[1]))
  const line = before.split('\n').length
  return { line, column: before.length - before.lastIndexOf('\n'), reason }
}

type Json = Record<string, unknown>
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const isStrings = (value: unknown): boolean =>
  Array.isArray(value) && value.every(item => typeof item === 'string')
const OPTIONAL_STRINGS = ['withdrawn', 'summary', 'details', 'schema_version', 'published']
const EVENT_KEYS = ['introduced', 'fixed', 'last_affected', 'limit']

/** The fields matching and reporting read must have the types osv.ts promises; null = absent. */
function shapeProblem(record: unknown): string | undefined {
  if (!isObject(record)) return 'not a JSON object'
  if (typeof record.id !== 'string' || record.id === '') return '"id" is missing'
  if (typeof record.modified !== 'string' || Number.isNaN(Date.parse(record.modified))) {
    return '"modified" is not a timestamp'
  }
  const badString = OPTIONAL_STRINGS.find(
    key => record[key] != null && typeof record[key] !== 'string'
  )
  if (badString !== undefined) return `"${badString}" is not a string`
  if (record.aliases != null && !isStrings(record.aliases))
    return '"aliases" is not a list of strings'
  if (record.affected == null) return undefined
  if (!Array.isArray(record.affected)) return '"affected" is not a list'
  for (const [i, affected] of record.affected.entries()) {
    const at = `affected[${i}]`
    if (!isObject(affected)) return `${at} is not an object`
    const pkg = affected.package
    if (
      pkg != null &&
      !(isObject(pkg) && typeof pkg.ecosystem === 'string' && typeof pkg.name === 'string')
    ) {
      return `${at}.package needs "ecosystem" and "name" strings`
    }
    if (affected.versions != null && !isStrings(affected.versions)) {
      return `${at}.versions is not a list of strings`
    }
    if (affected.ranges == null) continue
    if (!Array.isArray(affected.ranges)) return `${at}.ranges is not a list`
    for (const [j, range] of affected.ranges.entries()) {
      const events = isObject(range) && typeof range.type === 'string' ? range.events : undefined
      const eventsOk =
        Array.isArray(events) &&
        events.every(
          e => isObject(e) && EVENT_KEYS.every(k => e[k] === undefined || typeof e[k] === 'string')
        )
      if (!eventsOk) return `${at}.ranges[${j}] needs a "type" and a list of string "events"`
    }
  }
  return undefined
}
