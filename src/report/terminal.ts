import { vulnerabilityCount, vulnerablePackages, type AuditResult } from '../audit.js'
import { plural } from './markdown.js'
import { truncate } from './escape.js'

/** Untrusted text on a terminal: no escape sequences, no line breaks. */
export function plainText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
}

/** pip-audit's columns layout: Name, Version, ID, Fix Versions, then what was skipped. */
export function renderTerminal(result: AuditResult): string {
  const out: string[] = []
  const count = vulnerabilityCount(result)
  if (count === 0) {
    out.push(`No known vulnerabilities found in ${plural(result.packages.length, 'package')}.`)
  } else {
    out.push(
      `Found ${plural(count, 'known vulnerability', 'known vulnerabilities')} in ${plural(vulnerablePackages(result).length, 'package')}.`,
      ''
    )
    const rows = vulnerablePackages(result).flatMap(pkg =>
      pkg.vulnerabilities.map(vuln => [
        pkg.name,
        pkg.version,
        vuln.id,
        vuln.fixVersions.join(','),
        truncate(vuln.description, 70)
      ])
    )
    out.push(...table(['Name', 'Version', 'ID', 'Fix Versions', 'Summary'], rows))
  }
  if (result.skipped.length > 0) {
    out.push(
      '',
      ...table(
        ['Name', 'Skip Reason'],
        result.skipped.map(s => [s.name, s.reason])
      )
    )
  }
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
