import { afterEach, beforeAll, describe, expect, test } from '@jest/globals'
import { copyFile, mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { parseConfig, type Config } from '../../src/config/config.js'
import { collectDependencies } from '../../src/deps/collect.js'
import type { HealthSubject, PackageIssue } from '../../src/health/types.js'
import { assessFindings, packageIssueReason } from '../../src/pipeline/assess.js'
import {
  beside,
  checkPackageHealth,
  type PackageHealthRun
} from '../../src/pipeline/check-package-health.js'
import { FeedError, InputError, ParseError } from '../../src/shared/errors.js'
import { silentLogger } from '../../src/shared/log.js'
import { dependency } from '../support/fixtures.js'
import { SimpleIndex, type ListedFile, type SimpleIndexOptions } from '../support/simple-index.js'
import { HASHED_LOCKFILES, LOCKFILES, lockfileSubjects } from '../health/subjects.js'

const A = 'a'.repeat(64)
const B = 'b'.repeat(64)
const C = 'c'.repeat(64)
const NOW = new Date('2026-11-29T12:00:00Z')

let workspaces: string[] = []
let indexes: SimpleIndex[] = []
afterEach(async () => {
  await Promise.all(indexes.map(index => index.close()))
  await Promise.all(workspaces.map(dir => rm(dir, { recursive: true, force: true })))
  indexes = []
  workspaces = []
})

async function workspace(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'pyaudit-health-step-'))
  workspaces.push(dir)
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true })
    await writeFile(path.join(dir, name), text)
  }
  return dir
}

async function startIndex(options: SimpleIndexOptions): Promise<SimpleIndex> {
  const index = await SimpleIndex.start([], options)
  indexes.push(index)
  return index
}

/** One wheel per digest, so every digest is a file of the release. */
function release(project: string, version: string, digests: string[]): ListedFile[] {
  return digests.map((sha256, build) => ({
    project,
    filename: `${project.replace(/-/g, '_')}-${version}-${build}-py3-none-any.whl`,
    sha256
  }))
}

/**
 * The config a run with these inputs gets, from the working directory `dir`; the cache (the
 * index answers kept) lives in `dir` too, never in the user's home.
 */
function configFor(dir: string, inputs: Record<string, string>): Config {
  const given: Record<string, string> = { 'cache-dir': path.join(dir, '.cache'), ...inputs }
  return parseConfig(name => given[name] ?? '', { cwd: dir, env: {} }, 'cli')
}

/** The engine's own steps: collect as runAudit does, then the health step. */
async function healthOf(config: Config, now = NOW): Promise<PackageHealthRun | undefined> {
  const sources = await collectDependencies({
    ...config.sources,
    workingDirectory: config.workingDirectory,
    repositoryRoot: config.repositoryRoot,
    env: {},
    logger: silentLogger
  })
  return checkPackageHealth(sources, config, { env: {}, logger: silentLogger, now })
}

const summary = (issues: readonly PackageIssue[]) =>
  issues.map(
    issue =>
      `${issue.name} ${issue.kind}${issue.failing ? ' (fails)' : ''} ${path.basename(issue.location.file)}:${issue.location.line}`
  )

