/**
 * A plain PyPI matcher for the benchmark's stand-in OSV server: which records affect a
 * name + version, judged by ECOSYSTEM ranges (introduced / fixed / last_affected) and
 * `versions` lists, compared as PEP 440. Invalid versions in the data are skipped.
 */
import { compare, valid } from '@renovatebot/pep440'
import type { OsvAffected, OsvEvent, OsvRecord } from '../../src/advisories/osv.js'
import { normalizeName } from '../../src/deps/names.js'

export type Resolver = (name: string, version: string) => OsvRecord[]

export function buildResolver(records: readonly OsvRecord[]): Resolver {
  const byName = new Map<string, { record: OsvRecord; affected: OsvAffected }[]>()
  for (const record of records) {
    for (const affected of record.affected ?? []) {
      if (affected.package?.ecosystem !== 'PyPI') continue
      const name = normalizeName(affected.package.name)
      const entries = byName.get(name) ?? []
      entries.push({ record, affected })
      byName.set(name, entries)
    }
  }
  return (name, version) => {
    if (!valid(version)) return []
    const hits = new Map<string, OsvRecord>()
    for (const { record, affected } of byName.get(normalizeName(name)) ?? []) {
      if (!hits.has(record.id) && affects(affected, version)) hits.set(record.id, record)
    }
    return [...hits.values()]
  }
}

export function affects(affected: OsvAffected, version: string): boolean {
  const listed = (affected.versions ?? []).some(v => valid(v) && compare(v, version) === 0)
  return listed || (affected.ranges ?? []).some(range => inRange(range.events, version, range.type))
}

function inRange(events: readonly OsvEvent[], version: string, type: string): boolean {
  if (type !== 'ECOSYSTEM') return false
  const usable = events
    .map(event => {
      const [kind, value] = Object.entries(event)[0] ?? []
      return kind && value !== undefined && valid(value) ? { kind, value } : undefined
    })
    .filter(event => event !== undefined)
    // Order by version; at one version an introduction comes before its end.
    .sort((a, b) => compare(a.value, b.value) || (a.kind === 'introduced' ? -1 : 1))
  let affected = false
  for (const { kind, value } of usable) {
    const order = compare(version, value)
    if (kind === 'introduced' && order >= 0) affected = true
    if (kind === 'fixed' && order >= 0) affected = false
    if (kind === 'last_affected' && order > 0) affected = false
  }
  return affected
}
