/**
 * pdm.lock: one `[[package]]` per locked distribution (PDM repeats a package once per set of extras
 * it is needed with, `extras = [...]`: those are one dependency). Packages from an index carry only
 * `name`/`version`/`files`; others carry `git`/`hg`/`svn`/`bzr` (+ `revision`), `path` or `url`.
 *
 * Groups: `groups = [...]` (lock_version 4.x with the default inherit_metadata strategy) or
 * `sections = [...]` (PDM 1.x). PDM's "default" group is reported as main. Locks made without
 * inherit_metadata (e.g. with PDM's uv resolver) do not record groups.
 *
 * Markers: `marker = "..."`, where the package is installed (lock_version 4.x with
 * inherit_metadata); a package under a marker false for the target the audit is narrowed to is
 * left out.
 */
import type { Dependency, SourceResult } from './types.js'
import { normalizeName } from './names.js'
import { parseRequirement, RequirementSyntaxError } from './pep508.js'
import * as toml from './toml-file.js'
import type { EntryContext, TomlTable } from './toml-file.js'
import { notAReleaseReason } from './source-builder.js'
import { lockMarkerText } from './lock-markers.js'
import { tomlLockParser, vcsSourceReason, type OpenedLock } from './lock-reader.js'

/** Reads a pdm.lock already in memory; `absolutePath` is where it came from. */
export const parsePdmLock = tomlLockParser(
  {
    format: 'pdm.lock',
    table: 'package',
    artifactKeys: ['files'],
    version: { table: 'metadata', key: 'lock_version', readable: [3, 4] }
  },
  readPackages
)

export const readPdmLock = toml.fileReader(parsePdmLock)

function readPackages({ entries, builder, markers }: OpenedLock): SourceResult {
  const requires = new Map<string, Set<string>>()
  const locked = new Set<string>()
  for (const { table: entry, name, context } of entries) {
    const sourced = nonIndexSource(entry, context)
    if (sourced === 'project') continue
    const marker = toml.optionalString(entry, 'marker', context)
    if (!markers.applies(marker, context)) continue
    locked.add(normalizeName(name))
    if (sourced !== undefined) {
      const version = toml.optionalString(entry, 'version', context)
      builder.addSkipped(name, version, sourced, context.line)
      continue
    }
    // Any index, PyPI or a private one: the release is published under this name and version.
    const version = toml.requiredString(entry, 'version', context)
    // PDM repeats a package once per set of extras: its edges are the union of the repeats'.
    const key = `${normalizeName(name)}@${version}`
    const names = requires.get(key) ?? new Set<string>()
    for (const required of requiredNames(entry, name, context)) names.add(required)
    requires.set(key, names)
    builder.addDependency(
      name,
      version,
      context.line,
      groups(entry, context),
      lockMarkerText(marker)
    )
  }
  const result = builder.build()
  // Only packages in the lock count (a requirement whose marker no target satisfies is not
  // locked), and of those, the ones installed on the target.
  const withEdges = (dep: Dependency): Dependency => ({
    ...dep,
    dependsOn: [...(requires.get(`${dep.name}@${dep.version}`) ?? [])].filter(required =>
      locked.has(required)
    )
  })
  return { ...result, dependencies: result.dependencies.map(withEdges) }
}

/**
 * `dependencies = [...]`: PEP 508 requirement strings (markers and extras included, as an edge
 * means "may require"). PDM writes a package's extras as an edge to itself: no edge.
 */
function requiredNames(entry: TomlTable, name: string, context: EntryContext): string[] {
  const own = normalizeName(name)
  return (toml.optionalStringArray(entry, 'dependencies', context) ?? [])
    .map(text => {
      try {
        return parseRequirement(text).normalizedName
      } catch (error) {
        if (!(error instanceof RequirementSyntaxError)) throw error
        throw toml.entryError(context, `dependency '${text}': ${error.message}`)
      }
    })
    .filter(required => required !== own)
}

function groups(entry: TomlTable, context: EntryContext): string[] | undefined {
  const listed =
    toml.optionalStringArray(entry, 'groups', context) ??
    toml.optionalStringArray(entry, 'sections', context)
  return listed?.map(group => (group === 'default' ? 'main' : group))
}

/** The skip reason of a package not from an index, 'project' for the project itself, else undefined. */
function nonIndexSource(entry: TomlTable, context: EntryContext): string | undefined {
  const vcs = vcsSourceReason(entry, context, ['revision', 'ref'])
  if (vcs !== undefined) return vcs
  const path = toml.optionalString(entry, 'path', context)
  if (path !== undefined) {
    if (path === '.' || path === './') return 'project'
    return notAReleaseReason(entry.editable === true ? 'editable directory' : 'path', path)
  }
  const url = toml.optionalString(entry, 'url', context)
  if (url !== undefined) return notAReleaseReason('url', url)
  return undefined
}
