export const id = 384;
export const ids = [384];
export const modules = {

/***/ 36384:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  readPyproject: () => (/* binding */ readPyproject)
});

// UNUSED EXPORTS: UNPINNED_PYPROJECT_REASON, parsePyproject

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(58382);
// EXTERNAL MODULE: ./src/deps/markers.ts
var markers = __webpack_require__(39457);
// EXTERNAL MODULE: ./src/deps/names.ts
var deps_names = __webpack_require__(96498);
// EXTERNAL MODULE: ./src/deps/pep508.ts
var pep508 = __webpack_require__(22048);
// EXTERNAL MODULE: ./src/deps/toml-file.ts + 1 modules
var toml_file = __webpack_require__(51454);
;// CONCATENATED MODULE: ./src/deps/toml-positions.ts
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
 * Positions by pathKey; a table opened by a header is at its header. Expects text smol-toml has
 * parsed; on anything else it stops early rather than guess.
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
                const match = /^[A-Za-z0-9_-]+/.exec(text.slice(pos, pos + 256));
                if (!match)
                    return keys;
                keys.push(match[0]);
                moveTo(pos + match[0].length);
            }
            skipBlank(false);
            if (text[pos] !== '.')
                return keys;
            moveTo(pos + 1);
        }
    };
    const readValue = (path) => {
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
                readValue([...path, index]);
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
                const keys = readKey();
                if (keys.length === 0)
                    return;
                skipBlank(false);
                moveTo(pos + 1); // '='
                skipBlank(false);
                readValue([...path, ...keys]);
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
            const resolved = [];
            const keys = readKey();
            keys.forEach((key, index) => {
                resolved.push(key);
                const count = arrayCounts.get(pathKey(resolved));
                const isThisArray = arrayTable && index === keys.length - 1;
                if (count !== undefined && !isThisArray)
                    resolved.push(String(count));
            });
            moveTo(lineEnd(pos));
            if (arrayTable) {
                const index = (arrayCounts.get(pathKey(resolved)) ?? -1) + 1;
                arrayCounts.set(pathKey(resolved), index);
                table = [...resolved, String(index)];
            }
            else {
                table = resolved;
            }
            // A table opened by its header starts there.
            if (!positions.has(pathKey(table)))
                positions.set(pathKey(table), header);
            continue;
        }
        const start = pos;
        const keys = readKey();
        if (keys.length === 0)
            break;
        skipBlank(false);
        moveTo(pos + 1); // '='
        skipBlank(false);
        readValue([...table, ...keys]);
        if (pos === start)
            break; // not TOML after all: stop rather than loop
    }
    return positions;
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

;// CONCATENATED MODULE: ./src/deps/pyproject-declarations.ts
/**
 * The declarations of one pyproject.toml as they are read: each with its PEP 508 form, line and
 * groups; plus positions, typed access and errors placed at the right line.
 */




/** Positions, typed access and errors for one document; collects what it declares. */
class Declarations {
    file;
    projectDir;
    list = [];
    positions;
    constructor(file, text, projectDir) {
        this.file = file;
        this.projectDir = projectDir;
        this.positions = valuePositions(text);
    }
    at(keys) {
        return this.positions.get(pathKey(keys)) ?? { line: 0, column: 0 };
    }
    fail(keys, detail, column) {
        const { line } = this.at(keys);
        throw new errors/* ParseError */.mB({ file: this.file, ...(line > 0 && { line, column }) }, detail);
    }
    table(value, keys) {
        if (value === undefined || (0,toml_file/* isTable */.bI)(value))
            return value;
        return this.fail(keys, `${keys.join('.')} must be a table, not ${(0,toml_file/* describeType */.MF)(value)}`);
    }
    array(value, keys) {
        if (Array.isArray(value))
            return value;
        return this.fail(keys, `${keys.join('.')} must be an array, not ${(0,toml_file/* describeType */.MF)(value)}`);
    }
    /** parseRequirement; a syntax error in a string as written is placed at its column. */
    requirement(raw, keys, asWritten = false) {
        try {
            return (0,pep508/* parseRequirement */.pP)(raw);
        }
        catch (error) {
            if (!(error instanceof pep508/* RequirementSyntaxError */.tL))
                throw error;
            const column = asWritten ? this.at(keys).column + error.column : undefined;
            const shown = raw.length > 200 ? `${raw.slice(0, 200)}...` : raw;
            return this.fail(keys, `invalid requirement '${shown}': ${error.message}`, column);
        }
    }
    addPep508(value, keys, groups, origin, extra) {
        if (typeof value !== 'string') {
            this.fail(keys, `${keys.join('.')} must be a PEP 508 string, not ${(0,toml_file/* describeType */.MF)(value)}`);
        }
        const requirement = this.requirement(value, keys, true);
        this.list.push({ requirement, raw: value, line: this.at(keys).line, groups, origin, extra });
    }
}

// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
// EXTERNAL MODULE: ./node_modules/@renovatebot/pep440/index.js
var pep440 = __webpack_require__(68898);
;// CONCATENATED MODULE: ./src/deps/poetry-constraint.ts
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
    if (specifier !== '' && !(0,pep440.validRange)(specifier)) {
        throw new PoetryDeclarationError(`constraint '${constraint}' is not a valid version constraint`);
    }
    return specifier;
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

// EXTERNAL MODULE: ./src/deps/source-builder.ts
var source_builder = __webpack_require__(97083);
;// CONCATENATED MODULE: ./src/deps/pyproject-poetry.ts
/**
 * Poetry's declarations: `[tool.poetry.dependencies]` (the `python` key is the interpreter, not a
 * package), legacy `dev-dependencies` and `[tool.poetry.group.<g>.dependencies]`, each value a
 * constraint string, a table (`version`, `extras`, `markers`, `python`, `platform`, `optional`,
 * `source`, or a `git` / `path` / `file` / `url` source) or an array of tables, turned into PEP 508
 * strings pip accepts (constraints by poetry-constraint.ts).
 *
 * With a static `[project]` list, as in poetry-core, Poetry's main entries only enrich the
 * `[project]` requirement of the same name (a git/path/url source, or a narrower version), and a
 * Poetry group only enriches the PEP 735 group of the same name; enrichment's marker intersection is
 * not applied. Without one (Poetry 1.x style) they are the declarations, and an optional main entry
 * listed in `[tool.poetry.extras]` belongs to those extras.
 */






