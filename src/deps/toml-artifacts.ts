/**
 * Blanking the artifact lists of a lockfile before parsing it: they are most of its bytes and
 * nothing an audit reads.
 */

/** Keys of each `[[table]]` entry whose values a reader never reads (see withoutArtifactLists). */
export interface ArtifactLists {
  table: string
  keys: readonly string[]
}

/**
 * The artifact lists of a lockfile (`wheels`, `sdist`, `files`: URLs, hashes, sizes) are most of
 * its bytes and nothing an audit reads; blanking them before parsing roughly halves the time to
 * read a large lock. Only a complete value written the way the tools write it is blanked: the key
 * at the start of a line, then either a balanced one-line value, or `[` on that line, one balanced
 * inline table per line and `]` alone on the last. Each such line becomes empty, so line numbers
 * and error positions do not move; anything else is left for the parser. A value that is blanked
 * is not checked: a malformed wheel entry no longer fails the read.
 */
export function withoutArtifactLists(text: string, lists: ArtifactLists): string {
  // Lines are only known to be keys and headers when no multi-line string could hold them; the
  // tools never write one in a lockfile.
  if (text.includes('"""') || text.includes("'''")) return text
  const entryHeader = new RegExp(`^\\[\\[\\s*${lists.table}\\s*\\]\\]`)
  const pieces: string[] = []
  let copied = 0
  // Only in the entry's own table: `[package.optional-dependencies]` may have an extra "wheels".
  let inEntry = false
  for (let start = 0; start < text.length;) {
    let end = text.indexOf('\n', start)
    if (end === -1) end = text.length
    const first = skipSpaces(text, start)
    if (text[first] === '[') inEntry = entryHeader.test(text.slice(first, first + 80))
    const valueEnd = inEntry ? artifactValueEnd(text, start, end, lists.keys) : -1
    if (valueEnd === -1) {
      start = end + 1
      continue
    }
    let newlines = 0
    for (let index = text.indexOf('\n', start); index !== -1 && index < valueEnd; newlines++) {
      index = text.indexOf('\n', index + 1)
    }
    pieces.push(text.slice(copied, start), '\n'.repeat(newlines))
    copied = valueEnd
    start = valueEnd + 1
  }
  pieces.push(text.slice(copied))
  return pieces.join('')
}

/** End of the artifact list whose key starts the line at `start`, or -1 if it is not one. */
function artifactValueEnd(text: string, start: number, end: number, keys: readonly string[]) {
  let key: string | undefined
  for (const candidate of keys) if (text.startsWith(candidate, start)) key = candidate
  if (key === undefined) return -1
  let value = skipSpaces(text, start + key.length)
  if (text[value] !== '=') return -1
  value = skipSpaces(text, value + 1)
  if (text[value] !== '[' && text[value] !== '{') return -1
  if (skipSpaces(text, value + 1) <= lastNonSpace(text, end)) {
    return balanced(text, value, end) ? end : -1
  }
  if (text[value] !== '[') return -1
  // `[` alone: one balanced inline table per line, then `]` alone.
  for (let line = end + 1; line < text.length;) {
    let lineEnd = text.indexOf('\n', line)
    if (lineEnd === -1) lineEnd = text.length
    const first = skipSpaces(text, line)
    const last = lastNonSpace(text, lineEnd)
    if (text[first] === ']' && first === last) return lineEnd
    if (text[first] !== '{' || !balanced(text, first, lineEnd)) return -1
    line = lineEnd + 1
  }
  return -1
}

function skipSpaces(text: string, from: number): number {
  while (text[from] === ' ' || text[from] === '\t') from++
  return from
}

/** Index of the last character before `end` that is not blank (`end` - 1 for none). */
function lastNonSpace(text: string, end: number): number {
  let index = end - 1
  while (index >= 0 && (text[index] === ' ' || text[index] === '\t' || text[index] === '\r'))
    index--
  return index
}

/**
 * text[from, to) is one value: its brackets and braces close (outside strings) exactly once, with
 * at most a comma or a comment after. Strings are skipped with indexOf: they are most of the bytes.
 */
function balanced(text: string, from: number, to: number): boolean {
  let depth = 0
  for (let index = from; index < to; index++) {
    const char = text[index]
    if (char === '"' || char === "'") {
      index = closingQuote(text, index, to)
      if (index === -1) return false
    } else if (char === '[' || char === '{') depth++
    else if (char === ']' || char === '}') {
      depth--
      if (depth === 0) return onlyCommaOrComment(text, index + 1, to)
    } else if (depth === 0 || char === '#') return false
  }
  return false
}

function onlyCommaOrComment(text: string, from: number, to: number): boolean {
  let index = text[from] === ',' ? from + 1 : from
  while (index < to && (text[index] === ' ' || text[index] === '\t' || text[index] === '\r'))
    index++
  return index === to || text[index] === '#'
}

function closingQuote(text: string, open: number, to: number): number {
  const quote = text[open]!
  for (let index = open + 1; ; index++) {
    index = text.indexOf(quote, index)
    if (index === -1 || index >= to) return -1
    if (quote === "'") return index
    let backslashes = 0
    while (text[index - 1 - backslashes] === '\\') backslashes++
    if (backslashes % 2 === 0) return index
  }
}
