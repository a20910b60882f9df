/**
 * Before any test runs: src/ compiled once, module by module, into plain JavaScript for the
 * tests that start the action or the CLI as a process of its own (support/run-action.ts).
 * Through tsx's loader every such process compiled every module again (~0.25 s of CPU each,
 * for some 80 processes a run); now each loads what was compiled here, with the transform tsx
 * applies (tsx's own esbuild and options), one output file per source file, imports as written.
 * The directory's path reaches the test workers in PYAUDIT_TEST_BUILD.
 */
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..')
/** Inside the repository, so that the compiled modules find its node_modules as src/ does. */
const BUILDS = path.join(REPO_ROOT, 'node_modules', '.cache', 'pyaudit-test-builds')
/** A build older than this was left by a run that was killed: no run takes this long. */
const STALE_MS = 6 * 60 * 60 * 1000

export default function globalSetup() {
  mkdirSync(BUILDS, { recursive: true })
  for (const name of readdirSync(BUILDS)) {
    const old = path.join(BUILDS, name)
    if (Date.now() - statSync(old).mtimeMs > STALE_MS) rmSync(old, { recursive: true, force: true })
  }
  const build = mkdtempSync(path.join(BUILDS, 'run-'))
  // Its own package scope: node_modules/ would otherwise end the search for "type": "module".
  writeFileSync(path.join(build, 'package.json'), '{ "type": "module" }\n')
  const src = path.join(REPO_ROOT, 'src')
  const files = readdirSync(src, { recursive: true, withFileTypes: true }).filter(entry =>
    entry.isFile()
  )
  const typescript = files
    .map(entry => path.join(entry.parentPath, entry.name))
    .filter(file => file.endsWith('.ts') && !file.endsWith('.d.ts'))
  const tsxRequire = createRequire(createRequire(import.meta.url).resolve('tsx'))
  tsxRequire('esbuild').buildSync({
    entryPoints: typescript,
    outbase: src,
    outdir: path.join(build, 'src'),
    bundle: false,
    format: 'esm',
    platform: 'node',
    target: `node${process.versions.node}`,
    keepNames: true,
    tsconfig: path.join(REPO_ROOT, 'tsconfig.json'),
    logLevel: 'error'
  })
  // What is not TypeScript (the CommonJS module, declarations) goes as it is.
  for (const entry of files.filter(entry => !entry.name.endsWith('.ts'))) {
    const file = path.join(entry.parentPath, entry.name)
    const copy = path.join(build, 'src', path.relative(src, file))
    mkdirSync(path.dirname(copy), { recursive: true })
    cpSync(file, copy)
  }
  process.env.PYAUDIT_TEST_BUILD = path.join(build, 'src')
}
