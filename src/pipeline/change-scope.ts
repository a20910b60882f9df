/**
 * The change scope of a run (issue 16), from the engine's side: decide whether the run compares
 * with a base, read the base's dependencies from git with the head's own collect options,
 * compare both sides, look up the pins only the base has, and judge. Whenever a comparison was
 * meant but is impossible the run judges every dependency and the reason is a warning, never a
 * silent pass.
 */
import type { CollectOptions } from '../deps/collect.js'
import type { SourceResult } from '../deps/types.js'
import { decideScope } from '../integrations/git/base-commit.js'
import { readBaseDependencies } from '../integrations/git/base-dependencies.js'
import { newVulnerabilityCount } from '../report/change-scope.js'
import { summaryCounts } from '../report/counts.js'
import type { AuditOutcome } from '../report/outcome.js'
import { excerpt } from '../shared/text.js'
import {
  compareSources,
  describeChangeCounts,
  judgeChanges,
  type ChangeVerdicts,
  type PackageFindings,
  type Scope
} from './changes.js'
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
  return { verdicts, warnings: verdicts.warnings }
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
