import { constants, type Http2ServerRequest } from 'node:http2'
import { afterEach, describe, expect, test } from '@jest/globals'
import { IndexClient } from '../../src/health/index-http.js'
import { indexLocations } from '../../src/health/index-url.js'
import {
  lookUpPackageIndexes,
  readProjectPage,
  type HealthQuery
} from '../../src/health/look-up.js'
import { TEST_CA, TlsServer } from '../support/tls-server.js'
import { startTunnelProxy } from '../support/tunnel-proxy.js'
import { Pep691Server } from './pep691-server.js'

let servers: Pep691Server[] = []
let cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  await Promise.all(servers.map(server => server.close()))
  await Promise.all(cleanups.map(cleanup => cleanup()))
  servers = []
  cleanups = []
})

async function index(count: number, options: Parameters<typeof Pep691Server.start>[0]) {
  const server = await Pep691Server.start(options)
  servers.push(server)
  const queries: HealthQuery[] = []
  for (let i = 0; i < count; i++) {
    server.projects.set(`p${i}`, { versions: { '1.0': false, '2.0': 'broken' } })
    queries.push({ name: `p${i}`, versions: ['2.0'] })
  }
  return { server, queries }
}

describe('the index lookup over HTTPS', () => {
  test('120 names on an h2 index: all 120 requests at once, on the first of two sessions', async () => {
    const { server, queries } = await index(120, { latencyMs: 30 })
    const lookups = await lookUpPackageIndexes(queries, {
      indexUrl: server.indexUrl,
      extraCaCerts: TEST_CA
    })
    expect(lookups).toHaveLength(120)
    expect(lookups[119]!.answers[0]).toMatchObject({
      found: true,
      project: { releases: [{ version: '2.0', files: 1, yankedFiles: 1 }] }
    })
    const { counts } = server.server
    // More than a server usually allows on one (100): a second session opens beside the first,
    // and stays idle when the first's server allows them all.
    expect(counts.connections).toEqual({ h2: 2, 'http/1.1': 0 })
    expect(counts.requests).toEqual({ h2: 120, 'http/1.1': 0 })
    expect(counts.streamsByConnection).toEqual([120])
    // Every page was asked for, and read, gzipped (as PyPI sends it to pip).
    expect(server.encodings).toEqual(queries.map(() => 'gzip'))
    // The first goes out alone, the rest once its connection is up: all in flight together.
    expect(counts.maxInFlight).toBe(120)
  })

  test('a server that allows 50 streams a session: 120 names on two sessions, 100 at once', async () => {
    // Answers slow enough that the second session is up long before the first's streams free.
    const { server, queries } = await index(120, { latencyMs: 200, maxConcurrentStreams: 50 })
    const lookups = await lookUpPackageIndexes(queries, {
      indexUrl: server.indexUrl,
      extraCaCerts: TEST_CA
    })
    expect(lookups.map(lookup => lookup.answers[0]!.found)).toEqual(queries.map(() => true))
    const { counts } = server.server
    expect(counts.connections).toEqual({ h2: 2, 'http/1.1': 0 })
    expect(counts.maxInFlight).toBe(100)
    // Each carried what its server allowed at once, and the rest as streams came free.
    expect(counts.streamsByConnection).toHaveLength(2)
    expect(Math.min(...counts.streamsByConnection)).toBeGreaterThanOrEqual(50)
  })

  test('an index that speaks only HTTP/1.1 over TLS: the same answers, `concurrency` at a time', async () => {
    const { server, queries } = await index(40, { http2: false, latencyMs: 10 })
    const lookups = await lookUpPackageIndexes(queries, {
      indexUrl: server.indexUrl,
      extraCaCerts: TEST_CA,
      concurrency: 8
    })
    expect(lookups.map(lookup => lookup.answers[0]!.found)).toEqual(queries.map(() => true))
    const { counts } = server.server
    expect(counts.requests).toEqual({ h2: 0, 'http/1.1': 40 })
    expect(counts.connections['http/1.1']).toBeLessThanOrEqual(8)
    expect(counts.maxInFlight).toBeLessThanOrEqual(8)
  })

  test('an index whose certificate is not trusted fails closed, naming the index', async () => {
    const { server, queries } = await index(3, {})
    await expect(
      lookUpPackageIndexes(queries, {
        indexUrl: server.indexUrl,
        retry: { attempts: 1 }
      })
    ).rejects.toThrow(/Package index .*127\.0\.0\.1.*(certificate|CERT)/i)
  })

  test('behind HTTPS_PROXY, the index is reached through the tunnel, never around it', async () => {
    const proxy = await startTunnelProxy()
    cleanups.push(proxy.close)
    const { server, queries } = await index(30, {})
    const lookups = await lookUpPackageIndexes(queries, {
      indexUrl: server.indexUrl,
      extraCaCerts: TEST_CA,
      env: { HTTPS_PROXY: proxy.url }
    })
    expect(lookups.every(lookup => lookup.answers[0]!.found)).toBe(true)
    expect(proxy.tunnels).toEqual([new URL(server.indexUrl).host])
    expect(server.server.counts.connections).toEqual({ h2: 1, 'http/1.1': 0 })
  })

  test.each([
    ['a stream the server resets', 'reset'],
    ['a session the server ends (GOAWAY)', 'goaway']
  ])("%s is retried on the index's own h2 session", async (_what, how) => {
    let requests = 0
    const server = await TlsServer.start((request, response) => {
      const { stream } = request as Http2ServerRequest
      if (++requests === 1 && how === 'reset') return stream.close(constants.NGHTTP2_INTERNAL_ERROR)
      if (requests === 1) {
        stream.session?.goaway(constants.NGHTTP2_NO_ERROR)
        return stream.session?.destroy()
      }
      response.writeHead(200, { 'content-type': 'application/vnd.pypi.simple.v1+json' })
      response.end(
        JSON.stringify({
          meta: { 'api-version': '1.1' },
          name: 'demo',
          files: [],
          versions: ['1.0']
        })
      )
    })
    cleanups.push(() => server.close())
    const client = new IndexClient({
      allowH2: true,
      extraCaCerts: TEST_CA,
      retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2 }
    })
    cleanups.push(() => client.close())
    const [location] = indexLocations(`${server.origin}/simple/`)
    const answer = await client.fetchProject(location!, 'demo', page =>
      readProjectPage(page, { name: 'demo', versions: ['1.0'] })
    )
    expect(answer).toMatchObject({ found: true, value: { versions: ['1.0'] } })
    expect(requests).toBe(2)
    expect(server.counts.requests).toEqual({ h2: 2, 'http/1.1': 0 })
  })
})
