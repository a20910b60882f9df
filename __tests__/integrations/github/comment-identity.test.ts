/**
 * Issue 14, item 8: the pull-request comment is edited only where the token's own identity
 * wrote it. Anyone can paste our marker into a comment of their own; editing theirs would put
 * our verdict under their name, where they can change it. Item 3: an API error that echoes
 * the Authorization header does not put the token in the log.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import * as os from 'node:os'
import * as path from 'node:path'
import {
  commentKey,
  commentMarker,
  commentOnPullRequest,
  type PullRequestCommentOptions
} from '../../../src/integrations/github/comment.js'
import type { Logger } from '../../../src/shared/log.js'
import { GitHubApiServer } from '../../support/github-api-server.js'

const INSTALLATION_TOKEN = 'ghs_installationToken0000000000000000000'
const PERSONAL_TOKEN = 'github_pat_11ABCDEFG0personalToken000000000'
const PR = 'octo/app#17'
const REPORT = '## Python dependency audit\n\n❌ **1 vulnerability**'

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = []
  return {
    lines,
    debug: m => void lines.push(`debug ${m}`),
    info: m => void lines.push(`info ${m}`),
    warning: m => void lines.push(`warning ${m}`)
  }
}

describe('the comment upsert edits only its own comment', () => {
  const api = new GitHubApiServer()
  let dir: string
  let env: NodeJS.ProcessEnv
  let logger: ReturnType<typeof recordingLogger>
  const marker = () => commentMarker(commentKey(env, '.'))
  const run = (overrides: Partial<PullRequestCommentOptions> = {}) =>
    commentOnPullRequest({
      mode: 'always',
      token: INSTALLATION_TOKEN,
      markdown: REPORT,
      result: 'fail',
      key: commentKey(env, '.'),
      env,
      logger,
      ...overrides
    })

  beforeAll(async () => {
    const apiUrl = await api.start()
    api.tokens.set(INSTALLATION_TOKEN, 'write')
    api.tokens.set(PERSONAL_TOKEN, 'write')
    api.identities.set(PERSONAL_TOKEN, { login: 'octocat', type: 'User' })
    dir = await mkdtemp(path.join(os.tmpdir(), 'pyaudit-comment-identity-'))
    const eventPath = path.join(dir, 'event.json')
    await writeFile(eventPath, JSON.stringify({ number: 17, pull_request: { number: 17 } }))
    env = {
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_REPOSITORY: 'octo/app',
      GITHUB_API_URL: apiUrl,
      GITHUB_WORKFLOW: 'CI',
      GITHUB_JOB: 'audit'
    }
  })
  afterAll(async () => {
    await api.close()
    await rm(dir, { recursive: true, force: true })
  })
  beforeEach(() => {
    api.comments.clear()
    api.requests.length = 0
    api.echoAuthorization = false
    logger = recordingLogger()
  })

  test("another user's comment with our marker is left alone: a new comment is made", async () => {
    const planted = api.addComment(PR, `${marker()}\nAll clear, nothing to see.`, 'mallory')
    const outcome = await run()
    expect(outcome.action).toBe('created')
    const comments = api.commentsOn(PR)
    expect(comments).toHaveLength(2)
    expect(comments[0]).toEqual(planted)
    expect(comments[0]!.body).toBe(`${marker()}\nAll clear, nothing to see.`)
    expect(comments[1]!.user.login).toBe('github-actions[bot]')
    expect(comments[1]!.body).toContain('1 vulnerability')
    expect(api.requests.some(request => request.startsWith('PATCH'))).toBe(false)
  })

  test('GITHUB_TOKEN: its own bot comment is found and updated, past a planted one', async () => {
    api.addComment(PR, `${marker()}\nplanted`, 'mallory')
    await run()
    const outcome = await run({ markdown: `${REPORT}\nsecond run` })
    expect(outcome.action).toBe('updated')
    const comments = api.commentsOn(PR)
    expect(comments).toHaveLength(2)
    expect(comments[0]!.body).toBe(`${marker()}\nplanted`)
    expect(comments[1]!.body).toContain('second run')
    // GET /user is refused to an installation token; GraphQL's viewer names its bot.
    expect(api.requests).toContain('GET /user')
    expect(api.requests).toContain('POST /graphql')
  })

  test("a personal token updates the comment of the token's user, not a bot's or another user's", async () => {
    api.addComment(PR, `${marker()}\nby the bot`, 'github-actions[bot]')
    api.addComment(PR, `${marker()}\nby mallory`, 'mallory')
    const own = api.addComment(PR, `${marker()}\nby octocat`, 'octocat')
    const outcome = await run({ token: PERSONAL_TOKEN })
    expect(outcome).toMatchObject({ action: 'updated', id: own.id })
    const bodies = api.commentsOn(PR).map(comment => comment.body)
    expect(bodies).toEqual([
      `${marker()}\nby the bot`,
      `${marker()}\nby mallory`,
      expect.stringContaining('1 vulnerability')
    ])
  })

  test('an API error that echoes the Authorization header does not put the token in the log', async () => {
    api.echoAuthorization = true
    const outcome = await run()
    expect(outcome.action).toBe('failed')
    const log = logger.lines.join('\n')
    expect(log).toContain('HTTP 422')
    expect(log).not.toContain(INSTALLATION_TOKEN)
    expect(log).not.toContain(INSTALLATION_TOKEN.slice(4))
    expect(JSON.stringify(outcome)).not.toContain(INSTALLATION_TOKEN)
  })
})
