import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { FeedError } from '../../src/shared/errors.js'
import {
  JsonClient,
  backoffDelay,
  mapWithLimit,
  parseRetryAfter,
  type JsonClientOptions
} from '../../src/net/http.js'
import type { OsvRecord } from '../../src/advisories/osv.js'
import { OsvServer } from '../support/osv-server.js'

const FEED = 'Test feed'
const record: OsvRecord = { id: 'PYSEC-2018-28', modified: '2021-06-16T00:03:24.800813Z' }

let server: OsvServer
let url: string
let clients: JsonClient[]

function client(options: Partial<JsonClientOptions> = {}): JsonClient {
  const created = new JsonClient({
    feedName: FEED,
    timeoutMs: 2_000,
    retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 5 },
    ...options
  })
  clients.push(created)
  return created
}

/** A request the stand-in OSV server answers with one known record. */
function getRecord(target: JsonClient): Promise<unknown> {
  return target.getJson(`${url}/v1/vulns/${record.id}`)
}

async function failure(promise: Promise<unknown>): Promise<FeedError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason
  )
  expect(error).toBeInstanceOf(FeedError)
  return error as FeedError
}

beforeEach(async () => {
  clients = []
  server = new OsvServer(() => [], { byId: id => (id === record.id ? record : undefined) })
  url = await server.start()
})

afterEach(async () => {
  await Promise.all(clients.map(c => c.close()))
  await server.close()
})

describe('JsonClient retries', () => {
  test('503s then success returns the body after as many requests', async () => {
    server.failNext(2, { kind: 'status', status: 503 })
    await expect(getRecord(client())).resolves.toEqual(record)
    expect(server.counts.vulns).toBe(3)
  })

  test('429 waits for the Retry-After seconds before retrying', async () => {
    server.failNext(1, { kind: 'status', status: 429, retryAfter: '1' })
    const started = Date.now()
    await expect(getRecord(client())).resolves.toEqual(record)
    expect(Date.now() - started).toBeGreaterThanOrEqual(950)
    expect(server.counts.vulns).toBe(2)
  })

  test('429 with an HTTP-date Retry-After waits until that date', async () => {
    const date = new Date(Date.now() + 2_000).toUTCString()
    server.failNext(1, { kind: 'status', status: 429, retryAfter: date })
    const started = Date.now()
    await expect(getRecord(client())).resolves.toEqual(record)
    // HTTP-dates have whole seconds, so the wait is between 1 and 2 s.
    expect(Date.now() - started).toBeGreaterThanOrEqual(950)
  })

  test('a Retry-After beyond the cap is cut to the cap', async () => {
    server.failNext(1, { kind: 'status', status: 429, retryAfter: '3600' })
    const started = Date.now()
    const capped = client({ retry: { attempts: 3, baseDelayMs: 1, maxRetryAfterMs: 50 } })
    await expect(getRecord(capped)).resolves.toEqual(record)
    expect(Date.now() - started).toBeLessThan(1_000)
  })

  test('a reset connection is retried on a fresh one', async () => {
    server.failNext(1, { kind: 'reset' })
    await expect(getRecord(client())).resolves.toEqual(record)
    expect(server.counts.vulns).toBe(2)
  })

  test('a stalled response times out and is retried', async () => {
    server.failNext(1, { kind: 'stall' })
    await expect(getRecord(client({ timeoutMs: 200 }))).resolves.toEqual(record)
    expect(server.counts.vulns).toBe(2)
    server.failNext(5, { kind: 'stall' })
    const gaveUp = client({ timeoutMs: 200, retry: { attempts: 2, baseDelayMs: 1 } })
    const error = await failure(getRecord(gaveUp))
    expect(error.message).toMatch(/UND_ERR_HEADERS_TIMEOUT .*after 2 attempts$/)
  })

  test('a truncated JSON body is retried once', async () => {
    server.failNext(1, { kind: 'truncate' })
    await expect(getRecord(client())).resolves.toEqual(record)
    server.failNext(5, { kind: 'truncate' })
    const error = await failure(getRecord(client({ retry: { attempts: 5, baseDelayMs: 1 } })))
    expect(error.message).toMatch(/malformed JSON \(.+\), after 2 attempts$/)
  })

  test('a feed that stays down fails with the feed, the cause and the attempts', async () => {
    server.failNext(10, { kind: 'status', status: 503 })
    const error = await failure(getRecord(client()))
    expect(error.feed).toBe(FEED)
    expect(error.message).toBe(
      `Advisory feed ${FEED} failed: GET /v1/vulns/${record.id}: HTTP 503 (The service is busy.), after 3 attempts`
    )
    expect(server.counts.vulns).toBe(3)
  })

  test('connections that keep dropping fail naming the error code', async () => {
    server.failNext(10, { kind: 'reset' })
    const error = await failure(getRecord(client()))
    expect(error.message).toMatch(/: (ECONNRESET|UND_ERR_SOCKET) .*after 3 attempts$/)
  })

  test('a refused connection is retried, then reported', async () => {
    const closed = new OsvServer(() => [])
    const closedUrl = await closed.start()
    await closed.close()
    const error = await failure(client().getJson(`${closedUrl}/v1/vulns/X`))
    expect(error.message).toMatch(/ECONNREFUSED.*after 3 attempts$/)
  })

  test('4xx other than 429 is not retried', async () => {
    const error = await failure(client().getJson(`${url}/v1/vulns/UNKNOWN-1`))
    expect(error.message).toMatch(/HTTP 404 \(Bug not found\.\), after 1 attempt$/)
    expect(server.counts.vulns).toBe(1)
  })

  test('an error body cannot start a line of its own', async () => {
    const body = JSON.stringify({ message: 'bad\n::error::injected' })
    server.failNext(1, { kind: 'status', status: 400, body })
    const error = await failure(getRecord(client()))
    expect(error.message).not.toContain('\n')
    expect(error.message).toContain('(bad ::error::injected)')
  })

  test('a body over the size limit is refused', async () => {
    const error = await failure(getRecord(client({ maxResponseBytes: 10 })))
    expect(error.message).toMatch(/RESPONSE_TOO_LARGE \(response over 10 bytes\), after 1 attempt$/)
  })
})

