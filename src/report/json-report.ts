import { conditionOf } from '../deps/marker-text.js'
import { normalVersion } from '../deps/versions.js'
import type {
  AuditOutcome,
  DependencyChange,
  FixedByChange,
  ReportedPackage,
  ReportedVulnerability
} from './outcome.js'
import type { LicenseEntry } from '../licenses/check.js'
import { redactSecrets } from '../shared/escape.js'
import { repositoryPath } from '../shared/paths.js'
import { writeJsonFile } from './json-file.js'
import { summaryCounts, type SummaryCounts } from './counts.js'
import {
  changeIn,
  introducedIn,
  newPackageIssueCount,
  newVulnerabilityCount
} from './change-scope.js'
import type { PackageIssueEntry } from '../health/types.js'
import { toPackageIssueEntry } from '../health/report-entry.js'

/**
 * pip-audit's JSON report (`pip-audit -f json`) at its core, so tools that read it keep
 * working; our additions are extra keys (documented in docs/report-schema.md).
 */
export interface JsonReport {
  /** Scope `changes` only: the commit the change is compared with. */
  base?: { ref: string; sha: string }
  dependencies: Array<ReportedDependency | ReportedSkip>
  /** Scope `changes` only: base pins the change removes or upgrades out of advisories. */
  fixed_by_change?: ReportedFixedByChange[]
  fixes: Array<ReportedFix | ReportedFixSkip>
  licenses: LicenseEntry[]
  /** What the package index says of the pins; absent when package checks did not run. */
  package_issues?: PackageIssueEntry[]
  sources: Array<{ file: string; format: string; dependencies: number; skipped: number }>
  summary: SummaryCounts & {
    result: AuditOutcome['result']
    failure_reasons: string[]
    incomplete: boolean
    /** Scope `changes` only: active findings the change introduces. */
    new_vulnerabilities?: number
    /** Present when package checks ran. */
    package_issues?: number
    new_package_issues?: number
  }
  tool: { name: string; version: string; feed: string; database_updated: string | null }
}

export interface ReportedDependency {
  name: string
  version: string
  vulns: ReportedVuln[]
  /** Smallest version no known advisory affects; null when none is known. Absent without findings. */
  recommended_version?: string | null
  /** Scope `changes` only: how the change touches this pin. */
  change?: DependencyChange
  /** The environment marker its pins are installed under; absent when one of them has none. */
  marker?: string
}

export interface ReportedVuln {
  id: string
  fix_versions: string[]
  aliases: string[]
  description: string
  severity: { level: string; score: number | null; vector: string | null; source: string }
  malicious: boolean
  ignored: { reason: string | null; origin: string; until: string | null } | null
  failing: boolean
  /** Scope `changes` only: the change brings it in (false: already on the base). */
  introduced?: boolean
}

export interface ReportedFixedByChange {
  name: string
  old_version: string
  /** null when the change removed the pin. */
  new_version: string | null
  /** The advisories that affected the old version and affect nothing at the head. */
  advisories: string[]
}

export interface ReportedSkip {
  name: string
  skip_reason: string
}

/** pip-audit's --fix shapes: an upgrade, or why there is none. */
export interface ReportedFix {
  name: string
  old_version: string
  new_version: string
}
export interface ReportedFixSkip {
  name: string
  version: string
  skip_reason: string
}

