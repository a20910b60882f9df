/**
 * SPDX license expressions: parsing (spdx-expression-parse) and whether one is satisfied by a
 * list of approved licenses (spdx-satisfies). What a package's metadata says its expression is
 * lives in spdx-derive.ts, which loads only when licenses are checked.
 */
import parse from 'spdx-expression-parse'
import satisfies from 'spdx-satisfies'

type ParsedSpdx = parse.Info

/** The parse tree of a valid SPDX expression; null when it is not one. */
export function parseSpdx(expression: string): ParsedSpdx | null {
  try {
    return parse(expression)
  } catch {
    return null
  }
}

/** Every license term of an expression, as spdx-satisfies takes them: "MIT", "GPL-2.0+", "X WITH Y". */
export function spdxTerms(tree: ParsedSpdx): string[] {
  if ('conjunction' in tree) return [...spdxTerms(tree.left), ...spdxTerms(tree.right)]
  const plus = tree.plus ? '+' : ''
  const exception = tree.exception ? ` WITH ${tree.exception}` : ''
  return [`${tree.license}${plus}${exception}`]
}

/**
 * Whether the expression can be complied with using only the `approved` terms (spdx-satisfies:
 * OR needs one side, AND both). undefined when spdx-satisfies cannot evaluate it.
 */
export function satisfiedBy(expression: string, approved: readonly string[]): boolean | undefined {
  if (approved.length === 0) return false
  try {
    return satisfies(expression, approved)
  } catch {
    return undefined
  }
}
