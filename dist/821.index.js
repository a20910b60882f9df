export const id = 821;
export const ids = [821];
export const modules = {

/***/ 3433:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ normalVersion)
/* harmony export */ });
/* harmony import */ var _renovatebot_pep440__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(68898);
/* harmony import */ var _renovatebot_pep440__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(_renovatebot_pep440__WEBPACK_IMPORTED_MODULE_0__);

/**
 * A version in PEP 440 normal form, as Python's `str(Version(...))` prints it (what pip-audit
 * reports and PyPI's URLs use), or the text as written when it is not PEP 440.
 */
function normalVersion(version) {
    const parsed = (0,_renovatebot_pep440__WEBPACK_IMPORTED_MODULE_0__.explain)(version);
    if (!parsed)
        return version;
    return parsed.local ? `${parsed.public}+${parsed.local}` : parsed.public;
}


/***/ }),

/***/ 52296:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ fixAdvice)
/* harmony export */ });
/** A sentence in lower case, ending with a full stop, e.g. "fixed in 2.20.0." */
function fixAdvice({ pkg, finding }) {
    if (finding.malicious)
        return 'remove it, it is a malicious package.';
    const fixed = finding.fixVersions.length > 0
        ? `fixed in ${finding.fixVersions.join(', ')}`
        : 'no fixed version is known';
    const upgrade = typeof pkg.recommendedVersion === 'string'
        ? `; upgrade to ${pkg.recommendedVersion}, the lowest newer version no known advisory affects`
        : pkg.upgradeNote
            ? `; ${pkg.upgradeNote}`
            : '';
    return `${fixed}${upgrade}.`;
}


/***/ }),

/***/ 75821:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  buildSbom: () => (/* binding */ buildSbom)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/@cyclonedx/cyclonedx-library/dist.node/enums/index.js
var enums = __webpack_require__(84439);
// EXTERNAL MODULE: ./node_modules/@cyclonedx/cyclonedx-library/dist.node/models/index.js
var models = __webpack_require__(50320);
// EXTERNAL MODULE: ./node_modules/@cyclonedx/cyclonedx-library/dist.node/serialize/index.node.js
var index_node = __webpack_require__(51248);
// EXTERNAL MODULE: ./node_modules/@cyclonedx/cyclonedx-library/dist.node/spec/index.js
var spec = __webpack_require__(94321);
// EXTERNAL MODULE: ./node_modules/packageurl-js/index.js
var packageurl_js = __webpack_require__(87091);
// EXTERNAL MODULE: ./src/deps/names.ts
var names = __webpack_require__(96498);
// EXTERNAL MODULE: ./src/deps/versions.ts
var versions = __webpack_require__(3433);
// EXTERNAL MODULE: ./src/shared/escape.ts
var shared_escape = __webpack_require__(76242);
// EXTERNAL MODULE: ./src/shared/paths.ts
var paths = __webpack_require__(40405);
// EXTERNAL MODULE: ./src/advisories/severity.ts + 4 modules
var advisories_severity = __webpack_require__(16169);
// EXTERNAL MODULE: ./src/report/change-scope.ts
var change_scope = __webpack_require__(54085);
// EXTERNAL MODULE: ./src/report/advice.ts
var advice = __webpack_require__(52296);
;// CONCATENATED MODULE: ./src/report/sbom-vulnerabilities.ts
/**
 * The SBOM's `vulnerabilities` section: one entry per advisory, affecting every package it was
 * found in, with the record's ratings, aliases, CWEs, dates and the fix to apply.
 */







const V = models.Vulnerability;
const { RatingMethod, Severity: CdxSeverity, AnalysisState, AnalysisResponse } = enums.Vulnerability;
/**
 * Findings grouped by advisory id. The VEX analysis and the properties belong to a whole entry,
 * so findings of one advisory whose ignore decisions differ (ignored for one package, not for
 * another), or, in scope `changes`, that one package brings in and another already had, get
 * one entry per decision.
 */
