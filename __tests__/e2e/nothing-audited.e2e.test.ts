/**
 * A run that audits no package is not a pass: "no known vulnerabilities in 0 packages" would
 * read as one. Under strict it fails, saying nothing was audited and why; without strict it
 * passes with a warning annotation that says the same.
 */
import { describe, expect, test } from '@jest/globals'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { makeWorkspace, runAction, type ActionRun } from '../support/run-action.js'
import { TESTS_DIR } from '../support/paths.js'

const fixtureDb = path.resolve(TESTS_DIR, 'fixtures', 'e2e-db')

async function audit(requirements: string, inputs: Record<string, string>): Promise<ActionRun> {
  const workspace = await makeWorkspace({ 'app/requirements.txt': requirements })
  try {
    return await runAction(
      {
        paths: 'app/requirements.txt',
        'advisory-db': fixtureDb,
        'max-db-age': '0',
        'upload-artifact': 'false',
        ...inputs
      },
      { workspace }
    )
  } finally {
    await fs.rm(workspace, { recursive: true, force: true })
  }
}

const warnings = (run: ActionRun): string[] =>
  run.stdout.split('\n').filter(line => line.startsWith('::warning'))

describe('a run that audits nothing', () => {
  test('an empty requirements file fails under strict, saying nothing was audited and why', async () => {
    const run = await audit('# no pins yet\n', { strict: 'true' })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.result).toBe('fail')
    expect(run.stdout).toMatch(
      /^::error::Failed: nothing was audited \(strict: true\): app\/requirements\.txt pins no dependency for this environment: empty, or every requirement's environment marker excludes/m
    )
    expect(run.summary).toContain('nothing was audited')
    expect(run.summary).not.toContain('### ✅ Passed')
  }, 60_000)

  test('pins whose every marker excludes the target pass without strict, with a warning', async () => {
    const run = await audit('requests==2.19.1; python_version < "3.8"\n', {
      'python-version': '3.12'
    })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.result).toBe('pass')
    expect(warnings(run)).toContainEqual(
      expect.stringMatching(
        /^::warning::Nothing was audited: app\/requirements\.txt pins no dependency for this environment: .*marker.*\(strict: true fails the step then\.\)$/
      )
    )
    // The summary says so too, instead of "✅ Passed · No known vulnerabilities in 0 packages".
    expect(run.summary).toContain('### ⚠️ Passed, but nothing was audited')
    expect(run.summary).toMatch(/> Nothing was audited: app\/requirements\.txt pins no dependency/)
    expect(run.summary).not.toContain('No known vulnerabilities')
  }, 60_000)

  test('every dependency skipped: the warning says they could not be audited', async () => {
    const run = await audit('-e ./local-lib\nflask>=2\n', {})
    expect(run.exitCode).toBe(0)
    expect(warnings(run)).toContainEqual(
      expect.stringMatching(
        /^::warning::Nothing was audited: all 2 dependencies in app\/requirements\.txt could not be audited/
      )
    )
  }, 60_000)

  test('one package audited is an ordinary pass, without the warning', async () => {
    const run = await audit('requests==2.20.0\n', { strict: 'true' })
    expect(run.exitCode).toBe(0)
    expect(run.stdout).not.toContain('Nothing was audited')
  }, 60_000)
})
