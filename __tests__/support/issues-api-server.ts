/**
 * A loopback stand-in for the part of GitHub's REST API that an issue tracker workflow uses:
 * list a repository's issues (filtered by state and label, paginated with a Link header;
 * pull requests are listed too, as GitHub does), read and create labels, create and update
 * issues, and comment on them. Requests need a known token; every request is recorded.
 * Creating an issue with a label that does not exist is refused (422): stricter than needed,
 * so a test shows that the client creates its label first.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { LoopbackServer } from './loopback-server.js'

export interface Issue {
  number: number
  title: string
  body: string
  state: 'open' | 'closed'
  state_reason: string | null
  labels: { name: string }[]
  comments: string[]
  pull_request?: { url: string }
}

/** The fields of the request bodies this server reads. */
interface RequestBody {
  name: string
  color: string
  description: string
  title: string
  body: string
  labels: string[]
  state?: Issue['state']
  state_reason?: string
}

export class IssuesApiServer extends LoopbackServer {
  readonly issues: Issue[] = []
  readonly labels = new Map<string, { name: string; color: string; description: string }>()
  readonly requests: string[] = []
  constructor(
    readonly repo: string,
    private readonly token: string
  ) {
    super()
  }

  addIssue(fields: Partial<Issue> & { title: string }): Issue {
    const issue: Issue = {
      number: this.issues.length + 1,
      body: '',
      state: 'open',
      state_reason: null,
      labels: [],
      comments: [],
      ...fields
    }
    this.issues.push(issue)
    return issue
  }

  /** Requests other than reads. */
  writes(): string[] {
    return this.requests.filter(request => !request.startsWith('GET '))
  }

  protected async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const url = new URL(req.url ?? '/', this.origin())
    this.requests.push(`${req.method} ${url.pathname}`)
    if (req.headers.authorization?.replace(/^(token|bearer) /i, '') !== this.token) {
      return json(res, 401, { message: 'Bad credentials', status: '401' })
    }
    const body = (
      chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {}
    ) as RequestBody
    const base = `/repos/${this.repo}`
    const path = url.pathname.startsWith(`${base}/`) ? url.pathname.slice(base.length) : ''
    const route = `${req.method} ${path.replace(/\/\d+(?=\/|$)/, '/:n').replace(/^\/labels\/.+$/, '/labels/:name')}`
    const issue = this.issues.find(i => i.number === Number(/^\/issues\/(\d+)/.exec(path)?.[1]))

    switch (route) {
      case 'GET /issues':
        return this.list(url, res)
      case 'GET /labels/:name': {
        const label = this.labels.get(decodeURIComponent(path.slice('/labels/'.length)))
        return label ? json(res, 200, label) : json(res, 404, { message: 'Not Found' })
      }
      case 'POST /labels':
        if (this.labels.has(body.name)) return json(res, 422, { message: 'Validation Failed' })
        this.labels.set(body.name, {
          name: body.name,
          color: body.color,
          description: body.description
        })
        return json(res, 201, this.labels.get(body.name))
      case 'POST /issues': {
        const unknown = body.labels.filter(name => !this.labels.has(name))
        if (unknown.length) return json(res, 422, { message: `No such labels: ${unknown}` })
        const created = this.addIssue({
          title: body.title,
          body: body.body,
          labels: body.labels.map(name => ({ name }))
        })
        return json(res, 201, created)
      }
      case 'PATCH /issues/:n':
        if (!issue) return json(res, 404, { message: 'Not Found' })
        // Only what a PATCH may change; labels in a PATCH would be names, not objects.
        Object.assign(issue, {
          ...(body.body !== undefined ? { body: body.body } : {}),
          ...(body.state !== undefined ? { state: body.state } : {}),
          ...(body.state_reason !== undefined ? { state_reason: body.state_reason } : {})
        })
        return json(res, 200, issue)
      case 'POST /issues/:n/comments':
        if (!issue) return json(res, 404, { message: 'Not Found' })
        issue.comments.push(body.body)
        return json(res, 201, { id: issue.comments.length, body: body.body })
    }
    json(res, 404, { message: 'Not Found' })
  }

  private list(url: URL, res: ServerResponse): void {
    const state = url.searchParams.get('state') ?? 'open'
    const label = url.searchParams.get('labels')
    const matching = this.issues.filter(
      issue =>
        (state === 'all' || issue.state === state) &&
        (!label || issue.labels.some(l => l.name === label))
    )
    const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30), 100)
    const page = Number(url.searchParams.get('page') ?? 1)
    const next = new URL(url)
    next.searchParams.set('page', String(page + 1))
    const more = page * perPage < matching.length
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      ...(more ? { link: `<${next.href}>; rel="next"` } : {})
    })
    res.end(JSON.stringify(matching.slice((page - 1) * perPage, page * perPage)))
  }
}

function json(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
  res.end(JSON.stringify(value))
}
