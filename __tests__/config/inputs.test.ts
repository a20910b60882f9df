import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'
import { actionInputs, withInputs } from '../../scripts/action-tables.js'
import { parseConfig } from '../../src/config/config.js'
import { actionDefault, type InputRow } from '../../src/config/input-kinds.js'
import { INPUT_NAMES, INPUTS, inputValues } from '../../src/config/inputs.js'
import { InputError } from '../../src/shared/errors.js'
import { TESTS_DIR } from '../support/paths.js'

const actionYml = readFileSync(path.resolve(TESTS_DIR, '..', 'action.yml'), 'utf8')
const rows = Object.entries(INPUTS as Record<string, InputRow>)
const environment = { cwd: '/work/project', env: {} }
const reader = (values: Record<string, string>) => (name: string) => values[name] ?? ''

describe('the input table and action.yml', () => {
  test("action.yml's inputs block is what the table writes (npx tsx scripts/action-tables.ts)", () => {
    expect(withInputs(actionYml, actionInputs())).toBe(actionYml)
  })

  test('every input in action.yml is a row with the same default and description, and vice versa', () => {
    const inputs = (parse(actionYml) as { inputs: Record<string, Record<string, unknown>> }).inputs
    const fromYaml = Object.entries(inputs).map(([name, input]) => ({
      name,
      default: input.default,
      description: input.description,
      required: input.required
    }))
    const fromTable = rows.map(([name, row]) => ({
      name,
      default: actionDefault(row),
      description: row.description,
      required: false
    }))
    expect(fromYaml).toEqual(fromTable)
    expect(fromYaml.map(input => input.name)).toContain('request-timeout')
  })

  test("only a workflow expression differs from the code's default", () => {
    for (const [name, row] of rows) {
      if (row.runnerDefault === undefined) continue
      expect([name, row.runnerDefault]).toEqual([name, expect.stringMatching(/^\$\{\{.*\}\}$/)])
      expect(row.default).toBe('')
    }
  })
})

describe('every row', () => {
  test.each(rows.map(([name]) => [name]))('%s: its default parses', name => {
    expect(() => inputValues(() => '')(name as (typeof INPUT_NAMES)[number])).not.toThrow()
  })

  test('a choice lists its default among its choices, and its aliases name choices', () => {
    for (const [name, row] of rows) {
      if (row.kind.type !== 'choice') continue
      expect([name, row.kind.choices]).toEqual([name, expect.arrayContaining([row.default])])
      for (const target of Object.values(row.kind.aliases)) {
        expect(row.kind.choices).toContain(target)
      }
    }
  })

  test('runner-only inputs say which value asks for nothing only when that is not the default', () => {
    const runnerOnly = rows.filter(([, row]) => row.runnerOnly).map(([name]) => name)
    expect(runnerOnly).toEqual([
      'upload-artifact',
      'artifact-name',
      'retention-days',
      'comment',
      'github-token'
    ])
    expect(INPUTS.comment.runnerOnly?.quiet).toBe('never')
    expect(INPUTS['upload-artifact'].runnerOnly?.quiet).toBe('false')
  })
})

describe('one error style: Input <name>: ...', () => {
  /** A value that each kind refuses. */
  const BAD: Record<string, string> = {
    boolean: 'maybe',
    choice: 'sometimes',
    url: 'gopher://example.org',
    seconds: 'soon',
    age: 'a fortnight',
    version: 'three',
    days: 'forever'
  }
  const refusing = rows.filter(([, row]) => BAD[row.kind.type] !== undefined)

  test('every kind that can refuse a value is tried', () => {
    expect(new Set(refusing.map(([, row]) => row.kind.type))).toEqual(new Set(Object.keys(BAD)))
  })

  test.each(refusing.map(([name, row]) => [name, BAD[row.kind.type]!]))(
    '%s=%s is an InputError that names the input first',
    (name, value) => {
      const values = name.startsWith('dependency-track-')
        ? {
            'dependency-track-url': 'https://dt',
            'dependency-track-api-key': 'k',
            'dependency-track-project': 'p',
            [name]: value
          }
        : { [name]: value }
      let thrown: unknown
      try {
        parseConfig(reader(values), environment, 'cli')
      } catch (error) {
        thrown = error
      }
      expect(thrown).toBeInstanceOf(InputError)
      expect((thrown as InputError).input).toBe(name)
      expect((thrown as InputError).message).toMatch(new RegExp(`^Input '${name}': \\S`))
      expect((thrown as InputError).message).toContain(`'${value}'`)
    }
  )

  test('every choice says what it expected the same way', () => {
    for (const [name, row] of rows) {
      if (row.kind.type !== 'choice') continue
      expect(() => parseConfig(reader({ [name]: 'zzzzzzzzzz' }), environment, 'cli')).toThrow(
        new InputError(name, `expected one of ${row.kind.choices.join(', ')}, got 'zzzzzzzzzz'`)
      )
    }
  })
})

describe('choices', () => {
  const failOnSeverity = (value: string) =>
    parseConfig(reader({ 'fail-on-severity': value }), environment, 'cli').findings.failOnSeverity

  test("fail-on-severity takes moderate, GHSA's word, for medium, and says so in action.yml", () => {
    expect(failOnSeverity('moderate')).toBe('medium')
    expect(failOnSeverity(' MODERATE ')).toBe('medium')
    expect(failOnSeverity('medium')).toBe('medium')
    expect(INPUTS['fail-on-severity'].description).toContain('moderate')
    const inputs = (parse(actionYml) as { inputs: Record<string, { description: string }> }).inputs
    expect(inputs['fail-on-severity']!.description).toMatch(/medium \(or moderate, GHSA's word/)
  })

  test.each([
    ['fail-on-severity', 'hihg', 'high'],
    ['fail-on-severity', 'moderat', 'moderate'],
    ['fail-on-severity', 'crit', 'critical'],
    ['comment', 'on-failre', 'on-failure'],
    ['license-source', 'enviroment', 'environment'],
    ['vulnerability-service', 'osb', 'osv']
  ])('%s=%s suggests %s', (name, value, suggestion) => {
    expect(() => parseConfig(reader({ [name]: value }), environment, 'cli')).toThrow(
      new RegExp(
        `^Input '${name}': expected one of .*, got '${value}'; did you mean '${suggestion}'\\?$`
      )
    )
  })

  test('a value far from every choice gets no guess', () => {
    expect(() =>
      parseConfig(reader({ 'fail-on-severity': 'catastrophic' }), environment, 'cli')
    ).toThrow(
      /^Input 'fail-on-severity': expected one of low, medium, high, critical, got 'catastrophic'$/
    )
  })
})

test('request-timeout is whole seconds from 1 to 3600, as requestTimeoutMs', () => {
  const timeout = (value: string) =>
    parseConfig(reader({ 'request-timeout': value }), environment, 'cli').requestTimeoutMs
  expect(timeout('')).toBe(60_000)
  expect(timeout('1')).toBe(1_000)
  expect(timeout(' 3600 ')).toBe(3_600_000)
  for (const bad of ['0', '3601', '1.5', '-1', '60s', '1e3']) {
    expect(() => timeout(bad)).toThrow(
      new InputError(
        'request-timeout',
        `expected a whole number of seconds from 1 to 3600, got '${bad}'`
      )
    )
  }
})
