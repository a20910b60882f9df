/**
 * License metadata for lockfile-only projects, from PyPI's JSON API, against a loopback
 * server that answers with realistic release JSON.
 */
import { afterEach, describe, expect, test } from '@jest/globals'
import type { Dependency, PackageMetadata } from '../../src/deps/types.js'
import { FeedError, InputError } from '../../src/shared/errors.js'
import { checkLicenses } from '../../src/licenses/check.js'
import { parseLicensePolicy } from '../../src/config/config.js'
import { gatherLicenseMetadata, type GatherLicenseOptions } from '../../src/licenses/sources.js'
import { PypiLicenseServer, type LicensedRelease } from '../support/pypi-license-server.js'

const BSD_TEXT = [
  'Copyright (c) 2008, Example Authors',
  'All rights reserved.',
  '',
  'Redistribution and use in source and binary forms, with or without modification,',
  'are permitted provided that the following conditions are met:',
  '',
  '* Neither the name of the copyright holder nor the names of its contributors may be used',
  '  to endorse or promote products derived from this software without specific prior',
  '  written permission.'
].join('\n')

const RELEASES: LicensedRelease[] = [
  { project: 'attrs', version: '25.3.0', licenseExpression: 'MIT', license: null },
  {
    project: 'requests',
    version: '2.32.3',
    license: 'Apache-2.0',
    classifiers: [
      'License :: OSI Approved :: Apache Software License',
      'Programming Language :: Python :: 3'
    ]
  },
  {
    project: 'PyYAML',
    version: '6.0.2',
    license: 'MIT',
    classifiers: ['License :: OSI Approved :: MIT License']
  },
  { project: 'Pygments', version: '2.18.0', license: BSD_TEXT, classifiers: [] },
  { project: 'mystery', version: '0.1', license: '', classifiers: [] }
]

function lockfileDependency(name: string, version: string): Dependency {
  return { name, version, location: { file: '/project/uv.lock', line: 0 }, format: 'uv.lock' }
}

const LOCKED = [
  lockfileDependency('attrs', '25.3.0'),
  lockfileDependency('requests', '2.32.3'),
  lockfileDependency('pyyaml', '6.0.2'),
  lockfileDependency('pygments', '2.18.0'),
  lockfileDependency('mystery', '0.1')
]

const FAST_RETRY = { attempts: 3, baseDelayMs: 1, maxDelayMs: 5 }
let server: PypiLicenseServer | undefined

afterEach(async () => {
  await server?.close()
  server = undefined
})

async function serve(latencyMs = 0): Promise<string> {
  server = new PypiLicenseServer(RELEASES, latencyMs)
  return server.start()
}

function options(pypiUrl: string, extra: Partial<GatherLicenseOptions> = {}): GatherLicenseOptions {
  return { mode: 'auto', pypiUrl, offline: false, retry: FAST_RETRY, ...extra }
}

