/**
 * Issue 14, items 2 and 3, through the action as a runner runs it. Credentials inside URLs
 * (inputs and requirements files) are masked with the runner as soon as they are read and
 * appear nowhere we print or write; a Dependency-Track server that echoes the API key gets
 * it into neither the log nor the job summary, escaped or not.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import type { OsvRecord } from '../../src/advisories/osv.js'
import { ALL_PERMISSIONS, DependencyTrackServer } from '../support/dependency-track-server.js'
import { OsvServer } from '../support/osv-server.js'
import { makeWorkspace, runAction, type ActionRun } from '../support/run-action.js'
import { TESTS_DIR } from '../support/paths.js'

const fixtureDb = path.resolve(TESTS_DIR, 'fixtures', 'e2e-db')

/** Lines of the log holding `secret`, other than the runner's own ::add-mask:: commands. */
function logLinesWith(run: ActionRun, secret: string): string[] {
  return `${run.stdout}\n${run.stderr}`
    .split('\n')
    .filter(line => !line.startsWith('::add-mask::'))
    .filter(line => line.toLowerCase().includes(secret.toLowerCase()))
}

/** The text as a reader sees it: Markdown escapes and invisible word joiners undone. */
function unescaped(markdown: string): string {
  return markdown.replace(/\\(.)/g, '$1').replace(/\u2060/g, '')
}

describe('credentials inside URLs', () => {
  const osv = new OsvServer((name, version) =>
    name === 'requests' && version === '2.19.1' ? [requestsRecord] : []
  )
  let requestsRecord: OsvRecord
  let workspace: string
  let run: ActionRun
  const secrets = {
    osvUser: 'osvuser7',
    osv: 'OSVPASS-3c9d',
    pypi: 'PYPIPASS-81ab',
    index: 'INDEXPASS-22fe',
    extra: 'EXTRAPASS-9d0c',
    requirementsIndex: 'REQINDEXPASS-4a1b',
    requirementsToken: 'REQTOKENONLY-ghp77aa',
    direct: 'DIRECTPASS-5e6f',
    bare: 'BAREURLPASS-0d1e'
  }

  beforeAll(async () => {
    requestsRecord = JSON.parse(
      await fs.readFile(path.join(fixtureDb, 'PYSEC-2018-28.json'), 'utf8')
    ) as OsvRecord
    const osvUrl = (await osv.start()).replace(
      'http://',
      `http://${secrets.osvUser}:${secrets.osv}@`
    )
    workspace = await makeWorkspace({
      'requirements.txt': [
        `--index-url https://iuser:${secrets.requirementsIndex}@index.example/simple`,
        `--extra-index-url https://${secrets.requirementsToken}@index2.example/simple`,
        'requests==2.19.1',
        `pkg @ https://u:${secrets.direct}@files.example/pkg-1.0-py3-none-any.whl`,
        `https://u2:${secrets.bare}@files.example/other-1.0.tar.gz`,
        ''
      ].join('\n')
    })
    run = await runAction(
      {
        paths: 'requirements.txt',
        'osv-url': osvUrl,
        'pypi-url': `https://puser:${secrets.pypi}@127.0.0.1:9`,
        'index-url': `https://i:${secrets.index}@index.example/simple`,
        'extra-index-url': `https://e:${secrets.extra}@index.example/simple`,
        'upload-artifact': 'false',
        cache: 'false',
        'license-source': 'none',
        report: 'out/report.json',
        sbom: 'out/sbom.json',
        sarif: 'out/results.sarif'
      },
      { workspace }
    )
  }, 60_000)
  afterAll(async () => {
    await osv.close()
    await fs.rm(workspace, { recursive: true, force: true })
  })

  test('the run itself works: the finding behind the credentials is reported', () => {
    expect(run.outputs['vulnerability-count']).toBe('1')
    expect(run.summary).toContain('PYSEC-2018-28')
  })

  test('no password or token is in the log, the summary or any file written', async () => {
    const files = await Promise.all(
      ['report.json', 'sbom.json', 'results.sarif'].map(name =>
        fs.readFile(path.join(workspace, 'out', name), 'utf8')
      )
    )
    const summaryFile = await fs.readFile(path.join(workspace, 'out', 'pyaudit-summary.md'), 'utf8')
    for (const secret of Object.values(secrets)) {
      expect({ secret, log: logLinesWith(run, secret) }).toEqual({ secret, log: [] })
      for (const [what, text] of Object.entries({
        summary: unescaped(run.summary),
        summaryFile: unescaped(summaryFile),
        outputs: JSON.stringify(run.outputs),
        report: files[0]!,
        sbom: files[1]!,
        sarif: files[2]!
      })) {
        const found = text.toLowerCase().includes(secret.toLowerCase())
        expect({ secret, what, found }).toEqual({ secret, what, found: false })
      }
    }
    // What is left still says where things came from.
    expect(unescaped(run.summary)).toContain('https://***@files.example/other-1.0.tar.gz')
  })

  test("the inputs' secrets are masked with the runner before the first line of the log", () => {
    const lines = run.stdout.split('\n')
    const firstLogLine = lines.findIndex(line => line !== '' && !line.startsWith('::add-mask::'))
    for (const secret of [secrets.osv, secrets.pypi, secrets.index, secrets.extra]) {
      const mask = lines.indexOf(`::add-mask::${secret}`)
      expect({ secret, masked: mask >= 0 && mask < firstLogLine }).toEqual({ secret, masked: true })
    }
    // A requirements file's credentials are masked too, before anything prints them.
    expect(lines).toContain(`::add-mask::${secrets.bare}`)
  })
})

