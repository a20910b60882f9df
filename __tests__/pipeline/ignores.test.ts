import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { AuditedPackage } from '../../src/pipeline/look-up.js'
import type { OsvRecord } from '../../src/advisories/osv.js'
import {
  applyIgnores,
  isAdvisoryId,
  parseIgnoreVulnsInput,
  type IgnoreRule
} from '../../src/pipeline/ignores.js'
import { toVulnerability } from '../../src/advisories/vulnerability.js'
import { InputError } from '../../src/shared/errors.js'
import { TESTS_DIR } from '../support/paths.js'

const RECORDS = path.resolve(TESTS_DIR, 'fixtures', 'osv', 'records')
const record = (id: string): OsvRecord =>
  JSON.parse(readFileSync(path.join(RECORDS, `${id}.json`), 'utf8')) as OsvRecord

/** A malicious-package report shaped like those of ossf/malicious-packages (the id is made up). */
const MALICIOUS: OsvRecord = {
  schema_version: '1.5.0',
  id: 'MAL-2024-9991',
  modified: '2024-05-02T10:11:12Z',
  published: '2024-05-01T08:00:00Z',
  summary: 'Malicious code in acme-utils (PyPI)',
  details: 'The package runs a credential stealer from its setup.py.',
  affected: [{ package: { ecosystem: 'PyPI', name: 'acme-utils' }, versions: ['0.0.1'] }],
  database_specific: { 'malicious-packages-origins': [{ source: 'ghsa-malware' }] }
}

const audited = (name: string, version: string, ...records: OsvRecord[]): AuditedPackage => ({
  name,
  version,
  declarations: [],
  vulnerabilities: records.map(osv => toVulnerability(osv, name)!)
})

// requests 2.19.1: PYSEC-2018-28 (CVE-2018-18074, GHSA-x84v-xcm2-53pg) and PYSEC-2023-74
// (CVE-2023-32681, GHSA-j8r2-6x86-q33q); urllib3 1.26.0: PYSEC-2023-192 (CVE-2023-43804).
const packages = (): AuditedPackage[] => [
  audited('requests', '2.19.1', record('PYSEC-2018-28'), record('PYSEC-2023-74')),
  audited('urllib3', '1.26.0', record('PYSEC-2023-192')),
  audited('acme-utils', '0.0.1', MALICIOUS)
]
const rule = (id: string, fields: Partial<IgnoreRule> = {}): IgnoreRule => ({
  id,
  origin: `test rule ${id}`,
  ...fields
})
const ids = (findings: Array<{ vulnerability: { id: string } }>) =>
  findings.map(finding => finding.vulnerability.id)

const TODAY = '2026-07-01'

