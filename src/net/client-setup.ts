/**
 * What every HTTP client of this tool sets up the same way (src/net/http.ts's JsonClient for
 * the feeds, src/health/index-http.ts's IndexClient for package indexes): the options, their
 * defaults, the connection pool, and one attempt under a deadline for the whole request.
 */
import { responseTooLarge } from './collect.js'
import { Connections, type ConnectionOptions } from './connections.js'
import { DEFAULT_RETRY, failed, type Attempt, type Failure, type RetryOptions } from './retry.js'
import { silentLogger, type Logger } from '../shared/log.js'

export interface HttpClientOptions extends Pick<
  ConnectionOptions,
  'allowH2' | 'maxConcurrentStreams' | 'extraCaCerts' | 'env'
> {
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
  /** Open connections per origin at most; requests beyond what they carry wait for one. */
  connections?: number
  retry?: RetryOptions
  logger?: Logger
  maxResponseBytes?: number
}

export interface HttpClientSetup {
  requestTimeoutMs: number
  /** undici's per-read timeouts; 0 turns them off. */
  readTimeoutMs: number
  retry: Required<RetryOptions>
  logger: Logger
  maxResponseBytes: number
  connections: Connections
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000
export const DEFAULT_CONNECTIONS = 16
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024

export function setUpClient(options: HttpClientOptions): HttpClientSetup {
  const requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS
  // Only a per-read limit shorter than the whole request's can be of use. Otherwise it is
  // off: the deadline covers it, and its message names the limit the user set.
  const perRead = options.timeoutMs ?? Infinity
  return {
    requestTimeoutMs,
    readTimeoutMs: perRead < requestTimeoutMs ? perRead : 0,
    retry: { ...DEFAULT_RETRY, ...definedOnly(options.retry ?? {}) },
    logger: options.logger ?? silentLogger,
    maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    connections: new Connections({
      connections: options.connections ?? DEFAULT_CONNECTIONS,
      connectTimeoutMs: Math.min(perRead, requestTimeoutMs),
      ...definedOnly({
        allowH2: options.allowH2,
        maxConcurrentStreams: options.maxConcurrentStreams,
        extraCaCerts: options.extraCaCerts,
        env: options.env
      })
    })
  }
}

/**
 * One attempt of a request, `send` given the signal to hand to undici: it aborts when the
 * request's whole time is up (a failure worth retrying) or when the caller's `signal` fires
 * (which ends the request and its retries: its reason is thrown).
 */
export async function underDeadline<T>(
  timeoutMs: number,
  signal: AbortSignal | undefined,
  send: (signal: AbortSignal) => Promise<Attempt<T>>
): Promise<Attempt<T>> {
  const deadline = new RequestDeadline(timeoutMs)
  try {
    return await send(deadline.over(signal))
  } catch (error) {
    if (signal?.aborted) throw signal.reason
    if (deadline.passed) return failed({ description: deadline.description, retryable: true })
    return failed(describeNetworkError(error))
  } finally {
    deadline.clear()
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
  'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
  // HTTP/2: the server reset the stream (REFUSED_STREAM, INTERNAL_ERROR...) or the session,
  // what a dropped connection is to HTTP/1.1. A GOAWAY comes as UND_ERR_SOCKET.
  'ERR_HTTP2_STREAM_ERROR',
  'ERR_HTTP2_SESSION_ERROR'
])

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

/** A body over `max` bytes is refused, not retried: the next answer would be as large. */
export async function readCapped(body: AsyncIterable<Buffer>, max: number): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of body) {
    size += chunk.length
    if (size > max) {
      throw responseTooLarge(max)
    }
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** Untrusted text must not start a line of its own: the runner reads `::` lines as commands. */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim()
  return flat.length > 200 ? `${flat.slice(0, 200)}…` : flat
}

export function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}
