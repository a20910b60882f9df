import type { AuditOutcome } from './outcome.js'
import type { PackageFindings } from './order.js'

export interface SummaryCounts {
  packages: number
  vulnerable_packages: number
  /** Active (not ignored) findings. */
  vulnerabilities: number
  by_severity: { critical: number; high: number; medium: number; low: number; unknown: number }
  malicious: number
  ignored: number
  failing: number
  skipped: number
  license_violations: number
}

/** The counts every report shows, computed once from the outcome. */
export function summaryCounts(outcome: AuditOutcome): SummaryCounts {
  const counts: SummaryCounts = {
    packages: outcome.packages.length,
    vulnerable_packages: 0,
    vulnerabilities: 0,
    by_severity: { critical: 0, high: 0, medium: 0, low: 0, unknown: 0 },
    malicious: 0,
    ignored: 0,
    failing: 0,
    skipped: outcome.skipped.length,
    license_violations: outcome.licenses.filter(entry => entry.violation).length
  }
  for (const pkg of outcome.packages) {
    const active = pkg.vulnerabilities.filter(vuln => !vuln.ignored)
    if (active.length > 0) counts.vulnerable_packages++
    for (const vuln of pkg.vulnerabilities) {
      if (vuln.ignored) {
        counts.ignored++
        continue
      }
      counts.vulnerabilities++
      counts.by_severity[vuln.severity.level]++
      if (vuln.malicious) counts.malicious++
      if (vuln.failing) counts.failing++
    }
  }
  return counts
}

/** How many findings a part of a report shows, in how many packages, by severity. */
export interface FindingTally {
  findings: number
  packages: number
  bySeverity: SummaryCounts['by_severity']
}

export function tallyFindings(groups: readonly PackageFindings[]): FindingTally {
  const tally: FindingTally = {
    findings: 0,
    packages: groups.length,
    bySeverity: { critical: 0, high: 0, medium: 0, low: 0, unknown: 0 }
  }
  for (const group of groups) {
    tally.findings += group.findings.length
    for (const finding of group.findings) tally.bySeverity[finding.severity.level]++
  }
  return tally
}

/** "2 medium, 5 unknown": the levels present, worst first. */
export function describeSeverities(bySeverity: SummaryCounts['by_severity']): string {
  return Object.entries(bySeverity)
    .filter(([, count]) => count > 0)
    .map(([level, count]) => `${count} ${level}`)
    .join(', ')
}
