/**
 * The pull-request comment: one per audit, found again on the next run by a hidden marker
 * and updated in place. Input `comment`: `never` (default), `on-failure`, `always`.
 *
 * With `on-failure`, a run that fails or ends in error (result `error`: the comment then says
 * what went wrong and what was not checked, instead of disappearing) comments; a run that
 * passes writes nothing, except over a comment an earlier run left: that one is updated to say
 * the issues are resolved, so the pull request never keeps showing problems that are gone.
 *
 * A comment is a copy of the job summary, not the verdict: when it cannot be written (a
 * fork's read-only token, a missing permission, an API failure) the run warns and goes on.
 *
 * Only a comment the token's own identity wrote is ever edited: anyone can paste the marker
 * into a comment of their own, and editing theirs would put our verdict under their name,
 * where they could change it. Such a comment is left alone and ours is made beside it.
 */
import { readFile } from 'node:fs/promises'
import type { Logger } from '../../shared/log.js'
import { cleanText, registerSecret, safeUrl } from '../../shared/escape.js'
import { matrixLegHash } from './matrix-leg.js'
import type { AuditOutcome } from '../../report/outcome.js'
import { renderMarkdown, type MarkdownOptions } from '../../report/markdown.js'
import { fitMarkdown } from './summary.js'

export type CommentMode = 'never' | 'on-failure' | 'always'

export interface PullRequestCommentOptions {
  mode: CommentMode
  /** Input `github-token`. */
  token: string
  /** The report as Markdown (the job summary's text). */
  markdown: string
  result: 'pass' | 'fail' | 'error'
  /** From commentKey(): tells this audit's comment apart from other audits' in the workflow. */
  key: string
  env: NodeJS.ProcessEnv
  logger: Logger
  /** Where the whole report is (the artifact's page), linked when the comment must be cut. */
  reportUrl?: string
}

export type CommentOutcome =
  | { action: 'created' | 'updated' | 'resolved'; id: number; url: string }
  | { action: 'skipped' | 'failed'; reason: string }

/** GitHub refuses comment bodies longer than this many characters. */
export const MAX_COMMENT_LENGTH = 65_536
/** The report's share of a comment: the rest is room for the marker and the resolved note. */
export const MAX_COMMENT_MARKDOWN = 60_000
/** A comment shows the 30 worst packages; the job summary and the artifact have them all. */
const COMMENT_PACKAGES = 30
const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target'])

/**
 * The report as a comment shows it: the worst packages with their tables, shortened the way
 * the job summary is until it fits GitHub's limit, every `<details>` it opens closed.
 */
export function commentMarkdown(
  outcome: AuditOutcome,
  options: MarkdownOptions,
  maxCharacters = MAX_COMMENT_MARKDOWN
): string {
  const shown: MarkdownOptions = { ...options, maxPackages: COMMENT_PACKAGES }
  return fitMarkdown(renderMarkdown(outcome, shown), outcome, shown, {
    max: maxCharacters,
    unit: 'characters',
    note: `\n_Shortened to fit GitHub's comment limit: the whole report is in the job summary and the workflow artifact._\n`
  })
}

