import type { Config } from '../config/config.js'
import type { Logger } from '../shared/log.js'
import { OsvApiFeed } from '../advisories/osv-api.js'
import type { AdvisoryFeed, OsvRecord } from '../advisories/osv.js'
import { DiskRecordCache } from '../advisories/record-cache.js'
import { stalenessWarning } from './staleness.js'
import type { UpgradeAdviceStore } from '../advisories/upgrade.js'
import { FirstUpgrades } from './first-upgrades.js'
import type { VerifyUpgradesOptions } from './verify-upgrades.js'

/** The feed a run uses, plus what only some feeds can tell. */
export interface OpenedFeed {
  feed: AdvisoryFeed
  /** Every record of a package, where the feed holds them all (the offline database). */
  recordsFor?: (name: string) => readonly OsvRecord[]
  /** Reasons for releases the feed could not audit, keyed `name@version` (the PyPI feed). */
  skipped?: () => ReadonlyMap<string, string>
  /** Newest `modified` of an offline database. */
  databaseUpdated?: Date
  /** Upgrades recommended in earlier runs (the advisory cache). */
  upgradeAdvice?: UpgradeAdviceStore
  /**
   * What the feed would answer for candidates of packages whose every advisory it holds (the
   * OSV API's whole-package queries): the verification asks only about the others.
   */
  answerLocally?: VerifyUpgradesOptions['answerLocally']
  /** First upgrade candidates worked out while the lookup fetches (the OSV API). */
  firstUpgrades?: FirstUpgrades
  /**
   * The run waits on the feed with nothing else to do: work `finish` would do can start
   * (the advisory cache makes the bodies it writes).
   */
  idle?(): void
  /**
   * Saves what should outlive the run (the cache directory) and releases connections.
   * `alsoChanged`: something else this run keeps there changed (the index answers).
   */
  finish(alsoChanged?: boolean): Promise<void>
}

/**
 * Keeps the cache directory (the advisory records, the index's answers) from one run to the
 * next. The action fills it with the Actions cache; the CLI, whose cache directory simply
 * stays on disk, with NO_CACHE_STORE.
 */
export interface CacheDirectoryStore {
  /** Fills `dir` with what an earlier run kept, when there is any. */
  restore(dir: string): Promise<void>
  /** Keeps `dir` for later runs; `changed` says whether this run added anything to it. */
  save(dir: string, changed: boolean): Promise<void>
}

export const NO_CACHE_STORE: CacheDirectoryStore = {
  restore: async () => {},
  save: async () => {}
}

export type FeedSettings = Config['feed']

export interface FeedContext {
  /** The environment the entry was started with (proxy variables). */
  env: NodeJS.ProcessEnv
  logger: Logger
  now: Date
  cacheStore: CacheDirectoryStore
  /** How messages show a file (relative to the repository). */
  shownPath: (file: string) => string
  /** Limit for the whole of one request to a feed (request-timeout); the client's default. */
  requestTimeoutMs?: number
  /** The names of the packages the run will look up first (the offline database keeps theirs). */
  packages?: ReadonlySet<string>
  /**
   * The package checks keep the index's answers in the cache directory: a feed that keeps
   * nothing there itself still restores and saves it.
   */
  keepsIndexAnswers?: boolean
}

type OpenFeed = (settings: FeedSettings, context: FeedContext) => Promise<OpenedFeed>

/**
 * The online feeds, keyed by the `vulnerability-service` input. The code of a feed other
 * than the default loads only when chosen.
 */
const FEEDS = {
  osv: openOsvApi,
  pypi: openPypiJsonApi
} as const satisfies Readonly<Record<string, OpenFeed>>

/** A value `vulnerability-service` accepts. */
export type FeedService = keyof typeof FEEDS
/** Every value `vulnerability-service` accepts, in the order of the table. */
export const FEED_SERVICES = Object.keys(FEEDS) as readonly FeedService[]

/** An offline database (`advisory-db`) wins over the service: it means no network at all. */
export async function openFeed(settings: FeedSettings, context: FeedContext): Promise<OpenedFeed> {
  const open = settings.advisoryDb ? openOfflineDatabase : FEEDS[settings.service]
  return open(settings, context)
}

async function openOfflineDatabase(
  settings: FeedSettings,
  { logger, now, shownPath, packages }: FeedContext
): Promise<OpenedFeed> {
  const file = settings.advisoryDb!
  const { OfflineDatabase, keepYoungGenerationSmall } = await import('../advisories/offline-db.js')
  keepYoungGenerationSmall()
  const database = await OfflineDatabase.load(file, {
    logger,
    label: shownPath(file),
    ...(packages ? { packages } : {})
  })
  const newest = database.newestModified()
  const warning = stalenessWarning(newest, settings.maxDbAgeDays, now)
  if (warning) logger.warning(warning)
  return {
    feed: database,
    recordsFor: name => database.recordsFor(name),
    ...(newest ? { databaseUpdated: newest } : {}),
    finish: async () => {}
  }
}

async function openPypiJsonApi(
  settings: FeedSettings,
  { env, logger, requestTimeoutMs, cacheStore, keepsIndexAnswers }: FeedContext
): Promise<OpenedFeed> {
  const { PypiFeed } = await import('../advisories/pypi-feed.js')
  const feed = new PypiFeed({ baseUrl: settings.pypiUrl, logger, env, requestTimeoutMs })
  // Its answers are not cached; the index's, which the package checks keep, are.
  const keeps = settings.cache && keepsIndexAnswers === true
  if (keeps) await cacheStore.restore(settings.cacheDir)
  return {
    feed,
    skipped: () => feed.skipped(),
    finish: async (alsoChanged = false) => {
      await feed.close()
      if (keeps) await cacheStore.save(settings.cacheDir, alsoChanged)
    }
  }
}

async function openOsvApi(
  settings: FeedSettings,
  { env, logger, cacheStore, requestTimeoutMs }: FeedContext
): Promise<OpenedFeed> {
  if (!settings.cache) {
    const firstUpgrades = new FirstUpgrades(undefined)
    const feed = new OsvApiFeed({
      baseUrl: settings.osvUrl,
      logger,
      env,
      requestTimeoutMs,
      detailStrategy: 'whole-package',
      onRecords: (pin, records) => firstUpgrades.prepare(pin, records)
    })
    return {
      feed,
      firstUpgrades,
      answerLocally: pins => feed.answerFromPackages(pins),
      finish: () => feed.close()
    }
  }
  const { cacheDir } = settings
  await cacheStore.restore(cacheDir)
  const cache = new DiskRecordCache(cacheDir, { logger })
  const firstUpgrades = new FirstUpgrades(cache.upgradeAdvice)
  const feed = new OsvApiFeed({
    baseUrl: settings.osvUrl,
    logger,
    records: cache,
    env,
    requestTimeoutMs,
    detailStrategy: 'whole-package',
    onRecords: (pin, records) => {
      firstUpgrades.prepare(pin, records)
      // The pack's bodies are made between answers too: once the last record is in, the run
      // no longer waits on the network (the upgrades are checked without a round trip).
      cache.prepareFlush()
    }
  })
  return {
    feed,
    answerLocally: pins => feed.answerFromPackages(pins),
    upgradeAdvice: cache.upgradeAdvice,
    firstUpgrades,
    idle: () => cache.prepareFlush(),
    finish: async (alsoChanged = false) => {
      await feed.close()
      await cache.flush()
      await cacheStore.save(cacheDir, cache.changed || alsoChanged)
      logger.debug(`Advisory cache ${cache.dir}: ${JSON.stringify(cache.stats)}`)
    }
  }
}
