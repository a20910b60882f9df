/**
 * Issue 18 in scope `changes`: a package issue fails the step (and is annotated) only when the
 * change introduces it, as findings and licences do; the base's issues are reported as its
 * debt, folded, `unchanged` in SARIF and `introduced: false` in the JSON report.
 */
import { describe, expect, test } from '@jest/globals'
import type { PackageIssue, PackageIssueKind } from '../../src/health/types.js'
import { planAnnotations } from '../../src/integrations/github/annotations.js'
import type { ChangeVerdicts, DependencyChange } from '../../src/pipeline/changes.js'
import { packageIssuesInScope } from '../../src/pipeline/changes.js'
import { buildJsonReport } from '../../src/report/json-report.js'
import { renderMarkdown } from '../../src/report/markdown.js'
import type { AuditOutcome } from '../../src/report/outcome.js'
import { buildSarif } from '../../src/report/sarif.js'
import { renderTerminal } from '../../src/report/terminal.js'
import { CHANGE_ROOT, REQUIREMENTS, changeScopeOutcome } from '../support/change-scope-outcome.js'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

const BASE = { ref: 'main', sha: 'a'.repeat(40) }

function issue(name: string, version: string, kind: PackageIssueKind, line = 1): PackageIssue {
  return {
    name,
    version,
    kind,
    reason: `${name} ${version}: ${kind}`,
    location: { file: REQUIREMENTS, line },
    failing: true
  }
}

function verdicts(packages: Array<[string, string, DependencyChange, string[]?]>): ChangeVerdicts {
  return {
    base: BASE,
    packages: packages.map(([name, version, change, previousVersions = []]) => ({
      name,
      version,
      change,
      previousVersions,
      introduced: []
    })),
    fixedByChange: [],
    warnings: []
  }
}

const judged = (
  issues: PackageIssue[],
  v: ChangeVerdicts,
  offered?: Parameters<typeof packageIssuesInScope>[2]
) =>
  packageIssuesInScope(issues, v, offered).map(
    i => `${i.name} ${i.kind} ${i.introduced} ${i.failing}`
  )

describe('packageIssuesInScope', () => {
  test('an added pin brings its issues in; an unchanged one has them from the base', () => {
    expect(
      judged(
        [issue('requets', '2.19.1', 'not-found'), issue('reqests', '2.0', 'not-found')],
        verdicts([
          ['requets', '2.19.1', 'unchanged'],
          ['reqests', '2.0', 'added']
        ])
      )
    ).toEqual(['requets not-found false false', 'reqests not-found true true'])
  })

  test('a pin the comparison never saw (an installed environment) counts as introduced', () => {
    expect(judged([issue('x', '1', 'yanked')], verdicts([]))).toEqual(['x yanked true true'])
    expect(judged([issue('x', '1', 'yanked')], verdicts([['x', '1', 'unknown']]))).toEqual([
      'x yanked true true'
    ])
  })

  test('a changed version: name-wide issues were there; a new digest mismatch is not', () => {
    const v = verdicts([['demo', '2.0', 'changed', ['1.0']]])
    expect(
      judged(
        [
          issue('demo', '2.0', 'not-found'),
          issue('demo', '2.0', 'archived'),
          issue('demo', '2.0', 'deprecated'),
          issue('demo', '2.0', 'hash-mismatch')
        ],
        v
      )
    ).toEqual([
      'demo not-found false false',
      'demo archived false false',
      'demo deprecated false false',
      'demo hash-mismatch true true'
    ])
  })

  test('a newly yanked pin is introduced, unless the version it replaced was withdrawn too', () => {
    const v = verdicts([['demo', '2.0', 'changed', ['1.0']]])
    const yanked = [issue('demo', '2.0', 'yanked')]
    expect(judged(yanked, v, () => true)).toEqual(['demo yanked true true'])
    expect(judged(yanked, v)).toEqual(['demo yanked true true'])
    expect(judged(yanked, v, () => undefined)).toEqual(['demo yanked true true'])
    expect(judged(yanked, v, (_, version) => version !== '1.0')).toEqual([
      'demo yanked false false'
    ])
  })

  test('a digest mismatch on an unchanged pin is the base debt only if the base declared it', () => {
    const mismatch = { ...issue('demo', '1.0', 'hash-mismatch'), mismatched: ['c'.repeat(64)] }
    const v = (atBase?: string[]) => ({
      ...verdicts([['demo', '1.0', 'unchanged']]),
      ...(atBase ? { digestsAtBase: { [REQUIREMENTS]: atBase } } : {})
    })
    expect(judged([mismatch], v(['c'.repeat(64)]))).toEqual(['demo hash-mismatch false false'])
    expect(judged([mismatch], v([]))).toEqual(['demo hash-mismatch true true'])
    // The base's file could not be read: it counts as introduced.
    expect(judged([mismatch], v())).toEqual(['demo hash-mismatch true true'])
    const unknownDigests = { ...mismatch, mismatched: [] }
    expect(judged([unknownDigests], v(['c'.repeat(64)]))).toEqual(['demo hash-mismatch true true'])
  })

  test('a quarantined project fails wherever it is, as malware does; a warning stays one', () => {
    const v = verdicts([['evil', '1', 'unchanged']])
    const warning = { ...issue('evil', '1', 'archived'), failing: false }
    expect(judged([issue('evil', '1', 'quarantined'), warning], v)).toEqual([
      'evil quarantined false true',
      'evil archived false false'
    ])
  })
})

