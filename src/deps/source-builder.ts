/**
 * Building a SourceResult from a lockfile's entries, and the wording for what cannot be audited.
 */
import { anyOfMarkers } from './marker-text.js'
import { normalizeName } from './names.js'
import type { Dependency, SkippedDependency, SourceFormat, SourceResult } from './types.js'

/** One group per dependency: main if it is needed at runtime at all, else its groups joined. */
export function pickGroup(groups: Iterable<string>): string | undefined {
  const unique = [...new Set(groups)]
  if (unique.includes('main')) return 'main'
  return unique.length === 0 ? undefined : unique.sort().join(',')
}

/** Drops credentials from a URL before it goes into a message (private index or git tokens). */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@?#]*@/i, '$1***@')
}

/** Reason for a dependency that does not come from a package index, e.g. a git checkout. */
export function notAReleaseReason(kind: string, where: string, revision?: string): string {
  const suffix = revision ? `@${revision}` : ''
  return `${kind} source ${redactUrl(where)}${suffix}: not a PyPI release`
}

/** `name @ url`: a VCS checkout, a local path or an archive, never an index release. */
export function directUrlReason(url: string): string {
  const vcs = /^(git|hg|svn|bzr)\+(.*)$/.exec(url)
  if (vcs) {
    const location = vcs[2]!.split('#')[0]!
    const at = location.lastIndexOf('@')
    const revision = at > location.lastIndexOf('/') ? location.slice(at + 1) : undefined
    return notAReleaseReason(vcs[1]!, revision ? location.slice(0, at) : location, revision)
  }
  return notAReleaseReason(url.startsWith('file:') ? 'path' : 'url', url)
}

/**
 * Collects one file's dependencies. The same name and version listed twice (PDM repeats a package
 * once per set of extras; Pipfile.lock lists it under default and develop) is one dependency, its
 * groups merged by pickGroup, and its markers too: installed where any of them holds, and
 * unconditional when one of the entries is.
 */
export class SourceResultBuilder {
  private readonly dependencies = new Map<
    string,
    {
      dependency: Dependency
      groups: readonly string[]
      /** null: one entry has no marker. */
      markers: Set<string> | null
    }
  >()
  private readonly skipped: SkippedDependency[] = []

  constructor(
    private readonly file: string,
    private readonly format: SourceFormat
  ) {}

  /** `marker`: the condition it is installed under (normalised), when it has one. */
  addDependency(
    name: string,
    version: string,
    line: number,
    groups: string[] | undefined,
    marker?: string
  ): void {
    const normalized = normalizeName(name)
    const key = `${normalized}@${version}`
    const existing = this.dependencies.get(key)
    if (existing) {
      // A new array: `groups` may be shared by many dependencies (a pyproject's group labels).
      if (groups?.length) existing.groups = [...existing.groups, ...groups]
      if (marker === undefined) existing.markers = null
      else existing.markers?.add(marker)
      return
    }
    const dependency: Dependency = {
      name: normalized,
      version,
      location: { file: this.file, line },
      format: this.format
    }
    this.dependencies.set(key, {
      dependency,
      groups: groups ?? [],
      markers: marker === undefined ? null : new Set([marker])
    })
  }

  addSkipped(name: string, version: string | undefined, reason: string, line: number): void {
    const skipped: SkippedDependency = {
      name: normalizeName(name),
      reason,
      location: { file: this.file, line },
      format: this.format
    }
    if (version !== undefined) skipped.version = version
    this.skipped.push(skipped)
  }

  build(): SourceResult {
    // Dependencies declared in the same groups share one array: pick its group once.
    const picked = new Map<readonly string[], string | undefined>()
    const pick = (groups: readonly string[]) => {
      if (!picked.has(groups)) picked.set(groups, pickGroup(groups))
      return picked.get(groups)
    }
    const dependencies = [...this.dependencies.values()].map(({ dependency, groups, markers }) => {
      const group = pick(groups)
      const marker = markers && anyOfMarkers([...markers])
      return {
        ...dependency,
        ...(group !== undefined && { group }),
        ...(marker && { marker })
      }
    })
    return { file: this.file, format: this.format, dependencies, skipped: this.skipped }
  }
}
