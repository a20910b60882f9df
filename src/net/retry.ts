/**
 * The one retry loop of this tool's HTTP clients (JSON feeds, package indexes): a request is
 * tried again, after exponential backoff with full jitter or the server's Retry-After (up to
 * a cap), for the failures that are usually transient (429, 5xx, dropped connections,
 * timeouts, a truncated body), and a body that does not read is tried again once. When it
 * finally fails, the client's own error names the source: a feed never answers "nothing".
 */
import { setTimeout as sleep } from 'node:timers/promises'
import type { Logger } from '../shared/log.js'

export interface RetryOptions {
  /** Tries per request, the first one included. */
  attempts?: number
  /** Backoff before retry n is a random delay in [0, min(maxDelayMs, baseDelayMs * 2^(n-1))). */
  baseDelayMs?: number
  maxDelayMs?: number
  /** A server's Retry-After is honoured up to this long. */
  maxRetryAfterMs?: number
}

export const DEFAULT_RETRY: Required<RetryOptions> = {
  attempts: 5,
  baseDelayMs: 250,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 30_000
}

/** A body that does not read is retried this many times: a cut-off body is usually transient. */
const MALFORMED_RETRIES = 1

/** Why one attempt failed, and whether another is worth it. */
export interface Failure {
  description: string
  retryable: boolean
  /** The HTTP status, when the server answered with one. */
  status?: number
  retryAfterMs?: number
  malformed?: boolean
}

/** One attempt's result: the answer, or why there was none. */
export type Attempt<T> = { ok: true; value: T } | { ok: false; failure: Failure }

export interface RetryLoop {
  retry: Required<RetryOptions>
  logger: Logger
  /** Names the source in the debug line of each retry (a feed's or an index's name). */
  source: string
  /** The error a request that finally failed throws; `message` says what, why and how often. */
  fail: (message: string) => Error
}

export function failed<T>(failure: Failure): Attempt<T> {
  return { ok: false, failure }
}

/**
 * Runs `attempt` until it answers, or fails in a way no retry mends, or the tries are used
 * up; `what` ("GET /simple/x/") goes in the messages. The caller's `signal` ends the waits.
 */
export async function withRetries<T>(
  what: string,
  loop: RetryLoop,
  attempt: () => Promise<Attempt<T>>,
  signal?: AbortSignal
): Promise<T> {
  const { retry } = loop
  let malformed = 0
  for (let tries = 1; ; tries++) {
    signal?.throwIfAborted()
    const outcome = await attempt()
    if (outcome.ok) return outcome.value
    const { failure } = outcome
    if (failure.malformed) malformed++
    const again =
      failure.retryable &&
      tries < retry.attempts &&
      (!failure.malformed || malformed <= MALFORMED_RETRIES)
    if (!again) {
      const count = tries === 1 ? '1 attempt' : `${tries} attempts`
      throw loop.fail(`${what}: ${failure.description}, after ${count}`)
    }
    const wait =
      failure.retryAfterMs !== undefined
        ? Math.min(failure.retryAfterMs, retry.maxRetryAfterMs)
        : backoffDelay(tries, retry.baseDelayMs, retry.maxDelayMs)
    loop.logger.debug(`${loop.source}: ${what}: ${failure.description}; retry in ${wait} ms`)
    await sleep(wait, undefined, signal ? { signal } : undefined)
  }
}

/** Full jitter: spreads retries of many clients instead of synchronising them. */
export function backoffDelay(
  retry: number,
  baseDelayMs: number,
  maxDelayMs: number,
  random: () => number = Math.random
): number {
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** (retry - 1))
  return Math.floor(random() * ceiling)
}

/** Retry-After in delay-seconds or as an HTTP-date; undefined when absent or unreadable. */
export function parseRetryAfter(
  header: string | string[] | undefined,
  nowMs: number
): number | undefined {
  const value = (Array.isArray(header) ? header[0] : header)?.trim()
  if (!value) return undefined
  if (/^\d+$/.test(value)) return Number(value) * 1000
  // All three HTTP-date forms start with a day name; Date.parse alone would take '-3'.
  const date = /^[A-Za-z]{3}/.test(value) ? Date.parse(value) : NaN
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs)
}
