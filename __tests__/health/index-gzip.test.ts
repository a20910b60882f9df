/**
 * Project pages asked for gzipped, as pip asks PyPI for them: what the index client sends,
 * reads, and refuses (an encoding not asked for, bytes that do not inflate, a page that
 * inflates past the size cap), each failing closed with the index named.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { gzipSync } from 'node:zlib'
import { afterEach, describe, expect, test } from '@jest/globals'
import { lookUpPackageIndexes } from '../../src/health/look-up.js'
import { FeedError } from '../../src/shared/errors.js'

const FAST = { retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 5 } }
const DIGEST = 'ab'.repeat(32)
const PAGE = JSON.stringify({
  meta: { 'api-version': '1.1' },
  name: 'demo',
  versions: ['1.0'],
  files: [{ filename: 'demo-1.0-py3-none-any.whl', url: 'x', hashes: { sha256: DIGEST } }]
})

let closers: Array<() => Promise<void>> = []
afterEach(async () => {
  await Promise.all(closers.map(close => close()))
  closers = []
})

/** An index answering every page with `answer`; the requests' Accept-Encoding is kept. */
async function index(
  answer: (request: IncomingMessage, response: ServerResponse) => void
): Promise<{ url: string; asked: Array<string | undefined> }> {
  const asked: Array<string | undefined> = []
  const server = createServer((request, response) => {
    asked.push(request.headers['accept-encoding'])
    answer(request, response)
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  closers.push(async () => {
    server.closeAllConnections()
    await new Promise(resolve => server.close(resolve))
  })
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}/simple/`, asked }
}

function send(response: ServerResponse, body: Buffer, encoding?: string): void {
  response.writeHead(200, {
    'content-type': 'application/vnd.pypi.simple.v1+json',
    ...(encoding ? { 'content-encoding': encoding } : {})
  })
  response.end(body)
}

async function failure(promise: Promise<unknown>): Promise<FeedError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason
  )
  expect(error).toBeInstanceOf(FeedError)
  return error as FeedError
}

const DEMO = [{ name: 'demo', versions: ['1.0'] }]

describe('project pages, gzipped', () => {
  test('are asked for gzipped, and read as the page they are', async () => {
    const server = await index((request, response) =>
      /gzip/.test(request.headers['accept-encoding'] ?? '')
        ? send(response, gzipSync(PAGE), 'gzip')
        : send(response, Buffer.from(PAGE))
    )
    const [lookup] = await lookUpPackageIndexes(DEMO, { ...FAST, indexUrl: server.url })
    expect(server.asked).toEqual(['gzip'])
    expect(lookup!.answers[0]).toMatchObject({
      found: true,
      project: { releases: [{ version: '1.0', files: 1, sha256: [DIGEST] }] }
    })
  })

  test('a page sent as it is, to a client that asked gzip, reads too', async () => {
    const server = await index((_request, response) => send(response, Buffer.from(PAGE)))
    const [lookup] = await lookUpPackageIndexes(DEMO, { ...FAST, indexUrl: server.url })
    expect(lookup!.answers[0]).toMatchObject({ found: true })
  })

  test('an encoding not asked for fails closed at once, naming the index', async () => {
    const server = await index((_request, response) => send(response, Buffer.from(PAGE), 'br'))
    const error = await failure(lookUpPackageIndexes(DEMO, { ...FAST, indexUrl: server.url }))
    expect(error.message).toMatch(
      /127\.0\.0\.1.*answered in content-encoding "br", which was not asked for/
    )
    expect(server.asked).toHaveLength(1)
  })

  test('bytes that do not inflate are retried once, then fail closed', async () => {
    const truncated = gzipSync(PAGE).subarray(0, 30)
    const server = await index((_request, response) => send(response, truncated, 'gzip'))
    const error = await failure(lookUpPackageIndexes(DEMO, { ...FAST, indexUrl: server.url }))
    expect(error.message).toMatch(/the gzip body does not inflate.*after 2 attempts/)
    expect(server.asked).toHaveLength(2)
  })

  test('a page that inflates past the size cap is refused, not retried (a zip bomb)', async () => {
    const bomb = gzipSync(Buffer.alloc(32 * 1024 * 1024, 0x20))
    const server = await index((_request, response) => send(response, bomb, 'gzip'))
    const error = await failure(
      lookUpPackageIndexes(DEMO, {
        ...FAST,
        indexUrl: server.url,
        maxResponseBytes: 1024 * 1024
      })
    )
    expect(error.message).toMatch(/response over 1048576 bytes/)
    expect(server.asked).toHaveLength(1)
  })
})
