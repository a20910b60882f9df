/**
 * Reads the files that ignore rules come from (ignore-config.ts says which, and parses them).
 * The parser, and the TOML library with it, loads only when one of them exists: a project
 * without them sends its first request without that code.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { PackageCheckIgnoreRule } from '../health/ignore.js'
import { InputError, ParseError } from '../shared/errors.js'
import type { OwnConfig } from './ignore-config.js'
import { parseIgnoreVulnsInput, type IgnoreRule } from './ignores.js'

export const PYAUDIT_CONFIG = '.pyaudit.toml'
export const OSV_SCANNER_CONFIG = 'osv-scanner.toml'

const parser = () => import('./ignore-config.js')

export interface LoadIgnoreOptions {
  workingDirectory: string
  /** The `config` input: a pyaudit config file, relative to the working directory. */
  configPath?: string
  /** The raw `ignore-vulns` input. */
  ignoreVulnsInput: string
}

export async function loadIgnoreRules(options: LoadIgnoreOptions): Promise<IgnoreRule[]> {
  const read = reader(options.workingDirectory)
  const rules = parseIgnoreVulnsInput(options.ignoreVulnsInput)
  const own = await findOwnConfig(read, options.configPath)
  if (own) rules.push(...(await parser()).readOwnTable(own))
  const osvScanner = await read(OSV_SCANNER_CONFIG)
  if (osvScanner.text !== undefined) {
    const { parseOsvScannerConfig } = await parser()
    rules.push(...parseOsvScannerConfig(osvScanner.text, osvScanner.shownFile))
  }
  return rules
}

/**
 * The `[[package-check-ignore]]` entries of our config (the file the `config` input names,
 * else .pyaudit.toml or [tool.pyaudit]); the input's own rules come with the other inputs.
 */
export async function loadPackageCheckIgnoreRules(
  options: Omit<LoadIgnoreOptions, 'ignoreVulnsInput'>
): Promise<PackageCheckIgnoreRule[]> {
  const own = await findOwnConfig(reader(options.workingDirectory), options.configPath)
  return own ? (await parser()).readPackageIgnores(own) : []
}

type Reader = (name: string) => Promise<{ file: string; shownFile: string; text?: string }>

function reader(workingDirectory: string): Reader {
  return async name => {
    const file = path.resolve(workingDirectory, name)
    const shownFile = shown(file, workingDirectory)
    return { file, shownFile, text: await readIfPresent(file, shownFile) }
  }
}

async function findOwnConfig(read: Reader, configPath?: string): Promise<OwnConfig | undefined> {
  if (configPath) {
    const { file, shownFile, text } = await read(configPath)
    if (text === undefined) throw new InputError('config', `file not found: ${file}`)
    const { dotFileConfig, pyprojectConfig } = await parser()
    if (path.basename(file) !== 'pyproject.toml') return dotFileConfig(text, shownFile)
    const own = pyprojectConfig(text, shownFile)
    if (own === undefined) throw new ParseError({ file: shownFile }, 'no [tool.pyaudit] table')
    return own
  }
  const dotFile = await read(PYAUDIT_CONFIG)
  const pyproject = await read('pyproject.toml')
  if (dotFile.text === undefined && pyproject.text === undefined) return undefined
  const { dotFileConfig, pyprojectConfig } = await parser()
  const fromPyproject =
    pyproject.text === undefined ? undefined : pyprojectConfig(pyproject.text, pyproject.shownFile)
  if (dotFile.text === undefined) return fromPyproject
  if (fromPyproject !== undefined) {
    throw new ParseError(
      { file: pyproject.shownFile },
      `[tool.pyaudit] and ${PYAUDIT_CONFIG} both configure pyaudit; keep one of them`
    )
  }
  return dotFileConfig(dotFile.text, dotFile.shownFile)
}

/** Reads a UTF-8 file (BOM dropped); undefined when it does not exist, ParseError otherwise. */
async function readIfPresent(file: string, shownFile: string): Promise<string | undefined> {
  try {
    const text = await readFile(file, 'utf8')
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return undefined
    throw new ParseError({ file: shownFile }, `cannot read file (${code ?? String(error)})`)
  }
}

/** Relative to the working directory when inside it, as the user wrote paths there. */
function shown(file: string, workingDirectory: string): string {
  const relative = path.relative(workingDirectory, file)
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? file : relative
}
