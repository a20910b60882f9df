/**
 * The connection pool every HTTP client of this tool uses: keep-alive connections per origin,
 * through the proxy the environment names (HTTPS_PROXY, NO_PROXY), and, when asked, HTTP/2.
 *
 * With `allowH2`, TLS offers h2 beside http/1.1 (ALPN), and a connection that the server takes
 * as h2 carries up to `maxConcurrentStreams` requests at once: 200 project pages of PyPI go
 * out on one connection in one round trip instead of waiting four rounds on 50 of HTTP/1.1.
 * undici multiplexes only up to a client's `pipelining`, and would pipeline HTTP/1.1 just as
 * far, so each connection starts at 1 and is raised once ALPN says h2 (`Client` 'connect').
 * Until the first connection to an origin is up its protocol is unknown, and undici counts a
 * connecting client with a request waiting as busy, so a burst then opens a connection per
 * request (up to `connections`): a caller with many requests sends one, awaits
 * `ready(origin)`, then sends the rest (look-up.ts; a feed's first query does the same).
 */
import { createSecureContext, rootCertificates, type SecureContext } from 'node:tls'
import {
  Agent,
  Client,
  EnvHttpProxyAgent,
  Pool,
  type Dispatcher,
  type UndiciConnector
} from './undici-parts.js'

export type Protocol = 'h2' | 'http/1.1'

export interface ConnectionOptions {
  /** Open connections per origin at most; requests beyond what they carry wait. */
  connections: number
  /** Limit for opening a connection (TCP and TLS). */
  connectTimeoutMs: number
  /** Offer HTTP/2 over TLS; plain http:// stays HTTP/1.1. */
  allowH2?: boolean
  /**
   * Requests at once on one h2 connection, at most (default 256: 200 pins' project pages on
   * one connection). A server that allows fewer streams says so in its SETTINGS, and the rest
   * wait their turn on the same connection (nghttp2 queues them), as browsers do; requests
   * beyond this many open another connection.
   */
  maxConcurrentStreams?: number
  /**
   * Certificates to trust beside Node's own (PEM): a private index's CA, or the tests'. Child
   * processes take NODE_EXTRA_CA_CERTS instead. Certificate checks are never turned off.
   */
  extraCaCerts?: string | readonly string[]
  /** Where the proxy variables are read (the entry's environment); none, no proxy. */
  env?: NodeJS.ProcessEnv
}

export const DEFAULT_MAX_CONCURRENT_STREAMS = 256
/**
 * HTTP/2 flow-control windows, Chrome's: how much a server may send before the client
 * acknowledges it. undici's own (256 KiB a stream, 512 KiB the connection) let an answer
 * through one window per round trip: 8 MB over an 80 ms round trip took 2.7 s, 0.2-0.25 s with
 * these (the tests of it). A package with many advisories answers in MBs, a popular project's
 * index page too, and a run asks for 130 or 200 at once. Answers are read as they come and
 * capped (maxResponseBytes), so the windows hold no memory the answers do not take anyway.
 */
export const H2_STREAM_WINDOW = 6 * 1024 * 1024
export const H2_CONNECTION_WINDOW = 15 * 1024 * 1024

/** What a client needs of the pool: the dispatcher, and what each origin turned out to speak. */
export class Connections {
  readonly dispatcher: Dispatcher
  readonly streams: number
  /** The context of every TLS connection, when the pool trusts extra certificates. */
  readonly secureContext: SecureContext | undefined
  /** Whether requests go through a proxy (then only undici's connections carry them). */
  readonly proxied: boolean
  private readonly origins = new Map<string, OriginState>()