describe('gatherLicenseMetadata from PyPI', () => {
  test('lockfile dependencies get their license from the release JSON, with the usual selection', async () => {
    const url = await serve()
    const gathered = await gatherLicenseMetadata(LOCKED, options(url))
    expect(gathered.notes).toEqual([])
    expect(server!.paths.sort()).toEqual([
      '/pypi/attrs/25.3.0/json',
      '/pypi/mystery/0.1/json',
      '/pypi/pygments/2.18.0/json',
      '/pypi/pyyaml/6.0.2/json',
      '/pypi/requests/2.32.3/json'
    ])
    const policy = parseLicensePolicy(
      name => ({ 'license-allow-only': 'MIT; BSD-3-Clause' })[name] ?? ''
    )
    const entries = checkLicenses(gathered.subjects, policy, { from: 'mixed' })
    expect(entries.map(e => [e.name, e.license, e.spdx, e.source, e.origin, e.violation])).toEqual([
      ['attrs', 'MIT', 'MIT', 'expression', 'pypi', false],
      ['mystery', 'UNKNOWN', null, 'unknown', 'pypi', true],
      [
        'pygments',
        'Copyright (c) 2008, Example Authors … (license text, 9 lines)',
        'BSD-3-Clause',
        'meta',
        'pypi',
        false
      ],
      ['pyyaml', 'MIT License', 'MIT', 'classifier', 'pypi', false],
      ['requests', 'Apache Software License', 'Apache-2.0', 'classifier', 'pypi', true]
    ])
  })

  test('dependencies with installed metadata are not fetched; one request per release', async () => {
    const url = await serve()
    const installed: PackageMetadata = { licenseExpression: 'BSD-2-Clause', classifiers: [] }
    const deps = [
      { ...lockfileDependency('attrs', '25.3.0'), metadata: installed },
      lockfileDependency('requests', '2.32.3'),
      {
        ...lockfileDependency('requests', '2.32.3'),
        location: { file: '/project/requirements.txt', line: 4 }
      }
    ]
    const gathered = await gatherLicenseMetadata(deps, options(url))
    expect(server!.paths).toEqual(['/pypi/requests/2.32.3/json'])
    expect(gathered.subjects.map(s => [s.name, s.origin])).toEqual([
      ['attrs', 'metadata'],
      ['requests', 'pypi'],
      ['requests', 'pypi']
    ])
  })

  test('license-source pypi fetches even what is installed; at most `concurrency` requests at once', async () => {
    const url = await serve(30)
    const deps = LOCKED.map(dep => ({ ...dep, metadata: { classifiers: [] } }))
    const gathered = await gatherLicenseMetadata(
      deps,
      options(url, { mode: 'pypi', concurrency: 2 })
    )
    expect(server!.paths).toHaveLength(5)
    expect(server!.maxInFlight).toBe(2)
    expect(gathered.subjects.every(s => s.origin === 'pypi')).toBe(true)
  })

  test('a release PyPI does not have is UNKNOWN, and said so', async () => {
    const url = await serve()
    const gathered = await gatherLicenseMetadata(
      [lockfileDependency('private-pkg', '1.0'), lockfileDependency('attrs', '25.3.0')],
      options(url)
    )
    expect(gathered.subjects.map(s => [s.name, s.origin])).toEqual([
      ['private-pkg', 'none'],
      ['attrs', 'pypi']
    ])
    expect(gathered.notes).toEqual(['not on PyPI, license UNKNOWN: private-pkg 1.0'])
  })

  test('a PyPI that keeps failing fails closed, naming PyPI; a passing failure is retried', async () => {
    const url = await serve()
    server!.failNext(1, { kind: 'status', status: 503 })
    const recovered = await gatherLicenseMetadata(
      [lockfileDependency('attrs', '25.3.0')],
      options(url)
    )
    expect(recovered.subjects[0]!.origin).toBe('pypi')

    server!.failNext(3, { kind: 'status', status: 503 })
    const failing = gatherLicenseMetadata([lockfileDependency('attrs', '25.3.0')], options(url))
    await expect(failing).rejects.toThrow(FeedError)
    server!.failNext(3, { kind: 'status', status: 503 })
    await expect(
      gatherLicenseMetadata([lockfileDependency('attrs', '25.3.0')], options(url))
    ).rejects.toThrow(
      `Advisory feed PyPI JSON API (${url}) failed: GET /pypi/attrs/25.3.0/json: HTTP 503, after 3 attempts`
    )
  })

  test('an answer without the expected fields fails closed', async () => {
    const url = await serve()
    server!.failNext(1, { kind: 'body', body: '{"info": {"classifiers": "MIT"}}' })
    await expect(
      gatherLicenseMetadata([lockfileDependency('attrs', '25.3.0')], options(url))
    ).rejects.toThrow(
      /PyPI JSON API .*: attrs 25\.3\.0: info\.classifiers is not a list of strings/
    )
  })
})

describe('license-source without PyPI', () => {
  test('offline mode (advisory-db) asks nothing and says so', async () => {
    const url = await serve()
    const gathered = await gatherLicenseMetadata(LOCKED, options(url, { offline: true }))
    expect(server!.paths).toEqual([])
    expect(gathered.subjects.every(s => s.origin === 'none')).toBe(true)
    expect(gathered.notes).toEqual([
      '5 dependencies have no license metadata and PyPI is not asked in offline mode (advisory-db is set): their license is UNKNOWN'
    ])
  })

  test('environment never fetches; none checks nothing; pypi cannot run offline', async () => {
    const url = await serve()
    const environment = await gatherLicenseMetadata(
      LOCKED.slice(0, 1),
      options(url, { mode: 'environment' })
    )
    expect(environment.notes).toEqual([
      '1 dependency has no license metadata and license-source is environment: its license is UNKNOWN'
    ])
    expect(await gatherLicenseMetadata(LOCKED, options(url, { mode: 'none' }))).toEqual({
      checked: false,
      subjects: [],
      notes: []
    })
    await expect(
      gatherLicenseMetadata(LOCKED, options(url, { mode: 'pypi', offline: true }))
    ).rejects.toThrow(InputError)
    expect(server!.paths).toEqual([])
  })
})
