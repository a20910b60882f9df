import { createHash } from 'node:crypto'

/**
 * A short, stable hash of this step and matrix leg: GITHUB_ACTION (unique per step in a job),
 * the runner's OS and architecture, and what the caller knows sets legs apart (working
 * directory, paths, Python version). Matrix legs share GITHUB_JOB, so names and comment
 * markers built from the job alone would collide.
 */
export function matrixLegHash(env: NodeJS.ProcessEnv, discriminators: readonly string[]): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        env.GITHUB_ACTION ?? '',
        env.RUNNER_OS ?? '',
        env.RUNNER_ARCH ?? '',
        ...discriminators
      ])
    )
    .digest('hex')
    .slice(0, 8)
}
