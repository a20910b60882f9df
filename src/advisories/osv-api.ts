/**
 * The online OSV feed (https://google.github.io/osv.dev/api/). A lookup takes two steps:
 * /v1/querybatch says which advisories (id + modified) affect each pin, then the full
 * records of those matches are fetched. The steps are public so that a cache keyed by
 * (id, modified) can sit between them and skip the records it already holds.
 */
import { FeedError } from '../shared/errors.js'
import { silentLogger, type Logger } from '../shared/log.js'
import { JsonClient, mapWithLimit, type RetryOptions } from '../net/http.js'
import { DEFAULT_MAX_CONCURRENT_STREAMS } from '../net/connections.js'
import { readOsvRecord, type AdvisoryFeed, type OsvRecord, type PackageVersion } from './osv.js'
import { isObject } from '../shared/json-shape.js'
import { excerpt } from '../shared/text.js'
import { normalizeName } from '../deps/names.js'
import { PackageAdvisories } from './package-advisories.js'

/** The service rejects larger batches with HTTP 400 "Too many queries.". */
export const MAX_BATCH_QUERIES = 1000
const ECOSYSTEM = 'PyPI'
/** Pages followed per query before we call the pagination broken rather than loop forever. */
const MAX_PAGES = 100

/** An advisory as /v1/querybatch names it. */
export interface VulnRef {
  id: string
  modified: string
}

/** Records a caller already holds; `get` answers only for the exact (id, modified). */
export interface RecordStore {
  get(id: string, modified: string): OsvRecord | undefined
  put?(record: OsvRecord): void
  /**
   * Called as the querybatch goes out: the store may read ahead what these pins are likely
   * to need. Returns the function that stops it when the answer is in.
   */
  readAhead?(pins: readonly PackageVersion[]): () => void
  /** What each pin matched, in the order of the pins. */
  noteMatches?(pins: readonly PackageVersion[], refs: readonly (readonly VulnRef[])[]): void
}

/**
 * How full records are fetched. 'by-package' sends one /v1/query per affected pin (one round
 * trip for all its advisories), 'by-id' one /v1/vulns/{id} per advisory, 'auto' fetches
 * by id when a pin misses just one record and by package otherwise. 'whole-package' sends
 * one /v1/query without a version per affected package: every advisory of the package in one
 * round trip, so that the upgrade verification can tell which advisories affect a candidate
 * without asking (answerFromPackages). A service that rejects such a query (HTTP 400) gets
 * 'auto' for the rest of the run.
 */
export type DetailStrategy = 'auto' | 'by-package' | 'by-id' | 'whole-package'

export interface OsvApiFeedOptions {
  /** The service's base URL (the osv-url input, checked by src/config/). */
  baseUrl: string
  /**
   * Connections at most, and requests in flight over HTTP/1.1. Over HTTP/2 (osv.dev speaks
   * it) one connection carries up to 256 requests at once (H2_IN_FLIGHT).
   */
  concurrency?: number
  /** Certificates to trust beside Node's own (PEM): a private mirror's CA, or the tests'. */
  extraCaCerts?: string
  /** Limit for the whole of one request, headers and body (the client's default: 60 s). */
  requestTimeoutMs?: number
  timeoutMs?: number
  retry?: RetryOptions
  logger?: Logger
  detailStrategy?: DetailStrategy
  records?: RecordStore
  /** Where the proxy variables are read (the entry's environment); none, no proxy. */
  env?: NodeJS.ProcessEnv
  /**
   * Told as soon as every record of a pin is in, with the records its lookup will return:
   * work on one pin can then start while the answers for others are still on the wire.
   */
  onRecords?: (pin: PackageVersion, records: readonly OsvRecord[]) => void
}

export interface DetailPlan {
  /** Indexes of the queries to re-send to /v1/query. */
  packageQueries: number[]
  /** Advisory ids to GET from /v1/vulns/{id}. */
  ids: string[]
}

