import { runAction } from './action.js'
import { runCli } from './cli.js'

/**
 * One bundle serves both uses. Command-line arguments, or no sign of a runner, make it the
 * CLI; otherwise it is the action, reading INPUT_* variables exactly as on a runner.
 */
export async function run(
  argv: string[] = process.argv.slice(2),
  env: NodeJS.ProcessEnv = process.env
): Promise<void> {
  const onRunner =
    env.GITHUB_ACTIONS === 'true' || Object.keys(env).some(key => key.startsWith('INPUT_'))
  if (argv.length > 0 || !onRunner) {
    process.exitCode = await runCli(argv)
    return
  }
  await runAction()
}
