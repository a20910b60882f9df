import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { OfflineDatabase } from '../../src/advisories/offline-db.js'
import { PYPI_ALL_ZIP_URL, stalenessWarning } from '../../src/pipeline/staleness.js'
import { TESTS_DIR } from '../support/paths.js'

const REPO_ROOT = path.resolve(TESTS_DIR, '..')
const OLD_SNAPSHOT = path.resolve(
  REPO_ROOT,
  '..',
  'shared',
  'osv-pypi',
  'pypa-2024-10-10',
  'PyPI-all.zip'
)
const RECORDS = path.resolve(TESTS_DIR, 'fixtures', 'osv', 'records')
const NOW = new Date('2026-08-01T12:00:00Z')
const daysBefore = (days: number) => new Date(NOW.getTime() - days * 24 * 60 * 60 * 1000)

describe('stalenessWarning', () => {
  test('fresh data, or data exactly at the limit, gives no warning', () => {
    expect(stalenessWarning(daysBefore(1), 7, NOW)).toBeUndefined()
    expect(stalenessWarning(daysBefore(7), 7, NOW)).toBeUndefined()
    expect(stalenessWarning(new Date(NOW.getTime() + 60_000), 7, NOW)).toBeUndefined()
  })

  test('older than the limit: says how old, the newest date, the limit and how to refresh', () => {
    const warning = stalenessWarning(daysBefore(30.5), 7, NOW)
    expect(warning).toBe(
      'The offline advisory database is 30 days old (newest advisory modified ' +
        '2026-07-02T00:00:00.000Z), over the max-db-age limit of 7 days. Stale data is a ' +
        'silent false negative: advisories published since then are missing and the audit ' +
        `still passes. Download ${PYPI_ALL_ZIP_URL} again (or your mirror of it) before ` +
        'auditing, or raise max-db-age (0 turns this check off).'
    )
  })

  test('limits in hours read as hours', () => {
    expect(stalenessWarning(daysBefore(1.75), 1.5, NOW)).toMatch(
      /is 42 hours old .* limit of 36 hours\./
    )
    expect(stalenessWarning(daysBefore(1.25), 1, NOW)).toMatch(
      /is 30 hours old .* limit of 1 day\./
    )
  })

  test('a database with no dates has an unknown age, which is warned about too', () => {
    expect(stalenessWarning(undefined, 7, NOW)).toMatch(
      /^The offline advisory database has no advisory with a modified date, so its age is unknown\. Stale data is a silent false negative/
    )
    expect(stalenessWarning(new Date(Number.NaN), 7, NOW)).toMatch(/age is unknown/)
  })

  test('0 turns the check off, even with no dates', () => {
    expect(stalenessWarning(daysBefore(3650), 0, NOW)).toBeUndefined()
    expect(stalenessWarning(undefined, 0, NOW)).toBeUndefined()
  })
})

describe('with a loaded database', () => {
  let dir: string
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pyaudit-staleness-'))
  })
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  test("the fixture records' newest date decides", async () => {
    const db = await OfflineDatabase.load(RECORDS)
    const newest = db.newestModified()!
    const dayAfter = new Date(newest.getTime() + 24 * 60 * 60 * 1000)
    expect(stalenessWarning(newest, 7, dayAfter)).toBeUndefined()
    const later = new Date(newest.getTime() + 20 * 24 * 60 * 60 * 1000)
    expect(stalenessWarning(newest, 7, later)).toMatch(/is 20 days old/)
  })

  test('a database with no PyPI advisory has no date: warned', async () => {
    const npmOnly = {
      id: 'GHSA-0000-0000-0001',
      modified: '2026-07-30T00:00:00Z',
      affected: [{ package: { ecosystem: 'npm', name: 'left-pad' } }]
    }
    fs.writeFileSync(path.join(dir, 'npm.json'), JSON.stringify(npmOnly))
    const db = await OfflineDatabase.load(dir)
    expect(db.newestModified()).toBeUndefined()
    expect(stalenessWarning(db.newestModified(), 7, NOW)).toMatch(/age is unknown/)
  })

  const old = fs.existsSync(OLD_SNAPSHOT)
  if (!old) console.log(`Skipping the old-snapshot staleness test: ${OLD_SNAPSHOT} is absent`)
  ;(old ? test : test.skip)('the 2024-10-10 snapshot is stale by 2026-08-01', async () => {
    const db = await OfflineDatabase.load(OLD_SNAPSHOT, { now: NOW })
    const newest = db.newestModified()!
    const days = Math.floor((NOW.getTime() - newest.getTime()) / (24 * 60 * 60 * 1000))
    expect(days).toBeGreaterThan(650)
    expect(stalenessWarning(newest, 7, NOW)).toContain(`is ${days} days old`)
    expect(stalenessWarning(newest, 0, NOW)).toBeUndefined()
  })
})