export function buildJsonReport(outcome: AuditOutcome, repositoryRoot: string): JsonReport {
  const changes = outcome.changes
  const issues = outcome.packageIssues
  return {
    ...(changes ? { base: { ref: changes.base.ref, sha: changes.base.sha } } : {}),
    dependencies: [
      ...outcome.packages.map(pkg => reportPackage(pkg, outcome)),
      ...outcome.skipped.map(skip => ({ name: skip.name, skip_reason: skip.reason }))
    ],
    ...(changes ? { fixed_by_change: changes.fixedByChange.map(reportFixedByChange) } : {}),
    fixes: outcome.packages.filter(pkg => pkg.recommendedVersion !== undefined).map(reportFix),
    licenses: outcome.licenses,
    ...(issues
      ? { package_issues: issues.map(issue => toPackageIssueEntry(issue, repositoryRoot)) }
      : {}),
    sources: outcome.sources.map(source => ({
      file: repositoryPath(source.file, repositoryRoot),
      format: source.format,
      dependencies: source.dependencies.length,
      skipped: source.skipped.length
    })),
    summary: {
      ...summaryCounts(outcome),
      result: outcome.result,
      failure_reasons: outcome.failureReasons,
      incomplete: outcome.incomplete ?? false,
      ...(changes ? { new_vulnerabilities: newVulnerabilityCount(outcome) } : {}),
      ...(issues ? { package_issues: issues.length } : {}),
      ...(issues && changes ? { new_package_issues: newPackageIssueCount(outcome) } : {})
    },
    tool: { ...outcome.tool, feed: outcome.feed, database_updated: outcome.databaseUpdated ?? null }
  }
}

function reportPackage(pkg: ReportedPackage, outcome: AuditOutcome): ReportedDependency {
  const change = changeIn(outcome, pkg)
  const marker = conditionOf(pkg.declarations)
  return {
    name: pkg.name,
    // pip-audit prints str(Version): the PEP 440 normal form.
    version: normalVersion(pkg.version),
    vulns: pkg.vulnerabilities.map(vuln => reportVuln(vuln, outcome)),
    ...(pkg.recommendedVersion !== undefined
      ? { recommended_version: pkg.recommendedVersion }
      : {}),
    ...(change !== undefined ? { change } : {}),
    ...(marker !== undefined ? { marker } : {})
  }
}

function reportVuln(vuln: ReportedVulnerability, outcome: AuditOutcome): ReportedVuln {
  const introduced = introducedIn(outcome, vuln)
  return {
    id: vuln.id,
    fix_versions: vuln.fixVersions,
    aliases: [...vuln.aliases].sort(),
    description: vuln.description,
    severity: {
      level: vuln.severity.level,
      score: vuln.severity.score ?? null,
      vector: vuln.severity.vector ?? null,
      source: vuln.severity.source
    },
    malicious: vuln.malicious,
    ignored: vuln.ignored
      ? {
          reason: vuln.ignored.reason ?? null,
          origin: vuln.ignored.origin,
          until: vuln.ignored.until ?? null
        }
      : null,
    failing: vuln.failing,
    ...(introduced !== undefined ? { introduced } : {})
  }
}

function reportFixedByChange(fix: FixedByChange): ReportedFixedByChange {
  return {
    name: fix.name,
    old_version: normalVersion(fix.oldVersion),
    new_version: fix.newVersion === null ? null : normalVersion(fix.newVersion),
    advisories: fix.advisories
  }
}

function reportFix(pkg: ReportedPackage): ReportedFix | ReportedFixSkip {
  return pkg.recommendedVersion
    ? {
        name: pkg.name,
        old_version: normalVersion(pkg.version),
        new_version: pkg.recommendedVersion
      }
    : {
        name: pkg.name,
        version: normalVersion(pkg.version),
        skip_reason: pkg.upgradeNote ?? 'no version without known vulnerabilities is known'
      }
}

/** The report as one string: for tests and small reports; runs write it with writeJsonReportFile. */
export function serializeReport(report: JsonReport): string {
  return `${JSON.stringify(report, redactStrings, 2)}\n`
}

/** The report written to `file` piece by piece: the same bytes as serializeReport, at any size. */
export async function writeJsonReportFile(report: JsonReport, file: string): Promise<void> {
  // Down to the entries of each list (a dependency, a fix, a license, a source).
  await writeJsonFile(file, report, { replacer: redactStrings, expandDepth: 2 })
}

/** Names, reasons and the feed may hold a URL with credentials, or a server's echo of a secret. */
function redactStrings(_key: string, value: unknown): unknown {
  return typeof value === 'string' ? redactSecrets(value) : value
}
