import type { DetectedFile } from './detect.js'
import type { MarkerEnvironment } from './markers.js'
import { readPdmLock } from './pdm-lock.js'
import { readPipfileLock } from './pipfile-lock.js'
import { readPoetryLock } from './poetry-lock.js'
import { readPylock } from './pylock.js'
import { readPyproject, type PyprojectRequirement } from './pyproject.js'
import {
  parseRequirementsFile,
  requirementsToSource,
  type RequirementLine
} from './requirements.js'
import type { SourceResult } from './types.js'
import { readUvLock } from './uv-lock.js'

export interface ReadContext {
  markerEnvironment: MarkerEnvironment
  env: NodeJS.ProcessEnv
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

/** Reads one file with the reader its format needs. */
export async function readDependencyFile(
  detected: DetectedFile,
  context: ReadContext
): Promise<FileRead> {
  const options = { displayPath: context.displayPath, allowedRoots: context.allowedRoots }
  const { file } = detected
  switch (detected.format) {
    case 'requirements': {
      const parsed = await parseRequirementsFile(file, {
        markerEnvironment: context.markerEnvironment,
        env: context.env,
        displayPath: context.displayPath,
        allowedRoots: context.allowedRoots
      })
      return {
        source: requirementsToSource(parsed, file),
        filesRead: parsed.files,
        requirements: parsed.lines,
        indexOptions: parsed.options
      }
    }
    case 'pyproject': {
      const { source, requirements } = await readPyproject(file, {
        ...options,
        markerEnvironment: context.markerEnvironment
      })
      return { source, filesRead: [file], declarations: requirements }
    }
    case 'poetry.lock':
      return { source: await readPoetryLock(file, options), filesRead: [file] }
    case 'uv.lock':
      return { source: await readUvLock(file, options), filesRead: [file] }
    case 'Pipfile.lock':
      return { source: await readPipfileLock(file, options), filesRead: [file] }
    case 'pdm.lock':
      return { source: await readPdmLock(file, options), filesRead: [file] }
    case 'pylock.toml':
      return { source: await readPylock(file, options), filesRead: [file] }
    case 'environment':
    case 'pip-report':
      throw new Error(`${detected.format} is not a file format`)
  }
}
