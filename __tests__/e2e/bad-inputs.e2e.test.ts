/**
 * Malformed and hostile inputs, in every format the tool reads: each must fail with one of
 * our typed errors, a message naming the file (or input) without a stack trace, and fast.
 * Small inputs are committed under fixtures/bad/ (see its README.md); large ones are
 * generated here into a temporary workspace.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import * as fs from 'node:fs/promises'
import * as os from 'node:os'
import * as path from 'node:path'
import { parseConfig } from '../../src/config/config.js'
import { describeError } from '../../src/shared/describe-error.js'
import { runAudit } from '../../src/pipeline/run-audit.js'
import { FeedError, InputError, ParseError, PyauditError } from '../../src/shared/errors.js'
import { silentLogger } from '../../src/shared/log.js'
import { makeWorkspace, runAction } from '../support/run-action.js'
import { TESTS_DIR } from '../support/paths.js'

const badDir = path.resolve(TESTS_DIR, 'fixtures', 'bad')
const fixtureDb = path.resolve(TESTS_DIR, 'fixtures', 'e2e-db')
const SECRET = 'abc123verysecret'
// One second is the target; the machine is shared, so allow twice that under load.
const TIME_LIMIT_MS = 2000

type ErrorType = typeof ParseError | typeof InputError | typeof FeedError

interface Case {
  name: string
  /** Workspace files: target name -> committed fixture name under fixtures/bad/. */
  fixtures?: Record<string, string>
  /** Workspace files generated here (too large, or needing bytes built at run time). */
  generate?: () => Record<string, string | Buffer>
  /** The `paths` input (relative to the working directory). */
  paths?: string
  inputs?: Record<string, string>
  type: ErrorType
  /** Text the message must contain: the file name or the input name. */
  mentions: string
  /** The line a ParseError must point at, when the format has lines. */
  line?: number
  /** A known bug makes this case fail today (test.failing); says which. */
  bug?: string
}

const timings: Array<[string, number]> = []
let root: string

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'pyaudit-bad-'))
})
afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true })
  const slowest = [...timings].sort((a, b) => b[1] - a[1]).slice(0, 3)
  console.log(
    `bad inputs: ${timings.length} cases; slowest: ${slowest
      .map(([name, ms]) => `${name} ${ms.toFixed(0)} ms`)
      .join(', ')}`
  )
})

/** A workspace with a `work/` working directory; its parent holds files "outside" it. */
async function prepare(c: Case): Promise<string> {
  const base = await fs.mkdtemp(path.join(root, 'case-'))
  const work = path.join(base, 'work')
  await fs.mkdir(work)
  for (const [target, fixture] of Object.entries(c.fixtures ?? {})) {
    await fs.mkdir(path.dirname(path.join(work, target)), { recursive: true })
    await fs.copyFile(path.join(badDir, fixture), path.join(work, target))
  }
  for (const [target, content] of Object.entries(c.generate?.() ?? {})) {
    await fs.mkdir(path.dirname(path.join(work, target)), { recursive: true })
    await fs.writeFile(path.join(work, target), content)
  }
  return work
}

async function audit(work: string, inputs: Record<string, string>): Promise<void> {
  const values = new Map(Object.entries({ 'advisory-db': fixtureDb, 'max-db-age': '0', ...inputs }))
  const config = parseConfig(name => values.get(name) ?? '', { cwd: work, env: {} }, 'cli')
  await runAudit(config, silentLogger, { env: process.env })
}

/** Runs the case and returns the error and the message a user would see. */
async function expectCleanFailure(c: Case): Promise<{ error: PyauditError; message: string }> {
  const work = await prepare(c)
  const inputs = { ...(c.paths ? { paths: c.paths } : {}), ...c.inputs }
  const started = performance.now()
  let caught: unknown
  try {
    await audit(work, inputs)
  } catch (error) {
    caught = error
  }
  const elapsed = performance.now() - started
  timings.push([c.name, elapsed])
  const message = describeError(caught)
  // The message first, so a failure shows what the user would have seen.
  expect({ message, isTyped: caught instanceof c.type }).toEqual({ message, isTyped: true })
  expect(caught).toBeInstanceOf(PyauditError)
  expect(message).toContain(c.mentions)
  expect(message.startsWith('Unexpected error')).toBe(false)
  expect(message).not.toMatch(/\n\s+at /)
  expect(message).not.toMatch(/\bat .*\.(ts|js):\d+:\d+/)
  // An excerpt at most, never the whole of a hostile line.
  expect(message.length).toBeLessThan(1000)
  if (caught instanceof ParseError) expect(caught.position.file).toContain(c.mentions)
  if (caught instanceof ParseError && c.line !== undefined)
    expect(caught.position.line).toBe(c.line)
  if (caught instanceof InputError) expect(caught.input).toBe(c.mentions)
  expect(elapsed).toBeLessThan(TIME_LIMIT_MS)
  return { error: caught as PyauditError, message }
}

