import { afterAll, describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import { spawnSync } from 'node:child_process'
import { mkdtemp, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { ParseError } from '../../src/shared/errors.js'
import { markerEnvironmentFor } from '../../src/deps/markers.js'
import {
  parseRequirementsFile,
  requirementsToSource,
  type ParsedRequirementsFile
} from '../../src/deps/requirements.js'
import {
  OptionError,
  parseLineOptions,
  splitRequirementLine
} from '../../src/deps/requirements-options.js'
import { logicalLines } from '../../src/deps/requirements-text.js'
import { TESTS_DIR } from '../support/paths.js'

const here = TESTS_DIR
const fixtures = path.join(here, 'fixtures', 'requirements')
const fixture = (name: string): string => path.join(fixtures, name)

const temporaryDirectories: string[] = []
afterAll(async () => {
  await Promise.all(temporaryDirectories.map(dir => rm(dir, { recursive: true, force: true })))
})

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'pyaudit-req-'))
  temporaryDirectories.push(dir)
  return dir
}

interface ParseSettings {
  python?: string
  displayPath?: (file: string) => string
}

function parse(file: string, settings: ParseSettings = {}): Promise<ParsedRequirementsFile> {
  return parseRequirementsFile(file, {
    markerEnvironment: markerEnvironmentFor(settings.python ?? '3.12'),
    ...(settings.displayPath && { displayPath: settings.displayPath })
  })
}

/** Writes `files` (the first is the root) into a fresh directory and parses the root. */
async function parseFiles(
  files: Record<string, string | Uint8Array>,
  settings: ParseSettings = {}
): Promise<{ parsed: ParsedRequirementsFile; dir: string }> {
  const dir = await tempDir()
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true })
    await writeFile(path.join(dir, name), content)
  }
  const root = path.join(dir, Object.keys(files)[0]!)
  const displayPath = settings.displayPath ?? ((file: string) => path.relative(dir, file))
  return { parsed: await parse(root, { ...settings, displayPath }), dir }
}

async function parseText(
  text: string | Uint8Array,
  settings: ParseSettings = {}
): Promise<ParsedRequirementsFile> {
  return (await parseFiles({ 'requirements.txt': text }, settings)).parsed
}

async function failure(
  promise: Promise<unknown>
): Promise<{ position: ParseError['position']; detail: string }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(ParseError)
  const { position, detail } = error as ParseError
  return { position, detail }
}

/** [line, raw] of each logical requirement line, with flags only where they are set. */
function summary(parsed: ParsedRequirementsFile): Array<[number, string, ...string[]]> {
  return parsed.lines.map(line => [
    line.location.line,
    line.raw,
    ...(line.editable ? ['editable'] : []),
    ...(line.constraint ? ['constraint'] : []),
    ...(line.markerApplies ? [] : ['marker false']),
    ...line.hashes
  ])
}

function audited(parsed: ParsedRequirementsFile): string[] {
  return requirementsToSource(parsed, 'root').dependencies.map(
    d => `${d.name}==${d.version} @${path.basename(d.location.file)}:${d.location.line}`
  )
}

function skips(parsed: ParsedRequirementsFile): string[] {
  return requirementsToSource(parsed, 'root').skipped.map(
    s => `${s.name}${s.version ? `==${s.version}` : ''} @${s.location.line}: ${s.reason}`
  )
}

const UNPINNED = 'not pinned to an exact version (use ==, a lockfile, or resolve: pip)'
const URL_REASON =
  'URL requirement: installed from a URL, not a released version on an index, so it cannot be matched to advisories'
const VCS_REASON =
  'VCS requirement: installed from a version-control checkout, not a released version, so it cannot be matched to advisories'
const PATH_REASON =
  'local path requirement: installed from a local file or directory, not a released version, so it cannot be matched to advisories'
const VARIABLE_REASON = (names: string): string =>
  `not expanded: ${names}, which pip expands when it installs, but the audit never reads the environment (it holds secrets), so what this line installs is unknown and cannot be matched to advisories (write the value out, or audit a lockfile)`
const EDITABLE_REASON =
  'installed from a local or VCS checkout, not a released version, so it cannot be matched to advisories'

