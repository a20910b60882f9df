/**
 * Recommended upgrades are asked about before a report names them: against loopback OSV and
 * PyPI services and an offline database whose newer versions carry advisories of their own.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import * as fs from 'node:fs/promises'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { compare, valid } from '@renovatebot/pep440'
import * as os from 'node:os'
import * as path from 'node:path'
import { recordAffects } from '../../src/advisories/match.js'
import { OfflineDatabase } from '../../src/advisories/offline-db.js'
import { OsvApiFeed } from '../../src/advisories/osv-api.js'
import type { AdvisoryFeed, OsvEvent, OsvRecord } from '../../src/advisories/osv.js'
import { PypiFeed } from '../../src/advisories/pypi-feed.js'
import { recordsFingerprint, type UpgradeAdviceStore } from '../../src/advisories/upgrade.js'
import { parseConfig } from '../../src/config/config.js'
import { normalizeName } from '../../src/deps/names.js'
import type { SourceResult } from '../../src/deps/types.js'
import { assessFindings, type AssessOptions } from '../../src/pipeline/assess.js'
import { lookUpAdvisories } from '../../src/pipeline/look-up.js'
import { runAudit } from '../../src/pipeline/run-audit.js'
import { askingAhead } from '../../src/pipeline/ask-ahead.js'
import {
  MAX_VERIFY_ROUNDS,
  startUpgradeVerification,
  UpgradeSearch,
  verifyAssessedUpgrades,
  verifyUpgrades,
  type VerifyUpgradesOptions
} from '../../src/pipeline/verify-upgrades.js'
import { renderMarkdown } from '../../src/report/markdown.js'
import type { ReportedPackage } from '../../src/report/outcome.js'
import { renderTerminal } from '../../src/report/terminal.js'
import { silentLogger } from '../../src/shared/log.js'
import { dependency } from '../support/fixtures.js'
import { OsvServer } from '../support/osv-server.js'
import { TESTS_DIR } from '../support/paths.js'
import { PypiServer, pypiVulnerability, type PypiRelease } from '../support/pypi-server.js'

/** An advisory on `name` affecting [introduced, fixed), or from `introduced` on with no fix. */
function advisory(id: string, name: string, introduced: string, fixed?: string): OsvRecord {
  const events: OsvEvent[] = [{ introduced }, ...(fixed ? [{ fixed }] : [])]
  return {
    id,
    modified: '2026-07-01T00:00:00Z',
    summary: `${id} summary`,
    database_specific: { severity: 'HIGH' },
    affected: [{ package: { ecosystem: 'PyPI', name }, ranges: [{ type: 'ECOSYSTEM', events }] }]
  }
}

/**
 * Each package pinned at 1.0. `ladder`: each fix lies inside the next advisory, so 2.0, 3.0
 * and 4.0 are each affected and 5.0 is the first clean one (four lookups). `endless`: one step
 * more than the rounds allow. `unfixed`: the fix of the pinned version's advisory is inside
 * one that has no fix. `clean`: the first answer stands. `pair`: one step (real chains).
 */
const ADVISORIES = [
  advisory('PYSEC-LADDER-1', 'ladder', '0', '2.0'),
  advisory('PYSEC-LADDER-2', 'ladder', '1.5', '3.0'),
  advisory('PYSEC-LADDER-3', 'ladder', '2.5', '4.0'),
  advisory('PYSEC-LADDER-4', 'ladder', '3.5', '5.0'),
  advisory('PYSEC-ENDLESS-1', 'endless', '0', '2.0'),
  advisory('PYSEC-ENDLESS-2', 'endless', '1.5', '3.0'),
  advisory('PYSEC-ENDLESS-3', 'endless', '2.5', '4.0'),
  advisory('PYSEC-ENDLESS-4', 'endless', '3.5', '5.0'),
  advisory('PYSEC-ENDLESS-5', 'endless', '4.5', '6.0'),
  advisory('PYSEC-UNFIXED-1', 'unfixed', '0', '2.0'),
  advisory('PYSEC-UNFIXED-2', 'unfixed', '1.5'),
  advisory('PYSEC-CLEAN-1', 'clean', '0', '2.0'),
  advisory('PYSEC-PAIR-1', 'pair', '0', '2.0'),
  advisory('PYSEC-PAIR-2', 'pair', '1.5', '3.0')
]
const PINNED = ['ladder', 'endless', 'unfixed', 'clean', 'pair']
const VERIFIED: Record<string, string | null> = {
  ladder: '5.0',
  endless: null,
  unfixed: null,
  clean: '2.0',
  pair: '3.0'
}
const NOTES: Record<string, string | undefined> = {
  endless: 'no version without known advisories found after 4 checks; newest fix: 6.0',
  unfixed: 'no version without known advisories found; newest fix: 2.0'
}

