import { constants, type Http2ServerRequest } from 'node:http2'
import { afterEach, describe, expect, test } from '@jest/globals'
import { JsonClient, type JsonClientOptions } from '../../src/net/http.js'
import { FeedError } from '../../src/shared/errors.js'
import { TEST_CA, TlsServer, sendJson, type TlsServerOptions } from '../support/tls-server.js'
import { startSlowLink } from '../support/slow-link.js'
import { startTunnelProxy } from '../support/tunnel-proxy.js'

let cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  await Promise.all(cleanups.map(cleanup => cleanup()))
  cleanups = []
})

/** A server answering every path with `{"path": ...}`, and a client of it. */
async function setUp(
  serverOptions: TlsServerOptions,
  clientOptions: Partial<JsonClientOptions> = {}
): Promise<{ server: TlsServer; client: JsonClient }> {
  const server = await TlsServer.start(
    (request, response) => sendJson(response, 200, { path: request.url }),
    serverOptions
  )
  const client = new JsonClient({
    feedName: 'Test feed',
    retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2 },
    extraCaCerts: TEST_CA,
    ...clientOptions
  })
  cleanups.push(
    () => client.close(),
    () => server.close()
  )
  return { server, client }
}

/** One request, then `n` at once, as a feed asks: a query, then the details it names. */
async function burst(client: JsonClient, origin: string, n: number): Promise<unknown[]> {
  await client.getJson(`${origin}/first`)
  return Promise.all(Array.from({ length: n }, (_, i) => client.getJson(`${origin}/item/${i}`)))
}

describe('JsonClient over HTTP/2 (allowH2)', () => {
  test('50 requests at once share one h2 connection', async () => {
    const { server, client } = await setUp({}, { allowH2: true })
    const answers = await burst(client, server.origin, 50)
    expect(answers[49]).toEqual({ path: '/item/49' })
    expect(server.counts.connections).toEqual({ h2: 1, 'http/1.1': 0 })
    expect(server.counts.requests.h2).toBe(51)
    expect(server.counts.maxInFlight).toBe(50)
    expect(client.protocolOf(server.origin)).toBe('h2')
  })

  test('a fresh client: one request, ready(), then a burst, all on one connection at once', async () => {
    const { server, client } = await setUp({ latencyMs: 50 }, { allowH2: true })
    const first = client.getJson(`${server.origin}/first`)
    await client.ready(server.origin)
    const rest = Array.from({ length: 40 }, (_, i) => client.getJson(`${server.origin}/${i}`))
    await Promise.all([first, ...rest])
    expect(server.counts.connections).toEqual({ h2: 1, 'http/1.1': 0 })
    expect(server.counts.maxInFlight).toBe(41)
  })

  test("requests beyond the server's stream limit wait their turn on the same connection", async () => {
    const { server, client } = await setUp(
      { latencyMs: 20, maxConcurrentStreams: 10 },
      { allowH2: true }
    )
    const answers = await burst(client, server.origin, 30)
    expect(answers).toHaveLength(30)
    expect(server.counts.connections).toEqual({ h2: 1, 'http/1.1': 0 })
    expect(server.counts.maxInFlight).toBe(10)
  })

  test('without allowH2 the same server is spoken to in HTTP/1.1', async () => {
    const { server, client } = await setUp({}, { connections: 4 })
    await burst(client, server.origin, 8)
    expect(server.counts.connections.h2).toBe(0)
    expect(server.counts.requests['http/1.1']).toBe(9)
    expect(server.counts.connections['http/1.1']).toBeLessThanOrEqual(4)
    expect(client.protocolOf(server.origin)).toBe('http/1.1')
  })

  test('a server without h2 is spoken to in HTTP/1.1, one request per connection at a time', async () => {
    const { server, client } = await setUp(
      { http2: false, latencyMs: 20 },
      { allowH2: true, connections: 4 }
    )
    const answers = await burst(client, server.origin, 12)
    expect(answers).toHaveLength(12)
    expect(server.counts.requests).toEqual({ h2: 0, 'http/1.1': 13 })
    expect(server.counts.connections['http/1.1']).toBeLessThanOrEqual(4)
    // No HTTP/1.1 pipelining: never more requests in progress than connections.
    expect(server.counts.maxInFlight).toBeLessThanOrEqual(4)
    expect(client.protocolOf(server.origin)).toBe('http/1.1')
  })

  test('behind HTTPS_PROXY, the tunnel carries h2 and every request', async () => {
    const proxy = await startTunnelProxy()
    cleanups.push(proxy.close)
    const { server, client } = await setUp(
      {},
      { allowH2: true, env: { HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url } }
    )
    await burst(client, server.origin, 30)
    expect(proxy.tunnels).toEqual([new URL(server.origin).host])
    expect(server.counts.connections).toEqual({ h2: 1, 'http/1.1': 0 })
    expect(server.counts.requests.h2).toBe(31)
  })

  test.each([
    ['a stream the server resets', 'reset'],
    ['a session the server ends (GOAWAY)', 'goaway']
  ])('%s is retried, as a dropped connection is', async (_what, how) => {
    let requests = 0
    const server = await TlsServer.start((request, response) => {
      const { stream } = request as Http2ServerRequest
      if (++requests === 1 && how === 'reset') return stream.close(constants.NGHTTP2_REFUSED_STREAM)
      if (requests === 1) {
        stream.session?.goaway(constants.NGHTTP2_INTERNAL_ERROR)
        return stream.session?.destroy()
      }
      sendJson(response, 200, { requests })
    })
    const client = new JsonClient({
      feedName: 'Test feed',
      allowH2: true,
      extraCaCerts: TEST_CA,
      retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2 }
    })
    cleanups.push(
      () => client.close(),
      () => server.close()
    )
    await expect(client.getJson(`${server.origin}/x`)).resolves.toEqual({ requests: 2 })
  })

  test('an 8 MB answer over an 80 ms round trip takes a few round trips, not one per window', async () => {
    const big = { advisories: 'x'.repeat(8 * 1024 * 1024) }
    const server = await TlsServer.start((_request, response) => sendJson(response, 200, big))
    const client = new JsonClient({
      feedName: 'Test feed',
      allowH2: true,
      extraCaCerts: TEST_CA,
      maxResponseBytes: 16 * 1024 * 1024
    })
    const link = await startSlowLink(Number(new URL(server.origin).port), 40)
    cleanups.push(
      () => client.close(),
      () => server.close(),
      link.close
    )
    const origin = `https://127.0.0.1:${link.port}`
    await client.getJson(`${origin}/first`)
    const started = performance.now()
    const answer = await client.getJson(`${origin}/big`)
    const elapsed = performance.now() - started
    expect(answer).toEqual(big)
    // One round trip asks, a few carry 8 MB; a window of 256 KiB would take 32 (2.5 s).
    expect(elapsed).toBeLessThan(1_200)
  })

  test('a certificate the client was not told to trust fails: verification stays on', async () => {
    const { server, client } = await setUp({}, { allowH2: true, extraCaCerts: [] })
    const error = await client.getJson(`${server.origin}/x`).then(
      () => undefined,
      (reason: unknown) => reason
    )
    expect(error).toBeInstanceOf(FeedError)
    expect((error as Error).message).toMatch(/CERT|certificate/i)
    expect(server.counts.requests).toEqual({ h2: 0, 'http/1.1': 0 })
  })
})
