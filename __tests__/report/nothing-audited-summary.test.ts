/**
 * A run that audited no package passes without strict, but its summary must not read as a clean
 * bill ("No known vulnerabilities in 0 packages"): it says nothing was audited, and why.
 */
import { describe, expect, test } from '@jest/globals'
import { renderMarkdown } from '../../src/report/markdown.js'
import { dependency, outcome, reportedPackage } from '../support/fixtures.js'

const OPTIONS = { repositoryRoot: '/repo' }
const REASON =
  'requirements.txt pins no dependency for this environment: empty, or every requirement’s environment marker excludes the target Python version and platform'

describe('the summary of a run that audited nothing', () => {
  test('a pass says nothing was audited and why, never "no known vulnerabilities"', () => {
    const markdown = renderMarkdown(outcome([], { nothingAudited: REASON }), OPTIONS)
    expect(markdown).toContain('### ⚠️ Passed, but nothing was audited')
    expect(markdown).toContain('**Nothing was audited.**')
    expect(markdown).toContain(
      '> Nothing was audited: requirements.txt pins no dependency for this environment'
    )
    expect(markdown).toContain('(strict: true fails the step then.)')
    expect(markdown).not.toContain('✅')
    expect(markdown).not.toContain('No known vulnerabilities')
  })

  test('every dependency skipped: the reason, not "passed with findings"', () => {
    const skipped = [
      {
        name: 'flask',
        reason: "'>=2' is not a pin",
        location: { file: '/repo/requirements.txt', line: 1 },
        format: 'requirements' as const
      }
    ]
    const reason = 'its one dependency in requirements.txt could not be audited'
    const markdown = renderMarkdown(outcome([], { skipped, nothingAudited: reason }), OPTIONS)
    expect(markdown).toContain('### ⚠️ Passed, but nothing was audited')
    expect(markdown).toContain('**Nothing was audited. · 1 not audited**')
    expect(markdown).toContain(`> Nothing was audited: ${reason}.`)
  })

  test('under strict the failure says it once, in its reason', () => {
    const reason = `Failed: nothing was audited (strict: true): ${REASON}.`
    const markdown = renderMarkdown(
      outcome([], { nothingAudited: REASON, result: 'fail', failureReasons: [reason] }),
      OPTIONS
    )
    expect(markdown).toContain('### ❌ Failed')
    expect(markdown).toContain('**Nothing was audited.**')
    expect(markdown.match(/pins no dependency for this environment/g)).toHaveLength(1)
  })

  test('a run with packages keeps its ordinary headline', () => {
    const clean = outcome([reportedPackage(dependency('a', '1.0', '/repo/r.txt', 1), [])])
    const markdown = renderMarkdown(clean, OPTIONS)
    expect(markdown).toContain('### ✅ Passed')
    expect(markdown).toContain('**No known vulnerabilities in 1 package.**')
  })
})
