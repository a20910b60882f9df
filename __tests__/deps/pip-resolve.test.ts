/**
 * The real pip (the machine's python3) resolving against a loopback PEP 503 / PEP 691 index.
 * pip's own configuration files are switched off (PIP_CONFIG_FILE=/dev/null) and caching is
 * disabled, so runs are repeatable and never reach another index.
 */
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import {
  maskCredentials,
  parseInstallationReport,
  pipInstallArguments,
  resolvedToSource,
  resolveWithPip,
  type PipResolution,
  type PipResolveRequest
} from '../../src/deps/pip-resolve.js'
import { InputError, ParseError, PyauditError } from '../../src/shared/errors.js'
import { buildWheel, SimpleIndex, type WheelSpec } from '../support/simple-index.js'

const PACKAGES: WheelSpec[] = [
  {
    name: 'Alpha_Pkg',
    version: '1.0',
    license: 'MIT License\nCopyright (c) the authors',
    classifiers: ['License :: OSI Approved :: MIT License', 'Programming Language :: Python :: 3'],
    providesExtra: ['fast'],
    requiresDist: ['beta>=1', 'legacy; python_version < "3.0"', 'gamma; extra == "fast"']
  },
  { name: 'beta', version: '1.0' },
  { name: 'beta', version: '1.5', licenseExpression: 'Apache-2.0' },
  { name: 'beta', version: '2.0' },
  { name: 'gamma', version: '0.1' },
  { name: 'legacy', version: '1.0' }
]
const CREDENTIALS = { username: 'ci-user', password: 's3cr3t-token' }

const python = findPipPython()
if (!python)
  console.warn('pip-resolve: python3 with pip not found; skipping the tests that run pip')
const describeWithPip = python ? describe : describe.skip

let root: string
let index: SimpleIndex
let htmlIndex: SimpleIndex
let privateIndex: SimpleIndex

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'pyaudit-pip-resolve-'))
  index = await SimpleIndex.start(PACKAGES)
  htmlIndex = await SimpleIndex.start(PACKAGES, { htmlOnly: true })
  privateIndex = await SimpleIndex.start(PACKAGES, { auth: CREDENTIALS })
})
afterAll(async () => {
  await Promise.all([index.close(), htmlIndex.close(), privateIndex.close()])
  fs.rmSync(root, { recursive: true, force: true })
})

/** An environment without the machine's pip configuration: only what the test sets. */
function pipEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: root,
    PIP_CONFIG_FILE: os.devNull,
    PIP_NO_CACHE_DIR: '1',
    ...extra
  }
}

function request(overrides: Partial<PipResolveRequest>): PipResolveRequest {
  return {
    python: python!,
    requirements: [],
    indexUrl: index.url(),
    env: pipEnv(),
    cwd: root,
    ...overrides
  }
}

function summary(resolution: PipResolution): string[] {
  return resolution.dependencies
    .map(d => `${d.name}==${d.version}${d.requested ? ' (requested)' : ''}`)
    .sort()
}

