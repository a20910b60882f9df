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

/** `1 package`, `2 packages`; irregular nouns give their plural form. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`
}
