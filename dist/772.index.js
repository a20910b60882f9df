export const id = 772;
export const ids = [772];
export const modules = {

/***/ 84125:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ removeQuietly),
/* harmony export */   l: () => (/* binding */ writeFileAtomically)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/**
 * Cache files are written to a temp file and renamed into place, so a reader (another run
 * sharing the cache directory, say) sees the old file or the new one, never half of one.
 */


/** The process and a random tag, so concurrent runs never share a temp file. */
const TEMP_TAG = `${process.pid}.${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(4).toString('hex')}`;
let written = 0;
/** Throws what the file system throws, after removing the temp file. */
function writeFileAtomically(file, text) {
    const temp = `${file}.${TEMP_TAG}.${written++}.tmp`;
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeFileSync)(temp, text);
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.renameSync)(temp, file);
    }
    catch (error) {
        removeQuietly(temp);
        throw error;
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

/***/ 54170:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   uH: () => (/* binding */ recordAffects)
/* harmony export */ });
/* unused harmony export affects */
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
    // A version that is not PEP 440 cannot be ordered, so only an exact listing can match it.
    if ((0,_version_order_js__WEBPACK_IMPORTED_MODULE_0__/* .isPep440 */ .it)(version) && (affected.ranges ?? []).some(range => rangeIncludes(range, version))) {
        return true;
    }
    return listed(affected.versions ?? [], version);
}
/** Whether `record` affects `name` (PEP 503 normalised) at `version`. Withdrawn records never do. */
function recordAffects(record, name, version) {
    if (record.withdrawn != null)
        return false;
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
    let vulnerable = false;
    for (const event of readable.events) {
        if (event.bound === 'introduced') {
            if (event.at === BEGINNING || (0,_version_order_js__WEBPACK_IMPORTED_MODULE_0__/* .compareVersions */ .Zy)(version, event.at) >= 0)
                vulnerable = true;
        }
        else if (event.at !== BEGINNING) {
            const order = (0,_version_order_js__WEBPACK_IMPORTED_MODULE_0__/* .compareVersions */ .Zy)(version, event.at);
            if (event.bound === 'fixed' ? order >= 0 : order > 0)
                vulnerable = false;
        }
    }
    return vulnerable;
}
/** Records are not modified once loaded, so each range is read and sorted once. */
const readableRanges = new WeakMap();
function readEvents(raw) {
    let readable = readableRanges.get(raw);
    if (readable === undefined) {
        readable = sortedEvents(raw);
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
    // The schema evaluates events in version order, whatever order the record lists them in.
    // Array.prototype.sort is stable, so equal versions keep the record's order.
    events.sort((a, b) => {
        if (a.at === BEGINNING || b.at === BEGINNING) {
            return a.at === b.at ? 0 : a.at === BEGINNING ? -1 : 1;
        }
        return (0,_version_order_js__WEBPACK_IMPORTED_MODULE_0__/* .compareVersions */ .Zy)(a.at, b.at);
    });
    return { events, limits };
}
function beforeLimits(limits, version) {
    if (limits.length === 0)
        return true;
    return limits.some(limit => limit === '*' || (0,_version_order_js__WEBPACK_IMPORTED_MODULE_0__/* .compareVersions */ .Zy)(version, limit) < 0);
}


/***/ }),

/***/ 6648:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  vv: () => (/* binding */ DiskRecordCache),
  $g: () => (/* binding */ defaultCacheDir)
});

// UNUSED EXPORTS: recordFileName

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
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

;// CONCATENATED MODULE: ./src/advisories/match-hints.ts
/**
 * What each pin matched in earlier runs: `name==version` -> advisory ids, kept beside the
 * record cache so that a warm run can read the records it will probably need while its
 * /v1/querybatch is still on the wire. A hint only says which files to read early; the
 * answer of the querybatch still decides which records are used, so a stale, damaged or
 * forged hints file costs time, never a finding.
 *
 * Each pin also keeps the upgrade recommended for it, under the fingerprint of the records
 * it was worked out from (see upgrade.ts): the same pin with the same records gets the same
 * answer without the search over every listed version.
 */



const FORMAT = 2;
/** Pins kept at most: one cache directory may serve many projects over a long time. */
const MAX_HINTED_PINS = 50_000;
class MatchHints {
    file;
    pins = new Map();
    loaded = false;
    changed = false;
    constructor(file) {
        this.file = file;
    }
    /** True once `remember` learnt something the file does not hold yet. */
    get dirty() {
        return this.changed;
    }
    /** The ids the pins matched last time, each once, in the order of the pins. */
    idsFor(pins) {
        this.load();
        const ids = new Set();
        for (const pin of pins)
            for (const id of this.pins.get(pinKey(pin))?.ids ?? [])
                ids.add(id);
        return [...ids];
    }
    /** The upgrade recommended for `pin` from the records of `fingerprint`, if known. */
    adviceFor(pin, fingerprint) {
        this.load();
        const advice = this.pins.get(pinKey(pin))?.advice;
        return advice?.[0] === fingerprint ? advice[1] : undefined;
    }
    rememberAdvice(pin, fingerprint, upgrade) {
        this.load();
        const key = pinKey(pin);
        const notes = this.pins.get(key) ?? { ids: [] };
        if (notes.advice?.[0] === fingerprint && notes.advice[1] === upgrade)
            return;
        this.pins.set(key, { ...notes, advice: [fingerprint, upgrade] });
        this.changed = true;
    }
    /** What each pin matched in this run; `matched[i]` belongs to `pins[i]`. */
    remember(pins, matched) {
        this.load();
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
        for (const [key, notes] of this.pins) {
            if (fresh.size >= MAX_HINTED_PINS)
                break;
            if (!fresh.has(key))
                fresh.set(key, notes);
        }
        this.pins = fresh;
    }
    /** Writes the hints when they changed, atomically. Throws what the file system throws. */
    save() {
        if (!this.changed)
            return;
        const pins = Object.fromEntries(this.pins);
        (0,atomic_file/* writeFileAtomically */.l)(this.file, JSON.stringify({ format: FORMAT, pins }));
        this.changed = false;
    }
    load() {
        if (this.loaded)
            return;
        this.loaded = true;
        try {
            this.pins = parseHints((0,external_node_fs_.readFileSync)(this.file, 'utf8'));
        }
        catch {
            // No file yet, or one that cannot be read: no hints, and the next save replaces it.
        }
    }
}
function pinKey(pin) {
    return `${pin.name}==${pin.version}`;
}
/** The file's pins, or none at all when any part of it is not what save wrote. */
function parseHints(text) {
    const value = JSON.parse(text);
    const pins = new Map();
    if (!(0,json_shape/* isObject */.G)(value) || value.format !== FORMAT || !(0,json_shape/* isObject */.G)(value.pins))
        return pins;
    for (const [key, notes] of Object.entries(value.pins)) {
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
            advice.length === 2 &&
            typeof advice[0] === 'string' &&
            (advice[1] === null || typeof advice[1] === 'string')));
}
function sameIds(a, b) {
    return a.length === b.length && a.every((id, i) => id === b[i]);
}

// EXTERNAL MODULE: ./src/advisories/severity.ts
var severity = __webpack_require__(34852);
;// CONCATENATED MODULE: ./src/advisories/record-cache.ts
/**
 * Full OSV records on disk, keyed by (id, modified), so a warm run asks the OSV API only
 * which advisories apply (one /v1/querybatch) and reads the records it already holds. One
 * file per advisory; a file is trusted only when it parses, names the id asked for and has
 * the shape of a record: anything else is deleted and fetched again. Writes go to a temp
 * file renamed into place, so a reader never sees half a record. The cache only ever saves
 * time: a file it cannot read or write is a miss, and a write that fails is a debug line.
 * Each file also keeps the CVSS scores of its record's vectors, the costliest thing to work
 * out again about a record.
 *
 * While the /v1/querybatch of a warm run is on the wire, the records its pins matched last
 * time (see match-hints.ts) are read ahead, so that waiting and reading overlap.
 */











/** Bumped when the file layout changes: files of another format are never read. */
const record_cache_FORMAT = 3;
const RECORDS_DIR = 'osv-records';
const HINTS_FILE = 'osv-match-hints.json';
/**
 * Read-ahead works in slices this long and then lets the event loop run, so that the answer
 * it waits beside is taken in as soon as it arrives. Timed with Date.now: the global
 * `performance` loads perf_hooks on first use, ~2 ms for a clock this coarse.
 */
const READ_AHEAD_SLICE_MS = 2;
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
/**
 * A file name for any id, safe on every runner's file system: the id's harmless characters
 * for people to read, and a hash of the exact id so that ids differing only in case or in
 * replaced characters never share a file.
 */
function recordFileName(id) {
    // No leading dot: such files are hidden, and '.' and '..' mean something else.
    const readable = id
        .replace(/[^A-Za-z0-9._-]/g, '_')
        .replace(/^\./, '_')
        .slice(0, 100);
    const hash = (0,external_node_crypto_.createHash)('sha256').update(id).digest('hex').slice(0, 16);
    return `${readable}.${hash}.json`;
}
class DiskRecordCache {
    dir;
    stats = {
        hits: 0,
        misses: 0,
        discarded: 0,
        written: 0,
        readAhead: 0
    };
    logger;
    /** What is known to be on disk: id -> modified. Spares rewriting a record just read. */
    onDisk = new Map();
    queued = new Map();
    hints;
    hintsWritten = false;
    /** Files read ahead and not asked for yet. */
    readEarly = new Map();
    /** Upgrades recommended in earlier runs, kept with the match hints of each pin. */
    upgradeAdvice;
    constructor(cacheDir, options = {}) {
        this.dir = external_node_path_default().join(cacheDir, RECORDS_DIR);
        this.logger = options.logger ?? log/* silentLogger */.q;
        const hints = new MatchHints(external_node_path_default().join(cacheDir, HINTS_FILE));
        this.hints = hints;
        this.upgradeAdvice = {
            get: (pin, fingerprint) => hints.adviceFor(pin, fingerprint),
            set: (pin, fingerprint, upgrade) => hints.rememberAdvice(pin, fingerprint, upgrade)
        };
    }
    /** True once something new was written: only then is the cache worth saving. */
    get changed() {
        return this.stats.written > 0 || this.hintsWritten;
    }
    get(id, modified) {
        const early = this.readEarly.get(id);
        if (early !== undefined)
            this.readEarly.delete(id);
        const stored = early ?? this.read(id);
        if (stored === 'absent' || stored === 'unusable' || stored.modified !== modified) {
            this.stats.misses++;
            return undefined;
        }
        this.onDisk.set(id, modified);
        this.stats.hits++;
        if (early !== undefined)
            this.stats.readAhead++;
        return stored.record;
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
            ids ??= this.hints.idsFor(pins);
            const until = Date.now() + READ_AHEAD_SLICE_MS;
            while (next < ids.length && Date.now() < until) {
                const id = ids[next++];
                if (!this.readEarly.has(id))
                    this.readEarly.set(id, this.read(id));
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
        this.hints.remember(pins, refs.map(listed => listed.map(ref => ref.id)));
    }
    /** Queues the record; flush writes the queue. */
    put(record) {
        if (this.onDisk.get(record.id) === record.modified)
            return;
        this.onDisk.set(record.id, record.modified);
        this.stats.written++;
        this.queued.set(record.id, record);
    }
    /**
     * Writes every queued record, each to a temp file renamed into place. Synchronously and
     * after the lookup on purpose: 516 writes in flight beside the lookup took ~230 ms of a
     * cold 200-pin run on two cores, and the same writes in one synchronous batch ~95 ms (a
     * third of it scoring CVSS vectors, which assessment then finds memoised).
     * Never throws: a record that cannot be written is a debug line.
     */
    async flush() {
        const records = [...this.queued.values()];
        this.queued.clear();
        if (records.length === 0 && !this.hints.dirty)
            return;
        try {
            (0,external_node_fs_.mkdirSync)(this.dir, { recursive: true });
        }
        catch {
            // Reported per record below.
        }
        this.saveHints();
        for (const record of records) {
            const detached = detachVersions(record);
            if (detached === undefined) {
                // The reader would refuse it: a versions list that is not a list of strings.
                this.unqueue(record.id, 'a malformed versions list');
                continue;
            }
            const content = {
                format: record_cache_FORMAT,
                id: record.id,
                modified: record.modified,
                record: detached.record,
                listedEntries: detached.entries,
                listed: detached.listed,
                scores: (0,severity/* recordVectorScores */.wD)(record)
            };
            try {
                (0,atomic_file/* writeFileAtomically */.l)(external_node_path_default().join(this.dir, recordFileName(record.id)), JSON.stringify(content));
            }
            catch (error) {
                this.unqueue(record.id, (0,errors/* messageOf */.bD)(error));
            }
        }
    }
    unqueue(id, why) {
        this.onDisk.delete(id);
        this.stats.written--;
        this.logger.debug(`Record cache: could not write ${id}: ${why}`);
    }
    saveHints() {
        if (!this.hints.dirty)
            return;
        try {
            this.hints.save();
            this.hintsWritten = true;
        }
        catch (error) {
            this.logger.debug(`Record cache: could not write the match hints: ${(0,errors/* messageOf */.bD)(error)}`);
        }
    }
    /** Reads one record file; one that cannot be trusted is deleted on the spot. */
    read(id) {
        const file = external_node_path_default().join(this.dir, recordFileName(id));
        let text;
        try {
            text = (0,external_node_fs_.readFileSync)(file, 'utf8');
        }
        catch {
            return 'absent';
        }
        const stored = parseCacheFile(text, id);
        if (stored !== undefined)
            return stored;
        this.stats.discarded++;
        this.logger.debug(`Record cache: discarded an unreadable file for ${id}`);
        (0,atomic_file/* removeQuietly */.S)(file);
        return 'unusable';
    }
}
/** The file's record when the file is whole and is about `id`; else undefined. */
function parseCacheFile(text, id) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        return undefined;
    }
    if (!(0,json_shape/* isObject */.G)(value) || value.format !== record_cache_FORMAT || value.id !== id)
        return undefined;
    const { modified, record } = value;
    if (typeof modified !== 'string' || !isRecord(record))
        return undefined;
    if (record.id !== id || record.modified !== modified)
        return undefined;
    if (!attachVersions(record, { entries: value.listedEntries, listed: value.listed })) {
        return undefined;
    }
    // Last: it keeps the scores for the whole run, so only a file found whole may give them.
    if (!(0,severity/* rememberVectorScores */.UU)(record, value.scores))
        return undefined;
    return value;
}
/** The shape the rest of the tool relies on (see toVulnerability and the matcher). */
function isRecord(value) {
    if (!(0,json_shape/* isObject */.G)(value) || typeof value.id !== 'string' || typeof value.modified !== 'string') {
        return false;
    }
    const { affected, aliases, withdrawn } = value;
    if (withdrawn !== undefined && typeof withdrawn !== 'string')
        return false;
    if (aliases !== undefined && !(0,json_shape/* isStringList */.e)(aliases))
        return false;
    if (affected === undefined)
        return true;
    return (Array.isArray(affected) &&
        affected.every(entry => (0,json_shape/* isObject */.G)(entry) &&
            (entry.ranges === undefined ||
                (Array.isArray(entry.ranges) &&
                    entry.ranges.every(range => (0,json_shape/* isObject */.G)(range) && Array.isArray(range.events)))) &&
            (entry.versions === undefined || (0,json_shape/* isStringList */.e)(entry.versions))));
}


/***/ }),

/***/ 34852:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Io: () => (/* binding */ levelOfScore),
/* harmony export */   RA: () => (/* binding */ isMalicious),
/* harmony export */   UU: () => (/* binding */ rememberVectorScores),
/* harmony export */   jK: () => (/* binding */ cvssBaseScore),
/* harmony export */   qs: () => (/* binding */ severityRank),
/* harmony export */   wD: () => (/* binding */ recordVectorScores),
/* harmony export */   xJ: () => (/* binding */ severityOf),
/* harmony export */   zK: () => (/* binding */ compareSeverity)
/* harmony export */ });
/* harmony import */ var _cvss_calculator_cjs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(23682);
/* harmony import */ var _cvss_calculator_cjs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(_cvss_calculator_cjs__WEBPACK_IMPORTED_MODULE_0__);
/**
 * How bad one advisory is: a CVSS base score from the record's `severity` vectors, else the
 * database's own rating, else unknown. Pure: records in, ratings out.
 */

/**
 * ae-cvss-calculator is set up on the first vector scored: ~15 ms of CPU that a warm run,
 * whose scores all come from the advisory cache, never spends.
 */
function loadCalculator(name) {
    return _cvss_calculator_cjs__WEBPACK_IMPORTED_MODULE_0___default()()[name];
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
/** Scoring a CVSS v4 vector is costly and a run asks for each record several times. */
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
    const key = scoreKey(vector, version);
    if (vectorScores.has(key))
        return vectorScores.get(key);
    const score = scoreVector(vector, version);
    vectorScores.set(key, score);
    return score;
}
function scoreKey(vector, version) {
    return `${version.source} ${vector}`;
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
    const base = prefix + version.baseMetrics.map(metric => `${metric}:${metrics.get(metric)}`).join('/');
    try {
        const Calculator = loadCalculator(name);
        // The full vector only to check every metric and value is one the version defines.
        new Calculator(text);
        const calculator = new Calculator(base);
        if (!calculator.isBaseFullyDefined())
            return undefined;
        const score = calculator.calculateScores().base;
        return typeof score === 'number' && score >= 0 && score <= 10 ? score : undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * The CVSS scores of a record's vectors, for the advisory cache to keep beside the record:
 * scoring a v4 vector costs ~0.2 ms, a third of a warm run's CPU time for 500 advisories.
 */
function recordVectorScores(record) {
    const scores = {};
    for (const { key, vector, version } of cvssVectorsOf(record)) {
        scores[key] = baseScore(vector, version) ?? null;
    }
    return scores;
}
/**
 * Takes scores computed by recordVectorScores in an earlier run, when each is a score this
 * record's vectors could have (a key of one of its vectors, a number from 0 to 10 or null).
 * Returns false, taking none, when any is not: the file was not written by this tool.
 */
function rememberVectorScores(record, scores) {
    if (typeof scores !== 'object' || scores === null || Array.isArray(scores))
        return false;
    const own = new Set(cvssVectorsOf(record).map(({ key }) => key));
    const entries = Object.entries(scores);
    const valid = entries.every(([key, score]) => own.has(key) && (score === null || (typeof score === 'number' && score >= 0 && score <= 10)));
    if (!valid)
        return false;
    for (const [key, score] of entries) {
        if (!vectorScores.has(key))
            vectorScores.set(key, score ?? undefined);
    }
    return true;
}
/** The record's CVSS vectors, each with the key baseScore memoises its score under. */
function cvssVectorsOf(record) {
    const found = [];
    for (const entry of Array.isArray(record.severity) ? record.severity : []) {
        const version = VERSIONS.find(candidate => candidate.source === entry?.type);
        if (version === undefined || typeof entry.score !== 'string')
            continue;
        found.push({ key: scoreKey(entry.score, version), vector: entry.score, version });
    }
    return found;
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
    return [vulnerability.id, ...vulnerability.aliases].some(id => id.toUpperCase().startsWith('MAL-'));
}


/***/ }),

/***/ 85682:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q1: () => (/* binding */ equalityKey),
/* harmony export */   V1: () => (/* binding */ isPrerelease),
/* harmony export */   Zy: () => (/* binding */ compareVersions),
/* harmony export */   it: () => (/* binding */ isPep440)
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
 */
function equalityKey(version) {
    if (CANONICAL_RELEASE.test(version))
        return version.replace(TRAILING_ZEROS, '');
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
/** A release number as PyPI prints it: digits without leading zeros, nothing else. */
const CANONICAL_RELEASE = /^(?:0|[1-9]\d*)(?:\.(?:0|[1-9]\d*))*$/;
const TRAILING_ZEROS = /(?:\.0)+$/;
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
/* harmony import */ var _renovatebot_pep440__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(68898);
/* harmony import */ var _renovatebot_pep440__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(_renovatebot_pep440__WEBPACK_IMPORTED_MODULE_0__);
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
 * a record pip-audit skips: withdrawn, without an `affected` list, or of a schema major other
 * than 1.
 */
function toVulnerability(record, packageName) {
    if (!isSupportedSchema(record))
        return undefined;
    if (record.withdrawn != null)
        return undefined;
    // summary, else details, else "N/A": an empty summary is kept (pip-audit tests `is None`),
    // and only "\n" is replaced, not "\r".
    const description = (record.summary ?? record.details ?? 'N/A').replaceAll('\n', ' ');
    if (record.affected == null)
        return undefined;
    return {
        ...primaryId([record.id, ...(record.aliases ?? [])]),
        fixVersions: fixVersions(record, packageName),
        description,
        record
    };
}
/** pip-audit skips records whose `schema_version` (absent means 1.0.0) has a major other than 1. */
function isSupportedSchema(record) {
    const schema = record.schema_version ?? '1.0.0';
    let supported = supportedSchemas.get(schema);
    if (supported === undefined) {
        // pip-audit crashes on a schema_version that is not a version; we call it unsupported.
        supported = (0,_renovatebot_pep440__WEBPACK_IMPORTED_MODULE_0__.valid)(schema) !== null && (0,_renovatebot_pep440__WEBPACK_IMPORTED_MODULE_0__.major)(schema) === 1;
        supportedSchemas.set(schema, supported);
    }
    return supported;
}
/** A run meets a handful of schema versions, each on hundreds of records. */
const supportedSchemas = new Map();
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
function mergeAliases(into, other) {
    const added = other.aliases.filter(alias => alias !== into.id);
    return { ...into, aliases: [...new Set([...into.aliases, ...added])] };
}


/***/ }),

/***/ 20799:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  WJ: () => (/* binding */ INPUT_DEFAULTS),
  o4: () => (/* binding */ parseConfig)
});

// UNUSED EXPORTS: parseList

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/pipeline/gate.ts
var gate = __webpack_require__(1255);
// EXTERNAL MODULE: ./src/advisories/record-cache.ts + 2 modules
var record_cache = __webpack_require__(6648);
// EXTERNAL MODULE: ./src/pipeline/staleness.ts
var staleness = __webpack_require__(39328);
// EXTERNAL MODULE: ./src/config/values.ts
var values = __webpack_require__(73750);
// EXTERNAL MODULE: ./src/licenses/license-of.ts
var license_of = __webpack_require__(75205);
// EXTERNAL MODULE: ./src/licenses/policy.ts
var policy = __webpack_require__(32232);
// EXTERNAL MODULE: ./src/licenses/sources.ts
var sources = __webpack_require__(36498);
// EXTERNAL MODULE: ./src/integrations/github/comment.ts
var comment = __webpack_require__(10674);
// EXTERNAL MODULE: ./src/integrations/github/artifact.ts
var artifact = __webpack_require__(89893);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(58382);
// EXTERNAL MODULE: ./src/integrations/dependency-track/inputs.ts
var inputs = __webpack_require__(89054);
;// CONCATENATED MODULE: ./src/config/dependency-track.ts



