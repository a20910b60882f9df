import type { Severity } from '../advisories/severity.js'
import type { Vulnerability } from '../advisories/vulnerability.js'
import type { Dependency, SkippedDependency, SourceResult } from '../deps/types.js'
import type { LicenseEntry } from '../licenses/check.js'

/**
 * Everything a run found, in the form every report (JSON, SBOM, SARIF, summary, comment,
 * annotations) reads. Built once by the engine; reports never recompute verdicts.
 */
export interface AuditOutcome {
  tool: { name: string; version: string }
  /** Feed that answered, e.g. "OSV API (https://api.osv.dev)". */
  feed: string
  /** Newest `modified` in an offline database (ISO 8601), when one was used. */
  databaseUpdated?: string
  sources: SourceResult[]
  /** Every distinct audited name and version, in first-declared order. */
  packages: ReportedPackage[]
  skipped: SkippedDependency[]
  /** One entry per audited package when licenses were checked; empty when they were not. */
  licenses: LicenseEntry[]
  result: 'pass' | 'fail'
  /** Why the step fails (empty on pass), one line each. */
  failureReasons: string[]
  /** Set when an advisory lookup failed: nothing was checked, every dependency is listed as skipped. */
  incomplete?: boolean
}

export interface ReportedPackage {
  name: string
  version: string
  /** Every place that declares this name and version. */
  declarations: Dependency[]
  /** Active and ignored findings alike; `ignored` tells them apart. */
  vulnerabilities: ReportedVulnerability[]
  /**
   * The smallest version above the current one that no known advisory affects;
   * null when none is known; undefined when the package has no findings.
   */
  recommendedVersion?: string | null
}

export interface ReportedVulnerability extends Vulnerability {
  severity: Severity
  /** An OSV MAL- record: the package is malware, not merely vulnerable. */
  malicious: boolean
  /** Present when an ignore rule applies; the finding stays visible, marked ignored. */
  ignored?: { reason?: string; origin: string; until?: string }
  /** Whether this finding makes the step fail under the configured gate. */
  failing: boolean
}
