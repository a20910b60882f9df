// The bundle is ESM; this marks dist/ as such for Node wherever the action is checked out.
import { writeFileSync } from 'node:fs'

writeFileSync('dist/package.json', `${JSON.stringify({ type: 'module' }, null, 2)}\n`)
