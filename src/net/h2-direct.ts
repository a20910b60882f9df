/**
 * Requests over HTTP/2 on Node's own client session (node:http2), for a package index's 200
 * project pages at once. undici's HTTP/2 client is built on the same session and adds, per
 * request, its own request object, queue and handler calls: on 200 small pages, a third of
 * the client's CPU for them, and the run's critical path. The answer is collect()'s
 * (collect.ts): status, headers, the body's bytes as sent (none when `keepBody` does not want
 * them), under one deadline for the whole request.
 *
 * One session per origin, opened by the first request (or `open`) with ALPN h2 only; more, up to
 * MAX_SESSIONS_PER_ORIGIN, when the caller says it will ask more at once than one session is
 * likely to carry (`open(origin, sessions)`). A server caps the streams a session carries at
 * once (SETTINGS_MAX_CONCURRENT_STREAMS; 100 is the common default, RFC 9113 recommends no
 * less): 200 requests on one session of 100 wait a second round trip, while two sessions opened
 * together, their handshakes in parallel, carry all 200 in one. A request takes the first
 * session with a stream to spare (one still opening counts as carrying 100): a server that
 * allows them all gets them all on one.
 *
 * An origin none of whose sessions could be opened (no h2 there, or TLS or the network failed)
 * is `unavailable` for the rest of the run: its requests fail with DirectUnavailableError,
 * which tells the caller to use its other connections (undici's, which also speak HTTP/1.1).
 * An extra session that fails to open is dropped, and its requests take another. A session
 * that fails or goes away after it was up is forgotten, and the streams on it fail as a dropped
 * connection does (ERR_HTTP2_STREAM_ERROR: retried by the caller's loop); the next request
 * opens a new one. Certificates are checked as everywhere (the pool's trust).
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

/** Sessions to one origin at most. */
export const MAX_SESSIONS_PER_ORIGIN = 4
/** Streams a session is taken to carry before its server's SETTINGS say: the usual default. */
export const ASSUMED_STREAM_LIMIT = 100

/** Sessions enough to carry `requests` at once, at ASSUMED_STREAM_LIMIT each. */
export function sessionsFor(requests: number): number {
  return Math.min(MAX_SESSIONS_PER_ORIGIN, Math.max(1, Math.ceil(requests / ASSUMED_STREAM_LIMIT)))
}

export class DirectH2 {
  /** Each origin's live sessions, the first opened first. */
  private readonly pools = new Map<string, OriginSession[]>()
  private readonly unavailable = new Map<string, unknown>()
  /** One abort listener per signal, for all the requests under it (200 listeners cost O(n²)). */
  private readonly aborters = new WeakMap<AbortSignal, Set<(reason: unknown) => void>>()

  constructor(private readonly options: DirectH2Options) {}

  /**
   * Opens sessions to the origin until it has `sessions` (at most MAX_SESSIONS_PER_ORIGIN);
   * settles with what its first came to.
   */
  open(origin: string, sessions = 1): Promise<SessionState> {
    if (this.unavailable.has(origin)) return Promise.resolve('unavailable')
    const pool = this.poolOf(origin)
    const wanted = Math.min(sessions, MAX_SESSIONS_PER_ORIGIN)
    while (pool.length < wanted) this.openSession(origin, pool)
    return pool[0]!.opened
  }

  /** Whether the origin has a session up: undefined while it opens or before it is tried. */
  state(origin: string): SessionState | undefined {
    if (this.unavailable.has(origin)) return 'unavailable'
    return this.pools.get(origin)?.some(entry => entry.up) ? 'h2' : undefined
  }

  /** `url` asked with GET; rejects with DirectUnavailableError when the origin has no h2. */
  async collect(url: URL, request: DirectRequest): Promise<Collected> {
    const { origin } = url
    for (;;) {
      if (this.unavailable.has(origin)) {
        throw new DirectUnavailableError(origin, this.unavailable.get(origin))
      }
      const entry = this.pick(origin)
      entry.assigned++
      try {
        // An extra session that could not open is dropped: the request takes another.
        if ((await entry.opened) === 'unavailable') continue
        return await this.stream(entry, url, request)
      } finally {
        entry.assigned--
      }
    }
  }

  /** Ends every session: at once (`destroy`), or once their streams are done. */
  close(destroy = false): void {
    for (const pool of this.pools.values()) {
      for (const { session } of pool) {
        if (destroy) session.destroy()
        else session.close()
      }
    }
    this.pools.clear()
  }

  /** The origin's live sessions; its first is opened when it has none. */
  private poolOf(origin: string): OriginSession[] {
    let pool = this.pools.get(origin)
    if (pool === undefined) this.pools.set(origin, (pool = []))
    if (pool.length === 0) this.openSession(origin, pool)
    return pool
  }

  /**
   * The first session up with a stream to spare (one session carries all it can, as HTTP/2
   * means); else the first still opening with room, counting ASSUMED_STREAM_LIMIT for it; else
   * the one with the fewest requests beyond its limit (they wait their turn there).
   */
  private pick(origin: string): OriginSession {
    const pool = this.poolOf(origin)
    for (const entry of pool) if (entry.up && spareOf(entry) > 0) return entry
    for (const entry of pool) if (!entry.up && spareOf(entry) > 0) return entry
    let best = pool[0]!
    for (const entry of pool) if (spareOf(entry) > spareOf(best)) best = entry
    return best
  }

  private openSession(origin: string, pool: OriginSession[]): OriginSession {
    const session = connect(origin, {
      ...(this.options.secureContext ? { secureContext: this.options.secureContext } : {}),
      settings: { enablePush: false, initialWindowSize: H2_STREAM_WINDOW }
    })
    let settle: (state: SessionState) => void = () => {}
    const opened = new Promise<SessionState>(resolve => (settle = resolve))
    const entry: OriginSession = { session, opened, up: false, active: 0, waiting: [], assigned: 0 }
    const timer = setTimeout(() => {
      session.destroy(
        Object.assign(new Error('connecting took too long'), { code: 'UND_ERR_CONNECT_TIMEOUT' })
      )
    }, this.options.connectTimeoutMs)
    // Up once the server's SETTINGS are in: its stream limit is known before a burst.
    session.once('remoteSettings', () => {
      entry.up = true
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
      const at = pool.indexOf(entry)
      if (at !== -1) pool.splice(at, 1)
      if (!entry.up) {
        // Never up, and no other session of the origin up or opening: it is asked another way
        // for the rest of the run. The error, when one comes, says why (it may come after the
        // close).
        if (pool.length === 0 && (error !== undefined || !this.unavailable.has(origin))) {
          this.unavailable.set(origin, error ?? new Error('the session closed before it was up'))
        }
        settle('unavailable')
      }
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
    pool.push(entry)
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

/** Streams the session can take on: its server's limit (or the assumed one) less its load. */
function spareOf(entry: OriginSession): number {
  const limit = entry.up
    ? (entry.session.remoteSettings?.maxConcurrentStreams ?? Infinity)
    : ASSUMED_STREAM_LIMIT
  return limit - entry.assigned
}
