import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync
} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { OsvRecord, PackageVersion } from '../../src/advisories/osv.js'
import { OsvApiFeed } from '../../src/advisories/osv-api.js'
import { DiskRecordCache, defaultCacheDir } from '../../src/advisories/record-cache.js'
import { MAX_HINTED_PINS, MatchHints } from '../../src/advisories/match-hints.js'
import type { Logger } from '../../src/shared/log.js'
import { OsvServer } from '../support/osv-server.js'
import { TESTS_DIR } from '../support/paths.js'
import { packFile, readPackFile, writePackFile } from '../support/record-pack.js'

const RECORDS = path.resolve(TESTS_DIR, 'fixtures', 'osv', 'records')
/** Real PYSEC records, see fixtures/osv/README.md. */
const record = (id: string): OsvRecord =>
  JSON.parse(readFileSync(path.join(RECORDS, `${id}.json`), 'utf8')) as OsvRecord

const pin = (name: string, version: string): PackageVersion => ({ name, version })
const PINS = [pin('requests', '2.19.0'), pin('pyyaml', '5.3'), pin('urllib3', '2.0.4')]
const DAY = 24 * 60 * 60 * 1000

/** The advisory database behind the stand-in server; tests change `modified` dates in it. */
let database: Map<string, OsvRecord[]>
let cacheDir: string
let running: { server: OsvServer; feed: OsvApiFeed }[] = []

beforeEach(() => {
  database = new Map([
    ['requests 2.19.0', [record('PYSEC-2018-28'), record('PYSEC-2023-74')]],
    ['pyyaml 5.3', [record('PYSEC-2020-96'), record('PYSEC-2021-142')]],
    ['urllib3 2.0.4', [record('PYSEC-2023-192')]]
  ])
  cacheDir = mkdtempSync(path.join(os.tmpdir(), 'pyaudit-cache-'))
})

afterEach(async () => {
  await Promise.all(running.map(({ server, feed }) => feed.close().then(() => server.close())))
  running = []
  rmSync(cacheDir, { recursive: true, force: true })
})

/**
 * One run of the tool: a fresh feed and a fresh cache object over the same directory. The
 * server's latency leaves read-ahead the time it has on a real network.
 */
async function run(latencyMs = 0): Promise<{
  server: OsvServer
  cache: DiskRecordCache
  result: OsvRecord[][]
}> {
  const osv = new OsvServer((name, version) => database.get(`${name} ${version}`) ?? [], {
    latencyMs
  })
  const baseUrl = await osv.start()
  const cache = new DiskRecordCache(cacheDir)
  const feed = new OsvApiFeed({ baseUrl, records: cache, retry: { attempts: 1 } })
  running.push({ server: osv, feed })
  const result = await feed.lookup(PINS)
  await cache.flush()
  return { server: osv, cache, result }
}

/** The ids the pack holds, in its order. */
function packedIds(): string[] {
  return readPackFile(cacheDir).records.map(([id]) => id)
}

function update(id: string, modified: string): OsvRecord {
  const changed = { ...record(id), modified, summary: `updated ${modified}` }
  for (const [key, records] of database) {
    database.set(
      key,
      records.map(r => (r.id === id ? changed : r))
    )
  }
  return changed
}

const debugLines = (): { logger: Logger; lines: string[] } => {
  const lines: string[] = []
  const logger: Logger = { debug: m => void lines.push(m), info() {}, warning() {} }
  return { logger, lines }
}

