/**
 * A loopback stand-in for PyPI's JSON API (GET /pypi/<project>/<version>/json) that serves the
 * license fields of each release the way Warehouse does: `info.license` (the core metadata
 * License field, null when absent), `info.license_expression` (PEP 639, null when absent) and
 * `info.classifiers` (every classifier, sorted as Warehouse stores them), beside the other
 * `info` keys a real answer has. Unknown releases are 404 {"message": "Not Found"}. Faults
 * (status codes, malformed bodies) and latency can be injected; in-flight requests are counted.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { normalizeName } from '../../src/deps/names.js'

export interface LicensedRelease {
  project: string
  version: string
  license?: string | null
  licenseExpression?: string | null
  classifiers?: string[]
}

export type LicenseServerFault = { kind: 'status'; status: number } | { kind: 'body'; body: string }

const JSON_PATH = /^\/pypi\/([^/]+)\/([^/]+)\/json$/

export class PypiLicenseServer {
  readonly paths: string[] = []
  maxInFlight = 0
  private inFlight = 0
  private readonly releases = new Map<string, LicensedRelease>()
  private readonly faults: LicenseServerFault[] = []
  private readonly sockets = new Set<Socket>()
  private readonly server: Server

  constructor(
    releases: readonly LicensedRelease[],
    private readonly latencyMs = 0
  ) {
    for (const release of releases) {
      this.releases.set(`${normalizeName(release.project)}/${release.version}`, release)
    }
    this.server = createServer((req, res) => void this.handle(req, res))
    this.server.on('connection', socket => {
      this.sockets.add(socket)
      socket.on('close', () => this.sockets.delete(socket))
    })
  }

  async start(): Promise<string> {
    await new Promise<void>(resolve => this.server.listen(0, '127.0.0.1', resolve))
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy()
    await new Promise<void>(resolve => this.server.close(() => resolve()))
  }

  /** The next `count` requests meet `fault` instead of an answer. */
  failNext(count: number, fault: LicenseServerFault): void {
    for (let i = 0; i < count; i++) this.faults.push(fault)
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.inFlight++
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight)
    try {
      const path = new URL(req.url ?? '/', 'http://x').pathname
      this.paths.push(path)
      if (this.latencyMs) await new Promise(resolve => setTimeout(resolve, this.latencyMs))
      const fault = this.faults.shift()
      if (fault?.kind === 'status')
        return send(res, fault.status, '<html>Service Unavailable</html>')
      if (fault?.kind === 'body') return send(res, 200, fault.body)
      const match = JSON_PATH.exec(path)
      const release = match
        ? this.releases.get(`${decodeURIComponent(match[1]!)}/${decodeURIComponent(match[2]!)}`)
        : undefined
      if (req.method !== 'GET' || !release) return send(res, 404, '{"message": "Not Found"}')
      send(res, 200, JSON.stringify(releaseJson(release, `http://${req.headers.host}`)))
    } finally {
      this.inFlight--
    }
  }
}

function releaseJson(release: LicensedRelease, base: string): object {
  const { project, version } = release
  return {
    info: {
      author: null,
      author_email: 'Maintainer <maintainer@example.org>',
      bugtrack_url: null,
      classifiers: [...(release.classifiers ?? [])].sort(),
      description: `# ${project}\n\nThe long description.\n`,
      description_content_type: 'text/markdown',
      docs_url: null,
      download_url: null,
      downloads: { last_day: -1, last_month: -1, last_week: -1 },
      dynamic: null,
      home_page: null,
      keywords: null,
      license: release.license ?? null,
      license_expression: release.licenseExpression ?? null,
      license_files: release.licenseExpression ? ['LICENSE'] : null,
      maintainer: null,
      maintainer_email: null,
      name: project,
      package_url: `${base}/project/${project}/`,
      platform: null,
      project_url: `${base}/project/${project}/`,
      project_urls: { Homepage: `https://example.org/${project}` },
      provides_extra: null,
      release_url: `${base}/project/${project}/${version}/`,
      requires_dist: null,
      requires_python: '>=3.9',
      summary: `The ${project} package`,
      version,
      yanked: false,
      yanked_reason: null
    },
    last_serial: 26_000_000,
    urls: [],
    vulnerabilities: []
  }
}

function send(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, {
    'content-type': status === 200 || status === 404 ? 'application/json' : 'text/html',
    'content-length': Buffer.byteLength(body)
  })
  res.end(body)
}
