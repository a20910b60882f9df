/**
 * The `scope` input's values. A module of their own: the configuration reads them when a run
 * starts, while judging a change by them (changes.ts) is needed only after the lookup.
 */
import { InputError } from '../shared/errors.js'

export const SCOPES = ['auto', 'all', 'changes'] as const
export type Scope = (typeof SCOPES)[number]

/** The `scope` input; empty means the default, auto. */
export function parseScope(value: string): Scope {
  const text = value.trim().toLowerCase()
  if (text === '') return 'auto'
  const scope = SCOPES.find(candidate => candidate === text)
  if (scope !== undefined) return scope
  throw new InputError(
    'scope',
    `expected one of ${SCOPES.join(', ')}, got ${JSON.stringify(value)}`
  )
}
