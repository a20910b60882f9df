/**
 * JSON over HTTP for advisory feeds: one keep-alive connection pool per client, a deadline
 * for the whole of each request, and retries with exponential backoff and full jitter for the
 * failures that are usually transient (429, 5xx, dropped connections, timeouts, a truncated
 * body). When a request finally fails it throws FeedError naming the feed: a feed never
 * answers "nothing".
 */
import { setMaxListeners } from 'node:events'
import { setTimeout as sleep } from 'node:timers/promises'
import { Agent, EnvHttpProxyAgent, request, type Dispatcher } from './undici-parts.js'
import { FeedError } from '../shared/errors.js'
import { silentLogger, type Logger } from '../shared/log.js'

export interface RetryOptions {
  /** Tries per request, the first one included. */
  attempts?: number
  /** Backoff before retry n is a random delay in [0, min(maxDelayMs, baseDelayMs * 2^(n-1))). */
  baseDelayMs?: number
  maxDelayMs?: number
  /** A server's Retry-After is honoured up to this long. */
  maxRetryAfterMs?: number
}

export interface JsonClientOptions {
  /** Named in every FeedError, e.g. "OSV API (https://api.osv.dev)". */
  feedName: string
  /**
   * Limit for the whole of one request, headers and body (default 60 s). A request past it
   * is retried like any other failure.
   */
  requestTimeoutMs?: number
  /**
   * A shorter limit, if wanted, for the response headers and for each gap while the body
   * streams in (undici's own timeouts). These are per read: a server that sends one byte
   * every few seconds renews them forever, which is why requestTimeoutMs exists.
   */
  timeoutMs?: number
  /** Open connections at most; requests beyond that wait for a free one. */
  connections?: number
  retry?: RetryOptions
  logger?: Logger
  maxResponseBytes?: number
  /** Where the proxy variables are read (the entry's environment); none, no proxy. */
  env?: NodeJS.ProcessEnv
}

export const DEFAULT_RETRY: Required<RetryOptions> = {
  attempts: 5,
  baseDelayMs: 250,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 30_000
}
export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000
const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024
/** A body that is not JSON is retried this many times: a cut-off body is usually transient. */
const MALFORMED_RETRIES = 1

/** Network failures worth another try: the connection dropped, was refused, or went quiet. */
const TRANSIENT_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_RES_CONTENT_LENGTH_MISMATCH'
])

/** Why one attempt failed, and whether another is worth it. */
export interface Failure {
  description: string
  retryable: boolean
  /** The HTTP status, when the server answered with one. */
  status?: number
  retryAfterMs?: number
  malformed?: boolean
}

type Outcome = { ok: true; value: unknown } | { ok: false; failure: Failure }

/** A GET that may meet "no such resource": either the JSON, or the status that said so. */
export type Found = { found: true; value: unknown } | { found: false; status: number }

export class JsonClient {
  private readonly feedName: string
  private readonly requestTimeoutMs: number
  /** undici's per-read timeouts; 0 turns them off. */
  private readonly readTimeoutMs: number
  private readonly retry: Required<RetryOptions>
  private readonly logger: Logger
  private readonly maxResponseBytes: number
  private readonly dispatcher: Dispatcher

  constructor(options: JsonClientOptions) {
    this.feedName = options.feedName
    this.requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS
    // Only a per-read limit shorter than the whole request's can be of use. Otherwise it is
    // off: the deadline covers it, and its message names the limit the user set.
    const perRead = options.timeoutMs ?? Infinity
    this.readTimeoutMs = perRead < this.requestTimeoutMs ? perRead : 0
    this.retry = { ...DEFAULT_RETRY, ...definedOnly(options.retry ?? {}) }
    this.logger = options.logger ?? silentLogger
    this.maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES
    const poolOptions = {
      connections: options.connections ?? 16,
      keepAliveTimeout: 4_000,
      connect: { timeout: Math.min(perRead, this.requestTimeoutMs) }
    }
    // Self-hosted runners often sit behind a proxy; honour the usual variables when set.
    this.dispatcher = proxyConfigured(options.env ?? {})
      ? new EnvHttpProxyAgent(poolOptions)
      : new Agent(poolOptions)
  }

  postJson(url: string, body: unknown, signal?: AbortSignal): Promise<unknown> {
    return this.send('POST', url, JSON.stringify(body), signal)
  }

  getJson(url: string, signal?: AbortSignal): Promise<unknown> {
    return this.send('GET', url, undefined, signal)
  }

  /**
   * Like getJson, but the `absent` statuses (e.g. 404) are an answer, not a failure: they
   * resolve to `{ found: false, status }` at once, without a retry and without a FeedError.
   */
  async findJson(url: string, absent: readonly number[], signal?: AbortSignal): Promise<Found> {
    try {
      return { found: true, value: await this.send('GET', url, undefined, signal, absent) }
    } catch (error) {
      if (error instanceof Absent) return { found: false, status: error.status }
      throw error
    }
  }

  async close(): Promise<void> {
    await this.dispatcher.close()
  }