describe('realistic files', () => {
  test('pip-compile output with hashes, continuations, markers and index options', async () => {
    const file = fixture('compiled/requirements.txt')
    const parsed = await parse(file)
    const hash = (digit: string, algorithm = 'sha256'): string =>
      `${algorithm}:${digit.repeat(algorithm === 'sha256' ? 64 : 128)}`
    expect(summary(parsed)).toEqual([
      [13, 'certifi==2024.2.2', hash('1'), hash('2')],
      [17, 'charset-normalizer==3.3.2', hash('3')],
      [20, 'idna==3.6', hash('4')],
      [23, 'jinja2==3.1.3', hash('5', 'sha512')],
      [26, 'markupsafe==2.1.5', hash('6')],
      [29, 'requests[socks]==2.31.0', hash('7')],
      [32, 'pysocks==1.7.1', hash('8')],
      [35, 'tomli==2.0.1 ; python_version < "3.11"', 'marker false', hash('9')],
      [38, 'urllib3==2.2.1', hash('a')]
    ])
    expect(parsed.options).toEqual({
      indexUrl: 'https://pypi.org/simple',
      extraIndexUrls: ['https://download.example.com/simple'],
      findLinks: [],
      other: ['--trusted-host=download.example.com']
    })
    expect(parsed.files).toEqual([file])
    expect(parsed.lines[5]!.requirement).toEqual({
      name: 'requests',
      normalizedName: 'requests',
      extras: ['socks'],
      specifier: '==2.31.0'
    })

    const source = requirementsToSource(parsed, file)
    expect(source).toMatchObject({ file, format: 'requirements', skipped: [] })
    expect(source.dependencies[0]).toEqual({
      name: 'certifi',
      version: '2024.2.2',
      location: { file, line: 13 },
      format: 'requirements'
    })
    expect(audited(parsed)).toEqual([
      'certifi==2024.2.2 @requirements.txt:13',
      'charset-normalizer==3.3.2 @requirements.txt:17',
      'idna==3.6 @requirements.txt:20',
      'jinja2==3.1.3 @requirements.txt:23',
      'markupsafe==2.1.5 @requirements.txt:26',
      'requests==2.31.0 @requirements.txt:29',
      'pysocks==1.7.1 @requirements.txt:32',
      'urllib3==2.2.1 @requirements.txt:38'
    ])
    // On Python 3.10 the tomli marker holds.
    expect(audited(await parse(file, { python: '3.10' }))).toContain(
      'tomli==2.0.1 @requirements.txt:35'
    )
  })

  test('pip freeze output with an editable VCS checkout and a direct file reference', async () => {
    const parsed = await parse(fixture('freeze/requirements.txt'))
    expect(audited(parsed)).toEqual([
      'attrs==23.2.0 @requirements.txt:1',
      'django==4.2.11 @requirements.txt:3',
      'pyyaml==6.0.1 @requirements.txt:5',
      'sqlparse==0.4.4 @requirements.txt:6',
      'typing-extensions==4.10.0 @requirements.txt:7',
      'zope-interface==6.2 @requirements.txt:8'
    ])
    expect(skips(parsed)).toEqual([
      "mylib @2: editable requirement (-e 'git+https://github.com/example/mylib.git@4f2b1c9e8d7a6b5c4d3...'): " +
        EDITABLE_REASON,
      `localpkg @4: ${PATH_REASON}`
    ])
    expect(parsed.lines[1]!.editable).toBe(true)
    expect(parsed.lines[1]!.requirement).toBeUndefined()
  })

  test('unpinned, wildcard, arbitrary-equality, marker, URL, VCS, path and editable lines', async () => {
    const file = fixture('mixed.txt')
    const parsed = await parse(file)
    expect(parsed.options).toEqual({
      extraIndexUrls: [],
      findLinks: ['./wheels'],
      other: ['--only-binary=:all:', '--no-binary=psycopg2', '--pre']
    })
    expect(summary(parsed)).toEqual([
      [6, 'requests>=2.28'],
      [7, 'flask'],
      [8, 'numpy==1.*'],
      [9, 'legacy-thing===1.0-custom'],
      [10, 'Pillow == 10.2.0'],
      [11, 'uvicorn[standard] (==0.27.1)'],
      [12, 'colorama==0.4.6; sys_platform == "win32"', 'marker false'],
      [13, 'pywin32==306 ; platform_system == "Windows"', 'marker false'],
      [14, 'backports.zoneinfo==0.2.1; python_version < "3.9"', 'marker false'],
      [
        15,
        'exceptiongroup==1.2.0; python_version < "3.13" and (os_name == "posix" or os_name == "nt")'
      ],
      [16, 'pip @ https://github.com/pypa/pip/archive/22.0.2.zip'],
      [
        17,
        'https://files.example.com/packages/simplejson-3.19.2-cp312-cp312-manylinux_2_17_x86_64.whl'
      ],
      [18, 'git+https://github.com/example/tool.git@v1.2#egg=tool'],
      [19, './vendor/somepkg'],
      [20, './editable_pkg', 'editable'],
      [21, 'internal-lib==${INTERNAL_LIB_VERSION}'],
      [22, 'https://example.com/path#with-hash-fragment-not-a-comment']
    ])
    expect(audited(parsed)).toEqual([
      'legacy-thing==1.0-custom @mixed.txt:9',
      'pillow==10.2.0 @mixed.txt:10',
      'uvicorn==0.27.1 @mixed.txt:11',
      'exceptiongroup==1.2.0 @mixed.txt:15'
    ])
    expect(skips(parsed)).toEqual([
      `requests @6: '>=2.28' is ${UNPINNED}`,
      `flask @7: no version given: ${UNPINNED}`,
      `numpy @8: '==1.*' is ${UNPINNED}`,
      `pip @16: ${URL_REASON}`,
      `simplejson==3.19.2 @17: ${URL_REASON}`,
      `tool @18: ${VCS_REASON}`,
      `./vendor/somepkg @19: ${PATH_REASON}`,
      `./editable_pkg @20: editable requirement (-e './editable_pkg'): ${EDITABLE_REASON}`,
      `internal-lib @21: ${VARIABLE_REASON('${INTERNAL_LIB_VERSION} is an environment variable')}`,
      `https://example.com/path#with-hash-fragment-not-a-comment @22: ${URL_REASON}`
    ])
  })
})