describe('applyIgnores: matching', () => {
  test('no rules: every finding stays active, in package then advisory order', () => {
    const outcome = applyIgnores(packages(), [], TODAY)
    expect(ids(outcome.active)).toEqual([
      'PYSEC-2018-28',
      'PYSEC-2023-74',
      'PYSEC-2023-192',
      'MAL-2024-9991'
    ])
    expect(outcome).toMatchObject({ ignored: [], expired: [], unused: [] })
  })

  test('by the reported id, keeping the finding visible with its rule and reason', () => {
    const byId = rule('PYSEC-2023-74', { reason: 'No proxies' })
    const outcome = applyIgnores(packages(), [byId], TODAY)
    expect(ids(outcome.active)).toEqual(['PYSEC-2018-28', 'PYSEC-2023-192', 'MAL-2024-9991'])
    expect(outcome.ignored).toHaveLength(1)
    expect(outcome.ignored[0]).toMatchObject({
      package: { name: 'requests', version: '2.19.1' },
      vulnerability: { id: 'PYSEC-2023-74' },
      rule: { reason: 'No proxies' },
      malicious: false
    })
  })

  test('by any alias: the CVE or the GHSA id of a PYSEC finding', () => {
    const outcome = applyIgnores(
      packages(),
      [rule('CVE-2018-18074'), rule('GHSA-j8r2-6x86-q33q')],
      TODAY
    )
    expect(ids(outcome.ignored)).toEqual(['PYSEC-2018-28', 'PYSEC-2023-74'])
    expect(outcome.unused).toEqual([])
  })

  test('ids compare case-insensitively', () => {
    const outcome = applyIgnores(
      packages(),
      [rule('ghsa-x84v-xcm2-53pg'), rule('pysec-2023-192')],
      TODAY
    )
    expect(ids(outcome.ignored)).toEqual(['PYSEC-2018-28', 'PYSEC-2023-192'])
  })

  test('an id that is only a prefix of a real one does not match', () => {
    const outcome = applyIgnores(packages(), [rule('PYSEC-2018-2'), rule('CVE-2018-1807')], TODAY)
    expect(outcome.ignored).toEqual([])
    expect(outcome.unused).toHaveLength(2)
  })

  test('scoped by package: only that package', () => {
    const wrongPackage = rule('PYSEC-2023-192', { package: 'requests' })
    const rightPackage = rule('PYSEC-2018-28', { package: 'requests' })
    const outcome = applyIgnores(packages(), [wrongPackage, rightPackage], TODAY)
    expect(ids(outcome.ignored)).toEqual(['PYSEC-2018-28'])
    expect(outcome.unused.map(notice => notice.rule)).toEqual([wrongPackage])
  })

  test('scoped by version: PEP 440 equality, only that release', () => {
    const matches = (version: string) =>
      applyIgnores(packages(), [rule('PYSEC-2018-28', { package: 'requests', version })], TODAY)
        .ignored.length
    expect(matches('2.19.1')).toBe(1)
    expect(matches('2.19.1.0')).toBe(1)
    expect(matches('2.19')).toBe(0)
    expect(matches('2.20.0')).toBe(0)
  })

  test('several matching rules: the first one is credited, none is reported unused', () => {
    const first = rule('PYSEC-2018-28', { reason: 'from the input' })
    const second = rule('CVE-2018-18074', { reason: 'from the file' })
    const outcome = applyIgnores(packages(), [first, second], TODAY)
    expect(outcome.ignored.map(finding => finding.rule)).toEqual([first])
    expect(outcome.unused).toEqual([])
  })

  test('a malicious-package report can be ignored by its MAL id, and is flagged', () => {
    const outcome = applyIgnores(
      packages(),
      [rule('MAL-2024-9991', { package: 'acme-utils' })],
      TODAY
    )
    expect(outcome.ignored).toHaveLength(1)
    expect(outcome.ignored[0]).toMatchObject({
      vulnerability: { id: 'MAL-2024-9991' },
      malicious: true
    })
  })

  test('one rule ignores the same advisory in every package it is reported for', () => {
    const twoVersions = [
      audited('requests', '2.19.1', record('PYSEC-2018-28')),
      audited('requests', '2.18.0', record('PYSEC-2018-28'))
    ]
    expect(applyIgnores(twoVersions, [rule('PYSEC-2018-28')], TODAY).ignored).toHaveLength(2)
  })
})

