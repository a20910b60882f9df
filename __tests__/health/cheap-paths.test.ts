/**
 * The health stage's cheap paths answer as the PEP 440 parser does: versionKey reads versions
 * already in normal form from the text, and offeredReleases reads a name's version lists only
 * when it is asked about. Both are checked against the parser on drawn version lists, with
 * spellings PEP 440 normalises (1.0 and 1.0.0, 1.0a1 and 1.0.0-alpha1, local versions); and
 * a JSON page, read whole only for the versions asked for, gives the facts a full reading does.
 */
import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import { normalizeProjectName, versionOfFile } from '../../src/health/filenames.js'
import { parseJsonProjectPage } from '../../src/health/page-json.js'
import {
  PageFormatError,
  projectFacts,
  readSha256,
  type ListedFile
} from '../../src/health/project-facts.js'
import { offeredReleases } from '../../src/health/releases.js'
import type { IndexAnswer, IndexLookup } from '../../src/health/types.js'
import { releaseDigitsFilter, releaseSignature, versionKey } from '../../src/health/version-key.js'
import { versionPartEnd } from '../../src/health/filenames.js'
import { explain } from '@renovatebot/pep440'

/** The PEP 440 parser's reading of a version as a key: the reference the keys are held to. */
function parsedVersionKey(version: string): string {
  const parsed = explain(version)
  if (parsed === null) return `?${version.trim().toLowerCase()}`
  const release = [...parsed.release]
  while (release.length > 1 && release.at(-1) === 0) release.pop()
  // explain() returns pre as [label, number] and post and dev as numbers or null.
  const pre = parsed.pre as unknown as [string, number] | null
  const post = parsed.post as unknown as number | null
  const dev = parsed.dev as unknown as number | null
  let key = `${parsed.epoch}!${release.join('.')}`
  if (pre !== null) key += `${pre[0]}${pre[1]}`
  if (post !== null) key += `.post${post}`
  if (dev !== null) key += `.dev${dev}`
  if (parsed.local !== null) key += `+${parsed.local}`
  return key
}

const number = fc.oneof(
  fc.integer({ min: 0, max: 12 }),
  fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER })
)
const digits = fc.oneof(
  number.map(String),
  // Leading zeros, and numbers too long for a JavaScript number to hold exactly.
  number.map(n => `0${n}`),
  fc.constantFrom('0000', '12345678901234567890', '999999999999999')
)
const pre = fc.constantFrom('a', 'b', 'rc', 'alpha', 'beta', 'c', 'pre', 'preview', 'A', 'RC')
const separator = fc.constantFrom('', '.', '-', '_')
/** Versions in every spelling PEP 440 accepts, and some it does not. */
const spelling = fc
  .record({
    epoch: fc.option(digits, { nil: undefined }),
    v: fc.boolean(),
    release: fc.array(digits, { minLength: 1, maxLength: 5 }),
    pre: fc.option(fc.tuple(separator, pre, separator, fc.option(digits, { nil: '' })), {
      nil: undefined
    }),
    post: fc.option(
      fc.oneof(
        digits.map(n => `-${n}`),
        fc
          .tuple(separator, fc.constantFrom('post', 'rev', 'r'), separator, digits)
          .map(p => p.join(''))
      ),
      { nil: undefined }
    ),
    dev: fc.option(fc.tuple(separator, fc.constantFrom('dev', 'DEV'), separator, digits), {
      nil: undefined
    }),
    local: fc.option(fc.constantFrom('ubuntu.1', 'cpu', 'abc-1_2', 'x..y', ''), { nil: undefined })
  })
  .map(
    v =>
      (v.v ? 'v' : '') +
      (v.epoch !== undefined ? `${v.epoch}!` : '') +
      v.release.join('.') +
      (v.pre ? v.pre.join('') : '') +
      (v.post ?? '') +
      (v.dev ? v.dev.join('') : '') +
      (v.local !== undefined ? `+${v.local}` : '')
  )
/** Near PEP 440's normal form (the short way's), with its edges: leading zeros, long numbers. */
const nearNormal = fc
  .tuple(
    fc.array(digits, { minLength: 1, maxLength: 4 }),
    fc.option(fc.tuple(fc.constantFrom('a', 'b', 'rc'), digits), { freq: 2 }),
    fc.option(digits, { freq: 2 }),
    fc.option(digits, { freq: 2 })
  )
  .map(
    ([release, pre, post, dev]) =>
      release.join('.') +
      (pre ? pre.join('') : '') +
      (post !== null ? `.post${post}` : '') +
      (dev !== null ? `.dev${dev}` : '')
  )
