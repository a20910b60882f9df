import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { materialiseCommitFiles } from '../../../src/integrations/git/base-tree.js'
import { GitError } from '../../../src/integrations/git/run-git.js'
import { scratchDir, TestRepo, workTreeState } from './git-fixture.js'

let scratch: string
beforeEach(async () => {
  scratch = await scratchDir()
})
afterEach(async () => {
  await fs.rm(scratch, { recursive: true, force: true })
})

async function listFiles(root: string): Promise<string[]> {
  const entries = await fs.readdir(root, { recursive: true, withFileTypes: true })
  return entries
    .filter(entry => entry.isFile() || entry.isSymbolicLink())
    .map(entry =>
      path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/')
    )
    .sort()
}

describe('materialiseCommitFiles', () => {
  test('copies the wanted files of a commit byte for byte, leaving HEAD, index and work tree alone', async () => {
    const repo = await TestRepo.create(scratch)
    const crlf = 'requests==2.19.1\r\n# caf\u00e9\r\n'
    const base = await repo.commit('Base', {
      'requirements.txt': crlf,
      'sub/dir/uv.lock': 'version = 1\n',
      'README.md': '# not wanted\n'
    })
    await repo.commit('Later', { 'requirements.txt': 'requests==2.31.0\n', 'new.txt': 'x\n' })
    await repo.write({ 'requirements.txt': 'uncommitted edit\n' })
    const before = await workTreeState(repo)

    const destination = path.join(scratch, 'copy')
    const result = await materialiseCommitFiles(base, {
      repositoryTop: repo.dir,
      env: repo.env,
      destination,
      wanted: file => file !== 'README.md'
    })
    expect(result).toEqual({ written: ['requirements.txt', 'sub/dir/uv.lock'], tooLarge: [] })
    expect(await listFiles(destination)).toEqual(['requirements.txt', 'sub/dir/uv.lock'])
    expect(await fs.readFile(path.join(destination, 'requirements.txt'), 'utf8')).toBe(crlf)
    expect(await workTreeState(repo)).toBe(before)
    expect(await fs.readFile(path.join(repo.dir, 'requirements.txt'), 'utf8')).toBe(
      'uncommitted edit\n'
    )
  })

  test('symbolic links are not followed or copied; files over the size limit are listed, not copied', async () => {
    const repo = await TestRepo.create(scratch)
    await repo.write({ 'big.txt': 'x'.repeat(100), 'small.txt': 'ok\n' })
    await fs.symlink('/etc/passwd', path.join(repo.dir, 'requirements.txt'))
    const base = await repo.commit('Base')
    expect(repo.git('ls-tree', base, 'requirements.txt')).toMatch(/^120000 blob/)

    const destination = path.join(scratch, 'copy')
    const result = await materialiseCommitFiles(base, {
      repositoryTop: repo.dir,
      env: repo.env,
      destination,
      wanted: () => true,
      limits: { fileBytes: 50 }
    })
    expect(result).toEqual({ written: ['small.txt'], tooLarge: ['big.txt'] })
    expect(await listFiles(destination)).toEqual(['small.txt'])
  })

  test('a commit with more candidate files than the limits allow is refused whole', async () => {
    const repo = await TestRepo.create(scratch)
    const base = await repo.commit('Base', { 'a.txt': 'a\n', 'b.txt': 'b\n', 'c.txt': 'c\n' })
    const options = { repositoryTop: repo.dir, env: repo.env, wanted: () => true }
    await expect(
      materialiseCommitFiles(base, {
        ...options,
        destination: path.join(scratch, 'one'),
        limits: { files: 2 }
      })
    ).rejects.toThrow(
      new GitError(
        'the base has 3 candidate dependency files (0 MiB), over the limit of 2 files or 512 MiB'
      )
    )
    await expect(
      materialiseCommitFiles(base, {
        ...options,
        destination: path.join(scratch, 'two'),
        limits: { totalBytes: 5 }
      })
    ).rejects.toThrow(GitError)
  })

  test('many files are read in one git process and land at their own paths', async () => {
    const repo = await TestRepo.create(scratch)
    const files: Record<string, string> = {}
    for (let i = 0; i < 300; i++) files[`pkgs/p${i}/requirements.txt`] = `package-${i}==1.0.${i}\n`
    const base = await repo.commit('Base', files)
    const destination = path.join(scratch, 'copy')
    const result = await materialiseCommitFiles(base, {
      repositoryTop: repo.dir,
      env: repo.env,
      destination,
      wanted: () => true
    })
    expect(result.written).toHaveLength(300)
    for (const i of [0, 150, 299]) {
      expect(await fs.readFile(path.join(destination, `pkgs/p${i}/requirements.txt`), 'utf8')).toBe(
        `package-${i}==1.0.${i}\n`
      )
    }
  })

  test('an unknown commit is a GitError naming it', async () => {
    const repo = await TestRepo.create(scratch)
    await repo.commit('Base', { 'requirements.txt': 'x==1\n' })
    const unknown = 'e'.repeat(40)
    await expect(
      materialiseCommitFiles(unknown, {
        repositoryTop: repo.dir,
        env: repo.env,
        destination: path.join(scratch, 'copy'),
        wanted: () => true
      })
    ).rejects.toThrow(`cannot list the files of ${unknown}`)
  })
})