describe('includes and constraints', () => {
  test('nested -r, --requirement= and -c, relative to the including file', async () => {
    const root = fixture('includes/base.txt')
    const parsed = await parse(root)
    const where = (line: ParsedRequirementsFile['lines'][number]): string =>
      `${path.relative(fixtures, line.location.file)}:${line.location.line}`
    expect(parsed.lines.map(line => [where(line), line.raw, line.constraint])).toEqual([
      ['includes/common.txt:1', 'six==1.16.0', false],
      ['includes/sub/shared.txt:1', 'packaging==23.2', false],
      ['includes/sub/dev.txt:1', 'pytest==8.0.2', false],
      // shared.txt again from dev.txt: already read, it adds nothing.
      ['includes/constraints.txt:1', 'django==4.2.11', true],
      ['includes/constraints.txt:2', 'celery==5.3.5', true],
      ['includes/constraints.txt:3', 'redis==5.0.1', true],
      ['includes/base.txt:5', 'django', false],
      ['includes/base.txt:6', 'celery==5.3.6', false]
    ])
    expect(parsed.files.map(file => path.relative(fixtures, file))).toEqual([
      'includes/base.txt',
      'includes/common.txt',
      'includes/sub/shared.txt',
      'includes/sub/dev.txt',
      'includes/constraints.txt'
    ])
    // Constraints are not audited; the unpinned django gets the constrained version (what pip
    // installs), located where that version is written. celery's own pin wins over the constraint.
    expect(audited(parsed)).toEqual([
      'six==1.16.0 @common.txt:1',
      'packaging==23.2 @shared.txt:1',
      'pytest==8.0.2 @dev.txt:1',
      'django==4.2.11 @constraints.txt:1',
      'celery==5.3.6 @base.txt:6'
    ])
    expect(skips(parsed)).toEqual([])
  })

  test('a constraint pins unpinned requirements only when it applies and names a version', async () => {
    const { parsed } = await parseFiles({
      'requirements.txt': '-c c.txt\ndjango\nDjango[bcrypt]>=4\nflask\nrequests\nattrs\n',
      'c.txt': [
        'django==4.2.11',
        'flask==3.0.0 ; sys_platform == "win32"',
        'requests>=2',
        'attrs @ https://example.com/attrs-23.2.0-py3-none-any.whl'
      ].join('\n')
    })
    expect(audited(parsed)).toEqual(['django==4.2.11 @c.txt:1'])
    expect(skips(parsed)).toEqual([
      `flask @4: no version given: ${UNPINNED}`,
      `requests @5: no version given: ${UNPINNED}`,
      `attrs @6: no version given: ${UNPINNED}`
    ])
  })

  test('a loop is reported at the including line and not followed', async () => {
    const { position, detail } = await failure(
      parse(fixture('loop/a.txt'), { displayPath: file => path.relative(fixtures, file) })
    )
    expect(position).toEqual({ file: 'loop/b.txt', line: 2, column: 1 })
    expect(detail).toBe(
      'requirements files include each other in a loop (loop/a.txt -> loop/b.txt -> loop/a.txt); not followed'
    )
  })

  test('a loop through a symbolic link is caught too', async () => {
    const dir = await tempDir()
    await writeFile(path.join(dir, 'a.txt'), 'x==1\n-r link.txt\n')
    await symlink(path.join(dir, 'a.txt'), path.join(dir, 'link.txt'))
    const { position, detail } = await failure(parse(path.join(dir, 'a.txt')))
    expect(position).toEqual({ file: path.join(dir, 'a.txt'), line: 2, column: 1 })
    expect(detail).toContain('include each other in a loop')
  })

  test('a missing include is an error at the including line and column', async () => {
    const { position, detail } = await failure(
      parseFiles({ 'requirements.txt': 'six==1.16.0\nfoo==1  \n   -r   missing.txt\n' }).then(
        r => r.parsed
      )
    )
    expect(position).toEqual({ file: 'requirements.txt', line: 3, column: 4 })
    expect(detail).toBe("cannot read the included file 'missing.txt': no such file")
  })

  test.each([
    ['-r other.txt'],
    ['-rother.txt'],
    ['--requirement other.txt'],
    ['--requirement=other.txt'],
    ['--requirem=other.txt'],
    ['-r "other.txt"']
  ])('includes with %s', async line => {
    const { parsed } = await parseFiles({
      'requirements.txt': `${line}\n`,
      'other.txt': 'six==1.16.0\n'
    })
    expect(summary(parsed)).toEqual([[1, 'six==1.16.0']])
  })

  test("'-r=FILE' names the file '=FILE', as pip's option parser reads it", async () => {
    const withEqualsName = await parseFiles({
      'requirements.txt': '-r=other.txt\n',
      '=other.txt': 'six==1.16.0\n'
    })
    expect(summary(withEqualsName.parsed)).toEqual([[1, 'six==1.16.0']])
    const { position, detail } = await failure(
      parseFiles({ 'requirements.txt': '-r=other.txt\n', 'other.txt': 'six==1.16.0\n' })
    )
    expect(position).toEqual({ file: 'requirements.txt', line: 1, column: 1 })
    expect(detail).toBe("cannot read the included file '=other.txt': no such file")
  })

  test('only the first include of a line is followed, and none on a requirement line, as in pip', async () => {
    const { parsed } = await parseFiles({
      'requirements.txt':
        '-r a.txt -r b.txt -c c.txt\nsix==1.16.0 -r b.txt --index-url https://ignored.example\n',
      'a.txt': 'a==1\n',
      'b.txt': 'b==1\n',
      'c.txt': 'c==1\n'
    })
    expect(summary(parsed)).toEqual([
      [1, 'a==1'],
      [2, 'six==1.16.0']
    ])
    expect(parsed.files.map(file => path.basename(file))).toEqual(['requirements.txt', 'a.txt'])
    expect(parsed.options.indexUrl).toBeUndefined()
  })

  test('-r inside a constraints file includes requirements, not constraints (pip does the same)', async () => {
    const { parsed } = await parseFiles({
      'requirements.txt': '-c constraints.txt\n',
      'constraints.txt': 'a==1\n-r more.txt\n',
      'more.txt': 'b==2\n'
    })
    expect(summary(parsed)).toEqual([
      [1, 'a==1', 'constraint'],
      [1, 'b==2']
    ])
  })

  test('file: URLs are local includes; remote ones are refused', async () => {
    const dir = await tempDir()
    await writeFile(path.join(dir, 'other.txt'), 'six==1.16.0\n')
    await writeFile(
      path.join(dir, 'requirements.txt'),
      `-r file://${path.join(dir, 'other.txt')}\n`
    )
    expect(summary(await parse(path.join(dir, 'requirements.txt')))).toEqual([[1, 'six==1.16.0']])

    const { position, detail } = await failure(
      parseFiles({ 'requirements.txt': 'six==1\n-c https://example.com/constraints.txt\n' })
    )
    expect(position).toEqual({ file: 'requirements.txt', line: 2, column: 1 })
    expect(detail).toBe(
      "remote requirements file 'https://example.com/constraints.txt' is not supported: download it and list the local copy"
    )
  })

  test('includes nested more than 64 deep are refused', async () => {
    const files: Record<string, string> = {}
    for (let i = 0; i <= 70; i++) files[`r${i}.txt`] = `-r r${i + 1}.txt\n`
    const { position, detail } = await failure(parseFiles(files))
    expect(position).toEqual({ file: 'r63.txt', line: 1, column: 1 })
    expect(detail).toBe('requirements files are included more than 64 levels deep')
  })

  test('diamond includes stay linear: each file is expanded once', async () => {
    // 30 levels of two includes each would be 2^30 expansions if repeated.
    const files: Record<string, string> = {}
    for (let i = 0; i < 30; i++)
      files[`l${i}.txt`] = `-r l${i + 1}.txt\n-r l${i + 1}.txt\npkg${i}==1.0\n`
    files['l30.txt'] = 'leaf==1.0\n'
    const started = Date.now()
    const { parsed } = await parseFiles(files)
    expect(parsed.lines).toHaveLength(31)
    expect(parsed.files).toHaveLength(31)
    expect(Date.now() - started).toBeLessThan(2000)
  })
})

