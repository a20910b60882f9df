import { afterEach, describe, expect, test } from '@jest/globals'
import { FeedError } from '../../src/shared/errors.js'
import type { OsvRecord, PackageVersion } from '../../src/advisories/osv.js'
import {
  OsvApiFeed,
  planDetailFetches,
  type OsvApiFeedOptions,
  type RecordStore,
  type VulnRef
} from '../../src/advisories/osv-api.js'
import { OsvServer, type OsvServerOptions } from '../support/osv-server.js'
import { TEST_CA, TlsServer, sendJson as sendTlsJson } from '../support/tls-server.js'

/** Trimmed real advisories (Python Packaging Advisory Database, CC BY 4.0). */
function advisory(id: string, modified: string, name: string, fixed: string): OsvRecord {
  return {
    id,
    modified,
    affected: [
      {
        package: { ecosystem: 'PyPI', name },
        ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed }] }]
      }
    ]
  }
}
const REQUESTS_AUTH = advisory('PYSEC-2018-28', '2021-06-16T00:03:24.800813Z', 'requests', '2.20.0')
const REQUESTS_PROXY = advisory(
  'PYSEC-2023-74',
  '2023-06-05T01:13:00.534973Z',
  'requests',
  '2.31.0'
)
const PYYAML_LOAD = advisory('PYSEC-2020-96', '2021-03-26T02:44:00Z', 'pyyaml', '5.3.1')
const PYYAML_FULL = advisory('PYSEC-2021-142', '2021-08-27T03:22:18.913334Z', 'pyyaml', '5.4')
const PLONE_WITHDRAWN: OsvRecord = {
  ...advisory('PYSEC-2006-10', '2026-07-09T15:54:00Z', 'plone', '2.5.2'),
  withdrawn: '2026-07-09T15:54:00Z'
}

const DATABASE: Record<string, OsvRecord[]> = {
  'requests 2.19.0': [REQUESTS_AUTH, REQUESTS_PROXY],
  'pyyaml 5.3': [PYYAML_LOAD, PYYAML_FULL],
  'pyyaml 5.3.1': [PYYAML_FULL],
  'plone 2.5': [PLONE_WITHDRAWN]
}
const fromMap = (db: Record<string, OsvRecord[]>) => (name: string, version: string) =>
  db[`${name} ${version}`] ?? []

const pin = (name: string, version: string): PackageVersion => ({ name, version })
const ids = (result: OsvRecord[][]) => result.map(records => records.map(r => r.id))
const FAST_RETRY = { attempts: 3, baseDelayMs: 1, maxDelayMs: 5 }

let running: { server: OsvServer; feed: OsvApiFeed }[] = []

