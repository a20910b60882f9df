import { afterAll, expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import type { OsvRecord } from '../../src/advisories/osv.js'
import { OsvServer } from '../support/osv-server.js'
import { REPO_ROOT } from '../support/paths.js'
import { makeWorkspace, runAction } from '../support/run-action.js'

/**
 * The bundle users run (dist/index.js, committed) started as `npm run demo` starts it. The
 * other tests run the sources; this one catches a bundle that does not load or run at all.
 */
const cache = mkdtempSync(path.join(tmpdir(), 'pyaudit-dist-cache-'))
afterAll(() => rmSync(cache, { recursive: true, force: true }))

test('the built dist/index.js audits the demo and exits 1 on its findings', () => {
  const scripts = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'))
    .scripts as Record<string, string>
  const [node, bundle, ...args] = scripts.demo!.split(' ')
  expect([node, bundle]).toEqual(['node', 'dist/index.js'])
  const run = spawnSync(process.execPath, [bundle!, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    // The offline index goes to a temporary cache, not the user's.
    env: { PATH: process.env.PATH, HOME: process.env.HOME, XDG_CACHE_HOME: cache }
  })
  expect(run.stderr).not.toMatch(/^error:/m)
  expect(run.status).toBe(1)
  expect(run.stdout).toMatch(/^Found \d+ known vulnerabilit(y|ies) in \d+ packages?\./m)
  expect(run.stdout).toContain('PYSEC-2018-28')
}, 30_000)

/** An advisory of `name` affecting 1.0, fixed in 1.1. */
function advisory(name: string, n: number): OsvRecord {
  return {
    id: `PYSEC-2099-${n}`,
    modified: '2026-01-01T00:00:00Z',
    summary: `Example advisory ${n}`,
    affected: [
      {
        package: { ecosystem: 'PyPI', name },
        ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.1' }] }],
        versions: ['1.0']
      }
    ]
  } as OsvRecord
}

test("the built bundle's cold run makes the cache's bodies on a worker thread", async () => {
  const names = Array.from({ length: 10 }, (_, i) => `example-pkg-${i}`)
  const records = new Map(names.map((name, i) => [name, [advisory(name, i)]]))
  const server = new OsvServer(
    (name, version) => (version === '1.0' ? records.get(name) : []) ?? [],
    {
      packageRecords: name => records.get(name) ?? []
    }
  )
  const osvUrl = await server.start()
  const workspace = await makeWorkspace({
    'requirements.txt': names.map(name => `${name}==1.0\n`).join('')
  })
  const cacheDir = path.join(workspace, 'cache')
  try {
    const run = await runAction(
      { 'osv-url': osvUrl, 'cache-dir': cacheDir, 'fail-on-vulnerability': 'false' },
      { workspace, entry: path.join(REPO_ROOT, 'dist', 'index.js') }
    )
    expect(run.stderr).toBe('')
    expect(run.outputs['vulnerability-count']).toBe('10')
    const stats = /::debug::Advisory cache .*: (\{.*\})$/m.exec(run.stdout)
    expect(stats).not.toBeNull()
    expect(JSON.parse(stats![1]!)).toMatchObject({ written: 10, madeElsewhere: 10 })
    expect(existsSync(path.join(cacheDir, 'osv-records.pack'))).toBe(true)
  } finally {
    await server.close()
    rmSync(workspace, { recursive: true, force: true })
  }
}, 30_000)
