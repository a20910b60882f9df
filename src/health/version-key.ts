/**
 * PEP 440 equality as a string key: versions equal under PEP 440 (1.0 and 1.0.0, 1.0RC1 and
 * 1.0rc1, v2 and 2) get the same key, so a page's files can be grouped by release with a map.
 */
import { explain } from '@renovatebot/pep440'

/**
 * Versions already in PEP 440's normal form without an epoch or local part (`1.2.3`,
 * `2.0rc1`, `1.0.post2.dev0`): nearly every version on an index. Their key is worked out
 * from the text, without the PEP 440 parser (most of the cost of reading a page's version
 * list). Numbers without leading zeros and short enough to be exact as JavaScript numbers, so
 * the key is the one explain() would give; anything else goes to the parser.
 */
const NORMAL_FORM =
  /^((?:0|[1-9]\d{0,14})(?:\.(?:0|[1-9]\d{0,14}))*)((?:a|b|rc)(?:0|[1-9]\d{0,14}))?(\.post(?:0|[1-9]\d{0,14}))?(\.dev(?:0|[1-9]\d{0,14}))?$/
const TRAILING_ZEROS = /(?:\.0)+$/

/** The key of a version; a string that is not PEP 440 is its own key, lowercased. */
export function versionKey(version: string): string {
  const normal = NORMAL_FORM.exec(version)
  if (normal !== null) {
    const [, release, pre = '', post = '', dev = ''] = normal
    return `0!${release!.replace(TRAILING_ZEROS, '')}${pre}${post}${dev}`
  }
  return parsedVersionKey(version)
}

/** The key by the PEP 440 parser: every spelling PEP 440 allows. */
export function parsedVersionKey(version: string): string {
  const parsed = explain(version)
  if (parsed === null) return `?${version.trim().toLowerCase()}`
  const release = [...parsed.release]
  while (release.length > 1 && release.at(-1) === 0) release.pop()
  // explain() returns pre as [label, number] and post and dev as numbers or null.
  const pre = parsed.pre as unknown as [string, number] | null
  const post = parsed.post as unknown as number | null
  const dev = parsed.dev as unknown as number | null
  let key = `${parsed.epoch}!${release.join('.')}`
  if (pre !== null) key += `${pre[0]}${pre[1]}`
  if (post !== null) key += `.post${post}`
  if (dev !== null) key += `.dev${dev}`
  if (parsed.local !== null) key += `+${parsed.local}`
  return key
}

/** versionKey memoised for one page: a project page repeats each version once per file. */
export function memoisedVersionKey(): (version: string) => string {
  const keys = new Map<string, string>()
  return version => {
    let key = keys.get(version)
    if (key === undefined) {
      key = versionKey(version)
      keys.set(version, key)
    }
    return key
  }
}
