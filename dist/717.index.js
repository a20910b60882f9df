export const id = 717;
export const ids = [717];
export const modules = {

/***/ 24717:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  zZ: () => (/* binding */ healthQueries),
  f4: () => (/* binding */ lookUpPackageIndexes)
});

// UNUSED EXPORTS: DEFAULT_MULTIPLEXED_CONCURRENCY, readProjectPage

// EXTERNAL MODULE: ./src/net/http.ts
var http = __webpack_require__(59663);
// EXTERNAL MODULE: ./src/health/filenames.ts
var filenames = __webpack_require__(42600);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/advisories/atomic-file.ts
var atomic_file = __webpack_require__(84125);
// EXTERNAL MODULE: ./src/advisories/cache-dir.ts
var cache_dir = __webpack_require__(60223);
// EXTERNAL MODULE: ./src/advisories/record-pack.ts + 1 modules
var record_pack = __webpack_require__(23625);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(58382);
// EXTERNAL MODULE: ./src/shared/json-shape.ts
var json_shape = __webpack_require__(66511);
// EXTERNAL MODULE: ./src/shared/log.ts
var log = __webpack_require__(21827);
// EXTERNAL MODULE: ./src/net/client-setup.ts
var client_setup = __webpack_require__(73236);
// EXTERNAL MODULE: ./src/net/retry.ts
var retry = __webpack_require__(37893);
// EXTERNAL MODULE: ./src/net/collect.ts
var collect = __webpack_require__(13009);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
;// CONCATENATED MODULE: ./src/net/content-encoding.ts
/**
 * Bodies asked for compressed. A package index's project pages are JSON that lists every
 * file of every release with its digests and URL: hundreds of KB to several MB each, 5-10x
 * smaller gzipped. PyPI (Warehouse) gzips them for a client that accepts it, as for pip; this
 * client asks the same (`gzip` only: what Warehouse offers, and what every index can serve).
 *
 * The bytes of a large page are inflated on libuv's thread pool, not the main thread; a small
 * one here. Either way under the same cap as the bytes on the wire (`maxBytes`): a small answer
 * that inflates past it is refused as too large, so a "zip bomb" costs the run no more memory
 * than a plain answer could.
 */


/** The Accept-Encoding a request sends. */
const ACCEPTED_ENCODING = 'gzip';
/**
 * A body this small (compressed) is inflated here: a trip to the thread pool and back costs
 * the main thread more than inflating ~100 KB (a small project's page) does.
 */
const INFLATE_HERE_BYTES = 16 * 1024;
/**
 * The text of `bytes` sent with `contentEncoding` (none, identity or gzip). Another coding
 * was not asked for: a failure, not retried (the server would answer the same). Bytes that do
 * not inflate are a malformed answer, retried once. Over `maxBytes` inflated: the cap's error,
 * thrown as the readers throw it.
 */
async function decodeBody(bytes, contentEncoding, maxBytes) {
    const codings = (contentEncoding ?? '')
        .split(',')
        .map(coding => coding.trim().toLowerCase())
        .filter(coding => coding !== '' && coding !== 'identity');
    if (codings.length === 0)
        return { ok: true, text: bytes.toString('utf8') };
    if (codings.length > 1 || (codings[0] !== 'gzip' && codings[0] !== 'x-gzip')) {
        const named = JSON.stringify(codings.join(', ').slice(0, 40));
        const description = `answered in content-encoding ${named}, which was not asked for`;
        return { ok: false, failure: { description, retryable: false } };
    }
    let inflated;
    try {
        const options = { maxOutputLength: maxBytes, chunkSize: outputChunkSize(bytes, maxBytes) };
        inflated =
            bytes.length <= INFLATE_HERE_BYTES
                ? (0,external_node_zlib_.gunzipSync)(bytes, options)
                : await new Promise((resolve, reject) => (0,external_node_zlib_.gunzip)(bytes, options, (error, result) => (error ? reject(error) : resolve(result))));
    }
    catch (error) {
        if (error.code === 'ERR_BUFFER_TOO_LARGE') {
            throw (0,collect/* responseTooLarge */.Fh)(maxBytes);
        }
        const detail = error instanceof Error ? error.message : String(error);
        return {
            ok: false,
            failure: {
                description: `the gzip body does not inflate (${detail.slice(0, 80)})`,
                retryable: true,
                malformed: true
            }
        };
    }
    return { ok: true, text: inflated.toString('utf8') };
}
/** zlib's least chunk size (Z_MIN_CHUNK). */
const MIN_CHUNK = 64;
/** What a stated size may make the inflating allocate at once: a lie costs no more. */
const MAX_CHUNK = 8 * 1024 * 1024;
/**
 * The inflating's output buffer: the size gzip's trailer states (ISIZE, RFC 1952), so that a
 * page comes out in one piece. With zlib's 16 KB default, a 5 MB page was 300 pieces, each a
 * call back on the main thread, then copied into one: on 70 MB of pages, ~120 ms of it. The
 * stated size is only a hint (the server may lie): bounded here, and the cap still holds.
 */
function outputChunkSize(bytes, maxBytes) {
    const stated = bytes.length >= 18 ? bytes.readUInt32LE(bytes.length - 4) : 0;
    return Math.max(MIN_CHUNK, Math.min(stated + 1, maxBytes + 1, MAX_CHUNK));
}

// EXTERNAL MODULE: external "node:http2"
var external_node_http2_ = __webpack_require__(32467);
// EXTERNAL MODULE: ./src/net/connections.ts
var connections = __webpack_require__(92994);
;// CONCATENATED MODULE: ./src/net/h2-request.ts
/**
 * One GET on an origin's h2 session (h2-direct.ts), read whole as collect() reads an answer
 * (collect.ts): a stream when the session has one to spare under the server's limit, else a
 * turn in line; the deadline, the caller's abort (through the session's shared listener),
 * an idle limit while the answer comes, the size cap, and a clean end as the only success.
 */


/** What session.request() throws when the session is going or gone. */
const SESSION_GONE = new Set([
    'ERR_HTTP2_INVALID_SESSION',
    'ERR_HTTP2_GOAWAY_SESSION',
    'ERR_HTTP2_OUT_OF_STREAMS'
]);
/**
 * `url` asked with GET on `entry`'s session. `aborts` is the set the session's one listener
 * on the request's signal calls; `readTimeoutMs` 0 sets no idle limit.
 */
