/**
 * `fix` in the engine: audit once to learn what is vulnerable and what to upgrade to, rewrite
 * the pins in the files that declare them (src/fix/ plans every edit; files are read and
 * written here), then audit the fixed files again, whose outcome the run reports. Lockfiles are
 * left to their tools: the command that upgrades each pin is logged and reported.
 */
import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import type { Config } from '../config/config.js'
import { fixWork, type FixWork, type LockfileSite, type VulnerablePin } from '../fix/targets.js'
import { lockfileCommand, shellLine } from '../fix/lockfile-commands.js'
import { unifiedDiff, type ChangedFile } from '../fix/patch.js'
import { planPyprojectFix } from '../fix/pyproject.js'
import {
  planRequirementsFix,
  sitesWithHashes,
  type FilePlan,
  type HashAnswer
} from '../fix/requirements.js'
import type { FixOutcome, FixTarget, LockfileFix } from '../fix/types.js'
import { lookUpPackageIndexes } from '../health/look-up.js'
import type { AuditOutcome } from '../report/outcome.js'
import { messageOf } from '../shared/errors.js'
import type { Logger } from '../shared/log.js'
import { repositoryPath } from '../shared/paths.js'
import type { EngineRun } from './run-audit.js'

export interface FixContext {
  env: NodeJS.ProcessEnv
  logger: Logger
}

/** Runs the stages once with `config`; `fixes`, when given, goes on the outcome it reports. */
export type RunStages = (config: Config, fixes?: FixOutcome) => Promise<EngineRun>

/** The lockfiles whose project (pyproject.toml beside them) declares the ranges they lock. */
const LOCKS_A_PYPROJECT = new Set(['uv.lock', 'poetry.lock', 'pdm.lock', 'pylock.toml'])

/**
 * Audit, fix, audit again. The first audit only finds what to fix: it writes no report,
 * uploads nothing, asks no package index and reads no license. The second is the run's.
 */
export async function fixThenAuditAgain(
  config: Config,
  runStages: RunStages,
  context: FixContext
): Promise<EngineRun> {
  const first = await runStages(findingsOnly(config))
  const fixes = await applyFixes(first.outcome, config, context)
  if (fixes.changedFiles.length > 0) {
    context.logger.info(
      `Fixed ${fixes.fixed.length} vulnerable ${fixes.fixed.length === 1 ? 'pin' : 'pins'}; auditing the fixed files again`
    )
  }
  return runStages({ ...config, fix: 'off' }, fixes)
}

function findingsOnly(config: Config): Config {
  const outputs = { ...config.outputs }
  delete outputs.reportPath
  delete outputs.sbomPath
  delete outputs.sarifPath
  delete outputs.fixPatchPath
  return {
    ...config,
    fix: 'off',
    scope: 'all',
    baseRef: undefined,
    outputs,
    dependencyTrack: undefined,
    packageHealth: { ...config.packageHealth, enabled: false },
    licenses: { ...config.licenses, source: 'none' }
  }
}

/** Rewrites the vulnerable pins of `outcome` where they are declared; what it did. */
export async function applyFixes(
  outcome: AuditOutcome,
  config: Config,
  context: FixContext
): Promise<FixOutcome> {
  const work = fixWork(vulnerablePins(outcome))
  const files = new FileSet()
  const plans: FilePlan[] = []
  const hashes = await newDigests(work, files, config, context)
  for (const [file, sites] of work.requirements) {
    const text = await files.read(file)
    if (text === undefined) continue
    const plan = planRequirementsFix(text, file, sites, {
      widen: config.fix === 'ranges',
      hashes: target => hashes.get(keyOf(target)) ?? { unavailable: 'the index was not asked' }
    })
    files.update(file, plan.text)
    plans.push(plan)
  }
  for (const [file, targets] of work.pyprojects) {
    const text = await files.read(file)
    if (text === undefined) continue
    const plan = planPyprojectFix(text, file, targets, {
      mode: 'pins',
      widen: config.fix === 'ranges'
    })
    files.update(file, plan.text)
    plans.push(plan)
  }
  const lockfiles = await lockfileFixes(work.lockfiles, files, config, plans)
  const changed = await files.writeChanged(config.repositoryRoot)
  const fixes: FixOutcome = {
    mode: config.fix === 'ranges' ? 'ranges' : 'pins',
    fixed: plans.flatMap(plan => plan.fixed),
    notes: [...work.notes, ...files.unreadable(work), ...plans.flatMap(plan => plan.notes)],
    lockfiles,
    changedFiles: changed.map(file => file.absolute),
    patch: unifiedDiff(changed)
  }
  logFixes(fixes, config.repositoryRoot, context.logger)
  return fixes
}

