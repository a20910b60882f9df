export const id = 477;
export const ids = [477];
export const modules = {

/***/ 50477:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   indexFile: () => (/* binding */ indexFile),
/* harmony export */   indexKey: () => (/* binding */ indexKey),
/* harmony export */   offlineIndexDir: () => (/* binding */ offlineIndexDir),
/* harmony export */   readIndex: () => (/* binding */ readIndex),
/* harmony export */   writeIndex: () => (/* binding */ writeIndex)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _deps_names_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(96498);
/* harmony import */ var _shared_json_shape_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(66511);
/* harmony import */ var _atomic_file_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(84125);
/**
 * An index of an offline database, cached on disk between runs, so that a run reads only the
 * members holding the records of the packages it looks up instead of inflating and parsing
 * every record. It is keyed by the database's exact content (a fingerprint), the index format
 * and the zip limits; anything else (another fingerprint, a file that does not parse, has the
 * wrong shape, fails its checksum or names members the database does not hold) is ignored and
 * rebuilt by a full load. Reading and writing the index only ever saves time: failures are
 * reasons to rebuild, or debug lines.
 */







/** Bumped whenever the file layout or what goes into it changes. */
const FORMAT = 1;
const INDEX_DIR = 'offline-index';
/** Far above what OSV's whole PyPI export needs (about 0.6 MB): a bigger file is not ours. */
const MAX_INDEX_BYTES = 64 * 1024 * 1024;
/** `{"format":N,"checksum":"<sha-256 of the index's JSON text>","index":{...}}` */
const HEAD = /^\{"format":(\d+),"checksum":"([0-9a-f]{64})","index":/;
function offlineIndexDir(cacheDir) {
    return node_path__WEBPACK_IMPORTED_MODULE_3___default().join(cacheDir, INDEX_DIR);
}
/** One file per database path: a database replaced in place replaces its index. */
function indexFile(indexDir, key) {
    return node_path__WEBPACK_IMPORTED_MODULE_3___default().join(indexDir, `${sha256(key.location)}.json`);
}
/**
 * Changes whenever any record could have: for a zip, its central directory (every member's
 * name, sizes and CRC-32) and its size; for a directory, each JSON file's path, size and mtime.
 */
function indexKey(source, limits) {
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    if (source.kind === 'zip') {
        hash.update(`zip ${source.archive.size}\n`).update(source.archive.centralDirectory);
    }
    else {
        // One synchronous stat after another: over 7,000 files, several times faster than
        // thousands of promises queued on libuv's four threads.
        for (const member of source.members) {
            const { size, mtimeMs } = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.statSync)(node_path__WEBPACK_IMPORTED_MODULE_3___default().join(source.location, member));
            hash.update(`${JSON.stringify(member)} ${size} ${mtimeMs}\n`);
        }
    }
    const { maxEntries, maxEntryBytes, maxTotalBytes } = limits;
    return {
        location: source.realLocation,
        kind: source.kind,
        fingerprint: hash.digest('hex'),
        limits: { maxEntries, maxEntryBytes, maxTotalBytes }
    };
}
/** The catalogue stored for `key`, or why there is none to use. */
async function readIndex(file, key, members) {
    let text;
    try {
        if ((await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.stat)(file)).size > MAX_INDEX_BYTES)
            return { reason: 'too large' };
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readFile)(file, 'utf8');
    }
    catch {
        return { reason: 'absent' };
    }
    // The checksum covers the index's text exactly as written, so it is checked before parsing.
    const head = HEAD.exec(text);
    if (head === null)
        return { reason: 'not an index' };
    if (Number(head[1]) !== FORMAT)
        return { reason: 'another format' };
    const body = text.slice(head[0].length, -1);
    if (!text.endsWith('}') || sha256(body) !== head[2])
        return { reason: 'checksum mismatch' };
    let index;
    try {
        index = JSON.parse(body);
    }
    catch {
        return { reason: 'not JSON' };
    }
    if (!(0,_shared_json_shape_js__WEBPACK_IMPORTED_MODULE_5__/* .isObject */ .G)(index))
        return { reason: 'ill-shaped (not an object)' };
    if (JSON.stringify(index.key) !== JSON.stringify(key))
        return { reason: 'stale' };
    const catalogue = toCatalogue(index, new Set(members));
    return typeof catalogue === 'string' ? { reason: `ill-shaped (${catalogue})` } : { catalogue };
}
/** Writes the index through a temporary file, so a reader never sees half of one. */
async function writeIndex(file, key, catalogue) {
    const tally = (t) => (t ? [t.count, t.first] : null);
    const index = {
        key,
        members: catalogue.entries.map(entry => entry.member),
        ids: catalogue.entries.map(entry => entry.id),
        modified: catalogue.entries.map(entry => entry.modified),
        packages: Object.fromEntries(catalogue.packages),
        duplicates: tally(catalogue.duplicates),
        unsupported: tally(catalogue.unsupported),
        withoutPypi: catalogue.withoutPypi
    };
    const body = JSON.stringify(index);
    const text = `{"format":${FORMAT},"checksum":"${sha256(body)}","index":${body}}`;
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_3___default().dirname(file), { recursive: true });
    (0,_atomic_file_js__WEBPACK_IMPORTED_MODULE_4__/* .writeFileAtomically */ .l)(file, text);
}
/** The catalogue when every part of the stored index is well formed and consistent. */
function toCatalogue(stored, members) {
    const { members: memberColumn, ids, modified, packages: byName, withoutPypi } = stored;
    if (!(0,_shared_json_shape_js__WEBPACK_IMPORTED_MODULE_5__/* .isStringList */ .e)(memberColumn) || !(0,_shared_json_shape_js__WEBPACK_IMPORTED_MODULE_5__/* .isStringList */ .e)(ids) || !(0,_shared_json_shape_js__WEBPACK_IMPORTED_MODULE_5__/* .isStringList */ .e)(modified)) {
        return 'entries';
    }
    if (ids.length !== memberColumn.length || modified.length !== memberColumn.length) {
        return 'entries';
    }
    if (!(0,_shared_json_shape_js__WEBPACK_IMPORTED_MODULE_5__/* .isObject */ .G)(byName))
        return 'packages';
    if (!isCount(withoutPypi))
        return 'withoutPypi';
    const duplicates = toTally(stored.duplicates);
    const unsupported = toTally(stored.unsupported);
    if (duplicates === false || unsupported === false)
        return 'tallies';
    const entries = [];
    const seenMembers = new Set();
    const seenIds = new Set();
    for (const [i, member] of memberColumn.entries()) {
        if (!members.has(member) || seenMembers.has(member)) {
            return 'a member the database does not hold';
        }
        const id = ids[i];
        if (id === '' || seenIds.has(id))
            return 'an id';
        const time = Date.parse(modified[i]);
        if (Number.isNaN(time))
            return 'a modified date';
        seenMembers.add(member);
        seenIds.add(id);
        entries.push({ member, id, modified: modified[i], time });
    }
    const packages = new Map();
    const named = new Array(entries.length).fill(false);
    for (const [name, positions] of Object.entries(byName)) {
        if (name === '' || (0,_deps_names_js__WEBPACK_IMPORTED_MODULE_6__/* .normalizeName */ .P)(name) !== name)
            return 'a package name';
        if (!Array.isArray(positions) || positions.length === 0)
            return 'a package';
        let previous = -1;
        for (const position of positions) {
            if (!Number.isInteger(position) || position <= previous)
                return 'a position';
            if (position >= entries.length)
                return 'a position';
            previous = position;
            named[previous] = true;
        }
        packages.set(name, positions);
    }
    // Only records naming a PyPI package are entries, so each is some package's.
    if (named.includes(false))
        return 'an entry no package names';
    return {
        entries,
        packages,
        ...(duplicates ? { duplicates } : {}),
        ...(unsupported ? { unsupported } : {}),
        withoutPypi
    };
}
/** undefined for null, false for anything but a [count, first id] pair. */
function toTally(value) {
    if (value === null)
        return undefined;
    if (!Array.isArray(value) || value.length !== 2)
        return false;
    const [count, first] = value;
    if (!isCount(count) || count === 0 || typeof first !== 'string' || first === '')
        return false;
    return { count, first };
}
function isCount(value) {
    return Number.isSafeInteger(value) && value >= 0;
}
function sha256(text) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(text).digest('hex');
}


/***/ })

};
