/**
 * How old an offline advisory database may be before a run warns about it. A stale database
 * is a silent false negative: advisories published since it was downloaded are simply not
 * there, and the run still passes. The max-db-age input is read by src/config/.
 */

/** Where a fresh copy comes from: OSV's per-ecosystem export, the layout the database reads. */
export const PYPI_ALL_ZIP_URL = 'https://osv-vulnerabilities.storage.googleapis.com/PyPI/all.zip'

const HOUR_MS = 60 * 60 * 1000
const DAY_MS = 24 * HOUR_MS

/**
 * A warning when the database's newest `modified` date is more than `maxAgeDays` before
 * `now`, or when it has no date at all (its age is unknown, which is no better). Undefined
 * when the data is fresh enough or the check is off (`maxAgeDays` 0).
 */
export function stalenessWarning(
  newest: Date | undefined,
  maxAgeDays: number,
  now: Date
): string | undefined {
  if (maxAgeDays <= 0) return undefined
  const refresh =
    `Download ${PYPI_ALL_ZIP_URL} again (or your mirror of it) before auditing, ` +
    `or raise max-db-age (0 turns this check off).`
  if (newest === undefined || Number.isNaN(newest.getTime())) {
    return (
      `The offline advisory database has no advisory with a modified date, so its age is ` +
      `unknown. Stale data is a silent false negative: advisories published since the ` +
      `download are missing and the audit still passes. ${refresh}`
    )
  }
  const ageMs = now.getTime() - newest.getTime()
  if (ageMs <= maxAgeDays * DAY_MS) return undefined
  return (
    `The offline advisory database is ${duration(ageMs)} old (newest advisory modified ` +
    `${newest.toISOString()}), over the max-db-age limit of ${duration(maxAgeDays * DAY_MS)}. ` +
    `Stale data is a silent false negative: advisories published since then are missing and ` +
    `the audit still passes. ${refresh}`
  )
}

/** Whole days from two days up (rounded down) or when exact, hours otherwise: 36h reads so. */
function duration(ms: number): string {
  const days = Math.floor(ms / DAY_MS)
  if (days >= 2 || (days === 1 && ms === DAY_MS)) return days === 1 ? '1 day' : `${days} days`
  const hours = Math.floor(ms / HOUR_MS)
  return hours === 1 ? '1 hour' : `${hours} hours`
}
