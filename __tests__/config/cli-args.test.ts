import { describe, expect, test } from '@jest/globals'
import { cliInputs, parseArguments, runnerOnlyWarnings } from '../../src/cli.js'
import { parseLicensePolicy } from '../../src/config/config.js'
import { INPUT_GROUPS, actionDefault, type InputRow } from '../../src/config/input-kinds.js'
import { INPUTS } from '../../src/config/inputs.js'
import { usage } from '../../src/config/usage.js'
import { InputError } from '../../src/shared/errors.js'
import { evaluatePolicy } from '../../src/licenses/policy.js'

/** What `--help` prints. */
const USAGE = usage()

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
  expect(parseArguments(['x.txt', '--version'])).toBe('version')
})

test('runner-only flags warn when given, in the order given, and not when absent or asking for nothing', () => {
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
    '--upload-artifact applies only to the GitHub Action on a runner; ignored here',
    '--comment applies only to the GitHub Action on a runner; ignored here',
    '--retention-days applies only to the GitHub Action on a runner; ignored here'
  ])
  expect(
    runnerOnlyWarnings(
      parseArguments(['--github-token', 't', '--artifact-name=a', '--comment', 'NEVER']) as Map<
        string,
        string
      >
    )
  ).toEqual([
    '--github-token applies only to the GitHub Action on a runner; ignored here',
    '--artifact-name applies only to the GitHub Action on a runner; ignored here'
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

test('every flag the usage text shows, in its examples and its flag lines, is one the parser accepts', () => {
  const examples = USAGE.slice(USAGE.indexOf('Examples:'), USAGE.indexOf('\n\nWhere'))
  const flagLines = USAGE.split('\n').filter(line => line.startsWith('  --'))
  const flags = [
    ...[examples, ...flagLines].join('\n').matchAll(/(?<![\w-])--([a-z][a-z-]*)/g)
  ].map(match => `--${match[1]}`)
  expect(flags).toContain('--license-partial-match')
  expect(flags).toContain('--dependency-track-url')
  for (const flag of new Set(flags)) {
    if (['--help', '--version', '--name', '--no-name'].includes(flag)) continue
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

const rows = Object.entries(INPUTS as Record<string, InputRow>)

describe('flags come from the input table', () => {
  test.each(rows.map(([name]) => [name]))('--%s is a flag that sets the input', name => {
    const row = INPUTS[name as keyof typeof INPUTS] as InputRow
    const value = row.kind.type === 'boolean' ? 'false' : 'v'
    expect(parseArguments([`--${name}`, value])).toEqual(new Map([[name, value]]))
    expect(parseArguments([`--${name}=${value}`])).toEqual(new Map([[name, value]]))
  })

  test('every boolean is also --no-name; no other input is', () => {
    for (const [name, row] of rows) {
      if (row.kind.type === 'boolean') {
        expect(parseArguments([`--no-${name}`])).toEqual(new Map([[name, 'false']]))
        expect(parseArguments([`--${name}`])).toEqual(new Map([[name, 'true']]))
      } else {
        expect(() => parseArguments([`--no-${name}`])).toThrow(InputError)
      }
    }
  })

  test('every list may be repeated; any other flag given twice keeps the last value', () => {
    const lists = rows.filter(([, row]) => row.kind.type === 'list').map(([name]) => name)
    expect(lists).toEqual([
      'paths',
      'extra-index-url',
      'ignore-vulns',
      'license-fail-on',
      'license-allow-only',
      'license-ignore-packages',
      'fail-on-package-status',
      'package-check-ignore'
    ])
    for (const name of lists) {
      expect(parseArguments([`--${name}`, 'a', `--${name}=b`])).toEqual(new Map([[name, 'a\nb']]))
    }
    expect(parseArguments(['--report', 'a', '--report', 'b'])).toEqual(new Map([['report', 'b']]))
  })

  test('repeated license flags add up to one policy', () => {
    const values = parseArguments([
      '--license-fail-on',
      'GPL-3.0-only',
      '--license-fail-on',
      'AGPL-3.0-only;LGPL-3.0-only',
      '--license-ignore-packages',
      'pytz',
      '--license-ignore-packages',
      'certifi:2024.2.2'
    ]) as Map<string, string>
    const policy = parseLicensePolicy(name => values.get(name) ?? '')
    expect(policy.failOn).toEqual(['GPL-3.0-only', 'AGPL-3.0-only', 'LGPL-3.0-only'])
    expect(policy.ignorePackages).toEqual([
      { name: 'pytz' },
      { name: 'certifi', version: '2024.2.2' }
    ])
  })
})

describe('--help', () => {
  const sections = USAGE.split(/\n(?=\S[^\n]*:\n)/)
  const sectionOf = (flag: string) => sections.find(section => section.includes(`\n  ${flag}`))

  test.each(rows.map(([name]) => [name]))('lists --%s under its group, with its default', name => {
    const row = INPUTS[name as keyof typeof INPUTS] as InputRow
    const section = sectionOf(`--${name}`)
    expect(section?.startsWith(INPUT_GROUPS[row.group])).toBe(true)
    const line = section!.split('\n').find(text => new RegExp(`^  --${name}\\b(?!-)`).test(text))!
    // The flag's own lines: up to the next flag.
    const rest = section!.slice(section!.indexOf(line) + line.length)
    const notes = line + rest.split(/\n {2}--/)[0]
    if (row.kind.type === 'boolean') expect(line).toContain(`--no-${name}`)
    if (actionDefault(row)) expect(notes).toContain(`default: ${actionDefault(row)}`)
    else expect(notes).not.toMatch(/\(default:/)
    if (row.runnerOnly) expect(notes).toContain('GitHub Action only')
    else expect(notes).not.toContain('GitHub Action only')
    // The description follows, wrapped: its words, in order.
    const text = section!.slice(section!.indexOf(line) + line.length).replace(/\s+/g, ' ')
    expect(text).toContain(row.description.split(/\s+/).join(' '))
  })

  test('shows the groups in order, then --help and --version, and fits 100 columns', () => {
    const headings = USAGE.split('\n').filter(line => /^\S.*:$/.test(line))
    expect(headings).toEqual([
      'Examples:',
      'Where dependencies come from:',
      'Where advisories come from:',
      'What fails the step:',
      'Licenses:',
      'Package health:',
      'Fixes:',
      'Reports:',
      'GitHub only (the GitHub Action acts on these; given here, each is ignored with a warning):',
      'Dependency-Track:',
      'Network:',
      'Other options:'
    ])
    expect(USAGE).toMatch(/\n {2}--help, -h\n/)
    expect(USAGE).toMatch(/\n {2}--version\n/)
    const wide = USAGE.split('\n').filter(line => line.length > 100)
    expect(wide).toEqual([])
  })

  test('says where the Dependency-Track key comes from', () => {
    expect(USAGE).toContain('DEPENDENCY_TRACK_API_KEY')
  })
})

describe('an unknown option suggests the nearest', () => {
  test.each([
    ['--fail-on-sevrity', '--fail-on-severity'],
    ['--advisory-bd', '--advisory-db'],
    ['--no-stict', '--no-strict'],
    ['--verison', '--version'],
    ['--sarf', '--sarif'],
    ['--dependency-track-wiat', '--dependency-track-wait']
  ])('%s: did you mean %s?', (typed, suggested) => {
    expect(() => parseArguments([typed, 'x'])).toThrow(
      new InputError(typed, `unknown option (see --help); did you mean ${suggested}?`)
    )
  })

  test('and guesses nothing when nothing is near', () => {
    expect(() => parseArguments(['--frobnicate'])).toThrow(
      new InputError('--frobnicate', 'unknown option (see --help)')
    )
  })
})
