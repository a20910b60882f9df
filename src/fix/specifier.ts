/**
 * A version specifier as written in a file, clause by clause with offsets, and what a fix does
 * to it: an exact pin of the vulnerable version gets the fixed version in place of its version
 * text; a range that admits the fixed version stays; a range that excludes it stays too, unless
 * ranges may be widened, and then it becomes `>=FIX` plus those of its clauses that still admit
 * FIX (an exact pin becomes `==FIX`). Only version text changes: operators, spacing and
 * separators of the clauses that stay are kept as written.
 */
import { satisfies } from '@renovatebot/pep440'
import { equalityKey, isPep440 } from '../advisories/version-order.js'
import { PoetryDeclarationError, poetryConstraintToPep440 } from '../deps/poetry-constraint.js'
import type { Requirement } from '../deps/pep508.js'

/** The syntax of the specifier: PEP 440 (requirements, PEP 621/735) or a Poetry constraint. */
export type SpecifierSyntax = 'pep440' | 'poetry'

/**
 * Where the version specifier of a PEP 508 requirement stands in `text`, the text it was parsed
 * from: after the name and extras, before any marker, without the spaces around it or the
 * parentheses PEP 508 allows around it. Empty (start = end) when it has none.
 */
export function specifierSpan(
  text: string,
  requirement: Requirement
): { start: number; end: number } {
  let start = text.indexOf(requirement.name) + requirement.name.length
  while (/[ \t]/.test(text.charAt(start))) start++
  if (text.charAt(start) === '[') start = text.indexOf(']', start) + 1
  const semicolon = text.indexOf(';', start)
  let end = semicolon === -1 ? text.length : semicolon
  while (start < end && /[ \t]/.test(text.charAt(start))) start++
  while (end > start && /[ \t]/.test(text.charAt(end - 1))) end--
  if (text.charAt(start) === '(' && text.charAt(end - 1) === ')')
    return { start: start + 1, end: end - 1 }
  return { start, end }
}

export interface Clause {
  /** `==`, `>=`, `^`, `~`... ('' for a Poetry bare version, which means `==`). */
  op: string
  version: string
  /** Offsets in the specifier text: the whole clause, and its version. */
  start: number
  end: number
  versionStart: number
  versionEnd: number
  /** The clause as PEP 440, for checking whether it admits a version. */
  pep440: string
}

/** A fix's effect on one specifier; edits are in offsets of the specifier text. */
export type SpecifierChange =
  | { kind: 'rewrite'; start: number; end: number; text: string; widened: boolean }
  | { kind: 'admits' }
  | { kind: 'excludes' }
  /** Pins another version than the vulnerable one: a different declaration. */
  | { kind: 'other-pin' }
  | { kind: 'unreadable'; reason: string }

const PEP440_OPERATOR = /^(===|==|~=|!=|<=|>=|<|>)/
const POETRY_OPERATOR = /^(\^|~=|~|===|==|!=|>=|<=|>|<)?/
/** Versions this stage writes: PEP 440 characters only, so nothing else can reach a file. */
const VERSION_TEXT = /^[A-Za-z0-9.!+_-]+$/

/** The clauses of `text`, or the reason it cannot be read clause by clause. */
export function readClauses(text: string, syntax: SpecifierSyntax): Clause[] | string {
  if (syntax === 'poetry' && text.includes('|')) return `an "or" (${text.trim()})`
  const clauses: Clause[] = []
  const operators = syntax === 'poetry' ? POETRY_OPERATOR : PEP440_OPERATOR
  let index = 0
  for (;;) {
    while (index < text.length && /[\s,]/.test(text.charAt(index))) index++
    if (index >= text.length) return clauses
    const start = index
    const op = operators.exec(text.slice(index))?.[1] ?? ''
    if (syntax === 'pep440' && op === '') return `'${text.slice(index).trim()}' has no operator`
    let versionStart = index + op.length
    while (/[ \t]/.test(text.charAt(versionStart))) versionStart++
    let versionEnd = versionStart
    while (versionEnd < text.length && !/[\s,]/.test(text.charAt(versionEnd))) versionEnd++
    const version = text.slice(versionStart, versionEnd)
    if (version === '') return `'${op}' has no version`
    const pep440 = clauseAsPep440(op, version, syntax)
    if (pep440 === undefined)
      return `'${text.slice(start, versionEnd)}' is not a version constraint`
    clauses.push({ op, version, start, end: versionEnd, versionStart, versionEnd, pep440 })
    index = versionEnd
  }
}

