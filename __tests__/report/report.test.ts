import { describe, expect, test } from '@jest/globals'
import { buildJsonReport } from '../../src/report/json-report.js'
import { normalVersion } from '../../src/deps/versions.js'
import { renderMarkdown } from '../../src/report/markdown.js'
import { renderTerminal } from '../../src/report/terminal.js'
import { escapeMarkdown, safeUrl, truncate } from '../../src/shared/escape.js'
import { dependency, outcome, reportedPackage, vulnerability } from '../support/fixtures.js'

const root = '/repo'
const requests = dependency('requests', '2.19.1', '/repo/app/requirements.txt', 3)
const flask = dependency('flask', '2.00', '/repo/app/requirements.txt', 4)
const pysec = vulnerability('PYSEC-2018-28', {
  aliases: ['GHSA-x84v-xcm2-53pg', 'CVE-2018-18074'],
  fixVersions: ['2.20.0'],
  description: 'The Requests package before 2.20.0 sends an HTTP Authorization header',
  severity: {
    level: 'medium',
    score: 6.1,
    vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N',
    source: 'CVSS_V3'
  }
})
const ignored = vulnerability('PYSEC-2023-74', {
  fixVersions: ['2.31.0'],
  ignored: { reason: 'proxies are not used', origin: '.pyaudit.toml:3', until: '2027-01-01' },
  failing: false
})
const result = outcome(
  [reportedPackage(requests, [pysec, ignored], '2.31.0'), reportedPackage(flask, [])],
  {
    skipped: [
      {
        name: 'mylib',
        reason: 'editable requirement',
        location: { file: '/repo/app/requirements.txt', line: 9 },
        format: 'requirements'
      }
    ],
    sources: [
      {
        file: '/repo/app/requirements.txt',
        format: 'requirements',
        dependencies: [requests, flask],
        skipped: []
      }
    ]
  }
)

describe('JSON report (pip-audit schema plus our keys)', () => {
  const report = buildJsonReport(result, root)

  test('dependencies keep pip-audit keys; skipped ones have skip_reason', () => {
    expect(report.dependencies).toEqual([
      {
        name: 'requests',
        version: '2.19.1',
        recommended_version: '2.31.0',
        vulns: [
          {
            id: 'PYSEC-2018-28',
            fix_versions: ['2.20.0'],
            aliases: ['CVE-2018-18074', 'GHSA-x84v-xcm2-53pg'],
            description: 'The Requests package before 2.20.0 sends an HTTP Authorization header',
            severity: {
              level: 'medium',
              score: 6.1,
              vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N',
              source: 'CVSS_V3'
            },
            malicious: false,
            ignored: null,
            failing: true
          },
          expect.objectContaining({
            id: 'PYSEC-2023-74',
            ignored: {
              reason: 'proxies are not used',
              origin: '.pyaudit.toml:3',
              until: '2027-01-01'
            },
            failing: false
          })
        ]
      },
      // pip-audit prints versions in PEP 440 normal form.
      { name: 'flask', version: '2.0', vulns: [] },
      { name: 'mylib', skip_reason: 'editable requirement' }
    ])
  })

  test('fixes use pip-audit --fix shapes', () => {
    expect(report.fixes).toEqual([
      { name: 'requests', old_version: '2.19.1', new_version: '2.31.0' }
    ])
  })

  test('summary, sources and tool describe the run', () => {
    expect(report.summary).toEqual({
      packages: 2,
      vulnerable_packages: 1,
      vulnerabilities: 1,
      by_severity: { critical: 0, high: 0, medium: 1, low: 0, unknown: 0 },
      malicious: 0,
      ignored: 1,
      failing: 1,
      skipped: 1,
      license_violations: 0,
      result: 'fail',
      failure_reasons: ['Failed: test findings.'],
      incomplete: false
    })
    expect(report.sources).toEqual([
      { file: 'app/requirements.txt', format: 'requirements', dependencies: 2, skipped: 0 }
    ])
    expect(report.tool).toEqual({
      name: 'pyaudit-action',
      version: '0.0.0-test',
      feed: 'test feed',
      database_updated: null
    })
  })

  test('normalVersion prints PEP 440 normal forms, local versions included', () => {
    expect(normalVersion('2.19.01')).toBe('2.19.1')
    expect(normalVersion('1.0+Local.1')).toBe('1.0+local.1')
    expect(normalVersion('not-a-version')).toBe('not-a-version')
  })
})

