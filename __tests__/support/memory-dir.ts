import { accessSync, constants, statSync } from 'node:fs'
import { mkdtemp, realpath } from 'node:fs/promises'
import * as os from 'node:os'
import * as path from 'node:path'

/** Linux's shared-memory file system, where a file is written without touching the disk. */
const SHARED_MEMORY = '/dev/shm'

function writableDirectory(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK)
    return statSync(dir).isDirectory()
  } catch {
    return false
  }
}

/**
 * A new temporary directory in memory where the system has one (/dev/shm), else in the usual
 * temporary directory; its real path, as the readers resolve links. For tests that write many
 * large files only to read them back: writing 10 MiB to disk costs more than reading it.
 * Remove what you write as you go: the memory is the machine's.
 */
export async function memoryTempDir(prefix: string): Promise<string> {
  const parent = writableDirectory(SHARED_MEMORY) ? SHARED_MEMORY : os.tmpdir()
  return realpath(await mkdtemp(path.join(parent, prefix)))
}
