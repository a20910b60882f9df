import type { PackageIssue } from '../health/types.js'
import type { Location } from '../deps/types.js'
import type { AuditOutcome, FixedByChange } from './outcome.js'
import { summaryCounts, tallyFindings } from './counts.js'
import { conditionOf } from '../deps/marker-text.js'
import { severityLabel, worstFinding, type PackageFindings } from './order.js'
import { reportSections, type Alarm } from './sections.js'
import { cleanText, truncate } from '../shared/escape.js'
import { repositoryPath } from '../shared/paths.js'
import { plural } from '../shared/text.js'

export interface TerminalOptions {
  /** Places are shown relative to it; without it, as the files were read. */
  repositoryRoot?: string
}

/** Untrusted text on a terminal: no escape sequences, bidi controls or line breaks, no credentials. */
export function plainText(text: string): string {
  return cleanText(text)
}

/**
 * What the CLI prints, in the job summary's order: malicious and quarantined packages first;
 * the findings in pip-audit's columns (Name, Version, ID, Fix Versions) plus severity, with an
 * overview of one row per package, worst first (in scope `changes`: what the change introduces,
 * what it fixes, what was already on the base); then the index's findings, ignores, licenses,
 * what was skipped, and the verdict.
 */
export function renderTerminal(outcome: AuditOutcome, options: TerminalOptions = {}): string {
  const place = (location: Location): string => {
    const file =
      options.repositoryRoot === undefined
        ? location.file
        : repositoryPath(location.file, options.repositoryRoot)
    return location.line > 0 ? `${file}:${location.line}` : file
  }
  const sections = reportSections(outcome)
  const out: string[] = []
  if (sections.alarms.length > 0) append(out, [...alarms(sections.alarms), ''])

  const changes = sections.changes
  if (changes) {
    const introduced = tallyFindings(sections.vulnerable)
    const already = tallyFindings(changes.alreadyThere)
    out.push(
      `${changes.fixed.length} fixed by this change, ${introduced.findings} introduced, ${already.findings} already on the base (${plainText(changes.base.ref)}).`,
      ''
    )
    out.push(
      sections.vulnerable.length > 0
        ? `Introduced by this change: ${found(introduced)}`
        : 'Introduced by this change: no known vulnerabilities.'
    )
    if (sections.vulnerable.length > 0) append(out, ['', ...findingTables(sections.vulnerable)])
    if (changes.fixed.length > 0)
      append(out, ['', 'Fixed by this change:', '', ...fixedTable(changes.fixed)])
    if (changes.alreadyThere.length > 0) {
      out.push('', `Already on the base (not counted in the verdict): ${found(already)}`)
      append(out, ['', ...findingTables(changes.alreadyThere)])
    }
  } else if (outcome.nothingAudited !== undefined && summaryCounts(outcome).packages === 0) {
    // No clean bill for zero packages; a failure's reason (strict) already says why.
    out.push(
      outcome.result === 'pass'
        ? `Nothing was audited: ${plainText(outcome.nothingAudited)}. (strict: true fails the step then.)`
        : 'Nothing was audited.'
    )
  } else if (sections.vulnerable.length === 0) {
    out.push(
      `No known vulnerabilities found in ${plural(summaryCounts(outcome).packages, 'package')}.`
    )
  } else {
    append(out, [
      `Found ${found(tallyFindings(sections.vulnerable))}`,
      '',
      ...findingTables(sections.vulnerable)
    ])
  }

  if (sections.packageIssues.length > 0)
    append(out, ['', ...packageIssues(sections.packageIssues, place)])
  if (changes && changes.packageIssuesAlreadyThere.length > 0) {
    const issues = changes.packageIssuesAlreadyThere
    append(out, [
      '',
      ...packageIssues(issues, place, ' already on the base (not counted in the verdict)')
    ])
  }
  const ignored = outcome.packages.flatMap(pkg =>
    pkg.vulnerabilities
      .filter(v => v.ignored)
      .map(v => [pkg.name, pkg.version, v.id, v.ignored?.reason ?? ''])
  )
  if (ignored.length > 0)
    append(out, ['', ...table(['Name', 'Version', 'Ignored ID', 'Reason'], ignored)])
  const violations = outcome.licenses.filter(entry => entry.violation)
  if (violations.length > 0) {
    append(out, [
      '',
      ...table(
        ['Name', 'Version', 'License', 'Violation'],
        violations.map(e => [e.name, e.version, e.license, e.rule ?? ''])
      )
    ])
  }
  if (outcome.skipped.length > 0) {
    append(out, [
      '',
      ...table(
        ['Name', 'Skip Reason'],
        outcome.skipped.map(s => [s.name, s.reason])
      )
    ])
  }
  // Reasons quote feeds and files: as plain as every table cell.
  append(out, [
    '',
    ...(outcome.failureReasons.length ? outcome.failureReasons : ['Passed.']).map(plainText)
  ])
  return `${out.join('\n')}\n`
}

