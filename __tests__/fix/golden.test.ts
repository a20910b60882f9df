import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import * as path from 'node:path'
import { planPyprojectFix } from '../../src/fix/pyproject.js'
import {
  planRequirementsFix,
  sitesWithHashes,
  type HashAnswer,
  type RequirementsSite
} from '../../src/fix/requirements.js'
import type { FixTarget } from '../../src/fix/types.js'
import { TESTS_DIR } from '../support/paths.js'

const golden = (name: string): string =>
  readFileSync(path.join(TESTS_DIR, 'fix', 'golden', name), 'utf8')
const crlf = (text: string): string => text.replace(/\n/g, '\r\n')
const digest = (digit: string): string => digit.repeat(64)

const target = (name: string, version: string, fixVersion: string): FixTarget => ({
  name,
  version,
  fixVersion
})

/** The line each pin of a golden file starts on. */
function lineOf(text: string, start: string): number {
  const index = text.split(/\r?\n/).findIndex(line => line.startsWith(start))
  if (index === -1) throw new Error(`no line starts with ${start}`)
  return index + 1
}

describe('requirements files: golden', () => {
  const hashed = golden('pip-compile-hashes.txt')
  const hashedSites: RequirementsSite[] = [
    { target: target('jinja2', '2.10.1', '3.1.3'), line: lineOf(hashed, 'jinja2==') },
    { target: target('pyyaml', '5.3', '5.4'), line: lineOf(hashed, 'pyyaml==') },
    { target: target('requests', '2.19.1', '2.31.0'), line: lineOf(hashed, 'requests[') }
  ]
  const answers: Record<string, HashAnswer> = {
    jinja2: { sha256: [digest('1')] },
    pyyaml: { sha256: [digest('2'), digest('3'), digest('4')] },
    requests: { unavailable: 'the index could not be asked (HTTP 503)' }
  }

  test.each([
    ['LF', (text: string) => text],
    ['CRLF', crlf]
  ])(
    'pip-compile --generate-hashes output (%s): versions and hashes replaced, one --hash per new file, laid out as before; a line whose digests are unknown is left as it was',
    (_endings, convert) => {
      const input = convert(hashed)
      expect(sitesWithHashes(input, hashedSites).map(site => site.name)).toEqual([
        'jinja2',
        'pyyaml',
        'requests'
      ])
      const plan = planRequirementsFix(input, '/repo/requirements/main.txt', hashedSites, {
        widen: false,
        hashes: site => answers[site.name]!
      })
      expect(plan.text).toBe(convert(golden('pip-compile-hashes.fixed.txt')))
      expect(plan.fixed.map(fixed => [fixed.name, fixed.before, fixed.after])).toEqual([
        ['jinja2', '==2.10.1', '==3.1.3'],
        ['pyyaml', '==5.3', '==5.4']
      ])
      expect(plan.notes).toEqual([
        {
          kind: 'needs-hand',
          name: 'requests',
          version: '2.19.1',
          fixVersion: '2.31.0',
          location: { file: '/repo/requirements/main.txt', line: lineOf(hashed, 'requests[') },
          detail: 'it carries --hash, and the index could not be asked (HTTP 503)'
        }
      ])
    }
  )

  const service = golden('service.txt')
  const serviceSites: RequirementsSite[] = [
    { target: target('requests', '2.19.1', '2.31.0'), line: lineOf(service, 'requests[') },
    { target: target('urllib3', '1.26.18', '1.26.19'), line: lineOf(service, 'urllib3') },
    { target: target('django', '2.2.0', '4.2.30'), line: lineOf(service, 'Django') },
    { target: target('pyyaml', '5.3', '5.4'), line: lineOf(service, 'PyYAML') },
    { target: target('cryptography', '2.9', '42.0.4'), line: lineOf(service, 'cryptography') },
    { target: target('idna', '2.8', '3.7'), line: lineOf(service, 'idna') },
    { target: target('jinja2', '2.10.1', '3.1.3'), line: lineOf(service, 'Jinja2') }
  ]
  const noHashes = (): HashAnswer => {
    throw new Error('no line here carries --hash')
  }

  test.each([
    ['LF', (text: string) => text],
    ['CRLF', crlf]
  ])(
    'a hand-written file (%s): ==, ===, spaces, extras, parentheses, markers on a continued line and comments kept; a range that admits the fix is said to, one that excludes it is not widened',
    (_endings, convert) => {
      const plan = planRequirementsFix(convert(service), '/repo/requirements.txt', serviceSites, {
        widen: false,
        hashes: noHashes
      })
      expect(plan.text).toBe(convert(golden('service.fixed.txt')))
      expect(plan.fixed.map(fixed => [fixed.name, fixed.kind, fixed.before, fixed.after])).toEqual([
        ['requests', 'pin', '== 2.19.1', '== 2.31.0'],
        ['urllib3', 'pin', '===1.26.18', '===1.26.19'],
        ['django', 'pin', '==2.2.0', '==4.2.30'],
        ['pyyaml', 'pin', '==5.3', '==5.4'],
        ['jinja2', 'pin', '==2.10.1', '==3.1.3']
      ])
      expect(plan.notes.map(note => [note.name, note.kind, note.detail, note.constraint])).toEqual([
        [
          'cryptography',
          'range-excludes',
          "'>=2.0,<3' excludes it; fix: ranges widens it",
          'cryptography>=42.0.4'
        ],
        ['idna', 'range-admits', "'>=2.5' admits it", undefined]
      ])
    }
  )

  test('fix: ranges widens the range that excluded the fix, and only that one', () => {
    const plan = planRequirementsFix(service, '/repo/requirements.txt', serviceSites, {
      widen: true,
      hashes: noHashes
    })
    expect(plan.text).toBe(golden('service.ranges.txt'))
    const widened = plan.fixed.filter(fixed => fixed.kind === 'range')
    expect(widened.map(fixed => [fixed.before, fixed.after])).toEqual([['>=2.0,<3', '>=42.0.4']])
    expect(plan.notes.map(note => note.kind)).toEqual(['range-admits'])
  })

  test('a byte order mark stays, and the first line is still fixed', () => {
    const plan = planRequirementsFix(
      '\uFEFFrequests==2.19.1\n',
      '/repo/r.txt',
      [{ target: target('requests', '2.19.1', '2.31.0'), line: 1 }],
      { widen: false, hashes: noHashes }
    )
    expect(plan.text).toBe('\uFEFFrequests==2.31.0\n')
  })

  test('a version split by a continuation, or a line that no longer declares the pin, is left and said so', () => {
    const text = 'requests==2.19.\\\n1\nidna==2.8\n'
    const plan = planRequirementsFix(
      text,
      '/repo/r.txt',
      [
        { target: target('requests', '2.19.1', '2.31.0'), line: 1 },
        { target: target('urllib3', '1.26.18', '1.26.19'), line: 3 },
        { target: target('idna', '2.7', '3.7'), line: 3 }
      ],
      { widen: false, hashes: noHashes }
    )
    expect(plan.text).toBe(text)
    expect(plan.notes.map(note => [note.name, note.detail])).toEqual([
      ['requests', 'its version is split across lines'],
      ['urllib3', 'it declares idna'],
      ['idna', 'it pins another version than 2.7']
    ])
  })
})

