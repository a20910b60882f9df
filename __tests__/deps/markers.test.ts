import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import { spawnSync } from 'node:child_process'
import { InputError } from '../../src/shared/errors.js'
import {
  evaluateMarker,
  markerEnvironmentFor,
  narrowedEnvironment,
  type TargetPlatform
} from '../../src/deps/markers.js'
import {
  allOfMarkers,
  anyOfMarkers,
  conditionOf,
  normalizeMarkerText
} from '../../src/deps/marker-text.js'
import { RequirementSyntaxError } from '../../src/deps/pep508.js'

const py312 = markerEnvironmentFor('3.12')

describe('markerEnvironmentFor', () => {
  test('describes CPython on Linux x86_64', () => {
    expect(markerEnvironmentFor('3.12.4')).toEqual({
      python_version: '3.12',
      python_full_version: '3.12.4',
      os_name: 'posix',
      sys_platform: 'linux',
      platform_system: 'Linux',
      platform_machine: 'x86_64',
      platform_release: '',
      platform_version: '',
      platform_python_implementation: 'CPython',
      implementation_name: 'cpython',
      implementation_version: '3.12.4'
    })
  })

  test('takes X.Y as X.Y.0', () => {
    expect(py312.python_version).toBe('3.12')
    expect(py312.python_full_version).toBe('3.12.0')
  })

  test('formats pre-releases as Python and packaging do', () => {
    const env = markerEnvironmentFor('3.13.0rc1')
    expect([env.python_full_version, env.implementation_version]).toEqual(['3.13.0rc1', '3.13.0c1'])
  })

  test.each(['3', 'three', '3.12.', ' 3.12', '3.12.4.1'])(
    'rejects %j as an input error',
    version => {
      expect(() => markerEnvironmentFor(version)).toThrow(InputError)
    }
  )
})

