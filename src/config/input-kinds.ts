/**
 * What a row of the input table (inputs.ts) holds, and one builder per kind of input. The
 * kind decides how the value is parsed, how the CLI takes it (a boolean is also --no-name, a
 * list may be repeated) and what --help shows after the flag.
 */
import { parseBoolean, parseChoice, parseHttpUrl, parseSeconds } from './values.js'

/** The sections of --help and of action.yml, in order. */
export const INPUT_GROUPS = {
  sources: 'Where dependencies come from',
  advisories: 'Where advisories come from',
  gate: 'What fails the step',
  licenses: 'Licenses',
  'package-health': 'Package health',
  fix: 'Fixes',
  reports: 'Reports',
  github: 'GitHub only',
  'dependency-track': 'Dependency-Track',
  network: 'Network'
} as const

export type InputGroup = keyof typeof INPUT_GROUPS

export type InputKind =
  | { type: 'text' | 'path' | 'secret' | 'url' | 'boolean' | 'list' | 'age' | 'version' | 'days' }
  | { type: 'choice'; choices: readonly string[]; aliases: Readonly<Record<string, string>> }
  | { type: 'seconds'; min: number; max: number }

export interface InputRow<T = unknown> {
  readonly kind: InputKind
  readonly group: InputGroup
  /** The value an empty input takes; action.yml states the same default. */
  readonly default: string
  /**
   * action.yml's default when it is a workflow expression that the runner fills in
   * (`${{ github.token }}`); the code, which never sees the expression, uses `default`.
   */
  readonly runnerDefault?: string
  /** action.yml's description, also shown by --help. */
  readonly description: string
  /** The word --help shows after the flag (FILE, URL, low|medium...). */
  readonly placeholder: string
  /**
   * Only the action on a runner acts on it: the CLI ignores it with a warning, unless the
   * value is `quiet`, the one that asks for nothing.
   */
  readonly runnerOnly?: { readonly quiet?: string }
  /** What --help adds for the command line (where else the value comes from, and so on). */
  readonly cliNote?: string
  /** Turns the trimmed value (or the default) into what Config holds; InputError when bad. */
  readonly parse: (value: string, name: string) => T
}

type RowText = Omit<InputRow, 'kind' | 'parse' | 'placeholder'> & { placeholder?: string }

/** Free text, taken as it is. */
export function text(row: RowText): InputRow<string> {
  return { placeholder: 'TEXT', ...row, kind: { type: 'text' }, parse: value => value }
}

/** A file or directory; parseConfig resolves it against the working directory. */
export function path(row: RowText): InputRow<string> {
  return { placeholder: 'PATH', ...row, kind: { type: 'path' }, parse: value => value }
}

/** A credential: masked on a runner, never printed. */
export function secret(row: RowText): InputRow<string> {
  return { placeholder: 'SECRET', ...row, kind: { type: 'secret' }, parse: value => value }
}

export function boolean(row: RowText & { default: 'true' | 'false' }): InputRow<boolean> {
  return {
    placeholder: '',
    ...row,
    kind: { type: 'boolean' },
    parse: (value, name) => parseBoolean(name, value)
  }
}

/** An http(s) URL without its trailing slash; undefined when empty. */
export function url(row: RowText & { default: '' }): InputRow<string | undefined>
export function url(row: RowText): InputRow<string>
export function url(row: RowText): InputRow<string | undefined> {
  return {
    placeholder: 'URL',
    ...row,
    kind: { type: 'url' },
    parse: (value, name) => (value === '' ? undefined : parseHttpUrl(name, value))
  }
}

/** One of a few words (case-insensitive), or an alias of one. */
export function choice<const C extends string>(
  row: RowText & { default: C; choices: readonly C[]; aliases?: Readonly<Record<string, C>> }
): InputRow<C> {
  const { choices, aliases = {}, ...rest } = row
  return {
    placeholder: choices.join('|'),
    ...rest,
    kind: { type: 'choice', choices, aliases },
    parse: (value, name) => parseChoice(name, value, choices, aliases)
  }
}

/** Several values, one per line in YAML; the CLI joins a repeated flag's values with line breaks. */
export function list<T>(row: RowText & { parse: (value: string, name: string) => T }): InputRow<T> {
  return { placeholder: 'VALUE', ...row, kind: { type: 'list' } }
}

/** A whole number of seconds, as milliseconds. */
export function seconds(row: RowText & { min: number; max: number }): InputRow<number> {
  const { min, max, ...rest } = row
  return {
    placeholder: 'SECONDS',
    ...rest,
    kind: { type: 'seconds', min, max },
    parse: (value, name) => parseSeconds(name, value, min, max) * 1000
  }
}

/** Any other kind of value, with its own parser. */
export function other<T>(
  type: 'age' | 'version' | 'days' | 'text',
  row: RowText & { parse: (value: string, name: string) => T }
): InputRow<T> {
  return { placeholder: 'VALUE', ...row, kind: { type } }
}

/** The default action.yml states. */
export function actionDefault(row: InputRow): string {
  return row.runnerDefault ?? row.default
}
