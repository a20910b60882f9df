/**
 * Errors a user can act on. Anything thrown that is not a PyauditError is a bug in this
 * tool; run() still reports it without a stack trace, but says so.
 */
export class PyauditError extends Error {
  override readonly name: string = 'PyauditError'
}

/** An action input (or CLI flag) with a value we cannot use. */
export class InputError extends PyauditError {
  override readonly name = 'InputError'
  constructor(
    readonly input: string,
    detail: string
  ) {
    super(`Input '${input}': ${detail}`)
  }
}

export interface FilePosition {
  /** Path as the user would recognise it (relative to the working directory where possible). */
  file: string
  line?: number
  column?: number
}

/** A dependency file we cannot read or parse. */
export class ParseError extends PyauditError {
  override readonly name = 'ParseError'
  constructor(
    readonly position: FilePosition,
    readonly detail: string
  ) {
    super(`${formatPosition(position)}: ${detail}`)
  }
}

/** An advisory feed that could not answer, after retries. The run must fail closed. */
export class FeedError extends PyauditError {
  override readonly name = 'FeedError'
  constructor(
    readonly feed: string,
    detail: string,
    options?: { cause?: unknown }
  ) {
    super(`Advisory feed ${feed} failed: ${detail}`, options)
  }
}

/** What an error says, whatever was thrown. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

export function formatPosition(position: FilePosition): string {
  let text = position.file
  if (position.line !== undefined) text += `:${position.line}`
  if (position.line !== undefined && position.column !== undefined) text += `:${position.column}`
  return text
}