describe('DiskRecordCache with the OSV API', () => {
  test('a warm run sends one querybatch and fetches no record', async () => {
    const cold = await run()
    expect(cold.server.counts).toEqual({ querybatch: 1, query: 2, vulns: 1, other: 0 })
    expect(cold.cache.stats).toMatchObject({ hits: 0, written: 5 })
    expect(cold.cache.changed).toBe(true)
    // One file for every record, not one file per record.
    expect(readdirSync(cacheDir)).toEqual(['osv-records.pack'])
    expect(packedIds().sort()).toEqual(
      ['PYSEC-2018-28', 'PYSEC-2020-96', 'PYSEC-2021-142', 'PYSEC-2023-192', 'PYSEC-2023-74'].sort()
    )

    const warm = await run()
    expect(warm.server.counts).toEqual({ querybatch: 1, query: 0, vulns: 0, other: 0 })
    expect(warm.result).toEqual(cold.result)
    expect(warm.cache.stats).toMatchObject({ hits: 5, misses: 0, discarded: 0, written: 0 })
    // Nothing new: nothing to save.
    expect(warm.cache.changed).toBe(false)
  })

  test('a changed modified date refetches exactly that record', async () => {
    await run()
    const changed = update('PYSEC-2020-96', '2026-08-01T00:00:00Z')
    const warm = await run()
    // pyyaml still has PYSEC-2021-142 cached, so one GET instead of a /v1/query.
    expect(warm.server.counts).toEqual({ querybatch: 1, query: 0, vulns: 1, other: 0 })
    expect(warm.result[1]).toEqual([changed, record('PYSEC-2021-142')])
    expect(warm.cache.stats).toMatchObject({ hits: 4, misses: 1, written: 1 })

    const third = await run()
    expect(third.server.counts).toMatchObject({ query: 0, vulns: 0 })
    expect(third.result[1]?.[0]).toEqual(changed)
    expect(packedIds()).toHaveLength(5)
  })

  test('when every record of a package changed, that package is queried once', async () => {
    await run()
    update('PYSEC-2018-28', '2026-08-01T00:00:00Z')
    update('PYSEC-2023-74', '2026-08-02T00:00:00Z')
    const warm = await run()
    expect(warm.server.counts).toEqual({ querybatch: 1, query: 1, vulns: 0, other: 0 })
    expect(warm.server.batchSizes).toEqual([3])
    expect(warm.result[0]?.map(r => r.modified)).toEqual([
      '2026-08-01T00:00:00Z',
      '2026-08-02T00:00:00Z'
    ])
  })

  test('a record that does not read back is dropped and fetched again', async () => {
    await run()
    const pack = readPackFile(cacheDir)
    const good = JSON.parse(pack.bodies.get('PYSEC-2020-96')!) as { record: OsvRecord }
    pack.bodies.set('PYSEC-2023-192', '{"record":{"id":"PYSEC-2023-192","mod') // cut off
    pack.bodies.set('PYSEC-2018-28', pack.bodies.get('PYSEC-2023-74')!) // another id
    const wrongShape = { ...good, record: { id: 'PYSEC-2020-96', modified: good.record.modified } }
    pack.bodies.set('PYSEC-2020-96', JSON.stringify({ ...wrongShape, entries: [0] }))
    writePackFile(cacheDir, pack)

    const warm = await run()
    expect(warm.cache.stats).toMatchObject({ hits: 2, misses: 3, discarded: 3, written: 3 })
    // Each package misses one record now: one GET each.
    expect(warm.server.counts).toEqual({ querybatch: 1, query: 0, vulns: 3, other: 0 })
    expect(warm.result[2]).toEqual([record('PYSEC-2023-192')])
    // Written again whole: the next run reads them all.
    const next = await run()
    expect(next.cache.stats).toMatchObject({ hits: 5, discarded: 0 })
  })

  test.each([
    ['cut short', (bytes: Buffer) => bytes.subarray(0, bytes.length - 100)],
    ['one byte too many', (bytes: Buffer) => Buffer.concat([bytes, Buffer.from(' ')])],
    ['a header that is not JSON', (bytes: Buffer) => Buffer.concat([Buffer.from('{"for'), bytes])],
    [
      'of another format',
      (bytes: Buffer) => Buffer.from(bytes.toString().replace('"format":4', '"format":3'))
    ],
    ['empty', () => Buffer.alloc(0)]
  ])('a pack %s is not read at all, and is replaced whole', async (_what, damage) => {
    const cold = await run()
    writeFileSync(packFile(cacheDir), damage(readFileSync(packFile(cacheDir))))
    const warm = await run()
    expect(warm.result).toEqual(cold.result)
    expect(warm.cache.stats).toMatchObject({ hits: 0, misses: 5, written: 5 })
    const next = await run()
    expect(next.cache.stats).toMatchObject({ hits: 5, misses: 0, discarded: 0 })
  })
})

