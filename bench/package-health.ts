/**
 * What package checks add to a run: the whole process (src/ bundled with esbuild into a temp
 * folder, as ncc makes dist/index.js; or --bundle dist/index.js) on 200 pins against an OSV
 * API on loopback and a PEP 691 index on loopback, each answering after 50 ms. The index is
 * served over HTTPS with HTTP/2 as PyPI is, and over HTTPS with HTTP/1.1 only for comparison;
 * its certificate is the tests' (fixtures/tls/, trusted through NODE_EXTRA_CA_CERTS, given to
 * every run alike since it slows Node's start). Two sets of pins: none with advisories (the
 * advisory lookup is one querybatch, so the index alone could make the run longer) and 65% at
 * an affected version (the lookup fetches records, which the index lookup runs beside).
 *
 * OSV is reached as osv.dev is, over HTTPS with HTTP/2 (`--osv h2`, a TLS front from
 * support/tls-front.ts, in this process), so that "off" loads and pays for TLS and HTTP/2 as a
 * real run does, and "on" is charged only for what the index adds; `--osv plain` is the
 * stand-in over plain HTTP/1.1, where "on" also pays for loading TLS and HTTP/2 at all.
 *
 * Per set: package checks off, and on with a cold and a warm cache directory (the warm one
 * filled by a run first: the advisory records and the index answers, which a warm run
 * revalidates with one conditional request each). Each "on" is compared with "off" of the
 * same bundle, OSV transport and cache state. Median wall and CPU time (GNU time, user +
 * system) of interleaved rounds, and the requests each server saw (index: 200s and 304s, and
 * its TLS connections by protocol). Several bundles (`--bundle a.js,b.js`) are run
 * interleaved, round by round.
 *
 * The index's pages are minimal by default (one wheel a release, with a filename, a URL and a
 * digest: ~9 KB a page). `--pages pypi` writes them as PyPI does: every field PyPI gives a file
 * (metadata digests, size, upload time, provenance), and as many files a release as PyPI's
 * own hashed requirements have (median 2, mean 10; ../shared/realworld), ~350 KB a page. It
 * serves them gzipped to a client that asks, as PyPI does.
 *
 * Run: npx tsx bench/package-health.ts [--bundle a.js,b.js] [--runs 7] [--latency 50]
 *   [--count 200] [--node path/to/node] [--profile dir] [--osv h2,plain] [--index h2,h1]
 *   [--pins clean,advisories] [--cache cold,warm] [--pages minimal|pypi] [--index-streams 100]
 *   [--render-per-request]
 *
 * With --profile, the profiles are named by the order of the runs: the warm caches are filled
 * first (one run per warm case), then each round runs the cases in the order of the table.
 */
