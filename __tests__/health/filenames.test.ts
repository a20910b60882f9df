import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { parse } from 'smol-toml'
import fc from 'fast-check'
import {
  fileVersionReader,
  normalizeProjectName,
  versionOfFile
} from '../../src/health/filenames.js'
import { versionKey } from '../../src/health/version-key.js'
import { TESTS_DIR } from '../support/paths.js'

const REALWORLD = path.resolve(TESTS_DIR, '..', '..', 'shared', 'realworld')
const hasRealworld = existsSync(REALWORLD)
if (!hasRealworld) console.log(`Skipping the real lockfile file names: ${REALWORLD} is absent`)
const describeRealworld = hasRealworld ? describe : describe.skip

describe('versionOfFile', () => {
  test.each([
    ['requests-2.31.0-py3-none-any.whl', 'requests', '2.31.0'],
    ['requests-2.31.0.tar.gz', 'requests', '2.31.0'],
    // Wheels escape '-' in the name as '_'; the name compares normalised.
    ['python_dateutil-2.9.0.post0-py2.py3-none-any.whl', 'python-dateutil', '2.9.0.post0'],
    ['Django-4.2.1-py3-none-any.whl', 'django', '4.2.1'],
    // A build tag makes six parts.
    ['foo-1.0-1-py3-none-any.whl', 'foo', '1.0'],
    // Legacy sdists keep dashes in the name: the version starts after the name.
    ['python-dateutil-2.8.2.tar.gz', 'python-dateutil', '2.8.2'],
    ['zope.interface-5.0.0.zip', 'zope-interface', '5.0.0'],
    ['foo-2-1.0.tar.bz2', 'foo-2', '1.0'],
    ['PyYAML-6.0.1.tgz', 'pyyaml', '6.0.1'],
    [
      'markupsafe-3.0.3-cp312-cp312-manylinux2014_x86_64.manylinux_2_17_x86_64.whl',
      'markupsafe',
      '3.0.3'
    ]
  ])('%s of %s is %s', (filename, project, version) => {
    expect(versionOfFile(filename, project)).toBe(version)
  })

  test.each([
    ['requests-2.31.0-py3.7.egg', 'requests'],
    ['requests-2.31.0.win32.exe', 'requests'],
    ['requests-2.31.0.msi', 'requests'],
    ['other-1.0-py3-none-any.whl', 'requests'],
    ['other-1.0.tar.gz', 'requests'],
    ['requests-.tar.gz', 'requests'],
    ['requests-py3-none-any.whl', 'requests'],
    ['requests.tar.gz', 'requests']
  ])('%s is not a file pip would install for %s', (filename, project) => {
    expect(versionOfFile(filename, project)).toBeUndefined()
  })
})

/** The reading as pip's code says it, without the page reader's shortcuts: the reference. */
function plainVersionOfFile(filename: string, normalizedName: string): string | undefined {
  const isProject = (name: string) => normalizeProjectName(name) === normalizedName
  const lower = filename.toLowerCase()
  if (lower.endsWith('.whl')) {
    const parts = filename.slice(0, -4).split('-')
    if (parts.length !== 5 && parts.length !== 6) return undefined
    if (!isProject(parts[0]!)) return undefined
    return parts[1] === '' ? undefined : parts[1]
  }
  const extension = ['.tar.gz', '.tar.bz2', '.zip', '.tgz', '.tar'].find(e => lower.endsWith(e))
  if (extension === undefined) return undefined
  const stem = filename.slice(0, -extension.length)
  for (let dash = stem.indexOf('-'); dash !== -1; dash = stem.indexOf('-', dash + 1)) {
    if (!isProject(stem.slice(0, dash))) continue
    const version = stem.slice(dash + 1)
    return version === '' ? undefined : version
  }
  return undefined
}

describe("a page's file reader", () => {
  test('reads every file of a page as versionOfFile does, whatever came before it', () => {
    const name = fc.constantFrom(
      'demo',
      'Demo',
      'demo_pkg',
      'Demo.Pkg',
      'demo-pkg',
      'demo--pkg',
      'other',
      'demo-'
    )
    const part = fc.constantFrom('1.0', '2.0rc1', '', 'py3', 'none', 'any', '1', 'pkg', '-')
    const filename = fc
      .tuple(
        name,
        fc.array(part, { maxLength: 6 }),
        fc.constantFrom('.whl', '.WHL', '.tar.gz', '.ZIP', '.egg', '')
      )
      .map(([n, parts, ext]) => [n, ...parts].join('-') + ext)
    fc.assert(
      fc.property(
        fc.constantFrom('demo', 'demo-pkg'),
        fc.array(filename, { maxLength: 30 }),
        (project, files) => {
          const read = fileVersionReader(project)
          for (const file of files) {
            expect([file, read(file)]).toEqual([file, plainVersionOfFile(file, project)])
            expect(versionOfFile(file, project)).toBe(plainVersionOfFile(file, project))
          }
        }
      ),
      { numRuns: 2000 }
    )
  })
})

