export const id = 779;
export const ids = [779];
export const modules = {

/***/ 6779:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  askPackageIndexes: () => (/* binding */ askPackageIndexes),
  auditPackageHealth: () => (/* binding */ auditPackageHealth),
  judgePackageHealth: () => (/* binding */ judgePackageHealth)
});

// EXTERNAL MODULE: ./src/health/filenames.ts
var filenames = __webpack_require__(42600);
;// CONCATENATED MODULE: ./src/health/messages.ts
/** "https://pypi.org/simple/", or "a and b", or "a, b and c". */
function indexList(indexes) {
    if (indexes.length <= 1)
        return indexes[0] ?? 'the index';
    return `${indexes.slice(0, -1).join(', ')} and ${indexes.at(-1)}`;
}
function notFoundMessage(name, indexes) {
    const where = indexes.length > 1 ? `any of ${indexList(indexes)}` : indexList(indexes);
    return (`${name} is not on ${where}: no project of that name. Either the name is misspelt (a typo such as ` +
        `'requets' for 'requests'), or it is a private package that this index does not serve, ` +
        `and then anyone may register the name there and pip would install theirs (dependency ` +
        `confusion). Fix the name; or set index-url to the private index that serves it; or, ` +
        `if this is intended, list it in package-check-ignore with a reason.`);
}
const STATUS_MEANING = {
    quarantined: 'the index considers it unsafe to use (for example malware) and serves none of its files',
    archived: 'its maintainers expect no further releases, so no fixes will come',
    deprecated: 'it is considered obsolete and may have been replaced by another project'
};
function statusMessage(name, status, reason, indexes) {
    const given = reason ? ` The index gives the reason: "${reason}".` : '';
    const action = status === 'quarantined'
        ? ' Remove it, and check the machines that installed it.'
        : ' Plan a move to a maintained alternative.';
    return `${name} is ${status} on ${indexList(indexes)} (PEP 792): ${STATUS_MEANING[status]}.${given}${action}`;
}
function yankedMessage(name, version, reason, indexes) {
    const given = reason ? `, with the reason "${reason}"` : ', without a reason';
    return (`${name} ${version} was yanked from ${indexList(indexes)}${given} (PEP 592): its ` +
        `maintainers withdrew it, and pip installs it only because it is pinned exactly. Move ` +
        `to another release.`);
}
function hashMismatchMessage(name, version, digests, releaseFiles, indexes) {
    const shown = digests.map(digest => `sha256:${digest}`).join(', ');
    const which = digests.length === 1 ? 'a digest that no file' : 'digests that no file';
    const files = releaseFiles === 0
        ? ` (the index lists no files of ${version} at all)`
        : ` (it lists ${releaseFiles} file${releaseFiles === 1 ? '' : 's'} of ${version})`;
    return (`${name} ${version} is pinned with ${which} of this release on ${indexList(indexes)} ` +
        `has: ${shown}${files}. Either an artifact was replaced after the lock was written, or ` +
        `the lock was made against another index. Re-lock against the index you install from, ` +
        `and find out which it is before trusting the new digests.`);
}

// EXTERNAL MODULE: ./src/health/types.ts
var types = __webpack_require__(27987);
// EXTERNAL MODULE: ./src/health/version-key.ts
var version_key = __webpack_require__(39756);
;// CONCATENATED MODULE: ./src/health/checks.ts
/**
 * The package-health checks: pure, the index answers in and findings out, one per declaration
 * of a pin (so each is annotated at its own line).
 *
 * - `not-found`: every index answered 404 (or 410) for the name; a name is healthy when any
 *   index serves it.
 * - `quarantined`, `archived`, `deprecated`: an index that serves the name marks it so (PEP 792).
 * - `yanked`: every file of the pinned release is yanked (PEP 592), on every index serving it;
 *   a release with only some files yanked is not.
 * - `hash-mismatch`: a sha256 the dependency file gives for the pin matches no file of that
 *   release on any index serving it. A quarantined project serves no files, so it is not
 *   checked for yanks or digests; a release with files the index gives no sha256 for cannot
 *   be told apart, so it is not reported either.
 */




const STATUS_KINDS = [
    'quarantined',
    'archived',
    'deprecated'
];
/**
 * Findings for `subjects` from `lookups` (lookUpPackageIndexes' answer). A subject whose name
 * was not looked up is a programming error, not a healthy package: it throws.
 */
