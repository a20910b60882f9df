import { afterEach, describe, expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseBundledNames } from '../../scripts/third-party/bundle.js'
import { selectProductionPackages } from '../../scripts/third-party/lockfile.js'
import {
  declaredLicense,
  evaluateLicense,
  parsePolicy,
  type ThirdPartyPolicy
} from '../../scripts/third-party/policy.js'
import { NOTICES_FILE, runNotices } from '../../scripts/third-party/run.js'
import { TESTS_DIR } from '../support/paths.js'

const ROOT = path.resolve(TESTS_DIR, '..')
const MIT_TEXT = 'MIT License\n\nCopyright (c) 2020 Someone\n\nPermission is hereby granted...'

const POLICY: ThirdPartyPolicy = parsePolicy(
  {
    allowed: ['MIT', 'ISC', 'Apache-2.0'],
    exceptions: { 'old-pkg': { license: 'MIT/X11', reason: 'the author means MIT' } }
  },
  'policy.json'
)

describe('selectProductionPackages', () => {
  test('keeps the production tree: not the root, dev, devOptional or links', () => {
    const lockfile = {
      lockfileVersion: 3,
      packages: {
        '': { name: 'app', version: '1.0.0' },
        'node_modules/kept': { version: '1.0.0', license: 'MIT' },
        'node_modules/kept/node_modules/nested': { version: '2.0.0' },
        'node_modules/@scope/opt': { version: '3.0.0', optional: true },
        'node_modules/alias-cjs': { name: 'real-name', version: '4.0.0' },
        'node_modules/dev-only': { version: '1.0.0', dev: true },
        'node_modules/dev-optional': { version: '1.0.0', devOptional: true },
        'node_modules/linked': { resolved: 'packages/linked', link: true }
      }
    }
    const selected = selectProductionPackages(lockfile, 'package-lock.json')
    expect(selected.map(entry => `${entry.name}@${entry.version} ${entry.path}`)).toEqual([
      '@scope/opt@3.0.0 node_modules/@scope/opt',
      'real-name@4.0.0 node_modules/alias-cjs',
      'kept@1.0.0 node_modules/kept',
      'nested@2.0.0 node_modules/kept/node_modules/nested'
    ])
  })

  test('refuses a lockfile without a packages map, naming the file', () => {
    expect(() => selectProductionPackages({ lockfileVersion: 1 }, 'package-lock.json')).toThrow(
      /package-lock\.json: has no `packages` map/
    )
  })
})

describe('licenses against the allow-list', () => {
  test('an OR passes when one branch is allowed', () => {
    expect(evaluateLicense('a', '(GPL-3.0-only OR MIT)', POLICY)).toEqual({ ok: true })
  })

  test('an AND with a part outside the list fails and names that part', () => {
    const verdict = evaluateLicense('a', '(MIT AND GPL-3.0-only)', POLICY)
    expect(verdict).toEqual({ ok: false, problem: 'GPL-3.0-only is not in the allow-list' })
  })

  test('no license, UNLICENSED and names that are not SPDX fail', () => {
    expect(evaluateLicense('a', null, POLICY).ok).toBe(false)
    expect(evaluateLicense('a', 'UNLICENSED', POLICY)).toMatchObject({ ok: false })
    expect(evaluateLicense('a', 'SEE LICENSE IN EULA.txt', POLICY)).toMatchObject({ ok: false })
    const verdict = evaluateLicense('a', 'Apache 2', POLICY)
    expect(verdict).toMatchObject({ ok: false, problem: expect.stringContaining('"Apache-2.0"') })
  })

  test('an exception passes with its reason, and only for the license it was granted for', () => {
    expect(evaluateLicense('old-pkg', 'MIT/X11', POLICY)).toEqual({
      ok: true,
      exception: 'the author means MIT'
    })
    const changed = evaluateLicense('old-pkg', 'GPL-2.0-only', POLICY)
    expect(changed).toMatchObject({ ok: false, problem: expect.stringContaining('"MIT/X11"') })
  })

  test('legacy license objects and licenses arrays are read, the array as alternatives', () => {
    expect(declaredLicense({ license: { type: 'ISC', url: 'x' } })).toBe('ISC')
    expect(declaredLicense({ licenses: [{ type: 'MIT', url: 'x' }] })).toBe('MIT')
    const both = declaredLicense({ licenses: [{ type: 'MIT' }, { type: 'GPL-2.0-only' }] })
    expect(both).toBe('(MIT OR GPL-2.0-only)')
    expect(evaluateLicense('a', both, POLICY)).toEqual({ ok: true })
    expect(declaredLicense({ name: 'x' })).toBeNull()
  })

  test('the policy refuses compound allow-list items and exceptions without a reason', () => {
    expect(() => parsePolicy({ allowed: ['MIT OR ISC'] }, 'p.json')).toThrow(/not one SPDX/)
    const noReason = { allowed: ['MIT'], exceptions: { x: { license: null } } }
    expect(() => parsePolicy(noReason, 'p.json')).toThrow(/"exceptions"."x" needs a "reason"/)
  })
})

