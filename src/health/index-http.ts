/**
 * Fetching project pages from package indexes. src/net/http.ts's JsonClient asks only for
 * `application/json` and reads only JSON, and a PEP 503 index answers HTML, so this is a thin
 * client on the same set-up (src/net/client-setup.ts: the pool, HTTP/2 when allowed, one
 * deadline for the whole request) and the same retry loop (src/net/retry.ts: full-jitter
 * backoff for 429, 5xx, dropped connections, timeouts and a truncated or malformed page, once;
 * Retry-After honoured up to a cap), and a FeedError naming the index (never its credentials)
 * when it finally fails. 404 and 410 are an answer ("no such project"), not a failure.
 * Redirects are followed (pip does), without the credentials when they lead to another origin.
 * A request may be conditional (If-None-Match, If-Modified-Since), for the index cache.
 *
 * With HTTP/2 allowed and no proxy, an https index is asked on its own h2 session
 * (src/net/h2-direct.ts: 200 pages cost a third less CPU than through undici); an index that
 * has no h2 to give is asked through the pool, in HTTP/1.1, from that request on.
 */
import {
  describeNetworkError,
  formatSeconds,
  header,
  setUpClient,
  type HttpClientOptions
} from '../net/client-setup.js'
import type { Connections } from '../net/connections.js'
import {
  failed,
  parseRetryAfter,
  withRetries,
  type Attempt,
  type Failure,
  type RetryLoop
} from '../net/retry.js'
import { collect, DeadlineError, type Collected } from '../net/collect.js'
import { ACCEPTED_ENCODING, decodeBody } from '../net/content-encoding.js'
import { DirectH2, DirectUnavailableError, sessionsFor } from '../net/h2-direct.js'
import {
  indexFeedName,
  PackageIndexError,
  projectPageTarget,
  type IndexLocation
} from './index-url.js'
import { PageFormatError } from './project-facts.js'

/** PEP 691: JSON preferred, HTML accepted from indexes that only have that. */
export const PROJECT_PAGE_ACCEPT = 'application/vnd.pypi.simple.v1+json, text/html;q=0.1'

/**
 * As JsonClient's (src/net/client-setup.ts). `connections` is per origin; `timeoutMs`, a
 * per-read limit, is off by default (the request's limit covers it); a project page over
 * `maxResponseBytes` is refused (default 64 MiB; PyPI's largest are ~10).
 */
export type IndexClientOptions = HttpClientOptions

/** A page as served: its body and how the server labelled it. */
export interface ProjectPage {
  contentType: string
  body: string
}

/** What lets a page be asked again conditionally (RFC 9110): ETag and Last-Modified. */
export interface Validators {
  etag?: string
  lastModified?: string
}

/**
 * The reading of a page (with its validators, when the server gave any), the status that
 * said the project is not there, or, for a conditional request, that the page is unchanged.
 */
export type PageAnswer<T> =
  | { found: true; value: T; validators?: Validators }
  | { found: false; httpStatus: number }
  | { notModified: true }

const ABSENT_STATUSES = [404, 410]
const REDIRECT_STATUSES = [301, 302, 303, 307, 308]
const MAX_REDIRECTS = 5
/** Validators longer than this are not kept: no index sends such, and they go in a file. */
const MAX_VALIDATOR_LENGTH = 256

/** What one request (after its redirects) came to. */
type Reply =
  | { kind: 'page'; page: ProjectPage; validators?: Validators }
  | { kind: 'absent'; httpStatus: number }
  | { kind: 'unchanged' }
  | { kind: 'failed'; failure: Failure }

export class IndexClient {
  private readonly requestTimeoutMs: number
  /** undici's per-read timeouts; 0 turns them off. */
  private readonly readTimeoutMs: number
  private readonly maxResponseBytes: number
  private readonly connections: Connections
  private readonly setup: Omit<RetryLoop, 'source' | 'fail'>
  private readonly origins = new Map<string, string>()
  /** The index's own h2 sessions (h2-direct.ts), when h2 is allowed and no proxy is set. */
  private readonly direct: DirectH2 | undefined

