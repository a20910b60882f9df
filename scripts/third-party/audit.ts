/**
 * Which npm packages ship with the action, and whether their licenses let them. What ships is
 * the lockfile's production tree, plus any development dependency ncc bundled anyway (each one
 * must be accepted, with its reason, in the policy). Every finding is collected, not only the
 * first, so one run shows everything to fix.
 */
import { compareWithBundle } from './bundle.js'
import type { InstalledPackage, LicenseFile } from './installed.js'
import { compareText, type LockedPackage } from './lockfile.js'
import { evaluateLicense, type ThirdPartyPolicy } from './policy.js'

export interface Finding {
  level: 'error' | 'warning' | 'note'
  text: string
}

export interface ShippedPackage extends LockedPackage {
  /** Set for a development dependency that ncc bundles: the policy's reason for accepting it. */
  bundledDevDependency?: string
}

export interface NoticeEntry {
  name: string
  version: string
  license: string | null
  url?: string
  licenseFiles: LicenseFile[]
  /** The policy's reason, when the license passes by exception only. */
  exception?: string
  bundledDevDependency?: string
}

/** The packages that ship: one per name and version, production first, then bundled dev ones. */
export function selectShippedPackages(
  locked: readonly LockedPackage[],
  bundled: readonly string[],
  policy: ThirdPartyPolicy
): { packages: ShippedPackage[]; findings: Finding[] } {
  const production = locked.filter(entry => entry.production)
  const { notBundled, bundledDevelopment } = compareWithBundle(production, bundled)
  const findings: Finding[] = []
  if (notBundled.length > 0) {
    findings.push({
      level: 'note',
      text: `${notBundled.length} production dependencies are not in dist/ (type-only or unreached code; still listed): ${notBundled.join(', ')}`
    })
  }
  const packages: ShippedPackage[] = [...production]
  for (const name of bundledDevelopment) {
    const reason = policy.bundledDevDependencies.get(name)
    if (reason === undefined) {
      findings.push({
        level: 'error',
        text: `${name} is bundled into dist/ but package-lock.json has it only as a development dependency: make it a dependency, or accept it under "bundledDevDependencies" with the reason`
      })
      continue
    }
    findings.push({
      level: 'note',
      text: `${name} is bundled from the development tree: ${reason}`
    })
    for (const entry of locked.filter(candidate => candidate.name === name)) {
      packages.push({ ...entry, bundledDevDependency: reason })
    }
  }
  for (const name of policy.bundledDevDependencies.keys()) {
    if (!bundledDevelopment.includes(name)) {
      findings.push({
        level: 'error',
        text: `"bundledDevDependencies" accepts ${name}, which dist/ does not bundle as a development dependency: remove it from the policy`
      })
    }
  }
  return { packages: uniqueByNameAndVersion(packages), findings }
}

function uniqueByNameAndVersion(packages: readonly ShippedPackage[]): ShippedPackage[] {
  const seen = new Map<string, ShippedPackage>()
  for (const entry of packages) {
    const key = `${entry.name}@${entry.version}`
    if (!seen.has(key)) seen.set(key, entry)
  }
  return [...seen.values()]
}

/**
 * Checks each shipped package's license against the policy. `installed` maps install paths to
 * what is there; a path missing from it was unreadable, which the caller has reported.
 */
export function auditLicenses(
  shipped: readonly ShippedPackage[],
  installed: ReadonlyMap<string, InstalledPackage>,
  policy: ThirdPartyPolicy
): { entries: NoticeEntry[]; findings: Finding[] } {
  const entries: NoticeEntry[] = []
  const findings: Finding[] = []
  for (const locked of shipped) {
    const found = installed.get(locked.path)
    if (found === undefined) continue
    const id = `${locked.name}@${locked.version}`
    if (found.name !== locked.name || found.version !== locked.version) {
      findings.push({
        level: 'error',
        text: `${locked.path} holds ${found.name}@${found.version}, but package-lock.json says ${id}: run npm ci`
      })
      continue
    }
    const verdict = evaluateLicense(locked.name, found.license, policy)
    if (!verdict.ok) {
      findings.push({
        level: 'error',
        text: `${id} ${declares(found.license)}: ${verdict.problem}`
      })
    }
    if (found.licenseFiles.length === 0) {
      findings.push({ level: 'warning', text: `${id}: ${noLicenseFile(found.license)}` })
    }
    entries.push({
      name: locked.name,
      version: locked.version,
      license: found.license,
      ...(found.url === undefined ? {} : { url: found.url }),
      licenseFiles: found.licenseFiles,
      ...(verdict.ok && verdict.exception !== undefined ? { exception: verdict.exception } : {}),
      ...(locked.bundledDevDependency === undefined
        ? {}
        : { bundledDevDependency: locked.bundledDevDependency })
    })
  }
  const names = new Set(shipped.map(entry => entry.name))
  for (const name of policy.exceptions.keys()) {
    if (!names.has(name)) {
      findings.push({
        level: 'error',
        text: `"exceptions" has ${name}, which no longer ships: remove it from the policy`
      })
    }
  }
  return { entries: entries.sort(compareEntries), findings }
}

export function showLicense(license: string | null): string {
  return license === null ? 'none declared' : JSON.stringify(license)
}

export function noLicenseFile(license: string | null): string {
  const field =
    license === null ? 'there is no license field' : `license field says ${showLicense(license)}`
  return `no license file shipped; ${field}`
}

function declares(license: string | null): string {
  return license === null ? 'declares no license' : `declares license ${showLicense(license)}`
}

function compareEntries(a: NoticeEntry, b: NoticeEntry): number {
  return compareText(a.name, b.name) || compareVersions(a.version, b.version)
}

/** Numeric parts in numeric order (9.0.0 before 10.0.0), the rest in code-unit order. */
export function compareVersions(a: string, b: string): number {
  const left = a.split(/[.+-]/)
  const right = b.split(/[.+-]/)
  for (let index = 0; index < Math.max(left.length, right.length); index++) {
    const x = left[index] ?? ''
    const y = right[index] ?? ''
    const order = /^\d+$/.test(x) && /^\d+$/.test(y) ? Number(x) - Number(y) : compareText(x, y)
    if (order !== 0) return Math.sign(order)
  }
  return 0
}
