import * as fs from 'node:fs/promises'
import type { Assessment } from './assess.js'
import { beside, checkPackageHealth } from './check-package-health.js'
import type { JudgedScope } from './change-scope.js'
import type * as LaterStages from './later-stages.js'
import { lookUpAdvisories, type AuditResult } from './look-up.js'
import { loadIgnoreRules } from './ignore-files.js'
import { NO_CACHE_STORE, openFeed, type CacheDirectoryStore } from './open-feed.js'
import type { WrittenReports } from './write-reports.js'
import { askingAhead } from './ask-ahead.js'
import { errorOutcome, newRunProgress, runError, type RunProgress } from './run-error.js'
import type { Config } from '../config/config.js'
import { collectDependencies, type CollectOptions } from '../deps/collect.js'
import type { SkippedDependency } from '../deps/types.js'
import type { Logger } from '../shared/log.js'
import type { AuditOutcome } from '../report/outcome.js'
import type { FixOutcome } from '../fix/types.js'
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
  /** Filled in as the run goes: after an error, what was checked and which report exists. */
  progress?: RunProgress
  /** What `fix` changed before this audit: the outcome carries it (apply-fixes.ts). */
  fixes?: FixOutcome
  /**
   * Called once the lookups' first requests are on their way (the feed's, and the package
   * indexes' when they are asked): what the entry needs only afterwards loads then, while the
   * answers are awaited, instead of before or between the requests.
   */
  whileLookingUp?: () => void
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
 * advisories, check licenses, assess the findings, write the reports. An error still throws,
 * once `context.progress` says how far the run got and what went wrong, and the report (where
 * it has a path and dependencies were read) lists what was not checked.
 */
export async function runAudit(
  config: Config,
  logger: Logger,
  context: RunContext
): Promise<EngineRun> {
  const progress = context.progress ?? newRunProgress()
  const now = context.now ?? new Date()
  try {
    if (config.fix === 'off') return await runStages(config, logger, { ...context, now }, progress)
    const stages = (stageConfig: Config, fixes?: FixOutcome) =>
      runStages(stageConfig, logger, { ...context, now, ...(fixes ? { fixes } : {}) }, progress)
    const { fixThenAuditAgain } = await import('./apply-fixes.js')
    return await fixThenAuditAgain(config, stages, { env: context.env, logger })
  } catch (error) {
    progress.error = runError(error, progress, config.repositoryRoot)
    await writeErrorReport(progress, config, reportContextOf(config, context, now), logger)
    throw error
  }
}

