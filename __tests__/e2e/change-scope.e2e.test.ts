/**
 * Issue 16 end to end: the action run as a runner runs it (INPUT_* variables, the event payload
 * in GITHUB_EVENT_PATH) in real git work trees at the merge commit GitHub builds for a pull
 * request, and the CLI with --scope changes --base-ref. Findings come from the demo's offline
 * database (examples/demo/advisories), which has no Flask: Jinja2 2.10.1 plays the vulnerable
 * pin already on the base. The repositories are built once and the runs go in parallel.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { spawn } from 'node:child_process'
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
import { REPO_ROOT, TESTS_DIR } from '../support/paths.js'
import { entryArguments, runAction, type ActionRun } from '../support/run-action.js'

const DEMO_DB = path.join(REPO_ROOT, 'examples', 'demo', 'advisories')
const LOCKFILES = path.join(TESTS_DIR, 'fixtures', 'lockfiles')
const schema = JSON.parse(readFileSync(path.join(REPO_ROOT, 'docs', 'report.schema.json'), 'utf8'))
const validReport = new Ajv({ allErrors: true }).compile(schema)

interface Report {
  base?: { ref: string; sha: string }
  fixed_by_change?: Array<{
    name: string
    old_version: string
    new_version: string | null
    advisories: string[]
  }>
  dependencies: Array<{
    name: string
    version: string
    change?: string
    vulns?: Array<{ id: string; introduced?: boolean; failing: boolean }>
  }>
  summary: { result: string; vulnerabilities: number; new_vulnerabilities?: number }
}

interface Run extends ActionRun {
  report: Report
}

let scratch: string
let baseSha: string
const runs = new Map<string, Run>()
let cli: { exitCode: number | null; stdout: string; stderr: string }
/** An OSV API that answers every query but the base's requests 2.19.1 (HTTP 500, each retry). */
const osv = new OsvServer((name, version) => {
  if (name === 'requests' && version === '2.19.1') throw new Error('down for this one')
  return []
})
let feedDown: { run: ActionRun; report: Record<string, unknown> }

/** `name version change [introduced ids]` of each dependency with findings, for short assertions. */
function findingsTable(report: Report): string[] {
  return report.dependencies
    .filter(dep => (dep.vulns ?? []).length > 0)
    .map(dep =>
      [
        dep.name,
        dep.version,
        dep.change ?? '-',
        ...(dep.vulns ?? [])
          .filter(v => v.introduced)
          .map(v => v.id)
          .sort()
      ].join(' ')
    )
}

/** The action in `workspace`, on a pull_request event whose base is `base`. */
async function runPullRequest(
  workspace: string,
  base: string,
  inputs: Record<string, string> = {}
): Promise<Run> {
  const event = await eventEnv(
    path.dirname(workspace),
    `pull_request-${path.basename(workspace)}`,
    pullRequestPayload(base)
  )
  const run = await runAction(
    {
      'advisory-db': DEMO_DB,
      'max-db-age': '0',
      // The lockfiles beside it have their own runs below.
      paths: 'requirements.txt',
      report: path.join(workspace, '..', `${path.basename(workspace)}-report.json`),
      ...inputs
    },
    { workspace, env: { ...gitEnv(scratch), ...event, GITHUB_EVENT_NAME: 'pull_request' } }
  )
  const reportFile = run.outputs.report
  if (!reportFile) throw new Error(`no report from the run:\n${run.stdout}\n${run.stderr}`)
  const report = JSON.parse(await fs.readFile(reportFile, 'utf8')) as Report
  return { ...run, report }
}

/** A work tree of `repo` at `commit` (HEAD detached), sharing its objects. */
function workTree(repo: TestRepo, name: string, commit: string): string {
  const dir = path.join(scratch, name)
  repo.git('worktree', 'add', '--quiet', '--detach', dir, commit)
  return dir
}

/** Runs the tasks at most `limit` at a time: the machine has two cores. */
async function inParallel(tasks: Array<() => Promise<void>>, limit: number): Promise<void> {
  const queue = [...tasks]
  await Promise.all(
    Array.from({ length: limit }, async () => {
      for (let task = queue.shift(); task; task = queue.shift()) await task()
    })
  )
}

