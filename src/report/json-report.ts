import { clean } from '@renovatebot/pep440'
import type { AuditResult } from '../audit.js'

/** pip-audit's JSON report shape (`pip-audit -f json`), so tools that read it keep working. */
export interface JsonReport {
  dependencies: Array<ReportedDependency | ReportedSkip>
  fixes: unknown[]
}

export interface ReportedDependency {
  name: string
  version: string
  vulns: Array<{ id: string; fix_versions: string[]; aliases: string[]; description: string }>
}

export interface ReportedSkip {
  name: string
  skip_reason: string
}

export function buildJsonReport(result: AuditResult): JsonReport {
  const audited: ReportedDependency[] = result.packages.map(pkg => ({
    name: pkg.name,
    // pip-audit prints str(Version), which is the PEP 440 normal form.
    version: clean(pkg.version) ?? pkg.version,
    vulns: pkg.vulnerabilities.map(vuln => ({
      id: vuln.id,
      fix_versions: vuln.fixVersions,
      aliases: [...vuln.aliases].sort(),
      description: vuln.description
    }))
  }))
  const skipped: ReportedSkip[] = result.skipped.map(skip => ({
    name: skip.name,
    skip_reason: skip.reason
  }))
  return { dependencies: [...audited, ...skipped], fixes: [] }
}

export function serializeReport(report: JsonReport): string {
  return `${JSON.stringify(report, null, 2)}\n`
}
