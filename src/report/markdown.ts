import type { LicenseEntry } from '../licenses/check.js'
import type { PackageIssue } from '../health/types.js'
import type { AuditOutcome, FixedByChange, RunError } from './outcome.js'
import { renderRunErrorSection } from './markdown-error.js'
import { renderFixSection } from './markdown-fix.js'
import { describeSeverities, summaryCounts, tallyFindings } from './counts.js'
import {
  advisoryLink,
  escapeHtml,
  Places,
  row,
  severityCell,
  tableHead,
  type SourceLinkBase
} from './markdown-cells.js'
import { conditionOf } from '../deps/marker-text.js'
import { worstFinding, type PackageFindings } from './order.js'
import { reportSections, type Alarm, type ReportSections } from './sections.js'
import { cleanText, escapeMarkdown, truncate } from '../shared/escape.js'
import { repositoryPath } from '../shared/paths.js'
import { plural } from '../shared/text.js'

export type { SourceLinkBase } from './markdown-cells.js'

export interface MarkdownOptions {
  repositoryRoot: string
  /** Longest advisory summary shown in a table cell. */
  maxDescription?: number
  /** Show at most this many vulnerable packages, in the overview and folded (the rest are counted). */
  maxPackages?: number
  /** Fold the advisory table of at most this many packages; the overview still lists the others. */
  maxDetails?: number
  /** The repository at the run's commit: "declared in" places become links to their lines. */
  sourceLink?: SourceLinkBase
}

/** Overview cells list this many places of a package; its folded section lists them all. */
const OVERVIEW_PLACES = 3
const ISSUE_REASON_LENGTH = 600
/** The longest environment marker shown beside a conditional pin. */
const MARKER_LENGTH = 200
/** A longer list of dependencies not audited is folded. */
const FOLD_SKIPPED = 10

/**
 * The job summary and pull-request comment: the verdict; malware and quarantined projects;
 * an overview of the vulnerable packages (one row each, worst first) with each package's
 * advisories folded below it; in scope `changes` what the change introduces, then what it
 * fixes, then the debt already on the base, folded; then the index's findings, licenses,
 * ignores and what was not audited.
 */
export function renderMarkdown(outcome: AuditOutcome, options: MarkdownOptions): string {
  const places = new Places(options.repositoryRoot, options.sourceLink)
  const sections = reportSections(outcome)
  const lines: string[] = ['## Python dependency audit', '']
  append(
    lines,
    outcome.result === 'error' && outcome.error
      ? errorHead(outcome, sections, outcome.error)
      : verdict(outcome, sections)
  )
  lines.push('')
  if (sections.alarms.length > 0) append(lines, alarmSection(sections.alarms, places))
  append(lines, renderFixSection(outcome.fix, places, options.repositoryRoot))

  const changes = sections.changes
  if (changes) {
    lines.push('### Introduced by this change', '')
    if (sections.vulnerable.length === 0)
      lines.push('No known vulnerabilities: this change brings in none.', '')
    else append(lines, vulnerabilities(sections.vulnerable, places, options))
    if (changes.fixed.length > 0) append(lines, fixedSection(changes.fixed))
    if (changes.alreadyThere.length > 0) {
      const tally = tallyFindings(changes.alreadyThere)
      const base = `${escapeHtml(changes.base.ref)} at ${escapeHtml(changes.base.sha.slice(0, 7))}`
      lines.push(
        `### Already on the base branch (${tally.findings})`,
        '',
        `<details><summary>${plural(tally.findings, 'vulnerability', 'vulnerabilities')} in ${plural(tally.packages, 'package')} that ${base} already had: reported, not counted in the verdict</summary>`,
        ''
      )
      append(lines, vulnerabilities(changes.alreadyThere, places, options))
      lines.push('</details>', '')
    }
  } else if (sections.vulnerable.length > 0) {
    lines.push('### Vulnerabilities', '')
    append(lines, vulnerabilities(sections.vulnerable, places, options))
  }

  if (sections.packageIssues.length > 0)
    append(lines, packageIssueSection(sections.packageIssues, places))
  if (changes && changes.packageIssuesAlreadyThere.length > 0) {
    const base = `${escapeHtml(changes.base.ref)} at ${escapeHtml(changes.base.sha.slice(0, 7))}`
    const issues = changes.packageIssuesAlreadyThere
    lines.push(
      `### Package issues already on the base branch (${issues.length})`,
      '',
      `<details><summary>${plural(issues.length, 'package issue')} that ${base} already had: reported, not counted in the verdict</summary>`,
      ''
    )
    append(lines, packageIssueTable(issues, places))
    lines.push('</details>', '')
  }

  const violations = outcome.licenses.filter(entry => entry.violation)
  if (violations.length > 0) {
    lines.push(`### License violations (${violations.length})`, '')
    lines.push(...tableHead('Package', 'Version', 'License', 'SPDX', 'Rule'))
    for (const entry of violations) lines.push(licenseRow(entry))
    lines.push('')
  }

  const ignored = outcome.packages.flatMap(pkg =>
    pkg.vulnerabilities.filter(v => v.ignored).map(v => ({ pkg, v }))
  )
  if (ignored.length > 0) {
    lines.push(`### Ignored findings (${ignored.length})`, '')
    lines.push(...tableHead('Package', 'Advisory', 'Severity', 'Reason', 'Until', 'Rule'))
    for (const { pkg, v } of ignored) {
      lines.push(
        row([
          `${escapeMarkdown(pkg.name)} ${escapeMarkdown(pkg.version)}`,
          advisoryLink(v.id),
          severityCell(v.severity),
          escapeMarkdown(v.ignored?.reason ?? '(no reason given)'),
          escapeMarkdown(v.ignored?.until ?? 'no expiry'),
          escapeMarkdown(v.ignored?.origin ?? '')
        ])
      )
    }
    lines.push('')
  }

  if (outcome.skipped.length > 0) {
    // A long list (every pin, when the run stopped before its lookup) is folded, not left out.
    const fold = outcome.skipped.length > FOLD_SKIPPED
    lines.push(`### Not audited (${outcome.skipped.length})`, '')
    if (fold)
      lines.push(
        `<details><summary>${plural(outcome.skipped.length, 'dependency', 'dependencies')} and why</summary>`,
        ''
      )
    lines.push(...tableHead('Dependency', 'Declared in', 'Reason'))
    for (const skip of outcome.skipped) {
      lines.push(
        row([
          escapeMarkdown(skip.version ? `${skip.name} ${skip.version}` : skip.name),
          places.at(skip.location),
          escapeMarkdown(skip.reason)
        ])
      )
    }
    lines.push('')
    if (fold) lines.push('</details>', '')
  }
  lines.push(footer(outcome, options.repositoryRoot), '')
  return lines.join('\n')
}

