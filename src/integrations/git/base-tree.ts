/**
 * The dependency files of a commit, copied out of git's objects into a private directory with
 * the repository's layout, so the readers of src/deps read them as they read the work tree.
 * Nothing is checked out: `git ls-tree` lists the commit's files, `git cat-file --batch` reads
 * the chosen blobs; the work tree, the index and HEAD are never touched.
 */
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { MAX_DEPENDENCY_FILE_BYTES } from '../../deps/containment.js'
import { gitComplaint, GitError, runGit, type GitOptions } from './run-git.js'

export interface MaterialiseOptions {
  /** The repository's top-level directory. */
  repositoryTop: string
  env: NodeJS.ProcessEnv
  /** Which files to copy, by their path in the repository ('/'-separated). */
  wanted: (repositoryPath: string) => boolean
  /** An empty directory to write into. */
  destination: string
  limits?: Partial<MaterialiseLimits>
}

export interface MaterialiseLimits {
  /** Per file: the readers refuse larger files anyway. */
  fileBytes: number
  /** A bound on the whole copy, so a repository full of text files cannot fill the disk. */
  totalBytes: number
  files: number
}

export interface Materialised {
  /** Repository paths written under the destination. */
  written: string[]
  /** Wanted files left out for their size: they read as absent at the base. */
  tooLarge: string[]
}

const DEFAULT_LIMITS: MaterialiseLimits = {
  fileBytes: MAX_DEPENDENCY_FILE_BYTES,
  totalBytes: 512 * 1024 * 1024,
  files: 20_000
}
/** One cat-file process reads at most this much, so its output stays a bounded buffer. */
const BATCH_BYTES = 64 * 1024 * 1024

interface TreeEntry {
  oid: string
  size: number
  path: string
}

export async function materialiseCommitFiles(
  sha: string,
  options: MaterialiseOptions
): Promise<Materialised> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits }
  const git: GitOptions = { cwd: options.repositoryTop, env: options.env }
  const entries = (await listTree(sha, git)).filter(entry => options.wanted(entry.path))
  const tooLarge = entries.filter(entry => entry.size > limits.fileBytes).map(e => e.path)
  const copied = entries.filter(entry => entry.size <= limits.fileBytes)
  const total = copied.reduce((sum, entry) => sum + entry.size, 0)
  if (copied.length > limits.files || total > limits.totalBytes) {
    throw new GitError(
      `the base has ${copied.length} candidate dependency files (${Math.round(total / 2 ** 20)} MiB), over the limit of ${limits.files} files or ${limits.totalBytes / 2 ** 20} MiB`
    )
  }
  for (const batch of batches(copied)) {
    const contents = await readBlobs(batch, git)
    for (const [index, entry] of batch.entries()) {
      const file = insideDestination(options.destination, entry.path)
      await fs.mkdir(path.dirname(file), { recursive: true })
      await fs.writeFile(file, contents[index]!)
    }
  }
  return { written: copied.map(entry => entry.path), tooLarge }
}

/**
 * Regular files of the commit (symbolic links and submodules left out: following a link is
 * what the readers' containment check guards, and a link's target is not a dependency file).
 */
async function listTree(sha: string, git: GitOptions): Promise<TreeEntry[]> {
  const result = await runGit(['ls-tree', '-r', '-z', '--long', '--full-tree', sha], git)
  if (result.exitCode !== 0) {
    throw new GitError(`cannot list the files of ${sha}: ${gitComplaint(result)}`)
  }
  const entries: TreeEntry[] = []
  for (const record of result.stdout.toString('utf8').split('\0')) {
    const fields =
      /^(?<mode>\d{6}) (?<type>\w+) (?<oid>[0-9a-f]+) +(?<size>\d+|-)\t(?<file>.+)$/s.exec(
        record
      )?.groups
    if (!fields) continue
    const { mode, type, oid, size, file } = fields as Record<string, string>
    if (type !== 'blob' || (mode !== '100644' && mode !== '100755')) continue
    entries.push({ oid: oid!, size: Number(size), path: file! })
  }
  return entries
}

function* batches(entries: TreeEntry[]): Generator<TreeEntry[]> {
  let batch: TreeEntry[] = []
  let bytes = 0
  for (const entry of entries) {
    if (batch.length > 0 && bytes + entry.size > BATCH_BYTES) {
      yield batch
      batch = []
      bytes = 0
    }
    batch.push(entry)
    bytes += entry.size
  }
  if (batch.length > 0) yield batch
}

/** `git cat-file --batch` answers `<oid> blob <size>\n<content>\n` per object asked for. */
async function readBlobs(entries: TreeEntry[], git: GitOptions): Promise<Buffer[]> {
  const bytes = entries.reduce((sum, entry) => sum + entry.size, 0)
  const result = await runGit(['cat-file', '--batch'], {
    ...git,
    input: entries.map(entry => `${entry.oid}\n`).join(''),
    maxOutputBytes: bytes + entries.length * 128 + 1024
  })
  if (result.exitCode !== 0) {
    throw new GitError(`cannot read the base files: ${gitComplaint(result)}`)
  }
  const output = result.stdout
  const contents: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    const newline = output.indexOf(0x0a, offset)
    const header = newline < 0 ? '' : output.subarray(offset, newline).toString('utf8')
    const [oid, type, size] = header.split(' ')
    if (oid !== entry.oid || type !== 'blob' || Number(size) !== entry.size) {
      throw new GitError(`git cat-file answered ${JSON.stringify(header)} for ${entry.path}`)
    }
    contents.push(output.subarray(newline + 1, newline + 1 + entry.size))
    offset = newline + 1 + entry.size + 1
  }
  return contents
}

/** git never stores `..` or absolute paths, but a path is checked before it is written. */
function insideDestination(destination: string, repositoryPath: string): string {
  const file = path.resolve(destination, ...repositoryPath.split('/'))
  const relative = path.relative(destination, file)
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new GitError(`refusing to write ${JSON.stringify(repositoryPath)} outside the copy`)
  }
  return file
}
