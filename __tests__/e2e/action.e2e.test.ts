import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { Ajv } from 'ajv'
import { readFileSync } from 'node:fs'
import type { OsvRecord } from '../../src/advisories/osv.js'
import { OsvServer } from '../support/osv-server.js'
import { makeWorkspace, runAction, type ActionRun } from '../support/run-action.js'
import { TESTS_DIR } from '../support/paths.js'

const fixtureDb = path.resolve(TESTS_DIR, 'fixtures', 'e2e-db')
const requirements = [
  '# Application pins',
  'requests==2.19.1',
  'PyYAML==5.3  # comment after a pin',
  'idna==2.7',
  '-e ./local-lib',
  ''
].join('\n')
const noStackTrace = (run: ActionRun) => expect(run.stdout + run.stderr).not.toMatch(/^\s+at /m)

describe('the action, end to end through INPUT_* variables (offline database)', () => {
  let workspace: string
  let run: ActionRun

  beforeAll(async () => {
    workspace = await makeWorkspace({ 'service/requirements.txt': requirements })
    run = await runAction(
      {
        paths: 'service/requirements.txt',
        'advisory-db': fixtureDb,
        'max-db-age': '0',
        report: 'out/report.json',
        sbom: 'out/sbom.json',
        sarif: 'out/results.sarif'
      },
      { workspace }
    )
  }, 60_000)
  afterAll(() => fs.rm(workspace, { recursive: true, force: true }))

  test('fails the step because vulnerabilities were found, without a stack trace', () => {
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(
      /^::error::Failed: 2 of unknown severity \(fail-on-severity: low\)\.$/m
    )
    noStackTrace(run)
  })

  test('sets the outputs', () => {
    expect(run.outputs).toMatchObject({
      result: 'fail',
      'vulnerability-count': '2',
      'vulnerable-package-count': '2',
      'license-violation-count': '0',
      report: path.join(workspace, 'out', 'report.json'),
      sbom: path.join(workspace, 'out', 'sbom.json'),
      sarif: path.join(workspace, 'out', 'results.sarif')
    })
    const findings = JSON.parse(run.outputs.findings ?? '[]')
    expect(findings.map((f: { package: string; id: string }) => `${f.package} ${f.id}`)).toEqual([
      'requests PYSEC-2018-28',
      'pyyaml PYSEC-2020-96'
    ])
  })

  test('annotates the exact line of each vulnerable requirement', () => {
    expect(run.stdout).toMatch(
      /^::error title=requests 2\.19\.1%3A 1 known vulnerability \(upgrade to 2\.20\.0\),file=service\/requirements\.txt,line=2::PYSEC-2018-28 \/ CVE-2018-18074 \[unknown\] \(fixed in 2\.20\.0\)/m
    )
    expect(run.stdout).toMatch(
      /^::error title=pyyaml 5\.3%3A 1 known vulnerability \(upgrade to 5\.3\.1\),file=service\/requirements\.txt,line=3::PYSEC-2020-96/m
    )
  })

  test('writes a pip-audit compatible report', async () => {
    const report = JSON.parse(await fs.readFile(path.join(workspace, 'out', 'report.json'), 'utf8'))
    expect(report.fixes).toEqual([
      { name: 'requests', old_version: '2.19.1', new_version: '2.20.0' },
      { name: 'pyyaml', old_version: '5.3', new_version: '5.3.1' }
    ])
    expect(report.dependencies).toEqual([
      {
        name: 'requests',
        version: '2.19.1',
        recommended_version: '2.20.0',
        vulns: [
          expect.objectContaining({
            id: 'PYSEC-2018-28',
            fix_versions: ['2.20.0'],
            aliases: ['CVE-2018-18074', 'GHSA-x84v-xcm2-53pg'],
            description: expect.stringContaining('The Requests package before 2.20.0')
          })
        ]
      },
      {
        name: 'pyyaml',
        version: '5.3',
        recommended_version: '5.3.1',
        vulns: [expect.objectContaining({ id: 'PYSEC-2020-96', fix_versions: ['5.3.1'] })]
      },
      { name: 'idna', version: '2.7', vulns: [] },
      { name: expect.any(String), skip_reason: expect.stringMatching(/editable/i) }
    ])
    expect(report.summary.result).toBe('fail')
    const schema = JSON.parse(
      readFileSync(path.resolve(TESTS_DIR, '..', 'docs', 'report.schema.json'), 'utf8')
    )
    const validate = new Ajv({ allErrors: true }).compile(schema)
    const valid = validate(report)
    expect(validate.errors).toBeNull()
    expect(valid).toBe(true)
  })

  test('writes a CycloneDX SBOM and a SARIF file', async () => {
    const sbom = JSON.parse(await fs.readFile(path.join(workspace, 'out', 'sbom.json'), 'utf8'))
    expect(sbom.bomFormat).toBe('CycloneDX')
    expect(sbom.components.map((c: { purl?: string }) => c.purl).filter(Boolean)).toEqual(
      expect.arrayContaining([
        'pkg:pypi/requests@2.19.1',
        'pkg:pypi/pyyaml@5.3',
        'pkg:pypi/idna@2.7'
      ])
    )
    const sarif = JSON.parse(
      await fs.readFile(path.join(workspace, 'out', 'results.sarif'), 'utf8')
    )
    expect(sarif.version).toBe('2.1.0')
    expect(sarif.runs[0].results).toHaveLength(2)
  })

  test('writes a job summary with the findings', () => {
    expect(run.summary).toContain('### ❌ Failed')
    expect(run.summary).toContain('2 vulnerabilities (2 unknown) in 2 packages')
    expect(run.summary).toContain('[PYSEC-2018-28](https://osv.dev/vulnerability/PYSEC-2018-28)')
    expect(run.summary).toContain('Declared in service/requirements.txt:2')
  })

  test('says, as a notice, that there is no artifact service outside GitHub', () => {
    expect(run.stdout).toMatch(/^::notice::No artifact service here/m)
  })
})

