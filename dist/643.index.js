export const id = 643;
export const ids = [643];
export const modules = {

/***/ 88691:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ toPackageIssueEntry),
/* harmony export */   b: () => (/* binding */ PACKAGE_ISSUE_RULES)
/* harmony export */ });
/* harmony import */ var _shared_paths_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(40405);
/**
 * How package-health findings appear in the reports: the `package_issues[]` entry of the JSON
 * report (a repository-relative file, like every location there), and one SARIF rule per kind
 * so code scanning can tell them apart from advisories (whose rule ids are advisory ids).
 */

function toPackageIssueEntry(issue, repositoryRoot) {
    return {
        name: issue.name,
        version: issue.version,
        kind: issue.kind,
        reason: issue.reason,
        location: {
            file: (0,_shared_paths_js__WEBPACK_IMPORTED_MODULE_0__/* .repositoryPath */ .S)(issue.location.file, repositoryRoot),
            line: issue.location.line
        },
        failing: issue.failing,
        ...(issue.introduced !== undefined ? { introduced: issue.introduced } : {})
    };
}
/** One rule per kind; ids never collide with advisory ids (those have no '/'). */
const PACKAGE_ISSUE_RULES = {
    'not-found': {
        id: 'pyaudit/package-not-found',
        title: 'The package index does not know this name (typo or dependency confusion)'
    },
    quarantined: {
        id: 'pyaudit/package-quarantined',
        title: 'The package index has quarantined this project (PEP 792)'
    },
    archived: {
        id: 'pyaudit/package-archived',
        title: 'The project is archived on the package index (PEP 792)'
    },
    deprecated: {
        id: 'pyaudit/package-deprecated',
        title: 'The project is deprecated on the package index (PEP 792)'
    },
    yanked: {
        id: 'pyaudit/package-yanked',
        title: 'The pinned release was yanked from the package index (PEP 592)'
    },
    'hash-mismatch': {
        id: 'pyaudit/package-hash-mismatch',
        title: 'A pinned digest matches no file of the release on the package index'
    }
};


/***/ }),

/***/ 52296:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ fixAdvice)
/* harmony export */ });
/** A sentence in lower case, ending with a full stop, e.g. "fixed in 2.20.0." */
function fixAdvice({ pkg, finding }) {
    if (finding.malicious)
        return 'remove it, it is a malicious package.';
    const fixed = finding.fixVersions.length > 0
        ? `fixed in ${finding.fixVersions.join(', ')}`
        : 'no fixed version is known';
    const upgrade = typeof pkg.recommendedVersion === 'string'
        ? `; upgrade to ${pkg.recommendedVersion}, the lowest newer version no known advisory affects`
        : pkg.upgradeNote
            ? `; ${pkg.upgradeNote}`
            : '';
    return `${fixed}${upgrade}.`;
}


/***/ }),

/***/ 5869:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ writeJsonFile)
/* harmony export */ });
/* unused harmony export jsonPieces */
/* harmony import */ var node_events__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(78474);
/* harmony import */ var node_events__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_events__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/**
 * A large report written to disk piece by piece: byte for byte what
 * `JSON.stringify(value, replacer, 2) + '\n'` gives, without ever holding that text as one
 * string. V8 refuses strings over 2^29 - 24 characters (about 512 MiB), which a report of
 * 100,000 dependencies with long advisory texts can pass. A report of usual size is written
 * with that one call instead, which is faster.
 */




/** Pieces are gathered up to this size before each write, so small pieces cost few calls. */
const CHUNK = 1 << 20;
const INDENT = '  ';
/**
 * Up to this many pieces, the value is stringified in one call and written at once: several
 * times faster than piece by piece (3-4 ms against 8-20 ms for a report of 1,300 findings).
 * Should its text pass V8's longest string after all, it is written piece by piece.
 */
