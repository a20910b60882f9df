/**
 * A pull request judged on what it changes (issue 16). Each head dependency is added, changed
 * (same name, another version) or unchanged against the base; each finding is introduced by the
 * change or already there; base pins the change removes or upgrades out of advisories are fixed
 * by it. Pure: both sides are collected and looked up elsewhere (src/integrations/git/).
 *
 * The unit of comparison is the file that declares a pin (a `-r` include, a lockfile), not the
 * root file that was read, so a changed include compares with its own base version. A file with
 * no counterpart at the base is matched to a vanished base file by the packages they declare
 * (a rename or a move), and a pin that leaves one file for another is not added.
 */
import { clean } from '@renovatebot/pep440'
import { isMalicious } from '../advisories/severity.js'
import type { Vulnerability } from '../advisories/vulnerability.js'
import { normalizeName } from '../deps/names.js'
import type { Dependency, SourceResult } from '../deps/types.js'
import { normalVersion } from '../deps/versions.js'
import type { LicenseEntry } from '../licenses/check.js'
import type { PackageIssue } from '../health/types.js'

/** `unknown`: the source has no base (an installed environment); judged as in scope `all`. */
export type DependencyChange = 'added' | 'changed' | 'unchanged' | 'unknown'

export interface BaseRef {
  ref: string
  sha: string
}

export interface ComparedDeclaration {
  dependency: Dependency
  change: DependencyChange
  /** For `changed`: the versions of this name the base declared in this (or the renamed) file. */
  previousVersions: string[]
}

/** A base pin no head file declares any more: removed, or replaced by `replacedBy`. */
export interface GonePin {
  name: string
  version: string
  replacedBy: string[]
}

export interface SourceComparison {
  declarations: ComparedDeclaration[]
  gone: GonePin[]
  /**
   * The base pins whose name and version no head file declares, grouped by declaring file: what
   * must be looked up at the base (`lookUpAdvisories(baseOnly, feed)`), as the head's findings cover the rest.
   */
  baseOnly: SourceResult[]
  /** Declaring files matched across a rename or move, by the packages they declare. */
  renamed: Array<{ from: string; to: string }>
  /** Sources with no base version (installed environments): their pins are `unknown`. */
  withoutBase: string[]
}

interface FileGroup {
  file: string
  pins: Dependency[]
  /** Every name declared, pinned or skipped: what a rename is recognised by. */
  names: Set<string>
}

export function compareSources(
  head: readonly SourceResult[],
  base: readonly SourceResult[]
): SourceComparison {
  const headFiles = groupByFile(head)
  const baseFiles = groupByFile(base)
  const pairs = new Map<string, FileGroup>()
  const renamed: SourceComparison['renamed'] = []
  const vanished = [...baseFiles.values()].filter(group => !headFiles.has(group.file))
  for (const group of headFiles.values()) {
    const same = baseFiles.get(group.file)
    const counterpart = same ?? takeRenamed(group, vanished)
    if (!counterpart) continue
    pairs.set(group.file, counterpart)
    if (!same) renamed.push({ from: counterpart.file, to: group.file })
  }
  const headOf = new Map(
    [...pairs].map(([headFile, group]) => [group.file, headFiles.get(headFile)!])
  )

  // Pins that left their base file: upgraded, moved to another file, or removed. A pin whose
  // name left its file altogether may reappear elsewhere: a move, which adds nothing.
  const departed = new Map<string, Dependency>()
  const movedOut: Dependency[] = []
  for (const group of baseFiles.values()) {
    const headGroup = headOf.get(group.file)
    const stays = new Set(headGroup?.pins.map(pinKey))
    for (const pin of group.pins) {
      if (stays.has(pinKey(pin))) continue
      departed.set(pinKey(pin), pin)
      if (!headGroup?.names.has(pin.name)) movedOut.push(pin)
    }
  }
  const moved = indexPins(movedOut)
  const counterparts = new Map([...pairs].map(([file, group]) => [file, indexPins(group.pins)]))

  const declarations = head.flatMap(source =>
    source.dependencies.map((dependency): ComparedDeclaration => {
      if (source.format === 'environment') {
        return { dependency, change: 'unknown', previousVersions: [] }
      }
      const counterpart = counterparts.get(dependency.location.file) ?? EMPTY_INDEX
      return classify(dependency, counterpart, moved)
    })
  )

  const headPins = [...headFiles.values()].flatMap(group => group.pins)
  const headIndex = indexPins(headPins)
  const gone: GonePin[] = []
  const baseOnly = new Map<string, SourceResult>()
  const headNames = new Set([...headFiles.values()].flatMap(group => [...group.names]))
  for (const [key, pin] of departed) {
    if (headIndex.keys.has(key)) continue
    const file = pin.location.file
    if (!baseOnly.has(file)) {
      baseOnly.set(file, { file, format: pin.format, dependencies: [], skipped: [] })
    }
    baseOnly.get(file)!.dependencies.push(pin)
    // Unpinned is not fixed: the package is still there, now without a version to audit.
    if (headNames.has(pin.name) && !headIndex.versions.has(pin.name)) continue
    const inPair = headOf.get(pin.location.file)
    const replacedBy =
      (inPair && indexPins(inPair.pins).versions.get(pin.name)) ??
      headIndex.versions.get(pin.name) ??
      []
    gone.push({ name: pin.name, version: pin.version, replacedBy })
  }
  const withoutBase = head.filter(s => s.format === 'environment').map(source => source.file)
  return { declarations, gone, baseOnly: [...baseOnly.values()], renamed, withoutBase }
}

