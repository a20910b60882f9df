import { expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { actionTables, withTables } from '../../scripts/action-tables.js'
import { DEMO_INPUTS } from '../../scripts/demo-summary.js'
import { entryArguments, runAction } from '../support/run-action.js'
import { TESTS_DIR } from '../support/paths.js'

const root = path.resolve(TESTS_DIR, '..')
const readme = readFileSync(path.join(root, 'README.md'), 'utf8')

test("README's tables of inputs and outputs are the ones action.yml gives", () => {
  const tables = actionTables(readFileSync(path.join(root, 'action.yml'), 'utf8'))
  expect(readme).toBe(withTables(readme, tables))
  expect(tables.inputs).toContain('| `fail-on-severity` | `low` |')
})

test('the demo prints what README shows', () => {
  // The same arguments as `npm run demo`, run from src/ (built for this test run).
  const demo = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).scripts
    .demo as string
  const args = demo.replace(/^node dist\/index\.js /, '').split(' ')
  const cache = mkdtempSync(path.join(tmpdir(), 'pyaudit-demo-cache-'))
  const run = spawnSync(process.execPath, [...entryArguments(), ...args], {
    cwd: root,
    encoding: 'utf8',
    // Its offline index goes to a temporary cache, not the user's.
    env: { PATH: process.env.PATH, HOME: process.env.HOME, XDG_CACHE_HOME: cache }
  })
  rmSync(cache, { recursive: true, force: true })
  expect(run.status).toBe(1)
  const shown =
    /It\s+exits with code 1 because it finds vulnerabilities, and prints:\n\n```text\n([\s\S]*?)```/.exec(
      readme
    )
  expect(shown?.[1]).toBe(run.stdout)
}, 30_000)

test('examples/summary.md is the job summary the action writes for the demo', async () => {
  const run = await runAction(DEMO_INPUTS, { workspace: root })
  expect(run.exitCode).toBe(1)
  expect(run.summary).toBe(readFileSync(path.join(root, 'examples', 'summary.md'), 'utf8'))
}, 30_000)
