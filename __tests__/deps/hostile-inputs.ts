/**
 * Hostile dependency files of about 10 MiB, one list per format: the shapes that make a careless
 * reader slow (long dotted keys, deep nesting, huge arrays, many lines, many includes). Shared by
 * the size test and the profiling script; each is generated, never committed.
 */
import type { SourceFormat } from '../../src/deps/types.js'

export const TARGET_BYTES = 10 * 2 ** 20

export interface HostileInput {
  name: string
  format: Exclude<SourceFormat, 'environment' | 'pip-report'>
  /** The file to read first, then any other files it needs (includes). */
  files: () => Record<string, string>
}

/** `piece` repeated until the text is about TARGET_BYTES long. */
function fill(piece: string, bytes = TARGET_BYTES): string {
  return piece.repeat(Math.max(1, Math.floor(bytes / piece.length)))
}

/** `make(i)` for i = 0, 1, ... joined until about TARGET_BYTES. */
function lines(make: (index: number) => string, bytes = TARGET_BYTES): string {
  const parts: string[] = []
  let size = 0
  for (let index = 0; size < bytes; index++) {
    const line = make(index)
    parts.push(line)
    size += line.length
  }
  return parts.join('')
}

/** Text that makes `text` about TARGET_BYTES without adding TOML items: one long string value. */
function padToml(text: string): string {
  const room = TARGET_BYTES - text.length - 32
  return room > 0 ? `padding = "${'x'.repeat(room)}"\n${text}` : text
}

/** Just under MAX_TOML_ITEMS (200,000): what the parser and the readers must take in time. */
const UNDER_BUDGET = 190_000

const dotted = (count: number, key = 'a'): string => Array(count).fill(key).join('.')
const deep = (depth: number, open: string, close: string, inner = ''): string =>
  open.repeat(depth) + inner + close.repeat(depth)
const keysFor = (bytes: number, key = 'a'): number => Math.floor(bytes / (key.length + 1))

const requirements: HostileInput[] = [
  {
    name: 'one pin per line, 1.5 million lines',
    format: 'requirements',
    files: () => ({ 'requirements.txt': fill('a==1.0\n') })
  },
  {
    name: 'distinct pins, 600,000 lines',
    format: 'requirements',
    files: () => ({ 'requirements.txt': lines(i => `package-${i}==1.0.${i}\n`) })
  },
  {
    name: 'comments and blank lines only',
    format: 'requirements',
    files: () => ({ 'requirements.txt': fill('# a comment\n\n   \n') })
  },
  {
    name: 'global options only, 1.7 million lines',
    format: 'requirements',
    files: () => ({ 'requirements.txt': fill('--pre\n') })
  },
  {
    name: 'one logical line of 2 million continuations',
    format: 'requirements',
    files: () => ({ 'requirements.txt': `a==1${fill(' \\\n', TARGET_BYTES - 10)}\n` })
  },
  {
    name: 'a 10 MiB name',
    format: 'requirements',
    files: () => ({ 'requirements.txt': `${fill('a')}==1.0\n` })
  },
  {
    name: 'a 10 MiB marker of and-ed clauses',
    format: 'requirements',
    files: () => ({
      'requirements.txt': `a==1.0; ${fill('python_version >= "3" and ')}os_name == "posix"\n`
    })
  },
  {
    name: 'a marker of 300,000 different comparisons',
    format: 'requirements',
    files: () => ({
      'requirements.txt': `a==1.0; ${lines(i => `python_version ~= "3.${i}" or `)}os_name == "posix"\n`
    })
  },
  {
    name: 'a different marker on each of 250,000 pins',
    format: 'requirements',
    files: () => ({
      'requirements.txt': lines(i => `p${i}==1.0; python_full_version >= "3.${i}"\n`)
    })
  },
  {
    name: '5 million nested parentheses in a marker',
    format: 'requirements',
    files: () => ({
      'requirements.txt': `a==1; ${deep(5_000_000, '(', ')', 'python_version >= "3"')}\n`
    })
  },
  {
    name: '1 million hashes on one pin',
    format: 'requirements',
    files: () => ({ 'requirements.txt': `a==1${fill(' --hash=sha256:ab')}\n` })
  },
  {
    name: 'a 10 MiB arbitrary-equality version',
    format: 'requirements',
    files: () => ({ 'requirements.txt': `a===${fill('1')}\n` })
  },
  {
    name: '700,000 includes of one file',
    format: 'requirements',
    files: () => ({
      'requirements.txt': fill('-r other.txt\n'),
      'other.txt': 'six==1.16.0\n'
    })
  },
  {
    name: '400,000 includes of one file, each spelled differently',
    format: 'requirements',
    files: () => ({
      'requirements.txt': lines(i => `-r ./d${i}/../other.txt\n`),
      'other.txt': 'six==1.16.0\n'
    })
  },
  {
    name: '5,000 files in a diamond of includes',
    format: 'requirements',
    files: () => {
      const files: Record<string, string> = {}
      const count = 5_000
      files['requirements.txt'] = lines(i => `-r part-${i % count}.txt\n`)
      for (let i = 0; i < count; i++)
        files[`part-${i}.txt`] = `package-${i}==1.0\n-r part-${(i + 1) % count}.txt\n`
      return files
    }
  },
  {
    name: 'a chain of 64 includes, each 150 KiB',
    format: 'requirements',
    files: () => {
      const files: Record<string, string> = {}
      for (let i = 0; i < 64; i++) {
        const body = lines(j => `p${i}-${j}==1.0\n`, TARGET_BYTES / 64)
        files[i === 0 ? 'requirements.txt' : `level-${i}.txt`] =
          i < 63 ? `${body}-r level-${i + 1}.txt\n` : body
      }
      return files
    }
  },
  {
    name: '2 million environment variable references',
    format: 'requirements',
    files: () => ({ 'requirements.txt': `a @ https://x/${fill('${V}')}\n` })
  }
]