function requestOn(entry, url, request, aborts, readTimeoutMs) {
    const { signal, deadlineAt, maxResponseBytes, keepBody } = request;
    return new Promise((resolve, reject) => {
        if (signal?.aborted) {
            reject(signal.reason);
            return;
        }
        let stream;
        let settled = false;
        let holding = false;
        let timer;
        const done = () => {
            if (settled)
                return false;
            settled = true;
            aborts?.delete(fail);
            if (timer !== undefined)
                clearTimeout(timer);
            if (holding)
                release(entry);
            return true;
        };
        function fail(error) {
            if (!done())
                return;
            reject(error);
            if (stream && !stream.closed)
                stream.close(external_node_http2_.constants.NGHTTP2_CANCEL);
        }
        aborts?.add(fail);
        if (deadlineAt !== undefined) {
            const remaining = deadlineAt - performance.now();
            if (remaining <= 0) {
                fail(new collect/* DeadlineError */.j3());
                return;
            }
            timer = setTimeout(() => fail(new collect/* DeadlineError */.j3()), remaining);
        }
        const start = () => {
            try {
                stream = entry.session.request({ ':method': 'GET', ':path': `${url.pathname}${url.search}`, ...request.headers }, { endStream: true });
            }
            catch (error) {
                // The session went away while this request waited its turn: a dropped connection.
                const code = error.code;
                const gone = typeof code === 'string' && SESSION_GONE.has(code);
                fail(gone ? Object.assign(error, { code: 'ERR_HTTP2_SESSION_ERROR' }) : error);
                return;
            }
            if (readTimeoutMs > 0) {
                stream.setTimeout(readTimeoutMs, () => fail(Object.assign(new Error('the server went quiet'), { code: 'UND_ERR_BODY_TIMEOUT' })));
            }
            let statusCode = 0;
            let headers = {};
            let keep = false;
            let size = 0;
            const chunks = [];
            stream.on('response', (received) => {
                statusCode = Number(received[':status']);
                headers = headerRecord(received);
                keep = keepBody(statusCode);
            });
            stream.on('data', (chunk) => {
                if (!keep)
                    return;
                size += chunk.length;
                if (size > maxResponseBytes) {
                    fail((0,collect/* responseTooLarge */.Fh)(maxResponseBytes));
                    return;
                }
                chunks.push(chunk);
            });
            let ended = false;
            stream.on('end', () => (ended = true));
            stream.on('error', fail);
            // Only a stream that ended cleanly gave its whole answer: a reset (RST_STREAM), a refusal
            // after a GOAWAY or a lost session end it too, without a status or before its end.
            stream.on('close', () => {
                const code = stream?.rstCode ?? external_node_http2_.constants.NGHTTP2_NO_ERROR;
                if (ended && statusCode > 0 && code === external_node_http2_.constants.NGHTTP2_NO_ERROR) {
                    if (!done())
                        return;
                    resolve({
                        statusCode,
                        headers,
                        body: (0,collect/* joined */.oR)(chunks, keep)
                    });
                    return;
                }
                const error = new Error(`the stream closed before its answer was in (HTTP/2 code ${code})`);
                fail(Object.assign(error, { code: 'ERR_HTTP2_STREAM_ERROR' }));
            });
        };
        whenFree(entry, () => {
            holding = true;
            if (settled)
                release(entry);
            else
                start();
        });
    });
}
/** Runs `start` once the session has a stream to spare (at once, mostly). */
function whenFree(entry, start) {
    const limit = entry.session.remoteSettings?.maxConcurrentStreams ?? Infinity;
    if (entry.active < limit) {
        entry.active++;
        start();
    }
    else {
        entry.waiting.push(start);
    }
}
/** A stream is done: the next waiting request takes its place. */
function release(entry) {
    const next = entry.waiting.shift();
    if (next)
        next();
    else
        entry.active--;
}
/** Node's answer headers as collect() gives them: lower-case names, no pseudo-headers. */
function headerRecord(received) {
    const record = Object.create(null);
    for (const name of Object.keys(received)) {
        if (!name.startsWith(':'))
            record[name] = received[name];
    }
    return record;
}

;// CONCATENATED MODULE: ./src/net/h2-direct.ts
/**
 * Requests over HTTP/2 on Node's own client session (node:http2), for a package index's 200
 * project pages at once. undici's HTTP/2 client is built on the same session and adds, per
 * request, its own request object, queue and handler calls: on 200 small pages, a third of
 * the client's CPU for them, and the run's critical path. The answer is collect()'s
 * (collect.ts): status, headers, the body's bytes as sent (none when `keepBody` does not want
 * them), under one deadline for the whole request.
 *
 * One session per origin, opened by the first request (or `open`) with ALPN h2 only; more, up to
 * MAX_SESSIONS_PER_ORIGIN, when the caller says it will ask more at once than one session is
 * likely to carry (`open(origin, sessions)`). A server caps the streams a session carries at
 * once (SETTINGS_MAX_CONCURRENT_STREAMS; 100 is the common default, RFC 9113 recommends no
 * less): 200 requests on one session of 100 wait a second round trip, while two sessions opened
 * together, their handshakes in parallel, carry all 200 in one. A request takes the first
 * session with a stream to spare (one still opening counts as carrying 100): a server that
 * allows them all gets them all on one.
 *
 * An origin none of whose sessions could be opened (no h2 there, or TLS or the network failed)
 * is `unavailable` for the rest of the run: its requests fail with DirectUnavailableError,
 * which tells the caller to use its other connections (undici's, which also speak HTTP/1.1).
 * An extra session that fails to open is dropped, and its requests take another. A session
 * that fails or goes away after it was up is forgotten, and the streams on it fail as a dropped
 * connection does (ERR_HTTP2_STREAM_ERROR: retried by the caller's loop); the next request
 * opens a new one. Certificates are checked as everywhere (the pool's trust).
 */



/** The origin has no usable h2 session (see the module's comment): ask it another way. */
class DirectUnavailableError extends Error {
    origin;
    reason;
    name = 'DirectUnavailableError';
    constructor(origin, reason) {
        super(`no HTTP/2 session to ${origin}`);
        this.origin = origin;
        this.reason = reason;
    }
}
/** Sessions to one origin at most. */
const MAX_SESSIONS_PER_ORIGIN = 4;
/** Streams a session is taken to carry before its server's SETTINGS say: the usual default. */
const ASSUMED_STREAM_LIMIT = 100;
/** Sessions enough to carry `requests` at once, at ASSUMED_STREAM_LIMIT each. */
function sessionsFor(requests) {
    return Math.min(MAX_SESSIONS_PER_ORIGIN, Math.max(1, Math.ceil(requests / ASSUMED_STREAM_LIMIT)));
}
class DirectH2 {
    options;
    /** Each origin's live sessions, the first opened first. */
    pools = new Map();
    unavailable = new Map();
    /** One abort listener per signal, for all the requests under it (200 listeners cost O(n²)). */
    aborters = new WeakMap();
    constructor(options) {
        this.options = options;
    }
    /**
     * Opens sessions to the origin until it has `sessions` (at most MAX_SESSIONS_PER_ORIGIN);
     * settles with what its first came to.
     */
    open(origin, sessions = 1) {
        if (this.unavailable.has(origin))
            return Promise.resolve('unavailable');
        const pool = this.poolOf(origin);
        const wanted = Math.min(sessions, MAX_SESSIONS_PER_ORIGIN);
        while (pool.length < wanted)
            this.openSession(origin, pool);
        return pool[0].opened;
    }
    /** Whether the origin has a session up: undefined while it opens or before it is tried. */
    state(origin) {
        if (this.unavailable.has(origin))
            return 'unavailable';
        return this.pools.get(origin)?.some(entry => entry.up) ? 'h2' : undefined;
    }
    /** `url` asked with GET; rejects with DirectUnavailableError when the origin has no h2. */
    async collect(url, request) {
        const { origin } = url;
        for (;;) {
            if (this.unavailable.has(origin)) {
                throw new DirectUnavailableError(origin, this.unavailable.get(origin));
            }
            const entry = this.pick(origin);
            entry.assigned++;
            try {
                // An extra session that could not open is dropped: the request takes another.
                if ((await entry.opened) === 'unavailable')
                    continue;
                return await this.stream(entry, url, request);
            }
            finally {
                entry.assigned--;
            }
        }
    }
    /** Ends every session: at once (`destroy`), or once their streams are done. */
    close(destroy = false) {
        for (const pool of this.pools.values()) {
            for (const { session } of pool) {
                if (destroy)
                    session.destroy();
                else
                    session.close();
            }
        }
        this.pools.clear();
    }
    /** The origin's live sessions; its first is opened when it has none. */
    poolOf(origin) {
        let pool = this.pools.get(origin);
        if (pool === undefined)
            this.pools.set(origin, (pool = []));
        if (pool.length === 0)
            this.openSession(origin, pool);
        return pool;
    }
    /**
     * The first session up with a stream to spare (one session carries all it can, as HTTP/2
     * means); else the first still opening with room, counting ASSUMED_STREAM_LIMIT for it; else
     * the one with the fewest requests beyond its limit (they wait their turn there).
     */
    pick(origin) {
        const pool = this.poolOf(origin);
        for (const entry of pool)
            if (entry.up && spareOf(entry) > 0)
                return entry;
        for (const entry of pool)
            if (!entry.up && spareOf(entry) > 0)
                return entry;
        let best = pool[0];
        for (const entry of pool)
            if (spareOf(entry) > spareOf(best))
                best = entry;
        return best;
    }
    openSession(origin, pool) {
        const session = (0,external_node_http2_.connect)(origin, {
            ...(this.options.secureContext ? { secureContext: this.options.secureContext } : {}),
            settings: { enablePush: false, initialWindowSize: connections/* H2_STREAM_WINDOW */.Bg }
        });
        let settle = () => { };
        const opened = new Promise(resolve => (settle = resolve));
        const entry = { session, opened, up: false, active: 0, waiting: [], assigned: 0 };
        const timer = setTimeout(() => {
            session.destroy(Object.assign(new Error('connecting took too long'), { code: 'UND_ERR_CONNECT_TIMEOUT' }));
        }, this.options.connectTimeoutMs);
        // Up once the server's SETTINGS are in: its stream limit is known before a burst.
        session.once('remoteSettings', () => {
            entry.up = true;
            clearTimeout(timer);
            try {
                session.setLocalWindowSize(connections/* H2_CONNECTION_WINDOW */.fR);
            }
            catch {
                // Best effort: Node's default window only slows large pages.
            }
            settle('h2');
        });
        const forget = (error) => {
            clearTimeout(timer);
            const at = pool.indexOf(entry);
            if (at !== -1)
                pool.splice(at, 1);
            if (!entry.up) {
                // Never up, and no other session of the origin up or opening: it is asked another way
                // for the rest of the run. The error, when one comes, says why (it may come after the
                // close).
                if (pool.length === 0 && (error !== undefined || !this.unavailable.has(origin))) {
                    this.unavailable.set(origin, error ?? new Error('the session closed before it was up'));
                }
                settle('unavailable');
            }
            // Requests waiting for a stream of it fail now (and are retried on a new session).
            if (session.closed || session.destroyed) {
                for (const next of entry.waiting.splice(0))
                    next();
            }
        };
        // A session's error reaches its streams too (each fails, and is retried): here the
        // session is only forgotten, so that the next request opens a new one.
        session.on('error', forget);
        session.on('goaway', () => forget());
        session.on('close', () => forget());
        pool.push(entry);
        return entry;
    }
    stream(entry, url, request) {
        const aborts = request.signal ? this.abortsOf(request.signal) : undefined;
        return requestOn(entry, url, request, aborts, this.options.readTimeoutMs ?? 0);
    }
    abortsOf(signal) {
        let aborts = this.aborters.get(signal);
        if (aborts === undefined) {
            const all = new Set();
            aborts = all;
            this.aborters.set(signal, all);
            signal.addEventListener('abort', () => {
                for (const abort of [...all])
                    abort(signal.reason);
            }, { once: true });
        }
        return aborts;
    }
}
/** Streams the session can take on: its server's limit (or the assumed one) less its load. */
function spareOf(entry) {
    const limit = entry.up
        ? (entry.session.remoteSettings?.maxConcurrentStreams ?? Infinity)
        : ASSUMED_STREAM_LIMIT;
    return limit - entry.assigned;
}

