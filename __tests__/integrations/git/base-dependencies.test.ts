import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs/promises'
import * as os from 'node:os'
import * as path from 'node:path'
import { collectDependencies, type CollectOptions } from '../../../src/deps/collect.js'
import type { SourceResult } from '../../../src/deps/types.js'
import type { BaseCommit } from '../../../src/integrations/git/base-commit.js'
import { readBaseDependencies } from '../../../src/integrations/git/base-dependencies.js'
import { compareSources } from '../../../src/pipeline/changes.js'
import { SimpleIndex } from '../../support/simple-index.js'
import { scratchDir, TestRepo } from './git-fixture.js'
import { recordingLogger } from './judge-run.js'

let scratch: string
let runnerTemp: string
beforeEach(async () => {
  scratch = await scratchDir()
  runnerTemp = path.join(scratch, 'runner-temp')
  await fs.mkdir(runnerTemp)
})
afterEach(async () => {
  await fs.rm(scratch, { recursive: true, force: true })
})

function collectOptions(repo: TestRepo, overrides: Partial<CollectOptions> = {}): CollectOptions {
  return {
    paths: [],
    workingDirectory: repo.dir,
    resolve: 'none',
    extraIndexUrls: [],
    env: { ...repo.env, RUNNER_TEMP: runnerTemp },
    logger: recordingLogger(),
    ...overrides
  }
}

const baseOf = (sha: string): BaseCommit => ({ ref: 'main', sha, fetched: false })

/** file (relative to the repository), then `name==version@line` of each pin. */
function pins(sources: SourceResult[], root: string): string[][] {
  return sources.map(source => [
    path.relative(root, source.file),
    ...source.dependencies.map(
      d => `${d.name}==${d.version}@${path.relative(root, d.location.file)}:${d.location.line}`
    )
  ])
}

async function read(base: string, options: CollectOptions): Promise<SourceResult[]> {
  const result = await readBaseDependencies(baseOf(base), options)
  if (!result.ok) throw new Error(result.warning)
  return result.sources
}

describe('readBaseDependencies', () => {
  test('reads the base with the head readers and names files where the work tree has them', async () => {
    const repo = await TestRepo.create(scratch)
    const base = await repo.commit('Base', {
      'requirements.txt': '-r common/base.txt\nJinja2==2.10.1\n',
      'common/base.txt': 'requests==2.19.1\n'
    })
    await repo.commit('Head', { 'common/base.txt': 'requests==2.31.0\n' })
    await repo.write({ 'requirements.txt': 'an uncommitted edit is not the base\n' })
    expect(pins(await read(base, collectOptions(repo)), repo.dir)).toEqual([
      [
        'requirements.txt',
        'requests==2.19.1@common/base.txt:1',
        'jinja2==2.10.1@requirements.txt:2'
      ]
    ])
    // The private copy is gone.
    expect(await fs.readdir(runnerTemp)).toEqual([])
  })

  test('a working directory below the top, with an include outside it', async () => {
    const repo = await TestRepo.create(scratch)
    const base = await repo.commit('Base', {
      'services/api/requirements.txt': '-r ../../shared/pins.txt\nidna==3.7\n',
      'shared/pins.txt': 'certifi==2024.7.4\n',
      'requirements.txt': 'unrelated==1.0\n'
    })
    const workingDirectory = path.join(repo.dir, 'services', 'api')
    const options = collectOptions(repo, { workingDirectory, repositoryRoot: repo.dir })
    expect(pins(await read(base, options), repo.dir)).toEqual([
      [
        'services/api/requirements.txt',
        'certifi==2024.7.4@shared/pins.txt:1',
        'idna==3.7@services/api/requirements.txt:2'
      ]
    ])
  })

  test('what is absent at the base reads as no dependencies: the directory, the named paths, any file', async () => {
    const repo = await TestRepo.create(scratch)
    const base = await repo.commit('Base', { 'README.md': 'nothing to audit yet\n' })
    await repo.commit('Head', {
      'requirements.txt': 'requests==2.31.0\n',
      'app/requirements.txt': 'idna==3.7\n'
    })
    expect(await read(base, collectOptions(repo))).toEqual([])
    const app = path.join(repo.dir, 'app')
    expect(await read(base, collectOptions(repo, { workingDirectory: app }))).toEqual([])
    const named = collectOptions(repo, { paths: [path.join(repo.dir, 'requirements.txt')] })
    expect(await read(base, named)).toEqual([])
  })

  test('named paths: one absent at the base is left out, one with any name is read', async () => {
    const repo = await TestRepo.create(scratch)
    const base = await repo.commit('Base', { 'deps/prod.reqs': 'requests==2.19.1\n' })
    await repo.commit('Head', { 'deps/dev.reqs': 'pytest==8.0.0\n' })
    const options = collectOptions(repo, {
      paths: [path.join(repo.dir, 'deps/prod.reqs'), path.join(repo.dir, 'deps/dev.reqs')]
    })
    expect(pins(await read(base, options), repo.dir)).toEqual([
      ['deps/prod.reqs', 'requests==2.19.1@deps/prod.reqs:1']
    ])
  })

  test('an installed environment alone has no base', async () => {
    const repo = await TestRepo.create(scratch)
    const base = await repo.commit('Base', { 'requirements.txt': 'requests==2.19.1\n' })
    const options = collectOptions(repo, { python: path.join(scratch, 'no-such-python') })
    expect(await read(base, options)).toEqual([])
  })

  test('a base that cannot be parsed is a warning, never a pass', async () => {
    const repo = await TestRepo.create(scratch)
    const base = await repo.commit('Base', { 'requirements.txt': 'requests (>=\n' })
    await repo.commit('Head', { 'requirements.txt': 'requests==2.31.0\n' })
    const result = await readBaseDependencies(baseOf(base), collectOptions(repo))
    expect(result.ok).toBe(false)
    expect(!result.ok && result.warning).toMatch(
      new RegExp(
        `^Could not read the dependency files of the base main \\(${base.slice(0, 12)}\\): requirements\\.txt:1:\\d+: invalid requirement .*\\. Judging every dependency \\(scope: all\\)\\.$`
      )
    )
    expect(await fs.readdir(runnerTemp)).toEqual([])
  })

  test('a base over the copy limits is a warning', async () => {
    const repo = await TestRepo.create(scratch)
    const base = await repo.commit('Base', { 'requirements.txt': 'a==1\n', 'b.txt': 'b\n' })
    const result = await readBaseDependencies(baseOf(base), collectOptions(repo), {
      limits: { files: 1 }
    })
    expect(!result.ok && result.warning).toContain('over the limit of 1 files')
  })
})