describe('line syntax', () => {
  test('CRLF line ends and a UTF-8 BOM', async () => {
    const parsed = await parseText(
      '\ufeffrequests==2.31.0\r\n# comment\r\nflask==3.0.0 \\\r\n  --hash=sha256:ab\r\n'
    )
    expect(summary(parsed)).toEqual([
      [1, 'requests==2.31.0'],
      [3, 'flask==3.0.0', 'sha256:ab']
    ])
  })

  test("continuations, comments and blank lines as pip's preprocess() joins them", async () => {
    const text = [
      'a==1 \\', //          1: continued...
      '  # comment', //      2: ...and ended by a comment line, which is dropped
      'b==2 \\', //          3
      'c==3', //             4: 'b==2 c==3' is one line: pip reports it as invalid
      ''
    ].join('\n')
    const { position, detail } = await failure(parseFiles({ 'requirements.txt': text }))
    expect(position).toEqual({ file: 'requirements.txt', line: 4, column: 1 })
    expect(detail).toBe(
      "invalid requirement 'b==2 c==3': expected ',' (between version specifiers), ';' (before a marker) or the end of the requirement"
    )

    const parsed = await parseText(
      [
        'a==1 \\',
        '  # comment',
        '',
        '\t',
        'b @ https://example.com/b.zip#egg=b',
        'c==3 #a comment',
        '\\d==4\\\\',
        '   # ends the continuation',
        'e==5 \\'
      ].join('\n')
    )
    expect(summary(parsed)).toEqual([
      [1, 'a==1'],
      [5, 'b @ https://example.com/b.zip#egg=b'], // '#' not after whitespace: not a comment
      [6, 'c==3'],
      [7, 'd==4'], // pip strips backslashes from both ends of a continued line
      [9, 'e==5'] // a continuation on the last line ends the file
    ])
  })

  test('Python line boundaries: form feed, U+2028 and NEL split lines as they do for pip', async () => {
    const parsed = await parseText('a==1\fb==2 # c\u2028d==3\x85e==4\n')
    expect(summary(parsed)).toEqual([
      [1, 'a==1'],
      [2, 'b==2'],
      [3, 'd==3'],
      [4, 'e==4']
    ])
  })

  test('hashes stay with their requirement; pip-style option spellings', async () => {
    const parsed = await parseText(
      "foo==1.0 --hash=sha256:aa --hash sha384:bb -C key=value --config-settings='k=v w' --global-option=x\n"
    )
    expect(summary(parsed)).toEqual([[1, 'foo==1.0', 'sha256:aa', 'sha384:bb']])
  })

  test('global options are recorded, last index URL winning', async () => {
    const parsed = await parseText(
      [
        '-i https://first.example/simple',
        '--index-url=https://second.example/simple',
        '--extra-index-url https://extra.example/simple',
        '-f https://links.example/ --find-links=./local',
        '--no-index',
        '--prefer-binary --require-hashes',
        '--use-feature=fast-deps',
        '--trusted-host host.example',
        '--only-binary :all:',
        '--pre six==1.16.0', // optparse ignores the argument, and so does pip
        '--hash=sha256:aa' // a hash without a requirement: pip warns and ignores it
      ].join('\n')
    )
    expect(parsed.lines).toEqual([])
    expect(parsed.options).toEqual({
      indexUrl: 'https://second.example/simple',
      extraIndexUrls: ['https://extra.example/simple'],
      findLinks: ['https://links.example/', './local'],
      other: [
        '--no-index',
        '--prefer-binary',
        '--require-hashes',
        '--use-feature=fast-deps',
        '--trusted-host=host.example',
        '--only-binary=:all:',
        '--pre'
      ]
    })
  })

  test.each<[string, number, string]>([
    [
      'six==1 --install-option=x',
      8,
      'unknown option --install-option: pip does not accept it in requirements files'
    ],
    ['-x', 1, 'unknown option -x: pip does not accept it in requirements files'],
    ['--req=x.txt', 1, 'ambiguous option --req (--requirement, --require-hashes?)'],
    ['six==1 --pre=yes', 8, '--pre does not take a value'],
    ['six==1 --hash', 8, '--hash needs a value'],
    ['six==1 --hash=md5:aa', 8, 'the hash algorithms --hash allows are sha256, sha384 and sha512'],
    [
      'six==1 --hash=sha256',
      8,
      '--hash needs a hash name and a value, like --hash=sha256:abcde...'
    ],
    ['six==1 -C novalue', 8, '-C takes KEY=VALUE'],
    ['six==1 --hash="sha256:aa', 15, 'no closing quotation (") in the options']
  ])('option error in %j at column %i', async (line, column, detail) => {
    const error = await failure(parseFiles({ 'requirements.txt': `\n${line}\n` }))
    expect(error).toEqual({ position: { file: 'requirements.txt', line: 2, column }, detail })
  })

  test('a requirement error points into the physical line, across continuations', async () => {
    const continued = await failure(
      parseFiles({ 'requirements.txt': 'six==1.0 \\\n   ; os_name =! "x"\n' })
    )
    expect(continued.position).toEqual({ file: 'requirements.txt', line: 2, column: 14 })
    expect(continued.detail).toBe(
      'invalid requirement \'six==1.0    ; os_name =! "x"\': expected a marker operator (<, <=, ==, !=, >=, >, ~=, ===, in, not in)'
    )
  })

  test('a marker PEP 508 cannot evaluate is an error at its column', async () => {
    const error = await failure(parseFiles({ 'requirements.txt': 'six==1.0 ; os_name ~= "nt"\n' }))
    expect(error).toEqual({
      position: { file: 'requirements.txt', line: 1, column: 12 },
      detail:
        "invalid marker 'os_name ~= \"nt\"': '~=' needs PEP 440 versions on both sides, not 'posix' and 'nt'"
    })
  })

  test('markers on URL and path lines are split off as pip does, and evaluated', async () => {
    const parsed = await parseText(
      [
        'https://example.com/a-1.0-py3-none-any.whl ; python_version < "3"',
        './local/pkg; sys_platform == "linux"',
        '-e ./editable ; python_version < "3"' // pip ignores markers on editables
      ].join('\n')
    )
    expect(summary(parsed)).toEqual([
      [1, 'https://example.com/a-1.0-py3-none-any.whl ; python_version < "3"', 'marker false'],
      [2, './local/pkg; sys_platform == "linux"'],
      [3, './editable', 'editable']
    ])
  })

  test('${VAR} is kept as written (only [A-Z0-9_] names are references), and such a line is skipped', async () => {
    const parsed = await parseText(
      '${PKG}==${VERSION}\nc==2.0 --hash=sha256:${lower}\nd==1.0${EMPTY} #x\n'
    )
    expect(summary(parsed)).toEqual([
      [1, '${PKG}==${VERSION}'],
      [2, 'c==2.0', 'sha256:${lower}'],
      [3, 'd==1.0${EMPTY}']
    ])
    expect(parsed.lines.map(line => line.variables)).toEqual([
      ['PKG', 'VERSION'],
      undefined,
      ['EMPTY']
    ])
    expect(audited(parsed)).toEqual(['c==2.0 @requirements.txt:2'])
    expect(skips(parsed)).toEqual([
      `\${PKG}==\${VERSION} @1: ${VARIABLE_REASON('${PKG} and ${VERSION} are environment variables')}`,
      `d @3: ${VARIABLE_REASON('${EMPTY} is an environment variable')}`
    ])
  })

  test('${lower} is not a reference to pip, so it is checked like any other text', async () => {
    const error = await failure(parseFiles({ 'requirements.txt': 'a==1\ne==${lower}\n' }))
    expect(error.position).toEqual({ file: 'requirements.txt', line: 2, column: 4 })
  })

  test('a malformed requirement is a ParseError quoting a short excerpt', async () => {
    const error = await failure(
      parseFiles({ 'requirements.txt': `six==1.0\nfoo bar ${'x'.repeat(500)}\n` })
    )
    expect(error.position).toEqual({ file: 'requirements.txt', line: 2, column: 5 })
    expect(error.detail).toBe(
      "invalid requirement 'foo bar xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...': expected a version specifier, '[', '@', ';' or the end of the requirement after the name"
    )
  })

  test('duplicate pins are all audited, conflicting or not', async () => {
    const parsed = await parseText('six==1.16.0\nSix==1.16.0\nsix==1.15.0\n')
    expect(audited(parsed)).toEqual([
      'six==1.16.0 @requirements.txt:1',
      'six==1.16.0 @requirements.txt:2',
      'six==1.15.0 @requirements.txt:3'
    ])
  })
})