// EXTERNAL MODULE: ./src/health/index-url.ts
var index_url = __webpack_require__(60178);
// EXTERNAL MODULE: ./src/shared/text.ts
var shared_text = __webpack_require__(24646);
// EXTERNAL MODULE: ./src/health/version-key.ts
var version_key = __webpack_require__(39756);
;// CONCATENATED MODULE: ./src/health/project-facts.ts
/**
 * From the files an index page lists to the small answer the checks read: the project's
 * PEP 792 status; for each version asked for, how many files it has, how many are yanked, and
 * their sha256 digests; and the versions the index has, and those it has yanked whole (what a
 * recommended upgrade must be, and must not be). Both page formats (PEP 691 JSON, PEP 503
 * HTML) end here.
 */



/** A page that is not what the API promises; the client retries once, then fails closed. */
class PageFormatError extends Error {
    name = 'PageFormatError';
}
const KNOWN_STATUSES = [
    'active',
    'archived',
    'quarantined',
    'deprecated'
];
/** Index-given text is shown in reports: one line, and not a page long. */
const MAX_REASON_LENGTH = 300;
const SHA256 = /^[0-9a-f]{64}$/;
/** PEP 792: a status this tool does not know reads as active; the reason only with a status. */
function readProjectStatus(status, reason) {
    const name = typeof status === 'string' ? status.trim().toLowerCase() : '';
    const known = KNOWN_STATUSES.find(candidate => candidate === name);
    if (known === undefined)
        return { status: 'active' };
    const shown = typeof reason === 'string' ? cleanText(reason) : '';
    return shown === '' ? { status: known } : { status: known, reason: shown };
}
/** A sha256 as pages write it (any case); undefined when it is not 64 hex digits. */
function readSha256(value) {
    if (typeof value !== 'string')
        return undefined;
    const lower = value.trim().toLowerCase();
    return SHA256.test(lower) ? lower : undefined;
}
/** Untrusted text made safe to carry: control characters gone, one line, bounded. */
function cleanText(text) {
    // eslint-disable-next-line no-control-regex
    const flat = text.replace(/[\u0000-\u001f\u007f]/g, ' ');
    return (0,shared_text/* excerpt */.Kb)(flat.replace(/\s+/g, ' ').trim(), MAX_REASON_LENGTH);
}
/**
 * The answer for `wanted` versions of project `normalizedName` (each as written; PEP 440
 * equality decides which files belong to it). Files of other versions are kept only as far as
 * the version lists go: which versions exist (`listedVersions`, PEP 700's `versions[]`, when
 * the page gives one; else the files' versions) and which have every file yanked.
 */
function projectFacts(normalizedName, files, status, wanted, listedVersions) {
    const list = {
        entries: files,
        filename: file => file.filename,
        yanked: file => file.yanked !== false,
        file: file => file
    };
    return projectFactsOf(normalizedName, list, status, wanted, listedVersions);
}
/**
 * projectFacts from a page's own entries, without a ListedFile for each. A page that gives
 * `versions[]` (PEP 700) lists every version the index has, thousands for some projects: a
 * file's version is keyed (PEP 440) only when its release signature is one the reading looks
 * for, the wanted releases', or a yanked file's; the rest are only named and counted.
 */
function projectFactsOf(normalizedName, files, status, wanted, listedVersions) {
    const releases = new Map();
    for (const version of wanted) {
        const key = (0,version_key/* versionKey */._5)(version);
        if (!releases.has(key)) {
            releases.set(key, { version, files: 0, yankedFiles: 0, sha256: [], filesWithoutSha256: 0 });
        }
    }
    const listed = listedVersions === undefined ? undefined : new ListedVersions(listedVersions);
    const tally = listed === undefined ? new VersionTally() : undefined;
    const wantedReleases = new Set(wanted.map(version_key/* releaseSignature */.qQ));
    // With versions[], a file that is not yanked matters only if it is of a version asked for.
    const mayBeWanted = listed === undefined ? undefined : (0,version_key/* releaseDigitsFilter */._V)(wanted);
    const versionOfFile = (0,filenames/* fileVersionReader */.Sv)(normalizedName);
    const { entries } = files;
    for (let index = 0; index < entries.length; index++) {
        const entry = entries[index];
        const filename = files.filename(entry, index);
        if (mayBeWanted !== undefined &&
            !files.yanked(entry) &&
            !mayBeWanted(filename, (0,filenames/* versionPartEnd */.HM)(filename))) {
            continue;
        }
        const version = versionOfFile(filename);
        if (version === undefined)
            continue;
        let key;
        if (tally !== undefined) {
            // Without versions[], every file's version is one of the list: each is keyed once.
            key = (0,version_key/* versionKey */._5)(version);
            tally.count(key, version, files.yanked(entry));
        }
        else {
            const signature = (0,version_key/* releaseSignature */.qQ)(version);
            if (files.yanked(entry))
                listed.yankedFile(version, signature);
            if (!wantedReleases.has(signature))
                continue;
            key = (0,version_key/* versionKey */._5)(version);
        }
        const release = releases.get(key);
        if (release === undefined)
            continue;
        const file = files.file(entry, index);
        release.files++;
        if (file.yanked !== false) {
            release.yankedFiles++;
            const reason = cleanText(file.yanked);
            if (release.yankedReason === undefined && reason !== '')
                release.yankedReason = reason;
        }
        if (file.sha256 === undefined)
            release.filesWithoutSha256++;
        else if (!release.sha256.includes(file.sha256))
            release.sha256.push(file.sha256);
    }
    for (const release of releases.values())
        release.sha256.sort();
    const lists = tally ? tally.lists() : listed.lists(liveFileVersions(files, versionOfFile));
    return { status, releases: [...releases.values()], ...lists };
}
/** The versions of the files that are not yanked (read again only for a page with yanked files). */
function* liveFileVersions(files, versionOfFile) {
    const { entries } = files;
    for (let index = 0; index < entries.length; index++) {
        const entry = entries[index];
        if (files.yanked(entry))
            continue;
        const version = versionOfFile(files.filename(entry, index));
        if (version !== undefined)
            yield version;
    }
}
/**
 * The version lists of a page without `versions[]`: its files' versions, each once by PEP 440
 * (its first spelling), and those whose every file is yanked.
 */
