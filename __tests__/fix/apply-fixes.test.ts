import { afterAll, describe, expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { parseConfig } from '../../src/config/config.js'
import { runAudit } from '../../src/pipeline/run-audit.js'
import { silentLogger, type Logger } from '../../src/shared/log.js'
import { REPO_ROOT } from '../support/paths.js'

/**
 * The engine with `fix`, in process, against the demo's offline database (requests 2.19.1,
 * PyYAML 5.3, Jinja2 2.10.1 and urllib3 1.26.18 have advisories there, and clean fixes).
 */
const DEMO_DB = path.join(REPO_ROOT, 'examples', 'demo', 'advisories')
const workspaces: string[] = []
afterAll(() => workspaces.forEach(dir => rmSync(dir, { recursive: true, force: true })))

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pyaudit-fix-'))
  workspaces.push(dir)
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true })
    writeFileSync(path.join(dir, name), text)
  }
  return dir
}

function recorder(): Logger & { lines: string[] } {
  const lines: string[] = []
  return { ...silentLogger, info: line => void lines.push(line), lines }
}

async function audit(dir: string, inputs: Record<string, string>, logger: Logger = silentLogger) {
  const values: Record<string, string> = {
    'advisory-db': DEMO_DB,
    'max-db-age': '0',
    'package-checks': 'false',
    cache: 'false',
    report: 'out/report.json',
    ...inputs
  }
  const config = parseConfig(name => values[name] ?? '', { cwd: dir, env: {} }, 'cli')
  return runAudit(config, logger, { env: {} })
}

const read = (dir: string, name: string): string => readFileSync(path.join(dir, name), 'utf8')

describe('fix in the engine', () => {
  test('a pin declared in a -r include is fixed in the included file; the second audit is the one reported', async () => {
    const dir = workspace({
      'requirements.txt': '# app\n-r requirements/base.txt\nrequests==2.19.1  # http\n',
      'requirements/base.txt': 'PyYAML==5.3\nurllib3==1.26.18 ; python_version >= "3.8"\n'
    })
    const logger = recorder()
    const run = await audit(dir, { paths: 'requirements.txt', fix: 'true' }, logger)
    expect(read(dir, 'requirements.txt')).toBe(
      '# app\n-r requirements/base.txt\nrequests==2.31.0  # http\n'
    )
    expect(read(dir, 'requirements/base.txt')).toBe(
      'PyYAML==5.4\nurllib3==1.26.19 ; python_version >= "3.8"\n'
    )
    const fix = run.outcome.fix!
    expect(
      fix.fixed.map(fixed => [
        fixed.name,
        path.relative(dir, fixed.location.file),
        fixed.location.line
      ])
    ).toEqual([
      ['pyyaml', path.join('requirements', 'base.txt'), 1],
      ['urllib3', path.join('requirements', 'base.txt'), 2],
      ['requests', 'requirements.txt', 3]
    ])
    // What the run reports is the audit of the fixed files: none of the fixed pins is left.
    expect(run.outcome.packages.filter(pkg => pkg.vulnerabilities.length > 0)).toEqual([])
    expect(run.outcome.result).toBe('pass')
    expect(logger.lines).toContain(
      "Fixed requests 2.19.1 -> 2.31.0 in requirements.txt:3 ('==2.19.1' -> '==2.31.0')"
    )
    expect(run.files.fix).toBe(path.join(dir, 'out', 'pyaudit-fix.patch'))
    const patch = read(dir, 'out/pyaudit-fix.patch')
    expect(patch).toBe(fix.patch)
    expect(patch).toContain('--- a/requirements/base.txt\n+++ b/requirements/base.txt\n')
    expect(patch).toContain('-requests==2.19.1  # http\n+requests==2.31.0  # http\n')
    // The patch is one git can apply: reversed on the fixed files, it gives back the old ones.
    const git = spawnSync('git', ['apply', '--reverse', path.join('out', 'pyaudit-fix.patch')], {
      cwd: dir,
      encoding: 'utf8'
    })
    if (git.error) {
      console.warn('skipped the git apply check: no git')
      return
    }
    expect(git.stderr).toBe('')
    expect(read(dir, 'requirements/base.txt')).toBe(
      'PyYAML==5.3\nurllib3==1.26.18 ; python_version >= "3.8"\n'
    )
  })

  test('with nothing to fix no file changes and no patch is written; fixed-count is 0', async () => {
    const dir = workspace({ 'requirements.txt': 'idna==3.7\n' })
    const run = await audit(dir, { paths: 'requirements.txt', fix: 'true' })
    expect(run.outcome.fix).toMatchObject({ fixed: [], changedFiles: [], patch: '' })
    expect(run.files.fix).toBeUndefined()
    expect(read(dir, 'requirements.txt')).toBe('idna==3.7\n')
  })

  test('without fix nothing is rewritten and the outcome has no fix', async () => {
    const dir = workspace({ 'requirements.txt': 'requests==2.19.1\n' })
    const run = await audit(dir, { paths: 'requirements.txt' })
    expect(read(dir, 'requirements.txt')).toBe('requests==2.19.1\n')
    expect(run.outcome.fix).toBeUndefined()
    expect(run.outcome.result).toBe('fail')
  })

  test('pyproject.toml exact pins are fixed in place and audited again', async () => {
    const text = [
      '[project]',
      'name = "app"',
      'dependencies = [',
      '  "requests==2.19.1",  # keep this comment',
      "  'PyYAML == 5.3',",
      ']',
      '[dependency-groups]',
      'dev = ["Jinja2==2.10.1"]',
      ''
    ].join('\r\n')
    const dir = workspace({ 'pyproject.toml': text })
    const run = await audit(dir, { paths: 'pyproject.toml', fix: 'true' })
    expect(read(dir, 'pyproject.toml')).toBe(
      text.replace('2.19.1', '2.31.0').replace('5.3', '5.4').replace('2.10.1', '3.1.3')
    )
    expect(run.outcome.fix?.fixed).toHaveLength(3)
    expect(run.outcome.result).toBe('pass')
  })
})