describe('the digests each pin declares, read again from the files the run collected', () => {
  /** An index that serves every declared digest, with `swap`'s first one replaced. */
  function servingDigests(subjects: HealthSubject[], swap: string): SimpleIndexOptions {
    return {
      listed: subjects.flatMap(subject =>
        release(
          subject.name,
          subject.version,
          (subject.hashes ?? [A]).map((hash, position) =>
            subject.name === swap && position === 0 ? C : hash.replace(/^sha256:/, '')
          )
        )
      )
    }
  }

  test.each(HASHED_LOCKFILES)(
    '%s: a digest the index does not have is found at its line in the lockfile',
    async (fixture, format) => {
      const subjects = await lockfileSubjects(path.join(LOCKFILES, fixture), format)
      const index = await startIndex(servingDigests(subjects, 'certifi'))
      const dir = await workspace({})
      await copyFile(path.join(LOCKFILES, fixture), path.join(dir, format))
      const health = await healthOf(configFor(dir, { paths: format, 'index-url': index.url() }))
      const certifi = subjects.find(subject => subject.name === 'certifi')!
      expect(summary(health!.issues)).toEqual([
        `certifi hash-mismatch (fails) ${format}:${certifi.location.line}`
      ])
      expect(health!.issues[0]!.location.file).toBe(path.join(dir, format))
    }
  )

  test('requirements: --hash options are read at their lines, in an included file too', async () => {
    const dir = await workspace({
      'requirements.txt': [
        '-r base.txt',
        'requests==2.31.0 \\',
        `    --hash=sha256:${A} \\`,
        `    --hash=sha256:${B}`,
        ''
      ].join('\n'),
      'base.txt': ['# base pins', `certifi==2025.8.3 --hash=sha256:${B}`, 'idna==3.10', ''].join(
        '\n'
      )
    })
    const index = await startIndex({
      listed: [
        ...release('requests', '2.31.0', [A, B]),
        ...release('certifi', '2025.8.3', [A]),
        ...release('idna', '3.10', [C])
      ]
    })
    const health = await healthOf(
      configFor(dir, { paths: 'requirements.txt', 'index-url': index.url() })
    )
    expect(summary(health!.issues)).toEqual(['certifi hash-mismatch (fails) base.txt:2'])
    expect(health!.issues[0]!.reason).toContain(`sha256:${B}`)
  })
})

describe('when the checks run, and against which index', () => {
  const REQUIREMENTS = { 'requirements.txt': 'requets==2.19.1\n' }

  test.each([
    ['online, by default', {}, true],
    ['advisory-db without index-url (air-gapped)', { 'advisory-db': 'db' }, false],
    ['advisory-db with index-url', { 'advisory-db': 'db', 'index-url': 'https://i/simple' }, true],
    [
      'package-checks: true, air-gapped or not',
      { 'advisory-db': 'db', 'package-checks': 'true' },
      true
    ],
    ['package-checks: false', { 'index-url': 'https://i/simple', 'package-checks': 'FALSE' }, false]
  ])('%s: %s', (_what, inputs, enabled) => {
    expect(configFor('/work', inputs).packageHealth.enabled).toBe(enabled)
  })

  test('whenAsked comes once the requests are out, before any answer; then the step ends', async () => {
    let answerNow!: () => void
    const holdUntil = new Promise<void>(resolve => (answerNow = resolve))
    const index = await startIndex({ listed: release('requests', '2.31.0', [A]), holdUntil })
    const dir = await workspace({ 'requirements.txt': 'requests==2.31.0\nrequets==2.19.1\n' })
    const sources = await collectDependencies({
      ...configFor(dir, {}).sources,
      workingDirectory: dir,
      repositoryRoot: dir,
      env: {},
      logger: silentLogger
    })
    const asked: number[] = []
    const step = checkPackageHealth(sources, configFor(dir, { 'index-url': index.url() }), {
      env: {},
      logger: silentLogger,
      now: NOW,
      whenAsked: () => {
        asked.push(index.requests.length)
        answerNow() // the answers come only now: a step that waited for them first would hang
      }
    })
    const tooLate = new Promise((_resolve, reject) =>
      setTimeout(() => reject(new Error('whenAsked did not come before the answers')), 3_000)
    )
    const health = await Promise.race([step, tooLate])
    expect(asked).toHaveLength(1)
    expect(summary((health as PackageHealthRun).issues)).toEqual([
      'requets not-found (fails) requirements.txt:2'
    ])
    expect(index.requests.map(request => request.path).sort()).toEqual([
      '/simple/requests/',
      '/simple/requets/'
    ])
  })

  test('off: whenAsked comes at once', async () => {
    const dir = await workspace({ 'requirements.txt': 'requests==2.31.0\n' })
    let asked = 0
    const step = checkPackageHealth([], configFor(dir, { 'package-checks': 'false' }), {
      env: {},
      logger: silentLogger,
      now: NOW,
      whenAsked: () => asked++
    })
    expect(asked).toBe(1)
    await expect(step).resolves.toBeUndefined()
  })

  test('off: no index is asked and the step gives nothing', async () => {
    const index = await startIndex({})
    const dir = await workspace(REQUIREMENTS)
    const config = configFor(dir, { 'index-url': index.url(), 'package-checks': 'false' })
    expect(await healthOf(config)).toBeUndefined()
    expect(index.requests).toEqual([])
  })

  test('a name only the extra index serves is healthy; credentials go in a header', async () => {
    const pypi = await startIndex({ listed: release('requests', '2.31.0', [A]) })
    const alice = { username: 'alice', password: 's3cr3t' }
    const internal = await startIndex({
      auth: alice,
      listed: release('acme-internal', '1.0', [B])
    })
    const dir = await workspace({ 'requirements.txt': 'requests==2.31.0\nacme-internal==1.0\n' })
    const health = await healthOf(
      configFor(dir, { 'index-url': pypi.url(), 'extra-index-url': internal.url(alice) })
    )
    expect(health!.issues).toEqual([])
    expect(internal.requests.map(request => request.authorization)).toEqual([
      'Basic YWxpY2U6czNjcjN0',
      'Basic YWxpY2U6czNjcjN0'
    ])
  })

  test('an index that fails fails the step with a FeedError naming it, never its password', async () => {
    const index = await startIndex({ failProjects: 403 })
    const dir = await workspace(REQUIREMENTS)
    const url = index.url({ username: 'alice', password: 'hunter2-secret' })
    const error = await healthOf(configFor(dir, { 'index-url': url })).catch(
      (reason: unknown) => reason
    )
    expect(error).toBeInstanceOf(FeedError)
    expect((error as FeedError).message).toMatch(
      new RegExp(
        `^Package index http://\\*\\*\\*@127\\.0\\.0\\.1:${index.port}/simple failed: GET /simple/requets/: HTTP 403 \\(`
      )
    )
    expect((error as FeedError).message).not.toContain('hunter2')
  })
})

