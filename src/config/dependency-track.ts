import { InputError } from '../shared/errors.js'
import {
  defaultProjectCoordinates,
  parseDependencyTrackParent
} from '../integrations/dependency-track/inputs.js'
import type { InputName, InputValue } from './inputs.js'

export interface DependencyTrackConfig {
  url: string
  /** Secret: masked by the action before anything is logged. */
  apiKey: string
  projectName?: string
  projectVersion?: string
  projectUuid?: string
  parentUuid?: string
  parentName?: string
  autoCreate: boolean
  wait: boolean
  waitTimeoutMs: number
}

/**
 * The dependency-track-* inputs; undefined when no server is configured, and then the others
 * are not read at all (so not refused either).
 */
export function parseDependencyTrack(
  value: <N extends InputName>(name: N) => InputValue<N>,
  env: NodeJS.ProcessEnv
): DependencyTrackConfig | undefined {
  const url = value('dependency-track-url')
  const apiKey = value('dependency-track-api-key')
  if (!url) {
    if (apiKey)
      throw new InputError('dependency-track-api-key', 'is set but dependency-track-url is not')
    return undefined
  }
  if (!apiKey)
    throw new InputError('dependency-track-api-key', 'is required when dependency-track-url is set')
  const projectUuid = value('dependency-track-project-uuid')
  const defaults = defaultProjectCoordinates(env)
  const projectName = value('dependency-track-project') || defaults.projectName
  const projectVersion = value('dependency-track-version') || defaults.projectVersion
  if (!projectUuid && !projectName) {
    throw new InputError(
      'dependency-track-project',
      'is required outside a GitHub workflow run (or set dependency-track-project-uuid)'
    )
  }
  return {
    url,
    apiKey,
    ...(projectName ? { projectName } : {}),
    ...(projectVersion ? { projectVersion } : {}),
    ...(projectUuid ? { projectUuid } : {}),
    ...parseDependencyTrackParent(value('dependency-track-parent')),
    autoCreate: value('dependency-track-auto-create'),
    wait: value('dependency-track-wait'),
    waitTimeoutMs: value('dependency-track-wait-timeout')
  }
}
