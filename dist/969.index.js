export const id = 969;
export const ids = [969];
export const modules = {

/***/ 33969:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runCli: () => (/* binding */ runCli)
});

// UNUSED EXPORTS: EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, parseArguments

// EXTERNAL MODULE: ./src/config.ts + 1 modules
var src_config = __webpack_require__(40103);
// EXTERNAL MODULE: ./src/describe-error.ts
var describe_error = __webpack_require__(39869);
// EXTERNAL MODULE: ./src/engine.ts + 48 modules
var engine = __webpack_require__(13523);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/report/counts.ts
var report_counts = __webpack_require__(65132);
// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(14031);
// EXTERNAL MODULE: ./src/report/markdown.ts
var markdown = __webpack_require__(54285);
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
            (0,report_escape/* truncate */.xv)(vuln.description, 60)
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

;// CONCATENATED MODULE: ./src/cli.ts





const EXIT_CLEAN = 0;
const EXIT_FINDINGS = 1;
const EXIT_ERROR = 2;
const BOOLEAN_INPUTS = new Set(Object.entries(src_config/* INPUT_DEFAULTS */.WJ)
    .filter(([, value]) => value === 'true' || value === 'false')
    .map(([name]) => name));
const LIST_INPUTS = new Set(['paths', 'ignore-vulns', 'extra-index-url']);
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
  --license-fail-on 'GPL;AGPL'   --license-allow-only 'MIT;BSD-3-Clause;Apache-2.0'
  --report FILE  --sbom FILE  --sarif FILE   write the JSON report, CycloneDX SBOM, SARIF
  --no-fail-on-vulnerability  exit 0 even when vulnerabilities are found
  --help                      show this text

Exit codes: 0 passed, 1 failed (findings or violations), 2 error.
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
        if (!(flag in src_config/* INPUT_DEFAULTS */.WJ))
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
async function runCli(argv) {
    const logger = {
        debug: () => { },
        info: message => process.stderr.write(`${message}\n`),
        warning: message => process.stderr.write(`warning: ${message}\n`)
    };
    try {
        const parsed = parseArguments(argv);
        if (parsed === 'help') {
            process.stdout.write(USAGE);
            return EXIT_CLEAN;
        }
        const config = (0,src_config/* parseConfig */.o4)(name => parsed.get(name) ?? '', { cwd: process.cwd(), env: process.env }, 'cli');
        const run = await (0,engine/* runAudit */.b)(config, logger);
        run.warnings.forEach(message => logger.warning(message));
        run.notices.forEach(message => logger.info(message));
        process.stdout.write(renderTerminal(run.outcome));
        return run.outcome.result === 'fail' ? EXIT_FINDINGS : EXIT_CLEAN;
    }
    catch (error) {
        process.stderr.write(`error: ${(0,describe_error/* describeError */.U)(error)}\n`);
        return EXIT_ERROR;
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
