export const id = 357;
export const ids = [357];
export const modules = {

/***/ 4357:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  OfflineDatabase: () => (/* binding */ OfflineDatabase),
  keepYoungGenerationSmall: () => (/* binding */ keepYoungGenerationSmall)
});

// UNUSED EXPORTS: parseRecord

// EXTERNAL MODULE: external "node:v8"
var external_node_v8_ = __webpack_require__(78877);
// EXTERNAL MODULE: ./src/deps/names.ts
var deps_names = __webpack_require__(96498);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(58382);
// EXTERNAL MODULE: ./src/shared/log.ts
var log = __webpack_require__(21827);
// EXTERNAL MODULE: ./src/advisories/match.ts
var match = __webpack_require__(54170);
// EXTERNAL MODULE: ./src/advisories/vulnerability.ts
var vulnerability = __webpack_require__(48689);
;// CONCATENATED MODULE: ./src/advisories/offline-catalogue.ts
/**
 * The catalogue of an offline database, built by reading every record: which member holds each
 * PyPI record, which packages each record names, and what a full load warns about.
 */


/**
 * Advisory ids in natural order (PYSEC-2021-9 before PYSEC-2021-10). The collator is made on
 * first use: building one loads ICU's locale data, ~20 ms that an online run never needs.
 */
let collator;
function compareIds(a, b) {
    collator ??= new Intl.Collator('en', { numeric: true });
    return collator.compare(a, b);
}
/**
 * Reads every record, keeps one per id (the most recently modified copy), and sorts them by id
 * so results come out in the same order from a directory and from a zip. `records` holds the
 * PyPI ones, in catalogue order.
 */
