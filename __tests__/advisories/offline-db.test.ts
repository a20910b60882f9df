import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import yauzl from 'yauzl'
import { FeedError, ParseError } from '../../src/shared/errors.js'
import type { Logger } from '../../src/shared/log.js'
import { OfflineDatabase } from '../../src/advisories/offline-db.js'
import type { OsvRecord, PackageVersion } from '../../src/advisories/osv.js'
import { dedupeAliases, toVulnerability } from '../../src/advisories/vulnerability.js'
import { makeZip, type ZipMemberSpec } from '../fixtures/osv/make-zip.js'
import { TESTS_DIR } from '../support/paths.js'

const RECORDS = path.resolve(TESTS_DIR, 'fixtures', 'osv', 'records')
const MiB = 1024 * 1024

let root: string
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'pyaudit-offline-db-'))
})
afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

let counter = 0
const scratch = (name: string): string => path.join(root, `${counter++}-${name}`)
const writeZip = (members: ZipMemberSpec[], options?: { zip64?: boolean }): string => {
  const file = scratch('db.zip')
  fs.writeFileSync(file, makeZip(members, options))
  return file
}
const fixtureMembers = (folder = ''): ZipMemberSpec[] =>
  fs
    .readdirSync(RECORDS)
    .map(name => ({ name: folder + name, data: fs.readFileSync(path.join(RECORDS, name)) }))
const ids = async (db: OfflineDatabase, queries: PackageVersion[]) =>
  (await db.lookup(queries)).map(records => records.map(r => r.id))
const recordingLogger = () => {
  const lines: string[] = []
  const logger: Logger = {
    debug: m => lines.push(`debug ${m}`),
    info: m => lines.push(m),
    warning: m => lines.push(`warning ${m}`)
  }
  return { logger, lines }
}
const loadError = async (location: string, options?: Parameters<typeof OfflineDatabase.load>[1]) =>
  OfflineDatabase.load(location, options).then(
    () => undefined,
    (error: unknown) => error
  )

const QUERIES: PackageVersion[] = [
  { name: 'requests', version: '2.19.0' },
  { name: 'Requests', version: '2.31.0' },
  { name: 'PyYAML', version: '5.3' },
  { name: 'pyyaml', version: '6.0.1' },
  { name: 'urllib3', version: '2.0.5' },
  { name: 'repox', version: '0.0.1' },
  { name: 'jw.util', version: '2.2' },
  { name: 'unknown-package', version: '1.0' }
]
const EXPECTED = [
  ['GHSA-x84v-xcm2-53pg', 'PYSEC-2018-28', 'PYSEC-2023-74'],
  [],
  ['PYSEC-2020-96', 'PYSEC-2021-142'],
  [],
  ['PYSEC-2023-192'],
  [], // PYSEC-2023-293 covers every repox version but is withdrawn
  ['PYSEC-2020-341'],
  []
]

