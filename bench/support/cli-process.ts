/**
 * Runs the built CLI (`node dist/index.js`) as its own process for whole-process benchmarks.
 * The child gets only PATH and HOME: a variable such as NODE_EXTRA_CA_CERTS makes every Node
 * start measurably slower and would be timed as ours. Asynchronous on purpose: a stand-in OSV
 * server in the benchmark's process must keep answering while the child runs.
 */
import { spawn } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'

const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..')
const GNU_TIME = '/usr/bin/time'

export interface CliRun {
  wallMs: number
  /** Peak resident set size of the child, when measured (`memory: true`), else NaN. */
  maxRssMb: number
  /** User + system CPU time of the child, when measured, else NaN. */
  cpuMs: number
  exitCode: number
  stderr: string
}

export interface CliOptions {
  cwd: string
  /** HOME of the child: a scratch folder, so no user configuration or cache leaks in. */
  home: string
  /** Measure peak RSS and CPU time with GNU time (adds a process between us and Node). */
  memory?: boolean
  /** Exit codes that count as a run; 1 (findings) by default too. */
  accept?: readonly number[]
}

/**
 * dist/index.js of `repo` (this checkout by default), or an error telling to build it; warns
 * when its src/ has changed since.
 */
export function builtBundle(repo: string = REPO_ROOT): string {
  const bundle = path.join(repo, 'dist', 'index.js')
  if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run npm run build first`)
  if (newestFile(path.join(repo, 'src')) > statSync(bundle).mtimeMs) {
    console.log(
      '(warning: src/ is newer than dist/index.js; npm run build to measure the current code)'
    )
  }
  return bundle
}

/**
 * One run of `node <bundle> ...args`; rejects when it exits with a code not accepted. Package
 * checks are off: the baselines look up advisories only, and PyPI is not reachable here.
 */
export function runCli(bundle: string, args: string[], options: CliOptions): Promise<CliRun> {
  const measured = options.memory === true && existsSync(GNU_TIME)
  const node = [process.execPath, bundle, '--package-checks', 'false', ...args]
  const [command, ...rest] = measured
    ? [GNU_TIME, '-f', 'PYAUDIT_BENCH_RSS_KB=%M PYAUDIT_BENCH_CPU_S=%U+%S', ...node]
    : node
  const accept = options.accept ?? [0, 1]
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(command as string, rest, {
      cwd: options.cwd,
      env: { PATH: process.env.PATH, HOME: options.home },
      stdio: ['ignore', 'ignore', 'pipe']
    })
    let stderr = ''
    child.stderr.on('data', chunk => (stderr += chunk))
    child.on('error', reject)
    child.on('close', code => {
      const wallMs = performance.now() - started
      const exitCode = code ?? -1
      if (!accept.includes(exitCode)) {
        reject(
          new Error(`pyaudit exited ${exitCode} in ${options.cwd}: ${stderr.trim().slice(-800)}`)
        )
        return
      }
      const rss = /PYAUDIT_BENCH_RSS_KB=(\d+)/.exec(stderr)
      const cpu = /PYAUDIT_BENCH_CPU_S=([\d.]+)\+([\d.]+)/.exec(stderr)
      resolve({
        wallMs,
        maxRssMb: rss ? Number(rss[1]) / 1024 : NaN,
        cpuMs: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : NaN,
        exitCode,
        stderr
      })
    })
  })
}

/** The run with the median wall time of `runs` runs made one after another. */
export async function medianRun<T extends { wallMs: number }>(
  runs: number,
  run: (attempt: number) => Promise<T>
): Promise<T> {
  const results: T[] = []
  for (let attempt = 0; attempt < runs; attempt++) results.push(await run(attempt))
  results.sort((a, b) => a.wallMs - b.wallMs)
  return results[Math.floor(results.length / 2)] as T
}

function newestFile(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs)
  }
  return newest
}
