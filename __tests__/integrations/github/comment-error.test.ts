/**
 * The pull-request comment of a run that ends in error (result `error`) says what went wrong
 * and what was and was not checked, with `on-failure` as with `always`, instead of
 * disappearing; it is the same comment the audit's other runs update.
 */
import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from '@jest/globals'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import * as os from 'node:os'
import * as path from 'node:path'
import {
  commentKey,
  commentOnPullRequest,
  type PullRequestCommentOptions
} from '../../../src/integrations/github/comment.js'
import { renderRunError } from '../../../src/report/markdown-error.js'
import { silentLogger } from '../../../src/shared/log.js'
import { GitHubApiServer } from '../../support/github-api-server.js'

const TOKEN = 'ghs_writeToken111111111111111111111111'
const PR = 'octo/app#21'
const ERROR = renderRunError({
  message: 'Advisory feed OSV API (https://api.osv.dev) failed: HTTP 503, after 5 attempts',
  checked: ['dependency files: requirements.txt: 2 pinned dependencies'],
  notChecked: ['advisories: 2 packages not looked up in OSV API (https://api.osv.dev)']
})
const FAILING =
  '## Python dependency audit\n\n### ❌ Failed\n\n| **jinja2** | 2.4.1 | CVE-2019-10906 |'
const PASSING = '## Python dependency audit\n\n### ✅ Passed'

let api: GitHubApiServer
let apiUrl: string
let dir: string
let env: NodeJS.ProcessEnv
const run = (overrides: Partial<PullRequestCommentOptions>) =>
  commentOnPullRequest({
    mode: 'on-failure',
    token: TOKEN,
    markdown: ERROR,
    result: 'error',
    key: commentKey(env, '.'),
    env,
    logger: silentLogger,
    ...overrides
  })

beforeAll(async () => {
  api = new GitHubApiServer()
  apiUrl = await api.start()
  api.tokens.set(TOKEN, 'write')
})
afterAll(() => api.close())
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'pyaudit-comment-error-'))
  const eventPath = path.join(dir, 'event.json')
  await writeFile(eventPath, JSON.stringify({ number: 21, pull_request: { number: 21 } }))
  api.comments.clear()
  env = {
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: 'octo/app',
    GITHUB_API_URL: apiUrl,
    GITHUB_WORKFLOW: 'CI',
    GITHUB_JOB: 'audit'
  }
})
afterEach(() => rm(dir, { recursive: true, force: true }))

test('on-failure: a run that ends in error comments what went wrong and what was not checked', async () => {
  const outcome = await run({})
  expect(outcome.action).toBe('created')
  const [comment] = api.commentsOn(PR)
  expect(comment!.body).toContain('### ⛔ Error: the audit could not finish')
  expect(comment!.body).toContain('failed: HTTP 503, after 5 attempts')
  expect(comment!.body).toContain('**Not checked**\n\n- advisories: 2 packages not looked up')
})

test('the error replaces the findings an earlier run commented, and a pass then resolves it', async () => {
  await run({ result: 'fail', markdown: FAILING })
  expect((await run({})).action).toBe('updated')
  expect(api.commentsOn(PR)).toHaveLength(1)
  expect(api.commentsOn(PR)[0]!.body).not.toContain('CVE-2019-10906')
  expect(api.commentsOn(PR)[0]!.body).toContain('⛔ Error')

  expect((await run({ result: 'pass', markdown: PASSING })).action).toBe('resolved')
  expect(api.commentsOn(PR)).toHaveLength(1)
  expect(api.commentsOn(PR)[0]!.body).not.toContain('⛔ Error')
})

test('untrusted text in the error cannot become a link, a tag or a heading', () => {
  const markdown = renderRunError({
    message: 'Advisory feed x failed: <img src=x> [click](https://evil.example) # head',
    checked: [],
    notChecked: ['advisories: <b>none</b>']
  })
  expect(markdown).not.toMatch(/<img|<b>|\]\(https:\/\/|^# /m)
  expect(markdown).not.toContain('**Checked**')
})
