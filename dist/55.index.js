export const id = 55;
export const ids = [55];
export const modules = {

/***/ 97083:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BO: () => (/* binding */ redactUrl),
/* harmony export */   Km: () => (/* binding */ SourceResultBuilder),
/* harmony export */   X$: () => (/* binding */ directUrlReason),
/* harmony export */   dL: () => (/* binding */ pickGroup),
/* harmony export */   u1: () => (/* binding */ notAReleaseReason)
/* harmony export */ });
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(96498);
/**
 * Building a SourceResult from a lockfile's entries, and the wording for what cannot be audited.
 */

/** One group per dependency: main if it is needed at runtime at all, else its groups joined. */
function pickGroup(groups) {
    const unique = [...new Set(groups)];
    if (unique.includes('main'))
        return 'main';
    return unique.length === 0 ? undefined : unique.sort().join(',');
}
/** Drops credentials from a URL before it goes into a message (private index or git tokens). */
function redactUrl(url) {
    return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@?#]*@/i, '$1***@');
}
/** Reason for a dependency that does not come from a package index, e.g. a git checkout. */
function notAReleaseReason(kind, where, revision) {
    const suffix = revision ? `@${revision}` : '';
    return `${kind} source ${redactUrl(where)}${suffix}: not a PyPI release`;
}
/** `name @ url`: a VCS checkout, a local path or an archive, never an index release. */
function directUrlReason(url) {
    const vcs = /^(git|hg|svn|bzr)\+(.*)$/.exec(url);
    if (vcs) {
        const location = vcs[2].split('#')[0];
        const at = location.lastIndexOf('@');
        const revision = at > location.lastIndexOf('/') ? location.slice(at + 1) : undefined;
        return notAReleaseReason(vcs[1], revision ? location.slice(0, at) : location, revision);
    }
    return notAReleaseReason(url.startsWith('file:') ? 'path' : 'url', url);
}
/**
 * Collects one file's dependencies. The same name and version listed twice (PDM repeats a package
 * once per set of extras; Pipfile.lock lists it under default and develop) is one dependency, its
 * groups merged by pickGroup.
 */
class SourceResultBuilder {
    file;
    format;
    dependencies = new Map();
    skipped = [];
    constructor(file, format) {
        this.file = file;
        this.format = format;
    }
    addDependency(name, version, line, groups) {
        const normalized = (0,_names_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeName */ .P)(name);
        const key = `${normalized}@${version}`;
        const existing = this.dependencies.get(key);
        if (existing) {
            existing.groups.push(...(groups ?? []));
            return;
        }
        const dependency = {
            name: normalized,
            version,
            location: { file: this.file, line },
            format: this.format
        };
        this.dependencies.set(key, { dependency, groups: [...(groups ?? [])] });
    }
    addSkipped(name, version, reason, line) {
        const skipped = {
            name: (0,_names_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeName */ .P)(name),
            reason,
            location: { file: this.file, line },
            format: this.format
        };
        if (version !== undefined)
            skipped.version = version;
        this.skipped.push(skipped);
    }
    build() {
        const dependencies = [...this.dependencies.values()].map(({ dependency, groups }) => {
            const group = pickGroup(groups);
            return group === undefined ? dependency : { ...dependency, group };
        });
        return { file: this.file, format: this.format, dependencies, skipped: this.skipped };
    }
}


/***/ }),

/***/ 19055:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   readUvLock: () => (/* binding */ readUvLock)
/* harmony export */ });
/* unused harmony export parseUvLock */
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(96498);
/* harmony import */ var _toml_file_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51454);
/* harmony import */ var _source_builder_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(97083);



