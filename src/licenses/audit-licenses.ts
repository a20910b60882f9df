import type { AuditedPackage } from '../pipeline/look-up.js'
import type { Config } from '../config/config.js'
import type { Logger } from '../shared/log.js'
import type { LicenseEntry } from './check.js'
import { hasLicensePolicy } from './policy.js'
import { gatherLicenseMetadata } from './sources.js'

export interface LicenseAudit {
  entries: LicenseEntry[]
  /** What the reader should know (licenses that could not be looked up, and why). */
  notes: string[]
}

/**
 * Licenses of every audited package. PyPI is asked only when something needs the answer
 * (a policy, or an SBOM that lists licenses): a plain vulnerability scan of a lockfile makes
 * no license requests at all, and then reports what installed metadata says.
 */
export async function auditLicenses(
  packages: readonly AuditedPackage[],
  config: Config['licenses'],
  options: { pypiUrl: string; offline: boolean; sbomWanted: boolean; logger: Logger }
): Promise<LicenseAudit> {
  const needed = hasLicensePolicy(config.policy) || options.sbomWanted
  const mode = needed || config.source === 'none' ? config.source : 'environment'
  const subjects = packages.map(pkg => {
    const metadata = pkg.declarations.find(dep => dep.metadata)?.metadata
    return { name: pkg.name, version: pkg.version, ...(metadata ? { metadata } : {}) }
  })
  const gathered = await gatherLicenseMetadata(subjects, {
    mode,
    pypiUrl: options.pypiUrl,
    offline: options.offline,
    logger: options.logger
  })
  if (!gathered.checked) return { entries: [], notes: [] }
  const { checkLicenses } = await import('./check.js')
  // spdx-correct guesses only at metadata, and setting it up takes ~20 ms: a scan that has
  // none (a lockfile, no policy, no SBOM) does without it.
  const hasMetadata = gathered.subjects.some(subject => subject.metadata)
  const suggest = hasMetadata ? (await import('./spdx-suggest.js')).suggestSpdx : undefined
  return {
    entries: checkLicenses(gathered.subjects, config.policy, {
      from: config.from,
      ...(suggest ? { suggest } : {})
    }),
    notes: needed ? gathered.notes : []
  }
}