interface PinIndex {
  keys: Set<string>
  /** The versions of each name, as written, each once. */
  versions: Map<string, string[]>
}

const EMPTY_INDEX: PinIndex = { keys: new Set(), versions: new Map() }

function indexPins(pins: readonly Dependency[]): PinIndex {
  const index: PinIndex = { keys: new Set(), versions: new Map() }
  for (const pin of pins) {
    const key = pinKey(pin)
    if (index.keys.has(key)) continue
    index.keys.add(key)
    index.versions.set(pin.name, [...(index.versions.get(pin.name) ?? []), pin.version])
  }
  return index
}

function classify(
  dependency: Dependency,
  counterpart: PinIndex,
  moved: PinIndex
): ComparedDeclaration {
  const key = pinKey(dependency)
  if (counterpart.keys.has(key) || moved.keys.has(key)) {
    return { dependency, change: 'unchanged', previousVersions: [] }
  }
  const previous = counterpart.versions.get(dependency.name) ?? moved.versions.get(dependency.name)
  if (previous) return { dependency, change: 'changed', previousVersions: previous }
  return { dependency, change: 'added', previousVersions: [] }
}

function groupByFile(sources: readonly SourceResult[]): Map<string, FileGroup> {
  const groups = new Map<string, FileGroup>()
  const groupOf = (file: string): FileGroup => {
    let group = groups.get(file)
    if (!group) groups.set(file, (group = { file, pins: [], names: new Set() }))
    return group
  }
  for (const source of sources) {
    if (source.format === 'environment') continue
    for (const pin of source.dependencies) {
      const group = groupOf(pin.location.file)
      group.pins.push(pin)
      group.names.add(pin.name)
    }
    for (const skip of source.skipped)
      groupOf(skip.location.file).names.add(normalizeName(skip.name))
  }
  return groups
}

/**
 * The vanished base file that shares the most declared names with `group`, if they share at
 * least half of the smaller one's (git's rename detection asks 50% similarity of content).
 */
function takeRenamed(group: FileGroup, vanished: FileGroup[]): FileGroup | undefined {
  let best: { index: number; shared: number } | undefined
  vanished.forEach((candidate, index) => {
    const shared = [...group.names].filter(name => candidate.names.has(name)).length
    const needed = Math.min(group.names.size, candidate.names.size) / 2
    if (shared > 0 && shared >= needed && shared > (best?.shared ?? 0)) best = { index, shared }
  })
  return best ? vanished.splice(best.index, 1)[0] : undefined
}

/** The findings of one name and version: an AuditedPackage or a ReportedPackage fits. */
export interface PackageFindings {
  name: string
  version: string
  declarations: readonly Dependency[]
  vulnerabilities: readonly Vulnerability[]
}

export interface PackageVerdict {
  name: string
  version: string
  /** The most telling change of its declarations: added, then changed, unknown, unchanged. */
  change: DependencyChange
  previousVersions: string[]
  /** Ids of its findings that the change introduces; the others were already there. */
  introduced: string[]
}

export interface FixedByChange {
  name: string
  oldVersion: string
  /** The version that replaced it; null when the change removed the pin. */
  newVersion: string | null
  /** Ids of the advisories that affected the old version and affect no version at the head. */
  advisories: string[]
}

export interface ChangeVerdicts {
  base: BaseRef
  /** One per head package, in the order given. */
  packages: PackageVerdict[]
  fixedByChange: FixedByChange[]
  /** Sources judged in full because they have no base version. */
  warnings: string[]
  /**
   * Per declaring file (as the head names it), the digests of its hash mismatches that the
   * base's version of the file already declared (judgeChangeScope reads them from git).
   */
  digestsAtBase?: Record<string, string[]>
}

export interface JudgeInput {
  base: BaseRef
  comparison: SourceComparison
  head: readonly PackageFindings[]
  /**
   * The findings of the base versions the head does not have (the gone pins and the versions a
   * changed pin replaced). A version missing here counts as affected by nothing at the base,
   * so the findings of a pin changed from it count as introduced: the gate errs towards failing.
   */
  baseOnly: readonly PackageFindings[]
}

