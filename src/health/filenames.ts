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
  const lower = filename.toLowerCase()
  if (lower.endsWith('.whl')) return wheelVersion(filename.slice(0, -4), isProject)
  const extension = SDIST_EXTENSIONS.find(candidate => lower.endsWith(candidate))
  if (extension === undefined) return undefined
  return sdistVersion(filename.slice(0, -extension.length), isProject)
}

/**
 * versionOfFile for the files of one page: a page names its files with one or two spellings
 * of the project's name, so each is normalised once, not once per file.
 */
export function fileVersionReader(
  normalizedName: string
): (filename: string) => string | undefined {
  const names = new Map<string, boolean>()
  const isProject = (name: string): boolean => {
    let same = names.get(name)
    if (same === undefined) {
      same = normalizeProjectName(name) === normalizedName
      if (names.size < 64) names.set(name, same)
    }
    return same
  }
  return filename => versionOfFile(filename, normalizedName, isProject)
}

/** `{name}-{version}(-{build})?-{python}-{abi}-{platform}`: the second of five or six parts. */
function wheelVersion(stem: string, isProject: (name: string) => boolean): string | undefined {
  const parts = stem.split('-')
  if (parts.length !== 5 && parts.length !== 6) return undefined
  if (!isProject(parts[0]!)) return undefined
  return parts[1] === '' ? undefined : parts[1]
}

/** `{name}-{version}`, where the name may itself hold dashes: the first dash after which the
 * part before it is the project's name. */
function sdistVersion(stem: string, isProject: (name: string) => boolean): string | undefined {
  for (let dash = stem.indexOf('-'); dash !== -1; dash = stem.indexOf('-', dash + 1)) {
    if (!isProject(stem.slice(0, dash))) continue
    const version = stem.slice(dash + 1)
    return version === '' ? undefined : version
  }
  return undefined
}
