import * as core from '@actions/core'
import type { Logger } from '../../shared/log.js'
import { neutralizeWorkflowCommands } from './workflow-commands.js'

/** Logs through @actions/core; every message may carry untrusted text, so none can issue commands. */
export const actionLogger: Logger = {
  debug: message => core.debug(message),
  info: message => core.info(neutralizeWorkflowCommands(message)),
  // core.warning escapes its message as command data, so it cannot break out.
  warning: message => core.warning(message)
}
