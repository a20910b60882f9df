/**
 * Audits the licenses of the npm packages pyaudit-action ships (see scripts/third-party/) and
 * writes THIRD_PARTY_NOTICES beside dist/; with --check, writes nothing and fails when the audit
 * fails or the committed file is out of date. Exit codes: 0 fine, 1 failed, 2 usage error.
 * Run: npm run notices [-- --check]
 */
import path from 'node:path'
import { InputError } from '../src/shared/errors.js'
import { neutralizeWorkflowCommands } from '../src/integrations/github/workflow-commands.js'
import { compareText } from './third-party/lockfile.js'
import { POLICY_FILE, runNotices, type NoticesMode } from './third-party/run.js'

const ROOT = path.resolve(import.meta.dirname, '..')

const USAGE = `Usage: npm run notices [-- --check]
  (no option)  audit the licenses and write THIRD_PARTY_NOTICES
  --check      audit, and fail if THIRD_PARTY_NOTICES is not what would be written
The allow-list and exceptions are in ${POLICY_FILE}.`

function parseMode(args: readonly string[]): NoticesMode | 'help' {
  if (args.length === 1 && (args[0] === '--help' || args[0] === '-h')) return 'help'
  const unknown = args.find(arg => arg !== '--check')
  if (unknown !== undefined) throw new InputError(unknown, 'unknown option')
  if (args.length > 1) throw new InputError('--check', 'given more than once')
  return args.length === 1 ? 'check' : 'write'
}

function print(stream: NodeJS.WriteStream, text: string): void {
  // Package metadata is untrusted: none of it may read as a workflow command in a CI log.
  stream.write(`${neutralizeWorkflowCommands(text)}\n`)
}

function main(args: readonly string[]): number {
  let mode: NoticesMode | 'help'
  try {
    mode = parseMode(args)
  } catch (error) {
    if (!(error instanceof InputError)) throw error
    print(process.stderr, `error: ${error.message}\n${USAGE}`)
    return 2
  }
  if (mode === 'help') {
    print(process.stdout, USAGE)
    return 0
  }
  const run = runNotices(ROOT, mode)
  const counts = [...run.licenseCounts].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]))
  if (counts.length > 0) {
    print(process.stdout, `Licenses: ${counts.map(([license, n]) => `${license} ${n}`).join(', ')}`)
  }
  for (const finding of run.findings) {
    const stream = finding.level === 'note' ? process.stdout : process.stderr
    print(stream, finding.level === 'note' ? finding.text : `${finding.level}: ${finding.text}`)
  }
  return run.exitCode
}

process.exitCode = main(process.argv.slice(2))