const req = (name: string, fixture: string, line?: number, extra: Partial<Case> = {}): Case => ({
  name,
  fixtures: { 'requirements.txt': fixture },
  paths: 'requirements.txt',
  type: ParseError,
  mentions: 'requirements.txt',
  ...(line !== undefined ? { line } : {}),
  ...extra
})

const lock = (
  name: string,
  target: string,
  fixture: string,
  line?: number,
  extra: Partial<Case> = {}
): Case => ({
  name,
  fixtures: { [target]: fixture },
  paths: target,
  type: ParseError,
  mentions: target,
  ...(line !== undefined ? { line } : {}),
  ...extra
})

const generated = (
  name: string,
  target: string,
  content: () => string | Buffer,
  extra: Partial<Case> = {}
): Case => ({
  name,
  generate: () => ({ [target]: content() }),
  paths: target,
  type: ParseError,
  mentions: target,
  ...extra
})

const deep = (depth: number, open: string, close: string, inner = ''): string =>
  open.repeat(depth) + inner + close.repeat(depth)

const requirementsCases: Case[] = [
  req('requirement with a syntax error', 'req-bad-syntax.txt', 2),
  req('marker with an unknown operator', 'req-bad-marker.txt', 1),
  req('marker with an unknown variable', 'req-unknown-marker-variable.txt', 1),
  req('unknown option', 'req-unknown-option.txt', 2),
  req('unclosed extras bracket', 'req-unclosed-extras.txt', 1),
  req('empty version after ==', 'req-missing-version.txt', 1),
  req('direct reference without a URL', 'req-bad-url.txt', 1),
  req('--hash without a value', 'req-bad-hash.txt', 1),
  req('--index-url without a value', 'req-bad-option-value.txt', 1),
  req('CRLF line endings, error on line 3', 'req-crlf-bad-line.txt', 3),
  req('UTF-8 BOM, error on line 2', 'req-bom-bad-line.txt', 2),
  req('Latin-1 bytes (not UTF-8)', 'req-latin1.txt'),
  req('NUL bytes', 'req-nul-bytes.txt'),
  req('UTF-16 with a BOM, error on line 2', 'req-utf16.txt'),
  req('binary data', 'req-binary.txt'),
  {
    name: 'include loop',
    fixtures: {
      'req-include-loop-a.txt': 'req-include-loop-a.txt',
      'req-include-loop-b.txt': 'req-include-loop-b.txt'
    },
    paths: 'req-include-loop-a.txt',
    type: ParseError,
    mentions: 'req-include-loop-',
    line: 1
  },
  req('include of a missing file', 'req-include-missing.txt', 2),
  generated('a 1 MB line', 'requirements.txt', () => `flask >= = ${'x'.repeat(1 << 20)}\n`, {
    line: 1
  }),
  generated(
    '100,000 unbalanced parentheses in a marker',
    'requirements.txt',
    () => `requests==2.31.0 ; ${'('.repeat(100_000)}python_version == "3"${')'.repeat(99_999)}\n`,
    { line: 1 }
  ),
  generated(
    '100,000 nested parentheses in a marker',
    'requirements.txt',
    () => `requests==2.31.0 ; ${deep(100_000, '(', ')', 'python_version >>> "3"')}\n`,
    { line: 1 }
  ),
  generated(
    '100,000 nested brackets in extras',
    'requirements.txt',
    () => `requests${'['.repeat(100_000)}==2.31.0\n`
  ),
  generated('a file that includes itself', 'requirements.txt', () => '-r requirements.txt\n', {
    // Including itself is the shortest loop there is.
    line: 1
  })
]

