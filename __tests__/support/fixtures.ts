import type { AuditResult, AuditedPackage } from '../../src/audit.js'
import type { Vulnerability } from '../../src/advisories/vulnerability.js'
import type { Dependency } from '../../src/deps/types.js'

export function dependency(name: string, version: string, file: string, line: number): Dependency {
  return { name, version, location: { file, line }, format: 'requirements' }
}

export function vulnerability(id: string, overrides: Partial<Vulnerability> = {}): Vulnerability {
  return {
    id,
    aliases: [],
    fixVersions: [],
    description: `${id} description`,
    record: { id, modified: '2024-01-01T00:00:00Z' },
    ...overrides
  }
}

export function auditedPackage(dep: Dependency, vulnerabilities: Vulnerability[]): AuditedPackage {
  return { name: dep.name, version: dep.version, declarations: [dep], vulnerabilities }
}

export function auditResult(
  packages: AuditedPackage[],
  overrides: Partial<AuditResult> = {}
): AuditResult {
  return { feed: 'test feed', sources: [], packages, skipped: [], ...overrides }
}
