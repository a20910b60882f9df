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
  /** Text of about this length or less is stringified in one call (default 32 Mi characters). */
  wholeUpTo?: number
}

/** Pieces are gathered up to this size before each write, so small pieces cost few calls. */
const CHUNK = 1 << 20
const INDENT = '  '
/**
 * Up to about this much text, the value is stringified in one call and written at once:
 * several times faster than piece by piece (3-4 ms against 8-20 ms for a report of 1,300
 * findings), and far below V8's longest string even where roughLength guesses short.
 */
const WHOLE_UP_TO = 32 * 1024 * 1024

export async function writeJsonFile(
  file: string,
  value: unknown,
  options: JsonFileOptions
): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true })
  const wholeUpTo = options.wholeUpTo ?? WHOLE_UP_TO
  if (roughLength(value, 0, wholeUpTo) <= wholeUpTo) {
    await writeFile(file, `${JSON.stringify(value, options.replacer, 2) ?? 'null'}\n`)
    return
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

/**
 * About how long the JSON text of `value` is (its strings, keys and indentation; a string that
 * needs escapes is longer), counted only until it passes `limit`.
 */
function roughLength(value: unknown, depth: number, limit: number): number {
  if (typeof value === 'string') return value.length + 2
  if (typeof value !== 'object' || value === null) return 8
  const perMember = 2 * depth + 6
  let length = 2
  for (const key in value) {
    const member = (value as Record<string, unknown>)[key]
    length += key.length + perMember + roughLength(member, depth + 1, limit - length)
    if (length > limit) break
  }
  return length
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
