/**
 * A run that ends in error still answers: what went wrong, what was checked before it and what
 * was not, and a report that says so instead of a missing file or a clean-looking one.
 */
import { groupDependencies } from './look-up.js'
import type { WrittenReports } from './write-reports.js'
import type { SkippedDependency, SourceResult } from '../deps/types.js'
import type { AuditOutcome, RunError } from '../report/outcome.js'
import { describeError } from '../shared/describe-error.js'
import { repositoryPath } from '../shared/paths.js'
import { plural } from '../shared/text.js'
import { TOOL } from '../tool.js'

/** How far a run got: the engine fills it in as each stage finishes. */
export interface RunProgress {
  /** The dependency sources read. */
  sources?: SourceResult[]
  /** The advisory feed, once opened (e.g. "OSV API (https://api.osv.dev)"). */
  feed?: string
  /** Distinct packages the advisory lookup answered for, once it has. */
  packagesLookedUp?: number
  /** Packages whose license was read, once licenses were checked (0: none were needed). */
  licensesChecked?: number
  /** The verdict, once the assessment reached it. */
  outcome?: AuditOutcome
  /** Report files written in full; after an error, the incomplete report only. */
  files: WrittenReports
  /** Set by the engine when an error stopped it. */
  error?: RunError
}

export function newRunProgress(): RunProgress {
  return { files: {} }
}

/**
 * What went wrong and what was and was not checked, in words. The message names the feed, the
 * input or the file (our typed errors do); the lines say how far the run got before it.
 */
export function runError(
  error: unknown,
  progress: RunProgress = newRunProgress(),
  repositoryRoot?: string
): RunError {
  const message = describeError(error)
  const { sources } = progress
  if (!sources) {
    return {
      message,
      checked: [],
      notChecked: [
        'dependency files: not read',
        'advisories: not looked up',
        'licenses: not checked'
      ]
    }
  }
  const checked: string[] = []
  const notChecked: string[] = []
  const pins = sources.flatMap(source => source.dependencies)
  const unauditable = sources.reduce((sum, source) => sum + source.skipped.length, 0)
  const files = sources.map(source =>
    repositoryRoot ? repositoryPath(source.file, repositoryRoot) : source.file
  )
  const shownFiles =
    files.length <= 3
      ? files.join(', ')
      : `${files.slice(0, 3).join(', ')} and ${files.length - 3} more`
  checked.push(
    `dependency files: ${shownFiles}: ${plural(pins.length, 'pinned dependency', 'pinned dependencies')}` +
      (unauditable > 0 ? `, ${unauditable} that cannot be audited` : '')
  )
  const feed = progress.feed ? ` in ${progress.feed}` : ''
  if (progress.packagesLookedUp !== undefined) {
    checked.push(`advisories: ${plural(progress.packagesLookedUp, 'package')} looked up${feed}`)
  } else {
    const packages = groupDependencies(pins).length
    notChecked.push(`advisories: ${plural(packages, 'package')} not looked up${feed}`)
  }
  if (progress.licensesChecked === undefined) notChecked.push('licenses: not checked')
  else if (progress.licensesChecked > 0) {
    checked.push(`licenses: ${plural(progress.licensesChecked, 'package')}`)
  }
  if (progress.outcome) {
    checked.push(`verdict: ${progress.outcome.result}`)
    notChecked.push('reports: not every report file was written')
  }
  return { message, checked, notChecked }
}

/**
 * The report of a run that ended in error. Before the verdict, nothing is reported clean:
 * no package is listed as audited, and every pinned dependency is listed as not checked, with
 * the error. After it (a report file that could not be written), the findings stand.
 */
export function errorOutcome(progress: RunProgress, error: RunError): AuditOutcome {
  if (progress.outcome) {
    return {
      ...progress.outcome,
      result: 'error',
      failureReasons: [...progress.outcome.failureReasons, error.message],
      error
    }
  }
  const sources = progress.sources ?? []
  const notChecked: SkippedDependency[] = groupDependencies(
    sources.flatMap(source => source.dependencies)
  ).map(pkg => ({
    name: pkg.name,
    version: pkg.version,
    reason: `not checked: ${error.message}`,
    location: pkg.declarations[0]!.location,
    format: pkg.declarations[0]!.format
  }))
  return {
    tool: TOOL,
    feed: progress.feed ?? 'none (the run stopped before it opened the advisory feed)',
    sources,
    packages: [],
    skipped: [...notChecked, ...sources.flatMap(source => source.skipped)],
    licenses: [],
    result: 'error',
    failureReasons: [error.message],
    incomplete: true,
    error
  }
}
