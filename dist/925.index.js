export const id = 925;
export const ids = [925];
export const modules = {

/***/ 3925:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   readPoetryLock: () => (/* binding */ readPoetryLock)
/* harmony export */ });
/* unused harmony export parsePoetryLock */
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(96498);
/* harmony import */ var _toml_file_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51454);
/* harmony import */ var _source_builder_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(97083);



async function readPoetryLock(absolutePath, options) {
    return parsePoetryLock(await (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .readSourceText */ .Vv)(absolutePath, options), absolutePath, options);
}
/** Reads a poetry.lock already in memory; `absolutePath` is where it came from. */
function parsePoetryLock(text, absolutePath, options) {
    const file = (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .shownPath */ .pS)(absolutePath, options);
    const document = (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .parseToml */ .MT)(text, file, { table: 'package', keys: ['files'] });
    checkLockVersion(document, file);
    const packages = (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .arrayOfTables */ .cu)(document, 'package', file);
    const lines = (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .arrayTableLines */ .rt)(text, 'package', packages.length);
    const builder = new _source_builder_js__WEBPACK_IMPORTED_MODULE_1__/* .SourceResultBuilder */ .Km(absolutePath, 'poetry.lock');
    const locked = new Set(packages.map(entry => (typeof entry.name === 'string' ? (0,_names_js__WEBPACK_IMPORTED_MODULE_2__/* .normalizeName */ .P)(entry.name) : '')));
    const requires = new Map();
    packages.forEach((entry, index) => {
        const context = { file, line: lines[index], entry: `[[package]] #${index + 1}` };
        const name = (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .requiredString */ .Fk)(entry, 'name', context);
        context.entry = `package '${name}'`;
        const version = (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .requiredString */ .Fk)(entry, 'version', context);
        const key = `${(0,_names_js__WEBPACK_IMPORTED_MODULE_2__/* .normalizeName */ .P)(name)}@${version}`;
        const names = requires.get(key) ?? new Set();
        for (const required of requiredNames(entry, name, context))
            if (locked.has(required))
                names.add(required);
        requires.set(key, names);
        const reason = skipReason(entry, context);
        if (reason === undefined)
            builder.addDependency(name, version, context.line, groups(entry, context));
        else
            builder.addSkipped(name, version, reason, context.line);
    });
    const result = builder.build();
    const withEdges = (dep) => ({
        ...dep,
        dependsOn: [...(requires.get(`${dep.name}@${dep.version}`) ?? [])]
    });
    return { ...result, dependencies: result.dependencies.map(withEdges) };
}
/**
 * `[package.dependencies]`: one key per required name, optional ones (for extras) and ones under
 * markers included, as an edge means "may require". A requirement Poetry did not lock (its marker
 * excludes every supported Python) is no edge: the caller keeps only names in the lock.
 */
function requiredNames(entry, name, context) {
    const table = (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .optionalTable */ .D6)(entry, 'dependencies', context) ?? {};
    const own = (0,_names_js__WEBPACK_IMPORTED_MODULE_2__/* .normalizeName */ .P)(name);
    return Object.keys(table)
        .map(_names_js__WEBPACK_IMPORTED_MODULE_2__/* .normalizeName */ .P)
        .filter(required => required !== own);
}
function checkLockVersion(document, file) {
    const metadata = document.metadata;
    if ((0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .isTable */ .bI)(metadata))
        (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .checkFormatVersion */ .u4)(metadata['lock-version'], [1, 2], 'lock-version', file);
}
function groups(entry, context) {
    const listed = (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .optionalStringArray */ .li)(entry, 'groups', context);
    if (listed !== undefined)
        return listed;
    const category = (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .optionalString */ .sx)(entry, 'category', context);
    return category === undefined ? undefined : [category];
}
/** Why a package is not audited, or undefined when it comes from a package index. */
function skipReason(entry, context) {
    const source = (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .optionalTable */ .D6)(entry, 'source', context);
    if (source === undefined)
        return undefined;
    const sourceContext = { ...context, entry: `${context.entry} [package.source]` };
    const type = (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .optionalString */ .sx)(source, 'type', sourceContext);
    const url = (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .optionalString */ .sx)(source, 'url', sourceContext) ?? '';
    switch (type) {
        // No type, or a private or mirror index ("legacy" = PEP 503 simple API): the release is still
        // published under this name and version, so advisories for it apply.
        case undefined:
        case '':
        case 'legacy':
        case 'pypi':
            return undefined;
        case 'git': {
            const revision = (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .optionalString */ .sx)(source, 'resolved_reference', sourceContext) ??
                (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .optionalString */ .sx)(source, 'reference', sourceContext);
            return (0,_source_builder_js__WEBPACK_IMPORTED_MODULE_1__/* .notAReleaseReason */ .u1)('git', url, revision);
        }
        case 'directory':
            return (0,_source_builder_js__WEBPACK_IMPORTED_MODULE_1__/* .notAReleaseReason */ .u1)(entry.develop === true ? 'editable directory' : 'directory', url);
        case 'file':
            return (0,_source_builder_js__WEBPACK_IMPORTED_MODULE_1__/* .notAReleaseReason */ .u1)('file', url);
        case 'url':
            return (0,_source_builder_js__WEBPACK_IMPORTED_MODULE_1__/* .notAReleaseReason */ .u1)('url', url);
        default:
            return `unsupported source type '${type}' ${(0,_source_builder_js__WEBPACK_IMPORTED_MODULE_1__/* .redactUrl */ .BO)(url)}: not audited`;
    }
}


/***/ }),

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


/***/ })

};
