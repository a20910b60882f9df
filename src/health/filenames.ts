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
export function versionOfFile(filename: string, normalizedName: string): string | undefined {
  const lower = filename.toLowerCase()
  if (lower.endsWith('.whl')) return wheelVersion(filename.slice(0, -4), normalizedName)
  const extension = SDIST_EXTENSIONS.find(candidate => lower.endsWith(candidate))
  if (extension === undefined) return undefined
  return sdistVersion(filename.slice(0, -extension.length), normalizedName)
}

/** `{name}-{version}(-{build})?-{python}-{abi}-{platform}`: the second of five or six parts. */
function wheelVersion(stem: string, normalizedName: string): string | undefined {
  const parts = stem.split('-')
  if (parts.length !== 5 && parts.length !== 6) return undefined
  if (normalizeProjectName(parts[0]!) !== normalizedName) return undefined
  return parts[1] === '' ? undefined : parts[1]
}

/** `{name}-{version}`, where the name may itself hold dashes: the first dash after which the
 * part before it is the project's name. */
function sdistVersion(stem: string, normalizedName: string): string | undefined {
  for (let dash = stem.indexOf('-'); dash !== -1; dash = stem.indexOf('-', dash + 1)) {
    if (normalizeProjectName(stem.slice(0, dash)) !== normalizedName) continue
    const version = stem.slice(dash + 1)
    return version === '' ? undefined : version
  }
  return undefined
}
