import { expect, test } from '@jest/globals'
import { cliInputs, parseArguments, runnerOnlyWarnings, USAGE } from '../../src/cli.js'
import { InputError } from '../../src/shared/errors.js'
import { evaluatePolicy, parseLicensePolicy } from '../../src/licenses/policy.js'

test('flags map onto input names; positionals and repeated --paths accumulate', () => {
  const values = parseArguments([
    'a.txt',
    '--paths',
    'b.txt',
    '--advisory-db=db.zip',
    '--no-fail-on-vulnerability',
    '--python-version',
    '3.11'
  ])
  expect(values).toEqual(
    new Map([
      ['paths', 'a.txt\nb.txt'],
      ['advisory-db', 'db.zip'],
      ['fail-on-vulnerability', 'false'],
      ['python-version', '3.11']
    ])
  )
})

test('boolean flags take an optional true/false', () => {
  expect(parseArguments(['--fail-on-vulnerability', 'false', 'x.txt'])).toEqual(
    new Map([
      ['fail-on-vulnerability', 'false'],
      ['paths', 'x.txt']
    ])
  )
  expect(parseArguments(['--fail-on-vulnerability', 'x.txt'])).toEqual(
    new Map([
      ['fail-on-vulnerability', 'true'],
      ['paths', 'x.txt']
    ])
  )
})

test('unknown flags and missing values are errors naming the flag', () => {
  expect(() => parseArguments(['--bogus'])).toThrow(
    new InputError('--bogus', 'unknown option (see --help)')
  )
  expect(() => parseArguments(['--osv-url'])).toThrow("Input '--osv-url': needs a value")
  expect(parseArguments(['--help'])).toBe('help')
})

test('runner-only flags warn when given, and not when absent or asking for nothing', () => {
  expect(runnerOnlyWarnings(parseArguments(['x.txt']) as Map<string, string>)).toEqual([])
  expect(
    runnerOnlyWarnings(
      parseArguments(['--no-upload-artifact', '--comment', 'never', 'x.txt']) as Map<string, string>
    )
  ).toEqual([])
  expect(
    runnerOnlyWarnings(
      parseArguments(['--upload-artifact', '--comment=on-failure', '--retention-days', '3']) as Map<
        string,
        string
      >
    )
  ).toEqual([
    '--comment applies only to the GitHub Action on a runner; ignored here',
    '--upload-artifact applies only to the GitHub Action on a runner; ignored here',
    '--retention-days applies only to the GitHub Action on a runner; ignored here'
  ])
})

test('the Dependency-Track key comes from the flag, else from the environment with a server only', () => {
  const server = new Map([['dependency-track-url', 'https://dt.example']])
  const env = { DEPENDENCY_TRACK_API_KEY: ' from-env\n' }
  const key = (values: Map<string, string>, environment: NodeJS.ProcessEnv) =>
    cliInputs(values, environment)('dependency-track-api-key')
  expect(key(server, env)).toBe('from-env')
  expect(key(new Map([...server, ['dependency-track-api-key', 'from-flag']]), env)).toBe(
    'from-flag'
  )
  // Exported in a shell profile, it must not turn a plain audit into an input error.
  expect(key(new Map(), env)).toBe('')
  expect(() => cliInputs(server, {})).toThrow(
    new InputError(
      'dependency-track-api-key',
      'is required with --dependency-track-url: set the DEPENDENCY_TRACK_API_KEY environment variable'
    )
  )
})

test('every flag the usage text shows is one the parser accepts', () => {
  const flags = [...USAGE.matchAll(/(?<![\w-])--([a-z][a-z-]*)/g)].map(match => `--${match[1]}`)
  expect(flags).toContain('--dependency-track-url')
  for (const flag of new Set(flags)) {
    if (flag === '--help' || flag === '--name' || flag === '--no-name') continue
    // An unknown flag throws; a known one takes 'x' as its value or as a path.
    expect(() => parseArguments([flag, 'x'])).not.toThrow()
  }
})

test("the usage text's license example catches GPL however spelled; exact names would not", () => {
  const example = /--license-fail-on '([^']+)' --license-partial-match/.exec(USAGE)
  expect(example).not.toBeNull()
  const args = ['--license-fail-on', example![1]!, '--license-partial-match']
  const values = parseArguments(args) as Map<string, string>
  const policy = parseLicensePolicy(name => values.get(name) ?? '')
  const exact = { ...policy, partialMatch: false }
  const subject = (name: string) => ({
    names: [name],
    field: 'classifier' as const,
    spdx: null,
    unknown: false
  })
  for (const license of [
    'GPL-3.0-or-later',
    'GNU General Public License v3 (GPLv3)',
    'GNU Lesser General Public License v2 or later (LGPLv2+)'
  ]) {
    expect(evaluatePolicy(subject(license), policy)).not.toEqual([])
    expect(evaluatePolicy(subject(license), exact)).toEqual([])
  }
  expect(evaluatePolicy(subject('MIT License'), policy)).toEqual([])
})
