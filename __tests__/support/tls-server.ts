/**
 * A loopback HTTPS server, as PyPI and osv.dev are: HTTP/2 over TLS (with HTTP/1.1 for
 * clients that do not offer h2), or HTTP/1.1 only. Its certificate (fixtures/tls/, a test-only
 * key) is for 127.0.0.1 and localhost, signed by a test CA that clients trust explicitly:
 * `TEST_CA` for an in-process client's `extraCaCerts`, `TEST_CA_FILE` as NODE_EXTRA_CA_CERTS
 * for a child process. Nothing turns certificate checks off.
 *
 * It counts what a test of connection reuse needs: TLS connections by the protocol ALPN
 * chose, and requests (h2 streams) by protocol.
 */
import { readFileSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import {
  createSecureServer,
  type Http2SecureServer,
  type Http2ServerRequest,
  type Http2ServerResponse
} from 'node:http2'
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import type { TLSSocket } from 'node:tls'
import { TESTS_DIR } from './paths.js'

const TLS_DIR = path.join(TESTS_DIR, 'fixtures', 'tls')
export const TEST_CA_FILE = path.join(TLS_DIR, 'ca.pem')
export const TEST_CA = readFileSync(TEST_CA_FILE, 'utf8')
const KEY = readFileSync(path.join(TLS_DIR, 'key.pem'))
const CERT = readFileSync(path.join(TLS_DIR, 'cert.pem'))

export type TlsRequest = IncomingMessage | Http2ServerRequest
export type TlsResponse = ServerResponse | Http2ServerResponse
export type TlsHandler = (request: TlsRequest, response: TlsResponse) => void | Promise<void>

export interface TlsServerOptions {
  /** Offer h2 (ALPN h2, then http/1.1); false: HTTP/1.1 only. Default true. */
  http2?: boolean
  /** Every answer waits this long first, like a server far away. */
  latencyMs?: number
  /** h2's SETTINGS_MAX_CONCURRENT_STREAMS (Node's default: no limit to speak of). */
  maxConcurrentStreams?: number
}

export interface TlsCounts {
  /** TLS connections, by the protocol ALPN settled on. */
  connections: { h2: number; 'http/1.1': number }
  /** Requests, by the protocol they came over (an h2 request is a stream). */
  requests: { h2: number; 'http/1.1': number }
  /** The most requests in progress at once. */
  maxInFlight: number
  /** h2 requests (streams) each connection carried, in the order they first carried one. */
  streamsByConnection: number[]
}

export class TlsServer {
  readonly counts: TlsCounts = {
    connections: { h2: 0, 'http/1.1': 0 },
    requests: { h2: 0, 'http/1.1': 0 },
    maxInFlight: 0,
    streamsByConnection: []
  }
  private readonly connectionOf = new WeakMap<object, number>()
  private readonly server: Http2SecureServer | HttpsServer
  private readonly sockets = new Set<TLSSocket>()
  private inFlight = 0

  private constructor(handler: TlsHandler, options: TlsServerOptions) {
    const latency = options.latencyMs ?? 0
    const serve = (request: TlsRequest, response: TlsResponse): void => {
      this.counts.requests[request.httpVersion === '2.0' ? 'h2' : 'http/1.1']++
      if ('stream' in request) {
        const { session } = request.stream
        let at = session ? this.connectionOf.get(session) : undefined
        if (session && at === undefined) {
          at = this.counts.streamsByConnection.push(0) - 1
          this.connectionOf.set(session, at)
        }
        if (at !== undefined) this.counts.streamsByConnection[at]!++
      }
      this.counts.maxInFlight = Math.max(this.counts.maxInFlight, ++this.inFlight)
      response.on('close', () => this.inFlight--)
      const answer = (): void => {
        Promise.resolve(handler(request, response)).catch(() => {
          if (!response.headersSent) response.writeHead(500)
          response.end()
        })
      }
      if (latency > 0) setTimeout(answer, latency)
      else answer()
    }
    const tls = { key: KEY, cert: CERT }
    this.server =
      options.http2 === false
        ? createHttpsServer(tls, serve)
        : createSecureServer(
            {
              ...tls,
              allowHTTP1: true,
              ...(options.maxConcurrentStreams
                ? { settings: { maxConcurrentStreams: options.maxConcurrentStreams } }
                : {})
            },
            serve
          )
    this.server.on('secureConnection', (socket: TLSSocket) => {
      this.counts.connections[socket.alpnProtocol === 'h2' ? 'h2' : 'http/1.1']++
      this.sockets.add(socket)
      socket.on('close', () => this.sockets.delete(socket))
    })
  }

  static async start(handler: TlsHandler, options: TlsServerOptions = {}): Promise<TlsServer> {
    const server = new TlsServer(handler, options)
    await new Promise<void>(resolve => server.server.listen(0, '127.0.0.1', resolve))
    return server
  }

  /** `https://127.0.0.1:PORT`. */
  get origin(): string {
    return `https://127.0.0.1:${(this.server.address() as AddressInfo).port}`
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy()
    await new Promise<void>(resolve => this.server.close(() => resolve()))
  }
}

/** A JSON answer with its length. */
export function sendJson(
  response: TlsResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {}
): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body)
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers
  })
  response.end(text)
}
