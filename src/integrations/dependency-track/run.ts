/**
 * The Dependency-Track step that the action and the command line share: a run's SBOM goes to
 * the configured server. Its client loads only when a server is configured.
 */
import type { Config } from '../../config/config.js'
import type { Logger } from '../../shared/log.js'
import type { DependencyTrackResult } from './client.js'
import { describeTarget } from './inputs.js'

export interface DependencyTrackUpload {
  result: DependencyTrackResult
  /** How messages name the project, e.g. `"octo/app" version "main"` or `UUID …`. */
  project: string
}

/**
 * Uploads the SBOM when config asks for Dependency-Track; undefined when it does not. Throws
 * the client's errors (they name the server and the input to fix, never the API key), so
 * each caller decides how a failed upload is reported next to the audit's verdict.
 */
export async function sendSbomToDependencyTrack(
  config: Config,
  sbom: string | undefined,
  logger: Logger,
  env: NodeJS.ProcessEnv
): Promise<DependencyTrackUpload | undefined> {
  const options = config.dependencyTrack
  if (!options) return undefined
  // The engine builds an SBOM whenever Dependency-Track is configured; none would be a bug.
  if (sbom === undefined) throw new Error('no SBOM was built for the Dependency-Track upload')
  const { uploadToDependencyTrack } = await import('./client.js')
  const result = await uploadToDependencyTrack(sbom, {
    ...options,
    logger,
    env,
    requestTimeoutMs: config.requestTimeoutMs
  })
  return { result, project: describeTarget(options) }
}
