/**
 * Dependency-Track settings checked before anything is sent, and the defaults a workflow run
 * implies. Pure. Messages never echo the API key.
 */
import { InputError } from '../../shared/errors.js'
import { redactCredentials } from '../../shared/text.js'

/** The action inputs behind DependencyTrackOptions, named in errors. */
export const DEPENDENCY_TRACK_INPUTS = {
  url: 'dependency-track-url',
  apiKey: 'dependency-track-api-key',
  projectName: 'dependency-track-project',
  projectVersion: 'dependency-track-version',
  projectUuid: 'dependency-track-project-uuid',
  parent: 'dependency-track-parent',
  autoCreate: 'dependency-track-auto-create',
  wait: 'dependency-track-wait',
  waitTimeout: 'dependency-track-wait-timeout'
} as const

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * The project when none is configured: the repository (owner/name, so that two owners'
 * repositories of the same name stay apart on a shared server) at the branch or tag that
 * ran. A pull request is "pr-<number>", so that it never overwrites its target branch.
 */
export function defaultProjectCoordinates(env: NodeJS.ProcessEnv): {
  projectName?: string
  projectVersion?: string
} {
  const pull = /^refs\/pull\/(\d+)\//.exec(env.GITHUB_REF ?? '')
  const version = pull ? `pr-${pull[1]}` : env.GITHUB_REF_NAME || undefined
  return {
    ...(env.GITHUB_REPOSITORY ? { projectName: env.GITHUB_REPOSITORY } : {}),
    ...(version ? { projectVersion: version } : {})
  }
}

/** Input dependency-track-parent: a project UUID, or else a project name. */
export function parseDependencyTrackParent(raw: string): {
  parentUuid?: string
  parentName?: string
} {
  const value = raw.trim()
  if (value === '') return {}
  return UUID_PATTERN.test(value) ? { parentUuid: value.toLowerCase() } : { parentName: value }
}

/** The API server's base, without a trailing slash or a pasted /api or /api/v1. */
export function normalizeBaseUrl(raw: string): string {
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    throw new InputError(
      DEPENDENCY_TRACK_INPUTS.url,
      `"${redactCredentials(raw)}" is not a URL; expected e.g. https://dtrack.example.com`
    )
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InputError(
      DEPENDENCY_TRACK_INPUTS.url,
      `expected an http(s) URL, got ${url.protocol}`
    )
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new InputError(
      DEPENDENCY_TRACK_INPUTS.url,
      'give the base URL only: no credentials, query or fragment'
    )
  }
  const path = url.pathname.replace(/\/+$/, '').replace(/\/api(\/v1)?$/, '')
  return `${url.origin}${path}`
}

export function checkApiKey(apiKey: string): string {
  const key = apiKey.trim()
  if (key === '') {
    throw new InputError(
      DEPENDENCY_TRACK_INPUTS.apiKey,
      'is empty; pass the secret that holds the API key'
    )
  }
  // A line break would end the header early; say so without showing the key.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\s]/.test(key)) {
    throw new InputError(
      DEPENDENCY_TRACK_INPUTS.apiKey,
      'contains white space or a control character; check how the secret was pasted'
    )
  }
  return key
}

/** How messages name the project, e.g. `"octo/app" version "main"`; checks it is named at all. */
export function describeTarget(project: {
  projectUuid?: string
  projectName?: string
  projectVersion?: string
}): string {
  if (project.projectUuid) {
    if (!UUID_PATTERN.test(project.projectUuid)) {
      throw new InputError(
        DEPENDENCY_TRACK_INPUTS.projectUuid,
        `"${project.projectUuid}" is not a UUID`
      )
    }
    return `UUID ${project.projectUuid}`
  }
  if (!project.projectName) {
    throw new InputError(
      DEPENDENCY_TRACK_INPUTS.projectName,
      'is empty, and so is the project UUID: name the project to upload to'
    )
  }
  const version = project.projectVersion ? ` version "${project.projectVersion}"` : ''
  return `"${project.projectName}"${version}`
}
