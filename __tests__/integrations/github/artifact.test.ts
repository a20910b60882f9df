import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  jest,
  test
} from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import * as os from 'node:os'
import * as path from 'node:path'
import yauzl from 'yauzl'
import {
  ArtifactUploadError,
  defaultArtifactName,
  uploadArtifact
} from '../../../src/integrations/github/artifact.js'
import type { Logger } from '../../../src/shared/log.js'
import { ArtifactService } from '../../support/artifact-service.js'

/** Every entry of a zip, by path. */
async function unzip(data: Buffer): Promise<Map<string, Buffer>> {
  const zip = await yauzl.fromBufferPromise(data, { lazyEntries: true })
  const entries = new Map<string, Buffer>()
  for await (const entry of zip.eachEntry()) {
    const chunks: Buffer[] = []
    for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer)
    entries.set(entry.fileName, Buffer.concat(chunks))
  }
  return entries
}

function recordingLogger(): Logger & { warnings: string[]; infos: string[] } {
  const warnings: string[] = []
  const infos: string[] = []
  return {
    warnings,
    infos,
    debug() {},
    info: message => void infos.push(message),
    warning: message => void warnings.push(message)
  }
}

const ENV_KEYS = ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_RESULTS_URL', 'GITHUB_SERVER_URL']

describe('uploadArtifact against a fake artifact service v4', () => {
  let service: ArtifactService
  let baseUrl: string
  let dir: string
  let report: string
  let env: NodeJS.ProcessEnv
  let stdout: string[]
  const saved = new Map<string, string | undefined>()

  beforeAll(async () => {
    service = new ArtifactService()
    baseUrl = await service.start()
  })
  afterAll(async () => service.close())

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'pyaudit-artifact-'))
    report = path.join(dir, 'pyaudit-report.json')
    await writeFile(
      report,
      JSON.stringify({ dependencies: [{ name: 'jinja2', version: '2.4.1' }] })
    )
    // @actions/artifact reads the runner's variables from process.env itself.
    for (const key of ENV_KEYS) saved.set(key, process.env[key])
    process.env.ACTIONS_RUNTIME_TOKEN = service.runtimeToken
    process.env.ACTIONS_RESULTS_URL = `${baseUrl}/`
    process.env.GITHUB_SERVER_URL = 'https://github.com'
    // @actions/artifact narrates every step on stdout through @actions/core; keep the test output readable.
    stdout = []
    jest.spyOn(process.stdout, 'write').mockImplementation(chunk => {
      stdout.push(String(chunk))
      return true
    })
    env = {
      ...process.env,
      GITHUB_REPOSITORY: 'octo/app',
      GITHUB_RUN_ID: '4242',
      GITHUB_JOB: 'audit',
      GITHUB_ACTION: '__octo_pyaudit-action',
      RUNNER_OS: 'Linux',
      RUNNER_ARCH: 'X64'
    }
  })
  afterEach(async () => {
    jest.restoreAllMocks()
    for (const [key, value] of saved) {
      if (value === undefined) delete process.env[key]
      else process.env[key] = value
    }
    await rm(dir, { recursive: true, force: true })
  })

  test('uploads the report as a zip the service can finalize, and links to it', async () => {
    const logger = recordingLogger()
    const notices: string[] = []
    const uploaded = await uploadArtifact([report], env, logger, m => void notices.push(m), {
      discriminators: ['.', 'requirements.txt', '3.12']
    })

    expect(notices).toEqual([])
    const stored = service.artifacts.find(a => a.name === uploaded?.name)
    expect(stored).toMatchObject({ finalized: true, mimeType: 'application/zip' })
    expect(uploaded).toEqual({
      id: stored!.id,
      name: defaultArtifactName(env, ['.', 'requirements.txt', '3.12']),
      url: `https://github.com/octo/app/actions/runs/4242/artifacts/${stored!.id}`
    })
    expect(uploaded!.name).toMatch(/^pyaudit-report-audit-[0-9a-f]{8}$/)
    const entries = await unzip(service.content(stored!)!)
    expect([...entries.keys()]).toEqual(['pyaudit-report.json'])
    expect(entries.get('pyaudit-report.json')!.equals(await readFile(report))).toBe(true)
    expect(service.contentType(stored!)).toBe('application/zip')
    expect(logger.warnings).toEqual([])
  })

  test('sends retention-days as an expiry that many days ahead', async () => {
    const before = Date.now()
    const uploaded = await uploadArtifact([report], env, recordingLogger(), () => {}, {
      name: 'report-with-retention',
      retentionDays: 5
    })
    const stored = service.artifacts.find(a => a.name === uploaded!.name)!
    const days = (Date.parse(stored.expiresAt!) - before) / 86_400_000
    expect(days).toBeGreaterThan(4.9)
    expect(days).toBeLessThan(5.1)
  })

  test('a multi-block upload (over the 8 MB block size) arrives whole and in order', async () => {
    // Random bytes do not compress, so the zip is larger than one 8 MB block.
    const big = path.join(dir, 'nested', 'sbom.cdx.json')
    await mkdir(path.dirname(big))
    await writeFile(big, randomBytes(9 * 1024 * 1024))
    const blocksBefore = service.blockCount
    const uploaded = await uploadArtifact([report, big], env, recordingLogger(), () => {}, {
      name: 'big-report'
    })
    expect(service.blockCount - blocksBefore).toBeGreaterThanOrEqual(2)
    const stored = service.artifacts.find(a => a.name === uploaded!.name)!
    const entries = await unzip(service.content(stored)!)
    expect([...entries.keys()].sort()).toEqual(['nested/sbom.cdx.json', 'pyaudit-report.json'])
    expect(entries.get('nested/sbom.cdx.json')!.equals(await readFile(big))).toBe(true)
  })

  test('a name already used in the run is retried once with a suffix, with a warning', async () => {
    const first = await uploadArtifact([report], env, recordingLogger(), () => {}, {
      name: 'shared-name'
    })
    expect(first!.name).toBe('shared-name')

    await writeFile(report, '{"second": true}')
    const logger = recordingLogger()
    const second = await uploadArtifact([report], env, logger, () => {}, { name: 'shared-name' })

    expect(second!.name).toMatch(/^shared-name-[0-9a-f]{6}$/)
    expect(second!.id).not.toBe(first!.id)
    expect(logger.warnings).toHaveLength(1)
    expect(logger.warnings[0]).toContain('"shared-name" already exists')
    expect(logger.warnings[0]).toContain(`"${second!.name}"`)
    const stored = service.artifacts.find(a => a.name === second!.name)!
    expect((await unzip(service.content(stored)!)).get('pyaudit-report.json')!.toString()).toBe(
      '{"second": true}'
    )
  })

  test('two matrix legs with the same job but different discriminators do not collide', async () => {
    const leg311 = await uploadArtifact([report], env, recordingLogger(), () => {}, {
      discriminators: ['.', '', '3.11']
    })
    const leg313 = await uploadArtifact([report], env, recordingLogger(), () => {}, {
      discriminators: ['.', '', '3.13']
    })
    expect(leg311!.name).not.toBe(leg313!.name)
    expect(leg313!.name).not.toMatch(/-[0-9a-f]{6}$/)
  })

  test('a service that refuses the upload throws an error naming the artifact and the report', async () => {
    process.env.ACTIONS_RUNTIME_TOKEN = `${service.runtimeToken.slice(0, -4)}AAAA`
    const upload = uploadArtifact([report], env, recordingLogger(), () => {}, { name: 'refused' })
    await expect(upload).rejects.toThrow(ArtifactUploadError)
    await expect(upload).rejects.toThrow(/artifact "refused": .*401.*The report is still at/)
  })

  test('without an artifact service it leaves a notice and uploads nothing', async () => {
    const requests = service.requests.length
    const notices: string[] = []
    const { ACTIONS_RUNTIME_TOKEN: _token, ...local } = env
    const uploaded = await uploadArtifact([report], local, recordingLogger(), m => {
      notices.push(m)
    })
    expect(uploaded).toBeUndefined()
    expect(notices).toEqual([
      `No artifact service here (not on a GitHub-hosted workflow run); the report stays at ${report}`
    ])
    expect(service.requests.length).toBe(requests)
  })

  test('on GitHub Enterprise Server it leaves a notice and uploads nothing', async () => {
    process.env.GITHUB_SERVER_URL = 'https://ghes.example.com'
    const ghes = { ...env, GITHUB_SERVER_URL: 'https://ghes.example.com' }
    const requests = service.requests.length
    const notices: string[] = []
    const uploaded = await uploadArtifact([report], ghes, recordingLogger(), m => {
      notices.push(m)
    })
    expect(uploaded).toBeUndefined()
    expect(notices).toEqual([
      `Artifact upload is not supported on this GitHub Enterprise Server; the report stays at ${report}`
    ])
    expect(service.requests.length).toBe(requests)
    // Told once, by us: the library never got to print its own warning.
    expect(stdout.join('')).not.toContain('::warning::')
  })
})

