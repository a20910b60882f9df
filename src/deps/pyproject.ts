/**
 * pyproject.toml declarations: PEP 621 `[project] dependencies` and `optional-dependencies`, PEP 735
 * `[dependency-groups]` (with `{include-group = "..."}`), and Poetry's (pyproject-poetry.ts). Each
 * comes back as a PEP 508 string pip accepts (`raw`) for a resolver; in `source` an exact pin is a
 * Dependency, anything else skipped.
 *
 * Groups: main for `[project] dependencies` and Poetry's main group, the extra's name for an
 * optional dependency, the group's name otherwise. A PEP 735 group's requirements also belong to
 * the groups that include it; a requirement in several groups is labelled main if any is main,
 * else with the group names joined (`lint,test`).
 */
import path from 'node:path'
import { ParseError } from '../shared/errors.js'
import { dependencyGroupsReason, markerComparisonsReason, MAX_DEPENDENCY_GROUPS } from './limits.js'
import { normalizeMarkerText } from './marker-text.js'
import {
  evaluateMarker,
  MarkerComparisons,
  MarkerLimitError,
  type PartialMarkerEnvironment
} from './markers.js'
import { normalizeName } from './names.js'
import { pinnedVersion, RequirementSyntaxError, type Requirement } from './pep508.js'
import { Declarations, type DeclarationOrigin, type Declared } from './pyproject-declarations.js'
import { readPoetrySections, type PoetryDependencyInfo } from './pyproject-poetry.js'
import { directUrlReason, pickGroup, SourceResultBuilder } from './source-builder.js'
import { fileReader, isTable, parseToml, shownPath, type ReadOptions } from './toml-file.js'
import type { Location, SourceResult } from './types.js'

export const UNPINNED_PYPROJECT_REASON =
  'not pinned to an exact version (use a lockfile or resolve: pip)'

export interface PyprojectRequirement {
  requirement: Requirement
  /** PEP 508 as pip accepts it (Poetry constraints converted, e.g. `^1.2` to `>=1.2,<2.0`). */
  raw: string
  location: Location
  group: string
  origin: DeclarationOrigin
  /** The Poetry declaration as written, for Poetry entries (and `[project]` ones it enriches). */
  poetry?: PoetryDependencyInfo
}

export interface PyprojectResult {
  source: SourceResult
  requirements: PyprojectRequirement[]
}

export interface PyprojectOptions extends ReadOptions {
  /**
   * The target the audit is narrowed to: requirements whose marker is false for it are left out
   * of `source`, as pip would. Undefined: every requirement counts whatever its marker.
   */
  markerEnvironment?: PartialMarkerEnvironment
}

export const readPyproject = fileReader(parsePyproject)

/** Reads a pyproject.toml already in memory; `absolutePath` is where it came from. */
export function parsePyproject(
  text: string,
  absolutePath: string,
  options?: PyprojectOptions
): PyprojectResult {
  const file = shownPath(absolutePath, options)
  const document = parseToml(text, file)
  const declarations = new Declarations(file, text, path.dirname(absolutePath))

  const project = declarations.table(document.project, ['project']) ?? {}
  if (project.dependencies !== undefined) {
    const keys = ['project', 'dependencies']
    declarations.array(project.dependencies, keys).forEach((item, index) => {
      declarations.addPep508(item, [...keys, index], ['main'], 'project')
    })
  }
  const optionalKeys = ['project', 'optional-dependencies']
  const optional = declarations.table(project['optional-dependencies'], optionalKeys) ?? {}
  for (const [extra, items] of Object.entries(optional)) {
    declarations.array(items, [...optionalKeys, extra]).forEach((item, index) => {
      declarations.addPep508(item, [...optionalKeys, extra, index], [extra], 'project', extra)
    })
  }
  const pep735 = readDependencyGroups(document['dependency-groups'], declarations)

  const dynamic = Array.isArray(project.dynamic) ? project.dynamic : []
  const tool = declarations.table(document.tool, ['tool'])
  readPoetrySections(tool?.poetry, declarations, {
    // poetry-core: a static [project] list makes [tool.poetry.dependencies] enrichment only.
    projectListsMain:
      (project.dependencies !== undefined || Object.keys(optional).length > 0) &&
      !dynamic.includes('dependencies') &&
      !dynamic.includes('optional-dependencies'),
    pep735Groups: pep735
  })
  return toResult(declarations.list, absolutePath, file, options?.markerEnvironment)
}

/**
 * PEP 735 groups; returns the normalised names of the non-empty ones. An include of a group that
 * does not exist, or a cycle of includes, is a ParseError at the include.
 */
