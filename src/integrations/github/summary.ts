import type { AuditOutcome } from '../../report/outcome.js'
import { renderMarkdown, type MarkdownOptions } from '../../report/markdown.js'

/** GitHub refuses a step summary over 1 MiB; stay below it with room for what follows. */
export const MAX_SUMMARY_BYTES = 1000 * 1024

/**
 * Ever shorter forms, tried in order: advisory text cut shorter, then fewer packages with
 * their advisory tables folded in (the overview still lists every one), then a shorter overview.
 */
const SHORTER: ReadonlyArray<Partial<MarkdownOptions>> = [
  { maxDescription: 100 },
  { maxDescription: 100, maxDetails: 200 },
  { maxDescription: 100, maxDetails: 20 },
  { maxDetails: 0 },
  { maxDetails: 0, maxPackages: 1000 },
  { maxDetails: 0, maxPackages: 100 }
]

/**
 * The full summary when it fits, else shorter ones until one does; the full Markdown always
 * goes into the artifact.
 */
export function fitSummary(
  markdown: string,
  outcome: AuditOutcome,
  options: MarkdownOptions,
  maxBytes = MAX_SUMMARY_BYTES
): string {
  if (Buffer.byteLength(markdown) <= maxBytes) return markdown
  const note = `\n_Shortened to fit GitHub's summary limit: the full summary is pyaudit-summary.md in the workflow artifact._\n`
  let text = markdown
  for (const shorter of SHORTER) {
    text = renderMarkdown(outcome, { ...options, ...shorter })
    if (Buffer.byteLength(text + note) <= maxBytes) return text + note
  }
  // Still too long (thousands of ignores or skips): the head, verdict first, cut at a line end.
  const room = maxBytes - Buffer.byteLength(note)
  const head = Buffer.from(text).subarray(0, room).toString('utf8')
  return `${head.slice(0, Math.max(head.lastIndexOf('\n'), 0))}\n${note}`
}
