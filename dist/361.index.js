export const id = 361;
export const ids = [361];
export const modules = {

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


/***/ }),

/***/ 4361:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CONFIG_KEYS: () => (/* binding */ CONFIG_KEYS),
/* harmony export */   dotFileConfig: () => (/* binding */ dotFileConfig),
/* harmony export */   parseOsvScannerConfig: () => (/* binding */ parseOsvScannerConfig),
/* harmony export */   parsePackageCheckIgnoreConfig: () => (/* binding */ parsePackageCheckIgnoreConfig),
/* harmony export */   parsePyauditConfig: () => (/* binding */ parsePyauditConfig),
/* harmony export */   parsePyprojectConfig: () => (/* binding */ parsePyprojectConfig),
/* harmony export */   pyprojectConfig: () => (/* binding */ pyprojectConfig),
/* harmony export */   readOwnTable: () => (/* binding */ readOwnTable),
/* harmony export */   readPackageIgnores: () => (/* binding */ readPackageIgnores)
/* harmony export */ });
/* harmony import */ var _renovatebot_pep440__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(68898);
/* harmony import */ var _renovatebot_pep440__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(_renovatebot_pep440__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var smol_toml__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3292);
/* harmony import */ var _deps_toml_file_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(51454);
/* harmony import */ var _deps_names_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(96498);
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(58382);
/* harmony import */ var _health_ignore_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(83850);
/* harmony import */ var _ignores_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(47261);
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
 *
 * Package-health findings are accepted the same way: the `package-check-ignore` input (read
 * with the other inputs) and `[[package-check-ignore]]` entries of our config, with `package`
 * (a name, or name==version), `version`, `reason` (required) and `until`.
 *
 * This module parses the files; ignore-files.ts finds and reads them.
 */







