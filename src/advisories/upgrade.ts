/**
 * The upgrade to recommend for a vulnerable package: the smallest version above the current
 * one that none of the given advisories affects, worked out from the advisories' ranges
 * (recommendedVersion), or where they name no clean version, from the releases the package
 * index offers, when it was asked (recommendedRelease; this module asks nothing itself).
 *
 * How complete the answer is depends on the records passed in:
 * - the offline database gives every advisory of the package (OfflineDatabase.recordsFor), so
 *   a recommended version is clean of every advisory the database knows;
 * - an online feed only returns the advisories that affect the current version. A fix for
 *   those can still be affected by an advisory that does not affect the current version
 *   (introduced later). This module cannot see that; the pipeline asks the feed about each
 *   answer before any report names it (src/pipeline/verify-upgrades.ts), and passes what it
 *   learns back in: the new records, and the versions that are `excluded` (affected, unknown
 *   to the index, yanked).
 */
import { createHash } from 'node:crypto'
import { normalizeName } from '../deps/names.js'
import { listedBoundsOf } from './listed-bounds.js'
import { affects, markRangesCovering } from './match.js'
import type { OsvRecord, PackageVersion } from './osv.js'
import { compareVersions, equalityKey, isPep440, isPrerelease } from './version-order.js'

/**
 * The smallest version above `version` that no record in `records` affects, or null when no
 * clean version is known ("no fix known") or `version` is not PEP 440 (nothing is "above" it).
 *
 * Candidates are the `fixed` and `limit` bounds of the package's ranges (GIT ranges excepted:
 * their bounds are commits), in PEP 440 order. What is deliberately not a candidate:
 * - the release after a `last_affected` bound: the schema says nothing about which release
 *   comes next, and a guessed number (say, the next patch) might never have been published.
 *   If no other advisory's `fixed` lies above it, the answer is null;
 * - `versions` entries: every version a record lists is one that record affects.
 *
 * Pre-releases: a stable current version is offered a pre-release (or dev release) only when
 * no stable candidate is clean, because a recommendation should be something a project can
 * ship; when a pre-release is the only fix known, that is still better than "no fix known". A
 * current version that is itself a pre-release takes candidates in plain PEP 440 order.
 *
 * `excluded` versions are never the answer, whatever the records say: versions the feed said
 * are affected, releases the index does not have or has yanked (see withoutVersions).
 */
export function recommendedVersion(
  name: string,
  version: string,
  records: readonly OsvRecord[],
  excluded: Iterable<string> = []
): string | null {
  if (!isPep440(version)) return null
  const wanted = normalizeName(name)
  const live = records.filter(record => record.withdrawn == null)
  const candidates = withoutVersions(upgradeCandidates(live, wanted, version), excluded)
  return smallestClean(version, live, wanted, candidates)
}

/**
 * Where recommendedVersion finds nothing (a range closed by `last_affected`, a record that
 * lists its versions, fixes the index lacks): the smallest of `releases` (what the package
 * index offers) above `version` that no record affects, by the same pre-release rule; null
 * when none is. The index says which release came after a `last_affected` bound, where the
 * records alone would have to guess. The answer is a candidate: the feed is asked about it.
 */
export function recommendedRelease(
  name: string,
  version: string,
  records: readonly OsvRecord[],
  releases: readonly string[],
  excluded: Iterable<string> = []
): string | null {
  if (!isPep440(version)) return null
  const above = releases.filter(
    release => isPep440(release) && compareVersions(release, version) > 0
  )
  const live = records.filter(record => record.withdrawn == null)
  return smallestClean(
    version,
    live,
    normalizeName(name),
    withoutVersions(sortedDistinct(above), excluded)
  )
}

/**
 * The first of `candidates` (ascending, no two PEP 440 equal) that no record affects; a
 * pre-release only when no final release is clean, unless `version` is one itself.
 */
function smallestClean(
  version: string,
  live: readonly OsvRecord[],
  normalizedName: string,
  candidates: readonly string[]
): string | null {
  if (candidates.length === 0) return null
  const affected = candidatesAffected(live, normalizedName, candidates)
  const clean = candidates.filter((_, i) => !affected[i])
  const tiers = isPrerelease(version)
    ? [clean]
    : [clean.filter(c => !isPrerelease(c)), clean.filter(isPrerelease)]
  return tiers.find(tier => tier.length > 0)?.[0] ?? null
}

