/**
 * What the TOML readers share: reading a file, parsing TOML into typed errors, checked access to
 * untrusted fields, the line of each `[[package]]` entry, and the lock format version check.
 */
import { realpath } from 'node:fs/promises'
import { isInside, OUTSIDE_REASON, readDependencyBytes } from './containment.js'
import path from 'node:path'
import { parse as parseTomlText, TomlError, type TomlTableWithoutBigInt } from 'smol-toml'
import { ParseError } from '../shared/errors.js'
import { checkFileDependencyCount, MAX_TOML_ITEMS, tomlItemsReason } from './limits.js'
import { withoutArtifactLists, type ArtifactLists } from './toml-artifacts.js'
import type { PartialMarkerEnvironment } from './markers.js'

export type { ArtifactLists }
export type TomlTable = TomlTableWithoutBigInt

/** Path as the user recognises it: relative to the working directory when it is inside it. */
export function displayPath(absolutePath: string): string {
  const relative = path.relative(process.cwd(), absolutePath)
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return absolutePath
  return relative
}

/** Options every reader takes. */
export interface ReadOptions {
  /** How to name the file in error messages; default: relative to the working directory. */
  displayPath?: (absolutePath: string) => string
  /** Real paths the file (after symlinks) must lie in; unset: anywhere. */
  allowedRoots?: readonly string[]
  /**
   * The target the audit is narrowed to: what is installed only where a marker false for it
   * holds is left out. Undefined: everything, whatever its marker.
   */
  markerEnvironment?: PartialMarkerEnvironment
}

/** The name errors use for `file`. */
export function shownPath(file: string, options: ReadOptions | undefined): string {
  return (options?.displayPath ?? displayPath)(file)
}

/** Reads a dependency file as UTF-8 (without BOM); any failure is a ParseError naming the file. */
export async function readSourceText(absolutePath: string, options?: ReadOptions): Promise<string> {
  let text: string
  try {
    if (options?.allowedRoots && !isInside(await realpath(absolutePath), options.allowedRoots)) {
      throw new ParseError({ file: shownPath(absolutePath, options) }, OUTSIDE_REASON)
    }
    text = (await readDependencyBytes(absolutePath)).toString('utf8')
  } catch (error) {
    if (error instanceof ParseError) throw error
    const code = (error as NodeJS.ErrnoException).code
    const detail =
      code === 'ENOENT'
        ? 'file not found'
        : code === 'EFBIG'
          ? `refusing to read it: ${(error as Error).message}`
          : `cannot read file (${code ?? 'error'})`
    throw new ParseError({ file: shownPath(absolutePath, options) }, detail)
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

/**
 * The reader of a dependency file, from the parser of its text (which every reader also exports,
 * for text already in memory): the file read by readSourceText, then parsed.
 */
export function fileReader<Options extends ReadOptions, Result>(
  parse: (text: string, absolutePath: string, options?: Options) => Result
): (absolutePath: string, options?: Options) => Promise<Result> {
  return async (absolutePath, options) =>
    parse(await readSourceText(absolutePath, options), absolutePath, options)
}

/**
 * Parses TOML; syntax errors become ParseError at smol-toml's line and column. A document with
 * more than MAX_TOML_ITEMS keys, tables and values is refused first: the parser is linear, but at
 * about 1.5 us an item, 5 million dotted keys in 10 MiB would take it ten seconds.
 */
export function parseToml(
  text: string,
  shownFile: string,
  artifactLists?: ArtifactLists
): TomlTable {
  const toParse = artifactLists ? withoutArtifactLists(text, artifactLists) : text
  if (tomlItemCount(toParse, MAX_TOML_ITEMS) > MAX_TOML_ITEMS) {
    throw new ParseError({ file: shownFile }, tomlItemsReason())
  }
  try {
    return parseTomlText(toParse) as TomlTable
  } catch (error) {
    if (error instanceof TomlError) {
      // Only the first line: the rest is an excerpt of the (untrusted) file.
      const message = error.message.split('\n', 1)[0]!.replace(/^Invalid TOML document: /, '')
      throw new ParseError(
        { file: shownFile, line: error.line, column: error.column },
        `invalid TOML: ${message}`
      )
    }
    throw new ParseError({ file: shownFile }, `invalid TOML: ${String(error)}`)
  }
}

/**
 * An upper bound on the keys, tables and values a TOML parser builds from `text`: the characters
 * that start one ('=', ',', '.', '[', '{') outside strings and comments, counted in one pass and
 * no further than `stopAt` + 1. Dots in numbers and dates count too; a bound is all it needs.
 */
export function tomlItemCount(text: string, stopAt: number): number {
  let count = 0
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index)
    if (char === 0x22 || char === 0x27) {
      index = stringEnd(text, index) - 1
    } else if (char === 0x23) {
      const end = text.indexOf('\n', index)
      if (end === -1) break
      index = end
    } else if (char === 0x3d || char === 0x2c || char === 0x2e || char === 0x5b || char === 0x7b) {
      if (++count > stopAt) return count
    }
  }
  return count
}

/** End (exclusive) of the string whose quote is at `start`: basic, literal, or multi-line. */
function stringEnd(text: string, start: number): number {
  const quote = text[start]!
  const delimiter = text.startsWith(quote.repeat(3), start) ? quote.repeat(3) : quote
  for (let from = start + delimiter.length; ;) {
    const close = text.indexOf(delimiter, from)
    if (close === -1) return text.length
    let backslashes = 0
    while (quote === '"' && text.charCodeAt(close - 1 - backslashes) === 0x5c) backslashes++
    if (backslashes % 2 === 0) {
      // Up to two more quotes just before a multi-line string's closing ones belong to it.
      let end = close + delimiter.length
      while (delimiter.length === 3 && end < close + 5 && text[end] === quote) end++
      return end
    }
    from = close + 1
  }
}

