/**
 * Dependency-Track's findings and policy violations, read from its JSON into the few fields
 * a report shows. Pure. A list that is not a list is an error, not "nothing found": a
 * security check must not pass because an answer was unreadable.
 */

export interface DependencyTrackComponent {
  name: string
  group?: string
  version?: string
  purl?: string
}

export interface DependencyTrackFinding {
  component: DependencyTrackComponent
  vulnerability: {
    /** e.g. CVE-2024-1234, GHSA-…, PYSEC-… */
    id: string
    /** NVD, GITHUB, OSV, … */
    source: string
    /** CRITICAL, HIGH, MEDIUM, LOW, INFO, UNASSIGNED */
    severity: string
    title?: string
    /** Other ids of the same vulnerability (CVE, GHSA, …), without `id` itself. */
    aliases: string[]
  }
  /** The analysis state set in Dependency-Track, e.g. EXPLOITABLE, NOT_AFFECTED. */
  analysisState?: string
}

export interface DependencyTrackViolation {
  /** LICENSE, SECURITY or OPERATIONAL. */
  type: string
  policy: string
  /** FAIL, WARN or INFO: what the policy says a violation means. */
  state: string
  /** The condition that matched, e.g. "SEVERITY IS CRITICAL". */
  condition?: string
  component: DependencyTrackComponent
}

type Json = Record<string, unknown>

export function parseFindings(value: unknown): DependencyTrackFinding[] {
  return requireList(value, 'findings').map(item => {
    const finding = object(item)
    const vulnerability = object(finding.vulnerability)
    const analysis = object(finding.analysis)
    const id = text(vulnerability.vulnId) ?? text(vulnerability.uuid) ?? 'unknown'
    const title = text(vulnerability.title)
    const state = text(analysis.state)
    return {
      component: component(finding.component),
      vulnerability: {
        id,
        source: text(vulnerability.source) ?? 'unknown',
        severity: text(vulnerability.severity) ?? 'UNASSIGNED',
        ...(title ? { title } : {}),
        aliases: aliases(vulnerability.aliases, id)
      },
      ...(state ? { analysisState: state } : {})
    }
  })
}

export function parseViolations(value: unknown): DependencyTrackViolation[] {
  return requireList(value, 'policy violations').map(item => {
    const violation = object(item)
    const condition = object(violation.policyCondition)
    const policy = object(condition.policy)
    const matched = [condition.subject, condition.operator, condition.value]
      .map(text)
      .filter(Boolean)
      .join(' ')
    return {
      type: text(violation.type) ?? 'UNKNOWN',
      policy: text(policy.name) ?? 'unnamed policy',
      state: text(policy.violationState) ?? 'FAIL',
      ...(matched ? { condition: matched } : {}),
      component: component(violation.component)
    }
  })
}

/** Thrown as-is by the caller, which adds the server and the step. */
export class UnreadableAnswer extends Error {}

function requireList(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw new UnreadableAnswer(`expected a JSON list of ${what}`)
  return value
}

function component(value: unknown): DependencyTrackComponent {
  const json = object(value)
  const group = text(json.group)
  const version = text(json.version)
  const purl = text(json.purl)
  return {
    name: text(json.name) ?? 'unknown',
    ...(group ? { group } : {}),
    ...(version ? { version } : {}),
    ...(purl ? { purl } : {})
  }
}

/** Dependency-Track lists aliases as objects of ids: {cveId, ghsaId, osvId, …}. */
function aliases(value: unknown, own: string): string[] {
  if (!Array.isArray(value)) return []
  const ids = new Set<string>()
  for (const alias of value) {
    for (const [key, id] of Object.entries(object(alias))) {
      if (key.endsWith('Id') && typeof id === 'string' && id !== own) ids.add(id)
    }
  }
  return [...ids]
}

function object(value: unknown): Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {}
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}