const PROJECT = '[project]\nname = "demo"\nversion = "1"\n'

const pyproject: HostileInput[] = [
  {
    name: 'a table header of 190,000 dotted keys, just under the TOML limit',
    format: 'pyproject',
    files: () => ({ 'pyproject.toml': padToml(`${PROJECT}[tool.${dotted(UNDER_BUDGET)}]\nx = 1`) })
  },
  {
    name: '190,000 keys in one table',
    format: 'pyproject',
    files: () => ({
      'pyproject.toml': padToml(
        `${PROJECT}[tool.t]\n${Array.from({ length: UNDER_BUDGET }, (_, i) => `k${i} = 1\n`).join('')}`
      )
    })
  },
  {
    name: 'an array 900 deep holding 180,000 values',
    format: 'pyproject',
    files: () => ({
      'pyproject.toml': padToml(`${PROJECT}x = ${deep(900, '[', ']', fill('1,', 2 * 180_000))}`)
    })
  },
  {
    name: '100,000 dependencies, the most one run takes',
    format: 'pyproject',
    files: () => ({
      'pyproject.toml': padToml(
        `${PROJECT}dependencies = [\n${Array.from({ length: 100_000 }, (_, i) => `  "p${i}==1.0; python_version >= '3.${i % 5000}'",\n`).join('')}]`
      )
    })
  },
  {
    name: '100,001 dependencies',
    format: 'pyproject',
    files: () => ({
      'pyproject.toml': padToml(
        `${PROJECT}dependencies = [\n${Array.from({ length: 100_001 }, (_, i) => `  "p${i}==1.0",\n`).join('')}]`
      )
    })
  },
  {
    name: '100 dependency groups, each including every one before it',
    format: 'pyproject',
    files: () => {
      const groups = Array.from({ length: 100 }, (_, i) => {
        const includes = Array.from({ length: i }, (_, j) => `{include-group = "g${j}"}`)
        return `g${i} = [${[...includes, `"p${i}==1"`].join(', ')}]\n`
      })
      return { 'pyproject.toml': padToml(`${PROJECT}[dependency-groups]\n${groups.join('')}`) }
    }
  },
  {
    name: 'a chain of 100 dependency groups with 900 pins each',
    format: 'pyproject',
    files: () => {
      const pins = (i: number) =>
        Array.from({ length: 900 }, (_, j) => `"p${i}-${j}==1"`).join(', ')
      const groups = Array.from(
        { length: 100 },
        (_, i) => `g${i} = [${i ? `{include-group = "g${i - 1}"}, ` : ''}${pins(i)}]\n`
      )
      return { 'pyproject.toml': padToml(`${PROJECT}[dependency-groups]\n${groups.join('')}`) }
    }
  },
  {
    name: '30,000 optional Poetry dependencies, all listed in one extra',
    format: 'pyproject',
    files: () => {
      const names = Array.from({ length: 30_000 }, (_, i) => `p${i}`)
      const deps = names.map(name => `${name} = { version = "^1.0", optional = true }\n`)
      const listing = names.map(name => `"${name}"`).join(', ')
      return {
        'pyproject.toml': padToml(
          `[tool.poetry]\nname = "demo"\nversion = "1"\n[tool.poetry.dependencies]\n${deps.join('')}[tool.poetry.extras]\nall = [${listing}]`
        )
      }
    }
  },
  {
    name: '50,000 [project] dependencies, each enriched by a Poetry entry',
    format: 'pyproject',
    files: () => {
      const names = Array.from({ length: 50_000 }, (_, i) => `p${i}`)
      return {
        'pyproject.toml': padToml(
          `${PROJECT}dependencies = [${names.map(name => `"${name}>=1"`).join(', ')}]\n[tool.poetry.dependencies]\n${names.map(name => `${name} = "^1.2"\n`).join('')}`
        )
      }
    }
  },
  {
    name: '101 dependency groups',
    format: 'pyproject',
    files: () => ({
      'pyproject.toml': padToml(
        `${PROJECT}[dependency-groups]\n${Array.from({ length: 101 }, (_, i) => `g${i} = ["p${i}==1"]\n`).join('')}`
      )
    })
  },
  {
    name: '100,000 Poetry dependencies',
    format: 'pyproject',
    files: () => ({
      'pyproject.toml': padToml(
        `[tool.poetry]\nname = "demo"\nversion = "1"\n[tool.poetry.dependencies]\n${Array.from({ length: 100_000 }, (_, i) => `p${i} = "^1.${i}"\n`).join('')}`
      )
    })
  },
  {
    name: 'a table header of 5 million dotted keys',
    format: 'pyproject',
    files: () => ({ 'pyproject.toml': `${PROJECT}[${dotted(keysFor(TARGET_BYTES))}]\nx = 1\n` })
  },
  {
    name: 'an array-of-tables header of 5 million dotted keys',
    format: 'pyproject',
    files: () => ({
      'pyproject.toml': `${PROJECT}[[${dotted(keysFor(TARGET_BYTES))}]]\nx = 1\n`
    })
  },
  {
    name: 'a key of 5 million dotted parts',
    format: 'pyproject',
    files: () => ({ 'pyproject.toml': `${PROJECT}${dotted(keysFor(TARGET_BYTES), 'b')} = 1\n` })
  },
  {
    name: 'a dotted header inside an array of tables, 2 million keys',
    format: 'pyproject',
    files: () => ({
      'pyproject.toml': `${PROJECT}[[t]]\n[[t.${dotted(keysFor(TARGET_BYTES / 2))}]]\n[t.${dotted(keysFor(TARGET_BYTES / 2 - 100), 'b')}]\n`
    })
  },
  {
    name: '800,000 dependencies in one array',
    format: 'pyproject',
    files: () => ({
      'pyproject.toml': `${PROJECT}dependencies = [\n${lines(i => `  "p${i}==1.0",\n`)}]\n`
    })
  },
  {
    name: '5 million nested arrays',
    format: 'pyproject',
    files: () => ({ 'pyproject.toml': `${PROJECT}dependencies = ${deep(5_000_000, '[', ']')}\n` })
  },
  {
    name: '2 million nested inline tables',
    format: 'pyproject',
    files: () => ({
      'pyproject.toml': `${PROJECT}x = ${deep(2_000_000, '{a = ', '}', '1')}\n`
    })
  },
  {
    name: '400,000 tables',
    format: 'pyproject',
    files: () => ({ 'pyproject.toml': PROJECT + lines(i => `[tool.t${i}]\nk = 1\n`) })
  },
  {
    name: '200,000 optional-dependency extras',
    format: 'pyproject',
    files: () => ({
      'pyproject.toml': `${PROJECT}[project.optional-dependencies]\n${lines(i => `e${i} = ["p${i}==1.0"]\n`)}`
    })
  },
  {
    name: 'a chain of 300,000 include-group entries',
    format: 'pyproject',
    files: () => ({
      'pyproject.toml': `${PROJECT}[dependency-groups]\ng0 = ["a==1"]\n${lines(i => `g${i + 1} = [{include-group = "g${i}"}, "b${i}==1"]\n`)}`
    })
  },
  {
    name: 'groups that each include every earlier one',
    format: 'pyproject',
    files: () => {
      const count = 900
      const groups = Array.from({ length: count }, (_, i) => {
        const includes = Array.from({ length: i }, (_, j) => `{include-group = "g${j}"}`)
        return `g${i} = [${[...includes, `"p${i}==1"`].join(', ')}]\n`
      })
      return { 'pyproject.toml': `${PROJECT}[dependency-groups]\n${groups.join('')}` }
    }
  },
  {
    name: '300,000 Poetry dependencies',
    format: 'pyproject',
    files: () => ({
      'pyproject.toml': `[tool.poetry]\nname = "demo"\nversion = "1"\n[tool.poetry.dependencies]\n${lines(i => `p${i} = "^1.${i}"\n`)}`
    })
  },
  {
    name: 'a 10 MiB string',
    format: 'pyproject',
    files: () => ({ 'pyproject.toml': `${PROJECT}description = "${fill('x')}"\n` })
  }
]