/** The fixture pull request with one more typo, `reqests`, which the base already had. */
function withBaseDebt(): AuditOutcome {
  const outcome = changeScopeOutcome()
  const debt: PackageIssue = {
    ...issue('reqests', '2.0', 'not-found', 6),
    reason: 'reqests is not on https://pypi.org/simple/: no project of that name.',
    failing: false,
    introduced: false
  }
  const issues = (outcome.packageIssues ?? []).map(i => ({ ...i, introduced: true }))
  return { ...outcome, packageIssues: [...issues, debt] }
}

describe('the reports show the base debt of package issues as they show findings', () => {
  test('the summary folds it under its own heading, with its count', () => {
    const markdown = renderMarkdown(withBaseDebt(), { repositoryRoot: CHANGE_ROOT })
    const introduced = markdown.indexOf('### Package issues (2)')
    const folded = markdown.indexOf('### Package issues already on the base branch (1)')
    expect(introduced).toBeGreaterThan(0)
    expect(folded).toBeGreaterThan(introduced)
    const debt = markdown.slice(folded)
    expect(debt).toMatch(
      /<details><summary>1 package issue that main at 4f1e5b0 already had: reported, not counted in the verdict<\/summary>/
    )
    expect(debt).toContain('**reqests**')
    expect(markdown.slice(introduced, folded)).not.toContain('reqests')
    expect(markdown.slice(introduced, folded)).toContain('**requets**')
  })

  test('the CLI lists it apart, not counted in the verdict', () => {
    const text = renderTerminal(withBaseDebt(), { repositoryRoot: CHANGE_ROOT })
    expect(text).toMatch(/^Package issues: 2 \(1 failing\)\.$/m)
    expect(text).toMatch(
      /^Package issues already on the base \(not counted in the verdict\): 1\.$/m
    )
    expect(text).toMatch(/^WARN not-found: reqests 2\.0 at requirements\.txt:6$/m)
  })

  test('SARIF: new for what the change brings in, unchanged for the base debt', () => {
    const sarif = JSON.parse(buildSarif(withBaseDebt(), { repositoryRoot: CHANGE_ROOT })) as {
      runs: Array<{ results: Json[] }>
    }
    const results = sarif.runs[0]!.results.filter(result =>
      result.ruleId.startsWith('pyaudit/package-')
    ).map(
      result => `${result.locations[0].physicalLocation.region.startLine} ${result.baselineState}`
    )
    expect(results).toEqual(['2 new', '5 new', '6 unchanged'])
  })

  test('the JSON report marks each issue introduced or not', () => {
    const report = buildJsonReport(withBaseDebt(), CHANGE_ROOT)
    expect(report.package_issues!.map(i => `${i.name} ${i.introduced} ${i.failing}`)).toEqual([
      'requests true false',
      'requets true true',
      'reqests false false'
    ])
  })

  test('only introduced issues are annotated', () => {
    const annotated = planAnnotations(withBaseDebt(), CHANGE_ROOT).map(a => a.title)
    expect(annotated.some(title => title.startsWith('requets '))).toBe(true)
    expect(annotated.some(title => title.startsWith('reqests '))).toBe(false)
  })
})
