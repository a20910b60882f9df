/**
 * Reading an installed environment: a virtualenv with 150 hand-written distributions
 * (realistic METADATA: multi-line License, classifiers, Requires-Dist, a long description,
 * plus RECORD and WHEEL beside it), and this machine's own python3. Compared with the
 * baseline a Python tool pays: importlib.metadata listing name, version, License and
 * Classifier for every distribution, run through execFile in the same process.
 *
 * "our reading" is the TypeScript work alone (sys.path known); "total" adds asking the
 * interpreter for sys.path (one Python start-up). Run: npx tsx bench/environment.ts [--runs 15]
 */
import { execFile, execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { promisify } from 'node:util'
import { parseArgs } from 'node:util'
import { readDistributions, readEnvironment } from '../src/deps/environment.js'
import { inspectInterpreter } from '../src/deps/python.js'

const { values } = parseArgs({ options: { runs: { type: 'string', default: '15' } } })
const runs = Number(values.runs)
const run = promisify(execFile)

const BASELINE_SCRIPT = `
import importlib.metadata as m
rows = [(d.metadata['Name'], d.version, d.metadata.get('License'), d.metadata.get_all('Classifier'))
        for d in m.distributions()]
print(len(rows))
`

function metadataFor(index: number): string {
  const name = `bench-package-${index}`
  const lines = [
    'Metadata-Version: 2.1',
    `Name: ${name}`,
    `Version: ${1 + (index % 7)}.${index % 13}.${index % 5}`,
    `Summary: Package ${index} of the environment benchmark`,
    `Home-page: https://example.invalid/${name}`,
    'Author: Bench Author',
    'Author-email: bench@example.invalid',
    'License: BSD 3-Clause License',
    '        ',
    `        Copyright (c) ${2000 + (index % 24)}, the ${name} developers`,
    '        All rights reserved.',
    '        ',
    '        Redistribution and use in source and binary forms, with or without',
    '        modification, are permitted provided that the following conditions are met.',
    'Project-URL: Documentation, https://example.invalid/docs',
    'Project-URL: Source, https://example.invalid/source',
    ...[
      'Development Status :: 5 - Production/Stable',
      'Intended Audience :: Developers',
      'License :: OSI Approved :: BSD License',
      'Operating System :: OS Independent',
      'Programming Language :: Python',
      'Programming Language :: Python :: 3',
      'Programming Language :: Python :: 3.9',
      'Programming Language :: Python :: 3.10',
      'Programming Language :: Python :: 3.11',
      'Programming Language :: Python :: 3.12',
      'Topic :: Software Development :: Libraries'
    ].map(classifier => `Classifier: ${classifier}`),
    'Requires-Python: >=3.9',
    'Description-Content-Type: text/markdown',
    'Provides-Extra: test',
    ...Array.from(
      { length: 6 },
      (_, n) => `Requires-Dist: bench-package-${(index + n + 1) % 150}>=1.0`
    ),
    'Requires-Dist: pytest>=7; extra == "test"',
    ''
  ]
  const description = `# ${name}\n\n` + 'A paragraph of the long description.\n'.repeat(150)
  return lines.join('\n') + '\n' + description
}

function buildVenv(root: string, count: number): string {
  const venv = path.join(root, 'venv')
  execFileSync('python3', ['-m', 'venv', '--without-pip', venv])
  const python = path.join(venv, 'bin', 'python')
  const site = execFileSync(
    python,
    ['-c', "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
    { encoding: 'utf8' }
  ).trim()
  for (let index = 0; index < count; index++) {
    const version = metadataFor(index).match(/^Version: (.*)$/m)![1]
    const distInfo = path.join(site, `bench_package_${index}-${version}.dist-info`)
    fs.mkdirSync(distInfo)
    fs.writeFileSync(path.join(distInfo, 'METADATA'), metadataFor(index))
    fs.writeFileSync(path.join(distInfo, 'WHEEL'), 'Wheel-Version: 1.0\nTag: py3-none-any\n')
    fs.writeFileSync(path.join(distInfo, 'INSTALLER'), 'pip\n')
    const record = Array.from(
      { length: 40 },
      (_, n) => `bench_package_${index}/m${n}.py,sha256=x,100`
    )
    fs.writeFileSync(path.join(distInfo, 'RECORD'), record.join('\n') + '\n')
  }
  return venv
}

async function median(task: () => Promise<unknown>): Promise<number> {
  await task() // warm-up: file cache, JIT
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    await task()
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)]!
}

interface Row {
  environment: string
  distributions: number
  what: string
  ms: number
}

async function measure(label: string, pythonOrVenv: string, interpreter: string): Promise<Row[]> {
  const info = await inspectInterpreter(pythonOrVenv)
  const found = (await readDistributions(info.sysPath)).length
  const baselineCount = Number((await run(interpreter, ['-c', BASELINE_SCRIPT])).stdout.trim())
  if (baselineCount !== found) {
    console.warn(
      `${label}: importlib.metadata lists ${baselineCount} distributions, we read ${found}`
    )
  }
  return [
    {
      what: 'our reading (TypeScript only)',
      ms: await median(() => readDistributions(info.sysPath))
    },
    {
      what: 'ask the interpreter for sys.path',
      ms: await median(() => inspectInterpreter(pythonOrVenv))
    },
    { what: 'readEnvironment total', ms: await median(() => readEnvironment(pythonOrVenv)) },
    {
      what: 'baseline: importlib.metadata via execFile',
      ms: await median(() => run(interpreter, ['-c', BASELINE_SCRIPT]))
    }
  ].map(row => ({ environment: label, distributions: found, ...row }))
}

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pyaudit-bench-env-'))
try {
  const venv = buildVenv(root, 150)
  const machine = execFileSync('python3', ['-c', 'import sys; print(sys.executable)'], {
    encoding: 'utf8'
  }).trim()
  const rows = [
    ...(await measure('venv, 150 synthetic', venv, path.join(venv, 'bin', 'python'))),
    ...(await measure('this machine python3', machine, machine))
  ]
  console.log(`median of ${runs} runs, Node ${process.version}, ${os.cpus().length} CPUs`)
  console.log('| environment | distributions | what | median ms |')
  console.log('| --- | ---: | --- | ---: |')
  for (const row of rows) {
    console.log(
      `| ${row.environment} | ${row.distributions} | ${row.what} | ${row.ms.toFixed(1)} |`
    )
  }
} finally {
  fs.rmSync(root, { recursive: true, force: true })
}