class VersionTally {
    seen = new Map();
    /** A file of `version`, whose key is `key`. */
    count(key, version, yanked) {
        let entry = this.seen.get(key);
        if (entry === undefined) {
            if (version.trim() === '')
                return;
            entry = { version, live: false };
            this.seen.set(key, entry);
        }
        if (!yanked)
            entry.live = true;
    }
    lists() {
        const versions = [];
        const yankedVersions = [];
        for (const entry of this.seen.values()) {
            versions.push(entry.version);
            if (!entry.live)
                yankedVersions.push(entry.version);
        }
        return { versions, yankedVersions };
    }
}
/**
 * The version lists of a page with `versions[]` (PEP 700): the listed versions, each spelling
 * once, and those whose every file is yanked. Only the yanked files' versions are kept while
 * the files are read; a listed version is keyed only when a yanked file shares its signature.
 */
class ListedVersions {
    versions;
    /** The yanked files' versions, by release signature. */
    yanked = new Map();
    constructor(listed) {
        const seen = new Set();
        for (const version of listed) {
            if (typeof version === 'string' && version.trim() !== '')
                seen.add(version);
        }
        this.versions = [...seen];
    }
    yankedFile(version, signature) {
        const versions = this.yanked.get(signature);
        if (versions === undefined)
            this.yanked.set(signature, [version]);
        else
            versions.push(version);
    }
    /** The lists, given the versions of the files not yanked (read only when some file is). */
    lists(liveVersions) {
        const versions = this.versions;
        if (this.yanked.size === 0)
            return { versions, yankedVersions: [] };
        const yankedKeys = new Set();
        for (const spellings of this.yanked.values()) {
            for (const version of spellings)
                yankedKeys.add((0,version_key/* versionKey */._5)(version));
        }
        // A live file of a yanked file's release keeps that version offered.
        for (const version of liveVersions) {
            if (this.yanked.has((0,version_key/* releaseSignature */.qQ)(version)))
                yankedKeys.delete((0,version_key/* versionKey */._5)(version));
        }
        const yankedVersions = versions.filter(version => this.yanked.has((0,version_key/* releaseSignature */.qQ)(version)) && yankedKeys.has((0,version_key/* versionKey */._5)(version)));
        return { versions, yankedVersions };
    }
}

;// CONCATENATED MODULE: ./src/health/index-http.ts
/**
 * Fetching project pages from package indexes. src/net/http.ts's JsonClient asks only for
 * `application/json` and reads only JSON, and a PEP 503 index answers HTML, so this is a thin
 * client on the same set-up (src/net/client-setup.ts: the pool, HTTP/2 when allowed, one
 * deadline for the whole request) and the same retry loop (src/net/retry.ts: full-jitter
 * backoff for 429, 5xx, dropped connections, timeouts and a truncated or malformed page, once;
 * Retry-After honoured up to a cap), and a FeedError naming the index (never its credentials)
 * when it finally fails. 404 and 410 are an answer ("no such project"), not a failure.
 * Redirects are followed (pip does), without the credentials when they lead to another origin.
 * A request may be conditional (If-None-Match, If-Modified-Since), for the index cache.
 *
 * With HTTP/2 allowed and no proxy, an https index is asked on its own h2 session
 * (src/net/h2-direct.ts: 200 pages cost a third less CPU than through undici); an index that
 * has no h2 to give is asked through the pool, in HTTP/1.1, from that request on.
 */







