export const id = 938;
export const ids = [938];
export const modules = {

/***/ 47938:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  healthSubjects: () => (/* binding */ healthSubjects)
});

// EXTERNAL MODULE: ./src/deps/containment.ts
var containment = __webpack_require__(8778);
// EXTERNAL MODULE: ./src/deps/requirements.ts + 1 modules
var requirements = __webpack_require__(90617);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(58382);
// EXTERNAL MODULE: ./node_modules/smol-toml/dist/index.js + 8 modules
var dist = __webpack_require__(3292);
// EXTERNAL MODULE: ./src/shared/json-shape.ts
var json_shape = __webpack_require__(66511);
// EXTERNAL MODULE: ./src/health/filenames.ts
var filenames = __webpack_require__(42600);
// EXTERNAL MODULE: ./src/health/version-key.ts
var version_key = __webpack_require__(39756);
;// CONCATENATED MODULE: ./src/health/declared-hashes.ts
/**
 * The digests each pin's file declares, for the hash check. The readers in src/deps do not
 * carry them on a Dependency (the lockfile readers even blank the artifact lists before
 * parsing, to read large locks fast), so this reads them again, only when the health check
 * runs: `--hash` options come with the requirement lines (RequirementLine.hashes), and each
 * lockfile format is read here for its own artifact lists:
 *
 * - uv.lock: `[[package]]` `sdist.hash`, `wheels[].hash` ("sha256:<hex>");
 * - poetry.lock: `[[package]]` `files[].hash`; lock 1.x: `[metadata.files]` per name, and
 *   the oldest `[metadata.hashes]` per name;
 * - pdm.lock: `[[package]]` `files[].hash`;
 * - pylock.toml (PEP 751): `[[packages]]` `sdist`, `wheels[]`, `archive` with `hashes.sha256`;
 * - Pipfile.lock: each category's `hashes`, with `version` "==X".
 */





/** `dependencies` as the checks take them, each with the digests declared for it. */
function withDeclaredHashes(dependencies, declared = {}) {
    const byPin = new Map();
    for (const pin of declared.pins ?? []) {
        const key = pinKey(pin.name, pin.version);
        byPin.set(key, [...(byPin.get(key) ?? []), ...pin.hashes]);
    }
    const byLine = new Map();
    for (const line of declared.lines ?? []) {
        if (line.hashes.length > 0)
            byLine.set(lineKey(line.location), line.hashes);
    }
    return dependencies.map(dependency => {
        const hashes = [
            ...(byLine.get(lineKey(dependency.location)) ?? []),
            ...(byPin.get(pinKey(dependency.name, dependency.version)) ?? []),
            ...(byPin.get(pinKey(dependency.name, undefined)) ?? [])
        ];
        const { name, version, location } = dependency;
        return hashes.length > 0 ? { name, version, location, hashes } : { name, version, location };
    });
}
/** The digests a lockfile declares. A file that does not parse is a ParseError naming it. */
function lockfileHashes(format, text, shownFile) {
    if (format === 'Pipfile.lock')
        return pipfileLockHashes(parseJson(text, shownFile));
    const document = parseToml(text, shownFile);
    switch (format) {
        case 'uv.lock':
            return tables(document.package).map(entry => pin(entry, [field(entry.sdist, 'hash'), ...tables(entry.wheels).map(w => w.hash)]));
        case 'poetry.lock':
            return poetryLockHashes(document);
        case 'pdm.lock':
            return tables(document.package).map(entry => pin(entry, tables(entry.files).map(file => file.hash)));
        case 'pylock.toml':
            return tables(document.packages).map(entry => pin(entry, [entry.sdist, ...tables(entry.wheels), entry.archive].map(artifact => {
                const digest = field(field(artifact, 'hashes'), 'sha256');
                return typeof digest === 'string' ? `sha256:${digest}` : undefined;
            })));
    }
}
function poetryLockHashes(document) {
    const pins = tables(document.package).map(entry => pin(entry, tables(entry.files).map(file => file.hash)));
    const metadata = (0,json_shape/* isObject */.G)(document.metadata) ? document.metadata : {};
    // Lock 1.x keeps the files per name, beside the packages; one version per name there.
    for (const [name, files] of Object.entries((0,json_shape/* isObject */.G)(metadata.files) ? metadata.files : {})) {
        pins.push({ name: (0,filenames/* normalizeProjectName */.yz)(name), hashes: strings(tables(files).map(f => f.hash)) });
    }
    for (const [name, hashes] of Object.entries((0,json_shape/* isObject */.G)(metadata.hashes) ? metadata.hashes : {})) {
        const digests = strings(Array.isArray(hashes) ? hashes : []).map(h => h.includes(':') ? h : `sha256:${h}`);
        pins.push({ name: (0,filenames/* normalizeProjectName */.yz)(name), hashes: digests });
    }
    return pins.filter(entry => entry.hashes.length > 0);
}
function pipfileLockHashes(document) {
    const pins = [];
    if (!(0,json_shape/* isObject */.G)(document))
        return pins;
    for (const [category, packages] of Object.entries(document)) {
        if (category === '_meta' || !(0,json_shape/* isObject */.G)(packages))
            continue;
        for (const [name, entry] of Object.entries(packages)) {
            if (!(0,json_shape/* isObject */.G)(entry) || typeof entry.version !== 'string')
                continue;
            const version = entry.version.replace(/^\s*===?\s*/, '');
            const hashes = strings(Array.isArray(entry.hashes) ? entry.hashes : []);
            if (hashes.length > 0)
                pins.push({ name: (0,filenames/* normalizeProjectName */.yz)(name), version, hashes });
        }
    }
    return pins;
}
function pin(entry, hashes) {
    const name = typeof entry.name === 'string' ? (0,filenames/* normalizeProjectName */.yz)(entry.name) : '';
    const version = typeof entry.version === 'string' ? entry.version : '';
    return { name, version, hashes: strings(hashes) };
}
function tables(value) {
    return Array.isArray(value) ? value.filter(json_shape/* isObject */.G) : [];
}
function field(value, key) {
    return (0,json_shape/* isObject */.G)(value) ? value[key] : undefined;
}
function strings(values) {
    return values.filter((value) => typeof value === 'string');
}
function pinKey(name, version) {
    return `${(0,filenames/* normalizeProjectName */.yz)(name)}\0${version === undefined ? '*' : (0,version_key/* versionKey */._5)(version)}`;
}
function lineKey(location) {
    return `${location.file}\0${location.line}`;
}
function parseToml(text, shownFile) {
    try {
        return (0,dist/* parse */.qg)(text);
    }
    catch (error) {
        if (!(error instanceof dist/* TomlError */.zx))
            throw error;
        const message = error.message.split('\n', 1)[0].replace(/^Invalid TOML document: /, '');
        throw new errors/* ParseError */.mB({ file: shownFile, line: error.line, column: error.column }, `invalid TOML: ${message}`);
    }
}
function parseJson(text, shownFile) {
    try {
        return JSON.parse(text);
    }
    catch {
        throw new errors/* ParseError */.mB({ file: shownFile }, 'invalid JSON');
    }
}

