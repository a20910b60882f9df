/**
 * HTTPS in front of a loopback stand-in server, as osv.dev is reached: HTTP/2 over TLS (or
 * HTTP/1.1 only), with the tests' certificate (__tests__/fixtures/tls/, trusted by a child
 * through NODE_EXTRA_CA_CERTS=TEST_CA_FILE). Each request is passed on to `backend` as it
 * came, over as many connections as it takes, so the backend's latency per request is what a
 * client waits: over HTTP/1.1 a client's connections bound how many wait at once, over
 * HTTP/2 its streams do.
 */
import { Agent, request } from 'undici'
import { TlsServer, type TlsRequest, type TlsResponse } from '../../__tests__/support/tls-server.js'

export { TEST_CA_FILE } from '../../__tests__/support/tls-server.js'

export async function startTlsFront(
  backend: string,
  options: { http2: boolean }
): Promise<{ url: string; close(): Promise<void> }> {
  const agent = new Agent({ connections: null, pipelining: 1 })
  const forward = async (incoming: TlsRequest, outgoing: TlsResponse): Promise<void> => {
    let body = ''
    for await (const chunk of incoming) body += String(chunk)
    const method = incoming.method === 'POST' ? 'POST' : 'GET'
    const answer = await request(`${backend}${incoming.url}`, {
      dispatcher: agent,
      method,
      ...(method === 'POST' ? { body, headers: { 'content-type': 'application/json' } } : {})
    })
    const text = await answer.body.text()
    outgoing.writeHead(answer.statusCode, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(text)
    })
    outgoing.end(text)
  }
  const server = await TlsServer.start(forward, { http2: options.http2 })
  return {
    url: server.origin,
    close: async () => {
      await server.close()
      await agent.close()
    }
  }
}
