/**
 * Asking the package indexes about every audited name: one project page per name and index,
 * `index-url` (else PyPI) and every `extra-index-url`. The page is read as PEP 691 JSON or
 * PEP 503 HTML by what the server says it sent. Any index that fails (after retries) fails the
 * whole lookup with a FeedError naming it: a check that could not ask never reads as healthy.
 *
 * Speed: a 200-pin run must not wait longer for the indexes than for the advisory lookup
 * beside it. PyPI speaks HTTP/2, so the client offers it (on its own h2 session, index-http.ts),
 * and each index gets one request first; once its connection is up, the rest go out on it, a
 * group per turn (up to DEFAULT_MULTIPLEXED_CONCURRENCY in flight: one round trip for 200 pins).
 * A server usually lets one h2 connection carry 100 requests at once, so a lookup of more
 * opens a second beside the first (h2-direct.ts), which takes what the first cannot. An index
 * that speaks only HTTP/1.1 gets `concurrency` requests in flight on as many connections (50,
 * as uv downloads: four round trips for 200 pins), never pipelined. With a `cacheDir`, the answers
 * of the last run are asked again conditionally and a 304 reuses them (index-cache.ts).
 */
import { mapWithLimit } from '../net/http.js'
import { normalizeProjectName } from './filenames.js'
import { IndexCache } from './index-cache.js'
import { IndexClient, type IndexClientOptions, type ProjectPage } from './index-http.js'
import { indexLocations, type IndexLocation } from './index-url.js'
import { parseHtmlProjectPage } from './page-html.js'
import { parseJsonProjectPage } from './page-json.js'
import type { HealthSubject, IndexAnswer, IndexLookup, ProjectFacts } from './types.js'

export interface IndexLookupOptions extends IndexClientOptions {
  /** The `index-url`; PyPI's simple index when unset. */
  indexUrl?: string
  /** The `extra-index-url` entries, asked as well. */
  extraIndexUrls?: readonly string[]
  /**
   * Requests in flight per index over HTTP/1.1, and connections to it, at most (default 50,
   * as uv downloads): a 200-pin run then waits about four round trips.
   */
  concurrency?: number
  /** Requests in flight per index over HTTP/2, all on one connection (default 256). */
  multiplexedConcurrency?: number
  /** A client to reuse; otherwise one is made for the call and closed after it. */
  client?: IndexClient
  /**
   * The cache directory (the advisory cache's): answers are kept there and revalidated on
   * the next run. None, or a cache given as `cache`: nothing is read or written here.
   */
  cacheDir?: string
  /** A cache to use (and save) instead of one in `cacheDir`. */
  cache?: IndexCache
  signal?: AbortSignal
  /** Called once the first requests to every index are all out (or failed to go). */
  whenAsked?: () => void
  /**
   * Called when the lookup wrote its cache (`cacheDir`, or `cache`): whatever keeps the
   * directory between runs has something new to keep, even if the advisory cache has not.
   */
  whenCacheWritten?: () => void
}

/** One name to ask about, with the versions whose files the checks need. */
export interface HealthQuery {
  name: string
  versions: string[]
}

const DEFAULT_CONCURRENCY = 50
/**
 * Requests started per turn of the event loop: a group's frames go out before the next group
 * is built, so the first pages come back, and are read, while the last are still awaited
 * (200 started at once went out together ~17 ms later, and came back together). Groups of 16
 * gave up as much in a warm run, where other work takes each turn between two groups; 48
 * kept the gain of the cold run and cost the warm one nothing.
 */
const REQUESTS_PER_TURN = 48
export const DEFAULT_MULTIPLEXED_CONCURRENCY = 256

/** The names of `subjects`, each once, with every version pinned for it. */
export function healthQueries(
  subjects: readonly Pick<HealthSubject, 'name' | 'version'>[]
): HealthQuery[] {
  const byName = new Map<string, Set<string>>()
  for (const subject of subjects) {
    const name = normalizeProjectName(subject.name)
    let versions = byName.get(name)
    if (!versions) byName.set(name, (versions = new Set()))
    versions.add(subject.version)
  }
  return [...byName].map(([name, versions]) => ({ name, versions: [...versions] }))
}

