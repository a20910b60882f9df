import type { Logger } from '../../shared/log.js'
import { withActionsCore } from './actions-core.js'
import { neutralizeWorkflowCommands } from './workflow-commands.js'

/** Logs through @actions/core; every message may carry untrusted text, so none can issue commands. */
export const actionLogger: Logger = {
  debug: message => withActionsCore(core => core.debug(message)),
  info: message => withActionsCore(core => core.info(neutralizeWorkflowCommands(message))),
  // core.warning escapes its message as command data, so it cannot break out.
  warning: message => withActionsCore(core => core.warning(message))
}