describe('reading ahead while the querybatch is in flight', () => {
  const writeHints = (pins: Record<string, string[]>): void => {
    const pack = readPackFile(cacheDir)
    pack.pins = Object.fromEntries(Object.entries(pins).map(([key, ids]) => [key, { ids }]))
    writePackFile(cacheDir, pack)
  }

  test('a warm run has read every record it needs by the time the answer comes', async () => {
    const cold = await run(40)
    expect(cold.cache.stats.readAhead).toBe(0)
    expect(readPackFile(cacheDir).pins).toEqual({
      'requests==2.19.0': { ids: ['PYSEC-2018-28', 'PYSEC-2023-74'] },
      'pyyaml==5.3': { ids: ['PYSEC-2020-96', 'PYSEC-2021-142'] },
      'urllib3==2.0.4': { ids: ['PYSEC-2023-192'] }
    })
    const warm = await run(40)
    expect(warm.cache.stats).toEqual({ hits: 5, misses: 0, discarded: 0, written: 0, readAhead: 5 })
    expect(warm.result).toEqual(cold.result)
    // The same matches as last time: the pack is not rewritten, nothing to save.
    expect(warm.cache.changed).toBe(false)
  })

  test('wrong, forged or outdated hints cost time, never a finding', async () => {
    const cold = await run()
    // requests is hinted an id that is not its own, pyyaml one that is not cached, urllib3 a
    // path; PYSEC-2020-96 changes after it was cached.
    writeHints({
      'requests==2.19.0': ['PYSEC-2023-192', 'PYSEC-2018-28'],
      'pyyaml==5.3': ['PYSEC-1999-1', 'PYSEC-2020-96'],
      'urllib3==2.0.4': ['../../osv-records.pack']
    })
    const changed = update('PYSEC-2020-96', '2026-08-01T00:00:00Z')
    const warm = await run(40)
    expect(warm.result[0]).toEqual(cold.result[0])
    expect(warm.result[1]).toEqual([changed, record('PYSEC-2021-142')])
    expect(warm.result[2]).toEqual(cold.result[2])
    // Only the record that changed is fetched; what was read ahead for nothing is not used.
    expect(warm.server.counts).toEqual({ querybatch: 1, query: 0, vulns: 1, other: 0 })
    expect(warm.cache.stats).toMatchObject({ hits: 4, misses: 1, discarded: 0, readAhead: 2 })
    // The hints are put right for the next run.
    const next = await run(40)
    expect(next.cache.stats).toMatchObject({ hits: 5, misses: 0, readAhead: 5 })
  })

  test('damaged hints are ignored and replaced', async () => {
    const cold = await run()
    const damaged: unknown[] = [
      { 'requests==2.19.0': { ids: [1] } },
      { 'requests==2.19.0': { ids: [], advice: ['x'] } },
      { 'requests==2.19.0': ['PYSEC-2018-28'] },
      [],
      'pins'
    ]
    for (const pins of damaged) {
      const pack = readPackFile(cacheDir)
      pack.pins = pins
      writePackFile(cacheDir, pack)
      const warm = await run(20)
      expect(warm.result).toEqual(cold.result)
      expect(warm.cache.stats).toMatchObject({ hits: 5, readAhead: 0 })
      expect(warm.cache.changed).toBe(true)
      expect(readPackFile(cacheDir).pins).toMatchObject({
        'requests==2.19.0': { ids: ['PYSEC-2018-28', 'PYSEC-2023-74'] }
      })
    }
  })

  test('a record that does not read back, met while reading ahead, is fetched again', async () => {
    await run()
    const pack = readPackFile(cacheDir)
    pack.bodies.set('PYSEC-2023-192', '{')
    writePackFile(cacheDir, pack)
    const warm = await run(40)
    expect(warm.cache.stats).toMatchObject({ hits: 4, misses: 1, discarded: 1, readAhead: 4 })
    expect(warm.server.counts).toMatchObject({ vulns: 1 })
    expect(packedIds()).toHaveLength(5)
  })

  test('stopping read-ahead before it starts leaves every read to get', async () => {
    await run()
    const cache = new DiskRecordCache(cacheDir)
    const stop = cache.readAhead(PINS)
    stop()
    await new Promise(resolve => setImmediate(resolve))
    const requests = record('PYSEC-2018-28')
    expect(cache.get(requests.id, requests.modified)).toEqual(requests)
    expect(cache.stats).toMatchObject({ hits: 1, readAhead: 0 })
  })
})

