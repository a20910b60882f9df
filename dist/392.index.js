export const id = 392;
export const ids = [392];
export const modules = {

/***/ 53392:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   readPylock: () => (/* binding */ readPylock)
/* harmony export */ });
/* unused harmony export parsePylock */
/* harmony import */ var _toml_file_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51454);
/* harmony import */ var _source_builder_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(97083);


async function readPylock(absolutePath, options) {
    return parsePylock(await (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .readSourceText */ .Vv)(absolutePath, options), absolutePath, options);
}
/** Reads a pylock.toml already in memory; `absolutePath` is where it came from. */
function parsePylock(text, absolutePath, options) {
    const file = (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .shownPath */ .pS)(absolutePath, options);
    const document = (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .parseToml */ .MT)(text, file, { table: 'packages', keys: ['sdist', 'wheels'] });
    const lockVersion = document['lock-version'];
    // PEP 751: a tool must not install from a lock whose major version it does not support.
    if (lockVersion === undefined)
        throw (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .documentError */ .aH)(file, "missing 'lock-version'");
    (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .checkFormatVersion */ .u4)(lockVersion, [1], 'lock-version', file);
    const packages = (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .arrayOfTables */ .cu)(document, 'packages', file);
    const lines = (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .arrayTableLines */ .rt)(text, 'packages', packages.length);
    const builder = new _source_builder_js__WEBPACK_IMPORTED_MODULE_1__/* .SourceResultBuilder */ .Km(absolutePath, 'pylock.toml');
    packages.forEach((entry, index) => {
        const context = { file, line: lines[index], entry: `[[packages]] #${index + 1}` };
        const name = (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .requiredString */ .Fk)(entry, 'name', context);
        context.entry = `package '${name}'`;
        const reason = nonIndexSource(entry, context);
        if (reason === 'project')
            return;
        if (reason !== undefined) {
            builder.addSkipped(name, (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .optionalString */ .sx)(entry, 'version', context), reason, context.line);
            return;
        }
        // Any index (`index` may name a private one): the release is published under this name and version.
        const version = (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .requiredString */ .Fk)(entry, 'version', context);
        const marker = (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .optionalString */ .sx)(entry, 'marker', context);
        builder.addDependency(name, version, context.line, groupsOfMarker(marker));
    });
    return builder.build();
}
/** The skip reason of a package not from an index, 'project' for the project itself, else undefined. */
function nonIndexSource(entry, context) {
    const vcs = (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .optionalTable */ .D6)(entry, 'vcs', context);
    if (vcs !== undefined) {
        const vcsContext = { ...context, entry: `${context.entry} vcs` };
        const type = (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .optionalString */ .sx)(vcs, 'type', vcsContext) ?? 'vcs';
        const where = (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .optionalString */ .sx)(vcs, 'url', vcsContext) ?? (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .optionalString */ .sx)(vcs, 'path', vcsContext);
        const revision = (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .optionalString */ .sx)(vcs, 'commit-id', vcsContext) ??
            (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .optionalString */ .sx)(vcs, 'requested-revision', vcsContext);
        return (0,_source_builder_js__WEBPACK_IMPORTED_MODULE_1__/* .notAReleaseReason */ .u1)(type, where ?? '(no url)', revision);
    }
    const directory = (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .optionalTable */ .D6)(entry, 'directory', context);
    if (directory !== undefined) {
        const path = (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .requiredString */ .Fk)(directory, 'path', {
            ...context,
            entry: `${context.entry} directory`
        });
        if (path === '.' || path === './')
            return 'project';
        return (0,_source_builder_js__WEBPACK_IMPORTED_MODULE_1__/* .notAReleaseReason */ .u1)(directory.editable === true ? 'editable directory' : 'directory', path);
    }
    const archive = (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .optionalTable */ .D6)(entry, 'archive', context);
    if (archive !== undefined) {
        const archiveContext = { ...context, entry: `${context.entry} archive` };
        const where = (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .optionalString */ .sx)(archive, 'url', archiveContext) ??
            (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .optionalString */ .sx)(archive, 'path', archiveContext);
        return (0,_source_builder_js__WEBPACK_IMPORTED_MODULE_1__/* .notAReleaseReason */ .u1)('archive', where ?? '(no url)');
    }
    return undefined;
}
const SELECTOR = /(['"])([^'"]+)\1\s+in\s+(?:extras|dependency_groups)\b/g;
function groupsOfMarker(marker) {
    const names = [...(marker ?? '').matchAll(SELECTOR)].map(match => match[2]);
    return names.length === 0 ? ['main'] : names;
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
