export const id = 165;
export const ids = [165];
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

/***/ 11165:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parsePipfileLock: () => (/* binding */ parsePipfileLock),
/* harmony export */   readPipfileLock: () => (/* binding */ readPipfileLock)
/* harmony export */ });
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58382);
/* harmony import */ var _toml_file_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51454);
/* harmony import */ var _source_builder_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(97083);
/* harmony import */ var _lock_markers_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(75065);
/* harmony import */ var _lock_reader_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(77515);
/* harmony import */ var _shared_json_shape_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(66511);
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(81136);
/**
 * Pipfile.lock (pipenv, JSON): `_meta`, then one object per package category, `default`
 * ([packages]) and `develop` ([dev-packages]) plus any custom category, each mapping a package name
 * to `{ "version": "==X", "hashes": [...], "markers": ..., "index": ... }` or to a VCS / path / file
 * entry. Groups: default is main, develop is dev, a custom category keeps its name. A package's
 * `markers` say where it is installed; under markers false for the target the audit is narrowed
 * to, it is left out.
 */







const GROUP_OF_CATEGORY = new Map([
    ['default', 'main'],
    ['develop', 'dev']
]);
const readPipfileLock = _toml_file_js__WEBPACK_IMPORTED_MODULE_1__/* .fileReader */ .q2(parsePipfileLock);
/** Reads a Pipfile.lock already in memory; `absolutePath` is where it came from. */
function parsePipfileLock(text, absolutePath, options) {
    const file = _toml_file_js__WEBPACK_IMPORTED_MODULE_1__/* .shownPath */ .pS(absolutePath, options);
    const document = parseJson(text, file);
    if (!(0,_shared_json_shape_js__WEBPACK_IMPORTED_MODULE_5__/* .isObject */ .G)(document))
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ParseError */ .mB({ file, line: 1, column: 1 }, 'expected a JSON object');
    let declared = 0;
    for (const [category, packages] of Object.entries(document)) {
        if (category !== '_meta' && (0,_shared_json_shape_js__WEBPACK_IMPORTED_MODULE_5__/* .isObject */ .G)(packages))
            declared += Object.keys(packages).length;
    }
    (0,_limits_js__WEBPACK_IMPORTED_MODULE_4__/* .checkFileDependencyCount */ .b6)(declared, { file });
    const lines = categoryKeyLines(text);
    const builder = new _source_builder_js__WEBPACK_IMPORTED_MODULE_6__/* .SourceResultBuilder */ .Km(absolutePath, 'Pipfile.lock');
    const markers = new _lock_markers_js__WEBPACK_IMPORTED_MODULE_2__/* .LockMarkers */ .t(options?.markerEnvironment);
    for (const [category, packages] of Object.entries(document)) {
        if (category === '_meta')
            continue;
        const categoryContext = { file, line: lines.get(category)?.line ?? 0, entry: `"${category}"` };
        if (!(0,_shared_json_shape_js__WEBPACK_IMPORTED_MODULE_5__/* .isObject */ .G)(packages))
            throw _toml_file_js__WEBPACK_IMPORTED_MODULE_1__/* .entryError */ .Pm(categoryContext, 'must be an object of packages');
        const group = GROUP_OF_CATEGORY.get(category) ?? category;
        for (const [name, entry] of Object.entries(packages)) {
            const line = lines.get(category)?.keys.get(name) ?? 0;
            const context = { file, line, entry: `package '${name}'` };
            if (!(0,_shared_json_shape_js__WEBPACK_IMPORTED_MODULE_5__/* .isObject */ .G)(entry))
                throw _toml_file_js__WEBPACK_IMPORTED_MODULE_1__/* .entryError */ .Pm(context, 'must be an object');
            const marker = _toml_file_js__WEBPACK_IMPORTED_MODULE_1__/* .optionalString */ .sx(entry, 'markers', context);
            if (!markers.applies(marker, context))
                continue;
            readEntry(name, entry, { group, marker: (0,_lock_markers_js__WEBPACK_IMPORTED_MODULE_2__/* .lockMarkerText */ .l)(marker) }, context, builder);
        }
    }
    return builder.build();
}
function readEntry(name, entry, { group, marker }, context, builder) {
    const vcs = (0,_lock_reader_js__WEBPACK_IMPORTED_MODULE_3__/* .vcsSourceReason */ .o)(entry, context, ['ref']);
    if (vcs !== undefined) {
        builder.addSkipped(name, undefined, vcs, context.line);
        return;
    }
    const path = _toml_file_js__WEBPACK_IMPORTED_MODULE_1__/* .optionalString */ .sx(entry, 'path', context);
    if (path !== undefined) {
        if (path === '.')
            return; // `-e .`: the project itself, not a dependency
        const kind = entry.editable === true ? 'editable directory' : 'path';
        builder.addSkipped(name, undefined, (0,_source_builder_js__WEBPACK_IMPORTED_MODULE_6__/* .notAReleaseReason */ .u1)(kind, path), context.line);
        return;
    }
    const fileUrl = _toml_file_js__WEBPACK_IMPORTED_MODULE_1__/* .optionalString */ .sx(entry, 'file', context);
    if (fileUrl !== undefined) {
        builder.addSkipped(name, undefined, (0,_source_builder_js__WEBPACK_IMPORTED_MODULE_6__/* .notAReleaseReason */ .u1)('file', fileUrl), context.line);
        return;
    }
    // pipenv writes every index package as `==X`, whichever index it came from (`"index"`): a private
    // index's release is still audited by name and version.
    const specifier = _toml_file_js__WEBPACK_IMPORTED_MODULE_1__/* .requiredString */ .Fk(entry, 'version', context).trim();
    const pinned = /^===?\s*([^\s,;=<>!~*]+)$/.exec(specifier)?.[1];
    if (pinned === undefined) {
        const reason = `not pinned to an exact version ('${specifier}')`;
        builder.addSkipped(name, undefined, reason, context.line);
    }
    else {
        builder.addDependency(name, pinned, context.line, [group], marker);
    }
}
function parseJson(text, file) {
    if (jsonDepth(text, _limits_js__WEBPACK_IMPORTED_MODULE_4__/* .MAX_JSON_DEPTH */ .KX) > _limits_js__WEBPACK_IMPORTED_MODULE_4__/* .MAX_JSON_DEPTH */ .KX) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ParseError */ .mB({ file }, (0,_limits_js__WEBPACK_IMPORTED_MODULE_4__/* .jsonDepthReason */ .ay)());
    }
    try {
        return JSON.parse(text);
    }
    catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const position = /at position (\d+)/.exec(message);
        const offset = position ? Number(position[1]) : text.length;
        const before = text.slice(0, offset);
        const line = before.split('\n').length;
        const column = offset - before.lastIndexOf('\n');
        // V8 may quote part of the input in its message: keep it on one line.
        const detail = message.replace(/\s*(in JSON )?at position \d+.*$/s, '').replace(/\s+/g, ' ');
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ParseError */ .mB({ file, line, column }, `invalid JSON: ${detail}`);
    }
}
/**
 * How deep arrays and objects nest in `text`, looked at no further than `stopAt` + 1: one pass,
 * strings skipped. JSON.parse builds five million nested arrays before anything can refuse them.
 */
