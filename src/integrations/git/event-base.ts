/**
 * The base commit GitHub names in the event that started the run: `pull_request.base.sha` for
 * pull_request and pull_request_target, `merge_group.base_sha` for merge_group.
 */
import * as fs from 'node:fs/promises'
import { isObject } from '../../shared/json-shape.js'
import { excerpt } from '../../shared/text.js'

/** The events whose runs are judged on what they change when `scope` is `auto`. */
export const CHANGE_EVENTS: readonly string[] = [
  'pull_request',
  'pull_request_target',
  'merge_group'
]

export interface EventBase {
  /** The branch the change goes into, for reports (e.g. "main"). */
  ref: string
  sha: string
}

/** What the event says: a base, no base (another event), or a payload we could not use. */
export type EventBaseResult = { found: true; base: EventBase } | { found: false; problem?: string }

/** Real event payloads are kilobytes; this only keeps a broken file from being read whole. */
const MAX_PAYLOAD_BYTES = 32 * 1024 * 1024
const COMMIT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/

/**
 * Reads GITHUB_EVENT_NAME and the payload at GITHUB_EVENT_PATH from `env`. Only the change
 * events carry a base; any other event (push, schedule, the CLI outside Actions) has none.
 */
export async function baseFromEvent(env: NodeJS.ProcessEnv): Promise<EventBaseResult> {
  const eventName = env.GITHUB_EVENT_NAME ?? ''
  if (!CHANGE_EVENTS.includes(eventName)) return { found: false }
  const payloadPath = env.GITHUB_EVENT_PATH
  if (!payloadPath) return { found: false, problem: `GITHUB_EVENT_PATH is not set` }
  let payload: unknown
  try {
    const stat = await fs.stat(payloadPath)
    if (stat.size > MAX_PAYLOAD_BYTES) {
      return { found: false, problem: `the event payload ${payloadPath} is over 32 MiB` }
    }
    payload = JSON.parse(await fs.readFile(payloadPath, 'utf8'))
  } catch (error) {
    const reason = error instanceof SyntaxError ? 'it is not JSON' : (error as Error).message
    return { found: false, problem: `cannot read the event payload ${payloadPath}: ${reason}` }
  }
  const base =
    eventName === 'merge_group'
      ? fields(payload, ['merge_group'], 'base_sha', 'base_ref')
      : fields(payload, ['pull_request', 'base'], 'sha', 'ref')
  if (!base) {
    const where = eventName === 'merge_group' ? 'merge_group.base_sha' : 'pull_request.base.sha'
    return { found: false, problem: `the ${eventName} event payload has no commit id at ${where}` }
  }
  return { found: true, base }
}

function fields(
  payload: unknown,
  objectPath: string[],
  shaKey: string,
  refKey: string
): EventBase | undefined {
  let node = payload
  for (const key of objectPath) node = isObject(node) ? node[key] : undefined
  if (!isObject(node)) return undefined
  const sha = node[shaKey]
  if (typeof sha !== 'string' || !COMMIT_ID.test(sha)) return undefined
  const ref = node[refKey]
  const shown =
    typeof ref === 'string' && ref !== '' ? excerpt(ref.replace(/^refs\/heads\//, ''), 200) : sha
  return { ref: shown, sha }
}
