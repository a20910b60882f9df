/**
 * The inputs whose parsers used to live in the stages (gate, staleness, licenses, comment,
 * artifact), read through the input table now; the expectations moved with them.
 */
import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import { parseLicensePolicy } from '../../src/config/config.js'
import {
  INPUT_NAMES,
  inputValues,
  type InputName,
  type InputValue
} from '../../src/config/inputs.js'
import { hasLicensePolicy, type LicensePolicy } from '../../src/licenses/policy.js'
import { InputError } from '../../src/shared/errors.js'

/** The input parsed from this one raw value, as parseConfig parses it. */
function valueOf<N extends InputName>(name: N, raw: string): InputValue<N> {
  return inputValues(input => (input === name ? raw : ''))(name)
}

function thrownBy(run: () => unknown): InputError {
  try {
    run()
  } catch (error) {
    if (error instanceof InputError) return error
    throw error
  }
  throw new Error('nothing was thrown')
}

function policyOf(inputs: Record<string, string>): LicensePolicy {
  return parseLicensePolicy(name => inputs[name] ?? '')
}

describe('fail-on-severity', () => {
  test.each([
    ['low', 'low'],
    ['medium', 'medium'],
    ['moderate', 'medium'],
    ['high', 'high'],
    ['critical', 'critical'],
    [' High ', 'high'],
    ['CRITICAL', 'critical'],
    ['', 'low']
  ])('%p is %s', (input, threshold) => {
    expect(valueOf('fail-on-severity', input)).toBe(threshold)
  })

  test.each(['none', 'unknown', '7.0', 'high,critical'])('%p is an InputError', input => {
    const error = thrownBy(() => valueOf('fail-on-severity', input))
    expect(error.input).toBe('fail-on-severity')
    expect(error.message).toBe(
      `Input 'fail-on-severity': expected one of low, medium, high, critical, got '${input}'`
    )
  })
})

describe('max-db-age', () => {
  test.each([
    ['7', 7],
    ['7d', 7],
    [' 14D ', 14],
    ['36h', 1.5],
    ['2w', 14],
    ['0', 0],
    ['0d', 0],
    ['', 7]
  ])('%j is %d days', (value, days) => {
    expect(valueOf('max-db-age', value)).toBe(days)
  })

  test.each(['-1', '1.5', '7 days', 'd', '7m', 'seven', '123456', '7d\n::warning::x'])(
    '%j is an InputError naming max-db-age',
    value => {
      const error = thrownBy(() => valueOf('max-db-age', value))
      expect(error.input).toBe('max-db-age')
      expect(error.message).toMatch(/^Input 'max-db-age': expected a whole number/)
      // Untrusted text is echoed on one line only, so it cannot start a workflow command.
      expect(error.message).not.toContain('\n')
    }
  )
})

describe('comment, license-from, license-source', () => {
  test('comment accepts never, on-failure and always', () => {
    expect(valueOf('comment', '')).toBe('never')
    expect(valueOf('comment', ' On-Failure ')).toBe('on-failure')
    expect(valueOf('comment', 'always')).toBe('always')
    expect(() => valueOf('comment', 'yes')).toThrow(
      new InputError('comment', "expected one of never, on-failure, always, got 'yes'")
    )
  })

  test('license-from accepts the four --from values, case-insensitively', () => {
    expect(valueOf('license-from', '')).toBe('mixed')
    expect(valueOf('license-from', ' Classifier ')).toBe('classifier')
    expect(() => valueOf('license-from', 'all')).toThrow(
      /^Input 'license-from': expected one of mixed, meta, classifier, expression, got 'all'$/
    )
  })

  test('license-source accepts auto, environment, pypi and none', () => {
    expect(valueOf('license-source', '')).toBe('auto')
    expect(valueOf('license-source', 'PyPI')).toBe('pypi')
    expect(() => valueOf('license-source', 'lockfile')).toThrow(
      /^Input 'license-source': expected one of auto, environment, pypi, none, got 'lockfile'$/
    )
  })
})

