/**
 * The distributions installed in a Python environment, found the way `importlib.metadata`
 * finds them: every `*.dist-info` and `*.egg-info` (directory or file) directly inside each
 * sys.path entry, `EGG-INFO` inside `*.egg` entries, and the same inside zip files on
 * sys.path. A directory's metadata is its METADATA, else its PKG-INFO; an `.egg-info` file is
 * the metadata itself. The interpreter is only asked for sys.path; all reading happens here.
 *
 * A project installed in two sys.path entries is taken from the first (what `import` and
 * `importlib.metadata.version()` see). Two versions of one project in the same directory are a
 * broken installation where Python's choice depends on directory order: both are kept, so
 * both are audited, with a warning.
 */
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import yauzl from 'yauzl'
import { ParseError, PyauditError } from '../shared/errors.js'
import { silentLogger, type Logger } from '../shared/log.js'
import { decodeMetadata, parseCoreMetadata, type CoreMetadata } from './core-metadata.js'
import { normalizeName } from './names.js'
import { inspectInterpreter, type RunOptions } from './python.js'
import type { Dependency, SourceResult } from './types.js'

export interface EnvironmentOptions extends RunOptions {
  logger?: Logger
}

export interface InstalledDistribution extends CoreMetadata {
  /** Absolute path of the metadata file that was read (inside a zip: `<zip>/<entry>`). */
  file: string
  /** The sys.path entry it was found in. */
  pathEntry: string
}

/** Every distribution installed for an interpreter or virtualenv (input `python`). */
export async function readEnvironment(
  pythonOrVenv: string,
  options: EnvironmentOptions = {}
): Promise<SourceResult> {
  const logger = options.logger ?? silentLogger
  const interpreter = await inspectInterpreter(pythonOrVenv, options)
  logger.debug(
    `Python ${interpreter.version} at ${interpreter.executable}; sys.path: ${interpreter.sysPath.join(', ')}`
  )
  const installed = await readDistributions(interpreter.sysPath, logger)
  const dependencies: Dependency[] = installed.map(distribution => ({
    name: normalizeName(distribution.name),
    version: distribution.version,
    location: { file: distribution.file, line: 0 },
    format: 'environment',
    metadata: distribution.metadata
  }))
  // A bare command name ('python3') was found on PATH: name the interpreter it ran instead.
  const file = path.isAbsolute(interpreter.command)
    ? path.resolve(options.cwd ?? process.cwd(), pythonOrVenv)
    : interpreter.executable
  return { file, format: 'environment', dependencies, skipped: [] }
}

/** Distributions on these sys.path entries, de-duplicated by first occurrence. */
export async function readDistributions(
  sysPath: string[],
  logger: Logger = silentLogger
): Promise<InstalledDistribution[]> {
  const perEntry = await Promise.all(sysPath.map(entry => distributionsIn(entry, logger)))
  const firstEntry = new Map<string, string>()
  const kept: InstalledDistribution[] = []
  for (const distributions of perEntry) {
    for (const distribution of distributions) {
      const key = normalizeName(distribution.name)
      const seenIn = firstEntry.get(key)
      if (seenIn === undefined) firstEntry.set(key, distribution.pathEntry)
      else if (seenIn !== distribution.pathEntry) continue
      else if (!isNewVersion(kept, distribution, key, logger)) continue
      kept.push(distribution)
    }
  }
  return kept
}

/** A second copy in the same directory: worth keeping (and a warning) only with another version. */
function isNewVersion(
  kept: InstalledDistribution[],
  distribution: InstalledDistribution,
  key: string,
  logger: Logger
): boolean {
  const others = kept.filter(candidate => normalizeName(candidate.name) === key)
  if (others.some(other => other.version === distribution.version)) return false
  const other = others[0]!
  logger.warning(
    `${distribution.pathEntry} holds two installations of ${key} (${other.version} in ${other.file} and ` +
      `${distribution.version} in ${distribution.file}); auditing both`
  )
  return true
}

async function distributionsIn(entry: string, logger: Logger): Promise<InstalledDistribution[]> {
  let children: string[]
  try {
    children = await fs.readdir(entry)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return [] // Python skips missing entries too (python311.zip usually is)
    if (code === 'ENOTDIR') return fromZip(entry, logger)
    logger.warning(
      `Cannot list sys.path entry ${entry} (${code ?? String(error)}); Python cannot import from it either`
    )
    return []
  }
  const isEgg = path.basename(entry).toLowerCase().endsWith('.egg')
  const metadataDirs = children.filter(child => isMetadataName(child, isEgg))
  const read = await Promise.all(metadataDirs.map(child => readMetadataOf(path.join(entry, child))))
  return read.map(({ file, text }) => ({
    ...parseCoreMetadata(text, file),
    file,
    pathEntry: entry
  }))
}

