/**
 * collect(): a request read whole through undici's dispatch, without a body stream (the
 * package index's pages). It must answer as request() + readCapped did: status, headers as
 * request() gives them, the body as text; refuse a body over the cap; end at once, with the
 * caller's reason, when the signal fires (before or while the body streams in); end with a
 * DeadlineError when its deadline passes, and not send when it has passed already.
 */
import { afterEach, describe, expect, test } from '@jest/globals'
import { createServer, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { collect, DeadlineError, headerRecord } from '../../src/net/collect.js'
import { Agent } from '../../src/net/undici-parts.js'

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function serve(handle: (path: string, response: ServerResponse) => void): Promise<string> {
  const server: Server = createServer((request, response) => handle(request.url ?? '', response))
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const agent = new Agent()
  cleanups.push(async () => {
    await agent.destroy()
    server.closeAllConnections()
    await new Promise(resolve => server.close(resolve))
  })
  dispatcher = agent
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}
let dispatcher: InstanceType<typeof Agent>

const base = {
  method: 'GET' as const,
  headers: { accept: 'text/plain' },
  headersTimeout: 0,
  bodyTimeout: 0,
  maxResponseBytes: 1024,
  keepBody: (status: number) => status === 200
}

describe('collect', () => {
  test('gives the status, the headers as request() does, and the body as UTF-8 text', async () => {
    const url = await serve((path, response) => {
      response.setHeader('ETag', '"v1"')
      response.setHeader('Set-Cookie', ['a=1', 'b=2'])
      response.setHeader('Content-Type', 'application/json')
      response.end(`{"path":"${path}","name":"café"}`)
    })
    const answer = await collect(dispatcher, `${url}/simple/x/?q=1`, base)
    expect(answer.statusCode).toBe(200)
    expect(answer.headers.etag).toBe('"v1"')
    expect(answer.headers['content-type']).toBe('application/json')
    expect(answer.headers['set-cookie']).toEqual(['a=1', 'b=2'])
    expect(JSON.parse(answer.body.toString())).toEqual({ path: '/simple/x/?q=1', name: 'café' })
  })

  test('drops the body of a status it is not asked to keep', async () => {
    const url = await serve((_path, response) => {
      response.statusCode = 404
      response.end('x'.repeat(10_000))
    })
    const answer = await collect(dispatcher, `${url}/missing/`, base)
    expect(answer.statusCode).toBe(404)
    expect(answer.body.length).toBe(0)
  })

  test('refuses a kept body over the cap', async () => {
    const url = await serve((_path, response) => response.end('x'.repeat(5_000)))
    await expect(collect(dispatcher, `${url}/big/`, base)).rejects.toMatchObject({
      code: 'RESPONSE_TOO_LARGE'
    })
  })

  test('ends with the caller’s reason when the signal fires mid-body', async () => {
    const url = await serve((_path, response) => {
      response.write('partial')
      // Never ends: only the signal can.
    })
    const controller = new AbortController()
    const reason = new Error('stopped by the caller')
    const answer = collect(dispatcher, `${url}/slow/`, { ...base, signal: controller.signal })
    setTimeout(() => controller.abort(reason), 100)
    await expect(answer).rejects.toBe(reason)
  })

  test('does not send when the signal has already fired', async () => {
    let asked = 0
    const url = await serve((_path, response) => {
      asked++
      response.end('ok')
    })
    const reason = new Error('already stopped')
    const signal = AbortSignal.abort(reason)
    await expect(collect(dispatcher, `${url}/`, { ...base, signal })).rejects.toBe(reason)
    expect(asked).toBe(0)
  })
})

describe('collect with a deadline', () => {
  test('ends with a DeadlineError when the body is not in by then, and frees the connection', async () => {
    let closed = false
    const url = await serve((_path, response) => {
      response.on('close', () => (closed = true))
      response.write('partial')
      // Never ends: only the deadline can.
    })
    const started = performance.now()
    const answer = collect(dispatcher, new URL(`${url}/slow/`), {
      ...base,
      deadlineAt: performance.now() + 200
    })
    await expect(answer).rejects.toBeInstanceOf(DeadlineError)
    expect(performance.now() - started).toBeLessThan(2_000)
    await new Promise(resolve => setTimeout(resolve, 100))
    expect(closed).toBe(true)
  })

  test('does not send when the deadline has passed; an answer in time is the answer', async () => {
    let asked = 0
    const url = await serve((_path, response) => {
      asked++
      response.end('ok')
    })
    const late = collect(dispatcher, `${url}/`, { ...base, deadlineAt: performance.now() - 1 })
    await expect(late).rejects.toBeInstanceOf(DeadlineError)
    expect(asked).toBe(0)
    const answer = await collect(dispatcher, `${url}/`, {
      ...base,
      deadlineAt: performance.now() + 10_000
    })
    expect(answer).toMatchObject({ statusCode: 200, body: Buffer.from('ok') })
  })
})

describe('headerRecord', () => {
  test('lower-cases names, joins repeats into an array, and gives no prototype keys', () => {
    const record = headerRecord([
      Buffer.from('ETag'),
      Buffer.from('"a"'),
      Buffer.from('Vary'),
      Buffer.from('accept'),
      Buffer.from('vary'),
      Buffer.from('origin'),
      Buffer.from('__proto__'),
      Buffer.from('x')
    ])
    expect(record.etag).toBe('"a"')
    expect(record.vary).toEqual(['accept', 'origin'])
    expect(Object.prototype.hasOwnProperty.call(record, '__proto__')).toBe(true)
    expect(record['constructor']).toBeUndefined()
  })
})
