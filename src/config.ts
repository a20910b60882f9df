import * as path from 'node:path'
import * as os from 'node:os'
import { InputError } from './errors.js'

/** Reads one raw input by its action.yml name ('' when unset). Actions and the CLI both provide one. */
export type InputReader = (name: string) => string

/** Everything a run needs, parsed and validated once from the inputs. */
export interface Config {
  /** Absolute directory that relative paths are resolved against. */
  workingDirectory: string
  /** Absolute root that annotation paths are made relative to (the repository checkout). */
  repositoryRoot: string
  /** Absolute files or directories to read; empty means auto-detect in workingDirectory. */
  paths: string[]
  osvUrl: string
  /** Absolute path of an offline OSV database (directory or zip); when set, no network is used. */
  advisoryDb?: string
  /** Absolute path the JSON report is written to; undefined for a CLI run that asked for none. */
  reportPath?: string
  /** Target Python for environment markers, e.g. '3.12'. */
  pythonVersion: string
  failOnVulnerability: boolean
  uploadArtifact: boolean
}

/** The inputs this version understands, with their defaults (kept in step with action.yml by a test). */
export const INPUT_DEFAULTS: Readonly<Record<string, string>> = {
  paths: '',
  'working-directory': '.',
  'osv-url': 'https://api.osv.dev',
  'advisory-db': '',
  report: '',
  'python-version': '3.12',
  'fail-on-vulnerability': 'true',
  'upload-artifact': 'true'
}

export interface ConfigEnvironment {
  cwd: string
  env: NodeJS.ProcessEnv
}

/** 'action' writes the report under RUNNER_TEMP by default; 'cli' only where asked. */
export type RunMode = 'action' | 'cli'

export function parseConfig(
  read: InputReader,
  environment: ConfigEnvironment,
  mode: RunMode
): Config {
  const input = (name: string): string => {
    const value = read(name).trim()
    return value === '' ? (INPUT_DEFAULTS[name] ?? '') : value
  }
  // A CLI run inside a workflow step still means paths relative to where it was started.
  const workspace = (mode === 'action' && environment.env.GITHUB_WORKSPACE) || environment.cwd
  const workingDirectory = path.resolve(workspace, input('working-directory'))
  const tempDir = environment.env.RUNNER_TEMP || os.tmpdir()
  const advisoryDb = input('advisory-db')
  const report = input('report')

  return {
    workingDirectory,
    repositoryRoot: path.resolve(workspace),
    paths: parseList(input('paths')).map(p => path.resolve(workingDirectory, p)),
    osvUrl: parseHttpUrl('osv-url', input('osv-url')),
    ...(advisoryDb ? { advisoryDb: path.resolve(workingDirectory, advisoryDb) } : {}),
    ...(report || mode === 'action'
      ? {
          reportPath: report
            ? path.resolve(workingDirectory, report)
            : path.join(tempDir, 'pyaudit', 'pyaudit-report.json')
        }
      : {}),
    pythonVersion: parsePythonVersion('python-version', input('python-version')),
    failOnVulnerability: parseBoolean('fail-on-vulnerability', input('fail-on-vulnerability')),
    uploadArtifact: parseBoolean('upload-artifact', input('upload-artifact'))
  }
}

/** One item per line; blank lines and lines starting with '#' are ignored. */
export function parseList(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map(line => line.trim())
    .filter(line => line !== '' && !line.startsWith('#'))
}

/** YAML 1.2 core schema booleans, as @actions/core's getBooleanInput accepts them. */
export function parseBoolean(name: string, value: string): boolean {
  if (['true', 'True', 'TRUE'].includes(value)) return true
  if (['false', 'False', 'FALSE'].includes(value)) return false
  throw new InputError(name, `expected true or false, got '${excerpt(value)}'`)
}

export function parsePythonVersion(name: string, value: string): string {
  if (!/^3\.\d{1,2}(\.\d{1,2})?$/.test(value)) {
    throw new InputError(
      name,
      `expected a Python 3 version such as 3.12 or 3.11.7, got '${excerpt(value)}'`
    )
  }
  return value
}

export function parseHttpUrl(name: string, value: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new InputError(name, `'${excerpt(value)}' is not a URL`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InputError(name, `expected an http(s) URL, got '${excerpt(value)}'`)
  }
  return value.replace(/\/+$/, '')
}

/** A short, single-line excerpt of untrusted text for error messages. */
export function excerpt(value: string, max = 60): string {
  // eslint-disable-next-line no-control-regex
  const flat = value.replace(/[\u0000-\u001f\u007f]/g, ' ')
  return flat.length > max ? `${flat.slice(0, max)}…` : flat
}
