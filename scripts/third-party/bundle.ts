/**
 * Which packages ncc put into dist/, read from the dist/licenses.txt it writes with `--license`.
 * ncc (license-webpack-plugin's default renderer) writes, for each bundled package sorted by
 * name: the name, then its license id and license text when it knows them, then a blank line.
 * The format has no delimiter of its own and license texts hold blank lines too, so a block
 * starts at a line that follows a blank line, names a package the lockfile knows, and does not
 * sort before the previous block's name.
 */
import { compareText, type LockedPackage } from './lockfile.js'

/** The package names in ncc's licenses.txt, in file order. */
export function parseBundledNames(text: string, knownNames: ReadonlySet<string>): string[] {
  const names: string[] = []
  const lines = text.replace(/\r\n/g, '\n').split('\n')
  lines.forEach((line, index) => {
    const startsBlock = index === 0 || lines[index - 1] === ''
    if (!startsBlock || !knownNames.has(line)) return
    const previous = names.at(-1)
    if (previous === undefined || compareText(previous, line) < 0) names.push(line)
  })
  return names
}

export interface BundleComparison {
  /** Production dependencies ncc did not reach (type-only packages, unused code paths): fine. */
  notBundled: string[]
  /** Bundled packages the lockfile has only in the development tree: they ship all the same. */
  bundledDevelopment: string[]
}

/** Compares, by name, what the lockfile calls production with what ncc bundled. */
export function compareWithBundle(
  production: readonly LockedPackage[],
  bundled: readonly string[]
): BundleComparison {
  const productionNames = new Set(production.map(entry => entry.name))
  const bundledNames = new Set(bundled)
  return {
    notBundled: [...productionNames].filter(name => !bundledNames.has(name)).sort(compareText),
    bundledDevelopment: [...bundledNames]
      .filter(name => !productionNames.has(name))
      .sort(compareText)
  }
}
