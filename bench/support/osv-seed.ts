/**
 * Seeds the stand-in OSV server for benchmarks: real advisories from ../shared/osv-pypi when
 * present (else a synthetic database of the same shape), and a deterministic sample of pins
 * drawn from versions those advisories name. Reusable by any benchmark that needs an OSV API
 * on loopback, in-process or for a child process pointed at the returned URL.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { valid } from '@renovatebot/pep440'
import type { OsvRecord, PackageVersion } from '../../src/advisories/osv.js'
import { normalizeName } from '../../src/deps/names.js'
import { OsvServer } from '../../__tests__/support/osv-server.js'
import { buildResolver, type Resolver } from './pypi-matcher.js'
import { mulberry32, shuffle } from './random.js'

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
export const SHARED_OSV_DIR = path.resolve(REPO_ROOT, '..', 'shared', 'osv-pypi', 'PyPI')

export interface Seed {
  source: string
  pins: PackageVersion[]
  resolver: Resolver
  byId: (id: string) => OsvRecord | undefined
  /** Every live advisory of a package, for /v1/query without a version (as osv.dev). */
  packageRecords: (name: string) => OsvRecord[]
}

export interface SeedOptions {
  count?: number
  /** Seed of the pseudo-random draw, so every run measures the same pins. */
  randomSeed?: number
  /** Folder of OSV JSON files; defaults to ../shared/osv-pypi/PyPI. */
  databaseDir?: string
  /** Synthesize the database even when the real one is there. */
  synthetic?: boolean
}

export function loadSeed(options: SeedOptions = {}): Seed {
  const count = options.count ?? 200
  const random = mulberry32(options.randomSeed ?? 20260723)
  const { records, real, source } = openDatabase(options, count, random)
  const pins = real ? drawPins(records, count, random) : syntheticPins(count, random)
  return seedFromRecords(records, pins, source)
}

export interface SeedDatabase {
  records: OsvRecord[]
  /** False when the records are synthetic. */
  real: boolean
  source: string
}

/**
 * The advisories loadSeed would serve, for a benchmark that draws its own pins: the real
 * database when present, else a synthetic one of `count` packages (`synthetic-0`, ...).
 */
export function loadDatabase(options: SeedOptions = {}): SeedDatabase {
  const random = mulberry32(options.randomSeed ?? 20260723)
  return openDatabase(options, options.count ?? 200, random)
}

/** A seed serving `records`, for pins drawn by the caller. */
export function seedFromRecords(
  records: readonly OsvRecord[],
  pins: PackageVersion[],
  source: string
): Seed {
  const ids = new Map(records.map(record => [record.id, record]))
  // osv.dev never names a withdrawn advisory in its answers (google/osv.dev#295).
  const live = records.filter(record => record.withdrawn == null)
  const byName = new Map<string, OsvRecord[]>()
  for (const record of live) {
    const names = new Set(
      (record.affected ?? [])
        .filter(entry => entry.package?.ecosystem === 'PyPI')
        .map(entry => normalizeName(entry.package!.name))
    )
    for (const name of names) byName.set(name, [...(byName.get(name) ?? []), record])
  }
  return {
    source,
    pins,
    resolver: memoize(buildResolver(live)),
    byId: id => ids.get(id),
    packageRecords: name => byName.get(normalizeName(name)) ?? []
  }
}

function openDatabase(options: SeedOptions, count: number, random: () => number): SeedDatabase {
  const dir = options.databaseDir ?? SHARED_OSV_DIR
  const real = !options.synthetic && existsSync(dir)
  const records = real ? readDatabase(dir) : syntheticDatabase(count, random)
  const source = real ? `${records.length} real advisories from ${dir}` : 'synthetic advisories'
  return { records, real, source }
}

/** The real service's matching cost is part of its latency; keep ours out of the timings. */
function memoize(resolver: Resolver): Resolver {
  const answers = new Map<string, OsvRecord[]>()
  return (name, version) => {
    const key = `${name}\u0000${version}`
    const known = answers.get(key) ?? resolver(name, version)
    answers.set(key, known)
    return known
  }
}

/** `count` distinct packages, each at one version its advisories name. */
function drawPins(records: readonly OsvRecord[], count: number, random: () => number) {
  const versions = namedVersions(records)
  const names = shuffle([...versions.keys()].sort(), random).slice(0, count)
  return names.map(name => {
    const choices = [...(versions.get(name) as Set<string>)].sort()
    return { name, version: choices[Math.floor(random() * choices.length)] as string }
  })
}

/** A started server over `seed` (loaded anew when not given); close it when done. */
export async function startSeededOsvServer(
  options: { latencyMs?: number; seed?: Seed } & SeedOptions = {}
): Promise<{ server: OsvServer; url: string; seed: Seed }> {
  const seed = options.seed ?? loadSeed(options)
  const server = new OsvServer(seed.resolver, {
    latencyMs: options.latencyMs,
    byId: seed.byId,
    packageRecords: seed.packageRecords
  })
  return { server, url: await server.start(), seed }
}

/** The pins as a requirements file, for a run of the whole CLI. */
export function requirementsText(pins: readonly PackageVersion[]): string {
  return pins.map(pin => `${pin.name}==${pin.version}\n`).join('')
}

function readDatabase(dir: string): OsvRecord[] {
  return readdirSync(dir)
    .filter(file => file.endsWith('.json'))
    .sort()
    .map(file => JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as OsvRecord)
}

/** Versions the records name per package: `versions` lists and range events, valid PEP 440. */
export function namedVersions(records: readonly OsvRecord[]): Map<string, Set<string>> {
  const byName = new Map<string, Set<string>>()
  for (const record of records) {
    if (record.withdrawn) continue
    for (const affected of record.affected ?? []) {
      if (affected.package?.ecosystem !== 'PyPI') continue
      const name = normalizeName(affected.package.name)
      const events = (affected.ranges ?? [])
        .filter(range => range.type === 'ECOSYSTEM')
        .flatMap(range => range.events.flatMap(event => Object.values(event)))
      const named = [...(affected.versions ?? []), ...events]
      const set = byName.get(name) ?? new Set<string>()
      for (const version of named)
        if (version && version !== '0' && valid(version)) set.add(version)
      if (set.size > 0) byName.set(name, set)
    }
  }
  return byName
}

/** Packages with 0 to 15 advisories each, fixed somewhere in 1.1 to 1.9; a third unaffected. */
function syntheticDatabase(packages: number, random: () => number): OsvRecord[] {
  const records: OsvRecord[] = []
  for (let p = 0; p < packages; p++) {
    const advisories = random() < 0.35 ? 0 : 1 + Math.floor(random() * 15)
    for (let a = 0; a < advisories; a++) {
      records.push({
        id: `SYN-${p}-${a}`,
        modified: '2026-01-01T00:00:00Z',
        summary: `Synthetic advisory ${a} for synthetic-${p}`,
        details: 'x'.repeat(1500),
        affected: [
          {
            package: { ecosystem: 'PyPI', name: `synthetic-${p}` },
            ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '2.0' }] }]
          }
        ]
      })
    }
  }
  return records
}

function syntheticPins(count: number, random: () => number): PackageVersion[] {
  return Array.from({ length: count }, (_, p) => ({
    name: `synthetic-${p}`,
    version: `1.${Math.floor(random() * 10)}`
  }))
}