function verdict(outcome: AuditOutcome, sections: ReportSections): string[] {
  const { parts, findings } = headline(outcome, sections)
  const head =
    outcome.result === 'error'
      ? '### ⛔ Error'
      : outcome.result === 'fail'
        ? '### ❌ Failed'
        : outcome.nothingAudited !== undefined
          ? '### ⚠️ Passed, but nothing was audited'
          : findings
            ? '### ⚠️ Passed with findings'
            : '### ✅ Passed'
  // A pass that audited nothing says why; a failure's reasons already do.
  const why =
    outcome.result === 'pass' && outcome.nothingAudited !== undefined
      ? [
          `\n> Nothing was audited: ${escapeMarkdown(outcome.nothingAudited)}. (strict: true fails the step then.)`
        ]
      : []
  return [
    head,
    '',
    `**${parts.join(' · ')}**`,
    ...why,
    ...outcome.failureReasons.map(reason => `\n> ${escapeMarkdown(reason)}`)
  ]
}

/**
 * A run that ended in error: what went wrong and what was and was not checked, never a count
 * that could read as clean; what it had found, when it had reached its verdict.
 */
function errorHead(outcome: AuditOutcome, sections: ReportSections, error: RunError): string[] {
  const lines = renderRunErrorSection(error)
  if (outcome.packages.length === 0) return lines
  return [
    ...lines,
    '',
    `**Found before the error: ${headline(outcome, sections).parts.join(' · ')}**`,
    ...outcome.failureReasons
      .filter(reason => reason !== error.message)
      .map(reason => `\n> ${escapeMarkdown(reason)}`)
  ]
}