export async function commentOnPullRequest(
  options: PullRequestCommentOptions
): Promise<CommentOutcome> {
  const { env, logger } = options
  if (options.mode === 'never') return { action: 'skipped', reason: 'comment is never' }
  const event = env.GITHUB_EVENT_NAME ?? ''
  if (!PULL_REQUEST_EVENTS.has(event)) {
    const reason = `not a pull request event (${event || 'no event'}), so no comment`
    logger.debug(reason)
    return { action: 'skipped', reason }
  }
  const pull = await readPullRequest(env.GITHUB_EVENT_PATH)
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/')
  if (!pull || !owner || !repo) {
    return failed(logger, 'the event payload names no pull request, so no comment was written')
  }
  if (!options.token) {
    return failed(logger, 'comment is set but github-token is empty, so no comment was written')
  }

  const marker = commentMarker(options.key)
  // A server's error text may echo the token: it is redacted wherever it would be printed.
  registerSecret(options.token)
  try {
    const { getOctokit } = await import('@actions/github')
    const octokit = getOctokit(options.token, {
      baseUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
      request: { signal: AbortSignal.timeout(60_000) }
    })
    const target = { owner, repo, issue_number: pull.number }
    let existing: { id: number } | undefined
    let identity: string | undefined
    for await (const page of octokit.paginate.iterator(octokit.rest.issues.listComments, {
      ...target,
      per_page: 100
    })) {
      const marked = page.data.filter(comment => comment.body?.includes(marker))
      if (marked.length === 0) continue
      identity ??= await tokenLogin(octokit)
      existing = marked.find(comment => comment.user?.login === identity)
      if (existing) break
    }

    const resolved = options.mode === 'on-failure' && options.result === 'pass'
    if (resolved && !existing) {
      const reason = 'the audit passed and no earlier comment exists, so no comment'
      logger.debug(reason)
      return { action: 'skipped', reason }
    }
    const body = commentBody(options.markdown, marker, {
      ...(resolved ? { resolvedAt: pull.headSha ?? env.GITHUB_SHA ?? '' } : {}),
      ...(options.reportUrl ? { reportUrl: options.reportUrl } : {}),
      ...(runUrl(env) ? { runUrl: runUrl(env) } : {})
    })
    if (existing) {
      const { data } = await octokit.rest.issues.updateComment({
        owner,
        repo,
        comment_id: existing.id,
        body
      })
      logger.info(`Updated the pull request comment: ${data.html_url}`)
      return { action: resolved ? 'resolved' : 'updated', id: data.id, url: data.html_url }
    }
    const { data } = await octokit.rest.issues.createComment({ ...target, body })
    logger.info(`Commented on the pull request: ${data.html_url}`)
    return { action: 'created', id: data.id, url: data.html_url }
  } catch (error) {
    return failed(logger, describeApiError(error, pull.number))
  }
}

/**
 * Which audit a comment belongs to: the workflow, the job and the working directory, plus a
 * short hash of the step and matrix leg (the runner's OS and architecture and the caller's
 * discriminators, e.g. the Python version). Matrix legs need their own comments: otherwise
 * a passing leg would mark a failing leg's comment as resolved.
 */
export function commentKey(
  env: NodeJS.ProcessEnv,
  workingDirectory: string,
  discriminators: string[] = []
): string {
  const leg = matrixLegHash(env, discriminators)
  return `${env.GITHUB_WORKFLOW || 'workflow'}/${env.GITHUB_JOB || 'job'}/${workingDirectory || '.'}#${leg}`
}

