export const id = 165;
export const ids = [165];
export const modules = {

/***/ 11165:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   readPipfileLock: () => (/* binding */ readPipfileLock)
/* harmony export */ });
/* unused harmony export parsePipfileLock */
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58382);
/* harmony import */ var _toml_file_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51454);
/* harmony import */ var _source_builder_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(97083);
/* harmony import */ var _shared_json_shape_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(66511);
/**
 * Pipfile.lock (pipenv, JSON): `_meta`, then one object per package category, `default`
 * ([packages]) and `develop` ([dev-packages]) plus any custom category, each mapping a package name
 * to `{ "version": "==X", "hashes": [...], "markers": ..., "index": ... }` or to a VCS / path / file
 * entry. Groups: default is main, develop is dev, a custom category keeps its name.
 */




const GROUP_OF_CATEGORY = new Map([
    ['default', 'main'],
    ['develop', 'dev']
]);
const VCS_KEYS = ['git', 'hg', 'svn', 'bzr'];
async function readPipfileLock(absolutePath, options) {
    return parsePipfileLock(await (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_1__/* .readSourceText */ .Vv)(absolutePath, options), absolutePath, options);
}
/** Reads a Pipfile.lock already in memory; `absolutePath` is where it came from. */
function parsePipfileLock(text, absolutePath, options) {
    const file = (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_1__/* .shownPath */ .pS)(absolutePath, options);
    const document = parseJson(text, file);
    if (!(0,_shared_json_shape_js__WEBPACK_IMPORTED_MODULE_2__/* .isObject */ .G)(document))
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ParseError */ .mB({ file, line: 1, column: 1 }, 'expected a JSON object');
    const lines = categoryKeyLines(text);
    const builder = new _source_builder_js__WEBPACK_IMPORTED_MODULE_3__/* .SourceResultBuilder */ .Km(absolutePath, 'Pipfile.lock');
    for (const [category, packages] of Object.entries(document)) {
        if (category === '_meta')
            continue;
        const categoryContext = { file, line: lines.get(category)?.line ?? 0, entry: `"${category}"` };
        if (!(0,_shared_json_shape_js__WEBPACK_IMPORTED_MODULE_2__/* .isObject */ .G)(packages))
            throw (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_1__/* .entryError */ .Pm)(categoryContext, 'must be an object of packages');
        const group = GROUP_OF_CATEGORY.get(category) ?? category;
        for (const [name, entry] of Object.entries(packages)) {
            const line = lines.get(category)?.keys.get(name) ?? 0;
            const context = { file, line, entry: `package '${name}'` };
            if (!(0,_shared_json_shape_js__WEBPACK_IMPORTED_MODULE_2__/* .isObject */ .G)(entry))
                throw (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_1__/* .entryError */ .Pm)(context, 'must be an object');
            readEntry(name, entry, group, context, builder);
        }
    }
    return builder.build();
}
function readEntry(name, entry, group, context, builder) {
    for (const vcs of VCS_KEYS) {
        const url = (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_1__/* .optionalString */ .sx)(entry, vcs, context);
        if (url === undefined)
            continue;
        const ref = (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_1__/* .optionalString */ .sx)(entry, 'ref', context);
        builder.addSkipped(name, undefined, (0,_source_builder_js__WEBPACK_IMPORTED_MODULE_3__/* .notAReleaseReason */ .u1)(vcs, url, ref), context.line);
        return;
    }
    const path = (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_1__/* .optionalString */ .sx)(entry, 'path', context);
    if (path !== undefined) {
        if (path === '.')
            return; // `-e .`: the project itself, not a dependency
        const kind = entry.editable === true ? 'editable directory' : 'path';
        builder.addSkipped(name, undefined, (0,_source_builder_js__WEBPACK_IMPORTED_MODULE_3__/* .notAReleaseReason */ .u1)(kind, path), context.line);
        return;
    }
    const fileUrl = (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_1__/* .optionalString */ .sx)(entry, 'file', context);
    if (fileUrl !== undefined) {
        builder.addSkipped(name, undefined, (0,_source_builder_js__WEBPACK_IMPORTED_MODULE_3__/* .notAReleaseReason */ .u1)('file', fileUrl), context.line);
        return;
    }
    // pipenv writes every index package as `==X`, whichever index it came from (`"index"`): a private
    // index's release is still audited by name and version.
    const specifier = (0,_toml_file_js__WEBPACK_IMPORTED_MODULE_1__/* .requiredString */ .Fk)(entry, 'version', context).trim();
    const pinned = /^===?\s*([^\s,;=<>!~*]+)$/.exec(specifier)?.[1];
    if (pinned === undefined) {
        const reason = `not pinned to an exact version ('${specifier}')`;
        builder.addSkipped(name, undefined, reason, context.line);
    }
    else {
        builder.addDependency(name, pinned, context.line, [group]);
    }
}
function parseJson(text, file) {
    try {
        return JSON.parse(text);
    }
    catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const position = /at position (\d+)/.exec(message);
        const offset = position ? Number(position[1]) : text.length;
        const before = text.slice(0, offset);
        const line = before.split('\n').length;
        const column = offset - before.lastIndexOf('\n');
        // V8 may quote part of the input in its message: keep it on one line.
        const detail = message.replace(/\s*(in JSON )?at position \d+.*$/s, '').replace(/\s+/g, ' ');
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ParseError */ .mB({ file, line, column }, `invalid JSON: ${detail}`);
    }
}
/**
 * Line of every top-level key and of every key of the objects below them (the packages), in one
 * pass over text that JSON.parse has already accepted. A repeated key keeps its last line, the one
 * whose value JSON.parse keeps.
 */
