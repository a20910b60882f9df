/**
 * The command line with Dependency-Track flags, run as its own process against the loopback
 * Dependency-Track stand-in: what the server receives, what the user sees, and the exit code.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { spawn } from 'node:child_process'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { ALL_PERMISSIONS, DependencyTrackServer } from '../support/dependency-track-server.js'
import { entryArguments, makeWorkspace } from '../support/run-action.js'
import { TESTS_DIR } from '../support/paths.js'

const fixtureDb = path.resolve(TESTS_DIR, 'fixtures', 'e2e-db')
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const apiKey = 'odt_Cq7wLk2Rp9sYtV4n8Xc1Bf6Hj3Mu5Ae0'

interface CliRun {
  exitCode: number | null
  stdout: string
  stderr: string
}

let workspace: string

/** The CLI as a user's shell runs it: no runner variables, only what the test passes. */
async function runCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  const child = spawn(
    process.execPath,
    [
      ...entryArguments(),
      '--advisory-db',
      fixtureDb,
      '--max-db-age',
      '0',
      ...args,
      'requirements.txt'
    ],
    {
      cwd: workspace,
      // The offline index goes to the cache directory: one in the workspace for each run (they
      // run side by side), never the user's.
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        XDG_CACHE_HOME: await fs.mkdtemp(path.join(workspace, 'cache-')),
        ...env
      }
    }
  )
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', chunk => (stdout += chunk))
  child.stderr.on('data', chunk => (stderr += chunk))
  const exitCode = await new Promise<number | null>(resolve =>
    child.on('close', code => resolve(code))
  )
  return { exitCode, stdout, stderr }
}

const VERDICT = /^Found 1 known vulnerability in 1 package\.$/m

beforeAll(async () => {
  workspace = await makeWorkspace({ 'requirements.txt': 'requests==2.19.1\n' })
})
afterAll(() => fs.rm(workspace, { recursive: true, force: true }))

/**
 * The tests run side by side (test.concurrent), each with a Dependency-Track server of its own:
 * what one server received is what that test's run sent.
 */