describe('MatchHints', () => {
  test("keeps this run's pins first and drops the oldest beyond the cap", () => {
    const first = new MatchHints()
    const old = Array.from({ length: MAX_HINTED_PINS }, (_, i) => pin(`p${i}`, '1.0'))
    first.remember(
      old,
      old.map(() => ['X'])
    )
    const second = new MatchHints(first.toStored())
    second.remember([pin('new', '2.0')], [['Y']])
    expect(second.dirty).toBe(true)
    const kept = new MatchHints(second.toStored())
    expect(kept.idsFor([pin('new', '2.0')])).toEqual(['Y'])
    expect(kept.idsFor([pin('p0', '1.0')])).toEqual(['X'])
    // The last of the old pins made room for the new one.
    expect(kept.idsFor([pin(`p${MAX_HINTED_PINS - 1}`, '1.0')])).toEqual([])
  })

  test('keeps the upgrade advice of a pin while its matches stay the same', () => {
    const first = new MatchHints()
    first.remember([pin('a', '1')], [['X']])
    first.rememberAdvice(pin('a', '1'), 'fp1', '2.0')
    first.rememberAdvice(pin('b', '1'), 'fp2', null)
    const second = new MatchHints(JSON.parse(JSON.stringify(first.toStored())))
    expect(second.adviceFor(pin('a', '1'), 'fp1')).toBe('2.0')
    expect(second.adviceFor(pin('b', '1'), 'fp2')).toBeNull()
    // Other records, other answer: unknown.
    expect(second.adviceFor(pin('a', '1'), 'fp9')).toBeUndefined()
    second.remember([pin('a', '1'), pin('b', '1')], [['X'], ['Y']])
    expect(second.adviceFor(pin('a', '1'), 'fp1')).toBe('2.0')
    // b matched something new: what was worked out from its old records is dropped.
    expect(second.adviceFor(pin('b', '1'), 'fp2')).toBeUndefined()
  })

  test('learning nothing new leaves the hints unchanged', () => {
    const hints = new MatchHints()
    hints.remember([pin('a', '1')], [['X', 'Y']])
    const again = new MatchHints(hints.toStored())
    again.remember([pin('a', '1')], [['X', 'Y']])
    expect(again.dirty).toBe(false)
    again.remember([pin('a', '1')], [['Y']])
    expect(again.dirty).toBe(true)
  })

  test('merges what a concurrent run stored, after its own pins', () => {
    const mine = new MatchHints()
    mine.remember([pin('a', '1')], [['X']])
    const theirs = new MatchHints()
    theirs.remember([pin('a', '1'), pin('b', '1')], [['Z'], ['Y']])
    const merged = new MatchHints(mine.toStored(theirs.toStored()))
    expect(merged.idsFor([pin('a', '1')])).toEqual(['X'])
    expect(merged.idsFor([pin('b', '1')])).toEqual(['Y'])
  })
})

