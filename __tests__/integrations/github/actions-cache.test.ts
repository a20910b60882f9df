import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { OsvRecord } from '../../../src/advisories/osv.js'
import { DiskRecordCache } from '../../../src/advisories/record-cache.js'
import {
  cacheKeys,
  cacheServiceConfigured,
  restoreCacheDir,
  saveCacheDir
} from '../../../src/integrations/github/actions-cache.js'
import type { Logger } from '../../../src/shared/log.js'
import { CacheServiceV1 } from '../../support/cache-service.js'
import { TESTS_DIR } from '../../support/paths.js'

const RECORDS = path.resolve(TESTS_DIR, 'fixtures', 'osv', 'records')
/** A real PYSEC record, see fixtures/osv/README.md. */
const record = (id: string): OsvRecord =>
  JSON.parse(readFileSync(path.join(RECORDS, `${id}.json`), 'utf8')) as OsvRecord

let cacheDir: string

beforeEach(() => {
  cacheDir = mkdtempSync(path.join(os.tmpdir(), 'pyaudit-cache-'))
})

afterEach(() => {
  rmSync(cacheDir, { recursive: true, force: true })
})

describe('keeping the cache between workflow runs', () => {
  const runner = {
    RUNNER_OS: 'Linux',
    GITHUB_RUN_ID: '9876543210',
    GITHUB_RUN_ATTEMPT: '2',
    GITHUB_JOB: 'audit'
  }
  const service = {
    ACTIONS_RUNTIME_TOKEN: 'token',
    ACTIONS_CACHE_URL: 'http://127.0.0.1:1/'
  }

  test('each run saves under its own key and restores the newest by prefix', () => {
    const keys = cacheKeys(runner)
    expect(keys).toEqual({
      primary: 'pyaudit-osv-v2-Linux-9876543210-2-audit',
      restore: ['pyaudit-osv-v2-Linux-']
    })
    expect(keys.primary.startsWith(keys.restore[0]!)).toBe(true)
    expect(cacheKeys({ ...runner, GITHUB_RUN_ATTEMPT: '3' }).primary).not.toBe(keys.primary)
    expect(cacheKeys({ ...runner, RUNNER_OS: 'Windows' }).restore).toEqual([
      'pyaudit-osv-v2-Windows-'
    ])
    expect(cacheKeys({}, 'linux')).toEqual({
      primary: 'pyaudit-osv-v2-linux-local-1-job',
      restore: ['pyaudit-osv-v2-linux-']
    })
  })

  test('keys never hold a comma and stay within the service limit', () => {
    const odd = cacheKeys({ ...runner, GITHUB_JOB: `a,b c/${'x'.repeat(600)}` })
    expect(odd.primary).not.toMatch(/[, /]/)
    expect(odd.primary.length).toBeLessThanOrEqual(512)
  })

  test('is configured only with a token and a cache service URL', () => {
    expect(cacheServiceConfigured({})).toBe(false)
    expect(cacheServiceConfigured({ ACTIONS_CACHE_URL: 'https://x/' })).toBe(false)
    expect(cacheServiceConfigured(service)).toBe(true)
    expect(
      cacheServiceConfigured({ ACTIONS_RUNTIME_TOKEN: 't', ACTIONS_RESULTS_URL: 'https://x/' })
    ).toBe(true)
  })

  test('without a cache service nothing is loaded, restored or saved', async () => {
    let loads = 0
    const load = () => {
      loads++
      return Promise.reject(new Error('must not load @actions/cache'))
    }
    const lines: string[] = []
    const logger: Logger = {
      debug: m => void lines.push(`debug ${m}`),
      info: m => void lines.push(`info ${m}`),
      warning: m => void lines.push(`warning ${m}`)
    }
    const restored = await restoreCacheDir(cacheDir, runner, logger, load)
    expect(restored).toBeUndefined()
    await expect(saveCacheDir(cacheDir, restored, true, logger, load)).resolves.toBe(false)
    expect(loads).toBe(0)
    expect(lines).toEqual([expect.stringMatching(/^debug No Actions cache service here/)])
  })
})

