import * as fs from 'node:fs/promises'
import { assessFindings, type Assessment } from './assess.js'
import { beside, checkPackageHealth } from './check-package-health.js'
import { describeChangeScope, judgeChangeScope, type JudgedScope } from './change-scope.js'
import { lookUpAdvisories, groupDependencies, type AuditResult } from './look-up.js'
import { loadIgnoreRules } from './ignore-config.js'
import { NO_CACHE_STORE, openFeed, type CacheDirectoryStore } from './open-feed.js'
import { reportsListLicenses, writeReports, type WrittenReports } from './write-reports.js'
import type { AdvisoryFeed } from '../advisories/osv.js'
import type { Config } from '../config/config.js'
import { collectDependencies, type CollectOptions } from '../deps/collect.js'
import type { SkippedDependency, SourceResult } from '../deps/types.js'
import { FeedError } from '../shared/errors.js'
import { auditLicenses } from '../licenses/audit-licenses.js'
import type { Logger } from '../shared/log.js'
import type { AuditOutcome } from '../report/outcome.js'
import { renderSbom, writeJsonReport, type ReportContext } from '../report/writers.js'
import { repositoryPath } from '../shared/paths.js'
import { TOOL } from '../tool.js'

export interface RunContext {
  /** The environment the entry started with: pip, Python and the proxy settings read it. */
  env: NodeJS.ProcessEnv
  /** Keeps the advisory cache between runs; by default it just stays on disk. */
  cacheStore?: CacheDirectoryStore
  now?: Date
  /** The SARIF run's automationDetails.id (writers.ts sarifAutomationId), named by the entry. */
  sarifAutomationId?: string
}

export interface EngineRun {
  outcome: AuditOutcome
  /** Files written, by report. */
  files: WrittenReports
  /** The SBOM text, when Dependency-Track is configured (it uploads it). */
  sbom?: string
  warnings: string[]
  notices: string[]
}

/**
 * The whole audit, shared by the action and the CLI: collect dependencies, look up their
 * advisories, check licenses, assess the findings, write the reports.
 */
export async function runAudit(
  config: Config,
  logger: Logger,
  context: RunContext
): Promise<EngineRun> {
  const { env } = context
  const now = context.now ?? new Date()
  const collect: CollectOptions = {
    ...config.sources,
    workingDirectory: config.workingDirectory,
    repositoryRoot: config.repositoryRoot,
    env,
    logger
  }
  const sources = await collectDependencies(collect)
  const rules = await loadIgnoreRules({
    workingDirectory: config.workingDirectory,
    ...(config.findings.configFile ? { configPath: config.findings.configFile } : {}),
    ignoreVulnsInput: config.findings.ignoreVulns
  })
  const opened = await openFeed(config.feed, {
    env,
    logger,
    now,
    cacheStore: context.cacheStore ?? NO_CACHE_STORE,
    shownPath: file => repositoryPath(file, config.repositoryRoot),
    requestTimeoutMs: config.requestTimeoutMs
  })
  const pinned = sources.reduce((sum, source) => sum + source.dependencies.length, 0)
  logger.info(`Checking ${pinned} pinned dependencies against ${opened.feed.name}`)
  const reportContext: ReportContext = {
    repositoryRoot: config.repositoryRoot,
    now,
    ...(context.sarifAutomationId ? { sarifAutomationId: context.sarifAutomationId } : {})
  }
  let assessment: Assessment
  let scope: JudgedScope
  try {
    // The package indexes are asked while the feed answers: no round trip is added.
    const [found, health] = await beside(
      lookUpFailingClosed(sources, opened.feed, config, reportContext, logger),
      signal => checkPackageHealth(sources, config, { env, logger, now, signal })
    )
    const result = withFeedSkips(found, opened.skipped?.())
    scope = await judgeChangeScope({
      scope: config.scope,
      ...(config.baseRef ? { baseRef: config.baseRef } : {}),
      collect,
      head: sources,
      packages: result.packages,
      lookUp: pins => lookUpFailingClosed(pins, opened.feed, config, reportContext, logger, sources)
    })

    const licenses = await auditLicenses(result.packages, config.licenses, {
      pypiUrl: config.feed.pypiUrl,
      offline: Boolean(config.feed.advisoryDb),
      sbomWanted: reportsListLicenses(config.outputs) || Boolean(config.dependencyTrack),
      logger,
      env,
      requestTimeoutMs: config.requestTimeoutMs
    })
    licenses.notes.forEach(note => logger.info(note))

    assessment = assessFindings(result, {
      rules,
      today: now.toISOString().slice(0, 10),
      ...config.findings,
      strict: config.sources.strict,
      shownPath: file => repositoryPath(file, config.repositoryRoot),
      licenses: licenses.entries,
      failOnLicense: config.licenses.failOnLicense,
      ...(opened.recordsFor ? { recordsFor: opened.recordsFor } : {}),
      ...(opened.upgradeAdvice ? { upgradeAdvice: opened.upgradeAdvice } : {}),
      tool: TOOL,
      ...(health ? { packageHealth: health } : {}),
      ...(opened.databaseUpdated ? { databaseUpdated: opened.databaseUpdated } : {}),
      ...(scope.verdicts ? { changes: scope.verdicts } : {})
    })
  } finally {
    // After the assessment, so that the upgrades it worked out are saved with the cache.
    await opened.finish()
  }
  const { outcome, notices } = assessment
  const warnings = [...scope.warnings, ...assessment.warnings]
  const scopeLine = describeChangeScope(outcome)
  if (scopeLine) logger.info(scopeLine)

  const files = await writeReports(outcome, config.outputs, reportContext, logger)
  const sbom = config.dependencyTrack
    ? await sbomToUpload(outcome, files.sbom, reportContext)
    : undefined
  return { outcome, files, ...(sbom ? { sbom } : {}), warnings, notices }
}