  constructor(options: IndexClientOptions = {}) {
    const setup = setUpClient(options)
    this.requestTimeoutMs = setup.requestTimeoutMs
    this.readTimeoutMs = setup.readTimeoutMs
    this.maxResponseBytes = setup.maxResponseBytes
    this.connections = setup.connections
    this.setup = { retry: setup.retry, logger: setup.logger }
    // Behind a proxy only the pool's connections (its tunnels) reach the index.
    if (options.allowH2 && !this.connections.proxied) {
      const { secureContext } = this.connections
      this.direct = new DirectH2({
        connectTimeoutMs: this.readTimeoutMs > 0 ? this.readTimeoutMs : this.requestTimeoutMs,
        readTimeoutMs: this.readTimeoutMs,
        ...(secureContext ? { secureContext } : {})
      })
    }
  }

  /**
   * The project page of `normalizedName` on `index`, read by `read` (which throws
   * PageFormatError for a page it cannot read); `{ found: false }` for 404 and 410. With
   * `validators` (from an earlier answer) the request is conditional, and a 304 answers
   * `{ notModified: true }`.
   */
  fetchProject<T>(
    index: IndexLocation,
    normalizedName: string,
    read: (page: ProjectPage) => T,
    signal?: AbortSignal,
    validators?: Validators
  ): Promise<PageAnswer<T>> {
    const target = projectPageTarget(index, normalizedName)
    const name = indexFeedName(index)
    const loop: RetryLoop = {
      ...this.setup,
      source: name,
      fail: message => new PackageIndexError(name, message)
    }
    return withRetries(
      `GET ${target.pathname}`,
      loop,
      () => this.attempt(index, target, read, signal, validators),
      signal
    )
  }

  /**
   * Settles once the first connection to the index is up (or failed to open): its own h2
   * session, or when it has none to give, the pool's connection.
   */
  async ready(index: IndexLocation): Promise<void> {
    const origin = this.originOf(index)
    if (this.direct && this.goesDirect(origin)) {
      if ((await this.direct.open(origin)) === 'h2') return
    }
    await this.connections.ready(index.base)
  }

  /**
   * `requests` are about to be asked of the index at once: on its own h2, as many sessions
   * open now as they need (sessionsFor), their handshakes beside the first's.
   */
  prepare(index: IndexLocation, requests: number): void {
    const origin = this.originOf(index)
    if (this.direct && this.goesDirect(origin)) void this.direct.open(origin, sessionsFor(requests))
  }

  /** Whether the index's connections are HTTP/2, which carries many requests each. */
  multiplexed(index: IndexLocation): boolean {
    const origin = this.originOf(index)
    if (this.direct?.state(origin) === 'h2') return true
    return this.connections.protocolOf(index.base) === 'h2'
  }

  async close(): Promise<void> {
    this.direct?.close()
    await this.connections.close()
  }

  private async attempt<T>(
    index: IndexLocation,
    target: URL,
    read: (page: ProjectPage) => T,
    signal: AbortSignal | undefined,
    validators: Validators | undefined
  ): Promise<Attempt<PageAnswer<T>>> {
    let reply: Reply
    try {
      // One limit for the whole request, headers and body, its redirects included.
      const deadlineAt = performance.now() + this.requestTimeoutMs
      reply = await this.follow(index, target, signal, deadlineAt, validators)
    } catch (error) {
      if (signal?.aborted) throw signal.reason
      if (error instanceof DeadlineError) {
        const description = `timed out after ${formatSeconds(this.requestTimeoutMs)} (headers and body)`
        return failed({ description, retryable: true })
      }
      return failed(describeNetworkError(error))
    }
    if (reply.kind === 'failed') return failed(reply.failure)
    if (reply.kind === 'absent') {
      return { ok: true, value: { found: false, httpStatus: reply.httpStatus } }
    }
    if (reply.kind === 'unchanged') return { ok: true, value: { notModified: true } }
    try {
      const value = read(reply.page)
      const kept = reply.validators ? { validators: reply.validators } : {}
      return { ok: true, value: { found: true, value, ...kept } }
    } catch (error) {
      if (!(error instanceof PageFormatError)) throw error
      return failed({
        description: `unreadable project page: ${error.message}`,
        retryable: true,
        malformed: true
      })
    }
  }

