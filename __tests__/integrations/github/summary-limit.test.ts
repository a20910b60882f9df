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
  const fitted = fitSummary(full, huge, { repositoryRoot: '/repo' })
  expect(Buffer.byteLength(fitted)).toBeLessThanOrEqual(MAX_SUMMARY_BYTES)
  expect(fitted).toContain('### ❌ Failed')
  // The overview keeps every package; fewer advisory tables are folded in.
  expect(fitted.match(/^\| \*\*package-\d+\*\* \|/gm)).toHaveLength(3000)
  expect(fitted).toMatch(/The advisories of the other \d+ packages are in the full report/)
  expect(fitted).toContain('the full summary is pyaudit-summary.md in the workflow artifact')
})

test('a summary that fits is left whole', () => {
  const small = outcome([
    reportedPackage(dependency('a', '1.0', '/repo/r.txt', 1), [vulnerability('V-1')])
  ])
  const full = renderMarkdown(small, { repositoryRoot: '/repo' })
  expect(fitSummary(full, small, { repositoryRoot: '/repo' })).toBe(full)
})

test('an overview too long for the limit is cut to its worst packages, the rest counted', () => {
  const huge = outcome(
    Array.from({ length: 20_000 }, (_, i) =>
      reportedPackage(dependency(`package-${i}`, '1.0', '/repo/requirements.txt', i + 1), [
        vulnerability(`GHSA-${i}`)
      ])
    )
  )
  const full = renderMarkdown(huge, { repositoryRoot: '/repo' })
  const fitted = fitSummary(full, huge, { repositoryRoot: '/repo' })
  expect(Buffer.byteLength(fitted)).toBeLessThanOrEqual(MAX_SUMMARY_BYTES)
  expect(fitted).toContain('### ❌ Failed')
  expect(fitted).toContain('…and 19000 more vulnerable packages')
  expect(fitted).not.toContain('<details>')
})

test('what no shorter form brings under the limit is cut at a line end, the verdict kept, the fold closed', () => {
  const skipped = Array.from({ length: 20_000 }, (_, i) => ({
    name: `https://files.example/pkg-${i}.tar.gz`,
    reason: 'URL requirement: not a released version on an index'.repeat(2),
    location: { file: '/repo/requirements.txt', line: i + 1 },
    format: 'requirements' as const
  }))
  const many = outcome([], { skipped })
  const full = renderMarkdown(many, { repositoryRoot: '/repo' })
  const fitted = fitSummary(full, many, { repositoryRoot: '/repo' })
  expect(Buffer.byteLength(full)).toBeGreaterThan(MAX_SUMMARY_BYTES)
  expect(Buffer.byteLength(fitted)).toBeLessThanOrEqual(MAX_SUMMARY_BYTES)
  expect(fitted).toContain('**No known vulnerabilities in 0 packages. · 20000 not audited**')
  // The list of skips is folded: the cut closes the fold, so the note is not hidden in it.
  expect(fitted).toMatch(/\|\n<\/details>\n\n_Shortened to fit GitHub's summary limit/)
  expect(fitted.match(/<details>/g)?.length).toBe(fitted.match(/<\/details>/g)?.length)
})
