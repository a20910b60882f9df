/**
 * The offline database at full size: load OSV's PyPI all.zip and match 200, 1,000 and 10,000
 * pinned dependencies shaped like real projects (see support/pins.ts), and 1,000 drawn the way
 * heavy-online.ts draws its set (packages with many advisories favoured). Measured in-process
 * (load, match, recommended upgrades, peak RSS), against a naive matcher that scans every
 * record per dependency, and as the whole CLI in its own process (wall and CPU time, peak RSS).
 * Every record is read on every run: no index is kept between runs (see offline-db.ts).
 *
 * Run: npx tsx bench/offline.ts [--zip PATH] [--counts 200,1000,10000] [--runs 3] [--repo DIR]
 * [--bundle]. --bundle also bundles src/index.ts with esbuild (installed with tsx) into a
 * temporary folder and runs that: one file like dist/index.js, without building dist/.
 * Every measurement runs in a fresh child process, so one does not warm or bloat the next.
 * CPU time is printed beside wall time because on a shared machine wall time is noisy.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { recordAffects } from '../src/advisories/match.js'
import { OfflineDatabase, parseRecord } from '../src/advisories/offline-db.js'
import type { OsvRecord, PackageVersion } from '../src/advisories/osv.js'
import { recommendedVersion } from '../src/advisories/upgrade.js'
import { ZipArchive } from '../src/advisories/zip-reader.js'
import { drawPins, requirementsText, type DrawnPins } from './support/pins.js'
import { bundleSources } from './support/esbuild-bundle.js'

const HERE = fileURLToPath(import.meta.url)
const REPO_ROOT = path.resolve(path.dirname(HERE), '..')
const TSX_LOADER = path.join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')
const GOALS: Record<number, { ms: number; mb: number }> = {
  1000: { ms: 1500, mb: 400 },
  10000: { ms: 3000, mb: 600 }
}

const { values } = parseArgs({
  options: {
    zip: {
      type: 'string',
      default: path.resolve(REPO_ROOT, '..', 'shared', 'osv-pypi', 'PyPI-all.zip')
    },
    counts: { type: 'string', default: '200,1000,10000' },
    runs: { type: 'string', default: '3' },
    repo: { type: 'string', default: REPO_ROOT },
    bundle: { type: 'boolean', default: false },
    worker: { type: 'string' },
    pins: { type: 'string' },
    heavy: { type: 'boolean', default: true }
  }
})

interface WorkerResult {
  loadMs: number
  matchMs: number
  recommendMs?: number
  totalMs: number
  maxRssMb: number
  findings: number
}

/** One in-process measurement: `indexed` is OfflineDatabase, `naive` scans every record. */
async function runWorker(kind: string, zip: string, pinsFile: string): Promise<WorkerResult> {
  const pins = JSON.parse(await readFile(pinsFile, 'utf8')) as PackageVersion[]
  const started = performance.now()
  let found: OsvRecord[][]
  let recommendMs: number | undefined
  let loadMs: number
  if (kind !== 'naive') {
    const db = await OfflineDatabase.load(zip)
    loadMs = performance.now() - started
    found = await db.lookup(pins)
    // What the engine adds per vulnerable package (assess.ts), timed apart from matching.
    const matched = performance.now()
    pins.forEach((pin, i) => {
      if (found[i]!.length > 0) recommendedVersion(pin.name, pin.version, db.recordsFor(pin.name))
    })
    recommendMs = performance.now() - matched
  } else {
    const records = await readAllRecords(zip)
    loadMs = performance.now() - started
    found = pins.map(pin => records.filter(record => recordAffects(record, pin.name, pin.version)))
  }
  const totalMs = performance.now() - started - (recommendMs ?? 0)
  return {
    loadMs,
    matchMs: totalMs - loadMs,
    ...(recommendMs === undefined ? {} : { recommendMs }),
    totalMs,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    findings: found.reduce((sum, records) => sum + records.length, 0)
  }
}

async function readAllRecords(zip: string): Promise<OsvRecord[]> {
  const records: OsvRecord[] = []
  const archive = await ZipArchive.open(zip)
  await archive.read(
    name => name.endsWith('.json'),
    (member, data) => records.push(parseRecord(data, { file: zip }, member))
  )
  await archive.close()
  return records
}

