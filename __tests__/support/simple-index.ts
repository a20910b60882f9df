/**
 * A loopback package index for running the real pip against: small wheels built in memory
 * (a wheel is a zip holding `<name>-<version>.dist-info/` with METADATA, WHEEL and RECORD) and
 * served as a PEP 503 simple index (HTML, links carrying `#sha256=`) or, when the client asks
 * for it, PEP 691 JSON. Optionally requires HTTP basic auth, like a private index.
 *
 * For the package-health checks it can also mark files yanked (PEP 592), give projects a
 * PEP 792 status (in JSON `project-status`, in HTML the `pypi:project-status` meta tags),
 * list files it does not serve by name and digest (the real files a lockfile pins), and
 * fail every project page with one HTTP status.
 */
import { createHash } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { deflateRawSync } from 'node:zlib'

export interface WheelSpec {
  name: string
  version: string
  requiresDist?: string[]
  providesExtra?: string[]
  license?: string
  licenseExpression?: string
  classifiers?: string[]
  requiresPython?: string
  /** List the wheel as yanked (PEP 592): true, or the reason. */
  yanked?: boolean | string
}

/** A file listed on a project page by name and digest only: its bytes are not served. */
export interface ListedFile {
  project: string
  filename: string
  sha256: string
  yanked?: boolean | string
}

/** The entries of a project page, whether built here or only listed. */
interface PageFile {
  filename: string
  sha256: string
  yanked?: boolean | string
  requiresPython?: string
}

export interface BuiltWheel {
  spec: WheelSpec
  filename: string
  bytes: Buffer
  sha256: string
}

export function normalize(name: string): string {
  return name.replace(/[-_.]+/g, '-').toLowerCase()
}

/** The METADATA text of a spec (Metadata-Version 2.1, or 2.4 with License-Expression). */
export function metadataText(spec: WheelSpec): string {
  const lines = [
    `Metadata-Version: ${spec.licenseExpression ? '2.4' : '2.1'}`,
    `Name: ${spec.name}`,
    `Version: ${spec.version}`,
    'Summary: A package for pyaudit tests'
  ]
  if (spec.license !== undefined) {
    lines.push(`License: ${spec.license.split('\n').join('\n        ')}`)
  }
  if (spec.licenseExpression) lines.push(`License-Expression: ${spec.licenseExpression}`)
  for (const classifier of spec.classifiers ?? []) lines.push(`Classifier: ${classifier}`)
  if (spec.requiresPython) lines.push(`Requires-Python: ${spec.requiresPython}`)
  for (const extra of spec.providesExtra ?? []) lines.push(`Provides-Extra: ${extra}`)
  for (const requirement of spec.requiresDist ?? []) lines.push(`Requires-Dist: ${requirement}`)
  return lines.join('\n') + '\n\nThe description, which readers ignore.\n'
}

