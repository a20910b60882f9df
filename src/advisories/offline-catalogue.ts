/**
 * The catalogue of an offline database, built by reading every record: which member holds each
 * PyPI record, which packages each record names, and what a full load warns about.
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
