import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { OsvRecord, PackageVersion } from '../../src/advisories/osv.js'
import { OsvApiFeed } from '../../src/advisories/osv-api.js'
import {
  DiskRecordCache,
  defaultCacheDir,
  recordFileName
} from '../../src/advisories/record-cache.js'
import { MAX_HINTED_PINS, MatchHints } from '../../src/advisories/match-hints.js'
import { detachVersions } from '../../src/advisories/lazy-versions.js'
import type { Logger } from '../../src/shared/log.js'
import { cvssBaseScore, recordVectorScores } from '../../src/advisories/severity.js'

const mapValues = <T, U>(object: Record<string, T>, f: (value: T) => U): Record<string, U> =>
  Object.fromEntries(Object.entries(object).map(([key, value]) => [key, f(value)]))
import { OsvServer } from '../support/osv-server.js'
import { TESTS_DIR } from '../support/paths.js'

const RECORDS = path.resolve(TESTS_DIR, 'fixtures', 'osv', 'records')
/** Real PYSEC records, see fixtures/osv/README.md. */
const record = (id: string): OsvRecord =>
  JSON.parse(readFileSync(path.join(RECORDS, `${id}.json`), 'utf8')) as OsvRecord

const pin = (name: string, version: string): PackageVersion => ({ name, version })
const PINS = [pin('requests', '2.19.0'), pin('pyyaml', '5.3'), pin('urllib3', '2.0.4')]

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

