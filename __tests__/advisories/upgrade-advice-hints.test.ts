/**
 * The verified upgrade of each pin, kept in the match hints of the advisory cache's pack with
 * the versions the verification ruled out on the way (verify-upgrades.ts asks about them all
 * in a warm run's first querybatch).
 */
import { describe, expect, test } from '@jest/globals'
import { MatchHints } from '../../src/advisories/match-hints.js'
import { MAX_KEPT_PASSED } from '../../src/advisories/upgrade.js'

const pin = (name: string, version: string) => ({ name, version })

describe('verified upgrades in the match hints', () => {
  test('the upgrade and the versions passed on the way outlive the pack', () => {
    const first = new MatchHints()
    first.remember([pin('django', '2.2.0')], [['PYSEC-2019-1']])
    first.rememberAdvice(pin('django', '2.2.0'), 'fp', '4.2.30', ['4.2.16'])
    first.rememberAdvice(pin('kerberos', '1.2.0'), 'fp2', null, ['1.3'])
    const second = new MatchHints(JSON.parse(JSON.stringify(first.toStored())))
    expect(second.adviceFor(pin('django', '2.2.0'), 'fp')).toBe('4.2.30')
    expect(second.adviceFor(pin('django', '2.2.0'), 'other')).toBeUndefined()
    // Whatever the fingerprint: these are questions for the feed, not answers.
    expect(second.askedFor(pin('django', '2.2.0'))).toEqual(['4.2.16', '4.2.30'])
    expect(second.askedFor(pin('kerberos', '1.2.0'))).toEqual(['1.3'])
    expect(second.askedFor(pin('idna', '3.7'))).toEqual([])
  })

  test('advice kept by the release before (two parts) still reads', () => {
    const hints = new MatchHints({ 'requests==2.19.0': { ids: [], advice: ['fp', '2.31.0'] } })
    expect(hints.adviceFor(pin('requests', '2.19.0'), 'fp')).toBe('2.31.0')
    expect(hints.askedFor(pin('requests', '2.19.0'))).toEqual(['2.31.0'])
  })

  test('the same advice again changes nothing; other versions passed are new advice', () => {
    const hints = new MatchHints({ 'a==1': { ids: [], advice: ['fp', '2.0', '1.5'] } })
    hints.rememberAdvice(pin('a', '1'), 'fp', '2.0', ['1.5'])
    expect(hints.dirty).toBe(false)
    hints.rememberAdvice(pin('a', '1'), 'fp', '2.0', ['1.6'])
    expect(hints.dirty).toBe(true)
  })

  test.each([
    ['a version passed that is not text', ['fp', '2.0', 3]],
    [
      'more versions passed than are ever kept',
      ['fp', '2.0', ...Array(MAX_KEPT_PASSED + 1).fill('1.0')]
    ],
    ['no upgrade part', ['fp']]
  ])('hints with %s are none at all', (_what, advice) => {
    const hints = new MatchHints({
      'a==1': { ids: ['X'], advice },
      'b==1': { ids: ['Y'] }
    })
    expect(hints.idsFor([pin('a', '1'), pin('b', '1')])).toEqual([])
    expect(hints.askedFor(pin('a', '1'))).toEqual([])
  })
})