describeWithPip('resolveWithPip against a loopback index', () => {
  test('transitive dependencies, a marker that excludes, an extra that includes, a version range', async () => {
    const resolution = await resolveWithPip(
      request({ requirements: ['alpha-pkg[fast]', 'beta>=1,<2'] })
    )
    expect(summary(resolution)).toEqual([
      'alpha-pkg==1.0 (requested)',
      'beta==1.5 (requested)',
      'gamma==0.1'
    ])
    const alpha = resolution.dependencies.find(d => d.name === 'alpha-pkg')!
    expect(alpha).toEqual({
      name: 'alpha-pkg',
      version: '1.0',
      metadata: {
        license: 'MIT License\nCopyright (c) the authors',
        classifiers: [
          'License :: OSI Approved :: MIT License',
          'Programming Language :: Python :: 3'
        ]
      },
      requiresDist: ['beta>=1', 'legacy; python_version < "3.0"', 'gamma; extra == "fast"'],
      requested: true,
      requestedExtras: ['fast']
    })
    expect(resolution.environment.python_version).toMatch(/^3\.\d+$/)
    expect(index.requests.some(r => r.path === '/simple/legacy/')).toBe(false)
  })

  test('without the extra: no gamma, and the newest beta', async () => {
    const resolution = await resolveWithPip(request({ requirements: ['alpha-pkg'] }))
    expect(summary(resolution)).toEqual(['alpha-pkg==1.0 (requested)', 'beta==2.0'])
  })

  test('a requirements file (relative to cwd) against an HTML-only index', async () => {
    const project = fs.mkdtempSync(path.join(root, 'project-'))
    fs.writeFileSync(path.join(project, 'requirements.txt'), '# pinned\nbeta==1.0\nalpha-pkg\n')
    const resolution = await resolveWithPip(
      request({ requirements: ['-r', 'requirements.txt'], cwd: project, indexUrl: htmlIndex.url() })
    )
    expect(summary(resolution)).toEqual(['alpha-pkg==1.0 (requested)', 'beta==1.0 (requested)'])
    expect(htmlIndex.requests.length).toBeGreaterThan(0)
  })

  test('PIP_* variables configure pip: the index comes from PIP_INDEX_URL', async () => {
    const resolution = await resolveWithPip(
      request({
        indexUrl: undefined,
        requirements: ['gamma'],
        env: pipEnv({ PIP_INDEX_URL: htmlIndex.url() })
      })
    )
    expect(summary(resolution)).toEqual(['gamma==0.1 (requested)'])
  })

  test('an unsatisfiable requirement fails with pip’s own error lines and no credentials', async () => {
    const failure = await resolveWithPip(
      request({ requirements: ['beta>=9'], indexUrl: privateIndex.url(CREDENTIALS) })
    ).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(PyauditError)
    const message = (failure as Error).message
    expect(message).toContain('pip could not resolve the requirements (exit code 1)')
    expect(message).toContain(
      'ERROR: Could not find a version that satisfies the requirement beta>=9 (from versions: 1.0, 1.5, 2.0)'
    )
    expect(message).not.toContain(CREDENTIALS.password)
    // The credentials did reach the private index (pip sent them): the failure is the version.
    expect(privateIndex.requests.some(r => r.path === '/simple/beta/')).toBe(true)
  })

  test('packages from a URL or a local file are flagged as direct, credentials masked', async () => {
    const gamma = buildWheel({ name: 'gamma', version: '0.1' })
    const local = path.join(root, gamma.filename)
    fs.writeFileSync(local, gamma.bytes)
    const url = `http://${CREDENTIALS.username}:${CREDENTIALS.password}@127.0.0.1:${index.port}/files/beta-1.5-py3-none-any.whl`
    const resolution = await resolveWithPip(request({ requirements: [`beta @ ${url}`, local] }))
    const beta = resolution.dependencies.find(d => d.name === 'beta')!
    // pip itself drops the credentials from download_info (PEP 610); maskCredentials is the backstop.
    expect(beta.direct).toEqual({
      kind: 'archive',
      url: `http://127.0.0.1:${index.port}/files/beta-1.5-py3-none-any.whl`,
      editable: false
    })
    expect(resolution.dependencies.find(d => d.name === 'gamma')!.direct).toMatchObject({
      kind: 'archive',
      url: expect.stringMatching(/^file:\/\/.*gamma-0\.1-py3-none-any\.whl$/)
    })
    const source = resolvedToSource(resolution, { file: path.join(root, 'requirements.txt') })
    expect(source.dependencies).toEqual([])
    expect(source.skipped.map(s => s.name).sort()).toEqual(['beta', 'gamma'])
    expect(JSON.stringify(source)).not.toContain(CREDENTIALS.password)
  })

  test('a pip.py in the working directory is not imported in place of pip', async () => {
    const project = fs.mkdtempSync(path.join(root, 'hostile-'))
    const marker = path.join(project, 'hijacked')
    fs.writeFileSync(
      path.join(project, 'pip.py'),
      `open(${JSON.stringify(marker)}, 'w').write('x')\n`
    )
    const resolution = await resolveWithPip(request({ requirements: ['gamma'], cwd: project }))
    expect(summary(resolution)).toEqual(['gamma==0.1 (requested)'])
    expect(fs.existsSync(marker)).toBe(false)
  })

  test('an interpreter without pip, a missing interpreter, a timeout', async () => {
    const venv = path.join(root, 'no-pip-venv')
    execFileSync(python!, ['-m', 'venv', '--without-pip', venv])
    await expect(
      resolveWithPip(request({ python: venv, requirements: ['gamma'] }))
    ).rejects.toThrow(
      /^Input 'python': pip is not installed for this interpreter:\n.*No module named pip/
    )
    await expect(
      resolveWithPip(
        request({ python: path.join(root, 'missing', 'python'), requirements: ['gamma'] })
      )
    ).rejects.toBeInstanceOf(InputError)
    await expect(
      resolveWithPip(request({ requirements: ['gamma'], timeoutMs: 50 }))
    ).rejects.toThrow('pip install --dry-run did not finish within 0.05 s and was stopped')
  })
})

describe('resolvedToSource', () => {
  const resolution: PipResolution = {
    pipVersion: '24.0',
    environment: {},
    dependencies: [
      {
        name: 'flask',
        version: '3.0.0',
        metadata: { classifiers: [] },
        requiresDist: ['werkzeug>=3'],
        requested: true,
        requestedExtras: []
      },
      {
        name: 'werkzeug',
        version: '3.0.1',
        metadata: { license: 'BSD', classifiers: [] },
        requiresDist: [],
        requested: false,
        requestedExtras: []
      }
    ]
  }

  test('requested packages go where locate() finds them, transitive ones to the file at line 0', () => {
    const file = '/repo/requirements.txt'
    const source = resolvedToSource(resolution, {
      file,
      locate: name => (name === 'flask' ? { file, line: 3 } : { file, line: 99 })
    })
    expect(source).toEqual({
      file,
      format: 'pip-report',
      skipped: [],
      dependencies: [
        {
          name: 'flask',
          version: '3.0.0',
          location: { file, line: 3 },
          format: 'pip-report',
          metadata: { classifiers: [] }
        },
        {
          name: 'werkzeug',
          version: '3.0.1',
          location: { file, line: 0 },
          format: 'pip-report',
          metadata: { license: 'BSD', classifiers: [] }
        }
      ]
    })
  })
})

