import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { ALL_PERMISSIONS, DependencyTrackServer } from '../support/dependency-track-server.js'
import { GitHubApiServer } from '../support/github-api-server.js'
import { makeWorkspace, runAction, type ActionRun } from '../support/run-action.js'
import { TESTS_DIR } from '../support/paths.js'

const fixtureDb = path.resolve(TESTS_DIR, 'fixtures', 'e2e-db')
const auditInputs = {
  paths: 'requirements.txt',
  'advisory-db': fixtureDb,
  'max-db-age': '0',
  'upload-artifact': 'false'
}
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** The lines of a run's output that contain a secret: only the runner's add-mask command may. */
function linesWith(run: ActionRun, secret: string): string[] {
  return (run.stdout + '\n' + run.stderr).split('\n').filter(line => line.includes(secret))
}

let workspace: string
beforeAll(async () => {
  workspace = await makeWorkspace({ 'requirements.txt': 'requests==2.19.1\n' })
})
afterAll(() => fs.rm(workspace, { recursive: true, force: true }))

describe('the action uploads its SBOM to Dependency-Track', () => {
  const apiKey = 'odt_Pz8wQk3Lr5sYtV7n2Xc9Bf4Hj6Mu1Ae0'
  const server = new DependencyTrackServer()
  let url: string
  const dependencyTrackInputs = () => ({
    ...auditInputs,
    'fail-on-vulnerability': 'false',
    'dependency-track-url': url,
    'dependency-track-api-key': apiKey,
    'dependency-track-project': 'o/r',
    'dependency-track-version': 'main'
  })

  beforeAll(async () => {
    url = await server.start()
    server.addKey(apiKey, ...ALL_PERMISSIONS)
    server.advisories.push({
      purl: 'pkg:pypi/requests@2.19.1',
      vulnId: 'CVE-2018-18074',
      source: 'NVD',
      severity: 'HIGH'
    })
    server.pollsUntilDone = 1
  })
  afterAll(() => server.close())

  test('sends a multipart BOM, waits for processing and reports its findings', async () => {
    const run = await runAction(
      { ...dependencyTrackInputs(), 'dependency-track-wait': 'true' },
      { workspace }
    )
    expect(run.stderr).toBe('')
    expect(run.exitCode).toBe(0)

    expect(server.uploads).toHaveLength(1)
    const upload = server.uploads[0]!
    expect(upload.contentType).toMatch(/^multipart\/form-data; boundary=/)
    const field = (name: string) =>
      upload.parts.find(part => part.name === name)?.data.toString('utf8')
    expect(field('projectName')).toBe('o/r')
    expect(field('projectVersion')).toBe('main')
    expect(field('autoCreate')).toBe('true')
    const bom = JSON.parse(field('bom') ?? '{}') as { components?: { purl?: string }[] }
    expect(bom.components?.map(c => c.purl)).toContain('pkg:pypi/requests@2.19.1')

    const project = server.projects.find(p => p.name === 'o/r' && p.version === 'main')
    expect(project?.uuid).toMatch(UUID)
    expect(run.outputs['dependency-track-project-uuid']).toBe(project?.uuid)
    const token = run.outputs['dependency-track-token'] ?? ''
    expect(token).toMatch(UUID)
    // The action polled the very token it published.
    expect(server.requests).toContain(`GET /api/v1/event/token/${token}`)
    expect(run.summary).toContain(`### Dependency-Track (project ${project?.uuid})`)
    expect(run.summary).toContain('**1 findings, 0 policy violations.**')
    expect(run.summary).toMatch(/^\| requests 2\.19\.1 \| \S+/m)
    expect(linesWith(run, apiKey)).toEqual([`::add-mask::${apiKey}`])
  }, 60_000)

  test('without waiting, publishes the token and says so in the summary', async () => {
    const before = server.uploads.length
    const run = await runAction(dependencyTrackInputs(), { workspace })
    expect(run.exitCode).toBe(0)
    expect(server.uploads).toHaveLength(before + 1)
    const token = run.outputs['dependency-track-token'] ?? ''
    expect(token).toMatch(UUID)
    expect(run.outputs['dependency-track-project-uuid']).toBe('')
    expect(run.summary).toContain(`SBOM uploaded to Dependency-Track; processing token ${token}.`)
    expect(linesWith(run, apiKey)).toEqual([`::add-mask::${apiKey}`])
  }, 60_000)

  test('a wrong API key fails the step, naming the input and never the key', async () => {
    const wrongKey = 'odt_WRONGwrongWRONGwrong0123456789'
    const before = server.uploads.length
    const run = await runAction(
      { ...dependencyTrackInputs(), 'dependency-track-api-key': wrongKey },
      { workspace }
    )
    expect(run.exitCode).toBe(1)
    expect(server.uploads).toHaveLength(before)
    expect(run.stdout).toMatch(
      /^::error::Input 'dependency-track-api-key': .*rejected the API key \(HTTP 401 Unauthorized\)/m
    )
    expect(linesWith(run, wrongKey)).toEqual([`::add-mask::${wrongKey}`])
    expect(run.stdout + run.stderr).not.toMatch(/^\s+at /m)
    // The audit's own results still go out.
    expect(run.summary).toContain('| **requests** | 2.19.1 |')
    expect(run.outputs['vulnerability-count']).toBe('1')
  }, 60_000)
})

