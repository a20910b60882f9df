import { describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { markerEnvironmentFor } from '../../src/deps/markers.js'
import { parseRequirementsFile } from '../../src/deps/requirements.js'
import { planPyprojectFix } from '../../src/fix/pyproject.js'
import { planRequirementsFix, type RequirementsSite } from '../../src/fix/requirements.js'
import type { FixTarget } from '../../src/fix/types.js'
import { REPO_ROOT } from '../support/paths.js'

/**
 * Every byte outside the rewritten version strings is unchanged: files are built from pieces
 * whose versions are known, so the expected text is the same pieces with the new versions.
 */

const digestOf = (seed: number): string => seed.toString(16).padStart(64, 'a').slice(-64)

interface RequirementPiece {
  kind: 'requirement'
  name: string
  extras: string
  op: '==' | '==='
  spaceAfterOp: string
  version: string
  fixVersion: string
  vulnerable: boolean
  marker: string
  markerOnNextLine: boolean
  comment: string
  hashes: { count: number; layout: 'continued' | 'inline' } | undefined
}
type Piece = { kind: 'other'; text: string } | RequirementPiece

const version = fc
  .array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 4 })
  .map(parts => parts.join('.'))

const requirementPiece = fc.record({
  kind: fc.constant('requirement' as const),
  name: fc.constantFrom('requests', 'Jinja2', 'py-yaml', 'zope.interface', 'A_b'),
  extras: fc.constantFrom('', '[socks]', '[a, b]'),
  op: fc.constantFrom('==' as const, '===' as const),
  spaceAfterOp: fc.constantFrom('', ' '),
  version,
  fixVersion: version.map(v => `${v}.1`),
  vulnerable: fc.boolean(),
  marker: fc.constantFrom('', 'python_version >= "3.8"', "sys_platform != 'win32'"),
  markerOnNextLine: fc.boolean(),
  comment: fc.constantFrom('', '  # pinned', ' # via -r base.in'),
  hashes: fc.option(
    fc.record({
      count: fc.integer({ min: 1, max: 3 }),
      layout: fc.constantFrom('continued' as const, 'inline' as const)
    }),
    { nil: undefined }
  )
})

const otherPiece = fc.constantFrom<Piece>(
  { kind: 'other', text: '# a comment line' },
  { kind: 'other', text: '' },
  { kind: 'other', text: '   ' },
  { kind: 'other', text: '--index-url https://pypi.org/simple' },
  { kind: 'other', text: '-r base.txt' },
  { kind: 'other', text: 'idna>=2.5  # a range, not vulnerable' }
)

/** The text of one requirement line with `version` and, for hashed lines, digests from `seed`. */
function requirementText(piece: RequirementPiece, version: string, seed: number, eol: string) {
  const marker = piece.marker
    ? piece.markerOnNextLine
      ? ` \\${eol}    ; ${piece.marker}`
      : ` ; ${piece.marker}`
    : ''
  const hashes = piece.hashes
    ? Array.from({ length: piece.hashes.count }, (_, index) => {
        const separator = piece.hashes!.layout === 'continued' ? ` \\${eol}    ` : ' '
        return `${separator}--hash=sha256:${digestOf(seed + index)}`
      }).join('')
    : ''
  return `${piece.name}${piece.extras}${piece.op}${piece.spaceAfterOp}${version}${marker}${hashes}${piece.comment}`
}

