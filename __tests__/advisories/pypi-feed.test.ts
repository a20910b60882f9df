import { afterEach, describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { OsvRecord, PackageVersion } from '../../src/advisories/osv.js'
import { PypiFeed, skipKey, type PypiFeedOptions } from '../../src/advisories/pypi-feed.js'
import { dedupeAliases, toVulnerability } from '../../src/advisories/vulnerability.js'
import { FeedError } from '../../src/shared/errors.js'
import {
  PypiServer,
  canonicalVersion,
  pypiVulnerability,
  type PypiRelease
} from '../support/pypi-server.js'
import { normalVersion } from '../../src/deps/versions.js'
import { TESTS_DIR } from '../support/paths.js'

const RECORDS = path.resolve(TESTS_DIR, 'fixtures', 'osv', 'records')
/** Real PYSEC records (and one GHSA-shaped one), see fixtures/osv/README.md. */
const record = (id: string): OsvRecord =>
  JSON.parse(readFileSync(path.join(RECORDS, `${id}.json`), 'utf8')) as OsvRecord

// What PyPI lists for these releases: the entries Warehouse built from the same records.
const RELEASES: PypiRelease[] = [
  {
    project: 'requests',
    version: '2.19.0',
    vulnerabilities: ['GHSA-x84v-xcm2-53pg', 'PYSEC-2018-28', 'PYSEC-2023-74'].map(id =>
      pypiVulnerability(record(id))
    )
  },
  { project: 'requests', version: '2.32.3' },
  {
    project: 'PyYAML',
    version: '5.3',
    vulnerabilities: ['PYSEC-2020-96', 'PYSEC-2021-142'].map(id => pypiVulnerability(record(id)))
  },
  {
    project: 'urllib3',
    version: '2.0.4',
    vulnerabilities: [pypiVulnerability(record('PYSEC-2023-192'))]
  },
  {
    project: 'repox',
    version: '0.0.1',
    vulnerabilities: [pypiVulnerability(record('PYSEC-2023-293'))]
  }
]

const pin = (name: string, version: string): PackageVersion => ({ name, version })
const ids = (result: OsvRecord[][]) => result.map(records => records.map(r => r.id))
const FAST_RETRY = { attempts: 3, baseDelayMs: 1, maxDelayMs: 5 }

let running: { server: PypiServer; feed: PypiFeed }[] = []

async function setup(
  releases = RELEASES,
  options: Partial<PypiFeedOptions> = {}
): Promise<{ server: PypiServer; feed: PypiFeed; baseUrl: string }> {
  const server = new PypiServer(releases)
  const baseUrl = await server.start()
  const feed = new PypiFeed({ baseUrl, retry: FAST_RETRY, timeoutMs: 2_000, ...options })
  running.push({ server, feed })
  return { server, feed, baseUrl }
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

afterEach(async () => {
  await Promise.all(running.map(({ server, feed }) => feed.close().then(() => server.close())))
  running = []
})

describe('PypiFeed lookup', () => {
  test('answers each pin in order with one GET per distinct release', async () => {
    const { server, feed } = await setup()
    const result = await feed.lookup([
      pin('requests', '2.19.0'),
      pin('requests', '2.32.3'),
      pin('pyyaml', '5.3'),
      pin('requests', '2.19.0')
    ])
    expect(ids(result)).toEqual([
      ['GHSA-x84v-xcm2-53pg', 'PYSEC-2018-28', 'PYSEC-2023-74'],
      [],
      ['PYSEC-2020-96', 'PYSEC-2021-142'],
      ['GHSA-x84v-xcm2-53pg', 'PYSEC-2018-28', 'PYSEC-2023-74']
    ])
    expect(server.paths.sort()).toEqual([
      '/pypi/pyyaml/5.3/json',
      '/pypi/requests/2.19.0/json',
      '/pypi/requests/2.32.3/json'
    ])
    expect(server.counts).toEqual({ found: 3, redirected: 0, notFound: 0, faults: 0 })
    expect(feed.skipped().size).toBe(0)
    expect(feed.name).toMatch(/^PyPI JSON API \(http:\/\/127\.0\.0\.1:\d+\)$/)
  })

  test('reports what pip-audit reports for the same PyPI answer', async () => {
    const { feed } = await setup()
    const [requests, , urllib3] = await feed.lookup([
      pin('requests', '2.19.0'),
      pin('pyyaml', '5.3'),
      pin('urllib3', '2.0.4')
    ])
    const report = (records: OsvRecord[], name: string) =>
      dedupeAliases(records.map(r => toVulnerability(r, name)!)).map(v => ({
        id: v.id,
        aliases: [...v.aliases].sort(),
        fixVersions: v.fixVersions,
        description: v.description
      }))
    // pip-audit: the GHSA entry shares CVE-2018-18074 with PYSEC-2018-28 and folds into it;
    // summary is null for PYSEC entries, so the description is the details, on one line.
    expect(report(requests!, 'requests')).toEqual([
      {
        id: 'PYSEC-2018-28',
        aliases: ['CVE-2018-18074', 'GHSA-x84v-xcm2-53pg'],
        fixVersions: ['2.20.0'],
        description: record('PYSEC-2018-28').details!.replaceAll('\n', ' ')
      },
      {
        id: 'PYSEC-2023-74',
        aliases: ['CVE-2023-32681', 'GHSA-j8r2-6x86-q33q'],
        fixVersions: ['2.31.0'],
        description: record('PYSEC-2023-74').details!.replaceAll('\n', ' ')
      }
    ])
    // fixed_in arrives as ["2.0.6", "1.26.17"]: sorted as versions, like pip-audit.
    expect(report(urllib3!, 'urllib3')[0]?.fixVersions).toEqual(['1.26.17', '2.0.6'])
  })

  test('gives the same fix versions and ids as the OSV records behind the entries', async () => {
    const { feed } = await setup()
    const [requests, pyyaml] = await feed.lookup([pin('requests', '2.19.0'), pin('pyyaml', '5.3')])
    for (const [records, name] of [
      [requests!, 'requests'],
      [pyyaml!, 'pyyaml']
    ] as const) {
      for (const converted of records) {
        const fromPypi = toVulnerability(converted, name)!
        const fromOsv = toVulnerability(record(converted.id), name)!
        expect({ ...fromPypi, record: undefined }).toEqual({ ...fromOsv, record: undefined })
      }
    }
  })

  test('keeps every fact of an entry in the OSV record', async () => {
    const ghsa = pypiVulnerability(record('GHSA-x84v-xcm2-53pg'))
    const { feed } = await setup([
      {
        project: 'requests',
        version: '2.19.0',
        vulnerabilities: [{ ...ghsa, fixed_in: ['2.20.0'] }]
      }
    ])
    const [[converted]] = (await feed.lookup([pin('requests', '2.19.0')])) as [[OsvRecord]]
    expect(converted).toEqual({
      id: 'GHSA-x84v-xcm2-53pg',
      modified: '',
      aliases: ['CVE-2018-18074'],
      summary: 'Insufficiently Protected Credentials in Requests',
      details: record('GHSA-x84v-xcm2-53pg').details,
      affected: [
        {
          package: { ecosystem: 'PyPI', name: 'requests' },
          ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '2.20.0' }] }]
        }
      ],
      references: [{ type: 'ADVISORY', url: 'https://osv.dev/vulnerability/GHSA-x84v-xcm2-53pg' }],
      database_specific: { source: 'PyPI JSON API', origin: 'osv' }
    })
  })

  test('drops withdrawn entries, as pip-audit does', async () => {
    const live = { ...pypiVulnerability(record('PYSEC-2023-293')), withdrawn: null, id: 'LIVE-1' }
    const { feed } = await setup([
      {
        project: 'repox',
        version: '0.0.1',
        vulnerabilities: [pypiVulnerability(record('PYSEC-2023-293')), live]
      }
    ])
    expect(pypiVulnerability(record('PYSEC-2023-293')).withdrawn).toBe('2024-11-22T04:37:05Z')
    expect(ids(await feed.lookup([pin('repox', '0.0.1')]))).toEqual([['LIVE-1']])
  })

  test('an answer without a vulnerabilities key means none', async () => {
    const { server, feed } = await setup()
    server.failNext(1, { kind: 'status', status: 200, body: '{"info":{"name":"requests"}}' })
    await expect(feed.lookup([pin('requests', '2.19.0')])).resolves.toEqual([[]])
    expect(feed.skipped().size).toBe(0)
  })
})

