import { describe, expect, test } from '@jest/globals'
import loadCvssCalculators from '../../src/advisories/cvss-calculator.cjs'
import { cvss3BaseScore } from '../../src/advisories/cvss3.js'
import { cvssBaseScore } from '../../src/advisories/severity.js'

/** Every base metric of CVSS v3 with its values. */
const BASE: [string, string[]][] = [
  ['AV', ['N', 'A', 'L', 'P']],
  ['AC', ['L', 'H']],
  ['PR', ['N', 'L', 'H']],
  ['UI', ['N', 'R']],
  ['S', ['U', 'C']],
  ['C', ['H', 'L', 'N']],
  ['I', ['H', 'L', 'N']],
  ['A', ['H', 'L', 'N']]
]

function allBaseVectors(): [string, string][][] {
  let vectors: [string, string][][] = [[]]
  for (const [metric, values] of BASE) {
    vectors = vectors.flatMap(vector =>
      values.map((value): [string, string][] => [...vector, [metric, value]])
    )
  }
  return vectors
}

function libraryScore(minor: '3.0' | '3.1', vector: string): number | undefined {
  const { Cvss3P0, Cvss3P1 } = loadCvssCalculators()
  const calculator = new (minor === '3.1' ? Cvss3P1 : Cvss3P0)(vector)
  return calculator.isBaseFullyDefined() ? calculator.calculateScores().base : undefined
}

describe('cvss3BaseScore', () => {
  test.each(['3.0', '3.1'] as const)(
    "gives ae-cvss-calculator's score on all 2,592 base vectors of CVSS %s",
    minor => {
      const vectors = allBaseVectors()
      expect(vectors).toHaveLength(2592)
      for (const metrics of vectors) {
        const vector = `CVSS:${minor}/${metrics.map(pair => pair.join(':')).join('/')}`
        expect({ vector, score: cvss3BaseScore(new Map(metrics), minor) }).toEqual({
          vector,
          score: libraryScore(minor, vector)
        })
      }
    }
  )

  test('declines values the specification does not define, and a missing metric', () => {
    const metrics = new Map(allBaseVectors()[0])
    expect(cvss3BaseScore(metrics, '3.1')).toBe(9.8)
    expect(cvss3BaseScore(new Map([...metrics, ['S', 'X']]), '3.1')).toBeUndefined()
    expect(cvss3BaseScore(new Map([...metrics, ['AV', 'n']]), '3.1')).toBeUndefined()
    const missing = new Map(metrics)
    missing.delete('UI')
    expect(cvss3BaseScore(missing, '3.0')).toBeUndefined()
  })
})

describe('cvssBaseScore with CVSS v3 vectors', () => {
  test('scores the base metrics of a vector with temporal and environmental metrics', () => {
    const base = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'
    expect(cvssBaseScore('CVSS_V3', base)).toBe(9.8)
    expect(cvssBaseScore('CVSS_V3', `${base}/E:U/RL:O/MAV:P`)).toBe(9.8)
    expect(cvssBaseScore('CVSS_V3', `${base}/E:Z`)).toBeUndefined()
    expect(cvssBaseScore('CVSS_V3', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:X/C:H/I:H/A:H')).toBe(
      libraryScore('3.1', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:X/C:H/I:H/A:H')
    )
  })
})
