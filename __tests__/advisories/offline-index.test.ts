/**
 * The offline database's cached index: a run through it must answer exactly as a full load
 * does (results, their order, recordsFor, counts, dates, warnings), and an index that does not
 * fit the database (changed, damaged or tampered with) must never be trusted.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ParseError } from '../../src/shared/errors.js'
import type { Logger } from '../../src/shared/log.js'
import { OfflineDatabase, type OfflineDatabaseOptions } from '../../src/advisories/offline-db.js'
import type { OsvRecord, PackageVersion } from '../../src/advisories/osv.js'
import { makeZip, type ZipMemberSpec } from '../fixtures/osv/make-zip.js'
import { TESTS_DIR } from '../support/paths.js'

const RECORDS = path.resolve(TESTS_DIR, 'fixtures', 'osv', 'records')
const NOW = new Date('2026-11-29T00:00:00Z')

let root: string
let indexDir: string
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'pyaudit-offline-index-'))
})
afterAll(() => fs.rmSync(root, { recursive: true, force: true }))
beforeEach(() => {
  indexDir = fs.mkdtempSync(path.join(root, 'index-'))
})

const fixture = (id: string): OsvRecord =>
  JSON.parse(fs.readFileSync(path.join(RECORDS, `${id}.json`), 'utf8')) as OsvRecord
const json = (record: OsvRecord) => JSON.stringify(record, null, 2)

/** The fixtures plus what a full load warns about: a duplicate, a future date, schema 2.0. */
const EXTRAS: Record<string, OsvRecord> = {
  'old-copy.json': {
    ...fixture('PYSEC-2020-96'),
    modified: '2000-01-01T00:00:00Z',
    summary: 'old'
  },
  'typo.json': {
    ...fixture('PYSEC-2018-28'),
    id: 'PYSEC-2099-1',
    modified: '2027-07-09T15:45:00Z'
  },
  'v2.json': { ...fixture('PYSEC-2021-142'), id: 'PYSEC-2021-9142', schema_version: '2.0.0' },
  'npm.json': {
    id: 'GHSA-npm-only',
    modified: '2026-08-01T00:00:00Z',
    affected: [{ package: { ecosystem: 'npm', name: 'requests' } }]
  },
  'twins.json': {
    id: 'GHSA-test-twins',
    modified: '2026-06-01T00:00:00Z',
    affected: [
      { package: { ecosystem: 'PyPI', name: 'Twin_Lib' }, versions: ['1.0'] },
      { package: { ecosystem: 'PyPI', name: 'requests' }, versions: ['2.19.0'] }
    ]
  }
}
const members = (prefix: string): ZipMemberSpec[] => [
  ...fs.readdirSync(RECORDS).map(name => ({
    name: prefix + name,
    data: fs.readFileSync(path.join(RECORDS, name)),
    method: 'store' as const
  })),
  ...Object.entries(EXTRAS).map(([name, record]) => ({ name: prefix + name, data: json(record) }))
]

const QUERIES: PackageVersion[] = [
  { name: 'requests', version: '2.19.0' },
  { name: 'Requests', version: '2.31.0' },
  { name: 'PyYAML', version: '5.3' },
  { name: 'twin.lib', version: '1.0' },
  { name: 'repox', version: '0.0.1' },
  { name: 'mistral', version: '1.0' },
  { name: 'unknown-package', version: '1.0' }
]

let counter = 0
function writeDirectory(): string {
  const dir = path.join(root, `db-${counter++}`)
  fs.mkdirSync(path.join(dir, 'nested'), { recursive: true })
  fs.cpSync(RECORDS, path.join(dir, 'PyPI'), { recursive: true })
  for (const [name, record] of Object.entries(EXTRAS)) {
    fs.writeFileSync(path.join(dir, 'nested', name), json(record))
  }
  return dir
}
function writeZip(specs: ZipMemberSpec[], options?: { zip64?: boolean }): string {
  const file = path.join(root, `db-${counter++}.zip`)
  fs.writeFileSync(file, makeZip(specs, options))
  return file
}

interface Answers {
  count: number
  newest: string | undefined
  lookups: OsvRecord[][]
  recordsFor: (readonly OsvRecord[])[]
  /** Every log line, the load time left out. */
  lines: string[]
}