describe('the action against the OSV API on loopback', () => {
  const record = (id: string, fixed: string): OsvRecord => ({
    id,
    modified: '2026-01-01T00:00:00Z',
    summary: `${id} summary`,
    severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }],
    affected: [
      {
        package: { ecosystem: 'PyPI', name: 'django' },
        ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed }] }]
      }
    ]
  })
  const servers: OsvServer[] = []
  /** A feed of its own for each test: the tests run side by side, and one takes its feed down. */
  async function serve(): Promise<{ server: OsvServer; url: string }> {
    const server = new OsvServer((name, version) =>
      name === 'django' && version === '3.2.0' ? [record('GHSA-aaaa-bbbb-cccc', '3.2.1')] : []
    )
    servers.push(server)
    return { server, url: await server.start() }
  }
  afterAll(() => Promise.all(servers.map(server => server.close())))

  test.concurrent(
    'finds, scores and gates a critical finding; an ignore from .pyaudit.toml applies',
    async () => {
      const { url } = await serve()
      const workspace = await makeWorkspace({ 'requirements.txt': 'django==3.2.0\nflask==3.0.0\n' })
      const run = await runAction(
        { 'osv-url': url, cache: 'false', 'upload-artifact': 'false' },
        { workspace }
      )
      expect(run.exitCode).toBe(1)
      expect(run.stdout).toMatch(/^::error::Failed: 1 critical \(fail-on-severity: low\)\.$/m)
      expect(run.outputs['vulnerability-count']).toBe('1')

      await fs.writeFile(
        path.join(workspace, '.pyaudit.toml'),
        '[[ignore]]\nid = "GHSA-aaaa-bbbb-cccc"\nreason = "not reachable from our code"\nuntil = "2999-01-01"\n'
      )
      const ignored = await runAction(
        { 'osv-url': url, cache: 'false', 'upload-artifact': 'false' },
        { workspace }
      )
      expect(ignored.exitCode).toBe(0)
      expect(ignored.outputs).toMatchObject({ result: 'pass', 'vulnerability-count': '0' })
      expect(ignored.summary).toContain('| not reachable from our code | 2999-01-01 |')
    },
    60_000
  )

  test.concurrent(
    'a feed that stays down fails the run naming the feed, and reports no count',
    async () => {
      const { server, url } = await serve()
      const workspace = await makeWorkspace({ 'requirements.txt': 'django==3.2.0\n' })
      server.failNext(100, { kind: 'status', status: 503 })
      const run = await runAction(
        { 'osv-url': url, cache: 'false', 'upload-artifact': 'false', report: 'report.json' },
        { workspace }
      )
      const report = JSON.parse(await fs.readFile(path.join(workspace, 'report.json'), 'utf8'))
      expect(report.summary).toMatchObject({ incomplete: true, result: 'error' })
      expect(report.dependencies).toEqual([
        {
          name: 'django',
          skip_reason: expect.stringMatching(/^not checked: Advisory feed OSV API .* HTTP 503/)
        }
      ])
      const schema = JSON.parse(
        readFileSync(path.resolve(TESTS_DIR, '..', 'docs', 'report.schema.json'), 'utf8')
      )
      expect(new Ajv().compile(schema)(report)).toBe(true)
      expect(run.exitCode).toBe(1)
      expect(run.stdout).toMatch(
        new RegExp(
          `^::error::Advisory feed OSV API \\(${url.replace(/[.]/g, '\\.')}\\) failed: .*HTTP 503`,
          'm'
        )
      )
      expect(run.outputs).toMatchObject({ result: 'error', 'vulnerability-count': '' })
      noStackTrace(run)
    },
    60_000
  )
})