function found(tally: { findings: number; packages: number }): string {
  return `${plural(tally.findings, 'known vulnerability', 'known vulnerabilities')} in ${plural(tally.packages, 'package')}.`
}

function alarms(entries: readonly Alarm[]): string[] {
  const quarantined = entries.some(alarm => alarm.quarantined.length > 0)
  const what = quarantined ? 'malicious or quarantined package' : 'malicious package'
  const rows = entries.flatMap(alarm => [
    ...alarm.advisories.map(finding => [alarm.name, alarm.version, finding.id]),
    ...[...new Set(alarm.quarantined.map(issue => issue.reason))].map(reason => [
      alarm.name,
      alarm.version,
      `quarantined: ${truncate(cleanText(reason), 200)}`
    ])
  ])
  return [
    `Found ${plural(entries.length, what, `${what}s`)}: remove ${entries.length === 1 ? 'it' : 'them'}, and rotate every credential and secret the environments that installed ${entries.length === 1 ? 'it' : 'them'} could reach.`,
    '',
    ...table(['Name', 'Version', 'Why'], rows)
  ]
}

/** Every finding in pip-audit's columns, then one row per package: the overview. */
function findingTables(groups: readonly PackageFindings[]): string[] {
  const rows = groups.flatMap(({ pkg, findings }) =>
    findings.map(vuln => [
      pkg.name,
      pkg.version,
      vuln.id,
      vuln.fixVersions.join(','),
      severityLabel(vuln.severity),
      truncate(cleanText(vuln.description), 60)
    ])
  )
  // A package whose every pin is under an environment marker: the column says where.
  const markers = groups.map(group => conditionOf(group.pkg.declarations))
  const conditional = markers.some(marker => marker !== undefined)
  const overview = groups.map((group, index) => [
    group.pkg.name,
    group.pkg.version,
    severityLabel(worstFinding(group).severity),
    String(group.findings.length),
    recommendation(group),
    ...(conditional ? [truncate(cleanText(markers[index] ?? ''), 80)] : [])
  ])
  const header = ['Name', 'Version', 'Worst', 'Advisories', 'Recommended upgrade']
  return [
    ...table(['Name', 'Version', 'ID', 'Fix Versions', 'Severity', 'Summary'], rows),
    '',
    ...table(conditional ? [...header, 'Only where'] : header, overview)
  ]
}

function recommendation({ pkg }: PackageFindings): string {
  if (pkg.vulnerabilities.some(v => v.malicious && !v.ignored)) return 'remove it (malicious)'
  if (pkg.recommendedVersion === undefined) return ''
  return pkg.recommendedVersion ?? pkg.upgradeNote ?? 'none known without vulnerabilities'
}

function fixedTable(fixed: readonly FixedByChange[]): string[] {
  return table(
    ['Name', 'Was', 'Now', 'Advisories it clears'],
    fixed.map(fix => [
      fix.name,
      fix.oldVersion,
      fix.newVersion ?? 'removed',
      fix.advisories.join(',')
    ])
  )
}

/** A list, not a table: each reason is a whole message that says what to do. */
function packageIssues(
  issues: readonly PackageIssue[],
  place: (location: Location) => string,
  which = ''
): string[] {
  const failing = issues.filter(issue => issue.failing).length
  return [
    `Package issues${which}: ${issues.length}${failing > 0 ? ` (${failing} failing)` : ''}.`,
    ...issues.flatMap(issue => [
      '',
      plainText(
        `${issue.failing ? 'FAIL' : 'WARN'} ${issue.kind}: ${issue.name} ${issue.version} at ${place(issue.location)}`
      ),
      `  ${plainText(issue.reason)}`
    ])
  ]
}

/** push(...items) passes every item as an argument: too many overflow the stack. */
function append(lines: string[], items: readonly string[]): void {
  for (const item of items) lines.push(item)
}

function table(header: string[], rows: string[][]): string[] {
  const cells = [header, ...rows].map(row => row.map(plainText))
  const widths = header.map((_, col) =>
    cells.reduce((width, row) => Math.max(width, (row[col] ?? '').length), 0)
  )
  const format = (row: string[]): string =>
    row
      .map((cell, col) => cell.padEnd(widths[col] ?? 0))
      .join(' ')
      .trimEnd()
  const [head, ...body] = cells
  return [format(head ?? []), format(widths.map(w => '-'.repeat(w))), ...body.map(format)]
}
