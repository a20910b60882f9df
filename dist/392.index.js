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

/***/ 53392:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parsePylock: () => (/* binding */ parsePylock),
/* harmony export */   readPylock: () => (/* binding */ readPylock)
/* harmony export */ });
/* harmony import */ var _toml_file_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51454);
/* harmony import */ var _source_builder_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(97083);
/* harmony import */ var _lock_markers_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(75065);



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
    const builder = new _source_builder_js__WEBPACK_IMPORTED_MODULE_2__/* .SourceResultBuilder */ .Km(absolutePath, 'pylock.toml');
    const markers = new _lock_markers_js__WEBPACK_IMPORTED_MODULE_1__/* .LockMarkers */ .t(options?.markerEnvironment);
    packages.forEach((entry, index) => {
        const context = { file, line: lines[index], entry: `[[packages]] #${index + 1}` };
        const name = (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .requiredString */ .Fk)(entry, 'name', context);
        context.entry = `package '${name}'`;
        const marker = (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .optionalString */ .sx)(entry, 'marker', context);
        if (!markers.applies(marker, context))
            return;
        const reason = nonIndexSource(entry, context);
        if (reason === 'project')
            return;
        if (reason !== undefined) {
            builder.addSkipped(name, (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .optionalString */ .sx)(entry, 'version', context), reason, context.line);
            return;
        }
        // Any index (`index` may name a private one): the release is published under this name and version.
        const version = (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .requiredString */ .Fk)(entry, 'version', context);
        builder.addDependency(name, version, context.line, groupsOfMarker(marker), (0,_lock_markers_js__WEBPACK_IMPORTED_MODULE_1__/* .lockMarkerText */ .l)(marker));
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
        return (0,_source_builder_js__WEBPACK_IMPORTED_MODULE_2__/* .notAReleaseReason */ .u1)(type, where ?? '(no url)', revision);
    }
    const directory = (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .optionalTable */ .D6)(entry, 'directory', context);
    if (directory !== undefined) {
        const path = (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .requiredString */ .Fk)(directory, 'path', {
            ...context,
            entry: `${context.entry} directory`
        });
        if (path === '.' || path === './')
            return 'project';
        return (0,_source_builder_js__WEBPACK_IMPORTED_MODULE_2__/* .notAReleaseReason */ .u1)(directory.editable === true ? 'editable directory' : 'directory', path);
    }
    const archive = (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .optionalTable */ .D6)(entry, 'archive', context);
    if (archive !== undefined) {
        const archiveContext = { ...context, entry: `${context.entry} archive` };
        const where = (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .optionalString */ .sx)(archive, 'url', archiveContext) ??
            (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_0__/* .optionalString */ .sx)(archive, 'path', archiveContext);
        return (0,_source_builder_js__WEBPACK_IMPORTED_MODULE_2__/* .notAReleaseReason */ .u1)('archive', where ?? '(no url)');
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
/* harmony import */ var _marker_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(67000);
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
 * groups merged by pickGroup, and its markers too: installed where any of them holds, and
 * unconditional when one of the entries is.
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
    /** `marker`: the condition it is installed under (normalised), when it has one. */
    addDependency(name, version, line, groups, marker) {
        const normalized = (0,_names_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeName */ .P)(name);
        const key = `${normalized}@${version}`;
        const existing = this.dependencies.get(key);
        if (existing) {
            // A new array: `groups` may be shared by many dependencies (a pyproject's group labels).
            if (groups?.length)
                existing.groups = [...existing.groups, ...groups];
            if (marker === undefined)
                existing.markers = null;
            else
                existing.markers?.add(marker);
            return;
        }
        const dependency = {
            name: normalized,
            version,
            location: { file: this.file, line },
            format: this.format
        };
        this.dependencies.set(key, {
            dependency,
            groups: groups ?? [],
            markers: marker === undefined ? null : new Set([marker])
        });
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
        // Dependencies declared in the same groups share one array: pick its group once.
        const picked = new Map();
        const pick = (groups) => {
            if (!picked.has(groups))
                picked.set(groups, pickGroup(groups));
            return picked.get(groups);
        };
        const dependencies = [...this.dependencies.values()].map(({ dependency, groups, markers }) => {
            const group = pick(groups);
            const marker = markers && (0,_marker_text_js__WEBPACK_IMPORTED_MODULE_1__/* .anyOfMarkers */ .T_)([...markers]);
            return {
                ...dependency,
                ...(group !== undefined && { group }),
                ...(marker && { marker })
            };
        });
        return { file: this.file, format: this.format, dependencies, skipped: this.skipped };
    }
}


/***/ })

};
