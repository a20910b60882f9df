import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { pathToFileURL } from 'node:url'
import { ParseError } from '../../src/shared/errors.js'
import { markerEnvironmentFor } from '../../src/deps/markers.js'
import {
  PoetryDeclarationError,
  poetryConstraintToPep440
} from '../../src/deps/poetry-constraint.js'
import {
  parsePyproject,
  readPyproject,
  UNPINNED_PYPROJECT_REASON,
  type PyprojectResult
} from '../../src/deps/pyproject.js'
import { parseErrorOf } from '../support/lockfile-helpers.js'
import { TESTS_DIR } from '../support/paths.js'

const fixtures = path.resolve(TESTS_DIR, 'fixtures', 'lockfiles')
const inMemory = path.resolve('/project/pyproject.toml')
const shown = { displayPath: () => 'pyproject.toml' }
const linux312 = { markerEnvironment: markerEnvironmentFor('3.12') }

const requirementsOf = (result: PyprojectResult) =>
  result.requirements.map(r => [r.location.line, r.group, r.raw])
const dependenciesOf = (result: PyprojectResult) =>
  result.source.dependencies.map(d => [d.name, d.version, d.location.line, d.group])
const skippedOf = (result: PyprojectResult) =>
  result.source.skipped.map(s => [s.name, s.location.line, s.reason])

describe('Poetry constraints as PEP 440 (poetry-core rules)', () => {
  test.each([
    ['^1.2.3', '>=1.2.3,<2.0.0'],
    ['^1.2', '>=1.2,<2.0'],
    ['^1', '>=1,<2'],
    ['^0.2.3', '>=0.2.3,<0.3.0'],
    ['^0.0.3', '>=0.0.3,<0.0.4'],
    ['^0.0', '>=0.0,<0.1'],
    ['^0', '>=0,<1'],
    ['^1.2.3b1', '>=1.2.3b1,<2.0.0'],
    ['~1.2.3', '>=1.2.3,<1.3.0'],
    ['~1.2', '>=1.2,<1.3'],
    ['~1', '>=1,<2'],
    ['~=1.4', '~=1.4'],
    ['1.2.*', '==1.2.*'],
    ['1.2.3', '==1.2.3'],
    ['==1.2.3', '==1.2.3'],
    ['>=1,<2', '>=1,<2'],
    ['>= 1.0, < 2.0', '>=1.0,<2.0'],
    ['>=1.0 <2.0', '>=1.0,<2.0'],
    ['!=1.5', '!=1.5'],
    ['*', ''],
    ['', '']
  ])('%s', (poetry, pep440) => {
    expect(poetryConstraintToPep440(poetry)).toBe(pep440)
  })

  test('an "or" has no PEP 440 form; garbage is refused', () => {
    const or = (() => {
      try {
        poetryConstraintToPep440('^1.0 || ^2.0')
      } catch (error) {
        return error
      }
    })() as PoetryDeclarationError
    expect(or).toBeInstanceOf(PoetryDeclarationError)
    expect(or.inexpressible).toBe(true)
    expect(() => poetryConstraintToPep440('^banana')).toThrow(PoetryDeclarationError)
    expect(() => poetryConstraintToPep440('>=abc')).toThrow(
      "constraint '>=abc' is not a valid version constraint"
    )
  })
})

describe('PEP 621 and PEP 735 declarations', () => {
  const file = path.join(fixtures, 'pyproject-pep621.toml')

  test('every requirement, with its line and groups, as pip accepts it', async () => {
    const result = await readPyproject(file, linux312)
    expect(requirementsOf(result)).toEqual([
      [11, 'main', 'certifi==2025.8.3'],
      [12, 'main', 'Markupsafe>=3.0,<4'],
      [13, 'main', "pywin32==306; sys_platform == 'win32'"],
      [14, 'main', 'blinker @ git+https://github.com/pallets-eco/blinker.git@1.9.0'],
      [15, 'main', 'redis[hiredis]===7.1.0'],
      [19, 'files', 'aiofiles==24.1.0'],
      [21, 'docs', 'alabaster~=0.7.16'],
      // test includes lint, dev includes test: a group's requirements belong to its includers too
      [26, 'dev,test', 'sortedcontainers==2.4.0'],
      [29, 'dev,lint,test', 'mdurl==0.1.2'],
      [30, 'dev', 'six>=1.16']
    ])
    expect(result.requirements.map(r => r.origin)).toEqual([
      ...Array(7).fill('project'),
      ...Array(3).fill('dependency-groups')
    ])
    expect(result.requirements[4]!.requirement).toEqual({
      name: 'redis',
      normalizedName: 'redis',
      extras: ['hiredis'],
      specifier: '===7.1.0'
    })
  })

  test('pins are dependencies; ranges and sources are skipped; a false marker does not apply', async () => {
    const result = await readPyproject(file, linux312)
    expect(result.source.format).toBe('pyproject')
    expect(dependenciesOf(result)).toEqual([
      ['certifi', '2025.8.3', 11, 'main'],
      ['redis', '7.1.0', 15, 'main'],
      ['aiofiles', '24.1.0', 19, 'files'],
      ['sortedcontainers', '2.4.0', 26, 'dev,test'],
      ['mdurl', '0.1.2', 29, 'dev,lint,test']
    ])
    expect(skippedOf(result)).toEqual([
      ['markupsafe', 12, UNPINNED_PYPROJECT_REASON],
      [
        'blinker',
        14,
        'git source https://github.com/pallets-eco/blinker.git@1.9.0: not a PyPI release'
      ],
      ['alabaster', 21, UNPINNED_PYPROJECT_REASON],
      ['six', 30, UNPINNED_PYPROJECT_REASON]
    ])
  })

  test('without a target environment every marker applies', async () => {
    const result = await readPyproject(file)
    expect(dependenciesOf(result)).toContainEqual(['pywin32', '306', 13, 'main'])
  })
})

