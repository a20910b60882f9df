import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import { parseHtmlProjectPage } from '../../src/health/page-html.js'
import { parseJsonProjectPage } from '../../src/health/page-json.js'
import { PageFormatError } from '../../src/health/project-facts.js'

const A = 'a'.repeat(64)
const B = 'b'.repeat(64)
const C = 'c'.repeat(64)

const jsonPage = (fields: Record<string, unknown>, apiVersion = '1.4') =>
  JSON.stringify({ meta: { 'api-version': apiVersion }, name: 'demo', ...fields })

describe('PEP 691 JSON project pages', () => {
  test('files are grouped into the releases asked for, by PEP 440 equality', () => {
    const body = jsonPage({
      files: [
        { filename: 'demo-1.0-py3-none-any.whl', hashes: { sha256: A.toUpperCase() } },
        { filename: 'demo-1.0.tar.gz', hashes: { sha256: B, md5: 'x' }, yanked: false },
        { filename: 'demo-2.0.tar.gz', hashes: { sha256: C } }
      ],
      versions: ['1.0', '2.0']
    })
    expect(parseJsonProjectPage(body, 'demo', ['1.0.0'])).toEqual({
      status: { status: 'active' },
      releases: [
        { version: '1.0.0', files: 2, yankedFiles: 0, sha256: [A, B], filesWithoutSha256: 0 }
      ],
      versions: ['1.0', '2.0'],
      yankedVersions: []
    })
  })

  test('yanked is false, true or a reason (PEP 592); the first reason is kept', () => {
    const body = jsonPage({
      files: [
        { filename: 'demo-1.0-py3-none-any.whl', hashes: { sha256: A }, yanked: true },
        { filename: 'demo-1.0.tar.gz', hashes: { sha256: B }, yanked: 'broken\nmetadata' },
        { filename: 'demo-1.1.tar.gz', hashes: {} }
      ]
    })
    expect(parseJsonProjectPage(body, 'demo', ['1.0', '1.1', '3.0']).releases).toEqual([
      {
        version: '1.0',
        files: 2,
        yankedFiles: 2,
        yankedReason: 'broken metadata',
        sha256: [A, B],
        filesWithoutSha256: 0
      },
      { version: '1.1', files: 1, yankedFiles: 0, sha256: [], filesWithoutSha256: 1 },
      { version: '3.0', files: 0, yankedFiles: 0, sha256: [], filesWithoutSha256: 0 }
    ])
  })

  test.each([
    [
      { status: 'quarantined', reason: 'malware' },
      { status: 'quarantined', reason: 'malware' }
    ],
    [{ status: 'Archived' }, { status: 'archived' }],
    [
      { status: 'deprecated', reason: '  use\u0007 other  ' },
      { status: 'deprecated', reason: 'use other' }
    ],
    [{ status: 'retired', reason: 'unknown status' }, { status: 'active' }],
    ['quarantined', { status: 'active' }]
  ])('project-status %j reads as %j (PEP 792; unknown ones are active)', (given, expected) => {
    const body = jsonPage({ 'project-status': given, files: [] })
    expect(parseJsonProjectPage(body, 'demo', []).status).toEqual(expected)
  })

  test('a long reason is shortened to one line', () => {
    const body = jsonPage({
      'project-status': { status: 'archived', reason: 'x'.repeat(5000) },
      files: []
    })
    expect(parseJsonProjectPage(body, 'demo', []).status.reason!.length).toBeLessThanOrEqual(301)
  })

  test.each([
    ['{', /malformed JSON/],
    ['[]', /not an object/],
    [JSON.stringify({ files: [] }), /no api-version/],
    [jsonPage({ files: [] }, '2.0'), /api-version 2.0 is not supported/],
    [jsonPage({}), /no 'files' list/],
    [jsonPage({ files: [{ url: 'x' }] }), /files\[0\] has no filename/]
  ])('%s is refused: %s', (body, message) => {
    expect(() => parseJsonProjectPage(body, 'demo', [])).toThrow(PageFormatError)
    expect(() => parseJsonProjectPage(body, 'demo', [])).toThrow(message)
  })

  test('any text either reads or is refused with PageFormatError', () => {
    const file = fc.record({
      filename: fc.oneof(fc.string(), fc.constant('demo-1.0.tar.gz')),
      hashes: fc.oneof(fc.dictionary(fc.string(), fc.jsonValue()), fc.jsonValue()),
      yanked: fc.jsonValue()
    })
    const page = fc.oneof(
      fc.string(),
      fc.jsonValue().map(value => JSON.stringify(value)),
      fc
        .record({
          files: fc.array(fc.oneof(file, fc.jsonValue())),
          'project-status': fc.jsonValue()
        })
        .map(fields => jsonPage(fields))
    )
    fc.assert(
      fc.property(page, body => {
        try {
          parseJsonProjectPage(body, 'demo', ['1.0'])
        } catch (error) {
          expect(error).toBeInstanceOf(PageFormatError)
        }
      })
    )
  })
})

