/**
 * poetry.lock, as Poetry 1.x and 2.x write it: one `[[package]]` per locked distribution with
 * `name`, `version` and an optional `[package.source]` (absent for PyPI).
 *
 * Groups: Poetry 2 (lock-version 2.1) writes `groups = ["main", "dev"]`; Poetry 1.0-1.4 wrote
 * `category = "main" | "dev"`; Poetry 1.5-1.8 (lock-version 2.0) recorded neither, so those
 * dependencies have no group.
 *
 * Markers: Poetry 2 writes where each package is installed, `markers = "..."` for all its groups
 * or `markers = {main = "...", dev = "..."}` per group (a group left out of the table installs it
 * everywhere). A package under markers false for the target the audit is narrowed to is left out.
 */
import type { Dependency, SourceResult } from './types.js'
import { normalizeName } from './names.js'
import * as toml from './toml-file.js'
import type { EntryContext, TomlTable } from './toml-file.js'
import { notAReleaseReason, redactUrl } from './source-builder.js'
import { lockMarkerText } from './lock-markers.js'
import { anyOfMarkers } from './marker-text.js'
import { tomlLockParser, type OpenedLock } from './lock-reader.js'

/** Reads a poetry.lock already in memory; `absolutePath` is where it came from. */
export const parsePoetryLock = tomlLockParser(
  {
    format: 'poetry.lock',
    table: 'package',
    artifactKeys: ['files'],
    version: { table: 'metadata', key: 'lock-version', readable: [1, 2] }
  },
  readPackages
)

export const readPoetryLock = toml.fileReader(parsePoetryLock)

function readPackages({ entries: packages, builder, markers }: OpenedLock): SourceResult {
  const entries = Array.from(packages, ({ table: entry, name, context }) => {
    const marker = packageMarker(entry, context)
    return { entry, context, name, marker, applies: markers.applies(marker, context) }
  })
  const locked = new Set(entries.filter(e => e.applies).map(e => normalizeName(e.name)))
  const requires = new Map<string, Set<string>>()
  for (const { entry, context, name, marker, applies } of entries) {
    if (!applies) continue
    const version = toml.requiredString(entry, 'version', context)
    const key = `${normalizeName(name)}@${version}`
    const names = requires.get(key) ?? new Set<string>()
    for (const required of requiredNames(entry, name, context))
      if (locked.has(required)) names.add(required)
    requires.set(key, names)
    const reason = skipReason(entry, context)
    if (reason === undefined)
      builder.addDependency(name, version, context.line, groups(entry, context), marker)
    else builder.addSkipped(name, version, reason, context.line)
  }
  const result = builder.build()
  const withEdges = (dep: Dependency): Dependency => ({
    ...dep,
    dependsOn: [...(requires.get(`${dep.name}@${dep.version}`) ?? [])]
  })
  return { ...result, dependencies: result.dependencies.map(withEdges) }
}

/**
 * `[package.dependencies]`: one key per required name, optional ones (for extras) and ones under
 * markers included, as an edge means "may require". A requirement Poetry did not lock (its marker
 * excludes every supported Python) is no edge: the caller keeps only names in the lock.
 */
function requiredNames(entry: TomlTable, name: string, context: EntryContext): string[] {
  const table = toml.optionalTable(entry, 'dependencies', context) ?? {}
  const own = normalizeName(name)
  return Object.keys(table)
    .map(normalizeName)
    .filter(required => required !== own)
}

/**
 * Where the package is installed, whitespace normalised: undefined when it is everywhere (no
 * markers, or a group of `groups` that the table leaves out); else where any group's holds.
 */
function packageMarker(entry: TomlTable, context: EntryContext): string | undefined {
  const markers = entry.markers
  if (markers === undefined || typeof markers === 'string') return lockMarkerText(markers)
  const table = toml.optionalTable(entry, 'markers', context)!
  const byGroup = new Map<string, string>()
  for (const [group, marker] of Object.entries(table)) {
    if (typeof marker !== 'string')
      throw toml.entryError(
        context,
        `markers.${group} must be a string, not ${toml.describeType(marker)}`
      )
    byGroup.set(group, marker)
  }
  const listed = groups(entry, context) ?? [...byGroup.keys()]
  const texts: string[] = []
  for (const group of listed) {
    const text = lockMarkerText(byGroup.get(group))
    if (text === undefined) return undefined
    texts.push(text)
  }
  return anyOfMarkers(texts)
}

function groups(entry: TomlTable, context: EntryContext): string[] | undefined {
  const listed = toml.optionalStringArray(entry, 'groups', context)
  if (listed !== undefined) return listed
  const category = toml.optionalString(entry, 'category', context)
  return category === undefined ? undefined : [category]
}

/** Why a package is not audited, or undefined when it comes from a package index. */
function skipReason(entry: TomlTable, context: EntryContext): string | undefined {
  const source = toml.optionalTable(entry, 'source', context)
  if (source === undefined) return undefined
  const sourceContext = { ...context, entry: `${context.entry} [package.source]` }
  const type = toml.optionalString(source, 'type', sourceContext)
  const url = toml.optionalString(source, 'url', sourceContext) ?? ''
  switch (type) {
    // No type, or a private or mirror index ("legacy" = PEP 503 simple API): the release is still
    // published under this name and version, so advisories for it apply.
    case undefined:
    case '':
    case 'legacy':
    case 'pypi':
      return undefined
    case 'git': {
      const revision =
        toml.optionalString(source, 'resolved_reference', sourceContext) ??
        toml.optionalString(source, 'reference', sourceContext)
      return notAReleaseReason('git', url, revision)
    }
    case 'directory':
      return notAReleaseReason(entry.develop === true ? 'editable directory' : 'directory', url)
    case 'file':
      return notAReleaseReason('file', url)
    case 'url':
      return notAReleaseReason('url', url)
    default:
      return `unsupported source type '${type}' ${redactUrl(url)}: not audited`
  }
}
