/**
 * Every pin is audited whatever its environment marker, and carries the marker; a Python version
 * and a platform narrow the audit to one target. One file per format, read through
 * collectDependencies as a run reads it.
 */
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { collectDependencies, type CollectOptions } from '../../src/deps/collect.js'
import type { TargetPlatform } from '../../src/deps/markers.js'
import type { Dependency } from '../../src/deps/types.js'
import { ParseError } from '../../src/shared/errors.js'
import { silentLogger } from '../../src/shared/log.js'

let root: string
beforeAll(() => {
  root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'pyaudit-markers-')))
})
afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

let projects = 0
/** A project with one dependency file; returns its path. */
function project(name: string, text: string): string {
  const dir = path.join(root, `p${++projects}`)
  fs.mkdirSync(dir, { recursive: true })
  fs.writeFileSync(path.join(dir, name), text)
  return path.join(dir, name)
}

interface Target {
  pythonVersion?: string
  platform?: TargetPlatform
}

async function read(file: string, target: Target = {}): Promise<Dependency[]> {
  const options: CollectOptions = {
    paths: [file],
    workingDirectory: path.dirname(file),
    resolve: 'none',
    extraIndexUrls: [],
    env: {},
    logger: silentLogger,
    ...target
  }
  const sources = await collectDependencies(options)
  return sources.flatMap(source => source.dependencies)
}

/** name==version, with `; marker` when the pin carries one. */
const pins = (deps: Dependency[]): string[] =>
  deps.map(d => `${d.name}==${d.version}${d.marker === undefined ? '' : `; ${d.marker}`}`)
const names = (deps: Dependency[]): string[] => deps.map(d => `${d.name}==${d.version}`)

describe('requirements files', () => {
  const text = [
    'django==2.2.0; sys_platform == "win32"',
    'django==4.2.0; sys_platform != "win32"',
    'requests==2.19.1; python_version < "3.8"',
    'flask==3.0.0',
    'colorama==0.4.6 ;os_name=="nt"',
    ''
  ].join('\n')

  test('every pin is audited by default, each with its marker (whitespace normalised)', async () => {
    expect(pins(await read(project('requirements.txt', text)))).toEqual([
      'django==2.2.0; sys_platform == "win32"',
      'django==4.2.0; sys_platform != "win32"',
      'requests==2.19.1; python_version < "3.8"',
      'flask==3.0.0',
      'colorama==0.4.6; os_name == "nt"'
    ])
  })

  test.each<[Target, string[]]>([
    [{ platform: 'linux' }, ['django==4.2.0', 'requests==2.19.1', 'flask==3.0.0']],
    [
      { platform: 'windows' },
      ['django==2.2.0', 'requests==2.19.1', 'flask==3.0.0', 'colorama==0.4.6']
    ],
    [
      { pythonVersion: '3.12' },
      ['django==2.2.0', 'django==4.2.0', 'flask==3.0.0', 'colorama==0.4.6']
    ],
    [
      { pythonVersion: '3.7', platform: 'macos' },
      ['django==4.2.0', 'requests==2.19.1', 'flask==3.0.0']
    ]
  ])('narrowed to %j', async (target, expected) => {
    expect(names(await read(project('requirements.txt', text), target))).toEqual(expected)
  })

  test('a pin a constraint supplies carries the requirement and the constraint markers', async () => {
    const file = project(
      'requirements.txt',
      '-c constraints.txt\nurllib3 ; sys_platform == "linux"\nidna\n'
    )
    fs.writeFileSync(
      path.join(path.dirname(file), 'constraints.txt'),
      'urllib3==1.26.18 ; python_version >= "3.8" or python_version < "3"\nidna==3.7\n'
    )
    expect(pins(await read(file))).toEqual([
      'urllib3==1.26.18; sys_platform == "linux" and (python_version >= "3.8" or python_version < "3")',
      'idna==3.7'
    ])
    expect(names(await read(file, { platform: 'windows' }))).toEqual(['idna==3.7'])
  })

  test('a marker pip would reject is an error even when nothing narrows', async () => {
    const file = project('requirements.txt', 'six==1.0; os_name ~= "nt"\n')
    await expect(read(file)).rejects.toThrow(ParseError)
    await expect(read(file)).rejects.toThrow(/'~=' needs PEP 440 versions on both sides/)
  })
})

