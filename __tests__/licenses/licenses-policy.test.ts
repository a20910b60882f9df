import { describe, expect, test } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { parseCoreMetadata } from '../../src/deps/core-metadata.js'
import type { Dependency, PackageMetadata } from '../../src/deps/types.js'
import {
  checkLicenses,
  type LicenseEntry,
  type LicenseSubjectInput
} from '../../src/licenses/check.js'
import { parseLicensePolicy } from '../../src/config/config.js'
import type { LicensePolicy } from '../../src/licenses/policy.js'
import { auditLicenses } from '../../src/licenses/audit-licenses.js'
import type { AuditedPackage } from '../../src/pipeline/look-up.js'
import { silentLogger } from '../../src/shared/log.js'
import { TESTS_DIR } from '../support/paths.js'

function policyOf(inputs: Record<string, string>): LicensePolicy {
  return parseLicensePolicy(name => inputs[name] ?? '')
}

const classifier = (name: string): string => `License :: OSI Approved :: ${name}`

/** One package per interesting shape of license metadata. */
const PACKAGES: LicenseSubjectInput[] = [
  {
    name: 'mit-classifier',
    version: '1.0',
    metadata: { classifiers: [classifier('MIT License')] }
  },
  { name: 'either', version: '1.0', metadata: { licenseExpression: 'MIT OR GPL-3.0-only' } },
  { name: 'both', version: '1.0', metadata: { licenseExpression: 'MIT AND GPL-3.0-only' } },
  { name: 'gpl-field', version: '2.0', metadata: { license: 'GPL-2.0-or-later', classifiers: [] } },
  { name: 'gpl3-only', version: '1.0', metadata: { licenseExpression: 'GPL-3.0-only' } },
  {
    name: 'gplv3-classifier',
    version: '1.0',
    metadata: { classifiers: [classifier('GNU General Public License v3 (GPLv3)')] }
  },
  {
    name: 'two-classifiers',
    version: '1.0',
    metadata: {
      classifiers: [classifier('MIT License'), classifier('Python Software Foundation License')]
    }
  },
  { name: 'nothing', version: '0.1', metadata: { classifiers: [] } }
]

function check(inputs: Record<string, string>, packages = PACKAGES): LicenseEntry[] {
  return checkLicenses(packages, policyOf(inputs), { from: 'mixed' })
}

function violators(entries: LicenseEntry[]): string[] {
  return entries.filter(entry => entry.violation).map(entry => entry.name)
}

describe('license-fail-on', () => {
  test('exact and case-insensitive; an OR leaves a way out, an AND does not', () => {
    const entries = check({ 'license-fail-on': 'gpl-3.0-only' })
    expect(violators(entries)).toEqual(['both', 'gpl3-only'])
    expect(entries.find(e => e.name === 'both')!.rule).toBe(
      "license-fail-on: 'GPL-3.0-only' in 'MIT AND GPL-3.0-only'"
    )
    expect(entries.find(e => e.name === 'gpl3-only')!.rule).toBe("license-fail-on: 'GPL-3.0-only'")
  })

  test('partial matching: GPL matches GPL-2.0-or-later and the GPLv3 classifier, and still respects OR', () => {
    const entries = check({ 'license-fail-on': 'GPL', 'license-partial-match': 'true' })
    expect(violators(entries)).toEqual(['both', 'gpl-field', 'gpl3-only', 'gplv3-classifier'])
    expect(entries.find(e => e.name === 'gplv3-classifier')!.rule).toBe(
      "license-fail-on: 'GNU General Public License v3 (GPLv3)'"
    )
    expect(entries.find(e => e.name === 'gpl-field')!.rule).toBe(
      "license-fail-on: 'GPL-2.0-or-later'"
    )
  })

  test('any one of several classifier licenses trips it, as in pip-licenses', () => {
    const entries = check({ 'license-fail-on': 'Python Software Foundation License' })
    expect(violators(entries)).toEqual(['two-classifiers'])
  })

  test('a classifier-named package also fails on its SPDX id', () => {
    // MIT AND GPL-3.0-only cannot do without MIT; MIT OR GPL-3.0-only can.
    expect(violators(check({ 'license-fail-on': 'MIT' }))).toEqual(['both', 'mit-classifier'])
  })
})

describe('license-allow-only', () => {
  test('exact: MIT allows the MIT classifier through its SPDX id and MIT OR GPL, not MIT AND GPL', () => {
    const entries = check({ 'license-allow-only': 'MIT' })
    expect(violators(entries)).toEqual([
      'both',
      'gpl-field',
      'gpl3-only',
      'gplv3-classifier',
      'nothing',
      'two-classifiers'
    ])
    expect(entries.find(e => e.name === 'both')!.rule).toBe(
      "license-allow-only: 'MIT AND GPL-3.0-only' is not allowed"
    )
    expect(entries.find(e => e.name === 'nothing')!.rule).toBe(
      "license-allow-only: 'UNKNOWN' is not allowed"
    )
  })

  test('an expression spelled out whole in the list matches, as in pip-licenses; a substring never does', () => {
    expect(violators(check({ 'license-allow-only': 'MIT OR GPL-3.0-only' }))).not.toContain(
      'either'
    )
    const partial = check({ 'license-allow-only': 'MIT', 'license-partial-match': 'true' })
    expect(violators(partial)).toContain('both')
    expect(violators(partial)).not.toContain('either')
  })

  test('an AND is allowed when every side is', () => {
    expect(violators(check({ 'license-allow-only': 'MIT; GPL-3.0-only' }))).not.toContain('both')
  })

  test('one allowed classifier license is enough, as in pip-licenses', () => {
    const entries = check({ 'license-allow-only': 'mit license' })
    expect(violators(entries)).not.toContain('two-classifiers')
    expect(violators(entries)).not.toContain('mit-classifier')
  })

  test('partial matching', () => {
    const entries = check({ 'license-allow-only': 'GPL', 'license-partial-match': 'true' })
    expect(violators(entries)).toEqual(['both', 'mit-classifier', 'nothing', 'two-classifiers'])
  })

  test('an or-later item covers the later versions (spdx-satisfies)', () => {
    const entries = check({ 'license-allow-only': 'GPL-2.0-or-later' })
    expect(violators(entries)).not.toContain('gpl3-only')
    expect(violators(entries)).not.toContain('gpl-field')
    expect(violators(entries)).toContain('gplv3-classifier')
  })
})

