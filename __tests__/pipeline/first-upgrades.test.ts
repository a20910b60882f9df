/**
 * First upgrade candidates worked out while the lookup still fetches: used only for the very
 * records they were worked out from, the same answer as working them out afterwards.
 */
import { describe, expect, test } from '@jest/globals'
import type { AdvisoryFeed, OsvRecord } from '../../src/advisories/osv.js'
import { OsvApiFeed } from '../../src/advisories/osv-api.js'
import { rememberedRecommendation, type UpgradeAdviceStore } from '../../src/advisories/upgrade.js'
import { FirstUpgrades } from '../../src/pipeline/first-upgrades.js'
import { lookUpAdvisories, readByTheLookup } from '../../src/pipeline/look-up.js'
import { dependency } from '../support/fixtures.js'
import { OsvServer } from '../support/osv-server.js'

function advisory(
  id: string,
  introduced: string,
  fixed: string,
  modified = '2026-07-01'
): OsvRecord {
  return {
    id,
    modified: `${modified}T00:00:00Z`,
    affected: [
      {
        package: { ecosystem: 'PyPI', name: 'demo' },
        ranges: [{ type: 'ECOSYSTEM', events: [{ introduced }, { fixed }] }]
      }
    ]
  }
}
const FIRST = advisory('PYSEC-DEMO-1', '0', '2.0')
const SECOND = advisory('PYSEC-DEMO-2', '0', '3.0')
const PIN = { name: 'demo', version: '1.0' }
const turns = () => new Promise(resolve => setTimeout(resolve, 10))

/** A store with no answers that counts how often a candidate was worked out. */
function countingStore(): { store: UpgradeAdviceStore; count: () => number } {
  let asked = 0
  return {
    store: { get: () => void asked++, set: () => {} },
    count: () => asked
  }
}

describe('FirstUpgrades', () => {
  test('a candidate worked out between answers is taken for the same records, not worked out again', async () => {
    const { store, count } = countingStore()
    const first = new FirstUpgrades(store)
    first.prepare(PIN, [FIRST])
    expect(count()).toBe(0) // later, between turns of the event loop
    await turns()
    expect(count()).toBe(1)
    expect(first.upgradeFor(PIN, [FIRST])).toBe('2.0')
    expect(count()).toBe(1)
    // Other records (another `modified` counts): worked out again, the same way as without.
    const updated = { ...FIRST, modified: '2026-08-01T00:00:00Z' }
    expect(first.upgradeFor(PIN, [updated, SECOND])).toBe(
      rememberedRecommendation(PIN, [updated, SECOND], undefined)
    )
    expect(count()).toBe(2)
  })

  test('after stop, what later lookups tell is left alone', async () => {
    const { store, count } = countingStore()
    const first = new FirstUpgrades(store)
    first.prepare(PIN, [FIRST])
    first.stop()
    first.prepare({ name: 'demo', version: '1.5' }, [FIRST])
    await turns()
    expect(count()).toBe(0)
  })

  test('records the lookup read before the head start came to them are not read again', async () => {
    const { store, count } = countingStore()
    const first = new FirstUpgrades(store)
    // As a warm cache answers: the records handed out early in the same turn as the answer.
    const feed: AdvisoryFeed = {
      name: 'cache',
      lookup: async queries => {
        const records = queries.map(pin => (pin.name === 'demo' ? [FIRST, SECOND] : []))
        queries.forEach((pin, i) => first.prepare(pin, records[i]!))
        return records
      }
    }
    const sources = [
      {
        file: '/r.txt',
        format: 'requirements' as const,
        dependencies: [dependency('demo', '1.0', '/r.txt', 1)],
        skipped: []
      }
    ]
    let handedOut: readonly OsvRecord[] = []
    const result = await lookUpAdvisories(sources, {
      ...feed,
      lookup: async queries => {
        const answers = await feed.lookup(queries)
        handedOut = answers[0]!
        return answers
      }
    })
    const [demo] = result.packages
    // The head start finds the lookup's own reading (the very objects), not a second one.
    expect(readByTheLookup(handedOut, 'demo')).toBe(demo!.vulnerabilities)
    expect(readByTheLookup(handedOut, 'other')).toBeUndefined()
    await turns()
    expect(demo!.vulnerabilities.map(v => v.id)).toEqual(['PYSEC-DEMO-1', 'PYSEC-DEMO-2'])
    expect(count()).toBe(1) // the candidate is still worked out ahead, from that reading
    expect(first.upgradeFor(PIN, [FIRST, SECOND])).toBe('3.0')
    expect(count()).toBe(1)
  })

  test('wired to the OSV API feed: the lookup gives the same findings, the candidate is ready', async () => {
    const server = new OsvServer((name, version) =>
      name === 'demo' && version === '1.0' ? [FIRST, SECOND] : []
    )
    const { store, count } = countingStore()
    const first = new FirstUpgrades(store)
    const feed = new OsvApiFeed({
      baseUrl: await server.start(),
      retry: { attempts: 1 },
      onRecords: (pin, records) => first.prepare(pin, records)
    })
    try {
      const sources = [
        {
          file: '/r.txt',
          format: 'requirements' as const,
          dependencies: [
            dependency('demo', '1.0', '/r.txt', 1),
            dependency('other', '1.0', '/r.txt', 2)
          ],
          skipped: []
        }
      ]
      const result = await lookUpAdvisories(sources, feed)
      await turns()
      const [demo] = result.packages
      expect(demo!.vulnerabilities.map(v => v.id)).toEqual(['PYSEC-DEMO-1', 'PYSEC-DEMO-2'])
      expect(count()).toBe(1)
      expect(
        first.upgradeFor(
          demo!,
          demo!.vulnerabilities.map(v => v.record)
        )
      ).toBe('3.0')
      expect(count()).toBe(1)
    } finally {
      await feed.close()
      await server.close()
    }
  })
})
