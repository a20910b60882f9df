import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { assess, type Assessment } from './assess.js'
import { audit, groupDependencies, type AuditResult } from './look-up.js'
import { loadIgnoreRules } from './ignore-config.js'
import { openFeed } from './open-feed.js'
import type { AdvisoryFeed } from '../advisories/osv.js'
import type { Config } from '../config/config.js'
import { collectDependencies } from '../deps/collect.js'
import type { SkippedDependency, SourceResult } from '../deps/types.js'
import { FeedError } from '../shared/errors.js'
import { auditLicenses } from '../licenses/audit-licenses.js'
import type { Logger } from '../shared/log.js'
import type { AuditOutcome } from '../report/outcome.js'
import { buildJsonReport, serializeReport, type JsonReport } from '../report/json-report.js'
import { repositoryPath } from '../shared/paths.js'
import { TOOL } from '../tool.js'

export interface EngineRun {
  outcome: AuditOutcome
  /** Files written, by kind. */
  files: { report?: string; sbom?: string; sarif?: string }
  /** The SBOM text, when one was built (Dependency-Track uploads it). */
  sbom?: string
  warnings: string[]
  notices: string[]
}

/** The whole audit, shared by the action and the CLI: collect, look up, assess, write reports. */
export async function runAudit(
  config: Config,
  logger: Logger,
  now = new Date()
): Promise<EngineRun> {
  const env = process.env
  const sources = await collectDependencies({
    ...config.sources,
    workingDirectory: config.workingDirectory,
    repositoryRoot: config.repositoryRoot,
    env,
    logger
  })
  const rules = await loadIgnoreRules({
    workingDirectory: config.workingDirectory,
    ...(config.findings.configFile ? { configPath: config.findings.configFile } : {}),
    ignoreVulnsInput: config.findings.ignoreVulns
  })
  const opened = await openFeed(config.feed, env, logger, now, file =>
    repositoryPath(file, config.repositoryRoot)
  )
  const pinned = sources.reduce((sum, source) => sum + source.dependencies.length, 0)
  logger.info(`Checking ${pinned} pinned dependencies against ${opened.feed.name}`)
  const sbomWanted = Boolean(config.outputs.sbomPath || config.dependencyTrack)
  let assessment: Assessment
  try {
    const audited = await auditFailingClosed(sources, opened.feed, config, logger)
    const result = withFeedSkips(audited, opened.skipped?.())

    const licenses = await auditLicenses(result.packages, config.licenses, {
      pypiUrl: config.feed.pypiUrl,
      offline: Boolean(config.feed.advisoryDb),
      sbomWanted,
      logger
    })
    licenses.notes.forEach(note => logger.info(note))

    assessment = assess(result, {
      rules,
      today: now.toISOString().slice(0, 10),
      ...config.findings,
      strict: config.sources.strict,
      licenses: licenses.entries,
      failOnLicense: config.licenses.failOnLicense,
      ...(opened.recordsFor ? { recordsFor: opened.recordsFor } : {}),
      ...(opened.upgradeAdvice ? { upgradeAdvice: opened.upgradeAdvice } : {}),
      tool: TOOL,
      ...(opened.databaseUpdated ? { databaseUpdated: opened.databaseUpdated } : {})
    })
  } finally {
    // After the assessment, so that the upgrades it worked out are saved with the cache.
    await opened.finish()
  }
  const { outcome, warnings, notices } = assessment

  const root = config.repositoryRoot
  const files: EngineRun['files'] = {}
  const { reportPath, sbomPath, sarifPath } = config.outputs
  if (reportPath)
    files.report = await write(reportPath, serializeReport(buildJsonReport(outcome, root)))
  // The SBOM and SARIF builders (CycloneDX's model above all) load only when asked for.
  const sbom = sbomWanted
    ? (await import('../report/sbom.js')).buildSbom(outcome, {
        repositoryRoot: root,
        timestamp: now
      })
    : undefined
  if (sbomPath && sbom) files.sbom = await write(sbomPath, sbom)
  if (sarifPath) {
    const { buildSarif } = await import('../report/sarif.js')
    files.sarif = await write(sarifPath, buildSarif(outcome, { repositoryRoot: root }))
  }
  for (const [kind, file] of Object.entries(files)) logger.info(`Wrote the ${kind} to ${file}`)
  return { outcome, files, ...(sbom ? { sbom } : {}), warnings, notices }
}

/** The report of a run whose advisory lookup failed: nothing checked, nothing reported clean. */
/** Fails closed, but leaves a record: every dependency listed as not checked, and why. */
async function auditFailingClosed(
  sources: SourceResult[],
  feed: AdvisoryFeed,
  config: Config,
  logger: Logger
): Promise<AuditResult> {
  try {
    return await audit(sources, feed)
  } catch (error) {
    if (error instanceof FeedError && config.outputs.reportPath) {
      const report = incompleteReport(sources, feed.name, error, config.repositoryRoot)
      await write(config.outputs.reportPath, serializeReport(report))
      logger.info(`Wrote an incomplete report to ${config.outputs.reportPath}`)
    }
    throw error
  }
}

export function incompleteReport(
  sources: SourceResult[],
  feed: string,
  error: FeedError,
  repositoryRoot: string
): JsonReport {
  const notChecked: SkippedDependency[] = groupDependencies(
    sources.flatMap(s => s.dependencies)
  ).map(pkg => ({
    name: pkg.name,
    version: pkg.version,
    reason: `not checked: ${error.message}`,
    location: pkg.declarations[0]!.location,
    format: pkg.declarations[0]!.format
  }))
  const outcome: AuditOutcome = {
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
  return buildJsonReport(outcome, repositoryRoot)
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

async function write(file: string, content: string): Promise<string> {
  await fs.mkdir(path.dirname(file), { recursive: true })
  await fs.writeFile(file, content)
  return file
}
