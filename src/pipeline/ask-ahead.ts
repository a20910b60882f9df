/**
 * The run's main lookup asks ahead about the upgrades verified last time (verify-upgrades.ts
 * uses the answers). A module of its own: it wraps the feed before the first request, while
 * the verification is needed only after the answers.
 */
import type { AdvisoryFeed, OsvRecord, PackageVersion } from '../advisories/osv.js'
import { equalityKey, isPep440 } from '../advisories/version-order.js'
import type { OpenedFeed } from './open-feed.js'

/** What the feed said of a version asked about ahead of the verification. */
export interface EarlyAnswer {
  pin: PackageVersion
  records: readonly OsvRecord[]
}

/**
 * The feed for the run's main lookup: its first lookup also asks about every version the last
 * verification of each pin asked about (kept in the advisory cache), in the same request, and
 * puts those answers in `early`. A warm run then confirms its upgrades without a round trip
 * of its own. Kept versions are only questions: a stale or forged list costs a few queries,
 * never an answer, since the feed's answers and the records decide.
 */
export function askingAhead(opened: OpenedFeed): {
  feed: AdvisoryFeed
  early: Map<string, EarlyAnswer>
} {
  const early = new Map<string, EarlyAnswer>()
  const inner = opened.feed
  const store = opened.upgradeAdvice
  if (store?.asked === undefined) return { feed: inner, early }
  let first = true
  const feed: AdvisoryFeed = {
    name: inner.name,
    lookup: async queries => {
      if (!first) return inner.lookup(queries)
      first = false
      const asked = new Set(queries.map(pin => earlyKey(pin)))
      const extra: PackageVersion[] = []
      for (const pin of queries) {
        for (const version of store.asked?.(pin) ?? []) {
          const question = { name: pin.name, version }
          if (!isPep440(version) || asked.has(earlyKey(question))) continue
          asked.add(earlyKey(question))
          extra.push(question)
        }
      }
      if (extra.length === 0) return inner.lookup(queries)
      const answers = await inner.lookup([...queries, ...extra])
      extra.forEach((pin, i) => {
        const records = answers[queries.length + i]
        if (records !== undefined) early.set(earlyKey(pin), { pin, records })
      })
      return answers.slice(0, queries.length)
    },
    ...(inner.close ? { close: () => inner.close!() } : {})
  }
  return { feed, early }
}

/** How early answers are keyed: the name as asked and the version's PEP 440 identity. */
export function earlyKey(pin: PackageVersion): string {
  return `${pin.name}@${equalityKey(pin.version)}`
}