describe('applyIgnores: expiry and stale rules', () => {
  const until = (date: string) => rule('PYSEC-2023-74', { until: date, origin: '.pyaudit.toml:4' })

  test('a rule applies while today is before its until date', () => {
    expect(applyIgnores(packages(), [until('2026-07-02')], TODAY).ignored).toHaveLength(1)
  })

  test('on its until date a rule has expired (as osv-scanner ignoreUntil)', () => {
    const outcome = applyIgnores(packages(), [until('2026-07-01')], TODAY)
    expect(outcome.ignored).toEqual([])
    expect(ids(outcome.active)).toContain('PYSEC-2023-74')
    expect(outcome.expired).toEqual([
      {
        rule: until('2026-07-01'),
        message:
          'Ignore rule for PYSEC-2023-74 (.pyaudit.toml:4) expired on 2026-07-01: 1 finding it covered is reported again.'
      }
    ])
    expect(outcome.unused).toEqual([])
  })

  test('an expired rule that matches nothing says it can be removed', () => {
    const stale = rule('PYSEC-2019-1', { until: '2025-01-01', origin: 'osv-scanner.toml:3' })
    expect(applyIgnores(packages(), [stale], TODAY).expired[0]!.message).toBe(
      'Ignore rule for PYSEC-2019-1 (osv-scanner.toml:3) expired on 2025-01-01: it matches no current finding, so it can be removed.'
    )
  })

  test('an expired rule does not hide a finding that a later live rule ignores', () => {
    const expired = until('2026-01-01')
    const live = rule('CVE-2023-32681')
    const outcome = applyIgnores(packages(), [expired, live], TODAY)
    expect(outcome.ignored.map(finding => finding.rule)).toEqual([live])
    expect(outcome.expired[0]!.message).toContain('1 finding it covered is reported again')
  })

  test('a live rule that matches nothing is reported unused, with its scope', () => {
    const unused = rule('PYSEC-2018-28', {
      package: 'requests',
      version: '2.31.0',
      origin: 'input ignore-vulns, line 3'
    })
    expect(applyIgnores(packages(), [unused], TODAY).unused).toEqual([
      {
        rule: unused,
        message:
          'Ignore rule for PYSEC-2018-28 in requests 2.31.0 (input ignore-vulns, line 3) matched no finding; remove it if it is no longer needed.'
      }
    ])
  })

  test('today must be a date', () => {
    expect(() => applyIgnores(packages(), [], '2026-7-1')).toThrow('YYYY-MM-DD')
  })
})

describe('parseIgnoreVulnsInput', () => {
  test('one id per line, optional reason after #, blank and comment lines skipped', () => {
    const input = [
      '# accepted until the proxy work lands',
      'PYSEC-2023-74   # no proxies in production',
      '',
      '  ghsa-x84v-xcm2-53pg',
      'CVE-2023-43804#redirects disabled\r',
      'MAL-2024-9991 #'
    ].join('\n')
    expect(parseIgnoreVulnsInput(input)).toEqual([
      {
        id: 'PYSEC-2023-74',
        reason: 'no proxies in production',
        origin: 'input ignore-vulns, line 2'
      },
      { id: 'ghsa-x84v-xcm2-53pg', origin: 'input ignore-vulns, line 4' },
      { id: 'CVE-2023-43804', reason: 'redirects disabled', origin: 'input ignore-vulns, line 5' },
      { id: 'MAL-2024-9991', origin: 'input ignore-vulns, line 6' }
    ])
  })

  test('empty input: no rules', () => {
    expect(parseIgnoreVulnsInput('')).toEqual([])
    expect(parseIgnoreVulnsInput('\n  \n# nothing yet\n')).toEqual([])
  })

  test.each([
    [
      'GHSA-x84v-xcm2-53pg GHSA-j8r2-6x86-q33q',
      'line 1: one advisory id per line, got "GHSA-x84v-xcm2-53pg GHSA-j8r2-6x86-q33q"'
    ],
    ['PYSEC-2023-74,PYSEC-2018-28', 'line 1: one advisory id per line'],
    ['\nrequests', 'line 2: "requests" is not an advisory id'],
    ['2023-74', 'is not an advisory id']
  ])('%p is an InputError naming the input', (input, message) => {
    const error = (() => {
      try {
        parseIgnoreVulnsInput(input)
      } catch (caught) {
        return caught
      }
    })()
    expect(error).toBeInstanceOf(InputError)
    expect((error as InputError).input).toBe('ignore-vulns')
    expect((error as InputError).message).toContain(message)
  })
})

describe('isAdvisoryId', () => {
  test.each([
    'GHSA-x84v-xcm2-53pg',
    'PYSEC-2018-28',
    'CVE-2018-18074',
    'MAL-2024-9991',
    'GO-2022-0968',
    'RUSTSEC-2020-0001',
    'BIT-django-2024-1'
  ])('%s is an id', id => expect(isAdvisoryId(id)).toBe(true))
  test.each(['requests', '2018-28', 'GHSA-', '-GHSA-1', 'GHSA 1', ''])('%p is not', id =>
    expect(isAdvisoryId(id)).toBe(false)
  )
})