describe('file contents pip would not read as we do', () => {
  test.each<[string, Uint8Array, ParseError['position'], string]>([
    [
      'invalid UTF-8',
      Buffer.from([0x61, 0x3d, 0x3d, 0x31, 0x0a, 0x62, 0xc3, 0xa9, 0xff, 0x0a]),
      { file: 'requirements.txt', line: 2, column: 3 },
      'the file is not valid UTF-8 text; save it as UTF-8'
    ],
    [
      'a NUL byte',
      Buffer.from('six==1.0\nab\0c\n'),
      { file: 'requirements.txt', line: 2, column: 3 },
      'the file contains a NUL byte: it looks binary, not like a requirements file'
    ],
    [
      'UTF-16',
      Buffer.from('\ufeffsix==1.0\n', 'utf16le'),
      { file: 'requirements.txt' },
      'the file is UTF-16 encoded; save it as UTF-8'
    ],
    [
      'a gzip file',
      Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00]),
      { file: 'requirements.txt', line: 1, column: 2 },
      'the file is not valid UTF-8 text; save it as UTF-8'
    ]
  ])('%s', async (_name, bytes, position, detail) => {
    expect(await failure(parseText(bytes))).toEqual({ position, detail })
  })

  test('a missing or unreadable root file', async () => {
    const dir = await tempDir()
    expect(await failure(parse(path.join(dir, 'nope.txt')))).toEqual({
      position: { file: path.join(dir, 'nope.txt') },
      detail: 'cannot read the requirements file: no such file'
    })
    expect(await failure(parse(dir))).toEqual({
      position: { file: dir },
      detail: 'cannot read the requirements file: it is a directory'
    })
  })
})