async function setup(
  resolver = fromMap(DATABASE),
  serverOptions: OsvServerOptions = {},
  feedOptions: Partial<OsvApiFeedOptions> = {}
): Promise<{ server: OsvServer; feed: OsvApiFeed }> {
  const server = new OsvServer(resolver, serverOptions)
  const baseUrl = await server.start()
  const feed = new OsvApiFeed({ baseUrl, retry: FAST_RETRY, timeoutMs: 2_000, ...feedOptions })
  running.push({ server, feed })
  return { server, feed }
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

afterEach(async () => {
  await Promise.all(running.map(({ server, feed }) => feed.close().then(() => server.close())))
  running = []
})

describe('OsvApiFeed lookup', () => {
  test('answers each pin in query order, withdrawn records dropped', async () => {
    const { server, feed } = await setup()
    const result = await feed.lookup([
      pin('pyyaml', '6.0.1'),
      pin('requests', '2.19.0'),
      pin('plone', '2.5'),
      pin('pyyaml', '5.3'),
      pin('requests', '2.19.0')
    ])
    expect(ids(result)).toEqual([
      [],
      ['PYSEC-2018-28', 'PYSEC-2023-74'],
      [],
      ['PYSEC-2020-96', 'PYSEC-2021-142'],
      ['PYSEC-2018-28', 'PYSEC-2023-74']
    ])
    expect(result[1]?.[0]).toEqual(REQUESTS_AUTH)
    // One batch; then one /v1/query per pin with several records, one GET for plone.
    expect(server.batchSizes).toEqual([4])
    expect(server.counts).toEqual({ querybatch: 1, query: 2, vulns: 1, other: 0 })
  })

  test('is named after its base URL and sends nothing for no pins', async () => {
    const { server, feed } = await setup()
    expect(feed.name).toMatch(/^OSV API \(http:\/\/127\.0\.0\.1:\d+\)$/)
    await expect(feed.lookup([])).resolves.toEqual([])
    expect(server.totalRequests).toBe(0)
  })

  test('splits 2,500 pins into batches of at most 1,000', async () => {
    const { server, feed } = await setup(name =>
      name === 'pkg-1234' || name === 'pkg-2499' ? [PYYAML_FULL] : []
    )
    const pins = Array.from({ length: 2_500 }, (_, i) => pin(`pkg-${i}`, '1.0'))
    const result = await feed.lookup(pins)
    expect(server.batchSizes.sort((a, b) => b - a)).toEqual([1000, 1000, 500])
    expect(result).toHaveLength(2_500)
    const hits = result.flatMap((records, i) => (records.length > 0 ? [i] : []))
    expect(hits).toEqual([1234, 2499])
    expect(server.counts.vulns).toBe(1) // the same id for both pins is fetched once
  })

  test('follows querybatch pages until no token is left', async () => {
    const many = Array.from({ length: 5 }, (_, i) =>
      advisory(`TEST-${i}`, '2024-01-01T00:00:00Z', 'big', '9')
    )
    const { server, feed } = await setup(fromMap({ ...DATABASE, 'big 1.0': many }), {
      batchPageSize: 2
    })
    const result = await feed.lookup([pin('big', '1.0'), pin('requests', '2.19.0')])
    expect(ids(result)).toEqual([
      ['TEST-0', 'TEST-1', 'TEST-2', 'TEST-3', 'TEST-4'],
      ['PYSEC-2018-28', 'PYSEC-2023-74']
    ])
    // Page 2 and 3 re-ask only the query that still had a token.
    expect(server.batchSizes).toEqual([2, 1, 1])
  })

  test('follows /v1/query pages when fetching full records', async () => {
    const many = Array.from({ length: 5 }, (_, i) =>
      advisory(`TEST-${i}`, '2024-01-01T00:00:00Z', 'big', '9')
    )
    const { server, feed } = await setup(fromMap({ 'big 1.0': many }), { queryPageSize: 2 })
    const [records] = await feed.lookup([pin('big', '1.0')])
    expect(records).toEqual(many)
    expect(server.counts.query).toBe(3)
    expect(server.counts.vulns).toBe(0)
  })

  test('URL-encodes ids in record paths', async () => {
    const odd = advisory('TEST-1/../x y', '2024-01-01T00:00:00Z', 'odd', '2')
    const { server, feed } = await setup(
      fromMap({ 'odd 1': [odd] }),
      {},
      { detailStrategy: 'by-id' }
    )
    await expect(feed.lookup([pin('odd', '1')])).resolves.toEqual([[odd]])
    expect(server.counts.vulns).toBe(1)
  })

  test('fetches by id what /v1/query no longer lists', async () => {
    const { server, feed } = await setup()
    server.failNext(1, { kind: 'status', status: 200, body: '{}' }, 'query')
    const result = await feed.lookup([pin('requests', '2.19.0')])
    expect(ids(result)).toEqual([['PYSEC-2018-28', 'PYSEC-2023-74']])
    expect(server.counts).toMatchObject({ query: 1, vulns: 2 })
  })
})

describe('OsvApiFeed detail strategies', () => {
  const pins = [
    pin('requests', '2.19.0'),
    pin('pyyaml', '5.3'),
    pin('pyyaml', '5.3.1'),
    pin('plone', '2.5')
  ]

  // pyyaml 5.3.1's only record comes with pyyaml 5.3's, so no strategy asks for it again.
  test.each([
    ['by-package', { query: 3, vulns: 0 }],
    ['by-id', { query: 0, vulns: 5 }],
    ['auto', { query: 2, vulns: 1 }]
  ] as const)('%s sends the expected requests', async (detailStrategy, expected) => {
    const { server, feed } = await setup(undefined, {}, { detailStrategy })
    const result = await feed.lookup(pins)
    expect(ids(result)).toEqual([
      ['PYSEC-2018-28', 'PYSEC-2023-74'],
      ['PYSEC-2020-96', 'PYSEC-2021-142'],
      ['PYSEC-2021-142'],
      []
    ])
    expect(server.counts).toEqual({ querybatch: 1, ...expected, other: 0 })
  })

  test('a record store skips records it holds at the same modified date', async () => {
    const held = new Map([[REQUESTS_AUTH.id, REQUESTS_AUTH]])
    const store: RecordStore = {
      get: (id, modified) => (held.get(id)?.modified === modified ? held.get(id) : undefined),
      put: record => void held.set(record.id, record)
    }
    const { server, feed } = await setup(undefined, {}, { records: store })
    const result = await feed.lookup([pin('requests', '2.19.0')])
    expect(ids(result)).toEqual([['PYSEC-2018-28', 'PYSEC-2023-74']])
    expect(server.counts).toMatchObject({ query: 0, vulns: 1 })
    expect(held.get(REQUESTS_PROXY.id)).toEqual(REQUESTS_PROXY)
    // A newer `modified` upstream makes the held copy stale.
    held.set(REQUESTS_AUTH.id, { ...REQUESTS_AUTH, modified: '2020-01-01T00:00:00Z' })
    await feed.lookup([pin('requests', '2.19.0')])
    expect(server.counts).toMatchObject({ query: 0, vulns: 2 })
  })

  test("onRecords is told each pin's records as soon as they are all in: the very lists lookup returns", async () => {
    const told: { pin: string; ids: string[]; records: readonly OsvRecord[] }[] = []
    const answered: string[] = []
    const { server, feed } = await setup(
      undefined,
      {},
      {
        onRecords: (pin, records) => {
          told.push({ pin: `${pin.name} ${pin.version}`, ids: records.map(r => r.id), records })
          // What the server had answered when this pin was told.
          answered.push(`${server.counts.query}+${server.counts.vulns}`)
        }
      }
    )
    const pins = [
      pin('requests', '2.19.0'),
      pin('pyyaml', '5.3'),
      pin('pyyaml', '5.3.1'),
      pin('plone', '2.5'),
      pin('flask', '3.0.0')
    ]
    const result = await feed.lookup(pins)
    // Once per pin that matched anything, with what lookup returns (withdrawn left out); none
    // for flask, which matched nothing.
    expect(told.map(({ pin, ids }) => [pin, ids]).sort()).toEqual([
      ['plone 2.5', []],
      ['pyyaml 5.3', ['PYSEC-2020-96', 'PYSEC-2021-142']],
      ['pyyaml 5.3.1', ['PYSEC-2021-142']],
      ['requests 2.19.0', ['PYSEC-2018-28', 'PYSEC-2023-74']]
    ])
    for (const { pin: name, records } of told) {
      expect(records).toBe(result[pins.findIndex(p => `${p.name} ${p.version}` === name)])
    }
    // pyyaml 5.3.1's only record comes with pyyaml 5.3's /v1/query: it is told right then,
    // just before pyyaml 5.3 itself, and before the lookup has all its answers.
    const order = told.map(({ pin }) => pin)
    expect(order.indexOf('pyyaml 5.3')).toBe(order.indexOf('pyyaml 5.3.1') + 1)
    expect(answered.slice(0, -1)).not.toContain(`${server.counts.query}+${server.counts.vulns}`)
  })

  test('onRecords is told at once of pins whose records are all held, before any record is fetched', async () => {
    const held = new Map([REQUESTS_AUTH, REQUESTS_PROXY].map(r => [r.id, r]))
    const store: RecordStore = { get: id => held.get(id) }
    const told: [string, number][] = []
    const { server, feed } = await setup(
      undefined,
      { latencyMs: 20 },
      {
        records: store,
        onRecords: (pin, records) => {
          told.push([pin.name, server.counts.query + server.counts.vulns])
          expect(records.map(r => r.id)).toEqual(
            pin.name === 'requests' ? [REQUESTS_AUTH.id, REQUESTS_PROXY.id] : expect.anything()
          )
        }
      }
    )
    await feed.lookup([pin('pyyaml', '5.3'), pin('requests', '2.19.0')])
    // requests before any detail request had even arrived; pyyaml once its /v1/query answered.
    expect(told).toEqual([
      ['requests', 0],
      ['pyyaml', 1]
    ])
  })

  test('planDetailFetches never plans an id twice', () => {
    const ref = (id: string): VulnRef => ({ id, modified: 'm' })
    const refs = [[ref('A'), ref('B')], [ref('A')], [ref('C')], [ref('B'), ref('C'), ref('D')]]
    // Pin 3 still needs only D once B and C are planned: one GET, not a /v1/query.
    expect(planDetailFetches(refs, () => false, 'auto')).toEqual({
      packageQueries: [0],
      ids: ['C', 'D']
    })
    expect(planDetailFetches(refs, r => r.id !== 'D', 'by-package')).toEqual({
      packageQueries: [3],
      ids: []
    })
    expect(planDetailFetches(refs, () => false, 'by-id').ids).toEqual(['A', 'B', 'C', 'D'])
  })

  test('planDetailFetches whole-package: one query per package, for any pin needing a record', () => {
    const ref = (id: string): VulnRef => ({ id, modified: 'm' })
    const refs = [[ref('A')], [ref('B')], [ref('C')], [], [ref('D')]]
    // Pins 0 and 1 are two versions of Django (spelt two ways); pin 2's records are held.
    const names = ['Django', 'django', 'requests', 'idna', 'urllib3']
    expect(planDetailFetches(refs, r => r.id === 'C', 'whole-package', names)).toEqual({
      packageQueries: [0, 4],
      ids: []
    })
  })

  test('planDetailFetches fetches no id by itself that a planned package query returns', () => {
    const ref = (id: string): VulnRef => ({ id, modified: 'm' })
    // Pin 0 alone would GET C; pin 1 needs D and E, so its /v1/query returns C as well.
    const refs = [[ref('C')], [ref('C'), ref('D'), ref('E')], [ref('F')]]
    expect(planDetailFetches(refs, () => false, 'auto')).toEqual({
      packageQueries: [1],
      ids: ['F']
    })
  })
})

describe('OsvApiFeed over HTTPS, as osv.dev serves it', () => {
  /**
   * An OSV stand-in over TLS where each of `pins` pins matches two advisories of its own:
   * every record comes with one /v1/query per pin.
   */
  async function tlsOsv(http2: boolean): Promise<TlsServer> {
    const records = (name: string) => [
      advisory(`TEST-${name}-1`, '2024-01-01T00:00:00Z', name, '2'),
      advisory(`TEST-${name}-2`, '2024-01-01T00:00:00Z', name, '3')
    ]
    const server = await TlsServer.start(
      async (request, response) => {
        let text = ''
        for await (const chunk of request) text += String(chunk)
        const body = JSON.parse(text) as {
          queries?: { package: { name: string } }[]
          package?: { name: string }
        }
        if (request.url === '/v1/querybatch') {
          const results = body.queries!.map(query => ({
            vulns: records(query.package.name).map(({ id, modified }) => ({ id, modified }))
          }))
          sendTlsJson(response, 200, { results })
        } else sendTlsJson(response, 200, { vulns: records(body.package!.name) })
      },
      { http2, latencyMs: 20 }
    )
    running.push({
      server: { close: () => server.close() } as unknown as OsvServer,
      feed: { close: async () => {} } as unknown as OsvApiFeed
    })
    return server
  }
  const pins = Array.from({ length: 130 }, (_, i) => pin(`pkg-${i}`, '1.0'))

  test('over HTTP/2 every detail request goes out at once, on one connection', async () => {
    const server = await tlsOsv(true)
    const feed = new OsvApiFeed({ baseUrl: server.origin, extraCaCerts: TEST_CA })
    try {
      const result = await feed.lookup(pins)
      expect(result.map(records => records.length)).toEqual(pins.map(() => 2))
    } finally {
      await feed.close()
    }
    expect(server.counts.connections).toEqual({ h2: 1, 'http/1.1': 0 })
    expect(server.counts.requests.h2).toBe(1 + 130)
    expect(server.counts.maxInFlight).toBe(130)
  })

  test('over HTTP/1.1 the connections bound the requests in flight', async () => {
    const server = await tlsOsv(false)
    const feed = new OsvApiFeed({ baseUrl: server.origin, extraCaCerts: TEST_CA, concurrency: 8 })
    try {
      await feed.lookup(pins.slice(0, 40))
    } finally {
      await feed.close()
    }
    expect(server.counts.requests['http/1.1']).toBe(1 + 40)
    expect(server.counts.connections['http/1.1']).toBeLessThanOrEqual(8)
    expect(server.counts.maxInFlight).toBeLessThanOrEqual(8)
  })
})

describe('OsvApiFeed failures', () => {
  const pins = [pin('requests', '2.19.0'), pin('pyyaml', '5.3')]

  test('503s, a 429 with Retry-After and a reset connection are retried', async () => {
    const { server, feed } = await setup()
    server.failNext(2, { kind: 'status', status: 503 }, 'querybatch')
    server.failNext(1, { kind: 'status', status: 429, retryAfter: '0' }, 'query')
    server.failNext(1, { kind: 'reset' }, 'query')
    const result = await feed.lookup(pins)
    expect(ids(result)).toEqual([
      ['PYSEC-2018-28', 'PYSEC-2023-74'],
      ['PYSEC-2020-96', 'PYSEC-2021-142']
    ])
    expect(server.counts).toMatchObject({ querybatch: 3, query: 4 })
  })

  test('a feed that stays down rejects with FeedError naming feed and cause', async () => {
    const { server, feed } = await setup()
    server.failNext(100, { kind: 'status', status: 503 }, 'query')
    const error = await rejection(feed.lookup(pins))
    expect(error.feed).toBe(feed.name)
    expect(error.message).toBe(
      `Advisory feed ${feed.name} failed: POST /v1/query: HTTP 503 (The service is busy.), after 3 attempts`
    )
  })

  test('a result count that does not match the queries is an error', async () => {
    const { server, feed } = await setup()
    const body = JSON.stringify({ results: [{}] })
    server.failNext(1, { kind: 'status', status: 200, body }, 'querybatch')
    const error = await rejection(feed.lookup(pins))
    expect(error.message).toMatch(/querybatch answered 1 results for 2 queries$/)
  })

  test.each([
    ['no results list', '{}', /no results list/],
    ['a vuln without id', '{"results":[{"vulns":[{"modified":"x"}]},{}]}', /without an id/],
    ['a non-string token', '{"results":[{"next_page_token":7},{}]}', /next_page_token/]
  ])('a querybatch answer with %s is an error', async (_, body, message) => {
    const { server, feed } = await setup()
    server.failNext(1, { kind: 'status', status: 200, body }, 'querybatch')
    expect((await rejection(feed.lookup(pins))).message).toMatch(message)
  })

  test('an advisory listed but then unknown fails closed', async () => {
    const { feed } = await setup(
      fromMap(DATABASE),
      { byId: () => undefined },
      { detailStrategy: 'by-id' }
    )
    const error = await rejection(feed.lookup([pin('pyyaml', '5.3.1')]))
    expect(error.message).toMatch(/GET \/v1\/vulns\/PYSEC-2021-142: HTTP 404 \(Bug not found\.\)/)
  })

  test('a server over the batch limit answers 400 like the real one', async () => {
    const server = new OsvServer(() => [])
    const url = await server.start()
    running.push({ server, feed: new OsvApiFeed({ baseUrl: url }) })
    const queries = Array.from({ length: 1001 }, () => ({
      package: { name: 'x', ecosystem: 'PyPI' },
      version: '1'
    }))
    const response = await fetch(`${url}/v1/querybatch`, {
      method: 'POST',
      body: JSON.stringify({ queries })
    })
    expect(response.status).toBe(400)
    await expect(response.json()).resolves.toEqual({ code: 3, message: 'Too many queries.' })
  })
})
