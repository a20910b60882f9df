/**
 * The license policy for our own npm dependencies (third-party-licenses.json) and its verdict on
 * one package's declared license. An SPDX expression passes when spdx-satisfies finds it can be
 * complied with using allowed licenses only: one side of an OR, both sides of an AND. Anything
 * else (no license, UNLICENSED, SEE LICENSE IN, a name that is not SPDX) needs an exception
 * recorded for that package with the exact license it declares and the reason it is acceptable.
 */
import parse from 'spdx-expression-parse'
import satisfies from 'spdx-satisfies'
import correct from 'spdx-correct'
import { ParseError } from '../../src/shared/errors.js'
import { isObject } from '../../src/shared/json-shape.js'

export interface LicenseException {
  /** The license the package declares, exactly (null: none); a change voids the exception. */
  license: string | null
  reason: string
}

export interface ThirdPartyPolicy {
  /** SPDX license ids (optionally `+` or `WITH` an exception); no AND or OR. */
  allowed: string[]
  exceptions: Map<string, LicenseException>
  /** Development dependencies ncc bundles anyway, each with the reason that is accepted. */
  bundledDevDependencies: Map<string, string>
}

export type LicenseVerdict = { ok: true; exception?: string } | { ok: false; problem: string }

const POLICY_KEYS = new Set(['$comment', 'allowed', 'exceptions', 'bundledDevDependencies'])

export function parsePolicy(value: unknown, file: string): ThirdPartyPolicy {
  if (!isObject(value)) throw new ParseError({ file }, 'is not a JSON object')
  const unknownKey = Object.keys(value).find(key => !POLICY_KEYS.has(key))
  if (unknownKey !== undefined) throw new ParseError({ file }, `unknown key "${unknownKey}"`)
  const { allowed, exceptions = {}, bundledDevDependencies = {} } = value
  if (!Array.isArray(allowed) || allowed.length === 0) {
    throw new ParseError({ file }, '"allowed" must be a non-empty list of SPDX license ids')
  }
  for (const id of allowed) {
    if (typeof id !== 'string' || !isSingleLicense(id)) {
      throw new ParseError({ file }, `"allowed": ${JSON.stringify(id)} is not one SPDX license id`)
    }
  }
  if (!isObject(exceptions)) throw new ParseError({ file }, '"exceptions" must be an object')
  const exceptionMap = new Map<string, LicenseException>()
  for (const [name, entry] of Object.entries(exceptions)) {
    const where = `"exceptions"."${name}"`
    if (!isObject(entry) || !(typeof entry.license === 'string' || entry.license === null)) {
      throw new ParseError({ file }, `${where} needs "license": the declared license, or null`)
    }
    exceptionMap.set(name, { license: entry.license, reason: requireReason(entry, where, file) })
  }
  if (!isObject(bundledDevDependencies)) {
    throw new ParseError({ file }, '"bundledDevDependencies" must be an object')
  }
  const bundledMap = new Map<string, string>()
  for (const [name, entry] of Object.entries(bundledDevDependencies)) {
    const where = `"bundledDevDependencies"."${name}"`
    if (!isObject(entry)) throw new ParseError({ file }, `${where} must be an object`)
    bundledMap.set(name, requireReason(entry, where, file))
  }
  return {
    allowed: [...new Set(allowed as string[])],
    exceptions: exceptionMap,
    bundledDevDependencies: bundledMap
  }
}

function requireReason(entry: Record<string, unknown>, where: string, file: string): string {
  const reason = entry.reason
  if (typeof reason !== 'string' || reason.trim() === '') {
    throw new ParseError({ file }, `${where} needs a "reason"`)
  }
  return reason.trim()
}

function isSingleLicense(id: string): boolean {
  try {
    return !('conjunction' in parse(id))
  } catch {
    return false
  }
}

/**
 * The license a package.json declares: `license` (a string, or a legacy `{ type }` object), else
 * the legacy `licenses` list, whose entries npm documents as alternatives, i.e. an OR. A value
 * of the wrong shape is returned as its JSON text, which no policy accepts without an exception.
 */
export function declaredLicense(manifest: Record<string, unknown>): string | null {
  const { license, licenses } = manifest
  if (license !== undefined && license !== null) return licenseName(license)
  if (licenses === undefined || licenses === null) return null
  if (!Array.isArray(licenses) || licenses.length === 0) return JSON.stringify(licenses)
  const names = licenses.map(licenseName)
  if (names.length === 1) return names[0]!
  return `(${names.map(name => (/\s/.test(name) ? `(${name})` : name)).join(' OR ')})`
}

function licenseName(value: unknown): string {
  if (typeof value === 'string') return value.trim()
  if (isObject(value) && typeof value.type === 'string') return value.type.trim()
  return JSON.stringify(value)
}

/** Whether the package's declared license is acceptable, and if not, why. */
export function evaluateLicense(
  name: string,
  declared: string | null,
  policy: ThirdPartyPolicy
): LicenseVerdict {
  const exception = policy.exceptions.get(name)
  if (exception && exception.license === declared) return { ok: true, exception: exception.reason }
  const problem = licenseProblem(declared, policy.allowed)
  if (problem === undefined) return { ok: true }
  if (!exception) return { ok: false, problem }
  const recorded = exception.license === null ? 'no license' : `"${exception.license}"`
  return {
    ok: false,
    problem: `${problem}; its exception was granted for ${recorded}: review the change`
  }
}

function licenseProblem(declared: string | null, allowed: readonly string[]): string | undefined {
  if (declared === null || declared === '') return 'not allowed without an exception, after review'
  if (/^UNLICENSED$/i.test(declared)) return 'UNLICENSED means no permission to use it'
  if (/^SEE LICEN[CS]E IN /i.test(declared))
    return 'a custom license: read it, then add an exception'
  let tree: parse.Info
  try {
    tree = parse(declared)
  } catch {
    const guess = suggestion(declared)
    return `not an SPDX expression${guess ? ` (perhaps "${guess}")` : ''}: review, then add an exception`
  }
  try {
    if (satisfies(declared, allowed)) return undefined
    const refused = terms(tree).filter(term => !satisfies(term, allowed))
    return `${refused.join(', ')} ${refused.length === 1 ? 'is' : 'are'} not in the allow-list`
  } catch {
    return 'spdx-satisfies cannot evaluate it: review, then add an exception'
  }
}

/** Every license term of an expression, as spdx-satisfies takes them: "MIT", "X WITH Y". */
function terms(tree: parse.Info): string[] {
  if ('conjunction' in tree) return [...terms(tree.left), ...terms(tree.right)]
  return [
    `${tree.license}${tree.plus ? '+' : ''}${tree.exception ? ` WITH ${tree.exception}` : ''}`
  ]
}

function suggestion(text: string): string | undefined {
  try {
    return correct(text, { upgrade: true }) ?? undefined
  } catch {
    return undefined
  }
}
