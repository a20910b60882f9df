/** The parts of the OSV schema (https://ossf.github.io/osv-schema/) this tool reads. */
import { major, valid } from '@renovatebot/pep440'
import { isObject, isStringList } from '../shared/json-shape.js'
import { excerpt } from '../shared/text.js'

export interface OsvEvent {
  introduced?: string
  fixed?: string
  last_affected?: string
  limit?: string
}

export interface OsvRange {
  type: 'ECOSYSTEM' | 'SEMVER' | 'GIT' | string
  repo?: string
  events: OsvEvent[]
}

export interface OsvAffected {
  package?: { ecosystem: string; name: string; purl?: string }
  ranges?: OsvRange[]
  versions?: string[]
  ecosystem_specific?: Record<string, unknown>
  database_specific?: Record<string, unknown>
}

export interface OsvSeverity {
  type: string
  score: string
}

export interface OsvReference {
  type: string
  url: string
}

export interface OsvRecord {
  schema_version?: string
  id: string
  modified: string
  published?: string
  withdrawn?: string
  aliases?: string[]
  related?: string[]
  summary?: string
  details?: string
  severity?: OsvSeverity[]
  affected?: OsvAffected[]
  references?: OsvReference[]
  database_specific?: Record<string, unknown>
}

/** One exact package version to look up. `name` is PEP 503 normalised. */
export interface PackageVersion {
  name: string
  version: string
}

/**
 * A source of advisories. `lookup` answers for every query, in order, with the full
 * records that affect it (withdrawn ones excluded). It throws FeedError when any lookup
 * fails after retries: a feed never answers "nothing" for something it could not check.
 */
export interface AdvisoryFeed {
  /** Human-readable name used in logs and errors, e.g. "OSV API (https://api.osv.dev)". */
  readonly name: string
  lookup(packages: readonly PackageVersion[]): Promise<OsvRecord[][]>
  /** Releases connections or files, so the process can exit as soon as the work is done. */
  close?(): Promise<void>
}

/** A record as the OSV service sent it, read as far as it can be trusted. */
export interface ReadRecord {
  record: OsvRecord
  /** What was left out and why, e.g. `"aliases" is not a list of strings`; empty when whole. */
  unreadable: string[]
}

/**
 * Reads a record the service sent for `id` (already checked to be its id). Each field this
 * tool reads must have the type declared above; one that does not is left out rather than
 * half-read, and an `affected` list with any malformed part is left out whole (a partial
 * list could yield the wrong fix versions). A record of a schema major other than 1 keeps
 * only what is shown to the reader (its texts and aliases): what its other fields mean is not
 * known to this version, so no severity and no fix is read from it. `modified` falls back to
 * `listedModified`, the date the service listed the record with. A whole record is returned
 * as it is (the same object).
 */
export function readOsvRecord(
  value: Readonly<Record<string, unknown>>,
  id: string,
  listedModified: string
): ReadRecord {
  const unreadable: string[] = []
  const kept: Record<string, unknown> = { id }
  const keep = (field: string, ok: (v: unknown) => boolean, problem: string): void => {
    const v = value[field]
    if (v === undefined || v === null) return
    if (ok(v)) kept[field] = v
    else unreadable.push(`"${field}" ${problem}`)
  }
  const schema = value.schema_version
  const known = schema == null || (typeof schema === 'string' && isSupportedSchemaVersion(schema))
  if (!known) unreadable.push(`schema_version ${describeValue(schema)} is not 1.x`)
  if (typeof value.modified === 'string') kept.modified = value.modified
  else {
    kept.modified = listedModified
    unreadable.push('"modified" is not a string')
  }
  for (const field of ['summary', 'details', 'published']) keep(field, isString, 'is not text')
  keep('aliases', isStringList, 'is not a list of strings')
  if (known) {
    if (schema != null) kept.schema_version = schema
    keep('withdrawn', isString, 'is not text')
    keep('related', isStringList, 'is not a list of strings')
    keep('severity', isSeverityList, 'is not a list of {type, score}')
    keep('references', isReferenceList, 'is not a list of {type, url}')
    keep('database_specific', isObject, 'is not an object')
    const problem = value.affected == null ? undefined : affectedProblem(value.affected)
    if (problem === undefined) keep('affected', () => true, '')
    else unreadable.push(problem)
  }
  if (unreadable.length === 0) return { record: value as unknown as OsvRecord, unreadable }
  return { record: kept as unknown as OsvRecord, unreadable }
}

/**
 * pip-audit reads records whose `schema_version` (absent means 1.0.0) has major 1; a value
 * that is not a version at all (pip-audit would crash on it) is not supported either.
 */
export function isSupportedSchemaVersion(schema: string): boolean {
  let supported = supportedSchemas.get(schema)
  if (supported === undefined) {
    supported = valid(schema) !== null && major(schema) === 1
    supportedSchemas.set(schema, supported)
  }
  return supported
}

/** A run meets a handful of schema versions, each on hundreds of records. */
const supportedSchemas = new Map<string, boolean>()

const EVENT_BOUNDS = ['introduced', 'fixed', 'last_affected', 'limit']

/** The first part of an `affected` list that matching and fix versions could not read. */
function affectedProblem(affected: unknown): string | undefined {
  if (!Array.isArray(affected)) return '"affected" is not a list'
  for (const [i, entry] of affected.entries()) {
    const at = `affected[${i}]`
    if (!isObject(entry)) return `${at} is not an object`
    const pkg = entry.package
    if (
      pkg != null &&
      !(isObject(pkg) && isString(pkg.ecosystem) && isString(pkg.name) && textOrNull(pkg.purl))
    ) {
      return `${at}.package needs "ecosystem" and "name" text`
    }
    if (entry.versions != null && !isStringList(entry.versions)) {
      return `${at}.versions is not a list of strings`
    }
    for (const field of ['ecosystem_specific', 'database_specific']) {
      if (entry[field] != null && !isObject(entry[field])) return `${at}.${field} is not an object`
    }
    if (entry.ranges == null) continue
    if (!Array.isArray(entry.ranges)) return `${at}.ranges is not a list`
    for (const [j, range] of entry.ranges.entries()) {
      const events = isObject(range) && isString(range.type) ? range.events : undefined
      const readable =
        Array.isArray(events) &&
        events.every(event => isObject(event) && EVENT_BOUNDS.every(b => optional(event[b])))
      if (!readable) return `${at}.ranges[${j}] needs a "type" and a list of text "events"`
    }
  }
  return undefined
}

function isSeverityList(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.every(entry => isObject(entry) && isString(entry.type) && isString(entry.score))
  )
}

function isReferenceList(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.every(entry => isObject(entry) && isString(entry.type) && isString(entry.url))
  )
}

function isString(value: unknown): value is string {
  return typeof value === 'string'
}

/** Absent, or text: `undefined` only, since the matcher tests event bounds `=== undefined`. */
function optional(value: unknown): boolean {
  return value === undefined || typeof value === 'string'
}

function textOrNull(value: unknown): boolean {
  return value == null || typeof value === 'string'
}

/** A short, one-line rendering of an untrusted value for a warning. */
function describeValue(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(excerpt(value, 40)) : `of type ${typeof value}`
}
