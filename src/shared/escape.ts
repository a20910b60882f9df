/**
 * Escaping for untrusted text (advisory summaries, package names, file paths) shown in
 * Markdown that GitHub renders with HTML allowed: nothing may become a tag, a link, an
 * image, a table cell break or a heading.
 */
export function escapeMarkdown(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
      .replace(/\r?\n|\r/g, ' ')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/([\\`*_[\]()#!|~@])/g, '\\$1')
  )
}

/** Shortens text to at most `max` characters, on a word boundary when one is near. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text
  const cut = text.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`
}

/** A link only when the URL is plain http(s): never javascript:, data: or relative URLs. */
export function safeUrl(url: string): string | undefined {
  try {
    const parsed = new URL(url)
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined
    return parsed.href.replace(/\(/g, '%28').replace(/\)/g, '%29')
  } catch {
    return undefined
  }
}
