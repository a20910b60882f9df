import { describe, expect, test } from '@jest/globals'
import type { Vulnerability } from '../../src/advisories/vulnerability.js'
import type { Dependency, SourceFormat, SourceResult } from '../../src/deps/types.js'
import type { LicenseEntry } from '../../src/licenses/check.js'
import {
  changeCounts,
  compareSources,
  describeChangeCounts,
  findingsInScope,
  isIntroduced,
  jsonChangeFields,
  judgeChanges,
  licensesInScope,
  type SourceComparison
} from '../../src/pipeline/changes.js'
import { parseScope } from '../../src/pipeline/scope.js'
import { gate, rateFindings } from '../../src/pipeline/gate.js'
import type { AuditedPackage } from '../../src/pipeline/look-up.js'
import { InputError } from '../../src/shared/errors.js'

const BASE = { ref: 'main', sha: 'a'.repeat(40) }

function pin(
  name: string,
  version: string,
  file: string,
  line = 1,
  format: SourceFormat = 'requirements'
): Dependency {
  return { name, version, location: { file, line }, format }
}

/** A source per file: `{'/r/requirements.txt': ['requests==2.19.1', 'idna']}` (unpinned = skipped). */
function sources(
  files: Record<string, string[]>,
  format: SourceFormat = 'requirements'
): SourceResult[] {
  return Object.entries(files).map(([file, lines]) => ({
    file,
    format,
    dependencies: lines
      .map((text, index) => [text.split('=='), index] as const)
      .filter(([parts]) => parts.length === 2)
      .map(([[name, version], index]) => pin(name!, version!, file, index + 1, format)),
    skipped: lines
      .filter(text => !text.includes('=='))
      .map(name => ({ name, reason: 'not pinned', location: { file, line: 0 }, format }))
  }))
}

function vuln(id: string, aliases: string[] = []): Vulnerability {
  return {
    id,
    aliases,
    fixVersions: [],
    description: `${id} description`,
    record: { id, modified: '2026-01-01T00:00:00Z', aliases }
  }
}

/** The head packages of `head` sources, with the findings given per `name@version`. */
function packagesOf(
  head: SourceResult[],
  findings: Record<string, Vulnerability[]> = {}
): AuditedPackage[] {
  const byKey = new Map<string, AuditedPackage>()
  for (const dependency of head.flatMap(s => s.dependencies)) {
    const key = `${dependency.name}@${dependency.version}`
    const existing = byKey.get(key)
    if (existing) existing.declarations.push(dependency)
    else
      byKey.set(key, {
        name: dependency.name,
        version: dependency.version,
        declarations: [dependency],
        vulnerabilities: findings[key] ?? []
      })
  }
  return [...byKey.values()]
}

function changes(comparison: SourceComparison): string[] {
  return comparison.declarations.map(
    d =>
      `${d.dependency.name}==${d.dependency.version} ${d.change}${d.previousVersions.length ? ` from ${d.previousVersions.join(',')}` : ''}`
  )
}

describe('parseScope', () => {
  test('auto by default; auto, all and changes in any case', () => {
    expect(parseScope('')).toBe('auto')
    expect(parseScope(' Changes ')).toBe('changes')
    expect(parseScope('ALL')).toBe('all')
    expect(parseScope('auto')).toBe('auto')
  })

  test('anything else names the input', () => {
    expect(() => parseScope('diff')).toThrow(
      new InputError('scope', 'expected one of auto, all, changes, got "diff"')
    )
  })
})

