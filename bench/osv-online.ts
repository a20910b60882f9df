/**
 * Online OSV lookups on loopback with a modelled network delay: OsvApiFeed (one batch
 * query, then full records with bounded concurrency) against what pip-audit does (one
 * POST /v1/query per package, in sequence). Run: npx tsx bench/osv-online.ts [--latency 50]
 * [--count 200] [--runs 3] [--synthetic]
 */
import { parseArgs } from 'node:util'
import type { OsvRecord } from '../src/advisories/osv.js'
import { OsvApiFeed, type DetailStrategy } from '../src/advisories/osv-api.js'
import { sequentialQueries as sequentialQueriesOf } from './support/baseline.js'
import { loadSeed, startSeededOsvServer, type Seed } from './support/osv-seed.js'

interface Row {
  method: string
  wallMs: number
  requests: number
  breakdown: string
  findings: number
}

const { values } = parseArgs({
  options: {
    latency: { type: 'string', default: '50' },
    count: { type: 'string', default: '200' },
    runs: { type: 'string', default: '3' },
    synthetic: { type: 'boolean', default: false }
  }
})
const latencyMs = Number(values.latency)
const runs = Number(values.runs)

/** Median wall time over `runs` fresh servers; request counts come from the last run. */
async function measure(
  seed: Seed,
  method: string,
  run: (url: string) => Promise<OsvRecord[][]>
): Promise<Row> {
  const times: number[] = []
  let row: Row | undefined
  for (let i = 0; i < runs; i++) {
    const { server, url } = await startSeededOsvServer({ latencyMs, seed })
    const started = performance.now()
    const result = await run(url)
    times.push(performance.now() - started)
    await server.close()
    const { querybatch, query, vulns } = server.counts
    const breakdown = `batch ${querybatch}, query ${query}, vulns ${vulns}; ${server.connections} conn`
    const findings = result.reduce((sum, records) => sum + records.length, 0)
    row = { method, wallMs: 0, requests: server.totalRequests, breakdown, findings }
  }
  times.sort((a, b) => a - b)
  return { ...(row as Row), wallMs: times[Math.floor(times.length / 2)] as number }
}

function viaFeed(strategy: DetailStrategy, concurrency: number) {
  return async (url: string) => {
    const feed = new OsvApiFeed({ baseUrl: url, detailStrategy: strategy, concurrency })
    try {
      return await feed.lookup(seed.pins)
    } finally {
      await feed.close()
    }
  }
}

function sequentialQueries(url: string): Promise<OsvRecord[][]> {
  return sequentialQueriesOf(url, seed.pins)
}

const seed = loadSeed({ count: Number(values.count), synthetic: values.synthetic })
const affected = seed.pins.filter(pin => seed.resolver(pin.name, pin.version).length > 0).length
console.log(`${seed.pins.length} pins (${affected} affected) from ${seed.source}`)
console.log(`${latencyMs} ms added per request, median of ${runs} runs\n`)

const rows = [
  await measure(seed, 'OsvApiFeed auto, 16 in flight', viaFeed('auto', 16)),
  await measure(seed, 'OsvApiFeed by-package, 16', viaFeed('by-package', 16)),
  await measure(seed, 'OsvApiFeed by-id, 16', viaFeed('by-id', 16)),
  await measure(seed, 'OsvApiFeed auto, 32 in flight', viaFeed('auto', 32)),
  await measure(seed, 'sequential /v1/query (pip-audit)', sequentialQueries)
]
const baseline = rows[rows.length - 1] as Row
const findings = new Set(rows.map(row => row.findings))
if (findings.size !== 1) throw new Error(`methods disagree on findings: ${[...findings]}`)

console.log(
  [
    'method'.padEnd(34),
    'wall ms'.padStart(8),
    'requests'.padStart(9),
    'x faster'.padStart(9),
    '  detail'
  ].join('')
)
for (const row of rows) {
  const ratio = (baseline.wallMs / row.wallMs).toFixed(1)
  console.log(
    row.method.padEnd(34) +
      row.wallMs.toFixed(0).padStart(8) +
      String(row.requests).padStart(9) +
      ratio.padStart(9) +
      `  ${row.breakdown}`
  )
}
console.log(`\n${baseline.findings} findings (withdrawn dropped), the same for every method`)
