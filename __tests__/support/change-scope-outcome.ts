/**
 * A pull request's outcome in scope `changes`, with package-health findings, for the report
 * tests (JSON, SARIF, SBOM, annotations): issue 16's example, told with advisories from the
 * PyPA database (fixtures/osv/records) and the real package checks.
 *
 * The base pins jinja2 3.1.4 (PYSEC-2026-1472), requests 2.19.1 (PYSEC-2018-28, PYSEC-2023-74),
 * urllib3 1.26.5 (PYSEC-2023-192) and the malware 1337test. The change upgrades requests to
 * 2.32.0 (a release PyPI has yanked), removes urllib3, adds PyYAML 5.3 (PYSEC-2020-96, and
 * PYSEC-2021-142, ignored) and the typo `requets`, which the index does not know.
 */
import { readFileSync } from 'node:fs'
import * as path from 'node:path'
import type { OsvRecord } from '../../src/advisories/osv.js'
import { isMalicious, severityOf } from '../../src/advisories/severity.js'
import { toVulnerability } from '../../src/advisories/vulnerability.js'
import type { Dependency } from '../../src/deps/types.js'
import { findPackageIssues } from '../../src/health/checks.js'
import type {
  AuditOutcome,
  DependencyChange,
  ReportedPackage,
  ReportedVulnerability
} from '../../src/report/outcome.js'
import { TESTS_DIR } from './paths.js'

export const CHANGE_ROOT = '/work/shop'
export const REQUIREMENTS = path.join(CHANGE_ROOT, 'requirements.txt')
export const BASE = { ref: 'main', sha: '4f1e5b0c2d3a49e8b7c6d5e4f3a2b1c0d9e8f7a6' }
const PYPI = 'https://pypi.org/simple/'

const record = (id: string): OsvRecord =>
  JSON.parse(
    readFileSync(path.join(TESTS_DIR, 'fixtures', 'osv', 'records', `${id}.json`), 'utf8')
  ) as OsvRecord

/** PYSEC-2026-1472 (PyPA database, CC BY 4.0), without its details, references and versions. */
const JINJA2: OsvRecord = {
  id: 'PYSEC-2026-1472',
  modified: '2026-07-07T17:24:22.034973Z',
  published: '2026-07-07T14:34:47.677447Z',
  aliases: ['CVE-2024-56201', 'GHSA-gmj6-6f8f-6699'],
  summary: 'Jinja has a sandbox breakout through malicious filenames',
  severity: [
    { type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H' },
    { type: 'CVSS_V4', score: 'CVSS:4.0/AV:L/AC:L/AT:P/PR:L/UI:P/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N' }
  ],
  affected: [
    {
      package: { ecosystem: 'PyPI', name: 'jinja2', purl: 'pkg:pypi/jinja2' },
      ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '3.0.0' }, { fixed: '3.1.5' }] }]
    }
  ]
}

/** MAL-2024-4720 from ossf/malicious-packages, without its details and origins. */
const MALWARE: OsvRecord = {
  id: 'MAL-2024-4720',
  modified: '2024-10-24T01:01:57Z',
  summary: 'Malicious code in 1337test (PyPI)',
  affected: [{ package: { ecosystem: 'PyPI', name: '1337test' }, versions: ['1'] }]
}

function finding(
  osv: OsvRecord,
  name: string,
  verdict: { introduced: boolean; failing: boolean; ignored?: ReportedVulnerability['ignored'] }
): ReportedVulnerability {
  const base = toVulnerability(osv, name)!
  return {
    ...base,
    severity: severityOf(osv),
    malicious: isMalicious(base),
    failing: verdict.failing,
    introduced: verdict.introduced,
    ...(verdict.ignored ? { ignored: verdict.ignored } : {})
  }
}