describe('the action on an installed environment, with a license policy', () => {
  test('every package whose license is not allowed is a violation: output, annotation, summary, report', async () => {
    const workspace = await makeWorkspace({})
    const run = await runAction(
      {
        python: 'python3',
        'advisory-db': fixtureDb,
        'max-db-age': '0',
        'license-allow-only': 'MIT',
        'license-ignore-packages': 'pip',
        report: 'report.json',
        'upload-artifact': 'false'
      },
      { workspace }
    )
    const report = JSON.parse(await fs.readFile(path.join(workspace, 'report.json'), 'utf8'))
    const entries = report.licenses as Array<{
      name: string
      license: string
      spdx: string | null
      violation: boolean
      ignored?: true
    }>
    // This machine's python3 has ~100 distributions under many licenses: some MIT, many not.
    expect(entries.length).toBeGreaterThan(10)
    const violations = entries.filter(entry => entry.violation)
    expect(violations.length).toBeGreaterThan(0)
    expect(violations.length).toBeLessThan(entries.length)
    expect(entries.find(entry => entry.name === 'pip')).toMatchObject({
      violation: false,
      ignored: true
    })
    for (const entry of entries.filter(e => !e.ignored)) {
      const mit = /\bMIT\b/.test(entry.license) || entry.spdx === 'MIT'
      if (entry.license === 'MIT' || entry.spdx === 'MIT') expect(entry.violation).toBe(false)
      if (!mit) expect(entry.violation).toBe(true)
    }
    expect(run.exitCode).toBe(1)
    expect(run.outputs['license-violation-count']).toBe(String(violations.length))
    expect(run.stdout).toMatch(/^::error::.*Failed: \d+ license violations?\./m)
    expect(run.stdout).toMatch(
      /^::error title=[^:]+ [^:]+%3A license .*,file=.*METADATA::License policy violated/m
    )
    expect(run.summary).toContain(`### License violations (${violations.length})`)
  }, 60_000)
})

