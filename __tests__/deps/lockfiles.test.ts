import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { parse, stringify } from 'smol-toml'
import { ParseError } from '../../src/shared/errors.js'
import { parsePdmLock } from '../../src/deps/pdm-lock.js'
import { parsePipfileLock } from '../../src/deps/pipfile-lock.js'
import { parsePoetryLock } from '../../src/deps/poetry-lock.js'
import { parsePylock } from '../../src/deps/pylock.js'
import { pickGroup, redactUrl } from '../../src/deps/source-builder.js'
import { withoutArtifactLists, type ArtifactLists } from '../../src/deps/toml-artifacts.js'
import { arrayTableLines, displayPath, type ReadOptions } from '../../src/deps/toml-file.js'
import { pathKey, valuePositions } from '../../src/deps/toml-positions.js'
import type { SourceResult } from '../../src/deps/types.js'
import { parseUvLock } from '../../src/deps/uv-lock.js'
import { TESTS_DIR } from '../support/paths.js'

const fixtures = path.resolve(TESTS_DIR, 'fixtures', 'lockfiles')
const fixture = (name: string) => fs.readFileSync(path.join(fixtures, name), 'utf8')

type Parser = (text: string, file: string, options?: ReadOptions) => SourceResult
const TOML_PARSERS: Array<[string, Parser, string, string]> = [
  ['poetry.lock', parsePoetryLock, 'poetry-v2.lock', 'package'],
  ['uv.lock', parseUvLock, 'uv.lock', 'package'],
  ['pdm.lock', parsePdmLock, 'pdm.lock', 'package'],
  ['pylock.toml', parsePylock, 'pylock.toml', 'packages']
]

/** Parses, and checks that the outcome is a well-formed SourceResult or a ParseError: nothing else. */
function outcomeOf(parser: Parser, text: string): 'result' | 'ParseError' {
  let result: SourceResult
  try {
    result = parser(text, '/project/lockfile')
  } catch (error) {
    if (error instanceof ParseError) return 'ParseError'
    throw error
  }
  for (const entry of [...result.dependencies, ...result.skipped]) {
    expect(typeof entry.name).toBe('string')
    expect(entry.location.file).toBe('/project/lockfile')
    expect(Number.isInteger(entry.location.line)).toBe(true)
  }
  for (const dependency of result.dependencies) expect(typeof dependency.version).toBe('string')
  for (const skipped of result.skipped) expect(skipped.reason).toMatch(/\S/)
  return 'result'
}

/** Deletes, duplicates or inserts a few characters of a real lockfile. */
const mutated = (text: string) =>
  fc
    .array(fc.tuple(fc.nat(text.length), fc.nat(8), fc.string({ maxLength: 4 })), {
      minLength: 1,
      maxLength: 4
    })
    .map(edits =>
      edits.reduce((current, [at, removed, inserted]) => {
        const position = Math.min(at, current.length)
        return current.slice(0, position) + inserted + current.slice(position + removed)
      }, text)
    )

const KEYS = [
  'name',
  'version',
  'source',
  'groups',
  'category',
  'dependencies',
  'optional-dependencies',
  'dev-dependencies',
  'extra',
  'git',
  'path',
  'url',
  'editable',
  'vcs',
  'directory',
  'archive',
  'marker',
  'markers',
  'type',
  'registry',
  'virtual',
  'members',
  'requirements',
  'revision',
  'sections',
  'lock-version',
  'lock_version',
  'metadata',
  'manifest',
  'package',
  'packages',
  // names that are also Object.prototype properties
  '__proto__',
  'constructor',
  'toString'
]
const tomlValue = fc.letrec<{ value: unknown }>(tie => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('app', '.', '1.0', 'main', 'six', '', 'https://x/y?rev=1#abc'),
    fc.string({ maxLength: 6 }),
    fc.integer(),
    fc.boolean(),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom(...KEYS), tie('value'), { maxKeys: 4 })
  )
})).value
const tomlDocument = (arrayKey: string) =>
  fc.record(
    {
      [arrayKey]: fc.array(fc.dictionary(fc.constantFrom(...KEYS), tomlValue, { maxKeys: 6 }), {
        maxLength: 4
      }),
      metadata: fc.dictionary(fc.constantFrom(...KEYS), tomlValue, { maxKeys: 2 }),
      manifest: fc.dictionary(fc.constantFrom(...KEYS), tomlValue, { maxKeys: 2 }),
      'lock-version': fc.constantFrom('1.0', '2.1', '7')
    },
    { requiredKeys: [arrayKey] }
  )