async function readCatalogue(source) {
    const kept = new Map();
    let duplicates;
    await source.read('all', (member, record) => {
        const previous = kept.get(record.id);
        if (previous !== undefined)
            duplicates = tally(duplicates, record.id);
        if (previous === undefined ||
            Date.parse(record.modified) > Date.parse(previous.record.modified)) {
            kept.set(record.id, { member, record });
        }
    });
    const sorted = [...kept.values()].sort((a, b) => compareIds(a.record.id, b.record.id));
    const entries = [];
    const records = [];
    const packages = new Map();
    let unsupported;
    for (const { member, record } of sorted) {
        const names = pypiNames(record);
        if (names.size === 0)
            continue;
        for (const name of names) {
            const positions = packages.get(name);
            if (positions === undefined)
                packages.set(name, [entries.length]);
            else
                positions.push(entries.length);
        }
        const { id, modified } = record;
        entries.push({ member, id, modified, time: Date.parse(modified) });
        records.push(record);
        if (!(0,vulnerability/* isSupportedSchema */.oi)(record))
            unsupported = tally(unsupported, id);
    }
    const catalogue = { entries, packages, withoutPypi: kept.size - entries.length };
    return { catalogue: { ...catalogue, duplicates, unsupported }, records };
}
function pypiNames(record) {
    const names = new Set();
    for (const affected of record.affected ?? []) {
        if (affected.package?.ecosystem === 'PyPI')
            names.add((0,deps_names/* normalizeName */.P)(affected.package.name));
    }
    return names;
}
function tally(previous, id) {
    return { count: (previous?.count ?? 0) + 1, first: previous?.first ?? id };
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/shared/json-shape.ts
var json_shape = __webpack_require__(66511);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
var external_node_zlib_default = /*#__PURE__*/__webpack_require__.n(external_node_zlib_);
;// CONCATENATED MODULE: ./src/advisories/zip-reader.ts
/**
 * Reads the members of a zip archive in memory (never extracting to disk), refusing zip bombs.
 *
 * Why not yauzl: on OSV's PyPI all.zip (7,080 members) yauzl's per-entry streams took 1.2-3.7 s
 * to read and parse everything; reading the central directory here and inflating each member
 * with zlib.inflateRawSync takes about 0.3 s. Limits are enforced on the bytes zlib actually
 * produces (maxOutputLength), so a member that lies about its size is stopped all the same.
 * Opening an archive reads only its end records and central directory; members are then read
 * from the whole file when most are wanted, or one by one when a few are.
 */




const DEFAULT_ZIP_LIMITS = {
    maxEntries: 200_000,
    maxEntryBytes: 8 * 1024 * 1024,
    maxTotalBytes: 256 * 1024 * 1024
};
const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const U32_MAX = 0xffffffff;
/** The end record (22 bytes), its longest comment and the ZIP64 locator before it. */
const TAIL_BYTES = 22 + 0xffff + 20;
/** Below this share of the archive's bytes, wanted members are read one by one. */
const WHOLE_FILE_SHARE = 0.25;
class ZipArchive {
    handle;
    problem;
    limits;
    size;
    members;
    constructor(handle, problem, limits, 
    /** Bytes in the archive file. */
    size, members) {
        this.handle = handle;
        this.problem = problem;
        this.limits = limits;
        this.size = size;
        this.members = members;
    }
    /** Reads the archive's directory. Throws ParseError naming `file` if it is not a sound zip. */
    static async open(file, limits = DEFAULT_ZIP_LIMITS) {
        const problem = detail => new errors/* ParseError */.mB({ file }, detail);
        const handle = await (0,promises_.open)(file);
        try {
            const { size } = await handle.stat();
            if (size > limits.maxTotalBytes) {
                throw problem(`is ${size} bytes, over the total limit of ${limits.maxTotalBytes} bytes`);
            }
            const members = readCentralDirectory(fileReader(handle), size, limits, problem);
            return new ZipArchive(handle, problem, limits, size, members);
        }
        catch (error) {
            await handle.close();
            throw error;
        }
    }
    /** Names of the members that are files (not folders), in central-directory order. */
    get fileNames() {
        return this.members.filter(member => !member.name.endsWith('/')).map(member => member.name);
    }
    /**
     * Calls `onMember` with the inflated bytes of every file member whose name `wanted` accepts,
     * in central-directory order. Throws ParseError naming the archive (and member) on anything
     * malformed or over a limit.
     */
    async read(wanted, onMember) {
        const { limits, problem } = this;
        const chosen = this.members.filter(member => !member.name.endsWith('/') && wanted(member.name));
        const packed = chosen.reduce((sum, member) => sum + member.compressedSize, 0);
        const fromFile = fileReader(this.handle);
        const readAt = packed > this.size * WHOLE_FILE_SHARE ? bufferReader(fromFile(0, this.size)) : fromFile;
        let total = 0;
        for (const member of chosen) {
            const inMember = detail => problem(`member ${JSON.stringify(member.name)} ${detail}`);
            if (member.size > limits.maxEntryBytes) {
                throw inMember(`declares ${member.size} bytes, over the per-file limit of ${limits.maxEntryBytes} bytes`);
            }
            const left = limits.maxTotalBytes - total;
            const budget = left < limits.maxEntryBytes
                ? { bytes: left, limit: `the total limit of ${limits.maxTotalBytes} bytes` }
                : {
                    bytes: limits.maxEntryBytes,
                    limit: `the per-file limit of ${limits.maxEntryBytes} bytes`
                };
            const data = memberBytes(readAt, this.size, member, budget, inMember);
            total += data.length;
            onMember(member.name, data);
        }
    }
    close() {
        return this.handle.close();
    }
}
/**
 * Synchronous reads: a round trip through libuv's thread pool per read cost more than the read
 * itself for the few kilobytes of a member, and nothing else runs meanwhile.
 */
function fileReader(handle) {
    return (offset, length) => {
        const buffer = Buffer.allocUnsafe(length);
        let filled = 0;
        while (filled < length) {
            const read = (0,external_node_fs_.readSync)(handle.fd, buffer, filled, length - filled, offset + filled);
            if (read === 0)
                break;
            filled += read;
        }
        return buffer.subarray(0, filled);
    };
}
function bufferReader(zip) {
    return (offset, length) => zip.subarray(offset, offset + length);
}
function readCentralDirectory(readAt, size, limits, problem) {
    const tailStart = Math.max(0, size - TAIL_BYTES);
    const tail = readAt(tailStart, size - tailStart);
    const end = findEndOfCentralDirectory(tail);
    if (end === undefined)
        throw problem('is not a zip archive (no end of central directory)');
    let count = tail.readUInt16LE(end + 10);
    let offset = tail.readUInt32LE(end + 16);
    let directoryEnd = tailStart + end;
    if (count === 0xffff || offset === U32_MAX) {
        const locator = end - 20;
        if (locator < 0 || tail.readUInt32LE(locator) !== ZIP64_LOCATOR)
            throw problem(DAMAGED_ZIP64);
        const at = within(tail.readBigUInt64LE(locator + 8), size - 56, problem);
        const record = readAt(at, 56);
        if (record.length < 56 || record.readUInt32LE(0) !== ZIP64_EOCD)
            throw problem(DAMAGED_ZIP64);
        count = within(record.readBigUInt64LE(32), Number.MAX_SAFE_INTEGER, problem);
        offset = within(record.readBigUInt64LE(48), size, problem);
        directoryEnd = at;
    }
    if (count > limits.maxEntries) {
        throw problem(`has ${count} members, over the limit of ${limits.maxEntries}`);
    }
    if (offset > directoryEnd)
        throw problem(DAMAGED_DIRECTORY);
    const directory = readAt(offset, directoryEnd - offset);
    const members = [];
    let at = 0;
    for (let i = 0; i < count; i++) {
        if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL_HEADER) {
            throw problem(DAMAGED_DIRECTORY);
        }
        const nameEnd = at + 46 + directory.readUInt16LE(at + 28);
        const extraEnd = nameEnd + directory.readUInt16LE(at + 30);
        const next = extraEnd + directory.readUInt16LE(at + 32);
        if (next > directory.length)
            throw problem(DAMAGED_DIRECTORY);
        const member = {
            // OSV names are ASCII; UTF-8 also covers the zip "language encoding" flag.
            name: directory.toString('utf8', at + 46, nameEnd),
            flags: directory.readUInt16LE(at + 8),
            method: directory.readUInt16LE(at + 10),
            crc: directory.readUInt32LE(at + 16),
            compressedSize: directory.readUInt32LE(at + 20),
            size: directory.readUInt32LE(at + 24),
            localHeaderOffset: directory.readUInt32LE(at + 42)
        };
        readZip64Extra(directory.subarray(nameEnd, extraEnd), member, problem);
        members.push(member);
        at = next;
    }
    return members;
}
const DAMAGED_ZIP64 = 'has a damaged ZIP64 directory';
const DAMAGED_DIRECTORY = 'has a damaged central directory';
function findEndOfCentralDirectory(tail) {
    // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
    for (let at = tail.length - 22; at >= Math.max(0, tail.length - 22 - 0xffff); at--) {
        if (tail.readUInt32LE(at) === EOCD)
            return at;
    }
    return undefined;
}
/** Sizes and offsets that do not fit 32 bits live in the ZIP64 extra field (id 0x0001). */
function readZip64Extra(extra, member, problem) {
    const { size, compressedSize, localHeaderOffset } = member;
    if (size !== U32_MAX && compressedSize !== U32_MAX && localHeaderOffset !== U32_MAX)
        return;
    const fields = ['size', 'compressedSize', 'localHeaderOffset'];
    for (let at = 0; at + 4 <= extra.length; at += 4 + extra.readUInt16LE(at + 2)) {
        if (extra.readUInt16LE(at) !== 0x0001)
            continue;
        const fieldEnd = Math.min(extra.length, at + 4 + extra.readUInt16LE(at + 2));
        let cursor = at + 4;
        for (const field of fields) {
            if (member[field] !== U32_MAX || cursor + 8 > fieldEnd)
                continue;
            member[field] = within(extra.readBigUInt64LE(cursor), Number.MAX_SAFE_INTEGER, problem);
            cursor += 8;
        }
        return;
    }
}
function within(value, max, problem) {
    if (value > BigInt(max))
        throw problem(DAMAGED_ZIP64);
    return Number(value);
}
function memberBytes(readAt, size, member, budget, problem) {
    if ((member.flags & 0x1) !== 0)
        throw problem('is encrypted, which is not supported');
    const at = member.localHeaderOffset;
    const header = at + 30 > size ? undefined : readAt(at, 30);
    if (header?.length !== 30 || header.readUInt32LE(0) !== LOCAL_HEADER) {
        throw problem('has a damaged local header');
    }
    const start = at + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    if (start + member.compressedSize > size)
        throw problem('runs past the end of the archive');
    const raw = readAt(start, member.compressedSize);
    if (raw.length !== member.compressedSize)
        throw problem('runs past the end of the archive');
    const data = decode(raw, member.method, budget, problem);
    if (data.length > budget.bytes)
        throw problem(`inflates past ${budget.limit}`);
    if (data.length !== member.size) {
        throw problem(`declares ${member.size} bytes but holds ${data.length}`);
    }
    // zlib.crc32 arrived in Node 20.15; without it the size check and JSON parsing still guard.
    if (typeof (external_node_zlib_default()).crc32 === 'function' && external_node_zlib_default().crc32(data) >>> 0 !== member.crc) {
        throw problem('fails its checksum (corrupt archive)');
    }
    return data;
}
function decode(raw, method, budget, problem) {
    const overLimit = () => problem(`inflates past ${budget.limit}`);
    if (method === 0) {
        if (raw.length > budget.bytes)
            throw overLimit();
        return raw;
    }
    if (method !== 8)
        throw problem(`uses compression method ${method}, which is not supported`);
    try {
        // maxOutputLength makes zlib stop at the budget, whatever size the member declares.
        return external_node_zlib_default().inflateRawSync(raw, { maxOutputLength: Math.max(budget.bytes, 1) });
    }
    catch (error) {
        if (error.code === 'ERR_BUFFER_TOO_LARGE')
            throw overLimit();
        throw problem('has corrupt compressed data');
    }
}

