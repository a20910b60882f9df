/**
 * Every recommended upgrade is asked about before a report names it. The assessment works an
 * upgrade out from the records it has; an online feed only gave the records that affect the
 * pinned version, so that upgrade may have advisories of its own (django 2.2.0 was sent to
 * 4.2.16, which has 26). Here the feed is asked about every candidate at once (one lookup, so
 * one /v1/querybatch for the OSV API), each affected candidate's records are added to what is
 * known and the next candidate is worked out from them, for a bounded number of rounds. What
 * cannot be confirmed clean is not recommended: `recommendedVersion` null and an
 * `upgradeNote` saying why. The offline database already gave every record: its answers are
 * clean by construction and the one lookup confirms it. The OSV API gives every advisory of
 * each affected package (one /v1/query without a version): the feed's answer for a candidate
 * is then worked out from them (answerLocally), round by round as if asked, without a request.
 */
import type { AdvisoryFeed, OsvRecord, PackageVersion } from '../advisories/osv.js'
import {
  keepVerifiedUpgrade,
  keptUpgrade,
  newestFix,
  recommendedRelease,
  recommendedVersion,
  rememberedRecommendation,
  type UpgradeAdviceStore
} from '../advisories/upgrade.js'
import { equalityKey, isPep440 } from '../advisories/version-order.js'
import type { ReportedPackage } from '../report/outcome.js'
import type { EarlyAnswer } from './ask-ahead.js'
import type { Assessment } from './assess.js'
import type { AuditedPackage } from './look-up.js'
import type { OpenedFeed } from './open-feed.js'
import { describeError } from '../shared/describe-error.js'
import { FeedError } from '../shared/errors.js'
import { silentLogger, type Logger } from '../shared/log.js'
import { plural } from '../shared/text.js'

/** Lookups at most: real chains take two (a fix, then the fix of the fix's advisory). */
export const MAX_VERIFY_ROUNDS = 4

export interface VerifyUpgradesOptions {
  feed: Pick<AdvisoryFeed, 'name' | 'lookup'>
  /** Every record of a package, where the feed has them all (offline). */
  recordsFor?: (name: string) => readonly OsvRecord[]
  /** Verified answers of earlier runs; this run's are kept there. */
  upgradeAdvice?: UpgradeAdviceStore
  /**
   * Releases the feed could not find, keyed `name@version` as asked (the PyPI feed's 404s):
   * a version that does not exist is never recommended.
   */
  unknownReleases?: () => ReadonlyMap<string, string>
  /**
   * Versions of a package the index does not have or has yanked, when the index was asked
   * (package health). Never recommended.
   */
  unavailable?: (name: string) => Iterable<string>
  /**
   * Whether the package index offers a release (listed, not yanked whole), from the package
   * checks' answers; undefined when it cannot tell. A candidate it does not offer is passed
   * over without asking the feed, and the next one is checked.
   */
  offered?: (name: string, version: string) => boolean | undefined
  /**
   * The releases the package index offers of a name (package checks' answers); undefined when
   * it cannot tell. Where the advisories' bounds give no clean version, the smallest of these
   * that the known records spare is the candidate (recommendedRelease).
   */
  releases?: (name: string) => readonly string[] | undefined
  /** Answers the feed gave before the verification (askingAhead), by earlyKey. */
  early?: ReadonlyMap<string, EarlyAnswer>
  /**
   * The feed's answers worked out without a request, where it holds every advisory of the
   * package (OsvApiFeed.answerFromPackages); undefined for a pin it has to be asked about.
   */
  answerLocally?: (pins: readonly PackageVersion[]) => readonly (readonly OsvRecord[] | undefined)[]
  maxRounds?: number
  logger?: Logger
}

/**
 * What the verification reads of a package: a ReportedPackage, or an AuditedPackage with its
 * first candidate (startUpgradeVerification).
 */
export type UpgradeTarget = Pick<ReportedPackage, 'name' | 'version' | 'recommendedVersion'> & {
  vulnerabilities: readonly { record: OsvRecord }[]
}

export interface VerifiedUpgrades<P extends UpgradeTarget = ReportedPackage> {
  packages: P[]
  /** Lookups made (one querybatch each on the OSV API). */
  rounds: number
  /** When the feed failed: the upgrades it could not confirm are withheld. */
  warnings: string[]
}

/**
 * `packages` with every recommendation confirmed by the feed, or withheld with a note. Pins
 * without findings are left as they are.
 */