const affecting = (records: readonly OsvRecord[], name: string, version: string): OsvRecord[] =>
  records.filter(record => recordAffects(record, normalizeName(name), version))

const FILE = '/repo/requirements.txt'
const SOURCES: SourceResult[] = [
  {
    file: FILE,
    format: 'requirements',
    dependencies: PINNED.map((name, i) => dependency(name, '1.0', FILE, i + 1)),
    skipped: []
  }
]
const ASSESS: AssessOptions = {
  rules: [],
  today: '2026-11-29',
  failOnVulnerability: true,
  failOnSeverity: 'low',
  failOnUnknownSeverity: true,
  strict: false,
  licenses: [],
  failOnLicense: true,
  tool: { name: 'pyaudit-action', version: 'test' }
}

/** The engine's steps up to the verification: look up, assess (online: only the matches). */
async function assessed(
  feed: AdvisoryFeed,
  recordsFor?: (name: string) => readonly OsvRecord[]
): Promise<ReportedPackage[]> {
  const result = await lookUpAdvisories(SOURCES, feed)
  return assessFindings(result, { ...ASSESS, ...(recordsFor ? { recordsFor } : {}) }).outcome
    .packages
}

const upgrades = (packages: readonly ReportedPackage[]) =>
  Object.fromEntries(packages.map(pkg => [pkg.name, pkg.recommendedVersion]))
const notes = (packages: readonly ReportedPackage[]) =>
  Object.fromEntries(packages.map(pkg => [pkg.name, pkg.upgradeNote]))

/** Every recommendation is clean in `records`: the promise the reports make. */
function expectClean(packages: readonly ReportedPackage[], records: readonly OsvRecord[]): void {
  for (const pkg of packages) {
    if (typeof pkg.recommendedVersion !== 'string') continue
    expect([pkg.name, affecting(records, pkg.name, pkg.recommendedVersion)]).toEqual([pkg.name, []])
  }
}

function memoryStore() {
  const kept = new Map<string, string | null>()
  const asked = new Map<string, string[]>()
  const store: UpgradeAdviceStore = {
    get: (pin, fingerprint) => kept.get(`${pin.name}==${pin.version} ${fingerprint}`),
    set: (pin, fingerprint, upgrade, passed = []) => {
      kept.set(`${pin.name}==${pin.version} ${fingerprint}`, upgrade)
      asked.set(`${pin.name}==${pin.version}`, [...passed, ...(upgrade ? [upgrade] : [])])
    },
    asked: pin => asked.get(`${pin.name}==${pin.version}`) ?? []
  }
  return { store, kept, asked }
}

