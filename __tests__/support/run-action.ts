import { spawn } from 'node:child_process'
import * as fs from 'node:fs/promises'
import * as os from 'node:os'
import * as path from 'node:path'
import { pathToFileURL } from 'node:url'

const repoRoot = path.resolve(import.meta.dirname, '..', '..')
// Resolved from the repository, not from the child's working directory (a temporary workspace).
const tsxLoader = pathToFileURL(
  path.join(repoRoot, 'node_modules', 'tsx', 'dist', 'loader.mjs')
).href

/**
 * The node arguments that start src/index.ts: its build for this test run (made once by
 * global-setup.js), or, outside jest, the source itself through tsx's loader.
 */
export function entryArguments(): string[] {
  const build = process.env.PYAUDIT_TEST_BUILD
  if (build) return [path.join(build, 'index.js')]
  return ['--import', tsxLoader, path.join(repoRoot, 'src', 'index.ts')]
}

/**
 * A module of src/ for a child process to import (`net/http` for src/net/http.ts): the file
 * URL of its build for this test run, with no node arguments; outside jest, the source's URL
 * and the arguments that load tsx's loader.
 */
export function srcModule(name: string): { url: string; nodeArguments: string[] } {
  const build = process.env.PYAUDIT_TEST_BUILD
  if (build) return { url: pathToFileURL(path.join(build, `${name}.js`)).href, nodeArguments: [] }
  return {
    url: pathToFileURL(path.join(repoRoot, 'src', `${name}.ts`)).href,
    nodeArguments: ['--import', tsxLoader]
  }
}

export interface ActionRun {
  exitCode: number | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  workspace: string
  durationMs: number
}

/** Runs src/index.ts as its own process, exactly as a runner would: inputs as INPUT_* variables. */
export async function runAction(
  inputs: Record<string, string>,
  options: { workspace: string; env?: NodeJS.ProcessEnv; args?: string[] }
): Promise<ActionRun> {
  const runnerTemp = await fs.mkdtemp(path.join(os.tmpdir(), 'pyaudit-runner-'))
  const outputFile = path.join(runnerTemp, 'output.txt')
  const summaryFile = path.join(runnerTemp, 'summary.md')
  await fs.writeFile(outputFile, '')
  await fs.writeFile(summaryFile, '')
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: runnerTemp,
    // As on a runner, and keeps the advisory cache and offline index out of the user's home.
    RUNNER_TOOL_CACHE: path.join(runnerTemp, 'tool-cache'),
    ...options.env
  }
  // Package checks ask PyPI unless told otherwise, and no test reaches the internet: a test of
  // them says `package-checks` and serves an index of its own.
  const given = { 'package-checks': 'false', ...inputs }
  for (const [name, value] of Object.entries(given)) env[`INPUT_${name.toUpperCase()}`] = value
  const started = performance.now()
  const child = spawn(process.execPath, [...entryArguments(), ...(options.args ?? [])], {
    cwd: options.workspace,
    env
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', chunk => (stdout += chunk))
  child.stderr.on('data', chunk => (stderr += chunk))
  const exitCode = await new Promise<number | null>(resolve =>
    child.on('close', code => resolve(code))
  )
  const durationMs = performance.now() - started
  const outputs = parseOutputFile(await fs.readFile(outputFile, 'utf8'))
  const summary = await fs.readFile(summaryFile, 'utf8')
  await fs.rm(runnerTemp, { recursive: true, force: true })
  return { exitCode, stdout, stderr, outputs, summary, workspace: options.workspace, durationMs }
}

/** The GITHUB_OUTPUT file format: `name<<DELIMITER\nvalue\nDELIMITER`. */
function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const pattern = /^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm
  for (const match of text.matchAll(pattern)) outputs[match[1] ?? ''] = match[3] ?? ''
  return outputs
}

export async function makeWorkspace(files: Record<string, string>): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pyaudit-ws-'))
  for (const [name, content] of Object.entries(files)) {
    await fs.mkdir(path.dirname(path.join(dir, name)), { recursive: true })
    await fs.writeFile(path.join(dir, name), content)
  }
  return dir
}
