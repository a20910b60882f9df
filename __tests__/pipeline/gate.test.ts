import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import {
  gate,
  rateFindings,
  type RatedFinding,
  type SeverityThreshold
} from '../../src/pipeline/gate.js'
import { applyIgnores, type Finding } from '../../src/pipeline/ignores.js'
import type { OsvRecord, OsvSeverity } from '../../src/advisories/osv.js'
import { toVulnerability } from '../../src/advisories/vulnerability.js'
import type { AuditedPackage } from '../../src/pipeline/look-up.js'
import { TESTS_DIR } from '../support/paths.js'

const RECORDS = path.resolve(TESTS_DIR, 'fixtures', 'osv', 'records')
const realRecord = (id: string): OsvRecord =>
  JSON.parse(readFileSync(path.join(RECORDS, `${id}.json`), 'utf8')) as OsvRecord

const osv = (id: string, fields: Partial<OsvRecord> = {}): OsvRecord => ({
  id,
  modified: '2024-01-01T00:00:00Z',
  affected: [{ package: { ecosystem: 'PyPI', name: 'pkg' } }],
  ...fields
})
const cvss3 = (score: string): Partial<OsvRecord> => ({
  severity: [{ type: 'CVSS_V3', score } satisfies OsvSeverity]
})
const pkg = (name: string, ...records: OsvRecord[]): AuditedPackage => ({
  name,
  version: '1.0.0',
  declarations: [],
  vulnerabilities: records.map(record => toVulnerability(record, 'pkg')!)
})
const findingsOf = (...packages: AuditedPackage[]): Finding[] =>
  packages.flatMap(p => p.vulnerabilities.map(vulnerability => ({ package: p, vulnerability })))

// One finding per level; vectors are the real ones quoted in severity.test.ts.
const CRITICAL = osv('PYSEC-2026-3486', cvss3('CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H')) // 9.9
const HIGH = osv('PYSEC-2023-192', cvss3('CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:N')) // 8.1
const MEDIUM = osv('PYSEC-2016-40', cvss3('CVSS:3.0/AV:N/AC:H/PR:L/UI:N/S:U/C:H/I:N/A:N')) // 5.3
const LOW = osv('PYSEC-2026-2408', {
  severity: [
    { type: 'CVSS_V4', score: 'CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:P/VC:L/VI:N/VA:N/SC:L/SI:N/SA:N' }
  ]
}) // 2.4
const MODERATE = osv('GHSA-x84v-xcm2-53pg', { database_specific: { severity: 'MODERATE' } })
const UNRATED = osv('PYSEC-2018-28')
const MALICIOUS = osv('MAL-2024-9991', { summary: 'Malicious code in acme-utils (PyPI)' })
/** A GHSA malware advisory that OSV aliases to the MAL report, rated CRITICAL by GitHub. */
const MALICIOUS_ALIAS = osv('GHSA-2m4x-9q7c-h3fp', {
  aliases: ['MAL-2024-9992'],
  database_specific: { severity: 'CRITICAL' }
})

const everyLevel = (): RatedFinding[] =>
  rateFindings(findingsOf(pkg('app', UNRATED, LOW, MEDIUM, MODERATE, HIGH, CRITICAL)))
const ids = (findings: RatedFinding[]) => findings.map(finding => finding.vulnerability.id)

