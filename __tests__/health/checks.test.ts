import { describe, expect, test } from '@jest/globals'
import { declaredSha256, findPackageIssues } from '../../src/health/checks.js'
import {
  applyPackageCheckIgnores,
  parsePackageCheckIgnoreInput,
  type PackageCheckIgnoreRule
} from '../../src/health/ignore.js'
import { PACKAGE_ISSUE_RULES, toPackageIssueEntry } from '../../src/health/report-entry.js'
import {
  PACKAGE_ISSUE_KINDS,
  type HealthSubject,
  type IndexAnswer,
  type IndexLookup,
  type PackageIssue,
  type ProjectFacts,
  type ReleaseFacts
} from '../../src/health/types.js'
import { InputError } from '../../src/shared/errors.js'

const PYPI = 'https://pypi.org/simple/'
const PRIVATE = 'https://***@private.example/simple/'
const A = 'a'.repeat(64)
const B = 'b'.repeat(64)

const subject = (
  name: string,
  version: string,
  line: number,
  hashes?: string[]
): HealthSubject => ({
  name,
  version,
  location: { file: '/repo/requirements.txt', line },
  ...(hashes ? { hashes } : {})
})

const release = (version: string, facts: Partial<ReleaseFacts> = {}): ReleaseFacts => ({
  version,
  files: 2,
  yankedFiles: 0,
  sha256: [A, B],
  filesWithoutSha256: 0,
  ...facts
})

const served = (index: string, project: Partial<ProjectFacts> = {}): IndexAnswer => ({
  index,
  found: true,
  project: { status: { status: 'active' }, releases: [], ...project }
})
const absent = (index: string): IndexAnswer => ({ index, found: false, httpStatus: 404 })

const kinds = (issues: PackageIssue[]) =>
  issues.map(issue => [issue.name, issue.kind, issue.failing])

