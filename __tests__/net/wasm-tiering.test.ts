import { expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { keepWasmOnBaselineCompiler } from '../../src/net/wasm-tiering.js'
import { srcModule } from '../support/run-action.js'

test('leaves V8 alone where Liftoff is not the whole story, and on Node 22 and later', () => {
  expect(keepWasmOnBaselineCompiler('s390x', '20.20.0')).toBe(false)
  expect(keepWasmOnBaselineCompiler('ppc64', '20.20.0')).toBe(false)
  expect(keepWasmOnBaselineCompiler('x64', '22.12.0')).toBe(false)
  expect(keepWasmOnBaselineCompiler('arm64', '24.1.0')).toBe(false)
})

test('with wasm kept on Liftoff, undici still parses HTTP (llhttp is WebAssembly)', () => {
  // In a child process: the flag is process-wide, and this one runs other tests.
  const tiering = srcModule('net/wasm-tiering')
  const http = srcModule('net/http')
  const script = `
    import { createServer } from 'node:http'
    import { keepWasmOnBaselineCompiler } from ${JSON.stringify(tiering.url)}
    import { JsonClient } from ${JSON.stringify(http.url)}
    const kept = keepWasmOnBaselineCompiler()
    const server = createServer((req, res) => res.end(JSON.stringify({ path: req.url, big: 'x'.repeat(200000) })))
    await new Promise(resolve => server.listen(0, '127.0.0.1', resolve))
    const client = new JsonClient({ feedName: 'test', retry: { attempts: 1 } })
    const answers = []
    for (let i = 0; i < 50; i++) answers.push(await client.getJson('http://127.0.0.1:' + server.address().port + '/' + i))
    await client.close()
    server.close()
    console.log(JSON.stringify({ kept, paths: answers.map(a => a.path).slice(-2), size: answers[49].big.length }))
  `
  const child = spawnSync(
    process.execPath,
    [...tiering.nodeArguments, '--input-type=module', '-e', script],
    { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: process.env.HOME } }
  )
  expect(child.stderr).toBe('')
  expect(JSON.parse(child.stdout)).toEqual({
    kept:
      (process.arch === 'x64' || process.arch === 'arm64') &&
      Number(process.versions.node.split('.')[0]) < 22,
    paths: ['/48', '/49'],
    size: 200000
  })
})
