/**
 * Issue 18 in scope `changes`, through the action in real git work trees at the merge commit
 * GitHub builds for a pull request: a package issue fails the step (and is annotated) only when
 * the change introduces it; one the base already had is reported as the base's debt, folded,
 * and does not fail. The base pins the typo `requets` and certifi with a digest no file has;
 * one change adds another typo, `reqests`, another swaps certifi's digest for another wrong one.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { Ajv } from 'ajv'
import {
  eventEnv,
  gitEnv,
  pullRequestPayload,
  scratchDir,
  TestRepo
} from '../integrations/git/git-fixture.js'
import { OsvServer } from '../support/osv-server.js'
import { REPO_ROOT } from '../support/paths.js'
import { runAction, type ActionRun } from '../support/run-action.js'
import { SimpleIndex, type ListedFile } from '../support/simple-index.js'

const schema = JSON.parse(readFileSync(path.join(REPO_ROOT, 'docs', 'report.schema.json'), 'utf8'))
const validReport = new Ajv({ allErrors: true }).compile(schema)

interface Issue {
  name: string
  kind: string
  location: { file: string; line: number }
  failing: boolean
  introduced?: boolean
}
interface Run extends ActionRun {
  report: {
    package_issues: Issue[]
    summary: { result: string; package_issues: number; new_package_issues?: number }
  }
}

const listed = (version: string, yanked?: string, project = 'requests'): ListedFile => ({
  project,
  filename: `${project}-${version}-py3-none-any.whl`,
  sha256: 'a'.repeat(64),
  ...(yanked ? { yanked } : {})
})
const CERTIFI = (digest: string) => `certifi==2025.8.3 --hash=sha256:${digest.repeat(64)}\n`

let scratch: string
let osvUrl: string
const osv = new OsvServer(() => [])
let index: SimpleIndex
const runs = new Map<string, Run>()

async function runPullRequest(
  repo: TestRepo,
  name: string,
  merge: string,
  base: string,
  inputs: Record<string, string> = {}
): Promise<Run> {
  const workspace = path.join(scratch, name)
  repo.git('worktree', 'add', '--quiet', '--detach', workspace, merge)
  const reportFile = path.join(scratch, `${name}-report.json`)
  const run = await runAction(
    {
      'osv-url': osvUrl,
      'index-url': index.url(),
      'package-checks': 'true',
      cache: 'false',
      'upload-artifact': 'false',
      'license-source': 'none',
      paths: 'requirements.txt',
      report: reportFile,
      ...inputs
    },
    {
      workspace,
      env: {
        ...gitEnv(scratch),
        ...(await eventEnv(scratch, `pull_request-${name}`, pullRequestPayload(base))),
        GITHUB_EVENT_NAME: 'pull_request'
      }
    }
  )
  const report = JSON.parse(await fs.readFile(reportFile, 'utf8')) as Run['report']
  return { ...run, report }
}

beforeAll(async () => {
  scratch = await scratchDir()
  osvUrl = await osv.start()
  index = await SimpleIndex.start([], {
    listed: [
      listed('2.31.0'),
      listed('2.32.0'),
      listed('2.32.1', 'conflicts with a fix'),
      listed('2025.8.3', undefined, 'certifi')
    ]
  })
  const repo = await TestRepo.create(scratch, 'origin-repo')
  const base = await repo.commit('Base: a typo and a wrong digest already pinned', {
    'requirements.txt': `requets==2.19.1\nrequests==2.31.0\n${CERTIFI('c')}`
  })
  const branches: Record<string, string> = {
    typo: `requets==2.19.1\nrequests==2.31.0\n${CERTIFI('c')}reqests==2.0\n`,
    upgrade: `requets==2.19.1\nrequests==2.32.0\n${CERTIFI('c')}`,
    yanked: `requets==2.19.1\nrequests==2.32.1\n${CERTIFI('c')}`,
    hash: `requets==2.19.1\nrequests==2.31.0\n${CERTIFI('d')}`
  }
  const merges: Record<string, string> = {}
  let number = 1
  for (const [branch, requirements] of Object.entries(branches)) {
    repo.git('checkout', '--quiet', '-b', branch, 'main')
    await repo.commit(`Change: ${branch}`, { 'requirements.txt': requirements })
    merges[branch] = repo.mergeForPullRequest(branch, number++)
  }
  const [typo, upgrade, yanked, hash, typoAll] = await Promise.all([
    runPullRequest(repo, 'typo', merges.typo!, base),
    runPullRequest(repo, 'upgrade', merges.upgrade!, base),
    runPullRequest(repo, 'yanked', merges.yanked!, base, {
      'fail-on-package-status': 'yanked, hash-mismatch'
    }),
    runPullRequest(repo, 'hash', merges.hash!, base),
    runPullRequest(repo, 'typo-all', merges.typo!, base, { scope: 'all' })
  ])
  runs
    .set('typo', typo!)
    .set('upgrade', upgrade!)
    .set('yanked', yanked!)
    .set('hash', hash!)
    .set('typo all', typoAll!)
}, 90_000)

afterAll(async () => {
  await osv.close()
  await index?.close()
  if (scratch) await fs.rm(scratch, { recursive: true, force: true })
})

const get = (name: string): Run => runs.get(name)!
const issues = (run: Run) =>
  run.report.package_issues.map(
    i =>
      `${i.name} ${i.kind} line ${i.location.line} introduced=${i.introduced} failing=${i.failing}`
  )
const annotated = (run: Run) =>
  run.stdout
    .split('\n')
    .filter(line => /^::(error|warning) .*file=requirements\.txt/.test(line))
    .map(line => /^::(\w+) title=([^,%]+).*,line=(\d+)::/.exec(line)!.slice(1).join(' '))

describe('package issues in scope changes', () => {
  test('a typo the change adds fails the step; the typo on the base does not', () => {
    const run = get('typo')
    expect(run.exitCode).toBe(1)
    expect(run.outputs.result).toBe('fail')
    expect(issues(run)).toEqual([
      'requets not-found line 1 introduced=false failing=false',
      'certifi hash-mismatch line 3 introduced=false failing=false',
      'reqests not-found line 4 introduced=true failing=true'
    ])
    expect([run.outputs['package-issue-count'], run.outputs['new-package-issue-count']]).toEqual([
      '3',
      '1'
    ])
    expect(run.report.summary).toMatchObject({ package_issues: 3, new_package_issues: 1 })
    expect(run.stdout).toMatch(
      /^::error::Failed: 1 package issue \(not-found\)\. Scope: changes against main; findings already on the base do not fail the step\.$/m
    )
    expect(validReport(run.report)).toBe(true)
  })

  test('only the added typo is annotated', () => {
    expect(annotated(get('typo'))).toEqual(['error reqests 2.0 4'])
  })

  test("the summary shows the added typo, and folds the base's as its debt", () => {
    const { summary } = get('typo')
    const introduced = summary.indexOf('### Package issues (1)')
    const debt = summary.indexOf('### Package issues already on the base branch (2)')
    expect(introduced).toBeGreaterThan(0)
    expect(debt).toBeGreaterThan(introduced)
    expect(summary.slice(introduced, debt)).toContain('**reqests**')
    expect(summary.slice(introduced, debt)).not.toContain('**requets**')
    expect(summary.slice(debt)).toMatch(/<details><summary>2 package issues that main at \w{7}/)
    expect(summary.slice(debt)).toContain('**requets**')
    expect(summary.slice(debt)).toContain('**certifi**')
  })

  test('a change that adds no issue passes, with the base typo and digest reported', () => {
    const run = get('upgrade')
    expect(run.exitCode).toBe(0)
    expect(run.outputs.result).toBe('pass')
    expect(issues(run)).toEqual([
      'requets not-found line 1 introduced=false failing=false',
      'certifi hash-mismatch line 3 introduced=false failing=false'
    ])
    expect(annotated(run)).toEqual([])
    expect(run.outputs['package-issue-count']).toBe('2')
    expect(run.outputs['new-package-issue-count']).toBe('0')
    expect(run.report.summary.new_package_issues).toBe(0)
  })

  test('a pin changed to a yanked release brings the yank in', () => {
    const run = get('yanked')
    expect(run.exitCode).toBe(1)
    expect(issues(run)).toEqual([
      'requets not-found line 1 introduced=false failing=false',
      'requests yanked line 2 introduced=true failing=true',
      'certifi hash-mismatch line 3 introduced=false failing=false'
    ])
  })

  test('a digest the change swaps in on a pin it leaves at its version is introduced', () => {
    const run = get('hash')
    expect(run.exitCode).toBe(1)
    expect(issues(run)).toEqual([
      'requets not-found line 1 introduced=false failing=false',
      'certifi hash-mismatch line 3 introduced=true failing=true'
    ])
    expect(annotated(run)).toEqual(['error certifi 2025.8.3 3'])
  })

  test('scope all fails on both typos and the digest, without introduced', () => {
    const run = get('typo all')
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(
      /^::error::Failed: 3 package issues \(not-found, hash-mismatch\)\.$/m
    )
    expect(run.report.package_issues.every(i => i.introduced === undefined && i.failing)).toBe(true)
    expect([run.outputs['package-issue-count'], run.outputs['new-package-issue-count']]).toEqual([
      '3',
      '3'
    ])
    expect(run.report.summary).not.toHaveProperty('new_package_issues')
  })
})
