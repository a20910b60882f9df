/**
 * The license policy inputs' values, read as pip-licenses reads its options (see
 * src/licenses/policy.ts for how the policy is then applied).
 */
import { normalizeName } from '../deps/names.js'
import type { PackageSelector } from '../licenses/policy.js'
import { InputError } from '../shared/errors.js'
import { excerpt } from '../shared/text.js'

const PROJECT_NAME = /^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$/i

/**
 * pip-licenses' list: ';'-separated, items stripped, empty items dropped ("MIT;;BSD;" is MIT
 * and BSD). Line breaks separate items too, for multi-line YAML and repeated flags. A value
 * that is not blank but names no license at all (";;") is refused rather than read as "no
 * policy".
 */
export function parseLicenseList(name: string, value: string): string[] {
  const items = value
    .split(/[;\n]/)
    .map(item => item.trim())
    .filter(item => item !== '')
  if (items.length === 0 && value.trim() !== '') {
    throw new InputError(name, `'${excerpt(value)}' names no license (items are separated by ';')`)
  }
  return [...new Set(items)]
}

/** `name` or `name:version`, separated by whitespace or commas (pip-licenses takes one per argument). */
export function parseIgnorePackages(name: string, value: string): PackageSelector[] {
  return value
    .split(/[\s,]+/)
    .filter(item => item !== '')
    .map(item => {
      const colon = item.indexOf(':')
      const project = colon < 0 ? item : item.slice(0, colon)
      const version = colon < 0 ? undefined : item.slice(colon + 1)
      if (!PROJECT_NAME.test(project)) {
        throw new InputError(name, `'${excerpt(item)}' is not a package name (or name:version)`)
      }
      if (version !== undefined && !/^[A-Za-z0-9!+._-]+$/.test(version)) {
        throw new InputError(name, `'${excerpt(item)}' has no valid version after ':'`)
      }
      return version === undefined
        ? { name: normalizeName(project) }
        : { name: normalizeName(project), version }
    })
}
