import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals'
import { InputError } from '../../../src/shared/errors.js'
import type { Logger } from '../../../src/shared/log.js'
import {
  defaultProjectCoordinates,
  DependencyTrackError,
  parseDependencyTrackParent,
  uploadToDependencyTrack,
  type DependencyTrackOptions
} from '../../../src/integrations/dependency-track/client.js'
import { ALL_PERMISSIONS, DependencyTrackServer } from '../../support/dependency-track-server.js'

const KEY = 'odt_7QmZ1pXcVb2NwL9sKfRtYh4GjDe6AaUu'
const UPLOAD_ONLY_KEY = 'odt_uploadOnlyKey0000000000000000000'
const NO_UPLOAD_KEY = 'odt_viewOnlyKey00000000000000000000000'
const BLIND_KEY = 'odt_cannotSeeFindings00000000000000000'

/** A CycloneDX 1.5 SBOM; jinja2 2.4.1 is affected by CVE-2019-10906 (fixed in 2.10.1). */
function sbom(components: { name: string; version: string }[]): string {
  return JSON.stringify({
    bomFormat: 'CycloneDX',
    specVersion: '1.5',
    serialNumber: 'urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79',
    version: 1,
    metadata: { tools: { components: [{ type: 'application', name: 'pyaudit' }] } },
    components: components.map(c => ({
      type: 'library',
      'bom-ref': `pkg:pypi/${c.name}@${c.version}`,
      name: c.name,
      version: c.version,
      purl: `pkg:pypi/${c.name}@${c.version}`
    }))
  })
}

const SBOM = sbom([
  { name: 'jinja2', version: '2.4.1' },
  { name: 'requests', version: '2.32.3' }
])

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = []
  return {
    lines,
    debug: m => void lines.push(`debug ${m}`),
    info: m => void lines.push(`info ${m}`),
    warning: m => void lines.push(`warning ${m}`)
  }
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise
  } catch (error) {
    return error as Error
  }
  throw new Error('expected a failure')
}

