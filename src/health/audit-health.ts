/**
 * The package-health stage in one call, for the engine: ask the indexes about every pinned
 * name, find the issues, and drop the ones `package-check-ignore` accepts. It starts no work
 * the advisory lookup waits for, so the engine can run both at once (Promise.all, one signal
 * aborting both when either fails).
 */
import { findPackageIssues, type PackageCheckOptions } from './checks.js'
import {
  applyPackageCheckIgnores,
  type PackageCheckIgnoreRule,
  type PackageIgnoreOutcome
} from './ignore.js'
import { healthQueries, lookUpPackageIndexes, type IndexLookupOptions } from './look-up.js'
import type { HealthSubject, IndexLookup } from './types.js'

export interface PackageHealthOptions extends IndexLookupOptions, PackageCheckOptions {
  packageCheckIgnore?: readonly PackageCheckIgnoreRule[]
  /** YYYY-MM-DD (UTC), for the ignore rules' expiry. */
  today: string
}

export interface PackageHealthResult extends PackageIgnoreOutcome {
  /** What the indexes said, per name: what a cache would keep. */
  lookups: IndexLookup[]
}

export async function auditPackageHealth(
  subjects: readonly HealthSubject[],
  options: PackageHealthOptions
): Promise<PackageHealthResult> {
  const lookups = await lookUpPackageIndexes(healthQueries(subjects), options)
  const issues = findPackageIssues(subjects, lookups, options)
  return {
    lookups,
    ...applyPackageCheckIgnores(issues, options.packageCheckIgnore ?? [], options.today)
  }
}