describe('compareSources', () => {
  test('each pin against its own file at the base: unchanged, changed, added', () => {
    const base = sources({
      '/r/requirements.txt': ['requests==2.19.1', 'idna==3.7', 'certifi==2024.7.4']
    })
    const head = sources({
      '/r/requirements.txt': ['requests==2.31.0', 'idna==v3.7', 'certifi==2024.7.4', 'pyyaml==5.3']
    })
    const comparison = compareSources(head, base)
    expect(changes(comparison)).toEqual([
      'requests==2.31.0 changed from 2.19.1',
      'idna==v3.7 unchanged', // one version as the look-up groups them (PEP 440 normal form)
      'certifi==2024.7.4 unchanged',
      'pyyaml==5.3 added'
    ])
    expect(comparison.gone).toEqual([
      { name: 'requests', version: '2.19.1', replacedBy: ['2.31.0'] }
    ])
    expect(
      comparison.baseOnly.map(s => s.dependencies.map(d => `${d.name}==${d.version}`))
    ).toEqual([['requests==2.19.1']])
  })

  test('the same pin in another project is added there, even though the repository had it', () => {
    const base = sources({ '/r/a/requirements.txt': ['flask==1.0'] })
    const head = sources({
      '/r/a/requirements.txt': ['flask==1.0'],
      '/r/b/requirements.txt': ['flask==1.0']
    })
    expect(changes(compareSources(head, base))).toEqual([
      'flask==1.0 unchanged',
      'flask==1.0 added'
    ])
  })

  test('a pin moved from one file to another is not added; an upgraded one left behind is', () => {
    const base = sources({
      '/r/requirements.txt': ['requests==2.19.1', 'idna==3.7'],
      '/r/requirements-dev.txt': ['pytest==8.0.0']
    })
    const moved = sources({
      '/r/requirements.txt': ['idna==3.7'],
      '/r/requirements-dev.txt': ['pytest==8.0.0', 'requests==2.19.1']
    })
    expect(changes(compareSources(moved, base))).toEqual([
      'idna==3.7 unchanged',
      'pytest==8.0.0 unchanged',
      'requests==2.19.1 unchanged'
    ])
    const movedAndUpgraded = sources({
      '/r/requirements.txt': ['idna==3.7'],
      '/r/requirements-dev.txt': ['pytest==8.0.0', 'requests==2.31.0']
    })
    expect(changes(compareSources(movedAndUpgraded, base))[2]).toBe(
      'requests==2.31.0 changed from 2.19.1'
    )
    // Upgraded where it was, and the old version written into another file: that one is new.
    const copied = sources({
      '/r/requirements.txt': ['requests==2.31.0', 'idna==3.7'],
      '/r/requirements-dev.txt': ['pytest==8.0.0', 'requests==2.19.1']
    })
    expect(changes(compareSources(copied, base))).toEqual([
      'requests==2.31.0 changed from 2.19.1',
      'idna==3.7 unchanged',
      'pytest==8.0.0 unchanged',
      'requests==2.19.1 added'
    ])
  })

  test('a renamed file is matched by the names it declares, skipped ones included', () => {
    const base = sources({ '/r/requirements-dev.txt': ['pyyaml==5.3', 'jinja2==2.10.1', 'black'] })
    const head = sources({ '/r/tools/dev.txt': ['pyyaml==5.3', 'jinja2==3.1.3', 'black'] })
    const comparison = compareSources(head, base)
    expect(comparison.renamed).toEqual([
      { from: '/r/requirements-dev.txt', to: '/r/tools/dev.txt' }
    ])
    expect(changes(comparison)).toEqual([
      'pyyaml==5.3 unchanged',
      'jinja2==3.1.3 changed from 2.10.1'
    ])
  })

  test('a new file sharing less than half its names with a vanished one is not a rename', () => {
    const base = sources({ '/r/old.txt': ['a==1', 'b==1', 'c==1', 'd==1'] })
    const head = sources({ '/r/new.txt': ['a==2', 'x==1', 'y==1', 'z==1'] })
    const comparison = compareSources(head, base)
    expect(comparison.renamed).toEqual([])
    // a left old.txt altogether, so its new version counts as a change of that pin.
    expect(changes(comparison)).toEqual([
      'a==2 changed from 1',
      'x==1 added',
      'y==1 added',
      'z==1 added'
    ])
  })

  test('an installed environment has no base: its pins are unknown', () => {
    const head = [
      ...sources({ '/venv/bin/python': ['requests==2.19.1'] }, 'environment'),
      ...sources({ '/r/requirements.txt': ['requests==2.19.1'] })
    ]
    const base = sources({ '/r/requirements.txt': ['requests==2.19.1'] })
    const comparison = compareSources(head, base)
    expect(changes(comparison)).toEqual(['requests==2.19.1 unknown', 'requests==2.19.1 unchanged'])
    expect(comparison.withoutBase).toEqual(['/venv/bin/python'])
  })

  test('gone pins: removed, upgraded; not those moved, still declared elsewhere, or left unpinned', () => {
    const base = sources({
      '/r/requirements.txt': [
        'requests==2.19.1',
        'pyyaml==5.3',
        'jinja2==2.10.1',
        'urllib3==1.26.5'
      ],
      '/r/other.txt': ['idna==3.7', 'certifi==2024.7.4']
    })
    const head = sources({
      '/r/requirements.txt': ['requests==2.31.0', 'urllib3'],
      '/r/other.txt': ['certifi==2024.7.4', 'jinja2==2.10.1', 'idna==3.7']
    })
    expect(compareSources(head, base).gone).toEqual([
      { name: 'requests', version: '2.19.1', replacedBy: ['2.31.0'] },
      { name: 'pyyaml', version: '5.3', replacedBy: [] }
    ])
  })
})

