import { PyauditError } from './errors.js'

/**
 * One message a user can act on, never a stack trace. Anything that is not one of our
 * own errors is a bug, and says so.
 */
export function describeError(error: unknown): string {
  if (error instanceof PyauditError) return error.message
  const detail = error instanceof Error ? error.message : String(error)
  return `Unexpected error: ${detail}. This is a bug in pyaudit-action; please report it with this message.`
}
