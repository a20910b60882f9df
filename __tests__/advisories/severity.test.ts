import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { OsvRecord, OsvSeverity } from '../../src/advisories/osv.js'
import {
  compareSeverity,
  cvssBaseScore,
  isMalicious,
  levelOfScore,
  severityOf,
  type Severity
} from '../../src/advisories/severity.js'
import { TESTS_DIR } from '../support/paths.js'
import loadCvssCalculators from '../../src/advisories/cvss-calculator.cjs'

const SHARED = path.resolve(TESTS_DIR, '..', '..', 'shared', 'osv-pypi', 'PyPI')
const hasShared = existsSync(SHARED)
if (!hasShared) console.log(`Skipping tests on the real PyPA records: ${SHARED} is absent`)
const describeShared = hasShared ? describe : describe.skip

const BASE_METRICS = {
  'CVSS:4.0': ['AV', 'AC', 'AT', 'PR', 'UI', 'VC', 'VI', 'VA', 'SC', 'SI', 'SA'],
  'CVSS:3.1': ['AV', 'AC', 'PR', 'UI', 'S', 'C', 'I', 'A'],
  'CVSS:3.0': ['AV', 'AC', 'PR', 'UI', 'S', 'C', 'I', 'A']
} as const
const CALCULATORS = { 'CVSS:4.0': 'Cvss4P0', 'CVSS:3.1': 'Cvss3P1', 'CVSS:3.0': 'Cvss3P0' } as const

/** The base score ae-cvss-calculator gives a v3 or v4 vector's base metrics. */
function libraryScore(vector: string): number | undefined {
  const [prefix = '', ...parts] = vector.trim().split('/')
  if (!(prefix in BASE_METRICS)) return undefined
  const version = prefix as keyof typeof BASE_METRICS
  const given = new Map(parts.map(part => part.split(':') as [string, string]))
  const base = [prefix, ...BASE_METRICS[version].map(metric => `${metric}:${given.get(metric)}`)]
  const calculator = new (loadCvssCalculators()[CALCULATORS[version]])(base.join('/'))
  return calculator.isBaseFullyDefined() ? calculator.calculateScores().base : undefined
}

const record = (severity?: OsvSeverity[], extra: Partial<OsvRecord> = {}): OsvRecord => ({
  id: 'PYSEC-0000-1',
  modified: '2024-01-01T00:00:00Z',
  affected: [{ package: { ecosystem: 'PyPI', name: 'pkg' } }],
  ...(severity ? { severity } : {}),
  ...extra
})
const v2 = (score: string): OsvSeverity => ({ type: 'CVSS_V2', score })
const v3 = (score: string): OsvSeverity => ({ type: 'CVSS_V3', score })
const v4 = (score: string): OsvSeverity => ({ type: 'CVSS_V4', score })

/** A GitHub advisory as OSV serves it: no vector, only GitHub's own rating. */
const ghsa = (severity: unknown): OsvRecord =>
  record(undefined, {
    id: 'GHSA-x84v-xcm2-53pg',
    aliases: ['CVE-2018-18074'],
    database_specific: {
      cwe_ids: ['CWE-522'],
      github_reviewed: true,
      github_reviewed_at: '2018-10-29T19:28:17Z',
      nvd_published_at: null,
      severity
    }
  })

