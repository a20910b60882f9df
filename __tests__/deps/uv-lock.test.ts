import { describe, expect, test } from '@jest/globals'
import * as path from 'node:path'
import { parseUvLock, readUvLock } from '../../src/deps/uv-lock.js'
import type { Dependency } from '../../src/deps/types.js'
import { parseErrorOf, summary } from '../support/lockfile-helpers.js'
import { TESTS_DIR } from '../support/paths.js'

const edges = (deps: Dependency[]) => deps.map(d => [d.name, d.version, d.dependsOn])

const fixtures = path.resolve(TESTS_DIR, 'fixtures', 'lockfiles')
const inMemory = path.resolve('/project/uv.lock')
const shown = { displayPath: () => 'uv.lock' }

const registry = 'source = { registry = "https://pypi.org/simple" }'

describe('uv.lock of a workspace with extras, dependency groups and conflicting groups', () => {
  const file = path.join(fixtures, 'uv.lock')

  test('registry packages are dependencies, grouped by what reaches them', async () => {
    const result = await readUvLock(file)
    expect(result.format).toBe('uv.lock')
    expect(summary(result.dependencies)).toEqual([
      ['aiofiles', '24.1.0', 16, 'files'],
      ['alabaster', '0.7.16', 25, 'docs'],
      // through the workspace member app-core
      ['certifi', '2025.8.3', 96, 'main'],
      // directly, and through the editable path dependency mylib
      ['markupsafe', '3.0.3', 105, 'main'],
      ['mdurl', '0.1.2', 117, 'dev'],
      // one version per conflicting group, told apart by version and source
      ['sortedcontainers', '2.3.0', 137, 'legacy'],
      ['sortedcontainers', '2.4.0', 146, 'dev']
    ])
    expect(result.dependencies.every(d => d.location.file === file)).toBe(true)
  })

  test('workspace members are the project; git and path sources are skipped', async () => {
    const result = await readUvLock(file)
    expect(result.skipped).toEqual([
      {
        name: 'blinker',
        version: '1.9.0',
        reason:
          'git source https://github.com/pallets-eco/blinker@0123456789abcdef0123456789abcdef01234567: not a PyPI release',
        location: { file, line: 91 },
        format: 'uv.lock'
      },
      {
        name: 'mylib',
        version: '0.3.0',
        reason: 'editable directory source ../mylib: not a PyPI release',
        location: { file, line: 126 },
        format: 'uv.lock'
      }
    ])
    const names = [...result.dependencies, ...result.skipped].map(d => d.name)
    expect(names).not.toContain('app')
    expect(names).not.toContain('app-core')
  })
})

