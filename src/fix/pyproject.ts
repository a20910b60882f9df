/**
 * Fixing declarations in a pyproject.toml: PEP 621 `dependencies` and `optional-dependencies`,
 * PEP 735 `[dependency-groups]`, and Poetry's `dependencies`, `dev-dependencies` and groups
 * (a constraint string, or a table's `version`). The document is parsed to find each string and
 * its position, then only the version text inside the string literal is replaced: the rest of
 * the file, formatting and comments included, is never re-serialised.
 *
 * `pins`: the file is what was audited, and an exact pin of the vulnerable version is the pin to
 * fix. `declared`: a lockfile beside it was audited, and what the file declares is a range the
 * lockfile's resolver must respect (an exact pin included): it is said to admit or exclude the
 * fix, and changed only when ranges may be widened.
 */
import { normalizeName } from '../deps/names.js'
import { parseRequirement, RequirementSyntaxError } from '../deps/pep508.js'
import { isTable, parseToml, type TomlTable } from '../deps/toml-file.js'
import { pathKey, valuePositions, type KeyPath } from '../deps/toml-positions.js'
import { applyEdits, bomLength, lineStarts, offsetAt } from './edits.js'
import { changeSpecifier, specifierSpan, type SpecifierSyntax } from './specifier.js'
import type { FilePlan } from './requirements.js'
import type { FixNote, FixTarget, FixedDeclaration, TextEdit } from './types.js'

export type PyprojectFixMode = 'pins' | 'declared'

/** One declaration string of the document: where it is, what it says, how to read it. */
interface TomlDeclaration {
  keys: KeyPath
  /** PEP 503 name. */
  name: string
  value: string
  syntax: SpecifierSyntax
}

const POETRY_SECTION_KEYS = ['dependencies', 'dev-dependencies'] as const

export function planPyprojectFix(
  text: string,
  file: string,
  targets: readonly FixTarget[],
  options: { mode: PyprojectFixMode; widen: boolean }
): FilePlan {
  const base = bomLength(text)
  const content = text.slice(base)
  const fixed: FixedDeclaration[] = []
  const notes: FixNote[] = []
  let document: TomlTable
  try {
    document = parseToml(content, file)
  } catch {
    const notes = targets.map(target => noteFor(target, file, 0, 'needs-hand', 'invalid TOML'))
    return { text, edits: [], fixed, notes: options.mode === 'pins' ? notes : [] }
  }
  const positions = valuePositions(content)
  const starts = lineStarts(content, /\n/)
  const declarations = declarationsOf(document)
  const edits: TextEdit[] = []
  for (const target of uniqueTargets(targets)) {
    let found = false
    for (const declaration of declarations.filter(entry => entry.name === target.name)) {
      const position = positions.get(pathKey(declaration.keys))
      const line = position?.line ?? 0
      const note = (kind: FixNote['kind'], detail: string, constraint?: string): void => {
        found = true
        notes.push(noteFor(target, file, line, kind, detail, constraint))
      }
      const literal = position && literalAt(content, offsetAt(starts, line, position.column))
      if (!literal || content.slice(literal.start, literal.end) !== declaration.value) {
        note('needs-hand', 'its string is written with escapes or across lines')
        continue
      }
      const region = regionOf(declaration)
      if (typeof region === 'string') continue // a URL or another project: not a version to fix
      const specifier = declaration.value.slice(region.start, region.end)
      const change = changeSpecifier(
        specifier,
        declaration.syntax,
        target.version,
        target.fixVersion,
        {
          pinsAreFixed: options.mode === 'pins',
          widen: options.widen
        }
      )
      const range = `'${specifier.trim() || '*'}'`
      switch (change.kind) {
        case 'other-pin':
          continue
        case 'unreadable':
          note('needs-hand', `its version constraint cannot be rewritten: ${change.reason}`)
          continue
        case 'admits':
          note('range-admits', `${range} admits it`)
          continue
        case 'excludes':
          note(
            'range-excludes',
            `${range} excludes it; fix: ranges widens it`,
            constraintFor(declaration, target)
          )
          continue
      }
      found = true
      const at = literal.start + base + region.start
      edits.push({ start: at + change.start, end: at + change.end, text: change.text })
      fixed.push({
        kind: change.widened ? 'range' : 'pin',
        name: target.name,
        version: target.version,
        fixVersion: target.fixVersion,
        before: specifier,
        after: specifier.slice(0, change.start) + change.text + specifier.slice(change.end),
        location: { file, line }
      })
    }
    if (!found && options.mode === 'pins') {
      notes.push(
        noteFor(
          target,
          file,
          0,
          'needs-hand',
          `no declaration of ${target.name}==${target.version} found`
        )
      )
    }
  }
  return { text: applyEdits(text, edits), edits, fixed, notes }
}

