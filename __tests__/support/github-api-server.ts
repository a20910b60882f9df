/**
 * A loopback stand-in for the part of GitHub's REST API that issue comments use: list
 * (paginated with a Link header, as GitHub does), create and update, authorised by token.
 * A read-only token gets GitHub's 403 "Resource not accessible by integration"; a body over
 * 65,536 characters gets its 422 validation error.
 *
 * Each token acts as someone: by default an installation token (GITHUB_TOKEN) acting as the
 * `github-actions[bot]` bot, else the user given with `identities`. As on GitHub, GET /user
 * answers an installation token with 403 "Resource not accessible by integration", and
 * GraphQL's `viewer` names the bot. Comments a token creates are authored by its identity;
 * a token with write access may edit anyone's comment, as GitHub lets a collaborator.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { LoopbackServer } from './loopback-server.js'

export interface IssueComment {
  id: number
  body: string
  user: { login: string; type: 'User' | 'Bot' }
  html_url: string
  created_at: string
  updated_at: string
}

const MAX_BODY = 65_536
const INSTALLATION_BOT: IssueComment['user'] = { login: 'github-actions[bot]', type: 'Bot' }

export class GitHubApiServer extends LoopbackServer {
  /** Token to access: what the token may do. */
  readonly tokens = new Map<string, 'write' | 'read'>()
  /** Comments per "owner/repo#number". */
  readonly comments = new Map<string, IssueComment[]>()
  readonly requests: string[] = []
  /** Who a token acts as; a token not listed is an installation token of github-actions[bot]. */
  readonly identities = new Map<string, IssueComment['user']>()
  /** Answer writes with a 422 whose message echoes the request's Authorization header. */
  echoAuthorization = false
  private nextId = 9_000_000
  /** Seeds a comment written by someone else. */
  addComment(issue: string, body: string, login = 'someone'): IssueComment {
    return this.store(issue, body, { login, type: 'User' })
  }

  commentsOn(issue: string): IssueComment[] {
    return this.comments.get(issue) ?? []
  }

  private store(issue: string, body: string, user: IssueComment['user']): IssueComment {
    const id = this.nextId++
    const now = new Date().toISOString()
    const [repo, number] = issue.split('#')
    const comment = {
      id,
      body,
      user,
      html_url: `https://github.com/${repo}/pull/${number}#issuecomment-${id}`,
      created_at: now,
      updated_at: now
    }
    this.comments.set(issue, [...this.commentsOn(issue), comment])
    return comment
  }

  protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const url = new URL(req.url ?? '/', 'http://x')
    this.requests.push(`${req.method} ${url.pathname}${url.search}`)
    const token = /^(?:token|bearer) (.+)$/i.exec(req.headers.authorization ?? '')?.[1]
    const access = token ? this.tokens.get(token) : undefined
    if (!access) {
      return json(res, 401, {
        message: 'Bad credentials',
        documentation_url: 'https://docs.github.com/rest',
        status: '401'
      })
    }
    const forbidden = () =>
      json(res, 403, {
        message: 'Resource not accessible by integration',
        documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
        status: '403'
      })
    const identity = this.identities.get(token!) ?? INSTALLATION_BOT
    if (req.method === 'GET' && url.pathname === '/user') {
      if (identity.type === 'Bot') {
        return json(res, 403, {
          message: 'Resource not accessible by integration',
          documentation_url: 'https://docs.github.com/rest/users/users#get-the-authenticated-user',
          status: '403'
        })
      }
      return json(res, 200, { login: identity.login, id: 583231, type: 'User' })
    }
    if (req.method === 'POST' && url.pathname === '/graphql') {
      const { query } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { query: string }
      if (!/\bviewer\s*\{\s*login\s*\}/.test(query)) {
        return json(res, 200, {
          errors: [{ message: 'This stand-in answers only viewer { login }' }]
        })
      }
      return json(res, 200, { data: { viewer: { login: identity.login } } })
    }
    if (this.echoAuthorization && (req.method === 'POST' || req.method === 'PATCH')) {
      return json(res, 422, {
        message: `Validation Failed for a request with authorization: ${req.headers.authorization}`,
        documentation_url: 'https://docs.github.com/rest',
        status: '422'
      })
    }
    const list = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/.exec(url.pathname)
    if (list) {
      const issue = `${list[1]}/${list[2]}#${list[3]}`
      if (req.method === 'GET') return this.list(issue, url, res)
      if (req.method === 'POST') {
        if (access !== 'write') return forbidden()
        const body = readBody(chunks)
        if (body === undefined) return tooLong(res)
        const comment = this.store(issue, body, identity)
        return json(res, 201, comment)
      }
    }
    const one = /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/.exec(url.pathname)
    if (one && req.method === 'PATCH') {
      if (access !== 'write') return forbidden()
      const repo = `${one[1]}/${one[2]}#`
      const comment = [...this.comments]
        .filter(([issue]) => issue.startsWith(repo))
        .flatMap(([, comments]) => comments)
        .find(c => c.id === Number(one[3]))
      if (!comment) return json(res, 404, { message: 'Not Found', status: '404' })
      const body = readBody(chunks)
      if (body === undefined) return tooLong(res)
      Object.assign(comment, { body, updated_at: new Date().toISOString() })
      return json(res, 200, comment)
    }
    json(res, 404, { message: 'Not Found', status: '404' })
  }

  private list(issue: string, url: URL, res: ServerResponse): void {
    const all = this.commentsOn(issue)
    const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30), 100)
    const page = Number(url.searchParams.get('page') ?? 1)
    const last = Math.max(1, Math.ceil(all.length / perPage))
    const link = (p: number, rel: string) => {
      const target = new URL(url.pathname, this.origin())
      target.searchParams.set('per_page', String(perPage))
      target.searchParams.set('page', String(p))
      return `<${target.href}>; rel="${rel}"`
    }
    const links = [
      ...(page < last ? [link(page + 1, 'next'), link(last, 'last')] : []),
      ...(page > 1 ? [link(1, 'first'), link(page - 1, 'prev')] : [])
    ]
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      ...(links.length ? { link: links.join(', ') } : {})
    })
    res.end(JSON.stringify(all.slice((page - 1) * perPage, page * perPage)))
  }
}

/** The comment body, or undefined when GitHub would refuse it as too long. */
function readBody(chunks: Buffer[]): string | undefined {
  const { body } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { body: string }
  return [...body].length > MAX_BODY ? undefined : body
}

function tooLong(res: ServerResponse): void {
  json(res, 422, {
    message: 'Validation Failed',
    errors: [
      {
        resource: 'IssueComment',
        code: 'custom',
        field: 'body',
        message: 'body is too long (maximum is 65536 characters)'
      }
    ],
    documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
    status: '422'
  })
}

function json(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
  res.end(JSON.stringify(value))
}
