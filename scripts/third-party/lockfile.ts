/**
 * The npm packages a package-lock.json (lockfileVersion 2 or 3) installs, read from its
 * `packages` map. npm marks each entry: `dev` when only the devDependencies tree needs it, and
 * `devOptional` when it is both a development dependency and an optional dependency of a
 * production one. Both are left out of what ships: the action runs from its bundle, and a
 * devOptional package that the bundle did pull in is caught by the comparison with dist/.
 */
import { ParseError } from '../../src/shared/errors.js'
import { isObject } from '../../src/shared/json-shape.js'

export interface LockedPackage {
  /** The name the package's own package.json gives (an alias's real name, not the alias). */
  name: string
  version: string
  /** Where it is installed, relative to the project root: `node_modules/a/node_modules/b`. */
  path: string
  /** Needed outside the development tree (neither `dev` nor `devOptional`). */
  production: boolean
}

const INSTALL_PATH =
  /^node_modules\/(?:@[^/]+\/)?[^/@.][^/]*(?:\/node_modules\/(?:@[^/]+\/)?[^/@.][^/]*)*$/

/** Every installed package of the lockfile, root and symlinks excluded, sorted by path. */
export function lockedPackages(lockfile: unknown, file: string): LockedPackage[] {
  if (!isObject(lockfile)) throw new ParseError({ file }, 'is not a JSON object')
  const { lockfileVersion, packages } = lockfile
  if (typeof lockfileVersion !== 'number' || lockfileVersion < 2 || !isObject(packages)) {
    throw new ParseError(
      { file },
      'has no `packages` map (lockfileVersion 2 or later is needed: run npm install with npm 7+)'
    )
  }
  const result: LockedPackage[] = []
  for (const [path, entry] of Object.entries(packages)) {
    if (path === '') continue
    if (!isObject(entry)) throw new ParseError({ file }, `packages["${path}"] is not an object`)
    // A link's target has an entry of its own, which carries the metadata.
    if (entry.link === true) continue
    if (!INSTALL_PATH.test(path) || path.split('/').some(part => part === '..')) {
      throw new ParseError({ file }, `packages["${path}"] is not a node_modules install path`)
    }
    const version = entry.version
    if (typeof version !== 'string' || version === '') {
      throw new ParseError({ file }, `packages["${path}"] has no version`)
    }
    const name = typeof entry.name === 'string' ? entry.name : nameFromPath(path)
    const production = entry.dev !== true && entry.devOptional !== true
    result.push({ name, version, path, production })
  }
  return result.sort((a, b) => compareText(a.path, b.path))
}

/** The packages that ship with the action: those outside the development tree. */
export function selectProductionPackages(lockfile: unknown, file: string): LockedPackage[] {
  return lockedPackages(lockfile, file).filter(entry => entry.production)
}

function nameFromPath(path: string): string {
  return path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length)
}

/** Code-unit order, the same on every machine (localeCompare is not). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
