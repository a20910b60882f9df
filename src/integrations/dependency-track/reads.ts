/**
 * What follows an upload when the caller waits: poll the upload's token until processing
 * ends (within a deadline), find the project's UUID, and read every page of its findings
 * and policy violations.
 */
import { setTimeout as sleep } from 'node:timers/promises'
import type { Logger } from '../../shared/log.js'
import { describeStep, type DependencyTrackStep } from './errors.js'
import { DependencyTrackError } from './http.js'
import { DEPENDENCY_TRACK_INPUTS as INPUTS, UUID_PATTERN } from './inputs.js'
import {
  parseFindings,
  parseViolations,
  UnreadableAnswer,
  type DependencyTrackFinding,
  type DependencyTrackViolation
} from './results.js'

export interface Answer {
  value: unknown
  totalCount: number | undefined
}

/** GETs against the server; failures arrive already explained. */
export interface Api {
  readonly baseUrl: string
  /** A GET that must answer 200 with JSON. */
  get(step: DependencyTrackStep, path: string): Promise<Answer>
  /** The same, except that the `absent` status answers undefined. */
  find(step: DependencyTrackStep, path: string, absent: number): Promise<Answer | undefined>
}

const PAGE_SIZE = 100

export async function waitForProcessing(
  api: Api,
  token: string,
  timing: { timeoutMs: number; intervalMs: number },
  logger: Logger
): Promise<void> {
  const deadline = Date.now() + timing.timeoutMs
  // /event/token arrived in Dependency-Track 4.11; older servers answer on /bom/token.
  let path = `/api/v1/event/token/${encodeURIComponent(token)}`
  for (let polls = 1; ; polls++) {
    let answer = await api.find('token', path, 404)
    if (!answer && path.startsWith('/api/v1/event/')) {
      path = `/api/v1/bom/token/${encodeURIComponent(token)}`
      answer = await api.get('token', path)
    }
    const processing = (answer?.value as { processing?: unknown } | null)?.processing
    if (processing === false) return
    if (processing !== true) {
      throw new DependencyTrackError(
        `Dependency-Track at ${api.baseUrl} answered the token check without "processing"`
      )
    }
    if (Date.now() + timing.intervalMs > deadline) {
      throw new DependencyTrackError(
        `Dependency-Track was still processing the SBOM after ${duration(timing.timeoutMs)} ` +
          `(${polls} checks, token ${token}). The upload itself succeeded. ` +
          `Raise ${INPUTS.waitTimeout}, or set ${INPUTS.wait} to false to not wait for results.`
      )
    }
    logger.debug(
      `Dependency-Track is still processing token ${token}; next check in ${timing.intervalMs} ms`
    )
    await sleep(timing.intervalMs)
  }
}

function duration(ms: number): string {
  return ms < 10_000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`
}

export async function lookUpProject(api: Api, name: string, version?: string): Promise<string> {
  const query = new URLSearchParams({ name })
  if (version) query.set('version', version)
  const { value } = await api.get('lookup', `/api/v1/project/lookup?${query}`)
  const uuid = (value as { uuid?: unknown } | null)?.uuid
  if (typeof uuid !== 'string' || !UUID_PATTERN.test(uuid)) {
    throw new DependencyTrackError(
      `Dependency-Track at ${api.baseUrl} answered the project lookup without a project UUID`
    )
  }
  return uuid
}

/** Active (not suppressed) findings: the server's default. */
export async function readFindings(
  api: Api,
  projectUuid: string
): Promise<DependencyTrackFinding[]> {
  const path = `/api/v1/finding/project/${encodeURIComponent(projectUuid)}`
  return parseList(api, 'findings', parseFindings, await getAll(api, 'findings', path))
}

export async function readViolations(
  api: Api,
  projectUuid: string
): Promise<DependencyTrackViolation[]> {
  const path = `/api/v1/violation/project/${encodeURIComponent(projectUuid)}`
  return parseList(api, 'violations', parseViolations, await getAll(api, 'violations', path))
}

/** Every page of a list; X-Total-Count says when to stop (a server that ignores paging sends all at once). */
async function getAll(api: Api, step: DependencyTrackStep, path: string): Promise<unknown> {
  const all: unknown[] = []
  for (let page = 1; page <= 1_000; page++) {
    const { value, totalCount } = await api.get(
      step,
      `${path}?pageNumber=${page}&pageSize=${PAGE_SIZE}`
    )
    if (!Array.isArray(value)) return value
    all.push(...value)
    if (totalCount === undefined || value.length === 0 || all.length >= totalCount) break
  }
  return all
}

function parseList<T>(
  api: Api,
  step: DependencyTrackStep,
  parse: (value: unknown) => T[],
  value: unknown
): T[] {
  try {
    return parse(value)
  } catch (error) {
    if (!(error instanceof UnreadableAnswer)) throw error
    throw new DependencyTrackError(
      `Dependency-Track at ${api.baseUrl}: could not ${describeStep(step)}: ${error.message}`
    )
  }
}