export async function verifyUpgrades<P extends UpgradeTarget>(
  packages: readonly P[],
  options: VerifyUpgradesOptions
): Promise<VerifiedUpgrades<P>> {
  const maxRounds = options.maxRounds ?? MAX_VERIFY_ROUNDS
  const logger = options.logger ?? silentLogger
  const searches = new Map<number, UpgradeSearch>()
  packages.forEach((pkg, i) => {
    if (pkg.recommendedVersion === undefined) return
    const records = options.recordsFor?.(pkg.name) ?? pkg.vulnerabilities.map(v => v.record)
    const pin = { name: pkg.name, version: pkg.version }
    const kept = keptUpgrade(pin, records, options.upgradeAdvice)
    searches.set(
      i,
      new UpgradeSearch(pin, records, pkg.recommendedVersion, {
        unavailable: [...(options.unavailable?.(pkg.name) ?? [])],
        ...(options.offered ? { offered: (v: string) => options.offered!(pkg.name, v) } : {}),
        ...(options.releases ? { releases: () => options.releases!(pkg.name) } : {}),
        ...(typeof kept === 'string' ? { alsoAsk: kept } : {})
      })
    )
  })
  const unknownEarly = options.unknownReleases?.()
  for (const { pin, records } of options.early?.values() ?? []) {
    const missing = unknownEarly?.has(`${pin.name}@${pin.version}`) ?? false
    for (const search of searches.values()) {
      if (search.pin.name === pin.name) search.learn(pin.version, missing ? 'unavailable' : records)
    }
  }
  let rounds = 0
  const warnings: string[] = []
  try {
    for (; rounds < maxRounds; rounds++) {
      const asks = [...searches.values()].flatMap(search => search.questions(rounds === 0))
      if (asks.length === 0) break
      const answers = await answerAll(asks, options)
      const unknown = options.unknownReleases?.()
      asks.forEach((ask, i) => {
        const answer = answers[i]
        if (answer === undefined) {
          throw new FeedError(options.feed.name, 'answered fewer lookups than it was asked')
        }
        const missing = unknown?.has(`${ask.pin.name}@${ask.pin.version}`) ?? false
        ask.search.learn(ask.pin.version, missing ? 'unavailable' : answer)
      })
    }
  } catch (error) {
    if (!(error instanceof FeedError)) throw error
    // The findings stand (they were looked up); only upgrades left unconfirmed are withheld.
    warnings.push(
      `Recommended upgrades could not all be checked: ${describeError(error)}. ` +
        'Those not confirmed are left out.'
    )
  }
  const verified = packages.map((pkg, i) => {
    const search = searches.get(i)
    if (search === undefined) return pkg
    const outcome = search.outcome(rounds, warnings.length > 0)
    if (outcome.settled) {
      const { pin, records, passed } = search
      keepVerifiedUpgrade(pin, records, outcome.upgrade, options.upgradeAdvice, passed)
    }
    return {
      ...pkg,
      recommendedVersion: outcome.upgrade,
      ...(outcome.note ? { upgradeNote: outcome.note } : {})
    }
  })
  const moved = verified.filter(
    (pkg, i) => pkg.recommendedVersion !== packages[i]!.recommendedVersion
  ).length
  logger.debug(
    `Recommended upgrades checked with ${options.feed.name} in ${plural(rounds, 'lookup')}; ` +
      `${plural(moved, 'upgrade')} moved past advisories of their own`
  )
  return { packages: verified, rounds, warnings }
}

/**
 * The feed's answer to each ask: worked out where the feed can (answerLocally), asked in one
 * lookup for the rest (none when every one was worked out).
 */
async function answerAll(
  asks: readonly Question[],
  options: VerifyUpgradesOptions
): Promise<(readonly OsvRecord[] | undefined)[]> {
  const pins = asks.map(ask => ask.pin)
  const answers = [...(options.answerLocally?.(pins) ?? pins.map(() => undefined))]
  const open = pins.flatMap((pin, i) => (answers[i] === undefined ? [{ pin, i }] : []))
  if (open.length === 0) return answers
  const asked = await options.feed.lookup(open.map(({ pin }) => pin))
  open.forEach(({ i }, k) => (answers[i] = asked[k]))
  return answers
}

/**
 * The engine's step: the assessment with its upgrades verified with the run's feed (and its
 * cache, its unknown releases), and a warning when the feed failed on the way.
 */
export async function verifyAssessedUpgrades(
  assessment: Assessment,
  opened: OpenedFeed,
  logger: Logger,
  early?: ReadonlyMap<string, EarlyAnswer>,
  offered?: VerifyUpgradesOptions['offered']
): Promise<Assessment> {
  const { packages, warnings } = await verifyUpgrades(assessment.outcome.packages, {
    feed: opened.feed,
    ...(early ? { early } : {}),
    ...(opened.recordsFor ? { recordsFor: opened.recordsFor } : {}),
    ...(opened.upgradeAdvice ? { upgradeAdvice: opened.upgradeAdvice } : {}),
    ...(opened.skipped ? { unknownReleases: opened.skipped } : {}),
    ...(opened.answerLocally ? { answerLocally: opened.answerLocally } : {}),
    ...(offered ? { offered } : {}),
    logger
  })
  return {
    ...assessment,
    outcome: { ...assessment.outcome, packages },
    warnings: [...assessment.warnings, ...warnings]
  }
}

