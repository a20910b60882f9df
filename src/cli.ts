import * as path from 'node:path'
import { parseConfig, type Config, type InputReader } from './config/config.js'
import { INPUT_NAMES, inputRow } from './config/inputs.js'
import { nearest } from './config/suggest.js'
import { API_KEY_VARIABLE, usage } from './config/usage.js'
import { describeError } from './shared/describe-error.js'
import { sendSbomToDependencyTrack } from './integrations/dependency-track/run.js'
import { NO_CACHE_STORE } from './pipeline/open-feed.js'
import { runAudit, type EngineRun } from './pipeline/run-audit.js'
import { newRunProgress } from './pipeline/run-error.js'
import { InputError } from './shared/errors.js'
import type { Logger } from './shared/log.js'
import { renderDependencyTrackLines } from './integrations/dependency-track/terminal.js'
import { plainText, renderTerminal } from './report/terminal.js'
import { sarifAutomationId } from './report/writers.js'
import { TOOL } from './tool.js'

export const EXIT_CLEAN = 0
export const EXIT_FINDINGS = 1
export const EXIT_ERROR = 2

export { API_KEY_VARIABLE } from './config/usage.js'

const isBoolean = (name: string): boolean => inputRow(name)?.kind.type === 'boolean'

/** Turns argv into input values keyed by the action's input names. */
export function parseArguments(argv: string[]): Map<string, string> | 'help' | 'version' {
  const values = new Map<string, string>()
  const add = (name: string, value: string): void => {
    const repeatable = inputRow(name)?.kind.type === 'list'
    if (repeatable && values.has(name)) values.set(name, `${values.get(name)}\n${value}`)
    else values.set(name, value)
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? ''
    if (arg === '--help' || arg === '-h') return 'help'
    if (arg === '--version') return 'version'
    if (!arg.startsWith('--')) {
      add('paths', arg)
      continue
    }
    const [flag = '', inlineValue] = splitOnce(arg.slice(2), '=')
    if (flag.startsWith('no-') && isBoolean(flag.slice(3)) && inlineValue === undefined) {
      values.set(flag.slice(3), 'false')
      continue
    }
    if (inputRow(flag) === undefined) throw unknownOption(flag)
    if (isBoolean(flag) && inlineValue === undefined && !isBooleanWord(argv[i + 1])) {
      values.set(flag, 'true')
      continue
    }
    const value = inlineValue ?? argv[++i]
    if (value === undefined) throw new InputError(`--${flag}`, 'needs a value')
    add(flag, value)
  }
  return values
}

function unknownOption(flag: string): InputError {
  const flags = [
    ...INPUT_NAMES,
    ...INPUT_NAMES.filter(isBoolean).map(name => `no-${name}`),
    'help',
    'version'
  ]
  const suggestion = nearest(flag, flags)
  return new InputError(
    `--${flag}`,
    `unknown option (see --help)${suggestion ? `; did you mean --${suggestion}?` : ''}`
  )
}

/**
 * Warnings for flags that only the action on a runner acts on, in the order given; a flag
 * that asks for nothing (--comment never, --no-upload-artifact) is quiet.
 */
export function runnerOnlyWarnings(values: Map<string, string>): string[] {
  return [...values.entries()]
    .filter(([name, given]) => {
      const runnerOnly = inputRow(name)?.runnerOnly
      const value = given.trim().toLowerCase()
      return runnerOnly !== undefined && value !== '' && value !== runnerOnly.quiet
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
  const progress = newRunProgress()
  try {
    const parsed = parseArguments(argv)
    if (parsed === 'help' || parsed === 'version') {
      // The --help text (every input as a flag, grouped, with its default) is made only when
      // asked for: ~1 ms of every run's start, before its first request, otherwise.
      process.stdout.write(parsed === 'help' ? usage() : `${TOOL.name} ${TOOL.version}\n`)
      return EXIT_CLEAN
    }
    const config = parseConfig(
      cliInputs(parsed, process.env),
      { cwd: process.cwd(), env: process.env },
      'cli'
    )
    runnerOnlyWarnings(parsed).forEach(message => logger.warning(message))
    const run = await runAudit(config, logger, {
      env: process.env,
      cacheStore: NO_CACHE_STORE,
      sarifAutomationId: sarifAutomationId(
        path.relative(config.repositoryRoot, config.workingDirectory)
      ),
      progress
    })
    run.warnings.forEach(message => logger.warning(message))
    run.notices.forEach(message => logger.info(message))
    process.stdout.write(renderTerminal(run.outcome, { repositoryRoot: config.repositoryRoot }))
    const verdict = run.outcome.result === 'fail' ? EXIT_FINDINGS : EXIT_CLEAN
    // Like the action, a failed upload does not hide the verdict printed above: it follows it.
    return (await uploadSbom(config, run, logger)) ? verdict : EXIT_ERROR
  } catch (error) {
    // What went wrong, then, once the audit had started, what was and was not checked (the
    // action's summary says the same). A refused flag or value needs only its message.
    const failure = progress.error
    const lines = [
      `error: ${failure?.message ?? describeError(error)}`,
      ...(failure?.checked ?? []).map(line => `checked: ${line}`),
      ...(failure?.notChecked ?? []).map(line => `not checked: ${line}`)
    ]
    process.stderr.write(lines.map(line => `${plainText(line)}\n`).join(''))
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
