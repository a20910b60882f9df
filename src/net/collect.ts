/**
 * One request whose answer is read whole, dispatched to undici with a handler that gathers
 * the body's chunks itself. undici's `request()` hands every answer over as a body stream (a
 * Readable, an async resource, its listeners and an async iterator to read it): on 200
 * project pages in one run, most of them 304s with no body at all, that machinery and its
 * garbage were a good part of the package checks' CPU. The answer is the same: status,
 * headers (as undici's request() gives them), and the body's bytes as sent (the caller
 * decodes them: content-encoding.ts), or none when `keepBody` says the status's body is not
 * wanted (it is then read and dropped).
 *
 * A deadline (`deadlineAt`) ends the request with a DeadlineError once it passes, headers and
 * body together, without an AbortSignal of its own: 200 requests at once each made a
 * controller, a timer and an AbortSignal.any() joining it with the caller's signal.
 */
import type { Dispatcher, RequestOptions } from './undici-parts.js'

export interface CollectOptions extends Omit<RequestOptions, 'body' | 'idempotent'> {
  /** A body over this many bytes fails the request (code RESPONSE_TOO_LARGE), not retried. */
  maxResponseBytes: number
  /** Whether the body of an answer with this status is wanted. */
  keepBody: (statusCode: number) => boolean
  /** When (performance.now()) the whole answer must be in; past it, a DeadlineError. */
  deadlineAt?: number
}

/** An answer over `max` bytes: not retried, since the next one would be as large. */
export function responseTooLarge(max: number): Error {
  return Object.assign(new Error(`response over ${max} bytes`), { code: 'RESPONSE_TOO_LARGE' })
}

/** The request's deadline passed before its answer was in (headers and body). */
export class DeadlineError extends Error {
  override readonly name = 'DeadlineError'
  readonly code = 'PYAUDIT_REQUEST_DEADLINE'
  constructor() {
    super('the request did not complete in time')
  }
}

export interface Collected {
  statusCode: number
  headers: Record<string, string | string[] | undefined>
  /** As sent (still in its content-encoding); empty when not kept. */
  body: Buffer
}

const NO_BODY = Buffer.alloc(0)

/** The chunks as one buffer; a body that came in one chunk is not copied. */
export function joined(chunks: readonly Buffer[], keep: boolean): Buffer {
  if (!keep) return NO_BODY
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)
}

/** `url` asked through `dispatcher`; settles once the whole body is in, or with the error. */
export function collect(
  dispatcher: Dispatcher,
  url: string | URL,
  options: CollectOptions
): Promise<Collected> {
  const { signal, maxResponseBytes, keepBody, deadlineAt } = options
  return new Promise<Collected>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason)
      return
    }
    const { origin, pathname, search } = typeof url === 'string' ? new URL(url) : url
    let abort: ((reason: Error) => void) | undefined
    let timer: NodeJS.Timeout | undefined
    /** Why the request ended before its answer (the caller's reason, or the deadline). */
    let ended: Error | undefined
    let settled = false
    let statusCode = 0
    let headers: Record<string, string | string[] | undefined> = {}
    let keep = false
    let size = 0
    const chunks: Buffer[] = []
    const done = (): boolean => {
      if (settled) return false
      settled = true
      signal?.removeEventListener('abort', onAbort)
      if (timer !== undefined) clearTimeout(timer)
      return true
    }
    const fail = (error: unknown): void => {
      if (!done()) return
      ended = error as Error
      reject(error)
    }
    // The caller's signal ends the request at once, with its reason, as request() does.
    function onAbort(): void {
      const reason = signal!.reason as Error
      fail(reason)
      abort?.(reason)
    }
    signal?.addEventListener('abort', onAbort, { once: true })
    if (deadlineAt !== undefined) {
      const remaining = deadlineAt - performance.now()
      if (remaining <= 0) {
        fail(new DeadlineError())
        return
      }
      timer = setTimeout(() => {
        const error = new DeadlineError()
        fail(error)
        abort?.(error)
      }, remaining)
    }
    const handler = {
      onConnect(abortRequest: (reason: Error) => void): void {
        abort = abortRequest
        if (settled) abortRequest(ended ?? (signal?.reason as Error))
      },
      onHeaders(status: number, rawHeaders: Buffer[]): boolean {
        // 1xx answers are interim; the final one follows.
        if (status < 200) return true
        statusCode = status
        headers = headerRecord(rawHeaders)
        keep = keepBody(status)
        return true
      },
      onData(chunk: Buffer): boolean {
        if (!keep) return true
        size += chunk.length
        if (size > maxResponseBytes) {
          const error = responseTooLarge(maxResponseBytes)
          fail(error)
          abort?.(error)
          return false
        }
        chunks.push(chunk)
        return true
      },
      onComplete(): void {
        if (!done()) return
        resolve({ statusCode, headers, body: joined(chunks, keep) })
      },
      onError(error: Error): void {
        fail(error)
      }
    }
    try {
      dispatcher.dispatch(
        {
          origin,
          path: `${pathname}${search}`,
          method: options.method,
          headers: options.headers,
          headersTimeout: options.headersTimeout,
          bodyTimeout: options.bodyTimeout
        },
        handler as unknown as Dispatcher.DispatchHandler
      )
    } catch (error) {
      fail(error)
    }
  })
}

/**
 * Raw header pairs as undici's request() gives them: lower-case names, latin1 values, a
 * repeated header as an array (own properties only: no name reaches the prototype).
 */
export function headerRecord(
  raw: ReadonlyArray<Buffer | string | Array<Buffer | string>>
): Record<string, string | string[] | undefined> {
  const record: Record<string, string | string[] | undefined> = Object.create(null) as Record<
    string,
    string | string[] | undefined
  >
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = text(raw[i]!).toLowerCase()
    const value = raw[i + 1]!
    const values = Array.isArray(value) ? value.map(text) : [text(value)]
    const had = record[name]
    const all = had === undefined ? values : [...(Array.isArray(had) ? had : [had]), ...values]
    record[name] = all.length === 1 ? all[0] : all
  }
  return record
}

function text(value: Buffer | string | Array<Buffer | string>): string {
  if (Array.isArray(value)) return value.map(text).join(', ')
  return typeof value === 'string' ? value : value.toString('latin1')
}
