export const id = 418;
export const ids = [418];
export const modules = {

/***/ 8418:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runAction: () => (/* binding */ runAction)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(33838);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/config/config.ts + 1 modules
var config_config = __webpack_require__(20799);
// EXTERNAL MODULE: ./src/config/values.ts
var values = __webpack_require__(73750);
// EXTERNAL MODULE: ./src/shared/describe-error.ts
var describe_error = __webpack_require__(4459);
// EXTERNAL MODULE: ./src/integrations/dependency-track/run.ts
var dependency_track_run = __webpack_require__(97970);
// EXTERNAL MODULE: ./src/pipeline/run-audit.ts + 19 modules
var run_audit = __webpack_require__(71571);
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
    debug: message => core/* debug */.Yz(message),
    info: message => core/* info */.pq(neutralizeWorkflowCommands(message)),
    // core.warning escapes its message as command data, so it cannot break out.
    warning: message => core/* warning */.$e(message)
};

// EXTERNAL MODULE: ./src/advisories/severity.ts
var severity = __webpack_require__(34852);
// EXTERNAL MODULE: ./src/shared/escape.ts
var shared_escape = __webpack_require__(76242);
// EXTERNAL MODULE: ./src/shared/paths.ts
var paths = __webpack_require__(40405);
;// CONCATENATED MODULE: ./src/integrations/github/annotations.ts



/** GitHub shows at most this many annotations of each level per step. */
const MAX_ANNOTATIONS = 10;
/**
 * Annotations at the line that declares each problem, worst first: findings that fail the
 * step and license violations as errors, findings below the gate as warnings. Where there
 * are more than GitHub shows, the last slot of that level counts the rest. Messages are
 * plain text: @actions/core escapes them for the workflow command.
 */
function planAnnotations(outcome, repositoryRoot) {
    const ranked = outcome.packages
        .map(pkg => ({ pkg, active: activeFindings(pkg) }))
        .filter(({ active }) => active.length > 0)
        .sort((a, b) => (0,severity/* compareSeverity */.zK)(a.active[0].severity, b.active[0].severity));
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
    for (const entry of outcome.licenses.filter(e => e.violation)) {
        const pkg = outcome.packages.find(p => p.name === entry.name && p.version === entry.version);
        const base = {
            level: 'error',
            title: `${entry.name} ${entry.version}: license ${(0,shared_escape/* truncate */.xv)(entry.license, 60)}`,
            message: `License policy violated: ${entry.rule ?? 'not allowed'}`
        };
        errors.push(...(pkg
            ? pkg.declarations.map(dep => ({ ...base, ...place(dep.location, repositoryRoot) }))
            : [base]));
    }
    return [...capped(errors, 'error'), ...capped(warnings, 'warning')];
}
function activeFindings(pkg) {
    return pkg.vulnerabilities
        .filter(v => !v.ignored)
        .sort((a, b) => (0,severity/* compareSeverity */.zK)(a.severity, b.severity));
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
            ? ' (no version without known vulnerabilities)'
            : ` (upgrade to ${pkg.recommendedVersion})`;
    const title = `${pkg.name} ${pkg.version}: ${what}${malicious ? '' : upgrade}`;
    const message = findings
        .map(vuln => {
        const ids = [vuln.id, ...vuln.aliases.filter(alias => alias.startsWith('CVE-'))].join(' / ');
        const fix = vuln.fixVersions.length
            ? `fixed in ${vuln.fixVersions.join(', ')}`
            : 'no fix known';
        const severity = vuln.severity.score !== undefined
            ? `${vuln.severity.level} ${vuln.severity.score}`
            : vuln.severity.level;
        return `${ids} [${severity}] (${fix}): ${(0,shared_escape/* truncate */.xv)(vuln.description, 160)}`;
    })
        .join('\n');
    return pkg.declarations.map(dep => ({
        level,
        title,
        message,
        ...place(dep.location, repositoryRoot)
    }));
}
function place(location, root) {
    return {
        file: (0,paths/* repositoryPath */.S)(location.file, root),
        ...(location.line > 0 ? { line: location.line } : {})
    };
}
function capped(annotations, level) {
    if (annotations.length <= MAX_ANNOTATIONS)
        return annotations;
    const shown = annotations.slice(0, MAX_ANNOTATIONS - 1);
    const hidden = annotations.length - shown.length;
    shown.push({
        level,
        title: `${hidden} more`,
        message: `${hidden} more ${level === 'error' ? 'errors' : 'warnings'} are not annotated (GitHub shows ${MAX_ANNOTATIONS} per step); see the job summary or the report.`
    });
    return shown;
}

