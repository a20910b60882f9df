/**
 * A pin under an environment marker ships to someone: `requests==2.19.1; sys_platform ==
 * "win32"` is installed on Windows, so a run on Linux audits it too and says where it applies.
 * python-version and platform narrow the audit to one target when asked. Through the action
 * (INPUT_* variables) against the demo's offline database.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { makeWorkspace, runAction, type ActionRun } from '../support/run-action.js'
import { REPO_ROOT } from '../support/paths.js'

const demoDb = path.join(REPO_ROOT, 'examples', 'demo', 'advisories')

const requirements = [
  '# requests is installed on Windows only; jinja2 3.1.6 has no advisory in the demo database',
  'requests==2.19.1; sys_platform == "win32"',
  'jinja2==3.1.6',
  ''
].join('\n')

/** pdm.lock: the same pins, with the marker PDM records per package. */
const pdmLock = `[metadata]
groups = ["default"]
lock_version = "4.5.0"

[[package]]
name = "jinja2"
version = "3.1.6"
groups = ["default"]

[[package]]
name = "requests"
version = "2.19.1"
groups = ["default"]
marker = "sys_platform == \\"win32\\""
`

let workspace: string
beforeAll(async () => {
  workspace = await makeWorkspace({
    'app/requirements.txt': requirements,
    'old/requirements.txt': 'PyYAML==5.3; python_version < "3.8"\njinja2==3.1.6\n',
    'locked/pdm.lock': pdmLock
  })
})
afterAll(() => fs.rm(workspace, { recursive: true, force: true }))

async function audit(paths: string, inputs: Record<string, string> = {}): Promise<ActionRun> {
  return runAction(
    {
      paths,
      'advisory-db': demoDb,
      'max-db-age': '0',
      'upload-artifact': 'false',
      report: 'out/report.json',
      sarif: 'out/results.sarif',
      ...inputs
    },
    { workspace }
  )
}

const readJson = async (file: string) =>
  JSON.parse(await fs.readFile(path.join(workspace, file), 'utf8')) as Record<string, unknown>

describe('a pin for Windows only, audited on any runner', () => {
  let run: ActionRun
  beforeAll(async () => {
    run = await audit('app/requirements.txt')
  }, 60_000)

  test('fails the step by default: its findings count', () => {
    expect(run.exitCode).toBe(1)
    expect(run.outputs.result).toBe('fail')
    expect(run.outputs['vulnerable-package-count']).toBe('1')
  })

  test('the summary says where the pin applies, escaped', () => {
    const only = 'only where <code>sys\\_platform == &quot;win32&quot;</code>'
    // In the overview row and in the folded section of requests.
    expect(run.summary).toContain(`app/requirements.txt:2<br>${only} |`)
    expect(run.summary).toContain(`Declared in app/requirements.txt:2 · ${only}`)
  })

  test('the annotation at the pin says where it applies', () => {
    const annotation = run.stdout
      .split('\n')
      .find(line => line.startsWith('::error') && line.includes('file=app/requirements.txt'))
    expect(annotation).toMatch(/,line=2::Installed only where sys_platform == "win32"\.%0A/)
  })

  test('the JSON report and SARIF carry the marker', async () => {
    const report = await readJson('out/report.json')
    const requests = (report.dependencies as Array<Record<string, unknown>>).find(
      dep => dep.name === 'requests'
    )
    expect(requests?.marker).toBe('sys_platform == "win32"')
    const jinja2 = (report.dependencies as Array<Record<string, unknown>>).find(
      dep => dep.name === 'jinja2'
    )
    expect(jinja2).not.toHaveProperty('marker')
    const sarif = (await readJson('out/results.sarif')) as {
      runs: Array<{ results: Array<{ message: { text: string } }> }>
    }
    const messages = sarif.runs[0]!.results.map(result => result.message.text)
    expect(messages.length).toBeGreaterThan(0)
    for (const message of messages)
      expect(message).toMatch(/ Installed only where sys_platform == "win32"\.$/)
  })
})

describe('a marker is untrusted text', () => {
  test('in the summary it stays text: no tag, no link, no table cell break', async () => {
    await fs.mkdir(path.join(workspace, 'hostile'), { recursive: true })
    await fs.writeFile(
      path.join(workspace, 'hostile', 'requirements.txt'),
      'requests==2.19.1; platform_version == "<img src=x onerror=alert(1)> [x](https://evil.example) | `y`"\n'
    )
    const run = await audit('hostile/requirements.txt')
    expect(run.exitCode).toBe(1)
    expect(run.summary).not.toContain('<img')
    expect(run.summary).not.toContain('](https://evil')
    expect(run.summary).toContain(
      'only where <code>platform\\_version == &quot;&lt;img src=x onerror=alert\\(1\\)&gt; \\[x\\]\\(https:\u2060//evil.example\\) \\| \\`y\\`&quot;</code>'
    )
  }, 60_000)
})

describe('narrowed to one target', () => {
  test('platform: linux leaves the Windows pin out, and the step passes', async () => {
    const run = await audit('app/requirements.txt', { platform: 'linux' })
    expect(run.exitCode).toBe(0)
    expect(run.outputs.result).toBe('pass')
    expect(run.outputs['vulnerability-count']).toBe('0')
    const report = await readJson('out/report.json')
    expect((report.dependencies as Array<{ name: string }>).map(dep => dep.name)).toEqual([
      'jinja2'
    ])
  }, 60_000)

  test('platform: windows keeps it', async () => {
    const run = await audit('app/requirements.txt', { platform: 'windows' })
    expect(run.exitCode).toBe(1)
  }, 60_000)

  test('a pin for old Pythons fails by default and passes with python-version: 3.12', async () => {
    const all = await audit('old/requirements.txt')
    expect(all.exitCode).toBe(1)
    expect(all.summary).toContain('only where <code>python\\_version &lt; &quot;3.8&quot;</code>')
    const narrowed = await audit('old/requirements.txt', { 'python-version': '3.12' })
    expect(narrowed.exitCode).toBe(0)
  }, 60_000)

  test('lockfiles alike: a pdm.lock package under a Windows marker', async () => {
    const all = await audit('locked/pdm.lock')
    expect(all.exitCode).toBe(1)
    expect(all.summary).toContain('only where <code>sys\\_platform == &quot;win32&quot;</code>')
    const linux = await audit('locked/pdm.lock', { platform: 'linux' })
    expect(linux.exitCode).toBe(0)
  }, 60_000)

  test('an unknown platform is an input error that suggests the nearest', async () => {
    const run = await audit('app/requirements.txt', { platform: 'windwos' })
    expect(run.exitCode).not.toBe(0)
    expect(run.stdout).toContain(
      "Input 'platform': expected one of linux, windows, macos, got 'windwos'; did you mean 'windows'?"
    )
  }, 60_000)
})
