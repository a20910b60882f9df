import { describe, expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { isSafePackageName, lockfileCommand, shellLine } from '../../src/fix/lockfile-commands.js'
import { admittingConstraint, changeSpecifier, readClauses } from '../../src/fix/specifier.js'

describe('the command that upgrades a lockfile pin', () => {
  test.each([
    ['uv.lock', '/p/uv.lock', 'uv lock --upgrade-package pillow==12.3.0'],
    ['poetry.lock', '/p/poetry.lock', 'poetry update pillow'],
    ['pdm.lock', '/p/pdm.lock', 'pdm update pillow'],
    ['Pipfile.lock', '/p/Pipfile.lock', 'pipenv upgrade pillow==12.3.0'],
    ['pylock.toml', '/p/pylock.toml', 'python -m pip lock . pillow==12.3.0 --output pylock.toml'],
    [
      'pylock.toml',
      '/p/pylock.dev.toml',
      'python -m pip lock . pillow==12.3.0 --output pylock.dev.toml'
    ]
  ] as const)('%s (%s): %s', (format, lockfile, expected) => {
    const command = lockfileCommand(format, lockfile, 'pillow', '12.3.0', true)
    expect(Array.isArray(command) && shellLine(command)).toBe(expected)
  })

  test('pylock.toml without a project beside it: no guessed command, the reason instead', () => {
    expect(lockfileCommand('pylock.toml', '/p/pylock.toml', 'pillow', '12.3.0', false)).toBe(
      'pip lock has no upgrade of one package: lock again from the inputs that wrote this file, adding pillow==12.3.0'
    )
  })

  test.each([
    ['pillow; rm -rf /', 'its name is not a valid package name'],
    ['$(touch pwned)', 'its name is not a valid package name'],
    ['Pillow', 'its name is not a valid package name'],
    ['-rf', 'its name is not a valid package name'],
    ['pillow-', 'its name is not a valid package name']
  ])('an untrusted name is refused, never put in a command: %s', (name, reason) => {
    expect(lockfileCommand('uv.lock', '/p/uv.lock', name, '12.3.0', true)).toBe(reason)
  })

  test('a version that is not PEP 440 is refused; an epoch is quoted so that no shell expands its !', () => {
    expect(lockfileCommand('uv.lock', '/p/uv.lock', 'pillow', '1;id', true)).toBe(
      "'1;id' is not a PEP 440 version"
    )
    const command = lockfileCommand('Pipfile.lock', '/p/Pipfile.lock', 'pillow', '1!2.0', true)
    expect(Array.isArray(command) && shellLine(command)).toBe("pipenv upgrade 'pillow==1!2.0'")
  })

  test('PEP 508 names, normalised, are the only names accepted', () => {
    expect(['a', 'zope-interface', 'py3', 'a1-b2'].every(isSafePackageName)).toBe(true)
    expect(['', 'A', 'a_b', 'a.b', '-a', 'a b', 'ä'].some(isSafePackageName)).toBe(false)
  })

  test('a shell reads each shown command back as exactly its arguments', () => {
    const shells = spawnSync('sh', ['-c', 'printf "%s\\n" "$@"', 'sh', 'x'], { encoding: 'utf8' })
    if (shells.status !== 0) {
      console.warn('skipped: no sh to read commands back')
      return
    }
    for (const argv of [
      ['pipenv', 'upgrade', 'pillow==1!2.0'],
      ['echo', "it's", 'a b', '$HOME', '`id`', '*']
    ]) {
      const echoed = spawnSync('sh', ['-c', `printf '%s\\n' ${shellLine(argv.slice(1))}`], {
        encoding: 'utf8'
      })
      expect(echoed.stdout).toBe(
        argv
          .slice(1)
          .map(arg => `${arg}\n`)
          .join('')
      )
    }
  })
})

describe('what a fix does to a version specifier', () => {
  const change = (text: string, syntax: 'pep440' | 'poetry', widen = false, pinsAreFixed = true) =>
    changeSpecifier(text, syntax, '2.2.0', '4.2.30', { pinsAreFixed, widen })

  test('clauses keep their offsets, for PEP 440 and Poetry alike', () => {
    expect(readClauses(' >= 1.0 , < 2', 'pep440')).toMatchObject([
      { op: '>=', version: '1.0', start: 1, versionStart: 4, versionEnd: 7 },
      { op: '<', version: '2', start: 10, versionStart: 12, versionEnd: 13 }
    ])
    expect(readClauses('^1.2 || ^2', 'poetry')).toBe('an "or" (^1.2 || ^2)')
    expect(readClauses('1.2.3', 'poetry')).toMatchObject([{ op: '', version: '1.2.3' }])
  })

  test.each([
    ['==2.2.0', 'pep440', { kind: 'rewrite', start: 2, end: 7, text: '4.2.30' }],
    ['== 2.2', 'pep440', { kind: 'rewrite', start: 3, end: 6, text: '4.2.30' }],
    ['==2.2.0,!=3.0', 'pep440', { kind: 'rewrite', text: '4.2.30' }],
    ['==2.1.0', 'pep440', { kind: 'other-pin' }],
    ['>=2.0', 'pep440', { kind: 'admits' }],
    ['~=2.2', 'pep440', { kind: 'excludes' }],
    ['==2.2.0,<3', 'pep440', { kind: 'excludes' }],
    ['2.2.0', 'poetry', { kind: 'rewrite', start: 0, end: 5, text: '4.2.30' }],
    ['^4.0', 'poetry', { kind: 'admits' }],
    ['^2.2', 'poetry', { kind: 'excludes' }],
    ['*', 'poetry', { kind: 'admits' }]
  ] as const)('%s (%s)', (text, syntax, expected) => {
    expect(change(text, syntax)).toMatchObject(expected)
  })

  test.each([
    ['~=2.2', 'pep440', '>=4.2.30'],
    ['>=2.0,<3,!=2.5', 'pep440', '>=4.2.30,!=2.5'],
    ['>=2.0, <3, <5', 'pep440', '>=4.2.30, <5'],
    ['==2.2.0,<3', 'pep440', '==4.2.30'],
    ['^2.2', 'poetry', '>=4.2.30'],
    ['>=2 <3', 'poetry', '>=4.2.30']
  ] as const)('fix: ranges widens %s (%s) to %s', (text, syntax, widened) => {
    const result = change(text, syntax, true)
    expect(result.kind).toBe('rewrite')
    if (result.kind !== 'rewrite') return
    expect(text.slice(0, result.start) + result.text + text.slice(result.end)).toBe(widened)
  })

  test('beside a lockfile an exact pin is a range: it excludes the fix, and fix: ranges moves it', () => {
    expect(change('==2.2.0', 'pep440', false, false)).toEqual({ kind: 'excludes' })
    expect(change('==2.2.0', 'pep440', true, false)).toMatchObject({ text: '4.2.30', start: 2 })
  })

  test('a fixed version that is not PEP 440 is never written', () => {
    expect(
      changeSpecifier('==1.0', 'pep440', '1.0', '2.0"; x', { pinsAreFixed: true, widen: false })
    ).toEqual({
      kind: 'unreadable',
      reason: `'2.0"; x' is not a PEP 440 version`
    })
    expect(admittingConstraint('pillow', '12.3.0')).toBe('pillow>=12.3.0')
  })
})
