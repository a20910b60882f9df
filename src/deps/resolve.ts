import type { Logger } from '../shared/log.js'
import { resolveWithPip, resolvedToSource } from './pip-resolve.js'
import { normalizeName } from './names.js'
import type { FileRead } from './read-file.js'
import { classifyRequirement } from './requirements-kind.js'
import { environmentReferences } from './requirements-text.js'
import type { Location, SourceResult } from './types.js'

export interface ResolveOptions {
  python: string
  indexUrl?: string
  extraIndexUrls: string[]
  cwd: string
  env: NodeJS.ProcessEnv
  logger: Logger
}

/**
 * Replaces a requirements file's or pyproject's pins and ranges by the exact transitive set
 * pip would install. URL, path, VCS and editable requirements are not handed to pip (that
 * would build local code): they stay skipped with their reason.
 */
export async function resolveFile(read: FileRead, options: ResolveOptions): Promise<SourceResult> {
  const { requirements, fileLines, locations } = pipRequirements(read)
  const index = indexSettings(read, options)
  if (requirements.length === 0 && fileLines.length === 0) return read.source
  fileLines.unshift(...index.fileLines)
  const withFile = fileLines.length > 0 ? ` and ${fileLines.length} lines it expands itself` : ''
  options.logger.info(
    `Resolving ${read.source.file} with pip (${requirements.length} arguments${withFile})`
  )
  const resolution = await resolveWithPip({
    python: options.python,
    requirements,
    ...index.settings,
    ...(fileLines.length > 0 && {
      requirementsFileLines: fileLines,
      maskedVariables: [...new Set(fileLines.flatMap(environmentReferences))]
    }),
    cwd: options.cwd,
    env: options.env
  })
  const resolved = resolvedToSource(resolution, {
    file: read.source.file,
    locate: name => locations.get(name)
  })
  // What was handed to pip is resolved now; URL, path and editable skips stay.
  const stillSkipped = read.source.skipped.filter(skip => !locations.has(normalizeName(skip.name)))
  return {
    ...resolved,
    format: read.source.format,
    skipped: [...stillSkipped, ...resolved.skipped]
  }
}

/**
 * What pip is handed: requirement strings as arguments, and lines with `${VAR}` as written, for
 * a file pip reads (it expands variables only in files). Such a line goes to pip only when it
 * is a requirement on an index release whose name is written out, like `pkg==${VERSION}`.
 */
function pipRequirements(read: FileRead): {
  requirements: string[]
  fileLines: string[]
  locations: Map<string, Location>
} {
  const requirements: string[] = []
  const fileLines: string[] = []
  const locations = new Map<string, Location>()
  const constraintFiles = new Set<string>()
  for (const line of read.requirements ?? []) {
    if (line.constraint) {
      constraintFiles.add(line.location.file)
      continue
    }
    if (line.variables) {
      const name = line.editable ? undefined : indexRequirementName(line.raw)
      if (name === undefined) continue
      fileLines.push(line.raw)
      locations.set(name, line.location)
      continue
    }
    if (!line.requirement || line.requirement.url || line.editable || !line.markerApplies) continue
    requirements.push(line.raw)
    locations.set(line.requirement.normalizedName, line.location)
  }
  for (const declaration of read.declarations ?? []) {
    if (declaration.requirement.url) continue
    requirements.push(declaration.raw)
    if (!locations.has(declaration.requirement.normalizedName)) {
      locations.set(declaration.requirement.normalizedName, declaration.location)
    }
  }
  for (const file of constraintFiles) requirements.push('-c', file)
  return { requirements, fileLines, locations }
}

/**
 * The name of a `${VAR}` line that, whatever the variables hold, is a requirement on a release
 * from the index: with each variable read as `0` it is PEP 508 without a URL, its name spelled
 * out. A URL, path or a name made of variables stays skipped, as without them.
 */
function indexRequirementName(raw: string): string | undefined {
  if (raw.trimStart().startsWith('-')) return undefined
  let classified
  try {
    classified = classifyRequirement(raw.replace(/\$\{[A-Z0-9_]+\}/g, '0'))
  } catch {
    return undefined
  }
  const requirement = classified.requirement
  if (!requirement || requirement.url !== undefined) return undefined
  const written = /^\s*([A-Za-z0-9._-]+)/.exec(raw)?.[1]
  return written !== undefined && normalizeName(written) === requirement.normalizedName
    ? requirement.normalizedName
    : undefined
}

/**
 * The index options: the inputs', then the file's. A file's index URL with `${VAR}` goes to pip
 * in the file it reads, written as the file has it, so pip expands it (an argument it would not).
 */
function indexSettings(
  read: FileRead,
  options: ResolveOptions
): { settings: { indexUrl?: string; extraIndexUrls: string[] }; fileLines: string[] } {
  const fileLines: string[] = []
  const expandsItself = (url: string): boolean => environmentReferences(url).length > 0
  let indexUrl = options.indexUrl ?? read.indexOptions?.indexUrl
  if (options.indexUrl === undefined && indexUrl !== undefined && expandsItself(indexUrl)) {
    fileLines.push(`--index-url ${shellWord(indexUrl)}`)
    indexUrl = undefined
  }
  const extraIndexUrls = [...options.extraIndexUrls]
  for (const url of read.indexOptions?.extraIndexUrls ?? []) {
    if (expandsItself(url)) fileLines.push(`--extra-index-url ${shellWord(url)}`)
    else extraIndexUrls.push(url)
  }
  return { settings: { ...(indexUrl ? { indexUrl } : {}), extraIndexUrls }, fileLines }
}

/** pip splits a file's options with shlex: a value with spaces or quotes is quoted to stay one. */
function shellWord(value: string): string {
  return /^[^\s'"\\]+$/.test(value) ? value : `'${value.replace(/'/g, `'"'"'`)}'`
}
