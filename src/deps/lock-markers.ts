/**
 * The markers of lockfile entries: the text a dependency carries, and whether the entry is
 * installed on the target the audit is narrowed to. A lock covers every extra and group, so
 * `extra`, `extras` and `dependency_groups` may hold anything.
 */
import { markerComparisonsReason } from './limits.js'
import { normalizeMarkerText } from './marker-text.js'
import {
  evaluateMarker,
  MarkerComparisons,
  MarkerLimitError,
  type PartialMarkerEnvironment
} from './markers.js'
import { RequirementSyntaxError } from './pep508.js'
import { excerpt } from './requirements-syntax.js'
import { entryError, type EntryContext } from './toml-file.js'

export class LockMarkers {
  private readonly comparisons = new MarkerComparisons()
  private readonly results = new Map<string, boolean>()

  /** `environment`: the target; undefined: every entry applies, and markers are not evaluated. */
  constructor(private readonly environment: PartialMarkerEnvironment | undefined) {}

  get narrowing(): boolean {
    return this.environment !== undefined
  }

  /** Whether an entry with this marker is installed on the target (always without one of them). */
  applies(marker: string | undefined, context: EntryContext): boolean {
    if (this.environment === undefined || marker === undefined || marker.trim() === '') return true
    let result = this.results.get(marker)
    if (result === undefined) {
      result = this.evaluate(marker, context)
      this.results.set(marker, result)
    }
    return result
  }

  private evaluate(marker: string, context: EntryContext): boolean {
    try {
      return evaluateMarker(marker, this.environment!, null, this.comparisons)
    } catch (error) {
      if (error instanceof MarkerLimitError) throw entryError(context, markerComparisonsReason())
      if (!(error instanceof RequirementSyntaxError)) throw error
      throw entryError(context, `invalid marker ${excerpt(marker)}: ${error.message}`)
    }
  }
}

/** A lockfile's marker as a dependency carries it: whitespace normalised; none when empty. */
export function lockMarkerText(marker: string | undefined): string | undefined {
  if (marker === undefined) return undefined
  const text = normalizeMarkerText(marker)
  return text === '' ? undefined : text
}