/** The SBOM Dependency-Track gets: the very file written, when there is one. */
async function sbomToUpload(
  outcome: AuditOutcome,
  written: string | undefined,
  context: ReportContext
): Promise<string> {
  return written ? fs.readFile(written, 'utf8') : renderSbom(outcome, context)
}

/**
 * Fails closed, but leaves a record: every dependency listed as not checked, and why. `head`:
 * the run's dependencies, when `sources` are others (the pins only a pull request's base has).
 */
async function lookUpFailingClosed(
  sources: SourceResult[],
  feed: AdvisoryFeed,
  config: Config,
  context: ReportContext,
  logger: Logger,
  head: SourceResult[] = sources
): Promise<AuditResult> {
  try {
    return await lookUpAdvisories(sources, feed)
  } catch (error) {
    const { reportPath } = config.outputs
    if (error instanceof FeedError && reportPath) {
      await writeJsonReport(incompleteOutcome(head, feed.name, error), context, reportPath)
      logger.info(`Wrote an incomplete report to ${reportPath}`)
    }
    throw error
  }
}

/** The outcome of a run whose advisory lookup failed: nothing checked, nothing reported clean. */
export function incompleteOutcome(
  sources: SourceResult[],
  feed: string,
  error: FeedError
): AuditOutcome {
  const notChecked: SkippedDependency[] = groupDependencies(
    sources.flatMap(s => s.dependencies)
  ).map(pkg => ({
    name: pkg.name,
    version: pkg.version,
    reason: `not checked: ${error.message}`,
    location: pkg.declarations[0]!.location,
    format: pkg.declarations[0]!.format
  }))
  return {
    tool: TOOL,
    feed,
    sources,
    packages: [],
    skipped: [...notChecked, ...sources.flatMap(s => s.skipped)],
    licenses: [],
    result: 'fail',
    failureReasons: [error.message],
    incomplete: true
  }
}

/** Releases a feed could not audit (PyPI does not know them) are skipped, never "clean". */
function withFeedSkips(
  result: AuditResult,
  skips: ReadonlyMap<string, string> | undefined
): AuditResult {
  if (!skips || skips.size === 0) return result
  const skipped: SkippedDependency[] = []
  const packages = result.packages.filter(pkg => {
    const reason = skips.get(`${pkg.name}@${pkg.version}`)
    if (reason === undefined) return true
    for (const dep of pkg.declarations) {
      skipped.push({
        name: dep.name,
        version: dep.version,
        reason,
        location: dep.location,
        format: dep.format
      })
    }
    return false
  })
  return { ...result, packages, skipped: [...result.skipped, ...skipped] }
}
