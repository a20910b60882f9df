/**
 * An advisory feed read from local OSV JSON: a directory of records, or a zip laid out like
 * OSV's per-ecosystem all.zip (offline-source.ts). Every record is loaded and indexed by package
 * name up front, in memory, and nothing is written.
 *
 * There is deliberately no index kept on disk between runs. Earlier releases kept one in the
 * advisory cache; but the cache directory may be written by other jobs (a self-hosted runner's
 * tool cache), and an index that leaves a record out of a package hides that record's findings.
 * No check short of reading every record can prove an index complete, and reading every record
 * is what a full load costs (~0.25 s for the whole PyPI database), so a full load it is.
 */
import { setFlagsFromString } from 'node:v8'
import { normalizeName } from '../deps/names.js'
import { FeedError, messageOf, PyauditError } from '../shared/errors.js'
import { silentLogger, type Logger } from '../shared/log.js'
import { recordAffects } from './match.js'
import { readCatalogue, type Catalogue, type CatalogueEntry } from './offline-catalogue.js'
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
  /**
   * The packages the run will ask about, when known: every record is still read (and counted,
   * checked, dated), but only those of these packages are kept in memory. Asking about any
   * other package later reads the database again, so no question is ever answered from less
   * than every record of its package.
   */
  packages?: Iterable<string>
}

interface Settings {
  logger: Logger
  limits: ZipLimits
  now: Date
}

/**
 * `source` with each record that names none of the `kept` PyPI packages cut down, as it is
 * read, to what the catalogue reads of it (id, dates, schema version, the PyPI names): the
 * record itself is garbage at once, before it can be promoted to the old generation. A PyPA
 * record lists every affected release; the database of 7,080 records is ~20 MB of JSON and a
 * few times that in memory.
 */
function keepingOnly(source: RecordSource, kept: ReadonlySet<string>): RecordSource {
  return {
    ...source,
    read: (chosen, onRecord) =>
      source.read(chosen, (member, record) => {
        const pypi = (record.affected ?? []).filter(entry => entry.package?.ecosystem === 'PyPI')
        if (pypi.some(entry => kept.has(normalizeName(entry.package!.name)))) {
          onRecord(member, record)
          return
        }
        onRecord(member, {
          id: record.id,
          modified: record.modified,
          ...(record.schema_version === undefined ? {} : { schema_version: record.schema_version }),
          affected: pypi.map(entry => ({
            package: { ecosystem: 'PyPI', name: entry.package!.name }
          }))
        })
      })
  }
}

/**
 * Reading every record makes ~100 MB of garbage that dies young (inflated members, their text,
 * the records of packages not asked about). V8 grows the young generation while garbage comes
 * this fast, to 3 x 32 MB on Node 24, and the process's peak memory grows with it (314 MB for
 * 1,000 pins on Node 24, 182 MB on Node 20); kept at its start size, the same run peaks at
 * ~190 MB on both, and takes no longer. For the run's process, not a library: set once, as the
 * database is opened, after the bundle has loaded (a flag changed at run time makes V8 refuse
 * Node's code cache for built-in modules loaded afterwards; see src/net/wasm-tiering.ts).
 */
export function keepYoungGenerationSmall(): void {
  setFlagsFromString('--semi-space-growth-factor=1')
}

/** Clock skew we tolerate before calling a `modified` date a typo from the future. */
const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000

export class OfflineDatabase implements AdvisoryFeed {
  readonly name: string
  private readonly byName = new Map<string, OsvRecord[]>()
  /** The normalised names whose records are kept; undefined: every package's. */
  private kept: Set<string> | undefined
  private newest: number | undefined
  private count = 0

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
      now: options.now ?? new Date()
    })
    if (options.packages !== undefined) {
      db.kept = new Set([...options.packages].map(name => normalizeName(name)))
    }
    await db.withSource(source => db.loadAll(source, true))
    const ms = Math.round(performance.now() - started)
    logger.debug(`Loaded ${db.recordCount} PyPI advisories from ${location} in ${ms} ms`)
    return db
  }

  async lookup(packages: readonly PackageVersion[]): Promise<OsvRecord[][]> {
    const names = packages.map(({ name }) => normalizeName(name))
    const kept = this.kept
    if (kept !== undefined && names.some(name => !kept.has(name))) {
      // A package the run did not name when it opened the database: read it all again.
      this.kept = new Set([...kept, ...names])
      this.byName.clear()
      await this.withSource(source => this.loadAll(source, false))
    }
    return packages.map(({ version }, i) => {
      const candidates = this.byName.get(names[i]!) ?? []
      return candidates.filter(record => recordAffects(record, names[i]!, version))
    })
  }

  /**
   * Every advisory, withdrawn ones left out, that names `name` (normalised here) as a PyPI
   * package, whatever version it affects: what a recommended upgrade is computed from.
   */
  recordsFor(name: string): readonly OsvRecord[] {
    const normalized = normalizeName(name)
    if (this.kept !== undefined && !this.kept.has(normalized)) {
      // Only packages looked up are asked about; never answer one from records not kept.
      throw new FeedError(this.name, `the advisories of ${name} were not loaded`)
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

  /**
   * Reads every record and indexes the PyPI ones by package name (those of the kept packages,
   * when only some are kept); `summarize`: say what a full load finds worth saying.
   */
  private async loadAll(source: RecordSource, summarize: boolean): Promise<void> {
    const kept = this.kept
    const reading = kept === undefined ? source : keepingOnly(source, kept)
    const { catalogue, records } = await this.io(() => readCatalogue(reading))
    for (const [name, positions] of catalogue.packages) {
      if (kept !== undefined && !kept.has(name)) continue
      this.byName.set(
        name,
        positions.map(position => records[position]!)
      )
    }
    if (summarize) this.summarize(catalogue)
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

  /** Opens the database for `use`, then closes it. */
  private async withSource<T>(use: (source: RecordSource) => Promise<T>): Promise<T> {
    const { location, settings } = this
    const source = await this.io(() => openRecordSource(location, settings.limits))
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