function categoryKeyLines(text) {
    const categories = new Map();
    const stack = [];
    let expectingKey = false;
    let current;
    let line = 1;
    for (let index = 0; index < text.length; index++) {
        const char = text[index];
        if (char === '\n')
            line++;
        else if (char === '{') {
            stack.push('{');
            expectingKey = true;
        }
        else if (char === '[') {
            stack.push('[');
            expectingKey = false;
        }
        else if (char === '}' || char === ']') {
            stack.pop();
            expectingKey = false;
        }
        else if (char === ',') {
            expectingKey = stack[stack.length - 1] === '{';
        }
        else if (char === '"') {
            const start = index;
            index++;
            while (text[index] !== '"')
                index += text[index] === '\\' ? 2 : 1;
            if (!expectingKey)
                continue;
            expectingKey = false;
            if (stack.length > 2)
                continue;
            const raw = text.slice(start, index + 1);
            const key = raw.includes('\\') ? JSON.parse(raw) : raw.slice(1, -1);
            if (stack.length === 1) {
                current = { line, keys: new Map() };
                categories.set(key, current);
            }
            else {
                current?.keys.set(key, line);
            }
        }
    }
    return categories;
}


/***/ }),

/***/ 97083:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BO: () => (/* binding */ redactUrl),
/* harmony export */   Km: () => (/* binding */ SourceResultBuilder),
/* harmony export */   X$: () => (/* binding */ directUrlReason),
/* harmony export */   dL: () => (/* binding */ pickGroup),
/* harmony export */   u1: () => (/* binding */ notAReleaseReason)
/* harmony export */ });
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(96498);
/**
 * Building a SourceResult from a lockfile's entries, and the wording for what cannot be audited.
 */

/** One group per dependency: main if it is needed at runtime at all, else its groups joined. */
function pickGroup(groups) {
    const unique = [...new Set(groups)];
    if (unique.includes('main'))
        return 'main';
    return unique.length === 0 ? undefined : unique.sort().join(',');
}
/** Drops credentials from a URL before it goes into a message (private index or git tokens). */
function redactUrl(url) {
    return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@?#]*@/i, '$1***@');
}
/** Reason for a dependency that does not come from a package index, e.g. a git checkout. */
function notAReleaseReason(kind, where, revision) {
    const suffix = revision ? `@${revision}` : '';
    return `${kind} source ${redactUrl(where)}${suffix}: not a PyPI release`;
}
/** `name @ url`: a VCS checkout, a local path or an archive, never an index release. */
function directUrlReason(url) {
    const vcs = /^(git|hg|svn|bzr)\+(.*)$/.exec(url);
    if (vcs) {
        const location = vcs[2].split('#')[0];
        const at = location.lastIndexOf('@');
        const revision = at > location.lastIndexOf('/') ? location.slice(at + 1) : undefined;
        return notAReleaseReason(vcs[1], revision ? location.slice(0, at) : location, revision);
    }
    return notAReleaseReason(url.startsWith('file:') ? 'path' : 'url', url);
}
/**
 * Collects one file's dependencies. The same name and version listed twice (PDM repeats a package
 * once per set of extras; Pipfile.lock lists it under default and develop) is one dependency, its
 * groups merged by pickGroup.
 */
class SourceResultBuilder {
    file;
    format;
    dependencies = new Map();
    skipped = [];
    constructor(file, format) {
        this.file = file;
        this.format = format;
    }
    addDependency(name, version, line, groups) {
        const normalized = (0,_names_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeName */ .P)(name);
        const key = `${normalized}@${version}`;
        const existing = this.dependencies.get(key);
        if (existing) {
            existing.groups.push(...(groups ?? []));
            return;
        }
        const dependency = {
            name: normalized,
            version,
            location: { file: this.file, line },
            format: this.format
        };
        this.dependencies.set(key, { dependency, groups: [...(groups ?? [])] });
    }
    addSkipped(name, version, reason, line) {
        const skipped = {
            name: (0,_names_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeName */ .P)(name),
            reason,
            location: { file: this.file, line },
            format: this.format
        };
        if (version !== undefined)
            skipped.version = version;
        this.skipped.push(skipped);
    }
    build() {
        const dependencies = [...this.dependencies.values()].map(({ dependency, groups }) => {
            const group = pickGroup(groups);
            return group === undefined ? dependency : { ...dependency, group };
        });
        return { file: this.file, format: this.format, dependencies, skipped: this.skipped };
    }
}


/***/ })

};
