/**
 * The lexical layer shared by PEP 508 requirements and markers: a cursor over the text, the
 * syntax error type, and the marker grammar. Markers are parsed without recursion into postfix
 * steps, so 100,000 nested parentheses cost memory, not stack.
 */

/** A requirement or marker that does not follow PEP 508. `column` is 1-based in the parsed text. */
export class RequirementSyntaxError extends Error {
  override readonly name = 'RequirementSyntaxError'
  constructor(
    message: string,
    readonly column: number
  ) {
    super(message)
  }
}

export class Cursor {
  constructor(
    readonly text: string,
    public pos = 0
  ) {}

  get atEnd(): boolean {
    return this.pos >= this.text.length
  }

  peek(): string {
    return this.text.charAt(this.pos)
  }

  /** PEP 508 whitespace is spaces and tabs only. Returns whether any was skipped. */
  skipSpace(): boolean {
    const start = this.pos
    while (this.pos < this.text.length && isSpaceOrTab(this.text.charCodeAt(this.pos))) this.pos++
    return this.pos > start
  }

  /** Whether `word` starts here with a word boundary on both sides (regex `\bword\b`). */
  atWord(word: string): boolean {
    return (
      this.text.startsWith(word, this.pos) &&
      !isWordChar(this.text.charCodeAt(this.pos - 1)) &&
      !isWordChar(this.text.charCodeAt(this.pos + word.length))
    )
  }

  fail(message: string, at = this.pos): never {
    throw new RequirementSyntaxError(message, at + 1)
  }
}

function isSpaceOrTab(code: number): boolean {
  return code === 0x20 || code === 0x09
}

export function isWordChar(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    code === 0x5f
  )
}

function isAlnum(code: number): boolean {
  return isWordChar(code) && code !== 0x5f
}

/** A short, printable quotation of untrusted text for error messages. */
export function excerpt(text: string, max = 40): string {
  const cut = text.length > max ? `${text.slice(0, max)}...` : text
  const escape = (ch: string): string => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped
  return `'${cut.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, escape)}'`
}

/**
 * A PEP 508 identifier: `[A-Za-z0-9][A-Za-z0-9._-]*` ending on a word character (packaging's
 * `\b...\b`, so a trailing '.' or '-' is not part of it). Returns undefined if none starts here.
 */
export function readIdentifier(cursor: Cursor): string | undefined {
  const { text } = cursor
  const start = cursor.pos
  if (!isAlnum(text.charCodeAt(start))) return undefined
  let end = start + 1
  let lastWord = end
  for (; end < text.length; end++) {
    const code = text.charCodeAt(end)
    if (isWordChar(code)) lastWord = end + 1
    else if (code !== 0x2e && code !== 0x2d) break
  }
  cursor.pos = lastWord
  return text.slice(start, lastWord)
}

export type MarkerOperator = '===' | '==' | '~=' | '!=' | '<=' | '>=' | '<' | '>' | 'in' | 'not in'
export type MarkerValue = { variable: string } | { literal: string }
export interface MarkerComparison {
  kind: 'compare'
  left: MarkerValue
  op: MarkerOperator
  right: MarkerValue
  /** 1-based column of the comparison's first character. */
  column: number
}
export type MarkerStep = MarkerComparison | { kind: 'and' } | { kind: 'or' }

const SYMBOLIC_OPERATORS = ['===', '==', '~=', '!=', '<=', '>=', '<', '>'] as const

/** Marker variable spellings packaging accepts, with their canonical names. */
const VARIABLES = new Map<string, string>([
  ...[
    'python_version',
    'python_full_version',
    'os_name',
    'sys_platform',
    'platform_release',
    'platform_system',
    'platform_version',
    'platform_machine',
    'platform_python_implementation',
    'implementation_name',
    'implementation_version',
    'extra',
    'extras',
    'dependency_groups'
  ].map(name => [name, name] as const),
  ['os.name', 'os_name'],
  ['sys.platform', 'sys_platform'],
  ['platform.version', 'platform_version'],
  ['platform.machine', 'platform_machine'],
  ['platform.python_implementation', 'platform_python_implementation'],
  ['python_implementation', 'platform_python_implementation']
])

/** Parses a marker that runs to the end of the text: a marker on its own, or after a requirement's `;`. */
export function parseMarkerToEnd(cursor: Cursor): MarkerStep[] {
  const steps = parseMarkerSteps(cursor)
  cursor.skipSpace()
  if (!cursor.atEnd) {
    cursor.fail(
      cursor.peek() === ')'
        ? "unexpected ')' in marker"
        : "expected 'and', 'or' or the end of the marker"
    )
  }
  return steps
}

/**
 * Parses `marker = atom (('and' | 'or') atom)*` from the cursor into postfix steps ('and' binds
 * tighter than 'or'). Stops at the first character that cannot continue the marker.
 */
