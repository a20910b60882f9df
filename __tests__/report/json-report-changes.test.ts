/**
 * The JSON report's keys for issue 16 (scope `changes`: base, fixed_by_change, each
 * dependency's change, each finding's introduced, summary.new_vulnerabilities) and issue 18
 * (package_issues and its count), read back from the file the run writes.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import * as os from 'node:os'
import * as path from 'node:path'
import { Ajv } from 'ajv'
import { buildJsonReport, serializeReport } from '../../src/report/json-report.js'
import type { AuditOutcome } from '../../src/report/outcome.js'
import { writeJsonReport } from '../../src/report/writers.js'
import {
  BASE,
  CHANGE_ROOT,
  allScopeOutcome,
  changeScopeOutcome
} from '../support/change-scope-outcome.js'
import { REPO_ROOT } from '../support/paths.js'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'pyaudit-json-changes-'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

/** The report as the run writes it (streamed to disk), parsed. */
async function written(outcome: AuditOutcome, name: string): Promise<Json> {
  const file = path.join(dir, `${name}.json`)
  await writeJsonReport(outcome, { repositoryRoot: CHANGE_ROOT, now: new Date(0) }, file)
  const text = await readFile(file, 'utf8')
  expect(text).toBe(serializeReport(buildJsonReport(outcome, CHANGE_ROOT)))
  return JSON.parse(text) as Json
}

function schemaErrors(report: Json): unknown {
  const schema = JSON.parse(
    readFileSync(path.join(REPO_ROOT, 'docs', 'report.schema.json'), 'utf8')
  ) as object
  const validate = new Ajv({ allErrors: true }).compile(schema)
  validate(report)
  return validate.errors ?? null
}

const dependency = (report: Json, name: string): Json =>
  report.dependencies.find((item: Json) => item.name === name)

describe('scope changes', () => {
  let report: Json
  beforeAll(async () => {
    report = await written(changeScopeOutcome(), 'changes')
  })

  test('names the base it compared with and what the change fixes, removed pins as null', () => {
    expect(report.base).toEqual(BASE)
    expect(report.fixed_by_change).toEqual([
      {
        name: 'requests',
        old_version: '2.19.1',
        new_version: '2.32.0',
        advisories: ['PYSEC-2018-28', 'PYSEC-2023-74']
      },
      { name: 'urllib3', old_version: '1.26.5', new_version: null, advisories: ['PYSEC-2023-192'] }
    ])
  })

  test('each dependency says how the change touches it, each finding whether it brings it in', () => {
    expect(
      report.dependencies.map((item: Json) => [
        item.name,
        item.change,
        item.vulns.map((vuln: Json) => [vuln.id, vuln.introduced])
      ])
    ).toEqual([
      ['jinja2', 'unchanged', [['PYSEC-2026-1472', false]]],
      ['requests', 'changed', []],
      [
        'pyyaml',
        'added',
        [
          ['PYSEC-2020-96', true],
          ['PYSEC-2021-142', true]
        ]
      ],
      ['1337test', 'unchanged', [['MAL-2024-4720', false]]],
      ['requets', 'added', []]
    ])
  })

  test('the summary counts the active findings the change introduces, not ignored or old ones', () => {
    expect(report.summary).toMatchObject({
      vulnerabilities: 3,
      ignored: 1,
      malicious: 1,
      new_vulnerabilities: 1,
      package_issues: 2,
      result: 'fail'
    })
  })

  test('package issues at their repository-relative file and line, failing by kind', () => {
    expect(report.package_issues).toEqual([
      {
        name: 'requests',
        version: '2.32.0',
        kind: 'yanked',
        reason: expect.stringContaining(
          'with the reason "Yanked due to conflicts with CVE-2024-35195 mitigation"'
        ),
        location: { file: 'requirements.txt', line: 2 },
        failing: false
      },
      {
        name: 'requets',
        version: '2.19.1',
        kind: 'not-found',
        reason: expect.stringMatching(/misspelt.*dependency confusion.*index-url/s),
        location: { file: 'requirements.txt', line: 5 },
        failing: true
      }
    ])
  })

  test('the pip-audit part is what scope all writes, apart from the added keys', async () => {
    const outcome = changeScopeOutcome()
    const { changes: _changes, ...withoutScope } = outcome
    const plain = await written(
      {
        ...withoutScope,
        packages: outcome.packages.map(({ change: _change, ...pkg }) => ({
          ...pkg,
          vulnerabilities: pkg.vulnerabilities.map(({ introduced: _introduced, ...vuln }) => vuln)
        }))
      },
      'changes-stripped'
    )
    const { base: _base, fixed_by_change: _fixed, ...rest } = report
    const {
      new_vulnerabilities: _new,
      new_package_issues: _newIssues,
      ...summary
    } = rest.summary as Json
    const dependencies = (rest.dependencies as Json[]).map(({ change: _change, ...item }) => ({
      ...item,
      vulns: (item.vulns as Json[]).map(({ introduced: _introduced, ...vuln }) => vuln)
    }))
    expect({ ...rest, summary, dependencies }).toEqual(plain)
  })

  test('is valid against docs/report.schema.json', () => {
    expect(schemaErrors(report)).toBeNull()
  })
})

