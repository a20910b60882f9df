/**
 * The run's findings as SARIF 2.1.0 for GitHub code scanning: one rule per advisory, one result
 * per finding and place that declares the package. Pure: the outcome in, JSON text out.
 */
import { createHash } from 'node:crypto'
import * as path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Location } from '../deps/types.js'
import type { AuditOutcome, ReportedPackage, ReportedVulnerability } from './outcome.js'
import { fixAdvice, type PackageFinding } from './advice.js'
import { escapeMarkdown, safeUrl, truncate } from '../shared/escape.js'
import { advisoryUrl, repositoryPath } from '../shared/paths.js'

export interface SarifOptions {
  /** Result locations are given relative to it (`%SRCROOT%`). */
  repositoryRoot: string
}

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json'
const SRCROOT = '%SRCROOT%'
/** GitHub cuts rule descriptions at 1024 characters and keeps only 10 tags per rule. */
const DESCRIPTION_LIMIT = 1024
const TAG_LIMIT = 10

/*
 * Where a rule has no CVSS score (a database rating only, or a malicious package), GitHub still
 * needs a number to rate it: the middle of the level's band on GitHub's scale.
 */
const LEVEL_SCORE = { critical: '9.5', high: '8.0', medium: '5.5', low: '2.0' } as const

type Finding = PackageFinding

/**
 * Ignored findings are left out. GitHub does not honour SARIF `suppressions` (it keeps such
 * results as open alerts: github/codeql-action#1230), so reporting them would reopen exactly
 * what the user accepted; the summary, the JSON report and the SBOM's VEX analysis still
 * show them.
 */
export function buildSarif(outcome: AuditOutcome, options: SarifOptions): string {
  const root = options.repositoryRoot
  const byRule = new Map<string, Finding[]>()
  for (const pkg of outcome.packages) {
    for (const finding of pkg.vulnerabilities) {
      if (finding.ignored) continue
      byRule.set(finding.id, [...(byRule.get(finding.id) ?? []), { pkg, finding }])
    }
  }
  const ruleIds = [...byRule.keys()]
  const fingerprints = new Map<string, number>()

  const results = [...byRule.values()].flatMap(findings =>
    findings.flatMap(({ pkg, finding }) =>
      pkg.declarations.map(declaration => {
        const uri = repositoryPath(declaration.location.file, root)
        const identity = hash([finding.id, pkg.name, uri])
        const occurrence = (fingerprints.get(identity) ?? 0) + 1
        fingerprints.set(identity, occurrence)
        return {
          ruleId: finding.id,
          ruleIndex: ruleIds.indexOf(finding.id),
          level: levelOf(finding),
          message: { text: messageOf(pkg, finding) },
          locations: [locationOf(declaration.location, root)],
          // GitHub matches alerts across runs on this key only. Built from the advisory, the
          // package and the file, not the line, so an alert survives edits that move lines.
          partialFingerprints: { primaryLocationLineHash: `${identity}:${occurrence}` }
        }
      })
    )
  )

  const semver = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/
  const log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: outcome.tool.name,
            version: outcome.tool.version,
            ...(semver.test(outcome.tool.version) ? { semanticVersion: outcome.tool.version } : {}),
            rules: [...byRule.values()].map(ruleOf)
          }
        },
        originalUriBaseIds: {
          [SRCROOT]: { uri: directoryUri(root), description: { text: 'The repository root.' } }
        },
        invocations: [
          {
            executionSuccessful: true,
            // Requirements that could not be audited, so no viewer mistakes silence for safety.
            toolExecutionNotifications: outcome.skipped.map(skip => ({
              level: 'warning',
              message: { text: `${skip.name} was not audited: ${skip.reason}` },
              locations: [locationOf(skip.location, root)]
            }))
          }
        ],
        results
      }
    ]
  }
  return `${JSON.stringify(log, null, 2)}\n`
}

function ruleOf(findings: readonly Finding[]) {
  const { finding } = findings[0]!
  const record = finding.record
  const summary =
    record.summary?.trim() || (finding.description === 'N/A' ? '' : finding.description)
  const title =
    summary ||
    (finding.malicious
      ? `Malicious package ${findings[0]!.pkg.name}`
      : `Known vulnerability ${finding.id} in ${findings[0]!.pkg.name}`)
  const details = record.details?.trim() || title
  const score = securitySeverity(finding)
  return {
    id: finding.id,
    shortDescription: { text: truncate(title, DESCRIPTION_LIMIT) },
    fullDescription: { text: truncate(details, DESCRIPTION_LIMIT) },
    helpUri: advisoryUrl(finding.id),
    help: helpOf(findings, title, details),
    defaultConfiguration: { level: levelOf(finding) },
    properties: {
      tags: tagsOf(finding),
      ...(score === undefined ? {} : { 'security-severity': score })
    }
  }
}

