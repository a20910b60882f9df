/**
 * Does an OSV record affect one exact PyPI release? The OSV schema's evaluation algorithm
 * (https://ossf.github.io/osv-schema/#evaluation) with PEP 440 ordering, never semver.
 */
import { normalizeName } from '../deps/names.js'
import type { OsvAffected, OsvEvent, OsvRange, OsvRecord } from './osv.js'
import { compareVersions, equalityKey, isPep440 } from './version-order.js'

type Bound = 'introduced' | 'fixed' | 'last_affected' | 'limit'
const BOUNDS: readonly Bound[] = ['introduced', 'fixed', 'last_affected', 'limit']

/** `introduced: "0"` sorts below every version, including `0.dev0` which PEP 440 puts below `0`. */
const BEGINNING = Symbol('beginning')

interface Event {
  bound: Exclude<Bound, 'limit'>
  at: string | typeof BEGINNING
}

export { isPep440 }

/**
 * Whether one `affected` entry covers `version`. The caller has already chosen the entry as
 * the PyPI package's (see recordAffects).
 */
export function affects(affected: OsvAffected, version: string): boolean {
  return rangesInclude(affected, version) || listed(affected.versions ?? [], version)
}

/** Whether one of the entry's ranges covers `version` (its `versions` list left aside). */
export function rangesInclude(affected: OsvAffected, version: string): boolean {
  // A version that is not PEP 440 cannot be ordered, so only an exact listing can match it.
  return isPep440(version) && (affected.ranges ?? []).some(range => rangeIncludes(range, version))
}

/**
 * Whether `record` affects `name` (PEP 503 normalised) at `version`. Withdrawn records never
 * do. A record with no `affected` list at all (or one the OSV API feed could not read, see
 * readOsvRecord) says of no version that it is spared, and only reaches here because a server
 * matched it to the release (the offline database lists a record only under the packages its
 * `affected` names): it counts as affecting every version, so no upgrade is ever recommended
 * as clean of it.
 */
export function recordAffects(record: OsvRecord, name: string, version: string): boolean {
  if (record.withdrawn != null) return false
  if (record.affected == null) return true
  const wanted = normalizeName(name)
  return (record.affected ?? []).some(
    affected => isPyPIEntryFor(affected, wanted) && affects(affected, version)
  )
}

export function isPyPIEntryFor(affected: OsvAffected, normalizedName: string): boolean {
  let name = entryNames.get(affected)
  if (name === undefined) {
    const pkg = affected.package
    name = pkg?.ecosystem === 'PyPI' ? normalizeName(pkg.name) : null
    entryNames.set(affected, name)
  }
  return name === normalizedName
}

/** Each entry's PyPI name, normalised once: a package's records are asked again and again. */
const entryNames = new WeakMap<OsvAffected, string | null>()

/**
 * Listed versions compare as PEP 440 equal (`1.0` == `1.0.0`), or as exact strings when not
 * PEP 440. Each list's keys are computed once: a package can have hundreds of advisories with
 * hundreds of listed versions each, and most lookups scan them all.
 */
const listedKeys = new WeakMap<readonly string[], ReadonlySet<string>>()

function listed(versions: readonly string[], version: string): boolean {
  if (versions.length === 0) return false
  let keys = listedKeys.get(versions)
  if (keys === undefined) {
    keys = new Set(versions.map(equalityKey))
    listedKeys.set(versions, keys)
  }
  return keys.has(equalityKey(version))
}

/**
 * GIT ranges are skipped: their events are commit hashes, which say nothing about a release
 * number. Every other type is read as PEP 440, SEMVER included: a SEMVER range on a PyPI
 * package still describes PyPI releases, plain X.Y.Z numbers order the same way under both
 * schemes, and ignoring the range could hide a vulnerability. An unknown type is read the same
 * way for the same reason.
 */
function rangeIncludes(range: OsvRange, version: string): boolean {
  if (range.type === 'GIT') return false
  const readable = readEvents(range.events)
  if (readable === 'unbounded') return true
  if (!beforeLimits(readable.limits, version)) return false
  return readable.intervals.some(interval => inInterval(interval, version))
}

/** From `from` up to `until` (excluded) or `through` (included), or with no end. */
interface Interval {
  from: string | typeof BEGINNING
  until?: string
  through?: string
}

function inInterval({ from, until, through }: Interval, version: string): boolean {
  if (from !== BEGINNING && compareVersions(version, from) < 0) return false
  if (until !== undefined) return compareVersions(version, until) < 0
  return through === undefined || compareVersions(version, through) <= 0
}

/**
 * The sorted events as osv.dev pairs them (enumerate_versions in osv/impact.py): an
 * `introduced` opens an interval, the next `fixed` or `last_affected` closes it, and a closing
 * event with no open interval closes nothing. The schema's pseudocode reads the same wherever
 * no two events share a version; at a shared one it lets a `fixed: X` listed after a
 * `last_affected: X` unflag X, which osv.dev (and this) still reports: the reading that
 * reports more.
 */
