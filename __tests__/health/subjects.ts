/**
 * Health subjects of a dependency file as the engine will make them: the dependencies from the
 * real reader in src/deps, with the digests src/health/declared-hashes.ts finds for them.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { markerEnvironmentFor } from '../../src/deps/markers.js'
import { readPdmLock } from '../../src/deps/pdm-lock.js'
import { readPipfileLock } from '../../src/deps/pipfile-lock.js'
import { readPoetryLock } from '../../src/deps/poetry-lock.js'
import { readPylock } from '../../src/deps/pylock.js'
import { parseRequirementsFile, requirementsToSource } from '../../src/deps/requirements.js'
import type { SourceResult } from '../../src/deps/types.js'
import { readUvLock } from '../../src/deps/uv-lock.js'
import {
  lockfileHashes,
  withDeclaredHashes,
  type HashedLockFormat
} from '../../src/health/declared-hashes.js'
import type { HealthSubject } from '../../src/health/types.js'
import { TESTS_DIR } from '../support/paths.js'

export const LOCKFILES = path.join(TESTS_DIR, 'fixtures', 'lockfiles')

const READERS: Record<HashedLockFormat, (file: string) => Promise<SourceResult>> = {
  'uv.lock': readUvLock,
  'poetry.lock': readPoetryLock,
  'pdm.lock': readPdmLock,
  'pylock.toml': readPylock,
  'Pipfile.lock': readPipfileLock
}

/** The lockfile fixtures that record digests, with their formats. */
export const HASHED_LOCKFILES: ReadonlyArray<[string, HashedLockFormat]> = [
  ['uv.lock', 'uv.lock'],
  ['poetry-v1.lock', 'poetry.lock'],
  ['poetry-v2.lock', 'poetry.lock'],
  ['pdm.lock', 'pdm.lock'],
  ['pylock.toml', 'pylock.toml'],
  ['Pipfile.lock', 'Pipfile.lock']
]

export async function lockfileSubjects(
  file: string,
  format: HashedLockFormat
): Promise<HealthSubject[]> {
  const source = await READERS[format](file)
  const pins = lockfileHashes(format, await readFile(file, 'utf8'), path.basename(file))
  return withDeclaredHashes(source.dependencies, { pins })
}

export async function requirementsSubjects(file: string): Promise<HealthSubject[]> {
  const parsed = await parseRequirementsFile(file, {
    markerEnvironment: markerEnvironmentFor('3.12')
  })
  const source = requirementsToSource(parsed, file)
  return withDeclaredHashes(source.dependencies, { lines: parsed.lines })
}
