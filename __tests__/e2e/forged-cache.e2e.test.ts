/**
 * Another job that can write the advisory cache (a self-hosted runner's tool cache is shared by
 * every job on it) must not be able to turn a failing run into a passing one. Each test runs the
 * CLI as its own process twice over one cache directory: a first run fills the cache, the
 * "other job" then forges it as an attacker would, and the second run must still fail on the
 * finding. The forgers work on whatever layout they find, the pack of this release or the
 * per-record files and offline index of the releases before, so these tests show the defect on
 * the code that had it (issue 14, item 10).
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  statSync,
  writeFileSync
} from 'node:fs'
import * as fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { OsvRecord } from '../../src/advisories/osv.js'
import { makeZip } from '../fixtures/osv/make-zip.js'
import { OsvServer } from '../support/osv-server.js'
import { TESTS_DIR } from '../support/paths.js'
import { entryArguments } from '../support/run-action.js'

const RECORDS = path.resolve(TESTS_DIR, 'fixtures', 'osv', 'records')
/** Real PYSEC records, see fixtures/osv/README.md. */
const record = (id: string): OsvRecord =>
  JSON.parse(readFileSync(path.join(RECORDS, `${id}.json`), 'utf8')) as OsvRecord
/** urllib3 2.0.4: CVSS 3.1 AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:N, 8.1, high. */
const URLLIB3 = record('PYSEC-2023-192')
const REQUESTS = [record('PYSEC-2018-28'), record('PYSEC-2023-74')]

let work: string
let server: OsvServer
let url: string

beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'pyaudit-forged-'))
  await fs.writeFile(path.join(work, 'urllib3.txt'), 'urllib3==2.0.4\n')
  await fs.writeFile(path.join(work, 'requirements.txt'), 'urllib3==2.0.4\nrequests==2.19.0\n')
  const database = new Map([
    ['urllib3 2.0.4', [URLLIB3]],
    ['requests 2.19.0', REQUESTS]
  ])
  server = new OsvServer((name, version) => database.get(`${name} ${version}`) ?? [], {
    packageRecords: name =>
      [...database].flatMap(([pin, records]) => (pin.startsWith(`${name} `) ? records : []))
  })
  url = await server.start()
})

afterAll(async () => {
  await server.close()
  await fs.rm(work, { recursive: true, force: true })
})

interface Run {
  exitCode: number | null
  stderr: string
  /** Per package: the ids reported and each one's severity level and score. */
  findings: Record<string, { id: string; level: string; score?: number }[]>
}

/** One run of the CLI in its own process; `high` findings fail it. */
async function audit(cacheDir: string, extra: string[] = []): Promise<Run> {
  const report = path.join(work, 'report.json')
  await fs.rm(report, { force: true })
  const args = ['--osv-url', url, '--cache-dir', cacheDir, '--fail-on-severity', 'high']
  args.push('--package-checks', 'false') // the package index would be PyPI: no test goes online
  args.push('--report', report)
  const child = spawn(process.execPath, [...entryArguments(), ...args, ...extra], {
    cwd: work,
    env: { PATH: process.env.PATH, HOME: work }
  })
  let stderr = ''
  child.stderr.on('data', chunk => (stderr += chunk))
  child.stdout.resume()
  const exitCode = await new Promise<number | null>(resolve => child.on('close', resolve))
  const parsed = JSON.parse(await fs.readFile(report, 'utf8')) as {
    dependencies: {
      name: string
      vulns: { id: string; severity: { level: string; score?: number } }[]
    }[]
  }
  const findings = Object.fromEntries(
    parsed.dependencies.map(dep => [
      dep.name,
      dep.vulns
        .map(vuln => ({ id: vuln.id, ...vuln.severity }))
        .map(({ id, level, score }) => ({
          id,
          level,
          ...(score === undefined ? {} : { score })
        }))
    ])
  )
  return { exitCode, stderr, findings }
}

/** Every file under `dir`. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map(name => path.join(dir, name))
    .filter(file => statSync(file).isFile())
}

/**
 * Rewrites every cached copy of a record, in either layout: `forge` changes the JSON object
 * that holds the record (a per-record file of earlier releases, or a body of the pack).
 */
function forgeCachedRecords(
  cacheDir: string,
  forge: (held: Record<string, unknown>) => void
): number {
  let forged = 0
  for (const file of filesUnder(cacheDir)) {
    const bytes = readFileSync(file)
    if (file.endsWith('.pack')) {
      // Header line, then per record its body and a line feed; the header lists the lengths.
      const headerEnd = bytes.indexOf(0x0a)
      const header = JSON.parse(bytes.toString('utf8', 0, headerEnd)) as {
        records: [string, string, number, number][]
      }
      let at = headerEnd + 1
      const bodies = header.records.map(([, , length]) => {
        const body = JSON.parse(bytes.toString('utf8', at, at + length)) as Record<string, unknown>
        at += length + 1
        forge(body)
        forged++
        return Buffer.from(JSON.stringify(body))
      })
      header.records.forEach((item, i) => (item[2] = bodies[i]!.length))
      const parts = [Buffer.from(`${JSON.stringify(header)}\n`)]
      for (const body of bodies) parts.push(body, Buffer.from('\n'))
      writeFileSync(file, Buffer.concat(parts))
      continue
    }
    let held: unknown
    try {
      held = JSON.parse(bytes.toString('utf8'))
    } catch {
      continue
    }
    if (typeof held !== 'object' || held === null || !('record' in held)) continue
    forge(held as Record<string, unknown>)
    forged++
    writeFileSync(file, JSON.stringify(held))
  }
  return forged
}

