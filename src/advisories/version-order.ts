/**
 * PEP 440 ordering with each version parsed once. Matching asks for the same few strings
 * thousands of times (every range bound of every advisory of a package, against each
 * candidate upgrade), and @renovatebot/pep440's `compare` runs its full regular expression on
 * both sides of every comparison: in a 200-pin run that parsing was a fifth of the CPU time.
 * This keeps each parse and compares the way the library's own sort key does, which the
 * property test checks on generated versions. Versions already in PEP 440's normal form
 * (`1.2.3`, `2.0rc1`, `1.0.post2.dev3`), nearly all that advisories hold, are read by one
 * small regular expression; every other spelling goes to the library's `explain`.
 */
import { explain } from '@renovatebot/pep440'

interface OrderKey {
  epoch: number
  /** Trailing zeros dropped: 1.0 and 1.0.0 are equal. */
  release: number[]
  /** -1 sorts a bare dev release (1.0.dev1) before every pre-release, 1 a final release after. */
  preRank: -1 | 0 | 1
  preLabel: string
  preNumber: number
  /** -1 when absent: 1.0 < 1.0.post0. */
  post: number
  /** Infinity when absent: 1.0.dev1 < 1.0. */
  dev: number
  /** Absent (null) sorts before any local label. */
  local: Array<number | string> | null
  /** PEP 440: a pre-release or a dev release (1.0rc1, 1.0.dev2, 1.0rc1.post1). */
  prerelease: boolean
}

const keys = new Map<string, OrderKey | null>()

function keyOf(version: string): OrderKey | null {
  let key = keys.get(version)
  if (key === undefined) {
    key = computeKey(version)
    keys.set(version, key)
  }
  return key
}

/** The normal form without epoch or local part: release, then optional aN/bN/rcN, .postN, .devN. */
const NORMAL_FORM = /^(\d+(?:\.\d+)*)(?:(a|b|rc)(\d+))?(?:\.post(\d+))?(?:\.dev(\d+))?$/

function computeKey(version: string): OrderKey | null {
  const normal = NORMAL_FORM.exec(version)
  if (normal !== null) return normalFormKey(normal)
  const parsed = explain(version)
  if (parsed === null) return null
  const release = [...parsed.release]
  while (release.at(-1) === 0) release.pop()
  // The library's declared types describe `parse`; `explain` returns post and dev as numbers.
  const pre = parsed.pre as unknown as [string, number] | null
  const post = parsed.post as unknown as number | null
  const dev = parsed.dev as unknown as number | null
  const local = parsed.local
  const preRank = pre !== null ? 0 : post === null && dev !== null ? -1 : 1
  return {
    epoch: parsed.epoch,
    release,
    preRank,
    preLabel: pre?.[0] ?? '',
    preNumber: pre?.[1] ?? 0,
    post: post ?? -1,
    dev: dev ?? Infinity,
    prerelease: pre !== null || dev !== null,
    local:
      local === null
        ? null
        : local.split('.').map(part => (/^\d+$/.test(part) ? Number(part) : part))
  }
}

function normalFormKey(match: RegExpExecArray): OrderKey {
  const [, releaseText, preLabel, preNumber, postText, devText] = match
  const release = (releaseText as string).split('.').map(Number)
  while (release.at(-1) === 0) release.pop()
  const pre = preLabel !== undefined
  const post = postText === undefined ? -1 : Number(postText)
  const dev = devText === undefined ? Infinity : Number(devText)
  return {
    epoch: 0,
    release,
    preRank: pre ? 0 : post === -1 && devText !== undefined ? -1 : 1,
    preLabel: preLabel ?? '',
    preNumber: pre ? Number(preNumber) : 0,
    post,
    dev,
    prerelease: pre || devText !== undefined,
    local: null
  }
}

/**
 * A string that is the same for exactly the versions PEP 440 calls equal (`1.0`, `1.0.0` and
 * `v1.0` share one). A version that is not PEP 440 is only equal to itself. A plain release in
 * canonical form, most of what advisories list, is keyed without being parsed.
 *
 * Each spelling's key is kept: matching keys every version an advisory lists (~130,000 in a
 * cold 200-pin run, ~7,000 distinct), and one lookup costs less than the test and the key's
 * string built again (25 ms of CPU there, 4 ms with the keys kept).
 */
export function equalityKey(version: string): string {
  let key = equalityKeys.get(version)
  if (key === undefined) {
    key = computeEqualityKey(version)
    equalityKeys.set(version, key)
  }
  return key
}

const equalityKeys = new Map<string, string>()

