/**
 * Markers as text: what a conditional pin carries (`Dependency.marker`) and what reports show
 * next to its findings. Markers are kept as written, whitespace normalised; markers met together
 * are joined, never simplified.
 */

/** Quoted strings (kept as they are), whitespace, operators, parentheses, words. */
const TOKEN = /("[^"]*"?|'[^']*'?)|(\s+)|([<>=!~]+)|([()])|([^\s"'<>=!~()]+)/g

/**
 * The marker with its whitespace normalised: one space between tokens and around operators,
 * none inside parentheses; quoted strings untouched. `os_name=="nt"` becomes `os_name == "nt"`.
 */
export function normalizeMarkerText(marker: string): string {
  const parts: string[] = []
  let previous = ''
  for (const match of marker.matchAll(TOKEN)) {
    if (match[2] !== undefined) continue
    const token = match[0]
    if (parts.length > 0 && previous !== '(' && token !== ')') parts.push(' ')
    parts.push(token)
    previous = token
  }
  return parts.join('')
}

/** A marker that holds where any of `markers` holds (none: undefined). */
export function anyOfMarkers(markers: readonly string[]): string | undefined {
  const distinct = [...new Set(markers)]
  if (distinct.length <= 1) return distinct[0]
  return distinct.map(marker => (/\s(and|or)\s/.test(marker) ? `(${marker})` : marker)).join(' or ')
}

/** A marker that holds where all of `markers` hold (none: undefined, always). */
export function allOfMarkers(markers: readonly string[]): string | undefined {
  const distinct = [...new Set(markers)]
  if (distinct.length <= 1) return distinct[0]
  return distinct.map(marker => (/\sor\s/.test(marker) ? `(${marker})` : marker)).join(' and ')
}

/**
 * The condition under which a package is installed, from the pins that declare it: where any
 * of their markers holds; undefined when one of them is unconditional (or there are none).
 */
export function conditionOf(declarations: readonly { marker?: string }[]): string | undefined {
  const markers: string[] = []
  for (const declaration of declarations) {
    if (declaration.marker === undefined) return undefined
    markers.push(declaration.marker)
  }
  return anyOfMarkers(markers)
}
