import * as os from 'node:os'
import * as path from 'node:path'
import { parseSeverityThreshold, type SeverityThreshold } from '../pipeline/gate.js'
import { defaultCacheDir } from '../advisories/record-cache.js'
import { parseMaxDbAge } from '../pipeline/staleness.js'
import { parseBoolean, parseChoice, parseHttpUrl, parseList, parsePythonVersion } from './values.js'
import { parseLicenseFrom, type LicenseFrom } from '../licenses/license-of.js'
import { parseLicensePolicy, type LicensePolicy } from '../licenses/policy.js'
import { parseLicenseSource, type LicenseSourceMode } from '../licenses/sources.js'
import { parseCommentMode, type CommentMode } from '../integrations/github/comment.js'
import { parseArtifactName, parseRetentionDays } from '../integrations/github/artifact.js'
import { parseDependencyTrack, type DependencyTrackConfig } from './dependency-track.js'

export { parseList } from './values.js'

/** Reads one raw input by its action.yml name ('' when unset). Actions and the CLI both provide one. */
export type InputReader = (name: string) => string

/** Everything a run needs, parsed and validated once from the inputs. */
export interface Config {
  /** Absolute directory that relative paths are resolved against. */
  workingDirectory: string
  /** Absolute root that annotation paths are made relative to (the repository checkout). */
  repositoryRoot: string
  sources: {
    /** Absolute files or directories to read; empty means auto-detect in workingDirectory. */
    paths: string[]
    /** Interpreter path, virtualenv directory or command name; its environment is audited. */
    python?: string
    /** Target Python for markers; undefined: the interpreter's version if `python` is set, else 3.12. */
    pythonVersion?: string
    resolve: 'none' | 'pip'
    indexUrl?: string
    extraIndexUrls: string[]
    /** Skipped dependencies fail the run (pip-audit's --strict). */
    strict: boolean
  }
  feed: {
    service: 'osv' | 'pypi'
    osvUrl: string
    pypiUrl: string
    /** Absolute path of an offline OSV database (directory or zip); when set, no network is used. */
    advisoryDb?: string
    maxDbAgeDays: number
    cache: boolean
    cacheDir: string
  }
  findings: {
    ignoreVulns: string
    /** Absolute path of a config file other than .pyaudit.toml / [tool.pyaudit]. */
    configFile?: string
    failOnVulnerability: boolean
    failOnSeverity: SeverityThreshold
    failOnUnknownSeverity: boolean
  }
  licenses: {
    source: LicenseSourceMode
    from: LicenseFrom
    policy: LicensePolicy
    failOnLicense: boolean
  }
  outputs: {
    /** Absolute path of the JSON report; undefined for a CLI run that asked for none. */
    reportPath?: string
    sbomPath?: string
    sarifPath?: string
    uploadArtifact: boolean
    artifactName?: string
    retentionDays?: number
    comment: CommentMode
    githubToken: string
  }
  dependencyTrack?: DependencyTrackConfig
}

/**
 * The inputs this version understands, with their defaults, kept in step with action.yml
 * by a test. Defaults that are workflow expressions (github-token) are '' here.
 */
