/**
 * Uploads the CycloneDX SBOM to Dependency-Track (POST /api/v1/bom, multipart form) and,
 * when asked to wait, polls the upload's token until the server has processed it, then reads
 * the project's findings and policy violations. Every failure names what to fix; the API key
 * is never part of a message or a log line.
 */
import { FormData } from '../../net/undici-formdata.js'
import type { Logger } from '../../shared/log.js'
import {
  describeStep,
  explainFailure,
  type DependencyTrackStep,
  type FailureContext
} from './errors.js'
import { redactSecrets, registerSecret } from '../../shared/escape.js'
import { DependencyTrackError, DependencyTrackHttp, redactKey } from './http.js'
import {
  checkApiKey,
  DEPENDENCY_TRACK_INPUTS as INPUTS,
  describeTarget,
  normalizeBaseUrl
} from './inputs.js'
import {
  lookUpProject,
  readFindings,
  readViolations,
  waitForProcessing,
  type Api
} from './reads.js'
import type { DependencyTrackFinding, DependencyTrackViolation } from './results.js'

export { DEPENDENCY_TRACK_INPUTS } from './inputs.js'
export { DependencyTrackError } from './http.js'
export { defaultProjectCoordinates, parseDependencyTrackParent } from './inputs.js'
export type { DependencyTrackFinding, DependencyTrackViolation } from './results.js'

export interface DependencyTrackOptions {
  /** The API server's base URL, e.g. https://dtrack.example.com (a trailing /api is tolerated). */
  url: string
  apiKey: string
  /** Target by name and version (see defaultProjectCoordinates), or by UUID. */
  projectName?: string
  projectVersion?: string
  projectUuid?: string
  /** Where an auto-created project goes: a parent by UUID, or by name (and version). */
  parentName?: string
  parentVersion?: string
  parentUuid?: string
  /** Create the project when it does not exist (needs PROJECT_CREATION_UPLOAD). Default true. */
  autoCreate?: boolean
  /** Wait for processing, then read findings and policy violations. Default false. */
  wait?: boolean
  /** Longest wait for processing. Default 5 minutes. */
  waitTimeoutMs?: number
  /** Default 2 s. */
  pollIntervalMs?: number
  /** Per request. Default 2 minutes: a large SBOM is validated before the server answers. */
  requestTimeoutMs?: number
  /** Tries per request, the first included. Default 3. */
  attempts?: number
  /** Base of the backoff between retries. Default 250 ms. */
  retryDelayMs?: number
  logger: Logger
  /** Where the proxy variables are read (the entry's environment); none, no proxy. */
  env?: NodeJS.ProcessEnv
}

export interface DependencyTrackResult {
  /** The upload's token, to follow its processing in Dependency-Track. */
  token: string
  projectUuid?: string
  /** Present only after waiting: active (not suppressed) findings. */
  findings?: DependencyTrackFinding[]
  policyViolations?: DependencyTrackViolation[]
}

export async function uploadToDependencyTrack(
  sbomJson: string,
  options: DependencyTrackOptions
): Promise<DependencyTrackResult> {
  const apiKey = options.apiKey.trim()
  const logger = redactingLogger(options.logger, apiKey)
  let http: DependencyTrackHttp | undefined
  try {
    checkApiKey(apiKey)
    // Whatever the server says may echo the key: redacted wherever it is printed, escaped or not.
    registerSecret(apiKey)
    const baseUrl = normalizeBaseUrl(options.url)
    if (baseUrl.startsWith('http:') && !/^http:\/\/(localhost|127\.|\[::1\])/.test(baseUrl)) {
      logger.warning(`${INPUTS.url} is plain http: the API key crosses the network unencrypted.`)
    }
    const target = describeTarget(options)
    http = new DependencyTrackHttp(baseUrl, {
      apiKey,
      logger,
      timeoutMs: options.requestTimeoutMs ?? 120_000,
      attempts: options.attempts ?? 3,
      ...(options.retryDelayMs !== undefined ? { baseDelayMs: options.retryDelayMs } : {}),
      env: options.env
    })
    const context = (step: DependencyTrackStep): FailureContext => ({
      step,
      baseUrl,
      project: target,
      byUuid: Boolean(options.projectUuid),
      autoCreate: options.autoCreate ?? true,
      ...(options.parentUuid || options.parentName
        ? { parent: options.parentUuid ?? options.parentName }
        : {}),
      sbomBytes: Buffer.byteLength(sbomJson)
    })

    const token = await upload(http, sbomJson, options, context)
    logger.info(`Uploaded the SBOM to Dependency-Track project ${target} (token ${token})`)
    if (!options.wait) {
      return redacted({
        token,
        ...(options.projectUuid ? { projectUuid: options.projectUuid } : {})
      })
    }
    const api = apiOf(http, context)
    await waitForProcessing(
      api,
      token,
      { timeoutMs: options.waitTimeoutMs ?? 300_000, intervalMs: options.pollIntervalMs ?? 2_000 },
      logger
    )
    const projectUuid =
      options.projectUuid ??
      (await lookUpProject(api, options.projectName ?? '', options.projectVersion))
    const findings = await readFindings(api, projectUuid)
    const policyViolations = await readViolations(api, projectUuid)
    logger.info(
      `Dependency-Track reports ${findings.length} finding(s) and ${policyViolations.length} policy violation(s) for ${target}`
    )
    return redacted({ token, projectUuid, findings, policyViolations })
  } catch (error) {
    // Belt and braces: nothing that leaves this module may carry the key.
    if (error instanceof Error && apiKey) {
      error.message = redactSecrets(redactKey(error.message, apiKey))
    }
    throw error
  } finally {
    await http?.close()
  }
}

