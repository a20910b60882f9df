/**
 * Issue 14, item 7: the JSON report and the SARIF file are written to disk piece by piece,
 * byte for byte what the string builders give, so that no report needs one string longer than
 * V8 allows (2^29 - 24 characters) under the run limits (100,000 dependencies).
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { open, readdir, readFile, rm, mkdtemp, stat } from 'node:fs/promises'
import * as os from 'node:os'
import * as path from 'node:path'
import type { OsvRecord } from '../../src/advisories/osv.js'
import { isMalicious, severityOf } from '../../src/advisories/severity.js'
import { toVulnerability } from '../../src/advisories/vulnerability.js'
import { jsonPieces, writeJsonFile } from '../../src/report/json-file.js'
import { buildJsonReport, serializeReport } from '../../src/report/json-report.js'
import type { AuditOutcome, ReportedPackage } from '../../src/report/outcome.js'
import { buildSarif } from '../../src/report/sarif.js'
import { writeJsonReport, writeSarif, type ReportContext } from '../../src/report/writers.js'
import { dependency, outcome, reportedPackage, vulnerability } from '../support/fixtures.js'
import { TESTS_DIR } from '../support/paths.js'

const ROOT = '/repo'
const CONTEXT: ReportContext = { repositoryRoot: ROOT, now: new Date(0) }
/** The longest string V8 makes on 64-bit platforms (Node 20 and 24). */
const MAX_STRING_LENGTH = 2 ** 29 - 24

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'pyaudit-report-files-'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

/** Every advisory fixture, each found in a package of its own, some ignored, some skipped. */
async function fixtureOutcome(): Promise<AuditOutcome> {
  const folder = path.join(TESTS_DIR, 'fixtures', 'osv', 'records')
  const names = (await readdir(folder)).filter(name => name.endsWith('.json')).sort()
  const packages: ReportedPackage[] = []
  for (const [index, name] of names.entries()) {
    const record = JSON.parse(await readFile(path.join(folder, name), 'utf8')) as OsvRecord
    const pkgName = record.affected?.[0]?.package?.name ?? `package-${index}`
    const found = toVulnerability(record, pkgName)
    if (!found) continue
    const dep = dependency(pkgName.toLowerCase(), '0.0.1', `${ROOT}/requirements.txt`, index + 1)
    packages.push(
      reportedPackage(
        { ...dep, ...(index % 4 === 0 ? { dependsOn: [] } : {}) },
        [
          {
            ...found,
            severity: severityOf(record),
            malicious: isMalicious(found),
            failing: index % 2 === 0,
            ...(index % 5 === 0 ? { ignored: { origin: '.pyaudit.toml', reason: 'accepted' } } : {})
          }
        ],
        index % 3 === 0 ? null : '99.0'
      )
    )
  }
  expect(packages.length).toBeGreaterThan(5)
  return outcome(packages, {
    sources: [
      {
        file: `${ROOT}/requirements.txt`,
        format: 'requirements',
        dependencies: packages.flatMap(pkg => pkg.declarations),
        skipped: []
      }
    ],
    skipped: [
      {
        name: 'flask',
        reason: 'not pinned to one version (>=2)',
        location: { file: `${ROOT}/requirements.txt`, line: 40 },
        format: 'requirements'
      }
    ],
    licenses: [
      {
        name: 'requests',
        version: '2.19.1',
        license: 'Apache 2.0',
        shortened: false,
        spdx: 'Apache-2.0',
        source: 'classifier',
        origin: 'metadata',
        violation: false
      }
    ],
    databaseUpdated: '2026-07-07T00:00:00Z'
  })
}