const pipPython = (() => {
  try {
    execFileSync('python3', ['-m', 'pip', '--version'], { stdio: 'ignore' })
    return execFileSync('python3', ['-c', 'import sys; print(sys.executable)'], {
      encoding: 'utf8'
    }).trim()
  } catch {
    return undefined
  }
})()
if (!pipPython) console.warn('base-dependencies: python3 with pip not found; skipping resolve: pip')

const describeWithPip = pipPython ? describe : describe.skip

describeWithPip('with resolve: pip', () => {
  let index: SimpleIndex
  beforeEach(async () => {
    index = await SimpleIndex.start([
      { name: 'PyYAML', version: '5.3' },
      { name: 'PyYAML', version: '5.4' }
    ])
  })
  afterEach(() => index.close())

  test('the base files are resolved again, the same way, and compared with the head resolution', async () => {
    const repo = await TestRepo.create(scratch)
    const base = await repo.commit('Base', { 'requirements.txt': 'pyyaml<5.4\n' })
    await repo.commit('Head', { 'requirements.txt': 'pyyaml\n' })
    const options = collectOptions(repo, {
      resolve: 'pip',
      python: pipPython!,
      indexUrl: index.url(),
      env: {
        ...repo.env,
        RUNNER_TEMP: runnerTemp,
        PIP_CONFIG_FILE: os.devNull,
        PIP_NO_CACHE_DIR: '1'
      }
    })
    const baseSources = await read(base, options)
    expect(baseSources.map(s => s.dependencies.map(d => `${d.name}==${d.version}`))).toEqual([
      ['pyyaml==5.3']
    ])
    const head = await collectDependencies(options)
    expect(head.map(s => s.dependencies.map(d => `${d.name}==${d.version}`))).toEqual([
      ['pyyaml==5.4']
    ])
    // Both sides name the work tree's requirements.txt: the pin is changed, not added.
    const comparison = compareSources(head, baseSources)
    expect(
      comparison.declarations.map(d => [d.dependency.name, d.change, d.previousVersions])
    ).toEqual([['pyyaml', 'changed', ['5.3']]])
  }, 60_000)
})
