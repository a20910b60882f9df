export const id = 691;
export const ids = [691];
export const modules = {

/***/ 63691:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  API_KEY_VARIABLE: () => (/* reexport */ API_KEY_VARIABLE),
  EXIT_CLEAN: () => (/* binding */ EXIT_CLEAN),
  EXIT_ERROR: () => (/* binding */ EXIT_ERROR),
  EXIT_FINDINGS: () => (/* binding */ EXIT_FINDINGS),
  cliInputs: () => (/* binding */ cliInputs),
  parseArguments: () => (/* binding */ parseArguments),
  runCli: () => (/* binding */ runCli),
  runnerOnlyWarnings: () => (/* binding */ runnerOnlyWarnings)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/config/config.ts + 1 modules
var config_config = __webpack_require__(20799);
// EXTERNAL MODULE: ./src/config/inputs.ts + 3 modules
var inputs = __webpack_require__(40315);
// EXTERNAL MODULE: ./src/config/suggest.ts
var suggest = __webpack_require__(42784);
// EXTERNAL MODULE: ./src/config/input-kinds.ts
var input_kinds = __webpack_require__(80024);
;// CONCATENATED MODULE: ./src/config/usage.ts
/**
 * The CLI's --help, made from the input table: every input is a flag, listed under its group
 * with its default, so a new input shows up here without anyone editing this text.
 */


/** A secret on the command line would be in shell history and in `ps`; the environment is not. */
const API_KEY_VARIABLE = 'DEPENDENCY_TRACK_API_KEY';
const WIDTH = 96;
const INDENT = '      ';
const INTRODUCTION = `Usage: pyaudit [options] [paths...]

Audits Python dependencies for known vulnerabilities and license problems. Every action input
is a flag of the same name (--name value, --name=value; booleans also --name / --no-name; a
list may be given more than once). Bare arguments are paths.

Examples:
  pyaudit requirements.txt
  pyaudit --advisory-db all.zip --report report.json --sbom sbom.json requirements.txt
  pyaudit --python .venv --license-allow-only 'MIT;BSD-3-Clause;Apache-2.0'
  pyaudit --license-fail-on 'GPL;General Public License' --license-partial-match
      fails on GPL, LGPL and AGPL however spelled (without --license-partial-match, names
      must match whole)
  ${API_KEY_VARIABLE}=... pyaudit --dependency-track-url URL --dependency-track-project NAME
      uploads the SBOM to Dependency-Track, with the key from the environment;
      --dependency-track-wait also lists its findings and policy violations
`;
const CLOSING = `Other options:
  --help, -h
      Show this text.
  --version
      Print the version.

Exit codes: 0 passed, 1 failed (findings or violations), 2 error. A Dependency-Track upload
that fails is an error (2), reported after the audit's verdict.
`;
/** The whole --help text. */
function usage() {
    const sections = Object.entries(input_kinds/* INPUT_GROUPS */.ak).map(([group, title]) => {
        const rows = Object.entries(inputs/* INPUTS */.mc).filter(([, row]) => row.group === group);
        const runnerOnly = rows.length > 0 && rows.every(([, row]) => row.runnerOnly);
        const heading = runnerOnly
            ? `${title} (the GitHub Action acts on these; given here, each is ignored with a warning):`
            : `${title}:`;
        return [heading, ...rows.map(([name, row]) => describeFlag(name, row))].join('\n');
    });
    return `${INTRODUCTION}\n${sections.join('\n\n')}\n\n${CLOSING}`;
}
function describeFlag(name, row) {
    const flag = row.kind.type === 'boolean' ? `--${name}, --no-${name}` : `--${name} ${row.placeholder}`;
    const notes = [
        ...((0,input_kinds/* actionDefault */.QT)(row) ? [`default: ${(0,input_kinds/* actionDefault */.QT)(row)}`] : []),
        ...(row.kind.type === 'list' ? ['repeatable'] : []),
        ...(row.cliNote ? [row.cliNote] : []),
        ...(row.runnerOnly ? ['GitHub Action only'] : [])
    ];
    const noted = notes.length > 0 ? `  ${flag}  (${notes.join('; ')})` : `  ${flag}`;
    // Notes too long for the flag's line start the description instead.
    const [head, text] = noted.length <= WIDTH
        ? [noted, row.description]
        : [`  ${flag}`, `(${notes.join('; ')}) ${row.description}`];
    return [head, ...wrap(text, WIDTH - INDENT.length).map(line => INDENT + line)].join('\n');
}
function wrap(text, width) {
    const lines = [];
    let line = '';
    for (const word of text.split(/\s+/)) {
        if (line !== '' && line.length + 1 + word.length > width) {
            lines.push(line);
            line = word;
        }
        else {
            line = line === '' ? word : `${line} ${word}`;
        }
    }
    if (line !== '')
        lines.push(line);
    return lines;
}

// EXTERNAL MODULE: ./src/shared/describe-error.ts
var describe_error = __webpack_require__(4459);
// EXTERNAL MODULE: ./src/integrations/dependency-track/run.ts
var dependency_track_run = __webpack_require__(97970);
// EXTERNAL MODULE: ./src/pipeline/open-feed.ts + 4 modules
var open_feed = __webpack_require__(56592);
// EXTERNAL MODULE: ./src/pipeline/run-audit.ts + 4 modules
var run_audit = __webpack_require__(36765);
// EXTERNAL MODULE: ./src/pipeline/run-error.ts
var run_error = __webpack_require__(90444);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(58382);
// EXTERNAL MODULE: ./src/shared/escape.ts
var shared_escape = __webpack_require__(76242);
// EXTERNAL MODULE: ./src/shared/text.ts
var shared_text = __webpack_require__(24646);
// EXTERNAL MODULE: ./src/report/counts.ts
var counts = __webpack_require__(65132);
// EXTERNAL MODULE: ./src/deps/marker-text.ts
var marker_text = __webpack_require__(67000);
// EXTERNAL MODULE: ./src/report/order.ts
var order = __webpack_require__(20734);
// EXTERNAL MODULE: ./src/report/sections.ts
var report_sections = __webpack_require__(43844);
// EXTERNAL MODULE: ./src/shared/paths.ts
var paths = __webpack_require__(40405);
;// CONCATENATED MODULE: ./src/report/terminal.ts







/** Untrusted text on a terminal: no escape sequences, bidi controls or line breaks, no credentials. */
function plainText(text) {
    return (0,shared_escape/* cleanText */.X5)(text);
}
/**
 * What the CLI prints, in the job summary's order: malicious and quarantined packages first;
 * the findings in pip-audit's columns (Name, Version, ID, Fix Versions) plus severity, with an
 * overview of one row per package, worst first (in scope `changes`: what the change introduces,
 * what it fixes, what was already on the base); then the index's findings, ignores, licenses,
 * what was skipped, and the verdict.
 */
function renderTerminal(outcome, options = {}) {
    const place = (location) => {
        const file = options.repositoryRoot === undefined
            ? location.file
            : (0,paths/* repositoryPath */.S)(location.file, options.repositoryRoot);
        return location.line > 0 ? `${file}:${location.line}` : file;
    };
    const sections = (0,report_sections/* reportSections */.l)(outcome);
    const out = [];
    if (sections.alarms.length > 0)
        append(out, [...alarms(sections.alarms), '']);
    const changes = sections.changes;
    if (changes) {
        const introduced = (0,counts/* tallyFindings */.v)(sections.vulnerable);
        const already = (0,counts/* tallyFindings */.v)(changes.alreadyThere);
        out.push(`${changes.fixed.length} fixed by this change, ${introduced.findings} introduced, ${already.findings} already on the base (${plainText(changes.base.ref)}).`, '');
        out.push(sections.vulnerable.length > 0
            ? `Introduced by this change: ${found(introduced)}`
            : 'Introduced by this change: no known vulnerabilities.');
        if (sections.vulnerable.length > 0)
            append(out, ['', ...findingTables(sections.vulnerable)]);
        if (changes.fixed.length > 0)
            append(out, ['', 'Fixed by this change:', '', ...fixedTable(changes.fixed)]);
        if (changes.alreadyThere.length > 0) {
            out.push('', `Already on the base (not counted in the verdict): ${found(already)}`);
            append(out, ['', ...findingTables(changes.alreadyThere)]);
        }
    }
    else if (outcome.nothingAudited !== undefined && (0,counts/* summaryCounts */.NB)(outcome).packages === 0) {
        // No clean bill for zero packages; a failure's reason (strict) already says why.
        out.push(outcome.result === 'pass'
            ? `Nothing was audited: ${plainText(outcome.nothingAudited)}. (strict: true fails the step then.)`
            : 'Nothing was audited.');
    }
    else if (sections.vulnerable.length === 0) {
        out.push(`No known vulnerabilities found in ${(0,shared_text/* plural */.LS)((0,counts/* summaryCounts */.NB)(outcome).packages, 'package')}.`);
    }
    else {
        append(out, [
            `Found ${found((0,counts/* tallyFindings */.v)(sections.vulnerable))}`,
            '',
            ...findingTables(sections.vulnerable)
        ]);
    }
    if (sections.packageIssues.length > 0)
        append(out, ['', ...packageIssues(sections.packageIssues, place)]);
    if (changes && changes.packageIssuesAlreadyThere.length > 0) {
        const issues = changes.packageIssuesAlreadyThere;
        append(out, [
            '',
            ...packageIssues(issues, place, ' already on the base (not counted in the verdict)')
        ]);
    }
    const ignored = outcome.packages.flatMap(pkg => pkg.vulnerabilities
        .filter(v => v.ignored)
        .map(v => [pkg.name, pkg.version, v.id, v.ignored?.reason ?? '']));
    if (ignored.length > 0)
        append(out, ['', ...table(['Name', 'Version', 'Ignored ID', 'Reason'], ignored)]);
    const violations = outcome.licenses.filter(entry => entry.violation);
    if (violations.length > 0) {
        append(out, [
            '',
            ...table(['Name', 'Version', 'License', 'Violation'], violations.map(e => [e.name, e.version, e.license, e.rule ?? '']))
        ]);
    }
    if (outcome.skipped.length > 0) {
        append(out, [
            '',
            ...table(['Name', 'Skip Reason'], outcome.skipped.map(s => [s.name, s.reason]))
        ]);
    }
    // Reasons quote feeds and files: as plain as every table cell.
    append(out, [
        '',
        ...(outcome.failureReasons.length ? outcome.failureReasons : ['Passed.']).map(plainText)
    ]);
    return `${out.join('\n')}\n`;
}
function found(tally) {
    return `${(0,shared_text/* plural */.LS)(tally.findings, 'known vulnerability', 'known vulnerabilities')} in ${(0,shared_text/* plural */.LS)(tally.packages, 'package')}.`;
}
function alarms(entries) {
    const quarantined = entries.some(alarm => alarm.quarantined.length > 0);
    const what = quarantined ? 'malicious or quarantined package' : 'malicious package';
    const rows = entries.flatMap(alarm => [
        ...alarm.advisories.map(finding => [alarm.name, alarm.version, finding.id]),
        ...[...new Set(alarm.quarantined.map(issue => issue.reason))].map(reason => [
            alarm.name,
            alarm.version,
            `quarantined: ${(0,shared_escape/* truncate */.xv)((0,shared_escape/* cleanText */.X5)(reason), 200)}`
        ])
    ]);
    return [
        `Found ${(0,shared_text/* plural */.LS)(entries.length, what, `${what}s`)}: remove ${entries.length === 1 ? 'it' : 'them'}, and rotate every credential and secret the environments that installed ${entries.length === 1 ? 'it' : 'them'} could reach.`,
        '',
        ...table(['Name', 'Version', 'Why'], rows)
    ];
}
/** Every finding in pip-audit's columns, then one row per package: the overview. */
function findingTables(groups) {
    const rows = groups.flatMap(({ pkg, findings }) => findings.map(vuln => [
        pkg.name,
        pkg.version,
        vuln.id,
        vuln.fixVersions.join(','),
        (0,order/* severityLabel */.yi)(vuln.severity),
        (0,shared_escape/* truncate */.xv)((0,shared_escape/* cleanText */.X5)(vuln.description), 60)
    ]));
    // A package whose every pin is under an environment marker: the column says where.
    const markers = groups.map(group => (0,marker_text/* conditionOf */.rI)(group.pkg.declarations));
    const conditional = markers.some(marker => marker !== undefined);
    const overview = groups.map((group, index) => [
        group.pkg.name,
        group.pkg.version,
        (0,order/* severityLabel */.yi)((0,order/* worstFinding */.tq)(group).severity),
        String(group.findings.length),
        recommendation(group),
        ...(conditional ? [(0,shared_escape/* truncate */.xv)((0,shared_escape/* cleanText */.X5)(markers[index] ?? ''), 80)] : [])
    ]);
    const header = ['Name', 'Version', 'Worst', 'Advisories', 'Recommended upgrade'];
    return [
        ...table(['Name', 'Version', 'ID', 'Fix Versions', 'Severity', 'Summary'], rows),
        '',
        ...table(conditional ? [...header, 'Only where'] : header, overview)
    ];
}
function recommendation({ pkg }) {
    if (pkg.vulnerabilities.some(v => v.malicious && !v.ignored))
        return 'remove it (malicious)';
    if (pkg.recommendedVersion === undefined)
        return '';
    return pkg.recommendedVersion ?? pkg.upgradeNote ?? 'none known without vulnerabilities';
}
function fixedTable(fixed) {
    return table(['Name', 'Was', 'Now', 'Advisories it clears'], fixed.map(fix => [
        fix.name,
        fix.oldVersion,
        fix.newVersion ?? 'removed',
        fix.advisories.join(',')
    ]));
}
/** A list, not a table: each reason is a whole message that says what to do. */
function packageIssues(issues, place, which = '') {
    const failing = issues.filter(issue => issue.failing).length;
    return [
        `Package issues${which}: ${issues.length}${failing > 0 ? ` (${failing} failing)` : ''}.`,
        ...issues.flatMap(issue => [
            '',
            plainText(`${issue.failing ? 'FAIL' : 'WARN'} ${issue.kind}: ${issue.name} ${issue.version} at ${place(issue.location)}`),
            `  ${plainText(issue.reason)}`
        ])
    ];
}
/** push(...items) passes every item as an argument: too many overflow the stack. */
function append(lines, items) {
    for (const item of items)
        lines.push(item);
}
function table(header, rows) {
    const cells = [header, ...rows].map(row => row.map(plainText));
    const widths = header.map((_, col) => cells.reduce((width, row) => Math.max(width, (row[col] ?? '').length), 0));
    const format = (row) => row
        .map((cell, col) => cell.padEnd(widths[col] ?? 0))
        .join(' ')
        .trimEnd();
    const [head, ...body] = cells;
    return [format(head ?? []), format(widths.map(w => '-'.repeat(w))), ...body.map(format)];
}

;// CONCATENATED MODULE: ./src/integrations/dependency-track/terminal.ts



const MAX_ROWS = 50;
/**
 * What Dependency-Track said of the uploaded SBOM, as lines for a terminal. Tokens, names and
 * titles are the server's words, so every line goes through plainText: no escape sequences.
 */
function renderDependencyTrackLines(result, 
/** The project as the user named it, e.g. `"demo" version "1.0"` or `UUID …`. */
project) {
    const uuid = result.projectUuid && !project.includes(result.projectUuid)
        ? ` (UUID ${result.projectUuid})`
        : '';
    const lines = [
        `Dependency-Track: uploaded the SBOM to project ${project}${uuid}; processing token ${result.token}.`
    ];
    if (result.findings) {
        const violations = result.policyViolations ?? [];
        lines.push(`Dependency-Track: ${(0,shared_text/* plural */.LS)(result.findings.length, 'finding')}, ${(0,shared_text/* plural */.LS)(violations.length, 'policy violation')}.`);
        lines.push(...capped(result.findings, 'findings', finding => {
            const { id, severity, title } = finding.vulnerability;
            const about = title ? ` ${(0,shared_escape/* truncate */.xv)(title, 60)}` : '';
            return `  finding ${componentName(finding.component)}: ${id} ${severity}${about} (${finding.analysisState ?? 'not analysed'})`;
        }), ...capped(violations, 'policy violations', violation => {
            const condition = violation.condition ? `: ${violation.condition}` : '';
            return `  policy violation ${componentName(violation.component)}: ${violation.policy} (${violation.type}, ${violation.state})${condition}`;
        }));
    }
    return lines.map(plainText);
}
function capped(items, what, line) {
    const shown = items.slice(0, MAX_ROWS).map(line);
    if (items.length > MAX_ROWS) {
        shown.push(`  …and ${items.length - MAX_ROWS} more ${what}, listed in Dependency-Track.`);
    }
    return shown;
}
function componentName(component) {
    return `${component.name} ${component.version ?? ''}`.trim();
}

// EXTERNAL MODULE: ./src/report/writers.ts
var writers = __webpack_require__(28226);
// EXTERNAL MODULE: ./src/tool.ts
var tool = __webpack_require__(95325);
;// CONCATENATED MODULE: ./src/cli.ts















const EXIT_CLEAN = 0;
const EXIT_FINDINGS = 1;
const EXIT_ERROR = 2;

const isBoolean = (name) => (0,inputs/* inputRow */.bd)(name)?.kind.type === 'boolean';
/** Turns argv into input values keyed by the action's input names. */
function parseArguments(argv) {
    const values = new Map();
    const add = (name, value) => {
        const repeatable = (0,inputs/* inputRow */.bd)(name)?.kind.type === 'list';
        if (repeatable && values.has(name))
            values.set(name, `${values.get(name)}\n${value}`);
        else
            values.set(name, value);
    };
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i] ?? '';
        if (arg === '--help' || arg === '-h')
            return 'help';
        if (arg === '--version')
            return 'version';
        if (!arg.startsWith('--')) {
            add('paths', arg);
            continue;
        }
        const [flag = '', inlineValue] = splitOnce(arg.slice(2), '=');
        if (flag.startsWith('no-') && isBoolean(flag.slice(3)) && inlineValue === undefined) {
            values.set(flag.slice(3), 'false');
            continue;
        }
        if ((0,inputs/* inputRow */.bd)(flag) === undefined)
            throw unknownOption(flag);
        if (isBoolean(flag) && inlineValue === undefined && !isBooleanWord(argv[i + 1])) {
            values.set(flag, 'true');
            continue;
        }
        const value = inlineValue ?? argv[++i];
        if (value === undefined)
            throw new errors/* InputError */.dz(`--${flag}`, 'needs a value');
        add(flag, value);
    }
    return values;
}
function unknownOption(flag) {
    const flags = [
        ...inputs/* INPUT_NAMES */.Qh,
        ...inputs/* INPUT_NAMES */.Qh.filter(isBoolean).map(name => `no-${name}`),
        'help',
        'version'
    ];
    const suggestion = (0,suggest/* nearest */.p)(flag, flags);
    return new errors/* InputError */.dz(`--${flag}`, `unknown option (see --help)${suggestion ? `; did you mean --${suggestion}?` : ''}`);
}
/**
 * Warnings for flags that only the action on a runner acts on, in the order given; a flag
 * that asks for nothing (--comment never, --no-upload-artifact) is quiet.
 */
