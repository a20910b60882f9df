/** A TCP relay on loopback that holds every chunk a while each way: a server far away. */
import { connect, createServer, type AddressInfo, type Socket } from 'node:net'

export interface SlowLink {
  port: number
  close: () => Promise<void>
}

/** Relays 127.0.0.1:`port`, holding each chunk `delayMs` in each direction (in order). */
export async function startSlowLink(port: number, delayMs: number): Promise<SlowLink> {
  const sockets = new Set<Socket>()
  const relay = createServer(client => {
    const upstream = connect(port, '127.0.0.1')
    for (const [from, to] of [
      [client, upstream],
      [upstream, client]
    ] as const) {
      sockets.add(from)
      from.on('data', chunk => setTimeout(() => to.destroyed || to.write(chunk), delayMs))
      from.on('end', () => setTimeout(() => to.end(), delayMs))
      from.on('error', () => to.destroy())
      from.on('close', () => sockets.delete(from))
    }
  })
  await new Promise<void>(resolve => relay.listen(0, '127.0.0.1', resolve))
  return {
    port: (relay.address() as AddressInfo).port,
    close: async () => {
      for (const socket of sockets) socket.destroy()
      await new Promise(resolve => relay.close(resolve))
    }
  }
}
