/**
 * Where each package of a uv.lock is installed. uv writes markers on the edges of the graph, not
 * on packages: a package is installed where some path from the project reaches it with every
 * marker on the path holding. Conditions are kept in disjunctive normal form (any of the terms,
 * each all of its markers) and computed to a fixed point over the graph, cycles included.
 *
 * Bounded, and only ever widened: a term keeps at most MAX_TERM_MARKERS markers (dropping one
 * widens it), a condition at most MAX_TERMS terms (beyond: everywhere), and past a work budget
 * every package counts as installed everywhere. A wider condition is audited more often, never
 * less, so narrowing to a target never drops a package the target installs.
 */
import { allOfMarkers, anyOfMarkers } from './marker-text.js'

/** An edge resolved to the locked packages it may mean (several only when the name is ambiguous). */
export interface UvEdge {
  targets: number[]
  extras: string[]
  /** The edge's marker, whitespace normalised. */
  marker?: string
}

export interface UvGraph {
  /** Edges from the project (its dependencies, extras and groups) and the manifest. */
  roots: readonly UvEdge[]
  /** Each package's edges. */
  edges: readonly (readonly UvEdge[])[]
  /** Each package's edges for each of its extras. */
  extraEdges: readonly ReadonlyMap<string, readonly UvEdge[]>[]
}

/** Markers (by their number in the lock) that must all hold, ascending. */
type Term = readonly number[]

/** Terms any of which may hold, without a term that another implies; `key` tells them apart. */
interface Condition {
  terms: readonly Term[]
  key: string
}

const EVERYWHERE: Condition = { terms: [[]], key: '' }
const MAX_TERMS = 8
const MAX_TERM_MARKERS = 4
/**
 * Work (terms built or compared) allowed per node and edge of the graph, and at least: a lock
 * that a tool writes needs a small part of it; past it every package counts as everywhere.
 */
const WORK_PER_ITEM = 40
const MIN_WORK = 200_000

/** Where each package is installed, by index; see installConditions. */
export interface InstallConditions {
  /** The condition of a package as a marker; undefined for everywhere. */
  marker(index: number): string | undefined
  /** Whether a package is installed where `holds` says each marker holds. */
  holds(index: number, holds: (marker: string) => boolean): boolean
}

/**
 * The condition of each package: where it is installed. A package that no path from the project
 * reaches (or every package, when the work budget ran out) counts as installed everywhere.
 */
export function installConditions(graph: UvGraph): InstallConditions {
  const count = graph.edges.length
  const markers: string[] = []
  const numbers = new Map<string, number>()
  const numberOf = (marker: string): number => {
    let number = numbers.get(marker)
    if (number === undefined) {
      number = markers.length
      markers.push(marker)
      numbers.set(marker, number)
    }
    return number
  }
  const conditions: (Condition | undefined)[] = new Array<Condition | undefined>(count)
  const extraConditions = new Map<string, Condition>()
  const queue: Array<number | string> = []
  const edgeCount = graph.edges.reduce((sum, edges) => sum + edges.length, graph.roots.length)
  let work = MIN_WORK + WORK_PER_ITEM * (count + edgeCount)

  const reach = (edge: UvEdge, from: Condition): void => {
    work -= from.terms.length
    const via = edge.marker === undefined ? from : and(from, numberOf(edge.marker))
    for (const target of edge.targets) {
      work -= (conditions[target]?.terms.length ?? 0) + via.terms.length
      const widened = widen(conditions[target], via)
      if (widened) {
        conditions[target] = widened
        queue.push(target)
      }
      for (const extra of edge.extras) {
        const key = `${target}[${extra}]`
        const current = extraConditions.get(key)
        work -= (current?.terms.length ?? 0) + via.terms.length
        const widenedExtra = widen(current, via)
        if (widenedExtra) {
          extraConditions.set(key, widenedExtra)
          queue.push(key)
        }
      }
    }
  }

  for (const edge of graph.roots) reach(edge, EVERYWHERE)
  // First in, first out: a package is seen after the ones nearer the project, so fewer times.
  for (let next = 0; next < queue.length && work > 0; next++) {
    const node = queue[next]!
    if (typeof node === 'number') {
      for (const edge of graph.edges[node]!) reach(edge, conditions[node]!)
    } else {
      const bracket = node.indexOf('[')
      const index = Number(node.slice(0, bracket))
      const extra = node.slice(bracket + 1, -1)
      for (const edge of graph.extraEdges[index]!.get(extra) ?? [])
        reach(edge, extraConditions.get(node)!)
    }
  }
  const settled = work > 0
  const conditionOf = (index: number): Condition => (settled && conditions[index]) || EVERYWHERE
  return {
    marker: index => {
      const { terms } = conditionOf(index)
      if (isEverywhere(terms)) return undefined
      return anyOfMarkers(terms.map(term => allOfMarkers(term.map(n => markers[n]!))!))
    },
    holds: (index, holds) =>
      conditionOf(index).terms.some(term => term.every(n => holds(markers[n]!)))
  }
}

function isEverywhere(terms: readonly Term[]): boolean {
  return terms.some(term => term.length === 0)
}

/** `current` or `added` (current undefined: nothing yet); undefined when that is no wider. */
function widen(current: Condition | undefined, added: Condition): Condition | undefined {
  if (current === undefined) return added
  if (isEverywhere(current.terms)) return undefined
  const merged = simplify([...current.terms, ...added.terms])
  return merged.key === current.key ? undefined : merged
}

function and(condition: Condition, marker: number): Condition {
  return simplify(
    condition.terms.map(term => {
      if (term.includes(marker) || term.length >= MAX_TERM_MARKERS) return term
      return [...term, marker].sort((a, b) => a - b)
    })
  )
}

/** Terms that another term already implies dropped; past MAX_TERMS, everywhere. */
function simplify(terms: readonly Term[]): Condition {
  if (isEverywhere(terms)) return EVERYWHERE
  const sorted = [...terms].sort((x, y) => x.length - y.length)
  const kept: Term[] = []
  for (const term of sorted) {
    if (kept.some(other => other.every(marker => term.includes(marker)))) continue
    kept.push(term)
    if (kept.length > MAX_TERMS) return EVERYWHERE
  }
  const keys = kept.map(term => term.join(','))
  const order = keys.map((_, index) => index).sort((a, b) => (keys[a]! < keys[b]! ? -1 : 1))
  return { terms: order.map(index => kept[index]!), key: order.map(index => keys[index]).join('|') }
}