describe('the same request limit as the advisory lookup', () => {
  test('request-timeout cuts off an index that never finishes its answer, and the step fails', async () => {
    const server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/vnd.pypi.simple.v1+json' })
      const drip = setInterval(() => response.write(' '), 100)
      response.on('close', () => clearInterval(drip))
    })
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    try {
      const { port } = server.address() as AddressInfo
      const dir = await workspace({ 'requirements.txt': 'requests==2.31.0\n' })
      const config = configFor(dir, {
        'index-url': `http://127.0.0.1:${port}/simple/`,
        'request-timeout': '1'
      })
      const started = performance.now()
      const error = await healthOf(config).catch((reason: unknown) => reason)
      expect(error).toBeInstanceOf(FeedError)
      expect((error as FeedError).message).toMatch(
        /GET \/simple\/requests\/: timed out after 1 s \(headers and body\), after 5 attempts$/
      )
      // Five attempts of 1 s and the backoff between them; a per-read limit would never end.
      expect(performance.now() - started).toBeLessThan(20_000)
    } finally {
      server.closeAllConnections()
      await new Promise(resolve => server.close(resolve))
    }
  }, 30_000)
})

describe('fail-on-package-status and package-check-ignore', () => {
  const EVERYTHING = [
    'requets==2.19.1', // 1: not found
    'evil-pkg==0.1', // 2: quarantined
    'old-thing==1.0', // 3: archived
    'gone==1.0', // 4: yanked
    ''
  ].join('\n')
  let options: SimpleIndexOptions
  beforeAll(() => {
    options = {
      listed: [
        ...release('old-thing', '1.0', [A]),
        { project: 'gone', filename: 'gone-1.0-py3-none-any.whl', sha256: A, yanked: 'broken' }
      ],
      statuses: {
        'evil-pkg': { status: 'quarantined', reason: 'malware' },
        'old-thing': { status: 'archived' }
      }
    }
  })

  test('by default not-found, quarantined and hash-mismatch fail; the rest warn', async () => {
    const index = await startIndex(options)
    const dir = await workspace({ 'requirements.txt': EVERYTHING })
    const health = await healthOf(configFor(dir, { 'index-url': index.url() }))
    expect(summary(health!.issues)).toEqual([
      'requets not-found (fails) requirements.txt:1',
      'evil-pkg quarantined (fails) requirements.txt:2',
      'old-thing archived requirements.txt:3',
      'gone yanked requirements.txt:4'
    ])
  })

  test('a list of kinds, in any case and separated by commas or lines; none: nothing fails', async () => {
    const index = await startIndex(options)
    const dir = await workspace({ 'requirements.txt': EVERYTHING })
    const failing = async (value: string) => {
      const config = configFor(dir, { 'index-url': index.url(), 'fail-on-package-status': value })
      const health = await healthOf(config)
      return health!.issues.filter(issue => issue.failing).map(issue => issue.kind)
    }
    expect(await failing('Yanked,\narchived')).toEqual(['archived', 'yanked'])
    expect(await failing('none')).toEqual([])
    expect(() => configFor(dir, { 'fail-on-package-status': 'not-found, typo' })).toThrow(
      new InputError(
        'fail-on-package-status',
        "expected not-found, quarantined, archived, deprecated, yanked, hash-mismatch (or none), got 'typo'"
      )
    )
  })

  test('the input and the config file accept findings; expired rules warn, unused ones are noticed', async () => {
    const index = await startIndex(options)
    const dir = await workspace({
      'requirements.txt': EVERYTHING,
      '.pyaudit.toml': [
        '[[package-check-ignore]]',
        'package = "evil-pkg"',
        'reason = "accepted until the end of last year"',
        'until = 2026-01-01',
        '',
        '[[package-check-ignore]]',
        'package = "gone==1.0"',
        'reason = "pinned for a reproducer"',
        'until = 2027-01-01',
        ''
      ].join('\n')
    })
    const health = await healthOf(
      configFor(dir, {
        'index-url': index.url(),
        'package-check-ignore': 'Requets  # our private name\nunused-thing==2.0\n'
      })
    )
    expect(summary(health!.issues)).toEqual([
      'evil-pkg quarantined (fails) requirements.txt:2',
      'old-thing archived requirements.txt:3'
    ])
    expect(health!.warnings).toEqual([
      'Package check ignore rule for evil-pkg (.pyaudit.toml:1) expired on 2026-01-01: 1 finding it covered is reported again.'
    ])
    expect(health!.notices).toEqual([
      'Package check ignore rule for unused-thing==2.0 (input package-check-ignore, line 2) matched no finding; remove it if it is no longer needed.'
    ])
  })

  test("a config file that cannot be read fails the step with its own error, not the requests' abort", async () => {
    const index = await startIndex({ ...options, latencyMs: 100 })
    const dir = await workspace({
      'requirements.txt': EVERYTHING,
      '.pyaudit.toml': '[[package-check-ignore]]\npackage = "evil-pkg"\nreason = \n'
    })
    const error = await healthOf(configFor(dir, { 'index-url': index.url() })).catch(
      (reason: unknown) => reason
    )
    expect(error).toBeInstanceOf(ParseError)
    expect((error as ParseError).message).toContain('.pyaudit.toml')
  })

  test('a bad package-check-ignore line is an InputError naming the input and the line', () => {
    expect(() => configFor('/work', { 'package-check-ignore': 'ok\nnot a name==1' })).toThrow(
      new InputError('package-check-ignore', 'line 2: "not a name" is not a package name')
    )
  })
})

