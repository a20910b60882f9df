/**
 * spdx-correct's guess at the SPDX id a free-text license means. In its own module because
 * loading spdx-correct sorts its tables with localeCompare, which builds ICU's collator:
 * ~20 ms that a run without any license metadata to read should not pay.
 */
import correct from 'spdx-correct'

export type SpdxSuggester = (text: string) => string | undefined

export const suggestSpdx: SpdxSuggester = text => {
  try {
    return correct(text, { upgrade: true }) ?? undefined
  } catch {
    return undefined
  }
}
