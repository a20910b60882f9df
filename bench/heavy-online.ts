/**
 * 200 pins with over 1,000 findings, the whole process (`node dist/index.js`) against the OSV
 * API on loopback with 50 ms per request: a cold cache, a warm cache and no cache at all, each
 * with the requests the server saw, beside pip-audit's one /v1/query per package in sequence
 * measured in the same run. Every run's findings (ids, aliases, fixes, severity) are compared
 * with what the baseline's records give, and its recommended upgrades with those of the same
 * build's first run without a cache (they are checked with the feed, so the baseline's records
 * alone do not give them): a speed-up that changes either is a bug, and the table says so.
 *
 * The pins are drawn the seeded way support/pins.ts does, favouring packages with many
 * advisories as real projects do (`weighting: 'advisories'`), 65% of them at a version an
 * advisory affects.
 *
 * Several bundles and Node binaries can be measured in one run, interleaved round by round so
 * that a change in the machine's load falls on all of them alike; medians are printed.
 *
 * `--tls h2` (or `h1`) puts HTTPS in front of the stand-in, as osv.dev is reached: over HTTP/2
 * a client's detail requests can all wait at once on one connection, over HTTP/1.1 only as
 * many as it opens connections (64). The children then trust the tests' CA
 * (NODE_EXTRA_CA_CERTS); the baseline stays on plain HTTP/1.1, as pip-audit speaks it.
 *
 * Run: npm run build && npx tsx bench/heavy-online.ts [--bundle a.js,b.js] [--node n1,n2]
 *   [--runs 7] [--latency 50] [--count 200] [--baseline-runs 1] [--tls h2|h1]
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { clean } from '@renovatebot/pep440'
import type { OsvRecord, PackageVersion } from '../src/advisories/osv.js'
import { severityOf } from '../src/advisories/severity.js'
import { dedupeAliases, toVulnerability } from '../src/advisories/vulnerability.js'
import { OsvServer } from '../__tests__/support/osv-server.js'
import { sequentialQueries } from './support/baseline.js'
import { loadDatabase, seedFromRecords } from './support/osv-seed.js'
import { drawPins, requirementsText } from './support/pins.js'
import { startTlsFront, TEST_CA_FILE } from './support/tls-front.js'

const REPO_ROOT = path.resolve(import.meta.dirname, '..')
const GNU_TIME = '/usr/bin/time'
/** Per bundle: whether it has the --package-checks input. */
const packageChecks = new Map<string, boolean>()
const { values } = parseArgs({
  options: {
    bundle: { type: 'string', default: path.join(REPO_ROOT, 'dist', 'index.js') },
    node: { type: 'string', default: process.execPath },
    runs: { type: 'string', default: '7' },
    latency: { type: 'string', default: '50' },
    count: { type: 'string', default: '200' },
    'baseline-runs': { type: 'string', default: '1' },
    tls: { type: 'string', default: '' }
  }
})
const latencyMs = Number(values.latency)
const runs = Number(values.runs)
const bundles = values.bundle.split(',').map(file => path.resolve(file))
const nodes = values.node.split(',')
for (const file of [...bundles, ...nodes]) {
  if (!existsSync(file)) throw new Error(`${file} is missing (npm run build for dist/index.js)`)
}

const database = loadDatabase()
if (!database.real) console.log('(../shared/osv-pypi is absent: synthetic advisories)')
const drawn = drawPins(database.records, Number(values.count), {
  vulnerable: 0.65,
  advisedClean: 0.1,
  weighting: 'advisories'
})
const seed = seedFromRecords(database.records, drawn.pins, database.source)
const work = mkdtempSync(path.join(tmpdir(), 'pyaudit-bench-heavy-'))
const requirements = path.join(work, 'requirements.txt')
writeFileSync(requirements, requirementsText(drawn.pins))
const server = new OsvServer(seed.resolver, {
  latencyMs,
  byId: seed.byId,
  packageRecords: seed.packageRecords
})
const url = await server.start()
if (values.tls !== '' && values.tls !== 'h1' && values.tls !== 'h2') throw new Error('--tls h1|h2')
const front = values.tls ? await startTlsFront(url, { http2: values.tls === 'h2' }) : undefined
/** What the children are pointed at. */
const childUrl = front?.url ?? url
const childEnv = front ? { NODE_EXTRA_CA_CERTS: TEST_CA_FILE } : {}

/** What the report of a correct run says, per `name==version`, worked out from `records`. */
type Expected = Map<string, string>