describe('unknown licenses, ignored packages, and the entries', () => {
  test('license-fail-on-unknown flags UNKNOWN; it is off by default', () => {
    expect(violators(check({}))).toEqual([])
    const entries = check({ 'license-fail-on-unknown': 'true' })
    expect(violators(entries)).toEqual(['nothing'])
    expect(entries.find(e => e.name === 'nothing')).toMatchObject({
      license: 'UNKNOWN',
      source: 'unknown',
      spdx: null,
      rule: 'license-fail-on-unknown: the package metadata names no license'
    })
  })

  test('every violation is listed, each with every rule it broke', () => {
    const entries = check({
      'license-fail-on': 'GPL-3.0-only',
      'license-allow-only': 'MIT',
      'license-fail-on-unknown': 'true'
    })
    expect(violators(entries)).toHaveLength(6)
    expect(entries.find(e => e.name === 'gpl3-only')!.rule).toBe(
      "license-fail-on: 'GPL-3.0-only'; license-allow-only: 'GPL-3.0-only' is not allowed"
    )
    expect(entries.find(e => e.name === 'nothing')!.rule).toMatch(
      /^license-fail-on-unknown: .*; license-allow-only: 'UNKNOWN'/
    )
  })

  test('license-ignore-packages: by name, or by name and (PEP 440 equal) version', () => {
    const inputs = {
      'license-allow-only': 'MIT',
      'license-ignore-packages': 'Both gpl3_only:1.0.0 gpl-field:1.0'
    }
    const entries = check(inputs)
    expect(entries.find(e => e.name === 'both')).toMatchObject({ ignored: true, violation: false })
    expect(entries.find(e => e.name === 'gpl3-only')).toMatchObject({
      ignored: true,
      violation: false
    })
    expect(entries.find(e => e.name === 'gpl-field')).toMatchObject({ violation: true })
    expect(entries.find(e => e.name === 'gpl-field')!.ignored).toBeUndefined()
  })

  test('one entry per name and version, sorted, the copy with metadata preferred', () => {
    const bare: Dependency = {
      name: 'mit-classifier',
      version: '1.0',
      location: { file: '/p/requirements.txt', line: 3 },
      format: 'requirements'
    }
    const entries = check({}, [bare, ...PACKAGES])
    expect(entries.map(e => e.name)).toEqual([...PACKAGES.map(p => p.name)].sort())
    expect(entries[entries.findIndex(e => e.name === 'mit-classifier')]).toEqual({
      name: 'mit-classifier',
      version: '1.0',
      license: 'MIT License',
      shortened: false,
      spdx: 'MIT',
      source: 'classifier',
      origin: 'metadata',
      violation: false
    })
    expect(check({}, [bare])[0]).toMatchObject({
      license: 'UNKNOWN',
      origin: 'none',
      source: 'unknown'
    })
  })

  test('a whole license text is shown shortened, and still checked by its fingerprint', () => {
    const file = path.join(TESTS_DIR, 'fixtures', 'licenses', 'metadata', 'license-text.METADATA')
    const metadata: PackageMetadata = parseCoreMetadata(
      fs.readFileSync(file, 'utf8'),
      file
    ).metadata
    const [entry] = check({ 'license-allow-only': 'BSD-3-Clause' }, [
      { name: 'whole-text', version: '5.15.0', metadata }
    ])
    expect(entry).toMatchObject({
      license: 'BSD 3-Clause License … (license text, 24 lines)',
      shortened: true,
      spdx: 'BSD-3-Clause',
      source: 'meta',
      violation: false
    })
  })
})

describe('auditLicenses', () => {
  const audited = (name: string, metadata?: PackageMetadata): AuditedPackage => {
    const declaration: Dependency = {
      name,
      version: '1.0',
      location: { file: 'requirements.txt', line: 1 },
      format: 'requirements',
      ...(metadata ? { metadata } : {})
    }
    return { name, version: '1.0', declarations: [declaration], vulnerabilities: [] }
  }
  const config = {
    source: 'auto' as const,
    from: 'mixed' as const,
    policy: policyOf({}),
    failOnLicense: true
  }
  const options = {
    pypiUrl: 'http://127.0.0.1:9',
    offline: true,
    sbomWanted: false,
    logger: silentLogger
  }

  test("guesses with spdx-correct where a package's metadata is not SPDX", async () => {
    const { entries } = await auditLicenses(
      [audited('bsd', { license: 'BSD', classifiers: [] }), audited('bare')],
      config,
      options
    )
    expect(entries).toEqual([
      expect.objectContaining({ name: 'bare', license: 'UNKNOWN', origin: 'none' }),
      expect.objectContaining({ name: 'bsd', spdx: null, spdxSuggestion: 'BSD-2-Clause' })
    ])
  })

  test('a scan without any metadata reports every license unknown', async () => {
    const { entries, notes } = await auditLicenses([audited('bare')], config, options)
    expect(entries).toEqual([
      expect.objectContaining({ name: 'bare', license: 'UNKNOWN', spdx: null, violation: false })
    ])
    expect(notes).toEqual([])
  })
})