describe('lockfiles: the command, never an edit', () => {
  const lockfiles: Record<string, string> = {
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
    'poetry.lock': [
      '[[package]]',
      'name = "requests"',
      'version = "2.19.1"',
      'description = ""',
      'optional = false',
      'python-versions = "*"',
      'files = []',
      '',
      '[metadata]',
      'lock-version = "2.0"',
      'python-versions = "^3.8"',
      'content-hash = "0"',
      ''
    ].join('\n'),
    'pdm.lock': [
      '[metadata]',
      'groups = ["default"]',
      'strategy = ["inherit_metadata"]',
      'lock_version = "4.5.0"',
      'content_hash = "sha256:0"',
      '',
      '[[package]]',
      'name = "requests"',
      'version = "2.19.1"',
      'groups = ["default"]',
      ''
    ].join('\n'),
    'pylock.toml': [
      'lock-version = "1.0"',
      'created-by = "pip"',
      '',
      '[[packages]]',
      'name = "requests"',
      'version = "2.19.1"',
      'index = "https://pypi.org/simple"',
      ''
    ].join('\n'),
    'Pipfile.lock': JSON.stringify({
      _meta: { hash: { sha256: '0' }, 'pipfile-spec': 6, requires: {}, sources: [] },
      default: { requests: { version: '==2.19.1' } },
      develop: {}
    })
  }
  const commands: Record<string, string> = {
    'uv.lock': 'uv lock --upgrade-package requests==2.31.0',
    'poetry.lock': 'poetry update requests',
    'pdm.lock': 'pdm update requests',
    'pylock.toml': 'python -m pip lock . requests==2.31.0 --output pylock.toml',
    'Pipfile.lock': 'pipenv upgrade requests==2.31.0'
  }
  const pyproject = '[project]\nname = "app"\ndependencies = ["requests>=2.0,<2.20"]\n'

  test.each(Object.keys(lockfiles))(
    '%s: the lockfile is left as it is, the command that upgrades the pin is logged and reported',
    async lockfile => {
      const dir = workspace({ [lockfile]: lockfiles[lockfile]!, 'pyproject.toml': pyproject })
      const logger = recorder()
      const run = await audit(dir, { paths: lockfile, fix: 'true' }, logger)
      expect(read(dir, lockfile)).toBe(lockfiles[lockfile])
      expect(read(dir, 'pyproject.toml')).toBe(pyproject)
      const [fix] = run.outcome.fix!.lockfiles
      expect(fix).toMatchObject({ name: 'requests', version: '2.19.1', fixVersion: '2.31.0' })
      expect(fix!.shown).toBe(commands[lockfile])
      expect(fix!.directory).toBe(dir)
      // The project's own range excludes the fix (Pipfile.lock has no pyproject.toml to read).
      const constraint = lockfile === 'Pipfile.lock' ? undefined : 'requests>=2.31.0'
      expect(fix!.constraint).toBe(constraint)
      expect(logger.lines.some(line => line.includes(commands[lockfile]!))).toBe(true)
      // Still vulnerable: the lockfile pins what it pinned until its tool runs.
      expect(run.outcome.result).toBe('fail')
      expect(run.outcome.fix!.fixed).toEqual([])
    }
  )

  test('fix: ranges widens the pyproject.toml range beside the lockfile; the lockfile still waits for its tool', async () => {
    const dir = workspace({ 'uv.lock': lockfiles['uv.lock']!, 'pyproject.toml': pyproject })
    const run = await audit(dir, { paths: 'uv.lock', fix: 'ranges' })
    expect(read(dir, 'pyproject.toml')).toBe(pyproject.replace('>=2.0,<2.20', '>=2.31.0'))
    expect(run.outcome.fix!.fixed).toMatchObject([
      { kind: 'range', name: 'requests', before: '>=2.0,<2.20', after: '>=2.31.0' }
    ])
    expect(run.outcome.fix!.lockfiles[0]).not.toHaveProperty('constraint')
    expect(read(dir, 'uv.lock')).toBe(lockfiles['uv.lock'])
  })

  test('a range that already admits the fix is left alone and said so', async () => {
    const admitting = '[project]\nname = "app"\ndependencies = ["requests>=2.0"]\n'
    const dir = workspace({ 'uv.lock': lockfiles['uv.lock']!, 'pyproject.toml': admitting })
    const run = await audit(dir, { paths: 'uv.lock', fix: 'ranges' })
    expect(read(dir, 'pyproject.toml')).toBe(admitting)
    expect(run.outcome.fix!.notes).toMatchObject([
      { kind: 'range-admits', name: 'requests', detail: "'>=2.0' admits it" }
    ])
    expect(run.outcome.fix!.lockfiles[0]!.constraint).toBeUndefined()
  })
})
