/**
 * Asking the package indexes about every audited name: one project page per name and index,
 * `index-url` (else PyPI) and every `extra-index-url`, at most `concurrency` requests in
 * flight. The page is read as PEP 691 JSON or PEP 503 HTML by what the server says it sent.
 * Any index that fails (after retries) fails the whole lookup with a FeedError naming it:
 * a check that could not ask never reads as healthy.
 */
import { mapWithLimit } from '../net/http.js'
import { normalizeProjectName } from './filenames.js'
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
   * Requests in flight at most (default 50, as uv downloads): a 200-pin run then waits about
   * four round trips, which the advisory lookup running beside it mostly covers.
   */
  concurrency?: number
  /** A client to reuse; otherwise one is made for the call and closed after it. */
  client?: IndexClient
  signal?: AbortSignal
}

/** One name to ask about, with the versions whose files the checks need. */
export interface HealthQuery {
  name: string
  versions: string[]
}

const DEFAULT_CONCURRENCY = 50

/** The names of `subjects`, each once, with every version pinned for it. */
export function healthQueries(subjects: readonly HealthSubject[]): HealthQuery[] {
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
    new IndexClient({ ...options, connections: options.connections ?? concurrency })
  try {
    const asks = queries.flatMap(query => indexes.map(index => ({ query, index })))
    const answers = await mapWithLimit(
      asks,
      concurrency,
      ({ query, index }, _position, signal) => askIndex(client, index, query, signal),
      options.signal
    )
    return queries.map((query, position) => ({
      name: query.name,
      answers: answers.slice(position * indexes.length, (position + 1) * indexes.length)
    }))
  } finally {
    if (!options.client) await client.close()
  }
}

async function askIndex(
  client: IndexClient,
  index: IndexLocation,
  query: HealthQuery,
  signal: AbortSignal
): Promise<IndexAnswer> {
  const read = (page: ProjectPage) => readProjectPage(page, query)
  const answer = await client.fetchProject(index, query.name, read, signal)
  if ('notModified' in answer) throw new Error('an unconditional request was answered 304')
  return answer.found
    ? { index: index.display, found: true, project: answer.value }
    : { index: index.display, found: false, httpStatus: answer.httpStatus }
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
