/**
 * Cold start: how long `node dist/index.js` takes to print its first line, as the CLI and as
 * the action, against Node's own start (`node -e 0`) measured in the same run; and how much
 * of the bundle each use loads.
 * Run: npm run build && npx tsx bench/cold-start.ts [--runs 15]
 */
import { spawn } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

const { values } = parseArgs({ options: { runs: { type: 'string', default: '15' } } })
const runs = Number(values.runs)
const dist = path.resolve(import.meta.dirname, '..', 'dist')
const bundle = path.join(dist, 'index.js')
if (!existsSync(bundle)) throw new Error('dist/index.js is missing: run npm run build first')

// A one-pin project against an empty offline database: the run touches no network.
const work = mkdtempSync(path.join(tmpdir(), 'pyaudit-cold-'))
writeFileSync(path.join(work, 'requirements.txt'), 'requests==2.19.0\n')
mkdirSync(path.join(work, 'advisories'))

// Only PATH and HOME: a variable such as NODE_EXTRA_CA_CERTS (set on this machine) adds
// ~40 ms to every Node start, which is the machine's cost, not ours.
const baseEnv = { PATH: process.env.PATH, HOME: work }
const cliArgs = [bundle, '--advisory-db', 'advisories', '--max-db-age', '0', 'requirements.txt']
const actionEnv = {
  ...baseEnv,
  GITHUB_ACTIONS: 'true',
  GITHUB_WORKSPACE: work,
  INPUT_PATHS: 'requirements.txt',
  'INPUT_ADVISORY-DB': 'advisories',
  'INPUT_MAX-DB-AGE': '0',
  'INPUT_UPLOAD-ARTIFACT': 'false',
  INPUT_COMMENT: 'never'
}

interface Case {
  name: string
  args: string[]
  env: NodeJS.ProcessEnv
}

const cases: Case[] = [
  { name: 'node -e 0 (Node itself, baseline)', args: ['-e', '0'], env: baseEnv },
  { name: 'dist/index.js --help', args: [bundle, '--help'], env: baseEnv },
  { name: 'CLI run, one pin, offline', args: cliArgs, env: baseEnv },
  { name: 'action run, one pin, offline', args: [bundle], env: actionEnv }
]

interface Timing {
  /** From spawn to the first byte on stdout or stderr (to exit when it prints nothing). */
  firstLine: number
  exit: number
}

function once({ args, env }: Case): Promise<Timing> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    let firstLine: number | undefined
    const child = spawn(process.execPath, args, { env, cwd: work })
    const mark = (): void => {
      firstLine ??= performance.now() - started
    }
    child.stdout.on('data', mark)
    child.stderr.on('data', mark)
    child.on('error', reject)
    child.on('close', () => {
      const exit = performance.now() - started
      resolve({ firstLine: firstLine ?? exit, exit })
    })
  })
}

/** The dist/ files a run loads, from Node's own ESM loader trace. */
function loadedFiles({ args, env }: Case): Promise<string[]> {
  return new Promise(resolve => {
    const child = spawn(process.execPath, args, { env: { ...env, NODE_DEBUG: 'esm' }, cwd: work })
    let trace = ''
    child.stderr.on('data', chunk => (trace += chunk))
    child.stdout.resume()
    child.on('close', () => {
      const files = trace.match(/dist\/[\w.]+\.js/g) ?? []
      resolve([...new Set(files.map(file => path.basename(file)))])
    })
  })
}

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KiB`
const sizeOf = (file: string): number => statSync(path.join(dist, file)).size
const median = (values: number[]): number => values.sort((a, b) => a - b)[values.length >> 1]!

const timings = new Map<Case, Timing[]>(cases.map(c => [c, []]))
// Interleaved, so a burst of load on the machine does not land on one case only.
for (let i = 0; i < runs; i++) {
  for (const c of cases) timings.get(c)!.push(await once(c))
}

const total = readdirSync(dist)
  .filter(file => file.endsWith('.js'))
  .reduce((sum, file) => sum + sizeOf(file), 0)
console.log(`median of ${runs} runs; dist/ holds ${kib(total)} of JavaScript\n`)
console.log(
  `${'case'.padEnd(38)}${'first line ms'.padStart(14)}${'exit ms'.padStart(9)}${'JS loaded'.padStart(12)}`
)
for (const c of cases) {
  const all = timings.get(c)!
  const loaded =
    c.args[0] === bundle ? (await loadedFiles(c)).reduce((s, f) => s + sizeOf(f), 0) : 0
  console.log(
    `${c.name.padEnd(38)}${median(all.map(t => t.firstLine))
      .toFixed(0)
      .padStart(14)}` +
      `${median(all.map(t => t.exit))
        .toFixed(0)
        .padStart(9)}${(loaded ? kib(loaded) : '-').padStart(12)}`
  )
}
rmSync(work, { recursive: true, force: true })