/**
 * For each of `candidates` (ascending, no two PEP 440 equal), whether any of `records`
 * affects it, as recordAffects would say: each record's ranges are laid over the candidates
 * at once (markRangesCovering) and each `versions` list is read once, where asking about
 * every pair cost a package with hundreds of advisories (tensorflow: ~350 records, ~40
 * candidates, ~25,000 listed versions) 10-30 ms.
 */
function candidatesAffected(
  records: readonly OsvRecord[],
  normalizedName: string,
  candidates: readonly string[]
): boolean[] {
  const affected = candidates.map(() => false)
  const indexOf = new Map(candidates.map((candidate, i) => [equalityKey(candidate), i]))
  // Whether the candidates are all among the bounds a list was described against (by the
  // last description seen: a package's lists share one).
  let bounds: ReadonlySet<string> | undefined
  let within = false
  for (const record of records) {
    // A record without `affected` spares no version (see recordAffects).
    if (record.affected == null) return candidates.map(() => true)
    for (const entry of record.affected) {
      const pkg = entry.package
      if (pkg?.ecosystem !== 'PyPI' || normalizeName(pkg.name) !== normalizedName) continue
      markRangesCovering(entry, candidates, affected)
      const versions = entry.versions ?? []
      const listed = versions.length === 0 ? undefined : listedBoundsOf(versions)
      if (listed !== undefined && listed.bounds !== bounds) {
        bounds = listed.bounds
        within = [...indexOf.keys()].every(key => listed.bounds.has(key))
      }
      const described = listed !== undefined && within
      for (const item of described ? listed.named : versions) {
        const at = indexOf.get(described ? item : equalityKey(item))
        if (at !== undefined) affected[at] = true
      }
    }
  }
  return affected
}

/**
 * Verified answers kept from earlier runs (the advisory cache keeps them): for a pin and the
 * fingerprint of the records that affect it, the upgrade the feed confirmed to be clean, or
 * null when no clean version was found. Nothing unverified is kept (see keepVerifiedUpgrade).
 */
export interface UpgradeAdviceStore {
  get(pin: PackageVersion, fingerprint: string): string | null | undefined
  /** `passed`: the versions the verification ruled out on the way, in order. */
  set(
    pin: PackageVersion,
    fingerprint: string,
    upgrade: string | null,
    passed?: readonly string[]
  ): void
  /**
   * Every version the last verification for `pin` asked about, whatever the records: what a
   * warm run asks about beside its pins (only the feed's answers decide).
   */
  asked?(pin: PackageVersion): readonly string[]
}

/**
 * Bumped whenever the kept answers would mean something else for the same records, so that
 * answers kept by an older release are worked out again. 2: answers are verified with the feed
 * (revision 1 kept answers worked out from the current version's records alone).
 */
const ADVICE_REVISION = 2

/**
 * What recommendedVersion's answer depends on besides the pin: the records, each named by
 * id and `modified` (OSV changes `modified` with every change to a record).
 */
export function recordsFingerprint(records: readonly OsvRecord[]): string {
  const named = records.map(record => `${record.id}@${record.modified}`)
  // A pin's records are fingerprinted when its upgrade is first worked out, verified and kept;
  // JSON keeps ids holding the separator apart.
  const asListed = JSON.stringify(named)
  let fingerprint = fingerprints.get(asListed)
  if (fingerprint === undefined) {
    fingerprint = createHash('sha256')
      .update(`${ADVICE_REVISION}\n${named.sort().join('\n')}`)
      .digest('hex')
      .slice(0, 32)
    fingerprints.set(asListed, fingerprint)
  }
  return fingerprint
}

const fingerprints = new Map<string, string>()

/**
 * The candidate to verify first: the answer `store` kept for the same pin and the same records
 * when it stands up to them (see plausibleUpgrade), else recommendedVersion's. Nothing is kept
 * here: an answer is kept only once the feed has confirmed it (keepVerifiedUpgrade).
 *
 * The store lives in the cache directory, which other jobs may be able to write, so a kept
 * upgrade is used only when it stands up to the records of this run: a forged answer cannot
 * send a project to a version its advisories' ranges call vulnerable, and the verification
 * asks the feed about it again in every run.
 */
export function rememberedRecommendation(
  pin: PackageVersion,
  records: readonly OsvRecord[],
  store: UpgradeAdviceStore | undefined
): string | null {
  const known = store?.get(pin, recordsFingerprint(records))
  if (known !== undefined && plausibleUpgrade(pin, records, known)) return known
  return recommendedVersion(pin.name, pin.version, records)
}

