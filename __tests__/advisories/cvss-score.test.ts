/**
 * cvss-score.ts against ae-cvss-calculator, the library it replaces for scoring: every v2.0,
 * v3.0 and v3.1 base vector, and a fixed sample of a thirty-seventh of the 104,976 v4.0 base
 * vectors (all of them agreed when checked once, in ~20 s: too slow for every run), plus the
 * vectors of the real advisories in ../shared/osv-pypi when it is there.
 */
import { describe, expect, test } from '@jest/globals'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import {
  V2_METRICS,
  V3_METRICS,
  V4_METRICS,
  type MetricValues
} from '../../src/advisories/cvss-metrics.js'
import { cvss2BaseScore, cvss3BaseScore, cvss4BaseScore } from '../../src/advisories/cvss-score.js'
import type { OsvRecord } from '../../src/advisories/osv.js'
import { cvssBaseScore } from '../../src/advisories/severity.js'
import { REPO_ROOT } from '../support/paths.js'

interface Scored {
  calculateScores(): { base: number }
}
const library = createRequire(import.meta.url)('ae-cvss-calculator') as Record<
  'Cvss2' | 'Cvss3P0' | 'Cvss3P1' | 'Cvss4P0',
  new (vector: string) => Scored
>
const libraryScore = (name: keyof typeof library, vector: string) =>
  new library[name](vector).calculateScores().base

type Choices = [string, string[]][]
/** Every combination of one value per metric, as [metric, value] lists. */
function* combinations(choices: Choices): Generator<[string, string][]> {
  if (choices.length === 0) {
    yield []
    return
  }
  const [[metric, values], ...rest] = choices as [[string, string[]], ...Choices]
  for (const value of values)
    for (const tail of combinations(rest)) yield [[metric, value], ...tail]
}
const text = (metrics: [string, string][]) => metrics.map(([m, v]) => `${m}:${v}`).join('/')

/** The first metric-value pair where the two scores disagree, or none. */
function disagreements(
  choices: Choices,
  prefix: string,
  name: keyof typeof library,
  ours: (metrics: Map<string, string>) => number,
  every = 1
): string[] {
  const wrong: string[] = []
  let i = 0
  for (const metrics of combinations(choices)) {
    if (i++ % every !== 0) continue
    const vector = `${prefix}${text(metrics)}`
    const expected = libraryScore(name, vector)
    const actual = ours(new Map(metrics))
    if (actual !== expected) wrong.push(`${vector}: ${actual}, library ${expected}`)
  }
  return wrong
}

const IMPACT3 = ['H', 'L', 'N']
const V3: Choices = [
  ['AV', ['N', 'A', 'L', 'P']],
  ['AC', ['L', 'H']],
  ['PR', ['N', 'L', 'H']],
  ['UI', ['N', 'R']],
  ['S', ['U', 'C']],
  ['C', IMPACT3],
  ['I', IMPACT3],
  ['A', IMPACT3]
]
const V4: Choices = [
  ['AV', ['N', 'A', 'L', 'P']],
  ['AC', ['L', 'H']],
  ['AT', ['N', 'P']],
  ['PR', ['N', 'L', 'H']],
  ['UI', ['N', 'P', 'A']],
  ['VC', IMPACT3],
  ['VI', IMPACT3],
  ['VA', IMPACT3],
  ['SC', IMPACT3],
  ['SI', IMPACT3],
  ['SA', IMPACT3]
]

describe('the same base scores as ae-cvss-calculator', () => {
  test('every CVSS v2.0 base vector', () => {
    const V2: Choices = [
      ['AV', ['L', 'A', 'N']],
      ['AC', ['H', 'M', 'L']],
      ['Au', ['M', 'S', 'N']],
      ['C', ['N', 'P', 'C']],
      ['I', ['N', 'P', 'C']],
      ['A', ['N', 'P', 'C']]
    ]
    expect(disagreements(V2, '', 'Cvss2', cvss2BaseScore)).toEqual([])
  })

  test('every CVSS v3.0 and v3.1 base vector', () => {
    expect(disagreements(V3, 'CVSS:3.0/', 'Cvss3P0', m => cvss3BaseScore(m, 0))).toEqual([])
    expect(disagreements(V3, 'CVSS:3.1/', 'Cvss3P1', m => cvss3BaseScore(m, 1))).toEqual([])
  })

  test('a thirty-seventh of the CVSS v4.0 base vectors, spread over all of them', () => {
    expect(disagreements(V4, 'CVSS:4.0/', 'Cvss4P0', cvss4BaseScore, 37)).toEqual([])
  })

  test('published scores (FIRST examples and NVD)', () => {
    expect(cvss4BaseScore(new Map(V4.map(([metric, values]) => [metric, values[0]!])))).toBe(10)
    const v4 = (vector: string) =>
      cvss4BaseScore(new Map(vector.split('/').map(part => part.split(':') as [string, string])))
    expect(v4('AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N')).toBe(9.3)
    expect(v4('AV:L/AC:L/AT:N/PR:L/UI:N/VC:L/VI:L/VA:L/SC:N/SI:N/SA:N')).toBe(4.8)
    expect(v4('AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N')).toBe(0)
  })
})