describe('pyproject.toml: golden', () => {
  const pyproject = golden('pyproject.toml')
  const targets = [
    target('django', '2.2.0', '4.2.30'),
    target('requests', '2.19.1', '2.31.0'),
    target('pillow', '9.5.0', '12.3.0'),
    target('idna', '2.8', '3.7'),
    target('pyyaml', '5.3', '5.4'),
    target('pytest', '6.0.0', '7.0.0'),
    target('urllib3', '1.26.18', '1.26.19'),
    target('jinja2', '2.10.1', '3.1.3'),
    target('cryptography', '2.9', '42.0.4')
  ]

  test.each([
    ['LF', (text: string) => text],
    ['CRLF', crlf]
  ])(
    'PEP 621 dependencies and extras, PEP 735 groups and Poetry versions (%s): only version text changes, every other byte as it was',
    (_endings, convert) => {
      const plan = planPyprojectFix(convert(pyproject), '/repo/pyproject.toml', targets, {
        mode: 'pins',
        widen: false
      })
      expect(plan.text).toBe(convert(golden('pyproject.fixed.toml')))
      expect(
        plan.fixed.map(fixed => [fixed.name, fixed.location.line, fixed.before, fixed.after])
      ).toEqual([
        ['django', 10, '==2.2.0', '==4.2.30'],
        ['requests', 11, '== 2.19.1', '== 2.31.0'],
        ['pyyaml', 17, '==5.3', '==5.4'],
        ['pytest', 20, '==6.0.0', '==7.0.0'],
        ['urllib3', 25, '1.26.18', '1.26.19'],
        ['jinja2', 28, '==2.10.1', '==3.1.3']
      ])
      expect(
        plan.notes.map(note => [note.name, note.kind, note.location.line, note.constraint])
      ).toEqual([
        ['pillow', 'range-excludes', 12, 'pillow>=12.3.0'],
        ['idna', 'range-admits', 13, undefined],
        ['cryptography', 'range-excludes', 32, 'cryptography = ">=42.0.4"']
      ])
    }
  )

  test('fix: ranges widens the PEP 621 range and the Poetry caret that excluded the fix', () => {
    const plan = planPyprojectFix(pyproject, '/repo/pyproject.toml', targets, {
      mode: 'pins',
      widen: true
    })
    expect(plan.text).toBe(golden('pyproject.ranges.toml'))
    expect(
      plan.fixed.filter(fixed => fixed.kind === 'range').map(fixed => [fixed.before, fixed.after])
    ).toEqual([
      ['>=9,<10', '>=12.3.0'],
      ['^2.8', '>=42.0.4']
    ])
  })

  test('beside a lockfile every declaration is a range: an exact pin excludes the fix and is named, never rewritten without fix: ranges', () => {
    const plan = planPyprojectFix(pyproject, '/repo/pyproject.toml', targets, {
      mode: 'declared',
      widen: false
    })
    expect(plan.text).toBe(pyproject)
    expect(
      plan.notes.filter(note => note.kind === 'range-excludes').map(note => note.name)
    ).toEqual([
      'django',
      'requests',
      'pillow',
      'pyyaml',
      'pytest',
      'urllib3',
      'jinja2',
      'cryptography'
    ])
    const widened = planPyprojectFix(pyproject, '/repo/pyproject.toml', targets, {
      mode: 'declared',
      widen: true
    })
    expect(widened.text).toBe(golden('pyproject.ranges.toml'))
  })

  test('a string written with escapes is left and said so; a file that is not TOML changes nothing', () => {
    const escaped = '[project]\ndependencies = ["django\\u003d=2.2.0"]\n'
    const plan = planPyprojectFix(escaped, '/repo/pyproject.toml', [targets[0]!], {
      mode: 'pins',
      widen: false
    })
    expect(plan.text).toBe(escaped)
    expect(plan.notes.map(note => note.detail)).toEqual([
      'its string is written with escapes or across lines'
    ])
    const broken = '[project\ndependencies = ["django==2.2.0"]\n'
    const refused = planPyprojectFix(broken, '/repo/pyproject.toml', [targets[0]!], {
      mode: 'pins',
      widen: false
    })
    expect(refused.text).toBe(broken)
    expect(refused.notes.map(note => note.detail)).toEqual(['invalid TOML'])
  })
})