/** Top-level keys of our config; extend it when the config grows, anything else is an error. */
const CONFIG_KEYS = ['ignore', 'package-check-ignore'];
const IGNORE_KEYS = ['id', 'reason', 'until', 'package', 'version'];
const PACKAGE_IGNORE_KEYS = ['package', 'version', 'reason', 'until'];
const PACKAGE_NAME = /^([A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9])$/;
function dotFileConfig(text, file) {
    return { table: (0,_deps_toml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .parseToml */ .MT)(text, file), text, file, prefix: '' };
}
function pyprojectConfig(text, file) {
    const tool = (0,_deps_toml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .parseToml */ .MT)(text, file).tool;
    if (!(0,_deps_toml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .isTable */ .bI)(tool) || tool.pyaudit === undefined)
        return undefined;
    if (!(0,_deps_toml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .isTable */ .bI)(tool.pyaudit)) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ParseError */ .mB({ file }, `'tool.pyaudit' must be a table, not ${(0,_deps_toml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .describeType */ .MF)(tool.pyaudit)}`);
    }
    return { table: tool.pyaudit, text, file, prefix: 'tool.pyaudit.' };
}
/** A `.pyaudit.toml` (or a file named by the `config` input). */
function parsePyauditConfig(text, file) {
    return readOwnTable(dotFileConfig(text, file));
}
/** The `[tool.pyaudit]` table of a pyproject.toml; undefined when it has none. */
function parsePyprojectConfig(text, file) {
    const own = pyprojectConfig(text, file);
    return own === undefined ? undefined : readOwnTable(own);
}
/** The `[[package-check-ignore]]` entries of a `.pyaudit.toml` (or `[tool.pyaudit]`). */
function parsePackageCheckIgnoreConfig(text, file, pyproject = false) {
    const own = pyproject ? pyprojectConfig(text, file) : dotFileConfig(text, file);
    return own === undefined ? [] : readPackageIgnores(own);
}
function readOwnTable(own) {
    checkOwnKeys(own);
    const { table, text, file, prefix } = own;
    return entriesOf(table, 'ignore', text, file, prefix).map(entry => readOwnEntry(entry));
}
function readPackageIgnores(own) {
    checkOwnKeys(own);
    const { table, text, file, prefix } = own;
    return entriesOf(table, 'package-check-ignore', text, file, prefix).map(readPackageIgnoreEntry);
}
function checkOwnKeys({ table, text, file, prefix }) {
    for (const key of Object.keys(table)) {
        if (CONFIG_KEYS.includes(key))
            continue;
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ParseError */ .mB({ file, ...uniqueLine(text, prefix + key) }, `unknown key ${quote(prefix + key)} (expected: ${CONFIG_KEYS.join(', ')})`);
    }
}
/** osv-scanner's `[[IgnoredVulns]]`; every other key of its file is ignored. */
function parseOsvScannerConfig(text, file) {
    return entriesOf((0,_deps_toml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .parseToml */ .MT)(text, file), 'IgnoredVulns', text, file, '').map(entry => {
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
    if (!(0,_ignores_js__WEBPACK_IMPORTED_MODULE_5__/* .isAdvisoryId */ .Lw)(id))
        fail(entry, 'id', `${quote(id)} is not an advisory id (like GHSA-…, PYSEC-…, CVE-…)`);
    const reason = requiredString(entry, 'reason').trim();
    const until = entry.table.until === undefined ? undefined : untilDate(entry, 'until', false);
    const name = optionalString(entry, 'package')?.trim();
    if (name !== undefined && !PACKAGE_NAME.test(name))
        fail(entry, 'package', `${quote(name)} is not a package name`);
    const version = optionalString(entry, 'version')?.trim();
    if (version !== undefined && (0,_renovatebot_pep440__WEBPACK_IMPORTED_MODULE_0__.valid)(version) === null) {
        fail(entry, 'version', `${quote(version)} is not an exact version (like 2.31.0)`);
    }
    if (version !== undefined && name === undefined)
        fail(entry, 'version', `'version' needs 'package'`);
    return {
        id,
        reason,
        ...(until ? { until } : {}),
        ...(name ? { package: (0,_deps_names_js__WEBPACK_IMPORTED_MODULE_6__/* .normalizeName */ .P)(name) } : {}),
        ...(version ? { version } : {}),
        origin: entry.origin
    };
}
/**
 * `package = "name"` or `"name==version"`, or `version` beside it; the same rule text as the
 * package-check-ignore input. The reason is required, as for advisory ignores.
 */
function readPackageIgnoreEntry(entry) {
    for (const key of Object.keys(entry.table)) {
        if (!PACKAGE_IGNORE_KEYS.includes(key)) {
            const expected = PACKAGE_IGNORE_KEYS.join(', ');
            fail(entry, key, `unknown key ${quote(key)} (expected one of: ${expected})`);
        }
    }
    const named = (0,_health_ignore_js__WEBPACK_IMPORTED_MODULE_4__/* .parsePackageRule */ .ir)(requiredString(entry, 'package'));
    if ('error' in named)
        return fail(entry, 'package', named.error);
    let target = named;
    const version = optionalString(entry, 'version')?.trim();
    if (version !== undefined) {
        if (named.version !== undefined) {
            fail(entry, 'version', `give the version once: in 'package' (name==version) or in 'version'`);
        }
        const versioned = (0,_health_ignore_js__WEBPACK_IMPORTED_MODULE_4__/* .parsePackageRule */ .ir)(`${named.name}==${version}`);
        if ('error' in versioned)
            return fail(entry, 'version', versioned.error);
        target = versioned;
    }
    const reason = requiredString(entry, 'reason').trim();
    const until = entry.table.until === undefined ? undefined : untilDate(entry, 'until', false);
    return { ...target, reason, ...(until ? { until } : {}), origin: entry.origin };
}
/**
 * A date as YYYY-MM-DD. Ours takes a TOML local date or a "YYYY-MM-DD" string. osv-scanner's
 * also takes a date-time, as Go's TOML decoder turns any of them into a time.Time: the entry
 * stops applying at that instant, so it expires on the instant's UTC date (up to a day early,
 * never late); a local date-time is taken as UTC, the time zone of GitHub's runners.
 */
function untilDate(entry, key, acceptDateTime) {
    const value = entry.table[key];
    if (value instanceof smol_toml__WEBPACK_IMPORTED_MODULE_1__/* .TomlDate */ .PJ && (value.isDate() || (acceptDateTime && value.isDateTime()))) {
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
        : value instanceof smol_toml__WEBPACK_IMPORTED_MODULE_1__/* .TomlDate */ .PJ && !value.isDate()
            ? `a ${value.isTime() ? 'time of day' : 'date-time'}`
            : (0,_deps_toml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .describeType */ .MF)(value);
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
    if (!Array.isArray(value) || !value.every(_deps_toml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .isTable */ .bI)) {
        throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ParseError */ .mB({ file }, `'${prefix}${key}' must be an array of tables, not ${(0,_deps_toml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .describeType */ .MF)(value)}`);
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
    return fail(entry, key, `'${key}' must be a string, not ${(0,_deps_toml_file_js__WEBPACK_IMPORTED_MODULE_2__/* .describeType */ .MF)(value)}`);
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
    throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ParseError */ .mB({ file: entry.file, ...position }, `${entry.name}: ${detail}`);
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


/***/ })

};
