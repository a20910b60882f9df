/**
 * PEP 440 equality as a string key: versions equal under PEP 440 (1.0 and 1.0.0, 1.0RC1 and
 * 1.0rc1, v2 and 2) get the same key, so a page's files can be grouped by release with a map.
 * The key is the advisory stage's (equalityKey: kept per spelling, canonical releases keyed
 * without parsing), so the two stages cannot disagree on which versions are one release.
 */
import { canonicalReleaseKey, equalityKey, isPep440 } from '../advisories/version-order.js'

/**
 * The key of a version. A string that is not PEP 440 is only equal to itself, ignoring case
 * and the whitespace around it.
 */
export function versionKey(version: string): string {
  const key = equalityKey(version)
  return key.startsWith('|=') ? `|=${version.trim().toLowerCase()}` : key
}

const RELEASE_START = /^\s*v?(?:\d+!)?(\d+(?:\.\d+)*)/i

/**
 * What a version's key is sure to share with every version equal to it: its release numbers
 * as PEP 440 compares them (leading zeros and trailing zero parts dropped; `1.0`, `1.0.0rc1`
 * and `v01.0.post1` all give `1`), or, for a string that does not start as a version, itself
 * lower-cased. Cheaper than the key: a page's reading keys only the versions whose signature
 * is one it looks for, not the thousands it lists. Versions with equal keys always have equal
 * signatures; the converse does not hold.
 */
export function releaseSignature(version: string): string {
  const release = RELEASE_START.exec(version)?.[1]
  if (release === undefined) return `|${version.trim().toLowerCase()}`
  const plain = canonicalReleaseKey(release)
  if (plain !== undefined) return plain
  const parts = release.split('.').map(part => part.replace(/^0+(?=\d)/, ''))
  while (parts.length > 1 && parts.at(-1) === '0') parts.pop()
  return parts.join('.')
}

/**
 * A test passing every text that holds a version PEP 440-equal to one of `versions` (and
 * others): such a version writes each part of the release, leading zeros aside, so it holds the
 * longest non-zero part's digits. A page's reading skips on it the files no version asked for
 * can be (most of a page) without reading their versions; a version asked for that is not
 * PEP 440, or whose release is all zeros, passes every text. With `end`, the digits must be in
 * the text before it (where the version can be: a wheel's tags, `cp311`, come after).
 */
export function releaseDigitsFilter(
  versions: readonly string[]
): (text: string, end?: number) => boolean {
  const tokens: string[] = []
  for (const version of versions) {
    const release = RELEASE_START.exec(version)?.[1]
    if (release === undefined || !isPep440(version)) return () => true
    let longest = ''
    for (const part of release.split('.')) {
      const digits = part.replace(/^0+/, '')
      if (digits.length > longest.length) longest = digits
    }
    if (longest === '') return () => true
    tokens.push(longest)
  }
  const [only] = tokens
  // The first occurrence is the earliest to end: if it ends past `end`, every one does.
  const within = (text: string, token: string, end: number): boolean => {
    const at = text.indexOf(token)
    return at !== -1 && at + token.length <= end
  }
  if (tokens.length === 1) return (text, end = text.length) => within(text, only!, end)
  return (text, end = text.length) => tokens.some(token => within(text, token, end))
}
