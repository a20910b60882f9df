import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { compare } from '@renovatebot/pep440'
import { affects, isPep440, recordAffects } from '../../src/advisories/match.js'
import type { OsvAffected, OsvEvent, OsvRecord } from '../../src/advisories/osv.js'
import { TESTS_DIR } from '../support/paths.js'

const RECORDS = path.resolve(TESTS_DIR, 'fixtures', 'osv', 'records')
const record = (id: string): OsvRecord =>
  JSON.parse(readFileSync(path.join(RECORDS, `${id}.json`), 'utf8')) as OsvRecord

const ecosystem = (...events: OsvEvent[]): OsvAffected => ({
  package: { ecosystem: 'PyPI', name: 'pkg' },
  ranges: [{ type: 'ECOSYSTEM', events }]
})
const affected = (entry: OsvAffected, versions: string[]) =>
  versions.filter(version => affects(entry, version))

describe('introduced / fixed', () => {
  const entry = ecosystem({ introduced: '1.0' }, { fixed: '2.0.0' })

  test('is a half-open interval in PEP 440 order', () => {
    expect(
      affected(entry, ['0.9', '1.0', '1.0.0', '1.5', '1.99', '2.0', '2.0.0', '2.0.1', '10.0'])
    ).toEqual(['1.0', '1.0.0', '1.5', '1.99'])
  })

  test('puts pre-releases below their release and post-releases above it', () => {
    expect(affects(entry, '2.0.0rc1')).toBe(true)
    expect(affects(entry, '2.0.0.dev3')).toBe(true)
    expect(affects(entry, '2.0.0.post1')).toBe(false)
    expect(affects(entry, '1.0rc1')).toBe(false)
  })

  test('compares numerically, never as strings or semver', () => {
    const tenth = ecosystem({ introduced: '1.9' }, { fixed: '1.10' })
    expect(affected(tenth, ['1.9.5', '1.10', '1.2', '1.09.9', '1.10.0'])).toEqual([
      '1.9.5',
      '1.09.9'
    ])
    // PEP 440 allows an epoch and a leading "v"; semver does not.
    expect(affects(entry, 'v1.5')).toBe(true)
    expect(affects(entry, '1!0.1')).toBe(false)
  })

  test('"introduced: 0" starts below every version, even 0.dev0', () => {
    const all = ecosystem({ introduced: '0' }, { fixed: '1.0' })
    expect(affected(all, ['0.dev0', '0a1', '0', '0.0.1', '0.9.9', '1.0'])).toEqual([
      '0.dev0',
      '0a1',
      '0',
      '0.0.1',
      '0.9.9'
    ])
  })

  test('with no fix, stays open', () => {
    expect(affects(ecosystem({ introduced: '3.1' }), '999.0')).toBe(true)
    expect(affects(ecosystem({ introduced: '3.1' }), '3.0.9')).toBe(false)
  })
})

test('last_affected includes its own version and nothing above', () => {
  const entry = ecosystem({ introduced: '1.0' }, { last_affected: '1.5' })
  expect(affected(entry, ['0.9', '1.0', '1.5', '1.5.0', '1.5.post1', '1.5.1.dev0', '1.6'])).toEqual(
    ['1.0', '1.5', '1.5.0']
  )
})

test('limit caps the range; "*" and no limit mean none; any limit above lets a version in', () => {
  expect(affects(ecosystem({ introduced: '0' }, { limit: '2.0' }), '1.9')).toBe(true)
  expect(affects(ecosystem({ introduced: '0' }, { limit: '2.0' }), '2.0')).toBe(false)
  expect(affects(ecosystem({ introduced: '0' }, { limit: '*' }), '99')).toBe(true)
  const two = ecosystem({ introduced: '0' }, { limit: '2.0' }, { limit: '3.0' })
  expect(affects(two, '2.5')).toBe(true)
  expect(affects(two, '3.0')).toBe(false)
})

test('events are evaluated in version order, not listed order (real PYSEC-2023-192, urllib3)', () => {
  const [entry] = record('PYSEC-2023-192').affected!
  // Listed as introduced 2.0.0, fixed 2.0.6, introduced 0, fixed 1.26.17.
  expect(
    affected(entry!, ['1.26.16', '1.26.17', '1.27', '2.0.0', '2.0.5', '2.0.6', '2.1.0'])
  ).toEqual(['1.26.16', '2.0.0', '2.0.5'])
})

