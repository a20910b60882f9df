export const id = 532;
export const ids = [532];
export const modules = {

/***/ 57532:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PypiFeed: () => (/* binding */ PypiFeed)
/* harmony export */ });
/* unused harmony exports skipKey, toOsvRecord */
/* harmony import */ var _renovatebot_pep440__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(68898);
/* harmony import */ var _renovatebot_pep440__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(_renovatebot_pep440__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _deps_versions_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3433);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(58382);
/* harmony import */ var _shared_log_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(21827);
/* harmony import */ var _deps_names_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(96498);
/* harmony import */ var _net_http_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(59663);
/* harmony import */ var _shared_json_shape_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(66511);
/* harmony import */ var _shared_text_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(24646);
/**
 * PyPI's JSON API as an advisory feed (https://docs.pypi.org/api/json/#known-vulnerabilities):
 * GET /pypi/<name>/<version>/json lists the advisories that affect that release. This
 * reproduces pip-audit's PyPIService (pip_audit/_service/pypi.py): a 404 means PyPI does not
 * know the release, which is a skipped dependency with pip-audit's reason, never "no
 * vulnerabilities"; any other failure fails the run; withdrawn entries are dropped; fix
 * versions come from `fixed_in`. Each entry is handed on as an OSV record carrying the same
 * facts, so the usual conversion (toVulnerability) reports it as pip-audit would.
 */








