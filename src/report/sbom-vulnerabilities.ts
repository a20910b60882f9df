/**
 * The SBOM's `vulnerabilities` section: one entry per advisory, affecting every package it was
 * found in, with the record's ratings, aliases, CWEs, dates and the fix to apply.
 */
import * as Enums from '@cyclonedx/cyclonedx-library/Enums'
import * as Models from '@cyclonedx/cyclonedx-library/Models'
import type { OsvRecord } from '../advisories/osv.js'
import { cvssBaseScore, levelOfScore } from '../advisories/severity.js'
import type { AuditOutcome, ReportedPackage, ReportedVulnerability } from './outcome.js'
import { introducedIn } from './change-scope.js'
import { fixAdvice, type PackageFinding } from './advice.js'
import { safeUrl } from '../shared/escape.js'
import { advisoryUrl } from '../shared/paths.js'

const V = Models.Vulnerability
const { RatingMethod, Severity: CdxSeverity, AnalysisState, AnalysisResponse } = Enums.Vulnerability

type Finding = PackageFinding

/**
 * Findings grouped by advisory id. The VEX analysis and the properties belong to a whole entry,
 * so findings of one advisory whose ignore decisions differ (ignored for one package, not for
 * another), or, in scope `changes`, that one package brings in and another already had, get
 * one entry per decision.
 */
export function buildVulnerabilities(
  outcome: Pick<AuditOutcome, 'packages' | 'changes'>,
  components: ReadonlyMap<ReportedPackage, Models.Component>
): Models.Vulnerability.Vulnerability[] {
  const groups = new Map<string, Finding[]>()
  for (const pkg of outcome.packages) {
    for (const finding of pkg.vulnerabilities) {
      const introduced = introducedIn(outcome, finding)
      const key = `${finding.id}\0${JSON.stringify(finding.ignored ?? null)}\0${introduced}`
      const group = groups.get(key)
      if (group) group.push({ pkg, finding })
      else groups.set(key, [{ pkg, finding }])
    }
  }
  return [...groups.values()].map(group =>
    vulnerabilityOf(group, components, introducedIn(outcome, group[0]!.finding))
  )
}

function vulnerabilityOf(
  group: readonly Finding[],
  components: ReadonlyMap<ReportedPackage, Models.Component>,
  introduced: boolean | undefined
): Models.Vulnerability.Vulnerability {
  const { finding } = group[0]!
  const record = finding.record
  const aliases = [...new Set(group.flatMap(item => item.finding.aliases))]
  const summary =
    record.summary?.trim() || (finding.description === 'N/A' ? '' : finding.description)
  const vulnerability = new V.Vulnerability({
    id: finding.id,
    source: new V.Source({ name: 'OSV', url: advisoryUrl(finding.id) }),
    references: new V.ReferenceRepository(aliases.map(referenceOf)),
    ratings: new V.RatingRepository(ratingsOf(record, finding)),
    advisories: new V.AdvisoryRepository(advisoriesOf(record)),
    recommendation: group.map(recommendationOf).join('\n'),
    affects: new V.AffectRepository(
      group.map(
        ({ pkg }) =>
          new V.Affect(components.get(pkg)!.bomRef, {
            versions: new V.AffectedVersionRepository([
              new V.AffectedSingleVersion(pkg.version, {
                status: Enums.Vulnerability.AffectStatus.Affected
              })
            ])
          })
      )
    ),
    ...(summary ? { description: summary } : {}),
    ...(record.details?.trim() ? { detail: record.details } : {}),
    ...dateOf('published', record.published),
    ...dateOf('updated', record.modified),
    ...(finding.ignored ? { analysis: acceptedRisk(finding.ignored) } : {})
  })
  for (const cwe of cwesOf(record)) vulnerability.cwes.add(cwe)
  if (finding.malicious)
    vulnerability.properties.add(new Models.Property('pyaudit:malicious', 'true'))
  // Scope `changes`: whether the pull request brings this finding in or the base had it.
  if (introduced !== undefined)
    vulnerability.properties.add(new Models.Property('pyaudit:introduced', String(introduced)))
  return vulnerability
}

/** Where each alias is published: CVEs at NVD, GHSAs at GitHub, the rest at OSV. */
function referenceOf(alias: string): Models.Vulnerability.Reference {
  if (alias.startsWith('CVE-')) {
    return new V.Reference(alias, new V.Source({ name: 'NVD', url: nvdUrl(alias) }))
  }
  if (alias.startsWith('GHSA-')) {
    return new V.Reference(alias, new V.Source({ name: 'GitHub Advisories', url: ghsaUrl(alias) }))
  }
  return new V.Reference(alias, new V.Source({ name: 'OSV', url: advisoryUrl(alias) }))
}

