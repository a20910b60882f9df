/**
 * How bad one advisory is: a CVSS base score from the record's `severity` vectors, else the
 * database's own rating, else unknown. Pure: records in, ratings out.
 */
import loadCvssCalculators from './cvss-calculator.cjs'
import { CVSS3_OTHER_METRICS, CVSS4_OTHER_METRICS } from './cvss-metrics.js'
import { cvss3BaseScore } from './cvss3.js'
import { cvss4BaseScore } from './cvss4.js'
import type { OsvRecord, OsvSeverity } from './osv.js'

export type SeverityLevel = 'low' | 'medium' | 'high' | 'critical' | 'unknown'

export type SeveritySource = 'CVSS_V4' | 'CVSS_V3' | 'CVSS_V2' | 'database' | 'none'

export interface Severity {
  level: SeverityLevel
  /** CVSS base score, 0.0-10.0; only when the level comes from a vector. */
  score?: number
  /** The vector the score was computed from, as the record gives it. */
  vector?: string
  source: SeveritySource
}

type Calculator = new (vector: string) => {
  isBaseFullyDefined(): boolean
  calculateScores(): { base: number | undefined }
}
type CalculatorName = 'Cvss4P0' | 'Cvss3P1' | 'Cvss3P0' | 'Cvss2'

/**
 * ae-cvss-calculator is set up on the first vector it scores: ~10-15 ms of CPU that a run
 * whose vectors are all scored by cvss3.ts and cvss4.ts (the usual case) never spends.
 */
function loadCalculator(name: CalculatorName): Calculator {
  return loadCvssCalculators()[name]
}

interface CvssVersion {
  source: 'CVSS_V4' | 'CVSS_V3' | 'CVSS_V2'
  /** Vector prefix (including the trailing '/') and its calculator. */
  prefixes: ReadonlyArray<readonly [string, CalculatorName]>
  baseMetrics: readonly string[]
}

/*
 * Newest version first: a record that carries several vectors is scored with the newest one.
 * Each newer version was made to fix how the older one rated real vulnerabilities (v2 had no
 * scope and rated much too coarsely, v4 corrects v3's crowding of scores at 7.5-9.8), and
 * the publisher's newest assessment is the one NVD and GitHub show. Taking the highest score
 * across versions instead would mix scales that were built to disagree.
 */
const VERSIONS: readonly CvssVersion[] = [
  {
    source: 'CVSS_V4',
    prefixes: [['CVSS:4.0/', 'Cvss4P0']],
    baseMetrics: ['AV', 'AC', 'AT', 'PR', 'UI', 'VC', 'VI', 'VA', 'SC', 'SI', 'SA']
  },
  {
    source: 'CVSS_V3',
    prefixes: [
      ['CVSS:3.1/', 'Cvss3P1'],
      ['CVSS:3.0/', 'Cvss3P0']
    ],
    baseMetrics: ['AV', 'AC', 'PR', 'UI', 'S', 'C', 'I', 'A']
  },
  {
    source: 'CVSS_V2',
    prefixes: [['', 'Cvss2']],
    baseMetrics: ['AV', 'AC', 'Au', 'C', 'I', 'A']
  }
]

/**
 * The severity of one advisory. A vector that is malformed (unknown metric or value, a metric
 * given twice, a base metric missing, a prefix that does not match its type) is skipped, never
 * thrown on: the next vector or source decides.
 */
export function severityOf(record: OsvRecord): Severity {
  let severity = severities.get(record)
  if (severity === undefined) {
    severity = computeSeverity(record)
    severities.set(record, severity)
  }
  return severity
}

/**
 * Scoring a CVSS v4 vector is costly and a run asks for each record several times. Scores are
 * kept for the run only, never on disk: a score read back from a shared cache directory could
 * have been lowered by whoever else writes there, and it is what the gate decides on.
 */
const severities = new WeakMap<OsvRecord, Severity>()
const vectorScores = new Map<string, number | undefined>()

function computeSeverity(record: OsvRecord): Severity {
  const entries = Array.isArray(record.severity) ? record.severity : []
  for (const version of VERSIONS) {
    const best = highestScore(entries, version)
    if (best !== undefined)
      return { level: levelOfScore(best.score), ...best, source: version.source }
  }
  const level = databaseLevel(record.database_specific?.severity)
  if (level !== undefined) return { level, source: 'database' }
  return { level: 'unknown', source: 'none' }
}

/**
 * Among several vectors of the same version (rare), the highest: a security gate that has to
 * pick between two assessments of one advisory takes the more severe.
 */
function highestScore(
  entries: readonly OsvSeverity[],
  version: CvssVersion
): { score: number; vector: string } | undefined {
  let best: { score: number; vector: string } | undefined
  for (const entry of entries) {
    if (entry?.type !== version.source || typeof entry.score !== 'string') continue
    const score = baseScore(entry.score, version)
    if (score !== undefined && (best === undefined || score > best.score)) {
      best = { score, vector: entry.score }
    }
  }
  return best
}

/**
 * The base score (CVSS-B in v4 terms) of a vector: threat, temporal and environmental
 * metrics are validated but left out of the score. In v4 an exploit-maturity metric such as
 * E:P lowers the score below the base, and environmental metrics are the user's to set, not
 * the publisher's; a gate that fails closed rates the vulnerability itself.
 */
function baseScore(vector: string, version: CvssVersion): number | undefined {
  const key = `${version.source} ${vector}`
  if (vectorScores.has(key)) return vectorScores.get(key)
  const score = scoreVector(vector, version)
  vectorScores.set(key, score)
  return score
}

