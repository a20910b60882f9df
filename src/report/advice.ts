/**
 * What to do about one finding, in the words SARIF results and the SBOM's recommendations
 * share: remove a malicious package, else the fix versions and the recommended upgrade.
 */
import type { ReportedPackage, ReportedVulnerability } from './outcome.js'

/** One advisory as found in one package. */
export interface PackageFinding {
  pkg: ReportedPackage
  finding: ReportedVulnerability
}

/** A sentence in lower case, ending with a full stop, e.g. "fixed in 2.20.0." */
export function fixAdvice({ pkg, finding }: PackageFinding): string {
  if (finding.malicious) return 'remove it, it is a malicious package.'
  const fixed =
    finding.fixVersions.length > 0
      ? `fixed in ${finding.fixVersions.join(', ')}`
      : 'no fixed version is known'
  const upgrade =
    typeof pkg.recommendedVersion === 'string'
      ? `; upgrade to ${pkg.recommendedVersion}, the lowest newer version no known advisory affects`
      : pkg.upgradeNote
        ? `; ${pkg.upgradeNote}`
        : ''
  return `${fixed}${upgrade}.`
}
