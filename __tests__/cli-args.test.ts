import { expect, test } from '@jest/globals'
import { parseArguments } from '../src/cli.js'
import { InputError } from '../src/errors.js'

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
