export const id = 514;
export const ids = [514];
export const modules = {

/***/ 12514:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  readEnvironment: () => (/* binding */ readEnvironment)
});

// UNUSED EXPORTS: isMetadataName, readDistributions

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/yauzl/index.js
var yauzl = __webpack_require__(20663);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(58382);
// EXTERNAL MODULE: ./src/shared/log.ts
var log = __webpack_require__(21827);
;// CONCATENATED MODULE: ./src/deps/core-metadata.ts
/**
 * Core metadata (METADATA, PKG-INFO, legacy `*.egg-info` files), read the way Python's
 * `importlib.metadata` reads it, because the license checks must print exactly what
 * pip-licenses prints and pip-licenses goes through `importlib.metadata`:
 *
 * - the text is UTF-8, read with universal newlines (`\r\n` and `\r` become `\n`);
 * - headers are parsed as `email.parser` does with the compat32 policy: a header block ends at
 *   the first blank line or at the first line that is neither `Name:` nor an indented
 *   continuation; a value keeps its continuation lines (with their indentation) and loses only
 *   its trailing newline;
 * - every value containing a newline is then "redented" as `importlib.metadata._adapters`
 *   does: eight spaces are put in front and `textwrap.dedent` removes the common margin. So
 *   `License: a` + `        b` gives "a\nb", but continuation lines indented with nine spaces
 *   keep one, and `       |b` (seven spaces and a bar) gives " a\n|b" - odd, but it is what
 *   Python, and so pip-licenses, shows.
 *
 * The body after the blank line is the description and is ignored.
 */

/** Lines that `email.feedparser` accepts in a header block (its `headerRE`). */
const HEADER_LINE = /^(From |[\x21-\x39\x3b-\x7e]*:|[\t ])/;
const WHITESPACE_ONLY_LINE = /^[ \t]+$/gm;
const LEADING_WHITESPACE = /^([ \t]*)[^ \t\n]/gm;
/** Bytes of a metadata file to text, as Python's `read_text(encoding='utf-8')` does. */
function decodeMetadata(bytes, file) {
    let text;
    try {
        // ignoreBOM keeps a BOM as U+FEFF, as Python's 'utf-8' codec does (and the header then fails to parse).
        text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    }
    catch {
        throw new errors/* ParseError */.mB({ file }, 'metadata is not valid UTF-8');
    }
    return text.replace(/\r\n?/g, '\n');
}
/** All headers in order, values redented; the body is dropped. Expects `\n` line endings. */
function parseMetadataHeaders(text) {
    const lines = text.split('\n');
    const headers = [];
    let current;
    const flush = () => {
        if (current)
            headers.push({ name: current.name, value: headerValue(current.lines) });
        current = undefined;
    };
    for (let index = 0; index < lines.length; index++) {
        const line = lines[index];
        // The last element after split() is what followed the final newline: no line at all if empty.
        if (index === lines.length - 1 && line === '')
            break;
        if (!HEADER_LINE.test(line))
            break; // a blank line, or the start of a body without one
        if (line[0] === ' ' || line[0] === '\t') {
            current?.lines.push(line); // a continuation with no header before it is dropped, as Python does
            continue;
        }
        flush();
        if (line.startsWith('From '))
            continue; // a Unix "From " envelope line is not a header
        const colon = line.indexOf(':');
        if (colon === 0)
            continue; // ":value" has no name: Python records a defect and skips it
        current = { name: line.slice(0, colon), lines: [line.slice(colon + 1)] };
    }
    flush();
    return headers;
}
/** compat32's header_source_parse followed by importlib's redent. */
function headerValue(lines) {
    const value = (lines[0].replace(/^[ \t]+/, '') + '\n' + lines.slice(1).join('\n')).replace(/[\r\n]+$/, '');
    return value.includes('\n') ? dedent(' '.repeat(8) + value) : value;
}
/** Python's textwrap.dedent. */
function dedent(input) {
    const text = input.replace(WHITESPACE_ONLY_LINE, '');
    let margin;
    for (const match of text.matchAll(LEADING_WHITESPACE)) {
        const indent = match[1];
        if (margin === undefined || margin.startsWith(indent))
            margin = indent;
        else if (!indent.startsWith(margin))
            margin = commonPrefix(margin, indent);
    }
    if (!margin)
        return text;
    return text
        .split('\n')
        .map(line => (line.startsWith(margin) ? line.slice(margin.length) : line))
        .join('\n');
}
function commonPrefix(a, b) {
    let length = 0;
    while (length < a.length && length < b.length && a[length] === b[length])
        length++;
    return a.slice(0, length);
}
/**
 * Name, version, license fields and requirements of one distribution. `file` names the
 * metadata file in errors.
 */
