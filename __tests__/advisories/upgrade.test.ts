import { beforeAll, describe, expect, test } from '@jest/globals'
import fs from 'node:fs'
import path from 'node:path'
import { compare } from '@renovatebot/pep440'
import fc from 'fast-check'
import { isPep440, recordAffects } from '../../src/advisories/match.js'
import { OfflineDatabase } from '../../src/advisories/offline-db.js'
import type { OsvAffected, OsvEvent, OsvRecord } from '../../src/advisories/osv.js'
import {
  plausibleUpgrade,
  recommendedRelease,
  recommendedVersion,
  keepVerifiedUpgrade,
  keptUpgrade,
  newestFix,
  recordsFingerprint,
  rememberedRecommendation,
  upgradeCandidates,
  withoutVersions,
  type UpgradeAdviceStore
} from '../../src/advisories/upgrade.js'
import { isPrerelease } from '../../src/advisories/version-order.js'
import { TESTS_DIR } from '../support/paths.js'

const REPO_ROOT = path.resolve(TESTS_DIR, '..')
const SHARED_ZIP = path.resolve(REPO_ROOT, '..', 'shared', 'osv-pypi', 'PyPI-all.zip')
const RECORDS = path.resolve(TESTS_DIR, 'fixtures', 'osv', 'records')

/** A PyPI advisory with one ECOSYSTEM range per `ranges` item; trimmed to what matching reads. */
function advisory(
  id: string,
  name: string,
  ranges: OsvEvent[][],
  extra: Partial<OsvRecord> = {}
): OsvRecord {
  return {
    id,
    modified: '2026-07-01T00:00:00Z',
    affected: [
      {
        package: { ecosystem: 'PyPI', name },
        ranges: ranges.map(events => ({ type: 'ECOSYSTEM', events }))
      }
    ],
    ...extra
  }
}
const fixture = (id: string): OsvRecord =>
  JSON.parse(fs.readFileSync(path.join(RECORDS, `${id}.json`), 'utf8')) as OsvRecord

// requests' advisories in the 2026-07-23 PyPA snapshot, ranges as published (versions lists
// left out: the ranges decide every version below).
const REQUESTS = [
  advisory('PYSEC-2014-13', 'requests', [[{ introduced: '0' }, { fixed: '2.3.0' }]]),
  advisory('PYSEC-2014-14', 'requests', [[{ introduced: '0' }, { fixed: '2.3.0' }]]),
  advisory('PYSEC-2015-17', 'requests', [[{ introduced: '2.1.0' }, { fixed: '2.6.0' }]]),
  advisory('PYSEC-2018-28', 'requests', [[{ introduced: '0' }, { fixed: '2.20.0' }]]),
  advisory('PYSEC-2023-74', 'requests', [[{ introduced: '2.3.0' }, { fixed: '2.31.0' }]]),
  advisory('PYSEC-2026-1872', 'requests', [[{ introduced: '0' }, { fixed: '2.32.4' }]]),
  advisory('PYSEC-2026-1873', 'requests', [[{ introduced: '0' }, { fixed: '2.32.0' }]]),
  advisory('PYSEC-2026-2275', 'requests', [[{ introduced: '0' }, { fixed: '2.33.0' }]])
]
// rsa's three advisories (same snapshot): the third starts at 2.1 and runs past the others' fixes.
const RSA = [
  advisory('PYSEC-2016-10', 'rsa', [[{ introduced: '0' }, { fixed: '3.3' }]]),
  advisory('PYSEC-2020-99', 'rsa', [[{ introduced: '0' }, { fixed: '4.1' }]]),
  advisory('PYSEC-2020-100', 'rsa', [[{ introduced: '2.1' }, { fixed: '4.7' }]])
]
const affecting = (records: OsvRecord[], name: string, version: string) =>
  records.filter(record => recordAffects(record, name, version))