function scoreVector(vector: string, version: CvssVersion): number | undefined {
  const text = vector.trim()
  const match = version.prefixes.find(([prefix]) =>
    prefix === '' ? !text.startsWith('CVSS:') : text.startsWith(prefix)
  )
  if (match === undefined) return undefined
  const [prefix, name] = match

  const metrics = new Map<string, string>()
  for (const part of text.slice(prefix.length).split('/')) {
    const pair = /^([A-Za-z]+):([A-Za-z]+)$/.exec(part)
    if (pair === null || metrics.has(pair[1]!)) return undefined
    metrics.set(pair[1]!, pair[2]!)
  }
  if (!version.baseMetrics.every(metric => metrics.has(metric))) return undefined
  // Every metric and value one the specification defines (nearly every vector): scored
  // without the library, to the same score. Anything else is the library's to check.
  if (definesAll(name, metrics, version)) {
    const score = directScore(name, metrics)
    if (score !== undefined) return score
  }

  const base =
    prefix + version.baseMetrics.map(metric => `${metric}:${metrics.get(metric)}`).join('/')
  try {
    const Calculator = loadCalculator(name)
    // The full vector only to check every metric and value is one the version defines; one of
    // base metrics alone (most) is checked by scoring it.
    if (metrics.size > version.baseMetrics.length) new Calculator(text)
    const calculator = new Calculator(base)
    if (!calculator.isBaseFullyDefined()) return undefined
    const score = directScore(name, metrics) ?? calculator.calculateScores().base
    return typeof score === 'number' && score >= 0 && score <= 10 ? score : undefined
  } catch {
    return undefined
  }
}

/**
 * The base score by cvss3.ts or cvss4.ts, which give the library's scores at a fraction of
 * its cost (~0.3 ms a v4 vector, 25-50 ms of a cold run's assessment); undefined for CVSS v2
 * and for a value they do not know.
 */
function directScore(
  name: CalculatorName,
  metrics: ReadonlyMap<string, string>
): number | undefined {
  switch (name) {
    case 'Cvss4P0':
      return cvss4BaseScore(metrics)
    case 'Cvss3P1':
      return cvss3BaseScore(metrics, '3.1')
    case 'Cvss3P0':
      return cvss3BaseScore(metrics, '3.0')
    default:
      return undefined
  }
}

/**
 * True when every metric besides the base ones is one cvss3.ts or cvss4.ts lists, with one
 * of its values (directScore checks the base metrics' values).
 */
function definesAll(
  name: CalculatorName,
  metrics: ReadonlyMap<string, string>,
  version: CvssVersion
): boolean {
  const others =
    name === 'Cvss4P0' ? CVSS4_OTHER_METRICS : name === 'Cvss2' ? {} : CVSS3_OTHER_METRICS
  for (const [metric, value] of metrics) {
    if (!version.baseMetrics.includes(metric) && !others[metric]?.includes(value)) return false
  }
  return true
}

/** The base score of one vector of the given OSV severity type; undefined when malformed. */
export function cvssBaseScore(type: CvssVersion['source'], vector: string): number | undefined {
  const version = VERSIONS.find(candidate => candidate.source === type)
  return version === undefined ? undefined : baseScore(vector, version)
}

/**
 * The CVSS v3/v4 qualitative scale, used for v2 scores too so a threshold means the same
 * whatever the version (NVD's own v2 scale has no "critical" and calls 7.0-10.0 high).
 * 0.0 is "None" on that scale; we rate it low: a database still lists the advisory against
 * this version, so it must stay visible and fail a gate set to the default threshold.
 */
export function levelOfScore(score: number): Exclude<SeverityLevel, 'unknown'> {
  if (score >= 9) return 'critical'
  if (score >= 7) return 'high'
  if (score >= 4) return 'medium'
  return 'low'
}

/** GHSA's LOW / MODERATE / HIGH / CRITICAL (and MEDIUM, which other databases use). */
function databaseLevel(value: unknown): SeverityLevel | undefined {
  if (typeof value !== 'string') return undefined
  switch (value.trim().toUpperCase()) {
    case 'LOW':
      return 'low'
    case 'MODERATE':
    case 'MEDIUM':
      return 'medium'
    case 'HIGH':
      return 'high'
    case 'CRITICAL':
      return 'critical'
    default:
      return undefined
  }
}

const RANK: Readonly<Record<SeverityLevel, number>> = {
  critical: 4,
  high: 3,
  medium: 2,
  low: 1,
  unknown: 0
}

/** Orders levels from least to most severe; unknown ranks below low (see compareSeverity). */
export function severityRank(level: SeverityLevel): number {
  return RANK[level]
}

/**
 * For sorting worst first: by level, then by score (a scored finding before an unscored one of
 * the same level). Unknown sorts last, after low. A large share of advisories carry no rating
 * at all (2,794 of the 7,080 PyPA records), and listing them first would bury the findings
 * known to be critical; they are still listed, and the gate fails on them by default.
 */
export function compareSeverity(a: Severity, b: Severity): number {
  return RANK[b.level] - RANK[a.level] || (b.score ?? -1) - (a.score ?? -1)
}

/**
 * OSV's malicious-package reports: the record's id or any alias is a MAL- id. They are not
 * vulnerabilities with a severity but packages that must not be installed at all.
 */
export function isMalicious(vulnerability: { id: string; aliases: readonly string[] }): boolean {
  return MALICIOUS_ID.test(vulnerability.id) || vulnerability.aliases.some(isMaliciousId)
}

/**
 * An id that upper-cases to MAL-...: asked of every finding several times a run, so without
 * upper-casing a copy of every id and alias each time.
 */
const MALICIOUS_ID = /^MAL-/i
const isMaliciousId = (id: string): boolean => MALICIOUS_ID.test(id)