test('any range or listed version is enough', () => {
  const entry: OsvAffected = {
    ranges: [
      { type: 'ECOSYSTEM', events: [{ introduced: '1.0' }, { fixed: '1.1' }] },
      { type: 'ECOSYSTEM', events: [{ introduced: '3.0' }, { fixed: '3.1' }] }
    ],
    versions: ['5.0']
  }
  expect(affected(entry, ['1.0.5', '2.0', '3.0.1', '4.0', '5.0', '5.0.0', '5.0.1'])).toEqual([
    '1.0.5',
    '3.0.1',
    '5.0',
    '5.0.0'
  ])
})

describe('versions list', () => {
  test('matches PEP 440 equal spellings (real PYSEC-2018-28 lists "0.12.01")', () => {
    const onlyList: OsvAffected = { versions: record('PYSEC-2018-28').affected![0]!.versions! }
    expect(affects(onlyList, '0.12.1')).toBe(true)
    expect(affects(onlyList, '2.19.1')).toBe(true)
    expect(affects(onlyList, '2.19.1.0')).toBe(true)
    expect(affects(onlyList, '2.20.0')).toBe(false)
  })

  test('PEP 440 equality covers spelling, not meaning', () => {
    const equal = (listed: string, version: string) => affects({ versions: [listed] }, version)
    expect(equal('1.0c1', '1.0RC1')).toBe(true)
    expect(equal('1.0+Ubuntu-01', '1.0+ubuntu.1')).toBe(true)
    expect(equal('0', '0.0.0')).toBe(true)
    expect(equal('1.0', '1.0.post0')).toBe(false)
    expect(equal('1.0', '1.0+local')).toBe(false)
    expect(equal('1.0', '1!1.0')).toBe(false)
    expect(equal('1.0', '1.0.dev0')).toBe(false)
  })

  test('falls back to exact string equality for entries that are not PEP 440 (real PYSEC-2020-341)', () => {
    const [entry] = record('PYSEC-2020-341').affected!
    const odd = '-class.-jw.util.version.Version-'
    expect(isPep440(odd)).toBe(false)
    expect(affects({ versions: entry!.versions! }, odd)).toBe(true)
    expect(affects({ versions: entry!.versions! }, odd.toUpperCase())).toBe(false)
  })

  test('a version that is not PEP 440 matches only an exact listing, never a range', () => {
    const open = ecosystem({ introduced: '0' })
    expect(affects(open, 'not-a-version')).toBe(false)
    expect(affects({ ...open, versions: ['not-a-version'] }, 'not-a-version')).toBe(true)
  })
})

test('GIT ranges are ignored: their events are commit hashes', () => {
  const git: OsvAffected = {
    ranges: [{ type: 'GIT', repo: 'https://example.invalid/r', events: [{ introduced: '0' }] }]
  }
  expect(affects(git, '1.0')).toBe(false)
  // PYSEC-2018-28 has a GIT range fixed at a commit hash next to its ECOSYSTEM range.
  expect(recordAffects(record('PYSEC-2018-28'), 'requests', '2.20.0')).toBe(false)
  expect(recordAffects(record('PYSEC-2018-28'), 'requests', '2.19.1')).toBe(true)
})

test('SEMVER ranges on a PyPI package are read with PEP 440 ordering', () => {
  const entry: OsvAffected = {
    ranges: [{ type: 'SEMVER', events: [{ introduced: '1.0.0' }, { fixed: '1.2.0' }] }]
  }
  expect(affected(entry, ['0.9.0', '1.0.0', '1.1.5', '1.2.0rc1', '1.2.0', '1.10.0'])).toEqual([
    '1.0.0',
    '1.1.5',
    '1.2.0rc1'
  ])
})

describe('events that are not PEP 440 widen the range, never narrow it', () => {
  test('an unreadable last_affected is dropped (real PYSEC-2025-192: "2.6.0-NA", torch)', () => {
    const torch = record('PYSEC-2025-192')
    expect(recordAffects(torch, 'torch', '2.5.1')).toBe(true)
    expect(recordAffects(torch, 'torch', '2.7.0')).toBe(true)
  })

  test('an unreadable fixed leaves its interval open up to the next readable fix', () => {
    const entry = ecosystem(
      { introduced: '0' },
      { fixed: '1.0-NA' },
      { introduced: '2.0' },
      { fixed: '2.5' }
    )
    expect(affected(entry, ['0.5', '1.5', '2.2', '2.5', '3.0'])).toEqual(['0.5', '1.5', '2.2'])
    // Real PYSEC-2026-686 (neutron): every fix is like "7.2.0-12.1", so every release is flagged.
    expect(recordAffects(record('PYSEC-2026-686'), 'neutron', '28.0.1')).toBe(true)
  })

  test('an unreadable introduced makes the whole range affect every version', () => {
    const entry = ecosystem(
      { introduced: '1.0' },
      { fixed: '2.0' },
      { introduced: '2024-12-04' },
      { fixed: '4.0' }
    )
    expect(affected(entry, ['0.1', '1.5', '3.0', '9.0'])).toEqual(['0.1', '1.5', '3.0', '9.0'])
    // The same range without the unreadable event would have said no.
    expect(
      affects(ecosystem({ introduced: '1.0' }, { fixed: '2.0' }, { fixed: '4.0' }), '3.0')
    ).toBe(false)
  })

  test('an unreadable limit counts as no limit', () => {
    const entry = ecosystem({ introduced: '1.0' }, { limit: '2.0' }, { limit: 'two-point-five' })
    expect(affected(entry, ['0.5', '1.5', '5.0'])).toEqual(['1.5', '5.0'])
  })
})

