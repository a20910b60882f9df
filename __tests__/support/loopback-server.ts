/**
 * What every stand-in service of the tests shares: an HTTP server on 127.0.0.1 at a free
 * port, started and stopped by the test, each request handed to the subclass.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export abstract class LoopbackServer {
  protected readonly server = createServer((req, res) => void this.handle(req, res))

  /** Listens on a free port; resolves to the server's origin, `http://127.0.0.1:PORT`. */
  async start(): Promise<string> {
    await new Promise<void>(resolve => this.server.listen(0, '127.0.0.1', resolve))
    return this.origin()
  }

  async close(): Promise<void> {
    this.server.closeAllConnections()
    await new Promise(resolve => this.server.close(resolve))
  }

  protected origin(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
  }

  protected abstract handle(req: IncomingMessage, res: ServerResponse): Promise<void>
}

/** A JSON answer with its length, as the real services send it; `headers` add or override. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string> = {}
): void {
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    ...headers
  })
  res.end(body)
}

/** The whole request body as text. */
export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}