const pyprojectCases: Case[] = [
  lock('broken TOML', 'pyproject.toml', 'pyproject-broken.toml', 1),
  lock('dependencies is a string', 'pyproject.toml', 'pyproject-deps-string.toml'),
  lock('a dependency is an integer', 'pyproject.toml', 'pyproject-deps-int.toml'),
  lock('[project] is a string', 'pyproject.toml', 'pyproject-project-string.toml'),
  lock('a dependency is not PEP 508', 'pyproject.toml', 'pyproject-bad-pep508.toml'),
  lock('include-group cycle', 'pyproject.toml', 'pyproject-include-group-cycle.toml'),
  lock(
    'include-group of a missing group',
    'pyproject.toml',
    'pyproject-include-group-missing.toml'
  ),
  lock('duplicate key', 'pyproject.toml', 'pyproject-duplicate-key.toml', 3),
  generated(
    '100,000 nested arrays',
    'pyproject.toml',
    () => `[project]\nname = "demo"\nversion = "1"\ndependencies = ${deep(100_000, '[', ']')}\n`
  )
]

const lockfileCases: Case[] = [
  lock('poetry.lock: broken TOML', 'poetry.lock', 'poetry-broken.lock', 3),
  lock('poetry.lock: missing version', 'poetry.lock', 'poetry-missing-version.lock'),
  lock('poetry.lock: version is an integer', 'poetry.lock', 'poetry-version-int.lock'),
  lock('poetry.lock: package is a string', 'poetry.lock', 'poetry-package-string.lock'),
  lock('poetry.lock: unknown lock-version', 'poetry.lock', 'poetry-unknown-lock-version.lock'),
  lock('poetry.lock: binary data', 'poetry.lock', 'poetry-binary.lock'),
  generated(
    'poetry.lock: 100,000 nested tables',
    'poetry.lock',
    () => `[[package]]\nname = "a"\nversion = "1"\nx = ${deep(100_000, '{a = ', '}', '1')}\n`
  ),
  lock('uv.lock: broken TOML', 'uv.lock', 'uv-broken.lock', 2),
  lock('uv.lock: unknown version', 'uv.lock', 'uv-unknown-version.lock'),
  lock('uv.lock: name is an integer', 'uv.lock', 'uv-name-int.lock'),
  lock('uv.lock: package is a table, not an array', 'uv.lock', 'uv-package-table.lock'),
  generated(
    'uv.lock: 100,000 nested arrays as a version',
    'uv.lock',
    () =>
      `version = 1\n\n[[package]]\nname = "a"\nversion = ${deep(100_000, '[', ']')}\nsource = { registry = "https://pypi.org/simple" }\n`
  ),
  lock('pdm.lock: broken TOML', 'pdm.lock', 'pdm-broken.lock', 2),
  lock('pdm.lock: missing version', 'pdm.lock', 'pdm-missing-version.lock'),
  lock('pdm.lock: unknown lock_version', 'pdm.lock', 'pdm-unknown-lock-version.lock'),
  lock('pdm.lock: groups is a string', 'pdm.lock', 'pdm-groups-string.lock'),
  lock('pylock.toml: broken TOML', 'pylock.toml', 'pylock-broken.toml', 2),
  lock('pylock.toml: missing lock-version', 'pylock.toml', 'pylock-missing-lock-version.toml'),
  lock('pylock.toml: unknown lock-version', 'pylock.toml', 'pylock-unknown-lock-version.toml'),
  lock('pylock.toml: packages is a string', 'pylock.toml', 'pylock-packages-string.toml'),
  lock('pylock.toml: version is an array', 'pylock.toml', 'pylock-version-array.toml'),
  lock('Pipfile.lock: broken JSON', 'Pipfile.lock', 'pipfile-broken.json', 1),
  lock('Pipfile.lock: truncated', 'Pipfile.lock', 'pipfile-truncated.json'),
  lock('Pipfile.lock: default is a list', 'Pipfile.lock', 'pipfile-default-list.json'),
  lock('Pipfile.lock: version is a number', 'Pipfile.lock', 'pipfile-version-number.json'),
  lock('Pipfile.lock: top level is an array', 'Pipfile.lock', 'pipfile-top-level-array.json'),
  lock('Pipfile.lock: binary data', 'Pipfile.lock', 'pipfile-binary.json'),
  generated(
    'Pipfile.lock: 100,000 nested arrays',
    'Pipfile.lock',
    () => `{"_meta": {}, "default": ${deep(100_000, '[', ']')}}`
  ),
  generated(
    'Pipfile.lock: 100,000 nested objects in a package',
    'Pipfile.lock',
    () => `{"_meta": {}, "default": {"requests": ${deep(100_000, '{"a":', '}', '1')}}}`
  )
]