describe('parseBundledNames (ncc licenses.txt)', () => {
  test('finds each block, not a paragraph of a license text that happens to be a name', () => {
    const text = [
      'alpha\nMIT\nMIT License\n\nCopyright alpha',
      'no-license-pkg',
      'zeta\nISC\nISC text\n\nalpha\n\nmore text',
      ''
    ].join('\n\n')
    const known = new Set(['alpha', 'no-license-pkg', 'zeta', 'unused'])
    expect(parseBundledNames(text, known)).toEqual(['alpha', 'no-license-pkg', 'zeta'])
  })
})

interface FakePackage {
  path: string
  lock: Record<string, unknown>
  manifest: Record<string, unknown>
  files?: Record<string, string>
}

const temps: string[] = []
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** A project with package-lock.json, node_modules, dist/licenses.txt and the policy file. */
function project(packages: FakePackage[], bundled: string[], policy: unknown): string {
  const root = mkdtempSync(path.join(tmpdir(), 'pyaudit-notices-'))
  temps.push(root)
  const lockPackages: Record<string, unknown> = { '': { name: 'app', version: '0.1.0' } }
  for (const pkg of packages) {
    lockPackages[pkg.path] = pkg.lock
    mkdirSync(path.join(root, pkg.path), { recursive: true })
    writeFileSync(path.join(root, pkg.path, 'package.json'), JSON.stringify(pkg.manifest))
    for (const [file, text] of Object.entries(pkg.files ?? {})) {
      writeFileSync(path.join(root, pkg.path, file), text)
    }
  }
  const lockfile = { name: 'app', lockfileVersion: 3, packages: lockPackages }
  writeFileSync(path.join(root, 'package-lock.json'), JSON.stringify(lockfile))
  writeFileSync(path.join(root, 'third-party-licenses.json'), JSON.stringify(policy))
  mkdirSync(path.join(root, 'dist'))
  // ncc's format: name, license id, text, blank line; sorted by name.
  const blocks = [...bundled].sort().map(name => `${name}\nMIT\n${MIT_TEXT}\n\n`)
  writeFileSync(path.join(root, 'dist', 'licenses.txt'), `${blocks.join('').trim()}\n`)
  return root
}

function pkg(name: string, version: string, extra: Partial<FakePackage> = {}): FakePackage {
  return {
    path: `node_modules/${name}`,
    lock: { version, ...extra.lock },
    manifest: { name, version, license: 'MIT', ...extra.manifest },
    files: extra.files ?? { LICENSE: MIT_TEXT }
  }
}

const ALLOW = { allowed: ['MIT', 'ISC', 'Apache-2.0'] }

function errors(run: ReturnType<typeof runNotices>): string[] {
  return run.findings.filter(finding => finding.level === 'error').map(finding => finding.text)
}