describe('recommendedVersion on advisories written from real records', () => {
  test('requests 2.19.0: each earlier fix is still inside a later advisory, so 2.33.0', () => {
    // 2.20.0 fixes PYSEC-2018-28 but is inside PYSEC-2023-74 [2.3.0, 2.31.0); 2.31.0 is inside
    // PYSEC-2026-1873 [0, 2.32.0); 2.32.0 inside PYSEC-2026-1872 [0, 2.32.4); 2.32.4 inside
    // PYSEC-2026-2275 [0, 2.33.0). 2.33.0 is the first fix no advisory covers.
    expect(upgradeCandidates(REQUESTS, 'requests', '2.19.0')).toEqual([
      '2.20.0',
      '2.31.0',
      '2.32.0',
      '2.32.4',
      '2.33.0'
    ])
    expect(recommendedVersion('requests', '2.19.0', REQUESTS)).toBe('2.33.0')
    expect(recommendedVersion('Requests', '2.2.0', REQUESTS)).toBe('2.33.0')
  })

  test('with only the advisories that affect the current version (online feeds), a fix can still be affected', () => {
    // rsa 1.3 is affected by PYSEC-2016-10 (fixed 3.3) and PYSEC-2020-99 (fixed 4.1) only.
    // From those two, 4.1 looks clean; PYSEC-2020-100 [2.1, 4.7) says it is not.
    const online = affecting(RSA, 'rsa', '1.3')
    expect(online.map(r => r.id)).toEqual(['PYSEC-2016-10', 'PYSEC-2020-99'])
    expect(recommendedVersion('rsa', '1.3', online)).toBe('4.1')
    expect(recommendedVersion('rsa', '1.3', RSA)).toBe('4.7')
  })

  test('pyyaml 5.3: 5.3.1 fixes PYSEC-2020-96 but PYSEC-2021-142 runs to 5.4', () => {
    const pyyaml = [fixture('PYSEC-2020-96'), fixture('PYSEC-2021-142')]
    expect(recommendedVersion('PyYAML', '5.3', pyyaml)).toBe('5.4')
    expect(recommendedVersion('pyyaml', '5.4', pyyaml)).toBeNull() // nothing above it is named
  })

  test('fixes that are commit hashes (GIT ranges) or not PEP 440 are never recommended', () => {
    // PYSEC-2018-28 also has a GIT range whose `fixed` is a commit hash.
    expect(recommendedVersion('requests', '2.19.0', [fixture('PYSEC-2018-28')])).toBe('2.20.0')
    // Every neutron `fixed` is like 7.2.0-12.1: the ranges stay open, so no fix is known.
    const neutron = [fixture('PYSEC-2026-686')]
    expect(upgradeCandidates(neutron, 'neutron', '7.0.0')).toEqual([])
    expect(recommendedVersion('neutron', '7.0.0', neutron)).toBeNull()
  })

  test('an advisory with no fix at all gives null (kerberos, PYSEC-2017-49: introduced 0.0 only)', () => {
    const kerberos = advisory('PYSEC-2017-49', 'kerberos', [[{ introduced: '0.0' }]])
    expect(recommendedVersion('kerberos', '1.2.0', [kerberos])).toBeNull()
  })
})

describe('last_affected and limit', () => {
  // pygresql PYSEC-2009-18: introduced 3.8.1, last_affected 4.0.
  const pygresql = advisory('PYSEC-2009-18', 'pygresql', [
    [{ introduced: '3.8.1' }, { last_affected: '4.0' }]
  ])

  test('the release after last_affected is unknown, so alone it gives null', () => {
    expect(recommendedVersion('pygresql', '3.8.1', [pygresql])).toBeNull()
    expect(recommendedVersion('pygresql', '4.0', [pygresql])).toBeNull()
  })

  test("another advisory's fix above last_affected is recommended", () => {
    const later = advisory('X-2', 'pygresql', [[{ introduced: '3.0' }, { fixed: '4.2' }]])
    expect(recommendedVersion('pygresql', '3.9', [pygresql, later])).toBe('4.2')
  })

  test('a fix inside a last_affected range is not clean (superset 0.20.0)', () => {
    // PYSEC-2018-74 is fixed in 0.23.0, but PYSEC-2026-3078 covers everything up to 0.34.0.
    const superset = [
      advisory('PYSEC-2018-74', 'superset', [[{ introduced: '0' }, { fixed: '0.23.0' }]]),
      advisory('PYSEC-2026-3078', 'superset', [[{ introduced: '0' }, { last_affected: '0.34.0' }]])
    ]
    expect(recommendedVersion('superset', '0.20.0', superset)).toBeNull()
  })

  test('a limit closes a range like a fix, and "*" names no version', () => {
    const limited = advisory('X-3', 'pkg', [[{ introduced: '0' }, { limit: '2.0' }]])
    expect(recommendedVersion('pkg', '1.0', [limited])).toBe('2.0')
    const unlimited = advisory('X-4', 'pkg', [[{ introduced: '0' }, { limit: '*' }]])
    expect(recommendedVersion('pkg', '1.0', [unlimited])).toBeNull()
  })
})