describe('a Dependency-Track server that echoes the API key', () => {
  const apiKey = 'odt_Echo_Pz8wQk3Lr5sYtV7n2Xc9Bf4Hj6Mu1'
  const server = new DependencyTrackServer()
  let url: string
  let workspace: string
  const inputs = () => ({
    paths: 'requirements.txt',
    'advisory-db': fixtureDb,
    'max-db-age': '0',
    'upload-artifact': 'false',
    'fail-on-vulnerability': 'false',
    'dependency-track-url': url,
    'dependency-track-api-key': apiKey,
    'dependency-track-project': 'o/r',
    'dependency-track-version': 'main'
  })
  /** The key, and the key as Markdown escaping would write it. */
  const forms = [apiKey, apiKey.replace(/_/g, '\\_'), apiKey.slice(4)]

  beforeAll(async () => {
    url = await server.start()
    server.echoApiKey = true
    server.addKey(apiKey, ...ALL_PERMISSIONS)
    server.advisories.push({
      purl: 'pkg:pypi/requests@2.19.1',
      vulnId: 'CVE-2018-18074',
      source: 'NVD',
      severity: 'HIGH'
    })
    server.policies.push({ name: 'No requests', violationState: 'WARN', purlContains: 'requests' })
    server.pollsUntilDone = 1
    workspace = await makeWorkspace({ 'requirements.txt': 'requests==2.19.1\n' })
  })
  afterAll(async () => {
    await server.close()
    await fs.rm(workspace, { recursive: true, force: true })
  })

  test('its findings and policy violations reach the summary without the key', async () => {
    const run = await runAction({ ...inputs(), 'dependency-track-wait': 'true' }, { workspace })
    expect(run.exitCode).toBe(0)
    // The server did echo it, and the findings are shown.
    expect(run.summary).toContain('CVE-2018-18074')
    expect(run.summary).toContain('No requests')
    for (const form of forms) {
      expect(logLinesWith(run, form)).toEqual([])
      expect(run.summary.includes(form)).toBe(false)
      expect(unescaped(run.summary).includes(form)).toBe(false)
      expect(JSON.stringify(run.outputs).includes(form)).toBe(false)
    }
  })

  test('its error answers reach the log without the key', async () => {
    const limited = 'odt_Limited_Lk3Pz8wQr5sYtV7n2Xc9Bf4Hj6'
    server.addKey(limited, 'VIEW_PORTFOLIO')
    const run = await runAction({ ...inputs(), 'dependency-track-api-key': limited }, { workspace })
    expect(run.exitCode).toBe(1)
    expect(run.stdout).toMatch(/::error::.*HTTP 403/)
    for (const form of [limited, limited.replace(/_/g, '\\_'), limited.slice(4)]) {
      expect(logLinesWith(run, form)).toEqual([])
      expect(unescaped(run.summary).includes(form)).toBe(false)
    }
  })
})
