/**
 * Runs every benchmark in turn (each prints its own table with its baseline).
 * `npm run bench` (all) or `npm run bench -- osv-online lockfiles` (some). Build first:
 * the whole-process benchmarks run dist/index.js.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

const ALL = [
  'osv-online',
  'action-online',
  'online-sizes',
  'warm-cache',
  'offline',
  'monorepo',
  'lockfiles',
  'environment',
  'licenses',
  'cold-start'
]
const root = path.resolve(import.meta.dirname, '..')
const loader = pathToFileURL(path.join(root, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href
const wanted = process.argv.slice(2).filter(arg => !arg.startsWith('-'))
let failed = 0
for (const name of wanted.length ? wanted : ALL) {
  const file = path.join(root, 'bench', `${name}.ts`)
  if (!existsSync(file)) {
    console.error(`no benchmark bench/${name}.ts`)
    failed++
    continue
  }
  console.log(`\n=== ${name}`)
  const run = spawnSync(process.execPath, ['--import', loader, file], {
    stdio: 'inherit',
    cwd: root
  })
  if (run.status !== 0) failed++
}
process.exitCode = failed ? 1 : 0
