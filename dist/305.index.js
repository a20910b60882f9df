export const id = 305;
export const ids = [305];
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

/***/ 91305:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parsePdmLock: () => (/* binding */ parsePdmLock),
/* harmony export */   readPdmLock: () => (/* binding */ readPdmLock)
/* harmony export */ });
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(96498);
/* harmony import */ var _pep508_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(22048);
/* harmony import */ var _toml_file_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51454);
/* harmony import */ var _source_builder_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(97083);
/* harmony import */ var _lock_markers_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(75065);
/* harmony import */ var _lock_reader_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(77515);






/** Reads a pdm.lock already in memory; `absolutePath` is where it came from. */
const parsePdmLock = (0,_lock_reader_js__WEBPACK_IMPORTED_MODULE_3__/* .tomlLockParser */ .H)({
    format: 'pdm.lock',
    table: 'package',
    artifactKeys: ['files'],
    version: { table: 'metadata', key: 'lock_version', readable: [3, 4] }
}, readPackages);
const readPdmLock = _toml_file_js__WEBPACK_IMPORTED_MODULE_1__/* .fileReader */ .q2(parsePdmLock);
function readPackages({ entries, builder, markers }) {
    const requires = new Map();
    const locked = new Set();
    for (const { table: entry, name, context } of entries) {
        const sourced = nonIndexSource(entry, context);
        if (sourced === 'project')
            continue;
        const marker = _toml_file_js__WEBPACK_IMPORTED_MODULE_1__/* .optionalString */ .sx(entry, 'marker', context);
        if (!markers.applies(marker, context))
            continue;
        locked.add((0,_names_js__WEBPACK_IMPORTED_MODULE_4__/* .normalizeName */ .P)(name));
        if (sourced !== undefined) {
            const version = _toml_file_js__WEBPACK_IMPORTED_MODULE_1__/* .optionalString */ .sx(entry, 'version', context);
            builder.addSkipped(name, version, sourced, context.line);
            continue;
        }
        // Any index, PyPI or a private one: the release is published under this name and version.
        const version = _toml_file_js__WEBPACK_IMPORTED_MODULE_1__/* .requiredString */ .Fk(entry, 'version', context);
        // PDM repeats a package once per set of extras: its edges are the union of the repeats'.
        const key = `${(0,_names_js__WEBPACK_IMPORTED_MODULE_4__/* .normalizeName */ .P)(name)}@${version}`;
        const names = requires.get(key) ?? new Set();
        for (const required of requiredNames(entry, name, context))
            names.add(required);
        requires.set(key, names);
        builder.addDependency(name, version, context.line, groups(entry, context), (0,_lock_markers_js__WEBPACK_IMPORTED_MODULE_2__/* .lockMarkerText */ .l)(marker));
    }
    const result = builder.build();
    // Only packages in the lock count (a requirement whose marker no target satisfies is not
    // locked), and of those, the ones installed on the target.
    const withEdges = (dep) => ({
        ...dep,
        dependsOn: [...(requires.get(`${dep.name}@${dep.version}`) ?? [])].filter(required => locked.has(required))
    });
    return { ...result, dependencies: result.dependencies.map(withEdges) };
}
/**
 * `dependencies = [...]`: PEP 508 requirement strings (markers and extras included, as an edge
 * means "may require"). PDM writes a package's extras as an edge to itself: no edge.
 */
function requiredNames(entry, name, context) {
    const own = (0,_names_js__WEBPACK_IMPORTED_MODULE_4__/* .normalizeName */ .P)(name);
    return (_toml_file_js__WEBPACK_IMPORTED_MODULE_1__/* .optionalStringArray */ .li(entry, 'dependencies', context) ?? [])
        .map(text => {
        try {
            return (0,_pep508_js__WEBPACK_IMPORTED_MODULE_0__/* .parseRequirement */ .pP)(text).normalizedName;
        }
        catch (error) {
            if (!(error instanceof _pep508_js__WEBPACK_IMPORTED_MODULE_0__/* .RequirementSyntaxError */ .tL))
                throw error;
            throw _toml_file_js__WEBPACK_IMPORTED_MODULE_1__/* .entryError */ .Pm(context, `dependency '${text}': ${error.message}`);
        }
    })
        .filter(required => required !== own);
}
function groups(entry, context) {
    const listed = _toml_file_js__WEBPACK_IMPORTED_MODULE_1__/* .optionalStringArray */ .li(entry, 'groups', context) ??
        _toml_file_js__WEBPACK_IMPORTED_MODULE_1__/* .optionalStringArray */ .li(entry, 'sections', context);
    return listed?.map(group => (group === 'default' ? 'main' : group));
}
/** The skip reason of a package not from an index, 'project' for the project itself, else undefined. */
function nonIndexSource(entry, context) {
    const vcs = (0,_lock_reader_js__WEBPACK_IMPORTED_MODULE_3__/* .vcsSourceReason */ .o)(entry, context, ['revision', 'ref']);
    if (vcs !== undefined)
        return vcs;
    const path = _toml_file_js__WEBPACK_IMPORTED_MODULE_1__/* .optionalString */ .sx(entry, 'path', context);
    if (path !== undefined) {
        if (path === '.' || path === './')
            return 'project';
        return (0,_source_builder_js__WEBPACK_IMPORTED_MODULE_5__/* .notAReleaseReason */ .u1)(entry.editable === true ? 'editable directory' : 'path', path);
    }
    const url = _toml_file_js__WEBPACK_IMPORTED_MODULE_1__/* .optionalString */ .sx(entry, 'url', context);
    if (url !== undefined)
        return (0,_source_builder_js__WEBPACK_IMPORTED_MODULE_5__/* .notAReleaseReason */ .u1)('url', url);
    return undefined;
}


/***/ })

};