/** A verification under way (startUpgradeVerification). */
export interface UpgradeVerification {
  /**
   * The first candidate of each package with findings, worked out once: the assessment takes
   * it (AssessOptions.firstUpgrades) rather than working it out again.
   */
  first: ReadonlyMap<AuditedPackage, string | null>
  /** `assessment` (of the same packages, in order) with the verified upgrades in place. */
  settle(assessment: Assessment): Promise<Assessment>
}

/**
 * The engine's step, started as soon as the lookup is done: the first candidates are worked
 * out at once and the feed is asked about them while the findings are assessed (rating every
 * finding takes about as long as the round trips of the verification). The outcome is the
 * one verifyAssessedUpgrades gives. A failure of the feed is settle's to report; nothing is
 * left unhandled when the run stops before settling.
 */
export function startUpgradeVerification(
  packages: readonly AuditedPackage[],
  opened: OpenedFeed,
  logger: Logger,
  options: Pick<VerifyUpgradesOptions, 'early' | 'unavailable' | 'offered' | 'releases'> = {}
): UpgradeVerification {
  const first = new Map<AuditedPackage, string | null>()
  type Target = AuditedPackage & Pick<ReportedPackage, 'recommendedVersion' | 'upgradeNote'>
  const targets = packages.map((pkg): Target => {
    if (pkg.vulnerabilities.length === 0) return pkg
    const records = opened.recordsFor?.(pkg.name) ?? pkg.vulnerabilities.map(v => v.record)
    const candidate = opened.firstUpgrades
      ? opened.firstUpgrades.upgradeFor(pkg, records)
      : rememberedRecommendation(pkg, records, opened.upgradeAdvice)
    first.set(pkg, candidate)
    return { ...pkg, recommendedVersion: candidate }
  })
  opened.firstUpgrades?.stop()
  const verifying = verifyUpgrades(targets, {
    feed: opened.feed,
    ...options,
    ...(opened.recordsFor ? { recordsFor: opened.recordsFor } : {}),
    ...(opened.upgradeAdvice ? { upgradeAdvice: opened.upgradeAdvice } : {}),
    ...(opened.skipped ? { unknownReleases: opened.skipped } : {}),
    ...(opened.answerLocally ? { answerLocally: opened.answerLocally } : {}),
    logger
  })
  // Settled later, or never when the run fails first: not an unhandled rejection then.
  verifying.catch(() => {})
  return {
    first,
    settle: async assessment => {
      opened.idle?.()
      const { packages: verified, warnings } = await verifying
      const reported = assessment.outcome.packages
      if (reported.length !== verified.length) {
        throw new Error('the assessment and the verification disagree on the packages')
      }
      return {
        ...assessment,
        outcome: {
          ...assessment.outcome,
          packages: reported.map((pkg, i) => {
            const { recommendedVersion, upgradeNote } = verified[i]!
            if (pkg.recommendedVersion === undefined) return pkg
            return {
              ...pkg,
              recommendedVersion: recommendedVersion ?? null,
              ...(upgradeNote ? { upgradeNote } : {})
            }
          })
        },
        warnings: [...assessment.warnings, ...warnings]
      }
    }
  }
}

/** One question for the feed: is this version of this package affected? */
interface Question {
  search: UpgradeSearch
  pin: PackageVersion
}

type Answer = readonly OsvRecord[] | 'unavailable'

interface SearchOutcome {
  upgrade: string | null
  note?: string
  /** The answer is final for these records (worth keeping for the next run). */
  settled: boolean
}

/**
 * The search for one pin, as pure state: the records known so far, the feed's answers about
 * candidates, and the versions ruled out. Each answer either confirms the candidate or moves
 * the search past it.
 */
export class UpgradeSearch {
  readonly records: readonly OsvRecord[]
  private readonly known: OsvRecord[]
  private readonly knownIds = new Set<string>()
  /** Versions the feed called affected, or that do not exist or are yanked. */
  private readonly excluded: string[]
  /** Unknown to the index or yanked: left out of "newest fix" too. */
  private readonly unavailable: string[]
  private readonly answers = new Map<string, Answer>()
  /** Versions ruled out, in order: kept with the answer for the next run to ask at once. */
  readonly passed: string[] = []
  /** The candidate now; undefined until worked out again from what is known. */
  private candidate: string | null | undefined
  private alsoAsk: string | undefined
  private readonly offered: ((version: string) => boolean | undefined) | undefined
  private readonly releases: (() => readonly string[] | undefined) | undefined

