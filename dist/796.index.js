export const id = 796;
export const ids = [796];
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

/***/ 31796:
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
// EXTERNAL MODULE: ./src/deps/limits.ts
var limits = __webpack_require__(81136);
// EXTERNAL MODULE: ./src/deps/marker-text.ts
var marker_text = __webpack_require__(67000);
// EXTERNAL MODULE: ./src/deps/markers.ts
var markers = __webpack_require__(39457);
// EXTERNAL MODULE: ./src/deps/names.ts
var deps_names = __webpack_require__(96498);
// EXTERNAL MODULE: ./src/deps/pep508.ts
var pep508 = __webpack_require__(22048);
// EXTERNAL MODULE: ./src/deps/toml-file.ts + 1 modules
var toml_file = __webpack_require__(51454);
// EXTERNAL MODULE: ./src/deps/toml-positions.ts
var toml_positions = __webpack_require__(33293);
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
    byName = new Map();
    positions;
    constructor(file, text, projectDir) {
        this.file = file;
        this.projectDir = projectDir;
        this.positions = (0,toml_positions/* valuePositions */.yf)(text);
    }
    /** Declares one more, refusing the file past MAX_DEPENDENCIES (before the next is read). */
    add(declared) {
        this.list.push(declared);
        const name = declared.requirement.normalizedName;
        const same = this.byName.get(name);
        if (same)
            same.push(declared);
        else
            this.byName.set(name, [declared]);
        (0,limits/* checkFileDependencyCount */.b6)(this.list.length, {
            file: this.file,
            ...(declared.line > 0 && { line: declared.line })
        });
    }
    /** The declarations of one (normalised) name, in the order they were declared. */
    named(normalizedName) {
        return this.byName.get(normalizedName) ?? [];
    }
    at(keys) {
        return this.positions.get((0,toml_positions/* pathKey */.Pn)(keys)) ?? { line: 0, column: 0 };
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
        this.add({ requirement, raw: value, line: this.at(keys).line, groups, origin, extra });
    }
}

// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
// EXTERNAL MODULE: ./src/deps/poetry-constraint.ts
var poetry_constraint = __webpack_require__(84233);
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
    const specifier = (0,poetry_constraint/* poetryConstraintToPep440 */.nr)(info.constraint ?? '*');
    return { info, raw: `${name}${extras}${specifier}${markers ? `; ${markers}` : ''}` };
}
function readInfo(value) {
    if (typeof value === 'string')
        return { constraint: value };
    if (!(0,toml_file/* isTable */.bI)(value))
        throw new poetry_constraint/* PoetryDeclarationError */.wW('must be a version string or a table');
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
            throw new poetry_constraint/* PoetryDeclarationError */.wW(`'${key}' must be ${expected}`);
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
    const python = info.python === undefined ? '' : (0,poetry_constraint/* pythonConstraintToMarker */.XU)(info.python);
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
/** The extras that list a name, in the order `[tool.poetry.extras]` has them; indexed once. */
function extrasListing(extras) {
    const byName = new Map();
    for (const [extra, names] of Object.entries(extras ?? {})) {
        if (!Array.isArray(names))
            continue;
        for (const listed of new Set(names.filter(item => typeof item === 'string').map(deps_names/* normalizeName */.P))) {
            const listing = byName.get(listed);
            if (listing)
                listing.push(extra);
            else
                byName.set(listed, [extra]);
        }
    }
    return (name) => byName.get((0,deps_names/* normalizeName */.P)(name)) ?? [];
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
            if (!(error instanceof poetry_constraint/* PoetryDeclarationError */.wW))
                throw error;
            if (!error.inexpressible)
                declarations.fail([...keys, name], `${[...keys, name].join('.')}: ${error.message}`);
            if (enrichOnly)
                continue;
            const requirement = { name, normalizedName: (0,deps_names/* normalizeName */.P)(name), extras: [], specifier: '' };
            const line = declarations.at([...keys, name]).line;
            const unsupported = `Poetry ${error.message}: not audited (use poetry.lock)`;
            declarations.add({ requirement, raw: '', line, groups, origin: 'poetry', unsupported });
            continue;
        }
        for (const { index, declaration } of entries) {
            const entryKeys = index === undefined ? [...keys, name] : [...keys, name, index];
            if (enrichOnly) {
                enrich(declarations, enrichOnly, entryKeys, name, groups, declaration);
                continue;
            }
            declarations.add({
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
    for (const target of declarations.named((0,deps_names/* normalizeName */.P)(name))) {
        if (target.requirement.url !== undefined)
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
            const narrowed = [specifier, (0,poetry_constraint/* poetryConstraintToPep440 */.nr)(declaration.info.constraint)]
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
const readPyproject = (0,toml_file/* fileReader */.q2)(parsePyproject);
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
            items: declarations.array(items, ['dependency-groups', name]),
            index: groups.size
        });
    }
    if (groups.size > limits/* MAX_DEPENDENCY_GROUPS */.u_)
        declarations.fail(['dependency-groups'], (0,limits/* dependencyGroupsReason */.aG)());
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
    const includedBy = new Map();
    /** Each group after every group it includes. */
    const finished = [];
    const done = new Set();
    for (const root of groups.keys()) {
        if (done.has(root))
            continue;
        const path = [{ group: root, edges: includes(root), next: 0 }];
        const onPath = new Set([root]);
        while (path.length > 0) {
            const top = path[path.length - 1];
            const edge = top.edges[top.next++];
            if (edge === undefined) {
                done.add(top.group);
                finished.push(top.group);
                onPath.delete(top.group);
                path.pop();
                continue;
            }
            const parents = includedBy.get(edge.target);
            if (parents)
                parents.push(top.group);
            else
                includedBy.set(edge.target, [top.group]);
            if (onPath.has(edge.target)) {
                const from = path.findIndex(step => step.group === edge.target);
                const cycle = [...path.slice(from).map(step => step.group), edge.target].join(' -> ');
                declarations.fail(edge.keys, `dependency groups include each other in a cycle: ${cycle}`);
            }
            if (!done.has(edge.target)) {
                path.push({ group: edge.target, edges: includes(edge.target), next: 0 });
                onPath.add(edge.target);
            }
        }
    }
    const labels = groupLabels(groups, includedBy, finished);
    for (const [normalized, { name, items }] of groups) {
        items.forEach((item, index) => {
            if (!(0,toml_file/* isTable */.bI)(item))
                declarations.addPep508(item, ['dependency-groups', name, index], labels(normalized), 'dependency-groups');
        });
    }
    return new Set([...groups].filter(([, group]) => group.items.length > 0).map(([normalized]) => normalized));
}
/**
 * A group's own name and the names of every group that includes it, directly or not. Computed
 * once for all groups as bit sets, includers before what they include (`finished` reversed):
 * the union over an include costs a word per 32 groups, so dense includes stay cheap.
 */
function groupLabels(groups, includedBy, finished) {
    const words = Math.ceil(groups.size / 32);
    const closures = new Map();
    for (let at = finished.length - 1; at >= 0; at--) {
        const group = finished[at];
        const closure = new Uint32Array(words);
        const own = groups.get(group).index;
        closure[own >> 5] |= 1 << (own & 31);
        for (const parent of includedBy.get(group) ?? []) {
            const theirs = closures.get(parent);
            for (let word = 0; word < words; word++)
                closure[word] |= theirs[word];
        }
        closures.set(group, closure);
    }
    const names = [...groups.values()].map(group => group.name);
    const labels = new Map();
    return normalized => {
        let list = labels.get(normalized);
        if (list === undefined) {
            const closure = closures.get(normalized);
            const own = groups.get(normalized);
            list = [own.name];
            for (let index = 0; index < names.length; index++) {
                if (index !== own.index && closure[index >> 5] & (1 << (index & 31)))
                    list.push(names[index]);
            }
            labels.set(normalized, list);
        }
        return list;
    };
}
function toResult(declared, absolutePath, file, environment) {
    const builder = new source_builder/* SourceResultBuilder */.Km(absolutePath, 'pyproject');
    const requirements = [];
    const comparisons = new markers/* MarkerComparisons */.lR();
    // Requirements of one group share its labels array: pick its group once.
    const groupsPicked = new Map();
    const groupOf = (groups) => {
        let group = groupsPicked.get(groups);
        if (group === undefined) {
            group = (0,source_builder/* pickGroup */.dL)(groups) ?? 'main';
            groupsPicked.set(groups, group);
        }
        return group;
    };
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
            group: groupOf(entry.groups),
            origin: entry.origin,
            ...(entry.poetry && { poetry: entry.poetry })
        });
        if (requirement.marker && !markerApplies(entry, environment, file, comparisons))
            continue;
        const reason = entry.notFromIndex ??
            (requirement.url === undefined ? undefined : (0,source_builder/* directUrlReason */.X$)(requirement.url));
        const version = reason === undefined ? (0,pep508/* pinnedVersion */.V2)(requirement.specifier) : undefined;
        const marker = requirement.marker ? (0,marker_text/* normalizeMarkerText */.x0)(requirement.marker) : undefined;
        if (version !== undefined)
            builder.addDependency(requirement.name, version, line, entry.groups, marker);
        else
            builder.addSkipped(requirement.name, undefined, reason ?? UNPINNED_PYPROJECT_REASON, line);
    }
    return { source: builder.build(), requirements };
}
/** Whether the entry's marker holds for the target; always without one (the marker still checked). */
function markerApplies(entry, environment, file, comparisons) {
    const position = { file, ...(entry.line > 0 && { line: entry.line }) };
    try {
        const marker = entry.requirement.marker;
        const applies = (0,markers/* evaluateMarker */.UZ)(marker, environment ?? {}, entry.extra ?? '', comparisons);
        return environment === undefined || applies;
    }
    catch (error) {
        if (error instanceof markers/* MarkerLimitError */.uK)
            throw new errors/* ParseError */.mB(position, (0,limits/* markerComparisonsReason */.hx)());
        if (!(error instanceof pep508/* RequirementSyntaxError */.tL))
            throw error;
        throw new errors/* ParseError */.mB(position, `invalid marker in '${entry.raw}': ${error.message}`);
    }
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


/***/ })

};