/** The dependency-track-* inputs; undefined when no server is configured. */
function parseDependencyTrack(input, env) {
    const url = input('dependency-track-url');
    const apiKey = input('dependency-track-api-key');
    if (!url) {
        if (apiKey)
            throw new errors/* InputError */.dz('dependency-track-api-key', 'is set but dependency-track-url is not');
        return undefined;
    }
    if (!apiKey)
        throw new errors/* InputError */.dz('dependency-track-api-key', 'is required when dependency-track-url is set');
    const projectUuid = input('dependency-track-project-uuid');
    if (projectUuid && !inputs/* UUID_PATTERN */.JJ.test(projectUuid)) {
        throw new errors/* InputError */.dz('dependency-track-project-uuid', 'expected a project UUID such as 3f1d0c2e-...');
    }
    const defaults = (0,inputs/* defaultProjectCoordinates */.W7)(env);
    const projectName = input('dependency-track-project') || defaults.projectName;
    const projectVersion = input('dependency-track-version') || defaults.projectVersion;
    if (!projectUuid && !projectName) {
        throw new errors/* InputError */.dz('dependency-track-project', 'is required outside a GitHub workflow run (or set dependency-track-project-uuid)');
    }
    return {
        url: (0,inputs/* normalizeBaseUrl */.qT)(url),
        apiKey,
        ...(projectName ? { projectName } : {}),
        ...(projectVersion ? { projectVersion } : {}),
        ...(projectUuid ? { projectUuid: projectUuid.toLowerCase() } : {}),
        ...(0,inputs/* parseDependencyTrackParent */._C)(input('dependency-track-parent')),
        autoCreate: (0,values/* parseBoolean */.yG)('dependency-track-auto-create', input('dependency-track-auto-create')),
        wait: (0,values/* parseBoolean */.yG)('dependency-track-wait', input('dependency-track-wait')),
        waitTimeoutMs: parseSeconds('dependency-track-wait-timeout', input('dependency-track-wait-timeout')) * 1000
    };
}
function parseSeconds(name, value) {
    if (!/^\d{1,6}$/.test(value) || Number(value) === 0) {
        throw new errors/* InputError */.dz(name, `expected a whole number of seconds, got '${(0,values/* excerpt */.Kb)(value)}'`);
    }
    return Number(value);
}

;// CONCATENATED MODULE: ./src/config/config.ts













/**
 * The inputs this version understands, with their defaults, kept in step with action.yml
 * by a test. Defaults that are workflow expressions (github-token) are '' here.
 */
const INPUT_DEFAULTS = {
    paths: '',
    'working-directory': '.',
    python: '',
    'python-version': '',
    resolve: 'none',
    'index-url': '',
    'extra-index-url': '',
    strict: 'false',
    'vulnerability-service': 'osv',
    'osv-url': 'https://api.osv.dev',
    'pypi-url': 'https://pypi.org',
    'advisory-db': '',
    'max-db-age': '7',
    cache: 'true',
    'cache-dir': '',
    'ignore-vulns': '',
    config: '',
    'fail-on-vulnerability': 'true',
    'fail-on-severity': 'low',
    'fail-on-unknown-severity': 'true',
    'license-source': 'auto',
    'license-from': 'mixed',
    'license-fail-on': '',
    'license-allow-only': '',
    'license-partial-match': 'false',
    'license-ignore-packages': '',
    'license-fail-on-unknown': 'false',
    'fail-on-license': 'true',
    report: '',
    sbom: '',
    sarif: '',
    'upload-artifact': 'true',
    'artifact-name': '',
    'retention-days': '',
    comment: 'never',
    'github-token': '',
    'dependency-track-url': '',
    'dependency-track-api-key': '',
    'dependency-track-project': '',
    'dependency-track-version': '',
    'dependency-track-project-uuid': '',
    'dependency-track-parent': '',
    'dependency-track-auto-create': 'true',
    'dependency-track-wait': 'false',
    'dependency-track-wait-timeout': '300'
};
function parseConfig(read, environment, mode) {
    const input = (name) => {
        const value = read(name).trim();
        return value === '' ? (INPUT_DEFAULTS[name] ?? '') : value;
    };
    const flag = (name) => (0,values/* parseBoolean */.yG)(name, input(name));
    // A CLI run inside a workflow step still means paths relative to where it was started.
    const workspace = (mode === 'action' && environment.env.GITHUB_WORKSPACE) || environment.cwd;
    const workingDirectory = external_node_path_.resolve(workspace, input('working-directory'));
    const resolvePath = (name) => input(name) ? external_node_path_.resolve(workingDirectory, input(name)) : undefined;
    const tempDir = environment.env.RUNNER_TEMP || external_node_os_.tmpdir();
    const python = input('python');
    const pythonVersion = input('python-version');
    const advisoryDb = resolvePath('advisory-db');
    const configFile = resolvePath('config');
    const indexUrl = input('index-url');
    const reportPath = resolvePath('report') ??
        (mode === 'action' ? external_node_path_.join(tempDir, 'pyaudit', 'pyaudit-report.json') : undefined);
    const sbomPath = resolvePath('sbom');
    const sarifPath = resolvePath('sarif');
    const artifactName = (0,artifact/* parseArtifactName */.TZ)(input('artifact-name'));
    const retentionDays = (0,artifact/* parseRetentionDays */.l6)(input('retention-days'));
    const dependencyTrack = parseDependencyTrack(input, environment.env);
    return {
        workingDirectory,
        repositoryRoot: external_node_path_.resolve(workspace),
        sources: {
            paths: (0,values/* parseList */.E1)(input('paths')).map(p => external_node_path_.resolve(workingDirectory, p)),
            // A bare command name (python3) is looked up on PATH; anything with a slash is a path.
            ...(python
                ? { python: /[\\/]/.test(python) ? external_node_path_.resolve(workingDirectory, python) : python }
                : {}),
            ...(pythonVersion
                ? { pythonVersion: (0,values/* parsePythonVersion */.yn)('python-version', pythonVersion) }
                : {}),
            resolve: (0,values/* parseChoice */.HU)('resolve', input('resolve'), ['none', 'pip']),
            ...(indexUrl ? { indexUrl: (0,values/* parseHttpUrl */.f$)('index-url', indexUrl) } : {}),
            extraIndexUrls: (0,values/* parseList */.E1)(input('extra-index-url')).map(url => (0,values/* parseHttpUrl */.f$)('extra-index-url', url)),
            strict: flag('strict')
        },
        feed: {
            service: (0,values/* parseChoice */.HU)('vulnerability-service', input('vulnerability-service'), [
                'osv',
                'pypi'
            ]),
            osvUrl: (0,values/* parseHttpUrl */.f$)('osv-url', input('osv-url')),
            pypiUrl: (0,values/* parseHttpUrl */.f$)('pypi-url', input('pypi-url')),
            ...(advisoryDb ? { advisoryDb } : {}),
            maxDbAgeDays: (0,staleness/* parseMaxDbAge */.n6)(input('max-db-age')),
            cache: flag('cache'),
            cacheDir: resolvePath('cache-dir') ?? (0,record_cache/* defaultCacheDir */.$g)(environment.env)
        },
        findings: {
            ignoreVulns: input('ignore-vulns'),
            ...(configFile ? { configFile } : {}),
            failOnVulnerability: flag('fail-on-vulnerability'),
            failOnSeverity: (0,gate/* parseSeverityThreshold */.Ot)(input('fail-on-severity')),
            failOnUnknownSeverity: flag('fail-on-unknown-severity')
        },
        licenses: {
            source: (0,sources/* parseLicenseSource */.s2)('license-source', input('license-source')),
            from: (0,license_of/* parseLicenseFrom */.Dg)('license-from', input('license-from')),
            policy: (0,policy/* parseLicensePolicy */.nv)(input),
            failOnLicense: flag('fail-on-license')
        },
        outputs: {
            ...(reportPath ? { reportPath } : {}),
            ...(sbomPath ? { sbomPath } : {}),
            ...(sarifPath ? { sarifPath } : {}),
            uploadArtifact: flag('upload-artifact'),
            ...(artifactName ? { artifactName } : {}),
            ...(retentionDays !== undefined ? { retentionDays } : {}),
            comment: (0,comment/* parseCommentMode */.Ox)(input('comment')),
            githubToken: input('github-token')
        },
        ...(dependencyTrack ? { dependencyTrack } : {})
    };
}


/***/ }),

/***/ 73750:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E1: () => (/* binding */ parseList),
/* harmony export */   HU: () => (/* binding */ parseChoice),
/* harmony export */   Kb: () => (/* binding */ excerpt),
/* harmony export */   UY: () => (/* binding */ redactCredentials),
/* harmony export */   f$: () => (/* binding */ parseHttpUrl),
/* harmony export */   yG: () => (/* binding */ parseBoolean),
/* harmony export */   yn: () => (/* binding */ parsePythonVersion)
/* harmony export */ });
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58382);

/** Parsers for single input values; each error names the input and quotes a short excerpt. */
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
    throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `expected true or false, got '${excerpt(value)}'`);
}
function parseChoice(name, value, choices) {
    const wanted = value.toLowerCase();
    const found = choices.find(choice => choice === wanted);
    if (found === undefined) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `expected one of ${choices.join(', ')}, got '${excerpt(value)}'`);
    }
    return found;
}
function parseHttpUrl(name, value) {
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `'${excerpt(redactCredentials(value))}' is not a URL`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `expected an http(s) URL, got '${excerpt(redactCredentials(value))}'`);
    }
    return value.replace(/\/+$/, '');
}
function parsePythonVersion(name, value) {
    if (!/^3\.\d{1,2}(\.\d{1,2})?$/.test(value)) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(name, `expected a Python 3 version such as 3.12 or 3.11.7, got '${excerpt(value)}'`);
    }
    return value;
}
/** `https://user:secret@host/` -> `https://user:***@host/`, so index URLs can be logged. */
function redactCredentials(text) {
    return text.replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^/\s:@]*:)[^/\s@]*@/gi, '$1***@');
}
/** A short, single-line excerpt of untrusted text for error messages. */
function excerpt(value, max = 60) {
    // eslint-disable-next-line no-control-regex
    const flat = value.replace(/[\u0000-\u001f\u007f]/g, ' ');
    return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}


/***/ }),

/***/ 8778:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FK: () => (/* binding */ isInside),
/* harmony export */   nN: () => (/* binding */ OUTSIDE_REASON),
/* harmony export */   zs: () => (/* binding */ readDependencyBytes)
/* harmony export */ });
/* unused harmony export MAX_DEPENDENCY_FILE_BYTES */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


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
/** No real dependency file comes near this (a 5,000-package uv.lock is ~12 MiB). */
const MAX_DEPENDENCY_FILE_BYTES = 64 * 1024 * 1024;
/**
 * Reads a dependency file, refusing one over the size limit before reading it: a lockfile
 * "with ten million packages" is rejected at once instead of being parsed for minutes.
 */
async function readDependencyBytes(file) {
    const { size } = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(file);
    if (size > MAX_DEPENDENCY_FILE_BYTES) {
        throw Object.assign(new Error(`the file is ${Math.round(size / 2 ** 20)} MiB, over the ${MAX_DEPENDENCY_FILE_BYTES / 2 ** 20} MiB limit`), { code: 'EFBIG' });
    }
    return (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file);
}


/***/ }),

/***/ 39457:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ evaluateMarker),
/* harmony export */   h: () => (/* binding */ markerEnvironmentFor)
/* harmony export */ });
/* harmony import */ var _renovatebot_pep440__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(68898);
/* harmony import */ var _renovatebot_pep440__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(_renovatebot_pep440__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(58382);
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(96498);
/* harmony import */ var _requirements_syntax_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(91770);
/**
 * PEP 508 environment markers evaluated for a target interpreter, which need not be the one
 * running this tool: the audit asks "would pip install this line on CPython 3.X / Linux x86_64?".
 */




const RELEASE_LEVEL_LETTER = { a: 'a', b: 'b', rc: 'c' };
/**
 * CPython on Linux x86_64 for `pythonVersion` ('3.12' or '3.12.4'; '3.12' means 3.12.0). The
 * kernel release and version of the target cannot be known, so they are '' as PEP 508 prescribes
 * for undeterminable values.
 */
function markerEnvironmentFor(pythonVersion) {
    const match = /^(\d+)\.(\d+)(?:\.(\d+)(?:(a|b|rc)(\d+))?)?$/.exec(pythonVersion);
    if (!match) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('python-version', `expected a Python version such as 3.12 or 3.12.4, got ${(0,_requirements_syntax_js__WEBPACK_IMPORTED_MODULE_2__/* .excerpt */ .Kb)(pythonVersion)}`);
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
/**
 * PEP 508 evaluation: 'and' binds tighter than 'or'; comparisons use PEP 440 when the
 * environment value is a version and `op value` is a valid version specifier, and Python string
 * comparison otherwise. `extra` defaults to '' as pip uses when no extra is requested. Throws
 * RequirementSyntaxError (column in `marker`) on bad syntax or a comparison PEP 508 leaves undefined.
 */
function evaluateMarker(marker, env, extra = '') {
    const cursor = new _requirements_syntax_js__WEBPACK_IMPORTED_MODULE_2__/* .Cursor */ .bs(marker);
    const steps = (0,_requirements_syntax_js__WEBPACK_IMPORTED_MODULE_2__/* .parseMarkerSteps */ .HT)(cursor);
    cursor.skipSpace();
    if (!cursor.atEnd) {
        cursor.fail(cursor.peek() === ')'
            ? "unexpected ')' in marker"
            : "expected 'and', 'or' or the end of the marker");
    }
    const stack = [];
    // Every comparison is evaluated (no short-circuit), so an invalid one fails whatever the rest says.
    for (const step of steps) {
        if (step.kind === 'compare') {
            stack.push(compare(step, env, (0,_names_js__WEBPACK_IMPORTED_MODULE_3__/* .normalizeName */ .P)(extra)));
        }
        else {
            const right = stack.pop();
            const left = stack.pop();
            stack.push(step.kind === 'and' ? left && right : left || right);
        }
    }
    return stack[0];
}
function compare(step, env, extra) {
    const { left, right, op, column } = step;
    const fail = (message) => {
        throw new _requirements_syntax_js__WEBPACK_IMPORTED_MODULE_2__/* .RequirementSyntaxError */ .tL(message, column);
    };
    if ('variable' in left === 'variable' in right) {
        fail('a marker comparison needs one variable and one quoted string');
    }
    const variable = 'variable' in left ? left.variable : 'variable' in right ? right.variable : '';
    if (variable === 'extras' || variable === 'dependency_groups') {
        fail(`the marker variable '${variable}' is only defined in lock files, not in requirements`);
    }
    const lookup = (value) => {
        if ('literal' in value)
            return variable === 'extra' ? (0,_names_js__WEBPACK_IMPORTED_MODULE_3__/* .normalizeName */ .P)(value.literal) : value.literal;
        return variable === 'extra' ? extra : env[value.variable];
    };
    const lhs = lookup(left);
    const rhs = lookup(right);
    if (op === 'in')
        return rhs.includes(lhs);
    if (op === 'not in')
        return !rhs.includes(lhs);
    // One specifier, as packaging builds it: a comma would make the library read a specifier set.
    if (variable !== 'extra' && !rhs.includes(',') && (0,_renovatebot_pep440__WEBPACK_IMPORTED_MODULE_0__.valid)(lhs) !== null && (0,_renovatebot_pep440__WEBPACK_IMPORTED_MODULE_0__.validRange)(op + rhs)) {
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
            return fail(`'${op}' needs PEP 440 versions on both sides, not ${(0,_requirements_syntax_js__WEBPACK_IMPORTED_MODULE_2__/* .excerpt */ .Kb)(lhs)} and ${(0,_requirements_syntax_js__WEBPACK_IMPORTED_MODULE_2__/* .excerpt */ .Kb)(rhs)}`);
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
        (0,_requirements_syntax_js__WEBPACK_IMPORTED_MODULE_0__/* .parseMarkerSteps */ .HT)(cursor);
        cursor.skipSpace();
        if (!cursor.atEnd) {
            cursor.fail(cursor.peek() === ')'
                ? "unexpected ')' in marker"
                : "expected 'and', 'or' or the end of the marker");
        }
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
        cursor.pos++;
        cursor.skipSpace();
        op = startsWithOperator(cursor); // packaging accepts a trailing comma
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

/***/ 91770:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HT: () => (/* binding */ parseMarkerSteps),
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
/**
 * Parses `marker = atom (('and' | 'or') atom)*` from the cursor into postfix steps ('and' binds
 * tighter than 'or'). Stops at the first character that cannot continue the marker; the caller
 * decides whether anything may follow.
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

/***/ 51454:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  cu: () => (/* binding */ arrayOfTables),
  rt: () => (/* binding */ arrayTableLines),
  u4: () => (/* binding */ checkFormatVersion),
  MF: () => (/* binding */ describeType),
  aH: () => (/* binding */ documentError),
  Pm: () => (/* binding */ entryError),
  bI: () => (/* binding */ isTable),
  oS: () => (/* binding */ optionalArray),
  sx: () => (/* binding */ optionalString),
  li: () => (/* binding */ optionalStringArray),
  D6: () => (/* binding */ optionalTable),
  MT: () => (/* binding */ parseToml),
  Vv: () => (/* binding */ readSourceText),
  Fk: () => (/* binding */ requiredString),
  pS: () => (/* binding */ shownPath)
});

// UNUSED EXPORTS: displayPath

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./src/deps/containment.ts
var containment = __webpack_require__(8778);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./node_modules/smol-toml/dist/index.js + 8 modules
var dist = __webpack_require__(3292);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(58382);
;// CONCATENATED MODULE: ./src/deps/toml-artifacts.ts
/**
 * Blanking the artifact lists of a lockfile before parsing it: they are most of its bytes and
 * nothing an audit reads.
 */
/**
 * The artifact lists of a lockfile (`wheels`, `sdist`, `files`: URLs, hashes, sizes) are most of
 * its bytes and nothing an audit reads; blanking them before parsing roughly halves the time to
 * read a large lock. Only a complete value written the way the tools write it is blanked: the key
 * at the start of a line, then either a balanced one-line value, or `[` on that line, one balanced
 * inline table per line and `]` alone on the last. Each such line becomes empty, so line numbers
 * and error positions do not move; anything else is left for the parser. A value that is blanked
 * is not checked: a malformed wheel entry no longer fails the read.
 */
function withoutArtifactLists(text, lists) {
    // Lines are only known to be keys and headers when no multi-line string could hold them; the
    // tools never write one in a lockfile.
    if (text.includes('"""') || text.includes("'''"))
        return text;
    const entryHeader = new RegExp(`^\\[\\[\\s*${lists.table}\\s*\\]\\]`);
    const pieces = [];
    let copied = 0;
    // Only in the entry's own table: `[package.optional-dependencies]` may have an extra "wheels".
    let inEntry = false;
    for (let start = 0; start < text.length;) {
        let end = text.indexOf('\n', start);
        if (end === -1)
            end = text.length;
        const first = skipSpaces(text, start);
        if (text[first] === '[')
            inEntry = entryHeader.test(text.slice(first, first + 80));
        const valueEnd = inEntry ? artifactValueEnd(text, start, end, lists.keys) : -1;
        if (valueEnd === -1) {
            start = end + 1;
            continue;
        }
        let newlines = 0;
        for (let index = text.indexOf('\n', start); index !== -1 && index < valueEnd; newlines++) {
            index = text.indexOf('\n', index + 1);
        }
        pieces.push(text.slice(copied, start), '\n'.repeat(newlines));
        copied = valueEnd;
        start = valueEnd + 1;
    }
    pieces.push(text.slice(copied));
    return pieces.join('');
}
/** End of the artifact list whose key starts the line at `start`, or -1 if it is not one. */
function artifactValueEnd(text, start, end, keys) {
    let key;
    for (const candidate of keys)
        if (text.startsWith(candidate, start))
            key = candidate;
    if (key === undefined)
        return -1;
    let value = skipSpaces(text, start + key.length);
    if (text[value] !== '=')
        return -1;
    value = skipSpaces(text, value + 1);
    if (text[value] !== '[' && text[value] !== '{')
        return -1;
    if (skipSpaces(text, value + 1) <= lastNonSpace(text, end)) {
        return balanced(text, value, end) ? end : -1;
    }
    if (text[value] !== '[')
        return -1;
    // `[` alone: one balanced inline table per line, then `]` alone.
    for (let line = end + 1; line < text.length;) {
        let lineEnd = text.indexOf('\n', line);
        if (lineEnd === -1)
            lineEnd = text.length;
        const first = skipSpaces(text, line);
        const last = lastNonSpace(text, lineEnd);
        if (text[first] === ']' && first === last)
            return lineEnd;
        if (text[first] !== '{' || !balanced(text, first, lineEnd))
            return -1;
        line = lineEnd + 1;
    }
    return -1;
}
function skipSpaces(text, from) {
    while (text[from] === ' ' || text[from] === '\t')
        from++;
    return from;
}
/** Index of the last character before `end` that is not blank (`end` - 1 for none). */
function lastNonSpace(text, end) {
    let index = end - 1;
    while (index >= 0 && (text[index] === ' ' || text[index] === '\t' || text[index] === '\r'))
        index--;
    return index;
}
/**
 * text[from, to) is one value: its brackets and braces close (outside strings) exactly once, with
 * at most a comma or a comment after. Strings are skipped with indexOf: they are most of the bytes.
 */
function balanced(text, from, to) {
    let depth = 0;
    for (let index = from; index < to; index++) {
        const char = text[index];
        if (char === '"' || char === "'") {
            index = closingQuote(text, index, to);
            if (index === -1)
                return false;
        }
        else if (char === '[' || char === '{')
            depth++;
        else if (char === ']' || char === '}') {
            depth--;
            if (depth === 0)
                return onlyCommaOrComment(text, index + 1, to);
        }
        else if (depth === 0 || char === '#')
            return false;
    }
    return false;
}
function onlyCommaOrComment(text, from, to) {
    let index = text[from] === ',' ? from + 1 : from;
    while (index < to && (text[index] === ' ' || text[index] === '\t' || text[index] === '\r'))
        index++;
    return index === to || text[index] === '#';
}
function closingQuote(text, open, to) {
    const quote = text[open];
    for (let index = open + 1;; index++) {
        index = text.indexOf(quote, index);
        if (index === -1 || index >= to)
            return -1;
        if (quote === "'")
            return index;
        let backslashes = 0;
        while (text[index - 1 - backslashes] === '\\')
            backslashes++;
        if (backslashes % 2 === 0)
            return index;
    }
}

;// CONCATENATED MODULE: ./src/deps/toml-file.ts
/**
 * What the TOML readers share: reading a file, parsing TOML into typed errors, checked access to
 * untrusted fields, the line of each `[[package]]` entry, and the lock format version check.
 */






/** Path as the user recognises it: relative to the working directory when it is inside it. */
function displayPath(absolutePath) {
    const relative = external_node_path_default().relative(process.cwd(), absolutePath);
    if (relative === '' || relative.startsWith('..') || external_node_path_default().isAbsolute(relative))
        return absolutePath;
    return relative;
}
/** The name errors use for `file`. */
function shownPath(file, options) {
    return (options?.displayPath ?? displayPath)(file);
}
/** Reads a dependency file as UTF-8 (without BOM); any failure is a ParseError naming the file. */
async function readSourceText(absolutePath, options) {
    let text;
    try {
        if (options?.allowedRoots && !(0,containment/* isInside */.FK)(await (0,promises_.realpath)(absolutePath), options.allowedRoots)) {
            throw new errors/* ParseError */.mB({ file: shownPath(absolutePath, options) }, containment/* OUTSIDE_REASON */.nN);
        }
        text = (await (0,containment/* readDependencyBytes */.zs)(absolutePath)).toString('utf8');
    }
    catch (error) {
        if (error instanceof errors/* ParseError */.mB)
            throw error;
        const code = error.code;
        const detail = code === 'ENOENT'
            ? 'file not found'
            : code === 'EFBIG'
                ? `refusing to read it: ${error.message}`
                : `cannot read file (${code ?? 'error'})`;
        throw new errors/* ParseError */.mB({ file: shownPath(absolutePath, options) }, detail);
    }
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
/** Parses TOML; syntax errors become ParseError at smol-toml's line and column. */
function parseToml(text, shownFile, artifactLists) {
    const toParse = artifactLists ? withoutArtifactLists(text, artifactLists) : text;
    try {
        return (0,dist/* parse */.qg)(toParse);
    }
    catch (error) {
        if (error instanceof dist/* TomlError */.zx) {
            // Only the first line: the rest is an excerpt of the (untrusted) file.
            const message = error.message.split('\n', 1)[0].replace(/^Invalid TOML document: /, '');
            throw new errors/* ParseError */.mB({ file: shownFile, line: error.line, column: error.column }, `invalid TOML: ${message}`);
        }
        throw new errors/* ParseError */.mB({ file: shownFile }, `invalid TOML: ${String(error)}`);
    }
}
function entryError(context, detail) {
    return new errors/* ParseError */.mB({ file: context.file, line: context.line || undefined }, `${context.entry}: ${detail}`);
}
/** An error about the document as a whole (no line to point at). */
function documentError(file, detail) {
    return new errors/* ParseError */.mB({ file }, detail);
}
function describeType(value) {
    if (Array.isArray(value))
        return 'an array';
    if (value === null)
        return 'null';
    if (value instanceof Date || (typeof value === 'object' && 'toISOString' in value)) {
        return 'a date';
    }
    if (typeof value === 'object')
        return 'a table';
    if (typeof value === 'number')
        return Number.isInteger(value) ? 'an integer' : 'a float';
    if (typeof value === 'boolean')
        return 'a boolean';
    return `a ${typeof value}`;
}
function isTable(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value) && !isDate(value);
}
function isDate(value) {
    return value instanceof Date || 'toISOString' in value;
}
function wrongType(context, key, expected, value) {
    throw entryError(context, `'${key}' must be ${expected}, not ${describeType(value)}`);
}
function optionalString(table, key, context) {
    const value = table[key];
    if (value === undefined || typeof value === 'string')
        return value;
    return wrongType(context, key, 'a string', value);
}
function requiredString(table, key, context) {
    const value = optionalString(table, key, context);
    if (value === undefined || value.trim() === '')
        throw entryError(context, `missing '${key}'`);
    return value;
}
function optionalTable(table, key, context) {
    const value = table[key];
    if (value === undefined || isTable(value))
        return value;
    return wrongType(context, key, 'a table', value);
}
function optionalArray(table, key, context) {
    const value = table[key];
    if (value === undefined || Array.isArray(value))
        return value;
    return wrongType(context, key, 'an array', value);
}
function optionalStringArray(table, key, context) {
    const value = optionalArray(table, key, context);
    if (value === undefined)
        return undefined;
    for (const item of value) {
        if (typeof item !== 'string')
            wrongType(context, key, 'an array of strings', value);
    }
    return value;
}
/** The `[[key]]` array of tables of a document; absent means none. */
function arrayOfTables(document, key, shownFile) {
    const value = document[key];
    if (value === undefined)
        return [];
    if (!Array.isArray(value) || !value.every(isTable)) {
        throw documentError(shownFile, `'${key}' must be an array of tables, not ${describeType(value)}`);
    }
    return value;
}
/**
 * Line of each `[[key]]` entry, in document order: the entry's `name = ` line when it comes before
 * any sub-table, else the header's line. One pass over the text. When the count of headers found
 * differs from `expectedCount` (entries written as an inline array, or a header inside a multi-line
 * string), lines are unknown and every entry gets 0 rather than a wrong line.
 */
function arrayTableLines(text, key, expectedCount) {
    const header = new RegExp(`^\\s*\\[\\[\\s*${key}\\s*\\]\\]\\s*(#.*)?$`);
    const lines = [];
    let searchingName = false;
    let lineNumber = 0;
    for (let start = 0; start <= text.length;) {
        let end = text.indexOf('\n', start);
        if (end === -1)
            end = text.length;
        lineNumber++;
        let first = start;
        while (text[first] === ' ' || text[first] === '\t')
            first++;
        // Only lines opening a table or naming a package are looked at closer.
        if (text[first] === '[') {
            searchingName = header.test(text.slice(start, end));
            if (searchingName)
                lines.push(lineNumber);
        }
        else if (searchingName &&
            text[first] === 'n' &&
            /^name\s*=/.test(text.slice(first, first + 32))) {
            lines[lines.length - 1] = lineNumber;
            searchingName = false;
        }
        start = end + 1;
    }
    return lines.length === expectedCount ? lines : new Array(expectedCount).fill(0);
}
/**
 * Refuses a lock format version whose major number this tool does not read, rather than misread
 * a format that changed; an absent version is accepted.
 */
function checkFormatVersion(value, readable, key, file) {
    if (value === undefined)
        return;
    const text = typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
    const major = text === undefined ? undefined : /^(\d+)(\.\d+)*$/.exec(text)?.[1];
    if (major !== undefined && readable.includes(Number(major)))
        return;
    const found = text === undefined ? describeType(value) : `'${text}'`;
    const known = readable.map(number => `${number}.x`).join(' and ');
    throw documentError(file, `unsupported ${key} ${found} (this tool reads ${known})`);
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


/***/ }),

/***/ 99268:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ey: () => (/* binding */ describeStep),
/* harmony export */   SP: () => (/* binding */ explainFailure),
/* harmony export */   u_: () => (/* binding */ DEPENDENCY_TRACK_INPUTS)
/* harmony export */ });
/* unused harmony export serverDetail */
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58382);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(79227);
/**
 * What a Dependency-Track answer that is not a success means for the user, and which input
 * to change. Pure: status and body in, error out. The body is the server's text (plain text
 * on most endpoints, RFC 9457 problem JSON on newer ones); it is untrusted and kept short.
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
const WHAT = {
    upload: 'upload the SBOM',
    token: 'check whether the SBOM is processed',
    lookup: 'look up the project',
    findings: 'read the findings',
    violations: 'read the policy violations'
};
/** The permission each read needs, besides authentication. */
const READ_PERMISSION = {
    token: 'BOM_UPLOAD',
    lookup: 'VIEW_PORTFOLIO',
    findings: 'VIEW_VULNERABILITY',
    violations: 'VIEW_POLICY_VIOLATION'
};
function describeStep(step) {
    return WHAT[step];
}
function explainFailure(status, body, context) {
    const { step, baseUrl, project } = context;
    const detail = serverDetail(body);
    const said = detail ? `: ${detail}` : '';
    const server = `Dependency-Track at ${baseUrl}`;
    const inputs = DEPENDENCY_TRACK_INPUTS;
    if (status === 401 && /permission to create project/i.test(detail)) {
        return new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(inputs.apiKey, `${server} will not create project ${project}: the API key's team lacks the PROJECT_CREATION_UPLOAD ` +
            `(or PORTFOLIO_MANAGEMENT) permission. Grant it, or create the project in Dependency-Track first.`);
    }
    if (status === 401) {
        return new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(inputs.apiKey, `${server} rejected the API key (HTTP 401 Unauthorized) when asked to ${WHAT[step]}: ` +
            `check that the secret holds a current, complete API key of a Dependency-Track team.`);
    }
    if (status === 403) {
        const need = step === 'upload'
            ? `the BOM_UPLOAD permission${context.autoCreate && !context.byUuid ? ' (and PROJECT_CREATION_UPLOAD to create a new project)' : ''}` +
                `, and, where portfolio access control is on, access to project ${project}${context.parent ? ` and its parent ${context.parent}` : ''}`
            : `the ${READ_PERMISSION[step]} permission${step === 'token' ? '' : ` (needed because ${inputs.wait} is on)`}` +
                `, and, where portfolio access control is on, access to project ${project}`;
        return new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(inputs.apiKey, `${server} refused to ${WHAT[step]} (HTTP 403 Forbidden${said}): the API key's team needs ${need}.`);
    }
    if (status === 404 && step === 'upload' && /parent/i.test(detail)) {
        return new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(inputs.parent, `${server} has no parent project${context.parent ? ` ${context.parent}` : ''}: give the UUID or the exact name of an existing project.`);
    }
    if (status === 404 && step === 'upload' && /project could not be found/i.test(detail)) {
        if (context.byUuid) {
            return new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(inputs.projectUuid, `${server} has no project with ${project}: check the UUID, or leave it empty to name the project instead.`);
        }
        return new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(inputs.projectName, `${server} has no project ${project} and ${inputs.autoCreate} is off: create the project in Dependency-Track, ` +
            `set ${inputs.autoCreate} to true (the key's team then needs PROJECT_CREATION_UPLOAD), or correct the project name and version.`);
    }
    if (status === 404 && step !== 'upload' && /could not be found/i.test(detail)) {
        return new _http_js__WEBPACK_IMPORTED_MODULE_1__/* .DependencyTrackError */ .V$(`${server} could not ${WHAT[step]}: project ${project} was not found after the upload (HTTP 404${said}).`, status);
    }
    if (status === 404 || status === 405) {
        return new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(inputs.url, `${server} answered HTTP ${status} when asked to ${WHAT[step]}: this does not look like a Dependency-Track API server. ` +
            `Give the API server's base URL (the one that serves /api/v1/...), not the web frontend's.`);
    }
    if (status === 400 && step === 'upload') {
        return new _http_js__WEBPACK_IMPORTED_MODULE_1__/* .DependencyTrackError */ .V$(`${server} rejected the SBOM as invalid (HTTP 400${said}).`, status);
    }
    if (status === 409 && step === 'upload') {
        return new _http_js__WEBPACK_IMPORTED_MODULE_1__/* .DependencyTrackError */ .V$(`${server} could not create project ${project}: another upload created it at the same time (HTTP 409${said}). Run the job again.`, status);
    }
    if (status === 413) {
        const size = context.sbomBytes ? ` (${(context.sbomBytes / 1024 / 1024).toFixed(1)} MB)` : '';
        return new _http_js__WEBPACK_IMPORTED_MODULE_1__/* .DependencyTrackError */ .V$(`${server} (or a proxy in front of it) refused the SBOM${size} as too large (HTTP 413): raise its request size limit.`, status);
    }
    return new _http_js__WEBPACK_IMPORTED_MODULE_1__/* .DependencyTrackError */ .V$(`${server} failed to ${WHAT[step]} (HTTP ${status}${said}).`, status);
}
/** The server's own words, one short line: problem JSON's title/detail, else the text. */
function serverDetail(body) {
    let text = body;
    try {
        const problem = JSON.parse(body);
        if (problem && typeof problem === 'object' && !Array.isArray(problem)) {
            const parts = [problem.title, problem.detail, problem.message].filter((part) => typeof part === 'string' && part !== '');
            const errors = Array.isArray(problem.errors)
                ? problem.errors.filter((e) => typeof e === 'string').slice(0, 3)
                : [];
            text = [...parts, ...errors].join(': ');
        }
    }
    catch {
        // Plain text (or an HTML error page): used as it is.
    }
    if (/^\s*</.test(text))
        return '';
    // eslint-disable-next-line no-control-regex
    const flat = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
    return flat.length > 300 ? `${flat.slice(0, 300)}…` : flat;
}


