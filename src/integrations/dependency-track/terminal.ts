import type { DependencyTrackResult } from './client.js'
import type { DependencyTrackComponent } from './results.js'
import { truncate } from '../../shared/escape.js'
import { plural } from '../../shared/text.js'
import { plainText } from '../../report/terminal.js'

const MAX_ROWS = 50

/**
 * What Dependency-Track said of the uploaded SBOM, as lines for a terminal. Tokens, names and
 * titles are the server's words, so every line goes through plainText: no escape sequences.
 */
export function renderDependencyTrackLines(
  result: DependencyTrackResult,
  /** The project as the user named it, e.g. `"demo" version "1.0"` or `UUID …`. */
  project: string
): string[] {
  const uuid =
    result.projectUuid && !project.includes(result.projectUuid)
      ? ` (UUID ${result.projectUuid})`
      : ''
  const lines = [
    `Dependency-Track: uploaded the SBOM to project ${project}${uuid}; processing token ${result.token}.`
  ]
  if (result.findings) {
    const violations = result.policyViolations ?? []
    lines.push(
      `Dependency-Track: ${plural(result.findings.length, 'finding')}, ${plural(violations.length, 'policy violation')}.`
    )
    lines.push(
      ...capped(result.findings, 'findings', finding => {
        const { id, severity, title } = finding.vulnerability
        const about = title ? ` ${truncate(title, 60)}` : ''
        return `  finding ${componentName(finding.component)}: ${id} ${severity}${about} (${finding.analysisState ?? 'not analysed'})`
      }),
      ...capped(violations, 'policy violations', violation => {
        const condition = violation.condition ? `: ${violation.condition}` : ''
        return `  policy violation ${componentName(violation.component)}: ${violation.policy} (${violation.type}, ${violation.state})${condition}`
      })
    )
  }
  return lines.map(plainText)
}

function capped<T>(items: T[], what: string, line: (item: T) => string): string[] {
  const shown = items.slice(0, MAX_ROWS).map(line)
  if (items.length > MAX_ROWS) {
    shown.push(`  …and ${items.length - MAX_ROWS} more ${what}, listed in Dependency-Track.`)
  }
  return shown
}

function componentName(component: DependencyTrackComponent): string {
  return `${component.name} ${component.version ?? ''}`.trim()
}
