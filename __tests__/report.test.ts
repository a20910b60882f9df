import { describe, expect, test } from '@jest/globals'
import { buildJsonReport } from '../src/report/json-report.js'
import { renderMarkdown } from '../src/report/markdown.js'
import { renderTerminal } from '../src/report/terminal.js'
import { escapeMarkdown, safeUrl, truncate } from '../src/report/escape.js'
import { auditedPackage, auditResult, dependency, vulnerability } from './support/fixtures.js'

const root = '/repo'
const requests = dependency('requests', '2.19.1', '/repo/app/requirements.txt', 3)
const flask = dependency('flask', '2.00', '/repo/app/requirements.txt', 4)
const result = auditResult(
  [
    auditedPackage(requests, [
      vulnerability('PYSEC-2018-28', {
        aliases: ['GHSA-x84v-xcm2-53pg', 'CVE-2018-18074'],
        fixVersions: ['2.20.0'],
        description: 'The Requests package before 2.20.0 sends an HTTP Authorization header'
      })
    ]),
    auditedPackage(flask, [])
  ],
  {
    skipped: [
      {
        name: 'mylib',
        reason: 'editable requirement',
        location: { file: '/repo/app/requirements.txt', line: 9 },
        format: 'requirements'
      }
    ]
  }
)

describe('JSON report (pip-audit schema)', () => {
  test('has dependencies with vulns, skipped ones with skip_reason, and fixes', () => {
    expect(buildJsonReport(result)).toEqual({
      dependencies: [
        {
          name: 'requests',
          version: '2.19.1',
          vulns: [
            {
              id: 'PYSEC-2018-28',
              fix_versions: ['2.20.0'],
              aliases: ['CVE-2018-18074', 'GHSA-x84v-xcm2-53pg'],
              description: 'The Requests package before 2.20.0 sends an HTTP Authorization header'
            }
          ]
        },
        // pip-audit prints versions in PEP 440 normal form.
        { name: 'flask', version: '2.0', vulns: [] },
        { name: 'mylib', skip_reason: 'editable requirement' }
      ],
      fixes: []
    })
  })
})

describe('job summary', () => {
  const markdown = renderMarkdown(result, { repositoryRoot: root })

  test('leads with the verdict and links each advisory', () => {
    expect(markdown).toContain('❌ **1 vulnerability** in 1 package of 2 audited')
    expect(markdown).toContain('[PYSEC-2018-28](https://osv.dev/vulnerability/PYSEC-2018-28)')
    expect(markdown).toContain('| **requests** | 2.19.1 |')
    expect(markdown).toContain('app/requirements.txt:3')
    expect(markdown).toContain('| mylib | app/requirements.txt:9 | editable requirement |')
  })

  test('says so plainly when nothing is found', () => {
    const clean = renderMarkdown(auditResult([auditedPackage(flask, [])]), { repositoryRoot: root })
    expect(clean).toContain('✅ **No known vulnerabilities** in 1 package')
    expect(clean).not.toContain('### Vulnerabilities')
  })

  test('escapes hostile advisory text and package names', () => {
    const hostile = auditResult([
      auditedPackage(dependency('evil', '1.0', '/repo/r.txt', 1), [
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
    // One finding row: the pipes in the text must not open new cells.
    const row = text.split('\n').find(line => line.includes('evil')) ?? ''
    expect(row.split(/(?<!\\)\|/).length).toBe(8)
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
  test('lists findings in pip-audit columns and skips, with control characters removed', () => {
    const text = renderTerminal(
      auditResult([
        auditedPackage(requests, [
          vulnerability('PYSEC-1', { fixVersions: ['2.20.0'], description: 'bad\u001b[31m red' })
        ])
      ])
    )
    expect(text).toContain('Found 1 known vulnerability in 1 package.')
    expect(text).toMatch(/^Name\s+Version\s+ID\s+Fix Versions\s+Summary$/m)
    expect(text).toMatch(/^requests\s+2\.19\.1\s+PYSEC-1\s+2\.20\.0\s+bad \[31m red$/m)
    expect(text).not.toContain('\u001b')
  })
})
