import { excerpt } from '../shared/text.js'
import { parseBoolean } from './values.js'
import { InputError } from '../shared/errors.js'
import {
  defaultProjectCoordinates,
  normalizeBaseUrl,
  parseDependencyTrackParent,
  UUID_PATTERN
} from '../integrations/dependency-track/inputs.js'

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

/** The dependency-track-* inputs; undefined when no server is configured. */
export function parseDependencyTrack(
  input: (name: string) => string,
  env: NodeJS.ProcessEnv
): DependencyTrackConfig | undefined {
  const url = input('dependency-track-url')
  const apiKey = input('dependency-track-api-key')
  if (!url) {
    if (apiKey)
      throw new InputError('dependency-track-api-key', 'is set but dependency-track-url is not')
    return undefined
  }
  if (!apiKey)
    throw new InputError('dependency-track-api-key', 'is required when dependency-track-url is set')
  const projectUuid = input('dependency-track-project-uuid')
  if (projectUuid && !UUID_PATTERN.test(projectUuid)) {
    throw new InputError(
      'dependency-track-project-uuid',
      'expected a project UUID such as 3f1d0c2e-...'
    )
  }
  const defaults = defaultProjectCoordinates(env)
  const projectName = input('dependency-track-project') || defaults.projectName
  const projectVersion = input('dependency-track-version') || defaults.projectVersion
  if (!projectUuid && !projectName) {
    throw new InputError(
      'dependency-track-project',
      'is required outside a GitHub workflow run (or set dependency-track-project-uuid)'
    )
  }
  return {
    url: normalizeBaseUrl(url),
    apiKey,
    ...(projectName ? { projectName } : {}),
    ...(projectVersion ? { projectVersion } : {}),
    ...(projectUuid ? { projectUuid: projectUuid.toLowerCase() } : {}),
    ...parseDependencyTrackParent(input('dependency-track-parent')),
    autoCreate: parseBoolean('dependency-track-auto-create', input('dependency-track-auto-create')),
    wait: parseBoolean('dependency-track-wait', input('dependency-track-wait')),
    waitTimeoutMs:
      parseSeconds('dependency-track-wait-timeout', input('dependency-track-wait-timeout')) * 1000
  }
}

function parseSeconds(name: string, value: string): number {
  if (!/^\d{1,6}$/.test(value) || Number(value) === 0) {
    throw new InputError(name, `expected a whole number of seconds, got '${excerpt(value)}'`)
  }
  return Number(value)
}
