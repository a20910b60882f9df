/**
 * The documented limits on what one run reads (src/deps/limits.ts, README "Limits"): each is
 * refused with a ParseError naming the file and the limit, and what is just under it is read.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { open, mkdtemp, readFile, realpath, rm, writeFile, mkdir } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { collectDependencies } from '../../src/deps/collect.js'
import {
  MAX_DEPENDENCIES,
  MAX_DEPENDENCY_FILE_BYTES,
  MAX_DEPENDENCY_GROUPS,
  MAX_JSON_DEPTH,
  MAX_MARKER_COMPARISONS,
  MAX_TOML_ITEMS
} from '../../src/deps/limits.js'
import { markerEnvironmentFor } from '../../src/deps/markers.js'
import { parsePipfileLock } from '../../src/deps/pipfile-lock.js'
import { parsePyproject } from '../../src/deps/pyproject.js'
import { parseRequirementsFile } from '../../src/deps/requirements.js'
import { tomlItemCount } from '../../src/deps/toml-file.js'
import { MAX_RECORDED_DEPTH, pathKey, valuePositions } from '../../src/deps/toml-positions.js'
import { readUvLock } from '../../src/deps/uv-lock.js'
import { ParseError } from '../../src/shared/errors.js'
import { silentLogger } from '../../src/shared/log.js'
import { REPO_ROOT } from '../support/paths.js'

let root: string
beforeAll(async () => {
  root = await realpath(await mkdtemp(path.join(os.tmpdir(), 'pyaudit-limits-')))
})
afterAll(() => rm(root, { recursive: true, force: true }))

async function project(name: string, files: Record<string, string>): Promise<string> {
  const dir = path.join(root, name)
  await mkdir(dir, { recursive: true })
  for (const [file, content] of Object.entries(files))
    await writeFile(path.join(dir, file), content)
  return dir
}

async function refusal(promise: Promise<unknown> | (() => unknown)): Promise<ParseError> {
  const error = await (
    typeof promise === 'function' ? Promise.resolve().then(promise) : promise
  ).then(
    () => undefined,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(ParseError)
  return error as ParseError
}

const pins = (count: number, prefix = 'p'): string =>
  Array.from({ length: count }, (_, i) => `${prefix}${i}==1.0\n`).join('')

const readRequirements = (file: string) =>
  parseRequirementsFile(file, {
    markerEnvironment: markerEnvironmentFor('3.12'),
    displayPath: f => path.relative(root, f)
  })

describe('dependencies in one run', () => {
  test('files that are each under the limit but over it together: the run is refused at the file that goes over', async () => {
    const half = MAX_DEPENDENCIES / 2 + 1
    const dir = await project('run-wide', {
      'requirements.txt': pins(half, 'a'),
      'requirements-dev.txt': pins(half, 'b')
    })
    const error = await refusal(
      collectDependencies({
        paths: [path.join(dir, 'requirements.txt'), path.join(dir, 'requirements-dev.txt')],
        workingDirectory: dir,
        resolve: 'none',
        extraIndexUrls: [],
        env: {},
        logger: silentLogger
      })
    )
    expect(error.message).toBe(
      'requirements-dev.txt: refusing to audit it: with the file before it, it makes 100,002 dependencies, over the limit of 100,000 in one run'
    )
  })

  test('a requirements file of 100,000 pins is read; one more line is refused at that line', async () => {
    const dir = await project('per-file', {
      'ok.txt': pins(MAX_DEPENDENCIES),
      'over.txt': `--pre\n${pins(MAX_DEPENDENCIES)}`
    })
    expect((await readRequirements(path.join(dir, 'ok.txt'))).lines).toHaveLength(MAX_DEPENDENCIES)
    const error = await refusal(readRequirements(path.join(dir, 'over.txt')))
    expect(error.position).toEqual({ file: 'per-file/over.txt', line: MAX_DEPENDENCIES + 1 })
    expect(error.detail).toBe(
      'refusing to read it: more than 100,000 requirement, option and include lines, the limit for one run'
    )
  })

  test('a lockfile of more packages than one run takes is refused before its packages are read', async () => {
    const packages = Array.from(
      { length: MAX_DEPENDENCIES + 1 },
      (_, i) => `{"p${i}": {"version": "==1"}}`
    )
    const text = `{"_meta": {}, "default": {${packages.map(p => p.slice(1, -1)).join(',')}}}`
    const error = await refusal(() => parsePipfileLock(text, path.join(root, 'Pipfile.lock')))
    expect(error.detail).toBe(
      'refusing to read it: more than 100,000 dependencies, the limit for one run'
    )
  })
})

describe('file size', () => {
  test(`a file over ${MAX_DEPENDENCY_FILE_BYTES / 2 ** 20} MiB is refused unread`, async () => {
    const dir = await project('size', {})
    const handle = await open(path.join(dir, 'uv.lock'), 'w')
    await handle.truncate(MAX_DEPENDENCY_FILE_BYTES + 1)
    await handle.close()
    const error = await refusal(
      readUvLock(path.join(dir, 'uv.lock'), { displayPath: f => path.relative(dir, f) })
    )
    expect(error.message).toBe(
      'uv.lock: refusing to read it: the file is 16 MiB, over the 16 MiB limit'
    )
  })

  test('a requirements file and its includes count together', async () => {
    const comments = (mib: number) => `#${'x'.repeat(mib * 2 ** 20)}\n`
    const dir = await project('tree-size', {
      'requirements.txt': `${comments(9)}-r other.txt\n`,
      'other.txt': comments(8)
    })
    const error = await refusal(readRequirements(path.join(dir, 'requirements.txt')))
    expect(error.position).toEqual({ file: 'tree-size/requirements.txt', line: 2, column: 1 })
    expect(error.detail).toBe(
      "refusing to read 'other.txt': with it, the requirements files read is 17 MiB, over the 16 MiB limit"
    )
  })
})

describe('TOML documents', () => {
  test('the item count skips strings and comments, and stops past the bound', () => {
    expect(tomlItemCount('a.b = "x.y=[{,"\n# c.d = [1, 2]\n[t]\nk = [1, 2]', 100)).toBe(6)
    expect(tomlItemCount(`s = """a\\"""=.\n"""\nl = '''.[.'''\nq = '\\'`, 100)).toBe(3)
    expect(tomlItemCount('a.'.repeat(1000), 10)).toBe(11)
  })

  test(`more than ${MAX_TOML_ITEMS.toLocaleString('en-US')} keys, tables and values is refused before parsing`, async () => {
    const keys = (count: number) => Array.from({ length: count }, (_, i) => `k${i} = 1\n`).join('')
    const under = `[project]\nname = "x"\n[tool.x]\n${keys(MAX_TOML_ITEMS - 4)}`
    expect(tomlItemCount(under, MAX_TOML_ITEMS)).toBe(MAX_TOML_ITEMS)
    expect(parsePyproject(under, path.join(root, 'pyproject.toml')).source.format).toBe('pyproject')
    const error = await refusal(() =>
      parsePyproject(`${under}k = 1\n`, path.join(root, 'pyproject.toml'))
    )
    expect(error.detail).toMatch(
      /^refusing to parse it: more than 200,000 TOML keys, tables and values, the limit for one file/
    )
  })

  test('positions are recorded down to the depth the readers ask for, and no deeper', () => {
    const deep = Array.from({ length: MAX_RECORDED_DEPTH + 2 }, (_, i) => `k${i}`)
    const text = `[${deep.slice(0, 3).join('.')}]\n${deep.slice(3).join('.')} = 1\nx = [[1, [2]]]\n`
    const positions = valuePositions(text)
    expect(positions.get(pathKey(deep.slice(0, 3)))).toEqual({ line: 1, column: 1 })
    expect(positions.get(pathKey(deep))).toBeUndefined()
    expect(positions.get(pathKey([...deep.slice(0, 3), 'x', 0, 1, 0]))).toEqual({
      line: 3,
      column: 11
    })
  })

  test(`more than ${MAX_DEPENDENCY_GROUPS} dependency groups are refused`, async () => {
    const groups = (count: number) =>
      Array.from(
        { length: count },
        (_, i) => `g${i} = [${i ? `{include-group = "g${i - 1}"}` : '"a==1"'}]\n`
      ).join('')
    const file = path.join(root, 'pyproject.toml')
    const read = parsePyproject(`[dependency-groups]\n${groups(MAX_DEPENDENCY_GROUPS)}`, file)
    // The last group includes all the others, so the one pin carries all 100 labels.
    expect(read.requirements[0]!.group.split(',')).toHaveLength(MAX_DEPENDENCY_GROUPS)
    const error = await refusal(() =>
      parsePyproject(`[dependency-groups]\n${groups(MAX_DEPENDENCY_GROUPS + 1)}`, file)
    )
    expect(error.detail).toBe(
      'refusing to read it: more than 100 dependency groups, the limit for one file'
    )
  })
})

describe('JSON nesting', () => {
  test(`a Pipfile.lock nested more than ${MAX_JSON_DEPTH} deep is refused; strings do not count`, async () => {
    const nested = (depth: number) =>
      `{"_meta": ${'{"a":'.repeat(depth - 1)}"[[[{{{"${'}'.repeat(depth - 1)}, "default": {}}`
    expect(parsePipfileLock(nested(MAX_JSON_DEPTH), 'Pipfile.lock').dependencies).toEqual([])
    const error = await refusal(() => parsePipfileLock(nested(MAX_JSON_DEPTH + 1), 'Pipfile.lock'))
    expect(error.detail).toBe('refusing to parse it: JSON nested more than 64 levels deep')
  })
})

describe('marker comparisons', () => {
  test('the same comparison on every line is evaluated once; too many different ones are refused', async () => {
    const same = Array.from(
      { length: 50_000 },
      (_, i) => `p${i}==1.0; python_version >= "3.8"\n`
    ).join('')
    const different = Array.from(
      { length: MAX_MARKER_COMPARISONS + 1 },
      (_, i) => `p${i}==1.0; python_version >= "3.${i}"\n`
    ).join('')
    const dir = await project('markers', { 'same.txt': same, 'different.txt': different })
    expect((await readRequirements(path.join(dir, 'same.txt'))).lines).toHaveLength(50_000)
    const error = await refusal(readRequirements(path.join(dir, 'different.txt')))
    expect(error.position).toMatchObject({ line: MAX_MARKER_COMPARISONS + 1 })
    expect(error.detail).toBe(
      'refusing to read it: more than 2,000 different marker comparisons, the limit for one file'
    )
  })
})

test('the README states each limit as limits.ts sets it', async () => {
  const readme = (await readFile(path.join(REPO_ROOT, 'README.md'), 'utf8')).replace(/\s+/g, ' ')
  const limits = readme.slice(readme.indexOf('**Size limits**'))
  const count = (n: number) => n.toLocaleString('en-US')
  expect(limits).toContain(`a dependency file over ${MAX_DEPENDENCY_FILE_BYTES / 2 ** 20} MiB`)
  expect(limits).toContain(`more than ${count(MAX_DEPENDENCIES)} dependencies in one run`)
  expect(limits).toContain(`more than ${count(MAX_TOML_ITEMS)} keys, tables and values`)
  expect(limits).toContain(`nested more than ${MAX_JSON_DEPTH} levels`)
  expect(limits).toContain(
    `more than ${count(MAX_MARKER_COMPARISONS)} different marker comparisons`
  )
  expect(limits).toContain(`more than ${MAX_DEPENDENCY_GROUPS} dependency groups`)
})
