import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import { spawnSync } from 'node:child_process'
import {
  RequirementSyntaxError,
  parseRequirement,
  pinnedVersion,
  type Requirement
} from '../../src/deps/pep508.js'

function syntaxError(text: string): { column: number; message: string } {
  try {
    parseRequirement(text)
  } catch (error) {
    expect(error).toBeInstanceOf(RequirementSyntaxError)
    const { column, message } = error as RequirementSyntaxError
    return { column, message }
  }
  throw new Error(`expected ${JSON.stringify(text)} to be rejected`)
}

describe('parseRequirement', () => {
  test.each<[string, Requirement]>([
    ['requests', { name: 'requests', normalizedName: 'requests', extras: [], specifier: '' }],
    [
      'requests[security]==2.19.1',
      { name: 'requests', normalizedName: 'requests', extras: ['security'], specifier: '==2.19.1' }
    ],
    [
      '  Foo.Bar_baz [ a , b-c ] ( >= 1.0 , < 2 )  ',
      {
        name: 'Foo.Bar_baz',
        normalizedName: 'foo-bar-baz',
        extras: ['a', 'b-c'],
        specifier: '>=1.0,<2'
      }
    ],
    [
      'zope.interface===6.2-custom',
      {
        name: 'zope.interface',
        normalizedName: 'zope-interface',
        extras: [],
        specifier: '===6.2-custom'
      }
    ],
    ['numpy==1.*', { name: 'numpy', normalizedName: 'numpy', extras: [], specifier: '==1.*' }],
    [
      'foo!=1.0+local.7',
      { name: 'foo', normalizedName: 'foo', extras: [], specifier: '!=1.0+local.7' }
    ],
    [
      'foo~=1.4.2rc1.post2.dev3',
      { name: 'foo', normalizedName: 'foo', extras: [], specifier: '~=1.4.2rc1.post2.dev3' }
    ],
    ['foo==v1!2.0-1', { name: 'foo', normalizedName: 'foo', extras: [], specifier: '==v1!2.0-1' }],
    ['foo[]', { name: 'foo', normalizedName: 'foo', extras: [], specifier: '' }],
    ['foo()', { name: 'foo', normalizedName: 'foo', extras: [], specifier: '' }],
    [
      'pip @ https://github.com/pypa/pip/archive/22.0.2.zip',
      {
        name: 'pip',
        normalizedName: 'pip',
        extras: [],
        specifier: '',
        url: 'https://github.com/pypa/pip/archive/22.0.2.zip'
      }
    ],
    [
      'name[ex]@file:///tmp/x.whl ; python_version < "3.8"',
      {
        name: 'name',
        normalizedName: 'name',
        extras: ['ex'],
        specifier: '',
        url: 'file:///tmp/x.whl',
        marker: 'python_version < "3.8"'
      }
    ],
    [
      'colorama==0.4.6;sys_platform=="win32"  ',
      {
        name: 'colorama',
        normalizedName: 'colorama',
        extras: [],
        specifier: '==0.4.6',
        marker: 'sys_platform=="win32"'
      }
    ],
    [
      "foo; (os_name == 'nt' or os.name=='posix')and extra == \"t\"",
      {
        name: 'foo',
        normalizedName: 'foo',
        extras: [],
        specifier: '',
        marker: "(os_name == 'nt' or os.name=='posix')and extra == \"t\""
      }
    ]
  ])('%s', (text, expected) => {
    expect(parseRequirement(text)).toEqual(expected)
  })

  test("what packaging accepts at the edges: '===' up to a space, split at commas", () => {
    expect(parseRequirement('foo===1.0,<2').specifier).toBe('===1.0,<2')
    expect(parseRequirement('foo===').specifier).toBe('===')
    expect(parseRequirement('foo===1.0,').specifier).toBe('===1.0')
  })

  test.each<[string, number, string]>([
    ['', 1, 'expected a package name at the start of the requirement'],
    ['-foo', 1, 'expected a package name at the start of the requirement'],
    [
      'foo bar',
      5,
      "expected a version specifier, '[', '@', ';' or the end of the requirement after the name"
    ],
    ['foo=1.0', 4, "'=' is not a version operator; did you mean '=='?"],
    [
      'foo==1.0 bar',
      10,
      "expected ',' (between version specifiers), ';' (before a marker) or the end of the requirement"
    ],
    ['foo==', 6, "expected a version after '=='"],
    ['foo==1.0, bar', 11, "expected a version specifier (such as '>=1.0') after ','"],
    ['foo===1.0,bar', 11, "expected a version specifier (such as '>=1.0') after ','"],
    ['foo===1.0,>=1.0.*', 13, "'.*' wildcards are only allowed with '==' and '!=', not '>='"],
    ['foo>=1.0.*', 6, "'.*' wildcards are only allowed with '==' and '!=', not '>='"],
    ['foo<=1.0+abc', 6, "local versions ('+...') are only allowed with '==' and '!=', not '<='"],
    ['foo~=1', 6, "'~=' needs at least two release numbers (such as '~=1.4'), not '1'"],
    ['foo==1.0x', 6, "'1.0x' is not a valid PEP 440 version for '=='"],
    ['foo==1.0"', 9, "unexpected '\"' after the version '1.0'"],
    ['foo[a b]', 7, "expected ',' between extras"],
    ['foo[a,]', 7, "expected an extra name after ','"],
    ['foo[a', 6, "expected ']' to close the extras opened at column 4"],
    ['foo (>=1', 9, "expected ')' to close the '(' at column 5"],
    ['foo @ ', 7, "expected a URL after '@'"],
    [
      'foo @ https://x y',
      17,
      "expected ';' (before a marker) or the end of the requirement after the URL"
    ],
    ['foo==1.0;', 10, "expected a marker after ';'"],
    ['foo; python_versio > "3"', 6, "unknown marker variable 'python_versio'"],
    [
      'foo; os_name = "a"',
      14,
      'expected a marker operator (<, <=, ==, !=, >=, >, ~=, ===, in, not in)'
    ],
    ['foo; os_name == "a', 17, 'unterminated string in marker'],
    ['foo; os_name == "a" xor', 21, "expected 'and', 'or' or the end of the marker"],
    ['foo; os_name == "a")', 20, "unexpected ')' in marker"],
    ['foo; (os_name == "a"', 21, "expected ')' to close the '(' at column 6"],
    ['foo; os_name not  inx "a"', 19, "expected 'in' after 'not'"],
    ['foo; os_name == )', 17, 'expected a marker variable or a quoted string'],
    ['foo; os_name == "a\\x4"', 19, 'invalid \\x escape in marker string']
  ])('rejects %j at column %i', (text, column, message) => {
    expect(syntaxError(text)).toEqual({ column, message })
  })

  test('quotes only a short excerpt of a long bad version', () => {
    const { message } = syntaxError(`foo==1.${'x'.repeat(5000)}`)
    expect(message.length).toBeLessThan(120)
  })

  // Each input is about 1 MB: a quadratic scan would take minutes, a linear one milliseconds.
  test.each<[string, () => void]>([
    [
      'a 1 MB name',
      () => expect(parseRequirement(`${'a'.repeat(1_000_000)}==1`).specifier).toBe('==1')
    ],
    ['a 1 MB bad version', () => expect(syntaxError(`a==${'1.'.repeat(500_000)}x`).column).toBe(4)],
    [
      'a 1 MB marker',
      () => {
        const marker = `${'os_name == "x" and '.repeat(52_000)}os_name == "y"`
        expect(parseRequirement(`a; ${marker}`).marker).toBe(marker)
      }
    ],
    [
      'a 1 MB URL',
      () =>
        expect(parseRequirement(`a @ https://x/${'y'.repeat(1_000_000)}`).url).toHaveLength(
          1_000_010
        )
    ]
  ])('is linear on %s', (_name, check) => {
    const started = Date.now()
    check()
    expect(Date.now() - started).toBeLessThan(2000)
  })

  test('handles 100,000 nested parentheses without recursion', () => {
    const depth = 100_000
    const marker = `${'('.repeat(depth)}os_name == "posix"${')'.repeat(depth)}`
    const started = Date.now()
    expect(parseRequirement(`a==1; ${marker}`).marker).toBe(marker)
    expect(syntaxError(`a==1; ${marker.slice(0, -1)}`)).toEqual({
      column: 6 + marker.length,
      message: `expected ')' to close the '(' at column 7`
    })
    expect(Date.now() - started).toBeLessThan(2000)
  })

  test('any input gives a requirement or a RequirementSyntaxError with a column inside it', () => {
    const alphabet = fc.constantFrom(
      ...'aZ09._-[](),;@ \t=<>!~*\'"#+/:'.split(''),
      ' and ',
      ' or ',
      ' not in ',
      'python_version',
      'extra',
      '\\',
      '\u00e9',
      '\u2028'
    )
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 40 }).map(parts => parts.join('')),
        text => {
          try {
            const requirement = parseRequirement(text)
            expect(text).toContain(requirement.name)
          } catch (error) {
            expect(error).toBeInstanceOf(RequirementSyntaxError)
            const { column } = error as RequirementSyntaxError
            expect(column).toBeGreaterThanOrEqual(1)
            expect(column).toBeLessThanOrEqual(text.length + 1)
          }
        }
      ),
      { numRuns: 3000 }
    )
  })
})

