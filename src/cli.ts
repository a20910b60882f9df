import { vulnerabilityCount } from './audit.js'
import { INPUT_DEFAULTS, parseConfig } from './config.js'
import { describeError } from './describe-error.js'
import { runAudit } from './engine.js'
import { InputError } from './errors.js'
import type { Logger } from './log.js'
import { renderTerminal } from './report/terminal.js'

export const EXIT_CLEAN = 0
export const EXIT_FINDINGS = 1
export const EXIT_ERROR = 2

const BOOLEAN_INPUTS = new Set(
  Object.entries(INPUT_DEFAULTS)
    .filter(([, value]) => value === 'true' || value === 'false')
    .map(([name]) => name)
)
const LIST_INPUTS = new Set(['paths'])

const USAGE = `Usage: pyaudit [options] [paths...]

Audits Python dependency files for known vulnerabilities. Flags mirror the action's inputs:
  --paths FILE|DIR          a requirements file, lockfile or directory (repeatable; also positional)
  --working-directory DIR   resolve relative paths here (default: .)
  --advisory-db PATH        offline OSV database (directory or all.zip); no network is used
  --osv-url URL             OSV API (default: https://api.osv.dev)
  --python-version X.Y      target Python for environment markers (default: 3.12)
  --report FILE             write the JSON report (pip-audit's schema) here
  --no-fail-on-vulnerability  exit 0 even when vulnerabilities are found
  --help                    show this text

Exit codes: 0 no known vulnerabilities, 1 vulnerabilities found, 2 error.
`

/** Turns argv into input values keyed by the action's input names. */
export function parseArguments(argv: string[]): Map<string, string> | 'help' {
  const values = new Map<string, string>()
  const add = (name: string, value: string): void => {
    if (LIST_INPUTS.has(name) && values.has(name)) values.set(name, `${values.get(name)}\n${value}`)
    else values.set(name, value)
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? ''
    if (arg === '--help' || arg === '-h') return 'help'
    if (!arg.startsWith('--')) {
      add('paths', arg)
      continue
    }
    const [flag = '', inlineValue] = splitOnce(arg.slice(2), '=')
    if (flag.startsWith('no-') && BOOLEAN_INPUTS.has(flag.slice(3)) && inlineValue === undefined) {
      values.set(flag.slice(3), 'false')
      continue
    }
    if (!(flag in INPUT_DEFAULTS)) throw new InputError(`--${flag}`, 'unknown option (see --help)')
    if (BOOLEAN_INPUTS.has(flag) && inlineValue === undefined && !isBooleanWord(argv[i + 1])) {
      values.set(flag, 'true')
      continue
    }
    const value = inlineValue ?? argv[++i]
    if (value === undefined) throw new InputError(`--${flag}`, 'needs a value')
    add(flag, value)
  }
  return values
}

export async function runCli(argv: string[]): Promise<number> {
  const logger: Logger = {
    debug: () => {},
    info: message => process.stderr.write(`${message}\n`),
    warning: message => process.stderr.write(`warning: ${message}\n`)
  }
  try {
    const parsed = parseArguments(argv)
    if (parsed === 'help') {
      process.stdout.write(USAGE)
      return EXIT_CLEAN
    }
    const config = parseConfig(
      name => parsed.get(name) ?? '',
      { cwd: process.cwd(), env: process.env },
      'cli'
    )
    const { result } = await runAudit(config, logger)
    process.stdout.write(renderTerminal(result))
    return vulnerabilityCount(result) > 0 && config.failOnVulnerability ? EXIT_FINDINGS : EXIT_CLEAN
  } catch (error) {
    process.stderr.write(`error: ${describeError(error)}\n`)
    return EXIT_ERROR
  }
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator)
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)]
}

function isBooleanWord(value: string | undefined): boolean {
  return value !== undefined && /^(true|false)$/i.test(value)
}