function parseCoreMetadata(text, file) {
    const headers = parseMetadataHeaders(text);
    const first = (key) => headers.find(header => header.name.toLowerCase() === key)?.value;
    const all = (key) => headers.filter(header => header.name.toLowerCase() === key).map(header => header.value);
    const name = first('name')?.trim();
    const version = first('version')?.trim();
    if (!name)
        throw new errors/* ParseError */.mB({ file }, "metadata has no 'Name' header");
    if (!version)
        throw new errors/* ParseError */.mB({ file }, `metadata for ${name} has no 'Version' header`);
    const metadata = { classifiers: all('classifier') };
    const license = first('license');
    if (license !== undefined)
        metadata.license = license;
    const licenseExpression = first('license-expression');
    if (licenseExpression !== undefined)
        metadata.licenseExpression = licenseExpression;
    return {
        name,
        version,
        metadata,
        requiresDist: all('requires-dist'),
        licenseFiles: all('license-file')
    };
}

// EXTERNAL MODULE: ./src/deps/names.ts
var names = __webpack_require__(96498);
// EXTERNAL MODULE: ./src/deps/python.ts
var python = __webpack_require__(63602);
;// CONCATENATED MODULE: ./src/deps/environment.ts
/**
 * The distributions installed in a Python environment, found the way `importlib.metadata`
 * finds them: every `*.dist-info` and `*.egg-info` (directory or file) directly inside each
 * sys.path entry, `EGG-INFO` inside `*.egg` entries, and the same inside zip files on
 * sys.path. A directory's metadata is its METADATA, else its PKG-INFO; an `.egg-info` file is
 * the metadata itself. The interpreter is only asked for sys.path; all reading happens here.
 *
 * A project installed in two sys.path entries is taken from the first (what `import` and
 * `importlib.metadata.version()` see). Two versions of one project in the same directory are a
 * broken installation where Python's choice depends on directory order: both are kept, so
 * both are audited, with a warning.
 */