  private async send(
    method: 'GET' | 'POST',
    url: string,
    body: string | undefined,
    signal: AbortSignal | undefined,
    absent: readonly number[] = []
  ): Promise<unknown> {
    const what = `${method} ${new URL(url).pathname}`
    let malformed = 0
    for (let attempt = 1; ; attempt++) {
      signal?.throwIfAborted()
      const outcome = await this.attempt(method, url, body, signal)
      if (outcome.ok) return outcome.value
      const { failure } = outcome
      if (failure.status !== undefined && absent.includes(failure.status)) {
        throw new Absent(failure.status)
      }
      if (failure.malformed) malformed++
      const retry =
        failure.retryable &&
        attempt < this.retry.attempts &&
        (!failure.malformed || malformed <= MALFORMED_RETRIES)
      if (!retry) {
        const tries = attempt === 1 ? '1 attempt' : `${attempt} attempts`
        throw new FeedError(this.feedName, `${what}: ${failure.description}, after ${tries}`)
      }
      const wait =
        failure.retryAfterMs !== undefined
          ? Math.min(failure.retryAfterMs, this.retry.maxRetryAfterMs)
          : backoffDelay(attempt, this.retry.baseDelayMs, this.retry.maxDelayMs)
      this.logger.debug(`${this.feedName}: ${what}: ${failure.description}; retry in ${wait} ms`)
      await sleep(wait, undefined, signal ? { signal } : undefined)
    }
  }

  private async attempt(
    method: 'GET' | 'POST',
    url: string,
    body: string | undefined,
    signal: AbortSignal | undefined
  ): Promise<Outcome> {
    let text: string
    let status: number
    let retryAfter: string | string[] | undefined
    const deadline = new RequestDeadline(this.requestTimeoutMs)
    try {
      const response = await request(this.dispatcher, url, {
        method,
        body,
        headers: {
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' })
        },
        headersTimeout: this.readTimeoutMs,
        bodyTimeout: this.readTimeoutMs,
        signal: deadline.over(signal)
      })
      status = response.statusCode
      retryAfter = response.headers['retry-after']
      text = await readCapped(response.body, this.maxResponseBytes)
    } catch (error) {
      if (signal?.aborted) throw signal.reason
      if (deadline.passed) return failed({ description: deadline.description, retryable: true })
      return failed(describeNetworkError(error))
    } finally {
      deadline.clear()
    }
    if (status < 200 || status > 299) {
      const description = `HTTP ${status}${errorDetail(text)}`
      const retryable = status === 429 || status >= 500
      const retryAfterMs = retryable ? parseRetryAfter(retryAfter, Date.now()) : undefined
      return failed({ description, retryable, retryAfterMs, status })
    }
    try {
      return { ok: true, value: JSON.parse(text) }
    } catch (error) {
      const reason = error instanceof Error ? ` (${error.message})` : ''
      return failed({ description: `malformed JSON${reason}`, retryable: true, malformed: true })
    }
  }
}

/**
 * One request's time limit, headers and body together: the signal it gives aborts the request
 * (undici then destroys the body stream too) when the time is up or the caller's signal fires.
 */
export class RequestDeadline {
  private readonly controller = new AbortController()
  private readonly timer: NodeJS.Timeout

  constructor(readonly ms: number) {
    this.timer = setTimeout(() => this.controller.abort(new Error(this.description)), ms)
  }

  /** The signal to hand to the request: this deadline's, and the caller's when there is one. */
  over(signal: AbortSignal | undefined): AbortSignal {
    return signal ? AbortSignal.any([signal, this.controller.signal]) : this.controller.signal
  }

  get passed(): boolean {
    return this.controller.signal.aborted
  }

  get description(): string {
    return `timed out after ${formatSeconds(this.ms)} (headers and body)`
  }

  clear(): void {
    clearTimeout(this.timer)
  }
}

/** "60 s", "0.25 s": the unit the request-timeout input is given in. */
export function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`
}

/** Carries an `absent` status out of the retry loop to findJson; never escapes it. */
class Absent extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`)
  }
}

function failed(failure: Failure): Outcome {
  return { ok: false, failure }
}

/** Full jitter: spreads retries of many clients instead of synchronising them. */
export function backoffDelay(
  retry: number,
  baseDelayMs: number,
  maxDelayMs: number,
  random: () => number = Math.random
): number {
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** (retry - 1))
  return Math.floor(random() * ceiling)
}

/** Retry-After in delay-seconds or as an HTTP-date; undefined when absent or unreadable. */
export function parseRetryAfter(
  header: string | string[] | undefined,
  nowMs: number
): number | undefined {
  const value = (Array.isArray(header) ? header[0] : header)?.trim()
  if (!value) return undefined
  if (/^\d+$/.test(value)) return Number(value) * 1000
  // All three HTTP-date forms start with a day name; Date.parse alone would take '-3'.
  const date = /^[A-Za-z]{3}/.test(value) ? Date.parse(value) : NaN
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs)
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
  signal?: AbortSignal
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
  await Promise.all(Array.from({ length: workers }, worker))
  return results
}

/** A body over `max` bytes is refused, not retried: the next answer would be as large. */
export async function readCapped(body: AsyncIterable<Buffer>, max: number): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of body) {
    size += chunk.length
    if (size > max) {
      throw Object.assign(new Error(`response over ${max} bytes`), { code: 'RESPONSE_TOO_LARGE' })
    }
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}

export function describeNetworkError(error: unknown): Failure {
  const code = errorCode(error)
  const cause = errorCode((error as { cause?: unknown } | undefined)?.cause)
  const message = error instanceof Error ? error.message : String(error)
  const description = code ? `${code} (${message})` : message
  const retryable = TRANSIENT_CODES.has(code ?? '') || TRANSIENT_CODES.has(cause ?? '')
  return { description: oneLine(description), retryable }
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | undefined)?.code
  return typeof code === 'string' ? code : undefined
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

/** Untrusted text must not start a line of its own: the runner reads `::` lines as commands. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim()
  return flat.length > 200 ? `${flat.slice(0, 200)}…` : flat
}

/** Whether `env` names a proxy; undici's EnvHttpProxyAgent then picks it (and NO_PROXY) up. */
export function proxyConfigured(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.HTTPS_PROXY || env.https_proxy || env.HTTP_PROXY || env.http_proxy)
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}
