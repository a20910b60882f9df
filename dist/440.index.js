export const id = 440;
export const ids = [440];
export const modules = {

/***/ 75065:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   l: () => (/* binding */ lockMarkerText),
/* harmony export */   t: () => (/* binding */ LockMarkers)
/* harmony export */ });
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(81136);
/* harmony import */ var _marker_text_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(67000);
/* harmony import */ var _markers_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(39457);
/* harmony import */ var _pep508_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(22048);
/* harmony import */ var _requirements_syntax_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(91770);
/* harmony import */ var _toml_file_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(51454);
/**
 * The markers of lockfile entries: the text a dependency carries, and whether the entry is
 * installed on the target the audit is narrowed to. A lock covers every extra and group, so
 * `extra`, `extras` and `dependency_groups` may hold anything.
 */






class LockMarkers {
    environment;
    comparisons = new _markers_js__WEBPACK_IMPORTED_MODULE_1__/* .MarkerComparisons */ .lR();
    results = new Map();
    /** `environment`: the target; undefined: every entry applies, and markers are not evaluated. */
    constructor(environment) {
        this.environment = environment;
    }
    get narrowing() {
        return this.environment !== undefined;
    }
    /** Whether an entry with this marker is installed on the target (always without one of them). */
    applies(marker, context) {
        if (this.environment === undefined || marker === undefined || marker.trim() === '')
            return true;
        let result = this.results.get(marker);
        if (result === undefined) {
            result = this.evaluate(marker, context);
            this.results.set(marker, result);
        }
        return result;
    }
    evaluate(marker, context) {
        try {
            return (0,_markers_js__WEBPACK_IMPORTED_MODULE_1__/* .evaluateMarker */ .UZ)(marker, this.environment, null, this.comparisons);
        }
        catch (error) {
            if (error instanceof _markers_js__WEBPACK_IMPORTED_MODULE_1__/* .MarkerLimitError */ .uK)
                throw (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_4__/* .entryError */ .Pm)(context, (0,_limits_js__WEBPACK_IMPORTED_MODULE_0__/* .markerComparisonsReason */ .hx)());
            if (!(error instanceof _pep508_js__WEBPACK_IMPORTED_MODULE_2__/* .RequirementSyntaxError */ .tL))
                throw error;
            throw (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_4__/* .entryError */ .Pm)(context, `invalid marker ${(0,_requirements_syntax_js__WEBPACK_IMPORTED_MODULE_3__/* .excerpt */ .Kb)(marker)}: ${error.message}`);
        }
    }
}
/** A lockfile's marker as a dependency carries it: whitespace normalised; none when empty. */
function lockMarkerText(marker) {
    if (marker === undefined)
        return undefined;
    const text = (0,_marker_text_js__WEBPACK_IMPORTED_MODULE_5__/* .normalizeMarkerText */ .x0)(marker);
    return text === '' ? undefined : text;
}


/***/ }),

/***/ 77515:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ tomlLockParser),
/* harmony export */   o: () => (/* binding */ vcsSourceReason)
/* harmony export */ });
/* harmony import */ var _lock_markers_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(75065);
/* harmony import */ var _source_builder_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(97083);
/* harmony import */ var _toml_file_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51454);
/**
 * What the lockfile readers share: opening a TOML lock (parsed, its format version checked, its
 * `[[package]]` tables walked with the context their errors name), and the VCS checkouts that
 * PDM and pipenv write as one key.
 */



/**
 * The parser of a TOML lock's text (`absolutePath` is where the text came from): the document
 * parsed, its format version checked, and the lock handed to `readPackages`.
 */
