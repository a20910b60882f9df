import * as path from 'node:path'
import type { AuditedPackage, AuditResult } from './look-up.js'
import type { PackageHealthRun } from './check-package-health.js'
import { gate, rateFindings, type SeverityThreshold } from './gate.js'
import { applyIgnores, type IgnoreRule, type IgnoredFinding } from './ignores.js'
import {
  findingsInScope,
  isIntroduced,
  licensesInScope,
  packageIssuesInScope,
  verdictFor,
  type ChangeVerdicts
} from './changes.js'
import type { OsvRecord } from '../advisories/osv.js'
import { isMalicious, severityOf } from '../advisories/severity.js'
import { rememberedRecommendation, type UpgradeAdviceStore } from '../advisories/upgrade.js'
import type { Vulnerability } from '../advisories/vulnerability.js'
import type { LicenseEntry } from '../licenses/check.js'
import { PACKAGE_ISSUE_KINDS, type PackageIssue } from '../health/types.js'
import type { AuditOutcome, ReportedPackage, ReportedVulnerability } from '../report/outcome.js'
import { compareFindings } from '../report/order.js'
import { plural } from '../shared/text.js'

export interface AssessOptions {
  rules: readonly IgnoreRule[]
  /** YYYY-MM-DD (UTC) that ignore expiry is judged against. */
  today: string
  failOnVulnerability: boolean
  failOnSeverity: SeverityThreshold
  failOnUnknownSeverity: boolean
  /** Skipped dependencies fail the run, and so does a run that audited nothing. */
  strict: boolean
  /** A dependency file as messages name it (relative to the repository); by default its name. */
  shownPath?: (file: string) => string
  licenses: LicenseEntry[]
  failOnLicense: boolean
  /** Every record of a package where the feed has them all (offline); else only the matches are known. */
  recordsFor?: (name: string) => readonly OsvRecord[]
  /** Upgrades verified in earlier runs (kept by verify-upgrades.ts, never here). */
  upgradeAdvice?: UpgradeAdviceStore
  /**
   * The upgrade first recommended for each package with findings, when already worked out
   * (startUpgradeVerification); else it is worked out here.
   */
  firstUpgrades?: ReadonlyMap<AuditedPackage, string | null>
  tool: AuditOutcome['tool']
  databaseUpdated?: Date
  /** What the package indexes said, when package checks ran; its failing issues fail the step. */
  packageHealth?: Omit<PackageHealthRun, 'cacheWritten'>
  /** Scope `changes`: only what the change introduces fails the step (malware always does). */
  changes?: ChangeVerdicts
}

export interface Assessment {
  outcome: AuditOutcome
  /** Expired ignore rules: they stopped applying. */
  warnings: string[]
  /** Ignore rules that matched nothing: worth cleaning up. */
  notices: string[]
}

/**
 * Turns raw matches into verdicts: ignores, severity, the gate, malicious packages,
 * recommended upgrades, license violations and strictness. Pure: data in, data out.
 */