function parseMarkerSteps(cursor: Cursor): MarkerStep[] {
  const output: MarkerStep[] = []
  const pending: Array<'and' | 'or' | number> = [] // a number is an open parenthesis' offset
  let openParens = 0
  for (;;) {
    cursor.skipSpace()
    if (cursor.peek() === '(') {
      pending.push(cursor.pos++)
      openParens++
      continue
    }
    output.push(parseComparison(cursor))
    for (;;) {
      cursor.skipSpace()
      if (cursor.peek() !== ')' || openParens === 0) break
      while (typeof pending[pending.length - 1] === 'string')
        output.push({ kind: pending.pop() as 'and' | 'or' })
      pending.pop()
      openParens--
      cursor.pos++
    }
    const op = cursor.atWord('and') ? 'and' : cursor.atWord('or') ? 'or' : undefined
    if (op === undefined) break
    cursor.pos += op.length
    for (let top = pending[pending.length - 1]; top === 'and' || (top === 'or' && op === 'or');) {
      output.push({ kind: top })
      pending.pop()
      top = pending[pending.length - 1]
    }
    pending.push(op)
  }
  if (openParens > 0) {
    const open = pending.filter(p => typeof p === 'number').pop() as number
    cursor.fail(`expected ')' to close the '(' at column ${open + 1}`)
  }
  while (pending.length > 0) output.push({ kind: pending.pop() as 'and' | 'or' })
  return output
}

function parseComparison(cursor: Cursor): MarkerComparison {
  const column = cursor.pos + 1
  const left = parseValue(cursor)
  cursor.skipSpace()
  const op = parseOperator(cursor)
  cursor.skipSpace()
  const right = parseValue(cursor)
  return { kind: 'compare', left, op, right, column }
}

function parseOperator(cursor: Cursor): MarkerOperator {
  if (cursor.atWord('in')) {
    cursor.pos += 2
    return 'in'
  }
  if (cursor.atWord('not')) {
    cursor.pos += 3
    if (!cursor.skipSpace()) cursor.fail("expected whitespace after 'not'")
    if (!cursor.atWord('in')) cursor.fail("expected 'in' after 'not'")
    cursor.pos += 2
    return 'not in'
  }
  const op = SYMBOLIC_OPERATORS.find(candidate => cursor.text.startsWith(candidate, cursor.pos))
  if (op === undefined) {
    cursor.fail('expected a marker operator (<, <=, ==, !=, >=, >, ~=, ===, in, not in)')
  }
  cursor.pos += op.length
  return op
}

const VARIABLE_WORD = /[A-Za-z0-9_.]+/y

function parseValue(cursor: Cursor): MarkerValue {
  const quote = cursor.peek()
  if (quote === '"' || quote === "'") {
    const start = cursor.pos
    const end = cursor.text.indexOf(quote, start + 1)
    if (end < 0) cursor.fail('unterminated string in marker', start)
    cursor.pos = end + 1
    return { literal: decodePythonString(cursor.text.slice(start + 1, end), start + 1) }
  }
  VARIABLE_WORD.lastIndex = cursor.pos
  const name = VARIABLE_WORD.exec(cursor.text)?.[0]
  if (name === undefined) return cursor.fail('expected a marker variable or a quoted string')
  const canonical = VARIABLES.get(name)
  if (canonical === undefined) return cursor.fail(`unknown marker variable ${excerpt(name)}`)
  cursor.pos += name.length
  return { variable: canonical }
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v'
}

/**
 * Decodes backslash escapes the way Python's `ast.literal_eval` does for the quoted strings of a
 * marker (packaging evaluates them as Python literals). `offset` locates errors.
 */
function decodePythonString(content: string, offset: number): string {
  if (!content.includes('\\')) return content
  let out = ''
  for (let i = 0; i < content.length; i++) {
    const ch = content.charAt(i)
    if (ch !== '\\') {
      out += ch
      continue
    }
    const next = content.charAt(i + 1)
    const hexLength = next === 'x' ? 2 : next === 'u' ? 4 : next === 'U' ? 8 : 0
    if (next === '')
      throw new RequirementSyntaxError('string in marker ends with a backslash', offset + i + 1)
    if (next in SIMPLE_ESCAPES) {
      out += SIMPLE_ESCAPES[next]
      i++
    } else if (/[0-7]/.test(next)) {
      const octal = /[0-7]{1,3}/y
      octal.lastIndex = i + 1
      const digits = octal.exec(content)![0]
      out += String.fromCharCode(parseInt(digits, 8))
      i += digits.length
    } else if (hexLength > 0) {
      const hex = content.slice(i + 2, i + 2 + hexLength)
      const code = /^[0-9a-fA-F]+$/.test(hex) && hex.length === hexLength ? parseInt(hex, 16) : NaN
      if (!(code <= 0x10ffff)) {
        throw new RequirementSyntaxError(
          `invalid \\${next} escape in marker string`,
          offset + i + 1
        )
      }
      out += String.fromCodePoint(code)
      i += 1 + hexLength
    } else if (next === 'N') {
      throw new RequirementSyntaxError(
        '\\N{...} escapes are not supported in markers',
        offset + i + 1
      )
    } else {
      out += ch // Python keeps unknown escapes as written
    }
  }
  return out
}
