/**
 * @actions/core, loaded once the run's lookup is under way instead of with the action. Its
 * entry brings its OIDC client, and with it @actions/http-client and a second copy of undici:
 * ~26 ms of compiling and evaluating before the first request on Node 20, on every run, cold
 * or warm. Until it has loaded, whatever would be written through it (masks, log lines) waits
 * in order, so a secret's mask still comes before any line that could hold the secret.
 */
import type * as Core from '@actions/core'

export type ActionsCore = typeof Core

let loaded: ActionsCore | undefined
let loading: Promise<ActionsCore> | undefined
const waiting: ((core: ActionsCore) => void)[] = []

/** Runs `use` with @actions/core now if it has loaded, else once it has, in order. */
export function withActionsCore(use: (core: ActionsCore) => void): void {
  if (loaded) use(loaded)
  else waiting.push(use)
}

/** Loads @actions/core (once) and writes what waited for it. */
export function loadActionsCore(): Promise<ActionsCore> {
  loading ??= import('@actions/core').then(core => {
    // Anything queued while these run goes to the end of the queue, still in order.
    while (waiting.length > 0) waiting.shift()!(core)
    loaded = core
    return core
  })
  return loading
}

/** An input as core.getInput reads it: INPUT_<NAME>, spaces as underscores, trimmed. */
export function actionInput(name: string, env: NodeJS.ProcessEnv = process.env): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim()
}
