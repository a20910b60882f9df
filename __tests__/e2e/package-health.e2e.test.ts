/**
 * Issue 18 through the action as a runner runs it (INPUT_* variables): what the package index
 * says of each pin fails or warns at the declaring line, credentials in index-url appear in no
 * output, an index that fails fails the run, and an air-gapped run asks no index at all.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import * as fs from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import * as path from 'node:path'
import { Ajv } from 'ajv'
import { OsvServer } from '../support/osv-server.js'
import { makeWorkspace, runAction, type ActionRun } from '../support/run-action.js'
import { SimpleIndex, type ListedFile } from '../support/simple-index.js'
import { TESTS_DIR } from '../support/paths.js'

const fixtureDb = path.resolve(TESTS_DIR, 'fixtures', 'e2e-db')
const A = 'a'.repeat(64)
const B = 'b'.repeat(64)
const ALICE = { username: 'alice', password: 'IDXPASS-7f3e9c' }

const REQUIREMENTS = [
  '# Application pins',
  `requests==2.31.0 --hash=sha256:${A}`, // 2: healthy
  'requets==2.19.1', // 3: a typo
  'evil-pkg==0.1', // 4: quarantined
  `certifi==2025.8.3 --hash=sha256:${B}`, // 5: a digest no file has
  'old-thing==1.0', // 6: archived
  'legacy==0.9', // 7: deprecated
  'gone==1.0', // 8: every file yanked
  ''
].join('\n')

const file = (project: string, version: string, sha256: string, yanked?: string): ListedFile => ({
  project,
  filename: `${project.replace(/-/g, '_')}-${version}-py3-none-any.whl`,
  sha256,
  ...(yanked ? { yanked } : {})
})

const INDEX_FILES: ListedFile[] = [
  file('requests', '2.31.0', A),
  file('certifi', '2025.8.3', A),
  file('old-thing', '1.0', A),
  file('legacy', '0.9', A),
  file('gone', '1.0', A, 'broken metadata')
]
const STATUSES = {
  'evil-pkg': { status: 'quarantined', reason: 'malware: steals credentials' },
  'old-thing': { status: 'archived' },
  legacy: { status: 'deprecated', reason: 'use new-thing' }
}

const noStackTrace = (run: ActionRun) => expect(run.stdout + run.stderr).not.toMatch(/^\s+at /m)
const readJson = async (file: string) => JSON.parse(await fs.readFile(file, 'utf8'))

/** A forward proxy that answers nothing and counts who tried to go through it. */
async function startTrap(): Promise<{ url: string; hits: string[]; close: () => Promise<void> }> {
  const hits: string[] = []
  const sockets = new Set<Socket>()
  const server: Server = createServer((request, response) => {
    hits.push(`${request.method} ${request.url}`)
    response.writeHead(502).end()
  })
  server.on('connect', (request, socket: Socket) => {
    hits.push(`CONNECT ${request.url}`)
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n')
  })
  server.on('connection', socket => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: async () => {
      for (const socket of sockets) socket.destroy()
      await new Promise(resolve => server.close(resolve))
    }
  }
}

