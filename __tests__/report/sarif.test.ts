import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import AjvDraft04 from 'ajv-draft-04'
import ajvFormats from 'ajv-formats'
import type { OsvRecord } from '../../src/advisories/osv.js'
import { isMalicious, severityOf } from '../../src/advisories/severity.js'
import { toVulnerability } from '../../src/advisories/vulnerability.js'
import type { Dependency, SourceFormat } from '../../src/deps/types.js'
import type {
  AuditOutcome,
  ReportedPackage,
  ReportedVulnerability
} from '../../src/report/outcome.js'
import { buildSarif } from '../../src/report/sarif.js'
import { TESTS_DIR } from '../support/paths.js'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

const ROOT = '/work/shop'
const FIXTURES = path.resolve(TESTS_DIR, 'fixtures')
const fixture = (id: string): OsvRecord =>
  JSON.parse(readFileSync(path.join(FIXTURES, 'osv', 'records', `${id}.json`), 'utf8')) as OsvRecord

/** SARIF 2.1.0 (rtm.5, draft-04) as shipped by @microsoft/jest-sarif; see fixtures/schemas. */
const schema = JSON.parse(
  readFileSync(path.join(FIXTURES, 'schemas', 'sarif-schema-2.1.0.json'), 'utf8')
) as object
// Both are CommonJS with a `default` export as well: that one is typed under NodeNext.
// rtm.5's `language` pattern has a stray `]` that only a non-Unicode RegExp accepts.
const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false })
ajvFormats.default(ajv)
const validateSarif = ajv.compile(schema)

/** PYSEC-2026-1096 (PyPA database, CC BY 4.0): a CVSS v3.1 (7.5) and a v4 (6.9) vector. */
const AIOHTTP: OsvRecord = {
  id: 'PYSEC-2026-1096',
  modified: '2026-07-07T17:23:35.646669Z',
  aliases: ['CVE-2024-52303', 'GHSA-27mf-ghqm-j3j8'],
  summary:
    'aiohttp has a memory leak when middleware is enabled when requesting a resource with a non-allowed method',
  severity: [
    { type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H' },
    { type: 'CVSS_V4', score: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:L/SC:N/SI:N/SA:N' }
  ],
  affected: [
    {
      package: { ecosystem: 'PyPI', name: 'aiohttp' },
      ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '3.10.6' }, { fixed: '3.10.11' }] }]
    }
  ],
  references: [
    {
      type: 'FIX',
      url: 'https://github.com/aio-libs/aiohttp/commit/bc15db61615079d1b6327ba42c682f758fa96936'
    },
    { type: 'ADVISORY', url: 'https://github.com/advisories/GHSA-27mf-ghqm-j3j8' }
  ]
}

/** GitHub's advisory for CVE-2020-1747, kept to the database's own rating (no vector). */
const PYYAML_GHSA: OsvRecord = {
  id: 'GHSA-6757-jp84-gxfx',
  modified: '2021-08-25T21:00:01Z',
  aliases: ['CVE-2020-1747'],
  summary: 'Improper Input Validation in PyYAML',
  details:
    'A vulnerability was discovered in the PyYAML library in versions before 5.3.1, where it is susceptible to arbitrary code execution when it processes untrusted YAML files through the full_load method or with the FullLoader loader.',
  affected: [
    {
      package: { ecosystem: 'PyPI', name: 'pyyaml' },
      ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '5.3.1' }] }]
    }
  ],
  database_specific: { cwe_ids: ['CWE-20'], severity: 'CRITICAL' }
}

/** MAL-2024-4720 (ossf/malicious-packages), without its origins block. */
const MALWARE: OsvRecord = {
  id: 'MAL-2024-4720',
  modified: '2024-10-24T01:01:57Z',
  summary: 'Malicious code in 1337test (PyPI)',
  affected: [{ package: { ecosystem: 'PyPI', name: '1337test' }, versions: ['1'] }]
}

function finding(record: OsvRecord, name: string, ignored = false): ReportedVulnerability {
  const base = toVulnerability(record, name)!
  return {
    ...base,
    severity: severityOf(record),
    malicious: isMalicious(base),
    failing: !ignored,
    ...(ignored ? { ignored: { reason: 'No HTTPS proxy in use', origin: '.pyaudit.toml' } } : {})
  }
}