function findPackageIssues(subjects, lookups, options = {}) {
    const failOn = new Set(options.failOnPackageStatus ?? types/* DEFAULT_FAIL_ON_PACKAGE_STATUS */.l);
    const byName = new Map(lookups.map(lookup => [(0,filenames/* normalizeProjectName */.yz)(lookup.name), lookup]));
    const issues = [];
    for (const subject of subjects) {
        const name = (0,filenames/* normalizeProjectName */.yz)(subject.name);
        const lookup = byName.get(name);
        if (!lookup)
            throw new Error(`package health: ${name} was not looked up`);
        for (const [kind, reason, mismatched] of subjectIssues(subject, lookup)) {
            issues.push({
                name: subject.name,
                version: subject.version,
                kind,
                reason,
                location: subject.location,
                failing: failOn.has(kind),
                ...(mismatched ? { mismatched } : {})
            });
        }
    }
    return issues;
}
function subjectIssues(subject, lookup) {
    const served = [];
    for (const answer of lookup.answers) {
        if (answer.found)
            served.push({ index: answer.index, project: answer.project });
    }
    if (served.length === 0) {
        return [
            [
                'not-found',
                notFoundMessage(subject.name, lookup.answers.map(a => a.index))
            ]
        ];
    }
    const issues = [];
    for (const status of STATUS_KINDS) {
        const marking = served.filter(s => s.project.status.status === status);
        if (marking.length === 0)
            continue;
        const reason = marking.find(s => s.project.status.reason)?.project.status.reason;
        const indexes = marking.map(s => s.index);
        issues.push([status, statusMessage(subject.name, status, reason, indexes)]);
    }
    const installable = served.filter(s => s.project.status.status !== 'quarantined');
    if (installable.length === 0)
        return issues;
    const key = (0,version_key/* versionKey */._5)(subject.version);
    const releases = installable.map(s => ({ index: s.index, release: releaseOf(s.project, key) }));
    const files = sum(releases.map(r => r.release?.files ?? 0));
    const yanked = sum(releases.map(r => r.release?.yankedFiles ?? 0));
    if (files > 0 && yanked === files) {
        const reason = releases.find(r => r.release?.yankedReason)?.release?.yankedReason;
        const indexes = releases.filter(r => (r.release?.files ?? 0) > 0).map(r => r.index);
        issues.push(['yanked', yankedMessage(subject.name, subject.version, reason, indexes)]);
    }
    const mismatched = mismatchedDigests(subject.hashes ?? [], releases.map(r => r.release));
    if (mismatched.length > 0) {
        const indexes = installable.map(s => s.index);
        const message = hashMismatchMessage(subject.name, subject.version, mismatched, files, indexes);
        issues.push(['hash-mismatch', message, mismatched]);
    }
    return issues;
}
/** The declared sha256 digests no file of the release has; none when that cannot be told. */
function mismatchedDigests(hashes, releases) {
    const declared = declaredSha256(hashes);
    if (declared.length === 0)
        return [];
    if (releases.some(release => (release?.filesWithoutSha256 ?? 0) > 0))
        return [];
    const known = new Set(releases.flatMap(release => release?.sha256 ?? []));
    return declared.filter(digest => !known.has(digest));
}
/**
 * The sha256 digests among `hashes` as dependency files write them (`sha256:<hex>`, pip's
 * `--hash=sha256:<hex>` value, or `sha256=<hex>`), lowercased, each once; other algorithms
 * are left out. A sha256 that is not 64 hex digits is kept: it matches no file, and says so.
 */
function declaredSha256(hashes) {
    const digests = [];
    for (const hash of hashes) {
        const match = /^\s*sha256\s*[:=]\s*(\S*)\s*$/i.exec(hash);
        const digest = match?.[1]?.toLowerCase();
        if (digest !== undefined && !digests.includes(digest))
            digests.push(digest);
    }
    return digests;
}
function releaseOf(project, key) {
    return project.releases.find(release => (0,version_key/* versionKey */._5)(release.version) === key);
}
function sum(values) {
    return values.reduce((total, value) => total + value, 0);
}

// EXTERNAL MODULE: ./src/health/ignore.ts
var ignore = __webpack_require__(83850);
// EXTERNAL MODULE: ./src/health/look-up.ts + 8 modules
var look_up = __webpack_require__(24717);
;// CONCATENATED MODULE: ./src/health/audit-health.ts
/**
 * The package-health stage for the engine, in two steps so the requests go out first: ask the
 * indexes about every pinned name and version (`askPackageIndexes`, which needs nothing but
 * the pins), then, with the subjects' declared digests read meanwhile, find the issues and
 * drop the ones `package-check-ignore` accepts (`judgePackageHealth`). `auditPackageHealth`
 * does both. It starts no work the advisory lookup waits for, so the engine can run both at
 * once (one signal aborting both when either fails).
 */



/** What the indexes say about every name of `pins` (each with the versions pinned for it). */
function askPackageIndexes(pins, options) {
    return (0,look_up/* lookUpPackageIndexes */.f4)((0,look_up/* healthQueries */.zZ)(pins), options);
}
/** The issues `lookups` show for `subjects`, less those an ignore rule accepts. */
function judgePackageHealth(subjects, lookups, options) {
    const issues = findPackageIssues(subjects, lookups, options);
    return {
        lookups,
        ...(0,ignore/* applyPackageCheckIgnores */.iF)(issues, options.packageCheckIgnore ?? [], options.today)
    };
}
async function auditPackageHealth(subjects, options) {
    return judgePackageHealth(subjects, await askPackageIndexes(subjects, options), options);
}


/***/ })

};
