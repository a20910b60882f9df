/**
 * A loopback Dependency-Track API server, following the shapes of its OpenAPI description:
 * POST /api/v1/bom (multipart form, parsed here byte by byte), the token check, the project
 * lookup, and the findings and policy violations of a project (paginated, X-Total-Count).
 * API keys carry team permissions; missing ones answer as Dependency-Track does (401 for an
 * unknown key, 403 for a missing permission, 401 for auto-create without the right to).
 * Findings appear once processing ends: the components of the uploaded CycloneDX SBOM that
 * match the server's advisories and policies.
 */
import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { LoopbackServer } from './loopback-server.js'

export interface FormPart {
  name: string
  filename?: string
  contentType?: string
  data: Buffer
}

export interface Project {
  uuid: string
  name: string
  version?: string
  parentUuid?: string
  components: { name: string; version?: string; purl?: string }[]
  /** Set when processing of an upload ends; findings exist only from then on. */
  processed: boolean
}

export interface Advisory {
  purl: string
  vulnId: string
  source: string
  severity: string
  aliases?: Record<string, string>[]
}

export interface Policy {
  name: string
  violationState: 'FAIL' | 'WARN' | 'INFO'
  /** Components whose purl contains this text violate the policy. */
  purlContains: string
}

export interface Upload {
  parts: FormPart[]
  project: Project
  contentType: string
}

/** Every permission the tool's upload-and-wait needs (README: Dependency-Track quick start). */
export const ALL_PERMISSIONS = [
  'BOM_UPLOAD',
  'PROJECT_CREATION_UPLOAD',
  'VIEW_PORTFOLIO',
  'VIEW_VULNERABILITY',
  'VIEW_POLICY_VIOLATION'
] as const

export class DependencyTrackServer extends LoopbackServer {
  readonly keys = new Map<string, Set<string>>()
  readonly projects: Project[] = []
  readonly uploads: Upload[] = []
  readonly advisories: Advisory[] = []
  readonly policies: Policy[] = []
  readonly requests: string[] = []
  /** Token checks that answer processing: true before one answers false. */
  pollsUntilDone = 2
  /** Answer /event/token with 404, as servers before 4.11 did. */
  legacyTokenEndpoint = false
  /** Fail this many requests with 503 before answering. */
  unavailable = 0
  /** Answer every request with this, whatever it asks. */
  broken?: { status: number; body: string }
  /**
   * A server that echoes the X-Api-Key it was sent, as some proxies and debug builds do: in
   * finding titles, policy names and the bodies of its 401 and 403 answers.
   */
  echoApiKey = false
  private lastKey = ''
  private readonly tokens = new Map<string, { project: Project; polls: number }>()
  addKey(key: string, ...permissions: string[]): void {
    this.keys.set(key, new Set(permissions))
  }

  addProject(name: string, version?: string): Project {
    const project: Project = {
      uuid: randomUUID(),
      name,
      ...(version ? { version } : {}),
      components: [],
      processed: false
    }
    this.projects.push(project)
    return project
  }

  protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const url = new URL(req.url ?? '/', 'http://x')
    this.requests.push(`${req.method} ${url.pathname}${url.search}`)
    if (this.broken) return text(res, this.broken.status, this.broken.body)
    if (this.unavailable > 0) {
      this.unavailable--
      return text(res, 503, 'Service Unavailable')
    }
    this.lastKey = String(req.headers['x-api-key'] ?? '')
    const echo = (words: string) => (this.echoApiKey ? `${words} ${this.lastKey}` : '')
    const permissions = this.keys.get(this.lastKey)
    // Alpine's authentication filter: an unknown key gets an empty 401.
    if (!permissions) return text(res, 401, echo('Unknown API key'))
    const need = (permission: string): boolean => {
      if (permissions.has(permission)) return true
      text(res, 403, echo(`Missing ${permission} for API key`))
      return false
    }
    const route = `${req.method} ${url.pathname}`
    if (route === 'POST /api/v1/bom') {
      if (!need('BOM_UPLOAD')) return
      return this.upload(req, Buffer.concat(chunks), permissions, res)
    }
    const token = /^\/api\/v1\/(event|bom)\/token\/([^/]+)$/.exec(url.pathname)
    if (req.method === 'GET' && token) {
      if (token[1] === 'event' && this.legacyTokenEndpoint) return text(res, 404, '')
      if (token[1] === 'bom' && !need('BOM_UPLOAD')) return
      const state = this.tokens.get(token[2] ?? '')
      if (state) state.polls++
      const processing = state !== undefined && state.polls <= this.pollsUntilDone
      if (state && !processing) state.project.processed = true
      return json(res, 200, { processing })
    }
    if (route === 'GET /api/v1/project/lookup') {
      if (!need('VIEW_PORTFOLIO')) return
      const name = url.searchParams.get('name')
      const version = url.searchParams.get('version') ?? undefined
      const project = this.projects.find(p => p.name === name && p.version === version)
      if (!project) return text(res, 404, 'The project could not be found.')
      return json(res, 200, { uuid: project.uuid, name: project.name, version: project.version })
    }
    const list = /^\/api\/v1\/(finding|violation)\/project\/([^/]+)$/.exec(url.pathname)
    if (req.method === 'GET' && list) {
      if (!need(list[1] === 'finding' ? 'VIEW_VULNERABILITY' : 'VIEW_POLICY_VIOLATION')) return
      const project = this.projects.find(p => p.uuid === list[2])
      if (!project) return text(res, 404, 'The project could not be found.')
      const all = list[1] === 'finding' ? this.findings(project) : this.violations(project)
      // Findings are one list; violations are paginated (pageNumber is 1-based).
      if (list[1] === 'finding') return json(res, 200, all, all.length)
      const size = Number(url.searchParams.get('pageSize') ?? all.length)
      const page = Number(url.searchParams.get('pageNumber') ?? 1)
      return json(res, 200, all.slice((page - 1) * size, page * size), all.length)
    }
    text(res, 404, '')
  }

  private upload(
    req: IncomingMessage,
    body: Buffer,
    permissions: Set<string>,
    res: ServerResponse
  ) {
    const contentType = String(req.headers['content-type'] ?? '')
    const boundary = /^multipart\/form-data;\s*boundary=("?)([^";]+)\1/i.exec(contentType)?.[2]
    if (!boundary) return text(res, 415, 'Unsupported Media Type')
    const parts = parseMultipart(body, boundary)
    if (!parts) return text(res, 400, 'Malformed multipart body')
    const field = (name: string) => parts.find(p => p.name === name)?.data.toString('utf8')
    const bom = parts.find(p => p.name === 'bom')
    if (!bom) return text(res, 400, 'No BOM file provided.')
    let project: Project | undefined
    const uuid = field('project')
    if (uuid) {
      project = this.projects.find(p => p.uuid === uuid)
    } else {
      const name = field('projectName')?.trim()
      const version = field('projectVersion')?.trim() || undefined
      project = this.projects.find(p => p.name === name && p.version === version)
      if (!project && field('autoCreate') === 'true') {
        if (
          !permissions.has('PROJECT_CREATION_UPLOAD') &&
          !permissions.has('PORTFOLIO_MANAGEMENT')
        ) {
          return text(res, 401, 'The principal does not have permission to create project.')
        }
        const parentUuid = field('parentUUID')
        const parentName = field('parentName')
        let parent: Project | undefined
        if (parentUuid || parentName) {
          parent = parentUuid
            ? this.projects.find(p => p.uuid === parentUuid)
            : this.projects.find(p => p.name === parentName && p.version === field('parentVersion'))
          if (!parent) return text(res, 404, 'The parent project could not be found.')
        }
        project = this.addProject(name ?? '', version)
        if (parent) project.parentUuid = parent.uuid
      }
    }
    if (!project) return text(res, 404, 'The project could not be found.')
    let document: { components?: unknown }
    try {
      document = JSON.parse(bom.data.toString('utf8')) as { components?: unknown }
    } catch {
      return json(res, 400, {
        status: 400,
        title: 'The uploaded BOM is invalid',
        detail: 'Schema validation failed',
        errors: ['not a JSON document']
      })
    }
    project.components = Array.isArray(document.components) ? document.components : []
    project.processed = false
    this.uploads.push({ parts, project, contentType })
    const token = randomUUID()
    this.tokens.set(token, { project, polls: 0 })
    json(res, 200, { token })
  }

  private findings(project: Project): unknown[] {
    if (!project.processed) return []
    return project.components.flatMap(component =>
      this.advisories
        .filter(advisory => advisory.purl === component.purl)
        .map(advisory => ({
          component: { ...componentJson(component), project: project.uuid },
          vulnerability: {
            uuid: randomUUID(),
            source: advisory.source,
            vulnId: advisory.vulnId,
            ...(this.echoApiKey ? { title: `Reported for API key ${this.lastKey}` } : {}),
            severity: advisory.severity,
            severityRank: 1,
            aliases: advisory.aliases ?? []
          },
          analysis: { isSuppressed: false },
          attribution: { analyzerIdentity: 'OSSINDEX_ANALYZER' },
          matrix: `${project.uuid}:x:y`
        }))
    )
  }

  private violations(project: Project): unknown[] {
    if (!project.processed) return []
    return project.components.flatMap(component =>
      this.policies
        .filter(policy => component.purl?.includes(policy.purlContains))
        .map(policy => ({
          type: 'OPERATIONAL',
          uuid: randomUUID(),
          timestamp: Date.now(),
          component: componentJson(component),
          policyCondition: {
            uuid: randomUUID(),
            operator: 'MATCHES',
            subject: 'PACKAGE_URL',
            value: policy.purlContains,
            policy: {
              uuid: randomUUID(),
              name: this.echoApiKey ? `${policy.name} (key ${this.lastKey})` : policy.name,
              violationState: policy.violationState
            }
          }
        }))
    )
  }
}

