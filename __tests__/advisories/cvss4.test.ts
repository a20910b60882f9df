import { describe, expect, jest, test } from '@jest/globals'
import fc from 'fast-check'
import loadCvssCalculators from '../../src/advisories/cvss-calculator.cjs'
import { cvss4BaseScore } from '../../src/advisories/cvss4.js'
import { cvssBaseScore } from '../../src/advisories/severity.js'

/** Every base metric of CVSS v4.0 with its values. */
const BASE: [string, string[]][] = [
  ['AV', ['N', 'A', 'L', 'P']],
  ['AC', ['L', 'H']],
  ['AT', ['N', 'P']],
  ['PR', ['N', 'L', 'H']],
  ['UI', ['N', 'P', 'A']],
  ['VC', ['H', 'L', 'N']],
  ['VI', ['H', 'L', 'N']],
  ['VA', ['H', 'L', 'N']],
  ['SC', ['H', 'L', 'N']],
  ['SI', ['H', 'L', 'N']],
  ['SA', ['H', 'L', 'N']]
]
const baseVector = fc.tuple(...BASE.map(([, values]) => fc.constantFrom(...values)))
const vectorOf = (values: readonly string[]): string =>
  `CVSS:4.0/${BASE.map(([metric], i) => `${metric}:${values[i]}`).join('/')}`
const metricsOf = (values: readonly string[]): Map<string, string> =>
  new Map(BASE.map(([metric], i) => [metric, values[i]!]))
const libraryScore = (vector: string): number | undefined =>
  new (loadCvssCalculators().Cvss4P0)(vector).calculateScores().base

describe('cvss4BaseScore', () => {
  // Checked once over all 104,976 base vectors as well; drawn here to keep the test quick.
  test("gives ae-cvss-calculator's base score on drawn base vectors", () => {
    fc.assert(
      fc.property(baseVector, values => {
        expect(cvss4BaseScore(metricsOf(values))).toBe(libraryScore(vectorOf(values)))
      }),
      { numRuns: 3000 }
    )
  })

  test('agrees where every impact is High or None, and at the edges of each class', () => {
    const corners = [
      ['N', 'L', 'N', 'N', 'N', 'H', 'H', 'H', 'H', 'H', 'H'],
      ['P', 'H', 'P', 'H', 'A', 'N', 'N', 'N', 'N', 'N', 'N'],
      ['P', 'H', 'P', 'H', 'A', 'L', 'L', 'L', 'L', 'L', 'L'],
      ['A', 'L', 'N', 'L', 'P', 'N', 'N', 'L', 'N', 'N', 'N'],
      ['L', 'H', 'N', 'N', 'N', 'H', 'L', 'N', 'H', 'N', 'N'],
      ['N', 'L', 'P', 'H', 'A', 'N', 'H', 'L', 'N', 'N', 'L']
    ]
    for (const values of corners) {
      expect(cvss4BaseScore(metricsOf(values))).toBe(libraryScore(vectorOf(values)))
    }
    expect(cvss4BaseScore(metricsOf(corners[1]!))).toBe(0)
  })

  test('declines values it does not score, a missing metric included', () => {
    const values = ['N', 'L', 'N', 'N', 'N', 'H', 'H', 'H', 'N', 'N', 'N']
    expect(cvss4BaseScore(new Map([...metricsOf(values), ['SI', 'S']]))).toBeUndefined()
    expect(cvss4BaseScore(new Map([...metricsOf(values), ['AV', 'n']]))).toBeUndefined()
    const missing = metricsOf(values)
    missing.delete('AT')
    expect(cvss4BaseScore(missing)).toBeUndefined()
  })
})

describe('cvssBaseScore with CVSS v4 vectors', () => {
  test('scores the base metrics of a vector with threat and environmental metrics', () => {
    const base = 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N'
    expect(cvssBaseScore('CVSS_V4', `${base}/E:U/CR:L/MAV:P`)).toBe(9.3)
    expect(cvssBaseScore('CVSS_V4', `${base}/E:Q`)).toBeUndefined()
  })

  test('falls back to the library for a value the library takes and cvss4.ts does not', () => {
    // Whatever the library makes of it (it warns that it finds no distances), the answer is
    // the library's.
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
    const vector = 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:S/SA:N'
    const calculator = new (loadCvssCalculators().Cvss4P0)(vector)
    const expected = calculator.isBaseFullyDefined() ? calculator.calculateScores().base : undefined
    expect(cvssBaseScore('CVSS_V4', vector)).toBe(expected)
    warn.mockRestore()
  })
})
