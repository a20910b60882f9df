import type { Logger } from '../shared/log.js'
import { resolveWithPip, resolvedToSource } from './pip-resolve.js'
import { normalizeName } from './names.js'
import type { FileRead } from './read-file.js'
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
  const { requirements, locations } = pipRequirements(read)
  if (requirements.length === 0) return read.source
  options.logger.info(`Resolving ${read.source.file} with pip (${requirements.length} arguments)`)
  const resolution = await resolveWithPip({
    python: options.python,
    requirements,
    ...indexSettings(read, options),
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

function pipRequirements(read: FileRead): {
  requirements: string[]
  locations: Map<string, Location>
} {
  const requirements: string[] = []
  const locations = new Map<string, Location>()
  const constraintFiles = new Set<string>()
  for (const line of read.requirements ?? []) {
    if (line.constraint) {
      constraintFiles.add(line.location.file)
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
  return { requirements, locations }
}

function indexSettings(
  read: FileRead,
  options: ResolveOptions
): { indexUrl?: string; extraIndexUrls: string[] } {
  const indexUrl = options.indexUrl ?? read.indexOptions?.indexUrl
  return {
    ...(indexUrl ? { indexUrl } : {}),
    extraIndexUrls: [...options.extraIndexUrls, ...(read.indexOptions?.extraIndexUrls ?? [])]
  }
}
