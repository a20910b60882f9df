import { vulnerabilityCount, vulnerablePackages, type AuditResult } from '../audit.js'
import { escapeMarkdown, truncate } from './escape.js'
import { advisoryUrl, repositoryPath } from './paths.js'

export interface MarkdownOptions {
  repositoryRoot: string
  /** Longest advisory summary shown in a table cell. */
  maxDescription?: number
}

/** The job summary: verdict first, then one row per finding, then what could not be audited. */
export function renderMarkdown(result: AuditResult, options: MarkdownOptions): string {
  const lines: string[] = ['## Python dependency audit', '', verdict(result), '']
  const vulnerable = vulnerablePackages(result)
  if (vulnerable.length > 0) {
    lines.push('### Vulnerabilities', '')
    lines.push('| Package | Version | Advisory | Fixed in | Declared in | Summary |')
    lines.push('| --- | --- | --- | --- | --- | --- |')
    for (const pkg of vulnerable) {
      const declaredIn = pkg.declarations
        .map(dep =>
          location(repositoryPath(dep.location.file, options.repositoryRoot), dep.location.line)
        )
        .join('<br>')
      for (const vuln of pkg.vulnerabilities) {
        const aliases = vuln.aliases.length
          ? `<br>${vuln.aliases.map(escapeMarkdown).join(', ')}`
          : ''
        lines.push(
          row([
            `**${escapeMarkdown(pkg.name)}**`,
            escapeMarkdown(pkg.version),
            `[${escapeMarkdown(vuln.id)}](${advisoryUrl(vuln.id)})${aliases}`,
            vuln.fixVersions.length
              ? vuln.fixVersions.map(escapeMarkdown).join(', ')
              : 'no fix known',
            declaredIn,
            escapeMarkdown(truncate(vuln.description, options.maxDescription ?? 200))
          ])
        )
      }
    }
    lines.push('')
  }
  if (result.skipped.length > 0) {
    lines.push(`### Not audited (${result.skipped.length})`, '')
    lines.push('| Dependency | Declared in | Reason |', '| --- | --- | --- |')
    for (const skip of result.skipped) {
      lines.push(
        row([
          escapeMarkdown(skip.version ? `${skip.name} ${skip.version}` : skip.name),
          location(repositoryPath(skip.location.file, options.repositoryRoot), skip.location.line),
          escapeMarkdown(skip.reason)
        ])
      )
    }
    lines.push('')
  }
  lines.push(sourcesLine(result, options.repositoryRoot), '')
  return lines.join('\n')
}

function verdict(result: AuditResult): string {
  const count = vulnerabilityCount(result)
  const audited = result.packages.length
  if (count === 0) {
    return `✅ **No known vulnerabilities** in ${plural(audited, 'package')} (checked against ${escapeMarkdown(result.feed)}).`
  }
  const packages = vulnerablePackages(result).length
  return `❌ **${plural(count, 'vulnerability', 'vulnerabilities')}** in ${plural(packages, 'package')} of ${audited} audited (checked against ${escapeMarkdown(result.feed)}).`
}

function sourcesLine(result: AuditResult, root: string): string {
  const files = result.sources.map(
    source =>
      `${escapeMarkdown(repositoryPath(source.file, root))} (${source.format}, ${plural(source.dependencies.length, 'pin')})`
  )
  return `<sub>Read ${files.length ? files.join(', ') : 'no dependency files'}.</sub>`
}

function location(file: string, line: number): string {
  return escapeMarkdown(line > 0 ? `${file}:${line}` : file)
}

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`
}
