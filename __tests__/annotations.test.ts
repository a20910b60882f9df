import { expect, test } from '@jest/globals'
import { MAX_ANNOTATIONS, planAnnotations } from '../src/github/annotations.js'
import { neutralizeWorkflowCommands } from '../src/github/workflow-commands.js'
import { auditedPackage, auditResult, dependency, vulnerability } from './support/fixtures.js'

test('one annotation per vulnerable declaration at its file and line, relative to the repository', () => {
  const dep = dependency('requests', '2.19.1', '/repo/svc/requirements.txt', 7)
  const [annotation, ...rest] = planAnnotations(
    auditResult([
      auditedPackage(dep, [
        vulnerability('PYSEC-2018-28', {
          aliases: ['CVE-2018-18074', 'GHSA-x'],
          fixVersions: ['2.20.0']
        })
      ])
    ]),
    '/repo'
  )
  expect(rest).toEqual([])
  expect(annotation).toEqual({
    title: 'requests 2.19.1: 1 known vulnerability',
    message: 'PYSEC-2018-28 / CVE-2018-18074 (fixed in 2.20.0): PYSEC-2018-28 description',
    file: 'svc/requirements.txt',
    line: 7
  })
})

test('beyond GitHub limit, the worst come first and the last annotation counts the rest', () => {
  const packages = Array.from({ length: 14 }, (_, i) =>
    auditedPackage(
      dependency(`pkg${i}`, '1.0', '/repo/requirements.txt', i + 1),
      Array.from({ length: i + 1 }, (_, j) => vulnerability(`V-${i}-${j}`))
    )
  )
  const annotations = planAnnotations(auditResult(packages), '/repo')
  expect(annotations).toHaveLength(MAX_ANNOTATIONS)
  expect(annotations[0]?.title).toBe('pkg13 1.0: 14 known vulnerabilities')
  expect(annotations[8]?.title).toBe('pkg5 1.0: 6 known vulnerabilities')
  expect(annotations[9]).toEqual({
    title: '5 more vulnerable dependencies',
    message: expect.stringContaining('5 more vulnerable dependency declarations are not annotated')
  })
})

test('untrusted lines cannot become workflow commands', () => {
  const text = neutralizeWorkflowCommands(
    'ok\n::error::pwned\n  ::set-output name=x::y\r\n##[group]x'
  )
  expect(text.split(/\r?\n/).some(line => /^\s*(::|##\[)/.test(line))).toBe(false)
  expect(neutralizeWorkflowCommands('a :: b')).toBe('a :: b')
})
