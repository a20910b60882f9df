/**
 * The version a distribution file belongs to, from its name, the way pip reads index pages:
 * wheels by their fixed layout (packaging's parse_wheel_filename), sdists by the dash after
 * the project's name (pip's _find_name_version_sep), so legacy names with dashes in them
 * (`zope-interface-5.0.tar.gz`) read right. Files pip would not install (eggs, .exe, .msi)
 * and files named for another project have no version here: pip skips them too.
 */

/** The archive kinds pip installs from an index, longest first so `.tar.gz` wins over `.gz`. */
const SDIST_EXTENSIONS = [
  '.tar.lzma',
  '.tar.bz2',
  '.tar.gz',
  '.tar.xz',
  '.tar.lz',
  '.tar',
  '.tbz',
  '.tgz',
  '.txz',
  '.tlz',
  '.zip'
]

/** PEP 503 normalisation, as src/deps/names.ts does it (a stage imports only types from deps). */
export function normalizeProjectName(name: string): string {
  return name.replace(/[-_.]+/g, '-').toLowerCase()
}

/**
 * The version written in `filename`, a file of project `normalizedName`; undefined when the
 * file is not a wheel or sdist of that project.
 */
export function versionOfFile(
  filename: string,
  normalizedName: string,
  isProject = (name: string): boolean => normalizeProjectName(name) === normalizedName
): string | undefined {
  return readVersion(filename, { isProject })
}

/** What a reading needs of the project: whether a name in a file name is it. */
interface ProjectMatcher {
  isProject(name: string): boolean
  /** A spelling of the name known to be the project's, to compare without slicing. */
  known?: string
}

/**
 * versionOfFile for the files of one page: a page names its files with one or two spellings
 * of the project's name, so each is normalised once, not once per file, and the last one
 * that matched is compared in place (a page lists thousands of files, read once a run).
 */
export function fileVersionReader(
  normalizedName: string
): (filename: string) => string | undefined {
  const names = new Map<string, boolean>()
  const matcher: ProjectMatcher = {
    isProject(name: string): boolean {
      let same = names.get(name)
      if (same === undefined) {
        same = normalizeProjectName(name) === normalizedName
        if (names.size < 64) names.set(name, same)
      }
      if (same) matcher.known = name
      return same
    }
  }
  return filename => readVersion(filename, matcher)
}

function readVersion(filename: string, project: ProjectMatcher): string | undefined {
  if (endsWithIgnoringCase(filename, '.whl')) {
    return wheelVersion(filename, filename.length - 4, project)
  }
  const lower = filename.toLowerCase()
  const extension = SDIST_EXTENSIONS.find(candidate => lower.endsWith(candidate))
  if (extension === undefined) return undefined
  return sdistVersion(filename.slice(0, -extension.length), project)
}

/**
 * Where the part of a file's name that can hold its version ends: a wheel's second dash (the
 * version is the second part; build and compatibility tags such as `cp311` follow), else the
 * name's end.
 */
export function versionPartEnd(filename: string): number {
  if (!filename.endsWith('.whl')) return filename.length
  const first = filename.indexOf('-')
  const second = first === -1 ? -1 : filename.indexOf('-', first + 1)
  return second === -1 ? filename.length : second
}

function endsWithIgnoringCase(text: string, lowerSuffix: string): boolean {
  if (text.endsWith(lowerSuffix)) return true
  return (
    text.length >= lowerSuffix.length &&
    text.slice(-lowerSuffix.length).toLowerCase() === lowerSuffix
  )
}

/**
 * `{name}-{version}(-{build})?-{python}-{abi}-{platform}` (the file name up to `end`, its
 * `.whl`): the second of five or six dash-separated parts.
 */
function wheelVersion(filename: string, end: number, project: ProjectMatcher): string | undefined {
  const first = filename.indexOf('-')
  if (first === -1 || first >= end) return undefined
  const second = filename.indexOf('-', first + 1)
  if (second === -1 || second >= end) return undefined
  let dashes = 2
  for (let at = filename.indexOf('-', second + 1); at !== -1 && at < end;) {
    dashes++
    at = filename.indexOf('-', at + 1)
  }
  if (dashes !== 4 && dashes !== 5) return undefined
  if (!startsWithName(filename, first, project)) return undefined
  return second === first + 1 ? undefined : filename.slice(first + 1, second)
}

/** Whether `text` up to `length` is the project's name. */
function startsWithName(text: string, length: number, project: ProjectMatcher): boolean {
  const { known } = project
  if (known !== undefined && known.length === length && text.startsWith(known)) return true
  return project.isProject(text.slice(0, length))
}

/**
 * `{name}-{version}`, where the name may itself hold dashes: the first dash after which the
 * part before it is the project's name. (Only one can be: a longer prefix adds a separator,
 * which normalising keeps.)
 */
function sdistVersion(stem: string, project: ProjectMatcher): string | undefined {
  for (let dash = stem.indexOf('-'); dash !== -1; dash = stem.indexOf('-', dash + 1)) {
    if (!startsWithName(stem, dash, project)) continue
    const version = stem.slice(dash + 1)
    return version === '' ? undefined : version
  }
  return undefined
}
