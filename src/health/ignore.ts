/**
 * `package-check-ignore`: package-health findings a team has accepted, by name (every finding
 * about the package) or `name==version` (only that release), with a reason, and in
 * .pyaudit.toml an expiry date too. Pure: the date is an argument, never the clock. Expiry
 * reads as for advisory ignores (src/pipeline/ignores.ts): `until` is the first day the rule
 * no longer applies.
 */
import { eq, valid } from '@renovatebot/pep440'
import { InputError } from '../shared/errors.js'
import { excerpt, listEntries } from '../shared/text.js'
import { applyExpiringRules } from '../shared/expiring-rules.js'
import { normalizeProjectName } from './filenames.js'
import type { PackageIssue } from './types.js'

export interface PackageCheckIgnoreRule {
  /** PEP 503 normalised name. */
  name: string
  /** Only this release (PEP 440 equality: 2.31 matches 2.31.0). */
  version?: string
  reason?: string
  /** YYYY-MM-DD: the first day the rule no longer applies. */
  until?: string
  /** Where it was written: 'input package-check-ignore, line 2' or 'file:line'. */
  origin: string
}

export interface IgnoredPackageIssue {
  issue: PackageIssue
  /** The first live rule that matches; its reason is the one shown. */
  rule: PackageCheckIgnoreRule
}

export interface PackageIgnoreNotice {
  rule: PackageCheckIgnoreRule
  message: string
}

export interface PackageIgnoreOutcome {
  /** Findings no rule ignores, in the order given. */
  active: PackageIssue[]
  ignored: IgnoredPackageIssue[]
  /** Rules past their date (a warning each). */
  expired: PackageIgnoreNotice[]
  /** Live rules that matched nothing (a notice each, so stale entries get removed). */
  unused: PackageIgnoreNotice[]
}

const PACKAGE_NAME = /^([A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9])$/

/**
 * One rule from its text, `name` or `name==version`; undefined with `error` set when the text
 * is not one. Shared by the input and by .pyaudit.toml's `package` / `version` keys.
 */
export function parsePackageRule(
  text: string
): { name: string; version?: string } | { error: string } {
  const [namePart, version, ...rest] = text.split('==').map(part => part.trim())
  if (rest.length > 0 || !namePart || version === '') {
    return {
      error: `expected a package name or name==version, got ${JSON.stringify(excerpt(text))}`
    }
  }
  if (!PACKAGE_NAME.test(namePart)) {
    return { error: `${JSON.stringify(excerpt(namePart))} is not a package name` }
  }
  if (version !== undefined && valid(version) === null) {
    return { error: `${JSON.stringify(excerpt(version))} is not a PEP 440 version` }
  }
  const name = normalizeProjectName(namePart)
  return version === undefined ? { name } : { name, version }
}

/** The input: one `name` or `name==version` per line, `# reason` after it; blank lines skipped. */
export function parsePackageCheckIgnoreInput(
  text: string,
  inputName = 'package-check-ignore'
): PackageCheckIgnoreRule[] {
  return listEntries(text).map(({ entry, reason, line }) => {
    const parsed = parsePackageRule(entry)
    if ('error' in parsed) throw new InputError(inputName, `line ${line}: ${parsed.error}`)
    return { ...parsed, ...(reason ? { reason } : {}), origin: `input ${inputName}, line ${line}` }
  })
}

export function applyPackageCheckIgnores(
  issues: readonly PackageIssue[],
  rules: readonly PackageCheckIgnoreRule[],
  today: string
): PackageIgnoreOutcome {
  const applied = applyExpiringRules(issues, rules, today, ruleMatches, describe)
  const ignored = applied.ignored.map(({ finding: issue, rule }) => ({ issue, rule }))
  return { ...applied, ignored }
}

export function ruleMatches(rule: PackageCheckIgnoreRule, issue: PackageIssue): boolean {
  if (rule.name !== normalizeProjectName(issue.name)) return false
  if (rule.version === undefined) return true
  const both = valid(rule.version) !== null && valid(issue.version) !== null
  return both ? eq(rule.version, issue.version) : rule.version === issue.version
}

function describe(rule: PackageCheckIgnoreRule): string {
  const target = rule.version === undefined ? rule.name : `${rule.name}==${rule.version}`
  return `Package check ignore rule for ${target} (${rule.origin})`
}
