/**
 * The CVSS v4.0 base score (CVSS-B) of a vector's base metrics, by FIRST's algorithm: the
 * score of the vector's macrovector, lowered by how far the vector lies below the most severe
 * vectors of that macrovector, in proportion to the score of the next lower one.
 *
 * ae-cvss-calculator works the same out by building a calculator object for every candidate
 * most severe vector (~0.2-0.4 ms a vector, ~25 ms of a cold run with 60 distinct v4 vectors,
 * on the critical path once the records are in); this takes a few microseconds. The arithmetic
 * is the library's, step for step (the order of its floating-point operations included), so
 * that the scores are the same: they were compared on all 104,976 base vectors once, and
 * __tests__/advisories/cvss4.test.ts and severity.test.ts compare them on drawn vectors and
 * on every vector of the PyPA records.
 */
import { metricValues } from './cvss-metrics.js'
import { MACROVECTOR_SCORES } from './cvss4-lookup.js'

/**
 * Each base metric's values from the most severe, and the security requirements' (not base
 * metrics: a base score takes them as High, their "not defined", but the most severe vectors
 * name other values); a distance is a difference of places.
 */
const SEVERITY_ORDER = metricValues(
  'AV: N A L P; AC: L H; AT: N P; PR: N L H; UI: N P A; VC: H L N; VI: H L N; VA: H L N; ' +
    'SC: H L N; SI: H L N; SA: H L N; CR: H M L; IR: H M L; AR: H M L; E: A P U'
)
const placeOf = (metric: string, value: string): number | undefined => {
  const place = SEVERITY_ORDER[metric]?.indexOf(value) ?? -1
  return place < 0 ? undefined : place
}
const BASE_METRICS = ['AV', 'AC', 'AT', 'PR', 'UI', 'VC', 'VI', 'VA', 'SC', 'SI', 'SA'] as const
const NOT_DEFINED_REQUIREMENTS = { CR: 'H', IR: 'H', AR: 'H' } as const
/** The metrics whose distances are compared with the most severe vectors. */
const COMPARED = [
  'AV',
  'PR',
  'UI',
  'AC',
  'AT',
  'VC',
  'VI',
  'VA',
  'SC',
  'CR',
  'IR',
  'AR',
  'SI',
  'SA'
] as const
type Compared = (typeof COMPARED)[number]

/**
 * Per equivalence class: the metrics whose distances it sums, the depth of each of its levels,
 * and the most severe vectors of each level (EQ3 and EQ6 are taken together, keyed by both
 * levels; EQ5, exploit maturity, is Attacked in a base score and has no distance).
 */
const EQ1 = {
  metrics: ['AV', 'PR', 'UI'],
  depth: [1, 4, 5],
  highest: [
    ['AV:N/PR:N/UI:N'],
    ['AV:A/PR:N/UI:N', 'AV:N/PR:L/UI:N', 'AV:N/PR:N/UI:P'],
    ['AV:P/PR:N/UI:N', 'AV:A/PR:L/UI:P']
  ]
} as const
const EQ2 = {
  metrics: ['AC', 'AT'],
  depth: [1, 2],
  highest: [['AC:L/AT:N'], ['AC:H/AT:N', 'AC:L/AT:P']]
} as const
const EQ3_EQ6 = {
  metrics: ['VC', 'VI', 'VA', 'CR', 'IR', 'AR'],
  depth: { '00': 7, '01': 6, '10': 8, '11': 8, '21': 10 } as Record<string, number>,
  highest: {
    '00': ['VC:H/VI:H/VA:H/CR:H/IR:H/AR:H'],
    '01': ['VC:H/VI:H/VA:L/CR:M/IR:M/AR:H', 'VC:H/VI:H/VA:H/CR:M/IR:M/AR:M'],
    '10': ['VC:L/VI:H/VA:H/CR:H/IR:H/AR:H', 'VC:H/VI:L/VA:H/CR:H/IR:H/AR:H'],
    '11': [
      'VC:L/VI:H/VA:L/CR:H/IR:M/AR:H',
      'VC:L/VI:H/VA:H/CR:H/IR:M/AR:M',
      'VC:H/VI:L/VA:H/CR:M/IR:H/AR:M',
      'VC:H/VI:L/VA:L/CR:M/IR:H/AR:H',
      'VC:L/VI:L/VA:H/CR:H/IR:H/AR:M'
    ],
    '21': ['VC:L/VI:L/VA:L/CR:H/IR:H/AR:H']
  } as Record<string, readonly string[]>
} as const
const EQ4 = {
  metrics: ['SC', 'SI', 'SA'],
  depth: [6, 5, 4],
  highest: [['SC:H/SI:S/SA:S'], ['SC:H/SI:H/SA:H'], ['SC:L/SI:L/SA:L']]
} as const
const EQ5_HIGHEST = ['E:A']

type Places = Partial<Record<string, number>>

/** A vector's places, or undefined when one is not a value listed above (S in SI/SA). */
function placesOf(parts: readonly string[]): Places | undefined {
  const places: Places = {}
  for (const part of parts) {
    const [metric = '', value = ''] = part.split(':')
    const place = placeOf(metric, value)
    if (place === undefined) return undefined
    places[metric] = place
  }
  return places
}

/**
 * The base score of `metrics` (a base metric to its value, as the vector gives them), or
 * undefined when a value is one this does not score (the library then decides).
 */
