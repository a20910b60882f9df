export const id = 970;
export const ids = [970];
export const modules = {

/***/ 66970:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  uploadToDependencyTrack: () => (/* binding */ uploadToDependencyTrack)
});

// UNUSED EXPORTS: DEPENDENCY_TRACK_INPUTS, DependencyTrackError, defaultProjectCoordinates, parseDependencyTrackParent

// EXTERNAL MODULE: ./node_modules/undici/lib/web/fetch/formdata.js
var formdata = __webpack_require__(35910);
var formdata_default = /*#__PURE__*/__webpack_require__.n(formdata);
;// CONCATENATED MODULE: ./src/net/undici-formdata.ts

const FormData = (formdata_default()).FormData;

// EXTERNAL MODULE: ./src/integrations/dependency-track/errors.ts
var errors = __webpack_require__(99268);
// EXTERNAL MODULE: ./src/shared/escape.ts
var shared_escape = __webpack_require__(76242);
// EXTERNAL MODULE: ./src/integrations/dependency-track/http.ts
var dependency_track_http = __webpack_require__(79227);
// EXTERNAL MODULE: ./src/integrations/dependency-track/inputs.ts
var inputs = __webpack_require__(89054);
// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(58500);
;// CONCATENATED MODULE: ./src/integrations/dependency-track/results.ts
/**
 * Dependency-Track's findings and policy violations, read from its JSON into the few fields
 * a report shows. Pure. A list that is not a list is an error, not "nothing found": a
 * security check must not pass because an answer was unreadable.
 */
function parseFindings(value) {
    return requireList(value, 'findings').map(item => {
        const finding = object(item);
        const vulnerability = object(finding.vulnerability);
        const analysis = object(finding.analysis);
        const id = results_text(vulnerability.vulnId) ?? results_text(vulnerability.uuid) ?? 'unknown';
        const title = results_text(vulnerability.title);
        const state = results_text(analysis.state);
        return {
            component: component(finding.component),
            vulnerability: {
                id,
                source: results_text(vulnerability.source) ?? 'unknown',
                severity: results_text(vulnerability.severity) ?? 'UNASSIGNED',
                ...(title ? { title } : {}),
                aliases: aliases(vulnerability.aliases, id)
            },
            ...(state ? { analysisState: state } : {})
        };
    });
}
function parseViolations(value) {
    return requireList(value, 'policy violations').map(item => {
        const violation = object(item);
        const condition = object(violation.policyCondition);
        const policy = object(condition.policy);
        const matched = [condition.subject, condition.operator, condition.value]
            .map(results_text)
            .filter(Boolean)
            .join(' ');
        return {
            type: results_text(violation.type) ?? 'UNKNOWN',
            policy: results_text(policy.name) ?? 'unnamed policy',
            state: results_text(policy.violationState) ?? 'FAIL',
            ...(matched ? { condition: matched } : {}),
            component: component(violation.component)
        };
    });
}
/** Thrown as-is by the caller, which adds the server and the step. */
class UnreadableAnswer extends Error {
}
function requireList(value, what) {
    if (!Array.isArray(value))
        throw new UnreadableAnswer(`expected a JSON list of ${what}`);
    return value;
}
function component(value) {
    const json = object(value);
    const group = results_text(json.group);
    const version = results_text(json.version);
    const purl = results_text(json.purl);
    return {
        name: results_text(json.name) ?? 'unknown',
        ...(group ? { group } : {}),
        ...(version ? { version } : {}),
        ...(purl ? { purl } : {})
    };
}
/** Dependency-Track lists aliases as objects of ids: {cveId, ghsaId, osvId, …}. */
function aliases(value, own) {
    if (!Array.isArray(value))
        return [];
    const ids = new Set();
    for (const alias of value) {
        for (const [key, id] of Object.entries(object(alias))) {
            if (key.endsWith('Id') && typeof id === 'string' && id !== own)
                ids.add(id);
        }
    }
    return [...ids];
}
function object(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};
}
function results_text(value) {
    return typeof value === 'string' && value !== '' ? value : undefined;
}

;// CONCATENATED MODULE: ./src/integrations/dependency-track/reads.ts
/**
 * What follows an upload when the caller waits: poll the upload's token until processing
 * ends (within a deadline), find the project's UUID, and read every page of its findings
 * and policy violations.
 */





