/**
 * The declarations of one pyproject.toml as they are read: each with its PEP 508 form, line and
 * groups; plus positions, typed access and errors placed at the right line.
 */
import { ParseError } from '../shared/errors.js'
import { checkFileDependencyCount } from './limits.js'
import { parseRequirement, RequirementSyntaxError, type Requirement } from './pep508.js'
import type { PoetryDependencyInfo } from './pyproject-poetry.js'
import { describeType, isTable, type TomlTable } from './toml-file.js'
import { pathKey, valuePositions, type KeyPath, type ValuePosition } from './toml-positions.js'

export type DeclarationOrigin = 'project' | 'dependency-groups' | 'poetry'

export interface Declared {
  requirement: Requirement
  raw: string
  line: number
  groups: string[]
  origin: DeclarationOrigin
  /** For an optional dependency: the extra, which its marker may test. */
  extra?: string
  poetry?: PoetryDependencyInfo
  /** Why it cannot be audited when it does not come from an index. */
  notFromIndex?: string
  /** A declaration that has no PEP 508 form (a Poetry "or"): only skipped. */
  unsupported?: string
}

/** Positions, typed access and errors for one document; collects what it declares. */
export class Declarations {
  readonly list: Declared[] = []
  private readonly byName = new Map<string, Declared[]>()
  private readonly positions: Map<string, ValuePosition>

  constructor(
    readonly file: string,
    text: string,
    readonly projectDir: string
  ) {
    this.positions = valuePositions(text)
  }

  /** Declares one more, refusing the file past MAX_DEPENDENCIES (before the next is read). */
  add(declared: Declared): void {
    this.list.push(declared)
    const name = declared.requirement.normalizedName
    const same = this.byName.get(name)
    if (same) same.push(declared)
    else this.byName.set(name, [declared])
    checkFileDependencyCount(this.list.length, {
      file: this.file,
      ...(declared.line > 0 && { line: declared.line })
    })
  }

  /** The declarations of one (normalised) name, in the order they were declared. */
  named(normalizedName: string): readonly Declared[] {
    return this.byName.get(normalizedName) ?? []
  }

  at(keys: KeyPath): ValuePosition {
    return this.positions.get(pathKey(keys)) ?? { line: 0, column: 0 }
  }

  fail(keys: KeyPath, detail: string, column?: number): never {
    const { line } = this.at(keys)
    throw new ParseError({ file: this.file, ...(line > 0 && { line, column }) }, detail)
  }

  table(value: unknown, keys: KeyPath): TomlTable | undefined {
    if (value === undefined || isTable(value)) return value
    return this.fail(keys, `${keys.join('.')} must be a table, not ${describeType(value)}`)
  }

  array(value: unknown, keys: KeyPath): unknown[] {
    if (Array.isArray(value)) return value
    return this.fail(keys, `${keys.join('.')} must be an array, not ${describeType(value)}`)
  }

  /** parseRequirement; a syntax error in a string as written is placed at its column. */
  requirement(raw: string, keys: KeyPath, asWritten = false): Requirement {
    try {
      return parseRequirement(raw)
    } catch (error) {
      if (!(error instanceof RequirementSyntaxError)) throw error
      const column = asWritten ? this.at(keys).column + error.column : undefined
      const shown = raw.length > 200 ? `${raw.slice(0, 200)}...` : raw
      return this.fail(keys, `invalid requirement '${shown}': ${error.message}`, column)
    }
  }

  addPep508(
    value: unknown,
    keys: KeyPath,
    groups: string[],
    origin: DeclarationOrigin,
    extra?: string
  ) {
    if (typeof value !== 'string') {
      this.fail(keys, `${keys.join('.')} must be a PEP 508 string, not ${describeType(value)}`)
    }
    const requirement = this.requirement(value, keys, true)
    this.add({ requirement, raw: value, line: this.at(keys).line, groups, origin, extra })
  }
}
