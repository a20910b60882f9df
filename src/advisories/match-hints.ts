/**
 * What each pin matched in earlier runs: `name==version` -> advisory ids, kept beside the
 * record cache so that a warm run can read the records it will probably need while its
 * /v1/querybatch is still on the wire. A hint only says which files to read early; the
 * answer of the querybatch still decides which records are used, so a stale, damaged or
 * forged hints file costs time, never a finding.
 *
 * Each pin also keeps the upgrade recommended for it, under the fingerprint of the records
 * it was worked out from (see upgrade.ts): the same pin with the same records gets the same
 * answer without the search over every listed version.
 */
import { readFileSync } from 'node:fs'
import { writeFileAtomically } from './atomic-file.js'
import { isObject, isStringList } from '../shared/json-shape.js'
import type { PackageVersion } from './osv.js'

const FORMAT = 2
/** Pins kept at most: one cache directory may serve many projects over a long time. */
export const MAX_HINTED_PINS = 50_000

interface PinNotes {
  ids: readonly string[]
  /** [fingerprint of the records, the upgrade recommended from them]. */
  advice?: readonly [string, string | null]
}

export class MatchHints {
  private pins = new Map<string, PinNotes>()
  private loaded = false
  private changed = false

  constructor(private readonly file: string) {}

  /** True once `remember` learnt something the file does not hold yet. */
  get dirty(): boolean {
    return this.changed
  }

  /** The ids the pins matched last time, each once, in the order of the pins. */
  idsFor(pins: readonly PackageVersion[]): string[] {
    this.load()
    const ids = new Set<string>()
    for (const pin of pins) for (const id of this.pins.get(pinKey(pin))?.ids ?? []) ids.add(id)
    return [...ids]
  }

  /** The upgrade recommended for `pin` from the records of `fingerprint`, if known. */
  adviceFor(pin: PackageVersion, fingerprint: string): string | null | undefined {
    this.load()
    const advice = this.pins.get(pinKey(pin))?.advice
    return advice?.[0] === fingerprint ? advice[1] : undefined
  }

  rememberAdvice(pin: PackageVersion, fingerprint: string, upgrade: string | null): void {
    this.load()
    const key = pinKey(pin)
    const notes = this.pins.get(key) ?? { ids: [] }
    if (notes.advice?.[0] === fingerprint && notes.advice[1] === upgrade) return
    this.pins.set(key, { ...notes, advice: [fingerprint, upgrade] })
    this.changed = true
  }

  /** What each pin matched in this run; `matched[i]` belongs to `pins[i]`. */
  remember(pins: readonly PackageVersion[], matched: readonly (readonly string[])[]): void {
    this.load()
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
    for (const [key, notes] of this.pins) {
      if (fresh.size >= MAX_HINTED_PINS) break
      if (!fresh.has(key)) fresh.set(key, notes)
    }
    this.pins = fresh
  }

  /** Writes the hints when they changed, atomically. Throws what the file system throws. */
  save(): void {
    if (!this.changed) return
    const pins = Object.fromEntries(this.pins)
    writeFileAtomically(this.file, JSON.stringify({ format: FORMAT, pins }))
    this.changed = false
  }

  private load(): void {
    if (this.loaded) return
    this.loaded = true
    try {
      this.pins = parseHints(readFileSync(this.file, 'utf8'))
    } catch {
      // No file yet, or one that cannot be read: no hints, and the next save replaces it.
    }
  }
}

function pinKey(pin: PackageVersion): string {
  return `${pin.name}==${pin.version}`
}

/** The file's pins, or none at all when any part of it is not what save wrote. */
function parseHints(text: string): Map<string, PinNotes> {
  const value: unknown = JSON.parse(text)
  const pins = new Map<string, PinNotes>()
  if (!isObject(value) || value.format !== FORMAT || !isObject(value.pins)) return pins
  for (const [key, notes] of Object.entries(value.pins)) {
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
      advice.length === 2 &&
      typeof advice[0] === 'string' &&
      (advice[1] === null || typeof advice[1] === 'string'))
  )
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i])
}
