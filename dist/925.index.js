export const id = 925;
export const ids = [925];
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

/***/ 3925:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parsePoetryLock: () => (/* binding */ parsePoetryLock),
/* harmony export */   readPoetryLock: () => (/* binding */ readPoetryLock)
/* harmony export */ });
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(96498);
/* harmony import */ var _toml_file_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51454);
/* harmony import */ var _source_builder_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(97083);
/* harmony import */ var _lock_markers_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(75065);
/* harmony import */ var _marker_text_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(67000);
/* harmony import */ var _lock_reader_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(77515);






/** Reads a poetry.lock already in memory; `absolutePath` is where it came from. */
const parsePoetryLock = (0,_lock_reader_js__WEBPACK_IMPORTED_MODULE_2__/* .tomlLockParser */ .H)({
    format: 'poetry.lock',
    table: 'package',
    artifactKeys: ['files'],
    version: { table: 'metadata', key: 'lock-version', readable: [1, 2] }
}, readPackages);
const readPoetryLock = _toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .fileReader */ .q2(parsePoetryLock);
function readPackages({ entries: packages, builder, markers }) {
    const entries = Array.from(packages, ({ table: entry, name, context }) => {
        const marker = packageMarker(entry, context);
        return { entry, context, name, marker, applies: markers.applies(marker, context) };
    });
    const locked = new Set(entries.filter(e => e.applies).map(e => (0,_names_js__WEBPACK_IMPORTED_MODULE_3__/* .normalizeName */ .P)(e.name)));
    const requires = new Map();
    for (const { entry, context, name, marker, applies } of entries) {
        if (!applies)
            continue;
        const version = _toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .requiredString */ .Fk(entry, 'version', context);
        const key = `${(0,_names_js__WEBPACK_IMPORTED_MODULE_3__/* .normalizeName */ .P)(name)}@${version}`;
        const names = requires.get(key) ?? new Set();
        for (const required of requiredNames(entry, name, context))
            if (locked.has(required))
                names.add(required);
        requires.set(key, names);
        const reason = skipReason(entry, context);
        if (reason === undefined)
            builder.addDependency(name, version, context.line, groups(entry, context), marker);
        else
            builder.addSkipped(name, version, reason, context.line);
    }
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
    const table = _toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .optionalTable */ .D6(entry, 'dependencies', context) ?? {};
    const own = (0,_names_js__WEBPACK_IMPORTED_MODULE_3__/* .normalizeName */ .P)(name);
    return Object.keys(table)
        .map(_names_js__WEBPACK_IMPORTED_MODULE_3__/* .normalizeName */ .P)
        .filter(required => required !== own);
}
/**
 * Where the package is installed, whitespace normalised: undefined when it is everywhere (no
 * markers, or a group of `groups` that the table leaves out); else where any group's holds.
 */
function packageMarker(entry, context) {
    const markers = entry.markers;
    if (markers === undefined || typeof markers === 'string')
        return (0,_lock_markers_js__WEBPACK_IMPORTED_MODULE_1__/* .lockMarkerText */ .l)(markers);
    const table = _toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .optionalTable */ .D6(entry, 'markers', context);
    const byGroup = new Map();
    for (const [group, marker] of Object.entries(table)) {
        if (typeof marker !== 'string')
            throw _toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .entryError */ .Pm(context, `markers.${group} must be a string, not ${_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .describeType */ .MF(marker)}`);
        byGroup.set(group, marker);
    }
    const listed = groups(entry, context) ?? [...byGroup.keys()];
    const texts = [];
    for (const group of listed) {
        const text = (0,_lock_markers_js__WEBPACK_IMPORTED_MODULE_1__/* .lockMarkerText */ .l)(byGroup.get(group));
        if (text === undefined)
            return undefined;
        texts.push(text);
    }
    return (0,_marker_text_js__WEBPACK_IMPORTED_MODULE_4__/* .anyOfMarkers */ .T_)(texts);
}
function groups(entry, context) {
    const listed = _toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .optionalStringArray */ .li(entry, 'groups', context);
    if (listed !== undefined)
        return listed;
    const category = _toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .optionalString */ .sx(entry, 'category', context);
    return category === undefined ? undefined : [category];
}
/** Why a package is not audited, or undefined when it comes from a package index. */
function skipReason(entry, context) {
    const source = _toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .optionalTable */ .D6(entry, 'source', context);
    if (source === undefined)
        return undefined;
    const sourceContext = { ...context, entry: `${context.entry} [package.source]` };
    const type = _toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .optionalString */ .sx(source, 'type', sourceContext);
    const url = _toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .optionalString */ .sx(source, 'url', sourceContext) ?? '';
    switch (type) {
        // No type, or a private or mirror index ("legacy" = PEP 503 simple API): the release is still
        // published under this name and version, so advisories for it apply.
        case undefined:
        case '':
        case 'legacy':
        case 'pypi':
            return undefined;
        case 'git': {
            const revision = _toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .optionalString */ .sx(source, 'resolved_reference', sourceContext) ??
                _toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .optionalString */ .sx(source, 'reference', sourceContext);
            return (0,_source_builder_js__WEBPACK_IMPORTED_MODULE_5__/* .notAReleaseReason */ .u1)('git', url, revision);
        }
        case 'directory':
            return (0,_source_builder_js__WEBPACK_IMPORTED_MODULE_5__/* .notAReleaseReason */ .u1)(entry.develop === true ? 'editable directory' : 'directory', url);
        case 'file':
            return (0,_source_builder_js__WEBPACK_IMPORTED_MODULE_5__/* .notAReleaseReason */ .u1)('file', url);
        case 'url':
            return (0,_source_builder_js__WEBPACK_IMPORTED_MODULE_5__/* .notAReleaseReason */ .u1)('url', url);
        default:
            return `unsupported source type '${type}' ${(0,_source_builder_js__WEBPACK_IMPORTED_MODULE_5__/* .redactUrl */ .BO)(url)}: not audited`;
    }
}


/***/ })

};
