import type { PackageMetadata } from '../deps/types.js'
import type { Logger } from '../shared/log.js'
import type { LicenseEntry } from './check.js'
import type { LicenseFrom } from './license-of.js'
import { hasLicensePolicy, type LicensePolicy } from './policy.js'
import { gatherLicenseMetadata, type LicenseSourceMode } from './sources.js'

/** What the license check needs of an audited package: the metadata any declaration carries. */
export interface LicensedPackage {
  name: string
  version: string
  declarations: ReadonlyArray<{ metadata?: PackageMetadata }>
}

/** The license settings: where metadata comes from, which field counts, and the policy. */
export interface LicenseSettings {
  source: LicenseSourceMode
  from: LicenseFrom
  policy: LicensePolicy
}

export interface LicenseAuditOptions {
  pypiUrl: string
  offline: boolean
  /** A report that lists licenses (the SBOM) is wanted: PyPI is asked even without a policy. */
  sbomWanted: boolean
  logger: Logger
  /** The entry's environment (proxy variables for PyPI). */
  env?: NodeJS.ProcessEnv
  /** Limit for the whole of one request to PyPI (request-timeout). */
  requestTimeoutMs?: number
}

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
  packages: readonly LicensedPackage[],
  settings: LicenseSettings,
  options: LicenseAuditOptions
): Promise<LicenseAudit> {
  const needed = hasLicensePolicy(settings.policy) || options.sbomWanted
  const mode = needed || settings.source === 'none' ? settings.source : 'environment'
  const subjects = packages.map(pkg => {
    const metadata = pkg.declarations.find(dep => dep.metadata)?.metadata
    return { name: pkg.name, version: pkg.version, ...(metadata ? { metadata } : {}) }
  })
  const gathered = await gatherLicenseMetadata(subjects, {
    mode,
    pypiUrl: options.pypiUrl,
    offline: options.offline,
    logger: options.logger,
    env: options.env,
    ...(options.requestTimeoutMs ? { requestTimeoutMs: options.requestTimeoutMs } : {})
  })
  if (!gathered.checked) return { entries: [], notes: [] }
  const { checkLicenses } = await import('./check.js')
  // spdx-correct guesses only at metadata, and setting it up takes ~20 ms: a scan that has
  // none (a lockfile, no policy, no SBOM) does without it.
  const hasMetadata = gathered.subjects.some(subject => subject.metadata)
  const suggest = hasMetadata ? (await import('./spdx-suggest.js')).suggestSpdx : undefined
  return {
    entries: checkLicenses(gathered.subjects, settings.policy, {
      from: settings.from,
      ...(suggest ? { suggest } : {})
    }),
    notes: needed ? gathered.notes : []
  }
}
