export const id = 873;
export const ids = [873];
export const modules = {

/***/ 25728:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

/*
Copyright spdx-correct.js contributors

Licensed under the Apache License, Version 2.0 (the "License");
you may not use this file except in compliance with the License.
You may obtain a copy of the License at

   http://www.apache.org/licenses/LICENSE-2.0

Unless required by applicable law or agreed to in writing, software
distributed under the License is distributed on an "AS IS" BASIS,
WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
See the License for the specific language governing permissions and
limitations under the License.
*/
var parse = __webpack_require__(82198)
var spdxLicenseIds = __webpack_require__(75204)

function valid (string) {
  try {
    parse(string)
    return true
  } catch (error) {
    return false
  }
}

// Sorting function that orders the given array of transpositions such
// that a transposition with the longer pattern comes before a transposition
// with a shorter pattern. This is to prevent e.g. the transposition
// ["General Public License", "GPL"] from matching to "Lesser General Public License"
// before a longer and more accurate transposition ["Lesser General Public License", "LGPL"]
// has a chance to be recognized.
function sortTranspositions(a, b) {
  var length = b[0].length - a[0].length
  if (length !== 0) return length
  return a[0].toUpperCase().localeCompare(b[0].toUpperCase())
}

// Common transpositions of license identifier acronyms
var transpositions = [
  ['APGL', 'AGPL'],
  ['Gpl', 'GPL'],
  ['GLP', 'GPL'],
  ['APL', 'Apache'],
  ['ISD', 'ISC'],
  ['GLP', 'GPL'],
  ['IST', 'ISC'],
  ['Claude', 'Clause'],
  [' or later', '+'],
  [' International', ''],
  ['GNU', 'GPL'],
  ['GUN', 'GPL'],
  ['+', ''],
  ['GNU GPL', 'GPL'],
  ['GNU LGPL', 'LGPL'],
  ['GNU/GPL', 'GPL'],
  ['GNU GLP', 'GPL'],
  ['GNU LESSER GENERAL PUBLIC LICENSE', 'LGPL'],
  ['GNU Lesser General Public License', 'LGPL'],
  ['GNU LESSER GENERAL PUBLIC LICENSE', 'LGPL-2.1'],
  ['GNU Lesser General Public License', 'LGPL-2.1'],
  ['LESSER GENERAL PUBLIC LICENSE', 'LGPL'],
  ['Lesser General Public License', 'LGPL'],
  ['LESSER GENERAL PUBLIC LICENSE', 'LGPL-2.1'],
  ['Lesser General Public License', 'LGPL-2.1'],
  ['GNU General Public License', 'GPL'],
  ['Gnu public license', 'GPL'],
  ['GNU Public License', 'GPL'],
  ['GNU GENERAL PUBLIC LICENSE', 'GPL'],
  ['MTI', 'MIT'],
  ['Mozilla Public License', 'MPL'],
  ['Universal Permissive License', 'UPL'],
  ['WTH', 'WTF'],
  ['WTFGPL', 'WTFPL'],
  ['-License', '']
].sort(sortTranspositions)

var TRANSPOSED = 0
var CORRECT = 1

// Simple corrections to nearly valid identifiers.
var transforms = [
  // e.g. 'mit'
  function (argument) {
    return argument.toUpperCase()
  },
  // e.g. 'MIT '
  function (argument) {
    return argument.trim()
  },
  // e.g. 'M.I.T.'
  function (argument) {
    return argument.replace(/\./g, '')
  },
  // e.g. 'Apache- 2.0'
  function (argument) {
    return argument.replace(/\s+/g, '')
  },
  // e.g. 'CC BY 4.0''
  function (argument) {
    return argument.replace(/\s+/g, '-')
  },
  // e.g. 'LGPLv2.1'
  function (argument) {
    return argument.replace('v', '-')
  },
  // e.g. 'Apache 2.0'
  function (argument) {
    return argument.replace(/,?\s*(\d)/, '-$1')
  },
  // e.g. 'GPL 2'
  function (argument) {
    return argument.replace(/,?\s*(\d)/, '-$1.0')
  },
  // e.g. 'Apache Version 2.0'
  function (argument) {
    return argument
      .replace(/,?\s*(V\.|v\.|V|v|Version|version)\s*(\d)/, '-$2')
  },
  // e.g. 'Apache Version 2'
  function (argument) {
    return argument
      .replace(/,?\s*(V\.|v\.|V|v|Version|version)\s*(\d)/, '-$2.0')
  },
  // e.g. 'ZLIB'
  function (argument) {
    return argument[0].toUpperCase() + argument.slice(1)
  },
  // e.g. 'MPL/2.0'
  function (argument) {
    return argument.replace('/', '-')
  },
  // e.g. 'Apache 2'
  function (argument) {
    return argument
      .replace(/\s*V\s*(\d)/, '-$1')
      .replace(/(\d)$/, '$1.0')
  },
  // e.g. 'GPL-2.0', 'GPL-3.0'
  function (argument) {
    if (argument.indexOf('3.0') !== -1) {
      return argument + '-or-later'
    } else {
      return argument + '-only'
    }
  },
  // e.g. 'GPL-2.0-'
  function (argument) {
    return argument + 'only'
  },
  // e.g. 'GPL2'
  function (argument) {
    return argument.replace(/(\d)$/, '-$1.0')
  },
  // e.g. 'BSD 3'
  function (argument) {
    return argument.replace(/(-| )?(\d)$/, '-$2-Clause')
  },
  // e.g. 'BSD clause 3'
  function (argument) {
    return argument.replace(/(-| )clause(-| )(\d)/, '-$3-Clause')
  },
  // e.g. 'New BSD license'
  function (argument) {
    return argument.replace(/\b(Modified|New|Revised)(-| )?BSD((-| )License)?/i, 'BSD-3-Clause')
  },
  // e.g. 'Simplified BSD license'
  function (argument) {
    return argument.replace(/\bSimplified(-| )?BSD((-| )License)?/i, 'BSD-2-Clause')
  },
  // e.g. 'Free BSD license'
  function (argument) {
    return argument.replace(/\b(Free|Net)(-| )?BSD((-| )License)?/i, 'BSD-2-Clause-$1BSD')
  },
  // e.g. 'Clear BSD license'
  function (argument) {
    return argument.replace(/\bClear(-| )?BSD((-| )License)?/i, 'BSD-3-Clause-Clear')
  },
  // e.g. 'Old BSD License'
  function (argument) {
    return argument.replace(/\b(Old|Original)(-| )?BSD((-| )License)?/i, 'BSD-4-Clause')
  },
  // e.g. 'BY-NC-4.0'
  function (argument) {
    return 'CC-' + argument
  },
  // e.g. 'BY-NC'
  function (argument) {
    return 'CC-' + argument + '-4.0'
  },
  // e.g. 'Attribution-NonCommercial'
  function (argument) {
    return argument
      .replace('Attribution', 'BY')
      .replace('NonCommercial', 'NC')
      .replace('NoDerivatives', 'ND')
      .replace(/ (\d)/, '-$1')
      .replace(/ ?International/, '')
  },
  // e.g. 'Attribution-NonCommercial'
  function (argument) {
    return 'CC-' +
      argument
        .replace('Attribution', 'BY')
        .replace('NonCommercial', 'NC')
        .replace('NoDerivatives', 'ND')
        .replace(/ (\d)/, '-$1')
        .replace(/ ?International/, '') +
      '-4.0'
  }
]

var licensesWithVersions = spdxLicenseIds
  .map(function (id) {
    var match = /^(.*)-\d+\.\d+$/.exec(id)
    return match
      ? [match[0], match[1]]
      : [id, null]
  })
  .reduce(function (objectMap, item) {
    var key = item[1]
    objectMap[key] = objectMap[key] || []
    objectMap[key].push(item[0])
    return objectMap
  }, {})

var licensesWithOneVersion = Object.keys(licensesWithVersions)
  .map(function makeEntries (key) {
    return [key, licensesWithVersions[key]]
  })
  .filter(function identifySoleVersions (item) {
    return (
      // Licenses has just one valid version suffix.
      item[1].length === 1 &&
      item[0] !== null &&
      // APL will be considered Apache, rather than APL-1.0
      item[0] !== 'APL'
    )
  })
  .map(function createLastResorts (item) {
    return [item[0], item[1][0]]
  })

licensesWithVersions = undefined

// If all else fails, guess that strings containing certain substrings
// meant to identify certain licenses.
var lastResorts = [
  ['UNLI', 'Unlicense'],
  ['WTF', 'WTFPL'],
  ['2 CLAUSE', 'BSD-2-Clause'],
  ['2-CLAUSE', 'BSD-2-Clause'],
  ['3 CLAUSE', 'BSD-3-Clause'],
  ['3-CLAUSE', 'BSD-3-Clause'],
  ['AFFERO', 'AGPL-3.0-or-later'],
  ['AGPL', 'AGPL-3.0-or-later'],
  ['APACHE', 'Apache-2.0'],
  ['ARTISTIC', 'Artistic-2.0'],
  ['Affero', 'AGPL-3.0-or-later'],
  ['BEER', 'Beerware'],
  ['BOOST', 'BSL-1.0'],
  ['BSD', 'BSD-2-Clause'],
  ['CDDL', 'CDDL-1.1'],
  ['ECLIPSE', 'EPL-1.0'],
  ['FUCK', 'WTFPL'],
  ['GNU', 'GPL-3.0-or-later'],
  ['LGPL', 'LGPL-3.0-or-later'],
  ['GPLV1', 'GPL-1.0-only'],
  ['GPL-1', 'GPL-1.0-only'],
  ['GPLV2', 'GPL-2.0-only'],
  ['GPL-2', 'GPL-2.0-only'],
  ['GPL', 'GPL-3.0-or-later'],
  ['MIT +NO-FALSE-ATTRIBS', 'MITNFA'],
  ['MIT', 'MIT'],
  ['MPL', 'MPL-2.0'],
  ['X11', 'X11'],
  ['ZLIB', 'Zlib']
].concat(licensesWithOneVersion).sort(sortTranspositions)

var SUBSTRING = 0
var IDENTIFIER = 1

var validTransformation = function (identifier) {
  for (var i = 0; i < transforms.length; i++) {
    var transformed = transforms[i](identifier).trim()
    if (transformed !== identifier && valid(transformed)) {
      return transformed
    }
  }
  return null
}

var validLastResort = function (identifier) {
  var upperCased = identifier.toUpperCase()
  for (var i = 0; i < lastResorts.length; i++) {
    var lastResort = lastResorts[i]
    if (upperCased.indexOf(lastResort[SUBSTRING]) > -1) {
      return lastResort[IDENTIFIER]
    }
  }
  return null
}

var anyCorrection = function (identifier, check) {
  for (var i = 0; i < transpositions.length; i++) {
    var transposition = transpositions[i]
    var transposed = transposition[TRANSPOSED]
    if (identifier.indexOf(transposed) > -1) {
      var corrected = identifier.replace(
        transposed,
        transposition[CORRECT]
      )
      var checked = check(corrected)
      if (checked !== null) {
        return checked
      }
    }
  }
  return null
}

module.exports = function (identifier, options) {
  options = options || {}
  var upgrade = options.upgrade === undefined ? true : !!options.upgrade
  function postprocess (value) {
    return upgrade ? upgradeGPLs(value) : value
  }
  var validArugment = (
    typeof identifier === 'string' &&
    identifier.trim().length !== 0
  )
  if (!validArugment) {
    throw Error('Invalid argument. Expected non-empty string.')
  }
  identifier = identifier.trim()
  if (valid(identifier)) {
    return postprocess(identifier)
  }
  var noPlus = identifier.replace(/\+$/, '').trim()
  if (valid(noPlus)) {
    return postprocess(noPlus)
  }
  var transformed = validTransformation(identifier)
  if (transformed !== null) {
    return postprocess(transformed)
  }
  transformed = anyCorrection(identifier, function (argument) {
    if (valid(argument)) {
      return argument
    }
    return validTransformation(argument)
  })
  if (transformed !== null) {
    return postprocess(transformed)
  }
  transformed = validLastResort(identifier)
  if (transformed !== null) {
    return postprocess(transformed)
  }
  transformed = anyCorrection(identifier, validLastResort)
  if (transformed !== null) {
    return postprocess(transformed)
  }
  return null
}

function upgradeGPLs (value) {
  if ([
    'GPL-1.0', 'LGPL-1.0', 'AGPL-1.0',
    'GPL-2.0', 'LGPL-2.0', 'AGPL-2.0',
    'LGPL-2.1'
  ].indexOf(value) !== -1) {
    return value + '-only'
  } else if ([
    'GPL-1.0+', 'GPL-2.0+', 'GPL-3.0+',
    'LGPL-2.0+', 'LGPL-2.1+', 'LGPL-3.0+',
    'AGPL-1.0+', 'AGPL-3.0+'
  ].indexOf(value) !== -1) {
    return value.replace(/\+$/, '-or-later')
  } else if (['GPL-3.0', 'LGPL-3.0', 'AGPL-3.0'].indexOf(value) !== -1) {
    return value + '-or-later'
  } else {
    return value
  }
}


/***/ }),