function runnerOnlyWarnings(values) {
    return [...values.entries()]
        .filter(([name, given]) => {
        const runnerOnly = (0,inputs/* inputRow */.bd)(name)?.runnerOnly;
        const value = given.trim().toLowerCase();
        return runnerOnly !== undefined && value !== '' && value !== runnerOnly.quiet;
    })
        .map(([name]) => `--${name} applies only to the GitHub Action on a runner; ignored here`);
}
/**
 * The flags as action inputs. The API key may come from the environment instead of a flag, but
 * only when a server is given: a key exported in a shell profile must not break plain audits.
 */
function cliInputs(values, env) {
    const url = values.get('dependency-track-url')?.trim() ?? '';
    const apiKey = values.get('dependency-track-api-key')?.trim() || (url ? env[API_KEY_VARIABLE]?.trim() : '');
    if (url && !apiKey) {
        throw new errors/* InputError */.dz('dependency-track-api-key', `is required with --dependency-track-url: set the ${API_KEY_VARIABLE} environment variable`);
    }
    return name => (name === 'dependency-track-api-key' ? (apiKey ?? '') : (values.get(name) ?? ''));
}
async function runCli(argv) {
    // Messages may quote files and servers: no escape sequences reach the terminal.
    const logger = {
        debug: () => { },
        info: message => process.stderr.write(`${plainText(message)}\n`),
        warning: message => process.stderr.write(`warning: ${plainText(message)}\n`)
    };
    const progress = (0,run_error/* newRunProgress */.tW)();
    try {
        const parsed = parseArguments(argv);
        if (parsed === 'help' || parsed === 'version') {
            // The --help text (every input as a flag, grouped, with its default) is made only when
            // asked for: ~1 ms of every run's start, before its first request, otherwise.
            process.stdout.write(parsed === 'help' ? usage() : `${tool/* TOOL */.j.name} ${tool/* TOOL */.j.version}\n`);
            return EXIT_CLEAN;
        }
        const config = (0,config_config/* parseConfig */.o4)(cliInputs(parsed, process.env), { cwd: process.cwd(), env: process.env }, 'cli');
        runnerOnlyWarnings(parsed).forEach(message => logger.warning(message));
        const run = await (0,run_audit/* runAudit */.b)(config, logger, {
            env: process.env,
            cacheStore: open_feed/* NO_CACHE_STORE */.vF,
            sarifAutomationId: (0,writers/* sarifAutomationId */._k)(external_node_path_.relative(config.repositoryRoot, config.workingDirectory)),
            progress
        });
        run.warnings.forEach(message => logger.warning(message));
        run.notices.forEach(message => logger.info(message));
        process.stdout.write(renderTerminal(run.outcome, { repositoryRoot: config.repositoryRoot }));
        const verdict = run.outcome.result === 'fail' ? EXIT_FINDINGS : EXIT_CLEAN;
        // Like the action, a failed upload does not hide the verdict printed above: it follows it.
        return (await uploadSbom(config, run, logger)) ? verdict : EXIT_ERROR;
    }
    catch (error) {
        // What went wrong, then, once the audit had started, what was and was not checked (the
        // action's summary says the same). A refused flag or value needs only its message.
        const failure = progress.error;
        const lines = [
            `error: ${failure?.message ?? (0,describe_error/* describeError */.U)(error)}`,
            ...(failure?.checked ?? []).map(line => `checked: ${line}`),
            ...(failure?.notChecked ?? []).map(line => `not checked: ${line}`)
        ];
        process.stderr.write(lines.map(line => `${plainText(line)}\n`).join(''));
        return EXIT_ERROR;
    }
}
/** True when there was nothing to upload or the upload succeeded; the outcome goes to stderr. */
async function uploadSbom(config, run, logger) {
    const url = config.dependencyTrack?.url;
    if (!url)
        return true;
    try {
        // The client's progress lines would repeat the outcome printed below.
        const quiet = { ...logger, info: () => { } };
        const upload = await (0,dependency_track_run/* sendSbomToDependencyTrack */.n)(config, run.sbom, quiet, process.env);
        if (upload) {
            const lines = renderDependencyTrackLines(upload.result, upload.project);
            process.stderr.write(`${lines.join('\n')}\n`);
        }
        return true;
    }
    catch (error) {
        const message = (0,describe_error/* describeError */.U)(error);
        const named = message.includes(url) ? message : `Dependency-Track at ${url}: ${message}`;
        process.stderr.write(`error: ${plainText(named)}\n`);
        return false;
    }
}
function splitOnce(text, separator) {
    const at = text.indexOf(separator);
    return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}
function isBooleanWord(value) {
    return value !== undefined && /^(true|false)$/i.test(value);
}


/***/ })

};
