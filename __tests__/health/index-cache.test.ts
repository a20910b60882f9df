import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { INDEX_CACHE_FILE, IndexCache } from '../../src/health/index-cache.js'
import { lookUpPackageIndexes, type HealthQuery } from '../../src/health/look-up.js'
import type { IndexLookup } from '../../src/health/types.js'
import { TEST_CA } from '../support/tls-server.js'
import { Pep691Server, type Project } from './pep691-server.js'

let server: Pep691Server
let dir: string
let file: string

beforeEach(async () => {
  server = await Pep691Server.start()
  dir = path.join(mkdtempSync(path.join(tmpdir(), 'index-cache-')), 'cache')
  file = path.join(dir, INDEX_CACHE_FILE)
})

afterEach(async () => {
  await server.close()
  rmSync(path.dirname(dir), { recursive: true, force: true })
})

const QUERIES: HealthQuery[] = [
  { name: 'alpha', versions: ['1.0'] },
  { name: 'beta', versions: ['2.0'] }
]

function serve(name: string, project: Project): void {
  server.projects.set(name, project)
}

/** One run of the lookup with the cache directory; returns its answers and cache. */
async function run(
  queries: HealthQuery[] = QUERIES,
  now = Date.now()
): Promise<{ lookups: IndexLookup[]; cache: IndexCache }> {
  const cache = new IndexCache(dir, { now: () => now })
  const lookups = await lookUpPackageIndexes(queries, {
    indexUrl: server.indexUrl,
    extraCaCerts: TEST_CA,
    retry: { attempts: 1 },
    cache
  })
  return { lookups, cache }
}

function statusOf(lookups: IndexLookup[], name: string): string | undefined {
  const answer = lookups.find(lookup => lookup.name === name)!.answers[0]!
  return answer.found ? answer.project.status.status : `absent ${answer.httpStatus}`
}

describe('index answers kept between runs', () => {
  beforeEach(() => {
    serve('alpha', { versions: { '1.0': false }, etag: '"a1"' })
    serve('beta', {
      versions: { '2.0': 'bad build' },
      lastModified: 'Sat, 05 Dec 2026 10:00:00 GMT'
    })
  })

  test('a warm run asks every page conditionally, and a 304 reuses the kept facts', async () => {
    const cold = await run()
    expect(server.log.map(entry => entry.status)).toEqual([200, 200])
    server.log.length = 0
    const warm = await run()
    expect(server.log).toEqual(
      expect.arrayContaining([
        { name: 'alpha', ifNoneMatch: '"a1"', status: 304 },
        {
          name: 'beta',
          ifModifiedSince: 'Sat, 05 Dec 2026 10:00:00 GMT',
          status: 304
        }
      ])
    )
    expect(warm.lookups).toEqual(cold.lookups)
    expect(warm.cache.stats).toMatchObject({ revalidated: 2, stored: 0 })
  })

  test('the lookup says when it wrote the cache: not after a day of 304s', async () => {
    const DAY = 24 * 60 * 60 * 1000
    const now = Date.now()
    const written = async (at: number): Promise<boolean> => {
      let wrote = false
      await lookUpPackageIndexes(QUERIES, {
        indexUrl: server.indexUrl,
        extraCaCerts: TEST_CA,
        retry: { attempts: 1 },
        cache: new IndexCache(dir, { now: () => at }),
        whenCacheWritten: () => (wrote = true)
      })
      return wrote
    }
    expect(await written(now)).toBe(true) // cold: two answers kept
    expect(await written(now)).toBe(false) // the same day, two 304s: nothing to keep
    expect(existsSync(file)).toBe(true)
    serve('alpha', { versions: { '1.0': false, '1.1': false }, etag: '"a2"' })
    expect(await written(now)).toBe(true) // a page changed
    expect(await written(now + DAY)).toBe(true) // 304s on a new day: the entries are dated anew
  })

  test('a project quarantined since the last run shows at once: its page changed', async () => {
    await run()
    serve('alpha', {
      versions: { '1.0': false },
      etag: '"a2"',
      status: { status: 'quarantined', reason: 'malware' }
    })
    const { lookups } = await run()
    expect(statusOf(lookups, 'alpha')).toBe('quarantined')
    expect(server.log.filter(entry => entry.name === 'alpha').at(-1)).toEqual({
      name: 'alpha',
      ifNoneMatch: '"a1"',
      status: 200
    })
    // And the new answer is the one kept: the next run revalidates it.
    server.log.length = 0
    const again = await run()
    expect(statusOf(again.lookups, 'alpha')).toBe('quarantined')
    expect(server.log.find(entry => entry.name === 'alpha')).toMatchObject({
      ifNoneMatch: '"a2"',
      status: 304
    })
  })

  test('a project gone since the last run reads as not found, and is forgotten', async () => {
    await run()
    server.projects.delete('beta')
    const { lookups } = await run()
    expect(statusOf(lookups, 'beta')).toBe('absent 404')
    serve('beta', { versions: { '2.0': false }, etag: '"b"' })
    server.log.length = 0
    await run()
    expect(server.log.find(entry => entry.name === 'beta')).toEqual({ name: 'beta', status: 200 })
  })

  test('an answer without ETag or Last-Modified is not kept', async () => {
    serve('alpha', { versions: { '1.0': false } })
    await run()
    server.log.length = 0
    await run()
    expect(server.log.find(entry => entry.name === 'alpha')).toEqual({ name: 'alpha', status: 200 })
    expect(readFileSync(file, 'utf8')).not.toContain('"alpha"')
  })

  test('a kept answer that does not cover a version now pinned is read afresh, for both', async () => {
    await run()
    server.log.length = 0
    const { lookups } = await run([{ name: 'alpha', versions: ['1.0', '3.0'] }])
    expect(server.log).toEqual([{ name: 'alpha', status: 200 }])
    const answer = lookups[0]!.answers[0]!
    expect(answer.found && answer.project.releases.map(release => release.version)).toEqual([
      '1.0',
      '3.0'
    ])
    server.log.length = 0
    await run([{ name: 'alpha', versions: ['3.0'] }])
    expect(server.log).toEqual([{ name: 'alpha', ifNoneMatch: '"a1"', status: 304 }])
  })

  test('the file is written once, private to the user, in a private directory', async () => {
    await run()
    expect(statSync(dir).mode & 0o777).toBe(0o700)
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(readdirSync(dir)).toEqual([INDEX_CACHE_FILE])
    const before = statSync(file).mtimeMs
    await run()
    // Nothing new on the same day: not written again.
    expect(statSync(file).mtimeMs).toBe(before)
  })
})