function jsonDepth(text, stopAt) {
    let depth = 0;
    let deepest = 0;
    for (let index = 0; index < text.length; index++) {
        const char = text.charCodeAt(index);
        if (char === 0x22) {
            index++;
            while (index < text.length && text.charCodeAt(index) !== 0x22)
                index += text.charCodeAt(index) === 0x5c ? 2 : 1;
        }
        else if (char === 0x5b || char === 0x7b) {
            if (++depth > deepest && (deepest = depth) > stopAt)
                return deepest;
        }
        else if (char === 0x5d || char === 0x7d) {
            depth--;
        }
    }
    return deepest;
}
/**
 * Line of every top-level key and of every key of the objects below them (the packages), in one
 * pass over text that JSON.parse has already accepted. A repeated key keeps its last line, the one
 * whose value JSON.parse keeps.
 */
function categoryKeyLines(text) {
    const categories = new Map();
    const stack = [];
    let expectingKey = false;
    let current;
    let line = 1;
    for (let index = 0; index < text.length; index++) {
        const char = text[index];
        if (char === '\n')
            line++;
        else if (char === '{') {
            stack.push('{');
            expectingKey = true;
        }
        else if (char === '[') {
            stack.push('[');
            expectingKey = false;
        }
        else if (char === '}' || char === ']') {
            stack.pop();
            expectingKey = false;
        }
        else if (char === ',') {
            expectingKey = stack[stack.length - 1] === '{';
        }
        else if (char === '"') {
            const start = index;
            index++;
            while (text[index] !== '"')
                index += text[index] === '\\' ? 2 : 1;
            if (!expectingKey)
                continue;
            expectingKey = false;
            if (stack.length > 2)
                continue;
            const raw = text.slice(start, index + 1);
            const key = raw.includes('\\') ? JSON.parse(raw) : raw.slice(1, -1);
            if (stack.length === 1) {
                current = { line, keys: new Map() };
                categories.set(key, current);
            }
            else {
                current?.keys.set(key, line);
            }
        }
    }
    return categories;
}


/***/ })

};
