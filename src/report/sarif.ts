/**
 * The run's findings as SARIF 2.1.0 for GitHub code scanning: one rule per advisory, one result
 * per finding and place that declares the package. buildSarif gives the JSON text; writeSarifFile
 * writes the same bytes to a file piece by piece, at any size.
 */
import { createHash } from 'node:crypto'
import * as path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Location } from '../deps/types.js'
import type { AuditOutcome, ReportedPackage, ReportedVulnerability } from './outcome.js'
import { fixAdvice, type PackageFinding } from './advice.js'
import { cleanText, escapeMarkdown, redactSecrets, safeUrl, truncate } from '../shared/escape.js'
import { advisoryUrl, repositoryPath } from '../shared/paths.js'
import { writeJsonFile } from './json-file.js'
import { introducedIn } from './change-scope.js'
import { PACKAGE_ISSUE_KINDS, type PackageIssue } from '../health/types.js'
import { PACKAGE_ISSUE_RULES } from '../health/report-entry.js'

export interface SarifOptions {
  /** Result locations are given relative to it (`%SRCROOT%`). */
  repositoryRoot: string
  /**
   * The run's `automationDetails.id`: code scanning rejects an upload whose runs share a tool
   * and category, so each project path and matrix leg has its own (see writers.ts).
   */
  automationId?: string
}

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json'
const SRCROOT = '%SRCROOT%'
/**
 * The longest each text field may be, in characters; a longer text is cut and says so. GitHub
 * cuts rule descriptions at 1024 characters itself; the others keep one hostile advisory
 * from swelling the file (a 5 MB advisory once made an 11 MB SARIF file).
 */
export const SARIF_TEXT_LIMITS = {
  /** shortDescription and fullDescription of a rule. */
  description: 1024,
  /** A result's message and a notification's (a package that was not audited). */
  message: 2048,
  /** A rule's help, the text and the Markdown each. */
  help: 16_384
} as const
/** Parts of the help: the advisory's details, and how many affected packages are listed. */
const DETAILS_LIMIT = 8192
const AFFECTED_LIMIT = 10
const LINE_LIMIT = 300
/** A reference longer than this is not a link anyone follows: left out. */
const URL_LIMIT = 500
/** GitHub keeps only 10 tags per rule. */
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
  return `${JSON.stringify(sarifLog(outcome, options), redactStrings, 2)}\n`
}

/** The same bytes as buildSarif, written to `file` piece by piece. */
export async function writeSarifFile(
  outcome: AuditOutcome,
  options: SarifOptions,
  file: string
): Promise<void> {
  // Down to each result's and each rule's members: no piece holds more than one of them.
  await writeJsonFile(file, sarifLog(outcome, options), {
    replacer: redactStrings,
    expandDepth: 6
  })
}

/** Every string: a skipped requirement's URL may carry credentials, a message a server's echo. */
function redactStrings(_key: string, value: unknown): unknown {
  return typeof value === 'string' ? redactSecrets(value) : value
}

function sarifLog(outcome: AuditOutcome, options: SarifOptions) {
  const root = options.repositoryRoot
  const byRule = new Map<string, Finding[]>()
  for (const pkg of outcome.packages) {
    for (const finding of pkg.vulnerabilities) {
      if (finding.ignored) continue
      const findings = byRule.get(finding.id)
      if (findings) findings.push({ pkg, finding })
      else byRule.set(finding.id, [{ pkg, finding }])
    }
  }
  const ruleIndex = new Map([...byRule.keys()].map((id, index) => [id, index]))
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
          ruleIndex: ruleIndex.get(finding.id),
          level: levelOf(finding),
          message: { text: messageText(messageOf(pkg, finding, declaration.marker)) },
          locations: [locationOf(declaration.location, root)],
          // GitHub matches alerts across runs on this key only. Built from the advisory, the
          // package and the file, not the line, so an alert survives edits that move lines.
          partialFingerprints: { primaryLocationLineHash: `${identity}:${occurrence}` },
          ...baselineStateOf(outcome, finding)
        }
      })
    )
  )
  const issues = packageIssueResults(outcome, byRule.size, root, fingerprints)

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
            rules: [...[...byRule.values()].map(ruleOf), ...issues.rules]
          }
        },
        ...(options.automationId ? { automationDetails: { id: options.automationId } } : {}),
        originalUriBaseIds: {
          [SRCROOT]: { uri: directoryUri(root), description: { text: 'The repository root.' } }
        },
        invocations: [
          {
            executionSuccessful: true,
            // Requirements that could not be audited, so no viewer mistakes silence for safety.
            toolExecutionNotifications: outcome.skipped.map(skip => ({
              level: 'warning',
              message: { text: messageText(`${skip.name} was not audited: ${skip.reason}`) },
              locations: [locationOf(skip.location, root)]
            }))
          }
        ],
        results: [...results, ...issues.results]
      }
    ]
  }
  return log
}

