/**
 * The pieces of the job summary and comment: table rows, severity badges, advisory links and
 * links to the line that declares a package. Untrusted text only ever passes escapeMarkdown
 * (or escapeHtml inside HTML blocks); the only live links are ones we build.
 */
import * as path from 'node:path'
import type { Severity } from '../advisories/severity.js'
import type { Location } from '../deps/types.js'
import { escapeMarkdown } from '../shared/escape.js'
import { advisoryUrl, repositoryPath } from '../shared/paths.js'
import { severityLabel } from './order.js'

/** The repository at the run's commit: "declared in" places link to their line there. */
export interface SourceLinkBase {
  /** e.g. https://github.com (GITHUB_SERVER_URL) */
  server: string
  /** owner/name (GITHUB_REPOSITORY) */
  repository: string
  /** The commit (GITHUB_SHA). */
  sha: string
}

// Untrusted text inside an HTML block: the reports take it from here, with the other cells.
export { escapeHtml } from '../shared/escape.js'

const SEVERITY_BADGE: Record<Severity['level'], string> = {
  critical: '🟥',
  high: '🟧',
  medium: '🟨',
  low: '🟩',
  unknown: '⬜'
}

/** "🟨 medium 5.4" */
export function severityCell(severity: Severity): string {
  return `${SEVERITY_BADGE[severity.level]} ${severityLabel(severity)}`
}

export function advisoryLink(id: string): string {
  return `[${escapeMarkdown(id)}](${advisoryUrl(id)})`
}

export function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`
}

export function tableHead(...titles: string[]): string[] {
  return [row(titles), row(titles.map(() => '---'))]
}

/** Places in the repository, as text or as links to their lines at the run's commit. */
export class Places {
  private readonly base: string | undefined

  constructor(
    private readonly repositoryRoot: string,
    sourceLink: SourceLinkBase | undefined
  ) {
    this.base = sourceLink ? blobBase(sourceLink) : undefined
  }

  /** "app/requirements.txt:23", a link to that line when the run's commit is known. */
  at(location: Location): string {
    const shown = repositoryPath(location.file, this.repositoryRoot)
    const text = escapeMarkdown(location.line > 0 ? `${shown}:${location.line}` : shown)
    if (this.base === undefined || !isInside(shown)) return text
    const anchor = location.line > 0 ? `#L${location.line}` : ''
    return `[${text}](${this.base}/${shown.split('/').map(encodeSegment).join('/')}${anchor})`
  }

  /** Every place, one per line of a cell; past `max`, a count of the rest. */
  list(locations: readonly Location[], max = Infinity): string {
    const shown = locations.slice(0, max).map(location => this.at(location))
    if (locations.length > max) shown.push(`and ${locations.length - max} more`)
    return shown.join('<br>')
  }
}

/**
 * `<server>/<owner>/<name>/blob/<sha>`, or undefined when a part is not what GitHub sets
 * (the link must go where it says, and nothing in it may end the Markdown link early).
 */
function blobBase({ server, repository, sha }: SourceLinkBase): string | undefined {
  let url: URL
  try {
    url = new URL(server)
  } catch {
    return undefined
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined
  if (url.username || url.password || url.search || url.hash) return undefined
  if (!/^[\w.-]+\/[\w.-]+$/.test(repository) || !/^[0-9a-f]{7,64}$/i.test(sha)) return undefined
  const origin = `${url.origin}${url.pathname.replace(/\/+$/, '')}`
  if (!/^[\w.:/%-]+$/.test(origin)) return undefined
  return `${origin}/${repository}/blob/${sha}`
}

/** A repository-relative path: not absolute (outside the repository), no `..`. */
function isInside(shown: string): boolean {
  return !path.isAbsolute(shown) && !shown.split('/').includes('..')
}

/** encodeURIComponent leaves ( ) ! ' * as they are; a ')' would end the Markdown link. */
function encodeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(
    /[()!'*]/g,
    char => `%${char.charCodeAt(0).toString(16).toUpperCase()}`
  )
}
