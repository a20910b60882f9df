/**
 * Pipfile.lock (pipenv, JSON): `_meta`, then one object per package category, `default`
 * ([packages]) and `develop` ([dev-packages]) plus any custom category, each mapping a package name
 * to `{ "version": "==X", "hashes": [...], "markers": ..., "index": ... }` or to a VCS / path / file
 * entry. Groups: default is main, develop is dev, a custom category keeps its name. A package's
 * `markers` say where it is installed; under markers false for the target the audit is narrowed
 * to, it is left out.
 */
import { ParseError } from '../shared/errors.js'
import type { SourceResult } from './types.js'
import * as toml from './toml-file.js'
import type { EntryContext, ReadOptions, TomlTable } from './toml-file.js'
import { notAReleaseReason, SourceResultBuilder } from './source-builder.js'
import { LockMarkers, lockMarkerText } from './lock-markers.js'
import { vcsSourceReason } from './lock-reader.js'
import { isObject } from '../shared/json-shape.js'
import { checkFileDependencyCount, jsonDepthReason, MAX_JSON_DEPTH } from './limits.js'

const GROUP_OF_CATEGORY = new Map([
  ['default', 'main'],
  ['develop', 'dev']
])

export const readPipfileLock = toml.fileReader(parsePipfileLock)

/** Reads a Pipfile.lock already in memory; `absolutePath` is where it came from. */
export function parsePipfileLock(
  text: string,
  absolutePath: string,
  options?: ReadOptions
): SourceResult {
  const file = toml.shownPath(absolutePath, options)
  const document = parseJson(text, file)
  if (!isObject(document))
    throw new ParseError({ file, line: 1, column: 1 }, 'expected a JSON object')
  let declared = 0
  for (const [category, packages] of Object.entries(document)) {
    if (category !== '_meta' && isObject(packages)) declared += Object.keys(packages).length
  }
  checkFileDependencyCount(declared, { file })
  const lines = categoryKeyLines(text)
  const builder = new SourceResultBuilder(absolutePath, 'Pipfile.lock')
  const markers = new LockMarkers(options?.markerEnvironment)
  for (const [category, packages] of Object.entries(document)) {
    if (category === '_meta') continue
    const categoryContext = { file, line: lines.get(category)?.line ?? 0, entry: `"${category}"` }
    if (!isObject(packages)) throw toml.entryError(categoryContext, 'must be an object of packages')
    const group = GROUP_OF_CATEGORY.get(category) ?? category
    for (const [name, entry] of Object.entries(packages)) {
      const line = lines.get(category)?.keys.get(name) ?? 0
      const context: EntryContext = { file, line, entry: `package '${name}'` }
      if (!isObject(entry)) throw toml.entryError(context, 'must be an object')
      const marker = toml.optionalString(entry as TomlTable, 'markers', context)
      if (!markers.applies(marker, context)) continue
      readEntry(
        name,
        entry as TomlTable,
        { group, marker: lockMarkerText(marker) },
        context,
        builder
      )
    }
  }
  return builder.build()
}

function readEntry(
  name: string,
  entry: TomlTable,
  { group, marker }: { group: string; marker: string | undefined },
  context: EntryContext,
  builder: SourceResultBuilder
): void {
  const vcs = vcsSourceReason(entry, context, ['ref'])
  if (vcs !== undefined) {
    builder.addSkipped(name, undefined, vcs, context.line)
    return
  }
  const path = toml.optionalString(entry, 'path', context)
  if (path !== undefined) {
    if (path === '.') return // `-e .`: the project itself, not a dependency
    const kind = entry.editable === true ? 'editable directory' : 'path'
    builder.addSkipped(name, undefined, notAReleaseReason(kind, path), context.line)
    return
  }
  const fileUrl = toml.optionalString(entry, 'file', context)
  if (fileUrl !== undefined) {
    builder.addSkipped(name, undefined, notAReleaseReason('file', fileUrl), context.line)
    return
  }
  // pipenv writes every index package as `==X`, whichever index it came from (`"index"`): a private
  // index's release is still audited by name and version.
  const specifier = toml.requiredString(entry, 'version', context).trim()
  const pinned = /^===?\s*([^\s,;=<>!~*]+)$/.exec(specifier)?.[1]
  if (pinned === undefined) {
    const reason = `not pinned to an exact version ('${specifier}')`
    builder.addSkipped(name, undefined, reason, context.line)
  } else {
    builder.addDependency(name, pinned, context.line, [group], marker)
  }
}

function parseJson(text: string, file: string): unknown {
  if (jsonDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    throw new ParseError({ file }, jsonDepthReason())
  }
  try {
    return JSON.parse(text)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const position = /at position (\d+)/.exec(message)
    const offset = position ? Number(position[1]) : text.length
    const before = text.slice(0, offset)
    const line = before.split('\n').length
    const column = offset - before.lastIndexOf('\n')
    // V8 may quote part of the input in its message: keep it on one line.
    const detail = message.replace(/\s*(in JSON )?at position \d+.*$/s, '').replace(/\s+/g, ' ')
    throw new ParseError({ file, line, column }, `invalid JSON: ${detail}`)
  }
}

/**
 * How deep arrays and objects nest in `text`, looked at no further than `stopAt` + 1: one pass,
 * strings skipped. JSON.parse builds five million nested arrays before anything can refuse them.
 */
function jsonDepth(text: string, stopAt: number): number {
  let depth = 0
  let deepest = 0
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index)
    if (char === 0x22) {
      index++
      while (index < text.length && text.charCodeAt(index) !== 0x22)
        index += text.charCodeAt(index) === 0x5c ? 2 : 1
    } else if (char === 0x5b || char === 0x7b) {
      if (++depth > deepest && (deepest = depth) > stopAt) return deepest
    } else if (char === 0x5d || char === 0x7d) {
      depth--
    }
  }
  return deepest
}

interface CategoryLines {
  line: number
  keys: Map<string, number>
}

/**
 * Line of every top-level key and of every key of the objects below them (the packages), in one
 * pass over text that JSON.parse has already accepted. A repeated key keeps its last line, the one
 * whose value JSON.parse keeps.
 */
function categoryKeyLines(text: string): Map<string, CategoryLines> {
  const categories = new Map<string, CategoryLines>()
  const stack: string[] = []
  let expectingKey = false
  let current: CategoryLines | undefined
  let line = 1
  for (let index = 0; index < text.length; index++) {
    const char = text[index]
    if (char === '\n') line++
    else if (char === '{') {
      stack.push('{')
      expectingKey = true
    } else if (char === '[') {
      stack.push('[')
      expectingKey = false
    } else if (char === '}' || char === ']') {
      stack.pop()
      expectingKey = false
    } else if (char === ',') {
      expectingKey = stack[stack.length - 1] === '{'
    } else if (char === '"') {
      const start = index
      index++
      while (text[index] !== '"') index += text[index] === '\\' ? 2 : 1
      if (!expectingKey) continue
      expectingKey = false
      if (stack.length > 2) continue
      const raw = text.slice(start, index + 1)
      const key = raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1)
      if (stack.length === 1) {
        current = { line, keys: new Map() }
        categories.set(key, current)
      } else {
        current?.keys.set(key, line)
      }
    }
  }
  return categories
}
