import { describe, expect, test } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import * as path from 'node:path'
import ts from 'typescript'
import { REPO_ROOT } from '../support/paths.js'

/**
 * The plan of the house (CONTRIBUTING.md, "Layout"), kept by reading the import specifiers of
 * every file under src/: static, type-only, re-exports and dynamic import() alike.
 */
const SRC = path.join(REPO_ROOT, 'src')

/** The core stages, in run order: a stage may import an earlier one, never a later one. */
const STAGES = ['deps', 'advisories', 'licenses', 'health', 'fix', 'report']
/** What no stage imports: the runner, an integration, the configuration, the pipeline. */
const ABOVE_STAGES = ['config', 'integrations', 'pipeline', '@actions']
/** The front ends: only the entry (main.ts) loads them. */
const FRONT_ENDS = ['action.ts', 'cli.ts']
/** Shared basics import only basics. */
const BASICS: Readonly<Record<string, readonly string[]>> = {
  shared: ['shared'],
  net: ['net', 'shared']
}
/** Where the runner's packages may be used. */
const RUNNER_SIDE = ['action.ts', 'integrations/github']
const MAX_TOP_LEVEL_FILES = 8

interface Edge {
  /** The importing file, relative to src/. */
  from: string
  specifier: string
  /** The imported file relative to src/, or the package name. */
  to: string
}

/** Every import specifier of a file's text, as TypeScript reads them. */
function specifiersOf(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map(file => file.fileName)
}

function edgesOf(from: string, text: string): Edge[] {
  return specifiersOf(text).map(specifier => ({
    from,
    specifier,
    to: specifier.startsWith('.')
      ? path.posix.join(path.posix.dirname(from), specifier).replace(/\.([cm]?)js$/, '.$1ts')
      : specifier
  }))
}

/**
 * What a rule speaks of: a file's folder under src/ (`integrations/github/x.ts` is in
 * `integrations`), a top-level file's own name, a package's scope or name.
 */
function areaOf(fileOrPackage: string): string {
  return fileOrPackage.split('/')[0]!
}

/** One line per broken rule: `file -> specifier: rule`. */
function violations(edges: readonly Edge[]): string[] {
  const found: string[] = []
  for (const edge of edges) {
    const from = areaOf(edge.from)
    const local = edge.specifier.startsWith('.')
    const to = areaOf(edge.to)
    const broken = (rule: string): void => {
      found.push(`${edge.from} -> ${edge.specifier}: ${rule}`)
    }
    if (STAGES.includes(from)) {
      if (ABOVE_STAGES.includes(to)) broken(`a stage never imports ${to}`)
      if (local && FRONT_ENDS.includes(edge.to)) broken('a stage never imports a front end')
      const later = STAGES.indexOf(to) > STAGES.indexOf(from)
      if (local && STAGES.includes(to) && later) broken(`${from} imports no later stage (${to})`)
    }
    const basics = BASICS[from]
    if (basics && local && !basics.includes(to)) broken(`${from} imports only ${basics.join(', ')}`)
    if (to === '@actions' && !RUNNER_SIDE.some(place => edge.from.startsWith(place))) {
      broken(`@actions/* only in ${RUNNER_SIDE.join(', ')}`)
    }
    if (local && FRONT_ENDS.includes(edge.to) && edge.from !== 'main.ts') {
      broken('only main.ts loads a front end')
    }
  }
  return found
}

function sourceFiles(): string[] {
  return readdirSync(SRC, { recursive: true, encoding: 'utf8' })
    .filter(file => /\.([cm]?ts|[cm]?js)$/.test(file))
    .map(file => file.split(path.sep).join('/'))
    .sort()
}

const files = sourceFiles()
const edges = files.flatMap(file => edgesOf(file, readFileSync(path.join(SRC, file), 'utf8')))

describe('the import graph of src/', () => {
  test('every rule of the layout holds', () => {
    expect(violations(edges)).toEqual([])
  })

  test('src/ itself holds only the entry, the front ends and a few top-level files', () => {
    const topLevel = files.filter(file => !file.includes('/'))
    expect(topLevel.length).toBeLessThanOrEqual(MAX_TOP_LEVEL_FILES)
  })

  test('the graph is read whole: dynamic and type-only imports are edges too', () => {
    expect(files.length).toBeGreaterThan(50)
    const has = (from: string, to: string): boolean =>
      edges.some(edge => edge.from === from && edge.to === to)
    // Loaded only when chosen, with import().
    expect(has('pipeline/open-feed.ts', 'advisories/offline-db.ts')).toBe(true)
    expect(has('deps/formats.ts', 'deps/uv-lock.ts')).toBe(true)
    // `import type`.
    expect(has('report/outcome.ts', 'deps/types.ts')).toBe(true)
  })
})

describe('the rules', () => {
  test('the reader finds every kind of specifier', () => {
    const text = [
      "import type { A } from './a.js'",
      "export { b } from './b.js'",
      "export * from './c.js'",
      "const d = await import('./d.js')",
      "import './e.js'",
      "import * as core from '@actions/core'"
    ].join('\n')
    expect(specifiersOf(text)).toEqual([
      './a.js',
      './b.js',
      './c.js',
      './d.js',
      './e.js',
      '@actions/core'
    ])
  })

  test.each([
    ['deps/collect.ts', "import { x } from '../report/paths.js'", 'deps imports no later stage'],
    ['advisories/feed.ts', "await import('../licenses/sources.js')", 'no later stage'],
    ['licenses/run.ts', "import type { C } from '../config/config.js'", 'never imports config'],
    ['report/sbom.ts', "import { o } from '../pipeline/outcome.js'", 'never imports pipeline'],
    ['advisories/cache.ts', "import { c } from '../integrations/github/cache.js'", 'integrations'],
    ['deps/x.ts', "import * as core from '@actions/core'", 'never imports @actions'],
    ['shared/log.ts', "import { l } from '../net/http.js'", 'shared imports only shared'],
    ['net/http.ts', "import { r } from '../report/terminal.js'", 'net imports only net, shared'],
    ['pipeline/run.ts', "import * as cache from '@actions/cache'", '@actions/* only in'],
    ['report/markdown.ts', "import { u } from '../cli.js'", 'a stage never imports a front end']
  ])('%s with %s breaks a rule', (file, text, rule) => {
    expect(violations(edgesOf(file, text)).join('\n')).toContain(rule)
  })

  test('what the layout allows passes', () => {
    const allowed = [
      edgesOf('report/outcome.ts', "import type { D } from '../deps/types.js'"),
      edgesOf('licenses/sources.ts', "import { JsonClient } from '../net/http.js'"),
      edgesOf('pipeline/open-feed.ts', "import type { Config } from '../config/config.js'"),
      edgesOf('integrations/github/comment.ts', "import * as github from '@actions/github'"),
      edgesOf('main.ts', "await import('./cli.js')")
    ].flat()
    expect(violations(allowed)).toEqual([])
  })
})