describe('a requirements file with a typo, a quarantined project and a wrong hash (OSV online)', () => {
  const osv = new OsvServer(() => [])
  let index: SimpleIndex
  let workspace: string
  let run: ActionRun
  let report: Record<string, unknown> & { package_issues: Array<Record<string, unknown>> }

  beforeAll(async () => {
    const osvUrl = await osv.start()
    index = await SimpleIndex.start([], { auth: ALICE, listed: INDEX_FILES, statuses: STATUSES })
    workspace = await makeWorkspace({ 'requirements.txt': REQUIREMENTS })
    run = await runAction(
      {
        'osv-url': osvUrl,
        'index-url': index.url(ALICE),
        'package-checks': 'auto',
        cache: 'false',
        'upload-artifact': 'false',
        report: 'out/report.json',
        sarif: 'out/results.sarif',
        sbom: 'out/sbom.json',
        // The SBOM would otherwise ask PyPI's JSON API for licenses.
        'license-source': 'none'
      },
      { workspace }
    )
    report = await readJson(path.join(workspace, 'out', 'report.json'))
  }, 60_000)
  afterAll(async () => {
    await osv.close()
    await index.close()
    await fs.rm(workspace, { recursive: true, force: true })
  })

  test('fails the step for the three failing kinds, in one reason, without a stack trace', () => {
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(
      /^::error::Failed: 3 package issues \(not-found, quarantined, hash-mismatch\)\.$/m
    )
    expect(run.outputs.result).toBe('fail')
    noStackTrace(run)
  })

  test('three errors at their lines; archived, deprecated and yanked are warnings at theirs', () => {
    const annotations = run.stdout
      .split('\n')
      .filter(line => /^::(error|warning) .*file=requirements\.txt/.test(line))
      .map(line => /^::(\w+) title=([^,%]+).*,line=(\d+)::/.exec(line)!.slice(1).join(' '))
    expect(annotations.sort()).toEqual(
      [
        'error requets 2.19.1 3',
        'error evil-pkg 0.1 4',
        'error certifi 2025.8.3 5',
        'warning old-thing 1.0 6',
        'warning legacy 0.9 7',
        'warning gone 1.0 8'
      ].sort()
    )
    expect(run.stdout).toMatch(/line=3::requets is not on .*dependency confusion/)
    expect(run.stdout).toMatch(/line=5::certifi 2025\.8\.3 is pinned with a digest .*sha256:b{64}/)
  })

  test('the JSON report lists each issue where it is declared, and follows the schema', async () => {
    expect(
      report.package_issues.map(issue => [
        issue.name,
        issue.kind,
        (issue.location as { line: number }).line,
        issue.failing
      ])
    ).toEqual([
      ['requets', 'not-found', 3, true],
      ['evil-pkg', 'quarantined', 4, true],
      ['certifi', 'hash-mismatch', 5, true],
      ['old-thing', 'archived', 6, false],
      ['legacy', 'deprecated', 7, false],
      ['gone', 'yanked', 8, false]
    ])
    expect(report.package_issues[1]).toEqual({
      name: 'evil-pkg',
      version: '0.1',
      kind: 'quarantined',
      reason: expect.stringContaining('"malware: steals credentials"'),
      location: { file: 'requirements.txt', line: 4 },
      failing: true
    })
    expect((report.summary as Record<string, unknown>).package_issues).toBe(6)
    const schema = await readJson(path.resolve(TESTS_DIR, '..', 'docs', 'report.schema.json'))
    const validate = new Ajv({ allErrors: true }).compile(schema)
    validate(report)
    expect(validate.errors).toBeNull()
  })

  test('a healthy pin is not mentioned', async () => {
    expect(report.package_issues.map(issue => issue.name)).not.toContain('requests')
    expect(run.stdout).not.toMatch(/^::(error|warning) title=requests /m)
    const sarif = await fs.readFile(path.join(workspace, 'out', 'results.sarif'), 'utf8')
    expect(sarif).not.toContain('requests 2.31.0')
  })

  test('package-issue-count counts every issue, failing or not', () => {
    expect(run.outputs['package-issue-count']).toBe('6')
  })

  test('SARIF gives each kind its own rule', async () => {
    const sarif = await readJson(path.join(workspace, 'out', 'results.sarif'))
    const results = sarif.runs[0].results as Array<{ ruleId: string; level: string }>
    const rules = results.filter(result => result.ruleId.startsWith('pyaudit/package-'))
    expect(rules.map(result => `${result.ruleId} ${result.level}`).sort()).toEqual(
      [
        'pyaudit/package-not-found error',
        'pyaudit/package-quarantined error',
        'pyaudit/package-hash-mismatch error',
        'pyaudit/package-archived warning',
        'pyaudit/package-deprecated warning',
        'pyaudit/package-yanked warning'
      ].sort()
    )
  })

  test('the index was asked once per name, with the credentials in a header', () => {
    const names = index.requests.map(request => request.path).sort()
    expect(names).toEqual(
      ['requests', 'requets', 'evil-pkg', 'certifi', 'old-thing', 'legacy', 'gone']
        .map(name => `/simple/${name}/`)
        .sort()
    )
    const basic = `Basic ${Buffer.from(`${ALICE.username}:${ALICE.password}`).toString('base64')}`
    expect(new Set(index.requests.map(request => request.authorization))).toEqual(new Set([basic]))
    expect(index.requests[0]!.accept).toContain('application/vnd.pypi.simple.v1+json')
  })

  test('the credentials in index-url appear in no output', async () => {
    const written = await Promise.all(
      ['report.json', 'results.sarif', 'sbom.json'].map(name =>
        fs.readFile(path.join(workspace, 'out', name), 'utf8')
      )
    )
    const everything = [
      run.stdout.replace(/^::add-mask::.*$/gm, ''),
      run.stderr,
      run.summary,
      JSON.stringify(run.outputs),
      ...written
    ]
    for (const text of everything) {
      expect(text).not.toContain(ALICE.password)
      expect(text).not.toContain(`${ALICE.username}:`)
    }
    expect(run.stdout).toContain(`http://***@127.0.0.1:${index.port}/simple`)
  })
})

