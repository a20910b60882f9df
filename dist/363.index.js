export const id = 363;
export const ids = [363];
export const modules = {

/***/ 84233:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   XU: () => (/* binding */ pythonConstraintToMarker),
/* harmony export */   nr: () => (/* binding */ poetryConstraintToPep440),
/* harmony export */   wW: () => (/* binding */ PoetryDeclarationError)
/* harmony export */ });
/* harmony import */ var _pep508_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(22048);
/**
 * Poetry version constraints as PEP 440, by poetry-core's own rules: `^1.2.3` is `>=1.2.3,<2.0.0`,
 * `^0.2.3` is `>=0.2.3,<0.3.0`, `^0.0.3` is `>=0.0.3,<0.0.4`, `~1.2` is `>=1.2,<1.3`, `~1` is
 * `>=1,<2`, `1.2.*` is `==1.2.*`, a bare `1.2` is `==1.2`, `*` is any version; clauses separated by
 * commas or spaces all apply. An "or" (`||`) has no PEP 440 form, except as a python marker.
 */

/** A declaration this tool cannot read, with the reason (the caller adds the position). */
class PoetryDeclarationError extends Error {
    inexpressible;
    constructor(message, 
    /** Valid Poetry, but with no PEP 440 equivalent (an "or"): skipped rather than refused. */
    inexpressible = false) {
        super(message);
        this.inexpressible = inexpressible;
    }
}
/**
 * A Poetry version constraint as a PEP 440 specifier ('' for any version). Throws
 * PoetryDeclarationError for an "or" (`||`), which a specifier cannot express, and for anything
 * that is not a valid version.
 */
function poetryConstraintToPep440(constraint) {
    if (/\|/.test(constraint)) {
        throw new PoetryDeclarationError(`constraint '${constraint}' has an "or", which PEP 440 cannot express`, true);
    }
    // `>= 1.0, < 2.0` and `>=1.0 <2.0` both mean "and".
    const clauses = constraint
        .trim()
        .replace(/(\^|~=|~|===|==|!=|>=|<=|>|<)\s+/g, '$1')
        .split(/[\s,]+/)
        .filter(Boolean);
    const specifier = clauses.flatMap(clause => convertClause(clause, constraint)).join(',');
    if (specifier !== '' && !isSpecifier(specifier)) {
        throw new PoetryDeclarationError(`constraint '${constraint}' is not a valid version constraint`);
    }
    return specifier;
}
/**
 * Whether pip reads `specifier` as a version specifier: our PEP 508 parser, as pip's packaging
 * has it (and ten times faster than a full PEP 440 range parse, which a 100,000-entry Poetry
 * table felt).
 */
function isSpecifier(specifier) {
    try {
        const requirement = (0,_pep508_js__WEBPACK_IMPORTED_MODULE_0__/* .parseRequirement */ .pP)(`x${specifier}`);
        return requirement.marker === undefined && requirement.url === undefined;
    }
    catch (error) {
        if (error instanceof _pep508_js__WEBPACK_IMPORTED_MODULE_0__/* .RequirementSyntaxError */ .tL)
            return false;
        throw error;
    }
}
function convertClause(clause, whole) {
    if (['*', 'x', 'X'].includes(clause))
        return [];
    if (clause.startsWith('^'))
        return bounded(clause.slice(1), 'caret', whole);
    if (clause.startsWith('~') && !clause.startsWith('~='))
        return bounded(clause.slice(1), 'tilde', whole);
    if (/^(===|==|!=|>=|<=|~=|>|<)/.test(clause))
        return [clause];
    return [`==${clause}`];
}
/** poetry-core's caret (next breaking release) and tilde (next minor; next major for `~1`). */
function bounded(version, kind, whole) {
    const release = /^v?(\d+(?:\.\d+)*)/.exec(version)?.[1];
    if (release === undefined) {
        throw new PoetryDeclarationError(`constraint '${whole}' is not a valid version constraint`);
    }
    const parts = release.split('.').map(Number);
    const [major = 0, minor = 0] = parts;
    let bump;
    if (kind === 'tilde')
        bump = parts.length === 1 ? 0 : 1;
    else if (major > 0 || parts.length === 1)
        bump = 0;
    else if (minor > 0 || parts.length === 2)
        bump = 1;
    else
        bump = 2;
    const upper = parts.map((part, index) => (index < bump ? part : index === bump ? part + 1 : 0));
    return [`>=${version}`, `<${upper.join('.')}`];
}
/** `^3.8 || ^2.7` as a marker: a marker can say "or", unlike a version specifier. */
function pythonConstraintToMarker(constraint) {
    const alternatives = constraint.split(/\s*\|\|?\s*/).map(alternative => poetryConstraintToPep440(alternative)
        .split(',')
        .filter(Boolean)
        .map(clause => {
        const [, op, version] = /^([<>=!~]+)(.*)$/.exec(clause);
        const variable = version.split('.').length > 2 ? 'python_full_version' : 'python_version';
        return `${variable} ${op} "${version}"`;
    })
        .join(' and '));
    if (alternatives.some(alternative => alternative === ''))
        return ''; // some alternative allows any
    return alternatives.length === 1 ? alternatives[0] : alternatives.map(a => `(${a})`).join(' or ');
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


/***/ }),

/***/ 33293:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Pn: () => (/* binding */ pathKey),
/* harmony export */   yf: () => (/* binding */ valuePositions)
/* harmony export */ });
/* unused harmony export MAX_RECORDED_DEPTH */
/**
 * Where each value of a TOML document starts. smol-toml returns values without positions, so after
 * it has accepted a document, one pass over the text tokenizes it again (tables, dotted keys,
 * arrays, inline tables, all four string kinds) and records the line and column of every value
 * under its key path, e.g. `project/dependencies/0` or `tool/poetry/dependencies/requests`.
 */
function pathKey(path) {
    return path.join('\u0000');
}
/**
 * The deepest key path recorded. The readers ask for declarations at most seven deep
 * (`tool/poetry/group/<g>/dependencies/<name>/<index>`); deeper values are scanned over but not
 * recorded, so a document of a million dotted keys or nested arrays costs one pass, not one copy
 * of a million-long path per value.
 */
const MAX_RECORDED_DEPTH = 8;
/**
 * Positions by pathKey; a table opened by a header is at its header. Expects text smol-toml has
 * parsed; on anything else it stops early rather than guess. Linear in the length of the text.
 */
