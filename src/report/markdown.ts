import type { LicenseEntry } from '../licenses/check.js'
import type { AuditOutcome, ReportedPackage, ReportedVulnerability } from './outcome.js'
import { compareSeverity } from '../advisories/severity.js'
import { summaryCounts } from './counts.js'
import { cleanText, escapeMarkdown, truncate } from '../shared/escape.js'
import { advisoryUrl, repositoryPath } from '../shared/paths.js'
import { plural } from '../shared/text.js'

export interface MarkdownOptions {
  repositoryRoot: string
  /** Longest advisory summary shown in a table cell. */
  maxDescription?: number
  /** Show at most this many vulnerable packages in full (the rest are counted). */
  maxPackages?: number
}

const SEVERITY_BADGE: Record<string, string> = {
  critical: '🟥 critical',
  high: '🟧 high',
  medium: '🟨 medium',
  low: '🟩 low',
  unknown: '⬜ unknown'
}

/** The job summary: the verdict first, then malware, findings by package, licenses, ignores, skips. */
export function renderMarkdown(outcome: AuditOutcome, options: MarkdownOptions): string {
  const at = (file: string, line: number): string => {
    const shown = repositoryPath(file, options.repositoryRoot)
    return escapeMarkdown(line > 0 ? `${shown}:${line}` : shown)
  }
  const declared = (pkg: ReportedPackage): string =>
    pkg.declarations.map(dep => at(dep.location.file, dep.location.line)).join('<br>')
  const lines: string[] = ['## Python dependency audit', '', ...verdict(outcome), '']

  const malicious = outcome.packages.flatMap(pkg =>
    pkg.vulnerabilities.filter(v => v.malicious && !v.ignored).map(v => ({ pkg, v }))
  )
  if (malicious.length > 0) {
    lines.push('### 🚨 Malicious packages', '')
    lines.push(
      'These packages are known malware, not merely vulnerable. Remove them, and rotate every credential and secret the environments that installed them could reach.',
      ''
    )
    lines.push('| Package | Version | Advisory | Declared in |', '| --- | --- | --- | --- |')
    for (const { pkg, v } of malicious) {
      lines.push(
        row([
          `**${escapeMarkdown(pkg.name)}**`,
          escapeMarkdown(pkg.version),
          link(v.id),
          declared(pkg)
        ])
      )
    }
    lines.push('')
  }

  const vulnerable = outcome.packages
    .filter(pkg => pkg.vulnerabilities.some(v => !v.ignored && !v.malicious))
    .sort((a, b) => compareSeverity(worst(a).severity, worst(b).severity))
  if (vulnerable.length > 0) {
    const max = options.maxPackages ?? Infinity
    lines.push('### Vulnerabilities', '')
    for (const pkg of vulnerable.slice(0, max)) {
      const active = pkg.vulnerabilities.filter(v => !v.ignored && !v.malicious)
      lines.push(
        `#### ${escapeMarkdown(pkg.name)} ${escapeMarkdown(pkg.version)}: ${upgradeAdvice(pkg)}`,
        ''
      )
      lines.push(`Declared in ${declared(pkg)}`, '')
      lines.push('| Severity | Advisory | Fixed in | Summary |', '| --- | --- | --- | --- |')
      for (const v of active) {
        lines.push(
          row([
            severityCell(v),
            `${link(v.id)}${v.aliases.length ? `<br><sub>${v.aliases.map(escapeMarkdown).join(', ')}</sub>` : ''}`,
            v.fixVersions.length ? v.fixVersions.map(escapeMarkdown).join(', ') : 'no fix known',
            escapeMarkdown(truncate(cleanText(v.description), options.maxDescription ?? 200))
          ])
        )
      }
      lines.push('')
    }
    if (vulnerable.length > max) {
      lines.push(
        `…and ${vulnerable.length - max} more vulnerable packages: see the full report in the workflow artifact.`,
        ''
      )
    }
  }

  const violations = outcome.licenses.filter(entry => entry.violation)
  if (violations.length > 0) {
    lines.push(`### License violations (${violations.length})`, '')
    lines.push('| Package | Version | License | SPDX | Rule |', '| --- | --- | --- | --- | --- |')
    for (const entry of violations) lines.push(licenseRow(entry))
    lines.push('')
  }

  const ignored = outcome.packages.flatMap(pkg =>
    pkg.vulnerabilities.filter(v => v.ignored).map(v => ({ pkg, v }))
  )
  if (ignored.length > 0) {
    lines.push(`### Ignored findings (${ignored.length})`, '')
    lines.push(
      '| Package | Advisory | Severity | Reason | Until | Rule |',
      '| --- | --- | --- | --- | --- | --- |'
    )
    for (const { pkg, v } of ignored) {
      lines.push(
        row([
          `${escapeMarkdown(pkg.name)} ${escapeMarkdown(pkg.version)}`,
          link(v.id),
          severityCell(v),
          escapeMarkdown(v.ignored?.reason ?? '(no reason given)'),
          escapeMarkdown(v.ignored?.until ?? 'no expiry'),
          escapeMarkdown(v.ignored?.origin ?? '')
        ])
      )
    }
    lines.push('')
  }

  if (outcome.skipped.length > 0) {
    lines.push(`### Not audited (${outcome.skipped.length})`, '')
    lines.push('| Dependency | Declared in | Reason |', '| --- | --- | --- |')
    for (const skip of outcome.skipped) {
      lines.push(
        row([
          escapeMarkdown(skip.version ? `${skip.name} ${skip.version}` : skip.name),
          at(skip.location.file, skip.location.line),
          escapeMarkdown(skip.reason)
        ])
      )
    }
    lines.push('')
  }
  lines.push(footer(outcome, options.repositoryRoot), '')
  return lines.join('\n')
}