function readDependencyGroups(value: unknown, declarations: Declarations): Set<string> {
  const table = declarations.table(value, ['dependency-groups']) ?? {}
  const groups = new Map<string, { name: string; items: unknown[]; index: number }>()
  for (const [name, items] of Object.entries(table)) {
    groups.set(normalizeName(name), {
      name,
      items: declarations.array(items, ['dependency-groups', name]),
      index: groups.size
    })
  }
  if (groups.size > MAX_DEPENDENCY_GROUPS)
    declarations.fail(['dependency-groups'], dependencyGroupsReason())
  const includes = (normalized: string) => {
    const { name, items } = groups.get(normalized)!
    return items.flatMap((item, index) => {
      if (!isTable(item)) return []
      const keys = ['dependency-groups', name, index]
      const target = item['include-group']
      if (typeof target !== 'string' || Object.keys(item).length !== 1) {
        return declarations.fail(
          keys,
          `dependency group '${name}': a table entry must be {include-group = "<group>"}`
        )
      }
      if (!groups.has(normalizeName(target))) {
        return declarations.fail(
          keys,
          `dependency group '${name}' includes '${target}', which is not defined`
        )
      }
      return [{ target: normalizeName(target), keys }]
    })
  }
  // Depth-first over includes, without recursion: a group met again on the path closes a cycle.
  const includedBy = new Map<string, string[]>()
  /** Each group after every group it includes. */
  const finished: string[] = []
  const done = new Set<string>()
  for (const root of groups.keys()) {
    if (done.has(root)) continue
    const path = [{ group: root, edges: includes(root), next: 0 }]
    const onPath = new Set([root])
    while (path.length > 0) {
      const top = path[path.length - 1]!
      const edge = top.edges[top.next++]
      if (edge === undefined) {
        done.add(top.group)
        finished.push(top.group)
        onPath.delete(top.group)
        path.pop()
        continue
      }
      const parents = includedBy.get(edge.target)
      if (parents) parents.push(top.group)
      else includedBy.set(edge.target, [top.group])
      if (onPath.has(edge.target)) {
        const from = path.findIndex(step => step.group === edge.target)
        const cycle = [...path.slice(from).map(step => step.group), edge.target].join(' -> ')
        declarations.fail(edge.keys, `dependency groups include each other in a cycle: ${cycle}`)
      }
      if (!done.has(edge.target)) {
        path.push({ group: edge.target, edges: includes(edge.target), next: 0 })
        onPath.add(edge.target)
      }
    }
  }
  const labels = groupLabels(groups, includedBy, finished)
  for (const [normalized, { name, items }] of groups) {
    items.forEach((item, index) => {
      if (!isTable(item))
        declarations.addPep508(
          item,
          ['dependency-groups', name, index],
          labels(normalized),
          'dependency-groups'
        )
    })
  }
  return new Set(
    [...groups].filter(([, group]) => group.items.length > 0).map(([normalized]) => normalized)
  )
}

/**
 * A group's own name and the names of every group that includes it, directly or not. Computed
 * once for all groups as bit sets, includers before what they include (`finished` reversed):
 * the union over an include costs a word per 32 groups, so dense includes stay cheap.
 */
function groupLabels(
  groups: Map<string, { name: string; index: number }>,
  includedBy: Map<string, string[]>,
  finished: string[]
): (normalized: string) => string[] {
  const words = Math.ceil(groups.size / 32)
  const closures = new Map<string, Uint32Array>()
  for (let at = finished.length - 1; at >= 0; at--) {
    const group = finished[at]!
    const closure = new Uint32Array(words)
    const own = groups.get(group)!.index
    closure[own >> 5]! |= 1 << (own & 31)
    for (const parent of includedBy.get(group) ?? []) {
      const theirs = closures.get(parent)!
      for (let word = 0; word < words; word++) closure[word]! |= theirs[word]!
    }
    closures.set(group, closure)
  }
  const names = [...groups.values()].map(group => group.name)
  const labels = new Map<string, string[]>()
  return normalized => {
    let list = labels.get(normalized)
    if (list === undefined) {
      const closure = closures.get(normalized)!
      const own = groups.get(normalized)!
      list = [own.name]
      for (let index = 0; index < names.length; index++) {
        if (index !== own.index && closure[index >> 5]! & (1 << (index & 31)))
          list.push(names[index]!)
      }
      labels.set(normalized, list)
    }
    return list
  }
}

function toResult(
  declared: Declared[],
  absolutePath: string,
  file: string,
  environment: PartialMarkerEnvironment | undefined
): PyprojectResult {
  const builder = new SourceResultBuilder(absolutePath, 'pyproject')
  const requirements: PyprojectRequirement[] = []
  const comparisons = new MarkerComparisons()
  // Requirements of one group share its labels array: pick its group once.
  const groupsPicked = new Map<readonly string[], string>()
  const groupOf = (groups: readonly string[]): string => {
    let group = groupsPicked.get(groups)
    if (group === undefined) {
      group = pickGroup(groups) ?? 'main'
      groupsPicked.set(groups, group)
    }
    return group
  }
  for (const entry of declared) {
    const { requirement, line } = entry
    if (entry.unsupported !== undefined) {
      builder.addSkipped(requirement.name, undefined, entry.unsupported, line)
      continue
    }
    requirements.push({
      requirement,
      raw: entry.raw,
      location: { file: absolutePath, line },
      group: groupOf(entry.groups),
      origin: entry.origin,
      ...(entry.poetry && { poetry: entry.poetry })
    })
    if (requirement.marker && !markerApplies(entry, environment, file, comparisons)) continue
    const reason =
      entry.notFromIndex ??
      (requirement.url === undefined ? undefined : directUrlReason(requirement.url))
    const version = reason === undefined ? pinnedVersion(requirement.specifier) : undefined
    const marker = requirement.marker ? normalizeMarkerText(requirement.marker) : undefined
    if (version !== undefined)
      builder.addDependency(requirement.name, version, line, entry.groups, marker)
    else builder.addSkipped(requirement.name, undefined, reason ?? UNPINNED_PYPROJECT_REASON, line)
  }
  return { source: builder.build(), requirements }
}

/** Whether the entry's marker holds for the target; always without one (the marker still checked). */
function markerApplies(
  entry: Declared,
  environment: PartialMarkerEnvironment | undefined,
  file: string,
  comparisons: MarkerComparisons
): boolean {
  const position = { file, ...(entry.line > 0 && { line: entry.line }) }
  try {
    const marker = entry.requirement.marker!
    const applies = evaluateMarker(marker, environment ?? {}, entry.extra ?? '', comparisons)
    return environment === undefined || applies
  } catch (error) {
    if (error instanceof MarkerLimitError) throw new ParseError(position, markerComparisonsReason())
    if (!(error instanceof RequirementSyntaxError)) throw error
    throw new ParseError(position, `invalid marker in '${entry.raw}': ${error.message}`)
  }
}