function valuePositions(text) {
    const positions = new Map();
    const arrayCounts = new Map();
    let pos = 0;
    let line = 1;
    let lineStart = 0;
    const moveTo = (target) => {
        for (let index = pos; index < target && index < text.length; index++) {
            if (text.charCodeAt(index) === 10) {
                line++;
                lineStart = index + 1;
            }
        }
        pos = Math.min(target, text.length);
    };
    const skipBlank = (newlines) => {
        for (;;) {
            const char = text[pos];
            if (char === ' ' || char === '\t' || (newlines && (char === '\n' || char === '\r')))
                moveTo(pos + 1);
            else if (newlines && char === '#')
                moveTo(lineEnd(pos));
            else
                return;
        }
    };
    const lineEnd = (from) => {
        const end = text.indexOf('\n', from);
        return end === -1 ? text.length : end;
    };
    /** End (exclusive) of the string starting at pos. */
    const stringEnd = () => {
        const quote = text[pos];
        const triple = text.startsWith(quote.repeat(3), pos);
        let index = pos + (triple ? 3 : 1);
        while (index < text.length) {
            if (quote === '"' && text[index] === '\\')
                index += 2;
            else if (triple && text.startsWith(quote.repeat(3), index)) {
                // Up to two more quotes just before the closing ones belong to the string.
                let end = index + 3;
                while (end < index + 5 && text[end] === quote)
                    end++;
                return end;
            }
            else if (!triple && text[index] === quote)
                return index + 1;
            else
                index++;
        }
        return text.length;
    };
    const readKey = () => {
        const keys = [];
        for (;;) {
            skipBlank(false);
            const char = text[pos];
            if (char === '"' || char === "'") {
                const end = stringEnd();
                keys.push(decodeKey(text.slice(pos, end)));
                moveTo(end);
            }
            else {
                let end = pos;
                while (end < text.length && isBareKeyChar(text.charCodeAt(end)))
                    end++;
                if (end === pos)
                    return keys;
                keys.push(text.slice(pos, end));
                pos = end; // a bare key holds no newline
            }
            skipBlank(false);
            if (text[pos] !== '.')
                return keys;
            moveTo(pos + 1);
        }
    };
    /** `path` is undefined below MAX_RECORDED_DEPTH: nothing there is recorded. */
    const readValue = (path) => {
        if (path)
            positions.set(pathKey(path), { line, column: pos - lineStart + 1 });
        const char = text[pos];
        if (char === '"' || char === "'")
            return moveTo(stringEnd());
        if (char === '[') {
            moveTo(pos + 1);
            for (let index = 0;; index++) {
                skipBlank(true);
                if (text[pos] === ']' || pos >= text.length)
                    return moveTo(pos + 1);
                const start = pos;
                readValue(below(path, [index]));
                skipBlank(true);
                if (text[pos] === ',')
                    moveTo(pos + 1);
                else if (pos === start)
                    return; // not TOML after all: stop rather than loop
            }
        }
        if (char === '{') {
            moveTo(pos + 1);
            for (;;) {
                skipBlank(false);
                if (text[pos] === '}' || pos >= text.length)
                    return moveTo(pos + 1);
                if (!readKeyValue(path))
                    return;
                skipBlank(false);
                if (text[pos] === ',')
                    moveTo(pos + 1);
            }
        }
        // number, boolean or date-time (which may contain a space)
        let end = pos;
        while (end < text.length && !',]}\n#'.includes(text[end]))
            end++;
        moveTo(end);
    };
    /** `key = value` at pos, its value under `table`; false when no key starts there. */
    const readKeyValue = (table) => {
        const keys = readKey();
        if (keys.length === 0)
            return false;
        skipBlank(false);
        moveTo(pos + 1); // '='
        skipBlank(false);
        readValue(below(table, keys));
        return true;
    };
    let table = [];
    while (pos < text.length) {
        skipBlank(true);
        if (pos >= text.length)
            break;
        if (text[pos] === '[') {
            const header = { line, column: pos - lineStart + 1 };
            const arrayTable = text[pos + 1] === '[';
            moveTo(pos + (arrayTable ? 2 : 1));
            // Within an array of tables, `[a.b]` and `[[a.b]]` belong to its latest element: a/<n>/b.
            // Only the keys that can be recorded are resolved: the ones after them change nothing here.
            const resolved = [];
            const keys = readKey();
            for (let index = 0; index < keys.length && resolved.length <= MAX_RECORDED_DEPTH; index++) {
                resolved.push(keys[index]);
                const count = arrayCounts.get(pathKey(resolved));
                const isThisArray = arrayTable && index === keys.length - 1;
                if (count !== undefined && !isThisArray)
                    resolved.push(String(count));
            }
            moveTo(lineEnd(pos));
            if (resolved.length > MAX_RECORDED_DEPTH) {
                table = undefined;
            }
            else if (arrayTable) {
                const index = (arrayCounts.get(pathKey(resolved)) ?? -1) + 1;
                arrayCounts.set(pathKey(resolved), index);
                table = [...resolved, String(index)];
            }
            else {
                table = resolved;
            }
            // A table opened by its header starts there.
            if (table && !positions.has(pathKey(table)))
                positions.set(pathKey(table), header);
            continue;
        }
        const start = pos;
        if (!readKeyValue(table))
            break;
        if (pos === start)
            break; // not TOML after all: stop rather than loop
    }
    return positions;
}
/** `path` extended by `keys`, or undefined once it is deeper than MAX_RECORDED_DEPTH. */
function below(path, keys) {
    if (path === undefined || path.length + keys.length > MAX_RECORDED_DEPTH)
        return undefined;
    return [...path, ...keys];
}
/** A-Z, a-z, 0-9, '_' and '-'. */
function isBareKeyChar(code) {
    return ((code >= 0x61 && code <= 0x7a) ||
        (code >= 0x41 && code <= 0x5a) ||
        (code >= 0x30 && code <= 0x39) ||
        code === 0x5f ||
        code === 0x2d);
}
function decodeKey(quoted) {
    const body = quoted.slice(1, -1);
    if (quoted[0] === "'" || !body.includes('\\'))
        return body;
    try {
        return JSON.parse(quoted);
    }
    catch {
        return body;
    }
}


/***/ }),

/***/ 66363:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  fixThenAuditAgain: () => (/* binding */ fixThenAuditAgain)
});

// UNUSED EXPORTS: applyFixes

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/advisories/version-order.ts
var version_order = __webpack_require__(85682);
;// CONCATENATED MODULE: ./src/fix/lockfile-commands.ts
/**
 * Lockfiles are rewritten by their own tool's resolver, never by hand: for a vulnerable pin in
 * one, the command that upgrades it. Package names and versions come from dependency files, so
 * they are untrusted: a name must be a PEP 508 name (already normalised) and a version PEP 440,
 * and any argument a shell would read as more than a word is quoted, so a printed command is
 * safe to paste.
 */


/** PEP 508's name grammar, as a normalised (PEP 503) name spells it. */
const NORMALISED_NAME = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
/** Characters a POSIX shell reads as part of a plain word, and Windows shells too. */
const PLAIN_WORD = /^[A-Za-z0-9._=+/:@-]+$/;
const VERSION_CHARACTERS = /^[A-Za-z0-9.!+_-]+$/;
/** The lockfile formats whose tools have an upgrade command. */
const LOCKFILE_FORMATS = new Set([
    'uv.lock',
    'poetry.lock',
    'pdm.lock',
    'Pipfile.lock',
    'pylock.toml'
]);
/** Whether `name` is a normalised PEP 508 name: nothing else goes into a command. */
function isSafePackageName(name) {
    return name.length <= 200 && NORMALISED_NAME.test(name);
}
function isSafeVersion(version) {
    return version.length <= 100 && VERSION_CHARACTERS.test(version) && (0,version_order/* isPep440 */.it)(version);
}
/**
 * The arguments of the command that upgrades `name` to `fixVersion` in `lockfile`; a reason
 * when there is none to give. `hasProject`: a pyproject.toml is beside the lockfile (pip lock
 * locks a project from it).
 */
