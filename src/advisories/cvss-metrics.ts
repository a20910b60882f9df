/**
 * CVSS metrics and their values, as the specifications (and ae-cvss-calculator) define them,
 * written `metric: value value ...; ...`.
 */

/** The table `text` writes: each metric to its values, in the order given. */
export function metricValues(text: string): Readonly<Record<string, readonly string[]>> {
  const table: Record<string, string[]> = {}
  for (const entry of text.split(';')) {
    const [metric = '', values = ''] = entry.split(':')
    table[metric.trim()] = values.trim().split(/\s+/)
  }
  return table
}

/*
 * The metrics a vector may carry besides its base metrics: threat or temporal, environmental
 * and (v4) supplemental ones. None changes the base score; severity.ts scores a vector without
 * the library only when every other metric it carries is one of these, with one of its values.
 */
export const CVSS3_OTHER_METRICS = metricValues(
  'E: X U P F H; RL: X O T W U; RC: X U R C; CR: X L M H; IR: X L M H; AR: X L M H; ' +
    'MAV: X N A L P; MAC: X L H; MPR: X N L H; MUI: X N R; MS: X U C; MC: X N L H; ' +
    'MI: X N L H; MA: X N L H'
)
export const CVSS4_OTHER_METRICS = metricValues(
  'E: X A P U; CR: X H M L; IR: X H M L; AR: X H M L; MAV: X N A L P; MAC: X L H; MAT: X N P; ' +
    'MPR: X N L H; MUI: X N P A; MVC: X H L N; MVI: X H L N; MVA: X H L N; MSC: X H L N; ' +
    'MSI: X S H L N; MSA: X S H L N; S: X N P; AU: X N Y; R: X A U I; V: X D C; RE: X L M H; ' +
    'U: X Clear Green Amber Red'
)