describe('recordAffects', () => {
  test('withdrawn records never match, whatever their ranges say', () => {
    const withdrawn = record('PYSEC-2023-293') // repox, introduced 0, withdrawn
    expect(recordAffects(withdrawn, 'repox', '0.0.1')).toBe(false)
    const { withdrawn: _, ...active } = withdrawn
    expect(recordAffects(active, 'repox', '0.0.1')).toBe(true)
    expect(
      recordAffects({ ...active, withdrawn: null as unknown as string }, 'repox', '0.0.1')
    ).toBe(true)
  })

  test('a record with no affected list spares no version (only a server match hands one on)', () => {
    const { affected: _, ...bare } = record('PYSEC-2018-28')
    expect(recordAffects(bare, 'requests', '2.19.1')).toBe(true)
    expect(recordAffects(bare, 'requests', '99.0')).toBe(true)
    // An empty list is a list: it names no affected version.
    expect(recordAffects({ ...bare, affected: [] }, 'requests', '2.19.1')).toBe(false)
    expect(recordAffects({ ...bare, withdrawn: '2024-01-01T00:00:00Z' }, 'requests', '1.0')).toBe(
      false
    )
  })

  test('only PyPI entries for the normalised name count', () => {
    const requests = record('PYSEC-2018-28')
    expect(recordAffects(requests, 'requests', '2.19.1')).toBe(true)
    expect(recordAffects(requests, 'Requests', '2.19.1')).toBe(true)
    expect(recordAffects(requests, 'requests-oauthlib', '2.19.1')).toBe(false)
    const npm = {
      ...requests,
      affected: requests.affected!.map(a => ({
        ...a,
        package: { ecosystem: 'npm', name: 'requests' }
      }))
    }
    expect(recordAffects(npm, 'requests', '2.19.1')).toBe(false)
    // Real PYSEC-2020-341 names its package "jw.util"; PEP 503 makes that "jw-util".
    expect(recordAffects(record('PYSEC-2020-341'), 'jw-util', '2.2')).toBe(true)
    expect(recordAffects(record('PYSEC-2020-341'), 'jw-util', '2.3')).toBe(false)
  })

  test('checks every affected entry (real PYSEC-2026-3486, mistral)', () => {
    const mistral = record('PYSEC-2026-3486')
    const hits = ['19.0.0', '20.0.0', '20.0.5', '20.1.1', '21.0.0', '21.0.1', '22.0.0'].filter(v =>
      recordAffects(mistral, 'mistral', v)
    )
    expect(hits).toEqual(['20.0.0', '20.0.5', '21.0.0', '22.0.0'])
  })

  test('a versions-only record (real PYSEC-2025-72, num2words malware)', () => {
    const malware = record('PYSEC-2025-72')
    expect(
      ['0.5.14', '0.5.15', '0.5.16', '0.5.16.0'].filter(v => recordAffects(malware, 'num2words', v))
    ).toEqual(['0.5.15', '0.5.16', '0.5.16.0'])
  })
})