const SOURCE_KINDS = ['registry', 'git', 'url', 'path', 'directory', 'editable', 'virtual'];
async function readUvLock(absolutePath, options) {
    return parseUvLock(await (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .readSourceText */ .Vv)(absolutePath, options), absolutePath, options);
}
/** Reads a uv.lock already in memory; `absolutePath` is where it came from. */
function parseUvLock(text, absolutePath, options) {
    const file = (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .shownPath */ .pS)(absolutePath, options);
    const document = (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .parseToml */ .MT)(text, file, { table: 'package', keys: ['sdist', 'wheels'] });
    (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .checkFormatVersion */ .u4)(document.version, [1], 'uv.lock version', file);
    const entries = (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .arrayOfTables */ .cu)(document, 'package', file);
    const lines = (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .arrayTableLines */ .rt)(text, 'package', entries.length);
    const packages = entries.map((entry, index) => readPackage(entry, file, lines[index], index));
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
    const labels = labelReachable(packages, roots);
    const requires = requiredNames(packages, isProject);
    const builder = new _source_builder_js__WEBPACK_IMPORTED_MODULE_1__/* .SourceResultBuilder */ .Km(absolutePath, 'uv.lock');
    packages.forEach((pkg, index) => {
        if (isProject(pkg))
            return;
        const reason = skipReason(pkg.source);
        if (reason !== undefined) {
            builder.addSkipped(pkg.displayName, pkg.version, reason, pkg.context.line);
        }
        else if (pkg.version === undefined) {
            throw (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .entryError */ .Pm)(pkg.context, "missing 'version'");
        }
        else {
            builder.addDependency(pkg.displayName, pkg.version, pkg.context.line, labels[index]);
        }
    });
    const result = builder.build();
    const edges = (dep) => [...(requires.get(`${dep.name}@${dep.version}`) ?? [])];
    return { ...result, dependencies: result.dependencies.map(d => ({ ...d, dependsOn: edges(d) })) };
}
/**
 * Names each package may require, by name@version: `dependencies` and every extra's (an edge is
 * "may require"). By name only: where uv pins one of several locked versions, a report resolves
 * the name to all of them. No edge to the project, nor to itself (an extra pulling in extras).
 */
function requiredNames(packages, isProject) {
    const reported = new Set(packages.filter(pkg => !isProject(pkg)).map(pkg => pkg.name));
    const requires = new Map();
    for (const pkg of packages.filter(pkg => !isProject(pkg))) {
        const names = requires.get(`${pkg.name}@${pkg.version}`) ?? new Set();
        for (const ref of [...pkg.dependencies, ...[...pkg.optional.values()].flat()]) {
            if (ref.name !== pkg.name && reported.has(ref.name))
                names.add(ref.name);
        }
        requires.set(`${pkg.name}@${pkg.version}`, names);
    }
    return requires;
}
function readPackage(entry, file, line, index) {
    const context = { file, line, entry: `[[package]] #${index + 1}` };
    const displayName = (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .requiredString */ .Fk)(entry, 'name', context);
    context.entry = `package '${displayName}'`;
    // uv omits the version of a source tree whose version is dynamic; a registry package always has one.
    const version = (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .optionalString */ .sx)(entry, 'version', context);
    const source = readSource((0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .optionalTable */ .D6)(entry, 'source', context), context);
    return {
        name: (0,_names_js__WEBPACK_IMPORTED_MODULE_2__/* .normalizeName */ .P)(displayName),
        displayName,
        version,
        sourceKey: source && `${source.kind}=${source.value}`,
        source,
        context,
        dependencies: readRefs((0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .optionalArray */ .oS)(entry, 'dependencies', context), context),
        optional: readRefTable((0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .optionalTable */ .D6)(entry, 'optional-dependencies', context), context),
        dev: readRefTable((0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .optionalTable */ .D6)(entry, 'dev-dependencies', context), context)
    };
}
function readSource(table, context) {
    if (table === undefined)
        return undefined;
    const sourceContext = { ...context, entry: `${context.entry} source` };
    for (const kind of SOURCE_KINDS) {
        const value = (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .optionalString */ .sx)(table, kind, sourceContext);
        if (value !== undefined)
            return { kind, value };
    }
    const keys = Object.keys(table).join(', ') || 'nothing';
    throw (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .entryError */ .Pm)(sourceContext, `unknown source (${keys})`);
}
function readRefs(items, context) {
    return (items ?? []).map(item => {
        if (!(0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .isTable */ .bI)(item))
            throw (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .entryError */ .Pm)(context, 'each dependency must be a table');
        const refContext = { ...context, entry: `${context.entry} dependency` };
        const source = readSource((0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .optionalTable */ .D6)(item, 'source', refContext), refContext);
        return {
            name: (0,_names_js__WEBPACK_IMPORTED_MODULE_2__/* .normalizeName */ .P)((0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .requiredString */ .Fk)(item, 'name', refContext)),
            version: (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .optionalString */ .sx)(item, 'version', refContext),
            sourceKey: source && `${source.kind}=${source.value}`,
            extras: (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .optionalStringArray */ .li)(item, 'extra', refContext) ?? []
        };
    });
}
function readRefTable(table, context) {
    const refs = new Map();
    for (const [label, items] of Object.entries(table ?? {})) {
        if (!Array.isArray(items))
            throw (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .entryError */ .Pm)(context, `'${label}' must be an array of tables`);
        refs.set(label, readRefs(items, context));
    }
    return refs;
}
/** `[manifest]`: workspace members, and the roots of a lock without a project (scripts, PEP 735 only). */
function readManifest(document, file) {
    const context = { file, line: 0, entry: '[manifest]' };
    const manifest = (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .optionalTable */ .D6)(document, 'manifest', context) ?? {};
    const members = (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .optionalStringArray */ .li)(manifest, 'members', context);
    return {
        context,
        members: members && new Set(members.map(_names_js__WEBPACK_IMPORTED_MODULE_2__/* .normalizeName */ .P)),
        requirements: readRefs((0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .optionalArray */ .oS)(manifest, 'requirements', context), context),
        groups: readRefTable((0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .optionalTable */ .D6)(manifest, 'dependency-groups', context), context)
    };
}
/**
 * The labels (groups) under which each package is reachable from the roots. Edges are resolved once
 * (a dangling one fails the read, reachable or not); then a depth-first walk per label over package
 * nodes and (package, extra) nodes, each visited once: O(labels x graph).
 */
