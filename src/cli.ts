import { INPUT_DEFAULTS, parseConfig, type Config, type InputReader } from './config/config.js'
import { describeError } from './shared/describe-error.js'
import { sendSbomToDependencyTrack } from './integrations/dependency-track/run.js'
import { NO_CACHE_STORE } from './pipeline/open-feed.js'
import { runAudit, type EngineRun } from './pipeline/run-audit.js'
import { InputError } from './shared/errors.js'
import type { Logger } from './shared/log.js'
import { renderDependencyTrackLines } from './integrations/dependency-track/terminal.js'
import { plainText, renderTerminal } from './report/terminal.js'

export const EXIT_CLEAN = 0
export const EXIT_FINDINGS = 1
export const EXIT_ERROR = 2

const BOOLEAN_INPUTS = new Set(
  Object.entries(INPUT_DEFAULTS)
    .filter(([, value]) => value === 'true' || value === 'false')
    .map(([name]) => name)
)
const LIST_INPUTS = new Set(['paths', 'ignore-vulns', 'extra-index-url'])
/** Inputs that only the action on a runner acts on, each with the value that asks for nothing. */
const RUNNER_ONLY_INPUTS: Readonly<Record<string, string | undefined>> = {
  comment: 'never',
  'upload-artifact': 'false',
  'artifact-name': undefined,
  'retention-days': undefined,
  'github-token': undefined
}
/** A secret on the command line would be in shell history and in `ps`; the environment is not. */
export const API_KEY_VARIABLE = 'DEPENDENCY_TRACK_API_KEY'

export const USAGE = `Usage: pyaudit [options] [paths...]

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
  --license-fail-on 'GPL;General Public License' --license-partial-match
                              fail on GPL, LGPL and AGPL however spelled (without
                              --license-partial-match, names must match whole)
  --license-allow-only 'MIT;BSD-3-Clause;Apache-2.0'
  --report FILE  --sbom FILE  --sarif FILE   write the JSON report, CycloneDX SBOM, SARIF
  --no-fail-on-vulnerability  exit 0 even when vulnerabilities are found
  --dependency-track-url URL  upload the SBOM to Dependency-Track, with the API key from the
                              ${API_KEY_VARIABLE} environment variable (a
                              --dependency-track-api-key flag would leave the key in shell
                              history and in ps)
  --dependency-track-project NAME  --dependency-track-version VERSION
                              the project to upload to; outside a GitHub workflow the name is
                              required (or --dependency-track-project-uuid)
  --dependency-track-wait     wait for processing, then list its findings and policy violations
  --help                      show this text

--comment, --upload-artifact, --artifact-name, --retention-days and --github-token act only
in the GitHub Action; given here, each is ignored with a warning.

Exit codes: 0 passed, 1 failed (findings or violations), 2 error. A Dependency-Track upload
that fails is an error (2), reported after the audit's verdict.
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

/** Warnings for flags that only the action on a runner acts on; a flag that asks for nothing is quiet. */
export function runnerOnlyWarnings(values: Map<string, string>): string[] {
  return Object.entries(RUNNER_ONLY_INPUTS)
    .filter(([name, off]) => {
      const value = values.get(name)?.trim().toLowerCase() ?? ''
      return value !== '' && value !== off
    })
    .map(([name]) => `--${name} applies only to the GitHub Action on a runner; ignored here`)
}

/**
 * The flags as action inputs. The API key may come from the environment instead of a flag, but
 * only when a server is given: a key exported in a shell profile must not break plain audits.
 */
export function cliInputs(values: Map<string, string>, env: NodeJS.ProcessEnv): InputReader {
  const url = values.get('dependency-track-url')?.trim() ?? ''
  const apiKey =
    values.get('dependency-track-api-key')?.trim() || (url ? env[API_KEY_VARIABLE]?.trim() : '')
  if (url && !apiKey) {
    throw new InputError(
      'dependency-track-api-key',
      `is required with --dependency-track-url: set the ${API_KEY_VARIABLE} environment variable`
    )
  }
  return name => (name === 'dependency-track-api-key' ? (apiKey ?? '') : (values.get(name) ?? ''))
}

export async function runCli(argv: string[]): Promise<number> {
  // Messages may quote files and servers: no escape sequences reach the terminal.
  const logger: Logger = {
    debug: () => {},
    info: message => process.stderr.write(`${plainText(message)}\n`),
    warning: message => process.stderr.write(`warning: ${plainText(message)}\n`)
  }
  try {
    const parsed = parseArguments(argv)
    if (parsed === 'help') {
      process.stdout.write(USAGE)
      return EXIT_CLEAN
    }
    const config = parseConfig(
      cliInputs(parsed, process.env),
      { cwd: process.cwd(), env: process.env },
      'cli'
    )
    runnerOnlyWarnings(parsed).forEach(message => logger.warning(message))
    const run = await runAudit(config, logger, { env: process.env, cacheStore: NO_CACHE_STORE })
    run.warnings.forEach(message => logger.warning(message))
    run.notices.forEach(message => logger.info(message))
    process.stdout.write(renderTerminal(run.outcome))
    const verdict = run.outcome.result === 'fail' ? EXIT_FINDINGS : EXIT_CLEAN
    // Like the action, a failed upload does not hide the verdict printed above: it follows it.
    return (await uploadSbom(config, run, logger)) ? verdict : EXIT_ERROR
  } catch (error) {
    process.stderr.write(`error: ${plainText(describeError(error))}\n`)
    return EXIT_ERROR
  }
}

/** True when there was nothing to upload or the upload succeeded; the outcome goes to stderr. */
async function uploadSbom(config: Config, run: EngineRun, logger: Logger): Promise<boolean> {
  const url = config.dependencyTrack?.url
  if (!url) return true
  try {
    // The client's progress lines would repeat the outcome printed below.
    const quiet = { ...logger, info: () => {} }
    const upload = await sendSbomToDependencyTrack(config, run.sbom, quiet, process.env)
    if (upload) {
      const lines = renderDependencyTrackLines(upload.result, upload.project)
      process.stderr.write(`${lines.join('\n')}\n`)
    }
    return true
  } catch (error) {
    const message = describeError(error)
    const named = message.includes(url) ? message : `Dependency-Track at ${url}: ${message}`
    process.stderr.write(`error: ${plainText(named)}\n`)
    return false
  }
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator)
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)]
}

function isBooleanWord(value: string | undefined): boolean {
  return value !== undefined && /^(true|false)$/i.test(value)
}
