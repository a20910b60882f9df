/**
 * Keeps the advisory record cache between workflow runs with the Actions cache service
 * (@actions/cache). It only ever saves time: where there is no cache service (a local run,
 * a runner without one) it does nothing, and a restore or save that fails is a warning,
 * never a failed step. @actions/cache is loaded only when there is a service to talk to.
 *
 * Cache entries are immutable, so every run that fetched something new saves under its own
 * key, and a run restores the newest entry by prefix:
 *   primary  pyaudit-osv-v2-<os>-<run id>-<run attempt>-<job>
 *   restore  pyaudit-osv-v2-<os>-
 * v2 is the one-file pack (record-pack.ts); v1 entries held one file per record, which this
 * release would only delete and fetch again, so they are not restored at all.
 */
import type { Logger } from '../../shared/log.js'

/** The part of @actions/cache used here, so tests can count calls on a loader. */
export interface CacheService {
  isFeatureAvailable(): boolean
  restoreCache(
    paths: string[],
    primaryKey: string,
    restoreKeys?: string[]
  ): Promise<string | undefined>
  saveCache(paths: string[], key: string): Promise<number>
}

export type CacheLoader = () => Promise<CacheService>

/** What a restore found; hand it to saveCacheDir. */
export interface RestoredCache {
  primaryKey: string
  /** The key of the entry restored, if any. */
  matchedKey?: string
}

export interface CacheKeys {
  primary: string
  restore: string[]
}

const KEY_PREFIX = 'pyaudit-osv-v2'
/** The cache service refuses longer keys. */
const MAX_KEY_LENGTH = 512

const loadActionsCache: CacheLoader = () => import('@actions/cache')

/**
 * Whether a cache service is configured for this run: @actions/cache needs the runtime
 * token and ACTIONS_CACHE_URL (service v1) or ACTIONS_RESULTS_URL (v2).
 */
export function cacheServiceConfigured(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.ACTIONS_RUNTIME_TOKEN && (env.ACTIONS_CACHE_URL || env.ACTIONS_RESULTS_URL))
}

export function cacheKeys(env: NodeJS.ProcessEnv, platform: string = process.platform): CacheKeys {
  const prefix = `${KEY_PREFIX}-${keyPart(env.RUNNER_OS || platform)}-`
  const run = [env.GITHUB_RUN_ID || 'local', env.GITHUB_RUN_ATTEMPT || '1', env.GITHUB_JOB || 'job']
  const primary = `${prefix}${run.map(keyPart).join('-')}`.slice(0, MAX_KEY_LENGTH)
  return { primary, restore: [prefix] }
}

/**
 * Restores the newest saved cache into `dir`. Undefined when there is no cache service, so
 * the caller has nothing to save later either.
 */
export async function restoreCacheDir(
  dir: string,
  env: NodeJS.ProcessEnv,
  logger: Logger,
  load: CacheLoader = loadActionsCache
): Promise<RestoredCache | undefined> {
  if (!cacheServiceConfigured(env)) {
    logger.debug('No Actions cache service here; the advisory cache stays local')
    return undefined
  }
  const { primary, restore } = cacheKeys(env)
  try {
    const service = await load()
    if (!service.isFeatureAvailable()) return undefined
    const matchedKey = await service.restoreCache([dir], primary, restore)
    if (matchedKey) logger.info(`Advisory cache restored from ${matchedKey}`)
    else logger.debug('No saved advisory cache yet')
    return { primaryKey: primary, ...(matchedKey ? { matchedKey } : {}) }
  } catch (error) {
    logger.warning(
      `Advisory cache not restored (the audit goes on without it): ${messageOf(error)}`
    )
    return { primaryKey: primary }
  }
}

/**
 * Saves `dir` when the run fetched something new (`changed`) and the restored entry is not
 * already this run's own. Resolves to whether a save was attempted and reported success.
 */
export async function saveCacheDir(
  dir: string,
  restored: RestoredCache | undefined,
  changed: boolean,
  logger: Logger,
  load: CacheLoader = loadActionsCache
): Promise<boolean> {
  if (!restored || !changed || restored.matchedKey === restored.primaryKey) return false
  try {
    const service = await load()
    const id = await service.saveCache([dir], restored.primaryKey)
    // @actions/cache reports its own failures (as warnings) and answers -1 for them.
    if (id === -1) return false
    logger.info(`Advisory cache saved as ${restored.primaryKey}`)
    return true
  } catch (error) {
    logger.warning(`Advisory cache not saved: ${messageOf(error)}`)
    return false
  }
}

/** Key parts: no commas (the service splits keys on them), nothing surprising. */
function keyPart(value: string): string {
  return value.replace(/[^A-Za-z0-9._-]+/g, '_')
}

function messageOf(error: unknown): string {
  // One line: the runner reads a line starting with '::' as a workflow command.
  const text = error instanceof Error ? error.message : String(error)
  return text.replace(/\s+/g, ' ').trim()
}
