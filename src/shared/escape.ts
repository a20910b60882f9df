/**
 * Untrusted text (advisories, dependency files, server answers) on its way out. Every string
 * we print passes cleanText: no terminal escape sequence, no control or bidi character that
 * could hide or reorder what a reader sees (Trojan Source), no credential. Markdown goes on
 * through escapeMarkdown: nothing may become a tag, a link, an image, a table cell break or a
 * heading.
 */
import { redactCredentials } from './text.js'

/** ANSI escape sequences (CSI, OSC, two-byte ESC sequences, the C1 CSI), removed whole. */
const ANSI_SEQUENCE =
  // eslint-disable-next-line no-control-regex
  /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-Z\\-_]|\u009b[0-?]*[ -/]*[@-~]/g
/** C0 and C1 controls and DEL, except tab, line feed and carriage return (handled apart). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g
/** Bidi embeddings, overrides, isolates and marks (U+202A-U+202E, U+2066-U+2069, LRM, RLM, ALM). */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g
/** Every character the replacements in cleanText act on: escape sequences start with one. */
// eslint-disable-next-line no-control-regex
const TO_CLEAN = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/
/** Invisible, so a broken `://` or `www.` still reads as written, but GFM no longer links it. */
const WORD_JOINER = '\u2060'

export interface CleanOptions {
  /** Keep line breaks (as `\n`); otherwise each becomes a space. Default false. */
  multiline?: boolean
}

/**
 * The one filter for untrusted text we print (summary, comment, annotations, terminal, SARIF,
 * log lines): escape sequences, controls and bidi characters removed, tabs made spaces, then
 * credentials in URLs and registered secrets redacted (after the removal, so a control
 * character inside a secret cannot smuggle it past).
 */
export function cleanText(text: string, options: CleanOptions = {}): string {
  // Nearly every text has none of it: one test instead of five replacements (a report of
  // 1,300 findings cleans ~10,000 cells).
  if (!TO_CLEAN.test(text)) return redactSecrets(text)
  const flat = text
    .replace(ANSI_SEQUENCE, '')
    .replace(CONTROL, '')
    .replace(BIDI, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
  return redactSecrets(options.multiline ? flat : flat.replace(/\n/g, ' '))
}

const secrets = new Set<string>()
let secretPattern: RegExp | undefined
/** Shorter values are left to the runner's masking: redacting them would garble ordinary text. */
const MIN_SECRET_LENGTH = 4

/**
 * Remembers a secret (an API key, a token, a password from a URL) so that redactSecrets hides
 * it wherever it turns up, above all in what a server echoes. Process-wide like the runner's
 * own masking (core.setSecret): a secret learnt anywhere is hidden everywhere. The runner
 * masks only the literal text; we redact before escaping, so `odt_abc` cannot slip through
 * as `odt\_abc`.
 */
export function registerSecret(secret: string): void {
  const value = secret.trim()
  if (value.length < MIN_SECRET_LENGTH || secrets.has(value)) return
  secrets.add(value)
  const alternatives = [...secrets]
    .sort((a, b) => b.length - a.length)
    .map(item => item.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  secretPattern = new RegExp(alternatives.join('|'), 'g')
}

/** Credentials in URLs (`scheme://***@host`) and every registered secret replaced by `***`. */
export function redactSecrets(text: string): string {
  const withoutUrlCredentials = text.includes('@') ? redactCredentials(text) : text
  return secretPattern ? withoutUrlCredentials.replace(secretPattern, '***') : withoutUrlCredentials
}

/**
 * The secret parts of the URLs in a text: each password, and the user where there is no
 * password (a token is often given as the user: `https://TOKEN@host`). Well-known account
 * names that carry no secret (`git@github.com`) are not. Both the written (percent-encoded)
 * and the decoded form, as either may be printed.
 */
export function urlSecrets(text: string): string[] {
  const found = new Set<string>()
  for (const match of text.matchAll(/\b[a-z][a-z0-9+.-]*:\/\/([^/?#\s]*)@/gi)) {
    const userinfo = match[1] ?? ''
    const colon = userinfo.indexOf(':')
    const user = colon < 0 ? userinfo : userinfo.slice(0, colon)
    const password = colon < 0 ? '' : userinfo.slice(colon + 1)
    const secret = password || (PUBLIC_USERS.has(user.toLowerCase()) ? '' : user)
    if (!secret) continue
    found.add(secret)
    found.add(decodeOrSelf(secret))
  }
  return [...found]
}

const PUBLIC_USERS = new Set(['git', 'hg', 'svn', 'anonymous', 'ftp'])

function decodeOrSelf(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/**
 * Untrusted text as Markdown that GitHub renders with HTML allowed: cleaned, one line, every
 * character with a meaning escaped, and bare URLs, `www.` names and e-mail addresses broken
 * with an invisible word joiner so that GFM's autolinks do not make them live links.
 */
export function escapeMarkdown(text: string): string {
  const escaped = htmlEntities(cleanText(text)).replace(/([\\`*_[\]()#!|~@])/g, '\\$1')
  return breakAutolinks(escaped).replace(/\\@/g, `\\@${WORD_JOINER}`)
}

/**
 * Untrusted text inside an HTML block (a `<summary>`), where Markdown is not read: cleaned,
 * HTML-escaped, and with URLs, `www.` names and addresses broken as escapeMarkdown breaks them.
 */
export function escapeHtml(text: string): string {
  return breakAutolinks(htmlEntities(cleanText(text))).replace(/@/g, `@${WORD_JOINER}`)
}

/** The characters that could open a tag or an entity, or close an attribute, as entities. */
function htmlEntities(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}

/** `://` and `www.` broken with the word joiner, so that GFM's autolinks do not link them. */
function breakAutolinks(text: string): string {
  return text.replace(/:\/\//g, `:${WORD_JOINER}//`).replace(/\b(www)\./gi, `$1${WORD_JOINER}.`)
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
