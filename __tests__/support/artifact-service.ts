/**
 * A loopback stand-in for GitHub's artifact service v4, as @actions/artifact speaks to it:
 * Twirp JSON calls CreateArtifact and FinalizeArtifact (authorised by the runner's JWT, whose
 * `scp` claim names the run and job), and the signed blob URL CreateArtifact hands out, which
 * @azure/storage-blob fills with Put Block calls and a Put Block List (or one Put Blob).
 * Finalize checks the size and sha256 the client reports against the bytes that arrived.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { LoopbackServer } from './loopback-server.js'

const TWIRP = '/twirp/github.actions.results.api.v1.ArtifactService/'

export interface StoredArtifact {
  id: number
  name: string
  runBackendId: string
  jobBackendId: string
  mimeType?: string
  expiresAt?: string
  blobPath: string
  finalized: boolean
  size?: number
  hash?: string
}

interface Blob {
  blocks: Map<string, Buffer>
  content?: Buffer
  contentType?: string
}

export class ArtifactService extends LoopbackServer {
  readonly runBackendId = randomUUID()
  readonly jobBackendId = randomUUID()
  /** A runtime token shaped like the runner's: a JWT whose scp claim carries the ids. */
  readonly runtimeToken = fakeJwt({
    scp: `Actions.ExampleScope Actions.Results:${this.runBackendId}:${this.jobBackendId}`,
    iss: 'vstoken.actions.githubusercontent.com'
  })
  readonly artifacts: StoredArtifact[] = []
  /** "METHOD /path" of every request, in order, query strings left off. */
  readonly requests: string[] = []
  /** Put Block calls seen, to tell a block upload from a single Put Blob. */
  blockCount = 0
  private readonly signature = randomBytes(16).toString('hex')
  private readonly blobs = new Map<string, Blob>()
  /** The committed bytes of an artifact, or undefined when nothing was committed. */
  content(artifact: StoredArtifact): Buffer | undefined {
    return this.blobs.get(artifact.blobPath)?.content
  }

  contentType(artifact: StoredArtifact): string | undefined {
    return this.blobs.get(artifact.blobPath)?.contentType
  }

  protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const body = Buffer.concat(chunks)
    const url = new URL(req.url ?? '/', 'http://x')
    this.requests.push(`${req.method} ${url.pathname}`)
    if (req.method === 'POST' && url.pathname.startsWith(TWIRP)) {
      return this.twirp(url.pathname.slice(TWIRP.length), req, body, res)
    }
    if (req.method === 'PUT' && url.pathname.startsWith('/devstoreaccount1/')) {
      return this.blob(url, req, body, res)
    }
    twirpError(res, 404, 'bad_route', `no handler for ${req.method} ${url.pathname}`)
  }

  private twirp(method: string, req: IncomingMessage, body: Buffer, res: ServerResponse): void {
    if (req.headers.authorization !== `Bearer ${this.runtimeToken}`) {
      return twirpError(res, 401, 'unauthenticated', 'invalid or missing runtime token')
    }
    if (!String(req.headers['content-type']).startsWith('application/json')) {
      return twirpError(res, 415, 'malformed', 'expected application/json')
    }
    const request = JSON.parse(body.toString('utf8')) as Record<string, unknown>
    if (
      request.workflow_run_backend_id !== this.runBackendId ||
      request.workflow_job_run_backend_id !== this.jobBackendId
    ) {
      return twirpError(res, 403, 'permission_denied', 'backend ids do not match the token')
    }
    const name = request.name
    if (typeof name !== 'string' || name === '') {
      return twirpError(res, 400, 'invalid_argument', 'name is required')
    }
    if (method === 'CreateArtifact') return this.create(name, request, res)
    if (method === 'FinalizeArtifact') return this.finalize(name, request, res)
    twirpError(res, 404, 'bad_route', `no method ${method}`)
  }

  private create(name: string, request: Record<string, unknown>, res: ServerResponse): void {
    if (request.version !== 7) {
      return twirpError(
        res,
        400,
        'invalid_argument',
        `unsupported version ${String(request.version)}`
      )
    }
    if (this.artifacts.some(artifact => artifact.name === name)) {
      return twirpError(
        res,
        409,
        'already_exists',
        'an artifact with this name already exists on the workflow run'
      )
    }
    const blobPath = `/devstoreaccount1/actions-results/${this.runBackendId}/${randomUUID()}.zip`
    const mimeType = request.mime_type
    this.artifacts.push({
      id: 1000 + this.artifacts.length,
      name,
      runBackendId: this.runBackendId,
      jobBackendId: this.jobBackendId,
      blobPath,
      finalized: false,
      ...(typeof mimeType === 'string' ? { mimeType } : {}),
      ...(typeof request.expires_at === 'string' ? { expiresAt: request.expires_at } : {})
    })
    this.blobs.set(blobPath, { blocks: new Map() })
    const query = `sv=2023-11-03&sr=b&sp=cw&se=2099-01-01T00%3A00%3A00Z&sig=${this.signature}`
    json(res, 200, { ok: true, signed_upload_url: `${this.origin()}${blobPath}?${query}` })
  }

  private finalize(name: string, request: Record<string, unknown>, res: ServerResponse): void {
    const artifact = this.artifacts.find(a => a.name === name && !a.finalized)
    if (!artifact) return twirpError(res, 404, 'not_found', `no pending artifact named ${name}`)
    const content = this.blobs.get(artifact.blobPath)?.content
    if (!content) return twirpError(res, 400, 'failed_precondition', 'no blob was committed')
    const digest = `sha256:${createHash('sha256').update(content).digest('hex')}`
    if (request.size !== String(content.length) || request.hash !== digest) {
      return twirpError(
        res,
        400,
        'invalid_argument',
        `size/hash mismatch: got ${String(request.size)} ${String(request.hash)}, stored ${content.length} ${digest}`
      )
    }
    Object.assign(artifact, { finalized: true, size: content.length, hash: digest })
    json(res, 200, { ok: true, artifact_id: String(artifact.id) })
  }

  /** Azure Blob: Put Block, Put Block List, or a single Put Blob, against the SAS URL. */
  private blob(url: URL, req: IncomingMessage, body: Buffer, res: ServerResponse): void {
    const blob = this.blobs.get(url.pathname)
    if (url.searchParams.get('sig') !== this.signature || !blob) {
      return azureError(res, 403, 'AuthenticationFailed')
    }
    const comp = url.searchParams.get('comp')
    if (comp === 'block') {
      const id = url.searchParams.get('blockid')
      if (!id) return azureError(res, 400, 'InvalidQueryParameterValue')
      blob.blocks.set(id, body)
      this.blockCount++
      return azureCreated(res)
    }
    if (comp === 'blocklist') {
      const ids = [...body.toString('utf8').matchAll(/<(Latest|Uncommitted)>([^<]*)<\//g)].map(
        match => match[2] ?? ''
      )
      const parts = ids.map(id => blob.blocks.get(id))
      if (parts.some(part => part === undefined)) return azureError(res, 400, 'InvalidBlockList')
      blob.content = Buffer.concat(parts as Buffer[])
      blob.contentType = header(req, 'x-ms-blob-content-type')
      return azureCreated(res)
    }
    if (comp === null && header(req, 'x-ms-blob-type') === 'BlockBlob') {
      blob.content = body
      blob.contentType = header(req, 'x-ms-blob-content-type')
      return azureCreated(res)
    }
    azureError(res, 400, 'UnsupportedQueryParameter')
  }
}

function fakeJwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
  const now = Math.floor(Date.now() / 1000)
  return [
    part({ typ: 'JWT', alg: 'RS256', x5t: 'fake' }),
    part({ nbf: now, exp: now + 3600, ...claims }),
    randomBytes(32).toString('base64url')
  ].join('.')
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name]
  return Array.isArray(value) ? value[0] : value
}

function json(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' })
  res.end(JSON.stringify(value))
}

/** Twirp's error body: {code, msg}, with the HTTP status its code maps to. */
function twirpError(res: ServerResponse, status: number, code: string, msg: string): void {
  json(res, status, { code, msg })
}

function azureCreated(res: ServerResponse): void {
  res.writeHead(201, {
    'x-ms-request-id': randomUUID(),
    'x-ms-version': '2023-11-03',
    'x-ms-request-server-encrypted': 'true',
    etag: `"0x${randomBytes(8).toString('hex').toUpperCase()}"`,
    'last-modified': new Date().toUTCString(),
    'content-length': '0'
  })
  res.end()
}

function azureError(res: ServerResponse, status: number, code: string): void {
  const xml = `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${code}</Message></Error>`
  res.writeHead(status, {
    'content-type': 'application/xml',
    'x-ms-error-code': code,
    'x-ms-request-id': randomUUID()
  })
  res.end(xml)
}