const poetryLock: HostileInput[] = [
  {
    name: 'poetry.lock: 45,000 packages, just under the TOML limit',
    format: 'poetry.lock',
    files: () => ({
      'poetry.lock': padToml(
        `[metadata]\nlock-version = "2.0"\n\n${Array.from({ length: 45_000 }, (_, i) => `[[package]]\nname = "p${i}"\nversion = "1.0"\n\n`).join('')}`
      )
    })
  },
  {
    name: 'poetry.lock: 200,000 packages',
    format: 'poetry.lock',
    files: () => ({
      'poetry.lock': `[metadata]\nlock-version = "2.0"\n\n${lines(i => `[[package]]\nname = "p${i}"\nversion = "1.0"\n\n`)}`
    })
  },
  {
    name: 'poetry.lock: a dependencies table of 600,000 keys',
    format: 'poetry.lock',
    files: () => ({
      'poetry.lock': `[[package]]\nname = "a"\nversion = "1"\n\n[package.dependencies]\n${lines(i => `d${i} = "*"\n`)}`
    })
  },
  {
    name: 'poetry.lock: a header of 5 million dotted keys',
    format: 'poetry.lock',
    files: () => ({
      'poetry.lock': `[[package]]\nname = "a"\nversion = "1"\n[package.${dotted(keysFor(TARGET_BYTES))}]\n`
    })
  },
  {
    name: 'poetry.lock: 2 million nested inline tables',
    format: 'poetry.lock',
    files: () => ({
      'poetry.lock': `[[package]]\nname = "a"\nversion = "1"\nx = ${deep(2_000_000, '{a = ', '}', '1')}\n`
    })
  },
  {
    name: 'poetry.lock: a files array of 100,000 entries',
    format: 'poetry.lock',
    files: () => ({
      'poetry.lock': `[[package]]\nname = "a"\nversion = "1"\nfiles = [\n${lines(i => `    {file = "a-${i}.whl", hash = "sha256:${'0'.repeat(64)}"},\n`)}]\n`
    })
  }
]

