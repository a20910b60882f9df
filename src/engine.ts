import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { audit, type AuditResult } from './audit.js'
import { OfflineDatabase } from './advisories/offline-db.js'
import { OsvApiFeed } from './advisories/osv-api.js'
import type { AdvisoryFeed } from './advisories/osv.js'
import type { Config } from './config.js'
import { collectDependencies } from './deps/collect.js'
import type { Logger } from './log.js'
import { buildJsonReport, serializeReport, type JsonReport } from './report/json-report.js'

export interface EngineRun {
  result: AuditResult
  report: JsonReport
}

/** The whole audit, shared by the action and the CLI: collect, look up, report. */
export async function runAudit(config: Config, logger: Logger): Promise<EngineRun> {
  const sources = await collectDependencies({
    paths: config.paths,
    workingDirectory: config.workingDirectory,
    pythonVersion: config.pythonVersion,
    env: process.env,
    logger
  })
  const feed = await openFeed(config, logger)
  const pinned = sources.reduce((sum, source) => sum + source.dependencies.length, 0)
  logger.info(`Checking ${pinned} pinned dependencies against ${feed.name}`)
  const result = await audit(sources, feed).finally(() => feed.close?.())
  const report = buildJsonReport(result)
  if (config.reportPath) {
    await fs.mkdir(path.dirname(config.reportPath), { recursive: true })
    await fs.writeFile(config.reportPath, serializeReport(report))
    logger.info(`Report written to ${config.reportPath}`)
  }
  return { result, report }
}

async function openFeed(config: Config, logger: Logger): Promise<AdvisoryFeed> {
  if (config.advisoryDb) return OfflineDatabase.load(config.advisoryDb, { logger })
  return new OsvApiFeed({ baseUrl: config.osvUrl, logger })
}
