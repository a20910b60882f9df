import type { AuditOutcome } from '../../report/outcome.js'
import { renderMarkdown, type MarkdownOptions } from '../../report/markdown.js'

/** GitHub refuses a step summary over 1 MiB; stay below it with room for what follows. */
export const MAX_SUMMARY_BYTES = 1000 * 1024

/** How much Markdown a place takes, and what a shortened text says of the rest. */
export interface MarkdownLimit {
  max: number
  /** The step summary counts bytes (UTF-8); a comment counts characters (UTF-16 units). */
  unit: 'bytes' | 'characters'
  /** Appended to a shortened text: where the whole report is. */
  note: string
}

const SUMMARY_LIMIT: MarkdownLimit = {
  max: MAX_SUMMARY_BYTES,
  unit: 'bytes',
  note: `\n_Shortened to fit GitHub's summary limit: the full summary is pyaudit-summary.md in the workflow artifact._\n`
}

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
  return fitMarkdown(markdown, outcome, options, { ...SUMMARY_LIMIT, max: maxBytes })
}

/**
 * `markdown` (rendered with `options`) when it fits the limit, else the first shorter form
 * that does, with the note; as a last resort its head, cut at a line end with every fold and
 * fence it opened closed, so what follows is never swallowed by a `<details>`.
 */
export function fitMarkdown(
  markdown: string,
  outcome: AuditOutcome,
  options: MarkdownOptions,
  limit: MarkdownLimit
): string {
  const size = (text: string): number =>
    limit.unit === 'bytes' ? Buffer.byteLength(text) : text.length
  if (size(markdown) <= limit.max) return markdown
  let text = markdown
  for (const shorter of SHORTER) {
    text = renderMarkdown(outcome, tighter(options, shorter))
    if (size(text + limit.note) <= limit.max) return text + limit.note
  }
  // Still too long (thousands of ignores or skips): the head, verdict first, cut at a line end.
  let room = limit.max - size(limit.note)
  for (;;) {
    const head = cutAtLine(text, room, limit.unit)
    const fitted = `${head}\n${closeOpenBlocks(head)}${limit.note}`
    if (size(fitted) <= limit.max || head === '') return fitted
    room = size(head) - 1
  }
}

/** The shorter form's bounds, never looser than the caller's own (a comment's 30 packages). */
function tighter(options: MarkdownOptions, shorter: Partial<MarkdownOptions>): MarkdownOptions {
  const merged: MarkdownOptions = { ...options, ...shorter }
  for (const key of ['maxDescription', 'maxDetails', 'maxPackages'] as const) {
    const own = options[key]
    const other = shorter[key]
    if (own !== undefined && other !== undefined) merged[key] = Math.min(own, other)
  }
  return merged
}

function cutAtLine(text: string, room: number, unit: MarkdownLimit['unit']): string {
  const head =
    unit === 'bytes' ? Buffer.from(text).subarray(0, room).toString('utf8') : text.slice(0, room)
  // A cut inside a character (or a surrogate pair) lies after the last line end: it goes too.
  return head.slice(0, Math.max(head.lastIndexOf('\n'), 0))
}

/** The fence and the `<details>` folds still open at the end of `head`, closed, innermost first. */
export function closeOpenBlocks(head: string): string {
  let fence: string | undefined
  let folds = 0
  for (const line of head.split('\n')) {
    const backticks = /^ {0,3}(`{3,})/.exec(line)?.[1]
    if (fence !== undefined) {
      if (
        backticks !== undefined &&
        backticks.length >= fence.length &&
        line.trim() === backticks
      ) {
        fence = undefined
      }
      continue
    }
    if (backticks !== undefined) {
      fence = backticks
      continue
    }
    folds += (line.match(/<details>/g) ?? []).length
    folds -= (line.match(/<\/details>/g) ?? []).length
  }
  const closers = fence !== undefined ? [fence] : []
  for (let i = 0; i < folds; i++) closers.push('</details>')
  return closers.length > 0 ? `${closers.join('\n')}\n` : ''
}