describe('other shapes uv writes', () => {
  test('a virtual root; extras of a dependency pull in its optional dependencies', () => {
    const text = `version = 1
revision = 2

[[package]]
name = "svc"
version = "0.1.0"
source = { virtual = "." }
dependencies = [{ name = "httpx", extra = ["http2"] }]

[[package]]
name = "httpx"
version = "0.28.1"
${registry}

[package.optional-dependencies]
http2 = [{ name = "h2" }]
socks = [{ name = "socksio" }]

[[package]]
name = "h2"
version = "4.2.0"
${registry}

[[package]]
name = "socksio"
version = "1.0.0"
${registry}
`
    const result = parseUvLock(text, inMemory)
    expect(summary(result.dependencies)).toEqual([
      ['httpx', '0.28.1', 11, 'main'],
      ['h2', '4.2.0', 20, 'main'],
      // locked for an extra nobody asked for: in the file, reachable from no root
      ['socksio', '1.0.0', 25, undefined]
    ])
    // an edge means "may require": every extra's optional dependencies count
    expect(edges(result.dependencies)).toEqual([
      ['httpx', '0.28.1', ['h2', 'socksio']],
      ['h2', '4.2.0', []],
      ['socksio', '1.0.0', []]
    ])
  })

  test('edges: by name, to git and path packages too, not to itself or the project', () => {
    const text = `version = 1
[manifest]
members = ["app", "lib"]

[[package]]
name = "app"
version = "1"
source = { editable = "." }
dependencies = [{ name = "lib" }, { name = "web" }]

[[package]]
name = "lib"
version = "1"
source = { editable = "lib" }

[[package]]
name = "web"
version = "2.0"
${registry}
dependencies = [
    { name = "helper" },
    { name = "sortedcontainers", version = "2.4.0", source = { registry = "https://pypi.org/simple" } },
]

[package.optional-dependencies]
all = [{ name = "web", extra = ["fast"] }]
fast = [{ name = "Ujson" }]

[[package]]
name = "helper"
version = "0.1"
source = { git = "https://example.com/helper?rev=v0.1#abc" }

[[package]]
name = "sortedcontainers"
version = "2.3.0"
${registry}

[[package]]
name = "sortedcontainers"
version = "2.4.0"
${registry}

[[package]]
name = "ujson"
version = "5.10.0"
${registry}
`
    const result = parseUvLock(text, inMemory)
    // the edge names sortedcontainers; which of its two versions uv pinned is not kept
    expect(edges(result.dependencies)).toEqual([
      ['web', '2.0', ['helper', 'sortedcontainers', 'ujson']],
      ['sortedcontainers', '2.3.0', []],
      ['sortedcontainers', '2.4.0', []],
      ['ujson', '5.10.0', []]
    ])
    expect(result.skipped.map(s => s.name)).toEqual(['helper'])
  })

  test('the fixture: registry packages there require nothing', async () => {
    const result = await readUvLock(path.join(fixtures, 'uv.lock'))
    expect(result.dependencies.map(d => d.dependsOn)).toEqual(result.dependencies.map(() => []))
  })

  test('a script lock: roots come from [manifest] requirements', () => {
    const text = `version = 1
[manifest]
requirements = [{ name = "requests", specifier = ">=2" }]

[[package]]
name = "requests"
version = "2.32.4"
${registry}
`
    expect(summary(parseUvLock(text, inMemory).dependencies)).toEqual([
      ['requests', '2.32.4', 6, 'main']
    ])
  })

  test('url, path and directory sources; a dynamic version without version', () => {
    const text = `version = 1
[[package]]
name = "tarball"
version = "1.0"
source = { url = "https://example.com/tarball-1.0.tar.gz" }

[[package]]
name = "local-wheel"
version = "2.0"
source = { path = "wheels/local_wheel-2.0-py3-none-any.whl" }

[[package]]
name = "tools"
source = { directory = "tools" }

[[package]]
name = "internal"
version = "5.1"
source = { registry = "https://pypi.internal.example/simple" }
`
    const result = parseUvLock(text, inMemory)
    expect(result.skipped.map(s => [s.name, s.version, s.reason])).toEqual([
      ['tarball', '1.0', 'url source https://example.com/tarball-1.0.tar.gz: not a PyPI release'],
      [
        'local-wheel',
        '2.0',
        'path source wheels/local_wheel-2.0-py3-none-any.whl: not a PyPI release'
      ],
      ['tools', undefined, 'directory source tools: not a PyPI release']
    ])
    // a private index is still audited by name and version
    expect(summary(result.dependencies)).toEqual([['internal', '5.1', 17, undefined]])
  })
})

describe('malformed uv.lock', () => {
  test('broken TOML names the line and column', () => {
    const error = parseErrorOf(() =>
      parseUvLock(
        'version = 1\n[[package]]\nname = "x"\nsource = { registry = }\n',
        inMemory,
        shown
      )
    )
    expect(error.position).toEqual({ file: 'uv.lock', line: 4, column: 23 })
  })

  test('a registry package without version fails at its line', () => {
    const error = parseErrorOf(() =>
      parseUvLock(`version = 1\n[[package]]\nname = "idna"\n${registry}\n`, inMemory, shown)
    )
    expect(error.position).toEqual({ file: 'uv.lock', line: 3 })
    expect(error.detail).toBe("package 'idna': missing 'version'")
  })

  test('a version of the wrong type is refused', () => {
    const error = parseErrorOf(() =>
      parseUvLock('[[package]]\nname = "idna"\nversion = 3\n', inMemory, shown)
    )
    expect(error.detail).toBe("package 'idna': 'version' must be a string, not an integer")
  })

  test('an edge to a package that is not locked is refused', () => {
    const text = `[[package]]\nname = "app"\nversion = "1"\nsource = { editable = "." }\ndependencies = [{ name = "ghost" }]\n`
    const error = parseErrorOf(() => parseUvLock(text, inMemory, shown))
    expect(error.position.line).toBe(2)
    expect(error.detail).toBe("package 'app': depends on 'ghost', which is not in the lock file")
  })

  test('an unknown source kind and an unknown format version are refused', () => {
    expect(
      parseErrorOf(() =>
        parseUvLock('[[package]]\nname = "x"\nversion = "1"\nsource = { svn = "u" }\n', inMemory)
      ).detail
    ).toBe("package 'x' source: unknown source (svn)")
    expect(parseErrorOf(() => parseUvLock('version = 2\n', inMemory)).detail).toBe(
      "unsupported uv.lock version '2' (this tool reads 1.x)"
    )
  })
})