  constructor(
    readonly pin: PackageVersion,
    records: readonly OsvRecord[],
    first: string | null,
    options: {
      unavailable?: readonly string[]
      alsoAsk?: string
      offered?: (version: string) => boolean | undefined
      releases?: () => readonly string[] | undefined
    } = {}
  ) {
    this.offered = options.offered
    this.releases = options.releases
    this.records = records
    this.known = [...records]
    for (const record of records) this.knownIds.add(record.id)
    this.unavailable = [...(options.unavailable ?? [])]
    this.excluded = [...this.unavailable]
    // A null from the assessment may be a kept answer: worked out again from the records.
    this.candidate = first === null || this.unavailable.length > 0 ? undefined : first
    if (options.alsoAsk !== undefined && isPep440(options.alsoAsk)) this.alsoAsk = options.alsoAsk
  }

  /**
   * What to ask the feed next: the current candidate when its answer is not known, and in
   * the first round also the upgrade this pin was given last time (so a warm run confirms a
   * chain of two in one round). Empty when the search is settled.
   */
  questions(first: boolean): Question[] {
    const versions: string[] = []
    const next = this.unanswered()
    if (next !== undefined) versions.push(next)
    const extra = this.alsoAsk
    this.alsoAsk = undefined
    if (first && next !== undefined && extra !== undefined && !this.answers.has(key(extra))) {
      if (key(extra) !== key(next)) versions.push(extra)
    }
    return versions.map(version => ({ search: this, pin: { name: this.pin.name, version } }))
  }

  /** The feed's answer about `version`: the records that affect it, or 'unavailable'. */
  learn(version: string, answer: Answer): void {
    this.answers.set(key(version), answer)
  }

  /** Where the search ended after `rounds` lookups (`failed`: the feed failed on the way). */
  outcome(rounds: number, failed: boolean): SearchOutcome {
    const open = this.unanswered()
    if (open === undefined) {
      const upgrade = this.candidate ?? null
      const note = upgrade === null ? this.noCleanVersion('') : undefined
      return { upgrade, ...(note ? { note } : {}), settled: true }
    }
    const why = failed ? ' (the advisory feed failed)' : ` after ${plural(rounds, 'check')}`
    // A candidate was left unconfirmed: say so, even where the advisories name no fix (the
    // candidate was one of the index's releases), rather than read as "no fix known".
    const note = this.noCleanVersion(why) ?? `no version without known advisories found${why}`
    return { upgrade: null, note, settled: false }
  }

  /** The candidate whose answer is still needed; undefined when settled (clean or none). */
  private unanswered(): string | undefined {
    for (;;) {
      this.candidate ??= this.workedOut()
      const candidate = this.candidate
      if (candidate === null) return undefined
      // A release the index lacks or has yanked is passed over, whatever the feed said of it.
      const answer: Answer | undefined =
        this.offered?.(candidate) === false ? 'unavailable' : this.answers.get(key(candidate))
      if (answer === undefined) return candidate
      if (answer !== 'unavailable' && answer.length === 0) return undefined
      // Ruled out whatever the local ranges say: the feed's word decides which are affected.
      this.excluded.push(candidate)
      this.passed.push(candidate)
      if (answer === 'unavailable') this.unavailable.push(candidate)
      else this.add(answer)
      this.candidate = undefined
    }
  }

  /** The next candidate from what is known: the advisories' bounds, else the index's releases. */
  private workedOut(): string | null {
    const { name, version } = this.pin
    const fromBounds = recommendedVersion(name, version, this.known, this.excluded)
    if (fromBounds !== null) return fromBounds
    const releases = this.releases?.()
    return releases ? recommendedRelease(name, version, this.known, releases, this.excluded) : null
  }

  private add(records: readonly OsvRecord[]): void {
    for (const record of records) {
      if (this.knownIds.has(record.id)) continue
      this.knownIds.add(record.id)
      this.known.push(record)
    }
  }

  private noCleanVersion(why: string): string | undefined {
    const { name, version } = this.pin
    const newest = newestFix(name, version, this.known, this.unavailable)
    if (newest !== undefined) {
      return `no version without known advisories found${why}; newest fix: ${newest}`
    }
    // Every fix above the pin was passed over as missing from the index or yanked: say so,
    // rather than let the reports read as if no fix were known.
    const unavailable = newestFix(name, version, this.known)
    if (unavailable === undefined) return undefined
    return (
      `no version without known advisories found${why}: the fixed releases are yanked or not ` +
      `on the index; newest fix: ${unavailable}`
    )
  }
}

function key(version: string): string {
  return equalityKey(version)
}
