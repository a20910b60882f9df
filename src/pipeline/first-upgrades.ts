/**
 * The first upgrade candidate of each pin, worked out while the lookup is still fetching. A
 * cold run's records come in over several round trips; the feed says as soon as a pin has all
 * of its own (OsvApiFeedOptions.onRecords), and its candidate is worked out between answers,
 * a slice at a time, instead of for every pin at once after the last answer, when the run
 * has to wait for it before it can ask the feed about any candidate (verify-upgrades.ts).
 *
 * Only ever a head start: a candidate is used for the records it was worked out from (by id
 * and `modified`), and worked out again for any other. Each finding's severity is worked out
 * in the same slices (severityOf keeps it): once the last record is in, nothing the run does
 * waits on a round trip any more, so what can be done between answers is done then.
 */
import type { OsvRecord, PackageVersion } from '../advisories/osv.js'
import { severityOf } from '../advisories/severity.js'
import { rememberedRecommendation, type UpgradeAdviceStore } from '../advisories/upgrade.js'
import { keepVulnerabilities, readByTheLookup, vulnerabilitiesOf } from './look-up.js'

/** Work in slices this long, then let the event loop take in the answers that came. */
const SLICE_MS = 2

export class FirstUpgrades {
  private readonly known = new Map<string, { records: string; upgrade: string | null }>()
  private readonly queue: { pin: PackageVersion; records: readonly OsvRecord[] }[] = []
  private next = 0
  private scheduled = false
  private stopped = false

  constructor(private readonly store: UpgradeAdviceStore | undefined) {}

  /** Every record `pin` matched is in: its candidate is worked out soon. */
  prepare(pin: PackageVersion, records: readonly OsvRecord[]): void {
    if (this.stopped) return
    this.queue.push({ pin, records })
    if (this.scheduled) return
    this.scheduled = true
    setImmediate(this.slice)
  }

  /**
   * rememberedRecommendation's answer for `pin` and the records of its vulnerabilities:
   * worked out now unless it was already, from the same records.
   */
  upgradeFor(pin: PackageVersion, records: readonly OsvRecord[]): string | null {
    const key = pinKey(pin)
    const named = recordsKey(records)
    const known = this.known.get(key)
    if (known?.records === named) return known.upgrade
    const upgrade = rememberedRecommendation(pin, records, this.store)
    this.known.set(key, { records: named, upgrade })
    return upgrade
  }

  /** Later lookups (the verification's own) need no head start: prepare ignores them. */
  stop(): void {
    this.stopped = true
    this.queue.length = 0
    this.next = 0
  }

  private readonly slice = (): void => {
    const until = Date.now() + SLICE_MS
    while (this.next < this.queue.length && Date.now() <= until) {
      const { pin, records } = this.queue[this.next++]!
      if (this.known.has(pinKey(pin))) continue
      let vulnerabilities = readByTheLookup(records, pin.name)
      if (vulnerabilities === undefined) {
        vulnerabilities = vulnerabilitiesOf(records, pin.name)
        keepVulnerabilities(records, pin.name, vulnerabilities)
      }
      for (const vulnerability of vulnerabilities) severityOf(vulnerability.record)
      if (vulnerabilities.length > 0) {
        this.upgradeFor(
          pin,
          vulnerabilities.map(vuln => vuln.record)
        )
      }
    }
    if (this.next < this.queue.length) setImmediate(this.slice)
    else {
      this.scheduled = false
      this.queue.length = 0
      this.next = 0
    }
  }
}

function pinKey(pin: PackageVersion): string {
  return `${pin.name}\u0000${pin.version}`
}

function recordsKey(records: readonly OsvRecord[]): string {
  return records.map(record => `${record.id}\u0000${record.modified}`).join('\n')
}
