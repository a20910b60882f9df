import { describe, expect, test } from '@jest/globals'
import * as path from 'node:path'
import { ParseError } from '../../src/shared/errors.js'
import { parsePoetryLock, readPoetryLock } from '../../src/deps/poetry-lock.js'
import type { Dependency } from '../../src/deps/types.js'
import { parseErrorOf, summary } from '../support/lockfile-helpers.js'
import { TESTS_DIR } from '../support/paths.js'

const edges = (deps: Dependency[]) => deps.map(d => [d.name, d.version, d.dependsOn])

const fixtures = path.resolve(TESTS_DIR, 'fixtures', 'lockfiles')
const inMemory = path.resolve('/project/poetry.lock')
const shown = { displayPath: () => 'poetry.lock' }

describe('poetry.lock written by Poetry 2 (lock-version 2.1)', () => {
  const file = path.join(fixtures, 'poetry-v2.lock')

  test('every locked package from an index, with its line and its groups', async () => {
    const result = await readPoetryLock(file)
    expect(result.file).toBe(file)
    expect(result.format).toBe('poetry.lock')
    expect(summary(result.dependencies)).toEqual([
      ['aiofiles', '24.1.0', 4, 'main'],
      ['alabaster', '0.7.16', 17, 'docs'],
      ['certifi', '2025.8.3', 45, 'main'],
      ['cffi', '2.0.0', 57, 'main'],
      ['falkordb', '1.4.0', 75, 'main'],
      ['mdurl', '0.1.2', 91, 'main'],
      ['pycparser', '3.0', 125, 'main'],
      ['python-dateutil', '2.9.0.post0', 138, 'main'],
      ['redis', '7.1.0', 153, 'main'],
      ['six', '1.17.0', 171, 'main'],
      ['sortedcontainers', '2.4.0', 183, 'dev']
    ])
    for (const dependency of result.dependencies) {
      expect(dependency.location.file).toBe(file)
      expect(dependency.format).toBe('poetry.lock')
    }
  })

  test('git and directory packages are skipped with their source', async () => {
    const result = await readPoetryLock(file)
    expect(result.skipped).toEqual([
      {
        name: 'blinker',
        version: '1.9.0',
        reason:
          'git source https://github.com/pallets-eco/blinker.git@0123456789abcdef0123456789abcdef01234567: not a PyPI release',
        location: { file, line: 29 },
        format: 'poetry.lock'
      },
      {
        name: 'mylib',
        version: '0.3.0',
        reason: 'editable directory source ../mylib: not a PyPI release',
        location: { file, line: 108 },
        format: 'poetry.lock'
      }
    ])
  })
})

describe('the dependency graph of a poetry.lock', () => {
  test('[package.dependencies] keys are the edges, normalised, to locked packages', async () => {
    const result = await readPoetryLock(path.join(fixtures, 'poetry-v2.lock'))
    const of = (name: string) => result.dependencies.find(d => d.name === name)?.dependsOn
    expect(of('cffi')).toEqual(['pycparser'])
    expect(of('falkordb')).toEqual(['python-dateutil', 'redis'])
    expect(of('python-dateutil')).toEqual(['six'])
    expect(of('six')).toEqual([])
  })

  test('optional and marker-bound requirements count; unlocked ones do not', () => {
    const text = `[[package]]
name = "Sphinx"
version = "7.4.7"

[package.dependencies]
alabaster = ">=0.7.14,<0.8.0"
colorama = {version = ">=0.4.6", markers = "sys_platform == \\"win32\\""}
importlib-metadata = {version = ">=6.0", markers = "python_version < \\"3.10\\""}
Jinja2 = ">=3.1"
sphinxcontrib_websupport = {version = "*", optional = true}

[[package]]
name = "alabaster"
version = "0.7.16"

[[package]]
name = "colorama"
version = "0.4.6"

[[package]]
name = "jinja2"
version = "3.1.6"

[[package]]
name = "sphinxcontrib-websupport"
version = "2.0.0"
`
    expect(edges(parsePoetryLock(text, inMemory).dependencies)).toEqual([
      ['sphinx', '7.4.7', ['alabaster', 'colorama', 'jinja2', 'sphinxcontrib-websupport']],
      ['alabaster', '0.7.16', []],
      ['colorama', '0.4.6', []],
      ['jinja2', '3.1.6', []],
      ['sphinxcontrib-websupport', '2.0.0', []]
    ])
  })
})

describe('poetry.lock written by Poetry 1.1 (lock-version 1.1, category)', () => {
  const file = path.join(fixtures, 'poetry-v1.lock')

  test('category gives the group', async () => {
    const result = await readPoetryLock(file)
    expect(summary(result.dependencies)).toEqual([
      ['certifi', '2025.8.3', 17, 'main'],
      ['mdurl', '0.1.2', 25, 'dev'],
      ['python-dateutil', '2.9.0.post0', 49, 'main'],
      ['six', '1.16.0', 60, 'main'],
      ['sortedcontainers', '2.4.0', 68, 'dev']
    ])
    expect(result.skipped.map(s => [s.name, s.location.line, s.reason])).toEqual([
      [
        'blinker',
        2,
        'git source https://github.com/pallets-eco/blinker.git@0123456789abcdef0123456789abcdef01234567: not a PyPI release'
      ],
      ['mylib', 33, 'editable directory source ../mylib: not a PyPI release']
    ])
  })
})

