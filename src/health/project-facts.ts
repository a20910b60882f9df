/**
 * From the files an index page lists to the small answer the checks read: the project's
 * PEP 792 status; for each version asked for, how many files it has, how many are yanked, and
 * their sha256 digests; and the versions the index has, and those it has yanked whole (what a
 * recommended upgrade must be, and must not be). Both page formats (PEP 691 JSON, PEP 503
 * HTML) end here.
 */
import { excerpt } from '../shared/text.js'
import { fileVersionReader, versionPartEnd } from './filenames.js'
import type { ProjectFacts, ProjectStatus, ProjectStatusName, ReleaseFacts } from './types.js'
import { releaseDigitsFilter, releaseSignature, versionKey } from './version-key.js'

/** A page that is not what the API promises; the client retries once, then fails closed. */
export class PageFormatError extends Error {
  override readonly name = 'PageFormatError'
}

/** One file as a page lists it. */
export interface ListedFile {
  filename: string
  /** Lowercase hex; absent when the page gives no sha256 for the file. */
  sha256?: string
  /** PEP 592: false, or the reason ('' when none was given). */
  yanked: false | string
}

const KNOWN_STATUSES: readonly ProjectStatusName[] = [
  'active',
  'archived',
  'quarantined',
  'deprecated'
]
/** Index-given text is shown in reports: one line, and not a page long. */
const MAX_REASON_LENGTH = 300
const SHA256 = /^[0-9a-f]{64}$/

/** PEP 792: a status this tool does not know reads as active; the reason only with a status. */
export function readProjectStatus(status: unknown, reason: unknown): ProjectStatus {
  const name = typeof status === 'string' ? status.trim().toLowerCase() : ''
  const known = KNOWN_STATUSES.find(candidate => candidate === name)
  if (known === undefined) return { status: 'active' }
  const shown = typeof reason === 'string' ? cleanText(reason) : ''
  return shown === '' ? { status: known } : { status: known, reason: shown }
}

/** A sha256 as pages write it (any case); undefined when it is not 64 hex digits. */
export function readSha256(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  const lower = value.trim().toLowerCase()
  return SHA256.test(lower) ? lower : undefined
}

/** Untrusted text made safe to carry: control characters gone, one line, bounded. */
export function cleanText(text: string): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f]/g, ' ')
  return excerpt(flat.replace(/\s+/g, ' ').trim(), MAX_REASON_LENGTH)
}

/**
 * The answer for `wanted` versions of project `normalizedName` (each as written; PEP 440
 * equality decides which files belong to it). Files of other versions are kept only as far as
 * the version lists go: which versions exist (`listedVersions`, PEP 700's `versions[]`, when
 * the page gives one; else the files' versions) and which have every file yanked.
 */
export function projectFacts(
  normalizedName: string,
  files: readonly ListedFile[],
  status: ProjectStatus,
  wanted: readonly string[],
  listedVersions?: readonly string[]
): ProjectFacts {
  const list: FileList<ListedFile> = {
    entries: files,
    filename: file => file.filename,
    yanked: file => file.yanked !== false,
    file: file => file
  }
  return projectFactsOf(normalizedName, list, status, wanted, listedVersions)
}

/**
 * A page's files as the page gives them (`entries`), read in two steps: the name and the yanked
 * flag of every file (for the version lists), the whole file only for the versions asked for.
 * A page lists every file of every release; the checks need the digests of one or two.
 */
export interface FileList<T> {
  entries: readonly T[]
  /** The file's name; a PageFormatError when the entry has none. */
  filename(entry: T, index: number): string
  yanked(entry: T): boolean
  /** The file read whole (digest, yanked reason). */
  file(entry: T, index: number): ListedFile
}

/**
 * projectFacts from a page's own entries, without a ListedFile for each. A page that gives
 * `versions[]` (PEP 700) lists every version the index has, thousands for some projects: a
 * file's version is keyed (PEP 440) only when its release signature is one the reading looks
 * for, the wanted releases', or a yanked file's; the rest are only named and counted.
 */
