/**
 * Issue 17's index seam, through the action: a recommended upgrade is a release the index has
 * and has not yanked, when package checks ask it. The facts come from the package checks' one
 * request per name; with the checks off nothing changes.
 *
 * demo==1.0 is affected by one advisory fixed in 1.1 on the 1.x line and in 2.1 on the 2.x
 * line (as backported fixes are written), so the candidates are 1.1, then 2.1.
 *
 * Where the advisory names no fix, the index's releases are the candidates: 680 of the
 * snapshot's 7,081 PyPI entries close their range with `last_affected` and name no `fixed`.
 * tool==1.0 is affected up to 1.2 (last_affected); the index has 1.2.1, yanked, then 1.3.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import type { OsvRecord } from '../../src/advisories/osv.js'
import { OsvServer } from '../support/osv-server.js'
import { makeWorkspace, runAction, type ActionRun } from '../support/run-action.js'
import { SimpleIndex, type ListedFile } from '../support/simple-index.js'

const ADVISORY: OsvRecord = {
  id: 'PYSEC-2099-1',
  modified: '2099-01-01T00:00:00Z',
  summary: 'A flaw in demo',
  affected: [
    {
      package: { ecosystem: 'PyPI', name: 'demo' },
      ranges: [
        {
          type: 'ECOSYSTEM',
          events: [{ introduced: '0' }, { fixed: '1.1' }, { introduced: '2.0' }, { fixed: '2.1' }]
        }
      ]
    }
  ]
}
/** What the feed says of each version it is asked about. */
const AFFECTED = new Set(['1.0', '2.0'])

const UNFIXED: OsvRecord = {
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
const TOOL_AFFECTED = new Set(['1.0', '1.1', '1.2'])

const file = (version: string, yanked?: string, project = 'demo'): ListedFile => ({
  project,
  filename: `${project}-${version}-py3-none-any.whl`,
  sha256: 'a'.repeat(64),
  ...(yanked ? { yanked } : {})
})

interface Report {
  fixes: Array<Record<string, string>>
  dependencies: Array<{ name: string; recommended_version?: string | null }>
}

interface Outcome {
  run: ActionRun
  report: Report
  /** The requests the index had for demo's project page. */
  pageRequests: number
}

/** Every version of tool the feed was asked about. */
const toolAsked: string[] = []
const osv = new OsvServer((name, version) => {
  if (name === 'tool') {
    toolAsked.push(version)
    return TOOL_AFFECTED.has(version) ? [UNFIXED] : []
  }
  return name === 'demo' && AFFECTED.has(version) ? [ADVISORY] : []
})
const runs = new Map<string, Outcome>()
const workspaces: string[] = []

async function audit(
  index: SimpleIndex | undefined,
  osvUrl: string,
  requirements = 'demo==1.0\n'
): Promise<Outcome> {
  const workspace = await makeWorkspace({ 'requirements.txt': requirements })
  workspaces.push(workspace)
  const run = await runAction(
    {
      'osv-url': osvUrl,
      ...(index ? { 'index-url': index.url(), 'package-checks': 'true' } : {}),
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
  const pageRequests = index?.requests.filter(r => r.path.startsWith('/simple/demo')).length ?? 0
  return { run, report, pageRequests }
}

const indexes: SimpleIndex[] = []
beforeAll(async () => {
  const osvUrl = await osv.start()
  const start = async (listed: ListedFile[], htmlOnly = false) => {
    const index = await SimpleIndex.start([], { listed, htmlOnly })
    indexes.push(index)
    return index
  }
  const yanked = await start([
    file('1.0'),
    file('1.1', 'breaks installs'),
    file('2.0'),
    file('2.1')
  ])
  // An index that never had 1.1, read as PEP 503 HTML.
  const missing = await start([file('1.0'), file('2.0'), file('2.1')], true)
  const whole = await start([file('1.0'), file('1.1'), file('2.0'), file('2.1')])
  const tool = (version: string, yanked?: string) => file(version, yanked, 'tool')
  const unfixed = await start([
    tool('1.0'),
    tool('1.2'),
    tool('1.2.1', 'broken wheel'),
    tool('1.3')
  ])
  const [a, b, c, d, e, f] = await Promise.all([
    audit(yanked, osvUrl),
    audit(missing, osvUrl),
    audit(whole, osvUrl),
    audit(undefined, osvUrl),
    audit(unfixed, osvUrl, 'tool==1.0\n'),
    audit(undefined, osvUrl, 'tool==1.0\n')
  ])
  runs.set('yanked', a).set('missing', b).set('whole', c).set('checks off', d)
  runs.set('unfixed', e).set('unfixed, checks off', f)
}, 60_000)

afterAll(async () => {
  await osv.close()
  await Promise.all(indexes.map(index => index.close()))
  await Promise.all(workspaces.map(dir => fs.rm(dir, { recursive: true, force: true })))
})

const get = (name: string): Outcome => runs.get(name)!

describe('a recommended upgrade is a release the index offers', () => {
  test.each(['yanked', 'missing'])(
    'the smallest clean version %s on the index is passed over for the next: 2.1',
    name => {
      const { run, report } = get(name)
      expect(run.exitCode).toBe(1)
      expect(report.fixes).toEqual([{ name: 'demo', old_version: '1.0', new_version: '2.1' }])
      expect(report.dependencies[0]!.recommended_version).toBe('2.1')
      expect(run.summary).toContain('upgrade to **2.1**')
      expect(run.summary).not.toContain('**1.1**')
    }
  )

  test('an index that offers 1.1 leaves the recommendation at 1.1', () => {
    const { report, run } = get('whole')
    expect(report.fixes).toEqual([{ name: 'demo', old_version: '1.0', new_version: '1.1' }])
    expect(run.summary).toContain('upgrade to **1.1**')
  })

  test('the facts come from the package checks: one project page per index, no more', () => {
    for (const name of ['yanked', 'missing', 'whole']) expect(get(name).pageRequests).toBe(1)
  })

  test('with package checks off nothing changes: 1.1, as the advisory says', () => {
    const { report } = get('checks off')
    expect(report.fixes).toEqual([{ name: 'demo', old_version: '1.0', new_version: '1.1' }])
  })
})

describe('the release after a last_affected bound', () => {
  test("with package checks, the index's first clean release after it: 1.3", () => {
    const { run, report } = get('unfixed')
    expect(run.exitCode).toBe(1)
    expect(report.dependencies[0]!.recommended_version).toBe('1.3')
    expect(report.fixes).toEqual([{ name: 'tool', old_version: '1.0', new_version: '1.3' }])
    expect(run.summary).toContain('upgrade to **1.3**')
  })

  test('the feed was asked about 1.3 before any report named it; the yanked 1.2.1 never', () => {
    expect(toolAsked).toContain('1.3')
    expect(toolAsked).not.toContain('1.2.1')
  })

  test('without package checks nothing names the next release: no fix known, as before', () => {
    const { report } = get('unfixed, checks off')
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