/***/ 82198:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {



var scan = __webpack_require__(69721)
var parse = __webpack_require__(84789)

module.exports = function (source) {
  return parse(scan(source))
}


/***/ }),

/***/ 84789:
/***/ ((module) => {



// The ABNF grammar in the spec is totally ambiguous.
//
// This parser follows the operator precedence defined in the
// `Order of Precedence and Parentheses` section.

module.exports = function (tokens) {
  var index = 0

  function hasMore () {
    return index < tokens.length
  }

  function token () {
    return hasMore() ? tokens[index] : null
  }

  function next () {
    if (!hasMore()) {
      throw new Error()
    }
    index++
  }

  function parseOperator (operator) {
    var t = token()
    if (t && t.type === 'OPERATOR' && operator === t.string) {
      next()
      return t.string
    }
  }

  function parseWith () {
    if (parseOperator('WITH')) {
      var t = token()
      if (t && t.type === 'EXCEPTION') {
        next()
        return t.string
      }
      throw new Error('Expected exception after `WITH`')
    }
  }

  function parseLicenseRef () {
    // TODO: Actually, everything is concatenated into one string
    // for backward-compatibility but it could be better to return
    // a nice structure.
    var begin = index
    var string = ''
    var t = token()
    if (t.type === 'DOCUMENTREF') {
      next()
      string += 'DocumentRef-' + t.string + ':'
      if (!parseOperator(':')) {
        throw new Error('Expected `:` after `DocumentRef-...`')
      }
    }
    t = token()
    if (t.type === 'LICENSEREF') {
      next()
      string += 'LicenseRef-' + t.string
      return { license: string }
    }
    index = begin
  }

  function parseLicense () {
    var t = token()
    if (t && t.type === 'LICENSE') {
      next()
      var node = { license: t.string }
      if (parseOperator('+')) {
        node.plus = true
      }
      var exception = parseWith()
      if (exception) {
        node.exception = exception
      }
      return node
    }
  }

  function parseParenthesizedExpression () {
    var left = parseOperator('(')
    if (!left) {
      return
    }

    var expr = parseExpression()

    if (!parseOperator(')')) {
      throw new Error('Expected `)`')
    }

    return expr
  }

  function parseAtom () {
    return (
      parseParenthesizedExpression() ||
      parseLicenseRef() ||
      parseLicense()
    )
  }

  function makeBinaryOpParser (operator, nextParser) {
    return function parseBinaryOp () {
      var left = nextParser()
      if (!left) {
        return
      }

      if (!parseOperator(operator)) {
        return left
      }

      var right = parseBinaryOp()
      if (!right) {
        throw new Error('Expected expression')
      }
      return {
        left: left,
        conjunction: operator.toLowerCase(),
        right: right
      }
    }
  }

  var parseAnd = makeBinaryOpParser('AND', parseAtom)
  var parseExpression = makeBinaryOpParser('OR', parseAnd)

  var node = parseExpression()
  if (!node || hasMore()) {
    throw new Error('Syntax error')
  }
  return node
}


/***/ }),

