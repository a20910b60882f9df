/**
 * The CycloneDX SBOM for issue 18 (what the package index says of a pin, as component
 * properties) and issue 16 (in scope `changes`: each component's change, the base in the
 * metadata, and whether each vulnerability is introduced), validated against CycloneDX 1.6.
 */
import { describe, expect, test } from '@jest/globals'
import * as path from 'node:path'
import * as validation from '@cyclonedx/cyclonedx-library/Validation'
import * as spec from '@cyclonedx/cyclonedx-library/Spec'
import type { AuditOutcome } from '../../src/report/outcome.js'
import { buildSbom } from '../../src/report/sbom.js'
import {
  BASE,
  CHANGE_ROOT,
  allScopeOutcome,
  changeScopeOutcome
} from '../support/change-scope-outcome.js'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

const OPTIONS = {
  repositoryRoot: CHANGE_ROOT,
  serialNumber: 'urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79',
  timestamp: new Date('2026-09-01T12:00:00Z'),
  projectName: 'shop'
}

/** The SBOM text, validated as the existing SBOM tests do, parsed. */
async function built(outcome: AuditOutcome): Promise<Json> {
  const text = buildSbom(outcome, OPTIONS)
  expect(await new validation.JsonValidator(spec.Version.v1dot6).validate(text)).toBeNull()
  return JSON.parse(text) as Json
}

/** Our properties of a component, as [name, value] pairs in order. */
function properties(bom: Json, ref: string, prefix = 'pyaudit:'): Array<[string, string]> {
  const component = bom.components.find((item: Json) => item['bom-ref'] === ref)
  expect(component).toBeDefined()
  return (component.properties ?? [])
    .filter((property: Json) => property.name.startsWith(prefix))
    .map((property: Json) => [property.name, property.value])
}

const introduced = (bom: Json): Array<[string, string | undefined]> =>
  bom.vulnerabilities.map((item: Json) => [
    item.id,
    item.properties?.find((property: Json) => property.name === 'pyaudit:introduced')?.value
  ])

describe('package issues', () => {
  test('each is a pyaudit:package-status with its reason on the component of the pin', async () => {
    const bom = await built(allScopeOutcome())
    expect(properties(bom, 'pkg:pypi/requests@2.32.0', 'pyaudit:package-status')).toEqual([
      ['pyaudit:package-status', 'yanked'],
      [
        'pyaudit:package-status-reason',
        expect.stringContaining('"Yanked due to conflicts with CVE-2024-35195 mitigation"')
      ]
    ])
    expect(properties(bom, 'pkg:pypi/requets@2.19.1', 'pyaudit:package-status')).toEqual([
      ['pyaudit:package-status', 'not-found'],
      ['pyaudit:package-status-reason', expect.stringMatching(/dependency confusion/)]
    ])
    expect(properties(bom, 'pkg:pypi/pyyaml@5.3', 'pyaudit:package-status')).toEqual([])
  })

  test('one status per finding, not per declaration; a pin written another way still matches', async () => {
    const outcome = allScopeOutcome()
    const requests = outcome.packages.find(pkg => pkg.name === 'requests')!
    const second = {
      ...requests.declarations[0]!,
      name: 'Requests',
      version: '2.32.0',
      location: { file: path.join(CHANGE_ROOT, 'requirements-dev.txt'), line: 9 }
    }
    requests.declarations.push(second)
    const yanked = outcome.packageIssues!.find(issue => issue.kind === 'yanked')!
    outcome.packageIssues!.push({ ...yanked, name: 'Requests', location: second.location })
    outcome.packageIssues!.push({
      ...yanked,
      name: 'Requests',
      version: '2.32.0',
      kind: 'archived',
      reason: 'Requests is archived on https://pypi.org/simple/ (PEP 792).',
      failing: false
    })
    const bom = await built(outcome)
    expect(properties(bom, 'pkg:pypi/requests@2.32.0', 'pyaudit:package-status')).toEqual([
      ['pyaudit:package-status', 'yanked'],
      ['pyaudit:package-status-reason', yanked.reason],
      ['pyaudit:package-status', 'archived'],
      [
        'pyaudit:package-status-reason',
        'Requests is archived on https://pypi.org/simple/ (PEP 792).'
      ]
    ])
  })

  test('without package checks no component has a status', async () => {
    const { packageIssues: _issues, ...outcome } = allScopeOutcome()
    const bom = await built(outcome)
    expect(JSON.stringify(bom)).not.toContain('pyaudit:package-status')
  })
})

describe('scope changes', () => {
  test('each component says how the change touches it', async () => {
    const bom = await built(changeScopeOutcome())
    expect(
      bom.components.map((item: Json) => [
        item.name,
        item.properties.find((property: Json) => property.name === 'pyaudit:change')?.value
      ])
    ).toEqual([
      ['jinja2', 'unchanged'],
      ['requests', 'changed'],
      ['pyyaml', 'added'],
      ['1337test', 'unchanged'],
      ['requets', 'added']
    ])
  })

  test('the metadata names the base; each vulnerability says whether the change brings it in', async () => {
    const bom = await built(changeScopeOutcome())
    expect(bom.metadata.properties).toEqual(
      expect.arrayContaining([
        { name: 'pyaudit:base-ref', value: BASE.ref },
        { name: 'pyaudit:base-sha', value: BASE.sha }
      ])
    )
    expect(introduced(bom)).toEqual([
      ['PYSEC-2026-1472', 'false'],
      ['PYSEC-2020-96', 'true'],
      ['PYSEC-2021-142', 'true'],
      ['MAL-2024-4720', 'false']
    ])
  })

  test('one advisory brought in for one pin and already there for another is two entries', async () => {
    const outcome = changeScopeOutcome()
    const pyyaml = outcome.packages.find(pkg => pkg.name === 'pyyaml')!
    const older = {
      ...pyyaml,
      version: '5.1',
      change: 'unchanged' as const,
      declarations: [
        {
          ...pyyaml.declarations[0]!,
          version: '5.1',
          location: { file: path.join(CHANGE_ROOT, 'tools.txt'), line: 1 }
        }
      ],
      vulnerabilities: [{ ...pyyaml.vulnerabilities[0]!, introduced: false, failing: false }]
    }
    outcome.packages.push(older)
    const bom = await built(outcome)
    const entries = bom.vulnerabilities.filter((item: Json) => item.id === 'PYSEC-2020-96')
    expect(
      entries.map((item: Json) => [
        item.affects.map((affect: Json) => affect.ref),
        item.properties.find((property: Json) => property.name === 'pyaudit:introduced').value
      ])
    ).toEqual([
      [['pkg:pypi/pyyaml@5.3'], 'true'],
      [['pkg:pypi/pyyaml@5.1'], 'false']
    ])
  })
})

test('scope all: no change, base or introduced properties', async () => {
  const text = JSON.stringify(await built(allScopeOutcome()))
  for (const name of [
    'pyaudit:change',
    'pyaudit:base-ref',
    'pyaudit:base-sha',
    'pyaudit:introduced'
  ]) {
    expect(text).not.toContain(`"${name}"`)
  }
})
