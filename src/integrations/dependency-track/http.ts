/**
 * HTTP to a Dependency-Track API server: the X-Api-Key header on every call, a deadline for
 * the whole of each request, and retries with backoff for what is usually transient (429,
 * 5xx, dropped connections). Answers of any other status are returned for the caller to
 * explain. The API key never appears in anything this module logs or throws.
 */
import { setTimeout as sleep } from 'node:timers/promises'
import type { FormData } from '../../net/undici-formdata.js'
import { Agent, EnvHttpProxyAgent, request, type Dispatcher } from '../../net/undici-parts.js'
import { PyauditError } from '../../shared/errors.js'
import {
  backoffDelay,
  DEFAULT_RETRY,
  parseRetryAfter,
  proxyConfigured,
  RequestDeadline
} from '../../net/http.js'
import type { Logger } from '../../shared/log.js'

/** Dependency-Track could not be reached, or answered in a way no input change explains. */
export class DependencyTrackError extends PyauditError {
  override readonly name = 'DependencyTrackError'
  constructor(
    message: string,
    readonly status?: number
  ) {
    super(message)
  }
}

export interface DependencyTrackResponse {
  status: number
  text: string
  /** X-Total-Count of a paginated list, when the server sent one. */
  totalCount?: number
}

export interface HttpOptions {
  apiKey: string
  logger: Logger
  /** Limit for the whole of one request, headers and body (the upload's body included). */
  timeoutMs: number
  /** Tries per request, the first included. */
  attempts: number
  baseDelayMs?: number
  /** Where the proxy variables are read (the entry's environment); none, no proxy. */
  env?: NodeJS.ProcessEnv
}

const TRANSIENT_STATUS = new Set([429, 500, 502, 503, 504])
const MAX_RESPONSE_BYTES = 64 * 1024 * 1024

export class DependencyTrackHttp {
  private readonly dispatcher: Dispatcher

  constructor(
    /** Origin plus any path prefix, without a trailing slash, e.g. https://dt.example.com */
    readonly baseUrl: string,
    private readonly options: HttpOptions
  ) {
    const poolOptions = { connections: 4, connect: { timeout: options.timeoutMs } }
    const proxied = proxyConfigured(options.env ?? {})
    this.dispatcher = proxied ? new EnvHttpProxyAgent(poolOptions) : new Agent(poolOptions)
  }

  /** `what` names the call in messages, e.g. "upload the SBOM". */
  async send(
    method: 'GET' | 'POST',
    pathAndQuery: string,
    what: string,
    body?: FormData
  ): Promise<DependencyTrackResponse> {
    const url = `${this.baseUrl}${pathAndQuery}`
    for (let attempt = 1; ; attempt++) {
      let response: DependencyTrackResponse | undefined
      let failure: string
      let retryAfterMs: number | undefined
      // undici's timeouts are per read: a server dripping bytes would renew them forever.
      const deadline = new RequestDeadline(this.options.timeoutMs)
      try {
        const answer = await request(this.dispatcher, url, {
          method,
          body,
          headers: { 'x-api-key': this.options.apiKey, accept: 'application/json' },
          // Off: the deadline covers the whole request, and its message names the limit.
          headersTimeout: 0,
          bodyTimeout: 0,
          signal: deadline.over(undefined)
        })
        const total = Number(single(answer.headers['x-total-count']))
        response = {
          status: answer.statusCode,
          text: await readCapped(answer.body),
          ...(Number.isInteger(total) && total >= 0 ? { totalCount: total } : {})
        }
        if (!TRANSIENT_STATUS.has(answer.statusCode)) return response
        failure = `HTTP ${answer.statusCode}`
        retryAfterMs = parseRetryAfter(answer.headers['retry-after'], Date.now())
      } catch (error) {
        failure = deadline.passed ? deadline.description : this.describeNetworkError(error)
      } finally {
        deadline.clear()
      }
      if (attempt >= this.options.attempts) {
        if (response) return response
        throw new DependencyTrackError(
          `Could not ${what}: Dependency-Track at ${this.baseUrl} did not answer (${failure}, after ${attempt} attempts)`
        )
      }
      const wait = Math.min(
        retryAfterMs ??
          backoffDelay(
            attempt,
            this.options.baseDelayMs ?? DEFAULT_RETRY.baseDelayMs,
            DEFAULT_RETRY.maxDelayMs
          ),
        DEFAULT_RETRY.maxRetryAfterMs
      )
      this.options.logger.debug(`Dependency-Track: ${what}: ${failure}; retry in ${wait} ms`)
      await sleep(wait)
    }
  }

  async close(): Promise<void> {
    await this.dispatcher.close()
  }

  /** One line, without the API key even if an error message were to quote a header. */
  redact(text: string): string {
    return redactKey(text, this.options.apiKey)
  }

  private describeNetworkError(error: unknown): string {
    const code = (error as { code?: unknown } | undefined)?.code
    const message = error instanceof Error ? error.message : String(error)
    return this.redact(typeof code === 'string' ? `${code}: ${message}` : message)
  }
}

export function redactKey(text: string, apiKey: string): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim()
  return apiKey ? flat.split(apiKey).join('***') : flat
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}

async function readCapped(body: AsyncIterable<Buffer>): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of body) {
    size += chunk.length
    if (size > MAX_RESPONSE_BYTES) throw new Error(`response over ${MAX_RESPONSE_BYTES} bytes`)
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}