function verdict(outcome: AuditOutcome): string[] {
  const counts = summaryCounts(outcome)
  const parts: string[] = []
  if (counts.malicious > 0) parts.push(`🚨 ${plural(counts.malicious, 'malicious package')}`)
  if (counts.vulnerabilities > 0) {
    const levels = Object.entries(counts.by_severity)
      .filter(([, n]) => n > 0)
      .map(([level, n]) => `${n} ${level}`)
      .join(', ')
    parts.push(
      `${plural(counts.vulnerabilities, 'vulnerability', 'vulnerabilities')} (${levels}) in ${plural(counts.vulnerable_packages, 'package')}`
    )
  }
  if (counts.license_violations > 0)
    parts.push(plural(counts.license_violations, 'license violation'))
  if (counts.ignored > 0) parts.push(`${counts.ignored} ignored`)
  if (counts.skipped > 0) parts.push(`${counts.skipped} not audited`)
  const head =
    outcome.result === 'fail'
      ? '### ❌ Failed'
      : parts.length
        ? '### ⚠️ Passed with findings'
        : '### ✅ Passed'
  const detail =
    counts.vulnerabilities === 0 && counts.malicious === 0
      ? [`No known vulnerabilities in ${plural(counts.packages, 'package')}.`, ...parts]
      : [`${counts.packages} packages audited`, ...parts]
  return [
    head,
    '',
    `**${detail.join(' · ')}**`,
    ...outcome.failureReasons.map(reason => `\n> ${escapeMarkdown(reason)}`)
  ]
}

function upgradeAdvice(pkg: ReportedPackage): string {
  if (pkg.recommendedVersion === undefined) return 'vulnerable'
  return pkg.recommendedVersion === null
    ? 'no version without known vulnerabilities'
    : `upgrade to **${escapeMarkdown(pkg.recommendedVersion)}**`
}

function worst(pkg: ReportedPackage): ReportedVulnerability {
  const active = pkg.vulnerabilities.filter(v => !v.ignored)
  return (
    [...active].sort((a, b) => compareSeverity(a.severity, b.severity))[0] ??
    (pkg.vulnerabilities[0] as ReportedVulnerability)
  )
}

function severityCell(v: ReportedVulnerability): string {
  const badge = SEVERITY_BADGE[v.severity.level] ?? v.severity.level
  return v.severity.score !== undefined ? `${badge} ${v.severity.score.toFixed(1)}` : badge
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

function link(id: string): string {
  return `[${escapeMarkdown(id)}](${advisoryUrl(id)})`
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

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`
}