function buildVulnerabilities(outcome, components) {
    const groups = new Map();
    for (const pkg of outcome.packages) {
        for (const finding of pkg.vulnerabilities) {
            const introduced = (0,change_scope/* introducedIn */.Bi)(outcome, finding);
            const key = `${finding.id}\0${JSON.stringify(finding.ignored ?? null)}\0${introduced}`;
            const group = groups.get(key);
            if (group)
                group.push({ pkg, finding });
            else
                groups.set(key, [{ pkg, finding }]);
        }
    }
    return [...groups.values()].map(group => vulnerabilityOf(group, components, (0,change_scope/* introducedIn */.Bi)(outcome, group[0].finding)));
}
function vulnerabilityOf(group, components, introduced) {
    const { finding } = group[0];
    const record = finding.record;
    const aliases = [...new Set(group.flatMap(item => item.finding.aliases))];
    const summary = record.summary?.trim() || (finding.description === 'N/A' ? '' : finding.description);
    const vulnerability = new V.Vulnerability({
        id: finding.id,
        source: new V.Source({ name: 'OSV', url: (0,paths/* advisoryUrl */.L)(finding.id) }),
        references: new V.ReferenceRepository(aliases.map(referenceOf)),
        ratings: new V.RatingRepository(ratingsOf(record, finding)),
        advisories: new V.AdvisoryRepository(advisoriesOf(record)),
        recommendation: group.map(recommendationOf).join('\n'),
        affects: new V.AffectRepository(group.map(({ pkg }) => new V.Affect(components.get(pkg).bomRef, {
            versions: new V.AffectedVersionRepository([
                new V.AffectedSingleVersion(pkg.version, {
                    status: enums.Vulnerability.AffectStatus.Affected
                })
            ])
        }))),
        ...(summary ? { description: summary } : {}),
        ...(record.details?.trim() ? { detail: record.details } : {}),
        ...dateOf('published', record.published),
        ...dateOf('updated', record.modified),
        ...(finding.ignored ? { analysis: acceptedRisk(finding.ignored) } : {})
    });
    for (const cwe of cwesOf(record))
        vulnerability.cwes.add(cwe);
    if (finding.malicious)
        vulnerability.properties.add(new models.Property('pyaudit:malicious', 'true'));
    // Scope `changes`: whether the pull request brings this finding in or the base had it.
    if (introduced !== undefined)
        vulnerability.properties.add(new models.Property('pyaudit:introduced', String(introduced)));
    return vulnerability;
}
/** Where each alias is published: CVEs at NVD, GHSAs at GitHub, the rest at OSV. */
function referenceOf(alias) {
    if (alias.startsWith('CVE-')) {
        return new V.Reference(alias, new V.Source({ name: 'NVD', url: nvdUrl(alias) }));
    }
    if (alias.startsWith('GHSA-')) {
        return new V.Reference(alias, new V.Source({ name: 'GitHub Advisories', url: ghsaUrl(alias) }));
    }
    return new V.Reference(alias, new V.Source({ name: 'OSV', url: (0,paths/* advisoryUrl */.L)(alias) }));
}
const METHODS = {
    'CVSS:4.0/': RatingMethod.CVSSv4,
    'CVSS:3.1/': RatingMethod.CVSSv31,
    'CVSS:3.0/': RatingMethod.CVSSv3
};
/**
 * Every CVSS vector of the record that scores (a record may carry v3 and v4 side by side),
 * each with its base score; the database's own rating only when there is no vector, as the
 * gate rates it.
 */
function ratingsOf(record, finding) {
    const ratings = [];
    for (const entry of Array.isArray(record.severity) ? record.severity : []) {
        if (entry?.type !== 'CVSS_V4' && entry?.type !== 'CVSS_V3' && entry?.type !== 'CVSS_V2')
            continue;
        const score = (0,advisories_severity/* cvssBaseScore */.jK)(entry.type, entry.score);
        if (score === undefined)
            continue;
        const vector = entry.score.trim();
        const prefix = Object.keys(METHODS).find(candidate => vector.startsWith(candidate));
        ratings.push(new V.Rating({
            score,
            severity: CdxSeverity[capitalized((0,advisories_severity/* levelOfScore */.Io)(score))],
            method: prefix === undefined ? RatingMethod.CVSSv2 : METHODS[prefix],
            vector
        }));
    }
    const severity = finding.severity;
    if (ratings.length === 0 && severity.source === 'database' && severity.level !== 'unknown') {
        const database = record.id.startsWith('GHSA-')
            ? new V.Source({ name: 'GitHub Advisories', url: ghsaUrl(record.id) })
            : undefined;
        ratings.push(new V.Rating({
            severity: CdxSeverity[capitalized(severity.level)],
            method: RatingMethod.Other,
            justification: 'The advisory database rates it; the record has no CVSS vector.',
            ...(database ? { source: database } : {})
        }));
    }
    return ratings;
}
function advisoriesOf(record) {
    const urls = (record.references ?? [])
        .filter(reference => reference?.type === 'ADVISORY' && typeof reference.url === 'string')
        .flatMap(reference => (0,shared_escape/* safeUrl */.Pl)(reference.url) ?? []);
    return [...new Set(urls)].map(url => new V.Advisory(url));
}
function cwesOf(record) {
    const ids = record.database_specific?.cwe_ids;
    if (!Array.isArray(ids))
        return [];
    return ids.flatMap(id => {
        const match = typeof id === 'string' ? /^CWE-(\d+)$/i.exec(id.trim()) : null;
        const number = match ? Number(match[1]) : 0;
        return number > 0 ? [number] : [];
    });
}
/** One line per affected package: what to do about it. */
function recommendationOf(found) {
    return `${found.pkg.name} ${found.pkg.version}: ${(0,advice/* fixAdvice */.g)(found)}`;
}
/**
 * An ignored finding is an accepted risk, not a finding that the package is unaffected: nothing
 * was analysed that shows it cannot be exploited. CycloneDX says that as state `exploitable`
 * ("may be exploitable") with the response `will_not_fix`, and the rule's reason in `detail`.
 */