describe('@actions/cache against a cache service on loopback', () => {
  const saved = { ...process.env }
  let service: CacheServiceV1
  let lines: string[]
  /** What @actions/cache itself prints: workflow commands such as ::warning::. */
  let printed: string[]
  const logger: Logger = {
    debug: m => void lines.push(`debug ${m}`),
    info: m => void lines.push(`info ${m}`),
    warning: m => void lines.push(`warning ${m}`)
  }
  const runEnv = (runId: string) => ({ ...process.env, GITHUB_RUN_ID: runId, RUNNER_OS: 'Linux' })

  beforeEach(async () => {
    service = new CacheServiceV1()
    lines = []
    printed = []
    jest.spyOn(process.stdout, 'write').mockImplementation(chunk => {
      printed.push(String(chunk))
      return true
    })
    const scratch = mkdtempSync(path.join(os.tmpdir(), 'pyaudit-runner-'))
    for (const name of ['ACTIONS_CACHE_SERVICE_V2', 'ACTIONS_RESULTS_URL', 'ACTIONS_CACHE_MODE']) {
      delete process.env[name]
    }
    Object.assign(process.env, {
      ACTIONS_CACHE_URL: await service.start(),
      ACTIONS_RUNTIME_TOKEN: 'test-token',
      RUNNER_TEMP: scratch,
      GITHUB_WORKSPACE: scratch,
      GITHUB_SERVER_URL: 'https://github.com'
    })
  })

  afterEach(async () => {
    jest.restoreAllMocks()
    await service.close()
    rmSync(process.env.RUNNER_TEMP!, { recursive: true, force: true })
    for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name]
    Object.assign(process.env, saved)
  })

  test('a later run restores what an earlier run saved, and saves only what is new', async () => {
    const requestsRecord = record('PYSEC-2018-28')
    expect(await restoreCacheDir(cacheDir, runEnv('100'), logger)).toEqual({
      primaryKey: 'pyaudit-osv-v2-Linux-100-1-job'
    })
    const first = new DiskRecordCache(cacheDir)
    first.put(requestsRecord)
    await first.flush()
    const restored = { primaryKey: 'pyaudit-osv-v2-Linux-100-1-job' }
    await expect(saveCacheDir(cacheDir, restored, first.changed, logger)).resolves.toBe(true)
    expect(service.entries.map(entry => entry.key)).toEqual(['pyaudit-osv-v2-Linux-100-1-job'])

    rmSync(cacheDir, { recursive: true, force: true })
    const next = await restoreCacheDir(cacheDir, runEnv('101'), logger)
    expect(next).toEqual({
      primaryKey: 'pyaudit-osv-v2-Linux-101-1-job',
      matchedKey: 'pyaudit-osv-v2-Linux-100-1-job'
    })
    const second = new DiskRecordCache(cacheDir)
    expect(second.get(requestsRecord.id, requestsRecord.modified)).toEqual(requestsRecord)
    // Nothing fetched: nothing saved, not even asked.
    const before = service.requests.length
    await expect(saveCacheDir(cacheDir, next, second.changed, logger)).resolves.toBe(false)
    expect(service.requests.length).toBe(before)
    // Something fetched: saved under this run's key.
    await expect(saveCacheDir(cacheDir, next, true, logger)).resolves.toBe(true)
    expect(service.entries.map(entry => entry.key)).toEqual([
      'pyaudit-osv-v2-Linux-100-1-job',
      'pyaudit-osv-v2-Linux-101-1-job'
    ])
    // The same run restoring its own entry does not try to save it again.
    const again = await restoreCacheDir(cacheDir, runEnv('101'), logger)
    expect(again?.matchedKey).toBe(again?.primaryKey)
    await expect(saveCacheDir(cacheDir, again, true, logger)).resolves.toBe(false)
    expect(lines.filter(line => line.startsWith('warning'))).toEqual([])
  })

  test('a cache service that fails costs nothing but a message', async () => {
    service.failing = true
    const restored = await restoreCacheDir(cacheDir, runEnv('200'), logger)
    expect(restored).toEqual({ primaryKey: 'pyaudit-osv-v2-Linux-200-1-job' })
    const cache = new DiskRecordCache(cacheDir)
    cache.put(record('PYSEC-2018-28'))
    await cache.flush()
    await expect(saveCacheDir(cacheDir, restored, true, logger)).resolves.toBe(false)
    expect(service.requests).toEqual([
      'GET /_apis/artifactcache/cache',
      'POST /_apis/artifactcache/caches'
    ])
    // @actions/cache reports both as warnings of its own; neither throws.
    expect(printed.filter(line => line.startsWith('::warning::'))).toEqual([
      expect.stringMatching(/^::warning::Failed to restore: .*500/),
      expect.stringMatching(/^::warning::Failed to save: .*500/)
    ])
  })
})