export const INPUT_DEFAULTS: Readonly<Record<string, string>> = {
  paths: '',
  'working-directory': '.',
  python: '',
  'python-version': '',
  resolve: 'none',
  'index-url': '',
  'extra-index-url': '',
  strict: 'false',
  'vulnerability-service': 'osv',
  'osv-url': 'https://api.osv.dev',
  'pypi-url': 'https://pypi.org',
  'advisory-db': '',
  'max-db-age': '7',
  cache: 'true',
  'cache-dir': '',
  'ignore-vulns': '',
  config: '',
  'fail-on-vulnerability': 'true',
  'fail-on-severity': 'low',
  'fail-on-unknown-severity': 'true',
  'license-source': 'auto',
  'license-from': 'mixed',
  'license-fail-on': '',
  'license-allow-only': '',
  'license-partial-match': 'false',
  'license-ignore-packages': '',
  'license-fail-on-unknown': 'false',
  'fail-on-license': 'true',
  report: '',
  sbom: '',
  sarif: '',
  'upload-artifact': 'true',
  'artifact-name': '',
  'retention-days': '',
  comment: 'never',
  'github-token': '',
  'dependency-track-url': '',
  'dependency-track-api-key': '',
  'dependency-track-project': '',
  'dependency-track-version': '',
  'dependency-track-project-uuid': '',
  'dependency-track-parent': '',
  'dependency-track-auto-create': 'true',
  'dependency-track-wait': 'false',
  'dependency-track-wait-timeout': '300'
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
  const flag = (name: string): boolean => parseBoolean(name, input(name))
  // A CLI run inside a workflow step still means paths relative to where it was started.
  const workspace = (mode === 'action' && environment.env.GITHUB_WORKSPACE) || environment.cwd
  const workingDirectory = path.resolve(workspace, input('working-directory'))
  const resolvePath = (name: string): string | undefined =>
    input(name) ? path.resolve(workingDirectory, input(name)) : undefined
  const tempDir = environment.env.RUNNER_TEMP || os.tmpdir()
  const python = input('python')
  const pythonVersion = input('python-version')
  const advisoryDb = resolvePath('advisory-db')
  const configFile = resolvePath('config')
  const indexUrl = input('index-url')
  const reportPath =
    resolvePath('report') ??
    (mode === 'action' ? path.join(tempDir, 'pyaudit', 'pyaudit-report.json') : undefined)
  const sbomPath = resolvePath('sbom')
  const sarifPath = resolvePath('sarif')
  const artifactName = parseArtifactName(input('artifact-name'))
  const retentionDays = parseRetentionDays(input('retention-days'))
  const dependencyTrack = parseDependencyTrack(input, environment.env)

  return {
    workingDirectory,
    repositoryRoot: path.resolve(workspace),
    sources: {
      paths: parseList(input('paths')).map(p => path.resolve(workingDirectory, p)),
      // A bare command name (python3) is looked up on PATH; anything with a slash is a path.
      ...(python
        ? { python: /[\\/]/.test(python) ? path.resolve(workingDirectory, python) : python }
        : {}),
      ...(pythonVersion
        ? { pythonVersion: parsePythonVersion('python-version', pythonVersion) }
        : {}),
      resolve: parseChoice('resolve', input('resolve'), ['none', 'pip'] as const),
      ...(indexUrl ? { indexUrl: parseHttpUrl('index-url', indexUrl) } : {}),
      extraIndexUrls: parseList(input('extra-index-url')).map(url =>
        parseHttpUrl('extra-index-url', url)
      ),
      strict: flag('strict')
    },
    feed: {
      service: parseChoice('vulnerability-service', input('vulnerability-service'), [
        'osv',
        'pypi'
      ] as const),
      osvUrl: parseHttpUrl('osv-url', input('osv-url')),
      pypiUrl: parseHttpUrl('pypi-url', input('pypi-url')),
      ...(advisoryDb ? { advisoryDb } : {}),
      maxDbAgeDays: parseMaxDbAge(input('max-db-age')),
      cache: flag('cache'),
      cacheDir: resolvePath('cache-dir') ?? defaultCacheDir(environment.env)
    },
    findings: {
      ignoreVulns: input('ignore-vulns'),
      ...(configFile ? { configFile } : {}),
      failOnVulnerability: flag('fail-on-vulnerability'),
      failOnSeverity: parseSeverityThreshold(input('fail-on-severity')),
      failOnUnknownSeverity: flag('fail-on-unknown-severity')
    },
    licenses: {
      source: parseLicenseSource('license-source', input('license-source')),
      from: parseLicenseFrom('license-from', input('license-from')),
      policy: parseLicensePolicy(input),
      failOnLicense: flag('fail-on-license')
    },
    outputs: {
      ...(reportPath ? { reportPath } : {}),
      ...(sbomPath ? { sbomPath } : {}),
      ...(sarifPath ? { sarifPath } : {}),
      uploadArtifact: flag('upload-artifact'),
      ...(artifactName ? { artifactName } : {}),
      ...(retentionDays !== undefined ? { retentionDays } : {}),
      comment: parseCommentMode(input('comment')),
      githubToken: input('github-token')
    },
    ...(dependencyTrack ? { dependencyTrack } : {})
  }
}
