/**
 * How the reports read the change scope of an outcome. The engine fills `introduced` and
 * `change` in scope `changes`; a finding or package it left unjudged reads as introduced and
 * `unknown`, as the engine's own verdicts do, so that no report shows as "already there" what
 * nothing compared.
 */
import type { AuditOutcome, DependencyChange, ReportedPackage } from './outcome.js'

/**
 * Scope `changes`: whether the change brings this finding (or package issue) in. Undefined in
 * scope `all`.
 */
export function introducedIn(
  outcome: Pick<AuditOutcome, 'changes'>,
  finding: { introduced?: boolean }
): boolean | undefined {
  return outcome.changes === undefined ? undefined : (finding.introduced ?? true)
}

/** Scope `changes`: how the change touches this pin. Undefined in scope `all`. */
export function changeIn(
  outcome: Pick<AuditOutcome, 'changes'>,
  pkg: Pick<ReportedPackage, 'change'>
): DependencyChange | undefined {
  return outcome.changes === undefined ? undefined : (pkg.change ?? 'unknown')
}

/** Scope `changes`: the active (not ignored) findings the change introduces. */
export function newVulnerabilityCount(outcome: Pick<AuditOutcome, 'changes' | 'packages'>): number {
  let count = 0
  for (const pkg of outcome.packages) {
    for (const finding of pkg.vulnerabilities) {
      if (!finding.ignored && introducedIn(outcome, finding) !== false) count++
    }
  }
  return count
}

/**
 * Scope `changes`: the package issues the change introduces (in scope `all`, every one). A
 * quarantined project already on the base still fails the step, but the change did not add it.
 */
export function newPackageIssueCount(
  outcome: Pick<AuditOutcome, 'changes' | 'packageIssues'>
): number {
  return (outcome.packageIssues ?? []).filter(issue => introducedIn(outcome, issue) !== false)
    .length
}
