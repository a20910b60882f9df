/**
 * A pull request's requirements file names the runner's secrets as ${VAR}: the whole action,
 * run as a runner runs it with those secrets in its environment, must not put one in a request
 * to the feeds, an output, a file it writes, or its log.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import * as fs from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import * as path from 'node:path'
import { OsvServer } from '../support/osv-server.js'
import { makeWorkspace, runAction, type ActionRun } from '../support/run-action.js'

const SECRETS = {
  GITHUB_TOKEN: 'ghs_secretGitHubToken0123456789',
  ACTIONS_RUNTIME_TOKEN: 'eyJsecretRuntimeToken.abc',
  PRIVATE_INDEX_PASSWORD: 'hunter2-secret-index-password'
}

const REQUIREMENTS = [
  'six==1.16.0',
  'leak===${GITHUB_TOKEN}',
  './${ACTIONS_RUNTIME_TOKEN}/pkg',
  'private @ https://user:${PRIVATE_INDEX_PASSWORD}@pypi.example.com/private-1.0-py3-none-any.whl',
  ''
].join('\n')

/** Every request the run sends (OSV, PyPI, the package index), recorded, then passed to OSV. */
class RecordingProxy {
  readonly requests: string[] = []
  private readonly server: Server

  constructor(target: string) {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (chunk: Buffer) => chunks.push(chunk))
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8')
        this.requests.push(`${req.method} ${req.url}\n${JSON.stringify(req.headers)}\n${body}`)
        fetch(`${target}${req.url}`, {
          method: req.method,
          headers: { 'content-type': 'application/json' },
          ...(body === '' ? {} : { body })
        })
          .then(async answer => {
            res.writeHead(answer.status, { 'content-type': 'application/json' })
            res.end(await answer.text())
          })
          .catch(() => res.destroy())
      })
    })
  }

  async start(): Promise<string> {
    await new Promise<void>(resolve => this.server.listen(0, '127.0.0.1', resolve))
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
  }

  async close(): Promise<void> {
    this.server.closeAllConnections()
    await new Promise(resolve => this.server.close(resolve))
  }
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true })
  return entries
    .filter(entry => entry.isFile())
    .map(entry => path.join(entry.parentPath, entry.name))
}

describe('secrets named in a requirements file, through the whole action', () => {
  let osv: OsvServer
  let proxy: RecordingProxy
  let workspace: string
  let run: ActionRun

  beforeAll(async () => {
    osv = new OsvServer(() => [])
    proxy = new RecordingProxy(await osv.start())
    const url = await proxy.start()
    workspace = await makeWorkspace({ 'requirements.txt': REQUIREMENTS })
    run = await runAction(
      {
        'osv-url': url,
        'pypi-url': url,
        'index-url': `${url}/simple`,
        cache: 'false',
        'upload-artifact': 'false',
        report: 'out/report.json',
        sbom: 'out/sbom.json',
        sarif: 'out/results.sarif'
      },
      { workspace, env: SECRETS }
    )
  }, 60_000)
  afterAll(async () => {
    await proxy.close()
    await osv.close()
    await fs.rm(workspace, { recursive: true, force: true })
  })

  test('the run reads the file and asks the feed about the one real pin', () => {
    expect(run.stdout + run.stderr).not.toMatch(/^\s+at /m)
    const queries = proxy.requests.filter(request => request.startsWith('POST /v1/querybatch'))
    expect(queries.length).toBeGreaterThan(0)
    expect(queries.join('\n')).toContain('"six"')
    expect(queries.join('\n')).not.toContain('"leak"')
  })

  test('no secret in any request path, header or body', () => {
    const sent = proxy.requests.join('\n')
    for (const secret of Object.values(SECRETS)) expect(sent).not.toContain(secret)
  })

  test('no secret in the outputs, the summary or the log', () => {
    const published = [run.stdout, run.stderr, run.summary, JSON.stringify(run.outputs)].join('\n')
    for (const secret of Object.values(SECRETS)) expect(published).not.toContain(secret)
  })

  test('no secret in any file written (report, SBOM, SARIF), where each line is skipped with the reason', async () => {
    const written = await filesUnder(path.join(workspace, 'out'))
    expect(written.map(file => path.basename(file))).toEqual(
      expect.arrayContaining(['report.json', 'results.sarif', 'sbom.json'])
    )
    for (const file of await filesUnder(workspace)) {
      const text = await fs.readFile(file, 'utf8')
      for (const secret of Object.values(SECRETS)) expect(text).not.toContain(secret)
    }
    const report = JSON.parse(await fs.readFile(path.join(workspace, 'out', 'report.json'), 'utf8'))
    const skipped = (report.dependencies as { name: string; skip_reason?: string }[]).filter(
      dependency => dependency.skip_reason
    )
    expect(skipped.map(dependency => dependency.name)).toEqual(
      expect.arrayContaining(['leak', 'private'])
    )
    expect(skipped.find(dependency => dependency.name === 'leak')!.skip_reason).toContain(
      '${GITHUB_TOKEN} is an environment variable'
    )
  })
})