describe('cvssBaseScore against published scores', () => {
  test.each([
    // Log4Shell (CVE-2021-44228) as NVD scores it: v3.1 10.0, v2 9.3.
    ['CVSS_V3', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H', 10],
    ['CVSS_V2', 'AV:N/AC:M/Au:N/C:C/I:C/A:C', 9.3],
    // FIRST's CVSS v4.0 examples: network, no privileges, high vulnerable-system impact.
    ['CVSS_V4', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 9.3],
    ['CVSS_V4', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H', 10],
    // From the reference vectors of RedHatProductSecurity/cvss, checked against FIRST's calculators.
    ['CVSS_V4', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:H/VA:L/SC:N/SI:H/SA:L', 9.2],
    ['CVSS_V4', 'CVSS:4.0/AV:N/AC:L/AT:P/PR:H/UI:A/VC:N/VI:L/VA:L/SC:L/SI:N/SA:N', 1.8],
    ['CVSS_V4', 'CVSS:4.0/AV:N/AC:H/AT:N/PR:H/UI:A/VC:N/VI:N/VA:N/SC:N/SI:H/SA:N', 4],
    // The interpolation lands one ULP below 5.65 here; FIRST's calculator rounds it up.
    ['CVSS_V4', 'CVSS:4.0/AV:N/AC:L/AT:P/PR:H/UI:A/VC:N/VI:H/VA:L/SC:N/SI:N/SA:L', 5.7],
    ['CVSS_V3', 'CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:H/I:H/A:H', 9],
    ['CVSS_V3', 'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:C/C:L/I:L/A:L', 6.6],
    ['CVSS_V3', 'CVSS:3.0/S:U/AV:N/AC:L/PR:H/UI:N/C:L/I:L/A:N/E:F/RL:X', 3.8],
    ['CVSS_V2', 'AV:A/AC:M/Au:S/C:N/I:N/A:P', 2.3],
    ['CVSS_V2', 'AV:A/AC:M/Au:N/C:C/I:N/A:P/E:POC/RL:W/RC:UC', 6.4],
    // 1.08 * (5.7576 + 1.1498) = 7.46, which the v3 Roundup takes to 7.5.
    ['CVSS_V3', 'CVSS:3.1/AV:L/AC:H/PR:L/UI:N/S:C/C:H/I:H/A:N', 7.5]
  ] as const)('%s %s = %d', (type, vector, score) => {
    expect(cvssBaseScore(type, vector)).toBe(score)
  })

  test('scores only the base metrics: temporal, threat and environmental ones are left out', () => {
    // With E:U and MAV:P counted, v3.1 gives a temporal 9.0 and an environmental 6.2.
    expect(cvssBaseScore('CVSS_V3', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U/MAV:P')).toBe(
      9.8
    )
    // v4 E:P (a proof of concept, not seen attacked) would give CVSS-BT 8.6 instead of 9.4.
    expect(
      cvssBaseScore(
        'CVSS_V4',
        'CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/E:P'
      )
    ).toBe(9.4)
  })

  test('3.0 vectors are scored with the 3.0 rules', () => {
    expect(cvssBaseScore('CVSS_V3', 'CVSS:3.0/AV:N/AC:H/PR:L/UI:N/S:U/C:H/I:N/A:N')).toBe(5.3)
  })

  test.each([
    ['garbage', 'CVSS_V3', 'not a vector'],
    ['empty', 'CVSS_V3', ''],
    ['no prefix', 'CVSS_V3', 'AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'],
    ['unknown version', 'CVSS_V3', 'CVSS:3.2/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'],
    [
      'type says v3, vector is v4',
      'CVSS_V3',
      'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N'
    ],
    ['type says v4, vector is v3', 'CVSS_V4', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'],
    ['v2 with a prefix', 'CVSS_V2', 'CVSS:2.0/AV:N/AC:L/Au:N/C:P/I:P/A:P'],
    ['a base metric missing', 'CVSS_V3', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H'],
    ['a metric twice', 'CVSS_V3', 'CVSS:3.1/AV:N/AV:L/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'],
    ['an unknown metric', 'CVSS_V3', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/ZZ:Q'],
    ['an unknown value', 'CVSS_V3', 'CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'],
    ['an unknown temporal value', 'CVSS_V3', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:Z'],
    ['a base metric not defined', 'CVSS_V3', 'CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'],
    [
      'a trailing slash',
      'CVSS_V4',
      'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/'
    ]
  ] as const)('malformed (%s) gives no score', (_, type, vector) => {
    expect(cvssBaseScore(type, vector)).toBeUndefined()
  })
})

describe('severityOf', () => {
  // Vectors of real PyPA records (osv-pypi snapshot of 2026-07-23).
  test('PYSEC-2024-154 (ultralytics): v4 preferred over v3', () => {
    const severity = severityOf(
      record([
        v3('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:N/I:H/A:N'),
        v4('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:H/VA:N/SC:N/SI:N/SA:N')
      ])
    )
    expect(severity).toEqual({
      level: 'high',
      score: 8.7,
      vector: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:H/VA:N/SC:N/SI:N/SA:N',
      source: 'CVSS_V4'
    })
  })

  test('PYSEC-2025-186 (pywasm3): v4 with E:P is rated on its base metrics', () => {
    const vector =
      'CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:N/VI:N/VA:L/SC:N/SI:N/SA:N/E:P/CR:X/IR:X/AR:X/MAV:X/MAC:X/MAT:X/MPR:X/MUI:X/MVC:X/MVI:X/MVA:X/MSC:X/MSI:X/MSA:X/S:X/AU:X/R:X/V:X/RE:X/U:X'
    expect(severityOf(record([v4(vector)]))).toEqual({
      level: 'medium',
      score: 4.8,
      vector,
      source: 'CVSS_V4'
    })
  })

  test('PYSEC-2026-2408 (ciguard): a v3 of 0.0 beside a v4 takes the v4', () => {
    const severity = severityOf(
      record([
        v3('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N'),
        v4('CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:P/VC:L/VI:N/VA:N/SC:L/SI:N/SA:N')
      ])
    )
    expect(severity).toMatchObject({ level: 'low', score: 2.4, source: 'CVSS_V4' })
  })

  test('PYSEC-2016-40 (tryton): a v3.0 vector', () => {
    expect(severityOf(record([v3('CVSS:3.0/AV:N/AC:H/PR:L/UI:N/S:U/C:H/I:N/A:N')]))).toMatchObject({
      level: 'medium',
      score: 5.3,
      source: 'CVSS_V3'
    })
  })

  test('PYSEC-2026-3486: scope changed, critical', () => {
    expect(severityOf(record([v3('CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H')]))).toMatchObject({
      level: 'critical',
      score: 9.9,
      source: 'CVSS_V3'
    })
  })

  test('a score of 0.0 is rated low, not dropped', () => {
    expect(severityOf(record([v3('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N')]))).toEqual({
      level: 'low',
      score: 0,
      vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N',
      source: 'CVSS_V3'
    })
  })

  test('v2 when it is the only vector', () => {
    expect(severityOf(record([v2('AV:N/AC:M/Au:N/C:C/I:C/A:C')]))).toMatchObject({
      level: 'critical',
      score: 9.3,
      source: 'CVSS_V2'
    })
  })

  test('a malformed vector falls through to the next version', () => {
    const severity = severityOf(
      record([
        v4('CVSS:4.0/AV:N/AC:L'),
        v3('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:N'),
        v2('AV:N/AC:L/Au:N/C:C/I:C/A:C')
      ])
    )
    expect(severity).toMatchObject({ level: 'high', score: 7.5, source: 'CVSS_V3' })
  })

  test('two vectors of one version: the higher score', () => {
    const severity = severityOf(
      record([
        v3('CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:L/A:N'),
        v3('CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:N'),
        v3('CVSS:3.1/AV:A/AC:H/PR:N/UI:N/S:U/C:N/I:L/A:L')
      ])
    )
    expect(severity).toMatchObject({
      score: 8.1,
      vector: 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:N'
    })
  })

  test('ignores severity types it does not score', () => {
    expect(severityOf(record([{ type: 'Ubuntu', score: 'high' }]))).toEqual({
      level: 'unknown',
      source: 'none'
    })
  })

  test.each([
    ['LOW', 'low'],
    ['MODERATE', 'medium'],
    ['MEDIUM', 'medium'],
    ['HIGH', 'high'],
    ['CRITICAL', 'critical'],
    ['moderate', 'medium']
  ] as const)('GHSA database severity %s is %s', (value, level) => {
    expect(severityOf(ghsa(value))).toEqual({ level, source: 'database' })
  })

  test.each([['IMPORTANT'], [''], [3], [null]])('database severity %p is unknown', value => {
    expect(severityOf(ghsa(value))).toEqual({ level: 'unknown', source: 'none' })
  })

  test('a valid vector wins over the database rating; a malformed one does not', () => {
    const rated = (severity: OsvSeverity[]) => severityOf({ ...ghsa('CRITICAL'), severity }).source
    expect(rated([v3('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L')])).toBe('CVSS_V3')
    expect(rated([v3('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:')])).toBe('database')
  })

  test('no severity at all is unknown; bad shapes do not throw', () => {
    expect(severityOf(record())).toEqual({ level: 'unknown', source: 'none' })
    const bad = { ...record(), severity: 'CVSS:3.1/AV:N' } as unknown as OsvRecord
    expect(severityOf(bad)).toEqual({ level: 'unknown', source: 'none' })
    const badEntry = record([{ type: 'CVSS_V3', score: 7 } as unknown as OsvSeverity])
    expect(severityOf(badEntry).level).toBe('unknown')
  })
})

describe('levelOfScore', () => {
  test.each([
    [0, 'low'],
    [0.1, 'low'],
    [3.9, 'low'],
    [4, 'medium'],
    [6.9, 'medium'],
    [7, 'high'],
    [8.9, 'high'],
    [9, 'critical'],
    [10, 'critical']
  ] as const)('%d is %s', (score, level) => {
    expect(levelOfScore(score)).toBe(level)
  })
})

describe('compareSeverity', () => {
  test('sorts worst first, by score within a level, unknown last', () => {
    const list: Severity[] = [
      { level: 'unknown', source: 'none' },
      { level: 'medium', score: 5.3, source: 'CVSS_V3' },
      { level: 'critical', source: 'database' },
      { level: 'low', score: 2.4, source: 'CVSS_V4' },
      { level: 'critical', score: 9.1, source: 'CVSS_V3' },
      { level: 'medium', score: 6.1, source: 'CVSS_V3' }
    ]
    expect([...list].sort(compareSeverity).map(s => `${s.level}:${s.score ?? '-'}`)).toEqual([
      'critical:9.1',
      'critical:-',
      'medium:6.1',
      'medium:5.3',
      'low:2.4',
      'unknown:-'
    ])
  })
})

describe('isMalicious', () => {
  test('MAL- as the id or any alias', () => {
    expect(isMalicious({ id: 'MAL-2024-1234', aliases: [] })).toBe(true)
    expect(isMalicious({ id: 'GHSA-aaaa-bbbb-cccc', aliases: ['MAL-2024-1234'] })).toBe(true)
    expect(
      isMalicious({ id: 'PYSEC-2024-1', aliases: ['CVE-2024-1', 'GHSA-aaaa-bbbb-cccc'] })
    ).toBe(false)
    // An id that merely contains MAL is not one.
    expect(isMalicious({ id: 'OSV-MAL-1', aliases: [] })).toBe(false)
  })

  test('as upper-casing each id and asking for the MAL- prefix, on drawn ids', () => {
    const upperCased = (v: { id: string; aliases: string[] }): boolean =>
      [v.id, ...v.aliases].some(id => id.toUpperCase().startsWith('MAL-'))
    // Letters whose upper case is longer or ASCII (ß, ﬂ, ſ, ı), and others.
    const id = fc
      .tuple(
        fc.constantFrom('', 'MAL-', 'mal-', 'MaL-', 'MAL', 'mal', 'ma'),
        fc.array(fc.constantFrom(...'mMaAlL-ßﬂſıİKK0 '), { maxLength: 5 })
      )
      .map(([start, chars]) => start + chars.join(''))
    const anyId = fc.oneof(id, fc.string({ unit: 'binary', maxLength: 6 }))
    fc.assert(
      fc.property(anyId, fc.array(anyId, { maxLength: 3 }), (first, aliases) => {
        const vulnerability = { id: first, aliases }
        expect(isMalicious(vulnerability)).toBe(upperCased(vulnerability))
      }),
      { numRuns: 3000 }
    )
  })
})

describeShared('severityOf on the real PyPA records', () => {
  const load = (id: string): OsvRecord =>
    JSON.parse(readFileSync(path.join(SHARED, `${id}.json`), 'utf8')) as OsvRecord

  test('the records quoted above, read from the snapshot', () => {
    expect(severityOf(load('PYSEC-2024-154'))).toMatchObject({ score: 8.7, source: 'CVSS_V4' })
    expect(severityOf(load('PYSEC-2025-186'))).toMatchObject({ score: 4.8, level: 'medium' })
    expect(severityOf(load('PYSEC-2026-2408'))).toMatchObject({ score: 2.4, source: 'CVSS_V4' })
    expect(severityOf(load('PYSEC-2016-40'))).toMatchObject({ score: 5.3, source: 'CVSS_V3' })
    expect(severityOf(load('PYSEC-2026-3486'))).toMatchObject({ score: 9.9, level: 'critical' })
  })

  test('every vector in the snapshot is well-formed, scored by its newest version as the library scores it', () => {
    let rated = 0
    let vectors = 0
    for (const file of readdirSync(SHARED)) {
      const osv = JSON.parse(readFileSync(path.join(SHARED, file), 'utf8')) as OsvRecord
      const severity = severityOf(osv)
      const types = (osv.severity ?? []).map(entry => entry.type)
      for (const entry of osv.severity ?? []) {
        if (entry.type !== 'CVSS_V4' && entry.type !== 'CVSS_V3') continue
        vectors++
        expect({ file, score: cvssBaseScore(entry.type, entry.score) }).toEqual({
          file,
          score: libraryScore(entry.score)
        })
      }
      if (types.length === 0) {
        expect(severity).toEqual({ level: 'unknown', source: 'none' })
        continue
      }
      rated++
      const newest = ['CVSS_V4', 'CVSS_V3', 'CVSS_V2'].find(type => types.includes(type))
      expect({ file, source: severity.source }).toEqual({ file, source: newest })
      expect(severity.level).toBe(levelOfScore(severity.score!))
    }
    // The snapshot's README counts 4,286 records with a severity.
    expect(rated).toBe(4286)
    expect(vectors).toBe(4738)
  })
})