describe('JsonClient connections', () => {
  test('sequential requests reuse one keep-alive connection', async () => {
    const target = client()
    for (let i = 0; i < 10; i++) {
      await getRecord(target)
      // undici frees the socket a moment after the body ends; a request sent in that
      // moment would open a second connection, which is no failure of keep-alive.
      await new Promise(resolve => setTimeout(resolve, 5))
    }
    expect(server.counts.vulns).toBe(10)
    expect(server.connections).toBe(1)
  })

  test('concurrent requests are bounded by the pool size', async () => {
    await server.close()
    server = new OsvServer(() => [], { latencyMs: 20, byId: () => record })
    url = await server.start()
    const target = client({ connections: 3 })
    await Promise.all(Array.from({ length: 12 }, () => getRecord(target)))
    expect(server.maxInFlight).toBe(3)
    expect(server.connections).toBe(3)
  })
})

describe('backoffDelay and parseRetryAfter', () => {
  test('backoff doubles from the base up to the cap, scaled by the jitter', () => {
    const top = () => 0.999999
    expect([1, 2, 3, 4, 5, 6].map(n => backoffDelay(n, 250, 4_000, top))).toEqual([
      249, 499, 999, 1999, 3999, 3999
    ])
    expect(backoffDelay(3, 250, 4_000, () => 0)).toBe(0)
    expect(backoffDelay(3, 250, 4_000, () => 0.5)).toBe(500)
  })

  test('Retry-After reads seconds and HTTP-dates', () => {
    const now = Date.parse('2026-01-01T00:00:00Z')
    expect(parseRetryAfter('7', now)).toBe(7_000)
    expect(parseRetryAfter(['2', '9'], now)).toBe(2_000)
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30_000)
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:00:00 GMT', now)).toBe(0)
    expect(parseRetryAfter('soon', now)).toBeUndefined()
    expect(parseRetryAfter(undefined, now)).toBeUndefined()
    expect(parseRetryAfter('-3', now)).toBeUndefined()
  })
})

describe('mapWithLimit', () => {
  const tick = () => new Promise(resolve => setTimeout(resolve, 2))

  test('keeps input order and never exceeds the limit', async () => {
    let running = 0
    let peak = 0
    const result = await mapWithLimit([5, 1, 4, 2, 3, 0, 6], 3, async (n, index) => {
      running++
      peak = Math.max(peak, running)
      await new Promise(resolve => setTimeout(resolve, n * 3))
      running--
      return `${index}:${n}`
    })
    expect(result).toEqual(['0:5', '1:1', '2:4', '3:2', '4:3', '5:0', '6:6'])
    expect(peak).toBe(3)
  })

  test('the first failure rejects, aborts the others and starts no more', async () => {
    const started: number[] = []
    const signals: AbortSignal[] = []
    const run = mapWithLimit(
      Array.from({ length: 20 }, (_, i) => i),
      2,
      async (n, _index, signal) => {
        started.push(n)
        signals.push(signal)
        await tick()
        if (n === 1) throw new Error('boom')
        await tick()
        return n
      }
    )
    await expect(run).rejects.toThrow('boom')
    expect(started).toEqual([0, 1])
    expect(signals.every(s => s.aborted)).toBe(true)
  })

  test('an empty list maps to an empty list', async () => {
    await expect(mapWithLimit([], 4, async () => 1)).resolves.toEqual([])
  })

  test('perTurn starts the calls a group per turn of the event loop', async () => {
    // Each call queues an immediate; one queued in an earlier turn has run by the time a call
    // of the next group starts, never while its own group starts. No call ends before all
    // have started, so no worker takes a second item.
    const ran = new Set<number>()
    const earlierRan: boolean[] = []
    let allStarted!: () => void
    const started = new Promise<void>(resolve => (allStarted = resolve))
    const result = await mapWithLimit(
      [0, 1, 2, 3, 4, 5, 6],
      7,
      async n => {
        earlierRan[n] = n > 0 && ran.has(n - 1)
        setImmediate(() => ran.add(n))
        if (earlierRan.length === 7) allStarted()
        await started
        return n * 10
      },
      undefined,
      { perTurn: 3 }
    )
    expect(result).toEqual([0, 10, 20, 30, 40, 50, 60])
    expect(earlierRan).toEqual([false, false, false, true, false, false, true])
  })

  test('with perTurn, a failure in the first group starts no later group', async () => {
    const started: number[] = []
    const run = mapWithLimit(
      Array.from({ length: 12 }, (_, i) => i),
      12,
      async n => {
        started.push(n)
        if (n === 0) throw new Error('boom')
        await tick()
        return n
      },
      undefined,
      { perTurn: 4 }
    )
    await expect(run).rejects.toThrow('boom')
    expect(started).toEqual([0, 1, 2, 3])
  })

  test('with perTurn, an abort from outside between groups rejects with its reason', async () => {
    const outside = new AbortController()
    const started: number[] = []
    const run = mapWithLimit(
      [0, 1, 2, 3, 4, 5],
      6,
      async n => {
        started.push(n)
        if (n === 1) outside.abort(new Error('stopped'))
        return n
      },
      outside.signal,
      { perTurn: 2 }
    )
    await expect(run).rejects.toThrow('stopped')
    expect(started).toEqual([0, 1])
  })
})
