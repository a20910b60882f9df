import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import * as validation from '@cyclonedx/cyclonedx-library/Validation'
import * as spec from '@cyclonedx/cyclonedx-library/Spec'
import type { OsvRecord } from '../../src/advisories/osv.js'
import { isMalicious, severityOf } from '../../src/advisories/severity.js'
import { toVulnerability } from '../../src/advisories/vulnerability.js'
import type { Dependency, SourceFormat } from '../../src/deps/types.js'
import type { LicenseEntry } from '../../src/licenses/check.js'
import type {
  AuditOutcome,
  ReportedPackage,
  ReportedVulnerability
} from '../../src/report/outcome.js'
import { buildSbom } from '../../src/report/sbom.js'
import { groupDependencies } from '../../src/pipeline/look-up.js'
import { parseUvLock } from '../../src/deps/uv-lock.js'
import { TESTS_DIR } from '../support/paths.js'

const ROOT = '/work/shop'
const RECORDS = path.resolve(TESTS_DIR, 'fixtures', 'osv', 'records')
const fixture = (id: string): OsvRecord =>
  JSON.parse(readFileSync(path.join(RECORDS, `${id}.json`), 'utf8')) as OsvRecord

/** PYSEC-2026-1096 from the PyPA database (CC BY 4.0), details cut to the first paragraph. */
const AIOHTTP: OsvRecord = {
  id: 'PYSEC-2026-1096',
  modified: '2026-07-07T17:23:35.646669Z',
  published: '2026-07-07T14:34:45.010533Z',
  aliases: ['CVE-2024-52303', 'GHSA-27mf-ghqm-j3j8'],
  summary:
    'aiohttp has a memory leak when middleware is enabled when requesting a resource with a non-allowed method',
  details: '### Summary\n\nA memory leak can occur when a request produces a `MatchInfoError`.',
  severity: [
    { type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H' },
    { type: 'CVSS_V4', score: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:L/SC:N/SI:N/SA:N' }
  ],
  affected: [
    {
      package: { ecosystem: 'PyPI', name: 'aiohttp', purl: 'pkg:pypi/aiohttp' },
      ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '3.10.6' }, { fixed: '3.10.11' }] }]
    }
  ],
  references: [
    { type: 'ADVISORY', url: 'https://nvd.nist.gov/vuln/detail/CVE-2024-52303' },
    {
      type: 'FIX',
      url: 'https://github.com/aio-libs/aiohttp/commit/bc15db61615079d1b6327ba42c682f758fa96936'
    },
    { type: 'ADVISORY', url: 'https://github.com/advisories/GHSA-27mf-ghqm-j3j8' }
  ]
}

/**
 * GitHub's advisory for CVE-2020-1747 in GitHub's OSV shape (only the CVE as alias), kept to
 * the database's own rating: no CVSS vector, as GitHub serves advisories it has not scored.
 */
const PYYAML_GHSA: OsvRecord = {
  schema_version: '1.4.0',
  id: 'GHSA-6757-jp84-gxfx',
  modified: '2021-08-25T21:00:01Z',
  published: '2020-04-07T16:37:07Z',
  aliases: ['CVE-2020-1747'],
  summary: 'Improper Input Validation in PyYAML',
  affected: [
    {
      package: { ecosystem: 'PyPI', name: 'pyyaml' },
      ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '5.3.1' }] }]
    }
  ],
  references: [{ type: 'ADVISORY', url: 'https://github.com/advisories/GHSA-6757-jp84-gxfx' }],
  database_specific: { cwe_ids: ['CWE-20'], severity: 'CRITICAL', github_reviewed: true }
}

/** MAL-2024-4720 from ossf/malicious-packages, without its details and origins. */
const MALWARE: OsvRecord = {
  id: 'MAL-2024-4720',
  modified: '2024-10-24T01:01:57Z',
  published: '2024-06-25T13:32:02Z',
  summary: 'Malicious code in 1337test (PyPI)',
  affected: [
    { package: { ecosystem: 'PyPI', name: '1337test', purl: 'pkg:pypi/1337test' }, versions: ['1'] }
  ],
  references: [
    { type: 'WEB', url: 'https://github.com/DataDog/malicious-software-packages-dataset' }
  ]
}

