/**
 * The pack's bodies made by a worker thread (record-bodies.ts, record-body-worker.ts): the
 * same bytes recordBody makes in the main thread, a pack file identical to one written without
 * the worker, and a worker that fails or never starts costs nothing but its bodies.
 */
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { OsvRecord, PackageVersion } from '../../src/advisories/osv.js'
import { OsvApiFeed } from '../../src/advisories/osv-api.js'
import { readOsvRecord } from '../../src/advisories/osv.js'
import { bodiesOf, bodyKey, type MadeBodies } from '../../src/advisories/record-body-worker.js'
import { WorkerBodyMaker } from '../../src/advisories/record-bodies.js'
import { DiskRecordCache } from '../../src/advisories/record-cache.js'
import { recordBody } from '../../src/advisories/record-pack.js'
import type { Logger } from '../../src/shared/log.js'
import { OsvServer } from '../support/osv-server.js'
import { REPO_ROOT, TESTS_DIR } from '../support/paths.js'
import { packFile } from '../support/record-pack.js'

const RECORDS = path.resolve(TESTS_DIR, 'fixtures', 'osv', 'records')
const record = (id: string): OsvRecord =>
  JSON.parse(readFileSync(path.join(RECORDS, `${id}.json`), 'utf8')) as OsvRecord
const FIXTURE_IDS = readdirSync(RECORDS)
  .filter(name => name.endsWith('.json'))
  .map(name => name.slice(0, -'.json'.length))

/** The built entry the action's processes start from (global-setup.js). */
const ENTRY = pathToFileURL(path.join(process.env.PYAUDIT_TEST_BUILD ?? '', 'index.js'))

function asMap(made: MadeBodies): Map<string, string> {
  const bytes = Buffer.from(made.bytes.buffer, made.bytes.byteOffset, made.bytes.byteLength)
  return new Map(
    made.keys.map((key, i) => [
      key,
      bytes.subarray(made.offsets[i], made.offsets[i + 1]).toString('utf8')
    ])
  )
}

/** What the main thread would write for each record it keeps, by bodyKey. */
function expectedBodies(records: readonly OsvRecord[]): Map<string, string> {
  const expected = new Map<string, string>()
  for (const raw of records) {
    const { unreadable } = readOsvRecord(
      raw as unknown as Record<string, unknown>,
      raw.id,
      raw.modified
    )
    if (unreadable.length > 0 || raw.withdrawn != null) continue
    const body = recordBody(raw)
    if (body !== undefined) expected.set(bodyKey(raw.id, raw.modified), body.toString('utf8'))
  }
  return expected
}

/** A /v1/query answer's bytes; small ones share their memory with Node's buffer pool. */
const answer = (records: readonly OsvRecord[]): Buffer =>
  Buffer.from(JSON.stringify({ vulns: records }))

const debugLines = (): { logger: Logger; lines: string[] } => {
  const lines: string[] = []
  return { logger: { debug: m => void lines.push(m), info() {}, warning() {} }, lines }
}

describe('bodiesOf', () => {
  test('makes the body recordBody makes for each record the main thread keeps', () => {
    const records = FIXTURE_IDS.map(record)
    const withdrawn = {
      ...record(FIXTURE_IDS[0]!),
      id: 'GONE-1',
      withdrawn: '2024-01-01T00:00:00Z'
    }
    const unreadable = { ...record(FIXTURE_IDS[0]!), id: 'BAD-1', aliases: 'not a list' }
    const badList = {
      ...record(FIXTURE_IDS[0]!),
      id: 'BAD-2',
      affected: [{ package: { ecosystem: 'PyPI', name: 'x' }, versions: ['1.0', 7] }]
    }
    const text = JSON.stringify({
      vulns: [...records, withdrawn, unreadable, badList, 'text', { id: 'NO-MODIFIED' }]
    })
    const made = asMap(bodiesOf(text))
    expect(made.size).toBeGreaterThan(8)
    expect(made).toEqual(expectedBodies(records))
    // One record, as /v1/vulns/{id} answers.
    expect(asMap(bodiesOf(JSON.stringify(records[0])))).toEqual(expectedBodies([records[0]!]))
  })

  test('with `only`, makes the bodies of the records it names and no other', () => {
    const records = FIXTURE_IDS.map(record)
    const named = records.filter((_, i) => i % 2 === 0)
    const made = asMap(bodiesOf(JSON.stringify({ vulns: records }), new Set(named.map(r => r.id))))
    expect(made).toEqual(expectedBodies(named))
    expect(made.size).toBeGreaterThan(3)
  })

  test('a text that is not an answer gives no bodies', () => {
    for (const text of ['', '{', 'null', '[]', '{"vulns": 3}', '"x"']) {
      expect(bodiesOf(text).keys).toEqual([])
    }
  })
})