describe('Poetry declarations', () => {
  test('Poetry 1.x: constraints converted, tables, sources, extras, groups', async () => {
    const file = path.join(fixtures, 'pyproject-poetry1.toml')
    const result = await readPyproject(file, linux312)
    const mylib = pathToFileURL(path.resolve(fixtures, '../mylib')).href
    expect(requirementsOf(result)).toEqual([
      [9, 'main', 'certifi==2025.8.3'],
      [10, 'main', 'falkordb>=1.4.0,<2.0.0'],
      [11, 'main', 'python-dateutil>=2.9,<2.10'],
      [12, 'main', 'redis[hiredis]>=7.1,<8.0'],
      [13, 'main', "cffi==2.0.0; platform_python_implementation != 'PyPy'"],
      [14, 'main', 'six==1.17.*; python_version >= "3.9" and python_version < "3.14"'],
      [15, 'main', 'blinker @ git+https://github.com/pallets-eco/blinker.git@1.9.0'],
      [16, 'main', `mylib @ ${mylib}`],
      [17, 'main', 'tzdata @ https://example.org/wheels/tzdata-2025.2-py2.py3-none-any.whl'],
      [19, 'main', 'numpy==1.26.4; python_version < "3.12"'],
      [20, 'main', 'numpy>=2.0,<3.0; python_version >= "3.12"'],
      [22, 'files', 'aiofiles==24.1.0'],
      [29, 'dev', 'sortedcontainers==2.4.0'],
      [30, 'dev', 'mdurl>=0.1'],
      [36, 'docs', 'alabaster==0.7.16']
    ])
    expect(result.requirements[3]!.poetry).toEqual({ constraint: '^7.1', extras: ['hiredis'] })
    expect(dependenciesOf(result)).toEqual([
      ['certifi', '2025.8.3', 9, 'main'],
      ['cffi', '2.0.0', 13, 'main'],
      ['aiofiles', '24.1.0', 22, 'files'],
      ['sortedcontainers', '2.4.0', 29, 'dev'],
      ['alabaster', '0.7.16', 36, 'docs']
    ])
    expect(
      skippedOf(result).filter(([, , reason]) => reason !== UNPINNED_PYPROJECT_REASON)
    ).toEqual([
      [
        'blinker',
        15,
        'git source https://github.com/pallets-eco/blinker.git@1.9.0: not a PyPI release'
      ],
      ['mylib', 16, 'editable directory source ../mylib: not a PyPI release'],
      [
        'tzdata',
        17,
        'url source https://example.org/wheels/tzdata-2025.2-py2.py3-none-any.whl: not a PyPI release'
      ],
      [
        'legacy-lib',
        23,
        `Poetry constraint '^1.0 || ^2.0' has an "or", which PEP 440 cannot express: not audited (use poetry.lock)`
      ]
    ])
    // numpy 1.26.4 is for Python < 3.12 only: it does not apply to the 3.12 target
    expect(result.source.dependencies.map(d => d.name)).not.toContain('numpy')
  })

  test('Poetry 2: [tool.poetry] enriches [project] and [dependency-groups], adds nothing', async () => {
    const file = path.join(fixtures, 'pyproject-poetry2.toml')
    const result = await readPyproject(file, linux312)
    const mylib = pathToFileURL(path.resolve(fixtures, '../mylib')).href
    expect(requirementsOf(result)).toEqual([
      [7, 'main', 'certifi (==2025.8.3)'],
      [8, 'main', 'requests>=2.31,<3.0,==2.32.4'],
      [9, 'main', `mylib @ ${mylib}`],
      [13, 'dev', 'pytest>=8.0,==8.4.1']
    ])
    expect(dependenciesOf(result)).toEqual([
      ['certifi', '2025.8.3', 7, 'main'],
      ['requests', '2.32.4', 8, 'main'],
      ['pytest', '8.4.1', 13, 'dev']
    ])
    expect(skippedOf(result)).toEqual([
      ['mylib', 9, 'editable directory source ../mylib: not a PyPI release']
    ])
  })

  test('legacy dev-dependencies, multi-line tables and scp-style git URLs', () => {
    const text = [
      '[tool.poetry.dependencies]',
      'private = { git = "git@github.com:org/private.git", branch = "main" }',
      '',
      '[tool.poetry.dev-dependencies]',
      'pytest = "7.4.4"',
      '',
      '[tool.poetry.dependencies.attrs]',
      'version = "23.2.0"',
      'platform = "linux"'
    ].join('\n')
    const result = parsePyproject(text, inMemory)
    expect(requirementsOf(result)).toEqual([
      [2, 'main', 'private @ git+ssh://git@github.com/org/private.git@main'],
      [7, 'main', 'attrs==23.2.0; sys_platform == "linux"'],
      [5, 'dev', 'pytest==7.4.4']
    ])
    expect(skippedOf(result)[0]).toEqual([
      'private',
      2,
      'git source git@github.com:org/private.git@main: not a PyPI release'
    ])
  })
})