describe('PypiFeed releases PyPI does not know', () => {
  test("are skipped with pip-audit's reason, not answered as clean", async () => {
    const { server, feed } = await setup()
    const queries = [pin('requests', '99.0'), pin('no-such-project', '1.0'), pin('pyyaml', '5.3')]
    const result = await feed.lookup(queries)
    expect(ids(result)).toEqual([[], [], ['PYSEC-2020-96', 'PYSEC-2021-142']])
    expect([...feed.skipped()]).toEqual([
      ['requests@99.0', 'Dependency not found on PyPI and could not be audited: requests (99.0)'],
      [
        'no-such-project@1.0',
        'Dependency not found on PyPI and could not be audited: no-such-project (1.0)'
      ]
    ])
    expect(feed.skipped().get(skipKey(queries[0]!))).toMatch(/^Dependency not found/)
    // A 404 is an answer: asked once each, never retried.
    expect(server.counts).toEqual({ found: 1, redirected: 0, notFound: 2, faults: 0 })
  })

  test('ask PyPI for the normal form of name and version, as pip-audit does', async () => {
    const { server, feed } = await setup([
      { project: 'Zope.Interface', version: '5.0.0rc1' },
      { project: 'Zope.Interface', version: '6.0' }
    ])
    const queries = [pin('Zope_Interface', '5.0.0-RC1'), pin('zope.interface', '6.0.0')]
    await expect(feed.lookup(queries)).resolves.toEqual([[], []])
    expect(server.paths).toEqual(
      expect.arrayContaining([
        '/pypi/zope-interface/5.0.0rc1/json',
        '/pypi/zope-interface/6.0.0/json'
      ])
    )
    // 6.0.0 finds release 6.0 by canonical version, so nothing is skipped or redirected.
    expect(server.counts).toMatchObject({ found: 2, redirected: 0, notFound: 0 })
    expect(feed.skipped().size).toBe(0)
  })
})

