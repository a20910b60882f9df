/**
 * A broken feed must never look like a clean one. Transient faults at random are absorbed by
 * the retries and change no finding; faults that persist reject with a FeedError naming the
 * feed and the cause, in bounded time; answers that do not add up, and redirects, fail closed.
 */
import { afterEach, describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import path from 'node:path'
import { OsvApiFeed } from '../../src/advisories/osv-api.js'
import type { OsvRecord, PackageVersion } from '../../src/advisories/osv.js'
import { PypiFeed, skipKey } from '../../src/advisories/pypi-feed.js'
import { FeedError } from '../../src/shared/errors.js'
import { OsvServer, type Fault } from '../support/osv-server.js'
import { PypiServer, pypiVulnerability } from '../support/pypi-server.js'
import { readBody, sendJson as send } from '../support/loopback-server.js'
import { TESTS_DIR } from '../support/paths.js'

const RECORDS = path.resolve(TESTS_DIR, 'fixtures', 'osv', 'records')
/** Real PYSEC records (and one GHSA-shaped one), see fixtures/osv/README.md. */
const record = (id: string): OsvRecord =>
  JSON.parse(readFileSync(path.join(RECORDS, `${id}.json`), 'utf8')) as OsvRecord

/** What osv.dev lists for these releases (the same facts pypi-feed.test.ts relies on). */
const VULNERABLE: Record<string, string[]> = {
  'requests 2.19.0': ['GHSA-x84v-xcm2-53pg', 'PYSEC-2018-28', 'PYSEC-2023-74'],
  'pyyaml 5.3': ['PYSEC-2020-96', 'PYSEC-2021-142'],
  'urllib3 2.0.4': ['PYSEC-2023-192'],
  'repox 0.0.1': ['PYSEC-2023-293']
}
const DATABASE = new Map(
  Object.entries(VULNERABLE).map(([key, idList]) => [key, idList.map(record)])
)
const resolver = (name: string, version: string): OsvRecord[] =>
  DATABASE.get(`${name} ${version}`) ?? []

const pin = (name: string, version: string): PackageVersion => ({ name, version })
const ids = (result: OsvRecord[][]): string[][] => result.map(list => list.map(r => r.id))

/**
 * The limit for the whole of each request (request-timeout). It is a plain timer, so a stall
 * costs exactly this much; undici's per-read timeouts tick on a coarse timer and let a 200 ms
 * stall run up to ~1 s, which made this file take 20 s.
 */
const TIMEOUT_MS = 300
const ATTEMPTS = 4
const FAST_RETRY = { attempts: ATTEMPTS, baseDelayMs: 1, maxDelayMs: 5, maxRetryAfterMs: 5 }

/** mulberry32: a small seeded PRNG, so a failing run can be replayed exactly. */
function prng(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A loopback HTTP server the test controls; tracks its sockets so close() never hangs. */
class TestServer {
  requests = 0
  private readonly server: Server
  private readonly sockets = new Set<Socket>()

  constructor(handler: (req: IncomingMessage, res: ServerResponse, body: string) => unknown) {
    this.server = createServer((req, res) => {
      this.requests++
      void readBody(req).then(body => handler(req, res, body))
    })
    this.server.on('connection', socket => {
      this.sockets.add(socket)
      socket.on('close', () => this.sockets.delete(socket))
    })
  }

  async start(host = '127.0.0.1'): Promise<string> {
    await new Promise<void>(resolve => this.server.listen(0, '127.0.0.1', resolve))
    return `http://${host}:${(this.server.address() as AddressInfo).port}`
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy()
    await new Promise<void>(resolve => this.server.close(() => resolve()))
  }
}

type FaultKind = '500' | '503' | '429' | 'reset' | 'stall' | 'truncate'
const KINDS: FaultKind[] = ['500', '503', '429', 'reset', 'stall', 'truncate']

/**
 * Sits in front of a healthy OsvServer and fails a share of requests at random. Retries of
 * one request (same method, path and body) never meet more faults in a row than the retry
 * budget absorbs, nor more than one truncated body, which the client retries only once.
 */
class FaultyProxy {
  readonly injected = new Map<FaultKind, number>()
  readonly server: TestServer
  private streaks = new Map<string, { faults: number; truncated: boolean }>()

  constructor(
    private readonly upstream: string,
    private readonly random: () => number,
    private readonly rate: number
  ) {
    this.server = new TestServer((req, res, body) => this.handle(req, res, body))
  }

  get total(): number {
    return [...this.injected.values()].reduce((sum, n) => sum + n, 0)
  }

  newRun(): void {
    this.streaks = new Map()
  }

  private async handle(req: IncomingMessage, res: ServerResponse, body: string): Promise<void> {
    const key = `${req.method} ${req.url} ${body}`
    const streak = this.streaks.get(key) ?? { faults: 0, truncated: false }
    const kind = this.pick(streak)
    if (!kind) {
      this.streaks.delete(key)
      const answer = await this.forward(req, body)
      return send(res, answer.status, answer.text)
    }
    this.streaks.set(key, {
      faults: streak.faults + 1,
      truncated: streak.truncated || kind === 'truncate'
    })
    this.injected.set(kind, (this.injected.get(kind) ?? 0) + 1)
    switch (kind) {
      case '500':
      case '503':
      case '429':
        return send(res, Number(kind), '{"code":14,"message":"The service is busy."}', {
          'retry-after': '0'
        })
      case 'reset':
        req.socket.resetAndDestroy()
        return
      case 'stall':
        return // never answers: the client's timeout must fire
      case 'truncate': {
        const answer = await this.forward(req, body)
        return send(res, 200, answer.text.slice(0, Math.floor(answer.text.length / 2)))
      }
    }
  }

  private pick(streak: { faults: number; truncated: boolean }): FaultKind | undefined {
    if (streak.faults >= ATTEMPTS - 1 || this.random() >= this.rate) return undefined
    const allowed = KINDS.filter(kind => kind !== 'truncate' || !streak.truncated)
    return allowed[Math.floor(this.random() * allowed.length)]
  }

  private async forward(
    req: IncomingMessage,
    body: string
  ): Promise<{ status: number; text: string }> {
    const response = await fetch(`${this.upstream}${req.url}`, {
      method: req.method,
      headers: { 'content-type': 'application/json' },
      ...(req.method === 'POST' ? { body } : {})
    })
    return { status: response.status, text: await response.text() }
  }
}

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function osvServer(): Promise<{ server: OsvServer; baseUrl: string }> {
  // Pages of one vuln make every pin with advisories cost several querybatch requests.
  const server = new OsvServer(resolver, { batchPageSize: 1, queryPageSize: 1 })
  const baseUrl = await server.start()
  cleanups.push(() => server.close())
  return { server, baseUrl }
}

function osvFeed(baseUrl: string): OsvApiFeed {
  const feed = new OsvApiFeed({ baseUrl, retry: FAST_RETRY, requestTimeoutMs: TIMEOUT_MS })
  cleanups.push(() => feed.close())
  return feed
}

async function rejection(promise: Promise<unknown>): Promise<FeedError> {
  const outcome = await promise.then(
    value => ({ value }),
    (error: unknown) => ({ error })
  )
  expect(outcome).not.toHaveProperty('value')
  expect((outcome as { error: unknown }).error).toBeInstanceOf(FeedError)
  return (outcome as { error: FeedError }).error
}

describe('transient faults at random', () => {
  const RUNS = 30
  const PINS_PER_RUN = 40
  /**
   * The runs go in three lanes side by side, each with its own seed and its own faulty proxy:
   * a lane's runs follow one another, so a failing lane replays from its seed, and the time a
   * run spends waiting out a stalled answer is spent by the other lanes working.
   */
  const LANES = 3
  const SEED = 20_261_129
  const POOL = [
    ...Object.keys(VULNERABLE).map(key => pin(...(key.split(' ') as [string, string]))),
    pin('requests', '2.32.3'),
    pin('pyyaml', '6.0.2'),
    ...Array.from({ length: 50 }, (_, i) => pin(`clean-package-${i}`, `1.${i}.0`))
  ]

  test(`${RUNS} runs of ${PINS_PER_RUN} pins find what a healthy feed finds`, async () => {
    const { baseUrl } = await osvServer()
    const healthy = osvFeed(baseUrl)
    const lanes = await Promise.all(
      Array.from({ length: LANES }, async (_, lane) => {
        const random = prng(SEED + lane)
        const proxy = new FaultyProxy(baseUrl, random, 0.3)
        const proxyUrl = await proxy.server.start()
        cleanups.push(() => proxy.server.close())
        let identical = 0
        let findings = 0
        for (let run = lane; run < RUNS; run += LANES) {
          const pins = shuffled(POOL, random).slice(0, PINS_PER_RUN)
          const expected = ids(await healthy.lookup(pins))
          proxy.newRun()
          // A fresh feed per run: no connection or state carries a fault over to the next run.
          const faulty = new OsvApiFeed({
            baseUrl: proxyUrl,
            retry: FAST_RETRY,
            requestTimeoutMs: TIMEOUT_MS
          })
          const actual = await faulty.lookup(pins).finally(() => faulty.close())
          expect({
            seed: SEED + lane,
            run,
            found: actual.map((list, i) => [pins[i]?.name, list.map(r => r.id)])
          }).toEqual({
            seed: SEED + lane,
            run,
            found: expected.map((list, i) => [pins[i]?.name, list])
          })
          identical++
          findings += expected.flat().length
        }
        return { proxy, identical, findings }
      })
    )
    const sum = (count: (lane: (typeof lanes)[number]) => number) =>
      lanes.reduce((total, lane) => total + count(lane), 0)
    const injected = new Map<FaultKind, number>()
    for (const { proxy } of lanes)
      for (const [kind, n] of proxy.injected) injected.set(kind, (injected.get(kind) ?? 0) + n)
    const total = sum(lane => lane.proxy.total)
    const requests = sum(lane => lane.proxy.server.requests)
    const identical = sum(lane => lane.identical)
    const findings = sum(lane => lane.findings)
    const byKind = [...injected].map(([kind, n]) => `${kind}: ${n}`).join(', ')
    console.log(
      `${RUNS} runs of ${PINS_PER_RUN} pins, ${total} faults injected over ` +
        `${requests} requests (${byKind}), ${identical}/${RUNS} identical to the ` +
        `healthy feed (${findings} findings in all)`
    )
    // The comparison means something only if there were findings and faults of every kind.
    expect(findings).toBeGreaterThan(RUNS)
    for (const kind of KINDS) expect(injected.get(kind) ?? 0).toBeGreaterThan(0)
    expect(total / requests).toBeGreaterThan(0.15)
  }, 60_000)
})

describe('faults that persist', () => {
  const pins = [pin('requests', '2.19.0'), pin('urllib3', '2.0.4'), pin('flask', '3.0.0')]
  const PERSISTENT: [string, Fault, RegExp][] = [
    [
      '503',
      { kind: 'status', status: 503 },
      /HTTP 503 \(The service is busy\.\), after 4 attempts$/
    ],
    [
      '500',
      { kind: 'status', status: 500 },
      /HTTP 500 \(The service is busy\.\), after 4 attempts$/
    ],
    [
      '429 with Retry-After 0',
      { kind: 'status', status: 429, retryAfter: '0' },
      /HTTP 429 \(The service is busy\.\), after 4 attempts$/
    ],
    ['a reset connection', { kind: 'reset' }, /(ECONNRESET|UND_ERR_SOCKET).*, after 4 attempts$/],
    [
      'a stalled answer',
      { kind: 'stall' },
      /timed out after 0\.3 s \(headers and body\), after 4 attempts$/
    ],
    [
      'an answer dripping a byte every 50 ms',
      { kind: 'drip', intervalMs: 50 },
      /timed out after 0\.3 s \(headers and body\), after 4 attempts$/
    ],
    // A cut-off body is retried once only: a second one is not bad luck.
    ['a truncated body', { kind: 'truncate' }, /malformed JSON \(.*\), after 2 attempts$/]
  ]

  test.each(PERSISTENT)(
    '%s on every request rejects naming feed and cause',
    async (_, fault, cause) => {
      const { server, baseUrl } = await osvServer()
      const feed = osvFeed(baseUrl)
      server.failNext(1_000, fault)
      const started = performance.now()
      const error = await rejection(feed.lookup(pins))
      const elapsed = performance.now() - started
      expect(error.feed).toBe(`OSV API (${baseUrl})`)
      expect(error.message).toMatch(/^Advisory feed OSV API \(http:\/\/127\.0\.0\.1:\d+\) failed: /)
      expect(error.message).toContain('POST /v1/querybatch: ')
      expect(error.message).toMatch(cause)
      // Tries x limit, plus backoff (<= 5 ms each) and slack for a loaded machine.
      expect(elapsed).toBeLessThan(ATTEMPTS * (TIMEOUT_MS + 250) + 1_500)
      expect(server.totalRequests).toBeLessThanOrEqual(ATTEMPTS)
    }
  )

  test('a record endpoint that stays down fails the lookup, never drops its findings', async () => {
    const { server, baseUrl } = await osvServer()
    const feed = osvFeed(baseUrl)
    server.failNext(1_000, { kind: 'status', status: 503 }, 'vulns')
    server.failNext(1_000, { kind: 'status', status: 503 }, 'query')
    const error = await rejection(feed.lookup(pins))
    expect(error.message).toMatch(/: (GET \/v1\/vulns\/|POST \/v1\/query: )\S*.*HTTP 503/)
    expect(server.counts.querybatch).toBeGreaterThan(0)
  })
})

describe('answers that do not add up', () => {
  const pins = [pin('requests', '2.19.0'), pin('flask', '3.0.0'), pin('pyyaml', '5.3')]

  test.each([
    ['fewer', { results: [{}, {}] }, /querybatch answered 2 results for 3 queries$/],
    ['more', { results: [{}, {}, {}, {}] }, /querybatch answered 4 results for 3 queries$/],
    ['no', { results: [] }, /querybatch answered 0 results for 3 queries$/]
  ])('%s batch results than queries is a FeedError', async (_, body, message) => {
    const { server, baseUrl } = await osvServer()
    const feed = osvFeed(baseUrl)
    server.failNext(1, { kind: 'status', status: 200, body: JSON.stringify(body) }, 'querybatch')
    const error = await rejection(feed.lookup(pins))
    expect(error.feed).toBe(feed.name)
    expect(error.message).toContain('malformed answer')
    expect(error.message).toMatch(message)
  })

  test.each([301, 302, 307, 308])(
    'a %i redirect to another host fails closed and the other host hears nothing',
    async status => {
      const elsewhere = new TestServer((_req, res) => send(res, 200, '{"results":[{},{},{}]}'))
      const elsewhereUrl = await elsewhere.start('localhost')
      cleanups.push(() => elsewhere.close())
      const redirecting = new TestServer((req, res) =>
        send(res, status, '', { location: `${elsewhereUrl}${req.url}` })
      )
      const baseUrl = await redirecting.start()
      cleanups.push(() => redirecting.close())
      const feed = osvFeed(baseUrl)
      const error = await rejection(feed.lookup(pins))
      expect(error.message).toBe(
        `Advisory feed OSV API (${baseUrl}) failed: POST /v1/querybatch: HTTP ${status}, after 1 attempt`
      )
      expect(redirecting.requests).toBe(1)
      expect(elsewhere.requests).toBe(0)
    }
  )
})

describe('PyPI JSON API faults', () => {
  const releases = [
    {
      project: 'urllib3',
      version: '2.0.4',
      vulnerabilities: [pypiVulnerability(record('PYSEC-2023-192'))]
    }
  ]

  async function pypi(): Promise<{ server: PypiServer; feed: PypiFeed; baseUrl: string }> {
    const server = new PypiServer(releases)
    const baseUrl = await server.start()
    const feed = new PypiFeed({ baseUrl, retry: FAST_RETRY, requestTimeoutMs: TIMEOUT_MS })
    cleanups.push(
      () => server.close(),
      () => feed.close()
    )
    return { server, feed, baseUrl }
  }

  test('a 503 that persists rejects with a FeedError naming PyPI', async () => {
    const { server, feed, baseUrl } = await pypi()
    server.failNext(1_000, { kind: 'status', status: 503 })
    const error = await rejection(feed.lookup([pin('urllib3', '2.0.4')]))
    expect(error.feed).toBe(`PyPI JSON API (${baseUrl})`)
    expect(error.message).toMatch(
      /^Advisory feed PyPI JSON API \(http:\/\/127\.0\.0\.1:\d+\) failed: GET \/pypi\/urllib3\/2\.0\.4\/json: HTTP 503.*after 4 attempts$/
    )
    expect(server.counts.faults).toBe(ATTEMPTS)
  })

  test('transient faults are retried to the same answer', async () => {
    const { server, feed } = await pypi()
    server.failNext(1, { kind: 'reset' })
    server.failNext(1, { kind: 'status', status: 429, retryAfter: '0' })
    server.failNext(1, { kind: 'truncate' })
    const result = await feed.lookup([pin('urllib3', '2.0.4')])
    expect(ids(result)).toEqual([['PYSEC-2023-192']])
    expect(server.counts).toMatchObject({ faults: 3, found: 1 })
  })

  test('a 404 is a skipped dependency, not a FeedError, and is not retried', async () => {
    const { server, feed } = await pypi()
    const unknown = pin('no-such-project', '1.0')
    const result = await feed.lookup([unknown, pin('urllib3', '2.0.4')])
    expect(ids(result)).toEqual([[], ['PYSEC-2023-192']])
    expect(feed.skipped().get(skipKey(unknown))).toBe(
      'Dependency not found on PyPI and could not be audited: no-such-project (1.0)'
    )
    expect(server.counts.notFound).toBe(1)
  })
})

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items]
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[copy[i], copy[j]] = [copy[j] as T, copy[i] as T]
  }
  return copy
}
