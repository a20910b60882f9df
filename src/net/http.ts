/**
 * JSON over HTTP for advisory feeds: one keep-alive connection pool per client (HTTP/2 when
 * `allowH2` and the server agree), a deadline for the whole of each request, and retries with
 * exponential backoff and full jitter for the failures that are usually transient (429, 5xx,
 * dropped connections, timeouts, a truncated body): retry.ts. When a request finally fails it
 * throws FeedError naming the feed: a feed never answers "nothing".
 */
import { setMaxListeners } from 'node:events'
import {
  readCapped,
  oneLine,
  setUpClient,
  underDeadline,
  type HttpClientOptions
} from './client-setup.js'
import type { Connections } from './connections.js'
import { failed, parseRetryAfter, withRetries, type Attempt, type RetryLoop } from './retry.js'
import { request } from './undici-parts.js'
import { FeedError } from '../shared/errors.js'

export {
  DEFAULT_REQUEST_TIMEOUT_MS,
  RequestDeadline,
  describeNetworkError,
  formatSeconds,
  readCapped
} from './client-setup.js'
export { proxyConfigured } from './connections.js'
export {
  DEFAULT_RETRY,
  backoffDelay,
  parseRetryAfter,
  type Failure,
  type RetryOptions
} from './retry.js'

export interface JsonClientOptions extends HttpClientOptions {
  /** Named in every FeedError, e.g. "OSV API (https://api.osv.dev)". */
  feedName: string
}

/** A GET that may meet "no such resource": either the JSON, or the status that said so. */
export type Found = { found: true; value: unknown } | { found: false; status: number }

export class JsonClient {
  private readonly requestTimeoutMs: number
  /** undici's per-read timeouts; 0 turns them off. */
  private readonly readTimeoutMs: number
  private readonly maxResponseBytes: number
  private readonly connections: Connections
  private readonly loop: RetryLoop

  constructor(options: JsonClientOptions) {
    const setup = setUpClient(options)
    this.requestTimeoutMs = setup.requestTimeoutMs
    this.readTimeoutMs = setup.readTimeoutMs
    this.maxResponseBytes = setup.maxResponseBytes
    this.connections = setup.connections
    const { feedName } = options
    this.loop = {
      retry: setup.retry,
      logger: setup.logger,
      source: feedName,
      fail: message => new FeedError(feedName, message)
    }
  }

  postJson(url: string, body: unknown, signal?: AbortSignal): Promise<unknown> {
    return this.send('POST', url, JSON.stringify(body), signal)
  }

  /** postJson with the `absent` statuses as an answer, as findJson. */
  findPostJson(
    url: string,
    body: unknown,
    absent: readonly number[],
    signal?: AbortSignal
  ): Promise<Found> {
    return withRetries(
      `POST ${new URL(url).pathname}`,
      this.loop,
      () => this.attempt('POST', url, JSON.stringify(body), signal, absent),
      signal
    )
  }

  getJson(url: string, signal?: AbortSignal): Promise<unknown> {
    return this.send('GET', url, undefined, signal)
  }

  /**
   * Like getJson, but the `absent` statuses (e.g. 404) are an answer, not a failure: they
   * resolve to `{ found: false, status }` at once, without a retry and without a FeedError.
   */
  findJson(url: string, absent: readonly number[], signal?: AbortSignal): Promise<Found> {
    return withRetries(
      `GET ${new URL(url).pathname}`,
      this.loop,
      () => this.attempt('GET', url, undefined, signal, absent),
      signal
    )
  }

  /**
   * Settles once the first connection to `origin` is up (or failed to open). Before then a
   * burst of requests opens a connection each; after it, an h2 connection takes them all, so
   * a caller with many requests for a fresh client sends one and awaits this first.
   */
  ready(origin: string): Promise<void> {
    return this.connections.ready(origin)
  }

  /** What the origin's connections speak ('h2' or 'http/1.1'), once one is up. */
  protocolOf(origin: string): string | undefined {
    return this.connections.protocolOf(origin)
  }

  async close(): Promise<void> {
    await this.connections.close()
  }

  private async send(
    method: 'GET' | 'POST',
    url: string,
    body: string | undefined,
    signal: AbortSignal | undefined
  ): Promise<unknown> {
    const found = await withRetries(
      `${method} ${new URL(url).pathname}`,
      this.loop,
      () => this.attempt(method, url, body, signal, []),
      signal
    )
    return (found as { value: unknown }).value
  }

