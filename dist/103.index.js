export const id = 103;
export const ids = [103];
export const modules = {

/***/ 7103:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  API_KEY_VARIABLE: () => (/* binding */ API_KEY_VARIABLE),
  EXIT_CLEAN: () => (/* binding */ EXIT_CLEAN),
  EXIT_ERROR: () => (/* binding */ EXIT_ERROR),
  EXIT_FINDINGS: () => (/* binding */ EXIT_FINDINGS),
  USAGE: () => (/* binding */ USAGE),
  cliInputs: () => (/* binding */ cliInputs),
  parseArguments: () => (/* binding */ parseArguments),
  runCli: () => (/* binding */ runCli),
  runnerOnlyWarnings: () => (/* binding */ runnerOnlyWarnings)
});

// EXTERNAL MODULE: ./src/config/config.ts + 1 modules
var config_config = __webpack_require__(20799);
// EXTERNAL MODULE: ./src/shared/describe-error.ts
var describe_error = __webpack_require__(4459);
// EXTERNAL MODULE: ./src/integrations/dependency-track/run.ts
var dependency_track_run = __webpack_require__(97970);
// EXTERNAL MODULE: ./src/pipeline/run-audit.ts + 19 modules
var run_audit = __webpack_require__(71571);
// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(58382);
// EXTERNAL MODULE: ./src/shared/escape.ts
var shared_escape = __webpack_require__(76242);
// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(54285);
// EXTERNAL MODULE: ./src/report/counts.ts
var report_counts = __webpack_require__(65132);
;// CONCATENATED MODULE: ./src/report/terminal.ts



