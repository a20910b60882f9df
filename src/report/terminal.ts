import type { AuditOutcome } from './outcome.js'
import { summaryCounts } from './counts.js'
import { cleanText, truncate } from '../shared/escape.js'
import { plural } from '../shared/text.js'

/** Untrusted text on a terminal: no escape sequences, bidi controls or line breaks, no credentials. */
export function plainText(text: string): string {
  return cleanText(text)
}

/** pip-audit's columns layout (Name, Version, ID, Fix Versions), plus severity and what was skipped. */
export function renderTerminal(outcome: AuditOutcome): string {
  const out: string[] = []
  const counts = summaryCounts(outcome)
  if (counts.vulnerabilities === 0) {
    out.push(`No known vulnerabilities found in ${plural(counts.packages, 'package')}.`)
  } else {
    out.push(
      `Found ${plural(counts.vulnerabilities, 'known vulnerability', 'known vulnerabilities')} in ${plural(counts.vulnerable_packages, 'package')}.`,
      ''
    )
    const rows = outcome.packages.flatMap(pkg =>
      pkg.vulnerabilities
        .filter(vuln => !vuln.ignored)
        .map(vuln => [
          pkg.name,
          pkg.version,
          vuln.malicious ? `${vuln.id} (MALICIOUS)` : vuln.id,
          vuln.fixVersions.join(','),
          vuln.severity.score !== undefined
            ? `${vuln.severity.level} ${vuln.severity.score}`
            : vuln.severity.level,
          truncate(cleanText(vuln.description), 60)
        ])
    )
    out.push(...table(['Name', 'Version', 'ID', 'Fix Versions', 'Severity', 'Summary'], rows))
  }
  const upgrades = outcome.packages.filter(pkg => pkg.recommendedVersion !== undefined)
  if (upgrades.length > 0) {
    out.push(
      '',
      ...table(
        ['Name', 'Version', 'Recommended upgrade'],
        upgrades.map(pkg => [
          pkg.name,
          pkg.version,
          pkg.recommendedVersion ?? 'none known without vulnerabilities'
        ])
      )
    )
  }
  const ignored = outcome.packages.flatMap(pkg =>
    pkg.vulnerabilities
      .filter(v => v.ignored)
      .map(v => [pkg.name, pkg.version, v.id, v.ignored?.reason ?? ''])
  )
  if (ignored.length > 0)
    out.push('', ...table(['Name', 'Version', 'Ignored ID', 'Reason'], ignored))
  const violations = outcome.licenses.filter(entry => entry.violation)
  if (violations.length > 0) {
    out.push(
      '',
      ...table(
        ['Name', 'Version', 'License', 'Violation'],
        violations.map(e => [e.name, e.version, e.license, e.rule ?? ''])
      )
    )
  }
  if (outcome.skipped.length > 0) {
    out.push(
      '',
      ...table(
        ['Name', 'Skip Reason'],
        outcome.skipped.map(s => [s.name, s.reason])
      )
    )
  }
  // Reasons quote feeds and files: as plain as every table cell.
  out.push(
    '',
    ...(outcome.failureReasons.length ? outcome.failureReasons : ['Passed.']).map(plainText)
  )
  return `${out.join('\n')}\n`
}

function table(header: string[], rows: string[][]): string[] {
  const cells = [header, ...rows].map(row => row.map(plainText))
  const widths = header.map((_, col) => Math.max(...cells.map(row => (row[col] ?? '').length)))
  const format = (row: string[]): string =>
    row
      .map((cell, col) => cell.padEnd(widths[col] ?? 0))
      .join(' ')
      .trimEnd()
  const [head, ...body] = cells
  return [format(head ?? []), format(widths.map(w => '-'.repeat(w))), ...body.map(format)]
}
