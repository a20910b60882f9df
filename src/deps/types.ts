import type { FileFormatName } from './formats.js'

/** Where a dependency was declared, so findings can be annotated at the exact line. */
export interface Location {
  /** Absolute path of the file that declares it. */
  file: string
  /** 1-based line; 0 when the format has no meaningful line. */
  line: number
}

/** Where dependencies come from: a file format (see formats.ts), an environment, pip's report. */
export type SourceFormat = FileFormatName | 'environment' | 'pip-report'

/** A dependency pinned to one exact version: something an advisory feed can be asked about. */
export interface Dependency {
  /** PEP 503 normalised name (lowercase, runs of -_. collapsed to '-'). */
  name: string
  /** The exact version, as written (PEP 440; not normalised, so reports show what the user wrote). */
  version: string
  location: Location
  format: SourceFormat
  /** Dependency group where the format has them (main, dev, an extra's name...). */
  group?: string
  /**
   * The PEP 508 environment marker under which this pin is installed, as written (normalised
   * whitespace), when it is conditional: reports show it next to a finding.
   */
  marker?: string
  /** Package metadata where the source has it (installed environments, pip reports): licenses use it. */
  metadata?: PackageMetadata
  /**
   * PEP 503 names of the packages this one may require, as its lockfile records them (extras and
   * markers ignored), each locked in the same file. Absent when the format does not know the
   * graph; empty when it records that the package requires nothing.
   */
  dependsOn?: string[]
}

/** A dependency we cannot audit, with the reason: never silently dropped. */
export interface SkippedDependency {
  name: string
  version?: string
  /** Why it was not audited, in words a user understands (pip-audit's `skip_reason`). */
  reason: string
  location: Location
  format: SourceFormat
}

/** Core metadata fields the license checks need (from METADATA / PKG-INFO / pip's report). */
export interface PackageMetadata {
  license?: string
  licenseExpression?: string
  classifiers?: string[]
}

/** What one source file contributed. */
export interface SourceResult {
  file: string
  format: SourceFormat
  dependencies: Dependency[]
  skipped: SkippedDependency[]
}