/** The counts of the verdict line, and whether there is anything to report at all. */
function headline(
  outcome: AuditOutcome,
  sections: ReportSections
): { parts: string[]; findings: boolean } {
  const counts = summaryCounts(outcome)
  const malicious = sections.alarms.length
  const vulnerable = tallyFindings(sections.vulnerable)
  const issues = sections.packageIssues.length
  const parts: string[] = []
  if (sections.changes) {
    // The good news first: what the change fixes, then what it brings in.
    const already = tallyFindings(sections.changes.alreadyThere).findings
    parts.push(
      `${sections.changes.fixed.length} fixed by this change, ${vulnerable.findings} introduced, ${already} already on the base`
    )
  }
  const clean = counts.vulnerabilities === 0 && malicious === 0
  parts.push(
    outcome.nothingAudited !== undefined && counts.packages === 0
      ? 'Nothing was audited.'
      : clean
        ? `No known vulnerabilities in ${plural(counts.packages, 'package')}.`
        : `${plural(counts.packages, 'package')} audited`
  )
  if (malicious > 0) {
    const what = sections.alarms.some(alarm => alarm.quarantined.length > 0)
      ? 'malicious or quarantined package'
      : 'malicious package'
    parts.push(`🚨 ${plural(malicious, what)}`)
  }
  if (!sections.changes && vulnerable.findings > 0) {
    parts.push(
      `${plural(vulnerable.findings, 'vulnerability', 'vulnerabilities')} (${describeSeverities(vulnerable.bySeverity)}) in ${plural(vulnerable.packages, 'package')}`
    )
  }
  if (issues > 0) parts.push(plural(issues, 'package issue'))
  if (counts.license_violations > 0)
    parts.push(plural(counts.license_violations, 'license violation'))
  if (counts.ignored > 0) parts.push(`${counts.ignored} ignored`)
  if (counts.skipped > 0) parts.push(`${counts.skipped} not audited`)
  const findings =
    !clean || issues > 0 || counts.license_violations + counts.ignored + counts.skipped > 0
  return { parts, findings }
}

function alarmSection(alarms: readonly Alarm[], places: Places): string[] {
  const quarantined = alarms.some(alarm => alarm.quarantined.length > 0)
  const lines = [
    quarantined ? '### 🚨 Malicious and quarantined packages' : '### 🚨 Malicious packages',
    '',
    'These packages are known malware, not merely vulnerable' +
      (quarantined ? ', or the package index has quarantined them' : '') +
      '. Remove them, and rotate every credential and secret the environments that installed them could reach.',
    '',
    ...tableHead('Package', 'Version', 'Why', 'Declared in')
  ]
  for (const alarm of alarms) {
    const why = [
      ...alarm.advisories.map(finding => advisoryLink(finding.id)),
      ...distinct(alarm.quarantined.map(issue => issue.reason)).map(
        reason => `quarantined by the index: ${escapeMarkdown(truncate(cleanText(reason), 300))}`
      )
    ]
    lines.push(
      row([
        `**${escapeMarkdown(alarm.name)}**`,
        escapeMarkdown(alarm.version),
        why.join('<br>'),
        places.list(alarm.locations)
      ])
    )
  }
  return [...lines, '']
}

/** One overview row per package, worst first, then each package's advisories folded. */
function vulnerabilities(
  groups: readonly PackageFindings[],
  places: Places,
  options: MarkdownOptions
): string[] {
  const shown = groups.slice(0, options.maxPackages ?? Infinity)
  const lines = tableHead('Package', 'Version', 'Worst', 'Advisories', 'Upgrade to', 'Declared in')
  for (const group of shown) {
    lines.push(
      row([
        `**${escapeMarkdown(group.pkg.name)}**`,
        escapeMarkdown(group.pkg.version),
        severityCell(worstFinding(group).severity),
        String(group.findings.length),
        upgradeCell(group),
        places.list(
          group.pkg.declarations.map(dep => dep.location),
          OVERVIEW_PLACES
        ) + onlyWhere(group, '<br>')
      ])
    )
  }
  lines.push('')
  if (groups.length > shown.length) {
    lines.push(
      `…and ${groups.length - shown.length} more vulnerable packages: see the full report in the workflow artifact.`,
      ''
    )
  }
  const folded = shown.slice(0, options.maxDetails ?? Infinity)
  for (const group of folded) append(lines, advisoryDetails(group, places, options))
  if (shown.length > folded.length) {
    lines.push(
      `The advisories of the other ${plural(shown.length - folded.length, 'package')} are in the full report in the workflow artifact.`,
      ''
    )
  }
  return lines
}

function advisoryDetails(
  group: PackageFindings,
  places: Places,
  options: MarkdownOptions
): string[] {
  const { pkg, findings } = group
  const worst = severityCell(worstFinding(group).severity)
  const lines = [
    `<details><summary><b>${escapeHtml(pkg.name)} ${escapeHtml(pkg.version)}</b>: ${plural(findings.length, 'advisory', 'advisories')}, worst ${worst}</summary>`,
    '',
    `Declared in ${places.list(pkg.declarations.map(dep => dep.location))}${onlyWhere(group, ' · ')}${upgradeAdvice(group)}`,
    '',
    ...tableHead('Severity', 'Advisory', 'Fixed in', 'Summary')
  ]
  for (const v of findings) {
    lines.push(
      row([
        severityCell(v.severity),
        `${advisoryLink(v.id)}${v.aliases.length ? `<br><sub>${v.aliases.map(escapeMarkdown).join(', ')}</sub>` : ''}`,
        v.fixVersions.length ? v.fixVersions.map(escapeMarkdown).join(', ') : 'no fix known',
        escapeMarkdown(truncate(cleanText(v.description), options.maxDescription ?? 200))
      ])
    )
  }
  return [...lines, '', '</details>', '']
}

