export const id = 572;
export const ids = [572];
export const modules = {

/***/ 87572:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  checkLicenses: () => (/* binding */ checkLicenses)
});

// EXTERNAL MODULE: ./src/deps/names.ts
var names = __webpack_require__(96498);
;// CONCATENATED MODULE: ./src/licenses/license-text.ts
/**
 * The legacy `License` field often holds a whole license text (setuptools copied LICENSE into
 * it for years): pip-licenses prints all of it. Here such a value is recognised - by the
 * fingerprints of the common license texts - and shortened for display, so a report never
 * carries a thousand-line cell and untrusted text never spans lines in a log.
 */
/** Past this many characters a single-line value is shortened too. */
const MAX_DISPLAY_CHARS = 120;
const FIRST_LINE_CHARS = 80;
const FINGERPRINTS = [
    {
        family: 'MIT',
        phrases: ['permission is hereby granted, free of charge, to any person obtaining a copy'],
        // Without the notice clause it may be MIT-0 or a truncated MIT text: not certain.
        spdx: text => text.includes('the above copyright notice and this permission notice shall be included')
            ? 'MIT'
            : null
    },
    {
        family: 'BSD',
        phrases: ['redistribution and use in source and binary forms'],
        spdx: bsdVariant
    },
    { family: 'Apache', phrases: ['apache license', 'version 2.0'], spdx: 'Apache-2.0' },
    {
        family: 'ISC',
        phrases: [
            'permission to use, copy, modify, and/or distribute this software for any purpose with or without fee is hereby granted'
        ],
        spdx: 'ISC'
    },
    { family: 'MPL', phrases: ['mozilla public license'], spdx: mplVariant },
    {
        family: 'Unlicense',
        phrases: ['this is free and unencumbered software released into the public domain'],
        spdx: 'Unlicense'
    },
    // Whether "or any later version" applies cannot be read reliably from a text: family only.
    { family: 'GPL', phrases: ['gnu general public license'], spdx: null },
    { family: 'LGPL', phrases: ['gnu lesser general public license'], spdx: null },
    { family: 'AGPL', phrases: ['gnu affero general public license'], spdx: null },
    { family: 'PSF', phrases: ['python software foundation'], spdx: null }
];
function bsdVariant(text) {
    if (text.includes('all advertising materials mentioning features'))
        return 'BSD-4-Clause';
    if (text.includes('endorse or promote products'))
        return 'BSD-3-Clause';
    if (text.includes('redistributions in binary form must reproduce'))
        return 'BSD-2-Clause';
    return null;
}
function mplVariant(text) {
    return /mozilla public license,? (?:v\. |version )2\.0/.test(text) ? 'MPL-2.0' : null;
}
/** A `License` value that is a text rather than a name: more than one line, or very long. */
function isLicenseText(value) {
    return value.trim().includes('\n') || value.length > MAX_DISPLAY_CHARS;
}
/** Recognises a whole license text; null when the value is a name, not a text. */
function recogniseLicenseText(value) {
    if (!isLicenseText(value))
        return null;
    const text = value.toLowerCase().replace(/\s+/g, ' ');
    const found = FINGERPRINTS.filter(print => print.phrases.every(phrase => text.includes(phrase)));
    const only = found.length === 1 ? found[0] : undefined;
    const spdx = only ? (typeof only.spdx === 'function' ? only.spdx(text) : only.spdx) : null;
    return {
        spdx,
        families: found.map(print => print.family),
        lines: value.trim().split('\n').length,
        chars: value.length
    };
}
/**
 * A license string fit for one line of a report or log: control characters become spaces and
 * a license text is cut to its first line, saying how much was left out.
 */
function displayLicense(value) {
    if (!isLicenseText(value))
        return { text: oneLine(value), shortened: false };
    const lines = value.trim().split('\n');
    const first = oneLine(lines.find(line => line.trim() !== '') ?? '').trim();
    const head = first.length > FIRST_LINE_CHARS ? `${first.slice(0, FIRST_LINE_CHARS - 1)}…` : `${first} …`;
    const size = lines.length > 1 ? `${lines.length} lines` : `${value.length} characters`;
    return { text: `${head} (license text, ${size})`, shortened: true };
}
function oneLine(text) {
    // eslint-disable-next-line no-control-regex
    return text.replace(/[\u0000-\u001f\u007f]/g, ' ');
}

