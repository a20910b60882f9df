/**
 * The package-health stage for the engine, in two steps so the requests go out first: ask the
 * indexes about every pinned name and version (`askPackageIndexes`, which needs nothing but
 * the pins), then, with the subjects' declared digests read meanwhile, find the issues and
 * drop the ones `package-check-ignore` accepts (`judgePackageHealth`). `auditPackageHealth`
 * does both. It starts no work the advisory lookup waits for, so the engine can run both at
 * once (one signal aborting both when either fails).
 */
import { findPackageIssues, type PackageCheckOptions } from './checks.js'
import {
  applyPackageCheckIgnores,
  type PackageCheckIgnoreRule,
  type PackageIgnoreOutcome
} from './ignore.js'
import { healthQueries, lookUpPackageIndexes, type IndexLookupOptions } from './look-up.js'
import type { HealthSubject, IndexLookup } from './types.js'

export interface PackageJudgeOptions extends PackageCheckOptions {
  packageCheckIgnore?: readonly PackageCheckIgnoreRule[]
  /** YYYY-MM-DD (UTC), for the ignore rules' expiry. */
  today: string
}

export interface PackageHealthOptions extends IndexLookupOptions, PackageJudgeOptions {}

export interface PackageHealthResult extends PackageIgnoreOutcome {
  /** What the indexes said, per name: what a cache would keep. */
  lookups: IndexLookup[]
}

/** What the indexes say about every name of `pins` (each with the versions pinned for it). */
export function askPackageIndexes(
  pins: readonly Pick<HealthSubject, 'name' | 'version'>[],
  options: IndexLookupOptions
): Promise<IndexLookup[]> {
  return lookUpPackageIndexes(healthQueries(pins), options)
}

/** The issues `lookups` show for `subjects`, less those an ignore rule accepts. */
export function judgePackageHealth(
  subjects: readonly HealthSubject[],
  lookups: IndexLookup[],
  options: PackageJudgeOptions
): PackageHealthResult {
  const issues = findPackageIssues(subjects, lookups, options)
  return {
    lookups,
    ...applyPackageCheckIgnores(issues, options.packageCheckIgnore ?? [], options.today)
  }
}

export async function auditPackageHealth(
  subjects: readonly HealthSubject[],
  options: PackageHealthOptions
): Promise<PackageHealthResult> {
  return judgePackageHealth(subjects, await askPackageIndexes(subjects, options), options)
}