describe('the fixture directory', () => {
  test('answers lookups, in order, excluding withdrawn records', async () => {
    const db = await OfflineDatabase.load(RECORDS)
    expect(db.name).toBe(`offline database ${RECORDS}`)
    expect(db.recordCount).toBe(fs.readdirSync(RECORDS).length)
    expect(await ids(db, QUERIES)).toEqual(EXPECTED)
  })

  test('told which packages a run asks about, it keeps only theirs, and answers any other by reading again', async () => {
    const zip = writeZip(fixtureMembers())
    const full = await OfflineDatabase.load(zip)
    const { logger, lines } = recordingLogger()
    const db = await OfflineDatabase.load(zip, { logger, packages: ['Requests', 'PyYAML'] })
    // Counted and dated from every record, whichever are kept.
    expect(db.recordCount).toBe(full.recordCount)
    expect(db.newestModified()).toEqual(full.newestModified())
    expect(db.recordsFor('requests')).toEqual(full.recordsFor('requests'))
    // A package it was not told of is never answered from records it did not keep.
    expect(() => db.recordsFor('urllib3')).toThrow(FeedError)
    expect(await ids(db, QUERIES.slice(0, 4))).toEqual(EXPECTED.slice(0, 4))
    const before = lines.length
    expect(await ids(db, QUERIES)).toEqual(EXPECTED)
    expect(db.recordsFor('urllib3')).toEqual(full.recordsFor('urllib3'))
    expect(await ids(db, QUERIES)).toEqual(EXPECTED)
    // Read again for the packages it had not kept, without saying again what the load said.
    expect(lines.slice(before)).toEqual([])
  })

  test('feeds pip-audit conversion and de-duplication: GHSA and PYSEC become one finding', async () => {
    const db = await OfflineDatabase.load(RECORDS)
    const [records] = await db.lookup([{ name: 'requests', version: '2.19.0' }])
    const vulns = dedupeAliases(records!.map(r => toVulnerability(r, 'requests')!))
    expect(vulns.map(v => [v.id, v.fixVersions])).toEqual([
      ['PYSEC-2018-28', ['2.20.0']],
      ['PYSEC-2023-74', ['2.31.0']]
    ])
  })

  test('newestModified is the latest modified date, leaving out dates in the future', async () => {
    const newest = (await OfflineDatabase.load(RECORDS)).newestModified()
    const dates = fs
      .readdirSync(RECORDS)
      .map(f => Date.parse(readRecord(path.join(RECORDS, f)).modified))
    expect(newest?.getTime()).toBe(Math.max(...dates))

    const dir = copyFixtures()
    const typo = {
      ...readRecord(path.join(RECORDS, 'PYSEC-2018-28.json')),
      id: 'PYSEC-2099-1',
      modified: '2027-07-09T15:45:00Z'
    }
    fs.writeFileSync(path.join(dir, 'typo.json'), JSON.stringify(typo))
    const { logger, lines } = recordingLogger()
    const db = await OfflineDatabase.load(dir, { logger, now: new Date('2026-11-29T00:00:00Z') })
    expect(db.newestModified()?.getTime()).toBe(Math.max(...dates))
    expect(lines.join('\n')).toMatch(/1 advisories .* dated in the future \(first: PYSEC-2099-1/)
    const later = await OfflineDatabase.load(dir, { now: new Date('2027-08-01T00:00:00Z') })
    expect(later.newestModified()?.toISOString()).toBe('2027-07-09T15:45:00.000Z')
  })
})

describe('a zip like OSV all.zip', () => {
  test('gives the same answers with records at the root, in folders, or in ZIP64 form', async () => {
    for (const zip of [
      writeZip(fixtureMembers()),
      writeZip([{ name: 'PyPI/', data: '' }, ...fixtureMembers('PyPI/')]),
      writeZip(fixtureMembers('a/b/'), { zip64: true })
    ]) {
      const db = await OfflineDatabase.load(zip)
      expect(db.name).toBe(`offline database ${zip}`)
      expect(await ids(db, QUERIES)).toEqual(EXPECTED)
    }
  })

  test('the test zips are valid for an independent reader (yauzl), ZIP64 included', async () => {
    for (const zip64 of [false, true]) {
      const file = writeZip(fixtureMembers('x/'), { zip64 })
      const archive = await yauzl.openPromise(file, { lazyEntries: true })
      const names: string[] = []
      for await (const entry of archive.eachEntry()) {
        const stream = await archive.openReadStreamPromise(entry)
        const chunks: Buffer[] = []
        for await (const chunk of stream) chunks.push(chunk as Buffer)
        expect(Buffer.concat(chunks)).toEqual(
          fs.readFileSync(path.join(RECORDS, entry.fileName.slice(2)))
        )
        names.push(entry.fileName)
      }
      archive.close()
      expect(names).toHaveLength(fs.readdirSync(RECORDS).length)
    }
  })

  test('reads stored members, skips non-JSON and hidden members, ignores non-PyPI records', async () => {
    const npm = {
      id: 'GHSA-npm-only',
      modified: '2024-01-01T00:00:00Z',
      affected: [{ package: { ecosystem: 'npm', name: 'requests' } }]
    }
    const zip = writeZip([
      ...fixtureMembers().map(m => ({ ...m, method: 'store' as const })),
      { name: 'README.txt', data: 'not json' },
      { name: '__MACOSX/._PYSEC-2018-28.json', data: '\0\x05\x16\x07 binary' },
      { name: '.hidden/x.json', data: '{' },
      { name: 'npm/GHSA-npm-only.json', data: JSON.stringify(npm) }
    ])
    const db = await OfflineDatabase.load(zip)
    expect(db.recordCount).toBe(fs.readdirSync(RECORDS).length)
    expect(await ids(db, QUERIES)).toEqual(EXPECTED)
  })
})

describe('refuses zip bombs', () => {
  // Spaces inside a JSON string: 9 MiB that deflate to a few KiB.
  const bomb = Buffer.from(
    `{"id": "PYSEC-0000-0", "modified": "2024-01-01T00:00:00Z", "details": "${' '.repeat(9 * MiB)}"}`
  )

  test('a member that declares more than the per-file limit', async () => {
    const zip = writeZip([{ name: 'PYSEC-0000-0.json', data: bomb }])
    expect(fs.statSync(zip).size).toBeLessThan(64 * 1024)
    const error = await loadError(zip)
    expect(error).toBeInstanceOf(ParseError)
    expect((error as ParseError).position.file).toBe(zip)
    expect((error as Error).message).toMatch(
      /member "PYSEC-0000-0.json" declares \d+ bytes, over the per-file limit of 8388608 bytes/
    )
  })

  test('a member that lies about its size is stopped at the limit while inflating', async () => {
    const zip = writeZip([{ name: 'PYSEC-0000-0.json', data: bomb, declaredSize: 100 }])
    expect(fs.statSync(zip).size).toBeLessThan(64 * 1024)
    expect(((await loadError(zip)) as Error).message).toMatch(
      /member "PYSEC-0000-0.json" inflates past the per-file limit of 8388608 bytes/
    )
  })

  test('a member that holds fewer bytes than it declares', async () => {
    const zip = writeZip([{ name: 'a.json', data: '{}', declaredSize: 5000 }])
    expect(((await loadError(zip)) as Error).message).toMatch(
      /member "a.json" declares 5000 bytes but holds 2/
    )
  })

  test('too many members, and too many bytes in total', async () => {
    const members = fixtureMembers()
    expect(
      ((await loadError(writeZip(members), { limits: { maxEntries: 3 } })) as Error).message
    ).toMatch(/has 15 members, over the limit of 3/)
    // Each fixture is small, so every one passes the per-file limit; together they do not.
    const error = await loadError(
      writeZip(
        members.map(m => ({
          ...m,
          data: Buffer.concat([m.data as Buffer, Buffer.alloc(30_000, ' ')])
        }))
      ),
      {
        limits: { maxTotalBytes: 200_000 }
      }
    )
    expect((error as Error).message).toMatch(/inflates past the total limit of 200000 bytes/)
  })
})

describe('fails closed with an error naming the file', () => {
  test('malformed JSON in a directory: file, line and column', async () => {
    const dir = copyFixtures()
    fs.writeFileSync(
      path.join(dir, 'PYSEC-2020-96.json'),
      '{\n  "id": "PYSEC-2020-96",\n  oops\n}\n'
    )
    const error = await loadError(dir)
    expect(error).toBeInstanceOf(ParseError)
    expect((error as ParseError).position).toEqual({
      file: path.join(dir, 'PYSEC-2020-96.json'),
      line: 3,
      column: 3
    })
  })

  test('malformed JSON in a zip: the member name, never the member text', async () => {
    const zip = writeZip([
      ...fixtureMembers('PyPI/'),
      { name: 'PyPI/PYSEC-9999-1.json', data: '{"id": "::error::injected' }
    ])
    const error = await loadError(zip)
    expect(error).toBeInstanceOf(ParseError)
    expect((error as Error).message).toMatch(
      new RegExp(`^${escape(zip)}: member "PyPI/PYSEC-9999-1.json": invalid JSON`)
    )
    expect((error as Error).message).not.toContain('injected')
  })

  test('JSON that is not an OSV record', async () => {
    for (const [text, problem] of [
      ['[]', 'not a JSON object'],
      ['{"modified": "2024-01-01T00:00:00Z"}', '"id" is missing'],
      ['{"id": "X-1", "modified": "soon"}', '"modified" is not a timestamp'],
      [
        '{"id": "X-1", "modified": "2024-01-01T00:00:00Z", "affected": {}}',
        '"affected" is not a list'
      ],
      [
        '{"id": "X-1", "modified": "2024-01-01T00:00:00Z", "affected": [{"ranges": [{"type": "ECOSYSTEM", "events": [{"fixed": 2}]}]}]}',
        'affected[0].ranges[0] needs a "type" and a list of string "events"'
      ]
    ]) {
      const dir = fs.mkdtempSync(path.join(root, 'shape-'))
      fs.writeFileSync(path.join(dir, 'X-1.json'), text!)
      expect(((await loadError(dir)) as Error).message).toBe(
        `${path.join(dir, 'X-1.json')}: not an OSV record: ${problem}`
      )
    }
  })

  test('a file that is not a zip, a truncated zip, a missing path', async () => {
    const text = scratch('db.txt')
    fs.writeFileSync(text, 'hello')
    expect(await loadError(text)).toEqual(
      new ParseError({ file: text }, 'is not a zip archive (no end of central directory)')
    )
    const truncated = scratch('cut.zip')
    fs.writeFileSync(truncated, makeZip(fixtureMembers()).subarray(0, 5000))
    expect(await loadError(truncated)).toBeInstanceOf(ParseError)
    const missing = path.join(root, 'nowhere')
    const error = await loadError(missing)
    expect(error).toBeInstanceOf(FeedError)
    expect((error as Error).message).toContain(`offline database ${missing}`)
  })

  test('a directory over the per-file or file-count limit', async () => {
    const error = await loadError(RECORDS, { limits: { maxEntryBytes: 2000 } })
    expect(error).toBeInstanceOf(ParseError)
    expect((error as Error).message).toMatch(
      /\.json: is \d+ bytes, over the per-file limit of 2000 bytes/
    )
    expect(await loadError(RECORDS, { limits: { maxEntries: 3 } })).toEqual(
      new ParseError({ file: RECORDS }, 'holds more than 3 JSON files')
    )
  })
})

test('a directory is read recursively, skipping hidden folders; duplicates keep the newest copy', async () => {
  const dir = copyFixtures('nested/PyPI')
  fs.mkdirSync(path.join(dir, '.github'))
  fs.writeFileSync(path.join(dir, '.github', 'renovate.json'), '{"extends": []}')
  const older = {
    ...readRecord(path.join(RECORDS, 'PYSEC-2020-96.json')),
    modified: '2000-01-01T00:00:00Z',
    summary: 'old copy'
  }
  fs.writeFileSync(path.join(dir, 'old-copy.json'), JSON.stringify(older))
  const { logger, lines } = recordingLogger()
  const db = await OfflineDatabase.load(dir, { logger })
  expect(await ids(db, QUERIES)).toEqual(EXPECTED)
  const [found] = await db.lookup([{ name: 'pyyaml', version: '5.3' }])
  expect(found?.find(r => r.id === 'PYSEC-2020-96')?.summary).toBeUndefined()
  expect(lines).toContain(
    `warning 1 advisories appear more than once in ${dir} (first: PYSEC-2020-96); the most recently modified copy of each is used`
  )
})

function copyFixtures(sub = ''): string {
  const dir = fs.mkdtempSync(path.join(root, 'dir-'))
  fs.cpSync(RECORDS, path.join(dir, sub), { recursive: true })
  return dir
}
function readRecord(file: string): OsvRecord {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as OsvRecord
}
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

const SHARED = path.resolve(TESTS_DIR, '..', '..', 'shared', 'osv-pypi')
const haveShared =
  fs.existsSync(path.join(SHARED, 'PyPI-all.zip')) && fs.existsSync(path.join(SHARED, 'PyPI'))
if (!haveShared) console.log(`Skipping the tests on real OSV data: ${SHARED} is absent`)

const describeShared = haveShared ? describe : describe.skip

describeShared('the shared 2026-07-23 snapshot (../shared/osv-pypi)', () => {
  let fromZip: OfflineDatabase
  let fromDirectory: OfflineDatabase
  let records: OsvRecord[]
  beforeAll(async () => {
    let started = performance.now()
    fromZip = await OfflineDatabase.load(path.join(SHARED, 'PyPI-all.zip'))
    const zipMs = performance.now() - started
    started = performance.now()
    fromDirectory = await OfflineDatabase.load(path.join(SHARED, 'PyPI'))
    const directoryMs = performance.now() - started
    console.log(
      `Loaded PyPI-all.zip in ${Math.round(zipMs)} ms, PyPI/ in ${Math.round(directoryMs)} ms`
    )
    const dir = path.join(SHARED, 'PyPI')
    records = fs.readdirSync(dir).map(name => readRecord(path.join(dir, name)))
  })

  test.each([
    [
      'requests',
      '2.19.0',
      ['PYSEC-2018-28', 'PYSEC-2023-74', 'PYSEC-2026-1872', 'PYSEC-2026-1873', 'PYSEC-2026-2275']
    ],
    ['requests', '2.32.4', ['PYSEC-2026-2275']],
    ['pyyaml', '5.3', ['PYSEC-2020-96', 'PYSEC-2021-142']],
    ['PyYAML', '6.0.1', []]
  ])('%s %s is affected by exactly %j', async (name, version, expected) => {
    for (const db of [fromZip, fromDirectory]) {
      expect(db.recordCount).toBe(7080)
      expect(await ids(db, [{ name, version }])).toEqual([expected])
    }
  })

  test('fix versions as pip-audit would report them', async () => {
    const [found] = await fromZip.lookup([{ name: 'requests', version: '2.19.0' }])
    const vulns = dedupeAliases(found!.map(r => toVulnerability(r, 'requests')!))
    expect(vulns.map(v => `${v.id} ${v.fixVersions.join(',')}`)).toEqual([
      'PYSEC-2018-28 2.20.0',
      'PYSEC-2023-74 2.31.0',
      'PYSEC-2026-1872 2.32.4',
      'PYSEC-2026-1873 2.32.0',
      'PYSEC-2026-2275 2.33.0'
    ])
  })

  test('withdrawn records are never reported, even for the versions they list', async () => {
    const withdrawn = records.filter(r => r.withdrawn != null)
    expect(withdrawn.length).toBe(269)
    const queries = withdrawn.flatMap(r =>
      (r.affected ?? []).flatMap(a =>
        ['0.0.1', '99.0', ...(a.versions ?? []).slice(0, 3)].map(version => ({
          name: a.package!.name,
          version
        }))
      )
    )
    const withdrawnIds = new Set(withdrawn.map(r => r.id))
    for (const db of [fromZip, fromDirectory]) {
      const reported = (await db.lookup(queries)).flat().filter(r => withdrawnIds.has(r.id))
      expect(reported).toEqual([])
    }
  })

  test('directory and zip give identical answers for every package', async () => {
    // A few versions per package: fixed guesses plus listed ones spread over its records.
    const versions = new Map<string, Set<string>>()
    for (const r of records) {
      for (const a of r.affected ?? []) {
        const picks = versions.get(a.package!.name) ?? new Set(['0.1', '1.0', '999'])
        const listed = a.versions ?? []
        if (picks.size < 7) [listed[0], listed.at(-1)].forEach(v => v !== undefined && picks.add(v))
        versions.set(a.package!.name, picks)
      }
    }
    const queries = [...versions].flatMap(([name, picks]) =>
      [...picks].map(version => ({ name, version }))
    )
    expect(versions.size).toBeGreaterThan(1500)
    const zipAnswers = await ids(fromZip, queries)
    expect(await ids(fromDirectory, queries)).toEqual(zipAnswers)
    // Not vacuous: many of the listed versions are affected.
    expect(zipAnswers.filter(answer => answer.length > 0).length).toBeGreaterThan(
      queries.length / 4
    )
  }, 120_000)

  test('the newest modified date leaves out the two records dated 2027 by typo', () => {
    expect(fromZip.newestModified()?.toISOString()).toBe('2026-07-23T14:34:38.042Z')
    expect(fromDirectory.newestModified()).toEqual(fromZip.newestModified())
  })

  test('the 2024-10-10 snapshot loads', async () => {
    const old = await OfflineDatabase.load(path.join(SHARED, 'pypa-2024-10-10', 'PyPI-all.zip'))
    expect(old.recordCount).toBe(2661)
    expect(await ids(old, [{ name: 'requests', version: '2.19.0' }])).toEqual([
      ['PYSEC-2018-28', 'PYSEC-2023-74']
    ])
    expect(old.newestModified()!.getTime()).toBeLessThan(Date.parse('2024-10-11T00:00:00Z'))
  })
})
