import type { Severity } from '../../src/advisories/severity.js'
import type { Dependency } from '../../src/deps/types.js'
import type {
  AuditOutcome,
  ReportedPackage,
  ReportedVulnerability
} from '../../src/report/outcome.js'

export function dependency(name: string, version: string, file: string, line: number): Dependency {
  return { name, version, location: { file, line }, format: 'requirements' }
}

const UNKNOWN: Severity = { level: 'unknown', source: 'none' }

export function vulnerability(
  id: string,
  overrides: Partial<ReportedVulnerability> = {}
): ReportedVulnerability {
  return {
    id,
    aliases: [],
    fixVersions: [],
    description: `${id} description`,
    record: { id, modified: '2024-01-01T00:00:00Z' },
    severity: UNKNOWN,
    malicious: false,
    failing: true,
    ...overrides
  }
}

export function reportedPackage(
  dep: Dependency,
  vulnerabilities: ReportedVulnerability[],
  recommendedVersion?: string | null
): ReportedPackage {
  return {
    name: dep.name,
    version: dep.version,
    declarations: [dep],
    vulnerabilities,
    ...(recommendedVersion !== undefined ? { recommendedVersion } : {})
  }
}

export function outcome(
  packages: ReportedPackage[],
  overrides: Partial<AuditOutcome> = {}
): AuditOutcome {
  const failing = packages.some(pkg => pkg.vulnerabilities.some(v => v.failing))
  return {
    tool: { name: 'pyaudit-action', version: '0.0.0-test' },
    feed: 'test feed',
    sources: [],
    packages,
    skipped: [],
    licenses: [],
    result: failing ? 'fail' : 'pass',
    failureReasons: failing ? ['Failed: test findings.'] : [],
    ...overrides
  }
}
