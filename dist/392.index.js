export const id = 392;
export const ids = [392];
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

/***/ 53392:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parsePylock: () => (/* binding */ parsePylock),
/* harmony export */   readPylock: () => (/* binding */ readPylock)
/* harmony export */ });
/* harmony import */ var _toml_file_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51454);
/* harmony import */ var _source_builder_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(97083);
/* harmony import */ var _lock_markers_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(75065);
/* harmony import */ var _lock_reader_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(77515);




/** Reads a pylock.toml already in memory; `absolutePath` is where it came from. */
const parsePylock = (0,_lock_reader_js__WEBPACK_IMPORTED_MODULE_2__/* .tomlLockParser */ .H)({
    format: 'pylock.toml',
    table: 'packages',
    artifactKeys: ['sdist', 'wheels'],
    // PEP 751: a tool must not install from a lock whose major version it does not support.
    version: { key: 'lock-version', readable: [1], required: true }
}, readPackages);
const readPylock = _toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .fileReader */ .q2(parsePylock);
function readPackages({ entries, builder, markers }) {
    for (const { table: entry, name, context } of entries) {
        const marker = _toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .optionalString */ .sx(entry, 'marker', context);
        if (!markers.applies(marker, context))
            continue;
        const reason = nonIndexSource(entry, context);
        if (reason === 'project')
            continue;
        if (reason !== undefined) {
            builder.addSkipped(name, _toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .optionalString */ .sx(entry, 'version', context), reason, context.line);
            continue;
        }
        // Any index (`index` may name a private one): the release is published under this name and version.
        const version = _toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .requiredString */ .Fk(entry, 'version', context);
        builder.addDependency(name, version, context.line, groupsOfMarker(marker), (0,_lock_markers_js__WEBPACK_IMPORTED_MODULE_1__/* .lockMarkerText */ .l)(marker));
    }
    return builder.build();
}
/** The skip reason of a package not from an index, 'project' for the project itself, else undefined. */
function nonIndexSource(entry, context) {
    const vcs = _toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .optionalTable */ .D6(entry, 'vcs', context);
    if (vcs !== undefined) {
        const vcsContext = { ...context, entry: `${context.entry} vcs` };
        const type = _toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .optionalString */ .sx(vcs, 'type', vcsContext) ?? 'vcs';
        const where = _toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .optionalString */ .sx(vcs, 'url', vcsContext) ?? _toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .optionalString */ .sx(vcs, 'path', vcsContext);
        const revision = _toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .optionalString */ .sx(vcs, 'commit-id', vcsContext) ??
            _toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .optionalString */ .sx(vcs, 'requested-revision', vcsContext);
        return (0,_source_builder_js__WEBPACK_IMPORTED_MODULE_3__/* .notAReleaseReason */ .u1)(type, where ?? '(no url)', revision);
    }
    const directory = _toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .optionalTable */ .D6(entry, 'directory', context);
    if (directory !== undefined) {
        const path = _toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .requiredString */ .Fk(directory, 'path', {
            ...context,
            entry: `${context.entry} directory`
        });
        if (path === '.' || path === './')
            return 'project';
        return (0,_source_builder_js__WEBPACK_IMPORTED_MODULE_3__/* .notAReleaseReason */ .u1)(directory.editable === true ? 'editable directory' : 'directory', path);
    }
    const archive = _toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .optionalTable */ .D6(entry, 'archive', context);
    if (archive !== undefined) {
        const archiveContext = { ...context, entry: `${context.entry} archive` };
        const where = _toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .optionalString */ .sx(archive, 'url', archiveContext) ??
            _toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .optionalString */ .sx(archive, 'path', archiveContext);
        return (0,_source_builder_js__WEBPACK_IMPORTED_MODULE_3__/* .notAReleaseReason */ .u1)('archive', where ?? '(no url)');
    }
    return undefined;
}
const SELECTOR = /(['"])([^'"]+)\1\s+in\s+(?:extras|dependency_groups)\b/g;
function groupsOfMarker(marker) {
    const names = [...(marker ?? '').matchAll(SELECTOR)].map(match => match[2]);
    return names.length === 0 ? ['main'] : names;
}


/***/ })

};
