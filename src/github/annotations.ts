import { vulnerablePackages, type AuditResult, type AuditedPackage } from '../audit.js'
import { repositoryPath } from '../report/paths.js'
import { truncate } from '../report/escape.js'

/** GitHub shows at most this many error annotations per step. */
export const MAX_ANNOTATIONS = 10

export interface Annotation {
  title: string
  message: string
  file?: string
  line?: number
}

/**
 * One annotation per place a vulnerable package is declared, worst first; when there are
 * more than GitHub shows, the last slot says how many were left out. Messages are plain
 * text: @actions/core escapes them for the workflow command.
 */
export function planAnnotations(result: AuditResult, repositoryRoot: string): Annotation[] {
  const all = [...vulnerablePackages(result)]
    .sort((a, b) => b.vulnerabilities.length - a.vulnerabilities.length)
    .flatMap(pkg => annotationsFor(pkg, repositoryRoot))
  if (all.length <= MAX_ANNOTATIONS) return all
  const shown = all.slice(0, MAX_ANNOTATIONS - 1)
  const hidden = all.length - shown.length
  shown.push({
    title: `${hidden} more vulnerable dependencies`,
    message: `${hidden} more vulnerable dependency declarations are not annotated (GitHub shows ${MAX_ANNOTATIONS} per step); see the job summary or the report.`
  })
  return shown
}

function annotationsFor(pkg: AuditedPackage, repositoryRoot: string): Annotation[] {
  const count = pkg.vulnerabilities.length
  const title = `${pkg.name} ${pkg.version}: ${count} known ${count === 1 ? 'vulnerability' : 'vulnerabilities'}`
  const message = pkg.vulnerabilities
    .map(vuln => {
      const ids = [vuln.id, ...vuln.aliases.filter(alias => alias.startsWith('CVE-'))].join(' / ')
      const fix = vuln.fixVersions.length
        ? `fixed in ${vuln.fixVersions.join(', ')}`
        : 'no fix known'
      return `${ids} (${fix}): ${truncate(vuln.description, 160)}`
    })
    .join('\n')
  return pkg.declarations.map(dep => ({
    title,
    message,
    file: repositoryPath(dep.location.file, repositoryRoot),
    ...(dep.location.line > 0 ? { line: dep.location.line } : {})
  }))
}
