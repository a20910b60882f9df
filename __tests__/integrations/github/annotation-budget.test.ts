import { describe, expect, test } from '@jest/globals'
import {
  annotationBudget,
  MAX_ANNOTATIONS,
  planAnnotations
} from '../../../src/integrations/github/annotations.js'
import { dependency, outcome, reportedPackage, vulnerability } from '../../support/fixtures.js'

/** `count` packages, one finding each: failing ones (errors) or below the gate (warnings). */
function findings(count: number, failing: boolean) {
  return outcome(
    Array.from({ length: count }, (_, i) =>
      reportedPackage(dependency(`pkg${i}`, '1.0', '/repo/requirements.txt', i + 1), [
        vulnerability(`V-${i}`, { failing })
      ])
    )
  )
}

describe('annotationBudget', () => {
  test("a failing step keeps one error for its own message; the run's warnings are spent", () => {
    expect(annotationBudget({ failing: true, warnings: 3 })).toEqual({ error: 9, warning: 7 })
    expect(annotationBudget({ failing: false, warnings: 0 })).toEqual({ error: 10, warning: 10 })
    expect(annotationBudget({ failing: true, errors: 2, warnings: 14 })).toEqual({
      error: 7,
      warning: 0
    })
  })
})

describe('planAnnotations within a budget', () => {
  test('more errors than the budget: the last slot it leaves counts the rest', () => {
    const annotations = planAnnotations(findings(15, true), '/repo', { error: 9, warning: 10 })
    expect(annotations).toHaveLength(9)
    expect(annotations.slice(0, 8).every(a => a.title.startsWith('pkg'))).toBe(true)
    expect(annotations[8]).toMatchObject({ level: 'error', title: '7 more' })
  })

  test('exactly the budget: every finding, no count', () => {
    const annotations = planAnnotations(findings(9, true), '/repo', { error: 9, warning: 10 })
    expect(annotations.map(a => a.title.split(' ')[0])).toEqual(
      Array.from({ length: 9 }, (_, i) => `pkg${i}`)
    )
  })

  test('a budget of one is only the count; of none, nothing', () => {
    expect(planAnnotations(findings(4, false), '/repo', { error: 10, warning: 1 })).toEqual([
      expect.objectContaining({ level: 'warning', title: '4 more' })
    ])
    expect(planAnnotations(findings(4, false), '/repo', { error: 10, warning: 0 })).toEqual([])
  })

  test('without a budget, GitHub limit of each level', () => {
    expect(planAnnotations(findings(15, true), '/repo')).toHaveLength(MAX_ANNOTATIONS)
  })
})
