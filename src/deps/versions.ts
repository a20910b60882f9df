import { explain } from '@renovatebot/pep440'

/**
 * A version in PEP 440 normal form, as Python's `str(Version(...))` prints it (what pip-audit
 * reports and PyPI's URLs use), or the text as written when it is not PEP 440.
 */
export function normalVersion(version: string): string {
  const parsed = explain(version)
  if (!parsed) return version
  return parsed.local ? `${parsed.public}+${parsed.local}` : parsed.public
}
