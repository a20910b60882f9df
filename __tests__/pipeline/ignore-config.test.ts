import { afterAll, describe, expect, test } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { loadIgnoreRules } from '../../src/pipeline/ignore-files.js'
import {
  parseOsvScannerConfig,
  parsePyauditConfig,
  parsePyprojectConfig
} from '../../src/pipeline/ignore-config.js'
import { applyIgnores } from '../../src/pipeline/ignores.js'
import type { AuditedPackage } from '../../src/pipeline/look-up.js'
import { InputError, ParseError } from '../../src/shared/errors.js'
import { TESTS_DIR } from '../support/paths.js'

const FIXTURES = path.resolve(TESTS_DIR, 'fixtures', 'ignores')
const load = (dir: string, ignoreVulnsInput = '', configPath?: string) =>
  loadIgnoreRules({ workingDirectory: path.join(FIXTURES, dir), ignoreVulnsInput, configPath })

const TEMP = mkdtempSync(path.join(os.tmpdir(), 'pyaudit-ignores-'))
afterAll(() => rmSync(TEMP, { recursive: true, force: true }))
let tempCount = 0
/** A fresh working directory holding the given files. */
const workdir = (files: Record<string, string>): string => {
  const dir = path.join(TEMP, String(++tempCount))
  mkdirSync(dir)
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text)
  return dir
}

/** The error a call throws (sync or async), to assert on its fields. */
async function thrown(run: () => unknown): Promise<unknown> {
  try {
    await run()
  } catch (error) {
    return error
  }
  throw new Error('expected an error')
}
async function parseError(run: () => unknown): Promise<ParseError> {
  const error = await thrown(run)
  expect(error).toBeInstanceOf(ParseError)
  return error as ParseError
}

