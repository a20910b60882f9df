/**
 * What the health checks are asked about in a run: every pinned dependency the sources give,
 * with the digests its file declares. The readers in src/deps do not keep digests, so the
 * files that can hold them are read again here, only when the checks run: requirements files
 * for their `--hash` options (includes too), lockfiles for their artifact lists.
 */
import { readDependencyBytes } from '../deps/containment.js'
import type { MarkerEnvironment } from '../deps/markers.js'
import { parseRequirementsFile } from '../deps/requirements.js'
import type { SourceResult } from '../deps/types.js'
import { ParseError } from '../shared/errors.js'
import {
  lockfileHashes,
  withDeclaredHashes,
  type DeclaredHashes,
  type HashedLockFormat
} from './declared-hashes.js'
import type { HealthSubject } from './types.js'

export interface SubjectOptions {
  /** Requirements files are read as for the audit; markers do not change where lines are. */
  markerEnvironment: MarkerEnvironment
  /** How errors name files (repository-relative). */
  shownPath: (file: string) => string
}

const HASHED_LOCK_FORMATS: readonly string[] = [
  'uv.lock',
  'poetry.lock',
  'pdm.lock',
  'pylock.toml',
  'Pipfile.lock'
] satisfies readonly HashedLockFormat[]

/** Every dependency of `sources`, in order, each with the digests declared for it. */
export async function healthSubjects(
  sources: readonly SourceResult[],
  options: SubjectOptions
): Promise<HealthSubject[]> {
  const subjects: HealthSubject[] = []
  for (const source of sources) {
    if (source.dependencies.length === 0) continue
    const declared = await declaredHashes(source, options)
    subjects.push(...withDeclaredHashes(source.dependencies, declared))
  }
  return subjects
}

async function declaredHashes(
  source: SourceResult,
  options: SubjectOptions
): Promise<DeclaredHashes> {
  if (source.format === 'requirements') {
    if (!(await mayDeclareHashes(source))) return {}
    const parsed = await parseRequirementsFile(source.file, {
      markerEnvironment: options.markerEnvironment,
      displayPath: options.shownPath
    })
    return { lines: parsed.lines }
  }
  if (HASHED_LOCK_FORMATS.includes(source.format)) {
    const shownFile = options.shownPath(source.file)
    const text = await readText(source.file, shownFile)
    return { pins: lockfileHashes(source.format as HashedLockFormat, text, shownFile) }
  }
  return {}
}

/**
 * Whether a requirements source may declare digests: `--hash` (or an abbreviation, all of
 * which start `--h`) on the lines of its pins, or a line continuation that could split one.
 * A source whose files hold neither is not parsed again (a 200-pin file took ~3 ms, before
 * the first index request); a file that cannot be read is left to the full reading.
 */
async function mayDeclareHashes(source: SourceResult): Promise<boolean> {
  const files = new Set(source.dependencies.map(dependency => dependency.location.file))
  for (const file of files) {
    let text: string
    try {
      text = (await readDependencyBytes(file)).toString('utf8')
    } catch {
      return true
    }
    if (text.includes('--h') || text.includes('\\')) return true
  }
  return false
}

async function readText(file: string, shownFile: string): Promise<string> {
  let bytes: Buffer
  try {
    bytes = await readDependencyBytes(file)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error)
    throw new ParseError({ file: shownFile }, `cannot read the lockfile again (${code})`)
  }
  const text = bytes.toString('utf8')
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}
