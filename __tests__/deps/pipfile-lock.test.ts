import { describe, expect, test } from '@jest/globals'
import * as path from 'node:path'
import { parsePipfileLock, readPipfileLock } from '../../src/deps/pipfile-lock.js'
import { parseErrorOf, summary } from '../support/lockfile-helpers.js'
import { TESTS_DIR } from '../support/paths.js'

const fixtures = path.resolve(TESTS_DIR, 'fixtures', 'lockfiles')
const inMemory = path.resolve('/project/Pipfile.lock')
const shown = { displayPath: () => 'Pipfile.lock' }

describe('Pipfile.lock written by pipenv', () => {
  const file = path.join(fixtures, 'Pipfile.lock')

  test('default is main, develop is dev, a custom category keeps its name', async () => {
    const result = await readPipfileLock(file)
    expect(result.format).toBe('Pipfile.lock')
    expect(summary(result.dependencies)).toEqual([
      ['certifi', '2025.8.3', 35, 'main'],
      ['cffi', '2.0.0', 44, 'main'],
      ['pycparser', '3.0', 58, 'main'],
      ['python-dateutil', '2.9.0.post0', 66, 'main'],
      ['redis', '7.1.0', 75, 'main'],
      // in default and in develop: one dependency, main
      ['six', '1.17.0', 84, 'main'],
      // from the "mirror" index: audited like any release
      ['mdurl', '0.1.2', 94, 'dev'],
      ['sortedcontainers', '2.4.0', 111, 'dev'],
      ['alabaster', '0.7.16', 121, 'docs']
    ])
  })

  test('file, git and path entries are skipped; `-e .` is the project itself', async () => {
    const result = await readPipfileLock(file)
    expect(result.skipped).toEqual([
      {
        name: 'aiofiles',
        reason:
          'file source https://files.pythonhosted.org/packages/a5/45/30bb92d442636f570cb5651bc661f52b610e2eec3f891a5dc3a4c3667db0/aiofiles-24.1.0-py3-none-any.whl: not a PyPI release',
        location: { file, line: 24 },
        format: 'Pipfile.lock'
      },
      {
        name: 'blinker',
        reason:
          'git source https://github.com/pallets-eco/blinker.git@0123456789abcdef0123456789abcdef01234567: not a PyPI release',
        location: { file, line: 31 },
        format: 'Pipfile.lock'
      },
      {
        name: 'mylib',
        reason: 'editable directory source ../mylib: not a PyPI release',
        location: { file, line: 54 },
        format: 'Pipfile.lock'
      }
    ])
  })
})

describe('entries pipenv does not write', () => {
  test('a version that is not ==X is skipped as unpinned; === counts as pinned', () => {
    const text = JSON.stringify(
      { default: { a: { version: '>=1.0' }, b: { version: '===2.0' }, c: { version: '==3' } } },
      null,
      2
    )
    const result = parsePipfileLock(text, inMemory)
    expect(summary(result.dependencies)).toEqual([
      ['b', '2.0', 6, 'main'],
      ['c', '3', 9, 'main']
    ])
    expect(result.skipped.map(s => [s.name, s.reason, s.location.line])).toEqual([
      ['a', "not pinned to an exact version ('>=1.0')", 3]
    ])
  })

  test('category and package names are data, never object properties', () => {
    const text = '{"toString": {"x": {"version": "==1"}}, "__proto__": {"y": {"version": "==2"}}}'
    expect(summary(parsePipfileLock(text, inMemory).dependencies)).toEqual([
      ['x', '1', 1, 'toString'],
      ['y', '2', 1, '__proto__']
    ])
  })

  test('an escaped key still finds its line', () => {
    const text = '{\n "default": {\n  "z\\u0061": {"version": "==1"}\n }\n}'
    expect(summary(parsePipfileLock(text, inMemory).dependencies)).toEqual([['za', '1', 3, 'main']])
  })
})

describe('malformed Pipfile.lock', () => {
  test('broken JSON names the line and column', () => {
    const text = '{\n  "default": {\n    "six": {"version": "==1.17.0",}\n  }\n}'
    const error = parseErrorOf(() => parsePipfileLock(text, inMemory, shown))
    expect(error.position).toEqual({ file: 'Pipfile.lock', line: 3, column: 35 })
    expect(error.message).toMatch(/^Pipfile\.lock:3:35: invalid JSON: /)
  })

  test('truncated JSON points at its end', () => {
    const error = parseErrorOf(() => parsePipfileLock('{\n "default": {', inMemory, shown))
    expect(error.position).toEqual({ file: 'Pipfile.lock', line: 2, column: 14 })
  })

  test('a package without version fails at its line', () => {
    const text = '{\n "default": {\n  "six": {"hashes": []}\n }\n}'
    const error = parseErrorOf(() => parsePipfileLock(text, inMemory, shown))
    expect(error.position).toEqual({ file: 'Pipfile.lock', line: 3 })
    expect(error.detail).toBe("package 'six': missing 'version'")
  })

  test('wrong types are refused', () => {
    const entry = (value: string) => `{"default": {"six": ${value}}}`
    expect(parseErrorOf(() => parsePipfileLock(entry('{"version": 3}'), inMemory)).detail).toBe(
      "package 'six': 'version' must be a string, not an integer"
    )
    expect(parseErrorOf(() => parsePipfileLock(entry('"==1"'), inMemory)).detail).toBe(
      "package 'six': must be an object"
    )
    expect(parseErrorOf(() => parsePipfileLock('{"default": []}', inMemory)).detail).toBe(
      '"default": must be an object of packages'
    )
    expect(parseErrorOf(() => parsePipfileLock('[]', inMemory)).detail).toBe(
      'expected a JSON object'
    )
  })
})
