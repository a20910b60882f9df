import { afterAll, describe, expect, test } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { applyPackageCheckIgnores } from '../../src/health/ignore.js'
import type { PackageIssue } from '../../src/health/types.js'
import { parsePackageCheckIgnoreConfig } from '../../src/pipeline/ignore-config.js'
import { loadIgnoreRules, loadPackageCheckIgnoreRules } from '../../src/pipeline/ignore-files.js'
import { ParseError } from '../../src/shared/errors.js'

const TEMP = mkdtempSync(path.join(os.tmpdir(), 'pyaudit-package-ignores-'))
afterAll(() => rmSync(TEMP, { recursive: true, force: true }))
let count = 0
const workdir = (files: Record<string, string>): string => {
  const dir = path.join(TEMP, String(++count))
  mkdirSync(dir)
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text)
  return dir
}

function parseError(run: () => unknown): ParseError {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(ParseError)
    return error as ParseError
  }
  throw new Error('expected a ParseError')
}

const issue = (name: string, version: string): PackageIssue => ({
  name,
  version,
  kind: 'not-found',
  reason: 'not on the index',
  location: { file: '/repo/requirements.txt', line: 1 },
  failing: true
})

const DOTFILE = [
  '[[ignore]]',
  'id = "PYSEC-2018-28"',
  'reason = "advisory ignores stay where they were"',
  '',
  '[[package-check-ignore]]',
  'package = "Acme_Internal"',
  'reason = "served by our private index"',
  'until = 2027-06-30',
  '',
  '[[package-check-ignore]]',
  'package = "old-thing==1.0"',
  'reason = "archived; we vendor a fork"',
  '',
  '[[package-check-ignore]]',
  'package = "legacy"',
  'version = "0.9"',
  'reason = "deprecated, replacement planned"',
  'until = "2026-01-01"',
  ''
].join('\n')

describe('[[package-check-ignore]] in our config', () => {
  test('names, name==version and a version key, with reasons, expiry and where they were written', () => {
    expect(parsePackageCheckIgnoreConfig(DOTFILE, '.pyaudit.toml')).toEqual([
      {
        name: 'acme-internal',
        reason: 'served by our private index',
        until: '2027-06-30',
        origin: '.pyaudit.toml:5'
      },
      {
        name: 'old-thing',
        version: '1.0',
        reason: 'archived; we vendor a fork',
        origin: '.pyaudit.toml:10'
      },
      {
        name: 'legacy',
        version: '0.9',
        reason: 'deprecated, replacement planned',
        until: '2026-01-01',
        origin: '.pyaudit.toml:14'
      }
    ])
  })

  test('the entries live beside [[ignore]]: advisory ignores still read the same file', async () => {
    const dir = workdir({ '.pyaudit.toml': DOTFILE })
    const vulns = await loadIgnoreRules({ workingDirectory: dir, ignoreVulnsInput: '' })
    expect(vulns.map(rule => rule.id)).toEqual(['PYSEC-2018-28'])
    const packages = await loadPackageCheckIgnoreRules({ workingDirectory: dir })
    expect(packages.map(rule => rule.name)).toEqual(['acme-internal', 'old-thing', 'legacy'])
  })

  test('[tool.pyaudit] in pyproject.toml, and the file the config input names', async () => {
    const pyproject = [
      '[project]',
      'name = "app"',
      '',
      '[[tool.pyaudit.package-check-ignore]]',
      'package = "acme-internal"',
      'reason = "private"',
      ''
    ].join('\n')
    const fromPyproject = await loadPackageCheckIgnoreRules({
      workingDirectory: workdir({ 'pyproject.toml': pyproject })
    })
    expect(fromPyproject).toEqual([
      { name: 'acme-internal', reason: 'private', origin: 'pyproject.toml:4' }
    ])
    const named = await loadPackageCheckIgnoreRules({
      workingDirectory: workdir({}),
      configPath: 'audit.toml'
    }).catch((error: unknown) => error)
    expect(String(named)).toMatch(/Input 'config': file not found/)
    const dir = workdir({ 'audit.toml': DOTFILE })
    const rules = await loadPackageCheckIgnoreRules({
      workingDirectory: dir,
      configPath: 'audit.toml'
    })
    expect(rules[0]!.origin).toBe('audit.toml:5')
  })

  test('no config file: no rules', async () => {
    expect(await loadPackageCheckIgnoreRules({ workingDirectory: workdir({}) })).toEqual([])
  })

  test('expiry: a rule applies up to the day before its date, then warns and stops applying', () => {
    const rules = parsePackageCheckIgnoreConfig(DOTFILE, '.pyaudit.toml')
    const issues = [issue('acme-internal', '2.0'), issue('legacy', '0.9.0')]
    const before = applyPackageCheckIgnores(issues, rules, '2025-12-31')
    expect(before.active).toEqual([])
    expect(before.expired).toEqual([])
    expect(before.unused.map(notice => notice.rule.name)).toEqual(['old-thing'])

    const after = applyPackageCheckIgnores(issues, rules, '2026-01-01')
    expect(after.active.map(active => active.name)).toEqual(['legacy'])
    expect(after.expired.map(notice => notice.message)).toEqual([
      'Package check ignore rule for legacy==0.9 (.pyaudit.toml:14) expired on 2026-01-01: 1 finding it covered is reported again.'
    ])
  })

  test.each([
    [
      'a missing reason',
      '[[package-check-ignore]]\npackage = "acme"\n',
      1,
      "[[package-check-ignore]] entry 1: missing 'reason'"
    ],
    [
      'a missing package',
      '[[package-check-ignore]]\nreason = "x"\n',
      1,
      "[[package-check-ignore]] entry 1: missing 'package'"
    ],
    [
      'an unknown key (a misspelt until would make the rule permanent)',
      '[[package-check-ignore]]\npackage = "acme"\nreason = "x"\nexpires = 2027-01-01\n',
      4,
      '[[package-check-ignore]] entry 1: unknown key "expires" (expected one of: package, version, reason, until)'
    ],
    [
      'a version given twice',
      '[[package-check-ignore]]\npackage = "acme==1.0"\nversion = "1.0"\nreason = "x"\n',
      3,
      "[[package-check-ignore]] entry 1: give the version once: in 'package' (name==version) or in 'version'"
    ],
    [
      'a version that is not PEP 440',
      '[[package-check-ignore]]\npackage = "acme"\nversion = "latest"\nreason = "x"\n',
      3,
      '[[package-check-ignore]] entry 1: "latest" is not a PEP 440 version'
    ],
    [
      'a name that is not a package name',
      '[[package-check-ignore]]\npackage = "acme/../x"\nreason = "x"\n',
      2,
      '[[package-check-ignore]] entry 1: "acme/../x" is not a package name'
    ],
    [
      'an until that is not a date',
      '[[package-check-ignore]]\npackage = "acme"\nreason = "x"\nuntil = "soon"\n',
      4,
      `[[package-check-ignore]] entry 1: 'until' must be a date like 2026-12-01, not "soon"`
    ]
  ])('%s is a ParseError at its line', (_what, text, line, message) => {
    const error = parseError(() => parsePackageCheckIgnoreConfig(text, '.pyaudit.toml'))
    expect(error.position).toMatchObject({ file: '.pyaudit.toml', line })
    expect(error.message).toContain(message)
  })

  test('a table instead of an array of tables is an error, not an ignored key', () => {
    const error = parseError(() =>
      parsePackageCheckIgnoreConfig('[package-check-ignore]\npackage = "a"\n', '.pyaudit.toml')
    )
    expect(error.message).toContain("'package-check-ignore' must be an array of tables")
  })
})
