/**
 * What the advisory cache is not trusted for (issue 14, item 10): a directory other users can
 * write, a pack file they can write, and a record the cache says is withdrawn. See
 * docs/security.md, "The advisory cache on shared runners"; the whole-run forgeries (a lowered
 * score, a withdrawn record, a forged offline index) are in e2e/forged-cache.e2e.test.ts.
 */
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import {
  chmodSync,
  chownSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync
} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { OsvApiFeed } from '../../src/advisories/osv-api.js'
import type { OsvRecord, PackageVersion } from '../../src/advisories/osv.js'
import { DiskRecordCache } from '../../src/advisories/record-cache.js'
import type { Logger } from '../../src/shared/log.js'
import { OsvServer } from '../support/osv-server.js'
import { TESTS_DIR } from '../support/paths.js'
import { packFile, readPackFile, writePackFile } from '../support/record-pack.js'

const RECORDS = path.resolve(TESTS_DIR, 'fixtures', 'osv', 'records')
const record = (id: string): OsvRecord =>
  JSON.parse(readFileSync(path.join(RECORDS, `${id}.json`), 'utf8')) as OsvRecord
const PINS: PackageVersion[] = [
  { name: 'requests', version: '2.19.0' },
  { name: 'urllib3', version: '2.0.4' }
]
const DATABASE = new Map([
  ['requests 2.19.0', [record('PYSEC-2018-28'), record('PYSEC-2023-74')]],
  ['urllib3 2.0.4', [record('PYSEC-2023-192')]]
])
const posix = typeof process.getuid === 'function'
const root = posix && process.getuid!() === 0

let work: string
let server: OsvServer
let url: string

beforeEach(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'pyaudit-trust-'))
  server = new OsvServer((name, version) => DATABASE.get(`${name} ${version}`) ?? [])
  url = await server.start()
})

afterEach(async () => {
  await server.close()
  rmSync(work, { recursive: true, force: true })
})

function logged(): { logger: Logger; warnings: string[] } {
  const warnings: string[] = []
  return { logger: { debug() {}, info() {}, warning: m => void warnings.push(m) }, warnings }
}

/** One run over `cacheDir`: the records found, the cache, and what the server was asked. */
async function run(cacheDir: string, logger?: Logger) {
  const cache = new DiskRecordCache(cacheDir, { logger })
  const feed = new OsvApiFeed({ baseUrl: url, records: cache, retry: { attempts: 1 } })
  const before = { ...server.counts }
  try {
    const result = await feed.lookup(PINS)
    await cache.flush()
    const fetched = server.counts.query + server.counts.vulns - before.query - before.vulns
    return { result: result.map(records => records.map(held => held.id)), cache, fetched }
  } finally {
    await feed.close()
  }
}

const expected = [['PYSEC-2018-28', 'PYSEC-2023-74'], ['PYSEC-2023-192']]

const describePosix = posix ? describe : describe.skip
if (!posix) console.log('Skipping the ownership tests: no POSIX owners and modes here')

describePosix('a cache directory other users could write is not used', () => {
  test('the directory is created private to the user, and the pack readable by it alone', async () => {
    const cacheDir = path.join(work, 'new', 'cache')
    await run(cacheDir)
    expect(statSync(cacheDir).mode & 0o777).toBe(0o700)
    expect(readdirSync(cacheDir)).toEqual(['osv-records.pack'])
    expect(statSync(packFile(cacheDir)).mode & 0o777).toBe(0o600)
  })

  test.each([
    ['world-writable', 0o777],
    ['group-writable', 0o770],
    ['world-writable with the sticky bit', 0o1777]
  ])('a %s directory: a warning, and the run goes on without the cache', async (_what, mode) => {
    const cacheDir = path.join(work, 'shared')
    mkdirSync(cacheDir)
    chmodSync(cacheDir, mode)
    const { logger, warnings } = logged()
    const first = await run(cacheDir, logger)
    expect(first.result).toEqual(expected)
    expect(warnings).toEqual([
      expect.stringMatching(
        /^Advisory cache .*shared is not used: other users can write to it \(mode 77[07]\)/
      )
    ])
    expect(first.cache.changed).toBe(false)
    expect(readdirSync(cacheDir)).toEqual([])
    // Nothing read from it either: a second run fetches everything again.
    const second = await run(cacheDir, logger)
    expect(second.result).toEqual(expected)
    expect(second.fetched).toBe(first.fetched)
  })

  const asRoot = root ? test : test.skip
  asRoot('a directory that belongs to another user is not used', async () => {
    const cacheDir = path.join(work, 'theirs')
    mkdirSync(cacheDir, { mode: 0o755 })
    chownSync(cacheDir, 4242, 4242)
    const { logger, warnings } = logged()
    const first = await run(cacheDir, logger)
    expect(first.result).toEqual(expected)
    expect(warnings).toEqual([expect.stringMatching(/belongs to another user \(uid 4242\)/)])
    expect(readdirSync(cacheDir)).toEqual([])
  })

  test('a pack file other users can write is not read, and is replaced', async () => {
    const cacheDir = path.join(work, 'cache')
    const cold = await run(cacheDir)
    chmodSync(packFile(cacheDir), 0o666)
    const { logger, warnings } = logged()
    const warm = await run(cacheDir, logger)
    expect(warm.result).toEqual(expected)
    expect(warm.fetched).toBe(cold.fetched)
    expect(warnings).toEqual([
      expect.stringMatching(/osv-records\.pack is not read: other users can write/)
    ])
    expect(statSync(packFile(cacheDir)).mode & 0o777).toBe(0o600)
    expect((await run(cacheDir)).fetched).toBe(0)
  })
})

test('a cached record that says it is withdrawn is asked of the feed again', async () => {
  const cacheDir = path.join(work, 'cache')
  await run(cacheDir)
  const pack = readPackFile(cacheDir)
  const body = JSON.parse(pack.bodies.get('PYSEC-2023-192')!) as { record: OsvRecord }
  body.record.withdrawn = '2026-01-01T00:00:00Z'
  pack.bodies.set('PYSEC-2023-192', JSON.stringify(body))
  writePackFile(cacheDir, pack)

  const warm = await run(cacheDir)
  expect(warm.result).toEqual(expected)
  expect(warm.fetched).toBe(1)
  expect(warm.cache.stats).toMatchObject({ hits: 2, misses: 1, discarded: 1 })
})

test('a record the feed withdrew is never cached: each run asks the feed', async () => {
  const withdrawn = { ...record('PYSEC-2023-192'), withdrawn: '2026-01-01T00:00:00Z' }
  const cache = new DiskRecordCache(path.join(work, 'cache'))
  cache.put(withdrawn)
  await cache.flush()
  expect(cache.stats.written).toBe(0)
  expect(cache.get(withdrawn.id, withdrawn.modified)).toBeUndefined()
})
