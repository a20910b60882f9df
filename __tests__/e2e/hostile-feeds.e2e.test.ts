/**
 * Feeds that misbehave, through the whole action and CLI as a runner starts them: a feed that
 * drips bytes ends the run, failing, within request-timeout per try (never hangs it), and
 * advisory records OSV matched but that cannot be read whole still fail the run as findings.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import type { OsvRecord } from '../../src/advisories/osv.js'
import { OsvServer } from '../support/osv-server.js'
import { makeWorkspace, runAction, type ActionRun } from '../support/run-action.js'
import { TESTS_DIR } from '../support/paths.js'

const RECORDS = path.resolve(TESTS_DIR, 'fixtures', 'osv', 'records')
const record = (id: string): OsvRecord =>
  JSON.parse(readFileSync(path.join(RECORDS, `${id}.json`), 'utf8')) as OsvRecord

/**
 * Five tries of 1 s and the default backoff between them (at most 3.75 s in all), plus the
 * start of a TypeScript process: well under the default limit of 60 s for even one try, and
 * generous for a loaded 2-core machine.
 */
const UPPER_BOUND_MS = 20_000
const noStackTrace = (run: ActionRun) => expect(run.stdout + run.stderr).not.toMatch(/^\s+at /m)

let workspace: string
const servers: OsvServer[] = []

beforeAll(async () => {
  workspace = await makeWorkspace({ 'requirements.txt': 'urllib3==2.0.4\nrequests==2.19.0\n' })
})
afterAll(async () => {
  await Promise.all(servers.splice(0).map(server => server.close()))
  await fs.rm(workspace, { recursive: true, force: true })
})

async function serve(
  resolver: (name: string, version: string) => OsvRecord[],
  serveRecord?: (found: OsvRecord) => unknown
): Promise<{ server: OsvServer; url: string }> {
  const server = new OsvServer(resolver, serveRecord ? { serve: serveRecord } : {})
  servers.push(server)
  return { server, url: await server.start() }
}

describe('an OSV API that drips a byte every 0.3 s', () => {
  const failure =
    /Advisory feed OSV API \(http:\/\/127\.0\.0\.1:\d+\) failed: POST \/v1\/querybatch: timed out after 1 s \(headers and body\), after 5 attempts/
  /** Each run waits out five tries of 1 s: the two go side by side, each with a feed of its own. */
  let action: { run: ActionRun; server: OsvServer }
  let cli: ActionRun

  beforeAll(async () => {
    const dripping = async () => {
      const { server, url } = await serve(() => [])
      server.failNext(1_000, { kind: 'drip', intervalMs: 300 })
      return { server, url }
    }
    const [forAction, forCli] = await Promise.all([dripping(), dripping()])
    const [actionRun, cliRun] = await Promise.all([
      runAction(
        {
          paths: 'requirements.txt',
          'osv-url': forAction.url,
          'request-timeout': '1',
          report: 'report.json'
        },
        { workspace }
      ),
      runAction(
        {},
        {
          workspace,
          args: [
            '--osv-url',
            forCli.url,
            '--request-timeout',
            '1',
            '--no-cache',
            'requirements.txt'
          ]
        }
      )
    ])
    action = { run: actionRun, server: forAction.server }
    cli = cliRun
  }, 60_000)

  test('the action with request-timeout: 1 fails closed, fast', async () => {
    const { run, server } = action
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(new RegExp(`^::error::.*${failure.source}`, 'm'))
    expect(run.durationMs).toBeLessThan(UPPER_BOUND_MS)
    expect(server.counts.querybatch).toBe(5)
    // Fails closed with a record: every pin listed as not checked, and why.
    const report = JSON.parse(await fs.readFile(path.join(workspace, 'report.json'), 'utf8'))
    expect(JSON.stringify(report)).toMatch(/not checked: .*timed out after 1 s/)
    noStackTrace(run)
    console.log(
      `dripping OSV API, request-timeout 1 s: the action failed in ${run.durationMs | 0} ms`
    )
  })

  test('the CLI with --request-timeout 1 fails closed, fast', () => {
    expect(cli.exitCode).not.toBe(0)
    expect(cli.stdout + cli.stderr).toMatch(failure)
    expect(cli.durationMs).toBeLessThan(UPPER_BOUND_MS)
    noStackTrace(cli)
    console.log(`dripping OSV API, request-timeout 1 s: the CLI failed in ${cli.durationMs | 0} ms`)
  })
})

test('records OSV matched but that cannot be read whole fail the run as findings', async () => {
  const urllib3 = record('PYSEC-2023-192')
  const requests = record('PYSEC-2018-28')
  const { url } = await serve(
    (name, version) =>
      name === 'urllib3' && version === '2.0.4'
        ? [urllib3]
        : name === 'requests' && version === '2.19.0'
          ? [requests]
          : [],
    // urllib3's record has no affected list; requests' has a schema major this version
    // does not know.
    found => {
      if (found.id === urllib3.id) {
        const { affected: _, ...rest } = found
        return rest
      }
      return { ...found, schema_version: '2.0.0' }
    }
  )
  const run = await runAction(
    { paths: 'requirements.txt', 'osv-url': url, 'fail-on-severity': 'critical' },
    { workspace }
  )
  expect(run.exitCode).toBe(1)
  expect(run.outputs['vulnerability-count']).toBe('2')
  const findings = JSON.parse(run.outputs.findings ?? '[]') as { package: string; id: string }[]
  expect(findings.map(found => `${found.package} ${found.id}`).sort()).toEqual([
    'requests PYSEC-2018-28',
    'urllib3 PYSEC-2023-192'
  ])
  // urllib3's CVSS (8.1, high) is below the threshold: what fails is the record whose severity
  // is unknown, as unknown severity fails by default.
  expect(run.stdout).toMatch(/^::error::Failed: 1 of unknown severity/m)
  expect(run.stdout).toMatch(
    /^::warning::OSV API \(http:\/\/127\.0\.0\.1:\d+\): advisory PYSEC-2023-192 lists no affected packages\./m
  )
  expect(run.stdout).toMatch(
    /^::warning::OSV API \(http:\/\/127\.0\.0\.1:\d+\): advisory PYSEC-2018-28 could not be read in full \(schema_version "2\.0\.0" is not 1\.x\)/m
  )
  noStackTrace(run)
}, 60_000)
