/**
 * Poetry's declarations: `[tool.poetry.dependencies]` (the `python` key is the interpreter, not a
 * package), legacy `dev-dependencies` and `[tool.poetry.group.<g>.dependencies]`, each value a
 * constraint string, a table (`version`, `extras`, `markers`, `python`, `platform`, `optional`,
 * `source`, or a `git` / `path` / `file` / `url` source) or an array of tables, turned into PEP 508
 * strings pip accepts (constraints by poetry-constraint.ts).
 *
 * With a static `[project]` list, as in poetry-core, Poetry's main entries only enrich the
 * `[project]` requirement of the same name (a git/path/url source, or a narrower version), and a
 * Poetry group only enriches the PEP 735 group of the same name; enrichment's marker intersection is
 * not applied. Without one (Poetry 1.x style) they are the declarations, and an optional main entry
 * listed in `[tool.poetry.extras]` belongs to those extras.
 */
import { pathToFileURL } from 'node:url'
import path from 'node:path'
import { normalizeName } from './names.js'
import {
  PoetryDeclarationError,
  poetryConstraintToPep440,
  pythonConstraintToMarker
} from './poetry-constraint.js'
import type { Declarations } from './pyproject-declarations.js'
import { isTable, type TomlTable } from './toml-file.js'
import { notAReleaseReason } from './source-builder.js'
import type { KeyPath } from './toml-positions.js'

/** A Poetry declaration as written, for callers that want more than the PEP 508 string. */
export interface PoetryDependencyInfo {
  constraint?: string
  extras?: string[]
  markers?: string
  python?: string
  platform?: string
  optional?: boolean
  /** A named `[[tool.poetry.source]]`: still a package index, so still audited. */
  source?: string
  git?: string
  branch?: string
  tag?: string
  rev?: string
  subdirectory?: string
  path?: string
  file?: string
  url?: string
  develop?: boolean
}

export interface PoetryDeclaration {
  info: PoetryDependencyInfo
  /** PEP 508, e.g. `requests[socks]>=2.31,<3.0; python_version >= "3.8"`. */
  raw: string
  /** Set when the package does not come from an index: why it cannot be audited. */
  notFromIndex?: string
}

const INFO_KEYS: Record<string, 'string' | 'boolean' | 'strings'> = {
  version: 'string',
  extras: 'strings',
  markers: 'string',
  python: 'string',
  platform: 'string',
  optional: 'boolean',
  source: 'string',
  git: 'string',
  branch: 'string',
  tag: 'string',
  rev: 'string',
  subdirectory: 'string',
  path: 'string',
  file: 'string',
  url: 'string',
  develop: 'boolean'
}

/** One declaration per constraint: a key holds a string, a table, or an array of tables. */
export function poetryDeclarations(
  name: string,
  value: unknown,
  projectDir: string
): Array<{ index?: number; declaration: PoetryDeclaration }> {
  if (Array.isArray(value)) {
    return value.map((item, index) => ({ index, declaration: declaration(name, item, projectDir) }))
  }
  return [{ declaration: declaration(name, value, projectDir) }]
}

function declaration(name: string, value: unknown, projectDir: string): PoetryDeclaration {
  const info = readInfo(value)
  const extras = info.extras?.length ? `[${info.extras.join(',')}]` : ''
  const markers = markerOf(info)
  const direct = directReference(info, projectDir)
  // PEP 508 needs a space between a URL and the ';' of its marker.
  if (direct) {
    const raw = `${name}${extras} @ ${direct.url}${markers ? ` ; ${markers}` : ''}`
    return { info, raw, notFromIndex: direct.reason }
  }
  const specifier = poetryConstraintToPep440(info.constraint ?? '*')
  return { info, raw: `${name}${extras}${specifier}${markers ? `; ${markers}` : ''}` }
}