/** The stages in order, each noting in `progress` what it has done. */
async function runStages(
  config: Config,
  logger: Logger,
  context: RunContext,
  progress: RunProgress
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
  progress.sources = sources
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
    requestTimeoutMs: config.requestTimeoutMs,
    packages: new Set(sources.flatMap(source => source.dependencies.map(dep => dep.name))),
    keepsIndexAnswers: config.packageHealth.enabled
  })
  progress.feed = opened.feed.name
  const pinned = sources.reduce((sum, source) => sum + source.dependencies.length, 0)
  logger.info(`Checking ${pinned} pinned dependencies against ${opened.feed.name}`)
  const reportContext = reportContextOf(config, context, now)
  let later: typeof LaterStages
  let assessment: Assessment
  let scope: JudgedScope
  let indexCacheWritten = false
  try {
    // The package indexes are asked while the feed answers: no round trip is added. So are
    // the upgrades verified last time (a warm run verifies them without a round trip).
    const ahead = askingAhead(opened)
    const lookup = lookUpAdvisories(sources, ahead.feed)
    // Loaded once every first request is out (the feed's, then the indexes'): their code
    // compiles while the answers are awaited, and holds no request back.
    let loading: Promise<typeof LaterStages> | undefined
    const whenAsked = (): Promise<typeof LaterStages> => {
      if (loading) return loading
      loading = import('./later-stages.js')
      loading.catch(() => {}) // awaited below, or never when the lookup fails first
      context.whileLookingUp?.()
      return loading
    }
    const [found, health] = await beside(lookup, signal =>
      checkPackageHealth(sources, config, { env, logger, now, signal, whenAsked })
    )
    indexCacheWritten = health?.cacheWritten ?? false
    later = await whenAsked()
    const { assessFindings, auditLicenses, judgeChangeScope, startUpgradeVerification } = later
    progress.packagesLookedUp = found.packages.length
    const result = withFeedSkips(found, opened.skipped?.())
    // No report names an upgrade the feed has not been asked about (one more lookup), asked
    // while the findings are assessed.
    const upgrades = startUpgradeVerification(result.packages, opened, logger, {
      early: ahead.early,
      // Releases the index lacks or has yanked are never recommended (package checks' answers).
      ...(health?.offered ? { offered: health.offered } : {}),
      // Where the advisories name no clean fix, the index's releases are the candidates.
      ...(health?.releases ? { releases: health.releases } : {})
    })
    scope = await judgeChangeScope({
      scope: config.scope,
      ...(config.baseRef ? { baseRef: config.baseRef } : {}),
      collect,
      head: sources,
      packages: result.packages,
      lookUp: pins => lookUpAdvisories(pins, opened.feed),
      ...(health ? { packageIssues: health.issues } : {})
    })

    const licenses = await auditLicenses(result.packages, config.licenses, {
      pypiUrl: config.feed.pypiUrl,
      offline: Boolean(config.feed.advisoryDb),
      sbomWanted: later.reportsListLicenses(config.outputs) || Boolean(config.dependencyTrack),
      logger,
      env,
      requestTimeoutMs: config.requestTimeoutMs
    })
    licenses.notes.forEach(note => logger.info(note))
    progress.licensesChecked = licenses.entries.length

    // The verification's request is written out before the assessment's CPU (~60-100 ms on a
    // cold run) holds the event loop: its round trip then overlaps the assessment.
    await new Promise(resolve => setImmediate(resolve))
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
      firstUpgrades: upgrades.first,
      tool: TOOL,
      ...(health ? { packageHealth: health } : {}),
      ...(opened.databaseUpdated ? { databaseUpdated: opened.databaseUpdated } : {}),
      ...(scope.verdicts ? { changes: scope.verdicts } : {})
    })
    assessment = await upgrades.settle(assessment)
  } finally {
    // After the verification, so that the upgrades it confirmed are saved with the cache.
    await opened.finish(indexCacheWritten)
  }
  const { outcome, notices } = assessment
  if (context.fixes) outcome.fix = context.fixes
  progress.outcome = outcome
  const warnings = [...scope.warnings, ...assessment.warnings]
  const scopeLine = later.describeChangeScope(outcome)
  if (scopeLine) logger.info(scopeLine)

  const files = await later.writeReports(outcome, config.outputs, reportContext, logger)
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

function reportContextOf(config: Config, context: RunContext, now: Date): ReportContext {
  return {
    repositoryRoot: config.repositoryRoot,
    now,
    ...(context.sarifAutomationId ? { sarifAutomationId: context.sarifAutomationId } : {})
  }
}

/**
 * Fails closed, but leaves a record: after an error, the JSON report (result `error`) lists
 * every dependency as not checked, and why, in place of a missing or half-written file. It
 * is the one report file the run then vouches for.
 */
async function writeErrorReport(
  progress: RunProgress,
  config: Config,
  context: ReportContext,
  logger: Logger
): Promise<void> {
  progress.files = {}
  const { reportPath } = config.outputs
  if (!reportPath || !progress.sources || !progress.error) return
  try {
    await writeJsonReport(errorOutcome(progress, progress.error), context, reportPath)
    progress.files = { report: reportPath }
    logger.info(`Wrote an incomplete report to ${reportPath}`)
  } catch {
    // The error that stopped the run is the one to report, not a report that cannot be written.
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