describe('pinnedVersion', () => {
  test.each<[string, string | undefined]>([
    ['==2.19.1', '2.19.1'],
    ['===1.0-custom', '1.0-custom'],
    ['==1.0+local', '1.0+local'],
    ['>=1.0,==1.2', '1.2'],
    ['==1.*', undefined],
    ['==1.0.*', undefined],
    ['>=1.0', undefined],
    ['~=1.4', undefined],
    ['!=1.0', undefined],
    ['', undefined],
    ['==1.0,==2.0', undefined],
    ['==1.0,==1.0', '1.0']
  ])('%j -> %j', (specifier, expected) => {
    expect(pinnedVersion(specifier)).toBe(expected)
  })
})

/**
 * The same strings through packaging's Requirement (what pip's resolver uses), when a recent
 * packaging (22+, the hand-written parser) is installed: same verdict, same parts. Except for
 * one leniency of 22+: a comma with no specifier after it, which PEP 508's grammar (and pip
 * before 24.1) refuse, and so do we (see pep508-commas.test.ts); the probe puts it back.
 */
const PACKAGING_PROBE = `
import json, sys
import packaging._parser as parser
from packaging.requirements import Requirement
def strict_version_many(tokenizer):
    # packaging's own loop, plus: after a comma, a specifier must follow.
    parsed = ""
    while tokenizer.check("SPECIFIER"):
        parsed += tokenizer.read().text
        for trail in ("VERSION_PREFIX_TRAIL", "VERSION_LOCAL_LABEL_TRAIL"):
            if trail in tokenizer.rules and tokenizer.check(trail, peek=True):
                tokenizer.raise_syntax_error("not a PEP 440 specifier")
        tokenizer.consume("WS")
        if not tokenizer.check("COMMA"):
            break
        parsed += tokenizer.read().text
        tokenizer.consume("WS")
        if not tokenizer.check("SPECIFIER", peek=True):
            tokenizer.raise_syntax_error("a comma must be followed by a version specifier")
    return parsed
parser._parse_version_many = strict_version_many
out = []
for text in json.load(sys.stdin):
    try:
        r = Requirement(text)
    except ValueError:  # InvalidRequirement, or InvalidSpecifier that packaging lets escape
        out.append(None)
        continue
    out.append({"name": r.name, "extras": sorted(r.extras), "specifier": sorted(str(s) for s in r.specifier),
                "url": r.url, "marker": r.marker is not None})
json.dump(out, sys.stdout)
`
const packagingAvailable =
  spawnSync(
    'python3',
    [
      '-c',
      'import packaging, packaging._parser as p, sys; sys.exit(int(packaging.__version__.split(".")[0]) < 22 or not hasattr(p, "_parse_version_many"))'
    ],
    { stdio: 'ignore' }
  ).status === 0
