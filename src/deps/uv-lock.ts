/**
 * uv.lock (format version 1): one `[[package]]` per locked distribution, each with a `source`
 * saying where it comes from (`registry`, `git`, `url`, `path`, `directory`, `editable`,
 * `virtual`) and the edges of the dependency graph.
 *
 * The lock does not label packages with groups, so groups come from the graph: everything reachable
 * from the workspace members' `dependencies` is main; from `[package.optional-dependencies]` the
 * extra's name; from `[package.dev-dependencies]` (where uv stores every PEP 735 dependency group)
 * the group's name. Workspace members themselves are the project, not dependencies.
 *
 * Markers are on the edges too (`{ name = "colorama", marker = "sys_platform == 'win32'" }`): a
 * package is installed where some path from the project reaches it with every marker on the
 * path holding (uv-conditions.ts). That condition is the marker the dependency carries, and a
 * package whose condition is false for the target the audit is narrowed to is left out.
 */
import type { Dependency, SourceResult } from './types.js'
import { normalizeName } from './names.js'
import * as toml from './toml-file.js'
import type { EntryContext, TomlTable } from './toml-file.js'
import { notAReleaseReason, redactUrl } from './source-builder.js'
import { lockMarkerText } from './lock-markers.js'
import { installConditions, type UvEdge, type UvGraph } from './uv-conditions.js'
import { tomlLockParser, type LockEntry, type OpenedLock } from './lock-reader.js'

const SOURCE_KINDS = ['registry', 'git', 'url', 'path', 'directory', 'editable', 'virtual'] as const
type SourceKind = (typeof SOURCE_KINDS)[number]

interface UvSource {
  kind: SourceKind
  value: string
}

/** An edge as uv writes it, `{ name, version?, source?, extra? }`: version and source only when
 * the name alone is ambiguous (several versions locked for different forks). */
interface DependencyRef {
  name: string
  version: string | undefined
  sourceKey: string | undefined
  extras: string[]
  marker: string | undefined
}

interface RootRef {
  ref: DependencyRef
  from: EntryContext
}

interface UvPackage {
  name: string
  displayName: string
  version: string | undefined
  source: UvSource | undefined
  sourceKey: string | undefined
  context: EntryContext
  dependencies: DependencyRef[]
  optional: Map<string, DependencyRef[]>
  dev: Map<string, DependencyRef[]>
}

/** Reads a uv.lock already in memory; `absolutePath` is where it came from. */
export const parseUvLock = tomlLockParser(
  {
    format: 'uv.lock',
    table: 'package',
    artifactKeys: ['sdist', 'wheels'],
    version: { key: 'version', name: 'uv.lock version', readable: [1] }
  },
  readPackages
)

export const readUvLock = toml.fileReader(parseUvLock)

function readPackages({ file, document, entries, builder, markers }: OpenedLock): SourceResult {
  const packages = Array.from(entries, readPackage)
  const manifest = readManifest(document, file)
  const isProject = projectTest(manifest.members)

  const roots = new Map<string, RootRef[]>()
  const addRoots = (label: string, refs: DependencyRef[], from: EntryContext) => {
    const list = roots.get(label) ?? []
    for (const ref of refs) list.push({ ref, from })
    roots.set(label, list)
  }
  addRoots('main', manifest.requirements, manifest.context)
  for (const [group, refs] of manifest.groups) addRoots(group, refs, manifest.context)
  for (const pkg of packages) {
    if (!isProject(pkg)) continue
    addRoots('main', pkg.dependencies, pkg.context)
    for (const [extra, refs] of pkg.optional) addRoots(extra, refs, pkg.context)
    for (const [group, refs] of pkg.dev) addRoots(group, refs, pkg.context)
  }
  const graph = resolveGraph(packages, roots)
  const labels = labelReachable(graph)
  const conditions = installConditions(graph)
  const installed = packages.map(
    (pkg, index) =>
      !isProject(pkg) && conditions.holds(index, marker => markers.applies(marker, pkg.context))
  )
  const requires = requiredNames(packages, installed)

  packages.forEach((pkg, index) => {
    if (!installed[index]) return
    const reason = skipReason(pkg.source)
    if (reason !== undefined) {
      builder.addSkipped(pkg.displayName, pkg.version, reason, pkg.context.line)
    } else if (pkg.version === undefined) {
      throw toml.entryError(pkg.context, "missing 'version'")
    } else {
      const marker = conditions.marker(index)
      builder.addDependency(pkg.displayName, pkg.version, pkg.context.line, labels[index], marker)
    }
  })
  const result = builder.build()
  const edges = (dep: Dependency) => [...(requires.get(`${dep.name}@${dep.version}`) ?? [])]
  return { ...result, dependencies: result.dependencies.map(d => ({ ...d, dependsOn: edges(d) })) }
}