describe('parseInstallationReport', () => {
  test('VCS and editable directory downloads are direct; index downloads are not', () => {
    const report = {
      version: '1',
      pip_version: '24.0',
      install: [
        {
          download_info: {
            url: 'https://files.example/idna-3.6-py3-none-any.whl',
            archive_info: { hash: 'sha256=00' }
          },
          is_direct: false,
          requested: false,
          metadata: { name: 'idna', version: '3.6', license_expression: 'BSD-3-Clause' }
        },
        {
          download_info: {
            url: 'git+https://tok@github.example/org/lib',
            vcs_info: { vcs: 'git', commit_id: 'abc' }
          },
          is_direct: true,
          requested: true,
          metadata: { name: 'Lib', version: '0.1.dev0' }
        },
        {
          download_info: { url: 'file:///work/app', dir_info: { editable: true } },
          is_direct: true,
          requested: true,
          requested_extras: ['dev'],
          metadata: {
            name: 'app',
            version: '1.0',
            classifier: ['License :: Other/Proprietary License']
          }
        }
      ],
      environment: { python_version: '3.12' }
    }
    const parsed = parseInstallationReport(JSON.stringify(report))
    expect(parsed.pipVersion).toBe('24.0')
    expect(parsed.environment).toEqual({ python_version: '3.12' })
    expect(parsed.dependencies.map(d => [d.name, d.direct])).toEqual([
      ['idna', undefined],
      ['lib', { kind: 'vcs', url: 'git+https://***@github.example/org/lib', editable: false }],
      ['app', { kind: 'directory', url: 'file:///work/app', editable: true }]
    ])
    expect(parsed.dependencies[0]!.metadata).toEqual({
      licenseExpression: 'BSD-3-Clause',
      classifiers: []
    })
    expect(parsed.dependencies[2]!.requestedExtras).toEqual(['dev'])
  })

  test('an unknown report version or broken JSON is a ParseError', () => {
    expect(() => parseInstallationReport('{"version": "0", "install": []}')).toThrow(ParseError)
    expect(() => parseInstallationReport('{"version": "2", "install": []}')).toThrow(
      'format version "2" is not supported'
    )
    expect(() => parseInstallationReport('{"version": "1"')).toThrow(
      /pip installation report: not JSON/
    )
    expect(() =>
      parseInstallationReport('{"version": "1", "install": [{"metadata": {"name": "x"}}]}')
    ).toThrow('install[0] metadata lacks a name or version')
  })
})

describe('pipInstallArguments and maskCredentials', () => {
  const base: PipResolveRequest = { python: 'python3', requirements: [], cwd: '/' }

  test('requirement strings come after --, files as -r/-c options, options in requirements refused', () => {
    const args = pipInstallArguments(
      {
        ...base,
        requirements: ['-r', 'req.txt', 'flask>=2', '-c', 'constraints.txt'],
        extraIndexUrls: ['https://extra/simple'],
        onlyBinary: true
      },
      '/tmp/r.json'
    )
    expect(args).toEqual([
      '-I',
      '-m',
      'pip',
      'install',
      '--dry-run',
      '--ignore-installed',
      '--quiet',
      '--report',
      '/tmp/r.json',
      '--disable-pip-version-check',
      '--no-input',
      '--extra-index-url',
      'https://extra/simple',
      '--only-binary',
      ':all:',
      '-r',
      'req.txt',
      '-c',
      'constraints.txt',
      '--',
      'flask>=2'
    ])
    expect(() =>
      pipInstallArguments({ ...base, requirements: ['--index-url=https://evil/'] }, 'r')
    ).toThrow(InputError)
    expect(() => pipInstallArguments({ ...base, requirements: ['-r'] }, 'r')).toThrow(
      '-r must be followed by a file path'
    )
    expect(() => pipInstallArguments({ ...base, requirements: ['-c', 'c.txt'] }, 'r')).toThrow(
      'nothing to resolve'
    )
  })

  test('masks passwords and lone tokens in URLs, leaves other text alone', () => {
    expect(maskCredentials('Looking in indexes: https://user:pa55@pypi.example/simple/')).toBe(
      'Looking in indexes: https://user:***@pypi.example/simple/'
    )
    expect(
      maskCredentials('git+https://ghp_abc123@github.com/o/r.git and http://host:8080/x@y')
    ).toBe('git+https://***@github.com/o/r.git and http://host:8080/x@y')
    expect(maskCredentials('https://u:p@ss@host/')).toBe('https://u:***@host/')
    expect(maskCredentials('email me at someone@example.com')).toBe(
      'email me at someone@example.com'
    )
  })
})

function findPipPython(): string | undefined {
  try {
    execFileSync('python3', ['-m', 'pip', '--version'], { stdio: 'ignore' })
    return execFileSync('python3', ['-c', 'import sys; print(sys.executable)'], {
      encoding: 'utf8'
    }).trim()
  } catch {
    return undefined
  }
}
