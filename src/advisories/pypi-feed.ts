/**
 * PyPI's JSON API as an advisory feed (https://docs.pypi.org/api/json/#known-vulnerabilities):
 * GET /pypi/<name>/<version>/json lists the advisories that affect that release. This
 * reproduces pip-audit's PyPIService (pip_audit/_service/pypi.py): a 404 means PyPI does not
 * know the release, which is a skipped dependency with pip-audit's reason, never "no
 * vulnerabilities"; any other failure fails the run; withdrawn entries are dropped; fix
 * versions come from `fixed_in`. Each entry is handed on as an OSV record carrying the same
 * facts, so the usual conversion (toVulnerability) reports it as pip-audit would.
 */
import { valid } from '@renovatebot/pep440'
import { normalVersion } from '../deps/versions.js'
import { FeedError } from '../shared/errors.js'
import { silentLogger, type Logger } from '../shared/log.js'
import { normalizeName } from '../deps/names.js'
import { JsonClient, mapWithLimit, type RetryOptions } from '../net/http.js'
import type { AdvisoryFeed, OsvRecord, PackageVersion } from './osv.js'
import { isObject, isStringList } from '../shared/json-shape.js'
import { excerpt } from '../shared/text.js'

export interface PypiFeedOptions {
  /** PyPI's base URL (the pypi-url input, checked by src/config/). */
  baseUrl: string
  /** Requests in flight at most, which is also the size of the connection pool. */
  concurrency?: number
  /** Limit for the whole of one request, headers and body (the client's default: 60 s). */
  requestTimeoutMs?: number
  timeoutMs?: number
  retry?: RetryOptions
  logger?: Logger
  /** Where the proxy variables are read (the entry's environment); none, no proxy. */
  env?: NodeJS.ProcessEnv
}

/** One entry of a release's `vulnerabilities` list, checked. */
export interface PypiVulnerability {
  id: string
  aliases: string[]
  details: string | null
  summary: string | null
  fixedIn: string[]
  withdrawn: string | null
  link: string | null
  source: string | null
  published: string | null
}

/** How skipped() keys a query: its name and version exactly as passed to lookup. */
export function skipKey(pin: PackageVersion): string {
  return `${pin.name}@${pin.version}`
}

export class PypiFeed implements AdvisoryFeed {
  readonly name: string
  private readonly baseUrl: string
  private readonly concurrency: number
  private readonly client: JsonClient
  private readonly logger: Logger
  private readonly skips = new Map<string, string>()