describe('the CLI uploads its SBOM to Dependency-Track', () => {
  const servers: DependencyTrackServer[] = []
  const field = (upload: DependencyTrackServer['uploads'][number], name: string) =>
    upload.parts.find(part => part.name === name)?.data.toString('utf8')

  async function dependencyTrack(): Promise<{ server: DependencyTrackServer; url: string }> {
    const server = new DependencyTrackServer()
    servers.push(server)
    const url = await server.start()
    server.addKey(apiKey, ...ALL_PERMISSIONS)
    // A server's words are untrusted: this id carries an escape sequence and a line break.
    server.advisories.push({
      purl: 'pkg:pypi/requests@2.19.1',
      vulnId: 'CVE-2018-18074\u001b[2J\nforged line',
      source: 'NVD',
      severity: 'HIGH'
    })
    server.policies.push({ name: 'No requests', violationState: 'WARN', purlContains: 'requests' })
    server.pollsUntilDone = 1
    return { server, url }
  }
  afterAll(() => Promise.all(servers.map(server => server.close())))

  test.concurrent(
    'with the key from DEPENDENCY_TRACK_API_KEY, waits and lists findings and violations',
    async () => {
      const { server, url } = await dependencyTrack()
      const before = server.uploads.length
      const run = await runCli(
        [
          '--dependency-track-url',
          url,
          '--dependency-track-project',
          'demo',
          '--dependency-track-version',
          '1.0',
          '--dependency-track-wait'
        ],
        { DEPENDENCY_TRACK_API_KEY: apiKey }
      )
      // The audit's verdict is unchanged by the upload: a vulnerability fails the run.
      expect(run.exitCode).toBe(1)
      expect(run.stdout).toMatch(VERDICT)

      expect(server.uploads).toHaveLength(before + 1)
      const upload = server.uploads.at(-1)!
      expect(field(upload, 'projectName')).toBe('demo')
      expect(field(upload, 'projectVersion')).toBe('1.0')
      const bom = JSON.parse(field(upload, 'bom') ?? '{}') as { components?: { purl?: string }[] }
      expect(bom.components?.map(c => c.purl)).toContain('pkg:pypi/requests@2.19.1')

      const project = server.projects.find(p => p.name === 'demo' && p.version === '1.0')
      expect(project?.uuid).toMatch(UUID)
      const uploaded = new RegExp(
        `^Dependency-Track: uploaded the SBOM to project "demo" version "1\\.0" \\(UUID ${project?.uuid}\\); processing token (\\S+)\\.$`,
        'm'
      ).exec(run.stderr)
      const token = uploaded?.[1] ?? ''
      expect(token).toMatch(UUID)
      // The token printed is the one the CLI polled.
      expect(server.requests).toContain(`GET /api/v1/event/token/${token}`)
      expect(run.stderr).toMatch(/^Dependency-Track: 1 finding, 1 policy violation\.$/m)
      expect(run.stderr).toMatch(
        /^ {2}finding requests 2\.19\.1: CVE-2018-18074 forged line HIGH \(not analysed\)$/m
      )
      expect(run.stderr).toMatch(
        /^ {2}policy violation requests 2\.19\.1: No requests \(OPERATIONAL, WARN\): PACKAGE_URL MATCHES requests$/m
      )
      expect(run.stderr).not.toContain('\u001b')
      expect(run.stderr).not.toMatch(/^forged line/m)
      expect(run.stdout + run.stderr).not.toContain(apiKey)
    },
    60_000
  )

  test.concurrent(
    'with the key as a flag and no waiting, prints the token only',
    async () => {
      const { server, url } = await dependencyTrack()
      const before = server.uploads.length
      const run = await runCli([
        '--dependency-track-url',
        url,
        '--dependency-track-api-key',
        apiKey,
        '--dependency-track-project',
        'demo-flag',
        '--no-fail-on-vulnerability'
      ])
      expect(run.exitCode).toBe(0)
      expect(server.uploads).toHaveLength(before + 1)
      const upload = server.uploads.at(-1)!
      expect(field(upload, 'projectName')).toBe('demo-flag')
      expect(field(upload, 'projectVersion')).toBeUndefined()
      expect(run.stderr).toMatch(
        /^Dependency-Track: uploaded the SBOM to project "demo-flag"; processing token [0-9a-f-]{36}\.$/m
      )
      expect(run.stderr).not.toMatch(/finding/)
      expect(run.stdout + run.stderr).not.toContain(apiKey)
    },
    60_000
  )

  test.concurrent(
    'a project name is required outside a GitHub workflow; nothing is sent',
    async () => {
      const { server, url } = await dependencyTrack()
      const before = server.requests.length
      const run = await runCli(['--dependency-track-url', url], {
        DEPENDENCY_TRACK_API_KEY: apiKey
      })
      expect(run.exitCode).toBe(2)
      expect(run.stderr).toMatch(
        /^error: Input 'dependency-track-project': is required outside a GitHub workflow run/m
      )
      expect(server.requests).toHaveLength(before)
    },
    60_000
  )

  test.concurrent(
    'inside a workflow, the project defaults to the repository at its branch',
    async () => {
      const { server, url } = await dependencyTrack()
      const run = await runCli(['--dependency-track-url', url, '--no-fail-on-vulnerability'], {
        DEPENDENCY_TRACK_API_KEY: apiKey,
        GITHUB_REPOSITORY: 'octo/app',
        GITHUB_REF: 'refs/heads/main',
        GITHUB_REF_NAME: 'main'
      })
      expect(run.exitCode).toBe(0)
      const upload = server.uploads.at(-1)!
      expect(field(upload, 'projectName')).toBe('octo/app')
      expect(field(upload, 'projectVersion')).toBe('main')
    },
    60_000
  )

  test.concurrent(
    'without a key from the flag or the environment, names the variable to set',
    async () => {
      const { server, url } = await dependencyTrack()
      const before = server.requests.length
      const run = await runCli([
        '--dependency-track-url',
        url,
        '--dependency-track-project',
        'demo'
      ])
      expect(run.exitCode).toBe(2)
      expect(run.stderr).toMatch(
        /^error: Input 'dependency-track-api-key': is required with --dependency-track-url: set the DEPENDENCY_TRACK_API_KEY environment variable$/m
      )
      expect(server.requests).toHaveLength(before)
    },
    60_000
  )

  test.concurrent(
    'a key in the environment without a server changes nothing',
    async () => {
      const { server } = await dependencyTrack()
      const before = server.requests.length
      const run = await runCli([], { DEPENDENCY_TRACK_API_KEY: apiKey })
      expect(run.exitCode).toBe(1)
      expect(run.stdout).toMatch(VERDICT)
      expect(run.stderr).not.toMatch(/error|Dependency-Track/)
      expect(server.requests).toHaveLength(before)
    },
    60_000
  )

  test.concurrent(
    'a rejected key: the verdict, then the error naming the server, exit 2',
    async () => {
      const { url } = await dependencyTrack()
      const wrongKey = 'odt_WRONGwrongWRONGwrong0123456789'
      const run = await runCli(
        ['--dependency-track-url', url, '--dependency-track-project', 'demo'],
        { DEPENDENCY_TRACK_API_KEY: wrongKey }
      )
      expect(run.exitCode).toBe(2)
      expect(run.stdout).toMatch(VERDICT)
      expect(run.stderr.trimEnd().split('\n').at(-1)).toBe(
        `error: Input 'dependency-track-api-key': Dependency-Track at ${url} rejected the API key ` +
          '(HTTP 401 Unauthorized) when asked to upload the SBOM: check that the secret holds a ' +
          'current, complete API key of a Dependency-Track team.'
      )
      expect(run.stdout + run.stderr).not.toContain(wrongKey)
    },
    60_000
  )
})

