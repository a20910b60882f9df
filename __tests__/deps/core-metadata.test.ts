import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import fc from 'fast-check'
import {
  decodeMetadata,
  dedent,
  parseCoreMetadata,
  parseMetadataHeaders
} from '../../src/deps/core-metadata.js'
import { ParseError } from '../../src/shared/errors.js'

const FILE = '/site-packages/example-1.0.dist-info/METADATA'

function parse(text: string): ReturnType<typeof parseCoreMetadata> {
  return parseCoreMetadata(decodeMetadata(Buffer.from(text), FILE), FILE)
}

describe('parseCoreMetadata', () => {
  test('reads name, version, classifiers, requirements and PEP 639 fields; ignores the body', () => {
    const parsed = parse(
      [
        'Metadata-Version: 2.4',
        'Name: Example_Pkg',
        'Version: 1.0.post1',
        'License-Expression: MIT OR Apache-2.0',
        'License-File: LICENSE',
        'License-File: licenses/NOTICE',
        'Classifier: Programming Language :: Python :: 3',
        'Classifier: License :: OSI Approved :: MIT License',
        'Requires-Dist: idna>=2.5',
        'Requires-Dist: PySocks!=1.5.7,>=1.5.6; extra == "socks"',
        '',
        'License: this line is in the description, not a header',
        'Classifier: neither is this',
        ''
      ].join('\n')
    )
    expect(parsed).toEqual({
      name: 'Example_Pkg',
      version: '1.0.post1',
      metadata: {
        licenseExpression: 'MIT OR Apache-2.0',
        classifiers: [
          'Programming Language :: Python :: 3',
          'License :: OSI Approved :: MIT License'
        ]
      },
      requiresDist: ['idna>=2.5', 'PySocks!=1.5.7,>=1.5.6; extra == "socks"'],
      licenseFiles: ['LICENSE', 'licenses/NOTICE']
    })
  })

  test('a License spanning lines indented by 8 spaces loses the indentation', () => {
    const parsed = parse(
      'Name: a\nVersion: 1\nLicense: BSD 3-Clause License\n        \n        Copyright (c) 2001\n        All rights reserved.\n'
    )
    expect(parsed.metadata.license).toBe(
      'BSD 3-Clause License\n\nCopyright (c) 2001\nAll rights reserved.'
    )
  })

  test('continuations indented by 9 spaces keep one, as importlib.metadata does (scipy)', () => {
    const parsed = parse(
      'Name: scipy\nVersion: 1\nLicense: Copyright (c) 2001-2002 Enthought, Inc.\n         All rights reserved.\n         \n         Redistribution\n'
    )
    expect(parsed.metadata.license).toBe(
      'Copyright (c) 2001-2002 Enthought, Inc.\n All rights reserved.\n\n Redistribution'
    )
  })

  test("'       |' continuations keep the bar, and the first line gains a space", () => {
    const parsed = parse(
      'Name: a\nVersion: 1\nLicense: BSD\n       |Line two\n       |\n       |Line four\n'
    )
    expect(parsed.metadata.license).toBe(' BSD\n|Line two\n|\n|Line four')
  })

  test('CRLF files, header names in any case, first License wins, trailing spaces kept', () => {
    const parsed = parse('NAME: crlf\r\nversion: 2.0\r\nlicense: MIT  \r\nLicense: second\r\n')
    expect(parsed.name).toBe('crlf')
    expect(parsed.version).toBe('2.0')
    expect(parsed.metadata).toEqual({ license: 'MIT  ', classifiers: [] })
  })

  test('the header block ends at a line that is not a header', () => {
    const parsed = parse('Name: a\nVersion: 1\nnot a header\nLicense: MIT\n')
    expect(parsed.metadata.license).toBeUndefined()
  })

  test('missing Name or Version is a ParseError naming the file', () => {
    expect(() => parse('Metadata-Version: 2.1\nVersion: 1\n')).toThrow(ParseError)
    expect(() => parse('Metadata-Version: 2.1\nVersion: 1\n')).toThrow(
      `${FILE}: metadata has no 'Name'`
    )
    expect(() => parse('Name: a\n\nVersion: 1\n')).toThrow(
      `${FILE}: metadata for a has no 'Version'`
    )
  })

  test('bytes that are not UTF-8 are a ParseError naming the file', () => {
    expect(() => decodeMetadata(Buffer.from([0x4e, 0x61, 0xff, 0x0a]), FILE)).toThrow(
      `${FILE}: metadata is not valid UTF-8`
    )
  })
})

