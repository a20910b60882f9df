/**
 * Cache files are written to a temp file and renamed into place, so a reader (another run
 * sharing the cache directory, say) sees the old file or the new one, never half of one. A run
 * killed mid-write leaves only a temp file, which no reader opens (see removeStaleTemps).
 */
import { randomBytes } from 'node:crypto'
import {
  closeSync,
  openSync,
  readdirSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
  writevSync
} from 'node:fs'
import path from 'node:path'

/** The process and a random tag, so concurrent runs never share a temp file. */
const TEMP_TAG = `${process.pid}.${randomBytes(4).toString('hex')}`
const TEMP_SUFFIX = '.tmp'
let written = 0

/**
 * Writes `data` (a text, or byte chunks written one after the other without joining them) to
 * `file` in one atomic step, readable by its owner only. Throws what the file system throws,
 * after removing the temp file.
 */
export function writeFileAtomically(file: string, data: string | readonly Uint8Array[]): void {
  const temp = `${file}.${TEMP_TAG}.${written++}${TEMP_SUFFIX}`
  try {
    const fd = openSync(temp, 'wx', 0o600)
    try {
      if (typeof data === 'string') writeSync(fd, data)
      else writeChunks(fd, data)
    } finally {
      closeSync(fd)
    }
    renameSync(temp, file)
  } catch (error) {
    removeQuietly(temp)
    throw error
  }
}

/** writev takes at most IOV_MAX (1,024 on Linux) buffers a call, and may write fewer bytes. */
function writeChunks(fd: number, chunks: readonly Uint8Array[]): void {
  const pending = chunks.filter(chunk => chunk.byteLength > 0)
  while (pending.length > 0) {
    const batch = pending.slice(0, 1024)
    let done = writevSync(fd, batch)
    let used = 0
    while (used < batch.length && done >= batch[used]!.byteLength) done -= batch[used++]!.byteLength
    pending.splice(0, used)
    if (done > 0) pending[0] = pending[0]!.subarray(done)
  }
}

/**
 * Removes the temp files of `file` that runs killed mid-write left behind, once they are
 * older than `olderThanMs`: younger ones may belong to a run still writing.
 */
export function removeStaleTemps(file: string, olderThanMs: number, now = Date.now()): void {
  const dir = path.dirname(file)
  const prefix = `${path.basename(file)}.`
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith(TEMP_SUFFIX)) continue
    const temp = path.join(dir, name)
    try {
      if (now - statSync(temp).mtimeMs > olderThanMs) unlinkSync(temp)
    } catch {
      // Gone already (another run cleaned up), or not ours to remove.
    }
  }
}

export function removeQuietly(file: string): void {
  try {
    unlinkSync(file)
  } catch {
    // Already gone, or never written: either way it is not used.
  }
}