import { spawn, spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { Worker } from 'node:worker_threads'
import { gunzipSync } from 'node:zlib'
import type { PackageVersion } from '../src/advisories/osv.js'
import { lookUpPackageIndexes } from '../src/health/look-up.js'
import { DEFAULT_MAX_RESPONSE_BYTES } from '../src/net/client-setup.js'
import { decodeBody } from '../src/net/content-encoding.js'
import { Pep691Server } from '../__tests__/health/pep691-server.js'
import { OsvServer } from '../__tests__/support/osv-server.js'
import { TEST_CA, TEST_CA_FILE } from '../__tests__/support/tls-server.js'
import { loadDatabase, namedVersions, seedFromRecords } from './support/osv-seed.js'
import { startTlsFront } from './support/tls-front.js'
import { drawPins, requirementsText } from './support/pins.js'
import { realFilesPerRelease } from './support/release-files.js'
import { bundleSources } from './support/esbuild-bundle.js'

const REPO_ROOT = path.resolve(import.meta.dirname, '..')
const GNU_TIME = '/usr/bin/time'
const { values } = parseArgs({
  options: {
    bundle: { type: 'string' },
    runs: { type: 'string', default: '7' },
    latency: { type: 'string', default: '50' },
    count: { type: 'string', default: '200' },
    /** The Node binary the runs use (this one's by default). */
    node: { type: 'string', default: process.execPath },
    /** A folder for a V8 CPU profile of every measured run (--cpu-prof). */
    profile: { type: 'string' },
    /** How the runs reach OSV: h2 (HTTPS, as osv.dev), plain (HTTP/1.1), or both. */
    osv: { type: 'string', default: 'h2,plain' },
    /** The index's protocols: h2 (as PyPI), h1 (HTTPS, HTTP/1.1 only), or both. */
    index: { type: 'string', default: 'h2,h1' },
    /** Which pin sets to run: clean (no advisories), advisories, or both. */
    pins: { type: 'string', default: 'clean,advisories' },
    /** Which cache states to run: cold, warm, or both. */
    cache: { type: 'string', default: 'cold,warm' },
    /** The index stand-in writes each page when asked (as before 2026-12-06), not ahead. */
    'render-per-request': { type: 'boolean', default: false },
    /**
     * The index's pages: minimal (one wheel a release: a filename, a URL, a digest) or pypi
     * (as PyPI writes them: every field of a file, and as many files a release as PyPI's own
     * hashed requirements have, drawn per project; ../shared/realworld).
     */
    pages: { type: 'string', default: 'minimal' },
    /**
     * The h2 index's SETTINGS_MAX_CONCURRENT_STREAMS (100 is the usual default of servers and
     * CDNs; PyPI's is not known here). Unset: Node's, no limit to speak of.
     */
    'index-streams': { type: 'string' }
  }
})
const indexStreams = values['index-streams']
  ? { maxConcurrentStreams: Number(values['index-streams']) }
  : {}
const latencyMs = Number(values.latency)
const runs = Number(values.runs)
const count = Number(values.count)
const work = mkdtempSync(path.join(tmpdir(), 'pyaudit-bench-health-'))
const bundles = values.bundle
  ? values.bundle.split(',').map(file => path.resolve(file))
  : [await bundleSources(REPO_ROOT, work)]
type OsvTransport = 'h2' | 'plain'
const osvTransports = values.osv.split(',') as OsvTransport[]
if (!osvTransports.every(t => t === 'h2' || t === 'plain')) throw new Error('--osv h2,plain')
// The CA file is copied next to the runs: the child reads it at every start.
const caFile = path.join(work, 'ca.pem')
cpSync(TEST_CA_FILE, caFile)

const database = loadDatabase()
if (!database.real) console.log('(../shared/osv-pypi is absent: synthetic advisories)')

interface PinSet {
  label: string
  pins: PackageVersion[]
  requirements: string
  osv: OsvServer
  osvUrl: Record<OsvTransport, string>
}

async function pinSet(label: string, vulnerable: number, file: string): Promise<PinSet> {
  const drawn = drawPins(database.records, count, {
    vulnerable,
    advisedClean: vulnerable === 0 ? 0.5 : 0.1,
    weighting: 'advisories'
  })
  const seed = seedFromRecords(database.records, drawn.pins, database.source)
  const requirements = path.join(work, file)
  writeFileSync(requirements, requirementsText(drawn.pins))
  const osv = new OsvServer(seed.resolver, {
    latencyMs,
    byId: seed.byId,
    packageRecords: seed.packageRecords
  })
  const plain = await osv.start()
  const front = await startTlsFront(plain, { http2: true })
  fronts.push(front)
  return { label, pins: drawn.pins, requirements, osv, osvUrl: { plain, h2: front.url } }
}

const fronts: Array<{ close(): Promise<void> }> = []
const pinSets = values.pins.split(',')
if (!pinSets.every(p => p === 'clean' || p === 'advisories'))
  throw new Error('--pins clean,advisories')
const cacheStates = values.cache.split(',') as Array<'cold' | 'warm'>
if (!cacheStates.every(c => c === 'cold' || c === 'warm')) throw new Error('--cache cold,warm')
const sets = [
  ...(pinSets.includes('clean') ? [await pinSet('no advisories', 0, 'clean.txt')] : []),
  ...(pinSets.includes('advisories') ? [await pinSet('advisories', 0.65, 'heavy.txt')] : [])
]
const allIndexes = {
  h2: () => Pep691Server.start({ latencyMs, ...indexStreams }),
  'h1 (TLS)': () => Pep691Server.start({ latencyMs, http2: false })
}
const indexes: Partial<Record<keyof typeof allIndexes, Pep691Server>> = {}
for (const name of values.index.split(',')) {
  const key = name === 'h1' ? 'h1 (TLS)' : name
  if (key !== 'h2' && key !== 'h1 (TLS)') throw new Error('--index h2,h1')
  indexes[key] = await allIndexes[key]()
}
// Every version the advisories name is on the index too (as on PyPI), so the recommended
// upgrades the package checks confirm against the index's version lists are there.
const released = namedVersions(database.records)
if (values.pages !== 'minimal' && values.pages !== 'pypi') throw new Error('--pages minimal|pypi')
const filesPerRelease = values.pages === 'pypi' ? realFilesPerRelease() : undefined
if (values.pages === 'pypi' && !filesPerRelease) {
  throw new Error('--pages pypi needs ../shared/realworld/warehouse-hashed (files per release)')
}
let etag = 0
let drawn = 0
for (const set of sets) {
  for (const pin of set.pins) {
    const name = normalize(pin.name)
    const versions = Object.fromEntries(
      [...(released.get(name) ?? []), pin.version].map(version => [version, false as const])
    )
    // Drawn in turn, every 37th (prime to the sample's size): big and small projects mix.
    const files = filesPerRelease?.[(drawn++ * 37) % filesPerRelease.length]
    for (const index of Object.values(indexes)) {
      index.projects.set(name, {
        versions,
        etag: `"${++etag}"`,
        ...(files === undefined ? {} : { filesPerRelease: files })
      })
    }
  }
}
// The pages are written once, as PyPI's CDN serves them: the stand-in runs in this process,
// on the cores the measured run uses, and writing 200 pages per run there held the run's
// last pages back (the run waited for the stand-in, not for its own reading).
if (!values['render-per-request']) for (const index of Object.values(indexes)) index.prerender()
const pageBytes = Object.values(indexes)[0]?.prerenderedBytes ?? { plain: 0, gzipped: 0 }

interface Run {
  ms: number
  cpuMs: number
  osvRequests: number
  index: { ok: number; notModified: number; h2: number; h1: number }
}

type IndexName = keyof typeof allIndexes

async function runCli(
  bundle: string,
  set: PinSet,
  osv: OsvTransport,
  index: IndexName | undefined,
  cacheDir: string
): Promise<Run> {
  const osvBefore = set.osv.totalRequests
  const served = index ? indexes[index] : undefined
  const logBefore = served?.log.length ?? 0
  const connectionsBefore = served ? { ...served.server.counts.connections } : undefined
  const args = [bundle, '--osv-url', set.osvUrl[osv], '--cache-dir', cacheDir]
  args.push('--no-fail-on-vulnerability', '--fail-on-package-status', '')
  args.push(...(served ? ['--index-url', served.indexUrl] : ['--package-checks', 'false']))
  const profile = values.profile
    ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(values.profile)]
    : []
  const report = path.join(work, 'report.json')
  // A run that crashed may exit 1 as a run with findings does: its report tells them apart.
  rmSync(report, { force: true })
  const command = [values.node, ...profile, ...args, '--report', report]
  command.push(set.requirements)
  if (existsSync(GNU_TIME)) command.unshift(GNU_TIME, '-f', 'PYAUDIT_BENCH_CPU_S=%U+%S')
  const started = performance.now()
  const child = spawn(command[0]!, command.slice(1), {
    cwd: work,
    env: { PATH: process.env.PATH, HOME: work, NODE_EXTRA_CA_CERTS: caFile },
    stdio: ['ignore', 'ignore', 'pipe']
  })
  let stderr = ''
  child.stderr.on('data', chunk => (stderr += chunk))
  const status = await new Promise<number | null>(resolve => child.on('close', resolve))
  const ms = performance.now() - started
  if (status !== 0 && status !== 1) throw new Error(`pyaudit exited ${status}: ${stderr}`)
  const result = existsSync(report)
    ? (readJson(report) as { summary?: { result?: unknown } }).summary?.result
    : undefined
  if (result !== 'pass' && result !== 'fail') {
    throw new Error(`pyaudit's report says ${String(result ?? 'nothing')}: ${stderr}`)
  }
  const cpu = /PYAUDIT_BENCH_CPU_S=([\d.]+)\+([\d.]+)/.exec(stderr)
  const log = served ? served.log.slice(logBefore) : []
  const connections = served?.server.counts.connections
  return {
    ms,
    cpuMs: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : NaN,
    osvRequests: set.osv.totalRequests - osvBefore,
    index: {
      ok: log.filter(entry => entry.status === 200).length,
      notModified: log.filter(entry => entry.status === 304).length,
      h2: connections ? connections.h2 - connectionsBefore!.h2 : 0,
      h1: connections ? connections['http/1.1'] - connectionsBefore!['http/1.1'] : 0
    }
  }
}