describe('hostile input', () => {
  // Generous bounds: a quadratic step on these inputs would take minutes.
  test('100,000 lines', async () => {
    const text = Array.from({ length: 100_000 }, (_, i) => `pkg${i}==1.${i} # comment`).join('\n')
    const started = Date.now()
    const parsed = await parseText(text)
    const source = requirementsToSource(parsed, 'requirements.txt')
    expect(source.dependencies).toHaveLength(100_000)
    expect(source.dependencies[99_999]).toMatchObject({ name: 'pkg99999', version: '1.99999' })
    expect(source.dependencies[99_999]!.location.line).toBe(100_000)
    expect(Date.now() - started).toBeLessThan(5000)
  })

  test.each<[string, string, (parsed: ParsedRequirementsFile) => void]>([
    [
      '1 MB of spaces before a comment',
      `a==1${' '.repeat(1_000_000)}#c`,
      p => expect(summary(p)).toEqual([[1, 'a==1']])
    ],
    [
      '1 MB of "#" without whitespace',
      `a @ https://x/${'#'.repeat(1_000_000)}`,
      p => expect(p.lines).toHaveLength(1)
    ],
    [
      '100,000 continued lines',
      `a==1${' \\\n'.repeat(100_000)}`,
      p => expect(summary(p)).toEqual([[1, 'a==1']])
    ],
    [
      '200,000 variable references',
      `a @ https://x/${'${V}'.repeat(200_000)}`,
      p => expect(p.lines[0]!.variables).toEqual(['V'])
    ],
    [
      '100,000 hashes',
      `a==1${' --hash=sha256:ab'.repeat(100_000)}`,
      p => expect(p.lines[0]!.hashes).toHaveLength(100_000)
    ],
    ['a 1 MB quoted option', `--index-url "${'x'.repeat(1_000_000)}`, () => undefined],
    [
      '100,000 nested parentheses in a marker',
      `a==1; ${'('.repeat(100_000)}python_version >= "3"${')'.repeat(100_000)}`,
      p => expect(p.lines[0]!.markerApplies).toBe(true)
    ]
  ])('%s', async (_name, text, check) => {
    const started = Date.now()
    const result = await parseText(text).then(
      parsed => parsed,
      (error: unknown) => error
    )
    if (result instanceof ParseError)
      expect(result.detail).toBe('no closing quotation (") in the options')
    else check(result as ParsedRequirementsFile)
    expect(Date.now() - started).toBeLessThan(3000)
  })

  test('any file content gives a result or a ParseError, never another exception', async () => {
    const dir = await tempDir()
    const file = path.join(dir, 'requirements.txt')
    await writeFile(path.join(dir, 'other.txt'), 'six==1.16.0\n')
    const piece = fc.constantFrom(
      ...[
        'a',
        'Z',
        '0',
        '.',
        '-',
        '_',
        '=',
        '==',
        '<',
        '>',
        '~',
        '!',
        '*',
        '[',
        ']',
        '(',
        ')',
        ',',
        ';',
        '@'
      ],
      ...[
        ' ',
        '\t',
        '\n',
        '\r\n',
        '\r',
        '\f',
        '\\',
        '#',
        '"',
        "'",
        '$',
        '{',
        '}',
        '\0',
        '\ufeff',
        '\u00e9'
      ],
      ...[
        '-r other.txt',
        '-c other.txt',
        '-e ',
        '--hash=sha256:ab',
        '--pre',
        '-i',
        '--index-url=x'
      ],
      ...[
        '${V}',
        ' and ',
        ' or ',
        'python_version',
        'https://x/y.whl',
        'git+https://x/y',
        './p',
        '--'
      ]
    )
    await fc.assert(
      fc.asyncProperty(
        fc.array(piece, { maxLength: 30 }).map(parts => parts.join('')),
        async text => {
          await writeFile(file, text)
          try {
            const parsed = await parse(file)
            const source = requirementsToSource(parsed, file)
            for (const dependency of source.dependencies) expect(dependency.version).not.toBe('')
            for (const line of parsed.lines) expect(line.location.line).toBeGreaterThanOrEqual(1)
          } catch (error) {
            expect(error).toBeInstanceOf(ParseError)
            const { position } = error as ParseError
            if (position.line !== undefined) expect(position.line).toBeGreaterThanOrEqual(1)
            if (position.column !== undefined) expect(position.column).toBeGreaterThanOrEqual(1)
          }
        }
      ),
      { numRuns: 500 }
    )
  })
})

