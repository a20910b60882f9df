export const id = 963;
export const ids = [963];
export const modules = {

/***/ 84125:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   jH: () => (/* binding */ removeStaleTemps),
/* harmony export */   lo: () => (/* binding */ writeFileAtomically)
/* harmony export */ });
/* unused harmony export removeQuietly */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/**
 * Cache files are written to a temp file and renamed into place, so a reader (another run
 * sharing the cache directory, say) sees the old file or the new one, never half of one. A run
 * killed mid-write leaves only a temp file, which no reader opens (see removeStaleTemps).
 */



/** The process and a random tag, so concurrent runs never share a temp file. */
const TEMP_TAG = `${process.pid}.${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(4).toString('hex')}`;
const TEMP_SUFFIX = '.tmp';
let written = 0;
/**
 * Writes `data` (a text, or byte chunks written one after the other without joining them) to
 * `file` in one atomic step, readable by its owner only. Throws what the file system throws,
 * after removing the temp file.
 */
function writeFileAtomically(file, data) {
    const temp = `${file}.${TEMP_TAG}.${written++}${TEMP_SUFFIX}`;
    try {
        const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.openSync)(temp, 'wx', 0o600);
        try {
            if (typeof data === 'string')
                (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeSync)(fd, data);
            else
                writeChunks(fd, data);
        }
        finally {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.closeSync)(fd);
        }
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.renameSync)(temp, file);
    }
    catch (error) {
        removeQuietly(temp);
        throw error;
    }
}
/** writev takes at most IOV_MAX (1,024 on Linux) buffers a call, and may write fewer bytes. */
function writeChunks(fd, chunks) {
    const pending = chunks.filter(chunk => chunk.byteLength > 0);
    while (pending.length > 0) {
        const batch = pending.slice(0, 1024);
        let done = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writevSync)(fd, batch);
        let used = 0;
        while (used < batch.length && done >= batch[used].byteLength)
            done -= batch[used++].byteLength;
        pending.splice(0, used);
        if (done > 0)
            pending[0] = pending[0].subarray(done);
    }
}
/**
 * Removes the temp files of `file` that runs killed mid-write left behind, once they are
 * older than `olderThanMs`: younger ones may belong to a run still writing.
 */
function removeStaleTemps(file, olderThanMs, now = Date.now()) {
    const dir = node_path__WEBPACK_IMPORTED_MODULE_2___default().dirname(file);
    const prefix = `${node_path__WEBPACK_IMPORTED_MODULE_2___default().basename(file)}.`;
    let names;
    try {
        names = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readdirSync)(dir);
    }
    catch {
        return;
    }
    for (const name of names) {
        if (!name.startsWith(prefix) || !name.endsWith(TEMP_SUFFIX))
            continue;
        const temp = node_path__WEBPACK_IMPORTED_MODULE_2___default().join(dir, name);
        try {
            if (now - (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.statSync)(temp).mtimeMs > olderThanMs)
                (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.unlinkSync)(temp);
        }
        catch {
            // Gone already (another run cleaned up), or not ours to remove.
        }
    }
}
function removeQuietly(file) {
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.unlinkSync)(file);
    }
    catch {
        // Already gone, or never written: either way it is not used.
    }
}


/***/ }),

/***/ 60223:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ unsafeOwnership),
/* harmony export */   w: () => (/* binding */ preparePrivateDir)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(58382);
/**
 * The advisory cache directory must be the user's own. Its default is the runner's tool cache,
 * which every job on a self-hosted runner shares: a directory that other users can write is one
 * where they can plant records, so it is refused (with a warning; the run goes on without the
 * cache, which only ever saves time). A directory this tool creates is private (0700).
 *
 * What this cannot stop: another job running as the same user (the usual self-hosted set-up)
 * can write anything this user can. That is why nothing in the cache decides a verdict on its
 * own (docs/security.md, "The advisory cache on shared runners").
 */


/** Why a directory or file of the cache may not be trusted, or undefined when it may. */
function unsafeOwnership(stats, uid = currentUid()) {
    // Windows has no POSIX owners or modes: there the user profile's ACLs decide.
    if (uid === undefined)
        return undefined;
    if (stats.uid !== uid && stats.uid !== 0)
        return `it belongs to another user (uid ${stats.uid})`;
    if ((stats.mode & 0o022) !== 0) {
        const mode = (stats.mode & 0o777).toString(8).padStart(3, '0');
        return `other users can write to it (mode ${mode})`;
    }
    return undefined;
}
/**
 * Creates `dir` private to the user when it is missing, then checks it may be used. Undefined
 * when it may; else why not, in words that name the directory and what to do.
 */
function preparePrivateDir(dir) {
    let stats;
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(dir, { recursive: true, mode: 0o700 });
        stats = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(dir);
    }
    catch (error) {
        return { unsafe: false, message: `Advisory cache ${dir} cannot be used: ${(0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .messageOf */ .bD)(error)}` };
    }
    if (!stats.isDirectory()) {
        return { unsafe: false, message: `Advisory cache ${dir} is not a directory` };
    }
    const unsafe = unsafeOwnership(stats);
    if (unsafe === undefined)
        return undefined;
    return {
        unsafe: true,
        message: `Advisory cache ${dir} is not used: ${unsafe}, so records there could have been planted. ` +
            'The audit runs without the cache; make the directory yours alone (chmod 700) or set ' +
            'cache-dir to a private one.'
    };
}
function currentUid() {
    return typeof process.getuid === 'function' ? process.getuid() : undefined;
}


/***/ }),

/***/ 32574:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ describeListedBounds),
/* harmony export */   s: () => (/* binding */ listedBoundsOf)
/* harmony export */ });
/**
 * Which of a package's upgrade candidates each `versions` list names, read once per list.
 *
 * A cold run's upgrade work was mostly reading the advisories' `versions` lists (~129,000
 * listed versions for 130 pins) to see whether a candidate (a `fixed` or `limit` bound) is
 * listed. When a package's advisories are all known (package-advisories.ts), each list is read
 * once against every bound of the package, and what it names is kept here, keyed by the list
 * itself: recommendedVersion then looks the candidates up instead of reading the list again.
 * A list is only ever described against the bounds it was read for: a candidate outside them
 * sends the caller back to reading the list.
 */
const described = new WeakMap();
function describeListedBounds(versions, listed) {
    described.set(versions, listed);
}
function listedBoundsOf(versions) {
    return described.get(versions);
}


/***/ }),

/***/ 54170:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ZF: () => (/* binding */ markRangesCovering),
/* harmony export */   _X: () => (/* binding */ isPyPIEntryFor),
/* harmony export */   bB: () => (/* binding */ affects),
/* harmony export */   lu: () => (/* binding */ rangesInclude),
/* harmony export */   uH: () => (/* binding */ recordAffects)
/* harmony export */ });
/* harmony import */ var _deps_names_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(96498);
/* harmony import */ var _version_order_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(85682);
/**
 * Does an OSV record affect one exact PyPI release? The OSV schema's evaluation algorithm
 * (https://ossf.github.io/osv-schema/#evaluation) with PEP 440 ordering, never semver.
 */


const BOUNDS = ['introduced', 'fixed', 'last_affected', 'limit'];
/** `introduced: "0"` sorts below every version, including `0.dev0` which PEP 440 puts below `0`. */
const BEGINNING = Symbol('beginning');

/**
 * Whether one `affected` entry covers `version`. The caller has already chosen the entry as
 * the PyPI package's (see recordAffects).
 */
function affects(affected, version) {
    return rangesInclude(affected, version) || listed(affected.versions ?? [], version);
}
/** Whether one of the entry's ranges covers `version` (its `versions` list left aside). */
function rangesInclude(affected, version) {
    // A version that is not PEP 440 cannot be ordered, so only an exact listing can match it.
    return (0,_version_order_js__WEBPACK_IMPORTED_MODULE_0__/* .isPep440 */ .it)(version) && (affected.ranges ?? []).some(range => rangeIncludes(range, version));
}
/**
 * Whether `record` affects `name` (PEP 503 normalised) at `version`. Withdrawn records never
 * do. A record with no `affected` list at all (or one the OSV API feed could not read, see
 * readOsvRecord) says of no version that it is spared, and only reaches here because a server
 * matched it to the release (the offline database lists a record only under the packages its
 * `affected` names): it counts as affecting every version, so no upgrade is ever recommended
 * as clean of it.
 */
function recordAffects(record, name, version) {
    if (record.withdrawn != null)
        return false;
    if (record.affected == null)
        return true;
    const wanted = (0,_deps_names_js__WEBPACK_IMPORTED_MODULE_1__/* .normalizeName */ .P)(name);
    return (record.affected ?? []).some(affected => isPyPIEntryFor(affected, wanted) && affects(affected, version));
}
function isPyPIEntryFor(affected, normalizedName) {
    let name = entryNames.get(affected);
    if (name === undefined) {
        const pkg = affected.package;
        name = pkg?.ecosystem === 'PyPI' ? (0,_deps_names_js__WEBPACK_IMPORTED_MODULE_1__/* .normalizeName */ .P)(pkg.name) : null;
        entryNames.set(affected, name);
    }
    return name === normalizedName;
}
/** Each entry's PyPI name, normalised once: a package's records are asked again and again. */
const entryNames = new WeakMap();
/**
 * Listed versions compare as PEP 440 equal (`1.0` == `1.0.0`), or as exact strings when not
 * PEP 440. Each list's keys are computed once: a package can have hundreds of advisories with
 * hundreds of listed versions each, and most lookups scan them all.
 */
const listedKeys = new WeakMap();
function listed(versions, version) {
    if (versions.length === 0)
        return false;
    let keys = listedKeys.get(versions);
    if (keys === undefined) {
        keys = new Set(versions.map(_version_order_js__WEBPACK_IMPORTED_MODULE_0__/* .equalityKey */ .Q1));
        listedKeys.set(versions, keys);
    }
    return keys.has((0,_version_order_js__WEBPACK_IMPORTED_MODULE_0__/* .equalityKey */ .Q1)(version));
}
/**
 * GIT ranges are skipped: their events are commit hashes, which say nothing about a release
 * number. Every other type is read as PEP 440, SEMVER included: a SEMVER range on a PyPI
 * package still describes PyPI releases, plain X.Y.Z numbers order the same way under both
 * schemes, and ignoring the range could hide a vulnerability. An unknown type is read the same
 * way for the same reason.
 */
function rangeIncludes(range, version) {
    if (range.type === 'GIT')
        return false;
    const readable = readEvents(range.events);
    if (readable === 'unbounded')
        return true;
    if (!beforeLimits(readable.limits, version))
        return false;
    return readable.intervals.some(interval => inInterval(interval, version));
}
function inInterval({ from, until, through }, version) {
    if (from !== BEGINNING && (0,_version_order_js__WEBPACK_IMPORTED_MODULE_0__/* .compareVersions */ .Zy)(version, from) < 0)
        return false;
    if (until !== undefined)
        return (0,_version_order_js__WEBPACK_IMPORTED_MODULE_0__/* .compareVersions */ .Zy)(version, until) < 0;
    return through === undefined || (0,_version_order_js__WEBPACK_IMPORTED_MODULE_0__/* .compareVersions */ .Zy)(version, through) <= 0;
}
/**
 * The sorted events as osv.dev pairs them (enumerate_versions in osv/impact.py): an
 * `introduced` opens an interval, the next `fixed` or `last_affected` closes it, and a closing
 * event with no open interval closes nothing. The schema's pseudocode reads the same wherever
 * no two events share a version; at a shared one it lets a `fixed: X` listed after a
 * `last_affected: X` unflag X, which osv.dev (and this) still reports: the reading that
 * reports more.
 */
function intervalsOf(events) {
    const intervals = [];
    let open;
    for (const event of events) {
        if (event.bound === 'introduced') {
            if (open === undefined)
                open = { from: event.at };
        }
        else if (open !== undefined && event.at !== BEGINNING) {
            intervals.push(event.bound === 'fixed' ? { ...open, until: event.at } : { ...open, through: event.at });
            open = undefined;
        }
    }
    if (open !== undefined)
        intervals.push(open);
    return intervals;
}
/** Records are not modified once loaded, so each range is read, sorted and paired once. */
const readableRanges = new WeakMap();
function readEvents(raw) {
    let readable = readableRanges.get(raw);
    if (readable === undefined) {
        const sorted = sortedEvents(raw);
        readable =
            sorted === 'unbounded'
                ? sorted
                : { intervals: intervalsOf(sorted.events), limits: sorted.limits };
        readableRanges.set(raw, readable);
    }
    return readable;
}
/**
 * Real records carry events that are not PEP 440 (`2.6.0-NA`, `2024-12-04`, `7.2.0-12.1`).
 * We cannot know where such a bound sits, so each is read in the way that can only widen the
 * range, never hide an affected release (a security tool prefers a false alarm):
 * - an unreadable `fixed` / `last_affected` is dropped, so the interval it closed stays open
 *   up to the next readable fix (or forever). Removing a closing event can only turn
 *   "not affected" into "affected", wherever the real bound was.
 * - an unreadable `limit` counts as `*` (no limit).
 * - an unreadable `introduced` could be just below any version, so the range affects every
 *   version ('unbounded').
 * This matches what osv.dev effectively does: its legacy-version fallback sorts such strings
 * below every real version, so they open or close nothing after `introduced: "0"`.
 */
function sortedEvents(raw) {
    const events = [];
    const limits = [];
    for (const object of raw) {
        for (const bound of BOUNDS) {
            const value = object[bound];
            if (value === undefined)
                continue;
            if (bound === 'limit') {
                limits.push(value.includes('*') || !(0,_version_order_js__WEBPACK_IMPORTED_MODULE_0__/* .isPep440 */ .it)(value) ? '*' : value);
            }
            else if (bound === 'introduced' && value === '0') {
                events.push({ bound, at: BEGINNING });
            }
            else if ((0,_version_order_js__WEBPACK_IMPORTED_MODULE_0__/* .isPep440 */ .it)(value)) {
                events.push({ bound, at: value });
            }
            else if (bound === 'introduced') {
                return 'unbounded';
            }
        }
    }
    // The schema evaluates events in version order, whatever order the record lists them in
    // (`sorted(range.events)`), and says nothing of events at equal versions. osv.dev sorts with
    // Python's stable sort (enumerate_versions in osv/impact.py), and so do we: events at equal
    // versions keep the record's order. `fixed: X` then `introduced: X` reopens the range at X
    // (real PYSEC-2024-258, scrapy, splits [0, 2.11.2) that way and lists 2.0.0 as affected);
    // `introduced: X` then `fixed: X` is empty. Any fixed order for ties would be wrong for one
    // of the two, and putting `introduced` first would hide 2.0.0 up to 2.11.1 of scrapy.
    events.sort((a, b) => {
        if (a.at === BEGINNING || b.at === BEGINNING) {
            return a.at === b.at ? 0 : a.at === BEGINNING ? -1 : 1;
        }
        return (0,_version_order_js__WEBPACK_IMPORTED_MODULE_0__/* .compareVersions */ .Zy)(a.at, b.at);
    });
    return { events, limits };
}
/**
 * Which of `sorted` (PEP 440 versions, ascending, no two equal) the ranges of `affected`
 * include, as rangeIncludes reads them: sets `covered[i]` for each one. Each interval is
 * found by binary search, so a package with hundreds of advisories and dozens of upgrade
 * candidates (tensorflow) costs intervals x log(candidates) comparisons, not a match per pair.
 * The `versions` list is the caller's to read.
 */
function markRangesCovering(affected, sorted, covered) {
    for (const range of affected.ranges ?? []) {
        if (range.type === 'GIT')
            continue;
        const readable = readEvents(range.events);
        if (readable === 'unbounded') {
            covered.fill(true, 0, sorted.length);
            return;
        }
        const { limits } = readable;
        const below = limits.length === 0 || limits.includes('*')
            ? sorted.length
            : Math.max(...limits.map(limit => firstAbove(sorted, limit, 0)));
        for (const { from, until, through } of readable.intervals) {
            const start = from === BEGINNING ? 0 : firstAbove(sorted, from, 0);
            const end = until !== undefined
                ? firstAbove(sorted, until, 0)
                : through !== undefined
                    ? firstAbove(sorted, through, 1)
                    : sorted.length;
            covered.fill(true, start, Math.min(end, below));
        }
    }
}
/** The first index of `sorted` at or above `bound` (`strict` 0), or above it (`strict` 1). */
function firstAbove(sorted, bound, strict) {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
        const middle = (low + high) >>> 1;
        if ((0,_version_order_js__WEBPACK_IMPORTED_MODULE_0__/* .compareVersions */ .Zy)(sorted[middle], bound) < strict)
            low = middle + 1;
        else
            high = middle;
    }
    return low;
}
function beforeLimits(limits, version) {
    if (limits.length === 0)
        return true;
    return limits.some(limit => limit === '*' || (0,_version_order_js__WEBPACK_IMPORTED_MODULE_0__/* .compareVersions */ .Zy)(version, limit) < 0);
}


/***/ }),

/***/ 6407:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ readOsvRecord),
/* harmony export */   w: () => (/* binding */ isSupportedSchemaVersion)
/* harmony export */ });
/* harmony import */ var _renovatebot_pep440__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(68898);
/* harmony import */ var _renovatebot_pep440__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(_renovatebot_pep440__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _shared_json_shape_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(66511);
/* harmony import */ var _shared_text_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(24646);
/** The parts of the OSV schema (https://ossf.github.io/osv-schema/) this tool reads. */



/**
 * Reads a record the service sent for `id` (already checked to be its id). Each field this
 * tool reads must have the type declared above; one that does not is left out rather than
 * half-read, and an `affected` list with any malformed part is left out whole (a partial
 * list could yield the wrong fix versions). A record of a schema major other than 1 keeps
 * only what is shown to the reader (its texts and aliases): what its other fields mean is not
 * known to this version, so no severity and no fix is read from it. `modified` falls back to
 * `listedModified`, the date the service listed the record with. A whole record is returned
 * as it is (the same object).
 */
function readOsvRecord(value, id, listedModified) {
    const unreadable = [];
    const kept = { id };
    const keep = (field, ok, problem) => {
        const v = value[field];
        if (v === undefined || v === null)
            return;
        if (ok(v))
            kept[field] = v;
        else
            unreadable.push(`"${field}" ${problem}`);
    };
    const schema = value.schema_version;
    const known = schema == null || (typeof schema === 'string' && isSupportedSchemaVersion(schema));
    if (!known)
        unreadable.push(`schema_version ${describeValue(schema)} is not 1.x`);
    if (typeof value.modified === 'string')
        kept.modified = value.modified;
    else {
        kept.modified = listedModified;
        unreadable.push('"modified" is not a string');
    }
    for (const field of ['summary', 'details', 'published'])
        keep(field, isString, 'is not text');
    keep('aliases', _shared_json_shape_js__WEBPACK_IMPORTED_MODULE_1__/* .isStringList */ .e, 'is not a list of strings');
    if (known) {
        if (schema != null)
            kept.schema_version = schema;
        keep('withdrawn', isString, 'is not text');
        keep('related', _shared_json_shape_js__WEBPACK_IMPORTED_MODULE_1__/* .isStringList */ .e, 'is not a list of strings');
        keep('severity', isSeverityList, 'is not a list of {type, score}');
        keep('references', isReferenceList, 'is not a list of {type, url}');
        keep('database_specific', _shared_json_shape_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .G, 'is not an object');
        const problem = value.affected == null ? undefined : affectedProblem(value.affected);
        if (problem === undefined)
            keep('affected', () => true, '');
        else
            unreadable.push(problem);
    }
    if (unreadable.length === 0)
        return { record: value, unreadable };
    return { record: kept, unreadable };
}
/**
 * pip-audit reads records whose `schema_version` (absent means 1.0.0) has major 1; a value
 * that is not a version at all (pip-audit would crash on it) is not supported either.
 */
function isSupportedSchemaVersion(schema) {
    let supported = supportedSchemas.get(schema);
    if (supported === undefined) {
        supported = (0,_renovatebot_pep440__WEBPACK_IMPORTED_MODULE_0__.valid)(schema) !== null && (0,_renovatebot_pep440__WEBPACK_IMPORTED_MODULE_0__.major)(schema) === 1;
        supportedSchemas.set(schema, supported);
    }
    return supported;
}
/** A run meets a handful of schema versions, each on hundreds of records. */
const supportedSchemas = new Map();
const EVENT_BOUNDS = ['introduced', 'fixed', 'last_affected', 'limit'];
/** The first part of an `affected` list that matching and fix versions could not read. */
function affectedProblem(affected) {
    if (!Array.isArray(affected))
        return '"affected" is not a list';
    for (const [i, entry] of affected.entries()) {
        const at = `affected[${i}]`;
        if (!(0,_shared_json_shape_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .G)(entry))
            return `${at} is not an object`;
        const pkg = entry.package;
        if (pkg != null &&
            !((0,_shared_json_shape_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .G)(pkg) && isString(pkg.ecosystem) && isString(pkg.name) && textOrNull(pkg.purl))) {
            return `${at}.package needs "ecosystem" and "name" text`;
        }
        if (entry.versions != null && !(0,_shared_json_shape_js__WEBPACK_IMPORTED_MODULE_1__/* .isStringList */ .e)(entry.versions)) {
            return `${at}.versions is not a list of strings`;
        }
        for (const field of ['ecosystem_specific', 'database_specific']) {
            if (entry[field] != null && !(0,_shared_json_shape_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .G)(entry[field]))
                return `${at}.${field} is not an object`;
        }
        if (entry.ranges == null)
            continue;
        if (!Array.isArray(entry.ranges))
            return `${at}.ranges is not a list`;
        for (const [j, range] of entry.ranges.entries()) {
            const events = (0,_shared_json_shape_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .G)(range) && isString(range.type) ? range.events : undefined;
            const readable = Array.isArray(events) &&
                events.every(event => (0,_shared_json_shape_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .G)(event) && EVENT_BOUNDS.every(b => optional(event[b])));
            if (!readable)
                return `${at}.ranges[${j}] needs a "type" and a list of text "events"`;
        }
    }
    return undefined;
}
function isSeverityList(value) {
    return (Array.isArray(value) &&
        value.every(entry => (0,_shared_json_shape_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .G)(entry) && isString(entry.type) && isString(entry.score)));
}
function isReferenceList(value) {
    return (Array.isArray(value) &&
        value.every(entry => (0,_shared_json_shape_js__WEBPACK_IMPORTED_MODULE_1__/* .isObject */ .G)(entry) && isString(entry.type) && isString(entry.url)));
}
function isString(value) {
    return typeof value === 'string';
}
/** Absent, or text: `undefined` only, since the matcher tests event bounds `=== undefined`. */
function optional(value) {
    return value === undefined || typeof value === 'string';
}
function textOrNull(value) {
    return value == null || typeof value === 'string';
}
/** A short, one-line rendering of an untrusted value for a warning. */
function describeValue(value) {
    return typeof value === 'string' ? JSON.stringify((0,_shared_text_js__WEBPACK_IMPORTED_MODULE_2__/* .excerpt */ .Kb)(value, 40)) : `of type ${typeof value}`;
}


/***/ }),

/***/ 55149:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  vv: () => (/* binding */ DiskRecordCache),
  $g: () => (/* binding */ defaultCacheDir)
});

// UNUSED EXPORTS: DEFAULT_MAX_BYTES, DEFAULT_MAX_RECORDS

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(58382);
// EXTERNAL MODULE: ./src/shared/log.ts
var log = __webpack_require__(21827);
// EXTERNAL MODULE: ./src/advisories/atomic-file.ts
var atomic_file = __webpack_require__(84125);
// EXTERNAL MODULE: ./src/advisories/cache-dir.ts
var cache_dir = __webpack_require__(60223);
// EXTERNAL MODULE: ./src/shared/json-shape.ts
var json_shape = __webpack_require__(66511);
// EXTERNAL MODULE: ./src/advisories/upgrade.ts
var upgrade = __webpack_require__(38147);
;// CONCATENATED MODULE: ./src/advisories/match-hints.ts
/**
 * What each pin matched in earlier runs: `name==version` -> advisory ids, kept in the record
 * cache's pack so that a warm run can read the records it will probably need while its
 * /v1/querybatch is still on the wire. A hint only says which records to read early; the
 * answer of the querybatch still decides which records are used, so stale, damaged or forged
 * hints cost time, never a finding.
 *
 * Each pin also keeps the upgrade verified for it, under the fingerprint of the records it
 * was worked out from (see upgrade.ts, which checks a kept answer before using it), and the
 * versions the verification passed on the way: a warm run asks about them all in its first
 * querybatch (verify-upgrades.ts), and the feed's answers, not these, decide.
 */


/** Pins kept at most: one cache directory may serve many projects over a long time. */
const MAX_HINTED_PINS = 50_000;
class MatchHints {
    pins;
    changed = false;
    /** `stored` is the pack's `pins` (anything: hints that do not check out are none at all). */
    constructor(stored = undefined) {
        this.pins = parseHints(stored);
    }
    /** True once something was learnt that the stored hints do not hold. */
    get dirty() {
        return this.changed;
    }
    /** The ids the pins matched last time, each once, in the order of the pins. */
    idsFor(pins) {
        const ids = new Set();
        for (const pin of pins)
            for (const id of this.pins.get(pinKey(pin))?.ids ?? [])
                ids.add(id);
        return [...ids];
    }
    /** The upgrade recommended for `pin` from the records of `fingerprint`, if known. */
    adviceFor(pin, fingerprint) {
        const advice = this.pins.get(pinKey(pin))?.advice;
        return advice?.[0] === fingerprint ? advice[1] : undefined;
    }
    /** Every version the last verification for `pin` asked about, whatever the records. */
    askedFor(pin) {
        const advice = this.pins.get(pinKey(pin))?.advice;
        if (advice === undefined)
            return [];
        const [, upgrade, ...passed] = advice;
        return upgrade === null ? passed : [...passed, upgrade];
    }
    rememberAdvice(pin, fingerprint, upgrade, passed = []) {
        const key = pinKey(pin);
        const notes = this.pins.get(key) ?? { ids: [] };
        const advice = [fingerprint, upgrade, ...passed];
        if (notes.advice && sameAdvice(notes.advice, advice))
            return;
        this.pins.set(key, { ...notes, advice });
        this.changed = true;
    }
    /** What each pin matched in this run; `matched[i]` belongs to `pins[i]`. */
    remember(pins, matched) {
        const fresh = new Map();
        let learnt = false;
        pins.forEach((pin, i) => {
            const ids = matched[i] ?? [];
            const key = pinKey(pin);
            const known = this.pins.get(key);
            if (known !== undefined && sameIds(known.ids, ids)) {
                fresh.set(key, known);
            }
            else {
                learnt = true;
                fresh.set(key, { ids });
            }
        });
        if (!learnt)
            return;
        this.changed = true;
        // This run's pins first, so the cap drops the pins not seen for longest.
        this.pins = capped(fresh, this.pins);
    }
    /**
     * The hints to store: these, then the pins of `concurrent` (hints another run stored since
     * these were read) that these do not know, within the cap.
     */
    toStored(concurrent) {
        return Object.fromEntries(capped(this.pins, parseHints(concurrent)));
    }
    /** After the hints were stored. */
    saved() {
        this.changed = false;
    }
}
function pinKey(pin) {
    return `${pin.name}==${pin.version}`;
}
/** `first`, then what `rest` adds, up to MAX_HINTED_PINS pins. */
function capped(first, rest) {
    const merged = new Map();
    for (const source of [first, rest]) {
        for (const [key, notes] of source) {
            if (merged.size >= MAX_HINTED_PINS)
                return merged;
            if (!merged.has(key))
                merged.set(key, notes);
        }
    }
    return merged;
}
/** The stored pins, or none at all when any part of them is not what toStored wrote. */
function parseHints(stored) {
    const pins = new Map();
    if (!(0,json_shape/* isObject */.G)(stored))
        return pins;
    for (const [key, notes] of Object.entries(stored)) {
        if (!isPinNotes(notes))
            return new Map();
        pins.set(key, notes);
    }
    return pins;
}
function isPinNotes(value) {
    if (!(0,json_shape/* isObject */.G)(value) || !(0,json_shape/* isStringList */.e)(value.ids))
        return false;
    const { advice } = value;
    return (advice === undefined ||
        (Array.isArray(advice) &&
            advice.length >= 2 &&
            advice.length <= 2 + upgrade/* MAX_KEPT_PASSED */.XU &&
            typeof advice[0] === 'string' &&
            (advice[1] === null || typeof advice[1] === 'string') &&
            advice.slice(2).every(version => typeof version === 'string')));
}
function sameAdvice(a, b) {
    return a.length === b.length && a.every((part, i) => part === b[i]);
}
function sameIds(a, b) {
    return a.length === b.length && a.every((id, i) => id === b[i]);
}

// EXTERNAL MODULE: ./src/advisories/severity.ts + 4 modules
var severity = __webpack_require__(16169);
// EXTERNAL MODULE: ./src/advisories/record-pack.ts + 1 modules
var record_pack = __webpack_require__(23625);
;// CONCATENATED MODULE: ./src/advisories/record-cache.ts
/**
 * Full OSV records on disk, keyed by (id, modified), so a warm run asks the OSV API only which
 * advisories apply (one /v1/querybatch) and reads the records it already holds. They all live
 * in one pack file (record-pack.ts), read with one open and written once, at the end of the
 * run, in one atomic rename: a killed run leaves the old pack whole, and of two runs writing at
 * once, the later one merges what the earlier one wrote. The pack holds at most `maxRecords`
 * records and `maxBytes` of them; the least recently used go first.
 *
 * The cache only ever saves time: a pack or a record it cannot read is a miss (fetched again),
 * and a write that fails is a debug line. It is not trusted for anything the record itself does
 * not say: no score or verdict is kept, a cached record that claims to be withdrawn is refetched
 * (only the feed may withdraw a finding), and a directory other users can write is not used at
 * all (cache-dir.ts, docs/security.md).
 *
 * While the /v1/querybatch of a warm run is on the wire, the records its pins matched last time
 * (match-hints.ts) are read ahead and scored, so that waiting and working overlap.
 */










const PACK_FILE = 'osv-records.pack';
/** What older releases kept in the cache directory: removed once the pack is written. */
const OLD_LAYOUT = ['osv-records', 'osv-match-hints.json', 'offline-index'];
/** The whole of PyPA's PyPI advisories is ~7,100 records and 29 MB. */
const DEFAULT_MAX_RECORDS = 20_000;
const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;
/** A temp file this old belongs to a run that was killed while writing. */
const STALE_TEMP_MS = 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
/**
 * Read-ahead and the making of bodies work in slices this long and then let the event loop
 * run, so that an answer they work beside is taken in as soon as it arrives. Timed with
 * Date.now: the global `performance` loads perf_hooks on first use, ~2 ms for a clock this
 * coarse.
 */
const SLICE_MS = 2;
/**
 * The cache directory when the `cache-dir` input is empty: the runner's tool cache on
 * GitHub runners (kept on self-hosted ones, and what actions/cache saves on hosted ones),
 * else the user's cache directory.
 */
function defaultCacheDir(env, home = external_node_os_default().homedir()) {
    if (env.RUNNER_TOOL_CACHE)
        return external_node_path_default().join(env.RUNNER_TOOL_CACHE, 'pyaudit');
    const xdg = env.XDG_CACHE_HOME;
    if (xdg && external_node_path_default().isAbsolute(xdg))
        return external_node_path_default().join(xdg, 'pyaudit');
    return external_node_path_default().join(home, '.cache', 'pyaudit');
}
class DiskRecordCache {
    dir;
    file;
    stats = { hits: 0, misses: 0, discarded: 0, written: 0, readAhead: 0 };
    /** Upgrades recommended in earlier runs, kept with the match hints of each pin. */
    upgradeAdvice;
    logger;
    maxRecords;
    maxBytes;
    now;
    /** Why the directory is not used, when it is not. */
    refused;
    pack;
    hints;
    /** Records fetched in this run, and the bodies flush writes once made (makeBodies). */
    fresh = new Map();
    /** Ids in `fresh` whose bodies are still to be made, in the order they came. */
    unmade = [];
    makingBodies = false;
    /** Ids of the pack's records this run used. */
    used = new Set();
    /** Ids of the pack's records that could not be trusted. */
    dropped = new Set();
    /** Records read ahead and not asked for yet. */
    readEarly = new Map();
    saved = false;
    constructor(cacheDir, options = {}) {
        this.dir = cacheDir;
        this.file = external_node_path_default().join(cacheDir, PACK_FILE);
        this.logger = options.logger ?? log/* silentLogger */.q;
        this.maxRecords = options.maxRecords ?? DEFAULT_MAX_RECORDS;
        this.maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
        this.now = options.now ?? Date.now;
        this.refused = (0,cache_dir/* preparePrivateDir */.w)(cacheDir);
        if (this.refused?.unsafe)
            this.logger.warning(this.refused.message);
        else if (this.refused)
            this.logger.debug(`${this.refused.message}; running without it`);
        this.upgradeAdvice = {
            get: (pin, fingerprint) => this.matchHints().adviceFor(pin, fingerprint),
            set: (pin, fingerprint, upgrade, passed) => this.matchHints().rememberAdvice(pin, fingerprint, upgrade, passed),
            asked: pin => this.matchHints().askedFor(pin)
        };
    }
    /** True once something new was written: only then is the cache worth saving elsewhere. */
    get changed() {
        return this.saved;
    }
    get(id, modified) {
        const early = this.readEarly.get(id);
        if (early !== undefined)
            this.readEarly.delete(id);
        const stored = early ?? this.read(id, modified);
        if (typeof stored === 'string' || stored.modified !== modified) {
            this.stats.misses++;
            return undefined;
        }
        this.used.add(id);
        this.stats.hits++;
        if (early !== undefined)
            this.stats.readAhead++;
        return stored;
    }
    /**
     * Starts reading the records these pins matched in earlier runs, a slice at a time between
     * turns of the event loop; returns the function that stops it. What was read waits for
     * `get`, which still checks each against the (id, modified) the querybatch names.
     */
    readAhead(pins) {
        let stopped = false;
        let ids;
        let next = 0;
        const slice = () => {
            if (stopped)
                return;
            ids ??= this.matchHints().idsFor(pins);
            const until = Date.now() + SLICE_MS;
            while (next < ids.length && Date.now() < until) {
                const id = ids[next++];
                if (this.readEarly.has(id))
                    continue;
                const record = this.read(id);
                this.readEarly.set(id, record);
                if (typeof record === 'object')
                    (0,severity/* severityOf */.xJ)(record);
            }
            if (next < ids.length)
                setImmediate(slice);
        };
        setImmediate(slice);
        return () => {
            stopped = true;
        };
    }
    /** What each pin matched in this run, so that the next run can read ahead. */
    noteMatches(pins, refs) {
        this.matchHints().remember(pins, refs.map(listed => listed.map(ref => ref.id)));
    }
    /**
     * Keeps the record for flush. A withdrawn one is not kept: only the feed may say so.
     * Records arrive while other requests are still on the wire, so this is where its body for
     * the pack is made, once. Its score is not worked out here: the assessment does it while
     * the recommended upgrades are asked about, when the run has nothing else to do.
     */
    put(record) {
        if (record.withdrawn != null)
            return;
        if (this.refused !== undefined)
            return;
        if (this.fresh.get(record.id)?.modified === record.modified)
            return;
        const entry = this.load().entries.get(record.id);
        if (entry?.modified === record.modified && !this.dropped.has(record.id))
            return;
        if (!this.fresh.has(record.id))
            this.stats.written++;
        this.fresh.set(record.id, { modified: record.modified, record });
        this.unmade.push(record.id);
    }
    /**
     * Starts making the bodies flush writes, a slice at a time between turns of the event loop:
     * for when the run waits on the feed with nothing else to do (the bodies of a cold run's
     * 1,300 records take ~30-50 ms, and while the records come in, taking them in comes first).
     * Whatever is left when flush comes is made then.
     */
    prepareFlush() {
        if (this.makingBodies || this.unmade.length === 0)
            return;
        this.makingBodies = true;
        setImmediate(this.bodiesSlice);
    }
    bodiesSlice = () => {
        this.makeBodies(Date.now() + SLICE_MS);
        if (this.unmade.length > 0)
            setImmediate(this.bodiesSlice);
        else
            this.makingBodies = false;
    };
    /** The bodies of fresh records not made yet, until the clock passes `until`. */
    makeBodies(until) {
        let next = 0;
        while (next < this.unmade.length && Date.now() <= until) {
            const id = this.unmade[next++];
            const fresh = this.fresh.get(id);
            if (fresh === undefined || fresh.body !== undefined)
                continue;
            fresh.body = (0,record_pack/* recordBody */.EV)(fresh.record);
            if (fresh.body !== undefined)
                continue;
            this.fresh.delete(id);
            this.stats.written--;
            this.logger.debug(`Record cache: could not write ${id}: a malformed versions list`);
        }
        this.unmade = this.unmade.slice(next);
    }
    /**
     * Writes the pack when this run changed anything in it: records fetched, hints learnt,
     * records dropped, or records used that were last used on an earlier day (their date keeps
     * the least recently used last). Never throws: a pack that cannot be written is a debug line.
     */
    async flush() {
        if (this.refused !== undefined)
            return;
        const pack = this.load();
        const hints = this.matchHints();
        this.makeBodies(Infinity);
        const today = Math.floor(this.now() / DAY_MS);
        const dated = [...this.used].some(id => (pack.entries.get(id)?.day ?? today) < today);
        if (this.fresh.size === 0 && !hints.dirty && this.dropped.size === 0 && !dated)
            return;
        const fresh = [...this.fresh].map(([id, { modified, body }]) => ({
            id,
            modified,
            day: today,
            body: body
        }));
        const disk = this.onDisk(pack);
        // A record dropped as untrusted stays out, unless another run has written it since.
        const untrusted = (entry) => this.dropped.has(entry.id) && pack.entries.get(entry.id) === entry;
        const items = (0,record_pack/* mostRecentlyUsed */.tr)([...fresh, ...this.usedItems(pack, today)], disk, untrusted, {
            maxRecords: this.maxRecords,
            maxBytes: this.maxBytes
        });
        try {
            const pins = hints.toStored(disk === pack ? undefined : disk.pins);
            (0,atomic_file/* writeFileAtomically */.lo)(this.file, (0,record_pack/* packChunks */.kw)(items, pins));
        }
        catch (error) {
            this.stats.written -= fresh.length;
            this.logger.debug(`Record cache: could not write ${this.file}: ${(0,errors/* messageOf */.bD)(error)}`);
            return;
        }
        this.saved ||= fresh.length > 0 || hints.dirty;
        this.cleanUp();
        // The next read sees the pack as written.
        this.pack = undefined;
        this.hints = undefined;
        for (const kept of [this.fresh, this.used, this.dropped, this.readEarly])
            kept.clear();
    }
    /** The pack as read at the first use in this run (empty when there is none to trust). */
    load() {
        if (this.pack !== undefined)
            return this.pack;
        const read = (0,record_pack/* readPack */.wh)(this.file, stats => this.refusal(stats));
        if (read === 'absent') {
            this.pack = emptyPack('absent');
        }
        else if ('unreadable' in read) {
            this.logger.debug(`Record cache: ${this.file} not read (${read.unreadable}); starting afresh`);
            this.pack = emptyPack(read.identity ?? 'unreadable');
        }
        else {
            this.pack = read;
        }
        return this.pack;
    }
    refusal(stats) {
        const unsafe = (0,cache_dir/* unsafeOwnership */.S)(stats);
        if (unsafe !== undefined) {
            this.logger.warning(`Advisory cache ${this.file} is not read: ${unsafe}. Its records are fetched again ` +
                'and the file replaced.');
            return unsafe;
        }
        // Bodies, their line feeds and a header of 50,000 hinted pins stay far below this.
        if (stats.size > 2 * this.maxBytes + 64 * 1024 * 1024)
            return 'larger than a pack can grow';
        return undefined;
    }
    matchHints() {
        this.hints ??= new MatchHints(this.refused === undefined ? this.load().pins : undefined);
        return this.hints;
    }
    /** Reads one record; with `modified`, only when the pack holds that version. */
    read(id, modified) {
        if (this.refused !== undefined)
            return 'absent';
        const entry = this.load().entries.get(id);
        if (entry === undefined || this.dropped.has(id))
            return 'absent';
        if (modified !== undefined && entry.modified !== modified)
            return 'absent';
        const record = (0,record_pack/* parseBody */.OG)(entry);
        if (record !== undefined)
            return record;
        this.stats.discarded++;
        this.dropped.add(id);
        this.logger.debug(`Record cache: discarded the cached record of ${id}, which does not read back`);
        return 'unusable';
    }
    /** The pack's records this run used (and did not fetch again), dated today. */
    usedItems(pack, today) {
        const items = [];
        for (const id of this.used) {
            const entry = pack.entries.get(id);
            if (entry === undefined || this.fresh.has(id) || this.dropped.has(id))
                continue;
            items.push({ id, modified: entry.modified, day: today, body: (0,record_pack/* bodyBytes */.OM)(entry) });
        }
        return items;
    }
    /**
     * The pack on disk now: the one read earlier, unless another run replaced it since; then
     * that run's pack, so that what it wrote is merged rather than lost.
     */
    onDisk(pack) {
        let identity = 'absent';
        try {
            identity = (0,record_pack/* fileIdentity */.l6)((0,external_node_fs_.statSync)(this.file));
        }
        catch {
            // Not there (any more).
        }
        if (identity === pack.identity)
            return pack;
        const read = (0,record_pack/* readPack */.wh)(this.file, stats => this.refusal(stats));
        return typeof read === 'object' && 'entries' in read ? read : emptyPack(identity);
    }
    /** Temp files of killed runs, and the layout of older releases (one file per record). */
    cleanUp() {
        (0,atomic_file/* removeStaleTemps */.jH)(this.file, STALE_TEMP_MS, this.now());
        for (const name of OLD_LAYOUT) {
            try {
                (0,external_node_fs_.rmSync)(external_node_path_default().join(this.dir, name), { recursive: true, force: true });
            }
            catch (error) {
                this.logger.debug(`Record cache: could not remove ${name}: ${(0,errors/* messageOf */.bD)(error)}`);
            }
        }
    }
}
function emptyPack(identity) {
    return { entries: new Map(), pins: undefined, identity };
}


/***/ }),

/***/ 23625:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  OM: () => (/* binding */ bodyBytes),
  l6: () => (/* binding */ fileIdentity),
  tr: () => (/* binding */ mostRecentlyUsed),
  kw: () => (/* binding */ packChunks),
  OG: () => (/* binding */ parseBody),
  wh: () => (/* binding */ readPack),
  EV: () => (/* binding */ recordBody)
});

// UNUSED EXPORTS: PACK_FORMAT, bodyText, parsePack

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(58382);
// EXTERNAL MODULE: ./src/shared/json-shape.ts
var json_shape = __webpack_require__(66511);
;// CONCATENATED MODULE: ./src/advisories/lazy-versions.ts
/**
 * The `versions` lists of a cached record, kept apart from it as one plain text and turned
 * back into arrays only when something reads them. PyPA records list every affected release
 * (a fifth of the cache's bytes, 71,000 strings for 200 pins), yet a warm run reads none of
 * them: the querybatch says which records apply and the upgrades come from the cache (see
 * upgrade.ts). Parsing them anyway cost ~5% of a warm run's instructions, most of it in GC.
 *
 * The text is the lists joined by line feeds, their versions by tabs: it needs no JSON escapes,
 * so the file parses fast, and it splits back exactly because a record is only detached when
 * no version is empty or holds a tab, a line feed or anything else JSON would escape. Any
 * other record keeps its lists inline, as OSV sent them.
 */

const LIST_SEPARATOR = '\n';
const VERSION_SEPARATOR = '\t';
/** Undefined when a list is not a list of strings: such a record is not cached at all. */
function detachVersions(record) {
    const affected = record.affected ?? [];
    const entries = affected.flatMap((entry, index) => (entry.versions === undefined ? [] : [index]));
    const lists = entries.map(index => affected[index].versions);
    if (!lists.every(json_shape/* isStringList */.e))
        return undefined;
    if (entries.length === 0 || !lists.every(list => list.every(isPlainVersion))) {
        return { record, entries: [], listed: null };
    }
    return {
        record: { ...record, affected: affected.map(({ versions: _, ...entry }) => entry) },
        entries,
        listed: lists.map(list => list.join(VERSION_SEPARATOR)).join(LIST_SEPARATOR)
    };
}
/**
 * Gives the listed affected entries of `record` (as read back) a `versions` that is split
 * from `listed` on first read. False, changing nothing, when the stored fields are not what
 * detachVersions writes for a record of this shape.
 */
function attachVersions(record, stored) {
    const { entries, listed } = stored;
    const affected = record.affected ?? [];
    if (!isIndexList(entries, affected.length))
        return false;
    if (listed === null)
        return entries.length === 0;
    if (typeof listed !== 'string' || entries.length === 0)
        return false;
    if (entries.some(index => affected[index].versions !== undefined))
        return false;
    if (countOf(listed, LIST_SEPARATOR) !== entries.length - 1)
        return false;
    let lists;
    const materialise = () => (lists ??= listed
        .split(LIST_SEPARATOR)
        .map(text => (text === '' ? [] : text.split(VERSION_SEPARATOR))));
    entries.forEach((index, at) => defineLazyVersions(affected[index], () => materialise()[at]));
    return true;
}
function defineLazyVersions(entry, list) {
    Object.defineProperty(entry, 'versions', {
        configurable: true,
        enumerable: true,
        get() {
            const versions = list();
            // From now on a plain property, as if it had been parsed with the record.
            Object.defineProperty(entry, 'versions', {
                value: versions,
                writable: true,
                configurable: true,
                enumerable: true
            });
            return versions;
        }
    });
}
/**
 * A version that survives the round trip: not empty, and none of what JSON.stringify escapes
 * (quote, backslash, control characters, which include both separators, lone surrogates).
 */
function isPlainVersion(version) {
    if (version === '')
        return false;
    for (let i = 0; i < version.length; i++) {
        const code = version.charCodeAt(i);
        if (code < 0x20 || code === 0x22 || code === 0x5c || (code >= 0xd800 && code <= 0xdfff)) {
            return false;
        }
    }
    return true;
}
function countOf(text, separator) {
    let count = 0;
    for (let at = text.indexOf(separator); at !== -1; at = text.indexOf(separator, at + 1))
        count++;
    return count;
}
/** Distinct indexes into a list of `length`, ascending. */
function isIndexList(value, length) {
    return (Array.isArray(value) &&
        value.every((index, i) => Number.isInteger(index) && index >= 0 && index < length && (i === 0 || index > value[i - 1])));
}

// EXTERNAL MODULE: ./src/advisories/osv.ts
var osv = __webpack_require__(6407);
;// CONCATENATED MODULE: ./src/advisories/record-pack.ts
/**
 * The advisory cache on disk: one file, read with one open and written in one atomic rename.
 * A header line lists every record (id, `modified`, length of its body, the day it was last
 * used) and carries the match hints; the bodies follow, each a JSON text and a line feed:
 *
 *   {"format":4,"records":[["PYSEC-2018-28","2024-...",4211,20431],...],"pins":{...}}\n
 *   {"record":{...},"entries":[0],"listed":"2.0\t2.1"}\n
 *   ...
 *
 * A run parses the header and then only the bodies it needs; bodies it does not need are copied
 * to the next pack as bytes, never parsed. A file whose header does not parse, or whose size is
 * not what the header adds up to, is not read at all; a body that does not read back as the
 * record the header names is dropped on its own (see record-cache.ts).
 */





/** Bumped when the layout changes: a pack of another format is never read. */
const PACK_FORMAT = 4;
const LINE_FEED = 0x0a;
const NEWLINE = Buffer.from('\n');
/** Changes whenever the file is replaced (a rename gives it another inode and time). */
function fileIdentity(stats) {
    return `${stats.ino}:${stats.size}:${stats.mtimeMs}`;
}
/**
 * Reads the pack at `file` with one open. `check` sees the open file's stats first and may
 * refuse it (a file other users can write, one far too large).
 */
function readPack(file, check) {
    let fd;
    try {
        fd = (0,external_node_fs_.openSync)(file, 'r');
    }
    catch {
        return 'absent';
    }
    let identity;
    try {
        const stats = (0,external_node_fs_.fstatSync)(fd);
        identity = fileIdentity(stats);
        const refused = check(stats);
        if (refused !== undefined)
            return { unreadable: refused, identity };
        const source = Buffer.allocUnsafe(stats.size);
        let read = 0;
        while (read < source.length) {
            const got = (0,external_node_fs_.readSync)(fd, source, read, source.length - read, read);
            if (got === 0)
                break;
            read += got;
        }
        const pack = parsePack(source.subarray(0, read), identity);
        return typeof pack === 'string' ? { unreadable: pack, identity } : pack;
    }
    catch (error) {
        return { unreadable: (0,errors/* messageOf */.bD)(error), ...(identity === undefined ? {} : { identity }) };
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
/** The pack in `source`, or why it is not one. */
function parsePack(source, identity) {
    const headerEnd = source.indexOf(LINE_FEED);
    if (headerEnd < 0)
        return 'no header';
    let header;
    try {
        header = JSON.parse(source.toString('utf8', 0, headerEnd));
    }
    catch {
        return 'a header that is not JSON';
    }
    if (!(0,json_shape/* isObject */.G)(header) || header.format !== PACK_FORMAT)
        return 'another format';
    const { records, pins } = header;
    if (!Array.isArray(records))
        return 'no list of records';
    const entries = new Map();
    let at = headerEnd + 1;
    for (const item of records) {
        if (!isListing(item) || entries.has(item[0]))
            return 'a record listed wrongly';
        const [id, modified, length, day] = item;
        const end = at + length;
        if (end >= source.length || source[end] !== LINE_FEED)
            return 'a size that does not add up';
        entries.set(id, { id, modified, day, source, start: at, end });
        at = end + 1;
    }
    if (at !== source.length)
        return 'a size that does not add up';
    return { entries, pins, identity };
}
function isListing(value) {
    return (Array.isArray(value) &&
        value.length === 4 &&
        typeof value[0] === 'string' &&
        value[0] !== '' &&
        typeof value[1] === 'string' &&
        Number.isSafeInteger(value[2]) &&
        value[2] >= 0 &&
        Number.isSafeInteger(value[3]));
}
/** The body of an entry as text. */
function bodyText(entry) {
    return entry.source.toString('utf8', entry.start, entry.end);
}
/** The body of an entry as bytes, for the next pack. */
function bodyBytes(entry) {
    return entry.source.subarray(entry.start, entry.end);
}
/**
 * What the next pack holds: `current` (this run's records) first, then the other records of
 * `disk` that are not `untrusted`, most recently used first, cut where the count or the size
 * would pass its bound (so the least recently used go first).
 */
function mostRecentlyUsed(current, disk, untrusted, limits) {
    const taken = new Set(current.map(item => item.id));
    const rest = [...disk.entries.values()]
        .filter(entry => !taken.has(entry.id) && !untrusted(entry))
        .sort((a, b) => b.day - a.day)
        .map(({ id, modified, day, ...entry }) => ({ id, modified, day, body: bodyBytes(entry) }));
    const kept = [];
    let bytes = 0;
    for (const item of [...current, ...rest]) {
        bytes += item.body.byteLength + 1;
        if (kept.length >= limits.maxRecords || bytes > limits.maxBytes)
            break;
        kept.push(item);
    }
    return kept;
}
/** The chunks of a pack file holding `items` in this order, and `pins`. */
function packChunks(items, pins) {
    const records = items.map(item => [item.id, item.modified, item.body.byteLength, item.day]);
    const header = JSON.stringify({ format: PACK_FORMAT, records, pins });
    const chunks = [Buffer.from(`${header}\n`)];
    for (const item of items)
        chunks.push(item.body, NEWLINE);
    return chunks;
}
/**
 * The body flush writes for `record`: the record with its versions lists as text (see
 * lazy-versions.ts). Undefined when a list is not a list of strings: such a record is not kept.
 */
function recordBody(record) {
    const detached = detachVersions(record);
    if (detached === undefined)
        return undefined;
    const { entries, listed } = detached;
    return Buffer.from(JSON.stringify({ record: detached.record, entries, listed }));
}
/**
 * The record in a body when the body reads back as what flush writes for the record the header
 * names, and the record is one the feed reads whole (readOsvRecord: the feed keeps no other);
 * else undefined. A record that carries `withdrawn` was not written by flush, which never keeps
 * one: it would turn a finding off on the cache's word alone.
 */
function parseBody(entry) {
    let value;
    try {
        value = JSON.parse(bodyText(entry));
    }
    catch {
        return undefined;
    }
    if (!(0,json_shape/* isObject */.G)(value) || !(0,json_shape/* isObject */.G)(value.record))
        return undefined;
    const held = value.record;
    if (held.id !== entry.id || held.modified !== entry.modified || held.withdrawn != null) {
        return undefined;
    }
    // Before the versions lists are attached: they are whole by construction, and reading them
    // is what keeping them as text saves.
    const { record, unreadable } = (0,osv/* readOsvRecord */.A)(held, entry.id, entry.modified);
    if (unreadable.length > 0)
        return undefined;
    return attachVersions(record, { entries: value.entries, listed: value.listed })
        ? record
        : undefined;
}


/***/ }),

/***/ 16169:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  zK: () => (/* binding */ compareSeverity),
  jK: () => (/* binding */ cvssBaseScore),
  RA: () => (/* binding */ isMalicious),
  Io: () => (/* binding */ levelOfScore),
  xJ: () => (/* binding */ severityOf),
  qs: () => (/* binding */ severityRank)
});

// EXTERNAL MODULE: ./src/advisories/cvss-calculator.cjs
var cvss_calculator = __webpack_require__(23682);
var cvss_calculator_default = /*#__PURE__*/__webpack_require__.n(cvss_calculator);
;// CONCATENATED MODULE: ./src/advisories/cvss-metrics.ts
/**
 * CVSS metrics and their values, as the specifications (and ae-cvss-calculator) define them,
 * written `metric: value value ...; ...`.
 */
/** The table `text` writes: each metric to its values, in the order given. */
function metricValues(text) {
    const table = {};
    for (const entry of text.split(';')) {
        const [metric = '', values = ''] = entry.split(':');
        table[metric.trim()] = values.trim().split(/\s+/);
    }
    return table;
}
/*
 * The metrics a vector may carry besides its base metrics: threat or temporal, environmental
 * and (v4) supplemental ones. None changes the base score; severity.ts scores a vector without
 * the library only when every other metric it carries is one of these, with one of its values.
 */
const CVSS3_OTHER_METRICS = metricValues('E: X U P F H; RL: X O T W U; RC: X U R C; CR: X L M H; IR: X L M H; AR: X L M H; ' +
    'MAV: X N A L P; MAC: X L H; MPR: X N L H; MUI: X N R; MS: X U C; MC: X N L H; ' +
    'MI: X N L H; MA: X N L H');
const CVSS4_OTHER_METRICS = metricValues('E: X A P U; CR: X H M L; IR: X H M L; AR: X H M L; MAV: X N A L P; MAC: X L H; MAT: X N P; ' +
    'MPR: X N L H; MUI: X N P A; MVC: X H L N; MVI: X H L N; MVA: X H L N; MSC: X H L N; ' +
    'MSI: X S H L N; MSA: X S H L N; S: X N P; AU: X N Y; R: X A U I; V: X D C; RE: X L M H; ' +
    'U: X Clear Green Amber Red');

;// CONCATENATED MODULE: ./src/advisories/cvss3.ts
/**
 * The CVSS v3.0 and v3.1 base score of a vector's base metrics, by the specification's
 * formula, with ae-cvss-calculator's arithmetic step for step (its weights, the order of its
 * floating-point operations, its rounding), so that the scores are the library's:
 * __tests__/advisories/cvss3.test.ts compares the two on every base vector of both versions.
 * The library builds an object per vector and reads every metric through it, which is most
 * of what scoring a run's findings cost; this reads a few numbers from a table.
 */
/** Each base metric's weight per value; PR's depends on the scope. */
const WEIGHTS = {
    AV: { N: 0.85, A: 0.62, L: 0.55, P: 0.2 },
    AC: { L: 0.77, H: 0.44 },
    UI: { N: 0.85, R: 0.62 },
    C: { H: 0.56, L: 0.22, N: 0 },
    I: { H: 0.56, L: 0.22, N: 0 },
    A: { H: 0.56, L: 0.22, N: 0 }
};
const PRIVILEGES = {
    N: { unchanged: 0.85, changed: 0.85 },
    L: { unchanged: 0.62, changed: 0.68 },
    H: { unchanged: 0.27, changed: 0.5 }
};
/**
 * The base score of `metrics` (a base metric to its value, as the vector gives them) in CVSS
 * `minor` (3.0 or 3.1, which round differently), or undefined when a value is not one of the
 * specification's (the library then decides).
 */
function cvss3BaseScore(metrics, minor) {
    const weight = (metric) => WEIGHTS[metric]?.[metrics.get(metric)];
    const [av, ac, ui, c, i, a] = ['AV', 'AC', 'UI', 'C', 'I', 'A'].map(weight);
    const scope = metrics.get('S');
    const privileges = PRIVILEGES[metrics.get('PR')];
    if (av === undefined ||
        ac === undefined ||
        ui === undefined ||
        c === undefined ||
        i === undefined ||
        a === undefined ||
        privileges === undefined ||
        (scope !== 'U' && scope !== 'C')) {
        return undefined;
    }
    const changed = scope === 'C';
    const iss = 1 - (1 - c) * (1 - i) * (1 - a);
    const impact = changed ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15) : 6.42 * iss;
    let exact = 0;
    if (impact > 0) {
        const pr = changed ? privileges.changed : privileges.unchanged;
        const exploitability = 8.22 * av * ac * pr * ui;
        const roundUp = minor === '3.1' ? roundUp31 : roundUp30;
        exact = roundUp(Math.min(changed ? 1.08 * (impact + exploitability) : impact + exploitability, 10));
    }
    return Math.round(exact * 10) / 10;
}
/** CVSS 3.1's Roundup, which works in integers so that 4.000000000000001 stays 4.0. */
function roundUp31(value) {
    const scaled = Math.round(100000 * value);
    return scaled % 10000 === 0 ? scaled / 100000 : (Math.floor(scaled / 10000) + 1) / 10;
}
function roundUp30(value) {
    return Math.ceil(10 * value) / 10;
}

;// CONCATENATED MODULE: ./src/advisories/cvss4-lookup.ts
/**
 * CVSS v4.0: the score of each macrovector (its six equivalence-class levels EQ1-EQ6 in
 * order), as FIRST publishes them with the specification (cvss_lookup.js of the reference
 * calculator, and ae-cvss-calculator's MV_LOOKUP); __tests__/advisories/cvss4.test.ts holds
 * the scores made from it to that library's. Macrovectors not listed cannot occur.
 */
const MACROVECTOR_SCORES = {
    '000000': 10,
    '000001': 9.9,
    '000010': 9.8,
    '000011': 9.5,
    '000020': 9.5,
    '000021': 9.2,
    '000100': 10,
    '000101': 9.6,
    '000110': 9.3,
    '000111': 8.7,
    '000120': 9.1,
    '000121': 8.1,
    '000200': 9.3,
    '000201': 9,
    '000210': 8.9,
    '000211': 8,
    '000220': 8.1,
    '000221': 6.8,
    '001000': 9.8,
    '001001': 9.5,
    '001010': 9.5,
    '001011': 9.2,
    '001020': 9,
    '001021': 8.4,
    '001100': 9.3,
    '001101': 9.2,
    '001110': 8.9,
    '001111': 8.1,
    '001120': 8.1,
    '001121': 6.5,
    '001200': 8.8,
    '001201': 8,
    '001210': 7.8,
    '001211': 7,
    '001220': 6.9,
    '001221': 4.8,
    '002001': 9.2,
    '002011': 8.2,
    '002021': 7.2,
    '002101': 7.9,
    '002111': 6.9,
    '002121': 5,
    '002201': 6.9,
    '002211': 5.5,
    '002221': 2.7,
    '010000': 9.9,
    '010001': 9.7,
    '010010': 9.5,
    '010011': 9.2,
    '010020': 9.2,
    '010021': 8.5,
    '010100': 9.5,
    '010101': 9.1,
    '010110': 9,
    '010111': 8.3,
    '010120': 8.4,
    '010121': 7.1,
    '010200': 9.2,
    '010201': 8.1,
    '010210': 8.2,
    '010211': 7.1,
    '010220': 7.2,
    '010221': 5.3,
    '011000': 9.5,
    '011001': 9.3,
    '011010': 9.2,
    '011011': 8.5,
    '011020': 8.5,
    '011021': 7.3,
    '011100': 9.2,
    '011101': 8.2,
    '011110': 8,
    '011111': 7.2,
    '011120': 7,
    '011121': 5.9,
    '011200': 8.4,
    '011201': 7,
    '011210': 7.1,
    '011211': 5.2,
    '011220': 5,
    '011221': 3,
    '012001': 8.6,
    '012011': 7.5,
    '012021': 5.2,
    '012101': 7.1,
    '012111': 5.2,
    '012121': 2.9,
    '012201': 6.3,
    '012211': 2.9,
    '012221': 1.7,
    '100000': 9.8,
    '100001': 9.5,
    '100010': 9.4,
    '100011': 8.7,
    '100020': 9.1,
    '100021': 8.1,
    '100100': 9.4,
    '100101': 8.9,
    '100110': 8.6,
    '100111': 7.4,
    '100120': 7.7,
    '100121': 6.4,
    '100200': 8.7,
    '100201': 7.5,
    '100210': 7.4,
    '100211': 6.3,
    '100220': 6.3,
    '100221': 4.9,
    '101000': 9.4,
    '101001': 8.9,
    '101010': 8.8,
    '101011': 7.7,
    '101020': 7.6,
    '101021': 6.7,
    '101100': 8.6,
    '101101': 7.6,
    '101110': 7.4,
    '101111': 5.8,
    '101120': 5.9,
    '101121': 5,
    '101200': 7.2,
    '101201': 5.7,
    '101210': 5.7,
    '101211': 5.2,
    '101220': 5.2,
    '101221': 2.5,
    '102001': 8.3,
    '102011': 7,
    '102021': 5.4,
    '102101': 6.5,
    '102111': 5.8,
    '102121': 2.6,
    '102201': 5.3,
    '102211': 2.1,
    '102221': 1.3,
    '110000': 9.5,
    '110001': 9,
    '110010': 8.8,
    '110011': 7.6,
    '110020': 7.6,
    '110021': 7,
    '110100': 9,
    '110101': 7.7,
    '110110': 7.5,
    '110111': 6.2,
    '110120': 6.1,
    '110121': 5.3,
    '110200': 7.7,
    '110201': 6.6,
    '110210': 6.8,
    '110211': 5.9,
    '110220': 5.2,
    '110221': 3,
    '111000': 8.9,
    '111001': 7.8,
    '111010': 7.6,
    '111011': 6.7,
    '111020': 6.2,
    '111021': 5.8,
    '111100': 7.4,
    '111101': 5.9,
    '111110': 5.7,
    '111111': 5.7,
    '111120': 4.7,
    '111121': 2.3,
    '111200': 6.1,
    '111201': 5.2,
    '111210': 5.7,
    '111211': 2.9,
    '111220': 2.4,
    '111221': 1.6,
    '112001': 7.1,
    '112011': 5.9,
    '112021': 3,
    '112101': 5.8,
    '112111': 2.6,
    '112121': 1.5,
    '112201': 2.3,
    '112211': 1.3,
    '112221': 0.6,
    '200000': 9.3,
    '200001': 8.7,
    '200010': 8.6,
    '200011': 7.2,
    '200020': 7.5,
    '200021': 5.8,
    '200100': 8.6,
    '200101': 7.4,
    '200110': 7.4,
    '200111': 6.1,
    '200120': 5.6,
    '200121': 3.4,
    '200200': 7,
    '200201': 5.4,
    '200210': 5.2,
    '200211': 4,
    '200220': 4,
    '200221': 2.2,
    '201000': 8.5,
    '201001': 7.5,
    '201010': 7.4,
    '201011': 5.5,
    '201020': 6.2,
    '201021': 5.1,
    '201100': 7.2,
    '201101': 5.7,
    '201110': 5.5,
    '201111': 4.1,
    '201120': 4.6,
    '201121': 1.9,
    '201200': 5.3,
    '201201': 3.6,
    '201210': 3.4,
    '201211': 1.9,
    '201220': 1.9,
    '201221': 0.8,
    '202001': 6.4,
    '202011': 5.1,
    '202021': 2,
    '202101': 4.7,
    '202111': 2.1,
    '202121': 1.1,
    '202201': 2.4,
    '202211': 0.9,
    '202221': 0.4,
    '210000': 8.8,
    '210001': 7.5,
    '210010': 7.3,
    '210011': 5.3,
    '210020': 6,
    '210021': 5,
    '210100': 7.3,
    '210101': 5.5,
    '210110': 5.9,
    '210111': 4,
    '210120': 4.1,
    '210121': 2,
    '210200': 5.4,
    '210201': 4.3,
    '210210': 4.5,
    '210211': 2.2,
    '210220': 2,
    '210221': 1.1,
    '211000': 7.5,
    '211001': 5.5,
    '211010': 5.8,
    '211011': 4.5,
    '211020': 4,
    '211021': 2.1,
    '211100': 6.1,
    '211101': 5.1,
    '211110': 4.8,
    '211111': 1.8,
    '211120': 2,
    '211121': 0.9,
    '211200': 4.6,
    '211201': 1.8,
    '211210': 1.7,
    '211211': 0.7,
    '211220': 0.8,
    '211221': 0.2,
    '212001': 5.3,
    '212011': 2.4,
    '212021': 1.4,
    '212101': 2.4,
    '212111': 1.2,
    '212121': 0.5,
    '212201': 1,
    '212211': 0.3,
    '212221': 0.1
};

;// CONCATENATED MODULE: ./src/advisories/cvss4.ts
/**
 * The CVSS v4.0 base score (CVSS-B) of a vector's base metrics, by FIRST's algorithm: the
 * score of the vector's macrovector, lowered by how far the vector lies below the most severe
 * vectors of that macrovector, in proportion to the score of the next lower one.
 *
 * ae-cvss-calculator works the same out by building a calculator object for every candidate
 * most severe vector (~0.2-0.4 ms a vector, ~25 ms of a cold run with 60 distinct v4 vectors,
 * on the critical path once the records are in); this takes a few microseconds. The arithmetic
 * is the library's, step for step (the order of its floating-point operations included), so
 * that the scores are the same: they were compared on all 104,976 base vectors once, and
 * __tests__/advisories/cvss4.test.ts and severity.test.ts compare them on drawn vectors and
 * on every vector of the PyPA records.
 */


/**
 * Each base metric's values from the most severe, and the security requirements' (not base
 * metrics: a base score takes them as High, their "not defined", but the most severe vectors
 * name other values); a distance is a difference of places.
 */
const SEVERITY_ORDER = metricValues('AV: N A L P; AC: L H; AT: N P; PR: N L H; UI: N P A; VC: H L N; VI: H L N; VA: H L N; ' +
    'SC: H L N; SI: H L N; SA: H L N; CR: H M L; IR: H M L; AR: H M L; E: A P U');
const placeOf = (metric, value) => {
    const place = SEVERITY_ORDER[metric]?.indexOf(value) ?? -1;
    return place < 0 ? undefined : place;
};
const BASE_METRICS = ['AV', 'AC', 'AT', 'PR', 'UI', 'VC', 'VI', 'VA', 'SC', 'SI', 'SA'];
const NOT_DEFINED_REQUIREMENTS = { CR: 'H', IR: 'H', AR: 'H' };
/** The metrics whose distances are compared with the most severe vectors. */
const COMPARED = [
    'AV',
    'PR',
    'UI',
    'AC',
    'AT',
    'VC',
    'VI',
    'VA',
    'SC',
    'CR',
    'IR',
    'AR',
    'SI',
    'SA'
];
/**
 * Per equivalence class: the metrics whose distances it sums, the depth of each of its levels,
 * and the most severe vectors of each level (EQ3 and EQ6 are taken together, keyed by both
 * levels; EQ5, exploit maturity, is Attacked in a base score and has no distance).
 */
const EQ1 = {
    metrics: ['AV', 'PR', 'UI'],
    depth: [1, 4, 5],
    highest: [
        ['AV:N/PR:N/UI:N'],
        ['AV:A/PR:N/UI:N', 'AV:N/PR:L/UI:N', 'AV:N/PR:N/UI:P'],
        ['AV:P/PR:N/UI:N', 'AV:A/PR:L/UI:P']
    ]
};
const EQ2 = {
    metrics: ['AC', 'AT'],
    depth: [1, 2],
    highest: [['AC:L/AT:N'], ['AC:H/AT:N', 'AC:L/AT:P']]
};
const EQ3_EQ6 = {
    metrics: ['VC', 'VI', 'VA', 'CR', 'IR', 'AR'],
    depth: { '00': 7, '01': 6, '10': 8, '11': 8, '21': 10 },
    highest: {
        '00': ['VC:H/VI:H/VA:H/CR:H/IR:H/AR:H'],
        '01': ['VC:H/VI:H/VA:L/CR:M/IR:M/AR:H', 'VC:H/VI:H/VA:H/CR:M/IR:M/AR:M'],
        '10': ['VC:L/VI:H/VA:H/CR:H/IR:H/AR:H', 'VC:H/VI:L/VA:H/CR:H/IR:H/AR:H'],
        '11': [
            'VC:L/VI:H/VA:L/CR:H/IR:M/AR:H',
            'VC:L/VI:H/VA:H/CR:H/IR:M/AR:M',
            'VC:H/VI:L/VA:H/CR:M/IR:H/AR:M',
            'VC:H/VI:L/VA:L/CR:M/IR:H/AR:H',
            'VC:L/VI:L/VA:H/CR:H/IR:H/AR:M'
        ],
        '21': ['VC:L/VI:L/VA:L/CR:H/IR:H/AR:H']
    }
};
const EQ4 = {
    metrics: ['SC', 'SI', 'SA'],
    depth: [6, 5, 4],
    highest: [['SC:H/SI:S/SA:S'], ['SC:H/SI:H/SA:H'], ['SC:L/SI:L/SA:L']]
};
const EQ5_HIGHEST = ['E:A'];
/** A vector's places, or undefined when one is not a value listed above (S in SI/SA). */
function placesOf(parts) {
    const places = {};
    for (const part of parts) {
        const [metric = '', value = ''] = part.split(':');
        const place = placeOf(metric, value);
        if (place === undefined)
            return undefined;
        places[metric] = place;
    }
    return places;
}
/**
 * The base score of `metrics` (a base metric to its value, as the vector gives them), or
 * undefined when a value is one this does not score (the library then decides).
 */
function cvss4BaseScore(metrics) {
    const values = { ...NOT_DEFINED_REQUIREMENTS };
    for (const metric of BASE_METRICS) {
        const value = metrics.get(metric);
        if (value === undefined || placeOf(metric, value) === undefined)
            return undefined;
        values[metric] = value;
    }
    const is = (metric, value) => values[metric] === value;
    const impacts = ['VC', 'VI', 'VA', 'SC', 'SI', 'SA'];
    if (impacts.every(metric => is(metric, 'N')))
        return 0;
    const anyN = is('AV', 'N') || is('PR', 'N') || is('UI', 'N');
    const eq1 = is('AV', 'N') && is('PR', 'N') && is('UI', 'N') ? 0 : anyN && !is('AV', 'P') ? 1 : 2;
    const eq2 = is('AC', 'L') && is('AT', 'N') ? 0 : 1;
    const anyHigh = is('VC', 'H') || is('VI', 'H') || is('VA', 'H');
    const eq3 = is('VC', 'H') && is('VI', 'H') ? 0 : anyHigh ? 1 : 2;
    const eq4 = is('SC', 'H') || is('SI', 'H') || is('SA', 'H') ? 1 : 2;
    const eq5 = 0;
    // With every requirement High, EQ6 is 0 when any impact on the vulnerable system is High.
    const eq6 = anyHigh ? 0 : 1;
    const lookup = (levels) => MACROVECTOR_SCORES[levels.join('')] ?? NaN;
    const value = lookup([eq1, eq2, eq3, eq4, eq5, eq6]);
    const distances = severityDistances(values, [
        EQ1.highest[eq1],
        EQ2.highest[eq2],
        EQ3_EQ6.highest[`${eq3}${eq6}`] ?? [],
        EQ4.highest[eq4],
        EQ5_HIGHEST
    ]);
    const sumOf = (compared) => compared.map(metric => distances[metric] || 0).reduce((a, b) => a + b, 0);
    const lowerEq3Eq6 = () => {
        if (eq6 === 1 && eq3 <= 1)
            return lookup([eq1, eq2, eq3 + 1, eq4, eq5, eq6]);
        if (eq3 === 1 && eq6 === 0)
            return lookup([eq1, eq2, eq3, eq4, eq5, eq6 + 1]);
        if (eq3 === 0 && eq6 === 0) {
            const left = lookup([eq1, eq2, eq3 + 1, eq4, eq5, eq6]);
            const right = lookup([eq1, eq2, eq3, eq4, eq5, eq6 + 1]);
            return isNaN(left) || isNaN(right) ? (isNaN(left) ? right : left) : Math.max(left, right);
        }
        return lookup([eq1, eq2, eq3 + 1, eq4, eq5, eq6 + 1]);
    };
    const classes = [
        [lookup([eq1 + 1, eq2, eq3, eq4, eq5, eq6]), EQ1.depth[eq1], sumOf(EQ1.metrics)],
        [lookup([eq1, eq2 + 1, eq3, eq4, eq5, eq6]), EQ2.depth[eq2], sumOf(EQ2.metrics)],
        [lowerEq3Eq6(), EQ3_EQ6.depth[`${eq3}${eq6}`], sumOf(EQ3_EQ6.metrics)],
        [lookup([eq1, eq2, eq3, eq4 + 1, eq5, eq6]), EQ4.depth[eq4], sumOf(EQ4.metrics)],
        [lookup([eq1, eq2, eq3, eq4, eq5 + 1, eq6]), 1, 0]
    ];
    let sum = 0;
    let count = 0;
    for (const [lower, depth, distance] of classes) {
        const available = value - lower;
        if (!isNaN(available) && depth !== 0 && depth !== undefined) {
            sum += (distance / depth) * available;
            count++;
        }
    }
    const score = value - (count === 0 ? 0 : sum / count);
    return score < 0 ? 0 : score > 10 ? 10 : Math.round(10 * (score + 1e-6)) / 10;
}
/**
 * How far each compared metric lies below the first most severe vector (in the order their
 * classes' lists combine) that is nowhere less severe than the vector; empty when none is.
 */
function severityDistances(values, highest) {
    const own = {};
    for (const [metric, value] of Object.entries(values))
        own[metric] = placeOf(metric, value);
    const lists = highest.map(list => list.map(parsedHighest));
    // Each class's vectors name the same metrics, so a later choice overwrites an earlier one.
    const chosen = {};
    const distance = (metric) => (own[metric] ?? 0) - (chosen[metric] ?? 0);
    const found = (at) => {
        if (at === lists.length)
            return COMPARED.every(metric => distance(metric) >= 0);
        for (const max of lists[at]) {
            if (max === undefined)
                continue;
            Object.assign(chosen, max);
            if (found(at + 1))
                return true;
        }
        return false;
    };
    const distances = {};
    if (found(0))
        for (const metric of COMPARED)
            distances[metric] = distance(metric);
    return distances;
}
const parsed = new Map();
function parsedHighest(vector) {
    if (!parsed.has(vector))
        parsed.set(vector, placesOf(vector.split('/')));
    return parsed.get(vector);
}

;// CONCATENATED MODULE: ./src/advisories/severity.ts
/**
 * How bad one advisory is: a CVSS base score from the record's `severity` vectors, else the
 * database's own rating, else unknown. Pure: records in, ratings out.
 */




/**
 * ae-cvss-calculator is set up on the first vector it scores: ~10-15 ms of CPU that a run
 * whose vectors are all scored by cvss3.ts and cvss4.ts (the usual case) never spends.
 */
function loadCalculator(name) {
    return cvss_calculator_default()()[name];
}
/*
 * Newest version first: a record that carries several vectors is scored with the newest one.
 * Each newer version was made to fix how the older one rated real vulnerabilities (v2 had no
 * scope and rated much too coarsely, v4 corrects v3's crowding of scores at 7.5-9.8), and
 * the publisher's newest assessment is the one NVD and GitHub show. Taking the highest score
 * across versions instead would mix scales that were built to disagree.
 */
const VERSIONS = [
    {
        source: 'CVSS_V4',
        prefixes: [['CVSS:4.0/', 'Cvss4P0']],
        baseMetrics: ['AV', 'AC', 'AT', 'PR', 'UI', 'VC', 'VI', 'VA', 'SC', 'SI', 'SA']
    },
    {
        source: 'CVSS_V3',
        prefixes: [
            ['CVSS:3.1/', 'Cvss3P1'],
            ['CVSS:3.0/', 'Cvss3P0']
        ],
        baseMetrics: ['AV', 'AC', 'PR', 'UI', 'S', 'C', 'I', 'A']
    },
    {
        source: 'CVSS_V2',
        prefixes: [['', 'Cvss2']],
        baseMetrics: ['AV', 'AC', 'Au', 'C', 'I', 'A']
    }
];
/**
 * The severity of one advisory. A vector that is malformed (unknown metric or value, a metric
 * given twice, a base metric missing, a prefix that does not match its type) is skipped, never
 * thrown on: the next vector or source decides.
 */
function severityOf(record) {
    let severity = severities.get(record);
    if (severity === undefined) {
        severity = computeSeverity(record);
        severities.set(record, severity);
    }
    return severity;
}
/**
 * Scoring a CVSS v4 vector is costly and a run asks for each record several times. Scores are
 * kept for the run only, never on disk: a score read back from a shared cache directory could
 * have been lowered by whoever else writes there, and it is what the gate decides on.
 */
const severities = new WeakMap();
const vectorScores = new Map();
function computeSeverity(record) {
    const entries = Array.isArray(record.severity) ? record.severity : [];
    for (const version of VERSIONS) {
        const best = highestScore(entries, version);
        if (best !== undefined)
            return { level: levelOfScore(best.score), ...best, source: version.source };
    }
    const level = databaseLevel(record.database_specific?.severity);
    if (level !== undefined)
        return { level, source: 'database' };
    return { level: 'unknown', source: 'none' };
}
/**
 * Among several vectors of the same version (rare), the highest: a security gate that has to
 * pick between two assessments of one advisory takes the more severe.
 */
function highestScore(entries, version) {
    let best;
    for (const entry of entries) {
        if (entry?.type !== version.source || typeof entry.score !== 'string')
            continue;
        const score = baseScore(entry.score, version);
        if (score !== undefined && (best === undefined || score > best.score)) {
            best = { score, vector: entry.score };
        }
    }
    return best;
}
/**
 * The base score (CVSS-B in v4 terms) of a vector: threat, temporal and environmental
 * metrics are validated but left out of the score. In v4 an exploit-maturity metric such as
 * E:P lowers the score below the base, and environmental metrics are the user's to set, not
 * the publisher's; a gate that fails closed rates the vulnerability itself.
 */
function baseScore(vector, version) {
    const key = `${version.source} ${vector}`;
    if (vectorScores.has(key))
        return vectorScores.get(key);
    const score = scoreVector(vector, version);
    vectorScores.set(key, score);
    return score;
}
function scoreVector(vector, version) {
    const text = vector.trim();
    const match = version.prefixes.find(([prefix]) => prefix === '' ? !text.startsWith('CVSS:') : text.startsWith(prefix));
    if (match === undefined)
        return undefined;
    const [prefix, name] = match;
    const metrics = new Map();
    for (const part of text.slice(prefix.length).split('/')) {
        const pair = /^([A-Za-z]+):([A-Za-z]+)$/.exec(part);
        if (pair === null || metrics.has(pair[1]))
            return undefined;
        metrics.set(pair[1], pair[2]);
    }
    if (!version.baseMetrics.every(metric => metrics.has(metric)))
        return undefined;
    // Every metric and value one the specification defines (nearly every vector): scored
    // without the library, to the same score. Anything else is the library's to check.
    if (definesAll(name, metrics, version)) {
        const score = directScore(name, metrics);
        if (score !== undefined)
            return score;
    }
    const base = prefix + version.baseMetrics.map(metric => `${metric}:${metrics.get(metric)}`).join('/');
    try {
        const Calculator = loadCalculator(name);
        // The full vector only to check every metric and value is one the version defines; one of
        // base metrics alone (most) is checked by scoring it.
        if (metrics.size > version.baseMetrics.length)
            new Calculator(text);
        const calculator = new Calculator(base);
        if (!calculator.isBaseFullyDefined())
            return undefined;
        const score = directScore(name, metrics) ?? calculator.calculateScores().base;
        return typeof score === 'number' && score >= 0 && score <= 10 ? score : undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * The base score by cvss3.ts or cvss4.ts, which give the library's scores at a fraction of
 * its cost (~0.3 ms a v4 vector, 25-50 ms of a cold run's assessment); undefined for CVSS v2
 * and for a value they do not know.
 */
function directScore(name, metrics) {
    switch (name) {
        case 'Cvss4P0':
            return cvss4BaseScore(metrics);
        case 'Cvss3P1':
            return cvss3BaseScore(metrics, '3.1');
        case 'Cvss3P0':
            return cvss3BaseScore(metrics, '3.0');
        default:
            return undefined;
    }
}
/**
 * True when every metric besides the base ones is one cvss3.ts or cvss4.ts lists, with one
 * of its values (directScore checks the base metrics' values).
 */
function definesAll(name, metrics, version) {
    const others = name === 'Cvss4P0' ? CVSS4_OTHER_METRICS : name === 'Cvss2' ? {} : CVSS3_OTHER_METRICS;
    for (const [metric, value] of metrics) {
        if (!version.baseMetrics.includes(metric) && !others[metric]?.includes(value))
            return false;
    }
    return true;
}
/** The base score of one vector of the given OSV severity type; undefined when malformed. */
function cvssBaseScore(type, vector) {
    const version = VERSIONS.find(candidate => candidate.source === type);
    return version === undefined ? undefined : baseScore(vector, version);
}
/**
 * The CVSS v3/v4 qualitative scale, used for v2 scores too so a threshold means the same
 * whatever the version (NVD's own v2 scale has no "critical" and calls 7.0-10.0 high).
 * 0.0 is "None" on that scale; we rate it low: a database still lists the advisory against
 * this version, so it must stay visible and fail a gate set to the default threshold.
 */
function levelOfScore(score) {
    if (score >= 9)
        return 'critical';
    if (score >= 7)
        return 'high';
    if (score >= 4)
        return 'medium';
    return 'low';
}
/** GHSA's LOW / MODERATE / HIGH / CRITICAL (and MEDIUM, which other databases use). */
function databaseLevel(value) {
    if (typeof value !== 'string')
        return undefined;
    switch (value.trim().toUpperCase()) {
        case 'LOW':
            return 'low';
        case 'MODERATE':
        case 'MEDIUM':
            return 'medium';
        case 'HIGH':
            return 'high';
        case 'CRITICAL':
            return 'critical';
        default:
            return undefined;
    }
}
const RANK = {
    critical: 4,
    high: 3,
    medium: 2,
    low: 1,
    unknown: 0
};
/** Orders levels from least to most severe; unknown ranks below low (see compareSeverity). */
function severityRank(level) {
    return RANK[level];
}
/**
 * For sorting worst first: by level, then by score (a scored finding before an unscored one of
 * the same level). Unknown sorts last, after low. A large share of advisories carry no rating
 * at all (2,794 of the 7,080 PyPA records), and listing them first would bury the findings
 * known to be critical; they are still listed, and the gate fails on them by default.
 */
function compareSeverity(a, b) {
    return RANK[b.level] - RANK[a.level] || (b.score ?? -1) - (a.score ?? -1);
}
/**
 * OSV's malicious-package reports: the record's id or any alias is a MAL- id. They are not
 * vulnerabilities with a severity but packages that must not be installed at all.
 */
function isMalicious(vulnerability) {
    return MALICIOUS_ID.test(vulnerability.id) || vulnerability.aliases.some(isMaliciousId);
}
/**
 * An id that upper-cases to MAL-...: asked of every finding several times a run, so without
 * upper-casing a copy of every id and alias each time.
 */
const MALICIOUS_ID = /^MAL-/i;
const isMaliciousId = (id) => MALICIOUS_ID.test(id);


/***/ }),

/***/ 38147:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CM: () => (/* binding */ keepVerifiedUpgrade),
/* harmony export */   Fw: () => (/* binding */ recommendedRelease),
/* harmony export */   Mj: () => (/* binding */ rememberedRecommendation),
/* harmony export */   VN: () => (/* binding */ keptUpgrade),
/* harmony export */   XU: () => (/* binding */ MAX_KEPT_PASSED),
/* harmony export */   si: () => (/* binding */ newestFix),
/* harmony export */   sn: () => (/* binding */ recommendedVersion)
/* harmony export */ });
/* unused harmony exports recordsFingerprint, plausibleUpgrade, upgradeCandidates, withoutVersions */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _deps_names_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(96498);
/* harmony import */ var _listed_bounds_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(32574);
/* harmony import */ var _match_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(54170);
/* harmony import */ var _version_order_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(85682);
/**
 * The upgrade to recommend for a vulnerable package: the smallest version above the current
 * one that none of the given advisories affects, worked out from the advisories' ranges
 * (recommendedVersion), or where they name no clean version, from the releases the package
 * index offers, when it was asked (recommendedRelease; this module asks nothing itself).
 *
 * How complete the answer is depends on the records passed in:
 * - the offline database gives every advisory of the package (OfflineDatabase.recordsFor), so
 *   a recommended version is clean of every advisory the database knows;
 * - an online feed only returns the advisories that affect the current version. A fix for
 *   those can still be affected by an advisory that does not affect the current version
 *   (introduced later). This module cannot see that; the pipeline asks the feed about each
 *   answer before any report names it (src/pipeline/verify-upgrades.ts), and passes what it
 *   learns back in: the new records, and the versions that are `excluded` (affected, unknown
 *   to the index, yanked).
 */





/**
 * The smallest version above `version` that no record in `records` affects, or null when no
 * clean version is known ("no fix known") or `version` is not PEP 440 (nothing is "above" it).
 *
 * Candidates are the `fixed` and `limit` bounds of the package's ranges (GIT ranges excepted:
 * their bounds are commits), in PEP 440 order. What is deliberately not a candidate:
 * - the release after a `last_affected` bound: the schema says nothing about which release
 *   comes next, and a guessed number (say, the next patch) might never have been published.
 *   If no other advisory's `fixed` lies above it, the answer is null;
 * - `versions` entries: every version a record lists is one that record affects.
 *
 * Pre-releases: a stable current version is offered a pre-release (or dev release) only when
 * no stable candidate is clean, because a recommendation should be something a project can
 * ship; when a pre-release is the only fix known, that is still better than "no fix known". A
 * current version that is itself a pre-release takes candidates in plain PEP 440 order.
 *
 * `excluded` versions are never the answer, whatever the records say: versions the feed said
 * are affected, releases the index does not have or has yanked (see withoutVersions).
 */
function recommendedVersion(name, version, records, excluded = []) {
    if (!(0,_version_order_js__WEBPACK_IMPORTED_MODULE_3__/* .isPep440 */ .it)(version))
        return null;
    const wanted = (0,_deps_names_js__WEBPACK_IMPORTED_MODULE_4__/* .normalizeName */ .P)(name);
    const live = records.filter(record => record.withdrawn == null);
    const candidates = withoutVersions(upgradeCandidates(live, wanted, version), excluded);
    return smallestClean(version, live, wanted, candidates);
}
/**
 * Where recommendedVersion finds nothing (a range closed by `last_affected`, a record that
 * lists its versions, fixes the index lacks): the smallest of `releases` (what the package
 * index offers) above `version` that no record affects, by the same pre-release rule; null
 * when none is. The index says which release came after a `last_affected` bound, where the
 * records alone would have to guess. The answer is a candidate: the feed is asked about it.
 */
function recommendedRelease(name, version, records, releases, excluded = []) {
    if (!(0,_version_order_js__WEBPACK_IMPORTED_MODULE_3__/* .isPep440 */ .it)(version))
        return null;
    const above = releases.filter(release => (0,_version_order_js__WEBPACK_IMPORTED_MODULE_3__/* .isPep440 */ .it)(release) && (0,_version_order_js__WEBPACK_IMPORTED_MODULE_3__/* .compareVersions */ .Zy)(release, version) > 0);
    const live = records.filter(record => record.withdrawn == null);
    return smallestClean(version, live, (0,_deps_names_js__WEBPACK_IMPORTED_MODULE_4__/* .normalizeName */ .P)(name), withoutVersions(sortedDistinct(above), excluded));
}
/**
 * The first of `candidates` (ascending, no two PEP 440 equal) that no record affects; a
 * pre-release only when no final release is clean, unless `version` is one itself.
 */
function smallestClean(version, live, normalizedName, candidates) {
    if (candidates.length === 0)
        return null;
    const affected = candidatesAffected(live, normalizedName, candidates);
    const clean = candidates.filter((_, i) => !affected[i]);
    const tiers = (0,_version_order_js__WEBPACK_IMPORTED_MODULE_3__/* .isPrerelease */ .V1)(version)
        ? [clean]
        : [clean.filter(c => !(0,_version_order_js__WEBPACK_IMPORTED_MODULE_3__/* .isPrerelease */ .V1)(c)), clean.filter(_version_order_js__WEBPACK_IMPORTED_MODULE_3__/* .isPrerelease */ .V1)];
    return tiers.find(tier => tier.length > 0)?.[0] ?? null;
}
/**
 * For each of `candidates` (ascending, no two PEP 440 equal), whether any of `records`
 * affects it, as recordAffects would say: each record's ranges are laid over the candidates
 * at once (markRangesCovering) and each `versions` list is read once, where asking about
 * every pair cost a package with hundreds of advisories (tensorflow: ~350 records, ~40
 * candidates, ~25,000 listed versions) 10-30 ms.
 */
function candidatesAffected(records, normalizedName, candidates) {
    const affected = candidates.map(() => false);
    const indexOf = new Map(candidates.map((candidate, i) => [(0,_version_order_js__WEBPACK_IMPORTED_MODULE_3__/* .equalityKey */ .Q1)(candidate), i]));
    // Whether the candidates are all among the bounds a list was described against (by the
    // last description seen: a package's lists share one).
    let bounds;
    let within = false;
    for (const record of records) {
        // A record without `affected` spares no version (see recordAffects).
        if (record.affected == null)
            return candidates.map(() => true);
        for (const entry of record.affected) {
            const pkg = entry.package;
            if (pkg?.ecosystem !== 'PyPI' || (0,_deps_names_js__WEBPACK_IMPORTED_MODULE_4__/* .normalizeName */ .P)(pkg.name) !== normalizedName)
                continue;
            (0,_match_js__WEBPACK_IMPORTED_MODULE_2__/* .markRangesCovering */ .ZF)(entry, candidates, affected);
            const versions = entry.versions ?? [];
            const listed = versions.length === 0 ? undefined : (0,_listed_bounds_js__WEBPACK_IMPORTED_MODULE_1__/* .listedBoundsOf */ .s)(versions);
            if (listed !== undefined && listed.bounds !== bounds) {
                bounds = listed.bounds;
                within = [...indexOf.keys()].every(key => listed.bounds.has(key));
            }
            const described = listed !== undefined && within;
            for (const item of described ? listed.named : versions) {
                const at = indexOf.get(described ? item : (0,_version_order_js__WEBPACK_IMPORTED_MODULE_3__/* .equalityKey */ .Q1)(item));
                if (at !== undefined)
                    affected[at] = true;
            }
        }
    }
    return affected;
}
/**
 * Bumped whenever the kept answers would mean something else for the same records, so that
 * answers kept by an older release are worked out again. 2: answers are verified with the feed
 * (revision 1 kept answers worked out from the current version's records alone).
 */
const ADVICE_REVISION = 2;
/**
 * What recommendedVersion's answer depends on besides the pin: the records, each named by
 * id and `modified` (OSV changes `modified` with every change to a record).
 */
function recordsFingerprint(records) {
    const named = records.map(record => `${record.id}@${record.modified}`);
    // A pin's records are fingerprinted when its upgrade is first worked out, verified and kept;
    // JSON keeps ids holding the separator apart.
    const asListed = JSON.stringify(named);
    let fingerprint = fingerprints.get(asListed);
    if (fingerprint === undefined) {
        fingerprint = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256')
            .update(`${ADVICE_REVISION}\n${named.sort().join('\n')}`)
            .digest('hex')
            .slice(0, 32);
        fingerprints.set(asListed, fingerprint);
    }
    return fingerprint;
}
const fingerprints = new Map();
/**
 * The candidate to verify first: the answer `store` kept for the same pin and the same records
 * when it stands up to them (see plausibleUpgrade), else recommendedVersion's. Nothing is kept
 * here: an answer is kept only once the feed has confirmed it (keepVerifiedUpgrade).
 *
 * The store lives in the cache directory, which other jobs may be able to write, so a kept
 * upgrade is used only when it stands up to the records of this run: a forged answer cannot
 * send a project to a version its advisories' ranges call vulnerable, and the verification
 * asks the feed about it again in every run.
 */
function rememberedRecommendation(pin, records, store) {
    const known = store?.get(pin, recordsFingerprint(records));
    if (known !== undefined && plausibleUpgrade(pin, records, known))
        return known;
    return recommendedVersion(pin.name, pin.version, records);
}
/** The answer kept for `pin` and `records`, if any, unchecked: a version worth asking about. */
function keptUpgrade(pin, records, store) {
    return store?.get(pin, recordsFingerprint(records));
}
/**
 * Keeps an answer the feed confirmed, under the records that affect the pinned version, with
 * the versions ruled out on the way (at most MAX_KEPT_PASSED, the last ones).
 */
function keepVerifiedUpgrade(pin, records, upgrade, store, passed = []) {
    store?.set(pin, recordsFingerprint(records), upgrade, passed.slice(-MAX_KEPT_PASSED));
}
/** What match-hints.ts accepts per pin. */
const MAX_KEPT_PASSED = 8;
/**
 * Whether a kept answer could be recommendedVersion's for these records: null ("no fix known"
 * sends no one to install anything), or a `fixed` or `limit` bound of the package's non-GIT
 * ranges, above the pinned version, that no live record's ranges include. The `versions` lists
 * are left out on purpose: reading them is what keeping answers saves, and PyPA draws its lists
 * from the same ranges.
 */
function plausibleUpgrade(pin, records, upgrade) {
    if (upgrade === null)
        return true;
    if (!(0,_version_order_js__WEBPACK_IMPORTED_MODULE_3__/* .isPep440 */ .it)(upgrade) || !(0,_version_order_js__WEBPACK_IMPORTED_MODULE_3__/* .isPep440 */ .it)(pin.version))
        return false;
    if ((0,_version_order_js__WEBPACK_IMPORTED_MODULE_3__/* .compareVersions */ .Zy)(upgrade, pin.version) <= 0)
        return false;
    const name = (0,_deps_names_js__WEBPACK_IMPORTED_MODULE_4__/* .normalizeName */ .P)(pin.name);
    let bound = false;
    for (const record of records) {
        if (record.withdrawn != null)
            continue;
        // A record without `affected` spares no version (see recordAffects).
        if (record.affected == null)
            return false;
        for (const entry of record.affected) {
            const pkg = entry.package;
            if (pkg?.ecosystem !== 'PyPI' || (0,_deps_names_js__WEBPACK_IMPORTED_MODULE_4__/* .normalizeName */ .P)(pkg.name) !== name)
                continue;
            const ranges = entry.ranges ?? [];
            if ((0,_match_js__WEBPACK_IMPORTED_MODULE_2__/* .affects */ .bB)({ ranges }, upgrade))
                return false;
            bound ||= ranges.some(range => range.type !== 'GIT' && range.events.some(e => e.fixed === upgrade || e.limit === upgrade));
        }
    }
    return bound;
}
/**
 * The distinct `fixed` and `limit` versions above `version` in the package's non-GIT ranges,
 * sorted by PEP 440; of versions PEP 440 calls equal (`2.0`, `2.0.0`) the first seen is kept.
 */
function upgradeCandidates(records, normalizedName, version) {
    const found = [];
    for (const record of records) {
        for (const affected of record.affected ?? []) {
            const pkg = affected.package;
            if (pkg?.ecosystem !== 'PyPI' || (0,_deps_names_js__WEBPACK_IMPORTED_MODULE_4__/* .normalizeName */ .P)(pkg.name) !== normalizedName)
                continue;
            for (const range of affected.ranges ?? []) {
                if (range.type === 'GIT')
                    continue;
                for (const event of range.events) {
                    for (const bound of [event.fixed, event.limit]) {
                        if (bound !== undefined && (0,_version_order_js__WEBPACK_IMPORTED_MODULE_3__/* .isPep440 */ .it)(bound) && (0,_version_order_js__WEBPACK_IMPORTED_MODULE_3__/* .compareVersions */ .Zy)(bound, version) > 0) {
                            found.push(bound);
                        }
                    }
                }
            }
        }
    }
    return sortedDistinct(found);
}
/** `versions` sorted by PEP 440, each once: of equal spellings, the first seen (in place). */
function sortedDistinct(versions) {
    // Array.prototype.sort is stable, so the first spelling of equal versions stays first.
    versions.sort(_version_order_js__WEBPACK_IMPORTED_MODULE_3__/* .compareVersions */ .Zy);
    return versions.filter((v, i) => i === 0 || (0,_version_order_js__WEBPACK_IMPORTED_MODULE_3__/* .compareVersions */ .Zy)(versions[i - 1], v) !== 0);
}
/**
 * `candidates` without the versions PEP 440 calls equal to one of `excluded` (spelt any
 * way): releases the feed said are affected, or the package index does not have or has
 * yanked. Order is kept.
 */
function withoutVersions(candidates, excluded) {
    const keys = new Set();
    for (const version of excluded)
        keys.add((0,_version_order_js__WEBPACK_IMPORTED_MODULE_3__/* .equalityKey */ .Q1)(version));
    if (keys.size === 0)
        return [...candidates];
    return candidates.filter(candidate => !keys.has((0,_version_order_js__WEBPACK_IMPORTED_MODULE_3__/* .equalityKey */ .Q1)(candidate)));
}
/**
 * The newest `fixed` or `limit` bound above `version` in `records`, leaving out `excluded`
 * versions: what "newest fix" names when no clean version is found. Undefined when none.
 */
function newestFix(name, version, records, excluded = []) {
    if (!(0,_version_order_js__WEBPACK_IMPORTED_MODULE_3__/* .isPep440 */ .it)(version))
        return undefined;
    const live = records.filter(record => record.withdrawn == null);
    return withoutVersions(upgradeCandidates(live, (0,_deps_names_js__WEBPACK_IMPORTED_MODULE_4__/* .normalizeName */ .P)(name), version), excluded).at(-1);
}


/***/ }),

/***/ 85682:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q1: () => (/* binding */ equalityKey),
/* harmony export */   V1: () => (/* binding */ isPrerelease),
/* harmony export */   Zy: () => (/* binding */ compareVersions),
/* harmony export */   it: () => (/* binding */ isPep440),
/* harmony export */   rn: () => (/* binding */ canonicalReleaseKey)
/* harmony export */ });
/* harmony import */ var _renovatebot_pep440__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(68898);
/* harmony import */ var _renovatebot_pep440__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(_renovatebot_pep440__WEBPACK_IMPORTED_MODULE_0__);
/**
 * PEP 440 ordering with each version parsed once. Matching asks for the same few strings
 * thousands of times (every range bound of every advisory of a package, against each
 * candidate upgrade), and @renovatebot/pep440's `compare` runs its full regular expression on
 * both sides of every comparison: in a 200-pin run that parsing was a fifth of the CPU time.
 * This keeps each parse and compares the way the library's own sort key does, which the
 * property test checks on generated versions. Versions already in PEP 440's normal form
 * (`1.2.3`, `2.0rc1`, `1.0.post2.dev3`), nearly all that advisories hold, are read by one
 * small regular expression; every other spelling goes to the library's `explain`.
 */

const keys = new Map();
function keyOf(version) {
    let key = keys.get(version);
    if (key === undefined) {
        key = computeKey(version);
        keys.set(version, key);
    }
    return key;
}
/** The normal form without epoch or local part: release, then optional aN/bN/rcN, .postN, .devN. */
const NORMAL_FORM = /^(\d+(?:\.\d+)*)(?:(a|b|rc)(\d+))?(?:\.post(\d+))?(?:\.dev(\d+))?$/;
function computeKey(version) {
    const normal = NORMAL_FORM.exec(version);
    if (normal !== null)
        return normalFormKey(normal);
    const parsed = (0,_renovatebot_pep440__WEBPACK_IMPORTED_MODULE_0__.explain)(version);
    if (parsed === null)
        return null;
    const release = [...parsed.release];
    while (release.at(-1) === 0)
        release.pop();
    // The library's declared types describe `parse`; `explain` returns post and dev as numbers.
    const pre = parsed.pre;
    const post = parsed.post;
    const dev = parsed.dev;
    const local = parsed.local;
    const preRank = pre !== null ? 0 : post === null && dev !== null ? -1 : 1;
    return {
        epoch: parsed.epoch,
        release,
        preRank,
        preLabel: pre?.[0] ?? '',
        preNumber: pre?.[1] ?? 0,
        post: post ?? -1,
        dev: dev ?? Infinity,
        prerelease: pre !== null || dev !== null,
        local: local === null
            ? null
            : local.split('.').map(part => (/^\d+$/.test(part) ? Number(part) : part))
    };
}
function normalFormKey(match) {
    const [, releaseText, preLabel, preNumber, postText, devText] = match;
    const release = releaseText.split('.').map(Number);
    while (release.at(-1) === 0)
        release.pop();
    const pre = preLabel !== undefined;
    const post = postText === undefined ? -1 : Number(postText);
    const dev = devText === undefined ? Infinity : Number(devText);
    return {
        epoch: 0,
        release,
        preRank: pre ? 0 : post === -1 && devText !== undefined ? -1 : 1,
        preLabel: preLabel ?? '',
        preNumber: pre ? Number(preNumber) : 0,
        post,
        dev,
        prerelease: pre || devText !== undefined,
        local: null
    };
}
/**
 * A string that is the same for exactly the versions PEP 440 calls equal (`1.0`, `1.0.0` and
 * `v1.0` share one). A version that is not PEP 440 is only equal to itself. A plain release in
 * canonical form, most of what advisories list, is keyed without being parsed.
 *
 * Each spelling's key is kept: matching keys every version an advisory lists (~130,000 in a
 * cold 200-pin run, ~7,000 distinct), and one lookup costs less than the test and the key's
 * string built again (25 ms of CPU there, 4 ms with the keys kept).
 */
function equalityKey(version) {
    let key = equalityKeys.get(version);
    if (key === undefined) {
        key = computeEqualityKey(version);
        equalityKeys.set(version, key);
    }
    return key;
}
const equalityKeys = new Map();
function computeEqualityKey(version) {
    const plain = canonicalReleaseKey(version);
    if (plain !== undefined)
        return plain;
    // A listed pre-, post- or dev release in normal form (most of the rest) is keyed straight
    // from its parts: no order key is made and kept for a version that is seldom ordered.
    const normal = NORMAL_FORM.exec(version);
    if (normal !== null)
        return normalFormEqualityKey(normal);
    const key = keyOf(version);
    if (key === null)
        return `|=${version}`;
    const release = key.release.length === 0 ? '0' : key.release.join('.');
    if (key.epoch === 0 && key.preRank === 1 && key.post === -1 && key.local === null) {
        return release;
    }
    // '|' never appears in a plain release, so the two kinds of key cannot collide.
    const pre = key.preRank === 0 ? `${key.preLabel}${key.preNumber}` : '';
    const post = key.post === -1 ? '' : key.post;
    const dev = key.dev === Infinity ? '' : key.dev;
    return `${key.epoch}!${release}|${pre}|${post}|${dev}|${key.local?.join('.') ?? ''}`;
}
/** computeEqualityKey's answer for a NORMAL_FORM match, as it reads normalFormKey's key. */
function normalFormEqualityKey(match) {
    const [, releaseText, preLabel, preNumber, postText, devText] = match;
    const release = releaseText.split('.').map(Number);
    while (release.at(-1) === 0)
        release.pop();
    const plain = release.length === 0 ? '0' : release.join('.');
    if (preLabel === undefined && postText === undefined && devText === undefined)
        return plain;
    const pre = preLabel === undefined ? '' : `${preLabel}${Number(preNumber)}`;
    const post = postText === undefined ? '' : Number(postText);
    const dev = devText === undefined ? '' : Number(devText);
    return `0!${plain}|${pre}|${post}|${dev}|`;
}
/** A release number as PyPI prints it: digits without leading zeros, nothing else. */
const CANONICAL_RELEASE = /^(?:0|[1-9]\d*)(?:\.(?:0|[1-9]\d*))*$/;
const TRAILING_ZEROS = /(?:\.0)+$/;
/**
 * The equality key of a release number as PyPI prints it (`1.0.0` -> `1`), read without
 * parsing; undefined for any other text.
 */
function canonicalReleaseKey(release) {
    return CANONICAL_RELEASE.test(release) ? release.replace(TRAILING_ZEROS, '') : undefined;
}
/** Whether `version` is a valid PEP 440 version. */
function isPep440(version) {
    return keyOf(version) !== null;
}
/** Whether `version` is a PEP 440 pre-release (dev releases included); false when not PEP 440. */
function isPrerelease(version) {
    return keyOf(version)?.prerelease ?? false;
}
/**
 * Negative, zero or positive as `a` sorts before, equal to or after `b` under PEP 440.
 * Throws on a version that is not PEP 440, as the library's `compare` does; callers check
 * with isPep440 first.
 */
function compareVersions(a, b) {
    if (a === b)
        return 0;
    const left = keyOf(a);
    const right = keyOf(b);
    if (left === null || right === null) {
        throw new TypeError(`Not a PEP 440 version: ${left === null ? a : b}`);
    }
    return (left.epoch - right.epoch ||
        compareNumbers(left.release, right.release) ||
        left.preRank - right.preRank ||
        compareText(left.preLabel, right.preLabel) ||
        left.preNumber - right.preNumber ||
        left.post - right.post ||
        compareInfinite(left.dev, right.dev) ||
        compareLocal(left.local, right.local));
}
function compareNumbers(a, b) {
    const shared = Math.min(a.length, b.length);
    for (let i = 0; i < shared; i++) {
        const order = a[i] - b[i];
        if (order !== 0)
            return order;
    }
    return a.length - b.length;
}
function compareText(a, b) {
    return a === b ? 0 : a < b ? -1 : 1;
}
/** Infinity - Infinity is NaN, which `||` would pass over as if equal anyway; say so plainly. */
function compareInfinite(a, b) {
    return a === b ? 0 : a < b ? -1 : 1;
}
/** PEP 440: alphanumeric segments sort before numeric ones; a longer label after its prefix. */
function compareLocal(a, b) {
    if (a === null || b === null)
        return a === b ? 0 : a === null ? -1 : 1;
    const shared = Math.min(a.length, b.length);
    for (let i = 0; i < shared; i++) {
        const x = a[i];
        const y = b[i];
        if (typeof x !== typeof y)
            return typeof x === 'string' ? -1 : 1;
        const order = typeof x === 'number' ? x - y : compareText(x, y);
        if (order !== 0)
            return order;
    }
    return a.length - b.length;
}


/***/ }),

/***/ 48689:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   II: () => (/* binding */ dedupeAliases),
/* harmony export */   OF: () => (/* binding */ toVulnerability),
/* harmony export */   oi: () => (/* binding */ isSupportedSchema)
/* harmony export */ });
/* harmony import */ var _osv_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6407);
/* harmony import */ var _version_order_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(85682);


/*
 * Everything below reproduces pip-audit (pypa/pip-audit, main after PR #1119, 2026-08-30):
 * the record conversion of `OsvService.query` in pip_audit/_service/osv.py, the id choice of
 * `VulnerabilityResult.create` / `_id_comparison_key` in pip_audit/_service/interface.py and
 * the de-duplication of `Auditor.audit` / `_add_unique_vulnerability` in pip_audit/_audit.py.
 * Where pip-audit would crash on bad data we skip the bad value instead (noted below).
 */
/**
 * pip-audit's view of one OSV record for `packageName` (PEP 503 normalised), or undefined for
 * a record pip-audit skips: withdrawn, or of a schema major other than 1 (the OSV API feed
 * hands such a record on already reduced to what it can read, see readOsvRecord).
 *
 * Unlike pip-audit, a record without an `affected` list is kept, with no fix versions:
 * pip-audit drops it silently, but only a feed that matched the release server side (OSV's
 * querybatch) can hand one on, so it does affect the release, and a finding must never
 * disappear because its record says less than it should. The offline database lists a record
 * only under the packages its `affected` names, and the PyPI feed always builds one.
 */
function toVulnerability(record, packageName) {
    if (!isSupportedSchema(record))
        return undefined;
    if (record.withdrawn != null)
        return undefined;
    // summary, else details, else "N/A": an empty summary is kept (pip-audit tests `is None`),
    // and only "\n" is replaced, not "\r".
    const description = (record.summary ?? record.details ?? 'N/A').replaceAll('\n', ' ');
    return {
        ...primaryId([record.id, ...(record.aliases ?? [])]),
        fixVersions: fixVersions(record, packageName),
        description,
        record
    };
}
/** pip-audit skips records whose `schema_version` (absent means 1.0.0) has a major other than 1. */
function isSupportedSchema(record) {
    return (0,_osv_js__WEBPACK_IMPORTED_MODULE_0__/* .isSupportedSchemaVersion */ .w)(record.schema_version ?? '1.0.0');
}
/**
 * pip-audit's quirks, kept on purpose: the package name is compared as written in the record,
 * not normalised; within one affected entry only the first ECOSYSTEM range counts; a later
 * matching entry with an ECOSYSTEM range replaces the fixes found so far instead of adding to
 * them; duplicates are kept. Where pip-audit would crash on a `fixed` that is not PEP 440 (or
 * an entry with no package), we leave that value out.
 */
function fixVersions(record, packageName) {
    let fixes = [];
    for (const affected of record.affected ?? []) {
        const pkg = affected.package;
        if (pkg?.name !== packageName || pkg.ecosystem !== 'PyPI')
            continue;
        const range = (affected.ranges ?? []).find(r => r.type === 'ECOSYSTEM');
        if (range === undefined)
            continue;
        fixes = range.events.flatMap(event => (event.fixed === undefined ? [] : [event.fixed]));
    }
    // Ranges are not guaranteed to list fixes in order.
    return fixes.filter(_version_order_js__WEBPACK_IMPORTED_MODULE_1__/* .isPep440 */ .it).sort(_version_order_js__WEBPACK_IMPORTED_MODULE_1__/* .compareVersions */ .Zy);
}
/**
 * The id pip-audit reports: the first PYSEC id among [id, ...aliases], else the first CVE,
 * else the record's own id (a stable sort on that key). The rest become the aliases; pip-audit
 * keeps them in a set, we keep them de-duplicated in that sorted order so output is stable.
 */
function primaryId(ids) {
    const sorted = [...ids].sort((a, b) => idRank(a) - idRank(b));
    const [id = '', ...rest] = sorted;
    return { id, aliases: [...new Set(rest)] };
}
function idRank(id) {
    if (id.startsWith('PYSEC'))
        return 1;
    if (id.startsWith('CVE'))
        return 2;
    return 3;
}
/**
 * One result per group of results that alias each other, as pip-audit's Auditor.audit does for
 * one dependency: first every result whose id starts with PYSEC, then all results, in input
 * order. A result whose id or aliases meet an id or alias already seen is merged into the
 * first kept result it shares one with: the kept result keeps its id, description, fixes and
 * record, and gains the other's aliases (but not the other's id, and never its own id). Like
 * pip-audit, the set of seen ids is not extended by a merge, so grouping is not transitive
 * through merged-in aliases.
 */
function dedupeAliases(vulns) {
    const kept = [];
    const seen = new Set();
    // For each id or alias of a kept result (merged-in aliases too), the first result holding
    // it: the result a later alias joins. A package with hundreds of advisories made the
    // pairwise search quadratic.
    const holder = new Map();
    const hold = (ids, index) => {
        for (const id of ids)
            if ((holder.get(id) ?? Infinity) > index)
                holder.set(id, index);
    };
    const add = (vuln) => {
        const ids = [vuln.id, ...vuln.aliases];
        if (ids.some(id => seen.has(id))) {
            // Every id in `seen` is held by some kept result, so this always finds one.
            const index = Math.min(...ids.map(id => holder.get(id) ?? Infinity));
            const merged = mergeAliases(kept[index], vuln);
            kept[index] = merged;
            hold(merged.aliases, index);
            return;
        }
        for (const id of ids)
            seen.add(id);
        hold(ids, kept.length);
        kept.push(vuln);
    };
    for (const vuln of vulns)
        if (vuln.id.startsWith('PYSEC'))
            add(vuln);
    for (const vuln of vulns)
        add(vuln);
    return kept;
}
/**
 * `into` itself when `other` adds no alias (as a PYSEC result meeting itself again in the
 * second pass, most of a run's results): a copy with the same aliases would be the same.
 */
function mergeAliases(into, other) {
    const held = new Set(into.aliases);
    const added = other.aliases.filter(alias => alias !== into.id && !held.has(alias));
    if (added.length === 0)
        return into;
    return { ...into, aliases: [...new Set([...into.aliases, ...added])] };
}


/***/ }),

/***/ 20799:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  o4: () => (/* binding */ parseConfig)
});

// UNUSED EXPORTS: packageChecksEnabled, parseLicensePolicy, parseList

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/advisories/record-cache.ts + 1 modules
var record_cache = __webpack_require__(55149);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(58382);
// EXTERNAL MODULE: ./src/integrations/dependency-track/inputs.ts
var inputs = __webpack_require__(89054);
;// CONCATENATED MODULE: ./src/config/dependency-track.ts


/**
 * The dependency-track-* inputs; undefined when no server is configured, and then the others
 * are not read at all (so not refused either).
 */
function parseDependencyTrack(value, env) {
    const url = value('dependency-track-url');
    const apiKey = value('dependency-track-api-key');
    if (!url) {
        if (apiKey)
            throw new errors/* InputError */.dz('dependency-track-api-key', 'is set but dependency-track-url is not');
        return undefined;
    }
    if (!apiKey)
        throw new errors/* InputError */.dz('dependency-track-api-key', 'is required when dependency-track-url is set');
    const projectUuid = value('dependency-track-project-uuid');
    const defaults = (0,inputs/* defaultProjectCoordinates */.W7)(env);
    const projectName = value('dependency-track-project') || defaults.projectName;
    const projectVersion = value('dependency-track-version') || defaults.projectVersion;
    if (!projectUuid && !projectName) {
        throw new errors/* InputError */.dz('dependency-track-project', 'is required outside a GitHub workflow run (or set dependency-track-project-uuid)');
    }
    return {
        url,
        apiKey,
        ...(projectName ? { projectName } : {}),
        ...(projectVersion ? { projectVersion } : {}),
        ...(projectUuid ? { projectUuid } : {}),
        ...(0,inputs/* parseDependencyTrackParent */._C)(value('dependency-track-parent')),
        autoCreate: value('dependency-track-auto-create'),
        wait: value('dependency-track-wait'),
        waitTimeoutMs: value('dependency-track-wait-timeout')
    };
}

// EXTERNAL MODULE: ./src/config/inputs.ts + 3 modules
var config_inputs = __webpack_require__(40315);
// EXTERNAL MODULE: ./src/config/values.ts
var values = __webpack_require__(73750);
;// CONCATENATED MODULE: ./src/config/config.ts






function parseConfig(read, environment, mode) {
    const value = (0,config_inputs/* inputValues */.tq)(read);
    // A CLI run inside a workflow step still means paths relative to where it was started.
    const workspace = (mode === 'action' && environment.env.GITHUB_WORKSPACE) || environment.cwd;
    const workingDirectory = external_node_path_.resolve(workspace, value('working-directory'));
    const resolvePath = (text) => text ? external_node_path_.resolve(workingDirectory, text) : undefined;
    const tempDir = environment.env.RUNNER_TEMP || external_node_os_.tmpdir();
    const python = value('python');
    const pythonVersion = value('python-version');
    const platform = value('platform');
    const indexUrl = value('index-url');
    const advisoryDb = resolvePath(value('advisory-db'));
    const configFile = resolvePath(value('config'));
    const reportPath = resolvePath(value('report')) ??
        (mode === 'action' ? external_node_path_.join(tempDir, 'pyaudit', 'pyaudit-report.json') : undefined);
    const sbomPath = resolvePath(value('sbom'));
    const sarifPath = resolvePath(value('sarif'));
    const fix = value('fix');
    const fixPatchPath = fix !== 'off' && reportPath
        ? external_node_path_.join(external_node_path_.dirname(reportPath), 'pyaudit-fix.patch')
        : undefined;
    const artifactName = value('artifact-name');
    const retentionDays = value('retention-days');
    const dependencyTrack = parseDependencyTrack(value, environment.env);
    const baseRef = value('base-ref');
    return {
        workingDirectory,
        repositoryRoot: external_node_path_.resolve(workspace),
        sources: {
            paths: value('paths').map(p => external_node_path_.resolve(workingDirectory, p)),
            // A bare command name (python3) is looked up on PATH; anything with a slash is a path.
            ...(python
                ? { python: /[\\/]/.test(python) ? external_node_path_.resolve(workingDirectory, python) : python }
                : {}),
            ...(pythonVersion ? { pythonVersion } : {}),
            ...(platform ? { platform } : {}),
            resolve: value('resolve'),
            ...(indexUrl ? { indexUrl } : {}),
            extraIndexUrls: value('extra-index-url'),
            strict: value('strict')
        },
        feed: {
            service: value('vulnerability-service'),
            osvUrl: value('osv-url'),
            pypiUrl: value('pypi-url'),
            ...(advisoryDb ? { advisoryDb } : {}),
            maxDbAgeDays: value('max-db-age'),
            cache: value('cache'),
            cacheDir: resolvePath(value('cache-dir')) ?? (0,record_cache/* defaultCacheDir */.$g)(environment.env)
        },
        findings: {
            ignoreVulns: value('ignore-vulns'),
            ...(configFile ? { configFile } : {}),
            failOnVulnerability: value('fail-on-vulnerability'),
            failOnSeverity: value('fail-on-severity'),
            failOnUnknownSeverity: value('fail-on-unknown-severity')
        },
        scope: value('scope'),
        ...(baseRef ? { baseRef } : {}),
        licenses: {
            source: value('license-source'),
            from: value('license-from'),
            policy: parseLicensePolicy(read),
            failOnLicense: value('fail-on-license')
        },
        packageHealth: {
            enabled: packageChecksEnabled(value('package-checks'), advisoryDb, indexUrl),
            failOnPackageStatus: value('fail-on-package-status'),
            ignore: value('package-check-ignore')
        },
        fix,
        outputs: {
            ...(reportPath ? { reportPath } : {}),
            ...(sbomPath ? { sbomPath } : {}),
            ...(sarifPath ? { sarifPath } : {}),
            ...(fixPatchPath ? { fixPatchPath } : {}),
            uploadArtifact: value('upload-artifact'),
            ...(artifactName ? { artifactName } : {}),
            ...(retentionDays !== undefined ? { retentionDays } : {}),
            comment: value('comment'),
            githubToken: value('github-token')
        },
        ...(dependencyTrack ? { dependencyTrack } : {}),
        requestTimeoutMs: value('request-timeout')
    };
}
/**
 * `package-checks: auto` asks the indexes unless the run is air-gapped: an offline
 * advisory-db without an index-url of its own must make no request at all.
 */
function packageChecksEnabled(mode, advisoryDb, indexUrl) {
    if (mode === 'auto')
        return advisoryDb === undefined || indexUrl !== undefined;
    return mode === 'true';
}
/** The license-* policy inputs as the policy pip-licenses would apply. */
function parseLicensePolicy(read) {
    const value = (0,config_inputs/* inputValues */.tq)(read);
    return {
        failOn: value('license-fail-on'),
        allowOnly: value('license-allow-only'),
        partialMatch: value('license-partial-match'),
        failOnUnknown: value('license-fail-on-unknown'),
        ignorePackages: value('license-ignore-packages')
    };
}


/***/ }),

/***/ 80024:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ae: () => (/* binding */ path),
/* harmony export */   F: () => (/* binding */ other),
/* harmony export */   OZ: () => (/* binding */ url),
/* harmony export */   QT: () => (/* binding */ actionDefault),
/* harmony export */   Qq: () => (/* binding */ text),
/* harmony export */   YA: () => (/* binding */ seconds),
/* harmony export */   Yq: () => (/* binding */ choice),
/* harmony export */   ak: () => (/* binding */ INPUT_GROUPS),
/* harmony export */   p_: () => (/* binding */ list),
/* harmony export */   rJ: () => (/* binding */ secret),
/* harmony export */   zM: () => (/* binding */ boolean)
/* harmony export */ });
/* harmony import */ var _values_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73750);
/**
 * What a row of the input table (inputs.ts) holds, and one builder per kind of input. The
 * kind decides how the value is parsed, how the CLI takes it (a boolean is also --no-name, a
 * list may be repeated) and what --help shows after the flag.
 */

/** The sections of --help and of action.yml, in order. */
const INPUT_GROUPS = {
    sources: 'Where dependencies come from',
    advisories: 'Where advisories come from',
    gate: 'What fails the step',
    licenses: 'Licenses',
    'package-health': 'Package health',
    fix: 'Fixes',
    reports: 'Reports',
    github: 'GitHub only',
    'dependency-track': 'Dependency-Track',
    network: 'Network'
};
/** Free text, taken as it is. */
function text(row) {
    return { placeholder: 'TEXT', ...row, kind: { type: 'text' }, parse: value => value };
}
/** A file or directory; parseConfig resolves it against the working directory. */
function path(row) {
    return { placeholder: 'PATH', ...row, kind: { type: 'path' }, parse: value => value };
}
/** A credential: masked on a runner, never printed. */
function secret(row) {
    return { placeholder: 'SECRET', ...row, kind: { type: 'secret' }, parse: value => value };
}
function boolean(row) {
    return {
        placeholder: '',
        ...row,
        kind: { type: 'boolean' },
        parse: (value, name) => (0,_values_js__WEBPACK_IMPORTED_MODULE_0__/* .parseBoolean */ .yG)(name, value)
    };
}
function url(row) {
    return {
        placeholder: 'URL',
        ...row,
        kind: { type: 'url' },
        parse: (value, name) => (value === '' ? undefined : (0,_values_js__WEBPACK_IMPORTED_MODULE_0__/* .parseHttpUrl */ .f$)(name, value))
    };
}
/** One of a few words (case-insensitive), or an alias of one. */
function choice(row) {
    const { choices, aliases = {}, ...rest } = row;
    return {
        placeholder: choices.join('|'),
        ...rest,
        kind: { type: 'choice', choices, aliases },
        parse: (value, name) => (0,_values_js__WEBPACK_IMPORTED_MODULE_0__/* .parseChoice */ .HU)(name, value, choices, aliases)
    };
}
/** Several values, one per line in YAML; the CLI joins a repeated flag's values with line breaks. */
function list(row) {
    return { placeholder: 'VALUE', ...row, kind: { type: 'list' } };
}
/** A whole number of seconds, as milliseconds. */
function seconds(row) {
    const { min, max, ...rest } = row;
    return {
        placeholder: 'SECONDS',
        ...rest,
        kind: { type: 'seconds', min, max },
        parse: (value, name) => (0,_values_js__WEBPACK_IMPORTED_MODULE_0__/* .parseSeconds */ .fL)(name, value, min, max) * 1000
    };
}
/** Any other kind of value, with its own parser. */
function other(type, row) {
    return { placeholder: 'VALUE', ...row, kind: { type } };
}
/** The default action.yml states. */
function actionDefault(row) {
    return row.runnerDefault ?? row.default;
}


/***/ }),

/***/ 40315:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  mc: () => (/* binding */ INPUTS),
  Qh: () => (/* binding */ INPUT_NAMES),
  bd: () => (/* binding */ inputRow),
  tq: () => (/* binding */ inputValues)
});

// EXTERNAL MODULE: ./src/integrations/git/base-commit.ts + 1 modules
var base_commit = __webpack_require__(99683);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(58382);
;// CONCATENATED MODULE: ./src/pipeline/scope.ts
/**
 * The `scope` input's values. A module of their own: the configuration reads them when a run
 * starts, while judging a change by them (changes.ts) is needed only after the lookup.
 */

const SCOPES = ['auto', 'all', 'changes'];
/** The `scope` input; empty means the default, auto. */
function parseScope(value) {
    const text = value.trim().toLowerCase();
    if (text === '')
        return 'auto';
    const scope = SCOPES.find(candidate => candidate === text);
    if (scope !== undefined)
        return scope;
    throw new InputError('scope', `expected one of ${SCOPES.join(', ')}, got ${JSON.stringify(value)}`);
}

// EXTERNAL MODULE: ./src/integrations/github/artifact.ts
var artifact = __webpack_require__(89893);
// EXTERNAL MODULE: ./src/integrations/dependency-track/inputs.ts
var inputs = __webpack_require__(89054);
// EXTERNAL MODULE: ./src/shared/text.ts
var shared_text = __webpack_require__(24646);
// EXTERNAL MODULE: ./src/config/input-kinds.ts
var input_kinds = __webpack_require__(80024);
// EXTERNAL MODULE: ./src/health/types.ts
var types = __webpack_require__(27987);
;// CONCATENATED MODULE: ./src/health/fail-on.ts
/**
 * `fail-on-package-status`: which package-issue kinds fail the step. The rest are warnings.
 */



/** The word that makes every kind a warning: an empty input takes the default instead. */
const NO_PACKAGE_STATUS = 'none';
/**
 * Kinds separated by commas, spaces or lines, each once, in the order of PACKAGE_ISSUE_KINDS;
 * `none` alone: no kind fails. An unknown word is an InputError naming the input and the kinds.
 */
function parsePackageIssueKinds(text, inputName = 'fail-on-package-status') {
    const words = text
        .split(/[\s,]+/)
        .map(word => word.trim().toLowerCase())
        .filter(word => word !== '');
    if (words.length === 1 && words[0] === NO_PACKAGE_STATUS)
        return [];
    for (const word of words) {
        if (!types/* PACKAGE_ISSUE_KINDS */.P.includes(word)) {
            throw new errors/* InputError */.dz(inputName, `expected ${types/* PACKAGE_ISSUE_KINDS */.P.join(', ')} (or ${NO_PACKAGE_STATUS}), got '${(0,shared_text/* excerpt */.Kb)(word)}'`);
        }
    }
    return types/* PACKAGE_ISSUE_KINDS */.P.filter(kind => words.includes(kind));
}

// EXTERNAL MODULE: ./src/health/ignore.ts
var ignore = __webpack_require__(83850);
// EXTERNAL MODULE: ./src/deps/platforms.ts
var platforms = __webpack_require__(44582);
// EXTERNAL MODULE: ./src/deps/names.ts
var names = __webpack_require__(96498);
;// CONCATENATED MODULE: ./src/config/license-values.ts
/**
 * The license policy inputs' values, read as pip-licenses reads its options (see
 * src/licenses/policy.ts for how the policy is then applied).
 */



const PROJECT_NAME = /^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$/i;
/**
 * pip-licenses' list: ';'-separated, items stripped, empty items dropped ("MIT;;BSD;" is MIT
 * and BSD). Line breaks separate items too, for multi-line YAML and repeated flags. A value
 * that is not blank but names no license at all (";;") is refused rather than read as "no
 * policy".
 */
function parseLicenseList(name, value) {
    const items = value
        .split(/[;\n]/)
        .map(item => item.trim())
        .filter(item => item !== '');
    if (items.length === 0 && value.trim() !== '') {
        throw new errors/* InputError */.dz(name, `'${(0,shared_text/* excerpt */.Kb)(value)}' names no license (items are separated by ';')`);
    }
    return [...new Set(items)];
}
/** `name` or `name:version`, separated by whitespace or commas (pip-licenses takes one per argument). */
function parseIgnorePackages(name, value) {
    return value
        .split(/[\s,]+/)
        .filter(item => item !== '')
        .map(item => {
        const colon = item.indexOf(':');
        const project = colon < 0 ? item : item.slice(0, colon);
        const version = colon < 0 ? undefined : item.slice(colon + 1);
        if (!PROJECT_NAME.test(project)) {
            throw new errors/* InputError */.dz(name, `'${(0,shared_text/* excerpt */.Kb)(item)}' is not a package name (or name:version)`);
        }
        if (version !== undefined && !/^[A-Za-z0-9!+._-]+$/.test(version)) {
            throw new errors/* InputError */.dz(name, `'${(0,shared_text/* excerpt */.Kb)(item)}' has no valid version after ':'`);
        }
        return version === undefined
            ? { name: (0,names/* normalizeName */.P)(project) }
            : { name: (0,names/* normalizeName */.P)(project), version };
    });
}

// EXTERNAL MODULE: ./src/config/values.ts
var values = __webpack_require__(73750);
;// CONCATENATED MODULE: ./src/config/inputs.ts












const orUndefined = (value) => (value === '' ? undefined : value);
const FIX_MODES = { false: 'off', true: 'pins', ranges: 'ranges' };
const INPUTS = {
    paths: input_kinds/* list */.p_({
        group: 'sources',
        default: '',
        placeholder: 'FILE|DIR',
        cliNote: 'also the bare arguments',
        description: 'Dependency files or directories to audit, one per line, relative to working-directory: requirements files, pyproject.toml, poetry.lock, uv.lock, Pipfile.lock, pdm.lock, pylock.toml. Empty: detect them in working-directory (a lockfile wins over the pyproject.toml it locks).',
        parse: value => (0,values/* parseList */.E1)(value)
    }),
    'working-directory': input_kinds/* path */.Ae({
        group: 'sources',
        default: '.',
        placeholder: 'DIR',
        cliNote: 'relative to the current directory here',
        description: 'Directory that relative paths are resolved against (relative to the workspace).'
    }),
    python: input_kinds/* path */.Ae({
        group: 'sources',
        default: '',
        description: 'A Python interpreter path, virtualenv directory or command. With resolve: none, its installed distributions are audited (with their license metadata); with resolve: pip, its pip resolves.'
    }),
    'python-version': input_kinds/* other */.F('version', {
        group: 'sources',
        default: '',
        placeholder: 'X.Y',
        description: 'Narrow the audit to one Python version (e.g. 3.12, or 3.12.4): pins whose environment markers exclude it are not audited. Empty: every pin is audited whatever its markers (python alone does not narrow; with resolve: pip, pip evaluates markers for its own interpreter).',
        parse: (value, name) => (value === '' ? undefined : (0,values/* parsePythonVersion */.yn)(name, value))
    }),
    // A choice whose empty default means "every platform": parsed as a choice, once given.
    platform: input_kinds/* other */.F('text', {
        group: 'sources',
        default: '',
        placeholder: platforms/* TARGET_PLATFORMS */.h.join('|'),
        description: 'Narrow the audit to one platform (linux, windows or macos): pins whose environment markers exclude it (sys_platform, platform_system, os_name) are not audited. Empty: every platform. With python-version, one target environment.',
        parse: (value, name) => value === '' ? undefined : (0,values/* parseChoice */.HU)(name, value, platforms/* TARGET_PLATFORMS */.h)
    }),
    resolve: input_kinds/* choice */.Yq({
        group: 'sources',
        default: 'none',
        choices: ['none', 'pip'],
        description: 'none: audit what files pin. pip: resolve requirements and pyproject ranges into the exact transitive set pip would install (pip install --dry-run --report). Resolution may build sdists and so run code from the index: never on untrusted pull requests (pull_request_target).'
    }),
    'index-url': input_kinds/* url */.OZ({
        group: 'sources',
        default: '',
        description: 'Package index for resolve: pip (pip --index-url) and for the package checks (else PyPI). Credentials in it are masked and never printed.'
    }),
    'extra-index-url': input_kinds/* list */.p_({
        group: 'sources',
        default: '',
        placeholder: 'URL',
        description: 'Extra package indexes for resolve: pip and for the package checks, one per line.',
        parse: (value, name) => (0,values/* parseList */.E1)(value).map(url => (0,values/* parseHttpUrl */.f$)(name, url))
    }),
    strict: input_kinds/* boolean */.zM({
        group: 'sources',
        default: 'false',
        description: 'Fail when any dependency could not be audited (unpinned, URL, VCS, editable...), like pip-audit --strict, and when nothing was audited at all (without strict, such a run passes with a warning).'
    }),
    'vulnerability-service': input_kinds/* choice */.Yq({
        group: 'advisories',
        default: 'osv',
        choices: ['osv', 'pypi'],
        description: 'osv (the OSV API) or pypi (the PyPI JSON API, like pip-audit -s pypi).'
    }),
    'osv-url': input_kinds/* url */.OZ({
        group: 'advisories',
        default: 'https://api.osv.dev',
        description: 'Base URL of the OSV API.'
    }),
    'pypi-url': input_kinds/* url */.OZ({
        group: 'advisories',
        default: 'https://pypi.org',
        description: 'Base URL of the PyPI JSON API (advisories with vulnerability-service: pypi, and licenses of lockfile-only projects).'
    }),
    'advisory-db': input_kinds/* path */.Ae({
        group: 'advisories',
        default: '',
        description: "Offline OSV database: a directory of OSV JSON files, or a zip laid out like OSV's all.zip (several ecosystems allowed). When set, no network is used for advisories."
    }),
    'max-db-age': input_kinds/* other */.F('age', {
        group: 'advisories',
        default: '7',
        placeholder: 'AGE',
        description: 'Warn when the newest advisory in advisory-db is older than this (7, 7d, 36h, 2w; 0 turns the check off).',
        parse: (value, name) => (0,values/* parseAge */.F1)(name, value)
    }),
    cache: input_kinds/* boolean */.zM({
        group: 'advisories',
        default: 'true',
        description: 'Cache advisory details fetched online between runs (revalidated by their modified time; restored and saved with the Actions cache), with the upgrades verified with them. An offline advisory-db is read whole on every run: nothing of it is cached.'
    }),
    'cache-dir': input_kinds/* path */.Ae({
        group: 'advisories',
        default: '',
        placeholder: 'DIR',
        description: 'Directory of the advisory cache. Default: pyaudit under RUNNER_TOOL_CACHE, else ~/.cache/pyaudit.'
    }),
    'ignore-vulns': input_kinds/* list */.p_({
        group: 'gate',
        default: '',
        placeholder: 'ID',
        description: 'Advisory ids (or any alias) to ignore, one per line, optionally followed by "# reason". Ignored findings stay visible in the report.',
        // Read line by line, with the reasons, by src/pipeline/ignores.ts.
        parse: value => value
    }),
    config: input_kinds/* path */.Ae({
        group: 'gate',
        default: '',
        placeholder: 'FILE',
        description: 'Config file with [[ignore]] entries (id, reason, until, package, version). Default: .pyaudit.toml or [tool.pyaudit] in pyproject.toml; [[IgnoredVulns]] in osv-scanner.toml is read too.'
    }),
    'fail-on-vulnerability': input_kinds/* boolean */.zM({
        group: 'gate',
        default: 'true',
        description: 'Fail the step when a known vulnerability at or above fail-on-severity is found. Malicious packages fail the step regardless.'
    }),
    'fail-on-severity': input_kinds/* choice */.Yq({
        group: 'gate',
        default: 'low',
        choices: ['low', 'medium', 'high', 'critical'],
        aliases: { moderate: 'medium' },
        description: "Lowest severity that fails the step: low, medium (or moderate, GHSA's word for it), high or critical."
    }),
    'fail-on-unknown-severity': input_kinds/* boolean */.zM({
        group: 'gate',
        default: 'true',
        description: 'Findings whose severity is unknown fail the step (a gate must not open because data is missing).'
    }),
    scope: input_kinds/* choice */.Yq({
        group: 'gate',
        default: 'auto',
        choices: SCOPES,
        description: 'What fails the step. changes: only findings the change introduces (a pin it adds, or moves to a version the advisory did not affect before); findings already on the base are reported but never fail, malware always does. all: every finding. auto: changes on pull_request, pull_request_target and merge_group events, or whenever base-ref is set; all otherwise. The base is read from git objects: see fetch-depth in the README.'
    }),
    'base-ref': input_kinds/* other */.F('text', {
        group: 'gate',
        default: '',
        placeholder: 'REF',
        description: "Commit, branch or tag that scope compares with (e.g. origin/main). Default: the event's base (pull_request.base.sha, merge_group.base_sha).",
        parse: value => (0,base_commit/* parseBaseRef */.Cn)(value)
    }),
    'license-source': input_kinds/* choice */.Yq({
        group: 'licenses',
        default: 'auto',
        choices: ['auto', 'environment', 'pypi', 'none'],
        description: 'Where licenses come from: auto (installed metadata, else the PyPI JSON API), environment, pypi or none.'
    }),
    'license-from': input_kinds/* choice */.Yq({
        group: 'licenses',
        default: 'mixed',
        choices: ['mixed', 'meta', 'classifier', 'expression'],
        description: 'Which metadata pip-licenses reads: mixed, meta, classifier or expression.'
    }),
    'license-fail-on': input_kinds/* list */.p_({
        group: 'licenses',
        default: '',
        placeholder: 'LICENSES',
        description: 'Licenses that fail the step, separated by ";" (pip-licenses --fail-on). SPDX-aware.',
        parse: (value, name) => parseLicenseList(name, value)
    }),
    'license-allow-only': input_kinds/* list */.p_({
        group: 'licenses',
        default: '',
        placeholder: 'LICENSES',
        description: 'The only licenses allowed, separated by ";" (pip-licenses --allow-only). SPDX-aware: MIT OR GPL-3.0-only satisfies MIT.',
        parse: (value, name) => parseLicenseList(name, value)
    }),
    'license-partial-match': input_kinds/* boolean */.zM({
        group: 'licenses',
        default: 'false',
        description: 'Match licenses by substring (pip-licenses --partial-match).'
    }),
    'license-ignore-packages': input_kinds/* list */.p_({
        group: 'licenses',
        default: '',
        placeholder: 'NAME[:VERSION]',
        description: 'Packages whose license is not checked: name or name:version, separated by spaces, commas or lines.',
        parse: (value, name) => parseIgnorePackages(name, value)
    }),
    'license-fail-on-unknown': input_kinds/* boolean */.zM({
        group: 'licenses',
        default: 'false',
        description: 'Treat an UNKNOWN license as a violation.'
    }),
    'fail-on-license': input_kinds/* boolean */.zM({
        group: 'licenses',
        default: 'true',
        description: 'Fail the step on any license violation.'
    }),
    'package-checks': input_kinds/* choice */.Yq({
        group: 'package-health',
        default: 'auto',
        choices: ['auto', 'true', 'false'],
        description: 'Ask the package index about every pinned package (index-url, else PyPI, and each extra-index-url; one request per name, beside the advisory lookup): a name it does not know (a typo, or dependency confusion), a quarantined, archived or deprecated project (PEP 792), a yanked pin (PEP 592), a --hash or lockfile digest that no file of the release has. auto: on, except with advisory-db and no index-url, so an air-gapped run makes no request. true or false: always or never.'
    }),
    'fail-on-package-status': input_kinds/* list */.p_({
        group: 'package-health',
        default: 'not-found, quarantined, hash-mismatch',
        placeholder: 'KINDS',
        description: 'Package issues that fail the step, separated by commas or lines: not-found, quarantined, archived, deprecated, yanked, hash-mismatch, or none. The others are warnings.',
        parse: (value, name) => parsePackageIssueKinds(value, name)
    }),
    'package-check-ignore': input_kinds/* list */.p_({
        group: 'package-health',
        default: '',
        placeholder: 'NAME[==VERSION]',
        description: 'Package issues to accept, one per line: a name (every issue of that package) or name==version, optionally followed by "# reason". The config file takes [[package-check-ignore]] entries too, with an expiry date.',
        parse: (value, name) => (0,ignore/* parsePackageCheckIgnoreInput */.iv)(value, name)
    }),
    fix: {
        // A boolean to the CLI (--fix, --no-fix), with a third value: --fix=ranges.
        ...input_kinds/* boolean */.zM({
            group: 'fix',
            default: 'false',
            description: "Rewrite each vulnerable pin to its recommended version in the files that declare it (requirements files, -r includes, pyproject.toml), then audit again: the verdict is about what remains. Only version text changes; a --hash line gets the new release's digests from the index, or is left for you. Lockfiles are not rewritten: the command that upgrades each pin (uv lock --upgrade-package, poetry update, pdm update, pipenv upgrade, pip lock) is printed and put in the summary. A range that admits the fix is left alone; one that excludes it is widened only with ranges (to >=FIX plus the clauses that still admit FIX). true, false or ranges; writes fix-patch."
        }),
        parse: (value, name) => FIX_MODES[(0,values/* parseChoice */.HU)(name, value, ['false', 'true', 'ranges'])]
    },
    report: input_kinds/* path */.Ae({
        group: 'reports',
        default: '',
        placeholder: 'FILE',
        cliNote: 'none unless asked for here',
        description: "Where to write the JSON report (pip-audit's schema plus our keys). Default: pyaudit/pyaudit-report.json under RUNNER_TEMP."
    }),
    sbom: input_kinds/* path */.Ae({
        group: 'reports',
        default: '',
        placeholder: 'FILE',
        description: 'Where to write a CycloneDX 1.6 JSON SBOM (empty: none).'
    }),
    sarif: input_kinds/* path */.Ae({
        group: 'reports',
        default: '',
        placeholder: 'FILE',
        description: 'Where to write a SARIF 2.1.0 file for GitHub code scanning (empty: none).'
    }),
    'upload-artifact': input_kinds/* boolean */.zM({
        group: 'github',
        default: 'true',
        runnerOnly: { quiet: 'false' },
        description: 'Upload the report, SBOM, SARIF and full summary as a workflow artifact (a notice, not a failure, where there is no artifact service).'
    }),
    'artifact-name': input_kinds/* other */.F('text', {
        group: 'github',
        default: '',
        placeholder: 'NAME',
        runnerOnly: {},
        description: 'Name of the artifact. Default: unique per job and matrix leg.',
        parse: value => {
            if (value !== '')
                (0,artifact/* checkArtifactName */.CN)(value);
            return orUndefined(value);
        }
    }),
    'retention-days': input_kinds/* other */.F('days', {
        group: 'github',
        default: '',
        placeholder: 'DAYS',
        runnerOnly: {},
        description: 'Days to keep the artifact (empty: the repository default).',
        parse: (value, name) => (0,values/* parseRetentionDays */.l6)(name, value)
    }),
    comment: input_kinds/* choice */.Yq({
        group: 'github',
        default: 'never',
        choices: ['never', 'on-failure', 'always'],
        runnerOnly: { quiet: 'never' },
        description: 'Pull-request comment: never, on-failure or always. One comment per audit, updated in place.'
    }),
    'github-token': input_kinds/* secret */.rJ({
        group: 'github',
        default: '',
        runnerDefault: '${{ github.token }}',
        placeholder: 'TOKEN',
        runnerOnly: {},
        description: 'Token for the pull-request comment (needs pull-requests: write).'
    }),
    'dependency-track-url': input_kinds/* other */.F('text', {
        group: 'dependency-track',
        default: '',
        placeholder: 'URL',
        description: 'Base URL of a Dependency-Track API server: the SBOM is uploaded there (POST /api/v1/bom).',
        parse: value => (value === '' ? undefined : (0,inputs/* normalizeBaseUrl */.qT)(value))
    }),
    'dependency-track-api-key': input_kinds/* secret */.rJ({
        group: 'dependency-track',
        default: '',
        placeholder: 'KEY',
        cliNote: 'better in the DEPENDENCY_TRACK_API_KEY environment variable: a flag stays in shell history and in ps',
        description: 'Dependency-Track API key (BOM_UPLOAD, and PROJECT_CREATION_UPLOAD for auto-create). Masked.'
    }),
    'dependency-track-project': input_kinds/* text */.Qq({
        group: 'dependency-track',
        default: '',
        placeholder: 'NAME',
        cliNote: 'required outside a GitHub workflow run, unless the project UUID is given',
        description: 'Project name in Dependency-Track. Default: the repository (owner/name).'
    }),
    'dependency-track-version': input_kinds/* text */.Qq({
        group: 'dependency-track',
        default: '',
        placeholder: 'VERSION',
        description: 'Project version in Dependency-Track. Default: the branch or tag (pr-N for pull requests).'
    }),
    'dependency-track-project-uuid': input_kinds/* other */.F('text', {
        group: 'dependency-track',
        default: '',
        placeholder: 'UUID',
        description: 'Project UUID in Dependency-Track (instead of name and version).',
        parse: (value, name) => {
            if (value === '')
                return undefined;
            if (!inputs/* UUID_PATTERN */.JJ.test(value)) {
                throw new errors/* InputError */.dz(name, `expected a project UUID such as 3f1d0c2e-..., got '${(0,shared_text/* excerpt */.Kb)(value)}'`);
            }
            return value.toLowerCase();
        }
    }),
    'dependency-track-parent': input_kinds/* text */.Qq({
        group: 'dependency-track',
        default: '',
        placeholder: 'UUID|NAME',
        description: 'Parent project (UUID or name) for auto-created projects.'
    }),
    'dependency-track-auto-create': input_kinds/* boolean */.zM({
        group: 'dependency-track',
        default: 'true',
        description: 'Create the project when it does not exist.'
    }),
    'dependency-track-wait': input_kinds/* boolean */.zM({
        group: 'dependency-track',
        default: 'false',
        description: 'Wait for Dependency-Track to process the SBOM, then show its findings and policy violations in the summary.'
    }),
    'dependency-track-wait-timeout': input_kinds/* seconds */.YA({
        group: 'dependency-track',
        default: '300',
        min: 1,
        max: 999_999,
        description: 'Longest wait for processing, in seconds.'
    }),
    'request-timeout': input_kinds/* seconds */.YA({
        group: 'network',
        default: '60',
        min: 1,
        max: 3600,
        description: 'Longest time, in seconds, that one HTTP request may take from start to finish, headers and body included (a whole number from 1 to 3600).'
    })
};
/** The row of an input given by name, when there is one (the CLI looks flags up this way). */
function inputRow(name) {
    return Object.hasOwn(INPUTS, name) ? INPUTS[name] : undefined;
}
const INPUT_NAMES = Object.keys(INPUTS);
/**
 * Each input's parsed value, read when asked for: an input another one makes irrelevant (the
 * dependency-track-* inputs without a server) is never parsed. Values are trimmed; an empty
 * value takes the row's default.
 */
function inputValues(read) {
    return (name) => {
        const row = INPUTS[name];
        const value = read(name).trim();
        return row.parse(value === '' ? row.default : value, name);
    };
}


/***/ }),

/***/ 42784:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ nearest)
/* harmony export */ });
/* unused harmony export editDistance */
/**
 * "Did you mean ...?" for a mistyped option or value. The nearest candidate by edit distance
 * (a swap of two neighbouring letters counts as one edit, as in "hihg"), offered only when it
 * is close enough to be a typo and not a different word, or the only candidate that begins with what was typed.
 */
function nearest(word, candidates) {
    const typed = word.toLowerCase();
    // A unique abbreviation counts too: "crit" -> "critical".
    const completions = candidates.filter(candidate => candidate.toLowerCase().startsWith(typed));
    if (typed.length >= 3 && completions.length === 1)
        return completions[0];
    // One edit per three letters: "sevrity" -> "severity", but "nvd" is not a typo of "osv".
    const allowed = Math.max(1, Math.floor(typed.length / 3));
    let best;
    let bestDistance = allowed + 1;
    for (const candidate of candidates) {
        const distance = editDistance(typed, candidate.toLowerCase());
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best;
}
/**
 * Optimal string alignment distance: insertions, deletions, substitutions and transpositions
 * of adjacent characters. Written out rather than imported: it is these few lines, and the
 * inputs are flag names and choice words, never long.
 */
function editDistance(a, b) {
    const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let distance = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
                distance = Math.min(distance, rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = distance;
        }
    }
    return rows[a.length][b.length];
}


/***/ }),

/***/ 73750:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E1: () => (/* binding */ parseList),
/* harmony export */   F1: () => (/* binding */ parseAge),
/* harmony export */   HU: () => (/* binding */ parseChoice),
/* harmony export */   f$: () => (/* binding */ parseHttpUrl),
/* harmony export */   fL: () => (/* binding */ parseSeconds),
/* harmony export */   l6: () => (/* binding */ parseRetentionDays),
/* harmony export */   yG: () => (/* binding */ parseBoolean),
/* harmony export */   yn: () => (/* binding */ parsePythonVersion)
/* harmony export */ });
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58382);
/* harmony import */ var _shared_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(24646);
/* harmony import */ var _suggest_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(42784);



/**
 * Parsers for single input values. Each error is an InputError naming the input
 * (`Input 'name': ...`) and quoting a short, single-line excerpt of what it got.
 */
/** One item per line; blank lines and lines starting with '#' are ignored. */
function parseList(value) {
    return value
        .split(/\r?\n/)
        .map(line => line.trim())
        .filter(line => line !== '' && !line.startsWith('#'));
}
/** YAML 1.2 core schema booleans, as @actions/core's getBooleanInput accepts them. */
function parseBoolean(name, value) {
    if (['true', 'True', 'TRUE'].includes(value))
        return true;
    if (['false', 'False', 'FALSE'].includes(value))
        return false;
    throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `expected true or false, got '${(0,_shared_text_js__WEBPACK_IMPORTED_MODULE_1__/* .excerpt */ .Kb)(value)}'`);
}
/**
 * One of `choices` (case-insensitive), or an alias of one (`aliases` maps the alias to it).
 * A near miss is answered with the nearest accepted word.
 */
function parseChoice(name, value, choices, aliases = {}) {
    const wanted = value.trim().toLowerCase();
    const found = choices.find(choice => choice === wanted) ?? aliases[wanted];
    if (found !== undefined)
        return found;
    const suggestion = (0,_suggest_js__WEBPACK_IMPORTED_MODULE_2__/* .nearest */ .p)(wanted, [...choices, ...Object.keys(aliases)]);
    throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `expected one of ${choices.join(', ')}, got '${(0,_shared_text_js__WEBPACK_IMPORTED_MODULE_1__/* .excerpt */ .Kb)(value)}'` +
        (suggestion ? `; did you mean '${suggestion}'?` : ''));
}
function parseHttpUrl(name, value) {
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `'${(0,_shared_text_js__WEBPACK_IMPORTED_MODULE_1__/* .excerpt */ .Kb)((0,_shared_text_js__WEBPACK_IMPORTED_MODULE_1__/* .redactCredentials */ .UY)(value))}' is not a URL`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `expected an http(s) URL, got '${(0,_shared_text_js__WEBPACK_IMPORTED_MODULE_1__/* .excerpt */ .Kb)((0,_shared_text_js__WEBPACK_IMPORTED_MODULE_1__/* .redactCredentials */ .UY)(value))}'`);
    }
    return value.replace(/\/+$/, '');
}
function parsePythonVersion(name, value) {
    if (!/^3\.\d{1,2}(\.\d{1,2})?$/.test(value)) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `expected a Python 3 version such as 3.12 or 3.11.7, got '${(0,_shared_text_js__WEBPACK_IMPORTED_MODULE_1__/* .excerpt */ .Kb)(value)}'`);
    }
    return value;
}
/** A whole number of seconds from `min` to `max`. */
function parseSeconds(name, value, min, max) {
    const seconds = /^\d{1,9}$/.test(value) ? Number(value) : NaN;
    if (!(seconds >= min && seconds <= max)) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `expected a whole number of seconds from ${min} to ${max}, got '${(0,_shared_text_js__WEBPACK_IMPORTED_MODULE_1__/* .excerpt */ .Kb)(value)}'`);
    }
    return seconds;
}
const HOURS_PER_UNIT = { d: 24, h: 1, w: 7 * 24 };
/**
 * An age in days: `7` or `7d` (days), `36h` (hours), `2w` (weeks), up to 5 digits (a century
 * in days); `0` is zero, which the staleness check reads as "off".
 */
function parseAge(name, value) {
    const match = /^(\d{1,5}) ?([dhw]?)$/i.exec(value);
    if (match === null) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `expected a whole number of days (7 or 7d), hours (36h) or weeks (2w), or 0 to turn ` +
            `the check off; got '${(0,_shared_text_js__WEBPACK_IMPORTED_MODULE_1__/* .excerpt */ .Kb)(value)}'`);
    }
    const unit = (match[2] || 'd').toLowerCase();
    return (Number(match[1]) * HOURS_PER_UNIT[unit]) / 24;
}
/** Artifact retention: empty or 0 keeps the repository default (undefined). */
function parseRetentionDays(name, value) {
    if (value === '' || value === '0')
        return undefined;
    if (!/^\d+$/.test(value) || Number(value) > 400) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `expected a whole number of days from 1 to 90 (up to 400 where the repository allows ` +
            `it), got '${(0,_shared_text_js__WEBPACK_IMPORTED_MODULE_1__/* .excerpt */ .Kb)(value)}'`);
    }
    return Number(value);
}


/***/ }),

/***/ 98502:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  M: () => (/* binding */ DEFAULT_PYTHON_VERSION),
  _: () => (/* binding */ collectDependencies)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(58382);
// EXTERNAL MODULE: ./src/deps/detect.ts
var detect = __webpack_require__(5487);
// EXTERNAL MODULE: ./src/deps/limits.ts
var limits = __webpack_require__(81136);
// EXTERNAL MODULE: ./src/deps/markers.ts
var markers = __webpack_require__(39457);
// EXTERNAL MODULE: ./src/deps/formats.ts
var formats = __webpack_require__(52766);
;// CONCATENATED MODULE: ./src/deps/read-file.ts

/**
 * Reads one file with the reader its format needs. The TOML and lockfile readers load only
 * for the formats met: a requirements-only project never compiles them.
 */
async function readDependencyFile(detected, context) {
    const format = formats/* FILE_FORMATS */.G.find(candidate => candidate.format === detected.format);
    return format.read(detected.file, context);
}

// EXTERNAL MODULE: ./src/shared/paths.ts
var paths = __webpack_require__(40405);
;// CONCATENATED MODULE: ./src/deps/collect.ts








/** The Python version of a reference environment where one is needed (package checks, tests). */
const DEFAULT_PYTHON_VERSION = '3.12';
/**
 * Every dependency the options point at: files (read, or resolved with pip), and the
 * installed environment of `python` when no resolution is asked for. What runs Python (child
 * processes, wheel archives) loads only when `python` or `resolve: pip` asks for it.
 */
async function collectDependencies(options) {
    const { logger } = options;
    const directory = await promises_.stat(options.workingDirectory).catch(() => undefined);
    if (!directory?.isDirectory()) {
        throw new errors/* InputError */.dz('working-directory', `${options.workingDirectory} is not a directory`);
    }
    const readsEnvironment = options.python !== undefined && options.resolve === 'none';
    const markerEnvironment = (0,markers/* narrowedEnvironment */.gP)({
        ...(options.pythonVersion !== undefined && { pythonVersion: options.pythonVersion }),
        ...(options.platform !== undefined && { platform: options.platform })
    });
    const context = {
        ...(markerEnvironment && { markerEnvironment }),
        displayPath: (file) => (0,paths/* repositoryPath */.S)(file, options.workingDirectory),
        allowedRoots: await allowedRoots(options)
    };
    if (markerEnvironment)
        logger.info(`Auditing only what is installed on ${describeTarget(options)}`);
    const files = readsEnvironment && options.paths.length === 0 ? [] : await filesToRead(options);
    const reads = [];
    for (const detected of files)
        reads.push({ detected, fileRead: await readDependencyFile(detected, context) });
    // A file another one includes (-r) belongs to that one: reading it again would report it twice.
    const included = new Set(reads.flatMap(({ detected, fileRead }) => fileRead.filesRead.filter(file => file !== detected.file)));
    const seen = new Set();
    const sources = [];
    for (const { detected, fileRead } of reads) {
        if (included.has(detected.file) || seen.has(detected.file))
            continue;
        seen.add(detected.file);
        const resolvable = fileRead.requirements !== undefined || fileRead.declarations !== undefined;
        const source = options.resolve === 'pip' && resolvable
            ? await resolveWithPip(fileRead, options)
            : fileRead.source;
        logger.info(`${context.displayPath(detected.file)} (${source.format}): ${describeCounts(source)}`);
        sources.push(source);
        (0,limits/* checkRunDependencyCount */.Ss)(sources, context.displayPath);
    }
    if (readsEnvironment && options.python) {
        const { readEnvironment } = await Promise.all(/* import() */[__webpack_require__.e(663), __webpack_require__.e(514)]).then(__webpack_require__.bind(__webpack_require__, 12514));
        const environment = await readEnvironment(options.python, {
            cwd: options.workingDirectory,
            env: options.env,
            logger
        });
        logger.info(`Python environment ${environment.file}: ${environment.dependencies.length} installed distributions`);
        sources.push(environment);
        (0,limits/* checkRunDependencyCount */.Ss)(sources, context.displayPath);
    }
    if (sources.length === 0) {
        throw new errors/* PyauditError */.xE(`No dependency files found in ${options.workingDirectory}: set 'paths' to your requirements files or lockfiles, or 'python' to audit an environment`);
    }
    return sources;
}
/** "Python 3.12 on windows", "Python 3.9 (any platform)", "windows (any Python)". */
function describeTarget(options) {
    const { pythonVersion, platform } = options;
    if (pythonVersion === undefined)
        return `${platform} (any Python version)`;
    return `Python ${pythonVersion} ${platform ? `on ${platform}` : '(any platform)'}`;
}
async function resolveWithPip(fileRead, options) {
    const { resolveFile } = await __webpack_require__.e(/* import() */ 669).then(__webpack_require__.bind(__webpack_require__, 80669));
    return resolveFile(fileRead, {
        python: options.python ?? 'python3',
        ...(options.indexUrl ? { indexUrl: options.indexUrl } : {}),
        extraIndexUrls: options.extraIndexUrls,
        cwd: options.workingDirectory,
        env: options.env,
        logger: options.logger
    });
}
async function filesToRead(options) {
    if (options.paths.length === 0) {
        const found = await (0,detect/* detectDependencyFiles */._)(options.workingDirectory, options.logger);
        const names = found.map(f => (0,paths/* repositoryPath */.S)(f.file, options.workingDirectory)).join(', ');
        options.logger.info(`Detected ${found.length} dependency file(s) in ${options.workingDirectory}${names ? `: ${names}` : ''}`);
        return found;
    }
    const files = [];
    for (const target of options.paths) {
        const stat = await promises_.stat(target).catch(() => undefined);
        if (!stat) {
            throw new errors/* InputError */.dz('paths', `${(0,paths/* repositoryPath */.S)(target, options.workingDirectory)} does not exist`);
        }
        if (stat.isDirectory())
            files.push(...(await (0,detect/* detectDependencyFiles */._)(target, options.logger)));
        else
            files.push({ file: target, format: (0,detect/* formatOfFile */.f)(target) });
    }
    return files;
}
/** The repository, the working directory, and the directory of each path named explicitly. */
async function allowedRoots(options) {
    const roots = [
        options.repositoryRoot ?? options.workingDirectory,
        options.workingDirectory,
        ...options.paths.map(p => external_node_path_.dirname(p))
    ];
    const real = await Promise.all(roots.map(root => promises_.realpath(root).catch(() => external_node_path_.resolve(root))));
    return [...new Set(real)];
}
function describeCounts(source) {
    return `${source.dependencies.length} pinned, ${source.skipped.length} skipped`;
}


/***/ }),

/***/ 8778:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Eg: () => (/* reexport safe */ _limits_js__WEBPACK_IMPORTED_MODULE_2__.Eg),
/* harmony export */   FK: () => (/* binding */ isInside),
/* harmony export */   nN: () => (/* binding */ OUTSIDE_REASON),
/* harmony export */   zs: () => (/* binding */ readDependencyBytes)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(81136);



/**
 * Whether `realFile` (symlinks already resolved) lies inside one of `roots` (also real paths).
 * A pull request controls the dependency files: a symlink or an include through `..` must not
 * make the tool read, and quote in an error, a file outside the repository (a secret, a key).
 */
function isInside(realFile, roots) {
    return roots.some(root => {
        const relative = node_path__WEBPACK_IMPORTED_MODULE_1__.relative(root, realFile);
        return relative === '' || (!relative.startsWith('..') && !node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute(relative));
    });
}
const OUTSIDE_REASON = 'refusing to read it: it resolves (through a symlink or ..) to a file outside the repository';

/**
 * Reads a dependency file, refusing one over the size limit before reading it: a lockfile
 * "with ten million packages" is rejected at once instead of being parsed for minutes.
 */
async function readDependencyBytes(file) {
    const { size } = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(file);
    if (size > _limits_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_DEPENDENCY_FILE_BYTES */ .Eg) {
        throw Object.assign(new Error((0,_limits_js__WEBPACK_IMPORTED_MODULE_2__/* .fileSizeReason */ .MI)(size)), { code: 'EFBIG' });
    }
    return (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file);
}


/***/ }),

/***/ 5487:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ detectDependencyFiles),
/* harmony export */   f: () => (/* binding */ formatOfFile)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _formats_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(52766);



/** Directories that hold installed or vendored code, never a project's own declarations. */
const IGNORED_DIRECTORIES = new Set([
    '.git',
    'node_modules',
    '.venv',
    'venv',
    '.tox',
    '.nox',
    '__pycache__',
    'site-packages',
    '__pypackages__',
    '.mypy_cache',
    'build',
    'dist'
]);
const MAX_DEPTH = 6;
/** The format of a file the user named explicitly; anything unknown is read as requirements, as `pip -r` would. */
function formatOfFile(file) {
    const base = node_path__WEBPACK_IMPORTED_MODULE_1__.basename(file);
    return _formats_js__WEBPACK_IMPORTED_MODULE_2__/* .FILE_FORMATS */ .G.find(format => named(format, base))?.format ?? _formats_js__WEBPACK_IMPORTED_MODULE_2__/* .FALLBACK_FORMAT */ .H;
}
function named(format, base) {
    return format.names.some(pattern => pattern.test(base));
}
/** The files of one directory that detection reads as the formats of `role`. */
function filesOfRole(files, role) {
    const formats = _formats_js__WEBPACK_IMPORTED_MODULE_2__/* .FILE_FORMATS */ .G.filter(format => format.role === role);
    return files.filter(name => formats.some(format => named(format, name)));
}
/**
 * Finds the dependency files of every project below `root`. In one directory a lockfile
 * wins over the manifest it locks (pyproject.toml, also when pip-compile or uv compiled it
 * into a requirements*.txt), and a compiled requirements*.txt over its requirements*.in,
 * because the locked versions are what gets installed.
 */
async function detectDependencyFiles(root, logger) {
    const found = [];
    await walk(root, 0, found, logger);
    return found;
}
async function walk(dir, depth, found, logger) {
    const entries = await node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir(dir, { withFileTypes: true });
    const files = entries
        .filter(e => e.isFile())
        .map(e => e.name)
        .sort();
    const lockfiles = filesOfRole(files, 'lockfile');
    const requirements = filesOfRole(files, 'requirements');
    const compiled = new Set(requirements.filter(n => n.endsWith('.txt')).map(n => n.slice(0, -4)));
    for (const name of lockfiles)
        found.push({ file: node_path__WEBPACK_IMPORTED_MODULE_1__.join(dir, name), format: formatOfFile(name) });
    for (const name of filesOfRole(files, 'manifest')) {
        const pinnedBy = lockfiles.length > 0 ? lockfiles : await compiledFromPyproject(dir, requirements);
        if (pinnedBy.length > 0) {
            logger.info(`${node_path__WEBPACK_IMPORTED_MODULE_1__.join(dir, name)}: using ${pinnedBy.join(', ')} instead, which pins what it declares`);
        }
        else {
            found.push({ file: node_path__WEBPACK_IMPORTED_MODULE_1__.join(dir, name), format: formatOfFile(name) });
        }
    }
    for (const name of requirements) {
        if (name.endsWith('.in') && compiled.has(name.slice(0, -3))) {
            logger.info(`${node_path__WEBPACK_IMPORTED_MODULE_1__.join(dir, name)}: using ${name.slice(0, -3)}.txt instead, which pins what it declares`);
            continue;
        }
        found.push({ file: node_path__WEBPACK_IMPORTED_MODULE_1__.join(dir, name), format: formatOfFile(name) });
    }
    if (depth >= MAX_DEPTH)
        return;
    const subdirectories = entries
        .filter(e => e.isDirectory() && !IGNORED_DIRECTORIES.has(e.name) && !e.name.startsWith('.'))
        .map(e => e.name)
        .sort();
    for (const name of subdirectories)
        await walk(node_path__WEBPACK_IMPORTED_MODULE_1__.join(dir, name), depth + 1, found, logger);
}
/** Long enough for pip-compile's and uv's headers, which come first. */
const HEADER_BYTES = 4096;
const COMPILE_COMMAND = /^#\s+(?:pip-compile|uv pip compile)\b.*\bpyproject\.toml\b/m;
const COMPILED_HEADER = /^# This file (?:is|was) autogenerated by (?:pip-compile|uv)\b/m;
/**
 * The requirements*.txt files that pip-compile or `uv pip compile` wrote from this
 * directory's pyproject.toml, as their header says: they are its lockfile, and reading the
 * pyproject.toml as well would report each of its ranges as "not pinned".
 */
async function compiledFromPyproject(dir, requirements) {
    const compiled = [];
    for (const name of requirements.filter(n => n.endsWith('.txt'))) {
        const header = await readHeader(node_path__WEBPACK_IMPORTED_MODULE_1__.join(dir, name));
        if (COMPILED_HEADER.test(header) && COMPILE_COMMAND.test(header))
            compiled.push(name);
    }
    return compiled;
}
async function readHeader(file) {
    const handle = await node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.open(file, 'r');
    try {
        const buffer = Buffer.alloc(HEADER_BYTES);
        const { bytesRead } = await handle.read(buffer, 0, HEADER_BYTES, 0);
        return buffer.subarray(0, bytesRead).toString('utf8');
    }
    finally {
        await handle.close();
    }
}


/***/ }),

/***/ 52766:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ FILE_FORMATS),
/* harmony export */   H: () => (/* binding */ FALLBACK_FORMAT)
/* harmony export */ });
/* harmony import */ var _requirements_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(90617);

/** A lockfile format: named by `name`, read by the reader `load` gives on first use. */
function lockfile(format, name, load) {
    return {
        format,
        role: 'lockfile',
        names: [name],
        read: async (file, context) => {
            const read = await load();
            const options = {
                displayPath: context.displayPath,
                allowedRoots: context.allowedRoots,
                ...(context.markerEnvironment && { markerEnvironment: context.markerEnvironment })
            };
            return { source: await read(file, options), filesRead: [file] };
        }
    };
}
/** Every format, lockfiles first: a file named explicitly is the first format whose names match. */
const FILE_FORMATS = [
    lockfile('pylock.toml', /^pylock(\.[^.]+)?\.toml$/, async () => (await Promise.all(/* import() */[__webpack_require__.e(292), __webpack_require__.e(740), __webpack_require__.e(392)]).then(__webpack_require__.bind(__webpack_require__, 53392))).readPylock),
    lockfile('uv.lock', /^uv\.lock$/, async () => (await Promise.all(/* import() */[__webpack_require__.e(292), __webpack_require__.e(740), __webpack_require__.e(440)]).then(__webpack_require__.bind(__webpack_require__, 82440))).readUvLock),
    lockfile('poetry.lock', /^poetry\.lock$/, async () => (await Promise.all(/* import() */[__webpack_require__.e(292), __webpack_require__.e(740), __webpack_require__.e(925)]).then(__webpack_require__.bind(__webpack_require__, 3925))).readPoetryLock),
    lockfile('pdm.lock', /^pdm\.lock$/, async () => (await Promise.all(/* import() */[__webpack_require__.e(292), __webpack_require__.e(740), __webpack_require__.e(305)]).then(__webpack_require__.bind(__webpack_require__, 91305))).readPdmLock),
    lockfile('Pipfile.lock', /^Pipfile\.lock$/, async () => (await Promise.all(/* import() */[__webpack_require__.e(292), __webpack_require__.e(740), __webpack_require__.e(165)]).then(__webpack_require__.bind(__webpack_require__, 11165))).readPipfileLock),
    { format: 'pyproject', role: 'manifest', names: [/^pyproject\.toml$/], read: readPyprojectFile },
    {
        format: 'requirements',
        role: 'requirements',
        names: [/^requirements.*\.(txt|in)$/i, /^(dev|test|constraints)-?requirements.*\.txt$/i],
        read: readRequirementsFile
    }
];
/** How a file named explicitly is read when no format claims its name, as `pip -r` would. */
const FALLBACK_FORMAT = 'requirements';
/** Requirements files are the common case: their reader is loaded with this module. */
async function readRequirementsFile(file, context) {
    const parsed = await (0,_requirements_js__WEBPACK_IMPORTED_MODULE_0__/* .parseRequirementsFile */ .w)(file, {
        ...(context.markerEnvironment && { markerEnvironment: context.markerEnvironment }),
        displayPath: context.displayPath,
        allowedRoots: context.allowedRoots
    });
    return {
        source: (0,_requirements_js__WEBPACK_IMPORTED_MODULE_0__/* .requirementsToSource */ .r)(parsed, file),
        filesRead: parsed.files,
        requirements: parsed.lines,
        indexOptions: parsed.options
    };
}
async function readPyprojectFile(file, context) {
    const { readPyproject } = await Promise.all(/* import() */[__webpack_require__.e(292), __webpack_require__.e(740), __webpack_require__.e(796)]).then(__webpack_require__.bind(__webpack_require__, 31796));
    const { source, requirements } = await readPyproject(file, {
        displayPath: context.displayPath,
        allowedRoots: context.allowedRoots,
        ...(context.markerEnvironment && { markerEnvironment: context.markerEnvironment })
    });
    return { source, filesRead: [file], declarations: requirements };
}


/***/ }),

/***/ 81136:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Eg: () => (/* binding */ MAX_DEPENDENCY_FILE_BYTES),
/* harmony export */   Jc: () => (/* binding */ MAX_MARKER_COMPARISONS),
/* harmony export */   KX: () => (/* binding */ MAX_JSON_DEPTH),
/* harmony export */   MI: () => (/* binding */ fileSizeReason),
/* harmony export */   Ss: () => (/* binding */ checkRunDependencyCount),
/* harmony export */   Z_: () => (/* binding */ MAX_TOML_ITEMS),
/* harmony export */   aG: () => (/* binding */ dependencyGroupsReason),
/* harmony export */   ay: () => (/* binding */ jsonDepthReason),
/* harmony export */   b6: () => (/* binding */ checkFileDependencyCount),
/* harmony export */   bi: () => (/* binding */ tomlItemsReason),
/* harmony export */   hx: () => (/* binding */ markerComparisonsReason),
/* harmony export */   u_: () => (/* binding */ MAX_DEPENDENCY_GROUPS)
/* harmony export */ });
/* unused harmony exports MAX_DEPENDENCIES, MEBIBYTES */
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58382);
/**
 * What one run reads, at most. Dependency files come from whoever opened the pull request: past
 * these limits a run is refused at once, naming the file and the limit, instead of running for
 * minutes and dying out of memory. No real project comes near them (README, "Limits").
 */

/**
 * One dependency file, and a requirements file with everything it includes. A 5,000-package
 * uv.lock is about 12 MiB, most of it wheel lists.
 */
const MAX_DEPENDENCY_FILE_BYTES = 16 * 2 ** 20;
/**
 * Dependencies (pinned or skipped) in one run, all files together; for a requirements file, its
 * lines (requirements, options and includes).
 */
const MAX_DEPENDENCIES = 100_000;
/**
 * Keys, tables and values of one TOML document, as tomlItemCount counts them (after a lockfile's
 * artifact lists are blanked). Lockfiles as the tools write them have 12 to 20 a package, so
 * about 140,000 at the file size limit; the parser (and a pyproject's position scan) take
 * under half a second for this many.
 */
const MAX_TOML_ITEMS = 200_000;
/** Nesting of a JSON document (Pipfile.lock is four deep). */
const MAX_JSON_DEPTH = 64;
/**
 * Different marker comparisons (variable, operator, value) evaluated for one file. Each costs a
 * full PEP 440 parse; a file repeats the same few (`python_version < "3.11"`).
 */
const MAX_MARKER_COMPARISONS = 2_000;
/**
 * PEP 735 dependency groups in one pyproject.toml (a project has a handful). A requirement is
 * labelled with every group that includes its own, so labels grow with the square of this.
 */
const MAX_DEPENDENCY_GROUPS = 100;
const count = (n) => n.toLocaleString('en-US');
const MEBIBYTES = (bytes) => `${Math.round(bytes / 2 ** 20)} MiB`;
/** The reason a file over MAX_DEPENDENCY_FILE_BYTES is refused, without reading it. */
function fileSizeReason(bytes, what = 'the file') {
    return `${what} is ${MEBIBYTES(bytes)}, over the ${MEBIBYTES(MAX_DEPENDENCY_FILE_BYTES)} limit`;
}
/**
 * Refuses a file that declares more than MAX_DEPENDENCIES (`declared` so far, at `position`);
 * `what` they are where they are not simply dependencies.
 */
function checkFileDependencyCount(declared, position, what = 'dependencies') {
    if (declared <= MAX_DEPENDENCIES)
        return;
    throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ParseError */ .mB(position, `refusing to read it: more than ${count(MAX_DEPENDENCIES)} ${what}, the limit for one run`);
}
/**
 * Refuses the run once the files read so far declare more than MAX_DEPENDENCIES together,
 * naming the file that went over; called as each file's dependencies are collected.
 */
function checkRunDependencyCount(sources, displayPath) {
    let total = 0;
    for (const source of sources)
        total += source.dependencies.length + source.skipped.length;
    if (total <= MAX_DEPENDENCIES)
        return;
    const last = sources[sources.length - 1];
    const before = sources.length - 1;
    const files = before === 0
        ? 'it has'
        : `with the ${before === 1 ? 'file' : `${before} files`} before it, it makes`;
    throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ParseError */ .mB({ file: displayPath(last.file) }, `refusing to audit it: ${files} ${count(total)} dependencies, over the limit of ${count(MAX_DEPENDENCIES)} in one run`);
}
/** The reason a TOML document over MAX_TOML_ITEMS is refused. */
function tomlItemsReason() {
    return `refusing to parse it: more than ${count(MAX_TOML_ITEMS)} TOML keys, tables and values, the limit for one file (a lockfile a tool writes has far fewer)`;
}
/** The reason a pyproject.toml with more than MAX_DEPENDENCY_GROUPS groups is refused. */
function dependencyGroupsReason() {
    return `refusing to read it: more than ${count(MAX_DEPENDENCY_GROUPS)} dependency groups, the limit for one file`;
}
/** The reason a JSON document nested deeper than MAX_JSON_DEPTH is refused. */
function jsonDepthReason() {
    return `refusing to parse it: JSON nested more than ${MAX_JSON_DEPTH} levels deep`;
}
/** The reason a file whose markers need more than MAX_MARKER_COMPARISONS is refused. */
function markerComparisonsReason() {
    return `refusing to read it: more than ${count(MAX_MARKER_COMPARISONS)} different marker comparisons, the limit for one file`;
}


/***/ }),

/***/ 67000:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T_: () => (/* binding */ anyOfMarkers),
/* harmony export */   iA: () => (/* binding */ allOfMarkers),
/* harmony export */   rI: () => (/* binding */ conditionOf),
/* harmony export */   x0: () => (/* binding */ normalizeMarkerText)
/* harmony export */ });
/**
 * Markers as text: what a conditional pin carries (`Dependency.marker`) and what reports show
 * next to its findings. Markers are kept as written, whitespace normalised; markers met together
 * are joined, never simplified.
 */
/** Quoted strings (kept as they are), whitespace, operators, parentheses, words. */
const TOKEN = /("[^"]*"?|'[^']*'?)|(\s+)|([<>=!~]+)|([()])|([^\s"'<>=!~()]+)/g;
/**
 * The marker with its whitespace normalised: one space between tokens and around operators,
 * none inside parentheses; quoted strings untouched. `os_name=="nt"` becomes `os_name == "nt"`.
 */
function normalizeMarkerText(marker) {
    const parts = [];
    let previous = '';
    for (const match of marker.matchAll(TOKEN)) {
        if (match[2] !== undefined)
            continue;
        const token = match[0];
        if (parts.length > 0 && previous !== '(' && token !== ')')
            parts.push(' ');
        parts.push(token);
        previous = token;
    }
    return parts.join('');
}
/** A marker that holds where any of `markers` holds (none: undefined). */
function anyOfMarkers(markers) {
    const distinct = [...new Set(markers)];
    if (distinct.length <= 1)
        return distinct[0];
    return distinct.map(marker => (/\s(and|or)\s/.test(marker) ? `(${marker})` : marker)).join(' or ');
}
/** A marker that holds where all of `markers` hold (none: undefined, always). */
function allOfMarkers(markers) {
    const distinct = [...new Set(markers)];
    if (distinct.length <= 1)
        return distinct[0];
    return distinct.map(marker => (/\sor\s/.test(marker) ? `(${marker})` : marker)).join(' and ');
}
/**
 * The condition under which a package is installed, from the pins that declare it: where any
 * of their markers holds; undefined when one of them is unconditional (or there are none).
 */
function conditionOf(declarations) {
    const markers = [];
    for (const declaration of declarations) {
        if (declaration.marker === undefined)
            return undefined;
        markers.push(declaration.marker);
    }
    return anyOfMarkers(markers);
}


/***/ }),

/***/ 39457:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   UZ: () => (/* binding */ evaluateMarker),
/* harmony export */   gP: () => (/* binding */ narrowedEnvironment),
/* harmony export */   hX: () => (/* binding */ markerEnvironmentFor),
/* harmony export */   lR: () => (/* binding */ MarkerComparisons),
/* harmony export */   uK: () => (/* binding */ MarkerLimitError)
/* harmony export */ });
/* harmony import */ var _renovatebot_pep440__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(68898);
/* harmony import */ var _renovatebot_pep440__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(_renovatebot_pep440__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(58382);
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(81136);
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(96498);
/* harmony import */ var _platforms_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(44582);
/* harmony import */ var _requirements_syntax_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(91770);
/**
 * PEP 508 environment markers evaluated for a target, which need not be the machine running
 * this tool. A target may fix only some variables (a Python version, a platform): a comparison
 * of a variable it leaves open may hold, so it counts as true. Markers have no negation, so a
 * marker then holds when it holds for some value of the open variables, and narrowing to a
 * target never drops a pin that the target could install.
 */







/**
 * The environment an audit is narrowed to, or undefined when neither a Python version nor a
 * platform is asked for: then every pin is audited whatever its marker. A version 'X.Y' fixes
 * python_version and leaves the micro version open (python_full_version may be any X.Y.z); the
 * implementation, machine and kernel stay open.
 */
function narrowedEnvironment(target) {
    const { pythonVersion, platform } = target;
    if (pythonVersion === undefined && platform === undefined)
        return undefined;
    const environment = platform ? { ..._platforms_js__WEBPACK_IMPORTED_MODULE_3__/* .PLATFORM_VARIABLES */ .i[platform] } : {};
    if (pythonVersion !== undefined) {
        const full = markerEnvironmentFor(pythonVersion);
        environment.python_version = full.python_version;
        if (!/^\d+\.\d+$/.test(pythonVersion))
            environment.python_full_version = full.python_full_version;
    }
    return environment;
}
const RELEASE_LEVEL_LETTER = { a: 'a', b: 'b', rc: 'c' };
/**
 * CPython on Linux x86_64 for `pythonVersion` ('3.12' or '3.12.4'; '3.12' means 3.12.0). The
 * kernel release and version of the target cannot be known, so they are '' as PEP 508 prescribes
 * for undeterminable values.
 */
function markerEnvironmentFor(pythonVersion) {
    const match = /^(\d+)\.(\d+)(?:\.(\d+)(?:(a|b|rc)(\d+))?)?$/.exec(pythonVersion);
    if (!match) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('python-version', `expected a Python version such as 3.12 or 3.12.4, got ${(0,_requirements_syntax_js__WEBPACK_IMPORTED_MODULE_4__/* .excerpt */ .Kb)(pythonVersion)}`);
    }
    const [, major, minor, micro = '0', level, serial] = match;
    const release = `${Number(major)}.${Number(minor)}.${Number(micro)}`;
    return {
        python_version: `${Number(major)}.${Number(minor)}`,
        python_full_version: level ? `${release}${level}${serial}` : release,
        os_name: 'posix',
        sys_platform: 'linux',
        platform_system: 'Linux',
        platform_machine: 'x86_64',
        platform_release: '',
        platform_version: '',
        platform_python_implementation: 'CPython',
        implementation_name: 'cpython',
        // sys.implementation.version formatted as packaging does: 3.13.0rc1 -> 3.13.0c1
        implementation_version: level ? `${release}${RELEASE_LEVEL_LETTER[level]}${serial}` : release
    };
}
/** More different comparisons than a MarkerComparisons allows (see MAX_MARKER_COMPARISONS). */
class MarkerLimitError extends Error {
    name = 'MarkerLimitError';
}
/**
 * The results of the comparisons met in one file, for one environment. A comparison costs two
 * PEP 440 parses (~25 us): a file repeats the same few, and a hostile one with a million
 * different ones is refused at the limit instead of evaluated for half a minute.
 */
class MarkerComparisons {
    limit;
    results = new Map();
    constructor(limit = _limits_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_MARKER_COMPARISONS */ .Jc) {
        this.limit = limit;
    }
    get(key, evaluate) {
        let result = this.results.get(key);
        if (result === undefined) {
            if (this.results.size >= this.limit)
                throw new MarkerLimitError();
            result = evaluate();
            this.results.set(key, result);
        }
        return result;
    }
}
/**
 * PEP 508 evaluation: 'and' binds tighter than 'or'; comparisons use PEP 440 when the
 * environment value is a version and `op value` is a valid version specifier, and Python string
 * comparison otherwise. `extra` defaults to '' as pip uses when no extra is requested; null is a
 * lockfile's marker, where `extra`, `extras` and `dependency_groups` may be anything (every extra
 * and group is audited). A variable `env` leaves open holds (see the module comment). Throws
 * RequirementSyntaxError (column in `marker`) on bad syntax or a comparison PEP 508 leaves
 * undefined, whatever `env` fixes. `comparisons` remembers results across the markers of one
 * file (same `env` for all).
 */
function evaluateMarker(marker, env, extra = '', comparisons = new MarkerComparisons()) {
    const cursor = new _requirements_syntax_js__WEBPACK_IMPORTED_MODULE_4__/* .Cursor */ .bs(marker);
    const steps = (0,_requirements_syntax_js__WEBPACK_IMPORTED_MODULE_4__/* .parseMarkerToEnd */ .EN)(cursor);
    const stack = [];
    const normalizedExtra = extra === null ? null : (0,_names_js__WEBPACK_IMPORTED_MODULE_5__/* .normalizeName */ .P)(extra);
    // Every comparison is evaluated (no short-circuit), so an invalid one fails whatever the rest says.
    for (const step of steps) {
        if (step.kind === 'compare') {
            const key = comparisonKey(step, normalizedExtra);
            stack.push(comparisons.get(key, () => compare(step, env, normalizedExtra)));
        }
        else {
            const right = stack.pop();
            const left = stack.pop();
            stack.push(step.kind === 'and' ? left && right : left || right);
        }
    }
    return stack[0];
}
/** What a comparison's result depends on besides the environment: its operands, and the extra. */
function comparisonKey(step, extra) {
    const usesExtra = [step.left, step.right].some(v => 'variable' in v && v.variable === 'extra');
    return JSON.stringify([step.op, step.left, step.right, usesExtra ? extra : null]);
}
/** A comparison of an open variable is checked against this, so its errors never depend on the target. */
let reference;
/**
 * Versions X.Y.z that stand for every micro version of `pythonVersion` ('X.Y') in one comparison
 * with `literal`: what one specifier admits is an interval, so its ends and the literal decide.
 */
function microVersions(pythonVersion, literal) {
    const candidates = [`${pythonVersion}.0`, `${pythonVersion}.999999`];
    if (literal.startsWith(`${pythonVersion}.`) && (0,_renovatebot_pep440__WEBPACK_IMPORTED_MODULE_0__.valid)(literal) !== null)
        candidates.push(literal);
    return candidates;
}
function compare(step, env, extra) {
    const { left, right, op, column } = step;
    if ('variable' in left === 'variable' in right) {
        throw new _requirements_syntax_js__WEBPACK_IMPORTED_MODULE_4__/* .RequirementSyntaxError */ .tL('a marker comparison needs one variable and one quoted string', column);
    }
    const variable = 'variable' in left ? left.variable : 'variable' in right ? right.variable : '';
    const literal = 'literal' in left ? left.literal : 'literal' in right ? right.literal : '';
    if (variable === 'extras' || variable === 'dependency_groups') {
        if (extra === null)
            return true;
        throw new _requirements_syntax_js__WEBPACK_IMPORTED_MODULE_4__/* .RequirementSyntaxError */ .tL(`the marker variable '${variable}' is only defined in lock files, not in requirements`, column);
    }
    if (variable === 'extra') {
        if (extra !== null)
            return compareWith(step, extra);
        compareWith(step, '');
        return true;
    }
    const value = env[variable];
    if (value !== undefined)
        return compareWith(step, value);
    if (variable === 'python_full_version' && env.python_version !== undefined) {
        if (op === 'in' || op === 'not in')
            return true;
        return microVersions(env.python_version, literal).some(v => compareWith(step, v));
    }
    reference ??= markerEnvironmentFor('3.12');
    compareWith(step, reference[variable]);
    return true;
}
/** One comparison with `value` as its variable's value. */
function compareWith(step, value) {
    const { left, right, op, column } = step;
    const fail = (message) => {
        throw new _requirements_syntax_js__WEBPACK_IMPORTED_MODULE_4__/* .RequirementSyntaxError */ .tL(message, column);
    };
    const isExtra = 'variable' in left
        ? left.variable === 'extra'
        : 'variable' in right && right.variable === 'extra';
    const lookup = (side) => {
        if ('literal' in side)
            return isExtra ? (0,_names_js__WEBPACK_IMPORTED_MODULE_5__/* .normalizeName */ .P)(side.literal) : side.literal;
        return value;
    };
    const lhs = lookup(left);
    const rhs = lookup(right);
    if (op === 'in')
        return rhs.includes(lhs);
    if (op === 'not in')
        return !rhs.includes(lhs);
    // One specifier, as packaging builds it: a comma would make the library read a specifier set.
    if (!isExtra && !rhs.includes(',') && (0,_renovatebot_pep440__WEBPACK_IMPORTED_MODULE_0__.valid)(lhs) !== null && (0,_renovatebot_pep440__WEBPACK_IMPORTED_MODULE_0__.validRange)(op + rhs)) {
        return (0,_renovatebot_pep440__WEBPACK_IMPORTED_MODULE_0__.satisfies)(lhs, op + rhs, { prereleases: true });
    }
    switch (op) {
        case '==':
            return lhs === rhs;
        case '!=':
            return lhs !== rhs;
        case '<':
            return lhs < rhs;
        case '<=':
            return lhs <= rhs;
        case '>':
            return lhs > rhs;
        case '>=':
            return lhs >= rhs;
        default:
            return fail(`'${op}' needs PEP 440 versions on both sides, not ${(0,_requirements_syntax_js__WEBPACK_IMPORTED_MODULE_4__/* .excerpt */ .Kb)(lhs)} and ${(0,_requirements_syntax_js__WEBPACK_IMPORTED_MODULE_4__/* .excerpt */ .Kb)(rhs)}`);
    }
}


/***/ }),

/***/ 96498:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ normalizeName)
/* harmony export */ });
/** PEP 503 name normalisation: lowercase, every run of '-', '_' and '.' becomes one '-'. */
function normalizeName(name) {
    return name.replace(/[-_.]+/g, '-').toLowerCase();
}


/***/ }),

/***/ 22048:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V2: () => (/* binding */ pinnedVersion),
/* harmony export */   pP: () => (/* binding */ parseRequirement),
/* harmony export */   tL: () => (/* reexport safe */ _requirements_syntax_js__WEBPACK_IMPORTED_MODULE_0__.tL)
/* harmony export */ });
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(96498);
/* harmony import */ var _requirements_syntax_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(91770);
/**
 * PEP 508 dependency specifiers, as packaging (and so pip) reads them: a hand-written,
 * single-pass scanner that reports 1-based columns and runs in linear time on any input.
 */



function parseRequirement(text) {
    const cursor = new _requirements_syntax_js__WEBPACK_IMPORTED_MODULE_0__/* .Cursor */ .bs(text); // annotated so that fail() narrows
    cursor.skipSpace();
    const name = (0,_requirements_syntax_js__WEBPACK_IMPORTED_MODULE_0__/* .readIdentifier */ .yR)(cursor);
    if (name === undefined)
        cursor.fail('expected a package name at the start of the requirement');
    cursor.skipSpace();
    const extras = cursor.peek() === '[' ? parseExtras(cursor) : [];
    cursor.skipSpace();
    const requirement = {
        name,
        normalizedName: (0,_names_js__WEBPACK_IMPORTED_MODULE_1__/* .normalizeName */ .P)(name),
        extras,
        specifier: ''
    };
    if (cursor.peek() === '@') {
        cursor.pos++;
        cursor.skipSpace();
        const urlStart = cursor.pos;
        while (!cursor.atEnd && cursor.peek() !== ' ' && cursor.peek() !== '\t')
            cursor.pos++;
        if (cursor.pos === urlStart)
            cursor.fail("expected a URL after '@'");
        requirement.url = text.slice(urlStart, cursor.pos);
        cursor.skipSpace();
        if (!cursor.atEnd && cursor.peek() !== ';') {
            cursor.fail("expected ';' (before a marker) or the end of the requirement after the URL");
        }
    }
    else {
        requirement.specifier = parseSpecifier(cursor);
        cursor.skipSpace();
        if (!cursor.atEnd && cursor.peek() !== ';') {
            if (cursor.peek() === '=')
                cursor.fail("'=' is not a version operator; did you mean '=='?");
            cursor.fail(requirement.specifier
                ? "expected ',' (between version specifiers), ';' (before a marker) or the end of the requirement"
                : "expected a version specifier, '[', '@', ';' or the end of the requirement after the name");
        }
    }
    if (cursor.peek() === ';') {
        cursor.pos++;
        const markerStart = cursor.pos;
        cursor.skipSpace();
        if (cursor.atEnd)
            cursor.fail("expected a marker after ';'");
        (0,_requirements_syntax_js__WEBPACK_IMPORTED_MODULE_0__/* .parseMarkerToEnd */ .EN)(cursor);
        requirement.marker = text.slice(markerStart).trim();
    }
    return requirement;
}
function parseExtras(cursor) {
    const open = cursor.pos++;
    const extras = [];
    cursor.skipSpace();
    const first = (0,_requirements_syntax_js__WEBPACK_IMPORTED_MODULE_0__/* .readIdentifier */ .yR)(cursor);
    if (first !== undefined) {
        extras.push(first);
        for (;;) {
            cursor.skipSpace();
            if (cursor.peek() !== ',')
                break;
            cursor.pos++;
            cursor.skipSpace();
            const extra = (0,_requirements_syntax_js__WEBPACK_IMPORTED_MODULE_0__/* .readIdentifier */ .yR)(cursor);
            if (extra === undefined)
                cursor.fail("expected an extra name after ','");
            extras.push(extra);
        }
    }
    if (cursor.peek() !== ']') {
        if ((0,_requirements_syntax_js__WEBPACK_IMPORTED_MODULE_0__/* .readIdentifier */ .yR)(new _requirements_syntax_js__WEBPACK_IMPORTED_MODULE_0__/* .Cursor */ .bs(cursor.text, cursor.pos)))
            cursor.fail("expected ',' between extras");
        cursor.fail(`expected ']' to close the extras opened at column ${open + 1}`);
    }
    cursor.pos++;
    return extras;
}
const OPERATORS = ['===', '==', '~=', '!=', '<=', '>=', '<', '>'];
const RELEASE = 'v?(?:[0-9]+!)?[0-9]+(?:\\.[0-9]+)*';
const PRE_POST_DEV = '(?:[-_.]?(?:alpha|beta|preview|pre|a|b|c|rc)[-_.]?[0-9]*)?' +
    '(?:-[0-9]+|[-_.]?(?:post|rev|r)[-_.]?[0-9]*)?' +
    '(?:[-_.]?dev[-_.]?[0-9]*)?';
const LOCAL = '(?:\\+[a-z0-9]+(?:[-_.][a-z0-9]+)*)?';
/** packaging's specifier grammar, one pattern per operator family. */
const VERSION_PATTERNS = {
    equality: new RegExp(`^${RELEASE}(?:\\.\\*|${PRE_POST_DEV}${LOCAL})$`, 'i'),
    compatible: new RegExp(`^v?(?:[0-9]+!)?[0-9]+(?:\\.[0-9]+)+${PRE_POST_DEV}$`, 'i'),
    ordered: new RegExp(`^${RELEASE}${PRE_POST_DEV}$`, 'i')
};
function startsWithOperator(cursor) {
    return OPERATORS.find(op => cursor.text.startsWith(op, cursor.pos));
}
/** `('(' version_many ')') | version_many`, returned without whitespace or parentheses. */
function parseSpecifier(cursor) {
    const open = cursor.peek() === '(' ? cursor.pos++ : -1;
    cursor.skipSpace();
    const clauses = [];
    for (let op = startsWithOperator(cursor); op !== undefined;) {
        cursor.pos += op.length;
        cursor.skipSpace();
        clauses.push(...(op === '===' ? readArbitrary(cursor) : [op + readVersion(cursor, op)]));
        cursor.skipSpace();
        if (cursor.peek() !== ',')
            break;
        const comma = cursor.pos++;
        cursor.skipSpace();
        op = startsWithOperator(cursor);
        // PEP 508 (and pip before 24.1) wants a specifier after every comma; packaging 22+ does not.
        if (op === undefined)
            failAfterComma(cursor, comma);
    }
    if (open >= 0) {
        if (clauses.length === 0 && cursor.peek() !== ')')
            cursor.fail("expected a version specifier after '('");
        cursor.skipSpace();
        if (cursor.peek() !== ')')
            cursor.fail(`expected ')' to close the '(' at column ${open + 1}`);
        cursor.pos++;
    }
    return clauses.join(',');
}
function failAfterComma(cursor, comma) {
    const next = cursor.peek();
    if (next === '=')
        cursor.fail("'=' is not a version operator; did you mean '=='?");
    if (cursor.atEnd || next === ';' || next === ')') {
        cursor.fail("a trailing ',' is not allowed: remove it, or add a version specifier after it", comma);
    }
    return cursor.fail("expected a version specifier (such as '>=1.0') after ','");
}
function readVersion(cursor, op) {
    const { text } = cursor;
    const start = cursor.pos;
    VERSION_CHARS.lastIndex = start;
    const version = VERSION_CHARS.exec(text)?.[0] ?? '';
    cursor.pos += version.length;
    if (version === '')
        cursor.fail(`expected a version after '${op}'`);
    checkVersion(cursor, op, version, start);
    const next = cursor.peek();
    if (!cursor.atEnd && !' \t,;)'.includes(next)) {
        cursor.fail(`unexpected ${(0,_requirements_syntax_js__WEBPACK_IMPORTED_MODULE_0__/* .excerpt */ .Kb)(next)} after the version ${(0,_requirements_syntax_js__WEBPACK_IMPORTED_MODULE_0__/* .excerpt */ .Kb)(version)}`);
    }
    return version;
}
const VERSION_CHARS = /[A-Za-z0-9.!+_*-]*/y;
const ARBITRARY_RUN = /[^\s;)]*/y;
/**
 * packaging reads '===' with any run of text up to whitespace, ';' or ')', commas included (even
 * an empty one), and its SpecifierSet then splits the run at commas: each non-empty part after a
 * comma must be a specifier of its own.
 */
function readArbitrary(cursor) {
    const start = cursor.pos;
    ARBITRARY_RUN.lastIndex = start;
    const run = ARBITRARY_RUN.exec(cursor.text)?.[0] ?? '';
    cursor.pos += run.length;
    const [version = '', ...rest] = run.split(',');
    const clauses = [`===${version}`];
    let offset = start + version.length + 1;
    for (const part of rest) {
        if (part !== '') {
            const op = OPERATORS.find(candidate => part.startsWith(candidate));
            if (op === undefined)
                cursor.fail("expected a version specifier (such as '>=1.0') after ','", offset);
            if (op !== '===')
                checkVersion(cursor, op, part.slice(op.length), offset + op.length);
            clauses.push(part);
        }
        offset += part.length + 1;
    }
    return clauses;
}
function checkVersion(cursor, op, version, at) {
    if (version === '')
        cursor.fail(`expected a version after '${op}'`, at);
    const family = op === '==' || op === '!=' ? 'equality' : op === '~=' ? 'compatible' : 'ordered';
    if (!VERSION_PATTERNS[family].test(version))
        cursor.fail(versionProblem(op, version), at);
}
function versionProblem(op, version) {
    const family = op === '==' || op === '!=' ? 'equality' : 'other';
    if (family !== 'equality' && version.endsWith('.*')) {
        return `'.*' wildcards are only allowed with '==' and '!=', not '${op}'`;
    }
    if (family !== 'equality' && version.includes('+')) {
        return `local versions ('+...') are only allowed with '==' and '!=', not '${op}'`;
    }
    if (op === '~=' && VERSION_PATTERNS.ordered.test(version)) {
        return `'~=' needs at least two release numbers (such as '~=1.4'), not ${(0,_requirements_syntax_js__WEBPACK_IMPORTED_MODULE_0__/* .excerpt */ .Kb)(version)}`;
    }
    return `${(0,_requirements_syntax_js__WEBPACK_IMPORTED_MODULE_0__/* .excerpt */ .Kb)(version)} is not a valid PEP 440 version for '${op}'`;
}
/** The exact version a specifier pins: '==X' without wildcard or '===X'; undefined otherwise. */
function pinnedVersion(specifier) {
    const exact = new Set();
    for (const clause of specifier.split(',')) {
        const trimmed = clause.trim();
        const version = trimmed.startsWith('===')
            ? trimmed.slice(3).trim()
            : trimmed.startsWith('==') && !trimmed.endsWith('.*')
                ? trimmed.slice(2).trim()
                : undefined;
        if (version)
            exact.add(version);
    }
    // Two different exact clauses pin nothing installable; leave that to the caller as unpinned.
    return exact.size === 1 ? [...exact][0] : undefined;
}


/***/ }),

/***/ 44582:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ TARGET_PLATFORMS),
/* harmony export */   i: () => (/* binding */ PLATFORM_VARIABLES)
/* harmony export */ });
/**
 * The platforms an audit can be narrowed to (input `platform`), and the marker values each
 * one's Python reports. A module of its own: the input table names them without loading the
 * marker evaluator.
 */
const TARGET_PLATFORMS = ['linux', 'windows', 'macos'];
const PLATFORM_VARIABLES = {
    linux: { sys_platform: 'linux', platform_system: 'Linux', os_name: 'posix' },
    windows: { sys_platform: 'win32', platform_system: 'Windows', os_name: 'nt' },
    macos: { sys_platform: 'darwin', platform_system: 'Darwin', os_name: 'posix' }
};


/***/ }),

/***/ 21635:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MS: () => (/* binding */ classifyRequirement),
/* harmony export */   S0: () => (/* binding */ inferName),
/* harmony export */   yC: () => (/* binding */ urlKind)
/* harmony export */ });
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(96498);
/* harmony import */ var _pep508_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(22048);
/**
 * What a requirement line names, decided as pip's install_req_from_line does, but without
 * looking at the file system: a PEP 508 requirement, or a URL, VCS or local path requirement.
 */


const VCS_PREFIXES = ['git', 'hg', 'svn', 'bzr'];
const ARCHIVE_EXTENSIONS = [
    '.zip',
    '.whl',
    '.tar.bz2',
    '.tbz',
    '.tar.xz',
    '.txz',
    '.tlz',
    '.tar.lz',
    '.tar.lzma',
    '.tar.gz',
    '.tgz',
    '.tar'
];
/** pip's vcs.all_schemes. */
const VCS_SCHEMES = new Set([
    ...['http', 'https', 'ssh', 'git', 'file'].map(t => `git+${t}`),
    ...['file', 'http', 'https', 'ssh', 'static-http'].map(t => `hg+${t}`),
    'svn',
    ...['ssh', 'http', 'https', 'svn', 'file'].map(t => `svn+${t}`),
    ...['http', 'https', 'ssh', 'sftp', 'ftp', 'lp', 'file'].map(t => `bzr+${t}`)
]);
/** pip's get_url_scheme + is_url: the text before the first ':' must be a known scheme. */
function urlScheme(text) {
    const colon = text.indexOf(':');
    if (colon < 0)
        return undefined;
    const scheme = text.slice(0, colon).toLowerCase();
    return ['http', 'https', 'file', 'ftp'].includes(scheme) || VCS_SCHEMES.has(scheme)
        ? scheme
        : undefined;
}
function urlKind(url) {
    const scheme = url.slice(0, Math.max(0, url.indexOf(':'))).toLowerCase();
    if (VCS_PREFIXES.includes(scheme.split('+')[0]))
        return 'vcs';
    return scheme === 'file' || scheme === '' ? 'path' : 'url';
}
function looksLikePath(text) {
    return text.includes('/') || text.includes('\\') || text.startsWith('.');
}
function isArchive(text) {
    const lower = text.toLowerCase();
    return ARCHIVE_EXTENSIONS.some(ext => lower.endsWith(ext));
}
/**
 * Classifies the requirement part of a line (`text`, untrimmed). PEP 508 syntax errors propagate
 * as RequirementSyntaxError with columns in `text`.
 */
function classifyRequirement(text) {
    const scheme = urlScheme(text.trim());
    // pip splits a marker off URLs at '; ' (a URL may contain ';') and off paths at ';'.
    const separator = scheme ? '; ' : ';';
    const cut = text.indexOf(separator);
    const location = (cut < 0 ? text : text.slice(0, cut)).trim();
    const marker = cut < 0 ? undefined : markerAfter(text, cut + separator.length);
    if (scheme)
        return { kind: urlKind(location), ...inferName(location), ...(marker && { marker }) };
    const at = location.indexOf('@');
    const namedUrl = at >= 0 && !looksLikePath(location.slice(0, at));
    if (!namedUrl && (looksLikePath(location) || isArchive(location))) {
        return { kind: 'path', ...inferName(location), ...(marker && { marker }) };
    }
    return { kind: 'pep508', requirement: (0,_pep508_js__WEBPACK_IMPORTED_MODULE_0__/* .parseRequirement */ .pP)(text) };
}
function markerAfter(text, offset) {
    const raw = text.slice(offset);
    const trimmed = raw.trim();
    if (trimmed === '')
        return undefined;
    return { text: trimmed, offset: offset + raw.indexOf(trimmed) };
}
/** The name (and version) pip derives for an unnamed requirement: #egg= or a wheel's file name. */
function inferName(location) {
    const egg = /[#&]egg=([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(location);
    if (egg)
        return { name: (0,_names_js__WEBPACK_IMPORTED_MODULE_1__/* .normalizeName */ .P)(egg[1]) };
    const file = location.split(/[?#]/, 1)[0].split(/[/\\]/).pop() ?? '';
    const wheel = /^([^-]+)-([^-]+)-(?:[^-]+-)?[^-]+-[^-]+-[^-]+\.whl$/i.exec(file);
    if (wheel)
        return { name: (0,_names_js__WEBPACK_IMPORTED_MODULE_1__/* .normalizeName */ .P)(wheel[1]), version: wheel[2] };
    return {};
}


/***/ }),

/***/ 26847:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KY: () => (/* binding */ parseLineOptions),
/* harmony export */   LO: () => (/* binding */ shellSplit),
/* harmony export */   eR: () => (/* binding */ OptionError),
/* harmony export */   sp: () => (/* binding */ splitRequirementLine)
/* harmony export */ });
/**
 * The options part of a requirements line, read as pip reads it: the line splits at the first
 * space-separated token starting with '-', the rest goes through shlex (POSIX) and optparse
 * (long-option abbreviations, `-rFILE`, `--opt=value`, interspersed arguments ignored).
 */
/** An option pip rejects; `offset` is where in the line the offending token starts. */
class OptionError extends Error {
    offset;
    constructor(message, offset) {
        super(message);
        this.offset = offset;
    }
}
const other = (name) => (options, value) => {
    options.other.push(value === '' ? name : `${name}=${value}`);
};
const list = (key) => (options, value) => {
    options[key].push(value);
};
const SPECS = [
    { long: '--index-url', short: '-i', takesValue: true, record: (o, v) => void (o.indexUrl = v) },
    { long: '--pypi-url', takesValue: true, record: (o, v) => void (o.indexUrl = v) },
    { long: '--extra-index-url', takesValue: true, record: list('extraIndexUrls') },
    { long: '--no-index', takesValue: false, record: other('--no-index') },
    { long: '--constraint', short: '-c', takesValue: true, record: list('constraints') },
    { long: '--requirement', short: '-r', takesValue: true, record: list('requirements') },
    { long: '--editable', short: '-e', takesValue: true, record: list('editables') },
    { long: '--find-links', short: '-f', takesValue: true, record: list('findLinks') },
    { long: '--no-binary', takesValue: true, record: other('--no-binary') },
    { long: '--only-binary', takesValue: true, record: other('--only-binary') },
    { long: '--prefer-binary', takesValue: false, record: other('--prefer-binary') },
    { long: '--require-hashes', takesValue: false, record: other('--require-hashes') },
    { long: '--pre', takesValue: false, record: other('--pre') },
    { long: '--trusted-host', takesValue: true, record: other('--trusted-host') },
    { long: '--use-feature', takesValue: true, record: other('--use-feature') },
    // Per-requirement options: pip passes them to the build, which does not change what is audited.
    { long: '--global-option', takesValue: true, record: () => { } },
    { long: '--config-settings', short: '-C', takesValue: true, record: checkConfigSetting },
    { long: '--hash', takesValue: true, record: recordHash }
];
function recordHash(options, value, given) {
    const colon = value.indexOf(':');
    if (colon < 0) {
        throw new Error(`${given} needs a hash name and a value, like --hash=sha256:abcde...`);
    }
    if (!['sha256', 'sha384', 'sha512'].includes(value.slice(0, colon))) {
        throw new Error(`the hash algorithms ${given} allows are sha256, sha384 and sha512`);
    }
    options.hashes.push(value);
}
function checkConfigSetting(_options, value, given) {
    if (!value.includes('='))
        throw new Error(`${given} takes KEY=VALUE`);
}
/** pip's break_args_options: the requirement is everything before the first ' -' token. */
function splitRequirementLine(line) {
    for (let i = line.indexOf('-'); i >= 0; i = line.indexOf('-', i + 1)) {
        if (i === 0 || line.charCodeAt(i - 1) === 0x20) {
            return { args: line.slice(0, Math.max(0, i - 1)), optionsOffset: i };
        }
    }
    return { args: line, optionsOffset: line.length };
}
/** shlex.split() in POSIX mode, keeping where each token starts. */
function shellSplit(text, base) {
    const tokens = [];
    let current;
    for (let i = 0; i < text.length; i++) {
        const ch = text.charAt(i);
        if (' \t\r\n'.includes(ch)) {
            if (current)
                tokens.push(current);
            current = undefined;
            continue;
        }
        current ??= { value: '', offset: base + i };
        if (ch === '\\') {
            if (i + 1 >= text.length)
                throw new OptionError('a backslash ends the options', base + i);
            current.value += text.charAt(++i);
        }
        else if (ch === "'" || ch === '"') {
            const close = findClosingQuote(text, i);
            if (close < 0)
                throw new OptionError(`no closing quotation (${ch}) in the options`, base + i);
            const inner = text.slice(i + 1, close);
            current.value += ch === '"' ? inner.replace(/\\([\\"])/g, '$1') : inner;
            i = close;
        }
        else {
            current.value += ch;
        }
    }
    if (current)
        tokens.push(current);
    return tokens;
}
function findClosingQuote(text, open) {
    const quote = text.charAt(open);
    for (let i = open + 1; i < text.length; i++) {
        const ch = text.charAt(i);
        if (ch === quote)
            return i;
        if (ch === '\\' && quote === '"')
            i++;
    }
    return -1;
}
function matchLong(given, offset) {
    const exact = SPECS.find(spec => spec.long === given);
    if (exact)
        return exact;
    const candidates = SPECS.filter(spec => spec.long.startsWith(given));
    if (candidates.length === 1)
        return candidates[0];
    if (candidates.length > 1) {
        const names = candidates.map(spec => spec.long).join(', ');
        throw new OptionError(`ambiguous option ${given} (${names}?)`, offset);
    }
    throw new OptionError(`unknown option ${given}: pip does not accept it in requirements files`, offset);
}
/** optparse over the shlex tokens of `line.slice(optionsOffset)`. */
function parseLineOptions(line, optionsOffset) {
    const options = {
        requirements: [],
        constraints: [],
        editables: [],
        hashes: [],
        extraIndexUrls: [],
        findLinks: [],
        other: [],
        firstOffset: {}
    };
    const args = shellSplit(line.slice(optionsOffset), optionsOffset);
    for (let index = 0; index < args.length;) {
        const arg = args[index++];
        if (arg.value === '--')
            break; // optparse: the rest are arguments, which pip ignores
        if (!arg.value.startsWith('-') || arg.value === '-')
            continue; // interspersed argument: ignored
        let spec;
        let given;
        let value;
        if (arg.value.startsWith('--')) {
            const eq = arg.value.indexOf('=');
            given = eq < 0 ? arg.value : arg.value.slice(0, eq);
            spec = matchLong(given, arg.offset);
            given = spec.long;
            if (eq >= 0) {
                if (!spec.takesValue)
                    throw new OptionError(`${given} does not take a value`, arg.offset);
                value = arg.value.slice(eq + 1);
            }
        }
        else {
            given = arg.value.slice(0, 2);
            const found = SPECS.find(s => s.short === given);
            if (!found)
                throw new OptionError(`unknown option ${given}: pip does not accept it in requirements files`, arg.offset);
            spec = found;
            // optparse: `-rFILE` is -r with FILE (so `-r=FILE` names the file '=FILE', as in pip).
            if (arg.value.length > 2)
                value = arg.value.slice(2);
        }
        if (spec.takesValue && value === undefined) {
            const next = args[index++];
            if (!next)
                throw new OptionError(`${given} needs a value`, arg.offset);
            value = next.value;
        }
        try {
            spec.record(options, value ?? '', given);
        }
        catch (error) {
            throw new OptionError(error.message, arg.offset);
        }
        for (const key of ['requirements', 'constraints', 'editables']) {
            if (options[key].length === 1 && options.firstOffset[key] === undefined)
                options.firstOffset[key] = arg.offset;
        }
    }
    return options;
}


/***/ }),

/***/ 91770:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EN: () => (/* binding */ parseMarkerToEnd),
/* harmony export */   Kb: () => (/* binding */ excerpt),
/* harmony export */   bs: () => (/* binding */ Cursor),
/* harmony export */   tL: () => (/* binding */ RequirementSyntaxError),
/* harmony export */   yR: () => (/* binding */ readIdentifier)
/* harmony export */ });
/* unused harmony export isWordChar */
/**
 * The lexical layer shared by PEP 508 requirements and markers: a cursor over the text, the
 * syntax error type, and the marker grammar. Markers are parsed without recursion into postfix
 * steps, so 100,000 nested parentheses cost memory, not stack.
 */
/** A requirement or marker that does not follow PEP 508. `column` is 1-based in the parsed text. */
class RequirementSyntaxError extends Error {
    column;
    name = 'RequirementSyntaxError';
    constructor(message, column) {
        super(message);
        this.column = column;
    }
}
class Cursor {
    text;
    pos;
    constructor(text, pos = 0) {
        this.text = text;
        this.pos = pos;
    }
    get atEnd() {
        return this.pos >= this.text.length;
    }
    peek() {
        return this.text.charAt(this.pos);
    }
    /** PEP 508 whitespace is spaces and tabs only. Returns whether any was skipped. */
    skipSpace() {
        const start = this.pos;
        while (this.pos < this.text.length && isSpaceOrTab(this.text.charCodeAt(this.pos)))
            this.pos++;
        return this.pos > start;
    }
    /** Whether `word` starts here with a word boundary on both sides (regex `\bword\b`). */
    atWord(word) {
        return (this.text.startsWith(word, this.pos) &&
            !isWordChar(this.text.charCodeAt(this.pos - 1)) &&
            !isWordChar(this.text.charCodeAt(this.pos + word.length)));
    }
    fail(message, at = this.pos) {
        throw new RequirementSyntaxError(message, at + 1);
    }
}
function isSpaceOrTab(code) {
    return code === 0x20 || code === 0x09;
}
function isWordChar(code) {
    return ((code >= 0x30 && code <= 0x39) ||
        (code >= 0x41 && code <= 0x5a) ||
        (code >= 0x61 && code <= 0x7a) ||
        code === 0x5f);
}
function isAlnum(code) {
    return isWordChar(code) && code !== 0x5f;
}
/** A short, printable quotation of untrusted text for error messages. */
function excerpt(text, max = 40) {
    const cut = text.length > max ? `${text.slice(0, max)}...` : text;
    const escape = (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped
    return `'${cut.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, escape)}'`;
}
/**
 * A PEP 508 identifier: `[A-Za-z0-9][A-Za-z0-9._-]*` ending on a word character (packaging's
 * `\b...\b`, so a trailing '.' or '-' is not part of it). Returns undefined if none starts here.
 */
function readIdentifier(cursor) {
    const { text } = cursor;
    const start = cursor.pos;
    if (!isAlnum(text.charCodeAt(start)))
        return undefined;
    let end = start + 1;
    let lastWord = end;
    for (; end < text.length; end++) {
        const code = text.charCodeAt(end);
        if (isWordChar(code))
            lastWord = end + 1;
        else if (code !== 0x2e && code !== 0x2d)
            break;
    }
    cursor.pos = lastWord;
    return text.slice(start, lastWord);
}
const SYMBOLIC_OPERATORS = ['===', '==', '~=', '!=', '<=', '>=', '<', '>'];
/** Marker variable spellings packaging accepts, with their canonical names. */
const VARIABLES = new Map([
    ...[
        'python_version',
        'python_full_version',
        'os_name',
        'sys_platform',
        'platform_release',
        'platform_system',
        'platform_version',
        'platform_machine',
        'platform_python_implementation',
        'implementation_name',
        'implementation_version',
        'extra',
        'extras',
        'dependency_groups'
    ].map(name => [name, name]),
    ['os.name', 'os_name'],
    ['sys.platform', 'sys_platform'],
    ['platform.version', 'platform_version'],
    ['platform.machine', 'platform_machine'],
    ['platform.python_implementation', 'platform_python_implementation'],
    ['python_implementation', 'platform_python_implementation']
]);
/** Parses a marker that runs to the end of the text: a marker on its own, or after a requirement's `;`. */
function parseMarkerToEnd(cursor) {
    const steps = parseMarkerSteps(cursor);
    cursor.skipSpace();
    if (!cursor.atEnd) {
        cursor.fail(cursor.peek() === ')'
            ? "unexpected ')' in marker"
            : "expected 'and', 'or' or the end of the marker");
    }
    return steps;
}
/**
 * Parses `marker = atom (('and' | 'or') atom)*` from the cursor into postfix steps ('and' binds
 * tighter than 'or'). Stops at the first character that cannot continue the marker.
 */
function parseMarkerSteps(cursor) {
    const output = [];
    const pending = []; // a number is an open parenthesis' offset
    let openParens = 0;
    for (;;) {
        cursor.skipSpace();
        if (cursor.peek() === '(') {
            pending.push(cursor.pos++);
            openParens++;
            continue;
        }
        output.push(parseComparison(cursor));
        for (;;) {
            cursor.skipSpace();
            if (cursor.peek() !== ')' || openParens === 0)
                break;
            while (typeof pending[pending.length - 1] === 'string')
                output.push({ kind: pending.pop() });
            pending.pop();
            openParens--;
            cursor.pos++;
        }
        const op = cursor.atWord('and') ? 'and' : cursor.atWord('or') ? 'or' : undefined;
        if (op === undefined)
            break;
        cursor.pos += op.length;
        for (let top = pending[pending.length - 1]; top === 'and' || (top === 'or' && op === 'or');) {
            output.push({ kind: top });
            pending.pop();
            top = pending[pending.length - 1];
        }
        pending.push(op);
    }
    if (openParens > 0) {
        const open = pending.filter(p => typeof p === 'number').pop();
        cursor.fail(`expected ')' to close the '(' at column ${open + 1}`);
    }
    while (pending.length > 0)
        output.push({ kind: pending.pop() });
    return output;
}
function parseComparison(cursor) {
    const column = cursor.pos + 1;
    const left = parseValue(cursor);
    cursor.skipSpace();
    const op = parseOperator(cursor);
    cursor.skipSpace();
    const right = parseValue(cursor);
    return { kind: 'compare', left, op, right, column };
}
function parseOperator(cursor) {
    if (cursor.atWord('in')) {
        cursor.pos += 2;
        return 'in';
    }
    if (cursor.atWord('not')) {
        cursor.pos += 3;
        if (!cursor.skipSpace())
            cursor.fail("expected whitespace after 'not'");
        if (!cursor.atWord('in'))
            cursor.fail("expected 'in' after 'not'");
        cursor.pos += 2;
        return 'not in';
    }
    const op = SYMBOLIC_OPERATORS.find(candidate => cursor.text.startsWith(candidate, cursor.pos));
    if (op === undefined) {
        cursor.fail('expected a marker operator (<, <=, ==, !=, >=, >, ~=, ===, in, not in)');
    }
    cursor.pos += op.length;
    return op;
}
const VARIABLE_WORD = /[A-Za-z0-9_.]+/y;
function parseValue(cursor) {
    const quote = cursor.peek();
    if (quote === '"' || quote === "'") {
        const start = cursor.pos;
        const end = cursor.text.indexOf(quote, start + 1);
        if (end < 0)
            cursor.fail('unterminated string in marker', start);
        cursor.pos = end + 1;
        return { literal: decodePythonString(cursor.text.slice(start + 1, end), start + 1) };
    }
    VARIABLE_WORD.lastIndex = cursor.pos;
    const name = VARIABLE_WORD.exec(cursor.text)?.[0];
    if (name === undefined)
        return cursor.fail('expected a marker variable or a quoted string');
    const canonical = VARIABLES.get(name);
    if (canonical === undefined)
        return cursor.fail(`unknown marker variable ${excerpt(name)}`);
    cursor.pos += name.length;
    return { variable: canonical };
}
const SIMPLE_ESCAPES = {
    '\\': '\\',
    "'": "'",
    '"': '"',
    a: '\x07',
    b: '\b',
    f: '\f',
    n: '\n',
    r: '\r',
    t: '\t',
    v: '\v'
};
/**
 * Decodes backslash escapes the way Python's `ast.literal_eval` does for the quoted strings of a
 * marker (packaging evaluates them as Python literals). `offset` locates errors.
 */
function decodePythonString(content, offset) {
    if (!content.includes('\\'))
        return content;
    let out = '';
    for (let i = 0; i < content.length; i++) {
        const ch = content.charAt(i);
        if (ch !== '\\') {
            out += ch;
            continue;
        }
        const next = content.charAt(i + 1);
        const hexLength = next === 'x' ? 2 : next === 'u' ? 4 : next === 'U' ? 8 : 0;
        if (next === '')
            throw new RequirementSyntaxError('string in marker ends with a backslash', offset + i + 1);
        if (next in SIMPLE_ESCAPES) {
            out += SIMPLE_ESCAPES[next];
            i++;
        }
        else if (/[0-7]/.test(next)) {
            const octal = /[0-7]{1,3}/y;
            octal.lastIndex = i + 1;
            const digits = octal.exec(content)[0];
            out += String.fromCharCode(parseInt(digits, 8));
            i += digits.length;
        }
        else if (hexLength > 0) {
            const hex = content.slice(i + 2, i + 2 + hexLength);
            const code = /^[0-9a-fA-F]+$/.test(hex) && hex.length === hexLength ? parseInt(hex, 16) : NaN;
            if (!(code <= 0x10ffff)) {
                throw new RequirementSyntaxError(`invalid \\${next} escape in marker string`, offset + i + 1);
            }
            out += String.fromCodePoint(code);
            i += 1 + hexLength;
        }
        else if (next === 'N') {
            throw new RequirementSyntaxError('\\N{...} escapes are not supported in markers', offset + i + 1);
        }
        else {
            out += ch; // Python keeps unknown escapes as written
        }
    }
    return out;
}


/***/ }),

/***/ 36998:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GN: () => (/* binding */ decodeRequirementsBytes),
/* harmony export */   My: () => (/* binding */ describeReferences),
/* harmony export */   Nj: () => (/* binding */ logicalLines),
/* harmony export */   uK: () => (/* binding */ environmentReferences)
/* harmony export */ });
/* unused harmony export isPythonSpace */
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58382);
/**
 * From the bytes of a requirements file to pip's logical lines: decoding, line splitting,
 * backslash continuations and comments, in pip's order (req_file.preprocess), without pip's ${VAR}
 * expansion. Every logical line can map an offset in its text back to the physical line and column.
 */

/** Line boundaries of Python's str.splitlines(), which pip uses: not only \n and \r. */
// eslint-disable-next-line no-control-regex -- \x1c-\x1e are line breaks to Python
const LINE_BREAK = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/g;
const ENV_VAR = /\$\{([A-Z0-9_]+)\}/g;
/** Python's str.isspace(), which defines `\s` and strip() in pip's preprocessing. */
function isPythonSpace(code) {
    return ((code >= 0x09 && code <= 0x0d) ||
        (code >= 0x1c && code <= 0x20) ||
        code === 0x85 ||
        code === 0xa0 ||
        code === 0x1680 ||
        (code >= 0x2000 && code <= 0x200a) ||
        code === 0x2028 ||
        code === 0x2029 ||
        code === 0x202f ||
        code === 0x205f ||
        code === 0x3000);
}
/**
 * UTF-8 text of a requirements file, without a BOM. Anything else (UTF-16/32, invalid UTF-8, NUL
 * bytes) is refused rather than guessed at: a misread file would be a silently wrong audit.
 */
function decodeRequirementsBytes(bytes, displayFile) {
    const starts = (...prefix) => prefix.every((b, i) => bytes[i] === b);
    if (starts(0x00, 0x00, 0xfe, 0xff) || starts(0xff, 0xfe, 0x00, 0x00)) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ParseError */ .mB({ file: displayFile }, 'the file is UTF-32 encoded; save it as UTF-8');
    }
    if (starts(0xfe, 0xff) || starts(0xff, 0xfe)) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ParseError */ .mB({ file: displayFile }, 'the file is UTF-16 encoded; save it as UTF-8');
    }
    const body = starts(0xef, 0xbb, 0xbf) ? bytes.subarray(3) : bytes;
    let text;
    try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    }
    catch {
        const bad = firstInvalidUtf8(body);
        const prefix = new TextDecoder('utf-8').decode(body.subarray(0, bad));
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ParseError */ .mB({ file: displayFile, ...positionIn(prefix, prefix.length) }, 'the file is not valid UTF-8 text; save it as UTF-8');
    }
    const nul = text.indexOf('\0');
    if (nul >= 0) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ParseError */ .mB({ file: displayFile, ...positionIn(text, nul) }, 'the file contains a NUL byte: it looks binary, not like a requirements file');
    }
    return text;
}
function positionIn(text, offset) {
    let line = 1;
    let lineStart = 0;
    for (const match of text.slice(0, offset).matchAll(LINE_BREAK)) {
        line++;
        lineStart = match.index + match[0].length;
    }
    return { line, column: offset - lineStart + 1 };
}
function firstInvalidUtf8(bytes) {
    for (let i = 0; i < bytes.length;) {
        const b = bytes[i];
        const length = b < 0x80
            ? 1
            : b >= 0xc2 && b <= 0xdf
                ? 2
                : b >= 0xe0 && b <= 0xef
                    ? 3
                    : b >= 0xf0 && b <= 0xf4
                        ? 4
                        : 0;
        if (length === 0 || i + length > bytes.length)
            return i;
        const second = bytes[i + 1];
        const secondMin = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
        const secondMax = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
        if (length > 1 && (second < secondMin || second > secondMax))
            return i;
        for (let k = 2; k < length; k++)
            if ((bytes[i + k] & 0xc0) !== 0x80)
                return i;
        i += length;
    }
    return bytes.length;
}
/**
 * pip's preprocess(): split, join continuations, drop comments and blank lines. Unlike pip, no
 * ${VAR} expansion: the runner's environment holds secrets, and a pull request writes this file.
 * Lines come one at a time, so a reader can stop early (see limits.ts).
 */
function* logicalLines(content) {
    const breaks = new RegExp(LINE_BREAK.source, 'g');
    let joined = '';
    let pieces = [];
    let lineNumber = 0;
    for (let start = 0; start < content.length;) {
        const match = breaks.exec(content);
        const end = match ? match.index : content.length;
        const text = content.slice(start, end);
        start = match ? end + match[0].length : content.length;
        lineNumber++;
        const comment = startsWithComment(text);
        if (comment && pieces.length === 0)
            continue; // a comment line on its own: nothing to keep
        if (!text.endsWith('\\') || comment) {
            // A leading space keeps a comment line a comment once joined to a continued line.
            pieces.push({ start: joined.length, column: comment ? 0 : 1, line: lineNumber });
            joined += comment ? ` ${text}` : text;
            const line = finish(joined, pieces);
            if (line)
                yield line;
            joined = '';
            pieces = [];
        }
        else {
            // pip strips backslashes from both ends of a continued line (str.strip('\\')).
            let lead = 0;
            while (text.charCodeAt(lead) === 0x5c)
                lead++;
            let end = text.length;
            while (end > lead && text.charCodeAt(end - 1) === 0x5c)
                end--;
            pieces.push({ start: joined.length, column: lead + 1, line: lineNumber });
            joined += text.slice(lead, end);
        }
    }
    if (pieces.length > 0) {
        const line = finish(joined, pieces);
        if (line)
            yield line;
    }
}
/** The names of the ${VAR} references pip would expand in `text` (only ${NAME} with [A-Z0-9_]). */
function environmentReferences(text) {
    if (!text.includes('${'))
        return [];
    return [...new Set(Array.from(text.matchAll(ENV_VAR), match => match[1]))];
}
/** `${A}` is an environment variable / `${A}` and `${B}` are environment variables. */
function describeReferences(names) {
    const shown = names.map(name => `\${${name}}`);
    const list = shown.length === 1
        ? shown[0]
        : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
    return shown.length === 1
        ? `${list} is an environment variable`
        : `${list} are environment variables`;
}
function startsWithComment(text) {
    let i = 0;
    while (i < text.length && isPythonSpace(text.charCodeAt(i)))
        i++;
    return text.charCodeAt(i) === 0x23;
}
function finish(joined, pieces) {
    // COMMENT_RE `(^|\s+)#.*$`: the first '#' at the start or after whitespace, with that whitespace.
    let end = joined.length;
    for (let i = joined.indexOf('#'); i >= 0; i = joined.indexOf('#', i + 1)) {
        if (i === 0 || isPythonSpace(joined.charCodeAt(i - 1))) {
            end = i;
            break;
        }
    }
    let start = 0;
    while (start < end && isPythonSpace(joined.charCodeAt(start)))
        start++;
    while (end > start && isPythonSpace(joined.charCodeAt(end - 1)))
        end--;
    if (start === end)
        return undefined;
    return new Logical(joined.slice(start, end), pieces[0].line, pieces, start);
}
/** A class rather than closures: a file can have 100,000 lines, each kept until the end. */
class Logical {
    text;
    line;
    pieces;
    trimmed;
    constructor(text, line, pieces, 
    /** Offset of `text` in the joined physical pieces. */
    trimmed) {
        this.text = text;
        this.line = line;
        this.pieces = pieces;
        this.trimmed = trimmed;
    }
    position(offset) {
        const target = offset + this.trimmed;
        let low = 0;
        let high = this.pieces.length - 1;
        while (low < high) {
            const mid = (low + high + 1) >> 1;
            if (this.pieces[mid].start <= target)
                low = mid;
            else
                high = mid - 1;
        }
        const piece = this.pieces[low];
        return { line: piece.line, column: piece.column + target - piece.start };
    }
}


/***/ }),

/***/ 90617:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  w: () => (/* binding */ parseRequirementsFile),
  r: () => (/* reexport */ requirementsToSource)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(58382);
// EXTERNAL MODULE: ./src/deps/limits.ts
var limits = __webpack_require__(81136);
// EXTERNAL MODULE: ./src/deps/marker-text.ts
var marker_text = __webpack_require__(67000);
// EXTERNAL MODULE: ./src/deps/markers.ts
var markers = __webpack_require__(39457);
// EXTERNAL MODULE: ./src/deps/pep508.ts
var pep508 = __webpack_require__(22048);
// EXTERNAL MODULE: ./src/deps/requirements-kind.ts
var requirements_kind = __webpack_require__(21635);
// EXTERNAL MODULE: ./src/deps/requirements-options.ts
var requirements_options = __webpack_require__(26847);
// EXTERNAL MODULE: ./src/deps/requirements-syntax.ts
var requirements_syntax = __webpack_require__(91770);
// EXTERNAL MODULE: ./src/deps/requirements-text.ts
var requirements_text = __webpack_require__(36998);
// EXTERNAL MODULE: ./src/deps/containment.ts
var containment = __webpack_require__(8778);
// EXTERNAL MODULE: ./src/deps/names.ts
var names = __webpack_require__(96498);
;// CONCATENATED MODULE: ./src/deps/requirements-source.ts
/**
 * Which requirement lines can be audited: only an exact version can be matched against
 * advisories, so everything else is skipped with a reason that says what to do about it.
 */






const UNPINNED_REASON = 'not pinned to an exact version (use ==, a lockfile, or resolve: pip)';
const KIND_REASONS = {
    url: 'URL requirement: installed from a URL, not a released version on an index, so it cannot be matched to advisories',
    vcs: 'VCS requirement: installed from a version-control checkout, not a released version, so it cannot be matched to advisories',
    path: 'local path requirement: installed from a local file or directory, not a released version, so it cannot be matched to advisories'
};
/**
 * Pinned lines become Dependencies; URL, VCS, path, editable and unpinned lines become
 * SkippedDependencies. Lines whose marker is false for the target do not apply and appear in
 * neither (without a target every line applies). Constraint (-c) lines are not dependencies: they
 * only supply the version of an unpinned requirement of the same name, which is what pip would
 * install. A dependency carries its line's marker; one pinned by a constraint, the markers of the
 * requirements it pins and the constraint's own.
 *
 * Duplicate pins are all audited, even conflicting ones that pip would refuse to install (and
 * one name pinned at two versions under different markers): auditing both versions can only add
 * findings, never hide one.
 */
function requirementsToSource(parsed, rootFile) {
    const dependencies = [];
    const skipped = [];
    const constraintsUsed = new Set();
    const constraintPins = new Map();
    for (const line of parsed.lines) {
        const requirement = line.requirement;
        if (!line.constraint || !line.markerApplies || !requirement || requirement.url)
            continue;
        if ((0,pep508/* pinnedVersion */.V2)(requirement.specifier) && !constraintPins.has(requirement.normalizedName)) {
            constraintPins.set(requirement.normalizedName, line);
        }
    }
    const constrainedLines = new Map();
    const constraintOf = (line) => {
        const requirement = line.requirement;
        if (line.constraint || !line.markerApplies || !requirement || requirement.url)
            return undefined;
        if ((0,pep508/* pinnedVersion */.V2)(requirement.specifier) !== undefined)
            return undefined;
        return constraintPins.get(requirement.normalizedName);
    };
    for (const line of parsed.lines) {
        const constrained = constraintOf(line);
        if (!constrained)
            continue;
        const lines = constrainedLines.get(constrained);
        if (lines)
            lines.push(line);
        else
            constrainedLines.set(constrained, [line]);
    }
    for (const line of parsed.lines) {
        if (line.constraint || !line.markerApplies)
            continue;
        const requirement = line.requirement;
        const version = requirement && !requirement.url ? (0,pep508/* pinnedVersion */.V2)(requirement.specifier) : undefined;
        if (requirement && version !== undefined) {
            addDependency(requirement.normalizedName, version, line, line.marker);
            continue;
        }
        const constrained = constraintOf(line);
        if (requirement && constrained) {
            // Several requirements of one constrained name are one dependency, declared by the constraint.
            if (!constraintsUsed.has(constrained)) {
                constraintsUsed.add(constrained);
                const pinned = (0,pep508/* pinnedVersion */.V2)(constrained.requirement.specifier);
                const required = (0,marker_text/* conditionOf */.rI)(constrainedLines.get(constrained));
                const marker = (0,marker_text/* allOfMarkers */.iA)([required, constrained.marker].filter(m => m !== undefined));
                addDependency(requirement.normalizedName, pinned, constrained, marker);
            }
            continue;
        }
        skipped.push({ ...describeSkip(line), location: line.location, format: 'requirements' });
    }
    return { file: rootFile, format: 'requirements', dependencies, skipped };
    function addDependency(name, version, line, marker) {
        dependencies.push({
            name,
            version,
            location: line.location,
            format: 'requirements',
            ...(marker !== undefined && { marker })
        });
    }
}
function describeSkip(line) {
    const requirement = line.requirement;
    if (line.variables) {
        return {
            name: literalName(line.raw) ?? shortName(line.raw),
            reason: `not expanded: ${(0,requirements_text/* describeReferences */.My)(line.variables)}, which pip expands when it installs, but the audit never reads the environment (it holds secrets), so what this line installs is unknown and cannot be matched to advisories (write the value out, or audit a lockfile)`
        };
    }
    if (line.editable) {
        const { name } = (0,requirements_kind/* inferName */.S0)(line.raw);
        return {
            name: name ?? shortName(line.raw),
            reason: `editable requirement (-e ${(0,requirements_syntax/* excerpt */.Kb)(line.raw, 60)}): installed from a local or VCS checkout, not a released version, so it cannot be matched to advisories`
        };
    }
    if (requirement?.url !== undefined) {
        const kind = (0,requirements_kind/* urlKind */.yC)(requirement.url);
        return { name: requirement.normalizedName, reason: KIND_REASONS[kind] };
    }
    if (requirement) {
        const written = requirement.specifier ? `'${requirement.specifier}' is ` : 'no version given: ';
        return { name: requirement.normalizedName, reason: `${written}${UNPINNED_REASON}` };
    }
    const classified = (0,requirements_kind/* classifyRequirement */.MS)(line.raw);
    const kind = classified.kind === 'pep508' ? 'url' : classified.kind;
    return {
        name: classified.name ?? shortName(line.raw),
        ...(classified.version !== undefined && { version: classified.version }),
        reason: KIND_REASONS[kind]
    };
}
/**
 * The project name of a line whose text has ${VAR} in it, when the name itself is written out:
 * `name @ url` and `name[extras]...`, or the name a URL or path spells (#egg=, a wheel file).
 */
function literalName(raw) {
    let classified;
    try {
        classified = (0,requirements_kind/* classifyRequirement */.MS)(raw);
    }
    catch {
        // A version or marker that is not valid until pip expands it: the name before it still is.
        const match = /^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?=[[(=<>!~;@\s]|$)/.exec(raw);
        return match ? (0,names/* normalizeName */.P)(match[1]) : undefined;
    }
    if (classified.requirement)
        return classified.requirement.normalizedName;
    return classified.name !== undefined && !classified.name.includes('$')
        ? classified.name
        : undefined;
}
/** Unnamed requirements are named by their text, which can be anything up to a megabyte. */
function shortName(raw) {
    return raw.length > 200 ? `${raw.slice(0, 200)}...` : raw;
}

;// CONCATENATED MODULE: ./src/deps/requirements.ts
/**
 * pip requirements files (`-r`): the whole syntax pip accepts, includes and constraints
 * included, read the way pip's req_file.py reads it. I/O lives here; the line-level work is in
 * requirements-text, requirements-options and requirements-kind.
 */














/** pip has no limit but Python's recursion limit; a chain this deep is a mistake or an attack. */
const MAX_INCLUDE_DEPTH = 64;
async function parseRequirementsFile(absolutePath, options) {
    const walk = new IncludeWalk(options);
    const root = external_node_path_default().resolve(absolutePath);
    const fail = (error) => {
        throw new errors/* ParseError */.mB({ file: walk.display(root) }, `cannot read the requirements file: ${fsReason(error)}`);
    };
    const real = await (0,promises_.realpath)(root).catch(fail);
    if (options.allowedRoots && !(0,containment/* isInside */.FK)(real, options.allowedRoots)) {
        throw new errors/* ParseError */.mB({ file: walk.display(root) }, containment/* OUTSIDE_REASON */.nN);
    }
    await walk.visit(root, real, await (0,containment/* readDependencyBytes */.zs)(real).catch(fail), false, []);
    return walk.result;
}
class IncludeWalk {
    options;
    result = {
        lines: [],
        options: { extraIndexUrls: [], findLinks: [], other: [] },
        files: []
    };
    /** Files already read in a mode: reading them again adds nothing, and diamonds stay linear. */
    expanded = new Set();
    filesSeen = new Set();
    /** Include targets by directory and name, located once. */
    targets = new Map();
    /** Real paths by the path an include resolves to. */
    realPaths = new Map();
    /** Bytes of every file read: a file and its includes together are held to one file's limit. */
    bytesRead = 0;
    /** Logical lines of every file read (MAX_DEPENDENCIES at most). */
    linesRead = 0;
    markerComparisons = new markers/* MarkerComparisons */.lR();
    constructor(options) {
        this.options = options;
    }
    display(file) {
        return this.options.displayPath ? this.options.displayPath(file) : file;
    }
    async visit(file, real, bytes, constraint, chain) {
        const key = expandedKey(real, constraint);
        if (this.expanded.has(key))
            return;
        this.expanded.add(key);
        this.bytesRead += bytes.length;
        if (!this.filesSeen.has(file)) {
            this.filesSeen.add(file);
            this.result.files.push(file);
        }
        const content = (0,requirements_text/* decodeRequirementsBytes */.GN)(bytes, this.display(file));
        const here = [...chain, { real, file }];
        for (const line of (0,requirements_text/* logicalLines */.Nj)(content)) {
            // Each line costs a parse, whatever it holds: options and includes count as much as pins.
            (0,limits/* checkFileDependencyCount */.b6)(++this.linesRead, { file: this.display(file), line: line.line }, 'requirement, option and include lines');
            const include = this.handleLine(file, line, constraint);
            if (include)
                await this.include(file, line, include, here);
        }
    }
    fail(file, line, offset, message) {
        throw new errors/* ParseError */.mB({ file: this.display(file), ...line.position(offset) }, message);
    }
    /** Records the line; returns the file it includes, if it is an include line. */
    handleLine(file, line, constraint) {
        const { args, optionsOffset } = (0,requirements_options/* splitRequirementLine */.sp)(line.text);
        let options;
        try {
            options = (0,requirements_options/* parseLineOptions */.KY)(line.text, optionsOffset);
        }
        catch (error) {
            if (error instanceof requirements_options/* OptionError */.eR)
                this.fail(file, line, error.offset, error.message);
            throw error;
        }
        const location = { file, line: line.line };
        const variables = args === '' ? [] : (0,requirements_text/* environmentReferences */.uK)(args);
        if (variables.length > 0) {
            this.result.lines.push({
                raw: args.trim(),
                location,
                editable: false,
                hashes: options.hashes,
                constraint,
                markerApplies: true,
                variables
            });
            return undefined;
        }
        if (args !== '') {
            const classified = this.classify(file, line, args);
            const entry = {
                raw: args.trim(),
                location,
                editable: false,
                hashes: options.hashes,
                constraint,
                markerApplies: this.markerApplies(file, line, args, classified)
            };
            if (classified.requirement)
                entry.requirement = classified.requirement;
            const marker = classified.requirement?.marker ?? classified.marker?.text;
            if (marker !== undefined)
                entry.marker = (0,marker_text/* normalizeMarkerText */.x0)(marker);
            this.result.lines.push(entry);
            return undefined; // pip ignores -r/-c and global options on a requirement line
        }
        if (options.editables.length > 0) {
            // Only the first -e counts, and pip ignores markers on editables (shlex eats them as arguments).
            const raw = options.editables[0];
            this.result.lines.push({
                raw,
                location,
                editable: true,
                hashes: options.hashes,
                constraint,
                markerApplies: true
            });
            return undefined;
        }
        const global = this.result.options;
        if (options.indexUrl !== undefined)
            global.indexUrl = options.indexUrl;
        global.extraIndexUrls.push(...options.extraIndexUrls);
        global.findLinks.push(...options.findLinks);
        global.other.push(...options.other);
        // Like pip, only the first -r of a line is followed, and -c only when there is no -r.
        const [target, nested] = options.requirements.length > 0
            ? [options.requirements[0], false]
            : [options.constraints[0], true];
        if (target === undefined)
            return undefined;
        const key = nested ? 'constraints' : 'requirements';
        return { target, constraint: nested, offset: options.firstOffset[key] ?? 0 };
    }
    classify(file, line, args) {
        try {
            return (0,requirements_kind/* classifyRequirement */.MS)(args);
        }
        catch (error) {
            if (!(error instanceof pep508/* RequirementSyntaxError */.tL))
                throw error;
            return this.fail(file, line, error.column - 1, `invalid requirement ${(0,requirements_syntax/* excerpt */.Kb)(args.trim())}: ${error.message}`);
        }
    }
    markerApplies(file, line, args, classified) {
        const marker = classified.requirement?.marker;
        const text = marker ?? classified.marker?.text;
        if (text === undefined)
            return true;
        // A PEP 508 marker is always the tail of the requirement text.
        const offset = marker !== undefined ? args.trimEnd().length - marker.length : classified.marker.offset;
        const target = this.options.markerEnvironment;
        try {
            // Evaluated even without a target: a marker pip would reject is an error either way.
            const applies = (0,markers/* evaluateMarker */.UZ)(text, target ?? {}, '', this.markerComparisons);
            return target === undefined || applies;
        }
        catch (error) {
            if (error instanceof markers/* MarkerLimitError */.uK)
                this.fail(file, line, offset, (0,limits/* markerComparisonsReason */.hx)());
            if (!(error instanceof pep508/* RequirementSyntaxError */.tL))
                throw error;
            return this.fail(file, line, offset + error.column - 1, `invalid marker ${(0,requirements_syntax/* excerpt */.Kb)(text)}: ${error.message}`);
        }
    }
    async include(file, line, include, chain) {
        const { target, offset } = include;
        const fail = (message) => this.fail(file, line, offset, message);
        // A file may include the same target 100,000 times: it is located (and checked) once.
        const key = `${external_node_path_default().dirname(file)}\0${target}`;
        let located = this.targets.get(key);
        if (located === undefined) {
            located = this.locate(file, target);
            this.targets.set(key, located);
        }
        const { resolved, real } = await located.catch((error) => fail(error.message));
        if (chain.length >= MAX_INCLUDE_DEPTH)
            fail(`requirements files are included more than ${MAX_INCLUDE_DEPTH} levels deep`);
        const loopStart = chain.findIndex(entry => entry.real === real);
        if (loopStart >= 0) {
            const names = [...chain.slice(loopStart).map(entry => entry.file), resolved].map(f => this.display(f));
            const shown = names.length > 6 ? [...names.slice(0, 3), '...', ...names.slice(-2)] : names;
            fail(`requirements files include each other in a loop (${shown.join(' -> ')}); not followed`);
        }
        if (this.expanded.has(expandedKey(real, include.constraint)))
            return;
        const bytes = await (0,containment/* readDependencyBytes */.zs)(real).catch((error) => fail(`cannot read the included file ${(0,requirements_syntax/* excerpt */.Kb)(target)}: ${fsReason(error)}`));
        if (this.bytesRead + bytes.length > limits/* MAX_DEPENDENCY_FILE_BYTES */.Eg) {
            const read = 'with it, the requirements files read';
            fail(`refusing to read ${(0,requirements_syntax/* excerpt */.Kb)(target)}: ${(0,limits/* fileSizeReason */.MI)(this.bytesRead + bytes.length, read)}`);
        }
        await this.visit(resolved, real, bytes, include.constraint, chain);
    }
    /** Where an include's target is, or why it is not followed (an Error with the message). */
    async locate(file, target) {
        const refuse = (message) => {
            throw new Error(message);
        };
        const variables = (0,requirements_text/* environmentReferences */.uK)(target);
        if (variables.length > 0) {
            refuse(`cannot follow ${(0,requirements_syntax/* excerpt */.Kb)(target)}: ${(0,requirements_text/* describeReferences */.My)(variables)}, which pip expands but this audit never reads (the environment holds secrets); name the file as it is`);
        }
        if (/^https?:/i.test(target)) {
            refuse(`remote requirements file ${(0,requirements_syntax/* excerpt */.Kb)(target)} is not supported: download it and list the local copy`);
        }
        let resolved;
        try {
            resolved = /^file:/i.test(target)
                ? (0,external_node_url_.fileURLToPath)(target)
                : external_node_path_default().resolve(external_node_path_default().dirname(file), target);
        }
        catch {
            return refuse(`${(0,requirements_syntax/* excerpt */.Kb)(target)} is not a usable file: URL`);
        }
        const real = await this.realPathOf(resolved).catch((error) => refuse(`cannot read the included file ${(0,requirements_syntax/* excerpt */.Kb)(target)}: ${fsReason(error)}`));
        if (this.options.allowedRoots && !(0,containment/* isInside */.FK)(real, this.options.allowedRoots)) {
            refuse(`the included file ${(0,requirements_syntax/* excerpt */.Kb)(target)}: ${containment/* OUTSIDE_REASON */.nN}`);
        }
        return { resolved, real };
    }
    /**
     * One realpath per file, however its includes spell it (`x.txt`, `./d/../x.txt`): a file
     * can name one target 100,000 ways, and each call is a system call per path segment.
     */
    realPathOf(resolved) {
        let real = this.realPaths.get(resolved);
        if (real === undefined) {
            real = (0,promises_.realpath)(resolved);
            this.realPaths.set(resolved, real);
        }
        return real;
    }
}
function expandedKey(real, constraint) {
    return `${constraint ? 'c' : 'r'}:${real}`;
}
function fsReason(error) {
    const code = error.code;
    if (code === 'ENOENT' || code === 'ENOTDIR')
        return 'no such file';
    if (code === 'EISDIR')
        return 'it is a directory';
    if (code === 'EACCES' || code === 'EPERM')
        return 'permission denied';
    if (code === 'ELOOP')
        return 'too many levels of symbolic links';
    if (code === 'EFBIG')
        return error.message;
    return code ?? String(error);
}


/***/ }),

/***/ 42600:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HM: () => (/* binding */ versionPartEnd),
/* harmony export */   Sv: () => (/* binding */ fileVersionReader),
/* harmony export */   yz: () => (/* binding */ normalizeProjectName)
/* harmony export */ });
/* unused harmony export versionOfFile */
/**
 * The version a distribution file belongs to, from its name, the way pip reads index pages:
 * wheels by their fixed layout (packaging's parse_wheel_filename), sdists by the dash after
 * the project's name (pip's _find_name_version_sep), so legacy names with dashes in them
 * (`zope-interface-5.0.tar.gz`) read right. Files pip would not install (eggs, .exe, .msi)
 * and files named for another project have no version here: pip skips them too.
 */
/** The archive kinds pip installs from an index, longest first so `.tar.gz` wins over `.gz`. */
const SDIST_EXTENSIONS = [
    '.tar.lzma',
    '.tar.bz2',
    '.tar.gz',
    '.tar.xz',
    '.tar.lz',
    '.tar',
    '.tbz',
    '.tgz',
    '.txz',
    '.tlz',
    '.zip'
];
/** PEP 503 normalisation, as src/deps/names.ts does it (a stage imports only types from deps). */
function normalizeProjectName(name) {
    return name.replace(/[-_.]+/g, '-').toLowerCase();
}
/**
 * The version written in `filename`, a file of project `normalizedName`; undefined when the
 * file is not a wheel or sdist of that project.
 */
function versionOfFile(filename, normalizedName, isProject = (name) => normalizeProjectName(name) === normalizedName) {
    return readVersion(filename, { isProject });
}
/**
 * versionOfFile for the files of one page: a page names its files with one or two spellings
 * of the project's name, so each is normalised once, not once per file, and the last one
 * that matched is compared in place (a page lists thousands of files, read once a run).
 */
function fileVersionReader(normalizedName) {
    const names = new Map();
    const matcher = {
        isProject(name) {
            let same = names.get(name);
            if (same === undefined) {
                same = normalizeProjectName(name) === normalizedName;
                if (names.size < 64)
                    names.set(name, same);
            }
            if (same)
                matcher.known = name;
            return same;
        }
    };
    return filename => readVersion(filename, matcher);
}
function readVersion(filename, project) {
    if (endsWithIgnoringCase(filename, '.whl')) {
        return wheelVersion(filename, filename.length - 4, project);
    }
    const lower = filename.toLowerCase();
    const extension = SDIST_EXTENSIONS.find(candidate => lower.endsWith(candidate));
    if (extension === undefined)
        return undefined;
    return sdistVersion(filename.slice(0, -extension.length), project);
}
/**
 * Where the part of a file's name that can hold its version ends: a wheel's second dash (the
 * version is the second part; build and compatibility tags such as `cp311` follow), else the
 * name's end.
 */
function versionPartEnd(filename) {
    if (!filename.endsWith('.whl'))
        return filename.length;
    const first = filename.indexOf('-');
    const second = first === -1 ? -1 : filename.indexOf('-', first + 1);
    return second === -1 ? filename.length : second;
}
function endsWithIgnoringCase(text, lowerSuffix) {
    if (text.endsWith(lowerSuffix))
        return true;
    return (text.length >= lowerSuffix.length &&
        text.slice(-lowerSuffix.length).toLowerCase() === lowerSuffix);
}
/**
 * `{name}-{version}(-{build})?-{python}-{abi}-{platform}` (the file name up to `end`, its
 * `.whl`): the second of five or six dash-separated parts.
 */
function wheelVersion(filename, end, project) {
    const first = filename.indexOf('-');
    if (first === -1 || first >= end)
        return undefined;
    const second = filename.indexOf('-', first + 1);
    if (second === -1 || second >= end)
        return undefined;
    let dashes = 2;
    for (let at = filename.indexOf('-', second + 1); at !== -1 && at < end;) {
        dashes++;
        at = filename.indexOf('-', at + 1);
    }
    if (dashes !== 4 && dashes !== 5)
        return undefined;
    if (!startsWithName(filename, first, project))
        return undefined;
    return second === first + 1 ? undefined : filename.slice(first + 1, second);
}
/** Whether `text` up to `length` is the project's name. */
function startsWithName(text, length, project) {
    const { known } = project;
    if (known !== undefined && known.length === length && text.startsWith(known))
        return true;
    return project.isProject(text.slice(0, length));
}
/**
 * `{name}-{version}`, where the name may itself hold dashes: the first dash after which the
 * part before it is the project's name. (Only one can be: a longer prefix adds a separator,
 * which normalising keeps.)
 */
function sdistVersion(stem, project) {
    for (let dash = stem.indexOf('-'); dash !== -1; dash = stem.indexOf('-', dash + 1)) {
        if (!startsWithName(stem, dash, project))
            continue;
        const version = stem.slice(dash + 1);
        return version === '' ? undefined : version;
    }
    return undefined;
}


/***/ }),

/***/ 83850:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   iF: () => (/* binding */ applyPackageCheckIgnores),
/* harmony export */   ir: () => (/* binding */ parsePackageRule),
/* harmony export */   iv: () => (/* binding */ parsePackageCheckIgnoreInput)
/* harmony export */ });
/* unused harmony export ruleMatches */
/* harmony import */ var _renovatebot_pep440__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(68898);
/* harmony import */ var _renovatebot_pep440__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(_renovatebot_pep440__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(58382);
/* harmony import */ var _shared_text_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(24646);
/* harmony import */ var _shared_expiring_rules_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(51735);
/* harmony import */ var _filenames_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(42600);
/**
 * `package-check-ignore`: package-health findings a team has accepted, by name (every finding
 * about the package) or `name==version` (only that release), with a reason, and in
 * .pyaudit.toml an expiry date too. Pure: the date is an argument, never the clock. Expiry
 * reads as for advisory ignores (src/pipeline/ignores.ts): `until` is the first day the rule
 * no longer applies.
 */





const PACKAGE_NAME = /^([A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9])$/;
/**
 * One rule from its text, `name` or `name==version`; undefined with `error` set when the text
 * is not one. Shared by the input and by .pyaudit.toml's `package` / `version` keys.
 */
function parsePackageRule(text) {
    const [namePart, version, ...rest] = text.split('==').map(part => part.trim());
    if (rest.length > 0 || !namePart || version === '') {
        return {
            error: `expected a package name or name==version, got ${JSON.stringify((0,_shared_text_js__WEBPACK_IMPORTED_MODULE_2__/* .excerpt */ .Kb)(text))}`
        };
    }
    if (!PACKAGE_NAME.test(namePart)) {
        return { error: `${JSON.stringify((0,_shared_text_js__WEBPACK_IMPORTED_MODULE_2__/* .excerpt */ .Kb)(namePart))} is not a package name` };
    }
    if (version !== undefined && (0,_renovatebot_pep440__WEBPACK_IMPORTED_MODULE_0__.valid)(version) === null) {
        return { error: `${JSON.stringify((0,_shared_text_js__WEBPACK_IMPORTED_MODULE_2__/* .excerpt */ .Kb)(version))} is not a PEP 440 version` };
    }
    const name = (0,_filenames_js__WEBPACK_IMPORTED_MODULE_3__/* .normalizeProjectName */ .yz)(namePart);
    return version === undefined ? { name } : { name, version };
}
/** The input: one `name` or `name==version` per line, `# reason` after it; blank lines skipped. */
function parsePackageCheckIgnoreInput(text, inputName = 'package-check-ignore') {
    return (0,_shared_text_js__WEBPACK_IMPORTED_MODULE_2__/* .listEntries */ .fi)(text).map(({ entry, reason, line }) => {
        const parsed = parsePackageRule(entry);
        if ('error' in parsed)
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(inputName, `line ${line}: ${parsed.error}`);
        return { ...parsed, ...(reason ? { reason } : {}), origin: `input ${inputName}, line ${line}` };
    });
}
function applyPackageCheckIgnores(issues, rules, today) {
    const applied = (0,_shared_expiring_rules_js__WEBPACK_IMPORTED_MODULE_4__/* .applyExpiringRules */ .y)(issues, rules, today, ruleMatches, describe);
    const ignored = applied.ignored.map(({ finding: issue, rule }) => ({ issue, rule }));
    return { ...applied, ignored };
}
function ruleMatches(rule, issue) {
    if (rule.name !== (0,_filenames_js__WEBPACK_IMPORTED_MODULE_3__/* .normalizeProjectName */ .yz)(issue.name))
        return false;
    if (rule.version === undefined)
        return true;
    const both = (0,_renovatebot_pep440__WEBPACK_IMPORTED_MODULE_0__.valid)(rule.version) !== null && (0,_renovatebot_pep440__WEBPACK_IMPORTED_MODULE_0__.valid)(issue.version) !== null;
    return both ? (0,_renovatebot_pep440__WEBPACK_IMPORTED_MODULE_0__.eq)(rule.version, issue.version) : rule.version === issue.version;
}
function describe(rule) {
    const target = rule.version === undefined ? rule.name : `${rule.name}==${rule.version}`;
    return `Package check ignore rule for ${target} (${rule.origin})`;
}


/***/ }),

/***/ 60178:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AR: () => (/* binding */ indexFeedName),
/* harmony export */   PT: () => (/* binding */ indexLocations),
/* harmony export */   cj: () => (/* binding */ projectPageTarget),
/* harmony export */   ts: () => (/* binding */ PackageIndexError)
/* harmony export */ });
/* unused harmony exports DEFAULT_INDEX_URL, parseIndexUrl, projectPageUrl */
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58382);
/**
 * Package index URLs as the health check uses them: credentials taken out of the URL into an
 * Authorization header (undici would not send userinfo, and it must never be printed), a form
 * safe to show in messages, and the project page of a name.
 */

const DEFAULT_INDEX_URL = 'https://pypi.org/simple/';
/** How an index is named in FeedErrors: "package index https://pypi.org/simple/". */
function indexFeedName(index) {
    return `package index ${index.display}`;
}
/**
 * A FeedError (the run fails closed, as for any feed) that says what failed in its own words:
 * "Package index https://pypi.org/simple/ failed: …", not "Advisory feed …".
 */
class PackageIndexError extends _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .FeedError */ .lS {
    constructor(feed, detail) {
        super(feed, detail);
        this.message = `${feed.charAt(0).toUpperCase()}${feed.slice(1)} failed: ${detail}`;
    }
}
/**
 * Reads an index URL. A URL that does not parse, or is not http(s), is a FeedError that does
 * not repeat the text: it may hold a password.
 */
function parseIndexUrl(url) {
    let parsed;
    try {
        parsed = new URL(url.trim());
    }
    catch {
        throw new PackageIndexError('package index (URL not shown)', 'the index URL is not a valid URL');
    }
    const hadUserinfo = parsed.username !== '' || parsed.password !== '';
    const authorization = hadUserinfo ? basicAuthorization(parsed) : undefined;
    parsed.username = '';
    parsed.password = '';
    parsed.hash = '';
    const shown = new URL(parsed.href);
    shown.search = '';
    const display = hadUserinfo ? shown.href.replace('://', '://***@') : shown.href;
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
        throw new PackageIndexError(`package index ${display}`, 'the index URL must be http or https');
    }
    if (!parsed.pathname.endsWith('/'))
        parsed.pathname += '/';
    return { display, base: parsed.href, ...(authorization ? { authorization } : {}) };
}
/**
 * The configured indexes in the order asked: `indexUrl` (else PyPI), then each extra one not
 * already in the list.
 */
function indexLocations(indexUrl, extraIndexUrls = []) {
    const locations = [];
    for (const url of [indexUrl ?? DEFAULT_INDEX_URL, ...extraIndexUrls]) {
        const location = parseIndexUrl(url);
        const duplicate = locations.some(known => known.base === location.base && known.authorization === location.authorization);
        if (!duplicate)
            locations.push(location);
    }
    return locations;
}
/** PEP 503: `<base>/<normalized-name>/`. The base's query, if any, is kept after the path. */
function projectPageUrl(index, normalizedName) {
    return projectPageTarget(index, normalizedName).href;
}
/** projectPageUrl as a URL, for a client that reads its parts. */
function projectPageTarget(index, normalizedName) {
    const url = new URL(index.base);
    url.pathname = `${url.pathname}${encodeURIComponent(normalizedName)}/`;
    return url;
}
function basicAuthorization(url) {
    const credentials = `${percentDecoded(url.username)}:${percentDecoded(url.password)}`;
    return `Basic ${Buffer.from(credentials).toString('base64')}`;
}
/** A stray `%` that starts no escape is kept as it is, as pip's unquote does. */
function percentDecoded(text) {
    try {
        return decodeURIComponent(text);
    }
    catch {
        return text;
    }
}


/***/ }),

/***/ 27987:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ PACKAGE_ISSUE_KINDS),
/* harmony export */   l: () => (/* binding */ DEFAULT_FAIL_ON_PACKAGE_STATUS)
/* harmony export */ });
const PACKAGE_ISSUE_KINDS = [
    'not-found',
    'quarantined',
    'archived',
    'deprecated',
    'yanked',
    'hash-mismatch'
];
/** The kinds that fail the run unless `failOnPackageStatus` says otherwise; the rest warn. */
const DEFAULT_FAIL_ON_PACKAGE_STATUS = [
    'not-found',
    'quarantined',
    'hash-mismatch'
];


/***/ }),

/***/ 39756:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _5: () => (/* binding */ versionKey),
/* harmony export */   _V: () => (/* binding */ releaseDigitsFilter),
/* harmony export */   qQ: () => (/* binding */ releaseSignature)
/* harmony export */ });
/* harmony import */ var _advisories_version_order_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(85682);
/**
 * PEP 440 equality as a string key: versions equal under PEP 440 (1.0 and 1.0.0, 1.0RC1 and
 * 1.0rc1, v2 and 2) get the same key, so a page's files can be grouped by release with a map.
 * The key is the advisory stage's (equalityKey: kept per spelling, canonical releases keyed
 * without parsing), so the two stages cannot disagree on which versions are one release.
 */

/**
 * The key of a version. A string that is not PEP 440 is only equal to itself, ignoring case
 * and the whitespace around it.
 */
function versionKey(version) {
    const key = (0,_advisories_version_order_js__WEBPACK_IMPORTED_MODULE_0__/* .equalityKey */ .Q1)(version);
    return key.startsWith('|=') ? `|=${version.trim().toLowerCase()}` : key;
}
const RELEASE_START = /^\s*v?(?:\d+!)?(\d+(?:\.\d+)*)/i;
/**
 * What a version's key is sure to share with every version equal to it: its release numbers
 * as PEP 440 compares them (leading zeros and trailing zero parts dropped; `1.0`, `1.0.0rc1`
 * and `v01.0.post1` all give `1`), or, for a string that does not start as a version, itself
 * lower-cased. Cheaper than the key: a page's reading keys only the versions whose signature
 * is one it looks for, not the thousands it lists. Versions with equal keys always have equal
 * signatures; the converse does not hold.
 */
function releaseSignature(version) {
    const release = RELEASE_START.exec(version)?.[1];
    if (release === undefined)
        return `|${version.trim().toLowerCase()}`;
    const plain = (0,_advisories_version_order_js__WEBPACK_IMPORTED_MODULE_0__/* .canonicalReleaseKey */ .rn)(release);
    if (plain !== undefined)
        return plain;
    const parts = release.split('.').map(part => part.replace(/^0+(?=\d)/, ''));
    while (parts.length > 1 && parts.at(-1) === '0')
        parts.pop();
    return parts.join('.');
}
/**
 * A test passing every text that holds a version PEP 440-equal to one of `versions` (and
 * others): such a version writes each part of the release, leading zeros aside, so it holds the
 * longest non-zero part's digits. A page's reading skips on it the files no version asked for
 * can be (most of a page) without reading their versions; a version asked for that is not
 * PEP 440, or whose release is all zeros, passes every text. With `end`, the digits must be in
 * the text before it (where the version can be: a wheel's tags, `cp311`, come after).
 */
function releaseDigitsFilter(versions) {
    const tokens = [];
    for (const version of versions) {
        const release = RELEASE_START.exec(version)?.[1];
        if (release === undefined || !(0,_advisories_version_order_js__WEBPACK_IMPORTED_MODULE_0__/* .isPep440 */ .it)(version))
            return () => true;
        let longest = '';
        for (const part of release.split('.')) {
            const digits = part.replace(/^0+/, '');
            if (digits.length > longest.length)
                longest = digits;
        }
        if (longest === '')
            return () => true;
        tokens.push(longest);
    }
    const [only] = tokens;
    // The first occurrence is the earliest to end: if it ends past `end`, every one does.
    const within = (text, token, end) => {
        const at = text.indexOf(token);
        return at !== -1 && at + token.length <= end;
    };
    if (tokens.length === 1)
        return (text, end = text.length) => within(text, only, end);
    return (text, end = text.length) => tokens.some(token => within(text, token, end));
}


/***/ }),

/***/ 89054:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JJ: () => (/* binding */ UUID_PATTERN),
/* harmony export */   Sq: () => (/* binding */ checkApiKey),
/* harmony export */   W7: () => (/* binding */ defaultProjectCoordinates),
/* harmony export */   _C: () => (/* binding */ parseDependencyTrackParent),
/* harmony export */   ff: () => (/* binding */ describeTarget),
/* harmony export */   qT: () => (/* binding */ normalizeBaseUrl),
/* harmony export */   u_: () => (/* binding */ DEPENDENCY_TRACK_INPUTS)
/* harmony export */ });
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58382);
/* harmony import */ var _shared_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(24646);
/**
 * Dependency-Track settings checked before anything is sent, and the defaults a workflow run
 * implies. Pure. Messages never echo the API key.
 */


/** The action inputs behind DependencyTrackOptions, named in errors. */
const DEPENDENCY_TRACK_INPUTS = {
    url: 'dependency-track-url',
    apiKey: 'dependency-track-api-key',
    projectName: 'dependency-track-project',
    projectVersion: 'dependency-track-version',
    projectUuid: 'dependency-track-project-uuid',
    parent: 'dependency-track-parent',
    autoCreate: 'dependency-track-auto-create',
    wait: 'dependency-track-wait',
    waitTimeout: 'dependency-track-wait-timeout'
};
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/**
 * The project when none is configured: the repository (owner/name, so that two owners'
 * repositories of the same name stay apart on a shared server) at the branch or tag that
 * ran. A pull request is "pr-<number>", so that it never overwrites its target branch.
 */
function defaultProjectCoordinates(env) {
    const pull = /^refs\/pull\/(\d+)\//.exec(env.GITHUB_REF ?? '');
    const version = pull ? `pr-${pull[1]}` : env.GITHUB_REF_NAME || undefined;
    return {
        ...(env.GITHUB_REPOSITORY ? { projectName: env.GITHUB_REPOSITORY } : {}),
        ...(version ? { projectVersion: version } : {})
    };
}
/** Input dependency-track-parent: a project UUID, or else a project name. */
function parseDependencyTrackParent(raw) {
    const value = raw.trim();
    if (value === '')
        return {};
    return UUID_PATTERN.test(value) ? { parentUuid: value.toLowerCase() } : { parentName: value };
}
/** The API server's base, without a trailing slash or a pasted /api or /api/v1. */
function normalizeBaseUrl(raw) {
    let url;
    try {
        url = new URL(raw.trim());
    }
    catch {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(DEPENDENCY_TRACK_INPUTS.url, `"${(0,_shared_text_js__WEBPACK_IMPORTED_MODULE_1__/* .redactCredentials */ .UY)(raw)}" is not a URL; expected e.g. https://dtrack.example.com`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(DEPENDENCY_TRACK_INPUTS.url, `expected an http(s) URL, got ${url.protocol}`);
    }
    if (url.username || url.password || url.search || url.hash) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(DEPENDENCY_TRACK_INPUTS.url, 'give the base URL only: no credentials, query or fragment');
    }
    const path = url.pathname.replace(/\/+$/, '').replace(/\/api(\/v1)?$/, '');
    return `${url.origin}${path}`;
}
function checkApiKey(apiKey) {
    const key = apiKey.trim();
    if (key === '') {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(DEPENDENCY_TRACK_INPUTS.apiKey, 'is empty; pass the secret that holds the API key');
    }
    // A line break would end the header early; say so without showing the key.
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f\s]/.test(key)) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(DEPENDENCY_TRACK_INPUTS.apiKey, 'contains white space or a control character; check how the secret was pasted');
    }
    return key;
}
/** How messages name the project, e.g. `"octo/app" version "main"`; checks it is named at all. */
function describeTarget(project) {
    if (project.projectUuid) {
        if (!UUID_PATTERN.test(project.projectUuid)) {
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(DEPENDENCY_TRACK_INPUTS.projectUuid, `"${project.projectUuid}" is not a UUID`);
        }
        return `UUID ${project.projectUuid}`;
    }
    if (!project.projectName) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(DEPENDENCY_TRACK_INPUTS.projectName, 'is empty, and so is the project UUID: name the project to upload to');
    }
    const version = project.projectVersion ? ` version "${project.projectVersion}"` : '';
    return `"${project.projectName}"${version}`;
}


/***/ }),

/***/ 97970:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ sendSbomToDependencyTrack)
/* harmony export */ });
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(89054);

/**
 * Uploads the SBOM when config asks for Dependency-Track; undefined when it does not. Throws
 * the client's errors (they name the server and the input to fix, never the API key), so
 * each caller decides how a failed upload is reported next to the audit's verdict.
 */
async function sendSbomToDependencyTrack(config, sbom, logger, env) {
    const options = config.dependencyTrack;
    if (!options)
        return undefined;
    // The engine builds an SBOM whenever Dependency-Track is configured; none would be a bug.
    if (sbom === undefined)
        throw new Error('no SBOM was built for the Dependency-Track upload');
    const { uploadToDependencyTrack } = await __webpack_require__.e(/* import() */ 800).then(__webpack_require__.bind(__webpack_require__, 85800));
    const result = await uploadToDependencyTrack(sbom, {
        ...options,
        logger,
        env,
        requestTimeoutMs: config.requestTimeoutMs
    });
    return { result, project: (0,_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .describeTarget */ .ff)(options) };
}


/***/ }),

/***/ 99683:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  dp: () => (/* binding */ decideScope),
  Cn: () => (/* binding */ parseBaseRef)
});

// UNUSED EXPORTS: FETCH_DEPTH_ADVICE

// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(58382);
// EXTERNAL MODULE: ./src/shared/text.ts
var shared_text = __webpack_require__(24646);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./src/shared/json-shape.ts
var json_shape = __webpack_require__(66511);
;// CONCATENATED MODULE: ./src/integrations/git/event-base.ts
/**
 * The base commit GitHub names in the event that started the run: `pull_request.base.sha` for
 * pull_request and pull_request_target, `merge_group.base_sha` for merge_group.
 */



/** The events whose runs are judged on what they change when `scope` is `auto`. */
const CHANGE_EVENTS = [
    'pull_request',
    'pull_request_target',
    'merge_group'
];
/** Real event payloads are kilobytes; this only keeps a broken file from being read whole. */
const MAX_PAYLOAD_BYTES = 32 * 1024 * 1024;
const COMMIT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
/**
 * Reads GITHUB_EVENT_NAME and the payload at GITHUB_EVENT_PATH from `env`. Only the change
 * events carry a base; any other event (push, schedule, the CLI outside Actions) has none.
 */
async function baseFromEvent(env) {
    const eventName = env.GITHUB_EVENT_NAME ?? '';
    if (!CHANGE_EVENTS.includes(eventName))
        return { found: false };
    const payloadPath = env.GITHUB_EVENT_PATH;
    if (!payloadPath)
        return { found: false, problem: `GITHUB_EVENT_PATH is not set` };
    let payload;
    try {
        const stat = await promises_.stat(payloadPath);
        if (stat.size > MAX_PAYLOAD_BYTES) {
            return { found: false, problem: `the event payload ${payloadPath} is over 32 MiB` };
        }
        payload = JSON.parse(await promises_.readFile(payloadPath, 'utf8'));
    }
    catch (error) {
        const reason = error instanceof SyntaxError ? 'it is not JSON' : error.message;
        return { found: false, problem: `cannot read the event payload ${payloadPath}: ${reason}` };
    }
    const base = eventName === 'merge_group'
        ? fields(payload, ['merge_group'], 'base_sha', 'base_ref')
        : fields(payload, ['pull_request', 'base'], 'sha', 'ref');
    if (!base) {
        const where = eventName === 'merge_group' ? 'merge_group.base_sha' : 'pull_request.base.sha';
        return { found: false, problem: `the ${eventName} event payload has no commit id at ${where}` };
    }
    return { found: true, base };
}
function fields(payload, objectPath, shaKey, refKey) {
    let node = payload;
    for (const key of objectPath)
        node = (0,json_shape/* isObject */.G)(node) ? node[key] : undefined;
    if (!(0,json_shape/* isObject */.G)(node))
        return undefined;
    const sha = node[shaKey];
    if (typeof sha !== 'string' || !COMMIT_ID.test(sha))
        return undefined;
    const ref = node[refKey];
    const shown = typeof ref === 'string' && ref !== '' ? (0,shared_text/* excerpt */.Kb)(ref.replace(/^refs\/heads\//, ''), 200) : sha;
    return { ref: shown, sha };
}

// EXTERNAL MODULE: ./src/integrations/git/run-git.ts
var run_git = __webpack_require__(68488);
;// CONCATENATED MODULE: ./src/integrations/git/base-commit.ts
/**
 * Which scope a run has and, for `changes`, the base commit it compares with: from input
 * `base-ref`, else from the event. A base missing from a shallow clone is fetched alone
 * (`git fetch --depth=1 origin <sha>`); when that fails the run judges every dependency and
 * says how to make the base available, never passing silently.
 */




const FETCH_DEPTH_ADVICE = 'Give actions/checkout `fetch-depth: 2` (the merge commit of a pull request and its base) or `fetch-depth: 0` (all history) so that the base is in the clone.';
const ALL = 'judging every dependency (scope: all)';
/**
 * `all` asks for nothing. `auto` compares on pull_request, pull_request_target and
 * merge_group events, and wherever `base-ref` is given (an explicit base says what to compare
 * with); elsewhere it is `all`. `changes` without any base is `all` with a warning.
 */
async function decideScope(options) {
    if (options.scope === 'all')
        return { scope: 'all', reason: 'scope: all' };
    const baseRef = parseBaseRef(options.baseRef);
    let ref;
    let candidates;
    if (baseRef !== undefined) {
        ref = baseRef;
        candidates = localNames(baseRef);
    }
    else {
        const event = await baseFromEvent(options.env);
        if (!event.found) {
            const eventName = options.env.GITHUB_EVENT_NAME || 'none';
            if (event.problem)
                return fallBack(`The base commit is unknown: ${event.problem}`);
            if (options.scope === 'auto') {
                return {
                    scope: 'all',
                    reason: `scope: auto on a run that is not a pull request (event: ${eventName})`
                };
            }
            return fallBack(`scope: changes needs a base to compare with, and this run has none (event: ${eventName}): set base-ref, or run on pull_request, pull_request_target or merge_group`);
        }
        ref = event.base.ref;
        candidates = [event.base.sha];
    }
    const git = { cwd: options.cwd, env: options.env };
    try {
        const inClone = await (0,run_git/* runGit */.EO)(['rev-parse', '--is-inside-work-tree'], git);
        if (inClone.exitCode !== 0) {
            return fallBack(`${options.cwd} is not in a git clone (${(0,run_git/* gitComplaint */.OO)(inClone)}), so the base cannot be read. Check the repository out with actions/checkout`);
        }
        for (const name of candidates) {
            const sha = await commitOf(name, git);
            if (sha)
                return changes(ref, sha, false);
        }
        const target = candidates[0];
        if (!(await canFetch(target, git))) {
            return fallBack(`base-ref ${(0,shared_text/* excerpt */.Kb)(ref)} names no commit in the clone`, true);
        }
        options.logger.info(`The base ${(0,shared_text/* excerpt */.Kb)(ref)} is not in the clone: fetching that one commit`);
        const fetch = await (0,run_git/* runGit */.EO)([
            'fetch',
            '--no-tags',
            '--no-recurse-submodules',
            '--depth=1',
            'origin',
            '--end-of-options',
            target
        ], { ...git, timeoutMs: options.fetchTimeoutMs ?? 120_000 });
        const fetched = fetch.exitCode === 0
            ? await commitOf(isCommitId(target) ? target : 'FETCH_HEAD', git)
            : undefined;
        if (fetched)
            return changes(ref, fetched, true);
        const shown = isCommitId(target) ? `${target} (${(0,shared_text/* excerpt */.Kb)(ref)})` : (0,shared_text/* excerpt */.Kb)(ref);
        const why = fetch.exitCode === 0 ? 'the fetch brought no such commit' : (0,run_git/* gitComplaint */.OO)(fetch);
        return fallBack(`The base commit ${shown} is not in the clone and could not be fetched (${why})`, true);
    }
    catch (error) {
        if (!(error instanceof run_git/* GitError */.XS))
            throw error;
        return fallBack(`The base cannot be read: ${error.message}`);
    }
}
function changes(ref, sha, fetched) {
    return { scope: 'changes', base: { ref, sha, fetched } };
}
function fallBack(problem, adviseFetchDepth = false) {
    const advice = adviseFetchDepth ? ` ${FETCH_DEPTH_ADVICE}` : '';
    return {
        scope: 'all',
        reason: 'the base is not available',
        warning: `${problem}: ${ALL}.${advice}`
    };
}
/** Input `base-ref` as given, or undefined when empty; refuses what git would read as an option. */
function parseBaseRef(value) {
    const ref = value?.trim() ?? '';
    if (ref === '')
        return undefined;
    // eslint-disable-next-line no-control-regex
    if (ref.startsWith('-') || /[\s\u0000-\u001f\u007f]/.test(ref) || ref.length > 256) {
        throw new errors/* InputError */.dz('base-ref', `expected a commit, branch or tag name, got ${JSON.stringify((0,shared_text/* excerpt */.Kb)(ref))}`);
    }
    return ref;
}
/**
 * Where a name may be found in a clone: as written, then as the remote-tracking branch that
 * actions/checkout creates for a branch (`main` is `origin/main` there).
 */
function localNames(ref) {
    if (isCommitId(ref) || ref.startsWith('refs/') || /[~^:@]/.test(ref))
        return [ref];
    return [ref, `refs/remotes/origin/${ref}`];
}
async function commitOf(rev, git) {
    const result = await (0,run_git/* runGit */.EO)(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], git);
    const sha = result.stdout.toString('utf8').trim();
    return result.exitCode === 0 && /^[0-9a-f]{40,64}$/.test(sha) ? sha : undefined;
}
function isCommitId(ref) {
    return /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(ref);
}
/** A commit id, or a name `git fetch` takes as one ref (no revision syntax like `main~1`). */
async function canFetch(ref, git) {
    if (isCommitId(ref))
        return true;
    const check = await (0,run_git/* runGit */.EO)(['check-ref-format', '--allow-onelevel', ref], git);
    return check.exitCode === 0;
}


/***/ }),

/***/ 68488:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EO: () => (/* binding */ runGit),
/* harmony export */   OO: () => (/* binding */ gitComplaint),
/* harmony export */   XS: () => (/* binding */ GitError)
/* harmony export */ });
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58382);
/* harmony import */ var _shared_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(24646);
/**
 * Running git: an argument array (never a shell), a timeout, and no prompt. Everything here
 * reads the repository or fetches one commit; nothing touches the work tree or the index.
 */


/** git could not be run at all, or did not finish in time. */
class GitError extends _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PyauditError */ .xE {
    name = 'GitError';
}
const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_MAX_OUTPUT = 64 * 1024 * 1024;
/**
 * Runs `git <args>` and resolves with its exit code and output, whatever the exit code. Rejects
 * with a GitError when git is missing, is stopped by the timeout, or writes too much.
 */
async function runGit(args, options) {
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const activity = `git ${args[0] ?? ''}`.trim();
    // Loaded when git first runs (~0.5 ms): every run loads this module, since the configuration
    // checks base-ref with base-commit.ts, while few runs call git.
    const { execFile } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 31421, 23));
    return new Promise((resolve, reject) => {
        const child = execFile('git', [...args], {
            cwd: options.cwd,
            // A fetch that needs credentials it does not have fails instead of waiting for a prompt.
            env: { ...options.env, GIT_TERMINAL_PROMPT: '0', GCM_INTERACTIVE: 'never' },
            timeout: timeoutMs,
            maxBuffer: options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT,
            windowsHide: true,
            encoding: 'buffer'
        }, (error, stdout, stderr) => {
            const errorText = stderr.toString('utf8');
            if (!error)
                return resolve({ exitCode: 0, stdout, stderr: errorText });
            const failure = error;
            if (failure.code === 'ENOENT')
                return reject(new GitError('git was not found on PATH'));
            if (failure.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
                return reject(new GitError(`${activity} wrote more than the output limit`));
            }
            if (failure.killed) {
                return reject(new GitError(`${activity} did not finish within ${timeoutMs / 1000} s and was stopped`));
            }
            if (typeof failure.code === 'number') {
                return resolve({ exitCode: failure.code, stdout, stderr: errorText });
            }
            reject(new GitError(`${activity} could not be run: ${failure.message}`));
        });
        child.stdin?.on('error', () => { }); // git may exit before reading all of its input
        child.stdin?.end(options.input ?? '');
    });
}
/**
 * git's complaint, on one line, without credentials, for a warning a user reads: its first
 * `fatal:` or `error:` line (the advice after it, "Please make sure you have the correct access
 * rights...", says less), else its last line.
 */
function gitComplaint(result) {
    const lines = result.stderr.split(/\r?\n/).filter(line => line.trim() !== '');
    const line = lines.find(text => /^(fatal|error): /.test(text)) ??
        lines.at(-1) ??
        `exit code ${result.exitCode}`;
    return (0,_shared_text_js__WEBPACK_IMPORTED_MODULE_1__/* .excerpt */ .Kb)((0,_shared_text_js__WEBPACK_IMPORTED_MODULE_1__/* .redactCredentials */ .UY)(line.replace(/^(fatal|error): /, '')), 200);
}


/***/ }),

/***/ 89893:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CN: () => (/* binding */ checkArtifactName),
/* harmony export */   mz: () => (/* binding */ uploadArtifact)
/* harmony export */ });
/* unused harmony exports ArtifactUploadError, defaultArtifactName, artifactUrl */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(58382);
/* harmony import */ var _matrix_leg_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(66271);




/** An artifact service that answered but would not take the report. */
class ArtifactUploadError extends _shared_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .PyauditError */ .xE {
    name = 'ArtifactUploadError';
}
/**
 * Uploads files as one workflow artifact. Where there is no artifact service (a local run,
 * or GHES without the v4 service) it says so and returns undefined: the report is still on
 * disk, and a missing upload must not fail a security check.
 *
 * A name another job, matrix leg or step already used in this run is not a reason to lose
 * the report, nor to hide that it happened: the upload is retried once under the name plus
 * a random suffix, with a warning that names both. Any other failure throws.
 */
async function uploadArtifact(files, env, logger, notice, options = {}) {
    if (!env.ACTIONS_RUNTIME_TOKEN || !env.ACTIONS_RESULTS_URL) {
        notice(`No artifact service here (not on a GitHub-hosted workflow run); the report stays at ${files.join(', ')}`);
        return undefined;
    }
    const noEnterpriseService = () => notice(`Artifact upload is not supported on this GitHub Enterprise Server; the report stays at ${files.join(', ')}`);
    if (isEnterpriseServer(env)) {
        noEnterpriseService();
        return undefined;
    }
    const chosen = options.name?.trim();
    if (chosen)
        checkArtifactName(chosen);
    const firstName = chosen || defaultArtifactName(env, options.discriminators ?? []);
    // Loaded only when used: the artifact client is most of the bundle's start-up cost.
    const { DefaultArtifactClient, GHESNotSupportedError } = await Promise.all(/* import() */[__webpack_require__.e(838), __webpack_require__.e(351), __webpack_require__.e(30), __webpack_require__.e(935)]).then(__webpack_require__.bind(__webpack_require__, 77935));
    const client = new DefaultArtifactClient();
    const root = commonDirectory(files);
    const retention = options.retentionDays ? { retentionDays: options.retentionDays } : {};
    const upload = async (name) => {
        const { id } = await client.uploadArtifact(name, files, root, retention);
        if (id === undefined)
            throw new Error('the artifact service returned no artifact id');
        const url = artifactUrl(env, id);
        logger.info(`Uploaded artifact ${name} (id ${id})${url ? `: ${url}` : ''}`);
        return { id, name, ...(url ? { url } : {}) };
    };
    try {
        return await upload(firstName);
    }
    catch (error) {
        if (error instanceof GHESNotSupportedError) {
            noEnterpriseService();
            return undefined;
        }
        if (!isNameConflict(error))
            throw uploadFailed(firstName, files, error);
    }
    const secondName = `${firstName}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.randomBytes)(3).toString('hex')}`;
    logger.warning(`An artifact named "${firstName}" already exists in this workflow run (another job, matrix leg or step uploaded one); ` +
        `uploading the report as "${secondName}" instead. Give each audit its own artifact-name to avoid this.`);
    try {
        return await upload(secondName);
    }
    catch (error) {
        throw uploadFailed(secondName, files, error);
    }
}
/**
 * Unique per step and matrix leg without being random: the job id, then a short hash of the
 * step (GITHUB_ACTION is unique per step within a job), the runner's OS and architecture and
 * the caller's discriminators. A re-run attempt gets its own name.
 */
function defaultArtifactName(env, discriminators) {
    const job = (env.GITHUB_JOB || 'local').replace(/[^A-Za-z0-9_.-]/g, '-');
    const leg = (0,_matrix_leg_js__WEBPACK_IMPORTED_MODULE_3__/* .matrixLegHash */ .Q)(env, discriminators);
    const attempt = Number(env.GITHUB_RUN_ATTEMPT ?? '1');
    return `pyaudit-report-${job}-${leg}${attempt > 1 ? `-attempt${attempt}` : ''}`;
}
/** The artifact's page, e.g. https://github.com/o/r/actions/runs/1/artifacts/2. */
function artifactUrl(env, id) {
    const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
    if (!env.GITHUB_REPOSITORY || !env.GITHUB_RUN_ID)
        return undefined;
    return `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}/artifacts/${id}`;
}
/**
 * GHES has no artifact service v4. Checked here, as @actions/artifact checks it, so that the
 * library does not first print its own warning about it.
 */
function isEnterpriseServer(env) {
    let host;
    try {
        host = new URL(env.GITHUB_SERVER_URL || 'https://github.com').hostname.toLowerCase();
    }
    catch {
        return false;
    }
    return host !== 'github.com' && !host.endsWith('.ghe.com') && !host.endsWith('.localhost');
}
/** The characters the artifact service refuses in a name. */
// eslint-disable-next-line no-control-regex
const FORBIDDEN_IN_NAME = /[":<>|*?\\/\u0000-\u001f]/;
/** Refuses a name the service would refuse (the artifact-name input, checked by parseConfig). */
function checkArtifactName(name) {
    const bad = FORBIDDEN_IN_NAME.exec(name);
    if (bad) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('artifact-name', `artifact names cannot contain ${JSON.stringify(bad[0])} (nor any of " : < > | * ? \\ / or control characters)`);
    }
}
/** @actions/artifact reports the service's 409 as "(409) Conflict: ... already exists". */
function isNameConflict(error) {
    const message = error instanceof Error ? error.message : String(error);
    return /\(409\)|already exists/i.test(message);
}
function uploadFailed(name, files, error) {
    const detail = (error instanceof Error ? error.message : String(error))
        // eslint-disable-next-line no-control-regex
        .replace(/[\u0000-\u001f\u007f]+/g, ' ')
        .trim();
    return new ArtifactUploadError(`Could not upload the report as artifact "${name}": ${detail}. The report is still at ${files.join(', ')}.`, { cause: error });
}
function commonDirectory(files) {
    const dirs = files.map(file => node_path__WEBPACK_IMPORTED_MODULE_0__.dirname(node_path__WEBPACK_IMPORTED_MODULE_0__.resolve(file)));
    let common = dirs[0] ?? process.cwd();
    for (const dir of dirs) {
        while (dir !== common && !dir.startsWith(common + node_path__WEBPACK_IMPORTED_MODULE_0__.sep))
            common = node_path__WEBPACK_IMPORTED_MODULE_0__.dirname(common);
    }
    return common;
}


/***/ }),

/***/ 66271:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ matrixLegHash)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

/**
 * A short, stable hash of this step and matrix leg: GITHUB_ACTION (unique per step in a job),
 * the runner's OS and architecture, and what the caller knows sets legs apart (working
 * directory, paths, Python version). Matrix legs share GITHUB_JOB, so names and comment
 * markers built from the job alone would collide.
 */
function matrixLegHash(env, discriminators) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256')
        .update(JSON.stringify([
        env.GITHUB_ACTION ?? '',
        env.RUNNER_OS ?? '',
        env.RUNNER_ARCH ?? '',
        ...discriminators
    ]))
        .digest('hex')
        .slice(0, 8);
}


/***/ }),

/***/ 73236:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AQ: () => (/* binding */ RequestDeadline),
/* harmony export */   EF: () => (/* binding */ readCapped),
/* harmony export */   TN: () => (/* binding */ oneLine),
/* harmony export */   Xo: () => (/* binding */ formatSeconds),
/* harmony export */   bL: () => (/* binding */ setUpClient),
/* harmony export */   gl: () => (/* binding */ describeNetworkError),
/* harmony export */   k$: () => (/* binding */ underDeadline),
/* harmony export */   wx: () => (/* binding */ header)
/* harmony export */ });
/* unused harmony exports DEFAULT_REQUEST_TIMEOUT_MS, DEFAULT_CONNECTIONS, DEFAULT_MAX_RESPONSE_BYTES */
/* harmony import */ var _collect_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(13009);
/* harmony import */ var _connections_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(92994);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(37893);
/* harmony import */ var _shared_log_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(21827);
/**
 * What every HTTP client of this tool sets up the same way (src/net/http.ts's JsonClient for
 * the feeds, src/health/index-http.ts's IndexClient for package indexes): the options, their
 * defaults, the connection pool, and one attempt under a deadline for the whole request.
 */




const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;
const DEFAULT_CONNECTIONS = 16;
const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
function setUpClient(options) {
    const requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    // Only a per-read limit shorter than the whole request's can be of use. Otherwise it is
    // off: the deadline covers it, and its message names the limit the user set.
    const perRead = options.timeoutMs ?? Infinity;
    return {
        requestTimeoutMs,
        readTimeoutMs: perRead < requestTimeoutMs ? perRead : 0,
        retry: { ..._retry_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_RETRY */ .vI, ...definedOnly(options.retry ?? {}) },
        logger: options.logger ?? _shared_log_js__WEBPACK_IMPORTED_MODULE_3__/* .silentLogger */ .q,
        maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
        connections: new _connections_js__WEBPACK_IMPORTED_MODULE_1__/* .Connections */ .UQ({
            connections: options.connections ?? DEFAULT_CONNECTIONS,
            connectTimeoutMs: Math.min(perRead, requestTimeoutMs),
            ...definedOnly({
                allowH2: options.allowH2,
                maxConcurrentStreams: options.maxConcurrentStreams,
                extraCaCerts: options.extraCaCerts,
                env: options.env
            })
        })
    };
}
/**
 * One attempt of a request, `send` given the signal to hand to undici: it aborts when the
 * request's whole time is up (a failure worth retrying) or when the caller's `signal` fires
 * (which ends the request and its retries: its reason is thrown).
 */
async function underDeadline(timeoutMs, signal, send) {
    const deadline = new RequestDeadline(timeoutMs);
    try {
        return await send(deadline.over(signal));
    }
    catch (error) {
        if (signal?.aborted)
            throw signal.reason;
        if (deadline.passed)
            return (0,_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .failed */ .gz)({ description: deadline.description, retryable: true });
        return (0,_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .failed */ .gz)(describeNetworkError(error));
    }
    finally {
        deadline.clear();
    }
}
/**
 * One request's time limit, headers and body together: the signal it gives aborts the request
 * (undici then destroys the body stream too) when the time is up or the caller's signal fires.
 */
class RequestDeadline {
    ms;
    controller = new AbortController();
    timer;
    constructor(ms) {
        this.ms = ms;
        this.timer = setTimeout(() => this.controller.abort(new Error(this.description)), ms);
    }
    /** The signal to hand to the request: this deadline's, and the caller's when there is one. */
    over(signal) {
        return signal ? AbortSignal.any([signal, this.controller.signal]) : this.controller.signal;
    }
    get passed() {
        return this.controller.signal.aborted;
    }
    get description() {
        return `timed out after ${formatSeconds(this.ms)} (headers and body)`;
    }
    clear() {
        clearTimeout(this.timer);
    }
}
/** "60 s", "0.25 s": the unit the request-timeout input is given in. */
function formatSeconds(ms) {
    return `${Number((ms / 1000).toFixed(3))} s`;
}
/** Network failures worth another try: the connection dropped, was refused, or went quiet. */
const TRANSIENT_CODES = new Set([
    'ECONNRESET',
    'ECONNREFUSED',
    'ECONNABORTED',
    'EPIPE',
    'ETIMEDOUT',
    'EAI_AGAIN',
    'ENETUNREACH',
    'EHOSTUNREACH',
    'UND_ERR_SOCKET',
    'UND_ERR_CLOSED',
    'UND_ERR_CONNECT_TIMEOUT',
    'UND_ERR_HEADERS_TIMEOUT',
    'UND_ERR_BODY_TIMEOUT',
    'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
    // HTTP/2: the server reset the stream (REFUSED_STREAM, INTERNAL_ERROR...) or the session,
    // what a dropped connection is to HTTP/1.1. A GOAWAY comes as UND_ERR_SOCKET.
    'ERR_HTTP2_STREAM_ERROR',
    'ERR_HTTP2_SESSION_ERROR'
]);
function describeNetworkError(error) {
    const code = errorCode(error);
    const cause = errorCode(error?.cause);
    const message = error instanceof Error ? error.message : String(error);
    const description = code ? `${code} (${message})` : message;
    const retryable = TRANSIENT_CODES.has(code ?? '') || TRANSIENT_CODES.has(cause ?? '');
    return { description: oneLine(description), retryable };
}
function errorCode(error) {
    const code = error?.code;
    return typeof code === 'string' ? code : undefined;
}
/** A body over `max` bytes is refused, not retried: the next answer would be as large. */
async function readCapped(body, max) {
    const chunks = [];
    let size = 0;
    for await (const chunk of body) {
        size += chunk.length;
        if (size > max) {
            throw (0,_collect_js__WEBPACK_IMPORTED_MODULE_0__/* .responseTooLarge */ .Fh)(max);
        }
        chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString('utf8');
}
/** Untrusted text must not start a line of its own: the runner reads `::` lines as commands. */
function oneLine(text) {
    // eslint-disable-next-line no-control-regex
    const flat = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
    return flat.length > 200 ? `${flat.slice(0, 200)}…` : flat;
}
function header(value) {
    return Array.isArray(value) ? value[0] : value;
}
function definedOnly(value) {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}


/***/ }),

/***/ 13009:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fh: () => (/* binding */ responseTooLarge),
/* harmony export */   Fo: () => (/* binding */ collect),
/* harmony export */   j3: () => (/* binding */ DeadlineError),
/* harmony export */   oR: () => (/* binding */ joined)
/* harmony export */ });
/* unused harmony export headerRecord */
/** An answer over `max` bytes: not retried, since the next one would be as large. */
function responseTooLarge(max) {
    return Object.assign(new Error(`response over ${max} bytes`), { code: 'RESPONSE_TOO_LARGE' });
}
/** The request's deadline passed before its answer was in (headers and body). */
class DeadlineError extends Error {
    name = 'DeadlineError';
    code = 'PYAUDIT_REQUEST_DEADLINE';
    constructor() {
        super('the request did not complete in time');
    }
}
const NO_BODY = Buffer.alloc(0);
/** The chunks as one buffer; a body that came in one chunk is not copied. */
function joined(chunks, keep) {
    if (!keep)
        return NO_BODY;
    return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
}
/** `url` asked through `dispatcher`; settles once the whole body is in, or with the error. */
function collect(dispatcher, url, options) {
    const { signal, maxResponseBytes, keepBody, deadlineAt } = options;
    return new Promise((resolve, reject) => {
        if (signal?.aborted) {
            reject(signal.reason);
            return;
        }
        const { origin, pathname, search } = typeof url === 'string' ? new URL(url) : url;
        let abort;
        let timer;
        /** Why the request ended before its answer (the caller's reason, or the deadline). */
        let ended;
        let settled = false;
        let statusCode = 0;
        let headers = {};
        let keep = false;
        let size = 0;
        const chunks = [];
        const done = () => {
            if (settled)
                return false;
            settled = true;
            signal?.removeEventListener('abort', onAbort);
            if (timer !== undefined)
                clearTimeout(timer);
            return true;
        };
        const fail = (error) => {
            if (!done())
                return;
            ended = error;
            reject(error);
        };
        // The caller's signal ends the request at once, with its reason, as request() does.
        function onAbort() {
            const reason = signal.reason;
            fail(reason);
            abort?.(reason);
        }
        signal?.addEventListener('abort', onAbort, { once: true });
        if (deadlineAt !== undefined) {
            const remaining = deadlineAt - performance.now();
            if (remaining <= 0) {
                fail(new DeadlineError());
                return;
            }
            timer = setTimeout(() => {
                const error = new DeadlineError();
                fail(error);
                abort?.(error);
            }, remaining);
        }
        const handler = {
            onConnect(abortRequest) {
                abort = abortRequest;
                if (settled)
                    abortRequest(ended ?? signal?.reason);
            },
            onHeaders(status, rawHeaders) {
                // 1xx answers are interim; the final one follows.
                if (status < 200)
                    return true;
                statusCode = status;
                headers = headerRecord(rawHeaders);
                keep = keepBody(status);
                return true;
            },
            onData(chunk) {
                if (!keep)
                    return true;
                size += chunk.length;
                if (size > maxResponseBytes) {
                    const error = responseTooLarge(maxResponseBytes);
                    fail(error);
                    abort?.(error);
                    return false;
                }
                chunks.push(chunk);
                return true;
            },
            onComplete() {
                if (!done())
                    return;
                resolve({ statusCode, headers, body: joined(chunks, keep) });
            },
            onError(error) {
                fail(error);
            }
        };
        try {
            dispatcher.dispatch({
                origin,
                path: `${pathname}${search}`,
                method: options.method,
                headers: options.headers,
                headersTimeout: options.headersTimeout,
                bodyTimeout: options.bodyTimeout
            }, handler);
        }
        catch (error) {
            fail(error);
        }
    });
}
/**
 * Raw header pairs as undici's request() gives them: lower-case names, latin1 values, a
 * repeated header as an array (own properties only: no name reaches the prototype).
 */
function headerRecord(raw) {
    const record = Object.create(null);
    for (let i = 0; i + 1 < raw.length; i += 2) {
        const name = text(raw[i]).toLowerCase();
        const value = raw[i + 1];
        const values = Array.isArray(value) ? value.map(text) : [text(value)];
        const had = record[name];
        const all = had === undefined ? values : [...(Array.isArray(had) ? had : [had]), ...values];
        record[name] = all.length === 1 ? all[0] : all;
    }
    return record;
}
function text(value) {
    if (Array.isArray(value))
        return value.map(text).join(', ');
    return typeof value === 'string' ? value : value.toString('latin1');
}


/***/ }),

/***/ 92994:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $o: () => (/* binding */ proxyConfigured),
/* harmony export */   Bg: () => (/* binding */ H2_STREAM_WINDOW),
/* harmony export */   UQ: () => (/* binding */ Connections),
/* harmony export */   dF: () => (/* binding */ DEFAULT_MAX_CONCURRENT_STREAMS),
/* harmony export */   fR: () => (/* binding */ H2_CONNECTION_WINDOW)
/* harmony export */ });
/* harmony import */ var node_tls__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(41692);
/* harmony import */ var node_tls__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_tls__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _undici_parts_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(40916);
/**
 * The connection pool every HTTP client of this tool uses: keep-alive connections per origin,
 * through the proxy the environment names (HTTPS_PROXY, NO_PROXY), and, when asked, HTTP/2.
 *
 * With `allowH2`, TLS offers h2 beside http/1.1 (ALPN), and a connection that the server takes
 * as h2 carries up to `maxConcurrentStreams` requests at once: 200 project pages of PyPI go
 * out on one connection in one round trip instead of waiting four rounds on 50 of HTTP/1.1.
 * undici multiplexes only up to a client's `pipelining`, and would pipeline HTTP/1.1 just as
 * far, so each connection starts at 1 and is raised once ALPN says h2 (`Client` 'connect').
 * Until the first connection to an origin is up its protocol is unknown, and undici counts a
 * connecting client with a request waiting as busy, so a burst then opens a connection per
 * request (up to `connections`): a caller with many requests sends one, awaits
 * `ready(origin)`, then sends the rest (look-up.ts; a feed's first query does the same).
 */


const DEFAULT_MAX_CONCURRENT_STREAMS = 256;
/**
 * HTTP/2 flow-control windows, Chrome's: how much a server may send before the client
 * acknowledges it. undici's own (256 KiB a stream, 512 KiB the connection) let an answer
 * through one window per round trip: 8 MB over an 80 ms round trip took 2.7 s, 0.2-0.25 s with
 * these (the tests of it). A package with many advisories answers in MBs, a popular project's
 * index page too, and a run asks for 130 or 200 at once. Answers are read as they come and
 * capped (maxResponseBytes), so the windows hold no memory the answers do not take anyway.
 */
const H2_STREAM_WINDOW = 6 * 1024 * 1024;
const H2_CONNECTION_WINDOW = 15 * 1024 * 1024;
/** What a client needs of the pool: the dispatcher, and what each origin turned out to speak. */
class Connections {
    dispatcher;
    streams;
    /** The context of every TLS connection, when the pool trusts extra certificates. */
    secureContext;
    /** Whether requests go through a proxy (then only undici's connections carry them). */
    proxied;
    origins = new Map();
    constructor(options) {
        const allowH2 = options.allowH2 ?? false;
        this.streams = allowH2 ? (options.maxConcurrentStreams ?? DEFAULT_MAX_CONCURRENT_STREAMS) : 1;
        // One context for every connection: given `ca`, TLS would parse every root certificate
        // again for each connection (~10 ms each).
        this.secureContext =
            options.extraCaCerts === undefined
                ? undefined
                : (0,node_tls__WEBPACK_IMPORTED_MODULE_0__.createSecureContext)({ ca: trusted(options.extraCaCerts) });
        const trust = this.secureContext ? { secureContext: this.secureContext } : {};
        const tls = { ...trust, ...(allowH2 ? { allowH2 } : {}) };
        const poolOptions = {
            connections: options.connections,
            keepAliveTimeout: 4_000,
            connect: { timeout: options.connectTimeoutMs, ...trust },
            ...(allowH2
                ? {
                    allowH2,
                    maxConcurrentStreams: this.streams,
                    initialWindowSize: H2_STREAM_WINDOW,
                    connectionWindowSize: H2_CONNECTION_WINDOW
                }
                : {}),
            factory: (origin, opts) => this.pool(origin, opts)
        };
        // Self-hosted runners often sit behind a proxy; honour the usual variables when set. The
        // proxy's tunnel makes its own TLS connection to the origin (requestTls): h2 and the CA
        // must be offered there too.
        const env = options.env ?? {};
        this.proxied = proxyConfigured(env);
        this.dispatcher = this.proxied
            ? new _undici_parts_js__WEBPACK_IMPORTED_MODULE_1__/* .EnvHttpProxyAgent */ .J2({ ...poolOptions, ...proxiesOf(env), requestTls: tls })
            : new _undici_parts_js__WEBPACK_IMPORTED_MODULE_1__/* .Agent */ .g6(poolOptions);
    }
    /** What the origin's connections speak, once one is up; undefined before. */
    protocolOf(origin) {
        return this.origins.get(new URL(origin).origin)?.protocol;
    }
    /** Settles when the first connection to `origin` is up (or one failed to open). */
    ready(origin) {
        return this.state(new URL(origin).origin).ready;
    }
    async close() {
        await this.dispatcher.close();
    }
    state(origin) {
        let state = this.origins.get(origin);
        if (!state) {
            let settle = () => { };
            const ready = new Promise(resolve => (settle = resolve));
            state = { protocol: undefined, ready, settle };
            this.origins.set(origin, state);
        }
        return state;
    }
    /** One origin's pool, whose clients learn their protocol as they connect. */
    pool(origin, opts) {
        const state = this.state(new URL(origin).origin);
        return new _undici_parts_js__WEBPACK_IMPORTED_MODULE_1__/* .Pool */ .bC(origin, {
            ...opts,
            factory: (url, clientOpts) => this.client(url, clientOpts, state)
        });
    }
    client(url, opts, state) {
        const { connect } = opts;
        let negotiated = 'http/1.1';
        const client = new _undici_parts_js__WEBPACK_IMPORTED_MODULE_1__/* .Client */ .Kj(url, {
            ...opts,
            pipelining: state.protocol === 'h2' ? this.streams : 1,
            connect: (params, callback) => connect(params, (error, socket) => {
                if (socket)
                    negotiated = alpnOf(socket);
                else
                    state.settle();
                callback(error, socket);
            })
        });
        client.on('connect', () => {
            state.protocol = negotiated;
            const pipelining = negotiated === 'h2' ? this.streams : 1;
            if (client.pipelining !== pipelining)
                client.pipelining = pipelining;
            // Only once the pool has seen this client drain (undici tells it in a microtask) does
            // it hand the client more requests; a caller woken before would open new connections.
            queueMicrotask(state.settle);
        });
        return client;
    }
}
function alpnOf(socket) {
    return socket.alpnProtocol === 'h2' ? 'h2' : 'http/1.1';
}
/** Node's roots and the extra ones: TLS's `ca` option replaces the roots, it does not add. */
function trusted(extra) {
    return [...node_tls__WEBPACK_IMPORTED_MODULE_0__.rootCertificates, ...(typeof extra === 'string' ? [extra] : extra)];
}
/** The proxy variables of `env` (lower case first, as curl reads them), for EnvHttpProxyAgent. */
function proxiesOf(env) {
    const chosen = {
        httpProxy: env.http_proxy || env.HTTP_PROXY,
        httpsProxy: env.https_proxy || env.HTTPS_PROXY,
        noProxy: env.no_proxy ?? env.NO_PROXY
    };
    const given = Object.entries(chosen).filter(([, value]) => value !== undefined);
    return Object.fromEntries(given);
}
/** Whether `env` names a proxy; undici's EnvHttpProxyAgent then picks it (and NO_PROXY) up. */
function proxyConfigured(env) {
    return Boolean(env.HTTPS_PROXY || env.https_proxy || env.HTTP_PROXY || env.http_proxy);
}


/***/ }),

/***/ 59663:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $o: () => (/* reexport safe */ _connections_js__WEBPACK_IMPORTED_MODULE_5__.$o),
/* harmony export */   AQ: () => (/* reexport safe */ _client_setup_js__WEBPACK_IMPORTED_MODULE_1__.AQ),
/* harmony export */   EY: () => (/* reexport safe */ _retry_js__WEBPACK_IMPORTED_MODULE_2__.EY),
/* harmony export */   _u: () => (/* binding */ JsonClient),
/* harmony export */   c$: () => (/* binding */ mapWithLimit),
/* harmony export */   mu: () => (/* reexport safe */ _retry_js__WEBPACK_IMPORTED_MODULE_2__.mu),
/* harmony export */   vI: () => (/* reexport safe */ _retry_js__WEBPACK_IMPORTED_MODULE_2__.vI)
/* harmony export */ });
/* harmony import */ var node_events__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(78474);
/* harmony import */ var node_events__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_events__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _client_setup_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73236);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(37893);
/* harmony import */ var _undici_parts_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(40916);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(58382);
/* harmony import */ var _connections_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(92994);
/**
 * JSON over HTTP for advisory feeds: one keep-alive connection pool per client (HTTP/2 when
 * `allowH2` and the server agree), a deadline for the whole of each request, and retries with
 * exponential backoff and full jitter for the failures that are usually transient (429, 5xx,
 * dropped connections, timeouts, a truncated body): retry.ts. When a request finally fails it
 * throws FeedError naming the feed: a feed never answers "nothing".
 */








class JsonClient {
    requestTimeoutMs;
    /** undici's per-read timeouts; 0 turns them off. */
    readTimeoutMs;
    maxResponseBytes;
    connections;
    loop;
    constructor(options) {
        const setup = (0,_client_setup_js__WEBPACK_IMPORTED_MODULE_1__/* .setUpClient */ .bL)(options);
        this.requestTimeoutMs = setup.requestTimeoutMs;
        this.readTimeoutMs = setup.readTimeoutMs;
        this.maxResponseBytes = setup.maxResponseBytes;
        this.connections = setup.connections;
        const { feedName } = options;
        this.loop = {
            retry: setup.retry,
            logger: setup.logger,
            source: feedName,
            fail: message => new _shared_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .FeedError */ .lS(feedName, message)
        };
    }
    postJson(url, body, signal) {
        return this.send('POST', url, JSON.stringify(body), signal);
    }
    /** postJson with the `absent` statuses as an answer, as findJson. */
    findPostJson(url, body, absent, signal) {
        return (0,_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .withRetries */ .LH)(`POST ${new URL(url).pathname}`, this.loop, () => this.attempt('POST', url, JSON.stringify(body), signal, absent), signal);
    }
    getJson(url, signal) {
        return this.send('GET', url, undefined, signal);
    }
    /**
     * Like getJson, but the `absent` statuses (e.g. 404) are an answer, not a failure: they
     * resolve to `{ found: false, status }` at once, without a retry and without a FeedError.
     */
    findJson(url, absent, signal) {
        return (0,_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .withRetries */ .LH)(`GET ${new URL(url).pathname}`, this.loop, () => this.attempt('GET', url, undefined, signal, absent), signal);
    }
    /**
     * Settles once the first connection to `origin` is up (or failed to open). Before then a
     * burst of requests opens a connection each; after it, an h2 connection takes them all, so
     * a caller with many requests for a fresh client sends one and awaits this first.
     */
    ready(origin) {
        return this.connections.ready(origin);
    }
    /** What the origin's connections speak ('h2' or 'http/1.1'), once one is up. */
    protocolOf(origin) {
        return this.connections.protocolOf(origin);
    }
    async close() {
        await this.connections.close();
    }
    async send(method, url, body, signal) {
        const found = await (0,_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .withRetries */ .LH)(`${method} ${new URL(url).pathname}`, this.loop, () => this.attempt(method, url, body, signal, []), signal);
        return found.value;
    }
    async attempt(method, url, body, signal, absent) {
        const reply = await (0,_client_setup_js__WEBPACK_IMPORTED_MODULE_1__/* .underDeadline */ .k$)(this.requestTimeoutMs, signal, async (bounded) => {
            const response = await (0,_undici_parts_js__WEBPACK_IMPORTED_MODULE_3__/* .request */ .Em)(this.connections.dispatcher, url, {
                method,
                body,
                headers: {
                    accept: 'application/json',
                    ...(body === undefined ? {} : { 'content-type': 'application/json' })
                },
                headersTimeout: this.readTimeoutMs,
                bodyTimeout: this.readTimeoutMs,
                // Every request here is a query, retried on failure as a GET is: over h2 undici sends
                // a POST it takes for non-idempotent only when nothing else is in flight.
                idempotent: true,
                signal: bounded
            });
            const text = await (0,_client_setup_js__WEBPACK_IMPORTED_MODULE_1__/* .readCapped */ .EF)(response.body, this.maxResponseBytes);
            const retryAfter = response.headers['retry-after'];
            return { ok: true, value: { status: response.statusCode, retryAfter, text } };
        });
        if (!reply.ok)
            return reply;
        const { status, retryAfter, text } = reply.value;
        if (absent.includes(status))
            return { ok: true, value: { found: false, status } };
        if (status < 200 || status > 299) {
            const description = `HTTP ${status}${errorDetail(text)}`;
            const retryable = status === 429 || status >= 500;
            const retryAfterMs = retryable ? (0,_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .parseRetryAfter */ .mu)(retryAfter, Date.now()) : undefined;
            return (0,_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .failed */ .gz)({ description, retryable, retryAfterMs, status });
        }
        try {
            return { ok: true, value: { found: true, value: JSON.parse(text) } };
        }
        catch (error) {
            const reason = error instanceof Error ? ` (${error.message})` : '';
            return (0,_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .failed */ .gz)({ description: `malformed JSON${reason}`, retryable: true, malformed: true });
        }
    }
}
/**
 * Maps `items` through `fn` with at most `limit` calls in flight; results keep the input
 * order. The first failure rejects the whole map, starts no further calls and aborts the
 * signal handed to the calls still running, so they stop retrying.
 */
async function mapWithLimit(items, limit, fn, signal, options = {}) {
    const results = new Array(items.length);
    const controller = new AbortController();
    const combined = signal ? AbortSignal.any([signal, controller.signal]) : controller.signal;
    const workers = Math.max(1, Math.min(limit, items.length));
    // Every call in flight listens on the signal; more than Node's default 10 is no leak here.
    (0,node_events__WEBPACK_IMPORTED_MODULE_0__.setMaxListeners)(workers + 10, combined);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            combined.throwIfAborted();
            const index = next++;
            try {
                results[index] = await fn(items[index], index, combined);
            }
            catch (error) {
                controller.abort(error);
                throw error;
            }
        }
    };
    const perTurn = options.perTurn ?? workers;
    const running = [];
    for (let started = 0; started < workers; started++) {
        if (started > 0 && started % perTurn === 0) {
            await new Promise(resolve => setImmediate(resolve));
            // A failure while the groups go out is awaited below; no more calls start.
            if (combined.aborted)
                break;
        }
        const call = worker();
        call.catch(() => { }); // settled through Promise.all below, even while later groups start
        running.push(call);
    }
    options.onStarted?.();
    await Promise.all(running);
    // Aborted from outside while the groups went out, after the calls started had finished.
    if (next < items.length)
        combined.throwIfAborted();
    return results;
}
/** The server's own error message, when its body has one, cleaned for a one-line log. */
function errorDetail(body) {
    let message;
    try {
        message = JSON.parse(body)?.message;
    }
    catch {
        return '';
    }
    return typeof message === 'string' && message !== '' ? ` (${(0,_client_setup_js__WEBPACK_IMPORTED_MODULE_1__/* .oneLine */ .TN)(message)})` : '';
}


/***/ }),

/***/ 37893:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EY: () => (/* binding */ backoffDelay),
/* harmony export */   LH: () => (/* binding */ withRetries),
/* harmony export */   gz: () => (/* binding */ failed),
/* harmony export */   mu: () => (/* binding */ parseRetryAfter),
/* harmony export */   vI: () => (/* binding */ DEFAULT_RETRY)
/* harmony export */ });
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_0__);
/**
 * The one retry loop of this tool's HTTP clients (JSON feeds, package indexes): a request is
 * tried again, after exponential backoff with full jitter or the server's Retry-After (up to
 * a cap), for the failures that are usually transient (429, 5xx, dropped connections,
 * timeouts, a truncated body), and a body that does not read is tried again once. When it
 * finally fails, the client's own error names the source: a feed never answers "nothing".
 */

const DEFAULT_RETRY = {
    attempts: 5,
    baseDelayMs: 250,
    maxDelayMs: 8_000,
    maxRetryAfterMs: 30_000
};
/** A body that does not read is retried this many times: a cut-off body is usually transient. */
const MALFORMED_RETRIES = 1;
function failed(failure) {
    return { ok: false, failure };
}
/**
 * Runs `attempt` until it answers, or fails in a way no retry mends, or the tries are used
 * up; `what` ("GET /simple/x/") goes in the messages. The caller's `signal` ends the waits.
 */
async function withRetries(what, loop, attempt, signal) {
    const { retry } = loop;
    let malformed = 0;
    for (let tries = 1;; tries++) {
        signal?.throwIfAborted();
        const outcome = await attempt();
        if (outcome.ok)
            return outcome.value;
        const { failure } = outcome;
        if (failure.malformed)
            malformed++;
        const again = failure.retryable &&
            tries < retry.attempts &&
            (!failure.malformed || malformed <= MALFORMED_RETRIES);
        if (!again) {
            const count = tries === 1 ? '1 attempt' : `${tries} attempts`;
            throw loop.fail(`${what}: ${failure.description}, after ${count}`);
        }
        const wait = failure.retryAfterMs !== undefined
            ? Math.min(failure.retryAfterMs, retry.maxRetryAfterMs)
            : backoffDelay(tries, retry.baseDelayMs, retry.maxDelayMs);
        loop.logger.debug(`${loop.source}: ${what}: ${failure.description}; retry in ${wait} ms`);
        await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setTimeout)(wait, undefined, signal ? { signal } : undefined);
    }
}
/** Full jitter: spreads retries of many clients instead of synchronising them. */
function backoffDelay(retry, baseDelayMs, maxDelayMs, random = Math.random) {
    const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** (retry - 1));
    return Math.floor(random() * ceiling);
}
/** Retry-After in delay-seconds or as an HTTP-date; undefined when absent or unreadable. */
function parseRetryAfter(header, nowMs) {
    const value = (Array.isArray(header) ? header[0] : header)?.trim();
    if (!value)
        return undefined;
    if (/^\d+$/.test(value))
        return Number(value) * 1000;
    // All three HTTP-date forms start with a day name; Date.parse alone would take '-3'.
    const date = /^[A-Za-z]{3}/.test(value) ? Date.parse(value) : NaN;
    return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}


/***/ }),

/***/ 40916:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Em: () => (/* binding */ request),
/* harmony export */   J2: () => (/* binding */ EnvHttpProxyAgent),
/* harmony export */   Kj: () => (/* binding */ Client),
/* harmony export */   bC: () => (/* binding */ Pool),
/* harmony export */   g6: () => (/* binding */ Agent)
/* harmony export */ });
/* harmony import */ var undici_lib_dispatcher_agent_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(57405);
/* harmony import */ var undici_lib_dispatcher_agent_js__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(undici_lib_dispatcher_agent_js__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var undici_lib_dispatcher_client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(23701);
/* harmony import */ var undici_lib_dispatcher_client_js__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(undici_lib_dispatcher_client_js__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var undici_lib_dispatcher_pool_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(30628);
/* harmony import */ var undici_lib_dispatcher_pool_js__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(undici_lib_dispatcher_pool_js__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var undici_lib_dispatcher_env_http_proxy_agent_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(53137);
/* harmony import */ var undici_lib_dispatcher_env_http_proxy_agent_js__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(undici_lib_dispatcher_env_http_proxy_agent_js__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var undici_lib_api_api_connect_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(34660);
/* harmony import */ var undici_lib_api_api_connect_js__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(undici_lib_api_api_connect_js__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var undici_lib_api_api_request_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(14043);
/* harmony import */ var undici_lib_api_api_request_js__WEBPACK_IMPORTED_MODULE_5___default = /*#__PURE__*/__webpack_require__.n(undici_lib_api_api_request_js__WEBPACK_IMPORTED_MODULE_5__);
/* harmony import */ var undici_lib_dispatcher_dispatcher_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(30883);
/* harmony import */ var undici_lib_dispatcher_dispatcher_js__WEBPACK_IMPORTED_MODULE_6___default = /*#__PURE__*/__webpack_require__.n(undici_lib_dispatcher_dispatcher_js__WEBPACK_IMPORTED_MODULE_6__);







// A proxy (HTTPS_PROXY) opens its tunnel with the dispatcher's connect(), which undici's index
// adds to every dispatcher; without the index, no request through a proxy could be made.
(undici_lib_dispatcher_dispatcher_js__WEBPACK_IMPORTED_MODULE_6___default().prototype).connect ??= (undici_lib_api_api_connect_js__WEBPACK_IMPORTED_MODULE_4___default());
const Agent = (undici_lib_dispatcher_agent_js__WEBPACK_IMPORTED_MODULE_0___default());
const EnvHttpProxyAgent = (undici_lib_dispatcher_env_http_proxy_agent_js__WEBPACK_IMPORTED_MODULE_3___default());
/** The pool of one origin and its connections: connections.ts makes them itself. */
const Pool = (undici_lib_dispatcher_pool_js__WEBPACK_IMPORTED_MODULE_2___default());
const Client = (undici_lib_dispatcher_client_js__WEBPACK_IMPORTED_MODULE_1___default());
/** undici's `request(url, { dispatcher, ...options })`. */
function request(dispatcher, url, options) {
    const { origin, pathname, search } = new URL(url);
    return undici_lib_api_api_request_js__WEBPACK_IMPORTED_MODULE_5___default().call(dispatcher, { ...options, origin, path: `${pathname}${search}` });
}


/***/ }),

/***/ 47261:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Lw: () => (/* binding */ isAdvisoryId),
/* harmony export */   kq: () => (/* binding */ parseIgnoreVulnsInput),
/* harmony export */   wI: () => (/* binding */ applyIgnores)
/* harmony export */ });
/* unused harmony exports ruleMatches, describeRule */
/* harmony import */ var _renovatebot_pep440__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(68898);
/* harmony import */ var _renovatebot_pep440__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(_renovatebot_pep440__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _deps_names_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(96498);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(58382);
/* harmony import */ var _advisories_severity_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(16169);
/* harmony import */ var _shared_text_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(24646);
/* harmony import */ var _shared_expiring_rules_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(51735);
/**
 * Applying ignore rules to audit findings. Pure: the date is an argument, never the clock.
 *
 * Matching. A rule matches a finding when its id equals the finding's id or any of its
 * aliases, so ignoring CVE-2018-18074 also ignores PYSEC-2018-28 that aliases it (as
 * osv-scanner's IgnoredVulns do). Ids are compared case-insensitively: OSV ids are
 * case-sensitive on paper, but users type `ghsa-…` and `cve-…`, and no two real ids differ
 * only in case (prefixes are upper case, GHSA bodies lower case, the rest digits).
 * A rule scoped by `package` (PEP 503 normalised) and `version` (PEP 440 equality, so 2.31
 * matches 2.31.0) only matches that package, or that one release of it.
 *
 * Expiry. `until` is the first day a rule no longer applies: it applies while today < until.
 * This is osv-scanner's reading of `ignoreUntil` (an entry applies while the date is still in
 * the future, and a bare date means its midnight), kept for our own `until` too so an entry
 * moved between the two files means the same thing. `today` is a UTC date.
 *
 * Malicious packages can be ignored by an explicit rule naming the MAL- id (or an alias): a
 * MAL report against a name that is also a private package (dependency confusion seen from
 * the other side) is a false positive the team must be able to accept, and the only
 * alternative would be turning the audit off. Such ignores are flagged so reports show them.
 */






/** GHSA-…, PYSEC-…, CVE-…, MAL-…, GO-…, OSV-…: a prefix, a dash, then the rest. */
function isAdvisoryId(text) {
    return /^[A-Za-z][A-Za-z0-9]*-[A-Za-z0-9][A-Za-z0-9._:-]*$/.test(text);
}
/** The `ignore-vulns` input: one id per line, `# reason` optional; blank and `#` lines skipped. */
function parseIgnoreVulnsInput(text) {
    return (0,_shared_text_js__WEBPACK_IMPORTED_MODULE_3__/* .listEntries */ .fi)(text).map(({ entry: id, reason, line }) => {
        const where = `line ${line}`;
        if (/[\s,;]/.test(id)) {
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('ignore-vulns', `${where}: one advisory id per line, got ${JSON.stringify(id)}`);
        }
        if (!isAdvisoryId(id)) {
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('ignore-vulns', `${where}: ${JSON.stringify(id)} is not an advisory id (like GHSA-…, PYSEC-…, CVE-…)`);
        }
        return { id, ...(reason ? { reason } : {}), origin: `input ignore-vulns, ${where}` };
    });
}
function applyIgnores(packages, rules, today) {
    const findings = packages.flatMap(pkg => pkg.vulnerabilities.map(vulnerability => ({ package: pkg, vulnerability })));
    const applied = (0,_shared_expiring_rules_js__WEBPACK_IMPORTED_MODULE_4__/* .applyExpiringRules */ .y)(findings, rules, today, ruleMatches, describeRule);
    const ignored = applied.ignored.map(({ finding, rule }) => ({
        ...finding,
        rule,
        malicious: (0,_advisories_severity_js__WEBPACK_IMPORTED_MODULE_2__/* .isMalicious */ .RA)(finding.vulnerability)
    }));
    return { ...applied, ignored };
}
function ruleMatches(rule, finding) {
    const wanted = rule.id.toUpperCase();
    const { vulnerability } = finding;
    if (![vulnerability.id, ...vulnerability.aliases].some(id => id.toUpperCase() === wanted)) {
        return false;
    }
    if (rule.package !== undefined && rule.package !== (0,_deps_names_js__WEBPACK_IMPORTED_MODULE_5__/* .normalizeName */ .P)(finding.package.name)) {
        return false;
    }
    return rule.version === undefined || sameVersion(rule.version, finding.package.version);
}
function sameVersion(a, b) {
    return (0,_renovatebot_pep440__WEBPACK_IMPORTED_MODULE_0__.valid)(a) !== null && (0,_renovatebot_pep440__WEBPACK_IMPORTED_MODULE_0__.valid)(b) !== null ? (0,_renovatebot_pep440__WEBPACK_IMPORTED_MODULE_0__.eq)(a, b) : a === b;
}
/** How a rule is named in messages: its id, its scope and where it was written. */
function describeRule(rule) {
    const scope = rule.package === undefined ? '' : ` in ${rule.package}${rule.version ? ` ${rule.version}` : ''}`;
    return `Ignore rule for ${rule.id}${scope} (${rule.origin})`;
}


/***/ }),

/***/ 2697:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C_: () => (/* binding */ vulnerabilitiesOf),
/* harmony export */   M7: () => (/* binding */ lookUpAdvisories),
/* harmony export */   No: () => (/* binding */ groupDependencies),
/* harmony export */   WT: () => (/* binding */ keepVulnerabilities),
/* harmony export */   zx: () => (/* binding */ readByTheLookup)
/* harmony export */ });
/* harmony import */ var _renovatebot_pep440__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(68898);
/* harmony import */ var _renovatebot_pep440__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(_renovatebot_pep440__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _advisories_vulnerability_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48689);


/**
 * Groups dependencies by name and version so each is looked up once, however many files
 * declare it, then turns the feed's records into pip-audit-style vulnerabilities.
 */
async function lookUpAdvisories(sources, feed) {
    const packages = groupDependencies(sources.flatMap(source => source.dependencies));
    const queries = packages.map(({ name, version }) => ({ name, version }));
    const records = await feed.lookup(queries);
    packages.forEach((pkg, index) => {
        pkg.vulnerabilities = takeVulnerabilities(records[index] ?? [], pkg.name);
    });
    return {
        feed: feed.name,
        sources,
        packages,
        skipped: sources.flatMap(source => source.skipped)
    };
}
/** The vulnerabilities `records` report for the package `name`, aliases merged. */
function vulnerabilitiesOf(records, name) {
    const found = records
        .map(record => (0,_advisories_vulnerability_js__WEBPACK_IMPORTED_MODULE_1__/* .toVulnerability */ .OF)(record, name))
        .filter((vuln) => vuln !== undefined);
    return (0,_advisories_vulnerability_js__WEBPACK_IMPORTED_MODULE_1__/* .dedupeAliases */ .II)(found);
}
/**
 * Keeps what vulnerabilitiesOf gave for this very list of records, for the lookup that will
 * return it (a feed may hand a pin's records out early: first-upgrades.ts). Taken once.
 */
function keepVulnerabilities(records, name, vulnerabilities) {
    readEarly.set(records, { name, vulnerabilities });
}
const readEarly = new WeakMap();
/** What the lookup read from each list of records, for a head start that came after it. */
const readByLookup = new WeakMap();
/**
 * The vulnerabilities the lookup read from `records` for `name`, when it has. A warm run's
 * answers come from the cache in the same turn as the lookup's end, before any head start:
 * reading them again then was all waste (1,300 vulnerabilities read twice, while a package
 * check's answers were awaited).
 */
function readByTheLookup(records, name) {
    const read = readByLookup.get(records);
    return read?.name === name ? read.vulnerabilities : undefined;
}
function takeVulnerabilities(records, name) {
    const kept = readEarly.get(records);
    readEarly.delete(records);
    const vulnerabilities = kept?.name === name ? kept.vulnerabilities : vulnerabilitiesOf(records, name);
    readByLookup.set(records, { name, vulnerabilities });
    return vulnerabilities;
}
function groupDependencies(dependencies) {
    const byKey = new Map();
    for (const dependency of dependencies) {
        const key = `${dependency.name}@${(0,_renovatebot_pep440__WEBPACK_IMPORTED_MODULE_0__.clean)(dependency.version) ?? dependency.version}`;
        const existing = byKey.get(key);
        if (existing)
            existing.declarations.push(dependency);
        else {
            byKey.set(key, {
                name: dependency.name,
                version: dependency.version,
                declarations: [dependency],
                vulnerabilities: []
            });
        }
    }
    return [...byKey.values()];
}


/***/ }),

/***/ 56592:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  vF: () => (/* binding */ NO_CACHE_STORE),
  B: () => (/* binding */ openFeed)
});

// UNUSED EXPORTS: FEED_SERVICES

// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(58382);
// EXTERNAL MODULE: ./src/shared/log.ts
var log = __webpack_require__(21827);
// EXTERNAL MODULE: ./src/net/http.ts
var http = __webpack_require__(59663);
// EXTERNAL MODULE: ./src/net/connections.ts
var connections = __webpack_require__(92994);
// EXTERNAL MODULE: ./src/advisories/osv.ts
var osv = __webpack_require__(6407);
// EXTERNAL MODULE: ./src/shared/json-shape.ts
var json_shape = __webpack_require__(66511);
// EXTERNAL MODULE: ./src/shared/text.ts
var shared_text = __webpack_require__(24646);
// EXTERNAL MODULE: ./src/deps/names.ts
var deps_names = __webpack_require__(96498);
// EXTERNAL MODULE: ./src/advisories/match.ts
var match = __webpack_require__(54170);
// EXTERNAL MODULE: ./src/advisories/listed-bounds.ts
var listed_bounds = __webpack_require__(32574);
// EXTERNAL MODULE: ./src/advisories/version-order.ts
var version_order = __webpack_require__(85682);
;// CONCATENATED MODULE: ./src/advisories/package-advisories.ts
/**
 * Every advisory of a package, as the OSV API gave it to a /v1/query without a version: what
 * lets the upgrade verification answer "which advisories affect this candidate?" without a
 * round trip per candidate. The answer is the one the service would give to a querybatch for
 * that version, worked out by the same matcher as the offline database (recordAffects, which
 * follows osv.dev's reading of the ranges).
 *
 * Only a whole answer is used: one that names every advisory the querybatch listed for the
 * package's pins (the database did not change between the requests), with every record read
 * in full (a record that cannot be read cannot say what it spares). Anything else is asked
 * of the service as before.
 */




class PackageAdvisories {
    byName = new Map();
    /**
     * The records the service gave for `name`; `whole`: every one was read in full. Records
     * withdrawn are kept out, as the service keeps them out of its matches.
     */
    add(name, records, whole) {
        const key = (0,deps_names/* normalizeName */.P)(name);
        if (!whole) {
            this.byName.delete(key);
            return;
        }
        const live = records.filter(record => record.withdrawn == null);
        // Read now, as the answer comes in, rather than on the first question, which comes
        // only once every record is in.
        this.byName.set(key, { records: live, listings: listingsOf(live, key) });
    }
    /** The querybatch listed `ids` for a pin of `name`: an answer lacking one is not whole. */
    confirm(name, ids) {
        const key = (0,deps_names/* normalizeName */.P)(name);
        const known = this.byName.get(key);
        if (known === undefined)
            return;
        const present = new Set(known.records.map(record => record.id));
        for (const id of ids) {
            if (!present.has(id)) {
                this.byName.delete(key);
                return;
            }
        }
    }
    /**
     * The advisories affecting each pin, as a querybatch for it would list them; undefined for
     * a pin whose package is not wholly known.
     */
    affecting(pins) {
        return pins.map(pin => {
            const name = (0,deps_names/* normalizeName */.P)(pin.name);
            const known = this.byName.get(name);
            if (known === undefined)
                return undefined;
            const { listings } = known;
            const key = (0,version_order/* equalityKey */.Q1)(pin.version);
            if (!listings.bounds.has(key)) {
                return known.records.filter(record => (0,match/* recordAffects */.uH)(record, name, pin.version));
            }
            const listing = listings.listedBy.get(key);
            return known.records.filter(record => listing?.has(record) === true || rangesAffect(record, name, pin.version));
        });
    }
}
/** recordAffects with the `versions` lists left to the caller. */
function rangesAffect(record, name, version) {
    if (record.affected == null)
        return true;
    return record.affected.some(entry => (0,match/* isPyPIEntryFor */._X)(entry, name) && (0,match/* rangesInclude */.lu)(entry, version));
}
function listingsOf(records, name) {
    const bounds = new Set();
    for (const record of records) {
        for (const entry of record.affected ?? []) {
            if (!(0,match/* isPyPIEntryFor */._X)(entry, name))
                continue;
            for (const range of entry.ranges ?? []) {
                for (const { fixed, limit } of range.events) {
                    if (fixed !== undefined && (0,version_order/* isPep440 */.it)(fixed))
                        bounds.add((0,version_order/* equalityKey */.Q1)(fixed));
                    if (limit !== undefined && (0,version_order/* isPep440 */.it)(limit))
                        bounds.add((0,version_order/* equalityKey */.Q1)(limit));
                }
            }
        }
    }
    const listedBy = new Map();
    // Each spelling the package's lists hold, with the bound it is (null: none). The lists
    // repeat a few hundred spellings ~150,000 times in a cold 200-pin run: one look-up in this
    // small map instead of two in the run-wide ones.
    const boundOf = new Map();
    for (const record of records) {
        for (const entry of record.affected ?? []) {
            const versions = entry.versions;
            if (versions === undefined || !(0,match/* isPyPIEntryFor */._X)(entry, name))
                continue;
            const named = [];
            for (const version of versions) {
                let key = boundOf.get(version);
                if (key === undefined) {
                    const equal = (0,version_order/* equalityKey */.Q1)(version);
                    key = bounds.has(equal) ? equal : null;
                    boundOf.set(version, key);
                }
                if (key === null)
                    continue;
                named.push(key);
                let listing = listedBy.get(key);
                if (!listing)
                    listedBy.set(key, (listing = new Set()));
                listing.add(record);
            }
            (0,listed_bounds/* describeListedBounds */.U)(versions, { bounds, named });
        }
    }
    return { bounds, listedBy };
}

;// CONCATENATED MODULE: ./src/advisories/osv-api.ts
/**
 * The online OSV feed (https://google.github.io/osv.dev/api/). A lookup takes two steps:
 * /v1/querybatch says which advisories (id + modified) affect each pin, then the full
 * records of those matches are fetched. The steps are public so that a cache keyed by
 * (id, modified) can sit between them and skip the records it already holds.
 */









/** The service rejects larger batches with HTTP 400 "Too many queries.". */
const MAX_BATCH_QUERIES = 1000;
const ECOSYSTEM = 'PyPI';
/** Pages followed per query before we call the pagination broken rather than loop forever. */
const MAX_PAGES = 100;
/**
 * Round trips are what a cold run waits on: 200 pins with ~190 affected packages take seven
 * rounds of per-package queries at 32 in flight and four at 64 (~150 ms less at 50 ms per
 * request). 64 connections still stay far below what osv.dev's own clients send at once.
 */
const DEFAULT_CONCURRENCY = 64;
/**
 * Requests in flight over HTTP/2: a cold run's ~130 detail requests go out at once, one round
 * trip instead of three waves of 64 (osv-scanner itself sends up to 1,000 at once), on one
 * connection (the pool's streams per connection).
 */
const H2_IN_FLIGHT = connections/* DEFAULT_MAX_CONCURRENT_STREAMS */.dF;
class OsvApiFeed {
    name;
    baseUrl;
    concurrency;
    strategy;
    records;
    client;
    logger;
    onRecords;
    /** Packages whose every advisory came with a 'whole-package' query. */
    packages = new PackageAdvisories();
    /** The service answered a query without a version with HTTP 400. */
    wholePackageRefused = false;
    constructor(options) {
        this.baseUrl = options.baseUrl.replace(/\/+$/, '');
        this.name = `OSV API (${this.baseUrl})`;
        this.concurrency = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY);
        this.strategy = options.detailStrategy ?? 'auto';
        this.records = options.records;
        this.logger = options.logger ?? log/* silentLogger */.q;
        this.onRecords = options.onRecords;
        this.client = new http/* JsonClient */._u({
            feedName: this.name,
            connections: this.concurrency,
            requestTimeoutMs: options.requestTimeoutMs,
            timeoutMs: options.timeoutMs,
            retry: options.retry,
            logger: options.logger,
            env: options.env,
            allowH2: true,
            ...(options.extraCaCerts ? { extraCaCerts: options.extraCaCerts } : {})
        });
    }
    async lookup(packages) {
        const keys = packages.map(p => `${p.name}\u0000${p.version}`);
        const unique = [...new Map(keys.map((key, i) => [key, packages[i]]))];
        const position = new Map(unique.map(([key], i) => [key, i]));
        const queries = unique.map(([, pin]) => pin);
        const stopReadAhead = this.records?.readAhead?.(queries);
        let refs;
        try {
            refs = await this.matchIds(queries);
        }
        finally {
            stopReadAhead?.();
        }
        this.records?.noteMatches?.(queries, refs);
        const matched = refs.filter(listed => listed.length > 0).length;
        this.logger.debug(`${this.name}: ${matched} of ${queries.length} packages have advisories`);
        const records = await this.fetchRecords(queries, refs);
        return keys.map(key => records[position.get(key)]);
    }
    /** Step 1: the advisories affecting each query, in order, following every page. */
    async matchIds(queries) {
        const refs = queries.map(() => new Map());
        let pending = queries.map((_, index) => ({ index }));
        for (let page = 0; pending.length > 0; page++) {
            if (page === MAX_PAGES)
                this.fail(`querybatch still paginating after ${MAX_PAGES} pages`);
            const batches = chunk(pending, MAX_BATCH_QUERIES);
            const answers = await (0,http/* mapWithLimit */.c$)(batches, this.concurrency, (batch, _, signal) => {
                const wire = batch.map(({ index, pageToken }) => ({
                    ...wireQuery(queries[index]),
                    ...(pageToken === undefined ? {} : { page_token: pageToken })
                }));
                return this.queryBatch(wire, signal);
            });
            pending = [];
            batches.forEach((batch, b) => batch.forEach(({ index }, i) => {
                const result = answers[b][i];
                for (const ref of result.vulns)
                    refs[index].set(ref.id, ref);
                if (result.nextPageToken)
                    pending.push({ index, pageToken: result.nextPageToken });
            }));
        }
        return refs.map(byId => [...byId.values()]);
    }
    /**
     * Step 2: the full records behind `refs[i]` for each query, withdrawn ones dropped. Every
     * record is read as far as it can be (readOsvRecord; see checkRecord for what fails): the
     * service already matched the release, so a record it names is never dropped for what it
     * lacks or gets wrong.
     */
    async fetchRecords(queries, refs) {
        const byId = new Map();
        const listedModified = new Map(refs.flat().map(ref => [ref.id, ref.modified]));
        const unreadable = new Map();
        const read = (raw) => {
            const { record, unreadable: problems } = (0,osv/* readOsvRecord */.A)(raw, raw.id, listedModified.get(raw.id) ?? '');
            if (problems.length > 0)
                unreadable.set(raw.id, problems);
            byId.set(raw.id, record);
            return record;
        };
        // A held record was read whole when it was fetched (only those are put), and checking it
        // again would split the versions lists the cache keeps as text until something needs them.
        const held = (ref) => {
            const record = this.records?.get(ref.id, ref.modified);
            if (record)
                byId.set(ref.id, record);
            return record !== undefined;
        };
        const whole = this.strategy === 'whole-package' && !this.wholePackageRefused;
        const strategy = this.strategy === 'whole-package' && !whole ? 'auto' : this.strategy;
        const names = queries.map(query => query.name);
        const plan = planDetailFetches(refs, held, strategy, names);
        const extras = new Map();
        const recordsOf = (i) => [...refs[i].map(ref => byId.get(ref.id)), ...(extras.get(i) ?? [])].filter(record => !record.withdrawn);
        const onRecords = this.onRecords;
        // A pin's list as told is the one returned (nothing can join it later): work done on that
        // very list can be found again.
        const told = new Map();
        const watch = onRecords
            ? new CompletionWatch(refs, byId, plan.packageQueries, i => {
                const records = recordsOf(i);
                told.set(i, records);
                onRecords(queries[i], records);
            })
            : undefined;
        const store = (raw) => {
            const record = read(raw);
            // Only a record read whole is kept for later runs: one read in part is asked again.
            if (record === raw)
                this.records?.put?.(record);
            watch?.stored(record.id);
            return record;
        };
        const tasks = [
            ...plan.packageQueries.map(query => ({ query })),
            ...plan.ids.map(id => ({ id }))
        ];
        // The querybatch before has opened the connection: its protocol is known by now.
        const inFlight = this.client.protocolOf(this.baseUrl) === 'h2' ? H2_IN_FLIGHT : this.concurrency;
        const listedFor = whole ? listedByName(names, refs) : undefined;
        await (0,http/* mapWithLimit */.c$)(tasks, inFlight, async (task, _, signal) => {
            if ('id' in task)
                return void store(await this.getRecord(task.id, signal));
            const pin = queries[task.query];
            const answer = await this.queryPackage(pin, signal, whole && !this.wholePackageRefused);
            if (answer.wholePackage) {
                // Only what the querybatch listed is a finding (and kept for later runs); the rest
                // of the package's advisories tell the verification what its candidates meet.
                const listed = listedFor?.get((0,deps_names/* normalizeName */.P)(pin.name)) ?? new Set();
                let readWhole = true;
                const records = answer.records.map(raw => {
                    const finding = listed.has(raw.id);
                    // A record held from an earlier run was read whole when it was fetched.
                    const kept = finding ? byId.get(raw.id) : undefined;
                    if (kept)
                        return kept;
                    const record = finding ? store(raw) : read(raw);
                    if (record !== raw)
                        readWhole = false;
                    return record;
                });
                // A record that cannot say what it spares cannot answer for a candidate.
                readWhole &&= records.every(record => record.affected != null);
                this.packages.add(pin.name, records, readWhole);
            }
            else {
                answer.records.forEach(store);
                const listed = new Set((refs[task.query] ?? []).map(ref => ref.id));
                extras.set(task.query, answer.records
                    .filter(record => !listed.has(record.id))
                    .map(record => byId.get(record.id)));
            }
            watch?.queried(task.query);
        });
        // The database can change between the steps: fetch by id what /v1/query no longer listed.
        const missing = [...new Set(refs.flat().map(ref => ref.id))].filter(id => !byId.has(id));
        const late = await (0,http/* mapWithLimit */.c$)(missing, inFlight, (id, _, signal) => this.getRecord(id, signal));
        late.forEach(store);
        // The database changed between the steps: that package's answer is not whole.
        refs.forEach((listed, i) => this.packages.confirm(queries[i].name, listed.map(ref => ref.id)));
        const results = refs.map((_, i) => told.get(i) ?? recordsOf(i));
        this.warnIncomplete(queries, results, unreadable);
        return results;
    }
    /**
     * One warning per record reported with less than a whole record gives: the reader learns
     * why a finding has no fix versions or no severity, and which record to look at.
     */
    warnIncomplete(queries, results, unreadable) {
        const pins = new Map();
        results.forEach((records, i) => {
            const pin = queries[i];
            for (const record of records) {
                if (record.affected != null && !unreadable.has(record.id))
                    continue;
                pins.set(record.id, [...(pins.get(record.id) ?? []), `${pin.name} ${pin.version}`]);
            }
        });
        for (const [id, matched] of pins) {
            const problems = unreadable.get(id);
            const what = problems
                ? `could not be read in full (${problems.join('; ')})`
                : 'lists no affected packages';
            const releases = matched
                .slice(0, 3)
                .map(pin => (0,shared_text/* excerpt */.Kb)(pin))
                .join(', ');
            const more = matched.length > 3 ? ` and ${matched.length - 3} more` : '';
            const lacking = problems ? 'what could not be read left out' : 'no fix versions known';
            this.logger.warning(`${this.name}: advisory ${(0,shared_text/* excerpt */.Kb)(id)} ${what}. It is reported all the same, since ` +
                `the service matched it to ${releases}${more}, with ${lacking}.`);
        }
    }
    async close() {
        await this.client.close();
    }
    async queryBatch(queries, signal) {
        const body = await this.client.postJson(`${this.baseUrl}/v1/querybatch`, { queries }, signal);
        const results = (0,json_shape/* isObject */.G)(body) ? body.results : undefined;
        if (!Array.isArray(results))
            this.fail('querybatch answer has no results list');
        if (results.length !== queries.length) {
            this.fail(`querybatch answered ${results.length} results for ${queries.length} queries`);
        }
        return results.map(result => {
            if (!(0,json_shape/* isObject */.G)(result))
                this.fail('querybatch result is not an object');
            const vulns = this.list(result.vulns, 'querybatch').map(vuln => {
                if (!(0,json_shape/* isObject */.G)(vuln) || typeof vuln.id !== 'string' || vuln.id === '') {
                    this.fail('querybatch result has a vuln without an id');
                }
                return { id: vuln.id, modified: typeof vuln.modified === 'string' ? vuln.modified : '' };
            });
            return { vulns, nextPageToken: this.token(result.next_page_token) };
        });
    }
    /**
     * The records of one /v1/query, every page: for the pin's version, or with `wholePackage`
     * for every version of its package (the pin's version is asked instead when the service
     * rejects a query without one).
     */
    async queryPackage(pin, signal, wholePackage = false) {
        const found = [];
        const asked = wholePackage ? wirePackageQuery(pin) : wireQuery(pin);
        let pageToken;
        for (let page = 0; page === 0 || pageToken; page++) {
            if (page === MAX_PAGES)
                this.fail(`query still paginating after ${MAX_PAGES} pages`);
            const query = { ...asked, ...(pageToken ? { page_token: pageToken } : {}) };
            const url = `${this.baseUrl}/v1/query`;
            const answer = wholePackage
                ? await this.client.findPostJson(url, query, [400], signal)
                : { found: true, value: await this.client.postJson(url, query, signal) };
            if (!answer.found) {
                if (page > 0)
                    this.fail('query rejected a page token it gave');
                if (!this.wholePackageRefused) {
                    this.wholePackageRefused = true;
                    this.logger.debug(`${this.name}: a query without a version was refused; asking per pin`);
                }
                return this.queryPackage(pin, signal);
            }
            const body = answer.value;
            if (!(0,json_shape/* isObject */.G)(body))
                this.fail('query answer is not an object');
            found.push(...this.list(body.vulns, 'query').map(record => this.checkRecord(record)));
            pageToken = this.token(body.next_page_token);
        }
        return { records: found, wholePackage };
    }
    /**
     * What a lookup would answer for each pin, worked out from its package's advisories when
     * a 'whole-package' query brought them all in this run; undefined for the other pins. The
     * records named are kept for later runs, as a lookup's are.
     */
    answerFromPackages(pins) {
        const answers = this.packages.affecting(pins);
        const answered = pins.filter((_, i) => answers[i] !== undefined);
        const found = answers.filter(answer => answer !== undefined);
        for (const record of found.flat())
            this.records?.put?.(record);
        const refs = found.map(records => records.map(({ id, modified }) => ({ id, modified })));
        if (answered.length > 0)
            this.records?.noteMatches?.(answered, refs);
        return answers;
    }
    async getRecord(id, signal) {
        const url = `${this.baseUrl}/v1/vulns/${encodeURIComponent(id)}`;
        return this.checkRecord(await this.client.getJson(url, signal), id);
    }
    /**
     * What the service sent as a record, decided per case (a finding never disappears):
     * - not a JSON object, or no id: fails closed. Nothing in it can be read, not even that it
     *   is the advisory asked for: a broken server, or something that is not OSV (a proxy's
     *   page), and no finding could be reported from it.
     * - the record of another advisory than the one asked for: fails closed. It says nothing of
     *   the advisory the service named, and a server that mixes them up may mix up others.
     * - a record of the advisory asked for that lacks `affected`, has a schema major other
     *   than 1, or fields of the wrong type: the finding stands (fetchRecords reads what it
     *   can with readOsvRecord, and warns). The service matched the release itself; what the
     *   record cannot tell (fix versions, severity) shows as unknown, and an unknown severity
     *   fails the gate by default.
     */
    checkRecord(value, asked) {
        if (!(0,json_shape/* isObject */.G)(value) || typeof value.id !== 'string' || value.id === '') {
            const which = asked === undefined ? 'a record' : `record ${(0,shared_text/* excerpt */.Kb)(asked)}`;
            this.fail(`${which} is not an OSV record (not an object with an id)`);
        }
        if (asked !== undefined && value.id !== asked) {
            this.fail(`asked for record ${(0,shared_text/* excerpt */.Kb)(asked)}, got ${(0,shared_text/* excerpt */.Kb)(value.id)}`);
        }
        return value;
    }
    list(value, endpoint) {
        if (value === undefined)
            return [];
        if (!Array.isArray(value))
            this.fail(`${endpoint} answer has a malformed vulns list`);
        return value;
    }
    token(value) {
        if (value === undefined || value === '')
            return undefined;
        if (typeof value !== 'string')
            this.fail('answer has a malformed next_page_token');
        return value;
    }
    fail(detail) {
        throw new errors/* FeedError */.lS(this.name, `malformed answer: ${detail}`);
    }
}
/**
 * Which round trips fetch every record not `held`: a pin needing several records costs one
 * /v1/query instead of one request per id. Pure, so a cache can be reasoned about apart.
 */
function planDetailFetches(refs, held, strategy, names = []) {
    const packageQueries = [];
    const ids = new Set();
    const planned = new Set();
    /** 'whole-package': the packages already asked about (one query serves all their pins). */
    const asked = new Set();
    refs.forEach((listed, index) => {
        const needed = listed.filter(ref => !planned.has(ref.id) && !held(ref));
        if (needed.length === 0)
            return;
        if (strategy === 'whole-package') {
            const name = (0,deps_names/* normalizeName */.P)(names[index] ?? '');
            if (!asked.has(name))
                packageQueries.push(index);
            asked.add(name);
        }
        else if (strategy === 'by-id' || (strategy === 'auto' && needed.length === 1)) {
            for (const ref of needed)
                ids.add(ref.id);
        }
        else {
            packageQueries.push(index);
        }
        for (const ref of needed)
            planned.add(ref.id);
    });
    // A package query returns every advisory of its pin, so an id planned for a GET by an
    // earlier pin comes back with a later pin's query anyway: don't fetch it twice.
    for (const index of packageQueries)
        for (const ref of refs[index] ?? [])
            ids.delete(ref.id);
    return { packageQueries, ids: [...ids] };
}
/**
 * Which pins have every record in, as records arrive: a pin waits for each record it lists
 * that was not held, and for its own /v1/query when it has one (which may bring records the
 * querybatch did not list). `complete` is called once per pin that lists any record.
 */
class CompletionWatch {
    complete;
    waiting = new Map();
    left;
    constructor(refs, present, packageQueries, complete) {
        this.complete = complete;
        this.left = refs.map(() => 0);
        for (const query of packageQueries)
            this.left[query]++;
        refs.forEach((listed, query) => {
            for (const ref of listed) {
                if (present.has(ref.id))
                    continue;
                this.left[query]++;
                const waiting = this.waiting.get(ref.id);
                if (waiting)
                    waiting.push(query);
                else
                    this.waiting.set(ref.id, [query]);
            }
        });
        refs.forEach((listed, query) => {
            if (listed.length > 0 && this.left[query] === 0)
                complete(query);
        });
    }
    /** A record is in. */
    stored(id) {
        const waiting = this.waiting.get(id);
        if (waiting === undefined)
            return;
        this.waiting.delete(id);
        for (const query of waiting)
            this.countDown(query);
    }
    /** A pin's own /v1/query has answered (its records stored). */
    queried(query) {
        this.countDown(query);
    }
    countDown(query) {
        if (--this.left[query] === 0)
            this.complete(query);
    }
}
function wireQuery(pin) {
    return { package: { name: pin.name, ecosystem: ECOSYSTEM }, version: pin.version };
}
function wirePackageQuery(pin) {
    return { package: { name: pin.name, ecosystem: ECOSYSTEM } };
}
/** The ids the querybatch listed for each package (PEP 503 name), over all its pins. */
function listedByName(names, refs) {
    const byName = new Map();
    refs.forEach((listed, i) => {
        const name = (0,deps_names/* normalizeName */.P)(names[i] ?? '');
        let ids = byName.get(name);
        if (!ids)
            byName.set(name, (ids = new Set()));
        for (const ref of listed)
            ids.add(ref.id);
    });
    return byName;
}
function chunk(items, size) {
    const chunks = [];
    for (let i = 0; i < items.length; i += size)
        chunks.push(items.slice(i, i + size));
    return chunks;
}

// EXTERNAL MODULE: ./src/advisories/record-cache.ts + 1 modules
var record_cache = __webpack_require__(55149);
;// CONCATENATED MODULE: ./src/pipeline/staleness.ts
/**
 * How old an offline advisory database may be before a run warns about it. A stale database
 * is a silent false negative: advisories published since it was downloaded are simply not
 * there, and the run still passes. The max-db-age input is read by src/config/.
 */
/** Where a fresh copy comes from: OSV's per-ecosystem export, the layout the database reads. */
const PYPI_ALL_ZIP_URL = 'https://osv-vulnerabilities.storage.googleapis.com/PyPI/all.zip';
const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
/**
 * A warning when the database's newest `modified` date is more than `maxAgeDays` before
 * `now`, or when it has no date at all (its age is unknown, which is no better). Undefined
 * when the data is fresh enough or the check is off (`maxAgeDays` 0).
 */
function stalenessWarning(newest, maxAgeDays, now) {
    if (maxAgeDays <= 0)
        return undefined;
    const refresh = `Download ${PYPI_ALL_ZIP_URL} again (or your mirror of it) before auditing, ` +
        `or raise max-db-age (0 turns this check off).`;
    if (newest === undefined || Number.isNaN(newest.getTime())) {
        return (`The offline advisory database has no advisory with a modified date, so its age is ` +
            `unknown. Stale data is a silent false negative: advisories published since the ` +
            `download are missing and the audit still passes. ${refresh}`);
    }
    const ageMs = now.getTime() - newest.getTime();
    if (ageMs <= maxAgeDays * DAY_MS)
        return undefined;
    return (`The offline advisory database is ${duration(ageMs)} old (newest advisory modified ` +
        `${newest.toISOString()}), over the max-db-age limit of ${duration(maxAgeDays * DAY_MS)}. ` +
        `Stale data is a silent false negative: advisories published since then are missing and ` +
        `the audit still passes. ${refresh}`);
}
/** Whole days from two days up (rounded down) or when exact, hours otherwise: 36h reads so. */
function duration(ms) {
    const days = Math.floor(ms / DAY_MS);
    if (days >= 2 || (days === 1 && ms === DAY_MS))
        return days === 1 ? '1 day' : `${days} days`;
    const hours = Math.floor(ms / HOUR_MS);
    return hours === 1 ? '1 hour' : `${hours} hours`;
}

// EXTERNAL MODULE: ./src/advisories/severity.ts + 4 modules
var severity = __webpack_require__(16169);
// EXTERNAL MODULE: ./src/advisories/upgrade.ts
var advisories_upgrade = __webpack_require__(38147);
// EXTERNAL MODULE: ./src/pipeline/look-up.ts
var look_up = __webpack_require__(2697);
;// CONCATENATED MODULE: ./src/pipeline/first-upgrades.ts



/** Work in slices this long, then let the event loop take in the answers that came. */
const SLICE_MS = 2;
class FirstUpgrades {
    store;
    known = new Map();
    queue = [];
    next = 0;
    scheduled = false;
    stopped = false;
    constructor(store) {
        this.store = store;
    }
    /** Every record `pin` matched is in: its candidate is worked out soon. */
    prepare(pin, records) {
        if (this.stopped)
            return;
        this.queue.push({ pin, records });
        if (this.scheduled)
            return;
        this.scheduled = true;
        setImmediate(this.slice);
    }
    /**
     * rememberedRecommendation's answer for `pin` and the records of its vulnerabilities:
     * worked out now unless it was already, from the same records.
     */
    upgradeFor(pin, records) {
        const key = pinKey(pin);
        const named = recordsKey(records);
        const known = this.known.get(key);
        if (known?.records === named)
            return known.upgrade;
        const upgrade = (0,advisories_upgrade/* rememberedRecommendation */.Mj)(pin, records, this.store);
        this.known.set(key, { records: named, upgrade });
        return upgrade;
    }
    /** Later lookups (the verification's own) need no head start: prepare ignores them. */
    stop() {
        this.stopped = true;
        this.queue.length = 0;
        this.next = 0;
    }
    slice = () => {
        const until = Date.now() + SLICE_MS;
        while (this.next < this.queue.length && Date.now() <= until) {
            const { pin, records } = this.queue[this.next++];
            if (this.known.has(pinKey(pin)))
                continue;
            let vulnerabilities = (0,look_up/* readByTheLookup */.zx)(records, pin.name);
            if (vulnerabilities === undefined) {
                vulnerabilities = (0,look_up/* vulnerabilitiesOf */.C_)(records, pin.name);
                (0,look_up/* keepVulnerabilities */.WT)(records, pin.name, vulnerabilities);
            }
            for (const vulnerability of vulnerabilities)
                (0,severity/* severityOf */.xJ)(vulnerability.record);
            if (vulnerabilities.length > 0) {
                this.upgradeFor(pin, vulnerabilities.map(vuln => vuln.record));
            }
        }
        if (this.next < this.queue.length)
            setImmediate(this.slice);
        else {
            this.scheduled = false;
            this.queue.length = 0;
            this.next = 0;
        }
    };
}
function pinKey(pin) {
    return `${pin.name}\u0000${pin.version}`;
}
function recordsKey(records) {
    return records.map(record => `${record.id}\u0000${record.modified}`).join('\n');
}

;// CONCATENATED MODULE: ./src/pipeline/open-feed.ts




const NO_CACHE_STORE = {
    restore: async () => { },
    save: async () => { }
};
/**
 * The online feeds, keyed by the `vulnerability-service` input. The code of a feed other
 * than the default loads only when chosen.
 */
const FEEDS = {
    osv: openOsvApi,
    pypi: openPypiJsonApi
};
/** Every value `vulnerability-service` accepts, in the order of the table. */
const FEED_SERVICES = Object.keys(FEEDS);
/** An offline database (`advisory-db`) wins over the service: it means no network at all. */
async function openFeed(settings, context) {
    const open = settings.advisoryDb ? openOfflineDatabase : FEEDS[settings.service];
    return open(settings, context);
}
async function openOfflineDatabase(settings, { logger, now, shownPath, packages }) {
    const file = settings.advisoryDb;
    const { OfflineDatabase, keepYoungGenerationSmall } = await __webpack_require__.e(/* import() */ 357).then(__webpack_require__.bind(__webpack_require__, 4357));
    keepYoungGenerationSmall();
    const database = await OfflineDatabase.load(file, {
        logger,
        label: shownPath(file),
        ...(packages ? { packages } : {})
    });
    const newest = database.newestModified();
    const warning = stalenessWarning(newest, settings.maxDbAgeDays, now);
    if (warning)
        logger.warning(warning);
    return {
        feed: database,
        recordsFor: name => database.recordsFor(name),
        ...(newest ? { databaseUpdated: newest } : {}),
        finish: async () => { }
    };
}
async function openPypiJsonApi(settings, { env, logger, requestTimeoutMs, cacheStore, keepsIndexAnswers }) {
    const { PypiFeed } = await __webpack_require__.e(/* import() */ 532).then(__webpack_require__.bind(__webpack_require__, 57532));
    const feed = new PypiFeed({ baseUrl: settings.pypiUrl, logger, env, requestTimeoutMs });
    // Its answers are not cached; the index's, which the package checks keep, are.
    const keeps = settings.cache && keepsIndexAnswers === true;
    if (keeps)
        await cacheStore.restore(settings.cacheDir);
    return {
        feed,
        skipped: () => feed.skipped(),
        finish: async (alsoChanged = false) => {
            await feed.close();
            if (keeps)
                await cacheStore.save(settings.cacheDir, alsoChanged);
        }
    };
}
async function openOsvApi(settings, { env, logger, cacheStore, requestTimeoutMs }) {
    if (!settings.cache) {
        const firstUpgrades = new FirstUpgrades(undefined);
        const feed = new OsvApiFeed({
            baseUrl: settings.osvUrl,
            logger,
            env,
            requestTimeoutMs,
            detailStrategy: 'whole-package',
            onRecords: (pin, records) => firstUpgrades.prepare(pin, records)
        });
        return {
            feed,
            firstUpgrades,
            answerLocally: pins => feed.answerFromPackages(pins),
            finish: () => feed.close()
        };
    }
    const { cacheDir } = settings;
    await cacheStore.restore(cacheDir);
    const cache = new record_cache/* DiskRecordCache */.vv(cacheDir, { logger });
    const firstUpgrades = new FirstUpgrades(cache.upgradeAdvice);
    const feed = new OsvApiFeed({
        baseUrl: settings.osvUrl,
        logger,
        records: cache,
        env,
        requestTimeoutMs,
        detailStrategy: 'whole-package',
        onRecords: (pin, records) => {
            firstUpgrades.prepare(pin, records);
            // The pack's bodies are made between answers too: once the last record is in, the run
            // no longer waits on the network (the upgrades are checked without a round trip).
            cache.prepareFlush();
        }
    });
    return {
        feed,
        answerLocally: pins => feed.answerFromPackages(pins),
        upgradeAdvice: cache.upgradeAdvice,
        firstUpgrades,
        idle: () => cache.prepareFlush(),
        finish: async (alsoChanged = false) => {
            await feed.close();
            await cache.flush();
            await cacheStore.save(cacheDir, cache.changed || alsoChanged);
            logger.debug(`Advisory cache ${cache.dir}: ${JSON.stringify(cache.stats)}`);
        }
    };
}


/***/ }),

/***/ 36765:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  b: () => (/* binding */ runAudit)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./src/health/index-url.ts
var index_url = __webpack_require__(60178);
// EXTERNAL MODULE: ./src/health/filenames.ts
var filenames = __webpack_require__(42600);
// EXTERNAL MODULE: ./src/health/version-key.ts
var version_key = __webpack_require__(39756);
;// CONCATENATED MODULE: ./src/health/releases.ts
/**
 * Which releases the package indexes offer, from the answers the health checks already have
 * (one request per name and index, no more): what a recommended upgrade must be. A version is
 * offered when an index that serves the project lists it and has not yanked every file of it.
 *
 * Most pins are never asked about (only those with advisories have upgrades to check), so a
 * name's version list is read on the first question about it that is not answered by the
 * version's own spelling, and kept for the next.
 */


function offeredReleases(lookups) {
    const byName = byNormalizedName(lookups);
    // Per name read so far: the keys of its offered versions, or null when none can be told.
    const offered = new Map();
    return (name, version) => {
        const normalized = (0,filenames/* normalizeProjectName */.yz)(name);
        let keys = offered.get(normalized);
        if (keys === undefined) {
            const lookup = byName.get(normalized);
            // Most versions asked about are spelt as the index lists them: found so, in a list that
            // does not yank them, they are offered without keying the name's lists (thousands).
            if (lookup && offeredAsSpelt(lookup, version))
                return true;
            keys = lookup ? offeredKeys(lookup) : null;
            offered.set(normalized, keys);
        }
        return keys?.has((0,version_key/* versionKey */._5)(version));
    };
}
/** Whether an answer lists `version` as it is written and does not yank that release. */
function offeredAsSpelt(lookup, version) {
    for (const answer of lookup.answers) {
        if (!answer.found || !answer.project.versions?.includes(version))
            continue;
        const yanked = answer.project.yankedVersions ?? [];
        if (yanked.length === 0)
            return true;
        const key = (0,version_key/* versionKey */._5)(version);
        if (!yanked.some(other => (0,version_key/* versionKey */._5)(other) === key))
            return true;
    }
    return false;
}
/** The keys of the versions one name's answers offer; null when no answer lists any. */
function offeredKeys(lookup) {
    return offeredOf(lookup)?.keys ?? null;
}
function offeredVersions(lookups) {
    const byName = byNormalizedName(lookups);
    const read = new Map();
    return name => {
        const normalized = (0,filenames/* normalizeProjectName */.yz)(name);
        if (!read.has(normalized)) {
            const lookup = byName.get(normalized);
            read.set(normalized, lookup ? offeredOf(lookup)?.versions : undefined);
        }
        return read.get(normalized);
    };
}
/** What one name's answers offer, keyed and as spelt; null when no answer lists a version. */
function offeredOf(lookup) {
    let offered = null;
    for (const answer of lookup.answers) {
        // An index that lists no version at all (a quarantined project) says nothing of them.
        if (!answer.found || !answer.project.versions?.length)
            continue;
        offered ??= { keys: new Set(), versions: [] };
        const yanked = new Set((answer.project.yankedVersions ?? []).map(version_key/* versionKey */._5));
        for (const version of answer.project.versions) {
            const key = (0,version_key/* versionKey */._5)(version);
            if (yanked.has(key) || offered.keys.has(key))
                continue;
            offered.keys.add(key);
            offered.versions.push(version);
        }
    }
    return offered;
}
function byNormalizedName(lookups) {
    return new Map(lookups.map(lookup => [(0,filenames/* normalizeProjectName */.yz)(lookup.name), lookup]));
}

// EXTERNAL MODULE: ./src/deps/collect.ts + 1 modules
var deps_collect = __webpack_require__(98502);
// EXTERNAL MODULE: ./src/deps/markers.ts
var markers = __webpack_require__(39457);
// EXTERNAL MODULE: ./src/shared/paths.ts
var paths = __webpack_require__(40405);
// EXTERNAL MODULE: ./src/shared/text.ts
var shared_text = __webpack_require__(24646);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(58382);
// EXTERNAL MODULE: ./src/pipeline/ignores.ts
var ignores = __webpack_require__(47261);
;// CONCATENATED MODULE: ./src/pipeline/ignore-files.ts
/**
 * Reads the files that ignore rules come from (ignore-config.ts says which, and parses them).
 * The parser, and the TOML library with it, loads only when one of them exists: a project
 * without them sends its first request without that code.
 */




const PYAUDIT_CONFIG = '.pyaudit.toml';
const OSV_SCANNER_CONFIG = 'osv-scanner.toml';
const parser = () => Promise.all(/* import() */[__webpack_require__.e(292), __webpack_require__.e(361)]).then(__webpack_require__.bind(__webpack_require__, 4361));
async function loadIgnoreRules(options) {
    const read = reader(options.workingDirectory);
    const rules = (0,ignores/* parseIgnoreVulnsInput */.kq)(options.ignoreVulnsInput);
    const own = await findOwnConfig(read, options.configPath);
    if (own)
        rules.push(...(await parser()).readOwnTable(own));
    const osvScanner = await read(OSV_SCANNER_CONFIG);
    if (osvScanner.text !== undefined) {
        const { parseOsvScannerConfig } = await parser();
        rules.push(...parseOsvScannerConfig(osvScanner.text, osvScanner.shownFile));
    }
    return rules;
}
/**
 * The `[[package-check-ignore]]` entries of our config (the file the `config` input names,
 * else .pyaudit.toml or [tool.pyaudit]); the input's own rules come with the other inputs.
 */
async function loadPackageCheckIgnoreRules(options) {
    const own = await findOwnConfig(reader(options.workingDirectory), options.configPath);
    return own ? (await parser()).readPackageIgnores(own) : [];
}
function reader(workingDirectory) {
    return async (name) => {
        const file = external_node_path_default().resolve(workingDirectory, name);
        const shownFile = shown(file, workingDirectory);
        return { file, shownFile, text: await readIfPresent(file, shownFile) };
    };
}
async function findOwnConfig(read, configPath) {
    if (configPath) {
        const { file, shownFile, text } = await read(configPath);
        if (text === undefined)
            throw new errors/* InputError */.dz('config', `file not found: ${file}`);
        const { dotFileConfig, pyprojectConfig } = await parser();
        if (external_node_path_default().basename(file) !== 'pyproject.toml')
            return dotFileConfig(text, shownFile);
        const own = pyprojectConfig(text, shownFile);
        if (own === undefined)
            throw new errors/* ParseError */.mB({ file: shownFile }, 'no [tool.pyaudit] table');
        return own;
    }
    const dotFile = await read(PYAUDIT_CONFIG);
    const pyproject = await read('pyproject.toml');
    if (dotFile.text === undefined && pyproject.text === undefined)
        return undefined;
    const { dotFileConfig, pyprojectConfig } = await parser();
    const fromPyproject = pyproject.text === undefined ? undefined : pyprojectConfig(pyproject.text, pyproject.shownFile);
    if (dotFile.text === undefined)
        return fromPyproject;
    if (fromPyproject !== undefined) {
        throw new errors/* ParseError */.mB({ file: pyproject.shownFile }, `[tool.pyaudit] and ${PYAUDIT_CONFIG} both configure pyaudit; keep one of them`);
    }
    return dotFileConfig(dotFile.text, dotFile.shownFile);
}
/** Reads a UTF-8 file (BOM dropped); undefined when it does not exist, ParseError otherwise. */
async function readIfPresent(file, shownFile) {
    try {
        const text = await (0,promises_.readFile)(file, 'utf8');
        return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT')
            return undefined;
        throw new errors/* ParseError */.mB({ file: shownFile }, `cannot read file (${code ?? String(error)})`);
    }
}
/** Relative to the working directory when inside it, as the user wrote paths there. */
function shown(file, workingDirectory) {
    const relative = external_node_path_default().relative(workingDirectory, file);
    return relative === '' || relative.startsWith('..') || external_node_path_default().isAbsolute(relative) ? file : relative;
}

;// CONCATENATED MODULE: ./src/pipeline/check-package-health.ts







/** The step; undefined when package checks are off (then no index is asked, nothing is read). */
async function checkPackageHealth(sources, config, context) {
    const settings = config.packageHealth;
    if (!settings.enabled) {
        context.whenAsked?.();
        return undefined;
    }
    // The checks' code loads only when they are on, while the advisory lookup is under way.
    const code = await Promise.all(/* import() */[__webpack_require__.e(717), __webpack_require__.e(779)]).then(__webpack_require__.bind(__webpack_require__, 6779));
    const pins = sources.flatMap(source => source.dependencies);
    const indexes = (0,index_url/* indexLocations */.PT)(config.sources.indexUrl, config.sources.extraIndexUrls);
    const shown = indexes.map(index => index.display).join(', ');
    context.logger.info(`Checking ${(0,shared_text/* plural */.LS)(pins.length, 'pin')} on ${shown}`);
    // The requests go out first; they need only the pins. A failure while the subjects or
    // the ignore rules are read then stops them.
    const stop = new AbortController();
    const signal = context.signal ? AbortSignal.any([context.signal, stop.signal]) : stop.signal;
    let sent;
    const allSent = new Promise(resolve => (sent = resolve));
    let cacheWritten = false;
    const asking = code.askPackageIndexes(pins, {
        ...indexOptions(config, context),
        signal,
        whenCacheWritten: () => (cacheWritten = true),
        whenAsked: () => {
            sent();
            context.whenAsked?.();
        }
    });
    asking.catch(() => { }); // awaited below, once the subjects and the rules are read
    // Those are read once the requests are out: their code and files would hold some back.
    await Promise.race([allSent, asking.then(sent, sent)]);
    let read;
    try {
        read = await subjectsAndRules(sources, config);
    }
    catch (error) {
        stop.abort(error);
        await asking.catch(() => { }); // nothing of the step runs on after it
        throw error;
    }
    const [subjects, fileRules] = read;
    const result = code.judgePackageHealth(subjects, await asking, {
        failOnPackageStatus: settings.failOnPackageStatus,
        packageCheckIgnore: [...settings.ignore, ...fileRules],
        today: context.now.toISOString().slice(0, 10)
    });
    logIgnored(result, context.logger);
    return {
        issues: result.active,
        warnings: result.expired.map(notice => notice.message),
        notices: result.unused.map(notice => notice.message),
        offered: offeredReleases(result.lookups),
        releases: offeredVersions(result.lookups),
        cacheWritten
    };
}
/** The lookup's options from the configuration: where, how long, and the cache. */
function indexOptions(config, context) {
    const { indexUrl, extraIndexUrls } = config.sources;
    return {
        ...(indexUrl ? { indexUrl } : {}),
        extraIndexUrls,
        requestTimeoutMs: config.requestTimeoutMs,
        // Index answers are kept beside the advisory records (revalidated every run); an offline
        // run writes nothing.
        ...(config.feed.cache && !config.feed.advisoryDb ? { cacheDir: config.feed.cacheDir } : {}),
        env: context.env,
        logger: context.logger
    };
}
/** The pins with the digests their files declare, and the config file's ignore rules. */
async function subjectsAndRules(sources, config) {
    return Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(292), __webpack_require__.e(938)]).then(__webpack_require__.bind(__webpack_require__, 47938)).then(({ healthSubjects }) => healthSubjects(sources, {
            markerEnvironment: (0,markers/* markerEnvironmentFor */.hX)(config.sources.pythonVersion ?? deps_collect/* DEFAULT_PYTHON_VERSION */.M),
            shownPath: file => (0,paths/* repositoryPath */.S)(file, config.repositoryRoot)
        })),
        loadPackageCheckIgnoreRules({
            workingDirectory: config.workingDirectory,
            ...(config.findings.configFile ? { configPath: config.findings.configFile } : {})
        })
    ]);
}
/** Accepted findings stay visible in the log, with the rule that accepted them. */
function logIgnored(result, logger) {
    for (const { issue, rule } of result.ignored) {
        const why = rule.reason ? `: ${rule.reason}` : '';
        logger.info(`Package check ignored: ${issue.name} ${issue.version} ${issue.kind} (${rule.origin}${why})`);
    }
}
/**
 * `main` and `side` at once, both to the end (nothing of either runs on after the step), then
 * the first failure: main's when both fail, since a failed main aborts `side` (its signal).
 */
async function beside(main, side) {
    const controller = new AbortController();
    const sideResult = settle(side(controller.signal));
    const mainResult = await settle(main);
    if (!mainResult.ok)
        controller.abort(mainResult.error);
    const sideSettled = await sideResult;
    if (!mainResult.ok)
        throw mainResult.error;
    if (!sideSettled.ok)
        throw sideSettled.error;
    return [mainResult.value, sideSettled.value];
}
function settle(promise) {
    return promise.then(value => ({ ok: true, value }), (error) => ({ ok: false, error }));
}

// EXTERNAL MODULE: ./src/pipeline/look-up.ts
var look_up = __webpack_require__(2697);
// EXTERNAL MODULE: ./src/pipeline/open-feed.ts + 4 modules
var open_feed = __webpack_require__(56592);
// EXTERNAL MODULE: ./src/advisories/version-order.ts
var version_order = __webpack_require__(85682);
;// CONCATENATED MODULE: ./src/pipeline/ask-ahead.ts

/**
 * The feed for the run's main lookup: its first lookup also asks about every version the last
 * verification of each pin asked about (kept in the advisory cache), in the same request, and
 * puts those answers in `early`. A warm run then confirms its upgrades without a round trip
 * of its own. Kept versions are only questions: a stale or forged list costs a few queries,
 * never an answer, since the feed's answers and the records decide.
 */
function askingAhead(opened) {
    const early = new Map();
    const inner = opened.feed;
    const store = opened.upgradeAdvice;
    if (store?.asked === undefined)
        return { feed: inner, early };
    let first = true;
    const feed = {
        name: inner.name,
        lookup: async (queries) => {
            if (!first)
                return inner.lookup(queries);
            first = false;
            const asked = new Set(queries.map(pin => earlyKey(pin)));
            const extra = [];
            for (const pin of queries) {
                for (const version of store.asked?.(pin) ?? []) {
                    const question = { name: pin.name, version };
                    if (!(0,version_order/* isPep440 */.it)(version) || asked.has(earlyKey(question)))
                        continue;
                    asked.add(earlyKey(question));
                    extra.push(question);
                }
            }
            if (extra.length === 0)
                return inner.lookup(queries);
            const answers = await inner.lookup([...queries, ...extra]);
            extra.forEach((pin, i) => {
                const records = answers[queries.length + i];
                if (records !== undefined)
                    early.set(earlyKey(pin), { pin, records });
            });
            return answers.slice(0, queries.length);
        },
        ...(inner.close ? { close: () => inner.close() } : {})
    };
    return { feed, early };
}
/** How early answers are keyed: the name as asked and the version's PEP 440 identity. */
function earlyKey(pin) {
    return `${pin.name}@${(0,version_order/* equalityKey */.Q1)(pin.version)}`;
}

// EXTERNAL MODULE: ./src/pipeline/run-error.ts
var run_error = __webpack_require__(90444);
// EXTERNAL MODULE: ./src/report/writers.ts
var writers = __webpack_require__(28226);
// EXTERNAL MODULE: ./src/tool.ts
var tool = __webpack_require__(95325);
;// CONCATENATED MODULE: ./src/pipeline/run-audit.ts











/**
 * The whole audit, shared by the action and the CLI: collect dependencies, look up their
 * advisories, check licenses, assess the findings, write the reports. An error still throws,
 * once `context.progress` says how far the run got and what went wrong, and the report (where
 * it has a path and dependencies were read) lists what was not checked.
 */
async function runAudit(config, logger, context) {
    const progress = context.progress ?? (0,run_error/* newRunProgress */.tW)();
    const now = context.now ?? new Date();
    try {
        if (config.fix === 'off')
            return await runStages(config, logger, { ...context, now }, progress);
        const stages = (stageConfig, fixes) => runStages(stageConfig, logger, { ...context, now, ...(fixes ? { fixes } : {}) }, progress);
        const { fixThenAuditAgain } = await Promise.all(/* import() */[__webpack_require__.e(292), __webpack_require__.e(291), __webpack_require__.e(717), __webpack_require__.e(363)]).then(__webpack_require__.bind(__webpack_require__, 66363));
        return await fixThenAuditAgain(config, stages, { env: context.env, logger });
    }
    catch (error) {
        progress.error = (0,run_error/* runError */.ML)(error, progress, config.repositoryRoot);
        await writeErrorReport(progress, config, reportContextOf(config, context, now), logger);
        throw error;
    }
}
/** The stages in order, each noting in `progress` what it has done. */
async function runStages(config, logger, context, progress) {
    const { env } = context;
    const now = context.now ?? new Date();
    const collect = {
        ...config.sources,
        workingDirectory: config.workingDirectory,
        repositoryRoot: config.repositoryRoot,
        env,
        logger
    };
    const sources = await (0,deps_collect/* collectDependencies */._)(collect);
    progress.sources = sources;
    const rules = await loadIgnoreRules({
        workingDirectory: config.workingDirectory,
        ...(config.findings.configFile ? { configPath: config.findings.configFile } : {}),
        ignoreVulnsInput: config.findings.ignoreVulns
    });
    const opened = await (0,open_feed/* openFeed */.B)(config.feed, {
        env,
        logger,
        now,
        cacheStore: context.cacheStore ?? open_feed/* NO_CACHE_STORE */.vF,
        shownPath: file => (0,paths/* repositoryPath */.S)(file, config.repositoryRoot),
        requestTimeoutMs: config.requestTimeoutMs,
        packages: new Set(sources.flatMap(source => source.dependencies.map(dep => dep.name))),
        keepsIndexAnswers: config.packageHealth.enabled
    });
    progress.feed = opened.feed.name;
    const pinned = sources.reduce((sum, source) => sum + source.dependencies.length, 0);
    logger.info(`Checking ${pinned} pinned dependencies against ${opened.feed.name}`);
    const reportContext = reportContextOf(config, context, now);
    let later;
    let assessment;
    let scope;
    let indexCacheWritten = false;
    try {
        // The package indexes are asked while the feed answers: no round trip is added. So are
        // the upgrades verified last time (a warm run verifies them without a round trip).
        const ahead = askingAhead(opened);
        const lookup = (0,look_up/* lookUpAdvisories */.M7)(sources, ahead.feed);
        // Loaded once every first request is out (the feed's, then the indexes'): their code
        // compiles while the answers are awaited, and holds no request back.
        let loading;
        const whenAsked = () => {
            if (loading)
                return loading;
            loading = Promise.all(/* import() */[__webpack_require__.e(256), __webpack_require__.e(610)]).then(__webpack_require__.bind(__webpack_require__, 32610));
            loading.catch(() => { }); // awaited below, or never when the lookup fails first
            context.whileLookingUp?.();
            return loading;
        };
        const [found, health] = await beside(lookup, signal => checkPackageHealth(sources, config, { env, logger, now, signal, whenAsked }));
        indexCacheWritten = health?.cacheWritten ?? false;
        later = await whenAsked();
        const { assessFindings, auditLicenses, judgeChangeScope, startUpgradeVerification } = later;
        progress.packagesLookedUp = found.packages.length;
        const result = withFeedSkips(found, opened.skipped?.());
        // No report names an upgrade the feed has not been asked about (one more lookup), asked
        // while the findings are assessed.
        const upgrades = startUpgradeVerification(result.packages, opened, logger, {
            early: ahead.early,
            // Releases the index lacks or has yanked are never recommended (package checks' answers).
            ...(health?.offered ? { offered: health.offered } : {}),
            // Where the advisories name no clean fix, the index's releases are the candidates.
            ...(health?.releases ? { releases: health.releases } : {})
        });
        scope = await judgeChangeScope({
            scope: config.scope,
            ...(config.baseRef ? { baseRef: config.baseRef } : {}),
            collect,
            head: sources,
            packages: result.packages,
            lookUp: pins => (0,look_up/* lookUpAdvisories */.M7)(pins, opened.feed),
            ...(health ? { packageIssues: health.issues } : {})
        });
        const licenses = await auditLicenses(result.packages, config.licenses, {
            pypiUrl: config.feed.pypiUrl,
            offline: Boolean(config.feed.advisoryDb),
            sbomWanted: later.reportsListLicenses(config.outputs) || Boolean(config.dependencyTrack),
            logger,
            env,
            requestTimeoutMs: config.requestTimeoutMs
        });
        licenses.notes.forEach(note => logger.info(note));
        progress.licensesChecked = licenses.entries.length;
        // The verification's request is written out before the assessment's CPU (~60-100 ms on a
        // cold run) holds the event loop: its round trip then overlaps the assessment.
        await new Promise(resolve => setImmediate(resolve));
        assessment = assessFindings(result, {
            rules,
            today: now.toISOString().slice(0, 10),
            ...config.findings,
            strict: config.sources.strict,
            shownPath: file => (0,paths/* repositoryPath */.S)(file, config.repositoryRoot),
            licenses: licenses.entries,
            failOnLicense: config.licenses.failOnLicense,
            ...(opened.recordsFor ? { recordsFor: opened.recordsFor } : {}),
            ...(opened.upgradeAdvice ? { upgradeAdvice: opened.upgradeAdvice } : {}),
            firstUpgrades: upgrades.first,
            tool: tool/* TOOL */.j,
            ...(health ? { packageHealth: health } : {}),
            ...(opened.databaseUpdated ? { databaseUpdated: opened.databaseUpdated } : {}),
            ...(scope.verdicts ? { changes: scope.verdicts } : {})
        });
        assessment = await upgrades.settle(assessment);
    }
    finally {
        // After the verification, so that the upgrades it confirmed are saved with the cache.
        await opened.finish(indexCacheWritten);
    }
    const { outcome, notices } = assessment;
    if (context.fixes)
        outcome.fix = context.fixes;
    progress.outcome = outcome;
    const warnings = [...scope.warnings, ...assessment.warnings];
    const scopeLine = later.describeChangeScope(outcome);
    if (scopeLine)
        logger.info(scopeLine);
    const files = await later.writeReports(outcome, config.outputs, reportContext, logger);
    const sbom = config.dependencyTrack
        ? await sbomToUpload(outcome, files.sbom, reportContext)
        : undefined;
    return { outcome, files, ...(sbom ? { sbom } : {}), warnings, notices };
}
/** The SBOM Dependency-Track gets: the very file written, when there is one. */
async function sbomToUpload(outcome, written, context) {
    return written ? promises_.readFile(written, 'utf8') : (0,writers/* renderSbom */.iO)(outcome, context);
}
function reportContextOf(config, context, now) {
    return {
        repositoryRoot: config.repositoryRoot,
        now,
        ...(context.sarifAutomationId ? { sarifAutomationId: context.sarifAutomationId } : {})
    };
}
/**
 * Fails closed, but leaves a record: after an error, the JSON report (result `error`) lists
 * every dependency as not checked, and why, in place of a missing or half-written file. It
 * is the one report file the run then vouches for.
 */
async function writeErrorReport(progress, config, context, logger) {
    progress.files = {};
    const { reportPath } = config.outputs;
    if (!reportPath || !progress.sources || !progress.error)
        return;
    try {
        await (0,writers/* writeJsonReport */.a_)((0,run_error/* errorOutcome */.zY)(progress, progress.error), context, reportPath);
        progress.files = { report: reportPath };
        logger.info(`Wrote an incomplete report to ${reportPath}`);
    }
    catch {
        // The error that stopped the run is the one to report, not a report that cannot be written.
    }
}
/** Releases a feed could not audit (PyPI does not know them) are skipped, never "clean". */
function withFeedSkips(result, skips) {
    if (!skips || skips.size === 0)
        return result;
    const skipped = [];
    const packages = result.packages.filter(pkg => {
        const reason = skips.get(`${pkg.name}@${pkg.version}`);
        if (reason === undefined)
            return true;
        for (const dep of pkg.declarations) {
            skipped.push({
                name: dep.name,
                version: dep.version,
                reason,
                location: dep.location,
                format: dep.format
            });
        }
        return false;
    });
    return { ...result, packages, skipped: [...result.skipped, ...skipped] };
}


/***/ }),

/***/ 90444:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ML: () => (/* binding */ runError),
/* harmony export */   tW: () => (/* binding */ newRunProgress),
/* harmony export */   zY: () => (/* binding */ errorOutcome)
/* harmony export */ });
/* harmony import */ var _look_up_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2697);
/* harmony import */ var _shared_describe_error_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4459);
/* harmony import */ var _shared_paths_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(40405);
/* harmony import */ var _shared_text_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(24646);
/* harmony import */ var _tool_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(95325);
/**
 * A run that ends in error still answers: what went wrong, what was checked before it and what
 * was not, and a report that says so instead of a missing file or a clean-looking one.
 */





function newRunProgress() {
    return { files: {} };
}
/**
 * What went wrong and what was and was not checked, in words. The message names the feed, the
 * input or the file (our typed errors do); the lines say how far the run got before it.
 */
function runError(error, progress = newRunProgress(), repositoryRoot) {
    const message = (0,_shared_describe_error_js__WEBPACK_IMPORTED_MODULE_1__/* .describeError */ .U)(error);
    const { sources } = progress;
    if (!sources) {
        return {
            message,
            checked: [],
            notChecked: [
                'dependency files: not read',
                'advisories: not looked up',
                'licenses: not checked'
            ]
        };
    }
    const checked = [];
    const notChecked = [];
    const pins = sources.flatMap(source => source.dependencies);
    const unauditable = sources.reduce((sum, source) => sum + source.skipped.length, 0);
    const files = sources.map(source => repositoryRoot ? (0,_shared_paths_js__WEBPACK_IMPORTED_MODULE_2__/* .repositoryPath */ .S)(source.file, repositoryRoot) : source.file);
    const shownFiles = files.length <= 3
        ? files.join(', ')
        : `${files.slice(0, 3).join(', ')} and ${files.length - 3} more`;
    checked.push(`dependency files: ${shownFiles}: ${(0,_shared_text_js__WEBPACK_IMPORTED_MODULE_4__/* .plural */ .LS)(pins.length, 'pinned dependency', 'pinned dependencies')}` +
        (unauditable > 0 ? `, ${unauditable} that cannot be audited` : ''));
    const feed = progress.feed ? ` in ${progress.feed}` : '';
    if (progress.packagesLookedUp !== undefined) {
        checked.push(`advisories: ${(0,_shared_text_js__WEBPACK_IMPORTED_MODULE_4__/* .plural */ .LS)(progress.packagesLookedUp, 'package')} looked up${feed}`);
    }
    else {
        const packages = (0,_look_up_js__WEBPACK_IMPORTED_MODULE_0__/* .groupDependencies */ .No)(pins).length;
        notChecked.push(`advisories: ${(0,_shared_text_js__WEBPACK_IMPORTED_MODULE_4__/* .plural */ .LS)(packages, 'package')} not looked up${feed}`);
    }
    if (progress.licensesChecked === undefined)
        notChecked.push('licenses: not checked');
    else if (progress.licensesChecked > 0) {
        checked.push(`licenses: ${(0,_shared_text_js__WEBPACK_IMPORTED_MODULE_4__/* .plural */ .LS)(progress.licensesChecked, 'package')}`);
    }
    if (progress.outcome) {
        checked.push(`verdict: ${progress.outcome.result}`);
        notChecked.push('reports: not every report file was written');
    }
    return { message, checked, notChecked };
}
/**
 * The report of a run that ended in error. Before the verdict, nothing is reported clean:
 * no package is listed as audited, and every pinned dependency is listed as not checked, with
 * the error. After it (a report file that could not be written), the findings stand.
 */
function errorOutcome(progress, error) {
    if (progress.outcome) {
        return {
            ...progress.outcome,
            result: 'error',
            failureReasons: [...progress.outcome.failureReasons, error.message],
            error
        };
    }
    const sources = progress.sources ?? [];
    const notChecked = (0,_look_up_js__WEBPACK_IMPORTED_MODULE_0__/* .groupDependencies */ .No)(sources.flatMap(source => source.dependencies)).map(pkg => ({
        name: pkg.name,
        version: pkg.version,
        reason: `not checked: ${error.message}`,
        location: pkg.declarations[0].location,
        format: pkg.declarations[0].format
    }));
    return {
        tool: _tool_js__WEBPACK_IMPORTED_MODULE_3__/* .TOOL */ .j,
        feed: progress.feed ?? 'none (the run stopped before it opened the advisory feed)',
        sources,
        packages: [],
        skipped: [...notChecked, ...sources.flatMap(source => source.skipped)],
        licenses: [],
        result: 'error',
        failureReasons: [error.message],
        incomplete: true,
        error
    };
}


/***/ }),

/***/ 54085:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bi: () => (/* binding */ introducedIn),
/* harmony export */   Pv: () => (/* binding */ newPackageIssueCount),
/* harmony export */   UM: () => (/* binding */ changeIn),
/* harmony export */   YZ: () => (/* binding */ newVulnerabilityCount)
/* harmony export */ });
/**
 * Scope `changes`: whether the change brings this finding (or package issue) in. Undefined in
 * scope `all`.
 */
function introducedIn(outcome, finding) {
    return outcome.changes === undefined ? undefined : (finding.introduced ?? true);
}
/** Scope `changes`: how the change touches this pin. Undefined in scope `all`. */
function changeIn(outcome, pkg) {
    return outcome.changes === undefined ? undefined : (pkg.change ?? 'unknown');
}
/** Scope `changes`: the active (not ignored) findings the change introduces. */
function newVulnerabilityCount(outcome) {
    let count = 0;
    for (const pkg of outcome.packages) {
        for (const finding of pkg.vulnerabilities) {
            if (!finding.ignored && introducedIn(outcome, finding) !== false)
                count++;
        }
    }
    return count;
}
/**
 * Scope `changes`: the package issues the change introduces (in scope `all`, every one). A
 * quarantined project already on the base still fails the step, but the change did not add it.
 */
function newPackageIssueCount(outcome) {
    return (outcome.packageIssues ?? []).filter(issue => introducedIn(outcome, issue) !== false)
        .length;
}


/***/ }),

/***/ 65132:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NB: () => (/* binding */ summaryCounts),
/* harmony export */   h1: () => (/* binding */ describeSeverities),
/* harmony export */   v: () => (/* binding */ tallyFindings)
/* harmony export */ });
/** The counts every report shows, computed once from the outcome. */
function summaryCounts(outcome) {
    const counts = {
        packages: outcome.packages.length,
        vulnerable_packages: 0,
        vulnerabilities: 0,
        by_severity: { critical: 0, high: 0, medium: 0, low: 0, unknown: 0 },
        malicious: 0,
        ignored: 0,
        failing: 0,
        skipped: outcome.skipped.length,
        license_violations: outcome.licenses.filter(entry => entry.violation).length
    };
    for (const pkg of outcome.packages) {
        const active = pkg.vulnerabilities.filter(vuln => !vuln.ignored);
        if (active.length > 0)
            counts.vulnerable_packages++;
        for (const vuln of pkg.vulnerabilities) {
            if (vuln.ignored) {
                counts.ignored++;
                continue;
            }
            counts.vulnerabilities++;
            counts.by_severity[vuln.severity.level]++;
            if (vuln.malicious)
                counts.malicious++;
            if (vuln.failing)
                counts.failing++;
        }
    }
    return counts;
}
function tallyFindings(groups) {
    const tally = {
        findings: 0,
        packages: groups.length,
        bySeverity: { critical: 0, high: 0, medium: 0, low: 0, unknown: 0 }
    };
    for (const group of groups) {
        tally.findings += group.findings.length;
        for (const finding of group.findings)
            tally.bySeverity[finding.severity.level]++;
    }
    return tally;
}
/** "2 medium, 5 unknown": the levels present, worst first. */
function describeSeverities(bySeverity) {
    return Object.entries(bySeverity)
        .filter(([, count]) => count > 0)
        .map(([level, count]) => `${count} ${level}`)
        .join(', ');
}


/***/ }),

/***/ 20734:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ay: () => (/* binding */ comparePackageFindings),
/* harmony export */   Eg: () => (/* binding */ compareFindings),
/* harmony export */   Ul: () => (/* binding */ packagesWith),
/* harmony export */   t1: () => (/* binding */ compareAdvisoryIds),
/* harmony export */   tq: () => (/* binding */ worstFinding),
/* harmony export */   yi: () => (/* binding */ severityLabel)
/* harmony export */ });
/* harmony import */ var _advisories_severity_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(16169);
/**
 * The one order in which every report a person reads (job summary, pull-request comment,
 * terminal, annotations) lists findings and packages: worst first, then advisory ids by their
 * numbers, so that the same run reads the same everywhere.
 */

/** "medium 5.4", "low 2.0", "unknown": a CVSS score always prints with one decimal. */
function severityLabel(severity) {
    return severity.score !== undefined
        ? `${severity.level} ${severity.score.toFixed(1)}`
        : severity.level;
}
/**
 * Advisory ids in natural order: the digit runs compare as numbers, so PYSEC-2021-35 comes
 * before PYSEC-2021-137 and GHSA ids keep their letters' order.
 */
function compareAdvisoryIds(a, b) {
    const left = partsOf(a);
    const right = partsOf(b);
    for (let i = 0; i < Math.min(left.length, right.length); i++) {
        const x = left[i] ?? '';
        const y = right[i] ?? '';
        if (x === y)
            continue;
        // split() puts the digit runs at the odd indexes.
        const order = i % 2 === 1 ? compareDigits(x, y) : x < y ? -1 : 1;
        if (order !== 0)
            return order;
    }
    return left.length - right.length || (a < b ? -1 : a > b ? 1 : 0);
}
/**
 * An id upper-cased and cut into letters and digit runs, once: a run sorts its findings several
 * times (assessment, each report), ~10,000 comparisons each for 1,300 findings.
 */
function partsOf(id) {
    let parts = idParts.get(id);
    if (parts === undefined) {
        parts = id.toUpperCase().split(/(\d+)/);
        idParts.set(id, parts);
    }
    return parts;
}
const idParts = new Map();
/** Digit runs of any length, as numbers (no precision lost on long ones); 007 equals 7. */
function compareDigits(x, y) {
    const a = x.replace(/^0+(?=\d)/, '');
    const b = y.replace(/^0+(?=\d)/, '');
    return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
/** Worst first (level, then CVSS score); findings of equal severity by their ids' numbers. */
function compareFindings(a, b) {
    return (0,_advisories_severity_js__WEBPACK_IMPORTED_MODULE_0__/* .compareSeverity */ .zK)(a.severity, b.severity) || compareAdvisoryIds(a.id, b.id);
}
/** The worst finding of a group (its first). */
function worstFinding(group) {
    return group.findings[0];
}
/**
 * Packages worst first: by their worst finding, then by how many findings they have, then by
 * name and version, so that equal packages never swap between runs.
 */
function comparePackageFindings(a, b) {
    return ((0,_advisories_severity_js__WEBPACK_IMPORTED_MODULE_0__/* .compareSeverity */ .zK)(worstFinding(a).severity, worstFinding(b).severity) ||
        b.findings.length - a.findings.length ||
        compareText(a.pkg.name, b.pkg.name) ||
        compareText(a.pkg.version, b.pkg.version));
}
/**
 * Each package with the findings `keep` selects, both in report order; packages with none left
 * are left out.
 */
function packagesWith(packages, keep) {
    return packages
        .map(pkg => ({
        pkg,
        findings: pkg.vulnerabilities.filter(finding => keep(finding, pkg)).sort(compareFindings)
    }))
        .filter(group => group.findings.length > 0)
        .sort(comparePackageFindings);
}
function compareText(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}


/***/ }),

/***/ 43844:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   l: () => (/* binding */ reportSections)
/* harmony export */ });
/* harmony import */ var _health_types_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(27987);
/* harmony import */ var _change_scope_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(54085);
/* harmony import */ var _order_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(20734);



function reportSections(outcome) {
    const vulnerability = (finding) => !finding.ignored && !finding.malicious;
    const sections = {
        alarms: alarms(outcome),
        vulnerable: (0,_order_js__WEBPACK_IMPORTED_MODULE_0__/* .packagesWith */ .Ul)(outcome.packages, finding => vulnerability(finding) && (0,_change_scope_js__WEBPACK_IMPORTED_MODULE_1__/* .introducedIn */ .Bi)(outcome, finding) !== false),
        packageIssues: indexFindings(outcome).filter(issue => (0,_change_scope_js__WEBPACK_IMPORTED_MODULE_1__/* .introducedIn */ .Bi)(outcome, issue) !== false)
    };
    if (outcome.changes) {
        sections.changes = {
            base: outcome.changes.base,
            fixed: outcome.changes.fixedByChange,
            alreadyThere: (0,_order_js__WEBPACK_IMPORTED_MODULE_0__/* .packagesWith */ .Ul)(outcome.packages, finding => vulnerability(finding) && (0,_change_scope_js__WEBPACK_IMPORTED_MODULE_1__/* .introducedIn */ .Bi)(outcome, finding) === false),
            packageIssuesAlreadyThere: indexFindings(outcome).filter(issue => (0,_change_scope_js__WEBPACK_IMPORTED_MODULE_1__/* .introducedIn */ .Bi)(outcome, issue) === false)
        };
    }
    return sections;
}
/** The index's findings other than quarantine (those are alarms), failing ones first. */
function indexFindings(outcome) {
    return (outcome.packageIssues ?? [])
        .filter(issue => issue.kind !== 'quarantined')
        .sort(compareIssues);
}
/** Malicious packages and quarantined projects together, one entry per name and version. */
function alarms(outcome) {
    const byPin = new Map();
    const entry = (name, version) => {
        const key = `${name}\0${version}`;
        let alarm = byPin.get(key);
        if (!alarm) {
            alarm = { name, version, advisories: [], quarantined: [], locations: [], failing: false };
            byPin.set(key, alarm);
        }
        return alarm;
    };
    for (const pkg of outcome.packages) {
        const advisories = pkg.vulnerabilities.filter(finding => finding.malicious && !finding.ignored);
        if (advisories.length === 0)
            continue;
        const alarm = entry(pkg.name, pkg.version);
        alarm.advisories.push(...advisories.sort((a, b) => (0,_order_js__WEBPACK_IMPORTED_MODULE_0__/* .compareAdvisoryIds */ .t1)(a.id, b.id)));
        alarm.locations.push(...pkg.declarations.map(dep => dep.location));
        alarm.failing ||= advisories.some(finding => finding.failing);
    }
    for (const issue of outcome.packageIssues ?? []) {
        if (issue.kind !== 'quarantined')
            continue;
        const alarm = entry(issue.name, issue.version);
        alarm.quarantined.push(issue);
        alarm.locations.push(issue.location);
        alarm.failing ||= issue.failing;
    }
    return [...byPin.values()]
        .map(alarm => ({ ...alarm, locations: distinctLocations(alarm.locations) }))
        .sort((a, b) => Number(b.failing) - Number(a.failing) || compareText(a.name, b.name));
}
/** Failing first, then by kind (in the order PACKAGE_ISSUE_KINDS lists them), name and place. */
function compareIssues(a, b) {
    return (Number(b.failing) - Number(a.failing) ||
        _health_types_js__WEBPACK_IMPORTED_MODULE_2__/* .PACKAGE_ISSUE_KINDS */ .P.indexOf(a.kind) - _health_types_js__WEBPACK_IMPORTED_MODULE_2__/* .PACKAGE_ISSUE_KINDS */ .P.indexOf(b.kind) ||
        compareText(a.name, b.name) ||
        compareText(a.location.file, b.location.file) ||
        a.location.line - b.location.line);
}
function distinctLocations(locations) {
    const seen = new Set();
    return locations.filter(location => {
        const key = `${location.file}\0${location.line}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
function compareText(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}


/***/ }),

/***/ 28226:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hq: () => (/* binding */ writeFixPatch),
/* harmony export */   Tz: () => (/* binding */ writeSbom),
/* harmony export */   _k: () => (/* binding */ sarifAutomationId),
/* harmony export */   a_: () => (/* binding */ writeJsonReport),
/* harmony export */   iO: () => (/* binding */ renderSbom),
/* harmony export */   lg: () => (/* binding */ writeSarif)
/* harmony export */ });
/* unused harmony export writeTextFile */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/**
 * The report files. A writer writes its own file, so that one may stream a large document to
 * disk instead of building it as one string first. The pipeline's table of report writers
 * (src/pipeline/write-reports.ts) says which input names each file.
 */


/**
 * `pyaudit/<working directory>/<leg>/`: one per project path and matrix leg, since code
 * scanning rejects an upload whose runs share a tool and category (July 2025). The category is
 * the id up to its last `/`, so the id ends in one; upload-sarif's `category` input does not
 * replace an id the file already has. The entry names the leg (on a runner, a hash of the step
 * and matrix leg); without one the id is per project path only.
 */
function sarifAutomationId(workingDirectory, leg) {
    const project = workingDirectory.replace(/\\/g, '/').replace(/^\.?\/+|\/+$/g, '') || '.';
    return `pyaudit/${project}/${leg ? `${leg}/` : ''}`;
}
/*
 * Each writer loads its report's code when it writes: the entry loads this module, and a run
 * sends its first request sooner without the reports' code, which it needs only at the end.
 */
const writeJsonReport = async (outcome, context, file) => {
    const { buildJsonReport, writeJsonReportFile } = await __webpack_require__.e(/* import() */ 225).then(__webpack_require__.bind(__webpack_require__, 4225));
    await writeJsonReportFile(buildJsonReport(outcome, context.repositoryRoot), file);
};
const writeSbom = async (outcome, context, file) => writeTextFile(file, await renderSbom(outcome, context));
/** CycloneDX's model, the slowest part to load, loads only when an SBOM is asked for. */
async function renderSbom(outcome, context) {
    const { buildSbom } = await Promise.all(/* import() */[__webpack_require__.e(571), __webpack_require__.e(821)]).then(__webpack_require__.bind(__webpack_require__, 75821));
    return buildSbom(outcome, { repositoryRoot: context.repositoryRoot, timestamp: context.now });
}
const writeSarif = async (outcome, context, file) => {
    const { writeSarifFile } = await __webpack_require__.e(/* import() */ 643).then(__webpack_require__.bind(__webpack_require__, 10643));
    await writeSarifFile(outcome, {
        repositoryRoot: context.repositoryRoot,
        ...(context.sarifAutomationId ? { automationId: context.sarifAutomationId } : {})
    }, file);
};
/** The fix-patch writer: the diff of every changed file; '' (no file) when nothing changed. */
const writeFixPatch = (outcome, _context, file) => writeTextFile(file, outcome.fix?.patch ?? '');
/** Writes `text` to `file`, making its directory first. */
async function writeTextFile(file, text) {
    await node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir(node_path__WEBPACK_IMPORTED_MODULE_1__.dirname(file), { recursive: true });
    await node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile(file, text);
}


/***/ }),

/***/ 4459:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ describeError)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58382);

/**
 * One message a user can act on, never a stack trace. Anything that is not one of our
 * own errors is a bug, and says so.
 */
function describeError(error) {
    if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PyauditError */ .xE)
        return error.message;
    const detail = error instanceof Error ? error.message : String(error);
    return `Unexpected error: ${detail}. This is a bug in pyaudit-action; please report it with this message.`;
}


/***/ }),

/***/ 58382:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bD: () => (/* binding */ messageOf),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   lS: () => (/* binding */ FeedError),
/* harmony export */   mB: () => (/* binding */ ParseError),
/* harmony export */   xE: () => (/* binding */ PyauditError)
/* harmony export */ });
/* unused harmony export formatPosition */
/**
 * Errors a user can act on. Anything thrown that is not a PyauditError is a bug in this
 * tool; run() still reports it without a stack trace, but says so.
 */
class PyauditError extends Error {
    name = 'PyauditError';
}
/** An action input (or CLI flag) with a value we cannot use. */
class InputError extends PyauditError {
    input;
    name = 'InputError';
    constructor(input, detail) {
        super(`Input '${input}': ${detail}`);
        this.input = input;
    }
}
/** A dependency file we cannot read or parse. */
class ParseError extends PyauditError {
    position;
    detail;
    name = 'ParseError';
    constructor(position, detail) {
        super(`${formatPosition(position)}: ${detail}`);
        this.position = position;
        this.detail = detail;
    }
}
/** An advisory feed that could not answer, after retries. The run must fail closed. */
class FeedError extends PyauditError {
    feed;
    name = 'FeedError';
    constructor(feed, detail, options) {
        super(`Advisory feed ${feed} failed: ${detail}`, options);
        this.feed = feed;
    }
}
/** What an error says, whatever was thrown. */
function messageOf(error) {
    return error instanceof Error ? error.message : String(error);
}
function formatPosition(position) {
    let text = position.file;
    if (position.line !== undefined)
        text += `:${position.line}`;
    if (position.line !== undefined && position.column !== undefined)
        text += `:${position.column}`;
    return text;
}


/***/ }),

/***/ 76242:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FV: () => (/* binding */ escapeMarkdown),
/* harmony export */   Fn: () => (/* binding */ urlSecrets),
/* harmony export */   Pl: () => (/* binding */ safeUrl),
/* harmony export */   X5: () => (/* binding */ cleanText),
/* harmony export */   ZD: () => (/* binding */ escapeHtml),
/* harmony export */   cl: () => (/* binding */ registerSecret),
/* harmony export */   fp: () => (/* binding */ redactSecrets),
/* harmony export */   xv: () => (/* binding */ truncate)
/* harmony export */ });
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(24646);
/**
 * Untrusted text (advisories, dependency files, server answers) on its way out. Every string
 * we print passes cleanText: no terminal escape sequence, no control or bidi character that
 * could hide or reorder what a reader sees (Trojan Source), no credential. Markdown goes on
 * through escapeMarkdown: nothing may become a tag, a link, an image, a table cell break or a
 * heading.
 */

/** ANSI escape sequences (CSI, OSC, two-byte ESC sequences, the C1 CSI), removed whole. */
const ANSI_SEQUENCE = 
// eslint-disable-next-line no-control-regex
/\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-Z\\-_]|\u009b[0-?]*[ -/]*[@-~]/g;
/** C0 and C1 controls and DEL, except tab, line feed and carriage return (handled apart). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
/** Bidi embeddings, overrides, isolates and marks (U+202A-U+202E, U+2066-U+2069, LRM, RLM, ALM). */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** Every character the replacements in cleanText act on: escape sequences start with one. */
// eslint-disable-next-line no-control-regex
const TO_CLEAN = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
/** Invisible, so a broken `://` or `www.` still reads as written, but GFM no longer links it. */
const WORD_JOINER = '\u2060';
/**
 * The one filter for untrusted text we print (summary, comment, annotations, terminal, SARIF,
 * log lines): escape sequences, controls and bidi characters removed, tabs made spaces, then
 * credentials in URLs and registered secrets redacted (after the removal, so a control
 * character inside a secret cannot smuggle it past).
 */
function cleanText(text, options = {}) {
    // Nearly every text has none of it: one test instead of five replacements (a report of
    // 1,300 findings cleans ~10,000 cells).
    if (!TO_CLEAN.test(text))
        return redactSecrets(text);
    const flat = text
        .replace(ANSI_SEQUENCE, '')
        .replace(CONTROL, '')
        .replace(BIDI, '')
        .replace(/\r\n?/g, '\n')
        .replace(/\t/g, ' ');
    return redactSecrets(options.multiline ? flat : flat.replace(/\n/g, ' '));
}
const secrets = new Set();
let secretPattern;
/** Shorter values are left to the runner's masking: redacting them would garble ordinary text. */
const MIN_SECRET_LENGTH = 4;
/**
 * Remembers a secret (an API key, a token, a password from a URL) so that redactSecrets hides
 * it wherever it turns up, above all in what a server echoes. Process-wide like the runner's
 * own masking (core.setSecret): a secret learnt anywhere is hidden everywhere. The runner
 * masks only the literal text; we redact before escaping, so `odt_abc` cannot slip through
 * as `odt\_abc`.
 */
function registerSecret(secret) {
    const value = secret.trim();
    if (value.length < MIN_SECRET_LENGTH || secrets.has(value))
        return;
    secrets.add(value);
    const alternatives = [...secrets]
        .sort((a, b) => b.length - a.length)
        .map(item => item.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    secretPattern = new RegExp(alternatives.join('|'), 'g');
}
/** Credentials in URLs (`scheme://***@host`) and every registered secret replaced by `***`. */
function redactSecrets(text) {
    const withoutUrlCredentials = text.includes('@') ? (0,_text_js__WEBPACK_IMPORTED_MODULE_0__/* .redactCredentials */ .UY)(text) : text;
    return secretPattern ? withoutUrlCredentials.replace(secretPattern, '***') : withoutUrlCredentials;
}
/**
 * The secret parts of the URLs in a text: each password, and the user where there is no
 * password (a token is often given as the user: `https://TOKEN@host`). Well-known account
 * names that carry no secret (`git@github.com`) are not. Both the written (percent-encoded)
 * and the decoded form, as either may be printed.
 */
function urlSecrets(text) {
    const found = new Set();
    for (const match of text.matchAll(/\b[a-z][a-z0-9+.-]*:\/\/([^/?#\s]*)@/gi)) {
        const userinfo = match[1] ?? '';
        const colon = userinfo.indexOf(':');
        const user = colon < 0 ? userinfo : userinfo.slice(0, colon);
        const password = colon < 0 ? '' : userinfo.slice(colon + 1);
        const secret = password || (PUBLIC_USERS.has(user.toLowerCase()) ? '' : user);
        if (!secret)
            continue;
        found.add(secret);
        found.add(decodeOrSelf(secret));
    }
    return [...found];
}
const PUBLIC_USERS = new Set(['git', 'hg', 'svn', 'anonymous', 'ftp']);
function decodeOrSelf(text) {
    try {
        return decodeURIComponent(text);
    }
    catch {
        return text;
    }
}
/**
 * Untrusted text as Markdown that GitHub renders with HTML allowed: cleaned, one line, every
 * character with a meaning escaped, and bare URLs, `www.` names and e-mail addresses broken
 * with an invisible word joiner so that GFM's autolinks do not make them live links.
 */
function escapeMarkdown(text) {
    const escaped = htmlEntities(cleanText(text)).replace(/([\\`*_[\]()#!|~@])/g, '\\$1');
    return breakAutolinks(escaped).replace(/\\@/g, `\\@${WORD_JOINER}`);
}
/**
 * Untrusted text inside an HTML block (a `<summary>`), where Markdown is not read: cleaned,
 * HTML-escaped, and with URLs, `www.` names and addresses broken as escapeMarkdown breaks them.
 */
function escapeHtml(text) {
    return breakAutolinks(htmlEntities(cleanText(text))).replace(/@/g, `@${WORD_JOINER}`);
}
/** The characters that could open a tag or an entity, or close an attribute, as entities. */
function htmlEntities(text) {
    return text
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;');
}
/** `://` and `www.` broken with the word joiner, so that GFM's autolinks do not link them. */
function breakAutolinks(text) {
    return text.replace(/:\/\//g, `:${WORD_JOINER}//`).replace(/\b(www)\./gi, `$1${WORD_JOINER}.`);
}
/** Shortens text to at most `max` characters, on a word boundary when one is near. */
function truncate(text, max) {
    if (text.length <= max)
        return text;
    const cut = text.slice(0, max - 1);
    const space = cut.lastIndexOf(' ');
    return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}
/** A link only when the URL is plain http(s): never javascript:, data: or relative URLs. */
function safeUrl(url) {
    try {
        const parsed = new URL(url);
        if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
            return undefined;
        return parsed.href.replace(/\(/g, '%28').replace(/\)/g, '%29');
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 51735:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   y: () => (/* binding */ applyExpiringRules)
/* harmony export */ });
/* unused harmony export isExpired */
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(24646);
/**
 * Ignore rules with an expiry date, whatever they match (advisories, package-health findings):
 * which rule ignores each finding, and what to tell the user of rules past their date or unused.
 * Pure: the date is an argument, never the clock. `until` is the first day a rule no longer
 * applies (src/pipeline/ignores.ts says why).
 */

function isExpired(rule, today) {
    // ISO dates compare correctly as strings.
    return rule.until !== undefined && today >= rule.until;
}
/**
 * Applies `rules` to `findings` on `today` (YYYY-MM-DD). Every rule that matches a finding counts
 * as used, not just the one that ignores it: a duplicate entry is redundant, not stale, and must
 * not be reported as matching nothing. `describe` names a rule in the notices.
 */
function applyExpiringRules(findings, rules, today, matches, describe) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(today))
        throw new Error(`today must be YYYY-MM-DD, got '${today}'`);
    const matchCount = new Map(rules.map(rule => [rule, 0]));
    const outcome = { active: [], ignored: [], expired: [], unused: [] };
    for (const finding of findings) {
        const matching = rules.filter(rule => matches(rule, finding));
        for (const rule of matching)
            matchCount.set(rule, matchCount.get(rule) + 1);
        const rule = matching.find(candidate => !isExpired(candidate, today));
        if (rule === undefined)
            outcome.active.push(finding);
        else
            outcome.ignored.push({ finding, rule });
    }
    for (const rule of rules) {
        const count = matchCount.get(rule);
        if (isExpired(rule, today)) {
            const effect = count === 0
                ? 'it matches no current finding, so it can be removed'
                : `${(0,_text_js__WEBPACK_IMPORTED_MODULE_0__/* .plural */ .LS)(count, 'finding')} it covered ${count === 1 ? 'is' : 'are'} reported again`;
            outcome.expired.push({
                rule,
                message: `${describe(rule)} expired on ${rule.until}: ${effect}.`
            });
        }
        else if (count === 0) {
            const message = `${describe(rule)} matched no finding; remove it if it is no longer needed.`;
            outcome.unused.push({ rule, message });
        }
    }
    return outcome;
}


/***/ }),

/***/ 66511:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ isObject),
/* harmony export */   e: () => (/* binding */ isStringList)
/* harmony export */ });
/** A JSON object (not null, not an array): what every feed and lockfile reader checks first. */
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function isStringList(value) {
    return Array.isArray(value) && value.every(item => typeof item === 'string');
}


/***/ }),

/***/ 21827:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   q: () => (/* binding */ silentLogger)
/* harmony export */ });
const silentLogger = { debug() { }, info() { }, warning() { } };


/***/ }),

/***/ 40405:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ advisoryUrl),
/* harmony export */   S: () => (/* binding */ repositoryPath)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);

/** A path relative to the repository root with '/' separators, as GitHub annotations want it. */
function repositoryPath(file, repositoryRoot) {
    const relative = node_path__WEBPACK_IMPORTED_MODULE_0__.relative(repositoryRoot, file);
    if (relative === '' || relative.startsWith('..') || node_path__WEBPACK_IMPORTED_MODULE_0__.isAbsolute(relative))
        return file;
    return relative.split(node_path__WEBPACK_IMPORTED_MODULE_0__.sep).join('/');
}
/** The page that describes an advisory. */
function advisoryUrl(id) {
    return `https://osv.dev/vulnerability/${encodeURIComponent(id)}`;
}


/***/ }),

/***/ 24646:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Kb: () => (/* binding */ excerpt),
/* harmony export */   LS: () => (/* binding */ plural),
/* harmony export */   UY: () => (/* binding */ redactCredentials),
/* harmony export */   fi: () => (/* binding */ listEntries)
/* harmony export */ });
/** Small text helpers for messages, shared by every stage and front end. */
/** A short, single-line excerpt of untrusted text for error messages. */
function excerpt(value, max = 60) {
    // eslint-disable-next-line no-control-regex
    const flat = value.replace(/[\u0000-\u001f\u007f]/g, ' ');
    return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
/**
 * `https://user:secret@host/` -> `https://***@host/`, so URLs can be printed. The whole
 * userinfo goes, user included: a token is often given as the user (`https://TOKEN@host`).
 * It ends at the last `@` before the path, as URL parsers and pip read it.
 */
function redactCredentials(text) {
    return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^/?#\s]*@/gi, '$1***@');
}
/** The entries of a list input, one per line with an optional `# reason`; blank lines skipped. */
function listEntries(text) {
    const entries = [];
    text.split(/\r?\n|\r/).forEach((line, index) => {
        const hash = line.indexOf('#');
        const entry = (hash === -1 ? line : line.slice(0, hash)).trim();
        const reason = hash === -1 ? '' : line.slice(hash + 1).trim();
        if (entry !== '')
            entries.push({ entry, reason, line: index + 1 });
    });
    return entries;
}
/** `1 package`, `2 packages`; irregular nouns give their plural form. */
function plural(count, singular, pluralForm = `${singular}s`) {
    return `${count} ${count === 1 ? singular : pluralForm}`;
}


/***/ }),

/***/ 95325:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ TOOL)
/* harmony export */ });
/** This tool's name and version, as reports name it. Kept in step with package.json by a test. */
const TOOL = { name: 'pyaudit-action', version: '0.1.0' };


/***/ }),

/***/ 23682:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

// ae-cvss-calculator, required on first use rather than when the bundle loads: a run whose
// vectors are all scored by cvss3.ts and cvss4.ts (the usual case) never needs it (see
// severity.ts). CommonJS
// because a require inside a function is what lets the bundler pack the module and still
// run it only when called; an ES import would run it at load, an import() would make
// scoring asynchronous.

let calculators
module.exports = function loadCvssCalculators() {
  if (calculators === undefined) calculators = __webpack_require__(44353)
  return calculators
}


/***/ })

};