describe('the same metrics and values as ae-cvss-calculator accepts', () => {
  /** Whether the library takes the vector, and whether we score it. */
  const verdicts = (
    type: 'CVSS_V2' | 'CVSS_V3' | 'CVSS_V4',
    name: keyof typeof library,
    vector: string
  ) => {
    let theirs = true
    try {
      new library[name](vector)
    } catch {
      theirs = false
    }
    return [theirs, cvssBaseScore(type, vector) !== undefined]
  }

  test.each([
    ['CVSS_V2', 'Cvss2', '', V2_METRICS, 6],
    ['CVSS_V3', 'Cvss3P0', 'CVSS:3.0/', V3_METRICS, 8],
    ['CVSS_V3', 'Cvss3P1', 'CVSS:3.1/', V3_METRICS, 8],
    ['CVSS_V4', 'Cvss4P0', 'CVSS:4.0/', V4_METRICS, 11]
  ] as const)('%s (%s)', (type, name, prefix, table: MetricValues, baseCount) => {
    const metrics = Object.keys(table)
    const base = metrics.slice(0, baseCount)
    const vectorWith = (metric: string, value: string) =>
      prefix +
      [
        ...base.map(m => `${m}:${m === metric ? value : table[m]![0]}`),
        ...(base.includes(metric) ? [] : [`${metric}:${value}`])
      ].join('/')
    const disagree: string[] = []
    for (const metric of metrics) {
      for (const value of [...table[metric]!, 'Q', 'XX']) {
        const vector = vectorWith(metric, value)
        const [theirs, ours] = verdicts(type, name, vector)
        const valid = table[metric]!.includes(value)
        if (ours !== valid || theirs !== valid)
          disagree.push(`${vector}: ours ${ours}, library ${theirs}`)
      }
    }
    // A metric the version does not define.
    const [theirs, ours] = verdicts(
      type,
      name,
      `${vectorWith(base[0]!, table[base[0]!]![0]!)}/ZZ:X`
    )
    expect([theirs, ours]).toEqual([false, false])
    expect(disagree).toEqual([])
  })
})

const shared = path.resolve(REPO_ROOT, '..', 'shared', 'osv-pypi', 'PyPI')
const describeShared = existsSync(shared) ? describe : describe.skip
if (!existsSync(shared)) console.log(`Skipping the real vectors: ${shared} is absent`)

describeShared('the vectors of the real advisories (../shared/osv-pypi)', () => {
  test('score as the library scores their base metrics', () => {
    const wrong: string[] = []
    const seen = new Set<string>()
    for (const file of readdirSync(shared)) {
      const held = JSON.parse(readFileSync(path.join(shared, file), 'utf8')) as OsvRecord
      for (const { type, score } of held.severity ?? []) {
        if (seen.has(`${type} ${score}`)) continue
        seen.add(`${type} ${score}`)
        if (type !== 'CVSS_V3' && type !== 'CVSS_V4') continue
        const name = score.startsWith('CVSS:4.0/')
          ? 'Cvss4P0'
          : score.startsWith('CVSS:3.1/')
            ? 'Cvss3P1'
            : 'Cvss3P0'
        const metrics = new Map(
          score
            .slice(9)
            .split('/')
            .map(part => part.split(':') as [string, string])
        )
        const names = (type === 'CVSS_V4' ? V4 : V3).map(([metric]) => metric)
        const base = `${score.slice(0, 9)}${names.map(metric => `${metric}:${metrics.get(metric)}`).join('/')}`
        const expected = libraryScore(name, base)
        const actual = cvssBaseScore(type, score)
        if (actual !== expected) wrong.push(`${score}: ${actual}, library ${expected}`)
      }
    }
    expect(seen.size).toBeGreaterThan(800)
    expect(wrong).toEqual([])
  })
})
