/**
 * Every input, once: its name, default, kind, group, description, and whether only the action
 * on a runner acts on it. parseConfig parses every input through its row, the CLI makes its
 * flags and --help from the rows, and action.yml's inputs are written from them
 * (`npx tsx scripts/action-tables.ts`; a test fails when action.yml is not what it writes).
 */
import type { LicenseFrom } from '../licenses/license-of.js'
import type { LicenseSourceMode } from '../licenses/sources.js'
import type { SeverityThreshold } from '../pipeline/gate.js'
import type { CommentMode } from '../integrations/github/comment.js'
import { parseBaseRef } from '../integrations/git/base-commit.js'
import { SCOPES, type Scope } from '../pipeline/scope.js'
import { checkArtifactName } from '../integrations/github/artifact.js'
import { normalizeBaseUrl, UUID_PATTERN } from '../integrations/dependency-track/inputs.js'
import { InputError } from '../shared/errors.js'
import { excerpt } from '../shared/text.js'
import * as kind from './input-kinds.js'
import type { InputRow } from './input-kinds.js'
import { parsePackageIssueKinds } from '../health/fail-on.js'
import { parsePackageCheckIgnoreInput } from '../health/ignore.js'
import type { FixMode } from '../fix/types.js'
import { TARGET_PLATFORMS, type TargetPlatform } from '../deps/platforms.js'
import { parseIgnorePackages, parseLicenseList } from './license-values.js'
import {
  parseAge,
  parseChoice,
  parseHttpUrl,
  parseList,
  parsePythonVersion,
  parseRetentionDays
} from './values.js'

/** Reads one raw input by its name ('' when unset). The action and the CLI each provide one. */
export type InputReader = (name: string) => string

const orUndefined = (value: string): string | undefined => (value === '' ? undefined : value)

const FIX_MODES = { false: 'off', true: 'pins', ranges: 'ranges' } as const satisfies Record<
  string,
  FixMode
>

