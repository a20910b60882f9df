/**
 * One bundle serves both uses. Command-line arguments, or no sign of a runner, make it the
 * CLI; otherwise it is the action, reading INPUT_* variables exactly as on a runner. Each
 * side is loaded only when used, so the CLI never pays for @actions/core and vice versa.
 */
export async function run(
  argv: string[] = process.argv.slice(2),
  env: NodeJS.ProcessEnv = process.env
): Promise<void> {
  const onRunner =
    env.GITHUB_ACTIONS === 'true' || Object.keys(env).some(key => key.startsWith('INPUT_'))
  if (argv.length > 0 || !onRunner) {
    const { runCli } = await import('./cli.js')
    process.exitCode = await runCli(argv)
    return
  }
  const { runAction } = await import('./action.js')
  await runAction()
}