describe('evaluateMarker', () => {
  test.each<[string, boolean]>([
    ['python_version >= "3.8"', true],
    // PEP 440, not string order: "3.12" < "3.8" as strings.
    ['python_version > "3.8"', true],
    ['python_version < "3.8"', false],
    ['"3.8" < python_version', true],
    ['python_version == "3.12"', true],
    ['python_version == "3.12.0"', true],
    ['python_version === "3.12.0"', false],
    ['python_version === "3.12"', true],
    ['python_full_version == "3.12.*"', true],
    ['python_full_version != "3.12.*"', false],
    ['python_version ~= "3.10"', true],
    ['python_version in "3.11 3.12"', true],
    ['python_version not in "3.11 3.12"', false],
    ['os_name == "posix"', true],
    ['os.name == "posix"', true],
    ["sys_platform == 'win32'", false],
    ['platform_system != "Windows"', true],
    ['platform_machine in "x86_64 aarch64"', true],
    ['python_implementation == "CPython"', true],
    ['implementation_name == "cpython" and implementation_version >= "3.12"', true],
    // 'and' binds tighter than 'or'.
    ['os_name == "nt" and sys_platform == "win32" or python_version >= "3"', true],
    ['os_name == "nt" and (sys_platform == "win32" or python_version >= "3")', false],
    ['(os_name == "nt" or os_name == "posix") and python_version < "3.13"', true],
    ['extra == "security"', false],
    // Not versions on both sides: Python string comparison.
    ['os_name < "q"', true],
    ['platform_release >= "5"', false],
    ['os_name == "\\x70osix"', true]
  ])('%s -> %s', (marker, expected) => {
    expect(evaluateMarker(marker, py312)).toBe(expected)
  })

  test('compares extras by their PEP 503 names', () => {
    expect(evaluateMarker('extra == "Socks_Proxy"', py312, 'socks-proxy')).toBe(true)
    expect(evaluateMarker('extra == "socks"', py312, 'security')).toBe(false)
  })

  test('depends on the target Python', () => {
    const marker = 'python_version < "3.11"'
    expect(evaluateMarker(marker, markerEnvironmentFor('3.10'))).toBe(true)
    expect(evaluateMarker(marker, markerEnvironmentFor('3.11'))).toBe(false)
  })

  test.each<[string, number, string]>([
    ['os_name ~= "posix"', 1, "'~=' needs PEP 440 versions on both sides, not 'posix' and 'posix'"],
    [
      'python_version == "3" or os_name === "x"',
      26,
      "'===' needs PEP 440 versions on both sides, not 'posix' and 'x'"
    ],
    ['"a" == "b"', 1, 'a marker comparison needs one variable and one quoted string'],
    ['os_name == sys_platform', 1, 'a marker comparison needs one variable and one quoted string'],
    [
      'extras == "a"',
      1,
      "the marker variable 'extras' is only defined in lock files, not in requirements"
    ],
    ['python_version >= "3" and', 26, 'expected a marker variable or a quoted string'],
    ['', 1, 'expected a marker variable or a quoted string'],
    ['os_name == "posix")', 19, "unexpected ')' in marker"]
  ])('rejects %j at column %i', (marker, column, message) => {
    let thrown: unknown
    try {
      evaluateMarker(marker, py312)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(RequirementSyntaxError)
    expect(thrown).toMatchObject({ column, message })
  })

  test('evaluates every comparison, so an invalid one fails even after a decisive one', () => {
    expect(() => evaluateMarker('os_name == "posix" or os_name ~= "x"', py312)).toThrow(
      RequirementSyntaxError
    )
  })

  test('evaluates 100,000 nested parentheses and 50,000 comparisons quickly', () => {
    const depth = 100_000
    const started = Date.now()
    expect(
      evaluateMarker(`${'('.repeat(depth)}python_version >= "3"${')'.repeat(depth)}`, py312)
    ).toBe(true)
    const chain = `${'os_name == "nt" or '.repeat(50_000)}python_version > "3.11"`
    expect(evaluateMarker(chain, py312)).toBe(true)
    expect(Date.now() - started).toBeLessThan(2000)
  })

  test('any input gives a boolean or a RequirementSyntaxError', () => {
    const token = fc.constantFrom(
      'python_version',
      'os_name',
      'extra',
      'platform_release',
      ' ',
      '(',
      ')',
      ' and ',
      ' or ',
      ' not in ',
      ' in ',
      '==',
      '<',
      '~=',
      '===',
      '"3.12"',
      "'3.*'",
      '"posix"',
      '"a\\u00e9"',
      '"',
      '\\'
    )
    fc.assert(
      fc.property(
        fc.array(token, { maxLength: 30 }).map(parts => parts.join('')),
        marker => {
          try {
            expect(typeof evaluateMarker(marker, py312)).toBe('boolean')
          } catch (error) {
            expect(error).toBeInstanceOf(RequirementSyntaxError)
            expect((error as RequirementSyntaxError).column).toBeGreaterThanOrEqual(1)
            expect((error as RequirementSyntaxError).column).toBeLessThanOrEqual(marker.length + 1)
          }
        }
      ),
      { numRuns: 3000 }
    )
  })
})

/**
 * The same markers through packaging's Marker.evaluate (22+), for the comparisons where PEP 508
 * and packaging agree: packaging 26 answers False for '<' between non-versions where PEP 508 (and
 * this module) compares strings, so the generator keeps ordering operators to version variables.
 */
const MARKER_PROBE = `
import json, sys
from packaging.markers import Marker
request = json.load(sys.stdin)
out = []
for text in request["markers"]:
    try:
        out.append(Marker(text).evaluate(request["env"]))
    except Exception:
        out.append(None)
json.dump(out, sys.stdout)
`
const packagingAvailable =
  spawnSync(
    'python3',
    ['-c', 'import packaging, sys; sys.exit(int(packaging.__version__.split(".")[0]) < 22)'],
    { stdio: 'ignore' }
  ).status === 0
if (!packagingAvailable)
  console.log('Skipping the comparison with packaging: python3 with packaging 22+ is not installed')
const describeWithPackaging = packagingAvailable ? describe : describe.skip

describeWithPackaging('agreement with packaging', () => {
  test('on generated markers', () => {
    const versionVariable = fc.constantFrom(
      'python_version',
      'python_full_version',
      'implementation_version'
    )
    const version = fc.constantFrom(
      '"3"',
      '"3.8"',
      '"3.12"',
      "'3.12.0'",
      '"3.12.*"',
      '"3.13.0rc1"',
      '"2.7"',
      '"3.12.1"'
    )
    const stringVariable = fc.constantFrom(
      'os_name',
      'sys_platform',
      'platform_system',
      'platform_machine',
      'extra'
    )
    const text = fc.constantFrom(
      '"posix"',
      '"linux"',
      "'Linux'",
      '"x86_64 aarch64"',
      '"nt"',
      '""',
      '"in"',
      '"3.12"'
    )
    const comparison = fc.oneof(
      fc
        .tuple(
          versionVariable,
          fc.constantFrom('<', '<=', '==', '!=', '>=', '>', '~=', 'in', 'not in'),
          version
        )
        .map(([v, op, x]) => {
          // A wildcard only makes a specifier with == and !=; '~=' needs two release numbers.
          const usable = x.includes('*') ? ['==', '!='].includes(op) : op !== '~=' || x !== '"3"'
          return `${v} ${op} ${usable ? x : '"3.9"'}`
        }),
      fc
        .tuple(version, fc.constantFrom('<', '>=', '==', 'in'), versionVariable)
        .map(([x, op, v]) => (x.includes('*') ? `${v} ${op} "3.9"` : `${x} ${op} ${v}`)),
      fc
        .tuple(stringVariable, fc.constantFrom('==', '!=', 'in', 'not in'), text)
        .map(([v, op, x]) => `${v} ${op} ${x}`)
    )
    const marker = fc.letrec<{ expr: string }>(tie => ({
      expr: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        comparison,
        fc.tuple(tie('expr'), fc.constantFrom(' and ', ' or '), tie('expr')).map(p => p.join('')),
        tie('expr').map(e => `(${e})`)
      )
    })).expr
    const markers = fc.sample(marker, { numRuns: 3000, seed: 508 })
    const run = spawnSync('python3', ['-c', MARKER_PROBE], {
      input: JSON.stringify({ markers, env: py312 }),
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024
    })
    expect(run.status).toBe(0)
    const expected = JSON.parse(run.stdout) as Array<boolean | null>
    markers.forEach((text, index) => {
      let actual: boolean | null = null
      try {
        actual = evaluateMarker(text, py312)
      } catch (error) {
        expect(error).toBeInstanceOf(RequirementSyntaxError)
      }
      expect({ text, actual }).toEqual({ text, actual: expected[index] })
    })
  })
})

