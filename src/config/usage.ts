/**
 * The CLI's --help, made from the input table: every input is a flag, listed under its group
 * with its default, so a new input shows up here without anyone editing this text.
 */
import { actionDefault, INPUT_GROUPS, type InputRow } from './input-kinds.js'
import { INPUTS } from './inputs.js'

/** A secret on the command line would be in shell history and in `ps`; the environment is not. */
export const API_KEY_VARIABLE = 'DEPENDENCY_TRACK_API_KEY'

const WIDTH = 96
const INDENT = '      '

const INTRODUCTION = `Usage: pyaudit [options] [paths...]

Audits Python dependencies for known vulnerabilities and license problems. Every action input
is a flag of the same name (--name value, --name=value; booleans also --name / --no-name; a
list may be given more than once). Bare arguments are paths.

Examples:
  pyaudit requirements.txt
  pyaudit --advisory-db all.zip --report report.json --sbom sbom.json requirements.txt
  pyaudit --python .venv --license-allow-only 'MIT;BSD-3-Clause;Apache-2.0'
  pyaudit --license-fail-on 'GPL;General Public License' --license-partial-match
      fails on GPL, LGPL and AGPL however spelled (without --license-partial-match, names
      must match whole)
  ${API_KEY_VARIABLE}=... pyaudit --dependency-track-url URL --dependency-track-project NAME
      uploads the SBOM to Dependency-Track, with the key from the environment;
      --dependency-track-wait also lists its findings and policy violations
`

const CLOSING = `Other options:
  --help, -h
      Show this text.
  --version
      Print the version.

Exit codes: 0 passed, 1 failed (findings or violations), 2 error. A Dependency-Track upload
that fails is an error (2), reported after the audit's verdict.
`

/** The whole --help text. */
export function usage(): string {
  const sections = Object.entries(INPUT_GROUPS).map(([group, title]) => {
    const rows = Object.entries(INPUTS as Record<string, InputRow>).filter(
      ([, row]) => row.group === group
    )
    const runnerOnly = rows.length > 0 && rows.every(([, row]) => row.runnerOnly)
    const heading = runnerOnly
      ? `${title} (the GitHub Action acts on these; given here, each is ignored with a warning):`
      : `${title}:`
    return [heading, ...rows.map(([name, row]) => describeFlag(name, row))].join('\n')
  })
  return `${INTRODUCTION}\n${sections.join('\n\n')}\n\n${CLOSING}`
}

function describeFlag(name: string, row: InputRow): string {
  const flag =
    row.kind.type === 'boolean' ? `--${name}, --no-${name}` : `--${name} ${row.placeholder}`
  const notes = [
    ...(actionDefault(row) ? [`default: ${actionDefault(row)}`] : []),
    ...(row.kind.type === 'list' ? ['repeatable'] : []),
    ...(row.cliNote ? [row.cliNote] : []),
    ...(row.runnerOnly ? ['GitHub Action only'] : [])
  ]
  const noted = notes.length > 0 ? `  ${flag}  (${notes.join('; ')})` : `  ${flag}`
  // Notes too long for the flag's line start the description instead.
  const [head, text] =
    noted.length <= WIDTH
      ? [noted, row.description]
      : [`  ${flag}`, `(${notes.join('; ')}) ${row.description}`]
  return [head, ...wrap(text, WIDTH - INDENT.length).map(line => INDENT + line)].join('\n')
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else {
      line = line === '' ? word : `${line} ${word}`
    }
  }
  if (line !== '') lines.push(line)
  return lines
}
