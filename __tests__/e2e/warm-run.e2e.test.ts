/**
 * The whole engine twice over one advisory cache, against the OSV stand-in: the warm run asks
 * one querybatch (which also asks about the upgrades verified last time), reads its records
 * ahead, takes those upgrades, and reports exactly what the cold run reported.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import * as fs from 'node:fs/promises'
import * as os from 'node:os'
import * as path from 'node:path'
import type { OsvRecord } from '../../src/advisories/osv.js'
import { recordsFingerprint } from '../../src/advisories/upgrade.js'
import { parseConfig } from '../../src/config/config.js'
import { runAudit } from '../../src/pipeline/run-audit.js'
import { silentLogger } from '../../src/shared/log.js'
import { OsvServer } from '../support/osv-server.js'
import { readPackFile } from '../support/record-pack.js'
import { TESTS_DIR } from '../support/paths.js'

const RECORDS = path.resolve(TESTS_DIR, 'fixtures', 'osv', 'records')
/** Real PYSEC records, see fixtures/osv/README.md. */
const record = (id: string): OsvRecord =>
  JSON.parse(readFileSync(path.join(RECORDS, `${id}.json`), 'utf8')) as OsvRecord

const DATABASE = new Map<string, OsvRecord[]>([
  ['requests 2.19.0', [record('PYSEC-2018-28'), record('PYSEC-2023-74')]],
  ['pyyaml 5.3', [record('PYSEC-2020-96'), record('PYSEC-2021-142')]]
])

let work: string
let server: OsvServer
let url: string

beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'pyaudit-warm-'))
  await fs.writeFile(
    path.join(work, 'requirements.txt'),
    'requests==2.19.0\npyyaml==5.3\nidna==3.7\n'
  )
  server = new OsvServer((name, version) => DATABASE.get(`${name} ${version}`) ?? [], {
    latencyMs: 30,
    packageRecords: name =>
      [...DATABASE].flatMap(([pin, records]) => (pin.startsWith(`${name} `) ? records : []))
  })
  url = await server.start()
})

afterAll(async () => {
  await server.close()
  await fs.rm(work, { recursive: true, force: true })
})

async function run() {
  const inputs = new Map([
    ['osv-url', url],
    ['cache-dir', path.join(work, 'cache')],
    ['paths', 'requirements.txt'],
    ['package-checks', 'false']
  ])
  const config = parseConfig(name => inputs.get(name) ?? '', { cwd: work, env: {} }, 'cli')
  const before = { ...server.counts }
  const { outcome } = await runAudit(config, silentLogger, { env: process.env })
  const requests = {
    querybatch: server.counts.querybatch - before.querybatch,
    query: server.counts.query - before.query,
    vulns: server.counts.vulns - before.vulns
  }
  return { outcome, requests }
}

test('a warm run asks only the querybatch and reports what the cold run reported', async () => {
  const cold = await run()
  // Each package's advisories come whole (one /v1/query without a version), so its upgrade
  // is checked against all of them without a second querybatch (verify-upgrades.ts).
  expect(cold.requests).toEqual({ querybatch: 1, query: 2, vulns: 0 })
  expect(server.wholePackageQueries).toBe(2)
  const upgrades = cold.outcome.packages.map(pkg => [pkg.name, pkg.recommendedVersion])
  expect(upgrades).toEqual([
    ['requests', '2.31.0'],
    ['pyyaml', '5.4'],
    ['idna', undefined]
  ])

  const hints = readPackFile(path.join(work, 'cache')) as {
    pins: Record<string, { ids: string[]; advice?: [string, string | null] }>
  }
  expect(hints.pins['requests==2.19.0']).toEqual({
    ids: ['PYSEC-2018-28', 'PYSEC-2023-74'],
    advice: [recordsFingerprint(DATABASE.get('requests 2.19.0')!), '2.31.0']
  })
  expect(hints.pins['idna==3.7']).toEqual({ ids: [] })

  const warm = await run()
  expect(warm.requests).toEqual({ querybatch: 1, query: 0, vulns: 0 })
  // The one querybatch asked about the two pins and their verified upgrades together.
  expect(server.batchSizes.at(-1)).toBe(5)
  expect(warm.outcome.packages).toEqual(cold.outcome.packages)
})
