import { describe, expect, test } from '@jest/globals'
import { parseArguments } from '../../src/cli.js'
import { parseConfig } from '../../src/config/config.js'
import { InputError } from '../../src/shared/errors.js'

const environment = {
  cwd: '/work/project',
  env: { GITHUB_WORKSPACE: '/ws', RUNNER_TEMP: '/tmp/r' }
}
const config = (values: Record<string, string>, mode: 'action' | 'cli' = 'action') =>
  parseConfig(name => values[name] ?? '', environment, mode)

describe('the fix input', () => {
  test.each([
    ['', 'off'],
    ['false', 'off'],
    ['true', 'pins'],
    ['True', 'pins'],
    ['ranges', 'ranges'],
    ['RANGES', 'ranges']
  ])('fix: %j is %s', (value, mode) => {
    expect(config({ fix: value }).fix).toBe(mode)
  })

  test('anything else is an InputError that says the three values', () => {
    expect(() => config({ fix: 'widen' })).toThrow(InputError)
    expect(() => config({ fix: 'widen' })).toThrow(
      "Input 'fix': expected one of false, true, ranges, got 'widen'"
    )
  })

  test('the patch goes beside the report, and only when fix is on and there is a report', () => {
    expect(config({ fix: 'true' }).outputs.fixPatchPath).toBe('/tmp/r/pyaudit/pyaudit-fix.patch')
    expect(config({ fix: 'true', report: 'out/r.json' }).outputs.fixPatchPath).toBe(
      '/ws/out/pyaudit-fix.patch'
    )
    expect(config({}).outputs.fixPatchPath).toBeUndefined()
    expect(config({ fix: 'true' }, 'cli').outputs.fixPatchPath).toBeUndefined()
  })

  test('the command line: --fix, --fix=ranges, --no-fix', () => {
    expect(parseArguments(['--fix', 'requirements.txt'])).toEqual(
      new Map([
        ['fix', 'true'],
        ['paths', 'requirements.txt']
      ])
    )
    expect(parseArguments(['--fix=ranges'])).toEqual(new Map([['fix', 'ranges']]))
    expect(parseArguments(['--no-fix'])).toEqual(new Map([['fix', 'false']]))
  })
})