function expectedFindings(pins: readonly PackageVersion[], records: OsvRecord[][]): Expected {
  const expected: Expected = new Map()
  pins.forEach((pin, i) => {
    const matched = records[i] ?? []
    const vulns = dedupeAliases(
      matched.flatMap(record => toVulnerability(record, pin.name) ?? [])
    ).map(vuln => {
      const { level, score } = severityOf(vuln.record)
      return [vuln.id, [...vuln.aliases].sort(), vuln.fixVersions, level, score ?? null]
    })
    expected.set(pinKey(pin.name, pin.version), canonical(vulns))
  })
  return expected
}

interface ReportedDependency {
  name: string
  version: string
  vulns: {
    id: string
    aliases: string[]
    fix_versions: string[]
    severity: { level: string; score?: number }
  }[]
  recommended_version?: string | null
}

/** The findings of a report, and its recommended upgrades as one comparable text. */
function reportedFindings(reportFile: string): { found: Expected; upgrades: string } {
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as {
    dependencies: ReportedDependency[]
  }
  const found: Expected = new Map()
  const upgrades: [string, string | null][] = []
  for (const dep of report.dependencies) {
    const vulns = dep.vulns.map(vuln => [
      vuln.id,
      [...vuln.aliases].sort(),
      vuln.fix_versions,
      vuln.severity.level,
      vuln.severity.score ?? null
    ])
    found.set(pinKey(dep.name, dep.version), canonical(vulns))
    if (vulns.length > 0)
      upgrades.push([pinKey(dep.name, dep.version), dep.recommended_version ?? null])
  }
  return { found, upgrades: JSON.stringify(upgrades.sort()) }
}

/** Readers write versions in their PEP 440 normal form (3.03 is reported as 3.3). */
function pinKey(name: string, version: string): string {
  return `${name}==${clean(version) ?? version}`
}

function canonical(vulns: unknown[][]): string {
  const sorted = vulns.map(vuln => JSON.stringify(vuln)).sort()
  return JSON.stringify(sorted)
}

/** Pins whose findings differ from the baseline's; the first difference is printed once. */
function differences(expected: Expected, found: Expected): string[] {
  const wrong = [...expected].filter(([pin, text]) => found.get(pin) !== text).map(([pin]) => pin)
  const [first] = wrong
  if (first !== undefined && !explained.has(first)) {
    explained.add(first)
    console.log(`${first}: expected ${expected.get(first)}\n  reported ${found.get(first)}`)
  }
  return wrong
}
const explained = new Set<string>()

interface Run {
  ms: number
  /** User + system CPU time of the child (NaN without GNU time). */
  cpuMs: number
  requests: number
  wrong: string[]
  upgrades: string
}

/** One run of the CLI; asynchronous because the OSV stand-in answers from this process. */
async function runCli(node: string, bundle: string, cacheArgs: string[]): Promise<Run> {
  const report = path.join(work, 'report.json')
  rmSync(report, { force: true })
  const before = server.totalRequests
  const args = [bundle, '--osv-url', childUrl, ...cacheArgs, '--no-fail-on-vulnerability']
  args.push(...withoutPackageChecks(node, bundle))
  // GNU time, where there is one, for the CPU time: on a shared machine wall time is noisy.
  const command = [node, ...args, '--report', report, requirements]
  if (existsSync(GNU_TIME)) command.unshift(GNU_TIME, '-f', 'PYAUDIT_BENCH_CPU_S=%U+%S')
  const started = performance.now()
  const child = spawn(command[0]!, command.slice(1), {
    cwd: work,
    env: { PATH: process.env.PATH, HOME: work, ...childEnv },
    stdio: ['ignore', 'ignore', 'pipe']
  })
  let stderr = ''
  child.stderr.on('data', chunk => (stderr += chunk))
  const status = await new Promise<number | null>(resolve => child.on('close', resolve))
  const ms = performance.now() - started
  // 1: findings that fail even so (malware records); 2 is an error.
  if (status !== 0 && status !== 1) throw new Error(`pyaudit exited ${status}: ${stderr}`)
  const cpu = /PYAUDIT_BENCH_CPU_S=([\d.]+)\+([\d.]+)/.exec(stderr)
  const { found, upgrades } = reportedFindings(report)
  return {
    ms,
    cpuMs: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : NaN,
    requests: server.totalRequests - before,
    wrong: differences(expected, found),
    upgrades
  }
}