const IGNORE = {
  reason: 'We never send requests through an HTTPS proxy',
  origin: '.pyaudit.toml',
  until: '2026-12-31'
}

function finding(record: OsvRecord, name: string, ignored?: typeof IGNORE): ReportedVulnerability {
  const base = toVulnerability(record, name)!
  return {
    ...base,
    severity: severityOf(record),
    malicious: isMalicious(base),
    failing: ignored === undefined,
    ...(ignored ? { ignored } : {})
  }
}

function declared(
  name: string,
  version: string,
  file: string,
  line: number,
  format: SourceFormat = 'requirements',
  group?: string
): Dependency {
  return {
    name,
    version,
    location: { file: path.join(ROOT, file), line },
    format,
    ...(group ? { group } : {})
  }
}

function pkg(
  declarations: Dependency[],
  vulnerabilities: ReportedVulnerability[],
  recommendedVersion?: string | null
): ReportedPackage {
  const { name, version } = declarations[0]!
  return {
    name,
    version,
    declarations,
    vulnerabilities,
    ...(vulnerabilities.length > 0 ? { recommendedVersion } : {})
  }
}

function license(name: string, version: string, text: string, spdx: string | null): LicenseEntry {
  return {
    name,
    version,
    license: text,
    shortened: false,
    spdx,
    source: spdx === null ? 'meta' : 'expression',
    origin: 'metadata',
    violation: false
  }
}

function sampleOutcome(): AuditOutcome {
  const requests = [fixture('PYSEC-2018-28'), fixture('PYSEC-2023-74')]
  return {
    tool: { name: 'pyaudit-action', version: '1.2.3' },
    feed: 'OSV API (https://api.osv.dev)',
    sources: [],
    packages: [
      pkg([declared('certifi', '2024.8.30', 'requirements.txt', 2)], []),
      pkg(
        [
          declared('requests', '2.19.1', 'requirements.txt', 3),
          declared('requests', '2.19.1', 'requirements/dev.txt', 1, 'requirements', 'dev')
        ],
        [finding(requests[0]!, 'requests'), finding(requests[1]!, 'requests', IGNORE)],
        '2.31.0'
      ),
      pkg(
        [declared('requests', '2.18.4', 'services/worker/requirements.txt', 1)],
        [finding(requests[0]!, 'requests'), finding(requests[1]!, 'requests', IGNORE)],
        '2.31.0'
      ),
      pkg(
        [declared('aiohttp', '3.10.10', 'report.json', 0, 'pip-report')],
        [finding(AIOHTTP, 'aiohttp')],
        '3.10.11'
      ),
      pkg(
        [declared('pyyaml', '5.3', 'requirements.txt', 4)],
        [finding(PYYAML_GHSA, 'pyyaml')],
        null
      ),
      pkg([declared('1337test', '1', 'requirements.txt', 7)], [finding(MALWARE, '1337test')], null)
    ],
    skipped: [
      {
        name: 'Flask',
        reason: 'not pinned to an exact version (>=2)',
        location: { file: path.join(ROOT, 'requirements.txt'), line: 5 },
        format: 'requirements'
      }
    ],
    licenses: [
      license('certifi', '2024.8.30', 'MPL-2.0', 'MPL-2.0'),
      license('requests', '2.19.1', 'Apache 2.0', 'Apache-2.0'),
      license('aiohttp', '3.10.10', 'Apache 2', null),
      { ...license('1337test', '1', 'UNKNOWN', null), source: 'unknown', origin: 'none' }
    ],
    result: 'fail',
    failureReasons: ['4 vulnerabilities']
  }
}

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

const OPTIONS = {
  repositoryRoot: ROOT,
  serialNumber: 'urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79',
  timestamp: new Date('2026-09-01T12:00:00Z'),
  projectName: 'shop'
}

async function schemaErrors(json: string): Promise<unknown> {
  const validator = new validation.JsonValidator(spec.Version.v1dot6)
  return validator.validate(json)
}