describe('failing closed', () => {
  test('an index that fails fails the run, naming the index and not its credentials', async () => {
    const osv = new OsvServer(() => [])
    const osvUrl = await osv.start()
    const index = await SimpleIndex.start([], { failProjects: 403 })
    const workspace = await makeWorkspace({ 'requirements.txt': 'requests==2.31.0\n' })
    try {
      const run = await runAction(
        {
          'osv-url': osvUrl,
          'index-url': index.url(ALICE),
          'package-checks': 'auto',
          cache: 'false',
          'upload-artifact': 'false'
        },
        { workspace }
      )
      expect(run.exitCode).toBe(1)
      expect(run.stdout).toMatch(
        new RegExp(
          `^::error::Package index http://\\*\\*\\*@127\\.0\\.0\\.1:${index.port}/simple failed: GET /simple/requests/: HTTP 403 `,
          'm'
        )
      )
      expect(run.stdout.replace(/^::add-mask::.*$/gm, '')).not.toContain(ALICE.password)
      // It could not check: an error, with no count at all (zero least of all).
      expect(run.outputs.result).toBe('error')
      expect(run.outputs['package-issue-count']).toBe('')
      noStackTrace(run)
    } finally {
      await osv.close()
      await index.close()
      await fs.rm(workspace, { recursive: true, force: true })
    }
  }, 60_000)
})

describe('air-gapped runs (advisory-db)', () => {
  let trap: Awaited<ReturnType<typeof startTrap>>
  let index: SimpleIndex
  let workspace: string
  beforeAll(async () => {
    trap = await startTrap()
    index = await SimpleIndex.start([], { listed: INDEX_FILES, statuses: STATUSES })
    workspace = await makeWorkspace({ 'requirements.txt': 'requets==2.19.1\n' })
  })
  afterAll(async () => {
    await trap.close()
    await index.close()
    await fs.rm(workspace, { recursive: true, force: true })
  })
  // Any request the run made to an index (PyPI by default) would go through the trap.
  const proxied = { HTTPS_PROXY: '', HTTP_PROXY: '' }
  const offline = { 'advisory-db': fixtureDb, 'max-db-age': '0', 'upload-artifact': 'false' }

  test('without index-url: no index is asked, nothing is reported about the index', async () => {
    const env = { ...proxied, HTTPS_PROXY: trap.url, HTTP_PROXY: trap.url }
    const run = await runAction(
      { ...offline, 'package-checks': 'auto', report: 'report.json' },
      { workspace, env }
    )
    expect(trap.hits).toEqual([])
    expect(run.exitCode).toBe(0)
    expect(run.outputs['package-issue-count']).toBe('0')
    const report = await readJson(path.join(workspace, 'report.json'))
    expect(report).not.toHaveProperty('package_issues')
    expect(report.summary).not.toHaveProperty('package_issues')
  }, 60_000)

  test('the trap does see a run that asks PyPI (package-checks: true), which then fails closed', async () => {
    const env = { ...proxied, HTTPS_PROXY: trap.url, HTTP_PROXY: trap.url }
    const run = await runAction(
      { ...offline, 'package-checks': 'true', 'request-timeout': '5' },
      { workspace, env }
    )
    expect(trap.hits).toContain('CONNECT pypi.org:443')
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(/^::error::Package index https:\/\/pypi\.org\/simple\/ failed: /m)
    trap.hits.length = 0
  }, 60_000)

  test('with index-url: that index is asked, and a typo fails the step', async () => {
    const run = await runAction(
      { ...offline, 'package-checks': 'auto', 'index-url': index.url() },
      { workspace }
    )
    expect(index.requests.map(request => request.path)).toEqual(['/simple/requets/'])
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(/^::error::Failed: 1 package issue \(not-found\)\.$/m)
    expect(run.outputs['package-issue-count']).toBe('1')
  }, 60_000)
})
