/**
 * Issue 19, items 5 and 7: one order everywhere (job summary, comment, terminal, annotations):
 * packages worst first, advisories of equal severity by their ids' numbers; CVSS scores with
 * one decimal.
 */
import { describe, expect, test } from '@jest/globals'
import type { Severity } from '../../src/advisories/severity.js'
import { planAnnotations } from '../../src/integrations/github/annotations.js'
import { renderMarkdown } from '../../src/report/markdown.js'
import {
  compareAdvisoryIds,
  compareFindings,
  packagesWith,
  severityLabel
} from '../../src/report/order.js'
import { renderTerminal } from '../../src/report/terminal.js'
import { dependency, outcome, reportedPackage, vulnerability } from '../support/fixtures.js'

const low2: Severity = { level: 'low', score: 2, source: 'CVSS_V3' }
const medium: Severity = { level: 'medium', score: 5.4, source: 'CVSS_V3' }
const high: Severity = { level: 'high', score: 7.5, source: 'CVSS_V3' }

describe('advisory ids', () => {
  test('compare by their numbers: PYSEC-2021-35 before PYSEC-2021-137', () => {
    const ids = ['PYSEC-2021-137', 'PYSEC-2021-35', 'PYSEC-2020-96', 'GHSA-xxxx-9', 'PYSEC-2021-4']
    expect([...ids].sort(compareAdvisoryIds)).toEqual([
      'GHSA-xxxx-9',
      'PYSEC-2020-96',
      'PYSEC-2021-4',
      'PYSEC-2021-35',
      'PYSEC-2021-137'
    ])
  })

  test('long digit runs and leading zeros compare as numbers, without losing precision', () => {
    expect(compareAdvisoryIds('X-99999999999999999998', 'X-99999999999999999999')).toBeLessThan(0)
    expect(compareAdvisoryIds('X-007', 'X-8')).toBeLessThan(0)
    expect(compareAdvisoryIds('pysec-2021-35', 'PYSEC-2021-137')).toBeLessThan(0)
  })

  test('findings: worst first, then by id number', () => {
    const findings = [
      vulnerability('PYSEC-2021-137'),
      vulnerability('PYSEC-2021-35'),
      vulnerability('PYSEC-2000-1', { severity: medium })
    ].sort(compareFindings)
    expect(findings.map(f => f.id)).toEqual(['PYSEC-2000-1', 'PYSEC-2021-35', 'PYSEC-2021-137'])
  })
})

describe('severity labels', () => {
  test('a CVSS score always prints with one decimal', () => {
    expect(severityLabel(low2)).toBe('low 2.0')
    expect(severityLabel({ level: 'critical', score: 10, source: 'CVSS_V3' })).toBe('critical 10.0')
    expect(severityLabel({ level: 'unknown', source: 'none' })).toBe('unknown')
  })

  test('the summary, the terminal and the annotations print low 2.0, not low 2', () => {
    const result = outcome([
      reportedPackage(dependency('a', '1.0', '/repo/r.txt', 1), [
        vulnerability('V-1', { severity: low2 })
      ])
    ])
    expect(renderMarkdown(result, { repositoryRoot: '/repo' })).toContain('🟩 low 2.0 |')
    expect(renderTerminal(result)).toMatch(/^a\s+1\.0\s+V-1\s+low 2\.0\s/m)
    expect(planAnnotations(result, '/repo')[0]?.message).toContain('[low 2.0]')
  })
})

describe('one order for every report', () => {
  // Declared best first, advisories in the feed's order: every report must reorder them.
  const packages = [
    reportedPackage(dependency('alpha', '1.0', '/repo/r.txt', 1), [
      vulnerability('PYSEC-2021-137'),
      vulnerability('PYSEC-2021-35')
    ]),
    reportedPackage(dependency('beta', '1.0', '/repo/r.txt', 2), [
      vulnerability('V-B', { severity: medium })
    ]),
    reportedPackage(dependency('gamma', '1.0', '/repo/r.txt', 3), [
      vulnerability('V-G1'),
      vulnerability('V-G2'),
      vulnerability('V-G3')
    ]),
    reportedPackage(dependency('delta', '1.0', '/repo/r.txt', 4), [
      vulnerability('V-D', { severity: high })
    ])
  ]
  const result = outcome(packages)
  const expected = ['delta', 'beta', 'gamma', 'alpha']

  test('packages: worst finding first, then more findings, then by name', () => {
    expect(packagesWith(packages, () => true).map(group => group.pkg.name)).toEqual(expected)
  })

  test("the summary's overview and folded sections, the terminal's overview and the annotations agree", () => {
    const markdown = renderMarkdown(result, { repositoryRoot: '/repo' })
    const overview = [...markdown.matchAll(/^\| \*\*(\w+)\*\* \|/gm)].map(m => m[1])
    const folded = [...markdown.matchAll(/^<details><summary><b>(\w+) /gm)].map(m => m[1])
    expect(overview).toEqual(expected)
    expect(folded).toEqual(expected)

    const terminal = renderTerminal(result)
    const overviewTable = terminal.split(/^Name\s+Version\s+Worst.*$/m)[1] ?? ''
    const rows = [...overviewTable.matchAll(/^(\w+)\s+1\.0\s/gm)].map(m => m[1])
    expect(rows).toEqual(expected)

    expect(planAnnotations(result, '/repo').map(a => a.title.split(' ')[0])).toEqual(expected)
  })

  test('advisories without a severity are listed by id number in the summary and the terminal', () => {
    const markdown = renderMarkdown(result, { repositoryRoot: '/repo' })
    expect(markdown.indexOf('[PYSEC-2021-35]')).toBeLessThan(markdown.indexOf('[PYSEC-2021-137]'))
    const terminal = renderTerminal(result)
    expect(terminal.indexOf('PYSEC-2021-35 ')).toBeLessThan(terminal.indexOf('PYSEC-2021-137'))
    const message = planAnnotations(result, '/repo').find(a => a.title.startsWith('alpha'))
    expect(message?.message.indexOf('PYSEC-2021-35')).toBeLessThan(
      message?.message.indexOf('PYSEC-2021-137') ?? -1
    )
  })
})
