/**
 * Issue 19, item 6: "declared in app/requirements.txt:23" links to that line in the repository
 * at the run's commit ($GITHUB_SERVER_URL/$GITHUB_REPOSITORY/blob/$GITHUB_SHA/path#L23) in the
 * summary and comment. The link target is ours (path URL-encoded); the text stays escaped.
 */
import { describe, expect, test } from '@jest/globals'
import { renderMarkdown, type SourceLinkBase } from '../../src/report/markdown.js'
import { dependency, outcome, reportedPackage, vulnerability } from '../support/fixtures.js'

const ROOT = '/repo'
const SHA = '0123456789abcdef0123456789abcdef01234567'
const GITHUB: SourceLinkBase = { server: 'https://github.com', repository: 'octo/app', sha: SHA }

function render(file: string, line: number, sourceLink?: SourceLinkBase): string {
  const result = outcome(
    [reportedPackage(dependency('requests', '2.19.1', file, line), [vulnerability('V-1')])],
    {
      skipped: [
        {
          name: 'mylib',
          reason: 'editable requirement',
          location: { file, line: line + 1 },
          format: 'requirements'
        }
      ]
    }
  )
  return renderMarkdown(result, { repositoryRoot: ROOT, ...(sourceLink ? { sourceLink } : {}) })
}

describe('declared-in links', () => {
  test('link to the line at the run commit in the overview, the folded section and the skipped table', () => {
    const markdown = render(`${ROOT}/app/requirements.txt`, 23, GITHUB)
    const link = `[app/requirements.txt:23](https://github.com/octo/app/blob/${SHA}/app/requirements.txt#L23)`
    expect(markdown).toContain(`| **requests** | 2.19.1 | ⬜ unknown | 1 | — | ${link} |`)
    expect(markdown).toContain(`Declared in ${link}`)
    expect(markdown).toContain(
      `| mylib | [app/requirements.txt:24](https://github.com/octo/app/blob/${SHA}/app/requirements.txt#L24) |`
    )
  })

  test('a GitHub Enterprise server and a file without lines (line 0) link to the file', () => {
    const markdown = render(`${ROOT}/poetry.lock`, 0, {
      server: 'https://ghe.example.com/',
      repository: 'team/svc',
      sha: SHA
    })
    expect(markdown).toContain(
      `[poetry.lock](https://ghe.example.com/team/svc/blob/${SHA}/poetry.lock)`
    )
  })

  test('the path is URL-encoded, the text escaped: no character of a file name can end or change the link', () => {
    const markdown = render(`${ROOT}/we(ird) [dir]/req #1 %.txt`, 3, GITHUB)
    expect(markdown).toContain(
      `[we\\(ird\\) \\[dir\\]/req \\#1 %.txt:3](https://github.com/octo/app/blob/${SHA}/we%28ird%29%20%5Bdir%5D/req%20%231%20%25.txt#L3)`
    )
  })

  test('without the run commit, or outside the repository, places are plain text', () => {
    expect(render(`${ROOT}/app/requirements.txt`, 23)).toContain(
      'Declared in app/requirements.txt:23'
    )
    const outside = render('/elsewhere/requirements.txt', 2, GITHUB)
    expect(outside).toContain('Declared in /elsewhere/requirements.txt:2')
    expect(outside).not.toContain('/blob/')
  })

  test('a server, repository or commit that is not what GitHub sets gives no link', () => {
    const bad: SourceLinkBase[] = [
      { ...GITHUB, server: 'javascript:alert(1)' },
      { ...GITHUB, server: 'https://user:pass@github.com' },
      { ...GITHUB, server: 'not a url' },
      { ...GITHUB, repository: 'octo/app) [x](https://evil.example' },
      { ...GITHUB, repository: 'octo' },
      { ...GITHUB, sha: 'main' },
      { ...GITHUB, sha: `${SHA})` }
    ]
    for (const sourceLink of bad) {
      const markdown = render(`${ROOT}/app/requirements.txt`, 23, sourceLink)
      expect({ sourceLink, linked: markdown.includes('/blob/') }).toEqual({
        sourceLink,
        linked: false
      })
      expect(markdown).toContain('Declared in app/requirements.txt:23')
    }
  })
})