  constructor(options: ConnectionOptions) {
    const allowH2 = options.allowH2 ?? false
    this.streams = allowH2 ? (options.maxConcurrentStreams ?? DEFAULT_MAX_CONCURRENT_STREAMS) : 1
    // One context for every connection: given `ca`, TLS would parse every root certificate
    // again for each connection (~10 ms each).
    this.secureContext =
      options.extraCaCerts === undefined
        ? undefined
        : createSecureContext({ ca: trusted(options.extraCaCerts) })
    const trust = this.secureContext ? { secureContext: this.secureContext } : {}
    const tls = { ...trust, ...(allowH2 ? { allowH2 } : {}) }
    const poolOptions = {
      connections: options.connections,
      keepAliveTimeout: 4_000,
      connect: { timeout: options.connectTimeoutMs, ...trust },
      ...(allowH2
        ? {
            allowH2,
            maxConcurrentStreams: this.streams,
            initialWindowSize: H2_STREAM_WINDOW,
            connectionWindowSize: H2_CONNECTION_WINDOW
          }
        : {}),
      factory: (origin: string | URL, opts: object) => this.pool(origin, opts)
    }
    // Self-hosted runners often sit behind a proxy; honour the usual variables when set. The
    // proxy's tunnel makes its own TLS connection to the origin (requestTls): h2 and the CA
    // must be offered there too.
    const env = options.env ?? {}
    this.proxied = proxyConfigured(env)
    this.dispatcher = this.proxied
      ? new EnvHttpProxyAgent({ ...poolOptions, ...proxiesOf(env), requestTls: tls })
      : new Agent(poolOptions)
  }

  /** What the origin's connections speak, once one is up; undefined before. */
  protocolOf(origin: string): Protocol | undefined {
    return this.origins.get(new URL(origin).origin)?.protocol
  }

  /** Settles when the first connection to `origin` is up (or one failed to open). */
  ready(origin: string): Promise<void> {
    return this.state(new URL(origin).origin).ready
  }

  async close(): Promise<void> {
    await this.dispatcher.close()
  }

  private state(origin: string): OriginState {
    let state = this.origins.get(origin)
    if (!state) {
      let settle = () => {}
      const ready = new Promise<void>(resolve => (settle = resolve))
      state = { protocol: undefined, ready, settle }
      this.origins.set(origin, state)
    }
    return state
  }

  /** One origin's pool, whose clients learn their protocol as they connect. */
  private pool(origin: string | URL, opts: object): Dispatcher {
    const state = this.state(new URL(origin).origin)
    return new Pool(origin, {
      ...opts,
      factory: (url: URL, clientOpts: object) => this.client(url, clientOpts, state)
    })
  }

  private client(url: URL, opts: object, state: OriginState): Dispatcher {
    const { connect } = opts as { connect: UndiciConnector }
    let negotiated: Protocol = 'http/1.1'
    const client = new Client(url, {
      ...opts,
      pipelining: state.protocol === 'h2' ? this.streams : 1,
      connect: (params, callback) =>
        connect(params, (error, socket) => {
          if (socket) negotiated = alpnOf(socket)
          else state.settle()
          callback(error as Error, socket as never)
        })
    })
    client.on('connect', () => {
      state.protocol = negotiated
      const pipelining = negotiated === 'h2' ? this.streams : 1
      if (client.pipelining !== pipelining) client.pipelining = pipelining
      // Only once the pool has seen this client drain (undici tells it in a microtask) does
      // it hand the client more requests; a caller woken before would open new connections.
      queueMicrotask(state.settle)
    })
    return client
  }
}

interface OriginState {
  protocol: Protocol | undefined
  ready: Promise<void>
  settle: () => void
}

function alpnOf(socket: object): Protocol {
  return (socket as { alpnProtocol?: unknown }).alpnProtocol === 'h2' ? 'h2' : 'http/1.1'
}

/** Node's roots and the extra ones: TLS's `ca` option replaces the roots, it does not add. */
function trusted(extra: string | readonly string[]): string[] {
  return [...rootCertificates, ...(typeof extra === 'string' ? [extra] : extra)]
}

/** The proxy variables of `env` (lower case first, as curl reads them), for EnvHttpProxyAgent. */
function proxiesOf(env: NodeJS.ProcessEnv): Record<string, string> {
  const chosen = {
    httpProxy: env.http_proxy || env.HTTP_PROXY,
    httpsProxy: env.https_proxy || env.HTTPS_PROXY,
    noProxy: env.no_proxy ?? env.NO_PROXY
  }
  const given = Object.entries(chosen).filter(([, value]) => value !== undefined)
  return Object.fromEntries(given) as Record<string, string>
}

/** Whether `env` names a proxy; undici's EnvHttpProxyAgent then picks it (and NO_PROXY) up. */
export function proxyConfigured(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.HTTPS_PROXY || env.https_proxy || env.HTTP_PROXY || env.http_proxy)
}
