import { clean } from '@renovatebot/pep440'
import type { AdvisoryFeed, OsvRecord, PackageVersion } from '../advisories/osv.js'
import { dedupeAliases, toVulnerability, type Vulnerability } from '../advisories/vulnerability.js'
import type { Dependency, SkippedDependency, SourceResult } from '../deps/types.js'

/** One distinct name and version, with every place that declares it and what affects it. */
export interface AuditedPackage {
  name: string
  version: string
  declarations: Dependency[]
  vulnerabilities: Vulnerability[]
}

export interface AuditResult {
  feed: string
  sources: SourceResult[]
  /** Every distinct audited package, in first-declared order. */
  packages: AuditedPackage[]
  skipped: SkippedDependency[]
}

/**
 * Groups dependencies by name and version so each is looked up once, however many files
 * declare it, then turns the feed's records into pip-audit-style vulnerabilities.
 */
export async function lookUpAdvisories(
  sources: SourceResult[],
  feed: AdvisoryFeed
): Promise<AuditResult> {
  const packages = groupDependencies(sources.flatMap(source => source.dependencies))
  const queries: PackageVersion[] = packages.map(({ name, version }) => ({ name, version }))
  const records = await feed.lookup(queries)
  packages.forEach((pkg, index) => {
    pkg.vulnerabilities = takeVulnerabilities(records[index] ?? [], pkg.name)
  })
  return {
    feed: feed.name,
    sources,
    packages,
    skipped: sources.flatMap(source => source.skipped)
  }
}

/** The vulnerabilities `records` report for the package `name`, aliases merged. */
export function vulnerabilitiesOf(records: readonly OsvRecord[], name: string): Vulnerability[] {
  const found = records
    .map(record => toVulnerability(record, name))
    .filter((vuln): vuln is Vulnerability => vuln !== undefined)
  return dedupeAliases(found)
}

/**
 * Keeps what vulnerabilitiesOf gave for this very list of records, for the lookup that will
 * return it (a feed may hand a pin's records out early: first-upgrades.ts). Taken once.
 */
export function keepVulnerabilities(
  records: readonly OsvRecord[],
  name: string,
  vulnerabilities: Vulnerability[]
): void {
  readEarly.set(records, { name, vulnerabilities })
}

const readEarly = new WeakMap<
  readonly OsvRecord[],
  { name: string; vulnerabilities: Vulnerability[] }
>()

/** What the lookup read from each list of records, for a head start that came after it. */
const readByLookup = new WeakMap<
  readonly OsvRecord[],
  { name: string; vulnerabilities: Vulnerability[] }
>()

/**
 * The vulnerabilities the lookup read from `records` for `name`, when it has. A warm run's
 * answers come from the cache in the same turn as the lookup's end, before any head start:
 * reading them again then was all waste (1,300 vulnerabilities read twice, while a package
 * check's answers were awaited).
 */
export function readByTheLookup(
  records: readonly OsvRecord[],
  name: string
): Vulnerability[] | undefined {
  const read = readByLookup.get(records)
  return read?.name === name ? read.vulnerabilities : undefined
}

function takeVulnerabilities(records: readonly OsvRecord[], name: string): Vulnerability[] {
  const kept = readEarly.get(records)
  readEarly.delete(records)
  const vulnerabilities =
    kept?.name === name ? kept.vulnerabilities : vulnerabilitiesOf(records, name)
  readByLookup.set(records, { name, vulnerabilities })
  return vulnerabilities
}

export function groupDependencies(dependencies: Dependency[]): AuditedPackage[] {
  const byKey = new Map<string, AuditedPackage>()
  for (const dependency of dependencies) {
    const key = `${dependency.name}@${clean(dependency.version) ?? dependency.version}`
    const existing = byKey.get(key)
    if (existing) existing.declarations.push(dependency)
    else {
      byKey.set(key, {
        name: dependency.name,
        version: dependency.version,
        declarations: [dependency],
        vulnerabilities: []
      })
    }
  }
  return [...byKey.values()]
}
