/**
 * Where each value of a TOML document starts. smol-toml returns values without positions, so after
 * it has accepted a document, one pass over the text tokenizes it again (tables, dotted keys,
 * arrays, inline tables, all four string kinds) and records the line and column of every value
 * under its key path, e.g. `project/dependencies/0` or `tool/poetry/dependencies/requests`.
 */

export interface ValuePosition {
  /** 1-based. */
  line: number
  /** 1-based, of the value's first character (the opening quote of a string). */
  column: number
}

export type KeyPath = ReadonlyArray<string | number>

export function pathKey(path: KeyPath): string {
  return path.join('\u0000')
}

/**
 * The deepest key path recorded. The readers ask for declarations at most seven deep
 * (`tool/poetry/group/<g>/dependencies/<name>/<index>`); deeper values are scanned over but not
 * recorded, so a document of a million dotted keys or nested arrays costs one pass, not one copy
 * of a million-long path per value.
 */
export const MAX_RECORDED_DEPTH = 8

/**
 * Positions by pathKey; a table opened by a header is at its header. Expects text smol-toml has
 * parsed; on anything else it stops early rather than guess. Linear in the length of the text.
 */
export function valuePositions(text: string): Map<string, ValuePosition> {
  const positions = new Map<string, ValuePosition>()
  const arrayCounts = new Map<string, number>()
  let pos = 0
  let line = 1
  let lineStart = 0

  const moveTo = (target: number) => {
    for (let index = pos; index < target && index < text.length; index++) {
      if (text.charCodeAt(index) === 10) {
        line++
        lineStart = index + 1
      }
    }
    pos = Math.min(target, text.length)
  }
  const skipBlank = (newlines: boolean) => {
    for (;;) {
      const char = text[pos]
      if (char === ' ' || char === '\t' || (newlines && (char === '\n' || char === '\r')))
        moveTo(pos + 1)
      else if (newlines && char === '#') moveTo(lineEnd(pos))
      else return
    }
  }
  const lineEnd = (from: number) => {
    const end = text.indexOf('\n', from)
    return end === -1 ? text.length : end
  }
  /** End (exclusive) of the string starting at pos. */
  const stringEnd = (): number => {
    const quote = text[pos]!
    const triple = text.startsWith(quote.repeat(3), pos)
    let index = pos + (triple ? 3 : 1)
    while (index < text.length) {
      if (quote === '"' && text[index] === '\\') index += 2
      else if (triple && text.startsWith(quote.repeat(3), index)) {
        // Up to two more quotes just before the closing ones belong to the string.
        let end = index + 3
        while (end < index + 5 && text[end] === quote) end++
        return end
      } else if (!triple && text[index] === quote) return index + 1
      else index++
    }
    return text.length
  }
  const readKey = (): string[] => {
    const keys: string[] = []
    for (;;) {
      skipBlank(false)
      const char = text[pos]
      if (char === '"' || char === "'") {
        const end = stringEnd()
        keys.push(decodeKey(text.slice(pos, end)))
        moveTo(end)
      } else {
        let end = pos
        while (end < text.length && isBareKeyChar(text.charCodeAt(end))) end++
        if (end === pos) return keys
        keys.push(text.slice(pos, end))
        pos = end // a bare key holds no newline
      }
      skipBlank(false)
      if (text[pos] !== '.') return keys
      moveTo(pos + 1)
    }
  }
  /** `path` is undefined below MAX_RECORDED_DEPTH: nothing there is recorded. */
  const readValue = (path: KeyPath | undefined): void => {
    if (path) positions.set(pathKey(path), { line, column: pos - lineStart + 1 })
    const char = text[pos]
    if (char === '"' || char === "'") return moveTo(stringEnd())
    if (char === '[') {
      moveTo(pos + 1)
      for (let index = 0; ; index++) {
        skipBlank(true)
        if (text[pos] === ']' || pos >= text.length) return moveTo(pos + 1)
        const start = pos
        readValue(below(path, [index]))
        skipBlank(true)
        if (text[pos] === ',') moveTo(pos + 1)
        else if (pos === start) return // not TOML after all: stop rather than loop
      }
    }
    if (char === '{') {
      moveTo(pos + 1)
      for (;;) {
        skipBlank(false)
        if (text[pos] === '}' || pos >= text.length) return moveTo(pos + 1)
        if (!readKeyValue(path)) return
        skipBlank(false)
        if (text[pos] === ',') moveTo(pos + 1)
      }
    }
    // number, boolean or date-time (which may contain a space)
    let end = pos
    while (end < text.length && !',]}\n#'.includes(text[end]!)) end++
    moveTo(end)
  }
  /** `key = value` at pos, its value under `table`; false when no key starts there. */
  const readKeyValue = (table: KeyPath | undefined): boolean => {
    const keys = readKey()
    if (keys.length === 0) return false
    skipBlank(false)
    moveTo(pos + 1) // '='
    skipBlank(false)
    readValue(below(table, keys))
    return true
  }

  let table: string[] | undefined = []
  while (pos < text.length) {
    skipBlank(true)
    if (pos >= text.length) break
    if (text[pos] === '[') {
      const header = { line, column: pos - lineStart + 1 }
      const arrayTable = text[pos + 1] === '['
      moveTo(pos + (arrayTable ? 2 : 1))
      // Within an array of tables, `[a.b]` and `[[a.b]]` belong to its latest element: a/<n>/b.
      // Only the keys that can be recorded are resolved: the ones after them change nothing here.
      const resolved: string[] = []
      const keys = readKey()
      for (let index = 0; index < keys.length && resolved.length <= MAX_RECORDED_DEPTH; index++) {
        resolved.push(keys[index]!)
        const count = arrayCounts.get(pathKey(resolved))
        const isThisArray = arrayTable && index === keys.length - 1
        if (count !== undefined && !isThisArray) resolved.push(String(count))
      }
      moveTo(lineEnd(pos))
      if (resolved.length > MAX_RECORDED_DEPTH) {
        table = undefined
      } else if (arrayTable) {
        const index = (arrayCounts.get(pathKey(resolved)) ?? -1) + 1
        arrayCounts.set(pathKey(resolved), index)
        table = [...resolved, String(index)]
      } else {
        table = resolved
      }
      // A table opened by its header starts there.
      if (table && !positions.has(pathKey(table))) positions.set(pathKey(table), header)
      continue
    }
    const start = pos
    if (!readKeyValue(table)) break
    if (pos === start) break // not TOML after all: stop rather than loop
  }
  return positions
}

/** `path` extended by `keys`, or undefined once it is deeper than MAX_RECORDED_DEPTH. */
function below(path: KeyPath | undefined, keys: ReadonlyArray<string | number>) {
  if (path === undefined || path.length + keys.length > MAX_RECORDED_DEPTH) return undefined
  return [...path, ...keys]
}

/** A-Z, a-z, 0-9, '_' and '-'. */
function isBareKeyChar(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x30 && code <= 0x39) ||
    code === 0x5f ||
    code === 0x2d
  )
}

function decodeKey(quoted: string): string {
  const body = quoted.slice(1, -1)
  if (quoted[0] === "'" || !body.includes('\\')) return body
  try {
    return JSON.parse(quoted) as string
  } catch {
    return body
  }
}
