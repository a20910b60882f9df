import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from '@jest/globals'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import * as os from 'node:os'
import * as path from 'node:path'
import {
  commentBody,
  commentKey,
  commentMarker,
  commentOnPullRequest,
  MAX_COMMENT_LENGTH,
  type PullRequestCommentOptions
} from '../../../src/integrations/github/comment.js'
import type { Logger } from '../../../src/shared/log.js'
import { GitHubApiServer } from '../../support/github-api-server.js'

const WRITE_TOKEN = 'ghs_writeToken000000000000000000000000'
const READ_TOKEN = 'ghs_readOnlyForkToken00000000000000000'
const PR = 'octo/app#17'
const HEAD_SHA = '6dcb09b5b57875f334f61aebed695e2e4193db5e'

const FAILING = [
  '## Python dependency audit',
  '',
  '❌ **1 vulnerability** in 1 package of 2 audited (checked against OSV).',
  '',
  '| Package | Version | Advisory |',
  '| --- | --- | --- |',
  '| **jinja2** | 2.4.1 | CVE-2019-10906 |'
].join('\n')
const PASSING = '## Python dependency audit\n\n✅ **No known vulnerabilities** in 2 packages.'

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = []
  return {
    lines,
    debug: m => void lines.push(`debug ${m}`),
    info: m => void lines.push(`info ${m}`),
    warning: m => void lines.push(`warning ${m}`)
  }
}

describe('commentOnPullRequest against a fake GitHub REST API', () => {
  let api: GitHubApiServer
  let apiUrl: string
  let dir: string
  let env: NodeJS.ProcessEnv
  let logger: ReturnType<typeof recordingLogger>
  const run = (overrides: Partial<PullRequestCommentOptions> = {}) =>
    commentOnPullRequest({
      mode: 'always',
      token: WRITE_TOKEN,
      markdown: FAILING,
      result: 'fail',
      key: commentKey(env, '.'),
      env,
      logger,
      ...overrides
    })

  beforeAll(async () => {
    api = new GitHubApiServer()
    apiUrl = await api.start()
    api.tokens.set(WRITE_TOKEN, 'write')
    api.tokens.set(READ_TOKEN, 'read')
  })
  afterAll(async () => api.close())
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'pyaudit-comment-'))
    const eventPath = path.join(dir, 'event.json')
    await writeFile(
      eventPath,
      JSON.stringify({
        action: 'synchronize',
        number: 17,
        pull_request: { number: 17, head: { sha: HEAD_SHA } }
      })
    )
    api.comments.clear()
    api.requests.length = 0
    logger = recordingLogger()
    env = {
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_REPOSITORY: 'octo/app',
      GITHUB_API_URL: apiUrl,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_RUN_ID: '4242',
      GITHUB_WORKFLOW: 'CI',
      GITHUB_JOB: 'audit',
      RUNNER_OS: 'Linux',
      RUNNER_ARCH: 'X64'
    }
  })
  afterEach(async () => rm(dir, { recursive: true, force: true }))

  test('creates one comment that starts with the marker and carries the report', async () => {
    const outcome = await run()
    const [comment] = api.commentsOn(PR)
    expect(outcome).toEqual({ action: 'created', id: comment!.id, url: comment!.html_url })
    expect(comment!.body).toBe(`${commentMarker(commentKey(env, '.'))}\n${FAILING}`)
    expect(comment!.body.split('\n')[0]).toMatch(
      /^<!-- pyaudit-action:CI\/audit\/\.#[0-9a-f]{8} -->$/
    )
    expect(api.requests).toEqual([
      'GET /repos/octo/app/issues/17/comments?per_page=100',
      'POST /repos/octo/app/issues/17/comments'
    ])
  })

  test('the next run updates its comment, found on a later page among others', async () => {
    for (let i = 0; i < 120; i++) api.addComment(PR, `review comment ${i}`)
    await run()
    for (let i = 0; i < 90; i++) api.addComment(PR, `later comment ${i}`)
    api.requests.length = 0

    const outcome = await run({ markdown: `${FAILING}\n| **urllib3** | 1.26.4 | CVE-2021-33503 |` })

    expect(outcome.action).toBe('updated')
    const ours = api.commentsOn(PR).filter(c => c.body.includes('pyaudit-action:'))
    expect(ours).toHaveLength(1)
    expect(ours[0]!.body).toContain('CVE-2021-33503')
    expect(api.requests).toEqual([
      'GET /repos/octo/app/issues/17/comments?per_page=100',
      'GET /repos/octo/app/issues/17/comments?per_page=100&page=2',
      // Who the token is, to edit only its own comment: an installation token's bot.
      'GET /user',
      'POST /graphql',
      `PATCH /repos/octo/app/issues/comments/${ours[0]!.id}`
    ])
  })

  test('audits of different working directories keep separate comments', async () => {
    await run({ key: commentKey(env, 'services/api') })
    await run({ key: commentKey(env, 'services/web') })
    await run({ key: commentKey(env, 'services/api') })
    expect(api.commentsOn(PR)).toHaveLength(2)
  })

  test('on-failure: a passing run with no earlier comment writes nothing', async () => {
    const outcome = await run({ mode: 'on-failure', result: 'pass', markdown: PASSING })
    expect(outcome.action).toBe('skipped')
    expect(api.commentsOn(PR)).toEqual([])
    expect(api.requests).toEqual(['GET /repos/octo/app/issues/17/comments?per_page=100'])
  })

  test('on-failure: a failing run comments, and a later pass marks that comment resolved', async () => {
    expect((await run({ mode: 'on-failure' })).action).toBe('created')
    const outcome = await run({ mode: 'on-failure', result: 'pass', markdown: PASSING })
    expect(outcome.action).toBe('resolved')
    const [comment] = api.commentsOn(PR)
    expect(api.commentsOn(PR)).toHaveLength(1)
    expect(comment!.body).toContain(
      '✅ The issues this audit reported earlier are resolved as of 6dcb09b.'
    )
    expect(comment!.body).toContain(PASSING)
    expect(comment!.body).not.toContain('CVE-2019-10906')
  })

  test('never, and events other than pull requests, send no request at all', async () => {
    expect(await run({ mode: 'never' })).toEqual({ action: 'skipped', reason: 'comment is never' })
    const push = await run({ env: { ...env, GITHUB_EVENT_NAME: 'push' } })
    expect(push.action).toBe('skipped')
    expect(logger.lines).toContain('debug not a pull request event (push), so no comment')
    expect(api.requests).toEqual([])
  })

  test('pull_request_target comments too', async () => {
    const outcome = await run({ env: { ...env, GITHUB_EVENT_NAME: 'pull_request_target' } })
    expect(outcome.action).toBe('created')
  })

  test("a fork's read-only token is a warning, not a failure", async () => {
    const outcome = await run({ token: READ_TOKEN })
    expect(outcome.action).toBe('failed')
    const warnings = logger.lines.filter(line => line.startsWith('warning '))
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(
      /^warning Could not comment on pull request #17: the token may not write to it \("Resource not accessible by integration"\)\. A pull request from a fork gets a read-only GITHUB_TOKEN/
    )
    expect(api.commentsOn(PR)).toEqual([])
  })

  test('a rejected token and an empty token are warnings too', async () => {
    expect((await run({ token: 'ghs_revoked' })).action).toBe('failed')
    expect((await run({ token: '' })).action).toBe('failed')
    expect(logger.lines.filter(line => line.startsWith('warning '))).toEqual([
      'warning Could not comment on pull request #17: github-token was refused (HTTP 401 Bad credentials).',
      'warning comment is set but github-token is empty, so no comment was written'
    ])
  })

  test('a report over the size limit is cut on a line boundary with a link to the rest', async () => {
    const rows = Array.from(
      { length: 3_000 },
      (_, i) => `| **package-${i}** | 1.0.${i} | PYSEC-2099-${i} | ${'x'.repeat(40)} |`
    )
    const markdown = [FAILING, ...rows].join('\n')
    expect(markdown.length).toBeGreaterThan(200_000)
    const reportUrl = 'https://github.com/octo/app/actions/runs/4242/artifacts/99'

    const outcome = await run({ markdown, reportUrl })

    expect(outcome.action).toBe('created')
    const [comment] = api.commentsOn(PR)
    expect(comment!.body.length).toBeLessThanOrEqual(MAX_COMMENT_LENGTH)
    expect(comment!.body.length).toBeGreaterThan(MAX_COMMENT_LENGTH - 500)
    const [kept, note] = comment!.body.split('\n\n---\n')
    expect(kept!.split('\n').pop()).toMatch(
      /^\| \*\*package-\d+\*\* \| 1\.0\.\d+ \| PYSEC-2099-\d+ \| x{40} \|$/
    )
    expect(note).toBe(
      "⚠️ This comment was cut to fit GitHub's 65,536-character limit. The whole report: " +
        `[the report artifact](${reportUrl}) or [the job summary](https://github.com/octo/app/actions/runs/4242).`
    )
  })
})

