import * as path from 'node:path'
import { randomBytes } from 'node:crypto'
import { InputError, PyauditError } from '../../shared/errors.js'
import type { Logger } from '../../shared/log.js'
import { matrixLegHash } from './matrix-leg.js'

export interface UploadedArtifact {
  id: number
  name: string
  /** The artifact's page on GitHub, when the run's repository and id are known. */
  url?: string
}

export interface ArtifactOptions {
  /** Input `artifact-name`; empty means defaultArtifactName(). */
  name?: string
  /** Input `retention-days`; undefined keeps the repository's default. */
  retentionDays?: number
  /**
   * What tells this audit apart from others in the same job and from other matrix legs
   * (matrix legs share GITHUB_JOB): e.g. the working directory, the paths, the Python version.
   */
  discriminators?: string[]
}

/** An artifact service that answered but would not take the report. */
export class ArtifactUploadError extends PyauditError {
  override readonly name = 'ArtifactUploadError'
}

/**
 * Uploads files as one workflow artifact. Where there is no artifact service (a local run,
 * or GHES without the v4 service) it says so and returns undefined: the report is still on
 * disk, and a missing upload must not fail a security check.
 *
 * A name another job, matrix leg or step already used in this run is not a reason to lose
 * the report, nor to hide that it happened: the upload is retried once under the name plus
 * a random suffix, with a warning that names both. Any other failure throws.
 */
export async function uploadArtifact(
  files: string[],
  env: NodeJS.ProcessEnv,
  logger: Logger,
  notice: (message: string) => void,
  options: ArtifactOptions = {}
): Promise<UploadedArtifact | undefined> {
  if (!env.ACTIONS_RUNTIME_TOKEN || !env.ACTIONS_RESULTS_URL) {
    notice(
      `No artifact service here (not on a GitHub-hosted workflow run); the report stays at ${files.join(', ')}`
    )
    return undefined
  }
  const noEnterpriseService = () =>
    notice(
      `Artifact upload is not supported on this GitHub Enterprise Server; the report stays at ${files.join(', ')}`
    )
  if (isEnterpriseServer(env)) {
    noEnterpriseService()
    return undefined
  }
  const chosen = options.name?.trim()
  if (chosen) checkArtifactName(chosen)
  const firstName = chosen || defaultArtifactName(env, options.discriminators ?? [])

  // Loaded only when used: the artifact client is most of the bundle's start-up cost.
  const { DefaultArtifactClient, GHESNotSupportedError } = await import('@actions/artifact')
  const client = new DefaultArtifactClient()
  const root = commonDirectory(files)
  const retention = options.retentionDays ? { retentionDays: options.retentionDays } : {}
  const upload = async (name: string): Promise<UploadedArtifact> => {
    const { id } = await client.uploadArtifact(name, files, root, retention)
    if (id === undefined) throw new Error('the artifact service returned no artifact id')
    const url = artifactUrl(env, id)
    logger.info(`Uploaded artifact ${name} (id ${id})${url ? `: ${url}` : ''}`)
    return { id, name, ...(url ? { url } : {}) }
  }

  try {
    return await upload(firstName)
  } catch (error) {
    if (error instanceof GHESNotSupportedError) {
      noEnterpriseService()
      return undefined
    }
    if (!isNameConflict(error)) throw uploadFailed(firstName, files, error)
  }
  const secondName = `${firstName}-${randomBytes(3).toString('hex')}`
  logger.warning(
    `An artifact named "${firstName}" already exists in this workflow run (another job, matrix leg or step uploaded one); ` +
      `uploading the report as "${secondName}" instead. Give each audit its own artifact-name to avoid this.`
  )
  try {
    return await upload(secondName)
  } catch (error) {
    throw uploadFailed(secondName, files, error)
  }
}

/**
 * Unique per step and matrix leg without being random: the job id, then a short hash of the
 * step (GITHUB_ACTION is unique per step within a job), the runner's OS and architecture and
 * the caller's discriminators. A re-run attempt gets its own name.
 */
export function defaultArtifactName(env: NodeJS.ProcessEnv, discriminators: string[]): string {
  const job = (env.GITHUB_JOB || 'local').replace(/[^A-Za-z0-9_.-]/g, '-')
  const leg = matrixLegHash(env, discriminators)
  const attempt = Number(env.GITHUB_RUN_ATTEMPT ?? '1')
  return `pyaudit-report-${job}-${leg}${attempt > 1 ? `-attempt${attempt}` : ''}`
}

/** The artifact's page, e.g. https://github.com/o/r/actions/runs/1/artifacts/2. */
export function artifactUrl(env: NodeJS.ProcessEnv, id: number): string | undefined {
  const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '')
  if (!env.GITHUB_REPOSITORY || !env.GITHUB_RUN_ID) return undefined
  return `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}/artifacts/${id}`
}

/**
 * GHES has no artifact service v4. Checked here, as @actions/artifact checks it, so that the
 * library does not first print its own warning about it.
 */
function isEnterpriseServer(env: NodeJS.ProcessEnv): boolean {
  let host: string
  try {
    host = new URL(env.GITHUB_SERVER_URL || 'https://github.com').hostname.toLowerCase()
  } catch {
    return false
  }
  return host !== 'github.com' && !host.endsWith('.ghe.com') && !host.endsWith('.localhost')
}

/** The characters the artifact service refuses in a name. */
// eslint-disable-next-line no-control-regex
const FORBIDDEN_IN_NAME = /[":<>|*?\\/\u0000-\u001f]/

/** Refuses a name the service would refuse (the artifact-name input, checked by parseConfig). */
export function checkArtifactName(name: string): void {
  const bad = FORBIDDEN_IN_NAME.exec(name)
  if (bad) {
    throw new InputError(
      'artifact-name',
      `artifact names cannot contain ${JSON.stringify(bad[0])} (nor any of " : < > | * ? \\ / or control characters)`
    )
  }
}

/** @actions/artifact reports the service's 409 as "(409) Conflict: ... already exists". */
function isNameConflict(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error)
  return /\(409\)|already exists/i.test(message)
}

function uploadFailed(name: string, files: string[], error: unknown): ArtifactUploadError {
  const detail = (error instanceof Error ? error.message : String(error))
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .trim()
  return new ArtifactUploadError(
    `Could not upload the report as artifact "${name}": ${detail}. The report is still at ${files.join(', ')}.`,
    { cause: error }
  )
}

function commonDirectory(files: string[]): string {
  const dirs = files.map(file => path.dirname(path.resolve(file)))
  let common = dirs[0] ?? process.cwd()
  for (const dir of dirs) {
    while (dir !== common && !dir.startsWith(common + path.sep)) common = path.dirname(common)
  }
  return common
}
