import { InputError } from '../shared/errors.js'
import { excerpt, redactCredentials } from '../shared/text.js'
import { nearest } from './suggest.js'

/**
 * Parsers for single input values. Each error is an InputError naming the input
 * (`Input 'name': ...`) and quoting a short, single-line excerpt of what it got.
 */

/** One item per line; blank lines and lines starting with '#' are ignored. */
export function parseList(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map(line => line.trim())
    .filter(line => line !== '' && !line.startsWith('#'))
}

/** YAML 1.2 core schema booleans, as @actions/core's getBooleanInput accepts them. */
export function parseBoolean(name: string, value: string): boolean {
  if (['true', 'True', 'TRUE'].includes(value)) return true
  if (['false', 'False', 'FALSE'].includes(value)) return false
  throw new InputError(name, `expected true or false, got '${excerpt(value)}'`)
}

/**
 * One of `choices` (case-insensitive), or an alias of one (`aliases` maps the alias to it).
 * A near miss is answered with the nearest accepted word.
 */
export function parseChoice<T extends string>(
  name: string,
  value: string,
  choices: readonly T[],
  aliases: Readonly<Record<string, T>> = {}
): T {
  const wanted = value.trim().toLowerCase()
  const found = choices.find(choice => choice === wanted) ?? aliases[wanted]
  if (found !== undefined) return found
  const suggestion = nearest(wanted, [...choices, ...Object.keys(aliases)])
  throw new InputError(
    name,
    `expected one of ${choices.join(', ')}, got '${excerpt(value)}'` +
      (suggestion ? `; did you mean '${suggestion}'?` : '')
  )
}

export function parseHttpUrl(name: string, value: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new InputError(name, `'${excerpt(redactCredentials(value))}' is not a URL`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InputError(
      name,
      `expected an http(s) URL, got '${excerpt(redactCredentials(value))}'`
    )
  }
  return value.replace(/\/+$/, '')
}

export function parsePythonVersion(name: string, value: string): string {
  if (!/^3\.\d{1,2}(\.\d{1,2})?$/.test(value)) {
    throw new InputError(
      name,
      `expected a Python 3 version such as 3.12 or 3.11.7, got '${excerpt(value)}'`
    )
  }
  return value
}

/** A whole number of seconds from `min` to `max`. */
export function parseSeconds(name: string, value: string, min: number, max: number): number {
  const seconds = /^\d{1,9}$/.test(value) ? Number(value) : NaN
  if (!(seconds >= min && seconds <= max)) {
    throw new InputError(
      name,
      `expected a whole number of seconds from ${min} to ${max}, got '${excerpt(value)}'`
    )
  }
  return seconds
}

const HOURS_PER_UNIT: Readonly<Record<string, number>> = { d: 24, h: 1, w: 7 * 24 }

/**
 * An age in days: `7` or `7d` (days), `36h` (hours), `2w` (weeks), up to 5 digits (a century
 * in days); `0` is zero, which the staleness check reads as "off".
 */
export function parseAge(name: string, value: string): number {
  const match = /^(\d{1,5}) ?([dhw]?)$/i.exec(value)
  if (match === null) {
    throw new InputError(
      name,
      `expected a whole number of days (7 or 7d), hours (36h) or weeks (2w), or 0 to turn ` +
        `the check off; got '${excerpt(value)}'`
    )
  }
  const unit = (match[2] || 'd').toLowerCase()
  return (Number(match[1]) * HOURS_PER_UNIT[unit]!) / 24
}

/** Artifact retention: empty or 0 keeps the repository default (undefined). */
export function parseRetentionDays(name: string, value: string): number | undefined {
  if (value === '' || value === '0') return undefined
  if (!/^\d+$/.test(value) || Number(value) > 400) {
    throw new InputError(
      name,
      `expected a whole number of days from 1 to 90 (up to 400 where the repository allows ` +
        `it), got '${excerpt(value)}'`
    )
  }
  return Number(value)
}