/**
 * Round trips are what a cold run waits on: 200 pins with ~190 affected packages take seven
 * rounds of per-package queries at 32 in flight and four at 64 (~150 ms less at 50 ms per
 * request). 64 connections still stay far below what osv.dev's own clients send at once.
 */
const DEFAULT_CONCURRENCY = 64
/**
 * Requests in flight over HTTP/2: a cold run's ~130 detail requests go out at once, one round
 * trip instead of three waves of 64 (osv-scanner itself sends up to 1,000 at once), on one
 * connection (the pool's streams per connection).
 */
const H2_IN_FLIGHT = DEFAULT_MAX_CONCURRENT_STREAMS

export class OsvApiFeed implements AdvisoryFeed {
  readonly name: string
  private readonly baseUrl: string
  private readonly concurrency: number
  private readonly strategy: DetailStrategy
  private readonly records: RecordStore | undefined
  private readonly client: JsonClient
  private readonly logger: Logger
  private readonly onRecords: OsvApiFeedOptions['onRecords']
  /** Packages whose every advisory came with a 'whole-package' query. */
  private readonly packages = new PackageAdvisories()
  /** The service answered a query without a version with HTTP 400. */
  private wholePackageRefused = false

  constructor(options: OsvApiFeedOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '')
    this.name = `OSV API (${this.baseUrl})`
    this.concurrency = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY)
    this.strategy = options.detailStrategy ?? 'auto'
    this.records = options.records
    this.logger = options.logger ?? silentLogger
    this.onRecords = options.onRecords
    this.client = new JsonClient({
      feedName: this.name,
      connections: this.concurrency,
      requestTimeoutMs: options.requestTimeoutMs,
      timeoutMs: options.timeoutMs,
      retry: options.retry,
      logger: options.logger,
      env: options.env,
      allowH2: true,
      ...(options.extraCaCerts ? { extraCaCerts: options.extraCaCerts } : {})
    })
  }

  async lookup(packages: readonly PackageVersion[]): Promise<OsvRecord[][]> {
    const keys = packages.map(p => `${p.name}\u0000${p.version}`)
    const unique = [...new Map(keys.map((key, i) => [key, packages[i] as PackageVersion]))]
    const position = new Map(unique.map(([key], i) => [key, i]))
    const queries = unique.map(([, pin]) => pin)
    const stopReadAhead = this.records?.readAhead?.(queries)
    let refs: VulnRef[][]
    try {
      refs = await this.matchIds(queries)
    } finally {
      stopReadAhead?.()
    }
    this.records?.noteMatches?.(queries, refs)
    const matched = refs.filter(listed => listed.length > 0).length
    this.logger.debug(`${this.name}: ${matched} of ${queries.length} packages have advisories`)
    const records = await this.fetchRecords(queries, refs)
    return keys.map(key => records[position.get(key) as number] as OsvRecord[])
  }

  /** Step 1: the advisories affecting each query, in order, following every page. */
  async matchIds(queries: readonly PackageVersion[]): Promise<VulnRef[][]> {
    const refs: Map<string, VulnRef>[] = queries.map(() => new Map())
    let pending: { index: number; pageToken?: string }[] = queries.map((_, index) => ({ index }))
    for (let page = 0; pending.length > 0; page++) {
      if (page === MAX_PAGES) this.fail(`querybatch still paginating after ${MAX_PAGES} pages`)
      const batches = chunk(pending, MAX_BATCH_QUERIES)
      const answers = await mapWithLimit(batches, this.concurrency, (batch, _, signal) => {
        const wire = batch.map(({ index, pageToken }) => ({
          ...wireQuery(queries[index] as PackageVersion),
          ...(pageToken === undefined ? {} : { page_token: pageToken })
        }))
        return this.queryBatch(wire, signal)
      })
      pending = []
      batches.forEach((batch, b) =>
        batch.forEach(({ index }, i) => {
          const result = (answers[b] as BatchResult[])[i] as BatchResult
          for (const ref of result.vulns) (refs[index] as Map<string, VulnRef>).set(ref.id, ref)
          if (result.nextPageToken) pending.push({ index, pageToken: result.nextPageToken })
        })
      )
    }
    return refs.map(byId => [...byId.values()])
  }

  /**
   * Step 2: the full records behind `refs[i]` for each query, withdrawn ones dropped. Every
   * record is read as far as it can be (readOsvRecord; see checkRecord for what fails): the
   * service already matched the release, so a record it names is never dropped for what it
   * lacks or gets wrong.
   */
  async fetchRecords(
    queries: readonly PackageVersion[],
    refs: readonly (readonly VulnRef[])[]
  ): Promise<OsvRecord[][]> {
    const byId = new Map<string, OsvRecord>()
    const listedModified = new Map(refs.flat().map(ref => [ref.id, ref.modified]))
    const unreadable = new Map<string, string[]>()
    const read = (raw: OsvRecord): OsvRecord => {
      const { record, unreadable: problems } = readOsvRecord(
        raw as unknown as Record<string, unknown>,
        raw.id,
        listedModified.get(raw.id) ?? ''
      )
      if (problems.length > 0) unreadable.set(raw.id, problems)
      byId.set(raw.id, record)
      return record
    }
    // A held record was read whole when it was fetched (only those are put), and checking it
    // again would split the versions lists the cache keeps as text until something needs them.
    const held = (ref: VulnRef): boolean => {
      const record = this.records?.get(ref.id, ref.modified)
      if (record) byId.set(ref.id, record)
      return record !== undefined
    }
    const whole = this.strategy === 'whole-package' && !this.wholePackageRefused
    const strategy = this.strategy === 'whole-package' && !whole ? 'auto' : this.strategy
    const names = queries.map(query => query.name)
    const plan = planDetailFetches(refs, held, strategy, names)
    const extras = new Map<number, OsvRecord[]>()
    const recordsOf = (i: number): OsvRecord[] =>
      [...refs[i]!.map(ref => byId.get(ref.id) as OsvRecord), ...(extras.get(i) ?? [])].filter(
        record => !record.withdrawn
      )
    const onRecords = this.onRecords
    // A pin's list as told is the one returned (nothing can join it later): work done on that
    // very list can be found again.
    const told = new Map<number, OsvRecord[]>()
    const watch = onRecords
      ? new CompletionWatch(refs, byId, plan.packageQueries, i => {
          const records = recordsOf(i)
          told.set(i, records)
          onRecords(queries[i] as PackageVersion, records)
        })
      : undefined
    const store = (raw: OsvRecord): OsvRecord => {
      const record = read(raw)
      // Only a record read whole is kept for later runs: one read in part is asked again.
      if (record === raw) this.records?.put?.(record)
      watch?.stored(record.id)
      return record
    }
    type Task = { query: number } | { id: string }
    const tasks: Task[] = [
      ...plan.packageQueries.map(query => ({ query })),
      ...plan.ids.map(id => ({ id }))
    ]
    // The querybatch before has opened the connection: its protocol is known by now.
    const inFlight = this.client.protocolOf(this.baseUrl) === 'h2' ? H2_IN_FLIGHT : this.concurrency
    const listedFor = whole ? listedByName(names, refs) : undefined
    await mapWithLimit(tasks, inFlight, async (task, _, signal) => {
      if ('id' in task) return void store(await this.getRecord(task.id, signal))
      const pin = queries[task.query] as PackageVersion
      const answer = await this.queryPackage(pin, signal, whole && !this.wholePackageRefused)
      if (answer.wholePackage) {
        // Only what the querybatch listed is a finding (and kept for later runs); the rest
        // of the package's advisories tell the verification what its candidates meet.
        const listed = listedFor?.get(normalizeName(pin.name)) ?? new Set<string>()
        let readWhole = true
        const records = answer.records.map(raw => {
          const finding = listed.has(raw.id)
          // A record held from an earlier run was read whole when it was fetched.
          const kept = finding ? byId.get(raw.id) : undefined
          if (kept) return kept
          const record = finding ? store(raw) : read(raw)
          if (record !== raw) readWhole = false
          return record
        })
        // A record that cannot say what it spares cannot answer for a candidate.
        readWhole &&= records.every(record => record.affected != null)
        this.packages.add(pin.name, records, readWhole)
      } else {
        answer.records.forEach(store)
        const listed = new Set((refs[task.query] ?? []).map(ref => ref.id))
        extras.set(
          task.query,
          answer.records
            .filter(record => !listed.has(record.id))
            .map(record => byId.get(record.id)!)
        )
      }
      watch?.queried(task.query)
    })
    // The database can change between the steps: fetch by id what /v1/query no longer listed.
    const missing = [...new Set(refs.flat().map(ref => ref.id))].filter(id => !byId.has(id))
    const late = await mapWithLimit(missing, inFlight, (id, _, signal) =>
      this.getRecord(id, signal)
    )
    late.forEach(store)
    // The database changed between the steps: that package's answer is not whole.
    refs.forEach((listed, i) =>
      this.packages.confirm(
        queries[i]!.name,
        listed.map(ref => ref.id)
      )
    )
    const results = refs.map((_, i) => told.get(i) ?? recordsOf(i))
    this.warnIncomplete(queries, results, unreadable)
    return results
  }

  /**
   * One warning per record reported with less than a whole record gives: the reader learns
   * why a finding has no fix versions or no severity, and which record to look at.
   */
  private warnIncomplete(
    queries: readonly PackageVersion[],
    results: readonly OsvRecord[][],
    unreadable: ReadonlyMap<string, string[]>
  ): void {
    const pins = new Map<string, string[]>()
    results.forEach((records, i) => {
      const pin = queries[i] as PackageVersion
      for (const record of records) {
        if (record.affected != null && !unreadable.has(record.id)) continue
        pins.set(record.id, [...(pins.get(record.id) ?? []), `${pin.name} ${pin.version}`])
      }
    })
    for (const [id, matched] of pins) {
      const problems = unreadable.get(id)
      const what = problems
        ? `could not be read in full (${problems.join('; ')})`
        : 'lists no affected packages'
      const releases = matched
        .slice(0, 3)
        .map(pin => excerpt(pin))
        .join(', ')
      const more = matched.length > 3 ? ` and ${matched.length - 3} more` : ''
      const lacking = problems ? 'what could not be read left out' : 'no fix versions known'
      this.logger.warning(
        `${this.name}: advisory ${excerpt(id)} ${what}. It is reported all the same, since ` +
          `the service matched it to ${releases}${more}, with ${lacking}.`
      )
    }
  }

  async close(): Promise<void> {
    await this.client.close()
  }

  private async queryBatch(queries: object[], signal: AbortSignal): Promise<BatchResult[]> {
    const body = await this.client.postJson(`${this.baseUrl}/v1/querybatch`, { queries }, signal)
    const results = isObject(body) ? body.results : undefined
    if (!Array.isArray(results)) this.fail('querybatch answer has no results list')
    if (results.length !== queries.length) {
      this.fail(`querybatch answered ${results.length} results for ${queries.length} queries`)
    }
    return results.map(result => {
      if (!isObject(result)) this.fail('querybatch result is not an object')
      const vulns = this.list(result.vulns, 'querybatch').map(vuln => {
        if (!isObject(vuln) || typeof vuln.id !== 'string' || vuln.id === '') {
          this.fail('querybatch result has a vuln without an id')
        }
        return { id: vuln.id, modified: typeof vuln.modified === 'string' ? vuln.modified : '' }
      })
      return { vulns, nextPageToken: this.token(result.next_page_token) }
    })
  }

  /**
   * The records of one /v1/query, every page: for the pin's version, or with `wholePackage`
   * for every version of its package (the pin's version is asked instead when the service
   * rejects a query without one).
   */
  private async queryPackage(
    pin: PackageVersion,
    signal: AbortSignal,
    wholePackage = false
  ): Promise<{ records: OsvRecord[]; wholePackage: boolean }> {
    const found: OsvRecord[] = []
    const asked = wholePackage ? wirePackageQuery(pin) : wireQuery(pin)
    let pageToken: string | undefined
    for (let page = 0; page === 0 || pageToken; page++) {
      if (page === MAX_PAGES) this.fail(`query still paginating after ${MAX_PAGES} pages`)
      const query = { ...asked, ...(pageToken ? { page_token: pageToken } : {}) }
      const url = `${this.baseUrl}/v1/query`
      const answer = wholePackage
        ? await this.client.findPostJson(url, query, [400], signal)
        : { found: true as const, value: await this.client.postJson(url, query, signal) }
      if (!answer.found) {
        if (page > 0) this.fail('query rejected a page token it gave')
        if (!this.wholePackageRefused) {
          this.wholePackageRefused = true
          this.logger.debug(`${this.name}: a query without a version was refused; asking per pin`)
        }
        return this.queryPackage(pin, signal)
      }
      const body = answer.value
      if (!isObject(body)) this.fail('query answer is not an object')
      found.push(...this.list(body.vulns, 'query').map(record => this.checkRecord(record)))
      pageToken = this.token(body.next_page_token)
    }
    return { records: found, wholePackage }
  }

  /**
   * What a lookup would answer for each pin, worked out from its package's advisories when
   * a 'whole-package' query brought them all in this run; undefined for the other pins. The
   * records named are kept for later runs, as a lookup's are.
   */
  answerFromPackages(pins: readonly PackageVersion[]): (OsvRecord[] | undefined)[] {
    const answers = this.packages.affecting(pins)
    const answered = pins.filter((_, i) => answers[i] !== undefined)
    const found = answers.filter(answer => answer !== undefined)
    for (const record of found.flat()) this.records?.put?.(record)
    const refs = found.map(records => records.map(({ id, modified }) => ({ id, modified })))
    if (answered.length > 0) this.records?.noteMatches?.(answered, refs)
    return answers
  }

  private async getRecord(id: string, signal: AbortSignal): Promise<OsvRecord> {
    const url = `${this.baseUrl}/v1/vulns/${encodeURIComponent(id)}`
    return this.checkRecord(await this.client.getJson(url, signal), id)
  }

  /**
   * What the service sent as a record, decided per case (a finding never disappears):
   * - not a JSON object, or no id: fails closed. Nothing in it can be read, not even that it
   *   is the advisory asked for: a broken server, or something that is not OSV (a proxy's
   *   page), and no finding could be reported from it.
   * - the record of another advisory than the one asked for: fails closed. It says nothing of
   *   the advisory the service named, and a server that mixes them up may mix up others.
   * - a record of the advisory asked for that lacks `affected`, has a schema major other
   *   than 1, or fields of the wrong type: the finding stands (fetchRecords reads what it
   *   can with readOsvRecord, and warns). The service matched the release itself; what the
   *   record cannot tell (fix versions, severity) shows as unknown, and an unknown severity
   *   fails the gate by default.
   */
  private checkRecord(value: unknown, asked?: string): OsvRecord {
    if (!isObject(value) || typeof value.id !== 'string' || value.id === '') {
      const which = asked === undefined ? 'a record' : `record ${excerpt(asked)}`
      this.fail(`${which} is not an OSV record (not an object with an id)`)
    }
    if (asked !== undefined && value.id !== asked) {
      this.fail(`asked for record ${excerpt(asked)}, got ${excerpt(value.id)}`)
    }
    return value as unknown as OsvRecord
  }

  private list(value: unknown, endpoint: string): unknown[] {
    if (value === undefined) return []
    if (!Array.isArray(value)) this.fail(`${endpoint} answer has a malformed vulns list`)
    return value
  }

  private token(value: unknown): string | undefined {
    if (value === undefined || value === '') return undefined
    if (typeof value !== 'string') this.fail('answer has a malformed next_page_token')
    return value
  }

  private fail(detail: string): never {
    throw new FeedError(this.name, `malformed answer: ${detail}`)
  }
}