const db = (name: string, fixtures: Record<string, string>, advisoryDb: string): Case => ({
  name,
  fixtures: { 'requirements.txt': 'req-good.txt', ...fixtures },
  paths: 'requirements.txt',
  inputs: { 'advisory-db': advisoryDb },
  type: ParseError,
  mentions: path.basename(advisoryDb)
})

const databaseCases: Case[] = [
  db('malformed JSON record', { 'db/PYSEC-0000-1.json': 'db-malformed-record.json' }, 'db'),
  db('record with wrong types', { 'db/PYSEC-0000-2.json': 'db-wrong-types-record.json' }, 'db'),
  db('a zip that is not a zip', { 'all.zip': 'db-not-a-zip.zip' }, 'all.zip'),
  db('a zip cut off after 300 bytes', { 'all.zip': 'db-truncated.zip' }, 'all.zip'),
  db('a zip bomb (9 MB of spaces in one member)', { 'all.zip': 'db-zip-bomb.zip' }, 'all.zip'),
  db('a zip bomb that declares 100 bytes', { 'all.zip': 'db-zip-bomb-lying.zip' }, 'all.zip')
]

const input = (name: string, value: string): Case => ({
  name: `${name} = ${JSON.stringify(value)}`,
  fixtures: { 'requirements.txt': 'req-good.txt' },
  paths: 'requirements.txt',
  inputs: { [name]: value },
  type: InputError,
  mentions: name
})

/** Dependency-Track inputs are only read once a server is configured. */
const dependencyTrack = (name: string, value: string): Case => {
  const c = input(name, value)
  return {
    ...c,
    inputs: {
      'dependency-track-url': 'https://dt.example',
      'dependency-track-api-key': 'key',
      'dependency-track-project': 'demo',
      ...c.inputs
    }
  }
}

const inputCases: Case[] = [
  input('vulnerability-service', 'nvd'),
  input('resolve', 'maybe'),
  input('strict', 'yes please'),
  input('cache', 'perhaps'),
  input('fail-on-vulnerability', '1'),
  input('fail-on-unknown-severity', 'on'),
  input('fail-on-license', 'nah'),
  input('upload-artifact', 'sure'),
  input('license-partial-match', 'kind of'),
  input('license-fail-on-unknown', '2'),
  dependencyTrack('dependency-track-auto-create', 'ok'),
  dependencyTrack('dependency-track-wait', 'later'),
  input('fail-on-severity', 'catastrophic'),
  input('max-db-age', 'a fortnight'),
  input('osv-url', 'ftp://api.osv.dev'),
  input('pypi-url', 'not a url'),
  input('index-url', 'file:///etc/passwd'),
  input('extra-index-url', 'javascript:alert(1)'),
  input('python-version', 'three'),
  input('license-source', 'the internet'),
  input('license-from', 'hearsay'),
  input('comment', 'sometimes'),
  input('retention-days', 'forever'),
  input('artifact-name', 'a/b:c'),
  dependencyTrack('dependency-track-url', 'gopher://dt'),
  dependencyTrack('dependency-track-wait-timeout', 'soon'),
  input('license-ignore-packages', '==1.0'),
  input('ignore-vulns', 'not an id!'),
  {
    ...input('paths', 'does-not-exist.txt'),
    paths: 'does-not-exist.txt'
  },
  {
    ...input('working-directory', 'no/such/dir'),
    paths: '',
    type: InputError,
    mentions: 'working-directory'
  },
  input('config', 'missing.toml'),
  dependencyTrack('dependency-track-project-uuid', 'not-a-uuid'),
  { ...input('advisory-db', 'no-such-db'), type: FeedError, mentions: 'no-such-db' }
]

/** Cases with a known bug run as test.failing, so fixing the bug turns them red. */
function runCases(cases: Case[]): void {
  const working = cases.filter(c => c.bug === undefined)
  const broken = cases.filter(c => c.bug !== undefined)
  if (working.length > 0)
    test.each(working.map(c => [c.name, c] as const))('%s', async (_, c) => {
      await expectCleanFailure(c)
    })
  if (broken.length > 0)
    test.failing.each(broken.map(c => [`${c.name} (bug: ${c.bug})`, c] as const))(
      '%s',
      async (_, c) => {
        await expectCleanFailure(c)
      }
    )
}

