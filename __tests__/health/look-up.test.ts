import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { afterEach, describe, expect, test } from '@jest/globals'
import { findPackageIssues } from '../../src/health/checks.js'
import { PROJECT_PAGE_ACCEPT } from '../../src/health/index-http.js'
import {
  healthQueries,
  lookUpPackageIndexes,
  type IndexLookupOptions
} from '../../src/health/look-up.js'
import type { HealthSubject, PackageIssue } from '../../src/health/types.js'
import { FeedError } from '../../src/shared/errors.js'
import { SimpleIndex, type ListedFile, type SimpleIndexOptions } from '../support/simple-index.js'
import { HASHED_LOCKFILES, LOCKFILES, lockfileSubjects } from './subjects.js'

const A = 'a'.repeat(64)
const B = 'b'.repeat(64)
const C = 'c'.repeat(64)
const FAST = { retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 5 } }
const ALICE = { username: 'alice', password: 's3cr3t-t0ken' }

let cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  await Promise.all(cleanups.map(cleanup => cleanup()))
  cleanups = []
})

async function startIndex(options: SimpleIndexOptions): Promise<SimpleIndex> {
  const index = await SimpleIndex.start([], options)
  cleanups.push(() => index.close())
  return index
}

async function startServer(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server: Server = createServer(handler)
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  cleanups.push(async () => {
    server.closeAllConnections()
    await new Promise(resolve => server.close(resolve))
  })
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

/** Files of one release: wheels with build tags 0, 1, … so each digest has its own file. */
function release(
  project: string,
  version: string,
  files: Array<[string, (boolean | string)?]>
): ListedFile[] {
  return files.map(([sha256, yanked], build) => ({
    project,
    filename: `${project.replace(/-/g, '_')}-${version}-${build}-py3-none-any.whl`,
    sha256,
    ...(yanked !== undefined ? { yanked } : {})
  }))
}

const at = (name: string, version: string, line: number, hashes?: string[]): HealthSubject => ({
  name,
  version,
  location: { file: '/repo/requirements.txt', line },
  ...(hashes ? { hashes } : {})
})

async function check(
  subjects: HealthSubject[],
  options: IndexLookupOptions
): Promise<PackageIssue[]> {
  const lookups = await lookUpPackageIndexes(healthQueries(subjects), { ...FAST, ...options })
  return findPackageIssues(subjects, lookups)
}

const summary = (issues: PackageIssue[]) =>
  issues.map(
    issue =>
      `${issue.name} ${issue.version} ${issue.kind}${issue.failing ? ' (fails)' : ''} @${issue.location.line}`
  )

async function rejection(promise: Promise<unknown>): Promise<FeedError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason
  )
  expect(error).toBeInstanceOf(FeedError)
  return error as FeedError
}

const EVERY_KIND: SimpleIndexOptions = {
  listed: [
    ...release('requests', '2.31.0', [[A], [B]]),
    ...release('old-thing', '1.0', [[A]]),
    ...release('legacy', '0.9', [[A]]),
    ...release('gone', '1.0', [
      [A, 'broken build'],
      [B, true]
    ]),
    ...release('half', '1.0', [[A, 'wheel only'], [B]]),
    ...release('half', '2.0', [[C]])
  ],
  statuses: {
    evil: { status: 'quarantined', reason: 'malware' },
    'old-thing': { status: 'archived', reason: 'no longer maintained' },
    legacy: { status: 'deprecated', reason: 'use new-thing' }
  },
  apiVersion: '1.4'
}

const EVERY_KIND_SUBJECTS = [
  at('requests', '2.31.0', 1, [`sha256:${A}`, `sha256:${B}`]),
  at('requets', '2.19.1', 2),
  at('evil', '1.0', 3),
  at('old-thing', '1.0', 4),
  at('legacy', '0.9', 5),
  at('gone', '1.0.0', 6),
  at('half', '1.0', 7, [`sha256:${B}`]),
  at('requests', '2.31', 8, [`sha256:${C}`])
]

describe.each([
  ['PEP 691 JSON', false],
  ['PEP 503 HTML', true]
])('an index serving %s', (_format, htmlOnly) => {
  test('every kind of finding, and none for a healthy or partly yanked pin', async () => {
    const index = await startIndex({ ...EVERY_KIND, htmlOnly })
    const issues = await check(EVERY_KIND_SUBJECTS, { indexUrl: index.url() })
    expect(summary(issues)).toEqual([
      'requets 2.19.1 not-found (fails) @2',
      'evil 1.0 quarantined (fails) @3',
      'old-thing 1.0 archived @4',
      'legacy 0.9 deprecated @5',
      'gone 1.0.0 yanked @6',
      'requests 2.31 hash-mismatch (fails) @8'
    ])
    const reasons = issues.map(issue => issue.reason).join('\n')
    for (const text of [
      '"malware"',
      '"no longer maintained"',
      '"use new-thing"',
      '"broken build"',
      `sha256:${C}`
    ]) {
      expect(reasons).toContain(text)
    }
  })

  test('one request per name, asking for JSON first', async () => {
    const index = await startIndex({ ...EVERY_KIND, htmlOnly })
    await check(EVERY_KIND_SUBJECTS, { indexUrl: index.url() })
    const paths = index.requests.map(request => request.path).sort()
    expect(paths).toEqual(
      ['evil', 'gone', 'half', 'legacy', 'old-thing', 'requests', 'requets'].map(
        name => `/simple/${name}/`
      )
    )
    expect(new Set(index.requests.map(request => request.accept))).toEqual(
      new Set([PROJECT_PAGE_ACCEPT])
    )
  })
})

