/**
 * The file-system edge of the third-party license audit: reads package-lock.json, the policy,
 * dist/licenses.txt and node_modules under `root`, then writes THIRD_PARTY_NOTICES, or (check
 * mode) compares it with what would be written. The audit failing never writes the file.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { ParseError, PyauditError } from '../../src/shared/errors.js'
import { auditLicenses, showLicense, selectShippedPackages, type Finding } from './audit.js'
import { parseBundledNames } from './bundle.js'
import { readInstalledPackage, type InstalledPackage } from './installed.js'
import { lockedPackages } from './lockfile.js'
import { parsePolicy } from './policy.js'
import { renderNotices } from './render.js'

export const NOTICES_FILE = 'THIRD_PARTY_NOTICES'
export const POLICY_FILE = 'third-party-licenses.json'
export const LOCKFILE = 'package-lock.json'
export const BUNDLE_LICENSES = 'dist/licenses.txt'

export type NoticesMode = 'write' | 'check'

export interface NoticesRun {
  exitCode: 0 | 1
  findings: Finding[]
  /** How many shipped packages declare each license, for the summary. */
  licenseCounts: Map<string, number>
}

export function runNotices(root: string, mode: NoticesMode): NoticesRun {
  const findings: Finding[] = []
  const licenseCounts = new Map<string, number>()
  try {
    const locked = lockedPackages(readJson(root, LOCKFILE), LOCKFILE)
    const policy = parsePolicy(readJson(root, POLICY_FILE), POLICY_FILE)
    const knownNames = new Set(locked.map(entry => entry.name))
    const bundled = parseBundledNames(
      readText(root, BUNDLE_LICENSES, 'run npm run build'),
      knownNames
    )
    const shipped = selectShippedPackages(locked, bundled, policy)
    findings.push(...shipped.findings)

    const installed = new Map<string, InstalledPackage>()
    for (const entry of shipped.packages) {
      try {
        installed.set(entry.path, readInstalledPackage(root, entry.path))
      } catch (error) {
        if (!(error instanceof PyauditError)) throw error
        findings.push({ level: 'error', text: error.message })
      }
    }
    const audit = auditLicenses(shipped.packages, installed, policy)
    findings.push(...audit.findings)
    for (const entry of audit.entries) {
      const license = showLicense(entry.license)
      licenseCounts.set(license, (licenseCounts.get(license) ?? 0) + 1)
    }
    if (!findings.some(finding => finding.level === 'error')) {
      findings.push(
        ...writeOrCompare(root, mode, renderNotices(audit.entries), audit.entries.length)
      )
    }
  } catch (error) {
    if (!(error instanceof PyauditError)) throw error
    findings.push({ level: 'error', text: error.message })
  }
  const failed = findings.some(finding => finding.level === 'error')
  return { exitCode: failed ? 1 : 0, findings, licenseCounts }
}

function writeOrCompare(
  root: string,
  mode: NoticesMode,
  notices: string,
  count: number
): Finding[] {
  const target = path.join(root, NOTICES_FILE)
  if (mode === 'write') {
    writeFileSync(target, notices)
    return [{ level: 'note', text: `Wrote ${NOTICES_FILE}: ${count} packages.` }]
  }
  if (readOptional(target) === notices) {
    return [{ level: 'note', text: `${NOTICES_FILE} is up to date: ${count} packages.` }]
  }
  return [
    {
      level: 'error',
      text: `${NOTICES_FILE} is out of date (it differs from what the dependencies give): run \`npm run notices\` and commit it`
    }
  ]
}

function readText(root: string, file: string, remedy: string): string {
  try {
    return readFileSync(path.join(root, file), 'utf8')
  } catch {
    throw new ParseError({ file }, `cannot be read: ${remedy}`)
  }
}

function readOptional(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return undefined
  }
}

function readJson(root: string, file: string): unknown {
  const text = readText(root, file, 'it is needed to audit the licenses')
  try {
    return JSON.parse(text)
  } catch (error) {
    // V8 names the offset in some versions only; its message may quote the text: one line.
    const message = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ')
    const position = /at position (\d+)/.exec(message)
    if (!position) throw new ParseError({ file }, `is not valid JSON: ${message.slice(0, 200)}`)
    const before = text.slice(0, Number(position[1]))
    const line = before.split('\n').length
    const column = before.length - before.lastIndexOf('\n')
    throw new ParseError({ file, line, column }, 'is not valid JSON')
  }
}