const PAGE_SIZE = 100;
async function waitForProcessing(api, token, timing, logger) {
    const deadline = Date.now() + timing.timeoutMs;
    // /event/token arrived in Dependency-Track 4.11; older servers answer on /bom/token.
    let path = `/api/v1/event/token/${encodeURIComponent(token)}`;
    for (let polls = 1;; polls++) {
        let answer = await api.find('token', path, 404);
        if (!answer && path.startsWith('/api/v1/event/')) {
            path = `/api/v1/bom/token/${encodeURIComponent(token)}`;
            answer = await api.get('token', path);
        }
        const processing = answer?.value?.processing;
        if (processing === false)
            return;
        if (processing !== true) {
            throw new dependency_track_http/* DependencyTrackError */.V$(`Dependency-Track at ${api.baseUrl} answered the token check without "processing"`);
        }
        if (Date.now() + timing.intervalMs > deadline) {
            throw new dependency_track_http/* DependencyTrackError */.V$(`Dependency-Track was still processing the SBOM after ${duration(timing.timeoutMs)} ` +
                `(${polls} checks, token ${token}). The upload itself succeeded. ` +
                `Raise ${errors/* DEPENDENCY_TRACK_INPUTS */.u_.waitTimeout}, or set ${errors/* DEPENDENCY_TRACK_INPUTS */.u_.wait} to false to not wait for results.`);
        }
        logger.debug(`Dependency-Track is still processing token ${token}; next check in ${timing.intervalMs} ms`);
        await (0,promises_.setTimeout)(timing.intervalMs);
    }
}
function duration(ms) {
    return ms < 10_000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
}
async function lookUpProject(api, name, version) {
    const query = new URLSearchParams({ name });
    if (version)
        query.set('version', version);
    const { value } = await api.get('lookup', `/api/v1/project/lookup?${query}`);
    const uuid = value?.uuid;
    if (typeof uuid !== 'string' || !inputs/* UUID_PATTERN */.JJ.test(uuid)) {
        throw new dependency_track_http/* DependencyTrackError */.V$(`Dependency-Track at ${api.baseUrl} answered the project lookup without a project UUID`);
    }
    return uuid;
}
/** Active (not suppressed) findings: the server's default. */
async function readFindings(api, projectUuid) {
    const path = `/api/v1/finding/project/${encodeURIComponent(projectUuid)}`;
    return parseList(api, 'findings', parseFindings, await getAll(api, 'findings', path));
}
async function readViolations(api, projectUuid) {
    const path = `/api/v1/violation/project/${encodeURIComponent(projectUuid)}`;
    return parseList(api, 'violations', parseViolations, await getAll(api, 'violations', path));
}
/** Every page of a list; X-Total-Count says when to stop (a server that ignores paging sends all at once). */
async function getAll(api, step, path) {
    const all = [];
    for (let page = 1; page <= 1_000; page++) {
        const { value, totalCount } = await api.get(step, `${path}?pageNumber=${page}&pageSize=${PAGE_SIZE}`);
        if (!Array.isArray(value))
            return value;
        all.push(...value);
        if (totalCount === undefined || value.length === 0 || all.length >= totalCount)
            break;
    }
    return all;
}
function parseList(api, step, parse, value) {
    try {
        return parse(value);
    }
    catch (error) {
        if (!(error instanceof UnreadableAnswer))
            throw error;
        throw new dependency_track_http/* DependencyTrackError */.V$(`Dependency-Track at ${api.baseUrl}: could not ${(0,errors/* describeStep */.Ey)(step)}: ${error.message}`);
    }
}

;// CONCATENATED MODULE: ./src/integrations/dependency-track/client.ts
/**
 * Uploads the CycloneDX SBOM to Dependency-Track (POST /api/v1/bom, multipart form) and,
 * when asked to wait, polls the upload's token until the server has processed it, then reads
 * the project's findings and policy violations. Every failure names what to fix; the API key
 * is never part of a message or a log line.
 */