/***/ }),

/***/ 79227:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dw: () => (/* binding */ DependencyTrackHttp),
/* harmony export */   V$: () => (/* binding */ DependencyTrackError),
/* harmony export */   pr: () => (/* binding */ redactKey)
/* harmony export */ });
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _net_undici_parts_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(40916);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(58382);
/* harmony import */ var _net_http_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(59663);
/**
 * HTTP to a Dependency-Track API server: the X-Api-Key header on every call, per-request
 * timeouts, and retries with backoff for what is usually transient (429, 5xx, dropped
 * connections). Answers of any other status are returned for the caller to explain. The API
 * key never appears in anything this module logs or throws.
 */




/** Dependency-Track could not be reached, or answered in a way no input change explains. */
class DependencyTrackError extends _shared_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .PyauditError */ .xE {
    status;
    name = 'DependencyTrackError';
    constructor(message, status) {
        super(message);
        this.status = status;
    }
}
const TRANSIENT_STATUS = new Set([429, 500, 502, 503, 504]);
const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
class DependencyTrackHttp {
    baseUrl;
    options;
    dispatcher;
    constructor(
    /** Origin plus any path prefix, without a trailing slash, e.g. https://dt.example.com */
    baseUrl, options) {
        this.baseUrl = baseUrl;
        this.options = options;
        const poolOptions = { connections: 4, connect: { timeout: options.timeoutMs } };
        const env = process.env;
        const proxied = env.HTTPS_PROXY || env.https_proxy || env.HTTP_PROXY || env.http_proxy;
        this.dispatcher = proxied ? new _net_undici_parts_js__WEBPACK_IMPORTED_MODULE_1__/* .EnvHttpProxyAgent */ .J2(poolOptions) : new _net_undici_parts_js__WEBPACK_IMPORTED_MODULE_1__/* .Agent */ .g6(poolOptions);
    }
    /** `what` names the call in messages, e.g. "upload the SBOM". */
    async send(method, pathAndQuery, what, body) {
        const url = `${this.baseUrl}${pathAndQuery}`;
        for (let attempt = 1;; attempt++) {
            let response;
            let failure;
            let retryAfterMs;
            try {
                const answer = await (0,_net_undici_parts_js__WEBPACK_IMPORTED_MODULE_1__/* .request */ .Em)(this.dispatcher, url, {
                    method,
                    body,
                    headers: { 'x-api-key': this.options.apiKey, accept: 'application/json' },
                    headersTimeout: this.options.timeoutMs,
                    bodyTimeout: this.options.timeoutMs
                });
                const total = Number(single(answer.headers['x-total-count']));
                response = {
                    status: answer.statusCode,
                    text: await readCapped(answer.body),
                    ...(Number.isInteger(total) && total >= 0 ? { totalCount: total } : {})
                };
                if (!TRANSIENT_STATUS.has(answer.statusCode))
                    return response;
                failure = `HTTP ${answer.statusCode}`;
                retryAfterMs = (0,_net_http_js__WEBPACK_IMPORTED_MODULE_3__/* .parseRetryAfter */ .mu)(answer.headers['retry-after'], Date.now());
            }
            catch (error) {
                failure = this.describeNetworkError(error);
            }
            if (attempt >= this.options.attempts) {
                if (response)
                    return response;
                throw new DependencyTrackError(`Could not ${what}: Dependency-Track at ${this.baseUrl} did not answer (${failure}, after ${attempt} attempts)`);
            }
            const wait = Math.min(retryAfterMs ??
                (0,_net_http_js__WEBPACK_IMPORTED_MODULE_3__/* .backoffDelay */ .EY)(attempt, this.options.baseDelayMs ?? _net_http_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_RETRY */ .vI.baseDelayMs, _net_http_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_RETRY */ .vI.maxDelayMs), _net_http_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_RETRY */ .vI.maxRetryAfterMs);
            this.options.logger.debug(`Dependency-Track: ${what}: ${failure}; retry in ${wait} ms`);
            await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setTimeout)(wait);
        }
    }
    async close() {
        await this.dispatcher.close();
    }
    /** One line, without the API key even if an error message were to quote a header. */
    redact(text) {
        return redactKey(text, this.options.apiKey);
    }
    describeNetworkError(error) {
        const code = error?.code;
        const message = error instanceof Error ? error.message : String(error);
        return this.redact(typeof code === 'string' ? `${code}: ${message}` : message);
    }
}
function redactKey(text, apiKey) {
    // eslint-disable-next-line no-control-regex
    const flat = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
    return apiKey ? flat.split(apiKey).join('***') : flat;
}
function single(value) {
    return Array.isArray(value) ? value[0] : value;
}
async function readCapped(body) {
    const chunks = [];
    let size = 0;
    for await (const chunk of body) {
        size += chunk.length;
        if (size > MAX_RESPONSE_BYTES)
            throw new Error(`response over ${MAX_RESPONSE_BYTES} bytes`);
        chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString('utf8');
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
/* harmony export */   qT: () => (/* binding */ normalizeBaseUrl)
/* harmony export */ });
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58382);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(99268);
/**
 * Dependency-Track settings checked before anything is sent, and the defaults a workflow run
 * implies. Pure. Messages never echo the API key.
 */


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
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .DEPENDENCY_TRACK_INPUTS */ .u_.url, `"${raw}" is not a URL; expected e.g. https://dtrack.example.com`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .DEPENDENCY_TRACK_INPUTS */ .u_.url, `expected an http(s) URL, got ${url.protocol}`);
    }
    if (url.username || url.password || url.search || url.hash) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .DEPENDENCY_TRACK_INPUTS */ .u_.url, 'give the base URL only: no credentials, query or fragment');
    }
    const path = url.pathname.replace(/\/+$/, '').replace(/\/api(\/v1)?$/, '');
    return `${url.origin}${path}`;
}
function checkApiKey(apiKey) {
    const key = apiKey.trim();
    if (key === '') {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .DEPENDENCY_TRACK_INPUTS */ .u_.apiKey, 'is empty; pass the secret that holds the API key');
    }
    // A line break would end the header early; say so without showing the key.
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f\s]/.test(key)) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .DEPENDENCY_TRACK_INPUTS */ .u_.apiKey, 'contains white space or a control character; check how the secret was pasted');
    }
    return key;
}
/** How messages name the project, e.g. `"octo/app" version "main"`; checks it is named at all. */
function describeTarget(project) {
    if (project.projectUuid) {
        if (!UUID_PATTERN.test(project.projectUuid)) {
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .DEPENDENCY_TRACK_INPUTS */ .u_.projectUuid, `"${project.projectUuid}" is not a UUID`);
        }
        return `UUID ${project.projectUuid}`;
    }
    if (!project.projectName) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .DEPENDENCY_TRACK_INPUTS */ .u_.projectName, 'is empty, and so is the project UUID: name the project to upload to');
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
async function sendSbomToDependencyTrack(config, sbom, logger) {
    const options = config.dependencyTrack;
    if (!options)
        return undefined;
    // The engine builds an SBOM whenever Dependency-Track is configured; none would be a bug.
    if (sbom === undefined)
        throw new Error('no SBOM was built for the Dependency-Track upload');
    const { uploadToDependencyTrack } = await __webpack_require__.e(/* import() */ 970).then(__webpack_require__.bind(__webpack_require__, 66970));
    const result = await uploadToDependencyTrack(sbom, { ...options, logger });
    return { result, project: (0,_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .describeTarget */ .ff)(options) };
}


/***/ }),

/***/ 89893:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TZ: () => (/* binding */ parseArtifactName),
/* harmony export */   l6: () => (/* binding */ parseRetentionDays),
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
/** Input `artifact-name`: undefined when empty (use the default). */
function parseArtifactName(raw) {
    const name = raw.trim();
    if (name === '')
        return undefined;
    checkArtifactName(name);
    return name;
}
/** Input `retention-days`: a whole number of days; empty or 0 keeps the repository default. */
function parseRetentionDays(raw) {
    const value = raw.trim();
    if (value === '' || value === '0')
        return undefined;
    if (!/^\d+$/.test(value) || Number(value) > 400) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('retention-days', `expected a whole number of days from 1 to 90 (up to 400 where the repository allows it), got "${value}"`);
    }
    return Number(value);
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

/***/ 10674:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ox: () => (/* binding */ parseCommentMode),
/* harmony export */   Td: () => (/* binding */ commentKey),
/* harmony export */   rh: () => (/* binding */ commentOnPullRequest)
/* harmony export */ });
/* unused harmony exports MAX_COMMENT_LENGTH, commentMarker, commentBody */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(58382);
/* harmony import */ var _shared_escape_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76242);
/* harmony import */ var _matrix_leg_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(66271);
/**
 * The pull-request comment: one per audit, found again on the next run by a hidden marker
 * and updated in place. Input `comment`: `never` (default), `on-failure`, `always`.
 *
 * With `on-failure`, a run that passes writes nothing, except over a comment an earlier,
 * failing run left: that one is updated to say the issues are resolved, so the pull request
 * never keeps showing problems that are gone.
 *
 * A comment is a copy of the job summary, not the verdict: when it cannot be written (a
 * fork's read-only token, a missing permission, an API failure) the run warns and goes on.
 */




/** GitHub refuses comment bodies longer than this many characters. */
const MAX_COMMENT_LENGTH = 65_536;
const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);
async function commentOnPullRequest(options) {
    const { env, logger } = options;
    if (options.mode === 'never')
        return { action: 'skipped', reason: 'comment is never' };
    const event = env.GITHUB_EVENT_NAME ?? '';
    if (!PULL_REQUEST_EVENTS.has(event)) {
        const reason = `not a pull request event (${event || 'no event'}), so no comment`;
        logger.debug(reason);
        return { action: 'skipped', reason };
    }
    const pull = await readPullRequest(env.GITHUB_EVENT_PATH);
    const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
    if (!pull || !owner || !repo) {
        return failed(logger, 'the event payload names no pull request, so no comment was written');
    }
    if (!options.token) {
        return failed(logger, 'comment is set but github-token is empty, so no comment was written');
    }
    const marker = commentMarker(options.key);
    try {
        const { getOctokit } = await Promise.all(/* import() */[__webpack_require__.e(351), __webpack_require__.e(770)]).then(__webpack_require__.bind(__webpack_require__, 61351));
        const octokit = getOctokit(options.token, {
            baseUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
            request: { signal: AbortSignal.timeout(60_000) }
        });
        const target = { owner, repo, issue_number: pull.number };
        let existing;
        for await (const page of octokit.paginate.iterator(octokit.rest.issues.listComments, {
            ...target,
            per_page: 100
        })) {
            existing = page.data.find(comment => comment.body?.includes(marker));
            if (existing)
                break;
        }
        const resolved = options.mode === 'on-failure' && options.result === 'pass';
        if (resolved && !existing) {
            const reason = 'the audit passed and no earlier comment exists, so no comment';
            logger.debug(reason);
            return { action: 'skipped', reason };
        }
        const body = commentBody(options.markdown, marker, {
            ...(resolved ? { resolvedAt: pull.headSha ?? env.GITHUB_SHA ?? '' } : {}),
            ...(options.reportUrl ? { reportUrl: options.reportUrl } : {}),
            ...(runUrl(env) ? { runUrl: runUrl(env) } : {})
        });
        if (existing) {
            const { data } = await octokit.rest.issues.updateComment({
                owner,
                repo,
                comment_id: existing.id,
                body
            });
            logger.info(`Updated the pull request comment: ${data.html_url}`);
            return { action: resolved ? 'resolved' : 'updated', id: data.id, url: data.html_url };
        }
        const { data } = await octokit.rest.issues.createComment({ ...target, body });
        logger.info(`Commented on the pull request: ${data.html_url}`);
        return { action: 'created', id: data.id, url: data.html_url };
    }
    catch (error) {
        return failed(logger, describeApiError(error, pull.number));
    }
}
/** Input `comment`. */
function parseCommentMode(raw) {
    const value = raw.trim().toLowerCase() || 'never';
    if (value === 'never' || value === 'on-failure' || value === 'always')
        return value;
    throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('comment', `expected never, on-failure or always, got "${raw.trim()}"`);
}
/**
 * Which audit a comment belongs to: the workflow, the job and the working directory, plus a
 * short hash of the step and matrix leg (the runner's OS and architecture and the caller's
 * discriminators, e.g. the Python version). Matrix legs need their own comments: otherwise
 * a passing leg would mark a failing leg's comment as resolved.
 */