describe('job summary', () => {
  const markdown = renderMarkdown(result, { repositoryRoot: root })

  test('leads with the verdict, then an overview row per vulnerable package with its upgrade', () => {
    expect(markdown).toMatch(
      /### ❌ Failed\n\n\*\*2 packages audited · 1 vulnerability \(1 medium\) in 1 package · 1 ignored · 1 not audited\*\*/
    )
    expect(markdown).toContain(
      '| **requests** | 2.19.1 | 🟨 medium 6.1 | 1 | **2.31.0** | app/requirements.txt:3 |'
    )
    expect(markdown).toContain(
      '| 🟨 medium 6.1 | [PYSEC-2018-28](https://osv.dev/vulnerability/PYSEC-2018-28)'
    )
    expect(markdown).toContain('Declared in app/requirements.txt:3')
  })

  test('ignored findings and skipped dependencies are listed with their reasons', () => {
    expect(markdown).toContain('### Ignored findings (1)')
    expect(markdown).toContain('| proxies are not used | 2027-01-01 | .pyaudit.toml:3 |')
    expect(markdown).toContain('| mylib | app/requirements.txt:9 | editable requirement |')
  })

  test('says so plainly when nothing is found', () => {
    const clean = renderMarkdown(outcome([reportedPackage(flask, [])]), { repositoryRoot: root })
    expect(clean).toContain('### ✅ Passed')
    expect(clean).toContain('No known vulnerabilities in 1 package.')
    expect(clean).not.toContain('### Vulnerabilities')
  })

  test('malicious packages come first, with advice to remove them and rotate credentials', () => {
    const mal = vulnerability('MAL-2024-1', {
      malicious: true,
      severity: { level: 'critical', source: 'none' }
    })
    const text = renderMarkdown(
      outcome([
        reportedPackage(flask, []),
        reportedPackage(dependency('evil-pkg', '1.0', '/repo/r.txt', 2), [mal])
      ]),
      { repositoryRoot: root }
    )
    expect(text.indexOf('### 🚨 Malicious packages')).toBeGreaterThan(0)
    expect(text).toContain('rotate every credential')
    expect(text).toContain('🚨 1 malicious package')
  })

  test('escapes hostile advisory text and package names', () => {
    const hostile = outcome([
      reportedPackage(dependency('evil', '1.0', '/repo/r.txt', 1), [
        vulnerability('GHSA-xxxx', {
          description:
            '<img src=x onerror=alert(1)> | broken | cell\n## heading [click](javascript:alert(1)) @octocat'
        })
      ])
    ])
    const text = renderMarkdown(hostile, { repositoryRoot: root })
    expect(text).not.toMatch(/<img/)
    expect(text).not.toContain('](javascript:')
    expect(text).not.toMatch(/[^\\]@octocat/)
    const row = text.split('\n').find(line => line.includes('GHSA-xxxx')) ?? ''
    expect(row.split(/(?<!\\)\|/).length).toBe(6)
  })

  test('maxPackages shortens a huge summary and says how many were left out', () => {
    const many = outcome(
      Array.from({ length: 30 }, (_, i) =>
        reportedPackage(dependency(`p${i}`, '1.0', '/repo/r.txt', i + 1), [vulnerability(`V-${i}`)])
      )
    )
    const text = renderMarkdown(many, { repositoryRoot: root, maxPackages: 5 })
    expect(text.match(/^\| \*\*p\d+\*\* \|/gm)).toHaveLength(5)
    expect(text.match(/^<details>/gm)).toHaveLength(5)
    expect(text).toContain('…and 25 more vulnerable packages')
  })
})

describe('escaping helpers', () => {
  test('escapeMarkdown neutralises HTML, links, tables and line breaks', () => {
    expect(escapeMarkdown('a|b')).toBe('a\\|b')
    expect(escapeMarkdown('<script>')).toBe('&lt;script&gt;')
    expect(escapeMarkdown('[x](y)')).toBe('\\[x\\]\\(y\\)')
    expect(escapeMarkdown('line\nbreak')).toBe('line break')
  })

  test('safeUrl keeps http(s) links only', () => {
    expect(safeUrl('https://osv.dev/x')).toBe('https://osv.dev/x')
    expect(safeUrl('javascript:alert(1)')).toBeUndefined()
    expect(safeUrl('/relative')).toBeUndefined()
  })

  test('truncate cuts long text with an ellipsis', () => {
    expect(truncate('short', 10)).toBe('short')
    expect(truncate('a'.repeat(20), 10)).toBe(`${'a'.repeat(9)}…`)
  })
})

describe('terminal table', () => {
  test('lists findings in pip-audit columns, upgrades, ignores and skips, with control characters removed', () => {
    const text = renderTerminal(
      outcome([
        reportedPackage(
          requests,
          [
            vulnerability('PYSEC-1', { fixVersions: ['2.20.0'], description: 'bad\u001b[31m red' }),
            ignored
          ],
          '2.31.0'
        )
      ])
    )
    expect(text).toContain('Found 1 known vulnerability in 1 package.')
    expect(text).toMatch(/^Name\s+Version\s+ID\s+Fix Versions\s+Severity\s+Summary$/m)
    expect(text).toMatch(/^requests\s+2\.19\.1\s+PYSEC-1\s+2\.20\.0\s+unknown\s+bad red$/m)
    expect(text).toMatch(/^requests\s+2\.19\.1\s+unknown\s+1\s+2\.31\.0$/m)
    expect(text).toMatch(/^requests\s+2\.19\.1\s+PYSEC-2023-74\s+proxies are not used$/m)
    expect(text).not.toContain('\u001b')
  })
})