const WHOLE_UP_TO = 5_000;
async function writeJsonFile(file, value, options) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)(node_path__WEBPACK_IMPORTED_MODULE_3__.dirname(file), { recursive: true });
    const wholeUpTo = options.wholeUpTo ?? WHOLE_UP_TO;
    if (pieceCount(value, 0, options, wholeUpTo) <= wholeUpTo) {
        const text = wholeText(value, options);
        if (text !== undefined)
            return (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.writeFile)(file, text);
    }
    const stream = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createWriteStream)(file);
    const failed = new Promise((_, reject) => stream.once('error', reject));
    failed.catch(() => { });
    try {
        let buffer = '';
        for (const piece of jsonPieces(value, options)) {
            buffer += piece;
            if (buffer.length < CHUNK)
                continue;
            if (!stream.write(buffer))
                await Promise.race([(0,node_events__WEBPACK_IMPORTED_MODULE_0__.once)(stream, 'drain'), failed]);
            buffer = '';
        }
        stream.end(`${buffer}\n`);
        await Promise.race([(0,node_events__WEBPACK_IMPORTED_MODULE_0__.once)(stream, 'finish'), failed]);
    }
    finally {
        stream.destroy();
    }
}
/** The JSON text in order, in pieces; joined, it is `JSON.stringify(value, replacer, 2)`. */
function* jsonPieces(value, options) {
    yield* pieces(value, '', 0, options);
}
function* pieces(value, indent, depth, options) {
    if (depth < options.expandDepth && isPlainContainer(value)) {
        const inner = indent + INDENT;
        if (Array.isArray(value)) {
            if (value.length === 0)
                return yield '[]';
            for (let index = 0; index < value.length; index++) {
                yield index === 0 ? `[\n${inner}` : `,\n${inner}`;
                yield* pieces(value[index], inner, depth + 1, options);
            }
            return yield `\n${indent}]`;
        }
        const record = value;
        const keys = Object.keys(record).filter(key => !isOmitted(record[key]));
        if (keys.length === 0)
            return yield '{}';
        for (const [index, key] of keys.entries()) {
            yield `${index === 0 ? '{' : ','}\n${inner}${JSON.stringify(key)}: `;
            yield* pieces(record[key], inner, depth + 1, options);
        }
        return yield `\n${indent}}`;
    }
    // An element of an array that JSON has no text for (undefined, a function) is written as null.
    const text = JSON.stringify(value, options.replacer, 2) ?? 'null';
    yield indent === '' ? text : text.replace(/\n/g, `\n${indent}`);
}
/** The text in one string; undefined when it is longer than V8 allows one to be. */
function wholeText(value, options) {
    try {
        return `${JSON.stringify(value, options.replacer, 2) ?? 'null'}\n`;
    }
    catch (error) {
        if (error instanceof RangeError)
            return undefined;
        throw error;
    }
}
/** How many pieces jsonPieces would stringify whole, counted only until it passes `limit`. */
function pieceCount(value, depth, options, limit) {
    if (!(depth < options.expandDepth && isPlainContainer(value)))
        return 1;
    let count = 0;
    for (const member of Object.values(value)) {
        count += pieceCount(member, depth + 1, options, limit - count);
        if (count > limit)
            break;
    }
    return count;
}
/** Written member by member only when JSON.stringify would do no more than walk it. */
function isPlainContainer(value) {
    return (typeof value === 'object' &&
        value !== null &&
        typeof value.toJSON !== 'function');
}
/** Object members JSON leaves out. */
function isOmitted(value) {
    return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}


/***/ }),

/***/ 10643:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   writeSarifFile: () => (/* binding */ writeSarifFile)
/* harmony export */ });
/* unused harmony exports SARIF_TEXT_LIMITS, buildSarif */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(73136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _advice_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(52296);
/* harmony import */ var _shared_escape_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76242);
/* harmony import */ var _shared_paths_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(40405);
/* harmony import */ var _json_file_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5869);
/* harmony import */ var _change_scope_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(54085);
/* harmony import */ var _health_types_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(27987);
/* harmony import */ var _health_report_entry_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(88691);
/**
 * The run's findings as SARIF 2.1.0 for GitHub code scanning: one rule per advisory, one result
 * per finding and place that declares the package. buildSarif gives the JSON text; writeSarifFile
 * writes the same bytes to a file piece by piece, at any size.
 */