/**
 * RFC 7578 multipart/form-data: parts between `--boundary` lines, each with headers, a blank
 * line and data, the last boundary followed by `--`. Undefined when the body breaks the format.
 */
export function parseMultipart(body: Buffer, boundary: string): FormPart[] | undefined {
  const delimiter = Buffer.from(`--${boundary}`)
  const parts: FormPart[] = []
  let position = body.indexOf(delimiter)
  if (position !== 0) return undefined
  for (;;) {
    position += delimiter.length
    if (body.subarray(position, position + 2).toString() === '--') return parts
    if (body.subarray(position, position + 2).toString() !== '\r\n') return undefined
    position += 2
    const headerEnd = body.indexOf('\r\n\r\n', position)
    if (headerEnd < 0) return undefined
    const headers = body.subarray(position, headerEnd).toString('utf8').split('\r\n')
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), headerEnd + 4)
    if (next < 0) return undefined
    const disposition = headers.find(h => /^content-disposition:/i.test(h)) ?? ''
    const name = /;\s*name="([^"]*)"/i.exec(disposition)?.[1]
    if (name === undefined) return undefined
    const filename = /;\s*filename="([^"]*)"/i.exec(disposition)?.[1]
    const type = headers.find(h => /^content-type:/i.test(h))?.replace(/^content-type:\s*/i, '')
    parts.push({
      name,
      ...(filename !== undefined ? { filename } : {}),
      ...(type ? { contentType: type } : {}),
      data: body.subarray(headerEnd + 4, next)
    })
    position = next + 2
  }
}

function componentJson(component: Project['components'][number]): Record<string, unknown> {
  const { name, version, purl } = component
  return { uuid: randomUUID(), name, version, purl }
}

function text(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'text/plain' })
  res.end(body)
}

function json(res: ServerResponse, status: number, value: unknown, total?: number): void {
  res.writeHead(status, {
    'content-type': 'application/json',
    ...(total !== undefined ? { 'x-total-count': String(total) } : {})
  })
  res.end(JSON.stringify(value))
}