const INFO_KEYS = {
    version: 'string',
    extras: 'strings',
    markers: 'string',
    python: 'string',
    platform: 'string',
    optional: 'boolean',
    source: 'string',
    git: 'string',
    branch: 'string',
    tag: 'string',
    rev: 'string',
    subdirectory: 'string',
    path: 'string',
    file: 'string',
    url: 'string',
    develop: 'boolean'
};
/** One declaration per constraint: a key holds a string, a table, or an array of tables. */
function poetryDeclarations(name, value, projectDir) {
    if (Array.isArray(value)) {
        return value.map((item, index) => ({ index, declaration: declaration(name, item, projectDir) }));
    }
    return [{ declaration: declaration(name, value, projectDir) }];
}
function declaration(name, value, projectDir) {
    const info = readInfo(value);
    const extras = info.extras?.length ? `[${info.extras.join(',')}]` : '';
    const markers = markerOf(info);
    const direct = directReference(info, projectDir);
    // PEP 508 needs a space between a URL and the ';' of its marker.
    if (direct) {
        const raw = `${name}${extras} @ ${direct.url}${markers ? ` ; ${markers}` : ''}`;
        return { info, raw, notFromIndex: direct.reason };
    }
    const specifier = poetryConstraintToPep440(info.constraint ?? '*');
    return { info, raw: `${name}${extras}${specifier}${markers ? `; ${markers}` : ''}` };
}
function readInfo(value) {
    if (typeof value === 'string')
        return { constraint: value };
    if (!(0,toml_file/* isTable */.bI)(value))
        throw new PoetryDeclarationError('must be a version string or a table');
    const info = {};
    for (const [key, kind] of Object.entries(INFO_KEYS)) {
        const field = value[key];
        if (field === undefined)
            continue;
        const ok = kind === 'strings'
            ? Array.isArray(field) && field.every(item => typeof item === 'string')
            : typeof field === kind;
        if (!ok) {
            const expected = kind === 'strings' ? 'an array of strings' : `a ${kind}`;
            throw new PoetryDeclarationError(`'${key}' must be ${expected}`);
        }
        info[key === 'version' ? 'constraint' : key] = field;
    }
    return info;
}
function directReference(info, projectDir) {
    const fragment = info.subdirectory ? `#subdirectory=${info.subdirectory}` : '';
    if (info.git !== undefined) {
        const revision = info.rev ?? info.tag ?? info.branch;
        // pip wants `git+ssh://git@host/path` where Poetry also takes scp-like `git@host:path`.
        const scp = /^([\w.-]+@[\w.-]+):(?!\/\/)(.*)$/.exec(info.git);
        const base = scp ? `ssh://${scp[1]}/${scp[2]}` : info.git;
        const url = `${base.startsWith('git+') ? '' : 'git+'}${base}${revision ? `@${revision}` : ''}${fragment}`;
        return { url, reason: (0,source_builder/* notAReleaseReason */.u1)('git', info.git, revision) };
    }
    const local = info.path ?? info.file;
    if (local !== undefined) {
        const url = (0,external_node_url_.pathToFileURL)(external_node_path_default().resolve(projectDir, local)).href + fragment;
        return { url, reason: (0,source_builder/* notAReleaseReason */.u1)(info.develop ? 'editable directory' : 'path', local) };
    }
    if (info.url !== undefined)
        return { url: info.url + fragment, reason: (0,source_builder/* notAReleaseReason */.u1)('url', info.url) };
    return undefined;
}
function markerOf(info) {
    const parts = [];
    if (info.markers)
        parts.push(info.markers);
    const python = info.python === undefined ? '' : pythonConstraintToMarker(info.python);
    if (python)
        parts.push(python);
    if (info.platform)
        parts.push(`sys_platform == "${info.platform}"`);
    return parts.length > 1 ? parts.map(part => `(${part})`).join(' and ') : (parts[0] ?? '');
}
/** `[tool.poetry.dependencies]`, legacy `dev-dependencies` and `[tool.poetry.group.<g>.dependencies]`. */
function readPoetrySections(value, declarations, context) {
    const poetry = declarations.table(value, ['tool', 'poetry']) ?? {};
    const mainKeys = ['tool', 'poetry', 'dependencies'];
    const main = declarations.table(poetry.dependencies, mainKeys);
    if (main) {
        const extrasOf = extrasListing(declarations.table(poetry.extras, ['tool', 'poetry', 'extras']));
        const groupsOf = (name) => {
            const entry = main[name];
            const optional = (0,toml_file/* isTable */.bI)(entry) && entry.optional === true;
            const extras = optional ? extrasOf(name) : [];
            return extras.length > 0 ? extras : ['main'];
        };
        const enrich = context.projectListsMain ? 'project' : undefined;
        addSection(main, mainKeys, groupsOf, enrich, declarations);
    }
    const devKeys = ['tool', 'poetry', 'dev-dependencies'];
    const dev = declarations.table(poetry['dev-dependencies'], devKeys);
    if (dev)
        addSection(dev, devKeys, () => ['dev'], undefined, declarations);
    const groups = declarations.table(poetry.group, ['tool', 'poetry', 'group']) ?? {};
    for (const [group, config] of Object.entries(groups)) {
        const groupTable = declarations.table(config, ['tool', 'poetry', 'group', group]);
        const keys = ['tool', 'poetry', 'group', group, 'dependencies'];
        const table = declarations.table(groupTable?.dependencies, keys);
        if (!table)
            continue;
        const enrich = context.pep735Groups.has((0,deps_names/* normalizeName */.P)(group)) ? 'dependency-groups' : undefined;
        addSection(table, keys, () => [group], enrich, declarations);
    }
}
function extrasListing(extras) {
    return (name) => Object.entries(extras ?? {})
        .filter(([, names]) => Array.isArray(names) &&
        names.some(listed => typeof listed === 'string' && (0,deps_names/* normalizeName */.P)(listed) === (0,deps_names/* normalizeName */.P)(name)))
        .map(([extra]) => extra);
}
function addSection(table, keys, groupsOf, 
/** Declare the entries, or only enrich the `[project]` or PEP 735 declarations of their names. */
enrichOnly, declarations) {
    for (const [name, value] of Object.entries(table)) {
        if ((0,deps_names/* normalizeName */.P)(name) === 'python')
            continue; // the interpreter, not a package
        const groups = groupsOf(name);
        let entries;
        try {
            entries = poetryDeclarations(name, value, declarations.projectDir);
        }
        catch (error) {
            if (!(error instanceof PoetryDeclarationError))
                throw error;
            if (!error.inexpressible)
                declarations.fail([...keys, name], `${[...keys, name].join('.')}: ${error.message}`);
            if (enrichOnly)
                continue;
            const requirement = { name, normalizedName: (0,deps_names/* normalizeName */.P)(name), extras: [], specifier: '' };
            const line = declarations.at([...keys, name]).line;
            const unsupported = `Poetry ${error.message}: not audited (use poetry.lock)`;
            declarations.list.push({ requirement, raw: '', line, groups, origin: 'poetry', unsupported });
            continue;
        }
        for (const { index, declaration } of entries) {
            const entryKeys = index === undefined ? [...keys, name] : [...keys, name, index];
            if (enrichOnly) {
                enrich(declarations, enrichOnly, entryKeys, name, groups, declaration);
                continue;
            }
            declarations.list.push({
                requirement: declarations.requirement(declaration.raw, entryKeys),
                raw: declaration.raw,
                line: declarations.at(entryKeys).line,
                groups,
                origin: 'poetry',
                poetry: declaration.info,
                notFromIndex: declaration.notFromIndex
            });
        }
    }
}
/**
 * poetry-core's enrichment of a `[project]` / PEP 735 requirement by the Poetry entry of the same
 * name: a git/path/url source replaces the index; a version constraint narrows the specifier.
 */
