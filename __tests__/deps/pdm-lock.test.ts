import { describe, expect, test } from '@jest/globals'
import * as path from 'node:path'
import { parsePdmLock, readPdmLock } from '../../src/deps/pdm-lock.js'
import type { Dependency } from '../../src/deps/types.js'
import { parseErrorOf, summary } from '../support/lockfile-helpers.js'
import { TESTS_DIR } from '../support/paths.js'

const edges = (deps: Dependency[]) => deps.map(d => [d.name, d.version, d.dependsOn])

const fixtures = path.resolve(TESTS_DIR, 'fixtures', 'lockfiles')
const inMemory = path.resolve('/project/pdm.lock')
const shown = { displayPath: () => 'pdm.lock' }

describe('pdm.lock written by PDM 2 (lock_version 4.5.0, inherit_metadata)', () => {
  const file = path.join(fixtures, 'pdm.lock')

  test('index packages with their groups; "default" is main', async () => {
    const result = await readPdmLock(file)
    expect(result.format).toBe('pdm.lock')
    expect(summary(result.dependencies)).toEqual([
      ['alabaster', '0.7.16', 25, 'docs'],
      ['certifi', '2025.8.3', 46, 'main'],
      ['cffi', '2.0.0', 57, 'main'],
      ['mdurl', '0.1.2', 73, 'dev'],
      ['pycparser', '3.0', 96, 'main'],
      ['six', '1.17.0', 108, 'main'],
      ['sortedcontainers', '2.4.0', 119, 'dev']
    ])
  })

  test('each dependency lists the locked names it requires, markers ignored', async () => {
    const result = await readPdmLock(file)
    expect(edges(result.dependencies)).toEqual([
      ['alabaster', '0.7.16', []],
      ['certifi', '2025.8.3', []],
      ['cffi', '2.0.0', ['pycparser']],
      ['mdurl', '0.1.2', []],
      ['pycparser', '3.0', []],
      ['six', '1.17.0', []],
      ['sortedcontainers', '2.4.0', []]
    ])
  })

  test('edges: repeats per extras merge, the self edge and unlocked names drop out', () => {
    const text = `[[package]]
name = "requests"
version = "2.32.4"
dependencies = ["Charset_Normalizer<4,>=2", "idna<4,>=2.5"]

[[package]]
name = "requests"
version = "2.32.4"
extras = ["socks"]
dependencies = [
    "PySocks!=1.5.7,>=1.5.6",
    "requests==2.32.4",
    "win-inet-pton; sys_platform == \\"win32\\" and python_version == \\"2.7\\"",
]

[[package]]
name = "charset-normalizer"
version = "3.4.2"

[[package]]
name = "idna"
version = "3.10"
dependencies = []

[[package]]
name = "pysocks"
version = "1.7.1"
`
    expect(edges(parsePdmLock(text, inMemory).dependencies)).toEqual([
      ['requests', '2.32.4', ['charset-normalizer', 'idna', 'pysocks']],
      ['charset-normalizer', '3.4.2', []],
      ['idna', '3.10', []],
      ['pysocks', '1.7.1', []]
    ])
  })

  test('a dependency that is no requirement fails at its package', () => {
    const text = `[[package]]\nname = "a"\nversion = "1"\ndependencies = ["b=1"]\n`
    const error = parseErrorOf(() => parsePdmLock(text, inMemory, shown))
    expect(error.position.line).toBe(2)
    expect(error.detail).toMatch(/^package 'a': dependency 'b=1': /)
  })

  test('url, git and path packages are skipped', async () => {
    const result = await readPdmLock(file)
    expect(result.skipped.map(s => [s.name, s.version, s.location.line, s.reason])).toEqual([
      [
        'aiofiles',
        '24.1.0',
        14,
        'url source https://files.pythonhosted.org/packages/a5/45/30bb92d442636f570cb5651bc661f52b610e2eec3f891a5dc3a4c3667db0/aiofiles-24.1.0-py3-none-any.whl: not a PyPI release'
      ],
      [
        'blinker',
        '1.9.0',
        36,
        'git source https://github.com/pallets-eco/blinker.git@0123456789abcdef0123456789abcdef01234567: not a PyPI release'
      ],
      ['mylib', '0.3.0', 84, 'editable directory source ../mylib: not a PyPI release']
    ])
  })
})

describe('other shapes PDM writes', () => {
  test('a package repeated per set of extras is one dependency with merged groups', () => {
    const text = `[metadata]
lock_version = "4.5.0"

[[package]]
name = "django"
version = "3.2.12"
groups = ["dev"]

[[package]]
name = "django"
version = "3.2.12"
extras = ["argon2"]
groups = ["default"]
dependencies = ["Django==3.2.12", "argon2-cffi>=19.1.0"]
`
    expect(summary(parsePdmLock(text, inMemory).dependencies)).toEqual([
      ['django', '3.2.12', 5, 'main']
    ])
  })

  test('PDM 1.x sections; a lock made without inherit_metadata has no groups', () => {
    const text = `[[package]]
name = "Requests"
version = "2.26.0"
sections = ["default"]

[[package]]
name = "pytest"
version = "6.2.5"
sections = ["dev"]

[[package]]
name = "idna"
version = "3.3"

[metadata]
lock_version = "3.1"
`
    expect(summary(parsePdmLock(text, inMemory).dependencies)).toEqual([
      ['requests', '2.26.0', 2, 'main'],
      ['pytest', '6.2.5', 7, 'dev'],
      ['idna', '3.3', 12, undefined]
    ])
  })
})

describe('malformed pdm.lock', () => {
  test('broken TOML names the line and column', () => {
    const error = parseErrorOf(() =>
      parsePdmLock('[[package]]\nname = "six"\nversion == "1"\n', inMemory, shown)
    )
    expect(error.position).toEqual({ file: 'pdm.lock', line: 3, column: 10 })
  })

  test('an index package without version, or with a number, fails at its line', () => {
    const missing = parseErrorOf(() => parsePdmLock('[[package]]\nname = "six"\n', inMemory, shown))
    expect(missing.position).toEqual({ file: 'pdm.lock', line: 2 })
    expect(missing.detail).toBe("package 'six': missing 'version'")
    const wrong = parseErrorOf(() =>
      parsePdmLock('[[package]]\nname = "six"\nversion = 1.5\n', inMemory)
    )
    expect(wrong.detail).toBe("package 'six': 'version' must be a string, not a float")
  })

  test('an unknown lock_version is refused', () => {
    const error = parseErrorOf(() => parsePdmLock('[metadata]\nlock_version = "9.0"\n', inMemory))
    expect(error.detail).toBe("unsupported lock_version '9.0' (this tool reads 3.x and 4.x)")
  })
})