describe('PEP 503 HTML project pages', () => {
  const htmlPage = (head: string, body: string) =>
    `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`

  test('anchors give file names (from the href), #sha256= digests and data-yanked', () => {
    const body = htmlPage(
      '<meta name="pypi:repository-version" content="1.1">',
      [
        `<a href="https://files.example/p/demo-1.0-py3-none-any.whl#sha256=${A}" data-requires-python=">=3.8">demo-1.0-py3-none-any.whl</a>`,
        `<a href="../../p/demo-1.0.tar.gz#sha256=${B}" data-yanked="bad &amp; broken">demo-1.0.tar.gz</a>`,
        `<a href="/p/demo-1.0.zip#md5=0123" data-yanked>demo-1.0.zip</a>`,
        `<!-- <a href="/p/demo-1.0-py2-none-any.whl#sha256=${C}">hidden</a> -->`,
        `<A HREF='/p/demo%2D2.0.tar.gz?x=1#SHA256=${C.toUpperCase()}'>x</A>`
      ].join('<br/>\n')
    )
    expect(parseHtmlProjectPage(body, 'demo', ['1.0', '2.0'])).toEqual({
      status: { status: 'active' },
      releases: [
        {
          version: '1.0',
          files: 3,
          yankedFiles: 2,
          yankedReason: 'bad & broken',
          sha256: [A, B],
          filesWithoutSha256: 1
        },
        { version: '2.0', files: 1, yankedFiles: 0, sha256: [C], filesWithoutSha256: 0 }
      ],
      versions: ['1.0', '2.0'],
      yankedVersions: []
    })
  })

  test("PEP 792's meta tags give the status and its reason", () => {
    const body = htmlPage(
      '<meta name="pypi:project-status" content="quarantined">' +
        '<meta name="pypi:project-status-reason" content="malware &lt;reported&gt;">',
      ''
    )
    expect(parseHtmlProjectPage(body, 'demo', [])).toEqual({
      status: { status: 'quarantined', reason: 'malware <reported>' },
      releases: [],
      versions: [],
      yankedVersions: []
    })
  })

  test('an unescaped > inside a quoted attribute does not end the tag', () => {
    const body = `<a data-requires-python=">=3.8" href="/demo-1.0.tar.gz#sha256=${A}">demo-1.0.tar.gz</a>`
    expect(parseHtmlProjectPage(body, 'demo', ['1.0']).releases[0]!.sha256).toEqual([A])
  })

  test('a repository-version 2.x page is refused', () => {
    const body = htmlPage('<meta name="pypi:repository-version" content="2.0">', '')
    expect(() => parseHtmlProjectPage(body, 'demo', [])).toThrow(PageFormatError)
  })

  test('any text reads, or is refused with PageFormatError', () => {
    const fragment = fc.oneof(
      fc.string(),
      fc.constantFrom(
        '<a href="',
        '">',
        '<meta name="pypi:project-status" content="',
        '<!--',
        '-->',
        "'",
        '&#x',
        ';',
        '#sha256=',
        'data-yanked',
        '=',
        '>',
        '<'
      )
    )
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 30 }), parts => {
        try {
          const facts = parseHtmlProjectPage(parts.join(''), 'demo', ['1.0'])
          expect(facts.releases).toHaveLength(1)
        } catch (error) {
          expect(error).toBeInstanceOf(PageFormatError)
        }
      })
    )
  })

  test('a page of 400 000 unclosed tags is read to the end', () => {
    const body = '<a href="x'.repeat(200_000) + '<meta '.repeat(200_000)
    expect(parseHtmlProjectPage(body, 'demo', ['1.0']).releases[0]!.files).toBe(0)
  })
})
