/**
 * What the run hands to the keeper of its cache directory (the Actions cache, in the action):
 * whether anything in it changed. The directory holds the advisory records and the index's
 * answers; a run whose index answers changed, with no advisory record new, still has
 * something to keep.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, expect, test } from '@jest/globals'
import { parseConfig } from '../../src/config/config.js'
import { runAudit } from '../../src/pipeline/run-audit.js'
import { silentLogger } from '../../src/shared/log.js'
import { OsvServer } from '../support/osv-server.js'
import { PypiServer } from '../support/pypi-server.js'

/** A PEP 691 index whose pages carry an ETag (a revision per project) and answer 304. */
class RevisedIndex {
  readonly revisions = new Map<string, number>([
    ['alpha', 1],
    ['beta', 1]
  ])
  private readonly server: Server = createServer((request, response) => {
    const name = /^\/simple\/([^/]+)\/$/.exec(request.url ?? '')?.[1] ?? ''
    const revision = this.revisions.get(name)
    if (revision === undefined) return void response.writeHead(404).end()
    const etag = `"${name}-${revision}"`
    if (request.headers['if-none-match'] === etag)
      return void response.writeHead(304, { etag }).end()
    const files = [{ filename: `${name}-1.0-py3-none-any.whl`, url: 'x', hashes: {} }]
    response.writeHead(200, { 'content-type': 'application/vnd.pypi.simple.v1+json', etag })
    response.end(JSON.stringify({ meta: { 'api-version': '1.1' }, name, versions: ['1.0'], files }))
  })

  async start(): Promise<string> {
    await new Promise<void>(resolve => this.server.listen(0, '127.0.0.1', resolve))
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/simple/`
  }

  async close(): Promise<void> {
    this.server.closeAllConnections()
    await new Promise(resolve => this.server.close(resolve))
  }
}

let work: string
let osv: OsvServer
let pypi: PypiServer
let index: RevisedIndex
beforeEach(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'pyaudit-cache-store-'))
  await writeFile(path.join(work, 'requirements.txt'), 'alpha==1.0\nbeta==1.0\n')
  osv = new OsvServer(() => [])
  pypi = new PypiServer([
    { project: 'alpha', version: '1.0' },
    { project: 'beta', version: '1.0' }
  ])
  index = new RevisedIndex()
})

afterEach(async () => {
  await osv.close()
  await pypi.close()
  await index.close()
  await rm(work, { recursive: true, force: true })
})

test.each([
  ['the OSV API', 'osv'],
  ['the PyPI JSON API (which keeps nothing there itself)', 'pypi']
])(
  'with %s: a run whose index answers changed saves the cache directory, one with nothing new does not',
  async (_feed, service) => {
    const inputs = new Map([
      ['vulnerability-service', service],
      ['osv-url', await osv.start()],
      ['pypi-url', await pypi.start()],
      ['index-url', await index.start()],
      ['cache-dir', path.join(work, 'cache')],
      ['paths', 'requirements.txt']
    ])
    const config = parseConfig(name => inputs.get(name) ?? '', { cwd: work, env: {} }, 'cli')
    const restored: string[] = []
    const saved: boolean[] = []
    const run = () =>
      runAudit(config, silentLogger, {
        env: {},
        cacheStore: {
          restore: async dir => void restored.push(dir),
          save: async (_dir, changed) => void saved.push(changed)
        }
      })
    await run() // cold: the index's answers are new
    await run() // the same day, every page 304: nothing new
    index.revisions.set('beta', 2)
    await run() // beta's page changed; no advisory record did
    expect(saved).toEqual([true, false, true])
    expect(restored).toEqual([1, 2, 3].map(() => path.join(work, 'cache')))
  }
)

test('with the package checks off, the PyPI JSON API keeps no cache directory', async () => {
  const inputs = new Map([
    ['vulnerability-service', 'pypi'],
    ['pypi-url', await pypi.start()],
    ['package-checks', 'false'],
    ['cache-dir', path.join(work, 'cache')],
    ['paths', 'requirements.txt']
  ])
  const config = parseConfig(name => inputs.get(name) ?? '', { cwd: work, env: {} }, 'cli')
  const calls: string[] = []
  await runAudit(config, silentLogger, {
    env: {},
    cacheStore: {
      restore: async () => void calls.push('restore'),
      save: async () => void calls.push('save')
    }
  })
  expect(calls).toEqual([])
})
