/**
 * The report files. A writer writes its own file, so that one may stream a large document to
 * disk instead of building it as one string first. The pipeline's table of report writers
 * (src/pipeline/write-reports.ts) says which input names each file.
 */
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import type { AuditOutcome } from './outcome.js'

export interface ReportContext {
  /** Files are named relative to it inside the reports. */
  repositoryRoot: string
  /** When the run happened (the SBOM's timestamp). */
  now: Date
  /** The SARIF run's `automationDetails.id`, from sarifAutomationId; none: upload-sarif's category decides. */
  sarifAutomationId?: string
}

/**
 * `pyaudit/<working directory>/<leg>/`: one per project path and matrix leg, since code
 * scanning rejects an upload whose runs share a tool and category (July 2025). The category is
 * the id up to its last `/`, so the id ends in one; upload-sarif's `category` input does not
 * replace an id the file already has. The entry names the leg (on a runner, a hash of the step
 * and matrix leg); without one the id is per project path only.
 */
export function sarifAutomationId(workingDirectory: string, leg?: string): string {
  const project = workingDirectory.replace(/\\/g, '/').replace(/^\.?\/+|\/+$/g, '') || '.'
  return `pyaudit/${project}/${leg ? `${leg}/` : ''}`
}

export type WriteReport = (
  outcome: AuditOutcome,
  context: ReportContext,
  file: string
) => Promise<void>

/*
 * Each writer loads its report's code when it writes: the entry loads this module, and a run
 * sends its first request sooner without the reports' code, which it needs only at the end.
 */
export const writeJsonReport: WriteReport = async (outcome, context, file) => {
  const { buildJsonReport, writeJsonReportFile } = await import('./json-report.js')
  await writeJsonReportFile(buildJsonReport(outcome, context.repositoryRoot), file)
}

export const writeSbom: WriteReport = async (outcome, context, file) =>
  writeTextFile(file, await renderSbom(outcome, context))

/** CycloneDX's model, the slowest part to load, loads only when an SBOM is asked for. */
export async function renderSbom(outcome: AuditOutcome, context: ReportContext): Promise<string> {
  const { buildSbom } = await import('./sbom.js')
  return buildSbom(outcome, { repositoryRoot: context.repositoryRoot, timestamp: context.now })
}

export const writeSarif: WriteReport = async (outcome, context, file) => {
  const { writeSarifFile } = await import('./sarif.js')
  await writeSarifFile(
    outcome,
    {
      repositoryRoot: context.repositoryRoot,
      ...(context.sarifAutomationId ? { automationId: context.sarifAutomationId } : {})
    },
    file
  )
}

/** The fix-patch writer: the diff of every changed file; '' (no file) when nothing changed. */
export const writeFixPatch: WriteReport = (outcome, _context, file) =>
  writeTextFile(file, outcome.fix?.patch ?? '')

/** Writes `text` to `file`, making its directory first. */
export async function writeTextFile(file: string, text: string): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true })
  await fs.writeFile(file, text)
}
