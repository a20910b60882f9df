/**
 * A loopback stand-in for the OSV API (https://google.github.io/osv.dev/api/) speaking its
 * JSON wire format, for tests and benchmarks: /v1/querybatch answers id + modified only,
 * /v1/query full records, /v1/vulns/{id} one record; errors come as {"code","message"} the
 * way the real service's gRPC gateway sends them. Faults and latency can be injected.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import type { OsvRecord } from '../../src/advisories/osv.js'
import { readBody, sendJson as send } from './loopback-server.js'

export type Resolver = (name: string, version: string) => OsvRecord[]

export type Endpoint = 'querybatch' | 'query' | 'vulns'

export type Fault =
  | { kind: 'status'; status: number; retryAfter?: string; body?: string }
  | { kind: 'reset' }
  | { kind: 'stall' }
  | { kind: 'truncate' }
  /**
   * One byte every `intervalMs`, forever: of a JSON body after the headers ('body'), or of
   * the headers themselves ('headers'). Each byte renews a timeout that is per read.
   */
  | ({ kind: 'drip' } & Drip)

export interface OsvServerOptions {
  /** Added before every response, to model a real network's round trip. */
  latencyMs?: number
  /** Vulns per page of a querybatch result (the real service pages large results too). */
  batchPageSize?: number
  /** Records per page of /v1/query. */
  queryPageSize?: number
  /** Looks records up for /v1/vulns/{id}; by default, any record the resolver returned. */
  byId?: (id: string) => OsvRecord | undefined
  /**
   * What /v1/query and /v1/vulns/{id} send for a record (querybatch lists its id and
   * modified as they are): by default the record itself. A test serves a malformed record
   * behind a well-formed listing this way.
   */
  serve?: (record: OsvRecord) => unknown
  /**
   * Every advisory of a package, for a /v1/query without a version (osv.dev answers it with
   * all of them). Without it such a query is refused with HTTP 400, as by a mirror that only
   * answers per version.
   */
  packageRecords?: (name: string) => OsvRecord[]
}

export const MAX_BATCH_QUERIES = 1000

interface WireQuery {
  package?: { name?: unknown; ecosystem?: unknown }
  version?: unknown
  page_token?: unknown
}

class HttpFailure extends Error {
  constructor(
    readonly status: number,
    readonly grpcCode: number,
    message: string
  ) {
    super(message)
  }
}

export class OsvServer {
  readonly counts: Record<Endpoint | 'other', number> = {
    querybatch: 0,
    query: 0,
    vulns: 0,
    other: 0
  }
  /** /v1/query requests without a version that were answered. */
  wholePackageQueries = 0
  /** Queries per /v1/querybatch request, in arrival order. */
  readonly batchSizes: number[] = []
  /** TCP connections accepted: shows whether clients reuse keep-alive connections. */
  connections = 0
  private readonly server: Server
  private readonly seen = new Map<string, OsvRecord>()
  private readonly faults: { fault: Fault; endpoint?: Endpoint }[] = []
  private readonly sockets = new Set<Socket>()
  private inFlight = 0
  /** Most requests this server was answering at the same time. */
  maxInFlight = 0

  constructor(
    private readonly resolver: Resolver,
    private readonly options: OsvServerOptions = {}
  ) {
    this.server = createServer((req, res) => void this.handle(req, res))
    this.server.on('connection', socket => {
      this.connections++
      this.sockets.add(socket)
      socket.on('close', () => this.sockets.delete(socket))
    })
  }

  /** Starts listening on 127.0.0.1 at a free port; resolves to the base URL. */
  async start(): Promise<string> {
    await new Promise<void>(resolve => this.server.listen(0, '127.0.0.1', resolve))
    const { port } = this.server.address() as AddressInfo
    return `http://127.0.0.1:${port}`
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy()
    await new Promise<void>(resolve => this.server.close(() => resolve()))
  }

  /** The next `count` requests (to `endpoint`, or any) meet `fault` instead of an answer. */
  failNext(count: number, fault: Fault, endpoint?: Endpoint): void {
    for (let i = 0; i < count; i++) this.faults.push({ fault, endpoint })
  }

