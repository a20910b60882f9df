/**
 * Runs an actions/github-script `script:` the way that action does: as the body of an async
 * function given `require`, an authenticated Octokit (`github`), `context` and `core`. Here
 * the Octokit talks to a loopback server, and `process` is the step's own environment, so a
 * test sets no variables of its own process.
 */
import { getOctokit } from '@actions/github'
import { createRequire } from 'node:module'

type Script = (...args: unknown[]) => Promise<unknown>
const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
  ...names: string[]
) => Script

export interface GithubScriptRun {
  env: Record<string, string>
  token: string
  baseUrl: string
  owner: string
  repo: string
}

/** The messages the script gave core.info. */
export async function runGithubScript(script: string, run: GithubScriptRun): Promise<string[]> {
  const infos: string[] = []
  const body = new AsyncFunction('require', 'github', 'context', 'core', 'process', script)
  await body(
    createRequire(import.meta.url),
    getOctokit(run.token, { baseUrl: run.baseUrl }),
    { repo: { owner: run.owner, repo: run.repo } },
    { info: (message: string) => void infos.push(message) },
    { env: run.env }
  )
  return infos
}

/**
 * A step's `env:` as the runner gives it, where every value is `${{ steps.<id>.outputs.<name> }}`
 * of one step; anything else is refused, so the test knows every value it passes.
 */
export function resolveStepEnv(
  env: Record<string, string>,
  stepId: string,
  outputs: Record<string, string>
): Record<string, string> {
  const reference = new RegExp(`^\\$\\{\\{\\s*steps\\.${stepId}\\.outputs\\.([\\w-]+)\\s*\\}\\}$`)
  return Object.fromEntries(
    Object.entries(env).map(([name, value]) => {
      const output = reference.exec(value)?.[1]
      if (output === undefined) throw new Error(`${name}: not an output of ${stepId}: ${value}`)
      return [name, outputs[output] ?? '']
    })
  )
}