describe('a cache that cannot be trusted is not used', () => {
  beforeEach(() => {
    serve('alpha', { versions: { '1.0': false }, etag: '"a1"' })
    serve('beta', { versions: { '2.0': false }, etag: '"b1"' })
  })

  test.each([
    ['not JSON', '{"format":1,"entries":[{"ind'],
    ['of another format', JSON.stringify({ format: 999, entries: [] })],
    ['an empty file', '']
  ])('a damaged file (%s) is ignored and rewritten', async (_what, text) => {
    await run()
    writeFileSync(file, text)
    server.log.length = 0
    const { lookups } = await run()
    expect(server.log.map(entry => entry.status)).toEqual([200, 200])
    expect(statusOf(lookups, 'alpha')).toBe('active')
    server.log.length = 0
    await run()
    expect(server.log.map(entry => entry.status)).toEqual([304, 304])
  })

  test('an entry whose facts are not what this build writes is dropped on its own', async () => {
    await run()
    const stored = JSON.parse(readFileSync(file, 'utf8')) as {
      entries: Array<{ name: string; facts: Record<string, unknown> }>
    }
    const alpha = stored.entries.find(entry => entry.name === 'alpha')!
    // A reason no index page gives after cleaning: it would start a line of its own.
    alpha.facts.status = { status: 'active', reason: 'x\n::error::forged' }
    const beta = stored.entries.find(entry => entry.name === 'beta')!
    delete beta.facts.releases
    writeFileSync(file, JSON.stringify({ ...stored, entries: [alpha, beta] }))
    server.log.length = 0
    const { lookups, cache } = await run()
    expect(server.log.map(entry => entry.status)).toEqual([200, 200])
    expect(cache.stats.dropped).toBe(2)
    expect(JSON.stringify(lookups)).not.toContain('forged')
  })

  test('an entry whose version list holds a line break or a non-string is dropped', async () => {
    await run()
    const stored = JSON.parse(readFileSync(file, 'utf8')) as {
      entries: Array<{ name: string; facts: { versions?: unknown[] } }>
    }
    const alpha = stored.entries.find(entry => entry.name === 'alpha')!
    alpha.facts.versions = [...(alpha.facts.versions ?? []), '9.0\n::error::forged']
    const beta = stored.entries.find(entry => entry.name === 'beta')!
    beta.facts.versions = [...(beta.facts.versions ?? []), 9]
    writeFileSync(file, JSON.stringify({ ...stored, entries: [alpha, beta] }))
    server.log.length = 0
    const { lookups, cache } = await run()
    expect(server.log.map(entry => entry.status)).toEqual([200, 200])
    expect(cache.stats.dropped).toBe(2)
    expect(JSON.stringify(lookups)).not.toContain('forged')
  })

  test('a kept validator that is no header value is dropped, not sent (which would fail the run)', async () => {
    await run()
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('"\\"a1\\""', '"\\"a1\\"\\r\\nx-forged: 1"')
    )
    expect(readFileSync(file, 'utf8')).toContain('x-forged')
    server.log.length = 0
    const { lookups, cache } = await run()
    expect(statusOf(lookups, 'alpha')).toBe('active')
    expect(server.log.find(entry => entry.name === 'alpha')).toEqual({ name: 'alpha', status: 200 })
    expect(cache.stats.dropped).toBe(1)
  })

  test('after a 304 the kept facts are used as they are: the file is trusted as far as its owner', async () => {
    // docs/security.md: only a job running as the same user can write the file (0600 in a
    // 0700 directory, refused otherwise), and such a job can rewrite the action itself.
    await run()
    writeFileSync(file, readFileSync(file, 'utf8').replace('"active"', '"archived"'))
    const { lookups } = await run()
    expect(statusOf(lookups, 'alpha')).toBe('archived')
  })

  test('a file other users can write is not read, and is replaced', async () => {
    await run()
    chmodSync(file, 0o666)
    server.log.length = 0
    await run()
    expect(server.log.map(entry => entry.status)).toEqual([200, 200])
    expect(statSync(file).mode & 0o777).toBe(0o600)
  })

  test('a directory other users can write is not used at all', async () => {
    await run()
    chmodSync(dir, 0o777)
    server.log.length = 0
    await run()
    expect(server.log.map(entry => entry.status)).toEqual([200, 200])
    chmodSync(dir, 0o700)
  })
})

