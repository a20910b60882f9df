/**
 * The package-health step of a run: maps Config to the health stage's options, reads the
 * config file's `[[package-check-ignore]]` entries, and asks the indexes about every pin. It
 * runs beside the advisory lookup (`beside`), so it adds no round trip to the wall time.
 */
import type { PackageCheckIgnoreRule, PackageIgnoreOutcome } from '../health/ignore.js'
import { indexLocations } from '../health/index-url.js'
import type { IndexLookupOptions } from '../health/look-up.js'
import {
  offeredReleases,
  offeredVersions,
  type OfferedRelease,
  type OfferedVersions
} from '../health/releases.js'
import type { HealthSubject, PackageIssue } from '../health/types.js'
import type { Config } from '../config/config.js'
import { DEFAULT_PYTHON_VERSION } from '../deps/collect.js'
import { markerEnvironmentFor } from '../deps/markers.js'
import type { SourceResult } from '../deps/types.js'
import type { Logger } from '../shared/log.js'
import { repositoryPath } from '../shared/paths.js'
import { plural } from '../shared/text.js'
import { loadPackageCheckIgnoreRules } from './ignore-files.js'

export interface PackageHealthRun {
  /** Findings no ignore rule accepts: `outcome.packageIssues`. */
  issues: PackageIssue[]
  /** Expired ignore rules. */
  warnings: string[]
  /** Ignore rules that matched nothing. */
  notices: string[]
  /** Whether the indexes offer a release (listed, not yanked whole): for recommended upgrades. */
  offered?: OfferedRelease
  /** The releases the indexes offer of a name: upgrade candidates where advisories name none. */
  releases?: OfferedVersions
  /** Whether the index answers kept in the cache directory changed (it is worth saving). */
  cacheWritten: boolean
}

export interface HealthContext {
  env: NodeJS.ProcessEnv
  logger: Logger
  now: Date
  signal?: AbortSignal
  /**
   * Called once the indexes' first requests are all out (at once when the checks are off),
   * so that work the run does not wait for yet (loading the later stages' code) runs while
   * the answers are awaited instead of holding the requests back.
   */
  whenAsked?: () => void
}

/** The step; undefined when package checks are off (then no index is asked, nothing is read). */
export async function checkPackageHealth(
  sources: readonly SourceResult[],
  config: Config,
  context: HealthContext
): Promise<PackageHealthRun | undefined> {
  const settings = config.packageHealth
  if (!settings.enabled) {
    context.whenAsked?.()
    return undefined
  }
  // The checks' code loads only when they are on, while the advisory lookup is under way.
  const code = await import('../health/audit-health.js')
  const pins = sources.flatMap(source => source.dependencies)
  const indexes = indexLocations(config.sources.indexUrl, config.sources.extraIndexUrls)
  const shown = indexes.map(index => index.display).join(', ')
  context.logger.info(`Checking ${plural(pins.length, 'pin')} on ${shown}`)
  // The requests go out first; they need only the pins. A failure while the subjects or
  // the ignore rules are read then stops them.
  const stop = new AbortController()
  const signal = context.signal ? AbortSignal.any([context.signal, stop.signal]) : stop.signal
  let sent!: () => void
  const allSent = new Promise<void>(resolve => (sent = resolve))
  let cacheWritten = false
  const asking = code.askPackageIndexes(pins, {
    ...indexOptions(config, context),
    signal,
    whenCacheWritten: () => (cacheWritten = true),
    whenAsked: () => {
      sent()
      context.whenAsked?.()
    }
  })
  asking.catch(() => {}) // awaited below, once the subjects and the rules are read
  // Those are read once the requests are out: their code and files would hold some back.
  await Promise.race([allSent, asking.then(sent, sent)])
  let read: [HealthSubject[], PackageCheckIgnoreRule[]]
  try {
    read = await subjectsAndRules(sources, config)
  } catch (error) {
    stop.abort(error)
    await asking.catch(() => {}) // nothing of the step runs on after it
    throw error
  }
  const [subjects, fileRules] = read
  const result = code.judgePackageHealth(subjects, await asking, {
    failOnPackageStatus: settings.failOnPackageStatus,
    packageCheckIgnore: [...settings.ignore, ...fileRules],
    today: context.now.toISOString().slice(0, 10)
  })
  logIgnored(result, context.logger)
  return {
    issues: result.active,
    warnings: result.expired.map(notice => notice.message),
    notices: result.unused.map(notice => notice.message),
    offered: offeredReleases(result.lookups),
    releases: offeredVersions(result.lookups),
    cacheWritten
  }
}

/** The lookup's options from the configuration: where, how long, and the cache. */
function indexOptions(
  config: Config,
  context: Pick<HealthContext, 'env' | 'logger'>
): IndexLookupOptions {
  const { indexUrl, extraIndexUrls } = config.sources
  return {
    ...(indexUrl ? { indexUrl } : {}),
    extraIndexUrls,
    requestTimeoutMs: config.requestTimeoutMs,
    // Index answers are kept beside the advisory records (revalidated every run); an offline
    // run writes nothing.
    ...(config.feed.cache && !config.feed.advisoryDb ? { cacheDir: config.feed.cacheDir } : {}),
    env: context.env,
    logger: context.logger
  }
}

/** The pins with the digests their files declare, and the config file's ignore rules. */
async function subjectsAndRules(
  sources: readonly SourceResult[],
  config: Config
): Promise<[HealthSubject[], PackageCheckIgnoreRule[]]> {
  return Promise.all([
    import('../health/subjects.js').then(({ healthSubjects }) =>
      healthSubjects(sources, {
        markerEnvironment: markerEnvironmentFor(
          config.sources.pythonVersion ?? DEFAULT_PYTHON_VERSION
        ),
        shownPath: file => repositoryPath(file, config.repositoryRoot)
      })
    ),
    loadPackageCheckIgnoreRules({
      workingDirectory: config.workingDirectory,
      ...(config.findings.configFile ? { configPath: config.findings.configFile } : {})
    })
  ])
}

/** Accepted findings stay visible in the log, with the rule that accepted them. */
function logIgnored(result: PackageIgnoreOutcome, logger: Logger): void {
  for (const { issue, rule } of result.ignored) {
    const why = rule.reason ? `: ${rule.reason}` : ''
    logger.info(
      `Package check ignored: ${issue.name} ${issue.version} ${issue.kind} (${rule.origin}${why})`
    )
  }
}

/**
 * `main` and `side` at once, both to the end (nothing of either runs on after the step), then
 * the first failure: main's when both fail, since a failed main aborts `side` (its signal).
 */
export async function beside<M, S>(
  main: Promise<M>,
  side: (signal: AbortSignal) => Promise<S>
): Promise<[M, S]> {
  const controller = new AbortController()
  const sideResult = settle(side(controller.signal))
  const mainResult = await settle(main)
  if (!mainResult.ok) controller.abort(mainResult.error)
  const sideSettled = await sideResult
  if (!mainResult.ok) throw mainResult.error
  if (!sideSettled.ok) throw sideSettled.error
  return [mainResult.value, sideSettled.value]
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown }

function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  return promise.then(
    value => ({ ok: true, value }),
    (error: unknown) => ({ ok: false, error })
  )
}