/**
 * Scope `changes`: SARIF's own comparison with a baseline, which code scanning understands.
 * The base is the baseline: a finding the change introduces is `new`, the rest `unchanged`.
 */
function baselineStateOf(
  outcome: AuditOutcome,
  finding: Pick<ReportedVulnerability, 'introduced'>
): { baselineState?: 'new' | 'unchanged' } {
  const introduced = introducedIn(outcome, finding)
  if (introduced === undefined) return {}
  return { baselineState: introduced ? 'new' : 'unchanged' }
}

/**
 * Package-health findings: one rule per kind found (its own id, never an advisory's), one
 * result per issue at the line that declares the pin; an error when it fails the run. In scope
 * `changes`, issues already on the base are `unchanged` against the baseline, as findings are.
 */
function packageIssueResults(
  outcome: AuditOutcome,
  firstRuleIndex: number,
  root: string,
  fingerprints: Map<string, number>
) {
  const issues: readonly PackageIssue[] = outcome.packageIssues ?? []
  const kinds = PACKAGE_ISSUE_KINDS.filter(kind => issues.some(issue => issue.kind === kind))
  const rules = kinds.map(kind => {
    const rule = PACKAGE_ISSUE_RULES[kind]
    const failing = issues.some(issue => issue.kind === kind && issue.failing)
    return {
      id: rule.id,
      shortDescription: { text: rule.title },
      fullDescription: { text: rule.title },
      help: { text: rule.title, markdown: escapeMarkdown(rule.title) },
      defaultConfiguration: { level: failing ? 'error' : 'warning' },
      properties: { tags: ['security', 'dependency', 'package-health'] }
    }
  })
  const results = issues.map(issue => {
    const rule = PACKAGE_ISSUE_RULES[issue.kind]
    const identity = hash([rule.id, issue.name, repositoryPath(issue.location.file, root)])
    const occurrence = (fingerprints.get(identity) ?? 0) + 1
    fingerprints.set(identity, occurrence)
    return {
      ruleId: rule.id,
      ruleIndex: firstRuleIndex + kinds.indexOf(issue.kind),
      level: issue.failing ? 'error' : 'warning',
      message: { text: messageText(issue.reason) },
      locations: [locationOf(issue.location, root)],
      partialFingerprints: { primaryLocationLineHash: `${identity}:${occurrence}` },
      ...baselineStateOf(outcome, issue)
    }
  })
  return { rules, results }
}

function ruleOf(findings: readonly Finding[]) {
  const { finding } = findings[0]!
  const record = finding.record
  const summary = cleanText(
    record.summary?.trim() || (finding.description === 'N/A' ? '' : finding.description),
    { multiline: true }
  )
  const title = truncate(
    summary ||
      (finding.malicious
        ? `Malicious package ${findings[0]!.pkg.name}`
        : `Known vulnerability ${finding.id} in ${findings[0]!.pkg.name}`),
    SARIF_TEXT_LIMITS.description
  )
  const details = cleanText(record.details ?? '', { multiline: true }).trim() || title
  const score = securitySeverity(finding)
  return {
    id: finding.id,
    shortDescription: { text: title },
    fullDescription: { text: truncate(details, SARIF_TEXT_LIMITS.description) },
    helpUri: advisoryUrl(finding.id),
    help: helpOf(findings, title, details),
    defaultConfiguration: { level: levelOf(finding) },
    properties: {
      tags: tagsOf(finding),
      ...(score === undefined ? {} : { 'security-severity': score })
    }
  }
}