describe('narrowedEnvironment: what python-version and platform fix', () => {
  test('neither: no target, every pin is audited', () => {
    expect(narrowedEnvironment({})).toBeUndefined()
  })

  test.each<[TargetPlatform, Record<string, string>]>([
    ['linux', { sys_platform: 'linux', platform_system: 'Linux', os_name: 'posix' }],
    ['windows', { sys_platform: 'win32', platform_system: 'Windows', os_name: 'nt' }],
    ['macos', { sys_platform: 'darwin', platform_system: 'Darwin', os_name: 'posix' }]
  ])('platform %s fixes sys_platform, platform_system and os_name only', (platform, expected) => {
    expect(narrowedEnvironment({ platform })).toEqual(expected)
  })

  test('X.Y leaves the micro version open; X.Y.Z fixes it', () => {
    expect(narrowedEnvironment({ pythonVersion: '3.12' })).toEqual({ python_version: '3.12' })
    expect(narrowedEnvironment({ pythonVersion: '3.12.4', platform: 'linux' })).toEqual({
      python_version: '3.12',
      python_full_version: '3.12.4',
      sys_platform: 'linux',
      platform_system: 'Linux',
      os_name: 'posix'
    })
  })
})

describe('evaluateMarker for a target that leaves variables open', () => {
  const py312 = narrowedEnvironment({ pythonVersion: '3.12' })!
  const windows = narrowedEnvironment({ platform: 'windows' })!

  test.each<[string, Record<string, string>, boolean]>([
    // An open variable may take any value: its comparisons hold.
    ['sys_platform == "win32"', py312, true],
    ['python_version < "3.8" and sys_platform == "win32"', py312, false],
    ['python_version < "3.8" or sys_platform == "win32"', py312, true],
    ['python_version < "3.8"', windows, true],
    ['sys_platform == "linux" and python_version < "3.8"', windows, false],
    ['platform_machine == "arm64" and os_name == "nt"', windows, true],
    // 3.12 is any 3.12.z.
    ['python_full_version >= "3.12.4"', py312, true],
    ['python_full_version == "3.12.4"', py312, true],
    ['python_full_version == "3.12.*"', py312, true],
    ['python_full_version < "3.12.0"', py312, false],
    ['python_full_version >= "3.13"', py312, false],
    ['python_full_version != "3.12.0"', py312, true],
    ['python_full_version < "3.12"', py312, false],
    ['python_full_version ~= "3.11.2"', py312, false]
  ])('%s for %j -> %s', (marker, env, expected) => {
    expect(evaluateMarker(marker, env)).toBe(expected)
  })

  test('a comparison PEP 508 leaves undefined is an error whatever the target fixes', () => {
    expect(() => evaluateMarker('os_name ~= "nt"', {})).toThrow(RequirementSyntaxError)
    expect(() => evaluateMarker('python_version ~= "3"', windows)).toThrow(RequirementSyntaxError)
  })

  test('in a lockfile (extra null), extra, extras and dependency groups may be anything', () => {
    expect(
      evaluateMarker("'dev' in dependency_groups and python_version < '3.8'", py312, null)
    ).toBe(false)
    expect(evaluateMarker("'dev' in dependency_groups", py312, null)).toBe(true)
    expect(evaluateMarker("extra == 'cpu' and 'gpu' not in extras", py312, null)).toBe(true)
    expect(() => evaluateMarker("'dev' in dependency_groups", py312)).toThrow(
      RequirementSyntaxError
    )
    expect(evaluateMarker("extra == 'cpu'", py312)).toBe(false)
  })
})

