/**
 * What each pin matched in earlier runs: `name==version` -> advisory ids, kept beside the
 * record cache so that a warm run can read the records it will probably need while its
 * /v1/querybatch is still on the wire. A hint only says which files to read early; the
 * answer of the querybatch still decides which records are used, so a stale, damaged or
 * forged hints file costs time, never a finding.
 */
import { randomBytes } from 'node:crypto'
import { readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs'
import { isObject } from '../json-shape.js'
import type { PackageVersion } from './osv.js'

const FORMAT = 1
/** Pins kept at most: one cache directory may serve many projects over a long time. */
export const MAX_HINTED_PINS = 50_000

export class MatchHints {
  private pins = new Map<string, readonly string[]>()
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
    for (const pin of pins) for (const id of this.pins.get(pinKey(pin)) ?? []) ids.add(id)
    return [...ids]
  }

  /** What each pin matched in this run; `matched[i]` belongs to `pins[i]`. */
  remember(pins: readonly PackageVersion[], matched: readonly (readonly string[])[]): void {
    this.load()
    const fresh = new Map<string, readonly string[]>()
    pins.forEach((pin, i) => {
      const ids = matched[i] ?? []
      const key = pinKey(pin)
      if (!sameIds(this.pins.get(key), ids)) this.changed = true
      fresh.set(key, ids)
    })
    if (!this.changed) return
    // This run's pins first, so the cap drops the pins not seen for longest.
    for (const [key, ids] of this.pins) {
      if (fresh.size >= MAX_HINTED_PINS) break
      if (!fresh.has(key)) fresh.set(key, ids)
    }
    this.pins = fresh
  }

  /** Writes the hints when they changed, atomically. Throws what the file system throws. */
  save(): void {
    if (!this.changed) return
    const temp = `${this.file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
    try {
      writeFileSync(temp, JSON.stringify({ format: FORMAT, pins: Object.fromEntries(this.pins) }))
      renameSync(temp, this.file)
    } catch (error) {
      try {
        unlinkSync(temp)
      } catch {
        // Never written.
      }
      throw error
    }
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
function parseHints(text: string): Map<string, readonly string[]> {
  const value: unknown = JSON.parse(text)
  const pins = new Map<string, readonly string[]>()
  if (!isObject(value) || value.format !== FORMAT || !isObject(value.pins)) return pins
  for (const [key, ids] of Object.entries(value.pins)) {
    if (!Array.isArray(ids) || !ids.every(id => typeof id === 'string')) return new Map()
    pins.set(key, ids as string[])
  }
  return pins
}

function sameIds(a: readonly string[] | undefined, b: readonly string[]): boolean {
  return a !== undefined && a.length === b.length && a.every((id, i) => id === b[i])
}
