/**
 * Lockfiles are rewritten by their own tool's resolver, never by hand: for a vulnerable pin in
 * one, the command that upgrades it. Package names and versions come from dependency files, so
 * they are untrusted: a name must be a PEP 508 name (already normalised) and a version PEP 440,
 * and any argument a shell would read as more than a word is quoted, so a printed command is
 * safe to paste.
 */
import * as path from 'node:path'
import { isPep440 } from '../advisories/version-order.js'
import type { SourceFormat } from '../deps/types.js'

/** PEP 508's name grammar, as a normalised (PEP 503) name spells it. */
const NORMALISED_NAME = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/
/** Characters a POSIX shell reads as part of a plain word, and Windows shells too. */
const PLAIN_WORD = /^[A-Za-z0-9._=+/:@-]+$/
const VERSION_CHARACTERS = /^[A-Za-z0-9.!+_-]+$/

/** The lockfile formats whose tools have an upgrade command. */
export const LOCKFILE_FORMATS: ReadonlySet<SourceFormat> = new Set([
  'uv.lock',
  'poetry.lock',
  'pdm.lock',
  'Pipfile.lock',
  'pylock.toml'
])

/** Whether `name` is a normalised PEP 508 name: nothing else goes into a command. */
export function isSafePackageName(name: string): boolean {
  return name.length <= 200 && NORMALISED_NAME.test(name)
}

export function isSafeVersion(version: string): boolean {
  return version.length <= 100 && VERSION_CHARACTERS.test(version) && isPep440(version)
}

/**
 * The arguments of the command that upgrades `name` to `fixVersion` in `lockfile`; a reason
 * when there is none to give. `hasProject`: a pyproject.toml is beside the lockfile (pip lock
 * locks a project from it).
 */
export function lockfileCommand(
  format: SourceFormat,
  lockfile: string,
  name: string,
  fixVersion: string,
  hasProject: boolean
): string[] | string {
  if (!isSafePackageName(name)) return 'its name is not a valid package name'
  if (!isSafeVersion(fixVersion)) return `'${fixVersion}' is not a PEP 440 version`
  const pinned = `${name}==${fixVersion}`
  switch (format) {
    case 'uv.lock':
      return ['uv', 'lock', '--upgrade-package', pinned]
    case 'poetry.lock':
      return ['poetry', 'update', name]
    case 'pdm.lock':
      return ['pdm', 'update', name]
    case 'Pipfile.lock':
      return ['pipenv', 'upgrade', pinned]
    case 'pylock.toml': {
      // pip lock has no upgrade of one package: it locks again, here the project plus the pin.
      if (!hasProject) {
        return `pip lock has no upgrade of one package: lock again from the inputs that wrote this file, adding ${pinned}`
      }
      const output = path.basename(lockfile)
      if (!PLAIN_WORD.test(output)) return 'its file name is not a plain word'
      return ['python', '-m', 'pip', 'lock', '.', pinned, '--output', output]
    }
    default:
      return `${format} is not a lockfile`
  }
}

/** The command as one line a POSIX shell reads as exactly these arguments. */
export function shellLine(command: readonly string[]): string {
  return command.map(argument => (PLAIN_WORD.test(argument) ? argument : quote(argument))).join(' ')
}

function quote(argument: string): string {
  return `'${argument.replace(/'/g, `'\\''`)}'`
}
