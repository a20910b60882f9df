import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { parseConfig, type Config, type InputReader } from './config/config.js'
import { inputValues, type InputName } from './config/inputs.js'
import { cleanText, redactSecrets, registerSecret, urlSecrets } from './shared/escape.js'
import type { Logger } from './shared/log.js'
import { redactCredentials } from './shared/text.js'
import { describeError } from './shared/describe-error.js'
import { sendSbomToDependencyTrack } from './integrations/dependency-track/run.js'
import type { CacheDirectoryStore } from './pipeline/open-feed.js'
import { runAudit, type EngineRun } from './pipeline/run-audit.js'
import { newRunProgress, runError, type RunProgress } from './pipeline/run-error.js'
import { REPORT_WRITERS, type WrittenReports } from './pipeline/write-reports.js'
import { actionLogger } from './integrations/github/action-logger.js'
import {
  actionInput,
  loadActionsCore,
  withActionsCore,
  type ActionsCore
} from './integrations/github/actions-core.js'
import {
  annotationBudget,
  planAnnotations,
  type Annotation
} from './integrations/github/annotations.js'
import { fitSummary } from './integrations/github/summary.js'
import { uploadArtifact } from './integrations/github/artifact.js'
import {
  restoreCacheDir,
  saveCacheDir,
  type RestoredCache
} from './integrations/github/actions-cache.js'
import { commentKey, commentMarkdown, commentOnPullRequest } from './integrations/github/comment.js'
import { matrixLegHash } from './integrations/github/matrix-leg.js'
import type { AuditOutcome, RunError } from './report/outcome.js'
import { summaryCounts } from './report/counts.js'
import { introducedIn, newPackageIssueCount, newVulnerabilityCount } from './report/change-scope.js'
import { renderMarkdown, type MarkdownOptions } from './report/markdown.js'
import { renderRunError } from './report/markdown-error.js'
import { sarifAutomationId } from './report/writers.js'

/** The GitHub Action: inputs from INPUT_* variables, results as outputs, summary, annotations. */
export async function runAction(): Promise<void> {
  const env = process.env
  const read = maskingInputs(name => actionInput(name, env))
  const progress = newRunProgress()
  let config: Config | undefined
  let run: EngineRun
  try {
    config = parseConfig(read, { cwd: process.cwd(), env }, 'action')
    const cacheStore = actionsCacheStore(env)
    run = await runAudit(config, logger, {
      env,
      cacheStore,
      sarifAutomationId: sarifAutomationId(
        path.relative(config.repositoryRoot, config.workingDirectory),
        matrixLegHash(env, discriminators(config))
      ),
      progress,
      // After this turn of the event loop, in which the first connection completes: loading
      // it right away held the first request back on Node 24.
      whileLookingUp: () => setImmediate(() => void loadActionsCore())
    })
  } catch (error) {
    const failure = progress.error ?? runError(error)
    const core = await loadActionsCore()
    await publishError(core, failure, progress, config ?? configDespiteBadInputs(read, env), env)
    return
  }
  const core = await loadActionsCore()
  try {
    const publishError = await publish(core, config, run, env)
    const reasons = [...run.outcome.failureReasons]
    if (publishError !== undefined) reasons.push(describeError(publishError))
    if (reasons.length > 0) core.setFailed(masked(reasons.join(' ')))
  } catch (error) {
    core.setFailed(masked(describeError(error)))
  }
}

/**
 * The outputs that count what a run found. A run that ended in error sets each to '' (and
 * `result` to error): it could not check, so it claims no number, zero least of all.
 */
const COUNT_OUTPUTS = [
  'vulnerability-count',
  'new-vulnerability-count',
  'vulnerable-package-count',
  'license-violation-count',
  'package-issue-count',
  'new-package-issue-count',
  'fixed-count',
  'findings'
]

/**
 * A run that ended in error still answers: `result` is error, the counts are empty, `report`
 * is the incomplete report when one was written, and the job summary, the artifact and the
 * pull-request comment say what went wrong and what was and was not checked. Whatever fails
 * while saying so, the step fails with the error itself.
 */
