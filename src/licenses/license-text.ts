/**
 * The legacy `License` field often holds a whole license text (setuptools copied LICENSE into
 * it for years): pip-licenses prints all of it. Here such a value is recognised - by the
 * fingerprints of the common license texts - and shortened for display, so a report never
 * carries a thousand-line cell and untrusted text never spans lines in a log.
 */

/** What a whole license text was recognised as. */
export interface LicenseTextInfo {
  /** SPDX identifier when exactly one known license text is present and its variant is certain. */
  spdx: string | null
  /** The license families whose text was found ("MIT", "BSD", "GPL", ...), in detection order. */
  families: string[]
  lines: number
  chars: number
}

/** Past this many characters a single-line value is shortened too. */
const MAX_DISPLAY_CHARS = 120
const FIRST_LINE_CHARS = 80

interface Fingerprint {
  family: string
  /** All of these phrases (lowercase, single-spaced) must occur. */
  phrases: string[]
  /** The SPDX identifier, or a function telling the variant apart; null when it cannot be told. */
  spdx: string | null | ((text: string) => string | null)
}

const FINGERPRINTS: readonly Fingerprint[] = [
  {
    family: 'MIT',
    phrases: ['permission is hereby granted, free of charge, to any person obtaining a copy'],
    // Without the notice clause it may be MIT-0 or a truncated MIT text: not certain.
    spdx: text =>
      text.includes('the above copyright notice and this permission notice shall be included')
        ? 'MIT'
        : null
  },
  {
    family: 'BSD',
    phrases: ['redistribution and use in source and binary forms'],
    spdx: bsdVariant
  },
  { family: 'Apache', phrases: ['apache license', 'version 2.0'], spdx: 'Apache-2.0' },
  {
    family: 'ISC',
    phrases: [
      'permission to use, copy, modify, and/or distribute this software for any purpose with or without fee is hereby granted'
    ],
    spdx: 'ISC'
  },
  { family: 'MPL', phrases: ['mozilla public license'], spdx: mplVariant },
  {
    family: 'Unlicense',
    phrases: ['this is free and unencumbered software released into the public domain'],
    spdx: 'Unlicense'
  },
  // Whether "or any later version" applies cannot be read reliably from a text: family only.
  { family: 'GPL', phrases: ['gnu general public license'], spdx: null },
  { family: 'LGPL', phrases: ['gnu lesser general public license'], spdx: null },
  { family: 'AGPL', phrases: ['gnu affero general public license'], spdx: null },
  { family: 'PSF', phrases: ['python software foundation'], spdx: null }
]

function bsdVariant(text: string): string | null {
  if (text.includes('all advertising materials mentioning features')) return 'BSD-4-Clause'
  if (text.includes('endorse or promote products')) return 'BSD-3-Clause'
  if (text.includes('redistributions in binary form must reproduce')) return 'BSD-2-Clause'
  return null
}

function mplVariant(text: string): string | null {
  return /mozilla public license,? (?:v\. |version )2\.0/.test(text) ? 'MPL-2.0' : null
}

/** A `License` value that is a text rather than a name: more than one line, or very long. */
export function isLicenseText(value: string): boolean {
  return value.trim().includes('\n') || value.length > MAX_DISPLAY_CHARS
}

/** Recognises a whole license text; null when the value is a name, not a text. */
export function recogniseLicenseText(value: string): LicenseTextInfo | null {
  if (!isLicenseText(value)) return null
  const text = value.toLowerCase().replace(/\s+/g, ' ')
  const found = FINGERPRINTS.filter(print => print.phrases.every(phrase => text.includes(phrase)))
  const only = found.length === 1 ? found[0]! : undefined
  const spdx = only ? (typeof only.spdx === 'function' ? only.spdx(text) : only.spdx) : null
  return {
    spdx,
    families: found.map(print => print.family),
    lines: value.trim().split('\n').length,
    chars: value.length
  }
}

/**
 * A license string fit for one line of a report or log: control characters become spaces and
 * a license text is cut to its first line, saying how much was left out.
 */
export function displayLicense(value: string): { text: string; shortened: boolean } {
  if (!isLicenseText(value)) return { text: oneLine(value), shortened: false }
  const lines = value.trim().split('\n')
  const first = oneLine(lines.find(line => line.trim() !== '') ?? '').trim()
  const head =
    first.length > FIRST_LINE_CHARS ? `${first.slice(0, FIRST_LINE_CHARS - 1)}…` : `${first} …`
  const size = lines.length > 1 ? `${lines.length} lines` : `${value.length} characters`
  return { text: `${head} (license text, ${size})`, shortened: true }
}

function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]/g, ' ')
}