describe('DiskRecordCache on its own', () => {
  const requests = record('PYSEC-2018-28')

  test('answers only for the stored modified date', async () => {
    const cache = new DiskRecordCache(cacheDir)
    cache.put(requests)
    await cache.flush()
    expect(cache.get(requests.id, requests.modified)).toEqual(requests)
    expect(cache.get(requests.id, '2030-01-01T00:00:00Z')).toBeUndefined()
    expect(cache.get('PYSEC-0000-0', requests.modified)).toBeUndefined()
    // A miss on the date keeps the record: it is not damaged, just older.
    expect(packedIds()).toEqual([requests.id])
  })

  test('writes once, and does not rewrite what it just read', async () => {
    const first = new DiskRecordCache(cacheDir)
    first.put(requests)
    first.put(requests)
    await first.flush()
    expect(first.stats.written).toBe(1)
    const written = statSync(packFile(cacheDir))

    const second = new DiskRecordCache(cacheDir)
    expect(second.get(requests.id, requests.modified)).toEqual(requests)
    second.put(requests)
    await second.flush()
    expect(second.changed).toBe(false)
    const after = statSync(packFile(cacheDir))
    expect([after.ino, after.mtimeMs]).toEqual([written.ino, written.mtimeMs])
    expect(readdirSync(cacheDir)).toEqual(['osv-records.pack'])
  })

  test('a body that is not what flush writes for its record is dropped', async () => {
    const rated = { ...requests, severity: record('PYSEC-2023-192').severity }
    const cache = new DiskRecordCache(cacheDir)
    cache.put(rated)
    await cache.flush()
    const stored = JSON.parse(readPackFile(cacheDir).bodies.get(requests.id)!) as {
      record: OsvRecord
      entries: number[]
      listed: string | null
    }
    expect(stored.listed).toEqual(expect.stringContaining('\t2.19.0\t'))
    const variants = [
      { ...stored, record: { ...stored.record, modified: 'other' } },
      { ...stored, record: { ...stored.record, id: 'PYSEC-2023-74' } },
      { ...stored, record: { ...stored.record, affected: {} } },
      { ...stored, record: { ...stored.record, aliases: [1] } },
      // What the feed would not read whole: the feed never keeps such a record.
      { ...stored, record: { ...stored.record, severity: 'CRITICAL' } },
      { ...stored, record: { ...stored.record, references: [{ url: 5 }] } },
      { ...stored, record: { ...stored.record, schema_version: '2.0.0' } },
      { ...stored, record: { ...stored.record, affected: [{ ranges: [{ type: 'ECOSYSTEM' }] }] } },
      // Never written: a withdrawn record is not cached (only the feed may withdraw one).
      { ...stored, record: { ...stored.record, withdrawn: '2026-01-01T00:00:00Z' } },
      // The lists: one too many, held for an entry that is not there, missing, or left in the
      // record as well.
      { ...stored, listed: `${stored.listed}\n1.0` },
      { ...stored, entries: [1] },
      { ...stored, entries: [0, 0] },
      { ...stored, listed: null },
      { ...stored, listed: 42 },
      { ...stored, record: rated },
      [stored]
    ]
    for (const variant of variants) {
      const pack = readPackFile(cacheDir)
      pack.bodies.set(requests.id, JSON.stringify(variant))
      writePackFile(cacheDir, pack)
      const reader = new DiskRecordCache(cacheDir)
      expect(reader.get(requests.id, requests.modified)).toBeUndefined()
      expect(reader.stats.discarded).toBe(1)
    }
    // As written, it reads back whole, its lists included.
    const pack = readPackFile(cacheDir)
    pack.bodies.set(requests.id, JSON.stringify(stored))
    writePackFile(cacheDir, pack)
    expect(new DiskRecordCache(cacheDir).get(requests.id, requests.modified)).toEqual(rated)
  })

  test('a record read back parses its versions lists only when they are read', async () => {
    const cache = new DiskRecordCache(cacheDir)
    cache.put(requests)
    await cache.flush()
    const read = new DiskRecordCache(cacheDir).get(requests.id, requests.modified)!
    const [entry] = read.affected ?? []
    // Not parsed yet: a getter stands in for the list.
    expect(Object.getOwnPropertyDescriptor(entry, 'versions')?.get).toBeDefined()
    expect(entry?.versions).toEqual(requests.affected?.[0]?.versions)
    // Parsed once, then a plain property.
    expect(Object.getOwnPropertyDescriptor(entry, 'versions')?.value).toBe(entry?.versions)
    expect(JSON.parse(JSON.stringify(read))).toEqual(requests)
  })

  test('lists of several entries, empty ones and entries without one come back as they were', async () => {
    const [first] = requests.affected!
    const several: OsvRecord = {
      ...requests,
      affected: [
        { ...first, versions: ['1.0', '1.1'] },
        { package: { ecosystem: 'PyPI', name: 'other' } },
        { ...first, versions: [] },
        { ...first, versions: ['2.0rc1'] }
      ]
    }
    const cache = new DiskRecordCache(cacheDir)
    cache.put(several)
    await cache.flush()
    const written = JSON.parse(readPackFile(cacheDir).bodies.get(several.id)!) as object
    expect(written).toMatchObject({ entries: [0, 2, 3], listed: '1.0\t1.1\n\n2.0rc1' })
    const read = new DiskRecordCache(cacheDir).get(several.id, several.modified)
    expect(read).toEqual(several)
    expect(read?.affected?.[1]).not.toHaveProperty('versions')
  })

  test('versions that would not split back exactly stay inline in the record', async () => {
    const cache = new DiskRecordCache(cacheDir)
    const odd: OsvRecord = {
      ...requests,
      affected: [{ ...requests.affected![0]!, versions: ['1.0', 'with\ttab', ''] }]
    }
    cache.put(odd)
    await cache.flush()
    const written = JSON.parse(readPackFile(cacheDir).bodies.get(odd.id)!) as { listed: unknown }
    expect(written.listed).toBeNull()
    expect(new DiskRecordCache(cacheDir).get(odd.id, odd.modified)).toEqual(odd)
  })

  test('bodies made while the run waits (prepareFlush) are the ones flush would make, malformed ones left out', async () => {
    const { logger, lines } = debugLines()
    const odd = {
      ...record('PYSEC-2023-74'),
      affected: [{ ...requests.affected![0]!, versions: [1] }]
    } as unknown as OsvRecord
    const early = new DiskRecordCache(cacheDir, { logger })
    early.put(requests)
    early.put(odd)
    early.prepareFlush()
    await new Promise(resolve => setTimeout(resolve, 20))
    // Made already, before flush: the malformed one is dropped then.
    expect(lines).toEqual([expect.stringMatching(/could not write PYSEC-2023-74: a malformed/)])
    expect(early.stats.written).toBe(1)
    await early.flush()
    const prepared = readFileSync(packFile(cacheDir), 'utf8')
    rmSync(packFile(cacheDir))
    const late = new DiskRecordCache(cacheDir)
    late.put(requests)
    late.put(odd)
    await late.flush()
    expect(late.stats.written).toBe(1)
    expect(readFileSync(packFile(cacheDir), 'utf8')).toBe(prepared)
  })

  test('a record whose versions are not strings is not cached', async () => {
    const { logger, lines } = debugLines()
    const cache = new DiskRecordCache(cacheDir, { logger })
    const odd = { ...requests, affected: [{ ...requests.affected![0]!, versions: [1] }] }
    cache.put(odd as unknown as OsvRecord)
    await cache.flush()
    expect(cache.changed).toBe(false)
    expect(lines).toEqual([expect.stringMatching(/could not write PYSEC-2018-28: a malformed/)])
    expect(cache.stats.written).toBe(0)
    expect(existsSync(packFile(cacheDir))).toBe(false)
  })

  test('a directory it cannot write to costs a debug line, never a failure', async () => {
    const blocker = path.join(cacheDir, 'not-a-dir')
    writeFileSync(blocker, '')
    const { logger, lines } = debugLines()
    const cache = new DiskRecordCache(blocker, { logger })
    cache.put(requests)
    await expect(cache.flush()).resolves.toBeUndefined()
    expect(cache.changed).toBe(false)
    expect(lines).toEqual([expect.stringMatching(/Advisory cache .*not-a-dir cannot be used/)])
    expect(cache.get(requests.id, requests.modified)).toBeUndefined()
  })

  test('a pack it cannot replace costs a debug line, never a failure', async () => {
    mkdirSync(packFile(cacheDir)) // a directory where the pack should be
    const { logger, lines } = debugLines()
    const cache = new DiskRecordCache(cacheDir, { logger })
    cache.put(requests)
    await expect(cache.flush()).resolves.toBeUndefined()
    expect(cache.changed).toBe(false)
    expect(cache.stats.written).toBe(0)
    expect(lines).toContainEqual(expect.stringMatching(/could not write .*osv-records\.pack/))
  })
})