describe('any input gives a SourceResult or a ParseError, nothing else', () => {
  for (const [format, parser, fixtureName, arrayKey] of TOML_PARSERS) {
    test(`${format}: arbitrary text`, () => {
      fc.assert(fc.property(fc.string({ maxLength: 200 }), text => void outcomeOf(parser, text)))
    })

    test(`${format}: TOML documents with the format's keys and arbitrary values`, () => {
      fc.assert(
        fc.property(tomlDocument(arrayKey), document => {
          void outcomeOf(parser, stringify(document))
        }),
        { numRuns: 500 }
      )
    })

    test(`${format}: a real lockfile with a few characters changed`, () => {
      const text = fixture(fixtureName)
      expect(outcomeOf(parser, text)).toBe('result')
      fc.assert(
        fc.property(mutated(text), edited => void outcomeOf(parser, edited)),
        {
          numRuns: 200
        }
      )
    })
  }

  test('Pipfile.lock: arbitrary JSON, and a real lockfile with a few characters changed', () => {
    fc.assert(fc.property(fc.json(), text => void outcomeOf(parsePipfileLock, text)))
    const entries = fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 2 }))
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom('_meta', 'default', 'develop', 'x'), entries),
        doc => {
          void outcomeOf(parsePipfileLock, JSON.stringify(doc, null, 4))
        }
      )
    )
    const text = fixture('Pipfile.lock')
    fc.assert(
      fc.property(mutated(text), edited => void outcomeOf(parsePipfileLock, edited)),
      {
        numRuns: 200
      }
    )
  })
})

describe('lines found by one scan of the text', () => {
  test('each dependency points at the line of its own name', () => {
    const entry = fc.record({
      name: fc.stringMatching(/^[A-Za-z][A-Za-z0-9._-]{0,10}$/),
      version: fc.stringMatching(/^[0-9]{1,3}(\.[0-9]{1,3}){0,2}$/),
      // sub-tables and multi-line arrays between entries must not confuse the scan
      padding: fc.constantFrom(
        '',
        'files = [\n  {file = "a", hash = "b"},\n]\n',
        '[package.dependencies]\nname = "*"\n'
      )
    })
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 8 }), entries => {
        let text = ''
        const expected: number[] = []
        entries.forEach((e, index) => {
          expected.push(text.split('\n').length + 1)
          text += `[[package]]\nname = "${e.name}-x${index}"\nversion = "${e.version}"\n${e.padding}\n`
        })
        const result = parsePoetryLock(text, '/p/poetry.lock')
        expect(result.dependencies.map(d => d.location.line)).toEqual(expected)
      })
    )
  })

  test('valuePositions finds every leaf value of any document, strings at their opening quote', () => {
    const leaf = fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean())
    const value = fc.letrec<{ value: unknown }>(tie => ({
      value: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc.array(tie('value'), { maxLength: 3 }),
        fc.dictionary(fc.string({ maxLength: 5 }), tie('value'), { maxKeys: 3 })
      )
    })).value
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 5 }), value, { maxKeys: 5 }), document => {
        const text = stringify(document)
        const positions = valuePositions(text)
        const lines = text.split('\n')
        const walk = (node: unknown, path: Array<string | number>) => {
          // every leaf has a position (tables may be implicit, created by a deeper header)
          if (typeof node !== 'object' || node === null) {
            const position = positions.get(pathKey(path))
            expect(position).toBeDefined()
            if (typeof node === 'string') {
              expect(`"'`).toContain(lines[position!.line - 1]![position!.column - 1])
            }
          }
          if (Array.isArray(node)) node.forEach((item, index) => walk(item, [...path, index]))
          else if (typeof node === 'object' && node !== null) {
            for (const [key, item] of Object.entries(node)) walk(item, [...path, key])
          }
        }
        walk(parse(text), [])
      }),
      { numRuns: 300 }
    )
  })

  test('headers with spaces and comments count; an inline array of tables gives line 0', () => {
    const text =
      '[[ package ]] # first\nname = "a"\nversion = "1"\n[[package]]\nversion = "2"\nname = "b"\n'
    expect(arrayTableLines(text, 'package', 2)).toEqual([2, 6])
    expect(arrayTableLines('package = [{ name = "a", version = "1" }]\n', 'package', 1)).toEqual([
      0
    ])
    const inline = parsePoetryLock('package = [{ name = "a", version = "1" }]\n', '/p/poetry.lock')
    expect(inline.dependencies[0]!.location.line).toBe(0)
  })
})

