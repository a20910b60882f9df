/**
 * `src/index.ts` of a checkout as one ESM file, as ncc makes dist/index.js (without its type
 * check): benchmarks measure the sources as they are, or compare two checkouts, without
 * building dist/.
 */
import { spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import path from 'node:path'

const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..')

/** Bundles `repo`'s sources into `<into>/bundle/index.js` and returns that path. */
export async function bundleSources(repo: string, into: string): Promise<string> {
  const outDir = path.join(into, 'bundle')
  const banner =
    "import { createRequire as bundleRequire } from 'node:module'; " +
    'const require = bundleRequire(import.meta.url);'
  const esbuild = path.join(REPO_ROOT, 'node_modules', 'esbuild', 'bin', 'esbuild')
  const args = [
    path.join(repo, 'src', 'index.ts'),
    '--bundle',
    '--platform=node',
    '--format=esm',
    '--target=node20',
    '--log-level=error',
    // An optional plugin of @cyclonedx/cyclonedx-library, loaded only when installed.
    '--external:xmlbuilder2',
    `--banner:js=${banner}`,
    `--outfile=${path.join(outDir, 'index.js')}`
  ]
  await new Promise<void>((resolve, reject) => {
    const child = spawn(esbuild, args, { stdio: 'inherit' })
    child.on('error', reject)
    child.on('close', code =>
      code === 0 ? resolve() : reject(new Error(`esbuild exited ${code}`))
    )
  })
  writeFileSync(path.join(outDir, 'package.json'), '{ "type": "module" }\n')
  return path.join(outDir, 'index.js')
}
