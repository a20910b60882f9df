export const id = 610;
export const ids = [610];
export const modules = {

/***/ 3433:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ normalVersion)
/* harmony export */ });
/* harmony import */ var _renovatebot_pep440__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(68898);
/* harmony import */ var _renovatebot_pep440__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(_renovatebot_pep440__WEBPACK_IMPORTED_MODULE_0__);

/**
 * A version in PEP 440 normal form, as Python's `str(Version(...))` prints it (what pip-audit
 * reports and PyPI's URLs use), or the text as written when it is not PEP 440.
 */
function normalVersion(version) {
    const parsed = (0,_renovatebot_pep440__WEBPACK_IMPORTED_MODULE_0__.explain)(version);
    if (!parsed)
        return version;
    return parsed.local ? `${parsed.public}+${parsed.local}` : parsed.public;
}


/***/ }),

/***/ 32232:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Uz: () => (/* binding */ evaluatePolicy),
/* harmony export */   WA: () => (/* binding */ hasLicensePolicy),
/* harmony export */   pi: () => (/* binding */ isIgnored)
/* harmony export */ });
/* harmony import */ var _renovatebot_pep440__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(68898);
/* harmony import */ var _renovatebot_pep440__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(_renovatebot_pep440__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _shared_text_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(24646);
/* harmony import */ var _deps_names_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(96498);
/* harmony import */ var _spdx_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(88929);
/**
 * License policies, with pip-licenses' semantics (piplicenses.py, `get_packages`):
 *
 * - `license-fail-on` / `license-allow-only` are ';'-separated lists; each item is stripped and
 *   empty items are dropped (`filter(None, map(str.strip, value.split(";")))`). Matching is
 *   case-insensitive and exact (`case_insensitive_set_intersect` / `_set_diff`), or, with
 *   `license-partial-match`, an item matches a license that contains it
 *   (`case_insensitive_partial_match_set_intersect` / `_set_diff`).
 * - A package's licenses are pip-licenses' license set (the classifier licenses, or the one
 *   License / License-Expression value). fail-on trips when ANY of them matches; allow-only
 *   trips when NONE of them is allowed (`len(uncommon_licenses) == len(license_names)`).
 * - `license-ignore-packages` names packages (`name` or `name:version`) that are not checked.
 *   src/config/ reads these inputs into a LicensePolicy.
 *
 * SPDX-aware on top, through spdx-satisfies: when a package's SPDX expression is known, an OR
 * needs one acceptable side and an AND needs all (`MIT OR GPL-3.0-only` is allowed by an allow
 * list holding MIT; `MIT AND GPL-3.0-only` is not). With partial matching an item matches the
 * terms containing it (GPL matches GPL-2.0-or-later). A package is allowed if either reading
 * allows it and fails if either reading fails it; but when the license string IS the PEP 639
 * expression it is matched by name only whole, never partially (a substring test on
 * "MIT AND GPL-3.0-only" would read past the AND). Unlike pip-licenses, every violating package is reported, not
 * only the first.
 */




function hasLicensePolicy(policy) {
    return policy.failOn.length > 0 || policy.allowOnly.length > 0 || policy.failOnUnknown;
}
/** pip-licenses compares the normalised name, or `name:version` with the installed version. */
function isIgnored(policy, name, version) {
    const key = (0,_deps_names_js__WEBPACK_IMPORTED_MODULE_2__/* .normalizeName */ .P)(name);
    return policy.ignorePackages.some(selector => selector.name === key &&
        (selector.version === undefined || sameVersion(selector.version, version)));
}
function sameVersion(wanted, actual) {
    if (wanted.toLowerCase() === actual.toLowerCase())
        return true;
    return (0,_renovatebot_pep440__WEBPACK_IMPORTED_MODULE_0__.valid)(wanted) !== null && (0,_renovatebot_pep440__WEBPACK_IMPORTED_MODULE_0__.valid)(actual) !== null && (0,_renovatebot_pep440__WEBPACK_IMPORTED_MODULE_0__.eq)(wanted, actual);
}
/** The rules the package breaks, each naming what matched; empty when it complies. */
function evaluatePolicy(subject, policy) {
    const rules = [];
    const tree = subject.spdx ? (0,_spdx_js__WEBPACK_IMPORTED_MODULE_1__/* .parseSpdx */ .NB)(subject.spdx) : null;
    const spdx = tree ? { expression: subject.spdx, terms: (0,_spdx_js__WEBPACK_IMPORTED_MODULE_1__/* .spdxTerms */ .zt)(tree) } : undefined;
    // When the License column is the expression itself, a substring test would read past its
    // OR and AND: names then match whole (a list may spell out "MIT OR Apache-2.0"), never partially.
    const isExpression = spdx !== undefined && subject.field === 'expression';
    const partial = policy.partialMatch && !isExpression;
    if (policy.failOnUnknown && subject.unknown) {
        rules.push('license-fail-on-unknown: the package metadata names no license');
    }
    if (policy.failOn.length > 0) {
        const hits = subject.names.filter(name => matchesAny(name, policy.failOn, partial));
        const spdxRule = spdx && hits.length === 0 ? spdxFailOn(spdx, policy) : undefined;
        if (hits.length > 0)
            rules.push(`license-fail-on: ${hits.map(quote).join(', ')}`);
        else if (spdxRule)
            rules.push(spdxRule);
    }
    if (policy.allowOnly.length > 0) {
        const allowedByName = subject.names.some(name => matchesAny(name, policy.allowOnly, partial));
        if (!allowedByName && !(spdx && spdxAllowed(spdx, policy))) {
            rules.push(`license-allow-only: ${quote(subject.names.join('; '))} is not allowed`);
        }
    }
    return rules;
}
function spdxFailOn(spdx, policy) {
    const failed = spdx.terms.filter(term => policy.failOn.some(item => termMatchesFailOn(term, item, policy.partialMatch)));
    if (failed.length === 0)
        return undefined;
    const others = spdx.terms.filter(term => !failed.includes(term));
    const compliant = (0,_spdx_js__WEBPACK_IMPORTED_MODULE_1__/* .satisfiedBy */ .sq)(spdx.expression, others);
    if (compliant === true)
        return undefined;
    const where = spdx.terms.length > 1 ? ` in ${quote(spdx.expression)}` : '';
    const why = compliant === undefined ? ' (the expression cannot be evaluated)' : '';
    return `license-fail-on: ${failed.map(quote).join(', ')}${where}${why}`;
}
function spdxAllowed(spdx, policy) {
    const allowed = spdx.terms.filter(term => policy.allowOnly.some(item => termAllowedBy(term, item, policy.partialMatch)));
    return (0,_spdx_js__WEBPACK_IMPORTED_MODULE_1__/* .satisfiedBy */ .sq)(spdx.expression, allowed) === true;
}
/** A banned item hits a term naming it, with or without its exception or '+'. */
function termMatchesFailOn(term, item, partial) {
    const bare = term.replace(/ WITH .*$/, '').replace(/\+$/, '');
    return matchesAny(term, [item], partial) || matchesAny(bare, [item], partial);
}
/** An allowed item covers a term it names, or (spdx-satisfies) a later version it ranges over. */
function termAllowedBy(term, item, partial) {
    if (matchesAny(term, [item], partial))
        return true;
    return !partial && isSpdxTerm(item) && (0,_spdx_js__WEBPACK_IMPORTED_MODULE_1__/* .satisfiedBy */ .sq)(term, [item]) === true;
}
const spdxTermCache = new Map();
/** Allow items such as "MIT License" are not SPDX: spdx-satisfies would only throw on them. */
function isSpdxTerm(item) {
    let known = spdxTermCache.get(item);
    if (known === undefined) {
        const tree = (0,_spdx_js__WEBPACK_IMPORTED_MODULE_1__/* .parseSpdx */ .NB)(item);
        known = tree !== null && !('conjunction' in tree);
        if (spdxTermCache.size < 1000)
            spdxTermCache.set(item, known);
    }
    return known;
}
function matchesAny(license, items, partial) {
    const lower = license.toLowerCase();
    return items.some(item => partial ? lower.includes(item.toLowerCase()) : lower === item.toLowerCase());
}
function quote(text) {
    return `'${(0,_shared_text_js__WEBPACK_IMPORTED_MODULE_3__/* .excerpt */ .Kb)(text, 80)}'`;
}


/***/ }),