function readInfo(value: unknown): PoetryDependencyInfo {
  if (typeof value === 'string') return { constraint: value }
  if (!isTable(value)) throw new PoetryDeclarationError('must be a version string or a table')
  const info: Record<string, unknown> = {}
  for (const [key, kind] of Object.entries(INFO_KEYS)) {
    const field = value[key]
    if (field === undefined) continue
    const ok =
      kind === 'strings'
        ? Array.isArray(field) && field.every(item => typeof item === 'string')
        : typeof field === kind
    if (!ok) {
      const expected = kind === 'strings' ? 'an array of strings' : `a ${kind}`
      throw new PoetryDeclarationError(`'${key}' must be ${expected}`)
    }
    info[key === 'version' ? 'constraint' : key] = field
  }
  return info as PoetryDependencyInfo
}

function directReference(info: PoetryDependencyInfo, projectDir: string) {
  const fragment = info.subdirectory ? `#subdirectory=${info.subdirectory}` : ''
  if (info.git !== undefined) {
    const revision = info.rev ?? info.tag ?? info.branch
    // pip wants `git+ssh://git@host/path` where Poetry also takes scp-like `git@host:path`.
    const scp = /^([\w.-]+@[\w.-]+):(?!\/\/)(.*)$/.exec(info.git)
    const base = scp ? `ssh://${scp[1]}/${scp[2]}` : info.git
    const url = `${base.startsWith('git+') ? '' : 'git+'}${base}${revision ? `@${revision}` : ''}${fragment}`
    return { url, reason: notAReleaseReason('git', info.git, revision) }
  }
  const local = info.path ?? info.file
  if (local !== undefined) {
    const url = pathToFileURL(path.resolve(projectDir, local)).href + fragment
    return { url, reason: notAReleaseReason(info.develop ? 'editable directory' : 'path', local) }
  }
  if (info.url !== undefined)
    return { url: info.url + fragment, reason: notAReleaseReason('url', info.url) }
  return undefined
}

function markerOf(info: PoetryDependencyInfo): string {
  const parts: string[] = []
  if (info.markers) parts.push(info.markers)
  const python = info.python === undefined ? '' : pythonConstraintToMarker(info.python)
  if (python) parts.push(python)
  if (info.platform) parts.push(`sys_platform == "${info.platform}"`)
  return parts.length > 1 ? parts.map(part => `(${part})`).join(' and ') : (parts[0] ?? '')
}

export interface PoetryContext {
  /** `[project]` lists the main dependencies statically: Poetry's main entries only enrich them. */
  projectListsMain: boolean
  /** Normalised names of the non-empty PEP 735 groups: a Poetry group of that name only enriches. */
  pep735Groups: Set<string>
}

/** `[tool.poetry.dependencies]`, legacy `dev-dependencies` and `[tool.poetry.group.<g>.dependencies]`. */
export function readPoetrySections(
  value: unknown,
  declarations: Declarations,
  context: PoetryContext
) {
  const poetry = declarations.table(value, ['tool', 'poetry']) ?? {}
  const mainKeys = ['tool', 'poetry', 'dependencies']
  const main = declarations.table(poetry.dependencies, mainKeys)
  if (main) {
    const extrasOf = extrasListing(declarations.table(poetry.extras, ['tool', 'poetry', 'extras']))
    const groupsOf = (name: string) => {
      const entry = main[name]
      const optional = isTable(entry) && entry.optional === true
      const extras = optional ? extrasOf(name) : []
      return extras.length > 0 ? extras : ['main']
    }
    const enrich = context.projectListsMain ? 'project' : undefined
    addSection(main, mainKeys, groupsOf, enrich, declarations)
  }
  const devKeys = ['tool', 'poetry', 'dev-dependencies']
  const dev = declarations.table(poetry['dev-dependencies'], devKeys)
  if (dev) addSection(dev, devKeys, () => ['dev'], undefined, declarations)
  const groups = declarations.table(poetry.group, ['tool', 'poetry', 'group']) ?? {}
  for (const [group, config] of Object.entries(groups)) {
    const groupTable = declarations.table(config, ['tool', 'poetry', 'group', group])
    const keys = ['tool', 'poetry', 'group', group, 'dependencies']
    const table = declarations.table(groupTable?.dependencies, keys)
    if (!table) continue
    const enrich = context.pep735Groups.has(normalizeName(group)) ? 'dependency-groups' : undefined
    addSection(table, keys, () => [group], enrich, declarations)
  }
}