describe('loadIgnoreRules: where rules come from', () => {
  test('.pyaudit.toml in the working directory', async () => {
    expect(await load('dotfile')).toEqual([
      {
        id: 'PYSEC-2023-74',
        reason: 'Proxy-Authorization leak: we never send requests through a proxy',
        until: '2026-12-01',
        origin: '.pyaudit.toml:3'
      },
      {
        id: 'ghsa-v845-jxx5-vc9f',
        reason: 'Redirects are disabled on every pool we create',
        package: 'urllib3',
        version: '1.26.0',
        origin: '.pyaudit.toml:8'
      },
      {
        id: 'CVE-2020-14343',
        reason: 'Only yaml.safe_load is used; checked by the lint rule in ruff.toml',
        until: '2027-01-15',
        package: 'pyyaml',
        origin: '.pyaudit.toml:14'
      }
    ])
  })

  test('[tool.pyaudit] in pyproject.toml', async () => {
    expect(await load('pyproject')).toEqual([
      {
        id: 'GHSA-x84v-xcm2-53pg',
        reason: 'Redirects to http:// hosts are refused by our session hook',
        package: 'requests',
        origin: 'pyproject.toml:11'
      }
    ])
  })

  test("osv-scanner.toml's IgnoredVulns, its other keys left alone", async () => {
    expect(await load('osv-scanner')).toEqual([
      {
        id: 'PYSEC-2023-192',
        reason: 'No cross-origin redirects',
        until: '2026-12-01',
        origin: 'osv-scanner.toml:4'
      },
      // 2026-06-30T18:00-07:00 is 2026-07-01T01:00Z.
      {
        id: 'CVE-2020-1747',
        reason: 'FullLoader is never used',
        until: '2026-07-01',
        origin: 'osv-scanner.toml:9'
      },
      { id: 'GHSA-j8r2-6x86-q33q', origin: 'osv-scanner.toml:14' }
    ])
  })

  test('the input first, then our config, then osv-scanner.toml', async () => {
    const dir = workdir({
      '.pyaudit.toml': '[[ignore]]\nid = "PYSEC-2018-28"\nreason = "file"\n',
      'osv-scanner.toml': '[[IgnoredVulns]]\nid = "PYSEC-2023-74"\n'
    })
    const rules = await loadIgnoreRules({
      workingDirectory: dir,
      ignoreVulnsInput: 'CVE-2023-43804 # input'
    })
    expect(rules.map(rule => rule.origin)).toEqual([
      'input ignore-vulns, line 1',
      '.pyaudit.toml:1',
      'osv-scanner.toml:1'
    ])
  })

  test('nothing configured: no rules', async () => {
    expect(await loadIgnoreRules({ workingDirectory: workdir({}), ignoreVulnsInput: '' })).toEqual(
      []
    )
    const plainPyproject = workdir({ 'pyproject.toml': '[project]\nname = "app"\n' })
    expect(
      await loadIgnoreRules({ workingDirectory: plainPyproject, ignoreVulnsInput: '' })
    ).toEqual([])
  })

  test('both .pyaudit.toml and [tool.pyaudit] is an error', async () => {
    const error = await parseError(() => load('both'))
    expect(error.message).toBe(
      'pyproject.toml: [tool.pyaudit] and .pyaudit.toml both configure pyaudit; keep one of them'
    )
  })

  test('the config input replaces .pyaudit.toml, relative to the working directory', async () => {
    const rules = await load('custom', '', 'security-exceptions.toml')
    expect(rules).toEqual([
      {
        id: 'MAL-2024-9991',
        reason:
          "Our internal 'acme-utils' is served from the private index; the public name was squatted",
        package: 'acme-utils',
        origin: 'security-exceptions.toml:1'
      }
    ])
  })

  test('the config input may name a pyproject.toml', async () => {
    const rules = await load('custom', '', '../pyproject/pyproject.toml')
    // Outside the working directory, the path is shown in full.
    expect(rules.map(rule => rule.origin)).toEqual([
      `${path.join(FIXTURES, 'pyproject', 'pyproject.toml')}:11`
    ])
    const none = workdir({ 'pyproject.toml': '[project]\nname = "app"\n' })
    const missingTable = await parseError(() =>
      loadIgnoreRules({
        workingDirectory: none,
        ignoreVulnsInput: '',
        configPath: 'pyproject.toml'
      })
    )
    expect(missingTable.message).toBe('pyproject.toml: no [tool.pyaudit] table')
  })

  test('a config input naming a missing file is an InputError', async () => {
    const error = await thrown(() => load('custom', '', 'nope.toml'))
    expect(error).toBeInstanceOf(InputError)
    expect((error as InputError).input).toBe('config')
    expect((error as InputError).message).toContain(path.join(FIXTURES, 'custom', 'nope.toml'))
  })

  test('a BOM and CRLF line ends are read', async () => {
    expect(await load('custom', '', 'windows.toml')).toEqual([
      { id: 'PYSEC-2018-28', reason: 'Written on Windows, with a BOM', origin: 'windows.toml:1' }
    ])
  })

  test('a config path that cannot be read is a ParseError, not a silent skip', async () => {
    const dir = workdir({})
    mkdirSync(path.join(dir, '.pyaudit.toml'))
    const error = await parseError(() =>
      loadIgnoreRules({ workingDirectory: dir, ignoreVulnsInput: '' })
    )
    expect(error.message).toBe('.pyaudit.toml: cannot read file (EISDIR)')
  })
})

