/**
 * A server that sends one byte now and then renews undici's per-read timeouts forever. The
 * limit over the whole of a request (the request-timeout input) ends each try, the try is
 * retried like any other failure, and the lookup fails closed naming the feed and the limit.
 * Every client that sends requests takes the limit: the JSON client under the OSV and PyPI
 * feeds and the license lookups, and Dependency-Track's own client.
 */
import { afterEach, describe, expect, test } from '@jest/globals'
import { OsvApiFeed } from '../../src/advisories/osv-api.js'
import { PypiFeed } from '../../src/advisories/pypi-feed.js'
import { DependencyTrackHttp } from '../../src/integrations/dependency-track/http.js'
import { gatherLicenseMetadata } from '../../src/licenses/sources.js'
import { JsonClient, RequestDeadline } from '../../src/net/http.js'
import { FeedError } from '../../src/shared/errors.js'
import { silentLogger } from '../../src/shared/log.js'
import { OsvServer } from '../support/osv-server.js'
import { PypiServer } from '../support/pypi-server.js'

/**
 * One byte every 0.1 s, forever: four bytes within each try's limit, each of which would renew
 * a per-read timeout, so only a limit over the whole request can end the try.
 */
const DRIP = { kind: 'drip', intervalMs: 100 } as const
const LIMIT_MS = 400
const RETRY = { attempts: 2, baseDelayMs: 1, maxDelayMs: 5 }
/** Two tries of 0.4 s; generous for a loaded 2-core machine, and far below "forever". */
const UPPER_BOUND_MS = 2 * LIMIT_MS + 4_000

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function dripping(phase: 'headers' | 'body' = 'body') {
  const server = new OsvServer(() => [])
  const url = await server.start()
  cleanups.push(() => server.close())
  server.failNext(1_000, { ...DRIP, phase })
  return { server, url }
}

/** The rejection of `run()`, and how long it took. */
async function timed<E>(run: () => Promise<unknown>, type: new (...args: never[]) => E) {
  const started = performance.now()
  const outcome = await run().then(
    value => ({ value }),
    (error: unknown) => ({ error })
  )
  const elapsedMs = performance.now() - started
  expect(outcome).not.toHaveProperty('value')
  const { error } = outcome as { error: unknown }
  expect(error).toBeInstanceOf(type)
  return { error: error as E, elapsedMs }
}

describe('JsonClient', () => {
  function client(requestTimeoutMs = LIMIT_MS): JsonClient {
    const created = new JsonClient({ feedName: 'Test feed', requestTimeoutMs, retry: RETRY })
    cleanups.push(() => created.close())
    return created
  }

  test.each([
    ['a body', 'body'],
    ['headers', 'headers']
  ] as const)(
    '%s dripping a byte every 0.1 s: cut at the limit, retried, then failing closed',
    async (_, phase) => {
      const { server, url } = await dripping(phase)
      const { error, elapsedMs } = await timed(
        () => client().getJson(`${url}/v1/vulns/PYSEC-2018-28`),
        FeedError
      )
      expect(error.feed).toBe('Test feed')
      expect(error.message).toBe(
        'Advisory feed Test feed failed: GET /v1/vulns/PYSEC-2018-28: timed out after 0.4 s ' +
          '(headers and body), after 2 attempts'
      )
      expect(server.counts.vulns).toBe(2)
      expect(elapsedMs).toBeGreaterThanOrEqual(2 * LIMIT_MS - 50)
      expect(elapsedMs).toBeLessThan(UPPER_BOUND_MS)
    },
    15_000
  )

  test('an answer that takes a while but ends within the limit is read', async () => {
    const record = { id: 'PYSEC-2018-28', modified: '2021-06-16T00:03:24.800813Z' }
    const server = new OsvServer(() => [], { latencyMs: 300, byId: () => record })
    const url = await server.start()
    cleanups.push(() => server.close())
    await expect(client(1_000).getJson(`${url}/v1/vulns/PYSEC-2018-28`)).resolves.toEqual(record)
  })

  test("the caller's abort is not a timeout: it rejects with the caller's reason, no retry", async () => {
    const { server, url } = await dripping()
    const controller = new AbortController()
    setTimeout(() => controller.abort(new Error('run cancelled')), 200)
    const started = performance.now()
    await expect(
      client(60_000).getJson(`${url}/v1/vulns/PYSEC-2018-28`, controller.signal)
    ).rejects.toThrow('run cancelled')
    expect(performance.now() - started).toBeLessThan(2_000)
    expect(server.counts.vulns).toBe(1)
  })

  test('the limit is described in seconds, as the input is given', () => {
    const deadlines = [1_000, 250, 60_000].map(ms => new RequestDeadline(ms))
    expect(deadlines.map(deadline => deadline.description)).toEqual([
      'timed out after 1 s (headers and body)',
      'timed out after 0.25 s (headers and body)',
      'timed out after 60 s (headers and body)'
    ])
    deadlines.forEach(deadline => deadline.clear())
  })
})

