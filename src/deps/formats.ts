/**
 * The dependency-file formats: how each is recognised by name and which reader reads it.
 * Detection (detect.ts), dispatch (read-file.ts) and the `SourceFormat` type (types.ts) all
 * follow from this table, so a new lockfile format is its reader module plus one row here.
 */
import type { FileRead, ReadContext } from './read-file.js'
import { parseRequirementsFile, requirementsToSource } from './requirements.js'
import type { ReadOptions } from './toml-file.js'
import type { SourceResult } from './types.js'

/**
 * What a file of the format is to detection: a lockfile wins over the manifest it locks in the
 * same directory (pyproject.toml); requirements files are found by their usual names.
 */
export type FormatRole = 'lockfile' | 'manifest' | 'requirements'

export interface FileFormat {
  /** The name reports give the format (`format` in the JSON report). */
  format: string
  role: FormatRole
  /** File names (without the directory) that are this format. */
  names: readonly RegExp[]
  /** Reads one file; the reader's module loads on first use, so unused formats cost nothing. */
  read: (file: string, context: ReadContext) => Promise<FileRead>
}

/** A lockfile reader as every lockfile module exports one. */
type LockfileReader = (file: string, options: ReadOptions) => Promise<SourceResult>

/** A lockfile format: named by `name`, read by the reader `load` gives on first use. */
function lockfile<Format extends string>(
  format: Format,
  name: RegExp,
  load: () => Promise<LockfileReader>
) {
  return {
    format,
    role: 'lockfile',
    names: [name],
    read: async (file: string, context: ReadContext): Promise<FileRead> => {
      const read = await load()
      const options = {
        displayPath: context.displayPath,
        allowedRoots: context.allowedRoots,
        ...(context.markerEnvironment && { markerEnvironment: context.markerEnvironment })
      }
      return { source: await read(file, options), filesRead: [file] }
    }
  } as const satisfies FileFormat
}

/** Every format, lockfiles first: a file named explicitly is the first format whose names match. */
export const FILE_FORMATS = [
  lockfile(
    'pylock.toml',
    /^pylock(\.[^.]+)?\.toml$/,
    async () => (await import('./pylock.js')).readPylock
  ),
  lockfile('uv.lock', /^uv\.lock$/, async () => (await import('./uv-lock.js')).readUvLock),
  lockfile(
    'poetry.lock',
    /^poetry\.lock$/,
    async () => (await import('./poetry-lock.js')).readPoetryLock
  ),
  lockfile('pdm.lock', /^pdm\.lock$/, async () => (await import('./pdm-lock.js')).readPdmLock),
  lockfile(
    'Pipfile.lock',
    /^Pipfile\.lock$/,
    async () => (await import('./pipfile-lock.js')).readPipfileLock
  ),
  { format: 'pyproject', role: 'manifest', names: [/^pyproject\.toml$/], read: readPyprojectFile },
  {
    format: 'requirements',
    role: 'requirements',
    names: [/^requirements.*\.(txt|in)$/i, /^(dev|test|constraints)-?requirements.*\.txt$/i],
    read: readRequirementsFile
  }
] as const satisfies readonly FileFormat[]

export type FileFormatName = (typeof FILE_FORMATS)[number]['format']

/** How a file named explicitly is read when no format claims its name, as `pip -r` would. */
export const FALLBACK_FORMAT: FileFormatName = 'requirements'

/** Requirements files are the common case: their reader is loaded with this module. */
async function readRequirementsFile(file: string, context: ReadContext): Promise<FileRead> {
  const parsed = await parseRequirementsFile(file, {
    ...(context.markerEnvironment && { markerEnvironment: context.markerEnvironment }),
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

async function readPyprojectFile(file: string, context: ReadContext): Promise<FileRead> {
  const { readPyproject } = await import('./pyproject.js')
  const { source, requirements } = await readPyproject(file, {
    displayPath: context.displayPath,
    allowedRoots: context.allowedRoots,
    ...(context.markerEnvironment && { markerEnvironment: context.markerEnvironment })
  })
  return { source, filesRead: [file], declarations: requirements }
}