describe('reports written piece by piece', () => {
  test('the JSON report file is byte for byte what serializeReport gives', async () => {
    const audit = await fixtureOutcome()
    const file = path.join(dir, 'nested', 'report.json')
    await writeJsonReport(audit, CONTEXT, file)
    expect(await readFile(file, 'utf8')).toBe(serializeReport(buildJsonReport(audit, ROOT)))
  })

  test('the SARIF file is byte for byte what buildSarif gives', async () => {
    const audit = await fixtureOutcome()
    const file = path.join(dir, 'out.sarif')
    await writeSarif(audit, CONTEXT, file)
    expect(await readFile(file, 'utf8')).toBe(buildSarif(audit, { repositoryRoot: ROOT }))
  })

  test('piece by piece and in one go, the file is the same', async () => {
    const audit = await fixtureOutcome()
    const value = JSON.parse(serializeReport(buildJsonReport(audit, ROOT))) as unknown
    const replacer = (_key: string, text: unknown) => (text === 'requests' ? 'REDACTED' : text)
    const texts: string[] = []
    for (const wholeUpTo of [0, 1, undefined]) {
      const file = path.join(dir, `both-${wholeUpTo}.json`)
      await writeJsonFile(file, value, { replacer, expandDepth: 2, wholeUpTo })
      texts.push(await readFile(file, 'utf8'))
    }
    expect(texts[0]).toContain('"REDACTED"')
    expect(texts[0]).toBe(`${JSON.stringify(value, replacer, 2)}\n`)
    expect(new Set(texts).size).toBe(1)
  })

  test('a value whose text is too long for one string is written piece by piece', async () => {
    const audit = await fixtureOutcome()
    const value = JSON.parse(serializeReport(buildJsonReport(audit, ROOT))) as unknown
    // As JSON.stringify fails past V8's longest string; only the whole value meets it.
    const replacer = (_key: string, member: unknown) => {
      if (member === value) throw new RangeError('Invalid string length')
      return member
    }
    const file = path.join(dir, 'too-long.json')
    await writeJsonFile(file, value, { replacer, expandDepth: 2 })
    expect(await readFile(file, 'utf8')).toBe(`${JSON.stringify(value, null, 2)}\n`)
  })

  test('JSON corner cases come out as JSON.stringify writes them', async () => {
    const value = {
      empty: [],
      none: {},
      skipped: undefined,
      fn: () => 1,
      list: [1, undefined, 'two\nlines', { a: [[]], b: null, when: new Date(0) }, [{}]],
      deep: { deeper: { deepest: ['x', { y: 'z' }] } },
      '"quoted" key': 'é\u2028'
    }
    for (const expandDepth of [0, 1, 2, 3, 10]) {
      expect([...jsonPieces(value, { expandDepth })].join('')).toBe(JSON.stringify(value, null, 2))
    }
    const file = path.join(dir, 'corner.json')
    await writeJsonFile(file, [], { expandDepth: 3 })
    expect(await readFile(file, 'utf8')).toBe('[]\n')
  })

  test('a report longer than the longest string V8 allows is written whole', async () => {
    // 100,000 packages (the run limit), each with one advisory of 5,500 characters: over
    // 550 million characters of JSON, more than one string may hold.
    const text = 'A long advisory text, as PYSEC records carry. '.repeat(120)
    const packages = Array.from({ length: 100_000 }, (_, index) =>
      reportedPackage(
        dependency(`package-${index}`, '1.0.0', `${ROOT}/requirements.txt`, index + 1),
        [vulnerability(`PYSEC-2099-${index}`, { description: text, fixVersions: ['1.0.1'] })]
      )
    )
    const file = path.join(dir, 'huge.json')
    await writeJsonReport(outcome(packages), CONTEXT, file)
    const { size } = await stat(file)
    expect(size).toBeGreaterThan(MAX_STRING_LENGTH)
    const handle = await open(file)
    try {
      const head = Buffer.alloc(200)
      await handle.read(head, 0, 200, 0)
      expect(head.toString()).toMatch(
        /^\{\n {2}"dependencies": \[\n {4}\{\n {6}"name": "package-0",/
      )
      const tail = Buffer.alloc(16_384)
      await handle.read(tail, 0, tail.length, size - tail.length)
      expect(tail.toString()).toMatch(
        /"id": "PYSEC-2099-99999",[\s\S]*"packages": 100000,[\s\S]*"tool": \{[\s\S]*\n\}\n$/
      )
    } finally {
      await handle.close()
      await rm(file, { force: true })
    }
  }, 180_000)
})