function acceptedRisk(ignored) {
    const until = ignored.until === undefined ? '' : ` until ${ignored.until}`;
    const reason = ignored.reason?.trim() || 'no reason given';
    return new V.Analysis({
        state: AnalysisState.Exploitable,
        response: new enums.Vulnerability.AnalysisResponseRepository([AnalysisResponse.WillNotFix]),
        detail: `Risk accepted: ignored by ${ignored.origin}${until}. Reason: ${reason}`
    });
}
function dateOf(field, value) {
    if (value === undefined)
        return {};
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? {} : { [field]: date };
}
function capitalized(level) {
    return `${level[0].toUpperCase()}${level.slice(1)}`;
}
function nvdUrl(id) {
    return `https://nvd.nist.gov/vuln/detail/${encodeURIComponent(id)}`;
}
function ghsaUrl(id) {
    return `https://github.com/advisories/${encodeURIComponent(id)}`;
}

;// CONCATENATED MODULE: ./src/report/sbom.ts
/**
 * The run as a CycloneDX 1.6 JSON SBOM: every audited package as a component, where it was
 * declared, its license, and the advisories that affect it (with a VEX analysis for ignored
 * findings). Pure: the outcome in, JSON text out.
 *
 * Only the library's subpath entry points are imported: its root entry point breaks inside an
 * ncc bundle.
 */













/** Namespace of our own properties (CycloneDX property taxonomy style). */
const NS = 'pyaudit';
const PROJECT_REF = 'pyaudit:project';
function buildSbom(outcome, options) {
    const root = options.repositoryRoot;
    const project = new models.Component(enums.ComponentType.Application, options.projectName || external_node_path_.basename(external_node_path_.resolve(root)) || 'project', { bomRef: PROJECT_REF });
    const tool = new models.Component(enums.ComponentType.Application, outcome.tool.name, {
        version: outcome.tool.version
    });
    const bom = new models.Bom({
        serialNumber: options.serialNumber ?? `urn:uuid:${(0,external_node_crypto_.randomUUID)()}`,
        metadata: new models.Metadata({
            timestamp: options.timestamp ?? new Date(),
            tools: new models.Tools({ components: new models.ComponentRepository([tool]) }),
            component: project,
            properties: new models.PropertyRepository(runProperties(outcome))
        })
    });
    const licenses = new Map(outcome.licenses.map(entry => [packageKey(entry), entry]));
    const issues = issuesByPackage(outcome.packageIssues ?? []);
    const components = new Map();
    for (const pkg of outcome.packages) {
        const component = packageComponent(pkg, licenses.get(packageKey(pkg)), root);
        for (const property of [
            ...changeProperties(outcome, pkg),
            ...statusProperties(issues.get(pinKey(pkg)) ?? [])
        ]) {
            component.properties.add(property);
        }
        components.set(pkg, component);
        bom.components.add(component);
    }
    for (const component of skippedComponents(outcome.skipped, root))
        bom.components.add(component);
    const graph = dependencyGraph(outcome, components);
    for (const vulnerability of buildVulnerabilities(outcome, components)) {
        bom.vulnerabilities.add(vulnerability);
    }
    const factory = new index_node.JSON.Normalize.Factory(spec.Spec1dot6);
    const normalized = factory.makeForBom().normalize(bom, { sortLists: false });
    return `${JSON.stringify(withHonestGraph(normalized, graph), redactStrings, 2)}\n`;
}
/** Names, reasons and the feed may hold a URL with credentials, or a server's echo of a secret. */
function redactStrings(_key, value) {
    return typeof value === 'string' ? (0,shared_escape/* redactSecrets */.fp)(value) : value;
}
function packageComponent(pkg, license, root) {
    const purl = purlOf(pkg.name, pkg.version);
    return new models.Component(enums.ComponentType.Library, (0,names/* normalizeName */.P)(pkg.name), {
        bomRef: purl,
        purl,
        version: pkg.version,
        licenses: new models.LicenseRepository(licensesOf(license)),
        properties: new models.PropertyRepository(declarationProperties(pkg.declarations, root))
    });
}
/**
 * An SPDX expression where the metadata makes one certain; else the license as the package
 * states it, by name; nothing when it is unknown or licenses were not checked.
 */
