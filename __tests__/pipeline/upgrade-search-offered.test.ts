/**
 * Issue 17's index seam in the upgrade search itself: a candidate the index does not offer
 * (missing, or every file yanked) is passed over without a question to the feed, and the next
 * candidate is asked about; when the index cannot tell, nothing changes.
 */
import { describe, expect, test } from '@jest/globals'
import type { OsvRecord } from '../../src/advisories/osv.js'
import {
  UpgradeSearch,
  verifyUpgrades,
  type VerifyUpgradesOptions
} from '../../src/pipeline/verify-upgrades.js'

/** Fixed in 1.1 on the 1.x line and in 2.1 on the 2.x line: candidates 1.1, then 2.1. */
const ADVISORY: OsvRecord = {
  id: 'PYSEC-2099-1',
  modified: '2099-01-01T00:00:00Z',
  affected: [
    {
      package: { ecosystem: 'PyPI', name: 'demo' },
      ranges: [
        {
          type: 'ECOSYSTEM',
          events: [{ introduced: '0' }, { fixed: '1.1' }, { introduced: '2.0' }, { fixed: '2.1' }]
        }
      ]
    }
  ]
}
const PIN = { name: 'demo', version: '1.0' }
const YANKED_NOTE =
  'no version without known advisories found: the fixed releases are yanked or not on the ' +
  'index; newest fix: 2.1'
const asked = (search: UpgradeSearch) => search.questions(true).map(q => q.pin.version)

describe('UpgradeSearch with the versions the index offers', () => {
  test('a candidate the index does not offer is never asked about; the next one is', () => {
    const search = new UpgradeSearch(PIN, [ADVISORY], '1.1', { offered: v => v !== '1.1' })
    expect(asked(search)).toEqual(['2.1'])
    search.learn('2.1', [])
    expect(search.outcome(1, false)).toEqual({ upgrade: '2.1', settled: true })
    expect(search.passed).toEqual(['1.1'])
  })

  test('the feed calling a yanked release clean does not make it the answer', () => {
    const search = new UpgradeSearch(PIN, [ADVISORY], '1.1', {
      offered: v => (v === '1.1' ? false : undefined)
    })
    search.learn('1.1', [])
    expect(asked(search)).toEqual(['2.1'])
  })

  test('when no candidate is offered there is no answer, and the note says the fixes are not on offer', () => {
    const search = new UpgradeSearch(PIN, [ADVISORY], '1.1', { offered: () => false })
    expect(asked(search)).toEqual([])
    expect(search.outcome(0, false)).toEqual({ upgrade: null, note: YANKED_NOTE, settled: true })
  })

  test('the same note when the index listed every fix as missing or yanked up front', () => {
    const search = new UpgradeSearch(PIN, [ADVISORY], '1.1', { unavailable: ['1.1', '2.1.0'] })
    expect(asked(search)).toEqual([])
    expect(search.outcome(0, false)).toEqual({ upgrade: null, note: YANKED_NOTE, settled: true })
  })

  test('a fix that is on offer but affected is named as the newest fix, as before', () => {
    const search = new UpgradeSearch(PIN, [ADVISORY], '1.1', { offered: v => v !== '2.1' })
    expect(asked(search)).toEqual(['1.1'])
    search.learn('1.1', [ADVISORY])
    expect(search.outcome(1, false)).toEqual({
      upgrade: null,
      note: 'no version without known advisories found; newest fix: 1.1',
      settled: true
    })
  })

  test("verifyUpgrades puts the note on the package (the JSON report's skip_reason) without a lookup", async () => {
    const feed: VerifyUpgradesOptions['feed'] = {
      name: 'unused',
      lookup: () => Promise.reject(new Error('no candidate should be asked about'))
    }
    const pkg = { ...PIN, recommendedVersion: '1.1', vulnerabilities: [{ record: ADVISORY }] }
    const verified = await verifyUpgrades([pkg], { feed, offered: () => false })
    expect(verified.rounds).toBe(0)
    expect(verified.packages[0]).toMatchObject({
      recommendedVersion: null,
      upgradeNote: YANKED_NOTE
    })
  })

  test('an index that cannot tell changes nothing', () => {
    const search = new UpgradeSearch(PIN, [ADVISORY], '1.1', { offered: () => undefined })
    expect(asked(search)).toEqual(['1.1'])
  })
})