const ORDER: readonly DependencyChange[] = ['added', 'changed', 'unknown', 'unchanged']

/**
 * A finding is introduced when a declaration of its package is added, has no base (unknown),
 * or changed from versions the advisory did not affect: upgrading out of one advisory into a
 * version still affected by another does not introduce the other.
 */
export function judgeChanges(input: JudgeInput): ChangeVerdicts {
  const findings = new Map<string, readonly Vulnerability[]>()
  for (const pkg of [...input.baseOnly, ...input.head])
    findings.set(pinKey(pkg), pkg.vulnerabilities)
  const byDeclaration = new Map(
    input.comparison.declarations.map(d => [declarationKey(d.dependency), d])
  )
  const packages = input.head.map((pkg): PackageVerdict => {
    const compared = pkg.declarations.map(
      dependency =>
        byDeclaration.get(declarationKey(dependency)) ?? {
          dependency,
          change: 'unknown' as const,
          previousVersions: []
        }
    )
    const change = ORDER.find(kind => compared.some(d => d.change === kind)) ?? 'unknown'
    const introduced = pkg.vulnerabilities.filter(vuln =>
      compared.some(d => {
        if (d.change === 'unchanged') return false
        if (d.change !== 'changed') return true
        return !d.previousVersions.some(version => {
          const before = findings.get(pinKey({ name: pkg.name, version }))
          return before !== undefined && before.some(old => sameAdvisory(old, vuln))
        })
      })
    )
    return {
      name: pkg.name,
      version: pkg.version,
      change,
      previousVersions: distinct(compared.flatMap(d => d.previousVersions)),
      introduced: introduced.map(vuln => vuln.id)
    }
  })
  return {
    base: input.base,
    packages,
    fixedByChange: fixedByChange(input, findings),
    warnings: input.comparison.withoutBase.map(
      file =>
        `The installed environment ${file} has no base version to compare with: its packages are judged in full (scope: all).`
    )
  }
}

function fixedByChange(
  input: JudgeInput,
  findings: ReadonlyMap<string, readonly Vulnerability[]>
): FixedByChange[] {
  const fixed: FixedByChange[] = []
  const seen = new Set<string>()
  for (const pin of input.comparison.gone) {
    const key = pinKey(pin)
    if (seen.has(key)) continue
    seen.add(key)
    const atHead = input.head
      .filter(pkg => pkg.name === pin.name)
      .flatMap(pkg => pkg.vulnerabilities)
    const cleared = (findings.get(key) ?? []).filter(old => !atHead.some(v => sameAdvisory(old, v)))
    if (cleared.length === 0) continue
    fixed.push({
      name: pin.name,
      oldVersion: pin.version,
      newVersion: pin.replacedBy[0] ?? null,
      advisories: cleared.map(vuln => vuln.id)
    })
  }
  return fixed
}

/** The verdict of one head package; undefined for a package the comparison never saw. */
export function verdictFor(
  verdicts: ChangeVerdicts,
  pkg: { name: string; version: string }
): PackageVerdict | undefined {
  let index = verdictIndexes.get(verdicts)
  if (!index) {
    index = new Map(verdicts.packages.map(verdict => [pinKey(verdict), verdict]))
    verdictIndexes.set(verdicts, index)
  }
  return index.get(pinKey(pkg))
}

/** Looked up once per finding: an index per verdicts object, not a search each time. */
const verdictIndexes = new WeakMap<ChangeVerdicts, Map<string, PackageVerdict>>()

/** Whether the change introduces this finding; a package never compared counts as introduced. */
export function isIntroduced(
  verdicts: ChangeVerdicts,
  pkg: { name: string; version: string },
  vulnerabilityId: string
): boolean {
  return verdictFor(verdicts, pkg)?.introduced.includes(vulnerabilityId) ?? true
}

/**
 * The findings that can fail the step in scope `changes`: the introduced ones, and malware
 * wherever it is (a malicious package always fails). Give the gate these instead of all.
 */
export function findingsInScope<
  T extends { package: { name: string; version: string }; vulnerability: Vulnerability }
>(findings: readonly T[], verdicts: ChangeVerdicts): T[] {
  return findings.filter(
    finding =>
      isMalicious(finding.vulnerability) ||
      isIntroduced(verdicts, finding.package, finding.vulnerability.id)
  )
}

/** License entries that can fail the step in scope `changes`: the change adds that version. */
export function licensesInScope(
  entries: readonly LicenseEntry[],
  verdicts: ChangeVerdicts
): LicenseEntry[] {
  return entries.filter(entry => (verdictFor(verdicts, entry)?.change ?? 'unknown') !== 'unchanged')
}