function computeEqualityKey(version: string): string {
  const plain = canonicalReleaseKey(version)
  if (plain !== undefined) return plain
  // A listed pre-, post- or dev release in normal form (most of the rest) is keyed straight
  // from its parts: no order key is made and kept for a version that is seldom ordered.
  const normal = NORMAL_FORM.exec(version)
  if (normal !== null) return normalFormEqualityKey(normal)
  const key = keyOf(version)
  if (key === null) return `|=${version}`
  const release = key.release.length === 0 ? '0' : key.release.join('.')
  if (key.epoch === 0 && key.preRank === 1 && key.post === -1 && key.local === null) {
    return release
  }
  // '|' never appears in a plain release, so the two kinds of key cannot collide.
  const pre = key.preRank === 0 ? `${key.preLabel}${key.preNumber}` : ''
  const post = key.post === -1 ? '' : key.post
  const dev = key.dev === Infinity ? '' : key.dev
  return `${key.epoch}!${release}|${pre}|${post}|${dev}|${key.local?.join('.') ?? ''}`
}

/** computeEqualityKey's answer for a NORMAL_FORM match, as it reads normalFormKey's key. */
function normalFormEqualityKey(match: RegExpExecArray): string {
  const [, releaseText, preLabel, preNumber, postText, devText] = match
  const release = (releaseText as string).split('.').map(Number)
  while (release.at(-1) === 0) release.pop()
  const plain = release.length === 0 ? '0' : release.join('.')
  if (preLabel === undefined && postText === undefined && devText === undefined) return plain
  const pre = preLabel === undefined ? '' : `${preLabel}${Number(preNumber)}`
  const post = postText === undefined ? '' : Number(postText)
  const dev = devText === undefined ? '' : Number(devText)
  return `0!${plain}|${pre}|${post}|${dev}|`
}

/** A release number as PyPI prints it: digits without leading zeros, nothing else. */
const CANONICAL_RELEASE = /^(?:0|[1-9]\d*)(?:\.(?:0|[1-9]\d*))*$/
const TRAILING_ZEROS = /(?:\.0)+$/

/**
 * The equality key of a release number as PyPI prints it (`1.0.0` -> `1`), read without
 * parsing; undefined for any other text.
 */
export function canonicalReleaseKey(release: string): string | undefined {
  return CANONICAL_RELEASE.test(release) ? release.replace(TRAILING_ZEROS, '') : undefined
}

/** Whether `version` is a valid PEP 440 version. */
export function isPep440(version: string): boolean {
  return keyOf(version) !== null
}

/** Whether `version` is a PEP 440 pre-release (dev releases included); false when not PEP 440. */
export function isPrerelease(version: string): boolean {
  return keyOf(version)?.prerelease ?? false
}

/**
 * Negative, zero or positive as `a` sorts before, equal to or after `b` under PEP 440.
 * Throws on a version that is not PEP 440, as the library's `compare` does; callers check
 * with isPep440 first.
 */
export function compareVersions(a: string, b: string): number {
  if (a === b) return 0
  const left = keyOf(a)
  const right = keyOf(b)
  if (left === null || right === null) {
    throw new TypeError(`Not a PEP 440 version: ${left === null ? a : b}`)
  }
  return (
    left.epoch - right.epoch ||
    compareNumbers(left.release, right.release) ||
    left.preRank - right.preRank ||
    compareText(left.preLabel, right.preLabel) ||
    left.preNumber - right.preNumber ||
    left.post - right.post ||
    compareInfinite(left.dev, right.dev) ||
    compareLocal(left.local, right.local)
  )
}

function compareNumbers(a: readonly number[], b: readonly number[]): number {
  const shared = Math.min(a.length, b.length)
  for (let i = 0; i < shared; i++) {
    const order = a[i]! - b[i]!
    if (order !== 0) return order
  }
  return a.length - b.length
}

function compareText(a: string, b: string): number {
  return a === b ? 0 : a < b ? -1 : 1
}

/** Infinity - Infinity is NaN, which `||` would pass over as if equal anyway; say so plainly. */
function compareInfinite(a: number, b: number): number {
  return a === b ? 0 : a < b ? -1 : 1
}

/** PEP 440: alphanumeric segments sort before numeric ones; a longer label after its prefix. */
function compareLocal(
  a: ReadonlyArray<number | string> | null,
  b: ReadonlyArray<number | string> | null
): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1
  const shared = Math.min(a.length, b.length)
  for (let i = 0; i < shared; i++) {
    const x = a[i]!
    const y = b[i]!
    if (typeof x !== typeof y) return typeof x === 'string' ? -1 : 1
    const order = typeof x === 'number' ? x - (y as number) : compareText(x, y as string)
    if (order !== 0) return order
  }
  return a.length - b.length
}