describe("UpgradeSearch with the index's releases, where the advisories name no fix", () => {
  /** Affects every release up to 1.2 and names no fix (a range closed by last_affected). */
  const UNFIXED: OsvRecord = {
    id: 'GHSA-2099-last',
    modified: '2099-01-01T00:00:00Z',
    affected: [
      {
        package: { ecosystem: 'PyPI', name: 'demo' },
        ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { last_affected: '1.2' }] }]
      }
    ]
  }
  /** What the feed knows of 1.2.1 only: introduced there, fixed in 1.4. */
  const LATER: OsvRecord = {
    id: 'GHSA-2099-later',
    modified: '2099-01-01T00:00:00Z',
    affected: [
      {
        package: { ecosystem: 'PyPI', name: 'demo' },
        ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '1.2.1' }, { fixed: '1.4' }] }]
      }
    ]
  }
  const RELEASES = ['0.9', '1.0', '1.2', '1.2.1', '1.3', '1.4']

  test('the first release after last_affected is asked about, and is the answer when clean', () => {
    const search = new UpgradeSearch(PIN, [UNFIXED], null, { releases: () => RELEASES })
    expect(asked(search)).toEqual(['1.2.1'])
    search.learn('1.2.1', [])
    expect(search.outcome(1, false)).toEqual({ upgrade: '1.2.1', settled: true })
  })

  test("a release the feed calls affected teaches its advisory's fix, which is asked next", () => {
    const search = new UpgradeSearch(PIN, [UNFIXED], null, { releases: () => RELEASES })
    asked(search)
    search.learn('1.2.1', [LATER])
    expect(asked(search)).toEqual(['1.4'])
    search.learn('1.4', [])
    expect(search.outcome(2, false)).toEqual({ upgrade: '1.4', settled: true })
    expect(search.passed).toEqual(['1.2.1'])
  })

  test('a release left unconfirmed is not read as "no fix known": the note says why', () => {
    const search = new UpgradeSearch(PIN, [UNFIXED], null, { releases: () => RELEASES })
    expect(asked(search)).toEqual(['1.2.1'])
    expect(search.outcome(1, false)).toEqual({
      upgrade: null,
      note: 'no version without known advisories found after 1 check',
      settled: false
    })
    expect(search.outcome(1, true).note).toBe(
      'no version without known advisories found (the advisory feed failed)'
    )
  })

  test('without the releases, or when the index cannot tell, there is no candidate, as before', () => {
    for (const releases of [undefined, () => undefined]) {
      const search = new UpgradeSearch(PIN, [UNFIXED], null, releases ? { releases } : {})
      expect(asked(search)).toEqual([])
      expect(search.outcome(0, false)).toEqual({ upgrade: null, settled: true })
    }
  })

  test("a fixed release the index lacks gives way to the index's next clean release", () => {
    // ADVISORY's fixes are 1.1 and 2.1; the index has neither, but has 2.1.1.
    const search = new UpgradeSearch(PIN, [ADVISORY], '1.1', {
      offered: v => ['1.0', '2.0', '2.1.1'].includes(v),
      releases: () => ['1.0', '2.0', '2.1.1']
    })
    expect(asked(search)).toEqual(['2.1.1'])
    search.learn('2.1.1', [])
    expect(search.outcome(1, false)).toEqual({ upgrade: '2.1.1', settled: true })
  })

  test("verifyUpgrades takes each name's releases and asks the feed about the candidate", async () => {
    const lookups: string[][] = []
    const feed: VerifyUpgradesOptions['feed'] = {
      name: 'stand-in',
      lookup: pins => {
        lookups.push(pins.map(pin => `${pin.name}==${pin.version}`))
        return Promise.resolve(pins.map(() => []))
      }
    }
    const pkg = { ...PIN, recommendedVersion: null, vulnerabilities: [{ record: UNFIXED }] }
    const verified = await verifyUpgrades([pkg], {
      feed,
      releases: name => (name === 'demo' ? RELEASES : undefined)
    })
    expect(lookups).toEqual([['demo==1.2.1']])
    expect(verified.packages[0]!.recommendedVersion).toBe('1.2.1')
  })
})
