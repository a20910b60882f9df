/**
 * A loopback stand-in for PyPI's JSON API (https://docs.pypi.org/api/json/), versioned
 * endpoint only: GET /pypi/<project>/<version>/json. It answers the way Warehouse does
 * (warehouse/legacy/api/json.py and warehouse/views.py): the release is found by the
 * PEP 503 name and the canonical version, an unknown project or release is a 404 with body
 * {"message": "Not Found"}, and a name that is not normalised is redirected (301) to the
 * normalised one, after the release lookup. Faults and latency can be injected.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { explain } from '@renovatebot/pep440'
import type { OsvRecord } from '../../src/advisories/osv.js'
import { normalizeName } from '../../src/deps/names.js'
import { sendJson } from './loopback-server.js'
import { dripForever, type Drip } from './osv-server.js'

/** One entry of a release's `vulnerabilities`, as Warehouse serialises it. */
export interface PypiVulnerability {
  id: string
  source: string
  link: string
  aliases: string[]
  details: string | null
  summary: string | null
  fixed_in: string[]
  withdrawn: string | null
}

export interface PypiRelease {
  /** The project's display name, as uploaded ("PyYAML"). */
  project: string
  /** The version as uploaded ("5.3"). */
  version: string
  vulnerabilities?: PypiVulnerability[]
  summary?: string
  requiresPython?: string
}

export type PypiFault =
  | { kind: 'status'; status: number; retryAfter?: string; body?: string }
  | { kind: 'reset' }
  | { kind: 'stall' }
  | { kind: 'truncate' }
  /** One byte every `intervalMs`, forever (see dripForever). */
  | ({ kind: 'drip' } & Drip)

export interface PypiServerOptions {
  /** Added before every response, to model a real network's round trip. */
  latencyMs?: number
}

const NOT_FOUND = '{"message": "Not Found"}'
const JSON_PATH = /^\/pypi\/([^/]+)\/([^/]+)\/json\/?$/

export class PypiServer {
  /** Requests by outcome: 200 answers, 301 redirects, 404s, injected faults. */
  readonly counts = { found: 0, redirected: 0, notFound: 0, faults: 0 }
  /** Request paths in arrival order. */
  readonly paths: string[] = []
  private readonly server: Server
  private readonly sockets = new Set<Socket>()
  private readonly faults: PypiFault[] = []
  private readonly projects = new Map<string, PypiRelease[]>()
  private serial = 9_000_000

  constructor(
    releases: readonly PypiRelease[],
    private readonly options: PypiServerOptions = {}
  ) {
    for (const release of releases) {
      const key = normalizeName(release.project)
      this.projects.set(key, [...(this.projects.get(key) ?? []), release])
    }
    this.server = createServer((req, res) => void this.handle(req, res))
    this.server.on('connection', socket => {
      this.sockets.add(socket)
      socket.on('close', () => this.sockets.delete(socket))
    })
  }

  /** Starts listening on 127.0.0.1 at a free port; resolves to the base URL. */
  async start(): Promise<string> {
    await new Promise<void>(resolve => this.server.listen(0, '127.0.0.1', resolve))
    const { port } = this.server.address() as AddressInfo
    return `http://127.0.0.1:${port}`
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy()
    await new Promise<void>(resolve => this.server.close(() => resolve()))
  }

  /** The next `count` requests meet `fault` instead of an answer. */
  failNext(count: number, fault: PypiFault): void {
    for (let i = 0; i < count; i++) this.faults.push(fault)
  }

  get totalRequests(): number {
    return this.paths.length
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://x')
    this.paths.push(url.pathname)
    if (this.options.latencyMs) await delay(this.options.latencyMs)
    const fault = this.faults.shift()
    if (fault) {
      this.counts.faults++
      return inject(fault, req, res)
    }
    const match = JSON_PATH.exec(url.pathname)
    if (req.method !== 'GET' || !match) {
      this.counts.notFound++
      return send(res, 404, NOT_FOUND)
    }
    const [, rawName, rawVersion] = match.map(part => decodeURIComponent(part ?? '')) as [
      string,
      string,
      string
    ]
    const release = this.find(rawName, rawVersion)
    if (!release) {
      this.counts.notFound++
      return send(res, 404, NOT_FOUND)
    }
    const normalized = normalizeName(release.project)
    if (rawName !== normalized) {
      this.counts.redirected++
      const location = url.pathname.replace(/^\/pypi\/[^/]+/, `/pypi/${normalized}`) + url.search
      return send(res, 301, '', { location })
    }
    this.counts.found++
    const base = `http://${req.headers.host ?? '127.0.0.1'}`
    send(res, 200, JSON.stringify(this.releaseJson(release, base)), {
      'x-pypi-last-serial': String(this.serial)
    })
  }