describe('findPackageIssues', () => {
  test('a healthy pin is not mentioned', () => {
    const lookups: IndexLookup[] = [
      { name: 'requests', answers: [served(PYPI, { releases: [release('2.31.0')] })] }
    ]
    expect(findPackageIssues([subject('requests', '2.31.0', 1, [`sha256:${A}`])], lookups)).toEqual(
      []
    )
  })

  test('not-found on every index names both causes and the fix, and fails by default', () => {
    const lookups = [{ name: 'requets', answers: [absent(PYPI), absent(PRIVATE)] }]
    const [issue] = findPackageIssues([subject('requets', '2.19.1', 3)], lookups)
    expect(issue).toMatchObject({
      name: 'requets',
      version: '2.19.1',
      kind: 'not-found',
      location: { file: '/repo/requirements.txt', line: 3 },
      failing: true
    })
    expect(issue!.reason).toContain(`any of ${PYPI} and ${PRIVATE}`)
    expect(issue!.reason).toMatch(/misspelt/)
    expect(issue!.reason).toMatch(/dependency confusion/)
    expect(issue!.reason).toMatch(/set index-url to the private index/)
    expect(issue!.reason).toMatch(/package-check-ignore/)
  })

  test('a name only the extra index serves is healthy', () => {
    const lookups = [
      {
        name: 'internal-lib',
        answers: [absent(PYPI), served(PRIVATE, { releases: [release('1.0')] })]
      }
    ]
    expect(findPackageIssues([subject('internal-lib', '1.0', 1)], lookups)).toEqual([])
  })

  test.each([
    ['quarantined', true, /unsafe/],
    ['archived', false, /no further releases/],
    ['deprecated', false, /obsolete/]
  ] as const)('%s carries the reason; failing: %s', (status, failing, meaning) => {
    const lookups = [
      {
        name: 'demo',
        answers: [served(PYPI, { status: { status, reason: 'said the index' } })]
      }
    ]
    const issues = findPackageIssues([subject('demo', '1.0', 7)], lookups)
    expect(kinds(issues)).toEqual([['demo', status, failing]])
    expect(issues[0]!.reason).toMatch(meaning)
    expect(issues[0]!.reason).toContain('"said the index"')
    expect(issues[0]!.reason).toContain(PYPI)
  })

  test('a quarantined project is not also reported for its (absent) files or digests', () => {
    const lookups = [
      { name: 'evil', answers: [served(PYPI, { status: { status: 'quarantined' } })] }
    ]
    const issues = findPackageIssues([subject('evil', '1.0', 1, [`sha256:${A}`])], lookups)
    expect(kinds(issues)).toEqual([['evil', 'quarantined', true]])
  })

  test('yanked: every file of the pinned release, with the reason; a warning by default', () => {
    const lookups = [
      {
        name: 'demo',
        answers: [
          served(PYPI, {
            releases: [release('1.0', { yankedFiles: 2, yankedReason: 'broken wheel' })]
          })
        ]
      }
    ]
    const issues = findPackageIssues([subject('demo', '1.0.0', 2)], lookups)
    expect(kinds(issues)).toEqual([['demo', 'yanked', false]])
    expect(issues[0]!.reason).toContain('"broken wheel"')
  })

  test('a partly yanked release is not yanked', () => {
    const lookups = [
      { name: 'demo', answers: [served(PYPI, { releases: [release('1.0', { yankedFiles: 1 })] })] }
    ]
    expect(findPackageIssues([subject('demo', '1.0', 2)], lookups)).toEqual([])
  })

  test('a release yanked on one index but served whole by another is not yanked', () => {
    const lookups = [
      {
        name: 'demo',
        answers: [
          served(PYPI, { releases: [release('1.0', { yankedFiles: 2 })] }),
          served(PRIVATE, { releases: [release('1.0')] })
        ]
      }
    ]
    expect(findPackageIssues([subject('demo', '1.0', 2)], lookups)).toEqual([])
  })

  test('hash-mismatch: a declared sha256 that no file of the release has', () => {
    const C = 'c'.repeat(64)
    const lookups = [{ name: 'demo', answers: [served(PYPI, { releases: [release('1.0')] })] }]
    const issues = findPackageIssues(
      [subject('demo', '1.0', 4, [`sha256:${A}`, `SHA256:${C.toUpperCase()}`, 'sha512:ffff'])],
      lookups
    )
    expect(kinds(issues)).toEqual([['demo', 'hash-mismatch', true]])
    expect(issues[0]!.reason).toContain(`sha256:${C}`)
    expect(issues[0]!.reason).not.toContain(`sha256:${A}`)
  })

  test('digests match across indexes; a release the index lacks matches nothing', () => {
    const lookups = [
      {
        name: 'demo',
        answers: [
          served(PYPI, { releases: [release('1.0', { sha256: [A], files: 1 })] }),
          served(PRIVATE, { releases: [release('1.0', { sha256: [B], files: 1 })] })
        ]
      },
      {
        name: 'gone',
        answers: [served(PYPI, { releases: [release('9.9', { files: 0, sha256: [] })] })]
      }
    ]
    const issues = findPackageIssues(
      [
        subject('demo', '1.0', 1, [`sha256:${A}`, `sha256:${B}`]),
        subject('gone', '9.9', 2, [`sha256:${A}`])
      ],
      lookups
    )
    expect(kinds(issues)).toEqual([['gone', 'hash-mismatch', true]])
    expect(issues[0]!.reason).toContain('lists no files of 9.9')
  })

  test('files without a sha256 on the index: a mismatch cannot be told, so none is reported', () => {
    const lookups = [
      {
        name: 'demo',
        answers: [served(PYPI, { releases: [release('1.0', { filesWithoutSha256: 1 })] })]
      }
    ]
    expect(
      findPackageIssues([subject('demo', '1.0', 1, [`sha256:${'c'.repeat(64)}`])], lookups)
    ).toEqual([])
  })

  test('failOnPackageStatus decides which kinds fail', () => {
    const lookups = [
      { name: 'typo', answers: [absent(PYPI)] },
      { name: 'old', answers: [served(PYPI, { status: { status: 'archived' } })] }
    ]
    const issues = findPackageIssues([subject('typo', '1', 1), subject('old', '1', 2)], lookups, {
      failOnPackageStatus: ['archived']
    })
    expect(kinds(issues)).toEqual([
      ['typo', 'not-found', false],
      ['old', 'archived', true]
    ])
  })

  test('one finding per declaration, each at its own line', () => {
    const lookups = [{ name: 'requets', answers: [absent(PYPI)] }]
    const issues = findPackageIssues(
      [
        subject('requets', '2.19.1', 3),
        { ...subject('requets', '2.19.1', 9), location: { file: '/repo/dev.txt', line: 9 } }
      ],
      lookups
    )
    expect(issues.map(issue => issue.location)).toEqual([
      { file: '/repo/requirements.txt', line: 3 },
      { file: '/repo/dev.txt', line: 9 }
    ])
  })

  test('a pin whose name was not looked up is an error, never healthy', () => {
    expect(() => findPackageIssues([subject('demo', '1.0', 1)], [])).toThrow(/not looked up/)
  })
})

