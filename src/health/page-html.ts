/**
 * A PEP 503 HTML project page, for indexes that do not serve PEP 691 JSON: one anchor per
 * file (the file name is the last segment of its href, a `#sha256=` fragment gives the digest,
 * PEP 592's `data-yanked` marks it yanked with the attribute's value as the reason), PEP 629's
 * `pypi:repository-version` meta tag, and PEP 792's `pypi:project-status` and
 * `pypi:project-status-reason` meta tags. The page is untrusted: it is scanned once, tag by
 * tag, with quotes respected (some indexes leave `>` unescaped in data-requires-python).
 */
import { checkApiVersion } from './page-json.js'
import { projectFacts, readProjectStatus, readSha256, type ListedFile } from './project-facts.js'
import type { ProjectFacts } from './types.js'

interface Tag {
  name: string
  attributes: Map<string, string>
  /** Text after the tag up to the next '<' (an anchor's text). */
  text: string
}

export function parseHtmlProjectPage(
  body: string,
  normalizedName: string,
  wanted: readonly string[]
): ProjectFacts {
  const files: ListedFile[] = []
  const meta = new Map<string, string>()
  for (const tag of tags(body)) {
    if (tag.name === 'meta') {
      const name = tag.attributes.get('name')?.toLowerCase()
      const content = tag.attributes.get('content')
      if (name !== undefined && content !== undefined && !meta.has(name)) meta.set(name, content)
    } else if (tag.name === 'a') {
      const file = anchorFile(tag)
      if (file) files.push(file)
    }
  }
  const version = meta.get('pypi:repository-version')
  // PEP 629: a page without the tag is version 1.0.
  if (version !== undefined) checkApiVersion(version)
  const status = readProjectStatus(
    meta.get('pypi:project-status'),
    meta.get('pypi:project-status-reason')
  )
  return projectFacts(normalizedName, files, status, wanted)
}

function anchorFile(tag: Tag): ListedFile | undefined {
  const href = tag.attributes.get('href')
  const hashAt = href?.indexOf('#') ?? -1
  const path =
    href === undefined ? '' : (hashAt === -1 ? href : href.slice(0, hashAt)).split('?')[0]!
  const filename = percentDecoded(path.slice(path.lastIndexOf('/') + 1)) || tag.text.trim()
  if (filename === '') return undefined
  const fragment = href !== undefined && hashAt !== -1 ? href.slice(hashAt + 1) : ''
  const digest = /^sha256=(.*)$/i.exec(fragment)
  const sha256 = digest ? readSha256(digest[1]) : undefined
  const yanked = tag.attributes.get('data-yanked')
  return { filename, ...(sha256 ? { sha256 } : {}), yanked: yanked ?? false }
}

/** Every start tag, lowercased names, attribute values decoded; comments skipped. */
function* tags(html: string): Generator<Tag> {
  let at = 0
  while (at < html.length) {
    const open = html.indexOf('<', at)
    if (open === -1) return
    if (html.startsWith('<!--', open)) {
      const close = html.indexOf('-->', open + 4)
      if (close === -1) return
      at = close + 3
      continue
    }
    const nameMatch = /^<([A-Za-z][A-Za-z0-9-]*)/.exec(html.slice(open, open + 40))
    if (!nameMatch) {
      at = open + 1
      continue
    }
    const { attributes, end } = readAttributes(html, open + nameMatch[0].length)
    const nextTag = html.indexOf('<', end)
    const text = decodeEntities(html.slice(end, nextTag === -1 ? html.length : nextTag))
    yield { name: nameMatch[1]!.toLowerCase(), attributes, text }
    at = end
  }
}

/** Attributes from `from` to the tag's closing '>'; `end` is just after it. */
function readAttributes(
  html: string,
  from: number
): { attributes: Map<string, string>; end: number } {
  const attributes = new Map<string, string>()
  let at = from
  while (at < html.length) {
    while (at < html.length && /[\s/]/.test(html[at]!)) at++
    if (at >= html.length) break
    if (html[at] === '>') return { attributes, end: at + 1 }
    const nameStart = at
    while (at < html.length && !/[\s/>=]/.test(html[at]!)) at++
    const name = html.slice(nameStart, at).toLowerCase()
    while (at < html.length && /\s/.test(html[at]!)) at++
    let value = ''
    if (html[at] === '=') {
      at++
      while (at < html.length && /\s/.test(html[at]!)) at++
      const quote = html[at]
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, at + 1)
        const valueEnd = close === -1 ? html.length : close
        value = html.slice(at + 1, valueEnd)
        at = valueEnd + 1
      } else {
        const valueStart = at
        while (at < html.length && !/[\s>]/.test(html[at]!)) at++
        value = html.slice(valueStart, at)
      }
    }
    if (name !== '' && !attributes.has(name)) attributes.set(name, decodeEntities(value))
    if (name === '') at++
  }
  return { attributes, end: html.length }
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0'
}

function decodeEntities(text: string): string {
  if (!text.includes('&')) return text
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (whole, entity: string) => {
    if (entity[0] !== '#') return NAMED_ENTITIES[entity.toLowerCase()] ?? whole
    const code =
      entity[1] === 'x' || entity[1] === 'X'
        ? parseInt(entity.slice(2), 16)
        : parseInt(entity.slice(1), 10)
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
  })
}

function percentDecoded(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}
