import type { Config } from '../config/config.js'
import { restoreCacheDir, saveCacheDir } from '../integrations/github/actions-cache.js'
import type { Logger } from '../shared/log.js'
import { OsvApiFeed } from '../advisories/osv-api.js'
import type { AdvisoryFeed, OsvRecord } from '../advisories/osv.js'
import { DiskRecordCache } from '../advisories/record-cache.js'
import { stalenessWarning } from './staleness.js'
import type { UpgradeAdviceStore } from '../advisories/upgrade.js'

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
  /** Saves what should outlive the run (the advisory cache) and releases connections. */
  finish(): Promise<void>
}

/** Each feed's code loads only for the feed chosen: the offline database's zip reader, say. */
export async function openFeed(
  config: Config['feed'],
  env: NodeJS.ProcessEnv,
  logger: Logger,
  now: Date,
  shownPath: (file: string) => string = file => file
): Promise<OpenedFeed> {
  if (config.advisoryDb) {
    const label = shownPath(config.advisoryDb)
    const [{ OfflineDatabase }, { offlineIndexDir }] = await Promise.all([
      import('../advisories/offline-db.js'),
      import('../advisories/offline-index.js')
    ])
    // The index of the database is kept with the advisory cache, and only when caching is on.
    const indexDir = config.cache ? offlineIndexDir(config.cacheDir) : undefined
    const database = await OfflineDatabase.load(config.advisoryDb, { logger, label, indexDir })
    const newest = database.newestModified()
    const warning = stalenessWarning(newest, config.maxDbAgeDays, now)
    if (warning) logger.warning(warning)
    return {
      feed: database,
      recordsFor: name => database.recordsFor(name),
      ...(newest ? { databaseUpdated: newest } : {}),
      finish: async () => {}
    }
  }
  if (config.service === 'pypi') {
    const { PypiFeed } = await import('../advisories/pypi-feed.js')
    const feed = new PypiFeed({ baseUrl: config.pypiUrl, logger })
    return { feed, skipped: () => feed.skipped(), finish: () => feed.close() }
  }
  if (!config.cache) {
    const feed = new OsvApiFeed({ baseUrl: config.osvUrl, logger })
    return { feed, finish: () => feed.close() }
  }
  const restored = await restoreCacheDir(config.cacheDir, env, logger)
  const cache = new DiskRecordCache(config.cacheDir, { logger })
  const feed = new OsvApiFeed({ baseUrl: config.osvUrl, logger, records: cache })
  return {
    feed,
    upgradeAdvice: cache.upgradeAdvice,
    finish: async () => {
      await feed.close()
      await cache.flush()
      await saveCacheDir(config.cacheDir, restored, cache.changed, logger)
      logger.debug(`Advisory cache ${cache.dir}: ${JSON.stringify(cache.stats)}`)
    }
  }
}
