/**
 * The change-scope path as the engine will run it, on a real clone: decide the scope, read the
 * base from git, collect the head, compare, look both sides up in the demo's offline advisory
 * database, and judge.
 */
import * as path from 'node:path'
import { OfflineDatabase } from '../../../src/advisories/offline-db.js'
import { collectDependencies, type CollectOptions } from '../../../src/deps/collect.js'
import type { SourceResult } from '../../../src/deps/types.js'
import { decideScope, type ScopeDecision } from '../../../src/integrations/git/base-commit.js'
import { readBaseDependencies } from '../../../src/integrations/git/base-dependencies.js'
import {
  compareSources,
  judgeChanges,
  type ChangeVerdicts,
  type SourceComparison
} from '../../../src/pipeline/changes.js'
import type { Scope } from '../../../src/pipeline/scope.js'
import { lookUpAdvisories, type AuditResult } from '../../../src/pipeline/look-up.js'
import type { Logger } from '../../../src/shared/log.js'
import { REPO_ROOT } from '../../support/paths.js'

export const DEMO_ADVISORIES = path.join(REPO_ROOT, 'examples', 'demo', 'advisories')

/** A logger that keeps what it is told, for assertions on warnings. */
export function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = []
  return {
    lines,
    debug: () => {},
    info: message => lines.push(`info: ${message}`),
    warning: message => lines.push(`warning: ${message}`)
  }
}

export interface JudgedRun {
  decision: ScopeDecision
  head: SourceResult[]
  headAudit: AuditResult
  /** Present when the base was read. */
  comparison?: SourceComparison
  verdicts?: ChangeVerdicts
  /** Set when the base could not be read. */
  baseWarning?: string
}

export async function judgeRun(options: {
  workingDirectory: string
  env: NodeJS.ProcessEnv
  scope?: Scope
  baseRef?: string
  paths?: string[]
  logger?: Logger
}): Promise<JudgedRun> {
  const logger = options.logger ?? recordingLogger()
  const collect: CollectOptions = {
    paths: options.paths ?? [],
    workingDirectory: options.workingDirectory,
    resolve: 'none',
    extraIndexUrls: [],
    env: options.env,
    logger
  }
  const decision = await decideScope({
    scope: options.scope ?? 'auto',
    ...(options.baseRef !== undefined ? { baseRef: options.baseRef } : {}),
    cwd: options.workingDirectory,
    env: options.env,
    logger
  })
  const head = await collectDependencies(collect)
  const database = await OfflineDatabase.load(DEMO_ADVISORIES, { now: new Date('2026-08-01') })
  const headAudit = await lookUpAdvisories(head, database)
  if (decision.scope === 'all') return { decision, head, headAudit }
  const base = await readBaseDependencies(decision.base, collect)
  if (!base.ok) return { decision, head, headAudit, baseWarning: base.warning }
  const comparison = compareSources(head, base.sources)
  const baseOnly = await lookUpAdvisories(comparison.baseOnly, database)
  const verdicts = judgeChanges({
    base: { ref: decision.base.ref, sha: decision.base.sha },
    comparison,
    head: headAudit.packages,
    baseOnly: baseOnly.packages
  })
  return { decision, head, headAudit, comparison, verdicts }
}

/** `name version change [introduced ids]` per head package, for compact assertions. */
export function verdictTable(verdicts: ChangeVerdicts): string[] {
  return verdicts.packages.map(p =>
    [p.name, p.version, p.change, ...(p.introduced.length ? [p.introduced.join(',')] : [])].join(
      ' '
    )
  )
}
