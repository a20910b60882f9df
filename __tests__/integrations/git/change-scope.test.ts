/**
 * Issue 16 on real git repositories: a pull request's merge commit checked out as
 * actions/checkout does, the event payload in GITHUB_EVENT_PATH, the base read from git
 * objects, and findings from the demo's offline advisory database (examples/demo/advisories).
 */
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { isMalicious } from '../../../src/advisories/severity.js'
import { gate, rateFindings } from '../../../src/pipeline/gate.js'
import type { Finding } from '../../../src/pipeline/ignores.js'
import {
  changeCounts,
  describeChangeCounts,
  findingsInScope,
  type ChangeVerdicts
} from '../../../src/pipeline/changes.js'
import type { AuditResult } from '../../../src/pipeline/look-up.js'
import { eventEnv, pullRequestPayload, scratchDir, TestRepo, workTreeState } from './git-fixture.js'
import { judgeRun, verdictTable, type JudgedRun } from './judge-run.js'

let scratch: string
beforeEach(async () => {
  scratch = await scratchDir()
})
afterEach(async () => {
  await fs.rm(scratch, { recursive: true, force: true })
})

/**
 * A repository whose main holds `base`, a feature branch that applies `change`, and the work
 * tree at the merge commit GitHub builds for the pull request (refs/pull/1/merge), judged
 * with the pull_request event's payload.
 */
async function pullRequest(
  base: Record<string, string>,
  change: Record<string, string | null>,
  options: { renames?: Array<[string, string]> } = {}
): Promise<{ repo: TestRepo; baseSha: string; run: JudgedRun & { verdicts: ChangeVerdicts } }> {
  const repo = await TestRepo.create(scratch)
  const baseSha = await repo.commit('Base', base)
  repo.git('checkout', '--quiet', '-b', 'feature')
  for (const [from, to] of options.renames ?? []) {
    await fs.mkdir(path.dirname(path.join(repo.dir, to)), { recursive: true })
    repo.git('mv', from, to)
  }
  await repo.commit('Change', change)
  repo.mergeForPullRequest('feature')
  const env = {
    ...repo.env,
    ...(await eventEnv(scratch, 'pull_request', pullRequestPayload(baseSha)))
  }
  const before = await workTreeState(repo)
  const run = await judgeRun({ workingDirectory: repo.dir, env })
  // The base was read from git objects: HEAD, the index and the work tree are as they were.
  expect(await workTreeState(repo)).toBe(before)
  expect(run.decision).toEqual({
    scope: 'changes',
    base: { ref: 'main', sha: baseSha, fetched: false }
  })
  if (!run.verdicts) throw new Error(`the base was not read: ${run.baseWarning}`)
  return { repo, baseSha, run: run as JudgedRun & { verdicts: ChangeVerdicts } }
}

/** Every finding of the run, as the gate takes them. */
function findings(result: AuditResult): Finding[] {
  return result.packages.flatMap(pkg =>
    pkg.vulnerabilities.map(vulnerability => ({ package: pkg, vulnerability }))
  )
}

const GATE = { threshold: 'low', failOnUnknown: true } as const