describe('events at equal versions keep the order the record lists them in, as osv.dev does', () => {
  // The schema sorts events by version and leaves ties open; osv.dev's stable sort keeps the
  // record's order. A property run once found `fixed` and `introduced` at the same version.
  test('"fixed: X" then "introduced: X" reopens the range at X (the failing property case)', () => {
    const entry = ecosystem({ fixed: '1.3.12.post2' }, { introduced: '1.3.12.post2' })
    expect(affected(entry, ['1.3.12', '1.3.12.post1', '1.3.12.post2', '1.4.0', '99'])).toEqual([
      '1.3.12.post2',
      '1.4.0',
      '99'
    ])
  })

  test('"introduced: X" then "fixed: X" is empty (the mirror case)', () => {
    const entry = ecosystem({ introduced: '1.3.12.post2' }, { fixed: '1.3.12.post2' })
    expect(affected(entry, ['1.3.12', '1.3.12.post2', '1.3.12.post2.0', '1.4.0', '99'])).toEqual([])
  })

  test('"last_affected: X" then "fixed: X" keeps X affected, as osv.dev reads it', () => {
    // osv.dev closes [0, 1.5] at the last_affected; the fix at 1.5 then has nothing to close.
    // Reading the schema's loop literally, the fix would unflag 1.5: the reading that reports less.
    const entry = ecosystem({ introduced: '0' }, { last_affected: '1.5' }, { fixed: '1.5' })
    expect(affected(entry, ['1.0', '1.5', '1.5.0', '1.5.post1', '2.0'])).toEqual([
      '1.0',
      '1.5',
      '1.5.0'
    ])
  })

  test('a range split at a version stays whole (real PYSEC-2024-258, scrapy)', () => {
    // Its ECOSYSTEM range, as published; its `versions` list names 2.0.0 to 2.11.1 as affected.
    const scrapy = ecosystem(
      { introduced: '0' },
      { fixed: '2.0.0' },
      { introduced: '2.0.0' },
      { fixed: '2.11.2' }
    )
    expect(affected(scrapy, ['1.8.4', '2.0.0', '2.0.1', '2.11.1', '2.11.2', '2.12.0'])).toEqual([
      '1.8.4',
      '2.0.0',
      '2.0.1',
      '2.11.1'
    ])
  })
})

const smallVersion = fc
  .tuple(fc.nat(12), fc.nat(12), fc.nat(12), fc.constantFrom('', 'rc1', '.post2', '.dev0'))
  .map(([a, b, c, suffix]) => `${a}.${b}.${c}${suffix}`)

test('property: an introduced/fixed range holds exactly the versions between', () => {
  fc.assert(
    fc.property(smallVersion, smallVersion, smallVersion, fc.boolean(), (x, y, v, fixedFirst) => {
      const [low, high] = compare(x, y) <= 0 ? [x, y] : [y, x]
      const events: OsvEvent[] = fixedFirst
        ? [{ fixed: high }, { introduced: low }]
        : [{ introduced: low }, { fixed: high }]
      const between = compare(v, low) >= 0 && compare(v, high) < 0
      // At one version (seed -2087738034 drew it): listed order decides, as in osv.dev.
      const reopened = fixedFirst && compare(low, high) === 0 && compare(v, low) >= 0
      expect(affects(ecosystem(...events), v)).toBe(between || reopened)
    }),
    { examples: [['1.3.12.post2', '1.3.12.post2', '1.4.0', true]] }
  )
})

/**
 * osv.dev's reading of a range (enumerate_versions in osv/impact.py), written out as it is
 * there: `introduced: "0"` first, the other events in a stable sort by version, then each
 * `introduced` opens an interval that the next `fixed` or `last_affected` closes.
 */
function osvDevAffects(events: readonly OsvEvent[], version: string): boolean {
  const at = (event: OsvEvent) => event.introduced ?? event.fixed ?? event.last_affected!
  const sorted = events
    .filter(event => event.introduced !== '0')
    .sort((a, b) => compare(at(a), at(b)))
  if (events.some(event => event.introduced === '0')) sorted.unshift({ introduced: '0' })
  const from = (start: string) => start === '0' || compare(version, start) >= 0
  let open: string | undefined
  for (const event of sorted) {
    if (event.introduced !== undefined && open === undefined) open = event.introduced
    if (open !== undefined && event.fixed !== undefined) {
      if (from(open) && compare(version, event.fixed) < 0) return true
      open = undefined
    }
    if (open !== undefined && event.last_affected !== undefined) {
      if (from(open) && compare(version, event.last_affected) <= 0) return true
      open = undefined
    }
  }
  return open !== undefined && from(open)
}

test('property: any list of events, in any order, reads as osv.dev reads it', () => {
  const pool = fc.constantFrom('1.0', '1.0.0', '1.0.post1', '1.1rc1', '1.1', '2.0', '2.0.1')
  const event: fc.Arbitrary<OsvEvent> = fc.oneof(
    pool.map(at => ({ introduced: at })),
    fc.constant({ introduced: '0' }),
    pool.map(at => ({ fixed: at })),
    pool.map(at => ({ last_affected: at }))
  )
  const version = fc.constantFrom('0.9', '1.0', '1.0.post1', '1.1rc1', '1.1', '1.5', '2.0', '3.0')
  fc.assert(
    fc.property(fc.array(event, { minLength: 1, maxLength: 6 }), version, (events, v) => {
      expect(affects(ecosystem(...events), v)).toBe(osvDevAffects(events, v))
    }),
    { numRuns: 2000 }
  )
})
