export const id = 796;
export const ids = [796];
export const modules = {

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


/***/ })

};
