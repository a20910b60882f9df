/**
 * Applying ignore rules to audit findings. Pure: the date is an argument, never the clock.
 *
 * Matching. A rule matches a finding when its id equals the finding's id or any of its
 * aliases, so ignoring CVE-2018-18074 also ignores PYSEC-2018-28 that aliases it (as
 * osv-scanner's IgnoredVulns do). Ids are compared case-insensitively: OSV ids are
 * case-sensitive on paper, but users type `ghsa-…` and `cve-…`, and no two real ids differ
 * only in case (prefixes are upper case, GHSA bodies lower case, the rest digits).
 * A rule scoped by `package` (PEP 503 normalised) and `version` (PEP 440 equality, so 2.31
 * matches 2.31.0) only matches that package, or that one release of it.
 *
 * Expiry. `until` is the first day a rule no longer applies: it applies while today < until.
 * This is osv-scanner's reading of `ignoreUntil` (an entry applies while the date is still in
 * the future, and a bare date means its midnight), kept for our own `until` too so an entry
 * moved between the two files means the same thing. `today` is a UTC date.
 *
 * Malicious packages can be ignored by an explicit rule naming the MAL- id (or an alias): a
 * MAL report against a name that is also a private package (dependency confusion seen from
 * the other side) is a false positive the team must be able to accept, and the only
 * alternative would be turning the audit off. Such ignores are flagged so reports show them.
 */
import { eq, valid } from '@renovatebot/pep440'
import type { AuditedPackage } from './look-up.js'
import { normalizeName } from '../deps/names.js'
import { InputError } from '../shared/errors.js'
import { isMalicious } from '../advisories/severity.js'
import type { Vulnerability } from '../advisories/vulnerability.js'
import { listEntries } from '../shared/text.js'
import { applyExpiringRules } from '../shared/expiring-rules.js'

export interface IgnoreRule {
  id: string
  reason?: string
  /** YYYY-MM-DD: the first day the rule no longer applies. */
  until?: string
  /** PEP 503 normalised package name the rule is limited to. */
  package?: string
  /** Exact version (PEP 440) the rule is limited to; only with `package`. */
  version?: string
  /** Where the rule was written: 'input ignore-vulns, line 2' or 'file:line'. */
  origin: string
}

/** One advisory reported against one audited package. */
export interface Finding {
  package: AuditedPackage
  vulnerability: Vulnerability
}

export interface IgnoredFinding extends Finding {
  /** The first rule (in the order given) that matches; its reason is the one to show. */
  rule: IgnoreRule
  /** A malicious-package report that was ignored: worth calling out in any report. */
  malicious: boolean
}

/** A rule worth telling the user about, with the message to show. */
export interface RuleNotice {
  rule: IgnoreRule
  message: string
}

export interface IgnoreOutcome {
  /** Findings no rule ignores, in package then advisory order. */
  active: Finding[]
  /** Findings an unexpired rule ignores: still reported, as ignored. */
  ignored: IgnoredFinding[]
  /** Rules past their date: they no longer apply (a warning each). */
  expired: RuleNotice[]
  /** Unexpired rules that matched no finding (a notice each, so stale entries get removed). */
  unused: RuleNotice[]
}

/** GHSA-…, PYSEC-…, CVE-…, MAL-…, GO-…, OSV-…: a prefix, a dash, then the rest. */
export function isAdvisoryId(text: string): boolean {
  return /^[A-Za-z][A-Za-z0-9]*-[A-Za-z0-9][A-Za-z0-9._:-]*$/.test(text)
}

/** The `ignore-vulns` input: one id per line, `# reason` optional; blank and `#` lines skipped. */
export function parseIgnoreVulnsInput(text: string): IgnoreRule[] {
  return listEntries(text).map(({ entry: id, reason, line }) => {
    const where = `line ${line}`
    if (/[\s,;]/.test(id)) {
      throw new InputError(
        'ignore-vulns',
        `${where}: one advisory id per line, got ${JSON.stringify(id)}`
      )
    }
    if (!isAdvisoryId(id)) {
      throw new InputError(
        'ignore-vulns',
        `${where}: ${JSON.stringify(id)} is not an advisory id (like GHSA-…, PYSEC-…, CVE-…)`
      )
    }
    return { id, ...(reason ? { reason } : {}), origin: `input ignore-vulns, ${where}` }
  })
}

export function applyIgnores(
  packages: readonly AuditedPackage[],
  rules: readonly IgnoreRule[],
  today: string
): IgnoreOutcome {
  const findings = packages.flatMap(pkg =>
    pkg.vulnerabilities.map(vulnerability => ({ package: pkg, vulnerability }))
  )
  const applied = applyExpiringRules(findings, rules, today, ruleMatches, describeRule)
  const ignored = applied.ignored.map(({ finding, rule }) => ({
    ...finding,
    rule,
    malicious: isMalicious(finding.vulnerability)
  }))
  return { ...applied, ignored }
}

export function ruleMatches(rule: IgnoreRule, finding: Finding): boolean {
  const wanted = rule.id.toUpperCase()
  const { vulnerability } = finding
  if (![vulnerability.id, ...vulnerability.aliases].some(id => id.toUpperCase() === wanted)) {
    return false
  }
  if (rule.package !== undefined && rule.package !== normalizeName(finding.package.name)) {
    return false
  }
  return rule.version === undefined || sameVersion(rule.version, finding.package.version)
}

function sameVersion(a: string, b: string): boolean {
  return valid(a) !== null && valid(b) !== null ? eq(a, b) : a === b
}

/** How a rule is named in messages: its id, its scope and where it was written. */
export function describeRule(rule: IgnoreRule): string {
  const scope =
    rule.package === undefined ? '' : ` in ${rule.package}${rule.version ? ` ${rule.version}` : ''}`
  return `Ignore rule for ${rule.id}${scope} (${rule.origin})`
}
