import * as path from 'node:path'

/** The `__tests__` folder, so that tests at any depth find `fixtures/` the same way. */
export const TESTS_DIR = path.resolve(import.meta.dirname, '..')
/** The repository's root. */
export const REPO_ROOT = path.resolve(TESTS_DIR, '..')