describe('with the OSV API: one querybatch per round for every candidate', () => {
  let server: OsvServer
  let feed: OsvApiFeed

  beforeAll(async () => {
    server = new OsvServer((name, version) => affecting(ADVISORIES, name, version))
    feed = new OsvApiFeed({ baseUrl: await server.start(), retry: { attempts: 1 } })
  })
  afterAll(async () => {
    await feed.close()
    await server.close()
  })

  test('the assessment alone recommends versions with advisories of their own', async () => {
    const packages = await assessed(feed)
    expect(upgrades(packages)).toEqual({
      ladder: '2.0',
      endless: '2.0',
      unfixed: '2.0',
      clean: '2.0',
      pair: '2.0'
    })
    expect(affecting(ADVISORIES, 'ladder', '2.0').map(r => r.id)).toEqual(['PYSEC-LADDER-2'])
  })

  test('a chain of four lookups ends at the first clean version, or says why there is none', async () => {
    const packages = await assessed(feed)
    const batches = server.batchSizes.length
    const before = { ...server.counts }
    const verified = await verifyUpgrades(packages, { feed })
    expect(verified.rounds).toBe(MAX_VERIFY_ROUNDS)
    expect(upgrades(verified.packages)).toEqual(VERIFIED)
    expect(notes(verified.packages)).toEqual({
      ...NOTES,
      ladder: undefined,
      clean: undefined,
      pair: undefined
    })
    expectClean(verified.packages, ADVISORIES)
    // One querybatch per round, each with every candidate still open: five, then ladder and
    // endless and pair, then ladder and endless twice.
    expect(server.counts.querybatch - before.querybatch).toBe(4)
    expect(server.batchSizes.slice(batches)).toEqual([5, 3, 2, 2])
    // The record of each affected candidate is fetched once (one new record each: by id).
    const details = (counts: typeof before) => counts.query + counts.vulns
    expect(details(server.counts) - details(before)).toBe(4 + 2 + 2 + 1)
  })

  test('only verified answers are kept, and a warm run confirms a chain of two in one lookup', async () => {
    const { store, kept } = memoryStore()
    const cold = await verifyUpgrades(await assessed(feed), { feed, upgradeAdvice: store })
    expect(upgrades(cold.packages)).toEqual(VERIFIED)
    // endless ran out of rounds: nothing kept for it; the rest are the verified answers.
    expect([...kept.entries()].map(([key, upgrade]) => [key.split(' ')[0], upgrade])).toEqual([
      ['ladder==1.0', '5.0'],
      ['unfixed==1.0', null],
      ['clean==1.0', '2.0'],
      ['pair==1.0', '3.0']
    ])
    const result = await lookUpAdvisories(SOURCES, feed)
    const warm = assessFindings(result, { ...ASSESS, upgradeAdvice: store }).outcome.packages
    const batches = server.batchSizes.length
    const verified = await verifyUpgrades(
      warm.filter(pkg => pkg.name === 'pair' || pkg.name === 'clean'),
      { feed, upgradeAdvice: store }
    )
    expect(upgrades(verified.packages)).toEqual({ clean: '2.0', pair: '3.0' })
    expect(verified.rounds).toBe(1)
    // pair: 2.0 (worked out again: the kept 3.0 is no fix of pair's own record) and the kept 3.0.
    expect(server.batchSizes.slice(batches)).toEqual([3])
  })

  test('a warm run asks about every version verified last time in its one querybatch, and needs no round of its own', async () => {
    const { store, asked } = memoryStore()
    const settled: SourceResult[] = [
      {
        ...SOURCES[0]!,
        dependencies: SOURCES[0]!.dependencies.filter(dep => dep.name !== 'endless')
      }
    ]
    const cold = await lookUpAdvisories(settled, feed)
    await verifyUpgrades(assessFindings(cold, ASSESS).outcome.packages, {
      feed,
      upgradeAdvice: store
    })
    expect(asked.get('ladder==1.0')).toEqual(['2.0', '3.0', '4.0', '5.0'])
    expect(asked.get('unfixed==1.0')).toEqual(['2.0'])

    const before = { ...server.counts }
    const batches = server.batchSizes.length
    const opened = { feed, upgradeAdvice: store, finish: async () => {} }
    const ahead = askingAhead(opened)
    const warm = await lookUpAdvisories(settled, ahead.feed)
    const packages = assessFindings(warm, { ...ASSESS, upgradeAdvice: store }).outcome.packages
    const verified = await verifyUpgrades(packages, {
      feed,
      upgradeAdvice: store,
      early: ahead.early
    })
    expect(verified.rounds).toBe(0)
    expect(upgrades(verified.packages)).toEqual({
      ladder: '5.0',
      unfixed: null,
      clean: '2.0',
      pair: '3.0'
    })
    expect(notes(verified.packages).unfixed).toBe(NOTES.unfixed)
    // The four pins and the versions each was asked about last time: ladder 4, unfixed 1,
    // clean 1, pair 2.
    expect(server.counts.querybatch - before.querybatch).toBe(1)
    expect(server.batchSizes.slice(batches)).toEqual([4 + (4 + 1 + 1 + 2)])
  })

  test('a forged kept answer is only asked about: the answer comes from the feed', async () => {
    const { store } = memoryStore()
    const packages = await assessed(feed)
    const pin = { name: 'clean', version: '1.0' }
    const records = packages.find(pkg => pkg.name === 'clean')!.vulnerabilities.map(v => v.record)
    store.set(pin, recordsFingerprint(records), '9.9')
    const verified = await verifyUpgrades(
      packages.filter(pkg => pkg.name === 'clean'),
      { feed, upgradeAdvice: store }
    )
    expect(upgrades(verified.packages)).toEqual({ clean: '2.0' })
  })

  test('started as soon as the lookup is done: asked before the assessment settles, with the same outcome', async () => {
    const result = await lookUpAdvisories(SOURCES, feed)
    const opened = { feed, finish: async () => {} }
    const before = server.counts.querybatch
    const started = startUpgradeVerification(result.packages, opened, silentLogger)
    // The first candidates are worked out at once, for the assessment to take as they are.
    expect(Object.fromEntries([...started.first].map(([pkg, v]) => [pkg.name, v]))).toEqual({
      ladder: '2.0',
      endless: '2.0',
      unfixed: '2.0',
      clean: '2.0',
      pair: '2.0'
    })
    const taken = assessFindings(result, {
      ...ASSESS,
      firstUpgrades: new Map([...started.first].map(([pkg]) => [pkg, '9.9']))
    })
    expect(new Set(Object.values(upgrades(taken.outcome.packages)))).toEqual(new Set(['9.9']))
    // The feed is asked before anything waits for the answer (within a generous 5 s).
    for (let waited = 0; server.counts.querybatch === before && waited < 5_000; waited += 10) {
      await new Promise(resolve => setTimeout(resolve, 10))
    }
    expect(server.counts.querybatch).toBeGreaterThan(before)
    const settled = await started.settle(
      assessFindings(result, { ...ASSESS, firstUpgrades: started.first })
    )
    expect(upgrades(settled.outcome.packages)).toEqual(VERIFIED)
    const after = await verifyAssessedUpgrades(assessFindings(result, ASSESS), opened, silentLogger)
    expect(settled).toEqual(after)
  })

  test('a verification started early keeps a failure for settle, and leaves nothing unhandled', async () => {
    const result = await lookUpAdvisories(SOURCES, feed)
    const broken: AdvisoryFeed = {
      name: 'broken',
      lookup: () => Promise.reject(new TypeError('not a feed error'))
    }
    const started = startUpgradeVerification(
      result.packages,
      {
        feed: broken,
        finish: async () => {}
      },
      silentLogger
    )
    await new Promise(resolve => setTimeout(resolve, 20))
    await expect(started.settle(assessFindings(result, ASSESS))).rejects.toThrow('not a feed error')
    server.failNext(
      1,
      { kind: 'status', status: 400, body: '{"code":3,"message":"Bad."}' },
      'querybatch'
    )
    const failing = startUpgradeVerification(
      result.packages,
      { feed, finish: async () => {} },
      silentLogger
    )
    const settled = await failing.settle(assessFindings(result, ASSESS))
    expect(settled.warnings).toEqual([
      expect.stringMatching(/^Recommended upgrades could not all be checked: /)
    ])
    expect(upgrades(settled.outcome.packages).ladder).toBeNull()
  })

  test('a failing feed withholds the unconfirmed upgrades with a warning, findings untouched', async () => {
    const packages = await assessed(feed)
    server.failNext(
      1,
      { kind: 'status', status: 400, body: '{"code":3,"message":"Bad."}' },
      'querybatch'
    )
    const verified = await verifyUpgrades(packages, { feed })
    expect(verified.warnings).toHaveLength(1)
    expect(verified.warnings[0]).toMatch(/^Recommended upgrades could not all be checked: /)
    expect(upgrades(verified.packages)).toEqual({
      ladder: null,
      endless: null,
      unfixed: null,
      clean: null,
      pair: null
    })
    expect(verified.packages.find(pkg => pkg.name === 'ladder')!.upgradeNote).toBe(
      'no version without known advisories found (the advisory feed failed); newest fix: 2.0'
    )
    expect(verified.packages.map(pkg => pkg.vulnerabilities)).toEqual(
      packages.map(pkg => pkg.vulnerabilities)
    )
  })
})

