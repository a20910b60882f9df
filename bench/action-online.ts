/**
 * The whole action process against the OSV API on loopback with a modelled network delay:
 * `node dist/index.js` (the bundle users run) as a child process, cold and with a warm
 * advisory cache, against pip-audit's one-query-per-package baseline run in this process.
 * Run: npm run build && npx tsx bench/action-online.ts [--latency 50] [--count 200] [--runs 3] [--synthetic]
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { sequentialQueries } from './support/baseline.js'
import { loadSeed, requirementsText, startSeededOsvServer } from './support/osv-seed.js'

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
const bundle = path.resolve(import.meta.dirname, '..', 'dist', 'index.js')
if (!existsSync(bundle)) throw new Error('dist/index.js is missing: run npm run build first')

const seed = loadSeed({ count: Number(values.count), synthetic: values.synthetic })
const work = mkdtempSync(path.join(tmpdir(), 'pyaudit-bench-'))
const requirements = path.join(work, 'requirements.txt')
writeFileSync(requirements, requirementsText(seed.pins))
const affected = seed.pins.filter(pin => seed.resolver(pin.name, pin.version).length > 0).length
console.log(
  `${seed.pins.length} pins (${affected} affected) from ${seed.source}; ${latencyMs} ms per request; median of ${runs}\n`
)

interface Row {
  name: string
  ms: number
  requests: number
}

async function measure(
  name: string,
  run: (url: string, attempt: number) => Promise<void>
): Promise<Row> {
  const times: number[] = []
  let requests = 0
  for (let attempt = 0; attempt < runs; attempt++) {
    const { server, url } = await startSeededOsvServer({ latencyMs, seed })
    const started = performance.now()
    await run(url, attempt)
    times.push(performance.now() - started)
    requests = server.totalRequests
    await server.close()
  }
  times.sort((a, b) => a - b)
  return { name, ms: times[Math.floor(times.length / 2)] ?? 0, requests }
}

/** Asynchronous on purpose: the OSV stand-in runs in this process and must keep answering. */
async function runBundle(url: string, cacheDir: string): Promise<void> {
  const child = spawn(
    process.execPath,
    // Package checks off: the baseline looks up advisories only, and PyPI is not reachable here.
    [
      bundle,
      '--osv-url',
      url,
      '--cache-dir',
      cacheDir,
      '--package-checks',
      'false',
      '--no-fail-on-vulnerability',
      requirements
    ],
    { env: { PATH: process.env.PATH, HOME: work } }
  )
  let stderr = ''
  child.stderr.on('data', chunk => (stderr += chunk))
  child.stdout.resume()
  const status = await new Promise<number | null>(resolve => child.on('close', resolve))
  // 1 means findings that fail (the real data has malware records); 2 is an error.
  if (status !== 0 && status !== 1) throw new Error(`pyaudit exited ${status}: ${stderr}`)
}

const rows: Row[] = []
rows.push(
  await measure('node dist/index.js, cold cache', async url => {
    const cacheDir = mkdtempSync(path.join(work, 'cold-'))
    await runBundle(url, cacheDir)
  })
)
const warmCache = mkdtempSync(path.join(work, 'warm-'))
{
  const { server, url } = await startSeededOsvServer({ latencyMs, seed })
  await runBundle(url, warmCache)
  await server.close()
}
rows.push(await measure('node dist/index.js, warm cache', url => runBundle(url, warmCache)))
rows.push(
  await measure('one /v1/query per package (pip-audit), in-process', async url => {
    await sequentialQueries(url, seed.pins)
  })
)

const baseline = rows[rows.length - 1] as Row
console.log(
  `${'case'.padEnd(52)}${'wall ms'.padStart(9)}${'requests'.padStart(10)}${'x faster'.padStart(10)}`
)
for (const row of rows) {
  console.log(
    `${row.name.padEnd(52)}${row.ms.toFixed(0).padStart(9)}${String(row.requests).padStart(10)}${(baseline.ms / row.ms).toFixed(1).padStart(10)}`
  )
}
rmSync(work, { recursive: true, force: true })