export function buildWheel(spec: WheelSpec): BuiltWheel {
  const distribution = `${spec.name.replace(/[-_.]+/g, '_')}-${spec.version}`
  const distInfo = `${distribution}.dist-info`
  const module = normalize(spec.name).replace(/-/g, '_')
  const files: Array<[string, Buffer]> = [
    [`${module}/__init__.py`, Buffer.from(`__version__ = '${spec.version}'\n`)],
    [`${distInfo}/METADATA`, Buffer.from(metadataText(spec))],
    [
      `${distInfo}/WHEEL`,
      Buffer.from(
        'Wheel-Version: 1.0\nGenerator: pyaudit-tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n'
      )
    ]
  ]
  const record = files.map(([name, data]) => {
    const digest = createHash('sha256').update(data).digest('base64url')
    return `${name},sha256=${digest},${data.length}`
  })
  files.push([
    `${distInfo}/RECORD`,
    Buffer.from([...record, `${distInfo}/RECORD,,`, ''].join('\n'))
  ])
  const bytes = zip(files)
  return {
    spec,
    filename: `${distribution}-py3-none-any.whl`,
    bytes,
    sha256: createHash('sha256').update(bytes).digest('hex')
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(data: Buffer): number {
  let crc = 0xffffffff
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}

/** A minimal zip writer: deflated entries, a central directory, no zip64. */
export function zip(files: Array<[string, Buffer]>): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const [name, data] of files) {
    const nameBytes = Buffer.from(name, 'utf8')
    const compressed = deflateRawSync(data)
    const crc = crc32(data)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4) // version needed
    local.writeUInt16LE(0x0800, 6) // UTF-8 names
    local.writeUInt16LE(8, 8) // deflate
    local.writeUInt32LE(0x00210000, 10) // 1980-01-01 00:00
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(compressed.length, 18)
    local.writeUInt32LE(data.length, 22)
    local.writeUInt16LE(nameBytes.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(0x0314, 4) // made by: Unix, 2.0
    local.copy(central, 6, 4, 30) // version needed .. name length share the local layout
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38) // external attributes: a regular file
    central.writeUInt32LE(offset, 42)
    locals.push(local, nameBytes, compressed)
    centrals.push(central, nameBytes)
    offset += local.length + nameBytes.length + compressed.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(files.length, 8)
  end.writeUInt16LE(files.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

export interface SimpleIndexOptions {
  /** Require these credentials (HTTP basic auth) on every request. */
  auth?: { username: string; password: string }
  /** Serve only PEP 503 HTML, ignoring a client's request for PEP 691 JSON. */
  htmlOnly?: boolean
  /** Files listed on project pages by name and digest (not served). */
  listed?: ListedFile[]
  /** PEP 792 status per project (normalised name); a project with one is served even with no files. */
  statuses?: Record<string, { status: string; reason?: string }>
  /** Answer every project page with this HTTP status (an index that fails). */
  failProjects?: number
  /** The api-version of JSON pages and the repository-version of HTML ones (default 1.0). */
  apiVersion?: string
  /** Every answer waits this long first, like an index far away. */
  latencyMs?: number
  /** Every answer waits for this too: a test releases the answers when it has seen enough. */
  holdUntil?: Promise<void>
}

export class SimpleIndex {
  /** Every request: its path, Accept header, and Authorization header when one was sent. */
  readonly requests: Array<{ path: string; accept: string; authorization?: string }> = []
  private readonly wheels = new Map<string, BuiltWheel>()
  private readonly server: Server
  private readonly sockets = new Set<Socket>()

  private constructor(
    specs: WheelSpec[],
    private readonly options: SimpleIndexOptions
  ) {
    for (const spec of specs) {
      const wheel = buildWheel(spec)
      this.wheels.set(wheel.filename, wheel)
    }
    this.server = createServer((request, response) => {
      const latency = this.options.latencyMs ?? 0
      const answer = (): void => {
        if (latency > 0) setTimeout(() => this.handle(request, response), latency)
        else this.handle(request, response)
      }
      if (this.options.holdUntil) void this.options.holdUntil.then(answer)
      else answer()
    })
    this.server.on('connection', socket => {
      this.sockets.add(socket)
      socket.on('close', () => this.sockets.delete(socket))
    })
  }

  static async start(specs: WheelSpec[], options: SimpleIndexOptions = {}): Promise<SimpleIndex> {
    const index = new SimpleIndex(specs, options)
    await new Promise<void>(resolve => index.server.listen(0, '127.0.0.1', resolve))
    return index
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port
  }

  /** The --index-url, with credentials when given. */
  url(credentials?: { username: string; password: string }): string {
    const userinfo = credentials ? `${credentials.username}:${credentials.password}@` : ''
    return `http://${userinfo}127.0.0.1:${this.port}/simple/`
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy()
    await new Promise<void>(resolve => this.server.close(() => resolve()))
  }

  private handle(request: IncomingMessage, response: ServerResponse): void {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    const accept = request.headers.accept ?? ''
    const authorization = request.headers.authorization
    this.requests.push({ path: url.pathname, accept, ...(authorization ? { authorization } : {}) })
    if (this.options.auth && !this.authorized(request.headers.authorization)) {
      response.writeHead(401, { 'WWW-Authenticate': 'Basic realm="test index"' }).end()
      return
    }
    const project = /^\/simple\/([^/]+)\/?$/.exec(url.pathname)
    if (url.pathname === '/simple/') return this.sendRoot(response)
    if (project)
      return this.sendProject(normalize(decodeURIComponent(project[1]!)), accept, response)
    const file = /^\/files\/([^/]+)$/.exec(url.pathname)
    const wheel = file && this.wheels.get(decodeURIComponent(file[1]!))
    if (wheel) {
      response.writeHead(200, { 'Content-Type': 'application/octet-stream' }).end(wheel.bytes)
      return
    }
    response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found')
  }

  private authorized(header: string | undefined): boolean {
    const { username, password } = this.options.auth!
    const expected = 'Basic ' + Buffer.from(`${username}:${password}`).toString('base64')
    return header === expected
  }

  private sendRoot(response: ServerResponse): void {
    const names = [...new Set([...this.wheels.values()].map(wheel => normalize(wheel.spec.name)))]
    const links = names.map(name => `<a href="/simple/${name}/">${name}</a>`).join('\n')
    response.writeHead(200, { 'Content-Type': 'text/html' }).end(html(links))
  }

  private sendProject(name: string, accept: string, response: ServerResponse): void {
    if (this.options.failProjects !== undefined) {
      response.writeHead(this.options.failProjects, { 'Content-Type': 'text/plain' }).end('failing')
      return
    }
    const files: PageFile[] = [...this.wheels.values()]
      .filter(wheel => normalize(wheel.spec.name) === name)
      .map(wheel => ({
        filename: wheel.filename,
        sha256: wheel.sha256,
        ...(wheel.spec.yanked !== undefined ? { yanked: wheel.spec.yanked } : {}),
        ...(wheel.spec.requiresPython ? { requiresPython: wheel.spec.requiresPython } : {})
      }))
    for (const file of this.options.listed ?? []) {
      if (normalize(file.project) === name) files.push(file)
    }
    const status = this.options.statuses?.[name]
    if (files.length === 0 && status === undefined) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('no such project')
      return
    }
    const apiVersion = this.options.apiVersion ?? '1.0'
    if (!this.options.htmlOnly && accept.includes('application/vnd.pypi.simple.v1+json')) {
      const body = JSON.stringify({
        meta: { 'api-version': apiVersion },
        name,
        ...(status ? { 'project-status': status } : {}),
        files: files.map(file => ({
          filename: file.filename,
          url: `/files/${file.filename}`,
          hashes: { sha256: file.sha256 },
          ...(file.requiresPython ? { 'requires-python': file.requiresPython } : {}),
          ...(file.yanked !== undefined ? { yanked: file.yanked } : {})
        }))
      })
      response.writeHead(200, { 'Content-Type': 'application/vnd.pypi.simple.v1+json' }).end(body)
      return
    }
    const links = files.map(file => {
      const python = file.requiresPython
        ? ` data-requires-python="${escapeAttribute(file.requiresPython)}"`
        : ''
      const yanked =
        file.yanked === undefined || file.yanked === false
          ? ''
          : file.yanked === true
            ? ' data-yanked'
            : ` data-yanked="${escapeAttribute(file.yanked)}"`
      return `<a href="/files/${file.filename}#sha256=${file.sha256}"${python}${yanked}>${file.filename}</a><br/>`
    })
    const meta = status
      ? [
          `<meta name="pypi:project-status" content="${escapeAttribute(status.status)}">`,
          ...(status.reason !== undefined
            ? [
                `<meta name="pypi:project-status-reason" content="${escapeAttribute(status.reason)}">`
              ]
            : [])
        ]
      : []
    response
      .writeHead(200, { 'Content-Type': 'text/html' })
      .end(html(links.join('\n'), apiVersion, meta.join('')))
  }
}

function escapeAttribute(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
}

function html(body: string, repositoryVersion = '1.0', head = ''): string {
  return `<!DOCTYPE html>\n<html><head><meta name="pypi:repository-version" content="${repositoryVersion}">${head}</head><body>\n${body}\n</body></html>\n`
}
