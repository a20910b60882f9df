/**
 * Where license metadata comes from (input `license-source`):
 *
 * - installed environments and pip reports carry it already (Dependency.metadata);
 * - lockfile-only projects ask PyPI's JSON API, `GET {pypi-url}/pypi/{name}/{version}/json`,
 *   whose `info.license_expression`, `info.license` and `info.classifiers` are the release's
 *   core metadata, so pip-licenses' selection applies to them unchanged.
 *
 * `auto` uses the metadata a dependency has and PyPI for the rest, except in offline mode
 * (advisory-db set), where nothing is fetched and the rest stay UNKNOWN, with a note saying
 * so. `environment` never fetches; `pypi` fetches every package; `none` checks no licenses.
 * A PyPI that fails (after the client's retries) fails the run: FeedError naming PyPI. A
 * release PyPI does not have (404) is a definite answer: its license is UNKNOWN, noted.
 */
import { FeedError, InputError } from '../shared/errors.js'
import { excerpt } from '../shared/text.js'
import { JsonClient, mapWithLimit, type RetryOptions } from '../net/http.js'
import { silentLogger, type Logger } from '../shared/log.js'
import { normalizeName } from '../deps/names.js'
import type { PackageMetadata } from '../deps/types.js'
import type { LicenseSubjectInput } from './check.js'

export type LicenseSourceMode = 'auto' | 'environment' | 'pypi' | 'none'

const DEFAULT_CONCURRENCY = 8

export interface GatherLicenseOptions {
  mode: LicenseSourceMode
  /** PyPI's base URL (the pypi-url input), without a trailing slash. */
  pypiUrl: string
  /** Offline mode (an advisory-db is set): nothing may be fetched. */
  offline: boolean
  /** A client to reuse; otherwise one is made for the call and closed after it. */
  client?: JsonClient
  concurrency?: number
  retry?: RetryOptions
  /** Limit for the whole of one request, headers and body (the client's default: 60 s). */
  requestTimeoutMs?: number
  timeoutMs?: number
  logger?: Logger
  signal?: AbortSignal
  /** Where the proxy variables are read (the entry's environment); none, no proxy. */
  env?: NodeJS.ProcessEnv
}

export interface GatheredLicenses {
  /** False for `license-source: none`: no license check at all. */
  checked: boolean
  subjects: LicenseSubjectInput[]
  /** What the reader should know: packages whose license could not be looked up, and why. */
  notes: string[]
}

interface Named {
  name: string
  version: string
  metadata?: PackageMetadata
}

export async function gatherLicenseMetadata(
  dependencies: readonly Named[],
  options: GatherLicenseOptions
): Promise<GatheredLicenses> {
  if (options.mode === 'none') return { checked: false, subjects: [], notes: [] }
  if (options.mode === 'pypi' && options.offline) {
    throw new InputError(
      'license-source',
      "'pypi' needs the network, but advisory-db (offline mode) is set"
    )
  }
  const notes: string[] = []
  const fetchAll = options.mode === 'pypi'
  const withMetadata = fetchAll ? [] : dependencies.filter(dep => dep.metadata)
  const missing = fetchAll ? [...dependencies] : dependencies.filter(dep => !dep.metadata)
  const subjects: LicenseSubjectInput[] = withMetadata.map(dep => ({ ...dep, origin: 'metadata' }))
  if (missing.length === 0) return { checked: true, subjects, notes }

  if (options.mode === 'environment' || options.offline) {
    const why =
      options.mode === 'environment'
        ? 'license-source is environment'
        : 'PyPI is not asked in offline mode (advisory-db is set)'
    const [count, have, its] =
      missing.length === 1
        ? ['1 dependency', 'has', 'its']
        : [`${missing.length} dependencies`, 'have', 'their']
    notes.push(`${count} ${have} no license metadata and ${why}: ${its} license is UNKNOWN`)
    return { checked: true, subjects: [...subjects, ...missing.map(none)], notes }
  }
  const fetched = await fetchFromPypi(missing, options)
  for (const [index, dep] of missing.entries()) {
    const metadata = fetched[index]
    if (metadata) subjects.push({ name: dep.name, version: dep.version, metadata, origin: 'pypi' })
    else subjects.push(none(dep))
  }
  const absent = missing.filter((_, index) => !fetched[index])
  if (absent.length > 0) {
    const list = absent
      .slice(0, 10)
      .map(dep => excerpt(`${dep.name} ${dep.version}`))
      .join(', ')
    const more = absent.length > 10 ? ` and ${absent.length - 10} more` : ''
    notes.push(`not on PyPI, license UNKNOWN: ${list}${more}`)
  }
  return { checked: true, subjects, notes }
}