;// CONCATENATED MODULE: ./src/advisories/offline-source.ts
/**
 * Where an offline database's records come from: a directory of OSV JSON files, or a zip laid
 * out like OSV's per-ecosystem all.zip. Either is a list of members (relative file paths or zip
 * entry names) that can be read all at once or a chosen few at a time; each member is parsed
 * into one record, or a ParseError naming the file (and member).
 */





const READ_CONCURRENCY = 16;
/** Opens a database; I/O errors (a missing path) are thrown as they are. */
async function openRecordSource(location, limits) {
    if ((await (0,promises_.stat)(location)).isDirectory()) {
        const members = await listDirectory(location, limits);
        return {
            kind: 'directory',
            location,
            members,
            read: (chosen, onRecord) => readFiles(location, members, chosen, limits, (member, data) => parseRecord(data, { file: external_node_path_default().join(location, member) })).then(records => records.forEach(([member, record]) => onRecord(member, record))),
            close: async () => { }
        };
    }
    const archive = await ZipArchive.open(location, limits);
    return {
        kind: 'zip',
        location,
        archive,
        members: archive.fileNames.filter(isRecordPath),
        read: (chosen, onRecord) => archive.read(chosen === 'all' ? isRecordPath : name => chosen.has(name) && isRecordPath(name), (member, data) => onRecord(member, parseRecord(data, { file: location }, member))),
        close: () => archive.close()
    };
}
const HIDDEN_PART = /(?:^|[\\/])(?:\.|__MACOSX(?:[\\/]|$))/;
/** `*.json`, leaving out hidden files and folders (`.github/`, macOS `__MACOSX/._x.json`). */
function isRecordPath(name) {
    return /\.json$/i.test(name) && !HIDDEN_PART.test(name);
}
/** The JSON files under `root`, as sorted paths relative to it; symlinks are followed. */
async function listDirectory(root, limits) {
    const files = [];
    const visited = new Set();
    const walk = async (dir) => {
        const real = await (0,promises_.realpath)(dir);
        if (visited.has(real))
            return; // a symlink loop
        visited.add(real);
        for (const entry of await (0,promises_.readdir)(dir, { withFileTypes: true })) {
            if (entry.name.startsWith('.'))
                continue;
            const full = external_node_path_default().join(dir, entry.name);
            const kind = entry.isSymbolicLink() ? await (0,promises_.stat)(full) : entry;
            if (kind.isDirectory())
                await walk(full);
            else if (kind.isFile() && isRecordPath(entry.name))
                files.push(external_node_path_default().relative(root, full));
        }
        if (files.length > limits.maxEntries) {
            throw new errors/* ParseError */.mB({ file: root }, `holds more than ${limits.maxEntries} JSON files`);
        }
    };
    await walk(root);
    return files.sort();
}
/**
 * Reads and parses the chosen files, a few at a time, and returns them in `members` order
 * whatever order the reads finish in, so duplicates resolve the same way on every run.
 */