function at(file: string, line: number, format: SourceFormat = 'requirements') {
  return { file: path.isAbsolute(file) ? file : path.join(ROOT, file), line, format }
}

function pkg(
  name: string,
  version: string,
  places: Array<ReturnType<typeof at>>,
  vulnerabilities: ReportedVulnerability[],
  recommendedVersion: string | null = null
): ReportedPackage {
  const declarations: Dependency[] = places.map(({ file, line, format }) => ({
    name,
    version,
    location: { file, line },
    format
  }))
  return { name, version, declarations, vulnerabilities, recommendedVersion }
}

function sampleOutcome(
  requestsAt = [at('requirements.txt', 3), at('requirements/dev.txt', 1)]
): AuditOutcome {
  return {
    tool: { name: 'pyaudit-action', version: '1.2.3' },
    feed: 'OSV API (https://api.osv.dev)',
    sources: [],
    packages: [
      pkg('certifi', '2024.8.30', [at('requirements.txt', 2)], []),
      pkg(
        'requests',
        '2.19.1',
        requestsAt,
        [
          finding(fixture('PYSEC-2018-28'), 'requests'),
          finding(fixture('PYSEC-2023-74'), 'requests', true)
        ],
        '2.31.0'
      ),
      pkg(
        'urllib3',
        '1.26.5',
        [
          at('report.json', 0, 'pip-report'),
          at('/usr/lib/python3/site-packages/urllib3-1.26.5.dist-info/METADATA', 0, 'environment')
        ],
        [finding(fixture('PYSEC-2023-192'), 'urllib3')],
        '1.26.17'
      ),
      pkg(
        'aiohttp',
        '3.10.10',
        [at('pyproject.toml', 8, 'pyproject'), at('pyproject.toml', 21, 'pyproject')],
        [finding(AIOHTTP, 'aiohttp')],
        '3.10.11'
      ),
      pkg('pyyaml', '5.3', [at('requirements.txt', 4)], [finding(PYYAML_GHSA, 'pyyaml')]),
      pkg('1337test', '1', [at('requirements.txt', 7)], [finding(MALWARE, '1337test')])
    ],
    skipped: [
      {
        name: 'flask',
        reason: 'not pinned to an exact version (>=2)',
        location: { file: path.join(ROOT, 'requirements.txt'), line: 5 },
        format: 'requirements'
      }
    ],
    licenses: [],
    result: 'fail',
    failureReasons: []
  }
}

const build = (outcome = sampleOutcome()): Json =>
  JSON.parse(buildSarif(outcome, { repositoryRoot: ROOT })) as Json

