import { afterAll, expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import { REPO_ROOT } from '../support/paths.js'

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