/** The answer kept for `pin` and `records`, if any, unchecked: a version worth asking about. */
export function keptUpgrade(
  pin: PackageVersion,
  records: readonly OsvRecord[],
  store: UpgradeAdviceStore | undefined
): string | null | undefined {
  return store?.get(pin, recordsFingerprint(records))
}

/**
 * Keeps an answer the feed confirmed, under the records that affect the pinned version, with
 * the versions ruled out on the way (at most MAX_KEPT_PASSED, the last ones).
 */
export function keepVerifiedUpgrade(
  pin: PackageVersion,
  records: readonly OsvRecord[],
  upgrade: string | null,
  store: UpgradeAdviceStore | undefined,
  passed: readonly string[] = []
): void {
  store?.set(pin, recordsFingerprint(records), upgrade, passed.slice(-MAX_KEPT_PASSED))
}

/** What match-hints.ts accepts per pin. */
export const MAX_KEPT_PASSED = 8

/**
 * Whether a kept answer could be recommendedVersion's for these records: null ("no fix known"
 * sends no one to install anything), or a `fixed` or `limit` bound of the package's non-GIT
 * ranges, above the pinned version, that no live record's ranges include. The `versions` lists
 * are left out on purpose: reading them is what keeping answers saves, and PyPA draws its lists
 * from the same ranges.
 */
export function plausibleUpgrade(
  pin: PackageVersion,
  records: readonly OsvRecord[],
  upgrade: string | null
): boolean {
  if (upgrade === null) return true
  if (!isPep440(upgrade) || !isPep440(pin.version)) return false
  if (compareVersions(upgrade, pin.version) <= 0) return false
  const name = normalizeName(pin.name)
  let bound = false
  for (const record of records) {
    if (record.withdrawn != null) continue
    // A record without `affected` spares no version (see recordAffects).
    if (record.affected == null) return false
    for (const entry of record.affected) {
      const pkg = entry.package
      if (pkg?.ecosystem !== 'PyPI' || normalizeName(pkg.name) !== name) continue
      const ranges = entry.ranges ?? []
      if (affects({ ranges }, upgrade)) return false
      bound ||= ranges.some(
        range =>
          range.type !== 'GIT' && range.events.some(e => e.fixed === upgrade || e.limit === upgrade)
      )
    }
  }
  return bound
}

/**
 * The distinct `fixed` and `limit` versions above `version` in the package's non-GIT ranges,
 * sorted by PEP 440; of versions PEP 440 calls equal (`2.0`, `2.0.0`) the first seen is kept.
 */
export function upgradeCandidates(
  records: readonly OsvRecord[],
  normalizedName: string,
  version: string
): string[] {
  const found: string[] = []
  for (const record of records) {
    for (const affected of record.affected ?? []) {
      const pkg = affected.package
      if (pkg?.ecosystem !== 'PyPI' || normalizeName(pkg.name) !== normalizedName) continue
      for (const range of affected.ranges ?? []) {
        if (range.type === 'GIT') continue
        for (const event of range.events) {
          for (const bound of [event.fixed, event.limit]) {
            if (bound !== undefined && isPep440(bound) && compareVersions(bound, version) > 0) {
              found.push(bound)
            }
          }
        }
      }
    }
  }
  return sortedDistinct(found)
}

/** `versions` sorted by PEP 440, each once: of equal spellings, the first seen (in place). */
function sortedDistinct(versions: string[]): string[] {
  // Array.prototype.sort is stable, so the first spelling of equal versions stays first.
  versions.sort(compareVersions)
  return versions.filter((v, i) => i === 0 || compareVersions(versions[i - 1]!, v) !== 0)
}

/**
 * `candidates` without the versions PEP 440 calls equal to one of `excluded` (spelt any
 * way): releases the feed said are affected, or the package index does not have or has
 * yanked. Order is kept.
 */
export function withoutVersions(
  candidates: readonly string[],
  excluded: Iterable<string>
): string[] {
  const keys = new Set<string>()
  for (const version of excluded) keys.add(equalityKey(version))
  if (keys.size === 0) return [...candidates]
  return candidates.filter(candidate => !keys.has(equalityKey(candidate)))
}

/**
 * The newest `fixed` or `limit` bound above `version` in `records`, leaving out `excluded`
 * versions: what "newest fix" names when no clean version is found. Undefined when none.
 */
export function newestFix(
  name: string,
  version: string,
  records: readonly OsvRecord[],
  excluded: Iterable<string> = []
): string | undefined {
  if (!isPep440(version)) return undefined
  const live = records.filter(record => record.withdrawn == null)
  return withoutVersions(upgradeCandidates(live, normalizeName(name), version), excluded).at(-1)
}
