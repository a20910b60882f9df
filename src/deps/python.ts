/**
 * Finding and running the user's Python interpreter. Everything goes through execFile with an
 * argument array (no shell) and a timeout.
 *
 * Asking the interpreter about itself runs `python -E -c <script>` where the script touches
 * only the built-in `sys` module, so nothing is imported from the working directory or the
 * project (sys.path[0] is added only after `site` has run, and `sys` is never looked up on
 * sys.path). `-E` drops PYTHONPATH and the other PYTHON* variables, as pip-licenses drops
 * PYTHONPATH; unlike `-I` it keeps the user site-packages, which a normal run imports from.
 */
import { execFile } from 'node:child_process'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { InputError, PyauditError } from '../shared/errors.js'

/** The input name used in error messages. */
export const PYTHON_INPUT = 'python'

export interface InterpreterInfo {
  /** What to execute: an absolute path, or a bare command name found on PATH. */
  command: string
  /** sys.executable as the interpreter reports it. */
  executable: string
  /** PEP 508 python_full_version, e.g. '3.11.7' or '3.13.0rc1'. */
  version: string
  prefix: string
  /** sys.path without the '' entry (the current directory of whatever runs later). */
  sysPath: string[]
}

export interface RunOptions {
  cwd?: string
  env?: NodeJS.ProcessEnv
  timeoutMs?: number
}

export interface RunLabels {
  /** How errors name the interpreter: what the user gave as input `python`. */
  displayName?: string
  /** What was being run, for the timeout message (e.g. 'pip install --dry-run'). */
  activity?: string
}

export interface RunResult {
  exitCode: number
  stdout: string
  stderr: string
}

const DEFAULT_TIMEOUT_MS = 60_000
const MARKER = 'pyaudit-python-info-v1'
const INFO_SCRIPT = [
  'import sys',
  'v = sys.version_info',
  "level = {'alpha': 'a', 'beta': 'b', 'candidate': 'rc'}.get(v[3], '')",
  "version = '%d.%d.%d' % tuple(v[:3]) + (level + str(v[4]) if level else '')",
  `fields = ['${MARKER}', version, sys.executable or '', sys.prefix] + [p for p in sys.path if p]`,
  "sys.stdout.buffer.write('\\0'.join(fields).encode('utf-8', 'surrogateescape'))"
].join('\n')

/**
 * Runs the interpreter with `args`. Resolves with the exit code and output whatever the exit
 * code; rejects with an InputError when it cannot be started and a PyauditError on timeout.
 */
export function runPython(
  command: string,
  args: string[],
  options: RunOptions & RunLabels = {}
): Promise<RunResult> {
  const displayName = options.displayName ?? command
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      {
        cwd: options.cwd,
        env: options.env ?? process.env,
        timeout: timeoutMs,
        maxBuffer: 64 * 1024 * 1024,
        windowsHide: true,
        encoding: 'utf8'
      },
      (error, stdout, stderr) => {
        if (!error) return resolve({ exitCode: 0, stdout, stderr })
        const failure = error as NodeJS.ErrnoException & { killed?: boolean; code?: unknown }
        if (failure.code === 'ENOENT') {
          return reject(new InputError(PYTHON_INPUT, `${displayName} was not found`))
        }
        if (failure.code === 'EACCES') {
          return reject(new InputError(PYTHON_INPUT, `${displayName} is not executable`))
        }
        if (failure.killed) {
          return reject(
            new PyauditError(
              `${options.activity ?? displayName} did not finish within ${timeoutMs / 1000} s and was stopped`
            )
          )
        }
        if (typeof failure.code === 'number')
          return resolve({ exitCode: failure.code, stdout, stderr })
        reject(new InputError(PYTHON_INPUT, `${displayName} could not be run: ${failure.message}`))
      }
    )
  })
}

/**
 * The command to run for an interpreter path, a virtualenv directory (`bin/python`, or
 * `Scripts/python.exe` on Windows) or a bare command name looked up on PATH.
 */
export async function locateInterpreter(
  pythonOrVenv: string,
  cwd = process.cwd()
): Promise<string> {
  if (pythonOrVenv.trim() === '') throw new InputError(PYTHON_INPUT, 'is empty')
  const absolute = path.resolve(cwd, pythonOrVenv)
  const stat = await fs.stat(absolute).catch(() => undefined)
  if (stat?.isDirectory()) {
    for (const candidate of interpreterCandidates()) {
      const file = path.join(absolute, candidate)
      if ((await fs.stat(file).catch(() => undefined))?.isFile()) return file
    }
    throw new InputError(
      PYTHON_INPUT,
      `${pythonOrVenv} is a directory without ${interpreterCandidates()[0]}: not a virtual environment`
    )
  }
  if (stat) return absolute
  const bareName = !pythonOrVenv.includes('/') && !pythonOrVenv.includes(path.sep)
  if (bareName) return pythonOrVenv
  throw new InputError(PYTHON_INPUT, `${pythonOrVenv} was not found`)
}

function interpreterCandidates(): string[] {
  return process.platform === 'win32'
    ? ['Scripts\\python.exe', 'python.exe']
    : ['bin/python', 'bin/python3']
}

/** Asks the interpreter (or the virtualenv's) for its version, executable and sys.path. */
export async function inspectInterpreter(
  pythonOrVenv: string,
  options: RunOptions = {}
): Promise<InterpreterInfo> {
  const command = await locateInterpreter(pythonOrVenv, options.cwd)
  const result = await runPython(command, ['-E', '-c', INFO_SCRIPT], {
    ...options,
    displayName: pythonOrVenv
  })
  const fields = result.stdout.split('\0')
  if (result.exitCode !== 0 || fields[0] !== MARKER || fields.length < 4) {
    const detail = lastLines(result.stderr, 3)
    throw new InputError(
      PYTHON_INPUT,
      `${pythonOrVenv} is not a working Python 3 interpreter${detail ? `: ${detail}` : ''}`
    )
  }
  const [, version, executable, prefix, ...sysPath] = fields as [string, string, string, string]
  return { command, version, executable, prefix, sysPath }
}

/** python_full_version of the interpreter, for marker evaluation (e.g. '3.11.7'). */
export async function pythonVersionOf(python: string, options: RunOptions = {}): Promise<string> {
  return (await inspectInterpreter(python, options)).version
}

export function lastLines(text: string, count: number): string {
  return text
    .split(/\r?\n/)
    .filter(line => line.trim() !== '')
    .slice(-count)
    .join('\n')
}
