/**
 * A run that cannot check still answers, through INPUT_* variables as on a runner: `result` is
 * error (never pass or fail), every count output is empty (a run that could not check claims
 * no number), `report` is the incomplete report whenever one was written, and the job summary,
 * the pull-request comment and the CLI say what went wrong and what was and was not checked.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import * as fs from 'node:fs/promises'
import { readFileSync } from 'node:fs'
import * as path from 'node:path'
import { Ajv } from 'ajv'
import { GitHubApiServer } from '../support/github-api-server.js'
import { OsvServer } from '../support/osv-server.js'
import { makeWorkspace, runAction, type ActionRun } from '../support/run-action.js'
import { TESTS_DIR } from '../support/paths.js'

const fixtureDb = path.resolve(TESTS_DIR, 'fixtures', 'e2e-db')
const schema = JSON.parse(
  readFileSync(path.resolve(TESTS_DIR, '..', 'docs', 'report.schema.json'), 'utf8')
)
const COUNTS = [
  'vulnerability-count',
  'new-vulnerability-count',
  'vulnerable-package-count',
  'license-violation-count',
  'package-issue-count',
  'new-package-issue-count',
  'fixed-count',
  'findings'
]
// Package-health lookups would ask pypi.org beside the feed: this test is about the feed.
const QUIET = { cache: 'false', 'upload-artifact': 'false', 'package-checks': 'false' }

const noStackTrace = (run: ActionRun) => expect(run.stdout + run.stderr).not.toMatch(/^\s+at /m)

/** The outputs every run that ended in error sets. */
function expectErrorOutputs(run: ActionRun, report: string): void {
  expect(run.exitCode).toBe(1)
  expect(run.outputs.result).toBe('error')
  for (const name of COUNTS) expect({ name, value: run.outputs[name] }).toEqual({ name, value: '' })
  expect(run.outputs.report).toBe(report)
  noStackTrace(run)
}

/**
 * The tests of a run that ends in error run side by side (test.concurrent): they share one
 * workspace but write different files in it, and each feed that goes down is its own.
 */
describe('a run that ends in error', () => {
  const servers: OsvServer[] = []
  let workspace: string
  beforeAll(async () => {
    workspace = await makeWorkspace({
      'app/requirements.txt': 'requests==2.19.1\nflask==2.0.0\n-e ./local-lib\n'
    })
  })
  afterAll(async () => {
    await Promise.all(servers.map(server => server.close()))
    await fs.rm(workspace, { recursive: true, force: true })
  })

  /** An OSV API that answers every request with HTTP 503. */
  async function feedDown(): Promise<string> {
    const server = new OsvServer(() => [])
    servers.push(server)
    const url = await server.start()
    server.failNext(100, { kind: 'status', status: 503 })
    return url
  }

  test.concurrent(
    'the feed down: result error, no count, the incomplete report, a summary naming the feed',
    async () => {
      const url = await feedDown()
      const run = await runAction(
        { ...QUIET, paths: 'app/requirements.txt', 'osv-url': url, report: 'out/report.json' },
        { workspace }
      )
      const reportPath = path.join(workspace, 'out', 'report.json')
      expectErrorOutputs(run, reportPath)
      expect(run.stdout).toMatch(/^::error::Advisory feed OSV API \(.*\) failed: .*HTTP 503/m)

      const report = JSON.parse(await fs.readFile(reportPath, 'utf8'))
      expect(report.summary).toMatchObject({ result: 'error', incomplete: true })
      expect(report.summary.failure_reasons).toEqual([
        expect.stringMatching(/^Advisory feed OSV API .* HTTP 503/)
      ])
      expect(report.dependencies.map((d: { skip_reason: string }) => d.skip_reason)).toEqual([
        expect.stringMatching(/^not checked: Advisory feed OSV API/),
        expect.stringMatching(/^not checked: Advisory feed OSV API/),
        expect.stringMatching(/editable/)
      ])
      expect(new Ajv().compile(schema)(report)).toBe(true)

      expect(run.summary).toContain('### ⛔ Error: the audit could not finish')
      expect(run.summary).toMatch(
        /> Advisory feed OSV API \\\(http:\u2060\/\/127\.0\.0\.1:\d+\\\) failed/
      )
      expect(run.summary).toContain(
        '- dependency files: app/requirements.txt: 2 pinned dependencies, 1 that cannot be audited'
      )
      expect(run.summary).toMatch(
        /\*\*Not checked\*\*\n\n- advisories: 2 packages not looked up in OSV API/
      )
      expect(run.summary).toContain('- licenses: not checked')
      expect(run.summary).not.toMatch(/Passed|No known vulnerabilities/)
    },
    60_000
  )

  test.concurrent(
    'an invalid input value: result error, no report, a summary naming the input',
    async () => {
      const run = await runAction(
        { ...QUIET, 'advisory-db': fixtureDb, 'fail-on-severity': 'bogus' },
        { workspace }
      )
      expectErrorOutputs(run, '')
      expect(run.stdout).toMatch(/^::error::Input 'fail-on-severity': /m)
      expect(run.summary).toMatch(/> Input 'fail-on-severity': /)
      expect(run.summary).toContain('- dependency files: not read')
      expect(run.summary).toContain('- advisories: not looked up')
      expect(run.summary).not.toContain('**Checked**')
    },
    60_000
  )

  test.concurrent(
    'a license lookup that fails: the advisories were checked, the licenses were not',
    async () => {
      const run = await runAction(
        {
          ...QUIET,
          paths: 'app/requirements.txt',
          'advisory-db': fixtureDb,
          'max-db-age': '0',
          'license-source': 'pypi',
          'license-allow-only': 'MIT',
          // Nothing listens on port 9.
          'pypi-url': 'http://127.0.0.1:9',
          report: 'out/licenses.json'
        },
        { workspace }
      )
      expectErrorOutputs(run, path.join(workspace, 'out', 'licenses.json'))
      expect(run.summary).toMatch(
        /\*\*Checked\*\*\n\n- dependency files: .*\n- advisories: 2 packages looked up in offline database/
      )
      expect(run.summary).toMatch(/\*\*Not checked\*\*\n\n- licenses: not checked/)
    },
    60_000
  )

  test.concurrent(
    'a report file that cannot be written: the error, then the findings it had',
    async () => {
      await fs.mkdir(path.join(workspace, 'out', 'taken.sarif'), { recursive: true })
      const run = await runAction(
        {
          ...QUIET,
          paths: 'app/requirements.txt',
          'advisory-db': fixtureDb,
          'max-db-age': '0',
          report: 'out/findings.json',
          sarif: 'out/taken.sarif'
        },
        { workspace }
      )
      const reportPath = path.join(workspace, 'out', 'findings.json')
      expectErrorOutputs(run, reportPath)
      expect(run.outputs.sarif).toBe('')
      expect(run.stdout).toMatch(/^::error::Input 'sarif': could not write .*taken\.sarif: /m)
      const report = JSON.parse(await fs.readFile(reportPath, 'utf8'))
      expect(report.summary).toMatchObject({
        result: 'error',
        incomplete: false,
        vulnerabilities: 1
      })
      expect(new Ajv().compile(schema)(report)).toBe(true)
      expect(run.summary).toContain('- verdict: fail')
      expect(run.summary).toContain('- reports: not every report file was written')
      expect(run.summary).toContain('PYSEC-2018-28')
    },
    60_000
  )

  test.concurrent(
    'the command line exits 2 and prints what was and was not checked',
    async () => {
      const url = await feedDown()
      const run = await runAction(
        {},
        {
          workspace,
          args: [
            '--osv-url',
            url,
            '--no-cache',
            '--package-checks',
            'false',
            'app/requirements.txt'
          ]
        }
      )
      expect(run.exitCode).toBe(2)
      expect(run.stderr).toMatch(
        /^error: Advisory feed OSV API .* HTTP 503.*\nchecked: dependency files: app\/requirements\.txt: 2 pinned dependencies, 1 that cannot be audited\nnot checked: advisories: 2 packages not looked up in OSV API .*\nnot checked: licenses: not checked\n$/m
      )
    },
    60_000
  )
})