async function readFiles(root, members, chosen, limits, parse) {
    const files = chosen === 'all' ? members : members.filter(member => chosen.has(member));
    const results = new Array(files.length);
    let total = 0;
    let next = 0;
    const tooBig = (file, detail) => new errors/* ParseError */.mB({ file }, detail);
    const readOne = async (at, handle) => {
        const file = external_node_path_default().join(root, files[at]);
        const { size } = await handle.stat();
        if (size > limits.maxEntryBytes) {
            throw tooBig(file, `is ${size} bytes, over the per-file limit of ${limits.maxEntryBytes} bytes`);
        }
        total += size;
        if (total > limits.maxTotalBytes) {
            throw tooBig(root, `holds more JSON than the total limit of ${limits.maxTotalBytes} bytes`);
        }
        results[at] = [files[at], parse(files[at], await handle.readFile())];
    };
    const worker = async () => {
        while (next < files.length) {
            const at = next++;
            const handle = await (0,promises_.open)(external_node_path_default().join(root, files[at]));
            // On a failure, stop the other workers too.
            await readOne(at, handle)
                .catch(error => {
                next = files.length;
                throw error;
            })
                .finally(() => handle.close());
        }
    };
    await Promise.all(Array.from({ length: READ_CONCURRENCY }, worker));
    return results;
}
/** One OSV record from JSON bytes, or a ParseError naming the file (and zip member). */
function parseRecord(data, where, member) {
    const prefix = member === undefined ? '' : `member ${JSON.stringify(member)}: `;
    const text = data.toString('utf8').replace(/^\uFEFF/, '');
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        const { line, column, reason } = describeJsonError(error, text);
        // Inside a zip the line and column belong to the member, so they go in the message.
        if (member !== undefined || line === undefined) {
            const at = line === undefined ? '' : ` at line ${line}, column ${column}`;
            throw new errors/* ParseError */.mB(where, `${prefix}invalid JSON${at} (${reason})`);
        }
        throw new errors/* ParseError */.mB({ ...where, line, column }, `invalid JSON (${reason})`);
    }
    const problem = shapeProblem(value);
    if (problem !== undefined)
        throw new errors/* ParseError */.mB(where, `${prefix}not an OSV record: ${problem}`);
    return value;
}
/**
 * V8 reports where JSON broke in one of two forms depending on the Node version ("at position
 * N" or "(line L column C)"), and sometimes quotes the text around it. We keep the position and
 * the reason but never echo the file's own text.
 */
