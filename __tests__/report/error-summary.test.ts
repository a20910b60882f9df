/**
 * Issue 19, item 1 (the rendering side): an outcome whose result is `error` gives a summary
 * that says what went wrong and what was and was not checked (src/report/markdown-error.ts),
 * never a count that could read as clean; what the run found before the error still shows.
 */
import { describe, expect, test } from '@jest/globals'
import { renderMarkdown } from '../../src/report/markdown.js'
import type { RunError } from '../../src/report/outcome.js'
import { dependency, outcome, reportedPackage, vulnerability } from '../support/fixtures.js'

const ROOT = '/repo'
const FEED_DOWN: RunError = {
  message: 'Advisory feed OSV API (https://api.osv.dev) failed: HTTP 503 <b>down</b>',
  checked: ['dependency files: requirements.txt: 12 pinned dependencies'],
  notChecked: ['advisories: none of the 12 packages looked up in OSV API', 'licenses: not checked']
}

describe('a run that ended in error', () => {
  test('before its verdict: the error and what was not checked, no count, every pin folded as not checked', () => {
    const pins = Array.from({ length: 12 }, (_, i) => ({
      name: `pkg-${i}`,
      version: '1.0',
      reason: `not checked: ${FEED_DOWN.message}`,
      location: { file: `${ROOT}/requirements.txt`, line: i + 1 },
      format: 'requirements' as const
    }))
    const markdown = renderMarkdown(
      outcome([], {
        result: 'error',
        error: FEED_DOWN,
        incomplete: true,
        skipped: pins,
        failureReasons: [FEED_DOWN.message]
      }),
      { repositoryRoot: ROOT }
    )
    expect(markdown).toContain('### ⛔ Error: the audit could not finish')
    expect(markdown).toContain('HTTP 503 &lt;b&gt;down&lt;/b&gt;')
    expect(markdown).toContain('- advisories: none of the 12 packages looked up in OSV API')
    expect(markdown).not.toMatch(/No known vulnerabilities|Passed|packages audited/)
    expect(markdown).toContain(
      '### Not audited (12)\n\n<details><summary>12 dependencies and why</summary>'
    )
    expect(markdown.match(/^\| pkg-\d+ 1\.0 \|/gm)).toHaveLength(12)
  })

  test('after its verdict: the error first, then what the audit had found', () => {
    const markdown = renderMarkdown(
      outcome(
        [
          reportedPackage(
            dependency('requests', '2.19.1', `${ROOT}/requirements.txt`, 3),
            [vulnerability('PYSEC-2018-28')],
            '2.20.0'
          )
        ],
        {
          result: 'error',
          error: { message: 'Could not write the SBOM: disk full', checked: [], notChecked: [] },
          failureReasons: ['Failed: 1 of unknown severity.', 'Could not write the SBOM: disk full']
        }
      ),
      { repositoryRoot: ROOT }
    )
    const error = markdown.indexOf('### ⛔ Error: the audit could not finish')
    const found = markdown.indexOf(
      '**Found before the error: 1 package audited · 1 vulnerability (1 unknown) in 1 package**'
    )
    expect(error).toBeGreaterThan(0)
    expect(found).toBeGreaterThan(error)
    expect(markdown).toContain('> Failed: 1 of unknown severity.')
    expect(markdown.indexOf('| **requests** | 2.19.1 |')).toBeGreaterThan(found)
    expect(markdown).not.toContain('### ❌ Failed')
  })

  test('a short list of what was not audited stays unfolded', () => {
    const markdown = renderMarkdown(
      outcome([], {
        skipped: [
          {
            name: 'mylib',
            reason: 'editable requirement',
            location: { file: `${ROOT}/requirements.txt`, line: 9 },
            format: 'requirements'
          }
        ]
      }),
      { repositoryRoot: ROOT }
    )
    expect(markdown).toContain('### Not audited (1)\n\n| Dependency | Declared in | Reason |')
  })
})
