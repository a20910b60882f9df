/**
 * Which of a package's upgrade candidates each `versions` list names, read once per list.
 *
 * A cold run's upgrade work was mostly reading the advisories' `versions` lists (~129,000
 * listed versions for 130 pins) to see whether a candidate (a `fixed` or `limit` bound) is
 * listed. When a package's advisories are all known (package-advisories.ts), each list is read
 * once against every bound of the package, and what it names is kept here, keyed by the list
 * itself: recommendedVersion then looks the candidates up instead of reading the list again.
 * A list is only ever described against the bounds it was read for: a candidate outside them
 * sends the caller back to reading the list.
 */

export interface ListedBounds {
  /** PEP 440 identities (equalityKey) of the bounds the list was read against. */
  bounds: ReadonlySet<string>
  /** Those of `bounds` the list names. */
  named: readonly string[]
}

const described = new WeakMap<readonly string[], ListedBounds>()

export function describeListedBounds(versions: readonly string[], listed: ListedBounds): void {
  described.set(versions, listed)
}

export function listedBoundsOf(versions: readonly string[]): ListedBounds | undefined {
  return described.get(versions)
}
