import { InputError } from '../shared/errors.js'
import { excerpt, redactCredentials } from '../shared/text.js'

/** Parsers for single input values; each error names the input and quotes a short excerpt. */

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

export function parseChoice<T extends string>(
  name: string,
  value: string,
  choices: readonly T[]
): T {
  const wanted = value.toLowerCase()
  const found = choices.find(choice => choice === wanted)
  if (found === undefined) {
    throw new InputError(name, `expected one of ${choices.join(', ')}, got '${excerpt(value)}'`)
  }
  return found
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