const uvLock: HostileInput[] = [
  {
    name: 'uv.lock: 27,000 packages, just under the TOML limit',
    format: 'uv.lock',
    files: () => ({
      'uv.lock': padToml(
        `version = 1\n\n${Array.from({ length: 27_000 }, (_, i) => `[[package]]\nname = "p${i}"\nversion = "1.0"\nsource = { registry = "https://pypi.org/simple" }\n\n`).join('')}`
      )
    })
  },
  {
    name: 'uv.lock: 150,000 packages',
    format: 'uv.lock',
    files: () => ({
      'uv.lock': `version = 1\n\n${lines(i => `[[package]]\nname = "p${i}"\nversion = "1.0"\nsource = { registry = "https://pypi.org/simple" }\n\n`)}`
    })
  },
  {
    name: 'uv.lock: one package depending on 400,000 others',
    format: 'uv.lock',
    files: () => ({
      'uv.lock': `version = 1\n\n[[package]]\nname = "a"\nversion = "1"\nsource = { registry = "https://pypi.org/simple" }\ndependencies = [\n${lines(i => `    { name = "d${i}" },\n`)}]\n`
    })
  },
  {
    name: 'uv.lock: 100,000 wheels',
    format: 'uv.lock',
    files: () => ({
      'uv.lock': `version = 1\n\n[[package]]\nname = "a"\nversion = "1"\nsource = { registry = "https://pypi.org/simple" }\nwheels = [\n${lines(i => `    { url = "https://x/a-${i}-py3-none-any.whl", hash = "sha256:${'0'.repeat(64)}", size = 1 },\n`)}]\n`
    })
  },
  {
    name: 'uv.lock: 5 million nested arrays',
    format: 'uv.lock',
    files: () => ({
      'uv.lock': `version = 1\n\n[[package]]\nname = "a"\nversion = ${deep(5_000_000, '[', ']')}\n`
    })
  },
  {
    name: 'uv.lock: a header of 5 million dotted keys',
    format: 'uv.lock',
    files: () => ({
      'uv.lock': `version = 1\n\n[[package]]\nname = "a"\nversion = "1"\n[package.${dotted(keysFor(TARGET_BYTES))}]\n`
    })
  },
  {
    name: 'uv.lock: a ladder of 10,000 packages, two conditional edges each',
    format: 'uv.lock',
    files: () => ({ 'uv.lock': padToml(conditionalUvLock(10_000, 1, 2)) })
  },
  {
    name: 'uv.lock: 50 layers of 20, each depending on the next layer under its own markers',
    format: 'uv.lock',
    files: () => ({ 'uv.lock': padToml(conditionalUvLock(1_000, 20, 20)) })
  }
]

