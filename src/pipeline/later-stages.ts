/**
 * The stages a run needs only once its advisories are asked for. run-audit.ts loads them with
 * one import() after the lookup has started, so that their code is compiled while the first
 * answers are awaited instead of before the first request goes out.
 */
export { assessFindings } from './assess.js'
export { describeChangeScope, judgeChangeScope } from './change-scope.js'
export { startUpgradeVerification } from './verify-upgrades.js'
export { reportsListLicenses, writeReports } from './write-reports.js'
export { auditLicenses } from '../licenses/audit-licenses.js'
