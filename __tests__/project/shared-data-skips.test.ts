/**
 * README's note on the test command says how many tests need the real data in ../shared/ and
 * so are skipped in a plain clone. Counted here the way a plain clone counts them: the test
 * files that use ../shared, run from a copy of the repository with no ../shared beside it.
 */
import { describe, expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { REPO_ROOT, TESTS_DIR } from '../support/paths.js'

const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8')

/** A test file that reads ../shared/osv-pypi or ../shared/realworld. */
const USES_SHARED = /'shared',\s*'(?:osv-pypi|realworld)'/

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const file = path.join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'fixtures' ? [] : testFiles(file)
    return entry.name.endsWith('.test.ts') ? [file] : []
  })
}

const guarded = testFiles(TESTS_DIR)
  .filter(file => USES_SHARED.test(readFileSync(file, 'utf8')))
  .map(file => path.relative(REPO_ROOT, file))
  .sort()

/** "30 tests in 7 files": README's claim. */
function claimed(): { tests: number; files: number } {
  const match =
    /`\.\.\/shared\/`[\s\S]{0,400}?skipped in a plain clone[^:]*: (\d+)\s+tests in (\d+) files/.exec(
      readme
    )
  expect(match).not.toBeNull()
  return { tests: Number(match![1]), files: Number(match![2]) }
}

describe("README's note on the tests that need ../shared", () => {
  test('names as many files as use ../shared, and each says why it skips', () => {
    expect(guarded.length).toBeGreaterThan(0)
    expect(claimed().files).toBe(guarded.length)
    for (const file of guarded) {
      const text = readFileSync(path.join(REPO_ROOT, file), 'utf8')
      expect({ file, says: /console\.log\(`Skipping [^`]*is absent`\)/.test(text) }).toEqual({
        file,
        says: true
      })
    }
  })

  test('counts the tests a plain clone skips', () => {
    const copy = mkdtempSync(path.join(tmpdir(), 'pyaudit-plain-clone-'))
    const clone = path.join(copy, 'repo')
    try {
      // As in a plain clone: nothing named shared beside the repository.
      expect(existsSync(path.join(copy, 'shared'))).toBe(false)
      for (const part of ['src', '__tests__', 'package.json', 'tsconfig.json', 'jest.config.js']) {
        cpSync(path.join(REPO_ROOT, part), path.join(clone, part), { recursive: true })
      }
      symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(clone, 'node_modules'), 'dir')
      const results = path.join(copy, 'results.json')
      const run = spawnSync(
        process.execPath,
        [
          path.join(REPO_ROOT, 'node_modules', 'jest', 'bin', 'jest.js'),
          '--json',
          `--outputFile=${results}`,
          ...guarded
        ],
        {
          cwd: clone,
          encoding: 'utf8',
          env: { ...process.env, NODE_OPTIONS: '--experimental-vm-modules' }
        }
      )
      // Their failures, if any, are their own tests' to report: counted here is what skips.
      expect({ stderr: existsSync(results) ? '' : run.stderr }).toEqual({ stderr: '' })
      const report = JSON.parse(readFileSync(results, 'utf8')) as {
        numPendingTests: number
        numTotalTestSuites: number
      }
      expect(report.numTotalTestSuites).toBe(guarded.length)
      expect(report.numPendingTests).toBe(claimed().tests)
      expect(run.stdout + run.stderr).toContain('is absent')
    } finally {
      rmSync(copy, { recursive: true, force: true })
    }
  }, 180_000)
})

test("README's performance figures say the machine and the Node versions, as bench/README.md does", () => {
  const bench = readFileSync(path.join(REPO_ROOT, 'bench', 'README.md'), 'utf8')
  expect(bench).toMatch(/This machine: 2 cores, 24 GiB; Node 20\.20 unless marked Node 24\.22/)
  expect(readme).toMatch(
    /s cold for the whole process, measured on a 2-core, 24 GiB Linux\s+machine with Node 20\.20\s+and 24\.22/
  )
})
