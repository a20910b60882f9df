/**
 * A pull-request comment must fit GitHub's 65,536 characters: the report in it is shortened the
 * way the job summary is, never cut inside a `<details>` that would then swallow the rest.
 */
import { describe, expect, test } from '@jest/globals'
import {
  commentBody,
  commentMarkdown,
  MAX_COMMENT_LENGTH,
  MAX_COMMENT_MARKDOWN
} from '../../../src/integrations/github/comment.js'
import { closeOpenBlocks } from '../../../src/integrations/github/summary.js'
import { renderMarkdown } from '../../../src/report/markdown.js'
import { dependency, outcome, reportedPackage, vulnerability } from '../../support/fixtures.js'

const OPTIONS = { repositoryRoot: '/repo' }

/** Balanced: every `<details>` opened is closed, and none closes before it opens. */
function expectFoldsClosed(markdown: string): void {
  let depth = 0
  for (const tag of markdown.match(/<\/?details>/g) ?? []) {
    depth += tag === '<details>' ? 1 : -1
    expect(depth).toBeGreaterThanOrEqual(0)
  }
  expect(depth).toBe(0)
}

describe('the comment’s report', () => {
  test('30 packages with long advisories are shortened below the limit, every fold closed', () => {
    const big = outcome(
      Array.from({ length: 60 }, (_, i) =>
        reportedPackage(
          dependency(`package-${i}`, '1.0', '/repo/requirements.txt', i + 1),
          Array.from({ length: 12 }, (_, j) =>
            vulnerability(`GHSA-${i}-${j}`, { description: 'x'.repeat(400) })
          )
        )
      )
    )
    // What the comment used to carry: well over GitHub's limit, so commentBody had to cut it.
    const thirty = renderMarkdown(big, { ...OPTIONS, maxPackages: 30 })
    expect(thirty.length).toBeGreaterThan(MAX_COMMENT_LENGTH)

    const markdown = commentMarkdown(big, OPTIONS)
    expect(markdown.length).toBeLessThanOrEqual(MAX_COMMENT_MARKDOWN)
    expect(markdown).toContain('### ❌ Failed')
    expect(markdown).toContain("Shortened to fit GitHub's comment limit")
    expectFoldsClosed(markdown)
    // Still the 30 worst in the overview, not more: the shorter forms never loosen it.
    expect(markdown.match(/^\| \*\*package-\d+\*\* \|/gm)).toHaveLength(30)

    const body = commentBody(markdown, '<!-- m -->', {
      resolvedAt: '0123456789abcdef0123456789abcdef01234567'
    })
    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_LENGTH)
    expect(body).not.toContain('This comment was cut')
  })

  test('a report that fits is the summary’s first 30 packages, untouched', () => {
    const small = outcome([
      reportedPackage(dependency('a', '1.0', '/repo/r.txt', 1), [vulnerability('V-1')])
    ])
    expect(commentMarkdown(small, OPTIONS)).toBe(
      renderMarkdown(small, { ...OPTIONS, maxPackages: 30 })
    )
  })

  test('what only a cut brings under the limit has its open fold closed before the note', () => {
    const skipped = Array.from({ length: 2000 }, (_, i) => ({
      name: `https://files.example/pkg-${i}.tar.gz`,
      reason: 'URL requirement: not a released version on an index',
      location: { file: '/repo/requirements.txt', line: i + 1 },
      format: 'requirements' as const
    }))
    const many = outcome([], { skipped })
    const markdown = commentMarkdown(many, OPTIONS, 20_000)
    expect(markdown.length).toBeLessThanOrEqual(20_000)
    expect(markdown).toMatch(/\|\n<\/details>\n\n_Shortened to fit GitHub's comment limit/)
    expectFoldsClosed(markdown)
  })
})

describe('closeOpenBlocks', () => {
  test('closes a fence, then the folds around it; a tag inside the fence is text', () => {
    const head = [
      '<details><summary>outer</summary>',
      '<details><summary>The patch</summary>',
      '````diff',
      '+</details>',
      '+```'
    ].join('\n')
    expect(closeOpenBlocks(head)).toBe('````\n</details>\n</details>\n')
    expect(closeOpenBlocks('<details>a</details>\n```\nx\n```')).toBe('')
  })
})
