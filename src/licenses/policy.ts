/**
 * License policies, with pip-licenses' semantics (piplicenses.py, `get_packages`):
 *
 * - `license-fail-on` / `license-allow-only` are ';'-separated lists; each item is stripped and
 *   empty items are dropped (`filter(None, map(str.strip, value.split(";")))`). Matching is
 *   case-insensitive and exact (`case_insensitive_set_intersect` / `_set_diff`), or, with
 *   `license-partial-match`, an item matches a license that contains it
 *   (`case_insensitive_partial_match_set_intersect` / `_set_diff`).
 * - A package's licenses are pip-licenses' license set (the classifier licenses, or the one
 *   License / License-Expression value). fail-on trips when ANY of them matches; allow-only
 *   trips when NONE of them is allowed (`len(uncommon_licenses) == len(license_names)`).
 * - `license-ignore-packages` names packages (`name` or `name:version`) that are not checked.
 *   src/config/ reads these inputs into a LicensePolicy.
 *
 * SPDX-aware on top, through spdx-satisfies: when a package's SPDX expression is known, an OR
 * needs one acceptable side and an AND needs all (`MIT OR GPL-3.0-only` is allowed by an allow
 * list holding MIT; `MIT AND GPL-3.0-only` is not). With partial matching an item matches the
 * terms containing it (GPL matches GPL-2.0-or-later). A package is allowed if either reading
 * allows it and fails if either reading fails it; but when the license string IS the PEP 639
 * expression it is matched by name only whole, never partially (a substring test on
 * "MIT AND GPL-3.0-only" would read past the AND). Unlike pip-licenses, every violating package is reported, not
 * only the first.
 */
import { eq, valid } from '@renovatebot/pep440'
import { excerpt } from '../shared/text.js'
import { normalizeName } from '../deps/names.js'
import type { LicenseField } from './license-of.js'
import { parseSpdx, satisfiedBy, spdxTerms } from './spdx.js'

export interface PackageSelector {
  /** PEP 503 normalised name. */
  name: string
  /** Only this version, when given as `name:version`. */
  version?: string
}

export interface LicensePolicy {
  failOn: string[]
  allowOnly: string[]
  partialMatch: boolean
  failOnUnknown: boolean
  ignorePackages: PackageSelector[]
}

/** What the policy is checked against, for one package. */
export interface PolicySubject {
  /** pip-licenses' license set. */
  names: string[]
  field: LicenseField
  spdx: string | null
  /** No license at all: pip-licenses shows UNKNOWN and no SPDX expression is known either. */
  unknown: boolean
}

export function hasLicensePolicy(policy: LicensePolicy): boolean {
  return policy.failOn.length > 0 || policy.allowOnly.length > 0 || policy.failOnUnknown
}

/** pip-licenses compares the normalised name, or `name:version` with the installed version. */
export function isIgnored(policy: LicensePolicy, name: string, version: string): boolean {
  const key = normalizeName(name)
  return policy.ignorePackages.some(
    selector =>
      selector.name === key &&
      (selector.version === undefined || sameVersion(selector.version, version))
  )
}

function sameVersion(wanted: string, actual: string): boolean {
  if (wanted.toLowerCase() === actual.toLowerCase()) return true
  return valid(wanted) !== null && valid(actual) !== null && eq(wanted, actual)
}

/** The rules the package breaks, each naming what matched; empty when it complies. */
export function evaluatePolicy(subject: PolicySubject, policy: LicensePolicy): string[] {
  const rules: string[] = []
  const tree = subject.spdx ? parseSpdx(subject.spdx) : null
  const spdx = tree ? { expression: subject.spdx!, terms: spdxTerms(tree) } : undefined
  // When the License column is the expression itself, a substring test would read past its
  // OR and AND: names then match whole (a list may spell out "MIT OR Apache-2.0"), never partially.
  const isExpression = spdx !== undefined && subject.field === 'expression'
  const partial = policy.partialMatch && !isExpression

  if (policy.failOnUnknown && subject.unknown) {
    rules.push('license-fail-on-unknown: the package metadata names no license')
  }
  if (policy.failOn.length > 0) {
    const hits = subject.names.filter(name => matchesAny(name, policy.failOn, partial))
    const spdxRule = spdx && hits.length === 0 ? spdxFailOn(spdx, policy) : undefined
    if (hits.length > 0) rules.push(`license-fail-on: ${hits.map(quote).join(', ')}`)
    else if (spdxRule) rules.push(spdxRule)
  }
  if (policy.allowOnly.length > 0) {
    const allowedByName = subject.names.some(name => matchesAny(name, policy.allowOnly, partial))
    if (!allowedByName && !(spdx && spdxAllowed(spdx, policy))) {
      rules.push(`license-allow-only: ${quote(subject.names.join('; '))} is not allowed`)
    }
  }
  return rules
}

interface SpdxSubject {
  expression: string
  terms: string[]
}

function spdxFailOn(spdx: SpdxSubject, policy: LicensePolicy): string | undefined {
  const failed = spdx.terms.filter(term =>
    policy.failOn.some(item => termMatchesFailOn(term, item, policy.partialMatch))
  )
  if (failed.length === 0) return undefined
  const others = spdx.terms.filter(term => !failed.includes(term))
  const compliant = satisfiedBy(spdx.expression, others)
  if (compliant === true) return undefined
  const where = spdx.terms.length > 1 ? ` in ${quote(spdx.expression)}` : ''
  const why = compliant === undefined ? ' (the expression cannot be evaluated)' : ''
  return `license-fail-on: ${failed.map(quote).join(', ')}${where}${why}`
}

function spdxAllowed(spdx: SpdxSubject, policy: LicensePolicy): boolean {
  const allowed = spdx.terms.filter(term =>
    policy.allowOnly.some(item => termAllowedBy(term, item, policy.partialMatch))
  )
  return satisfiedBy(spdx.expression, allowed) === true
}

/** A banned item hits a term naming it, with or without its exception or '+'. */
function termMatchesFailOn(term: string, item: string, partial: boolean): boolean {
  const bare = term.replace(/ WITH .*$/, '').replace(/\+$/, '')
  return matchesAny(term, [item], partial) || matchesAny(bare, [item], partial)
}

/** An allowed item covers a term it names, or (spdx-satisfies) a later version it ranges over. */
function termAllowedBy(term: string, item: string, partial: boolean): boolean {
  if (matchesAny(term, [item], partial)) return true
  return !partial && isSpdxTerm(item) && satisfiedBy(term, [item]) === true
}

const spdxTermCache = new Map<string, boolean>()

/** Allow items such as "MIT License" are not SPDX: spdx-satisfies would only throw on them. */
function isSpdxTerm(item: string): boolean {
  let known = spdxTermCache.get(item)
  if (known === undefined) {
    const tree = parseSpdx(item)
    known = tree !== null && !('conjunction' in tree)
    if (spdxTermCache.size < 1000) spdxTermCache.set(item, known)
  }
  return known
}

function matchesAny(license: string, items: readonly string[], partial: boolean): boolean {
  const lower = license.toLowerCase()
  return items.some(item =>
    partial ? lower.includes(item.toLowerCase()) : lower === item.toLowerCase()
  )
}

function quote(text: string): string {
  return `'${excerpt(text, 80)}'`
}