function noteFor(
  target: FixTarget,
  file: string,
  line: number,
  kind: FixNote['kind'],
  detail: string,
  constraint?: string
): FixNote {
  return {
    kind,
    name: target.name,
    version: target.version,
    fixVersion: target.fixVersion,
    location: { file, line },
    detail,
    ...(constraint ? { constraint } : {})
  }
}

/** One target per name and version: a pin declared in several groups is fixed in each. */
function uniqueTargets(targets: readonly FixTarget[]): FixTarget[] {
  const seen = new Map<string, FixTarget>()
  for (const target of targets) seen.set(`${target.name}@${target.version}`, target)
  return [...seen.values()]
}

/** The specifier within a declaration's string; a reason when it has none to fix. */
function regionOf(declaration: TomlDeclaration): { start: number; end: number } | string {
  const { value } = declaration
  if (declaration.syntax === 'poetry') {
    const start = value.length - value.trimStart().length
    return { start, end: value.trimEnd().length }
  }
  let requirement
  try {
    requirement = parseRequirement(value)
  } catch (error) {
    if (!(error instanceof RequirementSyntaxError)) throw error
    return 'not a requirement'
  }
  if (requirement.url !== undefined) return 'a URL'
  return specifierSpan(value, requirement)
}

/** What to declare instead, in the declaration's own syntax. */
function constraintFor(declaration: TomlDeclaration, target: FixTarget): string {
  return declaration.syntax === 'poetry'
    ? `${target.name} = ">=${target.fixVersion}"`
    : `${target.name}>=${target.fixVersion}`
}

/** The body of the string literal whose opening quote is at `offset` (offsets in `text`). */
function literalAt(
  text: string,
  offset: number | undefined
): { start: number; end: number } | undefined {
  if (offset === undefined) return undefined
  const quote = text.charAt(offset)
  if (quote !== '"' && quote !== "'") return undefined
  // A multi-line string drops its first line break: its body is not the value as written.
  if (text.startsWith(quote.repeat(3), offset)) return undefined
  const start = offset + 1
  const end = text.indexOf(quote, start)
  if (end === -1) return undefined
  return { start, end }
}

/** Every string that declares a dependency, with its key path. */
function declarationsOf(document: TomlTable): TomlDeclaration[] {
  const found: TomlDeclaration[] = []
  const pep508 = (value: unknown, keys: KeyPath): void => {
    if (typeof value !== 'string') return
    try {
      const name = parseRequirement(value).normalizedName
      found.push({ keys, name, value, syntax: 'pep440' })
    } catch (error) {
      if (!(error instanceof RequirementSyntaxError)) throw error
    }
  }
  const list = (value: unknown, keys: KeyPath): void => {
    if (Array.isArray(value)) value.forEach((item, index) => pep508(item, [...keys, index]))
  }
  const project = tableAt(document, 'project')
  list(project?.dependencies, ['project', 'dependencies'])
  for (const [extra, items] of Object.entries(tableAt(project, 'optional-dependencies') ?? {})) {
    list(items, ['project', 'optional-dependencies', extra])
  }
  for (const [group, items] of Object.entries(tableAt(document, 'dependency-groups') ?? {})) {
    list(items, ['dependency-groups', group])
  }
  const poetry = tableAt(tableAt(document, 'tool'), 'poetry')
  const sections: Array<[TomlTable | undefined, KeyPath]> = POETRY_SECTION_KEYS.map(key => [
    tableAt(poetry, key),
    ['tool', 'poetry', key]
  ])
  for (const [group, config] of Object.entries(tableAt(poetry, 'group') ?? {})) {
    const table = isTable(config) ? tableAt(config, 'dependencies') : undefined
    sections.push([table, ['tool', 'poetry', 'group', group, 'dependencies']])
  }
  for (const [table, keys] of sections) {
    for (const [key, value] of Object.entries(table ?? {})) {
      const name = normalizeName(key)
      if (name === 'python') continue
      const add = (constraint: unknown, at: KeyPath): void => {
        if (typeof constraint === 'string')
          found.push({ keys: at, name, value: constraint, syntax: 'poetry' })
      }
      if (typeof value === 'string') add(value, [...keys, key])
      else if (isTable(value)) add(value.version, [...keys, key, 'version'])
      else if (Array.isArray(value)) {
        value.forEach((item, index) => {
          if (isTable(item)) add(item.version, [...keys, key, index, 'version'])
        })
      }
    }
  }
  return found
}

function tableAt(table: TomlTable | undefined, key: string): TomlTable | undefined {
  const value = table?.[key]
  return isTable(value) ? value : undefined
}