function enrich(declarations, origin, keys, name, groups, declaration) {
    const normalized = (0,deps_names/* normalizeName */.P)(name);
    for (const target of declarations.list) {
        if (target.requirement.normalizedName !== normalized || target.requirement.url !== undefined)
            continue;
        // Poetry's main group is all of [project]; another group is the PEP 735 group of its name.
        if (target.origin !== origin)
            continue;
        if (origin === 'dependency-groups' && !target.groups.some(g => groups.includes(g)))
            continue;
        target.poetry = declaration.info;
        if (declaration.notFromIndex !== undefined) {
            target.raw = declaration.raw;
            target.requirement = declarations.requirement(declaration.raw, keys);
            target.notFromIndex = declaration.notFromIndex;
        }
        else if (declaration.info.constraint !== undefined) {
            const { name: written, extras, specifier, marker } = target.requirement;
            const narrowed = [specifier, poetryConstraintToPep440(declaration.info.constraint)]
                .filter(Boolean)
                .join(',');
            const raw = `${written}${extras.length ? `[${extras.join(',')}]` : ''}${narrowed}${marker ? `; ${marker}` : ''}`;
            target.raw = raw;
            target.requirement = declarations.requirement(raw, keys);
        }
    }
}

;// CONCATENATED MODULE: ./src/deps/pyproject.ts
/**
 * pyproject.toml declarations: PEP 621 `[project] dependencies` and `optional-dependencies`, PEP 735
 * `[dependency-groups]` (with `{include-group = "..."}`), and Poetry's (pyproject-poetry.ts). Each
 * comes back as a PEP 508 string pip accepts (`raw`) for a resolver; in `source` an exact pin is a
 * Dependency, anything else skipped.
 *
 * Groups: main for `[project] dependencies` and Poetry's main group, the extra's name for an
 * optional dependency, the group's name otherwise. A PEP 735 group's requirements also belong to
 * the groups that include it; a requirement in several groups is labelled main if any is main,
 * else with the group names joined (`lint,test`).
 */









