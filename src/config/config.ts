import * as os from 'node:os'
import * as path from 'node:path'
import type { SeverityThreshold } from '../pipeline/gate.js'
import type { Scope } from '../pipeline/scope.js'
import { defaultCacheDir } from '../advisories/record-cache.js'
import type { PackageCheckIgnoreRule } from '../health/ignore.js'
import type { PackageIssueKind } from '../health/types.js'
import type { FixMode } from '../fix/types.js'
import type { DependencySources } from '../deps/collect.js'
import type { LicenseFrom } from '../licenses/license-of.js'
import type { LicensePolicy } from '../licenses/policy.js'
import type { LicenseSourceMode } from '../licenses/sources.js'
import type { CommentMode } from '../integrations/github/comment.js'
import { parseDependencyTrack, type DependencyTrackConfig } from './dependency-track.js'
import { inputValues, type InputReader } from './inputs.js'

export { parseList } from './values.js'
export type { InputReader } from './inputs.js'

/** Everything a run needs, parsed and validated once from the inputs. */
export interface Config {
  /** Absolute directory that relative paths are resolved against. */
  workingDirectory: string
  /** Absolute root that annotation paths are made relative to (the repository checkout). */
  repositoryRoot: string
  sources: DependencySources & {
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
  /** What the verdict counts: every finding, or those a change introduces (issue 16). */
  scope: Scope
  /** The commit, branch or tag compared with; undefined: the event's base. */
  baseRef?: string
  licenses: {
    source: LicenseSourceMode
    from: LicenseFrom
    policy: LicensePolicy
    failOnLicense: boolean
  }
  packageHealth: {
    /** package-checks after its auto rule: ask the package indexes about every pin. */
    enabled: boolean
    /** The issue kinds that fail the step; the others warn. */
    failOnPackageStatus: PackageIssueKind[]
    /** The package-check-ignore input's rules (the config file's are read by the engine). */
    ignore: PackageCheckIgnoreRule[]
  }
  /** `fix`: rewrite vulnerable pins in the files that declare them, then audit again. */
  fix: FixMode
  outputs: {
    /** Absolute path of the JSON report; undefined for a CLI run that asked for none. */
    reportPath?: string
    sbomPath?: string
    sarifPath?: string
    /** The unified diff of the files `fix` changed: beside the JSON report, when there is one. */
    fixPatchPath?: string
    uploadArtifact: boolean
    artifactName?: string
    retentionDays?: number
    comment: CommentMode
    githubToken: string
  }
  dependencyTrack?: DependencyTrackConfig
  /** The whole of one HTTP request, headers and body, must finish within this. */
  requestTimeoutMs: number
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
  const value = inputValues(read)
  // A CLI run inside a workflow step still means paths relative to where it was started.
  const workspace = (mode === 'action' && environment.env.GITHUB_WORKSPACE) || environment.cwd
  const workingDirectory = path.resolve(workspace, value('working-directory'))
  const resolvePath = (text: string): string | undefined =>
    text ? path.resolve(workingDirectory, text) : undefined
  const tempDir = environment.env.RUNNER_TEMP || os.tmpdir()
  const python = value('python')
  const pythonVersion = value('python-version')
  const platform = value('platform')
  const indexUrl = value('index-url')
  const advisoryDb = resolvePath(value('advisory-db'))
  const configFile = resolvePath(value('config'))
  const reportPath =
    resolvePath(value('report')) ??
    (mode === 'action' ? path.join(tempDir, 'pyaudit', 'pyaudit-report.json') : undefined)
  const sbomPath = resolvePath(value('sbom'))
  const sarifPath = resolvePath(value('sarif'))
  const fix = value('fix')
  const fixPatchPath =
    fix !== 'off' && reportPath
      ? path.join(path.dirname(reportPath), 'pyaudit-fix.patch')
      : undefined
  const artifactName = value('artifact-name')
  const retentionDays = value('retention-days')
  const dependencyTrack = parseDependencyTrack(value, environment.env)
  const baseRef = value('base-ref')

  return {
    workingDirectory,
    repositoryRoot: path.resolve(workspace),
    sources: {
      paths: value('paths').map(p => path.resolve(workingDirectory, p)),
      // A bare command name (python3) is looked up on PATH; anything with a slash is a path.
      ...(python
        ? { python: /[\\/]/.test(python) ? path.resolve(workingDirectory, python) : python }
        : {}),
      ...(pythonVersion ? { pythonVersion } : {}),
      ...(platform ? { platform } : {}),
      resolve: value('resolve'),
      ...(indexUrl ? { indexUrl } : {}),
      extraIndexUrls: value('extra-index-url'),
      strict: value('strict')
    },
    feed: {
      service: value('vulnerability-service'),
      osvUrl: value('osv-url'),
      pypiUrl: value('pypi-url'),
      ...(advisoryDb ? { advisoryDb } : {}),
      maxDbAgeDays: value('max-db-age'),
      cache: value('cache'),
      cacheDir: resolvePath(value('cache-dir')) ?? defaultCacheDir(environment.env)
    },
    findings: {
      ignoreVulns: value('ignore-vulns'),
      ...(configFile ? { configFile } : {}),
      failOnVulnerability: value('fail-on-vulnerability'),
      failOnSeverity: value('fail-on-severity'),
      failOnUnknownSeverity: value('fail-on-unknown-severity')
    },
    scope: value('scope'),
    ...(baseRef ? { baseRef } : {}),
    licenses: {
      source: value('license-source'),
      from: value('license-from'),
      policy: parseLicensePolicy(read),
      failOnLicense: value('fail-on-license')
    },
    packageHealth: {
      enabled: packageChecksEnabled(value('package-checks'), advisoryDb, indexUrl),
      failOnPackageStatus: value('fail-on-package-status'),
      ignore: value('package-check-ignore')
    },
    fix,
    outputs: {
      ...(reportPath ? { reportPath } : {}),
      ...(sbomPath ? { sbomPath } : {}),
      ...(sarifPath ? { sarifPath } : {}),
      ...(fixPatchPath ? { fixPatchPath } : {}),
      uploadArtifact: value('upload-artifact'),
      ...(artifactName ? { artifactName } : {}),
      ...(retentionDays !== undefined ? { retentionDays } : {}),
      comment: value('comment'),
      githubToken: value('github-token')
    },
    ...(dependencyTrack ? { dependencyTrack } : {}),
    requestTimeoutMs: value('request-timeout')
  }
}

/**
 * `package-checks: auto` asks the indexes unless the run is air-gapped: an offline
 * advisory-db without an index-url of its own must make no request at all.
 */
export function packageChecksEnabled(
  mode: 'auto' | 'true' | 'false',
  advisoryDb: string | undefined,
  indexUrl: string | undefined
): boolean {
  if (mode === 'auto') return advisoryDb === undefined || indexUrl !== undefined
  return mode === 'true'
}

/** The license-* policy inputs as the policy pip-licenses would apply. */
export function parseLicensePolicy(read: InputReader): LicensePolicy {
  const value = inputValues(read)
  return {
    failOn: value('license-fail-on'),
    allowOnly: value('license-allow-only'),
    partialMatch: value('license-partial-match'),
    failOnUnknown: value('license-fail-on-unknown'),
    ignorePackages: value('license-ignore-packages')
  }
}