export function assessFindings(result: AuditResult, options: AssessOptions): Assessment {
  const ignores = applyIgnores(result.packages, options.rules, options.today)
  const { changes } = options
  const inScope = changes ? findingsInScope(ignores.active, changes) : ignores.active
  const verdict = gate(rateFindings(inScope), {
    threshold: options.failOnSeverity,
    failOnUnknown: options.failOnUnknownSeverity
  })
  const ignoredBy = new Map<Vulnerability, IgnoredFinding>(
    ignores.ignored.map(f => [f.vulnerability, f])
  )
  // Malware fails the step whatever the severity settings, fail-on-vulnerability included.
  const failing = new Set<Vulnerability>(
    verdict.failing
      .filter(finding => options.failOnVulnerability || isMalicious(finding.vulnerability))
      .map(finding => finding.vulnerability)
  )

  const packages: ReportedPackage[] = result.packages.map(pkg => {
    const vulnerabilities = pkg.vulnerabilities
      .map(vuln => ({
        ...reportVulnerability(vuln, ignoredBy.get(vuln), failing.has(vuln)),
        ...(changes ? { introduced: isIntroduced(changes, pkg, vuln.id) } : {})
      }))
      .sort(compareFindings)
    const reported: ReportedPackage = {
      ...pkg,
      vulnerabilities,
      ...(changes ? { change: verdictFor(changes, pkg)?.change ?? 'unknown' } : {})
    }
    if (vulnerabilities.length > 0) {
      const first = options.firstUpgrades
      if (first?.has(pkg)) reported.recommendedVersion = first.get(pkg) as string | null
      else {
        const records = options.recordsFor?.(pkg.name) ?? pkg.vulnerabilities.map(v => v.record)
        reported.recommendedVersion = rememberedRecommendation(pkg, records, options.upgradeAdvice)
      }
    }
    return reported
  })

  const failureReasons: string[] = []
  // Said with each reason that counted only what the change introduces.
  const scopeNote = changes
    ? ` Scope: changes against ${changes.base.ref}; findings already on the base do not fail the step.`
    : ''
  if (failing.size > 0) {
    failureReasons.push(
      (options.failOnVulnerability
        ? verdict.reason
        : `Failed: ${plural(verdict.malicious.length, 'malicious package')} (malware fails the step even with fail-on-vulnerability: false).`) +
        scopeNote
    )
  }
  const allViolations = options.licenses.filter(entry => entry.violation)
  const violations = changes ? licensesInScope(allViolations, changes) : allViolations
  if (violations.length > 0 && options.failOnLicense) {
    failureReasons.push(`Failed: ${plural(violations.length, 'license violation')}.${scopeNote}`)
  }
  if (options.strict && result.skipped.length > 0) {
    failureReasons.push(
      `Failed: ${plural(result.skipped.length, 'dependency', 'dependencies')} could not be audited (strict: true).`
    )
  }
  // Zero packages is no pass: "no known vulnerabilities in 0 packages" would read as one.
  const nothingAudited = nothingAuditedReason(result, options.shownPath)
  if (nothingAudited && options.strict) {
    failureReasons.push(`Failed: nothing was audited (strict: true): ${nothingAudited}.`)
  }
  const health = options.packageHealth
  // In scope `changes`, package issues already on the base are reported, not failing.
  const packageIssues =
    health && changes
      ? packageIssuesInScope(health.issues, changes, health.offered)
      : health?.issues
  const packageReason = packageIssues ? packageIssueReason(packageIssues) : undefined
  if (packageReason) failureReasons.push(packageReason + scopeNote)
  return {
    outcome: {
      tool: options.tool,
      feed: result.feed,
      ...(options.databaseUpdated
        ? { databaseUpdated: options.databaseUpdated.toISOString() }
        : {}),
      sources: result.sources,
      packages,
      skipped: result.skipped,
      licenses: options.licenses,
      result: failureReasons.length > 0 ? 'fail' : 'pass',
      failureReasons,
      ...(nothingAudited ? { nothingAudited } : {}),
      ...(changes ? { changes: { base: changes.base, fixedByChange: changes.fixedByChange } } : {}),
      ...(packageIssues ? { packageIssues } : {})
    },
    warnings: [
      ...(nothingAudited && !options.strict
        ? [`Nothing was audited: ${nothingAudited}. (strict: true fails the step then.)`]
        : []),
      ...ignores.expired.map(notice => notice.message),
      ...(health?.warnings ?? [])
    ],
    notices: [...ignores.unused.map(notice => notice.message), ...(health?.notices ?? [])]
  }
}

/** Why no package was audited; undefined when some were. */
export function nothingAuditedReason(
  result: AuditResult,
  shownPath: (file: string) => string = file => path.basename(file)
): string | undefined {
  if (result.packages.length > 0) return undefined
  const files = result.sources.map(source => shownPath(source.file))
  const named =
    files.length === 0
      ? 'no dependency file was read'
      : files.length <= 3
        ? files.join(', ')
        : `${files.slice(0, 3).join(', ')} and ${files.length - 3} more`
  if (result.skipped.length > 0) {
    const all =
      result.skipped.length === 1
        ? 'its one dependency'
        : `all ${result.skipped.length} dependencies`
    return `${all} in ${named} could not be audited (each is listed as not audited, with the reason)`
  }
  if (files.length === 0) return named
  return `${named} ${files.length === 1 ? 'pins' : 'pin'} no dependency for this environment: empty, or every requirement's environment marker excludes the target Python version and platform`
}

/** "Failed: 3 package issues (not-found, quarantined, hash-mismatch)."; none when none fail. */
export function packageIssueReason(issues: readonly PackageIssue[]): string | undefined {
  const failing = issues.filter(issue => issue.failing)
  if (failing.length === 0) return undefined
  const kinds = PACKAGE_ISSUE_KINDS.filter(kind => failing.some(issue => issue.kind === kind))
  return `Failed: ${plural(failing.length, 'package issue')} (${kinds.join(', ')}).`
}

function reportVulnerability(
  vuln: Vulnerability,
  ignored: IgnoredFinding | undefined,
  failing: boolean
): ReportedVulnerability {
  return {
    ...vuln,
    severity: severityOf(vuln.record),
    malicious: isMalicious(vuln),
    ...(ignored
      ? {
          ignored: {
            origin: ignored.rule.origin,
            ...(ignored.rule.reason ? { reason: ignored.rule.reason } : {}),
            ...(ignored.rule.until ? { until: ignored.rule.until } : {})
          }
        }
      : {}),
    failing
  }
}