function describeJsonError(error, text) {
    const message = (0,errors/* messageOf */.bD)(error);
    const reason = message.split(/, "| in JSON| \(line /)[0].trim();
    const lineColumn = /line (\d+) column (\d+)/.exec(message);
    if (lineColumn)
        return { line: Number(lineColumn[1]), column: Number(lineColumn[2]), reason };
    const position = /at position (\d+)/.exec(message);
    if (!position)
        return { reason };
    const before = text.slice(0, Number(position[1]));
    const line = before.split('\n').length;
    return { line, column: before.length - before.lastIndexOf('\n'), reason };
}
const OPTIONAL_STRINGS = ['withdrawn', 'summary', 'details', 'schema_version', 'published'];
const EVENT_KEYS = ['introduced', 'fixed', 'last_affected', 'limit'];
/** The fields matching and reporting read must have the types osv.ts promises; null = absent. */
function shapeProblem(record) {
    if (!(0,json_shape/* isObject */.G)(record))
        return 'not a JSON object';
    if (typeof record.id !== 'string' || record.id === '')
        return '"id" is missing';
    if (typeof record.modified !== 'string' || Number.isNaN(Date.parse(record.modified))) {
        return '"modified" is not a timestamp';
    }
    const badString = OPTIONAL_STRINGS.find(key => record[key] != null && typeof record[key] !== 'string');
    if (badString !== undefined)
        return `"${badString}" is not a string`;
    if (record.aliases != null && !(0,json_shape/* isStringList */.e)(record.aliases))
        return '"aliases" is not a list of strings';
    if (record.affected == null)
        return undefined;
    if (!Array.isArray(record.affected))
        return '"affected" is not a list';
    for (const [i, affected] of record.affected.entries()) {
        const at = `affected[${i}]`;
        if (!(0,json_shape/* isObject */.G)(affected))
            return `${at} is not an object`;
        const pkg = affected.package;
        if (pkg != null &&
            !((0,json_shape/* isObject */.G)(pkg) && typeof pkg.ecosystem === 'string' && typeof pkg.name === 'string')) {
            return `${at}.package needs "ecosystem" and "name" strings`;
        }
        if (affected.versions != null && !(0,json_shape/* isStringList */.e)(affected.versions)) {
            return `${at}.versions is not a list of strings`;
        }
        if (affected.ranges == null)
            continue;
        if (!Array.isArray(affected.ranges))
            return `${at}.ranges is not a list`;
        for (const [j, range] of affected.ranges.entries()) {
            const events = (0,json_shape/* isObject */.G)(range) && typeof range.type === 'string' ? range.events : undefined;
            const eventsOk = Array.isArray(events) &&
                events.every(e => (0,json_shape/* isObject */.G)(e) && EVENT_KEYS.every(k => e[k] === undefined || typeof e[k] === 'string'));
            if (!eventsOk)
                return `${at}.ranges[${j}] needs a "type" and a list of string "events"`;
        }
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/advisories/offline-db.ts
/**
 * An advisory feed read from local OSV JSON: a directory of records, or a zip laid out like
 * OSV's per-ecosystem all.zip (offline-source.ts). Every record is loaded and indexed by package
 * name up front, in memory, and nothing is written.
 *
 * There is deliberately no index kept on disk between runs. Earlier releases kept one in the
 * advisory cache; but the cache directory may be written by other jobs (a self-hosted runner's
 * tool cache), and an index that leaves a record out of a package hides that record's findings.
 * No check short of reading every record can prove an index complete, and reading every record
 * is what a full load costs (~0.25 s for the whole PyPI database), so a full load it is.
 */









/**
 * `source` with each record that names none of the `kept` PyPI packages cut down, as it is
 * read, to what the catalogue reads of it (id, dates, schema version, the PyPI names): the
 * record itself is garbage at once, before it can be promoted to the old generation. A PyPA
 * record lists every affected release; the database of 7,080 records is ~20 MB of JSON and a
 * few times that in memory.
 */
function keepingOnly(source, kept) {
    return {
        ...source,
        read: (chosen, onRecord) => source.read(chosen, (member, record) => {
            const pypi = (record.affected ?? []).filter(entry => entry.package?.ecosystem === 'PyPI');
            if (pypi.some(entry => kept.has((0,deps_names/* normalizeName */.P)(entry.package.name)))) {
                onRecord(member, record);
                return;
            }
            onRecord(member, {
                id: record.id,
                modified: record.modified,
                ...(record.schema_version === undefined ? {} : { schema_version: record.schema_version }),
                affected: pypi.map(entry => ({
                    package: { ecosystem: 'PyPI', name: entry.package.name }
                }))
            });
        })
    };
}
/**
 * Reading every record makes ~100 MB of garbage that dies young (inflated members, their text,
 * the records of packages not asked about). V8 grows the young generation while garbage comes
 * this fast, to 3 x 32 MB on Node 24, and the process's peak memory grows with it (314 MB for
 * 1,000 pins on Node 24, 182 MB on Node 20); kept at its start size, the same run peaks at
 * ~190 MB on both, and takes no longer. For the run's process, not a library: set once, as the
 * database is opened, after the bundle has loaded (a flag changed at run time makes V8 refuse
 * Node's code cache for built-in modules loaded afterwards; see src/net/wasm-tiering.ts).
 */
function keepYoungGenerationSmall() {
    (0,external_node_v8_.setFlagsFromString)('--semi-space-growth-factor=1');
}
/** Clock skew we tolerate before calling a `modified` date a typo from the future. */
const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000;
class OfflineDatabase {
    location;
    settings;
    name;
    byName = new Map();
    /** The normalised names whose records are kept; undefined: every package's. */
    kept;
    newest;
    count = 0;
    constructor(location, label, settings) {
        this.location = location;
        this.settings = settings;
        this.name = `offline database ${label}`;
    }
    static async load(location, options = {}) {
        const logger = options.logger ?? log/* silentLogger */.q;
        const started = performance.now();
        const db = new OfflineDatabase(location, options.label ?? location, {
            logger,
            limits: { ...DEFAULT_ZIP_LIMITS, ...options.limits },
            now: options.now ?? new Date()
        });
        if (options.packages !== undefined) {
            db.kept = new Set([...options.packages].map(name => (0,deps_names/* normalizeName */.P)(name)));
        }
        await db.withSource(source => db.loadAll(source, true));
        const ms = Math.round(performance.now() - started);
        logger.debug(`Loaded ${db.recordCount} PyPI advisories from ${location} in ${ms} ms`);
        return db;
    }
    async lookup(packages) {
        const names = packages.map(({ name }) => (0,deps_names/* normalizeName */.P)(name));
        const kept = this.kept;
        if (kept !== undefined && names.some(name => !kept.has(name))) {
            // A package the run did not name when it opened the database: read it all again.
            this.kept = new Set([...kept, ...names]);
            this.byName.clear();
            await this.withSource(source => this.loadAll(source, false));
        }
        return packages.map(({ version }, i) => {
            const candidates = this.byName.get(names[i]) ?? [];
            return candidates.filter(record => (0,match/* recordAffects */.uH)(record, names[i], version));
        });
    }
    /**
     * Every advisory, withdrawn ones left out, that names `name` (normalised here) as a PyPI
     * package, whatever version it affects: what a recommended upgrade is computed from.
     */
    recordsFor(name) {
        const normalized = (0,deps_names/* normalizeName */.P)(name);
        if (this.kept !== undefined && !this.kept.has(normalized)) {
            // Only packages looked up are asked about; never answer one from records not kept.
            throw new errors/* FeedError */.lS(this.name, `the advisories of ${name} were not loaded`);
        }
        const records = this.byName.get(normalized) ?? [];
        return records.filter(record => record.withdrawn == null);
    }
    /** PyPI advisories held (withdrawn ones included). */
    get recordCount() {
        return this.count;
    }
    /** The latest `modified` date of any advisory, ignoring dates in the future (typos). */
    newestModified() {
        return this.newest === undefined ? undefined : new Date(this.newest);
    }
    /**
     * Reads every record and indexes the PyPI ones by package name (those of the kept packages,
     * when only some are kept); `summarize`: say what a full load finds worth saying.
     */
    async loadAll(source, summarize) {
        const kept = this.kept;
        const reading = kept === undefined ? source : keepingOnly(source, kept);
        const { catalogue, records } = await this.io(() => readCatalogue(reading));
        for (const [name, positions] of catalogue.packages) {
            if (kept !== undefined && !kept.has(name))
                continue;
            this.byName.set(name, positions.map(position => records[position]));
        }
        if (summarize)
            this.summarize(catalogue);
    }
    /** Logs what a full load finds worth saying, and takes the count and newest date. */
    summarize(catalogue) {
        const { logger, now } = this.settings;
        const where = this.location;
        const { duplicates, unsupported } = catalogue;
        if (duplicates !== undefined) {
            logger.warning(`${duplicates.count} advisories appear more than once in ${where} (first: ` +
                `${duplicates.first}); the most recently modified copy of each is used`);
        }
        if (unsupported !== undefined) {
            logger.warning(`${unsupported.count} advisories in ${where} use an OSV schema version other than ` +
                `1.x (first: ${unsupported.first}); like pip-audit, they are not reported`);
        }
        const future = [];
        this.count = catalogue.entries.length;
        this.newest = undefined;
        for (const entry of catalogue.entries) {
            if (entry.time > now.getTime() + FUTURE_TOLERANCE_MS)
                future.push(entry);
            else
                this.newest = Math.max(this.newest ?? entry.time, entry.time);
        }
        if (future.length > 0) {
            logger.debug(`${future.length} advisories in ${where} are dated in the future (first: ` +
                `${future[0].id}, ${future[0].modified}); left out of the database's age`);
        }
        logger.debug(`${catalogue.withoutPypi} advisories have no PyPI package; ignored`);
    }
    /** Opens the database for `use`, then closes it. */
    async withSource(use) {
        const { location, settings } = this;
        const source = await this.io(() => openRecordSource(location, settings.limits));
        try {
            return await use(source);
        }
        finally {
            await source.close();
        }
    }
    /** I/O failures (missing path, permissions): the feed cannot answer, so the run fails. */
    async io(work) {
        try {
            return await work();
        }
        catch (error) {
            if (error instanceof errors/* PyauditError */.xE)
                throw error;
            const feed = `offline database ${this.location}`;
            throw new errors/* FeedError */.lS(feed, (0,errors/* messageOf */.bD)(error), { cause: error });
        }
    }
}


/***/ })

};
