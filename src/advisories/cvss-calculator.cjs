// ae-cvss-calculator, required on first use rather than when the bundle loads: a run whose
// vectors are all scored by cvss3.ts and cvss4.ts (the usual case) never needs it (see
// severity.ts). CommonJS
// because a require inside a function is what lets the bundler pack the module and still
// run it only when called; an ES import would run it at load, an import() would make
// scoring asynchronous.
'use strict'
let calculators
module.exports = function loadCvssCalculators() {
  if (calculators === undefined) calculators = require('ae-cvss-calculator')
  return calculators
}
