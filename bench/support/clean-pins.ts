/**
 * Pins of packages no advisory names: most of a real dependency tree. Named so they can never
 * collide with a real PyPI project the database knows (checked against `isAffected`).
 */
import type { PackageVersion } from '../../src/advisories/osv.js'

export function cleanPins(
  count: number,
  isAffected: (pin: PackageVersion) => boolean,
  prefix = 'bench-clean'
): PackageVersion[] {
  const pins = Array.from({ length: count }, (_, i) => ({
    name: `${prefix}-${String(i).padStart(5, '0')}`,
    version: `${1 + (i % 5)}.${i % 13}.${i % 7}`
  }))
  const advised = pins.find(isAffected)
  if (advised)
    throw new Error(`${advised.name} ${advised.version} is affected by an advisory: not clean`)
  return pins
}

/** `pins` topped up with clean packages to `count`, for a corpus with fewer packages than asked. */
export function fillWithCleanPins(
  pins: readonly PackageVersion[],
  count: number,
  isAffected: (pin: PackageVersion) => boolean
): PackageVersion[] {
  return [...pins.slice(0, count), ...cleanPins(Math.max(0, count - pins.length), isAffected)]
}
