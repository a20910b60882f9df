/**
 * Every reader is linear: a hostile dependency file of about 10 MiB, of each format, is read or
 * refused with a typed error naming the file, within 2 s (issue 14, items 6 and 7). The inputs
 * are in hostile-inputs.ts; writing them is not timed.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { mkdtemp, realpath, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { markerEnvironmentFor } from '../../src/deps/markers.js'
import { readDependencyFile } from '../../src/deps/read-file.js'
import { ParseError } from '../../src/shared/errors.js'
import { HOSTILE_INPUTS, TARGET_BYTES, type HostileInput } from './hostile-inputs.js'

const TIME_LIMIT_MS = 2000

let root: string
beforeAll(async () => {
  root = await realpath(await mkdtemp(path.join(os.tmpdir(), 'pyaudit-hostile-')))
})
afterAll(() => rm(root, { recursive: true, force: true }))

describe.each([...new Set(HOSTILE_INPUTS.map(input => input.format))])('%s', format => {
  const cases = HOSTILE_INPUTS.filter(input => input.format === format).map(
    (input): [string, HostileInput] => [input.name, input]
  )
  test.each(cases)('%s: read or refused within 2 s', async (_name, input) => {
    const dir = await mkdtemp(path.join(root, 'case-'))
    const files = input.files()
    const sizes = Object.values(files).map(content => Buffer.byteLength(content))
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBeGreaterThan(0.9 * TARGET_BYTES)
    for (const [name, content] of Object.entries(files))
      await writeFile(path.join(dir, name), content)
    const first = path.join(dir, Object.keys(files)[0]!)
    const started = performance.now()
    const outcome = await readDependencyFile(
      { file: first, format: input.format },
      {
        markerEnvironment: markerEnvironmentFor('3.12'),
        displayPath: file => path.relative(dir, file),
        allowedRoots: [dir]
      }
    ).then(
      read => ({ read, error: undefined }),
      (error: unknown) => ({ read: undefined, error })
    )
    const elapsed = performance.now() - started
    await rm(dir, { recursive: true, force: true })
    if (outcome.read) {
      expect(outcome.read.source.format).toBe(input.format)
    } else {
      // Refused: a ParseError naming the file (for an include, the file that names it).
      expect(outcome.error).toBeInstanceOf(ParseError)
      const error = outcome.error as ParseError
      expect(error.position.file).toMatch(/\.(txt|toml|lock)$/)
      expect(error.message).not.toMatch(/^\s+at /m)
    }
    expect(elapsed).toBeLessThan(TIME_LIMIT_MS)
  })
})
