/**
 * Where the packages of a uv.lock graph are installed, against a brute-force walk: under any
 * assignment of the markers, a package is installed exactly when some path from the roots
 * reaches it with every marker on it true (exact while the bounds are not reached, and never
 * narrower once they are).
 */
import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import { installConditions, type UvEdge, type UvGraph } from '../../src/deps/uv-conditions.js'

const MARKERS = ['m0', 'm1', 'm2', 'm3']

/** The packages some path reaches with every marker on it true under `truth`. */
function reachable(graph: UvGraph, truth: Record<string, boolean>): Set<number> {
  const seen = new Set<number>()
  const seenExtras = new Set<string>()
  const stack: UvEdge[] = [...graph.roots]
  while (stack.length > 0) {
    const edge = stack.pop()!
    if (edge.marker !== undefined && !truth[edge.marker]) continue
    for (const target of edge.targets) {
      if (!seen.has(target)) {
        seen.add(target)
        stack.push(...graph.edges[target]!)
      }
      for (const extra of edge.extras) {
        if (seenExtras.has(`${target}[${extra}]`)) continue
        seenExtras.add(`${target}[${extra}]`)
        stack.push(...(graph.extraEdges[target]!.get(extra) ?? []))
      }
    }
  }
  return seen
}

const edge = (size: number) =>
  fc.record({
    target: fc.nat(size - 1),
    marker: fc.option(fc.constantFrom(...MARKERS), { nil: undefined }),
    extra: fc.boolean()
  })

/** Small graphs, cycles and extras included, over four markers (no bound is ever reached). */
const graphs = fc.integer({ min: 1, max: 7 }).chain(size =>
  fc
    .record({
      roots: fc.array(edge(size), { minLength: 1, maxLength: 3 }),
      edges: fc.array(fc.array(edge(size), { maxLength: 3 }), { minLength: size, maxLength: size }),
      extras: fc.array(fc.array(edge(size), { maxLength: 2 }), { minLength: size, maxLength: size })
    })
    .map(({ roots, edges, extras }): UvGraph => {
      const toEdge = (e: { target: number; marker: string | undefined; extra: boolean }) => ({
        targets: [e.target],
        extras: e.extra ? ['x'] : [],
        ...(e.marker !== undefined && { marker: e.marker })
      })
      return {
        roots: roots.map(toEdge),
        edges: edges.map(list => list.map(toEdge)),
        extraEdges: extras.map(list => new Map([['x', list.map(toEdge)]]))
      }
    })
)

describe('installConditions', () => {
  test('a package holds under an assignment exactly when a true path reaches it', () => {
    fc.assert(
      fc.property(graphs, fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), (graph, bits) => {
        const truth = Object.fromEntries(MARKERS.map((marker, i) => [marker, bits[i]!]))
        const conditions = installConditions(graph)
        const reached = reachable(graph, truth)
        const everywhere = reachable(graph, Object.fromEntries(MARKERS.map(m => [m, true])))
        graph.edges.forEach((_, index) => {
          // A package no path reaches at all counts as everywhere: it is still audited.
          const expected = reached.has(index) || !everywhere.has(index)
          expect([index, conditions.holds(index, marker => truth[marker]!)]).toEqual([
            index,
            expected
          ])
        })
      }),
      { numRuns: 500 }
    )
  })

  test('the marker shown is the condition: unconditional packages have none', () => {
    const graph: UvGraph = {
      roots: [
        { targets: [0], extras: [] },
        { targets: [1], extras: [], marker: 'a == "1"' }
      ],
      edges: [
        [{ targets: [2], extras: [], marker: 'b == "2" or c == "3"' }],
        [{ targets: [2], extras: [] }],
        []
      ],
      extraEdges: [new Map(), new Map(), new Map()]
    }
    const conditions = installConditions(graph)
    expect([0, 1, 2].map(index => conditions.marker(index))).toEqual([
      undefined,
      'a == "1"',
      'a == "1" or (b == "2" or c == "3")'
    ])
  })

  test('past the work budget every package counts as installed everywhere, quickly', () => {
    // 50 layers of 20, each package depending on the whole next layer under its own marker.
    const layers = 50
    const width = 20
    let counter = 0
    const edges = Array.from({ length: layers * width }, (_, index) => {
      const layer = Math.floor(index / width)
      if (layer === layers - 1) return []
      return Array.from({ length: width }, (_, next) => ({
        targets: [(layer + 1) * width + next],
        extras: [],
        marker: `python_version == "3.${counter++ % 7}"`
      }))
    })
    const graph: UvGraph = {
      roots: Array.from({ length: width }, (_, index) => ({
        targets: [index],
        extras: [],
        marker: `os_name == "r${index}"`
      })),
      edges,
      extraEdges: edges.map(() => new Map())
    }
    const started = performance.now()
    const conditions = installConditions(graph)
    expect(performance.now() - started).toBeLessThan(2000)
    edges.forEach((_, index) => {
      expect(conditions.marker(index)).toBeUndefined()
      expect(conditions.holds(index, () => false)).toBe(true)
    })
  })
})
