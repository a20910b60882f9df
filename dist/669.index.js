export const id = 669;
export const ids = [669];
export const modules = {

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


/***/ }),

/***/ 80669:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  resolveFile: () => (/* binding */ resolveFile)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(58382);
// EXTERNAL MODULE: ./src/deps/names.ts
var names = __webpack_require__(96498);
// EXTERNAL MODULE: ./src/deps/python.ts
var python = __webpack_require__(63602);
// EXTERNAL MODULE: ./src/shared/json-shape.ts
var json_shape = __webpack_require__(66511);
;// CONCATENATED MODULE: ./src/deps/pip-resolve.ts
/**
 * Resolving requirements with the user's own pip: `pip install --dry-run --ignore-installed
 * --report` answers "what would be installed in an empty environment", with each package's
 * metadata, without installing anything.
 *
 * SECURITY: resolving can download source distributions and build them to learn their
 * metadata, which runs code from the package index (setup.py, build backends). Do not resolve
 * requirements of untrusted pull requests in a privileged context (`pull_request_target`);
 * `onlyBinary` (`--only-binary :all:`) keeps pip to wheels and avoids builds.
 *
 * pip runs as `python -I -m pip`: `-I` keeps the working directory (the checked-out project)
 * off sys.path, so a `pip.py` in the project cannot stand in for pip. PIP_* variables in `env`
 * still configure pip as usual.
 */







const DEFAULT_TIMEOUT_MS = 10 * 60_000;
const REPORT_SOURCE = 'pip installation report';
async function resolveWithPip(request) {
    const command = await (0,python/* locateInterpreter */.lX)(request.python, request.cwd);
    const reportDir = await promises_.mkdtemp(external_node_path_.join(external_node_os_.tmpdir(), 'pyaudit-pip-'));
    const reportFile = external_node_path_.join(reportDir, 'report.json');
    try {
        const requirementsFile = await writeRequirementsFile(reportDir, request.requirementsFileLines);
        const args = pipInstallArguments(request, reportFile, requirementsFile);
        const result = await (0,python/* runPython */.wn)(command, args, {
            cwd: request.cwd,
            env: request.env ?? process.env,
            timeoutMs: request.timeoutMs ?? DEFAULT_TIMEOUT_MS,
            displayName: request.python,
            activity: 'pip install --dry-run'
        });
        if (result.exitCode !== 0) {
            const output = maskValues(result.stderr || result.stdout, request);
            throw pipFailure(result.exitCode, output);
        }
        const report = await promises_.readFile(reportFile, 'utf8').catch(() => undefined);
        if (report === undefined) {
            throw new errors/* PyauditError */.xE(`pip exited successfully but wrote no installation report (pip 22.2 or newer is needed)`);
        }
        return parseInstallationReport(report);
    }
    finally {
        await promises_.rm(reportDir, { recursive: true, force: true });
    }
}
/**
 * The lines in a file only pip and this user can read (a fresh mkdtemp directory, mode 0600),
 * removed with that directory. A line that could end early or start an option is refused.
 */