describe('WorkerBodyMaker', () => {
  test('a worker thread makes the same bytes for every answer it was given', async () => {
    const maker = new WorkerBodyMaker(ENTRY, debugLines().logger, 2)
    const halves = [FIXTURE_IDS.slice(0, 3), FIXTURE_IDS.slice(3)].map(ids => ids.map(record))
    expect(maker.received(answer(halves[0]!))).toBe(false)
    maker.expect(2)
    // Buffers of their own, as a large answer's are (Node 24 pools those under 32 KiB).
    const sent = halves.map(half => Buffer.from(new Uint8Array(answer(half)).buffer))
    // One in the pool, shared with other buffers: copied, not handed over.
    const pooled = Buffer.from(JSON.stringify({ vulns: [record(FIXTURE_IDS[0]!)] }))
    expect(pooled.buffer.byteLength).toBeGreaterThan(pooled.byteLength)
    for (const bytes of [...sent, pooled]) expect(maker.received(bytes)).toBe(true)
    const made = await maker.finish()
    // The answers of their own were handed over to the thread (their memory is gone here).
    expect(sent.map(bytes => bytes.byteLength)).toEqual([0, 0])
    expect(JSON.parse(pooled.toString('utf8'))).toEqual({ vulns: [record(FIXTURE_IDS[0]!)] })
    const expected = expectedBodies(halves.flat())
    expect(new Map([...made].map(([key, body]) => [key, body.toString('utf8')]))).toEqual(expected)
    expect(made.size).toBe(expected.size)
    expect(made.size).toBeGreaterThan(8)
  })

  test('the thread makes the bodies of the records it is asked for only', async () => {
    const maker = new WorkerBodyMaker(ENTRY, debugLines().logger, 1)
    maker.expect(1)
    const records = FIXTURE_IDS.map(record)
    const named = records.slice(0, 2)
    expect(maker.received(answer(records), new Set(named.map(r => r.id)))).toBe(true)
    const made = await maker.finish()
    expect(new Map([...made].map(([key, body]) => [key, body.toString('utf8')]))).toEqual(
      expectedBodies(named)
    )
  })

  test('below its threshold it starts no thread and takes nothing', async () => {
    const maker = new WorkerBodyMaker(ENTRY, debugLines().logger, 8)
    maker.expect(7)
    expect(maker.received(answer([record(FIXTURE_IDS[0]!)]))).toBe(false)
    expect((await maker.finish()).size).toBe(0)
  })

  test('a worker that fails leaves the bodies to the main thread, without hanging', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pyaudit-bodies-'))
    try {
      const broken = path.join(dir, 'broken.mjs')
      writeFileSync(broken, 'throw new Error("no worker here")\n')
      const { logger, lines } = debugLines()
      const maker = new WorkerBodyMaker(pathToFileURL(broken), logger, 1)
      maker.expect(1)
      maker.received(answer([record(FIXTURE_IDS[0]!)]))
      expect((await maker.finish()).size).toBe(0)
      expect(lines.join('\n')).toMatch(/worker making bodies stopped .*no worker here/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('DiskRecordCache with a worker making the bodies', () => {
  let dirs: string[] = []
  beforeEach(() => {
    dirs = [0, 1].map(() => mkdtempSync(path.join(os.tmpdir(), 'pyaudit-cache-')))
  })
  afterEach(() => dirs.forEach(dir => rmSync(dir, { recursive: true, force: true })))

  test('writes the pack byte for byte as the main thread alone does', async () => {
    const byPackage = new Map<string, OsvRecord[]>()
    for (const id of FIXTURE_IDS) {
      const held = record(id)
      const name = held.affected?.[0]?.package?.name ?? id
      byPackage.set(name.toLowerCase(), [...(byPackage.get(name.toLowerCase()) ?? []), held])
    }
    const pins: PackageVersion[] = []
    for (const [name, records] of byPackage) {
      const version = records[0]!.affected?.[0]?.versions?.[0]
      if (version !== undefined) pins.push({ name, version })
    }
    expect(pins.length).toBeGreaterThan(2)
    const server = new OsvServer(
      (name, version) =>
        (byPackage.get(name.toLowerCase()) ?? []).filter(r =>
          r.affected?.some(entry => entry.versions?.includes(version))
        ),
      { packageRecords: name => byPackage.get(name.toLowerCase()) ?? [] }
    )
    const baseUrl = await server.start()
    const now = () => Date.UTC(2026, 11, 6)
    try {
      for (const [i, dir] of dirs.entries()) {
        const bodyMaker = i === 0 ? undefined : new WorkerBodyMaker(ENTRY, debugLines().logger, 1)
        const cache = new DiskRecordCache(dir, { now, bodyMaker })
        const feed = new OsvApiFeed({
          baseUrl,
          records: cache,
          retry: { attempts: 1 },
          detailStrategy: 'whole-package'
        })
        await feed.lookup(pins)
        await feed.close()
        await cache.flush()
        expect(cache.stats.written).toBeGreaterThan(2)
        // Every body written came from the worker (all of these records are findings).
        expect(cache.stats.madeElsewhere).toBe(i === 0 ? 0 : cache.stats.written)
      }
      expect(readFileSync(packFile(dirs[1]!))).toEqual(readFileSync(packFile(dirs[0]!)))
    } finally {
      await server.close()
    }
  })
})

const PYPA = path.resolve(REPO_ROOT, '..', 'shared', 'osv-pypi', 'PyPI')
const describeWithData = existsSync(PYPA) ? describe : describe.skip
if (!existsSync(PYPA)) console.log(`Skipping the PyPA body comparison: ${PYPA} is absent`)

describeWithData('on every PyPA record', () => {
  test('the worker side makes what recordBody makes', () => {
    const records = readdirSync(PYPA)
      .filter(name => name.endsWith('.json'))
      .map(name => JSON.parse(readFileSync(path.join(PYPA, name), 'utf8')) as OsvRecord)
    const made = asMap(bodiesOf(JSON.stringify({ vulns: records })))
    const expected = expectedBodies(records)
    expect(made.size).toBe(expected.size)
    expect(made.size).toBeGreaterThan(6000)
    for (const [key, body] of expected) {
      if (made.get(key) !== body) expect({ key, body: made.get(key) }).toEqual({ key, body })
    }
  })
})
