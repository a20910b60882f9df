/**
 * Fetching project pages from package indexes. src/net/http.ts's JsonClient asks only for
 * `application/json` and reads only JSON, and a PEP 503 index answers HTML, so this is a thin
 * client on the same undici parts and src/net/http.ts's helpers, with the same rules: a
 * keep-alive pool, one deadline for the whole request (RequestDeadline), retries with full-jitter backoff for 429, 5xx, dropped
 * connections, timeouts and a truncated or malformed page (once), Retry-After honoured up to a
 * cap, and a FeedError naming the index (never its credentials) when it finally fails. 404 and
 * 410 are an answer ("no such project"), not a failure. Redirects are followed (pip does),
 * without the credentials when they lead to another origin.
 */
import { setTimeout as sleep } from 'node:timers/promises'
import {
  DEFAULT_REQUEST_TIMEOUT_MS,
  DEFAULT_RETRY,
  RequestDeadline,
  backoffDelay,
  describeNetworkError,
  parseRetryAfter,
  proxyConfigured,
  readCapped,
  type Failure,
  type RetryOptions
} from '../net/http.js'
import { Agent, EnvHttpProxyAgent, request, type Dispatcher } from '../net/undici-parts.js'
import { silentLogger, type Logger } from '../shared/log.js'
import {
  indexFeedName,
  PackageIndexError,
  projectPageUrl,
  type IndexLocation
} from './index-url.js'
import { PageFormatError } from './project-facts.js'

/** PEP 691: JSON preferred, HTML accepted from indexes that only have that. */
export const PROJECT_PAGE_ACCEPT = 'application/vnd.pypi.simple.v1+json, text/html;q=0.1'

export interface IndexClientOptions {
  /** Limit for the whole of one request, headers and body (default 60 s). */
  requestTimeoutMs?: number
  /**
   * A shorter limit, if wanted, for the response headers and for each gap while the body
   * streams in (undici's per-read timeouts; off by default: the request's limit covers them).
   */
  timeoutMs?: number
  /** Open connections per origin at most. */
  connections?: number
  retry?: RetryOptions
  logger?: Logger
  /** A project page over this many bytes is refused (default 64 MiB; PyPI's largest are ~10). */
  maxResponseBytes?: number
  /** Where the proxy variables are read (the entry's environment); none, no proxy. */
  env?: NodeJS.ProcessEnv
}

/** A page as served: its body and how the server labelled it. */
export interface ProjectPage {
  contentType: string
  body: string
}

/** The reading of a page, or the status that said the project is not there. */
export type PageAnswer<T> = { found: true; value: T } | { found: false; httpStatus: number }

const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024
const ABSENT_STATUSES = [404, 410]
const REDIRECT_STATUSES = [301, 302, 303, 307, 308]
const MAX_REDIRECTS = 5
/** A page that does not read is retried once: a cut-off body is usually transient. */
const MALFORMED_RETRIES = 1

type Attempt<T> = { ok: true; answer: PageAnswer<T> } | { ok: false; failure: Failure }

/** What one request (after its redirects) came to. */
type Reply =
  | { kind: 'page'; page: ProjectPage }
  | { kind: 'absent'; httpStatus: number }
  | { kind: 'failed'; failure: Failure }

export class IndexClient {
  private readonly requestTimeoutMs: number
  /** undici's per-read timeouts; 0 turns them off. */
  private readonly readTimeoutMs: number
  private readonly retry: Required<RetryOptions>
  private readonly logger: Logger
  private readonly maxResponseBytes: number
  private readonly dispatcher: Dispatcher

  constructor(options: IndexClientOptions = {}) {
    this.requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS
    // As JsonClient: only a per-read limit shorter than the request's is of any use.
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
    this.dispatcher = proxyConfigured(options.env ?? {})
      ? new EnvHttpProxyAgent(poolOptions)
      : new Agent(poolOptions)
  }

