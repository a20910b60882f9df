/**
 * Applying edits to a file's text, and finding offsets in it. Edits replace version text only;
 * everything between them is copied as it is, so line endings, comments and spacing survive.
 */
import type { TextEdit } from './types.js'

/** The text with every edit applied. Edits must not overlap (a planner bug if they do). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start)
  let result = ''
  let at = 0
  for (const edit of sorted) {
    if (edit.start < at || edit.end < edit.start || edit.end > text.length) {
      throw new Error(`overlapping or out-of-range edit at ${edit.start}`)
    }
    result += text.slice(at, edit.start) + edit.text
    at = edit.end
  }
  return result + text.slice(at)
}

/** The byte order mark some editors write: kept as it is, and not part of the first line. */
export function bomLength(text: string): number {
  return text.charCodeAt(0) === 0xfeff ? 1 : 0
}

/** Start offsets of each line, as `lineBreaks` splits them (line 1 starts at offset 0). */
export function lineStarts(text: string, lineBreaks: RegExp): number[] {
  const starts = [0]
  const pattern = new RegExp(lineBreaks.source, 'g')
  for (const match of text.matchAll(pattern)) starts.push(match.index + match[0].length)
  return starts
}

/** The offset of a 1-based line and column; undefined when the line does not exist. */
export function offsetAt(
  starts: readonly number[],
  line: number,
  column: number
): number | undefined {
  const start = starts[line - 1]
  return start === undefined ? undefined : start + column - 1
}