function upgradeCell({ pkg }: PackageFindings): string {
  if (pkg.vulnerabilities.some(v => v.malicious && !v.ignored)) return 'remove it (malicious)'
  if (pkg.recommendedVersion === undefined) return '—'
  return pkg.recommendedVersion === null
    ? 'none known'
    : `**${escapeMarkdown(pkg.recommendedVersion)}**`
}

/** "only where `marker`" after `separator`, for a package every pin of which is conditional. */
function onlyWhere({ pkg }: PackageFindings, separator: string): string {
  const marker = conditionOf(pkg.declarations)
  if (marker === undefined) return ''
  const shown = escapeMarkdown(truncate(cleanText(marker), MARKER_LENGTH))
  return `${separator}only where <code>${shown}</code>`
}

/** What follows "Declared in …" in a folded section. */
function upgradeAdvice({ pkg }: PackageFindings): string {
  if (pkg.vulnerabilities.some(v => v.malicious && !v.ignored)) return ' · remove it (malicious)'
  if (pkg.recommendedVersion === undefined) return ''
  if (pkg.recommendedVersion === null) {
    return ` · ${pkg.upgradeNote ? escapeMarkdown(pkg.upgradeNote) : 'no version without known vulnerabilities'}`
  }
  return ` · upgrade to **${escapeMarkdown(pkg.recommendedVersion)}**`
}

function fixedSection(fixed: readonly FixedByChange[]): string[] {
  const lines = [
    `### ✅ Fixed by this change (${fixed.length})`,
    '',
    ...tableHead('Package', 'Was', 'Now', 'Advisories it clears')
  ]
  for (const fix of fixed) {
    const ids = fix.advisories.slice(0, 10).map(advisoryLink)
    if (fix.advisories.length > 10) ids.push(`and ${fix.advisories.length - 10} more`)
    lines.push(
      row([
        `**${escapeMarkdown(fix.name)}**`,
        escapeMarkdown(fix.oldVersion),
        fix.newVersion === null ? 'removed' : escapeMarkdown(fix.newVersion),
        ids.join(', ')
      ])
    )
  }
  return [...lines, '']
}

function packageIssueSection(issues: readonly PackageIssue[], places: Places): string[] {
  const failing = issues.filter(issue => issue.failing).length
  return [
    `### Package issues (${issues.length})`,
    '',
    `What the package index says of these pins${failing > 0 ? `; ${plural(failing, 'fails', 'fail')} the step` : ''}.`,
    '',
    ...packageIssueTable(issues, places)
  ]
}

function packageIssueTable(issues: readonly PackageIssue[], places: Places): string[] {
  const lines = tableHead('Issue', 'Package', 'Version', 'Declared in', 'Details')
  for (const issue of issues) {
    lines.push(
      row([
        `${issue.failing ? '❌' : '⚠️'} ${issue.kind}`,
        `**${escapeMarkdown(issue.name)}**`,
        escapeMarkdown(issue.version),
        places.at(issue.location),
        escapeMarkdown(truncate(cleanText(issue.reason), ISSUE_REASON_LENGTH))
      ])
    )
  }
  return [...lines, '']
}

function licenseRow(entry: LicenseEntry): string {
  return row([
    `**${escapeMarkdown(entry.name)}**`,
    escapeMarkdown(entry.version),
    escapeMarkdown(entry.license),
    entry.spdx ? escapeMarkdown(entry.spdx) : '—',
    escapeMarkdown(entry.rule ?? '')
  ])
}

function footer(outcome: AuditOutcome, root: string): string {
  const files = outcome.sources.map(
    source => `${escapeMarkdown(repositoryPath(source.file, root))} (${source.format})`
  )
  const database = outcome.databaseUpdated
    ? `, data updated ${outcome.databaseUpdated.slice(0, 10)}`
    : ''
  return `<sub>Read ${files.length ? files.join(', ') : 'no dependency files'}. Checked against ${escapeMarkdown(outcome.feed)}${database}. ${outcome.tool.name} ${outcome.tool.version}.</sub>`
}

/** push(...items) passes every item as an argument: too many overflow the stack. */
function append(lines: string[], items: readonly string[]): void {
  for (const item of items) lines.push(item)
}

function distinct(values: readonly string[]): string[] {
  return [...new Set(values)]
}
