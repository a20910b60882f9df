/**
 * GitHub shows 10 error annotations per step, and 10 warnings; the step's own failure message
 * is one of the errors, and every warning the run emits on its own (expired ignores, a stale
 * database) is one of the warnings. Counted here as GitHub counts them: workflow command lines
 * in the action's stdout.
 */
import { describe, expect, test } from '@jest/globals'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import type { OsvRecord } from '../../src/advisories/osv.js'
import { MAX_ANNOTATIONS } from '../../src/integrations/github/annotations.js'
import { makeWorkspace, runAction, type ActionRun } from '../support/run-action.js'

const PACKAGES = Array.from({ length: 15 }, (_, i) => `pkg-${String.fromCharCode(97 + i)}`)

function record(name: string, severity: 'CRITICAL' | 'MODERATE'): OsvRecord {
  return {
    id: `GHSA-${name}-0000-0000`,
    modified: '2026-01-01T00:00:00Z',
    summary: `${name} is vulnerable`,
    affected: [
      {
        package: { ecosystem: 'PyPI', name },
        ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '2.0' }] }]
      }
    ],
    database_specific: { severity }
  } as OsvRecord
}

const lines = (run: ActionRun, command: 'error' | 'warning'): string[] =>
  run.stdout.split('\n').filter(line => line.startsWith(`::${command}`))

/** An offline advisory database (a directory of OSV records) with one advisory per package. */
function database(severity: 'CRITICAL' | 'MODERATE'): Record<string, string> {
  return Object.fromEntries(
    PACKAGES.map(name => [`db/${name}.json`, JSON.stringify(record(name, severity))])
  )
}

describe('annotations within GitHub per-step limits', () => {
  const requirements = PACKAGES.map(name => `${name}==1.0`).join('\n')
  const offline = (workspace: string) => ({
    'advisory-db': path.join(workspace, 'db'),
    'max-db-age': '0',
    'upload-artifact': 'false'
  })

  test('15 vulnerable packages: at most 10 errors, the failure message among them', async () => {
    const workspace = await makeWorkspace({
      'requirements.txt': `${requirements}\n`,
      ...database('CRITICAL')
    })
    try {
      const run = await runAction(offline(workspace), { workspace })
      expect(run.exitCode).toBe(1)
      const errors = lines(run, 'error')
      expect(errors.length).toBeLessThanOrEqual(MAX_ANNOTATIONS)
      expect(errors.length).toBe(MAX_ANNOTATIONS)
      // The verdict is there; the plan's last slot counts what it could not show.
      expect(errors.at(-1)).toMatch(/^::error::Failed: 15 critical \(fail-on-severity: low\)\.$/)
      expect(errors.filter(line => /^::error title=pkg-/.test(line))).toHaveLength(8)
      expect(errors.at(-2)).toMatch(/^::error title=7 more::7 more errors are not annotated/)
    } finally {
      await fs.rm(workspace, { recursive: true, force: true })
    }
  }, 60_000)

  test("warnings the run emits itself count against the warnings' limit", async () => {
    const expired = [1, 2, 3]
      .map(n => `[[ignore]]\nid = "GHSA-gone-${n}"\nreason = "old"\nuntil = 2020-01-0${n}\n`)
      .join('\n')
    const workspace = await makeWorkspace({
      'requirements.txt': `${requirements}\n`,
      '.pyaudit.toml': expired,
      ...database('MODERATE')
    })
    try {
      const run = await runAction(
        { ...offline(workspace), 'fail-on-severity': 'critical' },
        { workspace }
      )
      expect(run.exitCode).toBe(0)
      const warnings = lines(run, 'warning')
      expect(warnings.filter(line => /expired on 2020-01-0\d/.test(line))).toHaveLength(3)
      expect(warnings).toHaveLength(MAX_ANNOTATIONS)
      expect(warnings.filter(line => /^::warning title=pkg-/.test(line))).toHaveLength(6)
      expect(warnings.at(-1)).toMatch(/^::warning title=9 more::9 more warnings are not annotated/)
    } finally {
      await fs.rm(workspace, { recursive: true, force: true })
    }
  }, 60_000)
})
