/**
 * PEP 508 dependency specifiers, as packaging (and so pip) reads them: a hand-written,
 * single-pass scanner that reports 1-based columns and runs in linear time on any input.
 */
import { normalizeName } from './names.js'
import { Cursor, excerpt, parseMarkerToEnd, readIdentifier } from './requirements-syntax.js'

export { RequirementSyntaxError } from './requirements-syntax.js'

export interface Requirement {
  /** As written. */
  name: string
  /** PEP 503. */
  normalizedName: string
  extras: string[]
  /** Version specifier as written but without whitespace or parentheses ('>=1.0,<2'); '' if none. */
  specifier: string
  /** For `name @ url`. */
  url?: string
  /** Raw marker expression text, if any. */
  marker?: string
}

export function parseRequirement(text: string): Requirement {
  const cursor: Cursor = new Cursor(text) // annotated so that fail() narrows
  cursor.skipSpace()
  const name = readIdentifier(cursor)
  if (name === undefined) cursor.fail('expected a package name at the start of the requirement')
  cursor.skipSpace()
  const extras = cursor.peek() === '[' ? parseExtras(cursor) : []
  cursor.skipSpace()
  const requirement: Requirement = {
    name,
    normalizedName: normalizeName(name),
    extras,
    specifier: ''
  }

  if (cursor.peek() === '@') {
    cursor.pos++
    cursor.skipSpace()
    const urlStart = cursor.pos
    while (!cursor.atEnd && cursor.peek() !== ' ' && cursor.peek() !== '\t') cursor.pos++
    if (cursor.pos === urlStart) cursor.fail("expected a URL after '@'")
    requirement.url = text.slice(urlStart, cursor.pos)
    cursor.skipSpace()
    if (!cursor.atEnd && cursor.peek() !== ';') {
      cursor.fail("expected ';' (before a marker) or the end of the requirement after the URL")
    }
  } else {
    requirement.specifier = parseSpecifier(cursor)
    cursor.skipSpace()
    if (!cursor.atEnd && cursor.peek() !== ';') {
      if (cursor.peek() === '=') cursor.fail("'=' is not a version operator; did you mean '=='?")
      cursor.fail(
        requirement.specifier
          ? "expected ',' (between version specifiers), ';' (before a marker) or the end of the requirement"
          : "expected a version specifier, '[', '@', ';' or the end of the requirement after the name"
      )
    }
  }

  if (cursor.peek() === ';') {
    cursor.pos++
    const markerStart = cursor.pos
    cursor.skipSpace()
    if (cursor.atEnd) cursor.fail("expected a marker after ';'")
    parseMarkerToEnd(cursor)
    requirement.marker = text.slice(markerStart).trim()
  }
  return requirement
}

function parseExtras(cursor: Cursor): string[] {
  const open = cursor.pos++
  const extras: string[] = []
  cursor.skipSpace()
  const first = readIdentifier(cursor)
  if (first !== undefined) {
    extras.push(first)
    for (;;) {
      cursor.skipSpace()
      if (cursor.peek() !== ',') break
      cursor.pos++
      cursor.skipSpace()
      const extra = readIdentifier(cursor)
      if (extra === undefined) cursor.fail("expected an extra name after ','")
      extras.push(extra)
    }
  }
  if (cursor.peek() !== ']') {
    if (readIdentifier(new Cursor(cursor.text, cursor.pos)))
      cursor.fail("expected ',' between extras")
    cursor.fail(`expected ']' to close the extras opened at column ${open + 1}`)
  }
  cursor.pos++
  return extras
}

const OPERATORS = ['===', '==', '~=', '!=', '<=', '>=', '<', '>'] as const

const RELEASE = 'v?(?:[0-9]+!)?[0-9]+(?:\\.[0-9]+)*'
const PRE_POST_DEV =
  '(?:[-_.]?(?:alpha|beta|preview|pre|a|b|c|rc)[-_.]?[0-9]*)?' +
  '(?:-[0-9]+|[-_.]?(?:post|rev|r)[-_.]?[0-9]*)?' +
  '(?:[-_.]?dev[-_.]?[0-9]*)?'
const LOCAL = '(?:\\+[a-z0-9]+(?:[-_.][a-z0-9]+)*)?'
/** packaging's specifier grammar, one pattern per operator family. */
const VERSION_PATTERNS: Record<string, RegExp> = {
  equality: new RegExp(`^${RELEASE}(?:\\.\\*|${PRE_POST_DEV}${LOCAL})$`, 'i'),
  compatible: new RegExp(`^v?(?:[0-9]+!)?[0-9]+(?:\\.[0-9]+)+${PRE_POST_DEV}$`, 'i'),
  ordered: new RegExp(`^${RELEASE}${PRE_POST_DEV}$`, 'i')
}

function startsWithOperator(cursor: Cursor): (typeof OPERATORS)[number] | undefined {
  return OPERATORS.find(op => cursor.text.startsWith(op, cursor.pos))
}

