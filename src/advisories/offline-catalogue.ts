/**
 * The catalogue of an offline database: which member holds each PyPI record, which packages
 * each record names, and what a full load would warn about. A full load builds it; the index
 * stores it, so that a later run reads only the members of the packages it looks up and
 * checks every record it reads against it.
 */
import { normalizeName } from '../deps/names.js'
import type { RecordSource } from './offline-source.js'
import type { OsvRecord } from './osv.js'
import { isSupportedSchema } from './vulnerability.js'

/** How often something happened, and the first record it happened to. */
export interface Tally {
  count: number
  first: string
}

export interface CatalogueEntry {
  /** The zip entry or relative file path holding the record. */
  member: string
  id: string
  modified: string
  /** `modified` in milliseconds since the epoch. */
  time: number
}

/** What a run knows about a database without reading its records. */
export interface Catalogue {
  /** The records naming a PyPI package (one copy per id), in the order results come out. */
  entries: CatalogueEntry[]
  /** Normalised PyPI name -> positions in `entries`, ascending. */
  packages: Map<string, number[]>
  /** Records seen again under an id already read. */
  duplicates?: Tally
  /** Records with an OSV schema version other than 1.x. */
  unsupported?: Tally
  /** Records (one per id) without a PyPI package. */
  withoutPypi: number
}

/** The members to read for packages not read before: member -> position in the catalogue. */
export interface ReadPlan {
  names: string[]
  members: Map<string, number>
}

/**
 * Advisory ids in natural order (PYSEC-2021-9 before PYSEC-2021-10). The collator is made on
 * first use: building one loads ICU's locale data, ~20 ms that an online run never needs.
 */
let collator: Intl.Collator | undefined
function compareIds(a: string, b: string): number {
  collator ??= new Intl.Collator('en', { numeric: true })
  return collator.compare(a, b)
}

/**
 * Reads every record, keeps one per id (the most recently modified copy), and sorts them by id
 * so results come out in the same order from a directory and from a zip. `records` holds the
 * PyPI ones, in catalogue order.
 */
export async function readCatalogue(
  source: RecordSource
): Promise<{ catalogue: Catalogue; records: OsvRecord[] }> {
  const kept = new Map<string, { member: string; record: OsvRecord }>()
  let duplicates: Tally | undefined
  await source.read('all', (member, record) => {
    const previous = kept.get(record.id)
    if (previous !== undefined) duplicates = tally(duplicates, record.id)
    if (
      previous === undefined ||
      Date.parse(record.modified) > Date.parse(previous.record.modified)
    ) {
      kept.set(record.id, { member, record })
    }
  })
  const sorted = [...kept.values()].sort((a, b) => compareIds(a.record.id, b.record.id))
  const entries: CatalogueEntry[] = []
  const records: OsvRecord[] = []
  const packages = new Map<string, number[]>()
  let unsupported: Tally | undefined
  for (const { member, record } of sorted) {
    const names = pypiNames(record)
    if (names.size === 0) continue
    for (const name of names) {
      const positions = packages.get(name)
      if (positions === undefined) packages.set(name, [entries.length])
      else positions.push(entries.length)
    }
    const { id, modified } = record
    entries.push({ member, id, modified, time: Date.parse(modified) })
    records.push(record)
    if (!isSupportedSchema(record)) unsupported = tally(unsupported, id)
  }
  const catalogue = { entries, packages, withoutPypi: kept.size - entries.length }
  return { catalogue: { ...catalogue, duplicates, unsupported }, records }
}

/**
 * The records read so far through a catalogue. Each record read must be the one the catalogue
 * promised: same id and modified date, listed under exactly the PyPI names it gives, and each
 * package's records in id order. A catalogue could only be wrong by tampering (its checksum
 * and the database's fingerprint guard the rest); when it is, the caller reads everything.
 */
export class RecordsOnDemand {
  private readonly read = new Map<number, OsvRecord>()
  private readonly loaded = new Set<string>()
  /** How many packages list each entry. */
  private readonly listings: Uint32Array

  constructor(readonly catalogue: Catalogue) {
    this.listings = new Uint32Array(catalogue.entries.length)
    for (const positions of catalogue.packages.values()) {
      for (const position of positions) this.listings[position]!++
    }
  }

  /** True once every record of `name` (normalised) has been read. */
  has(name: string): boolean {
    return this.loaded.has(name)
  }

  plan(names: readonly string[]): ReadPlan {
    const wanted = [...new Set(names)].filter(name => !this.loaded.has(name))
    const members = new Map<string, number>()
    for (const name of wanted) {
      for (const position of this.catalogue.packages.get(name) ?? []) {
        if (!this.read.has(position))
          members.set(this.catalogue.entries[position]!.member, position)
      }
    }
    return { names: wanted, members }
  }

  /** Takes the records read for `plan` (member -> record): each name's records, or a problem. */
  accept(plan: ReadPlan, got: ReadonlyMap<string, OsvRecord>): Map<string, OsvRecord[]> | string {
    for (const [member, position] of plan.members) {
      const problem = this.mismatch(member, position, got.get(member))
      if (problem !== undefined) return problem
    }
    for (const [member, position] of plan.members) this.read.set(position, got.get(member)!)
    const found = new Map<string, OsvRecord[]>()
    for (const name of plan.names) {
      const records = (this.catalogue.packages.get(name) ?? []).map(p => this.read.get(p)!)
      if (records.some((record, i) => i > 0 && compareIds(records[i - 1]!.id, record.id) > 0)) {
        return `the records of ${name} are out of order`
      }
      found.set(name, records)
    }
    plan.names.forEach(name => this.loaded.add(name))
    return found
  }

  private mismatch(member: string, position: number, record?: OsvRecord): string | undefined {
    const entry = this.catalogue.entries[position]!
    if (record === undefined) return `${JSON.stringify(member)} is missing`
    if (record.id !== entry.id || record.modified !== entry.modified) {
      return `${JSON.stringify(member)} holds another record`
    }
    const names = [...pypiNames(record)]
    const listed = (name: string) => this.catalogue.packages.get(name)?.includes(position) === true
    if (names.length !== this.listings[position] || !names.every(listed)) {
      return `${record.id} is listed under other packages`
    }
    return undefined
  }
}

function pypiNames(record: OsvRecord): Set<string> {
  const names = new Set<string>()
  for (const affected of record.affected ?? []) {
    if (affected.package?.ecosystem === 'PyPI') names.add(normalizeName(affected.package.name))
  }
  return names
}

function tally(previous: Tally | undefined, id: string): Tally {
  return { count: (previous?.count ?? 0) + 1, first: previous?.first ?? id }
}
