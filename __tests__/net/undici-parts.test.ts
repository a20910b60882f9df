import { describe, expect, test } from '@jest/globals'
import * as undici from 'undici'
import apiRequest from 'undici/lib/api/api-request.js'
import { FormData } from '../../src/net/undici-formdata.js'
import { Agent, Client, EnvHttpProxyAgent, Pool } from '../../src/net/undici-parts.js'

describe('undici parts loaded from their own files', () => {
  test('are the very classes undici exports', () => {
    expect(Agent).toBe(undici.Agent)
    expect(EnvHttpProxyAgent).toBe(undici.EnvHttpProxyAgent)
    expect(Pool).toBe(undici.Pool)
    expect(Client).toBe(undici.Client)
    expect(FormData).toBe(undici.FormData)
    // The index's request() is this function bound to a dispatcher.
    expect(undici.Dispatcher.prototype.request).toBe(apiRequest)
  })
})