describe('the action with bad input or a clean project', () => {
  test.concurrent(
    'fail-on-severity above the findings passes, with a warning annotation',
    async () => {
      const workspace = await makeWorkspace({ 'requirements.txt': 'requests==2.19.1\n' })
      const run = await runAction(
        {
          'advisory-db': fixtureDb,
          'max-db-age': '0',
          'fail-on-unknown-severity': 'false',
          'fail-on-severity': 'high'
        },
        { workspace }
      )
      expect(run.exitCode).toBe(0)
      expect(run.stdout).toMatch(/^::warning title=requests 2\.19\.1%3A 1 known vulnerability/m)
      expect(run.outputs).toMatchObject({ result: 'pass', 'vulnerability-count': '1' })
    },
    60_000
  )

  test.concurrent(
    'a clean project passes and says so',
    async () => {
      const workspace = await makeWorkspace({ 'requirements.txt': 'requests==2.20.0\n' })
      const run = await runAction(
        { 'advisory-db': fixtureDb, 'max-db-age': '0', 'upload-artifact': 'false' },
        { workspace }
      )
      expect(run.exitCode).toBe(0)
      expect(run.outputs['vulnerability-count']).toBe('0')
      expect(run.summary).toContain('### ✅ Passed')
      expect(run.stdout).not.toContain('::notice::')
    },
    60_000
  )

  test.concurrent(
    'a stale offline database is a warning',
    async () => {
      const workspace = await makeWorkspace({ 'requirements.txt': 'requests==2.20.0\n' })
      const run = await runAction(
        { 'advisory-db': fixtureDb, 'upload-artifact': 'false' },
        { workspace }
      )
      expect(run.exitCode).toBe(0)
      expect(run.stdout).toMatch(/^::warning::The offline advisory database is \d+ days old/m)
    },
    60_000
  )

  test.concurrent(
    'an invalid input value fails with a message naming the input, and no stack trace',
    async () => {
      const workspace = await makeWorkspace({ 'requirements.txt': 'requests==2.20.0\n' })
      const run = await runAction({ 'fail-on-vulnerability': 'maybe' }, { workspace })
      expect(run.exitCode).toBe(1)
      expect(run.stdout).toContain(
        "::error::Input 'fail-on-vulnerability': expected true or false, got 'maybe'"
      )
      noStackTrace(run)
      expect(run.outputs).toMatchObject({ result: 'error', 'vulnerability-count': '', report: '' })
    },
    60_000
  )

  test.concurrent(
    'a malformed requirement fails naming the file and line',
    async () => {
      const workspace = await makeWorkspace({ 'requirements.txt': 'requests==2.20.0\nflask==(1\n' })
      const run = await runAction({ 'advisory-db': fixtureDb }, { workspace })
      expect(run.exitCode).toBe(1)
      expect(run.stdout).toMatch(/^::error::requirements\.txt:2(:\d+)?: /m)
      expect(run.outputs).toMatchObject({ result: 'error', 'vulnerability-count': '' })
    },
    60_000
  )
})

describe('credentials in index URLs', () => {
  test('are masked, and never printed by a failing resolution', async () => {
    const secret = 's3cretIndexPassw0rd'
    const workspace = await makeWorkspace({ 'requirements.txt': 'requests>=2\n' })
    const run = await runAction(
      {
        resolve: 'pip',
        python: 'python3',
        // Nothing listens on port 9: pip fails at once, and its error quotes the index.
        'index-url': `http://builder:${secret}@127.0.0.1:9/simple`,
        'advisory-db': fixtureDb,
        'max-db-age': '0',
        'upload-artifact': 'false'
      },
      {
        workspace,
        env: {
          PIP_RETRIES: '0',
          PIP_TIMEOUT: '2',
          PIP_CONFIG_FILE: '/dev/null',
          PIP_NO_CACHE_DIR: '1'
        }
      }
    )
    expect(run.exitCode).toBe(1)
    const lines = `${run.stdout}\n${run.stderr}`.split('\n').filter(line => line.includes(secret))
    expect(lines).toEqual([`::add-mask::${secret}`])
    expect(run.stdout).toMatch(/^::error::.*pip/m)
    noStackTrace(run)
  }, 60_000)
})
