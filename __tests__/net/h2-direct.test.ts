/**
 * The index's own h2 sessions (src/net/h2-direct.ts) against a loopback HTTPS server: one
 * session per origin, collect()'s answer, the deadline, aborts, the size cap, resets and
 * GOAWAY, the server's stream limit, and origins that have no h2 to give.
 */
import { getEventListeners } from 'node:events'
import { connect, createServer, type AddressInfo } from 'node:net'
import { constants, type Http2ServerRequest } from 'node:http2'
import { createSecureContext, rootCertificates } from 'node:tls'
import { afterEach, describe, expect, test } from '@jest/globals'
import { DeadlineError } from '../../src/net/collect.js'
import {
  DirectH2,
  DirectUnavailableError,
  MAX_SESSIONS_PER_ORIGIN,
  type DirectRequest
} from '../../src/net/h2-direct.js'
import { startSlowLink } from '../support/slow-link.js'
import { TEST_CA, TlsServer, sendJson, type TlsHandler } from '../support/tls-server.js'

let cleanups: Array<() => Promise<void> | void> = []
afterEach(async () => {
  await Promise.all(cleanups.map(cleanup => cleanup()))
  cleanups = []
})

const trust = createSecureContext({ ca: [...rootCertificates, TEST_CA] })

async function setUp(
  handler: TlsHandler,
  serverOptions: Parameters<typeof TlsServer.start>[1] = {},
  trusted = true
): Promise<{ server: TlsServer; direct: DirectH2 }> {
  const server = await TlsServer.start(handler, serverOptions)
  const direct = new DirectH2({
    connectTimeoutMs: 5_000,
    ...(trusted ? { secureContext: trust } : {})
  })
  cleanups.push(
    () => direct.close(true),
    () => server.close()
  )
  return { server, direct }
}

const plain = (overrides: Partial<DirectRequest> = {}): DirectRequest => ({
  headers: { accept: 'application/json' },
  maxResponseBytes: 1_000_000,
  keepBody: status => status === 200,
  ...overrides
})

const echo: TlsHandler = (request, response) =>
  sendJson(
    response,
    request.url === '/missing' ? 404 : 200,
    {
      path: request.url,
      accept: request.headers.accept
    },
    { etag: '"v1"', 'x-twice': 'a' }
  )