/** How skipped() keys a query: its name and version exactly as passed to lookup. */
function skipKey(pin) {
    return `${pin.name}@${pin.version}`;
}
class PypiFeed {
    name;
    baseUrl;
    concurrency;
    client;
    logger;
    skips = new Map();
    constructor(options) {
        this.baseUrl = options.baseUrl.replace(/\/+$/, '');
        this.name = `PyPI JSON API (${this.baseUrl})`;
        this.concurrency = Math.max(1, options.concurrency ?? 16);
        this.logger = options.logger ?? _shared_log_js__WEBPACK_IMPORTED_MODULE_3__/* .silentLogger */ .q;
        this.client = new _net_http_js__WEBPACK_IMPORTED_MODULE_4__/* .JsonClient */ ._u({
            feedName: this.name,
            connections: this.concurrency,
            requestTimeoutMs: options.requestTimeoutMs,
            timeoutMs: options.timeoutMs,
            retry: options.retry,
            logger: options.logger,
            env: options.env
        });
    }
    /**
     * The records affecting each query, in order. A release PyPI does not know answers [] here
     * and is listed by skipped(): check it before calling an empty answer clean.
     */
    async lookup(packages) {
        const unique = [...new Map(packages.map(pin => [skipKey(pin), pin])).values()];
        const answers = await (0,_net_http_js__WEBPACK_IMPORTED_MODULE_4__/* .mapWithLimit */ .c$)(unique, this.concurrency, (pin, _, signal) => this.release(pin, signal));
        const byKey = new Map(unique.map((pin, i) => [skipKey(pin), answers[i]]));
        return packages.map(pin => byKey.get(skipKey(pin)));
    }
    /**
     * Queries that could not be audited, by skipKey(), with pip-audit's skip reason. Kept for
     * every lookup this feed has answered.
     */
    skipped() {
        return this.skips;
    }
    async close() {
        await this.client.close();
    }
    async release(pin, signal) {
        const name = (0,_deps_names_js__WEBPACK_IMPORTED_MODULE_5__/* .normalizeName */ .P)(pin.name);
        const version = (0,_deps_versions_js__WEBPACK_IMPORTED_MODULE_1__/* .normalVersion */ .A)(pin.version);
        const url = `${this.baseUrl}/pypi/${encodeURIComponent(name)}/${encodeURIComponent(version)}/json`;
        const answer = await this.client.findJson(url, [404], signal);
        if (!answer.found) {
            const reason = `Dependency not found on PyPI and could not be audited: ${name} (${version})`;
            this.logger.debug(reason);
            this.skips.set(skipKey(pin), reason);
            return [];
        }
        this.skips.delete(skipKey(pin));
        return this.vulnerabilities(answer.value, name).flatMap(vuln => {
            if (vuln.withdrawn !== null) {
                this.logger.debug(`PyPI vuln entry '${vuln.id}' marked as withdrawn at ${vuln.withdrawn}`);
                return [];
            }
            const malformed = vuln.fixedIn.find(fix => (0,_renovatebot_pep440__WEBPACK_IMPORTED_MODULE_0__.valid)(fix) === null);
            if (malformed !== undefined) {
                this.fail(`${name} ${version}: ${vuln.id} has a fixed_in that is not a version`);
            }
            return [toOsvRecord(vuln, name)];
        });
    }
    /**
     * The release's list, checked; no `vulnerabilities` key means none for any version (as in
     * pip-audit). That reading is only safe for an answer that is the project's document: an
     * answer of 200 that is anything else (`{}`, another project's document, a captive portal's
     * JSON) would read as "no vulnerabilities", so it fails closed instead. Every document
     * Warehouse (and the mirrors that copy its JSON API) serves has an `info` object naming the
     * project.
     */
    vulnerabilities(body, name) {
        if (!(0,_shared_json_shape_js__WEBPACK_IMPORTED_MODULE_6__/* .isObject */ .G)(body))
            this.fail(`${name}: answer is not an object`);
        const info = body.info;
        if (!(0,_shared_json_shape_js__WEBPACK_IMPORTED_MODULE_6__/* .isObject */ .G)(info) || typeof info.name !== 'string') {
            this.fail(`${name}: answer is not a project document (no info.name)`);
        }
        if ((0,_deps_names_js__WEBPACK_IMPORTED_MODULE_5__/* .normalizeName */ .P)(info.name) !== name) {
            this.fail(`${name}: answer is the document of another project (${(0,_shared_text_js__WEBPACK_IMPORTED_MODULE_7__/* .excerpt */ .Kb)(info.name)})`);
        }
        const list = body.vulnerabilities;
        if (list === undefined || list === null)
            return [];
        if (!Array.isArray(list))
            this.fail(`${name}: vulnerabilities is not a list`);
        return list.map(entry => this.vulnerability(entry, name));
    }
    vulnerability(entry, name) {
        if (!(0,_shared_json_shape_js__WEBPACK_IMPORTED_MODULE_6__/* .isObject */ .G)(entry) || typeof entry.id !== 'string' || entry.id === '') {
            this.fail(`${name}: a vulnerability has no id`);
        }
        const id = entry.id;
        const text = (field) => {
            const value = entry[field];
            if (value === undefined || value === null)
                return null;
            if (typeof value !== 'string')
                this.fail(`${name}: ${id}.${field} is not a string`);
            return value;
        };
        const strings = (field) => {
            const value = entry[field];
            if (value === undefined || value === null)
                return [];
            if (!(0,_shared_json_shape_js__WEBPACK_IMPORTED_MODULE_6__/* .isStringList */ .e)(value)) {
                this.fail(`${name}: ${id}.${field} is not a list of strings`);
            }
            return value;
        };
        return {
            id,
            aliases: strings('aliases'),
            details: text('details'),
            summary: text('summary'),
            fixedIn: strings('fixed_in'),
            withdrawn: text('withdrawn'),
            link: text('link'),
            source: text('source'),
            published: text('published')
        };
    }
    fail(detail) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .FeedError */ .lS(this.name, `malformed answer: ${detail}`);
    }
}
/**
 * The same facts as an OSV record for `name` (PEP 503 normalised): one ECOSYSTEM range that
 * opens at 0 and closes at each `fixed_in` version, so toVulnerability finds the fixes PyPI
 * listed. PyPI says nothing of when an entry changed: `modified` stays empty.
 */
function toOsvRecord(vuln, name) {
    return {
        id: vuln.id,
        modified: '',
        ...(vuln.published === null ? {} : { published: vuln.published }),
        ...(vuln.withdrawn === null ? {} : { withdrawn: vuln.withdrawn }),
        aliases: vuln.aliases,
        ...(vuln.summary === null ? {} : { summary: vuln.summary }),
        ...(vuln.details === null ? {} : { details: vuln.details }),
        affected: [
            {
                package: { ecosystem: 'PyPI', name },
                ranges: [
                    {
                        type: 'ECOSYSTEM',
                        events: [{ introduced: '0' }, ...vuln.fixedIn.map(fixed => ({ fixed }))]
                    }
                ]
            }
        ],
        ...(vuln.link === null ? {} : { references: [{ type: 'ADVISORY', url: vuln.link }] }),
        database_specific: { source: 'PyPI JSON API', ...(vuln.source ? { origin: vuln.source } : {}) }
    };
}


/***/ }),

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


/***/ })

};
