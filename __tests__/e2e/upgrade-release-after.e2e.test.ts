/**
 * A recommended upgrade where the advisory names no fix, through the action: 680 of the
 * snapshot's 7,081 PyPI entries close their range with `last_affected` and name no `fixed`.
 * Which release came next is the index's to say, and the package checks have asked it; the
 * feed is then asked about that release like any candidate.
 *
 * tool==1.0 is affected up to 1.2 (last_affected). The index has 1.2.1, yanked, then 1.3.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import type { OsvRecord } from '../../src/advisories/osv.js'
import { OsvServer } from '../support/osv-server.js'
import { makeWorkspace, runAction, type ActionRun } from '../support/run-action.js'
import { SimpleIndex, type ListedFile } from '../support/simple-index.js'

const ADVISORY: OsvRecord = {
  id: 'GHSA-2099-last-affected',
  modified: '2099-01-01T00:00:00Z',
  summary: 'A flaw in tool, in every release up to 1.2',
  affected: [
    {
      package: { ecosystem: 'PyPI', name: 'tool' },
      ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { last_affected: '1.2' }] }]
    }
  ]
}
const AFFECTED = new Set(['1.0', '1.1', '1.2'])

const file = (version: string, yanked?: string): ListedFile => ({
  project: 'tool',
  filename: `tool-${version}-py3-none-any.whl`,
  sha256: 'b'.repeat(64),
  ...(yanked ? { yanked } : {})
})

interface Report {
  fixes: Array<Record<string, string>>
  dependencies: Array<{ name: string; recommended_version?: string | null }>
}

interface Outcome {
  run: ActionRun
  report: Report
}

/** Every version of tool the feed was asked about, in order. */
const asked: string[] = []
const osv = new OsvServer((name, version) => {
  if (name === 'tool') asked.push(version)
  return name === 'tool' && AFFECTED.has(version) ? [ADVISORY] : []
})
const runs = new Map<string, Outcome>()
const workspaces: string[] = []
let index: SimpleIndex

async function audit(osvUrl: string, checks: boolean): Promise<Outcome> {
  const workspace = await makeWorkspace({ 'requirements.txt': 'tool==1.0\n' })
  workspaces.push(workspace)
  const run = await runAction(
    {
      'osv-url': osvUrl,
      ...(checks ? { 'index-url': index.url(), 'package-checks': 'true' } : {}),
      cache: 'false',
      'upload-artifact': 'false',
      'license-source': 'none',
      report: 'out/report.json'
    },
    { workspace }
  )
  const report = JSON.parse(
    await fs.readFile(path.join(workspace, 'out', 'report.json'), 'utf8')
  ) as Report
  return { run, report }
}

beforeAll(async () => {
  const osvUrl = await osv.start()
  index = await SimpleIndex.start([], {
    listed: [file('1.0'), file('1.2'), file('1.2.1', 'broken wheel'), file('1.3')]
  })
  runs.set('checks on', await audit(osvUrl, true))
  runs.set('checks off', await audit(osvUrl, false))
}, 60_000)

afterAll(async () => {
  await osv.close()
  await index.close()
  await Promise.all(workspaces.map(dir => fs.rm(dir, { recursive: true, force: true })))
})

describe('the release after a last_affected bound', () => {
  test("with package checks, the index's first clean release after it: 1.3", () => {
    const { run, report } = runs.get('checks on')!
    expect(run.exitCode).toBe(1)
    expect(report.dependencies[0]!.recommended_version).toBe('1.3')
    expect(report.fixes).toEqual([{ name: 'tool', old_version: '1.0', new_version: '1.3' }])
    expect(run.summary).toContain('upgrade to **1.3**')
  })

  test('the feed was asked about 1.3 before any report named it; the yanked 1.2.1 never', () => {
    expect(asked).toContain('1.3')
    expect(asked).not.toContain('1.2.1')
  })

  test('without package checks nothing names the next release: no fix known, as before', () => {
    const { report } = runs.get('checks off')!
    expect(report.dependencies[0]!.recommended_version ?? null).toBeNull()
    expect(report.fixes).toEqual([
      {
        name: 'tool',
        version: '1.0',
        skip_reason: 'no version without known vulnerabilities is known'
      }
    ])
  })
})
