/**
 * The license check of a run: for each distinct package, the license pip-licenses would show,
 * its SPDX expression where one can be known, and the policy verdict. Pure: the metadata has
 * been gathered already (sources.ts).
 */
import { normalizeName } from '../deps/names.js'
import type { PackageMetadata } from '../deps/types.js'
import { displayLicense } from './license-text.js'
import {
  LICENSE_UNKNOWN,
  selectLicense,
  type LicenseField,
  type LicenseFrom
} from './license-of.js'
import { evaluatePolicy, isIgnored, type LicensePolicy } from './policy.js'
import { deriveSpdx } from './spdx-derive.js'
import type { SpdxSuggester } from './spdx-suggest.js'

/** Where a package's license metadata came from; 'none' when no source had any. */
export type LicenseOrigin = 'metadata' | 'pypi' | 'none'

/** A package to check: a Dependency fits, with `origin` inferred from its metadata. */
export interface LicenseSubjectInput {
  name: string
  version: string
  metadata?: PackageMetadata
  origin?: LicenseOrigin
}

export interface LicenseEntry {
  name: string
  version: string
  /**
   * pip-licenses' License column. A License field holding a whole license text is shortened
   * to its first line (see `shortened`), and control characters are blanked.
   */
  license: string
  shortened: boolean
  /** SPDX expression where the metadata makes one certain; null otherwise. */
  spdx: string | null
  /** spdx-correct's guess when `spdx` is null: a hint for the reader, never used by the policy. */
  spdxSuggestion?: string
  /** The metadata field the license came from; 'unknown' when there was none. */
  source: LicenseField | 'unknown'
  origin: LicenseOrigin
  violation: boolean
  /** The rules broken, '; '-separated, when `violation`. */
  rule?: string
  /** Listed in license-ignore-packages: shown, never checked. */
  ignored?: true
}

export interface CheckLicensesOptions {
  from: LicenseFrom
  /** spdx-correct's guesses for licenses that are not SPDX; none when absent. */
  suggest?: SpdxSuggester
}

export function checkLicenses(
  packages: readonly LicenseSubjectInput[],
  policy: LicensePolicy,
  options: CheckLicensesOptions
): LicenseEntry[] {
  return distinct(packages)
    .map(item => checkOne(item, policy, options))
    .sort((a, b) => (a.name === b.name ? compare(a.version, b.version) : compare(a.name, b.name)))
}

function checkOne(
  item: LicenseSubjectInput,
  policy: LicensePolicy,
  options: CheckLicensesOptions
): LicenseEntry {
  const origin = item.origin ?? (item.metadata ? 'metadata' : 'none')
  const selected = selectLicense(item.metadata, options.from)
  const derived = deriveSpdx(item.metadata, options.suggest)
  const unknown = selected.text === LICENSE_UNKNOWN && derived.spdx === null
  const display = displayLicense(selected.text)
  const entry: LicenseEntry = {
    name: normalizeName(item.name),
    version: item.version,
    license: display.text,
    shortened: display.shortened,
    spdx: derived.spdx,
    ...(derived.suggestion ? { spdxSuggestion: derived.suggestion } : {}),
    source: unknown ? 'unknown' : selected.field,
    origin,
    violation: false
  }
  if (isIgnored(policy, item.name, item.version)) return { ...entry, ignored: true }
  const rules = evaluatePolicy(
    { names: selected.names, field: selected.field, spdx: derived.spdx, unknown },
    policy
  )
  return rules.length > 0 ? { ...entry, violation: true, rule: rules.join('; ') } : entry
}

/** One subject per name and version; the first that has metadata wins. */
function distinct(packages: readonly LicenseSubjectInput[]): LicenseSubjectInput[] {
  const byKey = new Map<string, LicenseSubjectInput>()
  for (const item of packages) {
    const key = `${normalizeName(item.name)}\0${item.version}`
    const seen = byKey.get(key)
    if (!seen || (!seen.metadata && item.metadata)) byKey.set(key, item)
  }
  return [...byKey.values()]
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
