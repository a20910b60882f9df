/**
 * The options part of a requirements line, read as pip reads it: the line splits at the first
 * space-separated token starting with '-', the rest goes through shlex (POSIX) and optparse
 * (long-option abbreviations, `-rFILE`, `--opt=value`, interspersed arguments ignored).
 */

/** An option pip rejects; `offset` is where in the line the offending token starts. */
export class OptionError extends Error {
  constructor(
    message: string,
    readonly offset: number
  ) {
    super(message)
  }
}

export interface LineOptions {
  requirements: string[]
  constraints: string[]
  editables: string[]
  hashes: string[]
  indexUrl?: string
  extraIndexUrls: string[]
  findLinks: string[]
  /** Other global options as '--name' or '--name=value'. */
  other: string[]
  /** Offset in the line of the first -r/-c/-e token, for errors about that file or project. */
  firstOffset: Partial<Record<'requirements' | 'constraints' | 'editables', number>>
}

interface OptionSpec {
  long: string
  short?: string
  takesValue: boolean
  record: (options: LineOptions, value: string, given: string) => void
}

const other =
  (name: string) =>
  (options: LineOptions, value: string): void => {
    options.other.push(value === '' ? name : `${name}=${value}`)
  }
const list =
  (key: 'requirements' | 'constraints' | 'editables' | 'extraIndexUrls' | 'findLinks') =>
  (options: LineOptions, value: string): void => {
    options[key].push(value)
  }

const SPECS: OptionSpec[] = [
  { long: '--index-url', short: '-i', takesValue: true, record: (o, v) => void (o.indexUrl = v) },
  { long: '--pypi-url', takesValue: true, record: (o, v) => void (o.indexUrl = v) },
  { long: '--extra-index-url', takesValue: true, record: list('extraIndexUrls') },
  { long: '--no-index', takesValue: false, record: other('--no-index') },
  { long: '--constraint', short: '-c', takesValue: true, record: list('constraints') },
  { long: '--requirement', short: '-r', takesValue: true, record: list('requirements') },
  { long: '--editable', short: '-e', takesValue: true, record: list('editables') },
  { long: '--find-links', short: '-f', takesValue: true, record: list('findLinks') },
  { long: '--no-binary', takesValue: true, record: other('--no-binary') },
  { long: '--only-binary', takesValue: true, record: other('--only-binary') },
  { long: '--prefer-binary', takesValue: false, record: other('--prefer-binary') },
  { long: '--require-hashes', takesValue: false, record: other('--require-hashes') },
  { long: '--pre', takesValue: false, record: other('--pre') },
  { long: '--trusted-host', takesValue: true, record: other('--trusted-host') },
  { long: '--use-feature', takesValue: true, record: other('--use-feature') },
  // Per-requirement options: pip passes them to the build, which does not change what is audited.
  { long: '--global-option', takesValue: true, record: () => {} },
  { long: '--config-settings', short: '-C', takesValue: true, record: checkConfigSetting },
  { long: '--hash', takesValue: true, record: recordHash }
]

function recordHash(options: LineOptions, value: string, given: string): void {
  const colon = value.indexOf(':')
  if (colon < 0) {
    throw new Error(`${given} needs a hash name and a value, like --hash=sha256:abcde...`)
  }
  if (!['sha256', 'sha384', 'sha512'].includes(value.slice(0, colon))) {
    throw new Error(`the hash algorithms ${given} allows are sha256, sha384 and sha512`)
  }
  options.hashes.push(value)
}

function checkConfigSetting(_options: LineOptions, value: string, given: string): void {
  if (!value.includes('=')) throw new Error(`${given} takes KEY=VALUE`)
}

/** pip's break_args_options: the requirement is everything before the first ' -' token. */
export function splitRequirementLine(line: string): { args: string; optionsOffset: number } {
  for (let i = line.indexOf('-'); i >= 0; i = line.indexOf('-', i + 1)) {
    if (i === 0 || line.charCodeAt(i - 1) === 0x20) {
      return { args: line.slice(0, Math.max(0, i - 1)), optionsOffset: i }
    }
  }
  return { args: line, optionsOffset: line.length }
}

