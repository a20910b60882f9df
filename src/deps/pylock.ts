/**
 * pylock.toml (PEP 751, lock-version 1.x): one `[[packages]]` per distribution. A package from an
 * index has `version` with `index`/`sdist`/`wheels`; otherwise exactly one of `vcs`, `directory`
 * or `archive` says where it comes from, and those are not PyPI releases.
 *
 * Groups: a lock covering several extras or dependency groups selects packages with markers such as
 * `'dev' in dependency_groups` or `'crypto' in extras`. A package whose marker names none is main;
 * otherwise its group is the extras and dependency groups its marker names. This reads the marker's
 * text rather than evaluating it, so `'dev' in dependency_groups or python_version < '3.9'` counts as
 * dev only.
 *
 * The marker also says where the package is installed: it is what the dependency carries, and a
 * package under a marker false for the target the audit is narrowed to is left out (every extra
 * and dependency group counts as selected).
 */
import type { SourceResult } from './types.js'
import * as toml from './toml-file.js'
import type { EntryContext, TomlTable } from './toml-file.js'
import { notAReleaseReason } from './source-builder.js'
import { lockMarkerText } from './lock-markers.js'
import { tomlLockParser, type OpenedLock } from './lock-reader.js'

/** Reads a pylock.toml already in memory; `absolutePath` is where it came from. */
export const parsePylock = tomlLockParser(
  {
    format: 'pylock.toml',
    table: 'packages',
    artifactKeys: ['sdist', 'wheels'],
    // PEP 751: a tool must not install from a lock whose major version it does not support.
    version: { key: 'lock-version', readable: [1], required: true }
  },
  readPackages
)

export const readPylock = toml.fileReader(parsePylock)

function readPackages({ entries, builder, markers }: OpenedLock): SourceResult {
  for (const { table: entry, name, context } of entries) {
    const marker = toml.optionalString(entry, 'marker', context)
    if (!markers.applies(marker, context)) continue
    const reason = nonIndexSource(entry, context)
    if (reason === 'project') continue
    if (reason !== undefined) {
      builder.addSkipped(name, toml.optionalString(entry, 'version', context), reason, context.line)
      continue
    }
    // Any index (`index` may name a private one): the release is published under this name and version.
    const version = toml.requiredString(entry, 'version', context)
    builder.addDependency(
      name,
      version,
      context.line,
      groupsOfMarker(marker),
      lockMarkerText(marker)
    )
  }
  return builder.build()
}

/** The skip reason of a package not from an index, 'project' for the project itself, else undefined. */
function nonIndexSource(entry: TomlTable, context: EntryContext): string | undefined {
  const vcs = toml.optionalTable(entry, 'vcs', context)
  if (vcs !== undefined) {
    const vcsContext = { ...context, entry: `${context.entry} vcs` }
    const type = toml.optionalString(vcs, 'type', vcsContext) ?? 'vcs'
    const where =
      toml.optionalString(vcs, 'url', vcsContext) ?? toml.optionalString(vcs, 'path', vcsContext)
    const revision =
      toml.optionalString(vcs, 'commit-id', vcsContext) ??
      toml.optionalString(vcs, 'requested-revision', vcsContext)
    return notAReleaseReason(type, where ?? '(no url)', revision)
  }
  const directory = toml.optionalTable(entry, 'directory', context)
  if (directory !== undefined) {
    const path = toml.requiredString(directory, 'path', {
      ...context,
      entry: `${context.entry} directory`
    })
    if (path === '.' || path === './') return 'project'
    return notAReleaseReason(directory.editable === true ? 'editable directory' : 'directory', path)
  }
  const archive = toml.optionalTable(entry, 'archive', context)
  if (archive !== undefined) {
    const archiveContext = { ...context, entry: `${context.entry} archive` }
    const where =
      toml.optionalString(archive, 'url', archiveContext) ??
      toml.optionalString(archive, 'path', archiveContext)
    return notAReleaseReason('archive', where ?? '(no url)')
  }
  return undefined
}

const SELECTOR = /(['"])([^'"]+)\1\s+in\s+(?:extras|dependency_groups)\b/g

function groupsOfMarker(marker: string | undefined): string[] {
  const names = [...(marker ?? '').matchAll(SELECTOR)].map(match => match[2]!)
  return names.length === 0 ? ['main'] : names
}