/**
 * A project depending on the first `width` packages; package i on the `fan` packages after its
 * layer (i + width - i % width ...), each edge under a marker of its own: conditions to work out
 * along many paths.
 */
function conditionalUvLock(count: number, width: number, fan: number): string {
  const registry = 'source = { registry = "https://pypi.org/simple" }'
  const edge = (target: number, index: number) =>
    `{ name = "p${target}", marker = "python_full_version >= '3.${index % 997}'" }`
  const roots = Array.from({ length: width }, (_, i) => edge(i, i)).join(', ')
  const parts = [
    `version = 1\n\n[[package]]\nname = "app"\nversion = "0"\nsource = { editable = "." }\ndependencies = [${roots}]\n\n`
  ]
  let edges = 0
  for (let i = 0; i < count; i++) {
    const next = i - (i % width) + width
    const targets = Array.from({ length: fan }, (_, k) => next + k).filter(t => t < count)
    const list = targets.map(target => edge(target, edges++)).join(', ')
    parts.push(
      `[[package]]\nname = "p${i}"\nversion = "1"\n${registry}\ndependencies = [${list}]\n\n`
    )
  }
  return parts.join('')
}

const pipfileLock: HostileInput[] = [
  {
    name: 'Pipfile.lock: 100,000 packages, the most one run takes',
    format: 'Pipfile.lock',
    files: () => ({
      'Pipfile.lock': `{"_meta": {}, "default": {${Array.from({ length: 100_000 }, (_, i) => `"p${i}": {"version": "==1.0.${i}", "markers": "python_version >= '3.${i}'", "hashes": ["sha256:${'0'.repeat(64)}"]}`).join(',\n')}}}`
    })
  },
  {
    name: 'Pipfile.lock: 64 levels of nesting, the most it takes',
    format: 'Pipfile.lock',
    files: () => ({
      'Pipfile.lock': `{"_meta": ${deep(62, '{"a":', '}', `"${fill('x')}"`)}, "default": {}}`
    })
  },
  {
    name: 'Pipfile.lock: 250,000 packages',
    format: 'Pipfile.lock',
    files: () => ({
      'Pipfile.lock': `{"_meta": {}, "default": {${lines(i => `${i ? ',' : ''}"p${i}": {"version": "==1.0.${i}"}`)}}}`
    })
  },
  {
    name: 'Pipfile.lock: 5 million nested arrays',
    format: 'Pipfile.lock',
    files: () => ({ 'Pipfile.lock': `{"_meta": {}, "default": ${deep(5_000_000, '[', ']')}}` })
  },
  {
    name: 'Pipfile.lock: 2 million nested objects in a package',
    format: 'Pipfile.lock',
    files: () => ({
      'Pipfile.lock': `{"_meta": {}, "default": {"a": ${deep(2_000_000, '{"a":', '}', '1')}}}`
    })
  },
  {
    name: 'Pipfile.lock: 150,000 hashes on one package',
    format: 'Pipfile.lock',
    files: () => ({
      'Pipfile.lock': `{"_meta": {}, "default": {"a": {"version": "==1", "hashes": [${lines(i => `${i ? ',' : ''}"sha256:${'0'.repeat(64)}"`)}]}}}`
    })
  },
  {
    name: 'Pipfile.lock: a 10 MiB marker',
    format: 'Pipfile.lock',
    files: () => ({
      'Pipfile.lock': `{"_meta": {}, "default": {"a": {"version": "==1", "markers": "${fill("python_version >= '3' and ")}os_name == 'posix'"}}}`
    })
  }
]

