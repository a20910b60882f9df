/**
 * Issue 14, items 2 and 9: text from advisories, dependency files and configured URLs is
 * hostile. Whatever we print (summary, comment, annotations, terminal, SARIF) carries no
 * escape sequence, control or bidi character and no live link made from advisory text; what
 * we print or write (those and the JSON report and SBOM too) carries no credential from a URL.
 */
import { describe, expect, test } from '@jest/globals'
import { planAnnotations } from '../../src/integrations/github/annotations.js'
import { buildJsonReport, serializeReport } from '../../src/report/json-report.js'
import { renderMarkdown } from '../../src/report/markdown.js'
import { buildSarif } from '../../src/report/sarif.js'
import { buildSbom } from '../../src/report/sbom.js'
import { renderTerminal } from '../../src/report/terminal.js'
import { dependency, outcome, reportedPackage, vulnerability } from '../support/fixtures.js'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

const ROOT = '/repo'
const ESC = '\u001b'
/** Bidi controls and marks (Trojan Source), C0 controls but tab and line feed, DEL and C1. */
const INVISIBLE =
  // eslint-disable-next-line no-control-regex
  /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u0000-\u0008\u000b-\u001f\u007f-\u009f]/
const CREDENTIALS = ['OSVPASS', 'osvuser', 'BAREURLPASS', 'u2:', 'DIRECTTOKEN']

const HOSTILE =
  'Read https://evil.example/pwn or www.evil.example, write to x@evil.example. ' +
  `${ESC}[31mRED${ESC}[0m \u202Eevil\u202C \u2066isolate\u2069 \u200Emark\u200F \u061Calm \u0085next \u009b31m`

function hostileOutcome() {
  const pkg = reportedPackage(
    dependency('evil', '1.0', `${ROOT}/requirements.txt`, 3),
    [
      vulnerability('PYSEC-2099-1', {
        description: HOSTILE,
        aliases: ['CVE-2099-1'],
        fixVersions: ['1.1'],
        record: {
          id: 'PYSEC-2099-1',
          modified: '2099-01-01T00:00:00Z',
          summary: HOSTILE,
          details: `${HOSTILE}\n\nMore: https://evil.example/more\n${ESC}]8;;https://evil.example${ESC}\\link${ESC}]8;;${ESC}\\`,
          references: [{ type: 'ADVISORY', url: 'https://DIRECTTOKEN@advisories.example/x' }]
        }
      })
    ],
    '1.1'
  )
  return outcome([pkg], {
    feed: 'OSV API (http://osvuser:OSVPASS@127.0.0.1:1)',
    sources: [
      {
        file: `${ROOT}/requirements.txt`,
        format: 'requirements',
        dependencies: pkg.declarations,
        skipped: []
      }
    ],
    skipped: [
      {
        name: 'https://u2:BAREURLPASS@host.example/other-1.0.tar.gz',
        reason: 'URL requirement: not a released version on an index',
        location: { file: `${ROOT}/requirements.txt`, line: 5 },
        format: 'requirements'
      }
    ],
    failureReasons: [`Failed: ${ESC}[2J1 finding \u202Eon evil`]
  })
}

/**
 * What GFM's extended autolinks (https://github.github.com/gfm/#autolinks-extension-) would
 * make live: scheme URLs, `www.` names and e-mail addresses in text, once the links we mean
 * (`[id](https://osv.dev/...)`) are set apart. Autolinking runs on text after backslash
 * escapes are undone, so they are undone here too.
 */
function liveAutolinks(markdown: string): string[] {
  const text = markdown.replace(/\]\(https:\/\/osv\.dev\/[^)\s]*\)/g, ']').replace(/\\(.)/g, '$1')
  return [
    ...text.matchAll(/\bhttps?:\/\/[^\s<]+|\bwww\.[^\s<]+|[\w.+-]+@[a-z0-9-]+\.[a-z0-9.-]+/gi)
  ].map(match => match[0])
}

function expectClean(what: string, text: string): void {
  expect({ what, escape: text.includes(ESC) }).toEqual({ what, escape: false })
  expect({ what, invisible: INVISIBLE.exec(text)?.[0] }).toEqual({ what, invisible: undefined })
}