/** PEP 691: JSON preferred, HTML accepted from indexes that only have that. */
const PROJECT_PAGE_ACCEPT = 'application/vnd.pypi.simple.v1+json, text/html;q=0.1';
const ABSENT_STATUSES = [404, 410];
const REDIRECT_STATUSES = [301, 302, 303, 307, 308];
const MAX_REDIRECTS = 5;
/** Validators longer than this are not kept: no index sends such, and they go in a file. */
const MAX_VALIDATOR_LENGTH = 256;
class IndexClient {
    requestTimeoutMs;
    /** undici's per-read timeouts; 0 turns them off. */
    readTimeoutMs;
    maxResponseBytes;
    connections;
    setup;
    origins = new Map();
    /** The index's own h2 sessions (h2-direct.ts), when h2 is allowed and no proxy is set. */
    direct;
    constructor(options = {}) {
        const setup = (0,client_setup/* setUpClient */.bL)(options);
        this.requestTimeoutMs = setup.requestTimeoutMs;
        this.readTimeoutMs = setup.readTimeoutMs;
        this.maxResponseBytes = setup.maxResponseBytes;
        this.connections = setup.connections;
        this.setup = { retry: setup.retry, logger: setup.logger };
        // Behind a proxy only the pool's connections (its tunnels) reach the index.
        if (options.allowH2 && !this.connections.proxied) {
            const { secureContext } = this.connections;
            this.direct = new DirectH2({
                connectTimeoutMs: this.readTimeoutMs > 0 ? this.readTimeoutMs : this.requestTimeoutMs,
                readTimeoutMs: this.readTimeoutMs,
                ...(secureContext ? { secureContext } : {})
            });
        }
    }
    /**
     * The project page of `normalizedName` on `index`, read by `read` (which throws
     * PageFormatError for a page it cannot read); `{ found: false }` for 404 and 410. With
     * `validators` (from an earlier answer) the request is conditional, and a 304 answers
     * `{ notModified: true }`.
     */
    fetchProject(index, normalizedName, read, signal, validators) {
        const target = (0,index_url/* projectPageTarget */.cj)(index, normalizedName);
        const name = (0,index_url/* indexFeedName */.AR)(index);
        const loop = {
            ...this.setup,
            source: name,
            fail: message => new index_url/* PackageIndexError */.ts(name, message)
        };
        return (0,retry/* withRetries */.LH)(`GET ${target.pathname}`, loop, () => this.attempt(index, target, read, signal, validators), signal);
    }
    /**
     * Settles once the first connection to the index is up (or failed to open): its own h2
     * session, or when it has none to give, the pool's connection.
     */
    async ready(index) {
        const origin = this.originOf(index);
        if (this.direct && this.goesDirect(origin)) {
            if ((await this.direct.open(origin)) === 'h2')
                return;
        }
        await this.connections.ready(index.base);
    }
    /**
     * `requests` are about to be asked of the index at once: on its own h2, as many sessions
     * open now as they need (sessionsFor), their handshakes beside the first's.
     */
    prepare(index, requests) {
        const origin = this.originOf(index);
        if (this.direct && this.goesDirect(origin))
            void this.direct.open(origin, sessionsFor(requests));
    }
    /** Whether the index's connections are HTTP/2, which carries many requests each. */
    multiplexed(index) {
        const origin = this.originOf(index);
        if (this.direct?.state(origin) === 'h2')
            return true;
        return this.connections.protocolOf(index.base) === 'h2';
    }
    async close() {
        this.direct?.close();
        await this.connections.close();
    }
    async attempt(index, target, read, signal, validators) {
        let reply;
        try {
            // One limit for the whole request, headers and body, its redirects included.
            const deadlineAt = performance.now() + this.requestTimeoutMs;
            reply = await this.follow(index, target, signal, deadlineAt, validators);
        }
        catch (error) {
            if (signal?.aborted)
                throw signal.reason;
            if (error instanceof collect/* DeadlineError */.j3) {
                const description = `timed out after ${(0,client_setup/* formatSeconds */.Xo)(this.requestTimeoutMs)} (headers and body)`;
                return (0,retry/* failed */.gz)({ description, retryable: true });
            }
            return (0,retry/* failed */.gz)((0,client_setup/* describeNetworkError */.gl)(error));
        }
        if (reply.kind === 'failed')
            return (0,retry/* failed */.gz)(reply.failure);
        if (reply.kind === 'absent') {
            return { ok: true, value: { found: false, httpStatus: reply.httpStatus } };
        }
        if (reply.kind === 'unchanged')
            return { ok: true, value: { notModified: true } };
        try {
            const value = read(reply.page);
            const kept = reply.validators ? { validators: reply.validators } : {};
            return { ok: true, value: { found: true, value, ...kept } };
        }
        catch (error) {
            if (!(error instanceof PageFormatError))
                throw error;
            return (0,retry/* failed */.gz)({
                description: `unreadable project page: ${error.message}`,
                retryable: true,
                malformed: true
            });
        }
    }
    /** One request, and the redirects it leads to. */
    async follow(index, start, signal, deadlineAt, validators) {
        const origin = this.originOf(index);
        let url = start;
        for (let redirects = 0;; redirects++) {
            const sameOrigin = url.origin === origin;
            const headers = {
                accept: PROJECT_PAGE_ACCEPT,
                'accept-encoding': ACCEPTED_ENCODING,
                ...(index.authorization && sameOrigin ? { authorization: index.authorization } : {}),
                ...(validators?.etag ? { 'if-none-match': validators.etag } : {}),
                ...(validators?.lastModified ? { 'if-modified-since': validators.lastModified } : {})
            };
            const response = await this.collect(url, headers, signal, deadlineAt);
            const status = response.statusCode;
            const location = (0,client_setup/* header */.wx)(response.headers.location);
            if (REDIRECT_STATUSES.includes(status) && location !== undefined) {
                if (redirects >= MAX_REDIRECTS) {
                    return failure(`more than ${MAX_REDIRECTS} redirects`);
                }
                const next = new URL(location, url);
                if (next.protocol !== 'https:' && next.protocol !== 'http:') {
                    return failure('redirected to a URL that is not http(s)');
                }
                next.username = '';
                next.password = '';
                url = next;
                continue;
            }
            if (ABSENT_STATUSES.includes(status)) {
                return { kind: 'absent', httpStatus: status };
            }
            if (status === 304 && validators !== undefined) {
                return { kind: 'unchanged' };
            }
            if (!isSuccess(status)) {
                return { kind: 'failed', failure: statusFailure(status, response.headers) };
            }
            const decoded = await decodeBody(response.body, (0,client_setup/* header */.wx)(response.headers['content-encoding']), this.maxResponseBytes);
            if (!decoded.ok)
                return { kind: 'failed', failure: decoded.failure };
            const contentType = (0,client_setup/* header */.wx)(response.headers['content-type']) ?? '';
            const kept = validatorsOf(response.headers);
            const page = { contentType, body: decoded.text };
            return { kind: 'page', page, ...(kept ? { validators: kept } : {}) };
        }
    }
    /**
     * One request, with no redirect followed: on the index's own h2 session when it has one
     * (https, no proxy), else through the pool, which also speaks HTTP/1.1.
     */
    async collect(url, headers, signal, deadlineAt) {
        const request = {
            headers,
            ...(signal ? { signal } : {}),
            deadlineAt,
            maxResponseBytes: this.maxResponseBytes,
            // Only a page is read; other answers say all they say in their status and headers.
            keepBody: isSuccess
        };
        if (this.direct && this.goesDirect(url.origin)) {
            try {
                return await this.direct.collect(url, request);
            }
            catch (error) {
                if (!(error instanceof DirectUnavailableError))
                    throw error;
            }
        }
        return (0,collect/* collect */.Fo)(this.connections.dispatcher, url, {
            ...request,
            method: 'GET',
            headersTimeout: this.readTimeoutMs,
            bodyTimeout: this.readTimeoutMs
        });
    }
    /** Whether requests to `origin` try the own h2 session (https, and not known to lack h2). */
    goesDirect(origin) {
        return origin.startsWith('https:') && this.direct?.state(origin) !== 'unavailable';
    }
    /** The index's origin (where its credentials may go), read once per index. */
    originOf(index) {
        let origin = this.origins.get(index.base);
        if (origin === undefined) {
            origin = new URL(index.base).origin;
            this.origins.set(index.base, origin);
        }
        return origin;
    }
}
function isSuccess(status) {
    return status >= 200 && status <= 299;
}
/** The ETag and Last-Modified of an answer, when it has either (and they are sane). */
function validatorsOf(headers) {
    const etag = saneValidator((0,client_setup/* header */.wx)(headers.etag));
    const lastModified = saneValidator((0,client_setup/* header */.wx)(headers['last-modified']));
    if (etag === undefined && lastModified === undefined)
        return undefined;
    return { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
}
/** A header value fit to send back: printable ASCII, one line, not too long. */
function saneValidator(value) {
    if (typeof value !== 'string')
        return undefined;
    if (value === '' || value.length > MAX_VALIDATOR_LENGTH)
        return undefined;
    return /^[\x20-\x7e]+$/.test(value) ? value : undefined;
}
function statusFailure(status, headers) {
    const retryable = status === 429 || status >= 500;
    const hint = status === 401 || status === 403
        ? ' (the index refused the credentials, or wants some: give them in the index URL)'
        : '';
    const retryAfterMs = retryable ? (0,retry/* parseRetryAfter */.mu)(headers['retry-after'], Date.now()) : undefined;
    // The body is not shown: an index's error page may echo the request, credentials included.
    return { description: `HTTP ${status}${hint}`, retryable, retryAfterMs };
}
/** A failure no retry mends. */
function failure(description) {
    return { kind: 'failed', failure: { description, retryable: false } };
}

;// CONCATENATED MODULE: ./src/health/index-cache.ts
/**
 * The package indexes' answers, kept beside the advisory records in the cache directory so
 * that a warm run asks each project page conditionally (If-None-Match, If-Modified-Since): a
 * 304 costs no body and no parsing, and reuses the facts read from the page last time.
 *
 * The cache never answers in the index's place. Every run asks the index; only the index's
 * 304 lets the kept facts stand, and anything else (a new page, a 404, a failure) replaces or
 * drops them, so a status the index now reports (a quarantine, a yank) always shows. An answer
 * without an ETag or Last-Modified is not kept: it could not be revalidated.
 *
 * One file, `package-index.json`, read once and written once at the end of the lookup in one
 * atomic rename (a killed run leaves the old file whole); of two runs writing at once, the
 * later merges what the earlier wrote. It holds at most `maxEntries` answers and `maxBytes`;
 * the least recently used go first. The facts are stored as the JSON they are (ProjectFacts
 * is plain data), under a revision that changes with their shape: a file of another revision,
 * or one that does not read, is ignored and replaced, never trusted and never fatal. The
 * directory is the advisory cache's, with its rules (0700, nobody else's; cache-dir.ts).
 */










const INDEX_CACHE_FILE = 'package-index.json';
/** Bumped when the file's layout changes; the facts' own shape is checked apart (SHAPE). */
const FORMAT = 1;
const DEFAULT_MAX_ENTRIES = 20_000;
const DEFAULT_MAX_BYTES = 16 * 1024 * 1024;
/** Versions remembered per answer: a name pinned at more versions is read afresh. */
const MAX_ASKED = 64;
const STALE_TEMP_MS = 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
class IndexCache {
    file;
    stats = { revalidated: 0, stored: 0, dropped: 0 };
    logger;
    maxEntries;
    maxBytes;
    now;
    usable;
    loaded;
    /** What this run learnt: an entry to write, or undefined for one to remove. */
    changes = new Map();
    used = new Set();
    constructor(cacheDir, options = {}) {
        this.file = external_node_path_default().join(cacheDir, INDEX_CACHE_FILE);
        this.logger = options.logger ?? log/* silentLogger */.q;
        this.maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
        this.maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
        this.now = options.now ?? Date.now;
        // The advisory cache warns about a directory it refuses; once is enough.
        const refused = (0,cache_dir/* preparePrivateDir */.w)(cacheDir);
        if (refused)
            this.logger.debug(`Index cache: ${refused.message}; running without it`);
        this.usable = refused === undefined;
    }
    /** The kept answer of `name` on `index` when it covers every one of `versions`. */
    get(index, name, versions) {
        const entry = this.entries().get(keyOf(index, name));
        if (entry === undefined || !versions.every(version => entry.asked.includes(version))) {
            return undefined;
        }
        return { asked: entry.asked, validators: entry.validators, facts: entry.facts };
    }
    /** The versions the kept answer was read for, to read a new page for them too. */
    askedBefore(index, name) {
        return this.entries().get(keyOf(index, name))?.asked ?? [];
    }
    /** The index answered 304 for the kept answer: it stands, and is dated today. */
    confirmed(index, name) {
        this.stats.revalidated++;
        this.used.add(keyOf(index, name));
    }
    /** A new answer: kept when it can be revalidated, else the old one goes. */
    store(index, name, asked, validators, facts) {
        const key = keyOf(index, name);
        if (validators === undefined || asked.length > MAX_ASKED)
            return this.forget(index, name);
        const day = today(this.now());
        this.changes.set(key, { index, name, asked: [...asked], validators, facts, day });
        this.stats.stored++;
    }
    /** The index no longer gives what was kept (a 404, a page without validators). */
    forget(index, name) {
        const key = keyOf(index, name);
        if (!this.entries().has(key) && this.changes.get(key) === undefined)
            return;
        this.stats.dropped++;
        this.changes.set(key, undefined);
    }
    /**
     * Writes the file when this run changed anything in it (or dated an entry anew), merged
     * with what another run wrote meanwhile; says whether it did. Never throws: a file that
     * cannot be written is a debug line, and the next run asks the index in full.
     */
    save() {
        if (!this.usable)
            return false;
        const loaded = this.load();
        const day = today(this.now());
        const dated = [...this.used].some(key => (loaded.entries.get(key)?.day ?? day) < day);
        if (this.changes.size === 0 && !dated)
            return false;
        const merged = new Map(this.onDisk(loaded));
        for (const key of this.used) {
            const entry = loaded.entries.get(key);
            if (entry)
                merged.set(key, { ...entry, day });
        }
        for (const [key, entry] of this.changes) {
            if (entry)
                merged.set(key, entry);
            else
                merged.delete(key);
        }
        try {
            (0,atomic_file/* writeFileAtomically */.lo)(this.file, this.serialise(merged));
        }
        catch (error) {
            this.logger.debug(`Index cache: could not write ${this.file}: ${(0,errors/* messageOf */.bD)(error)}`);
            return false;
        }
        (0,atomic_file/* removeStaleTemps */.jH)(this.file, STALE_TEMP_MS, this.now());
        this.loaded = undefined;
        this.changes.clear();
        this.used.clear();
        return true;
    }
    entries() {
        return this.load().entries;
    }
    load() {
        this.loaded ??= this.usable ? this.read() : { entries: new Map(), identity: 'unused' };
        return this.loaded;
    }
    /** The file as it is now: its entries that read back whole, or none. */
    read() {
        const entries = new Map();
        let fd;
        try {
            fd = (0,external_node_fs_.openSync)(this.file, 'r');
        }
        catch {
            return { entries, identity: 'absent' };
        }
        let identity = 'unreadable';
        try {
            const stats = (0,external_node_fs_.fstatSync)(fd);
            identity = (0,record_pack/* fileIdentity */.l6)(stats);
            const refused = this.refusal(stats);
            if (refused !== undefined) {
                this.logger.debug(`Index cache: ${this.file} not read (${refused}); starting afresh`);
                return { entries, identity };
            }
            const parsed = JSON.parse((0,external_node_fs_.readFileSync)(fd, 'utf8'));
            if (!(0,json_shape/* isObject */.G)(parsed) || parsed.format !== FORMAT || parsed.shape !== SHAPE) {
                this.logger.debug(`Index cache: ${this.file} is of another revision; starting afresh`);
                return { entries, identity };
            }
            const listed = Array.isArray(parsed.entries) ? parsed.entries : [];
            for (const item of listed) {
                const entry = readEntry(item);
                if (entry)
                    entries.set(keyOf(entry.index, entry.name), entry);
                else
                    this.stats.dropped++;
            }
        }
        catch (error) {
            this.logger.debug(`Index cache: ${this.file} not read (${(0,errors/* messageOf */.bD)(error)}); starting afresh`);
            entries.clear();
        }
        finally {
            (0,external_node_fs_.closeSync)(fd);
        }
        return { entries, identity };
    }
    refusal(stats) {
        const unsafe = (0,cache_dir/* unsafeOwnership */.S)(stats);
        if (unsafe !== undefined)
            return unsafe;
        if (stats.size > 2 * this.maxBytes)
            return 'larger than the cache can grow';
        return undefined;
    }
    /** What is on disk now: the entries read earlier, unless another run replaced the file. */
    onDisk(loaded) {
        let identity = 'absent';
        try {
            identity = (0,record_pack/* fileIdentity */.l6)((0,external_node_fs_.statSync)(this.file));
        }
        catch {
            // Not there (any more).
        }
        return identity === loaded.identity ? loaded.entries : this.read().entries;
    }
    /** The most recently used entries, as many as the bounds allow, as the file's text. */
    serialise(entries) {
        const newestFirst = [...entries.values()].sort((a, b) => b.day - a.day);
        const kept = [];
        let bytes = 0;
        for (const entry of newestFirst) {
            if (kept.length >= this.maxEntries)
                break;
            const text = JSON.stringify(entry);
            if (bytes + text.length > this.maxBytes)
                continue;
            bytes += text.length + 2;
            kept.push(text);
        }
        return `{"format":${FORMAT},"shape":${JSON.stringify(SHAPE)},"entries":[\n${kept.join(',\n')}\n]}\n`;
    }
}
function keyOf(index, name) {
    return `${index}\n${name}`;
}
function today(nowMs) {
    return Math.floor(nowMs / DAY_MS);
}
function isStrings(value) {
    return Array.isArray(value) && value.every(item => typeof item === 'string');
}
/** An entry as stored, when it reads back whole; its facts have the shape this build makes. */
function readEntry(item) {
    if (!(0,json_shape/* isObject */.G)(item))
        return undefined;
    const { index, name, asked, validators, facts, day } = item;
    if (typeof index !== 'string' || typeof name !== 'string' || !isStrings(asked))
        return undefined;
    if (typeof day !== 'number' || !Number.isInteger(day) || !(0,json_shape/* isObject */.G)(validators))
        return undefined;
    // Sent back as headers: a value undici would refuse must not fail the run.
    const etag = saneValidator(validators.etag);
    const lastModified = saneValidator(validators.lastModified);
    if (etag !== validators.etag || lastModified !== validators.lastModified)
        return undefined;
    if (etag === undefined && lastModified === undefined)
        return undefined;
    if (!sameShape(facts, FULL, BARE))
        return undefined;
    return {
        index,
        name,
        asked,
        validators: { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) },
        facts: facts,
        day
    };
}
/**
 * What projectFacts makes, once with every field it can fill and once with none it may leave
 * out: the facts are kept as the JSON they are, and read back only when they have this shape
 * (sameShape). A field added to ProjectFacts changes SHAPE, so files written before it are not
 * read at all.
 */