/**
 * Which round trips fetch every record not `held`: a pin needing several records costs one
 * /v1/query instead of one request per id. Pure, so a cache can be reasoned about apart.
 */
export function planDetailFetches(
  refs: readonly (readonly VulnRef[])[],
  held: (ref: VulnRef) => boolean,
  strategy: DetailStrategy,
  names: readonly string[] = []
): DetailPlan {
  const packageQueries: number[] = []
  const ids = new Set<string>()
  const planned = new Set<string>()
  /** 'whole-package': the packages already asked about (one query serves all their pins). */
  const asked = new Set<string>()
  refs.forEach((listed, index) => {
    const needed = listed.filter(ref => !planned.has(ref.id) && !held(ref))
    if (needed.length === 0) return
    if (strategy === 'whole-package') {
      const name = normalizeName(names[index] ?? '')
      if (!asked.has(name)) packageQueries.push(index)
      asked.add(name)
    } else if (strategy === 'by-id' || (strategy === 'auto' && needed.length === 1)) {
      for (const ref of needed) ids.add(ref.id)
    } else {
      packageQueries.push(index)
    }
    for (const ref of needed) planned.add(ref.id)
  })
  // A package query returns every advisory of its pin, so an id planned for a GET by an
  // earlier pin comes back with a later pin's query anyway: don't fetch it twice.
  for (const index of packageQueries) for (const ref of refs[index] ?? []) ids.delete(ref.id)
  return { packageQueries, ids: [...ids] }
}

