export const id = 225;
export const ids = [225];
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

/***/ 88691:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ toPackageIssueEntry),
/* harmony export */   b: () => (/* binding */ PACKAGE_ISSUE_RULES)
/* harmony export */ });
/* harmony import */ var _shared_paths_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(40405);
/**
 * How package-health findings appear in the reports: the `package_issues[]` entry of the JSON
 * report (a repository-relative file, like every location there), and one SARIF rule per kind
 * so code scanning can tell them apart from advisories (whose rule ids are advisory ids).
 */

function toPackageIssueEntry(issue, repositoryRoot) {
    return {
        name: issue.name,
        version: issue.version,
        kind: issue.kind,
        reason: issue.reason,
        location: {
            file: (0,_shared_paths_js__WEBPACK_IMPORTED_MODULE_0__/* .repositoryPath */ .S)(issue.location.file, repositoryRoot),
            line: issue.location.line
        },
        failing: issue.failing,
        ...(issue.introduced !== undefined ? { introduced: issue.introduced } : {})
    };
}
/** One rule per kind; ids never collide with advisory ids (those have no '/'). */
const PACKAGE_ISSUE_RULES = {
    'not-found': {
        id: 'pyaudit/package-not-found',
        title: 'The package index does not know this name (typo or dependency confusion)'
    },
    quarantined: {
        id: 'pyaudit/package-quarantined',
        title: 'The package index has quarantined this project (PEP 792)'
    },
    archived: {
        id: 'pyaudit/package-archived',
        title: 'The project is archived on the package index (PEP 792)'
    },
    deprecated: {
        id: 'pyaudit/package-deprecated',
        title: 'The project is deprecated on the package index (PEP 792)'
    },
    yanked: {
        id: 'pyaudit/package-yanked',
        title: 'The pinned release was yanked from the package index (PEP 592)'
    },
    'hash-mismatch': {
        id: 'pyaudit/package-hash-mismatch',
        title: 'A pinned digest matches no file of the release on the package index'
    }
};


/***/ }),

/***/ 5869:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ writeJsonFile)
/* harmony export */ });
/* unused harmony export jsonPieces */
/* harmony import */ var node_events__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(78474);
/* harmony import */ var node_events__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_events__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/**
 * A large report written to disk piece by piece: byte for byte what
 * `JSON.stringify(value, replacer, 2) + '\n'` gives, without ever holding that text as one
 * string. V8 refuses strings over 2^29 - 24 characters (about 512 MiB), which a report of
 * 100,000 dependencies with long advisory texts can pass. A report of usual size is written
 * with that one call instead, which is faster.
 */




/** Pieces are gathered up to this size before each write, so small pieces cost few calls. */
const CHUNK = 1 << 20;
const INDENT = '  ';
/**
 * Up to this many pieces, the value is stringified in one call and written at once: several
 * times faster than piece by piece (3-4 ms against 8-20 ms for a report of 1,300 findings).
 * Should its text pass V8's longest string after all, it is written piece by piece.
 */