describe('buildSbom', () => {
  const text = buildSbom(sampleOutcome(), OPTIONS)
  const bom = JSON.parse(text) as Json
  const component = (ref: string): Json =>
    bom.components.find((item: Json) => item['bom-ref'] === ref)
  const vulnerability = (id: string): Json[] =>
    bom.vulnerabilities.filter((item: Json) => item.id === id)

  test('is valid CycloneDX 1.6 JSON', async () => {
    expect(await schemaErrors(text)).toBeNull()
    expect(bom).toMatchObject({
      bomFormat: 'CycloneDX',
      specVersion: '1.6',
      version: 1,
      serialNumber: OPTIONS.serialNumber
    })
  })

  test('the validator used here rejects a BOM the schema does not allow', async () => {
    const broken = { ...bom, components: [{ ...bom.components[0], type: 'python-package' }] }
    expect(await schemaErrors(JSON.stringify(broken))).not.toBeNull()
  })

  test('metadata names the time, the tool and the project', () => {
    expect(bom.metadata).toEqual({
      timestamp: '2026-09-01T12:00:00.000Z',
      tools: { components: [{ type: 'application', name: 'pyaudit-action', version: '1.2.3' }] },
      component: { type: 'application', name: 'shop', 'bom-ref': 'pyaudit:project' },
      properties: [{ name: 'pyaudit:advisory-feed', value: 'OSV API (https://api.osv.dev)' }]
    })
  })

  test('every audited package is a library with its purl as bom-ref', () => {
    expect(
      bom.components.map((item: Json) => [
        item.type,
        item.name,
        item.version,
        item['bom-ref'],
        item.purl
      ])
    ).toEqual([
      [
        'library',
        'certifi',
        '2024.8.30',
        'pkg:pypi/certifi@2024.8.30',
        'pkg:pypi/certifi@2024.8.30'
      ],
      ['library', 'requests', '2.19.1', 'pkg:pypi/requests@2.19.1', 'pkg:pypi/requests@2.19.1'],
      ['library', 'requests', '2.18.4', 'pkg:pypi/requests@2.18.4', 'pkg:pypi/requests@2.18.4'],
      ['library', 'aiohttp', '3.10.10', 'pkg:pypi/aiohttp@3.10.10', 'pkg:pypi/aiohttp@3.10.10'],
      ['library', 'pyyaml', '5.3', 'pkg:pypi/pyyaml@5.3', 'pkg:pypi/pyyaml@5.3'],
      ['library', '1337test', '1', 'pkg:pypi/1337test@1', 'pkg:pypi/1337test@1'],
      ['library', 'flask', undefined, 'pyaudit:unaudited:flask', undefined]
    ])
  })

  test('a name that is not PEP 503 normal gets a normal name and purl; a local version stays as written', () => {
    const outcome = sampleOutcome()
    outcome.packages = [pkg([declared('Zope.Interface', '5.0+local.1', 'requirements.txt', 1)], [])]
    const [only] = JSON.parse(buildSbom(outcome, OPTIONS)).components
    expect(only).toMatchObject({
      name: 'zope-interface',
      purl: 'pkg:pypi/zope-interface@5.0+local.1'
    })
  })

  test('licenses: an SPDX expression when known, else the stated name, else none', () => {
    expect(component('pkg:pypi/requests@2.19.1').licenses).toEqual([{ expression: 'Apache-2.0' }])
    expect(component('pkg:pypi/aiohttp@3.10.10').licenses).toEqual([
      { license: { name: 'Apache 2' } }
    ])
    expect(component('pkg:pypi/1337test@1').licenses).toBeUndefined()
    // Licenses were checked for another version only: nothing is claimed for this one.
    expect(component('pkg:pypi/requests@2.18.4').licenses).toBeUndefined()
  })

  test('properties say where each package is declared, relative to the repository', () => {
    expect(component('pkg:pypi/requests@2.19.1').properties).toEqual([
      { name: 'pyaudit:declared-in', value: 'requirements.txt:3' },
      { name: 'pyaudit:declared-in', value: 'requirements/dev.txt:1' },
      { name: 'pyaudit:format', value: 'requirements' },
      { name: 'pyaudit:group', value: 'dev' }
    ])
    // A format without lines: the file alone.
    expect(component('pkg:pypi/aiohttp@3.10.10').properties).toEqual([
      { name: 'pyaudit:declared-in', value: 'report.json' },
      { name: 'pyaudit:format', value: 'pip-report' }
    ])
  })

  test('a dependency that could not be audited is listed with the reason, without a purl', () => {
    expect(component('pyaudit:unaudited:flask').properties).toEqual([
      { name: 'pyaudit:unaudited:reason', value: 'not pinned to an exact version (>=2)' },
      { name: 'pyaudit:declared-in', value: 'requirements.txt:5' },
      { name: 'pyaudit:format', value: 'requirements' }
    ])
  })

  test('without a lockfile no dependency graph is claimed: a composition marks it unknown', () => {
    expect(bom.dependencies).toBeUndefined()
    expect(bom.compositions).toEqual([
      {
        aggregate: 'unknown',
        dependencies: ['pyaudit:project', ...bom.components.map((item: Json) => item['bom-ref'])]
      }
    ])
  })

  test('one vulnerability per advisory, affecting every package version it was found in', () => {
    expect(bom.vulnerabilities.map((item: Json) => item.id)).toEqual([
      'PYSEC-2018-28',
      'PYSEC-2023-74',
      'PYSEC-2026-1096',
      'CVE-2020-1747',
      'MAL-2024-4720'
    ])
    const [requests] = vulnerability('PYSEC-2018-28')
    expect(requests).toMatchObject({
      source: { name: 'OSV', url: 'https://osv.dev/vulnerability/PYSEC-2018-28' },
      references: [
        {
          id: 'CVE-2018-18074',
          source: { name: 'NVD', url: 'https://nvd.nist.gov/vuln/detail/CVE-2018-18074' }
        },
        {
          id: 'GHSA-x84v-xcm2-53pg',
          source: {
            name: 'GitHub Advisories',
            url: 'https://github.com/advisories/GHSA-x84v-xcm2-53pg'
          }
        }
      ],
      advisories: [
        { url: 'https://access.redhat.com/errata/RHSA-2019:2035' },
        { url: 'https://github.com/advisories/GHSA-x84v-xcm2-53pg' }
      ],
      published: '2018-10-09T17:29:00.000Z',
      updated: '2021-06-16T00:03:24.800Z',
      affects: [
        { ref: 'pkg:pypi/requests@2.19.1', versions: [{ version: '2.19.1', status: 'affected' }] },
        { ref: 'pkg:pypi/requests@2.18.4', versions: [{ version: '2.18.4', status: 'affected' }] }
      ],
      recommendation:
        'requests 2.19.1: fixed in 2.20.0; upgrade to 2.31.0, the lowest newer version no known advisory affects.\n' +
        'requests 2.18.4: fixed in 2.20.0; upgrade to 2.31.0, the lowest newer version no known advisory affects.'
    })
    expect(requests!.description).toMatch(
      /^The Requests package before 2\.20\.0 for Python sends an HTTP Authorization header/
    )
    // The record has no rating at all: none is made up.
    expect(requests!.ratings).toBeUndefined()
    expect(requests!.analysis).toBeUndefined()
  })

  test('every CVSS vector is a rating with its base score, method and vector', () => {
    const [aiohttp] = vulnerability('PYSEC-2026-1096')
    expect(aiohttp!.ratings).toEqual([
      {
        score: 7.5,
        severity: 'high',
        method: 'CVSSv31',
        vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H'
      },
      {
        score: 6.9,
        severity: 'medium',
        method: 'CVSSv4',
        vector: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:L/SC:N/SI:N/SA:N'
      }
    ])
    expect(aiohttp).toMatchObject({
      description: AIOHTTP.summary,
      detail: AIOHTTP.details,
      recommendation:
        'aiohttp 3.10.10: fixed in 3.10.11; upgrade to 3.10.11, the lowest newer version no known advisory affects.'
    })
  })

  test("a database rating without a vector is kept as that database's severity", () => {
    const [pyyaml] = vulnerability('CVE-2020-1747')
    expect(pyyaml).toMatchObject({
      references: [{ id: 'GHSA-6757-jp84-gxfx', source: { name: 'GitHub Advisories' } }],
      ratings: [
        {
          severity: 'critical',
          method: 'other',
          source: {
            name: 'GitHub Advisories',
            url: 'https://github.com/advisories/GHSA-6757-jp84-gxfx'
          }
        }
      ],
      cwes: [20],
      recommendation: 'pyyaml 5.3: fixed in 5.3.1.'
    })
    expect(pyyaml!.ratings[0].score).toBeUndefined()
  })

  test('an ignored finding carries a VEX analysis of accepted risk, not "not affected"', () => {
    const ignored = vulnerability('PYSEC-2023-74')
    expect(ignored).toHaveLength(1)
    expect(ignored[0]!.analysis).toEqual({
      state: 'exploitable',
      response: ['will_not_fix'],
      detail:
        'Risk accepted: ignored by .pyaudit.toml until 2026-12-31. Reason: We never send requests through an HTTPS proxy'
    })
    expect(ignored[0]!.affects.map((item: Json) => item.ref)).toEqual([
      'pkg:pypi/requests@2.19.1',
      'pkg:pypi/requests@2.18.4'
    ])
  })

  test('an advisory ignored for one package only is split: the analysis covers only that one', () => {
    const outcome = sampleOutcome()
    const older = outcome.packages[2]!
    older.vulnerabilities = older.vulnerabilities.map(item => {
      const { ignored: _ignored, ...active } = item
      return { ...active, failing: true }
    })
    const split = (JSON.parse(buildSbom(outcome, OPTIONS)) as Json).vulnerabilities.filter(
      (item: Json) => item.id === 'PYSEC-2023-74'
    )
    expect(
      split.map((item: Json) => [item.affects.map((a: Json) => a.ref), item.analysis?.state])
    ).toEqual([
      [['pkg:pypi/requests@2.19.1'], 'exploitable'],
      [['pkg:pypi/requests@2.18.4'], undefined]
    ])
  })

  test('a malicious package is marked and the advice is to remove it', () => {
    const [malware] = vulnerability('MAL-2024-4720')
    expect(malware).toMatchObject({
      description: 'Malicious code in 1337test (PyPI)',
      properties: [{ name: 'pyaudit:malicious', value: 'true' }],
      recommendation: '1337test 1: remove it, it is a malicious package.',
      affects: [{ ref: 'pkg:pypi/1337test@1' }]
    })
    // Its only reference is not an advisory.
    expect(malware!.advisories).toBeUndefined()
  })

  test('a clean run without licenses: components only, still valid', async () => {
    const outcome: AuditOutcome = {
      ...sampleOutcome(),
      skipped: [],
      licenses: [],
      result: 'pass',
      failureReasons: []
    }
    outcome.packages = [outcome.packages[0]!]
    outcome.databaseUpdated = '2026-07-23T08:00:00Z'
    const clean = buildSbom(outcome, { repositoryRoot: ROOT })
    const parsed = JSON.parse(clean) as Json
    expect(await schemaErrors(clean)).toBeNull()
    expect(parsed.vulnerabilities).toBeUndefined()
    expect(parsed.components[0].licenses).toBeUndefined()
    expect(parsed.metadata.component.name).toBe('shop')
    expect(parsed.metadata.properties).toContainEqual({
      name: 'pyaudit:advisory-database-updated',
      value: '2026-07-23T08:00:00Z'
    })
    expect(parsed.serialNumber).toMatch(
      /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
    )
    expect(Math.abs(Date.parse(parsed.metadata.timestamp) - Date.now())).toBeLessThan(60_000)
    expect(JSON.parse(buildSbom(outcome, { repositoryRoot: ROOT })).serialNumber).not.toBe(
      parsed.serialNumber
    )
  })

  test('the same outcome and options give the same text', () => {
    expect(buildSbom(sampleOutcome(), OPTIONS)).toBe(text)
  })
})