describe('versionKey', () => {
  test.each([
    ['1.0', '1.0.0'],
    ['1.0RC1', '1.0rc1'],
    ['v2', '2'],
    ['1.0-1', '1.0.post1'],
    ['1.0a', '1.0a0'],
    ['1!2.0', '1!2.0.0'],
    ['1.0+ABC', '1.0+abc'],
    ['0', '0.0']
  ])('%s equals %s under PEP 440', (a, b) => {
    expect(versionKey(a)).toBe(versionKey(b))
  })

  test.each([
    ['1.0', '1.0.1'],
    ['1.0', '1.0.post0'],
    ['1.0', '1.0+local'],
    ['1.0', '1!1.0'],
    ['1.0a1', '1.0b1'],
    ['1.0.dev1', '1.0']
  ])('%s differs from %s', (a, b) => {
    expect(versionKey(a)).not.toBe(versionKey(b))
  })

  test('a string that is not PEP 440 is its own key', () => {
    expect(versionKey('not a version')).toBe(versionKey('Not A Version'))
    expect(versionKey('not a version')).not.toBe(versionKey('1.0'))
  })
})

interface LockedFile {
  name: string
  version: string
  filename: string
}

/** Every artifact file name a real lockfile names, with the package and version it is locked as. */
function lockedFiles(): LockedFile[] {
  const files: LockedFile[] = []
  type Artifact = { file?: string; url?: string }
  type Entry = {
    name: string
    version: string
    files?: Artifact[]
    sdist?: Artifact
    wheels?: Artifact[]
  }
  const toml = (file: string) =>
    (parse(readFileSync(path.join(REALWORLD, file), 'utf8')) as unknown as { package: Entry[] })
      .package
  for (const entry of toml('poetry-lock/poetry.lock')) {
    for (const file of entry.files ?? []) files.push({ ...entry, filename: file.file ?? '' })
  }
  for (const entry of toml('pdm-lock/pdm.lock')) {
    for (const file of entry.files ?? []) files.push({ ...entry, filename: file.file ?? '' })
  }
  for (const entry of toml('pydantic-uv-lock/uv.lock')) {
    for (const artifact of [entry.sdist, ...(entry.wheels ?? [])]) {
      if (artifact?.url)
        files.push({ ...entry, filename: decodeURIComponent(artifact.url.split('/').at(-1)!) })
    }
  }
  return files.filter(file => file.filename !== '')
}

describeRealworld('on the files of real lockfiles', () => {
  test('each file reads as the version its package is locked at', () => {
    const files = lockedFiles()
    expect(files.length).toBeGreaterThan(1000)
    const wrong = files.filter(file => {
      const version = versionOfFile(file.filename, normalizeProjectName(file.name))
      return version === undefined || versionKey(version) !== versionKey(file.version)
    })
    expect(wrong).toEqual([])
  })
})

const PACKAGING_PROBE = `
import json, sys
from packaging.utils import parse_wheel_filename, parse_sdist_filename, canonicalize_name
out = []
for filename in json.load(sys.stdin):
    try:
        if filename.endswith('.whl'):
            name, version, _, _ = parse_wheel_filename(filename)
        else:
            name, version = parse_sdist_filename(filename)
        out.append([canonicalize_name(name), str(version)])
    except Exception:
        out.append(None)
json.dump(out, sys.stdout)
`
const packagingAvailable =
  hasRealworld &&
  spawnSync('python3', ['-c', 'import packaging.utils'], { stdio: 'ignore' }).status === 0
if (hasRealworld && !packagingAvailable)
  console.log('Skipping the comparison with packaging: python3 with packaging is not installed')
const describeWithPackaging = packagingAvailable ? describe : describe.skip

describeWithPackaging('agreement with packaging', () => {
  test('versions agree with parse_wheel_filename / parse_sdist_filename on real file names', () => {
    // packaging reads only .whl, .tar.gz and .zip; the others are pip's legacy archives.
    const files = lockedFiles().filter(file => /\.(whl|tar\.gz|zip)$/.test(file.filename))
    const run = spawnSync('python3', ['-c', PACKAGING_PROBE], {
      input: JSON.stringify(files.map(file => file.filename)),
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024
    })
    expect(run.status).toBe(0)
    const expected = JSON.parse(run.stdout) as Array<[string, string] | null>
    let compared = 0
    files.forEach((file, index) => {
      const answer = expected[index]
      if (!answer) return
      compared++
      const version = versionOfFile(file.filename, answer[0])
      expect({ filename: file.filename, version: version && versionKey(version) }).toEqual({
        filename: file.filename,
        version: versionKey(answer[1])
      })
    })
    expect(compared).toBeGreaterThan(1000)
  })
})
