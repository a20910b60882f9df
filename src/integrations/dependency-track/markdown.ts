import type { DependencyTrackResult } from './client.js'
import { escapeMarkdown, truncate } from '../../shared/escape.js'

const MAX_ROWS = 50

/** What Dependency-Track said of the uploaded SBOM, for the job summary. All text is the server's: escaped. */
export function renderDependencyTrack(result: DependencyTrackResult): string {
  const project = result.projectUuid ? ` (project ${escapeMarkdown(result.projectUuid)})` : ''
  if (!result.findings) {
    return `\n<sub>SBOM uploaded to Dependency-Track${project}; processing token ${escapeMarkdown(result.token)}.</sub>\n`
  }
  const violations = result.policyViolations ?? []
  const lines = [
    '',
    `### Dependency-Track${project}`,
    '',
    `**${result.findings.length} findings, ${violations.length} policy violations.**`,
    ''
  ]
  if (result.findings.length > 0) {
    lines.push('| Component | Vulnerability | Severity | Analysis |', '| --- | --- | --- | --- |')
    for (const finding of result.findings.slice(0, MAX_ROWS)) {
      const { component, vulnerability } = finding
      lines.push(
        `| ${escapeMarkdown(`${component.name} ${component.version ?? ''}`.trim())} | ${escapeMarkdown(vulnerability.id)}${
          vulnerability.title ? ` ${escapeMarkdown(truncate(vulnerability.title, 80))}` : ''
        } | ${escapeMarkdown(vulnerability.severity)} | ${escapeMarkdown(finding.analysisState ?? 'not analysed')} |`
      )
    }
    lines.push('')
  }
  if (violations.length > 0) {
    lines.push('| Component | Policy | State | Condition |', '| --- | --- | --- | --- |')
    for (const violation of violations.slice(0, MAX_ROWS)) {
      lines.push(
        `| ${escapeMarkdown(`${violation.component.name} ${violation.component.version ?? ''}`.trim())} | ${escapeMarkdown(
          `${violation.policy} (${violation.type})`
        )} | ${escapeMarkdown(violation.state)} | ${escapeMarkdown(violation.condition ?? '')} |`
      )
    }
    lines.push('')
  }
  const shown = Math.max(result.findings.length, violations.length)
  if (shown > MAX_ROWS)
    lines.push(`…the first ${MAX_ROWS} of each are shown; the rest are in Dependency-Track.`, '')
  return lines.join('\n')
}
