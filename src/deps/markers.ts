/**
 * PEP 508 environment markers evaluated for a target interpreter, which need not be the one
 * running this tool: the audit asks "would pip install this line on CPython 3.X / Linux x86_64?".
 */
import { satisfies, valid, validRange } from '@renovatebot/pep440'
import { InputError } from '../shared/errors.js'
import { MAX_MARKER_COMPARISONS } from './limits.js'
import { normalizeName } from './names.js'
import {
  Cursor,
  RequirementSyntaxError,
  excerpt,
  parseMarkerSteps,
  type MarkerComparison
} from './requirements-syntax.js'

export interface MarkerEnvironment {
  python_version: string
  python_full_version: string
  os_name: string
  sys_platform: string
  platform_system: string
  platform_machine: string
  platform_release: string
  platform_version: string
  platform_python_implementation: string
  implementation_name: string
  implementation_version: string
}

const RELEASE_LEVEL_LETTER: Record<string, string> = { a: 'a', b: 'b', rc: 'c' }

/**
 * CPython on Linux x86_64 for `pythonVersion` ('3.12' or '3.12.4'; '3.12' means 3.12.0). The
 * kernel release and version of the target cannot be known, so they are '' as PEP 508 prescribes
 * for undeterminable values.
 */
export function markerEnvironmentFor(pythonVersion: string): MarkerEnvironment {
  const match = /^(\d+)\.(\d+)(?:\.(\d+)(?:(a|b|rc)(\d+))?)?$/.exec(pythonVersion)
  if (!match) {
    throw new InputError(
      'python-version',
      `expected a Python version such as 3.12 or 3.12.4, got ${excerpt(pythonVersion)}`
    )
  }
  const [, major, minor, micro = '0', level, serial] = match
  const release = `${Number(major)}.${Number(minor)}.${Number(micro)}`
  return {
    python_version: `${Number(major)}.${Number(minor)}`,
    python_full_version: level ? `${release}${level}${serial}` : release,
    os_name: 'posix',
    sys_platform: 'linux',
    platform_system: 'Linux',
    platform_machine: 'x86_64',
    platform_release: '',
    platform_version: '',
    platform_python_implementation: 'CPython',
    implementation_name: 'cpython',
    // sys.implementation.version formatted as packaging does: 3.13.0rc1 -> 3.13.0c1
    implementation_version: level ? `${release}${RELEASE_LEVEL_LETTER[level]}${serial}` : release
  }
}

/** More different comparisons than a MarkerComparisons allows (see MAX_MARKER_COMPARISONS). */
export class MarkerLimitError extends Error {
  override readonly name = 'MarkerLimitError'
}

/**
 * The results of the comparisons met in one file, for one environment. A comparison costs two
 * PEP 440 parses (~25 us): a file repeats the same few, and a hostile one with a million
 * different ones is refused at the limit instead of evaluated for half a minute.
 */
export class MarkerComparisons {
  private readonly results = new Map<string, boolean>()

  constructor(private readonly limit = MAX_MARKER_COMPARISONS) {}

  get(key: string, evaluate: () => boolean): boolean {
    let result = this.results.get(key)
    if (result === undefined) {
      if (this.results.size >= this.limit) throw new MarkerLimitError()
      result = evaluate()
      this.results.set(key, result)
    }
    return result
  }
}

/**
 * PEP 508 evaluation: 'and' binds tighter than 'or'; comparisons use PEP 440 when the
 * environment value is a version and `op value` is a valid version specifier, and Python string
 * comparison otherwise. `extra` defaults to '' as pip uses when no extra is requested. Throws
 * RequirementSyntaxError (column in `marker`) on bad syntax or a comparison PEP 508 leaves undefined.
 * `comparisons` remembers results across the markers of one file (same `env` for all).
 */
export function evaluateMarker(
  marker: string,
  env: MarkerEnvironment,
  extra = '',
  comparisons = new MarkerComparisons()
): boolean {
  const cursor = new Cursor(marker)
  const steps = parseMarkerSteps(cursor)
  cursor.skipSpace()
  if (!cursor.atEnd) {
    cursor.fail(
      cursor.peek() === ')'
        ? "unexpected ')' in marker"
        : "expected 'and', 'or' or the end of the marker"
    )
  }
  const stack: boolean[] = []
  const normalizedExtra = normalizeName(extra)
  // Every comparison is evaluated (no short-circuit), so an invalid one fails whatever the rest says.
  for (const step of steps) {
    if (step.kind === 'compare') {
      const key = comparisonKey(step, normalizedExtra)
      stack.push(comparisons.get(key, () => compare(step, env, normalizedExtra)))
    } else {
      const right = stack.pop()!
      const left = stack.pop()!
      stack.push(step.kind === 'and' ? left && right : left || right)
    }
  }
  return stack[0]!
}

/** What a comparison's result depends on besides the environment: its operands, and the extra. */
function comparisonKey(step: MarkerComparison, extra: string): string {
  const usesExtra = [step.left, step.right].some(v => 'variable' in v && v.variable === 'extra')
  return JSON.stringify([step.op, step.left, step.right, usesExtra ? extra : null])
}

function compare(step: MarkerComparison, env: MarkerEnvironment, extra: string): boolean {
  const { left, right, op, column } = step
  const fail = (message: string): never => {
    throw new RequirementSyntaxError(message, column)
  }
  if ('variable' in left === 'variable' in right) {
    fail('a marker comparison needs one variable and one quoted string')
  }
  const variable = 'variable' in left ? left.variable : 'variable' in right ? right.variable : ''
  if (variable === 'extras' || variable === 'dependency_groups') {
    fail(`the marker variable '${variable}' is only defined in lock files, not in requirements`)
  }
  const lookup = (value: MarkerComparison['left']): string => {
    if ('literal' in value)
      return variable === 'extra' ? normalizeName(value.literal) : value.literal
    return variable === 'extra' ? extra : env[value.variable as keyof MarkerEnvironment]
  }
  const lhs = lookup(left)
  const rhs = lookup(right)

  if (op === 'in') return rhs.includes(lhs)
  if (op === 'not in') return !rhs.includes(lhs)
  // One specifier, as packaging builds it: a comma would make the library read a specifier set.
  if (variable !== 'extra' && !rhs.includes(',') && valid(lhs) !== null && validRange(op + rhs)) {
    return satisfies(lhs, op + rhs, { prereleases: true })
  }
  switch (op) {
    case '==':
      return lhs === rhs
    case '!=':
      return lhs !== rhs
    case '<':
      return lhs < rhs
    case '<=':
      return lhs <= rhs
    case '>':
      return lhs > rhs
    case '>=':
      return lhs >= rhs
    default:
      return fail(
        `'${op}' needs PEP 440 versions on both sides, not ${excerpt(lhs)} and ${excerpt(rhs)}`
      )
  }
}
