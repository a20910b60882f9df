export const id = 800;
export const ids = [800];
export const modules = {

/***/ 85800:
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

// EXTERNAL MODULE: ./src/shared/errors.ts
var errors = __webpack_require__(58382);
// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(58500);
// EXTERNAL MODULE: ./src/net/undici-parts.ts
var undici_parts = __webpack_require__(40916);
// EXTERNAL MODULE: ./src/net/http.ts
var http = __webpack_require__(59663);
;// CONCATENATED MODULE: ./src/integrations/dependency-track/http.ts
/**
 * HTTP to a Dependency-Track API server: the X-Api-Key header on every call, a deadline for
 * the whole of each request, and retries with backoff for what is usually transient (429,
 * 5xx, dropped connections). Answers of any other status are returned for the caller to
 * explain. The API key never appears in anything this module logs or throws.
 */




/** Dependency-Track could not be reached, or answered in a way no input change explains. */
class DependencyTrackError extends errors/* PyauditError */.xE {
    status;
    name = 'DependencyTrackError';
    constructor(message, status) {
        super(message);
        this.status = status;
    }
}
const TRANSIENT_STATUS = new Set([429, 500, 502, 503, 504]);
const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
class DependencyTrackHttp {
    baseUrl;
    options;
    dispatcher;
    constructor(
    /** Origin plus any path prefix, without a trailing slash, e.g. https://dt.example.com */
    baseUrl, options) {
        this.baseUrl = baseUrl;
        this.options = options;
        const poolOptions = { connections: 4, connect: { timeout: options.timeoutMs } };
        const proxied = (0,http/* proxyConfigured */.$o)(options.env ?? {});
        this.dispatcher = proxied ? new undici_parts/* EnvHttpProxyAgent */.J2(poolOptions) : new undici_parts/* Agent */.g6(poolOptions);
    }
    /** `what` names the call in messages, e.g. "upload the SBOM". */
    async send(method, pathAndQuery, what, body) {
        const url = `${this.baseUrl}${pathAndQuery}`;
        for (let attempt = 1;; attempt++) {
            let response;
            let failure;
            let retryAfterMs;
            // undici's timeouts are per read: a server dripping bytes would renew them forever.
            const deadline = new http/* RequestDeadline */.AQ(this.options.timeoutMs);
            try {
                const answer = await (0,undici_parts/* request */.Em)(this.dispatcher, url, {
                    method,
                    body,
                    headers: { 'x-api-key': this.options.apiKey, accept: 'application/json' },
                    // Off: the deadline covers the whole request, and its message names the limit.
                    headersTimeout: 0,
                    bodyTimeout: 0,
                    signal: deadline.over(undefined)
                });
                const total = Number(single(answer.headers['x-total-count']));
                response = {
                    status: answer.statusCode,
                    text: await readCapped(answer.body),
                    ...(Number.isInteger(total) && total >= 0 ? { totalCount: total } : {})
                };
                if (!TRANSIENT_STATUS.has(answer.statusCode))
                    return response;
                failure = `HTTP ${answer.statusCode}`;
                retryAfterMs = (0,http/* parseRetryAfter */.mu)(answer.headers['retry-after'], Date.now());
            }
            catch (error) {
                failure = deadline.passed ? deadline.description : this.describeNetworkError(error);
            }
            finally {
                deadline.clear();
            }
            if (attempt >= this.options.attempts) {
                if (response)
                    return response;
                throw new DependencyTrackError(`Could not ${what}: Dependency-Track at ${this.baseUrl} did not answer (${failure}, after ${attempt} attempts)`);
            }
            const wait = Math.min(retryAfterMs ??
                (0,http/* backoffDelay */.EY)(attempt, this.options.baseDelayMs ?? http/* DEFAULT_RETRY */.vI.baseDelayMs, http/* DEFAULT_RETRY */.vI.maxDelayMs), http/* DEFAULT_RETRY */.vI.maxRetryAfterMs);
            this.options.logger.debug(`Dependency-Track: ${what}: ${failure}; retry in ${wait} ms`);
            await (0,promises_.setTimeout)(wait);
        }
    }
    async close() {
        await this.dispatcher.close();
    }
    /** One line, without the API key even if an error message were to quote a header. */
    redact(text) {
        return redactKey(text, this.options.apiKey);
    }
    describeNetworkError(error) {
        const code = error?.code;
        const message = error instanceof Error ? error.message : String(error);
        return this.redact(typeof code === 'string' ? `${code}: ${message}` : message);
    }
}
function redactKey(text, apiKey) {
    // eslint-disable-next-line no-control-regex
    const flat = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
    return apiKey ? flat.split(apiKey).join('***') : flat;
}
function single(value) {
    return Array.isArray(value) ? value[0] : value;
}
async function readCapped(body) {
    const chunks = [];
    let size = 0;
    for await (const chunk of body) {
        size += chunk.length;
        if (size > MAX_RESPONSE_BYTES)
            throw new Error(`response over ${MAX_RESPONSE_BYTES} bytes`);
        chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString('utf8');
}

// EXTERNAL MODULE: ./src/integrations/dependency-track/inputs.ts
var dependency_track_inputs = __webpack_require__(89054);
;// CONCATENATED MODULE: ./src/integrations/dependency-track/errors.ts
/**
 * What a Dependency-Track answer that is not a success means for the user, and which input
 * to change. Pure: status and body in, error out. The body is the server's text (plain text
 * on most endpoints, RFC 9457 problem JSON on newer ones); it is untrusted and kept short.
 */



const WHAT = {
    upload: 'upload the SBOM',
    token: 'check whether the SBOM is processed',
    lookup: 'look up the project',
    findings: 'read the findings',
    violations: 'read the policy violations'
};
/** The permission each read needs, besides authentication. */
const READ_PERMISSION = {
    token: 'BOM_UPLOAD',
    lookup: 'VIEW_PORTFOLIO',
    findings: 'VIEW_VULNERABILITY',
    violations: 'VIEW_POLICY_VIOLATION'
};
function describeStep(step) {
    return WHAT[step];
}
function explainFailure(status, body, context) {
    const { step, baseUrl, project } = context;
    const detail = serverDetail(body);
    const said = detail ? `: ${detail}` : '';
    const server = `Dependency-Track at ${baseUrl}`;
    const inputs = dependency_track_inputs/* DEPENDENCY_TRACK_INPUTS */.u_;
    if (status === 401 && /permission to create project/i.test(detail)) {
        return new errors/* InputError */.dz(inputs.apiKey, `${server} will not create project ${project}: the API key's team lacks the PROJECT_CREATION_UPLOAD ` +
            `(or PORTFOLIO_MANAGEMENT) permission. Grant it, or create the project in Dependency-Track first.`);
    }
    if (status === 401) {
        return new errors/* InputError */.dz(inputs.apiKey, `${server} rejected the API key (HTTP 401 Unauthorized) when asked to ${WHAT[step]}: ` +
            `check that the secret holds a current, complete API key of a Dependency-Track team.`);
    }
    if (status === 403) {
        const need = step === 'upload'
            ? `the BOM_UPLOAD permission${context.autoCreate && !context.byUuid ? ' (and PROJECT_CREATION_UPLOAD to create a new project)' : ''}` +
                `, and, where portfolio access control is on, access to project ${project}${context.parent ? ` and its parent ${context.parent}` : ''}`
            : `the ${READ_PERMISSION[step]} permission${step === 'token' ? '' : ` (needed because ${inputs.wait} is on)`}` +
                `, and, where portfolio access control is on, access to project ${project}`;
        return new errors/* InputError */.dz(inputs.apiKey, `${server} refused to ${WHAT[step]} (HTTP 403 Forbidden${said}): the API key's team needs ${need}.`);
    }
    if (status === 404 && step === 'upload' && /parent/i.test(detail)) {
        return new errors/* InputError */.dz(inputs.parent, `${server} has no parent project${context.parent ? ` ${context.parent}` : ''}: give the UUID or the exact name of an existing project.`);
    }
    if (status === 404 && step === 'upload' && /project could not be found/i.test(detail)) {
        if (context.byUuid) {
            return new errors/* InputError */.dz(inputs.projectUuid, `${server} has no project with ${project}: check the UUID, or leave it empty to name the project instead.`);
        }
        return new errors/* InputError */.dz(inputs.projectName, `${server} has no project ${project} and ${inputs.autoCreate} is off: create the project in Dependency-Track, ` +
            `set ${inputs.autoCreate} to true (the key's team then needs PROJECT_CREATION_UPLOAD), or correct the project name and version.`);
    }
    if (status === 404 && step !== 'upload' && /could not be found/i.test(detail)) {
        return new DependencyTrackError(`${server} could not ${WHAT[step]}: project ${project} was not found after the upload (HTTP 404${said}).`, status);
    }
    if (status === 404 || status === 405) {
        return new errors/* InputError */.dz(inputs.url, `${server} answered HTTP ${status} when asked to ${WHAT[step]}: this does not look like a Dependency-Track API server. ` +
            `Give the API server's base URL (the one that serves /api/v1/...), not the web frontend's.`);
    }
    if (status === 400 && step === 'upload') {
        return new DependencyTrackError(`${server} rejected the SBOM as invalid (HTTP 400${said}).`, status);
    }
    if (status === 409 && step === 'upload') {
        return new DependencyTrackError(`${server} could not create project ${project}: another upload created it at the same time (HTTP 409${said}). Run the job again.`, status);
    }
    if (status === 413) {
        const size = context.sbomBytes ? ` (${(context.sbomBytes / 1024 / 1024).toFixed(1)} MB)` : '';
        return new DependencyTrackError(`${server} (or a proxy in front of it) refused the SBOM${size} as too large (HTTP 413): raise its request size limit.`, status);
    }
    return new DependencyTrackError(`${server} failed to ${WHAT[step]} (HTTP ${status}${said}).`, status);
}
/** The server's own words, one short line: problem JSON's title/detail, else the text. */
function serverDetail(body) {
    let text = body;
    try {
        const problem = JSON.parse(body);
        if (problem && typeof problem === 'object' && !Array.isArray(problem)) {
            const parts = [problem.title, problem.detail, problem.message].filter((part) => typeof part === 'string' && part !== '');
            const errors = Array.isArray(problem.errors)
                ? problem.errors.filter((e) => typeof e === 'string').slice(0, 3)
                : [];
            text = [...parts, ...errors].join(': ');
        }
    }
    catch {
        // Plain text (or an HTML error page): used as it is.
    }
    if (/^\s*</.test(text))
        return '';
    // eslint-disable-next-line no-control-regex
    const flat = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
    return flat.length > 300 ? `${flat.slice(0, 300)}…` : flat;
}

// EXTERNAL MODULE: ./src/shared/escape.ts
var shared_escape = __webpack_require__(76242);
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
            throw new DependencyTrackError(`Dependency-Track at ${api.baseUrl} answered the token check without "processing"`);
        }
        if (Date.now() + timing.intervalMs > deadline) {
            throw new DependencyTrackError(`Dependency-Track was still processing the SBOM after ${duration(timing.timeoutMs)} ` +
                `(${polls} checks, token ${token}). The upload itself succeeded. ` +
                `Raise ${dependency_track_inputs/* DEPENDENCY_TRACK_INPUTS */.u_.waitTimeout}, or set ${dependency_track_inputs/* DEPENDENCY_TRACK_INPUTS */.u_.wait} to false to not wait for results.`);
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
    if (typeof uuid !== 'string' || !dependency_track_inputs/* UUID_PATTERN */.JJ.test(uuid)) {
        throw new DependencyTrackError(`Dependency-Track at ${api.baseUrl} answered the project lookup without a project UUID`);
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
        throw new DependencyTrackError(`Dependency-Track at ${api.baseUrl}: could not ${describeStep(step)}: ${error.message}`);
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
        (0,dependency_track_inputs/* checkApiKey */.Sq)(apiKey);
        // Whatever the server says may echo the key: redacted wherever it is printed, escaped or not.
        (0,shared_escape/* registerSecret */.cl)(apiKey);
        const baseUrl = (0,dependency_track_inputs/* normalizeBaseUrl */.qT)(options.url);
        if (baseUrl.startsWith('http:') && !/^http:\/\/(localhost|127\.|\[::1\])/.test(baseUrl)) {
            logger.warning(`${dependency_track_inputs/* DEPENDENCY_TRACK_INPUTS */.u_.url} is plain http: the API key crosses the network unencrypted.`);
        }
        const target = (0,dependency_track_inputs/* describeTarget */.ff)(options);
        http = new DependencyTrackHttp(baseUrl, {
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
            error.message = (0,shared_escape/* redactSecrets */.fp)(redactKey(error.message, apiKey));
        }
        throw error;
    }
    finally {
        await http?.close();
    }
}
function apiOf(http, context) {
    const find = async (step, path, absent) => {
        const response = await http.send('GET', path, describeStep(step));
        if (response.status === absent)
            return undefined;
        if (response.status !== 200) {
            throw explainFailure(response.status, response.text, context(step));
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
    let response = await http.send('POST', '/api/v1/bom', describeStep('upload'), form);
    // Two legs auto-creating the same project at once: the loser's retry finds it created.
    if (response.status === 409) {
        response = await http.send('POST', '/api/v1/bom', describeStep('upload'), form);
    }
    if (response.status !== 200)
        throw explainFailure(response.status, response.text, context('upload'));
    const token = parseJson(response.text, 'upload', http.baseUrl)
        ?.token;
    if (typeof token !== 'string' || token === '') {
        throw new DependencyTrackError(`Dependency-Track at ${http.baseUrl} accepted the SBOM but returned no token`);
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
        throw new DependencyTrackError(`Dependency-Track at ${baseUrl} answered a request to ${describeStep(step)} with something that is not JSON`);
    }
}
function redactingLogger(logger, apiKey) {
    return {
        debug: message => logger.debug((0,shared_escape/* redactSecrets */.fp)(redactKey(message, apiKey))),
        info: message => logger.info((0,shared_escape/* redactSecrets */.fp)(redactKey(message, apiKey))),
        warning: message => logger.warning((0,shared_escape/* redactSecrets */.fp)(redactKey(message, apiKey)))
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
