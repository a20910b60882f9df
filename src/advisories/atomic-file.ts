/**
 * Cache files are written to a temp file and renamed into place, so a reader (another run
 * sharing the cache directory, say) sees the old file or the new one, never half of one.
 */
import { randomBytes } from 'node:crypto'
import { renameSync, unlinkSync, writeFileSync } from 'node:fs'

/** The process and a random tag, so concurrent runs never share a temp file. */
const TEMP_TAG = `${process.pid}.${randomBytes(4).toString('hex')}`
let written = 0

/** Throws what the file system throws, after removing the temp file. */
export function writeFileAtomically(file: string, text: string): void {
  const temp = `${file}.${TEMP_TAG}.${written++}.tmp`
  try {
    writeFileSync(temp, text)
    renameSync(temp, file)
  } catch (error) {
    removeQuietly(temp)
    throw error
  }
}

export function removeQuietly(file: string): void {
  try {
    unlinkSync(file)
  } catch {
    // Already gone, or never written: either way it is not used.
  }
}