const UNPINNED_PYPROJECT_REASON = 'not pinned to an exact version (use a lockfile or resolve: pip)';
async function readPyproject(absolutePath, options) {
    return parsePyproject(await (0,toml_file/* readSourceText */.Vv)(absolutePath, options), absolutePath, options);
}
/** Reads a pyproject.toml already in memory; `absolutePath` is where it came from. */
function parsePyproject(text, absolutePath, options) {
    const file = (0,toml_file/* shownPath */.pS)(absolutePath, options);
    const document = (0,toml_file/* parseToml */.MT)(text, file);
    const declarations = new Declarations(file, text, external_node_path_default().dirname(absolutePath));
    const project = declarations.table(document.project, ['project']) ?? {};
    if (project.dependencies !== undefined) {
        const keys = ['project', 'dependencies'];
        declarations.array(project.dependencies, keys).forEach((item, index) => {
            declarations.addPep508(item, [...keys, index], ['main'], 'project');
        });
    }
    const optionalKeys = ['project', 'optional-dependencies'];
    const optional = declarations.table(project['optional-dependencies'], optionalKeys) ?? {};
    for (const [extra, items] of Object.entries(optional)) {
        declarations.array(items, [...optionalKeys, extra]).forEach((item, index) => {
            declarations.addPep508(item, [...optionalKeys, extra, index], [extra], 'project', extra);
        });
    }
    const pep735 = readDependencyGroups(document['dependency-groups'], declarations);
    const dynamic = Array.isArray(project.dynamic) ? project.dynamic : [];
    const tool = declarations.table(document.tool, ['tool']);
    readPoetrySections(tool?.poetry, declarations, {
        // poetry-core: a static [project] list makes [tool.poetry.dependencies] enrichment only.
        projectListsMain: (project.dependencies !== undefined || Object.keys(optional).length > 0) &&
            !dynamic.includes('dependencies') &&
            !dynamic.includes('optional-dependencies'),
        pep735Groups: pep735
    });
    return toResult(declarations.list, absolutePath, file, options?.markerEnvironment);
}
/**
 * PEP 735 groups; returns the normalised names of the non-empty ones. An include of a group that
 * does not exist, or a cycle of includes, is a ParseError at the include.
 */
