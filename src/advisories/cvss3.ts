/**
 * The CVSS v3.0 and v3.1 base score of a vector's base metrics, by the specification's
 * formula, with ae-cvss-calculator's arithmetic step for step (its weights, the order of its
 * floating-point operations, its rounding), so that the scores are the library's:
 * __tests__/advisories/cvss3.test.ts compares the two on every base vector of both versions.
 * The library builds an object per vector and reads every metric through it, which is most
 * of what scoring a run's findings cost; this reads a few numbers from a table.
 */

/** Each base metric's weight per value; PR's depends on the scope. */
const WEIGHTS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  AV: { N: 0.85, A: 0.62, L: 0.55, P: 0.2 },
  AC: { L: 0.77, H: 0.44 },
  UI: { N: 0.85, R: 0.62 },
  C: { H: 0.56, L: 0.22, N: 0 },
  I: { H: 0.56, L: 0.22, N: 0 },
  A: { H: 0.56, L: 0.22, N: 0 }
}
const PRIVILEGES: Readonly<Record<string, { unchanged: number; changed: number }>> = {
  N: { unchanged: 0.85, changed: 0.85 },
  L: { unchanged: 0.62, changed: 0.68 },
  H: { unchanged: 0.27, changed: 0.5 }
}

/**
 * The base score of `metrics` (a base metric to its value, as the vector gives them) in CVSS
 * `minor` (3.0 or 3.1, which round differently), or undefined when a value is not one of the
 * specification's (the library then decides).
 */
export function cvss3BaseScore(
  metrics: ReadonlyMap<string, string>,
  minor: '3.0' | '3.1'
): number | undefined {
  const weight = (metric: string): number | undefined => WEIGHTS[metric]?.[metrics.get(metric)!]
  const [av, ac, ui, c, i, a] = ['AV', 'AC', 'UI', 'C', 'I', 'A'].map(weight)
  const scope = metrics.get('S')
  const privileges = PRIVILEGES[metrics.get('PR')!]
  if (
    av === undefined ||
    ac === undefined ||
    ui === undefined ||
    c === undefined ||
    i === undefined ||
    a === undefined ||
    privileges === undefined ||
    (scope !== 'U' && scope !== 'C')
  ) {
    return undefined
  }
  const changed = scope === 'C'
  const iss = 1 - (1 - c) * (1 - i) * (1 - a)
  const impact = changed ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15) : 6.42 * iss
  let exact = 0
  if (impact > 0) {
    const pr = changed ? privileges.changed : privileges.unchanged
    const exploitability = 8.22 * av * ac * pr * ui
    const roundUp = minor === '3.1' ? roundUp31 : roundUp30
    exact = roundUp(
      Math.min(changed ? 1.08 * (impact + exploitability) : impact + exploitability, 10)
    )
  }
  return Math.round(exact * 10) / 10
}

/** CVSS 3.1's Roundup, which works in integers so that 4.000000000000001 stays 4.0. */
function roundUp31(value: number): number {
  const scaled = Math.round(100000 * value)
  return scaled % 10000 === 0 ? scaled / 100000 : (Math.floor(scaled / 10000) + 1) / 10
}

function roundUp30(value: number): number {
  return Math.ceil(10 * value) / 10
}
