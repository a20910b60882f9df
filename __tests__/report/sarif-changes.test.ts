/**
 * SARIF for issue 16 (baselineState: `new` for what the change introduces, `unchanged` for
 * what the base had, in scope `changes` only) and issue 18 (package-health findings as
 * results of their own rules, at the declaring line), checked against the SARIF 2.1.0 schema.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import * as os from 'node:os'
import path from 'node:path'
import AjvDraft04 from 'ajv-draft-04'
import ajvFormats from 'ajv-formats'
import { PACKAGE_ISSUE_RULES } from '../../src/health/report-entry.js'
import type { AuditOutcome } from '../../src/report/outcome.js'
import { buildSarif } from '../../src/report/sarif.js'
import { writeSarif } from '../../src/report/writers.js'
import {
  CHANGE_ROOT,
  allScopeOutcome,
  changeScopeOutcome
} from '../support/change-scope-outcome.js'
import { TESTS_DIR } from '../support/paths.js'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

/** SARIF 2.1.0 (rtm.5, draft-04) as shipped by @microsoft/jest-sarif; see fixtures/schemas. */
const schema = JSON.parse(
  readFileSync(path.join(TESTS_DIR, 'fixtures', 'schemas', 'sarif-schema-2.1.0.json'), 'utf8')
) as object
// As in sarif.test.ts: rtm.5's `language` pattern needs a non-Unicode RegExp.
const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false })
ajvFormats.default(ajv)
const validateSarif = ajv.compile(schema)

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'pyaudit-sarif-changes-'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

/** The SARIF file as the run writes it, checked against the schema, parsed. */
async function written(outcome: AuditOutcome, name: string): Promise<Json> {
  const file = path.join(dir, `${name}.sarif`)
  await writeSarif(outcome, { repositoryRoot: CHANGE_ROOT, now: new Date(0) }, file)
  const text = await readFile(file, 'utf8')
  expect(text).toBe(buildSarif(outcome, { repositoryRoot: CHANGE_ROOT }))
  const log = JSON.parse(text) as Json
  expect(validateSarif(log) ? null : validateSarif.errors).toBeNull()
  return log
}

const states = (run: Json): Array<[string, string | undefined]> =>
  run.results
    .filter((result: Json) => !result.ruleId.startsWith('pyaudit/'))
    .map((result: Json) => [result.ruleId, result.baselineState])

describe('scope changes', () => {
  let run: Json
  beforeAll(async () => {
    run = (await written(changeScopeOutcome(), 'changes')).runs[0]
  })

  test('introduced findings are new, the base’s findings (malware too) unchanged; ignored ones absent', () => {
    expect(states(run)).toEqual([
      ['PYSEC-2026-1472', 'unchanged'],
      ['PYSEC-2020-96', 'new'],
      ['MAL-2024-4720', 'unchanged']
    ])
    const malware = run.results.find((result: Json) => result.ruleId === 'MAL-2024-4720')
    expect(malware.level).toBe('error')
  })

  test('a finding the engine left unjudged is new: nothing compared says it was there', async () => {
    const outcome = changeScopeOutcome()
    delete outcome.packages.find(pkg => pkg.name === 'jinja2')!.vulnerabilities[0]!.introduced
    const log = await written(outcome, 'unjudged')
    expect(states(log.runs[0])[0]).toEqual(['PYSEC-2026-1472', 'new'])
  })

  test('package issues are results of their own rules, at the declaring line, new against the base', () => {
    const rules = run.tool.driver.rules as Json[]
    const issues = (run.results as Json[]).filter(result => result.ruleId.startsWith('pyaudit/'))
    expect(
      issues.map(result => ({
        ruleId: result.ruleId,
        rule: rules[result.ruleIndex]!.id,
        level: result.level,
        uri: result.locations[0].physicalLocation.artifactLocation,
        line: result.locations[0].physicalLocation.region.startLine,
        baselineState: result.baselineState
      }))
    ).toEqual([
      {
        ruleId: 'pyaudit/package-yanked',
        rule: 'pyaudit/package-yanked',
        level: 'warning',
        uri: { uri: 'requirements.txt', uriBaseId: '%SRCROOT%' },
        line: 2,
        baselineState: 'new'
      },
      {
        ruleId: 'pyaudit/package-not-found',
        rule: 'pyaudit/package-not-found',
        level: 'error',
        uri: { uri: 'requirements.txt', uriBaseId: '%SRCROOT%' },
        line: 5,
        baselineState: 'new'
      }
    ])
    expect(issues[0]!.message.text).toMatch(
      /^requests 2\.32\.0 was yanked .*CVE-2024-35195 mitigation.*PEP 592/
    )
    expect(issues[1]!.message.text).toMatch(/^requets is not on .*dependency confusion/)
  })

  test('one rule per kind found, described from its table, with the level of its worst result', () => {
    const rules = (run.tool.driver.rules as Json[]).filter(rule => rule.id.startsWith('pyaudit/'))
    expect(rules).toEqual([
      expect.objectContaining({
        id: PACKAGE_ISSUE_RULES['not-found'].id,
        shortDescription: { text: PACKAGE_ISSUE_RULES['not-found'].title },
        defaultConfiguration: { level: 'error' }
      }),
      expect.objectContaining({
        id: PACKAGE_ISSUE_RULES.yanked.id,
        shortDescription: { text: PACKAGE_ISSUE_RULES.yanked.title },
        defaultConfiguration: { level: 'warning' }
      })
    ])
    // Advisory rules keep their own ids: no package rule takes an advisory's place.
    expect(run.tool.driver.rules.map((rule: Json) => rule.id)).toEqual([
      'PYSEC-2026-1472',
      'PYSEC-2020-96',
      'MAL-2024-4720',
      'pyaudit/package-not-found',
      'pyaudit/package-yanked'
    ])
  })

  test('every result has its own fingerprint', () => {
    const fingerprints = run.results.map(
      (result: Json) => result.partialFingerprints.primaryLocationLineHash
    )
    expect(new Set(fingerprints).size).toBe(run.results.length)
  })
})

describe('scope all', () => {
  test('no result carries a baselineState; package issues are still there', async () => {
    const run = (await written(allScopeOutcome(), 'all')).runs[0]
    expect(run.results.filter((result: Json) => 'baselineState' in result)).toEqual([])
    expect(run.results.map((result: Json) => result.ruleId)).toEqual([
      'PYSEC-2026-1472',
      'PYSEC-2020-96',
      'MAL-2024-4720',
      'pyaudit/package-yanked',
      'pyaudit/package-not-found'
    ])
  })

  test('without package checks there are no package rules or results', async () => {
    const { packageIssues: _issues, ...outcome } = allScopeOutcome()
    const run = (await written(outcome, 'no-checks')).runs[0]
    expect(
      [...run.tool.driver.rules, ...run.results].filter((item: Json) =>
        (item.id ?? item.ruleId).startsWith('pyaudit/')
      )
    ).toEqual([])
  })
})

test('an issue at a line-less lockfile entry is placed at line 1, still valid SARIF', async () => {
  const outcome = allScopeOutcome()
  outcome.packageIssues![0]!.location = { file: path.join(CHANGE_ROOT, 'uv.lock'), line: 0 }
  const run = (await written(outcome, 'no-line')).runs[0]
  const yanked = run.results.find((result: Json) => result.ruleId === 'pyaudit/package-yanked')
  expect(yanked.locations[0].physicalLocation).toEqual({
    artifactLocation: { uri: 'uv.lock', uriBaseId: '%SRCROOT%' },
    region: { startLine: 1 }
  })
})
