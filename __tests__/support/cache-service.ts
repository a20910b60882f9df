/**
 * A loopback stand-in for the Actions cache service, v1 protocol (what @actions/cache
 * speaks where ACTIONS_CACHE_SERVICE_V2 is unset, as on GHES): look up by key then by
 * prefix, newest first; reserve, upload in ranges, commit; download. Enough to run real
 * saves and restores.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { LoopbackServer } from './loopback-server.js'

export class CacheServiceV1 extends LoopbackServer {
  readonly entries: { key: string; version: string; archive: Buffer }[] = []
  readonly requests: string[] = []
  failing = false
  private readonly reserved = new Map<number, { key: string; version: string; parts: Buffer[] }>()

  /** The cache service's base URL, as runners get it in ACTIONS_CACHE_URL (a trailing '/'). */
  override async start(): Promise<string> {
    return `${await super.start()}/`
  }

  protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const body = Buffer.concat(chunks)
    const url = new URL(req.url ?? '/', 'http://x')
    const route = `${req.method} ${url.pathname}`
    this.requests.push(route)
    const json = (status: number, value?: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(value === undefined ? undefined : JSON.stringify(value))
    }
    if (this.failing) return json(500, { message: 'internal error' })
    const upload = /^\/_apis\/artifactcache\/caches\/(\d+)$/.exec(url.pathname)
    if (route === 'GET /_apis/artifactcache/cache') {
      const version = url.searchParams.get('version') ?? ''
      const newest = [...this.entries].reverse().filter(entry => entry.version === version)
      for (const key of (url.searchParams.get('keys') ?? '').split(',')) {
        const hit =
          newest.find(entry => entry.key === key) ?? newest.find(e => e.key.startsWith(key))
        if (hit) {
          const { port } = this.server.address() as AddressInfo
          const archiveLocation = `http://127.0.0.1:${port}/archive/${this.entries.indexOf(hit)}`
          return json(200, { cacheKey: hit.key, archiveLocation })
        }
      }
      return json(204)
    }
    if (route === 'POST /_apis/artifactcache/caches') {
      const { key, version } = JSON.parse(body.toString()) as { key: string; version: string }
      if (this.entries.some(entry => entry.key === key)) {
        return json(409, { message: `Cache already exists. Key: ${key}` })
      }
      const cacheId = this.reserved.size + 1
      this.reserved.set(cacheId, { key, version, parts: [] })
      return json(201, { cacheId })
    }
    if (upload && req.method === 'PATCH') {
      const start = Number(/bytes (\d+)-/.exec(req.headers['content-range'] ?? '')?.[1])
      this.reserved.get(Number(upload[1]))!.parts[start] = body
      return json(204)
    }
    if (upload && req.method === 'POST') {
      const { key, version, parts } = this.reserved.get(Number(upload[1]))!
      this.entries.push({ key, version, archive: Buffer.concat(parts.filter(Boolean)) })
      return json(204)
    }
    const archive = /^\/archive\/(\d+)$/.exec(url.pathname)
    if (archive && req.method === 'GET') {
      const data = this.entries[Number(archive[1])]!.archive
      res.writeHead(200, { 'content-length': data.length })
      return void res.end(data)
    }
    json(404, { message: 'not found' })
  }
}
