/**
 * Which requirement lines can be audited: only an exact version can be matched against
 * advisories, so everything else is skipped with a reason that says what to do about it.
 */
import { allOfMarkers, conditionOf } from './marker-text.js'
import { normalizeName } from './names.js'
import { pinnedVersion } from './pep508.js'
import {
  classifyRequirement,
  inferName,
  urlKind,
  type RequirementKind
} from './requirements-kind.js'
import type { ParsedRequirementsFile, RequirementLine } from './requirements.js'
import { excerpt } from './requirements-syntax.js'
import { describeReferences } from './requirements-text.js'
import type { Dependency, SkippedDependency, SourceResult } from './types.js'

export const UNPINNED_REASON =
  'not pinned to an exact version (use ==, a lockfile, or resolve: pip)'

const KIND_REASONS: Record<Exclude<RequirementKind, 'pep508'>, string> = {
  url: 'URL requirement: installed from a URL, not a released version on an index, so it cannot be matched to advisories',
  vcs: 'VCS requirement: installed from a version-control checkout, not a released version, so it cannot be matched to advisories',
  path: 'local path requirement: installed from a local file or directory, not a released version, so it cannot be matched to advisories'
}

/**
 * Pinned lines become Dependencies; URL, VCS, path, editable and unpinned lines become
 * SkippedDependencies. Lines whose marker is false for the target do not apply and appear in
 * neither (without a target every line applies). Constraint (-c) lines are not dependencies: they
 * only supply the version of an unpinned requirement of the same name, which is what pip would
 * install. A dependency carries its line's marker; one pinned by a constraint, the markers of the
 * requirements it pins and the constraint's own.
 *
 * Duplicate pins are all audited, even conflicting ones that pip would refuse to install (and
 * one name pinned at two versions under different markers): auditing both versions can only add
 * findings, never hide one.
 */
export function requirementsToSource(
  parsed: ParsedRequirementsFile,
  rootFile: string
): SourceResult {
  const dependencies: Dependency[] = []
  const skipped: SkippedDependency[] = []
  const constraintsUsed = new Set<RequirementLine>()
  const constraintPins = new Map<string, RequirementLine>()
  for (const line of parsed.lines) {
    const requirement = line.requirement
    if (!line.constraint || !line.markerApplies || !requirement || requirement.url) continue
    if (pinnedVersion(requirement.specifier) && !constraintPins.has(requirement.normalizedName)) {
      constraintPins.set(requirement.normalizedName, line)
    }
  }

  const constrainedLines = new Map<RequirementLine, RequirementLine[]>()
  const constraintOf = (line: RequirementLine): RequirementLine | undefined => {
    const requirement = line.requirement
    if (line.constraint || !line.markerApplies || !requirement || requirement.url) return undefined
    if (pinnedVersion(requirement.specifier) !== undefined) return undefined
    return constraintPins.get(requirement.normalizedName)
  }
  for (const line of parsed.lines) {
    const constrained = constraintOf(line)
    if (!constrained) continue
    const lines = constrainedLines.get(constrained)
    if (lines) lines.push(line)
    else constrainedLines.set(constrained, [line])
  }

  for (const line of parsed.lines) {
    if (line.constraint || !line.markerApplies) continue
    const requirement = line.requirement
    const version =
      requirement && !requirement.url ? pinnedVersion(requirement.specifier) : undefined
    if (requirement && version !== undefined) {
      addDependency(requirement.normalizedName, version, line, line.marker)
      continue
    }
    const constrained = constraintOf(line)
    if (requirement && constrained) {
      // Several requirements of one constrained name are one dependency, declared by the constraint.
      if (!constraintsUsed.has(constrained)) {
        constraintsUsed.add(constrained)
        const pinned = pinnedVersion(constrained.requirement!.specifier)!
        const required = conditionOf(constrainedLines.get(constrained)!)
        const marker = allOfMarkers([required, constrained.marker].filter(m => m !== undefined))
        addDependency(requirement.normalizedName, pinned, constrained, marker)
      }
      continue
    }
    skipped.push({ ...describeSkip(line), location: line.location, format: 'requirements' })
  }
  return { file: rootFile, format: 'requirements', dependencies, skipped }

  function addDependency(
    name: string,
    version: string,
    line: RequirementLine,
    marker: string | undefined
  ): void {
    dependencies.push({
      name,
      version,
      location: line.location,
      format: 'requirements',
      ...(marker !== undefined && { marker })
    })
  }
}

function describeSkip(line: RequirementLine): { name: string; version?: string; reason: string } {
  const requirement = line.requirement
  if (line.variables) {
    return {
      name: literalName(line.raw) ?? shortName(line.raw),
      reason: `not expanded: ${describeReferences(line.variables)}, which pip expands when it installs, but the audit never reads the environment (it holds secrets), so what this line installs is unknown and cannot be matched to advisories (write the value out, or audit a lockfile)`
    }
  }
  if (line.editable) {
    const { name } = inferName(line.raw)
    return {
      name: name ?? shortName(line.raw),
      reason: `editable requirement (-e ${excerpt(line.raw, 60)}): installed from a local or VCS checkout, not a released version, so it cannot be matched to advisories`
    }
  }
  if (requirement?.url !== undefined) {
    const kind = urlKind(requirement.url)
    return { name: requirement.normalizedName, reason: KIND_REASONS[kind] }
  }
  if (requirement) {
    const written = requirement.specifier ? `'${requirement.specifier}' is ` : 'no version given: '
    return { name: requirement.normalizedName, reason: `${written}${UNPINNED_REASON}` }
  }
  const classified = classifyRequirement(line.raw)
  const kind = classified.kind === 'pep508' ? 'url' : classified.kind
  return {
    name: classified.name ?? shortName(line.raw),
    ...(classified.version !== undefined && { version: classified.version }),
    reason: KIND_REASONS[kind]
  }
}

/**
 * The project name of a line whose text has ${VAR} in it, when the name itself is written out:
 * `name @ url` and `name[extras]...`, or the name a URL or path spells (#egg=, a wheel file).
 */
function literalName(raw: string): string | undefined {
  let classified
  try {
    classified = classifyRequirement(raw)
  } catch {
    // A version or marker that is not valid until pip expands it: the name before it still is.
    const match = /^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?=[[(=<>!~;@\s]|$)/.exec(raw)
    return match ? normalizeName(match[1]!) : undefined
  }
  if (classified.requirement) return classified.requirement.normalizedName
  return classified.name !== undefined && !classified.name.includes('$')
    ? classified.name
    : undefined
}

/** Unnamed requirements are named by their text, which can be anything up to a megabyte. */
function shortName(raw: string): string {
  return raw.length > 200 ? `${raw.slice(0, 200)}...` : raw
}