describe('pyproject.toml', () => {
  const text = `[project]
name = "app"
version = "1.0"
dependencies = [
  "django==2.2.0; sys_platform == 'win32'",
  "django==4.2.0; sys_platform != 'win32'",
  "requests==2.19.1; python_version < '3.8'",
  "flask==3.0.0",
]

[project.optional-dependencies]
win = ["pywin32==306; platform_system == 'Windows'"]

[dependency-groups]
test = ["flask==3.0.0; python_version >= '3.9'", "pywin32==306; os_name == 'nt'"]
`

  test('every pin is audited by default; a pin declared twice is conditional only if both are', async () => {
    expect(pins(await read(project('pyproject.toml', text)))).toEqual([
      "django==2.2.0; sys_platform == 'win32'",
      "django==4.2.0; sys_platform != 'win32'",
      "requests==2.19.1; python_version < '3.8'",
      'flask==3.0.0',
      "pywin32==306; platform_system == 'Windows' or os_name == 'nt'"
    ])
  })

  test.each<[Target, string[]]>([
    [{ platform: 'linux' }, ['django==4.2.0', 'requests==2.19.1', 'flask==3.0.0']],
    [
      { platform: 'windows', pythonVersion: '3.12' },
      ['django==2.2.0', 'flask==3.0.0', 'pywin32==306']
    ],
    [
      { pythonVersion: '3.7' },
      ['django==2.2.0', 'django==4.2.0', 'requests==2.19.1', 'flask==3.0.0', 'pywin32==306']
    ]
  ])('narrowed to %j', async (target, expected) => {
    expect(names(await read(project('pyproject.toml', text), target))).toEqual(expected)
  })
})

describe('pdm.lock', () => {
  const text = `[metadata]
groups = ["default", "dev"]
lock_version = "4.5.0"

[[package]]
name = "colorama"
version = "0.4.6"
groups = ["default"]
marker = "sys_platform == \\"win32\\""

[[package]]
name = "django"
version = "2.2.0"
groups = ["default"]
marker = "sys_platform == \\"win32\\""

[[package]]
name = "django"
version = "4.2.0"
groups = ["default"]
marker = "sys_platform != \\"win32\\""

[[package]]
name = "flask"
version = "3.0.0"
groups = ["default"]
dependencies = ["colorama; sys_platform == \\"win32\\""]

[[package]]
name = "tomli"
version = "2.0.1"
groups = ["dev"]
marker = "python_version < \\"3.11\\""

[[package]]
name = "tomli"
version = "2.0.1"
extras = ["x"]
groups = ["dev"]
marker = "implementation_name == \\"pypy\\""
`

  test('every package is audited by default, each with its marker; repeats are joined with or', async () => {
    expect(pins(await read(project('pdm.lock', text)))).toEqual([
      'colorama==0.4.6; sys_platform == "win32"',
      'django==2.2.0; sys_platform == "win32"',
      'django==4.2.0; sys_platform != "win32"',
      'flask==3.0.0',
      'tomli==2.0.1; python_version < "3.11" or implementation_name == "pypy"'
    ])
  })

  test.each<[Target, string[]]>([
    [{ platform: 'linux' }, ['django==4.2.0', 'flask==3.0.0', 'tomli==2.0.1']],
    [
      { platform: 'windows', pythonVersion: '3.12' },
      ['colorama==0.4.6', 'django==2.2.0', 'flask==3.0.0', 'tomli==2.0.1']
    ]
  ])('narrowed to %j', async (target, expected) => {
    expect(names(await read(project('pdm.lock', text), target))).toEqual(expected)
  })

  test('an edge to a package the target does not install is left out', async () => {
    const flask = (deps: Dependency[]) => deps.find(d => d.name === 'flask')!.dependsOn
    expect(flask(await read(project('pdm.lock', text)))).toEqual(['colorama'])
    expect(flask(await read(project('pdm.lock', text), { platform: 'linux' }))).toEqual([])
  })
})