function tomlLockParser(lock, readPackages) {
    return (text, absolutePath, options) => {
        const file = (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_1__/* .shownPath */ .pS)(absolutePath, options);
        const document = (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_1__/* .parseToml */ .MT)(text, file, { table: lock.table, keys: lock.artifactKeys });
        checkVersion(document, lock.version, file);
        return readPackages({
            file,
            document,
            entries: lockEntries(document, text, lock.table, file),
            builder: new _source_builder_js__WEBPACK_IMPORTED_MODULE_2__/* .SourceResultBuilder */ .Km(absolutePath, lock.format),
            markers: new _lock_markers_js__WEBPACK_IMPORTED_MODULE_0__/* .LockMarkers */ .t(options?.markerEnvironment)
        });
    };
}
function checkVersion(document, version, file) {
    const holder = version.table === undefined ? document : document[version.table];
    if (!(0,_toml_file_js__WEBPACK_IMPORTED_MODULE_1__/* .isTable */ .bI)(holder))
        return;
    const value = holder[version.key];
    if (value === undefined && version.required) {
        throw (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_1__/* .documentError */ .aH)(file, `missing '${version.key}'`);
    }
    (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_1__/* .checkFormatVersion */ .u4)(value, version.readable, version.name ?? version.key, file);
}
/**
 * The `[[key]]` entries of a lock, each with its required `name`. Errors name an entry
 * `[[key]] #n` until its name is read, then `package '<name>'`. The array itself is checked
 * now; the entries are read one at a time as they are taken, so a reader that checks each entry
 * before taking the next reports the first bad entry of the file.
 */
function lockEntries(document, text, key, file) {
    const tables = (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_1__/* .arrayOfTables */ .cu)(document, key, file);
    const lines = (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_1__/* .arrayTableLines */ .rt)(text, key, tables.length);
    return (function* () {
        for (const [index, table] of tables.entries()) {
            const context = { file, line: lines[index], entry: `[[${key}]] #${index + 1}` };
            const name = (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_1__/* .requiredString */ .Fk)(table, 'name', context);
            context.entry = `package '${name}'`;
            yield { table, name, context };
        }
    })();
}
const VCS_KEYS = ['git', 'hg', 'svn', 'bzr'];
/**
 * The skip reason of an entry that names a VCS checkout by its URL under the VCS's key
 * (`git = "https://..."`), at the first of `revisionKeys` it has; undefined when it names none.
 */
function vcsSourceReason(entry, context, revisionKeys) {
    for (const vcs of VCS_KEYS) {
        const url = (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_1__/* .optionalString */ .sx)(entry, vcs, context);
        if (url === undefined)
            continue;
        let revision;
        for (const key of revisionKeys)
            revision ??= (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_1__/* .optionalString */ .sx)(entry, key, context);
        return (0,_source_builder_js__WEBPACK_IMPORTED_MODULE_2__/* .notAReleaseReason */ .u1)(vcs, url, revision);
    }
    return undefined;
}


/***/ }),

/***/ 82440:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  parseUvLock: () => (/* binding */ parseUvLock),
  readUvLock: () => (/* binding */ readUvLock)
});

// EXTERNAL MODULE: ./src/deps/names.ts
var names = __webpack_require__(96498);
// EXTERNAL MODULE: ./src/deps/toml-file.ts + 1 modules
var toml_file = __webpack_require__(51454);
// EXTERNAL MODULE: ./src/deps/source-builder.ts
var source_builder = __webpack_require__(97083);
// EXTERNAL MODULE: ./src/deps/lock-markers.ts
var lock_markers = __webpack_require__(75065);
// EXTERNAL MODULE: ./src/deps/marker-text.ts
var marker_text = __webpack_require__(67000);
;// CONCATENATED MODULE: ./src/deps/uv-conditions.ts
/**
 * Where each package of a uv.lock is installed. uv writes markers on the edges of the graph, not
 * on packages: a package is installed where some path from the project reaches it with every
 * marker on the path holding. Conditions are kept in disjunctive normal form (any of the terms,
 * each all of its markers) and computed to a fixed point over the graph, cycles included.
 *
 * Bounded, and only ever widened: a term keeps at most MAX_TERM_MARKERS markers (dropping one
 * widens it), a condition at most MAX_TERMS terms (beyond: everywhere), and past a work budget
 * every package counts as installed everywhere. A wider condition is audited more often, never
 * less, so narrowing to a target never drops a package the target installs.
 */

