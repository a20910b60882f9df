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
const LIST_INPUTS = new Set(['paths', 'ignore-vulns', 'extra-index-url'])

const USAGE = `Usage: pyaudit [options] [paths...]

Audits Python dependencies for known vulnerabilities and license problems. Every action input
is a flag of the same name (--name value, --name=value; booleans also --name / --no-name).
The most used:
  --paths FILE|DIR            requirements file, lockfile, pyproject.toml or directory (repeatable; also positional)
  --working-directory DIR     resolve relative paths here (default: .)
  --python PATH               audit this interpreter's or virtualenv's installed packages
  --resolve pip               resolve ranges to the exact set pip would install (runs pip; may build sdists)
  --advisory-db PATH          offline OSV database (directory or all.zip); no network is used
  --vulnerability-service S   osv (default) or pypi
  --fail-on-severity LEVEL    low (default), medium, high or critical
  --ignore-vulns ID           ignore an advisory (repeat the flag for more)
  --license-fail-on 'GPL;AGPL'   --license-allow-only 'MIT;BSD-3-Clause;Apache-2.0'
  --report FILE  --sbom FILE  --sarif FILE   write the JSON report, CycloneDX SBOM, SARIF
  --no-fail-on-vulnerability  exit 0 even when vulnerabilities are found
  --help                      show this text

Exit codes: 0 passed, 1 failed (findings or violations), 2 error.
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
    const run = await runAudit(config, logger)
    run.warnings.forEach(message => logger.warning(message))
    run.notices.forEach(message => logger.info(message))
    process.stdout.write(renderTerminal(run.outcome))
    return run.outcome.result === 'fail' ? EXIT_FINDINGS : EXIT_CLEAN
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
