/**
 * Commas in version specifiers, as PEP 508's grammar has them (`version_many = version_one (wsp*
 * ',' version_one)*`): one between two specifiers, never a trailing one. pip before 24.1 (its
 * packaging 21.3) says "Invalid requirement" for `jinja2==2.10,`; packaging 22 and later let it
 * through, so the grammar, not the newest leniency, is the rule.
 */
import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import { spawnSync } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { markerEnvironmentFor } from '../../src/deps/markers.js'
import { parseRequirement, RequirementSyntaxError } from '../../src/deps/pep508.js'
import { parseRequirementsFile } from '../../src/deps/requirements.js'
import { ParseError } from '../../src/shared/errors.js'

function rejection(text: string): { column: number; message: string } | undefined {
  try {
    parseRequirement(text)
    return undefined
  } catch (error) {
    expect(error).toBeInstanceOf(RequirementSyntaxError)
    const { column, message } = error as RequirementSyntaxError
    return { column, message }
  }
}

const TRAILING = "a trailing ',' is not allowed: remove it, or add a version specifier after it"
const AFTER_COMMA = "expected a version specifier (such as '>=1.0') after ','"

describe('commas between version specifiers', () => {
  test.each<[string, number, string]>([
    ['jinja2==2.10,', 13, TRAILING],
    ['jinja2==2.10, ', 13, TRAILING],
    ['jinja2 == 2.10 ,', 16, TRAILING],
    ['jinja2 (==2.10,)', 15, TRAILING],
    ['jinja2==2.10,;python_version>"3"', 13, TRAILING],
    ['jinja2==2.10, ; python_version > "3"', 13, TRAILING],
    ['a>=1,,<2', 6, AFTER_COMMA],
    ['foo==1.0, bar', 11, AFTER_COMMA],
    ['foo==1.0,=2', 10, "'=' is not a version operator; did you mean '=='?"],
    ['foo>=1.0, =2', 11, "'=' is not a version operator; did you mean '=='?"]
  ])('rejects %j at column %i', (text, column, message) => {
    expect(rejection(text)).toEqual({ column, message })
  })

  test.each<[string, string]>([
    ['jinja2==2.10,<3', '==2.10,<3'],
    ['jinja2 == 2.10 , < 3', '==2.10,<3'],
    ['jinja2 (>=2.10, <3)', '>=2.10,<3'],
    // '===' takes any text up to a space, commas included, as packaging reads it.
    ['foo===1.0,', '===1.0'],
    ['foo===1.0,,', '===1.0']
  ])('accepts %j', (text, specifier) => {
    expect(parseRequirement(text).specifier).toBe(specifier)
  })

  test('in a requirements file, the line is a ParseError at the comma, as pip refuses it', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'pyaudit-commas-'))
    try {
      await writeFile(path.join(dir, 'requirements.txt'), 'six==1.16.0\njinja2==2.10,\n')
      const error = await parseRequirementsFile(path.join(dir, 'requirements.txt'), {
        markerEnvironment: markerEnvironmentFor('3.12'),
        displayPath: file => path.relative(dir, file)
      }).then(
        () => undefined,
        (e: unknown) => e
      )
      expect(error).toBeInstanceOf(ParseError)
      expect((error as ParseError).position).toEqual({
        file: 'requirements.txt',
        line: 2,
        column: 13
      })
      expect((error as ParseError).detail).toBe(`invalid requirement 'jinja2==2.10,': ${TRAILING}`)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  test('the did-you-mean message for a lone = is kept', () => {
    expect(rejection('jinja2=2.10')).toEqual({
      column: 7,
      message: "'=' is not a version operator; did you mean '=='?"
    })
  })

  test('any list of specifiers is accepted exactly when no comma is left without one after it', () => {
    const clause = fc.constantFrom('==1.0', '>=1', '<2', '!=1.5', '~=1.4', '==1.*', '> 0.1')
    const separator = fc.constantFrom(',', ', ', ' ,', ' , ', ',,')
    fc.assert(
      fc.property(
        fc.array(fc.tuple(clause, separator), { minLength: 1, maxLength: 5 }),
        clause,
        fc.constantFrom('', ',', ', ', ' ,'),
        fc.boolean(),
        fc.constantFrom('', '; python_version > "3"', ';os_name=="nt"'),
        (pairs, last, trailing, parenthesised, marker) => {
          const list = pairs.map(([c, s]) => c + s).join('') + last + trailing
          const text = `a${parenthesised ? ` (${list})` : list}${marker}`
          const wellFormed = !pairs.some(([, s]) => s === ',,') && trailing === ''
          expect({ text, accepted: rejection(text) === undefined }).toEqual({
            text,
            accepted: wellFormed
          })
        }
      ),
      { numRuns: 2000 }
    )
  })
})

/**
 * The same strings through the packaging that pip vendors, when it is a pyparsing one (before
 * 22.0, as in pip before 24.1): that parser is PEP 508's grammar as written. Its legacy
 * specifiers (not PEP 440) count as refused, as pip 24.1 and later refuse them.
 */
const PIP_PACKAGING_PROBE = `
import json, sys
from pip._vendor import packaging
from pip._vendor.packaging.requirements import Requirement
from pip._vendor.packaging.specifiers import LegacySpecifier
if int(packaging.__version__.split(".")[0]) >= 22:
    sys.exit(3)
out = []
for text in json.load(sys.stdin):
    try:
        specifiers = list(Requirement(text).specifier)
    except Exception:
        specifiers = None
    # Legacy (non-PEP 440) specifiers such as '<2==1.0': pip 24.1 and later refuse them too.
    if specifiers is None or any(isinstance(s, LegacySpecifier) for s in specifiers):
        out.append(None)
    else:
        out.append(sorted(str(s) for s in specifiers))
json.dump(out, sys.stdout)
`

function pipsVerdicts(texts: string[]): unknown[] | undefined {
  const run = spawnSync('python3', ['-c', PIP_PACKAGING_PROBE], {
    input: JSON.stringify(texts),
    encoding: 'utf8'
  })
  return run.status === 0 ? (JSON.parse(run.stdout) as unknown[]) : undefined
}

const pipGrammarAvailable = pipsVerdicts([]) !== undefined
if (!pipGrammarAvailable)
  console.log(
    "Skipping the comparison with pip's grammar: python3 with a pip that vendors packaging before 22 is not installed"
  )
const describeWithPip = pipGrammarAvailable ? describe : describe.skip

describeWithPip("agreement with pip's vendored packaging on commas", () => {
  test('same verdict and same specifiers on generated lists', () => {
    const piece = fc.constantFrom('==1.0', '>=1', '<2', '!=1.5', '~=1.4', ',', ', ', ' ', '(', ')')
    const texts = fc.sample(
      fc
        .array(piece, { minLength: 1, maxLength: 8 })
        .map(parts => `jinja2${parts.join('')}`)
        // An empty '()': packaging 22+ takes it, 21.3 does not; not a comma question.
        .filter(text => !/\(\s*\)/.test(text)),
      { numRuns: 3000, seed: 19 }
    )
    const expected = pipsVerdicts(texts)!
    texts.forEach((text, index) => {
      let actual: string[] | null
      try {
        const { specifier } = parseRequirement(text)
        actual = specifier === '' ? [] : [...new Set(specifier.split(','))].sort()
      } catch (error) {
        expect(error).toBeInstanceOf(RequirementSyntaxError)
        actual = null
      }
      expect({ text, actual }).toEqual({ text, actual: expected[index] })
    })
  })
})