/** Every distribution installed for an interpreter or virtualenv (input `python`). */
async function readEnvironment(pythonOrVenv, options = {}) {
    const logger = options.logger ?? log/* silentLogger */.q;
    const interpreter = await (0,python/* inspectInterpreter */.Rv)(pythonOrVenv, options);
    logger.debug(`Python ${interpreter.version} at ${interpreter.executable}; sys.path: ${interpreter.sysPath.join(', ')}`);
    const installed = await readDistributions(interpreter.sysPath, logger);
    const dependencies = installed.map(distribution => ({
        name: (0,names/* normalizeName */.P)(distribution.name),
        version: distribution.version,
        location: { file: distribution.file, line: 0 },
        format: 'environment',
        metadata: distribution.metadata
    }));
    // A bare command name ('python3') was found on PATH: name the interpreter it ran instead.
    const file = external_node_path_.isAbsolute(interpreter.command)
        ? external_node_path_.resolve(options.cwd ?? process.cwd(), pythonOrVenv)
        : interpreter.executable;
    return { file, format: 'environment', dependencies, skipped: [] };
}
/** Distributions on these sys.path entries, de-duplicated by first occurrence. */
async function readDistributions(sysPath, logger = log/* silentLogger */.q) {
    const perEntry = await Promise.all(sysPath.map(entry => distributionsIn(entry, logger)));
    const firstEntry = new Map();
    const kept = [];
    for (const distributions of perEntry) {
        for (const distribution of distributions) {
            const key = (0,names/* normalizeName */.P)(distribution.name);
            const seenIn = firstEntry.get(key);
            if (seenIn === undefined)
                firstEntry.set(key, distribution.pathEntry);
            else if (seenIn !== distribution.pathEntry)
                continue;
            else if (!isNewVersion(kept, distribution, key, logger))
                continue;
            kept.push(distribution);
        }
    }
    return kept;
}
/** A second copy in the same directory: worth keeping (and a warning) only with another version. */
function isNewVersion(kept, distribution, key, logger) {
    const others = kept.filter(candidate => (0,names/* normalizeName */.P)(candidate.name) === key);
    if (others.some(other => other.version === distribution.version))
        return false;
    const other = others[0];
    logger.warning(`${distribution.pathEntry} holds two installations of ${key} (${other.version} in ${other.file} and ` +
        `${distribution.version} in ${distribution.file}); auditing both`);
    return true;
}
async function distributionsIn(entry, logger) {
    let children;
    try {
        children = await promises_.readdir(entry);
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT')
            return []; // Python skips missing entries too (python311.zip usually is)
        if (code === 'ENOTDIR')
            return fromZip(entry, logger);
        logger.warning(`Cannot list sys.path entry ${entry} (${code ?? String(error)}); Python cannot import from it either`);
        return [];
    }
    const isEgg = external_node_path_.basename(entry).toLowerCase().endsWith('.egg');
    const metadataDirs = children.filter(child => isMetadataName(child, isEgg));
    const read = await Promise.all(metadataDirs.map(child => readMetadataOf(external_node_path_.join(entry, child))));
    return read.map(({ file, text }) => ({
        ...parseCoreMetadata(text, file),
        file,
        pathEntry: entry
    }));
}
function isMetadataName(child, insideEgg) {
    const lower = child.toLowerCase();
    return (lower.endsWith('.dist-info') ||
        lower.endsWith('.egg-info') ||
        (insideEgg && lower === 'egg-info'));
}
/** METADATA, else PKG-INFO; a metadata entry that is a file is read itself (legacy egg-info). */
async function readMetadataOf(metadataPath) {
    for (const name of ['METADATA', 'PKG-INFO']) {
        const file = external_node_path_.join(metadataPath, name);
        let bytes;
        try {
            bytes = await promises_.readFile(file);
        }
        catch (error) {
            const code = error.code;
            if (code === 'ENOTDIR')
                return readWholeFile(metadataPath);
            if (code === 'ENOENT' || code === 'EISDIR')
                continue;
            throw new errors/* ParseError */.mB({ file }, `cannot read: ${code ?? String(error)}`);
        }
        // An empty file counts as absent, as in importlib (`read_text(...) or ...`).
        if (bytes.length > 0)
            return { file, text: decodeMetadata(bytes, file) };
    }
    throw new errors/* ParseError */.mB({ file: external_node_path_.join(metadataPath, 'METADATA') }, 'missing (and no PKG-INFO either): the installation is broken; reinstall the package');
}
async function readWholeFile(file) {
    let bytes;
    try {
        bytes = await promises_.readFile(file);
    }
    catch (error) {
        throw new errors/* ParseError */.mB({ file }, `cannot read: ${error.code ?? String(error)}`);
    }
    return { file, text: decodeMetadata(bytes, file) };
}
async function fromZip(entry, logger) {
    const isEgg = external_node_path_.basename(entry).toLowerCase().endsWith('.egg');
    const files = await readZipMetadata(entry, child => isMetadataName(child, isEgg), logger);
    return files.map(({ file, bytes }) => ({
        ...parseCoreMetadata(decodeMetadata(bytes, file), file),
        file,
        pathEntry: entry
    }));
}
const MAX_ZIPPED_METADATA_BYTES = 16 * 1024 * 1024;
/** Metadata files of the distributions inside a zip on sys.path (zipped eggs, zipapps). */
async function readZipMetadata(zipPath, isMetadataDir, logger) {
    let zip;
    try {
        zip = await yauzl.openPromise(zipPath, {
            lazyEntries: true,
            autoClose: false,
            validateEntrySizes: true
        });
    }
    catch (error) {
        // Python ignores a sys.path file it cannot open as a zip; it imports nothing from it.
        logger.warning(`sys.path entry ${zipPath} is a file but not a readable zip (${String(error)}); skipped`);
        return [];
    }
    try {
        const wanted = new Map(); // METADATA or PKG-INFO, by top-level directory
        for await (const entry of zipEntries(zip)) {
            const [top, name, ...rest] = entry.fileName.split('/');
            if (rest.length > 0 || !top || !isMetadataDir(top))
                continue;
            if (name === 'METADATA' || (name === 'PKG-INFO' && !wanted.has(top)))
                wanted.set(top, entry);
        }
        const files = [];
        for (const entry of wanted.values()) {
            const file = `${zipPath}/${entry.fileName}`;
            if (entry.uncompressedSize > MAX_ZIPPED_METADATA_BYTES) {
                throw new errors/* ParseError */.mB({ file }, `metadata of ${entry.uncompressedSize} bytes is implausibly large`);
            }
            const chunks = [];
            for await (const chunk of await zip.openReadStreamPromise(entry))
                chunks.push(chunk);
            files.push({ file, bytes: Buffer.concat(chunks) });
        }
        return files;
    }
    catch (error) {
        if (error instanceof errors/* PyauditError */.xE)
            throw error;
        throw new errors/* ParseError */.mB({ file: zipPath }, `cannot read zip on sys.path: ${String(error)}`);
    }
    finally {
        zip.close();
    }
}
async function* zipEntries(zip) {
    while (true) {
        const entry = await new Promise((resolve, reject) => {
            const cleanup = () => {
                zip.removeAllListeners('entry').removeAllListeners('end').removeAllListeners('error');
            };
            zip.once('entry', (found) => (cleanup(), resolve(found)));
            zip.once('end', () => (cleanup(), resolve(undefined)));
            zip.once('error', (error) => (cleanup(), reject(error)));
            zip.readEntry();
        });
        if (!entry)
            return;
        yield entry;
    }
}


