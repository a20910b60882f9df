import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import * as path from 'node:path'
import yauzl from 'yauzl'
import { ArtifactService } from '../support/artifact-service.js'
import { REPO_ROOT } from '../support/paths.js'
import { makeWorkspace, runAction, type ActionRun } from '../support/run-action.js'
import { SimpleIndex } from '../support/simple-index.js'

/**
 * `fix: true` as a user meets it: the action, as its own process, on a requirements file of old
 * pins and an include, against the demo's offline database; a loopback package index serves
 * the new Jinja2 so that its --hash line can be fixed too. The run's verdict, outputs and
 * summary are about the second audit; the files, and the patch a reviewer reads, are real.
 */
const DEMO_DB = path.join(REPO_ROOT, 'examples', 'demo', 'advisories')

const OLD_PINS = [
  '# The service, pinned a while ago.',
  '-r base.txt',
  'requests[socks]==2.19.1  # http client',
  'PyYAML==5.3 ; python_version >= "3.6"',
  'Jinja2==2.10.1 \\',
  '    --hash=sha256:065c4f02ebe7f7cf559e49ee5a95fb800a9e4528727aec6f24402a5374c65013',
  'idna==3.7',
  ''
].join('\r\n')
const BASE = 'urllib3==1.26.18\ncertifi==2024.7.4\n'

const common = {
  'advisory-db': DEMO_DB,
  'max-db-age': '0',
  paths: 'requirements.txt',
  report: 'out/pyaudit-report.json',
  'package-checks': 'false',
  'upload-artifact': 'false'
}

async function unzip(data: Buffer): Promise<string[]> {
  const zip = await yauzl.fromBufferPromise(data, { lazyEntries: true })
  const names: string[] = []
  for await (const entry of zip.eachEntry()) names.push(entry.fileName)
  return names
}

