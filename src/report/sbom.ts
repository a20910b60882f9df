/**
 * The run as a CycloneDX 1.6 JSON SBOM: every audited package as a component, where it was
 * declared, its license, and the advisories that affect it (with a VEX analysis for ignored
 * findings). Pure: the outcome in, JSON text out.
 *
 * Only the library's subpath entry points are imported: its root entry point breaks inside an
 * ncc bundle.
 */
import { randomUUID } from 'node:crypto'
import * as path from 'node:path'
import * as Enums from '@cyclonedx/cyclonedx-library/Enums'
import * as Models from '@cyclonedx/cyclonedx-library/Models'
import * as Serialize from '@cyclonedx/cyclonedx-library/Serialize'
import * as Spec from '@cyclonedx/cyclonedx-library/Spec'
import { PackageURL } from 'packageurl-js'
import { normalizeName } from '../deps/names.js'
import { normalVersion } from '../deps/versions.js'
import type { PackageIssue } from '../health/types.js'
import type { Location, SkippedDependency } from '../deps/types.js'
import type { LicenseEntry } from '../licenses/check.js'
import type { AuditOutcome, ReportedPackage } from './outcome.js'
import { redactSecrets } from '../shared/escape.js'
import { repositoryPath } from '../shared/paths.js'
import { buildVulnerabilities } from './sbom-vulnerabilities.js'
import { changeIn } from './change-scope.js'

export interface SbomOptions {
  /** Declaration files are reported relative to it. */
  repositoryRoot: string
  /** `urn:uuid:<uuid>`; a random one when absent. */
  serialNumber?: string
  /** When the SBOM was made; now when absent. */
  timestamp?: Date
  /** The project's name; the repository directory's name when absent. */
  projectName?: string
}

/** Namespace of our own properties (CycloneDX property taxonomy style). */
const NS = 'pyaudit'
const PROJECT_REF = 'pyaudit:project'

export function buildSbom(outcome: AuditOutcome, options: SbomOptions): string {
  const root = options.repositoryRoot
  const project = new Models.Component(
    Enums.ComponentType.Application,
    options.projectName || path.basename(path.resolve(root)) || 'project',
    { bomRef: PROJECT_REF }
  )
  const tool = new Models.Component(Enums.ComponentType.Application, outcome.tool.name, {
    version: outcome.tool.version
  })
  const bom = new Models.Bom({
    serialNumber: options.serialNumber ?? `urn:uuid:${randomUUID()}`,
    metadata: new Models.Metadata({
      timestamp: options.timestamp ?? new Date(),
      tools: new Models.Tools({ components: new Models.ComponentRepository([tool]) }),
      component: project,
      properties: new Models.PropertyRepository(runProperties(outcome))
    })
  })

  const licenses = new Map(outcome.licenses.map(entry => [packageKey(entry), entry]))
  const issues = issuesByPackage(outcome.packageIssues ?? [])
  const components = new Map<ReportedPackage, Models.Component>()
  for (const pkg of outcome.packages) {
    const component = packageComponent(pkg, licenses.get(packageKey(pkg)), root)
    for (const property of [
      ...changeProperties(outcome, pkg),
      ...statusProperties(issues.get(pinKey(pkg)) ?? [])
    ]) {
      component.properties.add(property)
    }
    components.set(pkg, component)
    bom.components.add(component)
  }
  for (const component of skippedComponents(outcome.skipped, root)) bom.components.add(component)
  const graph = dependencyGraph(outcome, components)
  for (const vulnerability of buildVulnerabilities(outcome, components)) {
    bom.vulnerabilities.add(vulnerability)
  }

  const factory = new Serialize.JSON.Normalize.Factory(Spec.Spec1dot6)
  const normalized = factory.makeForBom().normalize(bom, { sortLists: false })
  return `${JSON.stringify(withHonestGraph(normalized, graph), redactStrings, 2)}\n`
}

/** Names, reasons and the feed may hold a URL with credentials, or a server's echo of a secret. */
function redactStrings(_key: string, value: unknown): unknown {
  return typeof value === 'string' ? redactSecrets(value) : value
}

function packageComponent(
  pkg: ReportedPackage,
  license: LicenseEntry | undefined,
  root: string
): Models.Component {
  const purl = purlOf(pkg.name, pkg.version)
  return new Models.Component(Enums.ComponentType.Library, normalizeName(pkg.name), {
    bomRef: purl,
    purl,
    version: pkg.version,
    licenses: new Models.LicenseRepository(licensesOf(license)),
    properties: new Models.PropertyRepository(declarationProperties(pkg.declarations, root))
  })
}