describe('the verdict', () => {
  const issue = (kind: PackageIssue['kind'], failing: boolean): PackageIssue => ({
    name: 'x',
    version: '1',
    kind,
    reason: kind,
    location: { file: '/repo/requirements.txt', line: 1 },
    failing
  })

  test('failing issues fail the step with one reason naming their kinds; warnings do not', () => {
    expect(
      packageIssueReason([
        issue('hash-mismatch', true),
        issue('not-found', true),
        issue('yanked', false),
        issue('not-found', true)
      ])
    ).toBe('Failed: 3 package issues (not-found, hash-mismatch).')
    expect(packageIssueReason([issue('archived', false)])).toBeUndefined()
  })

  test('assessFindings puts the issues in the outcome, their reason in the verdict, the notices beside', () => {
    const dep = dependency('x', '1', '/repo/requirements.txt', 1)
    const result = {
      feed: 'test',
      sources: [
        {
          file: dep.location.file,
          format: 'requirements' as const,
          dependencies: [dep],
          skipped: []
        }
      ],
      packages: [{ name: 'x', version: '1', declarations: [dep], vulnerabilities: [] }],
      skipped: []
    }
    const base = {
      rules: [],
      today: '2026-11-29',
      failOnVulnerability: true,
      failOnSeverity: 'low' as const,
      failOnUnknownSeverity: true,
      strict: false,
      licenses: [],
      failOnLicense: true,
      tool: { name: 'pyaudit-action', version: 'test' }
    }
    const without = assessFindings(result, base)
    expect(without.outcome.packageIssues).toBeUndefined()
    expect(without.outcome.result).toBe('pass')

    const quarantined = issue('quarantined', true)
    const checked = assessFindings(result, {
      ...base,
      packageHealth: { issues: [quarantined], warnings: ['expired'], notices: ['unused'] }
    })
    expect(checked.outcome.packageIssues).toEqual([quarantined])
    expect(checked.outcome.result).toBe('fail')
    expect(checked.outcome.failureReasons).toEqual(['Failed: 1 package issue (quarantined).'])
    expect(checked.warnings).toEqual(['expired'])
    expect(checked.notices).toEqual(['unused'])

    const healthy = assessFindings(result, {
      ...base,
      packageHealth: { issues: [], warnings: [], notices: [] }
    })
    expect(healthy.outcome.packageIssues).toEqual([])
    expect(healthy.outcome.result).toBe('pass')
  })
})

