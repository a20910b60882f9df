/**
 * A requirements file comes from whoever opened the pull request; the runner's environment holds
 * its secrets. `${VAR}` in the file must stay as written: a reader that expanded it would put a
 * secret in the report, the summary, the SBOM and the requests sent to the feeds.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { collectDependencies } from '../../src/deps/collect.js'
import { markerEnvironmentFor } from '../../src/deps/markers.js'
import { readDependencyFile } from '../../src/deps/read-file.js'
import { parseRequirementsFile, requirementsToSource } from '../../src/deps/requirements.js'
import { ParseError } from '../../src/shared/errors.js'
import { silentLogger } from '../../src/shared/log.js'

export const SECRETS = {
  GITHUB_TOKEN: 'ghs_secretGitHubToken0123456789',
  ACTIONS_RUNTIME_TOKEN: 'eyJsecretRuntimeToken.abc',
  PRIVATE_INDEX_PASSWORD: 'hunter2-secret-index-password'
}

export const LEAKY_REQUIREMENTS = [
  'six==1.16.0',
  'leak===${GITHUB_TOKEN}',
  './${ACTIONS_RUNTIME_TOKEN}/pkg',
  'private @ https://user:${PRIVATE_INDEX_PASSWORD}@pypi.example.com/private-1.0-py3-none-any.whl',
  ''
].join('\n')

const secretValues = Object.values(SECRETS)

let dir: string
const saved: Record<string, string | undefined> = {}
beforeAll(() => {
  dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'pyaudit-secrets-')))
  fs.writeFileSync(path.join(dir, 'requirements.txt'), LEAKY_REQUIREMENTS)
  // A reader that looked at process.env itself would find them too.
  for (const [name, value] of Object.entries(SECRETS)) {
    saved[name] = process.env[name]
    process.env[name] = value
  }
})
afterAll(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
  }
  fs.rmSync(dir, { recursive: true, force: true })
})

function expectNoSecret(value: unknown): void {
  const text = JSON.stringify(value)
  for (const secret of secretValues) expect(text).not.toContain(secret)
}

describe('environment variables in a requirements file', () => {
  test('are never expanded by the reader, even with the secrets in the environment it is given', async () => {
    const file = path.join(dir, 'requirements.txt')
    // Not an object literal: the reader's options no longer have `env`, and extra fields must not matter.
    const context = {
      markerEnvironment: markerEnvironmentFor('3.12'),
      env: { ...process.env, ...SECRETS },
      displayPath: (f: string) => path.relative(dir, f),
      allowedRoots: [dir]
    }
    const read = await readDependencyFile({ file, format: 'requirements' }, context)
    expectNoSecret(read)
    expect(read.source.dependencies.map(d => `${d.name}==${d.version}`)).toEqual(['six==1.16.0'])
    expect(read.source.skipped.map(s => [s.location.line, s.name])).toEqual([
      [2, 'leak'],
      [3, './${ACTIONS_RUNTIME_TOKEN}/pkg'],
      [4, 'private']
    ])
    for (const skip of read.source.skipped) expect(skip.version).toBeUndefined()
    expect(read.source.skipped[0]!.reason).toMatch(
      /^not expanded: \$\{GITHUB_TOKEN\} is an environment variable/
    )
    expect(read.source.skipped[1]!.reason).toMatch(/\$\{ACTIONS_RUNTIME_TOKEN\}/)
    expect(read.source.skipped[2]!.reason).toMatch(/\$\{PRIVATE_INDEX_PASSWORD\}/)
  })

  test('are kept as written in the text handed on (pip expands them itself when it reads the file)', async () => {
    const parsed = await parseRequirementsFile(path.join(dir, 'requirements.txt'), {
      markerEnvironment: markerEnvironmentFor('3.12')
    })
    expect(parsed.lines.map(line => line.raw)).toEqual(LEAKY_REQUIREMENTS.split('\n').slice(0, 4))
    expect(parsed.lines.slice(1).map(line => line.variables)).toEqual([
      ['GITHUB_TOKEN'],
      ['ACTIONS_RUNTIME_TOKEN'],
      ['PRIVATE_INDEX_PASSWORD']
    ])
    expectNoSecret(requirementsToSource(parsed, 'requirements.txt'))
  })

  test('collecting the project with the runner environment leaks no secret', async () => {
    const sources = await collectDependencies({
      paths: [],
      workingDirectory: dir,
      resolve: 'none',
      extraIndexUrls: [],
      env: { ...process.env, ...SECRETS },
      logger: silentLogger
    })
    expectNoSecret(sources)
    expect(sources[0]!.skipped).toHaveLength(3)
  })

  test.each([
    ['a version', 'a==${V}', 'a'],
    ['a name', '${PKG}==1.0', '${PKG}==1.0'],
    ['a marker', 'a==1.0; python_version < "${PY}"', 'a'],
    ['an extra', 'a[${E}]==1.0', 'a'],
    ['a hash option only', 'a==1.0 --hash=sha256:${H}', undefined]
  ])('a reference in %s', async (_where, line, skippedName) => {
    fs.writeFileSync(path.join(dir, 'one.txt'), `${line}\n`)
    const parsed = await parseRequirementsFile(path.join(dir, 'one.txt'), {
      markerEnvironment: markerEnvironmentFor('3.12')
    })
    const source = requirementsToSource(parsed, 'one.txt')
    if (skippedName === undefined) {
      // Options after a requirement are not part of what is installed: the pin stays audited.
      expect(source.dependencies.map(d => d.version)).toEqual(['1.0'])
    } else {
      expect(source.dependencies).toEqual([])
      expect(source.skipped.map(s => [s.name, s.location.line])).toEqual([[skippedName, 1]])
    }
  })

  test('a constraint whose version is a variable pins nothing', async () => {
    fs.writeFileSync(path.join(dir, 'c.txt'), 'a==${V}\n')
    fs.writeFileSync(path.join(dir, 'constrained.txt'), '-c c.txt\na\n')
    const parsed = await parseRequirementsFile(path.join(dir, 'constrained.txt'), {
      markerEnvironment: markerEnvironmentFor('3.12')
    })
    const source = requirementsToSource(parsed, 'constrained.txt')
    expect(source.dependencies).toEqual([])
    expect(source.skipped.map(s => s.name)).toEqual(['a'])
  })

  test('an include named by a variable is refused, naming the variable, not followed', async () => {
    fs.writeFileSync(path.join(dir, 'includes.txt'), 'six==1.16.0\n-r ${GITHUB_TOKEN}.txt\n')
    fs.writeFileSync(path.join(dir, `${SECRETS.GITHUB_TOKEN}.txt`), 'six==1.16.0\n')
    const error = await parseRequirementsFile(path.join(dir, 'includes.txt'), {
      markerEnvironment: markerEnvironmentFor('3.12'),
      displayPath: (f: string) => path.relative(dir, f)
    }).then(
      () => undefined,
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(ParseError)
    expect((error as ParseError).position).toEqual({ file: 'includes.txt', line: 2, column: 1 })
    expect((error as ParseError).message).toMatch(/\$\{GITHUB_TOKEN\}/)
    expectNoSecret((error as ParseError).message)
  })
})
