/**
 * Loading the offline database never extracts or changes it, and writes nothing at all: no
 * index is kept between runs (offline-db.ts says why). Each load runs in its own process where
 * every way node writes outside an allowed folder throws.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs/promises'
import { readFileSync, readdirSync, statSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { pathToFileURL } from 'node:url'
import { makeZip } from '../fixtures/osv/make-zip.js'
import { TESTS_DIR } from '../support/paths.js'
import { srcModule } from '../support/run-action.js'

const root = path.resolve(TESTS_DIR, '..')
const demoDb = path.join(root, 'examples', 'demo', 'advisories')
const offlineDb = srcModule('advisories/offline-db')
let work: string

beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'pyaudit-nowrite-'))
  const members = readdirSync(demoDb)
    .filter(name => name.endsWith('.json'))
    .map(name => ({ name: `PyPI/${name}`, data: readFileSync(path.join(demoDb, name)) }))
  await fs.writeFile(path.join(work, 'all.zip'), makeZip(members))
  // Installed once the reader's modules are loaded (outside jest, tsx may write its compile
  // cache while it loads them), right before the database is read: then every way node writes
  // throws, except under PYAUDIT_ALLOWED_WRITES when it is set.
  await fs.writeFile(
    path.join(work, 'no-writes.mjs'),
    `import fs from 'node:fs'
import path from 'node:path'
import { syncBuiltinESMExports } from 'node:module'
const allowed = process.env.PYAUDIT_ALLOWED_WRITES
const inside = file => typeof file === 'string' && allowed !== undefined && path.resolve(file).startsWith(path.resolve(allowed) + path.sep)
const guard = (name, original, paths) => (...args) => {
  for (const at of paths) {
    if (inside(args[at])) continue
    // Said on stderr too, in case the code under test catches the error.
    const message = 'write attempted: ' + name + ' ' + String(args[at])
    process.stderr.write(message + '\\n')
    throw new Error(message)
  }
  return original(...args)
}
const WRITES = { writeFile: [0], appendFile: [0], mkdir: [0], mkdtemp: [0], rename: [0, 1], copyFile: [1], cp: [1], symlink: [1], link: [1], unlink: [0], rm: [0], rmdir: [0], truncate: [0], utimes: [0], chmod: [0] }
for (const [name, paths] of Object.entries(WRITES)) {
  for (const api of [fs, fs.promises]) {
    const prefix = api === fs ? '' : 'promises.'
    if (typeof api[name] === 'function') api[name] = guard(prefix + name, api[name].bind(api), paths)
    if (api === fs && typeof fs[name + 'Sync'] === 'function') fs[name + 'Sync'] = guard(name + 'Sync', fs[name + 'Sync'], paths)
  }
}
fs.createWriteStream = guard('createWriteStream', fs.createWriteStream, [0])
const { O_WRONLY, O_RDWR, O_APPEND, O_CREAT, O_TRUNC } = fs.constants
const writing = flags =>
  typeof flags === 'number' ? (flags & (O_WRONLY | O_RDWR | O_APPEND | O_CREAT | O_TRUNC)) !== 0 : typeof flags === 'string' && /[wa+]/.test(flags)
for (const [api, prefix] of [[fs, ''], [fs.promises, 'promises.']]) {
  const open = api.open.bind(api)
  api.open = (file, flags, ...rest) => (writing(flags) ? guard(prefix + 'open ' + flags, open, [0])(file, flags, ...rest) : open(file, flags, ...rest))
}
const openSync = fs.openSync
fs.openSync = (file, flags, ...rest) => (writing(flags) ? guard('openSync ' + flags, openSync, [0])(file, flags, ...rest) : openSync(file, flags, ...rest))
syncBuiltinESMExports()
`
  )
  await fs.writeFile(
    path.join(work, 'load.mjs'),
    `import { OfflineDatabase } from ${JSON.stringify(offlineDb.url)}
await import(${JSON.stringify(pathToFileURL(path.join(work, 'no-writes.mjs')).href)})
for (const location of process.argv.slice(2)) {
  const db = await OfflineDatabase.load(location)
  const [found] = await db.lookup([{ name: 'requests', version: '2.19.1' }])
  console.log([db.recordCount, ...found.map(record => record.id).sort()].join(' '))
}
`
  )
})
afterAll(() => fs.rm(work, { recursive: true, force: true }))

/** Loads the zip and the directory in a guarded process; one answer per database. */
function load(): string[] {
  const run = spawnSync(
    process.execPath,
    [...offlineDb.nodeArguments, path.join(work, 'load.mjs'), path.join(work, 'all.zip'), demoDb],
    { encoding: 'utf8', cwd: work, env: process.env }
  )
  expect(run.stderr).not.toContain('write attempted')
  expect(run.status).toBe(0)
  const lines = run.stdout.trim().split('\n')
  expect(lines).toHaveLength(2)
  return lines
}

/** Every file and folder under `dir`, with its size and mtime, to show nothing changed. */
function snapshot(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .sort()
    .map(name => {
      const stat = statSync(path.join(dir, name))
      return `${name} ${stat.size} ${stat.mtimeMs}`
    })
}

test('the offline database is read in memory: nothing is written at all', () => {
  const before = [snapshot(demoDb), snapshot(work)]
  const [zip, dir] = load()
  // Both layouts find the same advisories for requests 2.19.1.
  expect(zip).toBe(dir)
  expect(zip).toMatch(/PYSEC-2018-28/)
  // Nothing changed, the databases least of all.
  expect(snapshot(demoDb)).toEqual(before[0])
  expect(snapshot(work)).toEqual(before[1])
})

test('the guard does refuse writes, outside the allowed folder only (so the tests above can fail)', () => {
  const allowed = path.join(work, 'guard')
  const write = (file: string) =>
    spawnSync(
      process.execPath,
      [
        '--import',
        pathToFileURL(path.join(work, 'no-writes.mjs')).href,
        '-e',
        `require('fs').mkdirSync(${JSON.stringify(path.dirname(file))}, { recursive: true }); ` +
          `require('fs').writeFileSync(${JSON.stringify(file)}, 'y')`
      ],
      { encoding: 'utf8', cwd: work, env: { ...process.env, PYAUDIT_ALLOWED_WRITES: allowed } }
    )
  const outside = write(path.join(work, 'elsewhere', 'x.txt'))
  expect(outside.status).not.toBe(0)
  expect(outside.stderr).toContain('write attempted: mkdirSync')
  const nextDoor = write(path.join(`${allowed}-not`, 'x.txt'))
  expect(nextDoor.stderr).toContain('write attempted: mkdirSync')
  const inside = write(path.join(allowed, 'deeper', 'x.txt'))
  expect(inside.stderr).toBe('')
  expect(inside.status).toBe(0)
  expect(readFileSync(path.join(allowed, 'deeper', 'x.txt'), 'utf8')).toBe('y')
})