async function publishError(
  core: ActionsCore,
  failure: RunError,
  progress: RunProgress,
  config: Config | undefined,
  env: NodeJS.ProcessEnv
): Promise<void> {
  try {
    core.setOutput('result', 'error')
    for (const output of COUNT_OUTPUTS) core.setOutput(output, '')
    for (const writer of REPORT_WRITERS) {
      core.setOutput(writer.output, progress.files[writer.input] ?? '')
    }
    const markdown = errorMarkdown(failure, progress, config)
    const summaryFile = summaryFileBeside(progress.files.report)
    if (summaryFile) await fs.writeFile(summaryFile, markdown)
    if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(markdown).write()
    if (config) {
      const artifactUrl = summaryFile
        ? await uploadReports(core, config, progress.files, summaryFile, env)
        : undefined
      if (config.outputs.comment !== 'never') {
        await commentOnPullRequest({
          mode: config.outputs.comment,
          token: config.outputs.githubToken,
          markdown,
          result: 'error',
          key: commentKeyOf(config, env),
          env,
          logger,
          ...(artifactUrl ? { reportUrl: artifactUrl } : {})
        })
      }
    }
  } catch (error) {
    logger.warning(`Could not publish everything about the error: ${describeError(error)}`)
  }
  core.setFailed(masked(failure.message))
}

/** The error first; when the verdict was reached (a report that could not be written), its findings after. */
function errorMarkdown(
  failure: RunError,
  progress: RunProgress,
  config: Config | undefined
): string {
  const markdown = renderRunError(failure)
  if (!progress.outcome || !config) return markdown
  const found = renderMarkdown(progress.outcome, { repositoryRoot: config.repositoryRoot })
  return `${markdown}\n---\n\n**What the audit found before the error:**\n\n${found.replace(/^## .*\n+/, '')}`
}

/**
 * The configuration with each input that does not parse left at its default: what a run whose
 * inputs were refused needs to find and write its pull-request comment. None when even that
 * does not parse.
 */
function configDespiteBadInputs(read: InputReader, env: NodeJS.ProcessEnv): Config | undefined {
  const value = inputValues(read)
  const valid: InputReader = name => {
    try {
      value(name as InputName)
      return read(name)
    } catch {
      return ''
    }
  }
  try {
    return parseConfig(valid, { cwd: process.cwd(), env }, 'action')
  } catch {
    return undefined
  }
}

/** Inputs whose whole value is a secret. */
const SECRET_INPUTS = new Set(['github-token', 'dependency-track-api-key'])
const maskedSecrets = new Set<string>()

/**
 * A secret for the runner's log masking (core.setSecret) and for the redaction of all we print:
 * the runner masks only literal text, which Markdown escaping (`odt\_abc`) would defeat.
 */
function maskSecret(secret: string): void {
  if (secret === '' || maskedSecrets.has(secret)) return
  maskedSecrets.add(secret)
  withActionsCore(core => core.setSecret(secret))
  registerSecret(secret)
}

/**
 * Inputs as they are read, each one's secrets masked before anything can print them: the
 * token and the API key whole, and the credentials of any URL (osv-url, pypi-url, index-url,
 * extra-index-url, dependency-track-url, python...).
 */
function maskingInputs(read: InputReader): InputReader {
  return name => {
    const value = read(name)
    if (SECRET_INPUTS.has(name)) maskSecret(value.trim())
    urlSecrets(value).forEach(maskSecret)
    return value
  }
}

/**
 * Text for the log: the credentials of any URL in it (a requirements file's private index, a
 * `name @ https://user:token@...` requirement) are masked before the line is written, and
 * the line itself is cleaned and redacted.
 */
function masked(text: string): string {
  urlSecrets(text).forEach(maskSecret)
  return cleanText(text, { multiline: true })
}

