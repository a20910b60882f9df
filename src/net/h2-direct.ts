/**
 * Requests over HTTP/2 on Node's own client session (node:http2), for a package index's 200
 * project pages at once. undici's HTTP/2 client is built on the same session and adds, per
 * request, its own request object, queue and handler calls: on 200 small pages, a third of
 * the client's CPU for them, and the run's critical path. The answer is collect()'s
 * (collect.ts): status, headers, the body as UTF-8 text (or '' when `keepBody` does not want
 * it), under one deadline for the whole request.
 *
 * One session per origin, opened by the first request (or `open`) with ALPN h2 only. An origin
 * whose session could not be opened (no h2 there, or TLS or the network failed) is
 * `unavailable` for the rest of the run: its requests fail with DirectUnavailableError, which
 * tells the caller to use its other connections (undici's, which also speak HTTP/1.1). A
 * session that fails or goes away after it was up is forgotten, and the streams on it fail as
 * a dropped connection does (ERR_HTTP2_STREAM_ERROR: retried by the caller's loop); the next
 * request opens a new one. Certificates are checked as everywhere (the pool's trust).
 */
import { connect } from 'node:http2'
import type { SecureContext } from 'node:tls'
import type { CollectOptions, Collected } from './collect.js'
import { H2_CONNECTION_WINDOW, H2_STREAM_WINDOW } from './connections.js'
import { requestOn, type OriginSession } from './h2-request.js'

export interface DirectH2Options {
  /** Limit for opening a session (TCP and TLS). */
  connectTimeoutMs: number
  /** Limit for each wait for the answer's headers or its next data; 0: none. */
  readTimeoutMs?: number
  /** The pool's trust (its extra CA certificates), when it has its own. */
  secureContext?: SecureContext
}

export type DirectRequest = Pick<
  CollectOptions,
  'signal' | 'deadlineAt' | 'maxResponseBytes' | 'keepBody'
> & { headers: Record<string, string> }

/** The origin has no usable h2 session (see the module's comment): ask it another way. */
export class DirectUnavailableError extends Error {
  override readonly name = 'DirectUnavailableError'
  constructor(
    readonly origin: string,
    readonly reason: unknown
  ) {
    super(`no HTTP/2 session to ${origin}`)
  }
}

/** What an origin's session came to: up (h2), or not to be had. */
export type SessionState = 'h2' | 'unavailable'

export class DirectH2 {
  private readonly sessions = new Map<string, OriginSession>()
  private readonly unavailable = new Map<string, unknown>()
  /** One abort listener per signal, for all the requests under it (200 listeners cost O(n²)). */
  private readonly aborters = new WeakMap<AbortSignal, Set<(reason: unknown) => void>>()

  constructor(private readonly options: DirectH2Options) {}

  /** Opens the origin's session if none is open; settles with what it came to. */
  open(origin: string): Promise<SessionState> {
    if (this.unavailable.has(origin)) return Promise.resolve('unavailable')
    return this.sessionOf(origin).opened
  }

  /** Whether the origin's session is up: undefined while it opens or before it is tried. */
  state(origin: string): SessionState | undefined {
    if (this.unavailable.has(origin)) return 'unavailable'
    const open = this.sessions.get(origin)
    return open && !open.session.connecting ? 'h2' : undefined
  }

  /** `url` asked with GET; rejects with DirectUnavailableError when the origin has no h2. */
  async collect(url: URL, request: DirectRequest): Promise<Collected> {
    const { origin } = url
    const entry = this.sessionOfKnown(origin)
    if ((await entry.opened) === 'unavailable') {
      throw new DirectUnavailableError(origin, this.unavailable.get(origin))
    }
    return this.stream(entry, url, request)
  }

  /** Ends every session: at once (`destroy`), or once their streams are done. */
  close(destroy = false): void {
    for (const { session } of this.sessions.values()) {
      if (destroy) session.destroy()
      else session.close()
    }
    this.sessions.clear()
  }

  private sessionOfKnown(origin: string): OriginSession {
    if (this.unavailable.has(origin)) {
      throw new DirectUnavailableError(origin, this.unavailable.get(origin))
    }
    return this.sessionOf(origin)
  }

  private sessionOf(origin: string): OriginSession {
    const open = this.sessions.get(origin)
    if (open !== undefined && !open.session.closed && !open.session.destroyed) return open
    const session = connect(origin, {
      ...(this.options.secureContext ? { secureContext: this.options.secureContext } : {}),
      settings: { enablePush: false, initialWindowSize: H2_STREAM_WINDOW }
    })
    let settle: (state: SessionState) => void = () => {}
    const opened = new Promise<SessionState>(resolve => (settle = resolve))
    const entry: OriginSession = { session, opened, active: 0, waiting: [] }
    const timer = setTimeout(() => {
      session.destroy(
        Object.assign(new Error('connecting took too long'), { code: 'UND_ERR_CONNECT_TIMEOUT' })
      )
    }, this.options.connectTimeoutMs)
    let up = false
    // Up once the server's SETTINGS are in: its stream limit is known before a burst.
    session.once('remoteSettings', () => {
      up = true
      clearTimeout(timer)
      try {
        session.setLocalWindowSize(H2_CONNECTION_WINDOW)
      } catch {
        // Best effort: Node's default window only slows large pages.
      }
      settle('h2')
    })
    const forget = (error?: unknown): void => {
      clearTimeout(timer)
      if (!up) {
        // Never up: this origin is asked another way for the rest of the run. The error, when
        // one comes, says why (it may come after the close).
        if (error !== undefined || !this.unavailable.has(origin)) {
          this.unavailable.set(origin, error ?? new Error('the session closed before it was up'))
        }
        settle('unavailable')
      }
      if (this.sessions.get(origin)?.session === session) this.sessions.delete(origin)
      // Requests waiting for a stream of it fail now (and are retried on a new session).
      if (session.closed || session.destroyed) {
        for (const next of entry.waiting.splice(0)) next()
      }
    }
    // A session's error reaches its streams too (each fails, and is retried): here the
    // session is only forgotten, so that the next request opens a new one.
    session.on('error', forget)
    session.on('goaway', () => forget())
    session.on('close', () => forget())
    this.sessions.set(origin, entry)
    return entry
  }

  private stream(entry: OriginSession, url: URL, request: DirectRequest): Promise<Collected> {
    const aborts = request.signal ? this.abortsOf(request.signal) : undefined
    return requestOn(entry, url, request, aborts, this.options.readTimeoutMs ?? 0)
  }

  private abortsOf(signal: AbortSignal): Set<(reason: unknown) => void> {
    let aborts = this.aborters.get(signal)
    if (aborts === undefined) {
      const all = new Set<(reason: unknown) => void>()
      aborts = all
      this.aborters.set(signal, all)
      signal.addEventListener(
        'abort',
        () => {
          for (const abort of [...all]) abort(signal.reason)
        },
        { once: true }
      )
    }
    return aborts
  }
}
