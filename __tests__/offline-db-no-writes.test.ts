import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs/promises'
import { readFileSync, readdirSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { pathToFileURL } from 'node:url'
import { makeZip } from './fixtures/osv/make-zip.js'

const root = path.resolve(import.meta.dirname, '..')
const demoDb = path.join(root, 'examples', 'demo', 'advisories')
let work: string

beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'pyaudit-nowrite-'))
  const members = readdirSync(demoDb)
    .filter(name => name.endsWith('.json'))
    .map(name => ({ name: `PyPI/${name}`, data: readFileSync(path.join(demoDb, name)) }))
  await fs.writeFile(path.join(work, 'all.zip'), makeZip(members))
  // Installed once the reader's modules are loaded (tsx may write its compile cache while it
  // loads them), right before the database is read: then every way node writes throws.
  await fs.writeFile(
    path.join(work, 'no-writes.mjs'),
    `import fs from 'node:fs'
import { syncBuiltinESMExports } from 'node:module'
const refuse = name => () => { throw new Error('write attempted: ' + name) }
for (const name of ['writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'mkdir', 'mkdirSync', 'mkdtemp', 'mkdtempSync', 'createWriteStream', 'rename', 'renameSync', 'copyFile', 'copyFileSync', 'symlink', 'symlinkSync']) fs[name] = refuse(name)
for (const name of ['writeFile', 'appendFile', 'mkdir', 'mkdtemp', 'rename', 'copyFile', 'symlink']) fs.promises[name] = refuse('promises.' + name)
const open = fs.promises.open
fs.promises.open = (file, flags = 'r', ...rest) => (/[wa+]/.test(String(flags)) ? refuse('open ' + flags)() : open(file, flags, ...rest))
syncBuiltinESMExports()
`
  )
  await fs.writeFile(
    path.join(work, 'load.mts'),
    `import { OfflineDatabase } from ${JSON.stringify(pathToFileURL(path.join(root, 'src', 'advisories', 'offline-db.ts')).href)}
await import(${JSON.stringify(pathToFileURL(path.join(work, 'no-writes.mjs')).href)})
for (const location of process.argv.slice(2)) {
  const db = await OfflineDatabase.load(location)
  const [found] = await db.lookup([{ name: 'requests', version: '2.19.1' }])
  console.log(location, db.recordCount, found.map(record => record.id).sort().join(','))
}
`
  )
})
afterAll(() => fs.rm(work, { recursive: true, force: true }))

test('the offline database is read in memory: no file is written, from a zip or a directory', () => {
  const tsx = pathToFileURL(path.join(root, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href
  const run = spawnSync(
    process.execPath,
    ['--import', tsx, path.join(work, 'load.mts'), path.join(work, 'all.zip'), demoDb],
    { encoding: 'utf8', cwd: work }
  )
  expect(run.stderr).not.toContain('write attempted')
  expect(run.status).toBe(0)
  const lines = run.stdout.trim().split('\n')
  expect(lines).toHaveLength(2)
  // Both layouts find the same advisories for requests 2.19.1.
  const [zipLine, dirLine] = lines.map(line => line.split(' ').slice(1).join(' '))
  expect(zipLine).toBe(dirLine)
  expect(zipLine).toMatch(/PYSEC-2018-28/)
})

test('the guard does refuse writes (so the test above can fail)', () => {
  const run = spawnSync(
    process.execPath,
    [
      '--import',
      pathToFileURL(path.join(work, 'no-writes.mjs')).href,
      '-e',
      "require('fs').writeFileSync('x.txt', 'y')"
    ],
    { encoding: 'utf8', cwd: work }
  )
  expect(run.status).not.toBe(0)
  expect(run.stderr).toContain('write attempted: writeFileSync')
})