interface ProcessResult {
  wallMs: number
  cpuMs: number
  maxRssMb: number
  exitCode: number
  stderr: string
}

/**
 * Runs a command as its own process; peak RSS and CPU from GNU time, else a tiny preload. The
 * child gets only PATH and HOME: NODE_EXTRA_CA_CERTS alone adds 40 ms to every Node start here.
 */
function runMeasured(args: string[], cwd: string, work: string): Promise<ProcessResult> {
  const [command, ...rest] = existsSync('/usr/bin/time')
    ? ['/usr/bin/time', '-f', 'PYAUDIT_BENCH_RSS_KB=%M PYAUDIT_BENCH_CPU_S=%U+%S', ...args]
    : [args[0]!, '--import', usageReporter(work), ...args.slice(1)]
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const env = { PATH: process.env.PATH, HOME: process.env.HOME }
    const child = spawn(command!, rest, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', chunk => (stderr += chunk))
    child.on('error', reject)
    child.on('close', code => {
      const wallMs = performance.now() - started
      const rss = /PYAUDIT_BENCH_RSS_KB=(\d+)/.exec(stderr)
      const cpu = /PYAUDIT_BENCH_CPU_S=([\d.]+)\+([\d.]+)/.exec(stderr)
      const cpuMs = (Number(cpu?.[1] ?? NaN) + Number(cpu?.[2] ?? NaN)) * 1000
      const maxRssMb = Number(rss?.[1] ?? NaN) / 1024
      resolve({ wallMs, cpuMs, maxRssMb, exitCode: code ?? -1, stderr })
    })
  })
}

/** Without GNU time: a module preloaded into the child that reports its own usage at exit. */
function usageReporter(work: string): string {
  const file = path.join(work, 'usage.mjs')
  const report =
    '`PYAUDIT_BENCH_RSS_KB=${u.maxRSS} PYAUDIT_BENCH_CPU_S=${u.userCPUTime / 1e6}+${u.systemCPUTime / 1e6}\\n`'
  writeFileSync(
    file,
    `process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write(${report}) })\n`
  )
  return file
}