  private async attempt(
    method: 'GET' | 'POST',
    url: string,
    body: string | undefined,
    signal: AbortSignal | undefined,
    absent: readonly number[]
  ): Promise<Attempt<Found>> {
    const reply = await underDeadline(this.requestTimeoutMs, signal, async bounded => {
      const response = await request(this.connections.dispatcher, url, {
        method,
        body,
        headers: {
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' })
        },
        headersTimeout: this.readTimeoutMs,
        bodyTimeout: this.readTimeoutMs,
        // Every request here is a query, retried on failure as a GET is: over h2 undici sends
        // a POST it takes for non-idempotent only when nothing else is in flight.
        idempotent: true,
        signal: bounded
      })
      const text = await readCapped(response.body, this.maxResponseBytes)
      const retryAfter = response.headers['retry-after']
      return { ok: true, value: { status: response.statusCode, retryAfter, text } }
    })
    if (!reply.ok) return reply
    const { status, retryAfter, text } = reply.value
    if (absent.includes(status)) return { ok: true, value: { found: false, status } }
    if (status < 200 || status > 299) {
      const description = `HTTP ${status}${errorDetail(text)}`
      const retryable = status === 429 || status >= 500
      const retryAfterMs = retryable ? parseRetryAfter(retryAfter, Date.now()) : undefined
      return failed({ description, retryable, retryAfterMs, status })
    }
    try {
      return { ok: true, value: { found: true, value: JSON.parse(text) } }
    } catch (error) {
      const reason = error instanceof Error ? ` (${error.message})` : ''
      return failed({ description: `malformed JSON${reason}`, retryable: true, malformed: true })
    }
  }
}

/** How mapWithLimit starts its calls. */
export interface MapOptions {
  /**
   * Calls started per turn of the event loop, at most (default: all at once). Node's HTTP/2
   * session writes the frames of the requests made in one turn only once that turn ends (in
   * an immediate), so 200 requests started at once reach the server together, after the last
   * is built; started a group per turn, the first answers come back while the rest go out,
   * and are read while the last ones are awaited.
   */
  perTurn?: number
  /** Called once the first calls (as many as the limit lets run at once) have all started. */
  onStarted?: () => void
}

/**
 * Maps `items` through `fn` with at most `limit` calls in flight; results keep the input
 * order. The first failure rejects the whole map, starts no further calls and aborts the
 * signal handed to the calls still running, so they stop retrying.
 */
export async function mapWithLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number, signal: AbortSignal) => Promise<R>,
  signal?: AbortSignal,
  options: MapOptions = {}
): Promise<R[]> {
  const results = new Array<R>(items.length)
  const controller = new AbortController()
  const combined = signal ? AbortSignal.any([signal, controller.signal]) : controller.signal
  const workers = Math.max(1, Math.min(limit, items.length))
  // Every call in flight listens on the signal; more than Node's default 10 is no leak here.
  setMaxListeners(workers + 10, combined)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      combined.throwIfAborted()
      const index = next++
      try {
        results[index] = await fn(items[index] as T, index, combined)
      } catch (error) {
        controller.abort(error)
        throw error
      }
    }
  }
  const perTurn = options.perTurn ?? workers
  const running: Promise<void>[] = []
  for (let started = 0; started < workers; started++) {
    if (started > 0 && started % perTurn === 0) {
      await new Promise(resolve => setImmediate(resolve))
      // A failure while the groups go out is awaited below; no more calls start.
      if (combined.aborted) break
    }
    const call = worker()
    call.catch(() => {}) // settled through Promise.all below, even while later groups start
    running.push(call)
  }
  options.onStarted?.()
  await Promise.all(running)
  // Aborted from outside while the groups went out, after the calls started had finished.
  if (next < items.length) combined.throwIfAborted()
  return results
}

/** The server's own error message, when its body has one, cleaned for a one-line log. */
function errorDetail(body: string): string {
  let message: unknown
  try {
    message = (JSON.parse(body) as { message?: unknown } | null)?.message
  } catch {
    return ''
  }
  return typeof message === 'string' && message !== '' ? ` (${oneLine(message)})` : ''
}