/**
 * An SPDX expression where the metadata makes one certain; else the license as the package
 * states it, by name; nothing when it is unknown or licenses were not checked.
 */
function licensesOf(entry: LicenseEntry | undefined): Models.License[] {
  if (entry === undefined) return []
  if (entry.spdx !== null) return [new Models.LicenseExpression(entry.spdx)]
  if (entry.source === 'unknown' || entry.license.trim() === '') return []
  return [new Models.NamedLicense(entry.license)]
}

/**
 * Requirements the run could not audit (unpinned, URLs, editable installs...) are still part
 * of the project: they are listed, marked with the reason, so the SBOM does not silently
 * leave them out. They get no purl: their version is unknown or not a PyPI release.
 */
function skippedComponents(skipped: readonly SkippedDependency[], root: string) {
  const byRef = new Map<string, { name: string; version?: string; items: SkippedDependency[] }>()
  for (const item of skipped) {
    const name = normalizeName(item.name)
    const ref = unauditedRef(item)
    const group = byRef.get(ref) ?? { name, version: item.version, items: [] }
    group.items.push(item)
    byRef.set(ref, group)
  }
  return [...byRef].map(
    ([ref, group]) =>
      new Models.Component(Enums.ComponentType.Library, group.name, {
        bomRef: ref,
        ...(group.version === undefined ? {} : { version: group.version }),
        properties: new Models.PropertyRepository([
          ...distinct(group.items.map(item => item.reason)).map(
            reason => new Models.Property(`${NS}:unaudited:reason`, reason)
          ),
          ...declarationProperties(group.items, root)
        ])
      })
  )
}

/**
 * Where the component is declared: one `pyaudit:declared-in` per declaration as
 * `<file>:<line>` (file relative to the repository, line left out where the format has none),
 * then the distinct formats and dependency groups.
 */
function declarationProperties(
  declarations: ReadonlyArray<{ location: Location; format: string; group?: string }>,
  root: string
): Models.Property[] {
  const places = distinct(declarations.map(item => position(item.location, root)))
  const formats = distinct(declarations.map(item => item.format))
  const groups = distinct(declarations.flatMap(item => (item.group ? [item.group] : [])))
  return [
    ...places.map(place => new Models.Property(`${NS}:declared-in`, place)),
    ...formats.map(format => new Models.Property(`${NS}:format`, format)),
    ...groups.map(group => new Models.Property(`${NS}:group`, group))
  ]
}

function position(location: Location, root: string): string {
  const file = repositoryPath(location.file, root)
  return location.line > 0 ? `${file}:${location.line}` : file
}

function runProperties(outcome: AuditOutcome): Models.Property[] {
  const base = outcome.changes?.base
  return [
    new Models.Property(`${NS}:advisory-feed`, outcome.feed),
    ...(outcome.databaseUpdated === undefined
      ? []
      : [new Models.Property(`${NS}:advisory-database-updated`, outcome.databaseUpdated)]),
    ...(base === undefined
      ? []
      : [
          new Models.Property(`${NS}:base-ref`, base.ref),
          new Models.Property(`${NS}:base-sha`, base.sha)
        ])
  ]
}

/** Scope `changes`: `pyaudit:change`, how the pull request touches the pin. */
function changeProperties(outcome: AuditOutcome, pkg: ReportedPackage): Models.Property[] {
  const change = changeIn(outcome, pkg)
  return change === undefined ? [] : [new Models.Property(`${NS}:change`, change)]
}

/**
 * What the package index says of the pin: `pyaudit:package-status` (the kind, e.g. `yanked`)
 * followed by its `pyaudit:package-status-reason`, once per distinct finding (a pin declared
 * twice has the same finding twice). CycloneDX properties may repeat a name, in order.
 */
function statusProperties(issues: readonly PackageIssue[]): Models.Property[] {
  const seen = new Set<string>()
  return issues.flatMap(issue => {
    const key = `${issue.kind}\0${issue.reason}`
    if (seen.has(key)) return []
    seen.add(key)
    return [
      new Models.Property(`${NS}:package-status`, issue.kind),
      new Models.Property(`${NS}:package-status-reason`, issue.reason)
    ]
  })
}

