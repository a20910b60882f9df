/**
 * The `versions` lists of a cached record, detached as one text and attached back lazily:
 * detachVersions caches a record only when every list is a list of strings, detaches its lists
 * only when every version is plain, and what it detaches comes back as it was.
 */
import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import { attachVersions, detachVersions } from '../../src/advisories/lazy-versions.js'
import type { OsvAffected, OsvRecord } from '../../src/advisories/osv.js'

/** What detachVersions is to decide, written out plainly. */
function expectedShape(record: OsvRecord): 'not cached' | 'inline' | 'detached' {
  const lists = (record.affected ?? []).flatMap(entry =>
    entry.versions === undefined ? [] : [entry.versions as unknown]
  )
  const isStringList = (list: unknown): list is string[] =>
    Array.isArray(list) && list.every(item => typeof item === 'string')
  if (!lists.every(isStringList)) return 'not cached'
  const plain = (version: string) =>
    version !== '' &&
    version.split('').every(char => {
      const code = char.charCodeAt(0)
      // By code unit: control characters, quote, backslash and any surrogate, paired or not.
      return code >= 0x20 && char !== '"' && char !== '\\' && (code < 0xd800 || code > 0xdfff)
    })
  return lists.length > 0 && lists.every(list => list.every(plain)) ? 'detached' : 'inline'
}

const version = fc.oneof(
  fc.constantFrom('1.0', '2.0rc1', '0.9.post1', ''),
  fc.string({ maxLength: 6 }),
  fc.string({ unit: 'binary', maxLength: 4 }),
  fc.constantFrom('a\tb', 'a\nb', 'say "1"', 'back\\slash', '\ud800', '\ud83d\ude00')
)
const versionsField = fc.oneof(
  fc.constant(undefined),
  fc.array(version, { maxLength: 5 }),
  fc.array(fc.oneof(version, fc.integer(), fc.constant(null)), { maxLength: 3 }),
  fc.constantFrom(null, '1.0', 7)
)
const record = fc.array(versionsField, { maxLength: 4 }).map((fields): OsvRecord => ({
  id: 'PYSEC-0000-1',
  modified: '2026-07-01T00:00:00Z',
  affected: fields.map((versions): OsvAffected => {
    const entry: OsvAffected = { package: { ecosystem: 'PyPI', name: 'demo' } }
    if (versions !== undefined) entry.versions = versions as string[]
    return entry
  })
}))

describe('detachVersions', () => {
  test('caches, inlines or detaches as the checks written out plainly say, and attaches back the same record', () => {
    fc.assert(
      fc.property(record, original => {
        const detached = detachVersions(original)
        const shape = expectedShape(original)
        if (shape === 'not cached') return expect(detached).toBeUndefined()
        if (shape === 'inline')
          return expect(detached).toEqual({ record: original, entries: [], listed: null })
        const stored = JSON.parse(JSON.stringify(detached)) as typeof detached & object
        expect(stored.record.affected?.some(entry => 'versions' in entry)).toBe(false)
        expect(attachVersions(stored.record, stored)).toBe(true)
        expect(stored.record).toEqual(original)
      }),
      { numRuns: 2_000 }
    )
  })

  test('a record without lists, or without affected entries, stays inline', () => {
    const bare: OsvRecord = { id: 'X', modified: '2026-07-01T00:00:00Z' }
    expect(detachVersions(bare)).toEqual({ record: bare, entries: [], listed: null })
  })
})
