/**
 * Running git: an argument array (never a shell), a timeout, and no prompt. Everything here
 * reads the repository or fetches one commit; nothing touches the work tree or the index.
 */
import { PyauditError } from '../../shared/errors.js'
import { excerpt, redactCredentials } from '../../shared/text.js'

export interface GitOptions {
  /** A directory inside the clone. */
  cwd: string
  /** The run's environment (passed in, never read from process.env here). */
  env: NodeJS.ProcessEnv
  timeoutMs?: number
  /** Written to git's standard input, which is then closed. */
  input?: string
  /** Bytes of standard output accepted before git is stopped. */
  maxOutputBytes?: number
}

export interface GitResult {
  exitCode: number
  stdout: Buffer
  stderr: string
}

/** git could not be run at all, or did not finish in time. */
export class GitError extends PyauditError {
  override readonly name = 'GitError'
}

const DEFAULT_TIMEOUT_MS = 60_000
const DEFAULT_MAX_OUTPUT = 64 * 1024 * 1024

/**
 * Runs `git <args>` and resolves with its exit code and output, whatever the exit code. Rejects
 * with a GitError when git is missing, is stopped by the timeout, or writes too much.
 */
export async function runGit(args: readonly string[], options: GitOptions): Promise<GitResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const activity = `git ${args[0] ?? ''}`.trim()
  // Loaded when git first runs (~0.5 ms): every run loads this module, since the configuration
  // checks base-ref with base-commit.ts, while few runs call git.
  const { execFile } = await import('node:child_process')
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      [...args],
      {
        cwd: options.cwd,
        // A fetch that needs credentials it does not have fails instead of waiting for a prompt.
        env: { ...options.env, GIT_TERMINAL_PROMPT: '0', GCM_INTERACTIVE: 'never' },
        timeout: timeoutMs,
        maxBuffer: options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT,
        windowsHide: true,
        encoding: 'buffer'
      },
      (error, stdout, stderr) => {
        const errorText = stderr.toString('utf8')
        if (!error) return resolve({ exitCode: 0, stdout, stderr: errorText })
        const failure = error as NodeJS.ErrnoException & { killed?: boolean; code?: unknown }
        if (failure.code === 'ENOENT') return reject(new GitError('git was not found on PATH'))
        if (failure.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
          return reject(new GitError(`${activity} wrote more than the output limit`))
        }
        if (failure.killed) {
          return reject(
            new GitError(`${activity} did not finish within ${timeoutMs / 1000} s and was stopped`)
          )
        }
        if (typeof failure.code === 'number') {
          return resolve({ exitCode: failure.code, stdout, stderr: errorText })
        }
        reject(new GitError(`${activity} could not be run: ${failure.message}`))
      }
    )
    child.stdin?.on('error', () => {}) // git may exit before reading all of its input
    child.stdin?.end(options.input ?? '')
  })
}

/**
 * git's complaint, on one line, without credentials, for a warning a user reads: its first
 * `fatal:` or `error:` line (the advice after it, "Please make sure you have the correct access
 * rights...", says less), else its last line.
 */
export function gitComplaint(result: GitResult): string {
  const lines = result.stderr.split(/\r?\n/).filter(line => line.trim() !== '')
  const line =
    lines.find(text => /^(fatal|error): /.test(text)) ??
    lines.at(-1) ??
    `exit code ${result.exitCode}`
  return excerpt(redactCredentials(line.replace(/^(fatal|error): /, '')), 200)
}
