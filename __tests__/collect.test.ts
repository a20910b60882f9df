/**
 * collectDependencies end to end: detection, the format readers, the environment and pip
 * resolution wired together, on real directories built from the project's fixtures.
 */
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { collectDependencies, type CollectOptions } from '../src/deps/collect.js'
import { PyauditError } from '../src/errors.js'
import type { Logger } from '../src/log.js'
import type { SourceResult } from '../src/deps/types.js'
import { SimpleIndex } from './support/simple-index.js'

const fixtures = path.resolve(import.meta.dirname, 'fixtures')
const lockfile = (name: string): string => path.join(fixtures, 'lockfiles', name)
const compiled = path.join(fixtures, 'requirements', 'compiled', 'requirements.txt')

let root: string
beforeAll(() => {
  // realpath: on macOS the temp dir is a symlink, and paths are compared as strings.
  root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'pyaudit-collect-')))
})
afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

/** Creates `files` (relative path -> text, or a fixture path to copy) in a new directory. */
function project(name: string, files: Record<string, string | { copy: string }>): string {
  const dir = path.join(root, name)
  for (const [relative, content] of Object.entries(files)) {
    const target = path.join(dir, relative)
    fs.mkdirSync(path.dirname(target), { recursive: true })
    if (typeof content === 'string') fs.writeFileSync(target, content)
    else fs.copyFileSync(content.copy, target)
  }
  fs.mkdirSync(dir, { recursive: true })
  return dir
}

function recordingLogger(): Logger & { messages: string[] } {
  const messages: string[] = []
  return {
    messages,
    debug: m => messages.push(`debug: ${m}`),
    info: m => messages.push(`info: ${m}`),
    warning: m => messages.push(`warning: ${m}`)
  }
}

function collect(
  workingDirectory: string,
  overrides: Partial<CollectOptions> = {}
): Promise<SourceResult[]> & { logger: ReturnType<typeof recordingLogger> } {
  const logger = recordingLogger()
  const promise = collectDependencies({
    paths: [],
    workingDirectory,
    resolve: 'none',
    extraIndexUrls: [],
    env: process.env,
    logger,
    ...overrides
  })
  return Object.assign(promise, { logger })
}

/** The 1-based line of the first line of `file` containing `text`, read from the fixture itself. */
function lineOf(file: string, text: string): number {
  const index = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .findIndex(l => l.includes(text))
  if (index < 0) throw new Error(`${text} not in ${file}`)
  return index + 1
}

const sourcesOf = (sources: SourceResult[], dir: string): string[][] =>
  sources.map(s => [path.relative(dir, s.file), s.format])

function find(sources: SourceResult[], name: string) {
  return sources.flatMap(s => s.dependencies).filter(d => d.name === name)
}

