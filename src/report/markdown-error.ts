import type { RunError } from './outcome.js'
import { escapeMarkdown } from '../shared/escape.js'

/**
 * The Markdown of a run that ended in error (`result: error`): what went wrong, naming the
 * feed, the input or the file, then what was checked before it and what was not. No count
 * and no pass: what was not checked is not reported clean. Every line may quote a server or a
 * file, so each is escaped.
 */
export function renderRunErrorSection(error: RunError): string[] {
  const list = (title: string, lines: string[]): string[] =>
    lines.length > 0
      ? [`**${title}**`, '', ...lines.map(line => `- ${escapeMarkdown(line)}`), '']
      : []
  return [
    '### ⛔ Error: the audit could not finish',
    '',
    `> ${escapeMarkdown(error.message)}`,
    '',
    ...list('Checked', error.checked),
    ...list('Not checked', error.notChecked),
    'What was not checked is not reported clean: the step fails until the audit can finish.'
  ]
}

/** The whole job summary (and pull-request comment) of a run that ended in error. */
export function renderRunError(error: RunError): string {
  return ['## Python dependency audit', '', ...renderRunErrorSection(error), ''].join('\n')
}