describe('size, crashes and neighbours', () => {
  const ids = ['PYSEC-2018-28', 'PYSEC-2023-74', 'PYSEC-2020-96', 'PYSEC-2021-142']
  const [a, b, c, d] = ids.map(record) as [OsvRecord, OsvRecord, OsvRecord, OsvRecord]

  /** A cache whose clock stands on `day`. */
  const onDay = (day: number, options: { maxRecords?: number; maxBytes?: number } = {}) =>
    new DiskRecordCache(cacheDir, { ...options, now: () => day * DAY + 1000 })

  test('holds at most maxRecords, the least recently used dropped first', async () => {
    for (const [day, held] of [
      [1, a],
      [2, b],
      [3, c]
    ] as const) {
      const cache = onDay(day)
      cache.put(held)
      await cache.flush()
    }
    expect(packedIds()).toEqual([c.id, b.id, a.id])
    // Day 4 uses a (the oldest) and fetches d: b is now the least recently used.
    const cache = onDay(4, { maxRecords: 3 })
    expect(cache.get(a.id, a.modified)).toEqual(a)
    cache.put(d)
    await cache.flush()
    expect(packedIds()).toEqual([d.id, a.id, c.id])
    expect(readPackFile(cacheDir).records.map(([, , , day]) => day)).toEqual([4, 4, 3])
  })

  test('holds at most maxBytes of records', async () => {
    const first = onDay(1)
    for (const held of [a, b, c]) first.put(held)
    await first.flush()
    const sizes = readPackFile(cacheDir).records.map(([, , length]) => length + 1)
    const cache = onDay(2, { maxBytes: sizes[0]! + sizes[1]! })
    cache.put(d)
    await cache.flush()
    // d, then the first record that fits: the third would pass the bound.
    expect(packedIds()).toHaveLength(2)
    expect(packedIds()[0]).toBe(d.id)
  })

  test('a record used on a later day is dated again, though nothing else changed', async () => {
    const first = onDay(1)
    first.put(a)
    await first.flush()
    const sameDay = onDay(1)
    sameDay.get(a.id, a.modified)
    await sameDay.flush()
    expect(readPackFile(cacheDir).records[0]![3]).toBe(1)
    const later = onDay(5)
    later.get(a.id, a.modified)
    await later.flush()
    expect(readPackFile(cacheDir).records[0]![3]).toBe(5)
    // Dating is no news worth saving to the Actions cache.
    expect(later.changed).toBe(false)
  })

  test('a run killed while writing leaves the pack whole; its temp file is never read, and goes once stale', async () => {
    await run()
    const temp = `${packFile(cacheDir)}.4242.deadbeef.0.tmp`
    writeFileSync(temp, '{"format":4,"records":[["PYSEC-2023-192","x",3,1]],"pins":{}}\nabc\n')
    const warm = await run()
    expect(warm.cache.stats).toMatchObject({ hits: 5, misses: 0 })
    // Young: maybe a run still writing it.
    update('PYSEC-2020-96', '2026-08-01T00:00:00Z')
    await run()
    expect(existsSync(temp)).toBe(true)
    const old = (Date.now() - 2 * 60 * 60 * 1000) / 1000
    utimesSync(temp, old, old)
    update('PYSEC-2020-96', '2026-08-02T00:00:00Z')
    await run()
    expect(readdirSync(cacheDir)).toEqual(['osv-records.pack'])
  })

  test('two runs writing at once: the later merges what the earlier wrote', async () => {
    const first = new DiskRecordCache(cacheDir)
    const second = new DiskRecordCache(cacheDir)
    // Both read the (empty) directory before either writes.
    expect(first.get(a.id, a.modified)).toBeUndefined()
    expect(second.get(b.id, b.modified)).toBeUndefined()
    first.put(a)
    first.noteMatches([pin('requests', '2.19.0')], [[{ id: a.id, modified: a.modified }]])
    second.put(b)
    second.noteMatches([pin('pyyaml', '5.3')], [[{ id: b.id, modified: b.modified }]])
    await Promise.all([first.flush(), second.flush()])
    expect(packedIds().sort()).toEqual([a.id, b.id].sort())
    expect(Object.keys(readPackFile(cacheDir).pins as object).sort()).toEqual([
      'pyyaml==5.3',
      'requests==2.19.0'
    ])
    const reader = new DiskRecordCache(cacheDir)
    expect(reader.get(a.id, a.modified)).toEqual(a)
    expect(reader.get(b.id, b.modified)).toEqual(b)
  })

  test('the layout of earlier releases is removed once the pack is written; its records are fetched again', async () => {
    mkdirSync(path.join(cacheDir, 'osv-records'))
    writeFileSync(path.join(cacheDir, 'osv-records', 'PYSEC-2018-28.0123456789abcdef.json'), '{}')
    writeFileSync(path.join(cacheDir, 'osv-match-hints.json'), '{"format":2,"pins":{}}')
    mkdirSync(path.join(cacheDir, 'offline-index'))
    writeFileSync(path.join(cacheDir, 'offline-index', `${'0'.repeat(64)}.json`), '{}')
    const cold = await run()
    expect(cold.server.counts).toMatchObject({ query: 2, vulns: 1 })
    expect(readdirSync(cacheDir)).toEqual(['osv-records.pack'])
  })
})

describe('defaultCacheDir', () => {
  test('is the tool cache on runners, else the user cache', () => {
    expect(defaultCacheDir({ RUNNER_TOOL_CACHE: '/opt/hostedtoolcache' }, '/home/me')).toBe(
      path.join('/opt/hostedtoolcache', 'pyaudit')
    )
    expect(defaultCacheDir({ XDG_CACHE_HOME: '/var/cache/me' }, '/home/me')).toBe(
      path.join('/var/cache/me', 'pyaudit')
    )
    // The XDG spec says to ignore a relative XDG_CACHE_HOME.
    expect(defaultCacheDir({ XDG_CACHE_HOME: 'rel' }, '/home/me')).toBe(
      path.join('/home/me', '.cache', 'pyaudit')
    )
    expect(defaultCacheDir({}, '/home/me')).toBe(path.join('/home/me', '.cache', 'pyaudit'))
  })
})
