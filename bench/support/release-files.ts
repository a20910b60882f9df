/**
 * How many files a PyPI release has (an sdist and its wheels), from real data: the `--hash`
 * lines of each pin in PyPI's own hashed requirements (../shared/realworld/warehouse-hashed),
 * one per file of the pinned release. 284 pins: median 2, mean 10.2, at most 134 (lxml).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const HASHED = path.resolve(
  REPO_ROOT,
  '..',
  'shared',
  'realworld',
  'warehouse-hashed',
  'requirements'
)

/** Files per release of each hashed pin; undefined when the real files are absent. */
export function realFilesPerRelease(): number[] | undefined {
  if (!existsSync(HASHED)) return undefined
  const counts: number[] = []
  for (const name of readdirSync(HASHED)
    .filter(file => file.endsWith('.txt'))
    .sort()) {
    const text = readFileSync(path.join(HASHED, name), 'utf8')
    // A pin's block: its `name==version` line and the continuation lines under it.
    for (const block of text.split(/\n(?=[A-Za-z0-9])/)) {
      const hashes = block.match(/--hash=/g)?.length ?? 0
      if (hashes > 0 && /^[A-Za-z0-9][A-Za-z0-9._-]*==/.test(block)) counts.push(hashes)
    }
  }
  return counts.length > 0 ? counts : undefined
}