;// CONCATENATED MODULE: ./src/licenses/license-of.ts
/** pip-licenses' LICENSE_UNKNOWN. */
const LICENSE_UNKNOWN = 'UNKNOWN';
/** pip-licenses' find_license_from_classifier. */
function licensesFromClassifiers(classifiers) {
    const licenses = [];
    for (const classifier of classifiers) {
        if (!classifier.startsWith('License'))
            continue;
        const last = classifier.split(' :: ').at(-1);
        // Through the declaration of 'Classifier: License :: OSI Approved', as pip-licenses says.
        if (last !== 'OSI Approved')
            licenses.push(last);
    }
    return licenses;
}
/** pip-licenses' select_license_by_source plus the join create_licenses_table prints. */
function selectLicense(metadata, from) {
    const expression = metadata?.licenseExpression || LICENSE_UNKNOWN;
    if (expression !== LICENSE_UNKNOWN)
        return selected([expression], 'expression');
    const classifierLicenses = licensesFromClassifiers(metadata?.classifiers ?? []);
    if (from === 'classifier' || (from === 'mixed' && classifierLicenses.length > 0)) {
        return selected(classifierLicenses.length > 0 ? classifierLicenses : [LICENSE_UNKNOWN], 'classifier');
    }
    return selected([metadata?.license || LICENSE_UNKNOWN], 'meta');
}
function selected(licenses, field) {
    const names = [...new Set(licenses)].sort(comparePythonStrings);
    return { text: names.join('; '), names, field };
}
/** Python's str ordering: by code point (JavaScript's default sort compares UTF-16 units). */
function comparePythonStrings(a, b) {
    const left = [...a];
    const right = [...b];
    for (let index = 0; index < Math.min(left.length, right.length); index++) {
        const difference = left[index].codePointAt(0) - right[index].codePointAt(0);
        if (difference !== 0)
            return difference;
    }
    return left.length - right.length;
}

// EXTERNAL MODULE: ./src/licenses/policy.ts
var licenses_policy = __webpack_require__(32232);
// EXTERNAL MODULE: ./src/licenses/spdx.ts
var spdx = __webpack_require__(88929);
;// CONCATENATED MODULE: ./src/licenses/spdx-tables.ts
/**
 * Explicit mappings from legacy license metadata to SPDX identifiers. Only mappings that are
 * facts are listed; anything else stays unknown (null), never guessed.
 *
 * Classifiers follow PEP 639's "Appendix: Mapping License Classifiers to SPDX Identifiers":
 * single-license classifiers map to their identifier, but the classifiers it lists as
 * ambiguous (no version or variant: "Apache Software License", "BSD License", "GNU General
 * Public License v3 (GPLv3)" - v3 only or v3 or later? - ...) MUST NOT be turned into an
 * expression, and neither may the generic ones ("OSI Approved", "Public Domain",
 * "Other/Proprietary License", "Freeware", ...). Those are simply absent from the table.
 */
