/**
 * OSV's all-ecosystem export (and a folder someone fills from several per-ecosystem exports)
 * mixes npm, Go and other records with PyPI ones; the database must read them all without
 * complaint and use only the PyPI entries.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { OfflineDatabase } from '../../src/advisories/offline-db.js'
import type { OsvRecord, PackageVersion } from '../../src/advisories/osv.js'
import { recommendedVersion } from '../../src/advisories/upgrade.js'
import { makeZip } from '../fixtures/osv/make-zip.js'
import { TESTS_DIR } from '../support/paths.js'

const RECORDS = path.resolve(TESTS_DIR, 'fixtures', 'osv', 'records')
const readFixture = (id: string) => fs.readFileSync(path.join(RECORDS, `${id}.json`), 'utf8')

const range = (type: string, introduced: string, fixed: string) => ({
  type,
  events: [{ introduced }, { fixed }]
})

/** One vulnerability in a library shipped to both registries under the same name. */
const BOTH: OsvRecord = {
  id: 'GHSA-test-both-0001',
  modified: '2026-07-01T00:00:00Z',
  aliases: ['CVE-2026-0001'],
  affected: [
    { package: { ecosystem: 'npm', name: 'twin-lib' }, ranges: [range('SEMVER', '0', '2.0.0')] },
    { package: { ecosystem: 'PyPI', name: 'Twin_Lib' }, ranges: [range('ECOSYSTEM', '0', '1.2')] }
  ]
}
const NPM_ONLY: OsvRecord = {
  id: 'GHSA-test-npm-0002',
  // Newer than every PyPI record: it must not make the PyPI data look fresh.
  modified: '2026-07-30T00:00:00Z',
  affected: [
    { package: { ecosystem: 'npm', name: 'requests' }, ranges: [range('SEMVER', '0', '9.0.0')] }
  ]
}
const GO_ONLY: OsvRecord = {
  id: 'GO-2026-0003',
  modified: '2026-07-29T00:00:00Z',
  affected: [
    {
      package: { ecosystem: 'Go', name: 'github.com/example/pyyaml' },
      ranges: [range('SEMVER', '0', '6.1.0')]
    }
  ]
}
const PYPI_IDS = ['PYSEC-2018-28', 'PYSEC-2020-96', 'PYSEC-2021-142', 'PYSEC-2023-74']
const json = (record: OsvRecord) => JSON.stringify(record, null, 2)

const QUERIES: PackageVersion[] = [
  { name: 'requests', version: '2.19.0' },
  { name: 'requests', version: '8.0.0' }, // inside the npm range only
  { name: 'pyyaml', version: '5.3' },
  { name: 'pyyaml', version: '6.0.1' }, // inside the Go range only
  { name: 'twin-lib', version: '1.0' },
  { name: 'twin-lib', version: '1.5' } // inside the npm range only
]
const EXPECTED = [
  ['PYSEC-2018-28', 'PYSEC-2023-74'],
  [],
  ['PYSEC-2020-96', 'PYSEC-2021-142'],
  [],
  ['GHSA-test-both-0001'],
  []
]

let root: string
let zip: string
let dir: string
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'pyaudit-multi-ecosystem-'))
  // The all-ecosystem zip keeps every record at the root.
  zip = path.join(root, 'all.zip')
  fs.writeFileSync(
    zip,
    makeZip([
      { name: `${NPM_ONLY.id}.json`, data: json(NPM_ONLY) },
      ...PYPI_IDS.map(id => ({ name: `${id}.json`, data: readFixture(id) })),
      { name: `${BOTH.id}.json`, data: json(BOTH) },
      { name: `${GO_ONLY.id}.json`, data: json(GO_ONLY) }
    ])
  )
  // A folder per ecosystem, as after unpacking several per-ecosystem exports side by side.
  dir = path.join(root, 'db')
  const write = (folder: string, id: string, data: string) => {
    fs.mkdirSync(path.join(dir, folder), { recursive: true })
    fs.writeFileSync(path.join(dir, folder, `${id}.json`), data)
  }
  for (const id of PYPI_IDS) write('PyPI', id, readFixture(id))
  write('PyPI', BOTH.id, json(BOTH))
  write('npm', BOTH.id, json(BOTH))
  write('npm', NPM_ONLY.id, json(NPM_ONLY))
  write('Go', GO_ONLY.id, json(GO_ONLY))
})
afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

describe.each([
  ['a zip', () => zip],
  ['a directory', () => dir]
])('%s holding PyPI, npm and Go records', (_kind, location) => {
  let db: OfflineDatabase
  const warnings: string[] = []
  beforeAll(async () => {
    const logger = { debug: () => {}, info: () => {}, warning: (m: string) => warnings.push(m) }
    db = await OfflineDatabase.load(location(), { logger, now: new Date('2026-08-01T00:00:00Z') })
  })

  test('holds only the records with a PyPI entry', () => {
    expect(db.recordCount).toBe(PYPI_IDS.length + 1)
  })

  test('matches PyPI ranges only, even for names other ecosystems share', async () => {
    const found = await db.lookup(QUERIES)
    expect(found.map(records => records.map(r => r.id))).toEqual(EXPECTED)
  })

  test('recordsFor gives the mixed record under its normalised PyPI name only', () => {
    expect(db.recordsFor('twin.lib').map(r => r.id)).toEqual([BOTH.id])
    expect(db.recordsFor('requests').map(r => r.id)).toEqual(['PYSEC-2018-28', 'PYSEC-2023-74'])
    expect(db.recordsFor('github.com/example/pyyaml')).toEqual([])
  })

  test("the upgrade comes from the PyPI range, not npm's", () => {
    expect(recommendedVersion('twin-lib', '1.0', db.recordsFor('twin-lib'))).toBe('1.2')
  })

  test("other ecosystems' dates do not make the PyPI data look fresh", () => {
    const pypiDates = PYPI_IDS.map(id => Date.parse(JSON.parse(readFixture(id)).modified))
    expect(db.newestModified()?.getTime()).toBe(Math.max(...pypiDates, Date.parse(BOTH.modified)))
  })

  test('the same record in two folders is one advisory, with a warning', () => {
    const duplicates = warnings.filter(w => /appear more than once/.test(w))
    expect(duplicates).toEqual(
      location() === dir ? [expect.stringContaining(`(first: ${BOTH.id})`)] : []
    )
  })
})
