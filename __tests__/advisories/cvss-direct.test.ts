/**
 * severity.ts scores CVSS v3 and v4 vectors with cvss3.ts and cvss4.ts where it can, and with
 * ae-cvss-calculator where it cannot: whatever the vector, the answer is what scoring it with
 * the library alone gave.
 */
import { describe, expect, jest, test } from '@jest/globals'
import fc from 'fast-check'
import loadCvssCalculators from '../../src/advisories/cvss-calculator.cjs'
import { CVSS3_OTHER_METRICS, CVSS4_OTHER_METRICS } from '../../src/advisories/cvss-metrics.js'
import { cvssBaseScore } from '../../src/advisories/severity.js'

type Name = 'Cvss4P0' | 'Cvss3P1' | 'Cvss3P0'
const PREFIX: Record<Name, string> = {
  Cvss4P0: 'CVSS:4.0/',
  Cvss3P1: 'CVSS:3.1/',
  Cvss3P0: 'CVSS:3.0/'
}

/** The library's metrics of a version by category: short name to the values' short names. */
function libraryMetrics(name: Name): { base: Map<string, string[]>; other: Map<string, string[]> } {
  const registered = new (loadCvssCalculators()[name])().getRegisteredComponents() as Map<
    { name: string },
    { shortName: string; values: { shortName: string }[] }[]
  >
  const base = new Map<string, string[]>()
  const other = new Map<string, string[]>()
  for (const [category, components] of registered) {
    for (const component of components) {
      const values = component.values.map(value => value.shortName)
      ;(category.name === 'base' ? base : other).set(component.shortName, values)
    }
  }
  return { base, other }
}

/** What severity.ts answered before it scored any vector itself. */
function libraryAlone(name: Name, vector: string): number | undefined {
  const text = vector.trim()
  const metrics = new Map<string, string>()
  for (const part of text.slice(PREFIX[name].length).split('/')) {
    const pair = /^([A-Za-z]+):([A-Za-z]+)$/.exec(part)
    if (pair === null || metrics.has(pair[1]!)) return undefined
    metrics.set(pair[1]!, pair[2]!)
  }
  const baseMetrics = [...libraryMetrics(name).base.keys()]
  if (!baseMetrics.every(metric => metrics.has(metric))) return undefined
  const base =
    PREFIX[name] + baseMetrics.map(metric => `${metric}:${metrics.get(metric)}`).join('/')
  try {
    const Calculator = loadCvssCalculators()[name]
    if (metrics.size > baseMetrics.length) new Calculator(text)
    const calculator = new Calculator(base)
    if (!calculator.isBaseFullyDefined()) return undefined
    const score = calculator.calculateScores().base
    return typeof score === 'number' && score >= 0 && score <= 10 ? score : undefined
  } catch {
    return undefined
  }
}

/** Vectors of `name`: every base metric, some others, values the library knows and some not. */
function vectors(name: Name): fc.Arbitrary<string> {
  const { base, other } = libraryMetrics(name)
  const value = (values: string[]) =>
    fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...values) }, fc.constantFrom('Q', 'h', 'S'))
  const baseParts = fc.tuple(
    ...[...base].map(([metric, values]) =>
      value(values.filter(v => v !== 'X')).map(v => `${metric}:${v}`)
    )
  )
  const otherParts = fc
    .subarray([...other])
    .chain(chosen =>
      fc.tuple(...chosen.map(([metric, values]) => value(values).map(v => `${metric}:${v}`)))
    )
  return fc
    .tuple(baseParts, otherParts, fc.boolean())
    .map(
      ([b, o, unknownMetric]) =>
        PREFIX[name] + [...b, ...o, ...(unknownMetric ? ['ZZ:A'] : [])].join('/')
    )
}

const TYPE: Record<Name, 'CVSS_V4' | 'CVSS_V3'> = {
  Cvss4P0: 'CVSS_V4',
  Cvss3P1: 'CVSS_V3',
  Cvss3P0: 'CVSS_V3'
}

describe('scoring without the library', () => {
  test.each([
    ['Cvss4P0', CVSS4_OTHER_METRICS],
    ['Cvss3P1', CVSS3_OTHER_METRICS],
    ['Cvss3P0', CVSS3_OTHER_METRICS]
  ] as const)("%s: the metrics besides the base ones are the library's", (name, listed) => {
    const { other } = libraryMetrics(name)
    expect(new Map(Object.entries(listed))).toEqual(other)
  })

  test.each(['Cvss4P0', 'Cvss3P1', 'Cvss3P0'] as const)(
    '%s: any vector scores as the library alone scored it',
    name => {
      // The library warns on some vectors it still scores (SI:S without MSI).
      const warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
      fc.assert(
        fc.property(vectors(name), vector => {
          expect({ vector, score: cvssBaseScore(TYPE[name], vector) }).toEqual({
            vector,
            score: libraryAlone(name, vector)
          })
        }),
        { numRuns: 1500 }
      )
      warn.mockRestore()
    }
  )
})
