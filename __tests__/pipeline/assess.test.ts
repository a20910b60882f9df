import { describe, expect, test } from '@jest/globals'
import { assessFindings, type AssessOptions } from '../../src/pipeline/assess.js'
import type { AuditResult } from '../../src/pipeline/look-up.js'
import type { OsvRecord } from '../../src/advisories/osv.js'
import { toVulnerability } from '../../src/advisories/vulnerability.js'
import { dependency } from '../support/fixtures.js'

const record = (id: string, fixed: string, extra: Partial<OsvRecord> = {}): OsvRecord => ({
  id,
  modified: '2026-01-01T00:00:00Z',
  summary: `${id} summary`,
  affected: [
    {
      package: { ecosystem: 'PyPI', name: 'demo' },
      ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed }] }]
    }
  ],
  ...extra
})
const high = record('GHSA-high-0000-0000', '1.5', {
  severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N' }]
})
const low = record('GHSA-low0-0000-0000', '2.0', { database_specific: { severity: 'LOW' } })
const malware = record('MAL-2026-1', '99', { aliases: [] })

function result(records: OsvRecord[]): AuditResult {
  const dep = dependency('demo', '1.0', '/repo/requirements.txt', 1)
  return {
    feed: 'test',
    sources: [
      { file: '/repo/requirements.txt', format: 'requirements', dependencies: [dep], skipped: [] }
    ],
    packages: [
      {
        name: 'demo',
        version: '1.0',
        declarations: [dep],
        vulnerabilities: records.map(r => toVulnerability(r, 'demo')!)
      }
    ],
    skipped: []
  }
}

const options: AssessOptions = {
  rules: [],
  today: '2026-11-29',
  failOnVulnerability: true,
  failOnSeverity: 'low',
  failOnUnknownSeverity: true,
  strict: false,
  licenses: [],
  failOnLicense: true,
  tool: { name: 'pyaudit-action', version: 'test' }
}

describe('assessFindings', () => {
  test('scores, sorts worst first, gates, and recommends the smallest clean version', () => {
    const { outcome } = assessFindings(result([low, high]), options)
    const pkg = outcome.packages[0]!
    expect(
      pkg.vulnerabilities.map(v => [v.id, v.severity.level, v.severity.score, v.failing])
    ).toEqual([
      ['GHSA-high-0000-0000', 'high', 7.5, true],
      ['GHSA-low0-0000-0000', 'low', undefined, true]
    ])
    // 1.5 fixes the high one but the low one affects everything below 2.0.
    expect(pkg.recommendedVersion).toBe('2.0')
    expect(outcome.result).toBe('fail')
    expect(outcome.failureReasons).toEqual(['Failed: 1 high and 1 low (fail-on-severity: low).'])
  })

  test('a threshold above the findings passes; the findings stay, not failing', () => {
    const { outcome } = assessFindings(result([low]), { ...options, failOnSeverity: 'medium' })
    expect(outcome.result).toBe('pass')
    expect(outcome.packages[0]!.vulnerabilities[0]!.failing).toBe(false)
  })

  test('ignores apply by alias, stay visible, and unused or expired rules are reported', () => {
    const { outcome, warnings, notices } = assessFindings(result([high]), {
      ...options,
      rules: [
        { id: 'GHSA-high-0000-0000', reason: 'accepted', origin: '.pyaudit.toml:2' },
        { id: 'CVE-2000-0001', reason: 'old', origin: '.pyaudit.toml:5' },
        {
          id: 'GHSA-low0-0000-0000',
          reason: 'gone',
          until: '2026-01-01',
          origin: '.pyaudit.toml:9'
        }
      ]
    })
    expect(outcome.result).toBe('pass')
    expect(outcome.packages[0]!.vulnerabilities[0]!.ignored).toEqual({
      reason: 'accepted',
      origin: '.pyaudit.toml:2'
    })
    expect(notices).toHaveLength(1)
    expect(notices[0]).toContain('CVE-2000-0001')
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('GHSA-low0-0000-0000')
  })

  test('malware fails even with fail-on-vulnerability: false; other findings then do not', () => {
    const { outcome } = assessFindings(result([high, malware]), {
      ...options,
      failOnVulnerability: false
    })
    expect(outcome.packages[0]!.vulnerabilities.map(v => [v.id, v.malicious, v.failing])).toEqual(
      expect.arrayContaining([
        ['MAL-2026-1', true, true],
        ['GHSA-high-0000-0000', false, false]
      ])
    )
    expect(outcome.failureReasons).toEqual([
      'Failed: 1 malicious package (malware fails the step even with fail-on-vulnerability: false).'
    ])
  })

  test('strict fails on skipped dependencies; license violations fail unless fail-on-license is false', () => {
    const skipped = {
      ...result([]),
      skipped: [
        {
          name: 'x',
          reason: 'editable',
          location: { file: '/repo/r.txt', line: 2 },
          format: 'requirements' as const
        }
      ]
    }
    expect(assessFindings(skipped, options).outcome.result).toBe('pass')
    expect(assessFindings(skipped, { ...options, strict: true }).outcome.failureReasons).toEqual([
      'Failed: 1 dependency could not be audited (strict: true).'
    ])
    const violation = {
      name: 'demo',
      version: '1.0',
      license: 'GPL-3.0-only',
      shortened: false,
      spdx: 'GPL-3.0-only',
      source: 'expression' as const,
      origin: 'metadata' as const,
      violation: true,
      rule: 'fail-on GPL-3.0-only'
    }
    expect(
      assessFindings(result([]), { ...options, licenses: [violation] }).outcome.failureReasons
    ).toEqual(['Failed: 1 license violation.'])
    expect(
      assessFindings(result([]), { ...options, licenses: [violation], failOnLicense: false })
        .outcome.result
    ).toBe('pass')
  })
})
