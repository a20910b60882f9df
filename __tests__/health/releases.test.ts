/**
 * Issue 17's index seam: the health stage's facts keep, per project, the versions the index
 * has and those it has yanked whole, as plain JSON data, and say which releases are offered.
 */
import { describe, expect, test } from '@jest/globals'
import { parseHtmlProjectPage } from '../../src/health/page-html.js'
import { parseJsonProjectPage } from '../../src/health/page-json.js'
import { PageFormatError } from '../../src/health/project-facts.js'
import { offeredReleases, offeredVersions } from '../../src/health/releases.js'
import type { IndexLookup, ProjectFacts } from '../../src/health/types.js'

const A = 'a'.repeat(64)
const jsonPage = (fields: Record<string, unknown>, apiVersion = '1.1') =>
  JSON.stringify({ meta: { 'api-version': apiVersion }, name: 'demo', ...fields })
const wheel = (version: string, yanked?: boolean | string) => ({
  filename: `demo-${version}-py3-none-any.whl`,
  hashes: { sha256: A },
  ...(yanked !== undefined ? { yanked } : {})
})
const sdist = (version: string, yanked?: boolean | string) => ({
  filename: `demo-${version}.tar.gz`,
  hashes: { sha256: A },
  ...(yanked !== undefined ? { yanked } : {})
})

describe('the version lists of a project page', () => {
  test("PEP 700's versions[] is the list; a version is yanked when every file of it is", () => {
    const facts = parseJsonProjectPage(
      jsonPage({
        versions: ['1.0', '1.1', '2.0', '3.0'],
        files: [
          wheel('1.0'),
          wheel('1.1', 'broken'),
          sdist('1.1', true),
          wheel('2.0', 'broken'),
          sdist('2.0') // one file left: pip can still pick 2.0
        ]
      }),
      'demo',
      ['1.0']
    )
    expect(facts.versions).toEqual(['1.0', '1.1', '2.0', '3.0'])
    expect(facts.yankedVersions).toEqual(['1.1'])
  })

  test('without versions[], the versions come from the file names, each once by PEP 440', () => {
    const facts = parseJsonProjectPage(
      jsonPage(
        { files: [wheel('1.0'), sdist('1.0.0'), wheel('2.0rc1', true), sdist('2.0')] },
        '1.0'
      ),
      'demo',
      []
    )
    expect(facts.versions).toEqual(['1.0', '2.0rc1', '2.0'])
    expect(facts.yankedVersions).toEqual(['2.0rc1'])
  })

  test('a PEP 503 HTML page gives its lists from the anchors', () => {
    const body =
      '<html><body>' +
      `<a href="/p/demo-1.0.tar.gz#sha256=${A}">demo-1.0.tar.gz</a>` +
      `<a href="/p/demo-1.5.tar.gz#sha256=${A}" data-yanked="oops">demo-1.5.tar.gz</a>` +
      `<a href="/p/other-9.0.tar.gz#sha256=${A}">another project's file</a>` +
      '</body></html>'
    const facts = parseHtmlProjectPage(body, 'demo', [])
    expect(facts.versions).toEqual(['1.0', '1.5'])
    expect(facts.yankedVersions).toEqual(['1.5'])
  })

  test('the facts are plain JSON data: they survive JSON.stringify and parse unchanged', () => {
    const facts = parseJsonProjectPage(
      jsonPage({ versions: ['1.0', '1.1'], files: [wheel('1.0'), wheel('1.1', true)] }),
      'demo',
      ['1.0']
    )
    expect(JSON.parse(JSON.stringify(facts))).toEqual(facts)
  })

  test('a versions[] that is not a list of strings is refused', () => {
    const body = jsonPage({ versions: ['1.0', 2], files: [] })
    expect(() => parseJsonProjectPage(body, 'demo', [])).toThrow(PageFormatError)
  })
})

const project = (versions?: string[], yankedVersions?: string[]): ProjectFacts => ({
  status: { status: 'active' },
  releases: [],
  ...(versions ? { versions } : {}),
  ...(yankedVersions ? { yankedVersions } : {})
})
const lookup = (name: string, ...projects: Array<ProjectFacts | 404>): IndexLookup => ({
  name,
  answers: projects.map((p, i) =>
    p === 404
      ? { index: `index-${i}`, found: false, httpStatus: 404 }
      : { index: `index-${i}`, found: true, project: p }
  )
})

describe('offeredReleases', () => {
  test('listed and not yanked whole is offered, by PEP 440 equality and normalised name', () => {
    const offered = offeredReleases([lookup('demo-pkg', project(['1.0', '2.0', '2.1'], ['2.0']))])
    expect(offered('Demo_Pkg', '1.0.0')).toBe(true)
    expect(offered('demo-pkg', '2.0')).toBe(false)
    expect(offered('demo-pkg', '3.0')).toBe(false)
  })

  test('a release one index offers is offered, whatever the others say', () => {
    const offered = offeredReleases([
      lookup('demo', project(['1.0'], ['1.0']), 404, project(['1.0', '1.1'], []))
    ])
    expect(offered('demo', '1.0')).toBe(true)
    expect(offered('demo', '1.1')).toBe(true)
  })

  test('nothing is told when the indexes cannot tell', () => {
    const offered = offeredReleases([
      lookup('unknown', 404),
      lookup('old-facts', project()),
      lookup('quarantined', project([]))
    ])
    expect(offered('unknown', '1.0')).toBeUndefined()
    expect(offered('old-facts', '1.0')).toBeUndefined()
    expect(offered('quarantined', '1.0')).toBeUndefined()
    expect(offered('never-asked', '1.0')).toBeUndefined()
  })
})

describe('offeredVersions', () => {
  test('every release some index offers, once, as the first index to offer it spells it', () => {
    const versions = offeredVersions([
      lookup('demo-pkg', project(['1.0', '2.0', '2.1'], ['2.0']), 404, project(['2.0.0', '1.0.0']))
    ])
    expect(versions('Demo_Pkg')).toEqual(['1.0', '2.1', '2.0.0'])
  })

  test('undefined when the indexes cannot tell, as offeredReleases', () => {
    const versions = offeredVersions([
      lookup('unknown', 404),
      lookup('old-facts', project()),
      lookup('quarantined', project([]))
    ])
    for (const name of ['unknown', 'old-facts', 'quarantined', 'never-asked']) {
      expect(versions(name)).toBeUndefined()
    }
  })

  test('agrees with offeredReleases on every version it lists', () => {
    const lookups = [lookup('demo', project(['1.0', '1.1', '2.0rc1'], ['1.1']), project(['3.0']))]
    const offered = offeredReleases(lookups)
    expect(offeredVersions(lookups)('demo')!.map(v => offered('demo', v))).toEqual([
      true,
      true,
      true
    ])
    expect(offered('demo', '1.1')).toBe(false)
  })
})
