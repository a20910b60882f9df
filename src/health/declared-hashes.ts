/**
 * The digests each pin's file declares, for the hash check. The readers in src/deps do not
 * carry them on a Dependency (the lockfile readers even blank the artifact lists before
 * parsing, to read large locks fast), so this reads them again, only when the health check
 * runs: `--hash` options come with the requirement lines (RequirementLine.hashes), and each
 * lockfile format is read here for its own artifact lists:
 *
 * - uv.lock: `[[package]]` `sdist.hash`, `wheels[].hash` ("sha256:<hex>");
 * - poetry.lock: `[[package]]` `files[].hash`; lock 1.x: `[metadata.files]` per name, and
 *   the oldest `[metadata.hashes]` per name;
 * - pdm.lock: `[[package]]` `files[].hash`;
 * - pylock.toml (PEP 751): `[[packages]]` `sdist`, `wheels[]`, `archive` with `hashes.sha256`;
 * - Pipfile.lock: each category's `hashes`, with `version` "==X".
 */
import { parse as parseTomlText, TomlError } from 'smol-toml'
import type { Dependency, Location } from '../deps/types.js'
import { ParseError } from '../shared/errors.js'
import { isObject } from '../shared/json-shape.js'
import { normalizeProjectName } from './filenames.js'
import type { HealthSubject } from './types.js'
import { versionKey } from './version-key.js'

export type HashedLockFormat =
  'uv.lock' | 'poetry.lock' | 'pdm.lock' | 'pylock.toml' | 'Pipfile.lock'

/** The digests a lockfile gives for one pin; `version` undefined: every version of the name. */
export interface DeclaredPinHashes {
  name: string
  version?: string
  hashes: string[]
}

/** A requirement line's `--hash` values, where the line is. */
export interface DeclaredLineHashes {
  location: Location
  hashes: readonly string[]
}

export interface DeclaredHashes {
  pins?: readonly DeclaredPinHashes[]
  lines?: readonly DeclaredLineHashes[]
}

/** `dependencies` as the checks take them, each with the digests declared for it. */
export function withDeclaredHashes(
  dependencies: readonly Pick<Dependency, 'name' | 'version' | 'location'>[],
  declared: DeclaredHashes = {}
): HealthSubject[] {
  const byPin = new Map<string, string[]>()
  for (const pin of declared.pins ?? []) {
    const key = pinKey(pin.name, pin.version)
    byPin.set(key, [...(byPin.get(key) ?? []), ...pin.hashes])
  }
  const byLine = new Map<string, readonly string[]>()
  for (const line of declared.lines ?? []) {
    if (line.hashes.length > 0) byLine.set(lineKey(line.location), line.hashes)
  }
  return dependencies.map(dependency => {
    const hashes = [
      ...(byLine.get(lineKey(dependency.location)) ?? []),
      ...(byPin.get(pinKey(dependency.name, dependency.version)) ?? []),
      ...(byPin.get(pinKey(dependency.name, undefined)) ?? [])
    ]
    const { name, version, location } = dependency
    return hashes.length > 0 ? { name, version, location, hashes } : { name, version, location }
  })
}

/** The digests a lockfile declares. A file that does not parse is a ParseError naming it. */
export function lockfileHashes(
  format: HashedLockFormat,
  text: string,
  shownFile: string
): DeclaredPinHashes[] {
  if (format === 'Pipfile.lock') return pipfileLockHashes(parseJson(text, shownFile))
  const document = parseToml(text, shownFile)
  switch (format) {
    case 'uv.lock':
      return tables(document.package).map(entry =>
        pin(entry, [field(entry.sdist, 'hash'), ...tables(entry.wheels).map(w => w.hash)])
      )
    case 'poetry.lock':
      return poetryLockHashes(document)
    case 'pdm.lock':
      return tables(document.package).map(entry =>
        pin(
          entry,
          tables(entry.files).map(file => file.hash)
        )
      )
    case 'pylock.toml':
      return tables(document.packages).map(entry =>
        pin(
          entry,
          [entry.sdist, ...tables(entry.wheels), entry.archive].map(artifact => {
            const digest = field(field(artifact, 'hashes'), 'sha256')
            return typeof digest === 'string' ? `sha256:${digest}` : undefined
          })
        )
      )
  }
}

function poetryLockHashes(document: Record<string, unknown>): DeclaredPinHashes[] {
  const pins = tables(document.package).map(entry =>
    pin(
      entry,
      tables(entry.files).map(file => file.hash)
    )
  )
  const metadata = isObject(document.metadata) ? document.metadata : {}
  // Lock 1.x keeps the files per name, beside the packages; one version per name there.
  for (const [name, files] of Object.entries(isObject(metadata.files) ? metadata.files : {})) {
    pins.push({ name: normalizeProjectName(name), hashes: strings(tables(files).map(f => f.hash)) })
  }
  for (const [name, hashes] of Object.entries(isObject(metadata.hashes) ? metadata.hashes : {})) {
    const digests = strings(Array.isArray(hashes) ? hashes : []).map(h =>
      h.includes(':') ? h : `sha256:${h}`
    )
    pins.push({ name: normalizeProjectName(name), hashes: digests })
  }
  return pins.filter(entry => entry.hashes.length > 0)
}

function pipfileLockHashes(document: unknown): DeclaredPinHashes[] {
  const pins: DeclaredPinHashes[] = []
  if (!isObject(document)) return pins
  for (const [category, packages] of Object.entries(document)) {
    if (category === '_meta' || !isObject(packages)) continue
    for (const [name, entry] of Object.entries(packages)) {
      if (!isObject(entry) || typeof entry.version !== 'string') continue
      const version = entry.version.replace(/^\s*===?\s*/, '')
      const hashes = strings(Array.isArray(entry.hashes) ? entry.hashes : [])
      if (hashes.length > 0) pins.push({ name: normalizeProjectName(name), version, hashes })
    }
  }
  return pins
}

function pin(entry: Record<string, unknown>, hashes: unknown[]): DeclaredPinHashes {
  const name = typeof entry.name === 'string' ? normalizeProjectName(entry.name) : ''
  const version = typeof entry.version === 'string' ? entry.version : ''
  return { name, version, hashes: strings(hashes) }
}

function tables(value: unknown): Array<Record<string, unknown>> {
  return Array.isArray(value) ? value.filter(isObject) : []
}

function field(value: unknown, key: string): unknown {
  return isObject(value) ? value[key] : undefined
}

function strings(values: readonly unknown[]): string[] {
  return values.filter((value): value is string => typeof value === 'string')
}

function pinKey(name: string, version: string | undefined): string {
  return `${normalizeProjectName(name)}\0${version === undefined ? '*' : versionKey(version)}`
}

function lineKey(location: Location): string {
  return `${location.file}\0${location.line}`
}

function parseToml(text: string, shownFile: string): Record<string, unknown> {
  try {
    return parseTomlText(text) as Record<string, unknown>
  } catch (error) {
    if (!(error instanceof TomlError)) throw error
    const message = error.message.split('\n', 1)[0]!.replace(/^Invalid TOML document: /, '')
    throw new ParseError(
      { file: shownFile, line: error.line, column: error.column },
      `invalid TOML: ${message}`
    )
  }
}

function parseJson(text: string, shownFile: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    throw new ParseError({ file: shownFile }, 'invalid JSON')
  }
}
