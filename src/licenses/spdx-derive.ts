/**
 * The SPDX expression of a package, where one can be known from its metadata:
 *
 * 1. a PEP 639 `License-Expression` is the expression, as written, if spdx-expression-parse
 *    accepts it (an invalid one makes the license unknown rather than guessed);
 * 2. otherwise the legacy `License` field, when it is itself a valid SPDX expression, is one of
 *    the common names of LICENSE_FIELD_SPDX, or is a whole license text recognised by its
 *    fingerprint;
 * 3. and the license classifiers, when exactly one license remains after dropping parents
 *    ("License :: OSI Approved" under "License :: OSI Approved :: MIT License") and it is an
 *    unambiguous one (PEP 639's appendix). Several licenses say nothing about AND or OR.
 *
 * When 2 and 3 both give an answer and disagree, or the License text holds the texts of several
 * licenses, nothing is known. spdx-correct's guess (see spdx-suggest.ts), when the caller
 * passes it, is kept as `suggestion` only: it maps "BSD" to BSD-2-Clause, which is not a fact.
 */
import type { PackageMetadata } from '../deps/types.js'
import { LICENSE_UNKNOWN } from './license-of.js'
import { isLicenseText, recogniseLicenseText } from './license-text.js'
import { parseSpdx } from './spdx.js'
import { CLASSIFIER_SPDX, LICENSE_FIELD_SPDX } from './spdx-tables.js'
import type { SpdxSuggester } from './spdx-suggest.js'

export type SpdxBasis = 'expression' | 'license' | 'license-text' | 'classifier'

export interface SpdxDerivation {
  spdx: string | null
  /** Which metadata the expression was derived from; null when none is known. */
  basis: SpdxBasis | null
  /** spdx-correct's guess when nothing is known: a hint for the reader, never a fact. */
  suggestion?: string
}

const noSuggestion: SpdxSuggester = () => undefined

export function deriveSpdx(
  metadata: PackageMetadata | undefined,
  suggest: SpdxSuggester = noSuggestion
): SpdxDerivation {
  const expression = metadata?.licenseExpression?.trim()
  if (expression && expression !== LICENSE_UNKNOWN) {
    if (parseSpdx(expression)) return { spdx: expression, basis: 'expression' }
    return unknown(suggest(expression))
  }
  const fromField = licenseFieldSpdx(metadata?.license, suggest)
  const fromClassifiers = classifierSpdx(metadata?.classifiers ?? [], suggest)
  // A License text holding several licenses says the classifier's one is not the whole story.
  if (fromField.several) return unknown(undefined)
  if (fromField.spdx && fromClassifiers.spdx && fromField.spdx !== fromClassifiers.spdx) {
    return unknown(undefined)
  }
  if (fromField.spdx) return { spdx: fromField.spdx, basis: fromField.basis }
  if (fromClassifiers.spdx) return { spdx: fromClassifiers.spdx, basis: 'classifier' }
  return unknown(fromField.suggestion ?? fromClassifiers.suggestion)
}

function unknown(suggestion: string | undefined): SpdxDerivation {
  return suggestion ? { spdx: null, basis: null, suggestion } : { spdx: null, basis: null }
}

interface Candidate {
  spdx: string | null
  basis: SpdxBasis
  suggestion?: string
  /** A license text in which the texts of several licenses were found. */
  several?: boolean
}

function licenseFieldSpdx(value: string | undefined, suggest: SpdxSuggester): Candidate {
  const trimmed = value?.trim()
  if (!trimmed || trimmed === LICENSE_UNKNOWN) return { spdx: null, basis: 'license' }
  if (isLicenseText(trimmed)) {
    const recognised = recogniseLicenseText(trimmed)
    const several = (recognised?.families.length ?? 0) > 1
    return { spdx: recognised?.spdx ?? null, basis: 'license-text', several }
  }
  if (parseSpdx(trimmed)) return { spdx: trimmed, basis: 'license' }
  const known = LICENSE_FIELD_SPDX.get(trimmed.toLowerCase().replace(/\s+/g, ' '))
  if (known) return { spdx: known, basis: 'license' }
  const suggestion = suggest(trimmed)
  return suggestion
    ? { spdx: null, basis: 'license', suggestion }
    : { spdx: null, basis: 'license' }
}

/** The one unambiguous license the classifiers name, following PEP 639's appendix. */
export function classifierSpdx(
  classifiers: readonly string[],
  suggest: SpdxSuggester = noSuggestion
): Candidate {
  const licenses = [...new Set(classifiers.filter(c => c.startsWith('License ::')))]
  const leaves = licenses.filter(
    candidate => !licenses.some(other => other.startsWith(`${candidate} :: `))
  )
  if (leaves.length !== 1) return { spdx: null, basis: 'classifier' }
  const only = leaves[0]!
  const spdx = CLASSIFIER_SPDX.get(only) ?? null
  const suggestion = spdx ? undefined : suggest(only.split(' :: ').at(-1)!)
  return suggestion ? { spdx, basis: 'classifier', suggestion } : { spdx, basis: 'classifier' }
}