function labelReachable(packages, roots) {
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
        if (targets.length > 0)
            return { targets, extras: ref.extras };
        const wanted = ref.version === undefined ? ref.name : `${ref.name} ${ref.version}`;
        throw (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .entryError */ .Pm)(from, `depends on '${wanted}', which is not in the lock file`);
    };
    const edges = packages.map(pkg => pkg.dependencies.map(ref => resolve(ref, pkg.context)));
    const extraEdges = packages.map(pkg => {
        const byExtra = new Map();
        for (const [extra, refs] of pkg.optional) {
            byExtra.set(extra, refs.map(ref => resolve(ref, pkg.context)));
        }
        return byExtra;
    });
    const labels = packages.map(() => []);
    for (const [label, rootRefs] of roots) {
        const visited = new Uint8Array(packages.length);
        const visitedExtras = new Set();
        const stack = rootRefs.map(({ ref, from }) => resolve(ref, from));
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
            return (0,_source_builder_js__WEBPACK_IMPORTED_MODULE_1__/* .notAReleaseReason */ .u1)('git', url, revision);
        }
        case 'editable':
            return (0,_source_builder_js__WEBPACK_IMPORTED_MODULE_1__/* .notAReleaseReason */ .u1)('editable directory', source.value);
        case 'virtual':
            return (0,_source_builder_js__WEBPACK_IMPORTED_MODULE_1__/* .notAReleaseReason */ .u1)('virtual directory', source.value);
        default:
            return (0,_source_builder_js__WEBPACK_IMPORTED_MODULE_1__/* .notAReleaseReason */ .u1)(source.kind, source.value);
    }
}
/** uv writes `https://host/repo?rev=main#<commit>`: the fragment is the locked commit. */
function splitGitSource(value) {
    const [beforeFragment, fragment] = value.split('#', 2);
    const [url, query] = beforeFragment.split('?', 2);
    const requested = query && /(?:^|&)(?:rev|tag|branch)=([^&]*)/.exec(query)?.[1];
    return { url: (0,_source_builder_js__WEBPACK_IMPORTED_MODULE_1__/* .redactUrl */ .BO)(url), revision: fragment || requested || undefined };
}


/***/ })

};