/** Every case of a round: checks off, or on with an index, each cold and warm. */
interface Case {
  bundle: string
  set: PinSet
  osv: OsvTransport
  index: IndexName | undefined
  cache: 'cold' | 'warm'
  warmDir: string
  results: Run[]
}
const cases: Case[] = []
for (const set of sets) {
  for (const osv of osvTransports) {
    // Over plain HTTP the index is measured over HTTP/2 only: the row shows what loading TLS
    // and HTTP/2 costs a run that would not load them otherwise.
    const over = osv === 'plain' && osvTransports.length > 1 ? (['h2'] as const) : undefined
    const names = (Object.keys(indexes) as IndexName[]).filter(n => !over || n === 'h2')
    for (const index of [undefined, ...names]) {
      for (const cache of cacheStates) {
        for (const bundle of bundles) {
          const warmDir = mkdtempSync(path.join(work, 'warm-'))
          cases.push({ bundle, set, osv, index, cache, warmDir, results: [] })
        }
      }
    }
  }
}
console.log(
  `${count} pins per set, ${latencyMs} ms per request (OSV and index); ${runs} interleaved ` +
    `rounds of ${cases.length} runs; Node ${nodeVersion(values.node)}; ` +
    bundles.map((file, b) => `bundle ${b + 1}: ${file}`).join(', ') +
    `\nIndex pages: ${values.pages}, ${(pageBytes.plain / 1e6).toFixed(1)} MB for every pin of ` +
    `the sets (${(pageBytes.gzipped / 1e6).toFixed(1)} MB gzipped, as sent to a client asking so)`
)
for (const each of cases) {
  if (each.cache === 'warm') await runCli(each.bundle, each.set, each.osv, each.index, each.warmDir)
}
const loads: number[] = []
for (let round = 0; round < runs; round++) {
  loads.push(loadavg()[0]!)
  for (const each of cases) {
    const dir = each.cache === 'warm' ? each.warmDir : mkdtempSync(path.join(work, 'cold-'))
    each.results.push(await runCli(each.bundle, each.set, each.osv, each.index, dir))
  }
}
// The index lookup alone, in this process (client and index server both: CPU is both
// sides'), on the no-advisories set: what the package checks wait for, without the checks.
const alone: string[] = []
for (const name of Object.keys(indexes) as IndexName[]) {
  const index = indexes[name]!
  const queries = sets[0]!.pins.map(pin => ({ name: normalize(pin.name), versions: [pin.version] }))
  const cacheDir = mkdtempSync(path.join(work, 'alone-'))
  for (const cache of ['cold', 'warm', 'warm', 'warm'] as const) {
    const cpu = process.cpuUsage()
    const started = performance.now()
    await lookUpPackageIndexes(queries, {
      indexUrl: index.indexUrl,
      extraCaCerts: TEST_CA,
      cacheDir
    })
    const used = process.cpuUsage(cpu)
    alone.push(
      `| ${name} | ${cache} | ${(performance.now() - started).toFixed(0)} | ` +
        `${((used.user + used.system) / 1000).toFixed(0)} |`
    )
  }
}
// What a cold run cannot avoid: every page inflated, decoded and parsed, nothing else (no
// transport, no checks). Its sum is one core's time; spread over every core, its share each.
const floorPages = Object.values(indexes)[0]?.prerenderedPages ?? []
const floor = pageReadingFloor(floorPages)
const spread = floorPages.length > 0 ? await spreadReading(floorPages) : undefined
loads.push(loadavg()[0]!)
await Promise.all([
  ...sets.map(set => set.osv.close()),
  ...fronts.map(front => front.close()),
  ...Object.values(indexes).map(i => i.close())
])