describe('comment inputs, keys and bodies', () => {
  test('the key tells workflows, jobs, directories and matrix legs apart', () => {
    const env = {
      GITHUB_WORKFLOW: 'CI',
      GITHUB_JOB: 'audit',
      RUNNER_OS: 'Linux',
      RUNNER_ARCH: 'X64'
    }
    const key = commentKey(env, '.', ['3.12'])
    expect(commentKey({ ...env }, '.', ['3.12'])).toBe(key)
    for (const other of [
      commentKey({ ...env, GITHUB_WORKFLOW: 'Nightly' }, '.', ['3.12']),
      commentKey({ ...env, GITHUB_JOB: 'audit-docs' }, '.', ['3.12']),
      commentKey(env, 'docs', ['3.12']),
      commentKey(env, '.', ['3.13']),
      commentKey({ ...env, RUNNER_OS: 'Windows' }, '.', ['3.12'])
    ]) {
      expect(other).not.toBe(key)
    }
  })

  test('a hostile working directory cannot close the marker early or add lines', () => {
    const marker = commentMarker('CI/audit/x --> <img src=x onerror=alert(1)>\nline')
    expect(marker.startsWith('<!-- pyaudit-action:')).toBe(true)
    expect(marker.endsWith(' -->')).toBe(true)
    expect(marker.slice(4, -4)).not.toMatch(/-->|--|[<>\n]/)
  })

  test('a body that fits is the marker plus the report, untouched', () => {
    expect(commentBody('report', '<!-- m -->')).toBe('<!-- m -->\nreport')
  })

  test('a cut never leaves half of a surrogate pair', () => {
    // Either parity of the cut position: with and without one leading ASCII character.
    for (const lead of ['', 'a']) {
      const body = commentBody(lead + '🐍'.repeat(MAX_COMMENT_LENGTH), '<!-- m -->')
      expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_LENGTH)
      expect(body).toContain('The whole report is in the job summary.')
      expect(body).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/)
    }
  })
})