console.log(
  `${drawn.pins.length} pins from ${seed.source}: ${drawn.vulnerable} at an affected version, ` +
    `${drawn.advisedClean} of advised packages at a clean one, ${drawn.unknown} unknown; ` +
    `${latencyMs} ms per request` +
    (front ? `; the runs over HTTPS (${values.tls}), the baseline over plain HTTP/1.1` : '')
)
const baselineTimes: number[] = []
let baselineRecords: OsvRecord[][] = []
for (let i = 0; i < Number(values['baseline-runs']); i++) {
  const started = performance.now()
  baselineRecords = await sequentialQueries(url, drawn.pins)
  baselineTimes.push(performance.now() - started)
}
const expected = expectedFindings(drawn.pins, baselineRecords)
const findings = baselineRecords.reduce((sum, records) => sum + records.length, 0)
const affected = baselineRecords.filter(records => records.length > 0).length
console.log(`${findings} findings in ${affected} packages (the baseline's records)`)

const MODES = ['cold', 'warm', 'no cache'] as const
type Mode = (typeof MODES)[number]
interface Setup {
  label: string
  node: string
  bundle: string
  warmDir: string
  results: Record<Mode, Run[]>
}
const setups: Setup[] = nodes.flatMap(node =>
  bundles.map((bundle, b) => ({
    label: `${nodeVersion(node)} ${bundles.length > 1 ? `bundle ${b + 1}` : path.basename(bundle)}`,
    node,
    bundle,
    warmDir: mkdtempSync(path.join(work, 'warm-')),
    results: { cold: [], warm: [], 'no cache': [] }
  }))
)
// Each warm cache is filled by one run first.
for (const setup of setups) await runCli(setup.node, setup.bundle, ['--cache-dir', setup.warmDir])

const loads: number[] = []
for (let round = 0; round < runs; round++) {
  loads.push(loadavg()[0]!)
  for (const setup of setups) {
    for (const mode of MODES) {
      const cacheArgs =
        mode === 'cold'
          ? ['--cache-dir', mkdtempSync(path.join(work, 'cold-'))]
          : mode === 'warm'
            ? ['--cache-dir', setup.warmDir]
            : ['--no-cache']
      setup.results[mode].push(await runCli(setup.node, setup.bundle, cacheArgs))
    }
  }
}
await front?.close()
await server.close()

const baselineMs = median(baselineTimes)
console.log(
  `\nmedian of ${runs} interleaved rounds; load average ${Math.min(...loads).toFixed(2)}-` +
    `${Math.max(...loads).toFixed(2)} while measuring\n`
)
console.log(
  `${'case'.padEnd(36)}${'wall ms'.padStart(9)}${'range'.padStart(13)}${'cpu ms'.padStart(8)}` +
    `${'requests'.padStart(10)}${'x baseline'.padStart(12)}  findings`
)
for (const setup of setups) {
  if (bundles.length > 1)
    console.log(`(bundle ${bundles.indexOf(setup.bundle) + 1}: ${setup.bundle})`)
  for (const mode of MODES) {
    const results = setup.results[mode]
    const times = results.map(run => run.ms)
    const wrong = [...new Set(results.flatMap(run => run.wrong))]
    const upgrades = new Set(
      Object.values(setup.results).flatMap(runs => runs.map(run => run.upgrades))
    )
    const verdict =
      (wrong.length === 0 ? 'as baseline' : `DIFFER: ${wrong.slice(0, 5).join(', ')}`) +
      (upgrades.size === 1 ? '' : `; upgrades differ between runs (${upgrades.size} answers)`)
    const requests = [...new Set(results.map(run => run.requests))].join('/')
    console.log(
      `${`${setup.label}, ${mode}`.padEnd(36)}${median(times).toFixed(0).padStart(9)}` +
        `${`${Math.min(...times).toFixed(0)}-${Math.max(...times).toFixed(0)}`.padStart(13)}` +
        `${median(results.map(run => run.cpuMs))
          .toFixed(0)
          .padStart(8)}` +
        `${requests.padStart(10)}${(baselineMs / median(times)).toFixed(1).padStart(12)}  ${verdict}`
    )
  }
}
console.log(
  `${'one /v1/query per package, sequential'.padEnd(36)}${baselineMs.toFixed(0).padStart(9)}` +
    `${''.padStart(21)}${String(drawn.pins.length).padStart(10)}${'1.0'.padStart(12)}`
)
rmSync(work, { recursive: true, force: true })

/**
 * The package checks ask PyPI itself about every pin, which this benchmark does not measure
 * (and which is not reachable here): off, in the releases that have them.
 */
function withoutPackageChecks(node: string, bundle: string): string[] {
  let known = packageChecks.get(bundle)
  if (known === undefined) {
    const help = spawnSync(node, [bundle, '--help'], { encoding: 'utf8' })
    known = `${help.stdout}${help.stderr}`.includes('--package-checks')
    packageChecks.set(bundle, known)
  }
  return known ? ['--package-checks', 'false'] : []
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? NaN
}

function nodeVersion(node: string): string {
  return `Node ${spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim().slice(1)}`
}
