import * as path from 'node:path'
import { randomBytes } from 'node:crypto'
import type { Logger } from '../log.js'

export interface UploadedArtifact {
  id?: number
  name: string
}

/**
 * Uploads files as one workflow artifact. Where there is no artifact service (a local run,
 * or GHES without the v4 service) it says so and returns undefined: the report is still on
 * disk, and a missing upload must not fail a security check.
 */
export async function uploadArtifact(
  files: string[],
  env: NodeJS.ProcessEnv,
  logger: Logger,
  notice: (message: string) => void
): Promise<UploadedArtifact | undefined> {
  if (!env.ACTIONS_RUNTIME_TOKEN || !env.ACTIONS_RESULTS_URL) {
    notice(
      `No artifact service here (not on a GitHub-hosted workflow run); the report stays at ${files.join(', ')}`
    )
    return undefined
  }
  // Loaded only when used: the artifact client is most of the bundle's start-up cost.
  const { DefaultArtifactClient, GHESNotSupportedError } = await import('@actions/artifact')
  const name = artifactName(env)
  try {
    const client = new DefaultArtifactClient()
    const root = commonDirectory(files)
    const { id } = await client.uploadArtifact(name, files, root)
    logger.info(`Uploaded artifact ${name}${id ? ` (id ${id})` : ''}`)
    return { name, ...(id !== undefined ? { id } : {}) }
  } catch (error) {
    if (error instanceof GHESNotSupportedError) {
      notice(
        `Artifact upload is not supported on this GitHub Enterprise Server; the report stays at ${files.join(', ')}`
      )
      return undefined
    }
    throw error
  }
}

/** Unique per job and run attempt, plus a random part so matrix legs never collide. */
export function artifactName(env: NodeJS.ProcessEnv): string {
  const job = (env.GITHUB_JOB ?? 'local').replace(/[^A-Za-z0-9_.-]/g, '-')
  return `pyaudit-report-${job}-${env.GITHUB_RUN_ATTEMPT ?? '1'}-${randomBytes(3).toString('hex')}`
}

function commonDirectory(files: string[]): string {
  const dirs = files.map(file => path.dirname(path.resolve(file)))
  let common = dirs[0] ?? process.cwd()
  for (const dir of dirs) {
    while (dir !== common && !dir.startsWith(common + path.sep)) common = path.dirname(common)
  }
  return common
}
