/**
 * What the CLI prints for a run that audited no package (issue 19): never "No known
 * vulnerabilities found in 0 packages", which reads as a clean bill, but that nothing was
 * audited, and why.
 */
import { describe, expect, test } from '@jest/globals'
import { renderTerminal } from '../../src/report/terminal.js'
import { dependency, outcome, reportedPackage } from '../support/fixtures.js'

const REASON =
  'requirements.txt pins no dependency for this environment: empty, or every requirement’s environment marker excludes the target Python version and platform'

describe('the terminal report of a run that audited nothing', () => {
  test('a pass says nothing was audited and why, never "no known vulnerabilities"', () => {
    const text = renderTerminal(outcome([], { nothingAudited: REASON }))
    expect(text).toBe(
      `Nothing was audited: ${REASON}. (strict: true fails the step then.)\n\nPassed.\n`
    )
    expect(text).not.toMatch(/no known vulnerabilities/i)
  })

  test('under strict the failure reason says why, once', () => {
    const reason = `Failed: nothing was audited (strict: true): ${REASON}.`
    const text = renderTerminal(
      outcome([], { nothingAudited: REASON, result: 'fail', failureReasons: [reason] })
    )
    expect(text).toBe(`Nothing was audited.\n\n${reason}\n`)
    expect(text).not.toMatch(/no known vulnerabilities/i)
  })

  test('every dependency skipped: the reason, then the table of what was not audited', () => {
    const skipped = [
      {
        name: 'flask',
        reason: "'>=2' is not a pin",
        location: { file: '/repo/requirements.txt', line: 1 },
        format: 'requirements' as const
      }
    ]
    const why = 'its one dependency in requirements.txt could not be audited'
    const text = renderTerminal(outcome([], { skipped, nothingAudited: why }))
    expect(text.split('\n')[0]).toBe(
      `Nothing was audited: ${why}. (strict: true fails the step then.)`
    )
    expect(text).toContain("flask '>=2' is not a pin")
    expect(text).not.toMatch(/no known vulnerabilities/i)
  })

  test('the reason is printed as plain text: no escape sequence reaches the terminal', () => {
    const text = renderTerminal(outcome([], { nothingAudited: 'evil\u001b[31m.txt\nPassed.' }))
    expect(text).not.toContain('\u001b')
    expect(text.split('\n')[0]).toMatch(/^Nothing was audited: evil/)
  })

  test('a run with packages keeps its ordinary line', () => {
    const clean = outcome([reportedPackage(dependency('a', '1.0', '/repo/r.txt', 1), [])])
    expect(renderTerminal(clean)).toBe('No known vulnerabilities found in 1 package.\n\nPassed.\n')
  })
})
