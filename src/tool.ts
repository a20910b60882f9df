/** This tool's name and version, as reports name it. Kept in step with package.json by a test. */
export const TOOL = { name: 'pyaudit-action', version: '0.1.0' } as const
