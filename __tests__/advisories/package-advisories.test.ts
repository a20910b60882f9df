/**
 * A package's advisories, held whole, answer for a version exactly as the matcher does record
 * by record (and so as a querybatch would): on small cases and on every PyPA package.
 */
import { describe, expect, test } from '@jest/globals'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import * as path from 'node:path'
import { recordAffects } from '../../src/advisories/match.js'
import type { OsvEvent, OsvRecord } from '../../src/advisories/osv.js'
import { PackageAdvisories } from '../../src/advisories/package-advisories.js'
import { recommendedVersion } from '../../src/advisories/upgrade.js'
import { normalizeName } from '../../src/deps/names.js'
import { REPO_ROOT } from '../support/paths.js'

function advisory(
  id: string,
  name: string,
  events: OsvEvent[],
  versions: string[] = [],
  extra: Partial<OsvRecord> = {}
): OsvRecord {
  return {
    id,
    modified: '2026-07-01T00:00:00Z',
    affected: [
      { package: { ecosystem: 'PyPI', name }, ranges: [{ type: 'ECOSYSTEM', events }], versions }
    ],
    ...extra
  }
}

const ids = (records: readonly OsvRecord[] | undefined) => records?.map(record => record.id)

describe('PackageAdvisories', () => {
  const records = [
    advisory('A', 'Demo_Pkg', [{ introduced: '0' }, { fixed: '2.0' }]),
    // Lists 2.0.0 (equal to the bound 2.0) without a range covering it.
    advisory('B', 'demo-pkg', [{ introduced: '3.0' }, { fixed: '3.1' }], ['2.0.0', '3.0']),
    advisory('C', 'demo-pkg', [{ introduced: '0' }, { fixed: '9.0' }], [], {
      withdrawn: '2026-08-01T00:00:00Z'
    }),
    advisory('D', 'other', [{ introduced: '0' }, { fixed: '5.0' }])
  ]

  test('answers by ranges and by listed versions, spelt any way; withdrawn never', () => {
    const known = new PackageAdvisories()
    known.add('demo.pkg', records, true)
    const at = (version: string) => ids(known.affecting([{ name: 'DEMO-pkg', version }])[0])
    expect(at('1.0')).toEqual(['A'])
    expect(at('2.0')).toEqual(['B'])
    expect(at('2')).toEqual(['B'])
    expect(at('3.0.0')).toEqual(['B'])
    expect(at('3.1')).toEqual([])
    expect(at('not-a-version')).toEqual([])
  })

  test('lists of one length answer each for itself, repeated or not', () => {
    const range = [{ introduced: '5.0' }, { fixed: '5.1' }]
    const lists = [
      advisory('L1', 'demo-pkg', range, ['1.0', '2.0', '3.0']),
      advisory('L2', 'demo-pkg', range, ['1.0', '2.0', '3.0']),
      // Same length, same end: only the first version differs.
      advisory('L3', 'demo-pkg', range, ['1.5', '2.0', '3.0']),
      advisory('L4', 'demo-pkg', [{ introduced: '0' }, { fixed: '1.0' }])
    ]
    const known = new PackageAdvisories()
    known.add('demo-pkg', lists, true)
    const at = (version: string) => ids(known.affecting([{ name: 'demo-pkg', version }])[0])
    expect(at('1.0')).toEqual(['L1', 'L2'])
    expect(at('5.1')).toEqual([])
    for (const version of ['1.0', '1.5', '2.0', '3.0', '5.0']) {
      expect(at(version)).toEqual(ids(lists.filter(r => recordAffects(r, 'demo-pkg', version))))
    }
  })

  test('only a whole answer that names every listed advisory answers', () => {
    const known = new PackageAdvisories()
    known.add('demo-pkg', records, false)
    expect(known.affecting([{ name: 'demo-pkg', version: '1.0' }])).toEqual([undefined])
    known.add('demo-pkg', records, true)
    known.confirm('demo-pkg', ['A', 'B'])
    expect(known.affecting([{ name: 'Demo.Pkg', version: '1.0' }])[0]).toBeDefined()
    known.confirm('demo-pkg', ['A', 'E'])
    expect(known.affecting([{ name: 'demo-pkg', version: '1.0' }])).toEqual([undefined])
    expect(known.affecting([{ name: 'other', version: '1.0' }])).toEqual([undefined])
  })
})

const PYPA = path.resolve(REPO_ROOT, '..', 'shared', 'osv-pypi', 'PyPI')
const describeWithData = existsSync(PYPA) ? describe : describe.skip
if (!existsSync(PYPA)) console.log(`Skipping the PyPA comparison: ${PYPA} is absent`)

describeWithData('on every PyPA package', () => {
  /** Every live PyPA record by package, read afresh (a new object per record). */
  function realPackages(): Map<string, OsvRecord[]> {
    const byName = new Map<string, OsvRecord[]>()
    for (const file of readdirSync(PYPA).filter(name => name.endsWith('.json'))) {
      const record = JSON.parse(readFileSync(path.join(PYPA, file), 'utf8')) as OsvRecord
      if (record.withdrawn != null) continue
      const names = new Set(
        (record.affected ?? []).flatMap(entry =>
          entry.package?.ecosystem === 'PyPI' ? [normalizeName(entry.package.name)] : []
        )
      )
      for (const name of names) byName.set(name, [...(byName.get(name) ?? []), record])
    }
    return byName
  }

  test('the answer for every version the records name is the matcher record by record', () => {
    let compared = 0
    for (const [name, records] of realPackages()) {
      const known = new PackageAdvisories()
      known.add(name, records, true)
      const versions = new Set<string>()
      for (const record of records) {
        for (const entry of record.affected ?? []) {
          for (const range of entry.ranges ?? []) {
            for (const event of range.events) for (const v of Object.values(event)) versions.add(v)
          }
          for (const v of (entry.versions ?? []).slice(0, 5)) versions.add(v)
        }
      }
      const pins = [...versions].map(version => ({ name, version }))
      const answers = known.affecting(pins)
      pins.forEach((pin, i) => {
        const expected = records.filter(record => recordAffects(record, name, pin.version))
        if (ids(answers[i])!.join() !== ids(expected)!.join()) {
          expect([pin, ids(answers[i])]).toEqual([pin, ids(expected)])
        }
        compared++
      })
    }
    expect(compared).toBeGreaterThan(15_000)
  }, 60_000)

  test('recommendedVersion reads the lists a whole package described as it reads them itself', () => {
    let compared = 0
    for (const [name, records] of realPackages()) {
      // The same records twice: one copy described by PackageAdvisories, one never seen by it.
      const plain = structuredClone(records)
      new PackageAdvisories().add(name, records, true)
      const pins = new Set<string>()
      for (const record of records)
        for (const entry of record.affected ?? [])
          for (const v of (entry.versions ?? []).slice(0, 1)) pins.add(v)
      for (const version of pins) {
        const described = recommendedVersion(name, version, records)
        const read = recommendedVersion(name, version, plain)
        if (described !== read) expect([name, version, described]).toEqual([name, version, read])
        // A subset of the package (a pin's own records) is described all the same.
        const own = records.filter(record => recordAffects(record, name, version))
        const ownPlain = plain.filter(record => recordAffects(record, name, version))
        expect(recommendedVersion(name, version, own)).toBe(
          recommendedVersion(name, version, ownPlain)
        )
        compared++
      }
    }
    expect(compared).toBeGreaterThan(1_500)
  }, 60_000)
})