/** `('(' version_many ')') | version_many`, returned without whitespace or parentheses. */
function parseSpecifier(cursor: Cursor): string {
  const open = cursor.peek() === '(' ? cursor.pos++ : -1
  cursor.skipSpace()
  const clauses: string[] = []
  for (let op = startsWithOperator(cursor); op !== undefined;) {
    cursor.pos += op.length
    cursor.skipSpace()
    clauses.push(...(op === '===' ? readArbitrary(cursor) : [op + readVersion(cursor, op)]))
    cursor.skipSpace()
    if (cursor.peek() !== ',') break
    const comma = cursor.pos++
    cursor.skipSpace()
    op = startsWithOperator(cursor)
    // PEP 508 (and pip before 24.1) wants a specifier after every comma; packaging 22+ does not.
    if (op === undefined) failAfterComma(cursor, comma)
  }
  if (open >= 0) {
    if (clauses.length === 0 && cursor.peek() !== ')')
      cursor.fail("expected a version specifier after '('")
    cursor.skipSpace()
    if (cursor.peek() !== ')') cursor.fail(`expected ')' to close the '(' at column ${open + 1}`)
    cursor.pos++
  }
  return clauses.join(',')
}

function failAfterComma(cursor: Cursor, comma: number): never {
  const next = cursor.peek()
  if (next === '=') cursor.fail("'=' is not a version operator; did you mean '=='?")
  if (cursor.atEnd || next === ';' || next === ')') {
    cursor.fail(
      "a trailing ',' is not allowed: remove it, or add a version specifier after it",
      comma
    )
  }
  return cursor.fail("expected a version specifier (such as '>=1.0') after ','")
}

function readVersion(cursor: Cursor, op: string): string {
  const { text } = cursor
  const start = cursor.pos
  VERSION_CHARS.lastIndex = start
  const version = VERSION_CHARS.exec(text)?.[0] ?? ''
  cursor.pos += version.length
  if (version === '') cursor.fail(`expected a version after '${op}'`)
  checkVersion(cursor, op, version, start)
  const next = cursor.peek()
  if (!cursor.atEnd && !' \t,;)'.includes(next)) {
    cursor.fail(`unexpected ${excerpt(next)} after the version ${excerpt(version)}`)
  }
  return version
}

const VERSION_CHARS = /[A-Za-z0-9.!+_*-]*/y
const ARBITRARY_RUN = /[^\s;)]*/y

/**
 * packaging reads '===' with any run of text up to whitespace, ';' or ')', commas included (even
 * an empty one), and its SpecifierSet then splits the run at commas: each non-empty part after a
 * comma must be a specifier of its own.
 */
function readArbitrary(cursor: Cursor): string[] {
  const start = cursor.pos
  ARBITRARY_RUN.lastIndex = start
  const run = ARBITRARY_RUN.exec(cursor.text)?.[0] ?? ''
  cursor.pos += run.length
  const [version = '', ...rest] = run.split(',')
  const clauses = [`===${version}`]
  let offset = start + version.length + 1
  for (const part of rest) {
    if (part !== '') {
      const op = OPERATORS.find(candidate => part.startsWith(candidate))
      if (op === undefined)
        cursor.fail("expected a version specifier (such as '>=1.0') after ','", offset)
      if (op !== '===') checkVersion(cursor, op, part.slice(op.length), offset + op.length)
      clauses.push(part)
    }
    offset += part.length + 1
  }
  return clauses
}

function checkVersion(cursor: Cursor, op: string, version: string, at: number): void {
  if (version === '') cursor.fail(`expected a version after '${op}'`, at)
  const family = op === '==' || op === '!=' ? 'equality' : op === '~=' ? 'compatible' : 'ordered'
  if (!VERSION_PATTERNS[family]!.test(version)) cursor.fail(versionProblem(op, version), at)
}

function versionProblem(op: string, version: string): string {
  const family = op === '==' || op === '!=' ? 'equality' : 'other'
  if (family !== 'equality' && version.endsWith('.*')) {
    return `'.*' wildcards are only allowed with '==' and '!=', not '${op}'`
  }
  if (family !== 'equality' && version.includes('+')) {
    return `local versions ('+...') are only allowed with '==' and '!=', not '${op}'`
  }
  if (op === '~=' && VERSION_PATTERNS.ordered!.test(version)) {
    return `'~=' needs at least two release numbers (such as '~=1.4'), not ${excerpt(version)}`
  }
  return `${excerpt(version)} is not a valid PEP 440 version for '${op}'`
}

/** The exact version a specifier pins: '==X' without wildcard or '===X'; undefined otherwise. */
export function pinnedVersion(specifier: string): string | undefined {
  const exact = new Set<string>()
  for (const clause of specifier.split(',')) {
    const trimmed = clause.trim()
    const version = trimmed.startsWith('===')
      ? trimmed.slice(3).trim()
      : trimmed.startsWith('==') && !trimmed.endsWith('.*')
        ? trimmed.slice(2).trim()
        : undefined
    if (version) exact.add(version)
  }
  // Two different exact clauses pin nothing installable; leave that to the caller as unpinned.
  return exact.size === 1 ? [...exact][0] : undefined
}