function commentKey(env, workingDirectory, discriminators = []) {
    const leg = (0,_matrix_leg_js__WEBPACK_IMPORTED_MODULE_2__/* .matrixLegHash */ .Q)(env, discriminators);
    return `${env.GITHUB_WORKFLOW || 'workflow'}/${env.GITHUB_JOB || 'job'}/${workingDirectory || '.'}#${leg}`;
}
/** An HTML comment GitHub does not render; the key cannot end it early or span lines. */
function commentMarker(key) {
    const safe = key.replace(/[^A-Za-z0-9_.,/@:#+ -]/g, '_').replace(/-{2,}/g, '-');
    return `<!-- pyaudit-action:${safe} -->`;
}
/** The marker, then the report, cut on a line boundary to fit GitHub's limit. */
function commentBody(markdown, marker, extras = {}) {
    const head = [marker];
    if (extras.resolvedAt !== undefined) {
        const commit = /^[0-9a-f]{7,40}$/i.test(extras.resolvedAt)
            ? ` as of ${extras.resolvedAt.slice(0, 7)}`
            : '';
        head.push(`> [!NOTE]\n> ✅ The issues this audit reported earlier are resolved${commit}.`, '');
    }
    const prefix = `${head.join('\n')}\n`;
    if (prefix.length + markdown.length <= MAX_COMMENT_LENGTH)
        return prefix + markdown;
    const links = [
        extras.reportUrl &&
            (0,_shared_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .safeUrl */ .Pl)(extras.reportUrl) &&
            `[the report artifact](${(0,_shared_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .safeUrl */ .Pl)(extras.reportUrl)})`,
        extras.runUrl && (0,_shared_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .safeUrl */ .Pl)(extras.runUrl) && `[the job summary](${(0,_shared_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .safeUrl */ .Pl)(extras.runUrl)})`
    ].filter(Boolean);
    const note = `\n\n---\n⚠️ This comment was cut to fit GitHub's ${MAX_COMMENT_LENGTH.toLocaleString('en-US')}-character limit.` +
        (links.length
            ? ` The whole report: ${links.join(' or ')}.`
            : ' The whole report is in the job summary.');
    const room = MAX_COMMENT_LENGTH - prefix.length - note.length;
    let cut = markdown.lastIndexOf('\n', room);
    if (cut <= 0)
        cut = /[\ud800-\udbff]/.test(markdown[room - 1] ?? '') ? room - 1 : room;
    return prefix + markdown.slice(0, cut) + note;
}
async function readPullRequest(eventPath) {
    if (!eventPath)
        return undefined;
    try {
        const payload = JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(eventPath, 'utf8'));
        const number = payload.pull_request?.number ?? payload.number;
        const sha = payload.pull_request?.head?.sha;
        if (typeof number !== 'number')
            return undefined;
        return { number, ...(typeof sha === 'string' ? { headSha: sha } : {}) };
    }
    catch {
        return undefined;
    }
}
function runUrl(env) {
    if (!env.GITHUB_REPOSITORY || !env.GITHUB_RUN_ID)
        return undefined;
    const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
    return `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`;
}
function describeApiError(error, pull) {
    const status = error?.status;
    const raw = error instanceof Error ? error.message : String(error);
    // eslint-disable-next-line no-control-regex
    const message = raw.replace(/[\u0000-\u001f]+/g, ' ');
    const where = `Could not comment on pull request #${pull}`;
    if (status === 403 && /not accessible by integration/i.test(message)) {
        return (`${where}: the token may not write to it ("Resource not accessible by integration"). ` +
            `A pull request from a fork gets a read-only GITHUB_TOKEN; elsewhere, give the job ` +
            `"permissions: pull-requests: write". The report is in the job summary.`);
    }
    if (status === 401)
        return `${where}: github-token was refused (HTTP 401 Bad credentials).`;
    return `${where}: ${typeof status === 'number' ? `HTTP ${status}: ` : ''}${message}`;
}
function failed(logger, reason) {
    logger.warning(reason);
    return { action: 'failed', reason };
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

/***/ 75205:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dg: () => (/* binding */ parseLicenseFrom),
/* harmony export */   IB: () => (/* binding */ selectLicense),
/* harmony export */   Xj: () => (/* binding */ LICENSE_UNKNOWN)
/* harmony export */ });
/* unused harmony exports licensesFromClassifiers, comparePythonStrings */
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58382);
/**
 * The license of a package as pip-licenses 5.x shows it in its `License` column, rebuilt
 * from its source (raimon49/pip-licenses, `piplicenses.py`):
 *
 * - `get_pkg_info` reads `License` and `License-Expression` with `metadata.get(...)` (the
 *   first header of that name) and stores `value or LICENSE_UNKNOWN`: a missing or empty field
 *   is the string "UNKNOWN"; the value itself is not trimmed.
 * - `find_license_from_classifier` keeps every `Classifier` that starts with "License", takes
 *   the last " :: " segment of each and drops the bare "OSI Approved".
 * - `select_license_by_source` returns `{License-Expression}` whenever the expression is set and
 *   is not "UNKNOWN", whatever `--from` says; otherwise the set of classifier licenses (or
 *   {"UNKNOWN"} when there are none) for `--from=classifier`, and for `--from=mixed` when there
 *   is at least one; otherwise `{License}`. So `--from=expression` without an expression falls
 *   back to the `License` field, as pip-licenses does.
 * - `create_licenses_table` prints `"; ".join(sorted(license_set))`: duplicates collapse and
 *   the order is Python's code-point order.
 *
 * pip-licenses prints a `License` field that holds a whole license text as it is; shortening it
 * for display is done elsewhere (license-text.ts), the value here is what pip-licenses yields.
 */

/** pip-licenses' LICENSE_UNKNOWN. */
const LICENSE_UNKNOWN = 'UNKNOWN';
const LICENSE_FROM = ['mixed', 'meta', 'classifier', 'expression'];
/** The `license-from` input: one of pip-licenses' `--from` values (case-insensitive); '' is mixed. */
function parseLicenseFrom(input, value) {
    const wanted = value.trim().toLowerCase();
    if (wanted === '')
        return 'mixed';
    const found = LICENSE_FROM.find(from => from === wanted);
    if (!found) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `expected one of ${LICENSE_FROM.join(', ')}, got '${value.trim().slice(0, 40)}'`);
    }
    return found;
}
/** pip-licenses' find_license_from_classifier. */
function licensesFromClassifiers(classifiers) {
    const licenses = [];
    for (const classifier of classifiers) {
        if (!classifier.startsWith('License'))
            continue;
        const last = classifier.split(' :: ').at(-1);
        // Through the declaration of 'Classifier: License :: OSI Approved', as pip-licenses says.
        if (last !== 'OSI Approved')
            licenses.push(last);
    }
    return licenses;
}
/** pip-licenses' select_license_by_source plus the join create_licenses_table prints. */
function selectLicense(metadata, from) {
    const expression = metadata?.licenseExpression || LICENSE_UNKNOWN;
    if (expression !== LICENSE_UNKNOWN)
        return selected([expression], 'expression');
    const classifierLicenses = licensesFromClassifiers(metadata?.classifiers ?? []);
    if (from === 'classifier' || (from === 'mixed' && classifierLicenses.length > 0)) {
        return selected(classifierLicenses.length > 0 ? classifierLicenses : [LICENSE_UNKNOWN], 'classifier');
    }
    return selected([metadata?.license || LICENSE_UNKNOWN], 'meta');
}
function selected(licenses, field) {
    const names = [...new Set(licenses)].sort(comparePythonStrings);
    return { text: names.join('; '), names, field };
}
/** Python's str ordering: by code point (JavaScript's default sort compares UTF-16 units). */
function comparePythonStrings(a, b) {
    const left = [...a];
    const right = [...b];
    for (let index = 0; index < Math.min(left.length, right.length); index++) {
        const difference = left[index].codePointAt(0) - right[index].codePointAt(0);
        if (difference !== 0)
            return difference;
    }
    return left.length - right.length;
}


/***/ }),

/***/ 32232:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Uz: () => (/* binding */ evaluatePolicy),
/* harmony export */   WA: () => (/* binding */ hasLicensePolicy),
/* harmony export */   nv: () => (/* binding */ parseLicensePolicy),
/* harmony export */   pi: () => (/* binding */ isIgnored)
/* harmony export */ });
/* unused harmony exports LICENSE_POLICY_INPUTS, parseLicenseList, parseIgnorePackages */
/* harmony import */ var _renovatebot_pep440__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(68898);
/* harmony import */ var _renovatebot_pep440__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(_renovatebot_pep440__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(58382);
/* harmony import */ var _config_values_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(73750);
/* harmony import */ var _deps_names_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(96498);
/* harmony import */ var _spdx_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(88929);
/**
 * License policies, with pip-licenses' semantics (piplicenses.py, `get_packages`):
 *
 * - `license-fail-on` / `license-allow-only` are ';'-separated lists; each item is stripped and
 *   empty items are dropped (`filter(None, map(str.strip, value.split(";")))`). Matching is
 *   case-insensitive and exact (`case_insensitive_set_intersect` / `_set_diff`), or, with
 *   `license-partial-match`, an item matches a license that contains it
 *   (`case_insensitive_partial_match_set_intersect` / `_set_diff`).
 * - A package's licenses are pip-licenses' license set (the classifier licenses, or the one
 *   License / License-Expression value). fail-on trips when ANY of them matches; allow-only
 *   trips when NONE of them is allowed (`len(uncommon_licenses) == len(license_names)`).
 * - `license-ignore-packages` names packages (`name` or `name:version`) that are not checked.
 *
 * SPDX-aware on top, through spdx-satisfies: when a package's SPDX expression is known, an OR
 * needs one acceptable side and an AND needs all (`MIT OR GPL-3.0-only` is allowed by an allow
 * list holding MIT; `MIT AND GPL-3.0-only` is not). With partial matching an item matches the
 * terms containing it (GPL matches GPL-2.0-or-later). A package is allowed if either reading
 * allows it and fails if either reading fails it; but when the license string IS the PEP 639
 * expression it is matched by name only whole, never partially (a substring test on
 * "MIT AND GPL-3.0-only" would read past the AND). Unlike pip-licenses, every violating package is reported, not
 * only the first.
 */





const LICENSE_POLICY_INPUTS = {
    failOn: 'license-fail-on',
    allowOnly: 'license-allow-only',
    partialMatch: 'license-partial-match',
    ignorePackages: 'license-ignore-packages',
    failOnUnknown: 'license-fail-on-unknown'
};
const PROJECT_NAME = /^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$/i;
/** The policy inputs; `read` gives an input's raw value, '' when unset. */
function parseLicensePolicy(read) {
    const flag = (input) => {
        const value = read(input).trim();
        return value === '' ? false : (0,_config_values_js__WEBPACK_IMPORTED_MODULE_2__/* .parseBoolean */ .yG)(input, value);
    };
    return {
        failOn: parseLicenseList(LICENSE_POLICY_INPUTS.failOn, read(LICENSE_POLICY_INPUTS.failOn)),
        allowOnly: parseLicenseList(LICENSE_POLICY_INPUTS.allowOnly, read(LICENSE_POLICY_INPUTS.allowOnly)),
        partialMatch: flag(LICENSE_POLICY_INPUTS.partialMatch),
        failOnUnknown: flag(LICENSE_POLICY_INPUTS.failOnUnknown),
        ignorePackages: parseIgnorePackages(read(LICENSE_POLICY_INPUTS.ignorePackages))
    };
}
/**
 * pip-licenses' list: ';'-separated, items stripped, empty items dropped ("MIT;;BSD;" is MIT
 * and BSD). Line breaks separate items too, for multi-line YAML. A value that is not blank but
 * names no license at all (";;") is refused rather than read as "no policy".
 */
function parseLicenseList(input, value) {
    const items = value
        .split(/[;\n]/)
        .map(item => item.trim())
        .filter(item => item !== '');
    if (items.length === 0 && value.trim() !== '') {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, `'${(0,_config_values_js__WEBPACK_IMPORTED_MODULE_2__/* .excerpt */ .Kb)(value)}' names no license (items are separated by ';')`);
    }
    return [...new Set(items)];
}
/** `name` or `name:version`, separated by whitespace or commas (pip-licenses takes one per argument). */
function parseIgnorePackages(value) {
    const input = LICENSE_POLICY_INPUTS.ignorePackages;
    return value
        .split(/[\s,]+/)
        .filter(item => item !== '')
        .map(item => {
        const colon = item.indexOf(':');
        const name = colon < 0 ? item : item.slice(0, colon);
        const version = colon < 0 ? undefined : item.slice(colon + 1);
        if (!PROJECT_NAME.test(name)) {
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, `'${(0,_config_values_js__WEBPACK_IMPORTED_MODULE_2__/* .excerpt */ .Kb)(item)}' is not a package name (or name:version)`);
        }
        if (version !== undefined && !/^[A-Za-z0-9!+._-]+$/.test(version)) {
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(input, `'${(0,_config_values_js__WEBPACK_IMPORTED_MODULE_2__/* .excerpt */ .Kb)(item)}' has no valid version after ':'`);
        }
        return version === undefined
            ? { name: (0,_deps_names_js__WEBPACK_IMPORTED_MODULE_4__/* .normalizeName */ .P)(name) }
            : { name: (0,_deps_names_js__WEBPACK_IMPORTED_MODULE_4__/* .normalizeName */ .P)(name), version };
    });
}
function hasLicensePolicy(policy) {
    return policy.failOn.length > 0 || policy.allowOnly.length > 0 || policy.failOnUnknown;
}
/** pip-licenses compares the normalised name, or `name:version` with the installed version. */
function isIgnored(policy, name, version) {
    const key = (0,_deps_names_js__WEBPACK_IMPORTED_MODULE_4__/* .normalizeName */ .P)(name);
    return policy.ignorePackages.some(selector => selector.name === key &&
        (selector.version === undefined || sameVersion(selector.version, version)));
}
function sameVersion(wanted, actual) {
    if (wanted.toLowerCase() === actual.toLowerCase())
        return true;
    return (0,_renovatebot_pep440__WEBPACK_IMPORTED_MODULE_0__.valid)(wanted) !== null && (0,_renovatebot_pep440__WEBPACK_IMPORTED_MODULE_0__.valid)(actual) !== null && (0,_renovatebot_pep440__WEBPACK_IMPORTED_MODULE_0__.eq)(wanted, actual);
}
/** The rules the package breaks, each naming what matched; empty when it complies. */
function evaluatePolicy(subject, policy) {
    const rules = [];
    const tree = subject.spdx ? (0,_spdx_js__WEBPACK_IMPORTED_MODULE_3__/* .parseSpdx */ .NB)(subject.spdx) : null;
    const spdx = tree ? { expression: subject.spdx, terms: (0,_spdx_js__WEBPACK_IMPORTED_MODULE_3__/* .spdxTerms */ .zt)(tree) } : undefined;
    // When the License column is the expression itself, a substring test would read past its
    // OR and AND: names then match whole (a list may spell out "MIT OR Apache-2.0"), never partially.
    const isExpression = spdx !== undefined && subject.field === 'expression';
    const partial = policy.partialMatch && !isExpression;
    if (policy.failOnUnknown && subject.unknown) {
        rules.push('license-fail-on-unknown: the package metadata names no license');
    }
    if (policy.failOn.length > 0) {
        const hits = subject.names.filter(name => matchesAny(name, policy.failOn, partial));
        const spdxRule = spdx && hits.length === 0 ? spdxFailOn(spdx, policy) : undefined;
        if (hits.length > 0)
            rules.push(`license-fail-on: ${hits.map(quote).join(', ')}`);
        else if (spdxRule)
            rules.push(spdxRule);
    }
    if (policy.allowOnly.length > 0) {
        const allowedByName = subject.names.some(name => matchesAny(name, policy.allowOnly, partial));
        if (!allowedByName && !(spdx && spdxAllowed(spdx, policy))) {
            rules.push(`license-allow-only: ${quote(subject.names.join('; '))} is not allowed`);
        }
    }
    return rules;
}
function spdxFailOn(spdx, policy) {
    const failed = spdx.terms.filter(term => policy.failOn.some(item => termMatchesFailOn(term, item, policy.partialMatch)));
    if (failed.length === 0)
        return undefined;
    const others = spdx.terms.filter(term => !failed.includes(term));
    const compliant = (0,_spdx_js__WEBPACK_IMPORTED_MODULE_3__/* .satisfiedBy */ .sq)(spdx.expression, others);
    if (compliant === true)
        return undefined;
    const where = spdx.terms.length > 1 ? ` in ${quote(spdx.expression)}` : '';
    const why = compliant === undefined ? ' (the expression cannot be evaluated)' : '';
    return `license-fail-on: ${failed.map(quote).join(', ')}${where}${why}`;
}
function spdxAllowed(spdx, policy) {
    const allowed = spdx.terms.filter(term => policy.allowOnly.some(item => termAllowedBy(term, item, policy.partialMatch)));
    return (0,_spdx_js__WEBPACK_IMPORTED_MODULE_3__/* .satisfiedBy */ .sq)(spdx.expression, allowed) === true;
}
/** A banned item hits a term naming it, with or without its exception or '+'. */
function termMatchesFailOn(term, item, partial) {
    const bare = term.replace(/ WITH .*$/, '').replace(/\+$/, '');
    return matchesAny(term, [item], partial) || matchesAny(bare, [item], partial);
}
/** An allowed item covers a term it names, or (spdx-satisfies) a later version it ranges over. */
function termAllowedBy(term, item, partial) {
    if (matchesAny(term, [item], partial))
        return true;
    return !partial && isSpdxTerm(item) && (0,_spdx_js__WEBPACK_IMPORTED_MODULE_3__/* .satisfiedBy */ .sq)(term, [item]) === true;
}
const spdxTermCache = new Map();
/** Allow items such as "MIT License" are not SPDX: spdx-satisfies would only throw on them. */
function isSpdxTerm(item) {
    let known = spdxTermCache.get(item);
    if (known === undefined) {
        const tree = (0,_spdx_js__WEBPACK_IMPORTED_MODULE_3__/* .parseSpdx */ .NB)(item);
        known = tree !== null && !('conjunction' in tree);
        if (spdxTermCache.size < 1000)
            spdxTermCache.set(item, known);
    }
    return known;
}
function matchesAny(license, items, partial) {
    const lower = license.toLowerCase();
    return items.some(item => partial ? lower.includes(item.toLowerCase()) : lower === item.toLowerCase());
}
function quote(text) {
    return `'${(0,_config_values_js__WEBPACK_IMPORTED_MODULE_2__/* .excerpt */ .Kb)(text, 80)}'`;
}


/***/ }),

/***/ 36498:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M3: () => (/* binding */ gatherLicenseMetadata),
/* harmony export */   s2: () => (/* binding */ parseLicenseSource)
/* harmony export */ });
/* unused harmony exports DEFAULT_PYPI_URL, pypiReleaseUrl, pypiMetadata */
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58382);
/* harmony import */ var _config_values_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73750);
/* harmony import */ var _net_http_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(59663);
/* harmony import */ var _shared_log_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(21827);
/* harmony import */ var _deps_names_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(96498);
/**
 * Where license metadata comes from (input `license-source`):
 *
 * - installed environments and pip reports carry it already (Dependency.metadata);
 * - lockfile-only projects ask PyPI's JSON API, `GET {pypi-url}/pypi/{name}/{version}/json`,
 *   whose `info.license_expression`, `info.license` and `info.classifiers` are the release's
 *   core metadata, so pip-licenses' selection applies to them unchanged.
 *
 * `auto` uses the metadata a dependency has and PyPI for the rest, except in offline mode
 * (advisory-db set), where nothing is fetched and the rest stay UNKNOWN, with a note saying
 * so. `environment` never fetches; `pypi` fetches every package; `none` checks no licenses.
 * A PyPI that fails (after the client's retries) fails the run: FeedError naming PyPI. A
 * release PyPI does not have (404) is a definite answer: its license is UNKNOWN, noted.
 */





const MODES = ['auto', 'environment', 'pypi', 'none'];
const DEFAULT_PYPI_URL = 'https://pypi.org';
const DEFAULT_CONCURRENCY = 8;
function parseLicenseSource(input, value) {
    const wanted = value.trim().toLowerCase();
    if (wanted === '')
        return 'auto';
    const mode = MODES.find(candidate => candidate === wanted);
    if (!mode) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `expected one of ${MODES.join(', ')}, got '${value.trim().slice(0, 40)}'`);
    }
    return mode;
}
async function gatherLicenseMetadata(dependencies, options) {
    if (options.mode === 'none')
        return { checked: false, subjects: [], notes: [] };
    if (options.mode === 'pypi' && options.offline) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('license-source', "'pypi' needs the network, but advisory-db (offline mode) is set");
    }
    const notes = [];
    const fetchAll = options.mode === 'pypi';
    const withMetadata = fetchAll ? [] : dependencies.filter(dep => dep.metadata);
    const missing = fetchAll ? [...dependencies] : dependencies.filter(dep => !dep.metadata);
    const subjects = withMetadata.map(dep => ({ ...dep, origin: 'metadata' }));
    if (missing.length === 0)
        return { checked: true, subjects, notes };
    if (options.mode === 'environment' || options.offline) {
        const why = options.mode === 'environment'
            ? 'license-source is environment'
            : 'PyPI is not asked in offline mode (advisory-db is set)';
        const [count, have, its] = missing.length === 1
            ? ['1 dependency', 'has', 'its']
            : [`${missing.length} dependencies`, 'have', 'their'];
        notes.push(`${count} ${have} no license metadata and ${why}: ${its} license is UNKNOWN`);
        return { checked: true, subjects: [...subjects, ...missing.map(none)], notes };
    }
    const fetched = await fetchFromPypi(missing, options);
    for (const [index, dep] of missing.entries()) {
        const metadata = fetched[index];
        if (metadata)
            subjects.push({ name: dep.name, version: dep.version, metadata, origin: 'pypi' });
        else
            subjects.push(none(dep));
    }
    const absent = missing.filter((_, index) => !fetched[index]);
    if (absent.length > 0) {
        const list = absent
            .slice(0, 10)
            .map(dep => (0,_config_values_js__WEBPACK_IMPORTED_MODULE_1__/* .excerpt */ .Kb)(`${dep.name} ${dep.version}`))
            .join(', ');
        const more = absent.length > 10 ? ` and ${absent.length - 10} more` : '';
        notes.push(`not on PyPI, license UNKNOWN: ${list}${more}`);
    }
    return { checked: true, subjects, notes };
}
function none(dep) {
    return { name: dep.name, version: dep.version, origin: 'none' };
}
/** Metadata per package, in order; undefined where PyPI has no such release. */
async function fetchFromPypi(packages, options) {
    const base = (options.pypiUrl ?? DEFAULT_PYPI_URL).replace(/\/+$/, '');
    const feed = `PyPI JSON API (${base})`;
    const client = options.client ??
        new _net_http_js__WEBPACK_IMPORTED_MODULE_2__/* .JsonClient */ ._u({
            feedName: feed,
            connections: options.concurrency ?? DEFAULT_CONCURRENCY,
            ...(options.retry ? { retry: options.retry } : {}),
            ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
            logger: options.logger ?? _shared_log_js__WEBPACK_IMPORTED_MODULE_3__/* .silentLogger */ .q
        });
    // One request per release, however many files declare it.
    const keys = [...new Set(packages.map(key))];
    try {
        const answers = await (0,_net_http_js__WEBPACK_IMPORTED_MODULE_2__/* .mapWithLimit */ .c$)(keys, options.concurrency ?? DEFAULT_CONCURRENCY, async (releaseKey, _index, signal) => {
            const [name, version] = releaseKey.split('\0');
            const url = pypiReleaseUrl(base, name, version);
            const answer = await client.findJson(url, [404], signal);
            return answer.found
                ? pypiMetadata(answer.value, feed, (0,_config_values_js__WEBPACK_IMPORTED_MODULE_1__/* .excerpt */ .Kb)(`${name} ${version}`))
                : undefined;
        }, options.signal);
        const byKey = new Map(keys.map((releaseKey, index) => [releaseKey, answers[index]]));
        return packages.map(dep => byKey.get(key(dep)));
    }
    finally {
        if (!options.client)
            await client.close();
    }
}
function key(dep) {
    return `${(0,_deps_names_js__WEBPACK_IMPORTED_MODULE_4__/* .normalizeName */ .P)(dep.name)}\0${dep.version}`;
}
/** PyPI's versioned JSON endpoint; the name is normalised because Warehouse redirects others. */
function pypiReleaseUrl(base, name, version) {
    return `${base}/pypi/${encodeURIComponent((0,_deps_names_js__WEBPACK_IMPORTED_MODULE_4__/* .normalizeName */ .P)(name))}/${encodeURIComponent(version)}/json`;
}
/** The license fields of a release's `info`, checked: a malformed answer fails closed. */
function pypiMetadata(body, feed, what) {
    const info = body?.info;
    if (typeof info !== 'object' || info === null) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .FeedError */ .lS(feed, `${what}: the answer has no 'info' object`);
    }
    const fields = info;
    const text = (field) => {
        const value = fields[field];
        if (value === null || value === undefined)
            return undefined;
        if (typeof value !== 'string')
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .FeedError */ .lS(feed, `${what}: info.${field} is not a string`);
        return value;
    };
    const classifiers = fields.classifiers ?? [];
    if (!Array.isArray(classifiers) || classifiers.some(item => typeof item !== 'string')) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .FeedError */ .lS(feed, `${what}: info.classifiers is not a list of strings`);
    }
    const metadata = { classifiers: classifiers };
    const license = text('license');
    const licenseExpression = text('license_expression');
    if (license !== undefined)
        metadata.license = license;
    if (licenseExpression !== undefined)
        metadata.licenseExpression = licenseExpression;
    return metadata;
}