/** Full classifier -> SPDX identifier, for the unambiguous license classifiers. */
const CLASSIFIER_SPDX = new Map(Object.entries({
    'License :: Aladdin Free Public License (AFPL)': 'Aladdin',
    'License :: CC0 1.0 Universal (CC0 1.0) Public Domain Dedication': 'CC0-1.0',
    'License :: CeCILL-B Free Software License Agreement (CECILL-B)': 'CECILL-B',
    'License :: CeCILL-C Free Software License Agreement (CECILL-C)': 'CECILL-C',
    'License :: Nokia Open Source License (NOKOS)': 'Nokia',
    'License :: OSI Approved :: Attribution Assurance License': 'AAL',
    'License :: OSI Approved :: Blue Oak Model License (BlueOak-1.0.0)': 'BlueOak-1.0.0',
    'License :: OSI Approved :: Boost Software License 1.0 (BSL-1.0)': 'BSL-1.0',
    'License :: OSI Approved :: CEA CNRS Inria Logiciel Libre License, version 2.1 (CeCILL-2.1)': 'CECILL-2.1',
    'License :: OSI Approved :: Common Development and Distribution License 1.0 (CDDL-1.0)': 'CDDL-1.0',
    'License :: OSI Approved :: Common Public License': 'CPL-1.0',
    'License :: OSI Approved :: Eclipse Public License 1.0 (EPL-1.0)': 'EPL-1.0',
    'License :: OSI Approved :: Eclipse Public License 2.0 (EPL-2.0)': 'EPL-2.0',
    'License :: OSI Approved :: Educational Community License, Version 2.0 (ECL-2.0)': 'ECL-2.0',
    'License :: OSI Approved :: European Union Public Licence 1.0 (EUPL 1.0)': 'EUPL-1.0',
    'License :: OSI Approved :: European Union Public Licence 1.1 (EUPL 1.1)': 'EUPL-1.1',
    'License :: OSI Approved :: European Union Public Licence 1.2 (EUPL 1.2)': 'EUPL-1.2',
    'License :: OSI Approved :: GNU Affero General Public License v3 or later (AGPLv3+)': 'AGPL-3.0-or-later',
    'License :: OSI Approved :: GNU General Public License v2 or later (GPLv2+)': 'GPL-2.0-or-later',
    'License :: OSI Approved :: GNU General Public License v3 or later (GPLv3+)': 'GPL-3.0-or-later',
    'License :: OSI Approved :: GNU Lesser General Public License v3 or later (LGPLv3+)': 'LGPL-3.0-or-later',
    'License :: OSI Approved :: Historical Permission Notice and Disclaimer (HPND)': 'HPND',
    'License :: OSI Approved :: IBM Public License': 'IPL-1.0',
    'License :: OSI Approved :: ISC License (ISCL)': 'ISC',
    'License :: OSI Approved :: Intel Open Source License': 'Intel',
    'License :: OSI Approved :: MIT License': 'MIT',
    'License :: OSI Approved :: MIT No Attribution License (MIT-0)': 'MIT-0',
    'License :: OSI Approved :: MirOS License (MirOS)': 'MirOS',
    'License :: OSI Approved :: Motosoto License': 'Motosoto',
    'License :: OSI Approved :: Mozilla Public License 1.0 (MPL)': 'MPL-1.0',
    'License :: OSI Approved :: Mozilla Public License 1.1 (MPL 1.1)': 'MPL-1.1',
    'License :: OSI Approved :: Mozilla Public License 2.0 (MPL 2.0)': 'MPL-2.0',
    'License :: OSI Approved :: Mulan Permissive Software License v2 (MulanPSL-2.0)': 'MulanPSL-2.0',
    'License :: OSI Approved :: Nethack General Public License': 'NGPL',
    'License :: OSI Approved :: Nokia Open Source License': 'Nokia',
    'License :: OSI Approved :: Open Group Test Suite License': 'OGTSL',
    'License :: OSI Approved :: Open Software License 3.0 (OSL-3.0)': 'OSL-3.0',
    'License :: OSI Approved :: PostgreSQL License': 'PostgreSQL',
    'License :: OSI Approved :: Python License (CNRI Python License)': 'CNRI-Python',
    'License :: OSI Approved :: Python Software Foundation License': 'PSF-2.0',
    'License :: OSI Approved :: Qt Public License (QPL)': 'QPL-1.0',
    'License :: OSI Approved :: Ricoh Source Code Public License': 'RSCPL',
    'License :: OSI Approved :: SIL Open Font License 1.1 (OFL-1.1)': 'OFL-1.1',
    'License :: OSI Approved :: Sleepycat License': 'Sleepycat',
    'License :: OSI Approved :: Sun Industry Standards Source License (SISSL)': 'SISSL',
    'License :: OSI Approved :: Sun Public License': 'SPL-1.0',
    'License :: OSI Approved :: The Unlicense (Unlicense)': 'Unlicense',
    'License :: OSI Approved :: Universal Permissive License (UPL)': 'UPL-1.0',
    'License :: OSI Approved :: University of Illinois/NCSA Open Source License': 'NCSA',
    'License :: OSI Approved :: Vovida Software License 1.0': 'VSL-1.0',
    'License :: OSI Approved :: W3C License': 'W3C',
    'License :: OSI Approved :: X.Net License': 'Xnet',
    'License :: OSI Approved :: Zero-Clause BSD (0BSD)': '0BSD',
    'License :: OSI Approved :: zlib/libpng License': 'Zlib'
}));
/**
 * Common free-text values of the legacy `License` field (compared case-insensitively, with
 * runs of whitespace collapsed) -> SPDX identifier. A value that already is a valid SPDX
 * expression needs no entry. Versionless names ("BSD", "GPL", "Apache", "GPLv3") are absent
 * for the same reason as the ambiguous classifiers.
 */
