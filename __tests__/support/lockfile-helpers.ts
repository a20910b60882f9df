import { ParseError } from '../../src/shared/errors.js'

/** The ParseError `action` throws; anything else thrown (or nothing) fails the test. */
export function parseErrorOf(action: () => unknown): ParseError {
  try {
    action()
  } catch (error) {
    if (error instanceof ParseError) return error
    throw error
  }
  throw new Error('expected a ParseError')
}

/** name, version, line and group of each dependency: what lockfile tests compare. */
export const summary = (
  deps: Array<{ name: string; version: string; location: { line: number }; group?: string }>
) => deps.map(d => [d.name, d.version, d.location.line, d.group])
