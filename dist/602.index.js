export const id = 602;
export const ids = [602];
export const modules = {

/***/ 63602:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Rv: () => (/* binding */ inspectInterpreter),
/* harmony export */   lX: () => (/* binding */ locateInterpreter),
/* harmony export */   oj: () => (/* binding */ PYTHON_INPUT),
/* harmony export */   pythonVersionOf: () => (/* binding */ pythonVersionOf),
/* harmony export */   w$: () => (/* binding */ lastLines),
/* harmony export */   wn: () => (/* binding */ runPython)
/* harmony export */ });
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