describe('artifact-name and retention-days', () => {
  test('artifact-name refuses the characters the service refuses', () => {
    expect(valueOf('artifact-name', '  ')).toBeUndefined()
    expect(valueOf('artifact-name', ' audit report (3.12) ')).toBe('audit report (3.12)')
    for (const bad of ['a/b', 'a\\b', 'a:b', 'a"b', 'a*b', 'a?b', 'a|b', 'a<b', 'line\nbreak']) {
      expect(() => valueOf('artifact-name', bad)).toThrow(InputError)
    }
    expect(() => valueOf('artifact-name', 'a/b')).toThrow(/Input 'artifact-name': .*"\/"/)
  })

  test('retention-days takes whole days; empty or 0 keeps the repository default', () => {
    expect(valueOf('retention-days', '')).toBeUndefined()
    expect(valueOf('retention-days', '0')).toBeUndefined()
    expect(valueOf('retention-days', ' 14 ')).toBe(14)
    for (const bad of ['-1', '1.5', 'ten', '401']) {
      expect(() => valueOf('retention-days', bad)).toThrow(
        new InputError(
          'retention-days',
          `expected a whole number of days from 1 to 90 (up to 400 where the repository allows it), got '${bad}'`
        )
      )
    }
  })
})

describe('parseLicensePolicy', () => {
  test('nothing set is no policy', () => {
    const policy = policyOf({})
    expect(policy).toEqual({
      failOn: [],
      allowOnly: [],
      partialMatch: false,
      failOnUnknown: false,
      ignorePackages: []
    })
    expect(hasLicensePolicy(policy)).toBe(false)
  })

  test("';'-separated like pip-licenses: items stripped, empty ones dropped; line breaks separate too", () => {
    const policy = policyOf({
      'license-fail-on': ' GPL-3.0-only ;;AGPL-3.0-only; ',
      'license-allow-only': 'MIT License;\nBSD License\nMIT License',
      'license-partial-match': 'true',
      'license-fail-on-unknown': 'True'
    })
    expect(policy.failOn).toEqual(['GPL-3.0-only', 'AGPL-3.0-only'])
    expect(policy.allowOnly).toEqual(['MIT License', 'BSD License'])
    expect(policy.partialMatch).toBe(true)
    expect(policy.failOnUnknown).toBe(true)
    expect(hasLicensePolicy(policy)).toBe(true)
  })

  test('a list that names no license, or a bad boolean, is an InputError naming the input', () => {
    expect(() => policyOf({ 'license-fail-on': ' ; ;' })).toThrow(InputError)
    expect(() => policyOf({ 'license-allow-only': ';' })).toThrow(
      /^Input 'license-allow-only': ';' names no license/
    )
    expect(() => policyOf({ 'license-partial-match': 'yes' })).toThrow(
      /^Input 'license-partial-match': expected true or false/
    )
    expect(() => policyOf({ 'license-fail-on-unknown': '1' })).toThrow(
      /^Input 'license-fail-on-unknown'/
    )
  })

  test('license-ignore-packages: names or name:version, normalised; anything else is refused', () => {
    expect(
      policyOf({ 'license-ignore-packages': 'Django pytz:2017.3,\nFoo_Bar.baz' }).ignorePackages
    ).toEqual([{ name: 'django' }, { name: 'pytz', version: '2017.3' }, { name: 'foo-bar-baz' }])
    expect(() => policyOf({ 'license-ignore-packages': 'good bad!name' })).toThrow(
      /^Input 'license-ignore-packages': 'bad!name' is not a package name/
    )
    expect(() => policyOf({ 'license-ignore-packages': 'pytz:' })).toThrow(/no valid version/)
  })
})

test('any value of any input either parses or is an InputError naming that input', () => {
  fc.assert(
    fc.property(fc.constantFrom(...INPUT_NAMES), fc.string(), (name, raw) => {
      try {
        valueOf(name, raw)
      } catch (error) {
        expect(error).toBeInstanceOf(InputError)
        expect((error as InputError).input).toBe(name)
        expect((error as InputError).message).toMatch(new RegExp(`^Input '${name}': `))
      }
    }),
    { numRuns: 2000 }
  )
})
