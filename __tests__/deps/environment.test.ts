import { execFile, execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { readDistributions, readEnvironment } from '../../src/deps/environment.js'
import { inspectInterpreter, pythonVersionOf } from '../../src/deps/python.js'
import { InputError, ParseError } from '../../src/shared/errors.js'
import type { Logger } from '../../src/shared/log.js'
import { zip } from '../support/simple-index.js'

const python = findPython()
if (!python)
  console.warn('environment: python3 not found; skipping the tests that need an interpreter')
const describeWithPython = python ? describe : describe.skip

let root: string
/**
 * A virtualenv with pip, made by ensurepip: two seconds of installing pip, started at once so
 * that it overlaps the other tests, and awaited by the one that reads it.
 */
let venvWithPip: Promise<string> | undefined
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'pyaudit-environment-'))
  if (python) {
    const venv = path.join(root, 'venv-with-pip')
    venvWithPip = promisify(execFile)(python, ['-m', 'venv', venv]).then(() => venv)
    // Awaited (and its failure reported) by its test; never an unhandled rejection meanwhile.
    venvWithPip.catch(() => undefined)
  }
})
afterAll(async () => {
  await venvWithPip?.catch(() => undefined)
  fs.rmSync(root, { recursive: true, force: true })
})

function write(file: string, content: string | Buffer): string {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, content)
  return file
}

function recordingLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = []
  return { warnings, debug() {}, info() {}, warning: message => void warnings.push(message) }
}

const REQUESTS_METADATA = [
  'Metadata-Version: 2.1',
  'Name: requests',
  'Version: 2.31.0',
  'License: Apache 2.0',
  '        with a second line',
  'Classifier: License :: OSI Approved :: Apache Software License',
  'Classifier: Programming Language :: Python :: 3',
  'Requires-Dist: idna<4,>=2.5',
  '',
  'Requests is an HTTP library.',
  ''
].join('\n')

describe('readDistributions (no interpreter involved)', () => {
  test('a broken METADATA is a ParseError naming the file', async () => {
    const dir = path.join(root, 'broken-utf8')
    const file = write(
      path.join(dir, 'bad-1.0.dist-info', 'METADATA'),
      Buffer.from('Name: b\xff', 'latin1')
    )
    await expect(readDistributions([dir])).rejects.toThrow(
      new ParseError({ file }, 'metadata is not valid UTF-8')
    )
    const noName = path.join(root, 'no-name')
    const other = write(path.join(noName, 'x-1.0.dist-info', 'METADATA'), 'Version: 1.0\n')
    await expect(readDistributions([noName])).rejects.toThrow(
      `${other}: metadata has no 'Name' header`
    )
  })

  test('a dist-info directory without METADATA or PKG-INFO is a ParseError', async () => {
    const dir = path.join(root, 'empty-dist-info')
    fs.mkdirSync(path.join(dir, 'ghost-1.0.dist-info'), { recursive: true })
    await expect(readDistributions([dir])).rejects.toThrow(ParseError)
    await expect(readDistributions([dir])).rejects.toThrow(
      `${path.join(dir, 'ghost-1.0.dist-info', 'METADATA')}: missing`
    )
  })

  test('two versions in one directory are both kept, with a warning; one version twice is one', async () => {
    const dir = path.join(root, 'two-copies')
    write(path.join(dir, 'dup-1.0.dist-info', 'METADATA'), 'Name: dup\nVersion: 1.0\n')
    write(path.join(dir, 'dup-2.0.dist-info', 'METADATA'), 'Name: dup\nVersion: 2.0\n')
    write(path.join(dir, 'same-1.0.dist-info', 'METADATA'), 'Name: same\nVersion: 1.0\n')
    write(path.join(dir, 'same-1.0-py3.11.egg-info'), 'Name: same\nVersion: 1.0\n')
    write(path.join(dir, 'not-metadata.txt'), 'Name: no\nVersion: 1\n')
    const logger = recordingLogger()
    const found = await readDistributions([dir, path.join(root, 'does-not-exist')], logger)
    expect(found.map(d => `${d.name} ${d.version}`).sort()).toEqual([
      'dup 1.0',
      'dup 2.0',
      'same 1.0'
    ])
    expect(logger.warnings).toHaveLength(1)
    expect(logger.warnings[0]).toContain('two installations of dup (1.0')
  })
})

