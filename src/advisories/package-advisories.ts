/**
 * Every advisory of a package, as the OSV API gave it to a /v1/query without a version: what
 * lets the upgrade verification answer "which advisories affect this candidate?" without a
 * round trip per candidate. The answer is the one the service would give to a querybatch for
 * that version, worked out by the same matcher as the offline database (recordAffects, which
 * follows osv.dev's reading of the ranges).
 *
 * Only a whole answer is used: one that names every advisory the querybatch listed for the
 * package's pins (the database did not change between the requests), with every record read
 * in full (a record that cannot be read cannot say what it spares). Anything else is asked
 * of the service as before.
 */
import { normalizeName } from '../deps/names.js'
import { isPyPIEntryFor, rangesInclude, recordAffects } from './match.js'
import type { OsvRecord, PackageVersion } from './osv.js'
import { describeListedBounds } from './listed-bounds.js'
import { equalityKey, isPep440 } from './version-order.js'

interface Package {
  records: readonly OsvRecord[]
  listings: Listings
}

/**
 * Which records list each version an upgrade search can ask about (a `fixed` or `limit` bound
 * of the package's ranges, see upgradeCandidates), by PEP 440 identity: each `versions` list
 * is read once per package instead of once per candidate (tensorflow: ~430 records listing
 * ~200 versions each).
 */
interface Listings {
  bounds: Set<string>
  listedBy: Map<string, Set<OsvRecord>>
}

export class PackageAdvisories {
  private readonly byName = new Map<string, Package>()

  /**
   * The records the service gave for `name`; `whole`: every one was read in full. Records
   * withdrawn are kept out, as the service keeps them out of its matches.
   */
  add(name: string, records: readonly OsvRecord[], whole: boolean): void {
    const key = normalizeName(name)
    if (!whole) {
      this.byName.delete(key)
      return
    }
    const live = records.filter(record => record.withdrawn == null)
    // Read now, as the answer comes in, rather than on the first question, which comes
    // only once every record is in.
    this.byName.set(key, { records: live, listings: listingsOf(live, key) })
  }

  /** The querybatch listed `ids` for a pin of `name`: an answer lacking one is not whole. */
  confirm(name: string, ids: Iterable<string>): void {
    const key = normalizeName(name)
    const known = this.byName.get(key)
    if (known === undefined) return
    const present = new Set(known.records.map(record => record.id))
    for (const id of ids) {
      if (!present.has(id)) {
        this.byName.delete(key)
        return
      }
    }
  }

  /**
   * The advisories affecting each pin, as a querybatch for it would list them; undefined for
   * a pin whose package is not wholly known.
   */
  affecting(pins: readonly PackageVersion[]): (OsvRecord[] | undefined)[] {
    return pins.map(pin => {
      const name = normalizeName(pin.name)
      const known = this.byName.get(name)
      if (known === undefined) return undefined
      const { listings } = known
      const key = equalityKey(pin.version)
      if (!listings.bounds.has(key)) {
        return known.records.filter(record => recordAffects(record, name, pin.version))
      }
      const listing = listings.listedBy.get(key)
      return known.records.filter(
        record => listing?.has(record) === true || rangesAffect(record, name, pin.version)
      )
    })
  }
}

/** recordAffects with the `versions` lists left to the caller. */
function rangesAffect(record: OsvRecord, name: string, version: string): boolean {
  if (record.affected == null) return true
  return record.affected.some(entry => isPyPIEntryFor(entry, name) && rangesInclude(entry, version))
}

function listingsOf(records: readonly OsvRecord[], name: string): Listings {
  const bounds = new Set<string>()
  for (const record of records) {
    for (const entry of record.affected ?? []) {
      if (!isPyPIEntryFor(entry, name)) continue
      for (const range of entry.ranges ?? []) {
        for (const { fixed, limit } of range.events) {
          if (fixed !== undefined && isPep440(fixed)) bounds.add(equalityKey(fixed))
          if (limit !== undefined && isPep440(limit)) bounds.add(equalityKey(limit))
        }
      }
    }
  }
  const listedBy = new Map<string, Set<OsvRecord>>()
  // Each spelling the package's lists hold, with the bound it is (null: none). The lists
  // repeat a few hundred spellings ~150,000 times in a cold 200-pin run: one look-up in this
  // small map instead of two in the run-wide ones.
  const boundOf = new Map<string, string | null>()
  for (const record of records) {
    for (const entry of record.affected ?? []) {
      const versions = entry.versions
      if (versions === undefined || !isPyPIEntryFor(entry, name)) continue
      const named: string[] = []
      for (const version of versions) {
        let key = boundOf.get(version)
        if (key === undefined) {
          const equal = equalityKey(version)
          key = bounds.has(equal) ? equal : null
          boundOf.set(version, key)
        }
        if (key === null) continue
        named.push(key)
        let listing = listedBy.get(key)
        if (!listing) listedBy.set(key, (listing = new Set()))
        listing.add(record)
      }
      describeListedBounds(versions, { bounds, named })
    }
  }
  return { bounds, listedBy }
}