function vulnerablePins(outcome: AuditOutcome): VulnerablePin[] {
  return outcome.packages
    .filter(pkg => pkg.vulnerabilities.some(vulnerability => !vulnerability.ignored))
    .map(pkg => ({
      name: pkg.name,
      version: pkg.version,
      recommendedVersion: pkg.recommendedVersion ?? null,
      ...(pkg.upgradeNote ? { upgradeNote: pkg.upgradeNote } : {}),
      declarations: pkg.declarations
    }))
}

function keyOf(target: FixTarget): string {
  return `${target.name}==${target.fixVersion}`
}

/**
 * The sha256 digests of every new release a `--hash` line needs, asked of the package indexes
 * in one round (index-url, else PyPI, and each extra-index-url). An air-gapped run asks none.
 */
async function newDigests(
  work: FixWork,
  files: FileSet,
  config: Config,
  context: FixContext
): Promise<Map<string, HashAnswer>> {
  const wanted = new Map<string, FixTarget>()
  for (const [file, sites] of work.requirements) {
    const text = await files.read(file)
    if (text === undefined) continue
    for (const target of sitesWithHashes(text, sites)) wanted.set(keyOf(target), target)
  }
  const answers = new Map<string, HashAnswer>()
  if (wanted.size === 0) return answers
  const { indexUrl, extraIndexUrls } = config.sources
  if (config.feed.advisoryDb !== undefined && indexUrl === undefined) {
    const unavailable = 'no index is asked in an air-gapped run (advisory-db without index-url)'
    for (const key of wanted.keys()) answers.set(key, { unavailable })
    return answers
  }
  const targets = [...wanted.values()]
  try {
    const lookups = await lookUpPackageIndexes(
      targets.map(target => ({ name: target.name, versions: [target.fixVersion] })),
      {
        ...(indexUrl ? { indexUrl } : {}),
        extraIndexUrls,
        env: context.env,
        logger: context.logger,
        requestTimeoutMs: config.requestTimeoutMs
      }
    )
    targets.forEach((target, index) => {
      answers.set(keyOf(target), digestsOf(target, lookups[index]?.answers ?? []))
    })
  } catch (error) {
    const unavailable = `the package index could not be asked (${messageOf(error)})`
    for (const key of wanted.keys()) answers.set(key, { unavailable })
  }
  return answers
}

type IndexAnswers = Awaited<ReturnType<typeof lookUpPackageIndexes>>[number]['answers']

/** Every index's files of the release together, as pip would choose among them. */
function digestsOf(target: FixTarget, answers: IndexAnswers): HashAnswer {
  const digests = new Set<string>()
  for (const answer of answers) {
    if (!answer.found) continue
    for (const release of answer.project.releases) {
      if (release.filesWithoutSha256 > 0) {
        return { unavailable: `the index lists files of ${keyOf(target)} without a sha256` }
      }
      release.sha256.forEach(digest => digests.add(digest))
    }
  }
  if (digests.size === 0) return { unavailable: `the index lists no file of ${keyOf(target)}` }
  return { sha256: [...digests].sort() }
}

/**
 * The command for each lockfile pin, and what the project beside the lockfile declares of it:
 * a range that excludes the fix is named (and widened with `fix: ranges`).
 */
async function lockfileFixes(
  sites: readonly LockfileSite[],
  files: FileSet,
  config: Config,
  plans: FilePlan[]
): Promise<LockfileFix[]> {
  const fixes: LockfileFix[] = []
  const byLockfile = new Map<string, LockfileSite[]>()
  for (const site of sites)
    byLockfile.set(site.lockfile, [...(byLockfile.get(site.lockfile) ?? []), site])
  for (const [lockfile, lockSites] of byLockfile) {
    const directory = path.dirname(lockfile)
    const format = lockSites[0]!.format
    const manifest = path.join(directory, 'pyproject.toml')
    const manifestText = LOCKS_A_PYPROJECT.has(format)
      ? await files.read(manifest, true)
      : undefined
    let plan: FilePlan | undefined
    if (manifestText !== undefined) {
      plan = planPyprojectFix(
        manifestText,
        manifest,
        lockSites.map(site => site.target),
        {
          mode: 'declared',
          widen: config.fix === 'ranges'
        }
      )
      files.update(manifest, plan.text)
      plans.push(plan)
    }
    for (const { target, line } of lockSites) {
      const command = lockfileCommand(
        format,
        lockfile,
        target.name,
        target.fixVersion,
        manifestText !== undefined
      )
      if (typeof command === 'string') {
        plans.push({
          text: '',
          edits: [],
          fixed: [],
          notes: [
            { kind: 'needs-hand', ...target, location: { file: lockfile, line }, detail: command }
          ]
        })
        continue
      }
      const excluded = plan?.notes.find(
        note => note.name === target.name && note.kind === 'range-excludes'
      )
      fixes.push({
        ...target,
        lockfile,
        format,
        command,
        shown: shellLine(command),
        directory,
        ...(excluded?.constraint ? { constraint: excluded.constraint } : {})
      })
    }
  }
  return fixes
}