function lockfileCommand(format, lockfile, name, fixVersion, hasProject) {
    if (!isSafePackageName(name))
        return 'its name is not a valid package name';
    if (!isSafeVersion(fixVersion))
        return `'${fixVersion}' is not a PEP 440 version`;
    const pinned = `${name}==${fixVersion}`;
    switch (format) {
        case 'uv.lock':
            return ['uv', 'lock', '--upgrade-package', pinned];
        case 'poetry.lock':
            return ['poetry', 'update', name];
        case 'pdm.lock':
            return ['pdm', 'update', name];
        case 'Pipfile.lock':
            return ['pipenv', 'upgrade', pinned];
        case 'pylock.toml': {
            // pip lock has no upgrade of one package: it locks again, here the project plus the pin.
            if (!hasProject) {
                return `pip lock has no upgrade of one package: lock again from the inputs that wrote this file, adding ${pinned}`;
            }
            const output = external_node_path_.basename(lockfile);
            if (!PLAIN_WORD.test(output))
                return 'its file name is not a plain word';
            return ['python', '-m', 'pip', 'lock', '.', pinned, '--output', output];
        }
        default:
            return `${format} is not a lockfile`;
    }
}
/** The command as one line a POSIX shell reads as exactly these arguments. */
function shellLine(command) {
    return command.map(argument => (PLAIN_WORD.test(argument) ? argument : quote(argument))).join(' ');
}
function quote(argument) {
    return `'${argument.replace(/'/g, `'\\''`)}'`;
}

;// CONCATENATED MODULE: ./src/fix/targets.ts
/**
 * From the vulnerable pins of an audit to the work of fixing them, file by file: requirements
 * files (each site a logical line), pyproject.toml files, and lockfiles (upgraded by a
 * command). A pin with no known clean version, or one that lives only in an installed
 * environment, is noted, never dropped.
 */


function fixWork(pins) {
    const work = { requirements: new Map(), pyprojects: new Map(), lockfiles: [], notes: [] };
    for (const pin of pins) {
        const fixVersion = pin.recommendedVersion;
        for (const declaration of pin.declarations) {
            const { location, format } = declaration;
            if (!fixVersion) {
                work.notes.push({
                    kind: 'no-fix',
                    name: pin.name,
                    version: pin.version,
                    location,
                    detail: pin.upgradeNote ?? 'no version without known advisories is known'
                });
                continue;
            }
            const target = { name: pin.name, version: pin.version, fixVersion };
            const needsHand = (detail) => {
                work.notes.push({ kind: 'needs-hand', ...target, location, detail });
            };
            if (LOCKFILE_FORMATS.has(format)) {
                work.lockfiles.push({ target, lockfile: location.file, format, line: location.line });
            }
            else if (format === 'environment') {
                needsHand('it is installed in an environment, not declared in a file');
            }
            else if (format === 'pyproject' || external_node_path_.basename(location.file) === 'pyproject.toml') {
                push(work.pyprojects, location.file, target);
            }
            else if (location.line <= 0) {
                needsHand(`pip resolved it from another requirement: declare ${pin.name}>=${fixVersion} (a constraint) to upgrade it`);
            }
            else {
                push(work.requirements, location.file, { target, line: location.line });
            }
        }
    }
    return work;
}
function push(map, key, value) {
    const list = map.get(key);
    if (list)
        list.push(value);
    else
        map.set(key, [value]);
}

// EXTERNAL MODULE: ./node_modules/diff/libesm/patch/create.js + 2 modules
var create = __webpack_require__(37291);
// EXTERNAL MODULE: ./src/shared/text.ts
var shared_text = __webpack_require__(24646);
;// CONCATENATED MODULE: ./src/fix/patch.ts
/**
 * The unified diff of the files a fix changed, as `git apply` and reviewers read it: one
 * `--- a/<path>` / `+++ b/<path>` pair per file, three lines of context. jsdiff keeps each
 * line's ending as it was (a CRLF file's hunks keep their `\r`), and marks a last line without
 * a line break.
 */


/**
 * One patch for every changed file. Credentials in URLs (an index URL in a context line) are
 * redacted: the patch is uploaded and shown, and a credential is never printed.
 */
function unifiedDiff(files) {
    return files
        .filter(file => file.before !== file.after)
        .map(file => (0,create/* createTwoFilesPatch */.ss)(`a/${withoutRoot(file.path)}`, `b/${withoutRoot(file.path)}`, file.before, file.after, undefined, undefined, {
        context: 3,
        headerOptions: create/* FILE_HEADERS_ONLY */.jr
    }))
        .map(shared_text/* redactCredentials */.UY)
        .join('');
}
/** A file outside the repository keeps its absolute path, without the leading '/' (`a//x`). */
function withoutRoot(file) {
    return file.replace(/^\/+/, '');
}

// EXTERNAL MODULE: ./src/deps/names.ts
var names = __webpack_require__(96498);
// EXTERNAL MODULE: ./src/deps/pep508.ts
var deps_pep508 = __webpack_require__(22048);
// EXTERNAL MODULE: ./src/deps/toml-file.ts + 1 modules
var toml_file = __webpack_require__(51454);
// EXTERNAL MODULE: ./src/deps/toml-positions.ts
var toml_positions = __webpack_require__(33293);
;// CONCATENATED MODULE: ./src/fix/edits.ts
/** The text with every edit applied. Edits must not overlap (a planner bug if they do). */
function applyEdits(text, edits) {
    const sorted = [...edits].sort((a, b) => a.start - b.start);
    let result = '';
    let at = 0;
    for (const edit of sorted) {
        if (edit.start < at || edit.end < edit.start || edit.end > text.length) {
            throw new Error(`overlapping or out-of-range edit at ${edit.start}`);
        }
        result += text.slice(at, edit.start) + edit.text;
        at = edit.end;
    }
    return result + text.slice(at);
}
/** The byte order mark some editors write: kept as it is, and not part of the first line. */
function bomLength(text) {
    return text.charCodeAt(0) === 0xfeff ? 1 : 0;
}
/** Start offsets of each line, as `lineBreaks` splits them (line 1 starts at offset 0). */
function lineStarts(text, lineBreaks) {
    const starts = [0];
    const pattern = new RegExp(lineBreaks.source, 'g');
    for (const match of text.matchAll(pattern))
        starts.push(match.index + match[0].length);
    return starts;
}
/** The offset of a 1-based line and column; undefined when the line does not exist. */
function offsetAt(starts, line, column) {
    const start = starts[line - 1];
    return start === undefined ? undefined : start + column - 1;
}

// EXTERNAL MODULE: ./node_modules/@renovatebot/pep440/index.js
var pep440 = __webpack_require__(68898);
// EXTERNAL MODULE: ./src/deps/poetry-constraint.ts
var poetry_constraint = __webpack_require__(84233);
;// CONCATENATED MODULE: ./src/fix/specifier.ts
/**
 * A version specifier as written in a file, clause by clause with offsets, and what a fix does
 * to it: an exact pin of the vulnerable version gets the fixed version in place of its version
 * text; a range that admits the fixed version stays; a range that excludes it stays too, unless
 * ranges may be widened, and then it becomes `>=FIX` plus those of its clauses that still admit
 * FIX (an exact pin becomes `==FIX`). Only version text changes: operators, spacing and
 * separators of the clauses that stay are kept as written.
 */



/**
 * Where the version specifier of a PEP 508 requirement stands in `text`, the text it was parsed
 * from: after the name and extras, before any marker, without the spaces around it or the
 * parentheses PEP 508 allows around it. Empty (start = end) when it has none.
 */
function specifierSpan(text, requirement) {
    let start = text.indexOf(requirement.name) + requirement.name.length;
    while (/[ \t]/.test(text.charAt(start)))
        start++;
    if (text.charAt(start) === '[')
        start = text.indexOf(']', start) + 1;
    const semicolon = text.indexOf(';', start);
    let end = semicolon === -1 ? text.length : semicolon;
    while (start < end && /[ \t]/.test(text.charAt(start)))
        start++;
    while (end > start && /[ \t]/.test(text.charAt(end - 1)))
        end--;
    if (text.charAt(start) === '(' && text.charAt(end - 1) === ')')
        return { start: start + 1, end: end - 1 };
    return { start, end };
}
const PEP440_OPERATOR = /^(===|==|~=|!=|<=|>=|<|>)/;
const POETRY_OPERATOR = /^(\^|~=|~|===|==|!=|>=|<=|>|<)?/;
/** Versions this stage writes: PEP 440 characters only, so nothing else can reach a file. */
const VERSION_TEXT = /^[A-Za-z0-9.!+_-]+$/;
/** The clauses of `text`, or the reason it cannot be read clause by clause. */
function readClauses(text, syntax) {
    if (syntax === 'poetry' && text.includes('|'))
        return `an "or" (${text.trim()})`;
    const clauses = [];
    const operators = syntax === 'poetry' ? POETRY_OPERATOR : PEP440_OPERATOR;
    let index = 0;
    for (;;) {
        while (index < text.length && /[\s,]/.test(text.charAt(index)))
            index++;
        if (index >= text.length)
            return clauses;
        const start = index;
        const op = operators.exec(text.slice(index))?.[1] ?? '';
        if (syntax === 'pep440' && op === '')
            return `'${text.slice(index).trim()}' has no operator`;
        let versionStart = index + op.length;
        while (/[ \t]/.test(text.charAt(versionStart)))
            versionStart++;
        let versionEnd = versionStart;
        while (versionEnd < text.length && !/[\s,]/.test(text.charAt(versionEnd)))
            versionEnd++;
        const version = text.slice(versionStart, versionEnd);
        if (version === '')
            return `'${op}' has no version`;
        const pep440 = clauseAsPep440(op, version, syntax);
        if (pep440 === undefined)
            return `'${text.slice(start, versionEnd)}' is not a version constraint`;
        clauses.push({ op, version, start, end: versionEnd, versionStart, versionEnd, pep440 });
        index = versionEnd;
    }
}
function clauseAsPep440(op, version, syntax) {
    if (syntax === 'pep440')
        return `${op}${version}`;
    if (['*', 'x', 'X'].includes(version) && op === '')
        return '';
    try {
        return (0,poetry_constraint/* poetryConstraintToPep440 */.nr)(`${op}${version}`);
    }
    catch (error) {
        if (error instanceof poetry_constraint/* PoetryDeclarationError */.wW)
            return undefined;
        throw error;
    }
}
/** `==V` or `===V` (a Poetry bare `V` too), without a wildcard. */
function isExact(clause) {
    return ['==', '===', ''].includes(clause.op) && !clause.version.endsWith('*');
}
function isLowerBound(clause) {
    return clause.op === '>=' || clause.op === '>';
}
function admits(clause, version) {
    if (clause.pep440 === '')
        return true;
    return (0,pep440.satisfies)(version, clause.pep440);
}
/**
 * What fixing `version` -> `fixVersion` does to the specifier `text`. `pinsAreFixed`: an exact
 * pin of `version` is the vulnerable pin itself and is rewritten; when false (a declaration
 * beside a lockfile, which the lockfile pins), it is a range like any other.
 */
function changeSpecifier(text, syntax, version, fixVersion, options) {
    if (!VERSION_TEXT.test(fixVersion) || !(0,version_order/* isPep440 */.it)(fixVersion)) {
        return { kind: 'unreadable', reason: `'${fixVersion}' is not a PEP 440 version` };
    }
    const clauses = readClauses(text, syntax);
    if (typeof clauses === 'string')
        return { kind: 'unreadable', reason: clauses };
    const exact = clauses.filter(isExact);
    if (exact.length > 1)
        return { kind: 'unreadable', reason: 'more than one exact version' };
    const pin = exact[0];
    const others = clauses.filter(clause => clause !== pin);
    if (pin && options.pinsAreFixed) {
        if ((0,version_order/* equalityKey */.Q1)(pin.version) !== (0,version_order/* equalityKey */.Q1)(version))
            return { kind: 'other-pin' };
        if (others.every(clause => admits(clause, fixVersion))) {
            return { ...versionOf(pin, fixVersion), widened: false };
        }
    }
    else if (clauses.every(clause => admits(clause, fixVersion))) {
        return { kind: 'admits' };
    }
    if (!options.widen)
        return { kind: 'excludes' };
    if (pin && others.every(clause => admits(clause, fixVersion))) {
        // A pin the lockfile's resolver must respect: moved, as written, to the fix.
        return { ...versionOf(pin, fixVersion), widened: false };
    }
    const first = clauses[0];
    const last = clauses.at(-1);
    if (!first || !last)
        return { kind: 'admits' }; // no clause: any version
    const kept = others.filter(clause => admits(clause, fixVersion) && !isLowerBound(clause) && !isExact(clause));
    const head = pin ? `${pin.op}${fixVersion}` : `>=${fixVersion}`;
    const separator = separatorOf(text, clauses, syntax);
    const widened = [head, ...kept.map(clause => text.slice(clause.start, clause.end))];
    return {
        kind: 'rewrite',
        start: first.start,
        end: last.end,
        text: widened.join(separator),
        widened: true
    };
}
function versionOf(pin, fixVersion) {
    return {
        kind: 'rewrite',
        start: pin.versionStart,
        end: pin.versionEnd,
        text: fixVersion
    };
}
/** The separator the specifier uses between its first two clauses, else the syntax's usual one. */
function separatorOf(text, clauses, syntax) {
    const [first, second] = clauses;
    if (first && second)
        return text.slice(first.end, second.start);
    return syntax === 'poetry' ? ', ' : ',';
}
/** What to declare so that a resolver may pick the fix: `name>=FIX` (Poetry: `>=FIX`). */
function admittingConstraint(name, fixVersion) {
    return `${name}>=${fixVersion}`;
}

;// CONCATENATED MODULE: ./src/fix/pyproject.ts
/**
 * Fixing declarations in a pyproject.toml: PEP 621 `dependencies` and `optional-dependencies`,
 * PEP 735 `[dependency-groups]`, and Poetry's `dependencies`, `dev-dependencies` and groups
 * (a constraint string, or a table's `version`). The document is parsed to find each string and
 * its position, then only the version text inside the string literal is replaced: the rest of
 * the file, formatting and comments included, is never re-serialised.
 *
 * `pins`: the file is what was audited, and an exact pin of the vulnerable version is the pin to
 * fix. `declared`: a lockfile beside it was audited, and what the file declares is a range the
 * lockfile's resolver must respect (an exact pin included): it is said to admit or exclude the
 * fix, and changed only when ranges may be widened.
 */






const POETRY_SECTION_KEYS = ['dependencies', 'dev-dependencies'];
function planPyprojectFix(text, file, targets, options) {
    const base = bomLength(text);
    const content = text.slice(base);
    const fixed = [];
    const notes = [];
    let document;
    try {
        document = (0,toml_file/* parseToml */.MT)(content, file);
    }
    catch {
        const notes = targets.map(target => noteFor(target, file, 0, 'needs-hand', 'invalid TOML'));
        return { text, edits: [], fixed, notes: options.mode === 'pins' ? notes : [] };
    }
    const positions = (0,toml_positions/* valuePositions */.yf)(content);
    const starts = lineStarts(content, /\n/);
    const declarations = declarationsOf(document);
    const edits = [];
    for (const target of uniqueTargets(targets)) {
        let found = false;
        for (const declaration of declarations.filter(entry => entry.name === target.name)) {
            const position = positions.get((0,toml_positions/* pathKey */.Pn)(declaration.keys));
            const line = position?.line ?? 0;
            const note = (kind, detail, constraint) => {
                found = true;
                notes.push(noteFor(target, file, line, kind, detail, constraint));
            };
            const literal = position && literalAt(content, offsetAt(starts, line, position.column));
            if (!literal || content.slice(literal.start, literal.end) !== declaration.value) {
                note('needs-hand', 'its string is written with escapes or across lines');
                continue;
            }
            const region = regionOf(declaration);
            if (typeof region === 'string')
                continue; // a URL or another project: not a version to fix
            const specifier = declaration.value.slice(region.start, region.end);
            const change = changeSpecifier(specifier, declaration.syntax, target.version, target.fixVersion, {
                pinsAreFixed: options.mode === 'pins',
                widen: options.widen
            });
            const range = `'${specifier.trim() || '*'}'`;
            switch (change.kind) {
                case 'other-pin':
                    continue;
                case 'unreadable':
                    note('needs-hand', `its version constraint cannot be rewritten: ${change.reason}`);
                    continue;
                case 'admits':
                    note('range-admits', `${range} admits it`);
                    continue;
                case 'excludes':
                    note('range-excludes', `${range} excludes it; fix: ranges widens it`, constraintFor(declaration, target));
                    continue;
            }
            found = true;
            const at = literal.start + base + region.start;
            edits.push({ start: at + change.start, end: at + change.end, text: change.text });
            fixed.push({
                kind: change.widened ? 'range' : 'pin',
                name: target.name,
                version: target.version,
                fixVersion: target.fixVersion,
                before: specifier,
                after: specifier.slice(0, change.start) + change.text + specifier.slice(change.end),
                location: { file, line }
            });
        }
        if (!found && options.mode === 'pins') {
            notes.push(noteFor(target, file, 0, 'needs-hand', `no declaration of ${target.name}==${target.version} found`));
        }
    }
    return { text: applyEdits(text, edits), edits, fixed, notes };
}
function noteFor(target, file, line, kind, detail, constraint) {
    return {
        kind,
        name: target.name,
        version: target.version,
        fixVersion: target.fixVersion,
        location: { file, line },
        detail,
        ...(constraint ? { constraint } : {})
    };
}
/** One target per name and version: a pin declared in several groups is fixed in each. */
function uniqueTargets(targets) {
    const seen = new Map();
    for (const target of targets)
        seen.set(`${target.name}@${target.version}`, target);
    return [...seen.values()];
}
/** The specifier within a declaration's string; a reason when it has none to fix. */
function regionOf(declaration) {
    const { value } = declaration;
    if (declaration.syntax === 'poetry') {
        const start = value.length - value.trimStart().length;
        return { start, end: value.trimEnd().length };
    }
    let requirement;
    try {
        requirement = (0,deps_pep508/* parseRequirement */.pP)(value);
    }
    catch (error) {
        if (!(error instanceof deps_pep508/* RequirementSyntaxError */.tL))
            throw error;
        return 'not a requirement';
    }
    if (requirement.url !== undefined)
        return 'a URL';
    return specifierSpan(value, requirement);
}
/** What to declare instead, in the declaration's own syntax. */
function constraintFor(declaration, target) {
    return declaration.syntax === 'poetry'
        ? `${target.name} = ">=${target.fixVersion}"`
        : `${target.name}>=${target.fixVersion}`;
}
/** The body of the string literal whose opening quote is at `offset` (offsets in `text`). */
function literalAt(text, offset) {
    if (offset === undefined)
        return undefined;
    const quote = text.charAt(offset);
    if (quote !== '"' && quote !== "'")
        return undefined;
    // A multi-line string drops its first line break: its body is not the value as written.
    if (text.startsWith(quote.repeat(3), offset))
        return undefined;
    const start = offset + 1;
    const end = text.indexOf(quote, start);
    if (end === -1)
        return undefined;
    return { start, end };
}
/** Every string that declares a dependency, with its key path. */
function declarationsOf(document) {
    const found = [];
    const pep508 = (value, keys) => {
        if (typeof value !== 'string')
            return;
        try {
            const name = (0,deps_pep508/* parseRequirement */.pP)(value).normalizedName;
            found.push({ keys, name, value, syntax: 'pep440' });
        }
        catch (error) {
            if (!(error instanceof deps_pep508/* RequirementSyntaxError */.tL))
                throw error;
        }
    };
    const list = (value, keys) => {
        if (Array.isArray(value))
            value.forEach((item, index) => pep508(item, [...keys, index]));
    };
    const project = tableAt(document, 'project');
    list(project?.dependencies, ['project', 'dependencies']);
    for (const [extra, items] of Object.entries(tableAt(project, 'optional-dependencies') ?? {})) {
        list(items, ['project', 'optional-dependencies', extra]);
    }
    for (const [group, items] of Object.entries(tableAt(document, 'dependency-groups') ?? {})) {
        list(items, ['dependency-groups', group]);
    }
    const poetry = tableAt(tableAt(document, 'tool'), 'poetry');
    const sections = POETRY_SECTION_KEYS.map(key => [
        tableAt(poetry, key),
        ['tool', 'poetry', key]
    ]);
    for (const [group, config] of Object.entries(tableAt(poetry, 'group') ?? {})) {
        const table = (0,toml_file/* isTable */.bI)(config) ? tableAt(config, 'dependencies') : undefined;
        sections.push([table, ['tool', 'poetry', 'group', group, 'dependencies']]);
    }
    for (const [table, keys] of sections) {
        for (const [key, value] of Object.entries(table ?? {})) {
            const name = (0,names/* normalizeName */.P)(key);
            if (name === 'python')
                continue;
            const add = (constraint, at) => {
                if (typeof constraint === 'string')
                    found.push({ keys: at, name, value: constraint, syntax: 'poetry' });
            };
            if (typeof value === 'string')
                add(value, [...keys, key]);
            else if ((0,toml_file/* isTable */.bI)(value))
                add(value.version, [...keys, key, 'version']);
            else if (Array.isArray(value)) {
                value.forEach((item, index) => {
                    if ((0,toml_file/* isTable */.bI)(item))
                        add(item.version, [...keys, key, index, 'version']);
                });
            }
        }
    }
    return found;
}
function tableAt(table, key) {
    const value = table?.[key];
    return (0,toml_file/* isTable */.bI)(value) ? value : undefined;
}

// EXTERNAL MODULE: ./src/deps/requirements-options.ts
var requirements_options = __webpack_require__(26847);
// EXTERNAL MODULE: ./src/deps/requirements-text.ts
var requirements_text = __webpack_require__(36998);
;// CONCATENATED MODULE: ./src/fix/requirements.ts
/**
 * Fixing pins in a pip requirements file (a `-r` include is fixed in its own file, where the
 * Dependency's location points). The file is read into pip's logical lines by the same code the
 * collector uses, and every offset in a logical line maps back to its physical line, across
 * `\` continuations: only the version text (and, on a hashed line, the `--hash` values) change.
 * Comments, markers, extras, spacing and line endings (CRLF too) are copied as they are.
 */





/** Python's str.splitlines() boundaries, which pip (and so requirements-text.ts) splits on. */
// eslint-disable-next-line no-control-regex -- \x1c-\x1e are line breaks to Python
const LINE_BREAK = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/;
/** `--hash` and the abbreviations optparse accepts for it (no other option starts `--h`). */
const HASH_OPTION = /^--h(?:a(?:sh?)?)?$/;
/** What may separate two `--hash` options: spaces, and `\` continuations. */
const HASH_SEPARATOR = /^(?:[ \t]|\\(?:\r\n|\r|\n))+$/;
const SEPARATOR_BEFORE = /(?:[ \t]*\\(?:\r\n|\r|\n)[ \t]*|[ \t]+)$/;
/** The sites whose line carries `--hash`: their fix needs the new release's digests. */
function sitesWithHashes(text, sites) {
    const lines = logicalLinesAt(text.slice(bomLength(text)), sites);
    return sites
        .filter(site => {
        const logical = lines.get(site.line);
        if (!logical)
            return false;
        const items = hashItems(logical);
        return typeof items === 'string' || items.length > 0;
    })
        .map(site => site.target);
}
function planRequirementsFix(text, file, sites, options) {
    const base = bomLength(text);
    const content = text.slice(base);
    const starts = lineStarts(content, LINE_BREAK);
    const lines = logicalLinesAt(content, sites);
    const edits = [];
    const fixed = [];
    const notes = [];
    for (const site of sites) {
        const location = { file, line: site.line };
        const { target } = site;
        const note = (kind, detail, constraint) => {
            notes.push({
                kind,
                name: target.name,
                version: target.version,
                fixVersion: target.fixVersion,
                location,
                detail,
                ...(constraint ? { constraint } : {})
            });
        };
        const logical = lines.get(site.line);
        if (!logical) {
            note('needs-hand', `line ${site.line} holds no requirement`);
            continue;
        }
        const map = (start, end) => fileRange(logical, start, end, starts, base);
        const outcome = planLine(logical, target, options, map, content, base);
        if ('needsHand' in outcome)
            note('needs-hand', outcome.needsHand);
        else if (outcome.kind === 'admits')
            note('range-admits', `${outcome.range} admits it`);
        else if (outcome.kind !== 'rewrite') {
            note('range-excludes', `${outcome.range} excludes it; fix: ranges widens it`, admittingConstraint(target.name, target.fixVersion));
        }
        else {
            edits.push(...outcome.edits);
            fixed.push({
                kind: outcome.widened ? 'range' : 'pin',
                name: target.name,
                version: target.version,
                fixVersion: target.fixVersion,
                before: outcome.before,
                after: outcome.after,
                location
            });
        }
    }
    return { text: applyEdits(text, edits), edits, fixed, notes };
}
function planLine(logical, target, options, map, content, base) {
    const { args } = (0,requirements_options/* splitRequirementLine */.sp)(logical.text);
    const region = specifierRegion(args, target.name);
    if (typeof region === 'string')
        return { needsHand: region };
    const specifier = args.slice(region.start, region.end);
    const change = changeSpecifier(specifier, 'pep440', target.version, target.fixVersion, {
        pinsAreFixed: true,
        widen: options.widen
    });
    switch (change.kind) {
        case 'unreadable':
            return { needsHand: `its version specifier cannot be rewritten: ${change.reason}` };
        case 'other-pin':
            return { needsHand: `it pins another version than ${target.version}` };
        case 'admits':
        case 'excludes':
            return { kind: change.kind, range: `'${specifier}'` };
    }
    const versionRange = map(region.start + change.start, region.start + change.end);
    if (!versionRange)
        return { needsHand: 'its version is split across lines' };
    const edits = [{ ...versionRange, text: change.text }];
    const items = hashItems(logical);
    if (typeof items === 'string')
        return { needsHand: items };
    if (items.length > 0) {
        const answer = options.hashes(target);
        if ('unavailable' in answer) {
            return { needsHand: `it carries --hash, and ${answer.unavailable}` };
        }
        const hashEdit = rewriteHashes(items, answer.sha256, map, content, base);
        if (typeof hashEdit === 'string')
            return { needsHand: hashEdit };
        edits.push(hashEdit);
    }
    const after = specifier.slice(0, change.start) + change.text + specifier.slice(change.end);
    return { kind: 'rewrite', edits, before: specifier, after, widened: change.widened };
}
/**
 * Where the version specifier of `args` is (after the name and extras, before a marker),
 * without parentheses; a reason when the line is not a requirement of `name`.
 */
function specifierRegion(args, name) {
    let requirement;
    try {
        requirement = (0,deps_pep508/* parseRequirement */.pP)(args);
    }
    catch (error) {
        if (!(error instanceof deps_pep508/* RequirementSyntaxError */.tL))
            throw error;
        return `it does not read as a requirement (${error.message})`;
    }
    if (requirement.normalizedName !== name)
        return `it declares ${requirement.normalizedName}`;
    if (requirement.url !== undefined)
        return 'it names a URL, not a version';
    return specifierSpan(args, requirement);
}
/** The `--hash` options of a line, in order; a reason when they cannot be rewritten in place. */
function hashItems(logical) {
    const { optionsOffset } = (0,requirements_options/* splitRequirementLine */.sp)(logical.text);
    let tokens;
    try {
        tokens = (0,requirements_options/* shellSplit */.LO)(logical.text.slice(optionsOffset), optionsOffset);
    }
    catch (error) {
        if (error instanceof requirements_options/* OptionError */.eR)
            return `its options do not read (${error.message})`;
        throw error;
    }
    const items = [];
    for (let index = 0; index < tokens.length; index++) {
        const token = tokens[index];
        const equals = token.value.indexOf('=');
        const option = equals === -1 ? token.value : token.value.slice(0, equals);
        if (!HASH_OPTION.test(option)) {
            items.push('other');
            continue;
        }
        const value = equals === -1 ? tokens[++index] : token;
        const valueStart = equals === -1 ? value?.offset : token.offset + equals + 1;
        if (!value || valueStart === undefined || !logical.text.startsWith(value.value, value.offset)) {
            return 'its --hash options are quoted or escaped';
        }
        items.push({ start: token.offset, valueStart, end: value.offset + value.value.length });
    }
    const first = items.findIndex(item => item !== 'other');
    if (first === -1)
        return [];
    const last = items.length - 1 - [...items].reverse().findIndex(item => item !== 'other');
    const run = items.slice(first, last + 1);
    if (run.includes('other'))
        return 'other options sit between its --hash options';
    return run;
}
/** The `--hash` options replaced by one per new digest, laid out as the old ones were. */
function rewriteHashes(items, digests, map, content, base) {
    if (digests.length === 0)
        return 'the index lists no digest for the new version';
    const ranges = items.map(item => ({
        whole: map(item.start, item.end),
        prefix: map(item.start, item.valueStart)
    }));
    if (ranges.some(range => !range.whole || !range.prefix)) {
        return 'its --hash options are split across lines';
    }
    const first = ranges[0].whole;
    const last = ranges.at(-1).whole;
    const text = (start, end) => content.slice(start - base, end - base);
    let separator;
    if (ranges.length > 1) {
        separator = text(first.end, ranges[1].whole.start);
        if (!HASH_SEPARATOR.test(separator))
            return 'its --hash options are laid out unusually';
    }
    else {
        separator = SEPARATOR_BEFORE.exec(text(base, first.start))?.[0] ?? ' ';
    }
    const prefix = text(ranges[0].prefix.start, ranges[0].prefix.end);
    const options = digests.map(digest => `${prefix}sha256:${digest}`);
    return { start: first.start, end: last.end, text: options.join(separator) };
}
/** The file range of `[start, end)` of a logical line, if it lies on one physical line. */
function fileRange(logical, start, end, starts, base) {
    const at = (offset) => {
        const { line, column } = logical.position(offset);
        const found = offsetAt(starts, line, column);
        return found === undefined ? undefined : found + base;
    };
    const from = at(start);
    if (from === undefined)
        return undefined;
    if (end === start)
        return { start: from, end: from };
    const lastChar = at(end - 1);
    if (lastChar === undefined || lastChar - from !== end - 1 - start)
        return undefined;
    return { start: from, end: lastChar + 1 };
}
/** The logical lines that start on the sites' lines, by line. */
function logicalLinesAt(content, sites) {
    const wanted = new Set(sites.map(site => site.line));
    const found = new Map();
    for (const logical of (0,requirements_text/* logicalLines */.Nj)(content)) {
        if (wanted.has(logical.line))
            found.set(logical.line, logical);
    }
    return found;
}

// EXTERNAL MODULE: ./src/health/look-up.ts + 8 modules
var look_up = __webpack_require__(24717);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(58382);
// EXTERNAL MODULE: ./src/shared/paths.ts
var paths = __webpack_require__(40405);
;// CONCATENATED MODULE: ./src/pipeline/apply-fixes.ts
/**
 * `fix` in the engine: audit once to learn what is vulnerable and what to upgrade to, rewrite
 * the pins in the files that declare them (src/fix/ plans every edit; files are read and
 * written here), then audit the fixed files again, whose outcome the run reports. Lockfiles are
 * left to their tools: the command that upgrades each pin is logged and reported.
 */










/** The lockfiles whose project (pyproject.toml beside them) declares the ranges they lock. */
const LOCKS_A_PYPROJECT = new Set(['uv.lock', 'poetry.lock', 'pdm.lock', 'pylock.toml']);
/**
 * Audit, fix, audit again. The first audit only finds what to fix: it writes no report,
 * uploads nothing, asks no package index and reads no license. The second is the run's.
 */
async function fixThenAuditAgain(config, runStages, context) {
    const first = await runStages(findingsOnly(config));
    const fixes = await applyFixes(first.outcome, config, context);
    if (fixes.changedFiles.length > 0) {
        context.logger.info(`Fixed ${fixes.fixed.length} vulnerable ${fixes.fixed.length === 1 ? 'pin' : 'pins'}; auditing the fixed files again`);
    }
    return runStages({ ...config, fix: 'off' }, fixes);
}
function findingsOnly(config) {
    const outputs = { ...config.outputs };
    delete outputs.reportPath;
    delete outputs.sbomPath;
    delete outputs.sarifPath;
    delete outputs.fixPatchPath;
    return {
        ...config,
        fix: 'off',
        scope: 'all',
        baseRef: undefined,
        outputs,
        dependencyTrack: undefined,
        packageHealth: { ...config.packageHealth, enabled: false },
        licenses: { ...config.licenses, source: 'none' }
    };
}
/** Rewrites the vulnerable pins of `outcome` where they are declared; what it did. */
async function applyFixes(outcome, config, context) {
    const work = fixWork(vulnerablePins(outcome));
    const files = new FileSet();
    const plans = [];
    const hashes = await newDigests(work, files, config, context);
    for (const [file, sites] of work.requirements) {
        const text = await files.read(file);
        if (text === undefined)
            continue;
        const plan = planRequirementsFix(text, file, sites, {
            widen: config.fix === 'ranges',
            hashes: target => hashes.get(keyOf(target)) ?? { unavailable: 'the index was not asked' }
        });
        files.update(file, plan.text);
        plans.push(plan);
    }
    for (const [file, targets] of work.pyprojects) {
        const text = await files.read(file);
        if (text === undefined)
            continue;
        const plan = planPyprojectFix(text, file, targets, {
            mode: 'pins',
            widen: config.fix === 'ranges'
        });
        files.update(file, plan.text);
        plans.push(plan);
    }
    const lockfiles = await lockfileFixes(work.lockfiles, files, config, plans);
    const changed = await files.writeChanged(config.repositoryRoot);
    const fixes = {
        mode: config.fix === 'ranges' ? 'ranges' : 'pins',
        fixed: plans.flatMap(plan => plan.fixed),
        notes: [...work.notes, ...files.unreadable(work), ...plans.flatMap(plan => plan.notes)],
        lockfiles,
        changedFiles: changed.map(file => file.absolute),
        patch: unifiedDiff(changed)
    };
    logFixes(fixes, config.repositoryRoot, context.logger);
    return fixes;
}
function vulnerablePins(outcome) {
    return outcome.packages
        .filter(pkg => pkg.vulnerabilities.some(vulnerability => !vulnerability.ignored))
        .map(pkg => ({
        name: pkg.name,
        version: pkg.version,
        recommendedVersion: pkg.recommendedVersion ?? null,
        ...(pkg.upgradeNote ? { upgradeNote: pkg.upgradeNote } : {}),
        declarations: pkg.declarations
    }));
}
function keyOf(target) {
    return `${target.name}==${target.fixVersion}`;
}
/**
 * The sha256 digests of every new release a `--hash` line needs, asked of the package indexes
 * in one round (index-url, else PyPI, and each extra-index-url). An air-gapped run asks none.
 */
async function newDigests(work, files, config, context) {
    const wanted = new Map();
    for (const [file, sites] of work.requirements) {
        const text = await files.read(file);
        if (text === undefined)
            continue;
        for (const target of sitesWithHashes(text, sites))
            wanted.set(keyOf(target), target);
    }
    const answers = new Map();
    if (wanted.size === 0)
        return answers;
    const { indexUrl, extraIndexUrls } = config.sources;
    if (config.feed.advisoryDb !== undefined && indexUrl === undefined) {
        const unavailable = 'no index is asked in an air-gapped run (advisory-db without index-url)';
        for (const key of wanted.keys())
            answers.set(key, { unavailable });
        return answers;
    }
    const targets = [...wanted.values()];
    try {
        const lookups = await (0,look_up/* lookUpPackageIndexes */.f4)(targets.map(target => ({ name: target.name, versions: [target.fixVersion] })), {
            ...(indexUrl ? { indexUrl } : {}),
            extraIndexUrls,
            env: context.env,
            logger: context.logger,
            requestTimeoutMs: config.requestTimeoutMs
        });
        targets.forEach((target, index) => {
            answers.set(keyOf(target), digestsOf(target, lookups[index]?.answers ?? []));
        });
    }
    catch (error) {
        const unavailable = `the package index could not be asked (${(0,errors/* messageOf */.bD)(error)})`;
        for (const key of wanted.keys())
            answers.set(key, { unavailable });
    }
    return answers;
}
/** Every index's files of the release together, as pip would choose among them. */
function digestsOf(target, answers) {
    const digests = new Set();
    for (const answer of answers) {
        if (!answer.found)
            continue;
        for (const release of answer.project.releases) {
            if (release.filesWithoutSha256 > 0) {
                return { unavailable: `the index lists files of ${keyOf(target)} without a sha256` };
            }
            release.sha256.forEach(digest => digests.add(digest));
        }
    }
    if (digests.size === 0)
        return { unavailable: `the index lists no file of ${keyOf(target)}` };
    return { sha256: [...digests].sort() };
}
/**
 * The command for each lockfile pin, and what the project beside the lockfile declares of it:
 * a range that excludes the fix is named (and widened with `fix: ranges`).
 */
async function lockfileFixes(sites, files, config, plans) {
    const fixes = [];
    const byLockfile = new Map();
    for (const site of sites)
        byLockfile.set(site.lockfile, [...(byLockfile.get(site.lockfile) ?? []), site]);
    for (const [lockfile, lockSites] of byLockfile) {
        const directory = external_node_path_.dirname(lockfile);
        const format = lockSites[0].format;
        const manifest = external_node_path_.join(directory, 'pyproject.toml');
        const manifestText = LOCKS_A_PYPROJECT.has(format)
            ? await files.read(manifest, true)
            : undefined;
        let plan;
        if (manifestText !== undefined) {
            plan = planPyprojectFix(manifestText, manifest, lockSites.map(site => site.target), {
                mode: 'declared',
                widen: config.fix === 'ranges'
            });
            files.update(manifest, plan.text);
            plans.push(plan);
        }
        for (const { target, line } of lockSites) {
            const command = lockfileCommand(format, lockfile, target.name, target.fixVersion, manifestText !== undefined);
            if (typeof command === 'string') {
                plans.push({
                    text: '',
                    edits: [],
                    fixed: [],
                    notes: [
                        { kind: 'needs-hand', ...target, location: { file: lockfile, line }, detail: command }
                    ]
                });
                continue;
            }
            const excluded = plan?.notes.find(note => note.name === target.name && note.kind === 'range-excludes');
            fixes.push({
                ...target,
                lockfile,
                format,
                command,
                shown: shellLine(command),
                directory,
                ...(excluded?.constraint ? { constraint: excluded.constraint } : {})
            });
        }
    }
    return fixes;
}
/** The files a fix reads and changes, each read once, as it was and as it becomes. */
class FileSet {
    files = new Map();
    /**
     * The file's current text; undefined when it cannot be read as UTF-8 (the reason is kept, and
     * reported for every pin it declares) or, when `optional`, does not exist.
     */
    async read(file, optional = false) {
        let entry = this.files.get(file);
        if (entry === undefined) {
            try {
                const before = new TextDecoder('utf-8', { fatal: true }).decode(await promises_.readFile(file));
                entry = { before, after: before };
            }
            catch (error) {
                const code = error.code;
                if (optional && code === 'ENOENT')
                    return undefined;
                entry = code ? `it cannot be read (${code})` : 'it is not UTF-8 text';
            }
            this.files.set(file, entry);
        }
        return typeof entry === 'string' ? undefined : entry.after;
    }
    update(file, text) {
        const entry = this.files.get(file);
        if (entry !== undefined && typeof entry !== 'string')
            entry.after = text;
    }
    /** Notes for the pins declared in files that could not be read. */
    unreadable(work) {
        const reasons = [...this.files].filter((entry) => typeof entry[1] === 'string');
        return reasons.flatMap(([file, reason]) => [
            ...(work.requirements.get(file) ?? []).map(site => ({
                kind: 'needs-hand',
                ...site.target,
                location: { file, line: site.line },
                detail: reason
            })),
            ...(work.pyprojects.get(file) ?? []).map(target => ({
                kind: 'needs-hand',
                ...target,
                location: { file, line: 0 },
                detail: reason
            }))
        ]);
    }
    /** Writes every file whose text changed; each as the patch names it. */
    async writeChanged(repositoryRoot) {
        const changed = [];
        for (const [file, entry] of this.files) {
            if (typeof entry === 'string' || entry.before === entry.after)
                continue;
            await promises_.writeFile(file, entry.after);
            changed.push({ absolute: file, path: (0,paths/* repositoryPath */.S)(file, repositoryRoot), ...entry });
        }
        return changed;
    }
}
/** The log says what was fixed, what was left and why, and which command upgrades each lockfile pin. */
function logFixes(fixes, repositoryRoot, logger) {
    const where = (file, line) => `${(0,paths/* repositoryPath */.S)(file, repositoryRoot)}${line > 0 ? `:${line}` : ''}`;
    for (const fixed of fixes.fixed) {
        logger.info(`Fixed ${fixed.name} ${fixed.version} -> ${fixed.fixVersion} in ${where(fixed.location.file, fixed.location.line)} ('${fixed.before}' -> '${fixed.after}')`);
    }
    for (const note of fixes.notes) {
        const what = note.fixVersion
            ? `${note.name} ${note.version} -> ${note.fixVersion}`
            : `${note.name} ${note.version}`;
        logger.info(`Not fixed: ${what} in ${where(note.location.file, note.location.line)}: ${note.detail}`);
    }
    for (const fix of fixes.lockfiles) {
        const directory = external_node_path_.relative(repositoryRoot, fix.directory) === ''
            ? '.'
            : (0,paths/* repositoryPath */.S)(fix.directory, repositoryRoot);
        logger.info(`${fix.name} ${fix.version} -> ${fix.fixVersion} in ${(0,paths/* repositoryPath */.S)(fix.lockfile, repositoryRoot)}: run in ${directory}: ${fix.shown}` +
            (fix.constraint ? ` (first declare ${fix.constraint} in pyproject.toml)` : ''));
    }
}


/***/ })

};