const WHOLE_UP_TO = 5_000;
async function writeJsonFile(file, value, options) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_3__.dirname(file), { recursive: true });
    const wholeUpTo = options.wholeUpTo ?? WHOLE_UP_TO;
    if (pieceCount(value, 0, options, wholeUpTo) <= wholeUpTo) {
        const text = wholeText(value, options);
        if (text !== undefined)
            return (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.writeFile)(file, text);
    }
    const stream = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createWriteStream)(file);
    const failed = new Promise((_, reject) => stream.once('error', reject));
    failed.catch(() => { });
    try {
        let buffer = '';
        for (const piece of jsonPieces(value, options)) {
            buffer += piece;
            if (buffer.length < CHUNK)
                continue;
            if (!stream.write(buffer))
                await Promise.race([(0,node_events__WEBPACK_IMPORTED_MODULE_0__.once)(stream, 'drain'), failed]);
            buffer = '';
        }
        stream.end(`${buffer}\n`);
        await Promise.race([(0,node_events__WEBPACK_IMPORTED_MODULE_0__.once)(stream, 'finish'), failed]);
    }
    finally {
        stream.destroy();
    }
}
/** The JSON text in order, in pieces; joined, it is `JSON.stringify(value, replacer, 2)`. */
function* jsonPieces(value, options) {
    yield* pieces(value, '', 0, options);
}
function* pieces(value, indent, depth, options) {
    if (depth < options.expandDepth && isPlainContainer(value)) {
        const inner = indent + INDENT;
        if (Array.isArray(value)) {
            if (value.length === 0)
                return yield '[]';
            for (let index = 0; index < value.length; index++) {
                yield index === 0 ? `[\n${inner}` : `,\n${inner}`;
                yield* pieces(value[index], inner, depth + 1, options);
            }
            return yield `\n${indent}]`;
        }
        const record = value;
        const keys = Object.keys(record).filter(key => !isOmitted(record[key]));
        if (keys.length === 0)
            return yield '{}';
        for (const [index, key] of keys.entries()) {
            yield `${index === 0 ? '{' : ','}\n${inner}${JSON.stringify(key)}: `;
            yield* pieces(record[key], inner, depth + 1, options);
        }
        return yield `\n${indent}}`;
    }
    // An element of an array that JSON has no text for (undefined, a function) is written as null.
    const text = JSON.stringify(value, options.replacer, 2) ?? 'null';
    yield indent === '' ? text : text.replace(/\n/g, `\n${indent}`);
}
/** The text in one string; undefined when it is longer than V8 allows one to be. */
function wholeText(value, options) {
    try {
        return `${JSON.stringify(value, options.replacer, 2) ?? 'null'}\n`;
    }
    catch (error) {
        if (error instanceof RangeError)
            return undefined;
        throw error;
    }
}
/** How many pieces jsonPieces would stringify whole, counted only until it passes `limit`. */
function pieceCount(value, depth, options, limit) {
    if (!(depth < options.expandDepth && isPlainContainer(value)))
        return 1;
    let count = 0;
    for (const member of Object.values(value)) {
        count += pieceCount(member, depth + 1, options, limit - count);
        if (count > limit)
            break;
    }
    return count;
}
/** Written member by member only when JSON.stringify would do no more than walk it. */
function isPlainContainer(value) {
    return (typeof value === 'object' &&
        value !== null &&
        typeof value.toJSON !== 'function');
}
/** Object members JSON leaves out. */
function isOmitted(value) {
    return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}


/***/ }),

/***/ 4225:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   buildJsonReport: () => (/* binding */ buildJsonReport),
/* harmony export */   writeJsonReportFile: () => (/* binding */ writeJsonReportFile)
/* harmony export */ });
/* unused harmony export serializeReport */
/* harmony import */ var _deps_marker_text_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(67000);
/* harmony import */ var _deps_versions_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3433);
/* harmony import */ var _shared_escape_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76242);
/* harmony import */ var _shared_paths_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(40405);
/* harmony import */ var _json_file_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5869);
/* harmony import */ var _counts_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(65132);
/* harmony import */ var _change_scope_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(54085);
/* harmony import */ var _health_report_entry_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(88691);








