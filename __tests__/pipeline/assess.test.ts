import { describe, expect, test } from '@jest/globals'
import { assessFindings, type AssessOptions } from '../../src/pipeline/assess.js'
import type { AuditResult } from '../../src/pipeline/look-up.js'
import type { ChangeVerdicts } from '../../src/pipeline/changes.js'
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

  test('findings of equal severity are listed by their ids as numbers, the order every report uses', () => {
    const medium = { database_specific: { severity: 'MODERATE' } }
    const ids = ['PYSEC-2021-137', 'GHSA-b000-0000-0000', 'PYSEC-2021-35', 'PYSEC-2020-9']
    const { outcome } = assessFindings(
      result([...ids.map(id => record(id, '2.0', medium)), high]),
      options
    )
    expect(outcome.packages[0]!.vulnerabilities.map(v => v.id)).toEqual([
      'GHSA-high-0000-0000',
      'GHSA-b000-0000-0000',
      'PYSEC-2020-9',
      'PYSEC-2021-35',
      'PYSEC-2021-137'
    ])
  })

  test('a run that audited nothing carries why on the outcome, for the reports to say', () => {
    const empty: AuditResult = { ...result([]), packages: [] }
    const passed = assessFindings(empty, options)
    expect(passed.outcome.result).toBe('pass')
    expect(passed.outcome.nothingAudited).toMatch(/^requirements\.txt pins no dependency/)
    expect(assessFindings(empty, { ...options, strict: true }).outcome.nothingAudited).toBe(
      passed.outcome.nothingAudited
    )
    expect(assessFindings(result([low]), options).outcome.nothingAudited).toBeUndefined()
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

describe('assessFindings in scope changes (a pull request judged on what it changes)', () => {
  const newPin = record('GHSA-new0-0000-0000', '3.0', { database_specific: { severity: 'LOW' } })
  /** demo 1.0 was on the base with `high` and `malware`; the change adds fresh 2.0 with `newPin`. */
  function pullRequestResult(): AuditResult {
    const base = result([high, malware])
    const dep = dependency('fresh', '2.0', '/repo/requirements.txt', 2)
    const fresh = {
      name: 'fresh',
      version: '2.0',
      declarations: [dep],
      vulnerabilities: [
        toVulnerability(
          {
            ...newPin,
            affected: [{ ...newPin.affected![0]!, package: { ecosystem: 'PyPI', name: 'fresh' } }]
          },
          'fresh'
        )!
      ]
    }
    return { ...base, packages: [...base.packages, fresh] }
  }
  const verdicts: ChangeVerdicts = {
    base: { ref: 'main', sha: 'a'.repeat(40) },
    packages: [
      { name: 'demo', version: '1.0', change: 'unchanged', previousVersions: [], introduced: [] },
      {
        name: 'fresh',
        version: '2.0',
        change: 'added',
        previousVersions: [],
        introduced: ['GHSA-new0-0000-0000']
      }
    ],
    fixedByChange: [
      { name: 'gone', oldVersion: '0.1', newVersion: null, advisories: ['PYSEC-2020-1'] }
    ],
    warnings: []
  }
  const violation = (name: string, version: string) => ({
    name,
    version,
    license: 'GPL-3.0-only',
    shortened: false,
    spdx: 'GPL-3.0-only',
    source: 'expression' as const,
    origin: 'metadata' as const,
    violation: true,
    rule: 'fail-on GPL-3.0-only'
  })

  test('only introduced findings and malware fail; findings already on the base are marked, not failing', () => {
    const { outcome } = assessFindings(pullRequestResult(), { ...options, changes: verdicts })
    expect(
      outcome.packages.map(pkg => [
        pkg.name,
        pkg.change,
        pkg.vulnerabilities.map(v => [v.id, v.introduced, v.failing])
      ])
    ).toEqual([
      [
        'demo',
        'unchanged',
        [
          ['GHSA-high-0000-0000', false, false],
          ['MAL-2026-1', false, true]
        ]
      ],
      ['fresh', 'added', [['GHSA-new0-0000-0000', true, true]]]
    ])
    expect(outcome.result).toBe('fail')
    expect(outcome.failureReasons).toEqual([
      'Failed: 1 malicious package and 1 low (fail-on-severity: low). Scope: changes against main; findings already on the base do not fail the step.'
    ])
    expect(outcome.changes).toEqual({
      base: { ref: 'main', sha: 'a'.repeat(40) },
      fixedByChange: verdicts.fixedByChange
    })
  })

  test('a pull request that adds nothing vulnerable passes over the debt of its base', () => {
    const debtOnly = result([high])
    const { outcome } = assessFindings(debtOnly, { ...options, changes: verdicts })
    expect(outcome.result).toBe('pass')
    expect(outcome.packages[0]!.vulnerabilities.map(v => [v.introduced, v.failing])).toEqual([
      [false, false]
    ])
    // The same findings in scope all: no change fields, and the step fails.
    const all = assessFindings(debtOnly, options).outcome
    expect(all.result).toBe('fail')
    expect(all.changes).toBeUndefined()
    expect(all.packages[0]!.change).toBeUndefined()
    expect(all.packages[0]!.vulnerabilities[0]!.introduced).toBeUndefined()
  })

  test('a license violation fails only when the change adds that package or version', () => {
    const onBase = assessFindings(result([]), {
      ...options,
      licenses: [violation('demo', '1.0')],
      changes: verdicts
    }).outcome
    expect(onBase.result).toBe('pass')
    const added = assessFindings(pullRequestResult(), {
      ...options,
      rules: [
        { id: 'GHSA-new0-0000-0000', origin: 'test' },
        { id: 'MAL-2026-1', origin: 'test' }
      ],
      licenses: [violation('demo', '1.0'), violation('fresh', '2.0')],
      changes: verdicts
    }).outcome
    expect(added.failureReasons).toEqual([
      'Failed: 1 license violation. Scope: changes against main; findings already on the base do not fail the step.'
    ])
  })
})
