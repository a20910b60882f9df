/**
 * Where an offline database's records come from: a directory of OSV JSON files, or a zip laid
 * out like OSV's per-ecosystem all.zip. Either is a list of members (relative file paths or zip
 * entry names) that can be read all at once or a chosen few at a time; each member is parsed
 * into one record, or a ParseError naming the file (and member).
 */
import { open, readdir, realpath, stat, type FileHandle } from 'node:fs/promises'
import path from 'node:path'
import { messageOf, ParseError, type FilePosition } from '../shared/errors.js'
import { isObject, isStringList } from '../shared/json-shape.js'
import type { OsvRecord } from './osv.js'
import { ZipArchive, type ZipLimits } from './zip-reader.js'

const READ_CONCURRENCY = 16

interface SourceBase {
  /** The path as given, for messages. */
  readonly location: string
  /** Every member that may hold a record, in reading order. */
  readonly members: readonly string[]
  /**
   * Parses the chosen members (every member when 'all') and hands each record over in
   * `members` order.
   */
  read(
    chosen: ReadonlySet<string> | 'all',
    onRecord: (member: string, record: OsvRecord) => void
  ): Promise<void>
  close(): Promise<void>
}
export type RecordSource =
  | (SourceBase & { readonly kind: 'zip'; readonly archive: ZipArchive })
  | (SourceBase & { readonly kind: 'directory' })

/** Opens a database; I/O errors (a missing path) are thrown as they are. */
export async function openRecordSource(location: string, limits: ZipLimits): Promise<RecordSource> {
  if ((await stat(location)).isDirectory()) {
    const members = await listDirectory(location, limits)
    return {
      kind: 'directory',
      location,
      members,
      read: (chosen, onRecord) =>
        readFiles(location, members, chosen, limits, (member, data) =>
          parseRecord(data, { file: path.join(location, member) })
        ).then(records => records.forEach(([member, record]) => onRecord(member, record))),
      close: async () => {}
    }
  }
  const archive = await ZipArchive.open(location, limits)
  return {
    kind: 'zip',
    location,
    archive,
    members: archive.fileNames.filter(isRecordPath),
    read: (chosen, onRecord) =>
      archive.read(
        chosen === 'all' ? isRecordPath : name => chosen.has(name) && isRecordPath(name),
        (member, data) => onRecord(member, parseRecord(data, { file: location }, member))
      ),
    close: () => archive.close()
  }
}

const HIDDEN_PART = /(?:^|[\\/])(?:\.|__MACOSX(?:[\\/]|$))/

/** `*.json`, leaving out hidden files and folders (`.github/`, macOS `__MACOSX/._x.json`). */
function isRecordPath(name: string): boolean {
  return /\.json$/i.test(name) && !HIDDEN_PART.test(name)
}

/** The JSON files under `root`, as sorted paths relative to it; symlinks are followed. */
async function listDirectory(root: string, limits: ZipLimits): Promise<string[]> {
  const files: string[] = []
  const visited = new Set<string>()
  const walk = async (dir: string): Promise<void> => {
    const real = await realpath(dir)
    if (visited.has(real)) return // a symlink loop
    visited.add(real)
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue
      const full = path.join(dir, entry.name)
      const kind = entry.isSymbolicLink() ? await stat(full) : entry
      if (kind.isDirectory()) await walk(full)
      else if (kind.isFile() && isRecordPath(entry.name)) files.push(path.relative(root, full))
    }
    if (files.length > limits.maxEntries) {
      throw new ParseError({ file: root }, `holds more than ${limits.maxEntries} JSON files`)
    }
  }
  await walk(root)
  return files.sort()
}

/**
 * Reads and parses the chosen files, a few at a time, and returns them in `members` order
 * whatever order the reads finish in, so duplicates resolve the same way on every run.
 */
async function readFiles<T>(
  root: string,
  members: readonly string[],
  chosen: ReadonlySet<string> | 'all',
  limits: ZipLimits,
  parse: (member: string, data: Buffer) => T
): Promise<[string, T][]> {
  const files = chosen === 'all' ? members : members.filter(member => chosen.has(member))
  const results = new Array<[string, T]>(files.length)
  let total = 0
  let next = 0
  const tooBig = (file: string, detail: string) => new ParseError({ file }, detail)
  const readOne = async (at: number, handle: FileHandle): Promise<void> => {
    const file = path.join(root, files[at]!)
    const { size } = await handle.stat()
    if (size > limits.maxEntryBytes) {
      throw tooBig(
        file,
        `is ${size} bytes, over the per-file limit of ${limits.maxEntryBytes} bytes`
      )
    }
    total += size
    if (total > limits.maxTotalBytes) {
      throw tooBig(root, `holds more JSON than the total limit of ${limits.maxTotalBytes} bytes`)
    }
    results[at] = [files[at]!, parse(files[at]!, await handle.readFile())]
  }
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const at = next++
      const handle = await open(path.join(root, files[at]!))
      // On a failure, stop the other workers too.
      await readOne(at, handle)
        .catch(error => {
          next = files.length
          throw error
        })
        .finally(() => handle.close())
    }
  }
  await Promise.all(Array.from({ length: READ_CONCURRENCY }, worker))
  return results
}

