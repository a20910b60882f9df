/**
 * CVSS base scores, worked out from a vector's base metrics by the published formulas: v2.0
 * (FIRST, CVSS v2 Complete Guide, 3.2.1), v3.0 and v3.1 (FIRST specifications, section 7) and
 * v4.0 (FIRST specification, section 8, with the MacroVector scores of its reference
 * calculator, cvss_lookup.js). Every run now
 * scores the vectors of its findings (no score is kept between runs, see severity.ts), and
 * ae-cvss-calculator, which did this before, took ~1-2 ms for each v4 vector on a run's first
 * calls (it builds and parses a vector object for every highest-severity vector it compares
 * with) and ~15 ms to load: ~100 ms of a 200-pin run. These take microseconds. The tests hold
 * this file to the library's answers: the same score for every v2 and v3 base vector and for
 * a large sample of v4 ones (all 104,976 agreed when checked once).
 *
 * Pure: the base metrics in (already checked against cvss-metrics.ts), the score out.
 */

export type Metrics = ReadonlyMap<string, string>

const v2 = {
  AV: { L: 0.395, A: 0.646, N: 1.0 },
  AC: { H: 0.35, M: 0.61, L: 0.71 },
  Au: { M: 0.45, S: 0.56, N: 0.704 },
  impact: { N: 0.0, P: 0.275, C: 0.66 }
} as const

export function cvss2BaseScore(m: Metrics): number {
  const impact =
    10.41 *
    (1 -
      (1 - weight(v2.impact, m, 'C')) *
        (1 - weight(v2.impact, m, 'I')) *
        (1 - weight(v2.impact, m, 'A')))
  const exploitability =
    20 * weight(v2.AV, m, 'AV') * weight(v2.AC, m, 'AC') * weight(v2.Au, m, 'Au')
  const f = impact === 0 ? 0 : 1.176
  return round1((0.6 * impact + 0.4 * exploitability - 1.5) * f)
}

const v3 = {
  AV: { N: 0.85, A: 0.62, L: 0.55, P: 0.2 },
  AC: { L: 0.77, H: 0.44 },
  PR: { N: 0.85, L: 0.62, H: 0.27 },
  /** PR when the scope changes. */
  PRChanged: { N: 0.85, L: 0.68, H: 0.5 },
  UI: { N: 0.85, R: 0.62 },
  CIA: { H: 0.56, L: 0.22, N: 0 }
} as const

export function cvss3BaseScore(m: Metrics, minor: 0 | 1): number {
  const changed = m.get('S') === 'C'
  const iss =
    1 - (1 - weight(v3.CIA, m, 'C')) * (1 - weight(v3.CIA, m, 'I')) * (1 - weight(v3.CIA, m, 'A'))
  const impact = changed ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15) : 6.42 * iss
  const exploitability =
    8.22 *
    weight(v3.AV, m, 'AV') *
    weight(v3.AC, m, 'AC') *
    weight(changed ? v3.PRChanged : v3.PR, m, 'PR') *
    weight(v3.UI, m, 'UI')
  if (impact <= 0) return 0
  const raw = changed
    ? Math.min(1.08 * (impact + exploitability), 10)
    : Math.min(impact + exploitability, 10)
  return minor === 1 ? roundUp31(raw) : Math.ceil(raw * 10) / 10
}

/** v3.1's Roundup: the smallest one-decimal number >= the input, free of float noise. */
function roundUp31(value: number): number {
  const whole = Math.round(value * 100000)
  return whole % 10000 === 0 ? whole / 100000 : (Math.floor(whole / 10000) + 1) / 10
}