function readDependencyGroups(value, declarations) {
    const table = declarations.table(value, ['dependency-groups']) ?? {};
    const groups = new Map();
    for (const [name, items] of Object.entries(table)) {
        groups.set((0,deps_names/* normalizeName */.P)(name), {
            name,
            items: declarations.array(items, ['dependency-groups', name])
        });
    }
    const includedBy = new Map();
    const includes = (normalized) => {
        const { name, items } = groups.get(normalized);
        return items.flatMap((item, index) => {
            if (!(0,toml_file/* isTable */.bI)(item))
                return [];
            const keys = ['dependency-groups', name, index];
            const target = item['include-group'];
            if (typeof target !== 'string' || Object.keys(item).length !== 1) {
                return declarations.fail(keys, `dependency group '${name}': a table entry must be {include-group = "<group>"}`);
            }
            if (!groups.has((0,deps_names/* normalizeName */.P)(target))) {
                return declarations.fail(keys, `dependency group '${name}' includes '${target}', which is not defined`);
            }
            return [{ target: (0,deps_names/* normalizeName */.P)(target), keys }];
        });
    };
    // Depth-first over includes, without recursion: a group met again on the path closes a cycle.
    const done = new Set();
    for (const root of groups.keys()) {
        if (done.has(root))
            continue;
        const path = [{ group: root, edges: includes(root), next: 0 }];
        while (path.length > 0) {
            const top = path[path.length - 1];
            const edge = top.edges[top.next++];
            if (edge === undefined) {
                done.add(top.group);
                path.pop();
                continue;
            }
            includedBy.set(edge.target, [...(includedBy.get(edge.target) ?? []), top.group]);
            const onPath = path.findIndex(step => step.group === edge.target);
            if (onPath !== -1) {
                const cycle = [...path.slice(onPath).map(step => step.group), edge.target].join(' -> ');
                declarations.fail(edge.keys, `dependency groups include each other in a cycle: ${cycle}`);
            }
            if (!done.has(edge.target)) {
                path.push({ group: edge.target, edges: includes(edge.target), next: 0 });
            }
        }
    }
    /** A group's own name and the names of every group that includes it, directly or not. */
    const labelsOf = (normalized) => {
        const seen = new Set([normalized]);
        const queue = [normalized];
        for (let index = 0; index < queue.length; index++) {
            for (const parent of includedBy.get(queue[index]) ?? []) {
                if (seen.has(parent))
                    continue;
                seen.add(parent);
                queue.push(parent);
            }
        }
        return queue.map(group => groups.get(group).name);
    };
    for (const [normalized, { name, items }] of groups) {
        const labels = labelsOf(normalized);
        items.forEach((item, index) => {
            if (!(0,toml_file/* isTable */.bI)(item))
                declarations.addPep508(item, ['dependency-groups', name, index], labels, 'dependency-groups');
        });
    }
    return new Set([...groups].filter(([, group]) => group.items.length > 0).map(([normalized]) => normalized));
}
function toResult(declared, absolutePath, file, environment) {
    const builder = new source_builder/* SourceResultBuilder */.Km(absolutePath, 'pyproject');
    const requirements = [];
    for (const entry of declared) {
        const { requirement, line } = entry;
        if (entry.unsupported !== undefined) {
            builder.addSkipped(requirement.name, undefined, entry.unsupported, line);
            continue;
        }
        requirements.push({
            requirement,
            raw: entry.raw,
            location: { file: absolutePath, line },
            group: (0,source_builder/* pickGroup */.dL)(entry.groups) ?? 'main',
            origin: entry.origin,
            ...(entry.poetry && { poetry: entry.poetry })
        });
        if (environment && requirement.marker && !markerApplies(entry, environment, file))
            continue;
        const reason = entry.notFromIndex ??
            (requirement.url === undefined ? undefined : (0,source_builder/* directUrlReason */.X$)(requirement.url));
        const version = reason === undefined ? (0,pep508/* pinnedVersion */.V2)(requirement.specifier) : undefined;
        if (version !== undefined)
            builder.addDependency(requirement.name, version, line, entry.groups);
        else
            builder.addSkipped(requirement.name, undefined, reason ?? UNPINNED_PYPROJECT_REASON, line);
    }
    return { source: builder.build(), requirements };
}
function markerApplies(entry, environment, file) {
    try {
        return (0,markers/* evaluateMarker */.U)(entry.requirement.marker, environment, entry.extra);
    }
    catch (error) {
        if (!(error instanceof pep508/* RequirementSyntaxError */.tL))
            throw error;
        const position = { file, ...(entry.line > 0 && { line: entry.line }) };
        throw new errors/* ParseError */.mB(position, `invalid marker in '${entry.raw}': ${error.message}`);
    }
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
