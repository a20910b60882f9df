/**
 * License checks of a 150-package environment: a directory of 150 hand-written dist-info
 * directories whose METADATA mixes the styles seen in the wild (PEP 639 expressions, license
 * classifiers only, short License fields, whole license texts in License), read and checked
 * against a policy. The baseline, measured in the same process, is pip-licenses' selection
 * (the test oracle re-implementing it over importlib.metadata) run through execFile: what a
 * workflow step running pip-licenses pays at least, before its own start-up and imports.
 *
 * Budget: "read + check" under 300 ms. Run: npx tsx bench/licenses.ts [--runs 15]
 */
import { execFile } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { parseArgs, promisify } from 'node:util'
import { readDistributions } from '../src/deps/environment.js'
import { checkLicenses } from '../src/licenses/check.js'
import { suggestSpdx } from '../src/licenses/spdx-suggest.js'
import { selectLicense } from '../src/licenses/license-of.js'
import { parseLicensePolicy } from '../src/config/config.js'

const { values } = parseArgs({ options: { runs: { type: 'string', default: '15' } } })
const runs = Number(values.runs)
const run = promisify(execFile)
const ORACLE = path.join(
  import.meta.dirname,
  '..',
  '__tests__',
  'fixtures',
  'licenses',
  'pip_licenses_oracle.py'
)
const BUDGET_MS = 300

const MIT_TEXT = [
  'MIT License',
  '',
  'Copyright (c) {year} The {name} Authors',
  '',
  'Permission is hereby granted, free of charge, to any person obtaining a copy',
  'of this software and associated documentation files (the "Software"), to deal',
  'in the Software without restriction, including without limitation the rights',
  'to use, copy, modify, merge, publish, distribute, sublicense, and/or sell',
  'copies of the Software, and to permit persons to whom the Software is',
  'furnished to do so, subject to the following conditions:',
  '',
  'The above copyright notice and this permission notice shall be included in all',
  'copies or substantial portions of the Software.',
  '',
  'THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR',
  'IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY.'
]
const EXPRESSIONS = [
  'MIT',
  'Apache-2.0',
  'BSD-3-Clause',
  'MIT OR Apache-2.0',
  'Apache-2.0 AND BSD-3-Clause',
  'MPL-2.0'
]
const CLASSIFIER_SETS = [
  ['License :: OSI Approved :: MIT License'],
  ['License :: OSI Approved :: BSD License'],
  ['License :: OSI Approved', 'License :: OSI Approved :: Apache Software License'],
  ['License :: OSI Approved :: MIT License', 'License :: OSI Approved :: Apache Software License'],
  ['License :: OSI Approved :: GNU Lesser General Public License v3 or later (LGPLv3+)']
]
const LICENSE_FIELDS = ['Apache License 2.0', 'BSD', 'MIT license', 'GPLv3+']

function metadataFor(index: number): string {
  const name = `bench-licensed-${index}`
  const lines = [
    `Metadata-Version: ${index % 3 === 0 ? '2.4' : '2.1'}`,
    `Name: ${name}`,
    `Version: ${1 + (index % 7)}.${index % 11}.${index % 3}`,
    `Summary: Package ${index} of the license benchmark`,
    'Author-email: Bench Author <bench@example.invalid>'
  ]
  if (index % 3 === 0) {
    lines.push(
      `License-Expression: ${EXPRESSIONS[index % EXPRESSIONS.length]}`,
      'License-File: LICENSE'
    )
  } else if (index % 3 === 1) {
    lines.push(...CLASSIFIER_SETS[index % CLASSIFIER_SETS.length]!.map(c => `Classifier: ${c}`))
  } else if (index % 6 === 2) {
    const text = MIT_TEXT.map(line =>
      line.replace('{year}', String(2000 + (index % 25))).replace('{name}', name)
    )
    lines.push(`License: ${text[0]}`, ...text.slice(1).map(line => `        ${line}`))
  } else {
    lines.push(`License: ${LICENSE_FIELDS[index % LICENSE_FIELDS.length]}`)
  }
  lines.push(
    'Classifier: Programming Language :: Python :: 3',
    'Classifier: Operating System :: OS Independent',
    'Requires-Python: >=3.9',
    `Requires-Dist: bench-licensed-${(index + 1) % 150}>=1.0`,
    ''
  )
  return (
    lines.join('\n') + '\n' + `# ${name}\n\n` + 'A paragraph of the long description.\n'.repeat(100)
  )
}

function buildEnvironment(root: string, count: number): void {
  for (let index = 0; index < count; index++) {
    const version = metadataFor(index).match(/^Version: (.*)$/m)![1]
    const distInfo = path.join(root, `bench_licensed_${index}-${version}.dist-info`)
    fs.mkdirSync(distInfo)
    fs.writeFileSync(path.join(distInfo, 'METADATA'), metadataFor(index))
    fs.writeFileSync(path.join(distInfo, 'WHEEL'), 'Wheel-Version: 1.0\nTag: py3-none-any\n')
  }
}

async function median(task: () => Promise<unknown> | unknown): Promise<number> {
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

const POLICY_INPUTS: Record<string, string> = {
  'license-allow-only':
    'MIT; Apache-2.0; BSD-3-Clause; MIT License; BSD License; Apache Software License',
  'license-fail-on': 'GPL',
  'license-partial-match': 'true',
  'license-fail-on-unknown': 'true'
}
const policy = parseLicensePolicy(name => POLICY_INPUTS[name] ?? '')

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pyaudit-bench-licenses-'))
try {
  buildEnvironment(root, 150)
  const distributions = await readDistributions([root])
  const entries = checkLicenses(distributions, policy, { from: 'mixed', suggest: suggestSpdx })

  // The benchmark environment must give pip-licenses' answers, or the timing means nothing.
  const oracle = JSON.parse((await run('python3', [ORACLE, root])).stdout) as Array<{
    name: string
    license: { mixed: string }
  }>
  const differing = oracle.filter(row => {
    const ours = distributions.find(d => d.name === row.name)
    return !ours || selectLicense(ours.metadata, 'mixed').text !== row.license.mixed
  })
  if (differing.length > 0)
    throw new Error(`differs from pip-licenses: ${differing.map(r => r.name).join(', ')}`)

  const rows = [
    {
      what: 'read + check (our own time)',
      ms: await median(async () =>
        checkLicenses(await readDistributions([root]), policy, {
          from: 'mixed',
          suggest: suggestSpdx
        })
      )
    },
    {
      what: 'check only (selection, SPDX, policy)',
      ms: await median(() =>
        checkLicenses(distributions, policy, { from: 'mixed', suggest: suggestSpdx })
      )
    },
    {
      what: 'baseline: pip-licenses selection via execFile',
      ms: await median(() => run('python3', [ORACLE, root]))
    }
  ]
  const violations = entries.filter(entry => entry.violation).length
  const withSpdx = entries.filter(entry => entry.spdx).length
  console.log(
    `${entries.length} packages, ${withSpdx} with an SPDX expression, ${violations} violations; ` +
      `median of ${runs} runs, Node ${process.version}, ${os.cpus().length} CPUs`
  )
  console.log('| what | median ms |')
  console.log('| --- | ---: |')
  for (const row of rows) console.log(`| ${row.what} | ${row.ms.toFixed(1)} |`)
  const ours = rows[0]!.ms
  console.log(
    ours < BUDGET_MS ? `within the ${BUDGET_MS} ms budget` : `OVER the ${BUDGET_MS} ms budget`
  )
  if (ours >= BUDGET_MS) process.exitCode = 1
} finally {
  fs.rmSync(root, { recursive: true, force: true })
}
