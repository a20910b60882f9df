/**
 * The parts of undici this tool uses, loaded from undici's own files rather than its index.
 * The index also builds fetch, WebSocket, EventSource, the cache stores and the mock agents
 * at load time, ~1 MB of the bundle that every run compiled and ~60 ms of start-up spent on
 * things never used. undici has no `exports` map, so these files are reachable; the index
 * re-exports these very modules, which __tests__/net/undici-parts.test.ts checks, so a release
 * of undici that moves them fails the tests rather than a run. FormData, which brings most
 * of fetch with it (~130 kB and zlib), has a module of its own, undici-formdata.ts, loaded
 * only with the Dependency-Track upload.
 */
import type { buildConnector, Dispatcher, FormData as FormDataType } from 'undici'
import AgentClass from 'undici/lib/dispatcher/agent.js'
import ClientClass from 'undici/lib/dispatcher/client.js'
import PoolClass from 'undici/lib/dispatcher/pool.js'
import EnvHttpProxyAgentClass from 'undici/lib/dispatcher/env-http-proxy-agent.js'
import apiConnect from 'undici/lib/api/api-connect.js'
import apiRequest from 'undici/lib/api/api-request.js'
import DispatcherClass from 'undici/lib/dispatcher/dispatcher.js'

// A proxy (HTTPS_PROXY) opens its tunnel with the dispatcher's connect(), which undici's index
// adds to every dispatcher; without the index, no request through a proxy could be made.
DispatcherClass.prototype.connect ??= apiConnect

export type { Dispatcher }
/** The function that opens a connection (TCP, TLS, or a proxy's tunnel) for a client. */
export type UndiciConnector = buildConnector.connector
export const Agent = AgentClass
export const EnvHttpProxyAgent = EnvHttpProxyAgentClass
/** The pool of one origin and its connections: connections.ts makes them itself. */
export const Pool = PoolClass
export const Client = ClientClass

export interface RequestOptions {
  method: Dispatcher.HttpMethod
  body?: string | FormDataType
  headers: Record<string, string>
  headersTimeout: number
  bodyTimeout: number
  /** Safe to send beside others on one h2 connection (undici's default: GET and HEAD only). */
  idempotent?: boolean
  signal?: AbortSignal
}

/** undici's `request(url, { dispatcher, ...options })`. */
export function request(
  dispatcher: Dispatcher,
  url: string,
  options: RequestOptions
): Promise<Dispatcher.ResponseData> {
  const { origin, pathname, search } = new URL(url)
  return apiRequest.call(dispatcher, { ...options, origin, path: `${pathname}${search}` })
}
