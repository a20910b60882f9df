/** An HTTP proxy on loopback that tunnels CONNECT requests, as HTTPS_PROXY names one. */
import { createServer, type Server } from 'node:http'
import { connect, type AddressInfo, type Socket } from 'node:net'

export interface TunnelProxy {
  url: string
  /** The `host:port` of every tunnel asked for, in order. */
  tunnels: string[]
  close: () => Promise<void>
}

export async function startTunnelProxy(): Promise<TunnelProxy> {
  const tunnels: string[] = []
  const sockets = new Set<Socket>()
  const proxy: Server = createServer((_request, response) => response.writeHead(405).end())
  proxy.on('connect', (request, client: Socket, head: Buffer) => {
    tunnels.push(request.url ?? '')
    const [host, port] = (request.url ?? '').split(':')
    const upstream = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    for (const socket of [client, upstream]) {
      sockets.add(socket)
      socket.on('error', () => {})
      socket.on('close', () => sockets.delete(socket))
    }
  })
  await new Promise<void>(resolve => proxy.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    tunnels,
    close: async () => {
      for (const socket of sockets) socket.destroy()
      await new Promise(resolve => proxy.close(resolve))
    }
  }
}