function none(dep: Named): LicenseSubjectInput {
  return { name: dep.name, version: dep.version, origin: 'none' }
}

/** Metadata per package, in order; undefined where PyPI has no such release. */
async function fetchFromPypi(
  packages: readonly Named[],
  options: GatherLicenseOptions
): Promise<Array<PackageMetadata | undefined>> {
  const base = options.pypiUrl.replace(/\/+$/, '')
  const feed = `PyPI JSON API (${base})`
  const client =
    options.client ??
    new JsonClient({
      feedName: feed,
      connections: options.concurrency ?? DEFAULT_CONCURRENCY,
      ...(options.retry ? { retry: options.retry } : {}),
      ...(options.requestTimeoutMs ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
      logger: options.logger ?? silentLogger,
      env: options.env
    })
  // One request per release, however many files declare it.
  const keys = [...new Set(packages.map(key))]
  try {
    const answers = await mapWithLimit(
      keys,
      options.concurrency ?? DEFAULT_CONCURRENCY,
      async (releaseKey, _index, signal) => {
        const [name, version] = releaseKey.split('\0') as [string, string]
        const url = pypiReleaseUrl(base, name, version)
        const answer = await client.findJson(url, [404], signal)
        return answer.found
          ? pypiMetadata(answer.value, feed, excerpt(`${name} ${version}`))
          : undefined
      },
      options.signal
    )
    const byKey = new Map(keys.map((releaseKey, index) => [releaseKey, answers[index]]))
    return packages.map(dep => byKey.get(key(dep)))
  } finally {
    if (!options.client) await client.close()
  }
}

function key(dep: Named): string {
  return `${normalizeName(dep.name)}\0${dep.version}`
}

/** PyPI's versioned JSON endpoint; the name is normalised because Warehouse redirects others. */
export function pypiReleaseUrl(base: string, name: string, version: string): string {
  return `${base}/pypi/${encodeURIComponent(normalizeName(name))}/${encodeURIComponent(version)}/json`
}

/** The license fields of a release's `info`, checked: a malformed answer fails closed. */
export function pypiMetadata(body: unknown, feed: string, what: string): PackageMetadata {
  const info = (body as { info?: unknown } | null)?.info
  if (typeof info !== 'object' || info === null) {
    throw new FeedError(feed, `${what}: the answer has no 'info' object`)
  }
  const fields = info as Record<string, unknown>
  const text = (field: string): string | undefined => {
    const value = fields[field]
    if (value === null || value === undefined) return undefined
    if (typeof value !== 'string')
      throw new FeedError(feed, `${what}: info.${field} is not a string`)
    return value
  }
  const classifiers = fields.classifiers ?? []
  if (!Array.isArray(classifiers) || classifiers.some(item => typeof item !== 'string')) {
    throw new FeedError(feed, `${what}: info.classifiers is not a list of strings`)
  }
  const metadata: PackageMetadata = { classifiers: classifiers as string[] }
  const license = text('license')
  const licenseExpression = text('license_expression')
  if (license !== undefined) metadata.license = license
  if (licenseExpression !== undefined) metadata.licenseExpression = licenseExpression
  return metadata
}