/***/ }),

/***/ 88929:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NB: () => (/* binding */ parseSpdx),
/* harmony export */   sq: () => (/* binding */ satisfiedBy),
/* harmony export */   zt: () => (/* binding */ spdxTerms)
/* harmony export */ });
/* harmony import */ var spdx_expression_parse__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(93326);
/* harmony import */ var spdx_expression_parse__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(spdx_expression_parse__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var spdx_satisfies__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(45131);
/* harmony import */ var spdx_satisfies__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(spdx_satisfies__WEBPACK_IMPORTED_MODULE_1__);
/**
 * SPDX license expressions: parsing (spdx-expression-parse) and whether one is satisfied by a
 * list of approved licenses (spdx-satisfies). What a package's metadata says its expression is
 * lives in spdx-derive.ts, which loads only when licenses are checked.
 */


/** The parse tree of a valid SPDX expression; null when it is not one. */
function parseSpdx(expression) {
    try {
        return spdx_expression_parse__WEBPACK_IMPORTED_MODULE_0___default()(expression);
    }
    catch {
        return null;
    }
}
/** Every license term of an expression, as spdx-satisfies takes them: "MIT", "GPL-2.0+", "X WITH Y". */
function spdxTerms(tree) {
    if ('conjunction' in tree)
        return [...spdxTerms(tree.left), ...spdxTerms(tree.right)];
    const plus = tree.plus ? '+' : '';
    const exception = tree.exception ? ` WITH ${tree.exception}` : '';
    return [`${tree.license}${plus}${exception}`];
}
/**
 * Whether the expression can be complied with using only the `approved` terms (spdx-satisfies:
 * OR needs one side, AND both). undefined when spdx-satisfies cannot evaluate it.
 */
function satisfiedBy(expression, approved) {
    if (approved.length === 0)
        return false;
    try {
        return spdx_satisfies__WEBPACK_IMPORTED_MODULE_1___default()(expression, approved);
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 59663:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EY: () => (/* binding */ backoffDelay),
/* harmony export */   _u: () => (/* binding */ JsonClient),
/* harmony export */   c$: () => (/* binding */ mapWithLimit),
/* harmony export */   mu: () => (/* binding */ parseRetryAfter),
/* harmony export */   vI: () => (/* binding */ DEFAULT_RETRY)
/* harmony export */ });
/* harmony import */ var node_events__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(78474);
/* harmony import */ var node_events__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_events__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(58500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _undici_parts_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(40916);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(58382);
/* harmony import */ var _shared_log_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(21827);
/**
 * JSON over HTTP for advisory feeds: one keep-alive connection pool per client, per-request
 * timeouts, and retries with exponential backoff and full jitter for the failures that are
 * usually transient (429, 5xx, dropped connections, timeouts, a truncated body). When a
 * request finally fails it throws FeedError naming the feed: a feed never answers "nothing".
 */





const DEFAULT_RETRY = {
    attempts: 5,
    baseDelayMs: 250,
    maxDelayMs: 8_000,
    maxRetryAfterMs: 30_000
};
const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
/** A body that is not JSON is retried this many times: a cut-off body is usually transient. */
const MALFORMED_RETRIES = 1;
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
    'UND_ERR_RES_CONTENT_LENGTH_MISMATCH'
]);
class JsonClient {
    feedName;
    timeoutMs;
    retry;
    logger;
    maxResponseBytes;
    dispatcher;
    constructor(options) {
        this.feedName = options.feedName;
        this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
        this.retry = { ...DEFAULT_RETRY, ...definedOnly(options.retry ?? {}) };
        this.logger = options.logger ?? _shared_log_js__WEBPACK_IMPORTED_MODULE_4__/* .silentLogger */ .q;
        this.maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
        const poolOptions = {
            connections: options.connections ?? 16,
            keepAliveTimeout: 4_000,
            connect: { timeout: this.timeoutMs }
        };
        // Self-hosted runners often sit behind a proxy; honour the usual variables when set.
        this.dispatcher = proxyConfigured()
            ? new _undici_parts_js__WEBPACK_IMPORTED_MODULE_2__/* .EnvHttpProxyAgent */ .J2(poolOptions)
            : new _undici_parts_js__WEBPACK_IMPORTED_MODULE_2__/* .Agent */ .g6(poolOptions);
    }
    postJson(url, body, signal) {
        return this.send('POST', url, JSON.stringify(body), signal);
    }
    getJson(url, signal) {
        return this.send('GET', url, undefined, signal);
    }
    /**
     * Like getJson, but the `absent` statuses (e.g. 404) are an answer, not a failure: they
     * resolve to `{ found: false, status }` at once, without a retry and without a FeedError.
     */
    async findJson(url, absent, signal) {
        try {
            return { found: true, value: await this.send('GET', url, undefined, signal, absent) };
        }
        catch (error) {
            if (error instanceof Absent)
                return { found: false, status: error.status };
            throw error;
        }
    }
    async close() {
        await this.dispatcher.close();
    }
    async send(method, url, body, signal, absent = []) {
        const what = `${method} ${new URL(url).pathname}`;
        let malformed = 0;
        for (let attempt = 1;; attempt++) {
            signal?.throwIfAborted();
            const outcome = await this.attempt(method, url, body, signal);
            if (outcome.ok)
                return outcome.value;
            const { failure } = outcome;
            if (failure.status !== undefined && absent.includes(failure.status)) {
                throw new Absent(failure.status);
            }
            if (failure.malformed)
                malformed++;
            const retry = failure.retryable &&
                attempt < this.retry.attempts &&
                (!failure.malformed || malformed <= MALFORMED_RETRIES);
            if (!retry) {
                const tries = attempt === 1 ? '1 attempt' : `${attempt} attempts`;
                throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .FeedError */ .lS(this.feedName, `${what}: ${failure.description}, after ${tries}`);
            }
            const wait = failure.retryAfterMs !== undefined
                ? Math.min(failure.retryAfterMs, this.retry.maxRetryAfterMs)
                : backoffDelay(attempt, this.retry.baseDelayMs, this.retry.maxDelayMs);
            this.logger.debug(`${this.feedName}: ${what}: ${failure.description}; retry in ${wait} ms`);
            await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_1__.setTimeout)(wait, undefined, signal ? { signal } : undefined);
        }
    }
    async attempt(method, url, body, signal) {
        let text;
        let status;
        let retryAfter;
        try {
            const response = await (0,_undici_parts_js__WEBPACK_IMPORTED_MODULE_2__/* .request */ .Em)(this.dispatcher, url, {
                method,
                body,
                headers: {
                    accept: 'application/json',
                    ...(body === undefined ? {} : { 'content-type': 'application/json' })
                },
                headersTimeout: this.timeoutMs,
                bodyTimeout: this.timeoutMs,
                signal
            });
            status = response.statusCode;
            retryAfter = response.headers['retry-after'];
            text = await readCapped(response.body, this.maxResponseBytes);
        }
        catch (error) {
            if (signal?.aborted)
                throw signal.reason;
            return failed(describeNetworkError(error));
        }
        if (status < 200 || status > 299) {
            const description = `HTTP ${status}${errorDetail(text)}`;
            const retryable = status === 429 || status >= 500;
            const retryAfterMs = retryable ? parseRetryAfter(retryAfter, Date.now()) : undefined;
            return failed({ description, retryable, retryAfterMs, status });
        }
        try {
            return { ok: true, value: JSON.parse(text) };
        }
        catch (error) {
            const reason = error instanceof Error ? ` (${error.message})` : '';
            return failed({ description: `malformed JSON${reason}`, retryable: true, malformed: true });
        }
    }
}
/** Carries an `absent` status out of the retry loop to findJson; never escapes it. */
class Absent extends Error {
    status;
    constructor(status) {
        super(`HTTP ${status}`);
        this.status = status;
    }
}
function failed(failure) {
    return { ok: false, failure };
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
/**
 * Maps `items` through `fn` with at most `limit` calls in flight; results keep the input
 * order. The first failure rejects the whole map, starts no further calls and aborts the
 * signal handed to the calls still running, so they stop retrying.
 */
async function mapWithLimit(items, limit, fn, signal) {
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
    await Promise.all(Array.from({ length: workers }, worker));
    return results;
}
/** A body over `max` bytes is refused, not retried: the next answer would be as large. */
async function readCapped(body, max) {
    const chunks = [];
    let size = 0;
    for await (const chunk of body) {
        size += chunk.length;
        if (size > max) {
            throw Object.assign(new Error(`response over ${max} bytes`), { code: 'RESPONSE_TOO_LARGE' });
        }
        chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString('utf8');
}
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
/** The server's own error message, when its body has one, cleaned for a one-line log. */
function errorDetail(body) {
    let message;
    try {
        message = JSON.parse(body)?.message;
    }
    catch {
        return '';
    }
    return typeof message === 'string' && message !== '' ? ` (${oneLine(message)})` : '';
}
/** Untrusted text must not start a line of its own: the runner reads `::` lines as commands. */
function oneLine(text) {
    // eslint-disable-next-line no-control-regex
    const flat = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
    return flat.length > 200 ? `${flat.slice(0, 200)}…` : flat;
}
function proxyConfigured() {
    const env = process.env;
    return Boolean(env.HTTPS_PROXY || env.https_proxy || env.HTTP_PROXY || env.http_proxy);
}
function definedOnly(value) {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}


/***/ }),

/***/ 40916:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Em: () => (/* binding */ request),
/* harmony export */   J2: () => (/* binding */ EnvHttpProxyAgent),
/* harmony export */   g6: () => (/* binding */ Agent)
/* harmony export */ });
/* harmony import */ var undici_lib_dispatcher_agent_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(57405);
/* harmony import */ var undici_lib_dispatcher_agent_js__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(undici_lib_dispatcher_agent_js__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var undici_lib_dispatcher_env_http_proxy_agent_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(53137);
/* harmony import */ var undici_lib_dispatcher_env_http_proxy_agent_js__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(undici_lib_dispatcher_env_http_proxy_agent_js__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var undici_lib_api_api_request_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(14043);
/* harmony import */ var undici_lib_api_api_request_js__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(undici_lib_api_api_request_js__WEBPACK_IMPORTED_MODULE_2__);



const Agent = (undici_lib_dispatcher_agent_js__WEBPACK_IMPORTED_MODULE_0___default());
const EnvHttpProxyAgent = (undici_lib_dispatcher_env_http_proxy_agent_js__WEBPACK_IMPORTED_MODULE_1___default());
/** undici's `request(url, { dispatcher, ...options })`. */
function request(dispatcher, url, options) {
    const { origin, pathname, search } = new URL(url);
    return undici_lib_api_api_request_js__WEBPACK_IMPORTED_MODULE_2___default().call(dispatcher, { ...options, origin, path: `${pathname}${search}` });
}


/***/ }),

/***/ 1255:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gj: () => (/* binding */ gate),
/* harmony export */   Ot: () => (/* binding */ parseSeverityThreshold),
/* harmony export */   lQ: () => (/* binding */ rateFindings)
/* harmony export */ });
/* unused harmony export SEVERITY_THRESHOLDS */
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58382);
/* harmony import */ var _advisories_severity_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(34852);
/**
 * Whether the step fails: which active (not ignored) findings are severe enough, plus the
 * malicious packages, which always fail. Pure.
 *
 * Unknown severity fails by default: an advisory without a rating is not known to be
 * harmless, and a security gate fails closed (`fail-on-unknown-severity: false` opts out).
 * Malicious packages (OSV MAL- reports) are not rated vulnerabilities but code that must not
 * be installed at all, so no severity threshold and no unknown-severity setting hides them;
 * only an explicit ignore rule naming the report does (see ignores.ts).
 */


const SEVERITY_THRESHOLDS = [
    'low',
    'medium',
    'high',
    'critical'
];
/** The `fail-on-severity` input; empty means the default, low (every rated finding fails). */
function parseSeverityThreshold(value) {
    const text = value.trim().toLowerCase();
    if (text === '')
        return 'low';
    const threshold = SEVERITY_THRESHOLDS.find(level => level === text);
    if (threshold !== undefined)
        return threshold;
    throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('fail-on-severity', `expected one of ${SEVERITY_THRESHOLDS.join(', ')}, got ${JSON.stringify(value)}`);
}
/** Each finding with the severity of its advisory. */
function rateFindings(findings) {
    return findings.map(finding => ({
        ...finding,
        severity: (0,_advisories_severity_js__WEBPACK_IMPORTED_MODULE_1__/* .severityOf */ .xJ)(finding.vulnerability.record)
    }));
}
function gate(findings, options) {
    const malicious = findings.filter(finding => (0,_advisories_severity_js__WEBPACK_IMPORTED_MODULE_1__/* .isMalicious */ .RA)(finding.vulnerability));
    const rated = findings.filter(finding => !(0,_advisories_severity_js__WEBPACK_IMPORTED_MODULE_1__/* .isMalicious */ .RA)(finding.vulnerability));
    const fails = (severity) => severity.level === 'unknown'
        ? options.failOnUnknown
        : (0,_advisories_severity_js__WEBPACK_IMPORTED_MODULE_1__/* .severityRank */ .qs)(severity.level) >= (0,_advisories_severity_js__WEBPACK_IMPORTED_MODULE_1__/* .severityRank */ .qs)(options.threshold);
    const byWorst = (a, b) => (0,_advisories_severity_js__WEBPACK_IMPORTED_MODULE_1__/* .compareSeverity */ .zK)(a.severity, b.severity);
    const failingRated = rated.filter(finding => fails(finding.severity)).sort(byWorst);
    const passing = rated.filter(finding => !fails(finding.severity)).sort(byWorst);
    const failing = [...[...malicious].sort(byWorst), ...failingRated];
    return {
        failed: failing.length > 0,
        failing,
        malicious,
        passing,
        reason: reasonLine(malicious.length, failingRated, passing, options)
    };
}
function reasonLine(malicious, failing, passing, options) {
    const unknown = options.failOnUnknown ? '' : ', unknown severity allowed';
    const setting = `fail-on-severity: ${options.threshold}${unknown}`;
    if (malicious === 0 && failing.length === 0) {
        if (passing.length === 0)
            return 'Passed: no active findings.';
        const counts = joinWords(countByLevel(passing));
        return `Passed: ${plural(passing.length, 'active finding')}, none failing (${setting}): ${counts}.`;
    }
    const parts = malicious > 0 ? [plural(malicious, 'malicious package')] : [];
    return `Failed: ${joinWords([...parts, ...countByLevel(failing)])} (${setting}).`;
}
/** ["2 critical", "1 high", "1 of unknown severity"], worst first. */
function countByLevel(findings) {
    const counts = new Map();
    for (const { severity } of findings) {
        counts.set(severity.level, (counts.get(severity.level) ?? 0) + 1);
    }
    const levels = ['critical', 'high', 'medium', 'low', 'unknown'];
    return levels
        .filter(level => counts.has(level))
        .map(level => `${counts.get(level)} ${level === 'unknown' ? 'of unknown severity' : level}`);
}
function joinWords(parts) {
    return parts.length <= 1
        ? (parts[0] ?? '')
        : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}
function plural(count, noun) {
    return `${count} ${noun}${count === 1 ? '' : 's'}`;
}


/***/ }),

/***/ 71571:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  b: () => (/* binding */ runAudit)
});

// UNUSED EXPORTS: incompleteReport

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/pipeline/gate.ts
var gate = __webpack_require__(1255);
// EXTERNAL MODULE: ./node_modules/@renovatebot/pep440/index.js
var pep440 = __webpack_require__(68898);
// EXTERNAL MODULE: ./src/deps/names.ts
var names = __webpack_require__(96498);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(58382);
// EXTERNAL MODULE: ./src/advisories/severity.ts
var severity = __webpack_require__(34852);
;// CONCATENATED MODULE: ./src/pipeline/ignores.ts
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
    const rules = [];
    text.split(/\r?\n|\r/).forEach((line, index) => {
        const hash = line.indexOf('#');
        const id = (hash === -1 ? line : line.slice(0, hash)).trim();
        const reason = hash === -1 ? '' : line.slice(hash + 1).trim();
        if (id === '')
            return;
        const where = `line ${index + 1}`;
        if (/[\s,;]/.test(id)) {
            throw new errors/* InputError */.dz('ignore-vulns', `${where}: one advisory id per line, got ${JSON.stringify(id)}`);
        }
        if (!isAdvisoryId(id)) {
            throw new errors/* InputError */.dz('ignore-vulns', `${where}: ${JSON.stringify(id)} is not an advisory id (like GHSA-…, PYSEC-…, CVE-…)`);
        }
        rules.push({ id, ...(reason ? { reason } : {}), origin: `input ignore-vulns, ${where}` });
    });
    return rules;
}
function applyIgnores(packages, rules, today) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(today))
        throw new Error(`today must be YYYY-MM-DD, got '${today}'`);
    const findings = packages.flatMap(pkg => pkg.vulnerabilities.map(vulnerability => ({ package: pkg, vulnerability })));
    const live = rules.filter(rule => !isExpired(rule, today));
    const matchCount = new Map(rules.map(rule => [rule, 0]));
    const outcome = { active: [], ignored: [], expired: [], unused: [] };
    for (const finding of findings) {
        // Every rule that matches is counted as used, not just the first: a duplicate entry
        // is redundant, not stale, and must not be reported as matching nothing.
        for (const rule of rules) {
            if (ruleMatches(rule, finding))
                matchCount.set(rule, matchCount.get(rule) + 1);
        }
        const rule = live.find(candidate => ruleMatches(candidate, finding));
        if (rule === undefined)
            outcome.active.push(finding);
        else
            outcome.ignored.push({ ...finding, rule, malicious: (0,severity/* isMalicious */.RA)(finding.vulnerability) });
    }
    for (const rule of rules) {
        const count = matchCount.get(rule);
        if (isExpired(rule, today))
            outcome.expired.push({ rule, message: expiredMessage(rule, count) });
        else if (count === 0)
            outcome.unused.push({ rule, message: unusedMessage(rule) });
    }
    return outcome;
}
function isExpired(rule, today) {
    // ISO dates compare correctly as strings.
    return rule.until !== undefined && today >= rule.until;
}
function ruleMatches(rule, finding) {
    const wanted = rule.id.toUpperCase();
    const { vulnerability } = finding;
    if (![vulnerability.id, ...vulnerability.aliases].some(id => id.toUpperCase() === wanted)) {
        return false;
    }
    if (rule.package !== undefined && rule.package !== (0,names/* normalizeName */.P)(finding.package.name)) {
        return false;
    }
    return rule.version === undefined || sameVersion(rule.version, finding.package.version);
}
function sameVersion(a, b) {
    return (0,pep440.valid)(a) !== null && (0,pep440.valid)(b) !== null ? (0,pep440.eq)(a, b) : a === b;
}
/** How a rule is named in messages: its id, its scope and where it was written. */
function describeRule(rule) {
    const scope = rule.package === undefined ? '' : ` in ${rule.package}${rule.version ? ` ${rule.version}` : ''}`;
    return `Ignore rule for ${rule.id}${scope} (${rule.origin})`;
}
function expiredMessage(rule, count) {
    const effect = count === 0
        ? 'it matches no current finding, so it can be removed'
        : `${plural(count, 'finding')} it covered ${count === 1 ? 'is' : 'are'} reported again`;
    return `${describeRule(rule)} expired on ${rule.until}: ${effect}.`;
}
function unusedMessage(rule) {
    return `${describeRule(rule)} matched no finding; remove it if it is no longer needed.`;
}
function plural(count, noun) {
    return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/advisories/match.ts
var match = __webpack_require__(54170);
// EXTERNAL MODULE: ./src/advisories/version-order.ts
var version_order = __webpack_require__(85682);
;// CONCATENATED MODULE: ./src/advisories/upgrade.ts
/**
 * The upgrade to recommend for a vulnerable package: the smallest version above the current
 * one that none of the given advisories affects, worked out from the advisories' ranges alone
 * (no request for the package's release list).
 *
 * How complete the answer is depends on the records passed in:
 * - the offline database gives every advisory of the package (OfflineDatabase.recordsFor), so
 *   a recommended version is clean of every advisory the database knows;
 * - an online feed only returns the advisories that affect the current version. A fix for
 *   those can still be affected by an advisory that does not affect the current version
 *   (introduced later), which this cannot see without more requests. The offline database is
 *   the one that gives the complete answer.
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
 */
function recommendedVersion(name, version, records) {
    if (!(0,version_order/* isPep440 */.it)(version))
        return null;
    const wanted = (0,names/* normalizeName */.P)(name);
    const live = records.filter(record => record.withdrawn == null);
    const candidates = upgradeCandidates(live, wanted, version);
    // Candidates rise in order, so an advisory that ruled out one often rules out the next:
    // asking the most recent blockers first (move to front) keeps a package with hundreds of
    // advisories (django, tensorflow) from costing candidates x advisories matches.
    const byRecentBlock = [...live];
    const clean = (candidate) => {
        const at = byRecentBlock.findIndex(record => (0,match/* recordAffects */.uH)(record, wanted, candidate));
        if (at < 0)
            return true;
        if (at > 0)
            byRecentBlock.unshift(...byRecentBlock.splice(at, 1));
        return false;
    };
    const tiers = (0,version_order/* isPrerelease */.V1)(version)
        ? [candidates]
        : [candidates.filter(c => !(0,version_order/* isPrerelease */.V1)(c)), candidates.filter(version_order/* isPrerelease */.V1)];
    for (const tier of tiers) {
        const found = tier.find(clean);
        if (found !== undefined)
            return found;
    }
    return null;
}
/**
 * Bumped whenever recommendedVersion would answer differently for the same records, so that
 * answers kept by an older release are worked out again.
 */
const ADVICE_REVISION = 1;
/**
 * What recommendedVersion's answer depends on besides the pin: the records, each named by
 * id and `modified` (OSV changes `modified` with every change to a record).
 */
function recordsFingerprint(records) {
    const named = records.map(record => `${record.id}@${record.modified}`).sort();
    return (0,external_node_crypto_.createHash)('sha256')
        .update(`${ADVICE_REVISION}\n${named.join('\n')}`)
        .digest('hex')
        .slice(0, 32);
}
/**
 * recommendedVersion, answered from `store` when it was worked out before for the same pin
 * and the same records; a new answer is kept there for the next run.
 */
function rememberedRecommendation(pin, records, store) {
    if (store === undefined)
        return recommendedVersion(pin.name, pin.version, records);
    const fingerprint = recordsFingerprint(records);
    const known = store.get(pin, fingerprint);
    if (known !== undefined)
        return known;
    const upgrade = recommendedVersion(pin.name, pin.version, records);
    store.set(pin, fingerprint, upgrade);
    return upgrade;
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
            if (pkg?.ecosystem !== 'PyPI' || (0,names/* normalizeName */.P)(pkg.name) !== normalizedName)
                continue;
            for (const range of affected.ranges ?? []) {
                if (range.type === 'GIT')
                    continue;
                for (const event of range.events) {
                    for (const bound of [event.fixed, event.limit]) {
                        if (bound !== undefined && (0,version_order/* isPep440 */.it)(bound) && (0,version_order/* compareVersions */.Zy)(bound, version) > 0) {
                            found.push(bound);
                        }
                    }
                }
            }
        }
    }
    // Array.prototype.sort is stable, so the first spelling of equal versions stays first.
    found.sort(version_order/* compareVersions */.Zy);
    return found.filter((candidate, i) => i === 0 || (0,version_order/* compareVersions */.Zy)(found[i - 1], candidate) !== 0);
}

// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(54285);
;// CONCATENATED MODULE: ./src/pipeline/assess.ts





/**
 * Turns raw matches into verdicts: ignores, severity, the gate, malicious packages,
 * recommended upgrades, license violations and strictness. Pure: data in, data out.
 */
function assess(result, options) {
    const ignores = applyIgnores(result.packages, options.rules, options.today);
    const verdict = (0,gate/* gate */.Gj)((0,gate/* rateFindings */.lQ)(ignores.active), {
        threshold: options.failOnSeverity,
        failOnUnknown: options.failOnUnknownSeverity
    });
    const ignoredBy = new Map(ignores.ignored.map(f => [f.vulnerability, f]));
    // Malware fails the step whatever the severity settings, fail-on-vulnerability included.
    const failing = new Set(verdict.failing
        .filter(finding => options.failOnVulnerability || (0,severity/* isMalicious */.RA)(finding.vulnerability))
        .map(finding => finding.vulnerability));
    const packages = result.packages.map(pkg => {
        const vulnerabilities = pkg.vulnerabilities
            .map(vuln => reportVulnerability(vuln, ignoredBy.get(vuln), failing.has(vuln)))
            .sort((a, b) => (0,severity/* compareSeverity */.zK)(a.severity, b.severity));
        const reported = { ...pkg, vulnerabilities };
        if (vulnerabilities.length > 0) {
            const records = options.recordsFor?.(pkg.name) ?? pkg.vulnerabilities.map(v => v.record);
            reported.recommendedVersion = rememberedRecommendation(pkg, records, options.upgradeAdvice);
        }
        return reported;
    });
    const failureReasons = [];
    if (failing.size > 0) {
        failureReasons.push(options.failOnVulnerability
            ? verdict.reason
            : `Failed: ${(0,markdown/* plural */.L)(verdict.malicious.length, 'malicious package')} (malware fails the step even with fail-on-vulnerability: false).`);
    }
    const violations = options.licenses.filter(entry => entry.violation);
    if (violations.length > 0 && options.failOnLicense) {
        failureReasons.push(`Failed: ${(0,markdown/* plural */.L)(violations.length, 'license violation')}.`);
    }
    if (options.strict && result.skipped.length > 0) {
        failureReasons.push(`Failed: ${(0,markdown/* plural */.L)(result.skipped.length, 'dependency', 'dependencies')} could not be audited (strict: true).`);
    }
    return {
        outcome: {
            tool: options.tool,
            feed: result.feed,
            ...(options.databaseUpdated
                ? { databaseUpdated: options.databaseUpdated.toISOString() }
                : {}),
            sources: result.sources,
            packages,
            skipped: result.skipped,
            licenses: options.licenses,
            result: failureReasons.length > 0 ? 'fail' : 'pass',
            failureReasons
        },
        warnings: ignores.expired.map(notice => notice.message),
        notices: ignores.unused.map(notice => notice.message)
    };
}
function reportVulnerability(vuln, ignored, failing) {
    return {
        ...vuln,
        severity: (0,severity/* severityOf */.xJ)(vuln.record),
        malicious: (0,severity/* isMalicious */.RA)(vuln),
        ...(ignored
            ? {
                ignored: {
                    origin: ignored.rule.origin,
                    ...(ignored.rule.reason ? { reason: ignored.rule.reason } : {}),
                    ...(ignored.rule.until ? { until: ignored.rule.until } : {})
                }
            }
            : {}),
        failing
    };
}

// EXTERNAL MODULE: ./src/advisories/vulnerability.ts
var vulnerability = __webpack_require__(48689);
;// CONCATENATED MODULE: ./src/pipeline/look-up.ts


/**
 * Groups dependencies by name and version so each is looked up once, however many files
 * declare it, then turns the feed's records into pip-audit-style vulnerabilities.
 */
