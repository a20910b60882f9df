/**
 * resolve: pip and `${VAR}`: the reader keeps such lines as written and never expands them; pip
 * expands variables only in files it reads, so they reach it in a temporary requirements file.
 * The real pip against a loopback index, its configuration files off, no cache.
 */
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { readDependencyFile } from '../../src/deps/read-file.js'
import { resolveFile } from '../../src/deps/resolve.js'
import type { Logger } from '../../src/shared/log.js'
import { SimpleIndex } from '../support/simple-index.js'

const IDX_PASS = 'idx-s3cret-pass-0421'
const VERSION = '1.5'

const python = findPipPython()
if (!python) console.warn('resolve: python3 with pip not found; skipping the tests that run pip')
const describeWithPip = python ? describe : describe.skip

let root: string
let index: SimpleIndex
beforeAll(async () => {
  root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'pyaudit-resolve-')))
  index = await SimpleIndex.start(
    [
      { name: 'alpha', version: '1.0', requiresDist: ['beta>=1'] },
      { name: 'beta', version: '1.0' },
      { name: 'beta', version: '1.5' },
      { name: 'beta', version: '2.0' }
    ],
    { auth: { username: 'u', password: IDX_PASS } }
  )
})
afterAll(async () => {
  await index.close()
  fs.rmSync(root, { recursive: true, force: true })
})

function recordingLogger(): Logger & { messages: string[] } {
  const messages: string[] = []
  return {
    messages,
    debug: m => messages.push(`debug: ${m}`),
    info: m => messages.push(`info: ${m}`),
    warning: m => messages.push(`warning: ${m}`)
  }
}

/**
 * A `python` that notes the mode and text of the requirements file pip is handed with -r, then
 * runs the real one: the file is private and holds the lines as written.
 */
function recordingPython(dir: string): { python: string; notes: string } {
  const notes = path.join(dir, 'notes')
  const wrapper = path.join(dir, 'python')
  const script = [
    '#!/bin/sh',
    'prev=',
    'for arg in "$@"; do',
    '  if [ "$prev" = "-r" ]; then',
    `    stat -c '%a' "$arg" >> '${notes}'; cat "$arg" >> '${notes}'; echo "$arg" >> '${notes}'`,
    '  fi',
    '  prev="$arg"',
    'done',
    `exec '${python}' "$@"`,
    ''
  ].join('\n')
  fs.writeFileSync(wrapper, script, { mode: 0o755 })
  return { python: wrapper, notes }
}

async function resolveProject(name: string, requirements: string, extraEnv: NodeJS.ProcessEnv) {
  const dir = fs.mkdtempSync(path.join(root, `${name}-`))
  const file = path.join(dir, 'requirements.txt')
  fs.writeFileSync(file, requirements)
  const recorder = recordingPython(dir)
  const logger = recordingLogger()
  const env = {
    PATH: process.env.PATH,
    HOME: root,
    PIP_CONFIG_FILE: os.devNull,
    PIP_NO_CACHE_DIR: '1',
    ...extraEnv
  }
  const read = await readDependencyFile(
    { file, format: 'requirements' },
    { displayPath: f => path.relative(dir, f), allowedRoots: [dir] }
  )
  const outcome = await resolveFile(read, {
    python: recorder.python,
    extraIndexUrls: [],
    cwd: dir,
    env,
    logger
  }).catch((error: unknown) => error)
  const notes = fs.existsSync(recorder.notes) ? fs.readFileSync(recorder.notes, 'utf8') : ''
  return { file, read, outcome, notes, messages: logger.messages }
}

describeWithPip("resolve: 'pip' with ${VAR} in the requirements file", () => {
  test('a password-protected --index-url and a pin with ${VAR} resolve; the values appear nowhere', async () => {
    const indexLine = `--index-url http://u:\${IDX_PASS}@127.0.0.1:${index.port}/simple/`
    const run = await resolveProject('expand', `${indexLine}\nalpha==1.0\nbeta==\${VERSION}\n`, {
      IDX_PASS,
      VERSION
    })
    expect(run.outcome).not.toBeInstanceOf(Error)
    const source = run.outcome as Awaited<ReturnType<typeof resolveFile>>
    expect(source.dependencies.map(d => [d.name, d.version, d.location.line])).toEqual([
      ['alpha', '1.0', 2],
      ['beta', '1.5', 3]
    ])
    // Handed to pip, the line is no longer skipped as "not expanded".
    expect(source.skipped).toEqual([])
    // pip read the file as written, from a file only this user can read, since deleted.
    const [mode, ...rest] = run.notes.trim().split('\n')
    expect(mode).toBe('600')
    const tempFile = rest.pop()!
    expect(rest).toEqual([indexLine, 'beta==${VERSION}'])
    expect(fs.existsSync(tempFile)).toBe(false)
    expect(fs.existsSync(path.dirname(tempFile))).toBe(false)
    expect(run.messages).toEqual([
      `info: Resolving ${run.file} with pip (1 arguments and 2 lines it expands itself)`
    ])
    // The index saw the password: pip expanded it.
    expect(index.requests.some(r => r.path === '/simple/beta/' && r.authorization)).toBe(true)
    const everything = JSON.stringify([run.read, source, run.messages])
    expect(everything).not.toContain(IDX_PASS)
  })

  test('when pip fails, its error lines carry neither the password nor an expanded value', async () => {
    const secretVersion = '9.9.9-s3cret'
    const run = await resolveProject(
      'fails',
      `--index-url http://u:\${IDX_PASS}@127.0.0.1:${index.port}/simple/\nbeta===\${PIN}\n`,
      { IDX_PASS, PIN: secretVersion }
    )
    expect(run.outcome).toBeInstanceOf(Error)
    const message = (run.outcome as Error).message
    expect(message).toContain('pip could not resolve the requirements (exit code 1)')
    expect(message).toContain('beta===***')
    expect(message).not.toContain(secretVersion)
    expect(message).not.toContain(IDX_PASS)
  })

  test('a ${VAR} line that is a URL, or whose name is a variable, is not handed to pip', async () => {
    const run = await resolveProject(
      'urls',
      [
        `--index-url http://u:${IDX_PASS}@127.0.0.1:${index.port}/simple/`,
        'alpha==1.0',
        'beta @ http://127.0.0.1:1/${PATH_PART}/beta-1.0-py3-none-any.whl',
        '${NAME}==1.0',
        ''
      ].join('\n'),
      { PATH_PART: 'x', NAME: 'beta' }
    )
    const source = run.outcome as Awaited<ReturnType<typeof resolveFile>>
    expect(source.dependencies.map(d => `${d.name}==${d.version}`)).toEqual([
      'alpha==1.0',
      'beta==2.0'
    ])
    expect(source.skipped.map(s => s.location.line)).toEqual([3, 4])
    expect(run.notes).toBe('')
  })
})

function findPipPython(): string | undefined {
  if (process.platform === 'win32') return undefined
  for (const candidate of ['python3', 'python']) {
    try {
      execFileSync(candidate, ['-m', 'pip', '--version'], { stdio: 'ignore' })
      return execFileSync(candidate, ['-c', 'import sys; print(sys.executable)'], {
        encoding: 'utf8'
      }).trim()
    } catch {
      // try the next
    }
  }
  return undefined
}