describe('beside: the health step runs at the same time as the advisory lookup', () => {
  const later = <T>(ms: number, value: T) =>
    new Promise<T>(resolve => setTimeout(() => resolve(value), ms))

  test('both run at once and both answers come back', async () => {
    const started = performance.now()
    const [main, side] = await beside(later(150, 'advisories'), () => later(150, 'health'))
    expect([main, side]).toEqual(['advisories', 'health'])
    // Generous: one after the other would take 300 ms.
    expect(performance.now() - started).toBeLessThan(280)
  })

  test("main's failure wins, and aborts the side step, which then ends before the call does", async () => {
    let sideEnded = false
    const failure = new FeedError('OSV API', 'down')
    const outcome = await beside(Promise.reject(failure), async signal => {
      await new Promise(resolve => signal.addEventListener('abort', resolve))
      sideEnded = true
      throw signal.reason
    }).catch((error: unknown) => error)
    expect(outcome).toBe(failure)
    expect(sideEnded).toBe(true)
  })

  test('a side failure fails the call, after main has finished', async () => {
    let mainEnded = false
    const failure = new FeedError('package index https://pypi.org/simple/', 'HTTP 503')
    const outcome = await beside(
      later(50, null).then(() => (mainEnded = true)),
      () => Promise.reject(failure)
    ).catch((error: unknown) => error)
    expect(outcome).toBe(failure)
    expect(mainEnded).toBe(true)
  })
})