describe('digests of every lockfile format against the index', () => {
  /** An index listing, for every pin, one file per digest its lockfile declares. */
  function indexOf(subjects: HealthSubject[], swap?: string): SimpleIndexOptions {
    const listed = subjects.flatMap(subject =>
      release(
        subject.name,
        subject.version,
        (subject.hashes ?? []).map((hash, position): [string] => {
          const digest = hash.replace(/^sha256:/, '')
          return [subject.name === swap && position === 0 ? C : digest]
        })
      )
    )
    return { listed }
  }

  test.each(HASHED_LOCKFILES)(
    '%s: digests the index has pass; a swapped file is found at its line',
    async (file, format) => {
      const subjects = await lockfileSubjects(path.join(LOCKFILES, file), format)
      const good = await startIndex(indexOf(subjects))
      expect(await check(subjects, { indexUrl: good.url() })).toEqual([])

      const swapped = await startIndex(indexOf(subjects, 'certifi'))
      const issues = await check(subjects, { indexUrl: swapped.url() })
      const certifi = subjects.find(subject => subject.name === 'certifi')!
      expect(summary(issues)).toEqual([
        `certifi 2025.8.3 hash-mismatch (fails) @${certifi.location.line}`
      ])
      expect(issues[0]!.location.file).toBe(path.join(LOCKFILES, file))
      expect(issues[0]!.reason).toContain(certifi.hashes![0])
    }
  )
})

describe('several indexes', () => {
  test('a private name only the extra index serves is healthy; without it, not-found', async () => {
    const pypi = await startIndex({ listed: release('requests', '2.31.0', [[A]]) })
    const internal = await startIndex({
      listed: release('internal-lib', '1.2.0', [[B]]),
      auth: ALICE
    })
    const subjects = [at('requests', '2.31.0', 1), at('internal-lib', '1.2.0', 2, [`sha256:${B}`])]
    const both = await check(subjects, {
      indexUrl: pypi.url(),
      extraIndexUrls: [internal.url(ALICE)]
    })
    expect(both).toEqual([])
    expect(internal.requests.every(request => request.authorization?.startsWith('Basic '))).toBe(
      true
    )

    const onlyPypi = await check(subjects, { indexUrl: pypi.url() })
    expect(summary(onlyPypi)).toEqual(['internal-lib 1.2.0 not-found (fails) @2'])
    expect(onlyPypi[0]!.reason).toMatch(/dependency confusion/)
  })

  test('both indexes are named when neither has the name, without credentials', async () => {
    const pypi = await startIndex({})
    const internal = await startIndex({ auth: ALICE })
    const issues = await check([at('requets', '1.0', 1)], {
      indexUrl: pypi.url(),
      extraIndexUrls: [internal.url(ALICE)]
    })
    expect(issues[0]!.reason).toContain(
      `any of ${pypi.url()} and http://***@127.0.0.1:${internal.port}/simple/`
    )
    expect(issues[0]!.reason).not.toContain('alice')
    expect(issues[0]!.reason).not.toContain(ALICE.password)
  })
})

