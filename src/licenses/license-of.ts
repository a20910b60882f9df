/**
 * The license of a package as pip-licenses 5.x shows it in its `License` column, rebuilt
 * from its source (raimon49/pip-licenses, `piplicenses.py`):
 *
 * - `get_pkg_info` reads `License` and `License-Expression` with `metadata.get(...)` (the
 *   first header of that name) and stores `value or LICENSE_UNKNOWN`: a missing or empty field
 *   is the string "UNKNOWN"; the value itself is not trimmed.
 * - `find_license_from_classifier` keeps every `Classifier` that starts with "License", takes
 *   the last " :: " segment of each and drops the bare "OSI Approved".
 * - `select_license_by_source` returns `{License-Expression}` whenever the expression is set and
 *   is not "UNKNOWN", whatever `--from` says; otherwise the set of classifier licenses (or
 *   {"UNKNOWN"} when there are none) for `--from=classifier`, and for `--from=mixed` when there
 *   is at least one; otherwise `{License}`. So `--from=expression` without an expression falls
 *   back to the `License` field, as pip-licenses does.
 * - `create_licenses_table` prints `"; ".join(sorted(license_set))`: duplicates collapse and
 *   the order is Python's code-point order.
 *
 * pip-licenses prints a `License` field that holds a whole license text as it is; shortening it
 * for display is done elsewhere (license-text.ts), the value here is what pip-licenses yields.
 */
import type { PackageMetadata } from '../deps/types.js'

export type LicenseFrom = 'mixed' | 'meta' | 'classifier' | 'expression'
/** Which metadata field the license was taken from. */
export type LicenseField = 'expression' | 'classifier' | 'meta'

/** pip-licenses' LICENSE_UNKNOWN. */
export const LICENSE_UNKNOWN = 'UNKNOWN'

export interface SelectedLicense {
  /** Exactly what pip-licenses prints in the License column. */
  text: string
  /** The licenses pip-licenses matches `--fail-on` / `--allow-only` against (its license set). */
  names: string[]
  field: LicenseField
}

/** pip-licenses' find_license_from_classifier. */
export function licensesFromClassifiers(classifiers: readonly string[]): string[] {
  const licenses: string[] = []
  for (const classifier of classifiers) {
    if (!classifier.startsWith('License')) continue
    const last = classifier.split(' :: ').at(-1)!
    // Through the declaration of 'Classifier: License :: OSI Approved', as pip-licenses says.
    if (last !== 'OSI Approved') licenses.push(last)
  }
  return licenses
}

/** pip-licenses' select_license_by_source plus the join create_licenses_table prints. */
export function selectLicense(
  metadata: PackageMetadata | undefined,
  from: LicenseFrom
): SelectedLicense {
  const expression = metadata?.licenseExpression || LICENSE_UNKNOWN
  if (expression !== LICENSE_UNKNOWN) return selected([expression], 'expression')

  const classifierLicenses = licensesFromClassifiers(metadata?.classifiers ?? [])
  if (from === 'classifier' || (from === 'mixed' && classifierLicenses.length > 0)) {
    return selected(
      classifierLicenses.length > 0 ? classifierLicenses : [LICENSE_UNKNOWN],
      'classifier'
    )
  }
  return selected([metadata?.license || LICENSE_UNKNOWN], 'meta')
}

function selected(licenses: string[], field: LicenseField): SelectedLicense {
  const names = [...new Set(licenses)].sort(comparePythonStrings)
  return { text: names.join('; '), names, field }
}

/** Python's str ordering: by code point (JavaScript's default sort compares UTF-16 units). */
export function comparePythonStrings(a: string, b: string): number {
  const left = [...a]
  const right = [...b]
  for (let index = 0; index < Math.min(left.length, right.length); index++) {
    const difference = left[index]!.codePointAt(0)! - right[index]!.codePointAt(0)!
    if (difference !== 0) return difference
  }
  return left.length - right.length
}
