/**
 * What a requirement line names, decided as pip's install_req_from_line does, but without
 * looking at the file system: a PEP 508 requirement, or a URL, VCS or local path requirement.
 */
import { normalizeName } from './names.js'
import { parseRequirement, type Requirement } from './pep508.js'

export type RequirementKind = 'pep508' | 'url' | 'vcs' | 'path'

export interface ClassifiedRequirement {
  kind: RequirementKind
  /** For kind 'pep508' (which includes `name @ url`). */
  requirement?: Requirement
  /** For the other kinds: the marker after pip's separator, and where it starts in the text. */
  marker?: { text: string; offset: number }
  /** For the other kinds: the project name and version pip can infer (#egg=, wheel file name). */
  name?: string
  version?: string
}

const VCS_PREFIXES = ['git', 'hg', 'svn', 'bzr']
const ARCHIVE_EXTENSIONS = [
  '.zip',
  '.whl',
  '.tar.bz2',
  '.tbz',
  '.tar.xz',
  '.txz',
  '.tlz',
  '.tar.lz',
  '.tar.lzma',
  '.tar.gz',
  '.tgz',
  '.tar'
]

/** pip's vcs.all_schemes. */
const VCS_SCHEMES = new Set([
  ...['http', 'https', 'ssh', 'git', 'file'].map(t => `git+${t}`),
  ...['file', 'http', 'https', 'ssh', 'static-http'].map(t => `hg+${t}`),
  'svn',
  ...['ssh', 'http', 'https', 'svn', 'file'].map(t => `svn+${t}`),
  ...['http', 'https', 'ssh', 'sftp', 'ftp', 'lp', 'file'].map(t => `bzr+${t}`)
])

/** pip's get_url_scheme + is_url: the text before the first ':' must be a known scheme. */
function urlScheme(text: string): string | undefined {
  const colon = text.indexOf(':')
  if (colon < 0) return undefined
  const scheme = text.slice(0, colon).toLowerCase()
  return ['http', 'https', 'file', 'ftp'].includes(scheme) || VCS_SCHEMES.has(scheme)
    ? scheme
    : undefined
}

export function urlKind(url: string): Exclude<RequirementKind, 'pep508'> {
  const scheme = url.slice(0, Math.max(0, url.indexOf(':'))).toLowerCase()
  if (VCS_PREFIXES.includes(scheme.split('+')[0]!)) return 'vcs'
  return scheme === 'file' || scheme === '' ? 'path' : 'url'
}

function looksLikePath(text: string): boolean {
  return text.includes('/') || text.includes('\\') || text.startsWith('.')
}

function isArchive(text: string): boolean {
  const lower = text.toLowerCase()
  return ARCHIVE_EXTENSIONS.some(ext => lower.endsWith(ext))
}

/**
 * Classifies the requirement part of a line (`text`, untrimmed). PEP 508 syntax errors propagate
 * as RequirementSyntaxError with columns in `text`.
 */
export function classifyRequirement(text: string): ClassifiedRequirement {
  const scheme = urlScheme(text.trim())
  // pip splits a marker off URLs at '; ' (a URL may contain ';') and off paths at ';'.
  const separator = scheme ? '; ' : ';'
  const cut = text.indexOf(separator)
  const location = (cut < 0 ? text : text.slice(0, cut)).trim()
  const marker = cut < 0 ? undefined : markerAfter(text, cut + separator.length)
  if (scheme) return { kind: urlKind(location), ...inferName(location), ...(marker && { marker }) }

  const at = location.indexOf('@')
  const namedUrl = at >= 0 && !looksLikePath(location.slice(0, at))
  if (!namedUrl && (looksLikePath(location) || isArchive(location))) {
    return { kind: 'path', ...inferName(location), ...(marker && { marker }) }
  }
  return { kind: 'pep508', requirement: parseRequirement(text) }
}

function markerAfter(text: string, offset: number): { text: string; offset: number } | undefined {
  const raw = text.slice(offset)
  const trimmed = raw.trim()
  if (trimmed === '') return undefined
  return { text: trimmed, offset: offset + raw.indexOf(trimmed) }
}

/** The name (and version) pip derives for an unnamed requirement: #egg= or a wheel's file name. */
export function inferName(location: string): { name?: string; version?: string } {
  const egg = /[#&]egg=([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(location)
  if (egg) return { name: normalizeName(egg[1]!) }
  const file = location.split(/[?#]/, 1)[0]!.split(/[/\\]/).pop() ?? ''
  const wheel = /^([^-]+)-([^-]+)-(?:[^-]+-)?[^-]+-[^-]+-[^-]+\.whl$/i.exec(file)
  if (wheel) return { name: normalizeName(wheel[1]!), version: wheel[2]! }
  return {}
}
