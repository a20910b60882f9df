/**
 * The unified diff of the files a fix changed, as `git apply` and reviewers read it: one
 * `--- a/<path>` / `+++ b/<path>` pair per file, three lines of context. jsdiff keeps each
 * line's ending as it was (a CRLF file's hunks keep their `\r`), and marks a last line without
 * a line break.
 */
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff'
import { redactCredentials } from '../shared/text.js'

export interface ChangedFile {
  /** The path the patch names, relative to the repository root, with '/' separators. */
  path: string
  before: string
  after: string
}

/**
 * One patch for every changed file. Credentials in URLs (an index URL in a context line) are
 * redacted: the patch is uploaded and shown, and a credential is never printed.
 */
export function unifiedDiff(files: readonly ChangedFile[]): string {
  return files
    .filter(file => file.before !== file.after)
    .map(file =>
      createTwoFilesPatch(
        `a/${withoutRoot(file.path)}`,
        `b/${withoutRoot(file.path)}`,
        file.before,
        file.after,
        undefined,
        undefined,
        {
          context: 3,
          headerOptions: FILE_HEADERS_ONLY
        }
      )
    )
    .map(redactCredentials)
    .join('')
}

/** A file outside the repository keeps its absolute path, without the leading '/' (`a//x`). */
function withoutRoot(file: string): string {
  return file.replace(/^\/+/, '')
}
