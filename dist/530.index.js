export const id = 530;
export const ids = [530];
export const modules = {

/***/ 14530:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runAction: () => (/* binding */ runAction)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/config/config.ts + 1 modules
var config_config = __webpack_require__(20799);
// EXTERNAL MODULE: ./src/config/inputs.ts + 3 modules
var inputs = __webpack_require__(40315);
// EXTERNAL MODULE: ./src/shared/escape.ts
var shared_escape = __webpack_require__(76242);
// EXTERNAL MODULE: ./src/shared/text.ts
var shared_text = __webpack_require__(24646);
// EXTERNAL MODULE: ./src/shared/describe-error.ts
var describe_error = __webpack_require__(4459);
// EXTERNAL MODULE: ./src/integrations/dependency-track/run.ts
var dependency_track_run = __webpack_require__(97970);
// EXTERNAL MODULE: ./src/pipeline/run-audit.ts + 4 modules
var run_audit = __webpack_require__(36765);
// EXTERNAL MODULE: ./src/pipeline/run-error.ts
var run_error = __webpack_require__(90444);
// EXTERNAL MODULE: ./src/pipeline/write-reports.ts
var write_reports = __webpack_require__(44951);
;// CONCATENATED MODULE: ./src/integrations/github/actions-core.ts
let loaded;
let loading;
const waiting = [];
/** Runs `use` with @actions/core now if it has loaded, else once it has, in order. */
function withActionsCore(use) {
    if (loaded)
        use(loaded);
    else
        waiting.push(use);
}
/** Loads @actions/core (once) and writes what waited for it. */
function loadActionsCore() {
    loading ??= __webpack_require__.e(/* import() */ 838).then(__webpack_require__.bind(__webpack_require__, 33838)).then(core => {
        // Anything queued while these run goes to the end of the queue, still in order.
        while (waiting.length > 0)
            waiting.shift()(core);
        loaded = core;
        return core;
    });
    return loading;
}
/** An input as core.getInput reads it: INPUT_<NAME>, spaces as underscores, trimmed. */
function actionInput(name, env = process.env) {
    return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

;// CONCATENATED MODULE: ./src/integrations/github/workflow-commands.ts
/**
 * The runner reads any stdout line that starts with '::' (after leading white space) as a
 * workflow command, and '##[' lines as legacy ones. Untrusted text (package names, file
 * contents, advisory text) must never form one, so such lines get a zero-width space.
 */
function neutralizeWorkflowCommands(text) {
    return text.replace(/(^|[\r\n])([ \t]*)(::|##\[)/g, (_match, start, indent, marker) => {
        return `${start}${indent}${marker[0]}\u200b${marker.slice(1)}`;
    });
}

;// CONCATENATED MODULE: ./src/integrations/github/action-logger.ts


/** Logs through @actions/core; every message may carry untrusted text, so none can issue commands. */
const actionLogger = {
    debug: message => withActionsCore(core => core.debug(message)),
    info: message => withActionsCore(core => core.info(neutralizeWorkflowCommands(message))),
    // core.warning escapes its message as command data, so it cannot break out.
    warning: message => withActionsCore(core => core.warning(message))
};

// EXTERNAL MODULE: ./src/report/order.ts
var order = __webpack_require__(20734);
// EXTERNAL MODULE: ./src/shared/paths.ts
var paths = __webpack_require__(40405);
// EXTERNAL MODULE: ./src/report/change-scope.ts
var change_scope = __webpack_require__(54085);
// EXTERNAL MODULE: ./src/health/report-entry.ts
var report_entry = __webpack_require__(88691);
;// CONCATENATED MODULE: ./src/integrations/github/annotations.ts





/** GitHub shows at most this many annotations of each level per step. */
const MAX_ANNOTATIONS = 10;
/**
 * What GitHub's per-step limits leave for the plan. The step's own failure message is one of
 * the errors it shows, and every warning the run emitted on its own (expired ignores, a stale
 * database, a fallback, a failed upload) is one of the warnings: a plan that ignored them
 * would push the verdict itself out of sight.
 */
function annotationBudget(used) {
    return {
        error: Math.max(0, MAX_ANNOTATIONS - (used.failing ? 1 : 0) - (used.errors ?? 0)),
        warning: Math.max(0, MAX_ANNOTATIONS - used.warnings)
    };
}
/**
 * Annotations at the line that declares each problem, worst first: findings that fail the
 * step and license violations as errors, findings below the gate as warnings, package-health
 * findings by whether their kind fails the run. In scope `changes` only the findings the change
 * introduces are annotated (and malware wherever it is): the debt already on the base is in the
 * summary, not on lines the pull request did not touch. Where there are more than GitHub shows,
 * the last slot of that level counts the rest. Messages are plain text: @actions/core escapes
 * them for the workflow command.
 */
function planAnnotations(outcome, repositoryRoot, budget = { error: MAX_ANNOTATIONS, warning: MAX_ANNOTATIONS }) {
    const ranked = outcome.packages
        .map(pkg => ({ pkg, active: activeFindings(pkg, outcome) }))
        .filter(({ active }) => active.length > 0)
        .sort((a, b) => (0,order/* comparePackageFindings */.Ay)({ pkg: a.pkg, findings: a.active }, { pkg: b.pkg, findings: b.active }));
    const errors = [];
    const warnings = [];
    for (const { pkg, active } of ranked) {
        const failing = active.filter(v => v.failing);
        const passing = active.filter(v => !v.failing);
        if (failing.length)
            errors.push(...findingAnnotations(pkg, failing, 'error', repositoryRoot));
        if (passing.length)
            warnings.push(...findingAnnotations(pkg, passing, 'warning', repositoryRoot));
    }
    for (const issue of outcome.packageIssues ?? []) {
        // Scope `changes`: the base's debt is in the summary; a quarantined project is an alarm.
        if ((0,change_scope/* introducedIn */.Bi)(outcome, issue) === false && issue.kind !== 'quarantined')
            continue;
        const annotations = issue.failing ? errors : warnings;
        annotations.push(packageIssueAnnotation(issue, repositoryRoot));
    }
    for (const entry of outcome.licenses.filter(e => e.violation)) {
        const pkg = outcome.packages.find(p => p.name === entry.name && p.version === entry.version);
        const base = {
            level: 'error',
            title: `${entry.name} ${entry.version}: license ${(0,shared_escape/* truncate */.xv)((0,shared_escape/* cleanText */.X5)(entry.license), 60)}`,
            message: `License policy violated: ${entry.rule ?? 'not allowed'}`
        };
        errors.push(...(pkg
            ? pkg.declarations.map(dep => ({ ...base, ...place(dep.location, repositoryRoot) }))
            : [base]));
    }
    return [
        ...capped(errors, 'error', budget.error),
        ...capped(warnings, 'warning', budget.warning)
    ].map(clean);
}
/** Titles and messages quote packages, licenses and advisories: cleaned of what could hide or mislead. */
function clean(annotation) {
    return {
        ...annotation,
        title: (0,shared_escape/* cleanText */.X5)(annotation.title),
        message: (0,shared_escape/* cleanText */.X5)(annotation.message, { multiline: true })
    };
}
function activeFindings(pkg, outcome) {
    return pkg.vulnerabilities
        .filter(v => !v.ignored && (v.malicious || (0,change_scope/* introducedIn */.Bi)(outcome, v) !== false))
        .sort(order/* compareFindings */.Eg);
}
function packageIssueAnnotation(issue, repositoryRoot) {
    return {
        level: issue.failing ? 'error' : 'warning',
        title: `${issue.name} ${issue.version}: ${report_entry/* PACKAGE_ISSUE_RULES */.b[issue.kind].title}`,
        message: issue.reason,
        ...place(issue.location, repositoryRoot)
    };
}
function findingAnnotations(pkg, findings, level, repositoryRoot) {
    const malicious = findings.some(v => v.malicious);
    const count = findings.length;
    const what = malicious
        ? 'MALICIOUS PACKAGE'
        : `${count} known ${count === 1 ? 'vulnerability' : 'vulnerabilities'}`;
    const upgrade = pkg.recommendedVersion === undefined
        ? ''
        : pkg.recommendedVersion === null
            ? ` (${pkg.upgradeNote ?? 'no version without known vulnerabilities'})`
            : ` (upgrade to ${pkg.recommendedVersion})`;
    const title = `${pkg.name} ${pkg.version}: ${what}${malicious ? '' : upgrade}`;
    const message = findings
        .map(vuln => {
        const ids = [vuln.id, ...vuln.aliases.filter(alias => alias.startsWith('CVE-'))].join(' / ');
        const fix = vuln.fixVersions.length
            ? `fixed in ${vuln.fixVersions.join(', ')}`
            : 'no fix known';
        return `${ids} [${(0,order/* severityLabel */.yi)(vuln.severity)}] (${fix}): ${(0,shared_escape/* truncate */.xv)((0,shared_escape/* cleanText */.X5)(vuln.description), 160)}`;
    })
        .join('\n');
    return pkg.declarations.map(dep => ({
        level,
        title,
        // A pin under an environment marker is installed only where it holds: say where.
        message: dep.marker === undefined
            ? message
            : `Installed only where ${(0,shared_escape/* truncate */.xv)((0,shared_escape/* cleanText */.X5)(dep.marker), 200)}.\n${message}`,
        ...place(dep.location, repositoryRoot)
    }));
}
function place(location, root) {
    return {
        file: (0,paths/* repositoryPath */.S)(location.file, root),
        ...(location.line > 0 ? { line: location.line } : {})
    };
}
function capped(annotations, level, limit) {
    if (annotations.length <= limit)
        return annotations;
    if (limit <= 0)
        return [];
    const shown = annotations.slice(0, limit - 1);
    const hidden = annotations.length - shown.length;
    shown.push({
        level,
        title: `${hidden} more`,
        message: `${hidden} more ${level === 'error' ? 'errors' : 'warnings'} are not annotated (GitHub shows ${MAX_ANNOTATIONS} per step); see the job summary or the report.`
    });
    return shown;
}

;// CONCATENATED MODULE: ./src/report/markdown-error.ts

/**
 * The Markdown of a run that ended in error (`result: error`): what went wrong, naming the
 * feed, the input or the file, then what was checked before it and what was not. No count
 * and no pass: what was not checked is not reported clean. Every line may quote a server or a
 * file, so each is escaped.
 */
function renderRunErrorSection(error) {
    const list = (title, lines) => lines.length > 0
        ? [`**${title}**`, '', ...lines.map(line => `- ${(0,shared_escape/* escapeMarkdown */.FV)(line)}`), '']
        : [];
    return [
        '### ⛔ Error: the audit could not finish',
        '',
        `> ${(0,shared_escape/* escapeMarkdown */.FV)(error.message)}`,
        '',
        ...list('Checked', error.checked),
        ...list('Not checked', error.notChecked),
        'What was not checked is not reported clean: the step fails until the audit can finish.'
    ];
}
/** The whole job summary (and pull-request comment) of a run that ended in error. */
function renderRunError(error) {
    return ['## Python dependency audit', '', ...renderRunErrorSection(error), ''].join('\n');
}

;// CONCATENATED MODULE: ./src/report/markdown-cells.ts
/**
 * The pieces of the job summary and comment: table rows, severity badges, advisory links and
 * links to the line that declares a package. Untrusted text only ever passes escapeMarkdown
 * (or escapeHtml inside HTML blocks); the only live links are ones we build.
 */




// Untrusted text inside an HTML block: the reports take it from here, with the other cells.

const SEVERITY_BADGE = {
    critical: '🟥',
    high: '🟧',
    medium: '🟨',
    low: '🟩',
    unknown: '⬜'
};
/** "🟨 medium 5.4" */
function severityCell(severity) {
    return `${SEVERITY_BADGE[severity.level]} ${(0,order/* severityLabel */.yi)(severity)}`;
}
function advisoryLink(id) {
    return `[${(0,shared_escape/* escapeMarkdown */.FV)(id)}](${(0,paths/* advisoryUrl */.L)(id)})`;
}
function row(cells) {
    return `| ${cells.join(' | ')} |`;
}
function tableHead(...titles) {
    return [row(titles), row(titles.map(() => '---'))];
}
/** Places in the repository, as text or as links to their lines at the run's commit. */
class Places {
    repositoryRoot;
    base;
    constructor(repositoryRoot, sourceLink) {
        this.repositoryRoot = repositoryRoot;
        this.base = sourceLink ? blobBase(sourceLink) : undefined;
    }
    /** "app/requirements.txt:23", a link to that line when the run's commit is known. */
    at(location) {
        const shown = (0,paths/* repositoryPath */.S)(location.file, this.repositoryRoot);
        const text = (0,shared_escape/* escapeMarkdown */.FV)(location.line > 0 ? `${shown}:${location.line}` : shown);
        if (this.base === undefined || !isInside(shown))
            return text;
        const anchor = location.line > 0 ? `#L${location.line}` : '';
        return `[${text}](${this.base}/${shown.split('/').map(encodeSegment).join('/')}${anchor})`;
    }
    /** Every place, one per line of a cell; past `max`, a count of the rest. */
    list(locations, max = Infinity) {
        const shown = locations.slice(0, max).map(location => this.at(location));
        if (locations.length > max)
            shown.push(`and ${locations.length - max} more`);
        return shown.join('<br>');
    }
}
/**
 * `<server>/<owner>/<name>/blob/<sha>`, or undefined when a part is not what GitHub sets
 * (the link must go where it says, and nothing in it may end the Markdown link early).
 */
function blobBase({ server, repository, sha }) {
    let url;
    try {
        url = new URL(server);
    }
    catch {
        return undefined;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
        return undefined;
    if (url.username || url.password || url.search || url.hash)
        return undefined;
    if (!/^[\w.-]+\/[\w.-]+$/.test(repository) || !/^[0-9a-f]{7,64}$/i.test(sha))
        return undefined;
    const origin = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
    if (!/^[\w.:/%-]+$/.test(origin))
        return undefined;
    return `${origin}/${repository}/blob/${sha}`;
}
/** A repository-relative path: not absolute (outside the repository), no `..`. */
function isInside(shown) {
    return !external_node_path_.isAbsolute(shown) && !shown.split('/').includes('..');
}
/** encodeURIComponent leaves ( ) ! ' * as they are; a ')' would end the Markdown link. */
function encodeSegment(segment) {
    return encodeURIComponent(segment).replace(/[()!'*]/g, char => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

;// CONCATENATED MODULE: ./src/report/markdown-fix.ts




/** Longest patch shown in the summary; the whole patch is in the fix-patch file. */
const MAX_PATCH_CHARACTERS = 30_000;
/** A command shown as code only when it is this plain (lockfile-commands.ts makes them so). */
const PLAIN_COMMAND = /^[A-Za-z0-9._=+/:@'"<>!,~^* -]+$/;
const NOTE_TITLES = {
    'range-admits': 'Range already admits the fix',
    'range-excludes': 'Range excludes the fix',
    'needs-hand': 'Needs a hand',
    'no-fix': 'No clean version known'
};
/** The section's lines; none when the run did not fix. */
function renderFixSection(fix, places, repositoryRoot) {
    if (!fix)
        return [];
    const lines = [`### Fixes (${fix.fixed.length})`, ''];
    const files = fix.changedFiles.length;
    lines.push(fix.fixed.length > 0
        ? `\`fix\` rewrote ${(0,shared_text/* plural */.LS)(fix.fixed.length, 'declaration')} in ${(0,shared_text/* plural */.LS)(files, 'file')}; this audit is of the fixed files.`
        : '`fix` changed no file.', '');
    if (fix.fixed.length > 0) {
        lines.push(...tableHead('Package', 'From', 'To', 'Declared in', 'Specifier'));
        for (const fixed of fix.fixed) {
            lines.push(row([
                (0,shared_escape/* escapeMarkdown */.FV)(fixed.name),
                (0,shared_escape/* escapeMarkdown */.FV)(fixed.version),
                (0,shared_escape/* escapeMarkdown */.FV)(fixed.fixVersion),
                places.at(fixed.location),
                `${(0,shared_escape/* escapeMarkdown */.FV)(fixed.before)} → ${(0,shared_escape/* escapeMarkdown */.FV)(fixed.after)}`
            ]));
        }
        lines.push('');
    }
    if (fix.lockfiles.length > 0) {
        lines.push(`**Lockfile pins (${fix.lockfiles.length})**: a lockfile is rewritten by its own tool; run each command in the lockfile's directory.`, '', ...tableHead('Package', 'From', 'To', 'Lockfile', 'Command'));
        for (const lock of fix.lockfiles) {
            const directory = (0,paths/* repositoryPath */.S)(lock.directory, repositoryRoot);
            const constraint = lock.constraint
                ? `<br>first declare ${code(lock.constraint)} in pyproject.toml: its range excludes ${(0,shared_escape/* escapeMarkdown */.FV)(lock.fixVersion)}`
                : '';
            lines.push(row([
                (0,shared_escape/* escapeMarkdown */.FV)(lock.name),
                (0,shared_escape/* escapeMarkdown */.FV)(lock.version),
                (0,shared_escape/* escapeMarkdown */.FV)(lock.fixVersion),
                places.at({ file: lock.lockfile, line: 0 }),
                `${code(lock.shown)}${directory === lock.directory ? '' : ` (in ${(0,shared_escape/* escapeMarkdown */.FV)(directory)})`}${constraint}`
            ]));
        }
        lines.push('');
    }
    if (fix.notes.length > 0) {
        lines.push(`**Not changed (${fix.notes.length})**`, '', ...tableHead('Package', 'Version', 'Declared in', 'Why'));
        for (const note of fix.notes) {
            const target = note.fixVersion ? ` → ${(0,shared_escape/* escapeMarkdown */.FV)(note.fixVersion)}` : '';
            const constraint = note.constraint ? `; declare ${code(note.constraint)}` : '';
            lines.push(row([
                (0,shared_escape/* escapeMarkdown */.FV)(note.name),
                `${(0,shared_escape/* escapeMarkdown */.FV)(note.version)}${target}`,
                places.at(note.location),
                `${NOTE_TITLES[note.kind]}: ${(0,shared_escape/* escapeMarkdown */.FV)(note.detail)}${constraint}`
            ]));
        }
        lines.push('');
    }
    if (fix.patch !== '')
        lines.push(...patchBlock(fix.patch, files));
    return lines;
}
/** The patch, folded, in a fence no line of it can close. */
function patchBlock(patch, files) {
    const cleaned = (0,shared_escape/* cleanText */.X5)(patch, { multiline: true });
    const shown = cleaned.length > MAX_PATCH_CHARACTERS
        ? `${cleaned.slice(0, cleaned.lastIndexOf('\n', MAX_PATCH_CHARACTERS) + 1)}… (cut here: the whole patch is in the fix-patch file and the artifact)\n`
        : cleaned;
    const fence = '`'.repeat(Math.max(3, longestRun(shown, '`') + 1));
    return [
        `<details><summary>The patch (${(0,shared_escape/* escapeHtml */.ZD)((0,shared_text/* plural */.LS)(files, 'file'))})</summary>`,
        '',
        `${fence}diff`,
        shown.replace(/\n$/, ''),
        fence,
        '',
        '</details>',
        ''
    ];
}
/** Text as inline code: only plain commands and constraints; anything else escaped as text. */
function code(text) {
    return PLAIN_COMMAND.test(text) && !text.includes('`') ? `\`${text}\`` : (0,shared_escape/* escapeMarkdown */.FV)(text);
}
function longestRun(text, character) {
    let longest = 0;
    let run = 0;
    for (const char of text) {
        run = char === character ? run + 1 : 0;
        longest = Math.max(longest, run);
    }
    return longest;
}

// EXTERNAL MODULE: ./src/report/counts.ts
var report_counts = __webpack_require__(65132);
// EXTERNAL MODULE: ./src/deps/marker-text.ts
var marker_text = __webpack_require__(67000);
// EXTERNAL MODULE: ./src/report/sections.ts
var report_sections = __webpack_require__(43844);
;// CONCATENATED MODULE: ./src/report/markdown.ts










/** Overview cells list this many places of a package; its folded section lists them all. */
const OVERVIEW_PLACES = 3;
const ISSUE_REASON_LENGTH = 600;
/** The longest environment marker shown beside a conditional pin. */
const MARKER_LENGTH = 200;
/** A longer list of dependencies not audited is folded. */
const FOLD_SKIPPED = 10;
/**
 * The job summary and pull-request comment: the verdict; malware and quarantined projects;
 * an overview of the vulnerable packages (one row each, worst first) with each package's
 * advisories folded below it; in scope `changes` what the change introduces, then what it
 * fixes, then the debt already on the base, folded; then the index's findings, licenses,
 * ignores and what was not audited.
 */
function renderMarkdown(outcome, options) {
    const places = new Places(options.repositoryRoot, options.sourceLink);
    const sections = (0,report_sections/* reportSections */.l)(outcome);
    const lines = ['## Python dependency audit', ''];
    append(lines, outcome.result === 'error' && outcome.error
        ? errorHead(outcome, sections, outcome.error)
        : verdict(outcome, sections));
    lines.push('');
    if (sections.alarms.length > 0)
        append(lines, alarmSection(sections.alarms, places));
    append(lines, renderFixSection(outcome.fix, places, options.repositoryRoot));
    const changes = sections.changes;
    if (changes) {
        lines.push('### Introduced by this change', '');
        if (sections.vulnerable.length === 0)
            lines.push('No known vulnerabilities: this change brings in none.', '');
        else
            append(lines, vulnerabilities(sections.vulnerable, places, options));
        if (changes.fixed.length > 0)
            append(lines, fixedSection(changes.fixed));
        if (changes.alreadyThere.length > 0) {
            const tally = (0,report_counts/* tallyFindings */.v)(changes.alreadyThere);
            const base = `${(0,shared_escape/* escapeHtml */.ZD)(changes.base.ref)} at ${(0,shared_escape/* escapeHtml */.ZD)(changes.base.sha.slice(0, 7))}`;
            lines.push(`### Already on the base branch (${tally.findings})`, '', `<details><summary>${(0,shared_text/* plural */.LS)(tally.findings, 'vulnerability', 'vulnerabilities')} in ${(0,shared_text/* plural */.LS)(tally.packages, 'package')} that ${base} already had: reported, not counted in the verdict</summary>`, '');
            append(lines, vulnerabilities(changes.alreadyThere, places, options));
            lines.push('</details>', '');
        }
    }
    else if (sections.vulnerable.length > 0) {
        lines.push('### Vulnerabilities', '');
        append(lines, vulnerabilities(sections.vulnerable, places, options));
    }
    if (sections.packageIssues.length > 0)
        append(lines, packageIssueSection(sections.packageIssues, places));
    if (changes && changes.packageIssuesAlreadyThere.length > 0) {
        const base = `${(0,shared_escape/* escapeHtml */.ZD)(changes.base.ref)} at ${(0,shared_escape/* escapeHtml */.ZD)(changes.base.sha.slice(0, 7))}`;
        const issues = changes.packageIssuesAlreadyThere;
        lines.push(`### Package issues already on the base branch (${issues.length})`, '', `<details><summary>${(0,shared_text/* plural */.LS)(issues.length, 'package issue')} that ${base} already had: reported, not counted in the verdict</summary>`, '');
        append(lines, packageIssueTable(issues, places));
        lines.push('</details>', '');
    }
    const violations = outcome.licenses.filter(entry => entry.violation);
    if (violations.length > 0) {
        lines.push(`### License violations (${violations.length})`, '');
        lines.push(...tableHead('Package', 'Version', 'License', 'SPDX', 'Rule'));
        for (const entry of violations)
            lines.push(licenseRow(entry));
        lines.push('');
    }
    const ignored = outcome.packages.flatMap(pkg => pkg.vulnerabilities.filter(v => v.ignored).map(v => ({ pkg, v })));
    if (ignored.length > 0) {
        lines.push(`### Ignored findings (${ignored.length})`, '');
        lines.push(...tableHead('Package', 'Advisory', 'Severity', 'Reason', 'Until', 'Rule'));
        for (const { pkg, v } of ignored) {
            lines.push(row([
                `${(0,shared_escape/* escapeMarkdown */.FV)(pkg.name)} ${(0,shared_escape/* escapeMarkdown */.FV)(pkg.version)}`,
                advisoryLink(v.id),
                severityCell(v.severity),
                (0,shared_escape/* escapeMarkdown */.FV)(v.ignored?.reason ?? '(no reason given)'),
                (0,shared_escape/* escapeMarkdown */.FV)(v.ignored?.until ?? 'no expiry'),
                (0,shared_escape/* escapeMarkdown */.FV)(v.ignored?.origin ?? '')
            ]));
        }
        lines.push('');
    }
    if (outcome.skipped.length > 0) {
        // A long list (every pin, when the run stopped before its lookup) is folded, not left out.
        const fold = outcome.skipped.length > FOLD_SKIPPED;
        lines.push(`### Not audited (${outcome.skipped.length})`, '');
        if (fold)
            lines.push(`<details><summary>${(0,shared_text/* plural */.LS)(outcome.skipped.length, 'dependency', 'dependencies')} and why</summary>`, '');
        lines.push(...tableHead('Dependency', 'Declared in', 'Reason'));
        for (const skip of outcome.skipped) {
            lines.push(row([
                (0,shared_escape/* escapeMarkdown */.FV)(skip.version ? `${skip.name} ${skip.version}` : skip.name),
                places.at(skip.location),
                (0,shared_escape/* escapeMarkdown */.FV)(skip.reason)
            ]));
        }
        lines.push('');
        if (fold)
            lines.push('</details>', '');
    }
    lines.push(footer(outcome, options.repositoryRoot), '');
    return lines.join('\n');
}
function verdict(outcome, sections) {
    const { parts, findings } = headline(outcome, sections);
    const head = outcome.result === 'error'
        ? '### ⛔ Error'
        : outcome.result === 'fail'
            ? '### ❌ Failed'
            : outcome.nothingAudited !== undefined
                ? '### ⚠️ Passed, but nothing was audited'
                : findings
                    ? '### ⚠️ Passed with findings'
                    : '### ✅ Passed';
    // A pass that audited nothing says why; a failure's reasons already do.
    const why = outcome.result === 'pass' && outcome.nothingAudited !== undefined
        ? [
            `\n> Nothing was audited: ${(0,shared_escape/* escapeMarkdown */.FV)(outcome.nothingAudited)}. (strict: true fails the step then.)`
        ]
        : [];
    return [
        head,
        '',
        `**${parts.join(' · ')}**`,
        ...why,
        ...outcome.failureReasons.map(reason => `\n> ${(0,shared_escape/* escapeMarkdown */.FV)(reason)}`)
    ];
}
/**
 * A run that ended in error: what went wrong and what was and was not checked, never a count
 * that could read as clean; what it had found, when it had reached its verdict.
 */
function errorHead(outcome, sections, error) {
    const lines = renderRunErrorSection(error);
    if (outcome.packages.length === 0)
        return lines;
    return [
        ...lines,
        '',
        `**Found before the error: ${headline(outcome, sections).parts.join(' · ')}**`,
        ...outcome.failureReasons
            .filter(reason => reason !== error.message)
            .map(reason => `\n> ${(0,shared_escape/* escapeMarkdown */.FV)(reason)}`)
    ];
}
/** The counts of the verdict line, and whether there is anything to report at all. */
function headline(outcome, sections) {
    const counts = (0,report_counts/* summaryCounts */.NB)(outcome);
    const malicious = sections.alarms.length;
    const vulnerable = (0,report_counts/* tallyFindings */.v)(sections.vulnerable);
    const issues = sections.packageIssues.length;
    const parts = [];
    if (sections.changes) {
        // The good news first: what the change fixes, then what it brings in.
        const already = (0,report_counts/* tallyFindings */.v)(sections.changes.alreadyThere).findings;
        parts.push(`${sections.changes.fixed.length} fixed by this change, ${vulnerable.findings} introduced, ${already} already on the base`);
    }
    const clean = counts.vulnerabilities === 0 && malicious === 0;
    parts.push(outcome.nothingAudited !== undefined && counts.packages === 0
        ? 'Nothing was audited.'
        : clean
            ? `No known vulnerabilities in ${(0,shared_text/* plural */.LS)(counts.packages, 'package')}.`
            : `${(0,shared_text/* plural */.LS)(counts.packages, 'package')} audited`);
    if (malicious > 0) {
        const what = sections.alarms.some(alarm => alarm.quarantined.length > 0)
            ? 'malicious or quarantined package'
            : 'malicious package';
        parts.push(`🚨 ${(0,shared_text/* plural */.LS)(malicious, what)}`);
    }
    if (!sections.changes && vulnerable.findings > 0) {
        parts.push(`${(0,shared_text/* plural */.LS)(vulnerable.findings, 'vulnerability', 'vulnerabilities')} (${(0,report_counts/* describeSeverities */.h1)(vulnerable.bySeverity)}) in ${(0,shared_text/* plural */.LS)(vulnerable.packages, 'package')}`);
    }
    if (issues > 0)
        parts.push((0,shared_text/* plural */.LS)(issues, 'package issue'));
    if (counts.license_violations > 0)
        parts.push((0,shared_text/* plural */.LS)(counts.license_violations, 'license violation'));
    if (counts.ignored > 0)
        parts.push(`${counts.ignored} ignored`);
    if (counts.skipped > 0)
        parts.push(`${counts.skipped} not audited`);
    const findings = !clean || issues > 0 || counts.license_violations + counts.ignored + counts.skipped > 0;
    return { parts, findings };
}
function alarmSection(alarms, places) {
    const quarantined = alarms.some(alarm => alarm.quarantined.length > 0);
    const lines = [
        quarantined ? '### 🚨 Malicious and quarantined packages' : '### 🚨 Malicious packages',
        '',
        'These packages are known malware, not merely vulnerable' +
            (quarantined ? ', or the package index has quarantined them' : '') +
            '. Remove them, and rotate every credential and secret the environments that installed them could reach.',
        '',
        ...tableHead('Package', 'Version', 'Why', 'Declared in')
    ];
    for (const alarm of alarms) {
        const why = [
            ...alarm.advisories.map(finding => advisoryLink(finding.id)),
            ...distinct(alarm.quarantined.map(issue => issue.reason)).map(reason => `quarantined by the index: ${(0,shared_escape/* escapeMarkdown */.FV)((0,shared_escape/* truncate */.xv)((0,shared_escape/* cleanText */.X5)(reason), 300))}`)
        ];
        lines.push(row([
            `**${(0,shared_escape/* escapeMarkdown */.FV)(alarm.name)}**`,
            (0,shared_escape/* escapeMarkdown */.FV)(alarm.version),
            why.join('<br>'),
            places.list(alarm.locations)
        ]));
    }
    return [...lines, ''];
}
/** One overview row per package, worst first, then each package's advisories folded. */
function vulnerabilities(groups, places, options) {
    const shown = groups.slice(0, options.maxPackages ?? Infinity);
    const lines = tableHead('Package', 'Version', 'Worst', 'Advisories', 'Upgrade to', 'Declared in');
    for (const group of shown) {
        lines.push(row([
            `**${(0,shared_escape/* escapeMarkdown */.FV)(group.pkg.name)}**`,
            (0,shared_escape/* escapeMarkdown */.FV)(group.pkg.version),
            severityCell((0,order/* worstFinding */.tq)(group).severity),
            String(group.findings.length),
            upgradeCell(group),
            places.list(group.pkg.declarations.map(dep => dep.location), OVERVIEW_PLACES) + onlyWhere(group, '<br>')
        ]));
    }
    lines.push('');
    if (groups.length > shown.length) {
        lines.push(`…and ${groups.length - shown.length} more vulnerable packages: see the full report in the workflow artifact.`, '');
    }
    const folded = shown.slice(0, options.maxDetails ?? Infinity);
    for (const group of folded)
        append(lines, advisoryDetails(group, places, options));
    if (shown.length > folded.length) {
        lines.push(`The advisories of the other ${(0,shared_text/* plural */.LS)(shown.length - folded.length, 'package')} are in the full report in the workflow artifact.`, '');
    }
    return lines;
}
function advisoryDetails(group, places, options) {
    const { pkg, findings } = group;
    const worst = severityCell((0,order/* worstFinding */.tq)(group).severity);
    const lines = [
        `<details><summary><b>${(0,shared_escape/* escapeHtml */.ZD)(pkg.name)} ${(0,shared_escape/* escapeHtml */.ZD)(pkg.version)}</b>: ${(0,shared_text/* plural */.LS)(findings.length, 'advisory', 'advisories')}, worst ${worst}</summary>`,
        '',
        `Declared in ${places.list(pkg.declarations.map(dep => dep.location))}${onlyWhere(group, ' · ')}${upgradeAdvice(group)}`,
        '',
        ...tableHead('Severity', 'Advisory', 'Fixed in', 'Summary')
    ];
    for (const v of findings) {
        lines.push(row([
            severityCell(v.severity),
            `${advisoryLink(v.id)}${v.aliases.length ? `<br><sub>${v.aliases.map(shared_escape/* escapeMarkdown */.FV).join(', ')}</sub>` : ''}`,
            v.fixVersions.length ? v.fixVersions.map(shared_escape/* escapeMarkdown */.FV).join(', ') : 'no fix known',
            (0,shared_escape/* escapeMarkdown */.FV)((0,shared_escape/* truncate */.xv)((0,shared_escape/* cleanText */.X5)(v.description), options.maxDescription ?? 200))
        ]));
    }
    return [...lines, '', '</details>', ''];
}
function upgradeCell({ pkg }) {
    if (pkg.vulnerabilities.some(v => v.malicious && !v.ignored))
        return 'remove it (malicious)';
    if (pkg.recommendedVersion === undefined)
        return '—';
    return pkg.recommendedVersion === null
        ? 'none known'
        : `**${(0,shared_escape/* escapeMarkdown */.FV)(pkg.recommendedVersion)}**`;
}
/** "only where `marker`" after `separator`, for a package every pin of which is conditional. */
function onlyWhere({ pkg }, separator) {
    const marker = (0,marker_text/* conditionOf */.rI)(pkg.declarations);
    if (marker === undefined)
        return '';
    const shown = (0,shared_escape/* escapeMarkdown */.FV)((0,shared_escape/* truncate */.xv)((0,shared_escape/* cleanText */.X5)(marker), MARKER_LENGTH));
    return `${separator}only where <code>${shown}</code>`;
}
/** What follows "Declared in …" in a folded section. */
function upgradeAdvice({ pkg }) {
    if (pkg.vulnerabilities.some(v => v.malicious && !v.ignored))
        return ' · remove it (malicious)';
    if (pkg.recommendedVersion === undefined)
        return '';
    if (pkg.recommendedVersion === null) {
        return ` · ${pkg.upgradeNote ? (0,shared_escape/* escapeMarkdown */.FV)(pkg.upgradeNote) : 'no version without known vulnerabilities'}`;
    }
    return ` · upgrade to **${(0,shared_escape/* escapeMarkdown */.FV)(pkg.recommendedVersion)}**`;
}
function fixedSection(fixed) {
    const lines = [
        `### ✅ Fixed by this change (${fixed.length})`,
        '',
        ...tableHead('Package', 'Was', 'Now', 'Advisories it clears')
    ];
    for (const fix of fixed) {
        const ids = fix.advisories.slice(0, 10).map(advisoryLink);
        if (fix.advisories.length > 10)
            ids.push(`and ${fix.advisories.length - 10} more`);
        lines.push(row([
            `**${(0,shared_escape/* escapeMarkdown */.FV)(fix.name)}**`,
            (0,shared_escape/* escapeMarkdown */.FV)(fix.oldVersion),
            fix.newVersion === null ? 'removed' : (0,shared_escape/* escapeMarkdown */.FV)(fix.newVersion),
            ids.join(', ')
        ]));
    }
    return [...lines, ''];
}
function packageIssueSection(issues, places) {
    const failing = issues.filter(issue => issue.failing).length;
    return [
        `### Package issues (${issues.length})`,
        '',
        `What the package index says of these pins${failing > 0 ? `; ${(0,shared_text/* plural */.LS)(failing, 'fails', 'fail')} the step` : ''}.`,
        '',
        ...packageIssueTable(issues, places)
    ];
}
function packageIssueTable(issues, places) {
    const lines = tableHead('Issue', 'Package', 'Version', 'Declared in', 'Details');
    for (const issue of issues) {
        lines.push(row([
            `${issue.failing ? '❌' : '⚠️'} ${issue.kind}`,
            `**${(0,shared_escape/* escapeMarkdown */.FV)(issue.name)}**`,
            (0,shared_escape/* escapeMarkdown */.FV)(issue.version),
            places.at(issue.location),
            (0,shared_escape/* escapeMarkdown */.FV)((0,shared_escape/* truncate */.xv)((0,shared_escape/* cleanText */.X5)(issue.reason), ISSUE_REASON_LENGTH))
        ]));
    }
    return [...lines, ''];
}
function licenseRow(entry) {
    return row([
        `**${(0,shared_escape/* escapeMarkdown */.FV)(entry.name)}**`,
        (0,shared_escape/* escapeMarkdown */.FV)(entry.version),
        (0,shared_escape/* escapeMarkdown */.FV)(entry.license),
        entry.spdx ? (0,shared_escape/* escapeMarkdown */.FV)(entry.spdx) : '—',
        (0,shared_escape/* escapeMarkdown */.FV)(entry.rule ?? '')
    ]);
}
function footer(outcome, root) {
    const files = outcome.sources.map(source => `${(0,shared_escape/* escapeMarkdown */.FV)((0,paths/* repositoryPath */.S)(source.file, root))} (${source.format})`);
    const database = outcome.databaseUpdated
        ? `, data updated ${outcome.databaseUpdated.slice(0, 10)}`
        : '';
    return `<sub>Read ${files.length ? files.join(', ') : 'no dependency files'}. Checked against ${(0,shared_escape/* escapeMarkdown */.FV)(outcome.feed)}${database}. ${outcome.tool.name} ${outcome.tool.version}.</sub>`;
}
/** push(...items) passes every item as an argument: too many overflow the stack. */
function append(lines, items) {
    for (const item of items)
        lines.push(item);
}
function distinct(values) {
    return [...new Set(values)];
}

;// CONCATENATED MODULE: ./src/integrations/github/summary.ts

/** GitHub refuses a step summary over 1 MiB; stay below it with room for what follows. */
const MAX_SUMMARY_BYTES = 1000 * 1024;
const SUMMARY_LIMIT = {
    max: MAX_SUMMARY_BYTES,
    unit: 'bytes',
    note: `\n_Shortened to fit GitHub's summary limit: the full summary is pyaudit-summary.md in the workflow artifact._\n`
};
/**
 * Ever shorter forms, tried in order: advisory text cut shorter, then fewer packages with
 * their advisory tables folded in (the overview still lists every one), then a shorter overview.
 */
const SHORTER = [
    { maxDescription: 100 },
    { maxDescription: 100, maxDetails: 200 },
    { maxDescription: 100, maxDetails: 20 },
    { maxDetails: 0 },
    { maxDetails: 0, maxPackages: 1000 },
    { maxDetails: 0, maxPackages: 100 }
];
/**
 * The full summary when it fits, else shorter ones until one does; the full Markdown always
 * goes into the artifact.
 */
function fitSummary(markdown, outcome, options, maxBytes = MAX_SUMMARY_BYTES) {
    return fitMarkdown(markdown, outcome, options, { ...SUMMARY_LIMIT, max: maxBytes });
}
/**
 * `markdown` (rendered with `options`) when it fits the limit, else the first shorter form
 * that does, with the note; as a last resort its head, cut at a line end with every fold and
 * fence it opened closed, so what follows is never swallowed by a `<details>`.
 */
function fitMarkdown(markdown, outcome, options, limit) {
    const size = (text) => limit.unit === 'bytes' ? Buffer.byteLength(text) : text.length;
    if (size(markdown) <= limit.max)
        return markdown;
    let text = markdown;
    for (const shorter of SHORTER) {
        text = renderMarkdown(outcome, tighter(options, shorter));
        if (size(text + limit.note) <= limit.max)
            return text + limit.note;
    }
    // Still too long (thousands of ignores or skips): the head, verdict first, cut at a line end.
    let room = limit.max - size(limit.note);
    for (;;) {
        const head = cutAtLine(text, room, limit.unit);
        const fitted = `${head}\n${closeOpenBlocks(head)}${limit.note}`;
        if (size(fitted) <= limit.max || head === '')
            return fitted;
        room = size(head) - 1;
    }
}
/** The shorter form's bounds, never looser than the caller's own (a comment's 30 packages). */
function tighter(options, shorter) {
    const merged = { ...options, ...shorter };
    for (const key of ['maxDescription', 'maxDetails', 'maxPackages']) {
        const own = options[key];
        const other = shorter[key];
        if (own !== undefined && other !== undefined)
            merged[key] = Math.min(own, other);
    }
    return merged;
}
function cutAtLine(text, room, unit) {
    const head = unit === 'bytes' ? Buffer.from(text).subarray(0, room).toString('utf8') : text.slice(0, room);
    // A cut inside a character (or a surrogate pair) lies after the last line end: it goes too.
    return head.slice(0, Math.max(head.lastIndexOf('\n'), 0));
}
/** The fence and the `<details>` folds still open at the end of `head`, closed, innermost first. */
function closeOpenBlocks(head) {
    let fence;
    let folds = 0;
    for (const line of head.split('\n')) {
        const backticks = /^ {0,3}(`{3,})/.exec(line)?.[1];
        if (fence !== undefined) {
            if (backticks !== undefined &&
                backticks.length >= fence.length &&
                line.trim() === backticks) {
                fence = undefined;
            }
            continue;
        }
        if (backticks !== undefined) {
            fence = backticks;
            continue;
        }
        folds += (line.match(/<details>/g) ?? []).length;
        folds -= (line.match(/<\/details>/g) ?? []).length;
    }
    const closers = fence !== undefined ? [fence] : [];
    for (let i = 0; i < folds; i++)
        closers.push('</details>');
    return closers.length > 0 ? `${closers.join('\n')}\n` : '';
}

// EXTERNAL MODULE: ./src/integrations/github/artifact.ts
var github_artifact = __webpack_require__(89893);
;// CONCATENATED MODULE: ./src/integrations/github/actions-cache.ts
const KEY_PREFIX = 'pyaudit-osv-v2';
/** The cache service refuses longer keys. */
const MAX_KEY_LENGTH = 512;
const loadActionsCache = () => Promise.all(/* import() */[__webpack_require__.e(838), __webpack_require__.e(30), __webpack_require__.e(692)]).then(__webpack_require__.bind(__webpack_require__, 45692));
/**
 * Whether a cache service is configured for this run: @actions/cache needs the runtime
 * token and ACTIONS_CACHE_URL (service v1) or ACTIONS_RESULTS_URL (v2).
 */
function cacheServiceConfigured(env) {
    return Boolean(env.ACTIONS_RUNTIME_TOKEN && (env.ACTIONS_CACHE_URL || env.ACTIONS_RESULTS_URL));
}
function cacheKeys(env, platform = process.platform) {
    const prefix = `${KEY_PREFIX}-${keyPart(env.RUNNER_OS || platform)}-`;
    const run = [env.GITHUB_RUN_ID || 'local', env.GITHUB_RUN_ATTEMPT || '1', env.GITHUB_JOB || 'job'];
    const primary = `${prefix}${run.map(keyPart).join('-')}`.slice(0, MAX_KEY_LENGTH);
    return { primary, restore: [prefix] };
}
/**
 * Restores the newest saved cache into `dir`. Undefined when there is no cache service, so
 * the caller has nothing to save later either.
 */
async function restoreCacheDir(dir, env, logger, load = loadActionsCache) {
    if (!cacheServiceConfigured(env)) {
        logger.debug('No Actions cache service here; the advisory cache stays local');
        return undefined;
    }
    const { primary, restore } = cacheKeys(env);
    try {
        const service = await load();
        if (!service.isFeatureAvailable())
            return undefined;
        const matchedKey = await service.restoreCache([dir], primary, restore);
        if (matchedKey)
            logger.info(`Advisory cache restored from ${matchedKey}`);
        else
            logger.debug('No saved advisory cache yet');
        return { primaryKey: primary, ...(matchedKey ? { matchedKey } : {}) };
    }
    catch (error) {
        logger.warning(`Advisory cache not restored (the audit goes on without it): ${messageOf(error)}`);
        return { primaryKey: primary };
    }
}
/**
 * Saves `dir` when the run fetched something new (`changed`) and the restored entry is not
 * already this run's own. Resolves to whether a save was attempted and reported success.
 */
async function saveCacheDir(dir, restored, changed, logger, load = loadActionsCache) {
    if (!restored || !changed || restored.matchedKey === restored.primaryKey)
        return false;
    try {
        const service = await load();
        const id = await service.saveCache([dir], restored.primaryKey);
        // @actions/cache reports its own failures (as warnings) and answers -1 for them.
        if (id === -1)
            return false;
        logger.info(`Advisory cache saved as ${restored.primaryKey}`);
        return true;
    }
    catch (error) {
        logger.warning(`Advisory cache not saved: ${messageOf(error)}`);
        return false;
    }
}
/** Key parts: no commas (the service splits keys on them), nothing surprising. */
function keyPart(value) {
    return value.replace(/[^A-Za-z0-9._-]+/g, '_');
}
function messageOf(error) {
    // One line: the runner reads a line starting with '::' as a workflow command.
    const text = error instanceof Error ? error.message : String(error);
    return text.replace(/\s+/g, ' ').trim();
}

// EXTERNAL MODULE: ./src/integrations/github/matrix-leg.ts
var matrix_leg = __webpack_require__(66271);
;// CONCATENATED MODULE: ./src/integrations/github/comment.ts
/**
 * The pull-request comment: one per audit, found again on the next run by a hidden marker
 * and updated in place. Input `comment`: `never` (default), `on-failure`, `always`.
 *
 * With `on-failure`, a run that fails or ends in error (result `error`: the comment then says
 * what went wrong and what was not checked, instead of disappearing) comments; a run that
 * passes writes nothing, except over a comment an earlier run left: that one is updated to say
 * the issues are resolved, so the pull request never keeps showing problems that are gone.
 *
 * A comment is a copy of the job summary, not the verdict: when it cannot be written (a
 * fork's read-only token, a missing permission, an API failure) the run warns and goes on.
 *
 * Only a comment the token's own identity wrote is ever edited: anyone can paste the marker
 * into a comment of their own, and editing theirs would put our verdict under their name,
 * where they could change it. Such a comment is left alone and ours is made beside it.
 */





/** GitHub refuses comment bodies longer than this many characters. */
const MAX_COMMENT_LENGTH = 65_536;
/** The report's share of a comment: the rest is room for the marker and the resolved note. */
const MAX_COMMENT_MARKDOWN = 60_000;
/** A comment shows the 30 worst packages; the job summary and the artifact have them all. */
const COMMENT_PACKAGES = 30;
const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);
/**
 * The report as a comment shows it: the worst packages with their tables, shortened the way
 * the job summary is until it fits GitHub's limit, every `<details>` it opens closed.
 */
function commentMarkdown(outcome, options, maxCharacters = MAX_COMMENT_MARKDOWN) {
    const shown = { ...options, maxPackages: COMMENT_PACKAGES };
    return fitMarkdown(renderMarkdown(outcome, shown), outcome, shown, {
        max: maxCharacters,
        unit: 'characters',
        note: `\n_Shortened to fit GitHub's comment limit: the whole report is in the job summary and the workflow artifact._\n`
    });
}
async function commentOnPullRequest(options) {
    const { env, logger } = options;
    if (options.mode === 'never')
        return { action: 'skipped', reason: 'comment is never' };
    const event = env.GITHUB_EVENT_NAME ?? '';
    if (!PULL_REQUEST_EVENTS.has(event)) {
        const reason = `not a pull request event (${event || 'no event'}), so no comment`;
        logger.debug(reason);
        return { action: 'skipped', reason };
    }
    const pull = await readPullRequest(env.GITHUB_EVENT_PATH);
    const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
    if (!pull || !owner || !repo) {
        return failed(logger, 'the event payload names no pull request, so no comment was written');
    }
    if (!options.token) {
        return failed(logger, 'comment is set but github-token is empty, so no comment was written');
    }
    const marker = commentMarker(options.key);
    // A server's error text may echo the token: it is redacted wherever it would be printed.
    (0,shared_escape/* registerSecret */.cl)(options.token);
    try {
        const { getOctokit } = await Promise.all(/* import() */[__webpack_require__.e(351), __webpack_require__.e(770)]).then(__webpack_require__.bind(__webpack_require__, 61351));
        const octokit = getOctokit(options.token, {
            baseUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
            request: { signal: AbortSignal.timeout(60_000) }
        });
        const target = { owner, repo, issue_number: pull.number };
        let existing;
        let identity;
        for await (const page of octokit.paginate.iterator(octokit.rest.issues.listComments, {
            ...target,
            per_page: 100
        })) {
            const marked = page.data.filter(comment => comment.body?.includes(marker));
            if (marked.length === 0)
                continue;
            identity ??= await tokenLogin(octokit);
            existing = marked.find(comment => comment.user?.login === identity);
            if (existing)
                break;
        }
        const resolved = options.mode === 'on-failure' && options.result === 'pass';
        if (resolved && !existing) {
            const reason = 'the audit passed and no earlier comment exists, so no comment';
            logger.debug(reason);
            return { action: 'skipped', reason };
        }
        const body = commentBody(options.markdown, marker, {
            ...(resolved ? { resolvedAt: pull.headSha ?? env.GITHUB_SHA ?? '' } : {}),
            ...(options.reportUrl ? { reportUrl: options.reportUrl } : {}),
            ...(runUrl(env) ? { runUrl: runUrl(env) } : {})
        });
        if (existing) {
            const { data } = await octokit.rest.issues.updateComment({
                owner,
                repo,
                comment_id: existing.id,
                body
            });
            logger.info(`Updated the pull request comment: ${data.html_url}`);
            return { action: resolved ? 'resolved' : 'updated', id: data.id, url: data.html_url };
        }
        const { data } = await octokit.rest.issues.createComment({ ...target, body });
        logger.info(`Commented on the pull request: ${data.html_url}`);
        return { action: 'created', id: data.id, url: data.html_url };
    }
    catch (error) {
        return failed(logger, describeApiError(error, pull.number));
    }
}
/**
 * Which audit a comment belongs to: the workflow, the job and the working directory, plus a
 * short hash of the step and matrix leg (the runner's OS and architecture and the caller's
 * discriminators, e.g. the Python version). Matrix legs need their own comments: otherwise
 * a passing leg would mark a failing leg's comment as resolved.
 */
function commentKey(env, workingDirectory, discriminators = []) {
    const leg = (0,matrix_leg/* matrixLegHash */.Q)(env, discriminators);
    return `${env.GITHUB_WORKFLOW || 'workflow'}/${env.GITHUB_JOB || 'job'}/${workingDirectory || '.'}#${leg}`;
}
/** An HTML comment GitHub does not render; the key cannot end it early or span lines. */
function commentMarker(key) {
    const safe = key.replace(/[^A-Za-z0-9_.,/@:#+ -]/g, '_').replace(/-{2,}/g, '-');
    return `<!-- pyaudit-action:${safe} -->`;
}
/** The marker, then the report, cut on a line boundary to fit GitHub's limit. */
function commentBody(markdown, marker, extras = {}) {
    const head = [marker];
    if (extras.resolvedAt !== undefined) {
        const commit = /^[0-9a-f]{7,40}$/i.test(extras.resolvedAt)
            ? ` as of ${extras.resolvedAt.slice(0, 7)}`
            : '';
        head.push(`> [!NOTE]\n> ✅ The issues this audit reported earlier are resolved${commit}.`, '');
    }
    const prefix = `${head.join('\n')}\n`;
    if (prefix.length + markdown.length <= MAX_COMMENT_LENGTH)
        return prefix + markdown;
    const links = [
        extras.reportUrl &&
            (0,shared_escape/* safeUrl */.Pl)(extras.reportUrl) &&
            `[the report artifact](${(0,shared_escape/* safeUrl */.Pl)(extras.reportUrl)})`,
        extras.runUrl && (0,shared_escape/* safeUrl */.Pl)(extras.runUrl) && `[the job summary](${(0,shared_escape/* safeUrl */.Pl)(extras.runUrl)})`
    ].filter(Boolean);
    const note = `\n\n---\n⚠️ This comment was cut to fit GitHub's ${MAX_COMMENT_LENGTH.toLocaleString('en-US')}-character limit.` +
        (links.length
            ? ` The whole report: ${links.join(' or ')}.`
            : ' The whole report is in the job summary.');
    const room = MAX_COMMENT_LENGTH - prefix.length - note.length;
    let cut = markdown.lastIndexOf('\n', room);
    if (cut <= 0)
        cut = /[\ud800-\udbff]/.test(markdown[room - 1] ?? '') ? room - 1 : room;
    return prefix + markdown.slice(0, cut) + note;
}
async function readPullRequest(eventPath) {
    if (!eventPath)
        return undefined;
    try {
        const payload = JSON.parse(await (0,promises_.readFile)(eventPath, 'utf8'));
        const number = payload.pull_request?.number ?? payload.number;
        const sha = payload.pull_request?.head?.sha;
        if (typeof number !== 'number')
            return undefined;
        return { number, ...(typeof sha === 'string' ? { headSha: sha } : {}) };
    }
    catch {
        return undefined;
    }
}
/** The identity the default GITHUB_TOKEN acts as, as comments name their author. */
const GITHUB_ACTIONS_LOGIN = 'github-actions[bot]';
/**
 * Who the token acts as, as REST names comment authors. GET /user answers a user's token
 * (a personal access token); an installation token (GITHUB_TOKEN, a GitHub App's) is refused
 * there with 403 "Resource not accessible by integration", and GraphQL's `viewer` names its
 * bot (`<app>[bot]`). Where that fails too, the token is taken for GITHUB_TOKEN.
 */
async function tokenLogin(octokit) {
    try {
        return (await octokit.rest.users.getAuthenticated()).data.login;
    }
    catch (error) {
        if (error.status !== 403)
            throw error;
    }
    try {
        const { viewer } = await octokit.graphql('query { viewer { login } }');
        const login = viewer?.login;
        // A bot's comments carry the [bot] suffix, whether or not GraphQL's login does.
        if (typeof login === 'string' && login !== '') {
            return login.endsWith('[bot]') ? login : `${login}[bot]`;
        }
    }
    catch {
        // Not every token may use GraphQL: the default token's bot is the best guess left.
    }
    return GITHUB_ACTIONS_LOGIN;
}
function runUrl(env) {
    if (!env.GITHUB_REPOSITORY || !env.GITHUB_RUN_ID)
        return undefined;
    const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
    return `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`;
}
function describeApiError(error, pull) {
    const status = error?.status;
    const raw = error instanceof Error ? error.message : String(error);
    // The server's words: an echo of the Authorization header loses its credential.
    const message = (0,shared_escape/* cleanText */.X5)(raw).replace(/\b(authorization:?\s*(?:token|bearer|basic)?\s*)[^\s,;"'}]+/gi, '$1***');
    const where = `Could not comment on pull request #${pull}`;
    if (status === 403 && /not accessible by integration/i.test(message)) {
        return (`${where}: the token may not write to it ("Resource not accessible by integration"). ` +
            `A pull request from a fork gets a read-only GITHUB_TOKEN; elsewhere, give the job ` +
            `"permissions: pull-requests: write". The report is in the job summary.`);
    }
    if (status === 401)
        return `${where}: github-token was refused (HTTP 401 Bad credentials).`;
    return `${where}: ${typeof status === 'number' ? `HTTP ${status}: ` : ''}${message}`;
}
function failed(logger, reason) {
    logger.warning(reason);
    return { action: 'failed', reason };
}

// EXTERNAL MODULE: ./src/report/writers.ts
var writers = __webpack_require__(28226);
;// CONCATENATED MODULE: ./src/action.ts
























/** The GitHub Action: inputs from INPUT_* variables, results as outputs, summary, annotations. */
async function runAction() {
    const env = process.env;
    const read = maskingInputs(name => actionInput(name, env));
    const progress = (0,run_error/* newRunProgress */.tW)();
    let config;
    let run;
    try {
        config = (0,config_config/* parseConfig */.o4)(read, { cwd: process.cwd(), env }, 'action');
        const cacheStore = actionsCacheStore(env);
        run = await (0,run_audit/* runAudit */.b)(config, logger, {
            env,
            cacheStore,
            sarifAutomationId: (0,writers/* sarifAutomationId */._k)(external_node_path_.relative(config.repositoryRoot, config.workingDirectory), (0,matrix_leg/* matrixLegHash */.Q)(env, discriminators(config))),
            progress,
            // After this turn of the event loop, in which the first connection completes: loading
            // it right away held the first request back on Node 24.
            whileLookingUp: () => setImmediate(() => void loadActionsCore())
        });
    }
    catch (error) {
        const failure = progress.error ?? (0,run_error/* runError */.ML)(error);
        const core = await loadActionsCore();
        await publishError(core, failure, progress, config ?? configDespiteBadInputs(read, env), env);
        return;
    }
    const core = await loadActionsCore();
    try {
        const publishError = await publish(core, config, run, env);
        const reasons = [...run.outcome.failureReasons];
        if (publishError !== undefined)
            reasons.push((0,describe_error/* describeError */.U)(publishError));
        if (reasons.length > 0)
            core.setFailed(masked(reasons.join(' ')));
    }
    catch (error) {
        core.setFailed(masked((0,describe_error/* describeError */.U)(error)));
    }
}
/**
 * The outputs that count what a run found. A run that ended in error sets each to '' (and
 * `result` to error): it could not check, so it claims no number, zero least of all.
 */
const COUNT_OUTPUTS = [
    'vulnerability-count',
    'new-vulnerability-count',
    'vulnerable-package-count',
    'license-violation-count',
    'package-issue-count',
    'new-package-issue-count',
    'fixed-count',
    'findings'
];
/**
 * A run that ended in error still answers: `result` is error, the counts are empty, `report`
 * is the incomplete report when one was written, and the job summary, the artifact and the
 * pull-request comment say what went wrong and what was and was not checked. Whatever fails
 * while saying so, the step fails with the error itself.
 */
async function publishError(core, failure, progress, config, env) {
    try {
        core.setOutput('result', 'error');
        for (const output of COUNT_OUTPUTS)
            core.setOutput(output, '');
        for (const writer of write_reports/* REPORT_WRITERS */.ae) {
            core.setOutput(writer.output, progress.files[writer.input] ?? '');
        }
        const markdown = errorMarkdown(failure, progress, config);
        const summaryFile = summaryFileBeside(progress.files.report);
        if (summaryFile)
            await promises_.writeFile(summaryFile, markdown);
        if (env.GITHUB_STEP_SUMMARY)
            await core.summary.addRaw(markdown).write();
        if (config) {
            const artifactUrl = summaryFile
                ? await uploadReports(core, config, progress.files, summaryFile, env)
                : undefined;
            if (config.outputs.comment !== 'never') {
                await commentOnPullRequest({
                    mode: config.outputs.comment,
                    token: config.outputs.githubToken,
                    markdown,
                    result: 'error',
                    key: commentKeyOf(config, env),
                    env,
                    logger,
                    ...(artifactUrl ? { reportUrl: artifactUrl } : {})
                });
            }
        }
    }
    catch (error) {
        logger.warning(`Could not publish everything about the error: ${(0,describe_error/* describeError */.U)(error)}`);
    }
    core.setFailed(masked(failure.message));
}
/** The error first; when the verdict was reached (a report that could not be written), its findings after. */
function errorMarkdown(failure, progress, config) {
    const markdown = renderRunError(failure);
    if (!progress.outcome || !config)
        return markdown;
    const found = renderMarkdown(progress.outcome, { repositoryRoot: config.repositoryRoot });
    return `${markdown}\n---\n\n**What the audit found before the error:**\n\n${found.replace(/^## .*\n+/, '')}`;
}
/**
 * The configuration with each input that does not parse left at its default: what a run whose
 * inputs were refused needs to find and write its pull-request comment. None when even that
 * does not parse.
 */
function configDespiteBadInputs(read, env) {
    const value = (0,inputs/* inputValues */.tq)(read);
    const valid = name => {
        try {
            value(name);
            return read(name);
        }
        catch {
            return '';
        }
    };
    try {
        return (0,config_config/* parseConfig */.o4)(valid, { cwd: process.cwd(), env }, 'action');
    }
    catch {
        return undefined;
    }
}
/** Inputs whose whole value is a secret. */
const SECRET_INPUTS = new Set(['github-token', 'dependency-track-api-key']);
const maskedSecrets = new Set();
/**
 * A secret for the runner's log masking (core.setSecret) and for the redaction of all we print:
 * the runner masks only literal text, which Markdown escaping (`odt\_abc`) would defeat.
 */
function maskSecret(secret) {
    if (secret === '' || maskedSecrets.has(secret))
        return;
    maskedSecrets.add(secret);
    withActionsCore(core => core.setSecret(secret));
    (0,shared_escape/* registerSecret */.cl)(secret);
}
/**
 * Inputs as they are read, each one's secrets masked before anything can print them: the
 * token and the API key whole, and the credentials of any URL (osv-url, pypi-url, index-url,
 * extra-index-url, dependency-track-url, python...).
 */
function maskingInputs(read) {
    return name => {
        const value = read(name);
        if (SECRET_INPUTS.has(name))
            maskSecret(value.trim());
        (0,shared_escape/* urlSecrets */.Fn)(value).forEach(maskSecret);
        return value;
    };
}
/**
 * Text for the log: the credentials of any URL in it (a requirements file's private index, a
 * `name @ https://user:token@...` requirement) are masked before the line is written, and
 * the line itself is cleaned and redacted.
 */
function masked(text) {
    (0,shared_escape/* urlSecrets */.Fn)(text).forEach(maskSecret);
    return (0,shared_escape/* cleanText */.X5)(text, { multiline: true });
}
/** Warnings the step has emitted: each is one of the 10 GitHub shows (see annotationBudget). */
let warningsEmitted = 0;
/** Every log line of the run goes through masked. */
const logger = {
    debug: message => actionLogger.debug(masked(message)),
    info: message => actionLogger.info(masked(message)),
    warning: message => {
        warningsEmitted += 1;
        actionLogger.warning(masked(message));
    }
};
/** The advisory cache outlives the run in the Actions cache, where the runner has one. */
function actionsCacheStore(env) {
    let restored;
    return {
        restore: async (dir) => {
            restored = await restoreCacheDir(dir, env, logger);
        },
        save: async (dir, changed) => {
            await saveCacheDir(dir, restored, changed, logger);
        }
    };
}
/**
 * Everything the run shows. A Dependency-Track failure is returned, not thrown, so the
 * summary, the artifact and the comment still go out and the verdict is still reported.
 */
async function publish(core, config, run, env) {
    const { outcome } = run;
    const counts = (0,report_counts/* summaryCounts */.NB)(outcome);
    // Skipped requirements may name a URL with credentials: masked before anything is printed.
    for (const skip of outcome.skipped)
        (0,shared_escape/* urlSecrets */.Fn)(`${skip.name} ${skip.reason}`).forEach(maskSecret);
    run.warnings.forEach(message => logger.warning(message));
    run.notices.forEach(message => core.notice(masked(message)));
    core.setOutput('vulnerability-count', counts.vulnerabilities);
    core.setOutput('new-vulnerability-count', (0,change_scope/* newVulnerabilityCount */.YZ)(outcome));
    core.setOutput('vulnerable-package-count', counts.vulnerable_packages);
    core.setOutput('license-violation-count', counts.license_violations);
    core.setOutput('package-issue-count', outcome.packageIssues?.length ?? 0);
    core.setOutput('new-package-issue-count', (0,change_scope/* newPackageIssueCount */.Pv)(outcome));
    core.setOutput('fixed-count', outcome.fix?.fixed.length ?? 0);
    core.setOutput('result', outcome.result);
    for (const writer of write_reports/* REPORT_WRITERS */.ae)
        core.setOutput(writer.output, run.files[writer.input] ?? '');
    core.setOutput('findings', (0,shared_escape/* redactSecrets */.fp)(JSON.stringify(compactFindings(outcome))));
    // "Declared in" places link to their lines in the repository at the run's commit.
    const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_SHA: sha } = env;
    const markdownOptions = {
        repositoryRoot: config.repositoryRoot,
        ...(server && repository && sha ? { sourceLink: { server, repository, sha } } : {})
    };
    const markdown = renderMarkdown(outcome, markdownOptions);
    const summaryFile = summaryFileBeside(run.files.report);
    if (summaryFile)
        await promises_.writeFile(summaryFile, markdown);
    let dependencyTrackLine;
    let dependencyTrackError;
    try {
        dependencyTrackLine = await sendToDependencyTrack(core, config, run, env);
    }
    catch (error) {
        dependencyTrackError = error;
    }
    if (env.GITHUB_STEP_SUMMARY) {
        await core.summary
            .addRaw(fitSummary(markdown, outcome, markdownOptions))
            .addRaw(dependencyTrackLine ?? '')
            .write();
    }
    const artifactUrl = await uploadReports(core, config, run.files, summaryFile, env);
    if (config.outputs.comment !== 'never') {
        await commentOnPullRequest({
            mode: config.outputs.comment,
            token: config.outputs.githubToken,
            markdown: commentMarkdown(outcome, markdownOptions),
            result: outcome.result,
            key: commentKeyOf(config, env),
            env,
            logger,
            ...(artifactUrl ? { reportUrl: artifactUrl } : {})
        });
    }
    // Last, when every other warning is out and whether the step fails is known.
    const failing = outcome.result !== 'pass' || dependencyTrackError !== undefined;
    annotate(core, planAnnotations(outcome, config.repositoryRoot, annotationBudget({ failing, warnings: warningsEmitted })));
    return dependencyTrackError;
}
/** The full summary is written beside the JSON report, and uploaded with it. */
function summaryFileBeside(report) {
    return report ? external_node_path_.join(external_node_path_.dirname(report), 'pyaudit-summary.md') : undefined;
}
/** The report files and the full summary as the workflow artifact; its URL once uploaded. */
async function uploadReports(core, config, written, summaryFile, env) {
    if (!config.outputs.uploadArtifact)
        return undefined;
    const reports = write_reports/* REPORT_WRITERS */.ae.filter(writer => writer.inArtifact);
    const files = [...reports.map(writer => written[writer.input]), summaryFile].filter((f) => !!f);
    try {
        const artifact = await (0,github_artifact/* uploadArtifact */.mz)(files, env, logger, message => core.notice(masked(message)), {
            ...(config.outputs.artifactName ? { name: config.outputs.artifactName } : {}),
            ...(config.outputs.retentionDays ? { retentionDays: config.outputs.retentionDays } : {}),
            discriminators: discriminators(config)
        });
        if (!artifact)
            return undefined;
        core.setOutput('artifact-id', artifact.id);
        core.setOutput('artifact-url', artifact.url ?? '');
        return artifact.url;
    }
    catch (error) {
        // A report that did not upload must not hide the verdict: it stays on disk and in the summary.
        logger.warning((0,describe_error/* describeError */.U)(error));
        return undefined;
    }
}
function commentKeyOf(config, env) {
    return commentKey(env, external_node_path_.relative(config.repositoryRoot, config.workingDirectory), discriminators(config));
}
function annotate(core, annotations) {
    for (const annotation of annotations) {
        const properties = {
            title: annotation.title,
            ...(annotation.file ? { file: annotation.file } : {}),
            ...(annotation.line ? { startLine: annotation.line } : {})
        };
        if (annotation.level === 'error')
            core.error(annotation.message, properties);
        else
            core.warning(annotation.message, properties);
    }
}
/** Dependency-Track upload; its errors fail the step (the user asked for it), after everything else is out. */
async function sendToDependencyTrack(core, config, run, env) {
    const upload = await (0,dependency_track_run/* sendSbomToDependencyTrack */.n)(config, run.sbom, logger, env);
    if (!upload)
        return undefined;
    const { result } = upload;
    core.setOutput('dependency-track-token', result.token);
    core.setOutput('dependency-track-project-uuid', result.projectUuid ?? '');
    const { renderDependencyTrack } = await __webpack_require__.e(/* import() */ 350).then(__webpack_require__.bind(__webpack_require__, 79350));
    return renderDependencyTrack(result);
}
function compactFindings(outcome) {
    return outcome.packages
        .flatMap(pkg => pkg.vulnerabilities.map(v => ({
        package: pkg.name,
        version: pkg.version,
        id: v.id,
        aliases: v.aliases,
        severity: v.severity.level,
        score: v.severity.score ?? null,
        fix_versions: v.fixVersions,
        recommended_version: pkg.recommendedVersion ?? null,
        malicious: v.malicious,
        ignored: Boolean(v.ignored),
        failing: v.failing,
        ...(outcome.changes ? { introduced: (0,change_scope/* introducedIn */.Bi)(outcome, v) } : {})
    })))
        .slice(0, 1000);
}
function discriminators(config) {
    return [
        external_node_path_.relative(config.repositoryRoot, config.workingDirectory),
        ...config.sources.paths.map(p => external_node_path_.relative(config.repositoryRoot, p)),
        config.sources.pythonVersion ?? '',
        (0,shared_text/* redactCredentials */.UY)(config.sources.python ?? ''),
        // Only when set, so that the legs of existing workflows keep their ids.
        ...(config.sources.platform ? [config.sources.platform] : [])
    ];
}


/***/ }),

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
