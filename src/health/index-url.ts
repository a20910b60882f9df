/**
 * Package index URLs as the health check uses them: credentials taken out of the URL into an
 * Authorization header (undici would not send userinfo, and it must never be printed), a form
 * safe to show in messages, and the project page of a name.
 */
import { FeedError } from '../shared/errors.js'

export const DEFAULT_INDEX_URL = 'https://pypi.org/simple/'

export interface IndexLocation {
  /** For messages: no userinfo (`***@` marks that there was some), no query, no fragment. */
  display: string
  /** The base URL without credentials, ending in '/'. */
  base: string
  /** `Basic …` built from the URL's userinfo, as pip sends it; absent without userinfo. */
  authorization?: string
}

/** How an index is named in FeedErrors: "package index https://pypi.org/simple/". */
export function indexFeedName(index: IndexLocation): string {
  return `package index ${index.display}`
}

/**
 * A FeedError (the run fails closed, as for any feed) that says what failed in its own words:
 * "Package index https://pypi.org/simple/ failed: …", not "Advisory feed …".
 */
export class PackageIndexError extends FeedError {
  constructor(feed: string, detail: string) {
    super(feed, detail)
    this.message = `${feed.charAt(0).toUpperCase()}${feed.slice(1)} failed: ${detail}`
  }
}

/**
 * Reads an index URL. A URL that does not parse, or is not http(s), is a FeedError that does
 * not repeat the text: it may hold a password.
 */
export function parseIndexUrl(url: string): IndexLocation {
  let parsed: URL
  try {
    parsed = new URL(url.trim())
  } catch {
    throw new PackageIndexError('package index (URL not shown)', 'the index URL is not a valid URL')
  }
  const hadUserinfo = parsed.username !== '' || parsed.password !== ''
  const authorization = hadUserinfo ? basicAuthorization(parsed) : undefined
  parsed.username = ''
  parsed.password = ''
  parsed.hash = ''
  const shown = new URL(parsed.href)
  shown.search = ''
  const display = hadUserinfo ? shown.href.replace('://', '://***@') : shown.href
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new PackageIndexError(`package index ${display}`, 'the index URL must be http or https')
  }
  if (!parsed.pathname.endsWith('/')) parsed.pathname += '/'
  return { display, base: parsed.href, ...(authorization ? { authorization } : {}) }
}

/**
 * The configured indexes in the order asked: `indexUrl` (else PyPI), then each extra one not
 * already in the list.
 */
export function indexLocations(
  indexUrl: string | undefined,
  extraIndexUrls: readonly string[] = []
): IndexLocation[] {
  const locations: IndexLocation[] = []
  for (const url of [indexUrl ?? DEFAULT_INDEX_URL, ...extraIndexUrls]) {
    const location = parseIndexUrl(url)
    const duplicate = locations.some(
      known => known.base === location.base && known.authorization === location.authorization
    )
    if (!duplicate) locations.push(location)
  }
  return locations
}

/** PEP 503: `<base>/<normalized-name>/`. The base's query, if any, is kept after the path. */
export function projectPageUrl(index: IndexLocation, normalizedName: string): string {
  return projectPageTarget(index, normalizedName).href
}

/** projectPageUrl as a URL, for a client that reads its parts. */
export function projectPageTarget(index: IndexLocation, normalizedName: string): URL {
  const url = new URL(index.base)
  url.pathname = `${url.pathname}${encodeURIComponent(normalizedName)}/`
  return url
}

function basicAuthorization(url: URL): string {
  const credentials = `${percentDecoded(url.username)}:${percentDecoded(url.password)}`
  return `Basic ${Buffer.from(credentials).toString('base64')}`
}

/** A stray `%` that starts no escape is kept as it is, as pip's unquote does. */
function percentDecoded(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}