describe("recommendedRelease: the index's releases where the advisories name no fix", () => {
  const pygresql = advisory('PYSEC-2009-18', 'pygresql', [
    [{ introduced: '3.8.1' }, { last_affected: '4.0' }]
  ])
  const RELEASES = ['3.8.1', '3.9', '4.0', '4.0.1', '4.1', '5.0rc1']

  test('the first release after last_affected, as the index spells it', () => {
    expect(recommendedVersion('pygresql', '3.8.1', [pygresql])).toBeNull()
    expect(recommendedRelease('pygresql', '3.8.1', [pygresql], RELEASES)).toBe('4.0.1')
    // The list's order does not matter; versions PEP 440 calls equal are one release.
    expect(recommendedRelease('pygresql', '3.9', [pygresql], ['4.1', '4.0.1.0', '4.0.1'])).toBe(
      '4.0.1.0'
    )
  })

  test('a release another advisory affects is passed over (superset 0.20.0)', () => {
    const superset = [
      advisory('PYSEC-2018-74', 'superset', [[{ introduced: '0' }, { fixed: '0.23.0' }]]),
      advisory('PYSEC-2026-3078', 'superset', [[{ introduced: '0' }, { last_affected: '0.34.0' }]])
    ]
    const releases = ['0.20.0', '0.23.0', '0.34.0', '0.34.1', '0.35.0']
    expect(recommendedRelease('superset', '0.20.0', superset, releases)).toBe('0.34.1')
    expect(recommendedRelease('superset', '0.20.0', superset, releases, ['0.34.1'])).toBe('0.35.0')
  })

  test('a final release before a pre-release; a pre-release when it is the only clean one', () => {
    expect(recommendedRelease('pygresql', '3.9', [pygresql], ['5.0rc1', '5.0'])).toBe('5.0')
    expect(recommendedRelease('pygresql', '3.9', [pygresql], ['4.0', '5.0rc1'])).toBe('5.0rc1')
  })

  test('nothing when every release above is affected, the pin is not PEP 440, or none is above', () => {
    const unfixed = advisory('X-9', 'pkg', [[{ introduced: '0' }]])
    expect(recommendedRelease('pkg', '1.0', [unfixed], ['1.1', '2.0'])).toBeNull()
    expect(recommendedRelease('pygresql', 'not-pep', [pygresql], RELEASES)).toBeNull()
    expect(recommendedRelease('pygresql', '5.0rc1', [pygresql], RELEASES)).toBeNull()
    expect(recommendedRelease('pygresql', '3.9', [pygresql], ['nightly', '4.0'])).toBeNull()
  })
})

describe('pre-releases', () => {
  const fixedInRc = advisory('X-10', 'pkg', [[{ introduced: '0' }, { fixed: '2.0rc1' }]])
  const regressionIn2 = advisory('X-11', 'pkg', [[{ introduced: '2.0' }, { fixed: '2.0.1' }]])

  test('a stable version gets the first clean stable release, even above a clean pre-release', () => {
    expect(upgradeCandidates([fixedInRc, regressionIn2], 'pkg', '1.5')).toEqual(['2.0rc1', '2.0.1'])
    expect(recommendedVersion('pkg', '1.5', [fixedInRc, regressionIn2])).toBe('2.0.1')
  })

  test('a pre-release fix is recommended when it is the only clean one', () => {
    expect(recommendedVersion('pkg', '1.5', [fixedInRc])).toBe('2.0rc1')
  })

  test('a pre-release current version takes candidates in plain PEP 440 order', () => {
    expect(recommendedVersion('pkg', '2.0b1', [fixedInRc, regressionIn2])).toBe('2.0rc1')
    expect(recommendedVersion('pkg', '2.0.dev3', [fixedInRc, regressionIn2])).toBe('2.0rc1')
  })
})

