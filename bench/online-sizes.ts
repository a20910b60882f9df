/**
 * The online case at several sizes: N pinned dependencies (default 100, 1,000 and 5,000)
 * checked by the whole process (`node dist/index.js`) against the stand-in OSV API on loopback
 * with 0 and 50 ms added per request, with a cold and a warm advisory cache, against pip-audit's
 * way: one /v1/query per package in sequence, run in this process.
 *
 * Pins come from the real advisories (../shared/osv-pypi) through support/osv-seed.ts; the
 * corpus names ~1,500 packages, so a larger N is topped up with packages no advisory names.
 * With a latency the baseline costs N round trips in a row (over 250 s at 5,000 pins and 50 ms):
 * there it runs on the first min(N, 200) pins and is scaled to N, and those cells carry a '*'.
 * Run: npm run build && npx tsx bench/online-sizes.ts [--sizes 100,1000,5000] [--latencies 0,50]
 * [--runs N (default 3 up to 1,000 pins, 1 above)] [--synthetic]
 * [--repo DIR (run DIR/dist/index.js, e.g. a copy taken while others rebuild dist/)]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import type { PackageVersion } from '../src/advisories/osv.js'
import { sequentialQueries } from './support/baseline.js'
import { fillWithCleanPins } from './support/clean-pins.js'
import { builtBundle, medianRun, runCli } from './support/cli-process.js'
import { loadSeed, requirementsText, startSeededOsvServer } from './support/osv-seed.js'
import { formatTable, whole } from './support/table.js'

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100,1000,5000' },
    latencies: { type: 'string', default: '0,50' },
    runs: { type: 'string' },
    synthetic: { type: 'boolean', default: false },
    repo: { type: 'string' }
  }
})
const sizes = numbers(values.sizes!)
const latencies = numbers(values.latencies!)
const runsFor = (n: number) => (values.runs !== undefined ? Number(values.runs) : n <= 1000 ? 3 : 1)
/** Pins the baseline really queries when each round trip is delayed. */
const BASELINE_PREFIX = 200
const GOALS = [
  { n: 200, latencyMs: 50, coldMs: 800, warmMs: 400 },
  { n: 5000, latencyMs: 50, coldMs: 5000 }
]

interface Measured {
  wallMs: number
  requests: number
}

interface Baseline extends Measured {
  /** Pins actually queried; fewer than N when the figures are scaled up. */
  queried: number
  measuredMs: number
  measuredRequests: number
}

const started = performance.now()
const bundle = builtBundle(values.repo === undefined ? undefined : path.resolve(values.repo))
const largest = Math.max(...sizes)
const seed = loadSeed({ count: largest, synthetic: values.synthetic })
const affects = (pin: PackageVersion) => seed.resolver(pin.name, pin.version).length > 0
const pins = fillWithCleanPins(seed.pins, largest, affects)
const work = mkdtempSync(path.join(tmpdir(), 'pyaudit-bench-sizes-'))

console.log(`Advisories: ${seed.source}; pins drawn from ${seed.pins.length} of its packages`)
for (const n of sizes) {
  const drawn = Math.min(n, seed.pins.length)
  const hit = pins.slice(0, n).filter(affects).length
  const added = n > drawn ? `, plus ${whole(n - drawn)} packages without advisories` : ''
  console.log(
    `  N=${whole(n)}: ${whole(drawn)} packages the advisories name, ${whole(hit)} of them ` +
      `at an affected version${added}; median of ${runsFor(n)} run(s)`
  )
}

/** `body` against a fresh server (so its request count is this run's alone). */
async function withServer<T>(
  latencyMs: number,
  body: (url: string) => Promise<T>
): Promise<{ result: T; requests: number }> {
  const { server, url } = await startSeededOsvServer({ latencyMs, seed })
  try {
    const result = await body(url)
    return { result, requests: server.totalRequests }
  } finally {
    await server.close()
  }
}

async function runTool(n: number, latencyMs: number, cacheDir: string): Promise<Measured> {
  const requirements = path.join(work, `requirements-${n}.txt`)
  const { result, requests } = await withServer(latencyMs, url =>
    runCli(
      bundle,
      ['--osv-url', url, '--cache-dir', cacheDir, '--no-fail-on-vulnerability', requirements],
      { cwd: work, home: work }
    )
  )
  if (!result.stderr.includes(`Checking ${n} pinned dependencies`)) {
    throw new Error(`the run did not check ${n} pins: ${result.stderr.trim().slice(-600)}`)
  }
  return { wallMs: result.wallMs, requests }
}