describe('requirements files', () => {
  test('property: the fixed file is the same file with only the vulnerable versions (and their digests) replaced', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(requirementPiece, otherPiece), { minLength: 1, maxLength: 12 }),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        (pieces, eol, finalBreak) => {
          let before = ''
          let after = ''
          const sites: RequirementsSite[] = []
          const digests = new Map<string, string[]>()
          pieces.forEach((piece, index) => {
            const ending = index < pieces.length - 1 || finalBreak ? eol : ''
            const line = before.split(/\r\n|\n/).length
            if (piece.kind === 'other') {
              before += piece.text + ending
              after += piece.text + ending
            } else {
              // One name per line: sites never share a name.
              const name = `${piece.name}${index}`
              const named = { ...piece, name }
              const oldSeed = index * 10
              const newSeed = 1000 + index * 10
              before += requirementText(named, piece.version, oldSeed, eol) + ending
              const fixed = piece.vulnerable
              after +=
                requirementText(
                  named,
                  fixed ? piece.fixVersion : piece.version,
                  fixed ? newSeed : oldSeed,
                  eol
                ) + ending
              if (fixed) {
                const target: FixTarget = {
                  name: name.toLowerCase().replace(/[-_.]+/g, '-'),
                  version: piece.version,
                  fixVersion: piece.fixVersion
                }
                sites.push({ target, line })
                digests.set(
                  target.name,
                  Array.from({ length: piece.hashes?.count ?? 0 }, (_, k) => digestOf(newSeed + k))
                )
              }
            }
          })
          const plan = planRequirementsFix(before, '/r.txt', sites, {
            widen: false,
            hashes: target => ({ sha256: digests.get(target.name)! })
          })
          expect(plan.notes).toEqual([])
          expect(plan.text).toBe(after)
        }
      ),
      { numRuns: 300 }
    )
  })
})

