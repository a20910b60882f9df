import { randomBytes } from 'node:crypto'
import { gzipSync } from 'node:zlib'
import { describe, expect, test } from '@jest/globals'
import { decodeBody, INFLATE_HERE_BYTES, outputChunkSize } from '../../src/net/content-encoding.js'

const PAGE = JSON.stringify({ meta: { 'api-version': '1.1' }, name: 'café', files: [] })
const MB = 1024 * 1024

describe('decodeBody', () => {
  test.each([undefined, '', 'identity', 'Identity'])(
    'a body without a coding (%s) is its UTF-8 text',
    async coding => {
      expect(await decodeBody(Buffer.from(PAGE), coding, MB)).toEqual({ ok: true, text: PAGE })
    }
  )

  test.each(['gzip', 'GZIP', 'x-gzip', 'gzip, identity'])('%s is inflated', async coding => {
    const decoded = await decodeBody(gzipSync(PAGE), coding, MB)
    expect(decoded).toEqual({ ok: true, text: PAGE })
  })

  test.each(['br', 'deflate', 'gzip, gzip', 'zstd'])(
    '%s was not asked for: a failure, not retried',
    async coding => {
      const decoded = await decodeBody(Buffer.from('x'), coding, MB)
      expect(decoded).toEqual({
        ok: false,
        failure: {
          description: expect.stringMatching(
            /^answered in content-encoding ".+", which was not asked for$/
          ),
          retryable: false
        }
      })
    }
  )

  // Digests, as pages are full of: text that does not compress, so the gzip stays large.
  const LARGE = randomBytes(3 * INFLATE_HERE_BYTES).toString('hex')

  test.each([
    ['here', PAGE],
    ['on the thread pool', LARGE]
  ])('a body inflated %s is its text', async (_where, text) => {
    const bytes = gzipSync(text)
    expect(bytes.length > INFLATE_HERE_BYTES).toBe(text === LARGE)
    expect(await decodeBody(bytes, 'gzip', 64 * MB)).toEqual({ ok: true, text })
  })

  test.each([
    ['here', PAGE],
    ['on the thread pool', LARGE]
  ])('bytes that do not inflate (%s) are a malformed answer, retried', async (_where, text) => {
    const truncated = gzipSync(text).subarray(0, 20)
    const corrupt = Buffer.from(gzipSync(text))
    corrupt[corrupt.length - 6]! ^= 0xff // the CRC-32 of the content
    for (const bytes of [truncated, corrupt, Buffer.from(text)]) {
      const decoded = await decodeBody(bytes, 'gzip', MB)
      expect(decoded).toMatchObject({
        ok: false,
        failure: {
          description: expect.stringMatching(/^the gzip body does not inflate/),
          retryable: true,
          malformed: true
        }
      })
    }
  })

  test.each([
    ['here', 2 * MB],
    ['on the thread pool', 64 * MB]
  ])(
    'a small body that inflates past the cap (%s) is refused as too large: a zip bomb',
    async (_where, size) => {
      const bomb = gzipSync(Buffer.alloc(size))
      expect(bomb.length).toBeLessThan(MB / 4)
      expect(bomb.length > INFLATE_HERE_BYTES).toBe(size > 2 * MB)
      await expect(decodeBody(bomb, 'gzip', MB)).rejects.toMatchObject({
        code: 'RESPONSE_TOO_LARGE',
        message: `response over ${MB} bytes`
      })
      // Exactly at the cap is still an answer.
      const full = await decodeBody(gzipSync(Buffer.alloc(MB, 0x20)), 'gzip', MB)
      expect(full.ok && full.text.length).toBe(MB)
    }
  )
})

describe('outputChunkSize', () => {
  test("is the size gzip's trailer states, so that a page inflates in one piece", () => {
    const text = Buffer.from('x'.repeat(300_000))
    expect(outputChunkSize(gzipSync(text), 64 * MB)).toBe(300_001)
  })

  test('a stated size is only a hint: bounded by the cap and by 8 MiB, at least 64', () => {
    const lying = Buffer.from(gzipSync(PAGE))
    lying.writeUInt32LE(0xffffffff, lying.length - 4)
    expect(outputChunkSize(lying, 64 * MB)).toBe(8 * MB)
    expect(outputChunkSize(lying, MB)).toBe(MB + 1)
    expect(outputChunkSize(gzipSync(''), MB)).toBe(64)
    expect(outputChunkSize(Buffer.from('short'), MB)).toBe(64)
  })
})