function expectNoCredentials(what: string, text: string): void {
  for (const secret of CREDENTIALS) {
    const found = text.toLowerCase().includes(secret.toLowerCase())
    expect({ what, secret, found }).toEqual({ what, secret, found: false })
  }
}

describe('hostile text in what we print', () => {
  test('the job summary and comment: no escape, control or bidi character, no live link, no credential', () => {
    const markdown = renderMarkdown(hostileOutcome(), { repositoryRoot: ROOT })
    expectClean('markdown', markdown.replace(/\n/g, ' '))
    expect(liveAutolinks(markdown)).toEqual([])
    expectNoCredentials('markdown', markdown)
    // Still readable: the words are there, only made inert.
    expect(markdown.replace(/\u2060/g, '')).toContain('evil.example/pwn')
  })

  test('annotations: titles and messages are clean', () => {
    const annotations = planAnnotations(hostileOutcome(), ROOT)
    expect(annotations.length).toBeGreaterThan(0)
    for (const annotation of annotations) {
      expectClean('annotation title', annotation.title)
      expectClean('annotation message', annotation.message.replace(/\n/g, ' '))
      expectNoCredentials('annotation', `${annotation.title} ${annotation.message}`)
    }
  })

  test('the terminal table: no escape sequence left behind, not even its tail', () => {
    const text = renderTerminal(hostileOutcome())
    expectClean('terminal', text.replace(/\n/g, ' '))
    expect(text).not.toContain('[31m')
    expectNoCredentials('terminal', text)
  })

  test('SARIF: every text field is clean, the file carries no credential', () => {
    const sarif = buildSarif(hostileOutcome(), { repositoryRoot: ROOT })
    const run = (JSON.parse(sarif) as Json).runs[0] as Json
    const rule = run.tool.driver.rules[0] as Json
    const texts: string[] = [
      rule.shortDescription.text,
      rule.fullDescription.text,
      rule.help.text,
      rule.help.markdown,
      ...run.results.map((result: Json) => result.message.text),
      ...run.invocations[0].toolExecutionNotifications.map((n: Json) => n.message.text)
    ]
    for (const text of texts) expectClean('sarif', text.replace(/\n/g, ' '))
    expect(liveAutolinks(rule.help.markdown.replace(/^- <https:\/\/[^>]*>$/gm, ''))).toEqual([])
    expectNoCredentials('sarif', sarif)
  })

  test('the JSON report and the SBOM carry no credential from a URL', () => {
    const report = serializeReport(buildJsonReport(hostileOutcome(), ROOT))
    expectNoCredentials('report', report)
    const sbom = buildSbom(hostileOutcome(), { repositoryRoot: ROOT })
    expectNoCredentials('sbom', sbom)
    // What is left of the URL still says where the requirement came from.
    expect(report).toContain('https://***@host.example/other-1.0.tar.gz')
  })
})

describe('SARIF text fields are capped', () => {
  test('a 5 MB advisory gives a SARIF file of a few kilobytes', () => {
    const huge = `${'A long advisory paragraph. '.repeat(20)}\n`.repeat(10_000)
    expect(huge.length).toBeGreaterThan(5_000_000)
    const pkg = reportedPackage(dependency('big', '1.0', `${ROOT}/requirements.txt`, 1), [
      vulnerability('PYSEC-2099-2', {
        description: huge,
        aliases: Array.from({ length: 20_000 }, (_, i) => `CVE-2099-${i}`),
        fixVersions: Array.from({ length: 20_000 }, (_, i) => `1.${i}`),
        record: {
          id: 'PYSEC-2099-2',
          modified: '2099-01-01T00:00:00Z',
          summary: huge,
          details: huge
        }
      })
    ])
    const sarif = buildSarif(outcome([pkg]), { repositoryRoot: ROOT })
    expect(sarif.length).toBeLessThan(100_000)
    const run = (JSON.parse(sarif) as Json).runs[0] as Json
    const rule = run.tool.driver.rules[0] as Json
    expect(rule.help.text.length).toBeLessThanOrEqual(16_384)
    expect(rule.help.markdown.length).toBeLessThanOrEqual(16_384)
    expect(run.results[0].message.text.length).toBeLessThanOrEqual(2_048)
    // A cut shows.
    expect(rule.help.text).toContain('…')
    expect(rule.help.markdown).toContain('…')
  })
})