const EVERYWHERE = { terms: [[]], key: '' };
const MAX_TERMS = 8;
const MAX_TERM_MARKERS = 4;
/**
 * Work (terms built or compared) allowed per node and edge of the graph, and at least: a lock
 * that a tool writes needs a small part of it; past it every package counts as everywhere.
 */
const WORK_PER_ITEM = 40;
const MIN_WORK = 200_000;
/**
 * The condition of each package: where it is installed. A package that no path from the project
 * reaches (or every package, when the work budget ran out) counts as installed everywhere.
 */
function installConditions(graph) {
    const count = graph.edges.length;
    const markers = [];
    const numbers = new Map();
    const numberOf = (marker) => {
        let number = numbers.get(marker);
        if (number === undefined) {
            number = markers.length;
            markers.push(marker);
            numbers.set(marker, number);
        }
        return number;
    };
    const conditions = new Array(count);
    const extraConditions = new Map();
    const queue = [];
    const edgeCount = graph.edges.reduce((sum, edges) => sum + edges.length, graph.roots.length);
    let work = MIN_WORK + WORK_PER_ITEM * (count + edgeCount);
    const reach = (edge, from) => {
        work -= from.terms.length;
        const via = edge.marker === undefined ? from : and(from, numberOf(edge.marker));
        for (const target of edge.targets) {
            work -= (conditions[target]?.terms.length ?? 0) + via.terms.length;
            const widened = widen(conditions[target], via);
            if (widened) {
                conditions[target] = widened;
                queue.push(target);
            }
            for (const extra of edge.extras) {
                const key = `${target}[${extra}]`;
                const current = extraConditions.get(key);
                work -= (current?.terms.length ?? 0) + via.terms.length;
                const widenedExtra = widen(current, via);
                if (widenedExtra) {
                    extraConditions.set(key, widenedExtra);
                    queue.push(key);
                }
            }
        }
    };
    for (const edge of graph.roots)
        reach(edge, EVERYWHERE);
    // First in, first out: a package is seen after the ones nearer the project, so fewer times.
    for (let next = 0; next < queue.length && work > 0; next++) {
        const node = queue[next];
        if (typeof node === 'number') {
            for (const edge of graph.edges[node])
                reach(edge, conditions[node]);
        }
        else {
            const bracket = node.indexOf('[');
            const index = Number(node.slice(0, bracket));
            const extra = node.slice(bracket + 1, -1);
            for (const edge of graph.extraEdges[index].get(extra) ?? [])
                reach(edge, extraConditions.get(node));
        }
    }
    const settled = work > 0;
    const conditionOf = (index) => (settled && conditions[index]) || EVERYWHERE;
    return {
        marker: index => {
            const { terms } = conditionOf(index);
            if (isEverywhere(terms))
                return undefined;
            return (0,marker_text/* anyOfMarkers */.T_)(terms.map(term => (0,marker_text/* allOfMarkers */.iA)(term.map(n => markers[n]))));
        },
        holds: (index, holds) => conditionOf(index).terms.some(term => term.every(n => holds(markers[n])))
    };
}
function isEverywhere(terms) {
    return terms.some(term => term.length === 0);
}
/** `current` or `added` (current undefined: nothing yet); undefined when that is no wider. */
function widen(current, added) {
    if (current === undefined)
        return added;
    if (isEverywhere(current.terms))
        return undefined;
    const merged = simplify([...current.terms, ...added.terms]);
    return merged.key === current.key ? undefined : merged;
}
function and(condition, marker) {
    return simplify(condition.terms.map(term => {
        if (term.includes(marker) || term.length >= MAX_TERM_MARKERS)
            return term;
        return [...term, marker].sort((a, b) => a - b);
    }));
}
/** Terms that another term already implies dropped; past MAX_TERMS, everywhere. */
function simplify(terms) {
    if (isEverywhere(terms))
        return EVERYWHERE;
    const sorted = [...terms].sort((x, y) => x.length - y.length);
    const kept = [];
    for (const term of sorted) {
        if (kept.some(other => other.every(marker => term.includes(marker))))
            continue;
        kept.push(term);
        if (kept.length > MAX_TERMS)
            return EVERYWHERE;
    }
    const keys = kept.map(term => term.join(','));
    const order = keys.map((_, index) => index).sort((a, b) => (keys[a] < keys[b] ? -1 : 1));
    return { terms: order.map(index => kept[index]), key: order.map(index => keys[index]).join('|') };
}