describe('the action comments on the pull request', () => {
  const github = new GitHubApiServer()
  let env: NodeJS.ProcessEnv
  const commentInputs = (token: string, extra: Record<string, string> = {}) => ({
    ...auditInputs,
    comment: 'always',
    'github-token': token,
    ...extra
  })
  const ours = () => github.commentsOn('o/r#7').filter(c => c.user.type === 'Bot')

  beforeAll(async () => {
    const apiUrl = await github.start()
    github.tokens.set('ghs_writeWRITEwrite0123', 'write')
    github.tokens.set('ghs_readREADread0123456', 'read')
    github.addComment('o/r#7', 'Looks good to me')
    const eventPath = path.join(workspace, 'event.json')
    await fs.writeFile(
      eventPath,
      JSON.stringify({
        action: 'synchronize',
        number: 7,
        pull_request: { number: 7, head: { sha: 'abc' } },
        repository: { name: 'r', full_name: 'o/r', owner: { login: 'o' } }
      })
    )
    env = {
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_REPOSITORY: 'o/r',
      GITHUB_API_URL: apiUrl,
      GITHUB_WORKFLOW: 'ci',
      GITHUB_JOB: 'audit'
    }
  })
  afterAll(() => github.close())

  test('writes one comment with the marker and the advisory, then updates it in place', async () => {
    const first = await runAction(commentInputs('ghs_writeWRITEwrite0123'), { workspace, env })
    expect(first.exitCode).toBe(1)
    expect(first.stdout).toMatch(/^::error::Failed: /m)
    expect(ours()).toHaveLength(1)
    const comment = { ...ours()[0]! }
    expect(comment.body).toMatch(/^<!-- pyaudit-action:ci\/audit\/\.#[0-9a-f]{8} -->\n/)
    expect(comment.body).toContain('PYSEC-2018-28')
    expect(first.stdout).toContain(`Commented on the pull request: ${comment.html_url}`)
    expect(linesWith(first, 'ghs_writeWRITEwrite0123')).toEqual([
      '::add-mask::ghs_writeWRITEwrite0123'
    ])

    const second = await runAction(commentInputs('ghs_writeWRITEwrite0123'), { workspace, env })
    expect(second.exitCode).toBe(1)
    expect(ours().map(c => c.id)).toEqual([comment.id])
    expect(github.requests).toContain(`PATCH /repos/o/r/issues/comments/${comment.id}`)
    expect(second.stdout).toContain(`Updated the pull request comment: ${comment.html_url}`)
    // Someone else's comment is left alone.
    expect(github.commentsOn('o/r#7').map(c => c.body)).toContain('Looks good to me')
  }, 60_000)

  test('a read-only token warns; only the findings decide the exit code', async () => {
    const before = github.commentsOn('o/r#7').map(c => ({ ...c }))
    const warning =
      /^::warning::Could not comment on pull request #7: the token may not write to it \("Resource not accessible by integration"\)/m

    const failing = await runAction(commentInputs('ghs_readREADread0123456'), { workspace, env })
    expect(failing.exitCode).toBe(1)
    expect(failing.stdout).toMatch(warning)
    const errors = failing.stdout.split('\n').filter(line => line.startsWith('::error::'))
    expect(errors).toEqual([expect.stringMatching(/^::error::Failed: 1 of unknown severity/)])

    const passing = await runAction(
      commentInputs('ghs_readREADread0123456', { 'fail-on-vulnerability': 'false' }),
      { workspace, env }
    )
    expect(passing.exitCode).toBe(0)
    expect(passing.stdout).toMatch(warning)
    expect(github.commentsOn('o/r#7')).toEqual(before)
  }, 60_000)
})
