/**
 * What a Dependency-Track answer that is not a success means for the user, and which input
 * to change. Pure: status and body in, error out. The body is the server's text (plain text
 * on most endpoints, RFC 9457 problem JSON on newer ones); it is untrusted and kept short.
 */
import { InputError, type PyauditError } from '../../shared/errors.js'
import { DependencyTrackError } from './http.js'
import { DEPENDENCY_TRACK_INPUTS } from './inputs.js'

export type DependencyTrackStep = 'upload' | 'token' | 'lookup' | 'findings' | 'violations'

export interface FailureContext {
  step: DependencyTrackStep
  baseUrl: string
  /** The project as the user named it, e.g. `"octo/app" version "main"` or `UUID …`. */
  project: string
  byUuid: boolean
  autoCreate: boolean
  parent?: string
  sbomBytes?: number
}

const WHAT: Record<DependencyTrackStep, string> = {
  upload: 'upload the SBOM',
  token: 'check whether the SBOM is processed',
  lookup: 'look up the project',
  findings: 'read the findings',
  violations: 'read the policy violations'
}

/** The permission each read needs, besides authentication. */
const READ_PERMISSION: Record<Exclude<DependencyTrackStep, 'upload'>, string> = {
  token: 'BOM_UPLOAD',
  lookup: 'VIEW_PORTFOLIO',
  findings: 'VIEW_VULNERABILITY',
  violations: 'VIEW_POLICY_VIOLATION'
}

export function describeStep(step: DependencyTrackStep): string {
  return WHAT[step]
}

export function explainFailure(
  status: number,
  body: string,
  context: FailureContext
): PyauditError {
  const { step, baseUrl, project } = context
  const detail = serverDetail(body)
  const said = detail ? `: ${detail}` : ''
  const server = `Dependency-Track at ${baseUrl}`
  const inputs = DEPENDENCY_TRACK_INPUTS

  if (status === 401 && /permission to create project/i.test(detail)) {
    return new InputError(
      inputs.apiKey,
      `${server} will not create project ${project}: the API key's team lacks the PROJECT_CREATION_UPLOAD ` +
        `(or PORTFOLIO_MANAGEMENT) permission. Grant it, or create the project in Dependency-Track first.`
    )
  }
  if (status === 401) {
    return new InputError(
      inputs.apiKey,
      `${server} rejected the API key (HTTP 401 Unauthorized) when asked to ${WHAT[step]}: ` +
        `check that the secret holds a current, complete API key of a Dependency-Track team.`
    )
  }
  if (status === 403) {
    const need =
      step === 'upload'
        ? `the BOM_UPLOAD permission${context.autoCreate && !context.byUuid ? ' (and PROJECT_CREATION_UPLOAD to create a new project)' : ''}` +
          `, and, where portfolio access control is on, access to project ${project}${context.parent ? ` and its parent ${context.parent}` : ''}`
        : `the ${READ_PERMISSION[step]} permission${step === 'token' ? '' : ` (needed because ${inputs.wait} is on)`}` +
          `, and, where portfolio access control is on, access to project ${project}`
    return new InputError(
      inputs.apiKey,
      `${server} refused to ${WHAT[step]} (HTTP 403 Forbidden${said}): the API key's team needs ${need}.`
    )
  }
  if (status === 404 && step === 'upload' && /parent/i.test(detail)) {
    return new InputError(
      inputs.parent,
      `${server} has no parent project${context.parent ? ` ${context.parent}` : ''}: give the UUID or the exact name of an existing project.`
    )
  }
  if (status === 404 && step === 'upload' && /project could not be found/i.test(detail)) {
    if (context.byUuid) {
      return new InputError(
        inputs.projectUuid,
        `${server} has no project with ${project}: check the UUID, or leave it empty to name the project instead.`
      )
    }
    return new InputError(
      inputs.projectName,
      `${server} has no project ${project} and ${inputs.autoCreate} is off: create the project in Dependency-Track, ` +
        `set ${inputs.autoCreate} to true (the key's team then needs PROJECT_CREATION_UPLOAD), or correct the project name and version.`
    )
  }
  if (status === 404 && step !== 'upload' && /could not be found/i.test(detail)) {
    return new DependencyTrackError(
      `${server} could not ${WHAT[step]}: project ${project} was not found after the upload (HTTP 404${said}).`,
      status
    )
  }
  if (status === 404 || status === 405) {
    return new InputError(
      inputs.url,
      `${server} answered HTTP ${status} when asked to ${WHAT[step]}: this does not look like a Dependency-Track API server. ` +
        `Give the API server's base URL (the one that serves /api/v1/...), not the web frontend's.`
    )
  }
  if (status === 400 && step === 'upload') {
    return new DependencyTrackError(
      `${server} rejected the SBOM as invalid (HTTP 400${said}).`,
      status
    )
  }
  if (status === 409 && step === 'upload') {
    return new DependencyTrackError(
      `${server} could not create project ${project}: another upload created it at the same time (HTTP 409${said}). Run the job again.`,
      status
    )
  }
  if (status === 413) {
    const size = context.sbomBytes ? ` (${(context.sbomBytes / 1024 / 1024).toFixed(1)} MB)` : ''
    return new DependencyTrackError(
      `${server} (or a proxy in front of it) refused the SBOM${size} as too large (HTTP 413): raise its request size limit.`,
      status
    )
  }
  return new DependencyTrackError(
    `${server} failed to ${WHAT[step]} (HTTP ${status}${said}).`,
    status
  )
}

/** The server's own words, one short line: problem JSON's title/detail, else the text. */
export function serverDetail(body: string): string {
  let text = body
  try {
    const problem = JSON.parse(body) as Record<string, unknown> | null
    if (problem && typeof problem === 'object' && !Array.isArray(problem)) {
      const parts = [problem.title, problem.detail, problem.message].filter(
        (part): part is string => typeof part === 'string' && part !== ''
      )
      const errors = Array.isArray(problem.errors)
        ? problem.errors.filter((e): e is string => typeof e === 'string').slice(0, 3)
        : []
      text = [...parts, ...errors].join(': ')
    }
  } catch {
    // Plain text (or an HTML error page): used as it is.
  }
  if (/^\s*</.test(text)) return ''
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim()
  return flat.length > 300 ? `${flat.slice(0, 300)}…` : flat
}