if (!packagingAvailable)
  console.log('Skipping the comparison with packaging: python3 with packaging 22+ is not installed')
const describeWithPackaging = packagingAvailable ? describe : describe.skip

describeWithPackaging('agreement with packaging', () => {
  test('on generated requirements', () => {
    const piece = fc.constantFrom(
      ...[
        'requests',
        'Foo.Bar',
        'a_b-c',
        'x',
        '_x',
        'x-',
        '2to3',
        ' ',
        '\t',
        '[',
        ']',
        ',',
        'sec',
        '(',
        ')'
      ],
      ...[
        '==',
        '===',
        '!=',
        '~=',
        '<',
        '<=',
        '>',
        '>=',
        '=',
        '1',
        '1.0',
        '1.*',
        '1.0.post1',
        '2!1.0rc1.dev2'
      ],
      ...[
        '1.0+loc',
        'v1',
        'abc',
        '.',
        '*',
        '-',
        ';',
        ' ; ',
        '@',
        ' @ ',
        'https://x.org/p.whl',
        'file:///p'
      ],
      ...[
        'python_version',
        'os_name',
        'extra',
        ' and ',
        ' or ',
        ' in ',
        ' not in ',
        '"3.8"',
        "'posix'",
        '"'
      ],
      ...['#', '\\', '$', '\u00e9']
    )
    const texts = fc.sample(
      fc.array(piece, { maxLength: 14 }).map(parts => parts.join('')),
      { numRuns: 4000, seed: 440 }
    )
    const run = spawnSync('python3', ['-c', PACKAGING_PROBE], {
      input: JSON.stringify(texts),
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024
    })
    expect(run.status).toBe(0)
    const expected = JSON.parse(run.stdout) as unknown[]
    texts.forEach((text, index) => {
      let actual: unknown = null
      try {
        const r = parseRequirement(text)
        actual = {
          name: r.name,
          extras: [...new Set(r.extras)].sort(),
          specifier: [...new Set(r.specifier ? r.specifier.split(',') : [])].sort(),
          url: r.url ?? null,
          marker: r.marker !== undefined
        }
      } catch (error) {
        expect(error).toBeInstanceOf(RequirementSyntaxError)
      }
      expect({ text, actual }).toEqual({ text, actual: expected[index] })
    })
  })
})