/** The score of each MacroVector (EQ1..EQ6 levels), from the specification's calculator. */
// prettier-ignore
const MACRO_VECTOR_SCORES: Readonly<Record<string, number>> = {
  '000000': 10, '000001': 9.9, '000010': 9.8, '000011': 9.5, '000020': 9.5, '000021': 9.2,
  '000100': 10, '000101': 9.6, '000110': 9.3, '000111': 8.7, '000120': 9.1, '000121': 8.1,
  '000200': 9.3, '000201': 9, '000210': 8.9, '000211': 8, '000220': 8.1, '000221': 6.8,
  '001000': 9.8, '001001': 9.5, '001010': 9.5, '001011': 9.2, '001020': 9, '001021': 8.4,
  '001100': 9.3, '001101': 9.2, '001110': 8.9, '001111': 8.1, '001120': 8.1, '001121': 6.5,
  '001200': 8.8, '001201': 8, '001210': 7.8, '001211': 7, '001220': 6.9, '001221': 4.8,
  '002001': 9.2, '002011': 8.2, '002021': 7.2, '002101': 7.9, '002111': 6.9, '002121': 5,
  '002201': 6.9, '002211': 5.5, '002221': 2.7, '010000': 9.9, '010001': 9.7, '010010': 9.5,
  '010011': 9.2, '010020': 9.2, '010021': 8.5, '010100': 9.5, '010101': 9.1, '010110': 9,
  '010111': 8.3, '010120': 8.4, '010121': 7.1, '010200': 9.2, '010201': 8.1, '010210': 8.2,
  '010211': 7.1, '010220': 7.2, '010221': 5.3, '011000': 9.5, '011001': 9.3, '011010': 9.2,
  '011011': 8.5, '011020': 8.5, '011021': 7.3, '011100': 9.2, '011101': 8.2, '011110': 8,
  '011111': 7.2, '011120': 7, '011121': 5.9, '011200': 8.4, '011201': 7, '011210': 7.1,
  '011211': 5.2, '011220': 5, '011221': 3, '012001': 8.6, '012011': 7.5, '012021': 5.2,
  '012101': 7.1, '012111': 5.2, '012121': 2.9, '012201': 6.3, '012211': 2.9, '012221': 1.7,
  '100000': 9.8, '100001': 9.5, '100010': 9.4, '100011': 8.7, '100020': 9.1, '100021': 8.1,
  '100100': 9.4, '100101': 8.9, '100110': 8.6, '100111': 7.4, '100120': 7.7, '100121': 6.4,
  '100200': 8.7, '100201': 7.5, '100210': 7.4, '100211': 6.3, '100220': 6.3, '100221': 4.9,
  '101000': 9.4, '101001': 8.9, '101010': 8.8, '101011': 7.7, '101020': 7.6, '101021': 6.7,
  '101100': 8.6, '101101': 7.6, '101110': 7.4, '101111': 5.8, '101120': 5.9, '101121': 5,
  '101200': 7.2, '101201': 5.7, '101210': 5.7, '101211': 5.2, '101220': 5.2, '101221': 2.5,
  '102001': 8.3, '102011': 7, '102021': 5.4, '102101': 6.5, '102111': 5.8, '102121': 2.6,
  '102201': 5.3, '102211': 2.1, '102221': 1.3, '110000': 9.5, '110001': 9, '110010': 8.8,
  '110011': 7.6, '110020': 7.6, '110021': 7, '110100': 9, '110101': 7.7, '110110': 7.5,
  '110111': 6.2, '110120': 6.1, '110121': 5.3, '110200': 7.7, '110201': 6.6, '110210': 6.8,
  '110211': 5.9, '110220': 5.2, '110221': 3, '111000': 8.9, '111001': 7.8, '111010': 7.6,
  '111011': 6.7, '111020': 6.2, '111021': 5.8, '111100': 7.4, '111101': 5.9, '111110': 5.7,
  '111111': 5.7, '111120': 4.7, '111121': 2.3, '111200': 6.1, '111201': 5.2, '111210': 5.7,
  '111211': 2.9, '111220': 2.4, '111221': 1.6, '112001': 7.1, '112011': 5.9, '112021': 3,
  '112101': 5.8, '112111': 2.6, '112121': 1.5, '112201': 2.3, '112211': 1.3, '112221': 0.6,
  '200000': 9.3, '200001': 8.7, '200010': 8.6, '200011': 7.2, '200020': 7.5, '200021': 5.8,
  '200100': 8.6, '200101': 7.4, '200110': 7.4, '200111': 6.1, '200120': 5.6, '200121': 3.4,
  '200200': 7, '200201': 5.4, '200210': 5.2, '200211': 4, '200220': 4, '200221': 2.2,
  '201000': 8.5, '201001': 7.5, '201010': 7.4, '201011': 5.5, '201020': 6.2, '201021': 5.1,
  '201100': 7.2, '201101': 5.7, '201110': 5.5, '201111': 4.1, '201120': 4.6, '201121': 1.9,
  '201200': 5.3, '201201': 3.6, '201210': 3.4, '201211': 1.9, '201220': 1.9, '201221': 0.8,
  '202001': 6.4, '202011': 5.1, '202021': 2, '202101': 4.7, '202111': 2.1, '202121': 1.1,
  '202201': 2.4, '202211': 0.9, '202221': 0.4, '210000': 8.8, '210001': 7.5, '210010': 7.3,
  '210011': 5.3, '210020': 6, '210021': 5, '210100': 7.3, '210101': 5.5, '210110': 5.9,
  '210111': 4, '210120': 4.1, '210121': 2, '210200': 5.4, '210201': 4.3, '210210': 4.5,
  '210211': 2.2, '210220': 2, '210221': 1.1, '211000': 7.5, '211001': 5.5, '211010': 5.8,
  '211011': 4.5, '211020': 4, '211021': 2.1, '211100': 6.1, '211101': 5.1, '211110': 4.8,
  '211111': 1.8, '211120': 2, '211121': 0.9, '211200': 4.6, '211201': 1.8, '211210': 1.7,
  '211211': 0.7, '211220': 0.8, '211221': 0.2, '212001': 5.3, '212011': 2.4, '212021': 1.4,
  '212101': 2.4, '212111': 1.2, '212121': 0.5, '212201': 1, '212211': 0.3, '212221': 0.1,
}