async function runCli(cwd: string, args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, [...entryArguments(), ...args], {
    cwd,
    env: { ...env, XDG_CACHE_HOME: path.join(scratch, 'cli-cache') }
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', chunk => (stdout += chunk))
  child.stderr.on('data', chunk => (stderr += chunk))
  const exitCode = await new Promise<number | null>(resolve => child.on('close', resolve))
  return { exitCode, stdout, stderr }
}

/**
 * One lockfile fixture with two of its pins renamed to packages the demo database knows:
 * certifi becomes urllib3 at `urllib3`, mdurl becomes jinja2 2.10.1 (already vulnerable).
 */
async function lockfile(fixture: string, urllib3: string): Promise<string> {
  const text = await fs.readFile(path.join(LOCKFILES, fixture), 'utf8')
  return text
    .replaceAll('certifi', 'urllib3')
    .replace(/(?<![\d.])2025\.8\.3(?![\d.])/g, urllib3)
    .replaceAll('mdurl', 'jinja2')
    .replace(/(?<![\d.])0\.1\.2(?![\d.])/g, '2.10.1')
}

/** A lockfile's name as a branch or directory name ("uv-lock"): git refuses branches ending in .lock. */
const slug = (name: string) => name.replace(/\./g, '-')

const FORMATS: Record<string, string> = {
  'uv.lock': 'uv.lock',
  'poetry.lock': 'poetry-v2.lock',
  'pdm.lock': 'pdm.lock',
  'Pipfile.lock': 'Pipfile.lock',
  'pylock.toml': 'pylock.toml'
}

beforeAll(async () => {
  scratch = await scratchDir()
  const repo = await TestRepo.create(scratch, 'origin-repo')
  const lockfilesAt = async (urllib3: string) =>
    Object.fromEntries(
      await Promise.all(
        Object.entries(FORMATS).map(async ([name, fixture]) => [
          `locks/${slug(name)}/${name}`,
          await lockfile(fixture, urllib3)
        ])
      )
    ) as Record<string, string>
  baseSha = await repo.commit('Base: a vulnerable Jinja2 and requests', {
    'requirements.txt': 'Jinja2==2.10.1\nrequests==2.19.1\n',
    ...(await lockfilesAt('1.26.18'))
  })
  const bumped = await lockfilesAt('2.0.0')

  const branches: Record<string, Record<string, string>> = {
    upgrade: { 'requirements.txt': 'Jinja2==2.10.1\nrequests==2.31.0\n' },
    addition: { 'requirements.txt': 'Jinja2==2.10.1\nrequests==2.31.0\nPyYAML==5.3\n' }
  }
  for (const name of Object.keys(FORMATS)) {
    const file = `locks/${slug(name)}/${name}`
    branches[`bump-${slug(name)}`] = { [file]: bumped[file]! }
  }
  const merges: Record<string, string> = {}
  let number = 1
  for (const [branch, files] of Object.entries(branches)) {
    repo.git('checkout', '--quiet', '-b', branch, 'main')
    await repo.commit(`Change: ${branch}`, files)
    merges[branch] = repo.mergeForPullRequest(branch, number++)
  }
  const osvUrl = await osv.start()
  const upgradeCli = workTree(repo, 'upgrade-cli', 'upgrade')
  const tree = (branch: string, suffix = '') =>
    workTree(repo, `${branch}${suffix}`, merges[branch]!)
  const upgrade = tree('upgrade')
  const addition = tree('addition')

  const tasks: Array<() => Promise<void>> = [
    async () => void runs.set('upgrade', await runPullRequest(upgrade, baseSha)),
    async () => void runs.set('addition', await runPullRequest(addition, baseSha)),
    async () =>
      void runs.set(
        'upgrade all',
        await runPullRequest(tree('upgrade', '-all'), baseSha, { scope: 'all' })
      ),
    async () =>
      void runs.set(
        'addition all',
        await runPullRequest(tree('addition', '-all'), baseSha, { scope: 'all' })
      ),
    // A base commit that neither the clone nor any remote has.
    async () =>
      void runs.set(
        'unreachable',
        await runPullRequest(tree('upgrade', '-unreachable'), 'f'.repeat(40))
      ),
    async () => {
      const workspace = tree('upgrade', '-feed-down')
      const run = await runAction(
        {
          'osv-url': osvUrl,
          cache: 'false',
          'package-checks': 'false',
          'license-source': 'none',
          'upload-artifact': 'false',
          paths: 'requirements.txt',
          report: path.join(scratch, 'feed-down-report.json')
        },
        {
          workspace,
          env: {
            ...gitEnv(scratch),
            ...(await eventEnv(scratch, 'pull_request-feed-down', pullRequestPayload(baseSha))),
            GITHUB_EVENT_NAME: 'pull_request'
          }
        }
      )
      const report = JSON.parse(
        await fs.readFile(path.join(scratch, 'feed-down-report.json'), 'utf8')
      )
      feedDown = { run, report }
    },
    async () => {
      cli = await runCli(
        upgradeCli,
        [
          '--advisory-db',
          DEMO_DB,
          '--max-db-age',
          '0',
          '--scope',
          'changes',
          '--base-ref',
          'main',
          'requirements.txt'
        ],
        repo.env
      )
    },
    ...Object.keys(FORMATS).map(name => async () => {
      const workspace = tree(`bump-${slug(name)}`)
      runs.set(
        name,
        await runPullRequest(workspace, baseSha, {
          'working-directory': `locks/${slug(name)}`,
          paths: ''
        })
      )
    })
  ]
  await inParallel(tasks, 3)
}, 120_000)

afterAll(async () => {
  await osv.close()
  if (scratch) await fs.rm(scratch, { recursive: true, force: true })
})

const run = (name: string): Run => {
  const found = runs.get(name)
  if (!found) throw new Error(`no run ${name}`)
  return found
}

describe('done means: a pull request on a base that pins a vulnerable Jinja2', () => {
  test('upgrading only requests passes: 1 fixed by this change, 0 introduced, 2 already on the base', () => {
    const upgrade = run('upgrade')
    expect(upgrade.exitCode).toBe(0)
    expect(upgrade.stdout).toContain(
      `Against main (${baseSha.slice(0, 12)}): 1 fixed by this change, 0 introduced, 2 already on the base`
    )
    // The job summary says it too, the good news first.
    expect(upgrade.summary).toContain('1 fixed by this change, 0 introduced, 2 already on the base')
    expect(upgrade.outputs).toMatchObject({
      result: 'pass',
      'vulnerability-count': '2',
      'new-vulnerability-count': '0'
    })
    expect(upgrade.stdout).not.toMatch(/^::error/m)
    expect(upgrade.report.base).toEqual({ ref: 'main', sha: baseSha })
    expect(upgrade.report.fixed_by_change).toEqual([
      {
        name: 'requests',
        old_version: '2.19.1',
        new_version: '2.31.0',
        advisories: ['PYSEC-2018-28', 'PYSEC-2023-74']
      }
    ])
    expect(findingsTable(upgrade.report)).toEqual(['jinja2 2.10.1 unchanged'])
    expect(upgrade.report.dependencies.find(d => d.name === 'requests')?.change).toBe('changed')
    expect(validReport(upgrade.report)).toBe(true)
  })

  test("adding PyYAML==5.3 fails, with PyYAML's findings introduced and Jinja2's not", () => {
    const addition = run('addition')
    expect(addition.exitCode).toBe(1)
    expect(addition.outputs).toMatchObject({
      result: 'fail',
      'vulnerability-count': '4',
      'new-vulnerability-count': '2'
    })
    expect(findingsTable(addition.report)).toEqual([
      'jinja2 2.10.1 unchanged',
      'pyyaml 5.3 added PYSEC-2020-96 PYSEC-2021-142'
    ])
    const failing = addition.report.dependencies.flatMap(d =>
      (d.vulns ?? []).filter(v => v.failing).map(v => `${d.name} ${v.id}`)
    )
    expect(failing.sort()).toEqual(['pyyaml PYSEC-2020-96', 'pyyaml PYSEC-2021-142'])
    expect(addition.stdout).toMatch(
      /^::error::Failed: 2 of unknown severity \(fail-on-severity: low\)\. Scope: changes against main; findings already on the base do not fail the step\.$/m
    )
    expect(addition.stdout).toContain('1 fixed by this change, 2 introduced, 2 already on the base')
    expect(validReport(addition.report)).toBe(true)
  })

  test('scope: all fails both, and new-vulnerability-count equals vulnerability-count', () => {
    for (const [name, count] of [
      ['upgrade all', '2'],
      ['addition all', '4']
    ] as const) {
      const all = run(name)
      expect([name, all.exitCode]).toEqual([name, 1])
      expect(all.outputs).toMatchObject({
        result: 'fail',
        'vulnerability-count': count,
        'new-vulnerability-count': count
      })
      expect(all.report.base).toBeUndefined()
      expect(all.report.fixed_by_change).toBeUndefined()
      expect(all.report.dependencies.some(d => d.change !== undefined)).toBe(false)
      expect(all.report.dependencies.flatMap(d => d.vulns ?? []).some(v => 'introduced' in v)).toBe(
        false
      )
    }
  })
})

describe('the base out of reach', () => {
  test('falls back to scope all with a warning that says how to fix it, never a silent pass', () => {
    const fallback = run('unreachable')
    // The same change that passes against its base fails when judged in full.
    expect(fallback.exitCode).toBe(1)
    expect(fallback.outputs).toMatchObject({
      result: 'fail',
      'vulnerability-count': '2',
      'new-vulnerability-count': '2'
    })
    const warning = fallback.stdout.split('\n').find(line => line.startsWith('::warning::The base'))
    expect(warning).toContain(`The base commit ${'f'.repeat(40)} (main) is not in the clone`)
    expect(warning).toContain('judging every dependency (scope: all)')
    expect(warning).toContain('`fetch-depth: 2`')
    expect(fallback.report.base).toBeUndefined()
  })
})

describe('the base-only pins are looked up failing closed', () => {
  test('a feed failure on them fails the run, with every head dependency reported not checked', () => {
    const { run: down, report } = feedDown
    expect(down.exitCode).toBe(1)
    expect(down.outputs.result).not.toBe('pass')
    expect(down.stdout).toMatch(/^::error::Advisory feed OSV API .* failed: .*HTTP 500/m)
    expect(report).toMatchObject({ summary: { incomplete: true, vulnerabilities: 0 } })
    // The incomplete report lists the head's pins (what the run was asked to check), not the base's.
    expect(report.dependencies).toEqual([
      { name: 'jinja2', skip_reason: expect.stringMatching(/^not checked: Advisory feed OSV API/) },
      {
        name: 'requests',
        skip_reason: expect.stringMatching(/^not checked: Advisory feed OSV API/)
      }
    ])
    expect(validReport(report)).toBe(true)
  })
})

describe('the CLI', () => {
  test('--scope changes --base-ref main judges the work tree against main', () => {
    expect(cli.stderr).toContain(
      `Against main (${baseSha.slice(0, 12)}): 1 fixed by this change, 0 introduced, 2 already on the base`
    )
    // Judged in full the same work tree fails on Jinja2 (see scope: all above).
    expect(cli.exitCode).toBe(0)
  })
})

describe('one run per lockfile format: the head bumps urllib3 from 1.26.18 to 2.0.0', () => {
  test.each(Object.keys(FORMATS))('%s: only the advisory 2.0.0 brings in is introduced', name => {
    const bump = run(name)
    expect([name, bump.exitCode, bump.outputs['new-vulnerability-count']]).toEqual([name, 1, '1'])
    expect(bump.outputs['vulnerability-count']).toBe('4')
    // PYSEC-2026-1995 affected 1.26.18 too: already there. PYSEC-2023-212 is new in 2.0.0.
    expect(findingsTable(bump.report)).toEqual(
      expect.arrayContaining(['urllib3 2.0.0 changed PYSEC-2023-212', 'jinja2 2.10.1 unchanged'])
    )
    expect(findingsTable(bump.report)).toHaveLength(2)
    expect(bump.report.fixed_by_change).toEqual([])
    expect(validReport(bump.report)).toBe(true)
  })
})