/**
 * Names each package may require, by name@version: `dependencies` and every extra's (an edge is
 * "may require"). By name only: where uv pins one of several locked versions, a report resolves
 * the name to all of them. No edge to the project, nor to itself (an extra pulling in extras),
 * nor to a package the target does not install. `installed`: by index, the packages reported.
 */
function requiredNames(packages: UvPackage[], installed: readonly boolean[]) {
  const kept = packages.filter((_, index) => installed[index])
  const reported = new Set(kept.map(pkg => pkg.name))
  const requires = new Map<string, Set<string>>()
  for (const pkg of kept) {
    const names = requires.get(`${pkg.name}@${pkg.version}`) ?? new Set<string>()
    for (const ref of [...pkg.dependencies, ...[...pkg.optional.values()].flat()]) {
      if (ref.name !== pkg.name && reported.has(ref.name)) names.add(ref.name)
    }
    requires.set(`${pkg.name}@${pkg.version}`, names)
  }
  return requires
}

function readPackage({ table: entry, name: displayName, context }: LockEntry): UvPackage {
  // uv omits the version of a source tree whose version is dynamic; a registry package always has one.
  const version = toml.optionalString(entry, 'version', context)
  const source = readSource(toml.optionalTable(entry, 'source', context), context)
  return {
    name: normalizeName(displayName),
    displayName,
    version,
    sourceKey: source && `${source.kind}=${source.value}`,
    source,
    context,
    dependencies: readRefs(toml.optionalArray(entry, 'dependencies', context), context),
    optional: readRefTable(toml.optionalTable(entry, 'optional-dependencies', context), context),
    dev: readRefTable(toml.optionalTable(entry, 'dev-dependencies', context), context)
  }
}

function readSource(table: TomlTable | undefined, context: EntryContext): UvSource | undefined {
  if (table === undefined) return undefined
  const sourceContext = { ...context, entry: `${context.entry} source` }
  for (const kind of SOURCE_KINDS) {
    const value = toml.optionalString(table, kind, sourceContext)
    if (value !== undefined) return { kind, value }
  }
  const keys = Object.keys(table).join(', ') || 'nothing'
  throw toml.entryError(sourceContext, `unknown source (${keys})`)
}

function readRefs(items: unknown[] | undefined, context: EntryContext): DependencyRef[] {
  return (items ?? []).map(item => {
    if (!toml.isTable(item)) throw toml.entryError(context, 'each dependency must be a table')
    const refContext = { ...context, entry: `${context.entry} dependency` }
    const source = readSource(toml.optionalTable(item, 'source', refContext), refContext)
    return {
      name: normalizeName(toml.requiredString(item, 'name', refContext)),
      version: toml.optionalString(item, 'version', refContext),
      sourceKey: source && `${source.kind}=${source.value}`,
      extras: toml.optionalStringArray(item, 'extra', refContext) ?? [],
      marker: lockMarkerText(toml.optionalString(item, 'marker', refContext))
    }
  })
}

function readRefTable(table: TomlTable | undefined, context: EntryContext) {
  const refs = new Map<string, DependencyRef[]>()
  for (const [label, items] of Object.entries(table ?? {})) {
    if (!Array.isArray(items))
      throw toml.entryError(context, `'${label}' must be an array of tables`)
    refs.set(label, readRefs(items, context))
  }
  return refs
}

/** `[manifest]`: workspace members, and the roots of a lock without a project (scripts, PEP 735 only). */
function readManifest(document: TomlTable, file: string) {
  const context: EntryContext = { file, line: 0, entry: '[manifest]' }
  const manifest = toml.optionalTable(document, 'manifest', context) ?? {}
  const members = toml.optionalStringArray(manifest, 'members', context)
  return {
    context,
    members: members && new Set(members.map(normalizeName)),
    requirements: readRefs(toml.optionalArray(manifest, 'requirements', context), context),
    groups: readRefTable(toml.optionalTable(manifest, 'dependency-groups', context), context)
  }
}

/**
 * Every edge resolved once to the packages it may mean (a dangling one fails the read, reachable
 * or not); root edges by label.
 */