/***/ 88929:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NB: () => (/* binding */ parseSpdx),
/* harmony export */   sq: () => (/* binding */ satisfiedBy),
/* harmony export */   zt: () => (/* binding */ spdxTerms)
/* harmony export */ });
/* harmony import */ var spdx_expression_parse__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(93326);
/* harmony import */ var spdx_expression_parse__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(spdx_expression_parse__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var spdx_satisfies__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(45131);
/* harmony import */ var spdx_satisfies__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(spdx_satisfies__WEBPACK_IMPORTED_MODULE_1__);
/**
 * SPDX license expressions: parsing (spdx-expression-parse) and whether one is satisfied by a
 * list of approved licenses (spdx-satisfies). What a package's metadata says its expression is
 * lives in spdx-derive.ts, which loads only when licenses are checked.
 */


/** The parse tree of a valid SPDX expression; null when it is not one. */
function parseSpdx(expression) {
    try {
        return spdx_expression_parse__WEBPACK_IMPORTED_MODULE_0___default()(expression);
    }
    catch {
        return null;
    }
}
/** Every license term of an expression, as spdx-satisfies takes them: "MIT", "GPL-2.0+", "X WITH Y". */
function spdxTerms(tree) {
    if ('conjunction' in tree)
        return [...spdxTerms(tree.left), ...spdxTerms(tree.right)];
    const plus = tree.plus ? '+' : '';
    const exception = tree.exception ? ` WITH ${tree.exception}` : '';
    return [`${tree.license}${plus}${exception}`];
}
/**
 * Whether the expression can be complied with using only the `approved` terms (spdx-satisfies:
 * OR needs one side, AND both). undefined when spdx-satisfies cannot evaluate it.
 */
function satisfiedBy(expression, approved) {
    if (approved.length === 0)
        return false;
    try {
        return spdx_satisfies__WEBPACK_IMPORTED_MODULE_1___default()(expression, approved);
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 32610:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  assessFindings: () => (/* reexport */ assessFindings),
  auditLicenses: () => (/* reexport */ auditLicenses),
  describeChangeScope: () => (/* reexport */ describeChangeScope),
  judgeChangeScope: () => (/* reexport */ judgeChangeScope),
  reportsListLicenses: () => (/* reexport */ write_reports/* reportsListLicenses */.CE),
  startUpgradeVerification: () => (/* reexport */ startUpgradeVerification),
  writeReports: () => (/* reexport */ write_reports/* writeReports */.Li)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/shared/text.ts
var shared_text = __webpack_require__(24646);
// EXTERNAL MODULE: ./src/advisories/severity.ts + 4 modules
var advisories_severity = __webpack_require__(16169);
;// CONCATENATED MODULE: ./src/pipeline/gate.ts


const SEVERITY_THRESHOLDS = (/* unused pure expression or super */ null && ([
    'low',
    'medium',
    'high',
    'critical'
]));
/** Each finding with the severity of its advisory. */
function rateFindings(findings) {
    return findings.map(finding => ({
        ...finding,
        severity: (0,advisories_severity/* severityOf */.xJ)(finding.vulnerability.record)
    }));
}
function gate(findings, options) {
    const malicious = findings.filter(finding => (0,advisories_severity/* isMalicious */.RA)(finding.vulnerability));
    const rated = findings.filter(finding => !(0,advisories_severity/* isMalicious */.RA)(finding.vulnerability));
    const fails = (severity) => severity.level === 'unknown'
        ? options.failOnUnknown
        : (0,advisories_severity/* severityRank */.qs)(severity.level) >= (0,advisories_severity/* severityRank */.qs)(options.threshold);
    const byWorst = (a, b) => (0,advisories_severity/* compareSeverity */.zK)(a.severity, b.severity);
    const failingRated = rated.filter(finding => fails(finding.severity)).sort(byWorst);
    const passing = rated.filter(finding => !fails(finding.severity)).sort(byWorst);
    const failing = [...[...malicious].sort(byWorst), ...failingRated];
    return {
        failed: failing.length > 0,
        failing,
        malicious,
        passing,
        reason: reasonLine(malicious.length, failingRated, passing, options)
    };
}
function reasonLine(malicious, failing, passing, options) {
    const unknown = options.failOnUnknown ? '' : ', unknown severity allowed';
    const setting = `fail-on-severity: ${options.threshold}${unknown}`;
    if (malicious === 0 && failing.length === 0) {
        if (passing.length === 0)
            return 'Passed: no active findings.';
        const counts = joinWords(countByLevel(passing));
        return `Passed: ${(0,shared_text/* plural */.LS)(passing.length, 'active finding')}, none failing (${setting}): ${counts}.`;
    }
    const parts = malicious > 0 ? [(0,shared_text/* plural */.LS)(malicious, 'malicious package')] : [];
    return `Failed: ${joinWords([...parts, ...countByLevel(failing)])} (${setting}).`;
}
/** ["2 critical", "1 high", "1 of unknown severity"], worst first. */
function countByLevel(findings) {
    const counts = new Map();
    for (const { severity } of findings) {
        counts.set(severity.level, (counts.get(severity.level) ?? 0) + 1);
    }
    const levels = ['critical', 'high', 'medium', 'low', 'unknown'];
    return levels
        .filter(level => counts.has(level))
        .map(level => `${counts.get(level)} ${level === 'unknown' ? 'of unknown severity' : level}`);
}
function joinWords(parts) {
    return parts.length <= 1
        ? (parts[0] ?? '')
        : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

// EXTERNAL MODULE: ./src/pipeline/ignores.ts
var pipeline_ignores = __webpack_require__(47261);
// EXTERNAL MODULE: ./node_modules/@renovatebot/pep440/index.js
var pep440 = __webpack_require__(68898);
// EXTERNAL MODULE: ./src/deps/names.ts
var names = __webpack_require__(96498);
// EXTERNAL MODULE: ./src/deps/versions.ts
var versions = __webpack_require__(3433);
;// CONCATENATED MODULE: ./src/pipeline/changes.ts
/**
 * A pull request judged on what it changes (issue 16). Each head dependency is added, changed
 * (same name, another version) or unchanged against the base; each finding is introduced by the
 * change or already there; base pins the change removes or upgrades out of advisories are fixed
 * by it. Pure: both sides are collected and looked up elsewhere (src/integrations/git/).
 *
 * The unit of comparison is the file that declares a pin (a `-r` include, a lockfile), not the
 * root file that was read, so a changed include compares with its own base version. A file with
 * no counterpart at the base is matched to a vanished base file by the packages they declare
 * (a rename or a move), and a pin that leaves one file for another is not added.
 */




function compareSources(head, base) {
    const headFiles = groupByFile(head);
    const baseFiles = groupByFile(base);
    const pairs = new Map();
    const renamed = [];
    const vanished = [...baseFiles.values()].filter(group => !headFiles.has(group.file));
    for (const group of headFiles.values()) {
        const same = baseFiles.get(group.file);
        const counterpart = same ?? takeRenamed(group, vanished);
        if (!counterpart)
            continue;
        pairs.set(group.file, counterpart);
        if (!same)
            renamed.push({ from: counterpart.file, to: group.file });
    }
    const headOf = new Map([...pairs].map(([headFile, group]) => [group.file, headFiles.get(headFile)]));
    // Pins that left their base file: upgraded, moved to another file, or removed. A pin whose
    // name left its file altogether may reappear elsewhere: a move, which adds nothing.
    const departed = new Map();
    const movedOut = [];
    for (const group of baseFiles.values()) {
        const headGroup = headOf.get(group.file);
        const stays = new Set(headGroup?.pins.map(pinKey));
        for (const pin of group.pins) {
            if (stays.has(pinKey(pin)))
                continue;
            departed.set(pinKey(pin), pin);
            if (!headGroup?.names.has(pin.name))
                movedOut.push(pin);
        }
    }
    const moved = indexPins(movedOut);
    const counterparts = new Map([...pairs].map(([file, group]) => [file, indexPins(group.pins)]));
    const declarations = head.flatMap(source => source.dependencies.map((dependency) => {
        if (source.format === 'environment') {
            return { dependency, change: 'unknown', previousVersions: [] };
        }
        const counterpart = counterparts.get(dependency.location.file) ?? EMPTY_INDEX;
        return classify(dependency, counterpart, moved);
    }));
    const headPins = [...headFiles.values()].flatMap(group => group.pins);
    const headIndex = indexPins(headPins);
    const gone = [];
    const baseOnly = new Map();
    const headNames = new Set([...headFiles.values()].flatMap(group => [...group.names]));
    for (const [key, pin] of departed) {
        if (headIndex.keys.has(key))
            continue;
        const file = pin.location.file;
        if (!baseOnly.has(file)) {
            baseOnly.set(file, { file, format: pin.format, dependencies: [], skipped: [] });
        }
        baseOnly.get(file).dependencies.push(pin);
        // Unpinned is not fixed: the package is still there, now without a version to audit.
        if (headNames.has(pin.name) && !headIndex.versions.has(pin.name))
            continue;
        const inPair = headOf.get(pin.location.file);
        const replacedBy = (inPair && indexPins(inPair.pins).versions.get(pin.name)) ??
            headIndex.versions.get(pin.name) ??
            [];
        gone.push({ name: pin.name, version: pin.version, replacedBy });
    }
    const withoutBase = head.filter(s => s.format === 'environment').map(source => source.file);
    return { declarations, gone, baseOnly: [...baseOnly.values()], renamed, withoutBase };
}
const EMPTY_INDEX = { keys: new Set(), versions: new Map() };
function indexPins(pins) {
    const index = { keys: new Set(), versions: new Map() };
    for (const pin of pins) {
        const key = pinKey(pin);
        if (index.keys.has(key))
            continue;
        index.keys.add(key);
        index.versions.set(pin.name, [...(index.versions.get(pin.name) ?? []), pin.version]);
    }
    return index;
}
function classify(dependency, counterpart, moved) {
    const key = pinKey(dependency);
    if (counterpart.keys.has(key) || moved.keys.has(key)) {
        return { dependency, change: 'unchanged', previousVersions: [] };
    }
    const previous = counterpart.versions.get(dependency.name) ?? moved.versions.get(dependency.name);
    if (previous)
        return { dependency, change: 'changed', previousVersions: previous };
    return { dependency, change: 'added', previousVersions: [] };
}
function groupByFile(sources) {
    const groups = new Map();
    const groupOf = (file) => {
        let group = groups.get(file);
        if (!group)
            groups.set(file, (group = { file, pins: [], names: new Set() }));
        return group;
    };
    for (const source of sources) {
        if (source.format === 'environment')
            continue;
        for (const pin of source.dependencies) {
            const group = groupOf(pin.location.file);
            group.pins.push(pin);
            group.names.add(pin.name);
        }
        for (const skip of source.skipped)
            groupOf(skip.location.file).names.add((0,names/* normalizeName */.P)(skip.name));
    }
    return groups;
}
/**
 * The vanished base file that shares the most declared names with `group`, if they share at
 * least half of the smaller one's (git's rename detection asks 50% similarity of content).
 */
function takeRenamed(group, vanished) {
    let best;
    vanished.forEach((candidate, index) => {
        const shared = [...group.names].filter(name => candidate.names.has(name)).length;
        const needed = Math.min(group.names.size, candidate.names.size) / 2;
        if (shared > 0 && shared >= needed && shared > (best?.shared ?? 0))
            best = { index, shared };
    });
    return best ? vanished.splice(best.index, 1)[0] : undefined;
}
const ORDER = ['added', 'changed', 'unknown', 'unchanged'];
/**
 * A finding is introduced when a declaration of its package is added, has no base (unknown),
 * or changed from versions the advisory did not affect: upgrading out of one advisory into a
 * version still affected by another does not introduce the other.
 */
function judgeChanges(input) {
    const findings = new Map();
    for (const pkg of [...input.baseOnly, ...input.head])
        findings.set(pinKey(pkg), pkg.vulnerabilities);
    const byDeclaration = new Map(input.comparison.declarations.map(d => [declarationKey(d.dependency), d]));
    const packages = input.head.map((pkg) => {
        const compared = pkg.declarations.map(dependency => byDeclaration.get(declarationKey(dependency)) ?? {
            dependency,
            change: 'unknown',
            previousVersions: []
        });
        const change = ORDER.find(kind => compared.some(d => d.change === kind)) ?? 'unknown';
        const introduced = pkg.vulnerabilities.filter(vuln => compared.some(d => {
            if (d.change === 'unchanged')
                return false;
            if (d.change !== 'changed')
                return true;
            return !d.previousVersions.some(version => {
                const before = findings.get(pinKey({ name: pkg.name, version }));
                return before !== undefined && before.some(old => sameAdvisory(old, vuln));
            });
        }));
        return {
            name: pkg.name,
            version: pkg.version,
            change,
            previousVersions: distinct(compared.flatMap(d => d.previousVersions)),
            introduced: introduced.map(vuln => vuln.id)
        };
    });
    return {
        base: input.base,
        packages,
        fixedByChange: fixedByChange(input, findings),
        warnings: input.comparison.withoutBase.map(file => `The installed environment ${file} has no base version to compare with: its packages are judged in full (scope: all).`)
    };
}
function fixedByChange(input, findings) {
    const fixed = [];
    const seen = new Set();
    for (const pin of input.comparison.gone) {
        const key = pinKey(pin);
        if (seen.has(key))
            continue;
        seen.add(key);
        const atHead = input.head
            .filter(pkg => pkg.name === pin.name)
            .flatMap(pkg => pkg.vulnerabilities);
        const cleared = (findings.get(key) ?? []).filter(old => !atHead.some(v => sameAdvisory(old, v)));
        if (cleared.length === 0)
            continue;
        fixed.push({
            name: pin.name,
            oldVersion: pin.version,
            newVersion: pin.replacedBy[0] ?? null,
            advisories: cleared.map(vuln => vuln.id)
        });
    }
    return fixed;
}
/** The verdict of one head package; undefined for a package the comparison never saw. */
function verdictFor(verdicts, pkg) {
    let index = verdictIndexes.get(verdicts);
    if (!index) {
        index = new Map(verdicts.packages.map(verdict => [pinKey(verdict), verdict]));
        verdictIndexes.set(verdicts, index);
    }
    return index.get(pinKey(pkg));
}
/** Looked up once per finding: an index per verdicts object, not a search each time. */
const verdictIndexes = new WeakMap();
/** Whether the change introduces this finding; a package never compared counts as introduced. */
function isIntroduced(verdicts, pkg, vulnerabilityId) {
    return verdictFor(verdicts, pkg)?.introduced.includes(vulnerabilityId) ?? true;
}
/**
 * The findings that can fail the step in scope `changes`: the introduced ones, and malware
 * wherever it is (a malicious package always fails). Give the gate these instead of all.
 */
function findingsInScope(findings, verdicts) {
    return findings.filter(finding => (0,advisories_severity/* isMalicious */.RA)(finding.vulnerability) ||
        isIntroduced(verdicts, finding.package, finding.vulnerability.id));
}
/** License entries that can fail the step in scope `changes`: the change adds that version. */
function licensesInScope(entries, verdicts) {
    return entries.filter(entry => (verdictFor(verdicts, entry)?.change ?? 'unknown') !== 'unchanged');
}
/**
 * Package issues judged as findings are (issue 18 in scope `changes`), each marked `introduced`,
 * and failing only then. An issue is introduced when the change adds its pin, or moves it from
 * versions that did not have the issue: a name-wide issue (not-found, archived, deprecated) was
 * there at any earlier version of the name; a yanked release was there only if the earlier
 * version was not offered either (`offered`, from the index's lists; not known counts as
 * offered, so the issue is introduced: the gate errs towards failing); a hash mismatch comes
 * with the new version's digests, and on a pin left at its version it is introduced unless the
 * base's file declared every mismatched digest already (`digestsAtBase`). A quarantined
 * project fails wherever it is, as malware does.
 */
function packageIssuesInScope(issues, verdicts, offered) {
    return issues.map(issue => {
        const verdict = verdictFor(verdicts, issue);
        const change = verdict?.change ?? 'unknown';
        const introduced = change === 'added' ||
            change === 'unknown' ||
            (change === 'changed' && !hadIssueBefore(issue, verdict?.previousVersions ?? [], offered)) ||
            (change === 'unchanged' &&
                issue.kind === 'hash-mismatch' &&
                !digestsWereThere(issue, verdicts));
        const failing = issue.failing && (introduced || issue.kind === 'quarantined');
        return { ...issue, introduced, failing };
    });
}
/** Whether the base's file declared every digest of this mismatch; unknown counts as not. */
function digestsWereThere(issue, verdicts) {
    const atBase = verdicts.digestsAtBase?.[issue.location.file] ?? [];
    const mismatched = issue.mismatched ?? [];
    return mismatched.length > 0 && mismatched.every(digest => atBase.includes(digest));
}
function hadIssueBefore(issue, previousVersions, offered) {
    if (previousVersions.length === 0)
        return false;
    switch (issue.kind) {
        case 'hash-mismatch':
            return false;
        case 'yanked':
            return previousVersions.every(version => offered?.(issue.name, version) === false);
        default:
            return true;
    }
}
function jsonChangeFields(verdicts) {
    return {
        base: { ref: verdicts.base.ref, sha: verdicts.base.sha },
        fixed_by_change: verdicts.fixedByChange.map(fix => ({
            name: fix.name,
            old_version: normalVersion(fix.oldVersion),
            new_version: fix.newVersion === null ? null : normalVersion(fix.newVersion),
            advisories: fix.advisories
        }))
    };
}
function changeCounts(verdicts, packages) {
    let introduced = 0;
    let alreadyThere = 0;
    for (const pkg of packages) {
        for (const vuln of pkg.vulnerabilities) {
            if (vuln.ignored)
                continue;
            if (isIntroduced(verdicts, pkg, vuln.id))
                introduced++;
            else
                alreadyThere++;
        }
    }
    return { introduced, alreadyThere, fixed: verdicts.fixedByChange.length };
}
/** "1 fixed by this change, 0 introduced, 2 already on the base": the good news first. */
function describeChangeCounts(counts) {
    return `${counts.fixed} fixed by this change, ${counts.introduced} introduced, ${counts.alreadyThere} already on the base`;
}
/** One name and version, grouped as the look-up groups them (`groupDependencies`). */
function pinKey(pin) {
    return `${(0,names/* normalizeName */.P)(pin.name)}@${(0,pep440.clean)(pin.version) ?? pin.version}`;
}
function declarationKey(dependency) {
    return `${dependency.location.file}\0${pinKey(dependency)}`;
}
/** One advisory under any of its names (a PYSEC id at the base, its GHSA alias at the head). */
function sameAdvisory(a, b) {
    const names = new Set([a.id, ...a.aliases]);
    return [b.id, ...b.aliases].some(name => names.has(name));
}
function distinct(values) {
    return [...new Set(values)];
}

// EXTERNAL MODULE: ./src/advisories/upgrade.ts
var upgrade = __webpack_require__(38147);
// EXTERNAL MODULE: ./src/health/types.ts
var types = __webpack_require__(27987);
// EXTERNAL MODULE: ./src/report/order.ts
var order = __webpack_require__(20734);
;// CONCATENATED MODULE: ./src/pipeline/assess.ts









/**
 * Turns raw matches into verdicts: ignores, severity, the gate, malicious packages,
 * recommended upgrades, license violations and strictness. Pure: data in, data out.
 */
function assessFindings(result, options) {
    const ignores = (0,pipeline_ignores/* applyIgnores */.wI)(result.packages, options.rules, options.today);
    const { changes } = options;
    const inScope = changes ? findingsInScope(ignores.active, changes) : ignores.active;
    const verdict = gate(rateFindings(inScope), {
        threshold: options.failOnSeverity,
        failOnUnknown: options.failOnUnknownSeverity
    });
    const ignoredBy = new Map(ignores.ignored.map(f => [f.vulnerability, f]));
    // Malware fails the step whatever the severity settings, fail-on-vulnerability included.
    const failing = new Set(verdict.failing
        .filter(finding => options.failOnVulnerability || (0,advisories_severity/* isMalicious */.RA)(finding.vulnerability))
        .map(finding => finding.vulnerability));
    const packages = result.packages.map(pkg => {
        const vulnerabilities = pkg.vulnerabilities
            .map(vuln => ({
            ...reportVulnerability(vuln, ignoredBy.get(vuln), failing.has(vuln)),
            ...(changes ? { introduced: isIntroduced(changes, pkg, vuln.id) } : {})
        }))
            .sort(order/* compareFindings */.Eg);
        const reported = {
            ...pkg,
            vulnerabilities,
            ...(changes ? { change: verdictFor(changes, pkg)?.change ?? 'unknown' } : {})
        };
        if (vulnerabilities.length > 0) {
            const first = options.firstUpgrades;
            if (first?.has(pkg))
                reported.recommendedVersion = first.get(pkg);
            else {
                const records = options.recordsFor?.(pkg.name) ?? pkg.vulnerabilities.map(v => v.record);
                reported.recommendedVersion = (0,upgrade/* rememberedRecommendation */.Mj)(pkg, records, options.upgradeAdvice);
            }
        }
        return reported;
    });
    const failureReasons = [];
    // Said with each reason that counted only what the change introduces.
    const scopeNote = changes
        ? ` Scope: changes against ${changes.base.ref}; findings already on the base do not fail the step.`
        : '';
    if (failing.size > 0) {
        failureReasons.push((options.failOnVulnerability
            ? verdict.reason
            : `Failed: ${(0,shared_text/* plural */.LS)(verdict.malicious.length, 'malicious package')} (malware fails the step even with fail-on-vulnerability: false).`) +
            scopeNote);
    }
    const allViolations = options.licenses.filter(entry => entry.violation);
    const violations = changes ? licensesInScope(allViolations, changes) : allViolations;
    if (violations.length > 0 && options.failOnLicense) {
        failureReasons.push(`Failed: ${(0,shared_text/* plural */.LS)(violations.length, 'license violation')}.${scopeNote}`);
    }
    if (options.strict && result.skipped.length > 0) {
        failureReasons.push(`Failed: ${(0,shared_text/* plural */.LS)(result.skipped.length, 'dependency', 'dependencies')} could not be audited (strict: true).`);
    }
    // Zero packages is no pass: "no known vulnerabilities in 0 packages" would read as one.
    const nothingAudited = nothingAuditedReason(result, options.shownPath);
    if (nothingAudited && options.strict) {
        failureReasons.push(`Failed: nothing was audited (strict: true): ${nothingAudited}.`);
    }
    const health = options.packageHealth;
    // In scope `changes`, package issues already on the base are reported, not failing.
    const packageIssues = health && changes
        ? packageIssuesInScope(health.issues, changes, health.offered)
        : health?.issues;
    const packageReason = packageIssues ? packageIssueReason(packageIssues) : undefined;
    if (packageReason)
        failureReasons.push(packageReason + scopeNote);
    return {
        outcome: {
            tool: options.tool,
            feed: result.feed,
            ...(options.databaseUpdated
                ? { databaseUpdated: options.databaseUpdated.toISOString() }
                : {}),
            sources: result.sources,
            packages,
            skipped: result.skipped,
            licenses: options.licenses,
            result: failureReasons.length > 0 ? 'fail' : 'pass',
            failureReasons,
            ...(nothingAudited ? { nothingAudited } : {}),
            ...(changes ? { changes: { base: changes.base, fixedByChange: changes.fixedByChange } } : {}),
            ...(packageIssues ? { packageIssues } : {})
        },
        warnings: [
            ...(nothingAudited && !options.strict
                ? [`Nothing was audited: ${nothingAudited}. (strict: true fails the step then.)`]
                : []),
            ...ignores.expired.map(notice => notice.message),
            ...(health?.warnings ?? [])
        ],
        notices: [...ignores.unused.map(notice => notice.message), ...(health?.notices ?? [])]
    };
}
/** Why no package was audited; undefined when some were. */
function nothingAuditedReason(result, shownPath = file => external_node_path_.basename(file)) {
    if (result.packages.length > 0)
        return undefined;
    const files = result.sources.map(source => shownPath(source.file));
    const named = files.length === 0
        ? 'no dependency file was read'
        : files.length <= 3
            ? files.join(', ')
            : `${files.slice(0, 3).join(', ')} and ${files.length - 3} more`;
    if (result.skipped.length > 0) {
        const all = result.skipped.length === 1
            ? 'its one dependency'
            : `all ${result.skipped.length} dependencies`;
        return `${all} in ${named} could not be audited (each is listed as not audited, with the reason)`;
    }
    if (files.length === 0)
        return named;
    return `${named} ${files.length === 1 ? 'pins' : 'pin'} no dependency for this environment: empty, or every requirement's environment marker excludes the target Python version and platform`;
}
/** "Failed: 3 package issues (not-found, quarantined, hash-mismatch)."; none when none fail. */
function packageIssueReason(issues) {
    const failing = issues.filter(issue => issue.failing);
    if (failing.length === 0)
        return undefined;
    const kinds = types/* PACKAGE_ISSUE_KINDS */.P.filter(kind => failing.some(issue => issue.kind === kind));
    return `Failed: ${(0,shared_text/* plural */.LS)(failing.length, 'package issue')} (${kinds.join(', ')}).`;
}
function reportVulnerability(vuln, ignored, failing) {
    return {
        ...vuln,
        severity: (0,advisories_severity/* severityOf */.xJ)(vuln.record),
        malicious: (0,advisories_severity/* isMalicious */.RA)(vuln),
        ...(ignored
            ? {
                ignored: {
                    origin: ignored.rule.origin,
                    ...(ignored.rule.reason ? { reason: ignored.rule.reason } : {}),
                    ...(ignored.rule.until ? { until: ignored.rule.until } : {})
                }
            }
            : {}),
        failing
    };
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./src/integrations/git/base-commit.ts + 1 modules
var base_commit = __webpack_require__(99683);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: ./src/deps/collect.ts + 1 modules
var collect = __webpack_require__(98502);
// EXTERNAL MODULE: ./src/deps/detect.ts
var detect = __webpack_require__(5487);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(58382);
// EXTERNAL MODULE: ./src/shared/log.ts
var log = __webpack_require__(21827);
// EXTERNAL MODULE: ./src/deps/containment.ts
var containment = __webpack_require__(8778);
// EXTERNAL MODULE: ./src/integrations/git/run-git.ts
var run_git = __webpack_require__(68488);
;// CONCATENATED MODULE: ./src/integrations/git/base-tree.ts
/**
 * The dependency files of a commit, copied out of git's objects into a private directory with
 * the repository's layout, so the readers of src/deps read them as they read the work tree.
 * Nothing is checked out: `git ls-tree` lists the commit's files, `git cat-file --batch` reads
 * the chosen blobs; the work tree, the index and HEAD are never touched.
 */




const DEFAULT_LIMITS = {
    fileBytes: containment/* MAX_DEPENDENCY_FILE_BYTES */.Eg,
    totalBytes: 512 * 1024 * 1024,
    files: 20_000
};
/** One cat-file process reads at most this much, so its output stays a bounded buffer. */
const BATCH_BYTES = 64 * 1024 * 1024;
async function materialiseCommitFiles(sha, options) {
    const limits = { ...DEFAULT_LIMITS, ...options.limits };
    const git = { cwd: options.repositoryTop, env: options.env };
    const entries = (await listTree(sha, git)).filter(entry => options.wanted(entry.path));
    const tooLarge = entries.filter(entry => entry.size > limits.fileBytes).map(e => e.path);
    const copied = entries.filter(entry => entry.size <= limits.fileBytes);
    const total = copied.reduce((sum, entry) => sum + entry.size, 0);
    if (copied.length > limits.files || total > limits.totalBytes) {
        throw new run_git/* GitError */.XS(`the base has ${copied.length} candidate dependency files (${Math.round(total / 2 ** 20)} MiB), over the limit of ${limits.files} files or ${limits.totalBytes / 2 ** 20} MiB`);
    }
    for (const batch of batches(copied)) {
        const contents = await readBlobs(batch, git);
        for (const [index, entry] of batch.entries()) {
            const file = insideDestination(options.destination, entry.path);
            await promises_.mkdir(external_node_path_.dirname(file), { recursive: true });
            await promises_.writeFile(file, contents[index]);
        }
    }
    return { written: copied.map(entry => entry.path), tooLarge };
}
/**
 * Regular files of the commit (symbolic links and submodules left out: following a link is
 * what the readers' containment check guards, and a link's target is not a dependency file).
 */
async function listTree(sha, git) {
    const result = await (0,run_git/* runGit */.EO)(['ls-tree', '-r', '-z', '--long', '--full-tree', sha], git);
    if (result.exitCode !== 0) {
        throw new run_git/* GitError */.XS(`cannot list the files of ${sha}: ${(0,run_git/* gitComplaint */.OO)(result)}`);
    }
    const entries = [];
    for (const record of result.stdout.toString('utf8').split('\0')) {
        const fields = /^(?<mode>\d{6}) (?<type>\w+) (?<oid>[0-9a-f]+) +(?<size>\d+|-)\t(?<file>.+)$/s.exec(record)?.groups;
        if (!fields)
            continue;
        const { mode, type, oid, size, file } = fields;
        if (type !== 'blob' || (mode !== '100644' && mode !== '100755'))
            continue;
        entries.push({ oid: oid, size: Number(size), path: file });
    }
    return entries;
}
function* batches(entries) {
    let batch = [];
    let bytes = 0;
    for (const entry of entries) {
        if (batch.length > 0 && bytes + entry.size > BATCH_BYTES) {
            yield batch;
            batch = [];
            bytes = 0;
        }
        batch.push(entry);
        bytes += entry.size;
    }
    if (batch.length > 0)
        yield batch;
}
/** `git cat-file --batch` answers `<oid> blob <size>\n<content>\n` per object asked for. */
async function readBlobs(entries, git) {
    const bytes = entries.reduce((sum, entry) => sum + entry.size, 0);
    const result = await (0,run_git/* runGit */.EO)(['cat-file', '--batch'], {
        ...git,
        input: entries.map(entry => `${entry.oid}\n`).join(''),
        maxOutputBytes: bytes + entries.length * 128 + 1024
    });
    if (result.exitCode !== 0) {
        throw new run_git/* GitError */.XS(`cannot read the base files: ${(0,run_git/* gitComplaint */.OO)(result)}`);
    }
    const output = result.stdout;
    const contents = [];
    let offset = 0;
    for (const entry of entries) {
        const newline = output.indexOf(0x0a, offset);
        const header = newline < 0 ? '' : output.subarray(offset, newline).toString('utf8');
        const [oid, type, size] = header.split(' ');
        if (oid !== entry.oid || type !== 'blob' || Number(size) !== entry.size) {
            throw new run_git/* GitError */.XS(`git cat-file answered ${JSON.stringify(header)} for ${entry.path}`);
        }
        contents.push(output.subarray(newline + 1, newline + 1 + entry.size));
        offset = newline + 1 + entry.size + 1;
    }
    return contents;
}
/** git never stores `..` or absolute paths, but a path is checked before it is written. */
function insideDestination(destination, repositoryPath) {
    const file = external_node_path_.resolve(destination, ...repositoryPath.split('/'));
    const relative = external_node_path_.relative(destination, file);
    if (relative === '' || relative.startsWith('..') || external_node_path_.isAbsolute(relative)) {
        throw new run_git/* GitError */.XS(`refusing to write ${JSON.stringify(repositoryPath)} outside the copy`);
    }
    return file;
}

;// CONCATENATED MODULE: ./src/integrations/git/base-dependencies.ts
/**
 * The dependencies of the base commit, read by the same readers as the work tree: the base's
 * dependency files are copied out of git into a private directory with the repository's layout
 * (base-tree.ts), collected there with the run's own options, and every path in the result is
 * mapped back to where the file lies in the work tree, so both sides name files alike.
 */









/** Requirements files and their includes (any *.txt or *.in), pyproject.toml and the lockfiles. */
const DEPENDENCY_FILE = /(?:^|\/)(?:[^/]+\.(?:txt|in)|pyproject\.toml|pylock(?:\.[^./]+)?\.toml|uv\.lock|poetry\.lock|pdm\.lock|Pipfile\.lock)$/i;
/** Installed or vendored code: never a project's own declarations, and often large. */
const SKIPPED_DIRECTORY = /(?:^|\/)(?:\.git|node_modules|\.venv|venv|site-packages|__pypackages__|\.tox|\.nox|__pycache__|\.mypy_cache)\//;
/**
 * Collects the base like the head: same paths (those absent at the base are left out: their
 * pins are all added), same detection, same resolution with pip. The installed environment of
 * `python` has no base and is not read. Never throws: a base that cannot be read comes back as
 * a warning, and the caller judges every dependency.
 */
async function readBaseDependencies(base, options, readOptions = {}) {
    let scratch;
    try {
        const top = await repositoryTop(options);
        const headWorkdir = await promises_.realpath(options.workingDirectory);
        const inRepository = (file) => relativeInside(top, file);
        const workdirInRepo = inRepository(headWorkdir);
        if (workdirInRepo === undefined) {
            throw new errors/* PyauditError */.xE(`${options.workingDirectory} is not inside the git clone ${top}`);
        }
        const explicit = await Promise.all(options.paths.map(p => realOrResolved(p)));
        const explicitInRepo = explicit.map(inRepository);
        // A file named in `paths` is read whatever its name; a directory is searched like the head.
        const namedFiles = new Set((await existingFiles(explicit)).map(inRepository).filter(p => p !== undefined));
        scratch = await promises_.mkdtemp(external_node_path_.join(options.env.RUNNER_TEMP || external_node_os_.tmpdir(), 'pyaudit-base-'));
        const tree = external_node_path_.join(scratch, 'tree');
        const { tooLarge } = await materialiseCommitFiles(base.sha, {
            repositoryTop: top,
            env: options.env,
            destination: tree,
            wanted: file => namedFiles.has(file) || (DEPENDENCY_FILE.test(file) && !SKIPPED_DIRECTORY.test(file)),
            ...(readOptions.limits ? { limits: readOptions.limits } : {})
        });
        const baseWorkdir = external_node_path_.join(tree, workdirInRepo);
        // Messages name the base's files where the user has them, not in the private copy.
        const logger = prefixed(options.logger, `Base ${base.ref}`, [baseWorkdir, headWorkdir]);
        for (const file of tooLarge)
            logger.info(`${file} is too large to read, so it counts as absent`);
        const toHead = (file) => external_node_path_.join(options.workingDirectory, external_node_path_.relative(baseWorkdir, file));
        const paths = await existing(explicitInRepo.flatMap(p => (p === undefined ? [] : [external_node_path_.join(tree, p)])));
        const readsEnvironment = options.python !== undefined && options.resolve === 'none';
        if (!(await isDirectory(baseWorkdir)))
            return { ok: true, sources: [] };
        if (options.paths.length > 0 && paths.length === 0)
            return { ok: true, sources: [] };
        if (options.paths.length === 0) {
            if (readsEnvironment)
                return { ok: true, sources: [] };
            if ((await (0,detect/* detectDependencyFiles */._)(baseWorkdir, log/* silentLogger */.q)).length === 0) {
                return { ok: true, sources: [] };
            }
        }
        const repositoryRoot = relativeInside(top, await realOrResolved(options.repositoryRoot ?? headWorkdir));
        const sources = await (0,collect/* collectDependencies */._)({
            ...options,
            paths,
            workingDirectory: baseWorkdir,
            repositoryRoot: repositoryRoot === undefined ? tree : external_node_path_.join(tree, repositoryRoot),
            // The environment has no base; the files are read for the same target as the head's.
            ...(readsEnvironment ? { python: undefined } : {}),
            logger
        });
        return { ok: true, sources: sources.map(source => mapSource(source, toHead)) };
    }
    catch (error) {
        return {
            ok: false,
            warning: `Could not read the dependency files of the base ${base.ref} (${base.sha.slice(0, 12)}): ${(0,errors/* messageOf */.bD)(error)}. Judging every dependency (scope: all).`
        };
    }
    finally {
        if (scratch)
            await promises_.rm(scratch, { recursive: true, force: true });
    }
}
async function repositoryTop(options) {
    const result = await (0,run_git/* runGit */.EO)(['rev-parse', '--show-toplevel'], {
        cwd: options.workingDirectory,
        env: options.env
    });
    if (result.exitCode !== 0)
        throw new run_git/* GitError */.XS(`not a git clone: ${(0,run_git/* gitComplaint */.OO)(result)}`);
    return promises_.realpath(result.stdout.toString('utf8').trim());
}
function mapSource(source, toHead) {
    return {
        ...source,
        file: toHead(source.file),
        dependencies: source.dependencies.map(dep => ({
            ...dep,
            location: { ...dep.location, file: toHead(dep.location.file) }
        })),
        skipped: source.skipped.map(skip => ({
            ...skip,
            location: { ...skip.location, file: toHead(skip.location.file) }
        }))
    };
}
function prefixed(logger, prefix, [copy, original]) {
    const shown = (message) => `${prefix}: ${message.split(copy).join(original)}`;
    return {
        debug: message => logger.debug(shown(message)),
        info: message => logger.info(shown(message)),
        warning: message => logger.warning(shown(message))
    };
}
/** `file` relative to `root` with '/' separators, or undefined when it lies outside. */
function relativeInside(root, file) {
    const relative = external_node_path_.relative(root, file);
    if (relative.startsWith('..') || external_node_path_.isAbsolute(relative))
        return undefined;
    return relative.split(external_node_path_.sep).join('/');
}
async function realOrResolved(file) {
    return promises_.realpath(file).catch(() => external_node_path_.resolve(file));
}
async function existing(files) {
    const found = await Promise.all(files.map(file => promises_.stat(file).then(() => file, () => undefined)));
    return found.filter((file) => file !== undefined);
}
async function existingFiles(files) {
    const stats = await Promise.all(files.map(file => promises_.stat(file).catch(() => undefined)));
    return files.filter((_file, index) => stats[index]?.isFile());
}
async function isDirectory(directory) {
    return (await promises_.stat(directory).catch(() => undefined))?.isDirectory() ?? false;
}

// EXTERNAL MODULE: ./src/report/change-scope.ts
var change_scope = __webpack_require__(54085);
// EXTERNAL MODULE: ./src/report/counts.ts
var report_counts = __webpack_require__(65132);
;// CONCATENATED MODULE: ./src/pipeline/change-scope.ts
/**
 * The change scope of a run (issue 16), from the engine's side: decide whether the run compares
 * with a base, read the base's dependencies from git with the head's own collect options,
 * compare both sides, look up the pins only the base has, and judge. Whenever a comparison was
 * meant but is impossible the run judges every dependency and the reason is a warning, never a
 * silent pass.
 */









async function judgeChangeScope(input) {
    const { collect } = input;
    const { logger } = collect;
    const decision = await (0,base_commit/* decideScope */.dp)({
        scope: input.scope,
        ...(input.baseRef !== undefined ? { baseRef: input.baseRef } : {}),
        cwd: collect.workingDirectory,
        env: collect.env,
        logger
    });
    if (decision.scope === 'all') {
        logger.debug(`Judging every dependency (${decision.reason})`);
        return { warnings: decision.warning ? [decision.warning] : [] };
    }
    const { ref, sha } = decision.base;
    logger.info(`Judging what the change introduces against ${(0,shared_text/* excerpt */.Kb)(ref)} (${sha.slice(0, 12)})`);
    const base = await readBaseDependencies(decision.base, collect);
    if (!base.ok)
        return { warnings: [base.warning] };
    const comparison = compareSources(input.head, base.sources);
    const baseOnly = comparison.baseOnly.length > 0 ? (await input.lookUp(comparison.baseOnly)).packages : [];
    const verdicts = judgeChanges({
        base: { ref, sha },
        comparison,
        head: input.packages,
        baseOnly
    });
    const digestsAtBase = await mismatchedDigestsAtBase(input.packageIssues ?? [], sha, collect);
    return {
        verdicts: { ...verdicts, ...(digestsAtBase ? { digestsAtBase } : {}) },
        warnings: verdicts.warnings
    };
}
/**
 * For each file declaring a hash mismatch, the mismatched digests its base version already
 * has (read with `git cat-file`, from objects: nothing is checked out). A mismatch on a
 * changed or added pin is introduced anyway, so only files with mismatches are read. A file
 * that cannot be read at the base gives nothing, and its mismatches count as introduced.
 */
async function mismatchedDigestsAtBase(issues, sha, collect) {
    const byFile = new Map();
    for (const issue of issues) {
        if (issue.kind !== 'hash-mismatch' || !issue.mismatched?.length)
            continue;
        const digests = byFile.get(issue.location.file) ?? new Set();
        for (const digest of issue.mismatched)
            digests.add(digest);
        byFile.set(issue.location.file, digests);
    }
    if (byFile.size === 0)
        return undefined;
    const git = { cwd: collect.workingDirectory, env: collect.env };
    const top = await (0,run_git/* runGit */.EO)(['rev-parse', '--show-toplevel'], git);
    if (top.exitCode !== 0)
        return undefined;
    const root = await promises_.realpath(top.stdout.toString('utf8').trim());
    const found = {};
    for (const [file, digests] of byFile) {
        const inRepository = external_node_path_.relative(root, await promises_.realpath(file).catch(() => file));
        if (inRepository.startsWith('..') || external_node_path_.isAbsolute(inRepository))
            continue;
        const shown = await (0,run_git/* runGit */.EO)(['cat-file', 'blob', `${sha}:${inRepository.split(external_node_path_.sep).join('/')}`], git);
        if (shown.exitCode !== 0)
            continue;
        const text = shown.stdout.toString('utf8').toLowerCase();
        found[file] = [...digests].filter(digest => text.includes(digest));
    }
    return found;
}
/** "Against main (1a2b3c4d5e6f): 1 fixed by this change, 0 introduced, 2 already on the base". */
function describeChangeScope(outcome) {
    const { changes } = outcome;
    if (!changes)
        return undefined;
    const introduced = (0,change_scope/* newVulnerabilityCount */.YZ)(outcome);
    const counts = describeChangeCounts({
        introduced,
        alreadyThere: (0,report_counts/* summaryCounts */.NB)(outcome).vulnerabilities - introduced,
        fixed: changes.fixedByChange.length
    });
    return `Against ${(0,shared_text/* excerpt */.Kb)(changes.base.ref)} (${changes.base.sha.slice(0, 12)}): ${counts}`;
}

// EXTERNAL MODULE: ./src/advisories/version-order.ts
var version_order = __webpack_require__(85682);
// EXTERNAL MODULE: ./src/shared/describe-error.ts
var describe_error = __webpack_require__(4459);
;// CONCATENATED MODULE: ./src/pipeline/verify-upgrades.ts






/** Lookups at most: real chains take two (a fix, then the fix of the fix's advisory). */
const MAX_VERIFY_ROUNDS = 4;
/**
 * `packages` with every recommendation confirmed by the feed, or withheld with a note. Pins
 * without findings are left as they are.
 */
async function verifyUpgrades(packages, options) {
    const maxRounds = options.maxRounds ?? MAX_VERIFY_ROUNDS;
    const logger = options.logger ?? log/* silentLogger */.q;
    const searches = new Map();
    packages.forEach((pkg, i) => {
        if (pkg.recommendedVersion === undefined)
            return;
        const records = options.recordsFor?.(pkg.name) ?? pkg.vulnerabilities.map(v => v.record);
        const pin = { name: pkg.name, version: pkg.version };
        const kept = (0,upgrade/* keptUpgrade */.VN)(pin, records, options.upgradeAdvice);
        searches.set(i, new UpgradeSearch(pin, records, pkg.recommendedVersion, {
            unavailable: [...(options.unavailable?.(pkg.name) ?? [])],
            ...(options.offered ? { offered: (v) => options.offered(pkg.name, v) } : {}),
            ...(options.releases ? { releases: () => options.releases(pkg.name) } : {}),
            ...(typeof kept === 'string' ? { alsoAsk: kept } : {})
        }));
    });
    const unknownEarly = options.unknownReleases?.();
    for (const { pin, records } of options.early?.values() ?? []) {
        const missing = unknownEarly?.has(`${pin.name}@${pin.version}`) ?? false;
        for (const search of searches.values()) {
            if (search.pin.name === pin.name)
                search.learn(pin.version, missing ? 'unavailable' : records);
        }
    }
    let rounds = 0;
    const warnings = [];
    try {
        for (; rounds < maxRounds; rounds++) {
            const asks = [...searches.values()].flatMap(search => search.questions(rounds === 0));
            if (asks.length === 0)
                break;
            const answers = await answerAll(asks, options);
            const unknown = options.unknownReleases?.();
            asks.forEach((ask, i) => {
                const answer = answers[i];
                if (answer === undefined) {
                    throw new errors/* FeedError */.lS(options.feed.name, 'answered fewer lookups than it was asked');
                }
                const missing = unknown?.has(`${ask.pin.name}@${ask.pin.version}`) ?? false;
                ask.search.learn(ask.pin.version, missing ? 'unavailable' : answer);
            });
        }
    }
    catch (error) {
        if (!(error instanceof errors/* FeedError */.lS))
            throw error;
        // The findings stand (they were looked up); only upgrades left unconfirmed are withheld.
        warnings.push(`Recommended upgrades could not all be checked: ${(0,describe_error/* describeError */.U)(error)}. ` +
            'Those not confirmed are left out.');
    }
    const verified = packages.map((pkg, i) => {
        const search = searches.get(i);
        if (search === undefined)
            return pkg;
        const outcome = search.outcome(rounds, warnings.length > 0);
        if (outcome.settled) {
            const { pin, records, passed } = search;
            (0,upgrade/* keepVerifiedUpgrade */.CM)(pin, records, outcome.upgrade, options.upgradeAdvice, passed);
        }
        return {
            ...pkg,
            recommendedVersion: outcome.upgrade,
            ...(outcome.note ? { upgradeNote: outcome.note } : {})
        };
    });
    const moved = verified.filter((pkg, i) => pkg.recommendedVersion !== packages[i].recommendedVersion).length;
    logger.debug(`Recommended upgrades checked with ${options.feed.name} in ${(0,shared_text/* plural */.LS)(rounds, 'lookup')}; ` +
        `${(0,shared_text/* plural */.LS)(moved, 'upgrade')} moved past advisories of their own`);
    return { packages: verified, rounds, warnings };
}
/**
 * The feed's answer to each ask: worked out where the feed can (answerLocally), asked in one
 * lookup for the rest (none when every one was worked out).
 */
async function answerAll(asks, options) {
    const pins = asks.map(ask => ask.pin);
    const answers = [...(options.answerLocally?.(pins) ?? pins.map(() => undefined))];
    const open = pins.flatMap((pin, i) => (answers[i] === undefined ? [{ pin, i }] : []));
    if (open.length === 0)
        return answers;
    const asked = await options.feed.lookup(open.map(({ pin }) => pin));
    open.forEach(({ i }, k) => (answers[i] = asked[k]));
    return answers;
}
/**
 * The engine's step: the assessment with its upgrades verified with the run's feed (and its
 * cache, its unknown releases), and a warning when the feed failed on the way.
 */
async function verifyAssessedUpgrades(assessment, opened, logger, early, offered) {
    const { packages, warnings } = await verifyUpgrades(assessment.outcome.packages, {
        feed: opened.feed,
        ...(early ? { early } : {}),
        ...(opened.recordsFor ? { recordsFor: opened.recordsFor } : {}),
        ...(opened.upgradeAdvice ? { upgradeAdvice: opened.upgradeAdvice } : {}),
        ...(opened.skipped ? { unknownReleases: opened.skipped } : {}),
        ...(opened.answerLocally ? { answerLocally: opened.answerLocally } : {}),
        ...(offered ? { offered } : {}),
        logger
    });
    return {
        ...assessment,
        outcome: { ...assessment.outcome, packages },
        warnings: [...assessment.warnings, ...warnings]
    };
}
/**
 * The engine's step, started as soon as the lookup is done: the first candidates are worked
 * out at once and the feed is asked about them while the findings are assessed (rating every
 * finding takes about as long as the round trips of the verification). The outcome is the
 * one verifyAssessedUpgrades gives. A failure of the feed is settle's to report; nothing is
 * left unhandled when the run stops before settling.
 */
function startUpgradeVerification(packages, opened, logger, options = {}) {
    const first = new Map();
    const targets = packages.map((pkg) => {
        if (pkg.vulnerabilities.length === 0)
            return pkg;
        const records = opened.recordsFor?.(pkg.name) ?? pkg.vulnerabilities.map(v => v.record);
        const candidate = opened.firstUpgrades
            ? opened.firstUpgrades.upgradeFor(pkg, records)
            : (0,upgrade/* rememberedRecommendation */.Mj)(pkg, records, opened.upgradeAdvice);
        first.set(pkg, candidate);
        return { ...pkg, recommendedVersion: candidate };
    });
    opened.firstUpgrades?.stop();
    const verifying = verifyUpgrades(targets, {
        feed: opened.feed,
        ...options,
        ...(opened.recordsFor ? { recordsFor: opened.recordsFor } : {}),
        ...(opened.upgradeAdvice ? { upgradeAdvice: opened.upgradeAdvice } : {}),
        ...(opened.skipped ? { unknownReleases: opened.skipped } : {}),
        ...(opened.answerLocally ? { answerLocally: opened.answerLocally } : {}),
        logger
    });
    // Settled later, or never when the run fails first: not an unhandled rejection then.
    verifying.catch(() => { });
    return {
        first,
        settle: async (assessment) => {
            opened.idle?.();
            const { packages: verified, warnings } = await verifying;
            const reported = assessment.outcome.packages;
            if (reported.length !== verified.length) {
                throw new Error('the assessment and the verification disagree on the packages');
            }
            return {
                ...assessment,
                outcome: {
                    ...assessment.outcome,
                    packages: reported.map((pkg, i) => {
                        const { recommendedVersion, upgradeNote } = verified[i];
                        if (pkg.recommendedVersion === undefined)
                            return pkg;
                        return {
                            ...pkg,
                            recommendedVersion: recommendedVersion ?? null,
                            ...(upgradeNote ? { upgradeNote } : {})
                        };
                    })
                },
                warnings: [...assessment.warnings, ...warnings]
            };
        }
    };
}
/**
 * The search for one pin, as pure state: the records known so far, the feed's answers about
 * candidates, and the versions ruled out. Each answer either confirms the candidate or moves
 * the search past it.
 */
class UpgradeSearch {
    pin;
    records;
    known;
    knownIds = new Set();
    /** Versions the feed called affected, or that do not exist or are yanked. */
    excluded;
    /** Unknown to the index or yanked: left out of "newest fix" too. */
    unavailable;
    answers = new Map();
    /** Versions ruled out, in order: kept with the answer for the next run to ask at once. */
    passed = [];
    /** The candidate now; undefined until worked out again from what is known. */
    candidate;
    alsoAsk;
    offered;
    releases;
    constructor(pin, records, first, options = {}) {
        this.pin = pin;
        this.offered = options.offered;
        this.releases = options.releases;
        this.records = records;
        this.known = [...records];
        for (const record of records)
            this.knownIds.add(record.id);
        this.unavailable = [...(options.unavailable ?? [])];
        this.excluded = [...this.unavailable];
        // A null from the assessment may be a kept answer: worked out again from the records.
        this.candidate = first === null || this.unavailable.length > 0 ? undefined : first;
        if (options.alsoAsk !== undefined && (0,version_order/* isPep440 */.it)(options.alsoAsk))
            this.alsoAsk = options.alsoAsk;
    }
    /**
     * What to ask the feed next: the current candidate when its answer is not known, and in
     * the first round also the upgrade this pin was given last time (so a warm run confirms a
     * chain of two in one round). Empty when the search is settled.
     */
    questions(first) {
        const versions = [];
        const next = this.unanswered();
        if (next !== undefined)
            versions.push(next);
        const extra = this.alsoAsk;
        this.alsoAsk = undefined;
        if (first && next !== undefined && extra !== undefined && !this.answers.has(key(extra))) {
            if (key(extra) !== key(next))
                versions.push(extra);
        }
        return versions.map(version => ({ search: this, pin: { name: this.pin.name, version } }));
    }
    /** The feed's answer about `version`: the records that affect it, or 'unavailable'. */
    learn(version, answer) {
        this.answers.set(key(version), answer);
    }
    /** Where the search ended after `rounds` lookups (`failed`: the feed failed on the way). */
    outcome(rounds, failed) {
        const open = this.unanswered();
        if (open === undefined) {
            const upgrade = this.candidate ?? null;
            const note = upgrade === null ? this.noCleanVersion('') : undefined;
            return { upgrade, ...(note ? { note } : {}), settled: true };
        }
        const why = failed ? ' (the advisory feed failed)' : ` after ${(0,shared_text/* plural */.LS)(rounds, 'check')}`;
        // A candidate was left unconfirmed: say so, even where the advisories name no fix (the
        // candidate was one of the index's releases), rather than read as "no fix known".
        const note = this.noCleanVersion(why) ?? `no version without known advisories found${why}`;
        return { upgrade: null, note, settled: false };
    }
    /** The candidate whose answer is still needed; undefined when settled (clean or none). */
    unanswered() {
        for (;;) {
            this.candidate ??= this.workedOut();
            const candidate = this.candidate;
            if (candidate === null)
                return undefined;
            // A release the index lacks or has yanked is passed over, whatever the feed said of it.
            const answer = this.offered?.(candidate) === false ? 'unavailable' : this.answers.get(key(candidate));
            if (answer === undefined)
                return candidate;
            if (answer !== 'unavailable' && answer.length === 0)
                return undefined;
            // Ruled out whatever the local ranges say: the feed's word decides which are affected.
            this.excluded.push(candidate);
            this.passed.push(candidate);
            if (answer === 'unavailable')
                this.unavailable.push(candidate);
            else
                this.add(answer);
            this.candidate = undefined;
        }
    }
    /** The next candidate from what is known: the advisories' bounds, else the index's releases. */
    workedOut() {
        const { name, version } = this.pin;
        const fromBounds = (0,upgrade/* recommendedVersion */.sn)(name, version, this.known, this.excluded);
        if (fromBounds !== null)
            return fromBounds;
        const releases = this.releases?.();
        return releases ? (0,upgrade/* recommendedRelease */.Fw)(name, version, this.known, releases, this.excluded) : null;
    }
    add(records) {
        for (const record of records) {
            if (this.knownIds.has(record.id))
                continue;
            this.knownIds.add(record.id);
            this.known.push(record);
        }
    }
    noCleanVersion(why) {
        const { name, version } = this.pin;
        const newest = (0,upgrade/* newestFix */.si)(name, version, this.known, this.unavailable);
        if (newest !== undefined) {
            return `no version without known advisories found${why}; newest fix: ${newest}`;
        }
        // Every fix above the pin was passed over as missing from the index or yanked: say so,
        // rather than let the reports read as if no fix were known.
        const unavailable = (0,upgrade/* newestFix */.si)(name, version, this.known);
        if (unavailable === undefined)
            return undefined;
        return (`no version without known advisories found${why}: the fixed releases are yanked or not ` +
            `on the index; newest fix: ${unavailable}`);
    }
}
function key(version) {
    return (0,version_order/* equalityKey */.Q1)(version);
}

// EXTERNAL MODULE: ./src/pipeline/write-reports.ts
var write_reports = __webpack_require__(44951);
// EXTERNAL MODULE: ./src/licenses/policy.ts
var policy = __webpack_require__(32232);
// EXTERNAL MODULE: ./src/net/http.ts
var http = __webpack_require__(59663);
;// CONCATENATED MODULE: ./src/licenses/sources.ts
/**
 * Where license metadata comes from (input `license-source`):
 *
 * - installed environments and pip reports carry it already (Dependency.metadata);
 * - lockfile-only projects ask PyPI's JSON API, `GET {pypi-url}/pypi/{name}/{version}/json`,
 *   whose `info.license_expression`, `info.license` and `info.classifiers` are the release's
 *   core metadata, so pip-licenses' selection applies to them unchanged.
 *
 * `auto` uses the metadata a dependency has and PyPI for the rest, except in offline mode
 * (advisory-db set), where nothing is fetched and the rest stay UNKNOWN, with a note saying
 * so. `environment` never fetches; `pypi` fetches every package; `none` checks no licenses.
 * A PyPI that fails (after the client's retries) fails the run: FeedError naming PyPI. A
 * release PyPI does not have (404) is a definite answer: its license is UNKNOWN, noted.
 */





const DEFAULT_CONCURRENCY = 8;
async function gatherLicenseMetadata(dependencies, options) {
    if (options.mode === 'none')
        return { checked: false, subjects: [], notes: [] };
    if (options.mode === 'pypi' && options.offline) {
        throw new errors/* InputError */.dz('license-source', "'pypi' needs the network, but advisory-db (offline mode) is set");
    }
    const notes = [];
    const fetchAll = options.mode === 'pypi';
    const withMetadata = fetchAll ? [] : dependencies.filter(dep => dep.metadata);
    const missing = fetchAll ? [...dependencies] : dependencies.filter(dep => !dep.metadata);
    const subjects = withMetadata.map(dep => ({ ...dep, origin: 'metadata' }));
    if (missing.length === 0)
        return { checked: true, subjects, notes };
    if (options.mode === 'environment' || options.offline) {
        const why = options.mode === 'environment'
            ? 'license-source is environment'
            : 'PyPI is not asked in offline mode (advisory-db is set)';
        const [count, have, its] = missing.length === 1
            ? ['1 dependency', 'has', 'its']
            : [`${missing.length} dependencies`, 'have', 'their'];
        notes.push(`${count} ${have} no license metadata and ${why}: ${its} license is UNKNOWN`);
        return { checked: true, subjects: [...subjects, ...missing.map(none)], notes };
    }
    const fetched = await fetchFromPypi(missing, options);
    for (const [index, dep] of missing.entries()) {
        const metadata = fetched[index];
        if (metadata)
            subjects.push({ name: dep.name, version: dep.version, metadata, origin: 'pypi' });
        else
            subjects.push(none(dep));
    }
    const absent = missing.filter((_, index) => !fetched[index]);
    if (absent.length > 0) {
        const list = absent
            .slice(0, 10)
            .map(dep => (0,shared_text/* excerpt */.Kb)(`${dep.name} ${dep.version}`))
            .join(', ');
        const more = absent.length > 10 ? ` and ${absent.length - 10} more` : '';
        notes.push(`not on PyPI, license UNKNOWN: ${list}${more}`);
    }
    return { checked: true, subjects, notes };
}
function none(dep) {
    return { name: dep.name, version: dep.version, origin: 'none' };
}
/** Metadata per package, in order; undefined where PyPI has no such release. */
async function fetchFromPypi(packages, options) {
    const base = options.pypiUrl.replace(/\/+$/, '');
    const feed = `PyPI JSON API (${base})`;
    const client = options.client ??
        new http/* JsonClient */._u({
            feedName: feed,
            connections: options.concurrency ?? DEFAULT_CONCURRENCY,
            ...(options.retry ? { retry: options.retry } : {}),
            ...(options.requestTimeoutMs ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
            ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
            logger: options.logger ?? log/* silentLogger */.q,
            env: options.env
        });
    // One request per release, however many files declare it.
    const keys = [...new Set(packages.map(sources_key))];
    try {
        const answers = await (0,http/* mapWithLimit */.c$)(keys, options.concurrency ?? DEFAULT_CONCURRENCY, async (releaseKey, _index, signal) => {
            const [name, version] = releaseKey.split('\0');
            const url = pypiReleaseUrl(base, name, version);
            const answer = await client.findJson(url, [404], signal);
            return answer.found
                ? pypiMetadata(answer.value, feed, (0,shared_text/* excerpt */.Kb)(`${name} ${version}`))
                : undefined;
        }, options.signal);
        const byKey = new Map(keys.map((releaseKey, index) => [releaseKey, answers[index]]));
        return packages.map(dep => byKey.get(sources_key(dep)));
    }
    finally {
        if (!options.client)
            await client.close();
    }
}
function sources_key(dep) {
    return `${(0,names/* normalizeName */.P)(dep.name)}\0${dep.version}`;
}
/** PyPI's versioned JSON endpoint; the name is normalised because Warehouse redirects others. */
function pypiReleaseUrl(base, name, version) {
    return `${base}/pypi/${encodeURIComponent((0,names/* normalizeName */.P)(name))}/${encodeURIComponent(version)}/json`;
}
/** The license fields of a release's `info`, checked: a malformed answer fails closed. */
function pypiMetadata(body, feed, what) {
    const info = body?.info;
    if (typeof info !== 'object' || info === null) {
        throw new errors/* FeedError */.lS(feed, `${what}: the answer has no 'info' object`);
    }
    const fields = info;
    const text = (field) => {
        const value = fields[field];
        if (value === null || value === undefined)
            return undefined;
        if (typeof value !== 'string')
            throw new errors/* FeedError */.lS(feed, `${what}: info.${field} is not a string`);
        return value;
    };
    const classifiers = fields.classifiers ?? [];
    if (!Array.isArray(classifiers) || classifiers.some(item => typeof item !== 'string')) {
        throw new errors/* FeedError */.lS(feed, `${what}: info.classifiers is not a list of strings`);
    }
    const metadata = { classifiers: classifiers };
    const license = text('license');
    const licenseExpression = text('license_expression');
    if (license !== undefined)
        metadata.license = license;
    if (licenseExpression !== undefined)
        metadata.licenseExpression = licenseExpression;
    return metadata;
}

;// CONCATENATED MODULE: ./src/licenses/audit-licenses.ts


/**
 * Licenses of every audited package. PyPI is asked only when something needs the answer
 * (a policy, or an SBOM that lists licenses): a plain vulnerability scan of a lockfile makes
 * no license requests at all, and then reports what installed metadata says.
 */
async function auditLicenses(packages, settings, options) {
    const needed = (0,policy/* hasLicensePolicy */.WA)(settings.policy) || options.sbomWanted;
    const mode = needed || settings.source === 'none' ? settings.source : 'environment';
    const subjects = packages.map(pkg => {
        const metadata = pkg.declarations.find(dep => dep.metadata)?.metadata;
        return { name: pkg.name, version: pkg.version, ...(metadata ? { metadata } : {}) };
    });
    const gathered = await gatherLicenseMetadata(subjects, {
        mode,
        pypiUrl: options.pypiUrl,
        offline: options.offline,
        logger: options.logger,
        env: options.env,
        ...(options.requestTimeoutMs ? { requestTimeoutMs: options.requestTimeoutMs } : {})
    });
    if (!gathered.checked)
        return { entries: [], notes: [] };
    const { checkLicenses } = await __webpack_require__.e(/* import() */ 572).then(__webpack_require__.bind(__webpack_require__, 87572));
    // spdx-correct guesses only at metadata, and setting it up takes ~20 ms: a scan that has
    // none (a lockfile, no policy, no SBOM) does without it.
    const hasMetadata = gathered.subjects.some(subject => subject.metadata);
    const suggest = hasMetadata ? (await __webpack_require__.e(/* import() */ 290).then(__webpack_require__.bind(__webpack_require__, 59290))).suggestSpdx : undefined;
    return {
        entries: checkLicenses(gathered.subjects, settings.policy, {
            from: settings.from,
            ...(suggest ? { suggest } : {})
        }),
        notes: needed ? gathered.notes : []
    };
}

;// CONCATENATED MODULE: ./src/pipeline/later-stages.ts
/**
 * The stages a run needs only once its advisories are asked for. run-audit.ts loads them with
 * one import() after the lookup has started, so that their code is compiled while the first
 * answers are awaited instead of before the first request goes out.
 */







/***/ }),

/***/ 44951:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CE: () => (/* binding */ reportsListLicenses),
/* harmony export */   Li: () => (/* binding */ writeReports),
/* harmony export */   ae: () => (/* binding */ REPORT_WRITERS)
/* harmony export */ });
/* harmony import */ var _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58382);
/* harmony import */ var _report_writers_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(28226);


/** Every report file, in the order they are written, set as outputs and uploaded. */
const REPORT_WRITERS = [
    {
        input: 'report',
        path: outputs => outputs.reportPath,
        output: 'report',
        inArtifact: true,
        listsLicenses: false,
        write: _report_writers_js__WEBPACK_IMPORTED_MODULE_1__/* .writeJsonReport */ .a_
    },
    {
        input: 'sbom',
        path: outputs => outputs.sbomPath,
        output: 'sbom',
        inArtifact: true,
        listsLicenses: true,
        write: _report_writers_js__WEBPACK_IMPORTED_MODULE_1__/* .writeSbom */ .Tz
    },
    {
        input: 'sarif',
        path: outputs => outputs.sarifPath,
        output: 'sarif',
        inArtifact: true,
        listsLicenses: false,
        write: _report_writers_js__WEBPACK_IMPORTED_MODULE_1__/* .writeSarif */ .lg
    },
    {
        input: 'fix',
        path: outputs => outputs.fixPatchPath,
        output: 'fix-patch',
        inArtifact: true,
        listsLicenses: false,
        wanted: outcome => Boolean(outcome.fix?.patch),
        write: _report_writers_js__WEBPACK_IMPORTED_MODULE_1__/* .writeFixPatch */ .Hq
    }
];
/** Whether a report the run writes lists licenses. */
function reportsListLicenses(outputs) {
    return REPORT_WRITERS.some(writer => writer.listsLicenses && writer.path(outputs));
}
/** Writes each report that has a path, in table order, then says where each went. */
async function writeReports(outcome, outputs, context, logger) {
    const files = {};
    for (const writer of REPORT_WRITERS) {
        const file = writer.path(outputs);
        if (!file || ('wanted' in writer && !writer.wanted(outcome)))
            continue;
        try {
            await writer.write(outcome, context, file);
        }
        catch (error) {
            // A path the runner cannot write (a directory, no permission) is the input's fault: say which.
            if (error instanceof _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PyauditError */ .xE)
                throw error;
            throw new _shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(writer.input, `could not write ${file}: ${(0,_shared_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .messageOf */ .bD)(error)}`);
        }
        files[writer.input] = file;
    }
    for (const [name, file] of Object.entries(files))
        logger.info(`Wrote the ${name} to ${file}`);
    return files;
}


/***/ })

};
