/**
 * Whether the step fails: which active (not ignored) findings are severe enough, plus the
 * malicious packages, which always fail. Pure.
 *
 * Unknown severity fails by default: an advisory without a rating is not known to be
 * harmless, and a security gate fails closed (`fail-on-unknown-severity: false` opts out).
 * Malicious packages (OSV MAL- reports) are not rated vulnerabilities but code that must not
 * be installed at all, so no severity threshold and no unknown-severity setting hides them;
 * only an explicit ignore rule naming the report does (see ignores.ts).
 */
import type { Finding } from './ignores.js'
import { plural } from '../shared/text.js'
import {
  compareSeverity,
  isMalicious,
  severityOf,
  severityRank,
  type Severity,
  type SeverityLevel
} from '../advisories/severity.js'

export type SeverityThreshold = Exclude<SeverityLevel, 'unknown'>

export const SEVERITY_THRESHOLDS: readonly SeverityThreshold[] = [
  'low',
  'medium',
  'high',
  'critical'
]

export interface RatedFinding extends Finding {
  severity: Severity
}

/** Each finding with the severity of its advisory. */
export function rateFindings(findings: readonly Finding[]): RatedFinding[] {
  return findings.map(finding => ({
    ...finding,
    severity: severityOf(finding.vulnerability.record)
  }))
}

export interface GateOptions {
  threshold: SeverityThreshold
  failOnUnknown: boolean
}

export interface GateResult {
  failed: boolean
  /** Findings that fail the step: malicious packages first, then worst severity first. */
  failing: RatedFinding[]
  /** The malicious-package findings among `failing`. */
  malicious: RatedFinding[]
  /** Active findings that do not fail the step (below the threshold, or unknown when allowed). */
  passing: RatedFinding[]
  /** One line for logs and the summary. */
  reason: string
}

export function gate(findings: readonly RatedFinding[], options: GateOptions): GateResult {
  const malicious = findings.filter(finding => isMalicious(finding.vulnerability))
  const rated = findings.filter(finding => !isMalicious(finding.vulnerability))
  const fails = (severity: Severity): boolean =>
    severity.level === 'unknown'
      ? options.failOnUnknown
      : severityRank(severity.level) >= severityRank(options.threshold)
  const byWorst = (a: RatedFinding, b: RatedFinding) => compareSeverity(a.severity, b.severity)
  const failingRated = rated.filter(finding => fails(finding.severity)).sort(byWorst)
  const passing = rated.filter(finding => !fails(finding.severity)).sort(byWorst)
  const failing = [...[...malicious].sort(byWorst), ...failingRated]
  return {
    failed: failing.length > 0,
    failing,
    malicious,
    passing,
    reason: reasonLine(malicious.length, failingRated, passing, options)
  }
}

function reasonLine(
  malicious: number,
  failing: readonly RatedFinding[],
  passing: readonly RatedFinding[],
  options: GateOptions
): string {
  const unknown = options.failOnUnknown ? '' : ', unknown severity allowed'
  const setting = `fail-on-severity: ${options.threshold}${unknown}`
  if (malicious === 0 && failing.length === 0) {
    if (passing.length === 0) return 'Passed: no active findings.'
    const counts = joinWords(countByLevel(passing))
    return `Passed: ${plural(passing.length, 'active finding')}, none failing (${setting}): ${counts}.`
  }
  const parts = malicious > 0 ? [plural(malicious, 'malicious package')] : []
  return `Failed: ${joinWords([...parts, ...countByLevel(failing)])} (${setting}).`
}

/** ["2 critical", "1 high", "1 of unknown severity"], worst first. */
function countByLevel(findings: readonly RatedFinding[]): string[] {
  const counts = new Map<SeverityLevel, number>()
  for (const { severity } of findings) {
    counts.set(severity.level, (counts.get(severity.level) ?? 0) + 1)
  }
  const levels: SeverityLevel[] = ['critical', 'high', 'medium', 'low', 'unknown']
  return levels
    .filter(level => counts.has(level))
    .map(level => `${counts.get(level)} ${level === 'unknown' ? 'of unknown severity' : level}`)
}

function joinWords(parts: readonly string[]): string {
  return parts.length <= 1
    ? (parts[0] ?? '')
    : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`
}
