/**
 * Package health: what the package index itself says about each audited pin, beyond advisories.
 * These are the shapes the index client produces, the checks read and the reports print.
 */
import type { Location } from '../deps/types.js'

/** PEP 792 project statuses; anything else an index sends is read as `active`, as PEP 792 asks. */
export type ProjectStatusName = 'active' | 'archived' | 'quarantined' | 'deprecated'

export interface ProjectStatus {
  status: ProjectStatusName
  /** Free text from the index, already flattened to one line and shortened; untrusted. */
  reason?: string
}

/**
 * What one index says about one release (a version asked for), reduced to what the checks need.
 * `files` counts only files pip could install (wheels and sdists named for the project).
 */
export interface ReleaseFacts {
  /** The version as it was asked for (as the dependency file wrote it). */
  version: string
  files: number
  yankedFiles: number
  /** The first non-empty PEP 592 reason among the yanked files. */
  yankedReason?: string
  /** Lowercase hex sha256 of every file that carries one (sorted, without duplicates). */
  sha256: string[]
  /** Files listed without a sha256: their digests are unknown, so a mismatch cannot be told. */
  filesWithoutSha256: number
}

/**
 * One index's answer about one project, small enough to cache: the status, the releases that
 * were asked for (a cache keyed by index and name must remember which), and which versions
 * exist and which are withdrawn, for the recommended upgrades. Plain JSON data (no Map or Set),
 * so a cache can store it as it is.
 */
export interface ProjectFacts {
  status: ProjectStatus
  releases: ReleaseFacts[]
  /**
   * Every version the index lists, as it writes them: PEP 700's `versions[]` when the page
   * gives it (each spelling once: an index lists each release once), else the versions of the
   * files it lists (each once by PEP 440). Absent: not known (facts made or kept without the
   * lists), so no version is ruled out for it. Read by PEP 440 key (releases.ts).
   */
  versions?: string[]
  /** The listed versions whose every file is yanked (PEP 592): pip does not pick them. */
  yankedVersions?: string[]
}

/** One index's answer for one name: found (with facts), or absent (404 or 410). */
export type IndexAnswer =
  | { index: string; found: true; project: ProjectFacts }
  | { index: string; found: false; httpStatus: number }

/** Every configured index's answer for one name, in the order the indexes are configured. */
export interface IndexLookup {
  /** PEP 503 normalised name. */
  name: string
  answers: IndexAnswer[]
}

/** What a check is asked about: a pinned dependency, with the digests its file declared. */
export interface HealthSubject {
  /** PEP 503 normalised name. */
  name: string
  /** The exact version, as written. */
  version: string
  location: Location
  /**
   * Digests the dependency file gave for this pin (`sha256:<hex>`, as lockfiles and `--hash`
   * write them); other algorithms are ignored. Absent or empty: nothing to compare.
   */
  hashes?: readonly string[]
}

export const PACKAGE_ISSUE_KINDS = [
  'not-found',
  'quarantined',
  'archived',
  'deprecated',
  'yanked',
  'hash-mismatch'
] as const

export type PackageIssueKind = (typeof PACKAGE_ISSUE_KINDS)[number]

/** The kinds that fail the run unless `failOnPackageStatus` says otherwise; the rest warn. */
export const DEFAULT_FAIL_ON_PACKAGE_STATUS: readonly PackageIssueKind[] = [
  'not-found',
  'quarantined',
  'hash-mismatch'
]

/** One finding about one declaration of a pin. */
export interface PackageIssue {
  name: string
  version: string
  kind: PackageIssueKind
  /** The whole message: what the index said, what it means, and what to do. */
  reason: string
  location: Location
  /** Whether this issue fails the run (`failOnPackageStatus`; in scope `changes`, if introduced). */
  failing: boolean
  /** Scope `changes` only: the change brings this issue in (false: already on the base). */
  introduced?: boolean
  /** `hash-mismatch` only: the declared sha256 digests (lowercase hex) no file has. */
  mismatched?: string[]
}

/** A `package_issues[]` entry of the JSON report: the issue with a repository-relative file. */
export interface PackageIssueEntry {
  name: string
  version: string
  kind: PackageIssueKind
  reason: string
  location: { file: string; line: number }
  failing: boolean
  /** Scope `changes` only: the change brings it in (false: already on the base). */
  introduced?: boolean
}