/** Warnings the step has emitted: each is one of the 10 GitHub shows (see annotationBudget). */
let warningsEmitted = 0

/** Every log line of the run goes through masked. */
const logger: Logger = {
  debug: message => actionLogger.debug(masked(message)),
  info: message => actionLogger.info(masked(message)),
  warning: message => {
    warningsEmitted += 1
    actionLogger.warning(masked(message))
  }
}

/** The advisory cache outlives the run in the Actions cache, where the runner has one. */
function actionsCacheStore(env: NodeJS.ProcessEnv): CacheDirectoryStore {
  let restored: RestoredCache | undefined
  return {
    restore: async dir => {
      restored = await restoreCacheDir(dir, env, logger)
    },
    save: async (dir, changed) => {
      await saveCacheDir(dir, restored, changed, logger)
    }
  }
}

/**
 * Everything the run shows. A Dependency-Track failure is returned, not thrown, so the
 * summary, the artifact and the comment still go out and the verdict is still reported.
 */
async function publish(
  core: ActionsCore,
  config: Config,
  run: EngineRun,
  env: NodeJS.ProcessEnv
): Promise<unknown> {
  const { outcome } = run
  const counts = summaryCounts(outcome)
  // Skipped requirements may name a URL with credentials: masked before anything is printed.
  for (const skip of outcome.skipped) urlSecrets(`${skip.name} ${skip.reason}`).forEach(maskSecret)
  run.warnings.forEach(message => logger.warning(message))
  run.notices.forEach(message => core.notice(masked(message)))

  core.setOutput('vulnerability-count', counts.vulnerabilities)
  core.setOutput('new-vulnerability-count', newVulnerabilityCount(outcome))
  core.setOutput('vulnerable-package-count', counts.vulnerable_packages)
  core.setOutput('license-violation-count', counts.license_violations)
  core.setOutput('package-issue-count', outcome.packageIssues?.length ?? 0)
  core.setOutput('new-package-issue-count', newPackageIssueCount(outcome))
  core.setOutput('fixed-count', outcome.fix?.fixed.length ?? 0)
  core.setOutput('result', outcome.result)
  for (const writer of REPORT_WRITERS) core.setOutput(writer.output, run.files[writer.input] ?? '')
  core.setOutput('findings', redactSecrets(JSON.stringify(compactFindings(outcome))))

  // "Declared in" places link to their lines in the repository at the run's commit.
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_SHA: sha } = env
  const markdownOptions: MarkdownOptions = {
    repositoryRoot: config.repositoryRoot,
    ...(server && repository && sha ? { sourceLink: { server, repository, sha } } : {})
  }
  const markdown = renderMarkdown(outcome, markdownOptions)
  const summaryFile = summaryFileBeside(run.files.report)
  if (summaryFile) await fs.writeFile(summaryFile, markdown)
  let dependencyTrackLine: string | undefined
  let dependencyTrackError: unknown
  try {
    dependencyTrackLine = await sendToDependencyTrack(core, config, run, env)
  } catch (error) {
    dependencyTrackError = error
  }
  if (env.GITHUB_STEP_SUMMARY) {
    await core.summary
      .addRaw(fitSummary(markdown, outcome, markdownOptions))
      .addRaw(dependencyTrackLine ?? '')
      .write()
  }

  const artifactUrl = await uploadReports(core, config, run.files, summaryFile, env)

  if (config.outputs.comment !== 'never') {
    await commentOnPullRequest({
      mode: config.outputs.comment,
      token: config.outputs.githubToken,
      markdown: commentMarkdown(outcome, markdownOptions),
      result: outcome.result,
      key: commentKeyOf(config, env),
      env,
      logger,
      ...(artifactUrl ? { reportUrl: artifactUrl } : {})
    })
  }
  // Last, when every other warning is out and whether the step fails is known.
  const failing = outcome.result !== 'pass' || dependencyTrackError !== undefined
  annotate(
    core,
    planAnnotations(
      outcome,
      config.repositoryRoot,
      annotationBudget({ failing, warnings: warningsEmitted })
    )
  )
  return dependencyTrackError
}