describe('judgeChanges', () => {
  const requestsOld = [vuln('PYSEC-2018-28'), vuln('PYSEC-2023-74')]
  const requestsMid = [vuln('GHSA-j8r2-6x86-q33q', ['PYSEC-2023-74'])]

  test('an upgrade that clears one advisory and keeps another introduces nothing, and fixes the one', () => {
    const base = sources({ '/r/requirements.txt': ['requests==2.19.1'] })
    const head = sources({ '/r/requirements.txt': ['requests==2.20.0'] })
    const comparison = compareSources(head, base)
    const verdicts = judgeChanges({
      base: BASE,
      comparison,
      head: packagesOf(head, { 'requests@2.20.0': requestsMid }),
      // The same advisory under another id at the base: matched through its aliases.
      baseOnly: packagesOf(comparison.baseOnly, { 'requests@2.19.1': requestsOld })
    })
    expect(verdicts.packages).toEqual([
      {
        name: 'requests',
        version: '2.20.0',
        change: 'changed',
        previousVersions: ['2.19.1'],
        introduced: []
      }
    ])
    expect(verdicts.fixedByChange).toEqual([
      {
        name: 'requests',
        oldVersion: '2.19.1',
        newVersion: '2.20.0',
        advisories: ['PYSEC-2018-28']
      }
    ])
    expect(
      isIntroduced(verdicts, { name: 'requests', version: '2.20.0' }, 'GHSA-j8r2-6x86-q33q')
    ).toBe(false)
  })

  test('when the findings of the replaced version are not known, the new ones count as introduced', () => {
    const base = sources({ '/r/requirements.txt': ['requests==2.19.1'] })
    const head = sources({ '/r/requirements.txt': ['requests==2.20.0'] })
    const verdicts = judgeChanges({
      base: BASE,
      comparison: compareSources(head, base),
      head: packagesOf(head, { 'requests@2.20.0': requestsMid }),
      baseOnly: []
    })
    expect(verdicts.packages[0]!.introduced).toEqual(['GHSA-j8r2-6x86-q33q'])
    expect(verdicts.fixedByChange).toEqual([])
  })

  test('a package added in one file and unchanged in another is added; an unknown one is judged in full', () => {
    const base = sources({ '/r/a.txt': ['pyyaml==5.3'] })
    const head = [
      ...sources({ '/r/a.txt': ['pyyaml==5.3'], '/r/b.txt': ['pyyaml==5.3'] }),
      ...sources({ '/venv': ['jinja2==2.10.1'] }, 'environment')
    ]
    const verdicts = judgeChanges({
      base: BASE,
      comparison: compareSources(head, base),
      head: packagesOf(head, {
        'pyyaml@5.3': [vuln('PYSEC-2020-96')],
        'jinja2@2.10.1': [vuln('PYSEC-2021-66')]
      }),
      baseOnly: []
    })
    expect(verdicts.packages.map(p => [p.name, p.change, p.introduced])).toEqual([
      ['pyyaml', 'added', ['PYSEC-2020-96']],
      ['jinja2', 'unknown', ['PYSEC-2021-66']]
    ])
    expect(verdicts.warnings).toEqual([
      'The installed environment /venv has no base version to compare with: its packages are judged in full (scope: all).'
    ])
  })

  test('an advisory still affecting another head version of the package is not cleared', () => {
    const base = sources({ '/r/a.txt': ['requests==2.19.1'], '/r/b.txt': ['requests==2.20.0'] })
    const head = sources({ '/r/a.txt': ['requests==2.31.0'], '/r/b.txt': ['requests==2.20.0'] })
    const comparison = compareSources(head, base)
    const verdicts = judgeChanges({
      base: BASE,
      comparison,
      head: packagesOf(head, { 'requests@2.20.0': requestsMid }),
      baseOnly: packagesOf(comparison.baseOnly, { 'requests@2.19.1': requestsOld })
    })
    expect(verdicts.fixedByChange).toEqual([
      {
        name: 'requests',
        oldVersion: '2.19.1',
        newVersion: '2.31.0',
        advisories: ['PYSEC-2018-28']
      }
    ])
  })
})