/** Each EQ's highest-severity vectors, as metric values, by the EQ's level. */
const MAX_EQ1: readonly (readonly string[])[] = [
  ['AV:N/PR:N/UI:N'],
  ['AV:A/PR:N/UI:N', 'AV:N/PR:L/UI:N', 'AV:N/PR:N/UI:P'],
  ['AV:P/PR:N/UI:N', 'AV:A/PR:L/UI:P']
]
const MAX_EQ2: readonly (readonly string[])[] = [['AC:L/AT:N'], ['AC:H/AT:N', 'AC:L/AT:P']]
/** By EQ3 level, then EQ6 level. */
const MAX_EQ3_EQ6: Readonly<Record<string, readonly string[]>> = {
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
}
const MAX_EQ4: readonly (readonly string[])[] = [
  ['SC:H/SI:S/SA:S'],
  ['SC:H/SI:H/SA:H'],
  ['SC:L/SI:L/SA:L']
]

/** Each EQ's depth (the severity distance its MacroVector spans), by level. */
const DEPTH_EQ1 = [1, 4, 5]
const DEPTH_EQ2 = [1, 2]
const DEPTH_EQ3_EQ6: Readonly<Record<string, number>> = {
  '00': 7,
  '01': 6,
  '10': 8,
  '11': 8,
  '21': 10
}
const DEPTH_EQ4 = [6, 5, 4]

/** Severity levels of each metric value: 0 is the most severe. */
const LEVELS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  AV: { N: 0, A: 1, L: 2, P: 3 },
  PR: { N: 0, L: 1, H: 2 },
  UI: { N: 0, P: 1, A: 2 },
  AC: { L: 0, H: 1 },
  AT: { N: 0, P: 1 },
  VC: { H: 0, L: 1, N: 2 },
  VI: { H: 0, L: 1, N: 2 },
  VA: { H: 0, L: 1, N: 2 },
  SC: { H: 1, L: 2, N: 3 },
  SI: { S: 0, H: 1, L: 2, N: 3 },
  SA: { S: 0, H: 1, L: 2, N: 3 },
  CR: { H: 0, M: 1, L: 2 },
  IR: { H: 0, M: 1, L: 2 },
  AR: { H: 0, M: 1, L: 2 }
}

/**
 * The CVSS-B score of a v4.0 vector: base metrics only. The threat metric (E) counts as
 * Attacked and the security requirements (CR, IR, AR) as High, their values when Not Defined.
 */
