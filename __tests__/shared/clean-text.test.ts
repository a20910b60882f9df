import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import { cleanText, redactSecrets } from '../../src/shared/escape.js'

const ANSI_SEQUENCE =
  // eslint-disable-next-line no-control-regex
  /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-Z\\-_]|\u009b[0-?]*[ -/]*[@-~]/g
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g

/** cleanText as it was before its shortcut for text with nothing to clean. */
function everyReplacement(text: string, multiline: boolean): string {
  const flat = text
    .replace(ANSI_SEQUENCE, '')
    .replace(CONTROL, '')
    .replace(BIDI, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
  return redactSecrets(multiline ? flat : flat.replace(/\n/g, ' '))
}

describe('cleanText', () => {
  test('gives what every replacement gives, on text with and without anything to clean', () => {
    const special = [
      '\u001b[31m',
      '\u001b]8;;https://x\u0007',
      '\u009b1m',
      '\u001bP',
      '\r\n',
      '\r',
      '\n',
      '\t',
      '\u0000',
      '\u007f',
      '\u0085',
      '\u061c',
      '\u200e',
      '\u202e',
      '\u2066',
      '\u2060',
      'https://user:pw@host/',
      ' ',
      'a',
      'Ünïcode',
      '@',
      '[',
      '\\'
    ]
    const text = fc.oneof(
      fc.array(fc.constantFrom(...special), { maxLength: 8 }).map(parts => parts.join('')),
      fc.string({ unit: 'binary', maxLength: 12 })
    )
    fc.assert(
      fc.property(text, fc.boolean(), (value, multiline) => {
        expect(cleanText(value, { multiline })).toBe(everyReplacement(value, multiline))
      }),
      { numRuns: 5000 }
    )
  })

  test('leaves plain text as it is, credentials in URLs still redacted', () => {
    expect(cleanText('Cross-site scripting in the admin view')).toBe(
      'Cross-site scripting in the admin view'
    )
    expect(cleanText('see https://user:secret@example.com/x')).toBe('see https://***@example.com/x')
  })
})
