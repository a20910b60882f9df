/**
 * Renders the job summary of the demo into examples/summary.md, by running the bundled action
 * exactly as a runner would (INPUT_* variables, GITHUB_STEP_SUMMARY). A test checks that the
 * committed file is what the action writes. Run: npm run build && npx tsx scripts/demo-summary.ts
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

const ROOT = path.resolve(import.meta.dirname, '..')

/** The inputs of the demo's run (kept here so the script and the test agree). */
export const DEMO_INPUTS: Record<string, string> = {
  'working-directory': 'examples/demo',
  paths: 'requirements.txt',
  'advisory-db': 'advisories',
  'max-db-age': '0',
  'upload-artifact': 'false'
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const temp = mkdtempSync(path.join(tmpdir(), 'pyaudit-demo-'))
  const summary = path.join(ROOT, 'examples', 'summary.md')
  writeFileSync(summary, '')
  writeFileSync(path.join(temp, 'output'), '')
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: ROOT,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_OUTPUT: path.join(temp, 'output'),
    RUNNER_TEMP: temp
  }
  for (const [name, value] of Object.entries(DEMO_INPUTS))
    env[`INPUT_${name.toUpperCase()}`] = value
  spawnSync(process.execPath, [path.join(ROOT, 'dist', 'index.js')], {
    cwd: ROOT,
    env,
    stdio: 'inherit'
  })
  rmSync(temp, { recursive: true, force: true })
}