describe('poetry.lock (2.x)', () => {
  const text = `[[package]]
name = "colorama"
version = "0.4.6"
groups = ["main", "dev"]
markers = {main = "sys_platform == \\"win32\\"", dev = "platform_system == \\"Windows\\""}

[[package]]
name = "django"
version = "2.2.0"
groups = ["main"]
markers = "sys_platform == \\"win32\\""

[[package]]
name = "django"
version = "4.2.0"
groups = ["main"]
markers = "sys_platform != \\"win32\\""

[[package]]
name = "pywin32"
version = "306"
groups = ["main", "dev"]
markers = {main = "sys_platform == \\"win32\\""}

[[package]]
name = "tomli"
version = "2.0.1"
groups = ["dev"]
markers = "python_version < \\"3.11\\""

[metadata]
lock-version = "2.1"
python-versions = ">=3.8"
content-hash = "0"
`

  test('every package is audited by default; a group the markers table leaves out is unconditional', async () => {
    expect(pins(await read(project('poetry.lock', text)))).toEqual([
      'colorama==0.4.6; sys_platform == "win32" or platform_system == "Windows"',
      'django==2.2.0; sys_platform == "win32"',
      'django==4.2.0; sys_platform != "win32"',
      'pywin32==306',
      'tomli==2.0.1; python_version < "3.11"'
    ])
  })

  test.each<[Target, string[]]>([
    [{ platform: 'linux' }, ['django==4.2.0', 'pywin32==306', 'tomli==2.0.1']],
    [
      { pythonVersion: '3.12', platform: 'windows' },
      ['colorama==0.4.6', 'django==2.2.0', 'pywin32==306']
    ]
  ])('narrowed to %j', async (target, expected) => {
    expect(names(await read(project('poetry.lock', text), target))).toEqual(expected)
  })

  test('a markers table entry that is not a string is an error at the package', async () => {
    const bad = project(
      'poetry.lock',
      '[[package]]\nname = "a"\nversion = "1"\ngroups = ["main"]\nmarkers = {main = 3}\n'
    )
    await expect(read(bad)).rejects.toThrow("package 'a': markers.main must be a string")
  })
})

describe('Pipfile.lock', () => {
  const text = JSON.stringify(
    {
      _meta: { hash: { sha256: '0' }, 'pipfile-spec': 6 },
      default: {
        django: { version: '==2.2.0', markers: "sys_platform == 'win32'" },
        flask: { version: '==3.0.0' }
      },
      develop: {
        django: { version: '==4.2.0', markers: "sys_platform != 'win32'" },
        tomli: { version: '==2.0.1', markers: "python_version < '3.11'" }
      }
    },
    null,
    2
  )

  test('every package is audited by default, each with its markers', async () => {
    expect(pins(await read(project('Pipfile.lock', text)))).toEqual([
      "django==2.2.0; sys_platform == 'win32'",
      'flask==3.0.0',
      "django==4.2.0; sys_platform != 'win32'",
      "tomli==2.0.1; python_version < '3.11'"
    ])
  })

  test.each<[Target, string[]]>([
    [{ platform: 'windows' }, ['django==2.2.0', 'flask==3.0.0', 'tomli==2.0.1']],
    [{ pythonVersion: '3.11.2', platform: 'linux' }, ['flask==3.0.0', 'django==4.2.0']]
  ])('narrowed to %j', async (target, expected) => {
    expect(names(await read(project('Pipfile.lock', text), target))).toEqual(expected)
  })

  test('a marker that cannot be evaluated is an error at its package, when narrowing', async () => {
    const bad = JSON.stringify({ default: { a: { version: '==1', markers: 'os_name ~= "nt"' } } })
    const file = project('Pipfile.lock', bad)
    expect(names(await read(file))).toEqual(['a==1'])
    await expect(read(file, { platform: 'linux' })).rejects.toThrow(
      /package 'a': invalid marker 'os_name ~= "nt"'/
    )
  })
})