async function writeRequirementsFile(dir, lines) {
    if (!lines || lines.length === 0)
        return undefined;
    for (const line of lines) {
        if (/[\r\n\0]/.test(line) || line.trim() === '') {
            throw new errors/* InputError */.dz('requirements', 'a requirements-file line must be one non-empty line');
        }
    }
    const file = external_node_path_.join(dir, 'requirements.txt');
    await promises_.writeFile(file, lines.join('\n') + '\n', { mode: 0o600, flag: 'wx' });
    return file;
}
/** pip's output with the values of the variables it expanded masked (values under 3 characters stay). */
function maskValues(output, request) {
    const env = request.env ?? process.env;
    const values = (request.maskedVariables ?? [])
        .map(name => env[name])
        .filter((value) => value !== undefined && value.length >= 3)
        .sort((a, b) => b.length - a.length);
    return values.reduce((text, value) => text.split(value).join('***'), output);
}
/** The arguments after the interpreter; requirement strings can never be read as options. */
function pipInstallArguments(request, reportFile, requirementsFile) {
    const args = ['-I', '-m', 'pip', 'install', '--dry-run', '--ignore-installed', '--quiet'];
    args.push('--report', reportFile, '--disable-pip-version-check', '--no-input');
    if (request.indexUrl)
        args.push('--index-url', request.indexUrl);
    for (const url of request.extraIndexUrls ?? [])
        args.push('--extra-index-url', url);
    if (request.onlyBinary)
        args.push('--only-binary', ':all:');
    if (requirementsFile !== undefined)
        args.push('-r', requirementsFile);
    const specifiers = [];
    const { requirements } = request;
    for (let index = 0; index < requirements.length; index++) {
        const item = requirements[index];
        if (['-r', '--requirement', '-c', '--constraint'].includes(item)) {
            const file = requirements[++index];
            if (file === undefined || file === '') {
                throw new errors/* InputError */.dz('requirements', `${item} must be followed by a file path`);
            }
            args.push(item, file);
        }
        else if (item.trimStart().startsWith('-')) {
            throw new errors/* InputError */.dz('requirements', `'${item}' is an option, not a requirement`);
        }
        else if (item.trim() !== '') {
            specifiers.push(item);
        }
    }
    if (specifiers.length === 0 && !args.some(arg => arg === '-r' || arg === '--requirement')) {
        throw new errors/* InputError */.dz('requirements', 'nothing to resolve: no requirement or requirements file');
    }
    if (specifiers.length > 0)
        args.push('--', ...specifiers);
    return args;
}
function pipFailure(exitCode, output) {
    const lines = maskCredentials((0,python/* lastLines */.w$)(output, 20));
    if (/No module named pip\b/.test(lines)) {
        return new errors/* InputError */.dz(python/* PYTHON_INPUT */.oj, `pip is not installed for this interpreter:\n${lines}`);
    }
    return new errors/* PyauditError */.xE(`pip could not resolve the requirements (exit code ${exitCode}):\n${lines}`);
}
/** `scheme://user:password@` -> `scheme://user:***@`; a lone token (`scheme://token@`) -> `***@`. */
function maskCredentials(text) {
    return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)([^\s/:]*)(:[^\s/]*)?@/gi, (_match, scheme, user, password) => password === undefined ? `${scheme}***@` : `${scheme}${user}:***@`);
}
/** Pure: pip's installation report (format version 1) to resolved packages. */
function parseInstallationReport(json) {
    let report;
    try {
        report = JSON.parse(json);
    }
    catch (error) {
        throw new errors/* ParseError */.mB({ file: REPORT_SOURCE }, `not JSON: ${error.message}`);
    }
    if (!(0,json_shape/* isObject */.G)(report))
        throw new errors/* ParseError */.mB({ file: REPORT_SOURCE }, 'not a JSON object');
    if (report.version !== '1') {
        throw new errors/* ParseError */.mB({ file: REPORT_SOURCE }, `format version ${JSON.stringify(report.version)} is not supported (only "1", pip 23.0 or newer)`);
    }
    if (!Array.isArray(report.install)) {
        throw new errors/* ParseError */.mB({ file: REPORT_SOURCE }, "no 'install' array");
    }
    return {
        pipVersion: typeof report.pip_version === 'string' ? report.pip_version : 'unknown',
        environment: (0,json_shape/* isObject */.G)(report.environment) ? stringValues(report.environment) : {},
        dependencies: report.install.map((item, index) => resolvedPackage(item, index))
    };
}
function resolvedPackage(item, index) {
    const where = `install[${index}]`;
    if (!(0,json_shape/* isObject */.G)(item) || !(0,json_shape/* isObject */.G)(item.metadata)) {
        throw new errors/* ParseError */.mB({ file: REPORT_SOURCE }, `${where} has no metadata`);
    }
    const { metadata } = item;
    const name = metadata.name;
    const version = metadata.version;
    if (typeof name !== 'string' || typeof version !== 'string') {
        throw new errors/* ParseError */.mB({ file: REPORT_SOURCE }, `${where} metadata lacks a name or version`);
    }
    const packageMetadata = { classifiers: stringList(metadata.classifier) };
    if (typeof metadata.license === 'string')
        packageMetadata.license = metadata.license;
    if (typeof metadata.license_expression === 'string') {
        packageMetadata.licenseExpression = metadata.license_expression;
    }
    const resolved = {
        name: (0,names/* normalizeName */.P)(name),
        version,
        metadata: packageMetadata,
        requiresDist: stringList(metadata.requires_dist),
        requested: item.requested === true,
        requestedExtras: stringList(item.requested_extras)
    };
    const direct = directSource(item);
    if (direct)
        resolved.direct = direct;
    return resolved;
}
/** PEP 610 download_info: vcs_info and dir_info, or an archive the user named by URL (is_direct). */
function directSource(item) {
    const info = (0,json_shape/* isObject */.G)(item.download_info) ? item.download_info : {};
    const url = maskCredentials(typeof info.url === 'string' ? info.url : '(no URL)');
    if ((0,json_shape/* isObject */.G)(info.vcs_info))
        return { kind: 'vcs', url, editable: false };
    if ((0,json_shape/* isObject */.G)(info.dir_info)) {
        return { kind: 'directory', url, editable: info.dir_info.editable === true };
    }
    if (item.is_direct === true)
        return { kind: 'archive', url, editable: false };
    return undefined;
}
/**
 * Resolved packages as a source: index releases become 'pip-report' dependencies, direct
 * ones are skipped with the reason. A requested (top-level) package is placed where `locate`
 * finds its requirement (e.g. its line in requirements.txt); everything else - transitive
 * packages, whose origin pip does not report - at `file`, line 0.
 */