const UV_LOCK = `version = 1
[[package]]
name = "shop"
version = "1.0"
source = { virtual = "." }
dependencies = [{ name = "web" }]

[[package]]
name = "web"
version = "2.0"
source = { registry = "https://pypi.org/simple" }
dependencies = [
    { name = "helper" },
    { name = "sortedcontainers", version = "2.4.0", source = { registry = "https://pypi.org/simple" } },
]

[package.optional-dependencies]
fast = [{ name = "ujson" }]

[[package]]
name = "helper"
version = "0.1"
source = { git = "https://example.com/helper?rev=v0.1#abc" }

[[package]]
name = "sortedcontainers"
version = "2.3.0"
source = { registry = "https://pypi.org/simple" }

[[package]]
name = "sortedcontainers"
version = "2.4.0"
source = { registry = "https://pypi.org/simple" }

[[package]]
name = "ujson"
version = "5.10.0"
source = { registry = "https://pypi.org/simple" }
`

/** An outcome as the engine builds it: a uv.lock read by its reader, next to a requirements file. */
function lockedOutcome(): AuditOutcome {
  const lock = parseUvLock(UV_LOCK, path.join(ROOT, 'uv.lock'))
  const requirements = [
    declared('certifi', '2024.8.30', 'requirements.txt', 1),
    declared('ujson', '5.10.0', 'requirements.txt', 2)
  ]
  const packages = groupDependencies([...lock.dependencies, ...requirements])
  return {
    ...sampleOutcome(),
    packages: packages.map(item => ({ ...item, vulnerabilities: [] })),
    skipped: lock.skipped,
    licenses: [],
    result: 'pass',
    failureReasons: []
  }
}