describe('dedent', () => {
  test('removes the common margin of spaces and tabs, blanks whitespace-only lines', () => {
    expect(dedent('    a\n      b\n  \n    c')).toBe('a\n  b\n\nc')
    expect(dedent('\ta\n  b')).toBe('\ta\n  b')
    expect(dedent('  \ta\n  b')).toBe('\ta\nb')
  })
})

/**
 * Oracle: Python's own importlib.metadata reads the same bytes. Every generated METADATA must
 * give exactly the headers importlib.metadata gives (after its redent), in order.
 */
const python = findPython()
const describeWithPython = python ? describe : describe.skip
if (!python)
  console.warn('core-metadata: python3 not found; skipping the comparison with importlib.metadata')

describeWithPython('agrees with importlib.metadata on generated metadata', () => {
  let root: string
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'pyaudit-core-metadata-'))
  })
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

  test('300 random header blocks', () => {
    const samples = fc.sample(metadataText(), { numRuns: 300, seed: 20241129 })
    const dirs = samples.map((text, index) => {
      const dir = path.join(root, `d${index}`)
      fs.mkdirSync(dir)
      fs.writeFileSync(path.join(dir, 'METADATA'), text)
      return dir
    })
    const expected = JSON.parse(
      execFileSync(python!, ['-I', '-c', ORACLE_SCRIPT, ...dirs], { encoding: 'utf8' })
    ) as Array<Array<[string, string]>>
    samples.forEach((text, index) => {
      const actual = parseMetadataHeaders(decodeMetadata(Buffer.from(text), 'METADATA'))
      expect({ text, headers: actual.map(h => [h.name, h.value]) }).toEqual({
        text,
        headers: expected[index]
      })
    })
  })
})

const ORACLE_SCRIPT = `
import importlib.metadata, json, sys
out = []
for d in sys.argv[1:]:
    md = importlib.metadata.Distribution.at(d).metadata
    items = [[k, v] for k, v in md.items()]
    if md.get_payload():
        items = items[:-1]  # the Description importlib adds from the body
    out.append(items)
print(json.dumps(out))
`

function metadataText(): fc.Arbitrary<string> {
  const value = fc.string({
    unit: fc.constantFrom('a', 'Z', ' ', ':', '|', '\t', 'é', '-', '(', '='),
    maxLength: 12
  })
  const header = fc
    .tuple(
      fc.constantFrom(
        'Name',
        'Version',
        'License',
        'license',
        'Classifier',
        'Requires-Dist',
        'X_Odd.1'
      ),
      fc.constantFrom(': ', ':', ':  ', ':\t'),
      value
    )
    .map(([name, colon, text]) => name + colon + text)
  const continuation = fc
    .tuple(
      fc.constantFrom(' '.repeat(8), '       |', ' '.repeat(9), '\t', '  ', '        \t'),
      value
    )
    .map(([indent, text]) => indent + text)
  const whitespaceOnly = fc.constantFrom('        ', '\t', ' ')
  const odd = fc.constantFrom('From someone', ':no name', 'Key With Space: x', 'no colon')
  const line = fc.oneof(
    { arbitrary: header, weight: 5 },
    { arbitrary: continuation, weight: 4 },
    { arbitrary: whitespaceOnly, weight: 1 },
    { arbitrary: odd, weight: 1 }
  )
  return fc
    .tuple(
      fc.array(line, { minLength: 1, maxLength: 8 }),
      fc.constantFrom('\n', '\r\n', '\r'),
      fc.constantFrom('', '\nLicense: body text\n', '\n'),
      fc.boolean()
    )
    .map(([lines, eol, body, finalNewline]) => lines.join(eol) + (finalNewline ? eol : '') + body)
}

function findPython(): string | undefined {
  try {
    execFileSync('python3', ['-c', 'pass'])
    return 'python3'
  } catch {
    return undefined
  }
}