describe("with the OSV API's whole-package answers: the same chain, worked out without asking", () => {
  let server: OsvServer
  let feed: OsvApiFeed
  const byName = (name: string) =>
    ADVISORIES.filter(record => record.affected![0]!.package!.name === normalizeName(name))

  beforeAll(async () => {
    server = new OsvServer((name, version) => affecting(ADVISORIES, name, version), {
      packageRecords: byName
    })
    feed = new OsvApiFeed({
      baseUrl: await server.start(),
      retry: { attempts: 1 },
      detailStrategy: 'whole-package'
    })
  })
  afterAll(async () => {
    await feed.close()
    await server.close()
  })

  test('four rounds, the same upgrades and notes as asking, and not one request', async () => {
    const packages = await assessed(feed)
    // One /v1/query without a version per affected package, and only the matches reported.
    expect(server.wholePackageQueries).toBe(PINNED.length)
    expect(packages.map(pkg => [pkg.name, pkg.vulnerabilities.map(v => v.id)])).toEqual(
      PINNED.map(name => [name, affecting(ADVISORIES, name, '1.0').map(r => r.id)])
    )
    const before = { ...server.counts }
    const verified = await verifyUpgrades(packages, {
      feed,
      answerLocally: pins => feed.answerFromPackages(pins)
    })
    expect(server.counts).toEqual(before)
    expect(verified.rounds).toBe(MAX_VERIFY_ROUNDS)
    expect(upgrades(verified.packages)).toEqual(VERIFIED)
    expect(notes(verified.packages)).toEqual({
      ...NOTES,
      ladder: undefined,
      clean: undefined,
      pair: undefined
    })
    expectClean(verified.packages, ADVISORIES)
  })

  test('a package whose answer lacks an advisory the querybatch listed is asked about', async () => {
    // The database changed between the two requests: ladder's answer misses its first record.
    const stale = new OsvServer((name, version) => affecting(ADVISORIES, name, version), {
      packageRecords: name =>
        byName(name).filter(record => record.id !== 'PYSEC-LADDER-1' || name !== 'ladder')
    })
    const staleFeed = new OsvApiFeed({
      baseUrl: await stale.start(),
      retry: { attempts: 1 },
      detailStrategy: 'whole-package'
    })
    try {
      const packages = await assessed(staleFeed)
      expect(packages.find(pkg => pkg.name === 'ladder')!.vulnerabilities.map(v => v.id)).toEqual([
        'PYSEC-LADDER-1'
      ])
      const answers = staleFeed.answerFromPackages([
        { name: 'ladder', version: '2.0' },
        { name: 'pair', version: '2.0' }
      ])
      expect(answers[0]).toBeUndefined()
      expect(answers[1]!.map(record => record.id)).toEqual(['PYSEC-PAIR-2'])
      const batches = stale.counts.querybatch
      const verified = await verifyUpgrades(packages, {
        feed: staleFeed,
        answerLocally: pins => staleFeed.answerFromPackages(pins)
      })
      expect(upgrades(verified.packages)).toEqual(VERIFIED)
      // Only ladder's first candidate went to the service; that lookup's own whole answer
      // names all it listed, so the rest of ladder's chain is worked out from it.
      expect(stale.counts.querybatch - batches).toBe(1)
      expect(stale.batchSizes.at(-1)).toBe(1)
      expect(stale.wholePackageQueries).toBe(PINNED.length + 1)
    } finally {
      await staleFeed.close()
      await stale.close()
    }
  })

  test('a service that refuses a query without a version is asked per pin, with the same findings', async () => {
    const refusing = new OsvServer((name, version) => affecting(ADVISORIES, name, version))
    const refusingFeed = new OsvApiFeed({
      baseUrl: await refusing.start(),
      retry: { attempts: 1 },
      concurrency: 1,
      detailStrategy: 'whole-package'
    })
    try {
      const packages = await assessed(refusingFeed)
      expect(packages.map(pkg => pkg.vulnerabilities.map(v => v.id))).toEqual(
        PINNED.map(name => affecting(ADVISORIES, name, '1.0').map(r => r.id))
      )
      // One refusal, then a query per pin: nothing is answered without asking.
      expect(refusing.counts.query).toBe(1 + PINNED.length)
      expect(refusingFeed.answerFromPackages([{ name: 'pair', version: '2.0' }])).toEqual([
        undefined
      ])
      const verified = await verifyUpgrades(packages, {
        feed: refusingFeed,
        answerLocally: pins => refusingFeed.answerFromPackages(pins)
      })
      expect(upgrades(verified.packages)).toEqual(VERIFIED)
    } finally {
      await refusingFeed.close()
      await refusing.close()
    }
  })
})

