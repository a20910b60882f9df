/**
 * PEP 508 environment markers evaluated for a target, which need not be the machine running
 * this tool. A target may fix only some variables (a Python version, a platform): a comparison
 * of a variable it leaves open may hold, so it counts as true. Markers have no negation, so a
 * marker then holds when it holds for some value of the open variables, and narrowing to a
 * target never drops a pin that the target could install.
 */
import { satisfies, valid, validRange } from '@renovatebot/pep440'
import { InputError } from '../shared/errors.js'
import { MAX_MARKER_COMPARISONS } from './limits.js'
import { normalizeName } from './names.js'
import { PLATFORM_VARIABLES, type TargetPlatform } from './platforms.js'

export { TARGET_PLATFORMS, type TargetPlatform } from './platforms.js'
import {
  Cursor,
  RequirementSyntaxError,
  excerpt,
  parseMarkerToEnd,
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

/** The variables a target fixes; any other may take any value. */
export type PartialMarkerEnvironment = Partial<MarkerEnvironment>

export interface AuditTarget {
  /** '3.12' (any 3.12.z) or '3.12.4'. */
  pythonVersion?: string
  platform?: TargetPlatform
}

/**
 * The environment an audit is narrowed to, or undefined when neither a Python version nor a
 * platform is asked for: then every pin is audited whatever its marker. A version 'X.Y' fixes
 * python_version and leaves the micro version open (python_full_version may be any X.Y.z); the
 * implementation, machine and kernel stay open.
 */
export function narrowedEnvironment(target: AuditTarget): PartialMarkerEnvironment | undefined {
  const { pythonVersion, platform } = target
  if (pythonVersion === undefined && platform === undefined) return undefined
  const environment: PartialMarkerEnvironment = platform ? { ...PLATFORM_VARIABLES[platform] } : {}
  if (pythonVersion !== undefined) {
    const full = markerEnvironmentFor(pythonVersion)
    environment.python_version = full.python_version
    if (!/^\d+\.\d+$/.test(pythonVersion))
      environment.python_full_version = full.python_full_version
  }
  return environment
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
 * comparison otherwise. `extra` defaults to '' as pip uses when no extra is requested; null is a
 * lockfile's marker, where `extra`, `extras` and `dependency_groups` may be anything (every extra
 * and group is audited). A variable `env` leaves open holds (see the module comment). Throws
 * RequirementSyntaxError (column in `marker`) on bad syntax or a comparison PEP 508 leaves
 * undefined, whatever `env` fixes. `comparisons` remembers results across the markers of one
 * file (same `env` for all).
 */
export function evaluateMarker(
  marker: string,
  env: PartialMarkerEnvironment,
  extra: string | null = '',
  comparisons = new MarkerComparisons()
): boolean {
  const cursor = new Cursor(marker)
  const steps = parseMarkerToEnd(cursor)
  const stack: boolean[] = []
  const normalizedExtra = extra === null ? null : normalizeName(extra)
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
function comparisonKey(step: MarkerComparison, extra: string | null): string {
  const usesExtra = [step.left, step.right].some(v => 'variable' in v && v.variable === 'extra')
  return JSON.stringify([step.op, step.left, step.right, usesExtra ? extra : null])
}

/** A comparison of an open variable is checked against this, so its errors never depend on the target. */
let reference: MarkerEnvironment | undefined

/**
 * Versions X.Y.z that stand for every micro version of `pythonVersion` ('X.Y') in one comparison
 * with `literal`: what one specifier admits is an interval, so its ends and the literal decide.
 */
function microVersions(pythonVersion: string, literal: string): string[] {
  const candidates = [`${pythonVersion}.0`, `${pythonVersion}.999999`]
  if (literal.startsWith(`${pythonVersion}.`) && valid(literal) !== null) candidates.push(literal)
  return candidates
}

function compare(
  step: MarkerComparison,
  env: PartialMarkerEnvironment,
  extra: string | null
): boolean {
  const { left, right, op, column } = step
  if ('variable' in left === 'variable' in right) {
    throw new RequirementSyntaxError(
      'a marker comparison needs one variable and one quoted string',
      column
    )
  }
  const variable = 'variable' in left ? left.variable : 'variable' in right ? right.variable : ''
  const literal = 'literal' in left ? left.literal : 'literal' in right ? right.literal : ''
  if (variable === 'extras' || variable === 'dependency_groups') {
    if (extra === null) return true
    throw new RequirementSyntaxError(
      `the marker variable '${variable}' is only defined in lock files, not in requirements`,
      column
    )
  }
  if (variable === 'extra') {
    if (extra !== null) return compareWith(step, extra)
    compareWith(step, '')
    return true
  }
  const value = env[variable as keyof MarkerEnvironment]
  if (value !== undefined) return compareWith(step, value)
  if (variable === 'python_full_version' && env.python_version !== undefined) {
    if (op === 'in' || op === 'not in') return true
    return microVersions(env.python_version, literal).some(v => compareWith(step, v))
  }
  reference ??= markerEnvironmentFor('3.12')
  compareWith(step, reference[variable as keyof MarkerEnvironment])
  return true
}

/** One comparison with `value` as its variable's value. */
function compareWith(step: MarkerComparison, value: string): boolean {
  const { left, right, op, column } = step
  const fail = (message: string): never => {
    throw new RequirementSyntaxError(message, column)
  }
  const isExtra =
    'variable' in left
      ? left.variable === 'extra'
      : 'variable' in right && right.variable === 'extra'
  const lookup = (side: MarkerComparison['left']): string => {
    if ('literal' in side) return isExtra ? normalizeName(side.literal) : side.literal
    return value
  }
  const lhs = lookup(left)
  const rhs = lookup(right)

  if (op === 'in') return rhs.includes(lhs)
  if (op === 'not in') return !rhs.includes(lhs)
  // One specifier, as packaging builds it: a comma would make the library read a specifier set.
  if (!isExtra && !rhs.includes(',') && valid(lhs) !== null && validRange(op + rhs)) {
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