/***/ }),

/***/ 63602:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Rv: () => (/* binding */ inspectInterpreter),
/* harmony export */   lX: () => (/* binding */ locateInterpreter),
/* harmony export */   oj: () => (/* binding */ PYTHON_INPUT),
/* harmony export */   w$: () => (/* binding */ lastLines),
/* harmony export */   wn: () => (/* binding */ runPython)
/* harmony export */ });
/* unused harmony export pythonVersionOf */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(58382);
/**
 * Finding and running the user's Python interpreter. Everything goes through execFile with an
 * argument array (no shell) and a timeout.
 *
 * Asking the interpreter about itself runs `python -E -c <script>` where the script touches
 * only the built-in `sys` module, so nothing is imported from the working directory or the
 * project (sys.path[0] is added only after `site` has run, and `sys` is never looked up on
 * sys.path). `-E` drops PYTHONPATH and the other PYTHON* variables, as pip-licenses drops
 * PYTHONPATH; unlike `-I` it keeps the user site-packages, which a normal run imports from.
 */




/** The input name used in error messages. */
const PYTHON_INPUT = 'python';
const DEFAULT_TIMEOUT_MS = 60_000;
const MARKER = 'pyaudit-python-info-v1';
const INFO_SCRIPT = [
    'import sys',
    'v = sys.version_info',
    "level = {'alpha': 'a', 'beta': 'b', 'candidate': 'rc'}.get(v[3], '')",
    "version = '%d.%d.%d' % tuple(v[:3]) + (level + str(v[4]) if level else '')",
    `fields = ['${MARKER}', version, sys.executable or '', sys.prefix] + [p for p in sys.path if p]`,
    "sys.stdout.buffer.write('\\0'.join(fields).encode('utf-8', 'surrogateescape'))"
].join('\n');
/**
 * Runs the interpreter with `args`. Resolves with the exit code and output whatever the exit
 * code; rejects with an InputError when it cannot be started and a PyauditError on timeout.
 */
