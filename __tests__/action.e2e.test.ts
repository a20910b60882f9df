import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { makeWorkspace, runAction, type ActionRun } from './support/run-action.js'

const fixtureDb = path.resolve(import.meta.dirname, 'fixtures', 'e2e-db')
const requirements = [
  '# Application pins',
  'requests==2.19.1',
  'PyYAML==5.3  # comment after a pin',
  'idna==2.7',
  '-e ./local-lib',
  ''
].join('\n')

describe('the action, end to end through INPUT_* variables (offline database)', () => {
  let workspace: string
  let run: ActionRun

  beforeAll(async () => {
    workspace = await makeWorkspace({ 'service/requirements.txt': requirements })
    run = await runAction(
      { paths: 'service/requirements.txt', 'advisory-db': fixtureDb, report: 'out/report.json' },
      { workspace }
    )
  }, 60_000)
  afterAll(() => fs.rm(workspace, { recursive: true, force: true }))

  test('fails the step because vulnerabilities were found, without a stack trace', () => {
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain('::error::Found 2 known vulnerabilities in 2 packages')
    expect(run.stdout + run.stderr).not.toMatch(/^\s+at /m)
  })

  test('sets the outputs', () => {
    expect(run.outputs).toEqual({
      'vulnerability-count': '2',
      'vulnerable-package-count': '2',
      report: path.join(workspace, 'out', 'report.json')
    })
  })

  test('annotates the exact line of each vulnerable requirement', () => {
    expect(run.stdout).toMatch(
      /^::error title=requests 2\.19\.1%3A 1 known vulnerability,file=service\/requirements\.txt,line=2::PYSEC-2018-28 \/ CVE-2018-18074 \(fixed in 2\.20\.0\)/m
    )
    expect(run.stdout).toMatch(
      /^::error title=pyyaml 5\.3%3A 1 known vulnerability,file=service\/requirements\.txt,line=3::PYSEC-2020-96/m
    )
  })

  test('writes a pip-audit compatible report', async () => {
    const report = JSON.parse(await fs.readFile(path.join(workspace, 'out', 'report.json'), 'utf8'))
    expect(report.fixes).toEqual([])
    expect(report.dependencies).toEqual([
      {
        name: 'requests',
        version: '2.19.1',
        vulns: [
          {
            id: 'PYSEC-2018-28',
            fix_versions: ['2.20.0'],
            aliases: ['CVE-2018-18074', 'GHSA-x84v-xcm2-53pg'],
            description: expect.stringContaining('The Requests package before 2.20.0')
          }
        ]
      },
      {
        name: 'pyyaml',
        version: '5.3',
        vulns: [expect.objectContaining({ id: 'PYSEC-2020-96', fix_versions: ['5.3.1'] })]
      },
      { name: 'idna', version: '2.7', vulns: [] },
      { name: expect.any(String), skip_reason: expect.stringMatching(/editable/i) }
    ])
  })

  test('writes a job summary with the findings', () => {
    expect(run.summary).toContain('❌ **2 vulnerabilities** in 2 packages of 3 audited')
    expect(run.summary).toContain('[PYSEC-2018-28](https://osv.dev/vulnerability/PYSEC-2018-28)')
    expect(run.summary).toContain('service/requirements.txt:2')
  })

  test('says, as a notice, that there is no artifact service outside GitHub', () => {
    expect(run.stdout).toMatch(/^::notice::No artifact service here/m)
  })
})

describe('the action with bad input or a clean project', () => {
  test('fail-on-vulnerability: false passes with a warning', async () => {
    const workspace = await makeWorkspace({ 'requirements.txt': 'requests==2.19.1\n' })
    const run = await runAction(
      { 'advisory-db': fixtureDb, 'fail-on-vulnerability': 'false' },
      { workspace }
    )
    expect(run.exitCode).toBe(0)
    expect(run.stdout).toMatch(
      /^::warning::Found 1 known vulnerability in 1 package \(not failing/m
    )
    expect(run.outputs['vulnerability-count']).toBe('1')
  }, 60_000)

  test('a clean project passes and says so', async () => {
    const workspace = await makeWorkspace({ 'requirements.txt': 'requests==2.20.0\n' })
    const run = await runAction(
      { 'advisory-db': fixtureDb, 'upload-artifact': 'false' },
      { workspace }
    )
    expect(run.exitCode).toBe(0)
    expect(run.outputs['vulnerability-count']).toBe('0')
    expect(run.summary).toContain('✅ **No known vulnerabilities** in 1 package')
    expect(run.stdout).not.toContain('::notice::')
  }, 60_000)

  test('an invalid input value fails with a message naming the input, and no stack trace', async () => {
    const workspace = await makeWorkspace({ 'requirements.txt': 'requests==2.20.0\n' })
    const run = await runAction({ 'fail-on-vulnerability': 'maybe' }, { workspace })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toContain(
      "::error::Input 'fail-on-vulnerability': expected true or false, got 'maybe'"
    )
    expect(run.stdout + run.stderr).not.toMatch(/^\s+at /m)
    expect(run.outputs).toEqual({})
  }, 60_000)

  test('a malformed requirement fails naming the file and line', async () => {
    const workspace = await makeWorkspace({ 'requirements.txt': 'requests==2.20.0\nflask==(1\n' })
    const run = await runAction({ 'advisory-db': fixtureDb }, { workspace })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(/^::error::requirements\.txt:2(:\d+)?: /m)
    expect(run.outputs['vulnerability-count']).toBeUndefined()
  }, 60_000)
})