const FULL = plain(projectFacts('sample', [{ filename: 'sample-1.0-py3-none-any.whl', sha256: '0'.repeat(64), yanked: 'reason' }], { status: 'archived', reason: 'reason' }, ['1.0']));
const BARE = plain(projectFacts('sample', [], { status: 'active' }, ['1.0']));
const SHAPE = `${shapeOf(FULL)} ${shapeOf(BARE)}`;
/** Index-given text is one line and short when read (cleanText); kept text must be too. */
const MAX_TEXT = 1024;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
function plain(value) {
    return JSON.parse(JSON.stringify(value));
}
/** The kinds of a JSON value's fields, as text: `{a:string,b:[{c:number}]}`. */
function shapeOf(value) {
    if (Array.isArray(value))
        return `[${value.length > 0 ? shapeOf(value[0]) : ''}]`;
    if ((0,json_shape/* isObject */.G)(value)) {
        const fields = Object.keys(value).sort();
        return `{${fields.map(field => `${field}:${shapeOf(value[field])}`).join(',')}}`;
    }
    return value === null ? 'null' : typeof value;
}
/**
 * Whether `value` is shaped like the samples: every field `bare` has, and any of the others
 * `full` has, of the same kind, recursively (each element of an array against the samples'
 * first); text one line and short, in fields neither sample has too.
 */