// EXTERNAL MODULE: ./src/deps/lock-reader.ts
var lock_reader = __webpack_require__(77515);
;// CONCATENATED MODULE: ./src/deps/uv-lock.ts






const SOURCE_KINDS = ['registry', 'git', 'url', 'path', 'directory', 'editable', 'virtual'];
/** Reads a uv.lock already in memory; `absolutePath` is where it came from. */
const parseUvLock = (0,lock_reader/* tomlLockParser */.H)({
    format: 'uv.lock',
    table: 'package',
    artifactKeys: ['sdist', 'wheels'],
    version: { key: 'version', name: 'uv.lock version', readable: [1] }
}, readPackages);
const readUvLock = toml_file/* fileReader */.q2(parseUvLock);
function readPackages({ file, document, entries, builder, markers }) {
    const packages = Array.from(entries, readPackage);
    const manifest = readManifest(document, file);
    const isProject = projectTest(manifest.members);
    const roots = new Map();
    const addRoots = (label, refs, from) => {
        const list = roots.get(label) ?? [];
        for (const ref of refs)
            list.push({ ref, from });
        roots.set(label, list);
    };
    addRoots('main', manifest.requirements, manifest.context);
    for (const [group, refs] of manifest.groups)
        addRoots(group, refs, manifest.context);
    for (const pkg of packages) {
        if (!isProject(pkg))
            continue;
        addRoots('main', pkg.dependencies, pkg.context);
        for (const [extra, refs] of pkg.optional)
            addRoots(extra, refs, pkg.context);
        for (const [group, refs] of pkg.dev)
            addRoots(group, refs, pkg.context);
    }
    const graph = resolveGraph(packages, roots);
    const labels = labelReachable(graph);
    const conditions = installConditions(graph);
    const installed = packages.map((pkg, index) => !isProject(pkg) && conditions.holds(index, marker => markers.applies(marker, pkg.context)));
    const requires = requiredNames(packages, installed);
    packages.forEach((pkg, index) => {
        if (!installed[index])
            return;
        const reason = skipReason(pkg.source);
        if (reason !== undefined) {
            builder.addSkipped(pkg.displayName, pkg.version, reason, pkg.context.line);
        }
        else if (pkg.version === undefined) {
            throw toml_file/* entryError */.Pm(pkg.context, "missing 'version'");
        }
        else {
            const marker = conditions.marker(index);
            builder.addDependency(pkg.displayName, pkg.version, pkg.context.line, labels[index], marker);
        }
    });
    const result = builder.build();
    const edges = (dep) => [...(requires.get(`${dep.name}@${dep.version}`) ?? [])];
    return { ...result, dependencies: result.dependencies.map(d => ({ ...d, dependsOn: edges(d) })) };
}
/**
 * Names each package may require, by name@version: `dependencies` and every extra's (an edge is
 * "may require"). By name only: where uv pins one of several locked versions, a report resolves
 * the name to all of them. No edge to the project, nor to itself (an extra pulling in extras),
 * nor to a package the target does not install. `installed`: by index, the packages reported.
 */