describe('what the verdict counts in scope changes', () => {
  const base = sources({ '/r/requirements.txt': ['jinja2==2.10.1', 'evil==1.0', 'gpl-lib==1.0'] })
  const head = sources({
    '/r/requirements.txt': [
      'jinja2==2.10.1',
      'evil==1.0',
      'gpl-lib==1.0',
      'pyyaml==5.3',
      'agpl-lib==2.0'
    ]
  })
  const headPackages = packagesOf(head, {
    'jinja2@2.10.1': [vuln('PYSEC-2021-66')],
    'evil@1.0': [vuln('MAL-2026-1')],
    'pyyaml@5.3': [vuln('PYSEC-2020-96')]
  })
  const verdicts = judgeChanges({
    base: BASE,
    comparison: compareSources(head, base),
    head: headPackages,
    baseOnly: []
  })
  const findings = headPackages.flatMap(pkg =>
    pkg.vulnerabilities.map(vulnerability => ({ package: pkg, vulnerability }))
  )

  test('introduced findings and malware already there; not the debt', () => {
    expect(findingsInScope(findings, verdicts).map(f => f.vulnerability.id)).toEqual([
      'MAL-2026-1',
      'PYSEC-2020-96'
    ])
  })

  test('with the gate: the debt alone passes, malware on the base fails anyway', () => {
    const gateOptions = { threshold: 'low', failOnUnknown: true } as const
    const debtOnly = findings.filter(f => f.package.name === 'jinja2')
    expect(gate(rateFindings(findingsInScope(debtOnly, verdicts)), gateOptions).failed).toBe(false)
    expect(gate(rateFindings(debtOnly), gateOptions).failed).toBe(true)
    const malware = findings.filter(f => f.package.name === 'evil')
    const result = gate(rateFindings(findingsInScope(malware, verdicts)), gateOptions)
    expect(result.failed).toBe(true)
    expect(result.malicious).toHaveLength(1)
  })

  test('a license violation counts only on a package or version the change adds', () => {
    const entry = (name: string, version: string): LicenseEntry => ({
      name,
      version,
      license: 'GPL-3.0',
      shortened: false,
      spdx: 'GPL-3.0-only',
      source: 'expression',
      origin: 'metadata',
      violation: true,
      rule: 'not allowed'
    })
    const entries = [entry('gpl-lib', '1.0'), entry('agpl-lib', '2.0'), entry('unseen', '1.0')]
    expect(licensesInScope(entries, verdicts).map(e => e.name)).toEqual(['agpl-lib', 'unseen'])
  })

  test('counts for the summary: good news first, ignored findings left out', () => {
    const reported = headPackages.map(pkg => ({
      ...pkg,
      vulnerabilities: pkg.vulnerabilities.map(v => ({
        id: v.id,
        ...(v.id === 'MAL-2026-1' ? { ignored: { origin: 'test' } } : {})
      }))
    }))
    const counts = changeCounts(verdicts, reported)
    expect(counts).toEqual({ introduced: 1, alreadyThere: 1, fixed: 0 })
    expect(describeChangeCounts(counts)).toBe(
      '0 fixed by this change, 1 introduced, 1 already on the base'
    )
  })
})

describe('jsonChangeFields', () => {
  test('the base and the fixes, versions in PEP 440 normal form', () => {
    const fields = jsonChangeFields({
      base: BASE,
      packages: [],
      fixedByChange: [
        {
          name: 'requests',
          oldVersion: 'v2.19.1',
          newVersion: '2.31',
          advisories: ['PYSEC-2018-28']
        },
        { name: 'pyyaml', oldVersion: '5.3', newVersion: null, advisories: ['PYSEC-2020-96'] }
      ],
      warnings: []
    })
    expect(fields).toEqual({
      base: BASE,
      fixed_by_change: [
        {
          name: 'requests',
          old_version: '2.19.1',
          new_version: '2.31',
          advisories: ['PYSEC-2018-28']
        },
        { name: 'pyyaml', old_version: '5.3', new_version: null, advisories: ['PYSEC-2020-96'] }
      ]
    })
  })
})
