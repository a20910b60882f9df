import type { DetectedFile } from './detect.js'
import type { MarkerEnvironment } from './markers.js'
import type { PyprojectRequirement } from './pyproject.js'
import {
  parseRequirementsFile,
  requirementsToSource,
  type RequirementLine
} from './requirements.js'
import type { SourceResult } from './types.js'

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

/**
 * Reads one file with the reader its format needs. The TOML and lockfile readers load only
 * for the formats met: a requirements-only project never compiles them.
 */
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
      const { readPyproject } = await import('./pyproject.js')
      const { source, requirements } = await readPyproject(file, {
        ...options,
        markerEnvironment: context.markerEnvironment
      })
      return { source, filesRead: [file], declarations: requirements }
    }
    case 'poetry.lock': {
      const { readPoetryLock } = await import('./poetry-lock.js')
      return { source: await readPoetryLock(file, options), filesRead: [file] }
    }
    case 'uv.lock': {
      const { readUvLock } = await import('./uv-lock.js')
      return { source: await readUvLock(file, options), filesRead: [file] }
    }
    case 'Pipfile.lock': {
      const { readPipfileLock } = await import('./pipfile-lock.js')
      return { source: await readPipfileLock(file, options), filesRead: [file] }
    }
    case 'pdm.lock': {
      const { readPdmLock } = await import('./pdm-lock.js')
      return { source: await readPdmLock(file, options), filesRead: [file] }
    }
    case 'pylock.toml': {
      const { readPylock } = await import('./pylock.js')
      return { source: await readPylock(file, options), filesRead: [file] }
    }
    case 'environment':
    case 'pip-report':
      throw new Error(`${detected.format} is not a file format`)
  }
}