describe('with the PyPI JSON API: the same rule', () => {
  let server: PypiServer
  let feed: PypiFeed
  const VERSIONS = ['1.0', '2.0', '3.0', '4.0', '5.0', '6.0']

  beforeAll(async () => {
    const releases: PypiRelease[] = PINNED.flatMap(project =>
      VERSIONS.map(version => ({
        project,
        version,
        vulnerabilities: affecting(ADVISORIES, project, version).map(pypiVulnerability)
      }))
    )
    // ghost's advisory names 1.1 as a fix, a release PyPI does not have: never recommended.
    const ghost = advisory('PYSEC-GHOST-1', 'ghost', '0', '1.1')
    ghost.affected![0]!.ranges![0]!.events.push({ introduced: '1.5' }, { fixed: '2.0' })
    releases.push(
      { project: 'ghost', version: '1.0', vulnerabilities: [pypiVulnerability(ghost)] },
      { project: 'ghost', version: '2.0', vulnerabilities: [] }
    )
    server = new PypiServer(releases)
    feed = new PypiFeed({ baseUrl: await server.start(), retry: { attempts: 1 } })
  })
  afterAll(async () => {
    await feed.close()
    await server.close()
  })

  test('a chain of four lookups, the same answers and notes as the OSV API', async () => {
    const packages = await assessed(feed)
    expect(upgrades(packages).ladder).toBe('2.0')
    const before = server.totalRequests
    const verified = await verifyUpgrades(packages, { feed, unknownReleases: () => feed.skipped() })
    expect(verified.rounds).toBe(4)
    expect(upgrades(verified.packages)).toEqual(VERIFIED)
    expect(notes(verified.packages).endless).toBe(NOTES.endless)
    expect(notes(verified.packages).unfixed).toBe(NOTES.unfixed)
    expectClean(verified.packages, ADVISORIES)
    // PyPI answers one release per request: 5 + 3 + 2 + 2 candidates.
    expect(server.totalRequests - before).toBe(12)
  })

  test('a fix PyPI does not have (404) is passed over for the next clean one', async () => {
    const sources: SourceResult[] = [
      { ...SOURCES[0]!, dependencies: [dependency('ghost', '1.0', FILE, 1)] }
    ]
    const result = await lookUpAdvisories(sources, feed)
    const packages = assessFindings(result, ASSESS).outcome.packages
    expect(upgrades(packages)).toEqual({ ghost: '1.1' })
    const verified = await verifyUpgrades(packages, {
      feed,
      unknownReleases: () => feed.skipped()
    })
    expect(upgrades(verified.packages)).toEqual({ ghost: '2.0' })
    expect(verified.rounds).toBe(2)
  })
})