const version = fc.oneof(
  spelling,
  nearNormal,
  nearNormal,
  fc.constantFrom('1.0', '1.0.0', '1.0a1', '1.0.0-alpha1', '1.0+local.1', '1.0.0+LOCAL-1', ' 1.0 '),
  fc.string({ maxLength: 8 })
)

describe('versionKey', () => {
  test('two drawn versions share a key exactly when the PEP 440 parser calls them equal', () => {
    fc.assert(
      fc.property(version, version, (a, b) => {
        expect(versionKey(a) === versionKey(b)).toBe(parsedVersionKey(a) === parsedVersionKey(b))
      }),
      { numRuns: 5000 }
    )
  })

  test('spellings of one release share a key, and other releases do not', () => {
    for (const [a, b] of [
      ['1.0', '1.0.0'],
      ['0.0', '0'],
      ['2.0rc1', '2.0.0RC1'],
      ['1.0a1', '1.0.0-alpha1'],
      ['1.0.post0.dev3', '1.0-0.dev3'],
      ['v2', '2'],
      ['not a version', 'Not A Version']
    ] as const) {
      expect(versionKey(a)).toBe(versionKey(b))
    }
    for (const [a, b] of [
      ['1.10', '1.1'],
      ['1.0', '1.0+local'],
      ['1.0rc1', '1.0'],
      ['1!1.0', '1.0'],
      ['not a version', '1.0']
    ] as const) {
      expect(versionKey(a)).not.toBe(versionKey(b))
    }
  })
})

describe('releaseSignature', () => {
  /** Spellings PEP 440 may read as the same version as `v`. */
  const variants = (v: string) => [
    v,
    ` ${v}\t`,
    v.toUpperCase(),
    `v${v}`,
    `0!${v}`,
    `${v}.0`,
    v.replace(/^(\d)/, '0$1'),
    v.replace(/(\d)(?=\D|$)/, '$1.0')
  ]

  test('versions with one key have one signature', () => {
    fc.assert(
      fc.property(version, version, (a, b) => {
        for (const x of [a, ...variants(a)]) {
          for (const y of [b, ...variants(a)]) {
            if (versionKey(x) === versionKey(y)) {
              expect([x, y, releaseSignature(x)]).toEqual([x, y, releaseSignature(y)])
            }
          }
        }
      }),
      { numRuns: 3000 }
    )
  })

  test('is the release as PEP 440 compares it', () => {
    expect(['1.0', '1.0.0rc1', 'v01.0.post1', ' 1 ', '0!1.00'].map(releaseSignature)).toEqual(
      Array(5).fill('1')
    )
    expect(['0', '0.0', '00.0.0'].map(releaseSignature)).toEqual(['0', '0', '0'])
    expect(releaseSignature('1.10')).toBe('1.10')
    expect(releaseSignature('1!2.0')).toBe('2')
    expect(releaseSignature('Not A Version')).toBe(releaseSignature('not a version '))
  })
})

/** offeredReleases as it was before it read lists lazily: every list at once, by the parser. */
function eagerOffered(lookups: readonly IndexLookup[]) {
  const offered = new Map<string, Set<string>>()
  for (const lookup of lookups) {
    let keys: Set<string> | undefined
    for (const answer of lookup.answers) {
      if (!answer.found || !answer.project.versions?.length) continue
      keys ??= new Set()
      const yanked = new Set((answer.project.yankedVersions ?? []).map(parsedVersionKey))
      for (const v of answer.project.versions) {
        const key = parsedVersionKey(v)
        if (!yanked.has(key)) keys.add(key)
      }
    }
    if (keys) offered.set(normalizeProjectName(lookup.name), keys)
  }
  return (name: string, v: string) =>
    offered.get(normalizeProjectName(name))?.has(parsedVersionKey(v))
}

