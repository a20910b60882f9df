/** The CLI as a user runs it: a process of src/ (built for this test run), its output and exit code. */
import { afterAll, expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { usage } from '../../src/config/usage.js'
import { TOOL } from '../../src/tool.js'
import { REPO_ROOT } from '../support/paths.js'
import { entryArguments } from '../support/run-action.js'

const cache = mkdtempSync(path.join(tmpdir(), 'pyaudit-cli-run-'))
afterAll(() => rmSync(cache, { recursive: true, force: true }))

function cli(args: string[]) {
  const run = spawnSync(process.execPath, [...entryArguments(), ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: process.env.HOME, XDG_CACHE_HOME: cache }
  })
  return { status: run.status, stdout: run.stdout, stderr: run.stderr }
}

/** `npm run demo`'s arguments, with src/ (built for this test run) instead of the bundle. */
const DEMO = [
  '--working-directory',
  'examples/demo',
  '--advisory-db',
  'advisories',
  '--max-db-age',
  '0',
  'requirements.txt'
]

test('--version prints the version reports carry, and exits 0', () => {
  expect(cli(['--version'])).toEqual({
    status: 0,
    stdout: `${TOOL.name} ${TOOL.version}\n`,
    stderr: ''
  })
}, 30_000)

test('--help prints the usage and exits 0', () => {
  expect(cli(['--help'])).toEqual({ status: 0, stdout: usage(), stderr: '' })
}, 30_000)

test('a mistyped flag is an error (exit 2) that names the flag it was likely meant to be', () => {
  expect(cli(['--fail-on-sevrity', 'low', 'requirements.txt'])).toEqual({
    status: 2,
    stdout: '',
    stderr:
      "error: Input '--fail-on-sevrity': unknown option (see --help); did you mean --fail-on-severity?\n"
  })
}, 30_000)

test('a mistyped value is an error that names the nearest allowed one', () => {
  expect(cli([...DEMO, '--fail-on-severity', 'hihg'])).toEqual({
    status: 2,
    stdout: '',
    stderr:
      "error: Input 'fail-on-severity': expected one of low, medium, high, critical, got 'hihg'; did you mean 'high'?\n"
  })
}, 30_000)

test('--fail-on-severity moderate gates at medium; a runner-only flag warns and changes nothing', () => {
  const run = cli([...DEMO, '--fail-on-severity', 'moderate', '--comment', 'always'])
  expect(run.status).toBe(1)
  expect(run.stdout.trimEnd().split('\n').at(-1)).toBe(
    'Failed: 2 medium and 5 of unknown severity (fail-on-severity: medium).'
  )
  expect(run.stderr.split('\n').filter(line => line.startsWith('warning:'))).toEqual([
    'warning: --comment applies only to the GitHub Action on a runner; ignored here'
  ])
}, 30_000)

test('a run that audits nothing says so and why, never "no known vulnerabilities" (issue 19)', () => {
  const empty = path.join(cache, 'nothing')
  mkdirSync(empty)
  writeFileSync(path.join(empty, 'requirements.txt'), '# no pins yet\n')
  const db = path.join(REPO_ROOT, 'examples', 'demo', 'advisories')
  const run = cli([
    '--working-directory',
    empty,
    '--advisory-db',
    db,
    '--max-db-age',
    '0',
    'requirements.txt'
  ])
  expect(run.status).toBe(0)
  expect(run.stdout).toBe(
    `Nothing was audited: ${path.join(empty, 'requirements.txt')} pins no dependency for this environment: empty, or every requirement's environment marker excludes the target Python version and platform. (strict: true fails the step then.)\n\nPassed.\n`
  )
  expect(run.stdout).not.toMatch(/no known vulnerabilities/i)
}, 30_000)
