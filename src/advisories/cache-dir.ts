/**
 * The advisory cache directory must be the user's own. Its default is the runner's tool cache,
 * which every job on a self-hosted runner shares: a directory that other users can write is one
 * where they can plant records, so it is refused (with a warning; the run goes on without the
 * cache, which only ever saves time). A directory this tool creates is private (0700).
 *
 * What this cannot stop: another job running as the same user (the usual self-hosted set-up)
 * can write anything this user can. That is why nothing in the cache decides a verdict on its
 * own (docs/security.md, "The advisory cache on shared runners").
 */
import { mkdirSync, statSync, type Stats } from 'node:fs'
import { messageOf } from '../shared/errors.js'

/** Why a directory or file of the cache may not be trusted, or undefined when it may. */
export function unsafeOwnership(stats: Stats, uid = currentUid()): string | undefined {
  // Windows has no POSIX owners or modes: there the user profile's ACLs decide.
  if (uid === undefined) return undefined
  if (stats.uid !== uid && stats.uid !== 0) return `it belongs to another user (uid ${stats.uid})`
  if ((stats.mode & 0o022) !== 0) {
    const mode = (stats.mode & 0o777).toString(8).padStart(3, '0')
    return `other users can write to it (mode ${mode})`
  }
  return undefined
}

/** Why the cache directory is not used: `unsafe` is worth a warning, an I/O failure is not. */
export interface RefusedDir {
  unsafe: boolean
  message: string
}

/**
 * Creates `dir` private to the user when it is missing, then checks it may be used. Undefined
 * when it may; else why not, in words that name the directory and what to do.
 */
export function preparePrivateDir(dir: string): RefusedDir | undefined {
  let stats: Stats
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 })
    stats = statSync(dir)
  } catch (error) {
    return { unsafe: false, message: `Advisory cache ${dir} cannot be used: ${messageOf(error)}` }
  }
  if (!stats.isDirectory()) {
    return { unsafe: false, message: `Advisory cache ${dir} is not a directory` }
  }
  const unsafe = unsafeOwnership(stats)
  if (unsafe === undefined) return undefined
  return {
    unsafe: true,
    message:
      `Advisory cache ${dir} is not used: ${unsafe}, so records there could have been planted. ` +
      'The audit runs without the cache; make the directory yours alone (chmod 700) or set ' +
      'cache-dir to a private one.'
  }
}

function currentUid(): number | undefined {
  return typeof process.getuid === 'function' ? process.getuid() : undefined
}
