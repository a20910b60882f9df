/**
 * The fix stage: what it is asked to fix and what it did. The edit logic is pure (file text and
 * targets in, edits and notes out); reading and writing the files is the pipeline's job
 * (src/pipeline/apply-fixes.ts). `FixOutcome` is what the reports render.
 */
import type { Location, SourceFormat } from '../deps/types.js'

/** `fix: true` rewrites exact pins; `fix: ranges` also widens ranges that exclude the fix. */
export type FixMode = 'off' | 'pins' | 'ranges'

/** One vulnerable pin to move to its recommended version. */
export interface FixTarget {
  /** PEP 503 normalised name. */
  name: string
  /** The pinned version, as written. */
  version: string
  /** The recommended version, free of known advisories. */
  fixVersion: string
}

/** A replacement of `text.slice(start, end)`, in UTF-16 offsets of the whole file text. */
export interface TextEdit {
  start: number
  end: number
  text: string
}

/** A declaration changed in a file: a pin moved, or (with `fix: ranges`) a range widened. */
export interface FixedDeclaration {
  kind: 'pin' | 'range'
  name: string
  /** The version that was pinned (the vulnerable one). */
  version: string
  fixVersion: string
  /** The version specifier before and after, as written in the file. */
  before: string
  after: string
  location: Location
}

/**
 * A declaration left as it is, and why:
 * - `range-admits`: its range already admits the fixed version;
 * - `range-excludes`: its range excludes it, and only `fix: ranges` widens a range;
 * - `needs-hand`: it cannot be rewritten safely here (`detail` says why);
 * - `no-fix`: no version free of known advisories is known.
 */
export interface FixNote {
  kind: 'range-admits' | 'range-excludes' | 'needs-hand' | 'no-fix'
  name: string
  version: string
  fixVersion?: string
  location: Location
  detail: string
  /** For `range-excludes`: the declaration that would admit the fix, e.g. `pillow>=12.3.0`. */
  constraint?: string
}

/** A pin in a lockfile: its tool's resolver upgrades it, with this command. */
export interface LockfileFix {
  name: string
  version: string
  fixVersion: string
  /** The lockfile, absolute. */
  lockfile: string
  format: SourceFormat
  /** The command's arguments; every one is safe to show and to paste into a shell. */
  command: string[]
  /** The command as one shell line (arguments quoted where a shell would read them). */
  shown: string
  /** Where to run it: the lockfile's directory, absolute. */
  directory: string
  /** Set when the project's declared range excludes the fix: what to declare instead. */
  constraint?: string
}

/** What `fix` did in one run. */
export interface FixOutcome {
  mode: 'pins' | 'ranges'
  /** Declarations rewritten in files, one per declaring line (`fixed-count`). */
  fixed: FixedDeclaration[]
  notes: FixNote[]
  lockfiles: LockfileFix[]
  /** Files changed, absolute, in the order they were written. */
  changedFiles: string[]
  /** A unified diff of every file changed ('' when none), with credentials in URLs redacted. */
  patch: string
}
