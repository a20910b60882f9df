import * as fs from 'node:fs/promises'
import * as path from 'node:path'
import { ParseError, PyauditError } from '../errors.js'
import type { Logger } from '../log.js'
import { detectDependencyFiles, formatOfFile, type DetectedFile } from './detect.js'
import { markerEnvironmentFor } from './markers.js'
import { parseRequirementsFile, requirementsToSource } from './requirements.js'
import type { SourceResult } from './types.js'

export interface CollectOptions {
  /** Files or directories; empty means detect in workingDirectory. */
  paths: string[]
  workingDirectory: string
  pythonVersion: string
  env: NodeJS.ProcessEnv
  logger: Logger
}

/** Reads every dependency file the options name (or detects them) into sources. */
export async function collectDependencies(options: CollectOptions): Promise<SourceResult[]> {
  const files = await filesToRead(options)
  if (files.length === 0) {
    throw new PyauditError(
      `No dependency files found in ${options.workingDirectory}: set 'paths' to your requirements files or lockfiles`
    )
  }
  const read = new Set<string>()
  const sources: SourceResult[] = []
  for (const detected of files) {
    if (read.has(detected.file)) continue
    const { source, filesRead } = await readSource(detected, options)
    filesRead.forEach(file => read.add(file))
    options.logger.info(
      `${displayPath(detected.file, options.workingDirectory)} (${detected.format}): ${source.dependencies.length} pinned, ${source.skipped.length} skipped`
    )
    sources.push(source)
  }
  return sources
}

async function filesToRead(options: CollectOptions): Promise<DetectedFile[]> {
  if (options.paths.length === 0) {
    const found = await detectDependencyFiles(options.workingDirectory, options.logger)
    options.logger.info(
      `Detected ${found.length} dependency file(s) in ${options.workingDirectory}${found.length ? ': ' : ''}${found
        .map(f => displayPath(f.file, options.workingDirectory))
        .join(', ')}`
    )
    return found
  }
  const files: DetectedFile[] = []
  for (const target of options.paths) {
    const stat = await fs.stat(target).catch(() => undefined)
    if (!stat)
      throw new PyauditError(
        `Input 'paths': ${displayPath(target, options.workingDirectory)} does not exist`
      )
    if (stat.isDirectory()) files.push(...(await detectDependencyFiles(target, options.logger)))
    else files.push({ file: target, format: formatOfFile(target) })
  }
  return files
}

async function readSource(
  detected: DetectedFile,
  options: CollectOptions
): Promise<{ source: SourceResult; filesRead: string[] }> {
  const display = (file: string): string => displayPath(file, options.workingDirectory)
  switch (detected.format) {
    case 'requirements': {
      const parsed = await parseRequirementsFile(detected.file, {
        markerEnvironment: markerEnvironmentFor(options.pythonVersion),
        env: options.env,
        displayPath: display
      })
      return { source: requirementsToSource(parsed, detected.file), filesRead: parsed.files }
    }
    default:
      throw new ParseError(
        { file: display(detected.file) },
        `${detected.format} files are not supported yet`
      )
  }
}

export function displayPath(file: string, workingDirectory: string): string {
  const relative = path.relative(workingDirectory, file)
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file
}
