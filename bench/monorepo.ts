/**
 * A monorepo: 50 projects, each in its own folder with a pyproject.toml and its own lockfile
 * (uv.lock, poetry.lock, pip-compile requirements.txt, Pipfile.lock, pdm.lock: ten of each),
 * 40 to 150 pins each with heavy overlap (support/monorepo-plan.ts), audited by ONE run of the
 * whole process on the repository root with detection (no paths):
 *  (a) offline against the full PyPI all.zip: wall time, CPU time and peak RSS (goal <= 3 s);
 *  (b) online against the stand-in OSV API with 50 ms per request and a cold cache: requests,
 *      and from a log of them, whether each distinct (package, version) was asked about once
 *      and each advisory's record sent once, against the tool run once per project (50
 *      processes, in sequence, cold caches; and again sharing one cache).
 * Every run's JSON report must list each project's lockfile as a source with all its pins, or
 * the script fails. Run: npm run build && npx tsx bench/monorepo.ts [--projects 50]
 * [--latency 50] [--runs 3] [--zip PATH] [--synthetic] [--keep (the generated monorepo)]
 * [--repo DIR (run DIR/dist/index.js, e.g. a copy taken while others rebuild dist/)]
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import type { OsvRecord, PackageVersion } from '../src/advisories/osv.js'
import { builtBundle, medianRun, runCli, type CliRun } from './support/cli-process.js'
import { projectFiles } from './support/lockfile-text.js'
import { LOCK_FORMATS, planMonorepo, type PlannedProject } from './support/monorepo-plan.js'
import {
  loadDatabase,
  namedVersions,
  seedFromRecords,
  startSeededOsvServer
} from './support/osv-seed.js'
import { RequestLog, type RequestSummary } from './support/request-log.js'
import { formatTable, whole } from './support/table.js'

const REPO_ROOT = path.resolve(import.meta.dirname, '..')
const { values } = parseArgs({
  options: {
    projects: { type: 'string', default: '50' },
    latency: { type: 'string', default: '50' },
    runs: { type: 'string', default: '3' },
    zip: {
      type: 'string',
      default: path.resolve(REPO_ROOT, '..', 'shared', 'osv-pypi', 'PyPI-all.zip')
    },
    synthetic: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    repo: { type: 'string' }
  }
})
const runs = Number(values.runs)
const latencyMs = Number(values.latency)
const OFFLINE_GOAL_MS = 3000

const started = performance.now()
const bundle = builtBundle(values.repo === undefined ? undefined : path.resolve(values.repo))
const database = loadDatabase({ synthetic: values.synthetic, count: 700 })
// The server needs no pin list: it answers whatever the client asks.
const seed = seedFromRecords(database.records, [], database.source)
const affects = (pin: PackageVersion) => seed.resolver(pin.name, pin.version).length > 0
const versions = database.real
  ? namedVersions(database.records)
  : syntheticVersions(database.records)
const projects = planMonorepo(versions, affects, { projects: Number(values.projects) })

const work = realpathSync(mkdtempSync(path.join(tmpdir(), 'pyaudit-bench-monorepo-')))
const monorepo = path.join(work, 'monorepo')
const home = path.join(work, 'home')
mkdirSync(home)
for (const project of projects) {
  const dir = path.join(monorepo, project.dir)
  mkdirSync(dir, { recursive: true })
  for (const [name, text] of projectFiles(project)) writeFileSync(path.join(dir, name), text)
}
writeFileSync(path.join(monorepo, 'README.md'), '# A monorepo of Python services\n')

const allPins = projects.flatMap(project => project.pins)
const distinct = new Map(allPins.map(pin => [`${pin.name}==${pin.version}`, pin]))
const sizes = projects.map(project => project.pins.length)
const formats = LOCK_FORMATS.map(
  format => `${projects.filter(p => p.format === format).length} ${format}`
)
console.log(`Advisories: ${database.source}`)
console.log(
  `${projects.length} projects (${formats.join(', ')}), ${Math.min(...sizes)} to ` +
    `${Math.max(...sizes)} pins each: ${whole(allPins.length)} pins in all, ` +
    `${whole(distinct.size)} distinct (package, version) of ` +
    `${whole(new Set(allPins.map(pin => pin.name)).size)} packages, ` +
    `${whole([...distinct.values()].filter(affects).length)} of them affected`
)
console.log(`medians of ${runs} runs for the single runs; the per-project baselines run once\n`)

interface ReportSources {
  sources: { file: string; format: string; dependencies: number }[]
}

/** Fails unless the report lists every project's lockfile with all its pins. */
function checkCoverage(reportFile: string, covered: PlannedProject[], root: string): number {
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as ReportSources
  const listed = new Map(
    report.sources.map(source => {
      const file = path.isAbsolute(source.file) ? path.relative(root, source.file) : source.file
      return [file.split(path.sep).join('/'), source.dependencies]
    })
  )
  const problems: string[] = []
  for (const project of covered) {
    const lockfile = path.join(monorepo, project.dir, project.format)
    const expected = path.relative(root, lockfile).split(path.sep).join('/')
    const read = listed.get(expected)
    if (read === undefined) problems.push(`${expected} is not a source`)
    else if (read !== project.pins.length) {
      problems.push(`${expected}: ${read} pins read of ${project.pins.length}`)
    }
  }
  if (problems.length > 0) {
    throw new Error(`the run did not cover the monorepo: ${problems.join('; ')}`)
  }
  return report.sources.length
}

