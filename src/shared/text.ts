/** Small text helpers for messages, shared by every stage and front end. */

/** A short, single-line excerpt of untrusted text for error messages. */
export function excerpt(value: string, max = 60): string {
  // eslint-disable-next-line no-control-regex
  const flat = value.replace(/[\u0000-\u001f\u007f]/g, ' ')
  return flat.length > max ? `${flat.slice(0, max)}…` : flat
}

/**
 * `https://user:secret@host/` -> `https://***@host/`, so URLs can be printed. The whole
 * userinfo goes, user included: a token is often given as the user (`https://TOKEN@host`).
 * It ends at the last `@` before the path, as URL parsers and pip read it.
 */
export function redactCredentials(text: string): string {
  return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^/?#\s]*@/gi, '$1***@')
}

/** One entry of a list input: its text before any `#`, the reason after it, its 1-based line. */
export interface ListEntry {
  entry: string
  reason: string
  line: number
}

/** The entries of a list input, one per line with an optional `# reason`; blank lines skipped. */
export function listEntries(text: string): ListEntry[] {
  const entries: ListEntry[] = []
  text.split(/\r?\n|\r/).forEach((line, index) => {
    const hash = line.indexOf('#')
    const entry = (hash === -1 ? line : line.slice(0, hash)).trim()
    const reason = hash === -1 ? '' : line.slice(hash + 1).trim()
    if (entry !== '') entries.push({ entry, reason, line: index + 1 })
  })
  return entries
}

/** `1 package`, `2 packages`; irregular nouns give their plural form. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`
}
