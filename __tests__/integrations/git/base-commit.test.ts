import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { decideScope, type DecideScopeOptions } from '../../../src/integrations/git/base-commit.js'
import { baseFromEvent } from '../../../src/integrations/git/event-base.js'
import { InputError } from '../../../src/shared/errors.js'
import { eventEnv, pullRequestPayload, scratchDir, TestRepo } from './git-fixture.js'
import { recordingLogger } from './judge-run.js'

let scratch: string
beforeEach(async () => {
  scratch = await scratchDir()
})
afterEach(async () => {
  await fs.rm(scratch, { recursive: true, force: true })
})

/** main with two commits (tagged v1.0 and v2.0) and a feature branch checked out. */
async function repository(): Promise<{ repo: TestRepo; first: string; second: string }> {
  const repo = await TestRepo.create(scratch)
  const first = await repo.commit('First', { 'requirements.txt': 'requests==2.19.1\n' })
  repo.git('tag', 'v1.0')
  const second = await repo.commit('Second', { 'requirements.txt': 'requests==2.31.0\n' })
  repo.git('tag', 'v2.0')
  repo.git('checkout', '--quiet', '-b', 'feature')
  await repo.commit('Feature', { 'requirements.txt': 'requests==2.31.0\nidna==3.7\n' })
  return { repo, first, second }
}

function decide(repo: TestRepo, options: Partial<DecideScopeOptions>) {
  return decideScope({
    scope: 'auto',
    cwd: repo.dir,
    env: repo.env,
    logger: recordingLogger(),
    ...options
  })
}

describe('decideScope', () => {
  test('scope all asks git nothing', async () => {
    const missing = path.join(scratch, 'no-such-directory')
    expect(
      await decideScope({ scope: 'all', cwd: missing, env: {}, logger: recordingLogger() })
    ).toEqual({ scope: 'all', reason: 'scope: all' })
  })

  test('auto on a push is all, quietly; changes on a push is all with a warning', async () => {
    const { repo } = await repository()
    const env = { ...repo.env, GITHUB_EVENT_NAME: 'push' }
    expect(await decide(repo, { env })).toEqual({
      scope: 'all',
      reason: 'scope: auto on a run that is not a pull request (event: push)'
    })
    const changes = await decide(repo, { env, scope: 'changes' })
    expect(changes.scope === 'all' && changes.warning).toBe(
      'scope: changes needs a base to compare with, and this run has none (event: push): set base-ref, or run on pull_request, pull_request_target or merge_group: judging every dependency (scope: all).'
    )
  })

  test('the CLI outside Actions with --base-ref compares with that branch, tag or commit', async () => {
    const { repo, first, second } = await repository()
    for (const [ref, sha] of [
      ['main', second],
      ['v1.0', first],
      [first, first],
      ['HEAD~2', first],
      ['refs/tags/v2.0', second]
    ] as const) {
      expect(await decide(repo, { baseRef: ref, scope: 'changes' })).toEqual({
        scope: 'changes',
        base: { ref, sha, fetched: false }
      })
    }
    // auto with an explicit base compares too.
    expect((await decide(repo, { baseRef: 'main' })).scope).toBe('changes')
  })

  test('a branch known only as origin/<name>, as in a checkout of the feature branch', async () => {
    const { repo, second } = await repository()
    const cloneDir = path.join(scratch, 'clone')
    repo.git('clone', '--quiet', '--no-local', '--branch', 'feature', repo.dir, cloneDir)
    const clone = TestRepo.open(cloneDir, scratch)
    expect(() => clone.git('rev-parse', '--verify', '--quiet', 'refs/heads/main')).toThrow()
    expect(await decide(clone, { baseRef: 'main' })).toEqual({
      scope: 'changes',
      base: { ref: 'main', sha: second, fetched: false }
    })
  })

  test('a base-ref that git would read as an option, or with control characters, is refused', async () => {
    const { repo } = await repository()
    for (const bad of ['--upload-pack=touch /tmp/pwned', '-b', 'main\nx', 'a b']) {
      const error = await decide(repo, { baseRef: bad }).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(InputError)
      expect((error as InputError).input).toBe('base-ref')
    }
  })

  test('a base-ref that names nothing, here or at origin, falls back with a warning', async () => {
    const { repo } = await repository()
    const cloneDir = path.join(scratch, 'clone')
    repo.git('clone', '--quiet', '--no-local', repo.dir, cloneDir)
    const clone = TestRepo.open(cloneDir, scratch)
    const decision = await decide(clone, { baseRef: 'no-such-branch' })
    expect(decision.scope).toBe('all')
    expect(decision.scope === 'all' && decision.warning).toContain(
      'The base commit no-such-branch is not in the clone and could not be fetched'
    )
    // git's own reason, not the advice it prints after it.
    expect(decision.scope === 'all' && decision.warning).toContain(
      "(couldn't find remote ref no-such-branch)"
    )
    const noRemote = await decide(repo, { baseRef: 'no-such-branch' })
    expect(noRemote.scope === 'all' && noRemote.warning).toContain(
      "('origin' does not appear to be a git repository)"
    )
    const revision = await decide(clone, { baseRef: 'main~40' })
    expect(revision.scope === 'all' && revision.warning).toContain(
      'base-ref main~40 names no commit in the clone: judging every dependency (scope: all). Give actions/checkout `fetch-depth: 2`'
    )
  })

  test('a branch missing from the clone is fetched by name from origin', async () => {
    const { repo, second } = await repository()
    const cloneDir = path.join(scratch, 'clone')
    repo.git(
      'clone',
      '--quiet',
      '--no-local',
      '--single-branch',
      '--branch',
      'feature',
      '--depth=1',
      `file://${repo.dir}`,
      cloneDir
    )
    const clone = TestRepo.open(cloneDir, scratch)
    expect(await decide(clone, { baseRef: 'v2.0' })).toEqual({
      scope: 'changes',
      base: { ref: 'v2.0', sha: second, fetched: true }
    })
  })

  test('pull_request and pull_request_target take pull_request.base.sha', async () => {
    const { repo, first } = await repository()
    for (const name of ['pull_request', 'pull_request_target']) {
      const env = {
        ...repo.env,
        ...(await eventEnv(scratch, name, pullRequestPayload(first, 'release/1.x')))
      }
      expect(await decide(repo, { env })).toEqual({
        scope: 'changes',
        base: { ref: 'release/1.x', sha: first, fetched: false }
      })
    }
  })

  test('merge_group takes merge_group.base_sha', async () => {
    const { repo, second } = await repository()
    const payload = {
      action: 'checks_requested',
      merge_group: { base_sha: second, base_ref: 'refs/heads/main', head_sha: '1'.repeat(40) }
    }
    const env = { ...repo.env, ...(await eventEnv(scratch, 'merge_group', payload)) }
    expect(await decide(repo, { env })).toEqual({
      scope: 'changes',
      base: { ref: 'main', sha: second, fetched: false }
    })
  })

  test('a work tree that is not a git clone falls back with a warning', async () => {
    const plain = path.join(scratch, 'plain')
    await fs.mkdir(plain)
    const repo = await TestRepo.create(scratch, 'unused')
    const event = await eventEnv(scratch, 'pull_request', pullRequestPayload('a'.repeat(40)))
    const decision = await decideScope({
      scope: 'auto',
      cwd: plain,
      env: { ...repo.env, ...event, GIT_CEILING_DIRECTORIES: scratch },
      logger: recordingLogger()
    })
    expect(decision.scope === 'all' && decision.warning).toMatch(
      /is not in a git clone \(not a git repository.*\), so the base cannot be read\. Check the repository out with actions\/checkout: judging every dependency \(scope: all\)\.$/
    )
  })
})

