/**
 * One GET on an origin's h2 session (h2-direct.ts), read whole as collect() reads an answer
 * (collect.ts): a stream when the session has one to spare under the server's limit, else a
 * turn in line; the deadline, the caller's abort (through the session's shared listener),
 * an idle limit while the answer comes, the size cap, and a clean end as the only success.
 */
import {
  constants,
  type ClientHttp2Session,
  type ClientHttp2Stream,
  type IncomingHttpHeaders
} from 'node:http2'
import { DeadlineError, joined, responseTooLarge, type Collected } from './collect.js'
import type { DirectRequest, SessionState } from './h2-direct.js'

/** An origin's session, with the streams it carries and the requests waiting for one. */
export interface OriginSession {
  session: ClientHttp2Session
  /** Settles once the session is up (the server's SETTINGS are in), or failed to open. */
  opened: Promise<SessionState>
  up: boolean
  /** Requests that took this session and are not done (streaming, waiting, or awaiting it). */
  assigned: number
  /** Streams open on it; beyond the server's SETTINGS_MAX_CONCURRENT_STREAMS, requests wait. */
  active: number
  waiting: Array<() => void>
}

/** What session.request() throws when the session is going or gone. */
const SESSION_GONE = new Set([
  'ERR_HTTP2_INVALID_SESSION',
  'ERR_HTTP2_GOAWAY_SESSION',
  'ERR_HTTP2_OUT_OF_STREAMS'
])

/**
 * `url` asked with GET on `entry`'s session. `aborts` is the set the session's one listener
 * on the request's signal calls; `readTimeoutMs` 0 sets no idle limit.
 */
export function requestOn(
  entry: OriginSession,
  url: URL,
  request: DirectRequest,
  aborts: Set<(reason: unknown) => void> | undefined,
  readTimeoutMs: number
): Promise<Collected> {
  const { signal, deadlineAt, maxResponseBytes, keepBody } = request
  return new Promise<Collected>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason)
      return
    }
    let stream: ClientHttp2Stream | undefined
    let settled = false
    let holding = false
    let timer: NodeJS.Timeout | undefined
    const done = (): boolean => {
      if (settled) return false
      settled = true
      aborts?.delete(fail)
      if (timer !== undefined) clearTimeout(timer)
      if (holding) release(entry)
      return true
    }
    function fail(error: unknown): void {
      if (!done()) return
      reject(error)
      if (stream && !stream.closed) stream.close(constants.NGHTTP2_CANCEL)
    }
    aborts?.add(fail)
    if (deadlineAt !== undefined) {
      const remaining = deadlineAt - performance.now()
      if (remaining <= 0) {
        fail(new DeadlineError())
        return
      }
      timer = setTimeout(() => fail(new DeadlineError()), remaining)
    }
    const start = (): void => {
      try {
        stream = entry.session.request(
          { ':method': 'GET', ':path': `${url.pathname}${url.search}`, ...request.headers },
          { endStream: true }
        )
      } catch (error) {
        // The session went away while this request waited its turn: a dropped connection.
        const code = (error as { code?: unknown }).code
        const gone = typeof code === 'string' && SESSION_GONE.has(code)
        fail(gone ? Object.assign(error as Error, { code: 'ERR_HTTP2_SESSION_ERROR' }) : error)
        return
      }
      if (readTimeoutMs > 0) {
        stream.setTimeout(readTimeoutMs, () =>
          fail(Object.assign(new Error('the server went quiet'), { code: 'UND_ERR_BODY_TIMEOUT' }))
        )
      }
      let statusCode = 0
      let headers: Record<string, string | string[] | undefined> = {}
      let keep = false
      let size = 0
      const chunks: Buffer[] = []
      stream.on('response', (received: IncomingHttpHeaders) => {
        statusCode = Number(received[':status'])
        headers = headerRecord(received)
        keep = keepBody(statusCode)
      })
      stream.on('data', (chunk: Buffer) => {
        if (!keep) return
        size += chunk.length
        if (size > maxResponseBytes) {
          fail(responseTooLarge(maxResponseBytes))
          return
        }
        chunks.push(chunk)
      })
      let ended = false
      stream.on('end', () => (ended = true))
      stream.on('error', fail)
      // Only a stream that ended cleanly gave its whole answer: a reset (RST_STREAM), a refusal
      // after a GOAWAY or a lost session end it too, without a status or before its end.
      stream.on('close', () => {
        const code = stream?.rstCode ?? constants.NGHTTP2_NO_ERROR
        if (ended && statusCode > 0 && code === constants.NGHTTP2_NO_ERROR) {
          if (!done()) return
          resolve({
            statusCode,
            headers,
            body: joined(chunks, keep)
          })
          return
        }
        const error = new Error(`the stream closed before its answer was in (HTTP/2 code ${code})`)
        fail(Object.assign(error, { code: 'ERR_HTTP2_STREAM_ERROR' }))
      })
    }
    whenFree(entry, () => {
      holding = true
      if (settled) release(entry)
      else start()
    })
  })
}

/** Runs `start` once the session has a stream to spare (at once, mostly). */
function whenFree(entry: OriginSession, start: () => void): void {
  const limit = entry.session.remoteSettings?.maxConcurrentStreams ?? Infinity
  if (entry.active < limit) {
    entry.active++
    start()
  } else {
    entry.waiting.push(start)
  }
}

/** A stream is done: the next waiting request takes its place. */
function release(entry: OriginSession): void {
  const next = entry.waiting.shift()
  if (next) next()
  else entry.active--
}

/** Node's answer headers as collect() gives them: lower-case names, no pseudo-headers. */
function headerRecord(
  received: IncomingHttpHeaders
): Record<string, string | string[] | undefined> {
  const record = Object.create(null) as Record<string, string | string[] | undefined>
  for (const name of Object.keys(received)) {
    if (!name.startsWith(':')) record[name] = received[name]
  }
  return record
}