describe('what is left out', () => {
  test('withdrawn advisories neither block a fix nor offer one', () => {
    const fix = advisory('X-20', 'pkg', [[{ introduced: '0' }, { fixed: '1.1' }]])
    const withdrawn = advisory('X-21', 'pkg', [[{ introduced: '0' }, { fixed: '1.5' }]], {
      withdrawn: '2026-01-01T00:00:00Z'
    })
    expect(recommendedVersion('pkg', '1.0', [fix, withdrawn])).toBe('1.1')
    expect(recommendedVersion('pkg', '1.0', [withdrawn])).toBeNull()
  })

  test("other packages' and other ecosystems' entries in the same record are ignored", () => {
    const shared: OsvRecord = {
      id: 'X-30',
      modified: '2026-01-01T00:00:00Z',
      affected: [
        {
          package: { ecosystem: 'npm', name: 'pkg' },
          ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '1.2.0' }] }]
        },
        {
          package: { ecosystem: 'PyPI', name: 'other' },
          ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.3' }] }]
        },
        {
          package: { ecosystem: 'PyPI', name: 'Pkg' },
          ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.4' }] }]
        }
      ]
    }
    expect(upgradeCandidates([shared], 'pkg', '1.0')).toEqual(['1.4'])
    expect(recommendedVersion('pkg', '1.0', [shared])).toBe('1.4')
  })

  test('fixes at or below the current version, and PEP 440 duplicates, are not candidates', () => {
    const records = [
      advisory('X-40', 'pkg', [[{ introduced: '0' }, { fixed: '2.0' }]]),
      advisory('X-41', 'pkg', [[{ introduced: '0' }, { fixed: '2.0.0' }]]),
      advisory('X-42', 'pkg', [[{ introduced: '0' }, { fixed: '1.0.0' }]])
    ]
    expect(upgradeCandidates(records, 'pkg', '1.0')).toEqual(['2.0'])
  })

  test('a current version that is not PEP 440 cannot be ordered: null', () => {
    expect(recommendedVersion('requests', 'not-a-version', REQUESTS)).toBeNull()
  })
})

const shared = fs.existsSync(SHARED_ZIP)
if (!shared) console.log(`Skipping real-database upgrade tests: ${SHARED_ZIP} is absent`)
;(shared ? describe : describe.skip)(
  'recommendedVersion with every record of the real database',
  () => {
    let db: OfflineDatabase
    beforeAll(async () => {
      db = await OfflineDatabase.load(SHARED_ZIP)
    })

    test.each([
      ['requests', '2.19.0', '2.33.0'],
      ['requests', '2.32.4', '2.33.0'],
      ['PyYAML', '5.3', '5.4'],
      ['pyyaml', '5.1', '5.4'], // 5.2b1 (PYSEC-2020-176) is a pre-release and not clean anyway
      ['rsa', '1.3', '4.7'],
      ['kerberos', '1.2.0', null],
      ['pygresql', '4.0', null],
      ['superset', '0.20.0', null]
    ])('%s %s -> %s', (name, version, expected) => {
      expect(affecting([...db.recordsFor(name)], name, version).length).toBeGreaterThan(0)
      expect(recommendedVersion(name, version, db.recordsFor(name))).toBe(expected)
    })

    test('recordsFor holds every non-withdrawn record of the package, and only those', () => {
      const ids = db.recordsFor('Requests').map(r => r.id)
      expect(ids).toEqual(REQUESTS.map(r => r.id))
      expect(db.recordsFor('repox')).toEqual([]) // its only advisory, PYSEC-2023-293, is withdrawn
    })

    test('on every vulnerable requests release named by the data, the answer is clean and higher', () => {
      const records = db.recordsFor('requests')
      const named = new Set(records.flatMap(r => r.affected!.flatMap(a => a.versions ?? [])))
      for (const version of named) {
        if (affecting([...records], 'requests', version).length === 0) continue
        const recommended = recommendedVersion('requests', version, records)
        expect(recommended).not.toBeNull()
        expect(compare(recommended!, version)).toBeGreaterThan(0)
        expect(affecting([...records], 'requests', recommended!)).toEqual([])
      }
    })
  }
)