  constructor(options: PypiFeedOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '')
    this.name = `PyPI JSON API (${this.baseUrl})`
    this.concurrency = Math.max(1, options.concurrency ?? 16)
    this.logger = options.logger ?? silentLogger
    this.client = new JsonClient({
      feedName: this.name,
      connections: this.concurrency,
      requestTimeoutMs: options.requestTimeoutMs,
      timeoutMs: options.timeoutMs,
      retry: options.retry,
      logger: options.logger,
      env: options.env
    })
  }

  /**
   * The records affecting each query, in order. A release PyPI does not know answers [] here
   * and is listed by skipped(): check it before calling an empty answer clean.
   */
  async lookup(packages: readonly PackageVersion[]): Promise<OsvRecord[][]> {
    const unique = [...new Map(packages.map(pin => [skipKey(pin), pin])).values()]
    const answers = await mapWithLimit(unique, this.concurrency, (pin, _, signal) =>
      this.release(pin, signal)
    )
    const byKey = new Map(unique.map((pin, i) => [skipKey(pin), answers[i] as OsvRecord[]]))
    return packages.map(pin => byKey.get(skipKey(pin)) as OsvRecord[])
  }

  /**
   * Queries that could not be audited, by skipKey(), with pip-audit's skip reason. Kept for
   * every lookup this feed has answered.
   */
  skipped(): ReadonlyMap<string, string> {
    return this.skips
  }

  async close(): Promise<void> {
    await this.client.close()
  }

  private async release(pin: PackageVersion, signal: AbortSignal): Promise<OsvRecord[]> {
    const name = normalizeName(pin.name)
    const version = normalVersion(pin.version)
    const url = `${this.baseUrl}/pypi/${encodeURIComponent(name)}/${encodeURIComponent(version)}/json`
    const answer = await this.client.findJson(url, [404], signal)
    if (!answer.found) {
      const reason = `Dependency not found on PyPI and could not be audited: ${name} (${version})`
      this.logger.debug(reason)
      this.skips.set(skipKey(pin), reason)
      return []
    }
    this.skips.delete(skipKey(pin))
    return this.vulnerabilities(answer.value, name).flatMap(vuln => {
      if (vuln.withdrawn !== null) {
        this.logger.debug(`PyPI vuln entry '${vuln.id}' marked as withdrawn at ${vuln.withdrawn}`)
        return []
      }
      const malformed = vuln.fixedIn.find(fix => valid(fix) === null)
      if (malformed !== undefined) {
        this.fail(`${name} ${version}: ${vuln.id} has a fixed_in that is not a version`)
      }
      return [toOsvRecord(vuln, name)]
    })
  }

  /**
   * The release's list, checked; no `vulnerabilities` key means none for any version (as in
   * pip-audit). That reading is only safe for an answer that is the project's document: an
   * answer of 200 that is anything else (`{}`, another project's document, a captive portal's
   * JSON) would read as "no vulnerabilities", so it fails closed instead. Every document
   * Warehouse (and the mirrors that copy its JSON API) serves has an `info` object naming the
   * project.
   */
  private vulnerabilities(body: unknown, name: string): PypiVulnerability[] {
    if (!isObject(body)) this.fail(`${name}: answer is not an object`)
    const info = body.info
    if (!isObject(info) || typeof info.name !== 'string') {
      this.fail(`${name}: answer is not a project document (no info.name)`)
    }
    if (normalizeName(info.name) !== name) {
      this.fail(`${name}: answer is the document of another project (${excerpt(info.name)})`)
    }
    const list = body.vulnerabilities
    if (list === undefined || list === null) return []
    if (!Array.isArray(list)) this.fail(`${name}: vulnerabilities is not a list`)
    return list.map(entry => this.vulnerability(entry, name))
  }

  private vulnerability(entry: unknown, name: string): PypiVulnerability {
    if (!isObject(entry) || typeof entry.id !== 'string' || entry.id === '') {
      this.fail(`${name}: a vulnerability has no id`)
    }
    const id = entry.id
    const text = (field: string): string | null => {
      const value = entry[field]
      if (value === undefined || value === null) return null
      if (typeof value !== 'string') this.fail(`${name}: ${id}.${field} is not a string`)
      return value
    }
    const strings = (field: string): string[] => {
      const value = entry[field]
      if (value === undefined || value === null) return []
      if (!isStringList(value)) {
        this.fail(`${name}: ${id}.${field} is not a list of strings`)
      }
      return value as string[]
    }
    return {
      id,
      aliases: strings('aliases'),
      details: text('details'),
      summary: text('summary'),
      fixedIn: strings('fixed_in'),
      withdrawn: text('withdrawn'),
      link: text('link'),
      source: text('source'),
      published: text('published')
    }
  }

  private fail(detail: string): never {
    throw new FeedError(this.name, `malformed answer: ${detail}`)
  }
}

/**
 * The same facts as an OSV record for `name` (PEP 503 normalised): one ECOSYSTEM range that
 * opens at 0 and closes at each `fixed_in` version, so toVulnerability finds the fixes PyPI
 * listed. PyPI says nothing of when an entry changed: `modified` stays empty.
 */
export function toOsvRecord(vuln: PypiVulnerability, name: string): OsvRecord {
  return {
    id: vuln.id,
    modified: '',
    ...(vuln.published === null ? {} : { published: vuln.published }),
    ...(vuln.withdrawn === null ? {} : { withdrawn: vuln.withdrawn }),
    aliases: vuln.aliases,
    ...(vuln.summary === null ? {} : { summary: vuln.summary }),
    ...(vuln.details === null ? {} : { details: vuln.details }),
    affected: [
      {
        package: { ecosystem: 'PyPI', name },
        ranges: [
          {
            type: 'ECOSYSTEM',
            events: [{ introduced: '0' }, ...vuln.fixedIn.map(fixed => ({ fixed }))]
          }
        ]
      }
    ],
    ...(vuln.link === null ? {} : { references: [{ type: 'ADVISORY', url: vuln.link }] }),
    database_specific: { source: 'PyPI JSON API', ...(vuln.source ? { origin: vuln.source } : {}) }
  }
}