/** Untrusted text on a terminal: no escape sequences, no line breaks. */
function plainText(text) {
    // eslint-disable-next-line no-control-regex
    return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
}
/** pip-audit's columns layout (Name, Version, ID, Fix Versions), plus severity and what was skipped. */
function renderTerminal(outcome) {
    const out = [];
    const counts = (0,report_counts/* summaryCounts */.N)(outcome);
    if (counts.vulnerabilities === 0) {
        out.push(`No known vulnerabilities found in ${(0,markdown/* plural */.L)(counts.packages, 'package')}.`);
    }
    else {
        out.push(`Found ${(0,markdown/* plural */.L)(counts.vulnerabilities, 'known vulnerability', 'known vulnerabilities')} in ${(0,markdown/* plural */.L)(counts.vulnerable_packages, 'package')}.`, '');
        const rows = outcome.packages.flatMap(pkg => pkg.vulnerabilities
            .filter(vuln => !vuln.ignored)
            .map(vuln => [
            pkg.name,
            pkg.version,
            vuln.malicious ? `${vuln.id} (MALICIOUS)` : vuln.id,
            vuln.fixVersions.join(','),
            vuln.severity.score !== undefined
                ? `${vuln.severity.level} ${vuln.severity.score}`
                : vuln.severity.level,
            (0,shared_escape/* truncate */.xv)(vuln.description, 60)
        ]));
        out.push(...table(['Name', 'Version', 'ID', 'Fix Versions', 'Severity', 'Summary'], rows));
    }
    const upgrades = outcome.packages.filter(pkg => pkg.recommendedVersion !== undefined);
    if (upgrades.length > 0) {
        out.push('', ...table(['Name', 'Version', 'Recommended upgrade'], upgrades.map(pkg => [
            pkg.name,
            pkg.version,
            pkg.recommendedVersion ?? 'none known without vulnerabilities'
        ])));
    }
    const ignored = outcome.packages.flatMap(pkg => pkg.vulnerabilities
        .filter(v => v.ignored)
        .map(v => [pkg.name, pkg.version, v.id, v.ignored?.reason ?? '']));
    if (ignored.length > 0)
        out.push('', ...table(['Name', 'Version', 'Ignored ID', 'Reason'], ignored));
    const violations = outcome.licenses.filter(entry => entry.violation);
    if (violations.length > 0) {
        out.push('', ...table(['Name', 'Version', 'License', 'Violation'], violations.map(e => [e.name, e.version, e.license, e.rule ?? ''])));
    }
    if (outcome.skipped.length > 0) {
        out.push('', ...table(['Name', 'Skip Reason'], outcome.skipped.map(s => [s.name, s.reason])));
    }
    out.push('', ...(outcome.failureReasons.length ? outcome.failureReasons : ['Passed.']));
    return `${out.join('\n')}\n`;
}
function table(header, rows) {
    const cells = [header, ...rows].map(row => row.map(plainText));
    const widths = header.map((_, col) => Math.max(...cells.map(row => (row[col] ?? '').length)));
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
        lines.push(`Dependency-Track: ${(0,markdown/* plural */.L)(result.findings.length, 'finding')}, ${(0,markdown/* plural */.L)(violations.length, 'policy violation')}.`);
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

;// CONCATENATED MODULE: ./src/cli.ts







const EXIT_CLEAN = 0;
const EXIT_FINDINGS = 1;
const EXIT_ERROR = 2;
const BOOLEAN_INPUTS = new Set(Object.entries(config_config/* INPUT_DEFAULTS */.WJ)
    .filter(([, value]) => value === 'true' || value === 'false')
    .map(([name]) => name));
const LIST_INPUTS = new Set(['paths', 'ignore-vulns', 'extra-index-url']);
/** Inputs that only the action on a runner acts on, each with the value that asks for nothing. */
const RUNNER_ONLY_INPUTS = {
    comment: 'never',
    'upload-artifact': 'false',
    'artifact-name': undefined,
    'retention-days': undefined,
    'github-token': undefined
};
/** A secret on the command line would be in shell history and in `ps`; the environment is not. */
const API_KEY_VARIABLE = 'DEPENDENCY_TRACK_API_KEY';
const USAGE = `Usage: pyaudit [options] [paths...]

Audits Python dependencies for known vulnerabilities and license problems. Every action input
is a flag of the same name (--name value, --name=value; booleans also --name / --no-name).
The most used:
  --paths FILE|DIR            requirements file, lockfile, pyproject.toml or directory (repeatable; also positional)
  --working-directory DIR     resolve relative paths here (default: .)
  --python PATH               audit this interpreter's or virtualenv's installed packages
  --resolve pip               resolve ranges to the exact set pip would install (runs pip; may build sdists)
  --advisory-db PATH          offline OSV database (directory or all.zip); no network is used
  --vulnerability-service S   osv (default) or pypi
  --fail-on-severity LEVEL    low (default), medium, high or critical
  --ignore-vulns ID           ignore an advisory (repeat the flag for more)
  --license-fail-on 'GPL;General Public License' --license-partial-match
                              fail on GPL, LGPL and AGPL however spelled (without
                              --license-partial-match, names must match whole)
  --license-allow-only 'MIT;BSD-3-Clause;Apache-2.0'
  --report FILE  --sbom FILE  --sarif FILE   write the JSON report, CycloneDX SBOM, SARIF
  --no-fail-on-vulnerability  exit 0 even when vulnerabilities are found
  --dependency-track-url URL  upload the SBOM to Dependency-Track, with the API key from the
                              ${API_KEY_VARIABLE} environment variable (a
                              --dependency-track-api-key flag would leave the key in shell
                              history and in ps)
  --dependency-track-project NAME  --dependency-track-version VERSION
                              the project to upload to; outside a GitHub workflow the name is
                              required (or --dependency-track-project-uuid)
  --dependency-track-wait     wait for processing, then list its findings and policy violations
  --help                      show this text

--comment, --upload-artifact, --artifact-name, --retention-days and --github-token act only
in the GitHub Action; given here, each is ignored with a warning.

Exit codes: 0 passed, 1 failed (findings or violations), 2 error. A Dependency-Track upload
that fails is an error (2), reported after the audit's verdict.
`;
/** Turns argv into input values keyed by the action's input names. */
function parseArguments(argv) {
    const values = new Map();
    const add = (name, value) => {
        if (LIST_INPUTS.has(name) && values.has(name))
            values.set(name, `${values.get(name)}\n${value}`);
        else
            values.set(name, value);
    };
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i] ?? '';
        if (arg === '--help' || arg === '-h')
            return 'help';
        if (!arg.startsWith('--')) {
            add('paths', arg);
            continue;
        }
        const [flag = '', inlineValue] = splitOnce(arg.slice(2), '=');
        if (flag.startsWith('no-') && BOOLEAN_INPUTS.has(flag.slice(3)) && inlineValue === undefined) {
            values.set(flag.slice(3), 'false');
            continue;
        }
        if (!(flag in config_config/* INPUT_DEFAULTS */.WJ))
            throw new errors/* InputError */.dz(`--${flag}`, 'unknown option (see --help)');
        if (BOOLEAN_INPUTS.has(flag) && inlineValue === undefined && !isBooleanWord(argv[i + 1])) {
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
/** Warnings for flags that only the action on a runner acts on; a flag that asks for nothing is quiet. */
function runnerOnlyWarnings(values) {
    return Object.entries(RUNNER_ONLY_INPUTS)
        .filter(([name, off]) => {
        const value = values.get(name)?.trim().toLowerCase() ?? '';
        return value !== '' && value !== off;
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
    try {
        const parsed = parseArguments(argv);
        if (parsed === 'help') {
            process.stdout.write(USAGE);
            return EXIT_CLEAN;
        }
        const config = (0,config_config/* parseConfig */.o4)(cliInputs(parsed, process.env), { cwd: process.cwd(), env: process.env }, 'cli');
        runnerOnlyWarnings(parsed).forEach(message => logger.warning(message));
        const run = await (0,run_audit/* runAudit */.b)(config, logger);
        run.warnings.forEach(message => logger.warning(message));
        run.notices.forEach(message => logger.info(message));
        process.stdout.write(renderTerminal(run.outcome));
        const verdict = run.outcome.result === 'fail' ? EXIT_FINDINGS : EXIT_CLEAN;
        // Like the action, a failed upload does not hide the verdict printed above: it follows it.
        return (await uploadSbom(config, run, logger)) ? verdict : EXIT_ERROR;
    }
    catch (error) {
        process.stderr.write(`error: ${plainText((0,describe_error/* describeError */.U)(error))}\n`);
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
        const upload = await (0,dependency_track_run/* sendSbomToDependencyTrack */.n)(config, run.sbom, { ...logger, info: () => { } });
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