describe('rememberedRecommendation', () => {
  const fixedAt = (fixed: string, modified = '2026-07-01T00:00:00Z'): OsvRecord =>
    advisory('GHSA-memo-test-0001', 'demo', [[{ introduced: '0' }, { fixed }]], { modified })
  const pin = { name: 'demo', version: '1.0' }

  /** A store in memory, counting what it is asked. */
  function memoryStore() {
    const kept = new Map<string, string | null>()
    const counts = { hits: 0, sets: 0 }
    const store: UpgradeAdviceStore = {
      get(p, fingerprint) {
        const key = `${p.name}==${p.version} ${fingerprint}`
        if (kept.has(key)) counts.hits++
        return kept.get(key)
      },
      set(p, fingerprint, upgrade) {
        counts.sets++
        kept.set(`${p.name}==${p.version} ${fingerprint}`, upgrade)
      }
    }
    return { store, kept, counts }
  }

  test('reads a kept answer per pin and set of records, and keeps only what it is given as verified', () => {
    const { store, counts, kept } = memoryStore()
    expect(rememberedRecommendation(pin, [fixedAt('2.0')], store)).toBe('2.0')
    // Worked out, not kept: only an answer the feed confirmed is kept (keepVerifiedUpgrade).
    expect(counts).toEqual({ hits: 0, sets: 0 })
    keepVerifiedUpgrade(pin, [fixedAt('2.0')], '2.0', store)
    expect(rememberedRecommendation(pin, [fixedAt('2.0')], store)).toBe('2.0')
    expect(keptUpgrade(pin, [fixedAt('2.0')], store)).toBe('2.0')
    expect(counts).toEqual({ hits: 2, sets: 1 })
    // The record changed (a new modified date): worked out again, from the new ranges.
    const changed = [fixedAt('2.1', '2026-08-01T00:00:00Z')]
    expect(rememberedRecommendation(pin, changed, store)).toBe('2.1')
    expect(keptUpgrade(pin, changed, store)).toBeUndefined()
    expect(kept.size).toBe(1)
  })

  test('an answer kept for the same records is taken as it is', () => {
    const { store, kept } = memoryStore()
    const later = advisory('GHSA-memo-test-0002', 'demo', [
      [{ introduced: '3.0' }, { fixed: '3.1' }]
    ])
    const records = [fixedAt('2.0'), later]
    // A fix these records name, though not the smallest: proof that the kept answer, not a
    // new search, is returned.
    kept.set(`demo==1.0 ${recordsFingerprint(records)}`, '3.1')
    expect(rememberedRecommendation(pin, records, store)).toBe('3.1')
    expect(rememberedRecommendation(pin, records, undefined)).toBe('2.0')
    kept.set(`demo==1.0 ${recordsFingerprint(records)}`, null)
    expect(rememberedRecommendation(pin, records, store)).toBeNull()
  })

  test('a kept answer the ranges of the records call vulnerable is worked out again', () => {
    // The cache directory can be written by other jobs: a forged answer must not send the
    // project to a version an advisory still covers.
    const { store, kept } = memoryStore()
    const requests = REQUESTS.filter(held => ['PYSEC-2018-28', 'PYSEC-2023-74'].includes(held.id))
    const at = { name: 'requests', version: '2.19.0' }
    // 2.20.0 fixes PYSEC-2018-28 but lies inside PYSEC-2023-74 (2.3.0 up to 2.31.0).
    kept.set(`requests==2.19.0 ${recordsFingerprint(requests)}`, '2.20.0')
    expect(plausibleUpgrade(at, requests, '2.20.0')).toBe(false)
    expect(rememberedRecommendation(at, requests, store)).toBe('2.31.0')
  })

  test.each([
    ['a version no record names as a fix', '9.9'],
    ['a version below the pin', '0.5'],
    ['the pinned version itself', '1.0'],
    ['not a version', 'latest']
  ])('a kept answer that is %s is worked out again', (_what, forged) => {
    const { store, kept } = memoryStore()
    const records = [
      fixedAt('2.0'),
      advisory('GHSA-memo-test-0003', 'demo', [[{ introduced: '0' }, { fixed: '0.5' }]])
    ]
    kept.set(`demo==1.0 ${recordsFingerprint(records)}`, forged)
    expect(plausibleUpgrade(pin, records, forged)).toBe(false)
    expect(rememberedRecommendation(pin, records, store)).toBe('2.0')
  })

  test('a record without an affected list spares no version: no kept upgrade stands', () => {
    const bare: OsvRecord = { id: 'PYSEC-BARE-1', modified: '2026-07-01T00:00:00Z' }
    expect(plausibleUpgrade(pin, [fixedAt('2.0')], '2.0')).toBe(true)
    expect(plausibleUpgrade(pin, [fixedAt('2.0'), bare], '2.0')).toBe(false)
  })

  test('the fingerprint names each record by id and modified date, in any order', () => {
    const a = advisory('PYSEC-A', 'demo', [])
    const b = advisory('PYSEC-B', 'demo', [])
    expect(recordsFingerprint([a, b])).toBe(recordsFingerprint([b, a]))
    expect(recordsFingerprint([a])).not.toBe(recordsFingerprint([a, b]))
    expect(recordsFingerprint([a])).not.toBe(
      recordsFingerprint([{ ...a, modified: '2026-07-02T00:00:00Z' }])
    )
    // Asked again (it is kept per list of records), the same; ids holding the separator of
    // the hashed text do not make two lists one.
    expect(recordsFingerprint([b, a])).toBe(recordsFingerprint([a, b]))
    const z = advisory('PYSEC-Z', 'demo', [])
    const zThenA = recordsFingerprint([z, a])
    const joined = { ...a, id: `PYSEC-Z@${z.modified}\nPYSEC-A` }
    expect(recordsFingerprint([joined])).not.toBe(zThenA)
  })
})

