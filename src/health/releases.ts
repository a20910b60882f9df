/**
 * Which releases the package indexes offer, from the answers the health checks already have
 * (one request per name and index, no more): what a recommended upgrade must be. A version is
 * offered when an index that serves the project lists it and has not yanked every file of it.
 *
 * Most pins are never asked about (only those with advisories have upgrades to check), so a
 * name's version list is read on the first question about it that is not answered by the
 * version's own spelling, and kept for the next.
 */
import { normalizeProjectName } from './filenames.js'
import type { IndexLookup } from './types.js'
import { versionKey } from './version-key.js'

/**
 * Whether the indexes offer `version` of `name`: true or false, or undefined when they cannot
 * tell (the name was not looked up, no index serves it, or no answer gave version lists).
 */
export type OfferedRelease = (name: string, version: string) => boolean | undefined

export function offeredReleases(lookups: readonly IndexLookup[]): OfferedRelease {
  const byName = byNormalizedName(lookups)
  // Per name read so far: the keys of its offered versions, or null when none can be told.
  const offered = new Map<string, Set<string> | null>()
  return (name, version) => {
    const normalized = normalizeProjectName(name)
    let keys = offered.get(normalized)
    if (keys === undefined) {
      const lookup = byName.get(normalized)
      // Most versions asked about are spelt as the index lists them: found so, in a list that
      // does not yank them, they are offered without keying the name's lists (thousands).
      if (lookup && offeredAsSpelt(lookup, version)) return true
      keys = lookup ? offeredKeys(lookup) : null
      offered.set(normalized, keys)
    }
    return keys?.has(versionKey(version))
  }
}

/** Whether an answer lists `version` as it is written and does not yank that release. */
function offeredAsSpelt(lookup: IndexLookup, version: string): boolean {
  for (const answer of lookup.answers) {
    if (!answer.found || !answer.project.versions?.includes(version)) continue
    const yanked = answer.project.yankedVersions ?? []
    if (yanked.length === 0) return true
    const key = versionKey(version)
    if (!yanked.some(other => versionKey(other) === key)) return true
  }
  return false
}

/** The keys of the versions one name's answers offer; null when no answer lists any. */
function offeredKeys(lookup: IndexLookup): Set<string> | null {
  return offeredOf(lookup)?.keys ?? null
}

/**
 * The releases the indexes offer of a name, each once, as the first index to list it spells
 * it; undefined when they cannot tell (as OfferedRelease). What a recommended upgrade may be
 * when the advisories name no fixed release: the release after a `last_affected` bound is
 * one the index has published, not a guessed number.
 */
export type OfferedVersions = (name: string) => readonly string[] | undefined

export function offeredVersions(lookups: readonly IndexLookup[]): OfferedVersions {
  const byName = byNormalizedName(lookups)
  const read = new Map<string, readonly string[] | undefined>()
  return name => {
    const normalized = normalizeProjectName(name)
    if (!read.has(normalized)) {
      const lookup = byName.get(normalized)
      read.set(normalized, lookup ? offeredOf(lookup)?.versions : undefined)
    }
    return read.get(normalized)
  }
}

/** What one name's answers offer, keyed and as spelt; null when no answer lists a version. */
function offeredOf(lookup: IndexLookup): { keys: Set<string>; versions: string[] } | null {
  let offered: { keys: Set<string>; versions: string[] } | null = null
  for (const answer of lookup.answers) {
    // An index that lists no version at all (a quarantined project) says nothing of them.
    if (!answer.found || !answer.project.versions?.length) continue
    offered ??= { keys: new Set(), versions: [] }
    const yanked = new Set((answer.project.yankedVersions ?? []).map(versionKey))
    for (const version of answer.project.versions) {
      const key = versionKey(version)
      if (yanked.has(key) || offered.keys.has(key)) continue
      offered.keys.add(key)
      offered.versions.push(version)
    }
  }
  return offered
}

function byNormalizedName(lookups: readonly IndexLookup[]): Map<string, IndexLookup> {
  return new Map(lookups.map(lookup => [normalizeProjectName(lookup.name), lookup]))
}
