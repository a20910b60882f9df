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
