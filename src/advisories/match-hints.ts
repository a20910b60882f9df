/**
 * What each pin matched in earlier runs: `name==version` -> advisory ids, kept in the record
 * cache's pack so that a warm run can read the records it will probably need while its
 * /v1/querybatch is still on the wire. A hint only says which records to read early; the
 * answer of the querybatch still decides which records are used, so stale, damaged or forged
 * hints cost time, never a finding.
 *
 * Each pin also keeps the upgrade verified for it, under the fingerprint of the records it
 * was worked out from (see upgrade.ts, which checks a kept answer before using it), and the
 * versions the verification passed on the way: a warm run asks about them all in its first
 * querybatch (verify-upgrades.ts), and the feed's answers, not these, decide.
 */
import { isObject, isStringList } from '../shared/json-shape.js'
import type { PackageVersion } from './osv.js'
import { MAX_KEPT_PASSED } from './upgrade.js'

/** Pins kept at most: one cache directory may serve many projects over a long time. */
export const MAX_HINTED_PINS = 50_000

interface PinNotes {
  ids: readonly string[]
  /** [fingerprint of the records, the upgrade verified from them, versions passed on the way]. */
  advice?: readonly [string, string | null, ...string[]]
}

export class MatchHints {
  private pins: Map<string, PinNotes>
  private changed = false

  /** `stored` is the pack's `pins` (anything: hints that do not check out are none at all). */
  constructor(stored: unknown = undefined) {
    this.pins = parseHints(stored)
  }

  /** True once something was learnt that the stored hints do not hold. */
  get dirty(): boolean {
    return this.changed
  }

  /** The ids the pins matched last time, each once, in the order of the pins. */
  idsFor(pins: readonly PackageVersion[]): string[] {
    const ids = new Set<string>()
    for (const pin of pins) for (const id of this.pins.get(pinKey(pin))?.ids ?? []) ids.add(id)
    return [...ids]
  }

  /** The upgrade recommended for `pin` from the records of `fingerprint`, if known. */
  adviceFor(pin: PackageVersion, fingerprint: string): string | null | undefined {
    const advice = this.pins.get(pinKey(pin))?.advice
    return advice?.[0] === fingerprint ? advice[1] : undefined
  }

  /** Every version the last verification for `pin` asked about, whatever the records. */
  askedFor(pin: PackageVersion): string[] {
    const advice = this.pins.get(pinKey(pin))?.advice
    if (advice === undefined) return []
    const [, upgrade, ...passed] = advice
    return upgrade === null ? passed : [...passed, upgrade]
  }

  rememberAdvice(
    pin: PackageVersion,
    fingerprint: string,
    upgrade: string | null,
    passed: readonly string[] = []
  ): void {
    const key = pinKey(pin)
    const notes = this.pins.get(key) ?? { ids: [] }
    const advice: [string, string | null, ...string[]] = [fingerprint, upgrade, ...passed]
    if (notes.advice && sameAdvice(notes.advice, advice)) return
    this.pins.set(key, { ...notes, advice })
    this.changed = true
  }

  /** What each pin matched in this run; `matched[i]` belongs to `pins[i]`. */
  remember(pins: readonly PackageVersion[], matched: readonly (readonly string[])[]): void {
    const fresh = new Map<string, PinNotes>()
    let learnt = false
    pins.forEach((pin, i) => {
      const ids = matched[i] ?? []
      const key = pinKey(pin)
      const known = this.pins.get(key)
      if (known !== undefined && sameIds(known.ids, ids)) {
        fresh.set(key, known)
      } else {
        learnt = true
        fresh.set(key, { ids })
      }
    })
    if (!learnt) return
    this.changed = true
    // This run's pins first, so the cap drops the pins not seen for longest.
    this.pins = capped(fresh, this.pins)
  }

  /**
   * The hints to store: these, then the pins of `concurrent` (hints another run stored since
   * these were read) that these do not know, within the cap.
   */
  toStored(concurrent?: unknown): Record<string, PinNotes> {
    return Object.fromEntries(capped(this.pins, parseHints(concurrent)))
  }

  /** After the hints were stored. */
  saved(): void {
    this.changed = false
  }
}

function pinKey(pin: PackageVersion): string {
  return `${pin.name}==${pin.version}`
}

/** `first`, then what `rest` adds, up to MAX_HINTED_PINS pins. */
function capped(
  first: ReadonlyMap<string, PinNotes>,
  rest: ReadonlyMap<string, PinNotes>
): Map<string, PinNotes> {
  const merged = new Map<string, PinNotes>()
  for (const source of [first, rest]) {
    for (const [key, notes] of source) {
      if (merged.size >= MAX_HINTED_PINS) return merged
      if (!merged.has(key)) merged.set(key, notes)
    }
  }
  return merged
}

/** The stored pins, or none at all when any part of them is not what toStored wrote. */
function parseHints(stored: unknown): Map<string, PinNotes> {
  const pins = new Map<string, PinNotes>()
  if (!isObject(stored)) return pins
  for (const [key, notes] of Object.entries(stored)) {
    if (!isPinNotes(notes)) return new Map()
    pins.set(key, notes)
  }
  return pins
}

function isPinNotes(value: unknown): value is PinNotes {
  if (!isObject(value) || !isStringList(value.ids)) return false
  const { advice } = value
  return (
    advice === undefined ||
    (Array.isArray(advice) &&
      advice.length >= 2 &&
      advice.length <= 2 + MAX_KEPT_PASSED &&
      typeof advice[0] === 'string' &&
      (advice[1] === null || typeof advice[1] === 'string') &&
      advice.slice(2).every(version => typeof version === 'string'))
  )
}

function sameAdvice(a: readonly (string | null)[], b: readonly (string | null)[]): boolean {
  return a.length === b.length && a.every((part, i) => part === b[i])
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i])
}