function licensesOf(entry) {
    if (entry === undefined)
        return [];
    if (entry.spdx !== null)
        return [new models.LicenseExpression(entry.spdx)];
    if (entry.source === 'unknown' || entry.license.trim() === '')
        return [];
    return [new models.NamedLicense(entry.license)];
}
/**
 * Requirements the run could not audit (unpinned, URLs, editable installs...) are still part
 * of the project: they are listed, marked with the reason, so the SBOM does not silently
 * leave them out. They get no purl: their version is unknown or not a PyPI release.
 */
function skippedComponents(skipped, root) {
    const byRef = new Map();
    for (const item of skipped) {
        const name = (0,names/* normalizeName */.P)(item.name);
        const ref = unauditedRef(item);
        const group = byRef.get(ref) ?? { name, version: item.version, items: [] };
        group.items.push(item);
        byRef.set(ref, group);
    }
    return [...byRef].map(([ref, group]) => new models.Component(enums.ComponentType.Library, group.name, {
        bomRef: ref,
        ...(group.version === undefined ? {} : { version: group.version }),
        properties: new models.PropertyRepository([
            ...distinct(group.items.map(item => item.reason)).map(reason => new models.Property(`${NS}:unaudited:reason`, reason)),
            ...declarationProperties(group.items, root)
        ])
    }));
}
/**
 * Where the component is declared: one `pyaudit:declared-in` per declaration as
 * `<file>:<line>` (file relative to the repository, line left out where the format has none),
 * then the distinct formats and dependency groups.
 */
function declarationProperties(declarations, root) {
    const places = distinct(declarations.map(item => position(item.location, root)));
    const formats = distinct(declarations.map(item => item.format));
    const groups = distinct(declarations.flatMap(item => (item.group ? [item.group] : [])));
    return [
        ...places.map(place => new models.Property(`${NS}:declared-in`, place)),
        ...formats.map(format => new models.Property(`${NS}:format`, format)),
        ...groups.map(group => new models.Property(`${NS}:group`, group))
    ];
}
function position(location, root) {
    const file = (0,paths/* repositoryPath */.S)(location.file, root);
    return location.line > 0 ? `${file}:${location.line}` : file;
}
function runProperties(outcome) {
    const base = outcome.changes?.base;
    return [
        new models.Property(`${NS}:advisory-feed`, outcome.feed),
        ...(outcome.databaseUpdated === undefined
            ? []
            : [new models.Property(`${NS}:advisory-database-updated`, outcome.databaseUpdated)]),
        ...(base === undefined
            ? []
            : [
                new models.Property(`${NS}:base-ref`, base.ref),
                new models.Property(`${NS}:base-sha`, base.sha)
            ])
    ];
}
/** Scope `changes`: `pyaudit:change`, how the pull request touches the pin. */
function changeProperties(outcome, pkg) {
    const change = (0,change_scope/* changeIn */.UM)(outcome, pkg);
    return change === undefined ? [] : [new models.Property(`${NS}:change`, change)];
}
/**
 * What the package index says of the pin: `pyaudit:package-status` (the kind, e.g. `yanked`)
 * followed by its `pyaudit:package-status-reason`, once per distinct finding (a pin declared
 * twice has the same finding twice). CycloneDX properties may repeat a name, in order.
 */