describe('buildSbom with a lockfile that records the dependency graph', () => {
  const text = buildSbom(lockedOutcome(), OPTIONS)
  const bom = JSON.parse(text) as Json

  test('is valid CycloneDX 1.6 JSON', async () => {
    expect(await schemaErrors(text)).toBeNull()
  })

  test('each locked component lists the components it may require, from the same lock', () => {
    expect(bom.dependencies).toEqual([
      {
        ref: 'pkg:pypi/web@2.0',
        // the git package too; both locked versions of sortedcontainers, as edges are by name
        dependsOn: [
          'pyaudit:unaudited:helper@0.1',
          'pkg:pypi/sortedcontainers@2.3.0',
          'pkg:pypi/sortedcontainers@2.4.0',
          'pkg:pypi/ujson@5.10.0'
        ]
      },
      { ref: 'pkg:pypi/sortedcontainers@2.3.0', dependsOn: [] },
      { ref: 'pkg:pypi/sortedcontainers@2.4.0', dependsOn: [] },
      // also in requirements.txt, which knows no graph: the lock's record is its list
      { ref: 'pkg:pypi/ujson@5.10.0', dependsOn: [] }
    ])
  })

  test('those lists are complete; the project, the unaudited and unlocked components unknown', () => {
    expect(bom.compositions).toEqual([
      {
        aggregate: 'complete',
        dependencies: [
          'pkg:pypi/web@2.0',
          'pkg:pypi/sortedcontainers@2.3.0',
          'pkg:pypi/sortedcontainers@2.4.0',
          'pkg:pypi/ujson@5.10.0'
        ]
      },
      {
        aggregate: 'unknown',
        dependencies: [
          'pyaudit:project',
          'pkg:pypi/certifi@2024.8.30',
          'pyaudit:unaudited:helper@0.1'
        ]
      }
    ])
  })

  test('a required name with no component of that file makes the list incomplete, still valid', async () => {
    const outcome = lockedOutcome()
    const web = outcome.packages.find(item => item.name === 'web')!
    web.declarations = [{ ...web.declarations[0]!, dependsOn: ['ujson', 'certifi'] }]
    const partial = buildSbom(outcome, OPTIONS)
    const parsed = JSON.parse(partial) as Json
    expect(await schemaErrors(partial)).toBeNull()
    // certifi is a component, but declared in requirements.txt, not in this lock
    expect(parsed.dependencies[0]).toEqual({
      ref: 'pkg:pypi/web@2.0',
      dependsOn: ['pkg:pypi/ujson@5.10.0']
    })
    expect(parsed.compositions).toContainEqual({
      aggregate: 'incomplete',
      dependencies: ['pkg:pypi/web@2.0']
    })
  })
})