function resolvedToSource(resolution, options) {
    const dependencies = [];
    const skipped = [];
    for (const resolved of resolution.dependencies) {
        const location = (resolved.requested ? options.locate?.(resolved.name) : undefined) ?? {
            file: options.file,
            line: 0
        };
        const { name, version, direct } = resolved;
        if (direct) {
            skipped.push({ name, version, reason: directReason(direct), location, format: 'pip-report' });
        }
        else {
            dependencies.push({
                name,
                version,
                location,
                format: 'pip-report',
                metadata: resolved.metadata
            });
        }
    }
    return { file: options.file, format: 'pip-report', dependencies, skipped };
}
function directReason(direct) {
    const origin = {
        vcs: 'a version control checkout',
        directory: direct.editable ? 'an editable local directory' : 'a local directory',
        archive: 'a direct URL'
    }[direct.kind];
    return `installed from ${origin} (${direct.url}), not a release from a package index, so advisories cannot be matched to its version`;
}
function stringList(value) {
    return Array.isArray(value)
        ? value.filter((entry) => typeof entry === 'string')
        : [];
}
function stringValues(record) {
    return Object.fromEntries(Object.entries(record).filter((entry) => typeof entry[1] === 'string'));
}

// EXTERNAL MODULE: ./src/deps/requirements-kind.ts
var requirements_kind = __webpack_require__(21635);
// EXTERNAL MODULE: ./src/deps/requirements-text.ts
var requirements_text = __webpack_require__(36998);
;// CONCATENATED MODULE: ./src/deps/resolve.ts




/**
 * Replaces a requirements file's or pyproject's pins and ranges by the exact transitive set
 * pip would install. URL, path, VCS and editable requirements are not handed to pip (that
 * would build local code): they stay skipped with their reason.
 */
async function resolveFile(read, options) {
    const { requirements, fileLines, locations } = pipRequirements(read);
    const index = indexSettings(read, options);
    if (requirements.length === 0 && fileLines.length === 0)
        return read.source;
    fileLines.unshift(...index.fileLines);
    const withFile = fileLines.length > 0 ? ` and ${fileLines.length} lines it expands itself` : '';
    options.logger.info(`Resolving ${read.source.file} with pip (${requirements.length} arguments${withFile})`);
    const resolution = await resolveWithPip({
        python: options.python,
        requirements,
        ...index.settings,
        ...(fileLines.length > 0 && {
            requirementsFileLines: fileLines,
            maskedVariables: [...new Set(fileLines.flatMap(requirements_text/* environmentReferences */.uK))]
        }),
        cwd: options.cwd,
        env: options.env
    });
    const resolved = resolvedToSource(resolution, {
        file: read.source.file,
        locate: name => locations.get(name)
    });
    // What was handed to pip is resolved now; URL, path and editable skips stay.
    const stillSkipped = read.source.skipped.filter(skip => !locations.has((0,names/* normalizeName */.P)(skip.name)));
    return {
        ...resolved,
        format: read.source.format,
        skipped: [...stillSkipped, ...resolved.skipped]
    };
}
/**
 * What pip is handed: requirement strings as arguments, and lines with `${VAR}` as written, for
 * a file pip reads (it expands variables only in files). Such a line goes to pip only when it
 * is a requirement on an index release whose name is written out, like `pkg==${VERSION}`.
 */