function statusProperties(issues) {
    const seen = new Set();
    return issues.flatMap(issue => {
        const key = `${issue.kind}\0${issue.reason}`;
        if (seen.has(key))
            return [];
        seen.add(key);
        return [
            new models.Property(`${NS}:package-status`, issue.kind),
            new models.Property(`${NS}:package-status-reason`, issue.reason)
        ];
    });
}
function issuesByPackage(issues) {
    const byPackage = new Map();
    for (const issue of issues) {
        const key = pinKey(issue);
        byPackage.set(key, [...(byPackage.get(key) ?? []), issue]);
    }
    return byPackage;
}
/** One name and version however each file spells them (`Flask==2.00` is `flask` 2.0). */
function pinKey(pin) {
    return `${(0,names/* normalizeName */.P)(pin.name)}\0${(0,versions/* normalVersion */.A)(pin.version)}`;
}
function unauditedRef(item) {
    const version = item.version === undefined ? '' : `@${item.version}`;
    return `${NS}:unaudited:${(0,names/* normalizeName */.P)(item.name)}${version}`;
}
/**
 * The edges lockfiles record (`Dependency.dependsOn`), as component refs: a name resolves to
 * every component of that name declared in the same file (audited or not; every locked version
 * of it, as the edge holds no version). Only components with a declaration that knows the graph
 * get an entry; an empty one then truly says "requires nothing".
 */
function dependencyGraph(outcome, components) {
    const inFile = new Map();
    const add = (file, name, ref) => {
        const key = `${file}\0${(0,names/* normalizeName */.P)(name)}`;
        inFile.set(key, (inFile.get(key) ?? new Set()).add(ref));
    };
    for (const [pkg, component] of components) {
        for (const item of pkg.declarations)
            add(item.location.file, item.name, refOf(component));
    }
    for (const item of outcome.skipped)
        add(item.location.file, item.name, unauditedRef(item));
    return [...components].flatMap(([pkg, component]) => {
        const ref = refOf(component);
        const known = pkg.declarations.filter(item => item.dependsOn !== undefined);
        if (known.length === 0)
            return [];
        const dependsOn = new Set();
        let complete = true;
        for (const item of known) {
            for (const name of item.dependsOn) {
                const targets = inFile.get(`${item.location.file}\0${(0,names/* normalizeName */.P)(name)}`);
                if (targets === undefined)
                    complete = false;
                for (const target of targets ?? [])
                    if (target !== ref)
                        dependsOn.add(target);
            }
        }
        return [{ ref, dependsOn: [...dependsOn], complete }];
    });
}
function refOf(component) {
    return component.bomRef.value;
}
/**
 * The spec reads a `dependencies` entry as the component's whole list of direct dependencies,
 * so entries are given only where a lockfile recorded the graph (the library's own, an empty
 * entry per component, would claim "none" for all). Compositions say which lists are complete;
 * the project's and every other component's relationships stay unknown.
 */
function withHonestGraph(bom, graph) {
    const refsWhere = (complete) => graph.filter(entry => entry.complete === complete).map(entry => entry.ref);
    const known = new Set(graph.map(entry => entry.ref));
    const unknown = [
        PROJECT_REF,
        ...(bom.components ?? []).flatMap(item => item['bom-ref'] && !known.has(item['bom-ref']) ? [item['bom-ref']] : [])
    ];
    const compositions = [
        { aggregate: 'complete', dependencies: refsWhere(true) },
        { aggregate: 'incomplete', dependencies: refsWhere(false) },
        { aggregate: 'unknown', dependencies: unknown }
    ].filter(composition => composition.dependencies.length > 0);
    const { dependencies: _libraryGraph, ...rest } = bom;
    const dependencies = graph.map(({ ref, dependsOn }) => ({ ref, dependsOn }));
    return { ...rest, ...(dependencies.length > 0 ? { dependencies } : {}), compositions };
}
/** The package URL of a PyPI release: `pkg:pypi/<PEP 503 name>@<version>`. */
function purlOf(name, version) {
    return new packageurl_js.PackageURL('pypi', undefined, (0,names/* normalizeName */.P)(name), version, undefined, undefined).toString();
}
function packageKey(item) {
    return `${(0,names/* normalizeName */.P)(item.name)}\0${item.version}`;
}
function distinct(items) {
    return [...new Set(items)];
}


/***/ })

};