/** Title and details are clean text already; every part is cut to its share of the limit. */
function helpOf(findings: readonly Finding[], title: string, details: string) {
  const { finding } = findings[0]!
  const aliases = truncate(
    cleanText([...new Set(findings.flatMap(item => item.finding.aliases))].join(', ')),
    SARIF_TEXT_LIMITS.description
  )
  const affected = findings
    .slice(0, AFFECTED_LIMIT)
    .map(item =>
      truncate(cleanText(`${item.pkg.name} ${item.pkg.version}: ${fixAdvice(item)}`), LINE_LIMIT)
    )
  if (findings.length > AFFECTED_LIMIT) {
    affected.push(`…and ${findings.length - AFFECTED_LIMIT} more packages`)
  }
  const shownDetails = details === title ? [] : ['', truncate(details, DETAILS_LIMIT)]
  const links = [advisoryUrl(finding.id), ...referenceUrls(finding)]
  const text = [
    title,
    ...shownDetails,
    '',
    ...affected.map(line => `- ${line}`),
    ...(aliases ? ['', `Aliases: ${aliases}`] : []),
    '',
    `Advisory: ${links[0]}`
  ].join('\n')
  // Escaping lengthens text (& becomes &amp;): the details get what is left of the limit.
  const markdownDetails = shownDetails.map(paragraph => escapeMarkdown(paragraph))
  const markdown = [
    `**${escapeMarkdown(title)}**`,
    ...markdownDetails.map(line => cutEscaped(line, DETAILS_LIMIT)),
    '',
    ...affected.map(line => `- ${escapeMarkdown(line)}`),
    ...(aliases ? ['', `Aliases: ${escapeMarkdown(aliases)}`] : []),
    '',
    ...links.map(url => `- <${url}>`)
  ].join('\n')
  return {
    text: capLines(text, SARIF_TEXT_LIMITS.help),
    markdown: capLines(markdown, SARIF_TEXT_LIMITS.help)
  }
}

/** A message: cleaned and cut to the limit. */
function messageText(text: string): string {
  return truncate(cleanText(text, { multiline: true }), SARIF_TEXT_LIMITS.message)
}

/** Escaped Markdown cut without leaving half an escape (`\\`, `&amp;`) at the end. */
function cutEscaped(markdown: string, max: number): string {
  if (markdown.length <= max) return markdown
  return `${markdown.slice(0, max - 1).replace(/\\$|&[a-z]*$|[\ud800-\udbff]$/, '')}…`
}

/** At most `max` characters, cut at a line end, with a last line that says so. */
function capLines(text: string, max: number): string {
  if (text.length <= max) return text
  const note = `\n\n… cut to ${max} characters; the advisory has the whole text.`
  const room = max - note.length
  const end = text.lastIndexOf('\n', room)
  return `${text.slice(0, end > 0 ? end : room)}${note}`
}

/** The record's advisory and fix links, plain http(s) only. */
function referenceUrls(finding: ReportedVulnerability): string[] {
  const references = Array.isArray(finding.record.references) ? finding.record.references : []
  const urls = references
    .filter(reference => reference?.type === 'ADVISORY' || reference?.type === 'FIX')
    .flatMap(reference => (typeof reference.url === 'string' ? (safeUrl(reference.url) ?? []) : []))
    .filter(url => url.length <= URL_LIMIT)
  return [...new Set(urls)].slice(0, 5)
}

/** `marker`: the declaration's environment marker, when the pin is conditional. */
function messageOf(
  pkg: ReportedPackage,
  finding: ReportedVulnerability,
  marker: string | undefined
): string {
  const aliases = finding.aliases.length > 0 ? ` (${finding.aliases.join(', ')})` : ''
  const subject = `${pkg.name} ${pkg.version}`
  const where = marker === undefined ? '' : ` Installed only where ${marker}.`
  if (finding.malicious) {
    return `${subject} is a malicious package, reported in ${finding.id}${aliases}. Remove it.${where}`
  }
  return `${subject} is affected by ${finding.id}${aliases}. ${capitalize(fixAdvice({ pkg, finding }))}${where}`
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
