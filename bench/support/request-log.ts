/**
 * What a client asked a stand-in OSV server on loopback, request by request: the pins each
 * /v1/querybatch and /v1/query named and the id each /v1/vulns/{id} fetched. Observed through
 * node:diagnostics_channel ('http.server.request.start'), so the server and its timing are
 * untouched. From the log: was every pin queried once, and every advisory's record sent once?
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel'
import type { IncomingMessage } from 'node:http'
import type { Socket } from 'node:net'
import { normalizeName } from '../../src/deps/names.js'
import type { Resolver } from './pypi-matcher.js'

export interface LoggedRequest {
  endpoint: 'querybatch' | 'query' | 'vulns' | 'other'
  /** `name==version` of each query in the body (normalized name). */
  pins: string[]
  /** The advisory a /v1/vulns/{id} asked for. */
  id?: string
}

export interface RequestSummary {
  requests: number
  querybatch: number
  /** Queries inside every querybatch request, and how many distinct pins they named. */
  pinQueries: number
  distinctPinQueries: number
  /** Requests that return full records: /v1/query and /v1/vulns/{id}. */
  detailRequests: number
  /** Full records sent (a /v1/query sends every record affecting its pin), and distinct ids. */
  recordsSent: number
  distinctRecords: number
  /** Records sent again only because /v1/query asked about two versions of one package. */
  resentForVersions: number
}

const CHANNEL = 'http.server.request.start'

export class RequestLog {
  readonly requests: LoggedRequest[] = []
  private readonly listener: (message: unknown) => void

  /** Starts logging requests to the server at `url` (http://127.0.0.1:port). */
  constructor(url: string) {
    const port = Number(new URL(url).port)
    this.listener = message => {
      const { request, socket } = message as { request: IncomingMessage; socket: Socket }
      if (socket.localPort === port) this.observe(request)
    }
    subscribe(CHANNEL, this.listener)
  }

  stop(): void {
    unsubscribe(CHANNEL, this.listener)
  }

  /** Counts over the log; `resolver` says which records a /v1/query's pin was sent. */
  summarize(resolver: Resolver): RequestSummary {
    const batched = this.requests.filter(r => r.endpoint === 'querybatch').flatMap(r => r.pins)
    // Per advisory id, the package each delivery was for ('' for /v1/vulns/{id}).
    const sent = new Map<string, string[]>()
    const deliver = (id: string, pkg: string) => sent.set(id, [...(sent.get(id) ?? []), pkg])
    for (const request of this.requests) {
      if (request.endpoint === 'vulns' && request.id !== undefined) deliver(request.id, '')
      if (request.endpoint !== 'query') continue
      for (const pin of request.pins) {
        const [name, version] = pin.split('==') as [string, string]
        for (const record of resolver(name, version)) deliver(record.id, name)
      }
    }
    const deliveries = [...sent.values()]
    const resent = deliveries.filter(
      packages => packages.length > 1 && packages.every(pkg => pkg !== '' && pkg === packages[0])
    )
    const count = (endpoint: LoggedRequest['endpoint']) =>
      this.requests.filter(r => r.endpoint === endpoint).length
    return {
      requests: this.requests.length,
      querybatch: count('querybatch'),
      pinQueries: batched.length,
      distinctPinQueries: new Set(batched).size,
      detailRequests: count('query') + count('vulns'),
      recordsSent: deliveries.reduce((sum, packages) => sum + packages.length, 0),
      distinctRecords: sent.size,
      resentForVersions: resent.reduce((sum, packages) => sum + packages.length - 1, 0)
    }
  }

  /** Reads the body alongside the server: its own reader sees every chunk as well. */
  private observe(request: IncomingMessage): void {
    const path = new URL(request.url ?? '/', 'http://x').pathname
    const entry: LoggedRequest = { endpoint: 'other', pins: [] }
    this.requests.push(entry)
    if (path.startsWith('/v1/vulns/')) {
      entry.endpoint = 'vulns'
      entry.id = decodeURIComponent(path.slice('/v1/vulns/'.length))
      return
    }
    if (path !== '/v1/querybatch' && path !== '/v1/query') return
    entry.endpoint = path === '/v1/query' ? 'query' : 'querybatch'
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as WireBody
      // A follow-up page of the same query is not a new question about the pin.
      const queries = (body.queries ?? [body]).filter(query => !query.page_token)
      entry.pins = queries.map(q => `${normalizeName(q.package?.name ?? '')}==${q.version}`)
    })
  }
}

interface WireQuery {
  package?: { name?: string }
  version?: string
  page_token?: string
}

interface WireBody extends WireQuery {
  queries?: WireQuery[]
}
