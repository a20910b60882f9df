/**
 * Issue 16, "Outputs and reports": in scope `changes` the summary and the comment lead with
 * what the change introduces, then what it fixes, then the debt already on the base as one
 * folded section with its count; the headline reads "1 fixed by this change, 0 introduced,
 * N already on the base". The CLI prints the same split.
 */
import { describe, expect, test } from '@jest/globals'
import { renderMarkdown } from '../../src/report/markdown.js'
import type { AuditOutcome, ReportedPackage } from '../../src/report/outcome.js'
import { renderTerminal } from '../../src/report/terminal.js'
import { dependency, outcome, reportedPackage, vulnerability } from '../support/fixtures.js'

const ROOT = '/repo'
const BASE = { ref: 'main', sha: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678' }

function withChange(pkg: ReportedPackage, change: ReportedPackage['change']): ReportedPackage {
  return { ...pkg, ...(change ? { change } : {}) }
}

/** Flask on the base (already there), requests upgraded out of its advisory, optionally PyYAML added. */
function pullRequest(addPyyaml: boolean): AuditOutcome {
  const flask = withChange(
    reportedPackage(
      dependency('flask', '0.12', `${ROOT}/requirements.txt`, 1),
      [
        vulnerability('PYSEC-2019-179', { introduced: false, failing: false }),
        vulnerability('PYSEC-2018-66', {
          introduced: false,
          failing: false,
          severity: { level: 'high', score: 7.5, source: 'CVSS_V3' }
        })
      ],
      '2.2.5'
    ),
    'unchanged'
  )
  const requests = withChange(
    reportedPackage(dependency('requests', '2.32.3', `${ROOT}/requirements.txt`, 2), []),
    'changed'
  )
  const pyyaml = withChange(
    reportedPackage(
      dependency('pyyaml', '5.3', `${ROOT}/requirements.txt`, 3),
      [vulnerability('PYSEC-2020-96', { introduced: true, fixVersions: ['5.3.1'] })],
      '5.4'
    ),
    'added'
  )
  return outcome(addPyyaml ? [flask, requests, pyyaml] : [flask, requests], {
    changes: {
      base: BASE,
      fixedByChange: [
        {
          name: 'requests',
          oldVersion: '2.19.1',
          newVersion: '2.32.3',
          advisories: ['PYSEC-2023-74', 'PYSEC-2018-28']
        }
      ]
    },
    result: addPyyaml ? 'fail' : 'pass',
    failureReasons: addPyyaml ? ['Failed: 1 of unknown severity (fail-on-severity: low).'] : []
  })
}

describe('job summary and comment in scope changes', () => {
  test('a change that only fixes: the headline says so, the good news first', () => {
    const markdown = renderMarkdown(pullRequest(false), { repositoryRoot: ROOT })
    expect(markdown).toContain('### ⚠️ Passed with findings')
    expect(markdown).toContain(
      '**1 fixed by this change, 0 introduced, 2 already on the base · 2 packages audited**'
    )
    expect(markdown).toContain(
      '### Introduced by this change\n\nNo known vulnerabilities: this change brings in none.'
    )
    expect(markdown).toContain(
      '| **requests** | 2.19.1 | 2.32.3 | [PYSEC-2023-74](https://osv.dev/vulnerability/PYSEC-2023-74), [PYSEC-2018-28](https://osv.dev/vulnerability/PYSEC-2018-28) |'
    )
  })

  test('introduced findings lead with their overview, then what is fixed, then the base debt folded', () => {
    const markdown = renderMarkdown(pullRequest(true), { repositoryRoot: ROOT })
    expect(markdown).toContain(
      '**1 fixed by this change, 1 introduced, 2 already on the base · 3 packages audited**'
    )
    const introduced = markdown.indexOf('### Introduced by this change')
    const fixed = markdown.indexOf('### ✅ Fixed by this change (1)')
    const base = markdown.indexOf('### Already on the base branch (2)')
    expect(introduced).toBeGreaterThan(0)
    expect(fixed).toBeGreaterThan(introduced)
    expect(base).toBeGreaterThan(fixed)
    // The introduced package has its overview row in the introduced part, and only there.
    const pyyamlRow = markdown.indexOf('| **pyyaml** | 5.3 | ⬜ unknown | 1 | **5.4** |')
    expect(pyyamlRow).toBeGreaterThan(introduced)
    expect(pyyamlRow).toBeLessThan(fixed)
    // Flask is only in the folded base part, with its count and the base it was found on.
    const fold = markdown.slice(base)
    expect(fold).toMatch(
      /^<details><summary>2 vulnerabilities in 1 package that main at a1b2c3d already had: reported, not counted in the verdict<\/summary>$/m
    )
    expect(markdown.indexOf('| **flask** |')).toBeGreaterThan(base)
    expect(fold).toContain('<details><summary><b>flask 0.12</b>: 2 advisories, worst 🟧 high 7.5')
    // The outer fold closes after the inner one.
    expect(
      fold
        .trimEnd()
        .split('\n')
        .filter(line => line === '</details>')
    ).toHaveLength(2)
  })

  test('scope all has no change parts', () => {
    const all = outcome(pullRequest(true).packages)
    const markdown = renderMarkdown(all, { repositoryRoot: ROOT })
    expect(markdown).not.toContain('fixed by this change')
    expect(markdown).not.toContain('Already on the base')
    expect(markdown).toContain('3 vulnerabilities (1 high, 2 unknown) in 2 packages')
  })
})

describe('terminal in scope changes', () => {
  test('prints the same split: the counts, what is introduced, what is fixed, what was there', () => {
    const text = renderTerminal(pullRequest(true))
    expect(text).toMatch(
      /^1 fixed by this change, 1 introduced, 2 already on the base \(main\)\.$/m
    )
    const introduced = text.indexOf(
      'Introduced by this change: 1 known vulnerability in 1 package.'
    )
    const fixed = text.indexOf('Fixed by this change:')
    const base = text.indexOf(
      'Already on the base (not counted in the verdict): 2 known vulnerabilities in 1 package.'
    )
    expect(introduced).toBeGreaterThan(0)
    expect(fixed).toBeGreaterThan(introduced)
    expect(base).toBeGreaterThan(fixed)
    expect(text.slice(introduced, fixed)).toMatch(/^pyyaml\s+5\.3\s+PYSEC-2020-96\s/m)
    expect(text.slice(fixed, base)).toMatch(
      /^requests\s+2\.19\.1\s+2\.32\.3\s+PYSEC-2023-74,PYSEC-2018-28$/m
    )
    expect(text.slice(base)).toMatch(/^flask\s+0\.12\s+PYSEC-2018-66\s/m)
    expect(text.slice(0, base)).not.toMatch(/^flask/m)
  })

  test('a change that introduces nothing says so', () => {
    expect(renderTerminal(pullRequest(false))).toContain(
      'Introduced by this change: no known vulnerabilities.'
    )
  })
})