function pin(
  name: string,
  version: string,
  line: number,
  change: DependencyChange,
  vulnerabilities: ReportedVulnerability[],
  recommendedVersion?: string | null
): ReportedPackage {
  const declaration: Dependency = {
    name,
    version,
    location: { file: REQUIREMENTS, line },
    format: 'requirements'
  }
  return {
    name,
    version,
    declarations: [declaration],
    vulnerabilities,
    change,
    ...(recommendedVersion !== undefined ? { recommendedVersion } : {})
  }
}

export const IGNORED = {
  reason: 'Only our own YAML files are loaded',
  origin: '.pyaudit.toml',
  until: '2027-01-01'
}

export function changeScopeOutcome(): AuditOutcome {
  const packages = [
    pin(
      'jinja2',
      '3.1.4',
      1,
      'unchanged',
      [finding(JINJA2, 'jinja2', { introduced: false, failing: false })],
      '3.1.5'
    ),
    pin('requests', '2.32.0', 2, 'changed', []),
    pin(
      'pyyaml',
      '5.3',
      3,
      'added',
      [
        finding(record('PYSEC-2020-96'), 'pyyaml', { introduced: true, failing: true }),
        finding(record('PYSEC-2021-142'), 'pyyaml', {
          introduced: true,
          failing: false,
          ignored: IGNORED
        })
      ],
      '5.4'
    ),
    pin('1337test', '1', 4, 'unchanged', [
      finding(MALWARE, '1337test', { introduced: false, failing: true })
    ]),
    pin('requets', '2.19.1', 5, 'added', [])
  ]
  const packageIssues = findPackageIssues(
    packages.map(pkg => ({
      name: pkg.name,
      version: pkg.version,
      location: pkg.declarations[0]!.location
    })),
    packages.map(pkg =>
      pkg.name === 'requets'
        ? { name: pkg.name, answers: [{ index: PYPI, found: false, httpStatus: 404 }] }
        : {
            name: pkg.name,
            answers: [
              {
                index: PYPI,
                found: true,
                project: {
                  status: { status: 'active' },
                  releases: [
                    pkg.name === 'requests'
                      ? {
                          version: '2.32.0',
                          files: 2,
                          yankedFiles: 2,
                          yankedReason: 'Yanked due to conflicts with CVE-2024-35195 mitigation',
                          sha256: [],
                          filesWithoutSha256: 0
                        }
                      : {
                          version: pkg.version,
                          files: 1,
                          yankedFiles: 0,
                          sha256: [],
                          filesWithoutSha256: 0
                        }
                  ]
                }
              }
            ]
          }
    )
  )
  return {
    tool: { name: 'pyaudit-action', version: '1.2.3' },
    feed: 'OSV API (https://api.osv.dev)',
    sources: [
      {
        file: REQUIREMENTS,
        format: 'requirements',
        dependencies: packages.flatMap(pkg => pkg.declarations),
        skipped: []
      }
    ],
    packages,
    skipped: [],
    licenses: [],
    result: 'fail',
    failureReasons: ['1 finding introduced by the change and 1 malicious package fail the step.'],
    changes: {
      base: BASE,
      fixedByChange: [
        {
          name: 'requests',
          oldVersion: '2.19.1',
          newVersion: '2.32.0',
          advisories: ['PYSEC-2018-28', 'PYSEC-2023-74']
        },
        { name: 'urllib3', oldVersion: '1.26.5', newVersion: null, advisories: ['PYSEC-2023-192'] }
      ]
    },
    packageIssues
  }
}

/** The same run judged in scope `all`: no change fields, every finding counts. */
export function allScopeOutcome(): AuditOutcome {
  const { changes: _changes, ...rest } = changeScopeOutcome()
  return {
    ...rest,
    packages: rest.packages.map(({ change: _change, ...pkg }) => ({
      ...pkg,
      vulnerabilities: pkg.vulnerabilities.map(({ introduced: _introduced, ...vuln }) => ({
        ...vuln,
        failing: true
      }))
    }))
  }
}