describe('pyproject.toml', () => {
  const entry = fc.record({
    name: fc.constantFrom('django', 'Requests', 'py_yaml'),
    quote: fc.constantFrom('"', "'"),
    spaceAfterOp: fc.constantFrom('', ' '),
    marker: fc.constantFrom('', ' ; python_version >= "3.8"'.replace(/"/g, "'")),
    version,
    fixVersion: version.map(v => `${v}.1`),
    vulnerable: fc.boolean(),
    comment: fc.constantFrom('', '  # why')
  })

  test('property: PEP 621, PEP 735 and Poetry declarations keep every byte but their version text', () => {
    fc.assert(
      fc.property(
        fc.array(entry, { minLength: 1, maxLength: 6 }),
        fc.array(entry, { minLength: 0, maxLength: 3 }),
        fc.array(entry, { minLength: 0, maxLength: 3 }),
        fc.constantFrom('\n', '\r\n'),
        (project, group, poetry, eol) => {
          const targets: FixTarget[] = []
          const build = (fixed: boolean): string => {
            const item = (e: (typeof project)[number], index: number, table: string): string => {
              const v = fixed && e.vulnerable ? e.fixVersion : e.version
              const name = `${e.name}-${table}${index}`
              const marker = e.marker.includes("'") && e.quote === "'" ? '' : e.marker
              return `    ${e.quote}${name}==${e.spaceAfterOp}${v}${marker}${e.quote},${e.comment}`
            }
            const poetryLine = (e: (typeof project)[number], index: number): string => {
              const v = fixed && e.vulnerable ? e.fixVersion : e.version
              return `${e.name}-poetry${index} = { version = ${e.quote}==${e.spaceAfterOp}${v}${e.quote} }${e.comment}`
            }
            return [
              '[project]',
              'name = "x"',
              'dependencies = [',
              ...project.map((e, i) => item(e, i, 'main')),
              ']',
              '',
              '[dependency-groups]',
              'test = [',
              ...group.map((e, i) => item(e, i, 'group')),
              ']',
              '',
              '[tool.poetry.dependencies]',
              'python = "^3.10"',
              ...poetry.map(poetryLine),
              ''
            ].join(eol)
          }
          const add = (e: (typeof project)[number], name: string): void => {
            if (e.vulnerable) {
              targets.push({
                name: name.toLowerCase().replace(/[-_.]+/g, '-'),
                version: e.version,
                fixVersion: e.fixVersion
              })
            }
          }
          project.forEach((e, i) => add(e, `${e.name}-main${i}`))
          group.forEach((e, i) => add(e, `${e.name}-group${i}`))
          poetry.forEach((e, i) => add(e, `${e.name}-poetry${i}`))
          const plan = planPyprojectFix(build(false), '/p.toml', targets, {
            mode: 'pins',
            widen: false
          })
          expect(plan.notes).toEqual([])
          expect(plan.text).toBe(build(true))
        }
      ),
      { numRuns: 200 }
    )
  })
})

/** Real files: every exact pin moved to a new version changes only that version's bytes. */
const REALWORLD = path.resolve(REPO_ROOT, '..', 'shared', 'realworld')
const haveRealworld = existsSync(REALWORLD)
if (!haveRealworld) console.log(`Skipping the fixes of real files: ${REALWORLD} is absent`)

describe('real-world files', () => {
  const files = [
    'ha-core-2020/requirements_all.noincludes.txt',
    'openstack-upper-constraints/upper-constraints.txt',
    ...['deploy', 'docs-blog', 'docs-dev', 'docs-user', 'lint', 'main', 'tests'].map(
      name => `warehouse-hashed/requirements/${name}.txt`
    )
  ]

  const eachFile = haveRealworld ? test.each(files) : test.skip.each(files)
  eachFile('%s: each pin fixed in place, nothing else touched', async file => {
    const absolute = path.join(REALWORLD, file)
    const text = readFileSync(absolute, 'utf8')
    const parsed = await parseRequirementsFile(absolute, {
      markerEnvironment: markerEnvironmentFor('3.12')
    })
    const sites: RequirementsSite[] = parsed.lines
      .filter(line => line.location.file === absolute && line.requirement)
      .flatMap(line => {
        const pinned = /^(===?)\s*([^\s,;]+)$/.exec(line.requirement!.specifier)
        if (!pinned) return []
        const target = {
          name: line.requirement!.normalizedName,
          version: pinned[2]!,
          fixVersion: pinned[2]!.replace(/^\d+/, major => String(Number(major) + 100))
        }
        return [{ target, line: line.location.line }]
      })
    expect(sites.length).toBeGreaterThan(5)
    const newDigest = 'f'.repeat(64)
    const plan = planRequirementsFix(text, absolute, sites, {
      widen: false,
      hashes: () => ({ sha256: [newDigest] })
    })
    expect(plan.notes).toEqual([])
    expect(plan.fixed).toHaveLength(sites.length)
    // Outside the edits, the file is as it was; each edit replaces a version, or a run of --hash options.
    let rebuilt = ''
    let at = 0
    for (const edit of [...plan.edits].sort((a, b) => a.start - b.start)) {
      const replaced = text.slice(edit.start, edit.end)
      const isVersion = sites.some(
        site => site.target.version === replaced && site.target.fixVersion === edit.text
      )
      const isHashes =
        /^--hash=sha256:[0-9a-f]{64}(\s|\\)*/.test(replaced) &&
        edit.text === `--hash=sha256:${newDigest}`
      expect(isVersion || isHashes).toBe(true)
      rebuilt += text.slice(at, edit.start) + replaced
      at = edit.end
    }
    expect(rebuilt + text.slice(at)).toBe(text)
    // And the fixed file reads back with every pin at its new version, and its new digest.
    const copyDir = mkdtempSync(path.join(os.tmpdir(), 'pyaudit-fix-'))
    const copy = path.join(copyDir, 'requirements.txt')
    writeFileSync(copy, plan.text)
    const reread = await parseRequirementsFile(copy, {
      markerEnvironment: markerEnvironmentFor('3.12')
    }).finally(() => rmSync(copyDir, { recursive: true, force: true }))
    const pinned = reread.lines.filter(
      line => line.requirement && /^===?/.test(line.requirement.specifier)
    )
    expect(pinned).toHaveLength(sites.length)
    pinned.forEach((line, index) => {
      expect(line.requirement!.specifier).toMatch(
        new RegExp(`^===?${sites[index]!.target.fixVersion.replace(/[.+]/g, '\\$&')}$`)
      )
      if (line.hashes.length > 0) expect(line.hashes).toEqual([`sha256:${newDigest}`])
    })
  })
})