describe('auto-detection in a monorepo', () => {
  let dir: string
  let sources: SourceResult[]
  let messages: string[]
  beforeAll(async () => {
    dir = project('monorepo', {
      'svc-a/pyproject.toml': { copy: lockfile('pyproject-pep621.toml') },
      'svc-a/uv.lock': { copy: lockfile('uv.lock') },
      'svc-b/requirements.in': 'requests[socks]\njinja2\n',
      'svc-b/requirements.txt': { copy: compiled },
      'svc-c/poetry.lock': { copy: lockfile('poetry-v2.lock') },
      '.venv/lib/requirements.txt': 'decoy-venv==1.0\n',
      'node_modules/pkg/requirements.txt': 'decoy-node==1.0\n',
      'svc-b/node_modules/requirements.txt': 'decoy-nested==1.0\n'
    })
    const run = collect(dir)
    sources = await run
    messages = run.logger.messages
  })

  test('the lockfile and the compiled file are read, never their manifests or the decoys', () => {
    expect(sourcesOf(sources, dir)).toEqual([
      ['svc-a/uv.lock', 'uv.lock'],
      ['svc-b/requirements.txt', 'requirements'],
      ['svc-c/poetry.lock', 'poetry.lock']
    ])
    const names = sources.flatMap(s => [...s.dependencies, ...s.skipped].map(d => d.name))
    expect(names.filter(n => n.startsWith('decoy'))).toEqual([])
  })

  test('the log says which manifest was replaced by what', () => {
    expect(messages).toContain(
      `info: ${path.join(dir, 'svc-a', 'pyproject.toml')}: using uv.lock instead, which pins what it declares`
    )
    expect(messages).toContain(
      `info: ${path.join(dir, 'svc-b', 'requirements.in')}: using requirements.txt instead, which pins what it declares`
    )
    expect(messages).toContain(
      'info: Detected 3 dependency file(s) in ' +
        `${dir}: svc-a/uv.lock, svc-b/requirements.txt, svc-c/poetry.lock`
    )
  })

  test('dependencies keep the file and line that pin them', () => {
    const uvLock = path.join(dir, 'svc-a', 'uv.lock')
    const requirements = path.join(dir, 'svc-b', 'requirements.txt')
    const poetryLock = path.join(dir, 'svc-c', 'poetry.lock')
    expect(find(sources, 'aiofiles').map(d => [d.version, d.location, d.format])).toEqual([
      ['24.1.0', { file: uvLock, line: lineOf(uvLock, 'name = "aiofiles"') }, 'uv.lock'],
      ['24.1.0', { file: poetryLock, line: lineOf(poetryLock, 'name = "aiofiles"') }, 'poetry.lock']
    ])
    expect(find(sources, 'requests')).toEqual([
      {
        name: 'requests',
        version: '2.31.0',
        location: { file: requirements, line: lineOf(requirements, 'requests[socks]==2.31.0') },
        format: 'requirements'
      }
    ])
    // tomli's marker (python_version < "3.11") is false for the default target, Python 3.12.
    expect(find(sources, 'tomli')).toEqual([])
    expect(messages).toContain(
      `info: svc-b/requirements.txt (requirements): ${sources[1]!.dependencies.length} pinned, 0 skipped`
    )
  })
})

describe('requirements files that include each other', () => {
  test('an include that detection also finds later is read once, by its includer', async () => {
    const dir = project('include-later', {
      'requirements.txt': 'flask==3.0.0\n-r requirements/requirements-test.txt\n',
      'requirements/requirements-test.txt': 'pytest==8.0.0\n'
    })
    const sources = await collect(dir)
    expect(sourcesOf(sources, dir)).toEqual([['requirements.txt', 'requirements']])
    expect(find(sources, 'pytest').map(d => d.location)).toEqual([
      { file: path.join(dir, 'requirements', 'requirements-test.txt'), line: 1 }
    ])
  })

  test('an include that detection found earlier is not read a second time', async () => {
    const dir = project('include-earlier', {
      'requirements-base.txt': 'django==4.2.11\n',
      'requirements.txt': '-r requirements-base.txt\ncelery==5.3.6\n'
    })
    const sources = await collect(dir)
    expect(find(sources, 'django')).toHaveLength(1)
  })
})

describe('explicit paths', () => {
  test('a directory is searched, a file is read whatever its name', async () => {
    const dir = project('explicit', {
      'backend/poetry.lock': { copy: lockfile('poetry-v1.lock') },
      'deps/prod.pip': 'attrs==23.2.0\n',
      'requirements.txt': 'never-read==1.0\n'
    })
    const sources = await collect(dir, {
      paths: [path.join(dir, 'backend'), path.join(dir, 'deps', 'prod.pip')]
    })
    expect(sourcesOf(sources, dir)).toEqual([
      ['backend/poetry.lock', 'poetry.lock'],
      ['deps/prod.pip', 'requirements']
    ])
    expect(find(sources, 'attrs')[0]!.location).toEqual({
      file: path.join(dir, 'deps', 'prod.pip'),
      line: 1
    })
  })

  test('a missing path is an error naming it; an empty directory says what to set', async () => {
    const dir = project('empty', {})
    const missing = collect(dir, { paths: [path.join(dir, 'requirements.txt')] })
    await expect(missing).rejects.toBeInstanceOf(PyauditError)
    await expect(missing).rejects.toThrow("Input 'paths': requirements.txt does not exist")
    const empty = collect(dir)
    await expect(empty).rejects.toBeInstanceOf(PyauditError)
    await expect(empty).rejects.toThrow(
      `No dependency files found in ${dir}: set 'paths' to your requirements files or lockfiles, or 'python' to audit an environment`
    )
  })
})

const python = findPython()
const describeWithPython = python ? describe : describe.skip
const describeWithPip = python?.pip ? describe : describe.skip
if (!python) console.warn('collect: python3 not found; skipping the environment tests')
if (!python?.pip)
  console.warn("collect: python3 -m pip not found; skipping the resolve: 'pip' test")