function helpOf(findings: readonly Finding[], title: string, details: string) {
  const { finding } = findings[0]!
  const aliases = [...new Set(findings.flatMap(item => item.finding.aliases))]
  const affected = findings.map(item => `${item.pkg.name} ${item.pkg.version}: ${fixAdvice(item)}`)
  const links = [advisoryUrl(finding.id), ...referenceUrls(finding)]
  const text = [
    title,
    ...(details === title ? [] : ['', details]),
    '',
    ...affected.map(line => `- ${line}`),
    ...(aliases.length > 0 ? ['', `Aliases: ${aliases.join(', ')}`] : []),
    '',
    `Advisory: ${links[0]}`
  ].join('\n')
  const markdown = [
    `**${escapeMarkdown(title)}**`,
    ...(details === title ? [] : ['', escapeMarkdown(truncate(details, 4000))]),
    '',
    ...affected.map(line => `- ${escapeMarkdown(line)}`),
    ...(aliases.length > 0 ? ['', `Aliases: ${aliases.map(escapeMarkdown).join(', ')}`] : []),
    '',
    ...links.map(url => `- <${url}>`)
  ].join('\n')
  return { text, markdown }
}

/** The record's advisory and fix links, plain http(s) only. */
function referenceUrls(finding: ReportedVulnerability): string[] {
  const references = Array.isArray(finding.record.references) ? finding.record.references : []
  const urls = references
    .filter(reference => reference?.type === 'ADVISORY' || reference?.type === 'FIX')
    .flatMap(reference => (typeof reference.url === 'string' ? (safeUrl(reference.url) ?? []) : []))
  return [...new Set(urls)].slice(0, 5)
}

function messageOf(pkg: ReportedPackage, finding: ReportedVulnerability): string {
  const aliases = finding.aliases.length > 0 ? ` (${finding.aliases.join(', ')})` : ''
  const subject = `${pkg.name} ${pkg.version}`
  if (finding.malicious) {
    return `${subject} is a malicious package, reported in ${finding.id}${aliases}. Remove it.`
  }
  return `${subject} is affected by ${finding.id}${aliases}. ${capitalize(fixAdvice({ pkg, finding }))}`
}

/** Unknown severity is a warning, not a note: nothing says it is minor. */
function levelOf(finding: ReportedVulnerability): 'error' | 'warning' | 'note' {
  if (finding.malicious) return 'error'
  switch (finding.severity.level) {
    case 'critical':
    case 'high':
      return 'error'
    case 'low':
      return 'note'
    default:
      return 'warning'
  }
}

/** GitHub rates 0.1-10.0; a CVSS score of 0.0 means "none" there, so it is left out. */
function securitySeverity(finding: ReportedVulnerability): string | undefined {
  const { score, level } = finding.severity
  if (score !== undefined) return score > 0 ? score.toFixed(1) : undefined
  if (finding.malicious) return LEVEL_SCORE.critical
  return level === 'unknown' ? undefined : LEVEL_SCORE[level]
}

/** CWE tags in CodeQL's form, which GitHub shows as CWE links. */
function tagsOf(finding: ReportedVulnerability): string[] {
  const ids = finding.record.database_specific?.cwe_ids
  const cwes = (Array.isArray(ids) ? ids : []).flatMap(id => {
    const match = typeof id === 'string' ? /^CWE-(\d+)$/i.exec(id.trim()) : null
    return match ? [`external/cwe/cwe-${Number(match[1])}`] : []
  })
  const base = [
    'security',
    'vulnerability',
    'dependency',
    ...(finding.malicious ? ['malicious'] : [])
  ]
  return [...new Set([...base, ...cwes])].slice(0, TAG_LIMIT)
}

/**
 * A file in the repository relative to `%SRCROOT%`, one outside it as a file: URI. Line 0 (a
 * format without lines) becomes line 1: GitHub requires a start line and places the alert at
 * the top of the file.
 */
function locationOf(location: Location, root: string) {
  const relative = repositoryPath(location.file, root)
  const artifactLocation = !path.isAbsolute(relative)
    ? { uri: relative.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT }
    : { uri: pathToFileURL(location.file).href }
  return {
    physicalLocation: { artifactLocation, region: { startLine: Math.max(location.line, 1) } }
  }
}

function directoryUri(root: string): string {
  const href = pathToFileURL(root).href
  return href.endsWith('/') ? href : `${href}/`
}

function hash(parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, 32)
}

function capitalize(text: string): string {
  return text.length === 0 ? text : `${text[0]!.toUpperCase()}${text.slice(1)}`
}