describe('baseFromEvent', () => {
  test('other events have no base; a broken payload is a problem to report, not a crash', async () => {
    expect(await baseFromEvent({ GITHUB_EVENT_NAME: 'push' })).toEqual({ found: false })
    expect(await baseFromEvent({})).toEqual({ found: false })
    expect(await baseFromEvent({ GITHUB_EVENT_NAME: 'pull_request' })).toEqual({
      found: false,
      problem: 'GITHUB_EVENT_PATH is not set'
    })
    const missing = path.join(scratch, 'missing.json')
    const unreadable = await baseFromEvent({
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: missing
    })
    expect(unreadable.found === false && unreadable.problem).toContain(
      `cannot read the event payload ${missing}`
    )

    const notJson = path.join(scratch, 'event.json')
    await fs.writeFile(notJson, '{"pull_request": ')
    expect(
      await baseFromEvent({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: notJson })
    ).toEqual({
      found: false,
      problem: `cannot read the event payload ${notJson}: it is not JSON`
    })
  })

  test('a base that is not a full commit id is not used', async () => {
    for (const sha of ['main', 'abc123', 'A'.repeat(40), '--upload-pack=x', 42, null]) {
      const env = await eventEnv(scratch, 'pull_request', {
        pull_request: { base: { sha, ref: 'main' } }
      })
      expect(await baseFromEvent(env)).toEqual({
        found: false,
        problem: 'the pull_request event payload has no commit id at pull_request.base.sha'
      })
    }
    const env = await eventEnv(scratch, 'merge_group', { merge_group: {} })
    expect(await baseFromEvent(env)).toEqual({
      found: false,
      problem: 'the merge_group event payload has no commit id at merge_group.base_sha'
    })
  })

  test("a SHA-256 repository's 64-digit ids are commit ids too", async () => {
    const sha = 'b'.repeat(64)
    const env = await eventEnv(scratch, 'pull_request', pullRequestPayload(sha))
    expect(await baseFromEvent(env)).toEqual({ found: true, base: { ref: 'main', sha } })
  })
})
