/**
 * PEP 440 equality as a string key: versions equal under PEP 440 (1.0 and 1.0.0, 1.0RC1 and
 * 1.0rc1, v2 and 2) get the same key, so a page's files can be grouped by release with a map.
 * The key is the advisory stage's (equalityKey: kept per spelling, canonical releases keyed
 * without parsing), so the two stages cannot disagree on which versions are one release.
 */
import { equalityKey } from '../advisories/version-order.js'

/**
 * The key of a version. A string that is not PEP 440 is only equal to itself, ignoring case
 * and the whitespace around it.
 */
export function versionKey(version: string): string {
  const key = equalityKey(version)
  return key.startsWith('|=') ? `|=${version.trim().toLowerCase()}` : key
}