const baselines = new Map<string, Measured>()

/** The sequential baseline on `queried` pins, measured once per (latency, length) and reused. */
async function baseline(n: number, latencyMs: number): Promise<Baseline> {
  const queried = latencyMs > 0 ? Math.min(n, BASELINE_PREFIX) : n
  const key = `${latencyMs}:${queried}`
  let measured = baselines.get(key)
  if (measured === undefined) {
    measured = await medianRun(runsFor(n), async () => {
      const { result, requests } = await withServer(latencyMs, async url => {
        const begun = performance.now()
        await sequentialQueries(url, pins.slice(0, queried))
        return performance.now() - begun
      })
      return { wallMs: result, requests }
    })
    baselines.set(key, measured)
  }
  const scale = n / queried
  return {
    wallMs: measured.wallMs * scale,
    requests: Math.round(measured.requests * scale),
    queried,
    measuredMs: measured.wallMs,
    measuredRequests: measured.requests
  }
}

interface Row {
  n: number
  latencyMs: number
  cold: Measured
  warm: Measured
  baseline: Baseline
}

const rows: Row[] = []
try {
  for (const n of sizes) {
    writeFileSync(path.join(work, `requirements-${n}.txt`), requirementsText(pins.slice(0, n)))
    // The cache holds records, not timings: one warm-up serves every latency.
    const warmCache = mkdtempSync(path.join(work, `warm-${n}-`))
    await runTool(n, 0, warmCache)
    for (const latencyMs of latencies) {
      const runs = runsFor(n)
      const cold = await medianRun(runs, () =>
        runTool(n, latencyMs, mkdtempSync(path.join(work, 'cold-')))
      )
      const warm = await medianRun(runs, () => runTool(n, latencyMs, warmCache))
      rows.push({ n, latencyMs, cold, warm, baseline: await baseline(n, latencyMs) })
      process.stdout.write('.')
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true })
}
process.stdout.write('\n\n')

const header = [
  'N',
  'latency',
  'cold ms',
  'cold requests',
  'warm ms',
  'warm requests',
  'baseline ms',
  'baseline requests',
  'x faster (cold)',
  'x faster (warm)'
]
const table = rows.map(({ n, latencyMs, cold, warm, baseline: base }) => {
  const mark = base.queried < n ? '*' : ''
  return [
    whole(n),
    `${latencyMs} ms`,
    whole(cold.wallMs),
    whole(cold.requests),
    whole(warm.wallMs),
    whole(warm.requests),
    whole(base.wallMs) + mark,
    whole(base.requests) + mark,
    (base.wallMs / cold.wallMs).toFixed(1) + mark,
    (base.wallMs / warm.wallMs).toFixed(1) + mark
  ]
})
console.log(formatTable(header, table))

const scaled = new Map<string, Baseline>()
for (const row of rows) {
  if (row.baseline.queried < row.n) scaled.set(`${row.latencyMs}`, row.baseline)
}
for (const [latency, base] of scaled) {
  console.log(
    `* extrapolated: at ${latency} ms the baseline ran on the first ${base.queried} pins ` +
      `(${whole(base.measuredMs)} ms, ${base.measuredRequests} requests), scaled by N / ${base.queried}`
  )
}

console.log('')
for (const goal of GOALS) {
  const row = rows.find(r => r.n === goal.n && r.latencyMs === goal.latencyMs)
  const label = `goal at ${whole(goal.n)} pins, ${goal.latencyMs} ms:`
  if (!row) {
    const elsewhere = goal.n === 200 ? '; bench/action-online.ts measures it' : ''
    console.log(`${label} not measured (add it with --sizes)${elsewhere}`)
    continue
  }
  const verdicts = [verdict('cold', row.cold.wallMs, goal.coldMs)]
  if (goal.warmMs !== undefined) verdicts.push(verdict('warm', row.warm.wallMs, goal.warmMs))
  console.log(`${label} ${verdicts.join('; ')}`)
}
console.log(`\nfinished in ${((performance.now() - started) / 1000).toFixed(0)} s`)

function verdict(kind: string, measuredMs: number, goalMs: number): string {
  return `${kind} ${whole(measuredMs)} ms <= ${whole(goalMs)} ms: ${measuredMs <= goalMs ? 'met' : 'MISSED'}`
}

function numbers(list: string): number[] {
  const parsed = list.split(',').map(Number)
  if (parsed.some(value => !Number.isInteger(value) || value < 0)) {
    throw new Error(`expected whole numbers separated by commas, got '${list}'`)
  }
  return parsed
}
