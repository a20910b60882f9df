import type { DetectedFile } from './detect.js'
import { FILE_FORMATS } from './formats.js'
import type { PartialMarkerEnvironment } from './markers.js'
import type { PyprojectRequirement } from './pyproject.js'
import type { RequirementLine } from './requirements.js'
import type { SourceResult } from './types.js'

export interface ReadContext {
  /** The target the audit is narrowed to; undefined: every pin, whatever its marker. */
  markerEnvironment?: PartialMarkerEnvironment
  displayPath: (file: string) => string
  /** Real paths every file read (after symlinks and includes) must lie in. */
  allowedRoots: readonly string[]
}

/** One dependency file read: what it pins, and what pip would need to resolve the rest. */
export interface FileRead {
  source: SourceResult
  /** Every file read (includes of a requirements file), so detection does not read them twice. */
  filesRead: string[]
  /** Requirement lines (requirements files) or declarations (pyproject) for resolution with pip. */
  requirements?: RequirementLine[]
  declarations?: PyprojectRequirement[]
  /** Index options a requirements file sets (--index-url, --extra-index-url). */
  indexOptions?: { indexUrl?: string; extraIndexUrls: string[] }
}

/**
 * Reads one file with the reader its format needs. The TOML and lockfile readers load only
 * for the formats met: a requirements-only project never compiles them.
 */
export async function readDependencyFile(
  detected: DetectedFile,
  context: ReadContext
): Promise<FileRead> {
  const format = FILE_FORMATS.find(candidate => candidate.format === detected.format)
  return format!.read(detected.file, context)
}
