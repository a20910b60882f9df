/** The parts of the OSV schema (https://ossf.github.io/osv-schema/) this tool reads. */

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