describe('artifact lists blanked before parsing', () => {
  const LISTS: Array<[string, ArtifactLists]> = [
    ['uv.lock', { table: 'package', keys: ['sdist', 'wheels'] }],
    ['poetry-v2.lock', { table: 'package', keys: ['files'] }],
    ['pdm.lock', { table: 'package', keys: ['files'] }],
    ['pylock.toml', { table: 'packages', keys: ['sdist', 'wheels'] }]
  ]
  /** The parsed document without the artifact keys of each entry. */
  const withoutKeys = (document: Record<string, unknown>, lists: ArtifactLists) => {
    const entries = document[lists.table]
    if (Array.isArray(entries)) {
      for (const entry of entries) for (const key of lists.keys) delete entry[key]
    }
    return document
  }

  test.each(LISTS)('%s: same document minus those keys, same lines', (name, lists) => {
    const text = fixture(name)
    const blanked = withoutArtifactLists(text, lists)
    expect(blanked.length).toBeLessThan(text.length)
    expect(blanked.split('\n').length).toBe(text.split('\n').length)
    expect(parse(blanked)).toEqual(withoutKeys(parse(text), lists))
  })

  test.each(LISTS)(
    '%s: whenever the edited text parses, blanking changes nothing else',
    (name, lists) => {
      fc.assert(
        fc.property(mutated(fixture(name)), edited => {
          let original: Record<string, unknown>
          try {
            original = parse(edited)
          } catch {
            return // the file is broken anyway
          }
          // a list written in an unusual way may be left in place: compare all else
          const blanked = parse(withoutArtifactLists(edited, lists))
          expect(withoutKeys(blanked, lists)).toEqual(withoutKeys(original, lists))
        }),
        { numRuns: 300 }
      )
    }
  )

  test('only complete values in the entry table itself are blanked', () => {
    const lists = { table: 'package', keys: ['wheels'] }
    const text = [
      '[[package]]',
      'name = "a"',
      'wheels = [{ url = "x]" }, { url = "y" }]',
      '[package.optional-dependencies]',
      'wheels = [',
      '    { name = "b" },',
      ']',
      '[[package]]',
      'name = "c"',
      'wheels = [',
      '    { url = "z" }, # trailing comment',
      '    [1, 2],',
      ']',
      '[[package]]',
      ' ["dev"]',
      'wheels = []'
    ].join('\n')
    // a multi-line string could hold lines that look like keys: then nothing is blanked
    const quoted = `description = '''\n${text}\n'''`
    expect(withoutArtifactLists(quoted, lists)).toBe(quoted)
    expect(withoutArtifactLists(text, lists).split('\n')).toEqual([
      '[[package]]',
      'name = "a"',
      '',
      ...text.split('\n').slice(3)
    ])
  })
})

describe('shared wording', () => {
  test('credentials are removed from URLs', () => {
    expect(redactUrl('https://user:token@host/simple')).toBe('https://***@host/simple')
    expect(redactUrl('git+ssh://git@github.com/x/y.git')).toBe('git+ssh://***@github.com/x/y.git')
    expect(redactUrl('https://host/a@b')).toBe('https://host/a@b')
  })

  test('main wins; otherwise groups are joined in a stable order', () => {
    expect(pickGroup(['dev', 'main'])).toBe('main')
    expect(pickGroup(['test', 'dev', 'test'])).toBe('dev,test')
    expect(pickGroup([])).toBeUndefined()
  })

  test('paths are shown relative to the working directory when inside it', () => {
    expect(displayPath(path.join(process.cwd(), 'sub', 'uv.lock'))).toBe(
      path.join('sub', 'uv.lock')
    )
    expect(displayPath('/elsewhere/uv.lock')).toBe('/elsewhere/uv.lock')
  })
})