export function cvss4BaseScore(base: Metrics): number {
  const m = (metric: string): string => {
    const value = base.get(metric)
    if (value !== undefined) return value
    return metric === 'E' ? 'A' : 'H'
  }
  if (['VC', 'VI', 'VA', 'SC', 'SI', 'SA'].every(metric => m(metric) === 'N')) return 0

  const [av, pr, ui] = [m('AV'), m('PR'), m('UI')]
  const eq1 =
    av === 'N' && pr === 'N' && ui === 'N'
      ? 0
      : (av === 'N' || pr === 'N' || ui === 'N') && av !== 'P'
        ? 1
        : 2
  const eq2 = m('AC') === 'L' && m('AT') === 'N' ? 0 : 1
  const [vc, vi, va] = [m('VC'), m('VI'), m('VA')]
  const eq3 = vc === 'H' && vi === 'H' ? 0 : vc === 'H' || vi === 'H' || va === 'H' ? 1 : 2
  const eq4 =
    m('SI') === 'S' || m('SA') === 'S'
      ? 0
      : m('SC') === 'H' || m('SI') === 'H' || m('SA') === 'H'
        ? 1
        : 2
  const eq5 = { A: 0, P: 1, U: 2 }[m('E')] ?? 0
  const eq6 =
    (m('CR') === 'H' && vc === 'H') ||
    (m('IR') === 'H' && vi === 'H') ||
    (m('AR') === 'H' && va === 'H')
      ? 0
      : 1
  const macro = (e1: number, e2: number, e3: number, e4: number, e5: number, e6: number) =>
    MACRO_VECTOR_SCORES[`${e1}${e2}${e3}${e4}${e5}${e6}`]
  const value = macro(eq1, eq2, eq3, eq4, eq5, eq6)!

  // The next lower MacroVector of each EQ; EQ3 and EQ6 move together.
  const lowerEq3Eq6 =
    eq3 === 0 && eq6 === 0
      ? higher(macro(eq1, eq2, 0, eq4, eq5, 1), macro(eq1, eq2, 1, eq4, eq5, 0))
      : eq3 === 1 && eq6 === 0
        ? macro(eq1, eq2, eq3, eq4, eq5, 1)
        : eq3 === 2
          ? macro(eq1, eq2, 3, eq4, eq5, 2)
          : macro(eq1, eq2, eq3 + 1, eq4, eq5, eq6)
  const lower = [
    macro(eq1 + 1, eq2, eq3, eq4, eq5, eq6),
    macro(eq1, eq2 + 1, eq3, eq4, eq5, eq6),
    lowerEq3Eq6,
    macro(eq1, eq2, eq3, eq4 + 1, eq5, eq6),
    macro(eq1, eq2, eq3, eq4, eq5 + 1, eq6)
  ]

  // The distance from the first highest-severity vector of the MacroVector that is at least
  // as severe as this one in every metric.
  const eq36 = `${eq3}${eq6}`
  let distances: Record<string, number> | undefined
  search: for (const a of MAX_EQ1[eq1]!) {
    for (const b of MAX_EQ2[eq2]!) {
      for (const c of MAX_EQ3_EQ6[eq36]!) {
        for (const d of MAX_EQ4[eq4]!) {
          const found = distancesFrom(`${a}/${b}/${c}/${d}`, m)
          if (found !== undefined) {
            distances = found
            break search
          }
        }
      }
    }
  }
  const d = distances ?? {}
  const sum = (metrics: string[]) => metrics.reduce((total, metric) => total + (d[metric] ?? 0), 0)
  const severity = [
    sum(['AV', 'PR', 'UI']) / DEPTH_EQ1[eq1]!,
    sum(['AC', 'AT']) / DEPTH_EQ2[eq2]!,
    sum(['VC', 'VI', 'VA', 'CR', 'IR', 'AR']) / DEPTH_EQ3_EQ6[eq36]!,
    sum(['SC', 'SI', 'SA']) / DEPTH_EQ4[eq4]!,
    0
  ]
  let total = 0
  let existing = 0
  lower.forEach((score, i) => {
    if (score === undefined || Number.isNaN(score)) return
    existing++
    total += (value - score) * severity[i]!
  })
  const score = value - (existing === 0 ? 0 : total / existing)
  return Math.min(10, Math.max(0, Math.round(10 * (score + 1e-6)) / 10))
}

/** The per-metric severity distances from `max`, or undefined when any is negative. */
function distancesFrom(
  max: string,
  m: (metric: string) => string
): Record<string, number> | undefined {
  const distances: Record<string, number> = {}
  for (const part of max.split('/')) {
    const [metric, value] = part.split(':') as [string, string]
    const levels = LEVELS[metric]!
    const distance = levels[m(metric)]! - levels[value]!
    if (distance < 0) return undefined
    distances[metric] = distance
  }
  return distances
}

/** The reference calculator's choice between two paths down: the higher score. */
function higher(left: number | undefined, right: number | undefined): number | undefined {
  return left !== undefined && right !== undefined && left > right ? left : right
}

function weight(table: Readonly<Record<string, number>>, m: Metrics, metric: string): number {
  return table[m.get(metric)!]!
}

function round1(value: number): number {
  return Math.round(value * 10) / 10
}