describe('fix: true', () => {
  let index: SimpleIndex
  let artifacts: ArtifactService
  let workspace: string
  let fixed: ActionRun
  let again: ActionRun
  let jinjaDigest: string

  beforeAll(async () => {
    index = await SimpleIndex.start([{ name: 'Jinja2', version: '3.1.3' }])
    jinjaDigest = (await fetch(`${index.url()}jinja2/`).then(response => response.text())).match(
      /#sha256=([0-9a-f]{64})/
    )![1]!
    artifacts = new ArtifactService()
    const artifactUrl = await artifacts.start()
    workspace = await makeWorkspace({ 'requirements.txt': OLD_PINS, 'base.txt': BASE })
    fixed = await runAction(
      { ...common, fix: 'true', 'index-url': index.url(), 'upload-artifact': 'true' },
      {
        workspace,
        env: {
          ACTIONS_RUNTIME_TOKEN: artifacts.runtimeToken,
          ACTIONS_RESULTS_URL: `${artifactUrl}/`
        }
      }
    )
    again = await runAction(common, { workspace })
  }, 120_000)

  afterAll(async () => {
    await index.close()
    await artifacts.close()
    await rm(workspace, { recursive: true, force: true })
  })

  test('rewrites every old pin in the file that declares it, the included one too, every other byte kept', () => {
    expect(fixed.stderr).toBe('')
    expect(readFileSync(path.join(workspace, 'requirements.txt'), 'utf8')).toBe(
      OLD_PINS.replace('==2.19.1', '==2.31.0')
        .replace('==5.3', '==5.4')
        .replace('==2.10.1', '==3.1.3')
        .replace(/065c4f02[0-9a-f]{56}/, jinjaDigest)
    )
    expect(readFileSync(path.join(workspace, 'base.txt'), 'utf8')).toBe(
      'urllib3==1.26.19\ncertifi==2024.7.4\n'
    )
    expect(fixed.outputs['fixed-count']).toBe('4')
    expect(fixed.stdout).toContain(
      "Fixed requests 2.19.1 -> 2.31.0 in requirements.txt:3 ('==2.19.1' -> '==2.31.0')"
    )
  })

  test('the verdict, the counts and the report are about what remains: nothing', () => {
    expect(fixed.exitCode).toBe(0)
    expect(fixed.outputs.result).toBe('pass')
    expect(fixed.outputs['vulnerability-count']).toBe('0')
    const report = JSON.parse(
      readFileSync(path.join(workspace, 'out', 'pyaudit-report.json'), 'utf8')
    ) as { dependencies: Array<{ name: string; version: string; vulns: unknown[] }> }
    expect(report.dependencies.filter(dep => dep.vulns.length > 0)).toEqual([])
    expect(report.dependencies.find(dep => dep.name === 'jinja2')?.version).toBe('3.1.3')
  })

  test('fix-patch is a readable unified diff of both files, beside the report and in the artifact', async () => {
    const patchPath = fixed.outputs['fix-patch']!
    expect(patchPath).toBe(path.join(workspace, 'out', 'pyaudit-fix.patch'))
    const patch = readFileSync(patchPath, 'utf8')
    expect(patch).toContain('--- a/base.txt\n+++ b/base.txt\n')
    expect(patch).toContain('-urllib3==1.26.18\n+urllib3==1.26.19\n')
    expect(patch).toContain('--- a/requirements.txt\n+++ b/requirements.txt\n')
    expect(patch).toContain('-requests[socks]==2.19.1  # http client\r\n')
    expect(patch).toContain(`+    --hash=sha256:${jinjaDigest}\r\n`)
    const [artifact] = artifacts.artifacts
    expect(await unzip(artifacts.content(artifact!)!)).toEqual(
      expect.arrayContaining(['pyaudit-report.json', 'pyaudit-fix.patch', 'pyaudit-summary.md'])
    )
  })

  test('the job summary lists what was fixed and shows the diff folded', () => {
    expect(fixed.summary).toContain('### Fixes (4)')
    expect(fixed.summary).toContain('`fix` rewrote 4 declarations in 2 files')
    expect(fixed.summary).toMatch(
      /<details><summary>The patch \(2 files\)<\/summary>\n\n```diff\n--- a\/base\.txt/
    )
  })

  test('a second audit of the fixed files, without fix, finds none of the old pins', () => {
    expect(again.exitCode).toBe(0)
    expect(again.outputs.result).toBe('pass')
    expect(JSON.parse(again.outputs.findings ?? '')).toEqual([])
    expect(again.outputs['fixed-count']).toBe('0')
    expect(again.outputs['fix-patch']).toBe('')
  })
})

describe('fix: true with no index to ask', () => {
  test('an air-gapped run leaves the --hash line as it is, says it needs a hand, and the verdict counts it', async () => {
    const workspace = await makeWorkspace({ 'requirements.txt': OLD_PINS, 'base.txt': BASE })
    try {
      const run = await runAction({ ...common, fix: 'true' }, { workspace })
      const text = readFileSync(path.join(workspace, 'requirements.txt'), 'utf8')
      expect(text).toContain(
        'Jinja2==2.10.1 \\\r\n    --hash=sha256:065c4f02ebe7f7cf559e49ee5a95fb800a9e4528727aec6f24402a5374c65013'
      )
      expect(text).toContain('requests[socks]==2.31.0')
      expect(run.outputs['fixed-count']).toBe('3')
      expect(run.outputs.result).toBe('fail')
      expect(run.outputs['vulnerability-count']).toBe('2')
      expect(run.summary).toContain(
        'Needs a hand: it carries --hash, and no index is asked in an air-gapped run \\(advisory-db without index-url\\)'
      )
      expect(existsSync(run.outputs['fix-patch']!)).toBe(true)
    } finally {
      await rm(workspace, { recursive: true, force: true })
    }
  }, 60_000)
})

describe('fix with a lockfile', () => {
  test('the summary gives the command that upgrades the pin, and the constraint the project needs first', async () => {
    const workspace = await makeWorkspace({
      'uv.lock': [
        'version = 1',
        'requires-python = ">=3.8"',
        '',
        '[[package]]',
        'name = "requests"',
        'version = "2.19.1"',
        'source = { registry = "https://pypi.org/simple" }',
        ''
      ].join('\n'),
      'pyproject.toml': '[project]\nname = "app"\ndependencies = ["requests<2.20"]\n'
    })
    try {
      const run = await runAction({ ...common, paths: 'uv.lock', fix: 'true' }, { workspace })
      expect(run.summary).toContain('`uv lock --upgrade-package requests==2.31.0`')
      expect(run.summary).toContain('first declare `requests>=2.31.0` in pyproject.toml')
      expect(run.stdout).toContain(
        'requests 2.19.1 -> 2.31.0 in uv.lock: run in .: uv lock --upgrade-package requests==2.31.0 (first declare requests>=2.31.0 in pyproject.toml)'
      )
      expect(run.outputs['fixed-count']).toBe('0')
      expect(run.outputs['fix-patch']).toBe('')
      expect(run.outputs.result).toBe('fail')
    } finally {
      await rm(workspace, { recursive: true, force: true })
    }
  }, 60_000)
})
