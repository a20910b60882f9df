/**
 * The summary's account of `fix`: the declarations it rewrote, the lockfile pins its tools must
 * upgrade (with the command), what it left and why, and the patch, folded. The patch is file
 * text: it goes in a fenced block whose fence is longer than any run of backticks in it, so no
 * line of it can close the block, and it is cleaned like all untrusted text we print.
 */
import type { FixOutcome } from '../fix/types.js'
import { cleanText, escapeMarkdown } from '../shared/escape.js'
import { repositoryPath } from '../shared/paths.js'
import { plural } from '../shared/text.js'
import { escapeHtml, row, tableHead, type Places } from './markdown-cells.js'

/** Longest patch shown in the summary; the whole patch is in the fix-patch file. */
const MAX_PATCH_CHARACTERS = 30_000
/** A command shown as code only when it is this plain (lockfile-commands.ts makes them so). */
const PLAIN_COMMAND = /^[A-Za-z0-9._=+/:@'"<>!,~^* -]+$/

const NOTE_TITLES = {
  'range-admits': 'Range already admits the fix',
  'range-excludes': 'Range excludes the fix',
  'needs-hand': 'Needs a hand',
  'no-fix': 'No clean version known'
} as const

/** The section's lines; none when the run did not fix. */
export function renderFixSection(
  fix: FixOutcome | undefined,
  places: Places,
  repositoryRoot: string
): string[] {
  if (!fix) return []
  const lines = [`### Fixes (${fix.fixed.length})`, '']
  const files = fix.changedFiles.length
  lines.push(
    fix.fixed.length > 0
      ? `\`fix\` rewrote ${plural(fix.fixed.length, 'declaration')} in ${plural(files, 'file')}; this audit is of the fixed files.`
      : '`fix` changed no file.',
    ''
  )
  if (fix.fixed.length > 0) {
    lines.push(...tableHead('Package', 'From', 'To', 'Declared in', 'Specifier'))
    for (const fixed of fix.fixed) {
      lines.push(
        row([
          escapeMarkdown(fixed.name),
          escapeMarkdown(fixed.version),
          escapeMarkdown(fixed.fixVersion),
          places.at(fixed.location),
          `${escapeMarkdown(fixed.before)} → ${escapeMarkdown(fixed.after)}`
        ])
      )
    }
    lines.push('')
  }
  if (fix.lockfiles.length > 0) {
    lines.push(
      `**Lockfile pins (${fix.lockfiles.length})**: a lockfile is rewritten by its own tool; run each command in the lockfile's directory.`,
      '',
      ...tableHead('Package', 'From', 'To', 'Lockfile', 'Command')
    )
    for (const lock of fix.lockfiles) {
      const directory = repositoryPath(lock.directory, repositoryRoot)
      const constraint = lock.constraint
        ? `<br>first declare ${code(lock.constraint)} in pyproject.toml: its range excludes ${escapeMarkdown(lock.fixVersion)}`
        : ''
      lines.push(
        row([
          escapeMarkdown(lock.name),
          escapeMarkdown(lock.version),
          escapeMarkdown(lock.fixVersion),
          places.at({ file: lock.lockfile, line: 0 }),
          `${code(lock.shown)}${directory === lock.directory ? '' : ` (in ${escapeMarkdown(directory)})`}${constraint}`
        ])
      )
    }
    lines.push('')
  }
  if (fix.notes.length > 0) {
    lines.push(
      `**Not changed (${fix.notes.length})**`,
      '',
      ...tableHead('Package', 'Version', 'Declared in', 'Why')
    )
    for (const note of fix.notes) {
      const target = note.fixVersion ? ` → ${escapeMarkdown(note.fixVersion)}` : ''
      const constraint = note.constraint ? `; declare ${code(note.constraint)}` : ''
      lines.push(
        row([
          escapeMarkdown(note.name),
          `${escapeMarkdown(note.version)}${target}`,
          places.at(note.location),
          `${NOTE_TITLES[note.kind]}: ${escapeMarkdown(note.detail)}${constraint}`
        ])
      )
    }
    lines.push('')
  }
  if (fix.patch !== '') lines.push(...patchBlock(fix.patch, files))
  return lines
}

/** The patch, folded, in a fence no line of it can close. */
export function patchBlock(patch: string, files: number): string[] {
  const cleaned = cleanText(patch, { multiline: true })
  const shown =
    cleaned.length > MAX_PATCH_CHARACTERS
      ? `${cleaned.slice(0, cleaned.lastIndexOf('\n', MAX_PATCH_CHARACTERS) + 1)}… (cut here: the whole patch is in the fix-patch file and the artifact)\n`
      : cleaned
  const fence = '`'.repeat(Math.max(3, longestRun(shown, '`') + 1))
  return [
    `<details><summary>The patch (${escapeHtml(plural(files, 'file'))})</summary>`,
    '',
    `${fence}diff`,
    shown.replace(/\n$/, ''),
    fence,
    '',
    '</details>',
    ''
  ]
}

/** Text as inline code: only plain commands and constraints; anything else escaped as text. */
function code(text: string): string {
  return PLAIN_COMMAND.test(text) && !text.includes('`') ? `\`${text}\`` : escapeMarkdown(text)
}

function longestRun(text: string, character: string): number {
  let longest = 0
  let run = 0
  for (const char of text) {
    run = char === character ? run + 1 : 0
    longest = Math.max(longest, run)
  }
  return longest
}
