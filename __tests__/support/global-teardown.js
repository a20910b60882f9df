import { rmSync } from 'node:fs'
import path from 'node:path'

/** Removes the build of src/ that global-setup.js made for this test run. */
export default function globalTeardown() {
  const build = process.env.PYAUDIT_TEST_BUILD
  if (build) rmSync(path.dirname(build), { recursive: true, force: true })
}
