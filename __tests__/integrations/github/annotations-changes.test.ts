/**
 * Annotations for issue 16 (in scope `changes`, only what the change introduces, and malware
 * wherever it is) and issue 18 (package-health findings at their line: errors when their kind
 * fails the run, else warnings), within GitHub's per-step budget.
 */
import { describe, expect, test } from '@jest/globals'
import * as path from 'node:path'
import {
  annotationBudget,
  planAnnotations,
  type Annotation
} from '../../../src/integrations/github/annotations.js'
import type { PackageIssue } from '../../../src/health/types.js'
import {
  CHANGE_ROOT,
  allScopeOutcome,
  changeScopeOutcome
} from '../../support/change-scope-outcome.js'

/** Level, package and place of each annotation, in a stable order (the ranking is tested elsewhere). */
const placed = (annotations: Annotation[]): string[] =>
  annotations.map(a => `${a.level} ${a.title.split(':')[0]} ${a.file}:${a.line ?? '-'}`).sort()

describe('scope changes', () => {
  test('annotates what the change introduces, malware already on the base, and package issues', () => {
    expect(placed(planAnnotations(changeScopeOutcome(), CHANGE_ROOT))).toEqual([
      'error 1337test 1 requirements.txt:4',
      'error pyyaml 5.3 requirements.txt:3',
      'error requets 2.19.1 requirements.txt:5',
      'warning requests 2.32.0 requirements.txt:2'
    ])
  })

  test('the finding already on the base is left out, even below the gate', () => {
    const annotations = planAnnotations(changeScopeOutcome(), CHANGE_ROOT)
    expect(annotations.some(a => a.message.includes('PYSEC-2026-1472'))).toBe(false)
    const pyyaml = annotations.find(a => a.title.startsWith('pyyaml'))!
    // Only the active introduced finding; the ignored one is not annotated.
    expect(pyyaml.message).toMatch(/^PYSEC-2020-96 \/ CVE-2020-1747 /)
    expect(pyyaml.message).not.toContain('PYSEC-2021-142')
  })

  test('a finding the engine left unjudged is annotated: nothing compared says it was there', () => {
    const outcome = changeScopeOutcome()
    delete outcome.packages.find(pkg => pkg.name === 'jinja2')!.vulnerabilities[0]!.introduced
    const annotations = planAnnotations(outcome, CHANGE_ROOT)
    expect(annotations.find(a => a.title.startsWith('jinja2'))).toMatchObject({
      level: 'warning',
      file: 'requirements.txt',
      line: 1
    })
  })
})

test('scope all annotates every active finding', () => {
  expect(placed(planAnnotations(allScopeOutcome(), CHANGE_ROOT))).toEqual([
    'error 1337test 1 requirements.txt:4',
    'error jinja2 3.1.4 requirements.txt:1',
    'error pyyaml 5.3 requirements.txt:3',
    'error requets 2.19.1 requirements.txt:5',
    'warning requests 2.32.0 requirements.txt:2'
  ])
})

describe('package issues', () => {
  test('title names the pin and the kind; the message is the whole reason', () => {
    const outcome = allScopeOutcome()
    const annotations = planAnnotations(outcome, CHANGE_ROOT)
    const notFound = outcome.packageIssues!.find(issue => issue.kind === 'not-found')!
    expect(annotations.find(a => a.title.startsWith('requets'))).toEqual({
      level: 'error',
      title:
        'requets 2.19.1: The package index does not know this name (typo or dependency confusion)',
      message: notFound.reason,
      file: 'requirements.txt',
      line: 5
    })
    expect(annotations.find(a => a.title.startsWith('requests'))).toMatchObject({
      level: 'warning',
      title: 'requests 2.32.0: The pinned release was yanked from the package index (PEP 592)',
      message: expect.stringContaining('CVE-2024-35195 mitigation')
    })
  })

  test('an entry without a line is annotated on its file; hostile reasons are cleaned', () => {
    const outcome = allScopeOutcome()
    const yanked = outcome.packageIssues!.find(issue => issue.kind === 'yanked')!
    yanked.location = { file: path.join(CHANGE_ROOT, 'uv.lock'), line: 0 }
    yanked.reason = 'yanked \u001b[2Jwith the reason "\u202eevil"'
    const annotation = planAnnotations(outcome, CHANGE_ROOT).find(a => a.level === 'warning')!
    expect(annotation.file).toBe('uv.lock')
    expect(annotation).not.toHaveProperty('line')
    expect(annotation.message).not.toContain('\u001b')
    expect(annotation.message).not.toContain('\u202e')
  })

  test('they share the budget with findings: the last slot counts what does not fit', () => {
    const outcome = changeScopeOutcome()
    const template = outcome.packageIssues!.find(issue => issue.kind === 'not-found')!
    const many: PackageIssue[] = Array.from({ length: 12 }, (_, index) => ({
      ...template,
      name: `internal-lib-${index}`,
      location: { file: template.location.file, line: 20 + index }
    }))
    outcome.packageIssues = [...outcome.packageIssues!, ...many]
    const budget = annotationBudget({ failing: true, warnings: 0 })
    const errors = planAnnotations(outcome, CHANGE_ROOT, budget).filter(a => a.level === 'error')
    // 2 findings + 13 not-found issues = 15 errors; 9 slots: 8 shown and one that counts 7.
    expect(errors).toHaveLength(budget.error)
    expect(errors.at(-1)).toMatchObject({ title: '7 more' })
    expect(
      errors
        .slice(0, 2)
        .map(a => a.title.split(':')[0])
        .sort()
    ).toEqual(['1337test 1', 'pyyaml 5.3'])
  })
})