  /** Warehouse's release_factory: by canonical version, the exact one among equals. */
  private find(name: string, version: string): PypiRelease | undefined {
    const releases = this.projects.get(normalizeName(name)) ?? []
    const wanted = canonicalVersion(version)
    const equal = releases.filter(release => canonicalVersion(release.version) === wanted)
    if (equal.length <= 1) return equal[0]
    return equal.find(release => release.version === version)
  }

  private releaseJson(release: PypiRelease, base: string): object {
    const { project, version } = release
    const file = `${normalizeName(project).replaceAll('-', '_')}-${version}-py3-none-any.whl`
    return {
      info: {
        author: null,
        author_email: null,
        bugtrack_url: null,
        classifiers: ['Programming Language :: Python :: 3'],
        description: '',
        description_content_type: null,
        docs_url: null,
        download_url: null,
        downloads: { last_day: -1, last_month: -1, last_week: -1 },
        dynamic: null,
        home_page: null,
        keywords: null,
        license: null,
        license_expression: null,
        license_files: null,
        maintainer: null,
        maintainer_email: null,
        name: project,
        package_url: `${base}/project/${project}/`,
        platform: null,
        project_url: `${base}/project/${project}/`,
        project_urls: null,
        provides_extra: null,
        release_url: `${base}/project/${project}/${version}/`,
        requires_dist: null,
        requires_python: release.requiresPython ?? null,
        summary: release.summary ?? null,
        version,
        yanked: false,
        yanked_reason: null
      },
      last_serial: this.serial,
      urls: [
        {
          comment_text: null,
          digests: { blake2b_256: '0'.repeat(64), md5: '0'.repeat(32), sha256: '0'.repeat(64) },
          downloads: -1,
          filename: file,
          has_sig: false,
          md5_digest: '0'.repeat(32),
          packagetype: 'bdist_wheel',
          python_version: 'py3',
          requires_python: release.requiresPython ?? null,
          size: 1024,
          upload_time: '2020-03-18T20:17:00',
          upload_time_iso_8601: '2020-03-18T20:17:00.000000Z',
          url: `${base}/packages/00/00/${file}`,
          yanked: false,
          yanked_reason: null
        }
      ],
      vulnerabilities: release.vulnerabilities ?? []
    }
  }
}

/**
 * The entry Warehouse publishes for an OSV record it ingested: `fixed_in` holds the `fixed`
 * events of the record's ECOSYSTEM ranges, `withdrawn` is re-formatted to whole seconds.
 */
export function pypiVulnerability(record: OsvRecord): PypiVulnerability {
  const fixedIn = (record.affected ?? [])
    .flatMap(affected => affected.ranges ?? [])
    .filter(range => range.type === 'ECOSYSTEM')
    .flatMap(range => range.events.flatMap(event => (event.fixed ? [event.fixed] : [])))
  return {
    id: record.id,
    source: 'osv',
    link: `https://osv.dev/vulnerability/${record.id}`,
    aliases: record.aliases ?? [],
    details: record.details ?? null,
    summary: record.summary ?? null,
    fixed_in: fixedIn,
    withdrawn: record.withdrawn ? record.withdrawn.replace(/\.\d+Z$/, 'Z') : null
  }
}

/** packaging's canonicalize_version: normal form, trailing zeros of the release dropped. */
export function canonicalVersion(version: string): string {
  const parsed = explain(version)
  if (!parsed) return version
  const release = [...parsed.release]
  while (release.length > 1 && release[release.length - 1] === 0) release.pop()
  let text = (parsed.epoch ? `${parsed.epoch}!` : '') + release.join('.')
  if (parsed.pre) text += parsed.pre.join('')
  if (parsed.post !== null) text += `.post${parsed.post}`
  if (parsed.dev !== null) text += `.dev${parsed.dev}`
  if (parsed.local) text += `+${parsed.local}`
  return text
}

function inject(fault: PypiFault, req: IncomingMessage, res: ServerResponse): void {
  switch (fault.kind) {
    case 'status': {
      const headers: Record<string, string> =
        fault.retryAfter === undefined ? {} : { 'retry-after': fault.retryAfter }
      // What Fastly sends when the origin is down: HTML, not JSON.
      const body = fault.body ?? '<html><body><h1>Service Unavailable</h1></body></html>'
      send(res, fault.status, body, { 'content-type': 'text/html', ...headers })
      return
    }
    case 'reset':
      req.socket.resetAndDestroy()
      return
    case 'stall':
      return // never answers; close() ends the connection
    case 'truncate': {
      const full = JSON.stringify({ info: { name: 'x' }, vulnerabilities: [] })
      send(res, 200, full.slice(0, Math.floor(full.length / 2)))
      return
    }
    case 'drip':
      return dripForever(fault, req, res)
  }
}

/** PyPI's JSON API answers every origin. */
function send(
  res: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string> = {}
): void {
  sendJson(res, status, body, { 'access-control-allow-origin': '*', ...headers })
}

function delay(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms))
}
