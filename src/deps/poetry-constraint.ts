/**
 * Poetry version constraints as PEP 440, by poetry-core's own rules: `^1.2.3` is `>=1.2.3,<2.0.0`,
 * `^0.2.3` is `>=0.2.3,<0.3.0`, `^0.0.3` is `>=0.0.3,<0.0.4`, `~1.2` is `>=1.2,<1.3`, `~1` is
 * `>=1,<2`, `1.2.*` is `==1.2.*`, a bare `1.2` is `==1.2`, `*` is any version; clauses separated by
 * commas or spaces all apply. An "or" (`||`) has no PEP 440 form, except as a python marker.
 */
import { parseRequirement, RequirementSyntaxError } from './pep508.js'

/** A declaration this tool cannot read, with the reason (the caller adds the position). */
export class PoetryDeclarationError extends Error {
  constructor(
    message: string,
    /** Valid Poetry, but with no PEP 440 equivalent (an "or"): skipped rather than refused. */
    readonly inexpressible = false
  ) {
    super(message)
  }
}

/**
 * A Poetry version constraint as a PEP 440 specifier ('' for any version). Throws
 * PoetryDeclarationError for an "or" (`||`), which a specifier cannot express, and for anything
 * that is not a valid version.
 */
export function poetryConstraintToPep440(constraint: string): string {
  if (/\|/.test(constraint)) {
    throw new PoetryDeclarationError(
      `constraint '${constraint}' has an "or", which PEP 440 cannot express`,
      true
    )
  }
  // `>= 1.0, < 2.0` and `>=1.0 <2.0` both mean "and".
  const clauses = constraint
    .trim()
    .replace(/(\^|~=|~|===|==|!=|>=|<=|>|<)\s+/g, '$1')
    .split(/[\s,]+/)
    .filter(Boolean)
  const specifier = clauses.flatMap(clause => convertClause(clause, constraint)).join(',')
  if (specifier !== '' && !isSpecifier(specifier)) {
    throw new PoetryDeclarationError(`constraint '${constraint}' is not a valid version constraint`)
  }
  return specifier
}

/**
 * Whether pip reads `specifier` as a version specifier: our PEP 508 parser, as pip's packaging
 * has it (and ten times faster than a full PEP 440 range parse, which a 100,000-entry Poetry
 * table felt).
 */
function isSpecifier(specifier: string): boolean {
  try {
    const requirement = parseRequirement(`x${specifier}`)
    return requirement.marker === undefined && requirement.url === undefined
  } catch (error) {
    if (error instanceof RequirementSyntaxError) return false
    throw error
  }
}

function convertClause(clause: string, whole: string): string[] {
  if (['*', 'x', 'X'].includes(clause)) return []
  if (clause.startsWith('^')) return bounded(clause.slice(1), 'caret', whole)
  if (clause.startsWith('~') && !clause.startsWith('~='))
    return bounded(clause.slice(1), 'tilde', whole)
  if (/^(===|==|!=|>=|<=|~=|>|<)/.test(clause)) return [clause]
  return [`==${clause}`]
}

/** poetry-core's caret (next breaking release) and tilde (next minor; next major for `~1`). */
function bounded(version: string, kind: 'caret' | 'tilde', whole: string): string[] {
  const release = /^v?(\d+(?:\.\d+)*)/.exec(version)?.[1]
  if (release === undefined) {
    throw new PoetryDeclarationError(`constraint '${whole}' is not a valid version constraint`)
  }
  const parts = release.split('.').map(Number)
  const [major = 0, minor = 0] = parts
  let bump: number
  if (kind === 'tilde') bump = parts.length === 1 ? 0 : 1
  else if (major > 0 || parts.length === 1) bump = 0
  else if (minor > 0 || parts.length === 2) bump = 1
  else bump = 2
  const upper = parts.map((part, index) => (index < bump ? part : index === bump ? part + 1 : 0))
  return [`>=${version}`, `<${upper.join('.')}`]
}

/** `^3.8 || ^2.7` as a marker: a marker can say "or", unlike a version specifier. */
export function pythonConstraintToMarker(constraint: string): string {
  const alternatives = constraint.split(/\s*\|\|?\s*/).map(alternative =>
    poetryConstraintToPep440(alternative)
      .split(',')
      .filter(Boolean)
      .map(clause => {
        const [, op, version] = /^([<>=!~]+)(.*)$/.exec(clause)!
        const variable = version!.split('.').length > 2 ? 'python_full_version' : 'python_version'
        return `${variable} ${op} "${version}"`
      })
      .join(' and ')
  )
  if (alternatives.some(alternative => alternative === '')) return '' // some alternative allows any
  return alternatives.length === 1 ? alternatives[0]! : alternatives.map(a => `(${a})`).join(' or ')
}