describe('the pull-request comment of a run that ends in error', () => {
  const github = new GitHubApiServer()
  const TOKEN = 'ghs_writeERRORwrite0123'
  let workspace: string
  let env: NodeJS.ProcessEnv
  const ours = () => github.commentsOn('o/r#9').filter(c => c.user.type === 'Bot')

  beforeAll(async () => {
    const apiUrl = await github.start()
    github.tokens.set(TOKEN, 'write')
    workspace = await makeWorkspace({ 'requirements.txt': 'requests==2.19.1\n' })
    const eventPath = path.join(workspace, 'event.json')
    await fs.writeFile(
      eventPath,
      JSON.stringify({ number: 9, pull_request: { number: 9, head: { sha: 'abc' } } })
    )
    env = {
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_REPOSITORY: 'o/r',
      GITHUB_API_URL: apiUrl,
      GITHUB_WORKFLOW: 'ci',
      GITHUB_JOB: 'audit'
    }
  })
  afterAll(async () => {
    await github.close()
    await fs.rm(workspace, { recursive: true, force: true })
  })

  test('on-failure: an invalid input is commented, and the same comment then shows the verdict', async () => {
    const inputs = { ...QUIET, comment: 'on-failure', 'github-token': TOKEN }
    const refused = await runAction(
      { ...inputs, 'advisory-db': fixtureDb, 'fail-on-severity': 'bogus' },
      { workspace, env }
    )
    expect(refused.outputs.result).toBe('error')
    expect(ours()).toHaveLength(1)
    expect(ours()[0]!.body).toContain('### ⛔ Error: the audit could not finish')
    expect(ours()[0]!.body).toMatch(/> Input 'fail-on-severity': /)

    // The same audit, its input fixed: the comment it left is found and updated in place.
    const fixed = await runAction(
      { ...inputs, 'advisory-db': fixtureDb, 'max-db-age': '0' },
      { workspace, env }
    )
    expect(fixed.outputs.result).toBe('fail')
    expect(ours()).toHaveLength(1)
    expect(ours()[0]!.body).toContain('PYSEC-2018-28')
    expect(ours()[0]!.body).not.toContain('⛔')
  }, 60_000)
})