  /**
   * The project page of `normalizedName` on `index`, read by `read` (which throws
   * PageFormatError for a page it cannot read); `{ found: false }` for 404 and 410.
   */
  async fetchProject<T>(
    index: IndexLocation,
    normalizedName: string,
    read: (page: ProjectPage) => T,
    signal?: AbortSignal
  ): Promise<PageAnswer<T>> {
    const url = projectPageUrl(index, normalizedName)
    const what = `GET ${new URL(url).pathname}`
    let malformed = 0
    for (let attempt = 1; ; attempt++) {
      signal?.throwIfAborted()
      const outcome = await this.attempt(index, url, read, signal)
      if (outcome.ok) return outcome.answer
      const { failure } = outcome
      if (failure.malformed) malformed++
      const retry =
        failure.retryable &&
        attempt < this.retry.attempts &&
        (!failure.malformed || malformed <= MALFORMED_RETRIES)
      if (!retry) {
        const tries = attempt === 1 ? '1 attempt' : `${attempt} attempts`
        throw new PackageIndexError(
          indexFeedName(index),
          `${what}: ${failure.description}, after ${tries}`
        )
      }
      const wait =
        failure.retryAfterMs !== undefined
          ? Math.min(failure.retryAfterMs, this.retry.maxRetryAfterMs)
          : backoffDelay(attempt, this.retry.baseDelayMs, this.retry.maxDelayMs)
      this.logger.debug(
        `${indexFeedName(index)}: ${what}: ${failure.description}; retry in ${wait} ms`
      )
      await sleep(wait, undefined, signal ? { signal } : undefined)
    }
  }

  async close(): Promise<void> {
    await this.dispatcher.close()
  }

  private async attempt<T>(
    index: IndexLocation,
    url: string,
    read: (page: ProjectPage) => T,
    signal: AbortSignal | undefined
  ): Promise<Attempt<T>> {
    const deadline = new RequestDeadline(this.requestTimeoutMs)
    let page: ProjectPage
    try {
      const reply = await this.follow(index, url, deadline.over(signal))
      if (reply.kind === 'failed') return fail(reply.failure)
      if (reply.kind === 'absent') {
        return { ok: true, answer: { found: false, httpStatus: reply.httpStatus } }
      }
      page = reply.page
    } catch (error) {
      if (signal?.aborted) throw signal.reason
      if (deadline.passed) return fail({ description: deadline.description, retryable: true })
      return fail(describeNetworkError(error))
    } finally {
      deadline.clear()
    }
    try {
      return { ok: true, answer: { found: true, value: read(page) } }
    } catch (error) {
      if (!(error instanceof PageFormatError)) throw error
      return fail({
        description: `unreadable project page: ${error.message}`,
        retryable: true,
        malformed: true
      })
    }
  }

  /** One request, and the redirects it leads to. */
  private async follow(index: IndexLocation, start: string, signal: AbortSignal): Promise<Reply> {
    const origin = new URL(index.base).origin
    let url = start
    for (let redirects = 0; ; redirects++) {
      const sameOrigin = new URL(url).origin === origin
      const response = await request(this.dispatcher, url, {
        method: 'GET',
        headers: {
          accept: PROJECT_PAGE_ACCEPT,
          ...(index.authorization && sameOrigin ? { authorization: index.authorization } : {})
        },
        headersTimeout: this.readTimeoutMs,
        bodyTimeout: this.readTimeoutMs,
        signal
      })
      const status = response.statusCode
      const location = header(response.headers.location)
      if (REDIRECT_STATUSES.includes(status) && location !== undefined) {
        await response.body.dump()
        if (redirects >= MAX_REDIRECTS) {
          return failed(`more than ${MAX_REDIRECTS} redirects`)
        }
        const next = new URL(location, url)
        if (next.protocol !== 'https:' && next.protocol !== 'http:') {
          return failed('redirected to a URL that is not http(s)')
        }
        next.username = ''
        next.password = ''
        url = next.href
        continue
      }
      if (ABSENT_STATUSES.includes(status)) {
        await response.body.dump()
        return { kind: 'absent', httpStatus: status }
      }
      const body = await readCapped(response.body, this.maxResponseBytes)
      if (status < 200 || status > 299) {
        return { kind: 'failed', failure: statusFailure(status, response.headers) }
      }
      const contentType = header(response.headers['content-type']) ?? ''
      return { kind: 'page', page: { contentType, body } }
    }
  }
}

function statusFailure(
  status: number,
  headers: Record<string, string | string[] | undefined>
): Failure {
  const retryable = status === 429 || status >= 500
  const hint =
    status === 401 || status === 403
      ? ' (the index refused the credentials, or wants some: give them in the index URL)'
      : ''
  const retryAfterMs = retryable ? parseRetryAfter(headers['retry-after'], Date.now()) : undefined
  // The body is not shown: an index's error page may echo the request, credentials included.
  return { description: `HTTP ${status}${hint}`, retryable, retryAfterMs }
}

function fail<T>(failure: Failure): Attempt<T> {
  return { ok: false, failure }
}

/** A failure no retry mends. */
function failed(description: string): Reply {
  return { kind: 'failed', failure: { description, retryable: false } }
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}