  /** One request, and the redirects it leads to. */
  private async follow(
    index: IndexLocation,
    start: URL,
    signal: AbortSignal | undefined,
    deadlineAt: number,
    validators: Validators | undefined
  ): Promise<Reply> {
    const origin = this.originOf(index)
    let url = start
    for (let redirects = 0; ; redirects++) {
      const sameOrigin = url.origin === origin
      const headers = {
        accept: PROJECT_PAGE_ACCEPT,
        'accept-encoding': ACCEPTED_ENCODING,
        ...(index.authorization && sameOrigin ? { authorization: index.authorization } : {}),
        ...(validators?.etag ? { 'if-none-match': validators.etag } : {}),
        ...(validators?.lastModified ? { 'if-modified-since': validators.lastModified } : {})
      }
      const response = await this.collect(url, headers, signal, deadlineAt)
      const status = response.statusCode
      const location = header(response.headers.location)
      if (REDIRECT_STATUSES.includes(status) && location !== undefined) {
        if (redirects >= MAX_REDIRECTS) {
          return failure(`more than ${MAX_REDIRECTS} redirects`)
        }
        const next = new URL(location, url)
        if (next.protocol !== 'https:' && next.protocol !== 'http:') {
          return failure('redirected to a URL that is not http(s)')
        }
        next.username = ''
        next.password = ''
        url = next
        continue
      }
      if (ABSENT_STATUSES.includes(status)) {
        return { kind: 'absent', httpStatus: status }
      }
      if (status === 304 && validators !== undefined) {
        return { kind: 'unchanged' }
      }
      if (!isSuccess(status)) {
        return { kind: 'failed', failure: statusFailure(status, response.headers) }
      }
      const decoded = await decodeBody(
        response.body,
        header(response.headers['content-encoding']),
        this.maxResponseBytes
      )
      if (!decoded.ok) return { kind: 'failed', failure: decoded.failure }
      const contentType = header(response.headers['content-type']) ?? ''
      const kept = validatorsOf(response.headers)
      const page = { contentType, body: decoded.text }
      return { kind: 'page', page, ...(kept ? { validators: kept } : {}) }
    }
  }

  /**
   * One request, with no redirect followed: on the index's own h2 session when it has one
   * (https, no proxy), else through the pool, which also speaks HTTP/1.1.
   */
  private async collect(
    url: URL,
    headers: Record<string, string>,
    signal: AbortSignal | undefined,
    deadlineAt: number
  ): Promise<Collected> {
    const request = {
      headers,
      ...(signal ? { signal } : {}),
      deadlineAt,
      maxResponseBytes: this.maxResponseBytes,
      // Only a page is read; other answers say all they say in their status and headers.
      keepBody: isSuccess
    }
    if (this.direct && this.goesDirect(url.origin)) {
      try {
        return await this.direct.collect(url, request)
      } catch (error) {
        if (!(error instanceof DirectUnavailableError)) throw error
      }
    }
    return collect(this.connections.dispatcher, url, {
      ...request,
      method: 'GET',
      headersTimeout: this.readTimeoutMs,
      bodyTimeout: this.readTimeoutMs
    })
  }

  /** Whether requests to `origin` try the own h2 session (https, and not known to lack h2). */
  private goesDirect(origin: string): boolean {
    return origin.startsWith('https:') && this.direct?.state(origin) !== 'unavailable'
  }

  /** The index's origin (where its credentials may go), read once per index. */
  private originOf(index: IndexLocation): string {
    let origin = this.origins.get(index.base)
    if (origin === undefined) {
      origin = new URL(index.base).origin
      this.origins.set(index.base, origin)
    }
    return origin
  }
}

function isSuccess(status: number): boolean {
  return status >= 200 && status <= 299
}

/** The ETag and Last-Modified of an answer, when it has either (and they are sane). */
function validatorsOf(
  headers: Record<string, string | string[] | undefined>
): Validators | undefined {
  const etag = saneValidator(header(headers.etag))
  const lastModified = saneValidator(header(headers['last-modified']))
  if (etag === undefined && lastModified === undefined) return undefined
  return { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) }
}

/** A header value fit to send back: printable ASCII, one line, not too long. */
export function saneValidator(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  if (value === '' || value.length > MAX_VALIDATOR_LENGTH) return undefined
  return /^[\x20-\x7e]+$/.test(value) ? value : undefined
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

/** A failure no retry mends. */
function failure(description: string): Reply {
  return { kind: 'failed', failure: { description, retryable: false } }
}