async function main(): Promise<void> {
  const zip = values.zip!
  if (!existsSync(zip)) {
    console.log(`Skipping: ${zip} is absent (see ../shared/osv-pypi/README.md)`)
    return
  }
  const runs = Number(values.runs)
  const repo = path.resolve(values.repo!)
  const work = mkdtempSync(path.join(os.tmpdir(), 'pyaudit-bench-offline-'))
  try {
    const records = await readAllRecords(zip)
    const clis = await cliCommands(repo, work)
    console.log(
      `${records.length} records in ${zip}; median of ${runs} runs; ${os.cpus().length} CPUs`
    )
    for (const count of values.counts!.split(',').map(Number)) {
      await measureCount(records, count, { zip, runs, work, clis }, drawPins(records, count))
    }
    if (values.heavy) {
      const mix = { vulnerable: 0.3, advisedClean: 0.2, weighting: 'advisories' } as const
      await measureCount(records, 1000, { zip, runs, work, clis }, drawPins(records, 1000, mix))
    }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

async function cliCommands(repo: string, work: string): Promise<[string, string[]][]> {
  const commands: [string, string[]][] = [
    ['CLI via tsx', [process.execPath, '--import', TSX_LOADER, path.join(repo, 'src', 'index.ts')]]
  ]
  const dist = path.join(repo, 'dist', 'index.js')
  if (existsSync(dist) && statSync(dist).mtimeMs >= newestSource(path.join(repo, 'src'))) {
    commands.push(['CLI dist/index.js', [process.execPath, dist]])
  } else {
    console.log(`(no dist/index.js newer than src/: build it, or use --bundle)`)
  }
  if (values.bundle)
    commands.push(['CLI bundled (esbuild)', [process.execPath, await bundleSources(repo, work)]])
  return commands
}

interface Setup {
  zip: string
  runs: number
  work: string
  clis: [string, string[]][]
}

async function measureCount(
  records: OsvRecord[],
  count: number,
  setup: Setup,
  drawn: DrawnPins
): Promise<void> {
  const { zip, runs, work } = setup
  const pinsFile = path.join(work, `pins-${count}.json`)
  const requirements = path.join(work, `requirements-${count}.txt`)
  writeFileSync(pinsFile, JSON.stringify(drawn.pins))
  writeFileSync(requirements, requirementsText(drawn.pins))
  console.log(
    `\n${count} pins: ${drawn.vulnerable} vulnerable, ${drawn.advisedClean} of advised ` +
      `packages at a clean version, ${drawn.unknown} unknown to the database`
  )
  await measureInProcess(runs, zip, pinsFile)
  for (const [label, command] of setup.clis) {
    const cli = () =>
      runMeasured([...command, '--no-cache', '--advisory-db', zip, requirements], work, work)
    const result = await median(runs, cli)
    const ran = result.stderr.includes(`Checking ${count} pinned dependencies`)
    if (!ran || result.exitCode !== (drawn.vulnerable > 0 ? 1 : 0)) {
      console.log(`  !! ${label} exited ${result.exitCode}: ${result.stderr.trim().slice(-400)}`)
    }
    const goal = GOALS[count]
    const met = goal && result.wallMs <= goal.ms && result.maxRssMb <= goal.mb
    const verdict = goal ? `  goal ${ms(goal.ms)}, ${goal.mb} MB: ${met ? 'met' : 'MISSED'}` : ''
    console.log(
      `  ${label.padEnd(24)} wall ${ms(result.wallMs)}  cpu ${ms(result.cpuMs)}` +
        `  peak RSS ${mb(result.maxRssMb)}${verdict}`
    )
  }
}

/** The in-process workers: a full load, and the naive scan. */
async function measureInProcess(runs: number, zip: string, pinsFile: string): Promise<void> {
  // The naive scan takes about a minute at 10,000 pins, so it runs once.
  const worker = (kind: string) =>
    median(kind === 'naive' ? 1 : runs, async () => {
      const args = [
        '--import',
        TSX_LOADER,
        HERE,
        '--worker',
        kind,
        '--zip',
        zip,
        '--pins',
        pinsFile
      ]
      return JSON.parse(await capture(process.execPath, args)) as WorkerResult
    })
  const line = (label: string, r: WorkerResult) =>
    `  ${label.padEnd(24)} load ${ms(r.loadMs)}  match ${ms(r.matchMs)}  total ${ms(r.totalMs)}` +
    `  peak RSS ${mb(r.maxRssMb)}  findings ${r.findings}` +
    (r.recommendMs === undefined ? '' : `; then upgrades ${ms(r.recommendMs)}`)
  const indexed = await worker('indexed')
  console.log(line('in-process, by package', indexed))
  const naive = await worker('naive')
  console.log(line('in-process, naive scan', naive))
  if (naive.findings !== indexed.findings) console.log('  !! naive and indexed disagree')
}

/** The run with the median wall (or in-process total) time of `runs` fresh runs. */
async function median<T extends { wallMs?: number; totalMs?: number }>(
  runs: number,
  run: () => Promise<T>
): Promise<T> {
  const results: T[] = []
  for (let i = 0; i < runs; i++) results.push(await run())
  const key = (r: T) => r.wallMs ?? r.totalMs ?? 0
  results.sort((a, b) => key(a) - key(b))
  return results[Math.floor(results.length / 2)]!
}

function capture(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    child.stdout.on('data', chunk => (out += chunk))
    child.on('error', reject)
    child.on('close', code =>
      code === 0 ? resolve(out) : reject(new Error(`${command} ${args.join(' ')} exited ${code}`))
    )
  })
}

function newestSource(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue
    newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs)
  }
  return newest
}

const ms = (value: number) => `${Math.round(value)} ms`.padStart(8)
const mb = (value: number) => `${Math.round(value)} MB`.padStart(7)

// Last, so every constant above is initialised before it runs.
if (values.worker !== undefined) {
  const { worker, zip, pins } = values
  process.stdout.write(JSON.stringify(await runWorker(worker, zip!, pins!)))
} else {
  await main()
}
