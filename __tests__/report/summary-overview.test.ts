/**
 * Issue 19, item 5: a summary that scales. The verdict, then one overview row per vulnerable
 * package (worst first: package, version, worst severity, number of advisories, recommended
 * upgrade, declaring file:line), then each package's advisory table folded; malware first and
 * not counted as a vulnerability.
 */
import { describe, expect, test } from '@jest/globals'
import type { Severity } from '../../src/advisories/severity.js'
import { fitSummary } from '../../src/integrations/github/summary.js'
import { renderMarkdown } from '../../src/report/markdown.js'
import { renderTerminal } from '../../src/report/terminal.js'
import type { ReportedPackage } from '../../src/report/outcome.js'
import { dependency, outcome, reportedPackage, vulnerability } from '../support/fixtures.js'

const ROOT = '/repo'
const LEVELS: Severity[] = [
  { level: 'critical', score: 9.8, source: 'CVSS_V3' },
  { level: 'high', score: 7.5, source: 'CVSS_V3' },
  { level: 'medium', score: 5.3, source: 'CVSS_V3' },
  { level: 'low', score: 3.1, source: 'CVSS_V3' },
  { level: 'unknown', source: 'none' }
]

/** `count` vulnerable packages with 1-8 advisories each, of every severity, in declaration order. */
function vulnerablePackages(count: number, description = 'x'.repeat(180)): ReportedPackage[] {
  return Array.from({ length: count }, (_, i) =>
    reportedPackage(
      dependency(`package-${i}`, '1.0', `${ROOT}/app/requirements.txt`, i + 1),
      Array.from({ length: 1 + (i % 8) }, (_, j) =>
        vulnerability(`PYSEC-2020-${i * 10 + j}`, {
          severity: LEVELS[(i + j) % LEVELS.length]!,
          aliases: [`CVE-2020-${i * 10 + j}`, `GHSA-aaaa-bbbb-${i}${j}`],
          fixVersions: ['1.1'],
          description
        })
      ),
      '1.1'
    )
  )
}

describe('the overview', () => {
  const pillow = reportedPackage(
    dependency('pillow', '8.0.0', `${ROOT}/app/requirements.txt`, 23),
    Array.from({ length: 12 }, (_, i) =>
      vulnerability(`PYSEC-2021-${i + 1}`, { severity: LEVELS[3]!, fixVersions: ['10.0.1'] })
    ),
    '10.3.0'
  )
  const django = reportedPackage(
    dependency('django', '3.2', `${ROOT}/app/requirements.txt`, 5),
    [vulnerability('PYSEC-2023-1', { severity: LEVELS[0]! })],
    '4.2.16'
  )
  const evil = reportedPackage(dependency('evil', '1.0', `${ROOT}/app/requirements.txt`, 9), [
    vulnerability('MAL-2024-1', {
      malicious: true,
      severity: { level: 'critical', source: 'none' }
    })
  ])
  const markdown = renderMarkdown(outcome([pillow, django, evil]), { repositoryRoot: ROOT })

  test('one row per vulnerable package, worst first, with every column the issue names', () => {
    expect(markdown).toContain(
      [
        '| Package | Version | Worst | Advisories | Upgrade to | Declared in |',
        '| --- | --- | --- | --- | --- | --- |',
        '| **django** | 3.2 | 🟥 critical 9.8 | 1 | **4.2.16** | app/requirements.txt:5 |',
        '| **pillow** | 8.0.0 | 🟩 low 3.1 | 12 | **10.3.0** | app/requirements.txt:23 |'
      ].join('\n')
    )
  })

  test("each package's advisories are folded below the overview, none hidden", () => {
    const overviewEnd = markdown.indexOf('| **pillow** |')
    const firstFold = markdown.indexOf('<details>')
    expect(firstFold).toBeGreaterThan(overviewEnd)
    expect(markdown).toContain(
      '<details><summary><b>pillow 8.0.0</b>: 12 advisories, worst 🟩 low 3.1</summary>'
    )
    // Low severities are folded, not left out: all twelve are there.
    for (let i = 1; i <= 12; i++) expect(markdown).toContain(`[PYSEC-2021-${i}]`)
    // Nothing but the verdict and the overview (and the malware) above the first fold.
    expect(markdown.slice(0, firstFold)).not.toContain('| Severity | Advisory |')
    expect(markdown.match(/<details>/g)).toHaveLength(2)
    expect(markdown.match(/<\/details>/g)).toHaveLength(2)
  })

  test('malware comes first and is not counted as a vulnerability in the headline', () => {
    expect(markdown.indexOf('### 🚨 Malicious packages')).toBeLessThan(
      markdown.indexOf('### Vulnerabilities')
    )
    expect(markdown).toContain(
      '**3 packages audited · 🚨 1 malicious package · 13 vulnerabilities (1 critical, 12 low) in 2 packages**'
    )
    expect(markdown).not.toContain('| **evil** | 1.0 | 🟥')
  })
})