describe('DirectH2', () => {
  test('many requests share one h2 session; the answer is as collect() gives it', async () => {
    const { server, direct } = await setUp(echo)
    expect(await direct.open(server.origin)).toBe('h2')
    expect(direct.state(server.origin)).toBe('h2')
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        direct.collect(new URL(`${server.origin}/p/${i}?q=1`), plain())
      )
    )
    expect(answers.map(answer => JSON.parse(answer.body.toString()).path)).toEqual(
      Array.from({ length: 40 }, (_, i) => `/p/${i}?q=1`)
    )
    const [first] = answers
    expect(first!.statusCode).toBe(200)
    expect(first!.headers.etag).toBe('"v1"')
    expect(first!.headers['content-type']).toBe('application/json')
    expect(Object.keys(first!.headers).some(name => name.startsWith(':'))).toBe(false)
    expect(JSON.parse(first!.body.toString()).accept).toBe('application/json')
    // A status whose body is not wanted: read and dropped.
    const missing = await direct.collect(new URL(`${server.origin}/missing`), plain())
    expect(missing.statusCode).toBe(404)
    expect(missing.body.length).toBe(0)
    expect(server.counts.connections).toEqual({ h2: 1, 'http/1.1': 0 })
    expect(server.counts.requests.h2).toBe(41)
  })

  test('an origin without h2 is unavailable for the run; nothing is asked there', async () => {
    const { server, direct } = await setUp(echo, { http2: false })
    const url = new URL(`${server.origin}/x`)
    const error = await direct.collect(url, plain()).catch((reason: unknown) => reason)
    expect(error).toBeInstanceOf(DirectUnavailableError)
    expect(direct.state(server.origin)).toBe('unavailable')
    expect(await direct.open(server.origin)).toBe('unavailable')
    await expect(direct.collect(url, plain())).rejects.toBeInstanceOf(DirectUnavailableError)
    expect(server.counts.requests).toEqual({ h2: 0, 'http/1.1': 0 })
  })

  test('a certificate nobody said to trust: unavailable, never a request', async () => {
    const { server, direct } = await setUp(echo, {}, false)
    const error = await direct
      .collect(new URL(`${server.origin}/x`), plain())
      .catch((reason: unknown) => reason)
    expect(error).toBeInstanceOf(DirectUnavailableError)
    expect(String((error as DirectUnavailableError).reason)).toMatch(/certificate/i)
    expect(server.counts.requests.h2).toBe(0)
  })

  test('the deadline ends a request the server never answers, and cancels its stream', async () => {
    let closed = 0
    const { server, direct } = await setUp(request => {
      ;(request as Http2ServerRequest).stream.on('close', () => closed++)
    })
    const started = performance.now()
    await expect(
      direct.collect(new URL(`${server.origin}/slow`), plain({ deadlineAt: started + 100 }))
    ).rejects.toBeInstanceOf(DeadlineError)
    expect(performance.now() - started).toBeLessThan(2_000)
    await new Promise(resolve => setTimeout(resolve, 50))
    expect(closed).toBe(1)
  })

  test('an abort ends every request under its signal, with one listener for them all', async () => {
    const { server, direct } = await setUp(() => {}) // never answers
    const controller = new AbortController()
    const requests = Array.from({ length: 30 }, (_, i) =>
      direct
        .collect(new URL(`${server.origin}/${i}`), plain({ signal: controller.signal }))
        .catch((reason: unknown) => reason)
    )
    await new Promise(resolve => setTimeout(resolve, 50))
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1)
    controller.abort(new Error('stopped'))
    const outcomes = await Promise.all(requests)
    expect(outcomes.every(outcome => (outcome as Error).message === 'stopped')).toBe(true)
    // Already aborted: no request at all.
    await expect(
      direct.collect(new URL(`${server.origin}/late`), plain({ signal: controller.signal }))
    ).rejects.toThrow('stopped')
    expect(server.counts.requests.h2).toBe(30)
  })

  test('a body over the cap fails the request (RESPONSE_TOO_LARGE)', async () => {
    const { server, direct } = await setUp((_request, response) =>
      sendJson(response, 200, 'x'.repeat(10_000))
    )
    await expect(
      direct.collect(new URL(`${server.origin}/big`), plain({ maxResponseBytes: 1_000 }))
    ).rejects.toMatchObject({ code: 'RESPONSE_TOO_LARGE' })
  })

  test('a reset stream fails as a dropped connection does; after a GOAWAY a new session opens', async () => {
    let requests = 0
    const { server, direct } = await setUp((request, response) => {
      const { stream } = request as Http2ServerRequest
      requests++
      if (request.url === '/reset') return stream.close(constants.NGHTTP2_INTERNAL_ERROR)
      if (request.url === '/goaway') {
        stream.session?.goaway(constants.NGHTTP2_NO_ERROR)
        return stream.session?.destroy()
      }
      sendJson(response, 200, { requests })
    })
    await expect(direct.collect(new URL(`${server.origin}/reset`), plain())).rejects.toMatchObject({
      code: 'ERR_HTTP2_STREAM_ERROR'
    })
    await expect(
      direct.collect(new URL(`${server.origin}/goaway`), plain())
    ).rejects.toHaveProperty('code')
    const after = await direct.collect(new URL(`${server.origin}/ok`), plain())
    expect(JSON.parse(after.body.toString())).toEqual({ requests: 3 })
    expect(server.counts.connections.h2).toBe(2)
  })

  test('an 8 MB page over an 80 ms round trip takes a few round trips, not one per window', async () => {
    const page = 'x'.repeat(8 * 1024 * 1024)
    const { server, direct } = await setUp((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' })
      response.end(page)
    })
    const link = await startSlowLink(Number(new URL(server.origin).port), 40)
    cleanups.push(link.close)
    const origin = `https://127.0.0.1:${link.port}`
    expect(await direct.open(origin)).toBe('h2')
    const started = performance.now()
    const answer = await direct.collect(
      new URL(`${origin}/big`),
      plain({ maxResponseBytes: 16 * 1024 * 1024 })
    )
    const elapsed = performance.now() - started
    expect(answer.body.length).toBe(page.length)
    // One round trip asks, a few carry 8 MB; a window of 256 KiB would take 32 (2.5 s).
    expect(elapsed).toBeLessThan(1_200)
  })

  test('sessions opened together carry what one would have made wait, each up to its limit', async () => {
    const { server, direct } = await setUp(
      // Answers slow enough that the second session is up before the first's streams free.
      (_request, response) => void setTimeout(() => sendJson(response, 200, {}), 200),
      { maxConcurrentStreams: 4 }
    )
    expect(await direct.open(server.origin, 2)).toBe('h2')
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => direct.collect(new URL(`${server.origin}/${i}`), plain()))
    )
    expect(answers.every(answer => answer.statusCode === 200)).toBe(true)
    expect(server.counts.connections).toEqual({ h2: 2, 'http/1.1': 0 })
    expect(server.counts.maxInFlight).toBe(8)
    expect(server.counts.streamsByConnection).toEqual([4, 4])
    // At most MAX_SESSIONS_PER_ORIGIN, however many are asked for.
    await direct.open(server.origin, 50)
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        direct.collect(new URL(`${server.origin}/${i}`), plain())
      )
    )
    expect(server.counts.connections.h2).toBe(MAX_SESSIONS_PER_ORIGIN)
  })

  test('an extra session that cannot open is dropped; the first carries its requests', async () => {
    const { server, direct } = await setUp((_request, response) => sendJson(response, 200, {}), {
      maxConcurrentStreams: 2
    })
    // A front that drops the second connection it is offered, once requests wait for it.
    let offered = 0
    const front = createServer(socket => {
      if (++offered === 2) return void setTimeout(() => socket.destroy(), 100)
      const upstream = connect(Number(new URL(server.origin).port), '127.0.0.1')
      socket.pipe(upstream).pipe(socket)
      socket.on('error', () => upstream.destroy())
      upstream.on('error', () => socket.destroy())
    })
    await new Promise<void>(resolve => front.listen(0, '127.0.0.1', resolve))
    cleanups.push(() => new Promise<void>(resolve => front.close(() => resolve())))
    const origin = `https://127.0.0.1:${(front.address() as AddressInfo).port}`
    // The first is up (2 streams at once); the second is still opening: 4 requests take it.
    expect(await direct.open(origin, 2)).toBe('h2')
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => direct.collect(new URL(`${origin}/${i}`), plain()))
    )
    expect(answers.every(answer => answer.statusCode === 200)).toBe(true)
    expect(offered).toBe(2)
    expect(direct.state(origin)).toBe('h2')
    expect(server.counts.streamsByConnection).toEqual([6])
  })

  test("requests beyond the server's stream limit wait their turn on the same session", async () => {
    const { server, direct } = await setUp(
      (_request, response) => void setTimeout(() => sendJson(response, 200, {}), 5),
      { maxConcurrentStreams: 4 }
    )
    await direct.open(server.origin)
    const answers = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        direct.collect(new URL(`${server.origin}/${i}`), plain())
      )
    )
    expect(answers.every(answer => answer.statusCode === 200)).toBe(true)
    expect(server.counts.maxInFlight).toBeLessThanOrEqual(4)
    expect(server.counts.connections).toEqual({ h2: 1, 'http/1.1': 0 })
  })
})
