/**
 * A large report written to disk piece by piece: byte for byte what
 * `JSON.stringify(value, replacer, 2) + '\n'` gives, without ever holding that text as one
 * string. V8 refuses strings over 2^29 - 24 characters (about 512 MiB), which a report of
 * 100,000 dependencies with long advisory texts can pass. A report of usual size is written
 * with that one call instead, which is faster.
 */
import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import * as path from 'node:path'

/** JSON.stringify's replacer, called with the holder's key and the value. */
export type JsonReplacer = (key: string, value: unknown) => unknown

export interface JsonFileOptions {
  /**
   * Applied to each value that is stringified whole; it must leave objects and arrays as they
   * are, and not depend on the key (a piece is stringified without its key).
   */
  replacer?: JsonReplacer
  /**
   * Objects and arrays nested less deep than this are written member by member; deeper ones
   * (the elements of the long lists) are stringified whole, each a small string.
   */
  expandDepth: number
  /** A value of this many pieces or fewer is stringified in one call (default 5,000). */
  wholeUpTo?: number
}

/** Pieces are gathered up to this size before each write, so small pieces cost few calls. */
const CHUNK = 1 << 20
const INDENT = '  '
/**
 * Up to this many pieces, the value is stringified in one call and written at once: several
 * times faster than piece by piece (3-4 ms against 8-20 ms for a report of 1,300 findings).
 * Should its text pass V8's longest string after all, it is written piece by piece.
 */
const WHOLE_UP_TO = 5_000

export async function writeJsonFile(
  file: string,
  value: unknown,
  options: JsonFileOptions
): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true })
  const wholeUpTo = options.wholeUpTo ?? WHOLE_UP_TO
  if (pieceCount(value, 0, options, wholeUpTo) <= wholeUpTo) {
    const text = wholeText(value, options)
    if (text !== undefined) return writeFile(file, text)
  }
  const stream = createWriteStream(file)
  const failed = new Promise<never>((_, reject) => stream.once('error', reject))
  failed.catch(() => {})
  try {
    let buffer = ''
    for (const piece of jsonPieces(value, options)) {
      buffer += piece
      if (buffer.length < CHUNK) continue
      if (!stream.write(buffer)) await Promise.race([once(stream, 'drain'), failed])
      buffer = ''
    }
    stream.end(`${buffer}\n`)
    await Promise.race([once(stream, 'finish'), failed])
  } finally {
    stream.destroy()
  }
}

/** The JSON text in order, in pieces; joined, it is `JSON.stringify(value, replacer, 2)`. */
export function* jsonPieces(value: unknown, options: JsonFileOptions): Generator<string> {
  yield* pieces(value, '', 0, options)
}

function* pieces(
  value: unknown,
  indent: string,
  depth: number,
  options: JsonFileOptions
): Generator<string> {
  if (depth < options.expandDepth && isPlainContainer(value)) {
    const inner = indent + INDENT
    if (Array.isArray(value)) {
      if (value.length === 0) return yield '[]'
      for (let index = 0; index < value.length; index++) {
        yield index === 0 ? `[\n${inner}` : `,\n${inner}`
        yield* pieces(value[index], inner, depth + 1, options)
      }
      return yield `\n${indent}]`
    }
    const record = value as Record<string, unknown>
    const keys = Object.keys(record).filter(key => !isOmitted(record[key]))
    if (keys.length === 0) return yield '{}'
    for (const [index, key] of keys.entries()) {
      yield `${index === 0 ? '{' : ','}\n${inner}${JSON.stringify(key)}: `
      yield* pieces(record[key], inner, depth + 1, options)
    }
    return yield `\n${indent}}`
  }
  // An element of an array that JSON has no text for (undefined, a function) is written as null.
  const text = JSON.stringify(value, options.replacer, 2) ?? 'null'
  yield indent === '' ? text : text.replace(/\n/g, `\n${indent}`)
}

/** The text in one string; undefined when it is longer than V8 allows one to be. */
function wholeText(value: unknown, options: JsonFileOptions): string | undefined {
  try {
    return `${JSON.stringify(value, options.replacer, 2) ?? 'null'}\n`
  } catch (error) {
    if (error instanceof RangeError) return undefined
    throw error
  }
}

/** How many pieces jsonPieces would stringify whole, counted only until it passes `limit`. */
function pieceCount(
  value: unknown,
  depth: number,
  options: JsonFileOptions,
  limit: number
): number {
  if (!(depth < options.expandDepth && isPlainContainer(value))) return 1
  let count = 0
  for (const member of Object.values(value)) {
    count += pieceCount(member, depth + 1, options, limit - count)
    if (count > limit) break
  }
  return count
}

/** Written member by member only when JSON.stringify would do no more than walk it. */
function isPlainContainer(value: unknown): value is object {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { toJSON?: unknown }).toJSON !== 'function'
  )
}

/** Object members JSON leaves out. */
function isOmitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol'
}