/** The files a fix reads and changes, each read once, as it was and as it becomes. */
class FileSet {
  private readonly files = new Map<string, { before: string; after: string } | string>()

  /**
   * The file's current text; undefined when it cannot be read as UTF-8 (the reason is kept, and
   * reported for every pin it declares) or, when `optional`, does not exist.
   */
  async read(file: string, optional = false): Promise<string | undefined> {
    let entry = this.files.get(file)
    if (entry === undefined) {
      try {
        const before = new TextDecoder('utf-8', { fatal: true }).decode(await fs.readFile(file))
        entry = { before, after: before }
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code
        if (optional && code === 'ENOENT') return undefined
        entry = code ? `it cannot be read (${code})` : 'it is not UTF-8 text'
      }
      this.files.set(file, entry)
    }
    return typeof entry === 'string' ? undefined : entry.after
  }

  update(file: string, text: string): void {
    const entry = this.files.get(file)
    if (entry !== undefined && typeof entry !== 'string') entry.after = text
  }

  /** Notes for the pins declared in files that could not be read. */
  unreadable(work: FixWork) {
    const reasons = [...this.files].filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string'
    )
    return reasons.flatMap(([file, reason]) => [
      ...(work.requirements.get(file) ?? []).map(site => ({
        kind: 'needs-hand' as const,
        ...site.target,
        location: { file, line: site.line },
        detail: reason
      })),
      ...(work.pyprojects.get(file) ?? []).map(target => ({
        kind: 'needs-hand' as const,
        ...target,
        location: { file, line: 0 },
        detail: reason
      }))
    ])
  }

  /** Writes every file whose text changed; each as the patch names it. */
  async writeChanged(repositoryRoot: string): Promise<Array<ChangedFile & { absolute: string }>> {
    const changed: Array<ChangedFile & { absolute: string }> = []
    for (const [file, entry] of this.files) {
      if (typeof entry === 'string' || entry.before === entry.after) continue
      await fs.writeFile(file, entry.after)
      changed.push({ absolute: file, path: repositoryPath(file, repositoryRoot), ...entry })
    }
    return changed
  }
}

/** The log says what was fixed, what was left and why, and which command upgrades each lockfile pin. */
function logFixes(fixes: FixOutcome, repositoryRoot: string, logger: Logger): void {
  const where = (file: string, line: number): string =>
    `${repositoryPath(file, repositoryRoot)}${line > 0 ? `:${line}` : ''}`
  for (const fixed of fixes.fixed) {
    logger.info(
      `Fixed ${fixed.name} ${fixed.version} -> ${fixed.fixVersion} in ${where(fixed.location.file, fixed.location.line)} ('${fixed.before}' -> '${fixed.after}')`
    )
  }
  for (const note of fixes.notes) {
    const what = note.fixVersion
      ? `${note.name} ${note.version} -> ${note.fixVersion}`
      : `${note.name} ${note.version}`
    logger.info(
      `Not fixed: ${what} in ${where(note.location.file, note.location.line)}: ${note.detail}`
    )
  }
  for (const fix of fixes.lockfiles) {
    const directory =
      path.relative(repositoryRoot, fix.directory) === ''
        ? '.'
        : repositoryPath(fix.directory, repositoryRoot)
    logger.info(
      `${fix.name} ${fix.version} -> ${fix.fixVersion} in ${repositoryPath(fix.lockfile, repositoryRoot)}: run in ${directory}: ${fix.shown}` +
        (fix.constraint ? ` (first declare ${fix.constraint} in pyproject.toml)` : '')
    )
  }
}
