/**
 * The package-health checks: pure, the index answers in and findings out, one per declaration
 * of a pin (so each is annotated at its own line).
 *
 * - `not-found`: every index answered 404 (or 410) for the name; a name is healthy when any
 *   index serves it.
 * - `quarantined`, `archived`, `deprecated`: an index that serves the name marks it so (PEP 792).
 * - `yanked`: every file of the pinned release is yanked (PEP 592), on every index serving it;
 *   a release with only some files yanked is not.
 * - `hash-mismatch`: a sha256 the dependency file gives for the pin matches no file of that
 *   release on any index serving it. A quarantined project serves no files, so it is not
 *   checked for yanks or digests; a release with files the index gives no sha256 for cannot
 *   be told apart, so it is not reported either.
 */
import { normalizeProjectName } from './filenames.js'
import { hashMismatchMessage, notFoundMessage, statusMessage, yankedMessage } from './messages.js'
import {
  DEFAULT_FAIL_ON_PACKAGE_STATUS,
  type HealthSubject,
  type IndexLookup,
  type PackageIssue,
  type PackageIssueKind,
  type ProjectFacts,
  type ProjectStatusName,
  type ReleaseFacts
} from './types.js'
import { versionKey } from './version-key.js'

export interface PackageCheckOptions {
  /** The kinds that fail the run; default not-found, quarantined and hash-mismatch. */
  failOnPackageStatus?: readonly PackageIssueKind[]
}

type Served = { index: string; project: ProjectFacts }
type Found = [PackageIssueKind, string, string[]?]

const STATUS_KINDS: ReadonlyArray<Exclude<ProjectStatusName, 'active'>> = [
  'quarantined',
  'archived',
  'deprecated'
]

/**
 * Findings for `subjects` from `lookups` (lookUpPackageIndexes' answer). A subject whose name
 * was not looked up is a programming error, not a healthy package: it throws.
 */
export function findPackageIssues(
  subjects: readonly HealthSubject[],
  lookups: readonly IndexLookup[],
  options: PackageCheckOptions = {}
): PackageIssue[] {
  const failOn = new Set(options.failOnPackageStatus ?? DEFAULT_FAIL_ON_PACKAGE_STATUS)
  const byName = new Map(lookups.map(lookup => [normalizeProjectName(lookup.name), lookup]))
  const issues: PackageIssue[] = []
  for (const subject of subjects) {
    const name = normalizeProjectName(subject.name)
    const lookup = byName.get(name)
    if (!lookup) throw new Error(`package health: ${name} was not looked up`)
    for (const [kind, reason, mismatched] of subjectIssues(subject, lookup)) {
      issues.push({
        name: subject.name,
        version: subject.version,
        kind,
        reason,
        location: subject.location,
        failing: failOn.has(kind),
        ...(mismatched ? { mismatched } : {})
      })
    }
  }
  return issues
}

function subjectIssues(subject: HealthSubject, lookup: IndexLookup): Found[] {
  const served: Served[] = []
  for (const answer of lookup.answers) {
    if (answer.found) served.push({ index: answer.index, project: answer.project })
  }
  if (served.length === 0) {
    return [
      [
        'not-found',
        notFoundMessage(
          subject.name,
          lookup.answers.map(a => a.index)
        )
      ]
    ]
  }
  const issues: Found[] = []
  for (const status of STATUS_KINDS) {
    const marking = served.filter(s => s.project.status.status === status)
    if (marking.length === 0) continue
    const reason = marking.find(s => s.project.status.reason)?.project.status.reason
    const indexes = marking.map(s => s.index)
    issues.push([status, statusMessage(subject.name, status, reason, indexes)])
  }
  const installable = served.filter(s => s.project.status.status !== 'quarantined')
  if (installable.length === 0) return issues
  const key = versionKey(subject.version)
  const releases = installable.map(s => ({ index: s.index, release: releaseOf(s.project, key) }))
  const files = sum(releases.map(r => r.release?.files ?? 0))
  const yanked = sum(releases.map(r => r.release?.yankedFiles ?? 0))
  if (files > 0 && yanked === files) {
    const reason = releases.find(r => r.release?.yankedReason)?.release?.yankedReason
    const indexes = releases.filter(r => (r.release?.files ?? 0) > 0).map(r => r.index)
    issues.push(['yanked', yankedMessage(subject.name, subject.version, reason, indexes)])
  }
  const mismatched = mismatchedDigests(
    subject.hashes ?? [],
    releases.map(r => r.release)
  )
  if (mismatched.length > 0) {
    const indexes = installable.map(s => s.index)
    const message = hashMismatchMessage(subject.name, subject.version, mismatched, files, indexes)
    issues.push(['hash-mismatch', message, mismatched])
  }
  return issues
}

/** The declared sha256 digests no file of the release has; none when that cannot be told. */
function mismatchedDigests(
  hashes: readonly string[],
  releases: ReadonlyArray<ReleaseFacts | undefined>
): string[] {
  const declared = declaredSha256(hashes)
  if (declared.length === 0) return []
  if (releases.some(release => (release?.filesWithoutSha256 ?? 0) > 0)) return []
  const known = new Set(releases.flatMap(release => release?.sha256 ?? []))
  return declared.filter(digest => !known.has(digest))
}

/**
 * The sha256 digests among `hashes` as dependency files write them (`sha256:<hex>`, pip's
 * `--hash=sha256:<hex>` value, or `sha256=<hex>`), lowercased, each once; other algorithms
 * are left out. A sha256 that is not 64 hex digits is kept: it matches no file, and says so.
 */
export function declaredSha256(hashes: readonly string[]): string[] {
  const digests: string[] = []
  for (const hash of hashes) {
    const match = /^\s*sha256\s*[:=]\s*(\S*)\s*$/i.exec(hash)
    const digest = match?.[1]?.toLowerCase()
    if (digest !== undefined && !digests.includes(digest)) digests.push(digest)
  }
  return digests
}

function releaseOf(project: ProjectFacts, key: string): ReleaseFacts | undefined {
  return project.releases.find(release => versionKey(release.version) === key)
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0)
}