// EXTERNAL MODULE: ./src/report/markdown.ts
var report_markdown = __webpack_require__(54285);
;// CONCATENATED MODULE: ./src/integrations/github/summary.ts

/** GitHub refuses a step summary over 1 MiB; stay below it with room for what follows. */
const MAX_SUMMARY_BYTES = 1000 * 1024;
/**
 * The full summary when it fits, else shorter ones (fewer packages in full, shorter
 * advisory text) until one does; the full Markdown always goes into the artifact.
 */
function fitSummary(markdown, outcome, repositoryRoot, maxBytes = MAX_SUMMARY_BYTES) {
    if (Buffer.byteLength(markdown) <= maxBytes)
        return markdown;
    for (const maxPackages of [100, 20, 0]) {
        const text = (0,report_markdown/* renderMarkdown */.G)(outcome, { repositoryRoot, maxPackages, maxDescription: 100 });
        if (Buffer.byteLength(text) <= maxBytes)
            return `${text}\n_Shortened to fit GitHub's summary limit: the full summary is pyaudit-summary.md in the workflow artifact._\n`;
    }
    return '## Python dependency audit\n\nThe summary is too large for GitHub; see pyaudit-summary.md in the workflow artifact.\n';
}

// EXTERNAL MODULE: ./src/integrations/github/artifact.ts
var github_artifact = __webpack_require__(89893);
// EXTERNAL MODULE: ./src/integrations/github/comment.ts
var comment = __webpack_require__(10674);
// EXTERNAL MODULE: ./src/report/counts.ts
var report_counts = __webpack_require__(65132);
;// CONCATENATED MODULE: ./src/action.ts















/** The GitHub Action: inputs from INPUT_* variables, results as outputs, summary, annotations. */
async function runAction() {
    try {
        const config = (0,config_config/* parseConfig */.o4)(name => core/* getInput */.V4(name), { cwd: process.cwd(), env: process.env }, 'action');
        maskSecrets(config);
        const run = await (0,run_audit/* runAudit */.b)(config, actionLogger);
        const publishError = await publish(config, run);
        const reasons = [...run.outcome.failureReasons];
        if (publishError !== undefined)
            reasons.push((0,describe_error/* describeError */.U)(publishError));
        if (reasons.length > 0)
            core/* setFailed */.C1(reasons.join(' '));
    }
    catch (error) {
        core/* setFailed */.C1((0,describe_error/* describeError */.U)(error));
    }
}
function maskSecrets(config) {
    if (config.dependencyTrack)
        core/* setSecret */.Pq(config.dependencyTrack.apiKey);
    if (config.outputs.githubToken)
        core/* setSecret */.Pq(config.outputs.githubToken);
    for (const url of [config.sources.indexUrl, ...config.sources.extraIndexUrls]) {
        const password = url ? new URL(url).password : '';
        if (password)
            core/* setSecret */.Pq(decodeURIComponent(password));
    }
}
/**
 * Everything the run shows. A Dependency-Track failure is returned, not thrown, so the
 * summary, the artifact and the comment still go out and the verdict is still reported.
 */