/** One OSV record from JSON bytes, or a ParseError naming the file (and zip member). */
export function parseRecord(data: Buffer, where: FilePosition, member?: string): OsvRecord {
  const prefix = member === undefined ? '' : `member ${JSON.stringify(member)}: `
  const text = data.toString('utf8').replace(/^\uFEFF/, '')
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    const { line, column, reason } = describeJsonError(error, text)
    // Inside a zip the line and column belong to the member, so they go in the message.
    if (member !== undefined || line === undefined) {
      const at = line === undefined ? '' : ` at line ${line}, column ${column}`
      throw new ParseError(where, `${prefix}invalid JSON${at} (${reason})`)
    }
    throw new ParseError({ ...where, line, column }, `invalid JSON (${reason})`)
  }
  const problem = shapeProblem(value)
  if (problem !== undefined) throw new ParseError(where, `${prefix}not an OSV record: ${problem}`)
  return value as OsvRecord
}

/**
 * V8 reports where JSON broke in one of two forms depending on the Node version ("at position
 * N" or "(line L column C)"), and sometimes quotes the text around it. We keep the position and
 * the reason but never echo the file's own text.
 */
function describeJsonError(
  error: unknown,
  text: string
): { line?: number; column?: number; reason: string } {
  const message = messageOf(error)
  const reason = message.split(/, "| in JSON| \(line /)[0]!.trim()
  const lineColumn = /line (\d+) column (\d+)/.exec(message)
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]), reason }
  const position = /at position (\d+)/.exec(message)
  if (!position) return { reason }
  const before = text.slice(0, Number(position[1]))
  const line = before.split('\n').length
  return { line, column: before.length - before.lastIndexOf('\n'), reason }
}

const OPTIONAL_STRINGS = ['withdrawn', 'summary', 'details', 'schema_version', 'published']
const EVENT_KEYS = ['introduced', 'fixed', 'last_affected', 'limit']

/** The fields matching and reporting read must have the types osv.ts promises; null = absent. */
function shapeProblem(record: unknown): string | undefined {
  if (!isObject(record)) return 'not a JSON object'
  if (typeof record.id !== 'string' || record.id === '') return '"id" is missing'
  if (typeof record.modified !== 'string' || Number.isNaN(Date.parse(record.modified))) {
    return '"modified" is not a timestamp'
  }
  const badString = OPTIONAL_STRINGS.find(
    key => record[key] != null && typeof record[key] !== 'string'
  )
  if (badString !== undefined) return `"${badString}" is not a string`
  if (record.aliases != null && !isStringList(record.aliases))
    return '"aliases" is not a list of strings'
  if (record.affected == null) return undefined
  if (!Array.isArray(record.affected)) return '"affected" is not a list'
  for (const [i, affected] of record.affected.entries()) {
    const at = `affected[${i}]`
    if (!isObject(affected)) return `${at} is not an object`
    const pkg = affected.package
    if (
      pkg != null &&
      !(isObject(pkg) && typeof pkg.ecosystem === 'string' && typeof pkg.name === 'string')
    ) {
      return `${at}.package needs "ecosystem" and "name" strings`
    }
    if (affected.versions != null && !isStringList(affected.versions)) {
      return `${at}.versions is not a list of strings`
    }
    if (affected.ranges == null) continue
    if (!Array.isArray(affected.ranges)) return `${at}.ranges is not a list`
    for (const [j, range] of affected.ranges.entries()) {
      const events = isObject(range) && typeof range.type === 'string' ? range.events : undefined
      const eventsOk =
        Array.isArray(events) &&
        events.every(
          e => isObject(e) && EVENT_KEYS.every(k => e[k] === undefined || typeof e[k] === 'string')
        )
      if (!eventsOk) return `${at}.ranges[${j}] needs a "type" and a list of string "events"`
    }
  }
  return undefined
}