describe('artifact names and inputs', () => {
  const base = {
    GITHUB_JOB: 'audit',
    GITHUB_ACTION: '__run',
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64'
  }

  test('the default name is stable for one leg and differs per step, runner and discriminator', () => {
    const name = defaultArtifactName(base, ['.', 'requirements.txt'])
    expect(defaultArtifactName({ ...base }, ['.', 'requirements.txt'])).toBe(name)
    expect(
      defaultArtifactName({ ...base, RUNNER_OS: 'Windows' }, ['.', 'requirements.txt'])
    ).not.toBe(name)
    expect(
      defaultArtifactName({ ...base, GITHUB_ACTION: '__run_2' }, ['.', 'requirements.txt'])
    ).not.toBe(name)
    expect(defaultArtifactName(base, ['api', 'requirements.txt'])).not.toBe(name)
    // Joined naively, these two lists would hash alike.
    expect(defaultArtifactName(base, ['a', 'b'])).not.toBe(defaultArtifactName(base, ['a,b']))
    expect(defaultArtifactName({ ...base, GITHUB_RUN_ATTEMPT: '2' }, ['.'])).toMatch(/-attempt2$/)
    expect(defaultArtifactName({ ...base, GITHUB_JOB: 'a job/with:odd' }, [])).toMatch(
      /^pyaudit-report-a-job-with-odd-[0-9a-f]{8}$/
    )
  })
})