export function projectFactsOf<T>(
  normalizedName: string,
  files: FileList<T>,
  status: ProjectStatus,
  wanted: readonly string[],
  listedVersions?: readonly string[]
): ProjectFacts {
  const releases = new Map<string, ReleaseFacts>()
  for (const version of wanted) {
    const key = versionKey(version)
    if (!releases.has(key)) {
      releases.set(key, { version, files: 0, yankedFiles: 0, sha256: [], filesWithoutSha256: 0 })
    }
  }
  const listed = listedVersions === undefined ? undefined : new ListedVersions(listedVersions)
  const tally = listed === undefined ? new VersionTally() : undefined
  const wantedReleases = new Set(wanted.map(releaseSignature))
  // With versions[], a file that is not yanked matters only if it is of a version asked for.
  const mayBeWanted = listed === undefined ? undefined : releaseDigitsFilter(wanted)
  const versionOfFile = fileVersionReader(normalizedName)
  const { entries } = files
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index]!
    const filename = files.filename(entry, index)
    if (
      mayBeWanted !== undefined &&
      !files.yanked(entry) &&
      !mayBeWanted(filename, versionPartEnd(filename))
    ) {
      continue
    }
    const version = versionOfFile(filename)
    if (version === undefined) continue
    let key: string
    if (tally !== undefined) {
      // Without versions[], every file's version is one of the list: each is keyed once.
      key = versionKey(version)
      tally.count(key, version, files.yanked(entry))
    } else {
      const signature = releaseSignature(version)
      if (files.yanked(entry)) listed!.yankedFile(version, signature)
      if (!wantedReleases.has(signature)) continue
      key = versionKey(version)
    }
    const release = releases.get(key)
    if (release === undefined) continue
    const file = files.file(entry, index)
    release.files++
    if (file.yanked !== false) {
      release.yankedFiles++
      const reason = cleanText(file.yanked)
      if (release.yankedReason === undefined && reason !== '') release.yankedReason = reason
    }
    if (file.sha256 === undefined) release.filesWithoutSha256++
    else if (!release.sha256.includes(file.sha256)) release.sha256.push(file.sha256)
  }
  for (const release of releases.values()) release.sha256.sort()
  const lists = tally ? tally.lists() : listed!.lists(liveFileVersions(files, versionOfFile))
  return { status, releases: [...releases.values()], ...lists }
}

/** The versions of the files that are not yanked (read again only for a page with yanked files). */
function* liveFileVersions<T>(
  files: FileList<T>,
  versionOfFile: (filename: string) => string | undefined
): Generator<string> {
  const { entries } = files
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index]!
    if (files.yanked(entry)) continue
    const version = versionOfFile(files.filename(entry, index))
    if (version !== undefined) yield version
  }
}

/**
 * The version lists of a page without `versions[]`: its files' versions, each once by PEP 440
 * (its first spelling), and those whose every file is yanked.
 */
class VersionTally {
  private readonly seen = new Map<string, { version: string; live: boolean }>()

  /** A file of `version`, whose key is `key`. */
  count(key: string, version: string, yanked: boolean): void {
    let entry = this.seen.get(key)
    if (entry === undefined) {
      if (version.trim() === '') return
      entry = { version, live: false }
      this.seen.set(key, entry)
    }
    if (!yanked) entry.live = true
  }

  lists(): { versions: string[]; yankedVersions: string[] } {
    const versions: string[] = []
    const yankedVersions: string[] = []
    for (const entry of this.seen.values()) {
      versions.push(entry.version)
      if (!entry.live) yankedVersions.push(entry.version)
    }
    return { versions, yankedVersions }
  }
}

/**
 * The version lists of a page with `versions[]` (PEP 700): the listed versions, each spelling
 * once, and those whose every file is yanked. Only the yanked files' versions are kept while
 * the files are read; a listed version is keyed only when a yanked file shares its signature.
 */
class ListedVersions {
  private readonly versions: string[]
  /** The yanked files' versions, by release signature. */
  private readonly yanked = new Map<string, string[]>()

  constructor(listed: readonly string[]) {
    const seen = new Set<string>()
    for (const version of listed) {
      if (typeof version === 'string' && version.trim() !== '') seen.add(version)
    }
    this.versions = [...seen]
  }

  yankedFile(version: string, signature: string): void {
    const versions = this.yanked.get(signature)
    if (versions === undefined) this.yanked.set(signature, [version])
    else versions.push(version)
  }

  /** The lists, given the versions of the files not yanked (read only when some file is). */
  lists(liveVersions: Iterable<string>): { versions: string[]; yankedVersions: string[] } {
    const versions = this.versions
    if (this.yanked.size === 0) return { versions, yankedVersions: [] }
    const yankedKeys = new Set<string>()
    for (const spellings of this.yanked.values()) {
      for (const version of spellings) yankedKeys.add(versionKey(version))
    }
    // A live file of a yanked file's release keeps that version offered.
    for (const version of liveVersions) {
      if (this.yanked.has(releaseSignature(version))) yankedKeys.delete(versionKey(version))
    }
    const yankedVersions = versions.filter(
      version => this.yanked.has(releaseSignature(version)) && yankedKeys.has(versionKey(version))
    )
    return { versions, yankedVersions }
  }
}