describe('a pull request judged on what it changes', () => {
  test('a pin added: its findings are introduced, the pins already on main are not', async () => {
    const { run } = await pullRequest(
      { 'requirements.txt': 'Jinja2==2.10.1\nrequests==2.31.0\n' },
      { 'requirements.txt': 'Jinja2==2.10.1\nrequests==2.31.0\nPyYAML==5.3\n' }
    )
    expect(verdictTable(run.verdicts)).toEqual([
      'jinja2 2.10.1 unchanged',
      'requests 2.31.0 unchanged',
      'pyyaml 5.3 added PYSEC-2020-96,PYSEC-2021-142'
    ])
    expect(run.verdicts.fixedByChange).toEqual([])
  })

  test('a pin upgraded into a vulnerability: only the advisory the old version lacked is introduced', async () => {
    // PYSEC-2021-142 affects every PyYAML below 5.4; PYSEC-2020-96 only 5.1 up to 5.3.1.
    const { run } = await pullRequest(
      { 'requirements.txt': 'PyYAML==5.0\n' },
      { 'requirements.txt': 'PyYAML==5.3\n' }
    )
    expect(run.verdicts.packages).toEqual([
      {
        name: 'pyyaml',
        version: '5.3',
        change: 'changed',
        previousVersions: ['5.0'],
        introduced: ['PYSEC-2020-96']
      }
    ])
    expect(run.verdicts.fixedByChange).toEqual([])
  })

  test('a pin upgraded out of its vulnerabilities is fixed by the change', async () => {
    const { run } = await pullRequest(
      { 'requirements.txt': 'requests==2.19.1\ncertifi==2024.7.4\n' },
      { 'requirements.txt': 'requests==2.31.0\ncertifi==2024.7.4\n' }
    )
    expect(verdictTable(run.verdicts)).toEqual([
      'requests 2.31.0 changed',
      'certifi 2024.7.4 unchanged'
    ])
    expect(run.verdicts.fixedByChange).toEqual([
      {
        name: 'requests',
        oldVersion: '2.19.1',
        newVersion: '2.31.0',
        advisories: expect.arrayContaining(['PYSEC-2018-28', 'PYSEC-2023-74'])
      }
    ])
    expect(run.verdicts.fixedByChange[0]!.advisories).toHaveLength(2)
  })

  test('done means: upgrading requests passes on a base with debt; adding PyYAML fails; scope all fails both', async () => {
    const base = { 'requirements.txt': 'Jinja2==2.10.1\nrequests==2.19.1\n' }
    const upgrade = await pullRequest(base, {
      'requirements.txt': 'Jinja2==2.10.1\nrequests==2.31.0\n'
    })
    const counts = changeCounts(upgrade.run.verdicts, upgrade.run.headAudit.packages)
    expect(describeChangeCounts(counts)).toBe(
      '1 fixed by this change, 0 introduced, 2 already on the base'
    )
    const all = findings(upgrade.run.headAudit)
    expect(gate(rateFindings(findingsInScope(all, upgrade.run.verdicts)), GATE).failed).toBe(false)
    expect(gate(rateFindings(all), GATE).failed).toBe(true)

    await fs.rm(scratch, { recursive: true, force: true })
    scratch = await scratchDir()
    const addition = await pullRequest(base, {
      'requirements.txt': 'Jinja2==2.10.1\nrequests==2.31.0\nPyYAML==5.3\n'
    })
    const inScope = findingsInScope(findings(addition.run.headAudit), addition.run.verdicts)
    expect(inScope.map(f => [f.package.name, f.vulnerability.id])).toEqual([
      ['pyyaml', 'PYSEC-2020-96'],
      ['pyyaml', 'PYSEC-2021-142']
    ])
    expect(gate(rateFindings(inScope), GATE).failed).toBe(true)
    expect(inScope.some(f => isMalicious(f.vulnerability))).toBe(false)
  })

  test('a new lockfile in a new project: every pin in it is added', async () => {
    const uvLock = (pins: Array<[string, string]>) =>
      [
        'version = 1',
        'revision = 3',
        'requires-python = ">=3.12"',
        ...pins.flatMap(([name, version]) => [
          '',
          '[[package]]',
          `name = "${name}"`,
          `version = "${version}"`,
          'source = { registry = "https://pypi.org/simple" }'
        ]),
        ''
      ].join('\n')
    const { run } = await pullRequest(
      { 'requirements.txt': 'requests==2.31.0\n' },
      {
        'services/api/uv.lock': uvLock([
          ['pyyaml', '5.3'],
          ['requests', '2.31.0']
        ])
      }
    )
    // requests is declared twice: unchanged in requirements.txt, added in the new lockfile,
    // so the change adds it (to a new project); it has no findings either way.
    expect(verdictTable(run.verdicts)).toEqual([
      'requests 2.31.0 added',
      'pyyaml 5.3 added PYSEC-2020-96,PYSEC-2021-142'
    ])
    const requests = run.comparison!.declarations.filter(d => d.dependency.name === 'requests')
    expect(requests.map(d => [path.basename(d.dependency.location.file), d.change])).toEqual([
      ['requirements.txt', 'unchanged'],
      ['uv.lock', 'added']
    ])
  })

  test('a lockfile added beside pyproject.toml: the pins it declared stay, the rest are added', async () => {
    const pyproject = [
      '[project]',
      'name = "app"',
      'version = "0.1.0"',
      'dependencies = ["requests==2.19.1", "jinja2>=2"]',
      ''
    ].join('\n')
    const lock = [
      'version = 1',
      'revision = 3',
      'requires-python = ">=3.12"',
      '',
      '[[package]]',
      'name = "jinja2"',
      'version = "2.10.1"',
      'source = { registry = "https://pypi.org/simple" }',
      '',
      '[[package]]',
      'name = "requests"',
      'version = "2.19.1"',
      'source = { registry = "https://pypi.org/simple" }',
      ''
    ].join('\n')
    const { run } = await pullRequest({ 'pyproject.toml': pyproject }, { 'uv.lock': lock })
    expect(run.head.map(s => path.basename(s.file))).toEqual(['uv.lock'])
    expect(run.comparison!.renamed.map(r => [path.basename(r.from), path.basename(r.to)])).toEqual([
      ['pyproject.toml', 'uv.lock']
    ])
    expect(verdictTable(run.verdicts)).toEqual([
      'jinja2 2.10.1 added PYSEC-2021-66,PYSEC-2026-1473',
      'requests 2.19.1 unchanged'
    ])
  })

  test('a deleted file: its vulnerable pins are fixed by the change', async () => {
    const { run } = await pullRequest(
      {
        'requirements.txt': 'requests==2.31.0\n',
        'requirements-dev.txt': 'PyYAML==5.3\n'
      },
      { 'requirements-dev.txt': null }
    )
    expect(verdictTable(run.verdicts)).toEqual(['requests 2.31.0 unchanged'])
    expect(run.verdicts.fixedByChange).toEqual([
      {
        name: 'pyyaml',
        oldVersion: '5.3',
        newVersion: null,
        advisories: ['PYSEC-2020-96', 'PYSEC-2021-142']
      }
    ])
  })

  test('a renamed file is matched by the packages it declares, not by its path', async () => {
    const { run } = await pullRequest(
      {
        'requirements.txt': 'certifi==2024.7.4\n',
        'requirements-dev.txt': 'PyYAML==5.3\nJinja2==2.10.1\nidna==3.7\n'
      },
      { 'tools/requirements-dev.txt': 'PyYAML==5.3\nJinja2==3.1.3\nidna==3.7\n' },
      { renames: [['requirements-dev.txt', 'tools/requirements-dev.txt']] }
    )
    expect(
      run.comparison!.renamed.map(r => [path.basename(path.dirname(r.to)), path.basename(r.from)])
    ).toEqual([['tools', 'requirements-dev.txt']])
    expect(verdictTable(run.verdicts)).toEqual([
      'certifi 2024.7.4 unchanged',
      'pyyaml 5.3 unchanged',
      'jinja2 3.1.3 changed',
      'idna 3.7 unchanged'
    ])
    expect(run.verdicts.fixedByChange.map(f => [f.name, f.oldVersion, f.newVersion])).toEqual([
      ['jinja2', '2.10.1', '3.1.3']
    ])
  })

  test('an -r include changed: the include is compared with its own base version', async () => {
    const { run } = await pullRequest(
      {
        'requirements.txt': '-r common/base.txt\nJinja2==2.10.1\n',
        'common/base.txt': 'requests==2.19.1\n'
      },
      { 'common/base.txt': 'requests==2.20.0\n' }
    )
    // 2.20.0 fixes PYSEC-2018-28; PYSEC-2023-74 (fixed in 2.31.0) affected 2.19.1 already.
    expect(verdictTable(run.verdicts)).toEqual([
      'requests 2.20.0 changed',
      'jinja2 2.10.1 unchanged'
    ])
    expect(run.verdicts.fixedByChange).toEqual([
      {
        name: 'requests',
        oldVersion: '2.19.1',
        newVersion: '2.20.0',
        advisories: ['PYSEC-2018-28']
      }
    ])
  })

  test('an -r include swapped for a new file with the same pins adds only what is new', async () => {
    const { run } = await pullRequest(
      {
        'requirements.txt': '-r common/base.txt\n',
        'common/base.txt': 'requests==2.19.1\ncertifi==2024.7.4\n'
      },
      {
        'requirements.txt': '-r common/pins.txt\n',
        'common/base.txt': null,
        'common/pins.txt': 'requests==2.19.1\ncertifi==2024.7.4\nPyYAML==5.3\n'
      }
    )
    expect(verdictTable(run.verdicts)).toEqual([
      'requests 2.19.1 unchanged',
      'certifi 2024.7.4 unchanged',
      'pyyaml 5.3 added PYSEC-2020-96,PYSEC-2021-142'
    ])
  })
})