describe('failing closed', () => {
  test('an index that keeps failing fails the lookup, naming the index without credentials', async () => {
    const failing = await startIndex({ failProjects: 503 })
    const healthy = await startIndex({ listed: release('requests', '2.31.0', [[A]]) })
    const error = await rejection(
      check([at('requests', '2.31.0', 1)], {
        indexUrl: healthy.url(),
        extraIndexUrls: [failing.url(ALICE)]
      })
    )
    expect(error.message).toBe(
      `Package index http://***@127.0.0.1:${failing.port}/simple/ failed: GET /simple/requests/: HTTP 503, after 3 attempts`
    )
    expect(error.feed).toBe(`package index http://***@127.0.0.1:${failing.port}/simple/`)
    expect(error.message).not.toContain('alice')
    expect(error.message).not.toContain(ALICE.password)
    expect(failing.requests).toHaveLength(3)
  })

  test('wrong credentials: a FeedError that says so, at once, and never shows them', async () => {
    const index = await startIndex({ auth: ALICE, listed: release('requests', '2.31.0', [[A]]) })
    const wrong = { username: 'alice', password: 'wr0ng-passw0rd' }
    const error = await rejection(
      check([at('requests', '2.31.0', 1)], { indexUrl: index.url(wrong) })
    )
    expect(error.message).toMatch(/HTTP 401 \(the index refused the credentials.*after 1 attempt$/)
    expect(error.message).not.toContain('wr0ng-passw0rd')
    expect(error.message).not.toContain('alice')
  })

  test('an index that refuses connections', async () => {
    const index = await startIndex({})
    const url = index.url(ALICE)
    await index.close()
    cleanups = []
    const error = await rejection(check([at('requests', '2.31.0', 1)], { indexUrl: url }))
    expect(error.message).toMatch(/ECONNREFUSED/)
    expect(error.message).not.toContain(ALICE.password)
  })

  test('a page that does not read is retried once, then fails', async () => {
    let served = 0
    const origin = await startServer((_request, response) => {
      served++
      response
        .writeHead(200, { 'content-type': 'application/vnd.pypi.simple.v1+json' })
        .end('{"meta": ')
    })
    const error = await rejection(
      check([at('requests', '2.31.0', 1)], { indexUrl: `${origin}/simple/` })
    )
    expect(error.message).toMatch(/unreadable project page: malformed JSON.*after 2 attempts/)
    expect(served).toBe(2)
  })

  test('a major api-version this tool does not know fails', async () => {
    const index = await startIndex({
      listed: release('requests', '2.31.0', [[A]]),
      apiVersion: '2.0'
    })
    const error = await rejection(check([at('requests', '2.31.0', 1)], { indexUrl: index.url() }))
    expect(error.message).toMatch(/api-version 2.0 is not supported/)
  })

  test('a server that never finishes its answer is cut off by the request limit', async () => {
    const origin = await startServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/vnd.pypi.simple.v1+json' })
      const drip = setInterval(() => response.write(' '), 50)
      response.on('close', () => clearInterval(drip))
    })
    const error = await rejection(
      check([at('requests', '2.31.0', 1)], {
        indexUrl: `${origin}/simple/`,
        requestTimeoutMs: 300,
        retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 5 }
      })
    )
    expect(error.message).toMatch(/timed out after 0.3 s \(headers and body\), after 2 attempts/)
  })

  test('an index URL that is not http(s) is refused without showing it', async () => {
    const error = await rejection(
      check([at('requests', '1', 1)], { indexUrl: 'ftp://alice:s3cr3t-t0ken@example/' })
    )
    expect(error.message).toMatch(/must be http or https/)
    expect(error.message).not.toContain(ALICE.password)
    const unparsable = await rejection(
      check([at('requests', '1', 1)], { indexUrl: 'http://alice:s3cr3t-t0ken@[::1' })
    )
    expect(unparsable.message).not.toContain(ALICE.password)
  })
})

describe('answers and limits', () => {
  test('410 Gone reads as absent, like 404', async () => {
    const origin = await startServer((_request, response) => {
      response.writeHead(410).end()
    })
    const issues = await check([at('removed', '1.0', 1)], { indexUrl: `${origin}/simple/` })
    expect(summary(issues)).toEqual(['removed 1.0 not-found (fails) @1'])
  })

  test('429 is retried after Retry-After', async () => {
    let served = 0
    const index = await startIndex({ listed: release('requests', '2.31.0', [[A]]) })
    const origin = await startServer((request, response) => {
      if (served++ === 0) {
        response.writeHead(429, { 'retry-after': '0' }).end()
        return
      }
      response
        .writeHead(307, { location: `${index.url()}${request.url!.slice('/simple/'.length)}` })
        .end()
    })
    expect(await check([at('requests', '2.31.0', 1)], { indexUrl: `${origin}/simple/` })).toEqual(
      []
    )
    expect(served).toBe(2)
  })

  test('no more requests in flight than the concurrency allows', async () => {
    let inFlight = 0
    let most = 0
    const origin = await startServer((request, response) => {
      most = Math.max(most, ++inFlight)
      setTimeout(() => {
        inFlight--
        response.writeHead(404).end()
      }, 20)
    })
    const subjects = Array.from({ length: 12 }, (_, n) => at(`pkg${n}`, '1.0', n + 1))
    const issues = await check(subjects, { indexUrl: `${origin}/simple/`, concurrency: 3 })
    expect(issues).toHaveLength(12)
    expect(most).toBe(3)
  })
})

describe('redirects', () => {
  test('a redirect loop fails closed', async () => {
    const origin = await startServer((request, response) => {
      response.writeHead(301, { location: request.url! }).end()
    })
    const error = await rejection(
      check([at('requests', '2.31.0', 1)], { indexUrl: `${origin}/simple/` })
    )
    expect(error.message).toMatch(/more than 5 redirects, after 1 attempt/)
  })

  test('are followed, and credentials are not sent to another origin', async () => {
    const target = await startIndex({ listed: release('requests', '2.31.0', [[A]]) })
    const origin = await startServer((request, response) => {
      response
        .writeHead(302, { location: `${target.url()}${request.url!.replace(/^\/simple\//, '')}` })
        .end()
    })
    const issues = await check([at('requests', '2.31.0', 1, [`sha256:${A}`])], {
      indexUrl: `http://alice:${ALICE.password}@${origin.slice('http://'.length)}/simple/`
    })
    expect(issues).toEqual([])
    expect(target.requests.map(request => [request.path, request.authorization])).toEqual([
      ['/simple/requests/', undefined]
    ])
  })
})