  get totalRequests(): number {
    return Object.values(this.counts).reduce((sum, n) => sum + n, 0)
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const endpoint = endpointOf(req)
    this.counts[endpoint ?? 'other']++
    this.inFlight++
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight)
    res.on('close', () => this.inFlight--)
    const body = await readBody(req)
    if (this.options.latencyMs) await delay(this.options.latencyMs)
    const faultIndex = this.faults.findIndex(f => !f.endpoint || f.endpoint === endpoint)
    if (faultIndex >= 0) {
      const [{ fault }] = this.faults.splice(faultIndex, 1) as [{ fault: Fault }]
      return this.inject(fault, req, res)
    }
    try {
      const answer = this.answer(req, endpoint, body)
      send(res, 200, JSON.stringify(answer))
    } catch (error) {
      const failure = error instanceof HttpFailure ? error : new HttpFailure(500, 13, 'Internal.')
      send(
        res,
        failure.status,
        JSON.stringify({ code: failure.grpcCode, message: failure.message })
      )
    }
  }

  private answer(req: IncomingMessage, endpoint: Endpoint | undefined, body: string): unknown {
    if (endpoint === 'querybatch' && req.method === 'POST') {
      const queries = (parseJson(body) as { queries?: unknown }).queries
      if (!Array.isArray(queries)) throw new HttpFailure(400, 3, 'Invalid query.')
      this.batchSizes.push(queries.length)
      if (queries.length > MAX_BATCH_QUERIES) throw new HttpFailure(400, 3, 'Too many queries.')
      const pageSize = this.options.batchPageSize ?? Infinity
      const results = queries.map((query: WireQuery) => {
        const { page, next } = this.page(query, pageSize)
        const vulns = page.map(record => ({ id: record.id, modified: record.modified }))
        return omitEmpty({ vulns, next_page_token: next })
      })
      return { results }
    }
    if (endpoint === 'query' && req.method === 'POST') {
      const { page, next } = this.page(parseJson(body), this.options.queryPageSize ?? Infinity)
      return omitEmpty({ vulns: page.map(record => this.served(record)), next_page_token: next })
    }
    if (endpoint === 'vulns' && req.method === 'GET') {
      const id = decodeURIComponent(new URL(req.url ?? '', 'http://x').pathname.slice(10))
      const record = this.options.byId ? this.options.byId(id) : this.seen.get(id)
      if (!record) throw new HttpFailure(404, 5, 'Bug not found.')
      return this.served(record)
    }
    throw new HttpFailure(404, 5, 'Method does not exist.')
  }

  private served(record: OsvRecord): unknown {
    return this.options.serve ? this.options.serve(record) : record
  }

  /** One page of a query's matches; the token is an offset, opaque to clients. */
  private page(query: WireQuery, pageSize: number): { page: OsvRecord[]; next?: string } {
    const name = query.package?.name
    const version = query.version
    const wholePackage = version === undefined && this.options.packageRecords !== undefined
    if (typeof name !== 'string' || !query.package?.ecosystem) {
      throw new HttpFailure(400, 3, 'Invalid query.')
    }
    if (typeof version !== 'string' && !wholePackage)
      throw new HttpFailure(400, 3, 'Invalid query.')
    let offset = 0
    if (query.page_token !== undefined && query.page_token !== '') {
      offset = Number(Buffer.from(String(query.page_token), 'base64url').toString())
      if (!Number.isInteger(offset) || offset <= 0) {
        throw new HttpFailure(400, 3, 'Invalid page token.')
      }
    }
    if (wholePackage && offset === 0) this.wholePackageQueries++
    const all =
      query.package.ecosystem !== 'PyPI'
        ? []
        : typeof version === 'string'
          ? this.resolver(name, version)
          : this.options.packageRecords!(name)
    for (const record of all) this.seen.set(record.id, record)
    const end = offset + pageSize
    const next = end < all.length ? Buffer.from(String(end)).toString('base64url') : undefined
    return { page: all.slice(offset, end), next }
  }

  private inject(fault: Fault, req: IncomingMessage, res: ServerResponse): void {
    switch (fault.kind) {
      case 'status': {
        const headers: Record<string, string> =
          fault.retryAfter === undefined ? {} : { 'retry-after': fault.retryAfter }
        const body = fault.body ?? JSON.stringify({ code: 14, message: 'The service is busy.' })
        send(res, fault.status, body, headers)
        return
      }
      case 'reset':
        req.socket.resetAndDestroy()
        return
      case 'stall':
        return // never answers; close() ends the connection
      case 'truncate': {
        const full = JSON.stringify({ results: [{ vulns: [{ id: 'PYSEC-0000-0' }] }] })
        send(res, 200, full.slice(0, Math.floor(full.length / 2)))
        return
      }
      case 'drip':
        return dripForever(fault, req, res)
    }
  }
}

export interface Drip {
  intervalMs: number
  phase?: 'headers' | 'body'
}

/**
 * An answer that never ends, one byte every `intervalMs`: close() destroys the socket, which
 * stops the timer. Shared with the PyPI stand-in.
 */
export function dripForever(fault: Drip, req: IncomingMessage, res: ServerResponse): void {
  const socket = req.socket
  let write: () => void
  if (fault.phase === 'headers') {
    // Written on the socket itself: a header line that never ends.
    socket.write('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nx-drip: ')
    write = () => socket.write('a')
  } else {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': 1_000_000 })
    res.write('[')
    write = () => res.write(' ')
  }
  const timer = setInterval(write, fault.intervalMs)
  socket.on('close', () => clearInterval(timer))
}

function endpointOf(req: IncomingMessage): Endpoint | undefined {
  const path = new URL(req.url ?? '/', 'http://x').pathname
  if (path === '/v1/querybatch') return 'querybatch'
  if (path === '/v1/query') return 'query'
  if (path.startsWith('/v1/vulns/') && path.length > 10) return 'vulns'
  return undefined
}

function parseJson(body: string): WireQuery {
  try {
    const value: unknown = JSON.parse(body)
    if (value && typeof value === 'object') return value as WireQuery
  } catch {
    // answered below like the real gateway
  }
  throw new HttpFailure(400, 3, 'Invalid JSON payload received.')
}

/** The real service omits empty fields (proto3 JSON): no vulns means `{}`. */
function omitEmpty(result: { vulns: unknown[]; next_page_token?: string }): object {
  const out: Record<string, unknown> = {}
  if (result.vulns.length > 0) out.vulns = result.vulns
  if (result.next_page_token) out.next_page_token = result.next_page_token
  return out
}

function delay(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms))
}