function requiredNames(packages, installed) {
    const kept = packages.filter((_, index) => installed[index]);
    const reported = new Set(kept.map(pkg => pkg.name));
    const requires = new Map();
    for (const pkg of kept) {
        const names = requires.get(`${pkg.name}@${pkg.version}`) ?? new Set();
        for (const ref of [...pkg.dependencies, ...[...pkg.optional.values()].flat()]) {
            if (ref.name !== pkg.name && reported.has(ref.name))
                names.add(ref.name);
        }
        requires.set(`${pkg.name}@${pkg.version}`, names);
    }
    return requires;
}
function readPackage({ table: entry, name: displayName, context }) {
    // uv omits the version of a source tree whose version is dynamic; a registry package always has one.
    const version = toml_file/* optionalString */.sx(entry, 'version', context);
    const source = readSource(toml_file/* optionalTable */.D6(entry, 'source', context), context);
    return {
        name: (0,names/* normalizeName */.P)(displayName),
        displayName,
        version,
        sourceKey: source && `${source.kind}=${source.value}`,
        source,
        context,
        dependencies: readRefs(toml_file/* optionalArray */.oS(entry, 'dependencies', context), context),
        optional: readRefTable(toml_file/* optionalTable */.D6(entry, 'optional-dependencies', context), context),
        dev: readRefTable(toml_file/* optionalTable */.D6(entry, 'dev-dependencies', context), context)
    };
}
function readSource(table, context) {
    if (table === undefined)
        return undefined;
    const sourceContext = { ...context, entry: `${context.entry} source` };
    for (const kind of SOURCE_KINDS) {
        const value = toml_file/* optionalString */.sx(table, kind, sourceContext);
        if (value !== undefined)
            return { kind, value };
    }
    const keys = Object.keys(table).join(', ') || 'nothing';
    throw toml_file/* entryError */.Pm(sourceContext, `unknown source (${keys})`);
}
function readRefs(items, context) {
    return (items ?? []).map(item => {
        if (!toml_file/* isTable */.bI(item))
            throw toml_file/* entryError */.Pm(context, 'each dependency must be a table');
        const refContext = { ...context, entry: `${context.entry} dependency` };
        const source = readSource(toml_file/* optionalTable */.D6(item, 'source', refContext), refContext);
        return {
            name: (0,names/* normalizeName */.P)(toml_file/* requiredString */.Fk(item, 'name', refContext)),
            version: toml_file/* optionalString */.sx(item, 'version', refContext),
            sourceKey: source && `${source.kind}=${source.value}`,
            extras: toml_file/* optionalStringArray */.li(item, 'extra', refContext) ?? [],
            marker: (0,lock_markers/* lockMarkerText */.l)(toml_file/* optionalString */.sx(item, 'marker', refContext))
        };
    });
}
function readRefTable(table, context) {
    const refs = new Map();
    for (const [label, items] of Object.entries(table ?? {})) {
        if (!Array.isArray(items))
            throw toml_file/* entryError */.Pm(context, `'${label}' must be an array of tables`);
        refs.set(label, readRefs(items, context));
    }
    return refs;
}
/** `[manifest]`: workspace members, and the roots of a lock without a project (scripts, PEP 735 only). */
function readManifest(document, file) {
    const context = { file, line: 0, entry: '[manifest]' };
    const manifest = toml_file/* optionalTable */.D6(document, 'manifest', context) ?? {};
    const members = toml_file/* optionalStringArray */.li(manifest, 'members', context);
    return {
        context,
        members: members && new Set(members.map(names/* normalizeName */.P)),
        requirements: readRefs(toml_file/* optionalArray */.oS(manifest, 'requirements', context), context),
        groups: readRefTable(toml_file/* optionalTable */.D6(manifest, 'dependency-groups', context), context)
    };
}
/**
 * Every edge resolved once to the packages it may mean (a dangling one fails the read, reachable
 * or not); root edges by label.
 */
