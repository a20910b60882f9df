import { describe, expect, test } from '@jest/globals'
import * as path from 'node:path'
import { parsePylock, readPylock } from '../../src/deps/pylock.js'
import { parseErrorOf, summary } from '../support/lockfile-helpers.js'
import { TESTS_DIR } from '../support/paths.js'

const fixtures = path.resolve(TESTS_DIR, 'fixtures', 'lockfiles')
const inMemory = path.resolve('/project/pylock.toml')
const shown = { displayPath: () => 'pylock.toml' }

describe('pylock.toml exported by uv (PEP 751)', () => {
  const file = path.join(fixtures, 'pylock.toml')

  test('index packages, grouped by the extras and dependency groups their markers name', async () => {
    const result = await readPylock(file)
    expect(result.format).toBe('pylock.toml')
    expect(summary(result.dependencies)).toEqual([
      ['aiofiles', '24.1.0', 11, 'files'],
      ['alabaster', '0.7.16', 19, 'docs'],
      ['certifi', '2025.8.3', 40, 'main'],
      // an environment marker only: still main
      ['markupsafe', '3.0.3', 47, 'main'],
      // a private index is audited like any release
      ['mdurl', '0.1.2', 58, 'dev'],
      ['sortedcontainers', '2.4.0', 70, 'dev,docs']
    ])
  })

  test('vcs, directory and archive packages are skipped; the "." directory is the project', async () => {
    const result = await readPylock(file)
    expect(result.skipped.map(s => [s.name, s.version, s.location.line, s.reason])).toEqual([
      [
        'app-core',
        undefined,
        31,
        'editable directory source packages/app-core: not a PyPI release'
      ],
      [
        'blinker',
        '1.9.0',
        35,
        'git source https://github.com/pallets-eco/blinker@0123456789abcdef0123456789abcdef01234567: not a PyPI release'
      ],
      ['mylib', '0.3.0', 65, 'editable directory source ../mylib: not a PyPI release'],
      [
        'tzdata',
        '2025.2',
        78,
        'archive source https://example.org/wheels/tzdata-2025.2-py2.py3-none-any.whl: not a PyPI release'
      ]
    ])
  })

  test('packages written as a sub-table rather than inline', () => {
    const text = `lock-version = "1.0"
[[packages]]
name = "mylib"
[packages.vcs]
type = "git"
url = "https://example.com/mylib.git"
commit-id = "abc123"
`
    expect(parsePylock(text, inMemory).skipped[0]).toEqual({
      name: 'mylib',
      reason: 'git source https://example.com/mylib.git@abc123: not a PyPI release',
      location: { file: inMemory, line: 3 },
      format: 'pylock.toml'
    })
  })
})

describe('malformed pylock.toml', () => {
  test('broken TOML names the line and column', () => {
    const error = parseErrorOf(() =>
      parsePylock('lock-version = "1.0"\n[[packages]]\nname = "x"\nversion = "1\n', inMemory, shown)
    )
    expect(error.position).toEqual({ file: 'pylock.toml', line: 4, column: 13 })
  })

  test('an index package without version, or with the wrong type, fails at its line', () => {
    const missing = parseErrorOf(() =>
      parsePylock(
        'lock-version = "1.0"\n[[packages]]\nname = "six"\nindex = "https://pypi.org/simple"\n',
        inMemory,
        shown
      )
    )
    expect(missing.position).toEqual({ file: 'pylock.toml', line: 3 })
    expect(missing.detail).toBe("package 'six': missing 'version'")
    const wrong = parseErrorOf(() =>
      parsePylock(
        'lock-version = "1.0"\n[[packages]]\nname = "six"\nversion = 2025-01-01\n',
        inMemory
      )
    )
    expect(wrong.detail).toBe("package 'six': 'version' must be a string, not a date")
  })

  test('a lock-version this tool does not know, or none, is refused (PEP 751)', () => {
    expect(parseErrorOf(() => parsePylock('lock-version = "2.0"\n', inMemory)).detail).toBe(
      "unsupported lock-version '2.0' (this tool reads 1.x)"
    )
    expect(parseErrorOf(() => parsePylock('[[packages]]\nname = "x"\n', inMemory)).detail).toBe(
      "missing 'lock-version'"
    )
  })
})
