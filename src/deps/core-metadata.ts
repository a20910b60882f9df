/**
 * Core metadata (METADATA, PKG-INFO, legacy `*.egg-info` files), read the way Python's
 * `importlib.metadata` reads it, because the license checks must print exactly what
 * pip-licenses prints and pip-licenses goes through `importlib.metadata`:
 *
 * - the text is UTF-8, read with universal newlines (`\r\n` and `\r` become `\n`);
 * - headers are parsed as `email.parser` does with the compat32 policy: a header block ends at
 *   the first blank line or at the first line that is neither `Name:` nor an indented
 *   continuation; a value keeps its continuation lines (with their indentation) and loses only
 *   its trailing newline;
 * - every value containing a newline is then "redented" as `importlib.metadata._adapters`
 *   does: eight spaces are put in front and `textwrap.dedent` removes the common margin. So
 *   `License: a` + `        b` gives "a\nb", but continuation lines indented with nine spaces
 *   keep one, and `       |b` (seven spaces and a bar) gives " a\n|b" - odd, but it is what
 *   Python, and so pip-licenses, shows.
 *
 * The body after the blank line is the description and is ignored.
 */
import { ParseError } from '../shared/errors.js'
import type { PackageMetadata } from './types.js'

export interface CoreMetadata {
  /** Name exactly as written in the metadata (not normalised). */
  name: string
  version: string
  metadata: PackageMetadata
  requiresDist: string[]
  /** PEP 639 `License-File` entries (paths relative to the metadata directory). */
  licenseFiles: string[]
}

/** One header as `importlib.metadata` exposes it. */
export interface MetadataHeader {
  name: string
  value: string
}

/** Lines that `email.feedparser` accepts in a header block (its `headerRE`). */
const HEADER_LINE = /^(From |[\x21-\x39\x3b-\x7e]*:|[\t ])/
const WHITESPACE_ONLY_LINE = /^[ \t]+$/gm
const LEADING_WHITESPACE = /^([ \t]*)[^ \t\n]/gm

/** Bytes of a metadata file to text, as Python's `read_text(encoding='utf-8')` does. */
export function decodeMetadata(bytes: Uint8Array, file: string): string {
  let text: string
  try {
    // ignoreBOM keeps a BOM as U+FEFF, as Python's 'utf-8' codec does (and the header then fails to parse).
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    throw new ParseError({ file }, 'metadata is not valid UTF-8')
  }
  return text.replace(/\r\n?/g, '\n')
}

/** All headers in order, values redented; the body is dropped. Expects `\n` line endings. */
export function parseMetadataHeaders(text: string): MetadataHeader[] {
  const lines = text.split('\n')
  const headers: MetadataHeader[] = []
  let current: { name: string; lines: string[] } | undefined
  const flush = (): void => {
    if (current) headers.push({ name: current.name, value: headerValue(current.lines) })
    current = undefined
  }
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!
    // The last element after split() is what followed the final newline: no line at all if empty.
    if (index === lines.length - 1 && line === '') break
    if (!HEADER_LINE.test(line)) break // a blank line, or the start of a body without one
    if (line[0] === ' ' || line[0] === '\t') {
      current?.lines.push(line) // a continuation with no header before it is dropped, as Python does
      continue
    }
    flush()
    if (line.startsWith('From ')) continue // a Unix "From " envelope line is not a header
    const colon = line.indexOf(':')
    if (colon === 0) continue // ":value" has no name: Python records a defect and skips it
    current = { name: line.slice(0, colon), lines: [line.slice(colon + 1)] }
  }
  flush()
  return headers
}

/** compat32's header_source_parse followed by importlib's redent. */
function headerValue(lines: string[]): string {
  const value = (lines[0]!.replace(/^[ \t]+/, '') + '\n' + lines.slice(1).join('\n')).replace(
    /[\r\n]+$/,
    ''
  )
  return value.includes('\n') ? dedent(' '.repeat(8) + value) : value
}

/** Python's textwrap.dedent. */
export function dedent(input: string): string {
  const text = input.replace(WHITESPACE_ONLY_LINE, '')
  let margin: string | undefined
  for (const match of text.matchAll(LEADING_WHITESPACE)) {
    const indent = match[1]!
    if (margin === undefined || margin.startsWith(indent)) margin = indent
    else if (!indent.startsWith(margin)) margin = commonPrefix(margin, indent)
  }
  if (!margin) return text
  return text
    .split('\n')
    .map(line => (line.startsWith(margin) ? line.slice(margin.length) : line))
    .join('\n')
}

function commonPrefix(a: string, b: string): string {
  let length = 0
  while (length < a.length && length < b.length && a[length] === b[length]) length++
  return a.slice(0, length)
}

/**
 * Name, version, license fields and requirements of one distribution. `file` names the
 * metadata file in errors.
 */
export function parseCoreMetadata(text: string, file: string): CoreMetadata {
  const headers = parseMetadataHeaders(text)
  const first = (key: string): string | undefined =>
    headers.find(header => header.name.toLowerCase() === key)?.value
  const all = (key: string): string[] =>
    headers.filter(header => header.name.toLowerCase() === key).map(header => header.value)

  const name = first('name')?.trim()
  const version = first('version')?.trim()
  if (!name) throw new ParseError({ file }, "metadata has no 'Name' header")
  if (!version) throw new ParseError({ file }, `metadata for ${name} has no 'Version' header`)

  const metadata: PackageMetadata = { classifiers: all('classifier') }
  const license = first('license')
  if (license !== undefined) metadata.license = license
  const licenseExpression = first('license-expression')
  if (licenseExpression !== undefined) metadata.licenseExpression = licenseExpression
  return {
    name,
    version,
    metadata,
    requiresDist: all('requires-dist'),
    licenseFiles: all('license-file')
  }
}
