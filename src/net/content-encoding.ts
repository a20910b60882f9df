/**
 * Bodies asked for compressed. A package index's project pages are JSON that lists every
 * file of every release with its digests and URL: hundreds of KB to several MB each, 5-10x
 * smaller gzipped. PyPI (Warehouse) gzips them for a client that accepts it, as for pip; this
 * client asks the same (`gzip` only: what Warehouse offers, and what every index can serve).
 *
 * The bytes of a large page are inflated on libuv's thread pool, not the main thread; a small
 * one here. Either way under the same cap as the bytes on the wire (`maxBytes`): a small answer
 * that inflates past it is refused as too large, so a "zip bomb" costs the run no more memory
 * than a plain answer could.
 */
import { gunzip, gunzipSync } from 'node:zlib'
import { responseTooLarge } from './collect.js'
import type { Failure } from './retry.js'

/** The Accept-Encoding a request sends. */
export const ACCEPTED_ENCODING = 'gzip'
/**
 * A body this small (compressed) is inflated here: a trip to the thread pool and back costs
 * the main thread more than inflating ~100 KB (a small project's page) does.
 */
export const INFLATE_HERE_BYTES = 16 * 1024

export type DecodedBody = { ok: true; text: string } | { ok: false; failure: Failure }

/**
 * The text of `bytes` sent with `contentEncoding` (none, identity or gzip). Another coding
 * was not asked for: a failure, not retried (the server would answer the same). Bytes that do
 * not inflate are a malformed answer, retried once. Over `maxBytes` inflated: the cap's error,
 * thrown as the readers throw it.
 */
export async function decodeBody(
  bytes: Buffer,
  contentEncoding: string | undefined,
  maxBytes: number
): Promise<DecodedBody> {
  const codings = (contentEncoding ?? '')
    .split(',')
    .map(coding => coding.trim().toLowerCase())
    .filter(coding => coding !== '' && coding !== 'identity')
  if (codings.length === 0) return { ok: true, text: bytes.toString('utf8') }
  if (codings.length > 1 || (codings[0] !== 'gzip' && codings[0] !== 'x-gzip')) {
    const named = JSON.stringify(codings.join(', ').slice(0, 40))
    const description = `answered in content-encoding ${named}, which was not asked for`
    return { ok: false, failure: { description, retryable: false } }
  }
  let inflated: Buffer
  try {
    const options = { maxOutputLength: maxBytes, chunkSize: outputChunkSize(bytes, maxBytes) }
    inflated =
      bytes.length <= INFLATE_HERE_BYTES
        ? gunzipSync(bytes, options)
        : await new Promise<Buffer>((resolve, reject) =>
            gunzip(bytes, options, (error, result) => (error ? reject(error) : resolve(result)))
          )
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw responseTooLarge(maxBytes)
    }
    const detail = error instanceof Error ? error.message : String(error)
    return {
      ok: false,
      failure: {
        description: `the gzip body does not inflate (${detail.slice(0, 80)})`,
        retryable: true,
        malformed: true
      }
    }
  }
  return { ok: true, text: inflated.toString('utf8') }
}

/** zlib's least chunk size (Z_MIN_CHUNK). */
const MIN_CHUNK = 64
/** What a stated size may make the inflating allocate at once: a lie costs no more. */
const MAX_CHUNK = 8 * 1024 * 1024

/**
 * The inflating's output buffer: the size gzip's trailer states (ISIZE, RFC 1952), so that a
 * page comes out in one piece. With zlib's 16 KB default, a 5 MB page was 300 pieces, each a
 * call back on the main thread, then copied into one: on 70 MB of pages, ~120 ms of it. The
 * stated size is only a hint (the server may lie): bounded here, and the cap still holds.
 */
export function outputChunkSize(bytes: Buffer, maxBytes: number): number {
  const stated = bytes.length >= 18 ? bytes.readUInt32LE(bytes.length - 4) : 0
  return Math.max(MIN_CHUNK, Math.min(stated + 1, maxBytes + 1, MAX_CHUNK))
}
