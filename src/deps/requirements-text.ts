/**
 * From the bytes of a requirements file to pip's logical lines: decoding, line splitting,
 * backslash continuations and comments, in pip's order (req_file.preprocess), without pip's ${VAR}
 * expansion. Every logical line can map an offset in its text back to the physical line and column.
 */
import { ParseError } from '../shared/errors.js'

export interface LogicalLine {
  text: string
  /** 1-based physical line where the logical line starts. */
  line: number
  /** Where a character of `text` came from (offset may be text.length). Columns are 1-based. */
  position(offset: number): { line: number; column: number }
}

/** Line boundaries of Python's str.splitlines(), which pip uses: not only \n and \r. */
// eslint-disable-next-line no-control-regex -- \x1c-\x1e are line breaks to Python
const LINE_BREAK = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/g
const ENV_VAR = /\$\{([A-Z0-9_]+)\}/g

/** Python's str.isspace(), which defines `\s` and strip() in pip's preprocessing. */
export function isPythonSpace(code: number): boolean {
  return (
    (code >= 0x09 && code <= 0x0d) ||
    (code >= 0x1c && code <= 0x20) ||
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  )
}

/**
 * UTF-8 text of a requirements file, without a BOM. Anything else (UTF-16/32, invalid UTF-8, NUL
 * bytes) is refused rather than guessed at: a misread file would be a silently wrong audit.
 */
export function decodeRequirementsBytes(bytes: Uint8Array, displayFile: string): string {
  const starts = (...prefix: number[]): boolean => prefix.every((b, i) => bytes[i] === b)
  if (starts(0x00, 0x00, 0xfe, 0xff) || starts(0xff, 0xfe, 0x00, 0x00)) {
    throw new ParseError({ file: displayFile }, 'the file is UTF-32 encoded; save it as UTF-8')
  }
  if (starts(0xfe, 0xff) || starts(0xff, 0xfe)) {
    throw new ParseError({ file: displayFile }, 'the file is UTF-16 encoded; save it as UTF-8')
  }
  const body = starts(0xef, 0xbb, 0xbf) ? bytes.subarray(3) : bytes
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body)
  } catch {
    const bad = firstInvalidUtf8(body)
    const prefix = new TextDecoder('utf-8').decode(body.subarray(0, bad))
    throw new ParseError(
      { file: displayFile, ...positionIn(prefix, prefix.length) },
      'the file is not valid UTF-8 text; save it as UTF-8'
    )
  }
  const nul = text.indexOf('\0')
  if (nul >= 0) {
    throw new ParseError(
      { file: displayFile, ...positionIn(text, nul) },
      'the file contains a NUL byte: it looks binary, not like a requirements file'
    )
  }
  return text
}

function positionIn(text: string, offset: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  for (const match of text.slice(0, offset).matchAll(LINE_BREAK)) {
    line++
    lineStart = match.index + match[0].length
  }
  return { line, column: offset - lineStart + 1 }
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!
    const length =
      b < 0x80
        ? 1
        : b >= 0xc2 && b <= 0xdf
          ? 2
          : b >= 0xe0 && b <= 0xef
            ? 3
            : b >= 0xf0 && b <= 0xf4
              ? 4
              : 0
    if (length === 0 || i + length > bytes.length) return i
    const second = bytes[i + 1]!
    const secondMin = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80
    const secondMax = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf
    if (length > 1 && (second < secondMin || second > secondMax)) return i
    for (let k = 2; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i
    i += length
  }
  return bytes.length
}

interface Segment {
  /** Offset in the joined text where this physical piece starts. */
  start: number
  /** 1-based column of `start` on its physical line. */
  column: number
  line: number
}

/**
 * pip's preprocess(): split, join continuations, drop comments and blank lines. Unlike pip, no
 * ${VAR} expansion: the runner's environment holds secrets, and a pull request writes this file.
 * Lines come one at a time, so a reader can stop early (see limits.ts).
 */
export function* logicalLines(content: string): Generator<LogicalLine> {
  const breaks = new RegExp(LINE_BREAK.source, 'g')
  let joined = ''
  let pieces: Segment[] = []
  let lineNumber = 0
  for (let start = 0; start < content.length;) {
    const match = breaks.exec(content)
    const end = match ? match.index : content.length
    const text = content.slice(start, end)
    start = match ? end + match[0].length : content.length
    lineNumber++
    const comment = startsWithComment(text)
    if (comment && pieces.length === 0) continue // a comment line on its own: nothing to keep
    if (!text.endsWith('\\') || comment) {
      // A leading space keeps a comment line a comment once joined to a continued line.
      pieces.push({ start: joined.length, column: comment ? 0 : 1, line: lineNumber })
      joined += comment ? ` ${text}` : text
      const line = finish(joined, pieces)
      if (line) yield line
      joined = ''
      pieces = []
    } else {
      // pip strips backslashes from both ends of a continued line (str.strip('\\')).
      let lead = 0
      while (text.charCodeAt(lead) === 0x5c) lead++
      let end = text.length
      while (end > lead && text.charCodeAt(end - 1) === 0x5c) end--
      pieces.push({ start: joined.length, column: lead + 1, line: lineNumber })
      joined += text.slice(lead, end)
    }
  }
  if (pieces.length > 0) {
    const line = finish(joined, pieces)
    if (line) yield line
  }
}

/** The names of the ${VAR} references pip would expand in `text` (only ${NAME} with [A-Z0-9_]). */
export function environmentReferences(text: string): string[] {
  if (!text.includes('${')) return []
  return [...new Set(Array.from(text.matchAll(ENV_VAR), match => match[1]!))]
}

/** `${A}` is an environment variable / `${A}` and `${B}` are environment variables. */
export function describeReferences(names: readonly string[]): string {
  const shown = names.map(name => `\${${name}}`)
  const list =
    shown.length === 1
      ? shown[0]!
      : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`
  return shown.length === 1
    ? `${list} is an environment variable`
    : `${list} are environment variables`
}

function startsWithComment(text: string): boolean {
  let i = 0
  while (i < text.length && isPythonSpace(text.charCodeAt(i))) i++
  return text.charCodeAt(i) === 0x23
}

function finish(joined: string, pieces: Segment[]): LogicalLine | undefined {
  // COMMENT_RE `(^|\s+)#.*$`: the first '#' at the start or after whitespace, with that whitespace.
  let end = joined.length
  for (let i = joined.indexOf('#'); i >= 0; i = joined.indexOf('#', i + 1)) {
    if (i === 0 || isPythonSpace(joined.charCodeAt(i - 1))) {
      end = i
      break
    }
  }
  let start = 0
  while (start < end && isPythonSpace(joined.charCodeAt(start))) start++
  while (end > start && isPythonSpace(joined.charCodeAt(end - 1))) end--
  if (start === end) return undefined
  return new Logical(joined.slice(start, end), pieces[0]!.line, pieces, start)
}

/** A class rather than closures: a file can have 100,000 lines, each kept until the end. */
class Logical implements LogicalLine {
  constructor(
    readonly text: string,
    readonly line: number,
    private readonly pieces: Segment[],
    /** Offset of `text` in the joined physical pieces. */
    private readonly trimmed: number
  ) {}

  position(offset: number): { line: number; column: number } {
    const target = offset + this.trimmed
    let low = 0
    let high = this.pieces.length - 1
    while (low < high) {
      const mid = (low + high + 1) >> 1
      if (this.pieces[mid]!.start <= target) low = mid
      else high = mid - 1
    }
    const piece = this.pieces[low]!
    return { line: piece.line, column: piece.column + target - piece.start }
  }
}
