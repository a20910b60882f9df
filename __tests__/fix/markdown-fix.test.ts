import { describe, expect, test } from '@jest/globals'
import type { FixOutcome } from '../../src/fix/types.js'
import { Places } from '../../src/report/markdown-cells.js'
import { patchBlock, renderFixSection } from '../../src/report/markdown-fix.js'

const ROOT = '/repo'
const places = new Places(ROOT, undefined)

const outcome: FixOutcome = {
  mode: 'pins',
  fixed: [
    {
      kind: 'pin',
      name: 'requests',
      version: '2.19.1',
      fixVersion: '2.31.0',
      before: '==2.19.1',
      after: '==2.31.0',
      location: { file: '/repo/requirements.txt', line: 3 }
    }
  ],
  notes: [
    {
      kind: 'needs-hand',
      name: 'jinja2',
      version: '2.10.1',
      fixVersion: '3.1.3',
      location: { file: '/repo/requirements.txt', line: 4 },
      detail: 'it carries --hash, and <b>the index</b> could not be asked'
    }
  ],
  lockfiles: [
    {
      name: 'pillow',
      version: '9.0.0',
      fixVersion: '12.3.0',
      lockfile: '/repo/app/uv.lock',
      format: 'uv.lock',
      command: ['uv', 'lock', '--upgrade-package', 'pillow==12.3.0'],
      shown: 'uv lock --upgrade-package pillow==12.3.0',
      directory: '/repo/app',
      constraint: 'pillow>=12.3.0'
    }
  ],
  changedFiles: ['/repo/requirements.txt'],
  patch:
    '--- a/requirements.txt\n+++ b/requirements.txt\n@@ -3 +3 @@\n-requests==2.19.1\n+requests==2.31.0\n'
}

describe('the summary section of fix', () => {
  test('what was rewritten, the lockfile commands with the constraint to declare first, what was left and why, the patch folded', () => {
    const text = renderFixSection(outcome, places, ROOT).join('\n')
    expect(text).toContain('### Fixes (1)')
    expect(text).toContain(
      '| requests | 2.19.1 | 2.31.0 | requirements.txt:3 | ==2.19.1 → ==2.31.0 |'
    )
    expect(text).toContain('`uv lock --upgrade-package pillow==12.3.0` (in app)')
    expect(text).toContain('first declare `pillow>=12.3.0` in pyproject.toml')
    expect(text).toContain(
      'Needs a hand: it carries --hash, and &lt;b&gt;the index&lt;/b&gt; could not be asked'
    )
    expect(text).toContain(
      '<details><summary>The patch (1 file)</summary>\n\n```diff\n--- a/requirements.txt'
    )
    expect(text).toMatch(/\+requests==2\.31\.0\n```\n\n<\/details>/)
  })

  test('no section without fix', () => {
    expect(renderFixSection(undefined, places, ROOT)).toEqual([])
  })

  test('a patch cannot close its fence: the fence is longer than any run of backticks in it', () => {
    const hostile = [
      '--- a/requirements.txt',
      '+++ b/requirements.txt',
      '@@ -1,3 +1,3 @@',
      ' ```',
      ' ````',
      ' </details><img src=x onerror=alert(1)>',
      '-x==1 # ```````',
      '+x==2 # ```````',
      ''
    ].join('\n')
    const lines = patchBlock(hostile, 1)
    const fence = '`'.repeat(8)
    expect(lines[2]).toBe(`${fence}diff`)
    const body = lines[3]!.split('\n')
    // CommonMark closes a fence only with a line of at least as many backticks and nothing else.
    expect(body.some(line => /^ {0,3}`{8,}\s*$/.test(line))).toBe(false)
    expect(lines[4]).toBe(fence)
  })

  test('control characters, bidi overrides and credentials in the patch are not shown', () => {
    const patch =
      '--- a/r.txt\n+++ b/r.txt\n@@ -1,2 +1,2 @@\n --index-url https://user:s3cret@pypi.example.org/simple\n-a==1 # \u202e\u001b[31mred\n+a==2 # \u202e\u001b[31mred\n'
    const shown = patchBlock(patch, 1).join('\n')
    expect(shown).not.toContain('s3cret')
    expect(shown).toContain('https://***@pypi.example.org/simple')
    expect(shown.includes('\u202e') || shown.includes('\u001b')).toBe(false)
  })

  test('a patch too long for the summary is cut at a line, and says where the whole is', () => {
    const long = `--- a/r.txt\n+++ b/r.txt\n${'+x==1\n'.repeat(10_000)}`
    const shown = patchBlock(long, 1)[3]!
    expect(shown.length).toBeLessThan(31_000)
    expect(shown).toMatch(
      /\+x==1\n… \(cut here: the whole patch is in the fix-patch file and the artifact\)$/
    )
  })
})