describe('requirements files', () => {
  runCases(requirementsCases)
})

describe('pyproject.toml', () => {
  runCases(pyprojectCases)
})

describe('lockfiles', () => {
  runCases(lockfileCases)
})

describe('offline advisory database', () => {
  runCases(databaseCases)
})

describe('action inputs', () => {
  runCases(inputCases)
})

describe('files too large to be real', () => {
  // A sparse file: 200 MiB on paper, nothing on disk. A lockfile "with ten million packages"
  // would be hundreds of MiB; it is refused before a byte is read.
  test.each(['poetry.lock', 'requirements.txt', 'Pipfile.lock'])(
    '%s over the size limit is refused at once',
    async name => {
      const work = await prepare({ ...req('huge', 'req-good.txt'), fixtures: {} })
      const handle = await fs.open(path.join(work, name), 'w')
      await handle.truncate(200 * 1024 * 1024)
      await handle.close()
      const started = performance.now()
      const caught = await audit(work, { paths: name }).catch((e: unknown) => e)
      expect(performance.now() - started).toBeLessThan(1000)
      expect(caught).toBeInstanceOf(ParseError)
      expect(describeError(caught)).toMatch(
        new RegExp(`^${name.replace('.', '\\.')}: .*200 MiB, over the 16 MiB limit`)
      )
    }
  )
})

describe('files outside the working directory', () => {
  // A symlink out of the repository is refused before the file is read, so nothing of it can be
  // quoted (a ParseError quotes up to 40 characters of a bad line).
  test('a requirements file that is a symlink to a secret outside the repository is refused unread', async () => {
    const c = req('symlink to a secret', 'req-good.txt')
    const work = await prepare({ ...c, fixtures: {} })
    const secretFile = path.join(path.dirname(work), 'secret.env')
    await fs.writeFile(secretFile, `AWS_SECRET_ACCESS_KEY=${SECRET}\nOTHER=${SECRET}2\n`)
    await fs.symlink(secretFile, path.join(work, 'requirements.txt'))
    const started = performance.now()
    const caught = await audit(work, { paths: 'requirements.txt' }).catch((e: unknown) => e)
    timings.push([c.name, performance.now() - started])
    const message = describeError(caught)
    expect({ message, isParseError: caught instanceof ParseError }).toEqual({
      message,
      isParseError: true
    })
    expect(message).toContain('requirements.txt')
    expect(message).not.toContain(SECRET)
  })

  // pip would follow `-r ../x` anywhere; here an include that leaves the repository is refused unread.
  test('an include through .. outside the repository is refused unread', async () => {
    const work = await prepare({ ...req('escape', 'req-include-escape.txt') })
    await fs.writeFile(
      path.join(path.dirname(work), 'outside-requirements.txt'),
      `AWS_SECRET_ACCESS_KEY=${SECRET}\n`
    )
    const caught = await audit(work, { paths: 'requirements.txt' }).catch((e: unknown) => e)
    const message = describeError(caught)
    expect({ message, isParseError: caught instanceof ParseError }).toEqual({
      message,
      isParseError: true
    })
    expect(message).toContain('outside-requirements.txt')
    expect(message).not.toContain(SECRET)
  })
})

describe('through the real process', () => {
  const cases: Array<[string, string, string]> = [
    ['requirements.txt', 'req-bad-syntax.txt', 'requirements.txt'],
    ['poetry.lock', 'poetry-missing-version.lock', 'poetry.lock'],
    ['Pipfile.lock', 'pipfile-truncated.json', 'Pipfile.lock']
  ]
  test.each(cases)(
    '%s from %s fails with an ::error:: naming it',
    async (target, fixture) => {
      const content = await fs.readFile(path.join(badDir, fixture), 'utf8')
      const workspace = await makeWorkspace({ [target]: content })
      try {
        const run = await runAction(
          {
            paths: target,
            'advisory-db': fixtureDb,
            'max-db-age': '0',
            'upload-artifact': 'false'
          },
          { workspace }
        )
        const output = run.stdout + run.stderr
        expect(run.exitCode).toBe(1)
        const errors = output.split('\n').filter(line => line.startsWith('::error'))
        expect(errors.some(line => line.includes(target))).toBe(true)
        expect(output).not.toMatch(/^ {4}at /m)
      } finally {
        await fs.rm(workspace, { recursive: true, force: true })
      }
    },
    30_000
  )
})