function pipRequirements(read) {
    const requirements = [];
    const fileLines = [];
    const locations = new Map();
    const constraintFiles = new Set();
    for (const line of read.requirements ?? []) {
        if (line.constraint) {
            constraintFiles.add(line.location.file);
            continue;
        }
        if (line.variables) {
            const name = line.editable ? undefined : indexRequirementName(line.raw);
            if (name === undefined)
                continue;
            fileLines.push(line.raw);
            locations.set(name, line.location);
            continue;
        }
        if (!line.requirement || line.requirement.url || line.editable || !line.markerApplies)
            continue;
        requirements.push(line.raw);
        locations.set(line.requirement.normalizedName, line.location);
    }
    for (const declaration of read.declarations ?? []) {
        if (declaration.requirement.url)
            continue;
        requirements.push(declaration.raw);
        if (!locations.has(declaration.requirement.normalizedName)) {
            locations.set(declaration.requirement.normalizedName, declaration.location);
        }
    }
    for (const file of constraintFiles)
        requirements.push('-c', file);
    return { requirements, fileLines, locations };
}
/**
 * The name of a `${VAR}` line that, whatever the variables hold, is a requirement on a release
 * from the index: with each variable read as `0` it is PEP 508 without a URL, its name spelled
 * out. A URL, path or a name made of variables stays skipped, as without them.
 */
function indexRequirementName(raw) {
    if (raw.trimStart().startsWith('-'))
        return undefined;
    let classified;
    try {
        classified = (0,requirements_kind/* classifyRequirement */.MS)(raw.replace(/\$\{[A-Z0-9_]+\}/g, '0'));
    }
    catch {
        return undefined;
    }
    const requirement = classified.requirement;
    if (!requirement || requirement.url !== undefined)
        return undefined;
    const written = /^\s*([A-Za-z0-9._-]+)/.exec(raw)?.[1];
    return written !== undefined && (0,names/* normalizeName */.P)(written) === requirement.normalizedName
        ? requirement.normalizedName
        : undefined;
}
/**
 * The index options: the inputs', then the file's. A file's index URL with `${VAR}` goes to pip
 * in the file it reads, written as the file has it, so pip expands it (an argument it would not).
 */
function indexSettings(read, options) {
    const fileLines = [];
    const expandsItself = (url) => (0,requirements_text/* environmentReferences */.uK)(url).length > 0;
    let indexUrl = options.indexUrl ?? read.indexOptions?.indexUrl;
    if (options.indexUrl === undefined && indexUrl !== undefined && expandsItself(indexUrl)) {
        fileLines.push(`--index-url ${shellWord(indexUrl)}`);
        indexUrl = undefined;
    }
    const extraIndexUrls = [...options.extraIndexUrls];
    for (const url of read.indexOptions?.extraIndexUrls ?? []) {
        if (expandsItself(url))
            fileLines.push(`--extra-index-url ${shellWord(url)}`);
        else
            extraIndexUrls.push(url);
    }
    return { settings: { ...(indexUrl ? { indexUrl } : {}), extraIndexUrls }, fileLines };
}
/** pip splits a file's options with shlex: a value with spaces or quotes is quoted to stay one. */
function shellWord(value) {
    return /^[^\s'"\\]+$/.test(value) ? value : `'${value.replace(/'/g, `'"'"'`)}'`;
}


/***/ })

};