describe('scope all', () => {
  let report: Json
  beforeAll(async () => {
    report = await written(allScopeOutcome(), 'all')
  })

  test('has no change keys anywhere', () => {
    expect(report).not.toHaveProperty('base')
    expect(report).not.toHaveProperty('fixed_by_change')
    expect(report.summary).not.toHaveProperty('new_vulnerabilities')
    expect(report.summary).not.toHaveProperty('new_package_issues')
    for (const item of report.dependencies as Json[]) {
      expect(item).not.toHaveProperty('change')
      for (const vuln of item.vulns as Json[]) expect(vuln).not.toHaveProperty('introduced')
    }
  })

  test('still lists the package issues', () => {
    expect(report.package_issues.map((issue: Json) => [issue.name, issue.kind])).toEqual([
      ['requests', 'yanked'],
      ['requets', 'not-found']
    ])
    expect(report.summary.package_issues).toBe(2)
  })

  test('is valid against docs/report.schema.json', () => {
    expect(schemaErrors(report)).toBeNull()
  })
})

describe('edges', () => {
  test('without package checks there is no package_issues key: not run is not "none found"', async () => {
    const { packageIssues: _issues, ...outcome } = allScopeOutcome()
    const report = await written(outcome, 'no-checks')
    expect(report).not.toHaveProperty('package_issues')
    expect(report.summary).not.toHaveProperty('package_issues')
    const none = await written({ ...outcome, packageIssues: [] }, 'checks-clean')
    expect(none.package_issues).toEqual([])
    expect(none.summary.package_issues).toBe(0)
    expect(schemaErrors(report)).toBeNull()
    expect(schemaErrors(none)).toBeNull()
  })

  test('in scope changes a finding or pin the engine left unjudged reads as introduced, change unknown', async () => {
    const outcome = changeScopeOutcome()
    const pyyaml = outcome.packages.find(pkg => pkg.name === 'pyyaml')!
    delete pyyaml.change
    for (const vuln of pyyaml.vulnerabilities) delete vuln.introduced
    const report = await written(outcome, 'unjudged')
    expect(dependency(report, 'pyyaml').change).toBe('unknown')
    expect(dependency(report, 'pyyaml').vulns.map((vuln: Json) => vuln.introduced)).toEqual([
      true,
      true
    ])
    expect(report.summary.new_vulnerabilities).toBe(1)
  })

  test("in scope changes new_package_issues counts what the change brings in, not the base's", async () => {
    const outcome = changeScopeOutcome()
    const [yanked, typo] = outcome.packageIssues!
    // The base already had the yank; the engine left the typo unjudged: it reads as introduced.
    yanked!.introduced = false
    expect(typo!.introduced).toBeUndefined()
    const report = await written(outcome, 'issues-judged')
    expect(report.summary).toMatchObject({ package_issues: 2, new_package_issues: 1 })
    // A quarantined project already on the base fails the step, but the change did not add it.
    outcome.packageIssues!.push({ ...typo!, kind: 'quarantined', introduced: false, failing: true })
    const quarantined = await written(outcome, 'issues-quarantined')
    expect(quarantined.summary).toMatchObject({ package_issues: 3, new_package_issues: 1 })
    expect(schemaErrors(quarantined)).toBeNull()
  })

  test('credentials in an issue reason never reach the report', async () => {
    const outcome = allScopeOutcome()
    outcome.packageIssues![1]!.reason =
      'private-lib is not on https://ci:s3cr3t-token@pypi.internal.example/simple/: no project of that name.'
    const report = await written(outcome, 'credentials')
    expect(JSON.stringify(report)).not.toContain('s3cr3t-token')
    expect(report.package_issues[1].reason).toContain('pypi.internal.example/simple/')
  })
})