/**
 * Package issues judged as findings are (issue 18 in scope `changes`), each marked `introduced`,
 * and failing only then. An issue is introduced when the change adds its pin, or moves it from
 * versions that did not have the issue: a name-wide issue (not-found, archived, deprecated) was
 * there at any earlier version of the name; a yanked release was there only if the earlier
 * version was not offered either (`offered`, from the index's lists; not known counts as
 * offered, so the issue is introduced: the gate errs towards failing); a hash mismatch comes
 * with the new version's digests, and on a pin left at its version it is introduced unless the
 * base's file declared every mismatched digest already (`digestsAtBase`). A quarantined
 * project fails wherever it is, as malware does.
 */
export function packageIssuesInScope(
  issues: readonly PackageIssue[],
  verdicts: ChangeVerdicts,
  offered?: (name: string, version: string) => boolean | undefined
): PackageIssue[] {
  return issues.map(issue => {
    const verdict = verdictFor(verdicts, issue)
    const change = verdict?.change ?? 'unknown'
    const introduced =
      change === 'added' ||
      change === 'unknown' ||
      (change === 'changed' && !hadIssueBefore(issue, verdict?.previousVersions ?? [], offered)) ||
      (change === 'unchanged' &&
        issue.kind === 'hash-mismatch' &&
        !digestsWereThere(issue, verdicts))
    const failing = issue.failing && (introduced || issue.kind === 'quarantined')
    return { ...issue, introduced, failing }
  })
}

/** Whether the base's file declared every digest of this mismatch; unknown counts as not. */
function digestsWereThere(issue: PackageIssue, verdicts: ChangeVerdicts): boolean {
  const atBase = verdicts.digestsAtBase?.[issue.location.file] ?? []
  const mismatched = issue.mismatched ?? []
  return mismatched.length > 0 && mismatched.every(digest => atBase.includes(digest))
}

function hadIssueBefore(
  issue: PackageIssue,
  previousVersions: readonly string[],
  offered: ((name: string, version: string) => boolean | undefined) | undefined
): boolean {
  if (previousVersions.length === 0) return false
  switch (issue.kind) {
    case 'hash-mismatch':
      return false
    case 'yanked':
      return previousVersions.every(version => offered?.(issue.name, version) === false)
    default:
      return true
  }
}

/** The JSON report's additions in scope `changes` (see the proposed docs/report-schema.md rows). */
export interface JsonChangeFields {
  base: { ref: string; sha: string }
  fixed_by_change: Array<{
    name: string
    old_version: string
    new_version: string | null
    advisories: string[]
  }>
}

export function jsonChangeFields(verdicts: ChangeVerdicts): JsonChangeFields {
  return {
    base: { ref: verdicts.base.ref, sha: verdicts.base.sha },
    fixed_by_change: verdicts.fixedByChange.map(fix => ({
      name: fix.name,
      old_version: normalVersion(fix.oldVersion),
      new_version: fix.newVersion === null ? null : normalVersion(fix.newVersion),
      advisories: fix.advisories
    }))
  }
}

export interface ChangeCounts {
  /** Active (not ignored) findings the change introduces. */
  introduced: number
  /** Active findings already on the base. */
  alreadyThere: number
  /** Base pins the change clears of advisories. */
  fixed: number
}

export function changeCounts(
  verdicts: ChangeVerdicts,
  packages: ReadonlyArray<{
    name: string
    version: string
    vulnerabilities: ReadonlyArray<{ id: string; ignored?: unknown }>
  }>
): ChangeCounts {
  let introduced = 0
  let alreadyThere = 0
  for (const pkg of packages) {
    for (const vuln of pkg.vulnerabilities) {
      if (vuln.ignored) continue
      if (isIntroduced(verdicts, pkg, vuln.id)) introduced++
      else alreadyThere++
    }
  }
  return { introduced, alreadyThere, fixed: verdicts.fixedByChange.length }
}

/** "1 fixed by this change, 0 introduced, 2 already on the base": the good news first. */
export function describeChangeCounts(counts: ChangeCounts): string {
  return `${counts.fixed} fixed by this change, ${counts.introduced} introduced, ${counts.alreadyThere} already on the base`
}

/** One name and version, grouped as the look-up groups them (`groupDependencies`). */
function pinKey(pin: { name: string; version: string }): string {
  return `${normalizeName(pin.name)}@${clean(pin.version) ?? pin.version}`
}

function declarationKey(dependency: Dependency): string {
  return `${dependency.location.file}\0${pinKey(dependency)}`
}

/** One advisory under any of its names (a PYSEC id at the base, its GHSA alias at the head). */
function sameAdvisory(a: Vulnerability, b: Vulnerability): boolean {
  const names = new Set([a.id, ...a.aliases])
  return [b.id, ...b.aliases].some(name => names.has(name))
}

function distinct(values: string[]): string[] {
  return [...new Set(values)]
}
