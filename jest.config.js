import { availableParallelism } from 'node:os'

/** What both kinds of test share: ts-jest in ESM mode, `.js` specifiers mapped to the sources. */
const typescript = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }]
  }
}

/**
 * Two projects: `unit` (one module or stage at a time; `npm run test:unit`) and `e2e` (whole
 * runs of the action, the CLI or the built bundle under __tests__/e2e/; `npm run test:e2e`).
 * `npm test` runs both.
 */
/** @type {import('jest').Config} */
export default {
  testTimeout: 30000,
  // Many tests wait (on loopback servers, timers, child processes) as much as they compute, so
  // one worker per core, and at least two, keeps the cores busy; jest's default leaves one idle.
  maxWorkers: Math.max(2, availableParallelism()),
  // src/ compiled once for the tests that start the action or the CLI as a process of its own.
  globalSetup: '<rootDir>/__tests__/support/global-setup.js',
  globalTeardown: '<rootDir>/__tests__/support/global-teardown.js',
  collectCoverageFrom: ['src/**/*.ts'],
  projects: [
    {
      ...typescript,
      displayName: 'unit',
      testMatch: ['<rootDir>/__tests__/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/__tests__/e2e/']
    },
    {
      ...typescript,
      displayName: 'e2e',
      testMatch: ['<rootDir>/__tests__/e2e/**/*.test.ts']
    }
  ]
}