describe('versions ruled out (affected per the feed, unknown to the index, yanked)', () => {
  test('withoutVersions drops every spelling PEP 440 calls equal, and keeps the order', () => {
    expect(withoutVersions(['2.0', '2.1.0', '3.0rc1', '3.0'], ['2.1', 'v3.0'])).toEqual([
      '2.0',
      '3.0rc1'
    ])
    expect(withoutVersions(['2.0'], new Set<string>())).toEqual(['2.0'])
    expect(withoutVersions(['2.0', 'not-a-version'], ['not-a-version'])).toEqual(['2.0'])
  })

  test('recommendedVersion never answers an excluded version: the next clean one, or null', () => {
    // requests 2.19.0 with all its advisories recommends 2.33.0; yanked, nothing is above it.
    expect(recommendedVersion('requests', '2.19.0', REQUESTS, ['2.33.0'])).toBeNull()
    // rsa 1.3 from all three advisories: 4.7; if 4.7 were yanked, nothing else is named.
    expect(recommendedVersion('rsa', '1.3', RSA, ['4.7.0'])).toBeNull()
    // Only the current version's two records: 4.1; the feed says 4.1 is affected, so no other.
    expect(recommendedVersion('rsa', '1.3', affecting(RSA, 'rsa', '1.3'), ['4.1'])).toBeNull()
    // With the third record learnt as well, 4.7 again.
    expect(recommendedVersion('rsa', '1.3', RSA, ['4.1'])).toBe('4.7')
  })

  test('newestFix names the newest bound above the pin, leaving out unavailable versions', () => {
    expect(newestFix('requests', '2.19.0', REQUESTS)).toBe('2.33.0')
    expect(newestFix('requests', '2.19.0', REQUESTS, ['2.33.0'])).toBe('2.32.4')
    expect(newestFix('requests', '2.33.0', REQUESTS)).toBeUndefined()
    expect(newestFix('requests', 'latest', REQUESTS)).toBeUndefined()
  })
})

