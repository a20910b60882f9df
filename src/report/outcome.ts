import type { Severity } from '../advisories/severity.js'
import type { Vulnerability } from '../advisories/vulnerability.js'
import type { Dependency, SkippedDependency, SourceResult } from '../deps/types.js'
import type { LicenseEntry } from '../licenses/check.js'
import type { PackageIssue } from '../health/types.js'
import type { FixOutcome } from '../fix/types.js'

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
  /** `error`: the run could not check what it was asked to (see `error`); never a pass. */
  result: 'pass' | 'fail' | 'error'
  /** Why the step fails (empty on pass), one line each. */
  failureReasons: string[]
  /** Set when no package was audited: why. A pass then is no clean bill, and reports say so. */
  nothingAudited?: string
  /** Set when an advisory lookup failed: nothing was checked, every dependency is listed as skipped. */
  incomplete?: boolean
  /** What went wrong when `result` is `error`: reports say it instead of any count. */
  error?: RunError
  /** Present only when the verdict counts what a pull request changes (scope `changes`). */
  changes?: ChangeScope
  /** Package-health findings from the index; undefined when package checks did not run. */
  packageIssues?: PackageIssue[]
  /** What `fix` changed and left before this audit (of the fixed files); undefined without fix. */
  fix?: FixOutcome
}

export interface RunError {
  /** The error as shown to the user (names the feed, the input or the file). */
  message: string
  /** What was checked before it happened and what was not, in words, e.g. "advisories: not checked". */
  checked: string[]
  notChecked: string[]
}

/** How a dependency differs from the base of a pull request. */
export type DependencyChange = 'added' | 'changed' | 'unchanged' | 'unknown'

export interface BaseRef {
  /** The ref as given (base-ref) or the event's base branch. */
  ref: string
  sha: string
}

/** A base pin that the change removes or upgrades out of its advisories. */
export interface FixedByChange {
  name: string
  oldVersion: string
  /** The version that replaced it; null when the change removed the pin. */
  newVersion: string | null
  /** Ids of the advisories that affected the old version and affect no version at the head. */
  advisories: string[]
}

export interface ChangeScope {
  base: BaseRef
  fixedByChange: FixedByChange[]
}

export interface ReportedPackage {
  name: string
  version: string
  /** Every place that declares this name and version. */
  declarations: Dependency[]
  /** Active and ignored findings alike; `ignored` tells them apart. */
  vulnerabilities: ReportedVulnerability[]
  /**
   * The smallest version above the current one that no known advisory affects, confirmed
   * with the feed the run used; null when none is known or none could be confirmed;
   * undefined when the package has no findings.
   */
  recommendedVersion?: string | null
  /**
   * Why `recommendedVersion` is null although fixes are known, to print in its place, e.g.
   * "no version without known advisories found; newest fix: 4.2.30".
   */
  upgradeNote?: string
  /** Scope `changes` only: how the pull request changes this pin. */
  change?: DependencyChange
}

export interface ReportedVulnerability extends Vulnerability {
  severity: Severity
  /** An OSV MAL- record: the package is malware, not merely vulnerable. */
  malicious: boolean
  /** Present when an ignore rule applies; the finding stays visible, marked ignored. */
  ignored?: { reason?: string; origin: string; until?: string }
  /** Whether this finding makes the step fail under the configured gate. */
  failing: boolean
  /** Scope `changes` only: the change brings this finding in (false: already on the base). */
  introduced?: boolean
}