describeWithPython('the environment of an interpreter', () => {
  test('python alone: only the installed distributions are read', async () => {
    const dir = project('env-only', { 'requirements.txt': 'not-read==1.0\n' })
    const sources = await collect(dir, { python: 'python3' })
    expect(sources.map(s => s.format)).toEqual(['environment'])
    const names = sources[0]!.dependencies.map(d => d.name)
    expect(names.length).toBeGreaterThan(python!.distributions / 2)
    expect(names).toContain('pip')
    expect(names).not.toContain('not-read')
  })

  test("with paths too: markers are evaluated for the interpreter's own version", async () => {
    const dir = project('env-and-paths', {
      'requirements.txt': [
        'foo==1 ; python_version < "3.0"',
        `bar==2 ; python_version == "${python!.version}"`,
        ''
      ].join('\n')
    })
    const file = path.join(dir, 'requirements.txt')
    const sources = await collect(dir, { paths: [file], python: 'python3' })
    expect(sources.map(s => s.format)).toEqual(['requirements', 'environment'])
    expect(sources[0]!.dependencies.map(d => [d.name, d.version, d.location.line])).toEqual([
      ['bar', '2', 2]
    ])
    expect(sources[0]!.skipped).toEqual([])
  })
})

describeWithPip("resolve: 'pip' against a loopback index", () => {
  let index: SimpleIndex
  let dir: string
  let file: string
  let sources: SourceResult[]
  let messages: string[]
  beforeAll(async () => {
    index = await SimpleIndex.start([
      { name: 'Alpha_Pkg', version: '1.0', requiresDist: ['beta>=1'] },
      { name: 'alpha-pkg', version: '2.0', requiresDist: ['beta>=1'] },
      { name: 'beta', version: '1.0' },
      { name: 'beta', version: '2.0' }
    ])
    dir = project('resolve', {
      'requirements.txt': '# the app\nalpha-pkg>=1,<2\n-e ./local\n',
      // Not a buildable project: pip would fail if it were handed this line.
      'local/README': 'not a package\n'
    })
    file = path.join(dir, 'requirements.txt')
    const env = {
      PATH: process.env.PATH,
      HOME: root,
      PIP_CONFIG_FILE: os.devNull,
      PIP_NO_CACHE_DIR: '1'
    }
    const run = collect(dir, { resolve: 'pip', indexUrl: index.url(), env })
    sources = await run
    messages = run.logger.messages
  })
  afterAll(() => index.close())

  test('the transitive set is pinned; the top-level package keeps its line', () => {
    expect(sourcesOf(sources, dir)).toEqual([['requirements.txt', 'requirements']])
    expect(sources[0]!.dependencies.map(d => [d.name, d.version, d.location])).toEqual([
      ['alpha-pkg', '1.0', { file, line: 2 }],
      ['beta', '2.0', { file, line: 0 }]
    ])
    expect(messages).toContain(`info: Resolving ${file} with pip (1 arguments)`)
  })

  test('the editable line stays skipped and is not handed to pip', () => {
    const editable = sources[0]!.skipped.filter(s => s.location.line === 3)
    expect(editable.map(s => s.name)).toEqual(['./local'])
    expect(editable[0]!.reason).toContain("editable requirement (-e './local')")
    const projects = index.requests.map(r => r.path).filter(p => p.startsWith('/simple/'))
    expect([...new Set(projects)].sort()).toEqual(['/simple/alpha-pkg/', '/simple/beta/'])
  })

  test('a requirement pip resolved is no longer skipped as unpinned', () => {
    expect(sources[0]!.skipped.map(s => s.name)).toEqual(['./local'])
  })
})

function findPython(): { version: string; distributions: number; pip: boolean } | undefined {
  const run = (script: string): string | undefined => {
    try {
      return execFileSync('python3', ['-c', script], { encoding: 'utf8', stdio: 'pipe' }).trim()
    } catch {
      return undefined
    }
  }
  const facts = run(
    'import sys, importlib.metadata as m; print("%d.%d" % sys.version_info[:2], len(list(m.distributions())))'
  )
  if (!facts) return undefined
  const [version, count] = facts.split(' ')
  return { version: version!, distributions: Number(count), pip: run('import pip') !== undefined }
}