describe('offeredReleases', () => {
  const answer: fc.Arbitrary<IndexAnswer> = fc.oneof(
    fc.constant<IndexAnswer>({ index: 'i', found: false, httpStatus: 404 }),
    fc
      .record({
        versions: fc.option(fc.array(version, { maxLength: 12 }), { nil: undefined }),
        yanked: fc.array(version, { maxLength: 4 })
      })
      .map(({ versions, yanked }): IndexAnswer => ({
        index: 'i',
        found: true,
        project: {
          status: { status: 'active' },
          releases: [],
          ...(versions ? { versions, yankedVersions: [...yanked, ...versions.slice(0, 1)] } : {})
        }
      }))
  )
  const names = fc.constantFrom('demo', 'Demo_Pkg', 'demo-pkg', 'other')
  const lookups = fc.array(
    fc.record({ name: names, answers: fc.array(answer, { minLength: 1, maxLength: 3 }) }),
    { maxLength: 4 }
  )

  test('answers as the eager reading by the parser did, asked in any order', () => {
    fc.assert(
      fc.property(
        lookups.filter(
          list => new Set(list.map(l => normalizeProjectName(l.name))).size === list.length
        ),
        fc.array(fc.tuple(names, version), { maxLength: 20 }),
        (drawn, questions) => {
          const lazy = offeredReleases(drawn)
          const eager = eagerOffered(drawn)
          // Every listed version is asked about too, twice (the second from the memo).
          const listed = drawn.flatMap(l =>
            l.answers.flatMap(a =>
              (a.found ? (a.project.versions ?? []) : []).map(v => [l.name, v] as const)
            )
          )
          for (const [name, v] of [...questions, ...listed, ...listed]) {
            expect(lazy(name, v)).toBe(eager(name, v))
          }
        }
      ),
      { numRuns: 1000 }
    )
  })
})

describe('releaseDigitsFilter', () => {
  /** Spellings PEP 440 may read as the same version as `v`: zeros added, case, `v`, epoch 0. */
  const spellings = (v: string) => [
    v,
    v.toUpperCase(),
    `v${v}`,
    `0!${v}`,
    `${v}.0`,
    v.replace(/^(\d)/, '00$1'),
    v.replace(/\.(\d)/g, '.0$1'),
    v.replace(/(^|[.!v])0+(\d)/g, '$1$2'),
    v.replace(/(\d)(?=\D|$)/, '$1.0.0')
  ]

  test('passes every file of a version equal to one asked for, and is not a pass-all', () => {
    fc.assert(
      fc.property(fc.array(version, { minLength: 1, maxLength: 3 }), version, (asked, other) => {
        const passes = releaseDigitsFilter(asked)
        for (const candidate of [other, ...asked.flatMap(spellings)]) {
          if (!asked.some(v => versionKey(v) === versionKey(candidate))) continue
          for (const name of [
            `demo-${candidate}-py3-none-any.whl`,
            `demo-${candidate}-2-cp311-cp311-manylinux_2_17_x86_64.whl`,
            `demo-${candidate}.tar.gz`
          ]) {
            expect([asked, name, passes(name)]).toEqual([asked, name, true])
            const end = versionPartEnd(name)
            expect([asked, name, passes(name, end)]).toEqual([asked, name, true])
          }
        }
      }),
      { numRuns: 3000 }
    )
    const passes = releaseDigitsFilter(['2.31.0'])
    expect(passes('requests-2.31.0-py3-none-any.whl')).toBe(true)
    expect(passes('requests-2.031.00.tar.gz')).toBe(true)
    expect(passes('requests-2.30.0-py3-none-any.whl')).toBe(false)
    expect(passes('requests-1.2.3.tar.gz')).toBe(false)
    // A wheel's tags come after its version: cp311 holds 31, but not where 2.31 could be.
    const tagged = 'requests-2.30.0-cp311-cp311-manylinux_2_17_x86_64.whl'
    expect(passes(tagged)).toBe(true)
    expect(versionPartEnd(tagged)).toBe('requests-2.30.0'.length)
    expect(passes(tagged, versionPartEnd(tagged))).toBe(false)
    expect(passes('requests-2.31.0-cp311-cp311-win32.whl', 15)).toBe(true)
    expect(versionPartEnd('requests-2.31.0.tar.gz')).toBe(22)
    expect(releaseDigitsFilter(['02.031.0'])('requests-2.31.tar.gz')).toBe(true)
    // Nothing asked: nothing passes; a version that is not PEP 440, or all zeros: all pass.
    expect(releaseDigitsFilter([])('requests-2.31.0.tar.gz')).toBe(false)
    expect(releaseDigitsFilter(['banana'])('requests-2.31.0.tar.gz')).toBe(true)
    expect(releaseDigitsFilter(['0.0'])('requests-2.31.0.tar.gz')).toBe(true)
  })
})

