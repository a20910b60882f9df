// The bundle is ESM; this marks dist/ as such for Node wherever the action is checked out.
import { mkdirSync, writeFileSync } from 'node:fs'

mkdirSync('dist', { recursive: true })
writeFileSync('dist/package.json', `${JSON.stringify({ type: 'module' }, null, 2)}\n`)