function sameShape(value, full, bare = full) {
    if (Array.isArray(full)) {
        if (!Array.isArray(value))
            return false;
        const [fullItem] = full;
        const bareItem = Array.isArray(bare) && bare.length > 0 ? bare[0] : fullItem;
        if (fullItem === undefined)
            return value.every(safeText);
        // The version lists: thousands of items in a warm run's file, checked in one loop.
        if (typeof fullItem === 'string')
            return value.every(safeString);
        return value.every(item => sameShape(item, fullItem, bareItem));
    }
    if ((0,json_shape/* isObject */.G)(full)) {
        if (!(0,json_shape/* isObject */.G)(value))
            return false;
        const required = (0,json_shape/* isObject */.G)(bare) ? bare : full;
        const known = Object.keys(value).every(field => {
            if (!(field in full))
                return safeText(value[field]);
            const bareField = field in required ? required[field] : full[field];
            return sameShape(value[field], full[field], bareField);
        });
        return known && Object.keys(required).every(field => field in value);
    }
    if (typeof value === 'string')
        return typeof full === 'string' && safeString(value);
    return typeof value === typeof full;
}
/** Text anywhere in `value` is one line and short, as cleanText leaves what indexes say. */
function safeText(value) {
    if (typeof value === 'string')
        return safeString(value);
    if (Array.isArray(value))
        return value.every(safeText);
    if ((0,json_shape/* isObject */.G)(value))
        return Object.values(value).every(safeText);
    return true;
}
function safeString(value) {
    return typeof value === 'string' && value.length <= MAX_TEXT && !CONTROL.test(value);
}

;// CONCATENATED MODULE: ./src/health/page-json.ts
/**
 * A PEP 691 JSON project page (`application/vnd.pypi.simple.v1+json`): `meta.api-version`
 * 1.x, `files[]` with `filename`, `hashes` and PEP 592's `yanked` (false, true or a reason),
 * and PEP 792's `project-status` `{status, reason}`; PEP 700's `versions[]` (api-version 1.1)
 * when given, as the list of the versions the index has. A file's version comes from its
 * name, as pip reads it.
 */



function parseJsonProjectPage(body, normalizedName, wanted) {
    let page;
    try {
        page = JSON.parse(body);
    }
    catch (error) {
        const detail = error instanceof Error ? ` (${(0,shared_text/* excerpt */.Kb)(error.message, 100)})` : '';
        throw new PageFormatError(`malformed JSON${detail}`);
    }
    if (!(0,json_shape/* isObject */.G)(page))
        throw new PageFormatError('the JSON page is not an object');
    checkApiVersion((0,json_shape/* isObject */.G)(page.meta) ? page.meta['api-version'] : undefined);
    if (!Array.isArray(page.files))
        throw new PageFormatError("the JSON page has no 'files' list");
    const files = {
        entries: page.files,
        filename: filenameOf,
        yanked: entry => isYanked(entry.yanked),
        file: readFile
    };
    const statusField = page['project-status'];
    const status = (0,json_shape/* isObject */.G)(statusField)
        ? readProjectStatus(statusField.status, statusField.reason)
        : readProjectStatus(undefined, undefined);
    return projectFactsOf(normalizedName, files, status, wanted, listedVersions(page.versions));
}
/** PEP 700's `versions[]`: strings; anything else there is not a list to trust. */
function listedVersions(versions) {
    if (!Array.isArray(versions))
        return undefined;
    if (!versions.every(version => typeof version === 'string')) {
        throw new PageFormatError("the JSON page's 'versions' list holds something not a string");
    }
    return versions;
}
/**
 * PEP 629 / 691: a client fails on a major version it does not know, and reads any 1.x
 * (minor versions only add fields).
 */
function checkApiVersion(version) {
    if (typeof version !== 'string' || !/^\d+\.\d+$/.test(version.trim())) {
        throw new PageFormatError('the page gives no api-version (PEP 691 requires meta.api-version)');
    }
    const major = version.trim().split('.')[0];
    if (major !== '1') {
        throw new PageFormatError(`api-version ${(0,shared_text/* excerpt */.Kb)(version, 20)} is not supported (this tool reads 1.x)`);
    }
}
/** Every entry is checked for a name, whichever version it is of. */
function filenameOf(entry, index) {
    if (!(0,json_shape/* isObject */.G)(entry) || typeof entry.filename !== 'string') {
        throw new PageFormatError(`files[${index}] has no filename`);
    }
    return entry.filename;
}
/** PEP 592: true, or a reason (possibly empty), is yanked. */
function isYanked(yanked) {
    return typeof yanked === 'string' || yanked === true;
}
function readFile(entry, index) {
    if (!(0,json_shape/* isObject */.G)(entry) || typeof entry.filename !== 'string') {
        throw new PageFormatError(`files[${index}] has no filename`);
    }
    const hashes = (0,json_shape/* isObject */.G)(entry.hashes) ? entry.hashes : {};
    const sha256 = readSha256(hashes.sha256);
    const yanked = entry.yanked;
    return {
        filename: entry.filename,
        ...(sha256 === undefined ? {} : { sha256 }),
        yanked: typeof yanked === 'string' ? yanked : yanked === true ? '' : false
    };
}

;// CONCATENATED MODULE: ./src/health/page-html.ts
/**
 * A PEP 503 HTML project page, for indexes that do not serve PEP 691 JSON: one anchor per
 * file (the file name is the last segment of its href, a `#sha256=` fragment gives the digest,
 * PEP 592's `data-yanked` marks it yanked with the attribute's value as the reason), PEP 629's
 * `pypi:repository-version` meta tag, and PEP 792's `pypi:project-status` and
 * `pypi:project-status-reason` meta tags. The page is untrusted: it is scanned once, tag by
 * tag, with quotes respected (some indexes leave `>` unescaped in data-requires-python).
 */


function parseHtmlProjectPage(body, normalizedName, wanted) {
    const files = [];
    const meta = new Map();
    for (const tag of tags(body)) {
        if (tag.name === 'meta') {
            const name = tag.attributes.get('name')?.toLowerCase();
            const content = tag.attributes.get('content');
            if (name !== undefined && content !== undefined && !meta.has(name))
                meta.set(name, content);
        }
        else if (tag.name === 'a') {
            const file = anchorFile(tag);
            if (file)
                files.push(file);
        }
    }
    const version = meta.get('pypi:repository-version');
    // PEP 629: a page without the tag is version 1.0.
    if (version !== undefined)
        checkApiVersion(version);
    const status = readProjectStatus(meta.get('pypi:project-status'), meta.get('pypi:project-status-reason'));
    return projectFacts(normalizedName, files, status, wanted);
}
function anchorFile(tag) {
    const href = tag.attributes.get('href');
    const hashAt = href?.indexOf('#') ?? -1;
    const path = href === undefined ? '' : (hashAt === -1 ? href : href.slice(0, hashAt)).split('?')[0];
    const filename = percentDecoded(path.slice(path.lastIndexOf('/') + 1)) || tag.text.trim();
    if (filename === '')
        return undefined;
    const fragment = href !== undefined && hashAt !== -1 ? href.slice(hashAt + 1) : '';
    const digest = /^sha256=(.*)$/i.exec(fragment);
    const sha256 = digest ? readSha256(digest[1]) : undefined;
    const yanked = tag.attributes.get('data-yanked');
    return { filename, ...(sha256 ? { sha256 } : {}), yanked: yanked ?? false };
}
/** Every start tag, lowercased names, attribute values decoded; comments skipped. */
function* tags(html) {
    let at = 0;
    while (at < html.length) {
        const open = html.indexOf('<', at);
        if (open === -1)
            return;
        if (html.startsWith('<!--', open)) {
            const close = html.indexOf('-->', open + 4);
            if (close === -1)
                return;
            at = close + 3;
            continue;
        }
        const nameMatch = /^<([A-Za-z][A-Za-z0-9-]*)/.exec(html.slice(open, open + 40));
        if (!nameMatch) {
            at = open + 1;
            continue;
        }
        const { attributes, end } = readAttributes(html, open + nameMatch[0].length);
        const nextTag = html.indexOf('<', end);
        const text = decodeEntities(html.slice(end, nextTag === -1 ? html.length : nextTag));
        yield { name: nameMatch[1].toLowerCase(), attributes, text };
        at = end;
    }
}
/** Attributes from `from` to the tag's closing '>'; `end` is just after it. */
function readAttributes(html, from) {
    const attributes = new Map();
    let at = from;
    while (at < html.length) {
        while (at < html.length && /[\s/]/.test(html[at]))
            at++;
        if (at >= html.length)
            break;
        if (html[at] === '>')
            return { attributes, end: at + 1 };
        const nameStart = at;
        while (at < html.length && !/[\s/>=]/.test(html[at]))
            at++;
        const name = html.slice(nameStart, at).toLowerCase();
        while (at < html.length && /\s/.test(html[at]))
            at++;
        let value = '';
        if (html[at] === '=') {
            at++;
            while (at < html.length && /\s/.test(html[at]))
                at++;
            const quote = html[at];
            if (quote === '"' || quote === "'") {
                const close = html.indexOf(quote, at + 1);
                const valueEnd = close === -1 ? html.length : close;
                value = html.slice(at + 1, valueEnd);
                at = valueEnd + 1;
            }
            else {
                const valueStart = at;
                while (at < html.length && !/[\s>]/.test(html[at]))
                    at++;
                value = html.slice(valueStart, at);
            }
        }
        if (name !== '' && !attributes.has(name))
            attributes.set(name, decodeEntities(value));
        if (name === '')
            at++;
    }
    return { attributes, end: html.length };
}
const NAMED_ENTITIES = {
    amp: '&',
    lt: '<',
    gt: '>',
    quot: '"',
    apos: "'",
    nbsp: '\u00a0'
};
function decodeEntities(text) {
    if (!text.includes('&'))
        return text;
    return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (whole, entity) => {
        if (entity[0] !== '#')
            return NAMED_ENTITIES[entity.toLowerCase()] ?? whole;
        const code = entity[1] === 'x' || entity[1] === 'X'
            ? parseInt(entity.slice(2), 16)
            : parseInt(entity.slice(1), 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    });
}
function percentDecoded(text) {
    try {
        return decodeURIComponent(text);
    }
    catch {
        return text;
    }
}