describe('runNotices on a synthetic project', () => {
  const good = (): FakePackage[] => [
    pkg('zlib-ish', '1.0.0', { files: { 'licence.MD': 'ISC text', Copying: 'copying text' } }),
    pkg('legacy', '0.3.0', {
      manifest: { license: undefined, licenses: [{ type: 'MIT' }, { type: 'Apache-2.0' }] }
    }),
    pkg('bare', '2.0.0', { manifest: { repository: 'github:owner/bare' }, files: {} }),
    pkg('devtool', '9.9.9', { lock: { dev: true }, manifest: { license: 'GPL-3.0-only' } })
  ]

  test('writes sorted notices with the license texts; --check passes, then fails when stale', () => {
    const root = project(good(), ['bare', 'legacy', 'zlib-ish'], ALLOW)
    const written = runNotices(root, 'write')
    expect(errors(written)).toEqual([])
    expect(written.exitCode).toBe(0)
    expect(written.findings).toContainEqual({
      level: 'warning',
      text: 'bare@2.0.0: no license file shipped; license field says "MIT"'
    })
    const notices = readFileSync(path.join(root, NOTICES_FILE), 'utf8')
    const headings = notices.match(/^[a-z-]+@\d+\.\d+\.\d+$/gm)
    expect(headings).toEqual(['bare@2.0.0', 'legacy@0.3.0', 'zlib-ish@1.0.0'])
    expect(notices).not.toContain('devtool')
    expect(notices).toContain('License: (MIT OR Apache-2.0)')
    expect(notices).toContain('Source: https://github.com/owner/bare')
    expect(notices).toContain('Warning: no license file shipped; license field says "MIT".')
    expect(notices).toContain('--- Copying ---\n\ncopying text')
    expect(notices).toContain('--- licence.MD ---\n\nISC text')
    expect(notices).not.toMatch(/\d{4}-\d{2}-\d{2}/)

    expect(runNotices(root, 'check').exitCode).toBe(0)
    writeFileSync(path.join(root, NOTICES_FILE), notices.replace('ISC text', 'edited'))
    const stale = runNotices(root, 'check')
    expect(stale.exitCode).toBe(1)
    expect(errors(stale)).toEqual([expect.stringContaining('run `npm run notices`')])
  })

  test('fails on a disallowed AND part and a missing license, naming each, and writes nothing', () => {
    const packages = [
      ...good(),
      pkg('mixed', '1.2.3', { manifest: { license: '(MIT AND GPL-2.0-only)' } }),
      pkg('anon', '0.0.1', { manifest: { license: undefined } })
    ]
    const root = project(packages, ['legacy'], ALLOW)
    const run = runNotices(root, 'write')
    expect(run.exitCode).toBe(1)
    expect(errors(run)).toEqual([
      'anon@0.0.1 declares no license: not allowed without an exception, after review',
      'mixed@1.2.3 declares license "(MIT AND GPL-2.0-only)": GPL-2.0-only is not in the allow-list'
    ])
    expect(() => readFileSync(path.join(root, NOTICES_FILE))).toThrow()
  })

  test('an exception with its reason passes and is shown; an unused exception fails', () => {
    const packages = [...good(), pkg('old', '0.1.0', { manifest: { license: 'MIT/X11' } })]
    const policy = { ...ALLOW, exceptions: { old: { license: 'MIT/X11', reason: 'means MIT' } } }
    const root = project(packages, [], policy)
    expect(runNotices(root, 'write').exitCode).toBe(0)
    const notices = readFileSync(path.join(root, NOTICES_FILE), 'utf8')
    expect(notices).toContain('Accepted by exception (license "MIT/X11"): means MIT')

    const unused = { ...policy, exceptions: { ...policy.exceptions, gone: policy.exceptions.old } }
    const stale = runNotices(project(packages, [], unused), 'check')
    expect(errors(stale)).toEqual([expect.stringContaining('"exceptions" has gone')])
  })

  test('a bundled development dependency fails unless the policy accepts it, then is listed', () => {
    const root = project(good(), ['devtool', 'legacy'], ALLOW)
    const run = runNotices(root, 'check')
    expect(errors(run)).toEqual([
      expect.stringMatching(/^devtool is bundled into dist\/ but .* only as a development/)
    ])
    const accepted = { ...ALLOW, bundledDevDependencies: { devtool: { reason: 'ncc runtime' } } }
    const exception = { devtool: { license: 'GPL-3.0-only', reason: 'tested' } }
    const root2 = project(good(), ['devtool', 'legacy'], { ...accepted, exceptions: exception })
    expect(runNotices(root2, 'write').exitCode).toBe(0)
    const notices = readFileSync(path.join(root2, NOTICES_FILE), 'utf8')
    expect(notices).toContain('devtool@9.9.9\nLicense: GPL-3.0-only')
    expect(notices).toContain('Bundled from the development tree: ncc runtime')
  })

  test('node_modules out of step with the lockfile fails', () => {
    const packages = good()
    packages[0]!.manifest.version = '1.0.1'
    const run = runNotices(project(packages, [], ALLOW), 'check')
    expect(errors(run)).toEqual([
      'node_modules/zlib-ish holds zlib-ish@1.0.1, but package-lock.json says zlib-ish@1.0.0: run npm ci'
    ])
  })
})

describe('this repository', () => {
  test('its production licenses pass and the committed THIRD_PARTY_NOTICES is fresh', () => {
    const run = runNotices(ROOT, 'check')
    expect(errors(run)).toEqual([])
    expect(run.exitCode).toBe(0)
    // Guard against a vacuous pass: the notices list what the lockfile says ships.
    expect(readFileSync(path.join(ROOT, NOTICES_FILE), 'utf8')).toMatch(/^undici@7\./m)
  })

  test('the CLI refuses unknown options with exit code 2', () => {
    const script = path.join(ROOT, 'scripts', 'third-party-notices.ts')
    const result = spawnSync(process.execPath, ['--import', 'tsx', script, '--chek'], {
      cwd: ROOT,
      encoding: 'utf8'
    })
    expect(result.status).toBe(2)
    expect(result.stderr).toContain("Input '--chek': unknown option")
    expect(result.stderr).toContain('Usage: npm run notices')
  })
})