export const INPUTS = {
  paths: kind.list({
    group: 'sources',
    default: '',
    placeholder: 'FILE|DIR',
    cliNote: 'also the bare arguments',
    description:
      'Dependency files or directories to audit, one per line, relative to working-directory: requirements files, pyproject.toml, poetry.lock, uv.lock, Pipfile.lock, pdm.lock, pylock.toml. Empty: detect them in working-directory (a lockfile wins over the pyproject.toml it locks).',
    parse: value => parseList(value)
  }),
  'working-directory': kind.path({
    group: 'sources',
    default: '.',
    placeholder: 'DIR',
    cliNote: 'relative to the current directory here',
    description: 'Directory that relative paths are resolved against (relative to the workspace).'
  }),
  python: kind.path({
    group: 'sources',
    default: '',
    description:
      'A Python interpreter path, virtualenv directory or command. With resolve: none, its installed distributions are audited (with their license metadata); with resolve: pip, its pip resolves.'
  }),
  'python-version': kind.other('version', {
    group: 'sources',
    default: '',
    placeholder: 'X.Y',
    description:
      'Narrow the audit to one Python version (e.g. 3.12, or 3.12.4): pins whose environment markers exclude it are not audited. Empty: every pin is audited whatever its markers (python alone does not narrow; with resolve: pip, pip evaluates markers for its own interpreter).',
    parse: (value, name) => (value === '' ? undefined : parsePythonVersion(name, value))
  }),
  // A choice whose empty default means "every platform": parsed as a choice, once given.
  platform: kind.other('text', {
    group: 'sources',
    default: '',
    placeholder: TARGET_PLATFORMS.join('|'),
    description:
      'Narrow the audit to one platform (linux, windows or macos): pins whose environment markers exclude it (sys_platform, platform_system, os_name) are not audited. Empty: every platform. With python-version, one target environment.',
    parse: (value, name) =>
      value === '' ? undefined : parseChoice<TargetPlatform>(name, value, TARGET_PLATFORMS)
  }),
  resolve: kind.choice({
    group: 'sources',
    default: 'none',
    choices: ['none', 'pip'],
    description:
      'none: audit what files pin. pip: resolve requirements and pyproject ranges into the exact transitive set pip would install (pip install --dry-run --report). Resolution may build sdists and so run code from the index: never on untrusted pull requests (pull_request_target).'
  }),
  'index-url': kind.url({
    group: 'sources',
    default: '',
    description:
      'Package index for resolve: pip (pip --index-url) and for the package checks (else PyPI). Credentials in it are masked and never printed.'
  }),
  'extra-index-url': kind.list({
    group: 'sources',
    default: '',
    placeholder: 'URL',
    description: 'Extra package indexes for resolve: pip and for the package checks, one per line.',
    parse: (value, name) => parseList(value).map(url => parseHttpUrl(name, url))
  }),
  strict: kind.boolean({
    group: 'sources',
    default: 'false',
    description:
      'Fail when any dependency could not be audited (unpinned, URL, VCS, editable...), like pip-audit --strict, and when nothing was audited at all (without strict, such a run passes with a warning).'
  }),

  'vulnerability-service': kind.choice({
    group: 'advisories',
    default: 'osv',
    choices: ['osv', 'pypi'],
    description: 'osv (the OSV API) or pypi (the PyPI JSON API, like pip-audit -s pypi).'
  }),
  'osv-url': kind.url({
    group: 'advisories',
    default: 'https://api.osv.dev',
    description: 'Base URL of the OSV API.'
  }),
  'pypi-url': kind.url({
    group: 'advisories',
    default: 'https://pypi.org',
    description:
      'Base URL of the PyPI JSON API (advisories with vulnerability-service: pypi, and licenses of lockfile-only projects).'
  }),
  'advisory-db': kind.path({
    group: 'advisories',
    default: '',
    description:
      "Offline OSV database: a directory of OSV JSON files, or a zip laid out like OSV's all.zip (several ecosystems allowed). When set, no network is used for advisories."
  }),
  'max-db-age': kind.other('age', {
    group: 'advisories',
    default: '7',
    placeholder: 'AGE',
    description:
      'Warn when the newest advisory in advisory-db is older than this (7, 7d, 36h, 2w; 0 turns the check off).',
    parse: (value, name) => parseAge(name, value)
  }),
  cache: kind.boolean({
    group: 'advisories',
    default: 'true',
    description:
      'Cache advisory details fetched online between runs (revalidated by their modified time; restored and saved with the Actions cache), with the upgrades verified with them. An offline advisory-db is read whole on every run: nothing of it is cached.'
  }),
  'cache-dir': kind.path({
    group: 'advisories',
    default: '',
    placeholder: 'DIR',
    description:
      'Directory of the advisory cache. Default: pyaudit under RUNNER_TOOL_CACHE, else ~/.cache/pyaudit.'
  }),

  'ignore-vulns': kind.list({
    group: 'gate',
    default: '',
    placeholder: 'ID',
    description:
      'Advisory ids (or any alias) to ignore, one per line, optionally followed by "# reason". Ignored findings stay visible in the report.',
    // Read line by line, with the reasons, by src/pipeline/ignores.ts.
    parse: value => value
  }),
  config: kind.path({
    group: 'gate',
    default: '',
    placeholder: 'FILE',
    description:
      'Config file with [[ignore]] entries (id, reason, until, package, version). Default: .pyaudit.toml or [tool.pyaudit] in pyproject.toml; [[IgnoredVulns]] in osv-scanner.toml is read too.'
  }),
  'fail-on-vulnerability': kind.boolean({
    group: 'gate',
    default: 'true',
    description:
      'Fail the step when a known vulnerability at or above fail-on-severity is found. Malicious packages fail the step regardless.'
  }),
  'fail-on-severity': kind.choice<SeverityThreshold>({
    group: 'gate',
    default: 'low',
    choices: ['low', 'medium', 'high', 'critical'],
    aliases: { moderate: 'medium' },
    description:
      "Lowest severity that fails the step: low, medium (or moderate, GHSA's word for it), high or critical."
  }),
  'fail-on-unknown-severity': kind.boolean({
    group: 'gate',
    default: 'true',
    description:
      'Findings whose severity is unknown fail the step (a gate must not open because data is missing).'
  }),
  scope: kind.choice<Scope>({
    group: 'gate',
    default: 'auto',
    choices: SCOPES,
    description:
      'What fails the step. changes: only findings the change introduces (a pin it adds, or moves to a version the advisory did not affect before); findings already on the base are reported but never fail, malware always does. all: every finding. auto: changes on pull_request, pull_request_target and merge_group events, or whenever base-ref is set; all otherwise. The base is read from git objects: see fetch-depth in the README.'
  }),
  'base-ref': kind.other('text', {
    group: 'gate',
    default: '',
    placeholder: 'REF',
    description:
      "Commit, branch or tag that scope compares with (e.g. origin/main). Default: the event's base (pull_request.base.sha, merge_group.base_sha).",
    parse: value => parseBaseRef(value)
  }),

  'license-source': kind.choice<LicenseSourceMode>({
    group: 'licenses',
    default: 'auto',
    choices: ['auto', 'environment', 'pypi', 'none'],
    description:
      'Where licenses come from: auto (installed metadata, else the PyPI JSON API), environment, pypi or none.'
  }),
  'license-from': kind.choice<LicenseFrom>({
    group: 'licenses',
    default: 'mixed',
    choices: ['mixed', 'meta', 'classifier', 'expression'],
    description: 'Which metadata pip-licenses reads: mixed, meta, classifier or expression.'
  }),
  'license-fail-on': kind.list({
    group: 'licenses',
    default: '',
    placeholder: 'LICENSES',
    description:
      'Licenses that fail the step, separated by ";" (pip-licenses --fail-on). SPDX-aware.',
    parse: (value, name) => parseLicenseList(name, value)
  }),
  'license-allow-only': kind.list({
    group: 'licenses',
    default: '',
    placeholder: 'LICENSES',
    description:
      'The only licenses allowed, separated by ";" (pip-licenses --allow-only). SPDX-aware: MIT OR GPL-3.0-only satisfies MIT.',
    parse: (value, name) => parseLicenseList(name, value)
  }),
  'license-partial-match': kind.boolean({
    group: 'licenses',
    default: 'false',
    description: 'Match licenses by substring (pip-licenses --partial-match).'
  }),
  'license-ignore-packages': kind.list({
    group: 'licenses',
    default: '',
    placeholder: 'NAME[:VERSION]',
    description:
      'Packages whose license is not checked: name or name:version, separated by spaces, commas or lines.',
    parse: (value, name) => parseIgnorePackages(name, value)
  }),
  'license-fail-on-unknown': kind.boolean({
    group: 'licenses',
    default: 'false',
    description: 'Treat an UNKNOWN license as a violation.'
  }),
  'fail-on-license': kind.boolean({
    group: 'licenses',
    default: 'true',
    description: 'Fail the step on any license violation.'
  }),

  'package-checks': kind.choice({
    group: 'package-health',
    default: 'auto',
    choices: ['auto', 'true', 'false'],
    description:
      'Ask the package index about every pinned package (index-url, else PyPI, and each extra-index-url; one request per name, beside the advisory lookup): a name it does not know (a typo, or dependency confusion), a quarantined, archived or deprecated project (PEP 792), a yanked pin (PEP 592), a --hash or lockfile digest that no file of the release has. auto: on, except with advisory-db and no index-url, so an air-gapped run makes no request. true or false: always or never.'
  }),
  'fail-on-package-status': kind.list({
    group: 'package-health',
    default: 'not-found, quarantined, hash-mismatch',
    placeholder: 'KINDS',
    description:
      'Package issues that fail the step, separated by commas or lines: not-found, quarantined, archived, deprecated, yanked, hash-mismatch, or none. The others are warnings.',
    parse: (value, name) => parsePackageIssueKinds(value, name)
  }),
  'package-check-ignore': kind.list({
    group: 'package-health',
    default: '',
    placeholder: 'NAME[==VERSION]',
    description:
      'Package issues to accept, one per line: a name (every issue of that package) or name==version, optionally followed by "# reason". The config file takes [[package-check-ignore]] entries too, with an expiry date.',
    parse: (value, name) => parsePackageCheckIgnoreInput(value, name)
  }),

  fix: {
    // A boolean to the CLI (--fix, --no-fix), with a third value: --fix=ranges.
    ...kind.boolean({
      group: 'fix',
      default: 'false',
      description:
        "Rewrite each vulnerable pin to its recommended version in the files that declare it (requirements files, -r includes, pyproject.toml), then audit again: the verdict is about what remains. Only version text changes; a --hash line gets the new release's digests from the index, or is left for you. Lockfiles are not rewritten: the command that upgrades each pin (uv lock --upgrade-package, poetry update, pdm update, pipenv upgrade, pip lock) is printed and put in the summary. A range that admits the fix is left alone; one that excludes it is widened only with ranges (to >=FIX plus the clauses that still admit FIX). true, false or ranges; writes fix-patch."
    }),
    parse: (value: string, name: string): FixMode =>
      FIX_MODES[parseChoice(name, value, ['false', 'true', 'ranges'])]
  },

  report: kind.path({
    group: 'reports',
    default: '',
    placeholder: 'FILE',
    cliNote: 'none unless asked for here',
    description:
      "Where to write the JSON report (pip-audit's schema plus our keys). Default: pyaudit/pyaudit-report.json under RUNNER_TEMP."
  }),
  sbom: kind.path({
    group: 'reports',
    default: '',
    placeholder: 'FILE',
    description: 'Where to write a CycloneDX 1.6 JSON SBOM (empty: none).'
  }),
  sarif: kind.path({
    group: 'reports',
    default: '',
    placeholder: 'FILE',
    description: 'Where to write a SARIF 2.1.0 file for GitHub code scanning (empty: none).'
  }),

  'upload-artifact': kind.boolean({
    group: 'github',
    default: 'true',
    runnerOnly: { quiet: 'false' },
    description:
      'Upload the report, SBOM, SARIF and full summary as a workflow artifact (a notice, not a failure, where there is no artifact service).'
  }),
  'artifact-name': kind.other('text', {
    group: 'github',
    default: '',
    placeholder: 'NAME',
    runnerOnly: {},
    description: 'Name of the artifact. Default: unique per job and matrix leg.',
    parse: value => {
      if (value !== '') checkArtifactName(value)
      return orUndefined(value)
    }
  }),
  'retention-days': kind.other('days', {
    group: 'github',
    default: '',
    placeholder: 'DAYS',
    runnerOnly: {},
    description: 'Days to keep the artifact (empty: the repository default).',
    parse: (value, name) => parseRetentionDays(name, value)
  }),
  comment: kind.choice<CommentMode>({
    group: 'github',
    default: 'never',
    choices: ['never', 'on-failure', 'always'],
    runnerOnly: { quiet: 'never' },
    description:
      'Pull-request comment: never, on-failure or always. One comment per audit, updated in place.'
  }),
  'github-token': kind.secret({
    group: 'github',
    default: '',
    runnerDefault: '${{ github.token }}',
    placeholder: 'TOKEN',
    runnerOnly: {},
    description: 'Token for the pull-request comment (needs pull-requests: write).'
  }),

  'dependency-track-url': kind.other('text', {
    group: 'dependency-track',
    default: '',
    placeholder: 'URL',
    description:
      'Base URL of a Dependency-Track API server: the SBOM is uploaded there (POST /api/v1/bom).',
    parse: value => (value === '' ? undefined : normalizeBaseUrl(value))
  }),
  'dependency-track-api-key': kind.secret({
    group: 'dependency-track',
    default: '',
    placeholder: 'KEY',
    cliNote:
      'better in the DEPENDENCY_TRACK_API_KEY environment variable: a flag stays in shell history and in ps',
    description:
      'Dependency-Track API key (BOM_UPLOAD, and PROJECT_CREATION_UPLOAD for auto-create). Masked.'
  }),
  'dependency-track-project': kind.text({
    group: 'dependency-track',
    default: '',
    placeholder: 'NAME',
    cliNote: 'required outside a GitHub workflow run, unless the project UUID is given',
    description: 'Project name in Dependency-Track. Default: the repository (owner/name).'
  }),
  'dependency-track-version': kind.text({
    group: 'dependency-track',
    default: '',
    placeholder: 'VERSION',
    description:
      'Project version in Dependency-Track. Default: the branch or tag (pr-N for pull requests).'
  }),
  'dependency-track-project-uuid': kind.other('text', {
    group: 'dependency-track',
    default: '',
    placeholder: 'UUID',
    description: 'Project UUID in Dependency-Track (instead of name and version).',
    parse: (value, name) => {
      if (value === '') return undefined
      if (!UUID_PATTERN.test(value)) {
        throw new InputError(
          name,
          `expected a project UUID such as 3f1d0c2e-..., got '${excerpt(value)}'`
        )
      }
      return value.toLowerCase()
    }
  }),
  'dependency-track-parent': kind.text({
    group: 'dependency-track',
    default: '',
    placeholder: 'UUID|NAME',
    description: 'Parent project (UUID or name) for auto-created projects.'
  }),
  'dependency-track-auto-create': kind.boolean({
    group: 'dependency-track',
    default: 'true',
    description: 'Create the project when it does not exist.'
  }),
  'dependency-track-wait': kind.boolean({
    group: 'dependency-track',
    default: 'false',
    description:
      'Wait for Dependency-Track to process the SBOM, then show its findings and policy violations in the summary.'
  }),
  'dependency-track-wait-timeout': kind.seconds({
    group: 'dependency-track',
    default: '300',
    min: 1,
    max: 999_999,
    description: 'Longest wait for processing, in seconds.'
  }),

  'request-timeout': kind.seconds({
    group: 'network',
    default: '60',
    min: 1,
    max: 3600,
    description:
      'Longest time, in seconds, that one HTTP request may take from start to finish, headers and body included (a whole number from 1 to 3600).'
  })
} satisfies Record<string, InputRow>

export type InputName = keyof typeof INPUTS
/** What parseConfig gets for an input: its row's parse result. */
export type InputValue<N extends InputName> = ReturnType<(typeof INPUTS)[N]['parse']>

/** The row of an input given by name, when there is one (the CLI looks flags up this way). */
export function inputRow(name: string): InputRow | undefined {
  return Object.hasOwn(INPUTS, name) ? (INPUTS as Record<string, InputRow>)[name] : undefined
}

export const INPUT_NAMES = Object.keys(INPUTS) as InputName[]

/**
 * Each input's parsed value, read when asked for: an input another one makes irrelevant (the
 * dependency-track-* inputs without a server) is never parsed. Values are trimmed; an empty
 * value takes the row's default.
 */
export function inputValues(read: InputReader): <N extends InputName>(name: N) => InputValue<N> {
  return <N extends InputName>(name: N): InputValue<N> => {
    const row: InputRow = INPUTS[name]
    const value = read(name).trim()
    return row.parse(value === '' ? row.default : value, name) as InputValue<N>
  }
}
