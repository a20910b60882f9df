/**
 * From the vulnerable pins of an audit to the work of fixing them, file by file: requirements
 * files (each site a logical line), pyproject.toml files, and lockfiles (upgraded by a
 * command). A pin with no known clean version, or one that lives only in an installed
 * environment, is noted, never dropped.
 */
import * as path from 'node:path'
import type { Dependency } from '../deps/types.js'
import { LOCKFILE_FORMATS } from './lockfile-commands.js'
import type { RequirementsSite } from './requirements.js'
import type { FixNote, FixTarget } from './types.js'

/** A vulnerable package as the audit found it. */
export interface VulnerablePin {
  name: string
  version: string
  /** The recommended upgrade; null or undefined when none is known. */
  recommendedVersion?: string | null
  /** Why there is no recommendation, when the audit says. */
  upgradeNote?: string
  declarations: readonly Dependency[]
}

export interface LockfileSite {
  target: FixTarget
  lockfile: string
  format: Dependency['format']
  line: number
}

export interface FixWork {
  /** Requirements files by absolute path (an included file under its own path). */
  requirements: Map<string, RequirementsSite[]>
  /** pyproject.toml files that were audited themselves, with the pins they declare. */
  pyprojects: Map<string, FixTarget[]>
  lockfiles: LockfileSite[]
  notes: FixNote[]
}

export function fixWork(pins: readonly VulnerablePin[]): FixWork {
  const work: FixWork = { requirements: new Map(), pyprojects: new Map(), lockfiles: [], notes: [] }
  for (const pin of pins) {
    const fixVersion = pin.recommendedVersion
    for (const declaration of pin.declarations) {
      const { location, format } = declaration
      if (!fixVersion) {
        work.notes.push({
          kind: 'no-fix',
          name: pin.name,
          version: pin.version,
          location,
          detail: pin.upgradeNote ?? 'no version without known advisories is known'
        })
        continue
      }
      const target: FixTarget = { name: pin.name, version: pin.version, fixVersion }
      const needsHand = (detail: string): void => {
        work.notes.push({ kind: 'needs-hand', ...target, location, detail })
      }
      if (LOCKFILE_FORMATS.has(format)) {
        work.lockfiles.push({ target, lockfile: location.file, format, line: location.line })
      } else if (format === 'environment') {
        needsHand('it is installed in an environment, not declared in a file')
      } else if (format === 'pyproject' || path.basename(location.file) === 'pyproject.toml') {
        push(work.pyprojects, location.file, target)
      } else if (location.line <= 0) {
        needsHand(
          `pip resolved it from another requirement: declare ${pin.name}>=${fixVersion} (a constraint) to upgrade it`
        )
      } else {
        push(work.requirements, location.file, { target, line: location.line })
      }
    }
  }
  return work
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}
