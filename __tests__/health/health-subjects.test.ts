/**
 * healthSubjects on requirements files: the digests `--hash` declares reach each pin, however
 * the option is spelt (pip takes abbreviations, and a line may continue after a backslash)
 * and in whichever included file the pin is; a source without any is not read for them again
 * and gives the same subjects, without digests.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, test } from '@jest/globals'
import { markerEnvironmentFor } from '../../src/deps/markers.js'
import { parseRequirementsFile, requirementsToSource } from '../../src/deps/requirements.js'
import { healthSubjects } from '../../src/health/subjects.js'

const dir = mkdtempSync(path.join(tmpdir(), 'pyaudit-health-subjects-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const A = `sha256:${'a'.repeat(64)}`
const B = `sha256:${'b'.repeat(64)}`

async function subjectsOf(files: Record<string, string>, main: string) {
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text)
  const file = path.join(dir, main)
  const markerEnvironment = markerEnvironmentFor('3.12')
  const source = requirementsToSource(
    await parseRequirementsFile(file, { markerEnvironment }),
    file
  )
  const subjects = await healthSubjects([source], { markerEnvironment, shownPath: f => f })
  return Object.fromEntries(subjects.map(s => [s.name, s.hashes]))
}

describe('healthSubjects of a requirements file', () => {
  test.each([
    ['--hash', `alpha==1.0 --hash=${A}\n`],
    ['an abbreviation', `alpha==1.0 --has=${A}\n`],
    ['the shortest abbreviation', `alpha==1.0 --h ${A}\n`],
    ['split by a line continuation', `alpha==1.0 --\\\nhash=${A}\n`]
  ])('a digest given with %s counts', async (form, text) => {
    const hashes = await subjectsOf(
      { [`${form.replace(/\W/g, '-')}.txt`]: `${text}delta==1.0\n` },
      `${form.replace(/\W/g, '-')}.txt`
    )
    expect(hashes).toEqual({ alpha: [A], delta: undefined })
  })

  test('digests in an included file reach its pins', async () => {
    const hashes = await subjectsOf(
      { 'top.txt': 'alpha==1.0\n-r inner.txt\n', 'inner.txt': `beta==2.0 --hash ${B}\n` },
      'top.txt'
    )
    expect(hashes).toEqual({ alpha: undefined, beta: [B] })
  })

  test('a file without digests gives its pins without any', async () => {
    const hashes = await subjectsOf(
      { 'plain.txt': 'alpha==1.0\nbeta==2.0 ; python_version > "3"\n' },
      'plain.txt'
    )
    expect(hashes).toEqual({ alpha: undefined, beta: undefined })
  })
})
