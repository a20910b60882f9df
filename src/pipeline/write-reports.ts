import type { Config } from '../config/config.js'
import { InputError, messageOf, PyauditError } from '../shared/errors.js'
import type { Logger } from '../shared/log.js'
import type { AuditOutcome } from '../report/outcome.js'
import {
  writeFixPatch,
  writeJsonReport,
  writeSarif,
  writeSbom,
  type ReportContext,
  type WriteReport
} from '../report/writers.js'

export interface ReportWriter {
  /** The input that names the file; also how the run's `files` and its log name it. */
  input: string
  /** The file's path as the configuration resolved that input; undefined when none is wanted. */
  path: (outputs: Config['outputs']) => string | undefined
  /** The action output that gives the path written ('' when none was). */
  output: string
  /** Whether the action's artifact includes the file. */
  inArtifact: boolean
  /** The file lists licenses, so they are looked up even without a license policy. */
  listsLicenses: boolean
  /** Whether this run has anything to write there (default: always). */
  wanted?: (outcome: AuditOutcome) => boolean
  write: WriteReport
}

/** Every report file, in the order they are written, set as outputs and uploaded. */
export const REPORT_WRITERS = [
  {
    input: 'report',
    path: outputs => outputs.reportPath,
    output: 'report',
    inArtifact: true,
    listsLicenses: false,
    write: writeJsonReport
  },
  {
    input: 'sbom',
    path: outputs => outputs.sbomPath,
    output: 'sbom',
    inArtifact: true,
    listsLicenses: true,
    write: writeSbom
  },
  {
    input: 'sarif',
    path: outputs => outputs.sarifPath,
    output: 'sarif',
    inArtifact: true,
    listsLicenses: false,
    write: writeSarif
  },
  {
    input: 'fix',
    path: outputs => outputs.fixPatchPath,
    output: 'fix-patch',
    inArtifact: true,
    listsLicenses: false,
    wanted: outcome => Boolean(outcome.fix?.patch),
    write: writeFixPatch
  }
] as const satisfies readonly ReportWriter[]

export type ReportName = (typeof REPORT_WRITERS)[number]['input']

/** The files written, by report. */
export type WrittenReports = Partial<Record<ReportName, string>>

/** Whether a report the run writes lists licenses. */
export function reportsListLicenses(outputs: Config['outputs']): boolean {
  return REPORT_WRITERS.some(writer => writer.listsLicenses && writer.path(outputs))
}

/** Writes each report that has a path, in table order, then says where each went. */
export async function writeReports(
  outcome: AuditOutcome,
  outputs: Config['outputs'],
  context: ReportContext,
  logger: Logger
): Promise<WrittenReports> {
  const files: WrittenReports = {}
  for (const writer of REPORT_WRITERS) {
    const file = writer.path(outputs)
    if (!file || ('wanted' in writer && !writer.wanted(outcome))) continue
    try {
      await writer.write(outcome, context, file)
    } catch (error) {
      // A path the runner cannot write (a directory, no permission) is the input's fault: say which.
      if (error instanceof PyauditError) throw error
      throw new InputError(writer.input, `could not write ${file}: ${messageOf(error)}`)
    }
    files[writer.input] = file
  }
  for (const [name, file] of Object.entries(files)) logger.info(`Wrote the ${name} to ${file}`)
  return files
}
