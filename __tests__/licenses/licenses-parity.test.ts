/**
 * Parity with pip-licenses: the License column we compute must equal what pip-licenses'
 * algorithm yields through importlib.metadata, for every --from value. pip-licenses itself
 * cannot be installed here, so fixtures/licenses/pip_licenses_oracle.py re-implements its
 * selection (a test oracle written from piplicenses.py) and is run on the same distributions:
 * this machine's python3 environment, and a directory of fixture distributions covering each
 * metadata style.
 */
import { describe, expect, test, beforeAll, afterAll } from '@jest/globals'
import { execFile } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { promisify } from 'node:util'
import { readDistributions, readEnvironment } from '../../src/deps/environment.js'
import { normalizeName } from '../../src/deps/names.js'
import type { PackageMetadata } from '../../src/deps/types.js'
import { selectLicense, type LicenseFrom } from '../../src/licenses/license-of.js'
import { TESTS_DIR } from '../support/paths.js'

const run = promisify(execFile)
const FIXTURES = path.join(TESTS_DIR, 'fixtures', 'licenses')
const ORACLE = path.join(FIXTURES, 'pip_licenses_oracle.py')
const FROM_VALUES: readonly LicenseFrom[] = ['mixed', 'meta', 'classifier', 'expression']

interface OracleRow {
  name: string
  version: string
  license: Record<LicenseFrom, string>
}

async function oracle(paths: string[]): Promise<OracleRow[]> {
  const { stdout } = await run('python3', [ORACLE, ...paths], { maxBuffer: 64 * 1024 * 1024 })
  return JSON.parse(stdout) as OracleRow[]
}

/** Every (distribution, --from) where we differ from the oracle; importlib's first copy wins. */
function differences(
  rows: OracleRow[],
  ours: Array<{ name: string; version: string; metadata?: PackageMetadata }>
): string[] {
  const seen = new Set<string>()
  const found: string[] = []
  for (const row of rows) {
    const key = `${normalizeName(row.name)} ${row.version}`
    if (seen.has(key)) continue
    seen.add(key)
    const mine = ours.find(
      d => normalizeName(d.name) === normalizeName(row.name) && d.version === row.version
    )
    if (!mine) {
      found.push(`${key}: not read by us`)
      continue
    }
    for (const from of FROM_VALUES) {
      const text = selectLicense(mine.metadata, from).text
      if (text !== row.license[from]) {
        found.push(
          `${key} --from=${from}: ours ${JSON.stringify(text)}, pip-licenses ${JSON.stringify(row.license[from])}`
        )
      }
    }
  }
  return found
}

describe('parity with pip-licenses on this machine', () => {
  test("every distribution of python3's environment, for every --from", async () => {
    const environment = await readEnvironment('python3')
    const rows = await oracle([])
    expect(rows.length).toBeGreaterThan(0)
    expect(environment.dependencies.length).toBe(
      new Set(rows.map(r => `${normalizeName(r.name)} ${r.version}`)).size
    )
    expect(differences(rows, environment.dependencies)).toEqual([])
  })
})

describe('parity with pip-licenses on fixture distributions', () => {
  let root: string
  let rows: OracleRow[]
  let ours: Awaited<ReturnType<typeof readDistributions>>

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'pyaudit-licenses-parity-'))
    const metadataDir = path.join(FIXTURES, 'metadata')
    for (const file of fs.readdirSync(metadataDir)) {
      const distInfo = path.join(root, `${path.basename(file, '.METADATA')}-1.dist-info`)
      fs.mkdirSync(distInfo)
      fs.copyFileSync(path.join(metadataDir, file), path.join(distInfo, 'METADATA'))
    }
    rows = await oracle([root])
    ours = await readDistributions([root])
  })
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

  test('each metadata style gives the License column pip-licenses gives', () => {
    expect(rows).toHaveLength(fs.readdirSync(path.join(FIXTURES, 'metadata')).length)
    expect(differences(rows, ours)).toEqual([])
  })

  test('the oracle and we agree on the interesting cases, spelled out', () => {
    const column = (name: string): Record<LicenseFrom, string> =>
      rows.find(row => normalizeName(row.name) === name)!.license
    expect(column('dual-licensed')).toEqual({
      mixed: 'MIT OR Apache-2.0',
      meta: 'MIT OR Apache-2.0',
      classifier: 'MIT OR Apache-2.0',
      expression: 'MIT OR Apache-2.0'
    })
    expect(column('classified-package')).toEqual({
      mixed: 'MIT License; Python Software Foundation License',
      meta: 'UNKNOWN',
      classifier: 'MIT License; Python Software Foundation License',
      expression: 'UNKNOWN'
    })
    expect(column('osi-only')).toEqual({
      mixed: 'GPLv3+',
      meta: 'GPLv3+',
      classifier: 'UNKNOWN',
      expression: 'GPLv3+'
    })
    expect(column('expression-unknown').mixed).toBe('GNU General Public License v3 (GPLv3)')
    expect(column('no-license').mixed).toBe('UNKNOWN')
    // Python's code-point order puts U+FB01 before U+1F600; a UTF-16 sort would not.
    expect(column('code-point-order').classifier).toBe(
      'Zope Public License; \uFB01ne License; \u{1F600} License'
    )
    expect(column('whole-text').meta.split('\n')).toHaveLength(24)
  })
})
