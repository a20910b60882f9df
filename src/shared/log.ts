/**
 * Where progress messages go. The action writes through @actions/core, the CLI to stderr;
 * pure code takes a Logger so it never touches either directly.
 */
export interface Logger {
  debug(message: string): void
  info(message: string): void
  warning(message: string): void
}

export const silentLogger: Logger = { debug() {}, info() {}, warning() {} }