describe('every client takes the limit', () => {
  test('the OSV API feed', async () => {
    const { url } = await dripping()
    const feed = new OsvApiFeed({ baseUrl: url, requestTimeoutMs: LIMIT_MS, retry: RETRY })
    cleanups.push(() => feed.close())
    const { error, elapsedMs } = await timed(
      () => feed.lookup([{ name: 'requests', version: '2.19.0' }]),
      FeedError
    )
    expect(error.feed).toBe(`OSV API (${url})`)
    expect(error.message).toMatch(
      /: POST \/v1\/querybatch: timed out after 0\.4 s \(headers and body\), after 2 attempts$/
    )
    expect(elapsedMs).toBeLessThan(UPPER_BOUND_MS)
  }, 15_000)

  async function drippingPypi(): Promise<string> {
    const server = new PypiServer([{ project: 'requests', version: '2.19.0' }])
    const url = await server.start()
    cleanups.push(() => server.close())
    server.failNext(1_000, DRIP)
    return url
  }

  test('the PyPI JSON API feed', async () => {
    const url = await drippingPypi()
    const feed = new PypiFeed({ baseUrl: url, requestTimeoutMs: LIMIT_MS, retry: RETRY })
    cleanups.push(() => feed.close())
    const { error } = await timed(
      () => feed.lookup([{ name: 'requests', version: '2.19.0' }]),
      FeedError
    )
    expect(error.message).toMatch(
      /^Advisory feed PyPI JSON API \(.*\) failed: GET \/pypi\/requests\/2\.19\.0\/json: timed out after 0\.4 s \(headers and body\), after 2 attempts$/
    )
  }, 15_000)

  test('the license lookups on PyPI', async () => {
    const url = await drippingPypi()
    const { error } = await timed(
      () =>
        gatherLicenseMetadata([{ name: 'requests', version: '2.19.0' }], {
          mode: 'pypi',
          pypiUrl: url,
          offline: false,
          requestTimeoutMs: LIMIT_MS,
          retry: RETRY
        }),
      FeedError
    )
    expect(error.message).toMatch(/timed out after 0\.4 s \(headers and body\), after 2 attempts$/)
  }, 15_000)

  test("Dependency-Track's client", async () => {
    const { url } = await dripping()
    const http = new DependencyTrackHttp(url, {
      apiKey: 'odt_secret',
      logger: silentLogger,
      timeoutMs: LIMIT_MS,
      attempts: 2,
      baseDelayMs: 1
    })
    cleanups.push(() => http.close())
    const { error, elapsedMs } = await timed(
      () => http.send('GET', '/api/version', 'read the version'),
      Error
    )
    expect(error.message).toBe(
      `Could not read the version: Dependency-Track at ${url} did not answer ` +
        '(timed out after 0.4 s (headers and body), after 2 attempts)'
    )
    expect(elapsedMs).toBeLessThan(UPPER_BOUND_MS)
  }, 15_000)
})