/** An HTML comment GitHub does not render; the key cannot end it early or span lines. */
export function commentMarker(key: string): string {
  const safe = key.replace(/[^A-Za-z0-9_.,/@:#+ -]/g, '_').replace(/-{2,}/g, '-')
  return `<!-- pyaudit-action:${safe} -->`
}

export interface BodyExtras {
  /** Set when an earlier failure is resolved: the commit that resolved it. */
  resolvedAt?: string
  reportUrl?: string
  runUrl?: string
}

/** The marker, then the report, cut on a line boundary to fit GitHub's limit. */
export function commentBody(markdown: string, marker: string, extras: BodyExtras = {}): string {
  const head = [marker]
  if (extras.resolvedAt !== undefined) {
    const commit = /^[0-9a-f]{7,40}$/i.test(extras.resolvedAt)
      ? ` as of ${extras.resolvedAt.slice(0, 7)}`
      : ''
    head.push(`> [!NOTE]\n> ✅ The issues this audit reported earlier are resolved${commit}.`, '')
  }
  const prefix = `${head.join('\n')}\n`
  if (prefix.length + markdown.length <= MAX_COMMENT_LENGTH) return prefix + markdown
  const links = [
    extras.reportUrl &&
      safeUrl(extras.reportUrl) &&
      `[the report artifact](${safeUrl(extras.reportUrl)})`,
    extras.runUrl && safeUrl(extras.runUrl) && `[the job summary](${safeUrl(extras.runUrl)})`
  ].filter(Boolean)
  const note =
    `\n\n---\n⚠️ This comment was cut to fit GitHub's ${MAX_COMMENT_LENGTH.toLocaleString('en-US')}-character limit.` +
    (links.length
      ? ` The whole report: ${links.join(' or ')}.`
      : ' The whole report is in the job summary.')
  const room = MAX_COMMENT_LENGTH - prefix.length - note.length
  let cut = markdown.lastIndexOf('\n', room)
  if (cut <= 0) cut = /[\ud800-\udbff]/.test(markdown[room - 1] ?? '') ? room - 1 : room
  return prefix + markdown.slice(0, cut) + note
}

async function readPullRequest(
  eventPath: string | undefined
): Promise<{ number: number; headSha?: string } | undefined> {
  if (!eventPath) return undefined
  try {
    const payload = JSON.parse(await readFile(eventPath, 'utf8')) as {
      number?: unknown
      pull_request?: { number?: unknown; head?: { sha?: unknown } }
    }
    const number = payload.pull_request?.number ?? payload.number
    const sha = payload.pull_request?.head?.sha
    if (typeof number !== 'number') return undefined
    return { number, ...(typeof sha === 'string' ? { headSha: sha } : {}) }
  } catch {
    return undefined
  }
}

/** The identity the default GITHUB_TOKEN acts as, as comments name their author. */
export const GITHUB_ACTIONS_LOGIN = 'github-actions[bot]'

type Octokit = ReturnType<typeof import('@actions/github').getOctokit>

/**
 * Who the token acts as, as REST names comment authors. GET /user answers a user's token
 * (a personal access token); an installation token (GITHUB_TOKEN, a GitHub App's) is refused
 * there with 403 "Resource not accessible by integration", and GraphQL's `viewer` names its
 * bot (`<app>[bot]`). Where that fails too, the token is taken for GITHUB_TOKEN.
 */
async function tokenLogin(octokit: Octokit): Promise<string> {
  try {
    return (await octokit.rest.users.getAuthenticated()).data.login
  } catch (error) {
    if ((error as { status?: unknown }).status !== 403) throw error
  }
  try {
    const { viewer } = await octokit.graphql<{ viewer?: { login?: unknown } }>(
      'query { viewer { login } }'
    )
    const login = viewer?.login
    // A bot's comments carry the [bot] suffix, whether or not GraphQL's login does.
    if (typeof login === 'string' && login !== '') {
      return login.endsWith('[bot]') ? login : `${login}[bot]`
    }
  } catch {
    // Not every token may use GraphQL: the default token's bot is the best guess left.
  }
  return GITHUB_ACTIONS_LOGIN
}

function runUrl(env: NodeJS.ProcessEnv): string | undefined {
  if (!env.GITHUB_REPOSITORY || !env.GITHUB_RUN_ID) return undefined
  const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '')
  return `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
}

function describeApiError(error: unknown, pull: number): string {
  const status = (error as { status?: unknown } | undefined)?.status
  const raw = error instanceof Error ? error.message : String(error)
  // The server's words: an echo of the Authorization header loses its credential.
  const message = cleanText(raw).replace(
    /\b(authorization:?\s*(?:token|bearer|basic)?\s*)[^\s,;"'}]+/gi,
    '$1***'
  )
  const where = `Could not comment on pull request #${pull}`
  if (status === 403 && /not accessible by integration/i.test(message)) {
    return (
      `${where}: the token may not write to it ("Resource not accessible by integration"). ` +
      `A pull request from a fork gets a read-only GITHUB_TOKEN; elsewhere, give the job ` +
      `"permissions: pull-requests: write". The report is in the job summary.`
    )
  }
  if (status === 401) return `${where}: github-token was refused (HTTP 401 Bad credentials).`
  return `${where}: ${typeof status === 'number' ? `HTTP ${status}: ` : ''}${message}`
}

function failed(logger: Logger, reason: string): CommentOutcome {
  logger.warning(reason)
  return { action: 'failed', reason }
}
