/**
 * Which scope a run has and, for `changes`, the base commit it compares with: from input
 * `base-ref`, else from the event. A base missing from a shallow clone is fetched alone
 * (`git fetch --depth=1 origin <sha>`); when that fails the run judges every dependency and
 * says how to make the base available, never passing silently.
 */
import { InputError } from '../../shared/errors.js'
import type { Logger } from '../../shared/log.js'
import { excerpt } from '../../shared/text.js'
import type { Scope } from '../../pipeline/scope.js'
import { baseFromEvent } from './event-base.js'
import { gitComplaint, GitError, runGit, type GitOptions } from './run-git.js'

export interface BaseCommit {
  /** What the user or the event called it (a branch, a tag, a commit id). */
  ref: string
  /** The full commit id. */
  sha: string
  /** The commit was not in the clone and was fetched for this run. */
  fetched: boolean
}

export type ScopeDecision =
  | { scope: 'changes'; base: BaseCommit }
  /** `warning` is set when `changes` was meant but is impossible: the user should know. */
  | { scope: 'all'; reason: string; warning?: string }

export interface DecideScopeOptions {
  scope: Scope
  /** Input `base-ref`; empty or absent means the event's base. */
  baseRef?: string
  /** A directory in the clone (the working directory). */
  cwd: string
  env: NodeJS.ProcessEnv
  logger: Logger
  /** For the fetch of a missing base (default 120 s). */
  fetchTimeoutMs?: number
}

export const FETCH_DEPTH_ADVICE =
  'Give actions/checkout `fetch-depth: 2` (the merge commit of a pull request and its base) or `fetch-depth: 0` (all history) so that the base is in the clone.'
const ALL = 'judging every dependency (scope: all)'

/**
 * `all` asks for nothing. `auto` compares on pull_request, pull_request_target and
 * merge_group events, and wherever `base-ref` is given (an explicit base says what to compare
 * with); elsewhere it is `all`. `changes` without any base is `all` with a warning.
 */
export async function decideScope(options: DecideScopeOptions): Promise<ScopeDecision> {
  if (options.scope === 'all') return { scope: 'all', reason: 'scope: all' }
  const baseRef = parseBaseRef(options.baseRef)
  let ref: string
  let candidates: string[]
  if (baseRef !== undefined) {
    ref = baseRef
    candidates = localNames(baseRef)
  } else {
    const event = await baseFromEvent(options.env)
    if (!event.found) {
      const eventName = options.env.GITHUB_EVENT_NAME || 'none'
      if (event.problem) return fallBack(`The base commit is unknown: ${event.problem}`)
      if (options.scope === 'auto') {
        return {
          scope: 'all',
          reason: `scope: auto on a run that is not a pull request (event: ${eventName})`
        }
      }
      return fallBack(
        `scope: changes needs a base to compare with, and this run has none (event: ${eventName}): set base-ref, or run on pull_request, pull_request_target or merge_group`
      )
    }
    ref = event.base.ref
    candidates = [event.base.sha]
  }

  const git: GitOptions = { cwd: options.cwd, env: options.env }
  try {
    const inClone = await runGit(['rev-parse', '--is-inside-work-tree'], git)
    if (inClone.exitCode !== 0) {
      return fallBack(
        `${options.cwd} is not in a git clone (${gitComplaint(inClone)}), so the base cannot be read. Check the repository out with actions/checkout`
      )
    }
    for (const name of candidates) {
      const sha = await commitOf(name, git)
      if (sha) return changes(ref, sha, false)
    }
    const target = candidates[0]!
    if (!(await canFetch(target, git))) {
      return fallBack(`base-ref ${excerpt(ref)} names no commit in the clone`, true)
    }
    options.logger.info(`The base ${excerpt(ref)} is not in the clone: fetching that one commit`)
    const fetch = await runGit(
      [
        'fetch',
        '--no-tags',
        '--no-recurse-submodules',
        '--depth=1',
        'origin',
        '--end-of-options',
        target
      ],
      { ...git, timeoutMs: options.fetchTimeoutMs ?? 120_000 }
    )
    const fetched =
      fetch.exitCode === 0
        ? await commitOf(isCommitId(target) ? target : 'FETCH_HEAD', git)
        : undefined
    if (fetched) return changes(ref, fetched, true)
    const shown = isCommitId(target) ? `${target} (${excerpt(ref)})` : excerpt(ref)
    const why = fetch.exitCode === 0 ? 'the fetch brought no such commit' : gitComplaint(fetch)
    return fallBack(
      `The base commit ${shown} is not in the clone and could not be fetched (${why})`,
      true
    )
  } catch (error) {
    if (!(error instanceof GitError)) throw error
    return fallBack(`The base cannot be read: ${error.message}`)
  }
}

function changes(ref: string, sha: string, fetched: boolean): ScopeDecision {
  return { scope: 'changes', base: { ref, sha, fetched } }
}

function fallBack(problem: string, adviseFetchDepth = false): ScopeDecision {
  const advice = adviseFetchDepth ? ` ${FETCH_DEPTH_ADVICE}` : ''
  return {
    scope: 'all',
    reason: 'the base is not available',
    warning: `${problem}: ${ALL}.${advice}`
  }
}

/** Input `base-ref` as given, or undefined when empty; refuses what git would read as an option. */
export function parseBaseRef(value: string | undefined): string | undefined {
  const ref = value?.trim() ?? ''
  if (ref === '') return undefined
  // eslint-disable-next-line no-control-regex
  if (ref.startsWith('-') || /[\s\u0000-\u001f\u007f]/.test(ref) || ref.length > 256) {
    throw new InputError(
      'base-ref',
      `expected a commit, branch or tag name, got ${JSON.stringify(excerpt(ref))}`
    )
  }
  return ref
}

/**
 * Where a name may be found in a clone: as written, then as the remote-tracking branch that
 * actions/checkout creates for a branch (`main` is `origin/main` there).
 */
function localNames(ref: string): string[] {
  if (isCommitId(ref) || ref.startsWith('refs/') || /[~^:@]/.test(ref)) return [ref]
  return [ref, `refs/remotes/origin/${ref}`]
}

async function commitOf(rev: string, git: GitOptions): Promise<string | undefined> {
  const result = await runGit(
    ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`],
    git
  )
  const sha = result.stdout.toString('utf8').trim()
  return result.exitCode === 0 && /^[0-9a-f]{40,64}$/.test(sha) ? sha : undefined
}

function isCommitId(ref: string): boolean {
  return /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(ref)
}

/** A commit id, or a name `git fetch` takes as one ref (no revision syntax like `main~1`). */
async function canFetch(ref: string, git: GitOptions): Promise<boolean> {
  if (isCommitId(ref)) return true
  const check = await runGit(['check-ref-format', '--allow-onelevel', ref], git)
  return check.exitCode === 0
}
