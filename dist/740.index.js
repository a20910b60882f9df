export const id = 740;
export const ids = [740];
export const modules = {

/***/ 97083:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BO: () => (/* binding */ redactUrl),
/* harmony export */   Km: () => (/* binding */ SourceResultBuilder),
/* harmony export */   X$: () => (/* binding */ directUrlReason),
/* harmony export */   dL: () => (/* binding */ pickGroup),
/* harmony export */   u1: () => (/* binding */ notAReleaseReason)
/* harmony export */ });
/* harmony import */ var _marker_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(67000);
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
 * groups merged by pickGroup, and its markers too: installed where any of them holds, and
 * unconditional when one of the entries is.
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
    /** `marker`: the condition it is installed under (normalised), when it has one. */
    addDependency(name, version, line, groups, marker) {
        const normalized = (0,_names_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeName */ .P)(name);
        const key = `${normalized}@${version}`;
        const existing = this.dependencies.get(key);
        if (existing) {
            // A new array: `groups` may be shared by many dependencies (a pyproject's group labels).
            if (groups?.length)
                existing.groups = [...existing.groups, ...groups];
            if (marker === undefined)
                existing.markers = null;
            else
                existing.markers?.add(marker);
            return;
        }
        const dependency = {
            name: normalized,
            version,
            location: { file: this.file, line },
            format: this.format
        };
        this.dependencies.set(key, {
            dependency,
            groups: groups ?? [],
            markers: marker === undefined ? null : new Set([marker])
        });
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
        // Dependencies declared in the same groups share one array: pick its group once.
        const picked = new Map();
        const pick = (groups) => {
            if (!picked.has(groups))
                picked.set(groups, pickGroup(groups));
            return picked.get(groups);
        };
        const dependencies = [...this.dependencies.values()].map(({ dependency, groups, markers }) => {
            const group = pick(groups);
            const marker = markers && (0,_marker_text_js__WEBPACK_IMPORTED_MODULE_1__/* .anyOfMarkers */ .T_)([...markers]);
            return {
                ...dependency,
                ...(group !== undefined && { group }),
                ...(marker && { marker })
            };
        });
        return { file: this.file, format: this.format, dependencies, skipped: this.skipped };
    }
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
  q2: () => (/* binding */ fileReader),
  bI: () => (/* binding */ isTable),
  oS: () => (/* binding */ optionalArray),
  sx: () => (/* binding */ optionalString),
  li: () => (/* binding */ optionalStringArray),
  D6: () => (/* binding */ optionalTable),
  MT: () => (/* binding */ parseToml),
  Fk: () => (/* binding */ requiredString),
  pS: () => (/* binding */ shownPath)
});

// UNUSED EXPORTS: displayPath, readSourceText, tomlItemCount

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
// EXTERNAL MODULE: ./src/deps/limits.ts
var limits = __webpack_require__(81136);
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
/**
 * The reader of a dependency file, from the parser of its text (which every reader also exports,
 * for text already in memory): the file read by readSourceText, then parsed.
 */
function fileReader(parse) {
    return async (absolutePath, options) => parse(await readSourceText(absolutePath, options), absolutePath, options);
}
/**
 * Parses TOML; syntax errors become ParseError at smol-toml's line and column. A document with
 * more than MAX_TOML_ITEMS keys, tables and values is refused first: the parser is linear, but at
 * about 1.5 us an item, 5 million dotted keys in 10 MiB would take it ten seconds.
 */
function parseToml(text, shownFile, artifactLists) {
    const toParse = artifactLists ? withoutArtifactLists(text, artifactLists) : text;
    if (tomlItemCount(toParse, limits/* MAX_TOML_ITEMS */.Z_) > limits/* MAX_TOML_ITEMS */.Z_) {
        throw new errors/* ParseError */.mB({ file: shownFile }, (0,limits/* tomlItemsReason */.bi)());
    }
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
/**
 * An upper bound on the keys, tables and values a TOML parser builds from `text`: the characters
 * that start one ('=', ',', '.', '[', '{') outside strings and comments, counted in one pass and
 * no further than `stopAt` + 1. Dots in numbers and dates count too; a bound is all it needs.
 */
function tomlItemCount(text, stopAt) {
    let count = 0;
    for (let index = 0; index < text.length; index++) {
        const char = text.charCodeAt(index);
        if (char === 0x22 || char === 0x27) {
            index = stringEnd(text, index) - 1;
        }
        else if (char === 0x23) {
            const end = text.indexOf('\n', index);
            if (end === -1)
                break;
            index = end;
        }
        else if (char === 0x3d || char === 0x2c || char === 0x2e || char === 0x5b || char === 0x7b) {
            if (++count > stopAt)
                return count;
        }
    }
    return count;
}
/** End (exclusive) of the string whose quote is at `start`: basic, literal, or multi-line. */
function stringEnd(text, start) {
    const quote = text[start];
    const delimiter = text.startsWith(quote.repeat(3), start) ? quote.repeat(3) : quote;
    for (let from = start + delimiter.length;;) {
        const close = text.indexOf(delimiter, from);
        if (close === -1)
            return text.length;
        let backslashes = 0;
        while (quote === '"' && text.charCodeAt(close - 1 - backslashes) === 0x5c)
            backslashes++;
        if (backslashes % 2 === 0) {
            // Up to two more quotes just before a multi-line string's closing ones belong to it.
            let end = close + delimiter.length;
            while (delimiter.length === 3 && end < close + 5 && text[end] === quote)
                end++;
            return end;
        }
        from = close + 1;
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
/**
 * The `[[key]]` array of tables of a document (a lockfile's packages); absent means none. More
 * entries than MAX_DEPENDENCIES is a refusal: each is a dependency.
 */
function arrayOfTables(document, key, shownFile) {
    const value = document[key];
    if (value === undefined)
        return [];
    if (!Array.isArray(value) || !value.every(isTable)) {
        throw documentError(shownFile, `'${key}' must be an array of tables, not ${describeType(value)}`);
    }
    (0,limits/* checkFileDependencyCount */.b6)(value.length, { file: shownFile });
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


/***/ })

};
