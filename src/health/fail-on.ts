/**
 * `fail-on-package-status`: which package-issue kinds fail the step. The rest are warnings.
 */
import { InputError } from '../shared/errors.js'
import { excerpt } from '../shared/text.js'
import { PACKAGE_ISSUE_KINDS, type PackageIssueKind } from './types.js'

/** The word that makes every kind a warning: an empty input takes the default instead. */
export const NO_PACKAGE_STATUS = 'none'

/**
 * Kinds separated by commas, spaces or lines, each once, in the order of PACKAGE_ISSUE_KINDS;
 * `none` alone: no kind fails. An unknown word is an InputError naming the input and the kinds.
 */
export function parsePackageIssueKinds(
  text: string,
  inputName = 'fail-on-package-status'
): PackageIssueKind[] {
  const words = text
    .split(/[\s,]+/)
    .map(word => word.trim().toLowerCase())
    .filter(word => word !== '')
  if (words.length === 1 && words[0] === NO_PACKAGE_STATUS) return []
  for (const word of words) {
    if (!(PACKAGE_ISSUE_KINDS as readonly string[]).includes(word)) {
      throw new InputError(
        inputName,
        `expected ${PACKAGE_ISSUE_KINDS.join(', ')} (or ${NO_PACKAGE_STATUS}), got '${excerpt(word)}'`
      )
    }
  }
  return PACKAGE_ISSUE_KINDS.filter(kind => words.includes(kind))
}
