import type { AuditOutcome } from '../../report/outcome.js'
import { renderMarkdown } from '../../report/markdown.js'

/** GitHub refuses a step summary over 1 MiB; stay below it with room for what follows. */
export const MAX_SUMMARY_BYTES = 1000 * 1024

/**
 * The full summary when it fits, else shorter ones (fewer packages in full, shorter
 * advisory text) until one does; the full Markdown always goes into the artifact.
 */
export function fitSummary(
  markdown: string,
  outcome: AuditOutcome,
  repositoryRoot: string,
  maxBytes = MAX_SUMMARY_BYTES
): string {
  if (Buffer.byteLength(markdown) <= maxBytes) return markdown
  for (const maxPackages of [100, 20, 0]) {
    const text = renderMarkdown(outcome, { repositoryRoot, maxPackages, maxDescription: 100 })
    if (Buffer.byteLength(text) <= maxBytes)
      return `${text}\n_Shortened to fit GitHub's summary limit: the full summary is pyaudit-summary.md in the workflow artifact._\n`
  }
  return '## Python dependency audit\n\nThe summary is too large for GitHub; see pyaudit-summary.md in the workflow artifact.\n'
}