interface Token {
  value: string
  offset: number
}

/** shlex.split() in POSIX mode, keeping where each token starts. */
export function shellSplit(text: string, base: number): Token[] {
  const tokens: Token[] = []
  let current: Token | undefined
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i)
    if (' \t\r\n'.includes(ch)) {
      if (current) tokens.push(current)
      current = undefined
      continue
    }
    current ??= { value: '', offset: base + i }
    if (ch === '\\') {
      if (i + 1 >= text.length) throw new OptionError('a backslash ends the options', base + i)
      current.value += text.charAt(++i)
    } else if (ch === "'" || ch === '"') {
      const close = findClosingQuote(text, i)
      if (close < 0) throw new OptionError(`no closing quotation (${ch}) in the options`, base + i)
      const inner = text.slice(i + 1, close)
      current.value += ch === '"' ? inner.replace(/\\([\\"])/g, '$1') : inner
      i = close
    } else {
      current.value += ch
    }
  }
  if (current) tokens.push(current)
  return tokens
}

function findClosingQuote(text: string, open: number): number {
  const quote = text.charAt(open)
  for (let i = open + 1; i < text.length; i++) {
    const ch = text.charAt(i)
    if (ch === quote) return i
    if (ch === '\\' && quote === '"') i++
  }
  return -1
}

function matchLong(given: string, offset: number): OptionSpec {
  const exact = SPECS.find(spec => spec.long === given)
  if (exact) return exact
  const candidates = SPECS.filter(spec => spec.long.startsWith(given))
  if (candidates.length === 1) return candidates[0]!
  if (candidates.length > 1) {
    const names = candidates.map(spec => spec.long).join(', ')
    throw new OptionError(`ambiguous option ${given} (${names}?)`, offset)
  }
  throw new OptionError(
    `unknown option ${given}: pip does not accept it in requirements files`,
    offset
  )
}

/** optparse over the shlex tokens of `line.slice(optionsOffset)`. */
export function parseLineOptions(line: string, optionsOffset: number): LineOptions {
  const options: LineOptions = {
    requirements: [],
    constraints: [],
    editables: [],
    hashes: [],
    extraIndexUrls: [],
    findLinks: [],
    other: [],
    firstOffset: {}
  }
  const args = shellSplit(line.slice(optionsOffset), optionsOffset)
  for (let index = 0; index < args.length;) {
    const arg = args[index++]!
    if (arg.value === '--') break // optparse: the rest are arguments, which pip ignores
    if (!arg.value.startsWith('-') || arg.value === '-') continue // interspersed argument: ignored
    let spec: OptionSpec
    let given: string
    let value: string | undefined
    if (arg.value.startsWith('--')) {
      const eq = arg.value.indexOf('=')
      given = eq < 0 ? arg.value : arg.value.slice(0, eq)
      spec = matchLong(given, arg.offset)
      given = spec.long
      if (eq >= 0) {
        if (!spec.takesValue) throw new OptionError(`${given} does not take a value`, arg.offset)
        value = arg.value.slice(eq + 1)
      }
    } else {
      given = arg.value.slice(0, 2)
      const found = SPECS.find(s => s.short === given)
      if (!found)
        throw new OptionError(
          `unknown option ${given}: pip does not accept it in requirements files`,
          arg.offset
        )
      spec = found
      // optparse: `-rFILE` is -r with FILE (so `-r=FILE` names the file '=FILE', as in pip).
      if (arg.value.length > 2) value = arg.value.slice(2)
    }
    if (spec.takesValue && value === undefined) {
      const next = args[index++]
      if (!next) throw new OptionError(`${given} needs a value`, arg.offset)
      value = next.value
    }
    try {
      spec.record(options, value ?? '', given)
    } catch (error) {
      throw new OptionError((error as Error).message, arg.offset)
    }
    for (const key of ['requirements', 'constraints', 'editables'] as const) {
      if (options[key].length === 1 && options.firstOffset[key] === undefined)
        options.firstOffset[key] = arg.offset
    }
  }
  return options
}