/** Fails unless the run says it checked every pin of every lockfile. */
function checkAllPins(run: CliRun): void {
  const checked = /Checking (\d+) pinned dependencies/.exec(run.stderr)?.[1]
  if (checked !== String(allPins.length)) {
    throw new Error(
      `checked ${checked ?? 'no'} pins of ${allPins.length}: ${run.stderr.slice(-600)}`
    )
  }
}

const reportFile = path.join(work, 'report.json')
const lines: string[] = []

async function offline(): Promise<void> {
  const zip = path.resolve(values.zip!)
  if (!existsSync(zip)) {
    console.log(`(a) skipped: ${zip} is absent (see ../shared/osv-pypi/README.md)`)
    return
  }
  const args = ['--advisory-db', zip, '--no-fail-on-vulnerability', '--report', reportFile]
  let sources = 0
  const result = await medianRun(runs, async () => {
    const run = await runCli(bundle, args, { cwd: monorepo, home, memory: true })
    sources = checkCoverage(reportFile, projects, monorepo)
    checkAllPins(run)
    return run
  })
  const met = result.wallMs <= OFFLINE_GOAL_MS ? 'met' : 'MISSED'
  console.log(
    `(a) offline, ${path.basename(zip)}, one run on the root: ${sources} sources read, ` +
      `${whole(allPins.length)} pins checked\n` +
      `    wall ${whole(result.wallMs)} ms, CPU ${whole(result.cpuMs)} ms, ` +
      `peak RSS ${whole(result.maxRssMb)} MB; goal <= ${whole(OFFLINE_GOAL_MS)} ms: ${met}\n`
  )
}

interface OnlineResult {
  wallMs: number
  requests: number
  summary: RequestSummary
}

/** Runs `body` against a fresh stand-in server with its requests logged. */
async function logged(body: (url: string) => Promise<number>): Promise<OnlineResult> {
  const { server, url } = await startSeededOsvServer({ latencyMs, seed })
  const log = new RequestLog(url)
  try {
    const wallMs = await body(url)
    const summary = log.summarize(seed.resolver)
    if (summary.requests !== server.totalRequests) {
      throw new Error(`logged ${summary.requests} requests, the server saw ${server.totalRequests}`)
    }
    return { wallMs, requests: server.totalRequests, summary }
  } finally {
    log.stop()
    await server.close()
  }
}

function onlineArgs(url: string, cacheDir: string): string[] {
  return [
    '--osv-url',
    url,
    '--cache-dir',
    cacheDir,
    '--no-fail-on-vulnerability',
    '--report',
    reportFile
  ]
}