const METHODS: Readonly<Record<string, Enums.Vulnerability.RatingMethod>> = {
  'CVSS:4.0/': RatingMethod.CVSSv4,
  'CVSS:3.1/': RatingMethod.CVSSv31,
  'CVSS:3.0/': RatingMethod.CVSSv3
}

/**
 * Every CVSS vector of the record that scores (a record may carry v3 and v4 side by side),
 * each with its base score; the database's own rating only when there is no vector, as the
 * gate rates it.
 */
function ratingsOf(
  record: OsvRecord,
  finding: ReportedVulnerability
): Models.Vulnerability.Rating[] {
  const ratings: Models.Vulnerability.Rating[] = []
  for (const entry of Array.isArray(record.severity) ? record.severity : []) {
    if (entry?.type !== 'CVSS_V4' && entry?.type !== 'CVSS_V3' && entry?.type !== 'CVSS_V2')
      continue
    const score = cvssBaseScore(entry.type, entry.score)
    if (score === undefined) continue
    const vector = entry.score.trim()
    const prefix = Object.keys(METHODS).find(candidate => vector.startsWith(candidate))
    ratings.push(
      new V.Rating({
        score,
        severity: CdxSeverity[capitalized(levelOfScore(score))],
        method: prefix === undefined ? RatingMethod.CVSSv2 : METHODS[prefix],
        vector
      })
    )
  }
  const severity = finding.severity
  if (ratings.length === 0 && severity.source === 'database' && severity.level !== 'unknown') {
    const database = record.id.startsWith('GHSA-')
      ? new V.Source({ name: 'GitHub Advisories', url: ghsaUrl(record.id) })
      : undefined
    ratings.push(
      new V.Rating({
        severity: CdxSeverity[capitalized(severity.level)],
        method: RatingMethod.Other,
        justification: 'The advisory database rates it; the record has no CVSS vector.',
        ...(database ? { source: database } : {})
      })
    )
  }
  return ratings
}

function advisoriesOf(record: OsvRecord): Models.Vulnerability.Advisory[] {
  const urls = (record.references ?? [])
    .filter(reference => reference?.type === 'ADVISORY' && typeof reference.url === 'string')
    .flatMap(reference => safeUrl(reference.url) ?? [])
  return [...new Set(urls)].map(url => new V.Advisory(url))
}

function cwesOf(record: OsvRecord): number[] {
  const ids = record.database_specific?.cwe_ids
  if (!Array.isArray(ids)) return []
  return ids.flatMap(id => {
    const match = typeof id === 'string' ? /^CWE-(\d+)$/i.exec(id.trim()) : null
    const number = match ? Number(match[1]) : 0
    return number > 0 ? [number] : []
  })
}

/** One line per affected package: what to do about it. */
function recommendationOf(found: Finding): string {
  return `${found.pkg.name} ${found.pkg.version}: ${fixAdvice(found)}`
}

/**
 * An ignored finding is an accepted risk, not a finding that the package is unaffected: nothing
 * was analysed that shows it cannot be exploited. CycloneDX says that as state `exploitable`
 * ("may be exploitable") with the response `will_not_fix`, and the rule's reason in `detail`.
 */
function acceptedRisk(
  ignored: NonNullable<ReportedVulnerability['ignored']>
): Models.Vulnerability.Analysis {
  const until = ignored.until === undefined ? '' : ` until ${ignored.until}`
  const reason = ignored.reason?.trim() || 'no reason given'
  return new V.Analysis({
    state: AnalysisState.Exploitable,
    response: new Enums.Vulnerability.AnalysisResponseRepository([AnalysisResponse.WillNotFix]),
    detail: `Risk accepted: ignored by ${ignored.origin}${until}. Reason: ${reason}`
  })
}

function dateOf(field: 'published' | 'updated', value: string | undefined) {
  if (value === undefined) return {}
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? {} : { [field]: date }
}

function capitalized(level: 'low' | 'medium' | 'high' | 'critical') {
  return `${level[0]!.toUpperCase()}${level.slice(1)}` as 'Low' | 'Medium' | 'High' | 'Critical'
}

function nvdUrl(id: string): string {
  return `https://nvd.nist.gov/vuln/detail/${encodeURIComponent(id)}`
}

function ghsaUrl(id: string): string {
  return `https://github.com/advisories/${encodeURIComponent(id)}`
}