;// CONCATENATED MODULE: ./src/health/subjects.ts
/**
 * What the health checks are asked about in a run: every pinned dependency the sources give,
 * with the digests its file declares. The readers in src/deps do not keep digests, so the
 * files that can hold them are read again here, only when the checks run: requirements files
 * for their `--hash` options (includes too), lockfiles for their artifact lists.
 */




const HASHED_LOCK_FORMATS = [
    'uv.lock',
    'poetry.lock',
    'pdm.lock',
    'pylock.toml',
    'Pipfile.lock'
];
/** Every dependency of `sources`, in order, each with the digests declared for it. */
async function healthSubjects(sources, options) {
    const subjects = [];
    for (const source of sources) {
        if (source.dependencies.length === 0)
            continue;
        const declared = await declaredHashes(source, options);
        subjects.push(...withDeclaredHashes(source.dependencies, declared));
    }
    return subjects;
}
async function declaredHashes(source, options) {
    if (source.format === 'requirements') {
        if (!(await mayDeclareHashes(source)))
            return {};
        const parsed = await (0,requirements/* parseRequirementsFile */.w)(source.file, {
            markerEnvironment: options.markerEnvironment,
            displayPath: options.shownPath
        });
        return { lines: parsed.lines };
    }
    if (HASHED_LOCK_FORMATS.includes(source.format)) {
        const shownFile = options.shownPath(source.file);
        const text = await readText(source.file, shownFile);
        return { pins: lockfileHashes(source.format, text, shownFile) };
    }
    return {};
}
/**
 * Whether a requirements source may declare digests: `--hash` (or an abbreviation, all of
 * which start `--h`) on the lines of its pins, or a line continuation that could split one.
 * A source whose files hold neither is not parsed again (a 200-pin file took ~3 ms, before
 * the first index request); a file that cannot be read is left to the full reading.
 */
async function mayDeclareHashes(source) {
    const files = new Set(source.dependencies.map(dependency => dependency.location.file));
    for (const file of files) {
        let text;
        try {
            text = (await (0,containment/* readDependencyBytes */.zs)(file)).toString('utf8');
        }
        catch {
            return true;
        }
        if (text.includes('--h') || text.includes('\\'))
            return true;
    }
    return false;
}
async function readText(file, shownFile) {
    let bytes;
    try {
        bytes = await (0,containment/* readDependencyBytes */.zs)(file);
    }
    catch (error) {
        const code = error.code ?? String(error);
        throw new errors/* ParseError */.mB({ file: shownFile }, `cannot read the lockfile again (${code})`);
    }
    const text = bytes.toString('utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}


/***/ })

};