/** Where an entry sits, so a bad field can be reported at its line. */
export interface EntryContext {
  /** The file as errors name it (see shownPath). */
  file: string
  line: number
  /** How to name the entry in a message, e.g. `package 'requests'` or `[[package]] #3`. */
  entry: string
}

export function entryError(context: EntryContext, detail: string): ParseError {
  return new ParseError(
    { file: context.file, line: context.line || undefined },
    `${context.entry}: ${detail}`
  )
}

/** An error about the document as a whole (no line to point at). */
export function documentError(file: string, detail: string): ParseError {
  return new ParseError({ file }, detail)
}

export function describeType(value: unknown): string {
  if (Array.isArray(value)) return 'an array'
  if (value === null) return 'null'
  if (value instanceof Date || (typeof value === 'object' && 'toISOString' in value)) {
    return 'a date'
  }
  if (typeof value === 'object') return 'a table'
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a float'
  if (typeof value === 'boolean') return 'a boolean'
  return `a ${typeof value}`
}

export function isTable(value: unknown): value is TomlTable {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isDate(value)
}

function isDate(value: object): boolean {
  return value instanceof Date || 'toISOString' in value
}

function wrongType(context: EntryContext, key: string, expected: string, value: unknown): never {
  throw entryError(context, `'${key}' must be ${expected}, not ${describeType(value)}`)
}

export function optionalString(table: TomlTable, key: string, context: EntryContext) {
  const value = table[key]
  if (value === undefined || typeof value === 'string') return value
  return wrongType(context, key, 'a string', value)
}

export function requiredString(table: TomlTable, key: string, context: EntryContext): string {
  const value = optionalString(table, key, context)
  if (value === undefined || value.trim() === '') throw entryError(context, `missing '${key}'`)
  return value
}

export function optionalTable(table: TomlTable, key: string, context: EntryContext) {
  const value = table[key]
  if (value === undefined || isTable(value)) return value
  return wrongType(context, key, 'a table', value)
}

export function optionalArray(table: TomlTable, key: string, context: EntryContext) {
  const value = table[key]
  if (value === undefined || Array.isArray(value)) return value
  return wrongType(context, key, 'an array', value)
}

export function optionalStringArray(
  table: TomlTable,
  key: string,
  context: EntryContext
): string[] | undefined {
  const value = optionalArray(table, key, context)
  if (value === undefined) return undefined
  for (const item of value) {
    if (typeof item !== 'string') wrongType(context, key, 'an array of strings', value)
  }
  return value as string[]
}

/**
 * The `[[key]]` array of tables of a document (a lockfile's packages); absent means none. More
 * entries than MAX_DEPENDENCIES is a refusal: each is a dependency.
 */
export function arrayOfTables(document: TomlTable, key: string, shownFile: string): TomlTable[] {
  const value = document[key]
  if (value === undefined) return []
  if (!Array.isArray(value) || !value.every(isTable)) {
    throw documentError(
      shownFile,
      `'${key}' must be an array of tables, not ${describeType(value)}`
    )
  }
  checkFileDependencyCount(value.length, { file: shownFile })
  return value as TomlTable[]
}

/**
 * Line of each `[[key]]` entry, in document order: the entry's `name = ` line when it comes before
 * any sub-table, else the header's line. One pass over the text. When the count of headers found
 * differs from `expectedCount` (entries written as an inline array, or a header inside a multi-line
 * string), lines are unknown and every entry gets 0 rather than a wrong line.
 */
export function arrayTableLines(text: string, key: string, expectedCount: number): number[] {
  const header = new RegExp(`^\\s*\\[\\[\\s*${key}\\s*\\]\\]\\s*(#.*)?$`)
  const lines: number[] = []
  let searchingName = false
  let lineNumber = 0
  for (let start = 0; start <= text.length;) {
    let end = text.indexOf('\n', start)
    if (end === -1) end = text.length
    lineNumber++
    let first = start
    while (text[first] === ' ' || text[first] === '\t') first++
    // Only lines opening a table or naming a package are looked at closer.
    if (text[first] === '[') {
      searchingName = header.test(text.slice(start, end))
      if (searchingName) lines.push(lineNumber)
    } else if (
      searchingName &&
      text[first] === 'n' &&
      /^name\s*=/.test(text.slice(first, first + 32))
    ) {
      lines[lines.length - 1] = lineNumber
      searchingName = false
    }
    start = end + 1
  }
  return lines.length === expectedCount ? lines : new Array<number>(expectedCount).fill(0)
}

/**
 * Refuses a lock format version whose major number this tool does not read, rather than misread
 * a format that changed; an absent version is accepted.
 */
export function checkFormatVersion(
  value: unknown,
  readable: readonly number[],
  key: string,
  file: string
): void {
  if (value === undefined) return
  const text = typeof value === 'string' || typeof value === 'number' ? String(value) : undefined
  const major = text === undefined ? undefined : /^(\d+)(\.\d+)*$/.exec(text)?.[1]
  if (major !== undefined && readable.includes(Number(major))) return
  const found = text === undefined ? describeType(value) : `'${text}'`
  const known = readable.map(number => `${number}.x`).join(' and ')
  throw documentError(file, `unsupported ${key} ${found} (this tool reads ${known})`)
}