async function uploadToDependencyTrack(sbomJson, options) {
    const apiKey = options.apiKey.trim();
    const logger = redactingLogger(options.logger, apiKey);
    let http;
    try {
        (0,inputs/* checkApiKey */.Sq)(apiKey);
        // Whatever the server says may echo the key: redacted wherever it is printed, escaped or not.
        (0,shared_escape/* registerSecret */.cl)(apiKey);
        const baseUrl = (0,inputs/* normalizeBaseUrl */.qT)(options.url);
        if (baseUrl.startsWith('http:') && !/^http:\/\/(localhost|127\.|\[::1\])/.test(baseUrl)) {
            logger.warning(`${errors/* DEPENDENCY_TRACK_INPUTS */.u_.url} is plain http: the API key crosses the network unencrypted.`);
        }
        const target = (0,inputs/* describeTarget */.ff)(options);
        http = new dependency_track_http/* DependencyTrackHttp */.Dw(baseUrl, {
            apiKey,
            logger,
            timeoutMs: options.requestTimeoutMs ?? 120_000,
            attempts: options.attempts ?? 3,
            ...(options.retryDelayMs !== undefined ? { baseDelayMs: options.retryDelayMs } : {}),
            env: options.env
        });
        const context = (step) => ({
            step,
            baseUrl,
            project: target,
            byUuid: Boolean(options.projectUuid),
            autoCreate: options.autoCreate ?? true,
            ...(options.parentUuid || options.parentName
                ? { parent: options.parentUuid ?? options.parentName }
                : {}),
            sbomBytes: Buffer.byteLength(sbomJson)
        });
        const token = await upload(http, sbomJson, options, context);
        logger.info(`Uploaded the SBOM to Dependency-Track project ${target} (token ${token})`);
        if (!options.wait) {
            return redacted({
                token,
                ...(options.projectUuid ? { projectUuid: options.projectUuid } : {})
            });
        }
        const api = apiOf(http, context);
        await waitForProcessing(api, token, { timeoutMs: options.waitTimeoutMs ?? 300_000, intervalMs: options.pollIntervalMs ?? 2_000 }, logger);
        const projectUuid = options.projectUuid ??
            (await lookUpProject(api, options.projectName ?? '', options.projectVersion));
        const findings = await readFindings(api, projectUuid);
        const policyViolations = await readViolations(api, projectUuid);
        logger.info(`Dependency-Track reports ${findings.length} finding(s) and ${policyViolations.length} policy violation(s) for ${target}`);
        return redacted({ token, projectUuid, findings, policyViolations });
    }
    catch (error) {
        // Belt and braces: nothing that leaves this module may carry the key.
        if (error instanceof Error && apiKey) {
            error.message = (0,shared_escape/* redactSecrets */.fp)((0,dependency_track_http/* redactKey */.pr)(error.message, apiKey));
        }
        throw error;
    }
    finally {
        await http?.close();
    }
}
function apiOf(http, context) {
    const find = async (step, path, absent) => {
        const response = await http.send('GET', path, (0,errors/* describeStep */.Ey)(step));
        if (response.status === absent)
            return undefined;
        if (response.status !== 200) {
            throw (0,errors/* explainFailure */.SP)(response.status, response.text, context(step));
        }
        return { value: parseJson(response.text, step, http.baseUrl), totalCount: response.totalCount };
    };
    return {
        baseUrl: http.baseUrl,
        find,
        get: async (step, path) => (await find(step, path))
    };
}
async function upload(http, sbomJson, options, context) {
    const form = uploadForm(sbomJson, options);
    let response = await http.send('POST', '/api/v1/bom', (0,errors/* describeStep */.Ey)('upload'), form);
    // Two legs auto-creating the same project at once: the loser's retry finds it created.
    if (response.status === 409) {
        response = await http.send('POST', '/api/v1/bom', (0,errors/* describeStep */.Ey)('upload'), form);
    }
    if (response.status !== 200)
        throw (0,errors/* explainFailure */.SP)(response.status, response.text, context('upload'));
    const token = parseJson(response.text, 'upload', http.baseUrl)
        ?.token;
    if (typeof token !== 'string' || token === '') {
        throw new dependency_track_http/* DependencyTrackError */.V$(`Dependency-Track at ${http.baseUrl} accepted the SBOM but returned no token`);
    }
    return token;
}
function uploadForm(sbomJson, options) {
    const form = new FormData();
    const autoCreate = options.autoCreate ?? true;
    if (options.projectUuid) {
        form.append('project', options.projectUuid);
    }
    else {
        form.append('projectName', options.projectName ?? '');
        if (options.projectVersion)
            form.append('projectVersion', options.projectVersion);
        form.append('autoCreate', String(autoCreate));
        // The server reads a parent only when it creates the project.
        if (autoCreate && options.parentUuid)
            form.append('parentUUID', options.parentUuid);
        else if (autoCreate && options.parentName) {
            form.append('parentName', options.parentName);
            if (options.parentVersion)
                form.append('parentVersion', options.parentVersion);
        }
    }
    form.append('bom', new Blob([sbomJson], { type: 'application/json' }), 'bom.json');
    return form;
}
function parseJson(text, step, baseUrl) {
    try {
        return JSON.parse(text);
    }
    catch {
        throw new dependency_track_http/* DependencyTrackError */.V$(`Dependency-Track at ${baseUrl} answered a request to ${(0,errors/* describeStep */.Ey)(step)} with something that is not JSON`);
    }
}
function redactingLogger(logger, apiKey) {
    return {
        debug: message => logger.debug((0,shared_escape/* redactSecrets */.fp)((0,dependency_track_http/* redactKey */.pr)(message, apiKey))),
        info: message => logger.info((0,shared_escape/* redactSecrets */.fp)((0,dependency_track_http/* redactKey */.pr)(message, apiKey))),
        warning: message => logger.warning((0,shared_escape/* redactSecrets */.fp)((0,dependency_track_http/* redactKey */.pr)(message, apiKey)))
    };
}
/**
 * The server's answer with every known secret taken out of its text (a server that echoes the
 * key in a title or a token would otherwise carry it into the summary and the outputs).
 */
function redacted(value) {
    if (typeof value === 'string')
        return (0,shared_escape/* redactSecrets */.fp)(value);
    if (Array.isArray(value))
        return value.map(redacted);
    if (value !== null && typeof value === 'object') {
        return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redacted(item)]));
    }
    return value;
}


/***/ })

};
