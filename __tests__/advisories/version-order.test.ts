import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import { compare, explain, valid } from '@renovatebot/pep440'
import {
  compareVersions,
  equalityKey,
  isPep440,
  isPrerelease
} from '../../src/advisories/version-order.js'

const sign = (n: number): number => (n < 0 ? -1 : n > 0 ? 1 : 0)

/**
 * Versions in every spelling PEP 440 accepts: separators, aliases, implicit numbers, case.
 * Small numbers on purpose, so that two draws often share all but one part.
 */
const spelledVersion = fc
  .record({
    v: fc.constantFrom('', 'v', 'V'),
    epoch: fc.option(fc.nat(1), { nil: undefined }),
    release: fc.array(fc.nat(2), { minLength: 1, maxLength: 3 }),
    pre: fc.option(
      fc.tuple(
        fc.constantFrom('', '.', '-', '_'),
        fc.constantFrom('a', 'b', 'c', 'rc', 'alpha', 'beta', 'pre', 'preview', 'RC'),
        fc.option(fc.nat(2), { nil: undefined })
      ),
      { nil: undefined }
    ),
    post: fc.option(
      fc.oneof(
        fc.nat(2).map(n => `-${n}`),
        fc
          .tuple(
            fc.constantFrom('', '.', '_'),
            fc.constantFrom('post', 'rev', 'r'),
            fc.option(fc.nat(2), { nil: undefined })
          )
          .map(([sep, label, n]) => `${sep}${label}${n ?? ''}`)
      ),
      { nil: undefined }
    ),
    dev: fc.option(
      fc.tuple(fc.constantFrom('', '.', '-'), fc.option(fc.nat(2), { nil: undefined })),
      { nil: undefined }
    ),
    local: fc.option(
      fc.array(fc.oneof(fc.nat(3).map(String), fc.constantFrom('abc', 'x', 'X', 'Z9')), {
        minLength: 1,
        maxLength: 2
      }),
      { nil: undefined }
    )
  })
  .map(
    ({ v, epoch, release, pre, post, dev, local }) =>
      v +
      (epoch === undefined ? '' : `${epoch}!`) +
      release.join('.') +
      (pre === undefined ? '' : `${pre[0]}${pre[1]}${pre[2] ?? ''}`) +
      (post ?? '') +
      (dev === undefined ? '' : `${dev[0]}dev${dev[1] ?? ''}`) +
      (local === undefined ? '' : `+${local.join('.')}`)
  )

/**
 * Edits of a version's normal form: respellings of the same version and changes of one part.
 * Two independent draws are rarely this close, and closeness is where a key or an order goes
 * wrong (a dropped local label, an alias read as another pre-release).
 */
const EDITS: ((normal: string) => string)[] = [
  n => n,
  n => n.replace('rc', 'c'),
  n => n.replace('rc', 'RC'),
  n => n.replace(/^(\d+(?:\.\d+)*)/, '$1.0'),
  n => `0!${n}`,
  n => `v${n}`,
  n => n.toUpperCase(),
  n => n.replace(/\+.*$/, ''),
  n => n + (n.includes('+') ? '.z' : '+z'),
  n => n.replace(/\d(?!.*\d)/, d => String((Number(d) + 1) % 10)),
  n => n.replace(/^\d+/, d => String(Number(d) + 1)),
  n =>
    n.replace(
      /(a|b|rc)(\d+)/,
      (_, label: string, num: string) => `${label === 'a' ? 'b' : 'a'}${num}`
    ),
  n => n.replace('.post', '.dev'),
  n => n.replace(/\.dev\d+/, '')
]

/** A version and either an independent one or an edit of its normal form. */
const nearPair = fc
  .tuple(spelledVersion, spelledVersion, fc.nat(EDITS.length))
  .map(([a, other, edit]) => {
    if (edit === EDITS.length) return [a, other] as const
    const edited = (EDITS[edit] as (normal: string) => string)(valid(a) as string)
    return [a, valid(edited) === null ? other : edited] as const
  })