/** The extras that list a name, in the order `[tool.poetry.extras]` has them; indexed once. */
function extrasListing(extras: TomlTable | undefined) {
  const byName = new Map<string, string[]>()
  for (const [extra, names] of Object.entries(extras ?? {})) {
    if (!Array.isArray(names)) continue
    for (const listed of new Set(
      names.filter(item => typeof item === 'string').map(normalizeName)
    )) {
      const listing = byName.get(listed)
      if (listing) listing.push(extra)
      else byName.set(listed, [extra])
    }
  }
  return (name: string): string[] => byName.get(normalizeName(name)) ?? []
}

function addSection(
  table: TomlTable,
  keys: string[],
  groupsOf: (name: string) => string[],
  /** Declare the entries, or only enrich the `[project]` or PEP 735 declarations of their names. */
  enrichOnly: 'project' | 'dependency-groups' | undefined,
  declarations: Declarations
): void {
  for (const [name, value] of Object.entries(table)) {
    if (normalizeName(name) === 'python') continue // the interpreter, not a package
    const groups = groupsOf(name)
    let entries
    try {
      entries = poetryDeclarations(name, value, declarations.projectDir)
    } catch (error) {
      if (!(error instanceof PoetryDeclarationError)) throw error
      if (!error.inexpressible)
        declarations.fail([...keys, name], `${[...keys, name].join('.')}: ${error.message}`)
      if (enrichOnly) continue
      const requirement = { name, normalizedName: normalizeName(name), extras: [], specifier: '' }
      const line = declarations.at([...keys, name]).line
      const unsupported = `Poetry ${error.message}: not audited (use poetry.lock)`
      declarations.add({ requirement, raw: '', line, groups, origin: 'poetry', unsupported })
      continue
    }
    for (const { index, declaration } of entries) {
      const entryKeys = index === undefined ? [...keys, name] : [...keys, name, index]
      if (enrichOnly) {
        enrich(declarations, enrichOnly, entryKeys, name, groups, declaration)
        continue
      }
      declarations.add({
        requirement: declarations.requirement(declaration.raw, entryKeys),
        raw: declaration.raw,
        line: declarations.at(entryKeys).line,
        groups,
        origin: 'poetry',
        poetry: declaration.info,
        notFromIndex: declaration.notFromIndex
      })
    }
  }
}

/**
 * poetry-core's enrichment of a `[project]` / PEP 735 requirement by the Poetry entry of the same
 * name: a git/path/url source replaces the index; a version constraint narrows the specifier.
 */
function enrich(
  declarations: Declarations,
  origin: 'project' | 'dependency-groups',
  keys: KeyPath,
  name: string,
  groups: string[],
  declaration: PoetryDeclaration
): void {
  for (const target of declarations.named(normalizeName(name))) {
    if (target.requirement.url !== undefined) continue
    // Poetry's main group is all of [project]; another group is the PEP 735 group of its name.
    if (target.origin !== origin) continue
    if (origin === 'dependency-groups' && !target.groups.some(g => groups.includes(g))) continue
    target.poetry = declaration.info
    if (declaration.notFromIndex !== undefined) {
      target.raw = declaration.raw
      target.requirement = declarations.requirement(declaration.raw, keys)
      target.notFromIndex = declaration.notFromIndex
    } else if (declaration.info.constraint !== undefined) {
      const { name: written, extras, specifier, marker } = target.requirement
      const narrowed = [specifier, poetryConstraintToPep440(declaration.info.constraint)]
        .filter(Boolean)
        .join(',')
      const raw = `${written}${extras.length ? `[${extras.join(',')}]` : ''}${narrowed}${marker ? `; ${marker}` : ''}`
      target.raw = raw
      target.requirement = declarations.requirement(raw, keys)
    }
  }
}