function buildJsonReport(outcome, repositoryRoot) {
    const changes = outcome.changes;
    const issues = outcome.packageIssues;
    return {
        ...(changes ? { base: { ref: changes.base.ref, sha: changes.base.sha } } : {}),
        dependencies: [
            ...outcome.packages.map(pkg => reportPackage(pkg, outcome)),
            ...outcome.skipped.map(skip => ({ name: skip.name, skip_reason: skip.reason }))
        ],
        ...(changes ? { fixed_by_change: changes.fixedByChange.map(reportFixedByChange) } : {}),
        fixes: outcome.packages.filter(pkg => pkg.recommendedVersion !== undefined).map(reportFix),
        licenses: outcome.licenses,
        ...(issues
            ? { package_issues: issues.map(issue => (0,_health_report_entry_js__WEBPACK_IMPORTED_MODULE_4__/* .toPackageIssueEntry */ .N)(issue, repositoryRoot)) }
            : {}),
        sources: outcome.sources.map(source => ({
            file: (0,_shared_paths_js__WEBPACK_IMPORTED_MODULE_2__/* .repositoryPath */ .S)(source.file, repositoryRoot),
            format: source.format,
            dependencies: source.dependencies.length,
            skipped: source.skipped.length
        })),
        summary: {
            ...(0,_counts_js__WEBPACK_IMPORTED_MODULE_5__/* .summaryCounts */ .NB)(outcome),
            result: outcome.result,
            failure_reasons: outcome.failureReasons,
            incomplete: outcome.incomplete ?? false,
            ...(changes ? { new_vulnerabilities: (0,_change_scope_js__WEBPACK_IMPORTED_MODULE_6__/* .newVulnerabilityCount */ .YZ)(outcome) } : {}),
            ...(issues ? { package_issues: issues.length } : {}),
            ...(issues && changes ? { new_package_issues: (0,_change_scope_js__WEBPACK_IMPORTED_MODULE_6__/* .newPackageIssueCount */ .Pv)(outcome) } : {})
        },
        tool: { ...outcome.tool, feed: outcome.feed, database_updated: outcome.databaseUpdated ?? null }
    };
}
function reportPackage(pkg, outcome) {
    const change = (0,_change_scope_js__WEBPACK_IMPORTED_MODULE_6__/* .changeIn */ .UM)(outcome, pkg);
    const marker = (0,_deps_marker_text_js__WEBPACK_IMPORTED_MODULE_7__/* .conditionOf */ .rI)(pkg.declarations);
    return {
        name: pkg.name,
        // pip-audit prints str(Version): the PEP 440 normal form.
        version: (0,_deps_versions_js__WEBPACK_IMPORTED_MODULE_0__/* .normalVersion */ .A)(pkg.version),
        vulns: pkg.vulnerabilities.map(vuln => reportVuln(vuln, outcome)),
        ...(pkg.recommendedVersion !== undefined
            ? { recommended_version: pkg.recommendedVersion }
            : {}),
        ...(change !== undefined ? { change } : {}),
        ...(marker !== undefined ? { marker } : {})
    };
}
function reportVuln(vuln, outcome) {
    const introduced = (0,_change_scope_js__WEBPACK_IMPORTED_MODULE_6__/* .introducedIn */ .Bi)(outcome, vuln);
    return {
        id: vuln.id,
        fix_versions: vuln.fixVersions,
        aliases: [...vuln.aliases].sort(),
        description: vuln.description,
        severity: {
            level: vuln.severity.level,
            score: vuln.severity.score ?? null,
            vector: vuln.severity.vector ?? null,
            source: vuln.severity.source
        },
        malicious: vuln.malicious,
        ignored: vuln.ignored
            ? {
                reason: vuln.ignored.reason ?? null,
                origin: vuln.ignored.origin,
                until: vuln.ignored.until ?? null
            }
            : null,
        failing: vuln.failing,
        ...(introduced !== undefined ? { introduced } : {})
    };
}
function reportFixedByChange(fix) {
    return {
        name: fix.name,
        old_version: (0,_deps_versions_js__WEBPACK_IMPORTED_MODULE_0__/* .normalVersion */ .A)(fix.oldVersion),
        new_version: fix.newVersion === null ? null : (0,_deps_versions_js__WEBPACK_IMPORTED_MODULE_0__/* .normalVersion */ .A)(fix.newVersion),
        advisories: fix.advisories
    };
}
function reportFix(pkg) {
    return pkg.recommendedVersion
        ? {
            name: pkg.name,
            old_version: (0,_deps_versions_js__WEBPACK_IMPORTED_MODULE_0__/* .normalVersion */ .A)(pkg.version),
            new_version: pkg.recommendedVersion
        }
        : {
            name: pkg.name,
            version: (0,_deps_versions_js__WEBPACK_IMPORTED_MODULE_0__/* .normalVersion */ .A)(pkg.version),
            skip_reason: pkg.upgradeNote ?? 'no version without known vulnerabilities is known'
        };
}
/** The report as one string: for tests and small reports; runs write it with writeJsonReportFile. */
function serializeReport(report) {
    return `${JSON.stringify(report, redactStrings, 2)}\n`;
}
/** The report written to `file` piece by piece: the same bytes as serializeReport, at any size. */
async function writeJsonReportFile(report, file) {
    // Down to the entries of each list (a dependency, a fix, a license, a source).
    await (0,_json_file_js__WEBPACK_IMPORTED_MODULE_3__/* .writeJsonFile */ .A)(file, report, { replacer: redactStrings, expandDepth: 2 });
}
/** Names, reasons and the feed may hold a URL with credentials, or a server's echo of a secret. */
function redactStrings(_key, value) {
    return typeof value === 'string' ? (0,_shared_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .redactSecrets */ .fp)(value) : value;
}


/***/ })

};
