import * as core from '@actions/core'
import { vulnerabilityCount, vulnerablePackages } from './audit.js'
import { parseConfig } from './config.js'
import { describeError } from './describe-error.js'
import { runAudit } from './engine.js'
import { actionLogger } from './github/action-logger.js'
import { planAnnotations } from './github/annotations.js'
import { uploadArtifact } from './github/artifact.js'
import { renderMarkdown, plural } from './report/markdown.js'

/** The GitHub Action: inputs from INPUT_* variables, results as outputs, summary, annotations. */
export async function runAction(): Promise<void> {
  try {
    const config = parseConfig(
      name => core.getInput(name),
      { cwd: process.cwd(), env: process.env },
      'action'
    )
    const { result } = await runAudit(config, actionLogger)
    const count = vulnerabilityCount(result)

    core.setOutput('vulnerability-count', count)
    core.setOutput('vulnerable-package-count', vulnerablePackages(result).length)
    core.setOutput('report', config.reportPath ?? '')

    for (const annotation of planAnnotations(result, config.repositoryRoot)) {
      core.error(annotation.message, {
        title: annotation.title,
        ...(annotation.file ? { file: annotation.file } : {}),
        ...(annotation.line ? { startLine: annotation.line } : {})
      })
    }
    if (process.env.GITHUB_STEP_SUMMARY) {
      await core.summary
        .addRaw(renderMarkdown(result, { repositoryRoot: config.repositoryRoot }))
        .write()
    }
    if (config.uploadArtifact && config.reportPath) {
      await uploadArtifact([config.reportPath], process.env, actionLogger, message =>
        core.notice(message)
      )
    }
    if (count > 0) {
      const message = `Found ${plural(count, 'known vulnerability', 'known vulnerabilities')} in ${plural(vulnerablePackages(result).length, 'package')}`
      if (config.failOnVulnerability) core.setFailed(message)
      else core.warning(`${message} (not failing: fail-on-vulnerability is false)`)
    }
  } catch (error) {
    core.setFailed(describeError(error))
  }
}