const freshCache = () => mkdtempSync(path.join(work, 'cache-'))

/** The tool once per project, in sequence; `cacheDir` shared, or undefined for one each. */
async function perProject(cacheDir: string | undefined): Promise<OnlineResult> {
  return logged(async url => {
    let total = 0
    for (const project of projects) {
      const cwd = path.join(monorepo, project.dir)
      const run = await runCli(bundle, onlineArgs(url, cacheDir ?? freshCache()), { cwd, home })
      checkCoverage(reportFile, [project], cwd)
      total += run.wallMs
    }
    return total
  })
}

async function online(): Promise<void> {
  const single = await medianRun(runs, () =>
    logged(async url => {
      const run = await runCli(bundle, onlineArgs(url, freshCache()), { cwd: monorepo, home })
      checkCoverage(reportFile, projects, monorepo)
      checkAllPins(run)
      return run.wallMs
    })
  )
  const separate = await perProject(undefined)
  const shared = await perProject(freshCache())
  const row = (label: string, r: OnlineResult) => [
    label,
    whole(r.wallMs),
    whole(r.requests),
    whole(r.summary.querybatch),
    `${whole(r.summary.pinQueries)} (${whole(r.summary.distinctPinQueries)})`,
    whole(r.summary.detailRequests),
    `${whole(r.summary.recordsSent)} (${whole(r.summary.distinctRecords)})`
  ]
  console.log(`(b) online, OSV stand-in on loopback at ${latencyMs} ms per request\n`)
  const header = [
    'case',
    'wall ms',
    'requests',
    'querybatch',
    'pins asked (distinct)',
    'detail requests',
    'records sent (distinct)'
  ]
  console.log(
    formatTable(header, [
      row('one run on the repository root, cold cache', single),
      row(`once per project (${projects.length} processes), cold caches`, separate),
      row(`once per project (${projects.length} processes), one shared cache`, shared)
    ])
  )
  const s = single.summary
  const onceEach = s.pinQueries === distinct.size && s.distinctPinQueries === distinct.size
  lines.push(
    `pins: ${whole(allPins.length)} in the lockfiles, ${whole(distinct.size)} distinct; the one run ` +
      `asked about ${whole(s.pinQueries)} (${whole(s.distinctPinQueries)} distinct): ` +
      `${onceEach ? 'each distinct pin once' : 'NOT once per distinct pin'}`,
    `advisories: the one run was sent ${whole(s.recordsSent)} full records of ${whole(s.distinctRecords)} ` +
      `distinct advisories in ${whole(s.detailRequests)} requests: ` +
      (s.recordsSent === s.distinctRecords
        ? 'each advisory once'
        : `${whole(s.recordsSent - s.distinctRecords)} records sent more than once, ` +
          `${whole(s.resentForVersions)} of them because /v1/query sends every advisory of its ` +
          `pin and the run asked about several versions of one package`),
    `per project instead: ${(separate.requests / single.requests).toFixed(1)}x the requests and ` +
      `${(separate.wallMs / single.wallMs).toFixed(1)}x the time with cold caches, ` +
      `${(shared.requests / single.requests).toFixed(1)}x and ` +
      `${(shared.wallMs / single.wallMs).toFixed(1)}x sharing one cache`
  )
  console.log(`\n${lines.join('\n')}`)
}

try {
  await offline()
  await online()
} finally {
  if (values.keep) console.log(`\nthe generated repository is kept in ${monorepo}`)
  else rmSync(work, { recursive: true, force: true })
}
console.log(`\nfinished in ${((performance.now() - started) / 1000).toFixed(0)} s`)

/** Versions of synthetic packages: 1.0 to 1.9 (affected) and 2.0 (fixed). */
function syntheticVersions(records: readonly OsvRecord[]): Map<string, Set<string>> {
  const names = new Set(records.flatMap(record => record.affected ?? []).map(a => a.package!.name))
  const all = ['1.0', '1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7', '1.8', '1.9', '2.0']
  return new Map([...names].map(name => [name, new Set(all)]))
}