function intervalsOf(events: readonly Event[]): Interval[] {
  const intervals: Interval[] = []
  let open: Interval | undefined
  for (const event of events) {
    if (event.bound === 'introduced') {
      if (open === undefined) open = { from: event.at }
    } else if (open !== undefined && event.at !== BEGINNING) {
      intervals.push(
        event.bound === 'fixed' ? { ...open, until: event.at } : { ...open, through: event.at }
      )
      open = undefined
    }
  }
  if (open !== undefined) intervals.push(open)
  return intervals
}

type Readable = { intervals: Interval[]; limits: string[] } | 'unbounded'
/** Records are not modified once loaded, so each range is read, sorted and paired once. */
const readableRanges = new WeakMap<readonly OsvEvent[], Readable>()

function readEvents(raw: readonly OsvEvent[]): Readable {
  let readable = readableRanges.get(raw)
  if (readable === undefined) {
    const sorted = sortedEvents(raw)
    readable =
      sorted === 'unbounded'
        ? sorted
        : { intervals: intervalsOf(sorted.events), limits: sorted.limits }
    readableRanges.set(raw, readable)
  }
  return readable
}

/**
 * Real records carry events that are not PEP 440 (`2.6.0-NA`, `2024-12-04`, `7.2.0-12.1`).
 * We cannot know where such a bound sits, so each is read in the way that can only widen the
 * range, never hide an affected release (a security tool prefers a false alarm):
 * - an unreadable `fixed` / `last_affected` is dropped, so the interval it closed stays open
 *   up to the next readable fix (or forever). Removing a closing event can only turn
 *   "not affected" into "affected", wherever the real bound was.
 * - an unreadable `limit` counts as `*` (no limit).
 * - an unreadable `introduced` could be just below any version, so the range affects every
 *   version ('unbounded').
 * This matches what osv.dev effectively does: its legacy-version fallback sorts such strings
 * below every real version, so they open or close nothing after `introduced: "0"`.
 */
function sortedEvents(
  raw: readonly OsvEvent[]
): { events: Event[]; limits: string[] } | 'unbounded' {
  const events: Event[] = []
  const limits: string[] = []
  for (const object of raw) {
    for (const bound of BOUNDS) {
      const value = object[bound]
      if (value === undefined) continue
      if (bound === 'limit') {
        limits.push(value.includes('*') || !isPep440(value) ? '*' : value)
      } else if (bound === 'introduced' && value === '0') {
        events.push({ bound, at: BEGINNING })
      } else if (isPep440(value)) {
        events.push({ bound, at: value })
      } else if (bound === 'introduced') {
        return 'unbounded'
      }
    }
  }
  // The schema evaluates events in version order, whatever order the record lists them in
  // (`sorted(range.events)`), and says nothing of events at equal versions. osv.dev sorts with
  // Python's stable sort (enumerate_versions in osv/impact.py), and so do we: events at equal
  // versions keep the record's order. `fixed: X` then `introduced: X` reopens the range at X
  // (real PYSEC-2024-258, scrapy, splits [0, 2.11.2) that way and lists 2.0.0 as affected);
  // `introduced: X` then `fixed: X` is empty. Any fixed order for ties would be wrong for one
  // of the two, and putting `introduced` first would hide 2.0.0 up to 2.11.1 of scrapy.
  events.sort((a, b) => {
    if (a.at === BEGINNING || b.at === BEGINNING) {
      return a.at === b.at ? 0 : a.at === BEGINNING ? -1 : 1
    }
    return compareVersions(a.at, b.at)
  })
  return { events, limits }
}

/**
 * Which of `sorted` (PEP 440 versions, ascending, no two equal) the ranges of `affected`
 * include, as rangeIncludes reads them: sets `covered[i]` for each one. Each interval is
 * found by binary search, so a package with hundreds of advisories and dozens of upgrade
 * candidates (tensorflow) costs intervals x log(candidates) comparisons, not a match per pair.
 * The `versions` list is the caller's to read.
 */
export function markRangesCovering(
  affected: OsvAffected,
  sorted: readonly string[],
  covered: boolean[]
): void {
  for (const range of affected.ranges ?? []) {
    if (range.type === 'GIT') continue
    const readable = readEvents(range.events)
    if (readable === 'unbounded') {
      covered.fill(true, 0, sorted.length)
      return
    }
    const { limits } = readable
    const below =
      limits.length === 0 || limits.includes('*')
        ? sorted.length
        : Math.max(...limits.map(limit => firstAbove(sorted, limit, 0)))
    for (const { from, until, through } of readable.intervals) {
      const start = from === BEGINNING ? 0 : firstAbove(sorted, from, 0)
      const end =
        until !== undefined
          ? firstAbove(sorted, until, 0)
          : through !== undefined
            ? firstAbove(sorted, through, 1)
            : sorted.length
      covered.fill(true, start, Math.min(end, below))
    }
  }
}

/** The first index of `sorted` at or above `bound` (`strict` 0), or above it (`strict` 1). */
function firstAbove(sorted: readonly string[], bound: string, strict: 0 | 1): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (compareVersions(sorted[middle]!, bound) < strict) low = middle + 1
    else high = middle
  }
  return low
}

function beforeLimits(limits: readonly string[], version: string): boolean {
  if (limits.length === 0) return true
  return limits.some(limit => limit === '*' || compareVersions(version, limit) < 0)
}