const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';
/**
 * The longest each text field may be, in characters; a longer text is cut and says so. GitHub
 * cuts rule descriptions at 1024 characters itself; the others keep one hostile advisory
 * from swelling the file (a 5 MB advisory once made an 11 MB SARIF file).
 */
const SARIF_TEXT_LIMITS = {
    /** shortDescription and fullDescription of a rule. */
    description: 1024,
    /** A result's message and a notification's (a package that was not audited). */
    message: 2048,
    /** A rule's help, the text and the Markdown each. */
    help: 16_384
};
/** Parts of the help: the advisory's details, and how many affected packages are listed. */
const DETAILS_LIMIT = 8192;
const AFFECTED_LIMIT = 10;
const LINE_LIMIT = 300;
/** A reference longer than this is not a link anyone follows: left out. */
const URL_LIMIT = 500;
/** GitHub keeps only 10 tags per rule. */
const TAG_LIMIT = 10;
/*
 * Where a rule has no CVSS score (a database rating only, or a malicious package), GitHub still
 * needs a number to rate it: the middle of the level's band on GitHub's scale.
 */
const LEVEL_SCORE = { critical: '9.5', high: '8.0', medium: '5.5', low: '2.0' };
/**
 * Ignored findings are left out. GitHub does not honour SARIF `suppressions` (it keeps such
 * results as open alerts: github/codeql-action#1230), so reporting them would reopen exactly
 * what the user accepted; the summary, the JSON report and the SBOM's VEX analysis still
 * show them.
 */
function buildSarif(outcome, options) {
    return `${JSON.stringify(sarifLog(outcome, options), redactStrings, 2)}\n`;
}
/** The same bytes as buildSarif, written to `file` piece by piece. */
async function writeSarifFile(outcome, options, file) {
    // Down to each result's and each rule's members: no piece holds more than one of them.
    await (0,_json_file_js__WEBPACK_IMPORTED_MODULE_5__/* .writeJsonFile */ .A)(file, sarifLog(outcome, options), {
        replacer: redactStrings,
        expandDepth: 6
    });
}
/** Every string: a skipped requirement's URL may carry credentials, a message a server's echo. */
function redactStrings(_key, value) {
    return typeof value === 'string' ? (0,_shared_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .redactSecrets */ .fp)(value) : value;
}
function sarifLog(outcome, options) {
    const root = options.repositoryRoot;
    const byRule = new Map();
    for (const pkg of outcome.packages) {
        for (const finding of pkg.vulnerabilities) {
            if (finding.ignored)
                continue;
            const findings = byRule.get(finding.id);
            if (findings)
                findings.push({ pkg, finding });
            else
                byRule.set(finding.id, [{ pkg, finding }]);
        }
    }
    const ruleIndex = new Map([...byRule.keys()].map((id, index) => [id, index]));
    const fingerprints = new Map();
    const results = [...byRule.values()].flatMap(findings => findings.flatMap(({ pkg, finding }) => pkg.declarations.map(declaration => {
        const uri = (0,_shared_paths_js__WEBPACK_IMPORTED_MODULE_4__/* .repositoryPath */ .S)(declaration.location.file, root);
        const identity = hash([finding.id, pkg.name, uri]);
        const occurrence = (fingerprints.get(identity) ?? 0) + 1;
        fingerprints.set(identity, occurrence);
        return {
            ruleId: finding.id,
            ruleIndex: ruleIndex.get(finding.id),
            level: levelOf(finding),
            message: { text: messageText(messageOf(pkg, finding, declaration.marker)) },
            locations: [locationOf(declaration.location, root)],
            // GitHub matches alerts across runs on this key only. Built from the advisory, the
            // package and the file, not the line, so an alert survives edits that move lines.
            partialFingerprints: { primaryLocationLineHash: `${identity}:${occurrence}` },
            ...baselineStateOf(outcome, finding)
        };
    })));
    const issues = packageIssueResults(outcome, byRule.size, root, fingerprints);
    const semver = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;
    const log = {
        $schema: SCHEMA,
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: outcome.tool.name,
                        version: outcome.tool.version,
                        ...(semver.test(outcome.tool.version) ? { semanticVersion: outcome.tool.version } : {}),
                        rules: [...[...byRule.values()].map(ruleOf), ...issues.rules]
                    }
                },
                ...(options.automationId ? { automationDetails: { id: options.automationId } } : {}),
                originalUriBaseIds: {
                    [SRCROOT]: { uri: directoryUri(root), description: { text: 'The repository root.' } }
                },
                invocations: [
                    {
                        executionSuccessful: true,
                        // Requirements that could not be audited, so no viewer mistakes silence for safety.
                        toolExecutionNotifications: outcome.skipped.map(skip => ({
                            level: 'warning',
                            message: { text: messageText(`${skip.name} was not audited: ${skip.reason}`) },
                            locations: [locationOf(skip.location, root)]
                        }))
                    }
                ],
                results: [...results, ...issues.results]
            }
        ]
    };
    return log;
}
/**
 * Scope `changes`: SARIF's own comparison with a baseline, which code scanning understands.
 * The base is the baseline: a finding the change introduces is `new`, the rest `unchanged`.
 */
