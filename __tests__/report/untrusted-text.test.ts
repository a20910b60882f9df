/**
 * The one filter every printed string passes (src/shared/escape.ts), on its own: what it
 * removes, what it redacts, and how Markdown escaping keeps advisory text from becoming live.
 */
import { describe, expect, test } from '@jest/globals'
import {
  cleanText,
  escapeMarkdown,
  redactSecrets,
  registerSecret,
  urlSecrets
} from '../../src/shared/escape.js'
import { redactCredentials } from '../../src/shared/text.js'

describe('cleanText', () => {
  test('removes escape sequences whole, controls and bidi characters; keeps the words', () => {
    const text =
      'a\u001b[1;31mred\u001b[0m \u001b]8;;https://x.example\u001b\\link\u001b]8;;\u001b\\ ' +
      '\u202Eabc\u202C \u2066d\u2069 \u200Ee\u200F \u061Cf \u0085g\u009b2J \u0000h\u007f'
    expect(cleanText(text)).toBe('ared link abc d e f g h')
  })

  test('one line unless asked for several; tabs become spaces', () => {
    expect(cleanText('a\r\nb\rc\nd\te')).toBe('a b c d e')
    expect(cleanText('a\r\nb\rc\nd\te', { multiline: true })).toBe('a\nb\nc\nd e')
  })

  test('a control character inside a secret does not smuggle it past', () => {
    registerSecret('hunter2-secret-value')
    expect(cleanText('key: hunter2-\u0000secret-\u202Evalue')).toBe('key: ***')
  })
})

describe('secrets', () => {
  test('URL userinfo goes whole, user included, up to the last @ of the authority', () => {
    expect(redactCredentials('https://user:pa@ss@host.example/p@th?q=a@b')).toBe(
      'https://***@host.example/p@th?q=a@b'
    )
    expect(redactCredentials('git+https://ghp_TOKEN@github.com/o/r.git')).toBe(
      'git+https://***@github.com/o/r.git'
    )
    expect(redactCredentials('mail a@b.example, see https://host/a@b')).toBe(
      'mail a@b.example, see https://host/a@b'
    )
  })

  test('urlSecrets finds passwords, lone user tokens, in both encodings; not git@', () => {
    expect(
      urlSecrets(
        'https://u:p%40ss@h/ https://ghp_tok@h2/ git+ssh://git@github.com/o/r https://__token__:pypi-abc@h3/'
      )
    ).toEqual(['p%40ss', 'p@ss', 'ghp_tok', 'pypi-abc'])
  })

  test('a registered secret is redacted before Markdown escaping could change it', () => {
    registerSecret('odt_Registered_Key_0123456789')
    const markdown = escapeMarkdown('server said: odt_Registered_Key_0123456789!')
    expect(markdown).not.toContain('odt')
    expect(markdown).toContain('\\*\\*\\*')
    expect(redactSecrets('odt_Registered_Key_0123456789')).toBe('***')
  })

  test('short values are left to the runner, not redacted from all text', () => {
    registerSecret('pw')
    expect(redactSecrets('pwd and pw')).toBe('pwd and pw')
  })
})

describe('escapeMarkdown', () => {
  test('bare URLs, www. names and e-mail addresses are kept readable but not linkable', () => {
    const markdown = escapeMarkdown(
      'see https://evil.example/x, WWW.evil.example or a@evil.example'
    )
    expect(markdown).not.toMatch(/https?:\/\/|www\.|@[a-z]/i)
    expect(markdown.replace(/\u2060/g, '').replace(/\\(.)/g, '$1')).toBe(
      'see https://evil.example/x, WWW.evil.example or a@evil.example'
    )
  })
})