describe('gate', () => {
  test('rateFindings attaches each advisory severity', () => {
    expect(everyLevel().map(f => `${f.vulnerability.id}:${f.severity.level}`)).toEqual([
      'PYSEC-2018-28:unknown',
      'PYSEC-2026-2408:low',
      'PYSEC-2016-40:medium',
      'GHSA-x84v-xcm2-53pg:medium',
      'PYSEC-2023-192:high',
      'PYSEC-2026-3486:critical'
    ])
  })

  test.each([
    [
      'low',
      [
        'PYSEC-2026-3486',
        'PYSEC-2023-192',
        'PYSEC-2016-40',
        'GHSA-x84v-xcm2-53pg',
        'PYSEC-2026-2408',
        'PYSEC-2018-28'
      ]
    ],
    [
      'medium',
      ['PYSEC-2026-3486', 'PYSEC-2023-192', 'PYSEC-2016-40', 'GHSA-x84v-xcm2-53pg', 'PYSEC-2018-28']
    ],
    ['high', ['PYSEC-2026-3486', 'PYSEC-2023-192', 'PYSEC-2018-28']],
    ['critical', ['PYSEC-2026-3486', 'PYSEC-2018-28']]
  ] as const)('threshold %s fails these, worst first, unknown last', (threshold, failing) => {
    const result = gate(everyLevel(), { threshold, failOnUnknown: true })
    expect(result.failed).toBe(true)
    expect(ids(result.failing)).toEqual(failing)
    expect(result.failing.length + result.passing.length).toBe(6)
  })

  test('unknown severity passes only when fail-on-unknown-severity is false', () => {
    const unrated = rateFindings(findingsOf(pkg('app', UNRATED)))
    expect(gate(unrated, { threshold: 'critical', failOnUnknown: true }).failed).toBe(true)
    const allowed = gate(unrated, { threshold: 'low', failOnUnknown: false })
    expect(allowed).toMatchObject({ failed: false, failing: [] })
    expect(ids(allowed.passing)).toEqual(['PYSEC-2018-28'])
  })

  test('reason lines', () => {
    expect(gate(everyLevel(), { threshold: 'high', failOnUnknown: true }).reason).toBe(
      'Failed: 1 critical, 1 high and 1 of unknown severity (fail-on-severity: high).'
    )
    expect(gate(everyLevel(), { threshold: 'critical', failOnUnknown: false }).reason).toBe(
      'Failed: 1 critical (fail-on-severity: critical, unknown severity allowed).'
    )
    const belowThreshold = rateFindings(findingsOf(pkg('app', LOW, MEDIUM, MODERATE)))
    expect(gate(belowThreshold, { threshold: 'high', failOnUnknown: true })).toMatchObject({
      failed: false,
      reason:
        'Passed: 3 active findings, none failing (fail-on-severity: high): 2 medium and 1 low.'
    })
    expect(gate([], { threshold: 'low', failOnUnknown: true })).toEqual({
      failed: false,
      failing: [],
      malicious: [],
      passing: [],
      reason: 'Passed: no active findings.'
    })
  })

  test.each(['low', 'medium', 'high', 'critical'] as const)(
    'malicious packages fail at threshold %s, even with unknown severity allowed',
    (threshold: SeverityThreshold) => {
      const findings = rateFindings(findingsOf(pkg('acme-utils', MALICIOUS), pkg('app', LOW)))
      const result = gate(findings, { threshold, failOnUnknown: false })
      expect(result.failed).toBe(true)
      expect(ids(result.malicious)).toEqual(['MAL-2024-9991'])
      expect(ids(result.failing)[0]).toBe('MAL-2024-9991')
    }
  )

  test('a MAL alias makes a finding malicious whatever its rating; listed before the rest', () => {
    const findings = rateFindings(
      findingsOf(
        pkg('app', CRITICAL),
        pkg('acme-tools', MALICIOUS_ALIAS),
        pkg('acme-utils', MALICIOUS)
      )
    )
    const result = gate(findings, { threshold: 'critical', failOnUnknown: false })
    expect(ids(result.failing)).toEqual(['GHSA-2m4x-9q7c-h3fp', 'MAL-2024-9991', 'PYSEC-2026-3486'])
    expect(result.reason).toBe(
      'Failed: 2 malicious packages and 1 critical (fail-on-severity: critical, unknown severity allowed).'
    )
  })

  test('ignored findings never reach the gate: ignores, then ratings, then the gate', () => {
    const packages: AuditedPackage[] = [
      {
        name: 'requests',
        version: '2.19.1',
        declarations: [],
        vulnerabilities: [toVulnerability(realRecord('PYSEC-2023-74'), 'requests')!]
      },
      pkg('acme-utils', MALICIOUS)
    ]
    const rules = [
      { id: 'CVE-2023-32681', reason: 'No proxies', origin: '.pyaudit.toml:1' },
      { id: 'MAL-2024-9991', reason: 'Private package', origin: '.pyaudit.toml:5' }
    ]
    const { active, ignored } = applyIgnores(packages, rules, '2026-07-01')
    expect(ignored).toHaveLength(2)
    expect(gate(rateFindings(active), { threshold: 'low', failOnUnknown: true }).failed).toBe(false)
    // Without the rules, the same findings fail.
    const unignored = applyIgnores(packages, [], '2026-07-01').active
    expect(gate(rateFindings(unignored), { threshold: 'low', failOnUnknown: true }).reason).toBe(
      'Failed: 1 malicious package and 1 of unknown severity (fail-on-severity: low).'
    )
  })
})