/** One run: its answers, and what it did with the index ('used', 'rebuilt (reason)'). */
async function run(
  location: string,
  options: OfflineDatabaseOptions = {},
  queries: PackageVersion[] = QUERIES
): Promise<Answers & { index: string | undefined }> {
  const lines: string[] = []
  const logger: Logger = {
    debug: m => lines.push(`debug ${m}`),
    info: m => lines.push(m),
    warning: m => lines.push(`warning ${m}`)
  }
  const db = await OfflineDatabase.load(location, { now: NOW, ...options, logger })
  const lookups = await db.lookup(queries)
  const recordsFor = queries.map(query => db.recordsFor(query.name))
  const indexLine = lines.find(line => /^debug Offline index \S+: (used|rebuilt)/.test(line))
  return {
    count: db.recordCount,
    newest: db.newestModified()?.toISOString(),
    lookups,
    recordsFor,
    lines: lines.filter(line => line !== indexLine).map(line => line.replace(/ in \d+ ms$/, '')),
    index: indexLine?.replace(/^debug Offline index \S+: /, '')
  }
}
const withIndex = (location: string, options: OfflineDatabaseOptions = {}, queries = QUERIES) =>
  run(location, { ...options, indexDir }, queries)
const answers = ({ index: _index, ...rest }: Answers & { index?: string }): Answers => rest
const ids = (found: OsvRecord[][]) => found.map(records => records.map(r => r.id))

function indexFiles(): string[] {
  return fs.readdirSync(indexDir).map(name => path.join(indexDir, name))
}
/** Rewrites the stored index with a valid checksum, so only its shape or content is wrong. */
function tamper(change: (index: Record<string, unknown>) => void): void {
  const [file] = indexFiles()
  const stored = JSON.parse(fs.readFileSync(file!, 'utf8')) as { index: Record<string, unknown> }
  change(stored.index)
  const body = JSON.stringify(stored.index)
  const checksum = createHash('sha256').update(body).digest('hex')
  fs.writeFileSync(file!, `{"format":1,"checksum":"${checksum}","index":${body}}`)
}
const entryOf = (index: Record<string, unknown>, id: string): number =>
  (index.ids as string[]).indexOf(id)