const urllib3Finding = { id: 'PYSEC-2023-192', level: 'high', score: 8.1 }

describe('forged cache content never turns a fail into a pass', () => {
  test('a cached CVSS score lowered by another job: the score comes from the vector', async () => {
    const cacheDir = path.join(work, 'cache-score')
    const first = await audit(cacheDir, ['urllib3.txt'])
    expect(first.exitCode).toBe(1)
    expect(first.findings.urllib3).toEqual([urllib3Finding])

    // The other job lowers every score it finds and plants one where there was none.
    const forged = forgeCachedRecords(cacheDir, held => {
      const scores = (held.scores ?? {}) as Record<string, number>
      for (const key of Object.keys(scores)) scores[key] = 1.0
      scores[`CVSS_V3 ${URLLIB3.severity![0]!.score}`] = 1.0
      held.scores = scores
    })
    expect(forged).toBeGreaterThan(0)

    const second = await audit(cacheDir, ['urllib3.txt'])
    expect(second.findings.urllib3).toEqual([urllib3Finding])
    expect(second.exitCode).toBe(1)
  })

  test('a cached record marked withdrawn by another job is fetched again and still fails', async () => {
    const cacheDir = path.join(work, 'cache-withdrawn')
    expect((await audit(cacheDir, ['urllib3.txt'])).exitCode).toBe(1)

    const forged = forgeCachedRecords(cacheDir, held => {
      const cached = held.record as Record<string, unknown>
      if (cached.id === URLLIB3.id) cached.withdrawn = '2026-01-01T00:00:00Z'
    })
    expect(forged).toBeGreaterThan(0)

    const before = server.counts.vulns + server.counts.query
    const second = await audit(cacheDir, ['urllib3.txt'])
    expect(second.findings.urllib3).toEqual([urllib3Finding])
    expect(second.exitCode).toBe(1)
    // The record was asked of the feed again: only the feed may withdraw it.
    expect(server.counts.vulns + server.counts.query).toBe(before + 1)
  })

  test('a forged offline index with a correct checksum cannot hide findings', async () => {
    const zip = path.join(work, 'all.zip')
    const members = [URLLIB3, ...REQUESTS].map(held => ({
      name: `${held.id}.json`,
      data: JSON.stringify(held)
    }))
    writeFileSync(zip, makeZip(members))
    const cacheDir = path.join(work, 'cache-index')
    const offline = ['--advisory-db', zip, '--max-db-age', '0', 'requirements.txt']
    const first = await audit(cacheDir, offline)
    expect(first.findings.urllib3).toEqual([urllib3Finding])
    expect(first.findings.requests).toHaveLength(2)

    // The other job writes the index the releases before this one read, for this very
    // database, listing every record but urllib3's: checksum and key as those releases expect.
    plantOldIndexWithout(cacheDir, zip, REQUESTS)

    const second = await audit(cacheDir, offline)
    expect(second.findings.urllib3).toEqual([urllib3Finding])
    expect(second.findings.requests).toHaveLength(2)
  })
})

/**
 * The offline index of earlier releases (format 1, offline-index.ts before it was removed),
 * holding only `kept`: `<cache>/offline-index/<sha-256 of the path>.json`.
 */
function plantOldIndexWithout(cacheDir: string, zip: string, kept: readonly OsvRecord[]): void {
  const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex')
  const bytes = readFileSync(zip)
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  const directorySize = bytes.readUInt32LE(end + 12)
  const directoryOffset = bytes.readUInt32LE(end + 16)
  const directory = bytes.subarray(directoryOffset, directoryOffset + directorySize)
  const fingerprint = createHash('sha256')
    .update(`zip ${bytes.length}\n`)
    .update(directory)
    .digest('hex')
  const location = realpathSync(zip)
  const key = {
    location,
    kind: 'zip',
    fingerprint,
    limits: {
      maxEntries: 200_000,
      maxEntryBytes: 8 * 1024 * 1024,
      maxTotalBytes: 256 * 1024 * 1024
    }
  }
  const sorted = [...kept].sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }))
  const index = {
    key,
    members: sorted.map(held => `${held.id}.json`),
    ids: sorted.map(held => held.id),
    modified: sorted.map(held => held.modified),
    packages: { requests: sorted.map((_, i) => i) },
    duplicates: null,
    unsupported: null,
    withoutPypi: 0
  }
  const body = JSON.stringify(index)
  const dir = path.join(cacheDir, 'offline-index')
  mkdirSync(dir, { recursive: true })
  writeFileSync(
    path.join(dir, `${sha256(location)}.json`),
    `{"format":1,"checksum":"${sha256(body)}","index":${body}}`
  )
}