describe('uploadToDependencyTrack against a fake Dependency-Track', () => {
  let server: DependencyTrackServer
  let url: string
  let logger: ReturnType<typeof recordingLogger>
  const options = (overrides: Partial<DependencyTrackOptions> = {}): DependencyTrackOptions => ({
    url,
    apiKey: KEY,
    ...defaultProjectCoordinates({ GITHUB_REPOSITORY: 'octo/app', GITHUB_REF_NAME: 'main' }),
    pollIntervalMs: 5,
    retryDelayMs: 1,
    logger,
    ...overrides
  })

  beforeAll(async () => {
    server = new DependencyTrackServer()
    url = await server.start()
  })
  afterAll(async () => server.close())
  beforeEach(() => {
    server.addKey(KEY, ...ALL_PERMISSIONS)
    server.addKey(UPLOAD_ONLY_KEY, 'BOM_UPLOAD')
    server.addKey(NO_UPLOAD_KEY, 'VIEW_PORTFOLIO')
    server.addKey(BLIND_KEY, 'BOM_UPLOAD', 'PROJECT_CREATION_UPLOAD', 'VIEW_PORTFOLIO')
    server.projects.length = 0
    server.uploads.length = 0
    server.requests.length = 0
    server.advisories.length = 0
    server.policies.length = 0
    server.pollsUntilDone = 2
    server.legacyTokenEndpoint = false
    server.broken = undefined
    logger = recordingLogger()
  })

  test('uploads the SBOM as a multipart file and auto-creates the project', async () => {
    const result = await uploadToDependencyTrack(SBOM, options())

    expect(result.token).toMatch(/^[0-9a-f-]{36}$/)
    expect(result.findings).toBeUndefined()
    expect(server.requests).toEqual(['POST /api/v1/bom'])
    const [upload] = server.uploads
    expect(upload!.contentType).toMatch(/^multipart\/form-data; boundary=/)
    const fields = Object.fromEntries(
      upload!.parts.filter(p => p.name !== 'bom').map(p => [p.name, p.data.toString()])
    )
    expect(fields).toEqual({ projectName: 'octo/app', projectVersion: 'main', autoCreate: 'true' })
    const bom = upload!.parts.find(p => p.name === 'bom')!
    expect(bom).toMatchObject({ filename: 'bom.json', contentType: 'application/json' })
    expect(bom.data.toString('utf8')).toBe(SBOM)
    expect(server.projects).toMatchObject([{ name: 'octo/app', version: 'main' }])
    expect(logger.lines).toContain(
      `info Uploaded the SBOM to Dependency-Track project "octo/app" version "main" (token ${result.token})`
    )
  })

  test('targets an existing project by UUID, and tolerates a pasted /api/ suffix', async () => {
    const project = server.addProject('legacy-name', '1.0')
    const result = await uploadToDependencyTrack(
      SBOM,
      options({ url: `${url}/api/`, projectUuid: project.uuid, projectName: undefined })
    )
    expect(result.projectUuid).toBe(project.uuid)
    expect(server.uploads[0]!.parts.map(p => p.name)).toEqual(['project', 'bom'])
    expect(server.uploads[0]!.project).toBe(project)
    expect(server.projects).toHaveLength(1)
  })

  test('places an auto-created project under a parent given by UUID or by name', async () => {
    const parent = server.addProject('platform')
    await uploadToDependencyTrack(
      SBOM,
      options({ ...parseDependencyTrackParent(parent.uuid.toUpperCase()) })
    )
    await uploadToDependencyTrack(
      SBOM,
      options({ projectVersion: 'dev', ...parseDependencyTrackParent('platform') })
    )
    const children = server.projects.filter(p => p.name === 'octo/app')
    expect(children.map(p => p.parentUuid)).toEqual([parent.uuid, parent.uuid])
    expect(server.uploads[0]!.parts.find(p => p.name === 'parentUUID')!.data.toString()).toBe(
      parent.uuid
    )
  })

  test('with wait, polls the token until processing ends, then reads findings and violations', async () => {
    server.pollsUntilDone = 3
    server.advisories.push({
      purl: 'pkg:pypi/jinja2@2.4.1',
      vulnId: 'CVE-2019-10906',
      source: 'NVD',
      severity: 'HIGH',
      aliases: [{ cveId: 'CVE-2019-10906', ghsaId: 'GHSA-462w-v97r-4m45' }]
    })
    server.policies.push({
      name: 'No pre-release pins',
      violationState: 'WARN',
      purlContains: '@0.'
    })
    // 150 components that violate the policy: more than one page of violations.
    const many = Array.from({ length: 150 }, (_, i) => ({ name: `pkg-${i}`, version: `0.${i}` }))
    const document = sbom([{ name: 'jinja2', version: '2.4.1' }, ...many])

    const result = await uploadToDependencyTrack(document, options({ wait: true }))

    const project = server.projects.find(p => p.name === 'octo/app')!
    expect(result.projectUuid).toBe(project.uuid)
    expect(result.findings).toEqual([
      {
        component: { name: 'jinja2', version: '2.4.1', purl: 'pkg:pypi/jinja2@2.4.1' },
        vulnerability: {
          id: 'CVE-2019-10906',
          source: 'NVD',
          severity: 'HIGH',
          aliases: ['GHSA-462w-v97r-4m45']
        }
      }
    ])
    expect(result.policyViolations).toHaveLength(150)
    expect(result.policyViolations![149]).toEqual({
      type: 'OPERATIONAL',
      policy: 'No pre-release pins',
      state: 'WARN',
      condition: 'PACKAGE_URL MATCHES @0.',
      component: { name: 'pkg-149', version: '0.149', purl: 'pkg:pypi/pkg-149@0.149' }
    })
    const polls = server.requests.filter(r => r.startsWith('GET /api/v1/event/token/'))
    expect(polls).toHaveLength(4)
    expect(server.requests).toContain(`GET /api/v1/project/lookup?name=octo%2Fapp&version=main`)
    expect(
      server.requests.filter(r => r.startsWith(`GET /api/v1/violation/project/${project.uuid}`))
    ).toEqual([
      `GET /api/v1/violation/project/${project.uuid}?pageNumber=1&pageSize=100`,
      `GET /api/v1/violation/project/${project.uuid}?pageNumber=2&pageSize=100`
    ])
  })

  test('falls back to /bom/token on servers older than 4.11', async () => {
    server.legacyTokenEndpoint = true
    const result = await uploadToDependencyTrack(SBOM, options({ wait: true }))
    expect(result.findings).toEqual([])
    expect(server.requests.filter(r => r.includes('/bom/token/'))).toHaveLength(3)
  })

  test('gives up waiting at the timeout with an error that says the upload succeeded', async () => {
    server.pollsUntilDone = Number.MAX_SAFE_INTEGER
    const started = Date.now()
    const error = await failure(
      uploadToDependencyTrack(SBOM, options({ wait: true, waitTimeoutMs: 150, pollIntervalMs: 20 }))
    )
    expect(Date.now() - started).toBeLessThan(2_000)
    expect(error).toBeInstanceOf(DependencyTrackError)
    expect(error.message).toMatch(
      /still processing the SBOM after 150 ms \(\d+ checks, token [0-9a-f-]{36}\)\. The upload itself succeeded\. Raise dependency-track-wait-timeout/
    )
  })

  test('an unknown API key is a 401 that says to check the key', async () => {
    const wrong = 'odt_thisKeyDoesNotExist0000000000000'
    const error = await failure(uploadToDependencyTrack(SBOM, options({ apiKey: wrong })))
    expect(error).toBeInstanceOf(InputError)
    expect(error.message).toBe(
      `Input 'dependency-track-api-key': Dependency-Track at ${url} rejected the API key (HTTP 401 Unauthorized) ` +
        'when asked to upload the SBOM: check that the secret holds a current, complete API key of a Dependency-Track team.'
    )
  })

  test('a key without BOM_UPLOAD is a 403 that names the permission', async () => {
    const error = await failure(uploadToDependencyTrack(SBOM, options({ apiKey: NO_UPLOAD_KEY })))
    expect(error).toBeInstanceOf(InputError)
    expect(error.message).toMatch(/refused to upload the SBOM \(HTTP 403 Forbidden\)/)
    expect(error.message).toMatch(/needs the BOM_UPLOAD permission \(and PROJECT_CREATION_UPLOAD/)
  })

  test('auto-create without PROJECT_CREATION_UPLOAD says to grant it or create the project', async () => {
    const error = await failure(uploadToDependencyTrack(SBOM, options({ apiKey: UPLOAD_ONLY_KEY })))
    expect(error.message).toMatch(
      /will not create project "octo\/app" version "main": the API key's team lacks the PROJECT_CREATION_UPLOAD/
    )
    expect(server.projects).toEqual([])
  })

  test('an unknown project with auto-create off is a 404 naming the inputs to change', async () => {
    const error = await failure(uploadToDependencyTrack(SBOM, options({ autoCreate: false })))
    expect(error).toBeInstanceOf(InputError)
    expect((error as InputError).input).toBe('dependency-track-project')
    expect(error.message).toMatch(
      /has no project "octo\/app" version "main" and dependency-track-auto-create is off/
    )
    expect(server.requests).toEqual(['POST /api/v1/bom'])
  })

  test('an unknown parent is a 404 naming dependency-track-parent', async () => {
    const error = await failure(
      uploadToDependencyTrack(SBOM, options({ parentName: 'no-such-parent' }))
    )
    expect((error as InputError).input).toBe('dependency-track-parent')
    expect(error.message).toMatch(/has no parent project no-such-parent/)
  })

  test('waiting with a key that cannot read findings names VIEW_VULNERABILITY', async () => {
    const error = await failure(
      uploadToDependencyTrack(SBOM, options({ apiKey: BLIND_KEY, wait: true }))
    )
    expect(error.message).toMatch(/refused to read the findings \(HTTP 403 Forbidden\)/)
    expect(error.message).toMatch(
      /VIEW_VULNERABILITY permission \(needed because dependency-track-wait is on\)/
    )
  })

  test('an SBOM the server finds invalid is a 400 that carries its reason', async () => {
    const error = await failure(uploadToDependencyTrack('{"bomFormat": "CycloneDX",', options()))
    expect(error).toBeInstanceOf(DependencyTrackError)
    expect(error.message).toBe(
      `Dependency-Track at ${url} rejected the SBOM as invalid ` +
        '(HTTP 400: The uploaded BOM is invalid: Schema validation failed: not a JSON document).'
    )
  })

  test('retries a briefly unavailable server', async () => {
    server.unavailable = 2
    const result = await uploadToDependencyTrack(SBOM, options())
    expect(result.token).toBeTruthy()
    expect(server.requests).toEqual(['POST /api/v1/bom', 'POST /api/v1/bom', 'POST /api/v1/bom'])
  })

  test('uploads a large SBOM (several MB) intact', async () => {
    const components = Array.from({ length: 40_000 }, (_, i) => ({
      name: `package-number-${i}`,
      version: `${i % 7}.${i % 13}.${i}`
    }))
    const large = sbom(components)
    expect(large.length).toBeGreaterThan(5 * 1024 * 1024)
    const started = Date.now()
    await uploadToDependencyTrack(large, options())
    const elapsed = Date.now() - started
    expect(
      server.uploads[0]!.parts.find(p => p.name === 'bom')!.data.equals(Buffer.from(large))
    ).toBe(true)
    expect(server.projects[0]!.components).toHaveLength(40_000)
    console.log(`Uploaded a ${(large.length / 1024 / 1024).toFixed(1)} MB SBOM in ${elapsed} ms`)
  })

  test('the API key never appears in a message or a log line, even when the server echoes it', async () => {
    const messages: string[] = []
    const collect = async (promise: Promise<unknown>) => {
      try {
        await promise
      } catch (error) {
        messages.push((error as Error).message)
      }
    }
    await collect(uploadToDependencyTrack(SBOM, options({ wait: true })))
    await collect(uploadToDependencyTrack(SBOM, options({ apiKey: `${KEY}x` })))
    server.broken = { status: 400, body: `Invalid request from key ${KEY}` }
    await collect(uploadToDependencyTrack(SBOM, options()))
    server.broken = { status: 503, body: `overloaded, key ${KEY}` }
    await collect(uploadToDependencyTrack(SBOM, options()))
    await collect(uploadToDependencyTrack(SBOM, options({ url: `http://127.0.0.1:1/${KEY}` })))

    expect(messages).toHaveLength(4)
    expect(messages[1]).toContain('(HTTP 400: Invalid request from key ***)')
    expect(logger.lines.length).toBeGreaterThan(3)
    for (const line of [...messages, ...logger.lines]) expect(line).not.toContain(KEY)
  })

  test('settings are checked before anything is sent', async () => {
    const cases: [Partial<DependencyTrackOptions>, RegExp][] = [
      [{ apiKey: '  ' }, /'dependency-track-api-key': is empty/],
      [{ apiKey: `${KEY}\n` + 'more' }, /'dependency-track-api-key': contains white space/],
      [{ url: 'dtrack.example.com' }, /'dependency-track-url': "dtrack.example.com" is not a URL/],
      [{ url: 'ftp://dtrack.example.com' }, /'dependency-track-url': expected an http\(s\) URL/],
      [
        { projectUuid: 'not-a-uuid' },
        /'dependency-track-project-uuid': "not-a-uuid" is not a UUID/
      ],
      [{ projectName: undefined }, /'dependency-track-project': is empty/]
    ]
    for (const [overrides, message] of cases) {
      const error = await failure(uploadToDependencyTrack(SBOM, options(overrides)))
      expect(error).toBeInstanceOf(InputError)
      expect(error.message).toMatch(message)
      expect(error.message).not.toContain(KEY)
    }
    expect(server.requests).toEqual([])
  })
})

describe('Dependency-Track defaults', () => {
  test('the project is the repository at the branch or tag; a pull request is pr-<number>', () => {
    expect(
      defaultProjectCoordinates({
        GITHUB_REPOSITORY: 'octo/app',
        GITHUB_REF: 'refs/heads/main',
        GITHUB_REF_NAME: 'main'
      })
    ).toEqual({ projectName: 'octo/app', projectVersion: 'main' })
    expect(
      defaultProjectCoordinates({
        GITHUB_REPOSITORY: 'octo/app',
        GITHUB_REF: 'refs/tags/v1.2.0',
        GITHUB_REF_NAME: 'v1.2.0'
      })
    ).toEqual({ projectName: 'octo/app', projectVersion: 'v1.2.0' })
    expect(
      defaultProjectCoordinates({
        GITHUB_REPOSITORY: 'octo/app',
        GITHUB_REF: 'refs/pull/17/merge',
        GITHUB_REF_NAME: '17/merge'
      })
    ).toEqual({ projectName: 'octo/app', projectVersion: 'pr-17' })
    expect(defaultProjectCoordinates({})).toEqual({})
  })

  test('dependency-track-parent is a UUID when it looks like one, else a name', () => {
    expect(parseDependencyTrackParent('')).toEqual({})
    expect(parseDependencyTrackParent(' 3E671687-395B-41F5-A30F-A58921A69B79 ')).toEqual({
      parentUuid: '3e671687-395b-41f5-a30f-a58921a69b79'
    })
    expect(parseDependencyTrackParent('Platform services')).toEqual({
      parentName: 'Platform services'
    })
  })
})