test.concurrent(
  'a server that is down: the verdict is printed, then the error naming the URL, exit 2',
  async () => {
    // A port that was just listening and is now closed: connections are refused.
    const gone = new DependencyTrackServer()
    const url = await gone.start()
    await gone.close()
    const run = await runCli(
      ['--dependency-track-url', url, '--dependency-track-project', 'demo'],
      {
        DEPENDENCY_TRACK_API_KEY: apiKey
      }
    )
    expect(run.exitCode).toBe(2)
    expect(run.stdout).toMatch(VERDICT)
    expect(run.stdout).toMatch(/^Failed: /m)
    const lastLine = run.stderr.trimEnd().split('\n').at(-1) ?? ''
    expect(lastLine).toMatch(
      new RegExp(
        `^error: Could not upload the SBOM: Dependency-Track at ${url.replace(/\./g, '\\.')} did not answer \\(ECONNREFUSED`
      )
    )
    expect(run.stdout + run.stderr).not.toContain(apiKey)
    expect(run.stderr).not.toMatch(/^\s+at /m)
  },
  60_000
)

test.concurrent(
  'runner-only flags are ignored with one warning each; the exit code is the verdict',
  async () => {
    const token = 'ghp_notReallyAToken0123456789abcdef'
    const run = await runCli([
      '--comment',
      'always',
      '--upload-artifact',
      '--artifact-name',
      'audit',
      '--retention-days',
      '5',
      '--github-token',
      token
    ])
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(VERDICT)
    const warnings = run.stderr.split('\n').filter(line => line.startsWith('warning: '))
    expect(warnings).toEqual(
      ['comment', 'upload-artifact', 'artifact-name', 'retention-days', 'github-token'].map(
        name => `warning: --${name} applies only to the GitHub Action on a runner; ignored here`
      )
    )
    expect(run.stdout + run.stderr).not.toContain(token)
  },
  60_000
)

test.concurrent(
  'without runner-only flags, their defaults bring no warning',
  async () => {
    const run = await runCli([])
    expect(run.exitCode).toBe(1)
    expect(run.stderr).not.toMatch(/^warning:/m)
  },
  60_000
)
