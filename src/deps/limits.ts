/**
 * What one run reads, at most. Dependency files come from whoever opened the pull request: past
 * these limits a run is refused at once, naming the file and the limit, instead of running for
 * minutes and dying out of memory. No real project comes near them (README, "Limits").
 */
import { ParseError, type FilePosition } from '../shared/errors.js'
import type { SourceResult } from './types.js'

/**
 * One dependency file, and a requirements file with everything it includes. A 5,000-package
 * uv.lock is about 12 MiB, most of it wheel lists.
 */
export const MAX_DEPENDENCY_FILE_BYTES = 16 * 2 ** 20

/**
 * Dependencies (pinned or skipped) in one run, all files together; for a requirements file, its
 * lines (requirements, options and includes).
 */
export const MAX_DEPENDENCIES = 100_000

/**
 * Keys, tables and values of one TOML document, as tomlItemCount counts them (after a lockfile's
 * artifact lists are blanked). Lockfiles as the tools write them have 12 to 20 a package, so
 * about 140,000 at the file size limit; the parser (and a pyproject's position scan) take
 * under half a second for this many.
 */
export const MAX_TOML_ITEMS = 200_000

/** Nesting of a JSON document (Pipfile.lock is four deep). */
export const MAX_JSON_DEPTH = 64

/**
 * Different marker comparisons (variable, operator, value) evaluated for one file. Each costs a
 * full PEP 440 parse; a file repeats the same few (`python_version < "3.11"`).
 */
export const MAX_MARKER_COMPARISONS = 2_000

/**
 * PEP 735 dependency groups in one pyproject.toml (a project has a handful). A requirement is
 * labelled with every group that includes its own, so labels grow with the square of this.
 */
export const MAX_DEPENDENCY_GROUPS = 100

const count = (n: number): string => n.toLocaleString('en-US')

export const MEBIBYTES = (bytes: number): string => `${Math.round(bytes / 2 ** 20)} MiB`

/** The reason a file over MAX_DEPENDENCY_FILE_BYTES is refused, without reading it. */
export function fileSizeReason(bytes: number, what = 'the file'): string {
  return `${what} is ${MEBIBYTES(bytes)}, over the ${MEBIBYTES(MAX_DEPENDENCY_FILE_BYTES)} limit`
}

/**
 * Refuses a file that declares more than MAX_DEPENDENCIES (`declared` so far, at `position`);
 * `what` they are where they are not simply dependencies.
 */
export function checkFileDependencyCount(
  declared: number,
  position: FilePosition,
  what = 'dependencies'
): void {
  if (declared <= MAX_DEPENDENCIES) return
  throw new ParseError(
    position,
    `refusing to read it: more than ${count(MAX_DEPENDENCIES)} ${what}, the limit for one run`
  )
}

/**
 * Refuses the run once the files read so far declare more than MAX_DEPENDENCIES together,
 * naming the file that went over; called as each file's dependencies are collected.
 */
export function checkRunDependencyCount(
  sources: readonly SourceResult[],
  displayPath: (file: string) => string
): void {
  let total = 0
  for (const source of sources) total += source.dependencies.length + source.skipped.length
  if (total <= MAX_DEPENDENCIES) return
  const last = sources[sources.length - 1]!
  const before = sources.length - 1
  const files =
    before === 0
      ? 'it has'
      : `with the ${before === 1 ? 'file' : `${before} files`} before it, it makes`
  throw new ParseError(
    { file: displayPath(last.file) },
    `refusing to audit it: ${files} ${count(total)} dependencies, over the limit of ${count(MAX_DEPENDENCIES)} in one run`
  )
}

/** The reason a TOML document over MAX_TOML_ITEMS is refused. */
export function tomlItemsReason(): string {
  return `refusing to parse it: more than ${count(MAX_TOML_ITEMS)} TOML keys, tables and values, the limit for one file (a lockfile a tool writes has far fewer)`
}

/** The reason a pyproject.toml with more than MAX_DEPENDENCY_GROUPS groups is refused. */
export function dependencyGroupsReason(): string {
  return `refusing to read it: more than ${count(MAX_DEPENDENCY_GROUPS)} dependency groups, the limit for one file`
}

/** The reason a JSON document nested deeper than MAX_JSON_DEPTH is refused. */
export function jsonDepthReason(): string {
  return `refusing to parse it: JSON nested more than ${MAX_JSON_DEPTH} levels deep`
}

/** The reason a file whose markers need more than MAX_MARKER_COMPARISONS is refused. */
export function markerComparisonsReason(): string {
  return `refusing to read it: more than ${count(MAX_MARKER_COMPARISONS)} different marker comparisons, the limit for one file`
}