describe('with the offline database: the same rule, against every record it holds', () => {
  let dir: string
  let database: OfflineDatabase

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pyaudit-verify-'))
    for (const record of ADVISORIES) {
      await fs.writeFile(path.join(dir, `${record.id}.json`), JSON.stringify(record))
    }
    database = await OfflineDatabase.load(dir)
  })
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true })
  })

  test('with every record known, the first answers are already clean: one lookup confirms them', async () => {
    const packages = await assessed(database, name => database.recordsFor(name))
    expect(upgrades(packages)).toEqual({ ...VERIFIED, endless: '6.0' })
    const verified = await verifyUpgrades(packages, {
      feed: database,
      recordsFor: name => database.recordsFor(name)
    })
    expect(verified.rounds).toBe(1)
    expect(upgrades(verified.packages)).toEqual({ ...VERIFIED, endless: '6.0' })
    expect(notes(verified.packages).unfixed).toBe(NOTES.unfixed)
    expectClean(verified.packages, ADVISORIES)
  })

  test('asked only about the matches, the database leads the same chain as the services', async () => {
    const packages = await assessed(database)
    const verified = await verifyUpgrades(packages, { feed: database })
    expect(verified.rounds).toBe(4)
    expect(upgrades(verified.packages)).toEqual(VERIFIED)
    expect(notes(verified.packages).endless).toBe(NOTES.endless)
  })
})

describe('UpgradeSearch', () => {
  const pin = { name: 'ladder', version: '1.0' }
  const current = affecting(ADVISORIES, 'ladder', '1.0')

  test('a candidate the feed calls affected is passed over even when its records do not say so', () => {
    // A feed may match by a versions list the ranges do not repeat: its word decides.
    const search = new UpgradeSearch(pin, current, '2.0')
    expect(search.questions(true).map(q => q.pin.version)).toEqual(['2.0'])
    search.learn('2.0', [current[0]!])
    expect(search.questions(false)).toEqual([])
    expect(search.outcome(1, false)).toEqual({
      upgrade: null,
      note: 'no version without known advisories found; newest fix: 2.0',
      settled: true
    })
  })

  test('versions the index does not have or has yanked are never asked about', () => {
    const all = ADVISORIES.filter(record => record.id.startsWith('PYSEC-LADDER'))
    const search = new UpgradeSearch(pin, all, '5.0', { unavailable: ['5.0.0'] })
    expect(search.questions(true)).toEqual([])
    // 5.0 is yanked and every fix below it is affected: "newest fix" names what is there.
    expect(search.outcome(0, false)).toEqual({
      upgrade: null,
      note: 'no version without known advisories found; newest fix: 4.0',
      settled: true
    })
  })

  test('the kept answer of an earlier run is asked beside the first candidate, once', () => {
    const search = new UpgradeSearch(pin, current, '2.0', { alsoAsk: '5.0' })
    expect(search.questions(true).map(q => q.pin.version)).toEqual(['2.0', '5.0'])
    search.learn('2.0', affecting(ADVISORIES, 'ladder', '2.0'))
    search.learn('5.0', [])
    expect(search.questions(false).map(q => q.pin.version)).toEqual(['3.0'])
  })

  test('a feed that answers fewer lookups than asked fails closed', async () => {
    const short: VerifyUpgradesOptions['feed'] = { name: 'short', lookup: async () => [] }
    const packages = await verifyUpgrades(
      [
        {
          name: 'ladder',
          version: '1.0',
          declarations: [],
          vulnerabilities: [],
          recommendedVersion: '2.0'
        }
      ],
      { feed: short }
    )
    expect(packages.warnings[0]).toContain('answered fewer lookups than it was asked')
    expect(upgrades(packages.packages)).toEqual({ ladder: null })
  })
})