/** Every index's answer for every query, in the order of `queries`. */
export async function lookUpPackageIndexes(
  queries: readonly HealthQuery[],
  options: IndexLookupOptions = {}
): Promise<IndexLookup[]> {
  const indexes = indexLocations(options.indexUrl, options.extraIndexUrls)
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY
  const client =
    options.client ??
    new IndexClient({
      allowH2: true,
      ...options,
      connections: options.connections ?? concurrency
    })
  const cache =
    options.cache ??
    (options.cacheDir === undefined
      ? undefined
      : new IndexCache(options.cacheDir, options.logger ? { logger: options.logger } : {}))
  const asker: Asker = { client, ...(cache ? { cache } : {}) }
  // The first failure aborts every other request, of every index.
  const controller = new AbortController()
  const signal = options.signal
    ? AbortSignal.any([options.signal, controller.signal])
    : controller.signal
  const failFast = <T>(promise: Promise<T>): Promise<T> =>
    promise.catch((error: unknown) => {
      controller.abort(error)
      throw error
    })
  const limits = {
    plain: concurrency,
    multiplexed: options.multiplexedConcurrency ?? DEFAULT_MULTIPLEXED_CONCURRENCY
  }
  let unsent = indexes.length
  const sent = (): void => {
    if (--unsent === 0) options.whenAsked?.()
  }
  try {
    const byIndex = await Promise.all(
      indexes.map(index => failFast(askIndex(asker, index, queries, limits, signal, once(sent))))
    )
    if (cache) {
      if (cache.save()) options.whenCacheWritten?.()
      options.logger?.debug(`Index cache ${cache.file}: ${JSON.stringify(cache.stats)}`)
    }
    return queries.map((query, position) => ({
      name: query.name,
      answers: byIndex.map(answers => answers[position]!)
    }))
  } finally {
    if (!options.client) await client.close()
  }
}

interface Asker {
  client: IndexClient
  cache?: IndexCache
}

/**
 * Every query of one index: the first alone until its connection is up (then the protocol is
 * known), the rest as many at once as the protocol carries, started a group per turn.
 */
async function askIndex(
  asker: Asker,
  index: IndexLocation,
  queries: readonly HealthQuery[],
  limits: { plain: number; multiplexed: number },
  signal: AbortSignal,
  sent: () => void
): Promise<IndexAnswer[]> {
  const [first, ...rest] = queries
  try {
    if (first === undefined) return []
    asker.client.prepare(index, queries.length)
    const firstAnswer = askProject(asker, index, first, signal)
    const settled = firstAnswer.then(
      () => undefined,
      () => undefined
    )
    await Promise.race([asker.client.ready(index), settled])
    const limit = asker.client.multiplexed(index) ? limits.multiplexed : limits.plain
    const others = mapWithLimit(
      rest,
      limit,
      (query, _position, inner) => askProject(asker, index, query, inner),
      signal,
      { perTurn: REQUESTS_PER_TURN, onStarted: sent }
    )
    const [answer, answers] = await Promise.all([firstAnswer, others])
    return [answer, ...answers]
  } finally {
    sent()
  }
}

function once(call: () => void): () => void {
  let called = false
  return () => {
    if (called) return
    called = true
    call()
  }
}

/** One project page, conditionally when the cache keeps an answer that covers the query. */
async function askProject(
  { client, cache }: Asker,
  index: IndexLocation,
  query: HealthQuery,
  signal: AbortSignal
): Promise<IndexAnswer> {
  const key = index.display
  const kept = cache?.get(key, query.name, query.versions)
  // A page read afresh is read for the versions kept before too, so the entry keeps them.
  const asked = kept ? kept.asked : union(query.versions, cache?.askedBefore(key, query.name) ?? [])
  const read = (page: ProjectPage) => readProjectPage(page, { name: query.name, versions: asked })
  const answer = await client.fetchProject(index, query.name, read, signal, kept?.validators)
  if ('notModified' in answer) {
    cache!.confirmed(key, query.name)
    return { index: key, found: true, project: kept!.facts }
  }
  if (!answer.found) {
    cache?.forget(key, query.name)
    return { index: key, found: false, httpStatus: answer.httpStatus }
  }
  cache?.store(key, query.name, asked, answer.validators, answer.value)
  return { index: key, found: true, project: answer.value }
}

function union(first: readonly string[], second: readonly string[]): string[] {
  return [...new Set([...first, ...second])]
}

/** By the content type the server gave; a page labelled as neither is sniffed. */
export function readProjectPage(page: ProjectPage, query: HealthQuery): ProjectFacts {
  const type = page.contentType.toLowerCase()
  const json =
    type.includes('json') || (!type.includes('html') && page.body.trimStart().startsWith('{'))
  return json
    ? parseJsonProjectPage(page.body, query.name, query.versions)
    : parseHtmlProjectPage(page.body, query.name, query.versions)
}