export function isMetadataName(child: string, insideEgg: boolean): boolean {
  const lower = child.toLowerCase()
  return (
    lower.endsWith('.dist-info') ||
    lower.endsWith('.egg-info') ||
    (insideEgg && lower === 'egg-info')
  )
}

/** METADATA, else PKG-INFO; a metadata entry that is a file is read itself (legacy egg-info). */
async function readMetadataOf(metadataPath: string): Promise<{ file: string; text: string }> {
  for (const name of ['METADATA', 'PKG-INFO']) {
    const file = path.join(metadataPath, name)
    let bytes: Buffer
    try {
      bytes = await fs.readFile(file)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'ENOTDIR') return readWholeFile(metadataPath)
      if (code === 'ENOENT' || code === 'EISDIR') continue
      throw new ParseError({ file }, `cannot read: ${code ?? String(error)}`)
    }
    // An empty file counts as absent, as in importlib (`read_text(...) or ...`).
    if (bytes.length > 0) return { file, text: decodeMetadata(bytes, file) }
  }
  throw new ParseError(
    { file: path.join(metadataPath, 'METADATA') },
    'missing (and no PKG-INFO either): the installation is broken; reinstall the package'
  )
}

async function readWholeFile(file: string): Promise<{ file: string; text: string }> {
  let bytes: Buffer
  try {
    bytes = await fs.readFile(file)
  } catch (error) {
    throw new ParseError(
      { file },
      `cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`
    )
  }
  return { file, text: decodeMetadata(bytes, file) }
}

async function fromZip(entry: string, logger: Logger): Promise<InstalledDistribution[]> {
  const isEgg = path.basename(entry).toLowerCase().endsWith('.egg')
  const files = await readZipMetadata(entry, child => isMetadataName(child, isEgg), logger)
  return files.map(({ file, bytes }) => ({
    ...parseCoreMetadata(decodeMetadata(bytes, file), file),
    file,
    pathEntry: entry
  }))
}

const MAX_ZIPPED_METADATA_BYTES = 16 * 1024 * 1024

/** Metadata files of the distributions inside a zip on sys.path (zipped eggs, zipapps). */
async function readZipMetadata(
  zipPath: string,
  isMetadataDir: (child: string) => boolean,
  logger: Logger
): Promise<Array<{ file: string; bytes: Buffer }>> {
  let zip: yauzl.ZipFile
  try {
    zip = await yauzl.openPromise(zipPath, {
      lazyEntries: true,
      autoClose: false,
      validateEntrySizes: true
    })
  } catch (error) {
    // Python ignores a sys.path file it cannot open as a zip; it imports nothing from it.
    logger.warning(
      `sys.path entry ${zipPath} is a file but not a readable zip (${String(error)}); skipped`
    )
    return []
  }
  try {
    const wanted = new Map<string, yauzl.Entry>() // METADATA or PKG-INFO, by top-level directory
    for await (const entry of zipEntries(zip)) {
      const [top, name, ...rest] = entry.fileName.split('/')
      if (rest.length > 0 || !top || !isMetadataDir(top)) continue
      if (name === 'METADATA' || (name === 'PKG-INFO' && !wanted.has(top))) wanted.set(top, entry)
    }
    const files: Array<{ file: string; bytes: Buffer }> = []
    for (const entry of wanted.values()) {
      const file = `${zipPath}/${entry.fileName}`
      if (entry.uncompressedSize > MAX_ZIPPED_METADATA_BYTES) {
        throw new ParseError(
          { file },
          `metadata of ${entry.uncompressedSize} bytes is implausibly large`
        )
      }
      const chunks: Buffer[] = []
      for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer)
      files.push({ file, bytes: Buffer.concat(chunks) })
    }
    return files
  } catch (error) {
    if (error instanceof PyauditError) throw error
    throw new ParseError({ file: zipPath }, `cannot read zip on sys.path: ${String(error)}`)
  } finally {
    zip.close()
  }
}

async function* zipEntries(zip: yauzl.ZipFile): AsyncGenerator<yauzl.Entry> {
  while (true) {
    const entry = await new Promise<yauzl.Entry | undefined>((resolve, reject) => {
      const cleanup = (): void => {
        zip.removeAllListeners('entry').removeAllListeners('end').removeAllListeners('error')
      }
      zip.once('entry', (found: yauzl.Entry) => (cleanup(), resolve(found)))
      zip.once('end', () => (cleanup(), resolve(undefined)))
      zip.once('error', (error: Error) => (cleanup(), reject(error)))
      zip.readEntry()
    })
    if (!entry) return
    yield entry
  }
}
