/**
 * action.yml's inputs, written from the input table (src/config/inputs.ts), and the README's
 * tables of inputs and outputs, written from action.yml, so that none of them disagree.
 * `npx tsx scripts/action-tables.ts` rewrites action.yml's `inputs:` block, then README.md
 * between the markers; tests fail when either is not what this would write.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'
import { actionDefault, INPUT_GROUPS, type InputRow } from '../src/config/input-kinds.js'
import { INPUTS } from '../src/config/inputs.js'

interface ActionYaml {
  inputs: Record<string, { description: string; default?: string; required?: boolean }>
  outputs: Record<string, { description: string }>
}

const ROOT = path.resolve(import.meta.dirname, '..')

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ')
}

export function actionTables(actionYml: string): { inputs: string; outputs: string } {
  const action = parse(actionYml) as ActionYaml
  const inputs = [
    '| input | default | description |',
    '| --- | --- | --- |',
    ...Object.entries(action.inputs).map(
      ([name, input]) =>
        `| \`${name}\` | ${input.default ? `\`${cell(input.default)}\`` : ''} | ${cell(input.description)} |`
    )
  ].join('\n')
  const outputs = [
    '| output | description |',
    '| --- | --- |',
    ...Object.entries(action.outputs).map(
      ([name, output]) => `| \`${name}\` | ${cell(output.description)} |`
    )
  ].join('\n')
  return { inputs, outputs }
}

/** A YAML string in single quotes, or in double quotes when that reads better (OSV's). */
function yamlString(text: string): string {
  if (text.includes("'") && !/["\\]/.test(text)) return `"${text}"`
  return `'${text.replace(/'/g, "''")}'`
}

/** action.yml's `inputs:` block: every row of the table, under a comment naming its group. */
export function actionInputs(): string {
  const lines = ['inputs:']
  let group = ''
  for (const [name, row] of Object.entries(INPUTS as Record<string, InputRow>)) {
    if (row.group !== group) {
      group = row.group
      lines.push(`  # ${INPUT_GROUPS[row.group]}`)
    }
    lines.push(
      `  ${name}:`,
      `    description: ${yamlString(row.description)}`,
      '    required: false',
      `    default: ${yamlString(actionDefault(row))}`
    )
  }
  return `${lines.join('\n')}\n`
}

/** action.yml with its `inputs:` block (up to the blank line before `outputs:`) replaced. */
export function withInputs(actionYml: string, inputs: string): string {
  const pattern = /^inputs:\n[\s\S]*?\n(?=\noutputs:)/m
  if (!pattern.test(actionYml)) throw new Error('action.yml has no inputs: block before outputs:')
  return actionYml.replace(pattern, () => inputs)
}

export function withTables(readme: string, tables: { inputs: string; outputs: string }): string {
  const replace = (text: string, marker: string, table: string): string => {
    const pattern = new RegExp(`(<!-- ${marker}:start -->\\n)[\\s\\S]*?(<!-- ${marker}:end -->)`)
    if (!pattern.test(text)) throw new Error(`README.md has no ${marker} markers`)
    return text.replace(pattern, (_m, start: string, end: string) => `${start}${table}\n${end}`)
  }
  return replace(replace(readme, 'inputs', tables.inputs), 'outputs', tables.outputs)
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const actionPath = path.join(ROOT, 'action.yml')
  const actionYml = withInputs(readFileSync(actionPath, 'utf8'), actionInputs())
  writeFileSync(actionPath, actionYml)
  const readmePath = path.join(ROOT, 'README.md')
  const tables = actionTables(actionYml)
  writeFileSync(readmePath, withTables(readFileSync(readmePath, 'utf8'), tables))
}