async function audit(sources, feed) {
    const packages = groupDependencies(sources.flatMap(source => source.dependencies));
    const queries = packages.map(({ name, version }) => ({ name, version }));
    const records = await feed.lookup(queries);
    packages.forEach((pkg, index) => {
        const found = (records[index] ?? [])
            .map(record => (0,vulnerability/* toVulnerability */.OF)(record, pkg.name))
            .filter((vuln) => vuln !== undefined);
        pkg.vulnerabilities = (0,vulnerability/* dedupeAliases */.II)(found);
    });
    return {
        feed: feed.name,
        sources,
        packages,
        skipped: sources.flatMap(source => source.skipped)
    };
}
function groupDependencies(dependencies) {
    const byKey = new Map();
    for (const dependency of dependencies) {
        const key = `${dependency.name}@${(0,pep440.clean)(dependency.version) ?? dependency.version}`;
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

// EXTERNAL MODULE: ./node_modules/smol-toml/dist/index.js + 8 modules
var dist = __webpack_require__(3292);
// EXTERNAL MODULE: ./src/deps/toml-file.ts + 1 modules
var toml_file = __webpack_require__(51454);
;// CONCATENATED MODULE: ./src/pipeline/ignore-config.ts
/**
 * Where ignore rules come from, in this order (the first matching rule's reason is shown):
 *
 * 1. the `ignore-vulns` input: one advisory id per line, optionally `# reason` after it;
 * 2. our own config: the file named by the `config` input, else `.pyaudit.toml` in the working
 *    directory, else `[tool.pyaudit]` in its pyproject.toml (both at once is an error: edits
 *    to the one we do not read would silently do nothing). `[[ignore]]` entries take `id`,
 *    `reason` (required: an accepted risk needs a written justification), `until` (a TOML
 *    date or a "YYYY-MM-DD" string), `package` and `version`. Unknown keys are errors: a
 *    misspelt `until` or `package` would make an ignore permanent or global.
 * 3. `osv-scanner.toml` in the working directory, always (`config` does not replace it): its
 *    `[[IgnoredVulns]]` (`id`, `ignoreUntil`, `reason`) as osv-scanner reads them; its other
 *    keys (PackageOverrides...) are not ours and are left alone.
 */








const PYAUDIT_CONFIG = '.pyaudit.toml';
const OSV_SCANNER_CONFIG = 'osv-scanner.toml';
/** Top-level keys of our config; extend it when the config grows, anything else is an error. */
const CONFIG_KEYS = ['ignore'];
const IGNORE_KEYS = ['id', 'reason', 'until', 'package', 'version'];
const PACKAGE_NAME = /^([A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9])$/;
async function loadIgnoreRules(options) {
    const read = async (name) => {
        const file = external_node_path_default().resolve(options.workingDirectory, name);
        const shownFile = shown(file, options.workingDirectory);
        return { file, shownFile, text: await readIfPresent(file, shownFile) };
    };
    const rules = parseIgnoreVulnsInput(options.ignoreVulnsInput);
    rules.push(...(await loadOwnConfig(read, options.configPath)));
    const osvScanner = await read(OSV_SCANNER_CONFIG);
    if (osvScanner.text !== undefined) {
        rules.push(...parseOsvScannerConfig(osvScanner.text, osvScanner.shownFile));
    }
    return rules;
}
async function loadOwnConfig(read, configPath) {
    if (configPath) {
        const { file, shownFile, text } = await read(configPath);
        if (text === undefined)
            throw new errors/* InputError */.dz('config', `file not found: ${file}`);
        if (external_node_path_default().basename(file) !== 'pyproject.toml')
            return parsePyauditConfig(text, shownFile);
        const rules = parsePyprojectConfig(text, shownFile);
        if (rules === undefined)
            throw new errors/* ParseError */.mB({ file: shownFile }, 'no [tool.pyaudit] table');
        return rules;
    }
    const dotFile = await read(PYAUDIT_CONFIG);
    const pyproject = await read('pyproject.toml');
    const fromPyproject = pyproject.text === undefined
        ? undefined
        : parsePyprojectConfig(pyproject.text, pyproject.shownFile);
    if (dotFile.text === undefined)
        return fromPyproject ?? [];
    if (fromPyproject !== undefined) {
        throw new errors/* ParseError */.mB({ file: pyproject.shownFile }, `[tool.pyaudit] and ${PYAUDIT_CONFIG} both configure pyaudit; keep one of them`);
    }
    return parsePyauditConfig(dotFile.text, dotFile.shownFile);
}
/** A `.pyaudit.toml` (or a file named by the `config` input). */
function parsePyauditConfig(text, file) {
    return readOwnTable((0,toml_file/* parseToml */.MT)(text, file), text, file, '');
}
/** The `[tool.pyaudit]` table of a pyproject.toml; undefined when it has none. */
function parsePyprojectConfig(text, file) {
    const tool = (0,toml_file/* parseToml */.MT)(text, file).tool;
    if (!(0,toml_file/* isTable */.bI)(tool) || tool.pyaudit === undefined)
        return undefined;
    if (!(0,toml_file/* isTable */.bI)(tool.pyaudit)) {
        throw new errors/* ParseError */.mB({ file }, `'tool.pyaudit' must be a table, not ${(0,toml_file/* describeType */.MF)(tool.pyaudit)}`);
    }
    return readOwnTable(tool.pyaudit, text, file, 'tool.pyaudit.');
}
function readOwnTable(table, text, file, prefix) {
    for (const key of Object.keys(table)) {
        if (CONFIG_KEYS.includes(key))
            continue;
        throw new errors/* ParseError */.mB({ file, ...uniqueLine(text, prefix + key) }, `unknown key ${quote(prefix + key)} (expected: ${CONFIG_KEYS.join(', ')})`);
    }
    return entriesOf(table, 'ignore', text, file, prefix).map(entry => readOwnEntry(entry));
}
/** osv-scanner's `[[IgnoredVulns]]`; every other key of its file is ignored. */
function parseOsvScannerConfig(text, file) {
    return entriesOf((0,toml_file/* parseToml */.MT)(text, file), 'IgnoredVulns', text, file, '').map(entry => {
        const id = requiredString(entry, 'id').trim();
        const reason = optionalString(entry, 'reason')?.trim();
        const until = entry.table.ignoreUntil === undefined ? undefined : untilDate(entry, 'ignoreUntil', true);
        return { id, ...(reason ? { reason } : {}), ...(until ? { until } : {}), origin: entry.origin };
    });
}
function readOwnEntry(entry) {
    for (const key of Object.keys(entry.table)) {
        if (!IGNORE_KEYS.includes(key)) {
            fail(entry, key, `unknown key ${quote(key)} (expected one of: ${IGNORE_KEYS.join(', ')})`);
        }
    }
    const id = requiredString(entry, 'id').trim();
    if (!isAdvisoryId(id))
        fail(entry, 'id', `${quote(id)} is not an advisory id (like GHSA-…, PYSEC-…, CVE-…)`);
    const reason = requiredString(entry, 'reason').trim();
    const until = entry.table.until === undefined ? undefined : untilDate(entry, 'until', false);
    const name = optionalString(entry, 'package')?.trim();
    if (name !== undefined && !PACKAGE_NAME.test(name))
        fail(entry, 'package', `${quote(name)} is not a package name`);
    const version = optionalString(entry, 'version')?.trim();
    if (version !== undefined && (0,pep440.valid)(version) === null) {
        fail(entry, 'version', `${quote(version)} is not an exact version (like 2.31.0)`);
    }
    if (version !== undefined && name === undefined)
        fail(entry, 'version', `'version' needs 'package'`);
    return {
        id,
        reason,
        ...(until ? { until } : {}),
        ...(name ? { package: (0,names/* normalizeName */.P)(name) } : {}),
        ...(version ? { version } : {}),
        origin: entry.origin
    };
}
/**
 * A date as YYYY-MM-DD. Ours takes a TOML local date or a "YYYY-MM-DD" string. osv-scanner's
 * also takes a date-time, as Go's TOML decoder turns any of them into a time.Time: the entry
 * stops applying at that instant, so it expires on the instant's UTC date (up to a day early,
 * never late); a local date-time is taken as UTC, the time zone of GitHub's runners.
 */
function untilDate(entry, key, acceptDateTime) {
    const value = entry.table[key];
    if (value instanceof dist/* TomlDate */.PJ && (value.isDate() || (acceptDateTime && value.isDateTime()))) {
        return new Date(value.getTime()).toISOString().slice(0, 10);
    }
    if (typeof value === 'string') {
        const text = value.trim();
        if (isCalendarDate(text))
            return text;
        // RFC 3339 with an offset, as Go's time.Time reads a string (and never the local zone).
        const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;
        const instant = acceptDateTime && rfc3339.test(text) ? Date.parse(text) : NaN;
        if (!Number.isNaN(instant))
            return new Date(instant).toISOString().slice(0, 10);
    }
    const expected = acceptDateTime ? 'a date or date-time' : 'a date like 2026-12-01';
    const found = typeof value === 'string'
        ? quote(value)
        : value instanceof dist/* TomlDate */.PJ && !value.isDate()
            ? `a ${value.isTime() ? 'time of day' : 'date-time'}`
            : (0,toml_file/* describeType */.MF)(value);
    return fail(entry, key, `'${key}' must be ${expected}, not ${found}`);
}
function isCalendarDate(text) {
    const date = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T00:00:00Z`) : undefined;
    return date !== undefined && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}
function entriesOf(table, key, text, file, prefix) {
    const value = table[key];
    if (value === undefined)
        return [];
    if (!Array.isArray(value) || !value.every(toml_file/* isTable */.bI)) {
        throw new errors/* ParseError */.mB({ file }, `'${prefix}${key}' must be an array of tables, not ${(0,toml_file/* describeType */.MF)(value)}`);
    }
    const lines = text.split(/\r?\n/);
    const header = new RegExp(`^\\s*\\[\\[\\s*${(prefix + key).replaceAll('.', '\\s*\\.\\s*')}\\s*\\]\\]\\s*(#.*)?$`);
    const found = lines.flatMap((line, index) => (header.test(line) ? [index + 1] : []));
    // Only trust the header lines when there is one per entry: never point at a wrong line.
    const known = found.length === value.length;
    return value.map((entry, index) => {
        const line = known ? found[index] : 0;
        return {
            table: entry,
            file,
            line,
            lines,
            name: `[[${prefix}${key}]] entry ${index + 1}`,
            origin: line ? `${file}:${line}` : file
        };
    });
}
function requiredString(entry, key) {
    const value = optionalString(entry, key);
    if (value === undefined || value.trim() === '')
        return fail(entry, key, `missing '${key}'`);
    return value;
}
function optionalString(entry, key) {
    const value = entry.table[key];
    if (value === undefined || typeof value === 'string')
        return value;
    return fail(entry, key, `'${key}' must be a string, not ${(0,toml_file/* describeType */.MF)(value)}`);
}
/** A ParseError at the key's line inside the entry when it can be found, else at the entry. */
function fail(entry, key, detail) {
    let position = entry.line ? { line: entry.line } : {};
    if (entry.line) {
        const keyPattern = new RegExp(`^(\\s*)(${escapeRegExp(key)}|"${escapeRegExp(key)}"|'${escapeRegExp(key)}')\\s*=`);
        for (let index = entry.line; index < entry.lines.length; index++) {
            const text = entry.lines[index];
            if (/^\s*\[/.test(text))
                break;
            const match = keyPattern.exec(text);
            if (match) {
                position = { line: index + 1, column: match[1].length + 1 };
                break;
            }
        }
    }
    throw new errors/* ParseError */.mB({ file: entry.file, ...position }, `${entry.name}: ${detail}`);
}
/** The line that defines a dotted key, as a header or an assignment, if exactly one does. */
function uniqueLine(text, dottedKey) {
    const last = escapeRegExp(dottedKey.split('.').at(-1));
    const full = escapeRegExp(dottedKey).replaceAll('\\.', '\\s*\\.\\s*');
    const pattern = new RegExp(`^\\s*(\\[\\[?\\s*${full}\\s*[\\].]|${last}\\s*[=.])`);
    const lines = text
        .split(/\r?\n/)
        .flatMap((line, index) => (pattern.test(line) ? [index + 1] : []));
    return lines.length === 1 ? { line: lines[0] } : {};
}
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
/** Quotes untrusted text for a message, control characters escaped: one line, always. */
function quote(text) {
    return JSON.stringify(text);
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

;// CONCATENATED MODULE: ./src/integrations/github/actions-cache.ts
const KEY_PREFIX = 'pyaudit-osv-v1';
/** The cache service refuses longer keys. */
const MAX_KEY_LENGTH = 512;
const loadActionsCache = () => Promise.all(/* import() */[__webpack_require__.e(838), __webpack_require__.e(30), __webpack_require__.e(692)]).then(__webpack_require__.bind(__webpack_require__, 45692));
/**
 * Whether a cache service is configured for this run: @actions/cache needs the runtime
 * token and ACTIONS_CACHE_URL (service v1) or ACTIONS_RESULTS_URL (v2).
 */
function cacheServiceConfigured(env) {
    return Boolean(env.ACTIONS_RUNTIME_TOKEN && (env.ACTIONS_CACHE_URL || env.ACTIONS_RESULTS_URL));
}
function cacheKeys(env, platform = process.platform) {
    const prefix = `${KEY_PREFIX}-${keyPart(env.RUNNER_OS || platform)}-`;
    const run = [env.GITHUB_RUN_ID || 'local', env.GITHUB_RUN_ATTEMPT || '1', env.GITHUB_JOB || 'job'];
    const primary = `${prefix}${run.map(keyPart).join('-')}`.slice(0, MAX_KEY_LENGTH);
    return { primary, restore: [prefix] };
}
/**
 * Restores the newest saved cache into `dir`. Undefined when there is no cache service, so
 * the caller has nothing to save later either.
 */
async function restoreCacheDir(dir, env, logger, load = loadActionsCache) {
    if (!cacheServiceConfigured(env)) {
        logger.debug('No Actions cache service here; the advisory cache stays local');
        return undefined;
    }
    const { primary, restore } = cacheKeys(env);
    try {
        const service = await load();
        if (!service.isFeatureAvailable())
            return undefined;
        const matchedKey = await service.restoreCache([dir], primary, restore);
        if (matchedKey)
            logger.info(`Advisory cache restored from ${matchedKey}`);
        else
            logger.debug('No saved advisory cache yet');
        return { primaryKey: primary, ...(matchedKey ? { matchedKey } : {}) };
    }
    catch (error) {
        logger.warning(`Advisory cache not restored (the audit goes on without it): ${messageOf(error)}`);
        return { primaryKey: primary };
    }
}
/**
 * Saves `dir` when the run fetched something new (`changed`) and the restored entry is not
 * already this run's own. Resolves to whether a save was attempted and reported success.
 */
async function saveCacheDir(dir, restored, changed, logger, load = loadActionsCache) {
    if (!restored || !changed || restored.matchedKey === restored.primaryKey)
        return false;
    try {
        const service = await load();
        const id = await service.saveCache([dir], restored.primaryKey);
        // @actions/cache reports its own failures (as warnings) and answers -1 for them.
        if (id === -1)
            return false;
        logger.info(`Advisory cache saved as ${restored.primaryKey}`);
        return true;
    }
    catch (error) {
        logger.warning(`Advisory cache not saved: ${messageOf(error)}`);
        return false;
    }
}
/** Key parts: no commas (the service splits keys on them), nothing surprising. */
function keyPart(value) {
    return value.replace(/[^A-Za-z0-9._-]+/g, '_');
}
function messageOf(error) {
    // One line: the runner reads a line starting with '::' as a workflow command.
    const text = error instanceof Error ? error.message : String(error);
    return text.replace(/\s+/g, ' ').trim();
}

// EXTERNAL MODULE: ./src/config/values.ts
var values = __webpack_require__(73750);
// EXTERNAL MODULE: ./src/shared/log.ts
var log = __webpack_require__(21827);
// EXTERNAL MODULE: ./src/net/http.ts
var http = __webpack_require__(59663);
// EXTERNAL MODULE: ./src/shared/json-shape.ts
var json_shape = __webpack_require__(66511);
;// CONCATENATED MODULE: ./src/advisories/osv-api.ts
/**
 * The online OSV feed (https://google.github.io/osv.dev/api/). A lookup takes two steps:
 * /v1/querybatch says which advisories (id + modified) affect each pin, then the full
 * records of those matches are fetched. The steps are public so that a cache keyed by
 * (id, modified) can sit between them and skip the records it already holds.
 */





const DEFAULT_OSV_API_URL = 'https://api.osv.dev';
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
class OsvApiFeed {
    name;
    baseUrl;
    concurrency;
    strategy;
    records;
    client;
    logger;
    constructor(options = {}) {
        this.baseUrl = checkedBaseUrl(options.baseUrl ?? DEFAULT_OSV_API_URL);
        this.name = `OSV API (${this.baseUrl})`;
        this.concurrency = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY);
        this.strategy = options.detailStrategy ?? 'auto';
        this.records = options.records;
        this.logger = options.logger ?? log/* silentLogger */.q;
        this.client = new http/* JsonClient */._u({
            feedName: this.name,
            connections: this.concurrency,
            timeoutMs: options.timeoutMs,
            retry: options.retry,
            logger: options.logger
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
    /** Step 2: the full records behind `refs[i]` for each query, withdrawn ones dropped. */
    async fetchRecords(queries, refs) {
        const byId = new Map();
        const held = (ref) => {
            const record = this.records?.get(ref.id, ref.modified);
            if (record)
                byId.set(ref.id, record);
            return record !== undefined;
        };
        const plan = planDetailFetches(refs, held, this.strategy);
        const extras = new Map();
        const store = (record) => {
            byId.set(record.id, record);
            this.records?.put?.(record);
        };
        const tasks = [
            ...plan.packageQueries.map(query => ({ query })),
            ...plan.ids.map(id => ({ id }))
        ];
        await (0,http/* mapWithLimit */.c$)(tasks, this.concurrency, async (task, _, signal) => {
            if ('id' in task)
                return store(await this.getRecord(task.id, signal));
            const found = await this.queryPackage(queries[task.query], signal);
            found.forEach(store);
            const listed = new Set((refs[task.query] ?? []).map(ref => ref.id));
            extras.set(task.query, found.filter(record => !listed.has(record.id)));
        });
        // The database can change between the steps: fetch by id what /v1/query no longer listed.
        const missing = [...new Set(refs.flat().map(ref => ref.id))].filter(id => !byId.has(id));
        const late = await (0,http/* mapWithLimit */.c$)(missing, this.concurrency, (id, _, signal) => this.getRecord(id, signal));
        late.forEach(store);
        return refs.map((listed, i) => [...listed.map(ref => byId.get(ref.id)), ...(extras.get(i) ?? [])].filter(record => !record.withdrawn));
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
    async queryPackage(pin, signal) {
        const found = [];
        let pageToken;
        for (let page = 0; page === 0 || pageToken; page++) {
            if (page === MAX_PAGES)
                this.fail(`query still paginating after ${MAX_PAGES} pages`);
            const query = { ...wireQuery(pin), ...(pageToken ? { page_token: pageToken } : {}) };
            const body = await this.client.postJson(`${this.baseUrl}/v1/query`, query, signal);
            if (!(0,json_shape/* isObject */.G)(body))
                this.fail('query answer is not an object');
            found.push(...this.list(body.vulns, 'query').map(record => this.checkRecord(record)));
            pageToken = this.token(body.next_page_token);
        }
        return found;
    }
    async getRecord(id, signal) {
        const url = `${this.baseUrl}/v1/vulns/${encodeURIComponent(id)}`;
        const record = this.checkRecord(await this.client.getJson(url, signal));
        if (record.id !== id)
            this.fail(`asked for ${id}, got ${record.id}`);
        return record;
    }
    checkRecord(value) {
        if (!(0,json_shape/* isObject */.G)(value) || typeof value.id !== 'string' || typeof value.modified !== 'string') {
            this.fail('answer holds a record without id or modified');
        }
        if (value.affected !== undefined && !Array.isArray(value.affected)) {
            this.fail(`record ${value.id} has a malformed affected list`);
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
function planDetailFetches(refs, held, strategy) {
    const packageQueries = [];
    const ids = new Set();
    const planned = new Set();
    refs.forEach((listed, index) => {
        const needed = listed.filter(ref => !planned.has(ref.id) && !held(ref));
        if (needed.length === 0)
            return;
        if (strategy === 'by-id' || (strategy === 'auto' && needed.length === 1)) {
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
function wireQuery(pin) {
    return { package: { name: pin.name, ecosystem: ECOSYSTEM }, version: pin.version };
}
function chunk(items, size) {
    const chunks = [];
    for (let i = 0; i < items.length; i += size)
        chunks.push(items.slice(i, i + size));
    return chunks;
}
function checkedBaseUrl(raw) {
    return (0,values/* parseHttpUrl */.f$)('osv-url', raw);
}

// EXTERNAL MODULE: ./src/advisories/record-cache.ts + 2 modules
var record_cache = __webpack_require__(6648);
// EXTERNAL MODULE: ./src/pipeline/staleness.ts
var staleness = __webpack_require__(39328);
;// CONCATENATED MODULE: ./src/pipeline/open-feed.ts




/** Each feed's code loads only for the feed chosen: the offline database's zip reader, say. */
async function openFeed(config, env, logger, now, shownPath = file => file) {
    if (config.advisoryDb) {
        const label = shownPath(config.advisoryDb);
        const [{ OfflineDatabase }, { offlineIndexDir }] = await Promise.all([
            __webpack_require__.e(/* import() */ 357).then(__webpack_require__.bind(__webpack_require__, 4357)),
            __webpack_require__.e(/* import() */ 477).then(__webpack_require__.bind(__webpack_require__, 50477))
        ]);
        // The index of the database is kept with the advisory cache, and only when caching is on.
        const indexDir = config.cache ? offlineIndexDir(config.cacheDir) : undefined;
        const database = await OfflineDatabase.load(config.advisoryDb, { logger, label, indexDir });
        const newest = database.newestModified();
        const warning = (0,staleness/* stalenessWarning */.$u)(newest, config.maxDbAgeDays, now);
        if (warning)
            logger.warning(warning);
        return {
            feed: database,
            recordsFor: name => database.recordsFor(name),
            ...(newest ? { databaseUpdated: newest } : {}),
            finish: async () => { }
        };
    }
    if (config.service === 'pypi') {
        const { PypiFeed } = await __webpack_require__.e(/* import() */ 532).then(__webpack_require__.bind(__webpack_require__, 57532));
        const feed = new PypiFeed({ baseUrl: config.pypiUrl, logger });
        return { feed, skipped: () => feed.skipped(), finish: () => feed.close() };
    }
    if (!config.cache) {
        const feed = new OsvApiFeed({ baseUrl: config.osvUrl, logger });
        return { feed, finish: () => feed.close() };
    }
    const restored = await restoreCacheDir(config.cacheDir, env, logger);
    const cache = new record_cache/* DiskRecordCache */.vv(config.cacheDir, { logger });
    const feed = new OsvApiFeed({ baseUrl: config.osvUrl, logger, records: cache });
    return {
        feed,
        upgradeAdvice: cache.upgradeAdvice,
        finish: async () => {
            await feed.close();
            await cache.flush();
            await saveCacheDir(config.cacheDir, restored, cache.changed, logger);
            logger.debug(`Advisory cache ${cache.dir}: ${JSON.stringify(cache.stats)}`);
        }
    };
}

;// CONCATENATED MODULE: ./src/deps/detect.ts


const LOCKFILES = [
    [/^pylock(\.[^.]+)?\.toml$/, 'pylock.toml'],
    [/^uv\.lock$/, 'uv.lock'],
    [/^poetry\.lock$/, 'poetry.lock'],
    [/^pdm\.lock$/, 'pdm.lock'],
    [/^Pipfile\.lock$/, 'Pipfile.lock']
];
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
    const base = external_node_path_.basename(file);
    for (const [pattern, format] of LOCKFILES)
        if (pattern.test(base))
            return format;
    if (base === 'pyproject.toml')
        return 'pyproject';
    return 'requirements';
}
function isRequirementsName(base) {
    return (/^requirements.*\.(txt|in)$/i.test(base) ||
        /^(dev|test|constraints)-?requirements.*\.txt$/i.test(base));
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
    const entries = await promises_.readdir(dir, { withFileTypes: true });
    const files = entries
        .filter(e => e.isFile())
        .map(e => e.name)
        .sort();
    const lockfiles = files.filter(name => LOCKFILES.some(([pattern]) => pattern.test(name)));
    const requirements = files.filter(isRequirementsName);
    const compiled = new Set(requirements.filter(n => n.endsWith('.txt')).map(n => n.slice(0, -4)));
    for (const name of lockfiles)
        found.push({ file: external_node_path_.join(dir, name), format: formatOfFile(name) });
    if (files.includes('pyproject.toml')) {
        const pinnedBy = lockfiles.length > 0 ? lockfiles : await compiledFromPyproject(dir, requirements);
        if (pinnedBy.length > 0) {
            logger.info(`${external_node_path_.join(dir, 'pyproject.toml')}: using ${pinnedBy.join(', ')} instead, which pins what it declares`);
        }
        else {
            found.push({ file: external_node_path_.join(dir, 'pyproject.toml'), format: 'pyproject' });
        }
    }
    for (const name of requirements) {
        if (name.endsWith('.in') && compiled.has(name.slice(0, -3))) {
            logger.info(`${external_node_path_.join(dir, name)}: using ${name.slice(0, -3)}.txt instead, which pins what it declares`);
            continue;
        }
        found.push({ file: external_node_path_.join(dir, name), format: 'requirements' });
    }
    if (depth >= MAX_DEPTH)
        return;
    const subdirectories = entries
        .filter(e => e.isDirectory() && !IGNORED_DIRECTORIES.has(e.name) && !e.name.startsWith('.'))
        .map(e => e.name)
        .sort();
    for (const name of subdirectories)
        await walk(external_node_path_.join(dir, name), depth + 1, found, logger);
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
        const header = await readHeader(external_node_path_.join(dir, name));
        if (COMPILED_HEADER.test(header) && COMPILE_COMMAND.test(header))
            compiled.push(name);
    }
    return compiled;
}
async function readHeader(file) {
    const handle = await promises_.open(file, 'r');
    try {
        const buffer = Buffer.alloc(HEADER_BYTES);
        const { bytesRead } = await handle.read(buffer, 0, HEADER_BYTES, 0);
        return buffer.subarray(0, bytesRead).toString('utf8');
    }
    finally {
        await handle.close();
    }
}

// EXTERNAL MODULE: ./src/deps/markers.ts
var markers = __webpack_require__(39457);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
// EXTERNAL MODULE: ./src/deps/pep508.ts
var pep508 = __webpack_require__(22048);
;// CONCATENATED MODULE: ./src/deps/requirements-kind.ts
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
    return { kind: 'pep508', requirement: (0,pep508/* parseRequirement */.pP)(text) };
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
        return { name: (0,names/* normalizeName */.P)(egg[1]) };
    const file = location.split(/[?#]/, 1)[0].split(/[/\\]/).pop() ?? '';
    const wheel = /^([^-]+)-([^-]+)-(?:[^-]+-)?[^-]+-[^-]+-[^-]+\.whl$/i.exec(file);
    if (wheel)
        return { name: (0,names/* normalizeName */.P)(wheel[1]), version: wheel[2] };
    return {};
}

;// CONCATENATED MODULE: ./src/deps/requirements-options.ts
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

// EXTERNAL MODULE: ./src/deps/requirements-syntax.ts
var requirements_syntax = __webpack_require__(91770);
;// CONCATENATED MODULE: ./src/deps/requirements-text.ts
/**
 * From the bytes of a requirements file to pip's logical lines: decoding, line splitting,
 * backslash continuations, comments and ${VAR} expansion, in pip's order (req_file.preprocess).
 * Every logical line can map an offset in its text back to the physical line and column.
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
        throw new errors/* ParseError */.mB({ file: displayFile }, 'the file is UTF-32 encoded; save it as UTF-8');
    }
    if (starts(0xfe, 0xff) || starts(0xff, 0xfe)) {
        throw new errors/* ParseError */.mB({ file: displayFile }, 'the file is UTF-16 encoded; save it as UTF-8');
    }
    const body = starts(0xef, 0xbb, 0xbf) ? bytes.subarray(3) : bytes;
    let text;
    try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    }
    catch {
        const bad = firstInvalidUtf8(body);
        const prefix = new TextDecoder('utf-8').decode(body.subarray(0, bad));
        throw new errors/* ParseError */.mB({ file: displayFile, ...positionIn(prefix, prefix.length) }, 'the file is not valid UTF-8 text; save it as UTF-8');
    }
    const nul = text.indexOf('\0');
    if (nul >= 0) {
        throw new errors/* ParseError */.mB({ file: displayFile, ...positionIn(text, nul) }, 'the file contains a NUL byte: it looks binary, not like a requirements file');
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
function locate(segments, offset) {
    let low = 0;
    let high = segments.length - 1;
    while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (segments[mid].start <= offset)
            low = mid;
        else
            high = mid - 1;
    }
    const segment = segments[low];
    return {
        segment,
        mapped: segment.literal ? segment.source + offset - segment.start : segment.source
    };
}
/** pip's preprocess(): split, join continuations, drop comments and blank lines, expand ${VAR}. */
function logicalLines(content, env, displayFile) {
    const physical = content.split(LINE_BREAK);
    if (physical[physical.length - 1] === '')
        physical.pop();
    const result = [];
    let joined = '';
    let pieces = [];
    const flush = () => {
        const line = finish(joined, pieces, env, displayFile);
        if (line)
            result.push(line);
        joined = '';
        pieces = [];
    };
    physical.forEach((text, index) => {
        const lineNumber = index + 1;
        const comment = startsWithComment(text);
        if (comment && pieces.length === 0)
            return; // a comment line on its own: nothing to keep
        if (!text.endsWith('\\') || comment) {
            // A leading space keeps a comment line a comment once joined to a continued line.
            pieces.push({
                start: joined.length,
                source: comment ? 0 : 1,
                line: lineNumber,
                literal: true
            });
            joined += comment ? ` ${text}` : text;
            flush();
        }
        else {
            // pip strips backslashes from both ends of a continued line (str.strip('\\')).
            let lead = 0;
            while (text.charCodeAt(lead) === 0x5c)
                lead++;
            let end = text.length;
            while (end > lead && text.charCodeAt(end - 1) === 0x5c)
                end--;
            pieces.push({ start: joined.length, source: lead + 1, line: lineNumber, literal: true });
            joined += text.slice(lead, end);
        }
    });
    if (pieces.length > 0)
        flush();
    return result;
}
function startsWithComment(text) {
    let i = 0;
    while (i < text.length && isPythonSpace(text.charCodeAt(i)))
        i++;
    return text.charCodeAt(i) === 0x23;
}
function finish(joined, pieces, env, displayFile) {
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
    const stripped = joined.slice(start, end);
    const lineNumber = pieces[0].line;
    if (!stripped.includes('${'))
        return new Logical(stripped, lineNumber, pieces, start, undefined);
    const physicalAt = (offset) => new Logical(stripped, lineNumber, pieces, start, undefined).position(offset);
    const expansions = [{ start: 0, source: 0, line: 0, literal: true }];
    let text = '';
    let copied = 0;
    for (const match of stripped.matchAll(ENV_VAR)) {
        const value = env[match[1]];
        if (!value)
            continue; // pip leaves unset and empty variables as written
        if (new RegExp(ENV_VAR.source).test(value)) {
            const { line, column } = physicalAt(match.index);
            throw new errors/* ParseError */.mB({ file: displayFile, line, column }, `the value of environment variable ${match[1]} contains \${...} itself; pip's expansion of nested variables is not supported`);
        }
        text += stripped.slice(copied, match.index);
        expansions.push({ start: text.length, source: match.index, line: 0, literal: false });
        text += value;
        copied = match.index + match[0].length;
        expansions.push({ start: text.length, source: copied, line: 0, literal: true });
    }
    text += stripped.slice(copied);
    return new Logical(text, lineNumber, pieces, start, expansions);
}
/** A class rather than closures: a file can have 100,000 lines, each kept until the end. */
class Logical {
    text;
    line;
    pieces;
    trimmed;
    expansions;
    constructor(text, line, pieces, 
    /** Offset of `text` (before expansion) in the joined physical pieces. */
    trimmed, expansions) {
        this.text = text;
        this.line = line;
        this.pieces = pieces;
        this.trimmed = trimmed;
        this.expansions = expansions;
    }
    position(offset) {
        const unexpanded = this.expansions ? locate(this.expansions, offset).mapped : offset;
        const { segment, mapped } = locate(this.pieces, unexpanded + this.trimmed);
        return { line: segment.line, column: mapped };
    }
}

// EXTERNAL MODULE: ./src/deps/containment.ts
var containment = __webpack_require__(8778);
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
 * neither. Constraint (-c) lines are not dependencies: they only supply the version of an
 * unpinned requirement of the same name, which is what pip would install.
 *
 * Duplicate pins are all audited, even conflicting ones that pip would refuse to install: auditing
 * both versions can only add findings, never hide one.
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
    for (const line of parsed.lines) {
        if (line.constraint || !line.markerApplies)
            continue;
        const requirement = line.requirement;
        const version = requirement && !requirement.url ? (0,pep508/* pinnedVersion */.V2)(requirement.specifier) : undefined;
        if (requirement && version !== undefined) {
            addDependency(requirement.normalizedName, version, line);
            continue;
        }
        const constrained = requirement && !requirement.url && constraintPins.get(requirement.normalizedName);
        if (requirement && constrained) {
            // Several requirements of one constrained name are one dependency, declared by the constraint.
            if (!constraintsUsed.has(constrained)) {
                constraintsUsed.add(constrained);
                const pinned = (0,pep508/* pinnedVersion */.V2)(constrained.requirement.specifier);
                addDependency(requirement.normalizedName, pinned, constrained);
            }
            continue;
        }
        skipped.push({ ...describeSkip(line), location: line.location, format: 'requirements' });
    }
    return { file: rootFile, format: 'requirements', dependencies, skipped };
    function addDependency(name, version, line) {
        dependencies.push({ name, version, location: line.location, format: 'requirements' });
    }
}
function describeSkip(line) {
    const requirement = line.requirement;
    if (line.editable) {
        const { name } = inferName(line.raw);
        return {
            name: name ?? shortName(line.raw),
            reason: `editable requirement (-e ${(0,requirements_syntax/* excerpt */.Kb)(line.raw, 60)}): installed from a local or VCS checkout, not a released version, so it cannot be matched to advisories`
        };
    }
    if (requirement?.url !== undefined) {
        const kind = urlKind(requirement.url);
        return { name: requirement.normalizedName, reason: KIND_REASONS[kind] };
    }
    if (requirement) {
        const written = requirement.specifier ? `'${requirement.specifier}' is ` : 'no version given: ';
        return { name: requirement.normalizedName, reason: `${written}${UNPINNED_REASON}` };
    }
    const classified = classifyRequirement(line.raw);
    const kind = classified.kind === 'pep508' ? 'url' : classified.kind;
    return {
        name: classified.name ?? shortName(line.raw),
        ...(classified.version !== undefined && { version: classified.version }),
        reason: KIND_REASONS[kind]
    };
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
    constructor(options) {
        this.options = options;
    }
    display(file) {
        return this.options.displayPath ? this.options.displayPath(file) : file;
    }
    async visit(file, real, bytes, constraint, chain) {
        const key = `${constraint ? 'c' : 'r'}:${real}`;
        if (this.expanded.has(key))
            return;
        this.expanded.add(key);
        if (!this.result.files.includes(file))
            this.result.files.push(file);
        const content = decodeRequirementsBytes(bytes, this.display(file));
        const here = [...chain, { real, file }];
        for (const line of logicalLines(content, this.options.env, this.display(file))) {
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
        const { args, optionsOffset } = splitRequirementLine(line.text);
        let options;
        try {
            options = parseLineOptions(line.text, optionsOffset);
        }
        catch (error) {
            if (error instanceof OptionError)
                this.fail(file, line, error.offset, error.message);
            throw error;
        }
        const location = { file, line: line.line };
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
            return classifyRequirement(args);
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
        try {
            return (0,markers/* evaluateMarker */.U)(text, this.options.markerEnvironment);
        }
        catch (error) {
            if (!(error instanceof pep508/* RequirementSyntaxError */.tL))
                throw error;
            return this.fail(file, line, offset + error.column - 1, `invalid marker ${(0,requirements_syntax/* excerpt */.Kb)(text)}: ${error.message}`);
        }
    }
    async include(file, line, include, chain) {
        const { target, offset } = include;
        const fail = (message) => this.fail(file, line, offset, message);
        if (/^https?:/i.test(target)) {
            fail(`remote requirements file ${(0,requirements_syntax/* excerpt */.Kb)(target)} is not supported: download it and list the local copy`);
        }
        let resolved;
        try {
            resolved = /^file:/i.test(target)
                ? (0,external_node_url_.fileURLToPath)(target)
                : external_node_path_default().resolve(external_node_path_default().dirname(file), target);
        }
        catch {
            return fail(`${(0,requirements_syntax/* excerpt */.Kb)(target)} is not a usable file: URL`);
        }
        if (chain.length >= MAX_INCLUDE_DEPTH)
            fail(`requirements files are included more than ${MAX_INCLUDE_DEPTH} levels deep`);
        const unreadable = (error) => fail(`cannot read the included file ${(0,requirements_syntax/* excerpt */.Kb)(target)}: ${fsReason(error)}`);
        const real = await (0,promises_.realpath)(resolved).catch(unreadable);
        if (this.options.allowedRoots && !(0,containment/* isInside */.FK)(real, this.options.allowedRoots)) {
            fail(`the included file ${(0,requirements_syntax/* excerpt */.Kb)(target)}: ${containment/* OUTSIDE_REASON */.nN}`);
        }
        const loopStart = chain.findIndex(entry => entry.real === real);
        if (loopStart >= 0) {
            const names = [...chain.slice(loopStart).map(entry => entry.file), resolved].map(f => this.display(f));
            const shown = names.length > 6 ? [...names.slice(0, 3), '...', ...names.slice(-2)] : names;
            fail(`requirements files include each other in a loop (${shown.join(' -> ')}); not followed`);
        }
        await this.visit(resolved, real, await (0,containment/* readDependencyBytes */.zs)(real).catch(unreadable), include.constraint, chain);
    }
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

;// CONCATENATED MODULE: ./src/deps/read-file.ts

/**
 * Reads one file with the reader its format needs. The TOML and lockfile readers load only
 * for the formats met: a requirements-only project never compiles them.
 */
async function readDependencyFile(detected, context) {
    const options = { displayPath: context.displayPath, allowedRoots: context.allowedRoots };
    const { file } = detected;
    switch (detected.format) {
        case 'requirements': {
            const parsed = await parseRequirementsFile(file, {
                markerEnvironment: context.markerEnvironment,
                env: context.env,
                displayPath: context.displayPath,
                allowedRoots: context.allowedRoots
            });
            return {
                source: requirementsToSource(parsed, file),
                filesRead: parsed.files,
                requirements: parsed.lines,
                indexOptions: parsed.options
            };
        }
        case 'pyproject': {
            const { readPyproject } = await __webpack_require__.e(/* import() */ 384).then(__webpack_require__.bind(__webpack_require__, 36384));
            const { source, requirements } = await readPyproject(file, {
                ...options,
                markerEnvironment: context.markerEnvironment
            });
            return { source, filesRead: [file], declarations: requirements };
        }
        case 'poetry.lock': {
            const { readPoetryLock } = await __webpack_require__.e(/* import() */ 925).then(__webpack_require__.bind(__webpack_require__, 3925));
            return { source: await readPoetryLock(file, options), filesRead: [file] };
        }
        case 'uv.lock': {
            const { readUvLock } = await __webpack_require__.e(/* import() */ 55).then(__webpack_require__.bind(__webpack_require__, 19055));
            return { source: await readUvLock(file, options), filesRead: [file] };
        }
        case 'Pipfile.lock': {
            const { readPipfileLock } = await __webpack_require__.e(/* import() */ 165).then(__webpack_require__.bind(__webpack_require__, 11165));
            return { source: await readPipfileLock(file, options), filesRead: [file] };
        }
        case 'pdm.lock': {
            const { readPdmLock } = await __webpack_require__.e(/* import() */ 305).then(__webpack_require__.bind(__webpack_require__, 91305));
            return { source: await readPdmLock(file, options), filesRead: [file] };
        }
        case 'pylock.toml': {
            const { readPylock } = await __webpack_require__.e(/* import() */ 392).then(__webpack_require__.bind(__webpack_require__, 53392));
            return { source: await readPylock(file, options), filesRead: [file] };
        }
        case 'environment':
        case 'pip-report':
            throw new Error(`${detected.format} is not a file format`);
    }
}

// EXTERNAL MODULE: ./src/shared/paths.ts
var paths = __webpack_require__(40405);
;// CONCATENATED MODULE: ./src/deps/collect.ts







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
    const pythonVersion = options.pythonVersion ?? (await interpreterVersion(options));
    const context = {
        markerEnvironment: (0,markers/* markerEnvironmentFor */.h)(pythonVersion),
        env: options.env,
        displayPath: (file) => (0,paths/* repositoryPath */.S)(file, options.workingDirectory),
        allowedRoots: await allowedRoots(options)
    };
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
    }
    if (sources.length === 0) {
        throw new errors/* PyauditError */.xE(`No dependency files found in ${options.workingDirectory}: set 'paths' to your requirements files or lockfiles, or 'python' to audit an environment`);
    }
    return sources;
}
/** The version of `python`, which markers are judged against; a default without one. */
async function interpreterVersion(options) {
    if (options.python === undefined)
        return DEFAULT_PYTHON_VERSION;
    const { pythonVersionOf } = await __webpack_require__.e(/* import() */ 602).then(__webpack_require__.bind(__webpack_require__, 63602));
    return pythonVersionOf(options.python, { cwd: options.workingDirectory, env: options.env });
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
        const found = await detectDependencyFiles(options.workingDirectory, options.logger);
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
            files.push(...(await detectDependencyFiles(target, options.logger)));
        else
            files.push({ file: target, format: formatOfFile(target) });
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

// EXTERNAL MODULE: ./src/licenses/policy.ts
var policy = __webpack_require__(32232);
// EXTERNAL MODULE: ./src/licenses/sources.ts
var sources = __webpack_require__(36498);
;// CONCATENATED MODULE: ./src/licenses/audit-licenses.ts


/**
 * Licenses of every audited package. PyPI is asked only when something needs the answer
 * (a policy, or an SBOM that lists licenses): a plain vulnerability scan of a lockfile makes
 * no license requests at all, and then reports what installed metadata says.
 */
async function auditLicenses(packages, config, options) {
    const needed = (0,policy/* hasLicensePolicy */.WA)(config.policy) || options.sbomWanted;
    const mode = needed || config.source === 'none' ? config.source : 'environment';
    const subjects = packages.map(pkg => {
        const metadata = pkg.declarations.find(dep => dep.metadata)?.metadata;
        return { name: pkg.name, version: pkg.version, ...(metadata ? { metadata } : {}) };
    });
    const gathered = await (0,sources/* gatherLicenseMetadata */.M3)(subjects, {
        mode,
        pypiUrl: options.pypiUrl,
        offline: options.offline,
        logger: options.logger
    });
    if (!gathered.checked)
        return { entries: [], notes: [] };
    const { checkLicenses } = await __webpack_require__.e(/* import() */ 873).then(__webpack_require__.bind(__webpack_require__, 26873));
    // spdx-correct guesses only at metadata, and setting it up takes ~20 ms: a scan that has
    // none (a lockfile, no policy, no SBOM) does without it.
    const hasMetadata = gathered.subjects.some(subject => subject.metadata);
    const suggest = hasMetadata ? (await __webpack_require__.e(/* import() */ 290).then(__webpack_require__.bind(__webpack_require__, 59290))).suggestSpdx : undefined;
    return {
        entries: checkLicenses(gathered.subjects, config.policy, {
            from: config.from,
            ...(suggest ? { suggest } : {})
        }),
        notes: needed ? gathered.notes : []
    };
}

// EXTERNAL MODULE: ./src/deps/versions.ts
var versions = __webpack_require__(3433);
// EXTERNAL MODULE: ./src/report/counts.ts
var counts = __webpack_require__(65132);
;// CONCATENATED MODULE: ./src/report/json-report.ts



function buildJsonReport(outcome, repositoryRoot) {
    return {
        dependencies: [
            ...outcome.packages.map(reportPackage),
            ...outcome.skipped.map(skip => ({ name: skip.name, skip_reason: skip.reason }))
        ],
        fixes: outcome.packages.filter(pkg => pkg.recommendedVersion !== undefined).map(reportFix),
        licenses: outcome.licenses,
        sources: outcome.sources.map(source => ({
            file: (0,paths/* repositoryPath */.S)(source.file, repositoryRoot),
            format: source.format,
            dependencies: source.dependencies.length,
            skipped: source.skipped.length
        })),
        summary: {
            ...(0,counts/* summaryCounts */.N)(outcome),
            result: outcome.result,
            failure_reasons: outcome.failureReasons,
            incomplete: outcome.incomplete ?? false
        },
        tool: { ...outcome.tool, feed: outcome.feed, database_updated: outcome.databaseUpdated ?? null }
    };
}
function reportPackage(pkg) {
    return {
        name: pkg.name,
        // pip-audit prints str(Version): the PEP 440 normal form.
        version: (0,versions/* normalVersion */.A)(pkg.version),
        vulns: pkg.vulnerabilities.map(reportVuln),
        ...(pkg.recommendedVersion !== undefined ? { recommended_version: pkg.recommendedVersion } : {})
    };
}
function reportVuln(vuln) {
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
        failing: vuln.failing
    };
}
function reportFix(pkg) {
    return pkg.recommendedVersion
        ? {
            name: pkg.name,
            old_version: (0,versions/* normalVersion */.A)(pkg.version),
            new_version: pkg.recommendedVersion
        }
        : {
            name: pkg.name,
            version: (0,versions/* normalVersion */.A)(pkg.version),
            skip_reason: 'no version without known vulnerabilities is known'
        };
}
function serializeReport(report) {
    return `${JSON.stringify(report, null, 2)}\n`;
}

;// CONCATENATED MODULE: ./src/tool.ts
/** This tool's name and version, as reports name it. Kept in step with package.json by a test. */
const TOOL = { name: 'pyaudit-action', version: '0.1.0' };

;// CONCATENATED MODULE: ./src/pipeline/run-audit.ts












/** The whole audit, shared by the action and the CLI: collect, look up, assess, write reports. */
async function runAudit(config, logger, now = new Date()) {
    const env = process.env;
    const sources = await collectDependencies({
        ...config.sources,
        workingDirectory: config.workingDirectory,
        repositoryRoot: config.repositoryRoot,
        env,
        logger
    });
    const rules = await loadIgnoreRules({
        workingDirectory: config.workingDirectory,
        ...(config.findings.configFile ? { configPath: config.findings.configFile } : {}),
        ignoreVulnsInput: config.findings.ignoreVulns
    });
    const opened = await openFeed(config.feed, env, logger, now, file => (0,paths/* repositoryPath */.S)(file, config.repositoryRoot));
    const pinned = sources.reduce((sum, source) => sum + source.dependencies.length, 0);
    logger.info(`Checking ${pinned} pinned dependencies against ${opened.feed.name}`);
    const sbomWanted = Boolean(config.outputs.sbomPath || config.dependencyTrack);
    let assessment;
    try {
        const audited = await auditFailingClosed(sources, opened.feed, config, logger);
        const result = withFeedSkips(audited, opened.skipped?.());
        const licenses = await auditLicenses(result.packages, config.licenses, {
            pypiUrl: config.feed.pypiUrl,
            offline: Boolean(config.feed.advisoryDb),
            sbomWanted,
            logger
        });
        licenses.notes.forEach(note => logger.info(note));
        assessment = assess(result, {
            rules,
            today: now.toISOString().slice(0, 10),
            ...config.findings,
            strict: config.sources.strict,
            licenses: licenses.entries,
            failOnLicense: config.licenses.failOnLicense,
            ...(opened.recordsFor ? { recordsFor: opened.recordsFor } : {}),
            ...(opened.upgradeAdvice ? { upgradeAdvice: opened.upgradeAdvice } : {}),
            tool: TOOL,
            ...(opened.databaseUpdated ? { databaseUpdated: opened.databaseUpdated } : {})
        });
    }
    finally {
        // After the assessment, so that the upgrades it worked out are saved with the cache.
        await opened.finish();
    }
    const { outcome, warnings, notices } = assessment;
    const root = config.repositoryRoot;
    const files = {};
    const { reportPath, sbomPath, sarifPath } = config.outputs;
    if (reportPath)
        files.report = await write(reportPath, serializeReport(buildJsonReport(outcome, root)));
    // The SBOM and SARIF builders (CycloneDX's model above all) load only when asked for.
    const sbom = sbomWanted
        ? (await Promise.all(/* import() */[__webpack_require__.e(571), __webpack_require__.e(821)]).then(__webpack_require__.bind(__webpack_require__, 75821))).buildSbom(outcome, {
            repositoryRoot: root,
            timestamp: now
        })
        : undefined;
    if (sbomPath && sbom)
        files.sbom = await write(sbomPath, sbom);
    if (sarifPath) {
        const { buildSarif } = await __webpack_require__.e(/* import() */ 643).then(__webpack_require__.bind(__webpack_require__, 10643));
        files.sarif = await write(sarifPath, buildSarif(outcome, { repositoryRoot: root }));
    }
    for (const [kind, file] of Object.entries(files))
        logger.info(`Wrote the ${kind} to ${file}`);
    return { outcome, files, ...(sbom ? { sbom } : {}), warnings, notices };
}
/** The report of a run whose advisory lookup failed: nothing checked, nothing reported clean. */
/** Fails closed, but leaves a record: every dependency listed as not checked, and why. */
async function auditFailingClosed(sources, feed, config, logger) {
    try {
        return await audit(sources, feed);
    }
    catch (error) {
        if (error instanceof errors/* FeedError */.lS && config.outputs.reportPath) {
            const report = incompleteReport(sources, feed.name, error, config.repositoryRoot);
            await write(config.outputs.reportPath, serializeReport(report));
            logger.info(`Wrote an incomplete report to ${config.outputs.reportPath}`);
        }
        throw error;
    }
}
function incompleteReport(sources, feed, error, repositoryRoot) {
    const notChecked = groupDependencies(sources.flatMap(s => s.dependencies)).map(pkg => ({
        name: pkg.name,
        version: pkg.version,
        reason: `not checked: ${error.message}`,
        location: pkg.declarations[0].location,
        format: pkg.declarations[0].format
    }));
    const outcome = {
        tool: TOOL,
        feed,
        sources,
        packages: [],
        skipped: [...notChecked, ...sources.flatMap(s => s.skipped)],
        licenses: [],
        result: 'fail',
        failureReasons: [error.message],
        incomplete: true
    };
    return buildJsonReport(outcome, repositoryRoot);
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
async function write(file, content) {
    await promises_.mkdir(external_node_path_.dirname(file), { recursive: true });
    await promises_.writeFile(file, content);
    return file;
}


/***/ }),

/***/ 39328:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $u: () => (/* binding */ stalenessWarning),
/* harmony export */   n6: () => (/* binding */ parseMaxDbAge)
/* harmony export */ });
/* unused harmony exports DEFAULT_MAX_DB_AGE, PYPI_ALL_ZIP_URL */
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58382);
/* harmony import */ var _config_values_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73750);
/**
 * How old an offline advisory database may be before a run warns about it. A stale database
 * is a silent false negative: advisories published since it was downloaded are simply not
 * there, and the run still passes.
 */


const DEFAULT_MAX_DB_AGE = '7';
/** Where a fresh copy comes from: OSV's per-ecosystem export, the layout the database reads. */
const PYPI_ALL_ZIP_URL = 'https://osv-vulnerabilities.storage.googleapis.com/PyPI/all.zip';
const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
const UNIT_DAYS = { d: 1, h: 1 / 24, w: 7 };
/** Whole numbers only (up to 5 digits: a century in days), with an optional unit. */
const MAX_DB_AGE = /^(\d{1,5}) ?([dhw]?)$/i;
/**
 * The `max-db-age` input in days: `7` or `7d` (days), `36h` (hours), `2w` (weeks); `0`
 * turns the check off. Empty means the default, 7 days. Anything else is an InputError.
 */
function parseMaxDbAge(value) {
    const text = value.trim() === '' ? DEFAULT_MAX_DB_AGE : value.trim();
    const match = MAX_DB_AGE.exec(text);
    if (match === null) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('max-db-age', `expected a whole number of days (7 or 7d), hours (36h) or weeks (2w), or 0 to turn ` +
            `the check off; got '${(0,_config_values_js__WEBPACK_IMPORTED_MODULE_1__/* .excerpt */ .Kb)(value)}'`);
    }
    const unit = (match[2] || 'd').toLowerCase();
    return Number(match[1]) * UNIT_DAYS[unit];
}
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


/***/ }),

/***/ 65132:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ summaryCounts)
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


/***/ }),

