/**
 * Real git repositories for the change-scope tests: commits on main and a feature branch, the
 * merge commit GitHub checks out for a pull request (refs/pull/N/merge), event payloads, and
 * bare remotes to clone shallowly over file://. Nothing reaches the network.
 */
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs/promises'
import * as os from 'node:os'
import * as path from 'node:path'

/** A clean environment for git: no user or system configuration leaks into the test. */
export function gitEnv(home: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: home,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: path.join(home, '.gitconfig'),
    LANG: 'C'
  }
}

export class TestRepo {
  private constructor(
    readonly dir: string,
    readonly env: NodeJS.ProcessEnv
  ) {}

  /** A repository on branch main, with a user name and email set in it. */
  static async create(scratch: string, name = 'repo'): Promise<TestRepo> {
    const dir = path.join(scratch, name)
    await fs.mkdir(dir, { recursive: true })
    const repo = new TestRepo(dir, gitEnv(scratch))
    repo.git('init', '--quiet', '--initial-branch=main')
    repo.git('config', 'user.name', 'Test Author')
    repo.git('config', 'user.email', 'author@example.test')
    repo.git('config', 'commit.gpgsign', 'false')
    return repo
  }

  /** An existing clone (its user is set so it can commit). */
  static open(dir: string, scratch: string): TestRepo {
    const repo = new TestRepo(dir, gitEnv(scratch))
    repo.git('config', 'user.name', 'Test Author')
    repo.git('config', 'user.email', 'author@example.test')
    return repo
  }

  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.dir, env: this.env, encoding: 'utf8' }).trim()
  }

  /** Writes files (null deletes one) relative to the repository, creating directories. */
  async write(files: Record<string, string | null>): Promise<void> {
    for (const [name, content] of Object.entries(files)) {
      const file = path.join(this.dir, name)
      if (content === null) {
        await fs.rm(file, { force: true })
        continue
      }
      await fs.mkdir(path.dirname(file), { recursive: true })
      await fs.writeFile(file, content)
    }
  }

  /** Writes, stages everything and commits; returns the commit id. */
  async commit(message: string, files: Record<string, string | null> = {}): Promise<string> {
    await this.write(files)
    this.git('add', '--all')
    this.git('commit', '--quiet', '--allow-empty', '-m', message)
    return this.head()
  }

  head(): string {
    return this.git('rev-parse', 'HEAD')
  }

  /**
   * What actions/checkout gives a pull_request run: the work tree at a merge of `feature` into
   * `main`, HEAD detached, the merge kept as refs/pull/<n>/merge. Returns the merge commit.
   */
  mergeForPullRequest(feature: string, number = 1): string {
    this.git('checkout', '--quiet', '--detach', 'main')
    this.git(
      'merge',
      '--quiet',
      '--no-ff',
      '--no-edit',
      '-m',
      `Merge ${feature} into main`,
      feature
    )
    const merge = this.head()
    this.git('update-ref', `refs/pull/${number}/merge`, merge)
    return merge
  }
}

export async function scratchDir(): Promise<string> {
  return fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'pyaudit-git-test-')))
}

/** Writes an event payload and returns the variables GitHub sets for it. */
export async function eventEnv(
  scratch: string,
  eventName: string,
  payload: unknown
): Promise<{ GITHUB_EVENT_NAME: string; GITHUB_EVENT_PATH: string }> {
  const file = path.join(scratch, `${eventName}-event.json`)
  await fs.writeFile(file, JSON.stringify(payload))
  return { GITHUB_EVENT_NAME: eventName, GITHUB_EVENT_PATH: file }
}

export function pullRequestPayload(baseSha: string, baseRef = 'main', number = 1): unknown {
  return {
    action: 'synchronize',
    number,
    pull_request: {
      number,
      base: { ref: baseRef, sha: baseSha },
      head: { ref: 'feature', sha: '0'.repeat(40) }
    }
  }
}

/** What a change-scope test needs to know about the work tree: that nothing moved. */
export async function workTreeState(repo: TestRepo): Promise<string> {
  const gitDir = repo.git('rev-parse', '--absolute-git-dir')
  const index = await fs.readFile(path.join(gitDir, 'index')).catch(() => Buffer.alloc(0))
  return JSON.stringify({
    head: repo.git('rev-parse', 'HEAD'),
    // --no-optional-locks: status must not refresh the index it is checking.
    status: repo.git(
      '--no-optional-locks',
      'status',
      '--porcelain=v1',
      '--untracked-files=all',
      '--ignored'
    ),
    index: index.toString('base64')
  })
}
