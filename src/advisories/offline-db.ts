/**
 * An advisory feed read from local OSV JSON: a directory of records, or a zip laid out like
 * OSV's per-ecosystem all.zip (offline-source.ts). Without an index directory every record is
 * loaded and indexed by package name up front, and nothing is written. With one, a cached index
 * of the database (offline-index.ts) says which members hold each package's records, so a
 * lookup reads only those; a missing, stale or damaged index is rebuilt by a full load. Both
 * ways give the same answers, in the same order, with the same warnings.
 */
import { normalizeName } from '../deps/names.js'
import { FeedError, messageOf, PyauditError } from '../shared/errors.js'
import { silentLogger, type Logger } from '../shared/log.js'
import { recordAffects } from './match.js'
import {
  readCatalogue,
  RecordsOnDemand,
  type Catalogue,
  type CatalogueEntry
} from './offline-catalogue.js'
import { indexFile, indexKey, readIndex, writeIndex, type IndexKey } from './offline-index.js'
import { openRecordSource, type RecordSource } from './offline-source.js'
import type { AdvisoryFeed, OsvRecord, PackageVersion } from './osv.js'
import { DEFAULT_ZIP_LIMITS, type ZipLimits } from './zip-reader.js'

export { parseRecord } from './offline-source.js'

export interface OfflineDatabaseOptions {
  logger?: Logger
  /** Zip-bomb limits; a directory is held to the same file count and sizes. */
  limits?: Partial<ZipLimits>
  /** The clock used to spot `modified` dates in the future (tests pin it). */
  now?: Date
  /** How reports name the database (e.g. relative to the repository); default: its path. */
  label?: string
  /** Where the database's index is cached between runs; without it nothing is written. */
  indexDir?: string
}

interface Settings {
  logger: Logger
  limits: ZipLimits
  now: Date
  indexDir: string | undefined
}

/** Clock skew we tolerate before calling a `modified` date a typo from the future. */
const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000

export class OfflineDatabase implements AdvisoryFeed {
  readonly name: string
  private readonly byName = new Map<string, OsvRecord[]>()
  private newest: number | undefined
  private count = 0
  /** Set while records are read on demand through an index. */
  private onDemand: RecordsOnDemand | undefined
  /** The source the index was checked against (closed): its members need not be listed again. */
  private indexed: RecordSource | undefined
  /** Lookups read members one after the other, so two never read the same record twice. */
  private reading: Promise<void> = Promise.resolve()

  private constructor(
    private readonly location: string,
    label: string,
    private readonly settings: Settings
  ) {
    this.name = `offline database ${label}`
  }

  static async load(
    location: string,
    options: OfflineDatabaseOptions = {}
  ): Promise<OfflineDatabase> {
    const logger = options.logger ?? silentLogger
    const started = performance.now()
    const db = new OfflineDatabase(location, options.label ?? location, {
      logger,
      limits: { ...DEFAULT_ZIP_LIMITS, ...options.limits },
      now: options.now ?? new Date(),
      indexDir: options.indexDir
    })
    await db.withSource(source => db.open(source))
    const ms = Math.round(performance.now() - started)
    logger.debug(`Loaded ${db.recordCount} PyPI advisories from ${location} in ${ms} ms`)
    return db
  }

  async lookup(packages: readonly PackageVersion[]): Promise<OsvRecord[][]> {
    const names = packages.map(({ name }) => normalizeName(name))
    if (this.onDemand !== undefined) {
      const read = this.reading.then(() => this.readPackages(names))
      this.reading = read.catch(() => {})
      await read
    }
    return packages.map(({ version }, i) => {
      const candidates = this.byName.get(names[i]!) ?? []
      return candidates.filter(record => recordAffects(record, names[i]!, version))
    })
  }

