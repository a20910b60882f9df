export const id = 643;
export const ids = [643];
export const modules = {

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
        : '';
    return `${fixed}${upgrade}.`;
}


/***/ }),

/***/ 10643:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   buildSarif: () => (/* binding */ buildSarif)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(73136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _advice_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(52296);
/* harmony import */ var _shared_escape_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(76242);
/* harmony import */ var _shared_paths_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(40405);
/**
 * The run's findings as SARIF 2.1.0 for GitHub code scanning: one rule per advisory, one result
 * per finding and place that declares the package. Pure: the outcome in, JSON text out.
 */






const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';
/** GitHub cuts rule descriptions at 1024 characters and keeps only 10 tags per rule. */
const DESCRIPTION_LIMIT = 1024;
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
    const root = options.repositoryRoot;
    const byRule = new Map();
    for (const pkg of outcome.packages) {
        for (const finding of pkg.vulnerabilities) {
            if (finding.ignored)
                continue;
            byRule.set(finding.id, [...(byRule.get(finding.id) ?? []), { pkg, finding }]);
        }
    }
    const ruleIds = [...byRule.keys()];
    const fingerprints = new Map();
    const results = [...byRule.values()].flatMap(findings => findings.flatMap(({ pkg, finding }) => pkg.declarations.map(declaration => {
        const uri = (0,_shared_paths_js__WEBPACK_IMPORTED_MODULE_3__/* .repositoryPath */ .S)(declaration.location.file, root);
        const identity = hash([finding.id, pkg.name, uri]);
        const occurrence = (fingerprints.get(identity) ?? 0) + 1;
        fingerprints.set(identity, occurrence);
        return {
            ruleId: finding.id,
            ruleIndex: ruleIds.indexOf(finding.id),
            level: levelOf(finding),
            message: { text: messageOf(pkg, finding) },
            locations: [locationOf(declaration.location, root)],
            // GitHub matches alerts across runs on this key only. Built from the advisory, the
            // package and the file, not the line, so an alert survives edits that move lines.
            partialFingerprints: { primaryLocationLineHash: `${identity}:${occurrence}` }
        };
    })));
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
                        rules: [...byRule.values()].map(ruleOf)
                    }
                },
                originalUriBaseIds: {
                    [SRCROOT]: { uri: directoryUri(root), description: { text: 'The repository root.' } }
                },
                invocations: [
                    {
                        executionSuccessful: true,
                        // Requirements that could not be audited, so no viewer mistakes silence for safety.
                        toolExecutionNotifications: outcome.skipped.map(skip => ({
                            level: 'warning',
                            message: { text: `${skip.name} was not audited: ${skip.reason}` },
                            locations: [locationOf(skip.location, root)]
                        }))
                    }
                ],
                results
            }
        ]
    };
    return `${JSON.stringify(log, null, 2)}\n`;
}
function ruleOf(findings) {
    const { finding } = findings[0];
    const record = finding.record;
    const summary = record.summary?.trim() || (finding.description === 'N/A' ? '' : finding.description);
    const title = summary ||
        (finding.malicious
            ? `Malicious package ${findings[0].pkg.name}`
            : `Known vulnerability ${finding.id} in ${findings[0].pkg.name}`);
    const details = record.details?.trim() || title;
    const score = securitySeverity(finding);
    return {
        id: finding.id,
        shortDescription: { text: (0,_shared_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .truncate */ .xv)(title, DESCRIPTION_LIMIT) },
        fullDescription: { text: (0,_shared_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .truncate */ .xv)(details, DESCRIPTION_LIMIT) },
        helpUri: (0,_shared_paths_js__WEBPACK_IMPORTED_MODULE_3__/* .advisoryUrl */ .L)(finding.id),
        help: helpOf(findings, title, details),
        defaultConfiguration: { level: levelOf(finding) },
        properties: {
            tags: tagsOf(finding),
            ...(score === undefined ? {} : { 'security-severity': score })
        }
    };
}
function helpOf(findings, title, details) {
    const { finding } = findings[0];
    const aliases = [...new Set(findings.flatMap(item => item.finding.aliases))];
    const affected = findings.map(item => `${item.pkg.name} ${item.pkg.version}: ${(0,_advice_js__WEBPACK_IMPORTED_MODULE_5__/* .fixAdvice */ .g)(item)}`);
    const links = [(0,_shared_paths_js__WEBPACK_IMPORTED_MODULE_3__/* .advisoryUrl */ .L)(finding.id), ...referenceUrls(finding)];
    const text = [
        title,
        ...(details === title ? [] : ['', details]),
        '',
        ...affected.map(line => `- ${line}`),
        ...(aliases.length > 0 ? ['', `Aliases: ${aliases.join(', ')}`] : []),
        '',
        `Advisory: ${links[0]}`
    ].join('\n');
    const markdown = [
        `**${(0,_shared_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeMarkdown */ .FV)(title)}**`,
        ...(details === title ? [] : ['', (0,_shared_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeMarkdown */ .FV)((0,_shared_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .truncate */ .xv)(details, 4000))]),
        '',
        ...affected.map(line => `- ${(0,_shared_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeMarkdown */ .FV)(line)}`),
        ...(aliases.length > 0 ? ['', `Aliases: ${aliases.map(_shared_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeMarkdown */ .FV).join(', ')}`] : []),
        '',
        ...links.map(url => `- <${url}>`)
    ].join('\n');
    return { text, markdown };
}
/** The record's advisory and fix links, plain http(s) only. */
function referenceUrls(finding) {
    const references = Array.isArray(finding.record.references) ? finding.record.references : [];
    const urls = references
        .filter(reference => reference?.type === 'ADVISORY' || reference?.type === 'FIX')
        .flatMap(reference => (typeof reference.url === 'string' ? ((0,_shared_escape_js__WEBPACK_IMPORTED_MODULE_4__/* .safeUrl */ .Pl)(reference.url) ?? []) : []));
    return [...new Set(urls)].slice(0, 5);
}
function messageOf(pkg, finding) {
    const aliases = finding.aliases.length > 0 ? ` (${finding.aliases.join(', ')})` : '';
    const subject = `${pkg.name} ${pkg.version}`;
    if (finding.malicious) {
        return `${subject} is a malicious package, reported in ${finding.id}${aliases}. Remove it.`;
    }
    return `${subject} is affected by ${finding.id}${aliases}. ${capitalize((0,_advice_js__WEBPACK_IMPORTED_MODULE_5__/* .fixAdvice */ .g)({ pkg, finding }))}`;
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
    const relative = (0,_shared_paths_js__WEBPACK_IMPORTED_MODULE_3__/* .repositoryPath */ .S)(location.file, root);
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