describe('buildSarif', () => {
  const log = build()
  const run = log.runs[0] as Json
  const rule = (id: string): Json => run.tool.driver.rules.find((item: Json) => item.id === id)
  const results = (id: string): Json[] => run.results.filter((item: Json) => item.ruleId === id)
  const fingerprint = (item: Json): string => item.partialFingerprints.primaryLocationLineHash

  test('is valid SARIF 2.1.0 with what GitHub requires', () => {
    expect(validateSarif(log)).toBe(true)
    expect(log).toMatchObject({
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0'
    })
    expect(run.tool.driver).toMatchObject({
      name: 'pyaudit-action',
      version: '1.2.3',
      semanticVersion: '1.2.3'
    })
    for (const item of run.results) {
      expect(item.message.text).not.toBe('')
      expect(item.locations).toHaveLength(1)
      expect(item.locations[0].physicalLocation.region.startLine).toBeGreaterThanOrEqual(1)
      expect(run.tool.driver.rules[item.ruleIndex].id).toBe(item.ruleId)
    }
  })

  test('the schema check used here rejects a log the schema does not allow', () => {
    const broken = structuredClone(log)
    broken.runs[0].results[0].level = 'fatal'
    expect(validateSarif(broken)).toBe(false)
  })

  test('one rule per advisory; an advisory that is only ignored has none', () => {
    expect(run.tool.driver.rules.map((item: Json) => item.id)).toEqual([
      'PYSEC-2018-28',
      'PYSEC-2023-192',
      'PYSEC-2026-1096',
      'CVE-2020-1747',
      'MAL-2024-4720'
    ])
    expect(results('PYSEC-2023-74')).toEqual([])
  })

  test('a rule carries the descriptions, the help with fixes and links, and its rating', () => {
    const aiohttp = rule('PYSEC-2026-1096')
    expect(aiohttp).toMatchObject({
      shortDescription: { text: AIOHTTP.summary },
      fullDescription: { text: AIOHTTP.summary },
      helpUri: 'https://osv.dev/vulnerability/PYSEC-2026-1096',
      defaultConfiguration: { level: 'warning' },
      // The v4 vector rates it (6.9), as the gate does.
      properties: { tags: ['security', 'vulnerability', 'dependency'], 'security-severity': '6.9' }
    })
    expect(aiohttp.help.text).toBe(
      [
        AIOHTTP.summary,
        '',
        '- aiohttp 3.10.10: fixed in 3.10.11; upgrade to 3.10.11, the lowest newer version no known advisory affects.',
        '',
        'Aliases: CVE-2024-52303, GHSA-27mf-ghqm-j3j8',
        '',
        'Advisory: https://osv.dev/vulnerability/PYSEC-2026-1096'
      ].join('\n')
    )
    expect(aiohttp.help.markdown).toBe(
      [
        `**${AIOHTTP.summary}**`,
        '',
        '- aiohttp 3.10.10: fixed in 3.10.11; upgrade to 3.10.11, the lowest newer version no known advisory affects.',
        '',
        'Aliases: CVE-2024-52303, GHSA-27mf-ghqm-j3j8',
        '',
        '- <https://osv.dev/vulnerability/PYSEC-2026-1096>',
        '- <https://github.com/aio-libs/aiohttp/commit/bc15db61615079d1b6327ba42c682f758fa96936>',
        '- <https://github.com/advisories/GHSA-27mf-ghqm-j3j8>'
      ].join('\n')
    )
  })

  test('advisory text cannot inject markup or links into the help markdown', () => {
    const outcome = sampleOutcome()
    const hostile: OsvRecord = {
      ...AIOHTTP,
      summary: 'Leak <img src=x onerror=alert(1)> [click](https://evil.example)',
      details: '# Heading\n\n<script>alert(1)</script>',
      references: [{ type: 'ADVISORY', url: 'javascript:alert(1)' }]
    }
    outcome.packages = [
      pkg('aiohttp', '3.10.10', [at('requirements.txt', 1)], [finding(hostile, 'aiohttp')])
    ]
    const [only] = build(outcome).runs[0].tool.driver.rules as Json[]
    expect(only!.help.markdown).toBe(
      [
        '**Leak &lt;img src=x onerror=alert\\(1\\)&gt; \\[click\\]\\(https:\u2060//evil.example\\)**',
        '',
        '\\# Heading  &lt;script&gt;alert\\(1\\)&lt;/script&gt;',
        '',
        '- aiohttp 3.10.10: fixed in 3.10.11.',
        '',
        'Aliases: CVE-2024-52303, GHSA-27mf-ghqm-j3j8',
        '',
        '- <https://osv.dev/vulnerability/PYSEC-2026-1096>'
      ].join('\n')
    )
  })

  test('levels and security-severity follow the rating; CWE ids become tags', () => {
    expect(rule('PYSEC-2023-192').properties['security-severity']).toBe('8.1')
    expect(rule('PYSEC-2023-192').defaultConfiguration.level).toBe('error')
    // A database rating only: the middle of GitHub's critical band.
    expect(rule('CVE-2020-1747')).toMatchObject({
      defaultConfiguration: { level: 'error' },
      properties: {
        tags: ['security', 'vulnerability', 'dependency', 'external/cwe/cwe-20'],
        'security-severity': '9.5'
      }
    })
    // No rating at all: a warning without a made-up score.
    expect(rule('PYSEC-2018-28').defaultConfiguration.level).toBe('warning')
    expect(rule('PYSEC-2018-28').properties['security-severity']).toBeUndefined()
    expect(rule('PYSEC-2018-28').shortDescription.text).toMatch(
      /^The Requests package before 2\.20\.0/
    )
  })

  test('a malicious package is an error tagged malicious, and the advice is to remove it', () => {
    expect(rule('MAL-2024-4720')).toMatchObject({
      defaultConfiguration: { level: 'error' },
      properties: { tags: ['security', 'vulnerability', 'dependency', 'malicious'] }
    })
    expect(results('MAL-2024-4720').map(item => [item.level, item.message.text])).toEqual([
      ['error', '1337test 1 is a malicious package, reported in MAL-2024-4720. Remove it.']
    ])
  })

  test('one result per declaration, at the file relative to the repository and the line', () => {
    expect(
      results('PYSEC-2018-28').map(item => [item.message.text, item.locations[0].physicalLocation])
    ).toEqual(
      [
        ['requirements.txt', 3],
        ['requirements/dev.txt', 1]
      ].map(([uri, line]) => [
        'requests 2.19.1 is affected by PYSEC-2018-28 (CVE-2018-18074, GHSA-x84v-xcm2-53pg). ' +
          'Fixed in 2.20.0; upgrade to 2.31.0, the lowest newer version no known advisory affects.',
        { artifactLocation: { uri, uriBaseId: '%SRCROOT%' }, region: { startLine: line } }
      ])
    )
    expect(run.originalUriBaseIds).toEqual({
      '%SRCROOT%': { uri: 'file:///work/shop/', description: { text: 'The repository root.' } }
    })
  })

  test('a format without lines points at line 1; a file outside the repository is a file: URI', () => {
    expect(results('PYSEC-2023-192').map(item => item.locations[0].physicalLocation)).toEqual([
      {
        artifactLocation: { uri: 'report.json', uriBaseId: '%SRCROOT%' },
        region: { startLine: 1 }
      },
      {
        artifactLocation: {
          uri: 'file:///usr/lib/python3/site-packages/urllib3-1.26.5.dist-info/METADATA'
        },
        region: { startLine: 1 }
      }
    ])
  })

  test('fingerprints follow advisory, package and file, not the line or the version', () => {
    const [main, dev] = results('PYSEC-2018-28').map(fingerprint)
    expect(main).not.toBe(dev)
    const moved = build(sampleOutcome([at('requirements.txt', 40), at('requirements/dev.txt', 9)]))
    expect(
      moved.runs[0].results.filter((item: Json) => item.ruleId === 'PYSEC-2018-28').map(fingerprint)
    ).toEqual([main, dev])

    const bumped = sampleOutcome()
    bumped.packages[1] = { ...bumped.packages[1]!, version: '2.19.0' }
    expect(
      build(bumped).runs[0].results.find((item: Json) => item.ruleId === 'PYSEC-2018-28')
    ).toMatchObject({
      partialFingerprints: { primaryLocationLineHash: main }
    })
    const all = run.results.map(fingerprint)
    expect(new Set(all).size).toBe(all.length)
  })

  test('the same package twice in one file: the fingerprints are numbered', () => {
    const [first, second] = results('PYSEC-2026-1096').map(fingerprint)
    expect(first).toMatch(/^[0-9a-f]{32}:1$/)
    expect(second).toBe(first!.replace(/:1$/, ':2'))
  })

  test('a path with spaces is percent-encoded in the URI', () => {
    const outcome = sampleOutcome([at('deploy/my service/requirements.txt', 2)])
    const [result] = build(outcome).runs[0].results as Json[]
    expect(result!.locations[0].physicalLocation.artifactLocation.uri).toBe(
      'deploy/my%20service/requirements.txt'
    )
  })

  test('a requirement that could not be audited is a warning notification, not a result', () => {
    expect(run.invocations).toEqual([
      {
        executionSuccessful: true,
        toolExecutionNotifications: [
          {
            level: 'warning',
            message: { text: 'flask was not audited: not pinned to an exact version (>=2)' },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: 'requirements.txt', uriBaseId: '%SRCROOT%' },
                  region: { startLine: 5 }
                }
              }
            ]
          }
        ]
      }
    ])
  })

  test('a clean run is a valid log with no rules and no results', () => {
    const clean: AuditOutcome = { ...sampleOutcome(), skipped: [], result: 'pass' }
    clean.packages = [clean.packages[0]!]
    const empty = build(clean)
    expect(validateSarif(empty)).toBe(true)
    expect(empty.runs[0].tool.driver.rules).toEqual([])
    expect(empty.runs[0].results).toEqual([])
  })
})