/**
 * Which pins have every record in, as records arrive: a pin waits for each record it lists
 * that was not held, and for its own /v1/query when it has one (which may bring records the
 * querybatch did not list). `complete` is called once per pin that lists any record.
 */
class CompletionWatch {
  private readonly waiting = new Map<string, number[]>()
  private readonly left: number[]

  constructor(
    refs: readonly (readonly VulnRef[])[],
    present: ReadonlyMap<string, OsvRecord>,
    packageQueries: readonly number[],
    private readonly complete: (query: number) => void
  ) {
    this.left = refs.map(() => 0)
    for (const query of packageQueries) this.left[query]!++
    refs.forEach((listed, query) => {
      for (const ref of listed) {
        if (present.has(ref.id)) continue
        this.left[query]!++
        const waiting = this.waiting.get(ref.id)
        if (waiting) waiting.push(query)
        else this.waiting.set(ref.id, [query])
      }
    })
    refs.forEach((listed, query) => {
      if (listed.length > 0 && this.left[query] === 0) complete(query)
    })
  }

  /** A record is in. */
  stored(id: string): void {
    const waiting = this.waiting.get(id)
    if (waiting === undefined) return
    this.waiting.delete(id)
    for (const query of waiting) this.countDown(query)
  }

  /** A pin's own /v1/query has answered (its records stored). */
  queried(query: number): void {
    this.countDown(query)
  }

  private countDown(query: number): void {
    if (--this.left[query]! === 0) this.complete(query)
  }
}

interface BatchResult {
  vulns: VulnRef[]
  nextPageToken?: string
}

function wireQuery(pin: PackageVersion): object {
  return { package: { name: pin.name, ecosystem: ECOSYSTEM }, version: pin.version }
}

function wirePackageQuery(pin: PackageVersion): object {
  return { package: { name: pin.name, ecosystem: ECOSYSTEM } }
}

/** The ids the querybatch listed for each package (PEP 503 name), over all its pins. */
function listedByName(
  names: readonly string[],
  refs: readonly (readonly VulnRef[])[]
): Map<string, Set<string>> {
  const byName = new Map<string, Set<string>>()
  refs.forEach((listed, i) => {
    const name = normalizeName(names[i] ?? '')
    let ids = byName.get(name)
    if (!ids) byName.set(name, (ids = new Set()))
    for (const ref of listed) ids.add(ref.id)
  })
  return byName
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = []
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size))
  return chunks
}
