/**
 * Issue 18: malicious packages (MAL- findings) and quarantined projects are shown together in
 * the first section; the index's other findings get their own section (kind, package, version,
 * reason, place), failing ones first. Issue 19, item 10: the CLI lists malicious packages
 * first, as the summary does, and recommends removal.
 */
import { describe, expect, test } from '@jest/globals'
import type { PackageIssue } from '../../src/health/types.js'
import { renderMarkdown } from '../../src/report/markdown.js'
import { renderTerminal } from '../../src/report/terminal.js'
import { dependency, outcome, reportedPackage, vulnerability } from '../support/fixtures.js'

const ROOT = '/repo'
const FILE = `${ROOT}/requirements.txt`
const SHA = '0123456789abcdef0123456789abcdef01234567'

function issue(
  kind: PackageIssue['kind'],
  name: string,
  line: number,
  failing: boolean
): PackageIssue {
  return {
    name,
    version: '1.0',
    kind,
    reason: `${name} is ${kind} <b>on</b> the index | see https://pypi.org/project/${name}/`,
    location: { file: FILE, line },
    failing
  }
}

const mal = vulnerability('MAL-2024-1', {
  malicious: true,
  severity: { level: 'critical', source: 'none' }
})
const requests = reportedPackage(
  dependency('requests', '2.19.1', FILE, 1),
  [vulnerability('PYSEC-2018-28', { fixVersions: ['2.20.0'] })],
  '2.20.0'
)
const evil = reportedPackage(dependency('evil-pkg', '1.0', FILE, 2), [mal], null)
const result = outcome([requests, evil], {
  packageIssues: [
    issue('archived', 'oldlib', 5, false),
    issue('quarantined', 'badproj', 3, true),
    issue('yanked', 'flaky', 6, false),
    issue('not-found', 'requets', 4, true),
    issue('hash-mismatch', 'swapped', 7, true)
  ]
})

describe('job summary', () => {
  const markdown = renderMarkdown(result, {
    repositoryRoot: ROOT,
    sourceLink: { server: 'https://github.com', repository: 'octo/app', sha: SHA }
  })

  test('malicious and quarantined packages come first, together, with removal advice', () => {
    const first = markdown.indexOf('### 🚨 Malicious and quarantined packages')
    expect(first).toBeGreaterThan(0)
    expect(first).toBeLessThan(markdown.indexOf('### Vulnerabilities'))
    expect(markdown).toContain('Remove them, and rotate every credential')
    const section = markdown.slice(first, markdown.indexOf('### Vulnerabilities'))
    expect(section).toMatch(/^\| \*\*badproj\*\* \| 1\.0 \| quarantined by the index: badproj is/m)
    expect(section).toMatch(/^\| \*\*evil-pkg\*\* \| 1\.0 \| \[MAL-2024-1\]\(https:\/\/osv/m)
    // Quarantine is shown there only, not again among the other package issues.
    expect(markdown.match(/badproj is quarantined/g)).toHaveLength(1)
    expect(markdown).toContain('🚨 2 malicious or quarantined packages')
  })

  test('the other package issues have their own section, failing first, linked to their line', () => {
    expect(markdown).toContain('### Package issues (4)')
    expect(markdown).toContain('What the package index says of these pins; 2 fail the step.')
    const rows = markdown.split('\n').filter(line => /^\| (❌|⚠️) /.test(line))
    expect(rows.map(line => line.split(' | ')[0])).toEqual([
      '| ❌ not-found',
      '| ❌ hash-mismatch',
      '| ⚠️ archived',
      '| ⚠️ yanked'
    ])
    expect(rows[0]).toBe(
      `| ❌ not-found | **requets** | 1.0 | [requirements.txt:4](https://github.com/octo/app/blob/${SHA}/requirements.txt#L4) | requets is not-found &lt;b&gt;on&lt;/b&gt; the index \\| see https:\u2060//pypi.org/project/requets/ |`
    )
    expect(markdown).toContain('4 package issues')
  })

  test('no section when package checks found nothing or did not run', () => {
    const plain = renderMarkdown(outcome([requests]), { repositoryRoot: ROOT })
    expect(plain).not.toContain('Package issues')
    expect(plain).not.toContain('quarantined')
  })
})

describe('terminal', () => {
  const text = renderTerminal(result, { repositoryRoot: ROOT })

  test('malicious and quarantined packages come first, with removal, not an upgrade', () => {
    const lines = text.split('\n')
    expect(lines[0]).toBe(
      'Found 2 malicious or quarantined packages: remove them, and rotate every credential and secret the environments that installed them could reach.'
    )
    expect(text).toMatch(/^evil-pkg\s+1\.0\s+MAL-2024-1$/m)
    expect(text).toMatch(/^badproj\s+1\.0\s+quarantined: badproj is quarantined/m)
    expect(text.indexOf('MAL-2024-1')).toBeLessThan(text.indexOf('Found 1 known vulnerability'))
    expect(text).not.toContain('none known without vulnerabilities')
  })

  test('a malicious package that also has advisories is to be removed, not upgraded', () => {
    const both = reportedPackage(
      dependency('evil-pkg', '1.0', FILE, 2),
      [mal, vulnerability('PYSEC-2099-1')],
      null
    )
    const output = renderTerminal(outcome([both]))
    expect(output.split('\n')[0]).toBe(
      'Found 1 malicious package: remove it, and rotate every credential and secret the environments that installed it could reach.'
    )
    expect(output).toMatch(/^evil-pkg\s+1\.0\s+unknown\s+1\s+remove it \(malicious\)$/m)
    expect(output).not.toContain('none known without vulnerabilities')
    // Malware is not counted as a vulnerability.
    expect(output).toContain('Found 1 known vulnerability in 1 package.')
  })

  test('package issues are listed with their place and whole reason, failing first', () => {
    const start = text.indexOf('Package issues: 4 (2 failing).')
    expect(start).toBeGreaterThan(0)
    const listed = [...text.slice(start).matchAll(/^(FAIL|WARN) ([\w-]+): (\S+) 1\.0 at (\S+)$/gm)]
    expect(listed.map(m => [m[1], m[2], m[3], m[4]])).toEqual([
      ['FAIL', 'not-found', 'requets', 'requirements.txt:4'],
      ['FAIL', 'hash-mismatch', 'swapped', 'requirements.txt:7'],
      ['WARN', 'archived', 'oldlib', 'requirements.txt:5'],
      ['WARN', 'yanked', 'flaky', 'requirements.txt:6']
    ])
    expect(text).toContain(
      '  requets is not-found <b>on</b> the index | see https://pypi.org/project/requets/'
    )
  })
})