describeWithPython('readEnvironment on a hand-made virtualenv', () => {
  let venv: string
  let sitePackages: string
  let extraDir: string

  beforeAll(() => {
    venv = path.join(root, 'venv')
    execFileSync(python!, ['-m', 'venv', '--without-pip', venv])
    sitePackages = execFileSync(
      path.join(venv, 'bin', 'python'),
      ['-c', "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
      { encoding: 'utf8' }
    ).trim()
    extraDir = path.join(root, 'extra-dir')
    write(path.join(sitePackages, 'requests-2.31.0.dist-info', 'METADATA'), REQUESTS_METADATA)
    write(
      path.join(sitePackages, 'legacy_pkg-0.9-py3.11.egg-info'),
      'Metadata-Version: 1.0\nName: legacy_pkg\nVersion: 0.9\nLicense: UNKNOWN\n'
    )
    write(
      path.join(sitePackages, 'Old.Egg-1.2-py3.11.egg-info', 'PKG-INFO'),
      'Metadata-Version: 1.1\nName: Old.Egg\nVersion: 1.2\n'
    )
    // A second sys.path entry (added by a .pth file) whose requests is shadowed by site-packages.
    write(
      path.join(extraDir, 'requests-1.0.dist-info', 'METADATA'),
      'Name: requests\nVersion: 1.0\n'
    )
    write(
      path.join(extraDir, 'only_extra-4.0.dist-info', 'METADATA'),
      'Name: only_extra\nVersion: 4.0\n'
    )
    const dirEgg = path.join(root, 'diregg-5.0-py3.11.egg')
    write(
      path.join(dirEgg, 'EGG-INFO', 'PKG-INFO'),
      'Metadata-Version: 1.1\nName: diregg\nVersion: 5.0\n'
    )
    const zipEgg = path.join(root, 'zipped-3.0-py3.11.egg')
    write(
      zipEgg,
      zip([
        ['zipped/__init__.py', Buffer.from('')],
        [
          'EGG-INFO/PKG-INFO',
          Buffer.from('Metadata-Version: 1.1\nName: zipped\nVersion: 3.0\nLicense: BSD\n')
        ]
      ])
    )
    write(path.join(sitePackages, 'extra.pth'), [extraDir, dirEgg, zipEgg, ''].join('\n'))
  })

  test('finds every distribution, first sys.path occurrence wins, metadata exact', async () => {
    const source = await readEnvironment(venv)
    expect(source.format).toBe('environment')
    expect(source.file).toBe(venv)
    expect(source.skipped).toEqual([])
    const summary = source.dependencies.map(d => `${d.name} ${d.version}`).sort()
    expect(summary).toEqual([
      'diregg 5.0',
      'legacy-pkg 0.9',
      'old-egg 1.2',
      'only-extra 4.0',
      'requests 2.31.0',
      'zipped 3.0'
    ])
    const requests = source.dependencies.find(d => d.name === 'requests')
    expect(requests).toEqual({
      name: 'requests',
      version: '2.31.0',
      format: 'environment',
      location: { file: path.join(sitePackages, 'requests-2.31.0.dist-info', 'METADATA'), line: 0 },
      metadata: {
        license: 'Apache 2.0\nwith a second line',
        classifiers: [
          'License :: OSI Approved :: Apache Software License',
          'Programming Language :: Python :: 3'
        ]
      }
    })
    const zipped = source.dependencies.find(d => d.name === 'zipped')
    expect(zipped?.location.file).toBe(
      path.join(root, 'zipped-3.0-py3.11.egg', 'EGG-INFO', 'PKG-INFO')
    )
    expect(zipped?.metadata).toEqual({ license: 'BSD', classifiers: [] })
  })

  test('the interpreter path and the virtualenv directory give the same result', async () => {
    const byDir = await readEnvironment(venv)
    const byInterpreter = await readEnvironment(path.join(venv, 'bin', 'python'))
    expect(byInterpreter.dependencies).toEqual(byDir.dependencies)
  })

  test('agrees with importlib.metadata run in the same virtualenv', async () => {
    const source = await readEnvironment(venv)
    const expected = importlibListing(path.join(venv, 'bin', 'python'))
    expect(source.dependencies.map(d => [d.name, d.version]).sort()).toEqual(
      expected.map(e => [e.name, e.version]).sort()
    )
  })
})

describeWithPython('readEnvironment on real environments', () => {
  test("this machine's python3: the same distributions and license fields as importlib.metadata", async () => {
    const source = await readEnvironment(python!)
    const expected = importlibListing(python!)
    expect(source.dependencies.map(d => `${d.name}==${d.version}`).sort()).toEqual(
      expected.map(e => `${e.name}==${e.version}`).sort()
    )
    const byName = new Map(source.dependencies.map(d => [d.name, d]))
    for (const entry of expected) {
      const actual = byName.get(entry.name)!.metadata!
      expect({
        name: entry.name,
        license: actual.license,
        licenseExpression: actual.licenseExpression,
        classifiers: actual.classifiers
      }).toEqual({
        name: entry.name,
        license: entry.license ?? undefined,
        licenseExpression: entry.licenseExpression ?? undefined,
        classifiers: entry.classifiers
      })
    }
  })

  test('a virtualenv with pip installed by ensurepip', async () => {
    const venv = await venvWithPip!
    const source = await readEnvironment(venv)
    const names = source.dependencies.map(d => d.name)
    expect(names).toContain('pip')
    const expected = importlibListing(path.join(venv, 'bin', 'python'))
    expect(source.dependencies.map(d => `${d.name}==${d.version}`).sort()).toEqual(
      expected.map(e => `${e.name}==${e.version}`).sort()
    )
    const pip = source.dependencies.find(d => d.name === 'pip')!
    expect(pip.location.file).toMatch(/site-packages[\\/]pip-[^/\\]+\.dist-info[\\/]METADATA$/)
  }, 120_000)
})

describeWithPython('interpreter errors and version', () => {
  test('a missing interpreter, a directory without one, a non-executable file, a non-Python program', async () => {
    await expect(readEnvironment(path.join(root, 'nope', 'python'))).rejects.toThrow(
      new InputError('python', `${path.join(root, 'nope', 'python')} was not found`)
    )
    await expect(readEnvironment('python-that-does-not-exist-42')).rejects.toThrow(
      "Input 'python': python-that-does-not-exist-42 was not found"
    )
    const emptyDir = fs.mkdtempSync(path.join(root, 'not-a-venv-'))
    await expect(readEnvironment(emptyDir)).rejects.toThrow(
      `${emptyDir} is a directory without bin/python: not a virtual environment`
    )
    const plain = write(path.join(root, 'plain-file'), 'just text')
    await expect(readEnvironment(plain)).rejects.toThrow(
      `Input 'python': ${plain} is not executable`
    )
    const script = write(
      path.join(root, 'not-python.sh'),
      '#!/bin/sh\necho "I am not python" >&2\nexit 3\n'
    )
    fs.chmodSync(script, 0o755)
    const failure = readEnvironment(script)
    await expect(failure).rejects.toBeInstanceOf(InputError)
    await expect(readEnvironment(script)).rejects.toThrow(
      `${script} is not a working Python 3 interpreter: I am not python`
    )
  })

  test('pythonVersionOf and sys.path match what the interpreter itself says', async () => {
    const expected = execFileSync(
      python!,
      ['-c', 'import platform; print(platform.python_version())'],
      { encoding: 'utf8' }
    ).trim()
    expect(await pythonVersionOf(python!)).toBe(expected)
    const info = await inspectInterpreter(python!)
    const sysPath = JSON.parse(
      execFileSync(
        python!,
        ['-E', '-c', 'import sys, json; print(json.dumps([p for p in sys.path if p]))'],
        { encoding: 'utf8', cwd: root }
      )
    ) as string[]
    expect(info.sysPath).toEqual(sysPath)
  })
})

interface ListedDistribution {
  name: string
  version: string
  license: string | null
  licenseExpression: string | null
  classifiers: string[]
}

/**
 * The independent oracle: importlib.metadata in the interpreter itself, first occurrence per
 * normalised name. It runs in an empty directory so sys.path[0] ('') adds nothing.
 */
function importlibListing(interpreter: string): ListedDistribution[] {
  const script = `
import importlib.metadata as m, json, re
seen, out = set(), []
for d in m.distributions():
    md = d.metadata
    key = re.sub(r'[-_.]+', '-', md['Name']).lower()
    if key in seen:
        continue
    seen.add(key)
    out.append({'name': key, 'version': md['Version'].strip(), 'license': md.get('License'),
                'licenseExpression': md.get('License-Expression'), 'classifiers': md.get_all('Classifier') or []})
print(json.dumps(out))
`
  const cwd = fs.mkdtempSync(path.join(root, 'oracle-cwd-'))
  return JSON.parse(
    execFileSync(interpreter, ['-E', '-c', script], { encoding: 'utf8', cwd })
  ) as ListedDistribution[]
}

function findPython(): string | undefined {
  try {
    return execFileSync('python3', ['-c', 'import sys; print(sys.executable)'], {
      encoding: 'utf8'
    }).trim()
  } catch {
    return undefined
  }
}