describe('a shallow clone, as actions/checkout makes it', () => {
  /** A bare remote holding main, feature and refs/pull/1/merge, and a depth-1 clone of the merge. */
  async function shallowClone(): Promise<{
    clone: TestRepo
    baseSha: string
    env: NodeJS.ProcessEnv
    remote: string
  }> {
    const repo = await TestRepo.create(scratch, 'origin-work')
    const baseSha = await repo.commit('Base', { 'requirements.txt': 'requests==2.19.1\n' })
    repo.git('checkout', '--quiet', '-b', 'feature')
    await repo.commit('Change', { 'requirements.txt': 'requests==2.19.1\nPyYAML==5.3\n' })
    repo.mergeForPullRequest('feature')
    const remote = path.join(scratch, 'remote.git')
    repo.git('clone', '--quiet', '--mirror', '--no-local', repo.dir, remote)
    const cloneDir = path.join(scratch, 'clone')
    repo.git(
      'clone',
      '--quiet',
      '--depth=1',
      '--no-local',
      '--branch',
      'feature',
      `file://${remote}`,
      cloneDir
    )
    const clone = TestRepo.open(cloneDir, scratch)
    clone.git('fetch', '--quiet', '--depth=1', 'origin', 'refs/pull/1/merge')
    clone.git('checkout', '--quiet', '--detach', 'FETCH_HEAD')
    const env = {
      ...clone.env,
      ...(await eventEnv(scratch, 'pull_request', pullRequestPayload(baseSha)))
    }
    return { clone, baseSha, env, remote }
  }

  const hasCommit = (repo: TestRepo, sha: string) => {
    try {
      repo.git('cat-file', '-e', `${sha}^{commit}`)
      return true
    } catch {
      return false
    }
  }

  test('the base missing from the clone is fetched alone from origin, then compared', async () => {
    const { clone, baseSha, env } = await shallowClone()
    expect(clone.git('rev-parse', '--is-shallow-repository')).toBe('true')
    expect(hasCommit(clone, baseSha)).toBe(false)
    const before = clone.git('--no-optional-locks', 'status', '--porcelain=v1')
    const run = await judgeRun({ workingDirectory: clone.dir, env })
    expect(run.decision).toEqual({
      scope: 'changes',
      base: { ref: 'main', sha: baseSha, fetched: true }
    })
    expect(hasCommit(clone, baseSha)).toBe(true)
    expect(clone.git('--no-optional-locks', 'status', '--porcelain=v1')).toBe(before)
    expect(verdictTable(run.verdicts!)).toEqual([
      'requests 2.19.1 unchanged',
      'pyyaml 5.3 added PYSEC-2020-96,PYSEC-2021-142'
    ])
  })

  test('an unreachable base falls back to scope all with a warning that says how to fix it', async () => {
    const { clone, baseSha, env, remote } = await shallowClone()
    await fs.rm(remote, { recursive: true, force: true })
    const run = await judgeRun({ workingDirectory: clone.dir, env })
    expect(run.decision.scope).toBe('all')
    const warning = run.decision.scope === 'all' ? run.decision.warning : undefined
    expect(warning).toContain(
      `The base commit ${baseSha} (main) is not in the clone and could not be fetched`
    )
    expect(warning).toContain('judging every dependency (scope: all)')
    expect(warning).toContain('fetch-depth: 2')
    expect(warning).toContain('fetch-depth: 0')
    // Judged in full: PyYAML's and requests' findings all stand.
    expect(run.headAudit.packages.map(p => [p.name, p.vulnerabilities.length])).toEqual([
      ['requests', 2],
      ['pyyaml', 2]
    ])
    expect(run.verdicts).toBeUndefined()
  })

  test('a base commit that origin does not have either falls back with the same advice', async () => {
    const { clone, env } = await shallowClone()
    const unknown = 'f'.repeat(40)
    const event = await eventEnv(scratch, 'pull_request', pullRequestPayload(unknown))
    const run = await judgeRun({ workingDirectory: clone.dir, env: { ...env, ...event } })
    expect(run.decision).toEqual({
      scope: 'all',
      reason: 'the base is not available',
      warning: expect.stringContaining(`The base commit ${unknown} (main) is not in the clone`)
    })
  })
})
