/**
 * Where ignore rules come from, in this order (the first matching rule's reason is shown):
 *
 * 1. the `ignore-vulns` input: one advisory id per line, optionally `# reason` after it;
 * 2. our own config: the file named by the `config` input, else `.pyaudit.toml` in the working
 *    directory, else `[tool.pyaudit]` in its pyproject.toml (both at once is an error: edits
 *    to the one we do not read would silently do nothing). `[[ignore]]` entries take `id`,
 *    `reason` (required: an accepted risk needs a written justification), `until` (a TOML
 *    date or a "YYYY-MM-DD" string), `package` and `version`. Unknown keys are errors: a
 *    misspelt `until` or `package` would make an ignore permanent or global.
 * 3. `osv-scanner.toml` in the working directory, always (`config` does not replace it): its
 *    `[[IgnoredVulns]]` (`id`, `ignoreUntil`, `reason`) as osv-scanner reads them; its other
 *    keys (PackageOverrides...) are not ours and are left alone.
 *
 * Package-health findings are accepted the same way: the `package-check-ignore` input (read
 * with the other inputs) and `[[package-check-ignore]]` entries of our config, with `package`
 * (a name, or name==version), `version`, `reason` (required) and `until`.
 *
 * This module parses the files; ignore-files.ts finds and reads them.
 */
import { valid } from '@renovatebot/pep440'
import { TomlDate } from 'smol-toml'
import { describeType, isTable, parseToml, type TomlTable } from '../deps/toml-file.js'
import { normalizeName } from '../deps/names.js'
import { ParseError } from '../shared/errors.js'
import { parsePackageRule, type PackageCheckIgnoreRule } from '../health/ignore.js'
import { isAdvisoryId, type IgnoreRule } from './ignores.js'

/** Top-level keys of our config; extend it when the config grows, anything else is an error. */
export const CONFIG_KEYS: readonly string[] = ['ignore', 'package-check-ignore']
const IGNORE_KEYS = ['id', 'reason', 'until', 'package', 'version']
const PACKAGE_IGNORE_KEYS = ['package', 'version', 'reason', 'until']
const PACKAGE_NAME = /^([A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9])$/

/** Our config as read: its table (the file's, or `[tool.pyaudit]`), text, file and key prefix. */
export interface OwnConfig {
  table: TomlTable
  text: string
  file: string
  prefix: string
}

export function dotFileConfig(text: string, file: string): OwnConfig {
  return { table: parseToml(text, file), text, file, prefix: '' }
}

export function pyprojectConfig(text: string, file: string): OwnConfig | undefined {
  const tool = parseToml(text, file).tool
  if (!isTable(tool) || tool.pyaudit === undefined) return undefined
  if (!isTable(tool.pyaudit)) {
    throw new ParseError(
      { file },
      `'tool.pyaudit' must be a table, not ${describeType(tool.pyaudit)}`
    )
  }
  return { table: tool.pyaudit, text, file, prefix: 'tool.pyaudit.' }
}

/** A `.pyaudit.toml` (or a file named by the `config` input). */
export function parsePyauditConfig(text: string, file: string): IgnoreRule[] {
  return readOwnTable(dotFileConfig(text, file))
}

/** The `[tool.pyaudit]` table of a pyproject.toml; undefined when it has none. */
export function parsePyprojectConfig(text: string, file: string): IgnoreRule[] | undefined {
  const own = pyprojectConfig(text, file)
  return own === undefined ? undefined : readOwnTable(own)
}

/** The `[[package-check-ignore]]` entries of a `.pyaudit.toml` (or `[tool.pyaudit]`). */
export function parsePackageCheckIgnoreConfig(
  text: string,
  file: string,
  pyproject = false
): PackageCheckIgnoreRule[] {
  const own = pyproject ? pyprojectConfig(text, file) : dotFileConfig(text, file)
  return own === undefined ? [] : readPackageIgnores(own)
}

export function readOwnTable(own: OwnConfig): IgnoreRule[] {
  checkOwnKeys(own)
  const { table, text, file, prefix } = own
  return entriesOf(table, 'ignore', text, file, prefix).map(entry => readOwnEntry(entry))
}

export function readPackageIgnores(own: OwnConfig): PackageCheckIgnoreRule[] {
  checkOwnKeys(own)
  const { table, text, file, prefix } = own
  return entriesOf(table, 'package-check-ignore', text, file, prefix).map(readPackageIgnoreEntry)
}

