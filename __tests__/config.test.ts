import { describe, expect, test } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { INPUT_DEFAULTS, parseConfig, parseList } from '../src/config.js'
import { InputError } from '../src/errors.js'

const environment = {
  cwd: '/work/project',
  env: { GITHUB_WORKSPACE: '/ws', RUNNER_TEMP: '/runner/tmp' }
}
const reader = (values: Record<string, string>) => (name: string) => values[name] ?? ''

describe('parseConfig', () => {
  test('defaults resolve against the workspace and RUNNER_TEMP', () => {
    const config = parseConfig(reader({}), environment, 'action')
    expect(config).toEqual({
      workingDirectory: '/ws',
      repositoryRoot: '/ws',
      paths: [],
      osvUrl: 'https://api.osv.dev',
      reportPath: '/runner/tmp/pyaudit/pyaudit-report.json',
      pythonVersion: '3.12',
      failOnVulnerability: true,
      uploadArtifact: true
    })
  })

  test('paths are a multiline list relative to working-directory', () => {
    const config = parseConfig(
      reader({
        'working-directory': 'svc',
        paths: 'requirements.txt\n\n  # a comment\n dev/requirements.txt  \r\n'
      }),
      environment,
      'action'
    )
    expect(config.paths).toEqual(['/ws/svc/requirements.txt', '/ws/svc/dev/requirements.txt'])
    expect(config.workingDirectory).toBe('/ws/svc')
  })

  test('the CLI resolves against the current directory and writes no report unless asked', () => {
    const config = parseConfig(reader({ 'advisory-db': 'db.zip' }), environment, 'cli')
    expect(config.workingDirectory).toBe('/work/project')
    expect(config.advisoryDb).toBe('/work/project/db.zip')
    expect(config.reportPath).toBeUndefined()
  })

  test.each([
    [
      'fail-on-vulnerability',
      'yes',
      /Input 'fail-on-vulnerability': expected true or false, got 'yes'/
    ],
    ['upload-artifact', 'nope', /Input 'upload-artifact'/],
    ['osv-url', 'not a url', /Input 'osv-url': 'not a url' is not a URL/],
    ['osv-url', 'ftp://example.com', /Input 'osv-url': expected an http\(s\) URL/],
    ['python-version', '2.7', /Input 'python-version': expected a Python 3 version/]
  ])('invalid %s=%s is an InputError naming the input', (name, value, message) => {
    const parse = () => parseConfig(reader({ [name]: value }), environment, 'action')
    expect(parse).toThrow(InputError)
    expect(parse).toThrow(message)
  })

  test('error messages quote only a short, single-line excerpt of a bad value', () => {
    const value = `${'x'.repeat(500)}\n::error::injected`
    expect(() => parseConfig(reader({ 'osv-url': value }), environment, 'action')).toThrow(
      /^Input 'osv-url': expected an http\(s\) URL, got '[x]{60}…'$/
    )
  })

  test('trailing slashes are dropped from the OSV URL', () => {
    expect(
      parseConfig(reader({ 'osv-url': 'http://127.0.0.1:8080/' }), environment, 'action').osvUrl
    ).toBe('http://127.0.0.1:8080')
  })
})

test('parseList drops blank lines and comments', () => {
  expect(parseList('a\n  \n# c\nb\r\n')).toEqual(['a', 'b'])
})

test('every input in action.yml has the same default in INPUT_DEFAULTS, and vice versa', () => {
  const yaml = fs.readFileSync(path.resolve(import.meta.dirname ?? '.', '..', 'action.yml'), 'utf8')
  const inputsBlock = yaml.split(/^inputs:\n/m)[1]?.split(/^outputs:/m)[0] ?? ''
  const fromYaml: Record<string, string> = {}
  for (const match of inputsBlock.matchAll(
    /^ {2}([a-z-]+):\n(?:^ {4}.*\n)*?^ {4}default: '((?:[^']|'')*)'/gm
  )) {
    fromYaml[match[1] ?? ''] = (match[2] ?? '').replace(/''/g, "'")
  }
  expect(fromYaml).toEqual(INPUT_DEFAULTS)
})
