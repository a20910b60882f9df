/**
 * The README's tables of inputs and outputs, generated from action.yml so the two never
 * disagree. `npx tsx scripts/action-tables.ts` rewrites README.md between the markers;
 * a test fails when README.md is not what this would write.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'

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

export function withTables(readme: string, tables: { inputs: string; outputs: string }): string {
  const replace = (text: string, marker: string, table: string): string => {
    const pattern = new RegExp(`(<!-- ${marker}:start -->\\n)[\\s\\S]*?(<!-- ${marker}:end -->)`)
    if (!pattern.test(text)) throw new Error(`README.md has no ${marker} markers`)
    return text.replace(pattern, (_m, start: string, end: string) => `${start}${table}\n${end}`)
  }
  return replace(replace(readme, 'inputs', tables.inputs), 'outputs', tables.outputs)
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const readmePath = path.join(ROOT, 'README.md')
  const tables = actionTables(readFileSync(path.join(ROOT, 'action.yml'), 'utf8'))
  writeFileSync(readmePath, withTables(readFileSync(readmePath, 'utf8'), tables))
}
