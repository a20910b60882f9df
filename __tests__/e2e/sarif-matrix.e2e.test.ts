/**
 * Code scanning rejects an upload whose runs share a tool and a category (July 2025), and the
 * category is the run's automationDetails.id up to its last '/'. Each project path and matrix
 * leg must therefore give its SARIF run an id of its own, and the same leg the same id on
 * every run, or code scanning would lose track of its alerts.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { makeWorkspace, runAction } from '../support/run-action.js'
import { TESTS_DIR } from '../support/paths.js'

const fixtureDb = path.resolve(TESTS_DIR, 'fixtures', 'e2e-db')

interface Leg {
  directory: string
  pythonVersion: string
  os: string
}

describe('SARIF from a matrix of projects and legs', () => {
  let workspace: string
  const ids = new Map<string, string>()

  /** The automationDetails.id of the one SARIF run this leg writes. */
  async function automationId(leg: Leg): Promise<string> {
    const sarif = path.join(workspace, leg.directory, `out-${leg.os}-${leg.pythonVersion}.sarif`)
    const run = await runAction(
      {
        'working-directory': leg.directory,
        'advisory-db': fixtureDb,
        'max-db-age': '0',
        'python-version': leg.pythonVersion,
        sarif: path.relative(path.join(workspace, leg.directory), sarif),
        'upload-artifact': 'false'
      },
      {
        workspace,
        env: {
          GITHUB_WORKFLOW: 'audit',
          GITHUB_JOB: 'audit',
          GITHUB_ACTION: '__org_pyaudit-action',
          RUNNER_OS: leg.os,
          RUNNER_ARCH: 'X64'
        }
      }
    )
    expect(run.exitCode).toBe(1)
    const log = JSON.parse(await fs.readFile(sarif, 'utf8')) as {
      runs: Array<{ tool: { driver: { name: string } }; automationDetails?: { id?: string } }>
    }
    expect(log.runs).toHaveLength(1)
    return log.runs[0]?.automationDetails?.id ?? ''
  }

  const legs: Leg[] = [
    { directory: 'services/api', pythonVersion: '3.12', os: 'Linux' },
    { directory: 'services/api', pythonVersion: '3.11', os: 'Linux' },
    { directory: 'services/api', pythonVersion: '3.12', os: 'Windows' },
    { directory: 'services/worker', pythonVersion: '3.12', os: 'Linux' }
  ]

  beforeAll(async () => {
    workspace = await makeWorkspace({
      'services/api/requirements.txt': 'requests==2.19.1\n',
      'services/worker/requirements.txt': 'pyyaml==5.3\n'
    })
    for (const leg of legs) ids.set(JSON.stringify(leg), await automationId(leg))
  }, 120_000)
  afterAll(() => fs.rm(workspace, { recursive: true, force: true }))

  test('every leg and project path has its own id, so its own category', () => {
    const all = [...ids.values()]
    expect(new Set(all).size).toBe(legs.length)
    for (const [leg, id] of ids) {
      const { directory } = JSON.parse(leg) as Leg
      // The category is the id up to its last '/': the whole id here.
      expect(id).toMatch(new RegExp(`^pyaudit/${directory}/[0-9a-f]{8}/$`))
    }
  })

  test('the same leg gets the same id on the next run', async () => {
    const leg = legs[0]!
    expect(await automationId(leg)).toBe(ids.get(JSON.stringify(leg)))
  }, 60_000)
})

describe('SARIF from the command line', () => {
  test('the id names the project path, without a leg', async () => {
    const workspace = await makeWorkspace({ 'app/requirements.txt': 'requests==2.19.1\n' })
    try {
      const run = await runAction(
        {},
        {
          workspace,
          args: [
            '--working-directory',
            'app',
            '--advisory-db',
            fixtureDb,
            '--max-db-age',
            '0',
            '--sarif',
            'out.sarif'
          ]
        }
      )
      expect(run.exitCode).toBe(1)
      const log = JSON.parse(await fs.readFile(path.join(workspace, 'app', 'out.sarif'), 'utf8'))
      expect(log.runs[0].automationDetails).toEqual({ id: 'pyaudit/app/' })
    } finally {
      await fs.rm(workspace, { recursive: true, force: true })
    }
  }, 60_000)
})