const LICENSE_FIELD_SPDX = new Map(Object.entries({
    'mit license': 'MIT',
    'the mit license': 'MIT',
    'the mit license (mit)': 'MIT',
    'mit licence': 'MIT',
    expat: 'MIT',
    'mit-0': 'MIT-0',
    'apache 2': 'Apache-2.0',
    'apache 2.0': 'Apache-2.0',
    'apache-2': 'Apache-2.0',
    'apache v2': 'Apache-2.0',
    'apache v2.0': 'Apache-2.0',
    apache2: 'Apache-2.0',
    'apache license 2.0': 'Apache-2.0',
    'apache license v2.0': 'Apache-2.0',
    'apache license, version 2.0': 'Apache-2.0',
    'apache license version 2.0': 'Apache-2.0',
    'apache license (2.0)': 'Apache-2.0',
    'apache software license 2.0': 'Apache-2.0',
    'apache software license, version 2.0': 'Apache-2.0',
    'asl 2': 'Apache-2.0',
    'asl 2.0': 'Apache-2.0',
    'bsd 2-clause': 'BSD-2-Clause',
    'bsd 2-clause license': 'BSD-2-Clause',
    '2-clause bsd': 'BSD-2-Clause',
    '2-clause bsd license': 'BSD-2-Clause',
    'simplified bsd': 'BSD-2-Clause',
    'simplified bsd license': 'BSD-2-Clause',
    'freebsd license': 'BSD-2-Clause',
    'bsd 3-clause': 'BSD-3-Clause',
    'bsd 3-clause license': 'BSD-3-Clause',
    '3-clause bsd': 'BSD-3-Clause',
    '3-clause bsd license': 'BSD-3-Clause',
    'new bsd': 'BSD-3-Clause',
    'new bsd license': 'BSD-3-Clause',
    'modified bsd': 'BSD-3-Clause',
    'modified bsd license': 'BSD-3-Clause',
    'revised bsd license': 'BSD-3-Clause',
    'isc license': 'ISC',
    'isc license (iscl)': 'ISC',
    iscl: 'ISC',
    'mpl 2.0': 'MPL-2.0',
    mpl2: 'MPL-2.0',
    'mozilla public license 2.0': 'MPL-2.0',
    'mozilla public license 2.0 (mpl 2.0)': 'MPL-2.0',
    psf: 'PSF-2.0',
    'psf license': 'PSF-2.0',
    'psf-2.0': 'PSF-2.0',
    'python software foundation license': 'PSF-2.0',
    'gplv2+': 'GPL-2.0-or-later',
    'gplv3+': 'GPL-3.0-or-later',
    'lgplv3+': 'LGPL-3.0-or-later',
    'agplv3+': 'AGPL-3.0-or-later',
    'the unlicense': 'Unlicense',
    'cc0 1.0 universal': 'CC0-1.0',
    cc0: 'CC0-1.0',
    'zlib/libpng license': 'Zlib',
    'zlib license': 'Zlib'
}));

;// CONCATENATED MODULE: ./src/licenses/spdx-derive.ts