function apiOf(
  http: DependencyTrackHttp,
  context: (step: DependencyTrackStep) => FailureContext
): Api {
  const find = async (step: DependencyTrackStep, path: string, absent?: number) => {
    const response = await http.send('GET', path, describeStep(step))
    if (response.status === absent) return undefined
    if (response.status !== 200) {
      throw explainFailure(response.status, response.text, context(step))
    }
    return { value: parseJson(response.text, step, http.baseUrl), totalCount: response.totalCount }
  }
  return {
    baseUrl: http.baseUrl,
    find,
    get: async (step, path) => (await find(step, path))!
  }
}

async function upload(
  http: DependencyTrackHttp,
  sbomJson: string,
  options: DependencyTrackOptions,
  context: (step: DependencyTrackStep) => FailureContext
): Promise<string> {
  const form = uploadForm(sbomJson, options)
  let response = await http.send('POST', '/api/v1/bom', describeStep('upload'), form)
  // Two legs auto-creating the same project at once: the loser's retry finds it created.
  if (response.status === 409) {
    response = await http.send('POST', '/api/v1/bom', describeStep('upload'), form)
  }
  if (response.status !== 200)
    throw explainFailure(response.status, response.text, context('upload'))
  const token = (parseJson(response.text, 'upload', http.baseUrl) as { token?: unknown } | null)
    ?.token
  if (typeof token !== 'string' || token === '') {
    throw new DependencyTrackError(
      `Dependency-Track at ${http.baseUrl} accepted the SBOM but returned no token`
    )
  }
  return token
}

function uploadForm(sbomJson: string, options: DependencyTrackOptions): FormData {
  const form = new FormData()
  const autoCreate = options.autoCreate ?? true
  if (options.projectUuid) {
    form.append('project', options.projectUuid)
  } else {
    form.append('projectName', options.projectName ?? '')
    if (options.projectVersion) form.append('projectVersion', options.projectVersion)
    form.append('autoCreate', String(autoCreate))
    // The server reads a parent only when it creates the project.
    if (autoCreate && options.parentUuid) form.append('parentUUID', options.parentUuid)
    else if (autoCreate && options.parentName) {
      form.append('parentName', options.parentName)
      if (options.parentVersion) form.append('parentVersion', options.parentVersion)
    }
  }
  form.append('bom', new Blob([sbomJson], { type: 'application/json' }), 'bom.json')
  return form
}

function parseJson(text: string, step: DependencyTrackStep, baseUrl: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    throw new DependencyTrackError(
      `Dependency-Track at ${baseUrl} answered a request to ${describeStep(step)} with something that is not JSON`
    )
  }
}

function redactingLogger(logger: Logger, apiKey: string): Logger {
  return {
    debug: message => logger.debug(redactSecrets(redactKey(message, apiKey))),
    info: message => logger.info(redactSecrets(redactKey(message, apiKey))),
    warning: message => logger.warning(redactSecrets(redactKey(message, apiKey)))
  }
}

/**
 * The server's answer with every known secret taken out of its text (a server that echoes the
 * key in a title or a token would otherwise carry it into the summary and the outputs).
 */
function redacted<T>(value: T): T {
  if (typeof value === 'string') return redactSecrets(value) as T
  if (Array.isArray(value)) return value.map(redacted) as T
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, redacted(item)])
    ) as T
  }
  return value
}
