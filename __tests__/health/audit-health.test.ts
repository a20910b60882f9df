import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { auditPackageHealth } from '../../src/health/audit-health.js'
import { parsePackageCheckIgnoreInput } from '../../src/health/ignore.js'
import { SimpleIndex } from '../support/simple-index.js'
import { requirementsSubjects } from './subjects.js'

const A = 'a'.repeat(64)
const B = 'b'.repeat(64)
const FAST = { retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 5 } }

let directory: string
let index: SimpleIndex

const REQUIREMENTS = [
  'requests==2.31.0 --hash=sha256:' + A, // 1: healthy
  'requets==2.19.1', // 2: a typo
  'evil-pkg==0.1', // 3: quarantined
  'certifi==2025.8.3 \\', // 4: a wrong hash (continued on line 5)
  '    --hash=sha256:' + B,
  'old-thing==1.0', // 6: archived
  'legacy==0.9', // 7: deprecated
  'gone==1.0', // 8: yanked
  ''
].join('\n')

beforeAll(async () => {
  directory = await mkdtemp(path.join(tmpdir(), 'pyaudit-health-'))
  await writeFile(path.join(directory, 'requirements.txt'), REQUIREMENTS)
  const file = (project: string, version: string, sha256: string, yanked?: string) => ({
    project,
    filename: `${project.replace(/-/g, '_')}-${version}-py3-none-any.whl`,
    sha256,
    ...(yanked ? { yanked } : {})
  })
  index = await SimpleIndex.start([], {
    listed: [
      file('requests', '2.31.0', A),
      file('certifi', '2025.8.3', A),
      file('old-thing', '1.0', A),
      file('legacy', '0.9', A),
      file('gone', '1.0', A, 'withdrawn: broken metadata')
    ],
    statuses: {
      'evil-pkg': { status: 'quarantined', reason: 'malware' },
      'old-thing': { status: 'archived' },
      legacy: { status: 'deprecated', reason: 'use new-thing' }
    }
  })
})

afterAll(async () => {
  await index.close()
  await rm(directory, { recursive: true, force: true })
})

describe('a requirements file with every kind of problem', () => {
  test('a typo, a quarantined project and a wrong hash fail at their lines; the rest warn', async () => {
    const subjects = await requirementsSubjects(path.join(directory, 'requirements.txt'))
    const result = await auditPackageHealth(subjects, {
      ...FAST,
      indexUrl: index.url(),
      today: '2026-01-01'
    })
    expect(
      result.active.map(issue => [issue.kind, issue.name, issue.location.line, issue.failing])
    ).toEqual([
      ['not-found', 'requets', 2, true],
      ['quarantined', 'evil-pkg', 3, true],
      ['hash-mismatch', 'certifi', 4, true],
      ['archived', 'old-thing', 6, false],
      ['deprecated', 'legacy', 7, false],
      ['yanked', 'gone', 8, false]
    ])
    expect(
      result.active.every(issue => issue.location.file === path.join(directory, 'requirements.txt'))
    ).toBe(true)
    expect(result.lookups.map(lookup => lookup.name)).toContain('requests')
  })

  test('package-check-ignore drops what it names, and says which rules matched nothing', async () => {
    const subjects = await requirementsSubjects(path.join(directory, 'requirements.txt'))
    const rules = parsePackageCheckIgnoreInput(
      'requets # our private package\ngone==1.0.0 # pinned until the fix\nunused'
    )
    const result = await auditPackageHealth(subjects, {
      ...FAST,
      indexUrl: index.url(),
      today: '2026-01-01',
      packageCheckIgnore: rules,
      failOnPackageStatus: ['quarantined']
    })
    expect(result.ignored.map(ignored => [ignored.issue.name, ignored.rule.reason])).toEqual([
      ['requets', 'our private package'],
      ['gone', 'pinned until the fix']
    ])
    expect(result.active.filter(issue => issue.failing).map(issue => issue.name)).toEqual([
      'evil-pkg'
    ])
    expect(result.unused.map(notice => notice.rule.name)).toEqual(['unused'])
  })
})
