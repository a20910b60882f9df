import { InputError } from '../shared/errors.js'

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

/** `https://user:secret@host/` -> `https://user:***@host/`, so index URLs can be logged. */
export function redactCredentials(text: string): string {
  return text.replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^/\s:@]*:)[^/\s@]*@/gi, '$1***@')
}

/** A short, single-line excerpt of untrusted text for error messages. */
export function excerpt(value: string, max = 60): string {
  // eslint-disable-next-line no-control-regex
  const flat = value.replace(/[\u0000-\u001f\u007f]/g, ' ')
  return flat.length > max ? `${flat.slice(0, max)}…` : flat
}
