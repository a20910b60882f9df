/**
 * The on-disk record cache: 200 pinned dependencies through the stand-in OSV API with a
 * modelled network delay, a cold run (empty cache), then warm runs (fresh feed and cache
 * objects over the same directory, as a new process would have), against the same lookup
 * without a cache and against pip-audit's sequential /v1/query per package.
 * Run: npx tsx bench/warm-cache.ts [--latency 50] [--count 200] [--runs 5] [--synthetic]
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import type { OsvRecord } from '../src/advisories/osv.js'
import { OsvApiFeed } from '../src/advisories/osv-api.js'
import { DiskRecordCache } from '../src/advisories/record-cache.js'
import { loadSeed, startSeededOsvServer, type Seed } from './support/osv-seed.js'
import { sequentialQueries } from './support/baseline.js'

const { values } = parseArgs({
  options: {
    latency: { type: 'string', default: '50' },
    count: { type: 'string', default: '200' },
    runs: { type: 'string', default: '5' },
    synthetic: { type: 'boolean', default: false }
  }
})
const latencyMs = Number(values.latency)
const runs = Number(values.runs)

interface Run {
  wallMs: number
  requests: string
  findings: number
  /** Time spent inside cache.get, and its hit count, when a cache was used. */
  cacheMs?: number
  hits?: number
  written?: number
}

/** One run against a fresh server (fresh counters) over the same seed. */
async function timed(seed: Seed, lookup: (url: string) => Promise<OsvRecord[][]>): Promise<Run> {
  const { server, url } = await startSeededOsvServer({ latencyMs, seed })
  const started = performance.now()
  const result = await lookup(url)
  const wallMs = performance.now() - started
  await server.close()
  const { querybatch, query, vulns } = server.counts
  return {
    wallMs,
    requests: `${server.totalRequests} (batch ${querybatch}, query ${query}, vulns ${vulns})`,
    findings: result.reduce((sum, records) => sum + records.length, 0)
  }
}

function withCache(seed: Seed, cacheDir: string, stats: Partial<Run>) {
  return async (url: string): Promise<OsvRecord[][]> => {
    const cache = new DiskRecordCache(cacheDir)
    let cacheMs = 0
    const get = cache.get.bind(cache)
    cache.get = (id, modified) => {
      const started = performance.now()
      const record = get(id, modified)
      cacheMs += performance.now() - started
      return record
    }
    const feed = new OsvApiFeed({ baseUrl: url, records: cache })
    try {
      const result = await feed.lookup(seed.pins)
      await cache.flush()
      Object.assign(stats, { cacheMs, hits: cache.stats.hits, written: cache.stats.written })
      return result
    } finally {
      await feed.close()
    }
  }
}

function withoutCache(seed: Seed) {
  return async (url: string): Promise<OsvRecord[][]> => {
    const feed = new OsvApiFeed({ baseUrl: url })
    try {
      return await feed.lookup(seed.pins)
    } finally {
      await feed.close()
    }
  }
}

/** pip-audit's way: one /v1/query per package, one after another, on one connection. */
function sequential(seed: Seed) {
  return (url: string): Promise<OsvRecord[][]> => sequentialQueries(url, seed.pins)
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] as number
}

const seed = loadSeed({ count: Number(values.count), synthetic: values.synthetic })
// Also fills the seed's memo, so no run pays the stand-in server's matching.
const affected = seed.pins.filter(pin => seed.resolver(pin.name, pin.version).length > 0).length
console.log(`${seed.pins.length} pins (${affected} affected) from ${seed.source}`)
console.log(`${latencyMs} ms added per request; warm and uncached: median of ${runs} runs\n`)

const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'pyaudit-bench-cache-'))
try {
  // One untimed run first: JIT and connection set-up costs are not the cache's.
  await timed(seed, withoutCache(seed))
  const coldStats: Partial<Run> = {}
  const cold = { ...(await timed(seed, withCache(seed, cacheDir, coldStats))), ...coldStats }
  const files = readdirSync(cacheDir)
  const warmRuns: Run[] = []
  for (let i = 0; i < runs; i++) {
    const stats: Partial<Run> = {}
    warmRuns.push({ ...(await timed(seed, withCache(seed, cacheDir, stats))), ...stats })
  }
  const warm = { ...(warmRuns.at(-1) as Run), wallMs: median(warmRuns.map(r => r.wallMs)) }
  warm.cacheMs = median(warmRuns.map(r => r.cacheMs ?? 0))
  const uncachedRuns: Run[] = []
  for (let i = 0; i < runs; i++) uncachedRuns.push(await timed(seed, withoutCache(seed)))
  const uncached = {
    ...(uncachedRuns.at(-1) as Run),
    wallMs: median(uncachedRuns.map(r => r.wallMs))
  }
  const baseline = await timed(seed, sequential(seed))

  const rows: [string, Run][] = [
    ['cold, disk cache (empty)', cold],
    ['warm, disk cache', warm],
    ['no cache', uncached],
    ['sequential /v1/query (pip-audit)', baseline]
  ]
  const findings = new Set(rows.map(([, row]) => row.findings))
  if (findings.size !== 1) throw new Error(`runs disagree on findings: ${[...findings]}`)
  console.log('method'.padEnd(34) + 'wall ms'.padStart(8) + 'x faster'.padStart(9) + '  requests')
  for (const [method, row] of rows) {
    const ratio = (baseline.wallMs / row.wallMs).toFixed(1)
    console.log(
      method.padEnd(34) +
        row.wallMs.toFixed(0).padStart(8) +
        ratio.padStart(9) +
        `  ${row.requests}`
    )
  }
  console.log(
    `\n${cold.written} records in ${files.length} file(s) after the cold run (${files.join(', ')}); ` +
      `a warm run read ${warm.hits} of them in ${warm.cacheMs?.toFixed(1)} ms (inside cache.get)`
  )
  console.log(`${baseline.findings} findings (withdrawn dropped), the same for every method`)
} finally {
  rmSync(cacheDir, { recursive: true, force: true })
}
