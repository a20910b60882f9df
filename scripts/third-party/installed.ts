/**
 * What an installed package says about itself: its package.json (name, version, declared license,
 * where it lives) and the license texts it ships at its top level: LICENSE, LICENCE, COPYING and
 * NOTICE files, in any case and with any extension (LICENSE.md, license-MIT, COPYING.LESSER).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { ParseError } from '../../src/shared/errors.js'
import { isObject } from '../../src/shared/json-shape.js'
import { declaredLicense } from './policy.js'
import { compareText } from './lockfile.js'

export interface LicenseFile {
  /** The file name inside the package directory. */
  file: string
  text: string
}

export interface InstalledPackage {
  name: string
  version: string
  /** The declared license (see declaredLicense); null when there is none. */
  license: string | null
  /** The repository's web address, else the homepage; undefined when neither is given. */
  url?: string
  licenseFiles: LicenseFile[]
}

const LICENSE_FILE = /^(licen[cs]e|copying|notice)([._-].*)?$/i

export function isLicenseFileName(file: string): boolean {
  return LICENSE_FILE.test(file)
}

/** Reads the package installed at `installPath` (relative to `root`, as in the lockfile). */
export function readInstalledPackage(root: string, installPath: string): InstalledPackage {
  const directory = path.join(root, installPath)
  const manifestFile = `${installPath}/package.json`
  let text: string
  try {
    text = readFileSync(path.join(directory, 'package.json'), 'utf8')
  } catch {
    throw new ParseError(
      { file: manifestFile },
      'cannot be read: is node_modules installed (npm ci)?'
    )
  }
  let manifest: unknown
  try {
    manifest = JSON.parse(text)
  } catch {
    throw new ParseError({ file: manifestFile }, 'is not valid JSON')
  }
  if (!isObject(manifest) || typeof manifest.name !== 'string') {
    throw new ParseError({ file: manifestFile }, 'has no "name"')
  }
  if (typeof manifest.version !== 'string') {
    throw new ParseError({ file: manifestFile }, 'has no "version"')
  }
  const url = webAddress(manifest)
  return {
    name: manifest.name,
    version: manifest.version,
    license: declaredLicense(manifest),
    ...(url === undefined ? {} : { url }),
    licenseFiles: readLicenseFiles(directory)
  }
}

function readLicenseFiles(directory: string): LicenseFile[] {
  return readdirSync(directory)
    .filter(file => isLicenseFileName(file) && statSync(path.join(directory, file)).isFile())
    .sort(compareText)
    .map(file => ({ file, text: normaliseText(readFileSync(path.join(directory, file), 'utf8')) }))
}

/** The same text on every checkout: no byte order mark, LF line ends, no trailing blank lines. */
export function normaliseText(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/^(?:[ \t]*\n)+/, '')
    .trimEnd()
}

const HOSTS: Record<string, string> = {
  github: 'https://github.com/',
  gitlab: 'https://gitlab.com/',
  bitbucket: 'https://bitbucket.org/',
  gist: 'https://gist.github.com/'
}

/** package.json's `repository` as a browsable address, else its `homepage`. */
export function webAddress(manifest: Record<string, unknown>): string | undefined {
  const repository = manifest.repository
  const declared = isObject(repository) ? repository.url : repository
  if (typeof declared === 'string' && declared.trim() !== '') return repositoryUrl(declared.trim())
  const homepage = manifest.homepage
  return typeof homepage === 'string' && homepage.trim() !== '' ? oneLine(homepage) : undefined
}

function repositoryUrl(declared: string): string {
  const shortcut = /^(github|gitlab|bitbucket|gist):(.+)$/.exec(declared)
  if (shortcut) return oneLine(`${HOSTS[shortcut[1]!]}${shortcut[2]}`)
  if (/^[\w.-]+\/[\w.-]+$/.test(declared)) return `${HOSTS.github}${declared}`
  const url = declared
    .replace(/^git\+/, '')
    .replace(/^git:\/\//, 'https://')
    .replace(/^ssh:\/\/(?:git@)?/, 'https://')
    .replace(/^git@([^:/]+):/, 'https://$1/')
    .replace(/\.git$/, '')
  return oneLine(url)
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
