import { expect, test } from '@jest/globals'
import { MAX_ANNOTATIONS, planAnnotations } from '../../../src/integrations/github/annotations.js'
import { neutralizeWorkflowCommands } from '../../../src/integrations/github/workflow-commands.js'
import { dependency, outcome, reportedPackage, vulnerability } from '../../support/fixtures.js'

test('one annotation per vulnerable declaration at its file and line, relative to the repository', () => {
  const dep = dependency('requests', '2.19.1', '/repo/svc/requirements.txt', 7)
  const annotations = planAnnotations(
    outcome([
      reportedPackage(
        dep,
        [
          vulnerability('PYSEC-2018-28', {
            aliases: ['CVE-2018-18074', 'GHSA-x'],
            fixVersions: ['2.20.0']
          })
        ],
        '2.20.0'
      )
    ]),
    '/repo'
  )
  expect(annotations).toEqual([
    {
      level: 'error',
      title: 'requests 2.19.1: 1 known vulnerability (upgrade to 2.20.0)',
      message:
        'PYSEC-2018-28 / CVE-2018-18074 [unknown] (fixed in 2.20.0): PYSEC-2018-28 description',
      file: 'svc/requirements.txt',
      line: 7
    }
  ])
})

test('findings below the gate are warnings; ignored ones are not annotated', () => {
  const dep = dependency('jinja2', '2.10', '/repo/requirements.txt', 2)
  const annotations = planAnnotations(
    outcome([
      reportedPackage(dep, [
        vulnerability('V-LOW', {
          failing: false,
          severity: { level: 'low', score: 3.1, source: 'CVSS_V3' }
        }),
        vulnerability('V-IGN', {
          failing: false,
          ignored: { origin: 'input ignore-vulns, line 1' }
        })
      ])
    ]),
    '/repo'
  )
  expect(annotations.map(a => [a.level, a.message])).toEqual([
    ['warning', 'V-LOW [low 3.1] (no fix known): V-LOW description']
  ])
})

test('license violations are errors at the declaring line', () => {
  const dep = dependency('gplpkg', '1.0', '/repo/requirements.txt', 4)
  const annotations = planAnnotations(
    outcome([reportedPackage(dep, [])], {
      licenses: [
        {
          name: 'gplpkg',
          version: '1.0',
          license: 'GPL-3.0-only',
          shortened: false,
          spdx: 'GPL-3.0-only',
          source: 'expression',
          origin: 'metadata',
          violation: true,
          rule: "fail-on: 'GPL-3.0-only'"
        }
      ]
    }),
    '/repo'
  )
  expect(annotations).toEqual([
    {
      level: 'error',
      title: 'gplpkg 1.0: license GPL-3.0-only',
      message: "License policy violated: fail-on: 'GPL-3.0-only'",
      file: 'requirements.txt',
      line: 4
    }
  ])
})

test('beyond GitHub limit, the worst come first and the last annotation counts the rest', () => {
  const levels = ['low', 'medium', 'high', 'critical'] as const
  const packages = Array.from({ length: 14 }, (_, i) =>
    reportedPackage(dependency(`pkg${i}`, '1.0', '/repo/requirements.txt', i + 1), [
      vulnerability(`V-${i}`, {
        severity: { level: levels[i % 4]!, score: i % 4 === 3 ? 9 + i / 100 : i, source: 'CVSS_V3' }
      })
    ])
  )
  const annotations = planAnnotations(outcome(packages), '/repo')
  expect(annotations).toHaveLength(MAX_ANNOTATIONS)
  // pkg3, pkg7 and pkg11 are critical, then the high ones.
  expect(annotations.slice(0, 3).map(a => a.title.split(' ')[0])).toEqual(['pkg11', 'pkg7', 'pkg3'])
  expect(annotations[3]?.message).toMatch(/\[high/)
  expect(annotations[9]).toEqual({
    level: 'error',
    title: '5 more',
    message: expect.stringContaining('5 more errors are not annotated')
  })
})

test('untrusted lines cannot become workflow commands', () => {
  const text = neutralizeWorkflowCommands(
    'ok\n::error::pwned\n  ::set-output name=x::y\r\n##[group]x'
  )
  expect(text.split(/\r?\n/).some(line => /^\s*(::|##\[)/.test(line))).toBe(false)
  expect(neutralizeWorkflowCommands('a :: b')).toBe('a :: b')
})