describe('marker text', () => {
  test.each([
    ['os_name=="nt"', 'os_name == "nt"'],
    [
      '  sys_platform  ==  "win32"  and( python_version<"3.8" )',
      'sys_platform == "win32" and (python_version < "3.8")'
    ],
    ["platform_version == 'a  b'", "platform_version == 'a  b'"],
    ['python_version not in "3.0, 3.1"', 'python_version not in "3.0, 3.1"']
  ])('%j is shown as %j', (written, shown) => {
    expect(normalizeMarkerText(written)).toBe(shown)
  })

  test('100,000 nested parentheses are normalised in linear time', () => {
    const deep = `${'('.repeat(100_000)}python_version >= "3"${')'.repeat(100_000)}`
    const started = performance.now()
    expect(normalizeMarkerText(deep)).toBe(deep)
    expect(performance.now() - started).toBeLessThan(2000)
  })

  test('markers are joined, parenthesised where precedence needs it, never simplified', () => {
    expect(anyOfMarkers(['a == "1"', 'b == "2" and c == "3"', 'a == "1"'])).toBe(
      'a == "1" or (b == "2" and c == "3")'
    )
    expect(allOfMarkers(['a == "1" or b == "2"', 'c == "3"'])).toBe(
      '(a == "1" or b == "2") and c == "3"'
    )
    expect(anyOfMarkers([])).toBeUndefined()
  })

  test('a package is conditional only when every pin that declares it is', () => {
    expect(conditionOf([{ marker: 'a == "1"' }, { marker: 'b == "2"' }])).toBe(
      'a == "1" or b == "2"'
    )
    expect(conditionOf([{ marker: 'a == "1"' }, {}])).toBeUndefined()
    expect(conditionOf([])).toBeUndefined()
  })
})