describe('bounds, killed runs and runs at once', () => {
  test('at most maxEntries answers are kept, the most recently used', async () => {
    for (const name of ['a', 'b', 'c'])
      serve(name, { versions: { '1.0': false }, etag: `"${name}"` })
    const day = 24 * 60 * 60 * 1000
    const at = (name: string, now: number) => {
      const cache = new IndexCache(dir, { now: () => now, maxEntries: 2 })
      return lookUpPackageIndexes([{ name, versions: ['1.0'] }], {
        indexUrl: server.indexUrl,
        extraCaCerts: TEST_CA,
        cache
      })
    }
    await at('a', 1 * day)
    await at('b', 2 * day)
    await at('c', 3 * day)
    const names = (
      JSON.parse(readFileSync(file, 'utf8')) as { entries: Array<{ name: string }> }
    ).entries
      .map(entry => entry.name)
      .sort()
    expect(names).toEqual(['b', 'c'])
  })

  test('two runs saving at once: the later merges what the earlier wrote', async () => {
    serve('alpha', { versions: { '1.0': false }, etag: '"a1"' })
    serve('beta', { versions: { '2.0': false }, etag: '"b1"' })
    const first = new IndexCache(dir)
    const second = new IndexCache(dir)
    const options = { indexUrl: server.indexUrl, extraCaCerts: TEST_CA }
    // Both read the (absent) file before either writes.
    first.get('x', 'y', [])
    second.get('x', 'y', [])
    await lookUpPackageIndexes([QUERIES[0]!], { ...options, cache: first })
    await lookUpPackageIndexes([QUERIES[1]!], { ...options, cache: second })
    server.log.length = 0
    await run()
    expect(server.log.map(entry => entry.status)).toEqual([304, 304])
  })

  test("a killed run's temp file is never read, and an old one is cleaned up", async () => {
    serve('alpha', { versions: { '1.0': false }, etag: '"a1"' })
    serve('beta', { versions: { '2.0': false }, etag: '"b1"' })
    await run()
    serve('gamma', { versions: { '1.0': false }, etag: '"g1"' })
    const temp = `${file}.12345.deadbeef.0.tmp`
    writeFileSync(temp, '{"half": ')
    server.log.length = 0
    await run([...QUERIES, { name: 'gamma', versions: ['1.0'] }], Date.now() + 2 * 60 * 60 * 1000)
    expect(server.log.filter(entry => entry.status === 304)).toHaveLength(2)
    expect(readdirSync(dir)).toEqual([INDEX_CACHE_FILE])
  })
})