describe('pylock.toml', () => {
  const text = `lock-version = "1.0"
created-by = "test"

[[packages]]
name = "django"
version = "2.2.0"
marker = "sys_platform == 'win32'"

[[packages]]
name = "django"
version = "4.2.0"
marker = "sys_platform != 'win32'"

[[packages]]
name = "pytest"
version = "8.0.0"
marker = "'dev' in dependency_groups and python_version >= '3.8'"
`

  test('every package is audited by default, each with its marker', async () => {
    expect(pins(await read(project('pylock.toml', text)))).toEqual([
      "django==2.2.0; sys_platform == 'win32'",
      "django==4.2.0; sys_platform != 'win32'",
      "pytest==8.0.0; 'dev' in dependency_groups and python_version >= '3.8'"
    ])
  })

  test.each<[Target, string[]]>([
    // Every dependency group counts as selected: only the Python version decides for pytest.
    [{ platform: 'windows', pythonVersion: '3.12' }, ['django==2.2.0', 'pytest==8.0.0']],
    [{ platform: 'linux', pythonVersion: '3.7' }, ['django==4.2.0']]
  ])('narrowed to %j', async (target, expected) => {
    expect(names(await read(project('pylock.toml', text), target))).toEqual(expected)
  })
})

describe('uv.lock: markers on the edges of the graph', () => {
  const registry = 'source = { registry = "https://pypi.org/simple" }'
  const text = `version = 1
requires-python = ">=3.8"

[[package]]
name = "app"
version = "0.1.0"
source = { editable = "." }
dependencies = [
    { name = "click" },
    { name = "django", version = "2.2.0", ${registry}, marker = "sys_platform == 'win32'" },
    { name = "django", version = "4.2.0", ${registry}, marker = "sys_platform != 'win32'" },
]

[package.optional-dependencies]
cli = [{ name = "rich", marker = "python_full_version >= '3.9'" }]

[[package]]
name = "click"
version = "8.1.7"
${registry}
dependencies = [{ name = "colorama", marker = "platform_system == 'Windows'" }]

[[package]]
name = "colorama"
version = "0.4.6"
${registry}

[[package]]
name = "django"
version = "2.2.0"
${registry}

[[package]]
name = "django"
version = "4.2.0"
${registry}

[[package]]
name = "pygments"
version = "2.17.2"
${registry}

[[package]]
name = "rich"
version = "13.7.0"
${registry}
dependencies = [
    { name = "pygments" },
    { name = "typing-extensions", marker = "python_full_version < '3.11'" },
]

[[package]]
name = "typing-extensions"
version = "4.9.0"
${registry}
`

  test('each package carries where the paths to it hold', async () => {
    expect(pins(await read(project('uv.lock', text)))).toEqual([
      'click==8.1.7',
      "colorama==0.4.6; platform_system == 'Windows'",
      "django==2.2.0; sys_platform == 'win32'",
      "django==4.2.0; sys_platform != 'win32'",
      "pygments==2.17.2; python_full_version >= '3.9'",
      "rich==13.7.0; python_full_version >= '3.9'",
      "typing-extensions==4.9.0; python_full_version >= '3.9' and python_full_version < '3.11'"
    ])
  })

  test('a package reached both under a marker and without one is unconditional', async () => {
    const both = text.replace(
      'dependencies = [\n    { name = "click" },',
      'dependencies = [\n    { name = "click" },\n    { name = "colorama" },'
    )
    const colorama = (await read(project('uv.lock', both))).find(d => d.name === 'colorama')!
    expect(colorama.marker).toBeUndefined()
  })

  test.each<[Target, string[]]>([
    [
      { platform: 'windows' },
      [
        'click==8.1.7',
        'colorama==0.4.6',
        'django==2.2.0',
        'pygments==2.17.2',
        'rich==13.7.0',
        'typing-extensions==4.9.0'
      ]
    ],
    [
      { platform: 'linux', pythonVersion: '3.12' },
      ['click==8.1.7', 'django==4.2.0', 'pygments==2.17.2', 'rich==13.7.0']
    ],
    // python_full_version >= '3.9' holds for no 3.8.z.
    [
      { pythonVersion: '3.8' },
      ['click==8.1.7', 'colorama==0.4.6', 'django==2.2.0', 'django==4.2.0']
    ]
  ])('narrowed to %j', async (target, expected) => {
    expect(names(await read(project('uv.lock', text), target))).toEqual(expected)
  })

  test('an edge to a package the target does not install is left out', async () => {
    const click = (deps: Dependency[]) => deps.find(d => d.name === 'click')!.dependsOn
    expect(click(await read(project('uv.lock', text)))).toEqual(['colorama'])
    expect(click(await read(project('uv.lock', text), { platform: 'linux' }))).toEqual([])
  })
})