const pdmLock: HostileInput[] = [
  {
    name: 'pdm.lock: 45,000 packages, just under the TOML limit',
    format: 'pdm.lock',
    files: () => ({
      'pdm.lock': padToml(
        `[metadata]\nlock_version = "4.5.0"\n\n${Array.from({ length: 45_000 }, (_, i) => `[[package]]\nname = "p${i}"\nversion = "1.0"\n\n`).join('')}`
      )
    })
  },
  {
    name: 'pdm.lock: 200,000 packages',
    format: 'pdm.lock',
    files: () => ({
      'pdm.lock': `[metadata]\ngroups = ["default"]\nlock_version = "4.5.0"\n\n${lines(i => `[[package]]\nname = "p${i}"\nversion = "1.0"\ngroups = ["default"]\n\n`)}`
    })
  },
  {
    name: 'pdm.lock: one package with 400,000 dependencies',
    format: 'pdm.lock',
    files: () => ({
      'pdm.lock': `[metadata]\nlock_version = "4.5.0"\n\n[[package]]\nname = "a"\nversion = "1"\ndependencies = [\n${lines(i => `    "d${i}>=1",\n`)}]\n`
    })
  },
  {
    name: 'pdm.lock: a header of 5 million dotted keys',
    format: 'pdm.lock',
    files: () => ({
      'pdm.lock': `[metadata]\nlock_version = "4.5.0"\n[metadata.${dotted(keysFor(TARGET_BYTES))}]\n`
    })
  },
  {
    name: 'pdm.lock: 600,000 groups',
    format: 'pdm.lock',
    files: () => ({
      'pdm.lock': `[metadata]\nlock_version = "4.5.0"\n\n[[package]]\nname = "a"\nversion = "1"\ngroups = [${lines(i => `"g${i}", `)}]\n`
    })
  }
]

const pylock: HostileInput[] = [
  {
    name: 'pylock.toml: 45,000 packages, just under the TOML limit',
    format: 'pylock.toml',
    files: () => ({
      'pylock.toml': padToml(
        `lock-version = "1.0"\ncreated-by = "x"\n\n${Array.from({ length: 45_000 }, (_, i) => `[[packages]]\nname = "p${i}"\nversion = "1.0"\n\n`).join('')}`
      )
    })
  },
  {
    name: 'pylock.toml: 200,000 packages',
    format: 'pylock.toml',
    files: () => ({
      'pylock.toml': `lock-version = "1.0"\ncreated-by = "x"\n\n${lines(i => `[[packages]]\nname = "p${i}"\nversion = "1.0"\n\n`)}`
    })
  },
  {
    name: 'pylock.toml: 100,000 wheels on one package',
    format: 'pylock.toml',
    files: () => ({
      'pylock.toml': `lock-version = "1.0"\ncreated-by = "x"\n\n[[packages]]\nname = "a"\nversion = "1"\nwheels = [\n${lines(i => `  { url = "https://x/a-${i}.whl", hashes = { sha256 = "${'0'.repeat(64)}" } },\n`)}]\n`
    })
  },
  {
    name: 'pylock.toml: a header of 5 million dotted keys',
    format: 'pylock.toml',
    files: () => ({
      'pylock.toml': `lock-version = "1.0"\ncreated-by = "x"\n[[packages]]\nname = "a"\nversion = "1"\n[packages.${dotted(keysFor(TARGET_BYTES))}]\n`
    })
  },
  {
    name: 'pylock.toml: 5 million nested arrays',
    format: 'pylock.toml',
    files: () => ({
      'pylock.toml': `lock-version = "1.0"\ncreated-by = "x"\n[[packages]]\nname = "a"\nversion = ${deep(5_000_000, '[', ']')}\n`
    })
  }
]

export const HOSTILE_INPUTS: readonly HostileInput[] = [
  ...requirements,
  ...pyproject,
  ...poetryLock,
  ...uvLock,
  ...pipfileLock,
  ...pdmLock,
  ...pylock
]
