import { keepWasmOnBaselineCompiler } from './net/wasm-tiering.js'

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
  const start =
    argv.length > 0 || !onRunner
      ? await import('./cli.js').then(({ runCli }) => async () => {
          process.exitCode = await runCli(argv)
        })
      : await import('./action.js').then(({ runAction }) => runAction)
  // Once the bundle, and the built-in modules it needs, have loaded (see wasm-tiering.ts), and
  // before undici compiles llhttp on the first connection.
  keepWasmOnBaselineCompiler()
  await start()
  await exitOnceWritten()
}

/**
 * Everything the run does is awaited by now, so the process ends here instead of letting
 * Node tear down a heap of ~100 MB on its own, which took 60-80 ms of a 0.6 s run. Output
 * still queued for a pipe (asynchronous on macOS) is written first.
 */
async function exitOnceWritten(): Promise<never> {
  for (const stream of [process.stdout, process.stderr]) {
    if (stream.writableLength > 0) await new Promise(resolve => stream.once('drain', resolve))
  }
  process.exit()
}
