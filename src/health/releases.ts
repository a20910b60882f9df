/**
 * Which releases the package indexes offer, from the answers the health checks already have
 * (one request per name and index, no more): what a recommended upgrade must be. A version is
 * offered when an index that serves the project lists it and has not yanked every file of it.
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
  const offered = new Map<string, Set<string>>()
  for (const lookup of lookups) {
    let keys: Set<string> | undefined
    for (const answer of lookup.answers) {
      // An index that lists no version at all (a quarantined project) says nothing of them.
      if (!answer.found || !answer.project.versions?.length) continue
      keys ??= new Set()
      const yanked = new Set((answer.project.yankedVersions ?? []).map(versionKey))
      for (const version of answer.project.versions) {
        const key = versionKey(version)
        if (!yanked.has(key)) keys.add(key)
      }
    }
    if (keys) offered.set(normalizeProjectName(lookup.name), keys)
  }
  return (name, version) => offered.get(normalizeProjectName(name))?.has(versionKey(version))
}
