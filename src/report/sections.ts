/**
 * What the reports a person reads (job summary, pull-request comment, terminal) show, and in
 * which part: malware and quarantined projects first; then the vulnerable packages (in scope
 * `changes`: those the change introduces, what it fixes, and what was already on the base);
 * then the index's other findings. Decided once here, so the renderings only lay it out.
 */
import type { Location } from '../deps/types.js'
import { PACKAGE_ISSUE_KINDS, type PackageIssue } from '../health/types.js'
import { introducedIn } from './change-scope.js'
import type { AuditOutcome, FixedByChange, ReportedVulnerability } from './outcome.js'
import { compareAdvisoryIds, packagesWith, type PackageFindings } from './order.js'

/** A package that must not be installed: known malware (MAL- advisories), or quarantined by an index. */
export interface Alarm {
  name: string
  version: string
  /** Its active MAL- findings, in id order. */
  advisories: ReportedVulnerability[]
  /** The index's quarantine findings (one per declaration). */
  quarantined: PackageIssue[]
  /** Where it is declared, each place once. */
  locations: Location[]
  failing: boolean
}

export interface ChangeSections {
  base: { ref: string; sha: string }
  /** Base pins the change removes or upgrades out of their advisories. */
  fixed: FixedByChange[]
  /** Findings on pins the change does not bring in: reported, never failing the step. */
  alreadyThere: PackageFindings[]
  /** The index's findings (other than quarantine) the base already had: reported, not failing. */
  packageIssuesAlreadyThere: PackageIssue[]
}

export interface ReportSections {
  alarms: Alarm[]
  /** Vulnerable packages worst first; in scope `changes` only the findings the change introduces. */
  vulnerable: PackageFindings[]
  /** Scope `changes` only. */
  changes?: ChangeSections
  /**
   * The index's findings other than quarantine, failing ones first; in scope `changes` only
   * those the change introduces.
   */
  packageIssues: PackageIssue[]
}

export function reportSections(outcome: AuditOutcome): ReportSections {
  const vulnerability = (finding: ReportedVulnerability): boolean =>
    !finding.ignored && !finding.malicious
  const sections: ReportSections = {
    alarms: alarms(outcome),
    vulnerable: packagesWith(
      outcome.packages,
      finding => vulnerability(finding) && introducedIn(outcome, finding) !== false
    ),
    packageIssues: indexFindings(outcome).filter(issue => introducedIn(outcome, issue) !== false)
  }
  if (outcome.changes) {
    sections.changes = {
      base: outcome.changes.base,
      fixed: outcome.changes.fixedByChange,
      alreadyThere: packagesWith(
        outcome.packages,
        finding => vulnerability(finding) && introducedIn(outcome, finding) === false
      ),
      packageIssuesAlreadyThere: indexFindings(outcome).filter(
        issue => introducedIn(outcome, issue) === false
      )
    }
  }
  return sections
}

/** The index's findings other than quarantine (those are alarms), failing ones first. */
function indexFindings(outcome: AuditOutcome): PackageIssue[] {
  return (outcome.packageIssues ?? [])
    .filter(issue => issue.kind !== 'quarantined')
    .sort(compareIssues)
}

/** Malicious packages and quarantined projects together, one entry per name and version. */
function alarms(outcome: AuditOutcome): Alarm[] {
  const byPin = new Map<string, Alarm>()
  const entry = (name: string, version: string): Alarm => {
    const key = `${name}\0${version}`
    let alarm = byPin.get(key)
    if (!alarm) {
      alarm = { name, version, advisories: [], quarantined: [], locations: [], failing: false }
      byPin.set(key, alarm)
    }
    return alarm
  }
  for (const pkg of outcome.packages) {
    const advisories = pkg.vulnerabilities.filter(finding => finding.malicious && !finding.ignored)
    if (advisories.length === 0) continue
    const alarm = entry(pkg.name, pkg.version)
    alarm.advisories.push(...advisories.sort((a, b) => compareAdvisoryIds(a.id, b.id)))
    alarm.locations.push(...pkg.declarations.map(dep => dep.location))
    alarm.failing ||= advisories.some(finding => finding.failing)
  }
  for (const issue of outcome.packageIssues ?? []) {
    if (issue.kind !== 'quarantined') continue
    const alarm = entry(issue.name, issue.version)
    alarm.quarantined.push(issue)
    alarm.locations.push(issue.location)
    alarm.failing ||= issue.failing
  }
  return [...byPin.values()]
    .map(alarm => ({ ...alarm, locations: distinctLocations(alarm.locations) }))
    .sort((a, b) => Number(b.failing) - Number(a.failing) || compareText(a.name, b.name))
}

/** Failing first, then by kind (in the order PACKAGE_ISSUE_KINDS lists them), name and place. */
function compareIssues(a: PackageIssue, b: PackageIssue): number {
  return (
    Number(b.failing) - Number(a.failing) ||
    PACKAGE_ISSUE_KINDS.indexOf(a.kind) - PACKAGE_ISSUE_KINDS.indexOf(b.kind) ||
    compareText(a.name, b.name) ||
    compareText(a.location.file, b.location.file) ||
    a.location.line - b.location.line
  )
}

function distinctLocations(locations: Location[]): Location[] {
  const seen = new Set<string>()
  return locations.filter(location => {
    const key = `${location.file}\0${location.line}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
