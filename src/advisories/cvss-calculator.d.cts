import type * as cvss from 'ae-cvss-calculator'

/** ae-cvss-calculator's exports, loaded on the first call. */
declare function loadCvssCalculators(): typeof cvss
export = loadCvssCalculators
