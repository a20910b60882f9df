/**
 * Pinned dependencies shaped like a real project's, drawn deterministically from an OSV
 * database: a few pins at versions advisories affect, more pins of packages that have
 * advisories but at a version none affects (the expensive case for a matcher: every record
 * of the package is checked and none matches), and the rest packages the database does not
 * know at all (most of a real dependency tree).
 */
import { valid } from '@renovatebot/pep440'
import { recordAffects } from '../../src/advisories/match.js'
import type { OsvRecord, PackageVersion } from '../../src/advisories/osv.js'
import { recommendedVersion } from '../../src/advisories/upgrade.js'
import { normalizeName } from '../../src/deps/names.js'
import { mulberry32, shuffle } from './random.js'

export interface PinMix {
  /** Share of pins at an affected version (default 0.1). */
  vulnerable?: number
  /** Share of pins of advised packages at a clean version (default 0.3). */
  advisedClean?: number
  randomSeed?: number
  /**
   * How packages are picked: 'uniform' (default) gives every package the database names the
   * same chance; 'advisories' favours packages with many advisories, with a weight of the
   * square root of their count, as real projects pin popular packages (django, pillow,
   * tensorflow) that collect advisories. 200 pins drawn that way have over 1,000 findings.
   */
  weighting?: 'uniform' | 'advisories'
}

export interface DrawnPins {
  pins: PackageVersion[]
  vulnerable: number
  advisedClean: number
  unknown: number
}

/**
 * `count` pins of distinct packages. Shares are capped by how many packages the records
 * name (each package is pinned once, as in one requirements file); the rest are unknown.
 */
export function drawPins(
  records: readonly OsvRecord[],
  count: number,
  mix: PinMix = {}
): DrawnPins {
  const random = mulberry32(mix.randomSeed ?? 20260801)
  const byName = recordsByName(records)
  const sorted = [...byName.keys()].sort()
  const names =
    mix.weighting === 'advisories'
      ? weightedOrder(sorted, name => Math.sqrt(byName.get(name)!.length), random)
      : shuffle(sorted, random)
  const wantVulnerable = Math.round(count * (mix.vulnerable ?? 0.1))
  const wantClean = Math.round(count * (mix.advisedClean ?? 0.3))

  const vulnerable: PackageVersion[] = []
  const clean: PackageVersion[] = []
  for (const name of names) {
    const own = byName.get(name)!
    const affected = namedVersions(own, name).filter(v => own.some(r => recordAffects(r, name, v)))
    if (affected.length === 0) continue
    const version = affected[Math.floor(random() * affected.length)]!
    if (vulnerable.length < wantVulnerable) {
      vulnerable.push({ name, version })
    } else if (clean.length < wantClean) {
      const fixed = recommendedVersion(name, version, own)
      if (fixed !== null) clean.push({ name, version: fixed })
    } else break
  }
  const known = vulnerable.length + clean.length
  const unknown = Array.from({ length: Math.max(0, count - known) }, (_, i) => ({
    name: `bench-unadvised-${String(i).padStart(5, '0')}`,
    version: `${1 + (i % 5)}.${i % 13}.${i % 7}`
  }))
  const pins = shuffle([...vulnerable, ...clean, ...unknown], random)
  return {
    pins,
    vulnerable: vulnerable.length,
    advisedClean: clean.length,
    unknown: unknown.length
  }
}

/** The pins as a requirements file. */
export function requirementsText(pins: readonly PackageVersion[]): string {
  return pins.map(pin => `${pin.name}==${pin.version}\n`).join('')
}

/**
 * A random order in which heavier items tend to come first (Efraimidis and Spirakis: each item
 * gets the key u^(1/weight) for a uniform u, and the keys are sorted in descending order).
 */
function weightedOrder<T>(items: readonly T[], weight: (item: T) => number, random: () => number) {
  const keyed = items.map(item => ({ item, key: Math.pow(random(), 1 / weight(item)) }))
  return keyed.sort((a, b) => b.key - a.key).map(({ item }) => item)
}

function recordsByName(records: readonly OsvRecord[]): Map<string, OsvRecord[]> {
  const byName = new Map<string, OsvRecord[]>()
  for (const record of records) {
    if (record.withdrawn != null) continue
    for (const affected of record.affected ?? []) {
      if (affected.package?.ecosystem !== 'PyPI') continue
      const name = normalizeName(affected.package.name)
      const list = byName.get(name) ?? []
      if (!list.includes(record)) list.push(record)
      byName.set(name, list)
    }
  }
  return byName
}

/** Versions the package's records name (listed versions and range bounds), sorted, PEP 440. */
function namedVersions(records: readonly OsvRecord[], name: string): string[] {
  const named = new Set<string>()
  for (const record of records) {
    for (const affected of record.affected ?? []) {
      const pkg = affected.package
      if (pkg?.ecosystem !== 'PyPI' || normalizeName(pkg.name) !== name) continue
      for (const version of affected.versions ?? []) named.add(version)
      for (const range of affected.ranges ?? []) {
        if (range.type === 'GIT') continue
        for (const event of range.events) for (const value of Object.values(event)) named.add(value)
      }
    }
  }
  return [...named].filter(version => version !== '0' && valid(version) !== null).sort()
}