function checkOwnKeys({ table, text, file, prefix }: OwnConfig): void {
  for (const key of Object.keys(table)) {
    if (CONFIG_KEYS.includes(key)) continue
    throw new ParseError(
      { file, ...uniqueLine(text, prefix + key) },
      `unknown key ${quote(prefix + key)} (expected: ${CONFIG_KEYS.join(', ')})`
    )
  }
}

/** osv-scanner's `[[IgnoredVulns]]`; every other key of its file is ignored. */
export function parseOsvScannerConfig(text: string, file: string): IgnoreRule[] {
  return entriesOf(parseToml(text, file), 'IgnoredVulns', text, file, '').map(entry => {
    const id = requiredString(entry, 'id').trim()
    const reason = optionalString(entry, 'reason')?.trim()
    const until =
      entry.table.ignoreUntil === undefined ? undefined : untilDate(entry, 'ignoreUntil', true)
    return { id, ...(reason ? { reason } : {}), ...(until ? { until } : {}), origin: entry.origin }
  })
}

function readOwnEntry(entry: Entry): IgnoreRule {
  for (const key of Object.keys(entry.table)) {
    if (!IGNORE_KEYS.includes(key)) {
      fail(entry, key, `unknown key ${quote(key)} (expected one of: ${IGNORE_KEYS.join(', ')})`)
    }
  }
  const id = requiredString(entry, 'id').trim()
  if (!isAdvisoryId(id))
    fail(entry, 'id', `${quote(id)} is not an advisory id (like GHSA-…, PYSEC-…, CVE-…)`)
  const reason = requiredString(entry, 'reason').trim()
  const until = entry.table.until === undefined ? undefined : untilDate(entry, 'until', false)
  const name = optionalString(entry, 'package')?.trim()
  if (name !== undefined && !PACKAGE_NAME.test(name))
    fail(entry, 'package', `${quote(name)} is not a package name`)
  const version = optionalString(entry, 'version')?.trim()
  if (version !== undefined && valid(version) === null) {
    fail(entry, 'version', `${quote(version)} is not an exact version (like 2.31.0)`)
  }
  if (version !== undefined && name === undefined)
    fail(entry, 'version', `'version' needs 'package'`)
  return {
    id,
    reason,
    ...(until ? { until } : {}),
    ...(name ? { package: normalizeName(name) } : {}),
    ...(version ? { version } : {}),
    origin: entry.origin
  }
}

/**
 * `package = "name"` or `"name==version"`, or `version` beside it; the same rule text as the
 * package-check-ignore input. The reason is required, as for advisory ignores.
 */
function readPackageIgnoreEntry(entry: Entry): PackageCheckIgnoreRule {
  for (const key of Object.keys(entry.table)) {
    if (!PACKAGE_IGNORE_KEYS.includes(key)) {
      const expected = PACKAGE_IGNORE_KEYS.join(', ')
      fail(entry, key, `unknown key ${quote(key)} (expected one of: ${expected})`)
    }
  }
  const named = parsePackageRule(requiredString(entry, 'package'))
  if ('error' in named) return fail(entry, 'package', named.error)
  let target: { name: string; version?: string } = named
  const version = optionalString(entry, 'version')?.trim()
  if (version !== undefined) {
    if (named.version !== undefined) {
      fail(entry, 'version', `give the version once: in 'package' (name==version) or in 'version'`)
    }
    const versioned = parsePackageRule(`${named.name}==${version}`)
    if ('error' in versioned) return fail(entry, 'version', versioned.error)
    target = versioned
  }
  const reason = requiredString(entry, 'reason').trim()
  const until = entry.table.until === undefined ? undefined : untilDate(entry, 'until', false)
  return { ...target, reason, ...(until ? { until } : {}), origin: entry.origin }
}

/**
 * A date as YYYY-MM-DD. Ours takes a TOML local date or a "YYYY-MM-DD" string. osv-scanner's
 * also takes a date-time, as Go's TOML decoder turns any of them into a time.Time: the entry
 * stops applying at that instant, so it expires on the instant's UTC date (up to a day early,
 * never late); a local date-time is taken as UTC, the time zone of GitHub's runners.
 */
