import { expect, test } from '@jest/globals'
import { renderDependencyTrack } from '../../../src/integrations/dependency-track/markdown.js'

test('findings and policy violations become escaped tables', () => {
  const text = renderDependencyTrack({
    token: 't-1',
    projectUuid: '3f1d0c2e-0000-4000-8000-000000000001',
    findings: [
      {
        component: { name: 'requests', version: '2.19.1' },
        vulnerability: {
          id: 'CVE-2018-18074',
          source: 'NVD',
          severity: 'HIGH',
          title: '<img src=x> | leak',
          aliases: []
        }
      }
    ],
    policyViolations: [
      {
        type: 'LICENSE',
        policy: 'No GPL',
        state: 'FAIL',
        condition: 'LICENSE IS GPL-3.0',
        component: { name: 'gplpkg' }
      }
    ]
  })
  expect(text).toContain('**1 findings, 1 policy violations.**')
  expect(text).toContain(
    '| requests 2.19.1 | CVE-2018-18074 &lt;img src=x&gt; \\| leak | HIGH | not analysed |'
  )
  expect(text).toContain('| gplpkg | No GPL \\(LICENSE\\) | FAIL | LICENSE IS GPL-3.0 |')
  expect(text).not.toContain('<img')
})

test('without waiting, the summary names the processing token', () => {
  expect(renderDependencyTrack({ token: 'abc' })).toContain('processing token abc')
})