describe('our config: errors point at the file, line and column', () => {
  test.each([
    [
      'a misspelt key',
      '[[ignore]]\nid = "PYSEC-2018-28"\nreason = "x"\n  untill = 2026-01-01\n',
      { line: 4, column: 3 },
      '[[ignore]] entry 1: unknown key "untill" (expected one of: id, reason, until, package, version)'
    ],
    [
      'a missing reason',
      '[[ignore]]\nid = "PYSEC-2018-28"\nreason = "x"\n[[ignore]]\nid = "PYSEC-2023-74"\n',
      { line: 4 },
      "[[ignore]] entry 2: missing 'reason'"
    ],
    ['a missing id', '[[ignore]]\nreason = "x"\n', { line: 1 }, "[[ignore]] entry 1: missing 'id'"],
    [
      'a package name as id',
      '[[ignore]]\nid = "requests"\nreason = "x"\n',
      { line: 2, column: 1 },
      '[[ignore]] entry 1: "requests" is not an advisory id (like GHSA-…, PYSEC-…, CVE-…)'
    ],
    [
      'a date-time for until',
      '[[ignore]]\nid = "PYSEC-2018-28"\nreason = "x"\nuntil = 2026-12-01T10:00:00Z\n',
      { line: 4, column: 1 },
      "[[ignore]] entry 1: 'until' must be a date like 2026-12-01, not a date-time"
    ],
    [
      'a date that does not exist',
      '[[ignore]]\nid = "PYSEC-2018-28"\nreason = "x"\nuntil = "2026-02-30"\n',
      { line: 4, column: 1 },
      `[[ignore]] entry 1: 'until' must be a date like 2026-12-01, not "2026-02-30"`
    ],
    [
      'a version without a package',
      '[[ignore]]\nid = "PYSEC-2018-28"\nreason = "x"\nversion = "2.19.1"\n',
      { line: 4, column: 1 },
      "[[ignore]] entry 1: 'version' needs 'package'"
    ],
    [
      'a version range',
      '[[ignore]]\nid = "PYSEC-2018-28"\nreason = "x"\npackage = "requests"\nversion = "<2.20"\n',
      { line: 5, column: 1 },
      '[[ignore]] entry 1: "<2.20" is not an exact version (like 2.31.0)'
    ],
    [
      'a bad package name',
      '[[ignore]]\nid = "PYSEC-2018-28"\nreason = "x"\npackage = "requests==2.19"\n',
      { line: 4, column: 1 },
      '[[ignore]] entry 1: "requests==2.19" is not a package name'
    ],
    [
      'a number for reason',
      '[[ignore]]\nid = "PYSEC-2018-28"\nreason = 42\n',
      { line: 3, column: 1 },
      "[[ignore]] entry 1: 'reason' must be a string, not an integer"
    ],
    [
      'a misspelt table',
      '[[ignores]]\nid = "PYSEC-2018-28"\nreason = "x"\n',
      { line: 1 },
      'unknown key "ignores" (expected: ignore, package-check-ignore)'
    ],
    [
      'ignore as a string',
      'ignore = "PYSEC-2018-28"\n',
      {},
      "'ignore' must be an array of tables, not a string"
    ],
    ['broken TOML', '[[ignore]]\nid = "PYSEC-2018-28\n', { line: 2 }, 'invalid TOML']
  ])('%s', async (_, text, position, message) => {
    const error = await parseError(() => parsePyauditConfig(text, '.pyaudit.toml'))
    expect(error.position).toMatchObject({ file: '.pyaudit.toml', ...position })
    expect(error.detail).toContain(message)
  })

  test('entries written inline get no line rather than a wrong one', async () => {
    const text = 'ignore = [{ id = "PYSEC-2018-28", reason = "x" }, { id = "PYSEC-2023-74" }]\n'
    const error = await parseError(() => parsePyauditConfig(text, '.pyaudit.toml'))
    expect(error.position).toEqual({ file: '.pyaudit.toml' })
    expect(error.detail).toBe("[[ignore]] entry 2: missing 'reason'")
    expect(
      parsePyauditConfig('ignore = [{ id = "PYSEC-2018-28", reason = "x" }]', 'a.toml')[0]!.origin
    ).toBe('a.toml')
  })

  test('pyproject: unknown keys under [tool.pyaudit] are errors too', async () => {
    const text = '[tool.pyaudit]\nignore_vulns = ["PYSEC-2018-28"]\n'
    const error = await parseError(() => parsePyprojectConfig(text, 'pyproject.toml'))
    expect(error.message).toBe(
      'pyproject.toml:2: unknown key "tool.pyaudit.ignore_vulns" (expected: ignore, package-check-ignore)'
    )
    expect(
      parsePyprojectConfig('[tool.black]\nline-length = 88\n', 'pyproject.toml')
    ).toBeUndefined()
  })

  test('control characters in a key are escaped, so the message stays one line', async () => {
    const error = await parseError(() =>
      parsePyauditConfig('[[ignore]]\n"a\\n::error::b" = 1\n', '.pyaudit.toml')
    )
    expect(error.message).not.toContain('\n')
    expect(error.detail).toContain('"a\\n::error::b"')
  })
})