describe('the engine reports only verified upgrades', () => {
  let server: OsvServer
  let work: string
  let url: string

  beforeAll(async () => {
    server = new OsvServer((name, version) => affecting(ADVISORIES, name, version))
    url = await server.start()
    work = await fs.mkdtemp(path.join(os.tmpdir(), 'pyaudit-verify-run-'))
    await fs.writeFile(
      path.join(work, 'requirements.txt'),
      PINNED.map(name => `${name}==1.0\n`).join('')
    )
  })
  afterAll(async () => {
    await server.close()
    await fs.rm(work, { recursive: true, force: true })
  })

  function config() {
    const inputs = new Map([
      ['osv-url', url],
      ['cache-dir', path.join(work, 'cache')],
      ['paths', 'requirements.txt'],
      ['package-checks', 'false'],
      ['report', path.join(work, 'report.json')],
      ['sarif', path.join(work, 'report.sarif')]
    ])
    return parseConfig(name => inputs.get(name) ?? '', { cwd: work, env: {} }, 'cli')
  }

  test('runAudit: the JSON report and the outcome name the verified upgrade or the note', async () => {
    const { outcome } = await runAudit(config(), silentLogger, { env: {} })
    expect(upgrades(outcome.packages)).toEqual(VERIFIED)
    expect(notes(outcome.packages).unfixed).toBe(NOTES.unfixed)
    const report = JSON.parse(await fs.readFile(path.join(work, 'report.json'), 'utf8')) as {
      dependencies: { name: string; recommended_version?: string | null }[]
    }
    expect(
      Object.fromEntries(report.dependencies.map(dep => [dep.name, dep.recommended_version]))
    ).toEqual(VERIFIED)
  })

  test('runAudit against osv.dev-like whole-package answers: no round trip to verify, and a warm run asks one querybatch', async () => {
    const whole = new OsvServer((name, version) => affecting(ADVISORIES, name, version), {
      packageRecords: name => ADVISORIES.filter(r => r.affected![0]!.package!.name === name)
    })
    const wholeUrl = await whole.start()
    const cacheDir = await fs.mkdtemp(path.join(os.tmpdir(), 'pyaudit-verify-whole-'))
    const run = () => {
      const inputs = new Map([
        ['osv-url', wholeUrl],
        ['cache-dir', cacheDir],
        ['paths', 'requirements.txt'],
        ['package-checks', 'false']
      ])
      const settings = parseConfig(name => inputs.get(name) ?? '', { cwd: work, env: {} }, 'cli')
      return runAudit(settings, silentLogger, { env: {} })
    }
    try {
      const cold = await run()
      expect(upgrades(cold.outcome.packages)).toEqual(VERIFIED)
      expect(notes(cold.outcome.packages)).toEqual(
        Object.fromEntries(PINNED.map(name => [name, NOTES[name]]))
      )
      expect(whole.counts).toEqual({ querybatch: 1, query: PINNED.length, vulns: 0, other: 0 })
      const before = { ...whole.counts }
      const warm = await run()
      // The kept chains (ladder's four candidates, pair's two) are asked in the lookup's one
      // querybatch, and the records they meet were kept by the cold run. Only endless, which
      // ran out of rounds and so kept no answer, is asked again round by round, as before.
      expect(whole.counts).toEqual({
        ...before,
        querybatch: before.querybatch + 1 + MAX_VERIFY_ROUNDS
      })
      expect(whole.batchSizes.slice(-MAX_VERIFY_ROUNDS)).toEqual([1, 1, 1, 1])
      expect(warm.outcome.packages).toEqual(cold.outcome.packages)
    } finally {
      await whole.close()
      await fs.rm(cacheDir, { recursive: true, force: true })
    }
  })

  test('the terminal, the summary, SARIF and the JSON fixes say why there is no upgrade', async () => {
    const { outcome } = await runAudit(config(), silentLogger, { env: {} })
    const note = NOTES.unfixed!
    expect(renderTerminal(outcome, { repositoryRoot: work })).toContain(note)
    expect(renderMarkdown(outcome, { repositoryRoot: work })).toContain(note)
    expect(await fs.readFile(path.join(work, 'report.sarif'), 'utf8')).toContain(note)
    const report = JSON.parse(await fs.readFile(path.join(work, 'report.json'), 'utf8')) as {
      fixes: { name: string; new_version?: string; skip_reason?: string }[]
    }
    expect(report.fixes.find(fix => fix.name === 'unfixed')).toEqual({
      name: 'unfixed',
      version: '1.0',
      skip_reason: note
    })
    expect(report.fixes.find(fix => fix.name === 'ladder')).toEqual({
      name: 'ladder',
      old_version: '1.0',
      new_version: '5.0'
    })
  })
})

const SHARED_ZIP = path.resolve(TESTS_DIR, '..', '..', 'shared', 'osv-pypi', 'PyPI-all.zip')
const describeWithData = existsSync(SHARED_ZIP) ? describe : describe.skip
if (!existsSync(SHARED_ZIP)) {
  console.log(`Skipping the real-data upgrade checks: ${SHARED_ZIP} is absent`)
}

