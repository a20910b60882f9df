import { expect, test } from '@jest/globals'
import { fitSummary, MAX_SUMMARY_BYTES } from '../../../src/integrations/github/summary.js'
import { renderMarkdown } from '../../../src/report/markdown.js'
import { dependency, outcome, reportedPackage, vulnerability } from '../../support/fixtures.js'

test('a summary over GitHub limit is shortened below it, and says where the full one is', () => {
  const huge = outcome(
    Array.from({ length: 3000 }, (_, i) =>
      reportedPackage(
        dependency(`package-${i}`, '1.0', '/repo/requirements.txt', i + 1),
        Array.from({ length: 3 }, (_, j) =>
          vulnerability(`GHSA-${i}-${j}`, { description: 'x'.repeat(400) })
        )
      )
    )
  )
  const full = renderMarkdown(huge, { repositoryRoot: '/repo' })
  expect(Buffer.byteLength(full)).toBeGreaterThan(MAX_SUMMARY_BYTES)
  const fitted = fitSummary(full, huge, '/repo')
  expect(Buffer.byteLength(fitted)).toBeLessThanOrEqual(MAX_SUMMARY_BYTES)
  expect(fitted).toContain('### ❌ Failed')
  expect(fitted).toContain('…and 2900 more vulnerable packages')
  expect(fitted).toContain('the full summary is pyaudit-summary.md in the workflow artifact')
})

test('a summary that fits is left whole', () => {
  const small = outcome([
    reportedPackage(dependency('a', '1.0', '/repo/r.txt', 1), [vulnerability('V-1')])
  ])
  const full = renderMarkdown(small, { repositoryRoot: '/repo' })
  expect(fitSummary(full, small, '/repo')).toBe(full)
})