describe('PypiFeed failures', () => {
  test('503s, a 429 with Retry-After, a reset and a truncated body are retried', async () => {
    const { server, feed } = await setup(RELEASES, {
      concurrency: 1,
      retry: { ...FAST_RETRY, attempts: 6 }
    })
    server.failNext(2, { kind: 'status', status: 503 })
    server.failNext(1, { kind: 'status', status: 429, retryAfter: '0' })
    server.failNext(1, { kind: 'reset' })
    server.failNext(1, { kind: 'truncate' })
    const result = await feed.lookup([pin('pyyaml', '5.3'), pin('requests', '2.32.3')])
    expect(ids(result)).toEqual([['PYSEC-2020-96', 'PYSEC-2021-142'], []])
    expect(server.counts).toMatchObject({ found: 2, faults: 5 })
  })

  test('a feed that stays down rejects with FeedError naming feed and cause', async () => {
    const { server, feed } = await setup()
    server.failNext(100, { kind: 'status', status: 503 })
    const error = await rejection(feed.lookup([pin('pyyaml', '5.3')]))
    expect(error.feed).toBe(feed.name)
    expect(error.message).toBe(
      `Advisory feed ${feed.name} failed: GET /pypi/pyyaml/5.3/json: HTTP 503, after 3 attempts`
    )
    expect(feed.skipped().size).toBe(0)
  })

  test('a status pip-audit does not skip on fails at once', async () => {
    const { server, feed } = await setup()
    server.failNext(1, { kind: 'status', status: 403, body: '{"message": "Forbidden"}' })
    const error = await rejection(feed.lookup([pin('pyyaml', '5.3')]))
    expect(error.message).toMatch(/HTTP 403 \(Forbidden\), after 1 attempt$/)
    expect(server.totalRequests).toBe(1)
  })

  test('a redirect is not followed: the feed only asks for normal names', async () => {
    const { server, feed } = await setup()
    server.failNext(1, { kind: 'status', status: 301, body: '' })
    expect((await rejection(feed.lookup([pin('pyyaml', '5.3')]))).message).toMatch(/HTTP 301/)
  })

  test.each([
    ['a body that is not an object', '[]', /answer is not an object/],
    ['a vulnerabilities value that is not a list', '"vulnerabilities":{}', /not a list/],
    ['an entry without id', '"vulnerabilities":[{"aliases":[]}]', /has no id/],
    ['aliases that are not strings', '"vulnerabilities":[{"id":"X","aliases":[1]}]', /aliases/],
    [
      'a fixed_in that is not PEP 440',
      '"vulnerabilities":[{"id":"X","fixed_in":["1.0-x!"]}]',
      /X has a fixed_in that is not a version/
    ]
  ])('%s fails closed', async (_, answer, message) => {
    const { server, feed } = await setup()
    // The project's document (info.name) around each malformed list.
    const body = answer.startsWith('"') ? `{"info":{"name":"PyYAML"},${answer}}` : answer
    server.failNext(1, { kind: 'status', status: 200, body })
    expect((await rejection(feed.lookup([pin('pyyaml', '5.3')]))).message).toMatch(message)
  })
})

describe('the PyPI stand-in speaks like Warehouse', () => {
  test('redirects a name that is not normalised, after finding the release', async () => {
    const { baseUrl: base } = await setup()
    const moved = await fetch(`${base}/pypi/PyYAML/5.3/json?x=1`, { redirect: 'manual' })
    expect(moved.status).toBe(301)
    expect(moved.headers.get('location')).toBe('/pypi/pyyaml/5.3/json?x=1')
    const missing = await fetch(`${base}/pypi/PyYAML/9.9/json`, { redirect: 'manual' })
    expect(missing.status).toBe(404)
    await expect(missing.json()).resolves.toEqual({ message: 'Not Found' })
    const body = (await (await fetch(`${base}/pypi/pyyaml/5.3.0/json`)).json()) as Record<
      string,
      unknown
    >
    expect(Object.keys(body).sort()).toEqual(['info', 'last_serial', 'urls', 'vulnerabilities'])
    expect(body.info).toMatchObject({ name: 'PyYAML', version: '5.3' })
  })

  test('canonical versions follow packaging', () => {
    expect(canonicalVersion('1.0.0')).toBe('1')
    expect(canonicalVersion('1.10.0')).toBe('1.10')
    expect(canonicalVersion('1!2.0.0-RC.1.post2.dev3+Ubuntu-1')).toBe('1!2rc1.post2.dev3+ubuntu.1')
    expect(canonicalVersion('not a version')).toBe('not a version')
  })

  test('normalVersion is str(Version(...))', () => {
    expect(normalVersion('1.0.0-RC1')).toBe('1.0.0rc1')
    expect(normalVersion('v1.0')).toBe('1.0')
    expect(normalVersion('2.0+ABC.01')).toBe('2.0+abc.1')
    expect(normalVersion('bogus')).toBe('bogus')
  })
})
