/**
 * A monorepo's projects drawn deterministically from an advisory database: each project pins
 * 40 to 150 packages, with heavy overlap the way one organisation's services share a stack:
 * a core (requests, django, numpy, ...) most projects pin, usually at the house version and
 * sometimes at an older or newer one, then a shared pool drawn with a strong bias to its
 * front, half packages the advisories name and half packages they do not.
 */
import { compare, explain } from '@renovatebot/pep440'
import type { PackageVersion } from '../../src/advisories/osv.js'
import { cleanPins } from './clean-pins.js'
import { mulberry32, shuffle } from './random.js'

export const LOCK_FORMATS = [
  'uv.lock',
  'poetry.lock',
  'requirements.txt',
  'Pipfile.lock',
  'pdm.lock'
] as const
export type LockFormat = (typeof LOCK_FORMATS)[number]

export interface ProjectPin extends PackageVersion {
  /** In the development group rather than the main dependencies. */
  dev: boolean
}

export interface PlannedProject {
  name: string
  /** Folder below the repository root, '/'-separated. */
  dir: string
  format: LockFormat
  pins: ProjectPin[]
}

export interface PlanOptions {
  projects: number
  minPins?: number
  maxPins?: number
  randomSeed?: number
}

/** The stack most Python services share, where the advisories know them. */
const CORE = [
  'requests',
  'urllib3',
  'certifi',
  'idna',
  'django',
  'flask',
  'werkzeug',
  'jinja2',
  'sqlalchemy',
  'pydantic',
  'numpy',
  'pandas',
  'pyyaml',
  'cryptography',
  'pillow',
  'setuptools',
  'aiohttp',
  'celery',
  'redis',
  'gunicorn',
  'protobuf',
  'pytest',
  'black',
  'click'
]
const POOL_ADVISED = 350
const POOL_CLEAN = 350

interface Choice {
  name: string
  /** Candidate versions, the house version first. */
  versions: string[]
}

/**
 * `versions`: the versions the advisories name per (normalized) package name; pins are drawn
 * from the newer half of them. `affects` guards the clean packages.
 */
export function planMonorepo(
  versions: ReadonlyMap<string, ReadonlySet<string>>,
  affects: (pin: PackageVersion) => boolean,
  options: PlanOptions
): PlannedProject[] {
  const random = mulberry32(options.randomSeed ?? 20261129)
  const minPins = options.minPins ?? 40
  const maxPins = options.maxPins ?? 150
  const names = shuffle([...versions.keys()].sort(), random)
  const known = CORE.filter(name => versions.has(name))
  const coreNames = known.length >= 10 ? known : names.slice(0, CORE.length)
  const candidates = (name: string, count: number) =>
    pickVersions([...versions.get(name)!], count, random)
  const core = coreNames.map(name => ({ name, versions: candidates(name, 3) }))
  const advised = names
    .filter(name => !coreNames.includes(name))
    .slice(0, POOL_ADVISED)
    .map(name => ({ name, versions: candidates(name, 2) }))
  const clean = cleanPins(POOL_CLEAN, affects, 'bench-internal').map(pin => ({
    name: pin.name,
    versions: [pin.version]
  }))
  const pool = interleave(advised, clean)

  return Array.from({ length: options.projects }, (_, index) => {
    const name = `${index % 5 === 4 ? 'lib' : 'svc'}-${String(index + 1).padStart(2, '0')}`
    const size = minPins + Math.floor(random() * (maxPins - minPins + 1))
    const chosen = new Map<string, string>()
    for (const choice of core) {
      if (random() < 0.65) chosen.set(choice.name, houseOrOther(choice, random, 0.7))
    }
    while (chosen.size < size) {
      // Squaring the draw favours the front of the pool: most projects share those packages.
      const choice = pool[Math.floor(random() * random() * pool.length)]!
      if (!chosen.has(choice.name)) chosen.set(choice.name, houseOrOther(choice, random, 0.8))
    }
    const pins = [...chosen].map(([pin, version]) => ({
      name: pin,
      version,
      dev: random() < 0.12
    }))
    return {
      name,
      dir: `${name.startsWith('lib') ? 'libs' : 'services'}/${name}`,
      format: LOCK_FORMATS[index % LOCK_FORMATS.length]!,
      pins
    }
  })
}

/**
 * `count` distinct final releases (pre-releases only when a package has nothing else) from the
 * newer half, in random order; fewer when fewer exist.
 */
function pickVersions(all: string[], count: number, random: () => number): string[] {
  const final = all.filter(version => explain(version)?.is_prerelease === false)
  const sorted = (final.length > 0 ? final : all).sort(compare)
  const newer = sorted.slice(Math.floor(sorted.length / 2))
  return shuffle(newer, random).slice(0, count)
}

function houseOrOther(choice: Choice, random: () => number, houseShare: number): string {
  if (choice.versions.length === 1 || random() < houseShare) return choice.versions[0]!
  return choice.versions[1 + Math.floor(random() * (choice.versions.length - 1))]!
}

function interleave<T>(a: readonly T[], b: readonly T[]): T[] {
  const out: T[] = []
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (i < a.length) out.push(a[i]!)
    if (i < b.length) out.push(b[i]!)
  }
  return out
}