  /**
   * Every advisory, withdrawn ones left out, that names `name` (normalised here) as a PyPI
   * package, whatever version it affects: what a recommended upgrade is computed from. Read
   * through an index, only the packages already looked up are known.
   */
  recordsFor(name: string): readonly OsvRecord[] {
    const normalized = normalizeName(name)
    if (this.onDemand !== undefined && !this.onDemand.has(normalized)) {
      throw new Error(`Internal error: recordsFor(${JSON.stringify(name)}) before its lookup`)
    }
    const records = this.byName.get(normalized) ?? []
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

  private async open(source: RecordSource): Promise<void> {
    const { indexDir, limits, logger } = this.settings
    if (indexDir === undefined) return this.loadAll(source)
    const key = await this.io(() => indexKey(source, limits))
    const file = indexFile(indexDir, key)
    const found = await readIndex(file, key, source.members)
    if ('reason' in found) {
      await this.loadAll(source, key)
      logger.debug(`Offline index ${file}: rebuilt (${found.reason})`)
      return
    }
    this.onDemand = new RecordsOnDemand(found.catalogue)
    this.indexed = source
    this.summarize(found.catalogue)
    logger.debug(`Offline index ${file}: used`)
  }

  /** Reads every record; with a key, writes the index of what was read. */
  private async loadAll(source: RecordSource, key?: IndexKey): Promise<void> {
    const { catalogue, records } = await this.io(() => readCatalogue(source))
    this.onDemand = undefined
    this.indexed = undefined
    this.byName.clear()
    for (const [name, positions] of catalogue.packages) {
      this.byName.set(
        name,
        positions.map(position => records[position]!)
      )
    }
    this.summarize(catalogue)
    const { indexDir, logger } = this.settings
    if (key === undefined || indexDir === undefined) return
    const file = indexFile(indexDir, key)
    await writeIndex(file, key, catalogue).catch((error: unknown) => {
      logger.debug(`Offline index ${file}: not written (${messageOf(error)})`)
    })
  }

  /** Reads the records of the packages not looked up before, checking each against the index. */
  private async readPackages(names: readonly string[]): Promise<void> {
    const demand = this.onDemand
    if (demand === undefined) return
    const plan = demand.plan(names)
    const got = new Map<string, OsvRecord>()
    if (plan.members.size > 0) {
      const chosen = new Set(plan.members.keys())
      await this.withSource(
        source => this.io(() => source.read(chosen, (member, record) => got.set(member, record))),
        this.indexed
      )
    }
    const found = demand.accept(plan, got)
    if (typeof found !== 'string') {
      found.forEach((records, name) => records.length > 0 && this.byName.set(name, records))
      return
    }
    this.settings.logger.warning(
      `The offline index of ${this.location} does not match the database (${found}); ` +
        'reading every record instead'
    )
    await this.withSource(async source => {
      const { indexDir, limits } = this.settings
      const key = indexDir === undefined ? undefined : await this.io(() => indexKey(source, limits))
      await this.loadAll(source, key)
    })
  }

  /** Logs what a full load finds worth saying, and takes the count and newest date. */
  private summarize(catalogue: Catalogue): void {
    const { logger, now } = this.settings
    const where = this.location
    const { duplicates, unsupported } = catalogue
    if (duplicates !== undefined) {
      logger.warning(
        `${duplicates.count} advisories appear more than once in ${where} (first: ` +
          `${duplicates.first}); the most recently modified copy of each is used`
      )
    }
    if (unsupported !== undefined) {
      logger.warning(
        `${unsupported.count} advisories in ${where} use an OSV schema version other than ` +
          `1.x (first: ${unsupported.first}); like pip-audit, they are not reported`
      )
    }
    const future: CatalogueEntry[] = []
    this.count = catalogue.entries.length
    this.newest = undefined
    for (const entry of catalogue.entries) {
      if (entry.time > now.getTime() + FUTURE_TOLERANCE_MS) future.push(entry)
      else this.newest = Math.max(this.newest ?? entry.time, entry.time)
    }
    if (future.length > 0) {
      logger.debug(
        `${future.length} advisories in ${where} are dated in the future (first: ` +
          `${future[0]!.id}, ${future[0]!.modified}); left out of the database's age`
      )
    }
    logger.debug(`${catalogue.withoutPypi} advisories have no PyPI package; ignored`)
  }

  /** Opens the database for `use`, then closes it; `earlier` spares listing its members again. */
  private async withSource<T>(
    use: (source: RecordSource) => Promise<T>,
    earlier?: RecordSource
  ): Promise<T> {
    const { location, settings } = this
    const source = await this.io(() => openRecordSource(location, settings.limits, earlier))
    try {
      return await use(source)
    } finally {
      await source.close()
    }
  }

  /** I/O failures (missing path, permissions): the feed cannot answer, so the run fails. */
  private async io<T>(work: () => T | Promise<T>): Promise<T> {
    try {
      return await work()
    } catch (error) {
      if (error instanceof PyauditError) throw error
      const feed = `offline database ${this.location}`
      throw new FeedError(feed, messageOf(error), { cause: error })
    }
  }
}
