/**
 * The one order in which every report a person reads (job summary, pull-request comment,
 * terminal, annotations) lists findings and packages: worst first, then advisory ids by their
 * numbers, so that the same run reads the same everywhere.
 */
import { compareSeverity, type Severity } from '../advisories/severity.js'
import type { ReportedPackage, ReportedVulnerability } from './outcome.js'

/** "medium 5.4", "low 2.0", "unknown": a CVSS score always prints with one decimal. */
export function severityLabel(severity: Severity): string {
  return severity.score !== undefined
    ? `${severity.level} ${severity.score.toFixed(1)}`
    : severity.level
}

/**
 * Advisory ids in natural order: the digit runs compare as numbers, so PYSEC-2021-35 comes
 * before PYSEC-2021-137 and GHSA ids keep their letters' order.
 */
export function compareAdvisoryIds(a: string, b: string): number {
  const left = partsOf(a)
  const right = partsOf(b)
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const x = left[i] ?? ''
    const y = right[i] ?? ''
    if (x === y) continue
    // split() puts the digit runs at the odd indexes.
    const order = i % 2 === 1 ? compareDigits(x, y) : x < y ? -1 : 1
    if (order !== 0) return order
  }
  return left.length - right.length || (a < b ? -1 : a > b ? 1 : 0)
}

/**
 * An id upper-cased and cut into letters and digit runs, once: a run sorts its findings several
 * times (assessment, each report), ~10,000 comparisons each for 1,300 findings.
 */
function partsOf(id: string): readonly string[] {
  let parts = idParts.get(id)
  if (parts === undefined) {
    parts = id.toUpperCase().split(/(\d+)/)
    idParts.set(id, parts)
  }
  return parts
}
const idParts = new Map<string, readonly string[]>()

/** Digit runs of any length, as numbers (no precision lost on long ones); 007 equals 7. */
function compareDigits(x: string, y: string): number {
  const a = x.replace(/^0+(?=\d)/, '')
  const b = y.replace(/^0+(?=\d)/, '')
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0)
}

/** Worst first (level, then CVSS score); findings of equal severity by their ids' numbers. */
export function compareFindings(a: ReportedVulnerability, b: ReportedVulnerability): number {
  return compareSeverity(a.severity, b.severity) || compareAdvisoryIds(a.id, b.id)
}

/** A package with the findings one part of a report shows of it, in compareFindings order. */
export interface PackageFindings {
  pkg: ReportedPackage
  /** Never empty. */
  findings: ReportedVulnerability[]
}

/** The worst finding of a group (its first). */
export function worstFinding(group: PackageFindings): ReportedVulnerability {
  return group.findings[0]!
}

/**
 * Packages worst first: by their worst finding, then by how many findings they have, then by
 * name and version, so that equal packages never swap between runs.
 */
export function comparePackageFindings(a: PackageFindings, b: PackageFindings): number {
  return (
    compareSeverity(worstFinding(a).severity, worstFinding(b).severity) ||
    b.findings.length - a.findings.length ||
    compareText(a.pkg.name, b.pkg.name) ||
    compareText(a.pkg.version, b.pkg.version)
  )
}

/**
 * Each package with the findings `keep` selects, both in report order; packages with none left
 * are left out.
 */
export function packagesWith(
  packages: readonly ReportedPackage[],
  keep: (finding: ReportedVulnerability, pkg: ReportedPackage) => boolean
): PackageFindings[] {
  return packages
    .map(pkg => ({
      pkg,
      findings: pkg.vulnerabilities.filter(finding => keep(finding, pkg)).sort(compareFindings)
    }))
    .filter(group => group.findings.length > 0)
    .sort(comparePackageFindings)
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