describe('reading a JSON page', () => {
  const pageVersion = fc.oneof(
    fc.constantFrom('1.0', '1.0.0', '2.0rc1', '2.0.0-RC1', '1.0+local'),
    version
  )
  const sha = fc.constantFrom('a'.repeat(64), 'B'.repeat(64), 'not hex', 7, undefined)
  const file = fc.record({
    filename: fc
      .tuple(
        fc.constantFrom('demo', 'Demo_Pkg', 'other'),
        pageVersion,
        fc.constantFrom(
          '-py3-none-any.whl',
          '-cp311-cp311-manylinux_2_17_x86_64.whl',
          '-1-cp39-abi3-win_amd64.whl',
          '.tar.gz',
          '.egg'
        )
      )
      .map(([n, v, ext]) => `${n}-${v}${ext}`),
    hashes: sha.map(value => (value === undefined ? {} : { sha256: value })),
    yanked: fc.constantFrom<unknown>(undefined, false, true, '', 'broken\nbuild', 3)
  })

  test('gives the facts a full reading of every file gives, reading only the files asked for', () => {
    fc.assert(
      fc.property(
        fc.array(file, { maxLength: 12 }),
        fc.option(fc.array(pageVersion, { maxLength: 6 }), { nil: undefined }),
        fc.array(pageVersion, { maxLength: 3 }),
        (files, versions, wanted) => {
          const body = JSON.stringify({
            meta: { 'api-version': '1.1' },
            files,
            ...(versions ? { versions } : {})
          })
          const listed: ListedFile[] = files.map(entry => {
            const sha256 = readSha256(entry.hashes.sha256)
            const y = entry.yanked
            return {
              filename: entry.filename,
              ...(sha256 === undefined ? {} : { sha256 }),
              yanked: typeof y === 'string' ? y : y === true ? '' : false
            }
          })
          expect(parseJsonProjectPage(body, 'demo-pkg', wanted)).toEqual(
            projectFacts('demo-pkg', listed, { status: 'active' }, wanted, versions)
          )
        }
      ),
      { numRuns: 500 }
    )
  })

  /** The reading before versions[] was read by signature: every file keyed, lists by key. */
  function keyedReading(
    files: readonly ListedFile[],
    wanted: readonly string[],
    listed?: string[]
  ) {
    const seen = new Map<string, { version: string; files: number; live: boolean }>()
    const list = (v: string) => {
      if (v.trim() === '') return
      if (!seen.has(versionKey(v))) seen.set(versionKey(v), { version: v, files: 0, live: false })
    }
    for (const v of listed ?? []) list(v)
    for (const file of files) {
      const v = versionOfFile(file.filename, 'demo-pkg')
      if (v === undefined) continue
      if (listed === undefined) list(v)
      const entry = seen.get(versionKey(v))
      if (entry) {
        entry.files++
        entry.live ||= file.yanked === false
      }
    }
    const entries = [...seen.values()]
    return {
      facts: projectFacts('demo-pkg', files, { status: 'active' }, wanted),
      versions: entries.map(e => e.version),
      yankedVersions: entries.filter(e => e.files > 0 && !e.live).map(e => e.version)
    }
  }

  test('reads the releases and lists as keying every file did; versions[] each spelling once', () => {
    fc.assert(
      fc.property(
        fc.array(file, { maxLength: 12 }),
        fc.option(fc.array(pageVersion, { maxLength: 6 }), { nil: undefined }),
        fc.array(pageVersion, { maxLength: 3 }),
        (drawn, listed, wanted) => {
          const files: ListedFile[] = drawn.map(entry => ({
            filename: entry.filename,
            ...(typeof entry.hashes.sha256 === 'string' && readSha256(entry.hashes.sha256)
              ? { sha256: readSha256(entry.hashes.sha256)! }
              : {}),
            yanked:
              typeof entry.yanked === 'string' ? entry.yanked : entry.yanked === true ? '' : false
          }))
          const facts = projectFacts('demo-pkg', files, { status: 'active' }, wanted, listed)
          const before = keyedReading(files, wanted, listed)
          expect(facts.releases).toEqual(before.facts.releases)
          const keys = (list: readonly string[] = []) => new Set(list.map(versionKey))
          if (listed === undefined) {
            expect(facts.versions).toEqual(before.versions)
            expect(facts.yankedVersions).toEqual(before.yankedVersions)
          } else {
            expect(facts.versions).toEqual([...new Set(listed.filter(v => v.trim() !== ''))])
            expect(keys(facts.versions)).toEqual(keys(before.versions))
            expect(keys(facts.yankedVersions)).toEqual(keys(before.yankedVersions))
          }
        }
      ),
      { numRuns: 2000 }
    )
  })

  test('a file without a name fails the page, whichever version the others are', () => {
    const body = JSON.stringify({
      meta: { 'api-version': '1.1' },
      files: [{ filename: 'demo-1.0.tar.gz', hashes: {} }, { hashes: {} }]
    })
    expect(() => parseJsonProjectPage(body, 'demo', ['2.0'])).toThrow(PageFormatError)
  })
})
