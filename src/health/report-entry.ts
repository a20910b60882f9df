/**
 * How package-health findings appear in the reports: the `package_issues[]` entry of the JSON
 * report (a repository-relative file, like every location there), and one SARIF rule per kind
 * so code scanning can tell them apart from advisories (whose rule ids are advisory ids).
 */
import { repositoryPath } from '../shared/paths.js'
import type { PackageIssue, PackageIssueEntry, PackageIssueKind } from './types.js'

export function toPackageIssueEntry(
  issue: PackageIssue,
  repositoryRoot: string
): PackageIssueEntry {
  return {
    name: issue.name,
    version: issue.version,
    kind: issue.kind,
    reason: issue.reason,
    location: {
      file: repositoryPath(issue.location.file, repositoryRoot),
      line: issue.location.line
    },
    failing: issue.failing,
    ...(issue.introduced !== undefined ? { introduced: issue.introduced } : {})
  }
}

export interface PackageIssueRule {
  /** The SARIF rule id, e.g. `pyaudit/package-not-found`. */
  id: string
  /** SARIF shortDescription. */
  title: string
}

/** One rule per kind; ids never collide with advisory ids (those have no '/'). */
export const PACKAGE_ISSUE_RULES: Readonly<Record<PackageIssueKind, PackageIssueRule>> = {
  'not-found': {
    id: 'pyaudit/package-not-found',
    title: 'The package index does not know this name (typo or dependency confusion)'
  },
  quarantined: {
    id: 'pyaudit/package-quarantined',
    title: 'The package index has quarantined this project (PEP 792)'
  },
  archived: {
    id: 'pyaudit/package-archived',
    title: 'The project is archived on the package index (PEP 792)'
  },
  deprecated: {
    id: 'pyaudit/package-deprecated',
    title: 'The project is deprecated on the package index (PEP 792)'
  },
  yanked: {
    id: 'pyaudit/package-yanked',
    title: 'The pinned release was yanked from the package index (PEP 592)'
  },
  'hash-mismatch': {
    id: 'pyaudit/package-hash-mismatch',
    title: 'A pinned digest matches no file of the release on the package index'
  }
}