describe('malformed pyproject.toml', () => {
  test('broken TOML names the line and column', () => {
    const error = parseErrorOf(() =>
      parsePyproject('[project]\ndependencies = ["a==1",\n', inMemory, shown)
    )
    expect(error.position.file).toBe('pyproject.toml')
    expect(error.position.line).toBe(3)
  })

  test('a bad requirement is placed at its column', () => {
    const text = '[project]\ndependencies = [\n  "requests=2.31.0",\n]\n'
    const error = parseErrorOf(() => parsePyproject(text, inMemory, shown))
    expect(error.position).toEqual({ file: 'pyproject.toml', line: 3, column: 12 })
    expect(error.detail).toMatch(
      /^invalid requirement 'requests=2\.31\.0': '=' is not a version operator/
    )
  })

  test('wrong types are refused at their line', () => {
    const notArray = parseErrorOf(() =>
      parsePyproject('[project]\ndependencies = "requests"\n', inMemory, shown)
    )
    expect(notArray.position.line).toBe(2)
    expect(notArray.detail).toBe('project.dependencies must be an array, not a string')
    const notString = parseErrorOf(() =>
      parsePyproject('[project]\ndependencies = [3]\n', inMemory, shown)
    )
    expect(notString.detail).toBe('project.dependencies.0 must be a PEP 508 string, not an integer')
    const poetryVersion = parseErrorOf(() =>
      parsePyproject('[tool.poetry.dependencies]\nsix = { version = 3 }\n', inMemory, shown)
    )
    expect(poetryVersion.position.line).toBe(2)
    expect(poetryVersion.detail).toBe("tool.poetry.dependencies.six: 'version' must be a string")
  })

  test('include-group cycles and unknown groups are refused at the include', () => {
    const cycle = [
      '[dependency-groups]',
      'a = ["x==1", {include-group = "b"}]',
      'b = [{include-group = "A"}]'
    ]
    const error = parseErrorOf(() => parsePyproject(cycle.join('\n'), inMemory, shown))
    expect(error.position.line).toBe(3)
    expect(error.detail).toBe('dependency groups include each other in a cycle: a -> b -> a')
    const self = parseErrorOf(() =>
      parsePyproject('[dependency-groups]\na = [{include-group = "a"}]\n', inMemory)
    )
    expect(self.detail).toBe('dependency groups include each other in a cycle: a -> a')
    const unknown = parseErrorOf(() =>
      parsePyproject('[dependency-groups]\na = [{include-group = "nope"}]\n', inMemory)
    )
    expect(unknown.detail).toBe("dependency group 'a' includes 'nope', which is not defined")
  })
})

describe('any input gives a PyprojectResult or a ParseError, nothing else', () => {
  const outcome = (text: string) => {
    try {
      const result = parsePyproject(text, inMemory, linux312)
      for (const entry of result.requirements) expect(typeof entry.raw).toBe('string')
    } catch (error) {
      if (!(error instanceof ParseError)) throw error
    }
  }

  test('arbitrary text, and real files with a few characters changed', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), outcome))
    for (const name of [
      'pyproject-pep621.toml',
      'pyproject-poetry1.toml',
      'pyproject-poetry2.toml'
    ]) {
      const text = fs.readFileSync(path.join(fixtures, name), 'utf8')
      const edit = fc.tuple(fc.nat(text.length), fc.nat(6), fc.string({ maxLength: 4 }))
      fc.assert(
        fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), edits => {
          outcome(
            edits.reduce(
              (current, [at, removed, inserted]) =>
                current.slice(0, at) + inserted + current.slice(at + removed),
              text
            )
          )
        }),
        { numRuns: 150 }
      )
    }
  })
})