function runPython(command, args, options = {}) {
    const displayName = options.displayName ?? command;
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    return new Promise((resolve, reject) => {
        (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile)(command, args, {
            cwd: options.cwd,
            env: options.env ?? process.env,
            timeout: timeoutMs,
            maxBuffer: 64 * 1024 * 1024,
            windowsHide: true,
            encoding: 'utf8'
        }, (error, stdout, stderr) => {
            if (!error)
                return resolve({ exitCode: 0, stdout, stderr });
            const failure = error;
            if (failure.code === 'ENOENT') {
                return reject(new _shared_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(PYTHON_INPUT, `${displayName} was not found`));
            }
            if (failure.code === 'EACCES') {
                return reject(new _shared_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(PYTHON_INPUT, `${displayName} is not executable`));
            }
            if (failure.killed) {
                return reject(new _shared_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .PyauditError */ .xE(`${options.activity ?? displayName} did not finish within ${timeoutMs / 1000} s and was stopped`));
            }
            if (typeof failure.code === 'number')
                return resolve({ exitCode: failure.code, stdout, stderr });
            reject(new _shared_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(PYTHON_INPUT, `${displayName} could not be run: ${failure.message}`));
        });
    });
}
/**
 * The command to run for an interpreter path, a virtualenv directory (`bin/python`, or
 * `Scripts/python.exe` on Windows) or a bare command name looked up on PATH.
 */
async function locateInterpreter(pythonOrVenv, cwd = process.cwd()) {
    if (pythonOrVenv.trim() === '')
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(PYTHON_INPUT, 'is empty');
    const absolute = node_path__WEBPACK_IMPORTED_MODULE_2__.resolve(cwd, pythonOrVenv);
    const stat = await node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat(absolute).catch(() => undefined);
    if (stat?.isDirectory()) {
        for (const candidate of interpreterCandidates()) {
            const file = node_path__WEBPACK_IMPORTED_MODULE_2__.join(absolute, candidate);
            if ((await node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat(file).catch(() => undefined))?.isFile())
                return file;
        }
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(PYTHON_INPUT, `${pythonOrVenv} is a directory without ${interpreterCandidates()[0]}: not a virtual environment`);
    }
    if (stat)
        return absolute;
    const bareName = !pythonOrVenv.includes('/') && !pythonOrVenv.includes(node_path__WEBPACK_IMPORTED_MODULE_2__.sep);
    if (bareName)
        return pythonOrVenv;
    throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(PYTHON_INPUT, `${pythonOrVenv} was not found`);
}
function interpreterCandidates() {
    return process.platform === 'win32'
        ? ['Scripts\\python.exe', 'python.exe']
        : ['bin/python', 'bin/python3'];
}
/** Asks the interpreter (or the virtualenv's) for its version, executable and sys.path. */
async function inspectInterpreter(pythonOrVenv, options = {}) {
    const command = await locateInterpreter(pythonOrVenv, options.cwd);
    const result = await runPython(command, ['-E', '-c', INFO_SCRIPT], {
        ...options,
        displayName: pythonOrVenv
    });
    const fields = result.stdout.split('\0');
    if (result.exitCode !== 0 || fields[0] !== MARKER || fields.length < 4) {
        const detail = lastLines(result.stderr, 3);
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(PYTHON_INPUT, `${pythonOrVenv} is not a working Python 3 interpreter${detail ? `: ${detail}` : ''}`);
    }
    const [, version, executable, prefix, ...sysPath] = fields;
    return { command, version, executable, prefix, sysPath };
}
/** python_full_version of the interpreter, for marker evaluation (e.g. '3.11.7'). */
async function pythonVersionOf(python, options = {}) {
    return (await inspectInterpreter(python, options)).version;
}
function lastLines(text, count) {
    return text
        .split(/\r?\n/)
        .filter(line => line.trim() !== '')
        .slice(-count)
        .join('\n');
}


/***/ })

};
