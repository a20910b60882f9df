import { compareFindings, comparePackageFindings, severityLabel } from '../../report/order.js'
import type { AuditOutcome, ReportedPackage, ReportedVulnerability } from '../../report/outcome.js'
import { cleanText, truncate } from '../../shared/escape.js'
import { repositoryPath } from '../../shared/paths.js'
import { introducedIn } from '../../report/change-scope.js'
import type { PackageIssue } from '../../health/types.js'
import { PACKAGE_ISSUE_RULES } from '../../health/report-entry.js'

/** GitHub shows at most this many annotations of each level per step. */
export const MAX_ANNOTATIONS = 10

/** The annotations of each level the plan may use: what the step's other lines leave. */
export interface AnnotationBudget {
  error: number
  warning: number
}

/**
 * What GitHub's per-step limits leave for the plan. The step's own failure message is one of
 * the errors it shows, and every warning the run emitted on its own (expired ignores, a stale
 * database, a fallback, a failed upload) is one of the warnings: a plan that ignored them
 * would push the verdict itself out of sight.
 */
export function annotationBudget(used: {
  failing: boolean
  errors?: number
  warnings: number
}): AnnotationBudget {
  return {
    error: Math.max(0, MAX_ANNOTATIONS - (used.failing ? 1 : 0) - (used.errors ?? 0)),
    warning: Math.max(0, MAX_ANNOTATIONS - used.warnings)
  }
}

export interface Annotation {
  level: 'error' | 'warning'
  title: string
  message: string
  file?: string
  line?: number
}

/**
 * Annotations at the line that declares each problem, worst first: findings that fail the
 * step and license violations as errors, findings below the gate as warnings, package-health
 * findings by whether their kind fails the run. In scope `changes` only the findings the change
 * introduces are annotated (and malware wherever it is): the debt already on the base is in the
 * summary, not on lines the pull request did not touch. Where there are more than GitHub shows,
 * the last slot of that level counts the rest. Messages are plain text: @actions/core escapes
 * them for the workflow command.
 */
export function planAnnotations(
  outcome: AuditOutcome,
  repositoryRoot: string,
  budget: AnnotationBudget = { error: MAX_ANNOTATIONS, warning: MAX_ANNOTATIONS }
): Annotation[] {
  const ranked = outcome.packages
    .map(pkg => ({ pkg, active: activeFindings(pkg, outcome) }))
    .filter(({ active }) => active.length > 0)
    .sort((a, b) =>
      comparePackageFindings({ pkg: a.pkg, findings: a.active }, { pkg: b.pkg, findings: b.active })
    )
  const errors: Annotation[] = []
  const warnings: Annotation[] = []
  for (const { pkg, active } of ranked) {
    const failing = active.filter(v => v.failing)
    const passing = active.filter(v => !v.failing)
    if (failing.length) errors.push(...findingAnnotations(pkg, failing, 'error', repositoryRoot))
    if (passing.length)
      warnings.push(...findingAnnotations(pkg, passing, 'warning', repositoryRoot))
  }
  for (const issue of outcome.packageIssues ?? []) {
    // Scope `changes`: the base's debt is in the summary; a quarantined project is an alarm.
    if (introducedIn(outcome, issue) === false && issue.kind !== 'quarantined') continue
    const annotations = issue.failing ? errors : warnings
    annotations.push(packageIssueAnnotation(issue, repositoryRoot))
  }
  for (const entry of outcome.licenses.filter(e => e.violation)) {
    const pkg = outcome.packages.find(p => p.name === entry.name && p.version === entry.version)
    const base = {
      level: 'error' as const,
      title: `${entry.name} ${entry.version}: license ${truncate(cleanText(entry.license), 60)}`,
      message: `License policy violated: ${entry.rule ?? 'not allowed'}`
    }
    errors.push(
      ...(pkg
        ? pkg.declarations.map(dep => ({ ...base, ...place(dep.location, repositoryRoot) }))
        : [base])
    )
  }
  return [
    ...capped(errors, 'error', budget.error),
    ...capped(warnings, 'warning', budget.warning)
  ].map(clean)
}

/** Titles and messages quote packages, licenses and advisories: cleaned of what could hide or mislead. */
function clean(annotation: Annotation): Annotation {
  return {
    ...annotation,
    title: cleanText(annotation.title),
    message: cleanText(annotation.message, { multiline: true })
  }
}

function activeFindings(pkg: ReportedPackage, outcome: AuditOutcome): ReportedVulnerability[] {
  return pkg.vulnerabilities
    .filter(v => !v.ignored && (v.malicious || introducedIn(outcome, v) !== false))
    .sort(compareFindings)
}

function packageIssueAnnotation(issue: PackageIssue, repositoryRoot: string): Annotation {
  return {
    level: issue.failing ? 'error' : 'warning',
    title: `${issue.name} ${issue.version}: ${PACKAGE_ISSUE_RULES[issue.kind].title}`,
    message: issue.reason,
    ...place(issue.location, repositoryRoot)
  }
}

function findingAnnotations(
  pkg: ReportedPackage,
  findings: ReportedVulnerability[],
  level: Annotation['level'],
  repositoryRoot: string
): Annotation[] {
  const malicious = findings.some(v => v.malicious)
  const count = findings.length
  const what = malicious
    ? 'MALICIOUS PACKAGE'
    : `${count} known ${count === 1 ? 'vulnerability' : 'vulnerabilities'}`
  const upgrade =
    pkg.recommendedVersion === undefined
      ? ''
      : pkg.recommendedVersion === null
        ? ` (${pkg.upgradeNote ?? 'no version without known vulnerabilities'})`
        : ` (upgrade to ${pkg.recommendedVersion})`
  const title = `${pkg.name} ${pkg.version}: ${what}${malicious ? '' : upgrade}`
  const message = findings
    .map(vuln => {
      const ids = [vuln.id, ...vuln.aliases.filter(alias => alias.startsWith('CVE-'))].join(' / ')
      const fix = vuln.fixVersions.length
        ? `fixed in ${vuln.fixVersions.join(', ')}`
        : 'no fix known'
      return `${ids} [${severityLabel(vuln.severity)}] (${fix}): ${truncate(cleanText(vuln.description), 160)}`
    })
    .join('\n')
  return pkg.declarations.map(dep => ({
    level,
    title,
    // A pin under an environment marker is installed only where it holds: say where.
    message:
      dep.marker === undefined
        ? message
        : `Installed only where ${truncate(cleanText(dep.marker), 200)}.\n${message}`,
    ...place(dep.location, repositoryRoot)
  }))
}

function place(
  location: { file: string; line: number },
  root: string
): { file: string; line?: number } {
  return {
    file: repositoryPath(location.file, root),
    ...(location.line > 0 ? { line: location.line } : {})
  }
}

function capped(
  annotations: Annotation[],
  level: Annotation['level'],
  limit: number
): Annotation[] {
  if (annotations.length <= limit) return annotations
  if (limit <= 0) return []
  const shown = annotations.slice(0, limit - 1)
  const hidden = annotations.length - shown.length
  shown.push({
    level,
    title: `${hidden} more`,
    message: `${hidden} more ${level === 'error' ? 'errors' : 'warnings'} are not annotated (GitHub shows ${MAX_ANNOTATIONS} per step); see the job summary or the report.`
  })
  return shown
}