describe('osv-scanner.toml, read as osv-scanner reads it', () => {
  const parse = (text: string) => parseOsvScannerConfig(text, 'osv-scanner.toml')

  test.each([
    ['a local date', '2026-12-01', '2026-12-01'],
    ['a UTC date-time', '2026-12-01T00:00:00Z', '2026-12-01'],
    ['a date-time with an offset', '2026-12-01T02:00:00+05:00', '2026-11-30'],
    ['a local date-time', '2026-12-01T10:00:00', '2026-12-01'],
    ['a date string', '"2026-12-01"', '2026-12-01'],
    ['an RFC 3339 string', '"2026-12-01T02:00:00+05:00"', '2026-11-30']
  ])('ignoreUntil as %s', (_, value, until) => {
    expect(parse(`[[IgnoredVulns]]\nid = "PYSEC-2018-28"\nignoreUntil = ${value}\n`)).toEqual([
      { id: 'PYSEC-2018-28', until, origin: 'osv-scanner.toml:1' }
    ])
  })

  test('unknown keys, in an entry or at the top, are not errors', () => {
    const text =
      'Unknown = 1\n[[IgnoredVulns]]\nid = "PYSEC-2018-28"\nnote = "x"\n[[PackageOverrides]]\nname = "requests"\nignore = true\n'
    expect(parse(text)).toEqual([{ id: 'PYSEC-2018-28', origin: 'osv-scanner.toml:2' }])
  })

  test.each([
    ['no id', '[[IgnoredVulns]]\nreason = "x"\n', "[[IgnoredVulns]] entry 1: missing 'id'"],
    [
      'a time of day',
      '[[IgnoredVulns]]\nid = "PYSEC-2018-28"\nignoreUntil = 10:00:00\n',
      "'ignoreUntil' must be a date or date-time, not a time of day"
    ],
    [
      'a number',
      '[[IgnoredVulns]]\nid = "PYSEC-2018-28"\nignoreUntil = 20261201\n',
      "'ignoreUntil' must be a date or date-time, not an integer"
    ],
    [
      'a string date-time without an offset',
      '[[IgnoredVulns]]\nid = "PYSEC-2018-28"\nignoreUntil = "2026-12-01T10:00:00"\n',
      `'ignoreUntil' must be a date or date-time, not "2026-12-01T10:00:00"`
    ],
    ['IgnoredVulns as a table', '[IgnoredVulns]\nid = "x"\n', 'must be an array of tables']
  ])('%s is an error', async (_, text, message) => {
    const error = await parseError(() => parse(text))
    expect(error.detail).toContain(message)
  })

  test('ignoreUntil = 2026-12-01 still applies on 2026-11-30 and no longer on 2026-12-01', async () => {
    const rules = await load('osv-scanner')
    const urllib3: AuditedPackage = {
      name: 'urllib3',
      version: '1.26.0',
      declarations: [],
      vulnerabilities: [
        {
          id: 'PYSEC-2023-192',
          aliases: ['CVE-2023-43804', 'GHSA-v845-jxx5-vc9f'],
          fixVersions: ['1.26.17'],
          description: 'Cookie request header is not stripped on cross-origin redirects',
          record: { id: 'PYSEC-2023-192', modified: '2024-01-01T00:00:00Z' }
        }
      ]
    }
    expect(applyIgnores([urllib3], rules, '2026-11-30').ignored).toHaveLength(1)
    const onTheDay = applyIgnores([urllib3], rules, '2026-12-01')
    expect(onTheDay.ignored).toEqual([])
    expect(onTheDay.expired.map(notice => notice.rule.id)).toContain('PYSEC-2023-192')
  })
})
