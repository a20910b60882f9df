/**
 * A PEP 691 index over HTTPS (HTTP/2 or HTTP/1.1 only) for the tests of the index client's
 * speed and cache: each project a page of files, a PEP 792 status, and the validators it
 * is served with (ETag, Last-Modified); a conditional request whose validator still matches is
 * answered 304, as PyPI does. Every request is logged with its conditional headers.
 */
import { TlsServer, type TlsServerOptions } from '../support/tls-server.js'

export interface Project {
  /** version -> yanked reason (false: not yanked) of its one wheel. */
  versions: Record<string, string | false>
  status?: { status: string; reason?: string }
  etag?: string
  lastModified?: string
}

export interface LoggedRequest {
  name: string
  ifNoneMatch?: string
  ifModifiedSince?: string
  status: number
}

export class Pep691Server {
  readonly projects = new Map<string, Project>()
  readonly log: LoggedRequest[] = []
  /** Pages written ahead (prerender), each for the project object it was written from. */
  private readonly rendered = new Map<string, { project: Project; body: string }>()

  private started: TlsServer | undefined

  get server(): TlsServer {
    return this.started!
  }

  static async start(options: TlsServerOptions = {}): Promise<Pep691Server> {
    const self = new Pep691Server()
    self.started = await TlsServer.start((request, response) => {
      const name = /^\/simple\/([^/]+)\/$/.exec(request.url ?? '')?.[1] ?? ''
      const project = self.projects.get(name)
      const ifNoneMatch = header(request.headers['if-none-match'])
      const ifModifiedSince = header(request.headers['if-modified-since'])
      const answer = (status: number): void => {
        self.log.push({
          name,
          ...(ifNoneMatch ? { ifNoneMatch } : {}),
          ...(ifModifiedSince ? { ifModifiedSince } : {}),
          status
        })
      }
      if (!project) {
        answer(404)
        response.writeHead(404, { 'content-type': 'text/plain' })
        response.end('no such project')
        return
      }
      const validators = {
        ...(project.etag ? { etag: project.etag } : {}),
        ...(project.lastModified ? { 'last-modified': project.lastModified } : {})
      }
      const unchanged =
        (ifNoneMatch !== undefined && ifNoneMatch === project.etag) ||
        (ifNoneMatch === undefined &&
          ifModifiedSince !== undefined &&
          ifModifiedSince === project.lastModified)
      if (unchanged) {
        answer(304)
        response.writeHead(304, validators)
        response.end()
        return
      }
      answer(200)
      const ready = self.rendered.get(name)
      const body = ready?.project === project ? ready.body : pageOf(name, project)
      response.writeHead(200, {
        'content-type': 'application/vnd.pypi.simple.v1+json',
        'content-length': String(Buffer.byteLength(body)),
        ...validators
      })
      response.end(body)
    }, options)
    return self
  }

  /**
   * Writes every project's page now, as a CDN holds them, so that serving 200 at once costs
   * the benchmarks' process no JSON (it shares the cores with the run measured). A project
   * replaced afterwards is written when asked, as before.
   */
  prerender(): void {
    for (const [name, project] of this.projects) {
      this.rendered.set(name, { project, body: pageOf(name, project) })
    }
  }

  get indexUrl(): string {
    return `${this.server.origin}/simple/`
  }

  close(): Promise<void> {
    return this.server.close()
  }
}

/** The PEP 691 page of `project`. */
function pageOf(name: string, project: Project): string {
  return JSON.stringify({
    meta: { 'api-version': '1.1' },
    name,
    ...(project.status ? { 'project-status': project.status } : {}),
    versions: Object.keys(project.versions),
    files: Object.entries(project.versions).map(([version, yanked]) => ({
      filename: `${name.replace(/-/g, '_')}-${version}-py3-none-any.whl`,
      url: `/files/${name}-${version}.whl`,
      hashes: { sha256: sha256Of(name, version) },
      ...(yanked === false ? {} : { yanked })
    }))
  })
}

/** The digest the server lists for a project's wheel of `version`. */
export function sha256Of(name: string, version: string): string {
  let hex = ''
  for (const char of `${name}@${version}`) hex += char.charCodeAt(0).toString(16).padStart(2, '0')
  return hex.padEnd(64, '0').slice(0, 64)
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}