/***/ 69721:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {



var licenses = []
  .concat(__webpack_require__(75204))
  .concat(__webpack_require__(3389))
var exceptions = __webpack_require__(53988)

module.exports = function (source) {
  var index = 0

  function hasMore () {
    return index < source.length
  }

  // `value` can be a regexp or a string.
  // If it is recognized, the matching source string is returned and
  // the index is incremented. Otherwise `undefined` is returned.
  function read (value) {
    if (value instanceof RegExp) {
      var chars = source.slice(index)
      var match = chars.match(value)
      if (match) {
        index += match[0].length
        return match[0]
      }
    } else {
      if (source.indexOf(value, index) === index) {
        index += value.length
        return value
      }
    }
  }

  function skipWhitespace () {
    read(/[ ]*/)
  }

  function operator () {
    var string
    var possibilities = ['WITH', 'AND', 'OR', '(', ')', ':', '+']
    for (var i = 0; i < possibilities.length; i++) {
      string = read(possibilities[i])
      if (string) {
        break
      }
    }

    if (string === '+' && index > 1 && source[index - 2] === ' ') {
      throw new Error('Space before `+`')
    }

    return string && {
      type: 'OPERATOR',
      string: string
    }
  }

  function idstring () {
    return read(/[A-Za-z0-9-.]+/)
  }

  function expectIdstring () {
    var string = idstring()
    if (!string) {
      throw new Error('Expected idstring at offset ' + index)
    }
    return string
  }

  function documentRef () {
    if (read('DocumentRef-')) {
      var string = expectIdstring()
      return { type: 'DOCUMENTREF', string: string }
    }
  }

  function licenseRef () {
    if (read('LicenseRef-')) {
      var string = expectIdstring()
      return { type: 'LICENSEREF', string: string }
    }
  }

  function identifier () {
    var begin = index
    var string = idstring()

    if (licenses.indexOf(string) !== -1) {
      return {
        type: 'LICENSE',
        string: string
      }
    } else if (exceptions.indexOf(string) !== -1) {
      return {
        type: 'EXCEPTION',
        string: string
      }
    }

    index = begin
  }

  // Tries to read the next token. Returns `undefined` if no token is
  // recognized.
  function parseToken () {
    // Ordering matters
    return (
      operator() ||
      documentRef() ||
      licenseRef() ||
      identifier()
    )
  }

  var tokens = []
  while (hasMore()) {
    skipWhitespace()
    if (!hasMore()) {
      break
    }

    var token = parseToken()
    if (!token) {
      throw new Error('Unexpected `' + source[index] +
                      '` at offset ' + index)
    }

    tokens.push(token)
  }
  return tokens
}


/***/ }),