describe('recommendedVersion agrees with recordAffects (property)', () => {
  // Spellings PEP 440 calls equal, pre-, post- and dev releases, an epoch, and a non-PEP 440
  // string, so that ranges, `versions` lists, candidates and exclusions meet in every way.
  const VERSIONS = [
    '0',
    '1.0',
    '1.0.0',
    'v1.0',
    '1.1',
    '1.1rc1',
    '1.2',
    '1.2.post1',
    '2.0',
    '2.0.0',
    '2.0a1',
    '2.1.dev1',
    '3',
    '3.0.1',
    'not-pep',
    '1!1.0'
  ]
  const version = fc.constantFrom(...VERSIONS)
  const event: fc.Arbitrary<OsvEvent> = fc.oneof(
    version.map(v => ({ introduced: v })),
    version.map(v => ({ fixed: v })),
    version.map(v => ({ last_affected: v })),
    fc.constantFrom(...VERSIONS, '*').map(v => ({ limit: v }))
  )
  const entry: fc.Arbitrary<OsvAffected> = fc.record(
    {
      package: fc.record({
        ecosystem: fc.constantFrom('PyPI', 'PyPI', 'npm'),
        name: fc.constantFrom('my-pkg', 'My_Pkg', 'MY.PKG', 'other')
      }),
      ranges: fc.array(
        fc.record({
          type: fc.constantFrom('ECOSYSTEM', 'ECOSYSTEM', 'SEMVER', 'GIT'),
          events: fc.array(event, { maxLength: 5 })
        }),
        { maxLength: 3 }
      ),
      versions: fc.array(version, { maxLength: 6 })
    },
    { requiredKeys: ['package'] }
  )
  const record = (id: number): fc.Arbitrary<OsvRecord> =>
    fc.record(
      {
        id: fc.constant(`REC-${id}`),
        modified: fc.constant('2026-07-01T00:00:00Z'),
        withdrawn: fc.constant('2026-07-02T00:00:00Z'),
        affected: fc.option(fc.array(entry, { maxLength: 3 }), { freq: 12, nil: undefined })
      },
      { requiredKeys: ['id', 'modified'] }
    )
  const records = fc
    .integer({ min: 0, max: 6 })
    .chain(count => fc.tuple(...Array.from({ length: count }, (_, i) => record(i))))

  /** The definition: the first candidate, stable ones first for a stable pin, no record affects. */
  function reference(pinned: string, all: OsvRecord[], excluded: string[]): string | null {
    if (!isPep440(pinned)) return null
    const live = all.filter(r => r.withdrawn == null)
    const candidates = withoutVersions(upgradeCandidates(live, 'my-pkg', pinned), excluded)
    return firstClean(pinned, live, candidates)
  }

  /** Stable candidates first for a stable pin: the first that no live record affects. */
  function firstClean(pinned: string, live: OsvRecord[], candidates: string[]): string | null {
    const tiers = isPrerelease(pinned)
      ? [candidates]
      : [candidates.filter(c => !isPrerelease(c)), candidates.filter(c => isPrerelease(c))]
    for (const tier of tiers) {
      const found = tier.find(c => !live.some(r => recordAffects(r, 'My_Pkg', c)))
      if (found !== undefined) return found
    }
    return null
  }

  /** recommendedRelease's definition: the same rule over the releases above the pin. */
  function releaseReference(
    pinned: string,
    all: OsvRecord[],
    releases: string[],
    excluded: string[]
  ): string | null {
    if (!isPep440(pinned)) return null
    const live = all.filter(r => r.withdrawn == null)
    const above = releases.filter(r => isPep440(r) && compare(r, pinned) > 0)
    above.sort(compare)
    const distinct = above.filter((r, i) => i === 0 || compare(above[i - 1]!, r) !== 0)
    return firstClean(pinned, live, withoutVersions(distinct, excluded))
  }

  test("recommendedRelease's answer is the first release above that no live record affects", () => {
    fc.assert(
      fc.property(
        version,
        records,
        fc.array(version, { maxLength: 8 }),
        fc.array(version, { maxLength: 3 }),
        (pinned, all, releases, excluded) => {
          expect(recommendedRelease('My_Pkg', pinned, all, releases, excluded)).toBe(
            releaseReference(pinned, all, releases, excluded)
          )
        }
      ),
      { numRuns: 2000 }
    )
  })

  test('the answer is the first candidate no live record affects, or null', () => {
    fc.assert(
      fc.property(
        version,
        records,
        fc.array(version, { maxLength: 3 }),
        (pinned, all, excluded) => {
          expect(recommendedVersion('My_Pkg', pinned, all, excluded)).toBe(
            reference(pinned, all, excluded)
          )
        }
      ),
      { numRuns: 3000 }
    )
  })
})