const noSuggestion = () => undefined;
function deriveSpdx(metadata, suggest = noSuggestion) {
    const expression = metadata?.licenseExpression?.trim();
    if (expression && expression !== LICENSE_UNKNOWN) {
        if ((0,spdx/* parseSpdx */.NB)(expression))
            return { spdx: expression, basis: 'expression' };
        return unknown(suggest(expression));
    }
    const fromField = licenseFieldSpdx(metadata?.license, suggest);
    const fromClassifiers = classifierSpdx(metadata?.classifiers ?? [], suggest);
    // A License text holding several licenses says the classifier's one is not the whole story.
    if (fromField.several)
        return unknown(undefined);
    if (fromField.spdx && fromClassifiers.spdx && fromField.spdx !== fromClassifiers.spdx) {
        return unknown(undefined);
    }
    if (fromField.spdx)
        return { spdx: fromField.spdx, basis: fromField.basis };
    if (fromClassifiers.spdx)
        return { spdx: fromClassifiers.spdx, basis: 'classifier' };
    return unknown(fromField.suggestion ?? fromClassifiers.suggestion);
}
function unknown(suggestion) {
    return suggestion ? { spdx: null, basis: null, suggestion } : { spdx: null, basis: null };
}
function licenseFieldSpdx(value, suggest) {
    const trimmed = value?.trim();
    if (!trimmed || trimmed === LICENSE_UNKNOWN)
        return { spdx: null, basis: 'license' };
    if (isLicenseText(trimmed)) {
        const recognised = recogniseLicenseText(trimmed);
        const several = (recognised?.families.length ?? 0) > 1;
        return { spdx: recognised?.spdx ?? null, basis: 'license-text', several };
    }
    if ((0,spdx/* parseSpdx */.NB)(trimmed))
        return { spdx: trimmed, basis: 'license' };
    const known = LICENSE_FIELD_SPDX.get(trimmed.toLowerCase().replace(/\s+/g, ' '));
    if (known)
        return { spdx: known, basis: 'license' };
    const suggestion = suggest(trimmed);
    return suggestion
        ? { spdx: null, basis: 'license', suggestion }
        : { spdx: null, basis: 'license' };
}
/** The one unambiguous license the classifiers name, following PEP 639's appendix. */
function classifierSpdx(classifiers, suggest = noSuggestion) {
    const licenses = [...new Set(classifiers.filter(c => c.startsWith('License ::')))];
    const leaves = licenses.filter(candidate => !licenses.some(other => other.startsWith(`${candidate} :: `)));
    if (leaves.length !== 1)
        return { spdx: null, basis: 'classifier' };
    const only = leaves[0];
    const spdx = CLASSIFIER_SPDX.get(only) ?? null;
    const suggestion = spdx ? undefined : suggest(only.split(' :: ').at(-1));
    return suggestion ? { spdx, basis: 'classifier', suggestion } : { spdx, basis: 'classifier' };
}

;// CONCATENATED MODULE: ./src/licenses/check.ts
/**
 * The license check of a run: for each distinct package, the license pip-licenses would show,
 * its SPDX expression where one can be known, and the policy verdict. Pure: the metadata has
 * been gathered already (sources.ts).
 */





function checkLicenses(packages, policy, options) {
    return distinct(packages)
        .map(item => checkOne(item, policy, options))
        .sort((a, b) => (a.name === b.name ? compare(a.version, b.version) : compare(a.name, b.name)));
}
function checkOne(item, policy, options) {
    const origin = item.origin ?? (item.metadata ? 'metadata' : 'none');
    const selected = selectLicense(item.metadata, options.from);
    const derived = deriveSpdx(item.metadata, options.suggest);
    const unknown = selected.text === LICENSE_UNKNOWN && derived.spdx === null;
    const display = displayLicense(selected.text);
    const entry = {
        name: (0,names/* normalizeName */.P)(item.name),
        version: item.version,
        license: display.text,
        shortened: display.shortened,
        spdx: derived.spdx,
        ...(derived.suggestion ? { spdxSuggestion: derived.suggestion } : {}),
        source: unknown ? 'unknown' : selected.field,
        origin,
        violation: false
    };
    if ((0,licenses_policy/* isIgnored */.pi)(policy, item.name, item.version))
        return { ...entry, ignored: true };
    const rules = (0,licenses_policy/* evaluatePolicy */.Uz)({ names: selected.names, field: selected.field, spdx: derived.spdx, unknown }, policy);
    return rules.length > 0 ? { ...entry, violation: true, rule: rules.join('; ') } : entry;
}
/** One subject per name and version; the first that has metadata wins. */
function distinct(packages) {
    const byKey = new Map();
    for (const item of packages) {
        const key = `${(0,names/* normalizeName */.P)(item.name)}\0${item.version}`;
        const seen = byKey.get(key);
        if (!seen || (!seen.metadata && item.metadata))
            byKey.set(key, item);
    }
    return [...byKey.values()];
}
function compare(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}


/***/ })

};