/** The full summary is written beside the JSON report, and uploaded with it. */
function summaryFileBeside(report: string | undefined): string | undefined {
  return report ? path.join(path.dirname(report), 'pyaudit-summary.md') : undefined
}

/** The report files and the full summary as the workflow artifact; its URL once uploaded. */
async function uploadReports(
  core: ActionsCore,
  config: Config,
  written: WrittenReports,
  summaryFile: string | undefined,
  env: NodeJS.ProcessEnv
): Promise<string | undefined> {
  if (!config.outputs.uploadArtifact) return undefined
  const reports = REPORT_WRITERS.filter(writer => writer.inArtifact)
  const files = [...reports.map(writer => written[writer.input]), summaryFile].filter(
    (f): f is string => !!f
  )
  try {
    const artifact = await uploadArtifact(
      files,
      env,
      logger,
      message => core.notice(masked(message)),
      {
        ...(config.outputs.artifactName ? { name: config.outputs.artifactName } : {}),
        ...(config.outputs.retentionDays ? { retentionDays: config.outputs.retentionDays } : {}),
        discriminators: discriminators(config)
      }
    )
    if (!artifact) return undefined
    core.setOutput('artifact-id', artifact.id)
    core.setOutput('artifact-url', artifact.url ?? '')
    return artifact.url
  } catch (error) {
    // A report that did not upload must not hide the verdict: it stays on disk and in the summary.
    logger.warning(describeError(error))
    return undefined
  }
}

function commentKeyOf(config: Config, env: NodeJS.ProcessEnv): string {
  return commentKey(
    env,
    path.relative(config.repositoryRoot, config.workingDirectory),
    discriminators(config)
  )
}

function annotate(core: ActionsCore, annotations: Annotation[]): void {
  for (const annotation of annotations) {
    const properties = {
      title: annotation.title,
      ...(annotation.file ? { file: annotation.file } : {}),
      ...(annotation.line ? { startLine: annotation.line } : {})
    }
    if (annotation.level === 'error') core.error(annotation.message, properties)
    else core.warning(annotation.message, properties)
  }
}

/** Dependency-Track upload; its errors fail the step (the user asked for it), after everything else is out. */
async function sendToDependencyTrack(
  core: ActionsCore,
  config: Config,
  run: EngineRun,
  env: NodeJS.ProcessEnv
): Promise<string | undefined> {
  const upload = await sendSbomToDependencyTrack(config, run.sbom, logger, env)
  if (!upload) return undefined
  const { result } = upload
  core.setOutput('dependency-track-token', result.token)
  core.setOutput('dependency-track-project-uuid', result.projectUuid ?? '')
  const { renderDependencyTrack } = await import('./integrations/dependency-track/markdown.js')
  return renderDependencyTrack(result)
}

function compactFindings(outcome: AuditOutcome): object[] {
  return outcome.packages
    .flatMap(pkg =>
      pkg.vulnerabilities.map(v => ({
        package: pkg.name,
        version: pkg.version,
        id: v.id,
        aliases: v.aliases,
        severity: v.severity.level,
        score: v.severity.score ?? null,
        fix_versions: v.fixVersions,
        recommended_version: pkg.recommendedVersion ?? null,
        malicious: v.malicious,
        ignored: Boolean(v.ignored),
        failing: v.failing,
        ...(outcome.changes ? { introduced: introducedIn(outcome, v) } : {})
      }))
    )
    .slice(0, 1000)
}

function discriminators(config: Config): string[] {
  return [
    path.relative(config.repositoryRoot, config.workingDirectory),
    ...config.sources.paths.map(p => path.relative(config.repositoryRoot, p)),
    config.sources.pythonVersion ?? '',
    redactCredentials(config.sources.python ?? ''),
    // Only when set, so that the legs of existing workflows keep their ids.
    ...(config.sources.platform ? [config.sources.platform] : [])
  ]
}
