/**
 * A record the OSV service names for a release, but that cannot be read whole, never makes
 * the finding disappear: either the finding stands, reported with what can be read and a
 * warning naming the record, or the lookup fails closed naming the feed. The same for a PyPI
 * answer of 200 that is not the project's document. See checkRecord in osv-api.ts for which
 * case is which, and why.
 */
import { afterEach, describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { OsvApiFeed, type DetailStrategy, type RecordStore } from '../../src/advisories/osv-api.js'
import type { OsvRecord } from '../../src/advisories/osv.js'
import { PypiFeed } from '../../src/advisories/pypi-feed.js'
import { severityOf } from '../../src/advisories/severity.js'
import { recommendedVersion } from '../../src/advisories/upgrade.js'
import { toVulnerability } from '../../src/advisories/vulnerability.js'
import { FeedError } from '../../src/shared/errors.js'
import { OsvServer } from '../support/osv-server.js'
import { PypiServer, pypiVulnerability } from '../support/pypi-server.js'
import { TESTS_DIR } from '../support/paths.js'

const RECORDS = path.resolve(TESTS_DIR, 'fixtures', 'osv', 'records')
const record = (id: string): OsvRecord =>
  JSON.parse(readFileSync(path.join(RECORDS, `${id}.json`), 'utf8')) as OsvRecord

/** Real: urllib3 2.0.4, CVSS 3.1 (8.1, high), fixed in 1.26.17 and 2.0.6. */
const URLLIB3 = record('PYSEC-2023-192')
const PIN = { name: 'urllib3', version: '2.0.4' }
const FAST_RETRY = { attempts: 2, baseDelayMs: 1, maxDelayMs: 5 }
const STRATEGIES: DetailStrategy[] = ['by-id', 'by-package', 'whole-package']

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

interface Looked {
  feed: OsvApiFeed
  warnings: string[]
  stored: string[]
}

/** A feed in front of a server that lists URLLIB3 for PIN but serves `serve(URLLIB3)`. */
async function osv(serve: (record: OsvRecord) => unknown, strategy: DetailStrategy) {
  const server = new OsvServer(
    (name, version) => (name === PIN.name && version === PIN.version ? [URLLIB3] : []),
    { serve, packageRecords: name => (name === PIN.name ? [URLLIB3] : []) }
  )
  const baseUrl = await server.start()
  const warnings: string[] = []
  const stored: string[] = []
  // A real (in-memory) store: what the feed keeps for later runs.
  const records: RecordStore = {
    get: () => undefined,
    put: kept => void stored.push(kept.id)
  }
  const feed = new OsvApiFeed({
    baseUrl,
    retry: FAST_RETRY,
    detailStrategy: strategy,
    records,
    logger: { debug() {}, info() {}, warning: message => void warnings.push(message) }
  })
  cleanups.push(
    () => server.close(),
    () => feed.close()
  )
  return { feed, warnings, stored } satisfies Looked
}

/**
 * What the feed would answer for a fixed release of PIN without asking: only a package whose
 * every record was read whole answers (`whole-package`); the rest are asked about.
 */
const answeredLocally = (looked: Looked) =>
  looked.feed.answerFromPackages([{ name: PIN.name, version: '2.0.6' }])[0]

/** What the pipeline's look-up makes of the feed's answer for PIN. */
async function findings(looked: Looked) {
  const [records = []] = await looked.feed.lookup([PIN])
  return records.map(found => {
    const vulnerability = toVulnerability(found, PIN.name)
    return {
      id: vulnerability?.id,
      fixVersions: vulnerability?.fixVersions,
      severity: severityOf(found).level
    }
  })
}

async function rejection(promise: Promise<unknown>): Promise<FeedError> {
  const outcome = await promise.then(
    value => ({ value }),
    (error: unknown) => ({ error })
  )
  expect(outcome).not.toHaveProperty('value')
  expect((outcome as { error: unknown }).error).toBeInstanceOf(FeedError)
  return (outcome as { error: FeedError }).error
}

const without = (field: keyof OsvRecord) => (whole: OsvRecord) =>
  Object.fromEntries(Object.entries(whole).filter(([key]) => key !== field))

describe.each(STRATEGIES)(
  'a record OSV matched but that is not whole (%s): the finding stands',
  strategy => {
    test('the record as it is: the baseline the cases below are compared with', async () => {
      const looked = await osv(whole => whole, strategy)
      expect(await findings(looked)).toEqual([
        { id: 'PYSEC-2023-192', fixVersions: ['1.26.17', '2.0.6'], severity: 'high' }
      ])
      expect(looked.warnings).toEqual([])
      expect(looked.stored).toEqual(['PYSEC-2023-192'])
      expect(answeredLocally(looked)).toEqual(strategy === 'whole-package' ? [] : undefined)
    })

    test('without an affected list: reported with no fix versions, and a warning', async () => {
      const looked = await osv(without('affected'), strategy)
      // Its own CVSS vector still rates it: that part of the record is readable.
      expect(await findings(looked)).toEqual([
        { id: 'PYSEC-2023-192', fixVersions: [], severity: 'high' }
      ])
      expect(looked.warnings).toEqual([
        `${looked.feed.name}: advisory PYSEC-2023-192 lists no affected packages. It is reported ` +
          'all the same, since the service matched it to urllib3 2.0.4, with no fix versions known.'
      ])
      expect(answeredLocally(looked)).toBeUndefined()
    })

    test('schema_version 2.0.0: reported by id, with no fixes and severity unknown', async () => {
      const looked = await osv(whole => ({ ...whole, schema_version: '2.0.0' }), strategy)
      expect(await findings(looked)).toEqual([
        { id: 'PYSEC-2023-192', fixVersions: [], severity: 'unknown' }
      ])
      expect(looked.warnings).toHaveLength(1)
      expect(looked.warnings[0]).toContain(looked.feed.name)
      expect(looked.warnings[0]).toContain(
        'advisory PYSEC-2023-192 could not be read in full (schema_version "2.0.0" is not 1.x)'
      )
      // Read in part: never kept for a later run, which asks again.
      expect(looked.stored).toEqual([])
      expect(answeredLocally(looked)).toBeUndefined()
    })

    test('fields of the wrong type are left out, the rest is read', async () => {
      const looked = await osv(
        whole => ({ ...whole, summary: 5, aliases: 'CVE-2023-43804', affected: [null] }),
        strategy
      )
      const [found] = await findings(looked)
      expect(found).toEqual({ id: 'PYSEC-2023-192', fixVersions: [], severity: 'high' })
      expect(looked.warnings[0]).toMatch(
        /PYSEC-2023-192 could not be read in full \("summary" is not text; "aliases" is not a list of strings; affected\[0\] is not an object\)/
      )
      expect(answeredLocally(looked)).toBeUndefined()
    })

    test('a withdrawn that is not a date does not withdraw it', async () => {
      const looked = await osv(whole => ({ ...whole, withdrawn: true }), strategy)
      expect((await findings(looked)).map(found => found.id)).toEqual(['PYSEC-2023-192'])
      expect(looked.warnings[0]).toMatch(/"withdrawn" is not text/)
    })
  }
)

describe('a record that is not the advisory asked for: the lookup fails closed', () => {
  test.each([
    ['a JSON array', []],
    ['a JSON string', 'garbage'],
    ['an object without an id', { modified: URLLIB3.modified, summary: 'x' }]
  ])('%s as the record', async (_, answer) => {
    const { feed } = await osv(() => answer, 'by-id')
    const error = await rejection(feed.lookup([PIN]))
    expect(error.feed).toBe(feed.name)
    expect(error.message).toBe(
      `Advisory feed ${feed.name} failed: malformed answer: record PYSEC-2023-192 is not an OSV ` +
        'record (not an object with an id)'
    )
  })

  test('a JSON array among the records of /v1/query', async () => {
    const { feed } = await osv(() => [], 'by-package')
    const error = await rejection(feed.lookup([PIN]))
    expect(error.message).toMatch(/malformed answer: a record is not an OSV record/)
  })

  test.each(STRATEGIES)('a record whose id differs from the one asked (%s)', async strategy => {
    const { feed } = await osv(whole => ({ ...whole, id: 'PYSEC-2099-1' }), strategy)
    const error = await rejection(feed.lookup([PIN]))
    expect(error.feed).toBe(feed.name)
    expect(error.message).toMatch(/asked for record PYSEC-2023-192, got PYSEC-2099-1$/)
  })
})

test('no upgrade is recommended as clean of a record whose affected list is missing', () => {
  const unreadable = without('affected')(URLLIB3) as unknown as OsvRecord
  const other = { ...URLLIB3, id: 'PYSEC-2099-2' }
  expect(recommendedVersion('urllib3', '2.0.4', [other])).toBe('2.0.6')
  expect(recommendedVersion('urllib3', '2.0.4', [other, unreadable])).toBeNull()
})

describe('a PyPI answer of 200 that is not the project document fails closed', () => {
  async function pypi() {
    const server = new PypiServer([
      { project: 'urllib3', version: '2.0.4', vulnerabilities: [pypiVulnerability(URLLIB3)] }
    ])
    const baseUrl = await server.start()
    const feed = new PypiFeed({ baseUrl, retry: FAST_RETRY })
    cleanups.push(
      () => server.close(),
      () => feed.close()
    )
    return { server, feed }
  }

  test.each([
    ['{"foo":1}', '{"foo":1}', /urllib3: answer is not a project document \(no info.name\)$/],
    [
      "another project's document",
      '{"info":{"name":"requests"},"vulnerabilities":[]}',
      /urllib3: answer is the document of another project \(requests\)$/
    ],
    [
      'an HTML page',
      '<!DOCTYPE html><html><body>Sign in to the network</body></html>',
      /GET \/pypi\/urllib3\/2\.0\.4\/json: malformed JSON \(.*\), after 2 attempts$/
    ]
  ])('%s', async (_, body, message) => {
    const { server, feed } = await pypi()
    server.failNext(10, { kind: 'status', status: 200, body })
    const error = await rejection(feed.lookup([PIN]))
    expect(error.feed).toBe(feed.name)
    expect(error.message).toMatch(
      /^Advisory feed PyPI JSON API \(http:\/\/127\.0\.0\.1:\d+\) failed: /
    )
    expect(error.message).toMatch(message)
    expect(feed.skipped().size).toBe(0)
  })

  test('the real document of the project is read', async () => {
    const { feed } = await pypi()
    const [records = []] = await feed.lookup([PIN])
    expect(records.map(found => found.id)).toEqual(['PYSEC-2023-192'])
  })
})