console.log(
  `\nmedians; load average ${Math.min(...loads).toFixed(2)}-${Math.max(...loads).toFixed(2)}` +
    ` while measuring\n`
)
const header = [
  ...(bundles.length > 1 ? ['bundle'] : []),
  'pins',
  'OSV',
  'package checks',
  'cache',
  'wall ms',
  'range',
  'cpu ms',
  'vs off',
  'OSV req',
  'index 200/304',
  'TLS conns'
]
console.log(`| ${header.join(' | ')} |\n|${header.map(() => ' --- ').join('|')}|`)
for (const each of cases) {
  const times = each.results.map(run => run.ms)
  const off = cases.find(
    c =>
      c.bundle === each.bundle &&
      c.set === each.set &&
      c.osv === each.osv &&
      c.index === undefined &&
      c.cache === each.cache
  )!
  const delta = median(times) - median(off.results.map(run => run.ms))
  const last = each.results.at(-1)!
  const row = [
    ...(bundles.length > 1 ? [String(bundles.indexOf(each.bundle) + 1)] : []),
    each.set.label,
    each.osv === 'h2' ? 'HTTPS, h2' : 'plain HTTP/1.1',
    each.index ? `on, ${each.index}` : 'off',
    each.cache,
    median(times).toFixed(0),
    `${Math.min(...times).toFixed(0)}-${Math.max(...times).toFixed(0)}`,
    median(each.results.map(run => run.cpuMs)).toFixed(0),
    each.index ? `${delta >= 0 ? '+' : ''}${delta.toFixed(0)} ms` : '',
    String(last.osvRequests),
    each.index ? `${last.index.ok}/${last.index.notModified}` : '',
    each.index ? `${last.index.h2} h2, ${last.index.h1} h1` : ''
  ]
  console.log(`| ${row.join(' | ')} |`)
}
console.log(
  `\nThe index lookup alone, in-process, ${count} names, ${latencyMs} ms per request:\n` +
    `| index | cache | wall ms | cpu ms (client and server) |\n| --- | --- | --- | --- |\n` +
    alone.join('\n')
)
if (pageBytes.plain > 0)
  console.log(
    `\nReading the ${count} pages and nothing else, in this process (Node ${process.versions.node}), one thread, ` +
      `median of 5 ` +
      `(${(pageBytes.plain / 1e6).toFixed(1)} MB, ${(pageBytes.gzipped / 1e6).toFixed(1)} MB ` +
      `gzipped):\n| step | ms |\n| --- | --- |\n` +
      `| inflate | ${floor.inflate.toFixed(0)} |\n| decode to text | ${floor.decode.toFixed(0)} |\n` +
      `| JSON.parse | ${floor.parse.toFixed(0)} |\n| sum, one core | ${floor.sum.toFixed(0)} |\n` +
      `| spread over ${availableParallelism()} cores, at best | ` +
      `${(floor.sum / availableParallelism()).toFixed(0)} |\n` +
      `A cold run reads every page whole; the bound is one round trip, ${latencyMs} ms.`
  )