function resolveGraph(packages, roots) {
    const byName = new Map();
    packages.forEach((pkg, index) => {
        const list = byName.get(pkg.name);
        if (list)
            list.push(index);
        else
            byName.set(pkg.name, [index]);
    });
    const resolve = (ref, from) => {
        const targets = (byName.get(ref.name) ?? []).filter(index => {
            const candidate = packages[index];
            if (ref.version !== undefined && candidate.version !== ref.version)
                return false;
            return ref.sourceKey === undefined || candidate.sourceKey === ref.sourceKey;
        });
        if (targets.length > 0) {
            return {
                targets,
                extras: ref.extras,
                ...(ref.marker !== undefined && { marker: ref.marker })
            };
        }
        const wanted = ref.version === undefined ? ref.name : `${ref.name} ${ref.version}`;
        throw toml_file/* entryError */.Pm(from, `depends on '${wanted}', which is not in the lock file`);
    };
    const edges = packages.map(pkg => pkg.dependencies.map(ref => resolve(ref, pkg.context)));
    const extraEdges = packages.map(pkg => {
        const byExtra = new Map();
        for (const [extra, refs] of pkg.optional) {
            byExtra.set(extra, refs.map(ref => resolve(ref, pkg.context)));
        }
        return byExtra;
    });
    const byLabel = new Map();
    for (const [label, rootRefs] of roots)
        byLabel.set(label, rootRefs.map(({ ref, from }) => resolve(ref, from)));
    return { roots: [...byLabel.values()].flat(), edges, extraEdges, byLabel };
}
/**
 * The labels (groups) under which each package is reachable from the roots: a depth-first walk
 * per label over package nodes and (package, extra) nodes, each visited once: O(labels x graph).
 * Markers play no part: a group is where a package is declared, not where it is installed.
 */
function labelReachable(graph) {
    const { edges, extraEdges } = graph;
    const labels = edges.map(() => []);
    for (const [label, rootEdges] of graph.byLabel) {
        const visited = new Uint8Array(edges.length);
        const visitedExtras = new Set();
        const stack = [...rootEdges];
        while (stack.length > 0) {
            const edge = stack.pop();
            for (const index of edge.targets) {
                if (visited[index] === 0) {
                    visited[index] = 1;
                    labels[index].push(label);
                    for (const next of edges[index])
                        stack.push(next);
                }
                for (const extra of edge.extras) {
                    const key = `${index}[${extra}]`;
                    if (visitedExtras.has(key))
                        continue;
                    visitedExtras.add(key);
                    for (const next of extraEdges[index].get(extra) ?? [])
                        stack.push(next);
                }
            }
        }
    }
    return labels;
}
/** The project: the lock's own directory, or any workspace member. */
function projectTest(members) {
    return (pkg) => {
        const kind = pkg.source?.kind;
        if (kind !== 'editable' && kind !== 'virtual')
            return false;
        return pkg.source.value === '.' || members?.has(pkg.name) === true;
    };
}
function skipReason(source) {
    // Any index, PyPI or not (and no source at all): the release is published under this name and
    // version, so its advisories apply.
    if (source === undefined)
        return undefined;
    switch (source.kind) {
        case 'registry':
            return undefined;
        case 'git': {
            const { url, revision } = splitGitSource(source.value);
            return (0,source_builder/* notAReleaseReason */.u1)('git', url, revision);
        }
        case 'editable':
            return (0,source_builder/* notAReleaseReason */.u1)('editable directory', source.value);
        case 'virtual':
            return (0,source_builder/* notAReleaseReason */.u1)('virtual directory', source.value);
        default:
            return (0,source_builder/* notAReleaseReason */.u1)(source.kind, source.value);
    }
}
/** uv writes `https://host/repo?rev=main#<commit>`: the fragment is the locked commit. */
function splitGitSource(value) {
    const [beforeFragment, fragment] = value.split('#', 2);
    const [url, query] = beforeFragment.split('?', 2);
    const requested = query && /(?:^|&)(?:rev|tag|branch)=([^&]*)/.exec(query)?.[1];
    return { url: (0,source_builder/* redactUrl */.BO)(url), revision: fragment || requested || undefined };
}


/***/ })

};
