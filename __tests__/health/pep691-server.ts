/**
 * A PEP 691 index over HTTPS (HTTP/2 or HTTP/1.1 only) for the tests of the index client's
 * speed and cache: each project a page of files, a PEP 792 status, and the validators it
 * is served with (ETag, Last-Modified); a conditional request whose validator still matches is
 * answered 304, as PyPI does. Every request is logged with its conditional headers.
 */
import { createHash } from 'node:crypto'
import { gzipSync } from 'node:zlib'
import { TlsServer, type TlsServerOptions } from '../support/tls-server.js'

export interface Project {
  /** version -> yanked reason (false: not yanked) of its one wheel. */
  versions: Record<string, string | false>
  /**
   * Files per release, written as PyPI writes them (every field PEP 691, 700, 714 and 740 give
   * a file: its URL, size, upload time, metadata digests), an sdist and wheels: for the
   * benchmarks, whose pages should weigh what PyPI's do. Unset: one wheel with a filename, a URL
   * and a digest.
   */
  filesPerRelease?: number
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
  /** How each page (200) was sent: gzipped when asked for with Accept-Encoding, else plain. */
  readonly encodings: Array<'gzip' | 'identity'> = []
  /** Pages written ahead (prerender), each for the project object it was written from. */
  private readonly rendered = new Map<string, Rendered>()

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
      const page = ready?.project === project ? ready : rendered(name, project)
      // Gzipped for a client that accepts it, as PyPI (Warehouse) does.
      const gzipped = /\bgzip\b/.test(header(request.headers['accept-encoding']) ?? '')
      self.encodings.push(gzipped ? 'gzip' : 'identity')
      const body = gzipped ? gzippedOf(page) : page.body
      response.writeHead(200, {
        'content-type': 'application/vnd.pypi.simple.v1+json',
        'content-length': String(body.length),
        vary: 'Accept-Encoding',
        ...(gzipped ? { 'content-encoding': 'gzip' } : {}),
        ...validators
      })
      response.end(body)
    }, options)
    return self
  }

  /**
   * Writes every project's page now, gzipped too, as a CDN holds them, so that serving 200 at
   * once costs the benchmarks' process no JSON and no gzip (it shares the cores with the run
   * measured). A project replaced afterwards is written when asked, as before.
   */
  prerender(): void {
    for (const [name, project] of this.projects) {
      const page = rendered(name, project)
      gzippedOf(page)
      this.rendered.set(name, page)
    }
  }

  /** The pages written ahead, each as it is and gzipped. */
  get prerenderedPages(): Array<{ plain: Buffer; gzipped: Buffer }> {
    return [...this.rendered.values()].map(page => ({ plain: page.body, gzipped: gzippedOf(page) }))
  }

  /** The bytes of the pages written ahead, as they are and gzipped. */
  get prerenderedBytes(): { plain: number; gzipped: number } {
    const bytes = { plain: 0, gzipped: 0 }
    for (const page of this.rendered.values()) {
      bytes.plain += page.body.length
      bytes.gzipped += gzippedOf(page).length
    }
    return bytes
  }

  get indexUrl(): string {
    return `${this.server.origin}/simple/`
  }

  close(): Promise<void> {
    return this.server.close()
  }
}

/** A page written for `project`; gzipped once a client asks for that (or ahead, with it). */
interface Rendered {
  project: Project
  body: Buffer
  gzipped?: Buffer
}

function rendered(name: string, project: Project): Rendered {
  const body = Buffer.from(pageOf(name, project))
  return { project, body }
}

function gzippedOf(page: Rendered): Buffer {
  return (page.gzipped ??= gzipSync(page.body))
}

/** The PEP 691 page of `project`. */
function pageOf(name: string, project: Project): string {
  if (project.filesPerRelease !== undefined) return pypiPageOf(name, project)
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

/** Wheel tags after the first (py3-none-any), as a project with binary wheels has them. */
const WHEEL_TAGS = ['cp', 'pp'].flatMap(implementation =>
  ['39', '310', '311', '312', '313'].flatMap(python =>
    ['manylinux_2_17_x86_64', 'manylinux_2_17_aarch64', 'musllinux_1_2_x86_64', 'win_amd64'].map(
      platform => `${implementation}${python}-${implementation}${python}-${platform}`
    )
  )
)

/**
 * A page as PyPI writes it (api-version 1.4): per release an sdist, then wheels, each file
 * with every field PyPI gives. Digests and URLs are made from the name, as random as real ones.
 */
function pypiPageOf(name: string, project: Project): string {
  const base = name.replace(/-/g, '_')
  const count = Math.max(1, project.filesPerRelease ?? 1)
  const files: object[] = []
  for (const [version, yanked] of Object.entries(project.versions)) {
    for (let index = 0; index < count; index++) {
      const filename =
        index === 0
          ? `${base}-${version}.tar.gz`
          : index === 1
            ? `${base}-${version}-py3-none-any.whl`
            : `${base}-${version}-${WHEEL_TAGS[(index - 2) % WHEEL_TAGS.length]}.whl`
      const digest = index === 1 ? sha256Of(name, version) : digestOf(filename)
      const metadata = filename.endsWith('.whl')
        ? { sha256: digestOf(`${filename}.metadata`) }
        : false
      const path = digestOf(`${filename}/url`)
      files.push({
        'core-metadata': metadata,
        'data-dist-info-metadata': metadata,
        filename,
        hashes: { sha256: digest },
        provenance: null,
        'requires-python': '>=3.9',
        size: 100_000 + (parseInt(digest.slice(0, 6), 16) % 5_000_000),
        'upload-time': '2024-05-06T07:08:09.123456Z',
        url: `https://files.pythonhosted.org/packages/${path.slice(0, 2)}/${path.slice(2, 4)}/${path.slice(4, 64)}/${filename}`,
        yanked: yanked === false ? false : yanked
      })
    }
  }
  return JSON.stringify({
    meta: { '_last-serial': 24_000_000, 'api-version': '1.4' },
    name,
    'project-status': project.status ?? { status: 'active' },
    versions: Object.keys(project.versions),
    files
  })
}

function digestOf(text: string): string {
  return createHash('sha256').update(text).digest('hex')
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
