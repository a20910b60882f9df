import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from '@jest/globals'
import { lockfileHashes, type HashedLockFormat } from '../../src/health/declared-hashes.js'
import { ParseError } from '../../src/shared/errors.js'
import { TESTS_DIR } from '../support/paths.js'
import { HASHED_LOCKFILES, LOCKFILES, lockfileSubjects, requirementsSubjects } from './subjects.js'

const REALWORLD = path.resolve(TESTS_DIR, '..', '..', 'shared', 'realworld')
const hasRealworld = existsSync(REALWORLD)
if (!hasRealworld) console.log(`Skipping the real lockfiles' digests: ${REALWORLD} is absent`)
const describeRealworld = hasRealworld ? describe : describe.skip

// certifi 2025.8.3's two files on PyPI, as every fixture lockfile records them.
const CERTIFI = [
  'sha256:e564105f78ded564e3ae7c923924435e1daa7463faeab5bb932bc53ffae63407',
  'sha256:f6c12493cfb1b06ba2ff328595af9350c65d6644968e5d3a2ffd78699af217a5'
]

describe('digests declared by each lockfile format, joined to the real readers', () => {
  test.each(HASHED_LOCKFILES)('%s: every index pin gets its digests', async (file, format) => {
    const subjects = await lockfileSubjects(path.join(LOCKFILES, file), format)
    expect(subjects.length).toBeGreaterThan(3)
    expect(subjects.filter(subject => (subject.hashes ?? []).length === 0)).toEqual([])
    const certifi = subjects.find(subject => subject.name === 'certifi')!
    expect([...certifi.hashes!].sort()).toEqual(CERTIFI)
  })

  test("pylock.toml's hashes tables and uv.lock's wheels all count", async () => {
    const pylock = await lockfileSubjects(path.join(LOCKFILES, 'pylock.toml'), 'pylock.toml')
    expect(pylock.find(s => s.name === 'markupsafe')!.hashes).toEqual([
      'sha256:722695808f4b6457b320fdc131280796bdceb04ab50fe1795cd540799ebe1698',
      'sha256:d6dd0be5b5b189d31db7cda48b91d7e0a9795f31430b7f271219ab30f1d3ac9d',
      'sha256:77f0643abe7495da77fb436f50f8dab76dbc6e5fd25d39589a0f1fe6548bfa2b'
    ])
    const uv = await lockfileSubjects(path.join(LOCKFILES, 'uv.lock'), 'uv.lock')
    // Two versions of one name, each with its own digests.
    const sorted = uv.filter(s => s.name === 'sortedcontainers')
    expect(sorted.map(s => s.version)).toEqual(['2.3.0', '2.4.0'])
    expect(sorted[0]!.hashes).not.toEqual(sorted[1]!.hashes)
  })

  test('requirements --hash options are kept per line, other algorithms included', async () => {
    const file = path.join(TESTS_DIR, 'fixtures', 'requirements', 'compiled', 'requirements.txt')
    const subjects = await requirementsSubjects(file)
    expect(subjects.find(s => s.name === 'certifi')).toEqual({
      name: 'certifi',
      version: '2024.2.2',
      location: { file, line: 13 },
      hashes: [`sha256:${'1'.repeat(64)}`, `sha256:${'2'.repeat(64)}`]
    })
    expect(subjects.find(s => s.name === 'jinja2')!.hashes![0]).toMatch(/^sha512:/)
  })

  test.each([
    ['uv.lock', '[[package]\nname = "x"'],
    ['Pipfile.lock', '{"default": '],
    ['pylock.toml', 'packages = [']
  ] as Array<[HashedLockFormat, string]>)(
    'a %s that does not parse is a ParseError naming it',
    (format, text) => {
      expect(() => lockfileHashes(format, text, `dir/${format}`)).toThrow(ParseError)
      expect(() => lockfileHashes(format, text, `dir/${format}`)).toThrow(`dir/${format}`)
    }
  )

  test('entries of an unexpected shape give no digests instead of failing', () => {
    const text =
      '[[package]]\nname = "a"\nversion = "1"\nwheels = "not a list"\nsdist = { hash = 3 }\n'
    expect(lockfileHashes('uv.lock', text, 'uv.lock')).toEqual([
      { name: 'a', version: '1', hashes: [] }
    ])
  })
})

describeRealworld('on real lockfiles and a real pip-compile output', () => {
  const pinsOf = (folder: string) =>
    readFileSync(path.join(REALWORLD, folder, 'pins.txt'), 'utf8')
      .split('\n')
      .filter(line => line !== '' && !line.startsWith('#'))

  test.each([
    ['pydantic-uv-lock', 'uv.lock', 'uv.lock'],
    ['poetry-lock', 'poetry.lock', 'poetry.lock'],
    ['pdm-lock', 'pdm.lock', 'pdm.lock'],
    ['pipenv-lock', 'Pipfile.lock', 'Pipfile.lock']
  ] as Array<[string, string, HashedLockFormat]>)(
    '%s: every registry pin has digests',
    async (folder, file, format) => {
      const subjects = await lockfileSubjects(path.join(REALWORLD, folder, file), format)
      const hashed = new Set(
        subjects.filter(s => (s.hashes ?? []).length > 0).map(s => `${s.name}==${s.version}`)
      )
      const pins = pinsOf(folder)
      expect(pins.length).toBeGreaterThan(20)
      expect(pins.filter(pin => !hashed.has(pin))).toEqual([])
    }
  )

  test("warehouse's pip-compile files: every pin has its --hash digests", async () => {
    const subjects = await requirementsSubjects(
      path.join(REALWORLD, 'warehouse-hashed', 'requirements.txt')
    )
    expect(subjects.length).toBeGreaterThan(100)
    expect(
      subjects.filter(s => !(s.hashes ?? []).every(h => /^sha256:[0-9a-f]{64}$/.test(h)))
    ).toEqual([])
    expect(subjects.filter(s => (s.hashes ?? []).length === 0)).toEqual([])
  })
})