test('declaredSha256 keeps sha256 digests in every spelling dependency files use', () => {
  expect(
    declaredSha256([
      `sha256:${A}`,
      `SHA256=${A.toUpperCase()}`,
      `sha384:${B}`,
      `sha256:${B}`,
      'sha256:'
    ])
  ).toEqual([A, B, ''])
})

describe('package-check-ignore', () => {
  const issue = (
    name: string,
    version: string,
    kind: PackageIssue['kind'] = 'not-found'
  ): PackageIssue => ({
    name,
    version,
    kind,
    reason: '…',
    location: { file: '/repo/requirements.txt', line: 1 },
    failing: true
  })

  test('the input: name or name==version per line, # reason after it', () => {
    expect(
      parsePackageCheckIgnoreInput('Internal_Lib  # ours, on the private index\n\nold-thing==1.0\n')
    ).toEqual([
      {
        name: 'internal-lib',
        reason: 'ours, on the private index',
        origin: 'input package-check-ignore, line 1'
      },
      { name: 'old-thing', version: '1.0', origin: 'input package-check-ignore, line 3' }
    ])
  })

  test.each([
    ['a b', /line 1: .* is not a package name/],
    ['demo==', /name or name==version/],
    ['demo==1==2', /name or name==version/],
    ['demo==not.a.version!', /not a PEP 440 version/],
    ['demo>=1.0', /not a package name/]
  ])('%j is refused naming the input and line', (text, message) => {
    expect(() => parsePackageCheckIgnoreInput(text)).toThrow(InputError)
    expect(() => parsePackageCheckIgnoreInput(text)).toThrow(message)
    expect(() => parsePackageCheckIgnoreInput(text)).toThrow(/Input 'package-check-ignore'/)
  })

  test('a name drops every finding of the package; name==version only that release (PEP 440)', () => {
    const rules: PackageCheckIgnoreRule[] = [
      { name: 'internal-lib', reason: 'private', origin: 'a' },
      { name: 'old', version: '1.0.0', origin: 'b' }
    ]
    const outcome = applyPackageCheckIgnores(
      [
        issue('Internal.Lib', '3'),
        issue('old', '1.0', 'archived'),
        issue('old', '2.0', 'archived')
      ],
      rules,
      '2026-01-01'
    )
    expect(outcome.active.map(i => [i.name, i.version])).toEqual([['old', '2.0']])
    expect(outcome.ignored.map(i => [i.issue.name, i.rule.origin])).toEqual([
      ['Internal.Lib', 'a'],
      ['old', 'b']
    ])
    expect(outcome.unused).toEqual([])
  })

  test('a rule applies until the day before its expiry; then it is reported as expired', () => {
    const rule: PackageCheckIgnoreRule = {
      name: 'demo',
      until: '2026-03-01',
      origin: '.pyaudit.toml:3'
    }
    expect(applyPackageCheckIgnores([issue('demo', '1')], [rule], '2026-02-28').active).toEqual([])
    const later = applyPackageCheckIgnores([issue('demo', '1')], [rule], '2026-03-01')
    expect(later.active).toHaveLength(1)
    expect(later.expired.map(notice => notice.message)).toEqual([
      'Package check ignore rule for demo (.pyaudit.toml:3) expired on 2026-03-01: 1 finding it covered is reported again.'
    ])
  })

  test('a live rule that matches nothing is reported as unused', () => {
    const outcome = applyPackageCheckIgnores(
      [],
      [{ name: 'demo', version: '1.0', origin: 'x' }],
      '2026-01-01'
    )
    expect(outcome.unused.map(notice => notice.message)).toEqual([
      'Package check ignore rule for demo==1.0 (x) matched no finding; remove it if it is no longer needed.'
    ])
  })
})

describe('report entries', () => {
  test('package_issues[] entries carry the repository-relative file', () => {
    const issue: PackageIssue = {
      name: 'demo',
      version: '1.0',
      kind: 'yanked',
      reason: 'r',
      location: { file: '/repo/sub/requirements.txt', line: 4 },
      failing: false
    }
    expect(toPackageIssueEntry(issue, '/repo')).toEqual({
      name: 'demo',
      version: '1.0',
      kind: 'yanked',
      reason: 'r',
      location: { file: 'sub/requirements.txt', line: 4 },
      failing: false
    })
  })

  test('each kind has its own SARIF rule id', () => {
    const ids = PACKAGE_ISSUE_KINDS.map(kind => PACKAGE_ISSUE_RULES[kind].id)
    expect(new Set(ids).size).toBe(PACKAGE_ISSUE_KINDS.length)
  })
})
