/**
 * What the lockfile readers share: opening a TOML lock (parsed, its format version checked, its
 * `[[package]]` tables walked with the context their errors name), and the VCS checkouts that
 * PDM and pipenv write as one key.
 */
import { LockMarkers } from './lock-markers.js'
import { notAReleaseReason, SourceResultBuilder } from './source-builder.js'
import {
  arrayOfTables,
  arrayTableLines,
  checkFormatVersion,
  documentError,
  isTable,
  optionalString,
  parseToml,
  requiredString,
  shownPath,
  type EntryContext,
  type ReadOptions,
  type TomlTable
} from './toml-file.js'
import type { SourceFormat, SourceResult } from './types.js'

/** What a TOML lock format is to the code that opens it. */
export interface TomlLockFormat {
  format: SourceFormat
  /** The array of tables that lists the packages: `package`, or `packages` in pylock.toml. */
  table: string
  /** The per-package lists of artifacts the TOML parser is spared (see toml-artifacts.ts). */
  artifactKeys: string[]
  /** Where the format version is, and the major versions the reader reads. */
  version: {
    /** The table holding `key` (`metadata`); undefined: the document itself. */
    table?: string
    key: string
    /** How messages name the version; default: `key`. */
    name?: string
    readable: readonly number[]
    /** A lock without it is refused (PEP 751); otherwise an absent version is accepted. */
    required?: boolean
  }
}

/** A TOML lock opened for the reader of its packages. */
export interface OpenedLock {
  /** The file as errors name it. */
  file: string
  document: TomlTable
  entries: IterableIterator<LockEntry>
  builder: SourceResultBuilder
  /** Whether an entry is installed on the target the audit is narrowed to. */
  markers: LockMarkers
}

/**
 * The parser of a TOML lock's text (`absolutePath` is where the text came from): the document
 * parsed, its format version checked, and the lock handed to `readPackages`.
 */
export function tomlLockParser(
  lock: TomlLockFormat,
  readPackages: (opened: OpenedLock) => SourceResult
): (text: string, absolutePath: string, options?: ReadOptions) => SourceResult {
  return (text, absolutePath, options) => {
    const file = shownPath(absolutePath, options)
    const document = parseToml(text, file, { table: lock.table, keys: lock.artifactKeys })
    checkVersion(document, lock.version, file)
    return readPackages({
      file,
      document,
      entries: lockEntries(document, text, lock.table, file),
      builder: new SourceResultBuilder(absolutePath, lock.format),
      markers: new LockMarkers(options?.markerEnvironment)
    })
  }
}

function checkVersion(document: TomlTable, version: TomlLockFormat['version'], file: string) {
  const holder = version.table === undefined ? document : document[version.table]
  if (!isTable(holder)) return
  const value = holder[version.key]
  if (value === undefined && version.required) {
    throw documentError(file, `missing '${version.key}'`)
  }
  checkFormatVersion(value, version.readable, version.name ?? version.key, file)
}

/** One `[[key]]` entry of a lock: its table, its `name`, and where it is for errors. */
export interface LockEntry {
  table: TomlTable
  name: string
  context: EntryContext
}

/**
 * The `[[key]]` entries of a lock, each with its required `name`. Errors name an entry
 * `[[key]] #n` until its name is read, then `package '<name>'`. The array itself is checked
 * now; the entries are read one at a time as they are taken, so a reader that checks each entry
 * before taking the next reports the first bad entry of the file.
 */
function lockEntries(
  document: TomlTable,
  text: string,
  key: string,
  file: string
): IterableIterator<LockEntry> {
  const tables = arrayOfTables(document, key, file)
  const lines = arrayTableLines(text, key, tables.length)
  return (function* () {
    for (const [index, table] of tables.entries()) {
      const context: EntryContext = { file, line: lines[index]!, entry: `[[${key}]] #${index + 1}` }
      const name = requiredString(table, 'name', context)
      context.entry = `package '${name}'`
      yield { table, name, context }
    }
  })()
}

const VCS_KEYS = ['git', 'hg', 'svn', 'bzr'] as const

/**
 * The skip reason of an entry that names a VCS checkout by its URL under the VCS's key
 * (`git = "https://..."`), at the first of `revisionKeys` it has; undefined when it names none.
 */
export function vcsSourceReason(
  entry: TomlTable,
  context: EntryContext,
  revisionKeys: readonly string[]
): string | undefined {
  for (const vcs of VCS_KEYS) {
    const url = optionalString(entry, vcs, context)
    if (url === undefined) continue
    let revision: string | undefined
    for (const key of revisionKeys) revision ??= optionalString(entry, key, context)
    return notAReleaseReason(vcs, url, revision)
  }
  return undefined
}