describe('compareVersions', () => {
  test('orders the PEP 440 specification example in its stated order', () => {
    // From PEP 440's "Summary of permitted suffixes and relative ordering".
    const ordered = [
      '1.0.dev456',
      '1.0a1',
      '1.0a2.dev456',
      '1.0a12.dev456',
      '1.0a12',
      '1.0b1.dev456',
      '1.0b2',
      '1.0b2.post345.dev456',
      '1.0b2.post345',
      '1.0rc1.dev456',
      '1.0rc1',
      '1.0',
      '1.0+abc.5',
      '1.0+abc.7',
      '1.0+5',
      '1.0.post456.dev34',
      '1.0.post456',
      '1.0.15',
      '1.1.dev1'
    ]
    const shuffled = [...ordered].reverse()
    expect(shuffled.sort(compareVersions)).toEqual(ordered)
  })

  test('treats spellings PEP 440 normalises to one version as equal', () => {
    expect(compareVersions('1.0', '1.0.0')).toBe(0)
    expect(compareVersions('1.0alpha1', '1.0a1')).toBe(0)
    expect(compareVersions('1.0-1', '1.0.post1')).toBe(0)
    expect(compareVersions('1.0.post', '1.0.post0')).toBe(0)
    expect(compareVersions('v1.0c1', '1.0rc1')).toBe(0)
    expect(compareVersions('0!1.0', '1.0')).toBe(0)
    expect(compareVersions('1.0+Ubuntu-1', '1.0+ubuntu.1')).toBe(0)
  })

  test('agrees with @renovatebot/pep440 on generated versions in every spelling', () => {
    fc.assert(
      fc.property(nearPair, ([a, b]) => {
        expect(valid(a)).not.toBeNull()
        expect(sign(compareVersions(a, b))).toBe(sign(compare(a, b)))
        expect(isPrerelease(a)).toBe(explain(a)?.is_prerelease)
      }),
      { numRuns: 5000 }
    )
  })

  test('refuses to order a version that is not PEP 440', () => {
    expect(isPep440('2.6.0-NA')).toBe(false)
    expect(() => compareVersions('2.6.0-NA', '1.0')).toThrow('Not a PEP 440 version: 2.6.0-NA')
  })
})

describe('equalityKey', () => {
  test('is shared by exactly the versions the library calls equal', () => {
    fc.assert(
      fc.property(nearPair, ([a, b]) => {
        expect(equalityKey(a) === equalityKey(b)).toBe(compare(a, b) === 0)
      }),
      { numRuns: 5000 }
    )
  })

  test('keys plain, normal-form and other spellings alike', () => {
    expect(equalityKey('1.0.0')).toBe(equalityKey('1'))
    expect(equalityKey('0.0')).toBe(equalityKey('0'))
    expect(equalityKey('2.0rc1')).toBe(equalityKey('v2.0.0-RC1'))
    expect(equalityKey('1.0.post2.dev3')).toBe(equalityKey('1.0-2.dev3'))
    expect(equalityKey('1.0.dev1')).not.toBe(equalityKey('1.0'))
    expect(equalityKey('1!1.0')).not.toBe(equalityKey('1.0'))
    expect(equalityKey('1.0+local')).not.toBe(equalityKey('1.0'))
  })

  test('a version in normal form is keyed as the same version spelt another way', () => {
    // Normal forms (fast path, leading zeros included) against the same text behind a 'v',
    // which only the full parse reads.
    const normalForm = fc
      .tuple(
        fc.array(fc.constantFrom('0', '1', '2', '00', '01', '10'), { minLength: 1, maxLength: 4 }),
        fc.option(fc.tuple(fc.constantFrom('a', 'b', 'rc'), fc.constantFrom('0', '1', '01')), {
          nil: undefined
        }),
        fc.option(fc.constantFrom('0', '1', '02'), { nil: undefined }),
        fc.option(fc.constantFrom('0', '3', '003'), { nil: undefined })
      )
      .map(
        ([release, pre, post, dev]) =>
          release.join('.') +
          (pre === undefined ? '' : pre.join('')) +
          (post === undefined ? '' : `.post${post}`) +
          (dev === undefined ? '' : `.dev${dev}`)
      )
    fc.assert(
      fc.property(normalForm, version => {
        expect(equalityKey(version)).toBe(equalityKey(`v${version}`))
      }),
      { numRuns: 3000 }
    )
  })

  test('a version that is not PEP 440 is equal only to itself', () => {
    expect(equalityKey('2.6.0-NA')).toBe(equalityKey('2.6.0-NA'))
    expect(equalityKey('2.6.0-NA')).not.toBe(equalityKey('2.6.0-na'))
    // Not a plain release, whatever it looks like.
    expect(equalityKey('2.6.0-NA')).not.toBe(equalityKey('2.6'))
  })
})

describe('isPep440', () => {
  test('agrees with the library on valid and invalid strings', () => {
    const samples = ['1.0', 'v1', '1.0-NA', '2024-12-04', '1.0+', '1!', '1.0.dev', 'abc', '']
    for (const sample of samples) expect(isPep440(sample)).toBe(valid(sample) !== null)
  })
})