function resolveGraph(
  packages: UvPackage[],
  roots: Map<string, RootRef[]>
): UvGraph & { byLabel: Map<string, UvEdge[]> } {
  const byName = new Map<string, number[]>()
  packages.forEach((pkg, index) => {
    const list = byName.get(pkg.name)
    if (list) list.push(index)
    else byName.set(pkg.name, [index])
  })
  const resolve = (ref: DependencyRef, from: EntryContext): UvEdge => {
    const targets = (byName.get(ref.name) ?? []).filter(index => {
      const candidate = packages[index]!
      if (ref.version !== undefined && candidate.version !== ref.version) return false
      return ref.sourceKey === undefined || candidate.sourceKey === ref.sourceKey
    })
    if (targets.length > 0) {
      return {
        targets,
        extras: ref.extras,
        ...(ref.marker !== undefined && { marker: ref.marker })
      }
    }
    const wanted = ref.version === undefined ? ref.name : `${ref.name} ${ref.version}`
    throw toml.entryError(from, `depends on '${wanted}', which is not in the lock file`)
  }
  const edges = packages.map(pkg => pkg.dependencies.map(ref => resolve(ref, pkg.context)))
  const extraEdges = packages.map(pkg => {
    const byExtra = new Map<string, UvEdge[]>()
    for (const [extra, refs] of pkg.optional) {
      byExtra.set(
        extra,
        refs.map(ref => resolve(ref, pkg.context))
      )
    }
    return byExtra
  })
  const byLabel = new Map<string, UvEdge[]>()
  for (const [label, rootRefs] of roots)
    byLabel.set(
      label,
      rootRefs.map(({ ref, from }) => resolve(ref, from))
    )
  return { roots: [...byLabel.values()].flat(), edges, extraEdges, byLabel }
}

/**
 * The labels (groups) under which each package is reachable from the roots: a depth-first walk
 * per label over package nodes and (package, extra) nodes, each visited once: O(labels x graph).
 * Markers play no part: a group is where a package is declared, not where it is installed.
 */
function labelReachable(graph: ReturnType<typeof resolveGraph>): string[][] {
  const { edges, extraEdges } = graph
  const labels = edges.map((): string[] => [])
  for (const [label, rootEdges] of graph.byLabel) {
    const visited = new Uint8Array(edges.length)
    const visitedExtras = new Set<string>()
    const stack = [...rootEdges]
    while (stack.length > 0) {
      const edge = stack.pop()!
      for (const index of edge.targets) {
        if (visited[index] === 0) {
          visited[index] = 1
          labels[index]!.push(label)
          for (const next of edges[index]!) stack.push(next)
        }
        for (const extra of edge.extras) {
          const key = `${index}[${extra}]`
          if (visitedExtras.has(key)) continue
          visitedExtras.add(key)
          for (const next of extraEdges[index]!.get(extra) ?? []) stack.push(next)
        }
      }
    }
  }
  return labels
}

/** The project: the lock's own directory, or any workspace member. */
function projectTest(members: Set<string> | undefined) {
  return (pkg: UvPackage): boolean => {
    const kind = pkg.source?.kind
    if (kind !== 'editable' && kind !== 'virtual') return false
    return pkg.source!.value === '.' || members?.has(pkg.name) === true
  }
}

function skipReason(source: UvSource | undefined): string | undefined {
  // Any index, PyPI or not (and no source at all): the release is published under this name and
  // version, so its advisories apply.
  if (source === undefined) return undefined
  switch (source.kind) {
    case 'registry':
      return undefined
    case 'git': {
      const { url, revision } = splitGitSource(source.value)
      return notAReleaseReason('git', url, revision)
    }
    case 'editable':
      return notAReleaseReason('editable directory', source.value)
    case 'virtual':
      return notAReleaseReason('virtual directory', source.value)
    default:
      return notAReleaseReason(source.kind, source.value)
  }
}

/** uv writes `https://host/repo?rev=main#<commit>`: the fragment is the locked commit. */
function splitGitSource(value: string): { url: string; revision?: string } {
  const [beforeFragment, fragment] = value.split('#', 2) as [string, string | undefined]
  const [url, query] = beforeFragment.split('?', 2) as [string, string | undefined]
  const requested = query && /(?:^|&)(?:rev|tag|branch)=([^&]*)/.exec(query)?.[1]
  return { url: redactUrl(url), revision: fragment || requested || undefined }
}