;// CONCATENATED MODULE: ./src/health/look-up.ts
/**
 * Asking the package indexes about every audited name: one project page per name and index,
 * `index-url` (else PyPI) and every `extra-index-url`. The page is read as PEP 691 JSON or
 * PEP 503 HTML by what the server says it sent. Any index that fails (after retries) fails the
 * whole lookup with a FeedError naming it: a check that could not ask never reads as healthy.
 *
 * Speed: a 200-pin run must not wait longer for the indexes than for the advisory lookup
 * beside it. PyPI speaks HTTP/2, so the client offers it (on its own h2 session, index-http.ts),
 * and each index gets one request first; once its connection is up, the rest go out on it, a
 * group per turn (up to DEFAULT_MULTIPLEXED_CONCURRENCY in flight: one round trip for 200 pins).
 * A server usually lets one h2 connection carry 100 requests at once, so a lookup of more
 * opens a second beside the first (h2-direct.ts), which takes what the first cannot. An index
 * that speaks only HTTP/1.1 gets `concurrency` requests in flight on as many connections (50,
 * as uv downloads: four round trips for 200 pins), never pipelined. With a `cacheDir`, the answers
 * of the last run are asked again conditionally and a 304 reuses them (index-cache.ts).
 */







const DEFAULT_CONCURRENCY = 50;
/**
 * Requests started per turn of the event loop: a group's frames go out before the next group
 * is built, so the first pages come back, and are read, while the last are still awaited
 * (200 started at once went out together ~17 ms later, and came back together). Groups of 16
 * gave up as much in a warm run, where other work takes each turn between two groups; 48
 * kept the gain of the cold run and cost the warm one nothing.
 */
const REQUESTS_PER_TURN = 48;
const DEFAULT_MULTIPLEXED_CONCURRENCY = 256;
/** The names of `subjects`, each once, with every version pinned for it. */
function healthQueries(subjects) {
    const byName = new Map();
    for (const subject of subjects) {
        const name = (0,filenames/* normalizeProjectName */.yz)(subject.name);
        let versions = byName.get(name);
        if (!versions)
            byName.set(name, (versions = new Set()));
        versions.add(subject.version);
    }
    return [...byName].map(([name, versions]) => ({ name, versions: [...versions] }));
}
/** Every index's answer for every query, in the order of `queries`. */
async function lookUpPackageIndexes(queries, options = {}) {
    const indexes = (0,index_url/* indexLocations */.PT)(options.indexUrl, options.extraIndexUrls);
    const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
    const client = options.client ??
        new IndexClient({
            allowH2: true,
            ...options,
            connections: options.connections ?? concurrency
        });
    const cache = options.cache ??
        (options.cacheDir === undefined
            ? undefined
            : new IndexCache(options.cacheDir, options.logger ? { logger: options.logger } : {}));
    const asker = { client, ...(cache ? { cache } : {}) };
    // The first failure aborts every other request, of every index.
    const controller = new AbortController();
    const signal = options.signal
        ? AbortSignal.any([options.signal, controller.signal])
        : controller.signal;
    const failFast = (promise) => promise.catch((error) => {
        controller.abort(error);
        throw error;
    });
    const limits = {
        plain: concurrency,
        multiplexed: options.multiplexedConcurrency ?? DEFAULT_MULTIPLEXED_CONCURRENCY
    };
    let unsent = indexes.length;
    const sent = () => {
        if (--unsent === 0)
            options.whenAsked?.();
    };
    try {
        const byIndex = await Promise.all(indexes.map(index => failFast(askIndex(asker, index, queries, limits, signal, once(sent)))));
        if (cache) {
            if (cache.save())
                options.whenCacheWritten?.();
            options.logger?.debug(`Index cache ${cache.file}: ${JSON.stringify(cache.stats)}`);
        }
        return queries.map((query, position) => ({
            name: query.name,
            answers: byIndex.map(answers => answers[position])
        }));
    }
    finally {
        if (!options.client)
            await client.close();
    }
}
/**
 * Every query of one index: the first alone until its connection is up (then the protocol is
 * known), the rest as many at once as the protocol carries, started a group per turn.
 */
async function askIndex(asker, index, queries, limits, signal, sent) {
    const [first, ...rest] = queries;
    try {
        if (first === undefined)
            return [];
        asker.client.prepare(index, queries.length);
        const firstAnswer = askProject(asker, index, first, signal);
        const settled = firstAnswer.then(() => undefined, () => undefined);
        await Promise.race([asker.client.ready(index), settled]);
        const limit = asker.client.multiplexed(index) ? limits.multiplexed : limits.plain;
        const others = (0,http/* mapWithLimit */.c$)(rest, limit, (query, _position, inner) => askProject(asker, index, query, inner), signal, { perTurn: REQUESTS_PER_TURN, onStarted: sent });
        const [answer, answers] = await Promise.all([firstAnswer, others]);
        return [answer, ...answers];
    }
    finally {
        sent();
    }
}
function once(call) {
    let called = false;
    return () => {
        if (called)
            return;
        called = true;
        call();
    };
}
/** One project page, conditionally when the cache keeps an answer that covers the query. */
async function askProject({ client, cache }, index, query, signal) {
    const key = index.display;
    const kept = cache?.get(key, query.name, query.versions);
    // A page read afresh is read for the versions kept before too, so the entry keeps them.
    const asked = kept ? kept.asked : union(query.versions, cache?.askedBefore(key, query.name) ?? []);
    const read = (page) => readProjectPage(page, { name: query.name, versions: asked });
    const answer = await client.fetchProject(index, query.name, read, signal, kept?.validators);
    if ('notModified' in answer) {
        cache.confirmed(key, query.name);
        return { index: key, found: true, project: kept.facts };
    }
    if (!answer.found) {
        cache?.forget(key, query.name);
        return { index: key, found: false, httpStatus: answer.httpStatus };
    }
    cache?.store(key, query.name, asked, answer.validators, answer.value);
    return { index: key, found: true, project: answer.value };
}
function union(first, second) {
    return [...new Set([...first, ...second])];
}
/** By the content type the server gave; a page labelled as neither is sniffed. */
function readProjectPage(page, query) {
    const type = page.contentType.toLowerCase();
    const json = type.includes('json') || (!type.includes('html') && page.body.trimStart().startsWith('{'));
    return json
        ? parseJsonProjectPage(page.body, query.name, query.versions)
        : parseHtmlProjectPage(page.body, query.name, query.versions);
}


/***/ })

};
