export const id = 350;
export const ids = [350];
export const modules = {

/***/ 79350:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   renderDependencyTrack: () => (/* binding */ renderDependencyTrack)
/* harmony export */ });
/* harmony import */ var _shared_escape_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76242);

const MAX_ROWS = 50;
/** What Dependency-Track said of the uploaded SBOM, for the job summary. All text is the server's: escaped. */
function renderDependencyTrack(result) {
    const project = result.projectUuid ? ` (project ${(0,_shared_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(result.projectUuid)})` : '';
    if (!result.findings) {
        return `\n<sub>SBOM uploaded to Dependency-Track${project}; processing token ${(0,_shared_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(result.token)}.</sub>\n`;
    }
    const violations = result.policyViolations ?? [];
    const lines = [
        '',
        `### Dependency-Track${project}`,
        '',
        `**${result.findings.length} findings, ${violations.length} policy violations.**`,
        ''
    ];
    if (result.findings.length > 0) {
        lines.push('| Component | Vulnerability | Severity | Analysis |', '| --- | --- | --- | --- |');
        for (const finding of result.findings.slice(0, MAX_ROWS)) {
            const { component, vulnerability } = finding;
            lines.push(`| ${(0,_shared_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(`${component.name} ${component.version ?? ''}`.trim())} | ${(0,_shared_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(vulnerability.id)}${vulnerability.title ? ` ${(0,_shared_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)((0,_shared_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)(vulnerability.title, 80))}` : ''} | ${(0,_shared_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(vulnerability.severity)} | ${(0,_shared_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(finding.analysisState ?? 'not analysed')} |`);
        }
        lines.push('');
    }
    if (violations.length > 0) {
        lines.push('| Component | Policy | State | Condition |', '| --- | --- | --- | --- |');
        for (const violation of violations.slice(0, MAX_ROWS)) {
            lines.push(`| ${(0,_shared_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(`${violation.component.name} ${violation.component.version ?? ''}`.trim())} | ${(0,_shared_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(`${violation.policy} (${violation.type})`)} | ${(0,_shared_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(violation.state)} | ${(0,_shared_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeMarkdown */ .FV)(violation.condition ?? '')} |`);
        }
        lines.push('');
    }
    const shown = Math.max(result.findings.length, violations.length);
    if (shown > MAX_ROWS)
        lines.push(`…the first ${MAX_ROWS} of each are shown; the rest are in Dependency-Track.`, '');
    return lines.join('\n');
}


/***/ })

};