/**
 * The same contents through pip's own preprocess() and line parser (when python3 with pip is
 * installed): logical lines, line numbers, requirement text, includes, editables and hashes must
 * agree, and so must which lines pip rejects.
 */
const PIP_PROBE = `
import json, sys
from pip._internal.req.req_file import preprocess, get_line_parser
parse_line = get_line_parser(None)
results = []
for content in json.load(sys.stdin):
    lines = []
    for number, text in preprocess(content):
        try:
            args, opts = parse_line(text)
        except Exception:
            lines.append({"line": number, "text": text, "error": True})
            continue
        hashes = sorted(f"{k}:{v}" for k, values in (opts.hashes or {}).items() for v in values)
        lines.append({"line": number, "text": text, "args": args, "requirements": opts.requirements,
                      "constraints": opts.constraints, "editables": opts.editables, "hashes": hashes})
    results.append(lines)
json.dump(results, sys.stdout)
`
const pipAvailable =
  spawnSync('python3', ['-c', 'import pip._internal.req.req_file'], { stdio: 'ignore' }).status ===
  0
if (!pipAvailable)
  console.log('Skipping the comparison with pip: python3 with pip is not installed')
const describeWithPip = pipAvailable ? describe : describe.skip

describeWithPip('agreement with pip itself', () => {
  // pip expands ${VAR} from its environment and we never do: pip runs without those variables,
  // so it leaves them as written too, and everything else must agree.
  function ours(content: string): unknown[] {
    return [...logicalLines(content)].map(line => {
      const { args, optionsOffset } = splitRequirementLine(line.text)
      try {
        const options = parseLineOptions(line.text, optionsOffset)
        return {
          line: line.line,
          text: line.text,
          args,
          requirements: options.requirements,
          constraints: options.constraints,
          editables: options.editables,
          hashes: [...options.hashes].sort()
        }
      } catch (error) {
        expect(error).toBeInstanceOf(OptionError)
        return { line: line.line, text: line.text, error: true }
      }
    })
  }

  function pips(contents: string[]): unknown[][] {
    const run = spawnSync('python3', ['-c', PIP_PROBE], {
      input: JSON.stringify(contents),
      env: { PATH: process.env.PATH },
      maxBuffer: 64 * 1024 * 1024,
      encoding: 'utf8'
    })
    expect(run.status).toBe(0)
    return JSON.parse(run.stdout) as unknown[][]
  }

  test('on the fixture files', async () => {
    const files = [
      'compiled/requirements.txt',
      'freeze/requirements.txt',
      'mixed.txt',
      'includes/base.txt'
    ]
    const contents = await Promise.all(files.map(file => readFile(fixture(file), 'utf8')))
    expect(contents.map(ours)).toEqual(pips(contents))
  })

  test('on generated contents', () => {
    const piece = fc.constantFrom(
      ...[
        'a==1',
        'b',
        ' ',
        '  ',
        '\t',
        '\n',
        '\r\n',
        '\r',
        '\f',
        '\x85',
        '\u2028',
        '\x1f',
        '\u00a0'
      ],
      ...['\\', '\\\\', '#', ' #', '#egg=x', '"', "'", '${A}', '${B}', '${C}', '${D}', '${a}', '$'],
      ...[
        '-r',
        ' -r ',
        '-rfile',
        '--requirement=x',
        '-c',
        '--constraint',
        '-e',
        ' -e ./p',
        '--editable=./q'
      ],
      ...[
        '--hash=sha256:ab',
        ' --hash ',
        'sha512:cd',
        '--hash=md5:x',
        '--pre',
        '--pre=1',
        '-i',
        '--index-url'
      ],
      ...[
        '--extra-index-url=u',
        '-f',
        '--no-index',
        '--only-binary',
        ':all:',
        '--req',
        '--no',
        '-x',
        '--bogus'
      ],
      ...['--', '-', ';', ' ; ', 'python_version<"3"', 'https://x/y.whl', '@', '=', '-C', 'k=v']
    )
    const contents = fc.sample(
      fc.array(piece, { maxLength: 25 }).map(parts => parts.join('')),
      { numRuns: 600, seed: 508 }
    )
    const expected = pips(contents)
    contents.forEach((content, index) => {
      expect({ content, lines: ours(content) }).toEqual({ content, lines: expected[index] })
    })
  })
})
