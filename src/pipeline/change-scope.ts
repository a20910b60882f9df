/**
 * The change scope of a run (issue 16), from the engine's side: decide whether the run compares
 * with a base, read the base's dependencies from git with the head's own collect options,
 * compare both sides, look up the pins only the base has, and judge. Whenever a comparison was
 * meant but is impossible the run judges every dependency and the reason is a warning, never a
 * silent pass.
 */
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import type { CollectOptions } from '../deps/collect.js'
import type { SourceResult } from '../deps/types.js'
import { decideScope } from '../integrations/git/base-commit.js'
import { readBaseDependencies } from '../integrations/git/base-dependencies.js'
import { runGit } from '../integrations/git/run-git.js'
import type { PackageIssue } from '../health/types.js'
import { newVulnerabilityCount } from '../report/change-scope.js'
import { summaryCounts } from '../report/counts.js'
import type { AuditOutcome } from '../report/outcome.js'
import { excerpt } from '../shared/text.js'
import {
  compareSources,
  describeChangeCounts,
  judgeChanges,
  type ChangeVerdicts,
  type PackageFindings
} from './changes.js'
import type { Scope } from './scope.js'
import type { AuditResult } from './look-up.js'

export interface ChangeScopeInput {
  scope: Scope
  /** Input `base-ref`; undefined means the event's base. */
  baseRef?: string
  /** The options the head was collected with: the base is collected alike. */
  collect: CollectOptions
  head: readonly SourceResult[]
  /** The head's findings. */
  packages: readonly PackageFindings[]
  /** Looks up the pins only the base has, failing closed like the head's look-up. */
  lookUp: (sources: SourceResult[]) => Promise<AuditResult>
  /**
   * The head's package issues, when package checks ran: a hash mismatch on a pin the change
   * leaves at its version is looked for in the base's version of its file.
   */
  packageIssues?: readonly PackageIssue[]
}

export interface JudgedScope {
  /** Present when the run is judged on what it changes. */
  verdicts?: ChangeVerdicts
  /** Why the run judges every dependency, or sources it judges in full. */
  warnings: string[]
}

export async function judgeChangeScope(input: ChangeScopeInput): Promise<JudgedScope> {
  const { collect } = input
  const { logger } = collect
  const decision = await decideScope({
    scope: input.scope,
    ...(input.baseRef !== undefined ? { baseRef: input.baseRef } : {}),
    cwd: collect.workingDirectory,
    env: collect.env,
    logger
  })
  if (decision.scope === 'all') {
    logger.debug(`Judging every dependency (${decision.reason})`)
    return { warnings: decision.warning ? [decision.warning] : [] }
  }
  const { ref, sha } = decision.base
  logger.info(`Judging what the change introduces against ${excerpt(ref)} (${sha.slice(0, 12)})`)
  const base = await readBaseDependencies(decision.base, collect)
  if (!base.ok) return { warnings: [base.warning] }
  const comparison = compareSources(input.head, base.sources)
  const baseOnly =
    comparison.baseOnly.length > 0 ? (await input.lookUp(comparison.baseOnly)).packages : []
  const verdicts = judgeChanges({
    base: { ref, sha },
    comparison,
    head: input.packages,
    baseOnly
  })
  const digestsAtBase = await mismatchedDigestsAtBase(input.packageIssues ?? [], sha, collect)
  return {
    verdicts: { ...verdicts, ...(digestsAtBase ? { digestsAtBase } : {}) },
    warnings: verdicts.warnings
  }
}

/**
 * For each file declaring a hash mismatch, the mismatched digests its base version already
 * has (read with `git cat-file`, from objects: nothing is checked out). A mismatch on a
 * changed or added pin is introduced anyway, so only files with mismatches are read. A file
 * that cannot be read at the base gives nothing, and its mismatches count as introduced.
 */
async function mismatchedDigestsAtBase(
  issues: readonly PackageIssue[],
  sha: string,
  collect: CollectOptions
): Promise<Record<string, string[]> | undefined> {
  const byFile = new Map<string, Set<string>>()
  for (const issue of issues) {
    if (issue.kind !== 'hash-mismatch' || !issue.mismatched?.length) continue
    const digests = byFile.get(issue.location.file) ?? new Set<string>()
    for (const digest of issue.mismatched) digests.add(digest)
    byFile.set(issue.location.file, digests)
  }
  if (byFile.size === 0) return undefined
  const git = { cwd: collect.workingDirectory, env: collect.env }
  const top = await runGit(['rev-parse', '--show-toplevel'], git)
  if (top.exitCode !== 0) return undefined
  const root = await fs.realpath(top.stdout.toString('utf8').trim())
  const found: Record<string, string[]> = {}
  for (const [file, digests] of byFile) {
    const inRepository = path.relative(root, await fs.realpath(file).catch(() => file))
    if (inRepository.startsWith('..') || path.isAbsolute(inRepository)) continue
    const shown = await runGit(
      ['cat-file', 'blob', `${sha}:${inRepository.split(path.sep).join('/')}`],
      git
    )
    if (shown.exitCode !== 0) continue
    const text = shown.stdout.toString('utf8').toLowerCase()
    found[file] = [...digests].filter(digest => text.includes(digest))
  }
  return found
}

/** "Against main (1a2b3c4d5e6f): 1 fixed by this change, 0 introduced, 2 already on the base". */
export function describeChangeScope(outcome: AuditOutcome): string | undefined {
  const { changes } = outcome
  if (!changes) return undefined
  const introduced = newVulnerabilityCount(outcome)
  const counts = describeChangeCounts({
    introduced,
    alreadyThere: summaryCounts(outcome).vulnerabilities - introduced,
    fixed: changes.fixedByChange.length
  })
  return `Against ${excerpt(changes.base.ref)} (${changes.base.sha.slice(0, 12)}): ${counts}`
}