function clauseAsPep440(op: string, version: string, syntax: SpecifierSyntax): string | undefined {
  if (syntax === 'pep440') return `${op}${version}`
  if (['*', 'x', 'X'].includes(version) && op === '') return ''
  try {
    return poetryConstraintToPep440(`${op}${version}`)
  } catch (error) {
    if (error instanceof PoetryDeclarationError) return undefined
    throw error
  }
}

/** `==V` or `===V` (a Poetry bare `V` too), without a wildcard. */
function isExact(clause: Clause): boolean {
  return ['==', '===', ''].includes(clause.op) && !clause.version.endsWith('*')
}

function isLowerBound(clause: Clause): boolean {
  return clause.op === '>=' || clause.op === '>'
}

function admits(clause: Clause, version: string): boolean {
  if (clause.pep440 === '') return true
  return satisfies(version, clause.pep440)
}

/**
 * What fixing `version` -> `fixVersion` does to the specifier `text`. `pinsAreFixed`: an exact
 * pin of `version` is the vulnerable pin itself and is rewritten; when false (a declaration
 * beside a lockfile, which the lockfile pins), it is a range like any other.
 */
export function changeSpecifier(
  text: string,
  syntax: SpecifierSyntax,
  version: string,
  fixVersion: string,
  options: { pinsAreFixed: boolean; widen: boolean }
): SpecifierChange {
  if (!VERSION_TEXT.test(fixVersion) || !isPep440(fixVersion)) {
    return { kind: 'unreadable', reason: `'${fixVersion}' is not a PEP 440 version` }
  }
  const clauses = readClauses(text, syntax)
  if (typeof clauses === 'string') return { kind: 'unreadable', reason: clauses }
  const exact = clauses.filter(isExact)
  if (exact.length > 1) return { kind: 'unreadable', reason: 'more than one exact version' }
  const pin = exact[0]
  const others = clauses.filter(clause => clause !== pin)
  if (pin && options.pinsAreFixed) {
    if (equalityKey(pin.version) !== equalityKey(version)) return { kind: 'other-pin' }
    if (others.every(clause => admits(clause, fixVersion))) {
      return { ...versionOf(pin, fixVersion), widened: false }
    }
  } else if (clauses.every(clause => admits(clause, fixVersion))) {
    return { kind: 'admits' }
  }
  if (!options.widen) return { kind: 'excludes' }
  if (pin && others.every(clause => admits(clause, fixVersion))) {
    // A pin the lockfile's resolver must respect: moved, as written, to the fix.
    return { ...versionOf(pin, fixVersion), widened: false }
  }
  const first = clauses[0]
  const last = clauses.at(-1)
  if (!first || !last) return { kind: 'admits' } // no clause: any version
  const kept = others.filter(
    clause => admits(clause, fixVersion) && !isLowerBound(clause) && !isExact(clause)
  )
  const head = pin ? `${pin.op}${fixVersion}` : `>=${fixVersion}`
  const separator = separatorOf(text, clauses, syntax)
  const widened = [head, ...kept.map(clause => text.slice(clause.start, clause.end))]
  return {
    kind: 'rewrite',
    start: first.start,
    end: last.end,
    text: widened.join(separator),
    widened: true
  }
}

function versionOf(pin: Clause, fixVersion: string) {
  return {
    kind: 'rewrite',
    start: pin.versionStart,
    end: pin.versionEnd,
    text: fixVersion
  } as const
}

/** The separator the specifier uses between its first two clauses, else the syntax's usual one. */
function separatorOf(text: string, clauses: Clause[], syntax: SpecifierSyntax): string {
  const [first, second] = clauses
  if (first && second) return text.slice(first.end, second.start)
  return syntax === 'poetry' ? ', ' : ','
}

/** What to declare so that a resolver may pick the fix: `name>=FIX` (Poetry: `>=FIX`). */
export function admittingConstraint(name: string, fixVersion: string): string {
  return `${name}>=${fixVersion}`
}