export function cvss4BaseScore(metrics: ReadonlyMap<string, string>): number | undefined {
  const values: Record<string, string> = { ...NOT_DEFINED_REQUIREMENTS }
  for (const metric of BASE_METRICS) {
    const value = metrics.get(metric)
    if (value === undefined || placeOf(metric, value) === undefined) return undefined
    values[metric] = value
  }
  const is = (metric: string, value: string): boolean => values[metric] === value
  const impacts = ['VC', 'VI', 'VA', 'SC', 'SI', 'SA']
  if (impacts.every(metric => is(metric, 'N'))) return 0

  const anyN = is('AV', 'N') || is('PR', 'N') || is('UI', 'N')
  const eq1 = is('AV', 'N') && is('PR', 'N') && is('UI', 'N') ? 0 : anyN && !is('AV', 'P') ? 1 : 2
  const eq2 = is('AC', 'L') && is('AT', 'N') ? 0 : 1
  const anyHigh = is('VC', 'H') || is('VI', 'H') || is('VA', 'H')
  const eq3 = is('VC', 'H') && is('VI', 'H') ? 0 : anyHigh ? 1 : 2
  const eq4 = is('SC', 'H') || is('SI', 'H') || is('SA', 'H') ? 1 : 2
  const eq5 = 0
  // With every requirement High, EQ6 is 0 when any impact on the vulnerable system is High.
  const eq6 = anyHigh ? 0 : 1
  const lookup = (levels: readonly number[]): number => MACROVECTOR_SCORES[levels.join('')] ?? NaN
  const value = lookup([eq1, eq2, eq3, eq4, eq5, eq6])

  const distances = severityDistances(values, [
    EQ1.highest[eq1],
    EQ2.highest[eq2],
    EQ3_EQ6.highest[`${eq3}${eq6}`] ?? [],
    EQ4.highest[eq4],
    EQ5_HIGHEST
  ])
  const sumOf = (compared: readonly string[]): number =>
    compared.map(metric => distances[metric] || 0).reduce((a, b) => a + b, 0)

  const lowerEq3Eq6 = (): number => {
    if (eq6 === 1 && eq3 <= 1) return lookup([eq1, eq2, eq3 + 1, eq4, eq5, eq6])
    if (eq3 === 1 && eq6 === 0) return lookup([eq1, eq2, eq3, eq4, eq5, eq6 + 1])
    if (eq3 === 0 && eq6 === 0) {
      const left = lookup([eq1, eq2, eq3 + 1, eq4, eq5, eq6])
      const right = lookup([eq1, eq2, eq3, eq4, eq5, eq6 + 1])
      return isNaN(left) || isNaN(right) ? (isNaN(left) ? right : left) : Math.max(left, right)
    }
    return lookup([eq1, eq2, eq3 + 1, eq4, eq5, eq6 + 1])
  }
  const classes: [lower: number, depth: number | undefined, distance: number][] = [
    [lookup([eq1 + 1, eq2, eq3, eq4, eq5, eq6]), EQ1.depth[eq1], sumOf(EQ1.metrics)],
    [lookup([eq1, eq2 + 1, eq3, eq4, eq5, eq6]), EQ2.depth[eq2], sumOf(EQ2.metrics)],
    [lowerEq3Eq6(), EQ3_EQ6.depth[`${eq3}${eq6}`], sumOf(EQ3_EQ6.metrics)],
    [lookup([eq1, eq2, eq3, eq4 + 1, eq5, eq6]), EQ4.depth[eq4], sumOf(EQ4.metrics)],
    [lookup([eq1, eq2, eq3, eq4, eq5 + 1, eq6]), 1, 0]
  ]
  let sum = 0
  let count = 0
  for (const [lower, depth, distance] of classes) {
    const available = value - lower
    if (!isNaN(available) && depth !== 0 && depth !== undefined) {
      sum += (distance / depth) * available
      count++
    }
  }
  const score = value - (count === 0 ? 0 : sum / count)
  return score < 0 ? 0 : score > 10 ? 10 : Math.round(10 * (score + 1e-6)) / 10
}

/**
 * How far each compared metric lies below the first most severe vector (in the order their
 * classes' lists combine) that is nowhere less severe than the vector; empty when none is.
 */
function severityDistances(
  values: Readonly<Record<string, string>>,
  highest: readonly (readonly string[])[]
): Places {
  const own: Places = {}
  for (const [metric, value] of Object.entries(values)) own[metric] = placeOf(metric, value)
  const lists = highest.map(list => list.map(parsedHighest))
  // Each class's vectors name the same metrics, so a later choice overwrites an earlier one.
  const chosen: Places = {}
  const distance = (metric: Compared): number => (own[metric] ?? 0) - (chosen[metric] ?? 0)
  const found = (at: number): boolean => {
    if (at === lists.length) return COMPARED.every(metric => distance(metric) >= 0)
    for (const max of lists[at]!) {
      if (max === undefined) continue
      Object.assign(chosen, max)
      if (found(at + 1)) return true
    }
    return false
  }
  const distances: Places = {}
  if (found(0)) for (const metric of COMPARED) distances[metric] = distance(metric)
  return distances
}

const parsed = new Map<string, Places | undefined>()
function parsedHighest(vector: string): Places | undefined {
  if (!parsed.has(vector)) parsed.set(vector, placesOf(vector.split('/')))
  return parsed.get(vector)
}