async function publish(config, run) {
    const { outcome } = run;
    const counts = (0,report_counts/* summaryCounts */.N)(outcome);
    run.warnings.forEach(message => core/* warning */.$e(message));
    run.notices.forEach(message => core/* notice */.lm(message));
    core/* setOutput */.uH('vulnerability-count', counts.vulnerabilities);
    core/* setOutput */.uH('vulnerable-package-count', counts.vulnerable_packages);
    core/* setOutput */.uH('license-violation-count', counts.license_violations);
    core/* setOutput */.uH('result', outcome.result);
    core/* setOutput */.uH('report', run.files.report ?? '');
    core/* setOutput */.uH('sbom', run.files.sbom ?? '');
    core/* setOutput */.uH('sarif', run.files.sarif ?? '');
    core/* setOutput */.uH('findings', JSON.stringify(compactFindings(outcome)));
    for (const annotation of planAnnotations(outcome, config.repositoryRoot)) {
        const properties = {
            title: annotation.title,
            ...(annotation.file ? { file: annotation.file } : {}),
            ...(annotation.line ? { startLine: annotation.line } : {})
        };
        if (annotation.level === 'error')
            core/* error */.z3(annotation.message, properties);
        else
            core/* warning */.$e(annotation.message, properties);
    }
    const markdown = (0,report_markdown/* renderMarkdown */.G)(outcome, { repositoryRoot: config.repositoryRoot });
    const summaryFile = run.files.report
        ? external_node_path_.join(external_node_path_.dirname(run.files.report), 'pyaudit-summary.md')
        : undefined;
    if (summaryFile)
        await promises_.writeFile(summaryFile, markdown);
    let dependencyTrackLine;
    let dependencyTrackError;
    try {
        dependencyTrackLine = await sendToDependencyTrack(config, run);
    }
    catch (error) {
        dependencyTrackError = error;
    }
    if (process.env.GITHUB_STEP_SUMMARY) {
        await core/* summary */.z
            .addRaw(fitSummary(markdown, outcome, config.repositoryRoot))
            .addRaw(dependencyTrackLine ?? '')
            .write();
    }
    let artifactUrl;
    if (config.outputs.uploadArtifact) {
        const files = [run.files.report, run.files.sbom, run.files.sarif, summaryFile].filter((f) => !!f);
        try {
            const artifact = await (0,github_artifact/* uploadArtifact */.mz)(files, process.env, actionLogger, message => core/* notice */.lm(message), {
                ...(config.outputs.artifactName ? { name: config.outputs.artifactName } : {}),
                ...(config.outputs.retentionDays ? { retentionDays: config.outputs.retentionDays } : {}),
                discriminators: discriminators(config)
            });
            if (artifact) {
                core/* setOutput */.uH('artifact-id', artifact.id);
                core/* setOutput */.uH('artifact-url', artifact.url ?? '');
                artifactUrl = artifact.url;
            }
        }
        catch (error) {
            // A report that did not upload must not hide the verdict: it stays on disk and in the summary.
            core/* warning */.$e((0,describe_error/* describeError */.U)(error));
        }
    }
    if (config.outputs.comment !== 'never') {
        await (0,comment/* commentOnPullRequest */.rh)({
            mode: config.outputs.comment,
            token: config.outputs.githubToken,
            markdown: (0,report_markdown/* renderMarkdown */.G)(outcome, { repositoryRoot: config.repositoryRoot, maxPackages: 30 }),
            result: outcome.result,
            key: (0,comment/* commentKey */.Td)(process.env, external_node_path_.relative(config.repositoryRoot, config.workingDirectory), discriminators(config)),
            env: process.env,
            logger: actionLogger,
            ...(artifactUrl ? { reportUrl: artifactUrl } : {})
        });
    }
    return dependencyTrackError;
}
/** Dependency-Track upload; its errors fail the step (the user asked for it), after everything else is out. */
async function sendToDependencyTrack(config, run) {
    const upload = await (0,dependency_track_run/* sendSbomToDependencyTrack */.n)(config, run.sbom, actionLogger);
    if (!upload)
        return undefined;
    const { result } = upload;
    core/* setOutput */.uH('dependency-track-token', result.token);
    core/* setOutput */.uH('dependency-track-project-uuid', result.projectUuid ?? '');
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
        failing: v.failing
    })))
        .slice(0, 1000);
}
function discriminators(config) {
    return [
        external_node_path_.relative(config.repositoryRoot, config.workingDirectory),
        ...config.sources.paths.map(p => external_node_path_.relative(config.repositoryRoot, p)),
        config.sources.pythonVersion ?? '',
        (0,values/* redactCredentials */.UY)(config.sources.python ?? '')
    ];
}


/***/ })

};