function recordFiles(): string[] {
  return readdirSync(path.join(cacheDir, 'osv-records')).sort()
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

describe('DiskRecordCache with the OSV API', () => {
  test('a warm run sends one querybatch and fetches no record', async () => {
    const cold = await run()
    expect(cold.server.counts).toEqual({ querybatch: 1, query: 2, vulns: 1, other: 0 })
    expect(cold.cache.stats).toMatchObject({ hits: 0, written: 5 })
    expect(cold.cache.changed).toBe(true)
    expect(recordFiles()).toHaveLength(5)

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
    // pyyaml still has PYSEC-2021-142 on disk, so one GET instead of a /v1/query.
    expect(warm.server.counts).toEqual({ querybatch: 1, query: 0, vulns: 1, other: 0 })
    expect(warm.result[1]).toEqual([changed, record('PYSEC-2021-142')])
    expect(warm.cache.stats).toMatchObject({ hits: 4, misses: 1, written: 1 })

    const third = await run()
    expect(third.server.counts).toMatchObject({ query: 0, vulns: 0 })
    expect(third.result[1]?.[0]).toEqual(changed)
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

  test('corrupt files are deleted and their records fetched again', async () => {
    await run()
    const file = (id: string) => path.join(cacheDir, 'osv-records', recordFileName(id))
    const good = JSON.parse(readFileSync(file('PYSEC-2023-192'), 'utf8')) as {
      record: OsvRecord
    }
    writeFileSync(file('PYSEC-2023-192'), '{"format":1,"id":"PYSEC-2023-192","mod') // cut off
    writeFileSync(file('PYSEC-2018-28'), readFileSync(file('PYSEC-2023-74'))) // another id
    const wrongShape = { ...good, id: 'PYSEC-2020-96', record: { id: 'PYSEC-2020-96' } }
    writeFileSync(file('PYSEC-2020-96'), JSON.stringify(wrongShape))

    const warm = await run()
    expect(warm.cache.stats).toMatchObject({ hits: 2, misses: 3, discarded: 3, written: 3 })
    // Each package misses one record now: one GET each.
    expect(warm.server.counts).toEqual({ querybatch: 1, query: 0, vulns: 3, other: 0 })
    expect(warm.result[2]).toEqual([record('PYSEC-2023-192')])
    // Rewritten whole: the next run reads them all.
    const next = await run()
    expect(next.cache.stats).toMatchObject({ hits: 5, discarded: 0 })
  })
})

describe('reading ahead while the querybatch is in flight', () => {
  const hintsFile = (): string => path.join(cacheDir, 'osv-match-hints.json')
  const writeHints = (pins: Record<string, string[]>): void =>
    writeFileSync(
      hintsFile(),
      JSON.stringify({
        format: 2,
        pins: Object.fromEntries(Object.entries(pins).map(([key, ids]) => [key, { ids }]))
      })
    )

  test('a warm run has read every record it needs by the time the answer comes', async () => {
    const cold = await run(40)
    expect(cold.cache.stats.readAhead).toBe(0)
    expect(JSON.parse(readFileSync(hintsFile(), 'utf8'))).toEqual({
      format: 2,
      pins: {
        'requests==2.19.0': { ids: ['PYSEC-2018-28', 'PYSEC-2023-74'] },
        'pyyaml==5.3': { ids: ['PYSEC-2020-96', 'PYSEC-2021-142'] },
        'urllib3==2.0.4': { ids: ['PYSEC-2023-192'] }
      }
    })
    const warm = await run(40)
    expect(warm.cache.stats).toEqual({ hits: 5, misses: 0, discarded: 0, written: 0, readAhead: 5 })
    expect(warm.result).toEqual(cold.result)
    // The same matches as last time: the hints file is not rewritten, nothing to save.
    expect(warm.cache.changed).toBe(false)
  })

  test('wrong, forged or outdated hints cost time, never a finding', async () => {
    const cold = await run()
    // requests is hinted an id that is not its own, pyyaml one with no file, urllib3 a forged
    // path; PYSEC-2020-96 changes after its file was written.
    writeHints({
      'requests==2.19.0': ['PYSEC-2023-192', 'PYSEC-2018-28'],
      'pyyaml==5.3': ['PYSEC-1999-1', 'PYSEC-2020-96'],
      'urllib3==2.0.4': ['../../osv-match-hints.json']
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

  test('a damaged hints file is ignored and replaced', async () => {
    const cold = await run()
    const damaged = [
      '{"format":2,"pins":{"requests==2.19.0":{"ids":[1]}}}',
      '{"format":2,"pins":{"requests==2.19.0":{"ids":[],"advice":["x"]}}}',
      '{"format":1,"pins":{"requests==2.19.0":["PYSEC-2018-28"]}}',
      '{"form',
      '[]'
    ]
    for (const text of damaged) {
      writeFileSync(hintsFile(), text)
      const warm = await run(20)
      expect(warm.result).toEqual(cold.result)
      expect(warm.cache.stats).toMatchObject({ hits: 5, readAhead: 0 })
      expect(warm.cache.changed).toBe(true)
      expect(JSON.parse(readFileSync(hintsFile(), 'utf8'))).toMatchObject({ format: 2 })
    }
  })

  test('a corrupt record file met while reading ahead is deleted and fetched again', async () => {
    await run()
    writeFileSync(path.join(cacheDir, 'osv-records', recordFileName('PYSEC-2023-192')), '{')
    const warm = await run(40)
    expect(warm.cache.stats).toMatchObject({ hits: 4, misses: 1, discarded: 1, readAhead: 4 })
    expect(warm.server.counts).toMatchObject({ vulns: 1 })
    expect(recordFiles()).toHaveLength(5)
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
  const file = (): string => path.join(cacheDir, 'hints.json')

  test("keeps this run's pins first and drops the oldest beyond the cap", () => {
    const first = new MatchHints(file())
    const old = Array.from({ length: MAX_HINTED_PINS }, (_, i) => pin(`p${i}`, '1.0'))
    first.remember(
      old,
      old.map(() => ['X'])
    )
    first.save()
    const second = new MatchHints(file())
    second.remember([pin('new', '2.0')], [['Y']])
    expect(second.dirty).toBe(true)
    second.save()
    const kept = new MatchHints(file())
    expect(kept.idsFor([pin('new', '2.0')])).toEqual(['Y'])
    expect(kept.idsFor([pin('p0', '1.0')])).toEqual(['X'])
    // The last of the old pins made room for the new one.
    expect(kept.idsFor([pin(`p${MAX_HINTED_PINS - 1}`, '1.0')])).toEqual([])
  })

  test('keeps the upgrade advice of a pin while its matches stay the same', () => {
    const first = new MatchHints(file())
    first.remember([pin('a', '1')], [['X']])
    first.rememberAdvice(pin('a', '1'), 'fp1', '2.0')
    first.rememberAdvice(pin('b', '1'), 'fp2', null)
    first.save()
    const second = new MatchHints(file())
    expect(second.adviceFor(pin('a', '1'), 'fp1')).toBe('2.0')
    expect(second.adviceFor(pin('b', '1'), 'fp2')).toBeNull()
    // Other records, other answer: unknown.
    expect(second.adviceFor(pin('a', '1'), 'fp9')).toBeUndefined()
    second.remember([pin('a', '1'), pin('b', '1')], [['X'], ['Y']])
    expect(second.adviceFor(pin('a', '1'), 'fp1')).toBe('2.0')
    // b matched something new: what was worked out from its old records is dropped.
    expect(second.adviceFor(pin('b', '1'), 'fp2')).toBeUndefined()
  })

  test('learning nothing new leaves the file alone', () => {
    const hints = new MatchHints(file())
    hints.remember([pin('a', '1')], [['X', 'Y']])
    hints.save()
    const again = new MatchHints(file())
    again.remember([pin('a', '1')], [['X', 'Y']])
    expect(again.dirty).toBe(false)
    again.remember([pin('a', '1')], [['Y']])
    expect(again.dirty).toBe(true)
  })
})

/** A record file as DiskRecordCache writes it. */
function storedFile(stored: OsvRecord, scores = recordVectorScores(stored)) {
  const detached = detachVersions(stored)!
  return {
    format: 3,
    id: stored.id,
    modified: stored.modified,
    record: detached.record,
    listedEntries: detached.entries,
    listed: detached.listed,
    scores
  }
}

describe('DiskRecordCache on its own', () => {
  const requests = record('PYSEC-2018-28')

  test('answers only for the stored modified date', async () => {
    const cache = new DiskRecordCache(cacheDir)
    cache.put(requests)
    await cache.flush()
    expect(cache.get(requests.id, requests.modified)).toEqual(requests)
    expect(cache.get(requests.id, '2030-01-01T00:00:00Z')).toBeUndefined()
    expect(cache.get('PYSEC-0000-0', requests.modified)).toBeUndefined()
    // A miss on the date keeps the file: it is not corrupt, just older.
    expect(recordFiles()).toEqual([recordFileName(requests.id)])
  })

  test('leaves no temp file behind and does not rewrite what it just read', async () => {
    const first = new DiskRecordCache(cacheDir)
    first.put(requests)
    first.put(requests)
    await first.flush()
    expect(first.stats.written).toBe(1)
    expect(recordFiles()).toEqual([recordFileName(requests.id)])

    const second = new DiskRecordCache(cacheDir)
    expect(second.get(requests.id, requests.modified)).toEqual(requests)
    second.put(requests)
    await second.flush()
    expect(second.changed).toBe(false)
  })

  test('a file of another format or a record of another shape is discarded', async () => {
    const cache = new DiskRecordCache(cacheDir)
    const file = path.join(cache.dir, recordFileName(requests.id))
    const rated = { ...requests, severity: record('PYSEC-2023-192').severity }
    const stored = storedFile(rated)
    expect(Object.keys(stored.scores)).toHaveLength(1)
    expect(stored.listed).toEqual(expect.stringContaining('\t2.19.0\t'))
    cache.put(requests) // creates the directory
    await cache.flush()
    // The file as written is read back whole, its lists included.
    writeFileSync(file, JSON.stringify(stored))
    expect(new DiskRecordCache(cacheDir).get(requests.id, requests.modified)).toEqual(rated)
    const variants = [
      { ...stored, format: 2 },
      { ...stored, scores: undefined },
      { ...stored, scores: { 'CVSS_V3 CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H': 9.8 } },
      { ...stored, scores: mapValues(stored.scores, () => 11) },
      { ...stored, modified: 'other' },
      { ...stored, record: { ...stored.record, affected: {} } },
      { ...stored, record: { ...stored.record, aliases: [1] } },
      { ...stored, record: { ...stored.record, affected: [{ ranges: [{ type: 'ECOSYSTEM' }] }] } },
      // The lists: one too many, held for an entry that is not there, missing, or left in the
      // record as well.
      { ...stored, listed: `${stored.listed}\n1.0` },
      { ...stored, listedEntries: [1] },
      { ...stored, listedEntries: [0, 0] },
      { ...stored, listed: null },
      { ...stored, listed: 42 },
      { ...stored, record: rated },
      [stored]
    ]
    for (const variant of variants) {
      writeFileSync(file, JSON.stringify(variant))
      expect(cache.get(requests.id, requests.modified)).toBeUndefined()
      expect(recordFiles()).toEqual([])
    }
    expect(cache.stats.discarded).toBe(variants.length)
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
    const written = JSON.parse(
      readFileSync(path.join(cache.dir, recordFileName(several.id)), 'utf8')
    ) as { listedEntries: number[]; listed: string }
    expect(written).toMatchObject({ listedEntries: [0, 2, 3], listed: '1.0\t1.1\n\n2.0rc1' })
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
    const file = path.join(cache.dir, recordFileName(odd.id))
    const written = JSON.parse(readFileSync(file, 'utf8')) as { listed: unknown }
    expect(written.listed).toBeNull()
    expect(new DiskRecordCache(cacheDir).get(odd.id, odd.modified)).toEqual(odd)
  })

  test('a record whose versions are not strings is not cached', async () => {
    const lines: string[] = []
    const logger: Logger = { debug: m => void lines.push(m), info() {}, warning() {} }
    const cache = new DiskRecordCache(cacheDir, { logger })
    const odd = { ...requests, affected: [{ ...requests.affected![0]!, versions: [1] }] }
    cache.put(odd as unknown as OsvRecord)
    await cache.flush()
    expect(cache.changed).toBe(false)
    expect(lines).toEqual([expect.stringMatching(/could not write PYSEC-2018-28: a malformed/)])
    expect(readdirSync(cache.dir)).toEqual([])
  })

  test('keeps the CVSS scores of each record beside it', async () => {
    const rated = record('PYSEC-2023-192')
    const cache = new DiskRecordCache(cacheDir)
    cache.put(rated)
    await cache.flush()
    const file = path.join(cache.dir, recordFileName(rated.id))
    const written = JSON.parse(readFileSync(file, 'utf8')) as { scores: Record<string, number> }
    const [entry] = rated.severity ?? []
    expect(written.scores).toEqual({
      [`CVSS_V3 ${entry?.score}`]: cvssBaseScore('CVSS_V3', entry?.score ?? '')
    })
  })

  /**
   * A record scored by one CVSS v3 vector, written to the cache with `score` for it (and
   * `changes` to the file). Each test passes a vector nothing else in this file scores, so the
   * memo in severity.ts has not seen it.
   */
  function plantScoredFile(id: string, vector: string, score: number, changes: object = {}) {
    const scored: OsvRecord = { ...requests, id, severity: [{ type: 'CVSS_V3', score: vector }] }
    const cache = new DiskRecordCache(cacheDir)
    mkdirSync(cache.dir, { recursive: true })
    const stored = { ...storedFile(scored, { [`CVSS_V3 ${vector}`]: score }), ...changes }
    writeFileSync(path.join(cache.dir, recordFileName(id)), JSON.stringify(stored))
    return { cache, scored }
  }

  test('a warm run takes the scores it kept instead of scoring the vectors again', () => {
    const vector = 'CVSS:3.1/AV:A/AC:H/PR:L/UI:R/S:C/C:L/I:H/A:N'
    // 1.2 is not what the calculator says (6.2): proof that the score used is the file's.
    const { cache, scored } = plantScoredFile('GHSA-test-scor-ecch', vector, 1.2)
    expect(cache.get(scored.id, scored.modified)).toEqual(scored)
    expect(cvssBaseScore('CVSS_V3', vector)).toBe(1.2)
  })

  test('a file discarded for its versions lists gives none of its scores', () => {
    const vector = 'CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N'
    const { cache, scored } = plantScoredFile('GHSA-test-disc-ards', vector, 9.9, {
      listedEntries: [5]
    })
    expect(cache.get(scored.id, scored.modified)).toBeUndefined()
    expect(cache.stats.discarded).toBe(1)
    // The calculator's score, not the discarded file's 9.9.
    expect(cvssBaseScore('CVSS_V3', vector)).toBe(1.6)
  })

  test('a directory it cannot write to costs a debug line, never a failure', async () => {
    const blocker = path.join(cacheDir, 'not-a-dir')
    writeFileSync(blocker, '')
    const lines: string[] = []
    const logger: Logger = { debug: m => void lines.push(m), info() {}, warning() {} }
    const cache = new DiskRecordCache(blocker, { logger })
    cache.put(requests)
    await expect(cache.flush()).resolves.toBeUndefined()
    expect(cache.changed).toBe(false)
    expect(lines).toEqual([expect.stringMatching(/could not write PYSEC-2018-28/)])
    expect(cache.get(requests.id, requests.modified)).toBeUndefined()
  })

  test('file names are safe and distinct for any id', () => {
    const ids = [
      'PYSEC-2018-28',
      'GHSA-abcd-efgh-ijkl',
      'GHSA-ABCD-efgh-ijkl',
      '../../etc',
      'a/b',
      'a_b',
      'CON',
      'x'.repeat(500)
    ]
    const names = ids.map(recordFileName)
    expect(new Set(names.map(name => name.toLowerCase())).size).toBe(ids.length)
    for (const name of names) {
      expect(name).toMatch(/^[A-Za-z0-9._-]{1,140}\.json$/)
      expect(path.basename(name)).toBe(name)
      expect(name.startsWith('.')).toBe(false)
    }
    expect(recordFileName('PYSEC-2018-28')).toMatch(/^PYSEC-2018-28\.[0-9a-f]{16}\.json$/)
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