function baselineStateOf(outcome, finding) {
    const introduced = (0,_change_scope_js__WEBPACK_IMPORTED_MODULE_7__/* .introducedIn */ .Bi)(outcome, finding);
    if (introduced === undefined)
        return {};
    return { baselineState: introduced ? 'new' : 'unchanged' };
}
/**
 * Package-health findings: one rule per kind found (its own id, never an advisory's), one
 * result per issue at the line that declares the pin; an error when it fails the run. In scope
 * `changes`, issues already on the base are `unchanged` against the baseline, as findings are.
 */
function packageIssueResults(outcome, firstRuleIndex, root, fingerprints) {
    const issues = outcome.packageIssues ?? [];
    const kinds = _health_types_js__WEBPACK_IMPORTED_MODULE_8__/* .PACKAGE_ISSUE_KINDS */ .P.filter(kind => issues.some(issue => issue.kind === kind));
    const rules = kinds.map(kind => {
        const rule = _health_report_entry_js__WEBPACK_IMPORTED_MODULE_6__/* .PACKAGE_ISSUE_RULES */ .b[kind];
        const failing = issues.some(issue => issue.kind === kind && issue.failing);
        return {
            id: rule.id,
            shortDescription: { text: rule.title },
            fullDescription: { text: rule.title },
            help: { text: rule.title, markdown: (0,_shared_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)(rule.title) },
            defaultConfiguration: { level: failing ? 'error' : 'warning' },
            properties: { tags: ['security', 'dependency', 'package-health'] }
        };
    });
    const results = issues.map(issue => {
        const rule = _health_report_entry_js__WEBPACK_IMPORTED_MODULE_6__/* .PACKAGE_ISSUE_RULES */ .b[issue.kind];
        const identity = hash([rule.id, issue.name, (0,_shared_paths_js__WEBPACK_IMPORTED_MODULE_4__/* .repositoryPath */ .S)(issue.location.file, root)]);
        const occurrence = (fingerprints.get(identity) ?? 0) + 1;
        fingerprints.set(identity, occurrence);
        return {
            ruleId: rule.id,
            ruleIndex: firstRuleIndex + kinds.indexOf(issue.kind),
            level: issue.failing ? 'error' : 'warning',
            message: { text: messageText(issue.reason) },
            locations: [locationOf(issue.location, root)],
            partialFingerprints: { primaryLocationLineHash: `${identity}:${occurrence}` },
            ...baselineStateOf(outcome, issue)
        };
    });
    return { rules, results };
}
function ruleOf(findings) {
    const { finding } = findings[0];
    const record = finding.record;
    const summary = (0,_shared_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .cleanText */ .X5)(record.summary?.trim() || (finding.description === 'N/A' ? '' : finding.description), { multiline: true });
    const title = (0,_shared_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .truncate */ .xv)(summary ||
        (finding.malicious
            ? `Malicious package ${findings[0].pkg.name}`
            : `Known vulnerability ${finding.id} in ${findings[0].pkg.name}`), SARIF_TEXT_LIMITS.description);
    const details = (0,_shared_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .cleanText */ .X5)(record.details ?? '', { multiline: true }).trim() || title;
    const score = securitySeverity(finding);
    return {
        id: finding.id,
        shortDescription: { text: title },
        fullDescription: { text: (0,_shared_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .truncate */ .xv)(details, SARIF_TEXT_LIMITS.description) },
        helpUri: (0,_shared_paths_js__WEBPACK_IMPORTED_MODULE_4__/* .advisoryUrl */ .L)(finding.id),
        help: helpOf(findings, title, details),
        defaultConfiguration: { level: levelOf(finding) },
        properties: {
            tags: tagsOf(finding),
            ...(score === undefined ? {} : { 'security-severity': score })
        }
    };
}
/** Title and details are clean text already; every part is cut to its share of the limit. */
function helpOf(findings, title, details) {
    const { finding } = findings[0];
    const aliases = (0,_shared_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .truncate */ .xv)((0,_shared_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .cleanText */ .X5)([...new Set(findings.flatMap(item => item.finding.aliases))].join(', ')), SARIF_TEXT_LIMITS.description);
    const affected = findings
        .slice(0, AFFECTED_LIMIT)
        .map(item => (0,_shared_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .truncate */ .xv)((0,_shared_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .cleanText */ .X5)(`${item.pkg.name} ${item.pkg.version}: ${(0,_advice_js__WEBPACK_IMPORTED_MODULE_9__/* .fixAdvice */ .g)(item)}`), LINE_LIMIT));
    if (findings.length > AFFECTED_LIMIT) {
        affected.push(`…and ${findings.length - AFFECTED_LIMIT} more packages`);
    }
    const shownDetails = details === title ? [] : ['', (0,_shared_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .truncate */ .xv)(details, DETAILS_LIMIT)];
    const links = [(0,_shared_paths_js__WEBPACK_IMPORTED_MODULE_4__/* .advisoryUrl */ .L)(finding.id), ...referenceUrls(finding)];
    const text = [
        title,
        ...shownDetails,
        '',
        ...affected.map(line => `- ${line}`),
        ...(aliases ? ['', `Aliases: ${aliases}`] : []),
        '',
        `Advisory: ${links[0]}`
    ].join('\n');
    // Escaping lengthens text (& becomes &amp;): the details get what is left of the limit.
    const markdownDetails = shownDetails.map(paragraph => (0,_shared_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)(paragraph));
    const markdown = [
        `**${(0,_shared_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)(title)}**`,
        ...markdownDetails.map(line => cutEscaped(line, DETAILS_LIMIT)),
        '',
        ...affected.map(line => `- ${(0,_shared_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)(line)}`),
        ...(aliases ? ['', `Aliases: ${(0,_shared_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeMarkdown */ .FV)(aliases)}`] : []),
        '',
        ...links.map(url => `- <${url}>`)
    ].join('\n');
    return {
        text: capLines(text, SARIF_TEXT_LIMITS.help),
        markdown: capLines(markdown, SARIF_TEXT_LIMITS.help)
    };
}
/** A message: cleaned and cut to the limit. */
function messageText(text) {
    return (0,_shared_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .truncate */ .xv)((0,_shared_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .cleanText */ .X5)(text, { multiline: true }), SARIF_TEXT_LIMITS.message);
}
/** Escaped Markdown cut without leaving half an escape (`\\`, `&amp;`) at the end. */
function cutEscaped(markdown, max) {
    if (markdown.length <= max)
        return markdown;
    return `${markdown.slice(0, max - 1).replace(/\\$|&[a-z]*$|[\ud800-\udbff]$/, '')}…`;
}
/** At most `max` characters, cut at a line end, with a last line that says so. */
function capLines(text, max) {
    if (text.length <= max)
        return text;
    const note = `\n\n… cut to ${max} characters; the advisory has the whole text.`;
    const room = max - note.length;
    const end = text.lastIndexOf('\n', room);
    return `${text.slice(0, end > 0 ? end : room)}${note}`;
}
/** The record's advisory and fix links, plain http(s) only. */
function referenceUrls(finding) {
    const references = Array.isArray(finding.record.references) ? finding.record.references : [];
    const urls = references
        .filter(reference => reference?.type === 'ADVISORY' || reference?.type === 'FIX')
        .flatMap(reference => (typeof reference.url === 'string' ? ((0,_shared_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .safeUrl */ .Pl)(reference.url) ?? []) : []))
        .filter(url => url.length <= URL_LIMIT);
    return [...new Set(urls)].slice(0, 5);
}
/** `marker`: the declaration's environment marker, when the pin is conditional. */
function messageOf(pkg, finding, marker) {
    const aliases = finding.aliases.length > 0 ? ` (${finding.aliases.join(', ')})` : '';
    const subject = `${pkg.name} ${pkg.version}`;
    const where = marker === undefined ? '' : ` Installed only where ${marker}.`;
    if (finding.malicious) {
        return `${subject} is a malicious package, reported in ${finding.id}${aliases}. Remove it.${where}`;
    }
    return `${subject} is affected by ${finding.id}${aliases}. ${capitalize((0,_advice_js__WEBPACK_IMPORTED_MODULE_9__/* .fixAdvice */ .g)({ pkg, finding }))}${where}`;
}
/** Unknown severity is a warning, not a note: nothing says it is minor. */
function levelOf(finding) {
    if (finding.malicious)
        return 'error';
    switch (finding.severity.level) {
        case 'critical':
        case 'high':
            return 'error';
        case 'low':
            return 'note';
        default:
            return 'warning';
    }
}
/** GitHub rates 0.1-10.0; a CVSS score of 0.0 means "none" there, so it is left out. */
function securitySeverity(finding) {
    const { score, level } = finding.severity;
    if (score !== undefined)
        return score > 0 ? score.toFixed(1) : undefined;
    if (finding.malicious)
        return LEVEL_SCORE.critical;
    return level === 'unknown' ? undefined : LEVEL_SCORE[level];
}
/** CWE tags in CodeQL's form, which GitHub shows as CWE links. */
function tagsOf(finding) {
    const ids = finding.record.database_specific?.cwe_ids;
    const cwes = (Array.isArray(ids) ? ids : []).flatMap(id => {
        const match = typeof id === 'string' ? /^CWE-(\d+)$/i.exec(id.trim()) : null;
        return match ? [`external/cwe/cwe-${Number(match[1])}`] : [];
    });
    const base = [
        'security',
        'vulnerability',
        'dependency',
        ...(finding.malicious ? ['malicious'] : [])
    ];
    return [...new Set([...base, ...cwes])].slice(0, TAG_LIMIT);
}
/**
 * A file in the repository relative to `%SRCROOT%`, one outside it as a file: URI. Line 0 (a
 * format without lines) becomes line 1: GitHub requires a start line and places the alert at
 * the top of the file.
 */
function locationOf(location, root) {
    const relative = (0,_shared_paths_js__WEBPACK_IMPORTED_MODULE_4__/* .repositoryPath */ .S)(location.file, root);
    const artifactLocation = !node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute(relative)
        ? { uri: relative.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT }
        : { uri: (0,node_url__WEBPACK_IMPORTED_MODULE_2__.pathToFileURL)(location.file).href };
    return {
        physicalLocation: { artifactLocation, region: { startLine: Math.max(location.line, 1) } }
    };
}
function directoryUri(root) {
    const href = (0,node_url__WEBPACK_IMPORTED_MODULE_2__.pathToFileURL)(root).href;
    return href.endsWith('/') ? href : `${href}/`;
}
function hash(parts) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(parts.join('\0')).digest('hex').slice(0, 32);
}
function capitalize(text) {
    return text.length === 0 ? text : `${text[0].toUpperCase()}${text.slice(1)}`;
}


/***/ })

};