if (spread) {
  console.log(
    `\nThe same reading, all pages at once, wall ms (median of 5): as the lookup does it ` +
      `(decodeBody: inflated on libuv's pool, parsed here) ${spread.lookup.toFixed(0)}; ` +
      spread.workers
        .map(([threads, ms]) => `on ${threads} worker thread(s), started included ${ms.toFixed(0)}`)
        .join('; ')
  )
}
rmSync(work, { recursive: true, force: true })

/**
 * Every page read at once, as the lookup reads them (the baseline), then spread over worker
 * threads that each inflate and parse a share and send back a count: what moving the reading
 * off the main thread could gain on this machine's cores, before any transport.
 */
async function spreadReading(
  pages: ReadonlyArray<{ gzipped: Buffer }>
): Promise<{ lookup: number; workers: Array<[number, number]> }> {
  const readAll = async (): Promise<void> => {
    await Promise.all(
      pages.map(async page => {
        const decoded = await decodeBody(page.gzipped, 'gzip', DEFAULT_MAX_RESPONSE_BYTES)
        if (!decoded.ok) throw new Error(decoded.failure.description)
        JSON.parse(decoded.text)
      })
    )
  }
  const source = `
    const { parentPort } = require('node:worker_threads')
    const { gunzipSync } = require('node:zlib')
    parentPort.on('message', ({ id, bytes }) => {
      const page = JSON.parse(gunzipSync(bytes).toString())
      parentPort.postMessage({ id, files: page.files.length })
    })`
  const onThreads = async (count: number): Promise<void> => {
    const workers = Array.from({ length: count }, () => new Worker(source, { eval: true }))
    const waiting = new Map<number, () => void>()
    for (const worker of workers) {
      worker.on('message', ({ id }: { id: number }) => waiting.get(id)!())
    }
    await Promise.all(
      pages.map(
        (page, id) =>
          new Promise<void>(resolve => {
            waiting.set(id, resolve)
            workers[id % count]!.postMessage({ id, bytes: page.gzipped })
          })
      )
    )
    await Promise.all(workers.map(worker => worker.terminate()))
  }
  const timed = async (work: () => Promise<void>): Promise<number> => {
    const times: number[] = []
    for (let round = 0; round < 5; round++) {
      const started = performance.now()
      await work()
      times.push(performance.now() - started)
    }
    return median(times)
  }
  const lookup = await timed(readAll)
  const workers: Array<[number, number]> = []
  for (const count of [1, 2, availableParallelism() + 1]) {
    workers.push([count, await timed(() => onThreads(count))])
  }
  return { lookup, workers }
}