describe('other shapes Poetry writes', () => {
  test('Poetry 1.5-1.8 (lock-version 2.0) records no group', () => {
    const text = [
      '[[package]]',
      'name = "Django"',
      'version = "4.2.11"',
      'optional = false',
      'python-versions = ">=3.8"',
      'files = []',
      '',
      '[metadata]',
      'lock-version = "2.0"'
    ].join('\n')
    const [django] = parsePoetryLock(text, inMemory).dependencies
    expect(django).toEqual({
      name: 'django',
      version: '4.2.11',
      location: { file: inMemory, line: 2 },
      format: 'poetry.lock',
      // Poetry writes [package.dependencies] for every package that has some
      dependsOn: []
    })
  })

  test('url and file sources are skipped; credentials in URLs are not repeated', () => {
    const text = [
      '[[package]]',
      'name = "private"',
      'version = "1.0"',
      '[package.source]',
      'type = "git"',
      'url = "https://deploy:s3cret@git.example.com/private.git"',
      'reference = "v1.0"',
      '[[package]]',
      'name = "wheel-pkg"',
      'version = "2.0"',
      '[package.source]',
      'type = "file"',
      'url = "dist/wheel_pkg-2.0-py3-none-any.whl"',
      '[[package]]',
      'name = "tarball"',
      'version = "3.0"',
      '[package.source]',
      'type = "url"',
      'url = "https://example.com/tarball-3.0.tar.gz"'
    ].join('\n')
    const result = parsePoetryLock(text, inMemory)
    expect(result.dependencies).toEqual([])
    expect(result.skipped.map(s => s.reason)).toEqual([
      'git source https://***@git.example.com/private.git@v1.0: not a PyPI release',
      'file source dist/wheel_pkg-2.0-py3-none-any.whl: not a PyPI release',
      'url source https://example.com/tarball-3.0.tar.gz: not a PyPI release'
    ])
  })

  test('a lock without packages has no dependencies', () => {
    const result = parsePoetryLock('package = []\n\n[metadata]\nlock-version = "2.1"\n', inMemory)
    expect(result).toEqual({ file: inMemory, format: 'poetry.lock', dependencies: [], skipped: [] })
  })
})

describe('malformed poetry.lock', () => {
  test('broken TOML names the file, line and column', () => {
    const error = parseErrorOf(() =>
      parsePoetryLock('[[package]]\nname = "six"\nversion = "1.17.0\n', inMemory, shown)
    )
    expect(error.position).toEqual({ file: 'poetry.lock', line: 3, column: 18 })
    expect(error.message).toMatch(/^poetry\.lock:3:18: invalid TOML: /)
  })

  test('a package without version fails at its line', () => {
    const text = '[[package]]\nname = "six"\nversion = "1.17.0"\n\n[[package]]\nname = "idna"\n'
    const error = parseErrorOf(() => parsePoetryLock(text, inMemory, shown))
    expect(error.position).toEqual({ file: 'poetry.lock', line: 6 })
    expect(error.detail).toBe("package 'idna': missing 'version'")
  })

  test('a package without name fails at its header', () => {
    const text = '[[package]]\nname = "six"\nversion = "1.17.0"\n\n[[package]]\nversion = "3.7"\n'
    const error = parseErrorOf(() => parsePoetryLock(text, inMemory, shown))
    expect(error.position.line).toBe(5)
    expect(error.detail).toBe("[[package]] #2: missing 'name'")
  })

  test('a version of the wrong type is refused', () => {
    const error = parseErrorOf(() =>
      parsePoetryLock('[[package]]\nname = "six"\nversion = 3\n', inMemory, shown)
    )
    expect(error.position.line).toBe(2)
    expect(error.detail).toBe("package 'six': 'version' must be a string, not an integer")
  })

  test('groups of the wrong type are refused', () => {
    const text = '[[package]]\nname = "six"\nversion = "1.17.0"\ngroups = "main"\n'
    const error = parseErrorOf(() => parsePoetryLock(text, inMemory, shown))
    expect(error.detail).toBe("package 'six': 'groups' must be an array, not a string")
  })

  test('package must be an array of tables', () => {
    const error = parseErrorOf(() => parsePoetryLock('package = "six"\n', inMemory, shown))
    expect(error.detail).toBe("'package' must be an array of tables, not a string")
  })

  test('a lock format from the future is refused rather than misread', () => {
    const error = parseErrorOf(() =>
      parsePoetryLock('[metadata]\nlock-version = "3.0"\n', inMemory, shown)
    )
    expect(error.detail).toBe("unsupported lock-version '3.0' (this tool reads 1.x and 2.x)")
  })

  test('an unknown source type is skipped, not audited as if from PyPI', () => {
    const text =
      '[[package]]\nname = "x"\nversion = "1"\n[package.source]\ntype = "hg"\nurl = "u"\n'
    expect(parsePoetryLock(text, inMemory).skipped[0]!.reason).toBe(
      "unsupported source type 'hg' u: not audited"
    )
  })

  test('a missing file is a ParseError naming it', async () => {
    await expect(readPoetryLock(path.join(fixtures, 'absent.lock'), shown)).rejects.toThrow(
      new ParseError({ file: 'poetry.lock' }, 'file not found')
    )
  })
})