/***/ 26873:
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

// EXTERNAL MODULE: ./src/licenses/license-of.ts
var license_of = __webpack_require__(75205);
// EXTERNAL MODULE: ./src/licenses/policy.ts
var licenses_policy = __webpack_require__(32232);
// EXTERNAL MODULE: ./node_modules/spdx-correct/index.js
var spdx_correct = __webpack_require__(25728);
var spdx_correct_default = /*#__PURE__*/__webpack_require__.n(spdx_correct);
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
/**
 * The SPDX expression of a package, where one can be known from its metadata:
 *
 * 1. a PEP 639 `License-Expression` is the expression, as written, if spdx-expression-parse
 *    accepts it (an invalid one makes the license unknown rather than guessed);
 * 2. otherwise the legacy `License` field, when it is itself a valid SPDX expression, is one of
 *    the common names of LICENSE_FIELD_SPDX, or is a whole license text recognised by its
 *    fingerprint;
 * 3. and the license classifiers, when exactly one license remains after dropping parents
 *    ("License :: OSI Approved" under "License :: OSI Approved :: MIT License") and it is an
 *    unambiguous one (PEP 639's appendix). Several licenses say nothing about AND or OR.
 *
 * When 2 and 3 both give an answer and disagree, or the License text holds the texts of several
 * licenses, nothing is known. spdx-correct's guess is
 * kept as `suggestion` only: it maps "BSD" to BSD-2-Clause, which is not a fact.
 */