function pageReadingFloor(pages: ReadonlyArray<{ gzipped: Buffer }>): {
  inflate: number
  decode: number
  parse: number
  sum: number
} {
  const rounds: Array<{ inflate: number; decode: number; parse: number }> = []
  for (let round = 0; round < 5; round++) {
    let started = performance.now()
    const plain = pages.map(page => gunzipSync(page.gzipped))
    const inflate = performance.now() - started
    started = performance.now()
    const texts = plain.map(bytes => bytes.toString())
    const decode = performance.now() - started
    started = performance.now()
    let keys = 0
    for (const text of texts) keys += Object.keys(JSON.parse(text) as object).length
    const parse = performance.now() - started
    if (pages.length > 0 && keys === 0) throw new Error('the pages parsed to nothing')
    rounds.push({ inflate, decode, parse })
  }
  const inflate = median(rounds.map(r => r.inflate))
  const decode = median(rounds.map(r => r.decode))
  const parse = median(rounds.map(r => r.parse))
  return { inflate, decode, parse, sum: inflate + decode + parse }
}

function median(list: readonly number[]): number {
  const sorted = [...list].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? NaN
}

function nodeVersion(node: string): string {
  return spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim().slice(1)
}

function normalize(name: string): string {
  return name.replace(/[-_.]+/g, '-').toLowerCase()
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'))
}