function untilDate(entry: Entry, key: string, acceptDateTime: boolean): string {
  const value = entry.table[key]
  if (value instanceof TomlDate && (value.isDate() || (acceptDateTime && value.isDateTime()))) {
    return new Date(value.getTime()).toISOString().slice(0, 10)
  }
  if (typeof value === 'string') {
    const text = value.trim()
    if (isCalendarDate(text)) return text
    // RFC 3339 with an offset, as Go's time.Time reads a string (and never the local zone).
    const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i
    const instant = acceptDateTime && rfc3339.test(text) ? Date.parse(text) : NaN
    if (!Number.isNaN(instant)) return new Date(instant).toISOString().slice(0, 10)
  }
  const expected = acceptDateTime ? 'a date or date-time' : 'a date like 2026-12-01'
  const found =
    typeof value === 'string'
      ? quote(value)
      : value instanceof TomlDate && !value.isDate()
        ? `a ${value.isTime() ? 'time of day' : 'date-time'}`
        : describeType(value)
  return fail(entry, key, `'${key}' must be ${expected}, not ${found}`)
}

function isCalendarDate(text: string): boolean {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T00:00:00Z`) : undefined
  return date !== undefined && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text)
}

/** One `[[key]]` entry, with where it was written so errors and origins can point at it. */
interface Entry {
  table: TomlTable
  file: string
  /** 1-based line of its header; 0 when unknown (entries written as an inline array). */
  line: number
  /** The document's lines, to find the line of a key inside the entry. */
  lines: string[]
  name: string
  origin: string
}

function entriesOf(
  table: TomlTable,
  key: string,
  text: string,
  file: string,
  prefix: string
): Entry[] {
  const value = table[key]
  if (value === undefined) return []
  if (!Array.isArray(value) || !value.every(isTable)) {
    throw new ParseError(
      { file },
      `'${prefix}${key}' must be an array of tables, not ${describeType(value)}`
    )
  }
  const lines = text.split(/\r?\n/)
  const header = new RegExp(
    `^\\s*\\[\\[\\s*${(prefix + key).replaceAll('.', '\\s*\\.\\s*')}\\s*\\]\\]\\s*(#.*)?$`
  )
  const found = lines.flatMap((line, index) => (header.test(line) ? [index + 1] : []))
  // Only trust the header lines when there is one per entry: never point at a wrong line.
  const known = found.length === value.length
  return (value as TomlTable[]).map((entry, index) => {
    const line = known ? found[index]! : 0
    return {
      table: entry,
      file,
      line,
      lines,
      name: `[[${prefix}${key}]] entry ${index + 1}`,
      origin: line ? `${file}:${line}` : file
    }
  })
}

function requiredString(entry: Entry, key: string): string {
  const value = optionalString(entry, key)
  if (value === undefined || value.trim() === '') return fail(entry, key, `missing '${key}'`)
  return value
}

function optionalString(entry: Entry, key: string): string | undefined {
  const value = entry.table[key]
  if (value === undefined || typeof value === 'string') return value
  return fail(entry, key, `'${key}' must be a string, not ${describeType(value)}`)
}

/** A ParseError at the key's line inside the entry when it can be found, else at the entry. */
function fail(entry: Entry, key: string, detail: string): never {
  let position: { line?: number; column?: number } = entry.line ? { line: entry.line } : {}
  if (entry.line) {
    const keyPattern = new RegExp(
      `^(\\s*)(${escapeRegExp(key)}|"${escapeRegExp(key)}"|'${escapeRegExp(key)}')\\s*=`
    )
    for (let index = entry.line; index < entry.lines.length; index++) {
      const text = entry.lines[index]!
      if (/^\s*\[/.test(text)) break
      const match = keyPattern.exec(text)
      if (match) {
        position = { line: index + 1, column: match[1]!.length + 1 }
        break
      }
    }
  }
  throw new ParseError({ file: entry.file, ...position }, `${entry.name}: ${detail}`)
}

/** The line that defines a dotted key, as a header or an assignment, if exactly one does. */
function uniqueLine(text: string, dottedKey: string): { line?: number } {
  const last = escapeRegExp(dottedKey.split('.').at(-1)!)
  const full = escapeRegExp(dottedKey).replaceAll('\\.', '\\s*\\.\\s*')
  const pattern = new RegExp(`^\\s*(\\[\\[?\\s*${full}\\s*[\\].]|${last}\\s*[=.])`)
  const lines = text
    .split(/\r?\n/)
    .flatMap((line, index) => (pattern.test(line) ? [index + 1] : []))
  return lines.length === 1 ? { line: lines[0] } : {}
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Quotes untrusted text for a message, control characters escaped: one line, always. */
function quote(text: string): string {
  return JSON.stringify(text)
}
