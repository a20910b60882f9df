import { describe, expect, test } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { parseConfig, parseList } from '../../src/config/config.js'
import { redactCredentials } from '../../src/shared/text.js'
import { InputError } from '../../src/shared/errors.js'
import { TESTS_DIR } from '../support/paths.js'

const environment = {
  cwd: '/work/project',
  env: {
    GITHUB_WORKSPACE: '/ws',
    RUNNER_TEMP: '/runner/tmp',
    RUNNER_TOOL_CACHE: '/opt/hostedtoolcache'
  }
}
const reader = (values: Record<string, string>) => (name: string) => values[name] ?? ''

describe('parseConfig', () => {
  test('defaults resolve against the workspace, RUNNER_TEMP and the tool cache', () => {
    const config = parseConfig(reader({}), environment, 'action')
    expect(config).toEqual({
      workingDirectory: '/ws',
      repositoryRoot: '/ws',
      sources: { paths: [], resolve: 'none', extraIndexUrls: [], strict: false },
      feed: {
        service: 'osv',
        osvUrl: 'https://api.osv.dev',
        pypiUrl: 'https://pypi.org',
        maxDbAgeDays: 7,
        cache: true,
        cacheDir: '/opt/hostedtoolcache/pyaudit'
      },
      findings: {
        ignoreVulns: '',
        failOnVulnerability: true,
        failOnSeverity: 'low',
        failOnUnknownSeverity: true
      },
      scope: 'auto',
      licenses: {
        source: 'auto',
        from: 'mixed',
        policy: {
          failOn: [],
          allowOnly: [],
          partialMatch: false,
          failOnUnknown: false,
          ignorePackages: []
        },
        failOnLicense: true
      },
      packageHealth: {
        enabled: true,
        failOnPackageStatus: ['not-found', 'quarantined', 'hash-mismatch'],
        ignore: []
      },
      fix: 'off',
      outputs: {
        reportPath: '/runner/tmp/pyaudit/pyaudit-report.json',
        uploadArtifact: true,
        comment: 'never',
        githubToken: ''
      },
      requestTimeoutMs: 60_000
    })
  })

  test('scope and base-ref: a choice, and a ref git cannot read as an option', () => {
    const config = parseConfig(
      reader({ scope: 'Changes', 'base-ref': 'origin/main' }),
      environment,
      'action'
    )
    expect([config.scope, config.baseRef]).toEqual(['changes', 'origin/main'])
    expect(() =>
      parseConfig(reader({ 'base-ref': '--upload-pack=x' }), environment, 'action')
    ).toThrow(/^Input 'base-ref': expected a commit, branch or tag name/)
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
    expect(config.sources.paths).toEqual([
      '/ws/svc/requirements.txt',
      '/ws/svc/dev/requirements.txt'
    ])
    expect(config.workingDirectory).toBe('/ws/svc')
  })

  test('python is a path when it has a slash, else a command; output paths resolve', () => {
    const config = parseConfig(
      reader({
        python: '.venv',
        sbom: 'out/sbom.json',
        sarif: 'out/x.sarif',
        resolve: 'pip',
        'extra-index-url': 'https://a/simple\nhttps://b/simple'
      }),
      environment,
      'action'
    )
    expect(config.sources.python).toBe('.venv')
    expect(parseConfig(reader({ python: './.venv' }), environment, 'action').sources.python).toBe(
      '/ws/.venv'
    )
    expect(config.sources.resolve).toBe('pip')
    expect(config.sources.extraIndexUrls).toEqual(['https://a/simple', 'https://b/simple'])
    expect(config.outputs.sbomPath).toBe('/ws/out/sbom.json')
    expect(config.outputs.sarifPath).toBe('/ws/out/x.sarif')
  })

  test('the CLI resolves against the current directory and writes no report unless asked', () => {
    const config = parseConfig(reader({ 'advisory-db': 'db.zip' }), environment, 'cli')
    expect(config.workingDirectory).toBe('/work/project')
    expect(config.feed.advisoryDb).toBe('/work/project/db.zip')
    expect(config.outputs.reportPath).toBeUndefined()
  })

  test('Dependency-Track defaults to the repository and branch, and needs an API key', () => {
    const env = { ...environment.env, GITHUB_REPOSITORY: 'octo/app', GITHUB_REF_NAME: 'main' }
    const config = parseConfig(
      reader({
        'dependency-track-url': 'https://dt.example.com/api',
        'dependency-track-api-key': 'k'
      }),
      { ...environment, env },
      'action'
    )
    expect(config.dependencyTrack).toEqual({
      url: 'https://dt.example.com',
      apiKey: 'k',
      projectName: 'octo/app',
      projectVersion: 'main',
      autoCreate: true,
      wait: false,
      waitTimeoutMs: 300_000
    })
    expect(() =>
      parseConfig(reader({ 'dependency-track-url': 'https://dt' }), environment, 'action')
    ).toThrow("Input 'dependency-track-api-key': is required when dependency-track-url is set")
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
    ['python-version', '2.7', /Input 'python-version': expected a Python 3 version/],
    ['resolve', 'poetry', /Input 'resolve': expected one of none, pip, got 'poetry'/],
    ['vulnerability-service', 'nvd', /Input 'vulnerability-service': expected one of osv, pypi/],
    ['fail-on-severity', 'severe', /Input 'fail-on-severity'/],
    ['max-db-age', 'forever', /Input 'max-db-age'/],
    ['comment', 'sometimes', /Input 'comment'/],
    ['license-from', 'guess', /Input 'license-from'/],
    ['retention-days', '-1', /Input 'retention-days'/],
    ['dependency-track-project-uuid', 'x', /Input 'dependency-track-/]
  ])('invalid %s=%s is an InputError naming the input', (name, value, message) => {
    const values = name.startsWith('dependency-track')
      ? { 'dependency-track-url': 'https://dt', 'dependency-track-api-key': 'k', [name]: value }
      : { [name]: value }
    const parse = () => parseConfig(reader(values), environment, 'action')
    expect(parse).toThrow(InputError)
    expect(parse).toThrow(message)
  })

  test('error messages quote only a short, single-line excerpt of a bad value, without credentials', () => {
    const value = `${'x'.repeat(500)}\n::error::injected`
    expect(() => parseConfig(reader({ 'osv-url': value }), environment, 'action')).toThrow(
      /^Input 'osv-url': expected an http\(s\) URL, got '[x]{60}…'$/
    )
    expect(() =>
      parseConfig(reader({ 'index-url': 'hxxp://user:s3cret@host/simple' }), environment, 'action')
    ).toThrow(/^Input 'index-url': expected an http\(s\) URL, got 'hxxp:\/\/\*\*\*@host\/simple'$/)
  })
})

test('parseList drops blank lines and comments', () => {
  expect(parseList('a\n  \n# c\nb\r\n')).toEqual(['a', 'b'])
})

test('redactCredentials hides the whole userinfo of URLs (a token is often the user)', () => {
  expect(redactCredentials('see https://me:pw@pypi.example.com/simple and http://x/')).toBe(
    'see https://***@pypi.example.com/simple and http://x/'
  )
})

test('the version reports give is package.json version', async () => {
  const { TOOL } = await import('../../src/tool.js')
  const pkg = JSON.parse(fs.readFileSync(path.resolve(TESTS_DIR, '..', 'package.json'), 'utf8'))
  expect(TOOL).toEqual({ name: pkg.name, version: pkg.version })
})