describe.each([
  ['a directory', () => writeDirectory()],
  ['a zip', () => writeZip([{ name: 'PyPI/', data: '' }, ...members('PyPI/')])],
  ['a ZIP64 zip', () => writeZip(members('a/b/'), { zip64: true })]
])('%s read through its index', (_kind, create) => {
  let location: string
  let full: Answers
  beforeAll(async () => {
    location = create()
    full = await run(location)
  })

  test('answers exactly as a full load: results, order, records, counts, dates and warnings', async () => {
    expect(ids(full.lookups)).toEqual([
      ['GHSA-test-twins', 'GHSA-x84v-xcm2-53pg', 'PYSEC-2018-28', 'PYSEC-2023-74', 'PYSEC-2099-1'],
      [],
      ['PYSEC-2020-96', 'PYSEC-2021-142', 'PYSEC-2021-9142'],
      ['GHSA-test-twins'],
      [],
      [],
      []
    ])
    // The warnings are there to be compared: a duplicate, a schema 2.0 record, a future date.
    expect(full.lines.join('\n')).toMatch(
      /warning 1 advisories appear more than once .*PYSEC-2020-96/
    )
    expect(full.lines.join('\n')).toMatch(/warning 1 advisories .* schema .*PYSEC-2021-9142/)
    expect(full.lines.join('\n')).toMatch(/debug 1 advisories .* future \(first: PYSEC-2099-1/)
    expect(full.lines).toContain('debug 1 advisories have no PyPI package; ignored')

    const first = await withIndex(location)
    expect(first.index).toBe('rebuilt (absent)')
    expect(answers(first)).toEqual(full)
    expect(indexFiles()).toHaveLength(1)
    const second = await withIndex(location)
    expect(second.index).toBe('used')
    expect(answers(second)).toEqual(full)
  })

  test('dates in the future are judged by the clock of each run, not of the index build', async () => {
    await withIndex(location)
    const later = { now: new Date('2027-08-01T00:00:00Z') }
    const fromIndex = await withIndex(location, later)
    expect(fromIndex.index).toBe('used')
    expect(fromIndex.newest).toBe('2027-07-09T15:45:00.000Z')
    expect(answers(fromIndex)).toEqual(answers(await run(location, later)))
  })

  test('a package not looked up yet is an internal error, never an empty answer', async () => {
    await withIndex(location)
    const db = await OfflineDatabase.load(location, { indexDir })
    expect(() => db.recordsFor('pyyaml')).toThrow(/Internal error: recordsFor\("pyyaml"\)/)
    await db.lookup([{ name: 'PyYAML', version: '1.0' }])
    expect(db.recordsFor('pyyaml').map(r => r.id)).toEqual([
      'PYSEC-2020-96',
      'PYSEC-2021-142',
      'PYSEC-2021-9142'
    ])
  })
})

describe('a changed database rebuilds the index', () => {
  const changedZips: [string, (specs: ZipMemberSpec[]) => ZipMemberSpec[]][] = [
    [
      'a member modified',
      specs =>
        specs.map(spec =>
          spec.name.endsWith('PYSEC-2023-74.json')
            ? {
                name: spec.name,
                data: json({ ...fixture('PYSEC-2023-74'), withdrawn: '2026-09-01T00:00:00Z' })
              }
            : spec
        )
    ],
    [
      'a member added',
      specs => [
        ...specs,
        {
          name: 'PyPI/PYSEC-2026-9999.json',
          data: json({ ...fixture('PYSEC-2018-28'), id: 'PYSEC-2026-9999' })
        }
      ]
    ],
    ['a member removed', specs => specs.filter(spec => !spec.name.endsWith('PYSEC-2018-28.json'))]
  ]
  test.each(changedZips)('a zip with %s', async (_change, change) => {
    const zip = path.join(root, `changing-${counter++}.zip`)
    fs.writeFileSync(zip, makeZip(members('PyPI/')))
    await withIndex(zip)
    const before = await withIndex(zip)
    fs.writeFileSync(zip, makeZip(change(members('PyPI/'))))
    const after = await withIndex(zip)
    expect(after.index).toBe('rebuilt (stale)')
    expect(answers(after)).toEqual(await run(zip))
    expect(ids(after.lookups)).not.toEqual(ids(before.lookups))
    expect((await withIndex(zip)).index).toBe('used')
  })

  test.each([
    [
      'a file touched',
      (dir: string) => fs.utimesSync(path.join(dir, 'PyPI', 'PYSEC-2018-28.json'), NOW, NOW)
    ],
    [
      'a file added',
      (dir: string) =>
        fs.writeFileSync(
          path.join(dir, 'PyPI', 'new.json'),
          json({ ...fixture('PYSEC-2018-28'), id: 'PYSEC-2026-9999' })
        )
    ],
    ['a file removed', (dir: string) => fs.rmSync(path.join(dir, 'PyPI', 'PYSEC-2018-28.json'))],
    [
      'a file rewritten',
      (dir: string) =>
        fs.writeFileSync(
          path.join(dir, 'PyPI', 'PYSEC-2023-74.json'),
          json({ ...fixture('PYSEC-2023-74'), withdrawn: '2026-09-01T00:00:00Z' })
        )
    ]
  ])('a directory with %s', async (_change, change) => {
    const dir = writeDirectory()
    await withIndex(dir)
    change(dir)
    const after = await withIndex(dir)
    expect(after.index).toBe('rebuilt (stale)')
    expect(answers(after)).toEqual(await run(dir))
    expect((await withIndex(dir)).index).toBe('used')
  })

  test('other zip limits', async () => {
    const zip = writeZip(members('PyPI/'))
    await withIndex(zip)
    const stricter = { limits: { maxEntryBytes: 1024 * 1024 } }
    expect((await withIndex(zip, stricter)).index).toBe('rebuilt (stale)')
    // A limit the database breaks fails the run through an index as it does without one.
    const tiny = { limits: { maxEntryBytes: 2000 } }
    await expect(withIndex(zip, tiny)).rejects.toThrow(/over the per-file limit of 2000 bytes/)
  })
})

describe('a damaged index is discarded, the run stays correct and the index is rebuilt', () => {
  const damages: [string, string, () => void][] = [
    ['truncated', 'checksum mismatch', () => cut(indexFiles()[0]!)],
    ['empty', 'not an index', () => fs.writeFileSync(indexFiles()[0]!, '')],
    ['not ours', 'not an index', () => fs.writeFileSync(indexFiles()[0]!, '{"index": {}}')],
    [
      'another format',
      'another format',
      () => edit(text => text.replace('"format":1', '"format":99'))
    ],
    [
      'edited',
      'checksum mismatch',
      () => edit(text => text.replace('PYSEC-2018-28', 'PYSEC-2018-29'))
    ],
    ['entries not a list', 'ill-shaped (entries)', () => tamper(i => (i.members = {}))],
    [
      'a name not normalised',
      'ill-shaped (a package name)',
      () => tamper(i => renamePackage(i, 'pyyaml', 'PyYAML'))
    ],
    [
      'a position out of range',
      'ill-shaped (a position)',
      () => tamper(i => ((i.packages as Record<string, number[]>).pyyaml = [0, 9999]))
    ],
    [
      'a member that does not exist',
      'ill-shaped (a member the database does not hold)',
      () => tamper(i => ((i.members as string[])[0] = 'PyPI/nowhere.json'))
    ],
    [
      'a member outside the database',
      'ill-shaped (a member the database does not hold)',
      () => tamper(i => ((i.members as string[])[0] = '../../etc/passwd'))
    ],
    ['a bad tally', 'ill-shaped (tallies)', () => tamper(i => (i.duplicates = [0, 'x']))],
    [
      'columns of different lengths',
      'ill-shaped (entries)',
      () => tamper(i => (i.ids as string[]).pop())
    ],
    [
      'a date that is not one',
      'ill-shaped (a modified date)',
      () => tamper(i => ((i.modified as string[])[1] = 'soon'))
    ],
    [
      'an id twice',
      'ill-shaped (an id)',
      () => tamper(i => ((i.ids as string[])[1] = (i.ids as string[])[0]!))
    ],
    [
      'positions out of order',
      'ill-shaped (a position)',
      () => tamper(i => (i.packages as Record<string, number[]>).requests!.reverse())
    ],
    [
      'the key of another database',
      'stale',
      () => tamper(i => ((i.key as { fingerprint: string }).fingerprint = '0'.repeat(64)))
    ],
    [
      'a record no package lists',
      'ill-shaped (an entry no package names)',
      () => tamper(i => delete (i.packages as Record<string, number[]>)['jw-util'])
    ]
  ]
  test.each(damages)('%s', async (_damage, reason, damage) => {
    for (const location of [writeDirectory(), writeZip(members('PyPI/'))]) {
      indexDir = fs.mkdtempSync(path.join(root, 'index-'))
      const full = await run(location)
      await withIndex(location)
      damage()
      const damaged = await withIndex(location)
      expect(damaged.index).toBe(`rebuilt (${reason})`)
      expect(answers(damaged)).toEqual(full)
      expect((await withIndex(location)).index).toBe('used')
    }
  })

  function cut(file: string): void {
    fs.writeFileSync(file, fs.readFileSync(file).subarray(0, 1000))
  }
  function edit(change: (text: string) => string): void {
    const [file] = indexFiles()
    fs.writeFileSync(file!, change(fs.readFileSync(file!, 'utf8')))
  }
  function renamePackage(index: Record<string, unknown>, from: string, to: string): void {
    const packages = index.packages as Record<string, number[]>
    packages[to] = packages[from]!
    delete packages[from]
  }
})

describe('an index that passes its checks but lies is caught when records are read', () => {
  test.each([
    [
      'two records swapped',
      (i: Record<string, unknown>) => {
        const column = i.members as string[]
        const [a, b] = [entryOf(i, 'PYSEC-2020-96'), entryOf(i, 'PYSEC-2023-74')]
        ;[column[a], column[b]] = [column[b]!, column[a]!]
      },
      /"PyPI\/PYSEC-2020-96.json" holds another record/
    ],
    [
      'a record listed under a package it does not name',
      (i: Record<string, unknown>) => {
        const packages = i.packages as Record<string, number[]>
        packages.pyyaml = [...packages.pyyaml!, entryOf(i, 'PYSEC-2018-28')].sort((x, y) => x - y)
      },
      /PYSEC-2018-28 is listed under other packages/
    ],
    [
      'a record left out of a package it names',
      (i: Record<string, unknown>) => {
        const packages = i.packages as Record<string, number[]>
        packages.requests = packages.requests!.filter(p => p !== entryOf(i, 'GHSA-test-twins'))
      },
      /GHSA-test-twins is listed under other packages/
    ]
  ])('%s: every record is read instead, with a warning', async (_lie, lie, problem) => {
    const zip = writeZip(members('PyPI/'))
    const full = await run(zip)
    await withIndex(zip)
    tamper(lie)
    const lied = await withIndex(zip)
    expect(lied.index).toBe('used')
    const warnings = lied.lines.filter(line => line.includes('does not match the database'))
    expect(warnings).toEqual([expect.stringMatching(problem)])
    expect(lied.lookups).toEqual(full.lookups)
    expect(lied.recordsFor).toEqual(full.recordsFor)
    // The full load rewrote the index: the next run trusts it again, and rightly.
    const next = await withIndex(zip)
    expect(next.index).toBe('used')
    expect(answers(next)).toEqual(full)
  })
})

test.each([
  ['a zip', () => writeZip(members('PyPI/'))],
  ['a directory', () => writeDirectory()]
])('%s changed between load and lookup: the new records are read in full', async (kind, create) => {
  const location = create()
  await withIndex(location)
  const warnings: string[] = []
  const logger = { debug: () => {}, info: () => {}, warning: (m: string) => warnings.push(m) }
  const db = await OfflineDatabase.load(location, { indexDir, now: NOW, logger })
  warnings.length = 0
  const changed = {
    ...fixture('PYSEC-2018-28'),
    modified: '2026-09-01T00:00:00Z',
    withdrawn: '2026-09-01T00:00:00Z'
  }
  if (kind === 'a zip') {
    const specs = members('PyPI/').map(spec =>
      spec.name.endsWith('/PYSEC-2018-28.json') ? { name: spec.name, data: json(changed) } : spec
    )
    fs.writeFileSync(location, makeZip(specs))
  } else {
    fs.writeFileSync(path.join(location, 'PyPI', 'PYSEC-2018-28.json'), json(changed))
  }
  const found = await db.lookup(QUERIES)
  expect(ids(found)[0]).not.toContain('PYSEC-2018-28')
  expect(warnings[0]).toMatch(
    /does not match the database \("PyPI.{1,2}PYSEC-2018-28.json" holds another record\)/
  )
  expect(found).toEqual((await run(location)).lookups)
})

test('an index that cannot be written costs the next run time, nothing else', async () => {
  const zip = writeZip(members('PyPI/'))
  const blocker = path.join(root, `not-a-folder-${counter++}`)
  fs.writeFileSync(blocker, '')
  const unwritable = await run(zip, { indexDir: path.join(blocker, 'offline-index') })
  expect(unwritable.index).toBe('rebuilt (absent)')
  const written = unwritable.lines.filter(line => /Offline index .*: not written/.test(line))
  expect(written).toEqual([expect.stringContaining('ENOTDIR')])
  expect(unwritable.lines.filter(line => !written.includes(line))).toEqual((await run(zip)).lines)
  const { lines: _lines, ...rest } = answers(unwritable)
  const { lines: _fullLines, ...full } = await run(zip)
  expect(rest).toEqual(full)
})

describe('a malformed member fails the run as a full load does', () => {
  const errorOf = (promise: Promise<unknown>) =>
    promise.then(
      () => {
        throw new Error('expected a ParseError')
      },
      (error: unknown) => {
        expect(error).toBeInstanceOf(ParseError)
        const { name, message, position } = error as ParseError
        return { name, message, position }
      }
    )

  test('on the first run, before any index exists: the same ParseError, and no index', async () => {
    const zip = writeZip([
      ...members('PyPI/'),
      { name: 'PyPI/PYSEC-9999-1.json', data: '{"id": "PYSEC-9999-1",' }
    ])
    const expected = await errorOf(run(zip))
    expect(expected.message).toMatch(/member "PyPI\/PYSEC-9999-1.json": invalid JSON/)
    expect(await errorOf(withIndex(zip))).toEqual(expected)
    expect(indexFiles()).toEqual([])
  })

  test('a file of a needed package made malformed behind an unchanged size and mtime', async () => {
    const dir = writeDirectory()
    const file = path.join(dir, 'PyPI', 'PYSEC-2020-96.json')
    // Whole seconds, which set and read back exactly.
    fs.utimesSync(file, 1_700_000_000, 1_700_000_000)
    await withIndex(dir)
    const { size } = fs.statSync(file)
    fs.writeFileSync(file, '{\n  "id": "PYSEC-2020-96",\n  oops'.padEnd(size, ' '))
    fs.utimesSync(file, 1_700_000_000, 1_700_000_000)
    const expected = await errorOf(run(dir))
    expect(expected.position).toEqual({ file, line: 3, column: 3 })
    // Only the members of the packages looked up are read: the others still answer.
    const other = await withIndex(dir, {}, [{ name: 'requests', version: '2.19.0' }])
    expect(other.index).toBe('used')
    expect(ids(other.lookups)).toEqual([
      ['GHSA-test-twins', 'GHSA-x84v-xcm2-53pg', 'PYSEC-2018-28', 'PYSEC-2023-74', 'PYSEC-2099-1']
    ])
    expect(await errorOf(withIndex(dir))).toEqual(expected)
  })

  test('a corrupt member of a needed package in a zip whose directory is unchanged', async () => {
    const zip = writeZip(members('PyPI/'))
    await withIndex(zip)
    // Stored members hold their JSON as is: change one byte, keeping the central directory.
    const bytes = fs.readFileSync(zip)
    const at = bytes.indexOf('"id": "PYSEC-2020-96"')
    bytes[at + 8] = 'Q'.charCodeAt(0)
    fs.writeFileSync(zip, bytes)
    const expected = await errorOf(run(zip))
    expect(expected.message).toMatch(/member "PyPI\/PYSEC-2020-96.json" fails its checksum/)
    const other = await withIndex(zip, {}, [{ name: 'requests', version: '2.19.0' }])
    expect(other.index).toBe('used')
    expect(await errorOf(withIndex(zip))).toEqual(expected)
  })
})

const SHARED = path.resolve(TESTS_DIR, '..', '..', 'shared', 'osv-pypi')
const haveShared =
  fs.existsSync(path.join(SHARED, 'PyPI-all.zip')) && fs.existsSync(path.join(SHARED, 'PyPI'))
if (!haveShared) console.log(`Skipping the index tests on real OSV data: ${SHARED} is absent`)

;(haveShared ? describe : describe.skip)('the real PyPI database (../shared/osv-pypi)', () => {
  let pins: PackageVersion[]
  beforeAll(() => {
    pins = drawPins(path.join(SHARED, 'PyPI'), 500)
  })

  test.each(['PyPI-all.zip', 'PyPI'])(
    '%s: 500 pins answer the same with and without the index',
    async name => {
      const location = path.join(SHARED, name)
      let started = performance.now()
      const full = await run(location, {}, pins)
      const fullMs = performance.now() - started
      const first = await withIndex(location, {}, pins)
      expect(first.index).toBe('rebuilt (absent)')
      started = performance.now()
      const warm = await withIndex(location, {}, pins)
      const warmMs = performance.now() - started
      console.log(
        `${name}: full load and lookup ${Math.round(fullMs)} ms, through the index ${Math.round(warmMs)} ms`
      )
      expect(warm.index).toBe('used')
      expect(full.count).toBe(7080)
      expect(full.lookups.filter(found => found.length > 0).length).toBeGreaterThan(100)
      expect(answers(first)).toEqual(full)
      expect(answers(warm)).toEqual(full)
    },
    120_000
  )
})

/**
 * About `count` pins drawn evenly from the packages the records name: the first and last
 * version each record lists (mostly affected) and an early and a late guess, plus a tenth of
 * packages the database does not know.
 */
function drawPins(dir: string, count: number): PackageVersion[] {
  const versions = new Map<string, Set<string>>()
  for (const file of fs.readdirSync(dir).sort()) {
    const record = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as OsvRecord
    for (const affected of record.affected ?? []) {
      if (affected.package?.ecosystem !== 'PyPI') continue
      const picks = versions.get(affected.package.name) ?? new Set(['0.0.1', '9999'])
      for (const version of [affected.versions?.[0], affected.versions?.at(-1)]) {
        if (version !== undefined && picks.size < 6) picks.add(version)
      }
      versions.set(affected.package.name, picks)
    }
  }
  const names = [...versions.keys()].sort()
  const known = Math.round(count * 0.9)
  const pins: PackageVersion[] = []
  for (let i = 0; pins.length < known; i++) {
    const name = names[Math.floor((i * names.length) / (known / 3)) % names.length]!
    for (const version of versions.get(name)!) pins.push({ name, version })
  }
  const unknown = Array.from({ length: count - known }, (_, i) => ({
    name: `not-in-osv-${i}`,
    version: '1.0'
  }))
  return [...pins.slice(0, known), ...unknown]
}