describeWithData('on the real PyPA data, served by a loopback OSV API', () => {
  let database: OfflineDatabase
  let server: OsvServer
  let feed: OsvApiFeed
  let baseUrl: string
  const pins = [
    ['django', '2.2.0'],
    ['urllib3', '1.18'],
    ['pyopenssl', '0.9'],
    ['cryptography', '2.3']
  ] as const

  /** name, version: the oldest version its records name, for packages with 2+ advisories. */
  let ADVISED: [string, string][] = []

  beforeAll(async () => {
    database = await OfflineDatabase.load(SHARED_ZIP)
    server = new OsvServer((name, version) => affecting(database.recordsFor(name), name, version), {
      packageRecords: name => [...database.recordsFor(name)]
    })
    baseUrl = await server.start()
    feed = new OsvApiFeed({ baseUrl })
    ADVISED = oldestAdvisedPins(path.join(path.dirname(SHARED_ZIP), 'PyPI'))
  }, 60_000)
  afterAll(async () => {
    await feed.close()
    await server.close()
  })

  test('answers worked out from whole-package answers are the ones the service gives, on every package', async () => {
    // Every PyPA package with at least two advisories, pinned at the oldest version its
    // records name: the longest chains. Verified once by asking, once from the packages.
    const names = [...new Set(ADVISED.map(([name]) => name))]
    const sources: SourceResult[] = [
      {
        file: FILE,
        format: 'requirements',
        dependencies: ADVISED.map(([name, version], i) => dependency(name, version, FILE, i + 1)),
        skipped: []
      }
    ]
    const whole = new OsvApiFeed({ baseUrl, detailStrategy: 'whole-package' })
    try {
      const asked = await verifyUpgrades(
        assessFindings(await lookUpAdvisories(sources, feed), ASSESS).outcome.packages,
        { feed }
      )
      const batches = server.counts.querybatch
      const local = await verifyUpgrades(
        assessFindings(await lookUpAdvisories(sources, whole), ASSESS).outcome.packages,
        { feed: whole, answerLocally: pins => whole.answerFromPackages(pins) }
      )
      expect(server.counts.querybatch - batches).toBe(1) // the lookup's own
      expect(names.length).toBeGreaterThan(300)
      const chains = asked.packages.filter(pkg => pkg.upgradeNote !== undefined).length
      expect(chains).toBeGreaterThan(0)
      expect(
        local.packages.map(pkg => [pkg.name, pkg.recommendedVersion, pkg.upgradeNote])
      ).toEqual(asked.packages.map(pkg => [pkg.name, pkg.recommendedVersion, pkg.upgradeNote]))
      expect(local.rounds).toBe(asked.rounds)
    } finally {
      await whole.close()
    }
  }, 120_000)

  test("django 2.2.0 and the issue's other pins: each recommendation has no advisory in the data", async () => {
    const sources: SourceResult[] = [
      {
        file: FILE,
        format: 'requirements',
        dependencies: pins.map(([name, version], i) => dependency(name, version, FILE, i + 1)),
        skipped: []
      }
    ]
    const result = await lookUpAdvisories(sources, feed)
    const packages = assessFindings(result, ASSESS).outcome.packages
    const unverified = upgrades(packages)
    const verified = await verifyUpgrades(packages, { feed })
    for (const [name] of pins) {
      const upgrade = upgrades(verified.packages)[name]
      expect([name, typeof upgrade]).toEqual([name, 'string'])
      const found = await database.lookup([{ name, version: upgrade as string }])
      expect([name, upgrade, found[0]!.map(record => record.id)]).toEqual([name, upgrade, []])
      // Before the check, the upgrade had advisories of its own (the defect of issue 17).
      const before = await database.lookup([{ name, version: unverified[name] as string }])
      expect(before[0]!.length).toBeGreaterThan(0)
    }
    // The offline database, with every record, agrees for django.
    const offline = assessFindings(await lookUpAdvisories(sources, database), {
      ...ASSESS,
      recordsFor: name => database.recordsFor(name)
    }).outcome.packages
    expect(upgrades(verified.packages).django).toBe(upgrades(offline).django)
  }, 60_000)
})

/**
 * Each package of the PyPA records in `dir` with at least three live advisories, pinned at
 * the oldest version its records list: where upgrade chains are longest.
 */
function oldestAdvisedPins(dir: string): [string, string][] {
  const byName = new Map<string, { count: number; versions: Set<string> }>()
  for (const file of readdirSync(dir)
    .filter(name => name.endsWith('.json'))
    .sort()) {
    const record = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as OsvRecord
    if (record.withdrawn != null) continue
    for (const entry of record.affected ?? []) {
      if (entry.package?.ecosystem !== 'PyPI') continue
      const name = normalizeName(entry.package.name)
      const known = byName.get(name) ?? { count: 0, versions: new Set<string>() }
      known.count++
      for (const version of entry.versions ?? []) if (valid(version)) known.versions.add(version)
      byName.set(name, known)
    }
  }
  return [...byName]
    .filter(([, { count, versions }]) => count >= 3 && versions.size > 0)
    .map(([name, { versions }]): [string, string] => [name, [...versions].sort(compare)[0]!])
    .sort(([a], [b]) => a.localeCompare(b))
}