function issuesByPackage(issues: readonly PackageIssue[]): Map<string, PackageIssue[]> {
  const byPackage = new Map<string, PackageIssue[]>()
  for (const issue of issues) {
    const key = pinKey(issue)
    byPackage.set(key, [...(byPackage.get(key) ?? []), issue])
  }
  return byPackage
}

/** One name and version however each file spells them (`Flask==2.00` is `flask` 2.0). */
function pinKey(pin: { name: string; version: string }): string {
  return `${normalizeName(pin.name)}\0${normalVersion(pin.version)}`
}

function unauditedRef(item: { name: string; version?: string }): string {
  const version = item.version === undefined ? '' : `@${item.version}`
  return `${NS}:unaudited:${normalizeName(item.name)}${version}`
}

interface GraphEntry {
  ref: string
  dependsOn: string[]
  /** Every name the lockfile lists resolved to a component of this SBOM. */
  complete: boolean
}

/**
 * The edges lockfiles record (`Dependency.dependsOn`), as component refs: a name resolves to
 * every component of that name declared in the same file (audited or not; every locked version
 * of it, as the edge holds no version). Only components with a declaration that knows the graph
 * get an entry; an empty one then truly says "requires nothing".
 */
function dependencyGraph(
  outcome: AuditOutcome,
  components: ReadonlyMap<ReportedPackage, Models.Component>
): GraphEntry[] {
  const inFile = new Map<string, Set<string>>()
  const add = (file: string, name: string, ref: string) => {
    const key = `${file}\0${normalizeName(name)}`
    inFile.set(key, (inFile.get(key) ?? new Set()).add(ref))
  }
  for (const [pkg, component] of components) {
    for (const item of pkg.declarations) add(item.location.file, item.name, refOf(component))
  }
  for (const item of outcome.skipped) add(item.location.file, item.name, unauditedRef(item))

  return [...components].flatMap(([pkg, component]) => {
    const ref = refOf(component)
    const known = pkg.declarations.filter(item => item.dependsOn !== undefined)
    if (known.length === 0) return []
    const dependsOn = new Set<string>()
    let complete = true
    for (const item of known) {
      for (const name of item.dependsOn!) {
        const targets = inFile.get(`${item.location.file}\0${normalizeName(name)}`)
        if (targets === undefined) complete = false
        for (const target of targets ?? []) if (target !== ref) dependsOn.add(target)
      }
    }
    return [{ ref, dependsOn: [...dependsOn], complete }]
  })
}

function refOf(component: Models.Component): string {
  return component.bomRef.value!
}

/**
 * The spec reads a `dependencies` entry as the component's whole list of direct dependencies,
 * so entries are given only where a lockfile recorded the graph (the library's own, an empty
 * entry per component, would claim "none" for all). Compositions say which lists are complete;
 * the project's and every other component's relationships stay unknown.
 */
function withHonestGraph(
  bom: { components?: Array<{ 'bom-ref'?: string }>; dependencies?: unknown },
  graph: readonly GraphEntry[]
): object {
  const refsWhere = (complete: boolean) =>
    graph.filter(entry => entry.complete === complete).map(entry => entry.ref)
  const known = new Set(graph.map(entry => entry.ref))
  const unknown = [
    PROJECT_REF,
    ...(bom.components ?? []).flatMap(item =>
      item['bom-ref'] && !known.has(item['bom-ref']) ? [item['bom-ref']] : []
    )
  ]
  const compositions = [
    { aggregate: 'complete', dependencies: refsWhere(true) },
    { aggregate: 'incomplete', dependencies: refsWhere(false) },
    { aggregate: 'unknown', dependencies: unknown }
  ].filter(composition => composition.dependencies.length > 0)
  const { dependencies: _libraryGraph, ...rest } = bom
  const dependencies = graph.map(({ ref, dependsOn }) => ({ ref, dependsOn }))
  return { ...rest, ...(dependencies.length > 0 ? { dependencies } : {}), compositions }
}

/** The package URL of a PyPI release: `pkg:pypi/<PEP 503 name>@<version>`. */
function purlOf(name: string, version: string): string {
  return new PackageURL(
    'pypi',
    undefined,
    normalizeName(name),
    version,
    undefined,
    undefined
  ).toString()
}

function packageKey(item: { name: string; version: string }): string {
  return `${normalizeName(item.name)}\0${item.version}`
}

function distinct<T>(items: readonly T[]): T[] {
  return [...new Set(items)]
}