test('a hostile name or version in a folded section stays text: no tag, no live link', () => {
  const hostile = reportedPackage(
    dependency('<img src=x onerror=alert(1)>', '1.0</summary><script>', `${ROOT}/r.txt`, 1),
    [vulnerability('V-1')]
  )
  const markdown = renderMarkdown(outcome([hostile]), { repositoryRoot: ROOT })
  const summary = markdown.split('\n').find(line => line.startsWith('<details>')) ?? ''
  expect(summary).toBe(
    '<details><summary><b>&lt;img src=x onerror=alert(1)&gt; 1.0&lt;/summary&gt;&lt;script&gt;</b>: 1 advisory, worst ⬜ unknown</summary>'
  )
  const named = renderMarkdown(
    outcome([
      reportedPackage(
        dependency('https://evil.example/x', 'www.evil.example', `${ROOT}/r.txt`, 1),
        [vulnerability('V-2')]
      )
    ]),
    { repositoryRoot: ROOT }
  )
  expect(named).toContain('<b>https:\u2060//evil.example/x www\u2060.evil.example</b>')
})

describe('at scale', () => {
  test('on 685 vulnerable packages, the first screen is the verdict and the overview', () => {
    const big = outcome(vulnerablePackages(685))
    const markdown = renderMarkdown(big, { repositoryRoot: ROOT })
    const beforeFold = markdown.slice(0, markdown.indexOf('<details>'))
    // Verdict, reasons and the overview: a header, a rule and one row per package.
    expect(beforeFold.split('\n').filter(line => line.startsWith('| **'))).toHaveLength(685)
    expect(beforeFold).not.toContain('| Severity | Advisory |')
    expect(beforeFold.indexOf('| Package | Version | Worst |')).toBeLessThan(1000)
    // The worst packages lead: every critical one before the first high one.
    const rows = beforeFold.split('\n').filter(line => line.startsWith('| **'))
    const firstHigh = rows.findIndex(line => line.includes('🟧 high'))
    expect(rows.slice(firstHigh).some(line => line.includes('🟥 critical'))).toBe(false)
  })

  test('a summary over GitHub limit keeps its verdict and its whole overview, folding fewer tables', () => {
    const huge = outcome(vulnerablePackages(3000, 'y'.repeat(400)))
    const full = renderMarkdown(huge, { repositoryRoot: ROOT })
    expect(Buffer.byteLength(full)).toBeGreaterThan(1000 * 1024)
    const fitted = fitSummary(full, huge, { repositoryRoot: ROOT })
    expect(Buffer.byteLength(fitted)).toBeLessThanOrEqual(1000 * 1024)
    expect(fitted).toContain('### ❌ Failed')
    expect(fitted.split('\n').filter(line => line.startsWith('| **package-'))).toHaveLength(3000)
    expect(fitted).toMatch(/The advisories of the other \d+ packages are in the full report/)
    expect(fitted.match(/<details>/g)?.length).toBe(fitted.match(/<\/details>/g)?.length)
  })

  test('hundreds of thousands of lines render without overflowing the stack', () => {
    const many = outcome(vulnerablePackages(20_000, 'z'))
    const markdown = renderMarkdown(many, { repositoryRoot: ROOT })
    expect(markdown.match(/<details>/g)).toHaveLength(20_000)
    const text = renderTerminal(many)
    expect(text).toContain(
      `Found ${many.packages.reduce((n, p) => n + p.vulnerabilities.length, 0)} known`
    )
  })
})