function deriveSpdx(metadata) {
    const expression = metadata?.licenseExpression?.trim();
    if (expression && expression !== license_of/* LICENSE_UNKNOWN */.Xj) {
        if ((0,spdx/* parseSpdx */.NB)(expression))
            return { spdx: expression, basis: 'expression' };
        return unknown(suggest(expression));
    }
    const fromField = licenseFieldSpdx(metadata?.license);
    const fromClassifiers = classifierSpdx(metadata?.classifiers ?? []);
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
function licenseFieldSpdx(value) {
    const trimmed = value?.trim();
    if (!trimmed || trimmed === license_of/* LICENSE_UNKNOWN */.Xj)
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
function classifierSpdx(classifiers) {
    const licenses = [...new Set(classifiers.filter(c => c.startsWith('License ::')))];
    const leaves = licenses.filter(candidate => !licenses.some(other => other.startsWith(`${candidate} :: `)));
    if (leaves.length !== 1)
        return { spdx: null, basis: 'classifier' };
    const only = leaves[0];
    const spdx = CLASSIFIER_SPDX.get(only) ?? null;
    const suggestion = spdx ? undefined : suggest(only.split(' :: ').at(-1));
    return suggestion ? { spdx, basis: 'classifier', suggestion } : { spdx, basis: 'classifier' };
}
function suggest(text) {
    try {
        return spdx_correct_default()(text, { upgrade: true }) ?? undefined;
    }
    catch {
        return undefined;
    }
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
    const selected = (0,license_of/* selectLicense */.IB)(item.metadata, options.from);
    const derived = deriveSpdx(item.metadata);
    const unknown = selected.text === license_of/* LICENSE_UNKNOWN */.Xj && derived.spdx === null;
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