/***/ 54285:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ renderMarkdown),
/* harmony export */   L: () => (/* binding */ plural)
/* harmony export */ });
/* harmony import */ var _advisories_severity_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(34852);
/* harmony import */ var _counts_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(65132);
/* harmony import */ var _shared_escape_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76242);
/* harmony import */ var _shared_paths_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(40405);




const SEVERITY_BADGE = {
    critical: '🟥 critical',
    high: '🟧 high',
    medium: '🟨 medium',
    low: '🟩 low',
    unknown: '⬜ unknown'
};
/** The job summary: the verdict first, then malware, findings by package, licenses, ignores, skips. */
function renderMarkdown(outcome, options) {
    const at = (file, line) => {
        const shown = (0,_shared_paths_js__WEBPACK_IMPORTED_MODULE_1__/* .repositoryPath */ .S)(file, options.repositoryRoot);
        return (0,_shared_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeMarkdown */ .FV)(line > 0 ? `${shown}:${line}` : shown);
    };
    const declared = (pkg) => pkg.declarations.map(dep => at(dep.location.file, dep.location.line)).join('<br>');
    const lines = ['## Python dependency audit', '', ...verdict(outcome), ''];
    const malicious = outcome.packages.flatMap(pkg => pkg.vulnerabilities.filter(v => v.malicious && !v.ignored).map(v => ({ pkg, v })));
    if (malicious.length > 0) {
        lines.push('### 🚨 Malicious packages', '');
        lines.push('These packages are known malware, not merely vulnerable. Remove them, and rotate every credential and secret the environments that installed them could reach.', '');
        lines.push('| Package | Version | Advisory | Declared in |', '| --- | --- | --- | --- |');
        for (const { pkg, v } of malicious) {
            lines.push(row([
                `**${(0,_shared_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeMarkdown */ .FV)(pkg.name)}**`,
                (0,_shared_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeMarkdown */ .FV)(pkg.version),
                link(v.id),
                declared(pkg)
            ]));
        }
        lines.push('');
    }
    const vulnerable = outcome.packages
        .filter(pkg => pkg.vulnerabilities.some(v => !v.ignored && !v.malicious))
        .sort((a, b) => (0,_advisories_severity_js__WEBPACK_IMPORTED_MODULE_0__/* .compareSeverity */ .zK)(worst(a).severity, worst(b).severity));
    if (vulnerable.length > 0) {
        const max = options.maxPackages ?? Infinity;
        lines.push('### Vulnerabilities', '');
        for (const pkg of vulnerable.slice(0, max)) {
            const active = pkg.vulnerabilities.filter(v => !v.ignored && !v.malicious);
            lines.push(`#### ${(0,_shared_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeMarkdown */ .FV)(pkg.name)} ${(0,_shared_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeMarkdown */ .FV)(pkg.version)}: ${upgradeAdvice(pkg)}`, '');
            lines.push(`Declared in ${declared(pkg)}`, '');
            lines.push('| Severity | Advisory | Fixed in | Summary |', '| --- | --- | --- | --- |');
            for (const v of active) {
                lines.push(row([
                    severityCell(v),
                    `${link(v.id)}${v.aliases.length ? `<br><sub>${v.aliases.map(_shared_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeMarkdown */ .FV).join(', ')}</sub>` : ''}`,
                    v.fixVersions.length ? v.fixVersions.map(_shared_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeMarkdown */ .FV).join(', ') : 'no fix known',
                    (0,_shared_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeMarkdown */ .FV)((0,_shared_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .truncate */ .xv)(v.description, options.maxDescription ?? 200))
                ]));
            }
            lines.push('');
        }
        if (vulnerable.length > max) {
            lines.push(`…and ${vulnerable.length - max} more vulnerable packages: see the full report in the workflow artifact.`, '');
        }
    }
    const violations = outcome.licenses.filter(entry => entry.violation);
    if (violations.length > 0) {
        lines.push(`### License violations (${violations.length})`, '');
        lines.push('| Package | Version | License | SPDX | Rule |', '| --- | --- | --- | --- | --- |');
        for (const entry of violations)
            lines.push(licenseRow(entry));
        lines.push('');
    }
    const ignored = outcome.packages.flatMap(pkg => pkg.vulnerabilities.filter(v => v.ignored).map(v => ({ pkg, v })));
    if (ignored.length > 0) {
        lines.push(`### Ignored findings (${ignored.length})`, '');
        lines.push('| Package | Advisory | Severity | Reason | Until | Rule |', '| --- | --- | --- | --- | --- | --- |');
        for (const { pkg, v } of ignored) {
            lines.push(row([
                `${(0,_shared_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeMarkdown */ .FV)(pkg.name)} ${(0,_shared_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeMarkdown */ .FV)(pkg.version)}`,
                link(v.id),
                severityCell(v),
                (0,_shared_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeMarkdown */ .FV)(v.ignored?.reason ?? '(no reason given)'),
                (0,_shared_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeMarkdown */ .FV)(v.ignored?.until ?? 'no expiry'),
                (0,_shared_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeMarkdown */ .FV)(v.ignored?.origin ?? '')
            ]));
        }
        lines.push('');
    }
    if (outcome.skipped.length > 0) {
        lines.push(`### Not audited (${outcome.skipped.length})`, '');
        lines.push('| Dependency | Declared in | Reason |', '| --- | --- | --- |');
        for (const skip of outcome.skipped) {
            lines.push(row([
                (0,_shared_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeMarkdown */ .FV)(skip.version ? `${skip.name} ${skip.version}` : skip.name),
                at(skip.location.file, skip.location.line),
                (0,_shared_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeMarkdown */ .FV)(skip.reason)
            ]));
        }
        lines.push('');
    }
    lines.push(footer(outcome, options.repositoryRoot), '');
    return lines.join('\n');
}
function verdict(outcome) {
    const counts = (0,_counts_js__WEBPACK_IMPORTED_MODULE_3__/* .summaryCounts */ .N)(outcome);
    const parts = [];
    if (counts.malicious > 0)
        parts.push(`🚨 ${plural(counts.malicious, 'malicious package')}`);
    if (counts.vulnerabilities > 0) {
        const levels = Object.entries(counts.by_severity)
            .filter(([, n]) => n > 0)
            .map(([level, n]) => `${n} ${level}`)
            .join(', ');
        parts.push(`${plural(counts.vulnerabilities, 'vulnerability', 'vulnerabilities')} (${levels}) in ${plural(counts.vulnerable_packages, 'package')}`);
    }
    if (counts.license_violations > 0)
        parts.push(plural(counts.license_violations, 'license violation'));
    if (counts.ignored > 0)
        parts.push(`${counts.ignored} ignored`);
    if (counts.skipped > 0)
        parts.push(`${counts.skipped} not audited`);
    const head = outcome.result === 'fail'
        ? '### ❌ Failed'
        : parts.length
            ? '### ⚠️ Passed with findings'
            : '### ✅ Passed';
    const detail = counts.vulnerabilities === 0 && counts.malicious === 0
        ? [`No known vulnerabilities in ${plural(counts.packages, 'package')}.`, ...parts]
        : [`${counts.packages} packages audited`, ...parts];
    return [
        head,
        '',
        `**${detail.join(' · ')}**`,
        ...outcome.failureReasons.map(reason => `\n> ${(0,_shared_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeMarkdown */ .FV)(reason)}`)
    ];
}
function upgradeAdvice(pkg) {
    if (pkg.recommendedVersion === undefined)
        return 'vulnerable';
    return pkg.recommendedVersion === null
        ? 'no version without known vulnerabilities'
        : `upgrade to **${(0,_shared_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeMarkdown */ .FV)(pkg.recommendedVersion)}**`;
}
function worst(pkg) {
    const active = pkg.vulnerabilities.filter(v => !v.ignored);
    return ([...active].sort((a, b) => (0,_advisories_severity_js__WEBPACK_IMPORTED_MODULE_0__/* .compareSeverity */ .zK)(a.severity, b.severity))[0] ??
        pkg.vulnerabilities[0]);
}
function severityCell(v) {
    const badge = SEVERITY_BADGE[v.severity.level] ?? v.severity.level;
    return v.severity.score !== undefined ? `${badge} ${v.severity.score.toFixed(1)}` : badge;
}
function licenseRow(entry) {
    return row([
        `**${(0,_shared_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeMarkdown */ .FV)(entry.name)}**`,
        (0,_shared_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeMarkdown */ .FV)(entry.version),
        (0,_shared_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeMarkdown */ .FV)(entry.license),
        entry.spdx ? (0,_shared_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeMarkdown */ .FV)(entry.spdx) : '—',
        (0,_shared_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeMarkdown */ .FV)(entry.rule ?? '')
    ]);
}
function link(id) {
    return `[${(0,_shared_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeMarkdown */ .FV)(id)}](${(0,_shared_paths_js__WEBPACK_IMPORTED_MODULE_1__/* .advisoryUrl */ .L)(id)})`;
}
function footer(outcome, root) {
    const files = outcome.sources.map(source => `${(0,_shared_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeMarkdown */ .FV)((0,_shared_paths_js__WEBPACK_IMPORTED_MODULE_1__/* .repositoryPath */ .S)(source.file, root))} (${source.format})`);
    const database = outcome.databaseUpdated
        ? `, data updated ${outcome.databaseUpdated.slice(0, 10)}`
        : '';
    return `<sub>Read ${files.length ? files.join(', ') : 'no dependency files'}. Checked against ${(0,_shared_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .escapeMarkdown */ .FV)(outcome.feed)}${database}. ${outcome.tool.name} ${outcome.tool.version}.</sub>`;
}
function row(cells) {
    return `| ${cells.join(' | ')} |`;
}
function plural(count, singular, pluralForm = `${singular}s`) {
    return `${count} ${count === 1 ? singular : pluralForm}`;
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
/* harmony export */   Pl: () => (/* binding */ safeUrl),
/* harmony export */   xv: () => (/* binding */ truncate)
/* harmony export */ });
/**
 * Escaping for untrusted text (advisory summaries, package names, file paths) shown in
 * Markdown that GitHub renders with HTML allowed: nothing may become a tag, a link, an
 * image, a table cell break or a heading.
 */
function escapeMarkdown(text) {
    return (text
        // eslint-disable-next-line no-control-regex
        .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
        .replace(/\r?\n|\r/g, ' ')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/([\\`*_[\]()#!|~@])/g, '\\$1'));
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

/***/ 23682:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

// ae-cvss-calculator, required on first use rather than when the bundle loads: a warm run
// takes every score from the advisory cache and never needs it (see severity.ts). CommonJS
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
